"""Relations the text states between targets: adopts, annexed_to, supplements, reports_on, adopted_on_report.

Read from the text first ("resolution 55/25, by which it adopted …", a footnote "Resolution 55/59,
annex." under an instrument's name), then completed from the authority data for pairs the
document cites together (UNCAC is adopted by A/RES/58/4) and for protocols and their conventions.
"""

from __future__ import annotations

import re
from functools import cache

from instrumap.extract.lexicon import alternation, lexicon
from instrumap.extract.records import Document, Reference, Relation
from instrumap.ontology.authorities import Authority, authority, entry_collection
from instrumap.ontology.iris import document_iri, entity_iri, work_iri
from instrumap.ontology.kinds import instrument_kinds

_RESOLUTION_KINDS = ("resolution", "decision")
INSTRUMENT_KINDS = instrument_kinds()


@cache
def _words(language: str) -> dict[str, re.Pattern[str]]:
    data = lexicon(language).raw["relations"]
    return {
        "adopts_after": re.compile(r"^[^；;。]{0,80}?" + alternation(data["adopts_after"])),
        "adopted_by_before": re.compile(alternation(data["adopted_by_before"]) + r"\s*$"),
        "annex": re.compile(alternation(data["annex"]), re.I),
        "report": re.compile(alternation(data["report"])),
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
    by_paragraph: dict[str, list[Reference]] = {}
    for ref in references:
        by_paragraph.setdefault(ref.paragraph, []).append(ref)
    found += _footnote_relations(document, by_paragraph, words)
    found += _from_authority(references, data, found)
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
                stop = _clause_end(flat, m.end())
                for other in ordered[i + 1 :]:
                    if other.start >= stop or other.kind in _RESOLUTION_KINDS:
                        break
                    if other.kind in INSTRUMENT_KINDS:
                        out.append(Relation(ref.id, "adopts", other.id))
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


def _footnote_relations(
    document: Document, refs: dict[str, list[Reference]], words: dict[str, re.Pattern[str]]
) -> list[Relation]:
    """A footnote that gives an instrument's source ("Resolution 55/59, annex.") or a report's symbol."""
    out: list[Relation] = []
    by_block = {b.id: b for b in document.blocks}
    for note in (b for b in document.blocks if b.id.startswith("FN")):
        inside = sorted(refs.get(note.id, ()), key=lambda r: r.start)
        if not inside:
            continue
        first = inside[0]
        text = document.flat[note.start : note.end]
        for marker in {r.via for r in inside if r.via}:
            block = by_block.get(marker)
            if block is None:
                continue
            for start, _end, number in block.marks:
                if f"FN{number}" != note.id:
                    continue
                cited = _cited_right_before(refs, marker, start, document.flat)
                if first.kind in _RESOLUTION_KINDS and cited is not None:
                    if words["annex"].search(text):
                        out.append(Relation(cited.id, "annexed_to", first.id))
                    else:
                        out.append(Relation(first.id, "adopts", cited.id))
                elif first.kind == "document":
                    clause = document.flat[max(block.start, start - 160) : start]
                    clause = re.split(r"[；;。]", clause.rstrip(" \t；;。,，:："))[-1]
                    if words["report"].search(clause):
                        about = [r for r in refs.get(marker, ()) if r.kind in _RESOLUTION_KINDS
                                 and start - 160 <= r.start < start and r.start >= start - len(clause)]  # fmt: skip
                        if len(about) == 1:
                            out.append(Relation(first.id, "reports_on", about[0].id))
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


def _from_authority(refs: list[Reference], data: Authority, stated: list[Relation]) -> list[Relation]:
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
        if adopted_by in cited and frozenset((adopted_by, ref.id)) not in linked:
            out.append(Relation(adopted_by, "adopts", ref.id))
        elif annexed_to in cited and frozenset((annexed_to, ref.id)) not in linked:
            out.append(Relation(ref.id, "annexed_to", annexed_to))
        parent = entry.fact("supplements")
        if parent and ref.kind == "protocol":
            out.append(Relation(ref.id, "supplements", parent))
    return out
