"""``instrumap evaluate``: precision, recall and F1 of extraction against gold files."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import click

from instrumap.cli.app import UserError, main
from instrumap.cli.output import output_options, output_stream, table, warn
from instrumap.corpus import Problem, extract_paths
from instrumap.extract.evaluate import DocumentScore, Tally, gold_for, load_gold, score_document, summarize


def _records(paths: tuple[str, ...]) -> list[dict[str, object]]:
    records: list[dict[str, object]] = []
    documents = [p for p in paths if not p.endswith(".jsonl")]
    for path in (p for p in paths if p.endswith(".jsonl")):
        try:
            with open(path, encoding="utf-8") as fh:
                records += [json.loads(line) for line in fh if line.strip()]
        except (OSError, json.JSONDecodeError) as exc:
            raise UserError(f"{path}: cannot read extraction output ({exc})") from None
    for result in extract_paths(documents):
        if isinstance(result, Problem):
            warn(result.message)
        else:
            records.append(result.as_json())
    return records


@main.command("evaluate")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--gold",
    "gold_dir",
    required=True,
    type=click.Path(exists=True, file_okay=True),
    help="A gold file, or a folder of them named like the documents (A_RES_58_140.zh.json).",
)
@output_options("table", "json")
@click.option("--details/--no-details", default=True, show_default=True, help="List misses and extras.")
def evaluate_command(paths: tuple[str, ...], gold_dir: str, fmt: str, output: Path | None, details: bool) -> None:
    """Score extraction (documents, or JSON Lines from `extract --format jsonl`) against gold files.

    \b
    Example:
      instrumap evaluate A_RES_58_140.zh.txt --gold gold/
      instrumap extract corpus/ --format jsonl > out.jsonl && instrumap evaluate out.jsonl --gold gold/
    """
    gold_path = Path(gold_dir)
    gold_files = sorted(gold_path.glob("*.json")) if gold_path.is_dir() else [gold_path]
    scores: list[DocumentScore] = []
    for record in _records(paths):
        gold_file = gold_files[0] if len(gold_files) == 1 and not gold_path.is_dir() else gold_for(
            str(record["source"]), gold_files)  # fmt: skip
        if gold_file is None:
            warn(f"{record['source']}: no gold file, skipped")
            continue
        scores.append(score_document(record, load_gold(gold_file)))
    if not scores:
        raise UserError("nothing to score: no document has a gold file")
    summary = summarize(scores)
    with output_stream(output) as out, contextlib.redirect_stdout(out):
        if fmt == "json":
            json.dump(_as_json(scores, summary), out, ensure_ascii=False, indent=1)
            out.write("\n")
        else:
            _print(scores, summary, details)


def _row(name: str, t: Tally) -> tuple[object, ...]:
    return (name, t.tp, t.fp, t.fn, t.precision, t.recall, t.f1)


def _print(scores: list[DocumentScore], summary: dict[str, object], details: bool) -> None:
    headers = ("", "tp", "fp", "fn", "precision", "recall", "f1")
    click.echo("Targets per document")
    table([_row(Path(s.source).name, s.targets) for s in scores], headers)
    click.echo("\nTargets per kind")
    table([_row(k, t) for k, t in sorted(summary["by_kind"].items())], headers)  # type: ignore[union-attr]
    click.echo("\nTargets per language")
    table([_row(k, t) for k, t in sorted(summary["by_language"].items())], headers)  # type: ignore[union-attr]
    click.echo("\nOverall")
    table([_row(n, summary[n]) for n in ("targets", "relations", "functions", "paragraphs")], headers)  # type: ignore[arg-type]
    if details:
        for s in scores:
            lines = [f"  miss   {m}" for m in s.misses] + [f"  extra  {e}" for e in s.extras]
            lines += [f"  miss   relation {m}" for m in s.relation_misses]
            lines += [f"  extra  relation {e}" for e in s.relation_extras]
            if lines:
                click.echo(f"\n{Path(s.source).name}")
                click.echo("\n".join(lines))


def _tally(t: Tally) -> dict[str, float]:
    return {"tp": t.tp, "fp": t.fp, "fn": t.fn, "precision": t.precision, "recall": t.recall, "f1": t.f1}


def _as_json(scores: list[DocumentScore], summary: dict[str, object]) -> dict[str, object]:
    return {
        "documents": [{"source": s.source, "language": s.language, "targets": _tally(s.targets),
                       "relations": _tally(s.relations), "misses": s.misses, "extras": s.extras,
                       "relation_misses": s.relation_misses, "relation_extras": s.relation_extras}
                      for s in scores],
        "by_kind": {k: _tally(t) for k, t in summary["by_kind"].items()},  # type: ignore[union-attr]
        "by_language": {k: _tally(t) for k, t in summary["by_language"].items()},  # type: ignore[union-attr]
        **{n: _tally(summary[n]) for n in ("targets", "relations", "functions", "paragraphs")},  # type: ignore[arg-type]
    }  # fmt: skip
