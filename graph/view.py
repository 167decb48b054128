"""What the HTML graph shows, computed in Python: nodes, edges, evidence, positions, filters.

The page only draws; everything that needs the graph as a whole (sizes by citations, the
neighbourhood of a focus node, the top-N filter, a force-directed layout for large graphs) is
done here, from the NetworkX view of the store.
"""

from __future__ import annotations

import math
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import networkx as nx

from instrumap.graph.network import citing_documents, to_networkx
from instrumap.graph.sparql import resolve_term
from instrumap.graph.store import GraphStore

_ALIASES = "SELECT ?node ?alias WHERE { ?node skos:altLabel ?alias }"
_EVIDENCE = """
SELECT ?s ?o ?paragraph ?via ?function ?quote WHERE {
  ?c a im:Citation ; cito:hasCitingEntity ?s ; cito:hasCitedEntity ?o ; im:paragraph ?paragraph ; im:quotedText ?quote .
  OPTIONAL { ?c im:viaParagraph ?via } OPTIONAL { ?c im:citationFunction ?function } }"""
MAX_QUOTES_PER_EDGE = 3
MAX_QUOTE = 320


@cache
def styles() -> dict[str, Any]:
    with resources.files("instrumap.graph.data").joinpath("styles.toml").open("rb") as fh:
        return tomllib.load(fh)


@dataclass(frozen=True, slots=True)
class ViewOptions:
    focus: str | None = None  # a node IRI, symbol or authority id
    depth: int = 1
    top: int | None = None  # keep the N most-cited targets and the documents citing them
    language: str = "en"  # label language shown first: en, zh or "own"


def _year(attrs: dict[str, Any]) -> int | None:
    date = str(attrs.get("date") or "")
    return int(date[:4]) if date[:4].isdigit() else None


def connected_part(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What the documents touch: every node in a citation, and relations between such nodes.

    The authority data describes hundreds of instruments and bodies no document in the store
    cites; drawn, they would bury the graph the documents make.
    """
    keep = {n for u, v, d in graph.edges(data=True) if d.get("function") for n in (u, v)}
    return graph.subgraph(keep).copy()


def select(graph: nx.MultiDiGraph, options: ViewOptions, focus_iri: str | None) -> nx.MultiDiGraph:
    """The part of the graph to draw: a neighbourhood, the top-N most cited, or all that documents touch."""
    if not focus_iri:
        graph = connected_part(graph)
    else:
        if focus_iri not in graph:
            raise KeyError(focus_iri)
        undirected = graph.to_undirected(as_view=True)
        keep = nx.single_source_shortest_path_length(undirected, focus_iri, cutoff=options.depth)
        graph = graph.subgraph(keep).copy()
    if options.top:
        counts = citing_documents(graph)
        cited = sorted((n for n in graph if counts[n]), key=lambda n: (-counts[n], n))[: options.top]
        keep_nodes = set(cited)
        for node in cited:
            keep_nodes.update(u for u, _ in graph.in_edges(node))
        graph = graph.subgraph(keep_nodes).copy()
    return graph


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Positions for large graphs: force-directed on the best-connected core, the rest placed around it.

    A full spring layout is quadratic; at 20,000 nodes it takes minutes. The core (the most
    connected nodes) gets networkx's spring layout; every other node sits on a small circle around
    its most-cited neighbour, so clusters stay readable and the cost stays linear.
    """
    limits = styles()["layout"]
    simple = nx.Graph(graph.to_undirected(as_view=True))
    degree = dict(simple.degree())
    core = sorted(simple, key=lambda n: (-degree[n], n))[: limits["core_max_nodes"]]
    core_graph = simple.subgraph(core)
    scale = 150 * math.sqrt(max(len(core), 1))
    positions = nx.spring_layout(core_graph, seed=7, iterations=40, scale=scale) if core else {}
    placed = {n: (float(x), float(y)) for n, (x, y) in positions.items()}
    satellites: dict[str, list[str]] = defaultdict(list)
    for node in sorted(simple):
        if node in placed:
            continue
        neighbours = [m for m in simple[node] if m in placed]
        anchor = max(neighbours, key=lambda m: (degree[m], m)) if neighbours else None
        satellites[anchor or ""].append(node)
    for anchor, nodes in satellites.items():
        cx, cy = placed.get(anchor, (scale * 1.3, 0.0)) if anchor else (scale * 1.3, scale * 1.3)
        radius = 40 + 6 * math.sqrt(len(nodes))
        for i, node in enumerate(nodes):
            angle = 2 * math.pi * i / len(nodes)
            ring = radius * (1 + (i % 3) * 0.35)
            placed[node] = (cx + ring * math.cos(angle), cy + ring * math.sin(angle))
    return placed


def view_data(store: GraphStore, options: ViewOptions) -> dict[str, Any]:
    """Nodes, edges, evidence and legend for the page, as JSON-ready data (KeyError: focus not in the graph)."""
    focus_iri = resolve_term(options.focus).value if options.focus else None
    full = to_networkx(store)
    graph = select(full, options, focus_iri)
    style = styles()
    counts = citing_documents(full)
    citations_in: dict[str, int] = defaultdict(int)
    for _, target, attrs in full.edges(data=True):
        citations_in[target] += int(attrs.get("citations") or 0)
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in store.query(_ALIASES):  # type: ignore[union-attr]
        if row["node"].value in graph:
            aliases[row["node"].value].append(row["alias"].value)
    large = graph.number_of_nodes() > style["layout"]["physics_max_nodes"]
    positions = layout(graph) if large else {}
    nodes = []
    for node, attrs in sorted(graph.nodes(data=True)):
        kind = attrs.get("type", "other")
        look = style["types"].get(kind, style["types"]["other"])
        labels = {k[6:]: v for k, v in attrs.items() if k.startswith("label_") and v}
        titles = {k[6:]: v for k, v in attrs.items() if k.startswith("title_") and v}
        entry: dict[str, Any] = {
            "id": node, "type": kind, "group": look["group"], "labels": labels, "titles": titles,
            "aliases": sorted(set(aliases.get(node, []))), "symbol": attrs.get("symbol", ""),
            "date": attrs.get("date", ""), "year": _year(attrs),
            "place": attrs.get("place", ""), "unresolved": bool(attrs.get("unresolved")),
            "cited_by": counts[node], "citations": citations_in[node],
            "color": look["color"], "shape": look["shape"],
            "size": 10 + 4 * math.sqrt(counts[node]),
        }  # fmt: skip
        if node in positions:
            entry["x"], entry["y"] = round(positions[node][0], 1), round(positions[node][1], 1)
        nodes.append(entry)
    edges = []
    for i, (u, v, attrs) in enumerate(sorted(graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["predicate"]))):
        function = attrs.get("function") or ""
        color = style["functions"].get(function) or (
            style["functions"]["default"] if function else style["functions"]["relation"]
        )
        edges.append({"id": i, "from": u, "to": v, "function": function, "predicate": attrs["predicate"],
                      "citations": attrs.get("citations", 0), "color": color, "dashes": not function})  # fmt: skip
    present = {n["type"] for n in nodes}
    return {
        "nodes": nodes,
        "edges": edges,
        "evidence": _evidence(store, graph, restrict=graph.number_of_nodes() < full.number_of_nodes()),
        "types": {k: v for k, v in style["types"].items() if k in present},
        "functions": sorted({e["function"] for e in edges if e["function"]}),
        "function_colors": style["functions"],
        "physics": not large,
        "language": options.language,
        "focus": focus_iri,
    }


def _evidence(store: GraphStore, graph: nx.MultiDiGraph, restrict: bool) -> dict[str, list[dict[str, str]]]:
    """ "citing|cited" → up to three quoted sentences with paragraph and function.

    For a part of a large graph the query is bound to the cited nodes drawn, rather than reading
    every citation in the store.
    """
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    query = _EVIDENCE
    if restrict:
        cited = " ".join(sorted({f"<{v}>" for _, v in graph.edges()}))
        query = _EVIDENCE.replace("WHERE {", f"WHERE {{ VALUES ?o {{ {cited} }}", 1)
    for row in store.query(query):  # type: ignore[union-attr]
        s, o = row["s"].value, row["o"].value
        if s not in graph or o not in graph:
            continue
        key = f"{s}|{o}"
        if len(found[key]) >= MAX_QUOTES_PER_EDGE:
            continue
        quote = row["quote"]
        found[key].append({
            "paragraph": row["paragraph"].value + (f" (via {row['via'].value})" if row["via"] is not None else ""),
            "function": row["function"].value if row["function"] is not None else "",
            "quote": quote.value[:MAX_QUOTE], "language": quote.language or "",
        })  # fmt: skip
    return dict(found)
