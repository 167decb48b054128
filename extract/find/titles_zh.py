"""Finding named instruments and meetings in Chinese text.

Instrument titles are what stands in 《…》 (the head at its end gives the kind: 公约, 议定书, 宣言 …);
《公约》 alone is a back-reference. Meetings are read from their shape: an ordinal (第三次, 第十届),
a name and a head (论坛, 大会, 会议 …), or a name after 举行的, or a treaty event in quotes.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.find.meetings import meeting_details_zh
from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, alternation, lexicon, ordinal_value
from instrumap.extract.records import BackReference, Event, MeetingName, Mention, ProtocolsOf, Title

_TITLE = re.compile(r"《([^《》]{1,160})》")
_NAME_CHAR = r"(?:《[^《》]{1,80}》|[\u4e00-\u9fff0-9A-Za-z·\-])"
_NUM = r"[一二三四五六七八九十百〇零两\d]+"


@cache
def _patterns(language: str) -> dict[str, re.Pattern[str]]:
    lex = lexicon(language)
    heads = alternation(lex.meeting_heads)
    plan = lex.table("plan_of")
    meetings = lex.table("meetings")
    return {
        "ordinal": re.compile(rf"第\s*({_NUM})\s*(次|届)\s*({_NAME_CHAR}{{0,40}}?)({heads})"),
        "held": re.compile(rf"{alternation(meetings['held_words'])}的\s*((?!第)\s*{_NAME_CHAR}{{1,40}}?)({heads})"),
        "event": re.compile(rf"{alternation(meetings['event_words'])}\s*[“\"]([^”\"]{{2,80}})[”\"]"),
        "session": re.compile(rf"({alternation(lex.organs)})\s*第\s*({_NUM})\s*届(?:特别|紧急特别)?会议"),
        "protocols_of": re.compile(r"\s*" + alternation(lex.protocols_of)),
        "plan_after": re.compile(r"\s*的?\s*(" + alternation(plan["heads"]) + ")"),
        "plan_before": re.compile(alternation(plan["prefixes"]) + r"\s*$"),
        "first_session": re.compile(r"\s*" + alternation(meetings["first_session"])),
    }


def _anchor_words(lex: Lexicon, gazetteer: object) -> dict[str, list[str]]:
    meetings = lex.table("meetings")
    return {
        "names": sorted(gazetteer.names(lex.language)),  # type: ignore[attr-defined]
        "titles": ["《"],
        "ordinal_meetings": ["第"],
        "held_meetings": list(meetings["held_words"]),
        "treaty_events": list(meetings["event_words"]),
        "sessions": list(lex.organs),
    }


def _instrument_kind(title: str, lex: Lexicon, scan: Scan) -> str | None:
    """The kind a 《…》 title's ending gives; ``title`` for a name the authority lists; None otherwise."""
    heads = lex.instrument_heads
    for suffix in sorted(heads, key=len, reverse=True):
        if title.endswith(suffix):
            return heads[suffix]
    return "title" if scan.gazetteer.is_instrument(title) else None


def find_titles_zh(scan: Scan) -> Iterator[Mention]:
    """Instruments in 《…》, authority names written without them, back-references, "及其议定书",
    plans of action and meetings."""
    quoted = [m.span() for m in _matches(scan, "titles", _TITLE)]
    names = list(_bare_names(scan, quoted))
    yield from _instruments(scan)
    yield from names
    yield from _meetings(scan, [(m.start, m.end) for m in names])


def _bare_names(scan: Scan, quoted: list[tuple[int, int]]) -> Iterator[Mention]:
    """Authority names outside 《…》 ("根据联合国宪章》第七章" whose 《 was lost, "安理会暂行议事规则第28条",
    "联合国千年首脑会议"), leftmost-longest; a name inside 《…》 is the title's, not one of its own."""
    flat = scan.flat
    to_flat = scan.squeezed.to_flat
    starts = [s for s, _ in quoted]
    done = -1
    for start, stop, name in scan.anchors("names"):
        start, stop = to_flat(start), to_flat(stop - 1) + 1
        if start < done:
            continue
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and start < quoted[i][1]:
            continue
        done = stop
        yield Mention("name", start, stop, flat[start:stop], MeetingName(name, Event()))


def _matches(scan: Scan, group: str, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Non-overlapping matches of ``pattern`` at the anchors of ``group``, as ``finditer`` would give them."""
    done = -1
    for at in scan.flat_starts(group):
        if at < done:
            continue
        m = pattern.match(scan.flat, at)
        if m is not None:
            done = m.end()
            yield m


def _instruments(scan: Scan) -> Iterator[Mention]:
    flat, lex = scan.flat, scan.lexicon
    pats = _patterns(lex.language)
    for m in _matches(scan, "titles", _TITLE):
        title = m.group(1).strip()
        key = "".join(title.split())
        if key in lex.anaphora:
            yield Mention("anaphora", m.start(), m.end(), m.group(0), BackReference(lex.anaphora[key]))
        else:
            kind = _instrument_kind(key, lex, scan)
            if kind is None:
                continue
            yield Mention(kind, m.start(), m.end(), m.group(0), Title(title))
            plan = pats["plan_after"].match(flat, m.end())
            if plan:
                before = pats["plan_before"].search(flat, max(0, m.start() - 8), m.start())
                start = before.start() if before else m.start()
                yield Mention("plan_of_action", start, plan.end(), flat[start : plan.end()], Title(title, base=title))
        after = pats["protocols_of"].match(flat, m.end())
        if after:
            at = after.start() + len(after.group(0)) - len(after.group(0).lstrip())
            yield Mention("protocols_of", at, after.end(), flat[at : after.end()], ProtocolsOf())


def _meetings(scan: Scan, named: list[tuple[int, int]]) -> Iterator[Mention]:
    """Sessions and meetings by their shape, less those an authority name already stands for."""
    flat, lex = scan.flat, scan.lexicon
    pats = _patterns(lex.language)
    taken: list[tuple[int, int]] = []
    for m in _matches(scan, "sessions", pats["session"]):
        taken.append(m.span())
        number = ordinal_value(m.group(2), lex.language)
        event = Event(ordinal=str(number or ""))
        yield Mention("session", m.start(), m.end(), m.group(0), MeetingName(m.group(0), event, organ=m.group(1)))
    taken += named
    for start, stop, kind, ordinal in _meeting_candidates(scan, pats):
        if not any(s < stop and start < e for s, e in taken):
            yield _meeting(flat, start, stop, kind, ordinal, lex, pats)


def _meeting_candidates(scan: Scan, pats: dict[str, re.Pattern[str]]) -> list[tuple[int, int, str, str]]:
    """Meetings by their ordinal (第三次…论坛), after 举行的, and treaty events in quotes."""
    lex = scan.lexicon
    excluded = set(lex.table("meetings")["exclude"])
    heads = lex.meeting_heads
    found: list[tuple[int, int, str, str]] = []
    for m in _matches(scan, "ordinal_meetings", pats["ordinal"]):
        name = "".join(m.group(3).split())
        if name and name not in excluded and (name + m.group(4)) not in excluded:
            number = ordinal_value(m.group(1), lex.language)
            found.append((m.start(), m.end(), heads[m.group(4)], str(number or "")))
    for m in _matches(scan, "held_meetings", pats["held"]):
        name = "".join(m.group(1).split())
        if name not in excluded and not any(s <= m.start(1) < e for s, e, _, _ in found):
            found.append((m.start(1), m.end(), heads[m.group(2)], ""))
    for m in _matches(scan, "treaty_events", pats["event"]):
        found.append((m.start(1), m.end(1), "treaty_event", ""))
    return found


def _meeting(flat: str, start: int, stop: int, kind: str, ordinal: str, lex: Lexicon, pats: dict) -> Mention:  # type: ignore[type-arg]
    name = flat[start:stop]
    parties = "".join(name.split()).endswith(tuple(lex.table("meetings")["parties"]))
    first = pats["first_session"].match(flat, stop) if parties else None
    if first:
        stop = first.end()
    details = meeting_details_zh(flat, start, stop)
    event = Event(ordinal).merged(details)
    return Mention(kind, start, stop, flat[start:stop], MeetingName(name, event, parties, first_session=bool(first)))


TITLES_ZH = register(Finder("titles_zh", _anchor_words, find_titles_zh))
