"""What a resolution's header says about it: symbol, organ, date, session, agenda item, report, title."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from instrumap.extract.lexicon import canonical_language, lexicon, month_number, ordinal_value, organ_names
from instrumap.extract.records import Metadata
from instrumap.extract.symbols import masthead_symbol, normalize_symbol, symbol_kind, symbol_pattern

_OWN_NUMBER = re.compile(r"^[ \t]*(?:\*\*)?((?:ES-|S-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?)\.(?:\*\*)?[ \t]*", re.M)
# A yearbook page's own heading: "2145 (XXI). Question of South West Africa".
_OWN_YEARBOOK_NUMBER = re.compile(r"^[ \t]*(\d{1,4}) \(([IVXL]+)\)\.[ \t]", re.M)
_OWN_SYMBOL = re.compile(r"^[ \t]*((?:A|S|E)(?:/HRC)?/RES/[\w./()\- ]+?)[ \t]*$", re.M)


_FLAT_HEAD = 3000  # where a flattened page's header must end


@dataclass(frozen=True, slots=True)
class Header:
    end: int
    metadata: Metadata


@cache
@cache
def header_patterns(language: str) -> dict[str, list[re.Pattern[str]]]:
    """The lexicon's ``[header]`` forms, compiled once per language (a key may hold one form or a list)."""
    return {
        k: [re.compile(p, re.M) for p in ([v] if isinstance(v, str) else v)]
        for k, v in lexicon(language).header.items()
    }


def shifted(header: Header, offset: int) -> Header:
    """A header read from a slice of the text, with its offsets into the whole text."""
    span = header.metadata.report_span
    if span is not None:
        span = (span[0] + offset, span[1] + offset)
    return Header(header.end + offset, replace(header.metadata, report_span=span))


def _search(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None


def parse_date(text: str, language: str) -> str | None:
    """ "22 December 2003" / "2003 年 12 月 22 日" → "2003-12-22", with the lexicon's ``[header] date``."""
    m = _search(header_patterns(language)["date"], text)
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
    pats = header_patterns(language)
    body = _search(pats["body_line"], text)
    if body is None and "body_inline" in pats and text.count("\n", 0, _FLAT_HEAD) <= 3:
        body = _search(pats["body_inline"], text[:_FLAT_HEAD])  # a page flattened into one line
    sc = _search(pats["sc_resolution"], text[:600])
    end = body.end() if body else sc.end() if sc else 0
    head = text[: body.start("body")] if body else text[:end]
    organ = " ".join(body.group("body").replace(",", " ").split()) if body else None  # OCR "General, Assembly"
    series, date, symbol = _series_of(organ, language), None, None
    adopted = _search(pats["adopted_by"], head)
    if adopted:
        organ = adopted.group("body")
        series, date = _series_of(organ, language), parse_date(adopted.group("date"), language)
    if sc:
        found = sc.groupdict()
        symbol = f"S/RES/{found['number']}({found['year']})" if found.get("number") else None  # else the file's name
        series = series or "S"
        date = date or parse_date(sc.groupdict().get("date") or "", language)
    symbol, title = _own_symbol_and_title(head, symbol, series)
    report, report_span = _report(head, pats)
    report_span = report_span or _basis(head or text[:_COVER], pats)  # a report's cover has no organ line
    if date is None:
        closing = _search_from(pats["closing_date"], text, max(end, len(text) - 3000))
        date = parse_date(closing.group("date"), language) if closing else None
    meta = Metadata(
        symbol=symbol,
        kind=symbol_kind(symbol) if symbol else "document",
        body=organ_names(series).get(canonical_language(), organ) if series else organ,
        date=date,
        session=_session(head, pats, language),
        agenda_item=_agenda_item(head, pats),
        adopted_on_report=report,
        title=title,
        report_span=report_span,
    )
    return Header(end, meta)


def _own_symbol_and_title(head: str, symbol: str | None, series: str) -> tuple[str | None, str | None]:
    """The document's own symbol (a symbol line, or its number with the organ's series) and its title."""
    own = _OWN_SYMBOL.search(head)
    if own:
        symbol = normalize_symbol(own.group(1))
    elif symbol is None and (split := masthead_symbol(head)) and symbol_kind(split) != "document":
        symbol = split  # "A\nUnited Nations /RES/79/9": the masthead as PDF conversion splits it
    number = _OWN_NUMBER.search(head)
    if number is None:
        yearbook = _OWN_YEARBOOK_NUMBER.search(head)
        if yearbook is not None and symbol is None and series:
            symbol = normalize_symbol(f"{series}/RES/{yearbook.group(1)}({yearbook.group(2)})")
        return symbol, _title(head[yearbook.end() :]) if yearbook else None
    if symbol is None and series:
        symbol = normalize_symbol(f"{series}/RES/{number.group(1)}")
    return symbol, _title(head[number.end() :])


_COVER = 1500  # how far a report's cover runs at most: symbol, session, title, "submitted pursuant to …"


def _basis(head: str, pats: dict[str, list[re.Pattern[str]]]) -> tuple[int, int] | None:
    """The resolutions a report says it is submitted under, whose citations count though they stand in the
    header: "National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21"
    (A/HRC/WG.6/43/FRA/1), "… in accordance with paragraph 5 of the annex to … resolution 16/21" (``[header]
    submitted_under``)."""
    match = _search(pats["submitted_under"], head) if "submitted_under" in pats else None
    return (match.start(), match.end()) if match else None


def _report(head: str, pats: dict[str, list[re.Pattern[str]]]) -> tuple[str | None, tuple[int, int] | None]:
    """The report the document was adopted on ("[on the report of the Third Committee (A/58/499)]").

    A symbol "[without reference to a Main Committee (A/60/L.48)]" is the draft: no report, but its
    span is kept so that the draft is still cited from the header.
    """
    match = _search(pats["adopted_on_report"], head)
    if not match:
        return None, None
    groups = match.groupdict()
    group = "report" if groups.get("report") else "draft" if groups.get("draft") else ""
    raw = match.group(group) if group else None
    first = symbol_pattern().search(raw) if raw else None
    if first is None:
        return None, None
    span = (match.start(group) + first.start(), match.end())
    return (normalize_symbol(first.group(0)) if group == "report" else None), span


def _session(head: str, pats: dict[str, list[re.Pattern[str]]], language: str) -> int | None:
    match = _search(pats["session"], head)
    return ordinal_value(match.group("ordinal"), language) if match else None


def _agenda_item(head: str, pats: dict[str, list[re.Pattern[str]]]) -> str | None:
    match = _search(pats["agenda_item"], head)
    return " ".join(match.group("item").split()).strip() if match else None


def _series_of(organ: str | None, language: str) -> str:
    """The symbol series of an organ named in the header ("大会" → "A"), from the lexicon's organ names."""
    series = lexicon(language).organs.get(organ or "", "")
    return "" if series == "?" else series


def _title(rest: str) -> str | None:
    title = re.sub(r"\*+", "", rest)
    title = " ".join(title.split()).strip()
    title = re.sub(r"\s*(?:The\s*)?$", "", title)
    return title or None
