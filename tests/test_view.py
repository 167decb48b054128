"""The HTML graph's data: counts that agree with the saved queries, styles that tell things apart."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from instrumap.builder import build
from instrumap.cli import main
from instrumap.graph.sparql import bind, rows, run, saved_queries
from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, function_colors, styles, view_data
from instrumap.ontology.namespace import function_properties

from conftest import CORPUS

UNTOC = "https://w3id.org/instrumap/instrument/untoc"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample")
    build([CORPUS / "A_RES_58_140.zh.txt", CORPUS / "A_RES_64_179.en.txt", CORPUS / "A_RES_55_63.en.txt"], out)
    return out, GraphStore(out / "store", read_only=True)


def test_panel_counts_citations_once_as_most_cited_does(sample) -> None:
    """UNTOC once showed "157 citation(s)": each (document, target) pair was counted once per citation function."""
    store = sample[1]
    names, body = rows(run(store, bind(saved_queries()["most-cited"], {})))  # type: ignore[arg-type]
    ranked = {row[names.index("target")]: row for row in body}
    untoc = next(n for n in view_data(store, ViewOptions())["nodes"] if n["id"] == UNTOC)
    assert str(untoc["citations"]) == ranked[UNTOC][names.index("citations")]
    assert str(untoc["cited_by"]) == ranked[UNTOC][names.index("documents")]


def test_each_pair_is_one_edge_and_each_quote_is_listed_once(sample) -> None:
    data = view_data(sample[1], ViewOptions())
    pairs = [(e[0], e[1]) for e in data["edges"]]
    assert len(pairs) == len(set(pairs))
    for quotes in data["evidence"].values():
        texts = [(q[0], q[1]) for q in quotes]
        assert len(texts) == len(set(texts))


def test_every_citation_function_has_a_family_colour() -> None:
    assert set(function_properties()) <= set(function_colors())
    families = [f["color"] for f in styles()["function_families"].values()]
    assert len(families) == len(set(families)) >= 8


def test_meeting_types_are_told_apart() -> None:
    meetings = [(k, v["color"], v["shape"]) for k, v in styles()["types"].items() if v["group"] == "meeting"]
    assert len(meetings) >= 7
    assert len({c for _, c, _ in meetings}) == len(meetings)


def test_stats_prints_pagerank_with_four_significant_digits(sample) -> None:
    result = CliRunner().invoke(main, ["stats", "-s", str(sample[0])])
    assert result.exit_code == 0, result.output
    section = result.output.split("PageRank", 1)[1].split("Widest reach", 1)[0]
    scores = re.findall(r"\s(\d\.\d+(?:e-\d+)?)\s*$", section, re.M)
    assert len(scores) >= 5
    assert all(len(s.split("e")[0].replace(".", "").lstrip("0")) >= 3 for s in scores)
    assert len(set(scores)) > 1
