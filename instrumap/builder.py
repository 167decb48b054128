"""``build``: documents → references → RDF in a persistent store, and the files a user opens.

Incremental: a document whose bytes have not changed since the last build (same path, same
SHA-256) is skipped; a changed one has its named graph replaced; nothing else is touched.
One unreadable document is reported and the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from instrumap.corpus import expand
from instrumap.extract.document import parse_text
from instrumap.extract.errors import InputError
from instrumap.extract.pipeline import extract_document
from instrumap.extract.reading import decode, read_bytes
from instrumap.graph.export import write_turtle
from instrumap.graph.files import atomic_write
from instrumap.graph.iris import graph_iri
from instrumap.graph.rdf import authority_quads, document_quads
from instrumap.graph.store import AUTHORITY, ONTOLOGY, GraphStore
from instrumap.graph.visualize import write_html
from instrumap.ontology.authorities import authority
from instrumap.ontology.namespace import ontology_path

Log = Callable[[str], None]


@dataclass
class BuildReport:
    """What a build did: counts, problems (source, message) and where its outputs are."""

    out: Path
    built: int = 0
    skipped: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0


def build(
    paths: Iterable[str | Path], out: str | Path, *, language: str | None = None, log: Log | None = None
) -> BuildReport:
    """Build (or update) the store in ``out/store`` from ``paths`` and write the output files."""
    started = time.perf_counter()
    out = Path(out)
    report = BuildReport(out)
    store = GraphStore(out / "store")
    _refresh_fixed_graphs(store)
    known = store.sources()
    records = _read_records(out / "references.jsonl")
    for path in expand(paths):
        source = str(path)
        try:
            data = read_bytes(path)
            digest = hashlib.sha256(data).hexdigest()
            if source in known and known[source][1] == digest:
                report.skipped += 1
                continue
            extraction = extract_document(parse_text(decode(data, source), source, language))
        except InputError as exc:
            report.problems.append((source, exc.problem))
            if log:
                log(str(exc))
            continue
        meta = extraction.document.metadata
        graph = graph_iri(meta.symbol, extraction.document.language, source)
        if source in known and known[source][0] != graph:
            store.remove_graph(known[source][0])  # the file now says it is another document
        store.replace_graph(graph, document_quads(extraction, digest))
        records[source] = extraction.as_json()
        report.built += 1
        if log:
            log(f"{source}: {len(extraction.references)} references")
    store.flush()
    with atomic_write(out / "references.jsonl") as fh:
        for source in sorted(records):
            fh.write(json.dumps(records[source], ensure_ascii=False) + "\n")
    write_turtle(store, out / "graph.ttl")
    write_html(store, out / "graph.html")
    report.triples = len(store)
    report.seconds = time.perf_counter() - started
    return report


def _refresh_fixed_graphs(store: GraphStore) -> None:
    """The authority data and the ontology, each in its own named graph, rewritten every build."""
    from pyoxigraph import NamedNode, Quad, RdfFormat, parse

    store.replace_graph(AUTHORITY, authority_quads(authority(), AUTHORITY))
    graph = NamedNode(ONTOLOGY)
    triples = parse(path=str(ontology_path()), format=RdfFormat.TURTLE)
    store.replace_graph(ONTOLOGY, (Quad(t.subject, t.predicate, t.object, graph) for t in triples))


def _read_records(path: Path) -> dict[str, dict[str, object]]:
    if not path.is_file():
        return {}
    records: dict[str, dict[str, object]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                record = json.loads(line)
                records[str(record["source"])] = record
    return records
