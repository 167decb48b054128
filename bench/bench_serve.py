"""Load test of the SPARQL endpoint: 2 clients × 500 queries on the ~1M-triple generated store.

    python bench/bench_serve.py          # needs bench/out/bench-store (bench_graph.py builds it)

Starts `instrumap serve` on a free loopback port, runs two client threads (SPARQLWrapper) through
a fixed mix of queries, and prints the latency distribution (p50, p95, p99) and the error count.
"""

from __future__ import annotations

import json
import statistics
import threading
import time
from pathlib import Path

from SPARQLWrapper import JSON, POST, SPARQLWrapper

from instrumap.graph.local_endpoint import local_endpoint

OUT = Path(__file__).parent / "out"
MIX = [
    "SELECT ?p ?q WHERE { ?c cito:hasCitedEntity <https://undocs.org/A/RES/55/25> ; im:paragraph ?p ; im:quotedText ?q } LIMIT 50",
    "ASK { <https://undocs.org/A/RES/900/5> cito:cites ?x }",
    "SELECT ?s WHERE { ?d im:symbol ?s } LIMIT 100",
    "SELECT ?t (COUNT(?d) AS ?n) WHERE { ?d cito:cites ?t } GROUP BY ?t ORDER BY DESC(?n) LIMIT 10",
    "SELECT ?step WHERE { <https://undocs.org/A/RES/900/7> cito:cites* ?step . ?step cito:cites* <https://w3id.org/instrumap/instrument/untoc> }",
    "SELECT ?r ?i WHERE { ?r im:adopts ?i } LIMIT 200",
    "SELECT ?label WHERE { <https://w3id.org/instrumap/instrument/untoc> skos:prefLabel ?label }",
    "SELECT (COUNT(?c) AS ?n) WHERE { ?c cito:hasCitedEntity <https://w3id.org/instrumap/instrument/uncac> }",
]


def main() -> None:
    store = OUT / "bench-store"
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()

    def client(url: str, offset: int) -> None:
        wrapper = SPARQLWrapper(url)
        wrapper.setMethod(POST)
        wrapper.setReturnFormat(JSON)
        for i in range(500):
            wrapper.setQuery("PREFIX im: <https://w3id.org/instrumap/ontology#> PREFIX cito: <http://purl.org/spar/cito/> "
                             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> " + MIX[(i + offset) % len(MIX)])  # fmt: skip
            started = time.perf_counter()
            try:
                wrapper.query().convert()
                with lock:
                    latencies.append(time.perf_counter() - started)
            except Exception as exc:  # counted and reported, the load goes on
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])

    with local_endpoint(store, "--workers", "2", "--timeout", "30") as url:
        started = time.perf_counter()
        threads = [threading.Thread(target=client, args=(url, n)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
    ordered = sorted(latencies)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(p * len(ordered)))] * 1000, 1) if ordered else 0.0

    result = {"queries": len(latencies) + len(errors), "errors": len(errors), "wall_s": round(wall, 1),
              "qps": round(len(latencies) / wall, 1), "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99),
              "mean_ms": round(statistics.mean(latencies) * 1000, 1) if latencies else 0.0, "first_errors": errors[:3]}  # fmt: skip
    print(json.dumps(result, indent=1))
    (OUT / "serve.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
