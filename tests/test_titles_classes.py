"""Tables per class of title, meeting and back-reference failure, English and Chinese, with the
look-alikes that must not match. Each row is (text, expected (kind, id) pairs, ids that must not appear)."""

from __future__ import annotations

import pytest

from instrumap import extract_text

from conftest import check, found

# Class 6: a title ends where it ends (a known name, a year after "in", "and to the", "by the"), goes on
# across a date inside it, and a name another title embeds after "to the" counts too.
TITLE_BOUNDARIES = [
    (
        "Urges States to ratify the United Nations Convention against Transnational Organized Crime and to the\n"
        "General Assembly at its sixty-first session,",
        [("convention", "untoc")],
        ["united-nations-convention-against-transnational-organized-crime-and-to-the-gener"],
    ),
    (
        "The State ratified the Convention on the Rights of Persons with Disabilities in\n2013.",
        [("convention", "crpd")],
        ["convention-on-the-rights-of-persons-with-disabilities-in-2013"],
    ),
    (
        "Recalling the adoption of the Geneva Declaration for Rural Women by the Summit on the Economic "
        "Advancement of Rural Women,",
        [("declaration", "geneva-declaration-rural-women"), ("summit", "rural-women-summit-1992")],
        ["geneva-declaration-for-rural-women-by-the-summit-on-the-economic-advancement-of"],
    ),
    (
        "Recalling the Agreement for the Implementation of the Provisions of the United Nations Convention on "
        "the Law of the Sea of 10 December 1982 relating to the Conservation and Management of Straddling Fish "
        "Stocks and Highly Migratory Fish Stocks,",
        [("convention", "un-fish-stocks-agreement")],
        [],
    ),
    (
        "Recalling the Optional Protocol to the Convention on the Rights of the Child on the sale of children, "
        "child prostitution and child pornography,",
        [("protocol", "crc-opsc"), ("convention", "crc")],
        [],
    ),
    (
        "the Second Optional Protocol to the International Covenant on Civil and Political Rights, aiming at "
        "the abolition of the death penalty,",
        [("protocol", "iccpr-op2"), ("covenant", "iccpr")],
        [],
    ),
    # Look-alikes: a title's own year, and "and in the" inside a title, are kept.
    ("Reaffirming the Outer Space Treaty and the Agenda 2030,", [("convention", "outer-space-treaty")], ["agenda"]),
    (
        "Recalling the Declaration on International Cooperation in the Exploration and Use of Outer Space for "
        "the Benefit and in the Interest of All States, Taking into Particular Account the Needs of Developing "
        "Countries,",
        [("declaration", "space-benefits-declaration")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), TITLE_BOUNDARIES)
def test_a_title_ends_where_it_ends(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "en", expected, absent)


# Class 8: an ordinal short form is the series' meeting; bodies named "Conference"/"Forum"/"Congress" are
# no meetings; a conference of the parties stays one.
MEETINGS = [
    (
        "Welcoming the offer of Qatar to host the Thirteenth United Nations Congress on Crime Prevention and "
        "Criminal Justice, to be held in Doha, and the preparations for the Thirteenth Congress,",
        [("congress", "crime-congress-13")],
        ["thirteenth-congress"],
    ),
    (
        "Noting the Twelfth United Nations Congress on Crime Prevention and Criminal Justice and the hosting "
        "of the Twelfth Congress in Salvador from 12 to 19 April 2010, and the Tenth Congress,",
        [("congress", "crime-congress-12"), ("congress", "crime-congress-10")],
        ["twelfth-congress-in-salvador", "twelfth-congress", "tenth-congress"],
    ),
    (
        "Noting the work of the Conference on Disarmament, the United Nations Conference on Trade and "
        "Development, the Organization of the Islamic Conference, the ASEAN Regional Forum, the Pacific "
        "Islands Forum and the African National Congress,",
        [],
        ["conference-on-disarmament", "united-nations-conference-on-trade-and-development", "islamic-conference",
         "asean-regional-forum", "pacific-islands-forum", "african-national-congress"],
    ),
    (
        "Requests the Conference of the Parties to the United Nations Convention against Transnational "
        "Organized Crime to continue its work,",
        [("conference", "cop-untoc"), ("convention", "untoc")],
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected", "absent"), MEETINGS)
def test_meetings_are_one_node_and_bodies_none(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "en", expected, absent)


# Class 7: "the Protocols thereto" points only at protocols named before, never at a node of its own.
BACK_REFERENCES = [
    (
        "Recalling the Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the "
        "United Nations Convention against Transnational Organized Crime, and urging accession to that "
        "Convention and the Protocols thereto,",
        [("protocol", "untoc-smuggling-protocol"), ("convention", "untoc")],
        ["protocols-to-the-convention", "the-protocols-thereto"],
    ),
    ("Calls for the implementation of the Programme of Action,", [], ["programme-of-action"]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), BACK_REFERENCES)
def test_back_references_point_back_or_are_dropped(
    text: str, expected: list[tuple[str, str]], absent: list[str]
) -> None:
    check(text, "en", expected, absent)


# Class 9: other organizations' acts, drafts, lower-case rules of procedure, heads the lexicon lacked.
OTHER_INSTRUMENTS = [
    (
        "Decides to establish, in accordance with rule 28 of\nthe provisional rules of procedure, a Committee,",
        [("rules", "sc-provisional-rules-of-procedure")],
        [],
    ),
    (
        "in accordance with rule 28 of the provisional\nrules of procedure of the Council, shall be entrusted",
        [("rules", "sc-provisional-rules-of-procedure")],
        [],
    ),
    ("as provided in the rules of procedure of the General Assembly,", [("rules", "ga-rules-of-procedure")], []),
    (
        "Recalling the Final Act of the Conference on Security and Cooperation in Europe, signed in Helsinki on "
        "1 August 1975, and the Memorandum on Security Assurances in Connection with Ukraine’s Accession to the "
        "Treaty on the Non-Proliferation of Nuclear Weapons (Budapest Memorandum) of 5 December 1994,",
        [("declaration", "helsinki-final-act"), ("convention", "budapest-memorandum"), ("convention", "npt")],
        [],
    ),
    (
        "Bearing in mind the draft Declaration on the Rights of Persons Belonging to National or Ethnic, "
        "Religious and Linguistic Minorities,",
        [("declaration", "draft-declaration-on-the-rights-of-persons-belonging-to-national-or-ethnic-relig")],
        ["minorities-declaration"],
    ),
    (
        "Noting the progress on the draft comprehensive convention on international terrorism,",
        [("convention", "draft-comprehensive-convention-on-international-terrorism")],
        [],
    ),
    (
        "Recalling the Inter-American Convention against Corruption,",
        [("convention", "inter-american-convention-against-corruption")],
        [],
    ),
    # Look-alikes: a draft resolution, drafting, a bare memorandum of understanding are no instruments.
    ("Having considered the draft resolution and the drafting of the text,", [], ["draft-resolution"]),
    ("under the Memorandum of Understanding,", [], ["memorandum-of-understanding"]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), OTHER_INSTRUMENTS)
def test_other_instruments_drafts_and_rules(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "en", expected, absent)


ZH_CLASSES = [
    # The Charter and the rules of procedure without 《》 or with a broken 《.
    ("采取行动，根据联合国宪章》第七章采取行动，", [("charter", "un-charter")], []),
    ("决定按照安理会暂行议事规则第28条，立即设立一个委员会，", [("rules", "sc-provisional-rules-of-procedure")], []),
    # A meeting named by the authority: one node, with what the text says of it.
    ("回顾2000年9月6日至8日在纽约举行的联合国千年首脑会议，", [("summit", "millennium-summit")], []),
    # Instruments outside the vocabulary in 《…》: unresolved nodes with their exact title.
    ("回顾《吉布提协议》和《日内瓦公报》，", [("convention", "吉布提协议"), ("declaration", "日内瓦公报")], []),
    # A name inside 《…》 is that title's; look-alikes: a date and a resolution number.
    ("回顾《联合国宪章》宗旨，2014年12月18日第2199(2015)号决议，", [("charter", "un-charter")], ["联合国宪章"]),
]


@pytest.mark.parametrize(("text", "expected", "absent"), ZH_CLASSES)
def test_chinese_titles_meetings_and_rules(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "zh", expected, absent)


def test_a_name_inside_guillemets_is_reported_once() -> None:
    refs = extract_text("回顾《联合国宪章》，", language="zh").references
    assert [(r.id, r.text) for r in refs] == [("un-charter", "《联合国宪章》")]


# Head-first languages: a known title with commas and numbers inside it, an article repeated in a joined
# title, a title in another case (Russian), and the meeting that adopted them (A/RES/55/79, S/RES/2397(2017)).
HEAD_FIRST = [
    (
        "Réaffirmant la Déclaration mondiale en faveur de la survie, de la protection et du développement de "
        "l’enfant et le Plan d’action pour l’application de la Déclaration mondiale en faveur de la survie, de la "
        "protection et du développement de l’enfant dans les années 90 adoptés par le Sommet mondial pour les "
        "enfants, tenu à New York les 29 et 30 septembre 1990 3,",
        "fr",
        [("declaration", "world-declaration-children-1990"), ("plan_of_action", "world-summit-children-plan-1990"),
         ("summit", "world-summit-children-1990")],
        [],
    ),
    (
        "et la Déclaration et le Programme d’action de Vienne adoptés par la Conférence mondiale sur les droits de "
        "l’homme, tenue à Vienne du 14 au 25 juin 1993 4,",
        "fr",
        [("declaration", "vdpa"), ("conference", "world-conference-human-rights-1993")],
        [],
    ),
    (
        "Adjunto al presente documento figuran la Declaración y el Programa de Acción de Viena aprobados por la "
        "Conferencia Mundial de Derechos Humanos el 25 de junio de 1993.",
        "es",
        [("declaration", "vdpa"), ("conference", "world-conference-human-rights-1993")],
        [],
    ),
    (
        "Reafirmando la importancia del Acuerdo de Bonn y recordando en particular su anexo I,",
        "es",
        [("convention", "bonn-agreement")],
        [],
    ),
    (
        "и по поводу того вызова, которым такое испытание является по отношению к Договору о нераспространении "
        "ядерного оружия (ДНЯО) и международным усилиям,",
        "ru",
        [("convention", "npt")],
        [],
    ),
    (
        "ссылаясь на Венскую декларацию и Программу действий, принятые Всемирной конференцией по правам человека "
        "25 июня 1993 года,",
        "ru",
        [("declaration", "vdpa"), ("conference", "world-conference-human-rights-1993")],
        [],
    ),
    (
        "вновь подтверждая свою приверженность Конвенцией о правах ребенка,",
        "ru",
        [("convention", "crc")],
        [],
    ),
    (
        "Rappelant le Protocole additionnel à la Convention des Nations Unies contre la criminalité transnationale "
        "organisée visant à prévenir, réprimer et punir la traite des personnes, en particulier des femmes et des "
        "enfants,",
        "fr",
        [("protocol", "untoc-trafficking-protocol")],
        [],
    ),
    # Look-alikes: a declined phrase that only shares a head ("Договору аренды", "Конвенции о правах человека"
    # is no title), and a phrase with "et le" that is no known title.
    ("согласно Договору аренды земельного участка и Конвенции о правах человека в регионе,", "ru", [], ["npt", "crc"]),
    (
        "la Déclaration et le Programme de travail de la Commission,",
        "fr",
        [],
        ["vdpa", "declaration-et-le-programme-de-travail-de-la-commission"],
    ),
]


@pytest.mark.parametrize(("text", "language", "expected", "absent"), HEAD_FIRST)
def test_head_first_titles_known_as_written_otherwise(
    text: str, language: str, expected: list[tuple[str, str]], absent: list[str]
) -> None:
    got = found(text, language)
    for pair in expected:
        assert pair in got, (text, got)
    assert not [i for _, i in got if i in absent], (text, got)


ADOPTED_BY_MEETINGS = [
    (HEAD_FIRST[0][0], "fr", [("world-summit-children-1990", "world-declaration-children-1990"),
                              ("world-summit-children-1990", "world-summit-children-plan-1990")]),
    (HEAD_FIRST[1][0], "fr", [("world-conference-human-rights-1993", "vdpa")]),
    (HEAD_FIRST[2][0], "es", [("world-conference-human-rights-1993", "vdpa")]),
    (HEAD_FIRST[5][0], "ru", [("world-conference-human-rights-1993", "vdpa")]),
    ("وإذ تشير إلى إعلان وبرنامج عمل فيينا اللذين اعتمدهما المؤتمر العالمي لحقوق الإنسان المعقود في فيينا،", "ar",
     [("world-conference-human-rights-1993", "vdpa")]),
    ("وإذ تشير إلى إعلان وبرنامج عمل فيينا، وإلى المؤتمر العالمي لحقوق الإنسان،", "ar", []),
    # Look-alike: the meeting named after another verb adopts nothing.
    ("Rappelant la Déclaration et le Programme d’action de Vienne et saluant la Conférence mondiale sur les "
     "droits de l’homme,", "fr", []),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "pairs"), ADOPTED_BY_MEETINGS)
def test_a_meeting_adopts_the_instruments_before_it(text: str, language: str, pairs: list[tuple[str, str]]) -> None:
    relations = extract_text(text, language=language).relations
    got = sorted((r.subject, r.object) for r in relations if r.predicate == "adopts")
    assert got == sorted(pairs), (text, got)


MEETING_DETAILS = [
    (HEAD_FIRST[0][0], "fr", "Sommet mondial pour les enfants", ("New York", "1990-09-29", "1990-09-30")),
    (HEAD_FIRST[1][0], "fr", "Conférence mondiale sur les droits de l’homme", ("Vienne", "1993-06-14", "1993-06-25")),
    ("la Conferencia Mundial de Derechos Humanos, celebrada en Viena del 14 al 25 de junio de 1993,", "es",
     "Conferencia Mundial de Derechos Humanos", ("Viena", "1993-06-14", "1993-06-25")),
    ("Всемирной конференции по правам человека, состоявшейся в Вене 14–25 июня 1993 года,", "ru",
     "Всемирной конференции по правам человека", ("Вене", "1993-06-14", "1993-06-25")),
    # Look-alike: a date that follows without a "held" word is no meeting's ("…, le 25 juin 1993 a été …" is).
    ("la Conférence mondiale sur les droits de l’homme, dont le rapport du 14 au 25 juin 1993,", "fr",
     "Conférence mondiale sur les droits de l’homme", ("", "", "")),
]  # fmt: skip


@pytest.mark.parametrize(("text", "language", "name", "event"), MEETING_DETAILS)
def test_where_and_when_a_meeting_was_held(text: str, language: str, name: str, event: tuple[str, str, str]) -> None:
    from instrumap.extract.find.meetings import meeting_details

    at = text.index(name)
    got = meeting_details(text, at, at + len(name), language)
    assert (got.place, got.start, got.end) == event


# Traditional Chinese is read as simplified, one character for one: the Charter, the document's own symbol in
# its header (S/RES/2424(2018)), offsets and quoted text as written.
def test_traditional_chinese_reads_like_simplified() -> None:
    text = "第2424(2018)號決議\n\n2018年6月29日安全理事會第8300次會議通過\n\n安全理事會\n\n回顧其以往各項決議,特別是第2360(2017)號決議,\n\n根據《聯合國憲章》第七章採取行動\n"
    doc = extract_text(text, language="zh")
    assert doc.document.metadata.symbol == "S/RES/2424(2018)"
    got = [(r.id, r.text, r.paragraph) for r in doc.references]
    assert ("S/RES/2360(2017)", "2360(2017)", "PP1") in got
    assert ("un-charter", "《聯合國憲章》", "PP2") in got
    assert "S/RES/2424(2018)" not in {r.id for r in doc.references}, got


# Held-out classes (A/HRC/WG.6/33/BRN/2, CED/C/GC/1, CAT/C/GC/4, A/RES/66/253, A/RES/79/9): ILO titles keep
# their year and number, commas inside a list of adjectives, plural protocol titles, general comments,
# Human Rights Council numbering. Each with the look-alike that must not match.
HELD_OUT = [
    ("had not ratified the Equal Remuneration Convention, 1951 (No. 100) or the Discrimination (Employment and "
     "Occupation) Convention, 1958 (No. 111).",
     [("convention", "ilo-c100"),
      ("convention", "ilo-c111")],
     ["equal-remuneration-convention"]),
    ("the objectives of the Global Compact for Safe, Orderly and Regular Migration, adopted in 2018",
     [("declaration", "global-compact-for-safe-orderly-and-regular-migration")], ["global-compact-for-safe"]),
    ("ratify the Convention against Torture, the Convention on the Rights of the Child and the Covenant.",
     [("convention", "cat"), ("convention", "crc")], []),
    ("consider ratifying the two Optional Protocols to the International Covenant on Civil and Political Rights.",
     [("protocol", "iccpr-op1"), ("protocol", "iccpr-op2")],
     ["optional-protocols-to-the-international-covenant-on-civil-and-political-rights"]),
    ("Recalling Human Rights Council resolutions S-16/1 of 29 April 2011, 1 S-17/1 of 23 August 20111 and S-18/1",
     [("resolution", "A/HRC/RES/S-17/1"), ("resolution", "A/HRC/RES/S-18/1")], []),
    ("resolution 16/18 of 24 March 2011 and all its subsequent versions adopted by the Human Rights Council",
     [("resolution", "A/HRC/RES/16/18")], ["A/RES/16/18"]),
    ("resolution 1999/30 of 28 July 1999 and the measures adopted by the Commission on Narcotic Drugs",
     [("resolution", "E/RES/1999/30")], ["E/CN.7/RES/1999/30"]),
    ("See S/PV.7813.", [("document", "S/PV.7813")], []),
    ("Recalling CEDAW general recommendation No. 19 and the present general comment,",
     [("document", "cedaw-committee-general-recommendation-19")], []),
]


@pytest.mark.parametrize(("text", "expected", "absent"), HELD_OUT)
def test_held_out_classes(text: str, expected: list[tuple[str, str]], absent: list[str]) -> None:
    check(text, "en", expected, absent)
