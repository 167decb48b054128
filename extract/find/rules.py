"""Finding rules of procedure: "rule 28 of its provisional rules of procedure", "the rules of procedure
established for committees of the General Assembly", "the Committee's rules of procedure".

Such rules are an instrument of the body they govern, which the text names after them, or leaves to a
possessive, or to the citing body itself. Finding records the words; resolving decides the body. The
patterns are the lexicon's ``[rules_of_procedure]``; capitalized titles ("Rules of Procedure of the
General Assembly") are the title finders'.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.find.organs import antecedent_series
from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, lexicon
from instrumap.extract.records import Mention, RulesCite

_WINDOW = 60  # how far before "rules of procedure" a possessive and "provisional" may stand


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    table = lexicon(language).table("rules_of_procedure")
    return tuple(re.compile(str(table[key])) for key in ("pattern", "before", "after", "not_after"))


def _anchor_words(lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"rules": list(lex.table("rules_of_procedure").get("anchors", ()))}


def _group(match: re.Match[str] | None, name: str) -> str:
    """A named group's text, empty when the match or the group (not every language has it) is missing."""
    return (match.groupdict().get(name) or "") if match is not None else ""


def find_rules(scan: Scan) -> Iterator[Mention]:
    """Every mention of a body's rules of procedure, with the words that say whose."""
    flat, lex = scan.flat, scan.lexicon
    pattern, before, after, not_after = _patterns(lex.language)
    needs_owner = bool(lex.table("rules_of_procedure").get("needs_owner"))
    for at in scan.flat_starts("rules"):
        m = pattern.match(flat, at)
        if m is None or not_after.match(flat, m.end()):
            continue
        head = before.search(flat, max(0, at - _WINDOW), at)
        named = after.match(flat, m.end())
        if named is None and needs_owner and not (_group(head, "own") or _group(head, "possessive")):
            continue  # "reglamento" alone is any regulation; only "su reglamento" / "… del Consejo" are rules
        start = head.start() if head is not None and head.group(0) else at
        provisional = bool(_group(head, "provisional") or _group(m, "provisional"))
        body = " ".join(named.group("body").split()) if named else ""
        stop = named.end() if named else m.end()
        series = ""
        if not body and _group(head, "possessive"):
            series = antecedent_series(flat, start, lex)
        yield Mention("rules_of_procedure", start, stop, flat[start:stop], RulesCite(provisional, body, series))


RULES = register(Finder("rules", _anchor_words, find_rules))
