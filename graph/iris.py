"""IRIs of the graph's own nodes: works, language versions, citations, named graphs.

Targets (resolutions, instruments, meetings) get theirs from the extraction stage
(``ontology.iris``); this module adds the nodes only the graph has.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from instrumap.ontology.iris import UNDOCS, base, document_iri, slugify


def work_iri(symbol: str | None, source: str) -> str:
    """The document as a work: its UN symbol's IRI, or one minted from the file name."""
    return document_iri(symbol) if symbol else f"{base()}document/{slugify(Path(source).stem)}"


def expression_iri(symbol: str | None, language: str, source: str) -> str:
    """One language version: ``https://undocs.org/zh/A/RES/58/140`` (the UN resolver's own form)."""
    if symbol:
        return f"{UNDOCS}{language}/{quote(symbol, safe='/().-')}"
    return f"{work_iri(symbol, source)}/{language}"


def graph_iri(symbol: str | None, language: str, source: str) -> str:
    """The named graph holding what one source document says."""
    key = f"{language}/{quote(symbol, safe='/().-')}" if symbol else f"source/{slugify(Path(source).stem)}"
    return f"{base()}graph/{key}"


def citation_iri(graph: str, number: int) -> str:
    return f"{graph.replace('/graph/', '/citation/', 1)}/{number}"


def special_graph(name: str) -> str:
    """``authority``, ``ontology`` or ``manifest``: the graphs that are not documents."""
    return f"{base()}graph/{name}"
