"""``instrumap extract``: references of documents as a table or JSON Lines."""

from __future__ import annotations

import sys

import click

from instrumap.cli.app import main
from instrumap.cli.output import jsonl, table, warn
from instrumap.corpus import Problem, extract_paths
from instrumap.extract.lexicon import supported_languages
from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text


@main.command("extract")
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "jsonl"]),
    default="table",
    show_default=True,
    help="A table to read, or JSON Lines (one object per document) for other tools.",
)
@click.option("--language", type=click.Choice(supported_languages()), help="Skip language detection.")
def extract_command(paths: tuple[str, ...], fmt: str, language: str | None) -> None:
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
    for result in results:
        if isinstance(result, Problem):
            warn(result.message)
            failures += 1
            continue
        if fmt == "jsonl":
            jsonl(result.as_json())
            continue
        doc = result.document
        symbol = doc.metadata.symbol or "no symbol"
        click.echo(f"# {doc.source} ({doc.language}, {symbol}): {len(result.references)} references")
        table(
            ((r.paragraph, r.via, r.function, r.kind, r.id if r.resolved else f"{r.id} (unresolved)", r.text[:60])
             for r in result.references),
            ("paragraph", "via", "function", "kind", "target", "text"),
        )  # fmt: skip
        for rel in result.relations:
            click.echo(f"  {rel.subject} --{rel.predicate}--> {rel.object}")
    if failures:
        sys.exit(1)
