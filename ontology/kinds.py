"""The extraction kinds and their hierarchy, read once from ``instrumap.ttl``: one vocabulary, one place.

Each class that stands for a kind has ``im:kindName``; its ``rdfs:subClassOf`` gives the kind's
parent, so "instrument kinds" are the kinds under ``im:Instrument`` (kind ``other``), "meeting kinds"
those under ``im:Meeting``, and a kind deeper in the tree is more specific (a covenant is a convention).
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.ontology.files import ontology_text

_CLASS = re.compile(r'^im:(\w+) a owl:Class ; im:kindName "(\w+)"(?: ; rdfs:subClassOf im:(\w+))?', re.M)
INSTRUMENT_ROOT = "other"
MEETING_ROOT = "meeting"


@cache
def kind_parents() -> dict[str, str]:
    """Kind → its parent kind ("" for a root): {"covenant": "convention", "convention": "other", …}."""
    classes = _CLASS.findall(ontology_text())
    kind_of_class = {term: kind for term, kind, _ in classes}
    return {kind: kind_of_class.get(parent, "") for _, kind, parent in classes}


def _ancestors(kind: str) -> list[str]:
    chain, parents = [], kind_parents()
    while kind:
        chain.append(kind)
        kind = parents.get(kind, "")
    return chain


@cache
def kinds_under(root: str) -> frozenset[str]:
    """Every kind that is ``root`` or below it."""
    return frozenset(kind for kind in kind_parents() if root in _ancestors(kind))


def instrument_kinds() -> frozenset[str]:
    return kinds_under(INSTRUMENT_ROOT)


def meeting_kinds() -> frozenset[str]:
    return kinds_under(MEETING_ROOT)


@cache
def specificity(kind: str) -> int:
    """How deep ``kind`` stands in the hierarchy: a node with several kinds is shown as its deepest."""
    return len(_ancestors(kind)) if kind in kind_parents() else 0
