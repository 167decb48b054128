"""Turning command-line paths into documents: directories walked, bad files reported, never fatal.

instrumap's own outputs are never read back as documents: a build output folder (its ``store/``
beside ``references.jsonl`` or ``problems.jsonl``) is skipped whole, and so is any HTML page that
carries instrumap's generator mark (``<meta name="generator" content="instrumap">``, written into
every page instrumap makes), wherever it was saved.
"""

from __future__ import annotations

import dataclasses
import os
import re
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from instrumap.extract.errors import InputError
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.decode import DecodingNote
from instrumap.extract.read.document import read_document
from instrumap.extract.read.formats import DOCUMENT_SUFFIXES
from instrumap.extract.records import Extraction

OUTPUT_MARKERS = ("references.jsonl", "problems.jsonl", ".references.new.part")
_GENERATED = re.compile(rb"<meta\s[^>]*name=[\"']?generator[\"']?[^>]*content=[\"']?instrumap\b", re.I)
_HTML_SUFFIXES = (".html", ".htm")


@dataclass(frozen=True, slots=True)
class Problem:
    """A document that could not be processed, and why (one line)."""

    source: str
    problem: str

    @property
    def message(self) -> str:
        return f"{self.source}: {self.problem}"

    def __str__(self) -> str:
        return self.message


def sample_corpus() -> Path:
    """The example documents shipped inside the package (the seed resolution and a few English ones)."""
    return Path(str(resources.files("instrumap.data").joinpath("sample")))


def is_output_folder(folder: Path) -> bool:
    """A folder ``instrumap build`` wrote: a ``store/`` beside its records or problems."""
    return (folder / "store").is_dir() and any((folder / name).exists() for name in OUTPUT_MARKERS)


def is_generated(path: Path) -> bool:
    """An HTML page instrumap wrote (it carries the generator mark in its head)."""
    if path.suffix.lower() not in _HTML_SUFFIXES:
        return False
    try:
        with path.open("rb") as fh:
            return _GENERATED.search(fh.read(4096)) is not None
    except OSError:
        return False  # reading it will report the problem


def expand(paths: Iterable[str | Path]) -> Iterator[Path | Problem]:
    """Files named, and the documents inside directories named (sorted, hidden files and instrumap's outputs
    skipped); a folder that cannot be read is a Problem, not a silent gap."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif is_generated(path):
            yield Problem(str(path), "a page instrumap wrote, not a document")
        else:
            yield path


def _walk(top: Path) -> Iterator[Path | Problem]:
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(error: OSError) -> None:
        folder = error.filename or str(top)
        problems.append(Problem(str(folder), f"cannot read folder ({error.strerror or error})"))

    for folder, subfolders, files in os.walk(top, onerror=unreadable):
        here = Path(folder)
        subfolders[:] = [d for d in subfolders if not d.startswith(".") and not is_output_folder(here / d)]
        if here == top and is_output_folder(here):  # an output folder named itself: none of its folders are input
            subfolders.clear()
        for name in files:
            child = here / name
            if not name.startswith(".") and child.suffix.lower() in DOCUMENT_SUFFIXES and not is_generated(child):
                found.append(child)
    yield from sorted(found)
    yield from problems


def extract_file(path: str | Path, language: str | None = None, data: bytes | None = None) -> Extraction:
    """Read and extract one document; how its bytes were decoded, when unusual, is noted in its problems."""
    with warnings.catch_warnings(record=True) as notes:
        warnings.simplefilter("always", DecodingNote)
        extraction = extract_document(read_document(path, language, data))
    said = tuple(str(note.message) for note in notes if issubclass(note.category, DecodingNote))
    return dataclasses.replace(extraction, problems=said + extraction.problems) if said else extraction


def extract_paths(paths: Iterable[str | Path], language: str | None = None) -> Iterator[Extraction | Problem]:
    """Extraction results for every document, in order; a bad document yields a Problem and the run goes on."""
    for path in expand(paths):
        if isinstance(path, Problem):
            yield path
            continue
        try:
            yield extract_file(path, language)
        except InputError as exc:
            yield Problem(exc.source, exc.problem)
