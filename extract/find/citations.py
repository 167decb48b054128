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

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.lexicon import Lexicon, alternation, lexicon, load_data, ordinal_value
from instrumap.extract.records import Citation, Mention

# 57/173 · 57/270 B · 53/208B号 (A/57/270: a letter glued to Chinese text) · 1373 (2001) · 2200 A (XXI)
# · ES-10/2 · S-20/2
NUMBER = (
    r"(?:(?:ES|S)-\d{1,2}\s*/\s*\d{1,3}(?:\s?[A-H](?![A-Za-z0-9/]))?"
    r"|\d{1,4}\s*/\s*\d{1,4}(?:\s?[A-H](?:(?:\s*,\s*[A-H])*\s+and\s+[A-H])?(?![A-Za-z0-9/]))?"
    # A special session may be written in digits: "resolution 186 (S-2)" (S/RES/54 (1948)).
    r"|\d{1,4}\s*(?:[A-H](?:(?:\s*,\s*[A-H])*\s+and\s+[A-H])?\s*)?\((?:[IVXL]{1,6}|(?:E?S-)(?:[IVX]{1,5}|\d{1,2}))\)"
    r"|\d{1,4}\s*[(（]\s*\d{4}\s*[)）]"
    # A session in Chinese numerals: "第96(一)号决议", "第96㈠号决议" (A/RES/53/43 zh) is 96 (I).
    r"|\d{1,4}\s*(?:[A-H]\s*)?(?:[(（]\s*[一二三四五六七八九十]{1,3}\s*[)）]|[㈠-㈩])"
    # A Security Council number without its year ("Security Council resolution 1373", "第1373号决议"):
    # last, so that every longer form wins; kept only where the organ is the Council (``bare``).
    r"|\d{1,4}(?![\d/]|[.,]\d|\s*[(（]|\s?[A-H](?![A-Za-z])))"
)
_NUMBER_RE = re.compile(NUMBER)
_CLAUSE_END = re.compile(r"[,;:.，；：。](?=[^,;:.，；：。]*$)")


def number_form(number: str) -> str:
    """The form of a resolution number, which narrows the organ that can have issued it.

    ``session`` 57/173 (GA, HRC, commissions) · ``year`` 2003/24 (ECOSOC and commissions) ·
    ``sc`` 1373 (2001) · ``roman`` 2200 A (XXI) (GA and ECOSOC before 1976) · ``special`` ES-10/2 ·
    ``bare`` 1373 (a Security Council number without its year).
    """
    n = "".join(number.split())
    if n.startswith(("ES-", "S-")):
        return "special"
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
    item = str(grammar["item"]).replace("{topic}", topic).replace("{number}", NUMBER).replace("{date}", date)
    whole = str(grammar["list"]).replace("{item}", item).replace("{sep}", str(grammar["sep"]))
    whole = whole.replace("{organ}", alternation(lex.organs))  # an organ between word and number (قرار مجلس الأمن 1373)
    return re.compile(whole.replace("{number}", NUMBER).replace("{word}", alternation(lex.citation_words)))


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
    for number in _NUMBER_RE.finditer(flat, match.start(), match.end()):
        form = number_form(number.group(0))
        if form == "bare" and previous_end >= 0 and not _listed(flat, previous_end, number, language):
            continue
        family = _FORM_FAMILY[form]
        if not first:
            first = family
        elif family != first and topic is not None and topic.search(flat, previous_end, number.start()):
            return
        previous_end = number.end()
        yield number


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


@cache
def _organ_pattern(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    return re.compile(alternation(list(lex.organs) + list(lex.self_words), boundary=lex.grammar.word_boundaries))


@cache
def _opener_then_self(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    return re.compile(rf"(?:\*\*)?{alternation(lex.openers)}(?:\*\*)?\s*{alternation(lex.self_words)}\b")


@cache
def _possessive(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).grammar.possessive_before
    return re.compile(pattern) if pattern else None


@cache
def _organ_after_pattern(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).grammar.organ_after
    return re.compile(pattern) if pattern else None


def _anchor_words(lex: Lexicon, _gazetteer: object) -> dict[str, list[str]]:
    return {"citations": list(lex.table("citation_grammar").get("anchors", ())) or list(lex.citation_words)}


def find_citations(scan: Scan) -> Iterator[Mention]:
    """Every resolution/decision number, one mention per number, at the lexicon's anchor words."""
    flat, language = scan.flat, scan.lexicon.language
    pattern, numerals = list_pattern(language), _numeral_pattern(language)
    done, previous = -1, None
    for at in scan.flat_starts("citations"):
        if at < done:
            continue
        match = pattern.match(flat, at)
        if match is not None:
            chained = previous if previous and _chain_gap(language).fullmatch(flat, done, match.start()) else None
            done = match.end()
            for mention in _numbers(flat, match, scan.lexicon, chained):
                previous = mention.payload  # type: ignore[assignment]
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
    organ, organs = _organ_context(flat, match.start(), lex)
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
    organ, _body = _organ_after(flat, date.end() if date else number.end(), lex)
    return organ if organ not in ("", "parties") else ""


def _numbers(flat: str, match: re.Match[str], lex: Lexicon, chained: Citation | None = None) -> Iterator[Mention]:
    """One mention per number of a list; a list chained to the one before without an organ of its own
    is that list's organ's."""
    kind = lex.citation_words[" ".join(match.group(1).split())]
    organ, organs = _organ_context(flat, match.start(), lex)
    reported, reported_body = _commission_report(flat, match.start(), lex) if organ in ("", "?", "E") else ("", "")
    organ = reported or organ
    if not organ and chained is not None:
        organ, organs = chained.organ, list(chained.organs)
    antecedent = antecedent_series(flat, match.start(), lex) if organ == "self" else ""
    after, body = _organ_after(flat, match.end(), lex)
    after = after or _organ_inside(match, lex)
    body = body or reported_body
    if not body and organ == "parties":
        body = _body_before(flat, match.start(), lex)
    numbers = list(_list_numbers(flat, match, lex.language))
    # A number without its year in a list of the Council's numbers is the Council's ("1267 (1999) and 1390").
    council = any(number_form(n.group(0)) == "sc" for n in numbers)
    for number in numbers:
        form = number_form(number.group(0))
        own = _own_organ_after(flat, number, lex)
        for start, end, raw in _lettered(number) or _letter_named(flat, number, lex):
            cited = Citation(
                number=_roman_session(re.sub(r"\s+", " ", raw.replace("（", "(").replace("）", ")")).strip()),
                form=form,
                organ="S" if form == "bare" and council and not after else own or after or organ,
                organs=tuple(organs),
                antecedent=antecedent,
                body=body,
            )
            yield Mention(kind, start, end, flat[start:end], cited)


_LETTERS = re.compile(
    r"(?P<base>.*?\d)\s*(?P<letters>[A-H](?:(?:\s*,\s*[A-H])*\s+and\s+[A-H]))\s*(?P<session>\(.*\))?$", re.S
)


_CJK_SESSION = re.compile(r"\(\s*([一二三四五六七八九十]{1,3})\s*\)|([㈠-㈩])")


def _roman_session(number: str) -> str:
    """ "96(一)" / "96㈠" → "96 (I)": a session in Chinese numerals, as the roman form writes it."""
    m = _CJK_SESSION.search(number)
    if m is None:
        return number
    value = ord(m.group(2)) - ord("㈠") + 1 if m.group(2) else ordinal_value(m.group(1), "zh") or 0
    return f"{number[: m.start()].rstrip()} ({roman_numeral(value)})"


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
               for i, letter in enumerate(m["letters"]) if letter in "ABCDEFGH"]  # fmt: skip
    first_end = letters[0][0] + 1
    return [(number.start(), first_end, f"{m['base']} {letters[0][1]}{session}")] + [
        (at, at + 1, f"{m['base']} {letter}{session}") for at, letter in letters[1:]
    ]


# A sentence (or the next footnote) starts: a full stop, maybe a note number, a capitalized word in Latin
# or Cyrillic script ("chap. I, sect. C" and "Supplement No. 8" go on; "… раздел A. 2 Резолюция 260 A (III)"
# is the next note: A/RES/53/43 ru).
_NEXT_SENTENCE = re.compile(r"\.\s+(?:\d{1,3}\s+)?(?=[A-ZÀ-ÝА-ЯЁ][a-zà-ÿа-яё])")


@cache
def _commission_reports() -> tuple[re.Pattern[str], int, dict[str, str], re.Pattern[str], dict[str, str]]:
    data = load_data("common")["commission_reports"]
    parties = dict(data["parties"])
    conference = re.compile(rf"\b({alternation(parties)})/")
    return re.compile(str(data["report"])), int(data["reach"]), dict(data["series"]), conference, parties


def _commission_report(flat: str, at: int, lex: Lexicon) -> tuple[str, str]:
    """The body whose report stands before the number in the same clause or note, with no organ named
    between: a functional commission's (an Official Records supplement, E/1999/23), or a conference of the
    parties' ("See CAC/COSP/2011/14, sect. I.A, resolution 4/2": A/RES/67/192). (organ, body) or ("", "")."""
    pattern, reach, series, conference, parties = _commission_reports()
    head = flat[max(0, at - reach) : at + 2]  # the number's own word may start a sentence ("Resolution 54/132")
    head = head[head.rfind(";") + 1 :]
    sentences = list(_NEXT_SENTENCE.finditer(head))  # "… resolution 44/2. 4 Resolution 54/132": the next note
    head = (head[sentences[-1].end() :] if sentences else head)[:-2]
    reports = [*pattern.finditer(head), *conference.finditer(head)]
    last = max(reports, key=lambda m: m.start(), default=None)
    if last is None or _organ_pattern(lex.language).search(head, last.end()):
        return "", ""
    if last.re is conference:
        return "parties", parties[last.group(1)]
    return series.get(last.group("number"), ""), ""


def _organ_inside(match: re.Match[str], lex: Lexicon) -> str:
    """What the template's named groups say: an organ inside the citation, or a pronoun glued to its word (قرارها)."""
    named = match.groupdict()
    if named.get("self"):
        return "self"
    return lex.organs.get(" ".join(named["organ"].split()), "") if named.get("organ") else ""


def _organ_of(word: str, lex: Lexicon) -> str:
    return "self" if word in lex.self_words else lex.organs.get(" ".join(word.split()), "?")


def _organ_context(flat: str, at: int, lex: Lexicon) -> tuple[str, list[str]]:
    """The organ named before a citation (nearest first), within its clause."""
    grammar = lex.grammar
    begin = max(0, at - grammar.organ_window)
    head = flat[begin:at]
    cut = max(head.rfind(mark) for mark in grammar.clause_breaks)
    if cut >= 0:
        head, begin = head[cut + 1 :], begin + cut + 1
    hits = list(_organ_pattern(lex.language).finditer(head))
    if grammar.topic_word:
        # “经济及社会理事会 2003 年 7 月 22 日关于[议题]的第 2003/31 号决议”: the organ stands before 关于;
        # organs named inside the topic do not count, unless one stands right before 第 (“关于大会第…号”).
        about = head.rfind(grammar.topic_word)
        adjacent = [m for m in hits if re.fullmatch(r"\s*", head[m.end() :])]
        if about >= 0 and not adjacent:
            hits = [m for m in hits if m.end() <= about]
    found = [_bare_organ(flat, begin + m.start(), m.group(0), lex) for m in reversed(hits)]
    possessive = _possessive(lex.language)
    if possessive is not None:
        # "its resolution" / "Council resolution": the word right before counts most.
        words = head.rsplit(None, 1)
        if words and possessive.search(words[-1]):
            found.insert(0, "self")
    return (found[0] if found else ""), found


_SENTENCE = 400  # how far back a bare "the Council" looks for the council it stands for


def _bare_organ(flat: str, at: int, word: str, lex: Lexicon) -> str:
    """A bare "Council"/“理事会” stands for the council last named in full in the same sentence
    (“人权委员会…第2005/55号决议和理事会…第6/3号决议”: the Human Rights Council named before, not the
    Assembly); otherwise it stays ``?`` and the citing organ is meant."""
    organ = _organ_of(word, lex)
    if organ != "?":
        return organ
    head = flat[max(0, at - _SENTENCE) : at]
    head = head[max(head.rfind("。"), head.rfind(". "), head.rfind(";"), head.rfind("；")) + 1 :]
    key = " ".join(word.split())
    named = [m.group(0) for m in _organ_pattern(lex.language).finditer(head)]
    full = [n for n in named if n != key and n.endswith(key) and lex.organs.get(n, "?") not in ("?", "self")]
    return lex.organs[full[-1]] if full else "?"


def antecedent_series(flat: str, at: int, lex: Lexicon) -> str:
    """The organ named last before "its"/“其” in the same sentence: what "its" may stand for.

    Nothing when "its" follows the paragraph's opening verb ("Recalling its resolution"): then it
    is the citing organ's own.
    """
    window = flat[max(0, at - 120) : at]
    clause_end = _CLAUSE_END.search(window)
    clause = window[clause_end.end() if clause_end else 0 :].lstrip(" *0123456789.")
    if _opener_then_self(lex.language).match(clause):
        return ""
    head = flat[max(0, at - 320) : at]
    cut = max(head.rfind(";"), head.rfind("；"), head.rfind("。"), head.rfind(". "))
    head = head[cut + 1 :]
    series = set(lex.organs.values())
    named = [lex.organs.get(" ".join(m.group(0).split()), "?") for m in _organ_pattern(lex.language).finditer(head)]
    named = [n for n in named if n != "?" and n in series]
    return named[-1] if named else ""


def _organ_after(flat: str, at: int, lex: Lexicon) -> tuple[str, str]:
    """ "resolution 2003/24 of the Economic and Social Council": the organ named right after, and the
    body as written when it is a conference of the parties ("decision 3/2 of the Conference of the
    Parties to the Convention on Biological Diversity")."""
    after = _organ_after_pattern(lex.language)
    m = after.match(flat[at : at + 320]) if after else None
    if not m:
        return "", ""
    named = _organ_pattern(lex.language).match(flat, at + m.end())
    if not named:
        return "", ""
    organ = lex.organs.get(" ".join(named.group(0).split()), "")
    if organ != "parties":
        return organ, ""
    title = _parties_title(lex.language)
    rest = title.match(flat, named.end()) if title else None
    return organ, " ".join(flat[named.start() : rest.end() if rest else named.end()].split())


def _body_before(flat: str, at: int, lex: Lexicon) -> str:
    """The conference of the parties named before the number (“…公约》缔约方会议第3/2号决定”), as written."""
    head = flat[max(0, at - lex.grammar.organ_window) : at]
    hits = [m for m in _organ_pattern(lex.language).finditer(head) if lex.organs.get(m.group(0)) == "parties"]
    return hits[-1].group(0) if hits else ""


@cache
def _parties_title(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).table("citation_grammar").get("parties_title")
    return re.compile(str(pattern)) if pattern else None


CITATIONS = register(Finder("citations", _anchor_words, find_citations))
