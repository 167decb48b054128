"""The query summary: what the saved queries count, counted once per build, in a named graph of its own.

Every document graph describes the targets it cites, and Oxigraph's union default graph keeps every
copy: a cited resolution's symbol or an unresolved title's label comes back once per citing document,
and GROUP BY queries over the union paid for each copy on every run (co-cited took 1.5 s at 2M triples).
The summary holds one copy of what the saved queries read, counted over distinct documents (works: the
English and Chinese versions of a resolution are one document). Its properties are its own (``im:summaryDate``,
not ``dcterms:date``), so a query over the union never meets a summary value as one more copy of the data:

- per document: ``im:summarySymbol``, ``im:summaryDate``, ``im:languages`` (``"en zh"``), ``im:citationsMade``
  and ``im:sortKey`` (the symbol, or "" for a document without one: the list of documents is sorted by it);
- per cited target: ``im:citingDocuments`` and ``im:citationCount``; an unresolved target also has
  ``im:summaryUnresolved``, its types (``im:summaryType``) and labels (``im:summaryLabel``);
- per pair of instruments cited by the same documents: a node with ``im:pairFirst`` and ``im:pairSecond``
  (in IRI order) and ``im:coCitingDocuments``;
- per resolution that adopts an instrument: its ``im:summarySymbol``.

``refresh_summary`` (called by the builder after every load) recomputes it when the documents or the
authority data it was made from have changed (``im:summaryOf`` records their digest), so rebuilt,
replaced and removed documents are reflected and an interrupted build's next run repairs it. It is
counted by SPARQL aggregates (in Rust: ten times faster than reading the quads into Python) and written
as the difference to the current summary in one SPARQL update, which Oxigraph applies atomically.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import combinations
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat

from instrumap.graph.store import GraphStore
from instrumap.ontology.iris import base, special_graph
from instrumap.ontology.namespace import IM, RDF, SKOS, XSD

_DOCUMENTS = """SELECT ?work ?language ?date ?symbol WHERE { GRAPH ?g {
  ?expression frbr:realizationOf ?work ; dcterms:language ?language .
  OPTIONAL { ?work dcterms:date ?date } OPTIONAL { ?work im:symbol ?symbol } } }"""
_MADE = "SELECT ?work (COUNT(?c) AS ?n) WHERE { ?c cito:hasCitingEntity ?work } GROUP BY ?work"
_CITING = "SELECT ?target (COUNT(DISTINCT ?work) AS ?n) WHERE { ?work cito:cites ?target } GROUP BY ?target"
_MENTIONS = "SELECT ?target (COUNT(?c) AS ?n) WHERE { ?c cito:hasCitedEntity ?target } GROUP BY ?target"
_INSTRUMENT_CITES = "SELECT DISTINCT ?work ?target WHERE { VALUES ?target { %s } ?work cito:cites ?target }"
# Within one graph, so that each document's copy of the flag meets only its own copy of the description.
# (One query per property: with ``VALUES ?p`` Oxigraph joins the copies across graphs, 60× slower.)
_UNRESOLVED = "SELECT DISTINCT ?target ?value WHERE { GRAPH ?g { ?target im:unresolved true ; %s ?value } }"
_ADOPTERS = """SELECT ?resolution (MIN(?code) AS ?symbol) WHERE {
  { SELECT DISTINCT ?resolution WHERE { ?resolution im:adopts ?instrument } } ?resolution im:symbol ?code }
  GROUP BY ?resolution"""

_SYMBOL, _DATE = f"<{IM.summarySymbol}>", f"<{IM.summaryDate}>"
_TRUE = str(Literal("true", datatype=NamedNode(str(XSD.boolean))))


def _summary() -> str:
    return special_graph("summary")


def _authority() -> str:
    return special_graph("authority")


def _line(subject: object, predicate: str, value: object) -> str:
    """One N-Triples line, in the form Oxigraph writes it back (so lines compare as text)."""
    return f"{subject} {predicate} {value} ."


def _int(value: int) -> str:
    return str(Literal(str(value), datatype=NamedNode(str(XSD.integer))))


def _select(store: GraphStore, query: str) -> Iterator[list[object]]:
    results = store.query(query)
    names = [v.value for v in results.variables]  # type: ignore[union-attr]
    for row in results:  # type: ignore[union-attr]
        yield [row[name] for name in names]


def summary_state(store: GraphStore) -> str:
    """A digest of what the summary depends on: every document graph with its content hash, and the authority."""
    digest = hashlib.sha256(Path(__file__).read_bytes())  # a new summary format is a change too
    for source, (graph, content_hash) in sorted(store.sources().items()):
        digest.update(f"{graph}\t{content_hash}\t{source}\n".encode())
    authority = store.store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(_authority())) or b""
    digest.update(b"".join(sorted(authority.splitlines())))
    return digest.hexdigest()


def current_lines(store: GraphStore) -> set[str]:
    """The summary in the store, as N-Triples lines."""
    if not store.store.contains_named_graph(NamedNode(_summary())):
        return set()
    data = store.store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(_summary())) or b""
    return set(data.decode("utf-8").splitlines())


def refresh_summary(store: GraphStore, *, force: bool = False) -> bool:
    """Bring the summary up to date with the store; True when it had to change."""
    state = _state_line(store)
    if state == _recorded_state(store) and not force:
        return False
    old = current_lines(store)
    new = expected_lines(store, state)
    removed, added = old - new, new - old
    if not (removed or added):
        return False
    update = []
    if removed:
        update.append(f"DELETE DATA {{ GRAPH <{_summary()}> {{\n{chr(10).join(sorted(removed))}\n}} }}")
    if added:
        update.append(f"INSERT DATA {{ GRAPH <{_summary()}> {{\n{chr(10).join(sorted(added))}\n}} }}")
    store.store.update(" ;\n".join(update))
    return True


def _state_line(store: GraphStore) -> str:
    return _line(f"<{_summary()}>", f"<{IM.summaryOf}>", Literal(summary_state(store)))


def _recorded_state(store: GraphStore) -> str | None:
    """The state line the summary was made for, if the store has a summary."""
    node, predicate = NamedNode(_summary()), NamedNode(str(IM.summaryOf))
    for quad in store.store.quads_for_pattern(node, predicate, None, node):
        return _line(quad.subject, str(predicate), quad.object)
    return None


def expected_lines(store: GraphStore, state: str | None = None) -> set[str]:
    """The summary the store should have, with its state, as N-Triples lines."""
    return {*summary_lines(store), state or _state_line(store)}


def summary_lines(store: GraphStore) -> Iterator[str]:
    """Every triple of the summary, as N-Triples lines."""
    citing = {target: int(n.value) for target, n in _select(store, _CITING)}  # type: ignore[attr-defined]
    yield from _document_lines(store)
    yield from _target_lines(store, citing)
    yield from _pair_lines(store, [t for t in citing if t.value.startswith(f"{base()}instrument/")])  # type: ignore[attr-defined]
    for resolution, symbol in _select(store, _ADOPTERS):
        yield _line(resolution, _SYMBOL, symbol)


def _document_lines(store: GraphStore) -> Iterator[str]:
    languages: defaultdict[object, set[str]] = defaultdict(set)
    facts: dict[tuple[object, str], object] = {}
    for work, language, date, symbol in _select(store, _DOCUMENTS):
        languages[work].add(language.value)  # type: ignore[attr-defined]
        for predicate, value in ((_DATE, date), (_SYMBOL, symbol)):
            known = facts.get((work, predicate))
            if value is not None and (known is None or value.value < known.value):  # type: ignore[attr-defined]
                facts[work, predicate] = value  # one value when the versions disagree, as SAMPLE would
    made = {work: int(n.value) for work, n in _select(store, _MADE)}  # type: ignore[attr-defined]
    for work, spoken in languages.items():
        yield _line(work, f"<{IM.languages}>", Literal(" ".join(sorted(spoken))))
        symbol = facts.get((work, _SYMBOL))
        yield _line(work, f"<{IM.sortKey}>", symbol if symbol is not None else Literal(""))
        yield _line(work, f"<{IM.citationsMade}>", _int(made.get(work, 0)))
        for predicate in (_DATE, _SYMBOL):
            if (work, predicate) in facts:
                yield _line(work, predicate, facts[work, predicate])


def _target_lines(store: GraphStore, citing: dict[object, int]) -> Iterator[str]:
    for target, n in citing.items():
        yield _line(target, f"<{IM.citingDocuments}>", _int(n))
    for target, n in _select(store, _MENTIONS):
        yield _line(target, f"<{IM.citationCount}>", n)
    flagged = set()
    for source, copy in ((RDF.type, IM.summaryType), (SKOS.prefLabel, IM.summaryLabel)):
        for target, value in _select(store, _UNRESOLVED % f"<{source}>"):
            flagged.add(target)
            yield _line(target, f"<{copy}>", value)
    for target in flagged:
        yield _line(target, f"<{IM.summaryUnresolved}>", _TRUE)


def pair_iri(a: NamedNode, b: NamedNode) -> str:
    """``…/co-citation/uncac/untoc``: the pair of two instruments cited by the same documents."""
    return f"{base()}co-citation/{a.value.rsplit('/', 1)[1]}/{b.value.rsplit('/', 1)[1]}"


def _pair_lines(store: GraphStore, instruments: Iterable[NamedNode]) -> Iterator[str]:
    """Pairs counted over distinct documents; a and b in the order SPARQL compares IRIs (by their text)."""
    targets = " ".join(str(t) for t in instruments)
    if not targets:
        return
    cited: defaultdict[object, list[NamedNode]] = defaultdict(list)
    for work, target in _select(store, _INSTRUMENT_CITES % targets):
        cited[work].append(target)  # type: ignore[arg-type]
    pairs = Counter(
        pair for targets_of in cited.values() for pair in combinations(sorted(targets_of, key=lambda t: t.value), 2)
    )
    for (a, b), documents in pairs.items():
        node = f"<{pair_iri(a, b)}>"
        yield _line(node, f"<{IM.pairFirst}>", a)
        yield _line(node, f"<{IM.pairSecond}>", b)
        yield _line(node, f"<{IM.coCitingDocuments}>", _int(documents))
