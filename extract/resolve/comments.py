"""Resolving general comments and general recommendations to a document node of their committee.

The committee is the body the text names (by name or by the first component of its document series,
"CEDAW general recommendation No. 19"), else the citing document's own committee (its symbol starts
with the body's ``document_series``: CAT/C/GC/4 → the Committee against Torture; or the body its cover
names). With no committee, the mention is dropped and reported, never guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from instrumap.extract.lexicon import canonical_language, lexicon, load_data
from instrumap.extract.records import CommentCite, Event, Mention, Target, labels
from instrumap.extract.resolve.context import Context
from instrumap.ontology.authorities import Authority, Entry
from instrumap.ontology.iris import entity_iri, slugify

_OPENING = 1500  # where a document with no header block names its issuing body (its cover page)


@lru_cache(maxsize=4)
def _treaty_bodies(data: Authority) -> tuple[tuple[Entry, str], ...]:
    """The treaty bodies with a document series, once per authority (the resolver asks per document)."""
    return tuple((entry, own) for entry in data.entries.values()
                 if entry.kind == "treaty_body" and (own := entry.fact("document_series")))  # fmt: skip


def _by_series(data: Authority, series: str) -> Entry | None:
    """The treaty body whose document series is ``series`` ("CAT/C") or starts with it ("CEDAW")."""
    for entry, own in _treaty_bodies(data):
        if own == series or own.split("/")[0] == series:
            return entry
    return None


def own_committee(ctx: Context) -> Entry | None:
    """The committee whose documents the citing one is: its symbol starts with the body's series, or,
    when no symbol was read ("CAT /C/GC/4" split by conversion), the treaty body its cover names."""
    symbols = ctx.own_symbols
    header = ctx.document.header
    head = ctx.document.text[: header.end if header is not None else _OPENING]
    named: Entry | None = None
    for entry, own in _treaty_bodies(ctx.authority):
        if any(symbol.startswith(own + "/") for symbol in symbols):
            return entry
        if named is None and entry.label("en") in head:
            named = entry
    return named


def committee_of(written: str, ctx: Context) -> Entry | None:
    """The committee a general comment is of: named in full, by its series, or the citing document's own."""
    if written and written not in lexicon(ctx.language).table("treaty_body_comments").get("own_body", ()):
        named = ctx.authority.lookup(written, ("body",))
        if named:
            return named[0]
        if written.isupper():
            return _by_series(ctx.authority, written)
        return None
    return own_committee(ctx)


def _is_itself(mention: Mention, cite: CommentCite, committee: Entry, ctx: Context) -> bool:
    """The citing general comment itself: its symbol (CAT/C/GC/4), or the same comment on its cover."""
    own = str(load_data("common")["symbols"]["general_comment"])
    series = committee.fact("document_series")
    if own.format(series=series, number=cite.number) in ctx.own_symbols:
        return True
    numbered = re.compile(re.escape(own.format(series=series, number="#")).replace("\\#", r"\d+"))
    if any(numbered.fullmatch(symbol) for symbol in ctx.own_symbols):
        return False  # its own number is known and this is another ("No. 35 …, updating general recommendation No. 19")
    header = ctx.document.header
    opening = ctx.document.flat[: header.end if header is not None else _OPENING]
    written = re.compile(rf"{re.escape(mention.text.split('No.')[0].strip())}\s*No\.\s*{cite.number}(?!\d)", re.I)
    if mention.start < len(opening) and mention.text[:1].isupper():
        return True  # the cover's own title line: "General comment No. 4 (2017) on the implementation …"
    return written.search(opening, 0, min(len(opening), mention.start)) is not None


def comment_target(mention: Mention, ctx: Context) -> list[Target]:
    """ "its general comment No. 1 (1997)" in CAT/C/GC/4 → "Committee against Torture, general comment No. 1"."""
    cite = mention.payload
    assert isinstance(cite, CommentCite)
    committee = committee_of(cite.body, ctx)
    if committee is None:
        ctx.problem(mention, "no committee known for this general comment")
        return []
    if _is_itself(mention, cite, committee, ctx):
        return []
    slug = slugify(f"{committee.id} {cite.kind} {cite.number}")
    language = canonical_language()
    template = str(lexicon(language).table("labels")["comments"]["label"])
    label = template.format(committee=committee.label(language), kind=cite.kind, number=cite.number)
    uri = entity_iri("document", slug)
    return [Target("document", slug, uri, labels({language: label}), False, Event(), False)]
