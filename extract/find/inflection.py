"""Titles written otherwise than the authority writes them: declined (Russian "Договору о нераспространении
ядерного оружия" for "Договор о …", S/RES/2397(2017)) or with an article repeated in a joined title
(French "la Déclaration et le Programme d’action de Vienne" for "Déclaration et Programme d'action de
Vienne", A/RES/55/79).

The lexicon's ``[inflection]`` holds both: ``drop``, patterns of the words a text adds, and ``endings``,
the case endings to strip from every word, so that a title and the authority's label compare by their
stems ("Венскую декларацию и Программу действий" ~ "Венская декларация и Программа действий"). Stems
are only compared with the authority's names, which decide what is a title; a language without the
table has no other forms.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from instrumap.extract.lexicon import lexicon
from instrumap.ontology.authorities import normalize_name


@cache
def _rules(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    table = lexicon(language).raw.get("inflection", {})
    drop = [str(p) for p in table.get("drop", ())]
    endings = sorted((str(e) for e in table.get("endings", ())), key=len, reverse=True)
    return (
        re.compile("|".join(f"(?:{p})" for p in drop)) if drop else None,
        # A word's ending, when at least three letters stay before it.
        re.compile(rf"(?<=\w{{3}})(?:{'|'.join(endings)})\b") if endings else None,
    )


def dropped(title: str, language: str) -> str | None:
    """``title`` without the words the lexicon's ``drop`` patterns match; None when none match."""
    drop, _ = _rules(language)
    return drop.sub("", title) if drop is not None and drop.search(title) else None


@lru_cache(maxsize=65536)
def stem_key(name: str, language: str) -> str | None:
    """The name's normalized form with every word's case ending stripped; None without ``endings``."""
    _, endings = _rules(language)
    return endings.sub("", normalize_name(name)) if endings is not None else None


def word_stem(word: str, language: str) -> str | None:
    """A word as written without its case ending ("Венскую" → "Венск"); None without ``endings``."""
    _, endings = _rules(language)
    return endings.sub("", word) if endings is not None else None
