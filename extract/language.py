"""Which of the six UN languages a text is in: by script, then by function words for Latin script."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from instrumap.extract.lexicon import load_data

SAMPLE = 20_000
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _script_table() -> tuple[tuple[int, int, str], ...]:
    scripts = load_data("languages")["scripts"]
    return tuple(
        (int(lo, 16), int(hi, 16), language) for language, ranges in scripts.items() for lo, hi in ranges
    )


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of ``text``'s language, or None when no UN language is recognizable."""
    sample = text[:SAMPLE]
    counts: Counter[str] = Counter()
    letters = 0
    table = _script_table()
    for ch in sample:
        if not ch.isalpha():
            continue
        letters += 1
        code = ord(ch)
        if code < 0x0400:
            continue
        for lo, hi, language in table:
            if lo <= code <= hi:
                counts[language] += 1
                break
    if letters == 0:
        return None
    if counts:
        language, n = counts.most_common(1)[0]
        # Chinese characters carry a word each, so a lower share already decides.
        if n >= (0.1 if language == "zh" else 0.3) * letters:
            return language
    return _latin_language(sample)


def _latin_language(sample: str) -> str | None:
    words = Counter(w.lower() for w in _WORD.findall(sample))
    total = sum(words.values())
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
