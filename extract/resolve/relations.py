"""Relations the text states between targets: adopts, annexed_to, supplements, reports_on, adopted_on_report.

Read from the text first ("resolution 55/25, by which it adopted …", a footnote "Resolution 55/59,
annex." under an instrument's name), then completed from the authority data for pairs the
document cites together (UNCAC is adopted by A/RES/58/4) and for protocols and their conventions.
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.extract.lexicon import alternation, lexicon
from instrumap.extract.records import Block, Document, Reference, Relation
from instrumap.ontology.authorities import Authority, authority, entry_collection
from instrumap.ontology.iris import document_iri, entity_iri, work_iri
from instrumap.ontology.kinds import instrument_kinds, meeting_kinds

_RESOLUTION_KINDS = ("resolution", "decision")
_SOURCE_KINDS = ("resolution", "decision", "document")
INSTRUMENT_KINDS = instrument_kinds()
MEETING_KINDS = meeting_kinds()


@cache
def _words(language: str) -> dict[str, re.Pattern[str]]:
    data = lexicon(language).raw["relations"]
    return {
        "adopts_after": re.compile(r"[^；;。]{0,80}?" + alternation(data["adopts_after"])),
        "adopted_by_before": re.compile(alternation(data["adopted_by_before"]) + r"\s*$"),
        "annex": re.compile(alternation(data["annex"]), re.I),
        "annex_after": re.compile(r"\s*[,，]?\s*" + alternation(data["annex"]), re.I),
        "report": re.compile(alternation(data["report"])),
        "ibid": re.compile(r"\W*" + alternation(data.get("ibid", ["(?!)"]))),
        "annexed_here": re.compile(r"[^；;。]{0,60}?" + alternation(data.get("annexed_here", ["(?!)"]))),
        "adopted_by_meeting": re.compile(
            r"[\W\d]{0,6}" + alternation(data.get("adopted_by_meeting", ["(?!)"])) + r"\s*$"
        ),
        # What may stand between the items of a list of instruments: punctuation, footnote marks, "and the",
        # "et le" (A/RES/55/79), "和".
        "list_gap": re.compile(
            r"[\s,，、،\d*]*(?:" + alternation(data.get("list_and", ["(?!)"])) + r"[\s\d]*)?"
            r"(?:" + alternation(data.get("list_articles", ["(?!)"])) + r"\s*)?"
        ),
    }


def find_relations(document: Document, references: list[Reference], data: Authority | None = None) -> list[Relation]:
    """Every relation stated or implied in ``document``, without duplicates, in a stable order."""
    data = data or authority()
    words = _words(document.language)
    found: list[Relation] = []
    meta = document.metadata
    if meta.symbol and meta.adopted_on_report:
        found.append(Relation(meta.symbol, "adopted_on_report", meta.adopted_on_report))
    body = [r for r in references if not r.paragraph.startswith(("FN", "HEADER"))]
    found += _adoptions_in_text(document, body, words)
    found += _annexed_here(document, body, words)
    found += _adopted_by_meetings(document, body, words)
    by_paragraph: dict[str, list[Reference]] = {}
    for ref in references:
        by_paragraph.setdefault(ref.paragraph, []).append(ref)
    found += _footnote_relations(document, by_paragraph, words)
    found += _from_authority(references, data, found, _annex_sources(document, references, words))
    unique: dict[tuple[str, str, str], Relation] = {}
    for relation in found:
        if relation.subject != relation.object:
            unique.setdefault((relation.subject, relation.predicate, relation.object), relation)
    known = {ref.id: ref.uri for ref in references}
    if meta.symbol:
        known[meta.symbol] = work_iri(meta.symbol, document.source)
    return [_with_iris(relation, data, known) for relation in unique.values()]


def _with_iris(relation: Relation, data: Authority, known: dict[str, str]) -> Relation:
    return Relation(relation.subject, relation.predicate, relation.object,
                    _iri(relation.subject, data, known), _iri(relation.object, data, known))  # fmt: skip


def _iri(target: str, data: Authority, known: dict[str, str]) -> str:
    """The IRI of a relation's end, given as a symbol or an authority or slug id."""
    if target in known:
        return known[target]
    if "/" in target:
        return document_iri(target)
    entry = data.get(target)
    return entity_iri(entry_collection(entry), entry.id) if entry is not None else entity_iri("instrument", target)


def _adoptions_in_text(document: Document, refs: list[Reference], words: dict[str, re.Pattern[str]]) -> list[Relation]:
    out: list[Relation] = []
    flat = document.flat
    ordered = sorted(refs, key=lambda r: r.start)
    for i, ref in enumerate(ordered):
        if ref.kind in _RESOLUTION_KINDS:
            m = words["adopts_after"].match(flat, ref.end)
            if m:
                listed = _listed_after(ordered, i, m.end(), flat, words["list_gap"])
                out += [Relation(ref.id, "adopts", other.id) for other in listed]
        elif ref.kind in INSTRUMENT_KINDS:
            # "…, adopted by the General Assembly in its resolution 44/25" / “第44/25号决议通过的《…》”
            after = _resolution_after(ordered, i, ref.end + 90)
            if after and words["adopted_by_before"].search(flat, ref.end, after.start):
                out.append(Relation(after.id, "adopts", ref.id))
            before = _resolution_before(ordered, i, ref.start - 12)
            if before and words["adopted_by_before"].search(flat, before.start, ref.start + 1):
                out.append(Relation(before.id, "adopts", ref.id))
    return out


_CLAUSE_END = re.compile(r"[；;。]|\n\s*\n")


def _listed_after(ordered: list[Reference], i: int, at: int, flat: str, gap: re.Pattern[str]) -> list[Reference]:
    """The instruments listed right after offset ``at`` ("by which it adopted the Convention, the
    Protocol … and the Protocol …"), up to the first thing that is not the list's next item."""
    out: list[Reference] = []
    stop = _clause_end(flat, at)
    for other in ordered[i + 1 :]:
        if other.start >= stop or other.kind not in INSTRUMENT_KINDS:
            break
        if other.start < at:
            continue
        if not gap.fullmatch(flat, at, other.start) and not (not out and other.start - at <= 12):
            break
        out.append(other)
        at = max(at, other.end)
    return out


_LONGEST_NUMBER = 200  # no resolution mention is longer: bounds the look back


def _resolution_after(ordered: list[Reference], i: int, before: int) -> Reference | None:
    """The first resolution after ``ordered[i]`` that starts before offset ``before``."""
    for j in range(i + 1, len(ordered)):
        other = ordered[j]
        if other.start >= before:
            return None
        if other.kind in _RESOLUTION_KINDS:
            return other
    return None


def _resolution_before(ordered: list[Reference], i: int, after: int) -> Reference | None:
    """The last resolution before ``ordered[i]`` that ends after offset ``after``."""
    for j in range(i - 1, -1, -1):
        other = ordered[j]
        if other.start < after - _LONGEST_NUMBER:
            return None
        if other.kind in _RESOLUTION_KINDS and other.end > after:
            return other
    return None


def _clause_end(flat: str, start: int) -> int:
    m = _CLAUSE_END.search(flat, start)
    return m.start() if m else len(flat)


def _footnote_sources(
    document: Document, refs: dict[str, list[Reference]], words: dict[str, re.Pattern[str]]
) -> dict[str, list[Reference]]:
    """Each footnote's sources (the resolutions or documents it names first); "Ibid., annex II."
    names none and takes the previous footnote's (A/RES/61/180), when that one named any."""
    sources: dict[str, list[Reference]] = {}
    previous: list[Reference] = []
    for note in sorted((b for b in document.blocks if b.id.startswith("FN")), key=lambda b: b.start):
        inside = sorted(refs.get(note.id, ()), key=lambda r: r.start)
        named = _first_sources(inside)
        if not named and words["ibid"].match(document.flat, note.start):
            named = previous
        if named:
            sources[note.id] = named
        # A note that names none breaks the chain: "Ibid., vol. 1833" after "United Nations, Treaty Series,
        # vol. 1577" points back to the Treaty Series, not to the resolution two notes up (A/RES/77/276).
        previous = named
    return sources


def _first_sources(inside: list[Reference]) -> list[Reference]:
    """The first reference of a footnote, with the second half of a joint symbol ("A/51/113-S/1996/276")."""
    if not inside or inside[0].kind not in _SOURCE_KINDS:
        return []
    first = [inside[0]]
    for ref in inside[1:3]:
        if ref.kind == "document" == first[0].kind and ref.start - first[-1].end <= 1:
            first.append(ref)
    return first


def _annex_sources(document: Document, references: list[Reference], words: dict[str, re.Pattern[str]]) -> set[str]:
    """The resolutions and documents cited for an annex ("See resolution 2200 A (XXI), annex.")."""
    return {
        ref.id for ref in references
        if ref.kind in _SOURCE_KINDS and words["annex_after"].match(document.flat, ref.end)
    }  # fmt: skip


def _footnote_relations(
    document: Document, refs: dict[str, list[Reference]], words: dict[str, re.Pattern[str]]
) -> list[Relation]:
    """A footnote that gives an instrument's source ("Resolution 55/59, annex.") or a report's symbol."""
    out: list[Relation] = []
    sources = _footnote_sources(document, refs, words)
    for note in (b for b in document.blocks if b.id in sources):
        named = sources[note.id]
        first = named[0]
        text = document.flat[note.start : note.end]
        annexed = bool(words["annex"].search(text))
        for block in document.markers(note.id[2:]):
            for start, _end, number in block.marks:  # the block itself: an annex's blocks share one id
                if f"FN{number}" != note.id:
                    continue
                cited = _cited_right_before(refs, block.id, start, document.flat)
                if cited is not None and (annexed or first.kind == "document"):
                    if annexed:
                        out += [Relation(cited.id, "annexed_to", source.id) for source in named]
                elif cited is not None:
                    out.append(Relation(first.id, "adopts", cited.id))
                if first.kind == "document" and not annexed:
                    out += _reports_on(document, refs, block, start, first, words)
    return out


def _reports_on(
    document: Document, refs: dict[str, list[Reference]], block: Block, start: int, report: Reference,
    words: dict[str, re.Pattern[str]],
) -> list[Relation]:
    """ "the report of the Secretary-General on … resolution 54/131⁵" with "⁵ A/55/119": the report is on it."""
    clause = document.flat[max(block.start, start - 160) : start]
    clause = re.split(r"[；;。]", clause.rstrip(" \t；;。,，:："))[-1]
    if not words["report"].search(clause):
        return []
    about = [r for r in refs.get(block.id, ()) if r.kind in _RESOLUTION_KINDS
             and start - 160 <= r.start < start and r.start >= start - len(clause)]  # fmt: skip
    return [Relation(report.id, "reports_on", about[0].id)] if len(about) == 1 else []


def _annexed_here(document: Document, refs: list[Reference], words: dict[str, re.Pattern[str]]) -> list[Relation]:
    """ "Approves the Declaration …, the text of which is annexed to the present resolution" (A/RES/49/60):
    the instrument is annexed to the document, and the document adopts it."""
    own = document.metadata.symbol
    if not own:
        return []
    out: list[Relation] = []
    for ref in refs:
        if ref.kind in INSTRUMENT_KINDS and words["annexed_here"].match(document.flat, ref.end):
            out += [Relation(ref.id, "annexed_to", own), Relation(own, "adopts", ref.id)]
    return out


def _adopted_by_meetings(
    document: Document, refs: list[Reference], words: dict[str, re.Pattern[str]]
) -> list[Relation]:
    """ "the Beijing Declaration and Platform for Action adopted by the Fourth World Conference on Women":
    the meeting adopts each instrument of the clause before it (A/RES/52/93)."""
    out: list[Relation] = []
    ordered = sorted(refs, key=lambda r: r.start)
    for i, ref in enumerate(ordered):
        if ref.kind not in MEETING_KINDS:
            continue
        j = i - 1
        # Each instrument ends near the next item: a long title ("Plan d’action pour l’application de la
        # Déclaration mondiale … dans les années 90 adoptés par le Sommet …", A/RES/55/79) is no farther.
        while j >= 0 and ordered[j].end >= ordered[j + 1].start - 120 and ordered[j].kind in INSTRUMENT_KINDS:
            earlier = ordered[j]
            joined = j < i - 1 and out and out[-1].object == ordered[j + 1].id
            if words["adopted_by_meeting"].match(document.flat, earlier.end, ref.start) or (
                joined and words["list_gap"].fullmatch(document.flat, earlier.end, ordered[j + 1].start)
            ):
                out.append(Relation(ref.id, "adopts", earlier.id))
            j -= 1
    return out


_ONLY_PUNCTUATION = re.compile(r"[\s,，.。;；:：)）\"”’]*")


def _cited_right_before(refs: dict[str, list[Reference]], paragraph: str, mark: int, flat: str) -> Reference | None:
    """The instrument whose name ends just before a footnote mark (only punctuation between)."""
    best = None
    for ref in refs.get(paragraph, ()):
        if (
            ref.kind in INSTRUMENT_KINDS
            and ref.end <= mark
            and _ONLY_PUNCTUATION.fullmatch(flat[ref.end : mark])
            and (best is None or ref.end > best.end)
        ):
            best = ref
    return best


def _from_authority(
    refs: list[Reference], data: Authority, stated: list[Relation], annex_sources: set[str]
) -> list[Relation]:
    """Relations the authority data knows between cited targets; an adopting resolution cited for an
    annex ("See resolution 2200 A (XXI), annex.") states the annex."""
    out: list[Relation] = []
    cited = {r.id for r in refs}
    linked = {frozenset((r.subject, r.object)) for r in stated}
    seen: set[str] = set()
    for ref in refs:
        if ref.id in seen or ref.kind not in INSTRUMENT_KINDS:
            continue
        seen.add(ref.id)
        entry = data.get(ref.id)
        if entry is None:
            continue
        adopted_by, annexed_to = entry.fact("adopted_by"), entry.fact("annexed_to")
        if adopted_by in annex_sources and frozenset((adopted_by, ref.id)) not in linked:
            out.append(Relation(ref.id, "annexed_to", adopted_by))
        elif adopted_by in cited and frozenset((adopted_by, ref.id)) not in linked:
            out.append(Relation(adopted_by, "adopts", ref.id))
        elif annexed_to in cited and frozenset((annexed_to, ref.id)) not in linked:
            out.append(Relation(ref.id, "annexed_to", annexed_to))
        parent = entry.fact("supplements")
        if parent and ref.kind == "protocol":
            out.append(Relation(ref.id, "supplements", parent))
    return out
