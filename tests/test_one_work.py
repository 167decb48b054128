"""One work per symbol: a resolution read in two languages is one FRBR work with one expression per language."""

from __future__ import annotations

import shutil

import pytest

from instrumap.builder import build
from instrumap.graph.sparql import QueryError, bind, rows, run, saved_queries
from instrumap.graph.store import GraphStore

from conftest import CORPUS

WORK = "https://undocs.org/A/RES/58/140"
# The opening of A/RES/58/140 in English (the Chinese version is a fixture of the corpus).
ENGLISH = """United Nations

General Assembly

A/RES/58/140
Distr.: General
4 February 2004

Fifty-eighth session
Agenda item 108

Resolution adopted by the General Assembly on 22 December 2003
[on the report of the Third Committee (A/58/499)]

58/140. Strengthening the United Nations Crime Prevention and Criminal Justice Programme, in particular its technical cooperation capacity
The General Assembly,
Recalling its resolution 46/152 of 18 December 1991 on the creation of an effective United Nations crime
prevention and criminal justice programme,
Recalling also its resolution 57/173 of 18 December 2002 on strengthening the United Nations Crime
Prevention and Criminal Justice Programme, in particular its technical cooperation capacity,
1. Takes note of the report of the Secretary-General;
"""
_EXPRESSIONS = f"""SELECT ?expression ?language WHERE {{
  ?expression frbr:realizationOf <{WORK}> ; dcterms:language ?language }} ORDER BY ?language"""
# Every citation of the work with the language of its quote and of the expression it was read in.
_CITATIONS = f"""SELECT ?target ?quoted ?read WHERE {{
  ?c cito:hasCitingEntity <{WORK}> ; cito:hasCitedEntity ?target ; im:quotedText ?quote ; prov:wasDerivedFrom ?e .
  ?e dcterms:language ?read BIND(LANG(?quote) AS ?quoted) }}"""


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> GraphStore:
    out = tmp_path_factory.mktemp("languages")
    corpus = out / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / "A_RES_58_140.zh.txt", corpus)
    (corpus / "A_RES_58_140.en.txt").write_text(ENGLISH, encoding="utf-8")
    assert build([corpus], out / "out", exports=False).built == 2
    return GraphStore(out / "out" / "store", read_only=True)


def table(store: GraphStore, text: str) -> list[list[str]]:
    return rows(run(store, text))[1]  # type: ignore[arg-type]


def saved(store: GraphStore, name: str, **params: str) -> list[list[str]]:
    return table(store, bind(saved_queries()[name], params))


def test_two_language_versions_are_one_work_with_two_expressions(store) -> None:
    assert table(store, _EXPRESSIONS) == [["https://undocs.org/en/A/RES/58/140", "en"],
                                          ["https://undocs.org/zh/A/RES/58/140", "zh"]]  # fmt: skip
    works = table(store, 'SELECT DISTINCT ?work WHERE { ?work im:symbol "A/RES/58/140" ; a im:Resolution }')
    assert works == [[WORK]]


def test_citations_keep_their_language_version(store) -> None:
    citations = table(store, _CITATIONS)
    assert {quoted for _, quoted, _ in citations} == {"en", "zh"}
    assert all(quoted == read for _, quoted, read in citations)
    both = {target for target, quoted, _ in citations if quoted == "en"} & {t for t, q, _ in citations if q == "zh"}
    assert "https://undocs.org/A/RES/57/173" in both  # the same target, cited from each version


def test_saved_queries_filter_by_language(store) -> None:
    assert saved_queries()["documents"].optional == ["limit", "offset", "language"]
    assert "language" in saved_queries()["citing"].optional
    assert [r[1] for r in saved(store, "documents")] == ["A/RES/58/140"]
    assert [r[3] for r in saved(store, "documents", language="zh")] == ["en zh"]
    assert saved(store, "documents", language="fr") == []
    everything = saved(store, "citing", target="A/RES/57/173")
    english = saved(store, "citing", target="A/RES/57/173", language="en")
    chinese = saved(store, "citing", target="A/RES/57/173", language="zh")
    assert english and chinese and sorted(english + chinese) == sorted(everything)
    assert all("57/173" in quote for *_, quote in english)


def test_a_language_that_is_not_a_tag_is_refused() -> None:
    with pytest.raises(QueryError, match="language must be a tag"):
        bind(saved_queries()["documents"], {"language": 'en" ) } DROP ALL #'})
