"""What the HTML graph reads from the store: a few aggregate SPARQL queries, not one per node.

Reading a term out of an on-disk Oxigraph store costs a few microseconds and a join costs more,
so at 50,000 nodes the page's data is read with single-pattern scans (citation pairs, typed edges,
counts per target) and the per-citation evidence is read only where it is asked for.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field

from pyoxigraph import QueryResultsFormat

from instrumap.graph.network import RELATIONS
from instrumap.graph.store import GraphStore

# Graph by graph, not over the union: a citation stands in its citing document's graph only, and the
# union's merge of 50,000 graphs costs a third of the query (the set below removes the rare repeats).
_PAIRS = "SELECT ?s ?o WHERE { GRAPH ?g { ?s cito:cites ?o FILTER(isIRI(?o)) } }"
_TYPED = """SELECT ?s ?function ?o WHERE {
  GRAPH ?ontology { ?p im:functionName ?function } GRAPH ?g { ?s ?p ?o FILTER(isIRI(?o)) } }"""
_RELATIONS = "SELECT ?s ?p ?o WHERE { VALUES ?p { %s } ?s ?p ?o FILTER(isIRI(?o)) }" % " ".join(  # noqa: UP031
    f"im:{r}" for r in RELATIONS
)
_CITATIONS_PER_TARGET = "SELECT ?o (COUNT(?c) AS ?n) WHERE { ?c cito:hasCitedEntity ?o } GROUP BY ?o"
_ALIASES = "SELECT ?node ?alias WHERE { ?node skos:altLabel ?alias }"
_EVIDENCE = """
SELECT ?c ?s ?o ?paragraph ?via ?function ?quote WHERE { %s
  ?c cito:hasCitedEntity ?o ; cito:hasCitingEntity ?s ; im:paragraph ?paragraph ; im:quotedText ?quote .
  OPTIONAL { ?c im:viaParagraph ?via } OPTIONAL { ?c im:citationFunction ?function } }"""
_UNRESOLVED = """
SELECT ?o ?mention (COUNT(?c) AS ?n) WHERE { VALUES ?o { %s } ?c cito:hasCitedEntity ?o ; im:mentionText ?mention }
GROUP BY ?o ?mention"""
MAX_QUOTE = 320
MAX_MENTIONS = 6


@dataclass(slots=True)
class Links:
    """Who cites whom, and with which functions; the relations the texts and the authority state."""

    functions: dict[tuple[str, str], set[str]] = field(default_factory=lambda: defaultdict(set))
    relations: set[tuple[str, str, str]] = field(default_factory=set)
    citations_per_target: dict[str, int] = field(default_factory=dict)


def _iri_rows(store: GraphStore, query: str) -> list[list[str]]:
    """The rows of a query whose values are IRIs and plain strings, read as TSV in one call.

    Hundreds of thousands of rows: one serialization in Rust and one split in C cost a tenth of
    reading each term as a Python object.
    """
    results = store.query(query, union=False)
    data = results.serialize(format=QueryResultsFormat.TSV).decode()  # type: ignore[union-attr]
    return [[_plain(term) for term in line.split("\t")] for line in data.split("\n")[1:] if line]


def _plain(term: str) -> str:
    """ "<iri>" → iri; '"recalls"' → recalls (function names have no escapes)."""
    return term[1:-1]


def read_links(store: GraphStore) -> Links:
    """Citation pairs (each once, with its functions), stated relations, and citations per target."""
    links = Links()
    for s, o in _iri_rows(store, _PAIRS):
        links.functions[(s, o)]  # a pair with no function yet
    for s, function, o in _iri_rows(store, _TYPED):
        pair = (s, o)
        if pair in links.functions:
            links.functions[pair].add(function)
        else:  # a function with no citation behind it is a stated fact (the authority's "adopts")
            links.relations.add((pair[0], pair[1], function))
    for row in store.query(_RELATIONS):  # type: ignore[union-attr]
        links.relations.add((row["s"].value, row["o"].value, row["p"].value.rsplit("#", 1)[-1]))
    links.citations_per_target = {r["o"].value: int(r["n"].value) for r in store.query(_CITATIONS_PER_TARGET)}  # type: ignore[union-attr]
    return links


def read_aliases(store: GraphStore, nodes: Collection[str]) -> dict[str, list[str]]:
    aliases: dict[str, set[str]] = defaultdict(set)
    for row in store.query(_ALIASES):  # type: ignore[union-attr]
        if row["node"].value in nodes:
            aliases[row["node"].value].add(row["alias"].value)
    return {node: sorted(names) for node, names in aliases.items()}


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted sentence of a citing document about a target, with every place that says it."""

    text: str
    language: str
    places: tuple[str, ...]  # "OP5 · welcomes", "FN2 (via PP3) · recalls"


def read_evidence(store: GraphStore, targets: Collection[str] | None) -> tuple[dict, dict]:
    """(citing, cited) → its quotes, each sentence once; and → how many citations (mentions) stand behind it.

    A citation is one mention: a (citing document, target, paragraph, offset) of one language
    version. With ``targets`` the query is bound to those cited nodes.
    """
    bound = "VALUES ?o { %s }" % " ".join(f"<{t}>" for t in sorted(targets)) if targets is not None else ""  # noqa: UP031
    places: dict[tuple[str, str], dict[tuple[str, str], list[str]]] = defaultdict(lambda: defaultdict(list))
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for row in store.query(_EVIDENCE % bound):  # type: ignore[union-attr]
        pair = (row["s"].value, row["o"].value)
        counts[pair] += 1
        quote = row["quote"]
        where = row["paragraph"].value + (f" (via {row['via'].value})" if row["via"] is not None else "")
        if row["function"] is not None:
            where += " · " + row["function"].value.replace("_", " ")
        found = places[pair][(quote.value[:MAX_QUOTE], quote.language or "")]
        if where not in found:
            found.append(where)
    quotes = {
        pair: [Quote(text, language, tuple(sorted(where))) for (text, language), where in sorted(found.items())]
        for pair, found in places.items()
    }
    return quotes, dict(counts)


def read_unresolved_mentions(store: GraphStore, nodes: Collection[str]) -> dict[str, list[list[str | int]]]:
    """Unresolved target → the distinct mentions that produced it, most frequent first: [[text, count] …]."""
    mentions: dict[str, list[list[str | int]]] = defaultdict(list)
    if not nodes:
        return {}
    # Bound to the nodes drawn (the page knows which are unresolved): a scan of their citations only.
    for row in store.query(_UNRESOLVED % " ".join(f"<{node}>" for node in sorted(nodes))):  # type: ignore[union-attr]
        mentions[row["o"].value].append([row["mention"].value, int(row["n"].value)])
    return {target: sorted(found, key=lambda m: (-m[1], m[0]))[:MAX_MENTIONS] for target, found in mentions.items()}
