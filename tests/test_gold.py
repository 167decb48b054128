"""The extractor against hand-checked gold files.

Two sets: the documents the extractor was developed on (the seed and six English resolutions), held
to near-perfect scores; and every gold file in ``tests/fixtures/gold`` (held-out documents of every
decade, organ and type, in English and Chinese), whose totals may never drop below the figures the
extractor has reached (``FLOORS``): a change that loses accuracy anywhere fails here.
"""

from __future__ import annotations

import pytest

from instrumap import extract
from instrumap.extract.evaluate import load_gold, score_document, summarize

from conftest import CORPUS, GOLD, SEED


def test_seed_against_its_gold_file() -> None:
    score = score_document(extract(SEED).as_json(), load_gold(GOLD / "A_RES_58_140.zh.json"))
    assert score.targets.precision >= 0.97, score.extras
    assert score.targets.recall >= 0.95, score.misses
    assert score.relations.fn == 0, score.relation_misses
    assert score.functions.recall >= 0.9
    assert score.paragraphs.recall >= 0.95


DEVELOPED_ON = ["A_RES_55_63.en.json", "A_RES_55_70.en.json", "A_RES_58_141.en.json", "A_RES_64_179.en.json",
                "A_RES_73_187.en.json", "S_RES_661_1990.en.json"]  # fmt: skip
# Reached on all gold files (targets F1 per language and overall; relation recall): raise them, never lower.
# (343 files. The 35 added last, annotated blind, brought the Pact for the Future with its annexes, two national
# reports and web copies in the six languages of 1952–2022, Arabic PDF extractions among them; they lowered the
# totals from 0.943 on the 308 before them, whose figures rose with them: en 0.941, ar 0.954, fr 0.947.)
FLOORS = {"en": 0.934, "zh": 0.972, "fr": 0.944, "es": 0.923, "ru": 0.931, "ar": 0.942, "all": 0.938,
          "relations_recall": 0.513, "functions": 0.819, "paragraphs": 0.785}  # fmt: skip


@pytest.mark.parametrize("gold", DEVELOPED_ON)
def test_english_document_against_its_gold_file(gold: str) -> None:
    source = CORPUS / gold.replace(".json", ".txt")
    score = score_document(extract(source).as_json(), load_gold(GOLD / gold))
    assert score.targets.precision >= 0.84, score.extras
    assert score.targets.recall >= 0.66, score.misses


def test_english_documents_together_reach_comparable_accuracy() -> None:
    scores = [score_document(extract(CORPUS / g.replace(".json", ".txt")).as_json(), load_gold(GOLD / g))
              for g in DEVELOPED_ON]  # fmt: skip
    total = summarize(scores)["targets"]
    assert total.precision >= 0.95  # type: ignore[attr-defined]
    assert total.recall >= 0.92  # type: ignore[attr-defined]


def test_json_lines_contract_of_the_seed() -> None:
    record = extract(SEED).as_json()
    assert set(record) == {"source", "document", "references", "relations", "problems"}
    assert set(record["document"]) == {"symbol", "language", "body", "date", "session", "agenda_item",
                                       "adopted_on_report", "title"}  # fmt: skip
    first = record["references"][1]
    assert {"kind", "id", "uri", "label", "text", "start", "end", "paragraph", "function"} <= set(first)
    text = SEED.read_text(encoding="utf-8")
    for ref in record["references"]:
        assert text[ref["start"] : ref["end"]] == ref["text"]
    assert first == {
        "kind": "resolution", "id": "A/RES/46/152", "uri": "https://undocs.org/A/RES/46/152",
        "label": {"en": "General Assembly resolution 46/152", "zh": "大会第46/152号决议",
                  "fr": "résolution 46/152 de l’Assemblée générale", "es": "resolución 46/152 de la Asamblea General",
                  "ru": "резолюция 46/152 Генеральной Ассамблеи", "ar": "قرار الجمعية العامة 46/152"},
        "text": "46/152", "start": first["start"], "end": first["end"], "paragraph": "PP1", "function": "recalls",
    }  # fmt: skip


def test_accuracy_over_every_gold_file_never_drops() -> None:
    scores = [score_document(extract(CORPUS / g.name.replace(".json", ".txt")).as_json(), load_gold(g))
              for g in sorted(GOLD.glob("*.json"))]  # fmt: skip
    assert len(scores) >= 40
    for language in ("en", "zh", "fr", "es", "ru", "ar"):
        total = summarize([s for s in scores if s.language == language])["targets"]
        assert total.f1 >= FLOORS[language], (language, total)  # type: ignore[attr-defined]
    overall = summarize(scores)
    assert overall["targets"].f1 >= FLOORS["all"]  # type: ignore[attr-defined]
    en_zh = summarize([s for s in scores if s.language in ("en", "zh")])  # where these floors were measured
    assert en_zh["relations"].recall >= FLOORS["relations_recall"]  # type: ignore[attr-defined]
    assert en_zh["functions"].f1 >= FLOORS["functions"]  # type: ignore[attr-defined]
    assert en_zh["paragraphs"].f1 >= FLOORS["paragraphs"]  # type: ignore[attr-defined]
