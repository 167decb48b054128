"""What the HTML graph shows, computed in Python: nodes, edges, evidence, positions, filters.

The page only draws; everything that needs the graph as a whole (sizes by citations, the
neighbourhood of a focus node, the top-N filter, the layout) is done here, from a few aggregate
reads of the store (``view_read``). Node and edge records are compact (edges are index arrays):
at 50,000 nodes the page's data is what makes its size and its parse time.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from instrumap.graph.layout import spread
from instrumap.graph.network import node_facts, node_types
from instrumap.graph.sparql import resolve_term
from instrumap.graph.store import GraphStore
from instrumap.graph.view_read import Links, read_aliases, read_evidence, read_links, read_unresolved_mentions


@cache
def styles() -> dict[str, Any]:
    with resources.files("instrumap.graph.data").joinpath("styles.toml").open("rb") as fh:
        return tomllib.load(fh)


@cache
def function_colors() -> dict[str, str]:
    """Citation function → the colour of its family (recalling, welcoming, urging …), from styles.toml."""
    colors = {}
    for family in styles()["function_families"].values():
        for function in family["functions"]:
            colors[function] = family["color"]
    return colors


def label_languages() -> list[str]:
    """The languages the label switch offers (the six UN languages), then "own": each document's own."""
    return [*styles()["languages"]["order"], "own"]


@dataclass(frozen=True, slots=True)
class ViewOptions:
    focus: str | None = None  # a node IRI, symbol or authority id
    depth: int = 1
    top: int | None = None  # keep the N most-cited targets and the documents citing them
    language: str = "en"  # label language shown first: one of [languages].order in styles.toml, or "own"
    renderer: str = "auto"  # "auto", "canvas" (vis-network) or "webgl" (sigma.js)


def _year(date: str) -> int | None:
    return int(date[:4]) if date[:4].isdigit() else None


def _neighbourhood(links: Links, focus: str, depth: int) -> set[str]:
    adjacent: dict[str, set[str]] = defaultdict(set)
    for s, o in links.functions:
        adjacent[s].add(o)
        adjacent[o].add(s)
    for s, o, _ in links.relations:
        adjacent[s].add(o)
        adjacent[o].add(s)
    keep, queue = {focus}, deque([(focus, 0)])
    while queue:
        node, steps = queue.popleft()
        if steps < depth:
            for other in adjacent[node] - keep:
                keep.add(other)
                queue.append((other, steps + 1))
    return keep


def select(links: Links, types: dict[str, str], options: ViewOptions, focus: str | None) -> set[str]:
    """The nodes to draw: a neighbourhood, the top-N most cited, or every node in a citation."""
    if focus:
        if focus not in types and not any(focus in pair for pair in links.functions):
            raise KeyError(focus)
        keep = _neighbourhood(links, focus, options.depth)
    else:
        keep = {node for pair in links.functions for node in pair}
    if options.top:
        citing = Counter(o for s, o in links.functions if s in keep and o in keep)
        cited = sorted(citing, key=lambda n: (-citing[n], n))[: options.top]
        chosen = set(cited)
        chosen.update(s for s, o in links.functions if o in chosen and s in keep)
        keep = chosen | ({focus} if focus else set())
    return keep


def renderer_for(options: ViewOptions, nodes: int) -> str:
    if options.renderer != "auto":
        return options.renderer
    return "canvas" if nodes <= styles()["layout"]["canvas_max_nodes"] else "webgl"


def view_data(store: GraphStore, options: ViewOptions) -> dict[str, Any]:
    """Nodes, edges, evidence and legend for the page, as JSON-ready data (KeyError: focus not in the graph)."""
    focus = resolve_term(options.focus).value if options.focus else None
    # The store's reads are independent and spend most of their time in Rust: two at once.
    with ThreadPoolExecutor(2) as pool:
        facts_read = pool.submit(node_facts, store, None)
        types_read = pool.submit(node_types, store)
        links = read_links(store)
        types, facts = types_read.result(), facts_read.result()
    keep = select(links, types, options, focus)
    order = sorted(keep)
    index = {node: i for i, node in enumerate(order)}
    # (citing, cited, functions) as node indices: sorting integers, not IRIs, gives the same order.
    pairs = sorted((index[s], index[o], fs) for (s, o), fs in links.functions.items() if s in index and o in index)
    relations = sorted(r for r in links.relations if r[0] in keep and r[1] in keep)
    limits = styles()["layout"]
    with_evidence = len(order) <= limits["evidence_max_nodes"]
    restrict = bool(focus or options.top)  # a part of the graph: bind the query to the targets drawn
    targets = {order[o] for _, o, _ in pairs} if restrict else None
    quotes, per_pair = read_evidence(store, targets) if with_evidence else ({}, {})
    all_functions = sorted({f for _, _, fs in pairs for f in fs})
    edges = _edge_rows(pairs, order, per_pair, {f: i for i, f in enumerate(all_functions)})
    predicates = sorted({p for _, _, p in relations})
    relation_edges = [[index[s], index[o], predicates.index(p)] for s, o, p in relations]
    positions = spread(len(order), [(e[0], e[1]) for e in edges] + [(r[0], r[1]) for r in relation_edges],
                       limits["core_max_nodes"], limits["spacing"])  # fmt: skip
    nodes = _nodes(store, order, types, facts, links, Counter(o for _, o, _ in pairs), positions)
    renderer = renderer_for(options, len(nodes))
    present = {n["type"] for n in nodes}
    return {
        "nodes": nodes,
        "edges": edges,
        "relations": relation_edges,
        "predicates": predicates,
        "functions": all_functions,
        "evidence": _evidence(quotes, index),
        "has_evidence": with_evidence,
        "mentions": read_unresolved_mentions(store, {n["id"] for n in nodes if n.get("unresolved")}),
        "types": {k: v for k, v in styles()["types"].items() if k in present},
        "function_colors": {f: function_colors().get(f, styles()["edges"]["default"]) for f in all_functions},
        "families": {k: {"label": v["label"], "color": v["color"]} for k, v in styles()["function_families"].items()},
        "edge_colors": styles()["edges"],
        "renderer": renderer,
        "edge_budget": limits["webgl_edge_budget"],
        "selected_edge_max": limits["webgl_selected_edge_max"],
        "language": options.language,
        "languages": styles()["languages"],
        "focus": focus,
    }


def _edge_rows(pairs: list[tuple[int, int, set[str]]], order: list[str], per_pair: dict,
               function_index: dict[str, int]) -> list[list[int]]:  # fmt: skip
    """[citing, cited, citations, function indices …] per pair; each distinct set of functions (a few hundred
    among 300,000 pairs) is coded once."""
    coded: dict[frozenset[str], list[int]] = {}
    rows = []
    for s, o, functions in pairs:
        key = frozenset(functions)
        if key not in coded:
            coded[key] = sorted(function_index[f] for f in functions)
        rows.append([s, o, per_pair.get((order[s], order[o]), 0) if per_pair else 0, *coded[key]])
    return rows


def _evidence(quotes: dict, index: dict[str, int]) -> dict[str, list[list[Any]]]:
    """ "citing,cited" (node indices) → [[sentence, language, [places]] …]."""
    return {f"{index[s]},{index[o]}": [[q.text, q.language, list(q.places)] for q in found]
            for (s, o), found in quotes.items() if s in index and o in index}  # fmt: skip


def _nodes(store: GraphStore, order: list[str], types: dict[str, str], facts: dict[str, dict[str, object]],
           links: Links, citing: Counter[int], positions: Any) -> list[dict[str, Any]]:  # fmt: skip
    """One record per drawn node (``citing``: how many drawn nodes cite each); empty fields are left out."""
    aliases = read_aliases(store, set(order))
    nodes = []
    for i, node in enumerate(order):
        attrs = facts.get(node, {})
        x, y = (round(float(v), 1) for v in positions[i])
        entry: dict[str, Any] = {"id": node, "type": types.get(node, "other"), "x": x, "y": y}
        labels = {k[6:]: v for k, v in attrs.items() if k.startswith("label_") and v}
        titles = {k[6:]: v for k, v in attrs.items() if k.startswith("title_") and v}
        date = str(attrs.get("date") or "")
        fields = {"labels": labels, "titles": titles, "aliases": aliases.get(node), "symbol": attrs.get("symbol"),
                  "date": date, "year": _year(date), "place": attrs.get("place"),
                  "unresolved": attrs.get("unresolved"), "cited_by": citing[i],
                  "citations": links.citations_per_target.get(node, 0)}  # fmt: skip
        entry.update((k, v) for k, v in fields.items() if v)
        entry["size"] = round(10 + 4 * math.sqrt(citing[i]), 1)
        nodes.append(entry)
    return nodes
