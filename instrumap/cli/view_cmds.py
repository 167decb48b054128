"""``instrumap visualize`` and ``instrumap show``: the interactive graph and the document view."""

from __future__ import annotations

from pathlib import Path

import click
from pyoxigraph import RdfFormat

from instrumap.cli.app import UserError, main
from instrumap.cli.stores import DEFAULT_OUT, open_store, positional_store, store_option
from instrumap.corpus import extract_file
from instrumap.graph.files import atomic_write
from instrumap.graph.show import render_document
from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, label_languages
from instrumap.graph.visualize import write_html


def _load(source: Path) -> GraphStore:
    """A store folder (or build output folder), or an RDF file loaded into memory."""
    if source.is_dir():
        return open_store(source)
    if not source.is_file():
        raise UserError(f"{source}: no such store or RDF file")
    try:
        fmt = RdfFormat.from_extension(source.suffix.lstrip(".")) or RdfFormat.TURTLE
        store = GraphStore()
        store.store.load(path=str(source), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise UserError(f"{source}: cannot read RDF ({exc})") from None
    return store


@main.command("visualize")
@click.argument("source", type=click.Path(path_type=Path), required=False, metavar="[STORE_OR_TTL]")
@store_option
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("graph.html"), show_default=True)
@click.option("--focus", help="Draw only the neighbourhood of this node (a symbol, an authority id or an IRI).")
@click.option("--depth", default=1, show_default=True, help="How many steps around --focus.")
@click.option("--top", type=int, help="Only the N most-cited targets and the documents citing them.")
@click.option("--language", type=click.Choice(label_languages()), default="en", show_default=True,
              help="Which labels to show first (the page can switch).")  # fmt: skip
@click.option("--renderer", type=click.Choice(["auto", "canvas", "webgl"]), default="auto", show_default=True,
              help="canvas (vis-network) or webgl (sigma.js); auto draws up to 2,000 nodes on a canvas.")  # fmt: skip
def visualize_command(
    source: Path | None, store_path: Path, output: Path, focus: str | None, depth: int, top: int | None, language: str,
    renderer: str,
) -> None:  # fmt: skip
    """Write the interactive, offline HTML graph of a store or an RDF file (build writes one too).

    \b
    Example:
      instrumap visualize -s instrumap-out -o graph.html
      instrumap visualize -s graph.ttl --focus untoc --depth 2 -o palermo.html
      instrumap visualize -s instrumap-out --top 25 --language zh -o top.html
    """
    store = _load(positional_store(source, store_path, "visualize"))
    try:
        drawn = write_html(store, output, ViewOptions(focus, depth, top, language, renderer))
    except KeyError:
        raise UserError(f"{focus}: not a node of this graph") from None
    click.echo(f"{output}: {drawn} nodes")


@main.command("show")
@click.argument("document", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help=f"HTML file (default: {DEFAULT_OUT}/show/<document>.html, never beside the source).")  # fmt: skip
@click.option("--graph", "graph_page", help="The graph page the references link to (graph.html#node=<IRI>), "
              f"relative to the output (default: the build's graph.html, {DEFAULT_OUT}/graph.html).")  # fmt: skip
def show_command(document: Path, output: Path | None, graph_page: str | None) -> None:
    """Write a document's text with every reference highlighted by kind and linked to its target.

    The page goes to the output folder, not beside the document, and carries instrumap's generator
    mark: a later `instrumap build` of the document's folder never reads it as a document.

    \b
    Example:
      instrumap show A_RES_58_140.zh.txt                  # → instrumap-out/show/A_RES_58_140.zh.html
      instrumap show A_RES_58_140.zh.txt -o A_RES_58_140.html
    """
    extraction = extract_file(document)
    target = output or DEFAULT_OUT / "show" / f"{document.stem}.html"
    with atomic_write(target) as fh:
        fh.write(render_document(extraction, graph_page or ("graph.html" if output else "../graph.html")))
    click.echo(f"{target}: {len(extraction.references)} references highlighted")
