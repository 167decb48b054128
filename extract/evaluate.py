"""Scoring extraction output against hand-checked gold files (format: ``gold/README.md``).

Per document, over distinct targets: a reported target is correct when it is in the gold
``references`` (or ``optional``, which is neither rewarded nor penalized). Resolutions,
decisions and documents match by normalized symbol (so the organ must be right);
instruments and meetings by English title or by any alias the gold file lists.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from instrumap.ontology.authorities import normalize_name

SYMBOL_KINDS = ("resolution", "decision", "document")


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Tally) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class DocumentScore:
    source: str
    language: str
    targets: Tally = field(default_factory=Tally)
    by_kind: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relations: Tally = field(default_factory=Tally)
    functions: Tally = field(default_factory=Tally)
    paragraphs: Tally = field(default_factory=Tally)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    relation_misses: list[str] = field(default_factory=list)
    relation_extras: list[str] = field(default_factory=list)


def _gold_keys(entry: dict[str, object]) -> set[str]:
    keys = set()
    if entry.get("id"):
        keys.add(normalize_name(str(entry["id"])))
    if entry.get("label_en"):
        keys.add(normalize_name(str(entry["label_en"])))
    for alias in entry.get("aliases", []) or []:  # type: ignore[attr-defined]
        keys.add(normalize_name(str(alias)))
    return keys


def _predicted_targets(output: dict[str, object]) -> dict[str, dict[str, object]]:
    """Distinct targets of one extraction record: id → names, kind, functions, paragraphs."""
    targets: dict[str, dict[str, object]] = {}
    for ref in output["references"]:  # type: ignore[union-attr]
        t = targets.setdefault(
            ref["id"], {"kind": ref["kind"], "names": set(), "functions": set(), "paragraphs": set()}
        )
        names: set[str] = t["names"]  # type: ignore[assignment]
        names.add(normalize_name(ref["id"]))
        names.add(normalize_name(ref["text"]))
        for label in ref.get("label", {}).values():
            names.add(normalize_name(label))
        if ref.get("function"):
            t["functions"].add(ref["function"])  # type: ignore[union-attr]
        t["paragraphs"].add(ref["paragraph"])  # type: ignore[union-attr]
    return targets


def _matches(target: dict[str, object], gold: dict[str, object]) -> bool:
    if gold.get("kind") in SYMBOL_KINDS and not gold.get("id"):
        # A document with no symbol (a treaty body's general comment): by label or alias, as instruments.
        return target["kind"] in SYMBOL_KINDS and bool(_gold_keys(gold) & target["names"])  # type: ignore[operator]
    if gold.get("kind") in SYMBOL_KINDS or target["kind"] in SYMBOL_KINDS:
        return bool(gold.get("id")) and normalize_name(str(gold["id"])) in target["names"]  # type: ignore[operator]
    return bool(_gold_keys(gold) & target["names"])  # type: ignore[operator]


def score_document(output: dict[str, object], gold: dict[str, object]) -> DocumentScore:
    """Compare one extraction record with one gold file."""
    language = str(gold.get("document", {}).get("language", ""))  # type: ignore[union-attr]
    score = DocumentScore(str(output.get("source", "")), language)
    predicted = _predicted_targets(output)
    references = list(gold.get("references", []))  # type: ignore[call-overload]
    optional = list(gold.get("optional", []))  # type: ignore[call-overload]
    matched: dict[str, str] = {}  # predicted id → gold key
    for entry in references:
        kind = str(entry.get("kind"))
        hit = next((pid for pid, t in predicted.items() if _matches(t, entry)), None)
        name = str(entry.get("id") or entry.get("label_en"))
        if hit is None:
            score.targets.fn += 1
            score.by_kind[kind].fn += 1
            score.misses.append(f"{kind} {name}")
            continue
        score.targets.tp += 1
        score.by_kind[kind].tp += 1
        for pid, t in predicted.items():
            if _matches(t, entry):
                matched[pid] = name
        _compare_sets(score.functions, predicted[hit]["functions"], set(entry.get("functions", [])))  # type: ignore[arg-type]
        _compare_sets(score.paragraphs, predicted[hit]["paragraphs"], set(entry.get("paragraphs", [])))  # type: ignore[arg-type]
    for pid, t in predicted.items():
        if pid in matched or any(_matches(t, entry) for entry in optional):
            continue
        score.targets.fp += 1
        score.by_kind[str(t["kind"])].fp += 1
        score.extras.append(f"{t['kind']} {pid}")
    _score_relations(score, output, gold, predicted, references)
    return score


def _compare_sets(tally: Tally, predicted: set[str], gold: set[str]) -> None:
    tally.tp += len(predicted & gold)
    tally.fp += len(predicted - gold)
    tally.fn += len(gold - predicted)


def _score_relations(score: DocumentScore, output: dict[str, object], gold: dict[str, object],
                     predicted: dict[str, dict[str, object]], references: list[dict[str, object]]) -> None:  # fmt: skip
    def gold_entry_for(name: str) -> dict[str, object] | None:
        key = normalize_name(name)
        return next((e for e in references if key in _gold_keys(e)), None)

    def same(pred_id: str, gold_name: str) -> bool:
        if normalize_name(pred_id) == normalize_name(gold_name):
            return True
        entry = gold_entry_for(gold_name)
        target = predicted.get(pred_id)
        return entry is not None and target is not None and _matches(target, entry)

    gold_relations = list(gold.get("relations", []))  # type: ignore[call-overload]
    used: set[int] = set()
    for rel in output.get("relations", []):  # type: ignore[union-attr]
        hit = next((i for i, g in enumerate(gold_relations) if i not in used and g["predicate"] == rel["predicate"]
                    and same(rel["subject"], g["subject"]) and same(rel["object"], g["object"])), None)  # fmt: skip
        if hit is None:
            score.relations.fp += 1
            score.relation_extras.append(f"{rel['subject']} {rel['predicate']} {rel['object']}")
        else:
            used.add(hit)
            score.relations.tp += 1
    for i, g in enumerate(gold_relations):
        if i not in used:
            score.relations.fn += 1
            score.relation_misses.append(f"{g['subject']} {g['predicate']} {g['object']}")


def load_gold(path: str | Path) -> dict[str, object]:
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)  # type: ignore[no-any-return]


def gold_for(source: str, gold_files: Iterable[Path]) -> Path | None:
    """The gold file named like ``source`` (``A_RES_58_140.zh.txt`` → ``A_RES_58_140.zh.json``)."""
    stem = Path(source).name.rsplit(".", 1)[0]
    return next((g for g in gold_files if g.name.rsplit(".", 1)[0] == stem), None)


def summarize(scores: list[DocumentScore]) -> dict[str, object]:
    """Totals over documents: overall, per kind and per language, plus relations, functions and paragraphs."""
    total, relations, functions, paragraphs = Tally(), Tally(), Tally(), Tally()
    by_kind: dict[str, Tally] = defaultdict(Tally)
    by_language: dict[str, Tally] = defaultdict(Tally)
    for s in scores:
        total.add(s.targets)
        relations.add(s.relations)
        functions.add(s.functions)
        paragraphs.add(s.paragraphs)
        by_language[s.language].add(s.targets)
        for kind, tally in s.by_kind.items():
            by_kind[kind].add(tally)
    return {"targets": total, "by_kind": dict(by_kind), "by_language": dict(by_language), "relations": relations,
            "functions": functions, "paragraphs": paragraphs}  # fmt: skip
