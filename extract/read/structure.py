"""The shape of a UN resolution: header, preambular and operative paragraphs, footnotes, annex.

Works on the text as read (PDF conversions included); ``footnotes`` finds the notes and their
marks, ``paragraphs`` the paragraphs and their opening verbs.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import cache

from instrumap.extract.lexicon import Lexicon, lexicon
from instrumap.extract.read.footnotes import footnotes, marks
from instrumap.extract.read.layout import blank_spans, in_zones
from instrumap.extract.read.paragraphs import number_paragraphs, opening, paragraph_starts, prose_blocks
from instrumap.extract.records import Block


@dataclass(frozen=True, slots=True)
class Structure:
    header_end: int
    blocks: tuple[Block, ...]


@cache
def _line_pattern(language: str, key: str) -> re.Pattern[str]:
    """A whole line of one of the forms the lexicon's ``[structure]`` table lists for ``key``."""
    forms = "|".join(f"(?:{form})" for form in lexicon(language).table("structure")[key])
    return re.compile(rf"\n[ \t]*(?:\*\*)?(?:{forms})(?:\*\*)?[ \t]*(?=\n|\Z)", re.I if key == "trailer" else 0)


def _body_end(text: str, language: str, header_end: int) -> tuple[int, int]:
    """Where the paragraphs stop (the closing meeting line, or the annex) and where the annex starts.

    A text the resolution adopts after "Adopts the following declaration:" is read as its annex, though
    no "Annex" line heads it (A/RES/75/1; A/RES/79/1 "Adopts the following Pact for the Future and its
    annexes:"): its own numbered paragraphs are not the resolution's.
    """
    annex = _line_pattern(language, "annex").search(text, max(0, header_end - 1))
    annex_start = annex.start() + 1 if annex else len(text)
    if lexicon(language).table("structure").get("adopts_following"):
        adopted = _line_pattern(language, "adopts_following").search(text, max(0, header_end - 1), annex_start)
        annex_start = adopted.end() + 1 if adopted else annex_start
    trailer = _line_pattern(language, "trailer").search(text, max(0, header_end - 1), annex_start)
    return (trailer.start() + 1 if trailer else annex_start), annex_start


def read_structure(
    text: str, flat: str, language: str, header_end: int, symbol: str | None, furniture: list[tuple[int, int]],
    framed: bool = True,
) -> Structure:
    """Split the body (from ``header_end``) into PP/OP/FN/ANNEX blocks with their footnote marks.

    ``flat`` is the document's flat view; with the footnote zones blanked too it tells whether the
    prose before a line closed a paragraph, across page breaks and footnotes.
    """
    lex = lexicon(language)
    zones, notes = footnotes(text, header_end, furniture, symbol, lex)
    prose = blank_spans(flat, zones)
    body_end, annex_start = _body_end(text, language, header_end)
    starts = paragraph_starts(text, prose, header_end, body_end, zones, lex)
    paragraphs = number_paragraphs(starts, body_end)
    if not framed and paragraphs and paragraphs[0][0].startswith("OP"):  # numbered from the first: a report
        paragraphs = [("P" + pid[2:], s, e) for pid, s, e in paragraphs]
    found = marks(text, header_end, len(text), zones, notes, paragraphs, lex)
    blocks: list[Block] = [Block("HEADER", 0, header_end)] if header_end else []
    prose_paragraphs = prose_blocks(text, header_end, annex_start, paragraphs, zones, lex)
    if not framed and paragraphs:  # a report's cover (its header) before its first paragraph; its section headings
        first = paragraphs[0][1]
        cover = [(s, e) for _, s, e in prose_paragraphs if e <= first]
        headings = [(s, e) for _, s, e in prose_paragraphs if e > first]
        prose_paragraphs = [("HEADER", cover[0][0], cover[-1][1])] if cover else []
        prose_paragraphs += [(f"S{k}", s, e) for k, (s, e) in enumerate(headings, 1)]
    found.sort()
    mark_starts = [m[0] for m in found]
    introduced = ""  # the function of a paragraph that ends in a colon ("Declares that:")
    for pid, start, end in [*paragraphs, *prose_paragraphs]:
        opener, function = opening(text, start, end, lex, framed or pid.startswith(("PP", "OP")))
        if not opener and pid.startswith("OP") and introduced:
            function = introduced  # "Declares that:\n1. The subjection of peoples …" (A/RES/1514 (XV))
        elif pid.startswith(("PP", "OP")):
            introduced = function if text[start:end].rstrip().endswith((":", "：")) else ""
        lo, hi = bisect.bisect_left(mark_starts, start), bisect.bisect_left(mark_starts, end)
        inside = tuple(m for m in found[lo:hi] if not in_zones(m[0], zones))
        blocks.append(Block(pid, start, end, opener, function, inside))
    if annex_start < len(text):
        blocks += _annex_blocks(text, prose, annex_start, zones, found, lex)
    for number, start, end in notes:
        blocks.append(Block(f"FN{number}", start, end))
    return Structure(header_end, tuple(blocks))


def _annex_blocks(
    text: str, prose: str, start: int, zones: list[tuple[int, int]], found: list[tuple[int, int, str]], lex: Lexicon
) -> list[Block]:
    """The annex, read like the body: each of its paragraphs is an ``ANNEX`` block with its own opener
    (the annexed Declaration's "Desiring …", A/RES/47/135) and footnote marks."""
    starts = paragraph_starts(text, prose, start, len(text), zones, lex)
    bounds = [start, *(s for s, _ in starts if s > start), len(text)]
    blocks = []
    mark_starts = [m[0] for m in found]
    for lo, hi in itertools.pairwise(bounds):
        opener, function = opening(text, lo, hi, lex) if lo > start else ("", "")
        first, last = bisect.bisect_left(mark_starts, lo), bisect.bisect_left(mark_starts, hi)
        inside = tuple(m for m in found[first:last] if not in_zones(m[0], zones))
        blocks.append(Block("ANNEX", lo, hi, opener, function, inside))
    return blocks


def document_span(text: str, language: str, source: str) -> tuple[int, int]:
    """Where the document itself stands in ``text``: all of it, or, on a page that prints several
    resolutions under their own headings ("2145 (XXI). Question of …"), the one the file is named
    after, from its heading to the date under its meeting line (A/RES/2145 (XXI), A/RES/1514 (XV))."""
    table = lexicon(language).table("structure")
    if "heading" not in table:
        return 0, len(text)
    headings = list(re.finditer(rf"(?:^|\n)[ \t]*{table['heading']}", text))
    if len(headings) < 2:
        return 0, len(text)
    tokens = set(re.split(r"[^0-9A-Za-z]+", source.rsplit("/", 1)[-1]))
    own = next((m for m in headings if {m.group("number").replace(" ", ""), m.group("session")} <= tokens), None)
    if own is None:
        return 0, len(text)
    start = own.start() + (text[own.start()] == "\n")
    following = [m.start() for m in headings if m.start() > own.start()]
    end = following[0] if following else len(text)
    closing = re.compile(table["closing"]).search(text, start, end) if "closing" in table else None
    return start, (closing.end() if closing else end)
