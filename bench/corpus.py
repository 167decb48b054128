"""Generate benchmark corpora from real UN texts: realistic documents, as many megabytes as asked.

Each generated document takes the header of a real resolution and a shuffled mix of real
preambular and operative paragraphs (and their footnotes) from documents of the same language,
with resolution numbers and years varied, so the extractor sees real constructions at real
density without re-reading one file a thousand times.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from pathlib import Path

from instrumap.corpus import sample_corpus
from instrumap.extract.read.document import read_document

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus"


def source_files(language: str) -> list[Path]:
    """Real documents of ``language``: ../shared when it is there, else the copies the project ships.

    Only one of the two, so a benchmark's corpus does not change when fixtures are added."""
    shared = [SHARED / "seed", SHARED / "dev"]
    folders = shared if any(f.is_dir() for f in shared) else [FIXTURES, sample_corpus()]
    seen: dict[str, Path] = {}
    for folder in folders:
        for path in sorted(folder.glob(f"*.{language}.txt")) if folder.is_dir() else []:
            seen.setdefault(path.name, path)
    return list(seen.values())


def _pieces(language: str) -> tuple[list[str], list[str], list[str], list[str]]:
    headers, preambular, operative, notes = [], [], [], []
    for path in source_files(language):
        doc = read_document(path, language)
        text = doc.text
        head = next((b for b in doc.blocks if b.id == "HEADER"), None)
        if head:
            headers.append(text[: head.end])
        for block in doc.blocks:
            chunk = text[block.start : block.end].rstrip()
            if block.id.startswith("PP"):
                preambular.append(chunk)
            elif block.id.startswith("OP"):
                operative.append(re.sub(r"^\s*\d{1,3}\.\s*", "", chunk))
            elif block.id.startswith("FN"):
                notes.append(chunk)
    return headers, preambular, operative, notes


def _vary(text: str, rng: random.Random) -> str:
    """Change session/number pairs and years so that no two documents cite the very same things."""

    def number(m: re.Match[str]) -> str:
        return f"{int(m.group(1)) + rng.randint(-3, 3)}/{max(1, int(m.group(2)) + rng.randint(-40, 40))}"

    return re.sub(r"(?<![\d/])(\d{2})/(\d{1,3})(?![\d/])", number, text)


def renumber(header: str, n: int) -> str:
    """Give a header its own symbol, so that generated documents are distinct documents (A/RES/901/23)."""
    session, number = 900 + n // 1000, n % 1000
    header = re.sub(r"(?<![\w/])(A/RES/)\d+/\d+", rf"\g<1>{session}/{number}", header)
    header = re.sub(r"(?m)^(\s*(?:\*\*)?)\d{1,4}/\d{1,4}\.", rf"\g<1>{session}/{number}.", header)
    council, year = 1000 + n % 9000, 1946 + (n // 9000) % 80  # Security Council style: S/RES/1234(1990)
    header = re.sub(r"Resolution \d+ \(\d{4}\)", f"Resolution {council} ({year})", header)
    return re.sub(r"(?m)^(\s*)\d+ \(\d{4}\)\.", rf"\g<1>{council} ({year}).", header)


def generate(
    language: str,
    megabytes: float,
    seed: int = 7,
    preambular: tuple[int, int] = (6, 18),
    operative: tuple[int, int] = (8, 24),
    distinct: bool = False,
) -> Iterator[str]:
    """Yield documents until their UTF-8 size reaches ``megabytes``; paragraph counts are drawn from the ranges.

    ``distinct`` gives every document a symbol of its own (a build keeps one graph per language version).
    """
    rng = random.Random(seed)
    headers, pool_pp, pool_op, notes = _pieces(language)
    if not headers:
        raise SystemExit(f"no {language} source documents found")
    target = int(megabytes * 1_000_000)
    produced = 0
    made = 0
    while produced < target:
        header = rng.choice(headers)
        parts = [renumber(header, made) if distinct else header]
        made += 1
        parts += rng.sample(pool_pp, k=min(len(pool_pp), rng.randint(*preambular)))
        for number, paragraph in enumerate(rng.sample(pool_op, k=min(len(pool_op), rng.randint(*operative))), 1):
            parts.append(f"{number}. {paragraph}")
        parts += rng.sample(notes, k=min(len(notes), rng.randint(0, 4)))
        document = _vary("\n\n".join(parts) + "\n", rng)
        produced += len(document.encode("utf-8"))
        yield document
