"""The command line as a user meets it: help everywhere, one clear line for bad input, batches that go on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from instrumap.cli import main

from conftest import SEED

README = Path(__file__).resolve().parents[1] / "README.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example_and_is_documented(command: str) -> None:
    code, out, _ = run(command, "--help")
    assert code == 0 and "Example:" in out
    assert f"instrumap {command}" in README.read_text(encoding="utf-8")


def test_extract_jsonl_and_table() -> None:
    code, out, _ = run("extract", str(SEED), "--format", "jsonl")
    record = json.loads(out)
    assert code == 0 and record["document"]["symbol"] == "A/RES/58/140"
    code, out, _ = run("extract", str(SEED))
    assert code == 0 and "A/RES/46/152" in out and "A/RES/55/25 --adopts--> untoc" in out


def test_bad_inputs_get_one_line_each_and_the_batch_goes_on(tmp_path) -> None:
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c_french.txt").write_text(
        "Rappelant sa résolution 57/173 du 18 décembre 2002 et les autres résolutions sur la question,"
    )
    (tmp_path / "d_digits.txt").write_text("12345 67/89 --- ***")
    (tmp_path / "e_good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("extract", str(tmp_path), str(tmp_path / "missing.txt"), "--format", "jsonl")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 5
    assert re.search(r"a_empty\.txt: empty file$", lines[0])
    assert "b_binary.txt: binary file" in lines[1]
    assert "c_french.txt: French (fr) documents are not supported yet" in lines[2]
    assert "d_digits.txt: language not recognized" in lines[3]
    assert "missing.txt: no such file" in lines[4]
    assert "Traceback" not in err
    assert json.loads(out)["document"]["symbol"] == "A/RES/58/140"


def test_build_with_no_argument_uses_the_shipped_sample(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run("build", "--quiet")
    assert code == 0 and out.startswith("built 4, unchanged 0, problems 0")
    for name in ("store", "graph.ttl", "references.jsonl", "graph.html"):
        assert (tmp_path / "instrumap-out" / name).exists()
    code, out, _ = run("build", "--quiet")
    assert out.startswith("built 0, unchanged 4")
    code, out, _ = run("query", "most-cited", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "target,label,type,documents,citations"
    code, out, _ = run("query", "citing", "-p", "target=untoc", "--format", "json")
    assert code == 0 and json.loads(out)["results"]["bindings"]
    code, out, _ = run("stats", "--top", "3")
    assert code == 0 and "Most cited" in out
    code, out, _ = run("validate")
    assert code == 0 and "conforms" in out


def test_malformed_sparql_gets_line_and_column(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    run("build", "--quiet", str(SEED))
    code, _, err = run("query", "SELECT ?x WHERE {\n  ?x ?y }")
    assert code == 1 and re.fullmatch(r"instrumap: malformed SPARQL: error at 2:\d+: .*\n", err)
    code, _, err = run("query", "citing")
    assert code == 1 and "needs --param target=" in err
    code, _, err = run("query", "most-cited", "-s", str(tmp_path / "nowhere"))
    assert code == 1 and "no store here" in err
