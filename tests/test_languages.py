"""French, Spanish, Russian and Arabic: real sentences, gold files, parallel texts and six-language labels.

Every row of ``tables/{fr,es,ru,ar}.tsv`` is a real UN sentence with the targets it cites (empty for
look-alikes that must not match). Rows the extractor does not read yet are listed in
``tables/known_misses.tsv`` with what is missing; they are strict expected failures, so a row that
starts to pass must leave that list.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from instrumap import extract_text
from instrumap.extract.lexicon import supported_languages
from instrumap.extract.read.language import detect_language
from instrumap.ontology.authorities import authority, normalize_name

from conftest import CORPUS

TABLES = Path(__file__).parent / "fixtures" / "tables"
LANGUAGES = ("fr", "es", "ru", "ar")
SIX = ("en", "zh", "fr", "es", "ru", "ar")


def _rows(name: str) -> list[dict[str, str]]:
    with (TABLES / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _known_misses() -> set[tuple[str, int]]:
    return {(r["language"], int(r["row"])) for r in _rows("known_misses.tsv")}


def _table_cases() -> list[object]:
    misses = _known_misses()
    cases = []
    for language in LANGUAGES:
        for n, row in enumerate(_rows(f"{language}.tsv"), 1):
            expected = [e.strip() for e in row["expected"].split(",") if e.strip()]
            marks = [pytest.mark.xfail(strict=True, reason="known miss")] if (language, n) in misses else []
            cases.append(pytest.param(language, row["text"], expected, id=f"{language}-{n}", marks=marks))
    return cases


def found_names(text: str, language: str) -> tuple[set[str], int]:
    """Every id and label of what ``text`` cites (normalized), and how many references there are."""
    refs = extract_text(text, language=language).references
    names: set[str] = set()
    for ref in refs:
        names.add(normalize_name(ref.target.id))
        names |= {normalize_name(label) for label in ref.target.label.values()}
    return names, len(refs)


@pytest.mark.parametrize(("language", "text", "expected"), _table_cases())
def test_real_sentences_cite_what_they_cite(language: str, text: str, expected: list[str]) -> None:
    names, count = found_names(text, language)
    if not expected:
        assert count == 0, names  # a look-alike: dates, VIH/SIDA, meeting numbers, statute articles
    for target in expected:
        assert normalize_name(target) in names, (target, names)


@pytest.mark.parametrize(
    ("text", "language", "number"),
    [
        ("подтверждая свою резолюцию 1373 (2001) Совета Безопасности,", "ru", "S/RES/1373(2001)"),
        ("ссылаясь на резолюции Генеральной Ассамблеи 55/25 и 55/255,", "ru", "A/RES/55/255"),
        ("Rappelant la résolution 2003/24 du Conseil économique et social,", "fr", "E/RES/2003/24"),
        ("Recordando la resolución 2003/24 del Consejo Económico y Social,", "es", "E/RES/2003/24"),
        ("إذ تشير إلى القرارين 55/25 و 55/255،", "ar", "A/RES/55/255"),
        ("إذ تشير إلى قرارها ٥٥/٢٥ المؤرخ 15 تشرين الثاني/نوفمبر 2000،", "ar", "A/RES/55/25"),
        ("وإذ تشير إلى قرارها 2625 (د - 25) المؤرخ 24 تشرين الأول/أكتوبر 1970", "ar", "A/RES/2625(XXV)"),
        ("ссылаясь на резолюцию 2200 А (XXI) Генеральной Ассамблеи,", "ru", "A/RES/2200A(XXI)"),
        ("Rappelant sa décision 46 / 152,", "fr", "A/DEC/46/152"),
    ],
)
def test_word_order_digits_and_look_alikes(text: str, language: str, number: str) -> None:
    refs = extract_text(text, language=language).references
    assert number in {r.target.id for r in refs}
    for ref in refs:
        assert text[ref.start : ref.end] == ref.text  # offsets into the text as read, also right to left


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Decide prorrogar el mandato hasta el 20 de mayo de 2002 y la lucha contra el VIH/SIDA 24/7;", "es"),
        ("Adoptée à l’unanimité à la 4463e séance, le 10 mars 2003, période 2014/15.", "fr"),
        ("в соответствии со статьей 28 и ВИЧ/СПИД в 2014/15 году", "ru"),
        ("من أجل الاستقرار 55/25 وإقرار 12/3", "ar"),
    ],
)
def test_look_alikes_in_four_languages_are_not_references(text: str, language: str) -> None:
    assert extract_text(text, language=language).references == ()


def test_parallel_sentences_cite_the_same_targets() -> None:
    """The same paragraph of one resolution, in each language it was found in: one set of targets."""
    groups: dict[tuple[str, str], dict[str, frozenset[str]]] = defaultdict(dict)
    for row in _rows("parallel.tsv"):
        refs = extract_text(row["text"], language=row["lang"]).references
        groups[(row["resolution"], row["paragraph"])][row["lang"]] = frozenset(r.target.id for r in refs)
    agreeing = sum(len(set(by_language.values())) == 1 for by_language in groups.values())
    assert len(groups) >= 15
    assert agreeing / len(groups) >= 0.86, {k: v for k, v in groups.items() if len(set(v.values())) > 1}


@pytest.mark.parametrize("language", LANGUAGES)
def test_real_texts_are_recognized_and_supported(language: str) -> None:
    texts = sorted(CORPUS.glob(f"*.{language}.txt"))
    assert texts and language in supported_languages()
    for path in texts:
        assert detect_language(path.read_text(encoding="utf-8")) == language, path.name


def _label_gaps() -> dict[str, set[str]]:
    return {r["id"]: set(r["missing"].split()) for r in _rows("../authority_label_gaps.tsv")}


def test_every_authority_entry_has_six_labels_or_says_which_are_unknown() -> None:
    gaps = _label_gaps()
    for entry in authority().entries.values():
        missing = {language for language in SIX if language not in entry.labels}
        assert missing == gaps.get(entry.id, set()), (entry.id, missing)
    assert set(gaps) <= set(authority().entries)
