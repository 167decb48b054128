"""Finding resolution and decision numbers, alone or in lists, with the organ words around them.

Finding never decides the organ: it records what the text says (``organ`` = a symbol series,
``self`` for "its"/“其”, ``?`` for a bare "the Council") and the number's form; resolving
turns that into ``A/RES/57/173`` or ``E/RES/2003/24`` with the citing document as context.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.lexicon import alternation, lexicon
from instrumap.extract.records import Mention

# 57/173 · 57/270 B · 1373 (2001) · 2200 A (XXI) · ES-10/2 · S-20/2
_NUMBER = (
    r"(?:(?:ES|S)-\d{1,2}\s*/\s*\d{1,3}(?:\s?[A-H](?![\w/]))?"
    r"|\d{1,4}\s*/\s*\d{1,4}(?:\s?[A-H](?![\w/]))?"
    r"|\d{1,4}\s*(?:[A-H]\s*)?\((?:[IVXL]{1,6}|(?:E?S-)[IVX]{1,5})\)"
    r"|\d{1,4}\s*[(（]\s*\d{4}\s*[)）])"
)
_MONTHS = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# "of 18 December 1991" between list items (A/RES/64/179: "46/152 of 18 December 1991, 60/1 of …").
_DATE_EN = rf"(?:\s+of\s+(?:\d{{1,2}}\s+)?{_MONTHS}\s+\d{{4}}|\s+of\s+\d{{4}})?"
_SEP_EN = r"(?:\s*,\s*(?:\d{1,2}\s+(?=\d))?(?:and\s+|as\s+well\s+as\s+)?|\s+and\s+|\s+or\s+|\s*,?\s*as\s+well\s+as\s+)"
_SEP_ZH = r"\s*(?:、|，|和|及|以及|与|或)\s*"
_NUMBER_RE = re.compile(_NUMBER)


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
def _organ_pattern(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    names = alternation(list(lex.organs) + list(lex.self_words), boundary=language == "en")
    return re.compile(names)


@cache
def _list_pattern(language: str) -> re.Pattern[str]:
    if language == "zh":
        item = rf"(?:第\s*)?{_NUMBER}(?:\s*号)?"
        return re.compile(rf"第\s*{_NUMBER}(?:\s*号)?(?:{_SEP_ZH}{item})*\s*号?\s*(决议|决定)")
    # A footnote mark may follow an item ("44/16 of 29 March 2001, 15 45/17 …": A/RES/58/141).
    item = rf"{_NUMBER}{_DATE_EN}(?:[ \t]\d{{1,2}}(?=\s*(?:,|and\b|;|$)))?"
    return re.compile(rf"\b([Rr]esolutions?|[Dd]ecisions?)\s+{item}(?:{_SEP_EN}{item})*")


def find_resolutions(flat: str, language: str, begin: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Every resolution/decision number in ``flat[begin:end]``, one mention per number."""
    end = len(flat) if end is None else end
    organ_re = _organ_pattern(language)
    lex = lexicon(language)
    for match in _list_pattern(language).finditer(flat, begin, end):
        word = match.group(1)
        kind = "decision" if word.startswith(("决定", "decision", "Decision")) else "resolution"
        organ, organs = _organ_context(flat, match.start(), organ_re, lex.organs, lex.self_words, language)
        antecedent = _antecedent(flat, match.start(), organ_re, lex.organs, language) if organ == "self" else ""
        after = _organ_after(flat, match.end(), organ_re, lex.organs) if language == "en" else ""
        for number in _NUMBER_RE.finditer(flat, match.start(), match.end()):
            raw = number.group(0)
            yield Mention(
                kind=kind,
                start=number.start(),
                end=number.end(),
                text=raw,
                parts=(
                    ("number", re.sub(r"\s+", " ", raw.replace("（", "(").replace("）", ")")).strip()),
                    ("form", number_form(raw)),
                    ("organ", after or organ),
                    ("organs", ",".join(organs)),
                    ("antecedent", antecedent),
                ),
            )


def _organ_context(
    flat: str,
    at: int,
    organ_re: re.Pattern[str],
    organs: dict[str, str],
    self_words: tuple[str, ...],
    language: str,
) -> tuple[str, list[str]]:
    """The organ named before a citation (nearest first), within its clause."""
    window = 140 if language == "zh" else 110
    start = max(0, at - window)
    head = flat[start:at]
    cut = (
        max(head.rfind(ch) for ch in ("。", ";", "；", "\n"))
        if language == "zh"
        else max(head.rfind(". "), head.rfind(";"), head.rfind("号决议"), head.rfind("号决定"))
    )
    if language == "zh":
        cut = max(cut, head.rfind("号决议"), head.rfind("号决定"))
    if cut >= 0:
        head = head[cut + 1 :]
    found: list[str] = []
    hits = list(organ_re.finditer(head))
    if language == "zh":
        # “经济及社会理事会 2003 年 7 月 22 日关于[议题]的第 2003/31 号决议”: the organ stands before 关于;
        # organs named inside the topic do not count, unless one stands right before 第 (“关于大会第…号”).
        about = head.rfind("关于")
        adjacent = [m for m in hits if re.fullmatch(r"\s*", head[m.end() :])]
        if about >= 0 and not adjacent:
            hits = [m for m in hits if m.end() <= about]
    for m in hits:
        word = m.group(0)
        if word in self_words:
            found.append("self")
        else:
            found.append(organs.get(" ".join(word.split()), "?"))
    found.reverse()
    if language == "en":
        # "its resolution" / "Council resolution": the word right before counts most.
        tail = re.search(r"(\S+(?:\s+\S+){0,7})\s*$", head)
        if tail and re.search(r"\b(?:its|their)\s*$", tail.group(1)):
            found.insert(0, "self")
    return (found[0] if found else ""), found


@cache
def _opener_then_self(language: str) -> re.Pattern[str]:
    lex = lexicon(language)
    return re.compile(rf"(?:\*\*)?{alternation(lex.openers)}(?:\*\*)?\s*{alternation(lex.self_words)}\b")


_CLAUSE_END = re.compile(r"[,;:.，；：。](?=[^,;:.，；：。]*$)")


def _antecedent(flat: str, at: int, organ_re: re.Pattern[str], organs: dict[str, str], language: str) -> str:
    """The organ named last before "its"/“其” in the same sentence: what "its" may stand for.

    Nothing when "its" follows the paragraph's opening verb ("Recalling its resolution"): then it
    is the citing organ's own.
    """
    window = flat[max(0, at - 120) : at]
    cut = _CLAUSE_END.search(window)
    clause = window[cut.end() if cut else 0 :].lstrip(" *0123456789.")
    if _opener_then_self(language).match(clause):
        return ""
    head = flat[max(0, at - 320) : at]
    cut = max(head.rfind(";"), head.rfind("；"), head.rfind("。"), head.rfind(". "))
    head = head[cut + 1 :]
    named = [organs.get(" ".join(m.group(0).split()), "?") for m in organ_re.finditer(head)]
    named = [n for n in named if n not in ("?",) and n in organs.values()]
    return named[-1] if named else ""


def _organ_after(flat: str, at: int, organ_re: re.Pattern[str], organs: dict[str, str]) -> str:
    """ "resolution 2003/24 of the Economic and Social Council": the organ named right after."""
    m = re.match(r"\s*(?:,\s*)?of\s+the\s+", flat[at : at + 20])
    if not m:
        return ""
    named = organ_re.match(flat, at + m.end())
    if named:
        return organs.get(" ".join(named.group(0).split()), "")
    return ""
