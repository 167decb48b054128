"""The ``instrumap`` command line: one group, each command in its own module."""

from instrumap.cli import build_cmd, evaluate_cmd, extract_cmd, graph_cmds, query_cmd, view_cmds  # noqa: F401
from instrumap.cli.app import main

__all__ = ["main"]
