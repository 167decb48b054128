"""What a process pays before its first document: the command line loads only the command it runs, the
package loads its API on first use, and lexicon alternations compile as tries that match as the flat
longest-first lists did."""

from __future__ import annotations

import importlib
import re
import subprocess
import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from instrumap.cli.app import COMMANDS, main
from instrumap.extract.lexicon import alternation


def test_every_command_is_listed_with_its_module() -> None:
    for module in sorted(set(COMMANDS.values())):
        importlib.import_module(f"instrumap.cli.{module}")
    assert set(main.commands) == set(COMMANDS)
    for name, command in main.commands.items():
        assert command.callback.__module__ == f"instrumap.cli.{COMMANDS[name]}", name  # type: ignore[union-attr]


def test_extracting_loads_no_graph_library() -> None:
    """``instrumap extract`` runs without rdflib, NetworkX, pyvis, Oxigraph or SciPy in the process."""
    code = (
        "import sys; from instrumap.cli.app import main; main.get_command(None, 'extract');"
        "print(sorted(m for m in ('rdflib', 'networkx', 'pyvis', 'pyoxigraph', 'scipy') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]", loaded


def _flat(words: list[str]) -> str:
    """The flat list, longest first; a run of spaces in a phrase stands for any run of white space, as one does."""
    ordered = sorted({re.sub(" {2,}", " ", w) for w in words}, key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) + ")"


WORDS = st.lists(st.text(alphabet="ab c.", min_size=1, max_size=6), min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=WORDS, text=st.text(alphabet="ab c.\n", max_size=12))
def test_the_trie_matches_what_the_flat_list_matched(words: list[str], text: str) -> None:
    trie, flat = re.compile(alternation(words)), re.compile(_flat(words))
    for at in range(len(text) + 1):
        one, other = trie.match(text, at), flat.match(text, at)
        assert (one and one.group()) == (other and other.group()), (words, text, at)
