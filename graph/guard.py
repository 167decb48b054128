"""What a read-only query service refuses before a query reaches the store: updates and federated queries.

pyoxigraph executes ``SERVICE <http://…> { … }`` by calling the remote endpoint, so a query sent to
``instrumap serve`` could make the server send requests anywhere it can reach (its own loopback
services included). Federated queries are therefore refused unless the caller allows them.

The check fails closed. A query in which the letters ``service`` appear nowhere (in any case, after
Unicode normalization and ``\\u`` escapes) cannot hold the keyword and passes at once. Any other query
is parsed with rdflib's SPARQL grammar and refused when its parse tree holds a SERVICE pattern, or when
it cannot be parsed at all: a word in a comment, a string, an IRI or a variable (``?service``) is
never mistaken for the keyword, and no spelling hides it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

SERVICE_REFUSED = "federated queries (SERVICE) are refused: they would send requests to other endpoints"
UPDATE_REFUSED = "updates are refused: this is read-only (SPARQL Update: INSERT, DELETE, LOAD, DROP …)"

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# An update operation after any prologue: comments, PREFIX and BASE declarations (on one line or many).
_UPDATE = re.compile(
    r"^(?:\s+|#[^\n]*(?:\n|$)|PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update request (``INSERT DATA …``, ``DROP ALL``, ``LOAD <…>`` …)."""
    return _UPDATE.match(text) is not None


def calls_out(text: str) -> bool:
    """Whether running ``text`` could send a request to another endpoint (a SERVICE pattern)."""
    if "service" not in _folded(text):
        return False
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        tree = parseQuery(text)
    except (ParseException, ValueError, TypeError, RecursionError):
        return True  # it mentions SERVICE and cannot be checked: refuse rather than guess
    return _has_service(tree)


def refusal(text: str, *, allow_service: bool = False) -> tuple[int, str] | None:
    """(HTTP status, one-line reason) when ``text`` must not run here, else None."""
    if is_update(text):
        return 403, UPDATE_REFUSED
    if not allow_service and calls_out(text):
        return 400, SERVICE_REFUSED
    return None


def _folded(text: str) -> str:
    unescaped = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)) if _valid(m) else m.group(0), text)
    return unicodedata.normalize("NFKC", unescaped).casefold()


def _valid(match: re.Match[str]) -> bool:
    return int(match.group(1) or match.group(2), 16) <= 0x10FFFF


def _has_service(node: Any) -> bool:
    """A walk of rdflib's parse tree (CompValue nodes, ParseResults lists) looking for a SERVICE pattern."""
    stack = [node]
    while stack:
        item = stack.pop()
        if getattr(item, "name", None) == "ServiceGraphPattern":
            return True
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)) or type(item).__name__ == "ParseResults":
            stack.extend(list(item))
    return False
