"""From extraction results and authority data to RDF quads (pyoxigraph terms), one named graph each.

Each citation is written twice, as DESIGN.md asks: a direct typed edge (``<work> im:recalls
<target>``, a sub-property of ``cito:cites``) for simple queries, and an ``im:Citation`` node
with its evidence (paragraph, offsets, mention, quoted sentence, language version) for provenance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from instrumap.extract.records import Extraction, Reference
from instrumap.ontology.authorities import Authority, Entry, entry_collection
from instrumap.ontology.files import ontology_path
from instrumap.ontology.iris import citation_iri, document_iri, entity_iri, expression_iri, graph_iri, work_iri
from instrumap.ontology.namespace import (
    CITO,
    DCTERMS,
    FRBR,
    IM,
    PROV,
    RDF,
    SCHEMA,
    SKOS,
    XSD,
    function_properties,
    kind_classes,
)


class _Nodes:
    """A vocabulary whose terms are pyoxigraph nodes, each made once: rdflib's namespace lookup and
    the conversion cost more than the rest of the RDF step. The first access of a term still goes
    through the closed namespace, so a misspelt term fails."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> NamedNode:
        node = NamedNode(str(getattr(self._namespace, name)))
        setattr(self, name, node)
        return node


_IM, _CITO, _PROV, _SKOS, _SCHEMA = _Nodes(IM), _Nodes(CITO), _Nodes(PROV), _Nodes(SKOS), _Nodes(SCHEMA)
_DCTERMS, _FRBR, _RDF, _XSD = _Nodes(DCTERMS), _Nodes(FRBR), _Nodes(RDF), _Nodes(XSD)


_COLLECTION_OF_KIND = {"body": "body", "process": "process", "series": "meeting"}
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def n(iri: object) -> NamedNode:
    return iri if isinstance(iri, NamedNode) else NamedNode(str(iri))


_TYPE = _RDF.type
CONTENT_HASH = _IM.contentHash  # the marker quad a build commits last (instrumap.runner)
_DATE = _XSD.date
_INTEGER = _XSD.integer
_BOOLEAN = _XSD.boolean


def _date(value: str) -> Literal:
    return Literal(value, datatype=_DATE)


def _int(value: int | str) -> Literal:
    return Literal(str(int(value)), datatype=_INTEGER)


@cache
def class_of(kind: str) -> NamedNode:
    classes = kind_classes()
    return n(classes.get(kind) or classes["other"])


def relation_property(predicate: str) -> NamedNode:
    """``annexed_to`` → ``im:annexedTo`` (a misspelt predicate fails in the closed namespace)."""
    head, *rest = predicate.split("_")
    return n(IM[head + "".join(word.capitalize() for word in rest)])


@cache
def function_property(function: str) -> NamedNode:
    """The declared sub-property of cito:cites for a function, or cito:cites itself for an undeclared verb."""
    return n(function_properties().get(function, _CITO.cites))


def document_quads(extraction: Extraction, content_hash: str) -> list[Quad]:
    """Every quad of one source document, in its own named graph."""
    doc = extraction.document
    meta = doc.metadata
    g = n(graph_iri(meta.symbol, doc.language, doc.source))
    work = n(work_iri(meta.symbol, doc.source))
    expression = n(expression_iri(meta.symbol, doc.language, doc.source))
    quads: list[Quad] = []

    def add(s: NamedNode, p: NamedNode, o: NamedNode | Literal) -> None:
        quads.append(Quad(s, p, o, g))

    add(work, _RDF.type, class_of(meta.kind))
    if meta.symbol:
        add(work, _IM.symbol, Literal(meta.symbol))
    if meta.title:
        add(work, _DCTERMS.title, Literal(meta.title, language=doc.language))
    if meta.date:
        add(work, _DCTERMS.date, _date(meta.date))
    if meta.session:
        add(work, _IM.session, _int(meta.session))
    if meta.agenda_item:
        add(work, _IM.agendaItem, Literal(meta.agenda_item))
    if extraction.creator:
        add(work, _DCTERMS.creator, n(extraction.creator))
    add(expression, _RDF.type, _IM.Expression)
    add(expression, _FRBR.realizationOf, work)
    add(expression, _DCTERMS.language, Literal(doc.language))
    add(expression, _DCTERMS.source, Literal(doc.source))
    add(expression, CONTENT_HASH, Literal(content_hash))
    add(expression, _IM.namedGraph, g)

    quads.extend(_target_quads(extraction.references, g))
    seen_edges: set[tuple[str, str]] = set()
    cites = _CITO.cites
    for number, ref in enumerate(extraction.references, 1):
        target = n(ref.uri)
        prop = function_property(ref.function)
        if (str(prop), ref.uri) not in seen_edges:
            seen_edges.add((str(prop), ref.uri))
            add(work, prop, target)
        if ("", ref.uri) not in seen_edges:
            # The RDFS entailment of the typed edge, written out: joins on one predicate are what makes
            # co-citation and citation-chain queries fast (bench/bench_graph.py).
            seen_edges.add(("", ref.uri))
            add(work, cites, target)
        cit = n(citation_iri(str(g.value), number))
        add(cit, _RDF.type, _IM.Citation)
        add(cit, _CITO.hasCitingEntity, work)
        add(cit, _CITO.hasCitedEntity, target)
        add(cit, _CITO.hasCitationCharacterization, prop)
        if ref.function:
            add(cit, _IM.citationFunction, Literal(ref.function))
        add(cit, _IM.paragraph, Literal(ref.paragraph))
        if ref.via:
            add(cit, _IM.viaParagraph, Literal(ref.via))
        if ref.pinpoint:
            add(cit, _IM.pinpoint, Literal(ref.pinpoint))
        add(cit, _IM.startOffset, _int(ref.start))
        add(cit, _IM.endOffset, _int(ref.end))
        add(cit, _IM.mentionText, Literal(ref.text, language=doc.language))
        add(cit, _IM.quotedText, Literal(ref.evidence, language=doc.language))
        add(cit, _PROV.wasDerivedFrom, expression)
    for rel in extraction.relations:
        add(n(rel.subject_uri), relation_property(rel.predicate), n(rel.object_uri))
    return quads


def _target_quads(references: Iterable[Reference], g: NamedNode) -> Iterator[Quad]:
    """What the document knows of each target it cites (authority targets are described in their graph)."""
    done: set[str] = set()
    for ref in references:
        if ref.id in done:
            continue
        done.add(ref.id)
        node = n(ref.uri)
        if ref.target.described:
            continue  # authority entries are described once, in the authority graph
        yield Quad(node, _TYPE, class_of(ref.kind), g)
        if ref.kind in ("resolution", "decision", "document"):
            yield Quad(node, _IM.symbol, Literal(ref.id), g)
        for language, label in sorted(ref.label.items()):
            yield Quad(node, _SKOS.prefLabel, Literal(label, language=language), g)
        if not ref.resolved:
            yield Quad(node, _IM.unresolved, Literal("true", datatype=_BOOLEAN), g)
        event = ref.event
        if event.place:
            yield Quad(node, _IM.heldAt, Literal(event.place), g)
        for value, prop in ((event.start, _SCHEMA.startDate), (event.end, _SCHEMA.endDate)):
            if _ISO_DATE.fullmatch(value):
                yield Quad(node, n(prop), _date(value), g)
        if event.ordinal.isdigit():
            yield Quad(node, _IM.ordinal, _int(event.ordinal), g)


def authority_quads(data: Authority, graph: str) -> list[Quad]:
    """The authority data as RDF: instruments, bodies, meeting series, meetings and processes."""
    g = n(graph)
    quads: list[Quad] = []
    for entry in sorted(data.entries.values(), key=lambda e: (e.collection, e.id)):
        node = n(entity_iri(entry_collection(entry), entry.id))
        kind = "series" if entry.collection == "series" else entry.kind
        kind = kind if kind in kind_classes() else _COLLECTION_OF_KIND.get(entry.collection, "other")
        quads.append(Quad(node, _TYPE, class_of(kind), g))
        for language, label in sorted(entry.labels.items()):
            quads.append(Quad(node, _SKOS.prefLabel, Literal(label, language=language), g))
        for language, names in sorted(entry.aliases.items()):
            for name in names:
                quads.append(Quad(node, _SKOS.altLabel, Literal(name, language=language), g))
        quads.extend(_fact_quads(entry, node, data, g))
    return quads


def _fact_quads(entry: Entry, node: NamedNode, data: Authority, g: NamedNode) -> Iterator[Quad]:
    facts = entry.facts
    for key, prop in (("date", _DCTERMS.date), ("start", _SCHEMA.startDate), ("end", _SCHEMA.endDate)):
        value = str(facts.get(key, ""))
        if _ISO_DATE.fullmatch(value):
            yield Quad(node, n(prop), _date(value), g)
    if facts.get("adopted_by"):
        resolution = n(document_iri(str(facts["adopted_by"])))
        yield Quad(resolution, _IM.adopts, node, g)
        yield Quad(resolution, _TYPE, _IM.Resolution, g)
        yield Quad(resolution, _IM.symbol, Literal(str(facts["adopted_by"])), g)
    if facts.get("annexed_to"):
        yield Quad(node, _IM.annexedTo, n(document_iri(str(facts["annexed_to"]))), g)
    for key, prop in (("supplements", _IM.supplements), ("amends", _IM.amends), ("series", _IM.inSeries)):
        other = data.get(str(facts.get(key, "")))
        if other is not None:
            yield Quad(node, n(prop), n(entity_iri(entry_collection(other), other.id)), g)
    if facts.get("untc"):
        yield Quad(node, _IM.treatyNumber, Literal(str(facts["untc"])), g)
    if facts.get("place"):
        yield Quad(node, _IM.heldAt, Literal(str(facts["place"])), g)
    if str(facts.get("ordinal", "")).isdigit():
        yield Quad(node, _IM.ordinal, _int(str(facts["ordinal"])), g)
    if facts.get("symbol_prefix"):
        yield Quad(node, _IM.symbolSeries, Literal(str(facts["symbol_prefix"])), g)


def ontology_quads(graph: str) -> Iterator[Quad]:
    """The ontology's own triples, in ``graph``: queries can then reach labels and the property hierarchy."""
    node = NamedNode(graph)
    for t in parse(path=str(ontology_path()), format=RdfFormat.TURTLE):
        yield Quad(t.subject, t.predicate, t.object, node)
