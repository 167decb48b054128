"""The knowledge graph: build, shapes, saved queries, exports, incremental re-builds."""

from __future__ import annotations

import shutil
from pathlib import Path

import networkx as nx
import pytest
from pyoxigraph import RdfFormat, parse
from rdflib import Graph
from rdflib.compare import to_isomorphic

from instrumap.builder import build
from instrumap.graph import network
from instrumap.graph.export import export
from instrumap.graph.sparql import bind, rows, run, saved_queries
from instrumap.graph.store import GraphStore
from instrumap.graph.validate import union_graph, validate_graph, validate_store

from conftest import CORPUS, SEED


@pytest.fixture(scope="module")
def seed_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seed")
    report = build([SEED], out)
    assert report.built == 1 and not report.problems
    return out


@pytest.fixture(scope="module")
def seed_store(seed_out) -> GraphStore:
    return GraphStore(seed_out / "store", read_only=True)


def query(store: GraphStore, name: str, **params: str) -> list[dict[str, str]]:
    names, body = rows(run(store, bind(saved_queries()[name], params)))  # type: ignore[arg-type]
    return [dict(zip(names, row, strict=True)) for row in body]


def test_build_writes_every_output(seed_out) -> None:
    for name in ("store", "graph.ttl", "references.jsonl", "graph.html"):
        assert (seed_out / name).exists(), name


def test_seed_graph_conforms_to_the_shapes(seed_store) -> None:
    result = validate_store(seed_store)
    assert result.conforms, result.report


def test_missing_symbol_and_citation_without_evidence_do_not_conform(seed_store) -> None:
    from rdflib import URIRef

    from instrumap.ontology.namespace import IM

    data = union_graph(seed_store)
    work = URIRef("https://undocs.org/A/RES/58/140")
    no_symbol = Graph() + data
    no_symbol.remove((work, IM.symbol, None))
    assert not validate_graph(no_symbol).conforms
    no_evidence = Graph() + data
    citation = next(no_evidence.subjects(IM.quotedText, None))
    no_evidence.remove((citation, IM.quotedText, None))
    result = validate_graph(no_evidence)
    assert not result.conforms and "quotes the source text" in result.report


def test_turtle_round_trips_and_parses_with_an_independent_parser(seed_out, seed_store) -> None:
    ttl = seed_out / "graph.ttl"
    ours = Graph().parse(ttl, format="turtle")
    from_store = Graph().parse(data=_seed_nt(seed_store), format="nt")
    assert to_isomorphic(ours) == to_isomorphic(from_store)
    independent = list(parse(path=str(ttl), format=RdfFormat.TURTLE))
    assert len(independent) == len(ours)
    if shutil.which("rapper"):
        import subprocess

        out = subprocess.run(["rapper", "-i", "turtle", "-c", str(ttl)], capture_output=True, text=True, check=True)
        assert f"returned {len(ours)} triples" in out.stderr


def test_turtle_is_stable_byte_for_byte(tmp_path) -> None:
    build([SEED], tmp_path / "a")
    build([SEED], tmp_path / "b")
    assert (tmp_path / "a" / "graph.ttl").read_bytes() == (tmp_path / "b" / "graph.ttl").read_bytes()


def test_most_cited_lists_the_convention_and_its_three_protocols(seed_store) -> None:
    targets = [r["target"].rsplit("/", 1)[-1] for r in query(seed_store, "most-cited")]
    assert targets[0] == "untoc"
    assert {"untoc-trafficking-protocol", "untoc-smuggling-protocol", "untoc-firearms-protocol"} <= set(targets)


def test_citing_returns_paragraphs_and_evidence(seed_store) -> None:
    found = query(seed_store, "citing", target="A/RES/57/173")
    assert {(r["symbol"], r["paragraph"], r["function"]) for r in found} == {
        ("A/RES/58/140", "PP2", "recalls"),
        ("A/RES/58/140", "OP1", "takes_note_with_appreciation"),
    }
    assert all("57/173" in r["quote"] for r in found)


def test_adopted_by_and_chain_and_years_and_pairs(seed_store) -> None:
    adopted = {(r["symbol"], r["instrument"].rsplit("/", 1)[-1]) for r in query(seed_store, "adopted-by")}
    assert {("A/RES/55/25", "untoc"), ("A/RES/55/255", "untoc-firearms-protocol"), ("A/RES/58/4", "uncac")} <= adopted
    chain = {r["step"] for r in query(seed_store, "chain", **{"from": "A/RES/58/140", "to": "uncac"})}
    assert {"https://undocs.org/A/RES/58/140", "https://w3id.org/instrumap/instrument/uncac"} <= chain
    assert query(seed_store, "citations-by-year") == [{"year": "2003", "documents": "1", "citations": "64"}]
    pairs = {(p["a"].rsplit("/", 1)[-1], p["b"].rsplit("/", 1)[-1]) for p in query(seed_store, "co-cited")}
    assert len(pairs) == 21  # seven instruments in the seed, every pair cited together once
    assert ("uncac", "untoc") in pairs
    assert [r["symbol"] for r in query(seed_store, "documents")] == ["A/RES/58/140"]
    assert all(r["mentions"] for r in query(seed_store, "unresolved"))


def test_rebuilding_one_document_leaves_the_others_untouched(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("A_RES_58_140.zh.txt", "A_RES_55_63.en.txt"):
        shutil.copy(CORPUS / name, corpus / name)
    out = tmp_path / "out"
    build([corpus], out)
    store = GraphStore(out / "store")
    english = "https://w3id.org/instrumap/graph/en/A/RES/55/63"
    chinese = "https://w3id.org/instrumap/graph/zh/A/RES/58/140"
    before = {str(q) for q in store.quads([english])}
    chinese_before = {str(q) for q in store.quads([chinese])}
    del store
    seed = corpus / "A_RES_58_140.zh.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("**强调**联合国", "**回顾**其第 57/170 号决议，**强调**联合国"), encoding="utf-8")
    report = build([corpus], out)
    assert (report.built, report.skipped) == (1, 1)
    store = GraphStore(out / "store", read_only=True)
    assert {str(q) for q in store.quads([english])} == before
    after = {str(q) for q in store.quads([chinese])}
    assert after != chinese_before and any("57/170" in q for q in after)


def test_networkx_view_and_analytics(seed_store) -> None:
    graph = network.to_networkx(seed_store)
    untoc = "https://w3id.org/instrumap/instrument/untoc"
    assert graph.nodes[untoc]["type"] == "convention"
    assert graph.nodes[untoc]["label_zh"] == "联合国打击跨国有组织犯罪公约"
    assert graph.has_edge("https://undocs.org/A/RES/58/140", untoc)
    assert graph.has_edge("https://w3id.org/instrumap/instrument/untoc-firearms-protocol", untoc)
    top = network.pagerank(graph, 5)
    assert top and top[0].value > 0
    assert network.most_cited(graph, 3)[0].value == 1


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_with_attributes(seed_store, tmp_path, fmt: str) -> None:
    (path,) = export(seed_store, fmt, tmp_path / f"g.{fmt}")
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    untoc = "https://w3id.org/instrumap/instrument/untoc"
    assert graph.nodes[untoc]["type"] == "convention"
    assert "Transnational Organized Crime" in graph.nodes[untoc]["label_en"]
    view = network.to_networkx(seed_store)
    assert graph.number_of_nodes() == view.number_of_nodes()


@pytest.mark.parametrize("fmt", ["ntriples", "nquads", "trig", "rdfxml", "jsonld", "csv"])
def test_other_exports_parse_back(seed_store, tmp_path, fmt: str) -> None:
    paths = export(seed_store, fmt, tmp_path / f"g.{fmt}")
    if fmt == "csv":
        assert paths[0].read_text().startswith("id,type,label_en")
        return
    rdflib_format = {"ntriples": "nt", "nquads": "nquads", "trig": "trig", "rdfxml": "xml", "jsonld": "json-ld"}[fmt]
    if fmt in ("nquads", "trig", "jsonld"):
        from rdflib import Dataset

        parsed = Dataset()
        parsed.parse(paths[0], format=rdflib_format)
        assert len(list(parsed.quads())) == len(seed_store)
    else:
        parsed = Graph().parse(paths[0], format=rdflib_format)
        assert len(parsed) == len(Graph().parse(data=_seed_nt(seed_store), format="nt"))


def _seed_nt(store: GraphStore) -> str:
    from pyoxigraph import serialize

    return serialize((q.triple for q in store.quads()), format=RdfFormat.N_TRIPLES).decode()


def test_nquads_shards_with_a_manifest(seed_store, tmp_path) -> None:
    import gzip
    import json

    from pyoxigraph import Store

    from instrumap.graph.export import write_shards

    paths = write_shards(seed_store, tmp_path / "shards", 3)
    manifest = json.loads((tmp_path / "shards" / "manifest.json").read_text())
    assert (
        len(manifest["shards"]) == 3
        and sorted(g for s in manifest["shards"] for g in s["graphs"]) == seed_store.graphs()
    )
    loaded = Store()
    for path in paths[:-1]:
        with gzip.open(path) as fh:
            loaded.bulk_load(fh, format=RdfFormat.N_QUADS)
    assert len(loaded) == len(seed_store) == sum(s["quads"] for s in manifest["shards"])
