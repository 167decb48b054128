"""instrumap: a citation knowledge graph of the international instrument landscape.

The API functions load on first use (PEP 562), so that ``import instrumap.extract.pipeline`` or the
``instrumap extract`` command does not pay for rdflib, NetworkX and the views it never touches.
"""

from __future__ import annotations

import importlib
from typing import Any

_API = {"build", "export", "extract_text", "html", "network", "open_store", "query", "show_inline"}
__all__ = sorted([*_API, "extract", "set_base"])
__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    if name in _API:
        value = getattr(importlib.import_module("instrumap.api"), name)
    elif name == "extract":  # the package, callable as the API function (see extract/__init__.py)
        value = importlib.import_module("instrumap.extract")
    elif name == "set_base":
        value = importlib.import_module("instrumap.ontology.iris").set_base
    else:
        raise AttributeError(f"module 'instrumap' has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
