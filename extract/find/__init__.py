"""Finding mentions: one scan of each document for every finder's anchors, then each finder's grammar.

Finders never resolve: they record what the text says (numbers and organ words, titles, a meeting's
place and dates) in typed payloads. The finder families a language uses are named in its lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator

from instrumap.extract.find import (  # noqa: F401  (they register)
    citations,
    comments,
    rules,
    statements,
    symbols,
    titles,
    titles_head,
    titles_zh,
)
from instrumap.extract.find.gazetteer import Gazetteer, gazetteer
from instrumap.extract.find.scan import find_all
from instrumap.extract.records import Document, Mention


def find_mentions(document: Document, names: Gazetteer | None = None) -> Iterator[Mention]:
    """Every mention in ``document``, finder by finder (resolving puts them in document order)."""
    yield from find_all(document.flat, document.language, names or gazetteer())
