"""The ontology: a closed namespace, and every citation function declared under cito:cites."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from instrumap.extract.lexicon import load_data
from instrumap.ontology.files import ontology_path
from instrumap.ontology.namespace import CITO, IM, IM_IRI, declared_terms, function_properties


def test_closed_namespace_matches_the_ontology_file() -> None:
    graph = Graph().parse(ontology_path())
    in_file = {str(s)[len(IM_IRI) :] for s in graph.subjects() if str(s).startswith(IM_IRI)}
    assert in_file == set(declared_terms())
    with pytest.raises(AttributeError):
        IM.recals  # noqa: B018  (a misspelt term must fail)


def test_every_function_of_the_lexicons_is_a_subproperty_of_cito_cites() -> None:
    graph = Graph().parse(ontology_path())
    functions = {f for language in ("en", "zh") for f in load_data(language)["openers"].values()}
    declared = function_properties()
    assert functions <= set(declared)
    closure = set(graph.transitive_subjects(RDFS.subPropertyOf, CITO.cites))
    for name in functions:
        assert URIRef(declared[name]) in closure, name


def test_labels_in_english_and_chinese() -> None:
    graph = Graph().parse(ontology_path())
    for cls in graph.subjects(RDF.type, OWL.Class):
        languages = {label.language for label in graph.objects(cls, RDFS.label)}
        assert {"en", "zh"} <= languages, cls
