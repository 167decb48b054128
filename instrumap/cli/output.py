"""Output helpers shared by every command: the output options, aligned tables, JSON Lines, one-line warnings."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from instrumap.graph.files import atomic_write


def table(rows: Iterable[Sequence[Any]], headers: Sequence[str], out: IO[str] | None = None) -> None:
    """Print ``rows`` under ``headers`` as an aligned plain-text table."""
    out = out or sys.stdout
    body = [[_cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        widths = [max(w, len(c)) for w, c in zip(widths, row, strict=False)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=False)).rstrip()
    out.write(line + "\n" + "  ".join("-" * w for w in widths) + "\n")
    for row in body:
        out.write("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=False)).rstrip() + "\n")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.3f}"
    return str(value).replace("\n", " ")


def jsonl(record: Any, out: IO[str] | None = None) -> None:
    (out or sys.stdout).write(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")


def warn(message: str) -> None:
    click.echo(f"instrumap: {message}", err=True)


FORMAT_HELP = {
    "table": "an aligned table to read",
    "csv": "CSV",
    "tsv": "TSV",
    "json": "JSON",
    "jsonl": "JSON Lines (one object per line)",
    "xml": "XML",
}


def output_options(*formats: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``--format`` (the first of ``formats`` by default) and ``-o/--output FILE``: the same on every read command."""

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option(
            "-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
            help="Write to FILE (whole, or not at all) instead of standard output.",
        )(func)  # fmt: skip
        return click.option(
            "--format", "fmt", type=click.Choice(formats), default=formats[0], show_default=True,
            help="; ".join(f"{name}: {FORMAT_HELP[name]}" for name in formats) + ".",
        )(func)  # fmt: skip

    return decorate


@contextmanager
def output_stream(output: Path | None) -> Iterator[IO[str]]:
    """Standard output, or ``output`` written through a temporary file (no half-written result)."""
    if output is None:
        yield sys.stdout
        return
    with atomic_write(output) as fh:
        yield fh
