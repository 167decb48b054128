"""The small public API: extract references, build the graph, query it, look at it.

import instrumap
result = instrumap.extract("A_RES_58_140.zh.txt")
store = instrumap.build(["corpus/"], "out/")
rows = instrumap.query(store, "citing", target="untoc")
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from instrumap.corpus import extract_file
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text
from instrumap.extract.records import Document, Extraction
from instrumap.graph.store import GraphStore, store_folder

if TYPE_CHECKING:
    import networkx as nx


def extract(source: str | Path | Document, *, language: str | None = None) -> Extraction:
    """References and relations of a document given as a path, or as a read ``Document``."""
    return extract_document(source) if isinstance(source, Document) else extract_file(source, language)


def extract_text(text: str, *, language: str | None = None, source: str = "<text>") -> Extraction:
    """References and relations of a document given as text."""
    return extract_document(parse_text(text, source, language))


def build(paths: Iterable[str | Path], out: str | Path, *, language: str | None = None) -> GraphStore:
    """Build (or update) the graph of ``paths`` in ``out`` and return its store, open for reading."""
    from instrumap.builder import build as run_build

    run_build(paths, out, language=language)
    return open_store(out)


def open_store(out: str | Path) -> GraphStore:
    """The store of a build output folder (or the store folder itself), read-only."""
    return GraphStore(store_folder(out), read_only=True)


def query(store: GraphStore, sparql: str, **params: str) -> list[dict[str, str]]:
    """Rows of a saved query (by name), a .rq file or SPARQL text, as dicts of compact strings."""
    from instrumap.graph.sparql import bind, load_query, rows, run

    result = run(store, bind(load_query(sparql), params))
    names, body = rows(result)  # type: ignore[arg-type]
    return [dict(zip(names, row, strict=True)) for row in body]


def network(store: GraphStore) -> nx.MultiDiGraph:
    """The NetworkX view of the graph (nodes typed and labelled, edges by citation function)."""
    from instrumap.graph.network import to_networkx

    return to_networkx(store)


def export(store: GraphStore, fmt: str, path: str | Path) -> list[Path]:
    """Write the graph as ``fmt`` (turtle, nquads, jsonld, graphml, gexf, csv …)."""
    from instrumap.graph.export import export as run_export

    return run_export(store, fmt, Path(path))


def html(store: GraphStore, **options: Any) -> str:
    """The interactive graph as one HTML page (options: focus, depth, top, language)."""
    from instrumap.graph.view import ViewOptions, view_data
    from instrumap.graph.visualize import render

    return render(view_data(store, ViewOptions(**options)))


def show_inline(page: str, height: int = 650) -> Any:
    """An HTML page for a notebook, isolated in an iframe so it renders in Jupyter, JupyterLab and VS Code."""
    from html import escape

    from IPython.display import HTML

    style = f"width:100%;height:{height}px;border:1px solid #ddd"
    return HTML(f'<iframe srcdoc="{escape(page, quote=True)}" style="{style}"></iframe>')
