"""``instrumap extract``: references of documents as a table or JSON Lines."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import IO

import click

from instrumap.cli.app import main
from instrumap.cli.output import jsonl, output_options, output_stream, table, warn
from instrumap.corpus import Problem, extract_paths
from instrumap.extract.lexicon import supported_languages
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text
from instrumap.extract.records import Extraction


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@output_options("table", "jsonl")
@click.option("--language", type=click.Choice(supported_languages()), help="Skip language detection.")
def extract_command(paths: tuple[str, ...], fmt: str, output: Path | None, language: str | None) -> None:
    """Find every reference in documents (files or directories; - reads standard input).

    \b
    Example:
      instrumap extract A_RES_58_140.zh.txt
      instrumap extract corpus/ --format jsonl > references.jsonl
    """
    failures = 0
    results = (
        iter([extract_document(parse_text(sys.stdin.read(), "<stdin>", language))])
        if paths == ("-",)
        else extract_paths(paths, language)
    )
    with output_stream(output) as out:
        for result in results:
            if isinstance(result, Problem):
                warn(result.message)
                failures += 1
            elif fmt == "jsonl":
                jsonl(result.as_json(), out)
            else:
                _write_table(result, out)
    if failures:
        sys.exit(1)


def _write_table(result: Extraction, out: IO[str]) -> None:
    doc = result.document
    symbol = doc.metadata.symbol or "no symbol"
    out.write(f"# {doc.source} ({doc.language}, {symbol}): {len(result.references)} references\n")
    table(
        ((r.paragraph, r.via, r.function, r.kind, r.id if r.resolved else f"{r.id} (unresolved)", r.text[:60])
         for r in result.references),
        ("paragraph", "via", "function", "kind", "target", "text"), out,
    )  # fmt: skip
    for rel in result.relations:
        out.write(f"  {rel.subject} --{rel.predicate}--> {rel.object}\n")
    for problem in result.problems:
        out.write(f"  note: {problem}\n")
