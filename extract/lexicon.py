"""Per-language lexicons loaded once from ``extract/data/<language>.toml``: a language is data.

Code asks the lexicon and never spells a word or tests a language code itself, so adding a verb, an
organ, a month or a whole language is a data change (``extract/data/README.md`` says what a language
file holds). The few grammars that really differ (how numbers are written, whether words have
boundaries) are named in the file's ``[grammar]`` table and implemented once here.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse ``extract/data/<name>.toml`` (cached: every process reads each file once)."""
    with resources.files("instrumap.extract.data").joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def supported_languages() -> tuple[str, ...]:
    """The languages that have a lexicon file, in the order ``languages.toml`` lists them."""
    return tuple(load_data("languages")["supported"]["languages"])


def label_languages() -> tuple[str, ...]:
    """The languages labels are written in, in output order."""
    return tuple(load_data("languages")["supported"]["labels"])


def canonical_language() -> str:
    """The language of canonical names (ids, slugs, body names): the first label language."""
    return label_languages()[0]


_SPACES = re.compile(" {2,}")


def phrase_key(text: str) -> str:
    """A matched phrase as the lexicon's tables key it: white space as one space, Arabic tatweel dropped
    ("القـرارات" is قرارات: the alternations let tatweel stretch any Arabic letter)."""
    return " ".join(text.replace("\u0640", "").split())


def alternation(words: Iterable[object], *, boundary: bool = False) -> str:
    """A regex alternation of ``words`` in which the longest phrase wins; a space stands for any run of
    white space.

    Written as a trie (``Re(?:call(?:ing)?|affirm(?:ing)?)``), not as a flat list of phrases: a lexicon's
    1,000 openers or 3,000 authority names as a flat alternation cost Python's ``re`` a third of a second
    to compile in every process and are tried one phrase after another at every position; the trie
    compiles in a fraction of that and rejects a position at its first letter. Greedy optional groups
    keep the longest-match order of the flat list sorted longest first."""
    trie: dict[str, Any] = {}
    for word in {_SPACES.sub(" ", str(w)) for w in words}:  # a run of spaces is one, as a space is any run
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_pattern(trie)
    return rf"\b(?:{body})\b" if boundary else f"(?:{body})"


def _char_pattern(char: str) -> str:
    """One character of a phrase: a space is any run of white space; an Arabic letter may be stretched by
    tatweel (U+0640) in a justified PDF's text ("القـــرارات": S/RES/1680 (2006) ar)."""
    if char == " ":
        return r"\s+"
    return re.escape(char) + "\u0640*" if "\u0620" <= char <= "\u064a" else re.escape(char)


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [_char_pattern(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"


def _frozen(table: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(table or {}))


@dataclass(frozen=True, slots=True)
class Grammar:
    """What differs between languages beyond their words (``[grammar]`` in a lexicon file)."""

    word_boundaries: bool  # False for Chinese: a name may touch the next word
    numbers: str  # "ordinal_words" (fifty-eighth) or "cjk" (五十八)
    organ_window: int  # how far before a citation its organ may be named
    clause_breaks: tuple[str, ...]  # what ends the clause an organ may be named in
    topic_word: str  # Chinese 关于: organs named in the topic after it are not the issuer
    possessive_before: str  # regex: "its" / "their" right before a citation means the citing organ
    organ_after: str  # regex: "resolution 2003/24 of the Economic and Social Council"
    inline_bold_openers: bool  # Chinese texts run paragraphs together: "，**又回顾**"
    any_line_opens_paragraph: bool  # a line after a closed paragraph opens one, opener or not
    opener_shape: str  # regex: an opening verb the lexicon does not list ("Deeply regrets")
    finders: tuple[str, ...]  # the finder families that read this language (find/scan.py)


@dataclass(frozen=True, slots=True, eq=False)
class Lexicon:
    """The words of one language that the readers, finders and resolvers need."""

    language: str
    grammar: Grammar
    openers: Mapping[str, str]
    organs: Mapping[str, str]
    self_words: tuple[str, ...]
    citation_words: Mapping[str, str]  # "resolutions" → resolution, "决定" → decision
    instrument_heads: Mapping[str, str]
    anaphora: Mapping[str, str]
    anaphora_default: Mapping[str, str]
    protocols_of: tuple[str, ...]
    meeting_heads: Mapping[str, str]
    header: Mapping[str, str | list[str]]
    held: tuple[str, ...]
    months: Mapping[str, int]
    raw: Mapping[str, Any]

    def function_of(self, opener: str) -> str:
        """Normalize an opening verb phrase as written to its citation function."""
        key = " ".join(opener.strip().split())
        if key in self.openers:
            return self.openers[key]
        return re.sub(r"[^a-z]+", "_", key.lower()).strip("_")

    def table(self, name: str) -> Mapping[str, Any]:
        """A further table of the lexicon file (``relations``, ``footnote_marks`` …), empty when absent."""
        return _frozen(self.raw.get(name))

    def words(self, table: str, key: str = "words") -> tuple[str, ...]:
        return tuple(self.raw.get(table, {}).get(key, ()))


def _grammar(data: Mapping[str, Any]) -> Grammar:
    g = data["grammar"]
    return Grammar(
        word_boundaries=bool(g["word_boundaries"]),
        numbers=str(g["numbers"]),
        organ_window=int(g["organ_window"]),
        clause_breaks=tuple(g["clause_breaks"]),
        topic_word=str(g.get("topic_word", "")),
        possessive_before=str(g.get("possessive_before", "")),
        organ_after=str(g.get("organ_after", "")),
        inline_bold_openers=bool(g.get("inline_bold_openers", False)),
        any_line_opens_paragraph=bool(g.get("any_line_opens_paragraph", False)),
        opener_shape=str(g.get("opener_shape", "")),
        finders=tuple(g["finders"]),
    )


def _inflected(word: str, rules: Iterable[Iterable[str]], irregular: Mapping[str, str]) -> str | None:
    """``word`` inflected by the first suffix rule that fits ("Decides" with ("es", "ed") → "Decided")."""
    if word in irregular:
        return irregular[word]
    for suffix, replacement in rules:
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            return word[: -len(suffix)] + replacement
    return None


def derived_openers(openers: Mapping[str, str], inflections: Mapping[str, Any]) -> dict[str, str]:
    """The lexicon's openers and the preambular forms of its operative verbs (``[inflections]``):
    "Notes" → "Having noted" and "Noting", "Decides" → "Having decided" and "Deciding", each with the
    operative verb's function (S/RES/487 (1981) "Having noted the contents of the letter …"). Listed
    openers win over derived ones."""
    table = dict(openers)
    shape = inflections.get("operative")
    if not shape:
        return table
    operative = re.compile(shape)
    derived: dict[str, str] = {}
    for phrase, function in openers.items():
        first, _, rest = phrase.partition(" ")
        if not operative.fullmatch(first) and first not in inflections.get("irregular_past", {}):
            continue
        tail = f" {rest}" if rest else ""
        perfect = _inflected(first, inflections.get("past_participle", ()), inflections.get("irregular_past", {}))
        if perfect:
            derived.setdefault(f"{inflections['perfect']} {perfect.lower()}{tail}", function)
        present = _inflected(first, inflections.get("present_participle", ()), inflections.get("irregular_present", {}))
        if present:
            derived.setdefault(present + tail, function)
    for phrase, function in derived.items():
        table.setdefault(phrase, function)
    return table


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon for ``language``; KeyError for a language without a lexicon file."""
    if language not in supported_languages():
        raise KeyError(language)
    data = load_data(language)
    return Lexicon(
        language=language,
        grammar=_grammar(data),
        openers=_frozen(derived_openers(data["openers"], data.get("inflections", {}))),
        organs=_frozen(data["organs"]),
        self_words=tuple(data["self_reference"]["words"]),
        citation_words=_frozen(data["citation_words"]),
        instrument_heads=_frozen(data["instrument_heads"]),
        anaphora=_frozen(data["anaphora"]),
        anaphora_default=_frozen(data.get("anaphora_default")),
        protocols_of=tuple(data["protocols_of"]["phrases"]),
        meeting_heads=_frozen(data["meeting_heads"]),
        header=_frozen(data["header"]),
        held=tuple(data["places"]["held"]),
        months=_frozen(data.get("months")),
        raw=_frozen(data),
    )


@cache
def organ_names(series: str) -> Mapping[str, str]:
    """The first-listed name of the organ issuing ``series`` in each label language: {"en": "General Assembly", …}."""
    names: dict[str, str] = {}
    for language in label_languages():
        for name, value in lexicon(language).organs.items():
            if value == series and language not in names:
                names[language] = name
    return _frozen(names)


def month_number(name: str, language: str) -> int | None:
    """ "December" → 12 in English; None for a word that is no month."""
    months = lexicon(language).months
    return months.get(name.strip()) or months.get(name.strip().capitalize())


def ordinal_value(text: str, language: str) -> int | None:
    """An ordinal as written → its number: "Fifty-eighth" → 58, "21st" → 21, 五十八 or 3 (第3次) → 58, 3.

    A bare number is an ordinal only where numerals are written so (Chinese): "2019 High-Level
    Meeting" has no ordinal."""
    text = text.strip()
    lex = lexicon(language)
    if lex.grammar.numbers == "cjk":
        if text.isdecimal():
            return int(text) if len(text) <= 6 else None  # (str.isdigit is also true of superscripts)
        return _cjk_value(text, lex.raw["numerals"])
    numeral = re.fullmatch(r"(\d{1,3})(\S+)", text)
    if numeral and numeral.group(2) in lex.raw.get("ordinal_numerals", {}).get("suffixes", ()):
        return int(numeral.group(1))  # "12º Congreso", "12e Congrès"
    return _ordinal_word_value(text.lower(), lex.raw["ordinals"], lex.raw["tens"])


def _cjk_value(text: str, digits: Mapping[str, int]) -> int | None:
    total, current = 0, 0
    for ch in text:
        value = digits.get(ch)
        if value is None:
            return None
        if value in (10, 100):
            total += (current or 1) * value
            current = 0
        else:
            current = value
    return total + current


def _ordinal_word_value(word: str, ordinals: Mapping[str, int], tens: Mapping[str, int]) -> int | None:
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if match:
        return int(match.group(1))
    if word in ordinals:
        return ordinals[word]
    ten, _, unit = re.sub(r"\s+", "-", word).partition("-")  # "fifty-eighth", "quincuagésimo octavo"
    if ten in tens and unit in ordinals:
        return int(tens[ten]) + ordinals[unit]
    return None


def ordinal_word(n: int, language: str, style: str = "lower") -> str:
    """58 → "fifty-eighth" ("Fifty-eighth" with style "Title") or 五十八; "" for what the language cannot say."""
    if n <= 0 or language not in supported_languages():
        return ""
    lex = lexicon(language)
    if lex.grammar.numbers == "cjk":
        return _cjk_word(n, lex.raw["numerals"])
    if style == "numeral":  # "12º Congreso de las Naciones Unidas …", as UN Spanish writes it
        suffixes = lex.raw.get("ordinal_numerals", {}).get("suffixes", ())
        return f"{n}{suffixes[0]}" if suffixes else _numeric_ordinal(n)
    word = _ordinal_words(language).get(n) or _numeric_ordinal(n)
    return word[:1].upper() + word[1:] if style == "Title" else word


@cache
def _ordinal_words(language: str) -> Mapping[int, str]:
    raw = lexicon(language).raw
    words = {n: w for w, n in raw["ordinals"].items()}
    for tens_word, tens in raw["tens"].items():
        for unit in range(1, 10):
            words[tens + unit] = f"{tens_word}-{words[unit]}"
    return MappingProxyType(words)


def _numeric_ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _cjk_word(n: int, numerals: Mapping[str, int]) -> str:
    """58 → "五十八" (the first character the numeral table lists for each digit)."""
    digit: dict[int, str] = {}
    for ch, value in numerals.items():
        digit.setdefault(value, ch)
    if n >= 100:
        return str(n)
    if n < 10:
        return digit[n] if n else digit[0]
    tens, unit = divmod(n, 10)
    return ("" if tens == 1 else digit[tens]) + digit[10] + (digit[unit] if unit else "")
