"""The shape of extraction: stages that never import back up, languages as data, one IRI base, one scan."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from instrumap.extract.find.scan import finders, scan
from instrumap.extract.lexicon import label_languages, lexicon, ordinal_value, ordinal_word, supported_languages
from instrumap.ontology.kinds import instrument_kinds, meeting_kinds, specificity

ROOT = Path(__file__).resolve().parent.parent
# Which stage may import which: nothing runs back up the pipeline.
FORBIDDEN = {
    "ontology": ("instrumap.extract", "instrumap.graph"),
    "extract/read": ("instrumap.extract.find", "instrumap.extract.resolve", "instrumap.graph"),
    "extract/find": ("instrumap.extract.resolve", "instrumap.graph"),
    "extract/resolve": ("instrumap.graph",),
}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    return names | {node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}


@pytest.mark.parametrize("folder", sorted(FORBIDDEN))
def test_no_stage_imports_a_later_one(folder: str) -> None:
    for path in (ROOT / folder).rglob("*.py"):
        bad = {name for name in _imports(path) if name.startswith(FORBIDDEN[folder])}
        assert not bad, f"{path.relative_to(ROOT)} imports {bad}"


def test_graph_building_does_no_extraction_work() -> None:
    assert not {n for n in _imports(ROOT / "graph" / "rdf.py") if n.startswith("instrumap.extract.")} - {
        "instrumap.extract.records"
    }


def test_no_language_is_a_branch_in_code() -> None:
    for path in (ROOT / "extract").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for code in supported_languages():
            assert f'language == "{code}"' not in source and f'lexicon("{code}")' not in source, path


def test_every_lexicon_has_what_the_pipeline_asks_for() -> None:
    for language in supported_languages():
        lex = lexicon(language)
        assert lex.openers and lex.organs and lex.citation_words and lex.instrument_heads, language
        assert lex.grammar.finders and all(f.name in lex.grammar.finders for f in finders(language))
        assert {"list", "item", "sep", "date"} <= set(lex.table("citation_grammar")), language
        assert {"resolution", "session"} <= set(lex.table("labels")), language
    assert set(label_languages()) <= set(supported_languages())


@pytest.mark.parametrize(
    ("word", "language", "number"),
    [("Fifty-eighth", "en", 58), ("tenth", "en", 10), ("21st", "en", 21), ("2019", "en", None),
     ("五十八", "zh", 58), ("十", "zh", 10), ("一百零三", "zh", 103), ("3", "zh", 3)],
)  # fmt: skip
def test_ordinals_are_read_from_the_lexicon(word: str, language: str, number: int | None) -> None:
    assert ordinal_value(word, language) == number


def test_ordinal_words_round_trip() -> None:
    for n in (1, 12, 58, 99):
        assert ordinal_value(ordinal_word(n, "en"), "en") == n
        assert ordinal_value(ordinal_word(n, "zh"), "zh") == n
    assert ordinal_word(58, "en", "Title") == "Fifty-eighth"


def test_kinds_come_from_the_ontology() -> None:
    assert {"convention", "covenant", "protocol", "declaration", "plan_of_action", "agenda", "other"} <= instrument_kinds()
    assert {"conference", "congress", "session", "treaty_event", "meeting"} <= meeting_kinds()
    assert not instrument_kinds() & meeting_kinds()
    assert specificity("covenant") > specificity("convention") > specificity("other")


def test_one_scan_finds_every_finders_anchors() -> None:
    from instrumap.extract.find.gazetteer import gazetteer

    text = "Recalling its resolution 55/25 and the Palermo Convention (A/58/499), and the Convention."
    hits = scan(text, "en", gazetteer()).hits
    assert {"citations", "symbols", "names", "heads", "anaphora"} <= set(hits)
    assert [w for _, _, w in hits["citations"]] == ["resolution"]


def test_a_changed_base_never_mixes_iris(tmp_path: Path) -> None:
    """Within one process the base is fixed at first use: changing INSTRUMAP_BASE later changes nothing."""
    script = (
        "import os, instrumap\n"
        "from instrumap.ontology.iris import set_base\n"
        "a = instrumap.extract_text('Recalling the Palermo Convention.', language='en').references[0].uri\n"
        "os.environ['INSTRUMAP_BASE'] = 'https://example.org/other/'\n"
        "b = instrumap.extract_text('Recalling the Palermo Convention.', language='en').references[0].uri\n"
        "assert a == b, (a, b)\n"
        "try:\n    set_base('https://example.org/other/')\nexcept ValueError:\n    print('refused', a)\n"
    )
    env = {**os.environ, "INSTRUMAP_BASE": "https://example.org/kg/"}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "refused https://example.org/kg/instrument/untoc"


def test_the_base_can_be_set_before_anything_is_minted() -> None:
    script = (
        "from instrumap.ontology.iris import set_base\n"
        "set_base('https://example.org/kg')\n"
        "import instrumap\n"
        "print(instrumap.extract_text('Recalling the Palermo Convention.', language='en').references[0].uri)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "https://example.org/kg/instrument/untoc"
