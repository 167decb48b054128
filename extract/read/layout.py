"""The flat view of a text: same length, same offsets, with what is not prose blanked out.

Finders run on the flat view so that a citation broken by a line break (``661\\n(1990)``), a
markdown bold leftover (``**回顾**``) or a page's running header and job number reads as one
phrase, while every offset still points into the text as read.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.lexicon import load_data

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# Characters that are blanked in the flat view; each is replaced only when present (str.replace is C-fast).
_BLANKED = "\r\t\f\v\u00a0\u3000\u200b" + SUPERSCRIPTS


@cache
def furniture_pattern(kind: str = "lines") -> re.Pattern[str]:
    """Whole lines of ``common.toml [furniture]``: ``lines`` are page furniture (job numbers, barcodes,
    page numbers, rules), ``page_ends`` the lines that end a page.

    Anchored on the line break before the line (a literal prefix the regex engine scans for at
    memchr speed) rather than on ``^`` with MULTILINE, which is tried at every position.
    """
    lines = load_data("common")["furniture"][kind]
    return re.compile(r"\n[ \t\f]*(?:" + "|".join(f"(?:{p})" for p in lines) + r")[ \t\f]*(?=\n|\Z)")


# A line holding one symbol-like token, maybe with a page number before or after it.
_LINE_WITH_SYMBOL = re.compile(r"[ \t\f]*(?:\d{1,3}[ \t]+)?(\S+)(?:[ \t]+\d{1,3})?[ \t\f]*(?=\n|\Z)")


def furniture_spans(text: str, symbol: str | None, begin: int = 0) -> list[tuple[int, int]]:
    """Spans of furniture lines after ``begin``, with the page running header (the document's own symbol)."""
    spans = [(m.start() + 1, m.end()) for m in furniture_pattern().finditer(text, max(0, begin - 1))]
    if symbol:
        at = text.find(symbol, begin)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            m = _LINE_WITH_SYMBOL.match(text, line)
            if m and m.group(1) == symbol:
                spans.append((line, m.end()))
                spans.extend(_running_title(text, line))
            else:  # the symbol on the running title's last line: "A/RES/79/10 Security Treaty Organization"
                spans.extend(_running_title(text, line, _line_end(text, at)))
            at = text.find(symbol, at + len(symbol))
    spans.sort()
    return spans


_RUNNING_TITLE_LINES = 3  # a page head's title runs to at most this many lines between the page break and the symbol
_RUNNING_TITLE_REACH = 300
_TEXT_LINE = re.compile(r"[^\n]*\S[^\n]*")


def _line_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _running_title(text: str, symbol_line: int, through: int = -1) -> list[tuple[int, int]]:
    """The running title a page head prints above the document's symbol, right after the page break
    ("\fDeclaration on the commemoration of the seventy-fifth\nanniversary of the United Nations\n\nA/RES/75/1":
    A/RES/75/1), which would otherwise glue a title broken by the page ("The Charter of the … United
    Nations") to the heading's words."""
    reach = max(0, symbol_line - _RUNNING_TITLE_REACH)
    page = text.rfind("\f", reach, symbol_line)
    ends = list(furniture_pattern("page_ends").finditer(text, reach, symbol_line))
    if ends and ends[-1].end() > page:  # no page break: the job number or barcode ends the page before
        page = ends[-1].end()
    if page < 0:
        return []
    lines = _TEXT_LINE.findall(text, page + 1, symbol_line)
    if through >= 0:  # the symbol shares the title's last line: that line is the head's too
        return [(page + 1, through)] if len(lines) < _RUNNING_TITLE_LINES else []
    if not lines or len(lines) > _RUNNING_TITLE_LINES:
        return []
    return [(page + 1, text.rfind(lines[-1], page, symbol_line) + len(lines[-1]))]


def flat_view(text: str, furniture: list[tuple[int, int]] = ()) -> str:  # type: ignore[assignment]
    """Blank line breaks, bold markers, superscript marks and the given furniture spans, keeping length;
    digits, look-alike letters and old session numbers written the Latin way (``latin_forms``)."""
    return latin_forms(_blanked(text, furniture))


def _blanked(text: str, furniture: list[tuple[int, int]]) -> str:
    flat = text.replace("\n", " ")
    for ch in _BLANKED:
        if ch in flat:
            flat = flat.replace(ch, " ")
    blanks = list(furniture)
    if "**" in text:
        blanks.extend(m.span() for m in re.finditer(r"\*\*", text))
        blanks.sort()
    if not blanks:
        return flat
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


@cache
def _latin_data() -> tuple[dict[int, str], re.Pattern[str], re.Pattern[str], dict[str, str]]:
    data = load_data("common")["flat_view"]
    table = {ord(ch): str(i) for digits in data["digits"] for i, ch in enumerate(digits)}
    cyrillic = data["cyrillic"]
    # A token with a slash made of capitals (either script) and digits, or one capital between a number and "(".
    symbol = re.compile(
        rf"(?<![\w/])(?=[\w./\-]*/)[A-Z{cyrillic}0-9][A-Z{cyrillic}0-9./\-]*(?![\w/])|(?<=\d )[{cyrillic}](?= ?\()"
    )
    return table, symbol, re.compile(data["session"]), dict(data["letters"])


def latin_forms(flat: str) -> str:
    """Arabic-Indic digits as 0-9, Cyrillic look-alikes in symbols as Latin, "(د - 25)" as (XXV): same length."""
    if flat.isascii():
        return flat
    table, symbol, session, letters = _latin_data()
    digits, look_alikes, to_latin, session_mark = _latin_triggers()
    if digits.search(flat):
        flat = flat.translate(table)
    if look_alikes.search(flat):  # each step runs only on a text that has what it rewrites
        flat = symbol.sub(lambda m: m.group(0).translate(to_latin), flat)
    if session_mark in flat:
        flat = session.sub(lambda m: _session_form(m, letters), flat)
    return flat


@cache
def _latin_triggers() -> tuple[re.Pattern[str], re.Pattern[str], dict[int, int], str]:
    """What makes each step of ``latin_forms`` necessary: the characters it rewrites."""
    data = load_data("common")["flat_view"]
    digits = "".join(ch for group in data["digits"] for ch in group)
    look_alikes = re.compile(f"[{re.escape(data['cyrillic'])}]")
    mark = str(data["session_mark"])
    return re.compile(f"[{re.escape(digits)}]"), look_alikes, str.maketrans(data["cyrillic"], data["latin"]), mark


def _session_form(m: re.Match[str], letters: dict[str, str]) -> str:
    """ "ألف (د-21)" → "   A(XXI)": right-aligned, so a number's span ends where the text's does (kept if too long)."""
    letter = letters.get(m.group("letter") or "", "")
    form = f"{' ' if not letter else ''}{letter}({_roman(int(m.group('session')))})"
    width = len(m.group(0))
    return form.rjust(width) if len(form) <= width else m.group(0)


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


# Runs of spaces read as one; a run of Arabic tatweel (kashida, U+0640: the stretching a justified PDF puts
# inside words, "القـــرار" for القرار, S/RES/1680 (2006) ar) reads as nothing.
_RUNS = re.compile(r"  +|\u0640+")


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
            kept = " " if flat[m.start()] == " " else ""
            pieces.append(flat[done : m.start()])
            pieces.append(kept)
            length += m.start() - done + len(kept)
            done = m.end()
            self._squeezed_at.append(length)
            self._orig.append(done)
        pieces.append(flat[done:])
        self.text = "".join(pieces)

    def to_flat(self, offset: int) -> int:
        i = bisect.bisect_right(self._squeezed_at, offset) - 1
        return self._orig[i] + (offset - self._squeezed_at[i])


def at_lines(pattern: re.Pattern[str], text: str, begin: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """Matches of a line pattern (one that starts with "\\n") and the offset of their line's start.

    The first line of the text counts too: it has no line break before it, so it is matched with
    the pattern less its leading "\\n".
    """
    if begin == 0:
        first = without_break(pattern).match(text, 0, end)
        if first:
            yield 0, first
    for m in pattern.finditer(text, max(0, begin - 1), end):
        if m.start() + 1 >= begin:
            yield m.start() + 1, m


@cache
def without_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A line pattern (one that starts with a line break) for a line's start with no break before it."""
    assert pattern.pattern.startswith("\\n")
    return re.compile(pattern.pattern[2:], pattern.flags)


def in_zones(offset: int, zones: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(zones, (offset, len_max)) - 1
    return i >= 0 and offset < zones[i][1]


len_max = 1 << 62


def blank_spans(flat: str, zones: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    done = 0
    for start, end in zones:
        start = max(start, done)
        if end > start:
            pieces += [flat[done:start], " " * (end - start)]
            done = end
    pieces.append(flat[done:])
    return "".join(pieces)
