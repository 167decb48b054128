"""The vocabulary as Python constants: instrumap's own terms as a closed namespace, and the reused ones.

``IM`` is built from ``instrumap.ttl`` itself, so the ontology file stays the single source of
truth and a misspelt term (``IM.recals``) fails at once instead of minting a new IRI.
"""

from __future__ import annotations

import re
from functools import cache

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD, ClosedNamespace

from instrumap.ontology.files import ontology_text

IM_IRI = "https://w3id.org/instrumap/ontology#"
CITO = Namespace("http://purl.org/spar/cito/")
FABIO = Namespace("http://purl.org/spar/fabio/")
FRBR = Namespace("http://purl.org/vocab/frbr/core#")
SCHEMA = Namespace("https://schema.org/")

PREFIXES: dict[str, str] = {
    "im": IM_IRI,
    "cito": str(CITO),
    "fabio": str(FABIO),
    "frbr": str(FRBR),
    "schema": str(SCHEMA),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "skos": str(SKOS),
    "owl": str(OWL),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

_TERM = re.compile(r"^im:(\w+) a ", re.M)
_FUNCTION = re.compile(r"^im:(\w+) a owl:ObjectProperty ;[^.]*?im:functionName \"(\w+)\"", re.M | re.S)


def declared_terms() -> list[str]:
    """Every ``im:`` term the ontology declares, in file order."""
    return _TERM.findall(ontology_text())


IM = ClosedNamespace(IM_IRI, declared_terms())


@cache
def function_properties() -> dict[str, str]:
    """snake_case citation function → the IRI of the sub-property of ``cito:cites`` that stands for it."""
    return {name: IM_IRI + term for term, name in _FUNCTION.findall(ontology_text())}


_KIND = re.compile(r"^im:(\w+) a owl:Class ; im:kindName \"(\w+)\"", re.M)


@cache
def kind_classes() -> dict[str, str]:
    """Extraction kind ("plan_of_action") → the IRI of its class (``im:PlanOfAction``)."""
    return {kind: IM_IRI + term for term, kind in _KIND.findall(ontology_text())}
