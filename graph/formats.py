"""The one table of RDF formats: the name a user types, and the format that names it (with its file
suffix and media type, which pyoxigraph's ``RdfFormat`` knows). Exports, the endpoint's content
negotiation and ``instrumap query`` all read it."""

from __future__ import annotations

from pyoxigraph import RdfFormat

RDF_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "rdfxml": RdfFormat.RDF_XML,
    "jsonld": RdfFormat.JSON_LD,
}
# What CONSTRUCT and DESCRIBE results can be written as (triples, not datasets).
GRAPH_RESULT_FORMATS = ("turtle", "jsonld", "ntriples", "rdfxml")


def suffix(name: str) -> str:
    """The file suffix of a format name: ``turtle`` → ``ttl``."""
    return RDF_FORMATS[name].file_extension


def by_media_type() -> dict[str, str]:
    """Media type → format name, for the formats a graph result can be sent in."""
    return {RDF_FORMATS[name].media_type: name for name in GRAPH_RESULT_FORMATS}
