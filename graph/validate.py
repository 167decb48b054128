"""SHACL validation of a built graph against ``ontology/shapes.ttl`` with pySHACL."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import RdfFormat, serialize
from rdflib import Graph
from rdflib.namespace import SH

from instrumap.graph.store import GraphStore
from instrumap.ontology.files import shapes_path
from instrumap.ontology.iris import special_graph


@dataclass(frozen=True, slots=True)
class Validation:
    conforms: bool
    violations: int
    report: str


def union_graph(store: GraphStore) -> Graph:
    """Every graph of the store but the ontology, merged into one rdflib graph (what the shapes apply to)."""
    graphs = [g for g in store.graphs() if g != special_graph("ontology")]
    data = serialize((q.triple for q in store.quads(graphs)), format=RdfFormat.N_TRIPLES) or b""
    graph = Graph()
    graph.parse(data=data, format="nt")
    return graph


def validate_graph(data: Graph) -> Validation:
    from pyshacl import validate

    shapes = Graph().parse(shapes_path())
    conforms, results, text = validate(data, shacl_graph=shapes, inference="none", advanced=False)
    violations = len(list(results.subjects(SH.resultSeverity, SH.Violation)))  # type: ignore[union-attr]
    return Validation(bool(conforms), violations, str(text))


def validate_store(store: GraphStore) -> Validation:
    return validate_graph(union_graph(store))
