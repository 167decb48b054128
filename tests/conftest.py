"""Shared fixtures: the documents and gold files shipped in tests/fixtures (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
