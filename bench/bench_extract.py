"""Extraction throughput in MB/s per core, Chinese and English, beside a bare regex scan.

    python bench/bench_extract.py            # 50 MB per language (about a minute each)
    python bench/bench_extract.py --mb 5     # a quick look

The ceiling is one context regex ("第…号决议" / "resolution N/N") over the same texts in the
same run: what any extractor must at least pay to read the text once.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text

from corpus import generate

CEILING = {
    "zh": re.compile(r"第\s*\d{1,4}\s*/\s*\d{1,4}\s*号决议"),
    "en": re.compile(r"\b[Rr]esolutions?\s+\d{1,4}\s*/\s*\d{1,4}"),
}


def measure(language: str, megabytes: float) -> dict[str, float]:
    texts = list(generate(language, megabytes))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    started = time.perf_counter()
    hits = sum(len(CEILING[language].findall(t)) for t in texts)
    ceiling = time.perf_counter() - started
    extract_document(parse_text(texts[0], language=language))  # lexicons and authority loaded once
    references = 0
    started = time.perf_counter()
    for text in texts:
        references += len(extract_document(parse_text(text, "bench", language)).references)
    elapsed = time.perf_counter() - started
    return {
        "language": language, "documents": len(texts), "megabytes": round(size, 1), "references": references,
        "extract_s": round(elapsed, 2), "extract_mb_s": round(size / elapsed, 2),
        "regex_mb_s": round(size / ceiling, 1), "regex_hits": hits,
        "ratio_regex_over_extract": round((size / ceiling) / (size / elapsed), 1),
        "docs_per_s": round(len(texts) / elapsed, 1),
    }  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=50.0, help="megabytes of generated text per language")
    parser.add_argument("--languages", default="zh,en")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "extract.json")
    args = parser.parse_args()
    results = [measure(lang, args.mb) for lang in args.languages.split(",")]
    print(
        f"{'lang':4} {'docs':>7} {'MB':>6} {'refs':>9} {'extract MB/s':>13} {'regex MB/s':>11} {'ratio':>6} {'docs/s':>8}"
    )
    for r in results:
        print(f"{r['language']:4} {r['documents']:>7} {r['megabytes']:>6} {r['references']:>9} {r['extract_mb_s']:>13} "
              f"{r['regex_mb_s']:>11} {r['ratio_regex_over_extract']:>6} {r['docs_per_s']:>8}")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
