"""End-to-end builds, with 1 and 2 workers: a generated corpus of 100,000 documents, or real texts.

    python bench/bench_build.py                    # 100,000 documents written to bench/out/build-corpus
    python bench/bench_build.py --documents 5000
    python bench/bench_build.py --real 3000        # 3,000 distinct copies of the real development texts, with exports

Reports documents/s and MB/s per run, the scaling efficiency of 2 workers, peak memory (of the
build process and its workers), store size on disk, and the extraction share of the time beside
a bare regex scan of the same files in the same run.

The builds run as `instrumap build --no-exports` does (what the README advises for large corpora):
the store, references.jsonl and problems.jsonl; graph.ttl and graph.html are made on demand.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from corpus import SHARED, generate, source_files

OUT = Path(__file__).parent / "out"
CEILING = re.compile(rb"\b[Rr]esolutions?\s+\d{1,4}/\d{1,4}|\xe7\xac\xac\s*\d{1,4}/\d{1,4}")  # resolution N/N, 第N/N


def write_corpus(folder: Path, documents: int) -> float:
    """Files of 3–14 paragraphs each from the real texts, both languages, each its own document; returns MB."""
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    per_language = documents // 2
    for language in ("en", "zh"):
        texts = generate(
            language, megabytes=per_language * 0.01, seed=5, preambular=(1, 6), operative=(2, 8), distinct=True
        )
        for i, text in enumerate(texts):
            if i >= per_language:
                break
            sub = folder / f"{i // 1000:03d}"
            sub.mkdir(exist_ok=True)
            data = text.encode("utf-8")
            (sub / f"{language}-{i:06d}.{language}.txt").write_bytes(data)
            size += len(data)
    return size / 1e6


def write_real_corpus(folder: Path, documents: int) -> float:
    """``documents`` copies of the real texts (every language), each made its own document by a symbol line."""
    folder.mkdir(parents=True, exist_ok=True)
    texts = [p.read_text(encoding="utf-8") for language in ("en", "zh") for p in source_files(language)]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "pdf").glob("*.txt"))] if SHARED.is_dir() else []
    size = 0
    for n in range(documents):
        text = texts[n % len(texts)]
        language = "zh" if re.search(r"[\u4e00-\u9fff]{20}", text[:3000]) else "en"
        data = f"A/RES/{900 + n // 1000}/{n % 1000}\n{text}".encode()
        sub = folder / f"{n // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"real-{n:06d}.{language}.txt").write_bytes(data)
        size += len(data)
    return size / 1e6


def run_build(corpus: Path, workers: int, exports: bool = False) -> dict[str, float]:
    out = OUT / f"build-{workers}"
    shutil.rmtree(out, ignore_errors=True)
    code = f"""
import json, resource, time, sys
from instrumap.builder import build
started = time.perf_counter()
report = build([{str(corpus)!r}], {str(out)!r}, workers={workers}, exports={exports})
elapsed = time.perf_counter() - started
me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({{"built": report.built, "problems": len(report.problems), "seconds": elapsed, "triples": report.triples,
                  "megabytes": report.megabytes, "peak_mb": me, "worker_peak_mb": kids,
                  "stages": {{k: round(v, 2) for k, v in report.stages.items()}}}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build with {workers} workers failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["store_mb"] = sum(f.stat().st_size for f in (out / "store").rglob("*") if f.is_file()) / 1e6
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--workers", default="1,2", help="worker counts to run, e.g. 1,2")
    parser.add_argument("--real", type=int, default=0, help="build this many copies of the real texts, with exports")
    args = parser.parse_args()
    corpus = OUT / (f"build-real-{args.real}" if args.real else f"build-corpus-{args.documents}")
    if not corpus.exists():
        megabytes = write_real_corpus(corpus, args.real) if args.real else write_corpus(corpus, args.documents)
        print(f"wrote {args.real or args.documents} documents, {megabytes:.0f} MB", flush=True)
    files = sorted(corpus.rglob("*.txt"))
    started = time.perf_counter()
    hits = sum(len(CEILING.findall(path.read_bytes())) for path in files)
    scan = time.perf_counter() - started
    megabytes = sum(p.stat().st_size for p in files) / 1e6
    results = {"documents": len(files), "megabytes": round(megabytes, 1), "regex_scan_s": round(scan, 2),
               "regex_mb_s": round(megabytes / scan, 1), "regex_hits": hits}  # fmt: skip
    for workers in (int(w) for w in args.workers.split(",")):
        figures = run_build(corpus, workers, exports=bool(args.real))
        results[f"workers_{workers}"] = {k: round(v, 2) if isinstance(v, float) else v for k, v in figures.items()}
        print(json.dumps(results[f"workers_{workers}"]), flush=True)
    if "workers_1" not in results or "workers_2" not in results:
        (OUT / "build.json").write_text(json.dumps(results, indent=1))
        return
    one, two = results["workers_1"], results["workers_2"]
    print(f"{'':10} {'seconds':>8} {'docs/s':>8} {'MB/s':>7} {'peak MB':>8} {'worker MB':>10} {'store MB':>9}")
    for name, r in (("1 worker", one), ("2 workers", two)):
        print(f"{name:10} {r['seconds']:>8} {r['built'] / r['seconds']:>8.0f} {r['megabytes'] / r['seconds']:>7.2f} "
              f"{r['peak_mb']:>8.0f} {r['worker_peak_mb']:>10.0f} {r['store_mb']:>9.0f}")  # fmt: skip
    for name, r in (("1 worker", one), ("2 workers", two)):
        shares = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in r["stages"].items())
        print(f"{name:10} stages (summed over workers for extract and rdf): {shares}")
    efficiency = one["seconds"] / (2 * two["seconds"])
    print(f"scaling efficiency with 2 workers: {efficiency:.0%}; regex scan ceiling {results['regex_mb_s']} MB/s "
          f"= {scan / one['seconds']:.1%} of the 1-worker build time")  # fmt: skip
    results["scaling_efficiency"] = round(efficiency, 3)
    (OUT / ("build-real.json" if args.real else "build.json")).write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
