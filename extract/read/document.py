"""From a file or a string to a ``Document``: decode, identify the language, read header and structure."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from instrumap.extract.errors import InputError
from instrumap.extract.lexicon import load_data, supported_languages
from instrumap.extract.read.formats import read_source
from instrumap.extract.read.header import read_header, shifted
from instrumap.extract.read.language import detect_language, fallback_language
from instrumap.extract.read.layout import flat_view, furniture_spans
from instrumap.extract.read.ocr import repaired
from instrumap.extract.read.structure import document_span, read_structure
from instrumap.extract.read.variants import as_read
from instrumap.extract.records import Document
from instrumap.extract.symbols import symbol_from_source, symbol_kind


def parse_text(text: str, source: str = "<text>", language: str | None = None) -> Document:
    """Read a document's text as given; ``language`` overrides detection."""
    if not text.strip():
        raise InputError(source, "empty file")
    problems: tuple[str, ...] = ()
    if language is None:
        language = detect_language(text)
        if language is None:
            language = fallback_language(text)
            if language is None:
                raise InputError(source, "language not recognized (expected one of ar, zh, en, fr, ru, es)")
            name = load_data("languages")["names"].get(language, language)
            problems = (f"language not recognized (text too short): read as {name}; --language sets it",)
    if language not in supported_languages():
        name = load_data("languages")["names"].get(language, language)
        supported = ", ".join(supported_languages())
        raise InputError(source, f"{name} ({language}) documents are not supported yet (supported: {supported})")
    # Read in the lexicon's script (traditional Chinese as simplified), same offsets; the text stays as given.
    seen = as_read(text, language)
    start, end = document_span(seen, language, source)
    header = read_header(seen, language) if start == 0 else shifted(read_header(seen[start:end], language), start)
    if header.metadata.symbol is None and (named := symbol_from_source(source)) is not None:
        header = replace(header, metadata=replace(header.metadata, symbol=named, kind=symbol_kind(named)))
    symbol = header.metadata.symbol
    furniture = furniture_spans(seen, symbol, header.end)
    flat = repaired(flat_view(seen, furniture), language)
    structure = read_structure(seen[:end], flat[:end], language, header.end, symbol, furniture, header.metadata.framed)
    return Document(
        source=source,
        text=text,
        language=language,
        flat=flat,
        metadata=header.metadata,
        blocks=structure.blocks,
        problems=problems,
    )


def read_document(path: str | Path, language: str | None = None, data: bytes | None = None) -> Document:
    """Read and parse one document from disk (text, PDF, DOCX, DOC or HTML); ``data`` if already read."""
    return parse_text(read_source(path, data), str(path), language)
