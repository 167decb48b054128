"""Footnotes of a UN text: the zones at page bottoms, the notes in them, and the marks in the body.

Works on PDF conversions: footnotes gathered under a rule at the page bottom with their numbers on
lines of their own, later pages where pdftotext drops the rule, numbers moved below their text
(A/RES/64/179, A/RES/55/70), superscript marks (¹ ²) or bare digits after a word as marks.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from functools import cache

from instrumap.extract.lexicon import Lexicon, alternation, lexicon
from instrumap.extract.read.layout import SUPERSCRIPTS, at_lines, furniture_pattern, in_zones

_SUPER_DIGITS = str.maketrans(SUPERSCRIPTS, "0123456789")


# Line patterns start with the line break before the line: a literal prefix the regex engine finds at
# memchr speed, where ``^`` with MULTILINE is tried at every position. ``_at_lines`` shifts past it.
_SEPARATOR = re.compile(r"\n[ \t]*_{5,}[ \t]*(?=\n|\Z)")


# A footnote line starts with its number in superscript: at most three digits (a longer run is no
# footnote number, and walking the marks up to it would never end).
_SUPER_FOOTNOTE = re.compile(rf"\n[ \t]*([{SUPERSCRIPTS}]{{1,3}})(?![{SUPERSCRIPTS}])[ \t]*(?=\S)")


_SUPER_MARK = re.compile(rf"[{SUPERSCRIPTS}]+")


_ZONE_NUMBER = re.compile(r"^[ \t]*(\d{1,3}|\*)(?:[ \t]*$|[ \t]+(?=\S))", re.M)


@cache
def _not_mark(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Words around a bare number that make it a quantity, a date or a reference, not a footnote mark
    (the lexicon's ``[footnote_marks]``: "paragraph 2", "of 4 and 5 September": A/RES/64/179)."""
    data = lex.table("footnote_marks")
    after_words, before_words = data.get("not_after_words", ()), data.get("not_before_words", ())
    words_before = rf"\b{alternation(after_words)}\s+$|" if after_words else ""
    words_after = f"{alternation(before_words)}|" if before_words else ""
    ranges = "".join(rf"{re.escape(w)}\s+\d|" for w in data.get("range_words", ()))
    before = re.compile(rf"{words_before}[\d/]\s*$", re.I)
    after = re.compile(rf"[ \t]*(?:{words_after}{ranges}[/\-–]\d|\(|\d)")
    return before, after


def footnotes(
    text: str, body_start: int, furniture: list[tuple[int, int]], symbol: str | None, lex: Lexicon
) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """Footnote zones (page bottoms) and footnotes (number, start, end) inside them."""
    zones: list[tuple[int, int]] = []
    notes: list[tuple[str, int, int]] = []
    furniture_starts = {s for s, _ in furniture}
    last = 0
    for start, match in at_lines(_SUPER_FOOTNOTE, text, body_start, len(text)):
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
        notes.extend(_unstacked(text, _restore_displaced(text, spans, zone_end)))
    end_zone, end_notes = _end_notes(text, body_start, lex)
    if end_notes and not any(in_zones(start, zones) for _, start, _ in end_notes):
        zones.append(end_zone)
        notes.extend(end_notes)
    zones.sort()
    notes.sort(key=lambda n: n[1])
    return zones, notes


# A note at the end of the text, its number and text on one line: "54 Official Records of the Security
# Council …" after "Adopted unanimously at the 2288th meeting." (S/RES/487 (1981), S/RES/145 (1960)).
# The number may carry a slash, as its mark does: "1/ S/24476, annex." (S/RES/787 (1992)).
_END_NOTE = re.compile(r"\n[ \t]*(\d{1,3})/?[ \t]+(?=[^\W\d_]|[“\"(])")
_END_REACH = 6000  # how far before the end of the text the notes may start
_LAST_NOTE_LINES = 12
_LAST_NOTE = 1200  # how long the last note may run to the end of the text (S/RES/298 (1971): a 9-line locator)
_AFTER_BLANK = re.compile(r"\n[ \t\f]*\n[ \t]*$")
_OPERATIVE_LINE = re.compile(r"\n[ \t]*\d{1,3}\.[ \t]")


def _notes_heading(text: str, body_start: int, lex: Lexicon) -> int | None:
    """Where a "Notes" heading line stands in the second half of the text: a report's end-notes follow it,
    however long they run (A/HRC/WG.6/33/BRN/2: 106 notes over 6,000 characters)."""
    pattern = _notes_heading_pattern(lex.language)
    found = None
    for m in pattern.finditer(text, max(body_start, len(text) // 2)) if pattern else ():
        found = m.end()
    return found


@cache
def _notes_heading_pattern(language: str) -> re.Pattern[str] | None:
    words = lexicon(language).table("structure").get("notes_heading")
    return re.compile(rf"\n[ \t]*(?:{words})[ \t]*(?=\n)") if words else None


def _opens_notes(text: str, body_start: int, first: int, heading: int | None) -> bool:
    """Whether the first note starts the notes: after a blank line, or on the line right after the heading."""
    if _AFTER_BLANK.search(text[max(body_start, first - 40) : first]):
        return True
    return heading is not None and "\n" not in text[heading:first].strip("\n")


def _end_notes(text: str, body_start: int, lex: Lexicon) -> tuple[tuple[int, int], list[tuple[str, int, int]]]:
    """Footnotes gathered after the end of the text (older Security Council resolutions): the last run
    of lines that open with consecutive numbers, after a blank line, with no operative paragraph after,
    the last of them a few lines before the end. A date line ("25 August 2010 (initial submission)",
    CAT/C/50/D/430/2010) opens no note."""
    _, not_after = _not_mark(lex)
    heading = _notes_heading(text, body_start, lex)
    reach = heading if heading is not None else max(body_start, len(text) - _END_REACH)
    found = [
        (start, int(m.group(1)))
        for start, m in at_lines(_END_NOTE, text, reach, len(text))
        if not not_after.match(text, m.end() - 1)
    ]
    tail = text[found[-1][0] :].strip() if found else ""
    if not found or len(tail) > _LAST_NOTE or tail.count("\n") > _LAST_NOTE_LINES:
        return (0, 0), []
    run = [found[-1]]
    for start, number in reversed(found[:-1]):
        if number == run[0][1] - 1:
            run.insert(0, (start, number))
        elif number > run[0][1] or number < run[0][1] - 1:
            continue  # a continuation line that opens with a number ("12 June 1968 …")
    first = run[0][0]
    if not _opens_notes(text, body_start, first, heading) or _OPERATIVE_LINE.search(text, first):
        return (0, 0), []
    end = len(text.rstrip())
    bounds = [s for s, _ in run] + [end]
    notes = [(str(n), s, bounds[i + 1]) for i, (s, n) in enumerate(run)]
    return (first, end), notes


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
            for start, m in at_lines(_BARE_NUMBER_LINE, text, page_start, page_end):
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
    if len(spans) > 1 and last_number.isdigit() and not re.search(r"[^\W\d_]", text[last_start:last_end]):
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


_NOTE_SENTENCE = re.compile(r"(?:^|(?<=\.)[ \t]*\n)[ \t]*(?=[A-Z])", re.M)


def _unstacked(text: str, spans: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Pair stacked numbers with their texts: pdftotext may print a page's footnote numbers one under the
    other, then their texts ("2\n3\n\nResolution 217 A (III).\nSee FCCC/CP/2015/10/Add.1, …": A/RES/75/1).
    A run of numbers with no text of their own, then one note holding exactly as many sentences as the
    run needs, are split sentence by sentence in order; anything less clear is left as it is."""
    result = list(spans)
    i = 0
    while i < len(result):
        j = i
        while j < len(result) and not re.search(r"[^\W\d_]", text[result[j][1] : result[j][2]]):
            j += 1
        if j == i or j == len(result):
            i = j + 1
            continue
        number, start, end = result[j]
        body = start + len(number) if text.startswith(number, start) else start
        cuts = sorted({m.end() for m in _NOTE_SENTENCE.finditer(text, body, end)})
        if len(cuts) == j - i + 1:
            bounds = [*cuts[1:], end]
            result[i : j + 1] = [(result[i + k][0], cuts[k], bounds[k]) for k in range(j - i + 1)]
        i = j + 1
    return result


def _bare_number_line(text: str, start: int) -> bool:
    end = text.find("\n", start)
    return text[start : len(text) if end < 0 else end].strip().isdigit()


def _zone_end(text: str, start: int, symbol: str | None) -> int:
    """Where a page-bottom footnote zone stops: the page break, the page's job number or barcode, or the
    next page's running header."""
    end = text.find("\f", start)
    end = len(text) if end < 0 else end
    page_end = furniture_pattern("page_ends").search(text, start, end)
    if page_end:
        end = page_end.start() + 1
    if symbol:
        at = text.find(symbol, start, end)
        while at >= 0:
            line = text.rfind("\n", 0, at) + 1
            stop = text.find("\n", at)
            if not text[line:at].strip() and not text[at + len(symbol) : len(text) if stop < 0 else stop].strip():
                return line
            at = text.find(symbol, at + len(symbol), end)
    return end


def marks(
    text: str,
    begin: int,
    end: int,
    zones: list[tuple[int, int]],
    footnotes: list[tuple[str, int, int]],
    paragraphs: list[tuple[str, int, int]],
    lex: Lexicon,
) -> list[tuple[int, int, str]]:
    """Footnote marks in the body: superscripts anywhere, bare numbers in footnote order."""
    marks: list[tuple[int, int, str]] = []
    for m in _SUPER_MARK.finditer(text, begin, end):
        if not in_zones(m.start(), zones):
            marks.append((m.start(), m.end(), m.group(0).translate(_SUPER_DIGITS)))
    if marks:
        return marks
    known = [int(n) for n, _, _ in footnotes if n.isdigit()]
    if not known or not paragraphs:
        return marks
    # A mark's number is that of a footnote that exists: a number with no note is a quantity (S/RES/487 (1981)).
    numbers = [str(n) for n in sorted(set(known))]
    zone_starts = [s for s, _ in zones]
    position = paragraphs[0][1]
    not_before, not_after = _not_mark(lex)
    for number in numbers:
        # A mark stands on the page of its footnote: a page's reach bounds the search, so a mark that is
        # not there costs a page, not the rest of the document (which made long documents quadratic).
        for m in _bare_number(number).finditer(text, position, min(end, position + _MARK_REACH)):
            at = m.start()
            slashed = m.group(0).endswith("/")  # "1992 1/ and": the slash makes it a mark (S/RES/787 (1992))
            if not slashed and not _glued(text, at):
                continue
            i = bisect.bisect_right(zone_starts, at) - 1
            if i >= 0 and zones[i][0] <= at < zones[i][1]:
                continue
            if not slashed and (not_before.search(text[max(0, at - 30) : at]) or not_after.match(text, m.end())):
                continue
            marks.append((at, m.end(), number))
            position = m.end()
            break
    return marks


_MARK_REACH = 20_000


@functools.lru_cache(maxsize=512)
def _bare_number(number: str) -> re.Pattern[str]:
    """The number standing alone on its right; the pattern starts with the digits, so the regex
    engine can skip ahead to them (a leading look-behind made it test every position)."""
    return re.compile(rf"{number}/?(?=\s|$|[,;.:)])")


_NOT_GLUED_TO = frozenset(" \t\n\r\f\v0123456789/.-–(")


def _glued(text: str, at: int) -> bool:
    """A mark follows a word or a closing sign, directly or after at most two spaces or tabs."""
    j = at
    while j > 0 and at - j < 2 and text[j - 1] in " \t":
        j -= 1
    return j > 0 and text[j - 1] not in _NOT_GLUED_TO and not text[j - 1].isspace()
