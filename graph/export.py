"""Exports that other tools read: RDF in every common syntax, GraphML/GEXF for Gephi, CSV node and edge lists.

Turtle and N-Triples are stable: the union of all graphs, de-duplicated and sorted, so the same
input gives the same bytes and a diff shows what changed.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
from pyoxigraph import Quad, RdfFormat, Triple, parse, serialize

from instrumap.graph.files import atomic_write
from instrumap.graph.formats import RDF_FORMATS, suffix
from instrumap.graph.network import to_networkx
from instrumap.graph.store import GraphStore
from instrumap.ontology.namespace import PREFIXES

# JSON-LD is written with instrumap's own context, not by the generic serializer.
_SERIALIZED = tuple(name for name in RDF_FORMATS if name != "jsonld")
FORMATS = (*RDF_FORMATS, "graphml", "gexf", "csv")
SUFFIX = {**{name: suffix(name) for name in RDF_FORMATS}, "graphml": "graphml", "gexf": "gexf"}


def _sorted_triples(store: GraphStore) -> Iterator[Triple]:
    """Every distinct triple of all graphs in a fixed order: N-Triples lines sorted as bytes.

    Dumping to N-Triples and sorting the lines is several times faster than sorting term objects,
    and the order no longer depends on how the store happens to iterate.
    """
    data = serialize((q.triple for q in store.quads()), format=RdfFormat.N_TRIPLES) or b""
    lines = sorted(set(data.splitlines()))
    return parse(b"\n".join(lines) + b"\n", format=RdfFormat.N_TRIPLES)  # type: ignore[return-value]


def _sorted_quads(store: GraphStore) -> Iterator[Quad]:
    return iter(
        sorted(store.quads(), key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    )


def write_shards(store: GraphStore, folder: Path, shards: int) -> list[Path]:
    """N-Quads split into ``shards`` gzip files, whole named graphs per shard, with a manifest.

    Virtuoso's bulk loader (ld_dir + rdf_loader_run) and ``oxigraph load`` take ``*.nq.gz`` directly.
    """
    import gzip

    graphs = sorted(store.graphs())
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("part-*.nq.gz"):
        old.unlink()
    written: list[Path] = []
    manifest: list[dict[str, object]] = []
    count = min(max(1, shards), len(graphs))  # as many shards as asked, their sizes differing by one graph at most
    for n in range(count):
        chunk = graphs[n * len(graphs) // count : (n + 1) * len(graphs) // count]
        path = folder / f"part-{n:05d}.nq.gz"
        data = serialize(store.quads(chunk), format=RdfFormat.N_QUADS) or b""
        with atomic_write(path, "wb") as fh, gzip.GzipFile(fileobj=fh, mode="wb", mtime=0) as gz:
            gz.write(data)
        written.append(path)
        manifest.append({"file": path.name, "graphs": chunk, "quads": data.count(b"\n")})
    with atomic_write(folder / "manifest.json") as fh:
        json.dump({"format": "application/n-quads", "compression": "gzip", "shards": manifest}, fh, indent=1)
    return [*written, folder / "manifest.json"]


def write_turtle(store: GraphStore, path: Path) -> None:
    """The whole graph as stable Turtle (sorted, fixed prefixes)."""
    with atomic_write(path, "wb") as fh:
        serialize(_sorted_triples(store), fh, format=RdfFormat.TURTLE, prefixes=PREFIXES)


def export(store: GraphStore, fmt: str, path: Path) -> list[Path]:
    """Write ``store`` as ``fmt`` to ``path`` (CSV writes ``path``-nodes.csv and ``path``-edges.csv)."""
    if fmt in _SERIALIZED:
        rdf_format = RDF_FORMATS[fmt]
        data = _sorted_quads(store) if rdf_format.supports_datasets else _sorted_triples(store)
        with atomic_write(path, "wb") as fh:
            serialize(data, fh, format=rdf_format, prefixes=PREFIXES)
        return [path]
    if fmt == "jsonld":
        return [_write_jsonld(store, path)]
    graph = to_networkx(store)
    if fmt in ("graphml", "gexf"):
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        with atomic_write(path, "wb") as fh:
            writer(_plain_attributes(graph), fh)
        return [path]
    if fmt == "csv":
        return _write_csv(graph, path)
    raise ValueError(f"unknown format {fmt!r} (one of {', '.join(FORMATS)})")


def _compact(value: str) -> str:
    for prefix, iri in PREFIXES.items():
        if value.startswith(iri) and value != iri:
            return f"{prefix}:{value[len(iri) :]}"
    return value


def _compact_tree(node: object) -> object:
    """Shorten IRIs in keys, @id and @type values to prefix:name; the context maps them back."""
    if isinstance(node, list):
        return [_compact_tree(item) for item in node]
    if isinstance(node, dict):
        out: dict[str, object] = {}
        for key, value in node.items():
            new_key = key if key.startswith("@") else _compact(key)
            if key in ("@id", "@type"):
                value = [_compact(v) for v in value] if isinstance(value, list) else _compact(str(value))
            else:
                value = _compact_tree(value)
            out[new_key] = value
        return out
    return node


def _write_jsonld(store: GraphStore, path: Path) -> Path:
    expanded = json.loads(serialize(_sorted_quads(store), format=RdfFormat.JSON_LD) or b"[]")
    document = {"@context": dict(PREFIXES), "@graph": _compact_tree(expanded)}
    with atomic_write(path) as fh:
        json.dump(document, fh, ensure_ascii=False, indent=1)
    return path


def _plain_attributes(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """GraphML/GEXF take str/int/float/bool attributes only: drop empty ones, stringify the rest."""
    clean = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        clean.add_node(
            node,
            **{k: v if isinstance(v, (int, float, bool)) else str(v) for k, v in attrs.items() if v not in (None, "")},
        )
    for u, v, key, attrs in graph.edges(keys=True, data=True):
        clean.add_edge(u, v, key=key, **{k: str(val) for k, val in attrs.items() if val not in (None, "")})
    return clean


def _write_csv(graph: nx.MultiDiGraph, path: Path) -> list[Path]:
    stem = path.with_suffix("")
    nodes_path, edges_path = Path(f"{stem}-nodes.csv"), Path(f"{stem}-edges.csv")
    node_fields = ["id", "type", "label_en", "label_zh", "symbol", "date", "unresolved"]
    with atomic_write(nodes_path) as fh:
        writer = csv.DictWriter(fh, fieldnames=node_fields, extrasaction="ignore")
        writer.writeheader()
        for node, attrs in sorted(graph.nodes(data=True)):
            writer.writerow({"id": node, **attrs})
    with atomic_write(edges_path) as fh:
        writer = csv.writer(fh)
        writer.writerow(["source", "target", "predicate", "function"])
        for u, v, attrs in sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", ""))):
            writer.writerow([u, v, attrs.get("predicate", ""), attrs.get("function", "")])
    return [nodes_path, edges_path]
