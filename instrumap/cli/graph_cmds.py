"""``instrumap stats``, ``export`` and ``validate``: reading the graph back in other shapes."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from instrumap.cli.app import UserError, main
from instrumap.cli.output import output_options, output_stream, table, warn
from instrumap.cli.stores import open_store, store_option
from instrumap.graph import network
from instrumap.graph.export import FORMATS, SUFFIX, export, write_shards
from instrumap.graph.validate import validate_store


@main.command("stats")
@store_option
@click.option("--top", default=15, show_default=True, help="Rows per table.")
@output_options("table", "json")
def stats_command(store_path: Path, top: int, fmt: str, output: Path | None) -> None:
    """Counts, most-cited targets, PageRank, widest reach and connected components.

    \b
    Example:
      instrumap stats -s instrumap-out --top 10
      instrumap stats --format json -o stats.json
    """
    store = open_store(store_path)
    graph = network.to_networkx(store)
    kinds: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        kinds[attrs["type"]] = kinds.get(attrs["type"], 0) + 1
    rankings = {
        "most_cited": ("Most cited (documents citing)", network.most_cited(graph, top), "documents"),
        "pagerank": ("PageRank", network.pagerank(graph, top), "pagerank"),
        "widest_reach": ("Widest reach (documents reaching it through citation chains)",
                         network.widest_reach(graph, top), "reach"),
    }  # fmt: skip
    sizes = network.components(graph)
    with output_stream(output) as out:
        if fmt == "json":
            summary = {"triples": len(store), "document_graphs": len(store.document_graphs()),
                       "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "node_types": kinds,
                       **{key: [{"target": r.label, "type": r.type, column: r.value} for r in ranked]
                          for key, (_, ranked, column) in rankings.items()},
                       "components": sizes}  # fmt: skip
            json.dump(summary, out, ensure_ascii=False, indent=1)
            out.write("\n")
            return
        out.write(f"{len(store)} triples in {len(store.document_graphs())} document graphs; "
                  f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges\n")  # fmt: skip
        table(sorted(kinds.items(), key=lambda kv: -kv[1]), ("type", "nodes"), out)
        for title, ranked, column in rankings.values():
            out.write(f"\n{title}\n")
            # PageRank scores of a large graph differ in the fourth significant digit: print four of them.
            shown = (f"{r.value:#.4g}" if column == "pagerank" else r.value for r in ranked)  # "#": 0.002000, not 0.002
            cells = ((r.label[:70], r.type, value) for r, value in zip(ranked, shown, strict=True))
            table(cells, ("target", "type", column), out)
        out.write(f"\nWeakly connected components: {len(sizes)} (largest {sizes[:5]})\n")


@main.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="File to write (default: graph.<suffix> beside the store)."
)
@click.option("--split", type=int, help="With nquads: write this many gzip shards and a manifest into the -o folder.")
def export_command(store_path: Path, fmt: str, output: Path | None, split: int | None) -> None:
    """Export the graph: Turtle (stable), N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML, GEXF, CSV.

    \b
    Example:
      instrumap export --format gexf -o landscape.gexf     # open in Gephi
      instrumap export --format nquads -o all.nq
      instrumap export --format nquads --split 8 -o shards/     # gzip shards + manifest.json for bulk loaders
    """
    store = open_store(store_path)
    if split:
        if fmt != "nquads":
            raise click.UsageError("--split goes with --format nquads")
        for path in write_shards(store, output or Path(store_path) / "shards", split):
            click.echo(str(path))
        return
    target = output or Path(store_path) / f"graph.{SUFFIX.get(fmt, 'csv')}"
    written = export(store, fmt, target)
    for path in written:
        click.echo(str(path))
    if fmt == "csv":
        warn(f"a CSV file holds one table, so the graph is two: its nodes and its edges "
             f"({', '.join(p.name for p in written)}, named after {target.name})")  # fmt: skip


@main.command("validate")
@store_option
@click.option("--report/--no-report", default=False, help="Print pySHACL's full report.")
def validate_command(store_path: Path, report: bool) -> None:
    """Check the graph against the SHACL shapes (ontology/shapes.ttl); exit 1 when it does not conform.

    \b
    Example:
      instrumap validate -s instrumap-out
    """
    result = validate_store(open_store(store_path))
    if report or not result.conforms:
        click.echo(result.report)
    if not result.conforms:
        raise UserError(f"the graph does not conform: {result.violations} violations")
    click.echo("the graph conforms to the shapes")
    sys.exit(0)


@main.command("push")
@store_option
@click.option("--graph-store", metavar="URL", help="SPARQL 1.1 Graph Store endpoint (PUT/POST ?graph=…).")
@click.option("--endpoint", metavar="URL", help="SPARQL 1.1 Update endpoint (used when --graph-store is not given).")
@click.option("--batch", default=20_000, show_default=True, help="Triples per request.")
@click.option("--retries", default=3, show_default=True, help="Retries of a failed request (with back-off).")
def push_command(store_path: Path, graph_store: str | None, endpoint: str | None, batch: int, retries: int) -> None:
    """Upload the dataset, one named graph per document, to a running triple store; only changed graphs are sent.

    Credentials: INSTRUMAP_PUSH_USER and INSTRUMAP_PUSH_PASSWORD, or a ~/.netrc entry for the host.

    \b
    Example:
      INSTRUMAP_PUSH_USER=dba INSTRUMAP_PUSH_PASSWORD=… \\
        instrumap push --graph-store http://localhost:8890/sparql-graph-crud-auth
    """
    from instrumap.graph.push import PushError, push

    store = open_store(store_path)
    state = (Path(store_path) if Path(store_path).is_dir() else Path(".")) / ".push-state.json"
    try:
        report = push(store, state, graph_store=graph_store, endpoint=endpoint, batch=batch, retries=retries,
                      log=lambda line: click.echo(line, err=True))  # fmt: skip
    except PushError as exc:
        raise UserError(str(exc)) from None
    click.echo(f"pushed {len(report.pushed)} graphs ({report.triples} triples); {report.unchanged} unchanged")
