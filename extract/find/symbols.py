"""Finding UN document symbols in running text and footnotes (``A/58/222``, ``E/CN.15/2003/3``).

The anchors are the symbol series followed by a slash ("A/", "E/", "CEDAW/"); the full symbol
pattern (``extract.symbols``) is tried only there.
"""

from __future__ import annotations

from collections.abc import Iterator

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon
from instrumap.extract.records import Citation, Mention, SymbolCite
from instrumap.extract.symbols import (
    first_components,
    is_document_symbol,
    normalize_symbol,
    symbol_kind,
    symbol_pattern,
)


def _anchor_words(_lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"symbols": [f"{series}/" for series in first_components()]}


def find_symbols(scan: Scan) -> Iterator[Mention]:
    """Every document symbol; ``A/RES/…`` symbols come out as resolutions, ``…/DEC/…`` as decisions."""
    pattern = symbol_pattern()
    flat = scan.flat
    done = -1
    for at in scan.flat_starts("symbols"):
        if at < done:
            continue
        match = pattern.match(flat, at)
        if match is None:
            continue
        done = match.end()
        raw = match.group(0)
        symbol = normalize_symbol(raw)
        if not is_document_symbol(symbol):
            continue
        text = raw.rstrip(".,;:")
        kind = symbol_kind(symbol)
        payload = SymbolCite(symbol) if kind == "document" else Citation(form="symbol", symbol=symbol)
        yield Mention(kind, match.start(), match.start() + len(text), text, payload)


SYMBOLS = register(Finder("symbols", _anchor_words, find_symbols))
