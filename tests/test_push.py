"""Pushing to Virtuoso, the reference triple store: a private instance started by the test."""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from instrumap.builder import build
from instrumap.graph.local_endpoint import free_port
from instrumap.graph.push import push
from instrumap.graph.store import GraphStore

from conftest import CORPUS, SEED

VIRTUOSO = shutil.which("virtuoso-t")
SYSTEM_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
pytestmark = pytest.mark.skipif(not VIRTUOSO or not SYSTEM_INI.exists(), reason="virtuoso-opensource is not installed")


@pytest.fixture(scope="module")
def virtuoso(tmp_path_factory):
    folder = tmp_path_factory.mktemp("virtuoso")
    sql_port, http_port = free_port(), free_port()
    ini = SYSTEM_INI.read_text()
    ini = ini.replace("/var/lib/virtuoso-opensource-7/db/", f"{folder}/")
    ini = re.sub(r"(?m)^ServerPort\s*=\s*1111\b", f"ServerPort = {sql_port}", ini)
    ini = re.sub(r"(?m)^ServerPort\s*=\s*8890\b", f"ServerPort = {http_port}", ini)
    (folder / "virtuoso.ini").write_text(ini)
    subprocess.run(
        [VIRTUOSO, "+configfile", str(folder / "virtuoso.ini"), "+wait"], check=True, timeout=180, cwd=folder
    )
    base = f"http://127.0.0.1:{http_port}"
    yield base
    lock = folder / "virtuoso.lck"
    if lock.exists():
        pid = re.search(r"\d+", lock.read_text())
        if pid:
            subprocess.run(["kill", pid.group(0)], check=False)


def count_by_graph(base: str) -> dict[str, int]:
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/instrumap/graph/')) } GROUP BY ?g")  # fmt: skip
    return {row[0]: int(row[1]) for row in select(base, query)}


def select(base: str, query: str) -> list[list[str]]:
    url = f"{base}/sparql?{urllib.parse.urlencode({'query': query})}"
    with urllib.request.urlopen(urllib.request.Request(url, headers={"Accept": "text/csv"}), timeout=60) as response:
        rows = list(csv.reader(io.StringIO(response.read().decode())))
    return rows[1:]


def test_push_count_query_and_repush_one_changed_document(virtuoso, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INSTRUMAP_PUSH_USER", "dba")
    monkeypatch.setenv("INSTRUMAP_PUSH_PASSWORD", "dba")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    shutil.copy(CORPUS / "A_RES_55_63.en.txt", corpus / "A_RES_55_63.en.txt")
    build([corpus], tmp_path / "out")
    store = GraphStore(tmp_path / "out" / "store", read_only=True)
    expected = {g: sum(1 for _ in store.quads([g])) for g in store.graphs()}
    state = tmp_path / "out" / ".push-state.json"
    report = push(store, state, graph_store=f"{virtuoso}/sparql-graph-crud-auth", batch=300)
    assert len(report.pushed) == len(expected)
    assert count_by_graph(virtuoso) == expected
    rows = select(virtuoso, "SELECT ?p WHERE { ?c <http://purl.org/spar/cito/hasCitedEntity> <https://undocs.org/A/RES/46/152> ; "
                            "<https://w3id.org/instrumap/ontology#paragraph> ?p }")  # fmt: skip
    assert rows == [["PP1"]]
    del store
    seed = corpus / SEED.name
    seed.write_text(seed.read_text(encoding="utf-8").replace("**强调**联合国", "**回顾**其第 57/170 号决议，**强调**联合国"),
                    encoding="utf-8")  # fmt: skip
    build([corpus], tmp_path / "out")
    store = GraphStore(tmp_path / "out" / "store", read_only=True)
    again = push(store, state, graph_store=f"{virtuoso}/sparql-graph-crud-auth", batch=300)
    # The changed document, and the query summary whose counts it changed.
    assert again.pushed == [
        "https://w3id.org/instrumap/graph/summary",
        "https://w3id.org/instrumap/graph/zh/A/RES/58/140",
    ]
    counts = count_by_graph(virtuoso)
    assert counts == {g: sum(1 for _ in store.quads([g])) for g in store.graphs()}
    assert (
        counts["https://w3id.org/instrumap/graph/en/A/RES/55/63"]
        == expected["https://w3id.org/instrumap/graph/en/A/RES/55/63"]
    )
