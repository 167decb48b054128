"""The ``instrumap`` command group: one entry point, user errors as one line and exit code 1."""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from instrumap import __version__
from instrumap.extract.errors import InputError


class UserError(click.ClickException):
    """A mistake of the user's (bad query, missing store …): printed as one line, exit code 1."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        click.echo(f"instrumap: {self.format_message()}", err=True)


def require_extra(extra: str, what: str, *modules: str) -> None:
    """One line naming the extra to install when an optional dependency of ``what`` is missing."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise UserError(f'{what} needs the "{extra}" extra: pip install "instrumap[{extra}]"') from None


#: Each command's module, imported only when the command runs (or ``--help`` lists them all), so that
#: ``instrumap extract`` does not load rdflib, NetworkX and the views.
COMMANDS = {
    "build": "build_cmd", "evaluate": "evaluate_cmd", "extract": "extract_cmd", "stats": "graph_cmds",
    "export": "graph_cmds", "validate": "graph_cmds", "push": "graph_cmds", "query": "query_cmd",
    "serve": "serve_cmd", "visualize": "view_cmds", "show": "view_cmds",
}  # fmt: skip


class Group(click.Group):
    """Loads commands on demand; turns InputError into UserError so no traceback reaches the user."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            importlib.import_module(f"instrumap.cli.{COMMANDS[cmd_name]}")  # its decorator registers it
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except InputError as exc:
            raise UserError(str(exc)) from None
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except KeyboardInterrupt:
            click.echo("instrumap: interrupted", err=True)
            sys.exit(130)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="instrumap")
def main() -> None:
    """Turn UN documents into a citation knowledge graph of the instrument landscape.

    \b
    Example:
      instrumap build                      # the shipped sample corpus → ./instrumap-out
      instrumap extract doc.txt --format jsonl
    """
