"""The authority data: instruments, bodies and meetings with their labels, aliases and facts.

Kept as TOML in ``ontology/authority/`` (data, not code) and indexed once per process:
an alias → set-of-ids index (ambiguity stays visible, as in scispacy's linker) and, for
English, an Aho-Corasick automaton over every label and alias so titles are found on the
raw text at C speed instead of through a 500-way regex alternation.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import ahocorasick

COLLECTIONS = {
    "instrument": "instrument",
    "body": "body",
    "meeting": "meeting",
    "series": "meeting",
    "process": "process",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One authority record (an instrument, a body, a meeting series or a meeting)."""

    id: str
    collection: str  # instrument, body, series, meeting
    kind: str
    labels: dict[str, str]
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    facts: dict[str, object] = field(default_factory=dict)

    def label(self, language: str = "en") -> str:
        return self.labels.get(language) or self.labels.get("en") or next(iter(self.labels.values()), self.id)

    def fact(self, name: str) -> str:
        value = self.facts.get(name)
        return "" if value is None else str(value)

    def names(self) -> Iterator[tuple[str, str]]:
        """Every (language, name) this entry is known by."""
        for language, label in self.labels.items():
            yield language, label
        for language, names in self.aliases.items():
            for name in names:
                yield language, name


_QUOTES = re.compile(r"[《》“”\"‘’'«»]")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff0-9]) (?=[\u3400-\u9fff0-9])")


@lru_cache(maxsize=131072)
def normalize_name(name: str) -> str:
    """The key names are compared by: case, spacing, quotes, dashes and a leading "the" ignored."""
    text = unicodedata.normalize("NFKC", name)
    text = _QUOTES.sub("", text)
    text = text.replace("–", "-").replace("—", "-").replace("：", ":").replace("，", ",")
    text = " ".join(text.split()).strip().casefold()
    text = text.removeprefix("the ")
    # Chinese is written without spaces; PDF conversions add some (“聚焦 2003”).
    return _CJK_SPACE.sub("", text) if " " in text else text


class Authority:
    """Indexed authority data; use ``authority()`` for the shared, loaded-once instance."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self.entries: dict[str, Entry] = {}
        self._index: dict[str, set[str]] = defaultdict(set)
        self._children: dict[str, list[str]] = defaultdict(list)
        for entry in entries:
            if entry.id in self.entries:
                raise ValueError(f"authority: duplicate id {entry.id!r}")
            self.entries[entry.id] = entry
            for _, name in entry.names():
                self._index[normalize_name(name)].add(entry.id)
            parent = entry.fact("supplements")
            if parent:
                self._children[parent].append(entry.id)
        self._automaton: ahocorasick.Automaton | None = None

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self.entries.get(entry_id)

    def lookup(self, name: str, collections: tuple[str, ...] = ()) -> list[Entry]:
        """Entries known by ``name`` (normalized), most specific collection first."""
        ids = self._index.get(normalize_name(name), set())
        found = [self.entries[i] for i in sorted(ids)]
        if collections:
            found = [e for e in found if e.collection in collections]
        return found

    def supplementing(self, parent_id: str) -> list[Entry]:
        """The protocols that supplement ``parent_id``, in file order."""
        return [self.entries[i] for i in self._children.get(parent_id, [])]

    def series_meeting(self, name: str, ordinal: int) -> Entry | None:
        """A numbered meeting of a known series, from the series' name and the ordinal."""
        for series in self.lookup(name, ("series",)):
            for entry in self.entries.values():
                if (
                    entry.collection == "meeting"
                    and entry.fact("series") == series.id
                    and (entry.fact("ordinal") == str(ordinal))
                ):
                    return entry
            labels = {}
            style = dict(series.facts.get("ordinal_style", {}))  # type: ignore[call-overload]
            for language, template in series.labels.items():
                word = _ordinal_word(ordinal, language, str(style.get(language, "Title")))
                if word and "{ordinal}" in template:
                    labels[language] = template.replace("{ordinal}", word)
            if labels:
                return Entry(f"{series.id}-{ordinal}", "meeting", series.kind, labels,
                             facts={"series": series.id, "ordinal": ordinal})  # fmt: skip
        return None

    def english_automaton(self) -> ahocorasick.Automaton:
        """Aho-Corasick over English labels and aliases of instruments and meetings (built once)."""
        if self._automaton is None:
            automaton = ahocorasick.Automaton()
            for entry in self.entries.values():
                if entry.collection not in ("instrument", "meeting", "process"):
                    continue
                for language, name in entry.names():
                    if language != "en" or "{" in name or len(name) < 4:
                        continue
                    key = " ".join(name.strip().split())
                    automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton


def _ordinal_word(ordinal: int, language: str, style: str = "Title") -> str:
    """The ordinal as a series template wants it: "Tenth" / "tenth" / "十"."""
    from instrumap.extract.naming import chinese_ordinal_word, english_ordinal_word

    if ordinal <= 0:
        return ""
    if language == "en":
        word = english_ordinal_word(ordinal)
        return word if style == "lower" else word[:1].upper() + word[1:]
    if language == "zh":
        return chinese_ordinal_word(ordinal)
    return ""


def _entries(collection: str, table: dict[str, object]) -> Entry:
    labels = dict(table.get("label", {}))  # type: ignore[arg-type]
    aliases = {k: tuple(v) for k, v in dict(table.get("aliases", {})).items()}  # type: ignore[arg-type]
    facts = {k: v for k, v in table.items() if k not in ("id", "kind", "label", "aliases")}
    return Entry(str(table["id"]), collection, str(table.get("kind", collection)), labels, aliases, facts)


def load_entries() -> Iterator[Entry]:
    """Every record of the TOML files shipped in ``ontology/authority/``."""
    folder = resources.files("instrumap.ontology.authority")
    files = (("instruments.toml", "instrument", "instrument"), ("bodies.toml", "body", "body"),
             ("meetings.toml", "series", "series"), ("meetings.toml", "meeting", "meeting"),
             ("meetings.toml", "process", "process"))  # fmt: skip
    for filename, key, collection in files:
        resource = folder.joinpath(filename)
        if not resource.is_file():
            continue
        with resource.open("rb") as fh:
            data = tomllib.load(fh)
        for table in data.get(key, []):
            yield _entries(collection, table)


def entry_collection(entry: Entry) -> str:
    return COLLECTIONS[entry.collection]


@cache
def authority() -> Authority:
    """The shipped authority data, loaded once per process."""
    return Authority(load_entries())
