"""Which of the six UN languages a text is in: by script, then by function words for Latin script."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from instrumap.extract.lexicon import load_data

SAMPLE = 6_000
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _script_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    scripts = load_data("languages")["scripts"]
    return tuple(
        (language, re.compile("[" + "".join(f"\\u{lo.lower():0>4}-\\u{hi.lower():0>4}" for lo, hi in ranges) + "]+"))
        for language, ranges in scripts.items()
    )


_NOT_LETTER = re.compile(r"[\W\d_]+")


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when no UN language is recognizable.

    Counts, never builds per-letter lists: an ASCII sample has no other script to count at all.
    """
    sample = text[:SAMPLE]
    letters = len(_NOT_LETTER.sub("", sample))
    if letters == 0:
        return None
    if not sample.isascii():
        counts = {language: _count(pattern, sample) for language, pattern in _script_patterns()}
        language, n = max(counts.items(), key=lambda kv: kv[1])
        if n and n >= load_data("languages")["script_share"].get(language, 0.3) * letters:
            return language
    return _latin_language(sample)


def _count(pattern: re.Pattern[str], sample: str) -> int:
    """How many characters of ``sample`` the (one-character) pattern matches."""
    return len(sample) - len(pattern.sub("", sample))


def _latin_language(sample: str) -> str | None:
    words = Counter(_WORD.findall(sample.lower()))
    total = words.total()
    if total < 3:
        return None
    scores = {
        language: sum(words[w] for w in vocabulary)
        for language, vocabulary in load_data("languages")["function_words"].items()
    }
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < max(2, 0.08 * total):
        return None
    return best


def fallback_language(text: str) -> str | None:
    """The language a text too short to recognize is read in: by its script (``[fallback]`` in
    ``languages.toml``: Latin letters → English, "Resolution 2203 (2015)"), None without letters."""
    sample = text[:SAMPLE]
    fallback = load_data("languages").get("fallback", {})
    for language, pattern in _script_patterns():
        if _count(pattern, sample):
            return language
    return fallback.get("latin") if _LATIN.search(sample) else None


_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
