"""Header metadata and the paragraph/footnote structure of real resolutions."""

from __future__ import annotations

from instrumap.extract.read.document import parse_text, read_document

from conftest import CORPUS, SEED


def _ids(doc, prefix: str) -> list[str]:
    return [b.id for b in doc.blocks if b.id.startswith(prefix)]


def test_seed_header_metadata() -> None:
    meta = read_document(SEED).metadata
    assert (meta.symbol, meta.body, meta.date, meta.session, meta.agenda_item, meta.adopted_on_report) == (
        "A/RES/58/140",
        "General Assembly",
        "2003-12-22",
        58,
        "108",
        "A/58/499",
    )
    assert meta.title == "加强联合国预防犯罪和刑事司法方案，特别是其技术合作能力"


def test_seed_paragraphs_run_together_with_bold_openers() -> None:
    doc = read_document(SEED)
    assert _ids(doc, "PP") == [f"PP{i}" for i in range(1, 23)]
    assert _ids(doc, "OP") == [f"OP{i}" for i in range(1, 25)]
    assert _ids(doc, "FN") == ["FN1", "FN2", "FN3", "FN4"]
    functions = {b.id: b.function for b in doc.blocks}
    assert functions["PP2"] == "recalls"  # **又回顾**
    assert functions["PP12"] == "acknowledges"  # 确认
    assert functions["OP1"] == "takes_note_with_appreciation"  # 赞赏地注意到
    marks = {b.id: [m[2] for m in b.marks] for b in doc.blocks if b.marks}
    assert marks == {"PP10": ["1"], "PP18": ["2"], "PP19": ["3"], "OP1": ["4"], "OP9": ["3"]}


def test_operative_number_after_its_first_line_in_pdf_text() -> None:
    """A/RES/58/139: pdftotext puts "1." on the line after "Commends the …"."""
    doc = read_document(CORPUS / "A_RES_55_63.en.txt")
    ops = [b for b in doc.blocks if b.id.startswith("OP")]
    assert ops, "operative paragraphs found"
    assert all(doc.text[b.start : b.end].strip() for b in ops)
    text = (
        "The General Assembly,\nRecalling its resolution 57/172 of 18 December 2002,\n"
        "Commends the United Nations African Institute for the Prevention of\n1.\n"
        "Crime and the Treatment of Offenders for its efforts;\n"
        "Urges the States members of the Institute to make every possible effort to\n2.\nmeet their obligations;\n"
        "3.\nCalls upon all Member States to adopt measures;\n"
    )
    doc = parse_text(text, language="en")
    by_id = {b.id: doc.text[b.start : b.end] for b in doc.blocks}
    assert by_id["OP1"].startswith("Commends")
    assert by_id["OP2"].startswith("Urges")
    assert by_id["OP3"].startswith("3.\nCalls upon")
    assert {b.id: b.function for b in doc.blocks}["OP3"] == "calls_upon"


def test_footnotes_without_a_rule_and_with_numbers_moved_below_their_text() -> None:
    doc = read_document(CORPUS / "A_RES_55_70.en.txt")
    notes = {b.id: doc.text[b.start : b.end] for b in doc.blocks if b.id.startswith("FN")}
    assert "Resolution S-23/2, annex." in notes["FN2"]
    assert "Resolution 34/180, annex." in notes["FN5"]
    doc = read_document(CORPUS / "A_RES_64_179.en.txt")
    notes = {b.id: doc.text[b.start : b.end] for b in doc.blocks if b.id.startswith("FN")}
    assert "Treaty Series" in notes["FN2"]
    assert "resolution 2007/12" in notes["FN1"] and "Treaty Series" not in notes["FN1"]


def test_bare_digit_marks_follow_footnote_order_and_skip_quantities() -> None:
    doc = read_document(CORPUS / "A_RES_64_179.en.txt")
    marks = {m[2]: doc.text[m[0] - 12 : m[1]] for b in doc.blocks for m in b.marks}
    assert marks["4"].endswith("2006, 4")
    assert marks["5"].endswith("2008, 5")  # not "review of 4 and 5 September"
    assert marks["3"].endswith("Corruption 3")


def test_security_council_header() -> None:
    meta = read_document(CORPUS / "S_RES_661_1990.en.txt").metadata
    assert (meta.symbol, meta.body, meta.date) == ("S/RES/661(1990)", "Security Council", "1990-08-06")
