"""``instrumap build``: documents → store, Turtle, references and the HTML graph in one folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from instrumap.builder import LOAD_BATCH_GRAPHS, build
from instrumap.cli.app import UserError, main, require_extra
from instrumap.cli.output import warn
from instrumap.corpus import sample_corpus
from instrumap.extract.lexicon import supported_languages
from instrumap.graph.store import StoreError


@main.command("build")
@click.argument("paths", nargs=-1)
@click.option("-o", "--out", type=click.Path(path_type=Path), default=Path("instrumap-out"), show_default=True,
              help="Output folder: store/, graph.ttl, references.jsonl, graph.html.")  # fmt: skip
@click.option("--language", type=click.Choice(supported_languages()), help="Skip language detection.")
@click.option("--workers", "-w", default=1, show_default=True, help="Extract in a pool of this many processes.")
@click.option("--dask", metavar="ADDRESS", help="Extract on a Dask cluster (scheduler address, or `local`).")
@click.option("--no-exports", is_flag=True,
              help="Skip graph.ttl and graph.html (large corpora: export on demand).")  # fmt: skip
@click.option("--batch", type=click.IntRange(min=1), default=LOAD_BATCH_GRAPHS, show_default=True,
              help="Documents per store load, at most (also capped at 64 MB and 10 s); an interrupted build "
                   "redoes one batch.")  # fmt: skip
@click.option("--quiet", "-q", is_flag=True, help="Only problems and the summary line.")
def build_command(
    paths: tuple[str, ...],
    out: Path,
    language: str | None,
    workers: int,
    dask: str | None,
    no_exports: bool,
    batch: int,
    quiet: bool,
) -> None:
    """Build the citation graph of documents (files or folders); with no PATH, of the shipped sample.

    Reads text, PDF, DOCX, DOC and HTML. A second build into the same folder adds to the store:
    unchanged documents are skipped, changed ones replace their own named graph, and an interrupted
    build continues where it stopped. Unreadable files are reported (problems.jsonl) and skipped.

    \b
    Example:
      instrumap build                               # the sample corpus → ./instrumap-out
      instrumap build corpus/ -o out/ --workers 2 && instrumap query most-cited -s out/
      instrumap build corpus/ -o out/ --dask tcp://scheduler:8786
    """
    if dask:
        require_extra("distributed", "--dask", "dask.distributed")
    sources = list(paths) or [str(sample_corpus())]
    tty = sys.stderr.isatty()
    log = None if quiet else (lambda line: click.echo(line, err=True, nl=False))
    try:
        report = build(sources, out, language=language, log=log, workers=workers, dask=dask, tty=tty,
                       exports=not no_exports, batch=batch)  # fmt: skip
    except StoreError as exc:
        raise UserError(str(exc)) from None
    for source, problem in report.problems:
        warn(f"{source}: {problem}")
    click.echo(
        f"built {report.built}, unchanged {report.skipped}, problems {len(report.problems)}; "
        f"{report.triples} triples in {out / 'store'} ({report.seconds:.1f} s)"
    )
    for skipped, kept in report.duplicates:
        warn(f"{skipped}: same document as {kept} (kept {kept})")
    if report.problems:
        click.echo(f"problems listed in {out / 'problems.jsonl'}")
    if no_exports:
        click.echo(f"query with `instrumap query most-cited -s {out}`; "
                   f"draw with `instrumap visualize -s {out} --top 300`")  # fmt: skip
    else:
        click.echo(f"open {out / 'graph.html'} · query with `instrumap query most-cited -s {out}`")
    if report.problems:
        sys.exit(1)
