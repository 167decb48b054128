"""Classes of failure found on documents the extractor had not seen (the Pact for the Future with its annexes,
resolution texts in French, Spanish, Russian and Arabic from the web): a list whose items carry a relative
clause, dates written without "de", titles glued to an annex heading or to "to the …" and "at …", a
symbol of a series the data does not list, and a draft in the header of the other languages read as a
report. Rows are (text, language, expected (kind, id), absent ids), each class with its look-alikes."""

from __future__ import annotations

import pytest

from instrumap import extract_text

from conftest import check

SC = "The Security Council,\n\n"
GA = "The General Assembly,\n\n"

CASES = [
    # S/RES/1186 (1998): an item's relative clause ("in which …", "en que …") before the next number.
    (SC + "Recalling its resolutions 795 (1992) of 11 December 1992, in which it addressed the possibility that "
     "developments could undermine confidence, and 1142 (1997) of 4 December 1997,\n", "en",
     [("resolution", "S/RES/795(1992)"), ("resolution", "S/RES/1142(1997)")], []),
    ("El Consejo de Seguridad,\n\nRecordando sus resoluciones 795 (1992), de 11 de diciembre de 1992, en que se "
     "ocupó de la posibilidad de que la situación evolucionara, y 1142 (1997), de 4 de diciembre de 1997,\n", "es",
     [("resolution", "S/RES/795(1992)"), ("resolution", "S/RES/1142(1997)")], []),
    ("Le Conseil de sécurité,\n\nRappelant ses résolutions 795 (1992) du 11 décembre 1992, dans laquelle il a "
     "examiné la situation, et 1142 (1997) du 4 décembre 1997,\n", "fr",
     [("resolution", "S/RES/795(1992)"), ("resolution", "S/RES/1142(1997)")], []),
    ("Совет Безопасности,\n\nссылаясь на свои резолюции 795 (1992) от 11 декабря 1992 года, в которой он "
     "рассмотрел положение, и 1142 (1997) от 4 декабря 1997 года,\n", "ru",
     [("resolution", "S/RES/795(1992)"), ("resolution", "S/RES/1142(1997)")], []),
    # The clause is no topic when the next number is of another organ's form (a period, a budget year).
    (GA + "Recalling its resolution 60/1 of 24 October 2005, in which it addressed the budget for 2014/15,\n",
     "en", [("resolution", "A/RES/60/1")], ["A/RES/2014/15", "E/RES/2014/15"]),
    # S/RES/1675 (2006) es: dates without "de" ("del 31 julio 2003").
    ("El Consejo de Seguridad,\n\nRecordando las resoluciones 1495 (2003) del 31 julio 2003, 1541 (2004) del "
     "29 abril 2004 y 1598 (2005) del 28 abril 2005,\n", "es",
     [("resolution", "S/RES/1495(2003)"), ("resolution", "S/RES/1541(2004)"), ("resolution", "S/RES/1598(2005)")],
     []),
    # A/RES/79/1: an annex's roman numeral and the heading after it are no part of the title.
    (GA + "Adopts the following Pact.\n\nAnnex I\nGlobal Digital Compact\n1. Digital technologies transform.\n"
     "Annex II\nDeclaration on Future Generations\nPreamble\nWe, the Heads of State,\n", "en",
     [("declaration", "global-digital-compact"), ("declaration", "declaration-on-future-generations")],
     ["i-global-digital-compact", "ii-declaration-on-future-generations-preamble-we"]),
    # Only a protocol goes on past "to the": another title is over there.
    (GA + "Decides to adopt a Declaration on Future Generations to the Pact for the Future that details our "
     "commitments, and recalls the Cartagena Protocol on Biosafety to the Convention on Biological Diversity,\n",
     "en", [("declaration", "declaration-on-future-generations")],
     ["declaration-on-future-generations-to-the-pact-for-the-future"]),
    # A meeting's name ends before "at" and its place; an instrument's may hold "at Sea".
    (GA + "Having met at the Summit of the Future at United Nations Headquarters on 22 September 2024, and "
     "recalling the International Convention for the Safety of Life at Sea,\n", "en",
     [("summit", "summit-of-the-future"), ("convention", "international-convention-for-the-safety-of-life-at-sea")],
     ["summit-of-the-future-at-united-nations-headquarters"]),
    # A/RES/79/1: the special sessions devoted to disarmament are numbered in their own series.
    (GA + "Support preparation of a fourth special session devoted to disarmament (SSOD-IV);\n", "en",
     [("conference", "fourth-special-session-devoted-to-disarmament")], ["ga-ss-4"]),
    (GA + "Recalling the twenty-third special session of the General Assembly,\n", "en",
     [("session", "ga-ss-23")], ["third-special-session-of-the-general-assembly"]),
    # A/RES/79/1: a symbol of a series the data does not list, named as a document.
    (GA + "Welcomes the Framework.10\n_____\n10 United Nations Environment Programme, document CBD/COP/15/17, "
     "decision 15/4, annex.\n", "en", [("document", "CBD/COP/15/17")], []),
    # A/RES/52/96: a back-reference followed by the meeting that adopted it is that meeting's instrument.
    (GA + "Recalling also the goal, contained in the Platform for Action adopted by the Fourth World Conference\n"
     "on Women,1 of gender balance,\n", "en", [("plan_of_action", "beijing-platform"), ("conference", "wcw-4")], []),
    ("L’Assemblée générale,\n\nRappelant le Programme d’action adopté par la Conférence internationale sur la "
     "population et le développement,\n", "fr", [("programme", "icpd-programme-of-action")], []),
    ("La Asamblea General,\n\nRecordando el Programa de Acción aprobado por la Conferencia Internacional sobre la "
     "Población y el Desarrollo,\n", "es", [("programme", "icpd-programme-of-action")], []),
    # The meeting after "adopted by" must have adopted an instrument of the back-reference's kind.
    (GA + "Recalling the Convention on the Rights of the Child and welcoming the Declaration adopted by the "
     "Fourth World Conference on Women,\n", "en", [("declaration", "beijing-declaration"), ("convention", "crc")],
     ["beijing-platform"]),
    (GA + "Recalling the Convention on the Rights of the Child, and the Plan of Action adopted by the Council,\n",
     "en", [("convention", "crc")], ["beijing-platform"]),
    # A/HRC/WG.6/28/UKR/2: an organization's name before a title is the title's; a symbol's series is no name;
    # "in respect of" inside a title; "A/HCR/" typed for "A/HRC/".
    ("4. It recommended that Ukraine ratify the Council of Europe Convention on Action against Trafficking in "
     "Human Beings and the Council of Europe Convention on Preventing and Combating Violence against Women and\n"
     "Domestic Violence (the Istanbul Convention).7\n", "en",
     [("convention", "council-of-europe-convention-on-action-against-trafficking-in-human-beings"),
      ("convention", "istanbul-convention")], ["europe-convention-on-action-against-trafficking-in-human-beings"]),
    ("4. It noted that Ukraine had not become a party to the Hague Convention on\nProtection of Children and "
     "Cooperation in respect of Intercountry Adoption.10\n", "en", [("convention", "hague-adoption-convention")],
     ["hague-convention-on-protection-of-children-and-cooperation"]),
    ("5. See CRPD/C/UKR/CO/1, para. 32; CEDAW/C/UKR/CO/8, para. 4; and A/HCR/29/34/Add.3, para. 80.\n", "en",
     [("document", "CRPD/C/UKR/CO/1"), ("document", "CEDAW/C/UKR/CO/8"), ("document", "A/HRC/29/34/Add.3")],
     ["crpd", "cedaw", "A/HCR/29/34/Add.3"]),
    ("6. See REMJA-III/doc.14/00, and the Millennium/Sustainable Development Goals.\n", "en",
     [("agenda", "sustainable-development-goals")], []),
    # S/RES/1680 (2006) ar, a justified PDF's text: tatweel inside words, a Council year put first by the
    # right-to-left extraction, a space after each slash of a symbol; the nominative dual (S/RES/1559 (2004) ar).
    ("إن مجلس الأمن،\n\nإذ يشير إلى جميع قراراته الـسابقة بـشأن لبنـان، وخاصـة القـرارات (٢٠٠٤) ١٥٥٩ والقـــرار "
     "(١٩٨٢ ) ٥٢٠، وإلى بيانات رئيـسه ( S/ PRST/ 2005/ 17 )،\n", "ar",
     [("resolution", "S/RES/1559(2004)"), ("resolution", "S/RES/520(1982)"), ("document", "S/PRST/2005/17")],
     ["S/RES/2004", "A/RES/1559"]),
    ("إن مجلس الأمن،\n\nإذ يشير إلى جميع قراراته السابقة، ولا سيما القراران 425 (1978) و426 (1978)،\n", "ar",
     [("resolution", "S/RES/425(1978)"), ("resolution", "S/RES/426(1978)")], []),
    # Look-alikes: a date in parentheses before a number, "and/ or".
    ("إن مجلس الأمن،\n\nإذ يلاحظ التقرير المؤرخ (2004) 15 صفحة، و/ أو الرسائل،\n", "ar", [], ["S/RES/15(2004)"]),
    # A/HRC/WG.6/41/BRA/1: a number sign after the word; a national act's number before a year is no resolution.
    ("3 According to Human Rights Council Resolution n. 42/30, and Security Council Resolutions n. 1267 (1999).\n",
     "en", [("resolution", "A/HRC/RES/42/30"), ("resolution", "S/RES/1267(1999)")], []),
    ("48. The CNJ adopted Resolution n. 348/2020 and Resolution 213/2015 on procedures.\n", "en", [],
     ["A/RES/348/2020", "A/RES/213/2015"]),
    ("القرار 1559  / 2 ايلول 2004\n\nإن مجلس الأمن،\n\nإذ يشير إلى القرار 1553 (2004)،\n", "ar",
     [("resolution", "S/RES/1553(2004)")], ["A/RES/1559/2"]),
    (GA + "Notes the document HIV/AIDS/2020 and the document COVID-19 response and the documents A B/C.\n", "en",
     [], ["HIV/AIDS/2020", "A B/C"]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "expected", "absent"), CASES)
def test_unseen_class(text: str, language: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, language, expected, absent)


HEADERS = [
    ("Resolution adopted by the General Assembly on 27 March 2014\n[without reference to a Main Committee "
     "(A/68/L.39 and Add.1)]\n68/262. Territorial integrity of Ukraine\nThe General Assembly,\n\n"
     "Recalling its resolution 2625 (XXV),\n", "en"),
    ("Резолюция, принятая Генеральной Ассамблеей 27 марта 2014 года\n[без передачи в главные комитеты "
     "(A/68/L.39 и Add.1)]\n68/262. Территориальная целостность Украины\nГенеральная Ассамблея,\n\n"
     "ссылаясь на свою резолюцию 2625 (XXV),\n", "ru"),
    ("Resolución aprobada por la Asamblea General el 27 de marzo de 2014\n[sin remisión previa a una Comisión "
     "Principal (A/68/L.39 y Add.1)]\n68/262. Integridad territorial de Ucrania\nLa Asamblea General,\n\n"
     "Recordando su resolución 2625 (XXV),\n", "es"),
    ("Résolution adoptée par l’Assemblée générale le 27 mars 2014\n[sans renvoi à une grande commission "
     "(A/68/L.39 et Add.1)]\n68/262. Intégrité territoriale de l’Ukraine\nL’Assemblée générale,\n\n"
     "Rappelant sa résolution 2625 (XXV),\n", "fr"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language"), HEADERS)
def test_a_draft_in_the_header_is_cited_but_is_no_report(text: str, language: str) -> None:
    """A/RES/68/262: "[without reference to a Main Committee (A/68/L.39 and Add.1)]" names the draft; in every
    language it is cited from the header, and the resolution was adopted on no report."""
    record = extract_text(text, language=language).as_json()
    cited = {r["id"]: r for r in record["references"]}
    assert {"A/68/L.39", "A/68/L.39/Add.1", "A/RES/2625(XXV)"} <= set(cited), cited
    assert cited["A/68/L.39"]["paragraph"] == "HEADER"
    assert record["document"]["adopted_on_report"] is None
    assert not [r for r in record["relations"] if r["predicate"] == "adopted_on_report"]


def test_a_text_the_resolution_adopts_is_read_as_its_annex() -> None:
    """A/RES/75/1, A/RES/79/1: after "Adopts the following declaration:" the declaration's own numbered
    paragraphs are the annexed text's, not the resolution's operative paragraphs; a bare "Adopts the
    following:" (a treaty body's decision) heads the document's own text."""
    adopted = ("The General Assembly\nAdopts the following declaration:\nDeclaration on the commemoration\n"
               "1. We recall the Charter of the United Nations.\n2. We reaffirm resolution 70/1.\n")  # fmt: skip
    paragraphs = {r["id"]: r["paragraph"] for r in extract_text(adopted, language="en").as_json()["references"]}
    assert paragraphs == {"un-charter": "ANNEX", "A/RES/70/1": "ANNEX"}, paragraphs
    decision = ("The Committee against Torture,\nAdopts the following:\n1. Recalling resolution 70/1.\n"
                "2. Decides to recall the Charter of the United Nations.\n")  # fmt: skip
    paragraphs = {r["id"]: r["paragraph"] for r in extract_text(decision, language="en").as_json()["references"]}
    assert "ANNEX" not in paragraphs.values(), paragraphs


def test_an_organ_line_that_carries_the_first_opener_opens_the_first_preambular_paragraph() -> None:
    """A/RES/2154 (XXI) ar, S/RES/425 (1978) ar: "إن الجمعية العامة إذ تشير إلى قرارها 194 (الدورة 3)" is the
    organ's line and PP1; a page flattened into one line is read as before (its own rule)."""
    text = "قرار الجمعية العامة رقم 2154\nإن الجمعية العامة إذ تشير إلى قرارها 194 (الدورة 3)،\n"
    refs = extract_text(text, language="ar").references
    assert [(r.id, r.paragraph, r.function) for r in refs] == [("A/RES/194(III)", "PP1", "recalls")]
