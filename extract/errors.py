"""The one exception type for bad input: its message is the one line a user sees."""

from __future__ import annotations


class InputError(Exception):
    """A document that cannot be read: the message names the file and the problem."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem
