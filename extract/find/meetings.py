"""Where and when a meeting was held, read from the words around its name.

"the Third Global Forum …, held in Seoul from 28 to 31 May 2003" ·
"2003年5月28日至31日在汉城举行的第三次全球…论坛" · "…区域部长级会议，2003年4月28日至30日，印度尼西亚巴厘".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from instrumap.extract.lexicon import alternation, lexicon, load_data, month_number, ordinal_value
from instrumap.extract.records import Event


@dataclass(frozen=True, slots=True)
class _Held:
    held: re.Pattern[str]  # ", held in Seoul, " → the place, then the dates
    paren: re.Pattern[str]  # " (Seoul, 28-31 May 2003)"
    lead: re.Pattern[str]  # ", from 28 to 31 May 2003" with no place
    when: re.Pattern[str]  # the dates, in named groups (d1 m1 y1 d2 m2 y2 | d m y | ym yy)
    on: str  # what the dates in parentheses are read as ("on 28 May 2003")


@cache
def _held(language: str) -> _Held:
    """The lexicon's ``[places]`` patterns with the place and the month names filled in."""
    table = lexicon(language).table("places")
    month = alternation(lexicon(language).months)
    place = str(load_data("common")["places"]["place"])

    def fill(key: str) -> re.Pattern[str]:
        return re.compile(str(table.get(key, "(?!)")).replace("{place}", place).replace("{month}", month))

    return _Held(fill("held_at"), fill("held_paren"), fill("held_lead"), fill("when"), str(table.get("on", "")))


def meeting_details(text: str, start: int, stop: int, language: str) -> Event:
    """Ordinal, place and dates of the meeting named at ``text[start:stop]``: "…, held in Seoul from 28 to
    31 May 2003", "…, tenue à Vienne du 14 au 25 juin 1993" (the lexicon's ``[places]``)."""
    parts: list[tuple[str, str]] = []
    first = re.match(r"(\w+(?:-\w+)?)", text[start:stop])
    if first and (n := ordinal_value(first.group(1), language)):
        parts.append(("ordinal", str(n)))
    grammar = _held(language)
    tail = text[stop : stop + 160]
    held = grammar.held.match(tail)
    when_from = 0
    if held:
        parts.append(("place", held.group(1)))
        when_from = held.end()
    paren = grammar.paren.match(tail)
    if paren and not held:
        parts.append(("place", paren.group(1)))
        tail = grammar.on + paren.group(2)
        when_from = 0
    if held is None and paren is None:
        lead = grammar.lead.match(tail)
        when_from = lead.end() if lead else -1
    when = grammar.when.match(tail, when_from) if when_from >= 0 else None
    if when:
        parts.extend(_dates(when, language))
    return _event(parts)


_ZH_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_ZH_RANGE = re.compile(rf"{_ZH_DATE}(?:\s*至\s*(?:(\d{{4}})\s*年\s*)?(?:(\d{{1,2}})\s*月\s*)?(\d{{1,2}})\s*日)?")


def _iso(year: str | int, month: str | int, day: str | int) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def _event(parts: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> Event:
    found = dict(parts)
    return Event(found.get("ordinal", ""), found.get("place", ""), found.get("start", ""), found.get("end", ""))


def _dates(m: re.Match[str], language: str) -> list[tuple[str, str]]:
    # A pattern may name a group twice with a suffix ("d1_b": "les 29 et 30 septembre 1990").
    g = {k.split("_")[0]: v for k, v in m.groupdict().items() if v}
    if "d2" in g:
        end_month = month_number(g["m2"], language) or 1
        start_month = month_number(g["m1"], language) if "m1" in g else end_month
        start_year = g.get("y1") or g["y2"]
        return [("start", _iso(start_year, start_month, g["d1"])), ("end", _iso(g["y2"], end_month, g["d2"]))]
    if "d" in g:
        day = _iso(g["y"], month_number(g["m"], language) or 1, g["d"])
        return [("start", day), ("end", day)]
    if "yy" in g:
        return [("year", g["yy"])]
    return []


def zh_date_range(text: str) -> tuple[tuple[str, str], ...]:
    """ "2003年5月28日至31日" → start 2003-05-28, end 2003-05-31 (also "6 月 28 日至 7 月 9 日")."""
    m = _ZH_RANGE.search(text)
    if not m:
        return ()
    year, month, day, year2, month2, day2 = m.groups()
    start = _iso(year, month, day)
    if not day2:
        return (("start", start), ("end", start))
    return (("start", start), ("end", _iso(year2 or year, month2 or month, day2)))


@cache
def _places() -> tuple[dict[str, str], dict[str, str]]:
    data = load_data("places")
    return dict(data["cities"]), dict(data["countries"])


def zh_place(name: str) -> str:
    """ "墨西哥梅里达" → "Mérida"; an unknown place is returned as written."""
    cities, countries = _places()
    name = "".join(name.split())
    for country in sorted(countries, key=len, reverse=True):
        if name.startswith(country) and len(name) > len(country):
            name = name[len(country) :]
            break
    return cities.get(name, name)


_ZH_BEFORE = re.compile(
    rf"(?:{_ZH_DATE}(?:\s*至\s*(?:\d{{4}}\s*年\s*)?(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日)?)?\s*(?:在\s*([\u4e00-\u9fff]{{2,12}}?)\s*)?(?:举行|举办|召开)的?\s*$"
)
_ZH_AFTER = re.compile(
    rf"^\s*[，,]\s*({_ZH_DATE}(?:\s*至\s*(?:\d{{4}}\s*年\s*)?(?:\d{{1,2}}\s*月\s*)?\d{{1,2}}\s*日)?)\s*[，,]\s*([\u4e00-\u9fff]{{2,12}})"
)


def meeting_details_zh(flat: str, start: int, stop: int) -> Event:
    """Dates and place before the name ("…在汉城举行的") or after it ("，2003年4月28日至30日，印度尼西亚巴厘")."""
    before = _ZH_BEFORE.search(flat, max(0, start - 60), start)
    if before and before.group(0).strip():
        parts = list(zh_date_range(before.group(0)))
        if before.group(4):
            parts.append(("place", zh_place(before.group(4))))
        if parts:
            return _event(parts)
    after = _ZH_AFTER.match(flat[stop : stop + 60])
    if after:
        return _event((*zh_date_range(after.group(1)), ("place", zh_place(after.group(5)))))
    return Event()
