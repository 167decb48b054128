"""The small public API: read a document, extract its references, score against gold."""

from __future__ import annotations

from pathlib import Path

from instrumap.extract.document import parse_text, read_document
from instrumap.extract.pipeline import extract_document
from instrumap.extract.records import Document, Extraction


def extract(source: str | Path | Document, *, language: str | None = None) -> Extraction:
    """References and relations of a document given as a path, or as a read ``Document``.

    >>> extract("A_RES_58_140.zh.txt").references[0].id  # doctest: +SKIP
    'A/58/499'
    """
    document = source if isinstance(source, Document) else read_document(source, language)
    return extract_document(document)


def extract_text(text: str, *, language: str | None = None, source: str = "<text>") -> Extraction:
    """References and relations of a document given as text."""
    return extract_document(parse_text(text, source, language))
