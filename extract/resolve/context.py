"""What resolving one document knows: the citing organ, the authority data, what was resolved so far."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from instrumap.extract import symbols
from instrumap.extract.lexicon import canonical_language, lexicon, load_data
from instrumap.extract.read.paragraphs import opener_functions
from instrumap.extract.records import Block, Document, Mention, Reference
from instrumap.extract.symbols import normalize_symbol, symbol_pattern
from instrumap.ontology.authorities import Authority

# What "its Protocols" and a conference of the parties point back to.
CONVENTIONS = frozenset({"convention", "covenant"})


@dataclass
class Context:
    """The state of one document's resolution pass (each strategy reads it; ``resolve`` appends)."""

    document: Document
    authority: Authority
    own_series: str
    resolved: list[Reference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    _by_kind: dict[str, list[tuple[int, Reference]]] = field(default_factory=dict)

    def add(self, reference: Reference) -> None:
        """Record a resolved reference (in document order), indexed by kind for back-references."""
        self._by_kind.setdefault(reference.kind, []).append((len(self.resolved), reference))
        self.resolved.append(reference)

    @cached_property
    def own_symbols(self) -> frozenset[str]:
        """The citing document's own symbols: its metadata symbol and its running page heads."""
        text = self.document.text
        own = running_heads(text) | opening_symbol(text)
        return own | {self.document.metadata.symbol} if self.document.metadata.symbol else own

    def of_kind(self, kind: str) -> list[Reference]:
        return [ref for _, ref in self._by_kind.get(kind, ())]

    @property
    def language(self) -> str:
        return self.document.language

    def last(self, kinds: frozenset[str] | set[str], before: int) -> Reference | None:
        """The last reference of one of ``kinds`` resolved before offset ``before``."""
        best: tuple[int, Reference] | None = None
        for kind in kinds:
            refs = self._by_kind.get(kind, [])
            for j in range(len(refs) - 1, -1, -1):
                if refs[j][1].start < before:
                    if best is None or refs[j][0] > best[0]:
                        best = refs[j]
                    break
        return best[1] if best else None

    def problem(self, mention: Mention, what: str) -> None:
        self.problems.append(f"{mention.text!r} at {mention.start}: {what}")


def own_series(document: Document) -> str:
    """The symbol series of the citing document's organ: ``A/RES/58/140`` → ``A``."""
    symbol = document.metadata.symbol or ""
    for marker in ("/RES/", "/DEC/"):
        if marker in symbol:
            return symbol.split(marker)[0]
    series = lexicon(canonical_language()).organs.get(document.metadata.body or "", "?")
    return "A" if series == "?" else series  # the General Assembly when the header names no organ


def running_heads(text: str) -> frozenset[str]:
    """Symbols standing alone on two lines or more: the running head of a report's pages
    ("A/HRC/WG.6/29/BRB/3" on top of every page), which names the document itself, not a reference."""
    pattern = symbol_pattern()
    alone = Counter(
        normalize_symbol(line) for line in (raw.strip() for raw in text.splitlines()) if pattern.fullmatch(line)
    )
    return frozenset(symbol for symbol, count in alone.items() if count >= 2)


def opening_symbol(text: str) -> frozenset[str]:
    """The symbol a document opens with (``symbols.opening_symbol``): the document's own, not a reference."""
    own = symbols.opening_symbol(text)
    return frozenset({own}) if own else frozenset()


def fits(series: str, form: str) -> bool:
    """Whether an organ's resolutions take this number form (``common.toml`` [series_forms])."""
    return form in load_data("common")["series_forms"].get(series, ())


def placements(document: Document, mention: Mention, header: Block | None) -> list[tuple[str, str, str]]:
    """(paragraph, function, via) for a mention: a footnote's reference is credited to each paragraph marking it."""
    if header and mention.start < header.end:
        if not document.metadata.framed:
            return [("HEADER", "", "")]  # a report's cover: no adoption to speak of
        drafted = document.metadata.adopted_on_report is None
        return [("HEADER", "adopted_on_draft" if drafted else "adopted_on_report", "")]
    block = document.block_at(mention.start)
    if block is None:
        return []
    if not block.id.startswith("FN"):
        return [(block.id, function, "") for function in _functions(document, block)]
    markers = document.markers(block.id[2:])
    if not markers:
        return [(block.id, "", "")]
    return [(block.id, function, b.id) for b in markers for function in _functions(document, b)]


def _functions(document: Document, block: Block) -> tuple[str, ...]:
    """The block's function, and the second verb's of a compound opener ("Recalling and reaffirming")."""
    if not block.function:
        return ("",)
    rest = opener_functions(lexicon(document.language), block.opener)[1:]
    return (block.function, *rest)
