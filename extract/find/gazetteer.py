"""The names finders look for as they are: official titles and short names from the authority data.

Finding uses names only (like a lexicon): which entry a name stands for, and so its kind, is decided
when resolving. Built once per process from ``ontology/authority``.
"""

from __future__ import annotations

from functools import cache

from instrumap.ontology.authorities import Authority, authority, normalize_name

_FOUND_BY_NAME = ("instrument", "meeting", "process")


class Gazetteer:
    """Names per language (for the scan), body names (what a title grammar must not take for a meeting)
    and the normalized names of instruments (for 《…》 titles)."""

    def __init__(self, data: Authority) -> None:
        self._names: dict[str, set[str]] = {}
        self._bodies: dict[str, set[str]] = {}
        instruments: set[str] = set()
        for entry in data.entries.values():
            if entry.collection == "body":
                for language, name in entry.names():
                    if len(name) >= 4:
                        self._bodies.setdefault(language, set()).add(" ".join(name.strip().split()))
            if entry.collection not in _FOUND_BY_NAME:
                continue
            for language, name in entry.names():
                if "{" not in name and len(name) >= 4:
                    self._names.setdefault(language, set()).add(" ".join(name.strip().split()))
                if entry.collection == "instrument":
                    instruments.add(normalize_name(name))
        self._instruments = frozenset(instruments)

    def names(self, language: str) -> frozenset[str]:
        """Every name written in ``language``, whitespace normalized."""
        return frozenset(self._names.get(language, ()))

    def bodies(self, language: str) -> frozenset[str]:
        """Names of bodies written in ``language``: "Conference on Disarmament" is no meeting."""
        return frozenset(self._bodies.get(language, ()))

    def is_instrument(self, title: str) -> bool:
        return normalize_name(title) in self._instruments


@cache
def gazetteer() -> Gazetteer:
    """The shipped authority data's names, built once per process."""
    return Gazetteer(authority())
