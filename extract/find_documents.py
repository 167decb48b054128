"""Finding UN document symbols in running text and footnotes (``A/58/222``, ``E/CN.15/2003/3``)."""

from __future__ import annotations

from collections.abc import Iterator

from instrumap.extract.records import Mention
from instrumap.extract.symbols import SYMBOL, is_document_symbol, normalize_symbol, symbol_kind


def find_documents(flat: str, begin: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Every document symbol; ``A/RES/…`` symbols come out as resolutions, ``…/DEC/…`` as decisions."""
    end = len(flat) if end is None else end
    for match in SYMBOL.finditer(flat, begin, end):
        raw = match.group(0)
        symbol = normalize_symbol(raw)
        if not is_document_symbol(symbol):
            continue
        yield Mention(
            kind=symbol_kind(symbol),
            start=match.start(),
            end=match.start() + len(raw.rstrip(".,;:")),
            text=raw.rstrip(".,;:"),
            parts=(("symbol", symbol),),
        )
