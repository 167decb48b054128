"""Variant scripts read as the lexicon's own, one character for one: traditional Chinese as simplified.

The lexicons write Chinese in simplified characters; a text printed in traditional script
(“第2424(2018)號決議”, “《聯合國憲章》”, S/RES/2424(2018)) is read through the lexicon's ``[variants]``
table, so every pattern and name serves it. One ``str.translate`` per text; the lengths, and so every
offset, hold, and the document keeps its text as written.
"""

from __future__ import annotations

from functools import cache

from instrumap.extract.lexicon import load_data


@cache
def _table(language: str) -> dict[int, int]:
    data = load_data(language).get("variants", {})
    source = "".join(str(data.get("from", "")).split())
    target = "".join(str(data.get("to", "")).split())
    if len(source) != len(target):
        raise ValueError(f"{language}.toml [variants]: 'from' and 'to' differ in length")
    return str.maketrans(source, target) if source else {}


def as_read(text: str, language: str) -> str:
    """``text`` with its variant characters replaced by the lexicon's forms (the same length)."""
    table = _table(language)
    return text.translate(table) if table else text
