"""Does a quick query get an answer while slow ones run? ASK latency on `instrumap serve` with its defaults.

    python bench/bench_fairness.py [--runs 3] [--slow 2]

Builds the seed resolution into a store, then for each run starts a fresh `instrumap serve` (default
workers and timeout), sends ``--slow`` queries that run until the server's timeout, and while they
run sends 10 quick ASK queries one after another. Beside it, in the same run, the ceiling: the same
ASK queries on the idle server. Prints min and median over the runs of: the idle median, the first
ASK sent while the slow queries run, and the median and max of the ten.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from instrumap.builder import build
from instrumap.graph.local_endpoint import local_endpoint

OUT = Path(__file__).parent / "out"
SEED = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "corpus" / "A_RES_58_140.zh.txt"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
QUICK = "ASK { ?s ?p ?o }"


def ask(url: str, query: str, timeout: float = 120) -> float:
    """Seconds until ``query`` is answered (any status: a refusal is an answer too)."""
    body = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=body, headers={"Accept": "application/sparql-results+json"})
    started = time.perf_counter()
    with contextlib.suppress(urllib.error.HTTPError):
        urllib.request.urlopen(request, timeout=timeout).read()
    return time.perf_counter() - started


def one_run(store: Path, slow: int) -> dict[str, float]:
    with local_endpoint(store) as url:
        ask(url, QUICK)  # warm the workers
        idle = statistics.median(ask(url, QUICK) for _ in range(10))
        threads = [threading.Thread(target=ask, args=(url, SLOW), daemon=True) for _ in range(slow)]
        for thread in threads:
            thread.start()
        time.sleep(1.0)  # the slow queries are running
        busy = [ask(url, QUICK) for _ in range(10)]
    return {"idle_ask_ms": idle * 1000, "busy_first_ask_ms": busy[0] * 1000,
            "busy_median_ask_ms": statistics.median(busy) * 1000, "busy_max_ask_ms": max(busy) * 1000}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--slow", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        build([SEED], Path(tmp) / "out")
        runs = [one_run(Path(tmp) / "out", args.slow) for _ in range(args.runs)]
    result = {
        key: {"min": round(min(r[key] for r in runs), 1), "median": round(statistics.median(r[key] for r in runs), 1)}
        for key in runs[0]
    }
    result["slow_queries"] = args.slow  # type: ignore[assignment]
    print(json.dumps(result, indent=1))
    OUT.mkdir(exist_ok=True)
    (OUT / "fairness.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
