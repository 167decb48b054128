"""Where and when a meeting was held, read from the words around its name.

"the Third Global Forum …, held in Seoul from 28 to 31 May 2003" ·
"2003年5月28日至31日在汉城举行的第三次全球…论坛" · "…区域部长级会议，2003年4月28日至30日，印度尼西亚巴厘".
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.extract.lexicon import alternation, lexicon, load_data, month_number, ordinal_value
from instrumap.extract.records import Event

_PLACE_EN = r"([A-Z][\w'’\-]+(?:[ ](?:de[ ]|del[ ]|es[ ])?[A-Z][\w'’\-]+)*)"


@cache
def _when(language: str) -> re.Pattern[str]:
    """ "from 28 to 31 May 2003", "on 12 July 2005", "in 2005", with the lexicon's month names."""
    month = alternation(lexicon(language).months)
    return re.compile(
        rf"(?:from[ ](\d{{1,2}})(?:[ ]({month}))?(?:[ ](\d{{4}}))?[ ](?:to|until)[ ](\d{{1,2}})[ ]({month})[ ](\d{{4}})"
        rf"|on[ ](\d{{1,2}})[ ]({month})[ ](\d{{4}})|in[ ](?:({month})[ ])?(\d{{4}}))"
    )


_ZH_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_ZH_RANGE = re.compile(rf"{_ZH_DATE}(?:\s*至\s*(?:(\d{{4}})\s*年\s*)?(?:(\d{{1,2}})\s*月\s*)?(\d{{1,2}})\s*日)?")


def _iso(year: str | int, month: str | int, day: str | int) -> str:
    return f"{int(year):04d}-{int(month):02d}-{int(day):02d}"


def meeting_details_en(text: str, start: int, stop: int, language: str) -> Event:
    """Ordinal, place and dates of the meeting named at ``text[start:stop]``."""
    parts: list[tuple[str, str]] = []
    first = re.match(r"(\w+(?:-\w+)?)", text[start:stop])
    if first and (n := ordinal_value(first.group(1), language)):
        parts.append(("ordinal", str(n)))
    tail = text[stop : stop + 160]
    held = re.match(rf",?[ ](?:held|convened|hosted)[ ](?:at|in)[ ]{_PLACE_EN}(?:,[ ][A-Z][\w\-]+)*,?[ ]", tail)
    when_from = 0
    if held:
        parts.append(("place", held.group(1)))
        when_from = held.end()
    paren = re.match(rf"[ ]?\({_PLACE_EN},[ ]([^)]*)\)", tail)
    if paren and not held:
        parts.append(("place", paren.group(1)))
        tail = " on " + paren.group(2)
        when_from = 0
    if held is None and paren is None:
        lead = re.match(r",?[ ](?=from|on|in)", tail)
        when_from = lead.end() if lead else -1
    when = _when(language).match(tail, when_from) if when_from >= 0 else None
    if when:
        parts.extend(_english_dates(when, language))
    return _event(parts)


def _event(parts: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> Event:
    found = dict(parts)
    return Event(found.get("ordinal", ""), found.get("place", ""), found.get("start", ""), found.get("end", ""))


def _english_dates(m: re.Match[str], language: str) -> list[tuple[str, str]]:
    g = m.groups()
    if g[3]:
        end_month = month_number(g[4], language) or 1
        start_month = month_number(g[1], language) if g[1] else end_month
        start_year = g[2] or g[5]
        return [("start", _iso(start_year, start_month, g[0])), ("end", _iso(g[5], end_month, g[3]))]
    if g[6]:
        day = _iso(g[8], month_number(g[7], language) or 1, g[6])
        return [("start", day), ("end", day)]
    if g[10]:
        return [("year", g[10])]
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
