"""UN document symbols and resolution numbers: recognizing them and writing them one way.

``A/58/499``, ``A/53/500/Add.1``, ``S/PRST/1994/16``, ``E/CN.15/2003/3``, ``A/CONF.187/4``, the old
numbered series ``S/24795``; never ``HIV/AIDS`` (no known series), ``24/7`` (no series, one slash).
Which series exist, which take a bare number, and the OCR slips that are mended all come from
``common.toml [symbols]``.
"""

from __future__ import annotations

import re
from functools import cache

import regex

from instrumap.extract.lexicon import load_data

SYMBOL_COMPONENT = r"[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*"
_PART = re.compile(r"\s*\(Part [IVX]+\)$")


@cache
def _symbol_data() -> dict[str, object]:
    return dict(load_data("common")["symbols"])


@cache
def first_components() -> tuple[str, ...]:
    """The first components of symbol series ("A", "CEDAW"), longest first, from ``common.toml``."""
    series = sorted({s.split("/")[0] for s in _symbol_data()["series"]}, key=len, reverse=True)  # type: ignore[attr-defined]
    return tuple(s for s in series if re.fullmatch(r"[A-Z]+", s))


@cache
def ocr_series() -> dict[str, str]:
    """Characters OCR reads for a series letter ("$/24795", "8/24795" → ``S``), from ``common.toml``."""
    return dict(_symbol_data().get("ocr_series", {}))  # type: ignore[call-overload]


@cache
def symbol_pattern() -> regex.Pattern[str]:
    """Compiled with the ``regex`` module, which runs this alternation-with-lookbehind 20× faster than ``re``.

    Only ASCII bounds the symbol, so that a symbol glued to Chinese text (“日S/PRST/2014/28号”) is found;
    a part suffix (``A/CONF.189/12 (Part I)``) is matched with it and dropped by ``normalize_symbol``.
    """
    series = [*first_components(), *ocr_series()]
    alternatives = "|".join(re.escape(s) for s in sorted(series, key=len, reverse=True))
    return regex.compile(
        # A PDF's text may put a space after each slash ("S/ PRST/ 2005/ 17": S/RES/1680 (2006) ar).
        rf"(?<![A-Za-z0-9/.\-$])(?:{alternatives})(?:/ ?{SYMBOL_COMPONENT})+"
        rf"(?:\s?\(\d{{4}}\))?(?:\s\(Part [IVX]+\))?(?![A-Za-z0-9/])"
    )


@cache
def _joint_split() -> re.Pattern[str]:
    """Where a joint symbol divides: a hyphen before another series ("A/54/546-S/1999/1123")."""
    return re.compile(rf"-(?=(?:{'|'.join(re.escape(s) for s in first_components())})/)")


def joint_parts(raw: str) -> list[tuple[int, str]]:
    """The documents of a joint symbol, each with its offset in ``raw``: ``A/47/308-E/1992/97`` is two."""
    parts, start = [], 0
    for cut in _joint_split().finditer(raw):
        parts.append((start, raw[start : cut.start()]))
        start = cut.end()
    parts.append((start, raw[start:]))
    return parts


@cache
def _ocr_fixes() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(p), r) for p, r in _symbol_data().get("ocr_fixes", {}).items())  # type: ignore[attr-defined]


def normalize_symbol(raw: str) -> str:
    """One spelling per symbol: no spaces, no part suffix, OCR slips mended (``Rey.1`` → ``Rev.1``),
    ``S/RES/1373(2001)``, ``A/RES/2200A(XXI)``, ``A/RES/57/270B``."""
    symbol = _PART.sub("", raw.strip().rstrip(".,;:"))
    symbol = re.sub(r"\s+", "", symbol)
    for pattern, replacement in _ocr_fixes():
        symbol = pattern.sub(replacement, symbol)
    head, slash, rest = symbol.partition("/")
    if head in ocr_series():
        symbol = ocr_series()[head] + slash + rest
    return symbol


def is_document_symbol(symbol: str) -> bool:
    """A symbol with two slashes and a digit (``A/58/499``, not ``A/B``), or a numbered series with its
    number (``S/24795``, ``SC/7791``: ``common.toml [symbols] numbered``), also behind a record prefix
    (``S/PV.7813``: ``numbered_prefixes``)."""
    if symbol.count("/") >= 2:
        return any(ch.isdigit() for ch in symbol)
    series, _, number = symbol.partition("/")
    if series not in _symbol_data().get("numbered", ()):  # type: ignore[operator]
        return False
    for prefix in _symbol_data().get("numbered_prefixes", ()):  # type: ignore[attr-defined]
        if number.startswith(prefix) and re.fullmatch(r"\d{1,5}", number[len(prefix) :]):
            return True
    return re.fullmatch(r"\d{3,5}", number) is not None


def resolution_symbol(series: str, number: str, kind: str = "resolution") -> str:
    """The symbol of a resolution or decision of the organ whose series is ``series``.

    ``("A", "57/173")`` → ``A/RES/57/173``; ``("S", "1373 (2001)")`` → ``S/RES/1373(2001)``;
    ``("A", "2200 A (XXI)")`` → ``A/RES/2200A(XXI)``; ``("E", "2007/253", "decision")`` → ``E/DEC/2007/253``.
    """
    part = "DEC" if kind == "decision" else "RES"
    return normalize_symbol(f"{series}/{part}/{number}")


def symbol_kind(symbol: str) -> str:
    """``resolution``, ``decision`` or ``document`` from the shape of a symbol."""
    if "/RES/" in symbol:
        return "resolution"
    if "/DEC/" in symbol:
        return "decision"
    return "document"


@cache
def _opening_names() -> str:
    """The Organization's name as a document's masthead writes it, in every language (an alternation)."""
    return "|".join(re.escape(n) for n in load_data("common")["symbols"]["opening"])


def opening_symbol(text: str) -> str | None:
    """The symbol a document opens with, alone or after the Organization's name (“联合国A/57/270大会”,
    "United Nations A/58/140", "S/RES/2446 (2018)"), or split by PDF conversion (``masthead_symbol``)."""
    first = re.match(rf"\s*(?:{_opening_names()})?\s*", text)
    own = symbol_pattern().match(text, first.end() if first else 0)
    return normalize_symbol(own.group(0)) if own else masthead_symbol(text)


@cache
def _masthead() -> tuple[re.Pattern[str], re.Pattern[str]]:
    names = _opening_names()
    split = re.compile(rf"\s*([A-Z]{{1,6}})[ \t]*\n\s*(?:{names})\s*(/\S+)")
    spaced = re.compile(rf"\s*(?:{names})?\s*([A-Z]{{1,6}})[ \t]+(/\S+)")
    return split, spaced


def masthead_symbol(text: str) -> str | None:
    """The document's own symbol from a masthead that PDF conversion split: the series letter on a line of its
    own before "United Nations" and the rest after it ("A\\nUnited Nations /RES/79/9", A/RES/79/9;
    "A\\nUnited Nations\\n/HRC/WG.6/33/BRN/2"), or a space before the first slash ("CAT /C/51/D/429/2010")."""
    for pattern in _masthead():
        m = pattern.match(text)
        if m and symbol_pattern().fullmatch(m.group(1) + m.group(2)):
            return normalize_symbol(m.group(1) + m.group(2))
    return None


_RES_IN_NAME = re.compile(r"^(?P<series>.+/RES)/(?P<number>\d{1,4})/(?P<year>\d{4}|[IVXL]+)$")


def symbol_from_source(source: str) -> str | None:
    """The symbol a file is named after, when its text prints none ("CEDAW_C_GC_35.en.txt": a general
    recommendation copied without its cover; "S_RES_244_1967.en.txt" → S/RES/244(1967)): the corpus
    convention of symbols with "_" for "/", and the language code before the extension."""
    stem = re.split(r"[\\/]", source)[-1].split(".txt")[0]
    stem = re.sub(r"\.(?:ar|zh|en|fr|ru|es)$", "", stem)
    candidate = stem.replace("_", "/")
    numbered = _RES_IN_NAME.match(candidate)
    if numbered is not None and candidate.split("/")[0] in first_components():
        return normalize_symbol(f"{numbered['series']}/{numbered['number']}({numbered['year']})")
    return normalize_symbol(candidate) if symbol_pattern().fullmatch(candidate) is not None else None
