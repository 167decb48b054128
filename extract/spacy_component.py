"""The spaCy component ``instrumap_references``: the extraction engine's results as spans.

The engine finds on the raw text (spaCy's Chinese tokenizer splits ``57/173`` into single
characters, and tokenizing is slower than the whole extraction), so the component runs the
same pipeline as the CLI on ``doc.text`` and maps each reference to a span with
``char_span(..., alignment_mode="expand")``.

    nlp = spacy.blank("zh")
    nlp.add_pipe("instrumap_references")
    doc = nlp(text)
    [(s.text, s.label_, s.id_) for s in doc.spans["instrumap"]]
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from instrumap.extract.lexicon import supported_languages
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text

if not Span.has_extension("instrumap"):
    Span.set_extension("instrumap", default=None)
if not Doc.has_extension("instrumap_relations"):
    Doc.set_extension("instrumap_relations", default=None)


class ReferenceComponent:
    """Writes ``doc.spans[spans_key]``: one span per reference, label = kind, ``id_`` = canonical id.

    ``span._.instrumap`` holds the reference as in the JSON Lines contract (paragraph, function,
    uri, label …); ``doc._.instrumap_relations`` the relations the text states.
    """

    def __init__(self, nlp: Language, name: str, spans_key: str, language: str | None) -> None:
        self.name = name
        self.spans_key = spans_key
        self.language = language or (nlp.lang if nlp.lang in supported_languages() else None)

    def __call__(self, doc: Doc) -> Doc:
        extraction = extract_document(parse_text(doc.text, f"<spacy:{self.name}>", self.language))
        spans: list[Span] = []
        for ref in extraction.references:
            span = doc.char_span(ref.start, ref.end, label=ref.kind, kb_id=ref.uri,
                                 alignment_mode="expand", span_id=ref.id)  # fmt: skip
            if span is None:
                continue
            span._.instrumap = ref.as_json()
            spans.append(span)
        doc.spans[self.spans_key] = spans
        doc._.instrumap_relations = [r.as_json() for r in extraction.relations]
        return doc

    def initialize(self, get_examples: Any = None, *, nlp: Language | None = None) -> None:
        """Nothing to learn: the lexicons and authority data ship with the package."""

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "cfg.json").write_text(json.dumps({"spans_key": self.spans_key, "language": self.language}))

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> ReferenceComponent:
        cfg = json.loads((Path(path) / "cfg.json").read_text())
        self.spans_key = cfg["spans_key"]
        self.language = cfg["language"]
        return self


@Language.factory(
    "instrumap_references",
    default_config={"spans_key": "instrumap", "language": None},
    assigns=["doc.spans"],
)
def make_reference_component(nlp: Language, name: str, spans_key: str, language: str | None) -> ReferenceComponent:
    """Factory registered under ``spacy_factories``, so ``nlp.add_pipe("instrumap_references")`` needs no import."""
    return ReferenceComponent(nlp, name, spans_key, language)
