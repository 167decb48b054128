"""Resolution and decision numbers and document symbols by class of construction, in English and Chinese,
each table with the look-alikes that must not match (dates, periods, HIV/AIDS, 24/7, article numbers)."""

from __future__ import annotations

import pytest

from instrumap import extract_text


def found(text: str, language: str, kinds: tuple[str, ...] = ("resolution", "decision", "document")) -> list[str]:
    return [r.id for r in extract_text(text, language=language).references if r.kind in kinds]


LONG_LISTS = [
    (
        "en",
        "Recalling its resolutions 66/177 of 19 December 2011 on strengthening cooperation, in particular its"
        " technical capacity, 67/99 of 14 January 2013 on measures to eliminate terrorism and 68/119 of"
        " 16 December 2013 on measures,",
        ["A/RES/66/177", "A/RES/67/99", "A/RES/68/119"],
    ),
    (
        "en",
        "Recalling resolutions 320 (1972) of 29 September, 321 (1972) of 23 October, 322 (1972) of 22 November"
        " and 323\n(1972) of 6 December 1972,",
        ["S/RES/320(1972)", "S/RES/321(1972)", "S/RES/322(1972)", "S/RES/323(1972)"],
    ),
    (  # S/RES/385(1976) PP4, with the OCR period after "30 January"
        "en",
        "Recalling its resolutions 245 (1968) of 25 January and\n246 (1968) of 14 March 1968, 264 (1969) of"
        " 20 March and\n269 (1969) of 12 August 1969, 276 (1970) of 30 January.\n282 (1970) of 23 July,",
        [f"S/RES/{n}" for n in ("245(1968)", "246(1968)", "264(1969)", "269(1969)", "276(1970)", "282(1970)")],
    ),
    (  # A/RES/79/1: a roman-session number, a topic, then a session number
        "en",
        "use of Assembly resolutions 377 A (V) of 3 November 1950 on uniting for peace and\n76/262 of"
        " 26 April 2022 on the veto initiative;",
        ["A/RES/377A(V)", "A/RES/76/262"],
    ),
    ("en", "Recalling its resolution 68/247 on the programme budget for the period, 2014/15 and on,", ["A/RES/68/247"]),
    (
        "zh",
        "回顾其1999年10月15日第1267(1999)号、2000年12月19日第1333(2000)号、2001年7月30日第1363(2001)号和"
        "2002年12月20日第1452(2002)号决议,",
        ["S/RES/1267(1999)", "S/RES/1333(2000)", "S/RES/1363(2001)", "S/RES/1452(2002)"],
    ),
    (
        "zh",
        "回顾其一九七三年十月二十二日第338(1973)号、十月二十五日第340(1973)号和十月二十三日第378(1975)号等决议,",
        ["S/RES/338(1973)", "S/RES/340(1973)", "S/RES/378(1975)"],
    ),
    ("zh", "尤其是第2121(2013)2127(2013)2134(2014)號決議,", ["S/RES/2121(2013)", "S/RES/2127(2013)", "S/RES/2134(2014)"]),
    ("zh", "2010年3月26日导致46人死亡,第9004次会议", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), LONG_LISTS)
def test_every_number_of_a_long_list(language: str, text: str, expected: list[str]) -> None:
    assert found(text, language) == expected


SYMBOLS = [
    ("en", "Noting documents S/10611, S/24795 and E/CN.4/1985/4,", ["S/10611", "S/24795", "E/CN.4/1985/4"]),
    ("en", "see LEG/CONF.12/9 and A/AC.105/C.2/L.99.", ["LEG/CONF.12/9", "A/AC.105/C.2/L.99"]),
    ("en", "1/ A/54/546-S/1999/1123, annex.", ["A/54/546", "S/1999/1123"]),
    ("en", "5 A/47/308-E/1992/97, annex.", ["A/47/308", "E/1992/97"]),
    ("en", "Report of the World Conference (A/CONF.189/12 (Part I)),", ["A/CONF.189/12"]),
    ("en", "Documents S/5426 and Add.1, $/5621 and S/5717", ["S/5426", "S/5426/Add.1", "S/5621", "S/5717"]),
    ("en", "letters (S/24476, 8/24795),", ["S/24476", "S/24795"]),
    ("en", "document S/12344/Rey.1, annex V.", ["S/12344/Rev.1"]),
    ("en", "[without reference to a Main Committee (A/54/L.81/Rev.l)]", ["A/54/L.81/Rev.1"]),
    ("en", "HIV/AIDS services 24/7 in 2014/15 and 2011/12, article 2/3, page 12/45, S/2, A/B", []),
    ("en", "costs of US$/5621 and $/5621 alone", []),
    ("zh", "2014年12月18日S/PRST/2014/28号主席声明", ["S/PRST/2014/28"]),
    ("zh", "第S/Agenda/1769/Rev.1号文件", ["S/Agenda/1769/Rev.1"]),
    ("zh", "(参见2003年6月12日SC/7791-IK/365号文件)", ["SC/7791", "IK/365"]),
    ("zh", "来信(S/11263,S/11264)", ["S/11263", "S/11264"]),
    ("zh", "艾滋病毒/艾滋病(HIV/AIDS)每周7天24/7", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), SYMBOLS)
def test_document_symbols_of_every_shape(language: str, text: str, expected: list[str]) -> None:
    joint = found(text, language, ("document",))
    assert joint == expected
    for ref in extract_text(text, language=language).references:
        assert text[ref.start : ref.end] == ref.text


def test_part_suffix_stays_in_the_text_not_the_symbol() -> None:
    (ref,) = extract_text("the Programme (A/CONF.189/12 (Part I)),", language="en").references
    assert (ref.id, ref.text) == ("A/CONF.189/12", "A/CONF.189/12 (Part I)")


def test_running_page_heads_are_the_documents_own_symbol() -> None:
    page = "A/HRC/WG.6/29/BRB/3\nThe State recalled report A/HRC/23/11.\n2\n\nA/HRC/WG.6/29/BRB/3\nIt noted more.\n"
    assert found(page, "en") == ["A/HRC/23/11"]


def test_opening_symbol_is_the_documents_own() -> None:
    assert found("联合国A/57/270大会Distr.:General 见A/57/150。", "zh") == ["A/57/150"]
    assert found("Noting documents A/53/500/Add.1,", "en") == ["A/53/500/Add.1"]


def test_a_split_masthead_is_the_documents_own_symbol() -> None:
    """PDF conversion puts the series letter on a line of its own before "United Nations" (A/RES/79/9)."""
    text = ("A\nUnited Nations /RES/79/9\nGeneral Assembly\nDistr.: General\n\nThe General Assembly,\n\n"
            "Recalling its resolution 78/5,\n\nA/RES/79/9 of Islamic Cooperation\n\n1. Welcomes document A/79/302;\n")
    extraction = extract_text(text, language="en")
    assert extraction.document.metadata.symbol == "A/RES/79/9"
    assert [r.id for r in extraction.references] == ["A/RES/78/5", "A/79/302"]
    report = extract_text("A\nUnited Nations\n/HRC/WG.6/33/BRN/2\nGeneral Assembly\nSee A/HRC/WG.6/33/BRN/2 and A/HRC/27/11.",
                          language="en")
    assert [r.id for r in report.references] == ["A/HRC/27/11"]


ORGANS = [
    ("en", "Recalling Sub-Commission resolution 1985/12,", ["E/CN.4/Sub.2/RES/1985/12"]),
    (
        "en",
        "Recalling decision 3/2 of the Conference of the Parties to the United Nations Convention against"
        " Transnational Organized Crime at its third session,",
        ["cop-untoc/decision/3/2"],
    ),
    (
        "en",
        "Recalling the Convention on Biological Diversity and decision 3/2 of the Conference of the Parties to"
        " the Convention,",
        ["cop-cbd/decision/3/2"],
    ),
    ("zh", "回顾《联合国打击跨国有组织犯罪公约》缔约方会议第3/2号决定,", ["cop-untoc/decision/3/2"]),
    (
        "en",
        "Recalling Commission on Human Rights resolution 2005/55 and Human Rights Council resolutions 6/3 and"
        " 7/5, and Council resolution 9/2,",
        ["E/CN.4/RES/2005/55", "A/HRC/RES/6/3", "A/HRC/RES/7/5", "A/HRC/RES/9/2"],
    ),
    (
        "zh",
        "重申人权委员会和人权理事会以往通过的决议,包括人权委员会2005年4月20日第2005/55号决议和理事会"
        "2007年9月27日第6/3号决议、2008年3月27日第7/5号决议,",
        ["E/CN.4/RES/2005/55", "A/HRC/RES/6/3", "A/HRC/RES/7/5"],
    ),
    ("en", "The Council, recalling its resolution 60/251,", ["A/RES/60/251"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), ORGANS)
def test_organ_and_series_of_a_number(language: str, text: str, expected: list[str]) -> None:
    assert found(text, language, ("resolution", "decision")) == expected


CHINESE = [
    ("安全理事会第1970(2011)号决议", ["S/RES/1970(2011)"]),
    ("回顾其关于利比亚的第1970(2011)号决议及其后各项决议，", ["S/RES/1970(2011)"]),
    ("安全理事会第 1970 ( 2011 ) 号 决议", ["S/RES/1970(2011)"]),
    ("回顧其2011年2月26日第1970(2011)號決議,", ["S/RES/1970(2011)"]),
    ("覆按其一九五〇年十二月十四日决议案三九六(五)所载建议", ["A/RES/396(V)"]),
    ("经大会以一九六五年十一月十七日决议案二0二五(二十)确认", ["A/RES/2025(XX)"]),
    ("**大会在第53/208B号决议第8段决定,", ["A/RES/53/208B"]),
    ("1993年9月20日第47/120 B号和1997年7月31日第51/241号决议", ["A/RES/47/120B", "A/RES/51/241"]),
    ("第 11 段,第9004次会议,48个会员国,2022年3月25日", []),
]


@pytest.mark.parametrize(("text", "expected"), CHINESE)
def test_chinese_citations(text: str, expected: list[str]) -> None:
    assert found(text, "zh", ("resolution", "decision")) == expected


# Class 10: OCR slips, mended in the flat view with every offset kept; look-alikes stay as they are.
OCR = [
    ("en", "Recalling its resolu tions 51/210 and 55/25,", ["A/RES/51/210", "A/RES/55/25"]),
    ("en", "Taking note of the report of the Economic and Social Counc il, and resolution 2003/24 of the Council,",
     ["E/RES/2003/24"]),
    ("en", "Recalling Security Counc il resolution l373 (2001),", ["S/RES/1373(2001)"]),
    ("en", "Reaffirming the Untied Nations Charter and resolution 57/l73,", ["A/RES/57/173", "un-charter"]),
    ("en", "Calls upon States to respect the Genev a Conventions of 12 August 1949,", ["geneva-conventions-1949"]),
    ("en", "Emissions of CO2 fell in 2O15 in ISO 9001 sites, and l0 per cent,", []),
    ("fr", "Rappelant sa résolu tion 2003/24 du Conseil économique et social,", ["E/RES/2003/24"]),
]


@pytest.mark.parametrize(("language", "text", "expected"), OCR)
def test_ocr_slips_are_mended_keeping_offsets(language: str, text: str, expected: list[str]) -> None:
    extraction = extract_text(text, language=language)
    assert sorted(r.id for r in extraction.references) == sorted(expected)
    for reference in extraction.references:  # every span still points into the text as given
        assert text[reference.start : reference.end] == reference.text


# Security Council numbers without their year (reports, letters, speeches): the year the document gives the
# number elsewhere, else the year of a resolution often cited so; never another organ's number, a date or a mark.
BARE_COUNCIL_NUMBERS = [
    ("en", "Recalling Security Council resolution 1373 and resolutions 1267 and 1540,",
     ["S/RES/1373(2001)", "S/RES/1267(1999)", "S/RES/1540(2004)"]),
    ("en", "Recalling its resolutions 1267 (1999), 1333 (2000) and 1390, 1. Decides",
     ["S/RES/1267(1999)", "S/RES/1333(2000)", "S/RES/1390(2002)"]),
    ("en", "Security Council resolution 2001 (2011) extended it; Security Council resolution 2001 was welcomed.",
     ["S/RES/2001(2011)", "S/RES/2001(2011)"]),
    ("en", "Recalling General Assembly resolution 194 and resolution 5 of the Commission,", []),
    ("en", "Recalling Security Council resolution 9999 on the matter,", []),
    ("en", "Recalling resolution 733 (1992) of 23 January 1992, 99 Reaffirming", ["S/RES/733(1992)"]),
    ("zh", "回顾安全理事会第1373号决议和第1267号决议，", ["S/RES/1373(2001)", "S/RES/1267(1999)"]),
    ("zh", "回顾大会第194号决议，", []),
]


@pytest.mark.parametrize(("language", "text", "expected"), BARE_COUNCIL_NUMBERS)
def test_council_numbers_without_their_year(language: str, text: str, expected: list[str]) -> None:
    assert found(text, language) == expected


# Acts of other organizations have no UN symbol: never given to the Assembly or the Council (A/RES/3379 (XXX)).
OTHER_ORGANIZATIONS = [
    ("Recalling resolution 77 (XII) of the Assembly of Heads of State and Government of the Organization of "
     "African Unity,", []),
    ("Recalling Organization of African Unity resolution 77 (XII) and General Assembly resolution 3151 G (XXVIII),",
     ["A/RES/3151G(XXVIII)"]),
    ("Recalling resolution 55/2 of the Assembly and resolution 1373 (2001) of the Council,",
     ["A/RES/55/2", "S/RES/1373(2001)"]),
]


@pytest.mark.parametrize(("text", "expected"), OTHER_ORGANIZATIONS)
def test_other_organizations_acts_get_no_un_symbol(text: str, expected: list[str]) -> None:
    assert found(text, "en") == expected
