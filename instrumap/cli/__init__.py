"""The ``instrumap`` command line: one group, each command in its own module, loaded when it runs."""

from instrumap.cli.app import main

__all__ = ["main"]
