"""Finding named instruments in languages whose titles start at their head word (French, Spanish, Russian,
Arabic): "Convention des Nations Unies contre la criminalité transnationale organisée", "Конвенция
Организации Объединенных Наций против …", "اتفاقية الأمم المتحدة لمكافحة …".

Such titles are mostly lower case after the head, so capitalization cannot say where they end. A title
starts at its head word and runs at most to a boundary (punctuation, a parenthesis, a footnote mark:
the lexicon's ``[title_grammar] boundary``); the longest run up to a word end that the authority knows
is the title. A title in quotation marks (« … », “ … ”) ends at its closing mark, known or not. Known
names (official titles and short names, in every case form the authority lists) are found as they are
written, also behind a clitic glued to them (Arabic لميثاق). Back-references ("la Convention",
"ladite résolution" …) and "its Protocols" are found as in ``titles``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from instrumap.extract.find.scan import Finder, Scan, register
from instrumap.extract.find.title_grammar import title_patterns
from instrumap.extract.find.titles import _mention, _phrase_hits, _Spans, _title_mentions
from instrumap.extract.lexicon import Lexicon, alternation, lexicon, phrase_key
from instrumap.extract.records import BackReference, ProtocolsOf, Title

_WORD = re.compile(r"\w+")
_WORD_END = re.compile(r"[\s,،]|(?<=[^\W\d_])[\d*]")


@dataclass(frozen=True, slots=True)
class _HeadGrammar:
    head: re.Pattern[str]
    boundary: re.Pattern[str]
    goes_on: re.Pattern[str]
    quotes: dict[str, str]  # opening mark → closing mark
    clitics: tuple[str, ...]
    reach: int


@cache
def _grammar(language: str) -> _HeadGrammar:
    lex = lexicon(language)
    grammar = lex.table("title_grammar")
    end = r"(?!\w)" if lex.grammar.word_boundaries else ""
    return _HeadGrammar(
        head=re.compile(alternation(lex.instrument_heads) + end),
        boundary=re.compile(str(grammar["boundary"])),
        goes_on=re.compile(str(grammar["goes_on"])),
        quotes={str(open_): str(close) for open_, close in grammar.get("quotes", ())},
        clitics=tuple(sorted(grammar.get("clitics", ()), key=len, reverse=True)),
        reach=int(grammar["reach_right"]),
    )


def _anchor_words(lex: Lexicon, gazetteer: object) -> dict[str, list[str]]:
    quotes = [str(pair[0]) for pair in lex.table("title_grammar").get("quotes", ())]
    return {
        "names": sorted(gazetteer.names(lex.language)),  # type: ignore[attr-defined]
        "heads": sorted({phrase.split()[0] for phrase in lex.instrument_heads}),
        "openers": sorted(gazetteer.openers(lex.language)),  # type: ignore[attr-defined]
        "quotes": quotes,
        "anaphora": list(lex.anaphora),
        "protocols_of": list(lex.protocols_of),
        "series": sorted(gazetteer.series_names(lex.language)),  # type: ignore[attr-defined]
    }


def _word_start(text: str, start: int, clitics: tuple[str, ...]) -> bool:
    """Nothing glued before ``start``, or only a clitic that starts a word (و, ب, ل …)."""
    if start == 0 or not text[start - 1].isalnum():
        return True
    for clitic in clitics:
        at = start - len(clitic)
        if at >= 0 and text[at:start] == clitic and (at == 0 or not text[at - 1].isalnum()):
            return True
    return False


def _known_names(text: str, hits: list[tuple[int, int, str]], clitics: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    """Leftmost-longest authority names, whole words (a clitic may be glued before)."""
    done = -1
    for start, stop, _ in hits:
        if start < done or not _word_start(text, start, clitics) or (stop < len(text) and text[stop].isalpha()):
            continue
        yield start, stop
        done = stop


def _run_end(text: str, start: int, grammar: _HeadGrammar) -> int:
    """Where a title that starts at ``start`` must end at the latest: the next boundary, or the reach."""
    limit = min(len(text), start + grammar.reach)
    boundary = grammar.boundary.search(text, start, limit)
    return boundary.start() if boundary else limit


def _longest_known(text: str, start: int, stop: int, scan: Scan) -> tuple[int, str] | None:
    """The end of the longest run of words from ``start`` (up to ``stop``) that the authority knows, and
    the name it knows it by (a declined title's base form: "Договору о …" → "Договор о …")."""
    # A word ends before a space or a comma (a title may hold commas, and may end at one), or before a
    # footnote mark glued to it ("… наказании за него2 (995_155)": A/RES/53/43 ru; "Декларацию прав ребенка*(3)":
    # A/RES/45/112 ru).
    ends = [m.start() for m in _WORD_END.finditer(text[start:stop])] + [stop - start]
    language = scan.lexicon.language
    for end in sorted(set(ends), reverse=True):
        candidate = text[start : start + end].rstrip()
        known = scan.gazetteer.known_instrument(candidate, language) if candidate else None
        if known is not None:
            return start + len(candidate), known
    return None


def _head_titles(
    scan: Scan, covered: _Spans, grammar: _HeadGrammar, names: dict[tuple[int, int], str]
) -> Iterator[tuple[int, int, str]]:
    """Titles the authority knows that start at a head word and were not found as written; ``names``
    gets the name the authority knows each by."""
    text = scan.squeezed.text
    done = -1
    openers = set(scan.starts("openers"))
    for at in sorted(set(scan.starts("heads")) | openers):
        if at < done or covered.overlaps(at, at + 1) or not _word_start(text, at, grammar.clitics):
            continue
        head = grammar.head.match(text, at)
        # A declined title may open with a word that is no head ("Венскую декларацию …"): its first word.
        opener = _WORD.match(text, at) if head is None and at in openers else None
        first = head or opener
        if first is None:
            continue
        known = _longest_known(text, at, _run_end(text, first.end(), grammar), scan)
        if known is not None and known[0] > first.end():
            done = known[0]
            names[(at, done)] = known[1]
            yield at, done, "name"


def _quoted_titles(scan: Scan, covered: _Spans, grammar: _HeadGrammar) -> Iterator[tuple[int, int, str]]:
    """« Convention … »: a quoted title that opens with a head word ends at its closing mark."""
    text, lex = scan.squeezed.text, scan.lexicon
    for at in scan.starts("quotes"):
        close = grammar.quotes.get(text[at], "")
        end = text.find(close, at + 1, at + 1 + grammar.reach) if close else -1
        if end < 0:
            continue
        inner = text[at + 1 : end]
        start = at + 1 + len(inner) - len(inner.lstrip())
        stop = at + 1 + len(inner.rstrip())
        head = grammar.head.match(text, start)
        if head is None or head.end() >= stop or covered.overlaps(start, stop):
            continue
        known = scan.gazetteer.is_instrument(text[start:stop])
        kind = "name" if known else lex.instrument_heads[phrase_key(head.group(0))]
        yield start, stop, kind


@cache
def _ordinal_before(language: str) -> re.Pattern[str]:
    """An ordinal right before a series' name: a word ("douzième", "Cuarta") or a numeral ("12º", "12e")."""
    lex = lexicon(language)
    words = lex.table("title_grammar").get("meeting_ordinals", ())
    suffixes = lex.raw.get("ordinal_numerals", {}).get("suffixes", ())
    numeral = rf"\d{{1,3}}\.?{alternation(suffixes)}" if suffixes else "(?!)"
    word = alternation([*words, *(w[:1].upper() + w[1:] for w in words)]) if words else "(?!)"
    return re.compile(rf"(?<!\w)(?:{word}|{numeral})[ ]+$")


def _series_meetings(scan: Scan, covered: _Spans) -> Iterator[tuple[int, int, str]]:
    """ "douzième Congrès des Nations Unies pour la prévention du crime …", "12º Congreso de las Naciones
    Unidas sobre Prevención del Delito …": a series' name with an ordinal before it is that meeting."""
    text, language = scan.squeezed.text, scan.lexicon.language
    kinds = scan.gazetteer.series_names(language)
    ordinal = _ordinal_before(language)
    for start, stop, name in _phrase_hits(text, scan.anchors("series")):
        before = ordinal.search(text, max(0, start - 30), start)
        if before is not None and not covered.overlaps(before.start(), stop):
            yield before.start(), stop, kinds[phrase_key(name)]


def find_head_titles(scan: Scan) -> Iterator:  # type: ignore[type-arg]
    """Known names, head-first titles, quoted titles, back-references and "its Protocols"."""
    text, lex = scan.squeezed.text, scan.lexicon
    grammar, pats = _grammar(lex.language), title_patterns(lex.language)
    found = [(s, e, "name") for s, e in _known_names(text, scan.anchors("names"), grammar.clitics)]
    names: dict[tuple[int, int], str] = {}
    found += list(_head_titles(scan, _Spans([(s, e) for s, e, _ in found]), grammar, names))
    found += list(_quoted_titles(scan, _Spans([(s, e) for s, e, _ in found]), grammar))
    found += list(_series_meetings(scan, _Spans([(s, e) for s, e, _ in found])))
    spans = _Spans([(s, e) for s, e, _ in found])
    for start, stop, kind in sorted(found):
        if kind == "name" or kind in pats.meeting_kinds:
            yield from _title_mentions(scan, start, stop, kind, pats, names.get((start, stop)))
        else:
            yield _mention(scan, start, stop, kind, text[start:stop], Title(text[start:stop]))
    for start, stop, phrase in _phrase_hits(text, scan.anchors("protocols_of")):
        if not spans.contains(start, stop):
            yield _mention(scan, start, stop, "protocols_of", phrase, ProtocolsOf())
    for start, stop, phrase in _anaphora_hits(text, scan.anchors("anaphora"), grammar):
        if spans.overlaps(start, stop) or grammar.goes_on.match(text, stop):
            continue
        yield _mention(scan, start, stop, "anaphora", phrase, BackReference(lex.anaphora[phrase_key(phrase)]))


def _anaphora_hits(
    text: str, hits: list[tuple[int, int, str]], grammar: _HeadGrammar
) -> Iterator[tuple[int, int, str]]:
    """Back-reference phrases as whole words, a clitic allowed before (Arabic والاتفاقية)."""
    if not grammar.clitics:
        yield from _phrase_hits(text, hits)
        return
    done = -1
    for start, stop, phrase in hits:
        if start < done or not _word_start(text, start, grammar.clitics) or (stop < len(text) and text[stop].isalnum()):
            continue
        yield start, stop, phrase
        done = stop


TITLES_HEAD = register(Finder("titles_head", _anchor_words, find_head_titles))
