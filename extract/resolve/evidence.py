"""The evidence of a reference: the sentence (clause) around its mention, tidied, as a reader checks it."""

from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Any

from instrumap.extract.lexicon import lexicon, ordinal_value
from instrumap.extract.records import Document

_SENTENCE_BREAK = re.compile(r"[。；;]|\.\s|:\s|,\s*\n")
_REACH = 300  # characters either side at most


class Evidence:
    """Sentence breaks of one document, found once, so each mention's clause is two bisections away."""

    def __init__(self, document: Document) -> None:
        self.document = document
        spans = [m.span() for m in _SENTENCE_BREAK.finditer(document.flat)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]
        self._said: dict[tuple[int, int], str] = {}  # mentions of one clause share its sentence

    def sentence(self, start: int, end: int) -> str:
        """The clause around ``text[start:end]`` within its block, at most 300 characters either side."""
        document = self.document
        block = document.block_at(start)
        lo, hi = (block.start, block.end) if block else (max(0, start - 200), min(len(document.text), end + 200))
        before = lo
        i = bisect.bisect_right(self._ends, start) - 1  # the last break ending at or before the mention
        if i >= 0 and self._starts[i] >= lo:
            before = self._ends[i]
        j = bisect.bisect_left(self._starts, end)  # the first break starting at or after its end
        stop = self._ends[j] if j < len(self._starts) and self._ends[j] <= hi else hi
        span = (max(before, start - _REACH), min(stop, end + _REACH))
        said = self._said.get(span)
        if said is None:
            said = self._said[span] = " ".join(document.flat[span[0] : span[1]].split())
        return said


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
_SUBS = re.compile(r"[(（]([a-z]{1,4})[)）]")
_REACH_BEFORE = 120  # a pinpoint phrase is never longer before its citation


@cache
def _pinpoint_grammar(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, re.Pattern[str], Any]:
    """The lexicon's ``[pinpoints]``: the phrase before a citation, after it, and between numbers."""
    data = lexicon(language).table("pinpoints")
    before, after = data.get("before"), data.get("after")
    return (
        re.compile(before) if before else None,
        re.compile(after) if after else None,
        re.compile(data.get("joiners", r"(?!)")),
        data,
    )


def pinpoint(document: Document, start: int, end: int, kind: str) -> str:
    """The provisions cited inside the target of ``text[start:end]``: "OP11(j)", "Art.2", "Ch.VII" (comma-separated).

    "paragraph 11 (j) of resolution 1244 (1999)" names them before the citation, “第1244(1999)号决议第11段(j)”
    after it; the words and their labels are the lexicon's.
    """
    before, after, joiners, data = _pinpoint_grammar(document.language)
    flat = document.flat
    match = before.search(flat, max(0, start - _REACH_BEFORE), start) if before else None
    if match is None and after is not None:
        match = after.match(flat, end)
    if match is None:
        return ""
    word = match.group("word")
    labels = data["words"].get(word.lower().rstrip("s")) or data["words"].get(word)
    if labels is None:
        return ""
    if not isinstance(labels, str):
        labels = labels[0] if kind in ("resolution", "decision") else labels[-1]
    trailing = "".join(f"({s})" for s in _SUBS.findall(match.groupdict().get("subs") or ""))
    items = [item for item in joiners.split(match.group("numbers")) if item.strip()]
    return ",".join(_provision(labels, item, document.language, labels in data.get("roman", ())) + trailing
                    for item in items)  # fmt: skip


def _provision(label: str, item: str, language: str, roman: bool) -> str:
    """One provision: "11 (j)" → "OP11(j)"; a chapter number in words or digits becomes Roman (第七章 → Ch.VII)."""
    head = _SUBS.sub("", item).strip()
    subs = "".join(f"({s})" for s in _SUBS.findall(item))
    value = int(head) if head.isdecimal() else ordinal_value(head, language) if not head.isupper() else None
    if value is not None and roman:
        head = _roman(value)
    elif value is not None:
        head = str(value)
    return f"{label}{head}{subs}"


def _roman(value: int) -> str:
    out = ""
    for number, letters in _ROMAN:
        while value >= number and value < 40:
            out, value = out + letters, value - number
    return out or str(value)
