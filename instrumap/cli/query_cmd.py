"""``instrumap query``: SPARQL over the store, as a table, CSV, TSV or SPARQL JSON/XML results."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from pyoxigraph import QuerySolutions, RdfFormat, serialize

from instrumap.cli.app import UserError, main
from instrumap.cli.output import table
from instrumap.cli.stores import open_store, store_option
from instrumap.graph.sparql import QueryError, bind, load_query, rows, run, saved_queries
from instrumap.graph.sparql import serialize as serialize_results
from instrumap.ontology.namespace import PREFIXES


@main.command("query")
@click.argument("query", required=False)
@store_option
@click.option("--param", "-p", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a saved query's parameter (a symbol, an authority id or an IRI).")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml"]), default="table",
              show_default=True)  # fmt: skip
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries.")
def query_command(query: str | None, store_path: Path, params: tuple[str, ...], fmt: str, list_saved: bool) -> None:
    """Run SPARQL: text, a .rq file, or a saved query's name (see --list).

    \b
    Example:
      instrumap query most-cited
      instrumap query citing -p target=A/RES/55/25 --format csv
      instrumap query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    if list_saved or not query:
        table(((q.name, " ".join(q.params + [f"[{p}]" for p in q.optional]), q.description)
               for q in saved_queries().values()), ("name", "params", "what it answers"))  # fmt: skip
        return
    bound: dict[str, str] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            raise click.UsageError(f"--param takes NAME=VALUE, not {item!r}")
        bound[name.strip()] = value.strip()
    try:
        saved = load_query(query)
        results = run(open_store(store_path), bind(saved, bound))
    except QueryError as exc:
        raise UserError(str(exc)) from None
    if isinstance(results, bool):
        click.echo("true" if results else "false")
    elif isinstance(results, QuerySolutions):
        if fmt == "table":
            names, body = rows(results)
            table(body, names)
        else:
            sys.stdout.buffer.write(serialize_results(results, fmt))
    else:  # CONSTRUCT / DESCRIBE
        sys.stdout.buffer.write(serialize(results, format=RdfFormat.TURTLE, prefixes=PREFIXES) or b"")  # type: ignore[arg-type]
