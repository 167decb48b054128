"""Per-language lexicons loaded once from ``extract/data/*.toml``.

Code reads words from here and never spells them itself, so adding a verb, an organ or a
head word is a data change.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

SUPPORTED = ("zh", "en")


@cache
def load_data(name: str) -> dict[str, Any]:
    """Parse ``extract/data/<name>.toml`` (cached: every process reads each file once)."""
    with resources.files("instrumap.extract.data").joinpath(f"{name}.toml").open("rb") as fh:
        return tomllib.load(fh)


def alternation(words: object, *, boundary: bool = False) -> str:
    """A regex alternation of ``words``, longest first so that the longest phrase wins."""
    ordered = sorted({str(w) for w in words}, key=lambda w: (-len(w), w))  # type: ignore[union-attr]
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return rf"\b(?:{body})\b" if boundary else f"(?:{body})"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The words of one language that the finders and the structure reader need."""

    language: str
    openers: dict[str, str]
    organs: dict[str, str]
    self_words: tuple[str, ...]
    instrument_heads: dict[str, str]
    anaphora: dict[str, str]
    protocols_of: tuple[str, ...]
    meeting_heads: dict[str, str]
    header: dict[str, str | list[str]]
    held: tuple[str, ...]
    raw: dict[str, Any]

    def function_of(self, opener: str) -> str:
        """Normalize an opening verb phrase as written to its citation function."""
        key = " ".join(opener.strip().split())
        if key in self.openers:
            return self.openers[key]
        return re.sub(r"[^a-z]+", "_", key.lower()).strip("_")


@cache
def lexicon(language: str) -> Lexicon:
    """The lexicon for ``language`` ("zh" or "en")."""
    if language not in SUPPORTED:
        raise KeyError(language)
    data = load_data(language)
    return Lexicon(
        language=language,
        openers=dict(data["openers"]),
        organs=dict(data["organs"]),
        self_words=tuple(data["self_reference"]["words"]),
        instrument_heads=dict(data["instrument_heads"]),
        anaphora=dict(data["anaphora"]),
        protocols_of=tuple(data["protocols_of"]["phrases"]),
        meeting_heads=dict(data["meeting_heads"]),
        header=dict(data["header"]),
        held=tuple(data["places"]["held"]),
        raw=data,
    )


def chinese_number(text: str) -> int | None:
    """二十一 → 21, 五十八 → 58, 十 → 10, 一百零三 → 103; digits pass through."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    digits: dict[str, int] = load_data("zh")["numerals"]
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


def english_ordinal(text: str) -> int | None:
    """ "Fifty-eighth" → 58, "tenth" → 10, "21st" → 21."""
    word = text.strip().lower()
    match = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", word)
    if match:
        return int(match.group(1))
    data = load_data("en")
    ordinals: dict[str, int] = data["ordinals"]
    if word in ordinals:
        return ordinals[word]
    tens, _, unit = word.partition("-")
    if tens in data["tens"] and unit in ordinals:
        return int(data["tens"][tens]) + ordinals[unit]
    return None


def english_month(name: str) -> int | None:
    months: dict[str, int] = load_data("en")["months"]
    return months.get(name.strip().capitalize())
