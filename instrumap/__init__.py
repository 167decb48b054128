"""instrumap: a citation knowledge graph of the international instrument landscape."""

from instrumap.api import extract, extract_text

__all__ = ["extract", "extract_text"]
__version__ = "0.1.0"
