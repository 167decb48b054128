"""Finding statements by the President of the Security Council cited by their date: "the statement made
by the President of the Security Council at the 2345th meeting of the Council on 1 April 1982"
(S/RES/502 (1982)), "the consensus statement made by the President of the Council on 11 November 1976"
(S/RES/446 (1979)).

Before 1994 such statements had no S/PRST symbol; the date is what names them. Where the text gives the
symbol right after ("… of 18 April 1980 (S/13994)"), or a later statement's footnote gives it, the
symbol is the reference and nothing is added.
The pattern is the lexicon's ``[presidential_statements]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, alternation, lexicon
from instrumap.extract.records import Mention, StatementCite


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], int]:
    lex = lexicon(language)
    table = lex.table("presidential_statements")
    months = alternation(lex.months)
    pattern = re.compile(str(table["pattern"]).replace("{month}", months))
    symbol_after, footnote_after = re.compile(str(table["symbol_after"])), re.compile(str(table["footnote_after"]))
    return pattern, symbol_after, footnote_after, int(table["symbols_since"])


def _anchor_words(lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"statements": list(lex.table("presidential_statements").get("anchors", ()))}


def find_statements(scan: Scan) -> Iterator[Mention]:
    """Every dated presidential statement without a symbol of its own beside it, each of a list too
    ("the statements made by the President … on 8 December 1978 (S/12958), on 26 April (S/13272) and
    on 15 May 1979": S/RES/459 (1979))."""
    flat, lex = scan.flat, scan.lexicon
    pattern, symbol_after, footnote_after, since = _patterns(lex.language)
    done = -1
    for at in scan.flat_starts("statements"):
        m = pattern.match(flat, at) if at >= done else None
        if m is None:
            continue
        dates = [(at, m.end(), m.group("day"), m.group("month"), m.group("year")), *_more_dates(flat, m.end(), lex)]
        done = dates[-1][1]
        consensus = bool(m.group("consensus"))
        for i, (start, stop, day, month, year) in enumerate(dates):
            year = year or next((later[4] for later in dates[i + 1 :] if later[4]), "")
            if not year or symbol_after.match(flat, stop):
                continue  # the symbol right after it is the reference
            if int(year) >= since and footnote_after.match(flat, stop):
                continue  # its footnote gives its S/PRST symbol
            date = f"{int(year):04d}-{lex.months[month]:02d}-{int(day):02d}"
            cite = StatementCite(date, f"{int(day)} {month} {year}", consensus)
            yield Mention("statement", start, stop, flat[start:stop], cite)


def _more_dates(flat: str, at: int, lex: Lexicon) -> list[tuple[int, int, str, str, str]]:
    """The further dates of a list of statements: (start, end, day, month, year or "")."""
    more, item = [], _more_pattern(lex.language)
    while (m := item.match(flat, at)) is not None:
        more.append((m.start("day"), m.end(), m.group("day"), m.group("month"), m.group("year") or ""))
        at = m.end()
    return more


@cache
def _more_pattern(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    table = lex.table("presidential_statements")
    return re.compile(str(table["more_dates"]).replace("{month}", alternation(lex.months)))


STATEMENTS = register(Finder("statements", _anchor_words, find_statements))
