"""Extraction throughput in MB/s per core, Chinese and English: the CLI path and the library path,
beside a bare regex scan of the same texts in the same run.

    python bench/bench_extract.py              # 20 MB per language, 3 runs of each path
    python bench/bench_extract.py --mb 5       # a quick look

- **CLI path**: ``instrumap extract DIR --format jsonl > file`` in a fresh process, as a user runs it:
  reading the files, detecting their language, extracting, writing JSON Lines to a file.
- **library path**: ``extract_document(parse_text(text, language=…))`` in this process.
- **ceiling**: one context regex ("第…号决议" / "resolution N/N") over the same texts: what any
  extractor must at least pay to read the text once.
Each is run 3 times; the table gives the minimum and the median (MB/s from the best and median time).
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from instrumap.extract.pipeline import extract_document
from instrumap.extract.read.document import parse_text

from corpus import generate

CEILING = {
    "zh": re.compile(r"第\s*\d{1,4}\s*/\s*\d{1,4}\s*号决议"),
    "en": re.compile(r"\b[Rr]esolutions?\s+\d{1,4}\s*/\s*\d{1,4}"),
}


def _cpu() -> float:
    """CPU seconds of this process and its finished children: per-core cost, whatever else the machine runs."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object], repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU seconds of ``repeat`` runs."""
    wall, cpu = [], []
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), _cpu()
        run()
        wall.append(time.perf_counter() - started)
        cpu.append(_cpu() - started_cpu)
    return wall, cpu


def cli_run(folder: Path, out: Path) -> None:
    with out.open("w", encoding="utf-8") as sink:
        command = [sys.executable, "-m", "instrumap", "extract", str(folder), "--format", "jsonl"]
        subprocess.run(command, stdout=sink, check=True)


def measure(language: str, megabytes: float, repeat: int, work: Path) -> dict[str, object]:
    texts = list(generate(language, megabytes))
    size = sum(len(t.encode("utf-8")) for t in texts) / 1_000_000
    folder = work / language
    folder.mkdir()
    for i, text in enumerate(texts):
        (folder / f"doc{i:05d}.{language}.txt").write_text(text, encoding="utf-8")
    extract_document(parse_text(texts[0], language=language))  # lexicons and authority loaded once

    def library() -> None:
        for text in texts:
            extract_document(parse_text(text, "bench", language))

    runs = {
        "regex": timed(lambda: [CEILING[language].findall(t) for t in texts], repeat),
        "library": timed(library, repeat),
        "cli": timed(lambda: cli_run(folder, work / f"{language}.jsonl"), repeat),
    }
    references = sum(len(json.loads(line)["references"]) for line in (work / f"{language}.jsonl").open())
    result: dict[str, object] = {"language": language, "documents": len(texts), "megabytes": round(size, 1),
                                 "references": references}  # fmt: skip
    for name, (wall, cpu) in runs.items():
        result[f"{name}_mb_s_best"] = round(size / min(wall), 2)
        result[f"{name}_mb_s_median"] = round(size / statistics.median(wall), 2)
        result[f"{name}_cpu_mb_s_best"] = round(size / min(cpu), 2)
        result[f"{name}_cpu_mb_s_median"] = round(size / statistics.median(cpu), 2)
        result[f"{name}_s"] = [round(t, 2) for t in wall]
        result[f"{name}_cpu_s"] = [round(t, 2) for t in cpu]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes of generated text per language")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--languages", default="zh,en")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "extract.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        results = [measure(lang, args.mb, args.repeat, Path(tmp)) for lang in args.languages.split(",")]
    print("MB/s: best / median of the runs; wall clock, and per CPU second (the per-core figure on a busy machine)")
    print(f"{'lang':4} {'docs':>6} {'MB':>5} {'refs':>8}  {'path':8} {'wall best/med':>15}  {'CPU best/med':>15}")
    for r in results:
        for path in ("cli", "library", "regex"):
            print(f"{r['language']:4} {r['documents']:>6} {r['megabytes']:>5} {r['references']:>8}  {path:8} "
                  f"{r[f'{path}_mb_s_best']:>7} / {r[f'{path}_mb_s_median']:<6}  "
                  f"{r[f'{path}_cpu_mb_s_best']:>7} / {r[f'{path}_cpu_mb_s_median']:<6}")  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
