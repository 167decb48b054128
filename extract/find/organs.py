"""The organ a citation is of: named before it in its clause, right after it, glued to its word, by a
possessive ("its"), or through the report a footnote cites before it.

Finding records the organ as a series (``A``, ``S``, ``E/CN.4``, ``parties``, ``other``); ``self`` for
"its"/“其”, ``?`` for a bare "the Council". All words and patterns are the lexicon's ``[organs]``,
``[grammar]`` and ``[citation_grammar]``, and ``common.toml``'s ``[commission_reports]``.
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.extract.lexicon import Lexicon, alternation, lexicon, load_data, phrase_key

_CLAUSE_END = re.compile(r"[,;:.，；：。](?=[^,;:.，；：。]*$)")


@cache
def organ_pattern(language: str) -> re.Pattern[str]:
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


def commission_report(flat: str, at: int, lex: Lexicon) -> tuple[str, str]:
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
    if last is None or organ_pattern(lex.language).search(head, last.end()):
        return "", ""
    if last.re is conference:
        return "parties", parties[last.group(1)]
    return series.get(last.group("number"), ""), ""


def organ_inside(match: re.Match[str], lex: Lexicon) -> str:
    """What the template's named groups say: an organ inside the citation, or a pronoun glued to its word (قرارها)."""
    named = match.groupdict()
    if named.get("self"):
        return "self"
    return lex.organs.get(phrase_key(named["organ"]), "") if named.get("organ") else ""


def _organ_of(word: str, lex: Lexicon) -> str:
    return "self" if word in lex.self_words else lex.organs.get(phrase_key(word), "?")


def organ_context(flat: str, at: int, lex: Lexicon) -> tuple[str, list[str]]:
    """The organ named before a citation (nearest first), within its clause."""
    grammar = lex.grammar
    begin = max(0, at - grammar.organ_window)
    head = flat[begin:at]
    cut = max(head.rfind(mark) for mark in grammar.clause_breaks)
    if cut >= 0:
        head, begin = head[cut + 1 :], begin + cut + 1
    hits = list(organ_pattern(lex.language).finditer(head))
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
    Assembly; "резолюцию 2005/55 Комиссии" after "Комиссией по правам человека": A/HRC/RES/35/3 ru);
    otherwise it stays ``?`` and the citing organ is meant."""
    organ = _organ_of(word, lex)
    if organ != "?":
        return organ
    head = flat[max(0, at - _SENTENCE) : at]
    head = head[max(head.rfind("。"), head.rfind(". "), head.rfind(";"), head.rfind("；")) + 1 :]
    key = phrase_key(word)
    named = [m.group(0) for m in organ_pattern(lex.language).finditer(head)]
    full = [n for n in named if n != key and _same_head(n, key) and lex.organs.get(n, "?") not in ("?", "self")]
    return lex.organs[full[-1]] if full else "?"


def _same_head(full: str, bare: str) -> bool:
    """Whether a full organ name has the bare word as its head: at its end ("Human Rights Council",
    “人权理事会”) or, in another case form, at its start ("Комиссией по правам человека" / "Комиссии": the
    stem of five letters)."""
    if full.endswith(bare):
        return True
    first = full.split()[0] if " " in full else ""
    return len(bare) >= 6 and len(first) >= 6 and first[:5] == bare[:5] and first != bare


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
    named = [lex.organs.get(phrase_key(m.group(0)), "?") for m in organ_pattern(lex.language).finditer(head)]
    named = [n for n in named if n != "?" and n in series]
    return named[-1] if named else ""


def organ_after(flat: str, at: int, lex: Lexicon) -> tuple[str, str]:
    """ "resolution 2003/24 of the Economic and Social Council": the organ named right after, and the
    body as written when it is a conference of the parties ("decision 3/2 of the Conference of the
    Parties to the Convention on Biological Diversity")."""
    after = _organ_after_pattern(lex.language)
    m = after.match(flat[at : at + 320]) if after else None
    if not m:
        return "", ""
    named = organ_pattern(lex.language).match(flat, at + m.end())
    if not named:
        return "", ""
    organ = lex.organs.get(phrase_key(named.group(0)), "")
    if organ == "?":  # "resolution 2005/55 of the Commission": the commission named before in the sentence
        organ = _bare_organ(flat, at, named.group(0), lex)
    if organ != "parties":
        return organ, ""
    title = _parties_title(lex.language)
    rest = title.match(flat, named.end()) if title else None
    return organ, " ".join(flat[named.start() : rest.end() if rest else named.end()].split())


def body_before(flat: str, at: int, lex: Lexicon) -> str:
    """The conference of the parties named before the number (“…公约》缔约方会议第3/2号决定”), as written."""
    head = flat[max(0, at - lex.grammar.organ_window) : at]
    hits = [m for m in organ_pattern(lex.language).finditer(head) if lex.organs.get(m.group(0)) == "parties"]
    return hits[-1].group(0) if hits else ""


@cache
def _parties_title(language: str) -> re.Pattern[str] | None:
    pattern = lexicon(language).table("citation_grammar").get("parties_title")
    return re.compile(str(pattern)) if pattern else None
