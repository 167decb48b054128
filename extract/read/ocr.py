"""OCR slips mended in the flat view, one character for one character, so every offset still holds.

Scanned UN documents carry three kinds of slip that hide a citation from the finders:
- a space inside a word (``Economic and Social Counc il``, A/RES/73/187; ``the Genev a Conventions``,
  A/RES/ES-11/1; ``resolu tions``): the word is written whole and the space moved after it;
- a letter for a digit inside a number (``Substances of l988``, A/RES/58/141; ``vol. 86O``,
  S/RES/638(1989)): l and I read as 1, O as 0, only in a token of digits and such letters that holds
  at least two digits;
- a misspelt phrase of the same length (``Untied Nations``), from the language's lexicon;
- a session numeral read as digits after a resolution number (``General Assembly resolutions 41 (1) and
  42 (1)``, ``resolutions I (1) of 24 January 1946``: S/RES/18 (1947)): a session is never a digit, so the
  paren's 1, l or | are the Roman I, and a number of look-alike letters is the digit 1.

The words that may be split are the lexicon's ``[ocr] words`` (the words citations hang on). One
Aho-Corasick pass finds every candidate, so a clean text costs one scan and no rewriting.
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from instrumap.extract.lexicon import alternation, load_data

_NUMBER = re.compile(r"[0-9lIO]+")
_DIGIT_FORMS = str.maketrans("lIO", "110")


@cache
def _automaton(language: str) -> ahocorasick.Automaton | None:
    """Every split form of the lexicon's words, its same-length phrases, and letter–digit pairs."""
    data = load_data(language).get("ocr", {})
    automaton = ahocorasick.Automaton()
    for word in data.get("words", []):
        for form in {word, word.lower(), word[:1].upper() + word[1:]}:
            for k in range(1, len(form)):
                automaton.add_word(f"{form[:k]} {form[k:]}", ("word", form + " "))
    for wrong, right in data.get("phrases", {}).items():
        if len(wrong) != len(right):
            raise ValueError(f"{language}.toml [ocr] phrases: {wrong!r} and {right!r} differ in length")
        automaton.add_word(wrong, ("phrase", right))
    if data.get("digits", False):
        for digit in "0123456789":
            for letter in "lIO":
                automaton.add_word(digit + letter, ("number", ""))
                automaton.add_word(letter + digit, ("number", ""))
    if len(automaton) == 0:
        return None
    automaton.make_automaton()
    return automaton


def repaired(flat: str, language: str) -> str:
    """The flat view with the OCR slips of ``language`` mended; the text itself when it has none."""
    automaton = _automaton(language)
    if automaton is None:
        return flat
    edits: dict[int, str] = {}
    for end, (kind, right) in automaton.iter(flat):
        if kind == "number":
            _mend_number(flat, end, edits)
            continue
        start = end - len(right) + 1
        if start in edits or not _whole_word(flat, _after_clitic(flat, start, language), end + 1):
            continue
        edits[start] = right  # a split word comes back whole, with its space after it
    if load_data(language).get("ocr", {}).get("sessions", False):
        _mend_sessions(flat, language, edits)
    if not edits:
        return flat
    return _apply(flat, edits)


_SESSION_SLIP = re.compile(r"\((?P<session>[IVXLivxl1|]{1,7})\)(?!\w)")  # a literal "(" first: a fast scan
_NUMBER_BEFORE = re.compile(r"(?<![\w/])(?P<number>[0-9lI]{1,4})(?:[ ]?[A-H])?[ ]?\Z")
_CLAUSE_END = re.compile(r"[.;:](?:\s|$)")
_ROMAN_FORMS = str.maketrans("ivxl1|", "IVXLII")
_ROMAN = re.compile(r"L?X{0,3}(?:IX|IV|V?I{0,3})")


def _mend_sessions(flat: str, language: str, edits: dict[int, str]) -> None:
    """``41 (1)`` → ``41 (I)``, ``2454 A (Xx111)`` → ``2454 A (XXIII)`` (A/RES/3465 (XXX) es) where a citation
    word stands before it in the same clause. A session in lower case alone ("7 (iv)") is a sub-paragraph."""
    words = _citation_words(language)
    for m in _SESSION_SLIP.finditer(flat):
        number = _NUMBER_BEFORE.search(flat, max(0, m.start() - 7), m.start())
        session = m.group("session")
        mended = session.translate(_ROMAN_FORMS)
        slipped = mended != session or not number or not number.group("number").isdigit()
        if number is None or not slipped or session.islower() or not _ROMAN.fullmatch(mended):
            continue
        before = flat[max(0, number.start() - _SESSION_REACH) : number.start()]
        cited = [w.end() for w in words.finditer(before)]
        if not cited or _CLAUSE_END.search(before, cited[-1]):
            continue
        edits.setdefault(number.start(), number.group("number").translate(_DIGIT_FORMS))
        edits.setdefault(m.start("session"), mended)


_SESSION_REACH = 120


@cache
def _citation_words(language: str) -> re.Pattern[str]:
    return re.compile(alternation(load_data(language)["citation_words"], boundary=True), re.I)


def _after_clitic(text: str, start: int, language: str) -> int:
    """Where a word starts with the letter glued before it that the language writes as part of the next word
    (``[ocr] clitics``: Arabic و, ب, ل, ف in "وقرا رات المجلس", A/HRC/RES/26/6 ar)."""
    return start - 1 if start > 0 and text[start - 1] in _clitics(language) else start


@cache
def _clitics(language: str) -> str:
    return str(load_data(language).get("ocr", {}).get("clitics", ""))


def _whole_word(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def _mend_number(flat: str, end: int, edits: dict[int, str]) -> None:
    """The token of digits and look-alike letters around a hit, written in digits (``l988`` → 1988)."""
    start = end - 1
    while start > 0 and flat[start - 1] in "0123456789lIO":
        start -= 1
    m = _NUMBER.match(flat, start)
    if m is None or start in edits or not _whole_word(flat, m.start(), m.end()):
        return
    token = m.group(0)
    if sum(ch.isdigit() for ch in token) >= 2:
        edits[start] = token.translate(_DIGIT_FORMS)


def _apply(flat: str, edits: dict[int, str]) -> str:
    pieces: list[str] = []
    done = 0
    for start in sorted(edits):
        if start < done:
            continue
        pieces.append(flat[done:start])
        pieces.append(edits[start])
        done = start + len(edits[start])
    pieces.append(flat[done:])
    return "".join(pieces)
