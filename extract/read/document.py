"""From a file or a string to a ``Document``: decode, identify the language, read header and structure."""

from __future__ import annotations

from pathlib import Path

from instrumap.extract.errors import InputError
from instrumap.extract.lexicon import load_data, supported_languages
from instrumap.extract.read.formats import read_source
from instrumap.extract.read.header import read_header
from instrumap.extract.read.language import detect_language
from instrumap.extract.read.layout import flat_view, furniture_spans
from instrumap.extract.read.structure import read_structure
from instrumap.extract.records import Document


def parse_text(text: str, source: str = "<text>", language: str | None = None) -> Document:
    """Read a document's text as given; ``language`` overrides detection."""
    if not text.strip():
        raise InputError(source, "empty file")
    if language is None:
        language = detect_language(text)
        if language is None:
            raise InputError(source, "language not recognized (expected one of ar, zh, en, fr, ru, es)")
    if language not in supported_languages():
        name = load_data("languages")["names"].get(language, language)
        supported = ", ".join(supported_languages())
        raise InputError(source, f"{name} ({language}) documents are not supported yet (supported: {supported})")
    header = read_header(text, language)
    symbol = header.metadata.symbol
    furniture = furniture_spans(text, symbol, header.end)
    flat = flat_view(text, furniture)
    structure = read_structure(text, flat, language, header.end, symbol, furniture)
    return Document(
        source=source,
        text=text,
        language=language,
        flat=flat,
        metadata=header.metadata,
        blocks=structure.blocks,
    )


def read_document(path: str | Path, language: str | None = None, data: bytes | None = None) -> Document:
    """Read and parse one document from disk (text, PDF, DOCX, DOC or HTML); ``data`` if already read."""
    return parse_text(read_source(path, data), str(path), language)
