"""The one place IRIs are minted: UN symbols under the UN's resolver, everything else under one base."""

from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote

UNDOCS = "https://undocs.org/"
DEFAULT_BASE = "https://w3id.org/instrumap/"


def base() -> str:
    """The base for instrumap's own IRIs; ``INSTRUMAP_BASE`` overrides the default."""
    value = os.environ.get("INSTRUMAP_BASE", DEFAULT_BASE)
    return value if value.endswith(("/", "#")) else value + "/"


def document_iri(symbol: str) -> str:
    """``A/RES/58/140`` → ``https://undocs.org/A/RES/58/140``."""
    return UNDOCS + quote(symbol, safe="/().-")


def entity_iri(collection: str, slug: str) -> str:
    """``("instrument", "untoc")`` → ``https://w3id.org/instrumap/instrument/untoc``."""
    return f"{base()}{collection}/{quote(slug, safe='-')}"


def slugify(title: str, limit: int = 80) -> str:
    """A stable slug for an entity not in the authority data: ASCII words, or the hanzi kept as they are."""
    text = unicodedata.normalize("NFKD", title)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"[《》“”\"'’()（），,:：.;；、]+", " ", text)
    words = re.findall(r"[A-Za-z0-9]+|[\u3400-\u9fff]+", text)
    slug = "-".join(w.lower() for w in words)
    return slug[:limit].strip("-") or "unnamed"
