"""The ontology's files, shipped as package data: found and read without loading rdflib."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path


def ontology_path() -> Path:
    return Path(str(resources.files("instrumap.ontology").joinpath("instrumap.ttl")))


def shapes_path() -> Path:
    return Path(str(resources.files("instrumap.ontology").joinpath("shapes.ttl")))


@cache
def ontology_text() -> str:
    return ontology_path().read_text(encoding="utf-8")
