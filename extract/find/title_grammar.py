"""The title grammar of a language compiled once: every pattern the title finders use, from the lexicon's
``[title_grammar]``, ``[instrument_heads]``, ``[meeting_heads]``, ``[title_connectors]`` and
``[title_stoppers]``."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from instrumap.extract.lexicon import alternation, lexicon


@dataclass(frozen=True, slots=True)
class TitlePatterns:
    head: re.Pattern[str]
    left: re.Pattern[str]
    right: re.Pattern[str]
    plan_of: re.Pattern[str]
    not_title: re.Pattern[str]
    stoppers: frozenset[str]
    goes_on: re.Pattern[str]
    number_after_head: re.Pattern[str]
    meeting_first: re.Pattern[str]
    meeting_ordinal: re.Pattern[str]
    parties: re.Pattern[str]
    meeting_kinds: frozenset[str]
    embeds_after: re.Pattern[str]
    date_inside: re.Pattern[str]
    ends_title: re.Pattern[str]
    year: re.Pattern[str]
    year_after: re.Pattern[str]
    draft_before: re.Pattern[str]
    draft_lower: re.Pattern[str]
    draft_kinds: dict[str, str]
    number_suffix: re.Pattern[str]
    left_group: re.Pattern[str]
    right_group: re.Pattern[str]
    acronym: re.Pattern[str]
    between: re.Pattern[str]
    acronym_prefixes: frozenset[str]
    stopper_inside: re.Pattern[str]
    compound: re.Pattern[str]
    possessive: re.Pattern[str]
    national: re.Pattern[str]
    ends_before: re.Pattern[str]
    inside_after: re.Pattern[str]
    acronym_after: re.Pattern[str]
    lower_names: tuple[tuple[str, re.Pattern[str]], ...]  # kind, pattern of a name written in lower case
    comma_list: re.Pattern[str]
    plural_protocols: re.Pattern[str]
    never_first: re.Pattern[str]
    meeting_ends: re.Pattern[str]
    attached: re.Pattern[str]
    attached_kinds: frozenset[str]
    reach_left: int  # how far a title may extend before its head, and after it (characters)
    reach_right: int


_NEVER = re.compile(r"(?!)")


def _optional(grammar: Mapping[str, Any], key: str, build: Callable[[Any], str] = str) -> re.Pattern[str]:
    """A pattern of the title grammar that a language may lack (English has drafts and dates inside titles)."""
    return re.compile(build(grammar[key])) if grammar.get(key) else _NEVER


# The patterns of the grammar a language may lack, each under its own key (``_optional``).
_OPTIONAL = (
    "ends_title",
    "year_after",
    "draft_before",
    "draft_lower",
    "number_suffix",
    "left_group",
    "right_group",
    "acronym",
    "between",
    "stopper_inside",
    "compound",
    "possessive",
    "national",
    "ends_before",
    "inside_after",
    "comma_list",
    "never_first",
    "meeting_ends",
    "attached",
)


@cache
def title_patterns(language: str) -> TitlePatterns:
    lex = lexicon(language)
    grammar = lex.table("title_grammar")
    word = grammar["word"]
    connectors = alternation(lex.words("title_connectors"), boundary=True)
    continuations = alternation(grammar["continues_after_comma"], boundary=True)
    return TitlePatterns(
        **{key: _optional(grammar, key) for key in _OPTIONAL},
        head=re.compile(rf"\b{alternation([*lex.instrument_heads, *lex.meeting_heads])}\b"),
        left=re.compile(rf"({word})[ ]+$"),
        right=re.compile(
            rf"(?:[ ]+(?:{connectors}[ ]+)*|[ ]*:[ ]+|[ ]*,[ ]+(?={continuations}))({word}|{continuations})"
        ),
        # Footnote marks may be glued inside the phrase ("the Action Plan4 for the Implementation of").
        plan_of=re.compile(
            alternation(lex.words("plan_of", "prefixes")).replace(r"\s+", r"\d{0,3}\s+") + r"[ ]+(?:the[ ]+)?$"
        ),
        not_title=re.compile(alternation(lex.words("not_titles", "phrases"), boundary=True)),
        stoppers=frozenset(lex.words("title_stoppers")) | {o.split()[0] for o in lex.openers},
        goes_on=re.compile(grammar["goes_on"]),
        number_after_head=re.compile(grammar["number_after_head"]),
        meeting_first=re.compile(rf"[ ]+{alternation(grammar['meeting_connectors'], boundary=True)}"),
        # Not the end of a compound ordinal ("twenty-seventh" is no "seventh").
        meeting_ordinal=re.compile(rf"(?<![\w\-]){alternation(grammar['meeting_ordinals'])}[ ]+$"),
        parties=re.compile(grammar["parties"]),
        meeting_kinds=frozenset(lex.meeting_heads.values()),
        embeds_after=_optional(grammar, "embeds_after", lambda words: rf"\b{alternation(words)}[ ]+$"),
        date_inside=_optional(grammar, "date_inside", lambda p: p.replace("{month}", alternation(lex.months))),
        year=re.compile(grammar["number_after_head"]),
        draft_kinds=dict(lex.table("draft_heads")),
        acronym_prefixes=frozenset(grammar.get("acronym_prefixes", ())),
        acronym_after=_optional(grammar, "acronym_after", lambda words: rf"\b{alternation(words)}[ ]+$"),
        lower_names=_lower_names(grammar),
        attached_kinds=frozenset(grammar.get("attached_kinds", ())),
        plural_protocols=_optional(lex.table("protocols_of"), "plural_title"),
        reach_left=int(grammar["reach_left"]),
        reach_right=int(grammar["reach_right"]),
    )


def _lower_names(grammar: Mapping[str, Any]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The patterns of names written in lower case, their topic and ordinal filled in."""
    ordinals = alternation(grammar.get("meeting_ordinals", ()))
    topic = str(grammar.get("lower_topic", ""))
    return tuple(
        (kind, re.compile(str(pattern).replace("{topic}", topic).replace("{ordinal}", ordinals)))
        for kind, pattern in grammar.get("lower_names", {}).items()
    )
