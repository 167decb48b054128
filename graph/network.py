"""The NetworkX view of the RDF graph: derived from it by SPARQL, never edited on its own.

Nodes carry their type (the extraction kind), labels, symbol and date; edges carry the predicate
(a citation function or a relation such as supplements) and, for citations, how many mentions
stand behind them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

import networkx as nx
from pyoxigraph import Literal, NamedNode

from instrumap.graph.store import GraphStore
from instrumap.ontology.namespace import IM_IRI, kind_classes

# The most specific class wins when a node has several (a covenant is also a convention).
SPECIFICITY = ["covenant", "protocol", "charter", "statute", "convention", "agenda", "strategy", "plan_of_action",
                "programme", "declaration", "rules", "principles", "other", "resolution", "decision", "report",
                "document", "conference", "congress", "forum", "summit", "session", "treaty_event", "meeting",
                "series", "process", "body"]  # fmt: skip
RELATIONS = ("supplements", "annexedTo", "reportsOn", "amends", "succeeds", "inSeries")

_FACTS = """
SELECT DISTINCT ?node ?p ?value WHERE {  # each document graph restates what it cites
  VALUES ?p { skos:prefLabel im:symbol dcterms:date dcterms:title im:unresolved schema:startDate im:heldAt }
  ?node ?p ?value }"""
_FACT_KEYS = {"symbol": "symbol", "date": "date", "unresolved": "unresolved", "startDate": "date", "heldAt": "place"}
_EDGES = """
SELECT ?s ?p ?o ?function WHERE {
  { ?s ?p ?o . ?p rdfs:subPropertyOf+ cito:cites . OPTIONAL { ?p im:functionName ?function } }
  UNION { VALUES ?p { %s } ?s ?p ?o }
  FILTER(isIRI(?o)) }""" % " ".join(f"im:{r}" for r in RELATIONS)  # noqa: UP031
_WEIGHTS = """
SELECT ?s ?o (COUNT(?c) AS ?n) WHERE { ?c cito:hasCitingEntity ?s ; cito:hasCitedEntity ?o } GROUP BY ?s ?o"""


def _value(term: object) -> str:
    return term.value if isinstance(term, (NamedNode, Literal)) else str(term)


def node_types(store: GraphStore) -> dict[str, str]:
    """Node IRI → its extraction kind, the most specific one when it has several classes."""
    kinds = {iri: kind for kind, iri in kind_classes().items()}
    rank = {kind: i for i, kind in enumerate(SPECIFICITY)}
    # One index scan per class (VALUES), not a scan of every rdf:type with citations and expressions filtered out.
    query = "SELECT ?node ?type WHERE { VALUES ?type { %s } ?node a ?type }" % " ".join(f"<{i}>" for i in kinds)  # noqa: UP031
    types: dict[str, str] = {}
    for row in store.query(query):  # type: ignore[union-attr]
        node, kind = _value(row["node"]), kinds[_value(row["type"])]
        if node not in types or rank.get(kind, 99) < rank.get(types[node], 99):
            types[node] = kind
    return types


def node_facts(store: GraphStore, nodes: Container[str] | None) -> dict[str, dict[str, object]]:
    """Labels (``label_en``), titles (``title_zh``), symbol, date, place, unresolved flag of ``nodes`` (None: all)."""
    facts: dict[str, dict[str, object]] = {}
    for row in store.query(_FACTS):  # type: ignore[union-attr]
        node = _value(row["node"])
        if nodes is not None and node not in nodes:
            continue
        prop, value = _value(row["p"]), row["value"]
        attrs = facts.setdefault(node, {})
        if prop.endswith("prefLabel"):
            attrs[f"label_{value.language or 'und'}"] = value.value  # type: ignore[union-attr]
        elif prop.endswith("title"):
            attrs.setdefault(f"title_{value.language or 'und'}", value.value)  # type: ignore[union-attr]
        else:
            key = _FACT_KEYS[prop.rsplit("/", 1)[-1].rsplit("#", 1)[-1]]
            attrs[key] = _value(value) == "true" if key == "unresolved" else _value(value)
    return facts


def to_networkx(store: GraphStore) -> nx.MultiDiGraph:
    """A MultiDiGraph of every typed node and every citation/relation edge in the store."""
    graph = nx.MultiDiGraph()
    types = node_types(store)
    facts = node_facts(store, types)
    for node, kind in types.items():
        graph.add_node(node, type=kind, **facts.get(node, {}))
    for node, attrs in graph.nodes(data=True):
        attrs["label"] = label_of(node, attrs)
    weights = {(_value(r["s"]), _value(r["o"])): int(_value(r["n"])) for r in store.query(_WEIGHTS)}  # type: ignore[union-attr]
    for row in store.query(_EDGES):  # type: ignore[union-attr]
        s, o, p = _value(row["s"]), _value(row["o"]), _value(row["p"])
        if s not in graph or o not in graph:
            continue
        predicate = p[len(IM_IRI) :] if p.startswith(IM_IRI) else p.rsplit("/", 1)[-1]
        cited = weights.get((s, o), 0)
        # A citation function with no citation behind it is a stated fact (the authority's "adopts").
        function = _value(row["function"]) if row["function"] is not None and cited else ""
        graph.add_edge(s, o, key=predicate, predicate=predicate, function=function, citations=cited if function else 0)
    return graph


def label_of(node: str, attrs: dict[str, object], language: str = "en") -> str:
    """The best label for display: the language asked, English, Chinese, the symbol, then the IRI's tail."""
    for key in (f"label_{language}", "label_en", "label_zh", f"title_{language}", "title_en", "title_zh", "symbol"):
        if attrs.get(key):
            return str(attrs[key])
    return node.rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Ranked:
    node: str
    type: str
    label: str
    value: float


def citing_documents(graph: nx.MultiDiGraph) -> Counter[str]:
    """Node → how many distinct documents cite it (through any citation function)."""
    counts: Counter[str] = Counter()
    for node in graph:
        counts[node] = len({u for u, _, data in graph.in_edges(node, data=True) if data.get("function")})
    return counts


def most_cited(graph: nx.MultiDiGraph, top: int = 20, types: tuple[str, ...] = ()) -> list[Ranked]:
    counts = citing_documents(graph)
    nodes = [n for n in graph if counts[n] and (not types or graph.nodes[n]["type"] in types)]
    nodes.sort(key=lambda n: (-counts[n], n))
    return [Ranked(n, graph.nodes[n]["type"], graph.nodes[n]["label"], counts[n]) for n in nodes[:top]]


def pagerank(graph: nx.MultiDiGraph, top: int = 20) -> list[Ranked]:
    simple = nx.DiGraph()
    simple.add_nodes_from(graph)
    simple.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if d.get("function"))
    scores = nx.pagerank(simple) if simple.number_of_edges() else {}
    nodes = sorted(scores, key=lambda n: (-scores[n], n))[:top]
    return [Ranked(n, graph.nodes[n]["type"], graph.nodes[n]["label"], scores[n]) for n in nodes]


def widest_reach(graph: nx.MultiDiGraph, top: int = 20) -> list[Ranked]:
    """Instruments reached by the most documents through chains of citations (not only direct ones)."""
    citing = nx.DiGraph()
    citing.add_edges_from((u, v) for u, v, d in graph.edges(data=True) if d.get("function"))
    documents = {n for n, d in graph.nodes(data=True) if d["type"] in ("resolution", "decision", "document")}
    reach: dict[str, int] = {}
    for node in citing:
        if graph.nodes[node]["type"] not in ("resolution", "decision", "document", "body"):
            reach[node] = len(nx.ancestors(citing, node) & documents)
    nodes = sorted(reach, key=lambda n: (-reach[n], n))[:top]
    return [Ranked(n, graph.nodes[n]["type"], graph.nodes[n]["label"], reach[n]) for n in nodes if reach[n]]


def components(graph: nx.MultiDiGraph) -> list[int]:
    """Sizes of the weakly connected components, largest first."""
    return sorted((len(c) for c in nx.weakly_connected_components(graph)), reverse=True)
