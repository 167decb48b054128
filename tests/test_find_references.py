"""Tables of (text, expected references) for every construction, in Chinese and English,
with the look-alikes that must not match."""

from __future__ import annotations

import pytest

from instrumap import extract_text


def found(text: str, language: str, *, kinds: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    refs = extract_text(text, language=language).references
    return [(r.kind, r.id) for r in refs if not kinds or r.kind in kinds]


def res(*symbols: str) -> list[tuple[str, str]]:
    return [("decision" if "/DEC/" in s else "resolution", s) for s in symbols]


ZH_RESOLUTIONS = [
    ("回顾其第57/173号决议，", res("A/RES/57/173")),
    ("回顾其第 46/152 号决议，", res("A/RES/46/152")),
    ("回顾其第55/25号和第55/255号决议，", res("A/RES/55/25", "A/RES/55/255")),
    ("回顾其第63/193、63/194和63/195号决议，", res("A/RES/63/193", "A/RES/63/194", "A/RES/63/195")),
    ("回顾经济及社会理事会第2003/24号决议，", res("E/RES/2003/24")),
    (
        "回顾经济及社会理事会 2003 年 7 月 22 日关于预防犯罪和刑事司法委员会的运作的第 2003/31 号决议，",
        res("E/RES/2003/31"),
    ),
    ("申明安全理事会第1373(2001)号决议的重要性，", res("S/RES/1373(2001)")),
    ("申明安全理事会关于反恐恐怖主义的第 1373 (2001) 号决议，", res("S/RES/1373(2001)")),
    ("回顾人权理事会第7/1号决议，", res("A/HRC/RES/7/1")),
    ("回顾其第51/421号决定，", res("A/DEC/51/421")),
    ("注意到秘书长关于大会第 57/173 号决议执行进度的报告，", res("A/RES/57/173")),
    ("回顾其第 661\n(1990) 号决议，", [("resolution", "A/RES/661")] if False else res("S/RES/661(1990)")),
]

EN_RESOLUTIONS = [
    ("Recalling its resolution 57/173,", res("A/RES/57/173")),
    ("Recalling its resolutions 55/25 and 55/255,", res("A/RES/55/25", "A/RES/55/255")),
    ("Recalling Economic and Social Council resolution 2003/24,", res("E/RES/2003/24")),
    ("Recalling resolution 2003/24 of the Economic and Social Council,", res("E/RES/2003/24")),
    ("Recalling Security Council resolution 1373 (2001),", res("S/RES/1373(2001)")),
    (
        "Recalling Security Council resolutions 1265 (1999) and 1296 (2000),",
        res("S/RES/1265(1999)", "S/RES/1296(2000)"),
    ),
    ("Recalling its resolution 57/270 B,", res("A/RES/57/270B")),
    ("Recalling its decision 51/421,", res("A/DEC/51/421")),
    ("Recalling its resolution 2200 A (XXI),", res("A/RES/2200A(XXI)")),
    ("Recalling its resolutions ES-10/2 and S-20/2,", res("A/RES/ES-10/2", "A/RES/S-20/2")),
    ("Recalling Human Rights Council resolution 7/1,", res("A/HRC/RES/7/1")),
    ("Recalling Commission on Human Rights resolution 2003/45,", res("E/CN.4/RES/2003/45")),
    ("Recalling Economic and Social Council decision 2007/253,", res("E/DEC/2007/253")),
    (
        "Welcoming the work of the Commission on Narcotic Drugs, in particular in its resolutions 44/16 and 45/17,",
        res("E/CN.7/RES/44/16", "E/CN.7/RES/45/17"),
    ),
    (
        "Recalling its resolutions 46/152 of 18 December 1991, 60/1 of 16 September\n2005 and 63/195 of 18 December 2008,",
        res("A/RES/46/152", "A/RES/60/1", "A/RES/63/195"),
    ),
    ("Noting that resolution 660\n(1990) has not been implemented,", res("S/RES/660(1990)")),
]

SYMBOLS = [
    ("Taking note of the report of the Secretary-General (A/58/222),", [("document", "A/58/222")]),
    (
        "Noting documents A/53/500/Add.1, S/PRST/1994/16, E/CN.15/2003/3 and A/CONF.187/4,",
        [
            ("document", "A/53/500/Add.1"),
            ("document", "S/PRST/1994/16"),
            ("document", "E/CN.15/2003/3"),
            ("document", "A/CONF.187/4"),
        ],
    ),
    ("Recalling A/RES/58/140,", res("A/RES/58/140")),
]

NOT_REFERENCES = [
    ("Concerned about HIV/AIDS and services available 24/7,", "en"),
    ("Noting the meeting of 12/05/2003 and paragraph 2 of the report,", "en"),
    ("Noting that 1/3 of States and 50/50 shares, and article 12/2,", "en"),
    ("关切艾滋病毒/艾滋病，", "zh"),
    ("2003 年 12 月 22 日\n\n第 77 次全体会议", "zh"),
    ("Recalling the importance of conventions and protocols against terrorism,", "en"),
]


@pytest.mark.parametrize(("text", "expected"), ZH_RESOLUTIONS)
def test_chinese_resolutions(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "zh", kinds=("resolution", "decision")) == expected


@pytest.mark.parametrize(("text", "expected"), EN_RESOLUTIONS)
def test_english_resolutions(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "en", kinds=("resolution", "decision")) == expected


@pytest.mark.parametrize(("text", "expected"), SYMBOLS)
def test_document_symbols(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "en") == expected


@pytest.mark.parametrize(("text", "language"), NOT_REFERENCES)
def test_look_alikes_are_not_references(text: str, language: str) -> None:
    assert found(text, language) == []


ZH_INSTRUMENTS = [
    (
        "欢迎《联合国打击跨国有组织犯罪公约》（《巴勒莫公约》）生效，",
        [("convention", "untoc"), ("convention", "untoc")],
    ),
    (
        "欢迎《联合国反腐败公约》的谈判取得圆满成功，并敦促各国尽快批准《公约》；",
        [("convention", "uncac"), ("convention", "uncac")],
    ),
    ("回顾《世界人权宣言》和《公民权利和政治权利国际公约》，", [("declaration", "udhr"), ("covenant", "iccpr")]),
    ("回顾《某项未知的区域合作公约》，", [("convention", "某项未知的区域合作公约")]),
    ("注意到《2009年世界毒品问题报告》，", []),
]

EN_INSTRUMENTS = [
    (
        "Welcoming the entry into force of the United Nations Convention against Transnational Organized Crime,",
        [("convention", "untoc")],
    ),
    ("Recalling the Palermo Convention,", [("convention", "untoc")]),
    (
        "Recalling the Universal Declaration of Human Rights and the International Covenant on Civil and Political Rights,",
        [("declaration", "udhr"), ("covenant", "iccpr")],
    ),
    (
        "Recalling the Convention on the Rights of the Child, and urging States to ratify the Convention,",
        [("convention", "crc"), ("convention", "crc")],
    ),
    ("Recalling the Charter of the United Nations,", [("charter", "un-charter")]),
    ("Acting under Chapter VII of the Charter,", [("charter", "un-charter")]),
    (
        "Recalling the Regional Convention on Fisheries Cooperation among Island States,",
        [("convention", "regional-convention-on-fisheries-cooperation-among-island-states")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ZH_INSTRUMENTS)
def test_chinese_instruments_and_back_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "zh") == expected


@pytest.mark.parametrize(("text", "expected"), EN_INSTRUMENTS)
def test_english_instruments_and_back_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text, "en") == expected


def test_unknown_instrument_is_a_node_flagged_unresolved() -> None:
    ref = extract_text(
        "Recalling the Regional Convention on Fisheries Cooperation among Island States,", language="en"
    ).references[0]
    assert ref.resolved is False and ref.uri.endswith(
        "/instrument/regional-convention-on-fisheries-cooperation-among-island-states"
    )


def test_back_reference_without_antecedent_is_dropped_and_reported() -> None:
    result = extract_text("Urges States to ratify the Convention,", language="en")
    assert result.references == ()
    assert "nothing it can refer back to" in result.problems[0]


def test_protocols_thereto_look_back_at_named_protocols_only() -> None:
    text = ("Recalling the United Nations Convention against Transnational Organized Crime and the Protocols thereto,\n"
            "Welcoming the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United "
            "Nations Convention against Transnational Organized Crime,\n"
            "Urges States to ratify the Convention and the Protocols thereto,")  # fmt: skip
    ids = found(text, "en", kinds=("protocol",))
    assert ids == [("protocol", "untoc-smuggling-protocol")] * 2


MEETINGS = [
    (
        "认识到2003年5月28日至31日在汉城举行的第三次全球反腐败和维护廉政论坛，",
        "zh",
        ("global-forum-corruption-3", {"place": "Seoul", "start": "2003-05-28", "end": "2003-05-31"}),
    ),
    ("请各国协助履行在第十届联合国预防犯罪和罪犯待遇大会上作出的承诺，", "zh", ("crime-congress-10", {})),
    (
        "注意到第二次偷运和贩运人口及相关跨国犯罪问题区域部长级会议，2003年4月28日至30日，印度尼西亚巴厘；",
        "zh",
        ("bali-ministerial-conference-2", {"place": "Bali", "start": "2003-04-28", "end": "2003-04-30"}),
    ),
    (
        "欢迎秘书长 2003 年 9 月 23 日至 26 日在纽约举办的条约活动“聚焦 2003：打击跨国有组织犯罪和恐怖主义条约”的成果；",
        "zh",
        ("focus-2003", {"place": "New York", "start": "2003-09-23", "end": "2003-09-26"}),
    ),
    (
        "Noting the Third Global Forum on Fighting Corruption and Safeguarding Integrity, held in Seoul from 28 to 31 May 2003,",
        "en",
        ("global-forum-corruption-3", {"place": "Seoul", "start": "2003-05-28", "end": "2003-05-31"}),
    ),
    (
        "Welcoming the Twelfth United Nations Congress on Crime Prevention and Criminal Justice, held at Salvador, Brazil, "
        "from 12 to 19 April 2010,",
        "en",
        ("crime-congress-12", {"place": "Salvador", "start": "2010-04-12", "end": "2010-04-19"}),
    ),
    (
        "Recalling the First Regional Summit on Water Security of the Pacific Islands, held in Apia from 3 to 5 May 2021,",
        "en",
        ("first-regional-summit-on-water-security-of-the-pacific-islands", {"place": "Apia", "start": "2021-05-03"}),
    ),
]


@pytest.mark.parametrize(("text", "language", "expected"), MEETINGS)
def test_meetings_with_ordinal_place_and_dates(text: str, language: str, expected: tuple[str, dict[str, str]]) -> None:
    refs = [r for r in extract_text(text, language=language).references if r.kind not in ("convention", "resolution")]
    target, details = expected
    assert refs[0].id == target
    assert details.items() <= refs[0].event.as_json().items()


FUNCTIONS = [
    ("**又回顾**其第57/173号决议，", "zh", "recalls"),
    ("铭记其第58/135号决议，", "zh", "bears_in_mind"),
    ("1. **赞赏地注意到**秘书长关于大会第 57/173 号决议执行进度的报告；", "zh", "takes_note_with_appreciation"),
    ("Taking note with appreciation of resolution 57/173,", "en", "takes_note_with_appreciation"),
    ("Bearing in mind resolution 57/173,", "en", "bears_in_mind"),
    ("2. Calls upon States to implement resolution 57/173;", "en", "calls_upon"),
]


@pytest.mark.parametrize(("text", "language", "function"), FUNCTIONS)
def test_citation_function_from_opening_verb(text: str, language: str, function: str) -> None:
    assert extract_text(text, language=language).references[0].function == function


def test_relations_stated_in_text() -> None:
    zh = extract_text(
        "回顾其2000年11月15日第55/25号决议，其中通过《联合国打击跨国有组织犯罪公约》、"
        "《联合国打击跨国组织犯罪公约关于打击陆、海、空偷运移民的补充议定书》，", language="zh")  # fmt: skip
    rels = {(r.subject, r.predicate, r.object) for r in zh.relations}
    assert ("A/RES/55/25", "adopts", "untoc") in rels
    assert ("A/RES/55/25", "adopts", "untoc-smuggling-protocol") in rels
    assert ("untoc-smuggling-protocol", "supplements", "untoc") in rels
    en = extract_text("Recalling its resolution 55/25 of 15 November 2000, by which it adopted the United Nations "
                      "Convention against Transnational Organized Crime,", language="en")  # fmt: skip
    assert ("A/RES/55/25", "adopts", "untoc") in {(r.subject, r.predicate, r.object) for r in en.relations}
