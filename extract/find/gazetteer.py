"""The names finders look for as they are: official titles and short names from the authority data.

Finding uses names only (like a lexicon): which entry a name stands for, and so its kind, is decided
when resolving. Built once per process from ``ontology/authority``.
"""

from __future__ import annotations

from functools import cache

from instrumap.extract.find.inflection import dropped, stem_key, word_stem
from instrumap.ontology.authorities import Authority, authority, normalize_name

_FOUND_BY_NAME = ("instrument", "meeting", "process")


class Gazetteer:
    """Names per language (for the scan), body names (what a title grammar must not take for a meeting)
    and the normalized names of instruments (for 《…》 titles)."""

    def __init__(self, data: Authority) -> None:
        self._names: dict[str, set[str]] = {}
        self._bodies: dict[str, set[str]] = {}
        self._series: dict[str, dict[str, str]] = {}  # language → a series' name without its ordinal → its kind
        instruments: set[str] = set()
        stems: dict[tuple[str, str], dict[str, str]] = {}  # (language, stem) → entry id → its first name
        for entry in data.entries.values():
            if entry.collection == "body":
                for language, name in entry.names():
                    if len(name) >= 4:
                        self._bodies.setdefault(language, set()).add(" ".join(name.strip().split()))
            if entry.collection == "series":
                for language, name in entry.names():
                    if "{" not in name and len(name) >= 4:
                        self._series.setdefault(language, {})[" ".join(name.split())] = entry.kind
            if entry.collection not in _FOUND_BY_NAME:
                continue
            for language, name in entry.names():
                if "{" not in name and len(name) >= 4:
                    self._names.setdefault(language, set()).update(_apostrophes(" ".join(name.strip().split())))
                if entry.collection == "instrument":
                    instruments.add(normalize_name(name))
                    if (key := stem_key(name, language)) is not None:
                        stems.setdefault((language, key), {}).setdefault(entry.id, name)
        self._instruments = frozenset(instruments)
        # A stem names one entry only: two entries with one stem are left to their exact forms.
        self._stems = {key: next(iter(ids.values())) for key, ids in stems.items() if len(ids) == 1}

    def names(self, language: str) -> frozenset[str]:
        """Every name written in ``language``, whitespace normalized."""
        return frozenset(self._names.get(language, ()))

    def bodies(self, language: str) -> frozenset[str]:
        """Names of bodies written in ``language``: "Conference on Disarmament" is no meeting."""
        return frozenset(self._bodies.get(language, ()))

    def series_names(self, language: str) -> dict[str, str]:
        """Names of meeting series without their ordinal ("Congrès des Nations Unies pour la prévention du
        crime …"), each with the kind of its meetings: an ordinal before one names a meeting."""
        return dict(self._series.get(language, {}))

    def is_instrument(self, title: str) -> bool:
        return normalize_name(title) in self._instruments

    def openers(self, language: str) -> frozenset[str]:
        """The stems of the first words of instrument names in a declining language ("Венск" of "Венская
        декларация …"): where a declined title may start though no head word opens it."""
        out = set()
        for key in self._stems:
            if key[0] == language:
                first = self._stems[key].split(" ")[0]
                stem = word_stem(first, language)
                if stem and len(stem) >= 4 and stem[:1].isupper():
                    out.add(stem)
        return frozenset(out)

    def known_instrument(self, title: str, language: str) -> str | None:
        """The authority's name for ``title``: itself, itself without words a text adds ("la Déclaration
        et le Programme d’action …"), or the one label with its stems ("Договору о …" → "Договор о …")."""
        if self.is_instrument(title):
            return title
        bare = dropped(title, language)
        if bare is not None and self.is_instrument(bare):
            return bare
        key = stem_key(title, language)
        return self._stems.get((language, key)) if key is not None else None


def _apostrophes(name: str) -> set[str]:
    """A name with either apostrophe: labels write "droits de l'homme", texts "droits de l’homme" (A/RES/55/79)."""
    return {name, name.replace("'", "’"), name.replace("’", "'")}


@cache
def gazetteer() -> Gazetteer:
    """The shipped authority data's names, built once per process."""
    return Gazetteer(authority())
