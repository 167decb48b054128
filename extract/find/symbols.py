"""Finding UN document symbols in running text and footnotes (``A/58/222``, ``E/CN.15/2003/3``).

The anchors are the symbol series followed by a slash ("A/", "E/", "CEDAW/"); the full symbol
pattern (``extract.symbols``) is tried only there. A joint symbol (``A/54/546-S/1999/1123``) is one
mention per document; an OCR slip for the S of a Security Council symbol (``$/24795``) counts only
beside a real ``S/`` symbol.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon
from instrumap.extract.records import Citation, Mention, SymbolCite
from instrumap.extract.symbols import (
    first_components,
    is_document_symbol,
    joint_parts,
    normalize_symbol,
    ocr_series,
    symbol_kind,
    symbol_pattern,
)

_OCR_NEIGHBOUR = 300  # characters either side where a real S/ symbol vouches for "$/24795"
_REAL_S = re.compile(r"(?<![A-Za-z0-9/.\-])S/\d")
_OCR_NUMBER = re.compile(r"\d{4,5}")


def _anchor_words(_lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"symbols": [f"{series}/" for series in (*first_components(), *ocr_series())]}


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
        for offset, raw in joint_parts(match.group(0)):
            mention = _symbol_mention(flat, match.start() + offset, raw)
            if mention is not None:
                yield mention


def _symbol_mention(flat: str, start: int, raw: str) -> Mention | None:
    symbol = normalize_symbol(raw)
    if not is_document_symbol(symbol):
        return None
    series, _, rest = raw.partition("/")
    if series in ocr_series() and not _vouched(flat, start, rest):
        return None
    text = raw.rstrip(".,;:")
    kind = symbol_kind(symbol)
    payload = SymbolCite(symbol) if kind == "document" else Citation(form="symbol", symbol=symbol)
    return Mention(kind, start, start + len(text), text, payload)


def _vouched(flat: str, start: int, number: str) -> bool:
    """An OCR series letter is read as S only for a bare four- or five-digit number beside a real S/ symbol."""
    if _OCR_NUMBER.fullmatch(number) is None:
        return False
    window = flat[max(0, start - _OCR_NEIGHBOUR) : start + _OCR_NEIGHBOUR]
    return _REAL_S.search(window) is not None


SYMBOLS = register(Finder("symbols", _anchor_words, find_symbols))
