"""Turning command-line paths into documents: directories walked, bad files reported, never fatal."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from instrumap.extract.errors import InputError
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import read_document
from instrumap.extract.read.formats import DOCUMENT_SUFFIXES
from instrumap.extract.records import Extraction


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be processed, and why (one line)."""

    source: str
    message: str

    def __str__(self) -> str:
        return self.message


def sample_corpus() -> Path:
    """The example documents shipped inside the package (the seed resolution and a few English ones)."""
    return Path(str(resources.files("instrumap.data").joinpath("sample")))


def expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files named, and the documents inside directories named (sorted, hidden files skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and child.suffix.lower() in DOCUMENT_SUFFIXES and not child.name.startswith("."):
                    yield child
        else:
            yield path


def extract_paths(paths: Iterable[str | Path], language: str | None = None) -> Iterator[Extraction | Problem]:
    """Extraction results for every document, in order; a bad document yields a Problem and the run goes on."""
    for path in expand(paths):
        try:
            yield extract_document(read_document(path, language))
        except InputError as exc:
            yield Problem(str(path), str(exc))
