"""instrumap: a citation knowledge graph of the international instrument landscape."""

import instrumap.extract as extract  # the package, callable as the API function (see extract/__init__.py)
from instrumap.api import build, export, extract_text, html, network, open_store, query, show_inline
from instrumap.ontology.iris import set_base

__all__ = ["build", "export", "extract", "extract_text", "html", "network", "open_store", "query", "set_base",
           "show_inline"]  # fmt: skip
__version__ = "0.1.0"
