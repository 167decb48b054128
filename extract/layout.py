"""The flat view of a text: same length, same offsets, with what is not prose blanked out.

Finders run on the flat view so that a citation broken by a line break (``661\\n(1990)``), a
markdown bold leftover (``**回顾**``) or a page's running header and job number reads as one
phrase, while every offset still points into the text as read.
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from instrumap.extract.lexicon import load_data

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_BLANKS = str.maketrans({ch: " " for ch in "\n\r\t\f\v\u00a0\u3000\u200b" + SUPERSCRIPTS})


@cache
def furniture_pattern() -> re.Pattern[str]:
    """Whole lines that are page furniture: job numbers, barcodes, page numbers, rules."""
    lines = load_data("common")["furniture"]["lines"]
    return re.compile(r"^[ \t\f]*(?:" + "|".join(f"(?:{p})" for p in lines) + r")[ \t\f]*$", re.M)


def own_symbol_pattern(symbol: str | None) -> re.Pattern[str] | None:
    """The running header of a page: the document's own symbol alone on a line, maybe with a page number."""
    if not symbol:
        return None
    sym = re.escape(symbol).replace(r"\(", r"\s*\(")
    return re.compile(rf"^[ \t\f]*(?:\d{{1,3}}[ \t]+)?{sym}(?:[ \t]+\d{{1,3}})?[ \t\f]*$", re.M)


def furniture_spans(text: str, symbol: str | None) -> list[tuple[int, int]]:
    spans = [m.span() for m in furniture_pattern().finditer(text)]
    own = own_symbol_pattern(symbol)
    if own is not None:
        spans.extend(m.span() for m in own.finditer(text))
    spans.sort()
    return spans


_BOLD = re.compile(r"\*\*")


def flat_view(text: str, symbol: str | None = None, header_end: int = 0) -> str:
    """Blank line breaks, bold markers, superscript marks and page furniture, keeping length.

    Furniture is looked for only after the header, where a bare number or a symbol alone on a
    line cannot be part of the document's own description.
    """
    flat = text.translate(_BLANKS)
    blanks = [m.span() for m in _BOLD.finditer(text)]
    blanks.extend((s, e) for s, e in furniture_spans(text, symbol) if s >= header_end)
    if not blanks:
        return flat
    blanks.sort()
    pieces: list[str] = []
    done = 0
    for start, end in blanks:
        start = max(start, done)
        if end <= start:
            continue
        pieces.append(flat[done:start])
        pieces.append(" " * (end - start))
        done = end
    pieces.append(flat[done:])
    return "".join(pieces)


_RUNS = re.compile(r"\s{2,}")


class Squeezed:
    """The flat view with runs of spaces collapsed, and the way back to the flat view's offsets.

    Exact-string matchers (Aho-Corasick over authority names) need "Convention against  \\n
    Transnational" to read as one space; ``to_flat`` maps their hits back.
    """

    __slots__ = ("_orig", "_squeezed_at", "text")

    def __init__(self, flat: str) -> None:
        pieces: list[str] = []
        self._squeezed_at: list[int] = [0]
        self._orig: list[int] = [0]
        done = 0
        length = 0
        for m in _RUNS.finditer(flat):
            pieces.append(flat[done : m.start()])
            pieces.append(" ")
            length += m.start() - done + 1
            done = m.end()
            self._squeezed_at.append(length)
            self._orig.append(done)
        pieces.append(flat[done:])
        self.text = "".join(pieces)

    def to_flat(self, offset: int) -> int:
        i = bisect.bisect_right(self._squeezed_at, offset) - 1
        return self._orig[i] + (offset - self._squeezed_at[i])
