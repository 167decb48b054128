"""Output helpers shared by every command: aligned tables, JSON Lines, one-line warnings."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import IO, Any

import click


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
