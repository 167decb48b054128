"""One scan per document: every finder's anchor words found in a single Aho-Corasick pass.

Each finder declares its anchor words (from its language's lexicon: "resolution", 第, "Convention",
the series of document symbols, the authority's names …); one automaton per language finds them
all, and each finder then tries its detailed pattern only where its anchors stand
(``pattern.match(text, pos)``) instead of scanning the whole text with every pattern.

The scan runs over the squeezed flat view (runs of spaces collapsed), where a name broken across
lines reads with single spaces; finders that work on the flat view map their hits back with
``Squeezed.to_flat``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache

import ahocorasick

from instrumap.extract.find.gazetteer import Gazetteer
from instrumap.extract.lexicon import Lexicon, lexicon
from instrumap.extract.read.layout import Squeezed
from instrumap.extract.records import Mention


@dataclass(frozen=True, slots=True)
class Scan:
    """A document's flat view, its squeezed form, and where each finder's anchors stand in it."""

    flat: str
    squeezed: Squeezed
    lexicon: Lexicon
    gazetteer: Gazetteer
    hits: dict[str, list[tuple[int, int, str]]]  # anchor group → (start, end, word) in the squeezed text

    def anchors(self, group: str) -> list[tuple[int, int, str]]:
        """Hits of one anchor group, by start (longest first at a start)."""
        return sorted(self.hits.get(group, []), key=lambda h: (h[0], -h[1]))

    def starts(self, group: str) -> list[int]:
        """The distinct squeezed-text offsets where a group's anchors start, in order."""
        return sorted({start for start, _, _ in self.hits.get(group, [])})

    def flat_starts(self, group: str) -> list[int]:
        """The distinct flat-view offsets where a group's anchors start, in order."""
        to_flat = self.squeezed.to_flat
        return [to_flat(s) for s in self.starts(group)]


@dataclass(frozen=True, slots=True)
class Finder:
    """A finder family: its anchor words in a language (by group), and what it finds at them."""

    name: str
    anchors: Callable[[Lexicon, Gazetteer], Mapping[str, Iterable[str]]]
    find: Callable[[Scan], Iterator[Mention]]


_FINDERS: dict[str, Finder] = {}


def register(finder: Finder) -> Finder:
    _FINDERS[finder.name] = finder
    return finder


def finders(language: str) -> list[Finder]:
    """The finders a language's lexicon asks for (``[grammar] finders``), in order."""
    return [_FINDERS[name] for name in lexicon(language).grammar.finders]


@cache
def _automaton(language: str, gazetteer: Gazetteer) -> ahocorasick.Automaton | None:
    words: dict[str, list[str]] = {}
    for finder in finders(language):
        for group, group_words in finder.anchors(lexicon(language), gazetteer).items():
            for word in group_words:
                groups = words.setdefault(word, [])
                if group not in groups:
                    groups.append(group)
    if not words:
        return None
    automaton = ahocorasick.Automaton()
    for word, names in words.items():
        automaton.add_word(word, (len(word), tuple(names)))
    automaton.make_automaton()
    return automaton


def scan(flat: str, language: str, gazetteer: Gazetteer) -> Scan:
    """Squeeze the flat view and find every anchor of every finder of ``language`` in one pass."""
    squeezed = Squeezed(flat)
    hits: dict[str, list[tuple[int, int, str]]] = {}
    automaton = _automaton(language, gazetteer)
    if automaton is not None:
        text = squeezed.text
        for end, (length, names) in automaton.iter(text):
            start = end + 1 - length
            for name in names:
                hits.setdefault(name, []).append((start, end + 1, text[start : end + 1]))
    return Scan(flat, squeezed, lexicon(language), gazetteer, hits)


def find_all(flat: str, language: str, gazetteer: Gazetteer) -> Iterator[Mention]:
    """Every mention of every finder of ``language`` in ``flat`` (each finder's in order)."""
    result = scan(flat, language, gazetteer)
    for finder in finders(language):
        yield from finder.find(result)
