"""Graph load and query figures at scale: pyoxigraph (what instrumap uses) beside rdflib's memory store.

    python bench/bench_graph.py                          # 1 million and 2 million triples
    python bench/bench_graph.py --triples 200000 --cap 10

The corpus is generated from the real texts (bench/corpus.py), extracted by instrumap, turned into
quads and written once per size to bench/out/graph-corpus-<triples>.nq (the smaller corpus is the
start of the larger one). Each engine then runs in its own process (so its peak memory is its own):
pyoxigraph bulk-loads the N-Quads and materializes the query summary as a build does; rdflib's memory
store parses the same N-Quads and the same summary. Every saved query runs 3 times on each: min and
median. A run of rdflib over ``--cap`` seconds is stopped and reported as "> cap". The "plain form" column
is pyoxigraph again, running the queries as first written (tests/fixtures/reference-queries: no summary).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).parent / "out"
# The saved queries in their plain form (over the document graphs alone, no summary): the "before" column.
PLAIN = Path(__file__).parents[1] / "tests" / "fixtures" / "reference-queries"
PARAMS = {"citing": {"target": "untoc"}, "chain": {"from": "A/RES/900/179", "to": "untoc"}}
RUNS = 3


def _documents():  # type: ignore[no-untyped-def]
    """Generated documents, English and Chinese in turn, each its own work (symbol and date of its own)."""
    from dataclasses import replace

    from instrumap.extract.pipeline import extract_document
    from instrumap.extract.read.document import parse_text

    from corpus import generate

    # Short documents (0–2 preambular, 1–3 operative paragraphs): about 100 triples each.
    streams = {
        language: generate(language, megabytes=1e6, seed=11, preambular=(0, 2), operative=(1, 3))
        for language in ("en", "zh")
    }
    for i in range(10**9):
        for language, session in (("en", 900), ("zh", 800)):
            extraction = extract_document(parse_text(next(streams[language]), f"gen/{language}/{i}.txt", language))
            meta = extraction.document.metadata
            meta = replace(
                meta, symbol=f"A/RES/{session + i // 1000}/{i % 1000}", date=f"{1990 + i % 30}-0{1 + i % 9}-1{i % 9}"
            )
            yield replace(extraction, document=replace(extraction.document, metadata=meta)), f"{i:032x}{session:032x}"


def make_corpora(sizes: list[int]) -> dict[int, dict[str, float]]:
    """One N-Quads file per size (in triples); each is the authority, the ontology and documents until the size."""
    from pyoxigraph import Quad, RdfFormat, serialize

    from instrumap.graph.rdf import authority_quads, document_quads, ontology_quads
    from instrumap.ontology.authorities import authority
    from instrumap.ontology.iris import special_graph

    started = time.perf_counter()
    quads: list[Quad] = list(authority_quads(authority(), special_graph("authority")))
    quads += ontology_quads(special_graph("ontology"))
    made: dict[int, dict[str, float]] = {}
    todo = sorted(sizes)
    for documents, (extraction, digest) in enumerate(_documents(), 1):
        quads += document_quads(extraction, digest)
        if len(quads) >= todo[0]:
            size = todo.pop(0)
            path = corpus_path(size)
            path.parent.mkdir(parents=True, exist_ok=True)
            serialize(quads, str(path), format=RdfFormat.N_QUADS)
            made[size] = {
                "documents": documents,
                "quads": len(quads),
                "generate_s": round(time.perf_counter() - started, 1),
            }
            print(f"generated {path.name}: {made[size]}", flush=True)
            if not todo:
                return made
    return made


def make_corpus(documents: int, path: Path) -> dict[str, float]:
    """One N-Quads file of the authority, the ontology and the first ``documents`` generated documents."""
    from pyoxigraph import Quad, RdfFormat, serialize

    from instrumap.graph.rdf import authority_quads, document_quads, ontology_quads
    from instrumap.ontology.authorities import authority
    from instrumap.ontology.iris import special_graph

    started = time.perf_counter()
    quads: list[Quad] = list(authority_quads(authority(), special_graph("authority")))
    quads += ontology_quads(special_graph("ontology"))
    for made, (extraction, digest) in enumerate(_documents()):
        if made >= documents:
            break
        quads += document_quads(extraction, digest)
    path.parent.mkdir(parents=True, exist_ok=True)
    serialize(quads, str(path), format=RdfFormat.N_QUADS)
    return {"documents": documents, "quads": len(quads), "generate_s": round(time.perf_counter() - started, 1)}


def corpus_path(size: int) -> Path:
    return OUT / f"graph-corpus-{size}.nq"


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _timed(fn, cap: int) -> dict[str, float] | None:  # type: ignore[no-untyped-def]
    """Min and median of RUNS runs, and the rows; None when a run goes over ``cap`` seconds (the rest are not run)."""
    times = []
    for _ in range(RUNS):
        signal.alarm(cap)
        started = time.perf_counter()
        try:
            found = len(fn())
        except TimeoutError:
            return None
        finally:
            signal.alarm(0)
        times.append(time.perf_counter() - started)
    return {"min": round(min(times), 4), "median": round(statistics.median(times), 4), "rows": found}


def _alarm(*_: object) -> None:
    raise TimeoutError


def _pyoxigraph(corpus: Path, summary: Path, result: dict[str, object]):  # type: ignore[no-untyped-def]
    from pyoxigraph import RdfFormat, serialize

    from instrumap.graph.export import write_turtle
    from instrumap.graph.store import GraphStore
    from instrumap.graph.summary import refresh_summary
    from instrumap.ontology.iris import special_graph

    folder = OUT / "bench-store"
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    store = GraphStore(folder)
    store.store.bulk_load(path=str(corpus), format=RdfFormat.N_QUADS)
    store.flush()
    result["load_s"] = round(time.perf_counter() - started, 2)
    result["quads_loaded"] = len(store)
    started = time.perf_counter()
    refresh_summary(store)
    store.flush()
    result["summary_s"] = round(time.perf_counter() - started, 2)
    serialize(store.quads([special_graph("summary")]), str(summary), format=RdfFormat.N_QUADS)  # the same summary for rdflib
    result["triples"] = len(store)
    result["summary_triples"] = len(store) - int(result["quads_loaded"])  # type: ignore[call-overload]
    result["store_mb"] = round(sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6, 1)
    started = time.perf_counter()
    write_turtle(store, OUT / "bench-graph.ttl")
    result["turtle_s"] = round(time.perf_counter() - started, 2)
    return lambda text: list(store.query(text))  # type: ignore[arg-type]


def _rdflib(corpus: Path, summary: Path, result: dict[str, object]):  # type: ignore[no-untyped-def]
    from rdflib import Dataset

    from instrumap.ontology.namespace import PREFIXES

    started = time.perf_counter()
    dataset = Dataset(default_union=True)
    dataset.parse(str(corpus), format="nquads")
    dataset.parse(str(summary), format="nquads")
    result["load_s"] = round(time.perf_counter() - started, 2)
    result["triples"] = len(dataset)
    return lambda text: list(dataset.query(text, initNs=PREFIXES))


def engine(name: str, corpus: Path, cap: int) -> dict[str, object]:
    """Runs in a child process: load, then every saved query; prints one JSON line."""
    signal.signal(signal.SIGALRM, _alarm)
    from instrumap.graph.sparql import SavedQuery, bind, saved_queries
    from instrumap.ontology.iris import base

    queries = {q.name: bind(q, PARAMS.get(q.name, {})) for q in saved_queries().values()}
    result: dict[str, object] = {"engine": name}
    summary = corpus.with_suffix(".summary.nq")
    run = (_pyoxigraph if name == "pyoxigraph" else _rdflib)(corpus, summary, result)
    result["triples_per_s"] = round(int(result["triples"]) / float(result["load_s"]))  # type: ignore[arg-type]
    result["queries"] = {name: _timed(lambda t=text: run(t), cap) for name, text in queries.items()}
    if name == "pyoxigraph":
        plain = {n: bind(SavedQuery(n, (PLAIN / f"{n}.rq").read_text().replace("%BASE%", base())), PARAMS.get(n, {}))
                 for n in queries}  # fmt: skip
        result["plain_queries"] = {name: _timed(lambda t=text: run(t), cap) for name, text in plain.items()}
    result["peak_mb"] = _peak_mb()
    return result


def _child(name: str, corpus: Path, cap: int) -> dict[str, object]:
    child = subprocess.run([sys.executable, __file__, "--engine", name, "--corpus", str(corpus), "--cap", str(cap)],
                           capture_output=True, text=True, cwd=Path(__file__).parent, env=dict(os.environ))  # fmt: skip
    if child.returncode != 0:
        print(child.stderr, file=sys.stderr)
        raise SystemExit(f"{name} failed on {corpus.name}")
    return json.loads(child.stdout.strip().splitlines()[-1])


def _cell(timing: dict[str, float] | None, cap: int) -> str:
    return f"> {cap} s" if timing is None else f"{timing['min']:.3f} / {timing['median']:.3f}"


def report(size: int, ox: dict, rd: dict, cap: int) -> None:  # type: ignore[type-arg]
    print(
        f"\n{size:,} triples{'':9} {'pyoxigraph':>16} {'rdflib memory':>16} {'ratio':>8} {'rows':>6} {'plain form':>16}"
    )
    for key in ("triples", "load_s", "triples_per_s", "peak_mb"):
        print(f"{key:24} {ox[key]:>16} {rd[key]:>16}")
    print(f"{'summary (s, triples)':24} {ox['summary_s']:>16} {ox['summary_triples']:>16}")
    print(f"{'store on disk (MB)':24} {ox['store_mb']:>16}")
    print(f"{'write Turtle (s)':24} {ox['turtle_s']:>16}")
    print("query, min / median (s)")
    for name, ours in ox["queries"].items():
        other = rd["queries"][name]
        ratio = (
            f"{other['median'] / max(ours['median'], 1e-4):.0f}×"
            if other and ours
            else ("> cap" if other is None else "")
        )
        rows = ours["rows"] if ours else ""
        plain = _cell(ox["plain_queries"][name], cap)
        print(f"  {name:22} {_cell(ours, cap):>16} {_cell(other, cap):>16} {ratio:>8} {rows:>6} {plain:>16}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--triples", default="1000000,2000000", help="corpus sizes, comma-separated")
    parser.add_argument("--cap", type=int, default=30, help="seconds before a query run counts as too slow")
    parser.add_argument("--engine", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.engine:
        print(json.dumps(engine(args.engine, args.corpus, args.cap)))
        return
    sizes = sorted(int(s) for s in args.triples.split(","))
    missing = [s for s in sizes if not corpus_path(s).exists()]
    made = make_corpora(missing) if missing else {}
    results: dict[str, object] = {"cap_s": args.cap, "runs": RUNS, "sizes": {}}
    for size in sizes:
        ox = _child("pyoxigraph", corpus_path(size), args.cap)
        rd = _child("rdflib-memory", corpus_path(size), args.cap)
        results["sizes"][str(size)] = {"corpus": made.get(size, {}), "pyoxigraph": ox, "rdflib-memory": rd}  # type: ignore[index]
        report(size, ox, rd, args.cap)
    OUT.mkdir(exist_ok=True)
    (OUT / "graph.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
