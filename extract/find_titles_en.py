"""Finding named instruments and meetings in English text.

Two passes over the flat view: the authority's names through Aho-Corasick (exact official
titles and short names such as "Palermo Convention"), then a title grammar around head words
("… Convention on/against …", "Tenth United Nations Congress on …") for instruments and
meetings the authority does not know. Back-references ("the Convention", "the Protocols
thereto") are found here and resolved later, looking back only at what was already resolved.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from instrumap.extract.layout import Squeezed
from instrumap.extract.lexicon import alternation, lexicon
from instrumap.extract.meetings import meeting_details_en
from instrumap.extract.records import Mention
from instrumap.ontology.authorities import authority

# A capitalized word of a title; digits glued to it are a footnote mark ("Reduction5"), not part of it.
_CAP = r"(?:[A-Z][A-Za-z'’\-]*(?:\+\d+)?|\d{4}(?:[–-]\d{2,4})?|[IVX]{1,5}\b)"
_LOWER_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|eleventh|twelfth|thirteenth|fourteenth|fifteenth)"
)


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    lex = lexicon("en")
    data = lex.raw
    heads = alternation(list(lex.instrument_heads) + list(lex.meeting_heads))
    connectors = alternation(data["title_connectors"]["words"], boundary=True)
    stoppers = set(data["title_stoppers"]["words"]) | {o.split()[0] for o in lex.openers}
    return {
        "head": re.compile(rf"\b{heads}\b"),
        "left": re.compile(rf"({_CAP})[ ]+$"),
        "right": re.compile(
            rf"(?:[ ]+(?:{connectors}[ ]+)*|[ ]*:[ ]+|[ ]*,[ ]+(?=supplementing\b))({_CAP}|supplementing)"
        ),
        "anaphora": re.compile(alternation(lex.anaphora, boundary=True)),
        "protocols_of": re.compile(alternation(lex.protocols_of, boundary=True)),
        # Footnote marks may be glued inside the phrase ("the Action Plan4 for the Implementation of").
        "plan_of": re.compile(
            alternation(data["plan_of"]["prefixes"]).replace(r"\s+", r"\d{0,3}\s+") + r"[ ]+(?:the[ ]+)?$"
        ),
        "not_title": re.compile(alternation(data["not_titles"]["phrases"], boundary=True)),
        "_stopset": re.compile("^(?:" + "|".join(re.escape(w) for w in stoppers) + ")$"),
    }


# "the Convention on …", "the Protocol Against …": a capitalized title goes on, so no back-reference.
# Matched in place (a slice of the rest of the text per match made long documents quadratic).
_TITLE_GOES_ON = re.compile(r"[ ]+(?:on|against|of|for|to|relating|concerning)[ ]+[A-Z]|[ ]+[A-Z]")


def find_titles_en(flat: str, begin: int = 0, end: int | None = None) -> Iterator[Mention]:
    """Instrument titles, meeting names, back-references and "protocols thereto" in ``flat[begin:end]``."""
    end = len(flat) if end is None else end
    squeezed = Squeezed(flat[begin:end])
    text = squeezed.text
    known = list(_authority_hits(text))
    covered = [(s, e) for s, e, _ in known]
    found: list[tuple[int, int, str, str]] = [(s, e, k, t) for s, e, t in known for k in [_kind_of(t)]]
    for start, stop, kind in _grammar_titles(text):
        if any(s <= start and stop <= e for s, e in covered):
            continue
        if any(start <= s and e <= stop for s, e in covered) and kind in _meeting_kinds():
            pass  # a meeting named after an instrument ("Conference of the Parties to the … Convention")
        found.append((start, stop, kind, text[start:stop]))
    spans = [(s, e) for s, e, _, _ in found]
    for start, stop, kind, title in sorted(found):
        plan = _plan_prefix(text, start)
        if plan is not None:
            yield _mention(squeezed, begin, plan, stop, "plan_of_action", text[plan:stop], (("base", title),))
        parts: tuple[tuple[str, str], ...] = (("title", title),)
        if kind in _meeting_kinds():
            if re.match(r"Conference of (?:the )?(?:States )?Parties\b", title):
                parts += (("parties", "1"),)
            parts += meeting_details_en(text, start, stop)
        yield _mention(squeezed, begin, start, stop, kind, title, parts)
    pats = _patterns()
    for m in pats["protocols_of"].finditer(text):
        if not _inside(m.start(), m.end(), spans):
            yield _mention(squeezed, begin, m.start(), m.end(), "protocols_of", m.group(0), ())
    for m in pats["anaphora"].finditer(text):
        if _overlaps(m.start(), m.end(), spans) or _TITLE_GOES_ON.match(text, m.end()):
            continue
        target = lexicon("en").anaphora[" ".join(m.group(0).split())]
        yield _mention(squeezed, begin, m.start(), m.end(), "anaphora", m.group(0), (("target", target),))


@cache
def _meeting_kinds() -> frozenset[str]:
    return frozenset(lexicon("en").meeting_heads.values())


def _kind_of(title: str) -> str:
    entries = authority().lookup(title, ("instrument", "meeting", "series"))
    return entries[0].kind if entries else "convention"


def _mention(
    squeezed: Squeezed, begin: int, start: int, stop: int, kind: str, text: str, parts: tuple[tuple[str, str], ...]
) -> Mention:
    return Mention(kind, begin + squeezed.to_flat(start), begin + squeezed.to_flat(stop - 1) + 1, text, parts)


def _inside(start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= start and stop <= e for s, e in spans)


def _overlaps(start: int, stop: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < stop and start < e for s, e in spans)


def _authority_hits(text: str) -> Iterator[tuple[int, int, str]]:
    """Leftmost-longest authority names on word boundaries."""
    automaton = authority().english_automaton()
    hits = sorted(
        ((end - len(key) + 1, end + 1, key) for end, key in automaton.iter(text)),
        key=lambda h: (h[0], -(h[1] - h[0])),
    )
    done = -1
    for start, stop, key in hits:
        if start < done:
            continue
        # A digit right after the name is a glued footnote mark ("Reduction5"), not a longer word.
        if (start > 0 and text[start - 1].isalnum()) or (stop < len(text) and text[stop].isalpha()):
            continue
        yield start, stop, key
        done = stop


def _grammar_titles(text: str) -> Iterator[tuple[int, int, str]]:
    """Capitalized titles around a head word, with the kind the head gives."""
    pats = _patterns()
    lex = lexicon("en")
    for head in pats["head"].finditer(text):
        word = " ".join(head.group(0).split())
        kind = lex.instrument_heads.get(word) or lex.meeting_heads.get(word, "")
        is_meeting = word in lex.meeting_heads
        start = head.start()
        while True:
            m = pats["left"].search(text, max(0, start - 60), start)
            if not m or pats["_stopset"].match(m.group(1)):
                break
            start = m.start(1)
        if is_meeting:
            ordinal = re.search(rf"\b{_LOWER_ORDINALS}[ ]+$", text[max(0, start - 20) : start])
            if ordinal and start < head.start():
                start -= len(ordinal.group(0))
        stop = head.end()
        first = True
        while True:
            m = pats["right"].match(text, stop)
            if not m or pats["_stopset"].match(m.group(1)):
                break
            between = text[stop : m.start(1)]
            if first and not between.strip() and not re.fullmatch(r"\d{4}(?:[–-]\d{2,4})?|[IVX]{1,5}", m.group(1)):
                break  # "the Treaty Iraq …": a head followed straight by a word is no title
            if first and is_meeting and not re.match(r"[ ]+(?:on|of|for|to|against|in)\b", between):
                break
            if re.search(r"\band\b", between) and (
                re.search(r"\band the\b", between) or pats["head"].match(text, m.start(1))
            ):
                break  # "… Convention and the Protocols …": a second title starts
            stop = m.end(1)
            first = False
        if start == head.start() and stop == head.end():
            continue  # a bare head word: generic, or a back-reference handled apart
        if text[head.start() : head.start() + 1].islower():
            continue
        if pats["not_title"].search(text, start, stop):
            continue
        yield start, stop, kind


def _plan_prefix(text: str, start: int) -> int | None:
    m = _patterns()["plan_of"].search(text, max(0, start - 60), start)
    return m.start() if m else None
