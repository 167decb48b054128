"""Finding resolution and decision numbers, alone or in lists, with the organ words around them.

Finding never decides the organ: it records what the text says (``organ`` = a symbol series,
``self`` for "its"/“其”, ``?`` for a bare "the Council") and the number's form; resolving turns that
into ``A/RES/57/173`` or ``E/RES/2003/24`` with the citing document as context. How a language cites
(word before or after the number, list separators, dates) is its lexicon's ``[citation_grammar]``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.find.organs import (
    antecedent_series,
    body_before,
    commission_report,
    organ_after,
    organ_context,
    organ_inside,
)
from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, alternation, lexicon, ordinal_value, phrase_key
from instrumap.extract.records import Citation, Mention

# 57/173 · 57/270 B (part letters run on past H: "42/39 J", A/RES/57/91 fr) · 53/208B号 (A/57/270: a letter
# glued to Chinese text) · 1373 (2001) · 2200 A (XXI)
# · ES-10/2 · S-20/2
NUMBER = (
    r"(?:(?:ES|S)-\d{1,2}\s*/\s*\d{1,3}(?:\s?[A-Z](?![A-Za-z0-9/]))?"
    r"|\d{1,4}\s*/\s*\d{1,4}(?:\s?[A-Z](?:(?:\s*,\s*[A-Z])*\s+and\s+[A-Z])?(?![A-Za-z0-9/]))?"
    # A special session may be written in digits: "resolution 186 (S-2)" (S/RES/54 (1948)).
    r"|\d{1,4}\s*(?:[A-Z](?:(?:\s*,\s*[A-Z])*\s+and\s+[A-Z])?\s*)?\((?:[IVXL]{1,6}|(?:E?S-)(?:[IVX]{1,5}|\d{1,2}))\)"
    r"|\d{1,4}\s*[(（]\s*\d{4}\s*[)）]"
    # A session in Chinese numerals: "第96(一)号决议", "第96㈠号决议" (A/RES/53/43 zh) is 96 (I).
    r"|\d{1,4}\s*(?:[A-Z]\s*)?(?:[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[㈠-㈩])"
    # A Security Council number without its year ("Security Council resolution 1373", "第1373号决议"):
    # last, so that every longer form wins; kept only where the organ is the Council (``bare``).
    # A web copy's legal-database code may stand where the year belongs ("резолюции 1484 (995_b48)":
    # S/RES/1501 (2003) ru): the number is then as bare as without it.
    r"|\d{1,4}(?![\d/]|[.,]\d|\s*[(（](?!\s*\d{3}_)|\s?[A-Z](?![A-Za-z])))"
)


@cache
def number_pattern(language: str) -> str:
    """NUMBER with the language's own way of writing a session, first (``[citation_grammar]
    session_number``): the Arabic texts write "2656 (د–25)", "194 (الدورة 3)", "3419 دال (د–30)" for
    2656 (XXV), 194 (III), 3419 D (XXX) (A/RES/37/120 ar, A/RES/1604 (XV) ar)."""
    grammar = lexicon(language).table("citation_grammar")
    own = grammar.get("session_number")
    if not own:
        return NUMBER
    letters = alternation(grammar.get("letters", {})) if grammar.get("letters") else "(?!)"
    return f"(?:{str(own).replace('{letter}', letters)}|{NUMBER})"


@cache
def _number_re(language: str) -> re.Pattern[str]:
    return re.compile(number_pattern(language))


# A Council number whose year a right-to-left PDF's extraction put first: "(2004) 1559" (S/RES/1680 (2006) ar).
_YEAR_FIRST = re.compile(r"[(（]\s*(?P<year>\d{4})\s*[)）]\s*(?P<number>\d{1,4})")


def number_form(number: str) -> str:
    """The form of a resolution number, which narrows the organ that can have issued it.

    ``session`` 57/173 (GA, HRC, commissions) · ``year`` 2003/24 (ECOSOC and commissions) ·
    ``sc`` 1373 (2001) · ``roman`` 2200 A (XXI) (GA and ECOSOC before 1976) · ``special`` ES-10/2 ·
    ``bare`` 1373 (a Security Council number without its year).
    """
    n = "".join(number.split())
    if n.startswith(("ES-", "S-")):
        return "special"
    if _YEAR_FIRST.fullmatch(n):
        return "sc"  # the year first: a right-to-left PDF's visual order ("(2004) 1559")
    if re.fullmatch(r"\d+[(（]\d{4}[)）]", n):
        return "sc"
    if "(" in n:
        return "roman"
    if n.isdigit():
        return "bare"
    first = n.split("/")[0]
    return "year" if len(first) == 4 and first[:2] in ("19", "20") else "session"


@cache
def list_pattern(language: str) -> re.Pattern[str]:
    """A citation word with one or more numbers, built from the lexicon's templates."""
    lex = lexicon(language)
    grammar = lex.table("citation_grammar")
    months = alternation(lex.months) if lex.months else "(?!)"
    date = str(grammar["date"]).replace("{month}", months)
    topic = str(grammar.get("topic", "(?!)"))
    number = number_pattern(language)
    item = str(grammar["item"]).replace("{topic}", topic).replace("{number}", number).replace("{date}", date)
    whole = str(grammar["list"]).replace("{item}", item).replace("{sep}", str(grammar["sep"]))
    whole = whole.replace("{organ}", alternation(lex.organs))  # an organ between word and number (قرار مجلس الأمن 1373)
    return re.compile(whole.replace("{number}", number).replace("{word}", alternation(lex.citation_words)))


@cache
def _topic_pattern(language: str) -> re.Pattern[str] | None:
    topic = lexicon(language).table("citation_grammar").get("topic")
    return re.compile(str(topic)) if topic else None


# Number forms one organ's resolutions share: after a topic a list goes on only within one family,
# so that "on the budget for 2014/15" never reads as a resolution of another organ.
_FORM_FAMILY = {"session": "ga", "roman": "ga", "special": "ga", "year": "year", "sc": "sc", "bare": "sc"}


def _list_numbers(flat: str, match: re.Match[str], language: str) -> Iterator[re.Match[str]]:
    """The numbers of one list, up to the first one after a topic that is of another family of forms.

    A number without a year counts only as the list's first or right after a separator: the day and
    year of a date inside the list ("733 (1992) of 23 January 1992") are no resolutions.
    """
    topic = _topic_pattern(language)
    first = ""
    previous_end = -1
    for number in _number_re(language).finditer(flat, match.start(), match.end()):
        form = number_form(number.group(0))
        if form == "session" and _not_a_session(number.group(0)):
            continue
        if form == "bare" and previous_end >= 0 and not _listed(flat, previous_end, number, language):
            continue
        family = _FORM_FAMILY[form]
        if not first:
            first = family
        elif family != first and topic is not None and topic.search(flat, previous_end, number.start()):
            return
        previous_end = number.end()
        yield number


def _not_a_session(number: str) -> bool:
    """ "348/2020": no organ of the United Nations has met a hundred times in session; a number before a year
    is a national act's ("CNJ Resolution n. 348/2020", A/HRC/WG.6/41/BRA/1)."""
    session = number.split("/")[0].strip()
    return session.isdigit() and int(session) >= 100


def _listed(flat: str, previous_end: int, number: re.Match[str], language: str) -> bool:
    """Whether a number without a year continues the list: only a separator before it (the item's own
    第/号 aside), and no capitalized word or ". " after it (a paragraph number "…(1978), 1. Condemns",
    a footnote mark "…(1991), 99 Reaffirming": S/RES/539(1983), S/RES/712(1991))."""
    gap = flat[previous_end : number.start()].translate(_item_affixes(language))
    if _separator(language).fullmatch(gap) is None:
        return False
    return _NOT_AN_ITEM_AFTER.match(flat, number.end()) is None


_NOT_AN_ITEM_AFTER = re.compile(r"\s*\.\s|\s+[A-ZА-ЯÀ-Ý]")


@cache
def _item_affixes(language: str) -> dict[int, None]:
    """The characters an item carries around its number ([citation_grammar] item_affixes: 第 … 号), removed."""
    return dict.fromkeys(map(ord, str(lexicon(language).table("citation_grammar").get("item_affixes", ""))))


@cache
def _separator(language: str) -> re.Pattern[str]:
    return re.compile(str(lexicon(language).table("citation_grammar")["sep"]))


def _anchor_words(lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"citations": list(lex.table("citation_grammar").get("anchors", ())) or list(lex.citation_words)}


def find_citations(scan: Scan) -> Iterator[Mention]:
    """Every resolution/decision number, one mention per number, at the lexicon's anchor words."""
    flat, language = scan.flat, scan.lexicon.language
    pattern, numerals = list_pattern(language), _numeral_pattern(language)
    done = -1
    previous_cite: Citation | None = None
    for at in scan.flat_starts("citations"):
        if at < done:
            continue
        match = pattern.match(flat, at)
        if match is not None:
            gap = previous_cite is not None and _chain_gap(language).fullmatch(flat, done, match.start())
            chained = previous_cite if gap else None
            done = match.end()
            for mention in _numbers(flat, match, scan.lexicon, chained):
                previous_cite = mention.payload  # type: ignore[assignment]
                yield mention
        elif numerals is not None and (written := numerals.match(flat, at)) is not None:
            done = written.end()
            yield _numeral_number(flat, written, scan.lexicon)


@cache
def _numeral_pattern(language: str) -> re.Pattern[str] | None:
    """Numbers written in numerals with the session in brackets (``[citation_grammar] numeral_list``)."""
    pattern = lexicon(language).table("citation_grammar").get("numeral_list")
    return re.compile(str(pattern)) if pattern else None


def _numeral_number(flat: str, match: re.Match[str], lex: Lexicon) -> Mention:
    """决议案一六六八(十六) → the number ``1668 (XVI)``: digit by digit, the session as a Roman numeral."""
    digits = lex.raw["numerals"]
    number = "".join(str(digits.get(ch, ch)) for ch in match.group(2))
    session = roman_numeral(_session_value(match.group(3), lex))
    organ, organs = organ_context(flat, match.start(), lex)
    cited = Citation(number=f"{number} ({session})", form="roman", organ=organ, organs=tuple(organs))
    kind = lex.citation_words[match.group(1)]
    return Mention(kind, match.start(2), match.end(), flat[match.start(2) : match.end()], cited)


def _session_value(text: str, lex: Lexicon) -> int:
    value = ordinal_value(text, lex.language)
    return value or 0


def roman_numeral(n: int) -> str:
    """16 → ``XVI``: how the General Assembly numbered its sessions in resolution numbers."""
    out = []
    for value, letters in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


@cache
def _chain_gap(language: str) -> re.Pattern[str]:
    """What may stand between two citations of one chain: a separator and a date
    (“理事会2007年9月27日第6/3号决议、2008年3月27日第7/5号决议”: the second is the Council's too)."""
    return re.compile(rf"(?:{lexicon(language).table('citation_grammar')['sep']})(?:{_date(language)})?\s*")


@cache
def _date(language: str) -> str:
    """The citation grammar's date after a number, months filled in ("of 24 April 2009")."""
    lex = lexicon(language)
    months = alternation(lex.months) if lex.months else "(?!)"
    return str(lex.table("citation_grammar")["date"]).replace("{month}", months)


@cache
def _date_pattern(language: str) -> re.Pattern[str]:
    return re.compile(_date(language))


def _own_organ_after(flat: str, number: re.Match[str], lex: Lexicon) -> str:
    """The organ named after one number of a list and its date, whatever the list's match ran on to
    ("resolution 18/3 of 24 April 2009 entitled “…”, adopted by the Commission on Crime Prevention and
    Criminal Justice at its eighteenth session, held … 2009, 18": A/RES/64/179)."""
    date = _date_pattern(lex.language).match(flat, number.end())
    organ, _body = organ_after(flat, date.end() if date else number.end(), lex)
    return organ if organ not in ("", "parties") else ""


def _numbers(flat: str, match: re.Match[str], lex: Lexicon, chained: Citation | None = None) -> Iterator[Mention]:
    """One mention per number of a list; a list chained to the one before without an organ of its own
    is that list's organ's."""
    kind = lex.citation_words[phrase_key(match.group(1))]
    organ, organs = organ_context(flat, match.start(), lex)
    reported, reported_body = commission_report(flat, match.start(), lex) if organ in ("", "?", "E") else ("", "")
    organ = reported or organ
    if not organ and chained is not None:
        organ, organs = chained.organ, list(chained.organs)
    antecedent = antecedent_series(flat, match.start(), lex) if organ == "self" else ""
    after, body = organ_after(flat, match.end(), lex)
    after = after or organ_inside(match, lex)
    body = body or reported_body
    if not body and organ == "parties":
        body = body_before(flat, match.start(), lex)
    numbers = list(_list_numbers(flat, match, lex.language))
    # A number without its year in a list of the Council's numbers is the Council's ("1267 (1999) and 1390").
    council = any(number_form(n.group(0)) == "sc" for n in numbers)
    for number in numbers:
        form = number_form(number.group(0))
        own = _own_organ_after(flat, number, lex)
        for start, end, raw in _lettered(number) or _letter_named(flat, number, lex):
            cited = Citation(
                number=_roman_session(re.sub(r"\s+", " ", raw.replace("（", "(").replace("）", ")")).strip(), lex),
                form=form,
                organ="S" if form == "bare" and council and not after else own or after or organ,
                organs=tuple(organs),
                antecedent=antecedent,
                body=body,
            )
            yield Mention(kind, start, end, flat[start:end], cited)


_LETTERS = re.compile(
    r"(?P<base>.*?\d)\s*(?P<letters>[A-Z](?:(?:\s*,\s*[A-Z])*\s+and\s+[A-Z]))\s*(?P<session>\(.*\))?$", re.S
)


_CJK_SESSION = re.compile(r"\(\s*([一二三四五六七八九十]{1,3})\s*\)|([㈠-㈩])")


def _roman_session(number: str, lex: Lexicon) -> str:
    """ "96(一)" / "96㈠" → "96 (I)": a session in Chinese numerals, as the roman form writes it; a session
    in the language's words ("3419 دال (د–30)" → "3419 D (XXX)": ``[citation_grammar] session_value``)."""
    flipped = _YEAR_FIRST.fullmatch(number)
    if flipped is not None:  # "(2004) 1559": a right-to-left PDF's visual order (S/RES/1680 (2006) ar)
        return f"{flipped['number']} ({flipped['year']})"
    worded = _session_words(lex.language)
    if worded is not None and (w := worded.search(number)) is not None:
        base = number[: w.start()].rstrip()
        names = _letter_names(lex.language)[1]
        head, _, letter = base.rpartition(" ")
        base = f"{head} {names[letter]}" if head and letter in names else base
        kinds = {k for k, v in w.groupdict().items() if v and k != "value"}
        prefix = "ES-" if kinds & {"emergency", "emergency2"} else "S-" if kinds & {"special", "special2"} else ""
        return f"{base} ({prefix}{roman_numeral(int(w.group('value')))})"
    m = _CJK_SESSION.search(number)
    if m is None:
        return number
    value = ord(m.group(2)) - ord("㈠") + 1 if m.group(2) else ordinal_value(m.group(1), "zh") or 0
    return f"{number[: m.start()].rstrip()} ({roman_numeral(value)})"


@cache
def _session_words(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).table("citation_grammar").get("session_value")
    return re.compile(str(pattern)) if pattern else None


@cache
def _letter_names(language: str) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    names = dict(lexicon(language).table("citation_grammar").get("letters", {}))
    pattern = re.compile(rf"\s+({alternation(names)})(?![^\W\d_])") if names else None
    return pattern, names


def _letter_named(flat: str, number: re.Match[str], lex: Lexicon) -> list[tuple[int, int, str]]:
    """A number with its part letter named after it ("40 / 152 سين" → 40/152 O), or the number alone."""
    pattern, names = _letter_names(lex.language)
    lettered = pattern is not None and number_form(number.group(0)) != "bare"
    named = pattern.match(flat, number.end()) if lettered else None  # type: ignore[union-attr]
    if named is None:
        return [(number.start(), number.end(), number.group(0))]
    return [(number.start(), named.end(), f"{number.group(0)} {names[named.group(1)]}")]


def _lettered(number: re.Match[str]) -> list[tuple[int, int, str]]:
    """One number per letter of "53/243 A and B" (A/RES/79/5 fn 4) or "2200 A and B (XXI)": (start, end, number);
    nothing for a number without a list of letters."""
    raw = number.group(0)
    m = _LETTERS.match(raw)
    if m is None:
        return []
    session = f" {m['session']}" if m["session"] else ""
    letters = [(number.start() + m.start("letters") + i, letter)
               for i, letter in enumerate(m["letters"]) if letter.isupper()]  # fmt: skip
    first_end = letters[0][0] + 1
    return [(number.start(), first_end, f"{m['base']} {letters[0][1]}{session}")] + [
        (at, at + 1, f"{m['base']} {letter}{session}") for at, letter in letters[1:]
    ]


CITATIONS = register(Finder("citations", _anchor_words, find_citations))
