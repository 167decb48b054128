"""The extraction pipeline for one document: find mentions, resolve them, state relations."""

from __future__ import annotations

from instrumap.extract.find import find_mentions
from instrumap.extract.records import Document, Extraction
from instrumap.extract.resolve import resolve_document


def extract_document(document: Document) -> Extraction:
    """References and relations of one read document."""
    return resolve_document(document, list(find_mentions(document)))
