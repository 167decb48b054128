"""Resolving meetings: authority meetings and numbered meetings of a series, an organ's sessions,
conferences of the parties to a convention, and meetings of their own with what the text says."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from instrumap.extract.lexicon import (
    Lexicon,
    alternation,
    canonical_language,
    lexicon,
    ordinal_value,
    ordinal_word,
    organ_names,
)
from instrumap.extract.records import Event, MeetingName, Mention, Target, labels
from instrumap.extract.resolve.context import CONVENTIONS, Context
from instrumap.extract.resolve.instruments import entry_target, unresolved
from instrumap.extract.resolve.naming import conference_of_parties_label, series_labels, session_label
from instrumap.ontology.authorities import Authority, Entry
from instrumap.ontology.iris import entity_iri, slugify


def meeting_target(mention: Mention, ctx: Context) -> Target:
    name = mention.payload
    assert isinstance(name, MeetingName)
    if mention.kind == "session" and name.organ:
        return _session(name, ctx)
    if name.parties:
        return _conference_of_parties(mention, name, ctx)
    entries = ctx.authority.lookup(name.title, ("meeting",))
    if entries:
        return entry_target(entries[0], ctx.authority, name.event)
    lex = lexicon(ctx.language)
    base = _without_ordinal(name.title, lex)
    if name.event.ordinal.isdigit() and base:
        ordinal = int(name.event.ordinal)
        entry = series_meeting(ctx.authority, base, ordinal)
        if entry is None and " ".join(base.split()) in lex.meeting_heads:
            entry = _short_form(mention, ordinal, ctx)
        if entry is not None:
            return entry_target(entry, ctx.authority, name.event)
    return unresolved(mention.kind, "meeting", name.title, ctx, name.event)


def _short_form(mention: Mention, ordinal: int, ctx: Context) -> Entry | None:
    """ "the Thirteenth Congress" after a congress of a series was named: that series' thirteenth meeting.

    The series is the last same-kind meeting's, or a sibling series written with the same short form
    whose ordinals hold this one (crime congresses 1–10 and 11– have different full names).
    """
    last = ctx.last({mention.kind}, mention.start)
    series = _series_of(last.target.id, ctx.authority) if last else None
    if series is None:
        return None
    short = series.facts.get("short")
    for candidate in (series, *(e for e in ctx.authority.entries.values() if e.collection == "series")):
        if candidate is not series and (not short or candidate.facts.get("short") != short):
            continue
        if _holds(candidate, ordinal):
            return series_meeting_of(ctx.authority, candidate, ordinal)
    return None


def _series_of(target_id: str, data: Authority) -> Entry | None:
    entry = data.get(target_id)
    series_id = str(entry.fact("series") or "") if entry is not None else target_id.rpartition("-")[0]
    series = data.get(series_id) if series_id else None
    return series if series is not None and series.collection == "series" else None


def _holds(series: Entry, ordinal: int) -> bool:
    bounds = series.facts.get("ordinals")
    return not bounds or int(bounds[0]) <= ordinal <= int(bounds[1])  # type: ignore[index]


def series_meeting(data: Authority, name: str, ordinal: int) -> Entry | None:
    """A numbered meeting of a known series: the authority's own, or one labelled from the series' templates."""
    for series in data.lookup(name, ("series",)):
        entry = series_meeting_of(data, series, ordinal)
        if entry is not None:
            return entry
    return None


def series_meeting_of(data: Authority, series: Entry, ordinal: int) -> Entry | None:
    """The ``ordinal``-th meeting of ``series``."""
    known = data.meeting_in_series(series.id, ordinal)
    if known is not None:
        return known  # its target gets the series' labels it lacks (resolve.instruments)
    labels = series_labels(series, ordinal)
    if labels:
        return Entry(f"{series.id}-{ordinal}", "meeting", series.kind, labels,
                     facts={"series": series.id, "ordinal": ordinal})  # fmt: skip
    return None


def _without_ordinal(title: str, lex: Lexicon) -> str:
    """A meeting's name less its ordinal: "Tenth United Nations Congress …" → "United Nations Congress …"."""
    prefix = lex.table("meetings").get("ordinal_prefix")
    title = re.sub(prefix, "", title.strip()) if prefix else title.strip()
    first = re.match(r"(\w+(?:-\w+)?)\s+", title)
    if first and ordinal_value(first.group(1), lex.language):
        title = title[first.end() :]
    return title


def _session(name: MeetingName, ctx: Context) -> Target:
    series = lexicon(ctx.language).organs.get(name.organ, "")
    number = int(name.event.ordinal or 0)
    names = organ_names(series) if series and series != "?" else {ctx.language: name.organ}
    label = session_label(names, number)
    slug = slugify(label.get(canonical_language(), name.organ))
    return Target("session", slug, entity_iri("meeting", slug), label, series not in ("", "?"), name.event)


def _conference_of_parties(mention: Mention, name: MeetingName, ctx: Context) -> Target:
    """The conference of the parties to the instrument named in its title, or else to the last convention."""
    named = re.search(r"\bto the (.+)$", name.title)
    entries = ctx.authority.lookup(named.group(1), ("instrument",)) if named else []
    convention = entry_target(entries[0], ctx.authority) if entries else None
    if convention is None:
        last = ctx.last(CONVENTIONS, mention.start)
        convention = last.target if last else None
    if convention is None:
        return unresolved("conference", "meeting", mention.text, ctx, name.event)
    ordinal = _ordinal_before(ctx, mention.start)
    if ordinal:
        return _numbered_conference(mention, convention, ordinal, ctx, name.event)
    label = dict(conference_of_parties_label(convention.label, name.first_session))
    language = canonical_language()
    if language in label:
        label[language] = _as_named(label[language], name.title, ctx)
    slug = f"cop-{convention.id}" + ("-1" if name.first_session else "")
    return Target("conference", slug, entity_iri("meeting", slug), labels(label), convention.resolved, name.event)


def _as_named(label: str, written: str, ctx: Context) -> str:
    """The English label with the conference's head as an English text writes it: "Conference of the
    States Parties to the United Nations Convention against Corruption" (its own name), not "… the Parties …"."""
    head = _PARTIES_HEAD.match(" ".join(written.split())) if ctx.language == canonical_language() else None
    return re.sub(r"^Conference of the Parties", head.group(0), label) if head is not None else label


_PARTIES_HEAD = re.compile(r"(?:Conference|Meeting) of (?:the )?(?:States )?Parties")


@cache
def _ordinal_word_before(language: str) -> re.Pattern[str] | None:
    words = lexicon(language).table("title_grammar").get("meeting_ordinals", ())
    return re.compile(rf"(?<!\w)({alternation(words)})\s+$", re.I) if words else None


def _ordinal_before(ctx: Context, at: int) -> int:
    """The ordinal right before a conference of the parties ("the second Conference of States Parties"): 0 if none."""
    pattern = _ordinal_word_before(ctx.language)
    before = pattern.search(ctx.document.flat[max(0, at - 24) : at]) if pattern is not None else None
    return (ordinal_value(before.group(1).lower(), ctx.language) or 0) if before else 0


def _numbered_conference(mention: Mention, convention: Target, ordinal: int, ctx: Context, event: Event) -> Target:
    """The ``ordinal``-th conference of the parties, named as the text names the conference: "Second
    Conference of States Parties to the African Nuclear-Weapon-Free Zone Treaty" (A/RES/79/15)."""
    language = canonical_language()
    base = _as_named(conference_of_parties_label(convention.label, False).get(language, ""), mention.text, ctx)
    name = f"{ordinal_word(ordinal, language, 'Title')} {base}"
    slug = f"cop-{convention.id}-{ordinal}"
    return Target("conference", slug, entity_iri("meeting", slug), labels({language: name}), convention.resolved, event)


def without_event(target: Target) -> Target:
    """A back-reference points to the meeting, not to what the text said of it where it was named."""
    return replace(target, event=Event()) if target.event else target
