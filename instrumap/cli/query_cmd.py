"""``instrumap query``: SPARQL over the store, as a table, CSV, TSV or SPARQL JSON/XML results."""

from __future__ import annotations

from pathlib import Path
from typing import IO

import click
from pyoxigraph import QueryBoolean, QuerySolutions, serialize

from instrumap.cli.app import UserError, main
from instrumap.cli.output import output_options, output_stream, table
from instrumap.cli.stores import open_store, store_option
from instrumap.graph.formats import RDF_FORMATS
from instrumap.graph.guard import SERVICE_REFUSED
from instrumap.graph.sparql import QueryError, bind, load_query, rows, run, saved_queries, triples_as_results
from instrumap.graph.sparql import serialize as serialize_results
from instrumap.ontology.namespace import PREFIXES

# CONSTRUCT and DESCRIBE give triples: `table` prints them as Turtle, csv/tsv as subject,predicate,object rows.
GRAPH_FORMATS = {"table": RDF_FORMATS["turtle"], "json": RDF_FORMATS["jsonld"], "xml": RDF_FORMATS["rdfxml"]}


@main.command("query")
@click.argument("query", required=False)
@store_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a saved query's parameter (a symbol, an authority id or an IRI).")  # fmt: skip
@output_options("table", "csv", "tsv", "json", "xml")
@click.option("--allow-service", is_flag=True,
              help="Run federated queries (SERVICE), which call other endpoints; refused by default.")  # fmt: skip
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries.")
def query_command(query: str | None, store_path: Path, params: tuple[str, ...], fmt: str, output: Path | None,
                  allow_service: bool, list_saved: bool) -> None:  # fmt: skip
    """Run SPARQL: text, a .rq file, or a saved query's name (see --list).

    SELECT and ASK come as a table, CSV, TSV, SPARQL JSON or XML results. CONSTRUCT and DESCRIBE
    come as Turtle (table), subject/predicate/object rows (csv, tsv), JSON-LD (json) or RDF/XML (xml).
    Updates are refused, and so are federated queries (SERVICE) unless --allow-service is given.

    \b
    Example:
      instrumap query most-cited
      instrumap query citing -p target=A/RES/55/25 --format csv -o citing.csv
      instrumap query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    if list_saved or not query:
        with output_stream(output) as out:
            table(((q.name, " ".join(q.params + [f"[{p}]" for p in q.optional]), q.description)
                   for q in saved_queries().values()), ("name", "params", "what it answers"), out)  # fmt: skip
        return
    bound: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, not {item!r}")
        bound[name.strip()] = value.strip()
    try:
        text = bind(load_query(query), bound)
        results = run(open_store(store_path), text, allow_service=allow_service)
    except QueryError as exc:
        hint = " (--allow-service runs them)" if str(exc) == SERVICE_REFUSED else ""
        raise UserError(f"{exc}{hint}") from None
    with output_stream(output) as out:
        _write(results, fmt, out)


def _write(results: object, fmt: str, out: IO[str]) -> None:
    if isinstance(results, QueryBoolean):
        out.write(("true" if results else "false") + "\n" if fmt == "table" else _text(serialize_results(results, fmt)))
    elif isinstance(results, QuerySolutions):
        if fmt == "table":
            names, body = rows(results)
            table(body, names, out)
        else:
            out.write(_text(serialize_results(results, fmt)))
    elif fmt in GRAPH_FORMATS:  # CONSTRUCT / DESCRIBE
        out.write(_text(serialize(results, format=GRAPH_FORMATS[fmt], prefixes=PREFIXES) or b""))  # type: ignore[arg-type]
    else:
        out.write(_text(triples_as_results(results, fmt)))  # type: ignore[arg-type]


def _text(data: bytes) -> str:
    return data.decode("utf-8")
