"""Shared fixtures: the documents and gold files shipped in tests/fixtures (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from instrumap import extract_text

FIXTURES = Path(__file__).parent / "fixtures"
CORPUS = FIXTURES / "corpus"
GOLD = FIXTURES / "gold"
SEED = CORPUS / "A_RES_58_140.zh.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(__file__).parent / "artifacts"
    folder.mkdir(exist_ok=True)
    return folder


def found(text: str, language: str) -> list[tuple[str, str]]:
    """The (kind, id) of every reference a text gives, in order."""
    return [(r.kind, r.id) for r in extract_text(text, language=language).references]


def check(text: str, language: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    """Every expected (kind, id) is found, and no id that must not appear."""
    got = found(text, language)
    for pair in expected:
        assert pair in got, (text, got)
    ids = {i for _, i in got}
    for bad in absent:
        assert bad not in ids, (text, got)
