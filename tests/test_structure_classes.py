"""Structure, functions, relations and pinpoints: one table per class, English and Chinese, with the
look-alikes that must not be read as what they resemble."""

from __future__ import annotations

import pytest

from instrumap import extract_text
from instrumap.extract.errors import InputError


def refs(text: str, language: str | None = "en") -> list[tuple[str, str, str, str]]:
    """(id, paragraph, function, pinpoint) of each reference."""
    return [(r.id, r.paragraph, r.function, r.pinpoint) for r in extract_text(text, language=language).references]


def relations(text: str, language: str = "en") -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in extract_text(text, language=language).relations}


# ── Text outside a resolution's frame is prose with paragraphs ─────────────────────────────────

PROSE = [
    ("the General Assembly, by its resolution 51/210 of 17 December 1996, established the Committee.",
     "en", [("A/RES/51/210", "P1")]),
    ("Sir,\n\nI have the honour to refer to Security Council resolution 1244 (1999).\n\nPlease accept …",
     "en", [("S/RES/1244(1999)", "P2")]),
    ("2015年7月20日,安全理事会回顾第2231(2015)号决议,", "zh", [("S/RES/2231(2015)", "P1")]),
    ("大会，\n回顾其第57/173号决议，\n3.决定将第1373(2001)号决议列入议程,", "zh",
     [("A/RES/57/173", "PP1"), ("S/RES/1373(2001)", "OP3")]),
]


@pytest.mark.parametrize(("text", "language", "expected"), PROSE)
def test_prose_keeps_its_references_in_paragraphs(text: str, language: str, expected: list[tuple[str, str]]) -> None:
    assert [(i, p) for i, p, _, _ in refs(text, language)] == expected


# ── Short texts ──────────────────────────────────────────────────────────────────────────────

def test_a_short_latin_text_is_read_as_english_with_a_warning() -> None:
    extraction = extract_text("Resolution 2203 (2015)")
    assert [r.id for r in extraction.references] == ["S/RES/2203(2015)"]
    assert any("language not recognized" in p for p in extraction.problems)


def test_the_given_language_is_honoured_without_a_warning() -> None:
    extraction = extract_text("Resolution 2203 (2015)", language="en")
    assert not extraction.problems


def test_a_text_without_letters_is_still_refused() -> None:
    with pytest.raises(InputError):
        extract_text("2203 (2015) 24/7")


# ── Functions: openers beyond the table, modifiers, compounds, sub-paragraphs ──────────────────

FUNCTIONS = [
    ("Further condemns the acts described in resolution 1244 (1999),", {"condemns"}),
    ("Strongly deploring resolution 446 (1979),", {"deplores"}),
    ("Recalling and reaffirming its resolution 1514 (XV),", {"recalls", "reaffirms"}),
    ("Also takes note with appreciation of resolution 64/179,", {"takes_note_with_appreciation"}),
    ("Expressing its condemnation of resolution 757 (1992),", {"condemns"}),
    ("Calling upon all States to implement resolution 660 (1990),", {"calls_upon"}),
    ("Endorsing resolution 68/262,", {"endorses"}),
    ("Strongly warns against violations of resolution 1244 (1999),", {"warns"}),
    # the look-alike: "and" followed by no opener is no compound
    ("Recalling and welcoming the report, resolution 55/25,", {"recalls", "welcomes"}),
    ("Recalling and the report of resolution 55/25,", {"recalls"}),
    ("再次重申第1244(1999)号决议,", {"reaffirms"}),
    # any -ly adverb before a known opener; preambular forms derived from the operative verbs (S/RES/487 (1981))
    ("Fully recognizes resolution 242 (1967),", {"recognizes"}),
    ("Having noted resolution 242 (1967),", {"notes"}),
    ("Having decided in resolution 242 (1967),", {"decides"}),
    ("Reminding Iraq of resolution 687 (1991),", {"reminds"}),
    # the look-alikes: a listed phrase wins over a derived or modified one
    ("Fully aware of resolution 242 (1967),", {"aware"}),
    ("Having regard to resolution 242 (1967),", {"takes_into_account"}),
]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Le Conseil de sécurité,\nAyant noté la résolution 242 (1967),", "fr", {"notes"}),
    ("Le Conseil de sécurité,\nDécidant que la résolution 242 (1967),", "fr", {"decides"}),
    ("El Consejo de Seguridad,\nHabiendo observado la resolución 242 (1967),", "es", {"notes"}),
])
def test_derived_preambular_forms_in_other_languages(text: str, language: str, expected: set[str]) -> None:
    assert {f for _, _, f, _ in refs(text, language)} == expected


END_NOTES = (
    "The Security Council,\n\nHaving noted the letter from Iraq, 54\n\nTaking note of the resolution\n"
    "adopted on 12 June, 55\n\nConsidering paragraph 4 of resolution 242 (1967) and 3 others,\n\n"
    "1. Requests the Secretary-General to report.\n\nAdopted unanimously at the\n2288th meeting.\n\n\n"
    "54 Official Records of the Security Council, document S/14509.\n55 Ibid., document S/14532.\n"
)


def test_footnotes_after_the_end_of_an_old_resolution_link_to_their_marks() -> None:
    found = {(i, p, f) for i, p, f, _ in refs(END_NOTES)}
    assert ("S/14509", "FN54", "notes") in found
    assert ("S/14532", "FN55", "takes_note") in found
    # the look-alikes: "paragraph 4", "3 others" and a quantity are no marks; the resolution stays in its paragraph
    assert ("S/RES/242(1967)", "PP3", "considers") in found


def test_a_date_line_at_the_end_opens_no_footnote() -> None:
    text = "The Committee,\n\nNoting resolution 242 (1967),\n\n25 August 2010 (initial submission)\n"
    assert [(i, p) for i, p, _, _ in refs(text)] == [("S/RES/242(1967)", "PP1")]


@pytest.mark.parametrize(("text", "expected"), FUNCTIONS)
def test_opening_verbs_normalize(text: str, expected: set[str]) -> None:
    language = "zh" if not text.isascii() else "en"
    assert {f for _, _, f, _ in refs("The General Assembly,\n" + text, language)} == expected


def test_numbered_paragraphs_after_a_colon_keep_its_verb() -> None:
    text = "The General Assembly,\nDeclares that:\n1. The Charter of the United Nations applies;\n2. Nothing."
    assert [(p, f) for _, p, f, _ in refs(text)] == [("OP1", "declares")]


# ── Header: a draft is no report ────────────────────────────────────────────────────────────

HEADER = "Resolution adopted by the General Assembly on 15 March 2006\n{line}\n60/251. Human Rights Council\n" \
         "The General Assembly,\nRecalling its resolution 48/141,\n"


@pytest.mark.parametrize(("line", "report", "function"), [
    ("[without reference to a Main Committee (A/60/L.48)]", None, "adopted_on_draft"),
    ("[on the report of the Third Committee (A/60/499)]", "A/60/499", "adopted_on_report"),
    ("(on the report of the Third Committee (A/47/678/Add.2)]", "A/47/678/Add.2", "adopted_on_report"),
])
def test_a_draft_in_the_header_is_not_the_report(line: str, report: str | None, function: str) -> None:
    extraction = extract_text(HEADER.format(line=line), language="en")
    assert extraction.document.metadata.adopted_on_report == report
    assert [r.function for r in extraction.references if r.paragraph == "HEADER"] == [function]
    assert any(r.predicate == "adopted_on_report" for r in extraction.relations) is (report is not None)


# ── Annexes ─────────────────────────────────────────────────────────────────────────────────

ANNEXED = ("The General Assembly,\nRecalling its resolution 46/51,\n1. Approves the Declaration on Measures to "
           "Eliminate International Terrorism, the text of which is annexed to the present resolution;\n"
           "84th plenary meeting\n9 December 1994\nANNEX\nDeclaration on Measures to Eliminate International "
           "Terrorism\nThe General Assembly,\nGuided by the Charter of the United Nations,\n")


def test_an_annex_in_capitals_is_read_with_its_openers() -> None:
    found = refs("49/60. Measures\n" + ANNEXED)
    assert ("un-charter", "ANNEX", "guided_by", "") in found


def test_an_instrument_annexed_to_the_present_resolution() -> None:
    stated = relations("Resolution adopted by the General Assembly on 9 December 1994\n49/60. Measures\n" + ANNEXED)
    declaration = next(o for s, p, o in stated if s == "A/RES/49/60" and p == "adopts")
    assert (declaration, "annexed_to", "A/RES/49/60") in stated


YEARBOOK = ("2136 (XXI). Admission of Botswana\nThe General Assembly,\nRecalling resolution 1805 (XVII),\n"
            "Decides to admit Botswana.\n1444th plenary meeting,\n17 October 1966.\n\n"
            "2145 (XXI). Question of South West Africa\nThe General Assembly,\nReaffirming resolution 1514 (XV),\n"
            "1. Decides that the Mandate is terminated.\n1454th plenary meeting,\n27 October 1966.\n\n"
            "2147 (XXI). Appointment\nThe General Assembly,\nNoting Security Council resolution 227 (1966),\n")


@pytest.mark.parametrize(("source", "expected"), [
    ("A_RES_2145_XXI.en.txt", ["A/RES/1514(XV)"]),
    ("A_RES_2136_XXI.en.txt", ["A/RES/1805(XVII)"]),
])
def test_a_yearbook_page_is_bounded_to_the_document_it_is_named_after(source: str, expected: list[str]) -> None:
    from instrumap.extract.pipeline import extract_document
    from instrumap.extract.read.document import parse_text

    extraction = extract_document(parse_text(YEARBOOK, source, "en"))
    assert [r.id for r in extraction.references] == expected
    assert extraction.document.metadata.symbol == "A/RES/" + source[6:10] + "(XXI)"


# ── Relations from footnotes ────────────────────────────────────────────────────────────────

FOOTNOTED = ("The General Assembly,\nRecalling the United Nations Convention against Transnational Organized "
             "Crime¹ and the Protocol against the Smuggling of Migrants by Land, Sea and Air,² and the Cairo "
             "Declaration,³\n1. Decides to remain seized.\n__________\n¹ Resolution 55/25, annex I.\n"
             "² Ibid., annex III.\n³ A/51/113-S/1996/276, annex.\n")


def test_annex_footnotes_and_ibid_state_annexed_to() -> None:
    stated = relations(FOOTNOTED)
    assert ("untoc", "annexed_to", "A/RES/55/25") in stated
    assert ("untoc-smuggling-protocol", "annexed_to", "A/RES/55/25") in stated
    assert not any(p == "adopts" and s == "A/RES/55/25" for s, p, _ in stated)


def test_a_footnote_without_annex_states_adoption() -> None:
    text = ("The General Assembly,\nRecalling the Universal Declaration of Human Rights,¹\n"
            "1. Decides to remain seized.\n__________\n¹ Resolution 217 A (III).\n")
    assert ("A/RES/217A(III)", "adopts", "udhr") in relations(text)


def test_adoption_by_a_meeting() -> None:
    text = ("The General Assembly,\nRecalling the Beijing Declaration and Platform for Action adopted by the "
            "Fourth World Conference on Women,\n")
    # The joined title cites its two parts (``cited_as_parts``): the Conference adopted each.
    assert relations(text) == {("wcw-4", "adopts", "beijing-declaration"), ("wcw-4", "adopts", "beijing-platform")}
    # the look-alike: a meeting named after the instrument, with no "adopted by" between them
    text = "The General Assembly,\nRecalling the Beijing Declaration and the Fourth World Conference on Women,\n"
    assert not relations(text)


# ── Pinpoints ───────────────────────────────────────────────────────────────────────────────

PINPOINTS = [
    ("Recalling paragraph 11 (j) of Security Council resolution 1244 (1999),", "en", "OP11(j)"),
    ("Recalling paragraphs 4 and 5 of its resolution 1483 (2003),", "en", "OP4,OP5"),
    ("Acting under Chapter VII of the Charter of the United Nations,", "en", "Ch.VII"),
    ("Recalling article 2 of the Convention against Torture,", "en", "Art.2"),
    ("回顾第1244(1999)号决议第11段(j),", "zh", "OP11(j)"),
    ("执行第1483(2003)号决议第19和第23段的规定,", "zh", "OP19,OP23"),
    ("根据《联合国宪章》第七章采取行动,", "zh", "Ch.VII"),
    ("根据《联合国宪章》第二十五条规定,", "zh", "Art.25"),
    # look-alikes: a number that is a date, a count or another document's paragraph
    ("Recalling its resolution 1483 (2003) of 22 May 2003,", "en", ""),
    ("Noting paragraph 5 of the report and its resolution 1483 (2003) of 22 May 2003,", "en", ""),
    ("已有174个会员国根据第1373(2001)号决议提交了报告,", "zh", ""),
    ("回顾2003年5月22日第1483(2003)号决议,", "zh", ""),
]


@pytest.mark.parametrize(("text", "language", "expected"), PINPOINTS)
def test_pinpoints(text: str, language: str, expected: str) -> None:
    found = refs(text, language)
    assert found and found[0][3] == expected


def test_a_pinpoint_is_in_the_json_contract_only_when_there_is_one() -> None:
    extraction = extract_text("Recalling paragraph 11 (j) of resolution 1244 (1999) and resolution 1483 (2003),")
    records = [r.as_json() for r in extraction.references]
    assert records[0]["pinpoint"] == "OP11(j)"
    assert "pinpoint" not in records[1]


def test_a_page_bottom_footnote_zone_ends_at_the_job_number() -> None:
    """The next page's running head shares a line with the title ("A/RES/79/9 of Islamic Cooperation"): the
    footnote zone still ends at the page's job number, and the paragraphs after it are paragraphs."""
    text = ("A/RES/79/9\n\nThe General Assembly,\n\nRecalling its resolution 3369 (XXX), by which it decided to invite "
            "the Organization1 to participate,\nWelcoming the efforts of the Organization, in\n__________________\n"
            "1 The Organization changed its name in 2011.\n24-21657 (E)\n*2421657*\n\nCooperation between the United "
            "Nations and the Organization\nA/RES/79/9 of Islamic Cooperation\nmediation and preventive diplomacy,\n"
            "Noting with appreciation resolution 77/18,\n1. Welcomes document A/79/302;\n")
    found = {(i, p, f) for i, p, f, _ in refs(text)}
    assert ("A/RES/77/18", "PP3", "notes_with_appreciation") in found
    assert ("A/79/302", "OP1", "welcomes") in found


def test_a_report_numbers_its_paragraphs_p1() -> None:
    """No resolution's frame (no organ's opening line, no preambular paragraph): numbered paragraphs are P1, P2 …,
    also when conversion lost the space after the number ("1.For the purposes …", CED/C/GC/1)."""
    text = ("United Nations\nCED/C/GC/1\nInternational Convention for the Protection of All Persons from Enforced "
            "Disappearance\nDistr.: General\n\nI.Introduction\n1.For the purposes of the present general comment, "
            "see resolution 47/133.\n2.Migrants are protected by the International Covenant on Civil and Political "
            "Rights.\nII.Objectives\n3. The Committee recalls document A/HRC/36/39.\n")
    found = {(i, p) for i, p, _, _ in refs(text)}
    assert {("A/RES/47/133", "P1"), ("iccpr", "P2"), ("A/HRC/36/39", "P3")} <= found
    resolution = refs("The General Assembly,\n\nRecalling resolution 47/133,\n\n1. Welcomes document A/79/302;\n")
    assert [(i, p) for i, p, _, _ in resolution] == [("A/RES/47/133", "PP1"), ("A/79/302", "OP1")]


def test_a_reports_end_notes_after_its_notes_heading_are_footnotes() -> None:
    """A compilation's notes follow a "Notes" heading and run past any fixed reach from the end, with page numbers
    and running heads among them (A/HRC/WG.6/33/BRN/2); a "Notes" line early in the text heads nothing."""
    filler = "".join(f"{n}. The Committee recommended measures on the matter, and more words follow here.\n"
                     for n in range(3, 80))
    notes = "".join(f"{n} See CRC/C/BRN/CO/{n}, para. {n}.\n" + ("12\n\nA/HRC/WG.6/33/BRN/2\n" if n == 60 else "")
                    for n in range(1, 120))
    text = ("A\nUnited Nations\n/HRC/WG.6/33/BRN/2\nGeneral Assembly\nDistr.: General\nNotes\nCompilation on Brunei "
            "Darussalam\n1. The report was prepared pursuant to Human Rights Council resolution 5/1.\n2. The Committee on the Rights of the Child encouraged ratification of the "
            "Optional Protocol to the Convention on the Rights of the Child on a communications procedure.\n"
            + filler + "\nNotes\n" + notes)
    found = {(i, p) for i, p, _, _ in refs(text)}
    assert ("CRC/C/BRN/CO/1", "FN1") in found and ("CRC/C/BRN/CO/119", "FN119") in found
    assert ("A/HRC/RES/5/1", "P1") in found
