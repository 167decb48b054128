"""``instrumap build``: documents → store, Turtle, references and the HTML graph in one folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from instrumap.builder import build
from instrumap.cli.app import UserError, main
from instrumap.cli.output import warn
from instrumap.corpus import sample_corpus
from instrumap.graph.store import StoreError


@main.command("build")
@click.argument("paths", nargs=-1)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("instrumap-out"), show_default=True,
              help="Output folder: store/, graph.ttl, references.jsonl, graph.html.")  # fmt: skip
@click.option("--language", type=click.Choice(["zh", "en"]), help="Skip language detection.")
@click.option("--quiet", "-q", is_flag=True, help="Only problems and the summary line.")
def build_command(paths: tuple[str, ...], out: Path, language: str | None, quiet: bool) -> None:
    """Build the citation graph of documents (files or folders); with no PATH, of the shipped sample.

    A second build into the same folder adds to the store: unchanged documents are skipped, changed
    ones replace their own named graph.

    \b
    Example:
      instrumap build                               # the sample corpus → ./instrumap-out
      instrumap build corpus/ -o out/ && instrumap query most-cited -s out/
    """
    sources = list(paths) or [str(sample_corpus())]
    log = None if quiet else (lambda line: click.echo(line, err=True))
    try:
        report = build(sources, out, language=language, log=log)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    for source, problem in report.problems if quiet else []:
        warn(f"{source}: {problem}")
    click.echo(
        f"built {report.built}, unchanged {report.skipped}, problems {len(report.problems)}; "
        f"{report.triples} triples in {out / 'store'} ({report.seconds:.1f} s)"
    )
    click.echo(f"open {out / 'graph.html'} · query with `instrumap query most-cited -s {out}`")
    if report.problems:
        sys.exit(1)
