"""Immutable records passed between the stages: Document → Mention → Reference.

Every offset is a character offset into ``Document.text``, the text exactly as read, so a
user can always slice the source to see what was found.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

# Per-document lookup tables, keyed by the (immutable) document's id; a handful are kept.
_BLOCK_INDEX: dict[int, Any] = {}


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph-like unit of the document: header, PPn, OPn, FNn or ANNEX."""

    id: str
    start: int
    end: int
    opener: str = ""  # the opening verb phrase as written ("又回顾", "Taking note with appreciation of")
    function: str = ""  # normalized citation function ("recalls")
    marks: tuple[tuple[int, int, str], ...] = ()  # footnote marks inside: (start, end, footnote number)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the header says about the document itself."""

    symbol: str | None = None
    body: str | None = None
    date: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    adopted_on_report: str | None = None
    title: str | None = None
    report_span: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its text, language, header metadata and block structure."""

    source: str
    text: str
    language: str
    flat: str  # same length as ``text``: markup, page furniture and line breaks blanked out
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``; a footnote wins over the paragraph it interrupts."""
        notes, paragraphs = self._index()
        for blocks in (notes, paragraphs):
            i = bisect.bisect_right(blocks[0], offset) - 1
            if i >= 0 and offset < blocks[1][i].end:
                return blocks[1][i]
        return None

    def _index(self) -> tuple[tuple[list[int], list[Block]], tuple[list[int], list[Block]]]:
        """Blocks sorted by start, footnotes apart (they lie inside paragraphs); built once."""
        cached = _BLOCK_INDEX.get(id(self))
        if cached is None or cached[0] is not self:
            notes = sorted((b for b in self.blocks if b.id.startswith("FN")), key=lambda b: b.start)
            rest = sorted((b for b in self.blocks if not b.id.startswith("FN")), key=lambda b: b.start)
            cached = (self, ([b.start for b in notes], notes), ([b.start for b in rest], rest))
            _BLOCK_INDEX.clear() if len(_BLOCK_INDEX) > 64 else None
            _BLOCK_INDEX[id(self)] = cached
        return cached[1], cached[2]

    def markers(self, footnote: str) -> list[Block]:
        """The paragraphs that carry the mark of footnote ``footnote`` ("3")."""
        return [b for b in self.blocks if any(m[2] == footnote for m in b.marks)]


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names something citable, as found; nothing resolved yet.

    ``parts`` holds the raw pieces the finder read (number, organ, ordinal, place, dates …) so
    that resolving never has to re-parse the text.
    """

    kind: str
    start: int
    end: int
    text: str
    parts: tuple[tuple[str, str], ...] = ()

    def part(self, name: str, default: str = "") -> str:
        for key, value in self.parts:
            if key == name:
                return value
        return default


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention resolved to its canonical target, with where it stands and how it is cited."""

    kind: str
    id: str
    uri: str
    label: dict[str, str]
    text: str
    start: int
    end: int
    paragraph: str
    function: str
    resolved: bool = True
    via: str = ""  # the paragraph that carries the footnote mark, for references inside footnotes
    details: tuple[tuple[str, str], ...] = ()  # place, start/end dates, ordinal … for meetings

    def as_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "id": self.id,
            "uri": self.uri,
            "label": dict(self.label),
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "paragraph": self.paragraph,
            "function": self.function,
        }
        if not self.resolved:
            data["resolved"] = False
        if self.via:
            data["via"] = self.via
        if self.details:
            data["event"] = dict(self.details)  # place, start, end, ordinal of a meeting
        return data


@dataclass(frozen=True, slots=True)
class Relation:
    subject: str
    predicate: str
    object: str

    def as_json(self) -> dict[str, str]:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one document: the extraction output contract."""

    document: Document
    references: tuple[Reference, ...]
    relations: tuple[Relation, ...]
    problems: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        meta = self.document.metadata
        return {
            "source": self.document.source,
            "document": {
                "symbol": meta.symbol,
                "language": self.document.language,
                "body": meta.body,
                "date": meta.date,
                "session": meta.session,
                "agenda_item": meta.agenda_item,
                "adopted_on_report": meta.adopted_on_report,
                "title": meta.title,
            },
            "references": [r.as_json() for r in self.references],
            "relations": [r.as_json() for r in self.relations],
            "problems": list(self.problems),
        }
