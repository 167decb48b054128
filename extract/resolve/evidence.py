"""The evidence of a reference: the sentence (clause) around its mention, tidied, as a reader checks it."""

from __future__ import annotations

import bisect
import re

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
