"""Finding named instruments and meetings in languages that capitalize titles (English).

At the scan's anchors: the authority's names (exact official titles and short names such as
"Palermo Convention", leftmost-longest), then a title grammar around head words ("… Convention
on/against …", "Tenth United Nations Congress on …") for instruments and meetings the authority does
not know. Back-references ("the Convention", "the Protocols thereto") are found here and resolved
later, looking back only at what was already resolved. Every word list and pattern is the
lexicon's (``[title_grammar]``, ``[instrument_heads]``, ``[meeting_heads]``, ``[anaphora]`` …).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from instrumap.extract.find.meetings import meeting_details
from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.find.title_grammar import TitlePatterns, title_patterns
from instrumap.extract.lexicon import Lexicon, phrase_key
from instrumap.extract.records import BackReference, MeetingName, Mention, ProtocolsOf, Title
from instrumap.extract.symbols import symbol_pattern


def _anchor_words(lex: Lexicon, gazetteer: object) -> dict[str, list[str]]:
    """Names, the first word of every head, and the back-reference phrases (all as written)."""
    heads = {phrase.split()[0] for phrase in [*lex.instrument_heads, *lex.meeting_heads]}
    return {
        "names": sorted(gazetteer.names(lex.language)),  # type: ignore[attr-defined]
        "bodies": sorted(gazetteer.bodies(lex.language)),  # type: ignore[attr-defined]
        "heads": sorted(heads),
        "anaphora": list(lex.anaphora),
        "protocols_of": list(lex.protocols_of),
        "drafts": [str(lex.table("title_grammar")["draft_word"])],
        "lower_names": list(lex.table("title_grammar").get("lower_anchors", ())),
    }


class _Spans:
    """Title spans found so far, sorted, for containment and overlap tests in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.longest = max((e - s for s, e in self.spans), default=0)

    def _near(self, start: int, stop: int) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self.starts, start - self.longest)
        hi = bisect.bisect_right(self.starts, stop)
        return self.spans[lo:hi]

    def contains(self, start: int, stop: int) -> bool:
        return any(s <= start and stop <= e for s, e in self._near(start, stop))

    def overlaps(self, start: int, stop: int) -> bool:
        return any(s < stop and start < e for s, e in self._near(start, stop))

    def straddles(self, start: int, stop: int) -> bool:
        """Whether a span crosses one of these spans' ends: neither holds the other."""
        return any(s < stop and start < e and not (start <= s and e <= stop) and not (s <= start and stop <= e)
                   for s, e in self._near(start, stop))  # fmt: skip


def find_titles(scan: Scan) -> Iterator[Mention]:
    """Instrument titles, meeting names, back-references and "protocols thereto"."""
    text, lex = scan.squeezed.text, scan.lexicon
    pats = title_patterns(lex.language)
    known = list(_name_hits(text, scan.anchors("names"), pats))
    covered = _Spans([(s, e) for s, e in known])
    known_ends = {s: e for s, e in known}
    found: list[tuple[int, int, str]] = [(s, e, "name") for s, e in known]
    # A known name is where a title starts and ends: the grammar running on past it
    # ("… Disabilities in 2013", "… Rural Women by the Summit …") is no longer title.
    # A body's name ("Conference on Disarmament", "Ad Hoc Committee on the Elaboration of a Convention
    # against …") holds no meeting or instrument of its own; a conference of the parties stays a meeting.
    body_hits = list(_name_hits(text, scan.anchors("bodies"), pats))
    bodies = _Spans(body_hits)
    found += [
        t
        for t in _with_bodies_before(_grammar_titles(text, scan.starts("heads"), lex, pats), body_hits)
        if not covered.contains(t[0], t[1])
        and not covered.straddles(t[0], t[1])  # "… Racial Discrimination ICESCR International Covenant …"
        and (not bodies.contains(t[0], t[1]) or pats.parties.match(text, t[0]))
        and (
            t[0] not in known_ends
            or scan.gazetteer.is_instrument(text[t[0] : t[1]])
            or _head_after(text, known_ends[t[0]], pats)
        )
        and not (pats.national.match(text, t[0]) and t[2] not in pats.meeting_kinds)  # a meeting stays one
    ]
    found = _without_inner_titles(text, found, pats)
    spans = _Spans([(s, e) for s, e, _ in found])
    for start, stop, kind in sorted(found):
        yield from _title_mentions(scan, start, stop, kind, pats)
    for start, stop, kind in _lower_drafts(text, scan.starts("drafts"), pats):
        if not spans.overlaps(start, stop):
            yield _mention(scan, start, stop, kind, text[start:stop], Title(_draft_title(text[start:stop])))
    for start, stop, kind in _lower_names(text, scan.starts("lower_names"), pats):
        if not spans.overlaps(start, stop):
            yield from _title_mentions(scan, start, stop, kind, pats, _draft_title(text[start:stop]))
    for start, stop, phrase in _phrase_hits(text, scan.anchors("protocols_of")):
        if not spans.contains(start, stop):
            yield _mention(scan, start, stop, "protocols_of", phrase, ProtocolsOf())
    for start, stop, phrase in _phrase_hits(text, scan.anchors("anaphora")):
        if spans.overlaps(start, stop) or pats.goes_on.match(text, stop):
            continue
        target = lex.anaphora[phrase_key(phrase)]
        yield _mention(scan, start, stop, "anaphora", phrase, BackReference(target))


def _with_bodies_before(
    titles: Iterator[tuple[int, int, str]], body_hits: list[tuple[int, int]]
) -> Iterator[tuple[int, int, str]]:
    """A title whose left side starts inside an organization's name starts with that name: "Council of
    Europe Convention on Preventing and Combating Violence against Women …" (A/HRC/WG.6/28/UKR/2), not
    "Europe Convention …" (the grammar stops at the lower-case "of")."""
    hits = sorted(body_hits)
    starts = [s for s, _ in hits]
    for start, stop, kind in titles:
        i = bisect.bisect_left(starts, start) - 1
        if i >= 0 and hits[i][0] < start < hits[i][1] < stop:
            start = hits[i][0]
        yield start, stop, kind


def _head_after(text: str, end: int, pats: TitlePatterns) -> bool:
    """Whether a head word follows a known name straight away: the name qualifies a title of its own
    ("the Sustainable Development Goals Summit in 2023": A/RES/79/1)."""
    return text[end : end + 1] == " " and pats.head.match(text, end + 1) is not None


def _title_mentions(
    scan: Scan, start: int, stop: int, kind: str, pats: TitlePatterns, known: str | None = None
) -> Iterator[Mention]:
    """The mentions of a title at ``text[start:stop]``; ``known`` is the authority's form of a declined one."""
    text = scan.squeezed.text
    title = known or text[start:stop]
    draft = pats.draft_before.search(text, max(0, start - 12), start)
    if draft is not None and kind not in pats.meeting_kinds:
        # "the draft Declaration on the Rights of …" is a draft instrument, not the one adopted later.
        named = text[draft.start() : stop]
        yield _mention(scan, draft.start(), stop, kind, named, Title(_draft_title(named), base=title))
        return
    plan = pats.plan_of.search(text, max(0, start - 60), start)
    if plan is not None:
        yield _mention(scan, plan.start(), stop, "plan_of_action", text[plan.start() : stop], Title(title, base=title))
    plural = pats.plural_protocols.fullmatch(title) if kind != "name" else None
    if plural is not None:
        if plural.group("of"):  # "Optional Protocols to the …": each protocol of the instrument named
            yield _mention(scan, start, stop, "protocols_of", title, ProtocolsOf(plural.group("of")))
        return
    if kind == "name" or kind in pats.meeting_kinds:
        # A known name may be a meeting's: what the text says of it is kept for the resolver.
        event = meeting_details(text, start, stop, scan.lexicon.language)
        parties = bool(pats.parties.match(title))
        yield _mention(scan, start, stop, kind, title, MeetingName(title, event, parties=parties))
    else:
        yield _mention(scan, start, stop, kind, title, Title(title))


def _draft_title(written: str) -> str:
    """ "draft Declaration on …" → "Draft Declaration on …" (the node's title)."""
    title = " ".join(written.split())
    return title[:1].upper() + title[1:]


def _lower_drafts(text: str, starts: list[int], pats: TitlePatterns) -> Iterator[tuple[int, int, str]]:
    """Drafts named in lower case ("the draft comprehensive convention on international terrorism")."""
    for at in starts:
        m = pats.draft_lower.match(text, at)
        if m is not None:
            yield m.start(), m.end(), pats.draft_kinds.get(m.group("head"), "convention")


def _without_inner_titles(
    text: str, found: list[tuple[int, int, str]], pats: TitlePatterns
) -> list[tuple[int, int, str]]:
    """Less the titles a longer title holds after "on the" ("Declaration on the Principles of Good
    Neighbourliness …" holds no Principles of its own); one after "to the" is named apart (``embeds_after``)."""
    grammar = sorted(t for t in found if t[2] != "name")
    inner = set()
    for i, (start, stop, _kind) in enumerate(grammar):
        for later in grammar[i + 1 :]:
            if later[0] >= stop:
                break
            if later[1] <= stop and pats.inside_after.search(text, start, later[0]):
                inner.add(later)
    return [t for t in found if t not in inner]


def _lower_names(text: str, starts: list[int], pats: TitlePatterns) -> Iterator[tuple[int, int, str]]:
    """Names written in lower case, by their shape ("the high-level meeting on antimicrobial resistance")."""
    for at in starts:
        for kind, pattern in pats.lower_names:
            m = pattern.match(text, at)
            if m is None:
                continue
            ordinal = pats.meeting_ordinal.search(text, max(0, at - 20), at) if kind in pats.meeting_kinds else None
            yield ordinal.start() if ordinal else m.start(), m.end(), kind


def _mention(scan: Scan, start: int, stop: int, kind: str, text: str, payload: object) -> Mention:
    to_flat = scan.squeezed.to_flat
    return Mention(kind, to_flat(start), to_flat(stop - 1) + 1, text, payload)  # type: ignore[arg-type]


def _bounded(text: str, start: int, stop: int) -> bool:
    """No word character glued to either end (a digit after is a glued footnote mark: "Reduction5"), and
    no document symbol starting there: "CRPD/C/UKR/CO/1" is not the Convention its series is named after
    (A/HRC/WG.6/28/UKR/2); "REMJA-III/doc.14/00" still names the meeting."""
    if (start > 0 and text[start - 1].isalnum()) or (stop < len(text) and text[stop].isalpha()):
        return False
    return text[stop : stop + 1] != "/" or symbol_pattern().match(text, start) is None


def _name_hits(text: str, hits: list[tuple[int, int, str]], pats: TitlePatterns) -> Iterator[tuple[int, int]]:
    """Leftmost-longest authority names on word boundaries, and the names another title embeds.

    "Optional Protocol to the Convention on the Rights of the Child …" names the Convention too: a
    name inside a longer one counts when the words before it attach it ("to the", "supplementing the").
    """
    done, outer = -1, -1
    for start, stop, _ in hits:
        if not _bounded(text, start, stop):
            continue
        if start < done:
            if stop <= done and start > outer and pats.embeds_after.search(text, max(outer, start - 40), start):
                yield start, stop
            continue
        yield start, stop
        done, outer = stop, start


def _phrase_hits(text: str, hits: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Leftmost-longest phrases with word boundaries on both sides, not overlapping."""
    done = -1
    for start, stop, phrase in hits:
        if start < done:
            continue
        if (start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_")) or (
            stop < len(text) and (text[stop].isalnum() or text[stop] == "_")
        ):
            continue
        yield start, stop, phrase
        done = stop


def _grammar_titles(text: str, starts: list[int], lex: Lexicon, pats: TitlePatterns) -> Iterator[tuple[int, int, str]]:
    """Capitalized titles around a head word, with the kind the head gives."""
    done = -1
    for at in starts:
        if at < done:
            continue
        head = pats.head.match(text, at)
        if head is None:
            continue
        done = head.end()
        word = phrase_key(head.group(0))
        kind = lex.instrument_heads.get(word) or lex.meeting_heads.get(word, "")
        title = _extend(text, head, word in lex.meeting_heads, kind in pats.attached_kinds, pats)
        if title is not None:
            joined = pats.compound.match(text, head.start())
            if joined is not None and title[1] > joined.end():
                done = joined.end()  # the second head of "Political Declaration and Strategy to …" is this title's
            yield (*title, kind)


def _extend(
    text: str, head: re.Match[str], is_meeting: bool, attaches: bool, pats: TitlePatterns
) -> tuple[int, int] | None:
    """The title around a head: capitalized words to its left and right; None when it is a bare head.

    ``attaches``: the head's kind names an instrument attached to another ("Protocol … to the Convention …")."""
    start = _extend_left(text, head.start(), pats)
    if is_meeting:
        ordinal = pats.meeting_ordinal.search(text[max(0, start - 20) : start])
        if ordinal and start < head.start():
            start -= len(ordinal.group(0))
    stop = _extend_right(text, head, is_meeting, attaches, pats)
    if start == head.start() and stop == head.end():
        return None  # a bare head word: generic, or a back-reference handled apart
    if text[head.start() : head.start() + 1].islower() or pats.not_title.search(text, start, stop):
        return None
    return start, stop


def _extend_left(text: str, at: int, pats: TitlePatterns) -> int:
    """Where a title starts: capitalized words before its head, a parenthesized group among them."""
    start = at
    while start > at - pats.reach_left:
        m = pats.left.search(text, max(0, start - 60), start)
        if not m:
            group = pats.left_group.search(text, max(0, start - 80), start)
            m = pats.left.search(text, max(0, group.start(1) - 60), group.start(1)) if group else None
        if not m or m.group(1) in pats.stoppers or pats.possessive.search(m.group(1)):
            break
        if pats.never_first.fullmatch(m.group(1)):
            break
        if pats.acronym.fullmatch(m.group(1)):
            # An acronym ends a title's left side: an organization's ("ILO Convention") is taken, a
            # glossary's ("OP-ICESCR Optional Protocol to ICESCR": A/HRC/WG.6/43/FRA/3) is not.
            return m.start(1) if m.group(1) in pats.acronym_prefixes else start
        start = m.start(1)
    return start


def _comma_list(text: str, stop: int, pats: TitlePatterns) -> int | None:
    """The end of a list of capitalized adjectives after a comma ("…for Safe, Orderly and Regular"), or None."""
    m = pats.comma_list.match(text, stop)
    if m is None:
        return None
    words = [*re.findall(r"[A-Za-z\-]+", m.group(1)), text[m.end() :].split(None, 1)[0]]
    if any(w in pats.stoppers or pats.head.match(w) for w in words):
        return None
    return m.end()


def _extend_right(text: str, head: re.Match[str], is_meeting: bool, attaches: bool, pats: TitlePatterns) -> int:
    stop = _extend_right_words(text, head, is_meeting, attaches, pats)
    suffix = pats.number_suffix.match(text, stop)
    return suffix.end() if suffix else stop


def _extend_right_words(text: str, head: re.Match[str], is_meeting: bool, attaches: bool, pats: TitlePatterns) -> int:
    stop = head.end()
    first = True
    while stop < head.end() + pats.reach_right:
        if pats.ends_before.match(text, stop):
            break  # "… Seventh Congress to the Economic and Social Council": an organ after it ends the title
        listed = None if first else _comma_list(text, stop, pats)
        if listed is not None:
            stop = listed
            continue
        date = pats.date_inside.match(text, stop)
        if date and not first:
            # "… Law of the Sea of 10 December 1982 relating to …": a date inside, when the title goes on.
            on = pats.right.match(text, date.end())
            if on and on.group(1) not in pats.stoppers and text[date.end() : on.start(1)].strip():
                stop = date.end()
                continue
        group = None if first else pats.right_group.match(text, stop)
        if group is not None:
            stop = group.end()  # "… of Bacteriological (Biological) and Toxin Weapons …"
            continue
        m = pats.right.match(text, stop)
        if not m:
            break
        between = text[stop : m.start(1)]
        if m.group(1) in pats.stoppers and not pats.stopper_inside.search(between):
            break  # "Their" after a preposition is the title's own: "… Weapons and on Their Destruction"
        if pats.acronym.fullmatch(m.group(1)):
            # "Optional Protocol to ICESCR": an acronym after "to", "of", "under" is the title's last word; one
            # straight after a word starts the next glossary line ("… Cultural Rights OP-ICESCR …"), one after
            # "and the" is another name ("… Women’s Forum and the UN …").
            if pats.acronym_after.search(between):
                stop = m.end(1)
            break
        if pats.ends_title.search(between) or (not attaches and pats.attached.match(text, stop)):
            break  # "… Crime and to the General Assembly", "… Women by the Summit …": the title is over
        if is_meeting and pats.meeting_ends.match(between):
            break  # "the Summit of the Future at United Nations Headquarters": where it was held
        if (
            pats.year.fullmatch(m.group(1))
            and between.strip()
            and (is_meeting or not pats.year_after.fullmatch(between))
        ):
            # "… Disabilities in 2013": a year after "in" is when, not a title's; a meeting's year always
            # ("the Sustainable Development Goals Summit of 2023": A/RES/79/1)
            break
        if first and not between.strip() and not pats.number_after_head.fullmatch(m.group(1)):
            break  # "the Treaty Iraq …": a head followed straight by a word is no title
        if first and is_meeting and not pats.meeting_first.match(between):
            break
        if _second_title(text, between, head, stop, m, pats):
            break  # "… Convention and the Protocols …": a second title starts
        stop = m.end(1)
        first = False
    return stop


def _second_title(
    text: str, between: str, head: re.Match[str], stop: int, m: re.Match[str], pats: TitlePatterns
) -> bool:
    """Whether "and (the)" before the next word starts a second title: always before a head word, never
    inside a title that names two parties ("… between Ukraine and the Russian Federation": A/RES/68/262)."""
    if not re.search(r"\band\b", between):
        return False
    if pats.head.match(text, m.start(1)):
        return not (stop == head.end() and pats.compound.match(text, head.start()) and _named_before(text, head, pats))
    return bool(re.search(r"\band the\b", between)) and not pats.between.search(text, head.start(), stop)


def _named_before(text: str, head: re.Match[str], pats: TitlePatterns) -> bool:
    """Whether a capitalized word of the title stands before its head ("Political Declaration and …"), so that
    a bare "the Declaration and Programme of Action" stays a back-reference."""
    return _extend_left(text, head.start(), pats) < head.start()


TITLES = register(Finder("titles", _anchor_words, find_titles))
