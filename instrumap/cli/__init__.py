"""The ``instrumap`` command line: one group, each command in its own module."""

from instrumap.cli import evaluate_cmd, extract_cmd  # noqa: F401  (registers the commands)
from instrumap.cli.app import main

__all__ = ["main"]
