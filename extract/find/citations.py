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
from instrumap.extract.lexicon import Lexicon, alternation, lexicon
from instrumap.extract.records import Citation, Mention

# 57/173 · 57/270 B · 1373 (2001) · 2200 A (XXI) · ES-10/2 · S-20/2
NUMBER = (
    r"(?:(?:ES|S)-\d{1,2}\s*/\s*\d{1,3}(?:\s?[A-H](?![\w/]))?"
    r"|\d{1,4}\s*/\s*\d{1,4}(?:\s?[A-H](?![\w/]))?"
    r"|\d{1,4}\s*(?:[A-H]\s*)?\((?:[IVXL]{1,6}|(?:E?S-)[IVX]{1,5})\)"
    r"|\d{1,4}\s*[(（]\s*\d{4}\s*[)）])"
)
_NUMBER_RE = re.compile(NUMBER)
_CLAUSE_END = re.compile(r"[,;:.，；：。](?=[^,;:.，；：。]*$)")


def number_form(number: str) -> str:
    """The form of a resolution number, which narrows the organ that can have issued it.

    ``session`` 57/173 (GA, HRC, commissions) · ``year`` 2003/24 (ECOSOC and commissions) ·
    ``sc`` 1373 (2001) · ``roman`` 2200 A (XXI) (GA and ECOSOC before 1976) · ``special`` ES-10/2.
    """
    n = "".join(number.split())
    if n.startswith(("ES-", "S-")):
        return "special"
    if re.fullmatch(r"\d+[(（]\d{4}[)）]", n):
        return "sc"
    if "(" in n:
        return "roman"
    first = n.split("/")[0]
    return "year" if len(first) == 4 and first[:2] in ("19", "20") else "session"


@cache
def list_pattern(language: str) -> re.Pattern[str]:
    """A citation word with one or more numbers, built from the lexicon's templates."""
    lex = lexicon(language)
    grammar = lex.table("citation_grammar")
    months = alternation(lex.months) if lex.months else "(?!)"
    date = str(grammar["date"]).replace("{month}", months)
    item = str(grammar["item"]).replace("{number}", NUMBER).replace("{date}", date)
    whole = str(grammar["list"]).replace("{item}", item).replace("{sep}", str(grammar["sep"]))
    whole = whole.replace("{organ}", alternation(lex.organs))  # an organ between word and number (قرار مجلس الأمن 1373)
    return re.compile(whole.replace("{number}", NUMBER).replace("{word}", alternation(lex.citation_words)))


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
    pattern = list_pattern(language)
    done = -1
    for at in scan.flat_starts("citations"):
        if at < done:
            continue
        match = pattern.match(flat, at)
        if match is None:
            continue
        done = match.end()
        yield from _numbers(flat, match, scan.lexicon)


def _numbers(flat: str, match: re.Match[str], lex: Lexicon) -> Iterator[Mention]:
    kind = lex.citation_words[" ".join(match.group(1).split())]
    organ, organs = _organ_context(flat, match.start(), lex)
    antecedent = _antecedent(flat, match.start(), lex) if organ == "self" else ""
    after = _organ_after(flat, match.end(), lex) or _organ_inside(match, lex)
    for number in _NUMBER_RE.finditer(flat, match.start(), match.end()):
        raw = number.group(0)
        cited = Citation(
            number=re.sub(r"\s+", " ", raw.replace("（", "(").replace("）", ")")).strip(),
            form=number_form(raw),
            organ=after or organ,
            organs=tuple(organs),
            antecedent=antecedent,
        )
        yield Mention(kind, number.start(), number.end(), raw, cited)


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
    head = flat[max(0, at - grammar.organ_window) : at]
    cut = max(head.rfind(mark) for mark in grammar.clause_breaks)
    if cut >= 0:
        head = head[cut + 1 :]
    hits = list(_organ_pattern(lex.language).finditer(head))
    if grammar.topic_word:
        # “经济及社会理事会 2003 年 7 月 22 日关于[议题]的第 2003/31 号决议”: the organ stands before 关于;
        # organs named inside the topic do not count, unless one stands right before 第 (“关于大会第…号”).
        about = head.rfind(grammar.topic_word)
        adjacent = [m for m in hits if re.fullmatch(r"\s*", head[m.end() :])]
        if about >= 0 and not adjacent:
            hits = [m for m in hits if m.end() <= about]
    found = [_organ_of(m.group(0), lex) for m in reversed(hits)]
    possessive = _possessive(lex.language)
    if possessive is not None:
        # "its resolution" / "Council resolution": the word right before counts most.
        words = head.rsplit(None, 1)
        if words and possessive.search(words[-1]):
            found.insert(0, "self")
    return (found[0] if found else ""), found


def _antecedent(flat: str, at: int, lex: Lexicon) -> str:
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


def _organ_after(flat: str, at: int, lex: Lexicon) -> str:
    """ "resolution 2003/24 of the Economic and Social Council": the organ named right after."""
    after = _organ_after_pattern(lex.language)
    m = after.match(flat[at : at + 20]) if after else None
    if not m:
        return ""
    named = _organ_pattern(lex.language).match(flat, at + m.end())
    return lex.organs.get(" ".join(named.group(0).split()), "") if named else ""


CITATIONS = register(Finder("citations", _anchor_words, find_citations))
