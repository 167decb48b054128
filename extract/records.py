"""Immutable records passed between the stages: Document → Mention → Reference.

Every offset is a character offset into ``Document.text``, the text exactly as read, so a user can
always slice the source to see what was found. Each mention carries a typed payload (what its finder
read: a number and the organ words around it, a title, a meeting's place and dates …), so resolving
never re-parses the text; each reference carries everything the graph needs (target IRI, evidence
sentence), so building the graph is a pure translation.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

Labels = Mapping[str, str]  # language → label, read-only (a MappingProxyType)


def labels(values: Mapping[str, str] | None = None, /, **by_language: str) -> Labels:
    """A read-only label mapping: ``labels({"en": …})`` or ``labels(en=…, zh=…)``."""
    return MappingProxyType({**(values or {}), **by_language})


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
    kind: str = "document"  # resolution, decision or document, from the symbol's shape
    body: str | None = None
    date: str | None = None
    session: int | None = None
    agenda_item: str | None = None
    adopted_on_report: str | None = None
    title: str | None = None
    report_span: tuple[int, int] | None = None  # where the header cites: the report adopted on, or a report's basis

    @property
    def framed(self) -> bool:
        """Whether the text has a resolution's frame (its organ's opening line, or a resolution's or decision's
        symbol): a report, a general comment or a decision on a complaint has not (its paragraphs are P1 …)."""
        return self.body is not None or self.kind != "document"


@dataclass(frozen=True, slots=True)
class Document:
    """A read document: its text, language, header metadata and block structure."""

    source: str
    text: str
    language: str
    flat: str  # same length as ``text``: markup, page furniture and line breaks blanked out
    metadata: Metadata = field(default_factory=Metadata)
    blocks: tuple[Block, ...] = ()
    problems: tuple[str, ...] = ()  # what reading had to guess ("language not recognized: read as English")
    _notes: tuple[list[int], list[Block]] = field(init=False, repr=False, compare=False)
    _paragraphs: tuple[list[int], list[Block]] = field(init=False, repr=False, compare=False)
    _marked_by: dict[str, list[Block]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """Blocks sorted by start, footnotes apart (they lie inside paragraphs), for ``block_at``."""
        notes = sorted((b for b in self.blocks if b.id.startswith("FN")), key=lambda b: b.start)
        rest = sorted((b for b in self.blocks if not b.id.startswith("FN")), key=lambda b: b.start)
        object.__setattr__(self, "_notes", ([b.start for b in notes], notes))
        object.__setattr__(self, "_paragraphs", ([b.start for b in rest], rest))
        marked: dict[str, list[Block]] = {}
        for block in self.blocks:
            for number in dict.fromkeys(m[2] for m in block.marks):
                marked.setdefault(number, []).append(block)
        object.__setattr__(self, "_marked_by", marked)

    def block_at(self, offset: int) -> Block | None:
        """The block containing ``offset``; a footnote wins over the paragraph it interrupts."""
        for starts, blocks in (self._notes, self._paragraphs):
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < blocks[i].end:
                return blocks[i]
        return None

    def markers(self, footnote: str) -> list[Block]:
        """The paragraphs that carry the mark of footnote ``footnote`` ("3")."""
        return list(self._marked_by.get(footnote, ()))

    @property
    def header(self) -> Block | None:
        return next((b for b in self.blocks if b.id == "HEADER"), None)


# ---- What finders read: one payload type per finder family --------------------------------------


@dataclass(frozen=True, slots=True)
class Citation:
    """A resolution or decision number and the organ words around it; the organ is decided later.

    ``organ`` is a symbol series ("E"), ``self`` for "its"/“其” or ``?`` for a bare "the Council";
    ``organs`` every organ named before, nearest first; ``antecedent`` what "its" may stand for.
    """

    number: str = ""
    form: str = ""  # session 57/173 · year 2003/24 · sc 1373 (2001) · roman 2200 A (XXI) · special ES-10/2
    organ: str = ""
    organs: tuple[str, ...] = ()
    antecedent: str = ""
    symbol: str = ""  # written as a full symbol: A/RES/55/25
    body: str = ""  # the issuing body as written, when it is no UN organ ("Conference of the Parties to …")


@dataclass(frozen=True, slots=True)
class SymbolCite:
    """A UN document symbol as written, normalized: ``A/58/499``."""

    symbol: str


@dataclass(frozen=True, slots=True)
class Title:
    """An instrument's title; ``base`` is the instrument a plan of action implements."""

    title: str
    base: str = ""


@dataclass(frozen=True, slots=True)
class Event:
    """Where, when and which of a meeting, as the text says it (ISO dates)."""

    ordinal: str = ""
    place: str = ""
    start: str = ""
    end: str = ""

    def merged(self, other: Event) -> Event:
        """This event, with the facts it lacks taken from ``other``."""
        return Event(*(mine or theirs for mine, theirs in zip(self.fields(), other.fields(), strict=True)))

    def fields(self) -> tuple[str, str, str, str]:
        return (self.ordinal, self.place, self.start, self.end)

    def __bool__(self) -> bool:
        return any(self.fields())

    def as_json(self) -> dict[str, str]:
        names = ("ordinal", "place", "start", "end")
        return {name: value for name, value in zip(names, self.fields(), strict=True) if value}


NO_EVENT = Event()


@dataclass(frozen=True, slots=True)
class MeetingName:
    """A meeting's name, what the text says of it, and whose meeting it is."""

    title: str
    event: Event = NO_EVENT
    parties: bool = False  # a conference of the parties to a convention
    first_session: bool = False
    organ: str = ""  # the organ word of a numbered session ("大会第五十八届会议")


@dataclass(frozen=True, slots=True)
class BackReference:
    """ "the Convention", 《公约》: points back to the last instrument of ``target`` kind."""

    target: str


@dataclass(frozen=True, slots=True)
class ProtocolsOf:
    """ "its Protocols", “及其议定书”: the protocols of the last convention named, or of the instrument
    ``of`` names ("the Optional Protocols to the International Covenant on Civil and Political Rights")."""

    of: str = ""


@dataclass(frozen=True, slots=True)
class CommentCite:
    """A treaty body's general comment or recommendation: its kind, number, year, and the committee as written."""

    kind: str  # "general comment", "general recommendation"
    number: str
    year: str = ""
    body: str = ""  # "Committee on the Elimination of Discrimination against Women", "CEDAW", "Committee" or ""


@dataclass(frozen=True, slots=True)
class RulesCite:
    """A body's rules of procedure: provisional or not, the body as written after them, or the organ a
    possessive before them stands for ("its", "the Committee's"; empty: the citing body's own)."""

    provisional: bool
    body: str = ""  # "the General Assembly", "Совета Безопасности", or ""
    series: str = ""  # the organ "its" points back to ("S"), when one is named before it


@dataclass(frozen=True, slots=True)
class StatementCite:
    """A statement by the President of the Security Council named by its date (before S/PRST symbols)."""

    date: str  # "1982-04-01"
    written: str  # "1 April 1982", as the label writes it
    consensus: bool = False


Payload = (
    Citation | SymbolCite | Title | MeetingName | BackReference | ProtocolsOf | CommentCite | RulesCite | StatementCite
)


@dataclass(frozen=True, slots=True)
class Mention:
    """A span that names something citable, as found; nothing resolved yet."""

    kind: str
    start: int
    end: int
    text: str
    payload: Payload


# ---- What resolving decides ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Target:
    """A canonical node: a UN document, an authority entry, or a node of its own (unresolved)."""

    kind: str
    id: str
    uri: str
    label: Labels
    resolved: bool = True
    event: Event = NO_EVENT
    described: bool = False  # the authority graph already describes it: documents only point to it


@dataclass(frozen=True, slots=True)
class Reference:
    """A mention resolved to its target, with where it stands, how it is cited, and its evidence."""

    target: Target
    text: str
    start: int
    end: int
    paragraph: str
    function: str
    via: str = ""  # the paragraph that carries the footnote mark, for references inside footnotes
    evidence: str = ""  # the sentence around the mention, tidied: what a reader checks
    pinpoint: str = ""  # the provision cited inside the target: "OP11(j)", "Art.2", "Ch.VII" (comma-separated)

    @property
    def kind(self) -> str:
        return self.target.kind

    @property
    def id(self) -> str:
        return self.target.id

    @property
    def uri(self) -> str:
        return self.target.uri

    @property
    def label(self) -> Labels:
        return self.target.label

    @property
    def resolved(self) -> bool:
        return self.target.resolved

    @property
    def event(self) -> Event:
        return self.target.event

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
        if self.pinpoint:
            data["pinpoint"] = self.pinpoint
        if self.event:
            data["event"] = self.event.as_json()
        return data


@dataclass(frozen=True, slots=True)
class Relation:
    """A fact the text states between two targets, with both ends' IRIs."""

    subject: str
    predicate: str
    object: str
    subject_uri: str = ""
    object_uri: str = ""

    def as_json(self) -> dict[str, str]:
        return {"subject": self.subject, "predicate": self.predicate, "object": self.object}


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything found in one document: the extraction output contract."""

    document: Document
    references: tuple[Reference, ...]
    relations: tuple[Relation, ...]
    problems: tuple[str, ...] = ()
    creator: str = ""  # the IRI of the body that issued the document, when the authority knows it

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
