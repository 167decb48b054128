"""Resolving a dated presidential statement to a document node of its own: the Security Council's
statement of that day, one node however often and in whichever words it is cited."""

from __future__ import annotations

from instrumap.extract.lexicon import canonical_language, lexicon
from instrumap.extract.records import Event, Mention, StatementCite, Target, labels
from instrumap.extract.resolve.context import Context
from instrumap.ontology.iris import entity_iri


def statement_target(mention: Mention, ctx: Context) -> list[Target]:
    """ "the statement made by the President of the Security Council … on 1 April 1982" → its document."""
    cite = mention.payload
    assert isinstance(cite, StatementCite)
    language = canonical_language()
    table = lexicon(language).table("presidential_statements")
    label = str(table["consensus_label" if cite.consensus else "label"]).format(date=cite.written)
    slug = f"sc-presidential-statement-{cite.date}"
    uri, described = entity_iri("document", slug), ctx.authority.get(slug) is not None
    return [Target("document", slug, uri, labels({language: label}), False, Event(), described)]
