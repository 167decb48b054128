"""Resolving mentions to canonical targets, in document order, with the citing document as context.

Each strategy is a plain function of (mention, context) chosen by the mention's kind; back-references
look only at what was resolved before them. Then relations are read, and every reference gets its
evidence sentence, so that building the graph needs nothing but the extraction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from instrumap.extract.records import Document, Extraction, MeetingName, Mention, Reference, Target, Title
from instrumap.extract.resolve.backrefs import back_reference_targets, protocols_targets
from instrumap.extract.resolve.comments import comment_target
from instrumap.extract.resolve.context import Context, own_series, placements
from instrumap.extract.resolve.documents import citation_target, symbol_target
from instrumap.extract.resolve.evidence import Evidence, pinpoint
from instrumap.extract.resolve.instruments import entry_target, instrument_target, plan_target, unresolved
from instrumap.extract.resolve.meetings import meeting_target
from instrumap.extract.resolve.relations import find_relations
from instrumap.extract.resolve.rules import rules_target
from instrumap.extract.resolve.statements import statement_target
from instrumap.ontology.authorities import Authority, authority, entry_collection
from instrumap.ontology.iris import entity_iri
from instrumap.ontology.kinds import meeting_kinds

Strategy = Callable[[Mention, Context], list[Target]]


def _one(strategy: Callable[[Mention, Context], Target | None]) -> Strategy:
    return lambda mention, ctx: [target] if (target := strategy(mention, ctx)) is not None else []


def _known_name(mention: Mention, ctx: Context) -> list[Target]:
    """A name the authority lists, found as written: its entry decides whether it is a meeting."""
    payload = mention.payload
    if isinstance(payload, Title):  # a draft of a known instrument: a node of its own, of that kind
        entries = ctx.authority.lookup(payload.base, ("instrument",))
        return [unresolved(entries[0].kind if entries else "convention", "instrument", payload.title, ctx)]
    assert isinstance(payload, MeetingName)
    # The name as the authority knows it: a declined title's base form ("Договору о …" → "Договор о …").
    entries = ctx.authority.lookup(payload.title, ("instrument", "meeting", "series"))
    kind = entries[0].kind if entries else "convention"
    if kind in meeting_kinds():
        return [meeting_target(Mention(kind, mention.start, mention.end, mention.text, payload), ctx)]
    named = Mention(kind, mention.start, mention.end, mention.text, Title(payload.title))
    return [instrument_target(named, ctx)]


STRATEGIES: dict[str, Strategy] = {
    "resolution": _one(citation_target),
    "decision": _one(citation_target),
    "document": _one(lambda m, _ctx: symbol_target(m.payload.symbol)),  # type: ignore[union-attr]
    "anaphora": back_reference_targets,
    "protocols_of": protocols_targets,
    "name": _known_name,
    "comment": comment_target,
    "rules_of_procedure": rules_target,
    "statement": statement_target,
}


def targets_of(mention: Mention, ctx: Context) -> list[Target]:
    """The targets one mention stands for (none, one, each protocol of "its Protocols", or each part of a
    joined title the authority cites as its parts)."""
    return [part for target in _targets(mention, ctx) for part in _cited_parts(target, ctx)]


def _targets(mention: Mention, ctx: Context) -> list[Target]:
    strategy = STRATEGIES.get(mention.kind)
    if strategy is not None:
        return strategy(mention, ctx)
    if mention.kind == "plan_of_action" and isinstance(mention.payload, Title) and mention.payload.base:
        return [plan_target(mention, ctx)]
    if mention.kind in meeting_kinds():
        return [meeting_target(mention, ctx)]
    return [instrument_target(mention, ctx)]


def _cited_parts(target: Target, ctx: Context) -> list[Target]:
    """ "the Beijing Declaration and Platform for Action" cites the Declaration and the Platform, two
    instruments (``cited_as_parts`` in the authority); a single document such as the Vienna Declaration and
    Programme of Action stays one."""
    entry = ctx.authority.get(target.id) if target.resolved else None
    if entry is None or not entry.facts.get("cited_as_parts"):
        return [target]
    parts = [ctx.authority.get(str(part)) for part in entry.facts.get("parts", ())]  # type: ignore[attr-defined]
    return [entry_target(part, ctx.authority) for part in parts if part is not None] or [target]


def resolve(document: Document, mentions: Iterable[Mention], data: Authority | None = None) -> Context:
    """Resolve every mention of ``document`` in document order; the context holds references and problems."""
    ctx = Context(document, data or authority(), own_series(document))
    header = document.header
    report = document.metadata.report_span
    evidence = Evidence(document)
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        if (
            header is not None
            and mention.start < header.end
            and not (report and report[0] <= mention.start < report[1])
        ):
            continue  # the document's own description, not a citation
        for target in targets_of(mention, ctx):
            if target.id in ctx.own_symbols:
                continue
            sentence = evidence.sentence(mention.start, mention.end)
            text = document.text[mention.start : mention.end]
            cited = pinpoint(document, mention.start, mention.end, target.kind)
            for paragraph, function, via in placements(document, mention, header):
                ctx.add(
                    Reference(target, text, mention.start, mention.end, paragraph, function, via, sentence, cited)
                )
    return ctx


def resolve_document(document: Document, mentions: Iterable[Mention], data: Authority | None = None) -> Extraction:
    """The extraction of one document: references in order, the relations the text states, problems."""
    data = data or authority()
    ctx = resolve(document, mentions, data)
    relations = find_relations(document, ctx.resolved, data)
    problems = (*document.problems, *ctx.problems)
    return Extraction(document, tuple(ctx.resolved), tuple(relations), problems, _creator(document, data))


def _creator(document: Document, data: Authority) -> str:
    """The IRI of the body that issued the document, when the authority lists it."""
    bodies = data.lookup(document.metadata.body or "", ("body",))
    return entity_iri(entry_collection(bodies[0]), bodies[0].id) if bodies else ""
