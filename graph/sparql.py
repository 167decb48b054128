"""SPARQL over the store: saved queries, parameters, and results as table, CSV, TSV or JSON.

A query is given as text, as a ``.rq`` file, or by the name of a saved query. Parameters
(``# param: target`` in a saved query) are bound with a VALUES clause after the query, from a
symbol, an authority id or an IRI, so no user text is pasted into the query itself. A query marked
``# paged`` has one ``LIMIT n`` (its default page); ``limit`` and ``offset`` (whole numbers) ask for
another page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QueryResultsFormat, QuerySolutions

from instrumap.graph.store import GraphStore
from instrumap.ontology.authorities import authority, entry_collection
from instrumap.ontology.iris import base, document_iri, entity_iri
from instrumap.ontology.namespace import PREFIXES

RESULT_FORMATS = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON,
                  "xml": QueryResultsFormat.XML}  # fmt: skip
_PARAM = re.compile(r"^#\s*param:\s*(\w+)", re.M)
_PAGED = re.compile(r"^#\s*paged\b", re.M)
_LIMIT = re.compile(r"\bLIMIT\s+(\d+)(?:\s+OFFSET\s+(\d+))?", re.I)  # a paged query's first LIMIT is its page
PAGING = ("limit", "offset")


class QueryError(Exception):
    """A query that cannot run: the parser's message with line and column, or a missing parameter."""


@dataclass(frozen=True, slots=True)
class SavedQuery:
    name: str
    text: str

    @property
    def description(self) -> str:
        first = self.text.lstrip().splitlines()[0]
        return first.lstrip("# ").strip()

    @property
    def params(self) -> list[str]:
        """The parameters the query needs."""
        return _PARAM.findall(self.text)

    @property
    def optional(self) -> list[str]:
        """The parameters it takes when given: ``limit`` and ``offset`` for a paged query."""
        return list(PAGING) if _PAGED.search(self.text) and _LIMIT.search(self.text) else []


def saved_queries() -> dict[str, SavedQuery]:
    """The shipped queries; ``%BASE%`` in them stands for the IRI base of instrumap's own nodes."""
    folder = resources.files("instrumap.graph.queries")
    return {
        entry.name[:-3]: SavedQuery(entry.name[:-3], entry.read_text(encoding="utf-8").replace("%BASE%", base()))
        for entry in sorted(folder.iterdir(), key=lambda e: e.name)
        if entry.name.endswith(".rq")
    }


def load_query(spec: str) -> SavedQuery:
    """A saved query's name, a path to a .rq file, or SPARQL text."""
    saved = saved_queries()
    if spec in saved:
        return saved[spec]
    if spec.endswith(".rq") or (len(spec) < 256 and "\n" not in spec and Path(spec).is_file()):
        path = Path(spec)
        if not path.is_file():
            raise QueryError(f"{spec}: no such query file (saved queries: {', '.join(saved)})")
        return SavedQuery(path.stem, path.read_text(encoding="utf-8"))
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        raise QueryError(f"{spec!r} is not SPARQL, a .rq file or a saved query ({', '.join(saved)})")
    return SavedQuery("query", spec)


def resolve_term(value: str) -> NamedNode:
    """A parameter value as a node: an IRI, a UN symbol, or an authority id."""
    if re.match(r"https?://", value):
        return NamedNode(value)
    if "/" in value:
        return NamedNode(document_iri("".join(value.split())))
    entry = authority().get(value) or next(iter(authority().lookup(value)), None)
    if entry is not None:
        return NamedNode(entity_iri(entry_collection(entry), entry.id))
    return NamedNode(entity_iri("instrument", value))


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def bind(query: SavedQuery, params: dict[str, str]) -> str:
    """The query text with its parameters bound by a VALUES block at the start of the WHERE clause.

    At the start, not at the end, so the engine evaluates paths from the bound nodes rather than
    joining the binding last; values become IRIs (validated by pyoxigraph), never pasted text.
    """
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=… ({', '.join(query.params)})")
    params = dict(params)
    text = _page(query, {name: params.pop(name) for name in query.optional if name in params})
    if not params:
        return text
    where = _WHERE.search(text)
    if where is None:
        raise QueryError(f"query {query.name!r} has no WHERE clause to bind parameters in")
    names = sorted(params)
    row = " ".join(str(resolve_term(params[name])) for name in names)
    values = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }} "
    return text[: where.end()] + values + text[where.end() :]


def _page(query: SavedQuery, paging: dict[str, str]) -> str:
    """The text with its page's ``LIMIT … OFFSET …`` set from ``limit``/``offset`` (the query's own as defaults)."""
    if not paging:
        return query.text
    found = _LIMIT.search(query.text)
    assert found is not None  # query.optional names the paging parameters only when the LIMIT is there
    numbers = {"limit": found.group(1), "offset": found.group(2) or "0", **paging}
    for name, value in numbers.items():
        if not value.strip().isdigit():
            raise QueryError(f"query {query.name!r}: {name} must be a whole number, not {value!r}")
    page = f"LIMIT {int(numbers['limit'])} OFFSET {int(numbers['offset'])}"
    return query.text[: found.start()] + page + query.text[found.end() :]


def run(store: GraphStore, text: str) -> QuerySolutions | bool | object:
    try:
        return store.query(text)
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


def compact(term: object) -> str:
    """A result term for a table: IRIs shortened with the usual prefixes, literals as their value."""
    if isinstance(term, NamedNode):
        value = term.value
        for prefix, iri in PREFIXES.items():
            if value.startswith(iri):
                return f"{prefix}:{value[len(iri) :]}"
        return value
    if isinstance(term, Literal):
        return term.value
    return "" if term is None else str(term)


def rows(results: QuerySolutions) -> tuple[list[str], list[list[str]]]:
    names = [v.value for v in results.variables]
    return names, [[compact(solution[name]) for name in names] for solution in results]


def serialize(results: QuerySolutions, fmt: str) -> bytes:
    return results.serialize(format=RESULT_FORMATS[fmt]) or b""
