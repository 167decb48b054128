"""The extraction pipeline for one document: find mentions, resolve them, state relations."""

from __future__ import annotations

from collections.abc import Iterator

from instrumap.extract.find_documents import find_documents
from instrumap.extract.find_resolutions import find_resolutions
from instrumap.extract.find_titles_en import find_titles_en
from instrumap.extract.find_titles_zh import find_titles_zh
from instrumap.extract.records import Document, Extraction, Mention
from instrumap.extract.relations import find_relations
from instrumap.extract.resolve import resolve

_TITLE_FINDERS = {"zh": find_titles_zh, "en": find_titles_en}


def find_mentions(document: Document) -> Iterator[Mention]:
    """Every mention in ``document``, from all finders of its language (not yet in order)."""
    flat = document.flat
    yield from find_resolutions(flat, document.language)
    yield from _documents_not_resolutions(document)
    yield from _TITLE_FINDERS[document.language](flat)


def _documents_not_resolutions(document: Document) -> Iterator[Mention]:
    """Document symbols; a symbol already read as a resolution number (``A/RES/55/25``) is kept once."""
    for mention in find_documents(document.flat):
        if mention.kind != "document":
            mention = Mention(mention.kind, mention.start, mention.end, mention.text,
                              (*mention.parts, ("form", "symbol")))  # fmt: skip
        yield mention


def extract_document(document: Document) -> Extraction:
    """References and relations of one read document."""
    mentions = list(find_mentions(document))
    references, problems = resolve(document, mentions)
    relations = find_relations(document, references)
    return Extraction(document, tuple(references), tuple(relations), tuple(problems))
