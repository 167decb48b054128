"""``instrumap stats``, ``export`` and ``validate``: reading the graph back in other shapes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from instrumap.cli.app import UserError, main
from instrumap.cli.output import table
from instrumap.cli.stores import open_store, store_option
from instrumap.graph import network
from instrumap.graph.export import FORMATS, SUFFIX, export
from instrumap.graph.validate import validate_store


@main.command("stats")
@store_option
@click.option("--top", default=15, show_default=True, help="Rows per table.")
def stats_command(store_path: Path, top: int) -> None:
    """Counts, most-cited targets, PageRank, widest reach and connected components.

    \b
    Example:
      instrumap stats -s instrumap-out --top 10
    """
    store = open_store(store_path)
    graph = network.to_networkx(store)
    kinds: dict[str, int] = {}
    for _, attrs in graph.nodes(data=True):
        kinds[attrs["type"]] = kinds.get(attrs["type"], 0) + 1
    click.echo(f"{len(store)} triples in {len(store.document_graphs())} document graphs; "
               f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")  # fmt: skip
    table(sorted(kinds.items(), key=lambda kv: -kv[1]), ("type", "nodes"))
    for title, ranked, column in (
        ("Most cited (documents citing)", network.most_cited(graph, top), "documents"),
        ("PageRank", network.pagerank(graph, top), "pagerank"),
        ("Widest reach (documents reaching it through citation chains)", network.widest_reach(graph, top), "reach"),
    ):
        click.echo(f"\n{title}")
        table(((r.label[:70], r.type, r.value) for r in ranked), ("target", "type", column))
    sizes = network.components(graph)
    click.echo(f"\nWeakly connected components: {len(sizes)} (largest {sizes[:5]})")


@main.command("export")
@store_option
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path), help="File to write (default: graph.<suffix> beside the store)."
)
def export_command(store_path: Path, fmt: str, output: Path | None) -> None:
    """Export the graph: Turtle (stable), N-Triples, N-Quads, TriG, JSON-LD, RDF/XML, GraphML, GEXF, CSV.

    \b
    Example:
      instrumap export --format gexf -o landscape.gexf     # open in Gephi
      instrumap export --format nquads -o all.nq
    """
    store = open_store(store_path)
    target = output or Path(store_path) / f"graph.{SUFFIX.get(fmt, 'csv')}"
    for path in export(store, fmt, target):
        click.echo(str(path))


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
