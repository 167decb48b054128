"""Resolving instruments: authority entries by title or short name, plans built on an instrument,
and nodes of their own (flagged unresolved) for what the authority does not know."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache, lru_cache

from instrumap.extract.lexicon import alternation, canonical_language, lexicon
from instrumap.extract.records import NO_EVENT, Event, Labels, Mention, Target, Title, labels
from instrumap.extract.resolve.context import Context
from instrumap.extract.resolve.naming import plan_label, series_labels
from instrumap.ontology.authorities import Authority, Entry, entry_collection, normalize_name
from instrumap.ontology.iris import entity_iri, slugify

_EVENT_FACTS = ("ordinal", "place", "start", "end")


def entry_target(entry: Entry, data: Authority, event: Event = NO_EVENT) -> Target:
    """An authority entry as a target; what the text says of a meeting fills in only facts the entry lacks."""
    target = _entry_target(entry.id, data) if data.get(entry.id) is entry else _make_entry_target(entry, data)
    return replace(target, event=target.event.merged(event)) if event else target


@lru_cache(maxsize=8192)
def _entry_target(entry_id: str, data: Authority) -> Target:
    """An authority entry's target, made once (entries are keyed by id: they hold dicts)."""
    return _make_entry_target(data.entries[entry_id], data)


def _make_entry_target(entry: Entry, data: Authority) -> Target:
    facts = Event(*(str(entry.facts.get(name, "")) for name in _EVENT_FACTS))
    uri = entity_iri(entry_collection(entry), entry.id)
    return Target(entry.kind, entry.id, uri, _entry_labels(entry, data), True, facts, _described(data, entry.id, uri))


def _entry_labels(entry: Entry, data: Authority) -> Labels:
    """An entry's labels; a meeting of a series gets the series' labels in the languages it lacks, however
    it was found ("Huitième Congrès des Nations Unies pour la prévention du crime …" for crime-congress-8)."""
    series = data.get(str(entry.facts.get("series", ""))) if entry.facts.get("ordinal") else None
    if series is None:
        return labels(entry.labels)
    return labels({**series_labels(series, int(entry.facts["ordinal"])), **entry.labels})  # type: ignore[call-overload]


def _described(data: Authority, target_id: str, uri: str) -> bool:
    """Whether the authority graph already describes this node (then documents only point to it)."""
    entry = data.get(target_id)
    return entry is not None and entity_iri(entry_collection(entry), entry.id) == uri


def unresolved(kind: str, collection: str, title: str, ctx: Context, event: Event = NO_EVENT) -> Target:
    """A target the authority does not know: a node of its own, slug from its title, flagged unresolved."""
    slug = slugify(title)
    uri = entity_iri(collection, slug)
    clean = " ".join(title.strip("《》 ").split()).strip()
    return Target(kind, slug, uri, labels({ctx.language: clean}), False, event, _described(ctx.authority, slug, uri))


def title_of(mention: Mention) -> str:
    payload = mention.payload
    return getattr(payload, "title", "") or mention.text


def instrument_target(mention: Mention, ctx: Context) -> Target:
    return _instrument_target(title_of(mention), mention.kind, ctx)


def _instrument_target(title: str, kind: str, ctx: Context) -> Target:
    entry = _lookup(ctx.authority, title)
    entry = entry or _lookup(ctx.authority, _acronyms_spelled_out(title, ctx.authority, ctx.language))
    entry = entry or _lookup(ctx.authority, _without_organization(title, ctx.language))
    return entry_target(entry, ctx.authority) if entry else unresolved(kind, "instrument", title, ctx)


@cache
def _acronym_object(language: str) -> re.Pattern[str] | None:
    """An acronym after a connector at a title's end, from the lexicon's ``[title_grammar]``."""
    grammar = lexicon(language).table("title_grammar")
    if not grammar.get("acronym") or not grammar.get("acronym_after"):
        return None
    return re.compile(rf"\b(?:{alternation(grammar['acronym_after'])})[ ]+((?:{grammar['acronym']}))$")


def _acronyms_spelled_out(title: str, data: Authority, language: str) -> str:
    """ "Second Optional Protocol to ICCPR" (a UPR glossary, A/HRC/WG.6/43/FRA/3) → "… to the International
    Covenant on Civil and Political Rights": an instrument an acronym names, written out."""
    pattern, written = _acronym_object(language), " ".join(title.split())
    m = pattern.search(written) if pattern is not None else None
    named = data.lookup(m.group(1), ("instrument",)) if m else []
    if not named:
        return title
    return f"{written[: m.start(1)]}the {named[0].label(canonical_language())}"  # type: ignore[union-attr]


def _without_organization(title: str, language: str) -> str:
    """ "UN Convention on the Rights of the Child" (A/HRC/WG.6/28/UKR/3) → "Convention on the Rights of the
    Child": an organization's acronym before a title the authority knows without it (``acronym_prefixes``)."""
    first, _, rest = title.partition(" ")
    prefixes = lexicon(language).table("title_grammar").get("acronym_prefixes", ())
    return rest if rest and first in prefixes else title


@lru_cache(maxsize=65536)
def _lookup(data: Authority, title: str) -> Entry | None:
    entries = data.lookup(title, ("instrument", "process"))
    return entries[0] if entries else None


def plan_target(mention: Mention, ctx: Context) -> Target:
    """A plan of action for an instrument: the authority's plan, or a node built on the instrument."""
    payload = mention.payload
    assert isinstance(payload, Title)
    data = ctx.authority
    direct = data.lookup(mention.text, ("instrument",))
    if direct:
        return entry_target(direct[0], data)
    base = data.lookup(payload.base, ("instrument",))
    known = _plan_of(data, payload.base, base[0].id if base else "")
    if known is not None:
        return entry_target(known, data)
    if base:
        slug = f"{base[0].id}-plan-of-action"
        uri = entity_iri("instrument", slug)
        names = dict(base[0].labels)
        names.setdefault(canonical_language(), base[0].label(canonical_language()))
        return Target("plan_of_action", slug, uri, plan_label(names), False, Event(), _described(data, slug, uri))
    return unresolved("plan_of_action", "instrument", mention.text, ctx)


def _plan_of(data: Authority, base_title: str, base_id: str) -> Entry | None:
    """An authority plan or programme whose names contain the base instrument's title."""
    key = normalize_name(base_title)
    for entry in data.entries.values():
        if (
            entry.kind in ("plan_of_action", "programme")
            and entry.id != base_id
            and any(key and key in normalize_name(name) for _, name in entry.names())
        ):
            return entry
    return None
