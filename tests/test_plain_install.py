"""Every command the README shows, after the README's plain install (`pip install -e .`, no extras).

The plain install is simulated, not built (a virtualenv per run would be slow): each command runs in a
fresh interpreter whose ``sitecustomize`` makes every module that only an extra brings unimportable.
Each command must then work, or fail in one line naming the extra to install, never with a traceback.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from instrumap.cli.app import COMMANDS
from instrumap.graph.local_endpoint import free_port

from conftest import CORPUS, SEED

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
# Modules that only the extras (serve, formats, distributed, notebooks, test) install.
EXTRAS_ONLY = ("starlette", "uvicorn", "multipart", "python_multipart", "dask", "distributed", "pypdfium2",
               "ipykernel", "matplotlib", "playwright", "SPARQLWrapper", "nbclient", "nbformat", "pytest")  # fmt: skip
BLOCKER = f'''
import importlib.abc
import sys

class _PlainInstall(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in {EXTRAS_ONLY!r}:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None

sys.meta_path.insert(0, _PlainInstall())
'''
NEEDS_AN_EXTRA = re.compile(r"^instrumap: .* needs the \"\w+\" extra: pip install \"instrumap\[\w+\]\"$")


def readme_commands() -> list[list[str]]:
    """The `instrumap …` commands of the README's bash blocks, in order (`&&` chains split, env prefixes kept)."""
    text = README.read_text(encoding="utf-8")
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, re.S):
        for line in block.replace("\\\n", " ").splitlines():
            words = shlex.split(line, comments=True)
            while words:
                cut = words.index("&&") if "&&" in words else len(words)
                command, words = words[:cut], words[cut + 1 :]
                program = next((w for w in command if "=" not in w), "")
                if program == "instrumap":
                    commands.append(command)
    return commands


def test_the_readme_shows_every_command() -> None:
    shown = {c[c.index("instrumap") + 1] for c in readme_commands()}
    assert shown == set(COMMANDS)


@pytest.fixture(scope="module")
def plain(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """A working folder with the README's files, and the environment of a plain install."""
    folder = tmp_path_factory.mktemp("plain")
    (folder / "site").mkdir()
    (folder / "site" / "sitecustomize.py").write_text(BLOCKER, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    (folder / "corpus").mkdir()
    for name in (SEED.name, "A_RES_55_63.en.txt", "S_RES_661_1990.en.txt"):
        shutil.copy(CORPUS / name, folder / "corpus" / name)
    (folder / "tests").symlink_to(ROOT / "tests")
    env = {**os.environ, "PYTHONPATH": str(folder / "site")}
    return folder, env


def _run(command: list[str], folder: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assignments = dict(w.split("=", 1) for w in command[: command.index("instrumap")])
    args = command[command.index("instrumap") + 1 :]
    if args[0] == "push":  # no triple store here: a closed loopback port stands in for it
        args = [f"http://127.0.0.1:{free_port()}/sparql-graph-crud" if a.startswith("http") else a for a in args]
    return subprocess.run([sys.executable, "-m", "instrumap", *args], cwd=folder, env={**env, **assignments},
                          capture_output=True, text=True, timeout=300)  # fmt: skip


def test_every_readme_command_after_a_plain_install(plain) -> None:
    folder, env = plain
    probe = subprocess.run([sys.executable, "-c", "import starlette"], env=env, capture_output=True, text=True)
    assert probe.returncode == 1 and "ModuleNotFoundError" in probe.stderr  # the extras really are missing
    failures = []
    for command in readme_commands():
        done = _run(command, folder, env)
        name = command[command.index("instrumap") + 1]
        needs_extra = name == "serve" or "--dask" in command
        lines = done.stderr.strip().splitlines()
        if needs_extra:
            ok = done.returncode == 1 and len(lines) == 1 and NEEDS_AN_EXTRA.match(lines[0])
        else:
            one_line = len(lines) == 1 and lines[0].startswith("instrumap: ")
            ok = done.returncode == 0 or (done.returncode == 1 and one_line and name == "push")  # nothing to push to
        if not ok or "Traceback" in done.stderr:
            failures.append(f"{shlex.join(command)} → exit {done.returncode}: {done.stderr.strip()[-300:]}")
    assert not failures, "\n".join(failures)


def test_a_pdf_without_its_extra_is_one_line(plain) -> None:
    folder, env = plain
    pdf = next((CORPUS.parent / "pdf").glob("*.pdf"))
    done = subprocess.run([sys.executable, "-m", "instrumap", "extract", str(pdf)], cwd=folder, env=env,
                          capture_output=True, text=True)  # fmt: skip
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "instrumap[formats]" in done.stderr
