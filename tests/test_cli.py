"""The command line as a user meets it: help everywhere, one clear line for bad input, batches that go on."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from instrumap.cli import main
from instrumap.cli.app import COMMANDS

from conftest import SEED

README = Path(__file__).resolve().parents[1] / "README.md"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("command", sorted(COMMANDS))
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
    assert len(lines) == 4
    assert re.search(r"a_empty\.txt: empty file$", lines[0])
    assert "b_binary.txt: binary file" in lines[1]
    assert "d_digits.txt: language not recognized" in lines[2]
    assert "missing.txt: no such file" in lines[3]
    assert "Traceback" not in err
    french, seed = (json.loads(line) for line in out.splitlines())
    assert [r["id"] for r in french["references"]] == ["A/RES/57/173"]
    assert seed["document"]["symbol"] == "A/RES/58/140"


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


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("cli") / "out"
    assert run("build", "--quiet", str(SEED), "-o", str(folder))[0] == 0
    return folder


@pytest.mark.parametrize(("fmt", "expected"), [("table", "true"), ("csv", "true"), ("tsv", "true"),
                                               ("json", '"boolean":true'), ("xml", "<boolean>true</boolean>")])  # fmt: skip
def test_ask_in_every_format(out: Path, fmt: str, expected: str) -> None:
    code, stdout, _ = run("query", "ASK { ?s ?p ?o }", "-s", str(out), "--format", fmt)
    assert code == 0 and expected in stdout


@pytest.mark.parametrize("update", ["INSERT DATA { <a:b> <a:c> <a:d> }", "DROP ALL", "LOAD <http://127.0.0.1:9/x>",
                                    "# a comment\nPREFIX a: <http://a/> DELETE WHERE { ?s ?p ?o }",
                                    "INSERT { ?s ?p ?o } WHERE { SELECT * WHERE { ?s ?p ?o } }"])  # fmt: skip
def test_updates_are_refused_not_called_malformed(out: Path, update: str) -> None:
    code, _, err = run("query", update, "-s", str(out))
    assert code == 1 and err.startswith("instrumap: updates are refused") and err.count("\n") == 1


@pytest.mark.parametrize(("param", "problem"), [
    ("target=https://x> } ?s ?p ?o {", "is not a valid IRI"), ("target=https://a b/", "is not a valid IRI"),
    ("a b=c", "is not a parameter name"), ("?x=1", "is not a parameter name"), ("other=untoc", "has no parameter"),
])  # fmt: skip
def test_bad_parameter_values_and_names_get_one_line(out: Path, param: str, problem: str) -> None:
    extra = [] if param.startswith("target=") else ["-p", "target=untoc"]
    code, _, err = run("query", "citing", "-p", param, *extra, "-s", str(out))
    assert code == 1 and problem in err and err.count("\n") == 1 and "Traceback" not in err


def test_construct_as_csv_is_real_csv(out: Path) -> None:
    query = "CONSTRUCT { ?d im:symbol ?s } WHERE { ?d im:symbol ?s }"
    code, stdout, _ = run("query", query, "-s", str(out), "--format", "csv")
    table = list(csv.reader(io.StringIO(stdout)))
    assert code == 0 and table[0] == ["subject", "predicate", "object"] and len(table) > 3
    assert ["https://undocs.org/A/RES/58/140", "https://w3id.org/instrumap/ontology#symbol", "A/RES/58/140"] in table
    code, stdout, _ = run("query", query, "-s", str(out), "--format", "json")
    assert code == 0 and isinstance(json.loads(stdout), list)  # JSON-LD


def test_select_star_keeps_the_query_variable_order(out: Path) -> None:
    code, stdout, _ = run("query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1", "-s", str(out), "--format", "csv")
    assert code == 0 and stdout.splitlines()[0] == "s,p,o"
    code, stdout, _ = run("query", "SELECT * WHERE { ?zeta im:symbol ?alpha . BIND(1 AS ?mid) } LIMIT 1",
                          "-s", str(out), "--format", "json")  # fmt: skip
    assert json.loads(stdout)["head"]["vars"] == ["zeta", "alpha", "mid"]


def test_show_never_writes_beside_the_source_and_views_are_not_inputs(tmp_path, monkeypatch) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / SEED.name).write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path)
    code, stdout, _ = run("show", str(corpus / SEED.name))
    page = tmp_path / "instrumap-out" / "show" / "A_RES_58_140.zh.html"
    assert code == 0 and page.is_file() and sorted(p.name for p in corpus.iterdir()) == [SEED.name]
    (corpus / "saved-view.html").write_bytes(page.read_bytes())  # a view saved among the documents by hand
    code, stdout, _ = run("build", "--quiet", str(corpus), "-o", str(corpus / "out"))
    assert code == 0 and stdout.startswith("built 1, unchanged 0, problems 0")
    code, stdout, _ = run("build", "--quiet", str(corpus), "-o", str(corpus / "out"))  # its outputs are not inputs
    assert code == 0 and stdout.startswith("built 0, unchanged 1, problems 0")
    code, stdout, _ = run("build", "--quiet", str(tmp_path))  # ./instrumap-out/show/ is skipped too
    assert code == 0 and stdout.startswith("built 1, unchanged 0, problems 0")


STORE_COMMANDS = ["query", "stats", "export", "validate", "push", "visualize", "serve"]


@pytest.mark.parametrize("command", STORE_COMMANDS)
def test_the_store_is_named_the_same_way_everywhere(command: str) -> None:
    options = {o.name: o for o in main.get_command(None, command).params}  # type: ignore[arg-type, union-attr]
    assert set(options["store_path"].opts) == {"-s", "--store"}


def test_positional_store_still_works_with_a_notice(out: Path, tmp_path) -> None:
    code, _, err = run("visualize", str(out), "-o", str(tmp_path / "g.html"))
    assert code == 0 and (tmp_path / "g.html").is_file() and "deprecated; use `instrumap visualize -s" in err


READ_COMMANDS = ["query", "stats", "extract", "evaluate"]


@pytest.mark.parametrize("command", READ_COMMANDS)
def test_every_read_command_has_the_same_output_options(command: str) -> None:
    options = {o.name: o for o in main.get_command(None, command).params}  # type: ignore[arg-type, union-attr]
    assert set(options["fmt"].opts) == {"--format"} and options["fmt"].default == "table"
    assert set(options["output"].opts) == {"-o", "--output"}


def test_output_option_writes_the_file(out: Path, tmp_path) -> None:
    for args in (["query", "most-cited", "-s", str(out), "--format", "csv"], ["stats", "-s", str(out), "--format", "json"],
                 ["extract", str(SEED), "--format", "jsonl"]):  # fmt: skip
        target = tmp_path / f"{args[0]}.out"
        code, stdout, _ = run(*args, "-o", str(target))
        assert code == 0 and stdout == "" and target.stat().st_size > 100
    assert json.loads((tmp_path / "stats.out").read_text())["most_cited"][0]["documents"] >= 1


def test_export_csv_explains_its_two_files(out: Path, tmp_path) -> None:
    code, stdout, err = run("export", "-s", str(out), "--format", "csv", "-o", str(tmp_path / "x.csv"))
    assert code == 0 and stdout.split() == [str(tmp_path / "x-nodes.csv"), str(tmp_path / "x-edges.csv")]
    assert err.count("\n") == 1 and "one table" in err and "x.csv" in err


def test_extract_package_is_importable_and_callable() -> None:
    import instrumap
    import instrumap.extract.read.structure

    assert callable(instrumap.extract.read.structure.read_structure)
    assert instrumap.extract(SEED).document.metadata.symbol == "A/RES/58/140"
    assert instrumap.extract(SEED, language="zh").references
