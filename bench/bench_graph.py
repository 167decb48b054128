"""Graph build and query figures at scale: pyoxigraph (what instrumap uses) beside rdflib's memory store.

    python bench/bench_graph.py                 # ≥20,000 generated documents, about 1 million triples
    python bench/bench_graph.py --documents 2000

The corpus is generated from the real texts (bench/corpus.py), extracted by instrumap, turned into
quads and written once to bench/out/graph-corpus.nq. Each engine then runs in its own process (so its
peak memory is its own): load the same N-Quads, time every saved query, report the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
PARAMS = {"citing": {"target": "untoc"}, "chain": {"from": "A/RES/900/5", "to": "untoc"}}


def make_corpus(documents: int, path: Path) -> dict[str, float]:
    from dataclasses import replace

    from pyoxigraph import Quad, RdfFormat, serialize

    from instrumap.extract.pipeline import extract_document
    from instrumap.extract.read.document import parse_text
    from instrumap.graph.rdf import authority_quads, document_quads, ontology_quads
    from instrumap.ontology.authorities import authority
    from instrumap.ontology.iris import special_graph

    from corpus import generate

    started = time.perf_counter()
    quads: list[Quad] = list(authority_quads(authority(), special_graph("authority")))
    quads += ontology_quads(special_graph("ontology"))
    made = 0
    per_language = documents // 2
    for language in ("en", "zh"):
        # Short documents (0–2 preambular, 1–3 operative paragraphs): about 50 triples each, so that 20,000
        # documents make about a million triples, the size the issue names.
        for i, text in enumerate(
            generate(language, megabytes=per_language * 0.01, seed=11, preambular=(0, 2), operative=(1, 3))
        ):
            if i >= per_language:
                break
            # Each generated document is its own work: give it a distinct symbol.
            extraction = extract_document(parse_text(text, f"gen/{language}/{i}.txt", language))
            meta = extraction.document.metadata
            symbol = (
                f"A/RES/{900 + i // 1000}/{i % 1000}" if language == "en" else f"A/RES/{800 + i // 1000}/{i % 1000}"
            )
            date = f"{1990 + i % 30}-0{1 + i % 9}-1{i % 9}"
            doc = replace(extraction.document, metadata=replace(meta, symbol=symbol, date=date))
            quads += document_quads(replace(extraction, document=doc), f"{i:064x}")
            made += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    serialize(quads, str(path), format=RdfFormat.N_QUADS)
    return {"documents": made, "quads": len(quads), "generate_s": round(time.perf_counter() - started, 1)}


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _timed(fn, repeat: int, timeout: int) -> float | None:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        signal.alarm(timeout)
        started = time.perf_counter()
        try:
            fn()
        except TimeoutError:
            return None
        finally:
            signal.alarm(0)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 4)


def _alarm(*_: object) -> None:
    raise TimeoutError


def engine(name: str, corpus: Path, timeout: int) -> dict[str, object]:
    """Runs in a child process: load, then every saved query; prints one JSON line."""
    signal.signal(signal.SIGALRM, _alarm)
    from instrumap.graph.sparql import bind, saved_queries
    from instrumap.ontology.namespace import PREFIXES

    queries = {q.name: bind(q, PARAMS.get(q.name, {})) for q in saved_queries().values()}
    result: dict[str, object] = {"engine": name}
    started = time.perf_counter()
    if name == "pyoxigraph":
        import shutil

        from instrumap.graph.store import GraphStore

        folder = OUT / "bench-store"
        shutil.rmtree(folder, ignore_errors=True)
        store = GraphStore(folder)
        store.store.bulk_load(path=str(corpus), format=__import__("pyoxigraph").RdfFormat.N_QUADS)
        store.flush()
        result["load_s"] = round(time.perf_counter() - started, 2)
        result["triples"] = len(store)
        result["store_mb"] = round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6, 1)

        def run(text: str) -> None:
            list(store.query(text))  # type: ignore[arg-type]

        write_started = time.perf_counter()
        from instrumap.graph.export import write_turtle

        write_turtle(store, OUT / "bench-graph.ttl")
        result["turtle_s"] = round(time.perf_counter() - write_started, 2)
    else:
        from rdflib import Dataset

        dataset = Dataset(default_union=True)
        dataset.parse(str(corpus), format="nquads")
        result["load_s"] = round(time.perf_counter() - started, 2)
        result["triples"] = len(dataset)

        def run(text: str) -> None:
            list(dataset.query(text, initNs=PREFIXES))

    result["triples_per_s"] = round(int(result["triples"]) / float(result["load_s"]))  # type: ignore[arg-type]
    result["queries"] = {
        name: _timed(lambda t=text: run(t), 3 if name != "co-cited" else 1, timeout) for name, text in queries.items()
    }
    result["peak_mb"] = _peak_mb()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=20_000)
    parser.add_argument("--timeout", type=int, default=120, help="seconds before a query counts as too slow")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(engine(args.engine, args.corpus, args.timeout)))
        return
    corpus = OUT / f"graph-corpus-{args.documents}.nq"
    made = {}
    if not corpus.exists():
        made = make_corpus(args.documents, corpus)
        print(f"generated {made}", flush=True)
    results = {}
    for name in ("pyoxigraph", "rdflib-memory"):
        child = subprocess.run([sys.executable, __file__, "--engine", name, "--corpus", str(corpus), "--timeout", str(args.timeout)],
                               capture_output=True, text=True, cwd=Path(__file__).parent, env=dict(os.environ))  # fmt: skip
        if child.returncode != 0:
            print(child.stderr, file=sys.stderr)
            raise SystemExit(f"{name} failed")
        results[name] = json.loads(child.stdout.strip().splitlines()[-1])
    ox, rd = results["pyoxigraph"], results["rdflib-memory"]
    print(f"{'':24} {'pyoxigraph':>12} {'rdflib memory':>14} {'ratio':>8}")
    for key in ("triples", "load_s", "triples_per_s", "peak_mb"):
        ratio = (rd[key] / ox[key]) if key in ("load_s",) else (ox[key] / rd[key] if key == "triples_per_s" else "")
        print(f"{key:24} {ox[key]:>12} {rd[key]:>14} {ratio if ratio == '' else f'{ratio:.1f}×':>8}")
    print(f"{'store on disk (MB)':24} {ox['store_mb']:>12}")
    print(f"{'write Turtle (s)':24} {ox['turtle_s']:>12}")
    for name, seconds in ox["queries"].items():
        other = rd["queries"][name]
        ratio = f"{other / seconds:.0f}×" if other and seconds else ("> timeout" if other is None else "")
        print(
            f"query {name:18} {seconds:>12} {other if other is not None else '> ' + str(args.timeout):>14} {ratio:>8}"
        )
    OUT.mkdir(exist_ok=True)
    (OUT / "graph.json").write_text(json.dumps({"corpus": made, **results}, indent=1))


if __name__ == "__main__":
    main()
