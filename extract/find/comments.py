"""Finding treaty bodies' general comments and general recommendations ("its general comment No. 1 (1997)").

Such a text is a document of a committee with no symbol in the citing text: finding records the number,
the year and the committee named right before or after it, as written; resolving decides the committee
(the one named, or the citing document's own). Every pattern is the lexicon's ``[treaty_body_comments]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, lexicon
from instrumap.extract.records import CommentCite, Mention

_WINDOW = 120  # how far before the number a committee's name may start


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    table = lexicon(language).table("treaty_body_comments")
    return (
        re.compile(str(table["pattern"])),
        re.compile(str(table["before"])),
        re.compile(str(table["after"])),
        dict(table["kinds"]),
    )


def _anchor_words(lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"comments": list(lex.table("treaty_body_comments").get("anchors", ()))}


def find_comments(scan: Scan) -> Iterator[Mention]:
    """Every numbered general comment or recommendation, with the committee written around it."""
    flat = scan.flat
    pattern, before, after, kinds = _patterns(scan.lexicon.language)
    for at in scan.flat_starts("comments"):
        m = pattern.match(flat, at)
        if m is None:
            continue
        named = before.search(flat, max(0, at - _WINDOW), at)
        if named is None:
            named = after.match(flat, m.end())
        body = " ".join(named.group("body").split()).rstrip(",") if named else ""
        cite = CommentCite(kinds[m.group("kind")], m.group("number"), m.group("year") or "", body)
        yield Mention("comment", at, m.end(), flat[at : m.end()], cite)


COMMENTS = register(Finder("comments", _anchor_words, find_comments))
