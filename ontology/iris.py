"""The one place IRIs are minted: UN symbols under the UN's resolver, everything else under one base.

The base is fixed once per process: by ``set_base`` (the API's argument) before the first IRI is
minted, or else from ``INSTRUMAP_BASE`` when the first IRI is minted, or the default. It never changes
afterwards, so a process can never mint IRIs under two bases (caches of resolved targets hold IRIs).
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path
from urllib.parse import quote

UNDOCS = "https://undocs.org/"
DEFAULT_BASE = "https://w3id.org/instrumap/"
_SAFE_SYMBOL = "/().-"
_base: str | None = None


def _normalized(value: str) -> str:
    return value if value.endswith(("/", "#")) else value + "/"


def set_base(value: str) -> None:
    """Fix the base for instrumap's own IRIs; ValueError once another base has been used in this process."""
    global _base
    wanted = _normalized(value)
    if _base is not None and _base != wanted:
        raise ValueError(f"the IRI base is already {_base} in this process; set it before building")
    _base = wanted
    os.environ["INSTRUMAP_BASE"] = wanted  # worker processes of a build mint under the same base


def base() -> str:
    """The base for instrumap's own IRIs, fixed at its first use."""
    global _base
    if _base is None:
        _base = _normalized(os.environ.get("INSTRUMAP_BASE", DEFAULT_BASE))
    return _base


def document_iri(symbol: str) -> str:
    """``A/RES/58/140`` → ``https://undocs.org/A/RES/58/140``."""
    return UNDOCS + quote(symbol, safe=_SAFE_SYMBOL)


def entity_iri(collection: str, slug: str) -> str:
    """``("instrument", "untoc")`` → ``https://w3id.org/instrumap/instrument/untoc``."""
    return f"{base()}{collection}/{quote(slug, safe='-')}"


def work_iri(symbol: str | None, source: str) -> str:
    """The document as a work: its UN symbol's IRI, or one minted from the file name."""
    return document_iri(symbol) if symbol else f"{base()}document/{slugify(Path(source).stem)}"


def expression_iri(symbol: str | None, language: str, source: str) -> str:
    """One language version: ``https://undocs.org/zh/A/RES/58/140`` (the UN resolver's own form)."""
    if symbol:
        return f"{UNDOCS}{language}/{quote(symbol, safe=_SAFE_SYMBOL)}"
    return f"{work_iri(symbol, source)}/{language}"


def graph_iri(symbol: str | None, language: str, source: str) -> str:
    """The named graph holding what one source document says."""
    key = f"{language}/{quote(symbol, safe=_SAFE_SYMBOL)}" if symbol else f"source/{slugify(Path(source).stem)}"
    return f"{base()}graph/{key}"


def citation_iri(graph: str, number: int) -> str:
    return f"{graph.replace('/graph/', '/citation/', 1)}/{number}"


def special_graph(name: str) -> str:
    """``authority``, ``ontology`` or ``manifest``: the graphs that are not documents."""
    return f"{base()}graph/{name}"


def slugify(title: str, limit: int = 80) -> str:
    """A stable slug for an entity not in the authority data: ASCII words, or the hanzi kept as they are."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[《》“”\"'’()（），,:：.;；、]+", " ", text)
    words = re.findall(r"[A-Za-z0-9]+|[\u3400-\u9fff]+", text)
    slug = "-".join(w.lower() for w in words)
    return slug[:limit].strip("-") or "unnamed"
