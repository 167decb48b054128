"""Resolving mentions to canonical targets, in document order, with the citing document as context.

Each strategy is a plain function of (mention, context); back-references look only at what
was resolved before them and are dropped, with a problem noted, when nothing fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from instrumap.extract.lexicon import english_ordinal, lexicon, load_data
from instrumap.extract.naming import (
    chinese_ordinal_word,
    english_ordinal_word,
    organ_names,
    resolution_label,
)
from instrumap.extract.records import Block, Document, Mention, Reference
from instrumap.extract.symbols import resolution_symbol, symbol_kind
from instrumap.ontology.authorities import Authority, Entry, authority, entry_collection, normalize_name
from instrumap.ontology.iris import document_iri, entity_iri, slugify

INSTRUMENT_KINDS = frozenset(
    {"convention", "protocol", "declaration", "plan_of_action", "programme", "charter", "covenant", "rules",
     "principles", "statute", "agenda", "strategy", "other"}
)  # fmt: skip
MEETING_KINDS = frozenset({"conference", "congress", "forum", "summit", "session", "treaty_event", "meeting"})
# A back-reference to a kind also finds these kinds (《公约》 may point back to a covenant).
_ANAPHORA_MATCHES = {
    "convention": {"convention", "covenant"},
    "covenant": {"covenant", "convention"},
    "programme": {"programme", "plan_of_action"},
    "plan_of_action": {"plan_of_action", "programme"},
}


def _fits(series: str, form: str) -> bool:
    """Whether an organ's resolutions take this number form (``common.toml`` [series_forms])."""
    return form in load_data("common")["series_forms"].get(series, ())


@dataclass
class Context:
    """What resolving one document knows: its own organ, and what was resolved so far."""

    document: Document
    authority: Authority
    own_series: str
    resolved: list[Reference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def own_series(document: Document) -> str:
    """The symbol series of the citing document's organ: ``A/RES/58/140`` → ``A``."""
    symbol = document.metadata.symbol or ""
    for marker in ("/RES/", "/DEC/"):
        if marker in symbol:
            return symbol.split(marker)[0]
    return {"Security Council": "S", "Economic and Social Council": "E", "Human Rights Council": "A/HRC"}.get(
        document.metadata.body or "", "A"
    )


def resolve(
    document: Document, mentions: Iterable[Mention], data: Authority | None = None
) -> tuple[list[Reference], list[str]]:
    """All references of ``document``, in document order, and the problems met."""
    ctx = Context(document, data or authority(), own_series(document))
    header = next((b for b in document.blocks if b.id == "HEADER"), None)
    report = document.metadata.report_span
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        in_header = header is not None and mention.start < header.end
        if in_header and not (report and report[0] <= mention.start < report[1]):
            continue  # the document's own description, not a citation
        targets = _targets(mention, ctx)
        for kind, target_id, uri, label, resolved, details in targets:
            if target_id == document.metadata.symbol:
                continue
            for paragraph, function, via in _placements(document, mention, header):
                ref = Reference(kind, target_id, uri, label, document.text[mention.start : mention.end],
                                mention.start, mention.end, paragraph, function, resolved, via,
                                details=details)  # fmt: skip
                ctx.resolved.append(ref)
    return ctx.resolved, ctx.problems


Target = tuple[str, str, str, dict[str, str], bool, tuple[tuple[str, str], ...]]


def _targets(mention: Mention, ctx: Context) -> list[Target]:
    kind = mention.kind
    if kind in ("resolution", "decision"):
        return [_resolution(mention, ctx)]
    if kind == "document":
        return [_document_target(mention.part("symbol"))]
    if kind == "anaphora":
        return _anaphora(mention, ctx)
    if kind == "protocols_of":
        return _protocols_of(mention, ctx)
    if kind == "plan_of_action" and mention.part("base"):
        return [_plan(mention, ctx)]
    if kind in MEETING_KINDS:
        return [_meeting(mention, ctx)]
    return [_instrument(mention, ctx)]


@lru_cache(maxsize=65536)
def _document_target(symbol: str) -> Target:
    return ("document", symbol, document_iri(symbol), {"en": symbol}, True, ())


def _resolution(mention: Mention, ctx: Context) -> Target:
    if mention.part("symbol"):
        symbol = mention.part("symbol")
        return (symbol_kind(symbol), symbol, document_iri(symbol), {"en": symbol}, True, ())
    form = mention.part("form")
    series = ""
    organs = [mention.part("organ"), *mention.part("organs").split(",")]
    antecedent = mention.part("antecedent")
    if organs[0] == "self" and antecedent and antecedent != ctx.own_series and _fits(antecedent, form):
        organs[0] = antecedent  # "the Commission on Narcotic Drugs … in its resolutions 44/16": the Commission's
    for organ in organs:
        candidate = ctx.own_series if organ in ("self", "?") else organ
        if candidate and _fits(candidate, form):
            series = candidate
            break
    if not series:
        series = ctx.own_series if _fits(ctx.own_series, form) else load_data("common")["series_default"][form]
    return _resolution_target(series, mention.part("number"), mention.kind)


@lru_cache(maxsize=65536)
def _resolution_target(series: str, number: str, kind: str) -> Target:
    symbol = resolution_symbol(series, number, kind)
    return (kind, symbol, document_iri(symbol), resolution_label(series, number, kind), True, ())


def _entry_target(entry: Entry, details: tuple[tuple[str, str], ...] = ()) -> Target:
    """An authority entry as a target; what the text says of a meeting fills in only facts the entry lacks."""
    merged = {k: str(v) for k, v in entry.facts.items() if k in ("place", "start", "end", "ordinal")}
    for key, value in details:
        merged.setdefault(key, value)
    return (entry.kind, entry.id, entity_iri(entry_collection(entry), entry.id), dict(entry.labels), True,
            tuple(merged.items()))  # fmt: skip


def _instrument(mention: Mention, ctx: Context) -> Target:
    return _instrument_target(mention.part("title") or mention.text, mention.kind, ctx.document.language, ctx.authority)


@lru_cache(maxsize=65536)
def _instrument_target(title: str, kind: str, language: str, data: Authority) -> Target:
    entries = data.lookup(title, ("instrument", "process"))
    if entries:
        return _entry_target(entries[0])
    return _unresolved(kind, "instrument", title, language)


def _unresolved(
    kind: str, collection: str, title: str, language: str, details: tuple[tuple[str, str], ...] = ()
) -> Target:
    """A target the authority does not know: a node of its own, slug from its title, flagged unresolved."""
    slug = slugify(title)
    return (kind, slug, entity_iri(collection, slug), {language: _clean(title)}, False, details)


def _clean(title: str) -> str:
    return " ".join(title.strip("《》 ").split()).strip()


def _plan(mention: Mention, ctx: Context) -> Target:
    direct = ctx.authority.lookup(mention.text, ("instrument",))
    if direct:
        return _entry_target(direct[0])
    base_title = mention.part("base")
    base = ctx.authority.lookup(base_title, ("instrument",))
    key = normalize_name(base_title)
    base_id = base[0].id if base else ""
    for entry in ctx.authority.entries.values():
        if (
            entry.kind in ("plan_of_action", "programme")
            and entry.id != base_id
            and any(key and key in normalize_name(name) for _, name in entry.names())
        ):
            return _entry_target(entry)
    if base:
        slug = f"{base[0].id}-plan-of-action"
        label = {"en": f"Plan of action for the implementation of the {base[0].label('en')}"}
        if "zh" in base[0].labels:
            label["zh"] = f"执行《{base[0].labels['zh']}》的行动计划"
        return ("plan_of_action", slug, entity_iri("instrument", slug), label, False, ())
    return _unresolved("plan_of_action", "instrument", mention.text, ctx.document.language)


def _anaphora(mention: Mention, ctx: Context) -> list[Target]:
    target = mention.part("target")
    wanted = _ANAPHORA_MATCHES.get(target, {target})
    for ref in reversed(ctx.resolved):
        if ref.kind in wanted and ref.start < mention.start:
            return [(ref.kind, ref.id, ref.uri, ref.label, ref.resolved, ())]
    default = lexicon(ctx.document.language).raw.get("anaphora_default", {}).get(target)
    entry = ctx.authority.get(default) if default else None
    if entry is not None:
        return [_entry_target(entry)]
    ctx.problems.append(f"{mention.text!r} at {mention.start}: nothing it can refer back to")
    return []


def _protocols_of(mention: Mention, ctx: Context) -> list[Target]:
    """ "its Protocols" / “及其议定书”: the protocols of the last convention that were already named."""
    convention = next(
        (r for r in reversed(ctx.resolved) if r.kind in ("convention", "covenant") and r.start < mention.start), None
    )
    if convention is None:
        return []
    named: dict[str, Reference] = {}
    for ref in ctx.resolved:
        entry = ctx.authority.get(ref.id)
        if ref.kind == "protocol" and entry is not None and entry.fact("supplements") == convention.id:
            named.setdefault(ref.id, ref)
    if not named:
        ctx.problems.append(f"{mention.text!r} at {mention.start}: no protocol of {convention.id} named before")
    return [(r.kind, r.id, r.uri, r.label, r.resolved, ()) for r in named.values()]


def _meeting(mention: Mention, ctx: Context) -> Target:
    details = tuple((k, v) for k, v in mention.parts if k in ("place", "start", "end", "ordinal"))
    title = mention.part("title") or mention.text
    if mention.kind == "session":
        return _session(mention, ctx, details)
    if mention.part("parties"):
        return _conference_of_parties(mention, ctx, details)
    entries = ctx.authority.lookup(title, ("meeting",))
    if entries:
        return _entry_target(entries[0], details)
    ordinal = mention.part("ordinal")
    base = _without_ordinal(title)
    if ordinal.isdigit() and base:
        entry = ctx.authority.series_meeting(base, int(ordinal))
        if entry is not None:
            return _entry_target(entry, details)
    return _unresolved(mention.kind, "meeting", title, ctx.document.language, details)


def _without_ordinal(title: str) -> str:
    title = re.sub(r"^第\s*[一二三四五六七八九十百〇零两\d]+\s*[次届]\s*", "", title.strip())
    first = re.match(r"(\w+(?:-\w+)?)\s+", title)
    if first and english_ordinal(first.group(1)):
        title = title[first.end() :]
    return title


def _session(mention: Mention, ctx: Context, details: tuple[tuple[str, str], ...]) -> Target:
    organ_word = mention.part("organ")
    series = next((s for w, s in _organ_table(ctx.document.language) if w == organ_word), "")
    number = int(mention.part("ordinal") or 0)
    names = organ_names(series) if series and series != "?" else {ctx.document.language: organ_word}
    label = {}
    if "en" in names:
        label["en"] = f"{names['en']}, {english_ordinal_word(number)} session"
    if "zh" in names:
        label["zh"] = f"{names['zh']}第{chinese_ordinal_word(number)}届会议"
    slug = slugify(f"{label.get('en', organ_word)}")
    return ("session", slug, entity_iri("meeting", slug), label, series not in ("", "?"), details)


def _organ_table(language: str) -> list[tuple[str, str]]:
    return list(lexicon(language).organs.items())


def _conference_of_parties(mention: Mention, ctx: Context, details: tuple[tuple[str, str], ...]) -> Target:
    """The conference of the parties to the instrument named in its title, or else to the last convention."""
    named = re.search(r"\bto the (.+)$", mention.part("title"))
    entries = ctx.authority.lookup(named.group(1), ("instrument",)) if named else []
    convention: Reference | Target | None = _entry_target(entries[0]) if entries else None
    if convention is None:
        convention = next(
            (r for r in reversed(ctx.resolved) if r.kind in ("convention", "covenant") and r.start < mention.start),
            None,
        )
    if convention is None:
        return _unresolved("conference", "meeting", mention.text, ctx.document.language, details)
    conv_id, conv_label, conv_resolved = (
        (convention.id, convention.label, convention.resolved) if isinstance(convention, Reference)
        else (convention[1], convention[3], convention[4])
    )  # fmt: skip
    first = bool(mention.part("session"))
    label = {}
    if "en" in conv_label:
        label["en"] = f"Conference of the Parties to the {conv_label['en']}" + (", first session" if first else "")
    if "zh" in conv_label:
        label["zh"] = f"《{conv_label['zh']}》缔约国会议" + ("第一届会议" if first else "")
    slug = f"cop-{conv_id}" + ("-1" if first else "")
    return ("conference", slug, entity_iri("meeting", slug), label, conv_resolved, details)


def _placements(document: Document, mention: Mention, header: Block | None) -> list[tuple[str, str, str]]:
    """(paragraph, function, via) for a mention: a footnote's reference is credited to each paragraph marking it."""
    if header and mention.start < header.end:
        return [("HEADER", "adopted_on_report", "")]
    block = document.block_at(mention.start)
    if block is None:
        return []
    if not block.id.startswith("FN"):
        return [(block.id, block.function, "")]
    markers = document.markers(block.id[2:])
    if not markers:
        return [(block.id, "", "")]
    return [(block.id, b.function, b.id) for b in markers]
