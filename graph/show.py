"""The document view: a document's text with every reference highlighted by kind and linked to its target.

Rendered with spaCy's displaCy (entity style, manual mode) from the extraction's character
offsets, so what is highlighted is exactly what the extractor found. Nested mentions (a
declaration inside a plan-of-action title) keep the outer one highlighted and list the inner one
in the reference table below the text.
"""

from __future__ import annotations

import html
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote

from instrumap.extract.records import Extraction, Reference
from instrumap.graph.view import styles


@cache
def kind_colors() -> dict[str, str]:
    """Light background colours per kind, from the graph's style table (documents blue, instruments orange …)."""
    colors = styles()["document_view"]
    return {kind: colors.get(look["group"], "#eeeeee") for kind, look in styles()["types"].items()}


def render_document(extraction: Extraction, graph_page: str = "graph.html") -> str:
    """A standalone HTML page: the highlighted text, then a table of every reference, each linked to its node
    in ``graph_page`` (``graph.html#node=<IRI>``: the graph page opens on that node).
    """
    from spacy import displacy  # here, not at import: spaCy takes a second to load and `instrumap visualize` needs none

    doc = extraction.document
    spans: list[dict[str, Any]] = []
    last_end = -1
    for ref in sorted(extraction.references, key=lambda r: (r.start, -(r.end - r.start))):
        if ref.start < last_end:
            continue  # nested or repeated: listed in the table
        spans.append(
            {"start": ref.start, "end": ref.end, "label": ref.kind.upper(), "kb_id": ref.id, "kb_url": ref.uri}
        )
        last_end = ref.end
    colors = {kind.upper(): color for kind, color in kind_colors().items()}

    direction = "rtl" if doc.language in styles()["languages"]["right_to_left"] else "ltr"
    body = displacy.render(
        {"text": doc.text, "ents": spans, "title": None, "settings": {"lang": doc.language, "direction": direction}},
        style="ent", manual=True, page=False, options={"colors": colors},
    )  # fmt: skip
    rows = "".join(
        "<tr>" + "".join(f'<td dir="auto">{html.escape(str(cell))}</td>' for cell in _row(r))
        + f'<td><a href="{html.escape(graph_link(graph_page, r.uri))}">graph</a></td></tr>'
        for r in extraction.references
    )
    relations = "".join(
        f"<li>{html.escape(r.subject)} <b>{html.escape(r.predicate)}</b> {html.escape(r.object)}</li>"
        for r in extraction.relations
    )
    summary = (
        f"{len(extraction.references)} references · {len(extraction.relations)} relations · language {doc.language}"
    )
    template = resources.files("instrumap.graph.templates").joinpath("document.html").read_text(encoding="utf-8")
    fields = {"__LANG__": doc.language, "__DIR__": direction,
              "__TITLE__": html.escape(doc.metadata.symbol or doc.source), "__SUMMARY__": summary,
              "__ROWS__": rows, "__RELATIONS__": relations}  # fmt: skip
    for marker, value in fields.items():
        template = template.replace(marker, value)
    return template.replace("__BODY__", body)  # last: the document's text may contain the markers


def graph_link(graph_page: str, iri: str) -> str:
    return f"{graph_page}#node={quote(iri, safe='')}"


def _row(ref: Reference) -> tuple[str, ...]:
    target = ref.id if ref.resolved else f"{ref.id} (unresolved)"
    return (ref.paragraph, ref.via, ref.function, ref.kind, target, ref.text)
