"""The authority data: instruments, bodies and meetings with their labels, aliases and facts.

Kept as TOML in ``ontology/authority/`` (data, not code) and indexed once per process:
an alias → set-of-ids index (ambiguity stays visible, as in scispacy's linker) and, for
finders, the names themselves (``extract/find/gazetteer.py``).
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


_LINE_HYPHEN = re.compile(r"(?<=[^\W\d_])- (?=[^\W\d_])")


@lru_cache(maxsize=131072)
def normalize_name(name: str) -> str:
    """The key names are compared by: case, spacing, quotes, dashes and a leading "the" ignored."""
    text = unicodedata.normalize("NFKC", name)
    text = _QUOTES.sub("", text)
    text = text.replace("–", "-").replace("—", "-").replace("：", ":").replace("，", ",")
    text = " ".join(text.split()).strip().casefold()
    text = _LINE_HYPHEN.sub("-", text)  # a compound broken at a line end: "Nuclear-\nWeapon-Free" (A/RES/79/15)
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

    def meeting_in_series(self, series_id: str, ordinal: int) -> Entry | None:
        """The authority's numbered meeting of a series ("crime-congress", 11), if it lists one."""
        for entry in self.entries.values():
            if (
                entry.collection == "meeting"
                and entry.fact("series") == series_id
                and entry.fact("ordinal") == str(ordinal)
            ):
                return entry
        return None


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
