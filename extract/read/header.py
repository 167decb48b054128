"""What a resolution's header says about it: symbol, organ, date, session, agenda item, report, title."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from instrumap.extract.lexicon import lexicon, month_number, ordinal_value, organ_names
from instrumap.extract.records import Metadata
from instrumap.extract.symbols import normalize_symbol, symbol_kind, symbol_pattern

_OWN_NUMBER = re.compile(r"^[ \t]*(?:\*\*)?((?:ES-|S-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?)\.(?:\*\*)?[ \t]*", re.M)
_OWN_SYMBOL = re.compile(r"^[ \t]*((?:A|S|E)(?:/HRC)?/RES/[\w./()\- ]+?)[ \t]*$", re.M)


@dataclass(frozen=True, slots=True)
class Header:
    end: int
    metadata: Metadata


@cache
def _patterns(language: str) -> dict[str, list[re.Pattern[str]]]:
    return {
        k: [re.compile(p, re.M) for p in ([v] if isinstance(v, str) else v)]
        for k, v in lexicon(language).header.items()
    }


def _search(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None


def parse_date(text: str, language: str) -> str | None:
    """ "22 December 2003" / "2003 年 12 月 22 日" → "2003-12-22", with the lexicon's ``[header] date``."""
    m = _search(_patterns(language)["date"], text)
    if m is None:
        return None
    raw = m.group("month")
    month = int(raw) if raw.isdigit() else month_number(raw, language)
    return f"{int(m.group('year')):04d}-{month:02d}-{int(m.group('day')):02d}" if month else None


def _search_from(patterns: list[re.Pattern[str]], text: str, start: int) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(text, start)
        if match:
            return match
    return None


def read_header(text: str, language: str) -> Header:
    """Find where the header stops (the "The General Assembly," line) and read what it says."""
    pats = _patterns(language)
    body = _search(pats["body_line"], text)
    sc = _search(pats["sc_resolution"], text[:600])
    end = body.end() if body else 0
    if body is None and sc:
        end = sc.end()
    head = text[: body.start("body")] if body else text[:end]
    organ = body.group("body") if body else None
    symbol = date = title = report = None
    report_span = None
    session = agenda = None
    adopted = _search(pats["adopted_by"], head)
    if adopted:
        organ = adopted.group("body")
        date = parse_date(adopted.group("date"), language)
    if sc:
        symbol = f"S/RES/{sc.group('number')}({sc.group('year')})"
        organ = organ or "Security Council"
        date = date or parse_date(sc.groupdict().get("date") or "", language)
    own = _OWN_SYMBOL.search(head)
    if own:
        symbol = normalize_symbol(own.group(1))
    number = _OWN_NUMBER.search(head)
    if number:
        if symbol is None and _series_of(organ, language):
            symbol = normalize_symbol(f"{_series_of(organ, language)}/RES/{number.group(1)}")
        title = _title(head[number.end() :])
    report_match = _search(pats["adopted_on_report"], head)
    if report_match:
        raw = report_match.group("report") or (
            report_match.groupdict().get("report2") if "report2" in report_match.groupdict() else None
        )
        if raw:
            first = symbol_pattern().search(raw)
            if first:
                report = normalize_symbol(first.group(0))
                offset = report_match.start("report" if report_match.group("report") else "report2")
                report_span = (offset + first.start(), report_match.end())
    session_match = _search(pats["session"], head)
    if session_match:
        word = session_match.group("ordinal")
        session = ordinal_value(word, language)
    agenda_match = _search(pats["agenda_item"], head)
    if agenda_match:
        agenda = " ".join(agenda_match.group("item").split()).strip()
    if date is None:
        closing = _search_from(pats["closing_date"], text, max(end, len(text) - 3000))
        if closing:
            date = parse_date(closing.group("date"), language)
    series = _series_of(organ, language)
    body_name = organ_names(series).get("en", organ) if series else organ
    return Header(
        end,
        Metadata(
            symbol=symbol,
            kind=symbol_kind(symbol) if symbol else "document",
            body=body_name,
            date=date,
            session=session,
            agenda_item=agenda,
            adopted_on_report=report,
            title=title,
            report_span=report_span,
        ),
    )


def _series_of(organ: str | None, language: str) -> str:
    """The symbol series of an organ named in the header ("大会" → "A"), from the lexicon's organ names."""
    series = lexicon(language).organs.get(organ or "", "")
    return "" if series == "?" else series


def _title(rest: str) -> str | None:
    title = re.sub(r"\*+", "", rest)
    title = " ".join(title.split()).strip()
    title = re.sub(r"\s*(?:The\s*)?$", "", title)
    return title or None
