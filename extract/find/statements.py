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
    """Every dated presidential statement without a symbol of its own beside it."""
    flat, lex = scan.flat, scan.lexicon
    pattern, symbol_after, footnote_after, since = _patterns(lex.language)
    done = -1
    for at in scan.flat_starts("statements"):
        m = pattern.match(flat, at) if at >= done else None
        if m is None or symbol_after.match(flat, m.end()):
            continue
        done = m.end()
        if int(m.group("year")) >= since and footnote_after.match(flat, m.end()):
            continue  # its footnote gives its S/PRST symbol
        day, month, year = m.group("day"), m.group("month"), m.group("year")
        date = f"{int(year):04d}-{lex.months[month]:02d}-{int(day):02d}"
        cite = StatementCite(date, f"{int(day)} {month} {year}", bool(m.group("consensus")))
        yield Mention("statement", at, m.end(), flat[at : m.end()], cite)


STATEMENTS = register(Finder("statements", _anchor_words, find_statements))
