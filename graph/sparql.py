"""SPARQL over the store: saved queries, parameters, and results as table, CSV, TSV or JSON.

A query is given as text, as a ``.rq`` file, or by the name of a saved query. Parameters
(``# param: target`` in a saved query) are bound with a VALUES clause after the query, from a
symbol, an authority id or an IRI, so no user text is pasted into the query itself. A query marked
``# paged`` has one ``LIMIT n`` (its default page); ``limit`` and ``offset`` (whole numbers) ask for
another page. A line starting ``#+language`` is a filter used only when the ``language`` option is
given (``-p language=fr``): the marker is removed and ``$language`` becomes the tag as a literal.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    Store,
    Triple,
    parse_query_results,
)

from instrumap.graph.guard import UPDATE_REFUSED, is_update, refusal
from instrumap.graph.store import GraphStore
from instrumap.ontology.authorities import authority, entry_collection
from instrumap.ontology.iris import base, document_iri, entity_iri
from instrumap.ontology.namespace import PREFIXES

RESULT_FORMATS = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON,
                  "xml": QueryResultsFormat.XML}  # fmt: skip
_PARAM = re.compile(r"^#\s*param:\s*(\w+)", re.M)
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")  # a parameter becomes a SPARQL variable: ASCII VARNAME only
_PAGED = re.compile(r"^#\s*paged\b", re.M)
_LIMIT = re.compile(r"\bLIMIT\s+(\d+)(?:\s+OFFSET\s+(\d+))?", re.I)  # a paged query's first LIMIT is its page
PAGING = ("limit", "offset")
_FILTER_LINE = re.compile(r"^(\s*)#\+(\w+)\s?(.*)$", re.M)  # "#+language FILTER(… $language …)"
_LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


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
        paging = list(PAGING) if _PAGED.search(self.text) and _LIMIT.search(self.text) else []
        return paging + sorted({m.group(2) for m in _FILTER_LINE.finditer(self.text)})


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
    if is_update(spec):
        raise QueryError(UPDATE_REFUSED)
    if not re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", spec, re.I):
        raise QueryError(f"{spec!r} is not SPARQL, a .rq file or a saved query ({', '.join(saved)})")
    return SavedQuery("query", spec)


def resolve_term(value: str) -> NamedNode:
    """A parameter value as a node: an IRI, a UN symbol, or an authority id.

    Every value becomes a NamedNode, which checks it is a valid IRI (RFC 3987): a value such as
    ``https://x> } …`` is refused with one line, never pasted into the query.
    """
    try:
        if re.match(r"https?://", value):
            return NamedNode(value)
        if "/" in value:
            return NamedNode(document_iri("".join(value.split())))
        entry = authority().get(value) or next(iter(authority().lookup(value)), None)
        if entry is not None:
            return NamedNode(entity_iri(entry_collection(entry), entry.id))
        return NamedNode(entity_iri("instrument", value))
    except ValueError as exc:
        raise QueryError(f"{value!r} is not a valid IRI, symbol or authority id ({exc})") from None


_WHERE = re.compile(r"\bWHERE\s*\{", re.I)


def bind(query: SavedQuery, params: dict[str, str]) -> str:
    """The query text with its parameters bound by a VALUES block at the start of the WHERE clause.

    At the start, not at the end, so the engine evaluates paths from the bound nodes rather than
    joining the binding last; values become IRIs (validated by pyoxigraph), never pasted text.
    """
    for name in params:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"{name!r} is not a parameter name (letters, digits and _, not first a digit)")
        if query.params and name not in query.params + query.optional:
            raise QueryError(f"query {query.name!r} has no parameter {name!r} (it takes {', '.join(query.params)})")
    missing = [p for p in query.params if p not in params]
    if missing:
        raise QueryError(f"query {query.name!r} needs --param {missing[0]}=… ({', '.join(query.params)})")
    params = dict(params)
    paging = {name: params.pop(name) for name in PAGING if name in query.optional and name in params}
    filters = {name: params.pop(name) for name in query.optional if name in params}
    text = _filtered(query, _page(query, paging), filters)
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


def _filtered(query: SavedQuery, text: str, given: dict[str, str]) -> str:
    """The text with its ``#+name`` lines kept (uncommented, ``$name`` bound) for the options given, else dropped."""
    for name, value in given.items():
        if name == "language" and not _LANGUAGE_TAG.fullmatch(value):
            raise QueryError(f"query {query.name!r}: language must be a tag such as en, fr or zh, not {value!r}")

    def line(m: re.Match[str]) -> str:
        if m.group(2) not in given:
            return ""
        return m.group(1) + m.group(3).replace("$" + m.group(2), str(Literal(given[m.group(2)])))

    return _FILTER_LINE.sub(line, text)


def run(store: GraphStore, text: str, *, allow_service: bool = False) -> QuerySolutions | QueryBoolean | object:
    """Run a query; updates and (unless allowed) federated queries are refused before they reach the store."""
    refused = refusal(text, allow_service=allow_service)
    if refused is not None:
        raise QueryError(refused[1])
    try:
        results = store.query(text)
        return in_query_order(text, results) if isinstance(results, QuerySolutions) else results
    except SyntaxError as exc:
        raise QueryError(f"malformed SPARQL: {exc}") from None
    except OSError as exc:
        raise QueryError(f"query failed: {exc}") from None


# Strings, IRIs and comments, blanked out before looking for SELECT * and variables.
_OPAQUE = re.compile(
    r'"""[\s\S]*?"""' r"|'''[\s\S]*?'''" r'|"(?:[^"\\\n]|\\.)*"' r"|'(?:[^'\\\n]|\\.)*'" r"|<[^<>\s{}]*>|#[^\n]*"
)
_STAR = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?\*", re.I)
_VARIABLE = re.compile(r"[?$]([A-Za-z0-9_\u00B7\u00C0-\uFFFF]+)")


def in_query_order(text: str, results: QuerySolutions) -> QuerySolutions:
    """The solutions of a ``SELECT *`` query with their columns in the order they first appear in the query.

    Oxigraph returns a ``SELECT *`` query's columns sorted by name; a reader expects the query's
    order (``?s ?p ?o``). The query is not run again (it may be slow, or call out): its solutions
    go through SPARQL JSON, where the column order is the head's list of variables.
    """
    variables = [v.value for v in results.variables]
    plain = _OPAQUE.sub(lambda m: " " * len(m.group(0)), text)
    if _STAR.search(plain) is None or not variables:
        return results
    first = {name: i for i, name in reversed(list(enumerate(m.group(1) for m in _VARIABLE.finditer(plain))))}
    ordered = sorted(variables, key=lambda name: first.get(name, len(first)))
    if ordered == variables:
        return results
    data = json.loads(results.serialize(format=QueryResultsFormat.JSON) or b"{}")
    data["head"]["vars"] = ordered
    reordered = parse_query_results(json.dumps(data).encode(), format=QueryResultsFormat.JSON)
    assert isinstance(reordered, QuerySolutions)
    return reordered


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


def serialize(results: QuerySolutions | QueryBoolean, fmt: str) -> bytes:
    return results.serialize(format=RESULT_FORMATS[fmt]) or b""


def triples_as_results(triples: Iterable[Triple], fmt: str) -> bytes:
    """A CONSTRUCT/DESCRIBE result as a results table (``subject,predicate,object``) in CSV, TSV, JSON or XML."""
    graph = Store()
    graph.extend(Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in triples)
    table = graph.query("SELECT ?subject ?predicate ?object WHERE { ?subject ?predicate ?object }")
    return serialize(table, fmt)  # type: ignore[arg-type]
