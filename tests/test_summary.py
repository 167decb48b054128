"""The query summary: saved queries read it, give the rows of their plain forms, and follow every change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import instrumap
from instrumap.builder import build
from instrumap.graph.sparql import QueryError, SavedQuery, bind, rows, run, saved_queries
from instrumap.graph.store import GraphStore
from instrumap.graph.summary import current_lines, expected_lines, refresh_summary
from instrumap.ontology.iris import base

from conftest import CORPUS, FIXTURES

REFERENCE = FIXTURES / "reference-queries"
PARAMS = {"citing": {"target": "untoc"}, "chain": {"from": "A/RES/58/140", "to": "uncac"}}
ENGLISH, CHINESE = "A_RES_55_63.en.txt", "A_RES_58_140.zh.txt"


def answers(store: GraphStore, query: SavedQuery, **params: str) -> list[tuple[str, ...]]:
    """The rows, headed by the column names."""
    names, body = rows(run(store, bind(query, {**PARAMS.get(query.name, {}), **params})))  # type: ignore[arg-type]
    return [tuple(names), *(tuple(row) for row in body)]


def plain(name: str) -> SavedQuery:
    return SavedQuery(name, (REFERENCE / f"{name}.rq").read_text(encoding="utf-8").replace("%BASE%", base()))


def assert_consistent(store: GraphStore) -> None:
    """The stored summary is the one the store's documents make, and every saved query gives its plain form's rows."""
    assert current_lines(store) == expected_lines(store)
    for name, saved in saved_queries().items():
        assert answers(store, saved) == answers(store, plain(name)), name


def symbols(store: GraphStore) -> list[str]:
    return [row[1] for row in answers(store, saved_queries()["documents"])[1:]]


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory) -> GraphStore:
    """The English and Chinese fixtures: one language version per work, so the plain forms (which count
    language versions apart) must give the very same rows."""
    corpus, out = tmp_path_factory.mktemp("one-version"), tmp_path_factory.mktemp("corpus")
    works: set[str] = set()
    for path in sorted([*CORPUS.glob("*.en.txt"), *CORPUS.glob("*.zh.txt")]):
        work = path.name.rsplit(".", 2)[0]  # A_RES_50_203.en.txt and A_RES_50_203.zh.txt are one work
        if work not in works:
            works.add(work)
            shutil.copy(path, corpus / path.name)
    build([corpus], out, exports=False)
    return GraphStore(out / "store", read_only=True)


@pytest.fixture
def two_documents(tmp_path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in (ENGLISH, CHINESE):
        shutil.copy(CORPUS / name, corpus / name)
    build([corpus], tmp_path / "out", exports=False)
    return corpus


def test_every_saved_query_gives_the_rows_of_its_plain_form(corpus_store) -> None:
    works = [row[0] for row in answers(corpus_store, saved_queries()["documents"])[1:]]
    assert len(works) == len(set(works)) >= 40  # one row per work (language versions of a symbol are one)
    assert_consistent(corpus_store)


def test_rebuilding_one_document_updates_its_counts(two_documents) -> None:
    out = two_documents.parent / "out"
    seed = two_documents / CHINESE
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("**强调**联合国", "**回顾**其第 57/170 号决议，**强调**联合国"), encoding="utf-8")
    assert build([two_documents], out, exports=False).built == 1
    store = GraphStore(out / "store")
    assert {row[1] for row in answers(store, saved_queries()["citing"], target="A/RES/57/170")[1:]} == {"A/RES/58/140"}
    assert_consistent(store)
    assert not refresh_summary(store)  # nothing changed since: the summary stays as it is


def test_a_replaced_document_leaves_no_row_behind(two_documents) -> None:
    out = two_documents.parent / "out"
    english = two_documents / ENGLISH
    english.write_text(english.read_text(encoding="utf-8").replace("55/63", "55/64"), encoding="utf-8")
    build([two_documents], out, exports=False)
    store = GraphStore(out / "store")
    assert symbols(store) == ["A/RES/55/64", "A/RES/58/140"]
    assert_consistent(store)


def test_a_removed_graph_is_taken_out_and_the_next_build_repairs_the_store(two_documents) -> None:
    out = two_documents.parent / "out"
    store = GraphStore(out / "store")
    store.remove_graph(f"{base()}graph/en/A/RES/55/63")
    assert refresh_summary(store)
    assert symbols(store) == ["A/RES/58/140"]
    assert_consistent(store)
    store.remove_graph(f"{base()}graph/zh/A/RES/58/140")  # as a build killed before its refresh would leave it
    del store
    assert build([two_documents], out, exports=False).built == 2
    store = GraphStore(out / "store", read_only=True)
    assert symbols(store) == ["A/RES/55/63", "A/RES/58/140"]
    assert_consistent(store)


def test_documents_come_a_page_at_a_time(corpus_store) -> None:
    documents = saved_queries()["documents"]
    head, *everything = answers(corpus_store, documents)
    assert documents.optional == ["limit", "offset", "language"]
    assert answers(corpus_store, documents, limit="3") == [head, *everything[:3]]
    assert answers(corpus_store, documents, limit="3", offset="3") == [head, *everything[3:6]]
    last = str(len(everything) - 1)
    assert [r["symbol"] for r in instrumap.query(corpus_store, "documents", offset=last)] == [everything[-1][1]]
    with pytest.raises(QueryError, match="offset must be a whole number"):
        bind(documents, {"offset": "-1"})


def test_language_versions_of_one_resolution_count_once(tmp_path) -> None:
    """S/RES/242 (1967) in English, French and Arabic is one work citing the Charter, not three."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for language in ("en", "fr", "ar"):
        shutil.copy(CORPUS / f"S_RES_242_1967.{language}.txt", corpus)
    build([corpus], tmp_path / "out", exports=False)
    store = GraphStore(tmp_path / "out" / "store", read_only=True)
    head, *rows = answers(store, saved_queries()["documents"])
    assert [row[0] for row in rows] == ["https://undocs.org/S/RES/242(1967)"]
    assert set(rows[0][head.index("languages")].split()) == {"ar", "en", "fr"}
    charter = next(row for row in answers(store, saved_queries()["most-cited"])[1:] if row[0].endswith("/un-charter"))
    assert charter[3] == "1"  # one citing document
