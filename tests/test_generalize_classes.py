"""Classes of failure found on documents the extractor had not seen (rules of procedure, organs named
after a quoted title, titles broken by page heads or listing nouns, treaty-body texts without a cover),
each with the look-alikes that must not match. Rows are (text, language, expected (kind, id), absent ids)."""

from __future__ import annotations

from pathlib import Path

import pytest

from instrumap import extract, extract_text
from instrumap.extract.symbols import symbol_from_source

from conftest import check, found

SC = "Resolution 661 (1990)\nAdopted by the Security Council at its 2933rd meeting, on 6 August 1990\n\nThe Security Council,\n\n"
GA = "Resolution adopted by the General Assembly on 2 December 2009\n\n64/179. Strengthening\n\nThe General Assembly,\n\n"


RULES = [
    (SC + "4. Decides to establish, in accordance with rule 28 of its provisional rules of procedure, a Committee;",
     "en", [("rules", "sc-provisional-rules-of-procedure")], []),
    (GA + "11. Decides that the Council shall apply the rules of procedure established for committees of the "
     "General Assembly, as applicable;", "en", [("rules", "ga-rules-of-procedure")], []),
    # The rules "for" something are another instrument's title, never the citing organ's own.
    (GA + "12. Approves the rules of procedure for United Nations congresses on crime prevention and criminal justice;",
     "en", [], ["ga-rules-of-procedure"]),
    ("Le Conseil de sécurité,\n1. Décide de créer, conformément à l’article 28 de son règlement intérieur "
     "provisoire, un comité;", "fr", [("rules", "sc-provisional-rules-of-procedure")], []),
    ("El Consejo de Seguridad,\n1. Decide establecer, de conformidad con el artículo 28 de su reglamento "
     "provisional, un comité;", "es", [("rules", "sc-provisional-rules-of-procedure")], []),
    # "reglamento" alone is any regulation.
    ("El Consejo de Seguridad,\n1. Toma nota del reglamento financiero y del reglamento sanitario;", "es", [],
     ["sc-provisional-rules-of-procedure"]),
    ("Совет Безопасности,\n1. постановляет учредить в соответствии с правилом 28 своих временных правил "
     "процедуры Комитет Совета Безопасности;", "ru", [("rules", "sc-provisional-rules-of-procedure")], []),
]


@pytest.mark.parametrize(("text", "language", "expected", "absent"), RULES)
def test_rules_of_procedure_are_the_governed_bodys(
    text: str, language: str, expected: list[tuple[str, str]], absent: list[str]
) -> None:
    check(text, language, expected, absent)


def test_a_committees_own_rules_in_its_decision() -> None:
    text = ("Committee against Torture\nDecision adopted by the Committee under article 22 of the Convention\n\n"
            "1.2 On 19 August 2010, in application of rule 108, paragraph 1, of its rules of procedure, the "
            "Committee asked the State party not to expel the complainant.")
    record = extract_text(text, language="en", source="CAT_C_51_D_429_2010.en.txt").as_json()
    labels = [r["label"]["en"] for r in record["references"] if r["kind"] == "rules"]
    assert labels == ["Rules of procedure of the Committee against Torture"]


def test_an_organ_named_after_a_quoted_title_and_a_later_list() -> None:
    """A/RES/64/179 OP29: the organ after "entitled “…”, adopted by the" is the resolution's, even when
    the list pattern ran on to a footnote mark after a later date."""
    text = (GA + "29. Welcomes resolution 18/3 of 24 April 2009 entitled “Improving the governance and financial "
            "situation of the United Nations Office on Drugs and Crime”, adopted by the Commission on Crime "
            "Prevention and Criminal Justice at its eighteenth session, held in Vienna from 16 to 24 April 2009, "
            "18 by which the Commission adopted the recommendations;")
    ids = [i for _, i in found(text, "en")]
    assert "E/CN.15/RES/18/3" in ids and "A/RES/18/3" not in ids


TITLES = [
    # Listing nouns after a comma go on into "of …" (A/RES/54/134).
    ("Taking note of the Convention on the Prohibition of the Development, Production, Stockpiling and Use of "
     "Chemical Weapons and on Their Destruction and of the Convention on the Prohibition of the Development, "
     "Production and Stockpiling of Bacteriological (Biological) and Toxin Weapons and on Their Destruction,",
     [("convention", "cwc"), ("convention", "bwc")],
     ["convention-on-the-prohibition-of-biological", "convention-on-the-prohibition-of-the-development-production"]),
    ("Taking note of the Inter-American Convention on the Prevention, Punishment and Eradication of\n"
     "Violence Against Women adopted by the General Assembly of the Organization of American States,",
     [], ["inter-american-convention-on-the-prevention"]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TITLES)
def test_titles_with_listed_nouns_and_parentheses(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "en", expected, absent)


def test_a_page_heads_running_title_does_not_glue_a_broken_title(tmp_path: Path) -> None:
    """A/RES/75/1: "The Charter of the" + job number, barcode, page break, running title, symbol + "United Nations"."""
    text = ("Resolution adopted by the General Assembly on 21 September 2020\n\n75/1. Declaration on the "
            "commemoration of the seventy-fifth anniversary of the United Nations\n\nThe General Assembly\n\n"
            "Adopts the following declaration:\n\n1. We reaffirm our commitment. The Charter of the\n\n"
            "20-12589 (E)\n\n300920\n\n*2012589*\n\n\fDeclaration on the commemoration of the seventy-fifth\n"
            "anniversary of the United Nations\n\nA/RES/75/1\n\nUnited Nations, which is the cornerstone of "
            "international law, has declared the principle of sovereign equality.\n")
    path = tmp_path / "A_RES_75_1.en.txt"
    path.write_text(text, encoding="utf-8")
    ids = [r.id for r in extract(path).references]
    assert "un-charter" in ids and not [i for i in ids if i.startswith("charter-of-the")], ids


@pytest.mark.parametrize(("name", "symbol"), [
    ("CEDAW_C_GC_35.en.txt", "CEDAW/C/GC/35"),
    ("S_RES_244_1967.en.txt", "S/RES/244(1967)"),
    ("A_RES_3379_XXX.en.txt", "A/RES/3379(XXX)"),
    ("A_RES_ES-10_24.es.txt", "A/RES/ES-10/24"),
    ("A_HRC_WG.6_43_FRA_3.en.txt", "A/HRC/WG.6/43/FRA/3"),
    ("resolution.txt", None),
    ("<text>", None),
])  # fmt: skip
def test_a_file_named_after_its_symbol(name: str, symbol: str | None) -> None:
    assert symbol_from_source(name) == symbol


def test_a_general_recommendation_without_its_cover(tmp_path: Path) -> None:
    """CEDAW/C/GC/35 copied without cover: the file name gives the committee; "the Convention" is its
    treaty, and general recommendation No. 19 named in its own title line is still cited."""
    path = tmp_path / "CEDAW_C_GC_35.en.txt"
    path.write_text(
        "General recommendation No. 35 on gender-based violence against women, updating general "
        "recommendation No. 19\n\n1. In its general recommendation No. 19 (1992) on violence against women, the "
        "Committee clarified that discrimination against women, as defined in article 1 of the Convention, "
        "included gender-based violence.\n", encoding="utf-8")
    ids = {r.id for r in extract(path).references}
    assert {"cedaw", "cedaw-committee-general-recommendation-19"} <= ids, ids
    assert "cedaw-committee-general-recommendation-35" not in ids


NUMBERS_AND_SYMBOLS = [
    # Two days share a month inside a list: every number of the list (S/RES/446 (1979)).
    ("2. Deplores the failure to abide by General Assembly resolutions 2253 (ES-V) and\n2254 (ES-V) of 4 and 14 "
     "July 1967, 32/5 of 28 October\n1977 and 33/113 of 18 December 1978;",
     ["A/RES/2253(ES-V)", "A/RES/2254(ES-V)", "A/RES/32/5", "A/RES/33/113"], []),
    # A symbol a line break split after its series (S/RES/435 (1978)).
    ("Having considered his explanatory statement made in the Security Council on 29 September 1978 (S/\n12869), 62",
     ["S/12869"], []),
    # Addenda after a symbol or as a range are documents of their own; a corrigendum is not cited apart.
    ("[without reference to a Main Committee (A/69/L.65 and Add.1)]\nRecalling the reports S/8248/Add.7-9 and "
     "A/64/440 and Corr.1,", ["A/69/L.65", "A/69/L.65/Add.1", "S/8248/Add.7", "S/8248/Add.9", "A/64/440"],
     ["A/64/440/Corr.1", "S/8248/Add.7-9"]),
    # A resolution number after a functional commission's report is the commission's (A/RES/54/134 fn 11).
    ("Welcoming the appointment of the Special Rapporteur on violence against women,11\n11 Official Records of the Economic and Social "
     "Council, 1999, Supplement No. 3 (E/1999/23), chap. II, sect. A, resolution 1999/42.",
     ["E/CN.4/RES/1999/42"], ["E/RES/1999/42"]),
    # … but not across into the next footnote (A/RES/58/141 fn 3 and 4).
    ("See Official Records of the Economic and Social Council, 2001, Supplement No. 8 (E/2001/28/Rev.1), chap. I, "
     "sect. C, resolution 44/2.\n4\nResolution 54/132, annex.", ["E/CN.7/RES/44/2", "A/RES/54/132"],
     ["E/CN.7/RES/54/132"]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), NUMBERS_AND_SYMBOLS)
def test_numbers_and_symbols_of_unseen_shapes(text: str, expected: list[str], absent: list[str]) -> None:
    ids = {i for _, i in found(text, "en")}
    assert set(expected) <= ids, ids
    assert not ids & set(absent), ids


def test_an_instrument_before_it_had_its_name_and_its_rules() -> None:
    """A/RES/69/292: the future BBNJ Agreement, and the rules "relating to the procedure" of the Assembly's committees."""
    text = (GA + "1. Decides to develop an international legally binding instrument under the United Nations "
            "Convention on the Law of the Sea on the conservation and sustainable use of marine biological "
            "diversity of areas beyond national jurisdiction;\n(j) Decides that the rules relating to the procedure "
            "and the established practice of the committees of the General Assembly shall apply;")
    ids = {i for _, i in found(text, "en")}
    assert {"bbnj-agreement", "ga-rules-of-procedure"} <= ids, ids


def test_presidential_statements_named_by_their_date() -> None:
    """S/RES/502 (1982), S/RES/446 (1979): dated statements before S/PRST symbols are one document node each;
    one with its symbol beside it is that symbol's (S/13994), never a second node."""
    text = (SC + "Recalling the statement made by the President of the\nSecurity Council at the 2345th meeting of the "
            "Council on\n1 April 198259 calling on the Governments,\n2. Deplores the failure to abide by the consensus "
            "statement made by the President of the Council on 11 November 1976 11 and the statement by the "
            "President of the Security Council of 18 April 1980 (S/13994);")
    refs = extract_text(text, language="en").references
    ids = [r.id for r in refs]
    assert ids.count("sc-presidential-statement-1982-04-01") == 1 and "S/13994" in ids, ids
    assert "sc-presidential-statement-1980-04-18" not in ids
    consensus = next(r for r in refs if r.id == "sc-presidential-statement-1976-11-11")
    assert consensus.target.label["en"] == "Consensus statement by the President of the Security Council of 11 November 1976"


def test_numbered_conferences_of_the_parties_and_broken_compounds() -> None:
    """A/RES/79/15 OP3: "the first … the fifth Conference of States Parties" are five meetings of one
    treaty's conference, and "African Nuclear-\\nWeapon-Free Zone Treaty" broken at a line end is the treaty."""
    text = (GA + "3. Recalls the convening of the first Conference of States Parties to the\nAfrican Nuclear-Weapon-"
            "Free Zone Treaty (Treaty of Pelindaba), on 4 November\n2010, the second Conference of States Parties, "
            "on 12 and 13 November 2012;\n4. Calls upon States to ratify the African Nuclear-\nWeapon-Free Zone "
            "Treaty;")
    refs = extract_text(text, language="en").references
    ids = {r.id for r in refs}
    assert {"cop-pelindaba-treaty-1", "cop-pelindaba-treaty-2", "pelindaba-treaty"} <= ids, ids
    assert not [i for i in ids if i.startswith("african-nuclear")], ids
    second = next(r for r in refs if r.id == "cop-pelindaba-treaty-2")
    assert second.target.label["en"] == "Second Conference of States Parties to the African Nuclear-Weapon-Free Zone Treaty"


@pytest.mark.parametrize(("text", "language", "expected"), [
    # Part letters named in Arabic, in the abjad order (A/RES/52/31).
    ("وإذ تشير إلى قراراتها 40 / 152 سين المؤرخ 16 كانون الأول/ ديسمبر 1985، و 41 / 86 فاء المؤرخ 4 كانون "
     "الأول/ ديسمبر 1986، و 45 / 65 المؤرخ 4 كانون الأول/ ديسمبر 1990،", "ar",
     ["A/RES/40/152O", "A/RES/41/86Q", "A/RES/45/65"]),
    # A session in Chinese numerals, in parentheses or as one enclosed character (A/RES/53/43 zh).
    ("回顾其1946年12月11日第96㈠号决议，又回顾第217(三)号决议", "zh", ["A/RES/96(I)", "A/RES/217(III)"]),
    # The older Chinese header of a draft with its addendum.
    ("[未经发交主要委员会而通过(A/53/L.47和Add.1)]\n53/43. 《防止及惩治灭绝种族罪公约》五十周年\n大会,\n 回顾", "zh",
     ["A/53/L.47", "A/53/L.47/Add.1"]),
])  # fmt: skip
def test_letters_sessions_and_drafts_in_other_scripts(text: str, language: str, expected: list[str]) -> None:
    ids = [i for _, i in found(text, language)]
    assert set(expected) <= set(ids), ids


def test_a_running_head_sharing_its_line_with_the_symbol(tmp_path: Path) -> None:
    """A/RES/79/10: no page break, the barcode ends the page and the head's last line holds the symbol
    ("A/RES/79/10 Security Treaty Organization"); an organization named after a treaty cites none."""
    text = ("Resolution adopted by the General Assembly on 18 November 2024\n\n79/10. Cooperation between the "
            "United Nations and the Collective\nSecurity Treaty Organization\nThe General Assembly,\n\nRecalling "
            "the cooperation between the United Nations and the Collective\n\n24-21660 (E)\n*2421660*\n\n"
            "Cooperation between the United Nations and the Collective\nA/RES/79/10 Security Treaty Organization\n"
            "President, including the Treaty on Friendship, Cooperation and Partnership between Ukraine and the "
            "Russian Federation,\n")
    path = tmp_path / "A_RES_79_10.en.txt"
    path.write_text(text, encoding="utf-8")
    refs = extract(path).references
    ids = {r.id for r in refs}
    assert not [i for i in ids if "security-treaty" in i], ids
    labels = {r.target.label.get("en", "") for r in refs}
    assert "Treaty on Friendship, Cooperation and Partnership between Ukraine and the Russian Federation" in labels


def test_a_number_after_a_conference_of_the_parties_report_is_the_conferences() -> None:
    """A/RES/67/192 fn 5: "See CAC/COSP/2011/14, sect. I.A, resolution 4/2." is the UNCAC conference's 4/2."""
    refs = extract_text("5 See CAC/COSP/2011/14, sect. I.A, resolution 4/2.", language="en").references
    act = next(r for r in refs if r.kind == "resolution")
    assert act.id == "cop-uncac/resolution/4/2" and "A/RES/4/2" not in {r.id for r in refs}
    assert act.target.label["en"] == ("Conference of the States Parties to the United Nations Convention against "
                                      "Corruption resolution 4/2")


def test_a_page_flattened_into_one_line_keeps_its_header_and_paragraphs() -> None:
    """A/RES/56/153 fr as a web copy of its PDF: one line; the organ's line stands inline, the report is
    read from the header, and each opener after a comma starts a preambular paragraph."""
    text = ("Nations Unies Assemblée générale A/RES/56/153 Distr. générale 13 février 2002 Cinquante-sixième session "
            "Point 119, b, de l’ordre du jour Résolution adoptée par l’Assemblée générale [sur le rapport de la "
            "Troisième Commission (A/56/583/Add.2)] 56/153. Renforcement de l’action de l’Organisation des Nations "
            "Unies dans le domaine des droits de l’homme L’Assemblée générale, Considérant que les buts des Nations "
            "Unies sont, entre autres, de développer entre les nations des relations amicales, Rappelant sa "
            "résolution 55/109 du 4 décembre 2000, Réaffirmant la Déclaration universelle des droits de l’homme, "
            "Désireuse de faire progresser encore la coopération internationale dans le domaine des droits de "
            "l’homme, Considérant que cette coopération devrait se fonder sur les principes consacrés par le droit "
            "international, 1. Réaffirme que l’un des buts de l’Organisation des Nations Unies est de réaliser la "
            "coopération internationale ; 2. Prie le Secrétaire général de lui présenter un rapport.")
    record = extract_text(text, language="fr").as_json()
    assert record["document"]["adopted_on_report"] == "A/56/583/Add.2"
    placed = {(r["id"], r["paragraph"], r["function"]) for r in record["references"]}
    assert ("A/RES/55/109", "PP2", "recalls") in placed and ("udhr", "PP3", "reaffirms") in placed, placed
    assert "A/RES/56/153" not in {r["id"] for r in record["references"]}


@pytest.mark.parametrize(("text", "language", "expected", "absent"), [
    # A topic between items in Spanish, and no topic across a new citation word (A/RES/68/278 es).
    ("Recordando las resoluciones 67/294, de 15 de agosto de 2013, relativas a la Nueva Alianza para el Desarrollo "
     "de África, y 59/213, de 20 de diciembre de 2004, relativas a la cooperación entre las Naciones Unidas y la "
     "Unión Africana,\nRecordando también las resoluciones del Consejo de Seguridad 1809 (2008), de 16 de abril de "
     "2008, relativa a la paz y la seguridad en África, 1325 (2000), de 31 de octubre de 2000,", "es",
     ["A/RES/67/294", "A/RES/59/213", "S/RES/1809(2008)", "S/RES/1325(2000)"], []),
    # Addenda listed with corrigenda between them (A/RES/58/143).
    ("Noting E/CN.4/2003/85 and Add.1 and Add.1/Corr.1, Add.2, Add.3 and Add.3/Corr.1 and Add.4.", "en",
     ["E/CN.4/2003/85/Add.1", "E/CN.4/2003/85/Add.2", "E/CN.4/2003/85/Add.4"], ["E/CN.4/2003/85/Corr.1"]),
    # A special session in digits (S/RES/54 (1948)).
    ("Taking into consideration General Assembly resolution 186 (S-2) of 14 May 1948,", "en", ["A/RES/186(S-2)"], []),
])  # fmt: skip
def test_lists_addenda_and_sessions_of_other_shapes(
    text: str, language: str, expected: list[str], absent: list[str]
) -> None:
    ids = {i for _, i in found(text, language)}
    assert set(expected) <= ids, ids
    assert not ids & set(absent), ids


def test_a_list_of_presidential_statements() -> None:
    """S/RES/459 (1979): the statements of 8 December 1978 and 26 April are their symbols; the one of
    15 May 1979, with no symbol, is a node of its own, its year taken once for the list."""
    text = (SC + "Recalling its resolutions 425 (1978), as well as the statements made\nby the President of the "
            "Security Council on 8 December\n1978 (S/12958), 7 on 26 April (S/13272) 20 and on 15\nMay 1979, 21")
    ids = {i for _, i in found(text, "en")}
    assert {"S/12958", "S/13272", "sc-presidential-statement-1979-05-15"} <= ids, ids
    assert not [i for i in ids if i.startswith("sc-presidential-statement-1978")], ids


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("S_RES_1616_2005.zh.txt", "安全理事会\n\n回顾其以往各项决议,特别是2003年7月28日第1493号决议、2004年3月12日第1533号决议,",
     ["S/RES/1493(2003)", "S/RES/1533(2004)"]),
    ("S_RES_1616_2005.en.txt", "The Security Council,\n\nRecalling its resolution 1493 of 28 July 2003,", ["S/RES/1493(2003)"]),
])  # fmt: skip
def test_a_council_number_takes_the_year_of_its_date(tmp_path: Path, name: str, text: str, expected: list[str]) -> None:
    """S/RES/1616 (2005) zh: a Council resolution cited by number and date is of the date's year."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert set(expected) <= {r.id for r in extract(path).references}


@pytest.mark.parametrize(("text", "language", "expected", "absent"), [
    ("Совет по правам человека,\n\nвновь подтверждая все предыдущие резолюции, принятые Комиссией по правам человека "
     "и Советом, включая резолюцию 2005/55 Комиссии от 20 апреля 2005 года,", "ru",
     ["E/CN.4/RES/2005/55"], ["E/RES/2005/55"]),
    ("The Human Rights Council,\n\nReaffirming the resolutions adopted by the Commission on Human Rights, including "
     "resolution 2005/55 of the Commission of 20 April 2005,", "en", ["E/CN.4/RES/2005/55"], ["E/RES/2005/55"]),
])  # fmt: skip
def test_a_bare_organ_after_the_number_is_the_one_named_before(
    text: str, language: str, expected: list[str], absent: list[str]
) -> None:
    """A/HRC/RES/35/3 ru: "резолюцию 2005/55 Комиссии" is the Commission on Human Rights' named before."""
    ids = {i for _, i in found(text, language)}
    assert set(expected) <= ids and not ids & set(absent), ids
