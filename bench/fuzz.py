"""Long fuzzing runs: mutated real documents through the whole extraction, none may crash or hang.

    python bench/fuzz.py --inputs 200000 --workers 2

Each input is a slice of a real text (the corpora, or the copies in tests/fixtures) after a few
mutations (``bench/mutate.py``). Reports inputs run, crashes (with a reproducer seed), the slowest
inputs and their time per kilobyte; writes ``bench/out/fuzz.json``. Exit code 1 when anything crashed.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from mutate import mutate

from corpus import source_files

OUT = Path(__file__).parent / "out"


def _texts() -> list[tuple[str, str]]:
    return [(lang, p.read_text(encoding="utf-8")) for lang in ("en", "zh") for p in source_files(lang)]


def run_chunk(first_seed: int, count: int) -> dict[str, object]:
    from instrumap import extract_text
    from instrumap.extract.errors import InputError

    texts = _texts()
    slowest: list[tuple[float, int, int]] = []
    crashes: list[dict[str, object]] = []
    for seed in range(first_seed, first_seed + count):
        rng = random.Random(seed)
        language, source = rng.choice(texts)
        start = rng.randrange(max(1, len(source) - 200))
        text = mutate(source[start : start + rng.randint(200, 8000)], rng)
        started = time.perf_counter()
        try:
            record = extract_text(text, language=language).as_json()
            if any(text[r["start"] : r["end"]] != r["text"] for r in record["references"]):
                raise AssertionError("an offset does not point at its mention")
        except InputError:
            pass
        except Exception:  # what fuzzing is for: every other exception is a crash to report
            crashes.append({"seed": seed, "error": traceback.format_exc(limit=3)[-600:]})
        slowest.append((time.perf_counter() - started, seed, len(text)))
        slowest = sorted(slowest, reverse=True)[:10]
    return {"inputs": count, "crashes": crashes, "slowest": slowest}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--inputs", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    chunk = 1000
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        futures = [pool.submit(run_chunk, args.seed + i, min(chunk, args.inputs - i)) for i in range(0, args.inputs, chunk)]
        results = [f.result() for f in futures]
    elapsed = time.perf_counter() - started
    crashes = [c for r in results for c in r["crashes"]]  # type: ignore[union-attr]
    slowest = sorted((s for r in results for s in r["slowest"]), reverse=True)[:10]  # type: ignore[union-attr]
    summary = {"inputs": args.inputs, "seconds": round(elapsed, 1), "crashes": len(crashes),
               "slowest": [{"seconds": round(t, 3), "seed": s, "characters": n, "ms_per_kb": round(1e6 * t / max(n, 1), 2)}
                           for t, s, n in slowest], "crash_details": crashes[:20]}  # fmt: skip
    OUT.mkdir(exist_ok=True)
    (OUT / "fuzz.json").write_text(json.dumps(summary, indent=1))
    print(f"{args.inputs} inputs in {elapsed:.0f} s, {len(crashes)} crashes")
    for item in summary["slowest"][:5]:  # type: ignore[index]
        print(f"  slowest: {item}")
    for crash in crashes[:5]:
        print(f"  crash (seed {crash['seed']}): {crash['error']}")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
