"""Finding UN document symbols in running text and footnotes (``A/58/222``, ``E/CN.15/2003/3``).

The anchors are the symbol series followed by a slash ("A/", "E/", "CEDAW/"); the full symbol
pattern (``extract.symbols``) is tried only there. A joint symbol (``A/54/546-S/1999/1123``) is one
mention per document; an OCR slip for the S of a Security Council symbol (``$/24795``) counts only
beside a real ``S/`` symbol.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import cache

import regex

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, alternation, load_data
from instrumap.extract.records import Citation, Mention, SymbolCite
from instrumap.extract.symbols import (
    SYMBOL_COMPONENT,
    first_components,
    is_document_symbol,
    joint_parts,
    normalize_symbol,
    ocr_series,
    symbol_kind,
    symbol_pattern,
)

# A symbol a line break split after its series: "his explanatory statement … (S/\n12869)" (S/RES/435 (1978)).
_BROKEN_AT_SLASH = re.compile(r"[ASE]/[ ](?=\d{3,5}\b(?!/))\d{3,5}")
_OCR_NEIGHBOUR = 300  # characters either side where a real S/ symbol vouches for "$/24795"
_REAL_S = re.compile(r"(?<![A-Za-z0-9/.\-])S/\d")
_OCR_NUMBER = re.compile(r"\d{4,5}")


def _anchor_words(_lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {
        "symbols": [f"{series}/" for series in (*first_components(), *ocr_series())],
        "document_words": [spelled for word in _document_words() for spelled in (word, word.capitalize())],
    }


def _document_words() -> list[str]:
    return list(load_data("common")["symbols"]["document_words"])


def find_symbols(scan: Scan) -> Iterator[Mention]:
    """Every document symbol; ``A/RES/…`` symbols come out as resolutions, ``…/DEC/…`` as decisions."""
    pattern = symbol_pattern()
    flat = scan.flat
    done = -1
    for at in scan.flat_starts("symbols"):
        if at < done:
            continue
        match = pattern.match(flat, at) or _BROKEN_AT_SLASH.match(flat, at)
        if match is None:
            continue
        done = match.end()
        for offset, raw in joint_parts(match.group(0)):
            mention = _symbol_mention(flat, match.start() + offset, raw)
            if mention is not None:
                yield from _with_addenda(flat, mention, done)
    yield from _other_series(scan, pattern)


# A symbol of a series the data does not list, after the word "document": "document CBD/COP/15/17" (the
# Convention on Biological Diversity's, A/RES/79/1), "document ICC-ASP/20/Res.5". Two slashes and a digit.
@cache
def _other_series_pattern() -> re.Pattern[str]:
    """The word "document" (any of ``document_words``, capitalized or not), then a symbol of any series."""
    words = alternation(_document_words())
    return re.compile(rf"(?i:{words})[ ]+([A-Z][A-Z0-9]{{1,9}}(?:-[A-Z]{{1,6}})?(?:/{SYMBOL_COMPONENT}){{2,8}})")


# A document's own number among the components ("/17", "/Rev.1", "/Res.5"), not only a year ("HIV/AIDS/2020").
_SHORT_NUMBER = re.compile(r"/(?:[A-Za-z]{1,4}\.)?\d{1,3}(?![\d])")


def _other_series(scan: Scan, known: regex.Pattern[str]) -> Iterator[Mention]:
    """Symbols of other series named as documents (the listed series are the main scan's)."""
    flat = scan.flat
    for at in scan.flat_starts("document_words"):
        m = _other_series_pattern().match(flat, at)  # the document word, then the symbol
        if m is None or (at > 0 and flat[at - 1].isalnum()) or known.match(flat, m.start(1)):
            continue
        raw = m.group(1).rstrip(".-")
        if _SHORT_NUMBER.search(raw) and not flat[m.start(1) + len(raw) : m.start(1) + len(raw) + 1].isalnum():
            yield Mention("document", m.start(1), m.start(1) + len(raw), raw, SymbolCite(normalize_symbol(raw)))


# Addenda written after a symbol ("(A/69/L.65 and Add.1)": A/RES/69/292) or as a range ("S/8248/Add.7-9":
# S/RES/244 (1967)): each is a document of its own. A corrigendum ("A/64/440 and Corr.1") only mends the
# document it follows and is not cited apart.
@cache
def _more_parts() -> re.Pattern[str]:
    """ "… and Add.1", "… et Add.1", "…和Add.1": the words joining an addendum, from ``common.toml``."""
    joiners = alternation(load_data("common")["symbols"]["addendum_joiners"])
    # A corrigendum in the list is passed over: "E/CN.4/2003/85 and Add.1 and Add.1/Corr.1, Add.2" (A/RES/58/143).
    part = r"(?:(?P<part>Add)|Corr)\.(?P<first>\d{1,2})(?:[–-](?P<last>\d{1,2}))?(?P<corrigendum>/Corr\.\d{1,2})?\b"
    return re.compile(rf"(?:[ ]*[,，、][ ]*|[ ]*(?:{joiners})[ ]*){part}")


_RANGE = re.compile(r"/(?P<part>Add)\.(?P<first>\d{1,2})[–-](?P<last>\d{1,2})$")


def _with_addenda(flat: str, mention: Mention, end: int) -> Iterator[Mention]:
    """The mention, then one per addendum or corrigendum its symbol's range or the words after it name."""
    if mention.kind != "document":
        yield mention
        return
    symbol = mention.payload.symbol  # type: ignore[union-attr]
    ranged = _RANGE.search(symbol)
    base = symbol[: ranged.start()] if ranged else re.sub(r"/Add\.\d+$", "", symbol)
    if ranged is None:
        yield mention
    parts = [(mention.start, mention.end, ranged)] if ranged else []
    at = end if mention.end >= end - 1 else -1
    while at >= 0 and (more := _more_parts().match(flat, at)) is not None:
        if more.group("part") and not more.group("corrigendum"):
            parts.append((more.start("part"), more.end(), more))
        at = more.end()
    for start, stop, part in parts:
        last = int(part["last"] or part["first"])
        for number in range(int(part["first"]), min(last, int(part["first"]) + 9) + 1):
            named = f"{base}/{part['part']}.{number}"
            yield replace(mention, start=start, end=stop, text=flat[start:stop], payload=SymbolCite(named))


def _symbol_mention(flat: str, start: int, raw: str) -> Mention | None:
    symbol = normalize_symbol(raw)
    if not is_document_symbol(symbol) and not (_SHORT.fullmatch(symbol) and _named_document(flat, start)):
        return None
    series, _, rest = raw.partition("/")
    if series in ocr_series() and not (_vouched(flat, start, rest) or _named_document(flat, start)):
        return None
    text = raw.rstrip(".,;:")
    kind = symbol_kind(symbol)
    payload = SymbolCite(symbol) if kind == "document" else Citation(form="symbol", symbol=symbol)
    return Mention(kind, start, start + len(text), text, payload)


# The first documents of a numbered series: "(document S/24)", "(document S/25)" (S/RES/3 (1946)).
_SHORT = re.compile(r"[A-Z]{1,2}/\d{1,2}")


@cache
def _document_word() -> re.Pattern[str]:
    """The word "document" just before a symbol (``common.toml [symbols] document_words``): it vouches for a
    series' first numbers ("document S/24") and for an OCR series letter ("document s/3140": S/RES/101 (1953))."""
    words = alternation(_document_words())
    return re.compile(rf"(?<!\w){words}[ ]+$", re.I)


def _named_document(flat: str, start: int) -> bool:
    return _document_word().search(flat, max(0, start - 24), start) is not None


def _vouched(flat: str, start: int, number: str) -> bool:
    """An OCR series letter is read as S only for a bare four- or five-digit number beside a real S/ symbol."""
    if _OCR_NUMBER.fullmatch(number) is None:
        return False
    window = flat[max(0, start - _OCR_NEIGHBOUR) : start + _OCR_NEIGHBOUR]
    return _REAL_S.search(window) is not None


SYMBOLS = register(Finder("symbols", _anchor_words, find_symbols))
