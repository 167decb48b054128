"""Resolving UN documents: a number and the organ words around it become one symbol.

"its resolution" means the citing organ, unless an organ was just named ("the Commission … in its
resolutions 44/16": the Commission's); a named organ wins otherwise; and the number's form rules
out impossible organs (``common.toml [series_forms]``: 1373 (2001) can only be the Security Council's).

A conference of the parties is no UN organ and its decisions have no UN symbol: "decision 3/2 of the
Conference of the Parties to the Convention" is ``<the conference's id>/decision/3/2`` (``cop-untoc/decision/3/2``),
a node of its own under the conference's IRI, labelled from the conference's label.

A Security Council number without its year ("Security Council resolution 1373", "第1373号决议", common in
reports and letters) takes the year the same document gives that number elsewhere, or else the year
``common.toml [sc_years]`` knows for a resolution often cited by its number alone, or the year whose range
of numbers holds it (``[sc_year_ranges]``, read off the real texts); otherwise it is dropped
with a problem line rather than guessed.
"""

from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from instrumap.extract.lexicon import lexicon, load_data
from instrumap.extract.records import Citation, MeetingName, Mention, Target, labels
from instrumap.extract.resolve.context import Context, fits
from instrumap.extract.resolve.meetings import meeting_target
from instrumap.extract.resolve.naming import resolution_label
from instrumap.extract.symbols import resolution_symbol, symbol_kind
from instrumap.ontology.iris import document_iri, entity_iri


@lru_cache(maxsize=65536)
def symbol_target(symbol: str) -> Target:
    """A document, resolution or decision written as its full symbol."""
    return Target(symbol_kind(symbol), symbol, document_iri(symbol), labels(en=symbol))


def citation_target(mention: Mention, ctx: Context) -> Target | None:
    cited = mention.payload
    assert isinstance(cited, Citation)
    if cited.symbol:
        return symbol_target(cited.symbol)
    if cited.organ == "parties" or (cited.organ == "self" and cited.antecedent == "parties"):
        return _parties_act(mention, cited, ctx)
    if cited.organ == "other":  # another organization's act: no UN symbol to give it
        ctx.problems.append(f"{mention.kind} {cited.number} of another organization: not resolved")
        return None
    if cited.form != "bare":
        return _numbered_target(_series(cited, ctx), cited.number, mention.kind)
    series = ctx.own_series if cited.organ in ("self", "?", "") else cited.organ  # the organ right there, no other
    if not fits(series, cited.form) or mention.kind != "resolution":
        return None
    year = _dated_year(mention, ctx) or _year_of(cited.number, ctx)
    if year is None:
        ctx.problems.append(f"Security Council resolution {cited.number} cited without its year: not resolved")
        return None
    return _numbered_target(series, f"{cited.number} ({year})", mention.kind)


@cache
def _dated_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The date a Council number is cited with, right after it or right before it (``common.toml``
    ``[sc_dates]``): a Council resolution's year is the year it was adopted."""
    data = load_data("common")["sc_dates"]
    return re.compile(str(data["after"])), re.compile(str(data["before"]))


def _dated_year(mention: Mention, ctx: Context) -> str | None:
    return _date_year_at(ctx.document.flat, mention.start, mention.end)


def _date_year_at(flat: str, start: int, end: int) -> str | None:
    """The year of the date written right after or right before a number at ``flat[start:end]``."""
    date_after, date_before = _dated_patterns()
    after = date_after.match(flat, end)
    if after is not None:
        return after.group(1)
    before = date_before.search(flat, max(0, start - 24), start)
    return before.group(1) if before is not None else None


def _year_of(number: str, ctx: Context) -> str | None:
    """The year of a Security Council number: as the document writes it elsewhere ("1533 (2004)", or
    the number with its date: "2004年3月12日第1533号决议" before "第1533号决议第10段"), or as [sc_years] knows it."""
    flat = ctx.document.flat
    written = re.search(rf"(?<![\d/]){number}\s*[(（]\s*((?:19|20)\d\d)\s*[)）]", flat)
    if written:
        return written.group(1)
    for other in re.finditer(rf"(?<![\d/.]){number}(?![\d/])", flat):
        year = _date_year_at(flat, other.start(), other.end())
        if year is not None:
            return year
    return _known_years().get(number) or _year_in_ranges(int(number))


@cache
def _known_years() -> dict[str, str]:
    return {str(number): str(year) for number, year in load_data("common")["sc_years"].items()}


_LOWEST_BY_RANGE = 100
_CALENDAR = (1940, 2035)


@cache
def _year_ranges() -> tuple[list[int], list[tuple[int, str]]]:
    """``[sc_year_ranges]``: the first number of each range (for bisection), and its last number and year."""
    ranges = sorted((low, high, str(year)) for year, (low, high) in load_data("common")["sc_year_ranges"].items())
    return [low for low, _, _ in ranges], [(high, year) for _, high, year in ranges]


def _year_in_ranges(number: int) -> str | None:
    """The year of a number that lies between two numbers the texts cite with one year (numbers are consecutive).

    Not for a number that reads as a calendar year ("2002年", S/RES/1455 (2003) zh) or for one below 100
    ("resolution 4 programme", an OCR slip in S/RES/80 (1950)): those keep needing the document's own year."""
    if number < _LOWEST_BY_RANGE or _CALENDAR[0] <= number <= _CALENDAR[1]:
        return None
    lows, rest = _year_ranges()
    i = bisect.bisect_right(lows, number) - 1
    return rest[i][1] if i >= 0 and number <= rest[i][0] else None


def _parties_act(mention: Mention, cited: Citation, ctx: Context) -> Target:
    """A decision of a conference of the parties: the conference resolved as the meetings strategy does."""
    name = MeetingName(cited.body or "Conference of the Parties", parties=True)
    conference = meeting_target(Mention("conference", mention.start, mention.end, name.title, name), ctx)
    number = "".join(cited.number.split())
    act_labels = {lang: _act_label(lang, label, mention.kind, number) for lang, label in conference.label.items()}
    slug = f"{conference.id}/{mention.kind}/{number}"
    return Target(mention.kind, slug, entity_iri("meeting", slug), labels(act_labels), conference.resolved)


def _series(cited: Citation, ctx: Context) -> str:
    """The symbol series of the organ that issued a cited number."""
    organs = [cited.organ, *cited.organs]
    antecedent = cited.antecedent
    if organs[0] == "self" and antecedent and antecedent != ctx.own_series and fits(antecedent, cited.form):
        organs[0] = antecedent  # "the Commission on Narcotic Drugs … in its resolutions 44/16": the Commission's
    for organ in organs:
        candidate = ctx.own_series if organ in ("self", "?") else organ
        if candidate and fits(candidate, cited.form) and not _after_own_session(candidate, cited, ctx):
            return candidate
    if fits(ctx.own_series, cited.form) and not _after_own_session(ctx.own_series, cited, ctx):
        return ctx.own_series
    return str(load_data("common")["series_default"][cited.form])


_OWN_SESSION = re.compile(r"/(?:RES|DEC)/(\d{1,3})/\d")


def _after_own_session(series: str, cited: Citation, ctx: Context) -> bool:
    """Whether a session-numbered citation is of a later session of the citing organ than the citing document's
    own: it cannot be that organ's. The Human Rights Council's resolution 7/9 cites "resolution 62/127" of the
    General Assembly (A/HRC/RES/7/9); the Council had held seven sessions."""
    if series != ctx.own_series or cited.form != "session":
        return False
    own = _OWN_SESSION.search(ctx.document.metadata.symbol or "")
    cited_session = cited.number.split("/")[0].strip()
    return own is not None and cited_session.isdigit() and int(cited_session) > int(own.group(1))


def _act_label(language: str, body: str, kind: str, number: str) -> str:
    """ "Conference of the Parties to the … decision 3/2" from the language's ``[labels] resolution`` template."""
    table = lexicon(language).table("labels")
    return str(table["resolution"]).format(organ=body, kind=table["kinds"][kind], number=number).strip()


@lru_cache(maxsize=65536)
def _numbered_target(series: str, number: str, kind: str) -> Target:
    symbol = resolution_symbol(series, number, kind)
    return Target(kind, symbol, document_iri(symbol), resolution_label(series, number, kind))
