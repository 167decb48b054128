"""Labels for targets the authority data does not list: resolutions, sessions, conferences of parties.

Each label language's lexicon gives the templates (``[labels]``); a label is written in every
language whose lexicon names the organ (or knows the convention).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from instrumap.extract.lexicon import (
    canonical_language,
    label_languages,
    lexicon,
    ordinal_word,
    organ_names,
    supported_languages,
)
from instrumap.extract.records import Labels, labels
from instrumap.ontology.authorities import Entry


def _template(language: str, key: str) -> str:
    return str(lexicon(language).table("labels")[key])


@lru_cache(maxsize=16384)
def resolution_label(series: str, number: str, kind: str = "resolution") -> Labels:
    """``("E", "2003/24")`` → {"en": "Economic and Social Council resolution 2003/24",
    "zh": "经济及社会理事会第2003/24号决议"}; English falls back to the series when no name is known."""
    names = organ_names(series)
    found: dict[str, str] = {}
    for language in label_languages():
        organ = names.get(language) or (series if language == canonical_language() else "")
        if not organ:
            continue
        table = lexicon(language).table("labels")
        written = number if table["number_spaces"] else number.replace(" ", "")
        found[language] = (
            _template(language, "resolution").format(organ=organ, kind=table["kinds"][kind], number=written).strip()
        )
    return labels(found)


def session_label(names: Mapping[str, str], number: int) -> Labels:
    """The label of an organ's numbered session: "General Assembly, fifty-eighth session" / 大会第五十八届会议."""
    return labels({
        language: _template(language, "session").format(organ=names[language], ordinal=ordinal_word(number, language))
        for language in label_languages()
        if language in names
    })  # fmt: skip


def conference_of_parties_label(convention: Mapping[str, str], first_session: bool) -> Labels:
    """ "Conference of the Parties to the …" (", first session") in each language the convention is named in."""
    found = {}
    for language in label_languages():
        if language in convention:
            label = _template(language, "conference_of_parties").format(convention=convention[language])
            found[language] = label + (_template(language, "first_session") if first_session else "")
    return labels(found)


def plan_label(base: Mapping[str, str]) -> Labels:
    """A plan of action built on an instrument: "Plan of action for the implementation of the …"."""
    return labels({
        language: _template(language, "plan_of_action").format(base=base[language])
        for language in label_languages()
        if language in base
    })  # fmt: skip


def series_labels(series: Entry, ordinal: int) -> dict[str, str]:
    """The ``ordinal``-th meeting's name in every language the series has a template in: a known meeting
    lacking a language gets it so ("Douzième Congrès des Nations Unies pour la prévention du crime …")."""
    style = dict(series.facts.get("ordinal_style", {}))  # type: ignore[call-overload]
    labels = {}
    for language, template in series.labels.items():
        word = ordinal_word(ordinal, language, str(style.get(language, "Title")))
        if word and "{ordinal}" in template and language in supported_languages():
            labels[language] = template.replace("{ordinal}", word)
    return labels
