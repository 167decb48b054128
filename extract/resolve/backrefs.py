"""Back-references: "the Convention", 《公约》, "its Protocols" look back only at what is already resolved.

When nothing fits they are dropped and reported as problems, never guessed; a back-reference that
UN texts use for one instrument only ("the Charter") has a default in the lexicon.
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.extract.lexicon import lexicon
from instrumap.extract.records import BackReference, Mention, ProtocolsOf, Target
from instrumap.extract.resolve.comments import own_committee
from instrumap.extract.resolve.context import CONVENTIONS, Context
from instrumap.extract.resolve.instruments import entry_target
from instrumap.extract.resolve.meetings import without_event
from instrumap.ontology.authorities import Authority, Entry, normalize_name
from instrumap.ontology.kinds import kinds_under

# A back-reference to a kind also finds these kinds (《公约》 may point back to a covenant).
_ALSO = {
    "convention": {"convention", "covenant"},
    "covenant": {"covenant", "convention"},
    "programme": {"programme", "plan_of_action"},
    "plan_of_action": {"plan_of_action", "programme"},
}


def back_reference_targets(mention: Mention, ctx: Context) -> list[Target]:
    """The last instrument of the kind named, or the lexicon's default, or nothing (with a problem)."""
    backref = mention.payload
    assert isinstance(backref, BackReference)
    if backref.target == "resolutions":
        return _listed_resolutions(mention, ctx)
    named = _adopted_by_named_meeting(mention, backref, ctx)
    if named is not None:
        return [named]
    antecedent = ctx.last(_ALSO.get(backref.target, {backref.target}), mention.start)
    if antecedent is not None:
        return [without_event(antecedent.target)]
    default = lexicon(ctx.language).anaphora_default.get(backref.target) or _committee_treaty(backref.target, ctx)
    entry = ctx.authority.get(default) if default else None
    if entry is not None:
        return [entry_target(entry, ctx.authority)]
    ctx.problem(mention, "nothing it can refer back to")
    return []


@cache
def _adopted_by(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).table("anaphora_grammar").get("adopted_by")
    return re.compile(str(pattern)) if pattern else None


@cache
def _adopted_instruments(data: Authority, language: str) -> tuple[tuple[Entry, tuple[str, ...]], ...]:
    """Each instrument a meeting of the authority adopted, with that meeting's names in ``language`` (not the
    joint titles cited as their parts: "the Declaration" adopted at Beijing is the Beijing Declaration)."""
    found = []
    for entry in data.entries.values():
        if entry.facts.get("cited_as_parts") or not entry.fact("adopted_at"):
            continue
        meeting = data.get(entry.fact("adopted_at"))
        if meeting is not None:
            names = tuple(normalize_name(name) for lang, name in meeting.names() if lang == language)
            found.append((entry, tuple(n for n in names if n)))
    return tuple(found)


def _adopted_by_named_meeting(mention: Mention, backref: BackReference, ctx: Context) -> Target | None:
    """ "the Platform for Action adopted by the Fourth World Conference on Women" (A/RES/52/96): the
    instrument of that kind the meeting named straight after it adopted, whatever was cited before."""
    pattern = _adopted_by(ctx.language)
    flat = ctx.document.flat
    m = pattern.match(flat, mention.end) if pattern is not None else None
    if m is None:
        return None
    following = normalize_name(flat[m.end() : m.end() + 240])
    kinds = _ALSO.get(backref.target, {backref.target})
    for entry, names in _adopted_instruments(ctx.authority, ctx.language):
        if entry.kind in kinds and any(following.startswith(name) for name in names):
            return entry_target(entry, ctx.authority)
    return None


def _listed_resolutions(mention: Mention, ctx: Context) -> list[Target]:
    """ "the above-mentioned resolutions": each resolution of the last paragraph that cited resolutions."""
    before = [ref for ref in ctx.of_kind("resolution") if ref.start < mention.start]
    if not before:
        ctx.problem(mention, "no resolutions it can refer back to")
        return []
    paragraph = before[-1].paragraph
    named = {ref.id: ref.target for ref in before if ref.paragraph == paragraph}
    return [without_event(target) for target in named.values()]


def _committee_treaty(kind: str, ctx: Context) -> str:
    """In a treaty body's text, "the Convention" / "the Covenant" with nothing named before is the treaty
    the committee monitors (CEDAW/C/GC/35: "article 1 of the Convention" → CEDAW)."""
    committee = own_committee(ctx)
    treaty = ctx.authority.get(committee.fact("treaty")) if committee is not None else None
    return treaty.id if treaty is not None and treaty.kind in _ALSO.get(kind, {kind}) else ""


def protocols_targets(mention: Mention, ctx: Context) -> list[Target]:
    """ "its Protocols" / “及其议定书”: the protocols of the last convention already named, or its only protocol
    the authority knows ("… Disabilities and the Optional Protocol thereto": A/HRC/RES/7/9); "the Optional
    Protocols to the …" names its instrument: every protocol of it the authority knows."""
    payload = mention.payload
    assert isinstance(payload, ProtocolsOf)
    if payload.of:
        entries = ctx.authority.lookup(payload.of, ("instrument",))
        parent = entries[0].id if entries else ""
    else:
        convention = ctx.last(CONVENTIONS, mention.start)
        parent = convention.id if convention is not None else ""
    if not parent:
        if payload.of:
            ctx.problem(mention, f"no instrument known as {payload.of}")
        return []
    named: dict[str, Target] = {}
    for kind in kinds_under("protocol"):
        for ref in ctx.of_kind(kind):
            entry = ctx.authority.get(ref.id)
            if entry is not None and entry.fact("supplements") == parent:
                named.setdefault(ref.id, without_event(ref.target))
    known = list(ctx.authority.supplementing(parent))
    if payload.of or (not named and len(known) == 1):  # a plural title names them all; an instrument's only one
        for entry in known:
            named.setdefault(entry.id, entry_target(entry, ctx.authority))
    if not named:
        ctx.problem(mention, f"no protocol of {parent} known")
    return list(named.values())
