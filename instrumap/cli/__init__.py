"""The ``instrumap`` command line: one group, each command in its own module."""

from instrumap.cli import (  # noqa: F401  (importing registers the commands)
    build_cmd,
    evaluate_cmd,
    extract_cmd,
    graph_cmds,
    query_cmd,
    serve_cmd,
    view_cmds,
)
from instrumap.cli.app import main

__all__ = ["main"]
