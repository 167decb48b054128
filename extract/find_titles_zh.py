"""Finding named instruments and meetings in Chinese text.

Instrument titles are what stands in 《…》 (the head at its end gives the kind: 公约, 议定书, 宣言 …);
《公约》 alone is a back-reference. Meetings are read from their shape: an ordinal (第三次, 第十届),
a name and a head (论坛, 大会, 会议 …), or a name after 举行的, or a treaty event in quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.lexicon import alternation, chinese_number, lexicon
from instrumap.extract.meetings import meeting_details_zh
from instrumap.extract.records import Mention
from instrumap.ontology.authorities import authority

_TITLE = re.compile(r"《([^《》]{1,160})》")
_NAME_CHAR = r"(?:《[^《》]{1,80}》|[\u4e00-\u9fff0-9A-Za-z·\-])"
_NUM = r"[一二三四五六七八九十百〇零两\d]+"


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon("zh")
    heads = alternation(lex.meeting_heads)
    data = lex.raw
    organs = alternation(lex.organs)
    plan = data["plan_of"]
    return {
        "ordinal": re.compile(rf"第\s*({_NUM})\s*(次|届)\s*({_NAME_CHAR}{{0,40}}?)({heads})"),
        "held": re.compile(rf"(?:举行|举办|召开)的\s*((?!第)\s*{_NAME_CHAR}{{1,40}}?)({heads})"),
        "event": re.compile(r"条约活动\s*[“\"]([^”\"]{2,80})[”\"]"),
        "session": re.compile(rf"({organs})\s*第\s*({_NUM})\s*届(?:特别|紧急特别)?会议"),
        "protocols_of": re.compile(r"\s*" + alternation(lex.protocols_of)),
        "plan_after": re.compile(r"\s*的?\s*(" + alternation(plan["heads"]) + ")"),
        "plan_before": re.compile(alternation(plan["prefixes"]) + r"\s*$"),
        "first_session": re.compile(r"\s*" + alternation(data["meetings"]["first_session"])),
    }


def _instrument_kind(title: str) -> str | None:
    """The kind a 《…》 title's ending gives, or the authority's kind; None for other titles."""
    heads = lexicon("zh").instrument_heads
    for suffix in sorted(heads, key=len, reverse=True):
        if title.endswith(suffix):
            return heads[suffix]
    entries = authority().lookup(title, ("instrument",))
    return entries[0].kind if entries else None


def find_titles_zh(flat: str, begin: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Instruments in 《…》, back-references, "及其议定书", plans of action and meetings, in ``flat[begin:end]``."""
    end = len(flat) if end is None else end
    yield from _instruments(flat, begin, end)
    yield from _meetings(flat, begin, end)


def _instruments(flat: str, begin: int, end: int) -> Iterator[Mention]:
    pats = _patterns()
    anaphora = lexicon("zh").anaphora
    for m in _TITLE.finditer(flat, begin, end):
        title = m.group(1).strip()
        key = "".join(title.split())
        if key in anaphora:
            yield Mention("anaphora", m.start(), m.end(), m.group(0), (("target", anaphora[key]),))
        else:
            kind = _instrument_kind(key)
            if kind is None:
                continue
            yield Mention(kind, m.start(), m.end(), m.group(0), (("title", title),))
            plan = pats["plan_after"].match(flat, m.end())
            if plan:
                before = pats["plan_before"].search(flat, max(begin, m.start() - 8), m.start())
                start = before.start() if before else m.start()
                yield Mention("plan_of_action", start, plan.end(), flat[start : plan.end()],
                              (("base", title), ("head", plan.group(1))))  # fmt: skip
        after = pats["protocols_of"].match(flat, m.end())
        if after:
            at = after.start() + len(after.group(0)) - len(after.group(0).lstrip())
            yield Mention("protocols_of", at, after.end(), flat[at : after.end()], ())


def _meetings(flat: str, begin: int, end: int) -> Iterator[Mention]:
    pats = _patterns()
    heads = lexicon("zh").meeting_heads
    data = lexicon("zh").raw["meetings"]
    excluded = set(data["exclude"])
    parties = tuple(data["parties"])
    taken: list[tuple[int, int]] = []
    for m in pats["session"].finditer(flat, begin, end):
        taken.append(m.span())
        number = chinese_number(m.group(2))
        yield Mention("session", m.start(), m.end(), m.group(0),
                      (("organ", m.group(1)), ("ordinal", str(number or ""))))  # fmt: skip
    candidates: list[tuple[int, int, str, tuple[tuple[str, str], ...]]] = []
    for m in pats["ordinal"].finditer(flat, begin, end):
        name = "".join(m.group(3).split())
        if not name or name in excluded or (name + m.group(4)) in excluded:
            continue
        number = chinese_number(m.group(1))
        candidates.append((m.start(), m.end(), heads[m.group(4)], (("ordinal", str(number or "")),)))
    for m in pats["held"].finditer(flat, begin, end):
        name = "".join(m.group(1).split())
        if name in excluded or any(s <= m.start(1) < e for s, e, _, _ in candidates):
            continue
        candidates.append((m.start(1), m.end(), heads[m.group(2)], ()))
    for m in pats["event"].finditer(flat, begin, end):
        candidates.append((m.start(1), m.end(1), "treaty_event", ()))
    for start, stop, kind, parts in candidates:
        if any(s <= start < e for s, e in taken):
            continue
        name = flat[start:stop]
        extra: tuple[tuple[str, str], ...] = ()
        if "".join(name.split()).endswith(parties):
            extra += (("parties", "1"),)
            first = pats["first_session"].match(flat, stop)
            if first:
                stop = first.end()
                extra += (("session", "1"),)
        details = meeting_details_zh(flat, start, stop)
        yield Mention(kind, start, stop, flat[start:stop], (("title", name), *parts, *extra, *details))
