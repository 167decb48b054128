"""The shape of a UN resolution: header, preambular and operative paragraphs, footnotes, annex.

Works on the text as read (PDF conversions included): operative numbers that pdftotext puts
on the line after the verb (A/RES/58/139), footnotes gathered under a rule at the page bottom
with their numbers on lines of their own, superscript marks (¹ ²) or bare digits after a
comma as footnote marks, and Chinese paragraphs run together on one line with bold openers.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache

from instrumap.extract.layout import SUPERSCRIPTS
from instrumap.extract.lexicon import Lexicon, alternation, lexicon
from instrumap.extract.records import Block

_SUPER_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")
# Line patterns start with the line break before the line: a literal prefix the regex engine finds at
# memchr speed, where ``^`` with MULTILINE is tried at every position. ``_at_lines`` shifts past it.
_SEPARATOR = re.compile(r"\n[ \t]*_{5,}[ \t]*(?=\n|\Z)")
_OP_NUMBER = re.compile(r"\n[ \t]*(?:\*\*)?(\d{1,3})\.(?:\*\*)?(?:[ \t]+|(?=\n|\Z))")
_SUPER_FOOTNOTE = re.compile(rf"\n[ \t]*([{SUPERSCRIPTS}]+)[ \t]*(?=\S)")
_SUPER_MARK = re.compile(rf"[{SUPERSCRIPTS}]+")
_ZONE_NUMBER = re.compile(r"^[ \t]*(\d{1,3}|\*)(?:[ \t]*$|[ \t]+(?=\S))", re.M)
_ANNEX = re.compile(
    r"\n[ \t]*(?:\*\*)?(?:Annex(?:es)?(?:[ \t]+[IVX]+)?|附件[一二三四五六七八九十]*)(?:\*\*)?[ \t]*(?=\n|\Z)"
)
_TRAILER = re.compile(
    r"\n[ \t]*(?:\d+(?:st|nd|rd|th)[ \t]+plenary[ \t]+meeting|第\s*\d+\s*次全体会议"
    r"|\d{3,5}(?:st|nd|rd|th)[ \t]+meeting)[ \t]*(?=\n|\Z)",
    re.I,
)
_PARAGRAPH_END = (",", ";", ":", ".", "，", "；", "：", "。")


@cache
def _not_mark() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words around a bare number that make it a quantity, a date or a reference, not a footnote mark."""
    data = lexicon("en").raw["footnote_marks"]
    before = re.compile(rf"\b{alternation(data['not_after_words'])}\s+$|[\d/]\s*$", re.I)
    after = re.compile(rf"[ \t]*(?:{alternation(data['not_before_words'])}|and\s+\d|to\s+\d|[/\-–]\d|\(|\d)")
    return before, after


@dataclass(frozen=True, slots=True)
class Structure:
    header_end: int
    blocks: tuple[Block, ...]


@cache
def _opener_regex(language: str, at_line_start: bool) -> re.Pattern[str]:
    """An opening verb phrase, bold or not; at a line start (after its "\\n") or at the current position."""
    words = alternation(lexicon(language).openers)
    prefix = r"\n[ \t]*" if at_line_start else ""
    group = f"(?:{words})" if at_line_start else f"({words})"
    end = "" if language == "zh" else r"\b"
    trailing = "" if at_line_start else r"(?:\*\*)?" if language == "zh" else ""
    return re.compile(rf"{prefix}(?:\*\*)?{group}{trailing}{end}")


def _opener_pattern(language: str) -> re.Pattern[str]:
    return _opener_regex(language, False)


def _line_opener(language: str) -> re.Pattern[str]:
    return _opener_regex(language, True)


@cache
def _bold_opener(language: str) -> re.Pattern[str]:
    """A bold opener inside a line (“，**又回顾**”): how paragraphs run together in some texts."""
    words = alternation(lexicon(language).openers)
    return re.compile(rf"(?:(?<=[，,；;])|(?<=\*\*))\*\*(?:{words})\*\*")


def opening(text: str, start: int, end: int, lex: Lexicon) -> tuple[str, str]:
    """The opener phrase at the start of a paragraph and its function ("" when unknown)."""
    head = text[start : min(end, start + 200)]
    head = re.sub(r"^[\s*]*(?:\d{1,3}\.)?[\s*]*", "", head)
    match = _opener_pattern(lex.language).match(head)
    if match:
        opener = match.group(1)
        return opener, lex.function_of(opener)
    if lex.language == "en":
        word = re.match(r"((?:[A-Z][a-z]+ly\s+)?[A-Z][a-z]+(?:ing|ed|es|s))\b", head)
        if word:
            return word.group(1), lex.function_of(word.group(1))
    return "", ""


def read_structure(
    text: str, flat: str, language: str, header_end: int, symbol: str | None, furniture: list[tuple[int, int]]
) -> Structure:
    """Split the body (from ``header_end``) into PP/OP/FN/ANNEX blocks with their footnote marks.

    ``flat`` is the document's flat view; with the footnote zones blanked too it tells whether the
    prose before a line closed a paragraph, across page breaks and footnotes.
    """
    lex = lexicon(language)
    zones, footnotes = _footnotes(text, header_end, furniture, symbol)
    prose = _blank(flat, zones)
    annex = _ANNEX.search(text, max(0, header_end - 1))
    annex_start = annex.start() + 1 if annex else len(text)
    trailer = _TRAILER.search(text, max(0, header_end - 1), annex_start)
    body_end = trailer.start() + 1 if trailer else annex_start
    starts = _paragraph_starts(text, prose, header_end, body_end, zones, lex)
    paragraphs = _number_paragraphs(starts, body_end)
    marks = _marks(text, header_end, len(text), zones, footnotes, paragraphs)
    blocks: list[Block] = [Block("HEADER", 0, header_end)] if header_end else []
    for pid, start, end in paragraphs:
        opener, function = opening(text, start, end, lex)
        inside = tuple(m for m in marks if start <= m[0] < end and not _in_zones(m[0], zones))
        blocks.append(Block(pid, start, end, opener, function, inside))
    if annex:
        blocks.append(Block("ANNEX", annex_start, len(text)))
    for number, start, end in footnotes:
        blocks.append(Block(f"FN{number}", start, end))
    return Structure(header_end, tuple(blocks))


_ZH_LINE = re.compile(r"\n[ \t]*(?=[^\s\d*¹²³⁴⁵⁶⁷⁸⁹⁰_])")


def _at_lines(pattern: re.Pattern[str], text: str, begin: int, end: int) -> Iterator[tuple[int, re.Match[str]]]:
    """Matches of a line pattern (one that starts with "\\n") and the offset of their line's start.

    The first line of the text counts too: it has no line break before it, so it is matched with
    the pattern less its leading "\\n".
    """
    if begin == 0:
        first = _without_break(pattern).match(text, 0, end)
        if first:
            yield 0, first
    for m in pattern.finditer(text, max(0, begin - 1), end):
        if m.start() + 1 >= begin:
            yield m.start() + 1, m


@cache
def _without_break(pattern: re.Pattern[str]) -> re.Pattern[str]:
    assert pattern.pattern.startswith("\\n")
    return re.compile(pattern.pattern[2:], pattern.flags)


def _in_zones(offset: int, zones: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(zones, (offset, len_max)) - 1
    return i >= 0 and offset < zones[i][1]


len_max = 1 << 62


def _footnotes(
    text: str, body_start: int, furniture: list[tuple[int, int]], symbol: str | None
) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """Footnote zones (page bottoms) and footnotes (number, start, end) inside them."""
    zones: list[tuple[int, int]] = []
    notes: list[tuple[str, int, int]] = []
    furniture_starts = {s for s, _ in furniture}
    last = 0
    for start, match in _at_lines(_SUPER_FOOTNOTE, text, body_start, len(text)):
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        zones.append((start, line_end))
        notes.append((match.group(1).translate(_SUPER_DIGITS), start, line_end))
    for zone_start, numbers_from, zone_end in _page_zones(text, body_start, symbol, lambda: last):  # noqa: B023
        zones.append((zone_start, zone_end))
        found: list[tuple[str, int]] = []
        for m in _ZONE_NUMBER.finditer(text, numbers_from, zone_end):
            number = m.group(1)
            if m.start() in furniture_starts and not _bare_number_line(text, m.start()):
                continue  # a job number such as "03 50292"
            if number.isdigit() and not last < int(number) <= last + 5:
                continue  # a page number, or a number that pdftotext displaced below its text
            if number.isdigit():
                last = int(number)
            found.append((number, m.start()))
        spans = [(n, start, found[i + 1][1] if i + 1 < len(found) else zone_end) for i, (n, start) in enumerate(found)]
        notes.extend(_restore_displaced(text, spans, zone_end))
    zones.sort()
    notes.sort(key=lambda n: n[1])
    return zones, notes


_BARE_NUMBER_LINE = re.compile(r"\n[ \t\f]*(\d{1,3})[ \t]*\n(?:[ \t]*\n)*[ \t]*(?=[A-Z(“\"])")


def _page_zones(
    text: str, body_start: int, symbol: str | None, last: Callable[[], int]
) -> Iterator[tuple[int, int, int]]:
    """Footnote zones page by page: (zone start, where numbers start, zone end).

    A zone opens at a rule of underscores; on later pages pdftotext often drops the rule, and the
    zone opens at the next footnote number standing alone on its line before text (A/RES/55/70).
    """
    breaks = [m.start() for m in re.finditer("\f", text)] + [len(text)]
    page_start = body_start
    for page_end in breaks:
        if page_end < body_start:
            continue
        sep = _SEPARATOR.search(text, max(0, page_start - 1), page_end)
        if sep:
            yield sep.start() + 1, sep.end(), _zone_end(text, sep.end(), symbol)
        elif page_end < len(text):
            for start, m in _at_lines(_BARE_NUMBER_LINE, text, page_start, page_end):
                if int(m.group(1)) == last() + 1:
                    yield start, start, page_end
                    break
        page_start = page_end + 1


_SENTENCE_END = re.compile(r"\.[ \t]*\n(?=[ \t]*[A-Z])")


def _restore_displaced(text: str, spans: list[tuple[str, int, int]], zone_end: int) -> list[tuple[str, int, int]]:
    """Give back footnotes whose number pdftotext moved below the zone (A/RES/64/179, A/RES/55/70).

    Their text then sits in the previous footnote after its first full sentence; the number shows
    up alone further down. Split the previous footnote there.
    """
    numbers = [int(n) for n, _, _ in spans if n.isdigit()]
    if not numbers:
        return spans
    last_number, last_start, last_end = spans[-1]
    if len(spans) > 1 and not re.search(r"[^\W\d_]", text[last_start:last_end]):
        spans = spans[:-1]  # the last number has no text of its own: it was moved below its text
        numbers = numbers[:-1]
        spans[-1] = (spans[-1][0], spans[-1][1], last_end)
        numbers.append(int(last_number) + 1)  # widen the range so the moved number is restored
    tail = spans[-1][1]
    moved = {
        int(m.group(1))
        for m in re.finditer(r"^[ \t]*(\d{1,3})[ \t]*$", text[tail:zone_end], re.M)
        if min(numbers) < int(m.group(1)) < max(numbers) and int(m.group(1)) not in numbers
    }
    result = list(spans)
    for number in sorted(moved):
        i = next((i for i, (n, _, _) in enumerate(result) if n == str(number - 1)), None)
        if i is None:
            continue
        n, start, end = result[i]
        first_line = text.find("\n", start)
        after_number = text.find("\n", first_line + 1) if text[start:first_line].strip().isdigit() else start
        cut = _SENTENCE_END.search(text, after_number, end)
        if cut:
            result[i : i + 1] = [(n, start, cut.end()), (str(number), cut.end(), end)]
    return result


def _bare_number_line(text: str, start: int) -> bool:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end].strip().isdigit()


def _zone_end(text: str, start: int, symbol: str | None) -> int:
    """Where a page-bottom footnote zone stops: the page break, or the next page's running header."""
    end = text.find("\f", start)
    end = len(text) if end < 0 else end
    if symbol:
        at = text.find(symbol, start, end)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            stop = text.find("\n", at)
            if not text[line:at].strip() and not text[at + len(symbol) : len(text) if stop < 0 else stop].strip():
                return line
            at = text.find(symbol, at + len(symbol), end)
    return end


def _blank(flat: str, zones: list[tuple[int, int]]) -> str:
    pieces: list[str] = []
    done = 0
    for start, end in zones:
        start = max(start, done)
        if end > start:
            pieces += [flat[done:start], " " * (end - start)]
            done = end
    pieces.append(flat[done:])
    return "".join(pieces)


def _paragraph_starts(
    text: str, prose: str, begin: int, end: int, zones: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[int, int | None]]:
    """Offsets where paragraphs start, with the operative number when one is written there."""
    starts: dict[int, int | None] = {}
    numbered: list[tuple[int, int, bool]] = []  # (offset, number, alone on its line)
    for start, m in _at_lines(_OP_NUMBER, text, begin, end):
        if _in_zones(start, zones):
            continue
        line_end = text.find("\n", m.end())
        alone = not text[m.end() : len(text) if line_end < 0 else line_end].strip()
        numbered.append((start, int(m.group(1)), alone))
    for start, _m in _at_lines(_line_opener(lex.language), text, begin, end):
        if _in_zones(start, zones):
            continue
        if _starts_paragraph(prose, begin, start):
            starts[start] = None
    if lex.language == "zh":
        for m in _bold_opener(lex.language).finditer(text, begin, end):
            if not _in_zones(m.start(), zones):
                starts[m.start()] = None
        for at, _line in _at_lines(_ZH_LINE, text, begin, end):
            if not _in_zones(at, zones) and _starts_paragraph(prose, begin, at):
                starts.setdefault(at, None)
    ordered = sorted(starts)
    for offset, number, alone in numbered:
        before = [s for s in ordered if s < offset]
        prev = before[-1] if before else None
        if alone and prev is not None and starts[prev] is None and _previous_line_start(text, offset) == prev:
            starts[prev] = number  # "Commends the …\n1.\nCrime and …": the number came after its first line
            continue
        starts[offset] = number
        # The opener line right after a number alone on its line belongs to that paragraph.
        following = [s for s in ordered if offset < s <= _next_line_end(text, offset) + 2 + 4]
        for s in following:
            if starts.get(s) is None and text[offset:s].strip().rstrip(".").isdigit():
                del starts[s]
        ordered = sorted(starts)
    return sorted(starts.items())


def _previous_line_start(text: str, offset: int) -> int:
    """Start of the last non-empty line before ``offset``."""
    end = text.rfind("\n", 0, offset)
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip():
            return start + (len(text[start:end]) - len(text[start:end].lstrip(" \t")))
        end = start - 1
    return 0


def _next_line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end < 0 else end


_TRAILING_MARKS = re.compile(r"(?:\s*(?:\d{1,3}F?|\*+))+$")


def _starts_paragraph(prose: str, begin: int, offset: int) -> bool:
    """A line opens a paragraph when the prose before it closed one (ends with , ; : .)."""
    before = prose[max(begin, offset - 3000) : offset].rstrip()
    if not before:
        return True
    tail = _TRAILING_MARKS.sub("", before[-24:]).rstrip()  # footnote marks after the punctuation
    return (tail or before[:-24].rstrip()).endswith(_PARAGRAPH_END)


def _number_paragraphs(starts: list[tuple[int, int | None]], end: int) -> list[tuple[str, int, int]]:
    """PP1… for paragraphs before the first operative number, OPn after (sub-items stay inside)."""
    result: list[tuple[str, int, int]] = []
    preambular = 0
    operative_seen = False
    for i, (offset, number) in enumerate(starts):
        stop = starts[i + 1][0] if i + 1 < len(starts) else end
        if offset >= end:
            break
        stop = min(stop, end)
        if number is not None:
            operative_seen = True
            result.append((f"OP{number}", offset, stop))
        elif operative_seen and result:
            pid, s, _ = result[-1]
            result[-1] = (pid, s, stop)
        else:
            preambular += 1
            result.append((f"PP{preambular}", offset, stop))
    return result


def _marks(
    text: str,
    begin: int,
    end: int,
    zones: list[tuple[int, int]],
    footnotes: list[tuple[str, int, int]],
    paragraphs: list[tuple[str, int, int]],
) -> list[tuple[int, int, str]]:
    """Footnote marks in the body: superscripts anywhere, bare numbers in footnote order."""
    marks: list[tuple[int, int, str]] = []
    for m in _SUPER_MARK.finditer(text, begin, end):
        if not _in_zones(m.start(), zones):
            marks.append((m.start(), m.end(), m.group(0).translate(_SUPER_DIGITS)))
    if marks:
        return marks
    known = [int(n) for n, _, _ in footnotes if n.isdigit()]
    if not known or not paragraphs:
        return marks
    numbers = [str(n) for n in range(1, max(known) + 1)]
    zone_starts = [s for s, _ in zones]
    position = paragraphs[0][1]
    not_before, not_after = _not_mark()
    for number in numbers:
        for m in _bare_number(number).finditer(text, position, end):
            at = m.start()
            if not _glued(text, at):
                continue
            i = bisect.bisect_right(zone_starts, at) - 1
            if i >= 0 and zones[i][0] <= at < zones[i][1]:
                continue
            if not_before.search(text[max(0, at - 30) : at]) or not_after.match(text, m.end()):
                continue
            marks.append((at, m.end(), number))
            position = m.end()
            break
    return marks


@functools.lru_cache(maxsize=512)
def _bare_number(number: str) -> re.Pattern[str]:
    """The number standing alone on its right; the pattern starts with the digits, so the regex
    engine can skip ahead to them (a leading look-behind made it test every position)."""
    return re.compile(rf"{number}(?=\s|$|[,;.:)])")


_NOT_GLUED_TO = frozenset(" \t\n\r\f\v0123456789/.-–(")


def _glued(text: str, at: int) -> bool:
    """A mark follows a word or a closing sign, directly or after at most two spaces or tabs."""
    j = at
    while j > 0 and at - j < 2 and text[j - 1] in " \t":
        j -= 1
    return j > 0 and text[j - 1] not in _NOT_GLUED_TO and not text[j - 1].isspace()
