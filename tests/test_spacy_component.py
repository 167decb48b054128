"""The spaCy component is the same engine as the CLI, registered by entry point."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

from conftest import CORPUS, SEED


@pytest.mark.parametrize(("lang", "path"), [("zh", SEED), ("en", CORPUS / "A_RES_64_179.en.txt")])
def test_component_and_cli_agree(lang: str, path) -> None:
    nlp = spacy.blank(lang)
    nlp.add_pipe("instrumap_references")  # no import of instrumap: the entry point registers it
    doc = nlp(path.read_text(encoding="utf-8"))
    spans = [(s._.instrumap["start"], s._.instrumap["end"], s.label_, s.id_) for s in doc.spans["instrumap"]]
    cli = subprocess.run([sys.executable, "-m", "instrumap", "extract", str(path), "--format", "jsonl"],
                         capture_output=True, text=True, check=True)  # fmt: skip
    record = json.loads(cli.stdout)
    assert spans == [(r["start"], r["end"], r["kind"], r["id"]) for r in record["references"]]
    for span in doc.spans["instrumap"]:
        assert span.start_char <= span._.instrumap["start"] and span._.instrumap["end"] <= span.end_char
    assert doc._.instrumap_relations == record["relations"]


def test_resolution_numbers_become_spans_despite_character_tokens() -> None:
    nlp = spacy.blank("zh")
    nlp.add_pipe("instrumap_references")
    doc = nlp("回顾其第57/173号决议，")
    (span,) = doc.spans["instrumap"]
    assert (span.text, span.label_, span.id_) == ("57/173", "resolution", "A/RES/57/173")


def test_save_and_reload(tmp_path) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("instrumap_references", config={"spans_key": "refs"})
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    doc = again("Recalling Security Council resolution 1373 (2001),")
    assert [s.id_ for s in doc.spans["refs"]] == ["S/RES/1373(2001)"]
