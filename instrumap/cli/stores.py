"""Opening the store a command reads: an output folder of `build` or the store folder itself."""

from __future__ import annotations

from pathlib import Path

import click

from instrumap.cli.app import UserError
from instrumap.graph.store import GraphStore, StoreError, store_folder

DEFAULT_OUT = Path("instrumap-out")


def store_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--store", "-s", "store_path", type=click.Path(path_type=Path), default=DEFAULT_OUT, show_default=True,
        help="The output folder of `instrumap build`, or its store/ folder.",
    )(func)  # fmt: skip


def open_store(path: Path) -> GraphStore:
    folder = store_folder(path)
    if not folder.is_dir():
        raise UserError(f"{path}: no store here (run `instrumap build` first, or give --store)")
    try:
        return GraphStore(folder, read_only=True)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"{folder}: cannot open the store ({exc})") from None


def positional_store(positional: Path | None, option: Path, command: str) -> Path:
    """The store named by the deprecated positional argument (with a one-line notice), else by ``-s/--store``."""
    if positional is None:
        return option
    click.echo(f"instrumap: `instrumap {command} STORE` is deprecated; use `instrumap {command} -s STORE`", err=True)
    return positional
