"""Mutations of real UN texts for fuzzing: what damaged conversions, hostile files and odd inputs look like.

Each mutation is a small function of (text, random) → text; ``mutate`` applies a few of them. The suite's
property test (tests/test_bounded_cost.py) and ``bench/fuzz.py`` use the same ones.
"""

from __future__ import annotations

import random
from collections.abc import Callable

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
WORDS = ["Conference ", "Convention ", "resolution ", "resolutions 55/25, ", "the Convention ", "第", "号决议",
         "《", "》", "A/", "S/RES/", "Recalling ", "1. ", "\n", "\f", "_____\n", "**", "(2001) ", "Protocol thereto "]


def _insert(piece: str) -> Callable[[str, random.Random], str]:
    def mutation(text: str, rng: random.Random) -> str:
        at = rng.randrange(len(text) + 1)
        return text[:at] + piece * rng.choice((1, 2, 50, 400)) + text[at:]

    return mutation


def _superscript_run(text: str, rng: random.Random) -> str:
    run = "".join(rng.choice(SUPERSCRIPTS) for _ in range(rng.randint(1, 12)))
    at = text.find("\n", rng.randrange(len(text) + 1))
    at = len(text) if at < 0 else at
    return f"{text[:at]}\n{run} note {rng.randint(1, 9)}.\n{text[at:]}"


def _long_number(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return f"{text[:at]}\n{'9' * rng.choice((5, 400, 5000))}. Decides\n{text[at:]}"


def _one_line(text: str, _rng: random.Random) -> str:
    return " ".join(text.split())


def _cut(text: str, rng: random.Random) -> str:
    a, b = sorted(rng.randrange(len(text) + 1) for _ in range(2))
    return text[:a] + text[b:]


def _repeat_words(text: str, rng: random.Random) -> str:
    return rng.choice(WORDS) * rng.randint(100, 3000) + text[: rng.randint(0, 2000)]


def _random_characters(text: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    noise = "".join(chr(rng.choice((rng.randint(0x20, 0x7E), rng.randint(0xA0, 0x2FFF), rng.randint(0x4E00, 0x9FFF))))
                    for _ in range(rng.randint(1, 200)))  # fmt: skip
    return text[:at] + noise + text[at:]


MUTATIONS: list[Callable[[str, random.Random], str]] = [
    *(_insert(word) for word in WORDS), _superscript_run, _long_number, _one_line, _cut, _repeat_words,
    _random_characters,
]  # fmt: skip


def mutate(text: str, rng: random.Random, steps: int = 3) -> str:
    """``text`` after ``steps`` random mutations (at least one character long)."""
    for _ in range(steps):
        text = rng.choice(MUTATIONS)(text, rng) or "x"
    return text
