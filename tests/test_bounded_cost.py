"""Every document has a bounded cost: time and memory linear in its size, never a crash.

One regression test per defect found by fuzzing, then a property test over mutated real documents
(the long runs are ``bench/fuzz.py``).
"""

from __future__ import annotations

import gc
import io
import random
import sys
import time
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from instrumap import extract_text
from instrumap.extract.errors import InputError
from instrumap.extract.read.formats import docx_text

from conftest import CORPUS

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from mutate import mutate

REAL = [CORPUS / name for name in ("A_RES_64_179.en.txt", "A_RES_58_140.zh.txt", "S_RES_661_1990.en.txt")]


def _seconds(text: str, language: str = "en") -> float:
    """CPU seconds of this process, with the cyclic collector paused.

    On a shared machine other processes' load does not count against process time; pausing the
    collector keeps the cost of the whole suite's heap (full collections late in a run) out of a
    figure meant to show the extractor's own growth.
    """
    gc.collect()
    gc.disable()
    try:
        started = time.process_time()
        extract_text(text, language=language)
        return time.process_time() - started
    finally:
        gc.enable()


def test_superscript_footnote_number_costs_nothing() -> None:
    """'¹²³⁴⁵⁶⁷ x\\n7.' took 37 s and nine superscript digits 24 GB: a run that long is no footnote number."""
    assert _seconds("¹²³⁴⁵⁶⁷ x\n7.") < 1
    assert _seconds("Recalling its resolution 55/25,\n" + "¹²³⁴⁵⁶⁷⁸⁹ a note.\n" * 50) < 1


def test_repeated_head_words_are_linear() -> None:
    """ "Conference " 4,000 times took 32 s and gave 176 MB: titles stay within their head's reach."""
    small = min(_seconds("Conference " * 500) for _ in range(2))
    large = min(_seconds("Conference " * 4000) for _ in range(2))
    assert large < 5 and large < 20 * max(small, 0.01)
    record = extract_text("Conference " * 4000, language="en").as_json()
    assert max(len(r["text"]) for r in record["references"]) < 500


def test_long_documents_stay_linear() -> None:
    base = REAL[0].read_text(encoding="utf-8")
    one = min(_seconds(base * 4) for _ in range(3))
    many = min(_seconds(base * 32) for _ in range(3))
    assert many < 20 * max(one, 0.02)  # 8× the text: linear is ~8× the time, quadratic 64× (best of 3, noise allowed)


def test_numbers_of_thousands_of_digits_are_no_error() -> None:
    """A 5,000-digit number in a numbered line raised ValueError (Python's int-from-string limit)."""
    digits = "9" * 5000
    extract_text(f"1. Decides\n{digits}. Requests\n¹{digits[:10]} note\n", language="en")
    extract_text(f"回顾第{digits}次会议和第{digits}届会议", language="zh")


def test_a_starred_last_footnote_without_text_is_no_error() -> None:
    """Found by bench/fuzz.py (seed 10111): a page-bottom zone whose last note is a bare "*" raised ValueError."""
    text = "1. Decides, 1 to act.\n_____\n1 A note.\n*\n"
    extract_text(text, language="en")
    assert extract_text((CORPUS / "A_RES_64_179.en.txt").read_text(encoding="utf-8") + "\n_____\n9 x\n*\n",
                        language="en").references  # fmt: skip


def test_docx_zip_bomb_is_refused_in_one_line() -> None:
    """A 2 MB DOCX that decompressed to 4.3 GB: parts past the size limit are refused, not read."""
    buffer = io.BytesIO()
    chunk = b"\0" * (1 << 20)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive, archive.open(
        "word/document.xml", "w", force_zip64=True
    ) as part:
        for _ in range(80):  # 80 MB of zeros, about 80 KB compressed
            part.write(chunk)
    with pytest.raises(InputError, match="too large when decompressed"):
        docx_text(buffer.getvalue(), "bomb.docx")


def test_body_on_one_line_keeps_its_references() -> None:
    """A resolution whose body is one line gave no references: openers inside the line start paragraphs."""
    text = ("The General Assembly, Recalling its resolution 55/25 of 15 November 2000, by which it adopted the "
            "United Nations Convention against Transnational Organized Crime, 1. Welcomes the report (A/59/123);")
    record = extract_text(text, language="en").as_json()
    found = {(r["id"], r["function"]) for r in record["references"]}
    assert {("A/RES/55/25", "recalls"), ("untoc", "recalls"), ("A/59/123", "welcomes")} <= found
    assert {"subject": "A/RES/55/25", "predicate": "adopts", "object": "untoc"} in record["relations"]


def test_prose_outside_any_resolution_frame_is_read() -> None:
    record = extract_text("the General Assembly, by its resolution 51/210 of 17 December 1996, established",
                          language="en").as_json()  # fmt: skip
    assert [r["id"] for r in record["references"]] == ["A/RES/51/210"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), which=st.sampled_from(REAL))
def test_mutated_real_documents_never_crash_and_stay_fast(seed: int, which: Path) -> None:
    rng = random.Random(seed)
    text = mutate(which.read_text(encoding="utf-8")[: rng.randint(200, 6000)], rng)
    language = "zh" if ".zh." in which.name else "en"
    started = time.process_time()
    try:
        record = extract_text(text, language=language).as_json()
    except InputError:
        return
    assert time.process_time() - started < 5 + len(text) / 200_000  # far under a second in practice
    for ref in record["references"]:
        assert text[ref["start"] : ref["end"]] == ref["text"]
