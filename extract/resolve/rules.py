"""Resolving rules of procedure to the instrument of the body they govern.

The body is the one named after the rules ("… established for committees of the General Assembly"), or
the organ a possessive stands for ("the Security Council … its provisional rules"), or the citing body
itself: the organ of a resolution, the committee of a treaty body's text (CAT/C/51/D/429/2010 "rule
108 … of its rules of procedure"). The authority's entry when it lists those rules, else a node of their
own labelled from the lexicon's template; with no body known the mention is reported, never guessed.
"""

from __future__ import annotations

from instrumap.extract.lexicon import canonical_language, lexicon, organ_names
from instrumap.extract.records import Event, Mention, RulesCite, Target, labels
from instrumap.extract.resolve.comments import own_committee
from instrumap.extract.resolve.context import Context
from instrumap.extract.resolve.instruments import entry_target
from instrumap.ontology.iris import entity_iri, slugify


def _organ_name(written: str, ctx: Context) -> str:
    """The English name of an organ or body as written ("the General Assembly", "Совета Безопасности")."""
    words = " ".join(written.split())
    series = lexicon(ctx.language).organs.get(words) or lexicon(canonical_language()).organs.get(words)
    if series and series not in ("?", "other", "parties"):
        return organ_names(series).get(canonical_language(), "")
    bodies = ctx.authority.lookup(words, ("body",))
    return bodies[0].label(canonical_language()) if bodies else ""


def _citing_body(ctx: Context) -> str:
    """The citing document's own body: its organ, or the committee whose text it is."""
    body = ctx.document.metadata.body
    named = _organ_name(body, ctx) if body else ""
    if named:
        return named
    committee = own_committee(ctx)
    return committee.label(canonical_language()) if committee is not None else ""


def _body_of(cite: RulesCite, ctx: Context) -> str:
    if cite.body:
        return _organ_name(cite.body, ctx)
    if cite.series and cite.series not in ("?", "self"):
        return organ_names(cite.series).get(canonical_language(), "")
    return _citing_body(ctx)


def _overlaps_known(mention: Mention, ctx: Context) -> bool:
    """Whether a title finder already read these words as rules (“Rules of Procedure of the …”)."""
    return any(ref.start < mention.end and mention.start < ref.end for ref in ctx.of_kind("rules"))


def rules_target(mention: Mention, ctx: Context) -> list[Target]:
    """ "rule 28 of its provisional rules of procedure" in S/RES/661 (1990) → the Council's provisional rules."""
    cite = mention.payload
    assert isinstance(cite, RulesCite)
    if _overlaps_known(mention, ctx):
        return []
    language = canonical_language()
    table = lexicon(language).table("rules_of_procedure")
    body = _body_of(cite, ctx) or (str(table["provisional_body"]) if cite.provisional else "")
    if not body:
        ctx.problem(mention, "no body known for these rules of procedure")
        return []
    title = str(table["provisional_label" if cite.provisional else "label"]).format(body=body)
    entries = ctx.authority.lookup(title, ("instrument",))
    if entries:
        return [entry_target(entries[0], ctx.authority)]
    slug = slugify(title)
    return [Target("rules", slug, entity_iri("instrument", slug), labels({language: title}), False, Event(), False)]
