"""Reading bytes: the encodings UN files come in, and one clear line for everything else."""

from __future__ import annotations

import codecs
import json

import pytest
from click.testing import CliRunner

from instrumap import extract
from instrumap.cli import main
from instrumap.extract.errors import InputError
from instrumap.extract.read.decode import DecodingNote, decode, read_text
from instrumap.extract.read.document import parse_text, read_document
from instrumap.extract.read.language import detect_language

ZH = "回顾其 1991 年 12 月 18 日关于制定有效的联合国预防犯罪和刑事司法方案的第 46/152 号决议，"
EN = "Recalling its resolution 57/173 of 18 December 2002 and all other relevant resolutions,"


@pytest.mark.parametrize(
    "data",
    [
        ZH.encode("utf-8"),
        codecs.BOM_UTF8 + ZH.encode("utf-8"),
        ZH.encode("utf-16"),  # with BOM, as Word exports it
        ZH.encode("utf-16-le"),  # without BOM
        ZH.encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-le-no-bom", "gb18030"],
)
def test_chinese_in_every_encoding_reads_the_same(data: bytes) -> None:
    assert decode(data, "x.txt") == ZH


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"   \n\n  ", "empty file"),
        (bytes(range(256)) * 20, "binary file"),
        (b"\x89PNG\r\n\x1a\n" + bytes(2000), "binary file"),
        (bytes([0x80, 0x81, 0x82]) * 50, "not text"),
    ],
    ids=["empty", "blank", "binary", "png", "undecodable"],
)
def test_bad_bytes_get_one_clear_problem(data: bytes, problem: str) -> None:
    with pytest.raises(InputError) as info:
        decode(data, "bad.txt")
    assert str(info.value).startswith("bad.txt: ")
    assert problem in str(info.value)


def test_missing_and_directory_paths(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (ZH, "zh"),
        (EN, "en"),
        (
            "Rappelant sa résolution 57/173 du 18 décembre 2002 et toutes les autres résolutions pertinentes sur la question,",
            "fr",
        ),
        (
            "Recordando su resolución 57/173, de 18 de diciembre de 2002, y todas las demás resoluciones pertinentes para la",
            "es",
        ),
        ("ссылаясь на свою резолюцию 57/173 от 18 декабря 2002 года", "ru"),
        ("إذ تشير إلى قرارها 57/173 المؤرخ 18 كانون الأول/ديسمبر 2002", "ar"),
        ("12345 67/89 --- ***", None),
    ],
)
def test_language_by_script_then_vocabulary(text: str, language: str | None) -> None:
    assert detect_language(text) == language


def test_undetectable_and_unsupported_languages_are_refused() -> None:
    with pytest.raises(InputError, match="language not recognized"):
        parse_text("12345 67/89 --- ***", "digits.txt")
    with pytest.raises(InputError, match=r"de \(de\) documents are not supported yet"):
        parse_text("Unter Hinweis auf ihre Resolution 57/173 vom 18. Dezember 2002", "de.txt", language="de")
    french = parse_text("Rappelant sa résolution 57/173 du 18 décembre 2002 et toutes les autres résolutions sur la")
    assert french.language == "fr"


def test_unreadable_file(tmp_path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(EN)
    path.chmod(0)
    try:
        import os

        if os.geteuid() == 0:
            pytest.skip("root reads any file")
        with pytest.raises(InputError, match="permission denied"):
            read_document(path)
    finally:
        path.chmod(0o644)


def test_windows_1252_text_is_decoded_and_said(tmp_path) -> None:
    text = ("The General Assembly,\n\nRecalling its resolution 55/25 of 15 November 2000 and the “Declaration of "
            "Montréal”, adopted in São Paulo,\n\n1. Decides to remain seized of the matter;\n")  # fmt: skip
    path = tmp_path / "western.en.txt"
    path.write_bytes(text.encode("cp1252"))  # “ ” are Windows-1252 bytes 0x93 0x94, é and ã latin-1 ones
    with pytest.warns(DecodingNote, match="Windows-1252"):
        assert decode(path.read_bytes(), str(path)) == text
    result = extract(path)
    assert result.document.text == text and "A/RES/55/25" in {r.id for r in result.references}
    assert any("decoded as Windows-1252" in p for p in result.problems)
    record = json.loads(CliRunner().invoke(main, ["extract", str(path), "--format", "jsonl"]).stdout)
    assert record["problems"][0].startswith("decoded as Windows-1252")
