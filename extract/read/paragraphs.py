"""Paragraphs of a UN text: where each starts, its operative number, and its opening verb.

Operative numbers that pdftotext puts on the line after the verb (A/RES/58/139) still number their
paragraph; Chinese paragraphs run together on one line with bold openers are split at them.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from instrumap.extract.lexicon import Lexicon, alternation, lexicon, phrase_key
from instrumap.extract.read.header import header_patterns
from instrumap.extract.read.layout import at_lines, in_zones, without_break

# Word and HTML conversions may lose the space after the number: "1.For the purposes …" (CED/C/GC/1).
_OP_NUMBER = re.compile(r"\n[ \t]*(?:\*\*)?(\d{1,3})\.(?:\*\*)?(?:[ \t]+|(?=\n|\Z)|(?=[A-Z][a-z]))")
# Where words are not spaced, the number may touch the text: "3.总务委员会…" ([grammar] glued_numbers).
_OP_NUMBER_GLUED = re.compile(r"\n[ \t]*(?:\*\*)?(\d{1,3})\.(?:\*\*)?(?:[ \t]+|(?=\n|\Z)|(?=[^\x00-\x7f]))")


# The marks that close a paragraph, the Arabic comma and semicolon among them ("…1996،" then "وإذ تحيط علما …":
# A/RES/52/131 ar, A/RES/52/100 ar).
_PARAGRAPH_END = (",", ";", ":", ".", "，", "；", "：", "。", "،", "؛")


@cache
def openers(language: str) -> dict[str, str]:
    """Every opener phrase and its function: the lexicon's ``[openers]``, and each of them after one of
    ``[grammar] opener_modifiers`` ("Further condemns", "Strongly warns" → the modified verb's function)."""
    lex = lexicon(language)
    table = dict(lex.openers)
    for modifier in lex.table("grammar").get("opener_modifiers", ()):
        for phrase, function in lex.openers.items():
            if not phrase.startswith(modifier):
                lowered = phrase[0].lower() + phrase[1:] if lex.grammar.word_boundaries else phrase
                table.setdefault(f"{modifier} {lowered}" if lex.grammar.word_boundaries else modifier + phrase,
                                 function)  # fmt: skip
    return table


def opener_functions(lex: Lexicon, opener: str) -> tuple[str, ...]:
    """The functions of an opener as written; a compound ("Recalling and reaffirming") has one per verb."""
    table = openers(lex.language)
    key = phrase_key(opener)
    if key in table:
        return (table[key],)
    adverb = lex.table("grammar").get("opener_adverb")
    unmodified = re.sub(rf"^(?:{adverb})\s+", "", key) if adverb else key
    if unmodified != key:
        key = unmodified[:1].upper() + unmodified[1:]
        if key in table:
            return (table[key],)
    for joiner in lex.table("grammar").get("opener_joiners", ()):
        first, sep, second = key.partition(f" {joiner} ")
        if sep and first in table:
            other = second[:1].upper() + second[1:]
            return (table[first], *((table[other],) if other in table and table[other] != table[first] else ()))
    return (lex.function_of(key),)


@cache
def _compound(language: str) -> re.Pattern[str]:
    """A second verb joined to the opener ("Recalling and reaffirming"): the joiner and a known verb."""
    lex = lexicon(language)
    joiners = lex.table("grammar").get("opener_joiners", ())
    if not joiners:
        return re.compile(r"(?!)")
    verbs = alternation({p[0].lower() + p[1:] for p in lex.openers})
    return re.compile(rf"\s+{alternation(joiners)}\s+{verbs}\b")


@cache
def _opener_regex(language: str, at_line_start: bool) -> re.Pattern[str]:
    """An opening verb phrase, bold or not; at a line start (after its "\\n") or at the current position.

    Built from the lexicon's openers with the modifiers as an optional prefix ("Further condemns"), not
    from every modified phrase: a regex alternation of 1,600 phrases was tried at every line."""
    lex = lexicon(language)
    grammar = lex.grammar
    spaced = grammar.word_boundaries
    modifiers = _modifiers(lex)
    base = alternation(lex.openers)
    if modifiers:
        either_case = alternation(phrase[0].lower() + phrase[1:] for phrase in lex.openers) if spaced else base
        gap = r"\s+" if spaced else ""
        words = rf"(?:(?:{modifiers}){gap}{either_case}|{base})"
    else:
        words = base
    prefix = r"\n[ \t]*" if at_line_start else ""
    group = f"(?:{words})" if at_line_start else f"({words})"
    end = r"\b" if spaced else ""
    trailing = r"(?:\*\*)?" if grammar.inline_bold_openers and not at_line_start else ""
    return re.compile(rf"{prefix}(?:\*\*)?{group}{trailing}{end}")


def _modifiers(lex: Lexicon) -> str:
    """The words that may stand before an opener: ``[grammar] opener_modifiers`` and any adverb of the
    shape ``opener_adverb`` ("Fully recognizes", S/RES/487 (1981)); "" when the language has neither."""
    grammar = lex.table("grammar")
    forms = [alternation(grammar["opener_modifiers"])] if grammar.get("opener_modifiers") else []
    forms += [grammar["opener_adverb"]] if grammar.get("opener_adverb") else []
    return "|".join(forms)


def _opener_pattern(language: str) -> re.Pattern[str]:
    return _opener_regex(language, False)


def _line_opener(language: str) -> re.Pattern[str]:
    return _opener_regex(language, True)


@cache
def _bold_opener(language: str) -> re.Pattern[str]:
    """A bold opener inside a line (“，**又回顾**”): how paragraphs run together in some texts."""
    words = alternation(openers(language))
    return re.compile(rf"(?:(?<=[，,；;])|(?<=\*\*))\*\*(?:{words})\*\*")


@cache
def _body_verb(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).table("grammar").get("body_verb")
    return re.compile(str(pattern)) if pattern else None


def _report_opening(head: str, lex: Lexicon) -> tuple[str, str]:
    """A treaty body's or a report's paragraph: its function is the body's own present-tense verb
    ("The Committee considers that …", "In this regard, the Committee recalls …": CAT/C/GC/2), never
    the paragraph's first word ("States parties …", "Article 3 …")."""
    verb = _body_verb(lex.language)
    m = verb.match(head) if verb is not None else None
    if m is None:
        return "", ""
    word = m.group("verb")
    opener = word[:1].upper() + word[1:]
    known = lex.openers.get(opener)
    return (opener, known) if known else ("", "")


def opening(text: str, start: int, end: int, lex: Lexicon, framed: bool = True) -> tuple[str, str]:
    """The opener phrase at the start of a paragraph and its function ("" when unknown); in a text with
    no resolution frame (a report, a general comment) an opener the lexicon lacks is the body's verb."""
    head = text[start : min(end, start + 200)]
    head = re.sub(r"^[\s*]*(?:\d{1,3}\.)?[\s*]*", "", head)
    match = _opener_pattern(lex.language).match(head)
    if match:
        opener = match.group(1)
        joined = _compound(lex.language).match(head, match.end())
        if joined:
            opener += joined.group(0)
        return opener, opener_functions(lex, opener)[0]
    if not framed:  # the shape of a verb is no evidence in prose ("States parties …", "Articles 3 to 15 …")
        return _report_opening(phrase_key(head), lex)
    if lex.grammar.opener_shape:
        word = re.match(lex.grammar.opener_shape, head)
        if word:
            return word.group(1), lex.function_of(word.group(1))
    return "", ""


# A line that starts with text (not a number, a mark or a rule).
_ANY_LINE = re.compile(r"\n[ \t]*(?=[^\s\d*¹²³⁴⁵⁶⁷⁸⁹⁰_])")


def _opener_on_organ_line(text: str, begin: int, end: int, lex: Lexicon) -> bool:
    """Whether the organ's line carries the first opener after it: "إن الجمعية العامة إذ تشير …" (A/RES/2154
    (XXI) ar, S/RES/425 (1978) ar), so that the first preambular paragraph starts inside that line."""
    if not lex.table("structure").get("organ_line_opens") or not 0 < begin < end or text[begin - 1] == "\n":
        return False
    line = text.rfind("\n", 0, begin) + 1
    organ_lines = header_patterns(lex.language)["body_line"]
    on_line = any((m := p.match(text, line)) is not None and m.end() == begin for p in organ_lines)
    return on_line and without_break(_line_opener(lex.language)).match(text, begin) is not None


def paragraph_starts(
    text: str, prose: str, begin: int, end: int, zones: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[int, int | None]]:
    """Offsets where paragraphs start, with the operative number when one is written there."""
    starts: dict[int, int | None] = {}
    numbered: list[tuple[int, int, bool]] = []  # (offset, number, alone on its line)
    op_number = _OP_NUMBER_GLUED if lex.table("grammar").get("glued_numbers") else _OP_NUMBER
    for start, m in at_lines(op_number, text, begin, end):
        if in_zones(start, zones):
            continue
        line_end = text.find("\n", m.end())
        alone = not text[m.end() : len(text) if line_end < 0 else line_end].strip()
        numbered.append((start, int(m.group(1)), alone))
    if _one_line(text, begin, end):
        _inline_starts(text, begin, end, zones, lex, starts, numbered)
    for start, _m in at_lines(_line_opener(lex.language), text, begin, end):
        if in_zones(start, zones):
            continue
        if _starts_paragraph(prose, begin, start):
            starts[start] = None
    if _opener_on_organ_line(text, begin, end, lex):
        starts[begin] = None
    if lex.grammar.inline_bold_openers:
        for m in _bold_opener(lex.language).finditer(text, begin, end):
            if not in_zones(m.start(), zones):
                starts[m.start()] = None
    if lex.grammar.any_line_opens_paragraph:
        for at, _line in at_lines(_ANY_LINE, text, begin, end):
            if not in_zones(at, zones) and _starts_paragraph(prose, begin, at):
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


_ONE_LINE = 1500  # fewer line breaks than one per this many characters: a page flattened into one line
_ONE_LINE_MIN = 300
_INLINE_BREAK = re.compile(r"(?<=[,;:.])[ \t]+")
_INLINE_NUMBER = re.compile(r"(\d{1,3})\.[ \t]+(?=[^\W\d_])")


def _one_line(text: str, begin: int, end: int) -> bool:
    """Whether the body is a page flattened into one line (a web copy of a PDF: A/RES/55/79 fr)."""
    return end - begin > _ONE_LINE_MIN and text.count("\n", begin, end) * _ONE_LINE <= end - begin + _ONE_LINE


def _inline_starts(
    text: str, begin: int, end: int, zones: list[tuple[int, int]], lex: Lexicon,
    starts: dict[int, int | None], numbered: list[tuple[int, int, bool]],
) -> None:
    """In a flattened page, a paragraph starts after a comma, semicolon, colon or full stop at a known
    opener ("…, Rappelant …", "…; 2. Prie …"), or at an operative number before a word."""
    opener = _opener_pattern(lex.language)
    for gap in _INLINE_BREAK.finditer(text, begin, end):
        at = gap.end()
        if in_zones(at, zones):
            continue
        number = _INLINE_NUMBER.match(text, at)
        if number is not None and text[gap.start() - 1] in ";:.":
            numbered.append((at, int(number.group(1)), False))
        elif opener.match(text, at):
            starts[at] = None


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


def number_paragraphs(starts: list[tuple[int, int | None]], end: int) -> list[tuple[str, int, int]]:
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


_BLANK_LINE = re.compile(r"\n[ \t\f]*\n")


@cache
def _inline_opener(language: str) -> re.Pattern[str]:
    """An opening verb after a comma or semicolon on the same line: paragraphs run together in a
    text with no line structure ("The General Assembly, Recalling its resolution 55/25 …, Decides …")."""
    lex = lexicon(language)
    words = alternation(openers(language), boundary=lex.grammar.word_boundaries)
    return re.compile(rf"[,;:，；][ \t]+(?=(?:\d{{1,3}}\.[ \t]+)?(?:\*\*)?{words})")


def prose_blocks(
    text: str, begin: int, end: int, paragraphs: list[tuple[str, int, int]], zones: list[tuple[int, int]], lex: Lexicon
) -> list[tuple[str, int, int]]:
    """``P1``, ``P2`` …: the body text no numbered or preambular paragraph covers, split at blank lines.

    A report, a letter or a sentence has no resolution structure; its references still stand in a
    paragraph. When a text has no paragraphs at all, openers inside a line start paragraphs too.
    """
    covered = sorted([(s, e) for _, s, e in paragraphs] + [z for z in zones if z[1] > begin])
    pieces: list[tuple[int, int]] = []
    at = begin
    for start, stop in [*covered, (end, end)]:
        if start > at:
            pieces += _split(text, at, min(start, end), not paragraphs, lex)
        at = max(at, stop)
        if at >= end:
            break
    found = [(s, e) for s, e in pieces if text[s:e].strip()]
    return [(f"P{n}", s, e) for n, (s, e) in enumerate(found, 1)]


def _split(text: str, start: int, stop: int, inline: bool, lex: Lexicon) -> list[tuple[int, int]]:
    cuts = [m.end() for m in _BLANK_LINE.finditer(text, start, stop)]
    if inline:
        cuts += [m.end() for m in _inline_opener(lex.language).finditer(text, start, stop)]
    bounds = [start, *sorted(set(cuts)), stop]
    return [(a, b) for a, b in itertools.pairwise(bounds) if b > a]
