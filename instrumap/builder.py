"""``build``: documents → references → RDF in a persistent store, and the files a user opens.

Incremental and resumable: a document whose bytes have not changed since the last build (same
path, same SHA-256, recorded inside its named graph) is skipped; a changed one has its graph
replaced; an interrupted build leaves every finished graph in place and the next run goes on from
there. Extraction runs in this process, in a process pool (``workers``) or on a Dask cluster
(``dask``): the same ``runner.process`` function each time.

Graphs are bulk-loaded in batches (three times faster than transactional loads, which were half
of a large build's time); each document's content-hash marker is committed only after its graph
and its record are in, so a killed build never marks a partial graph as done and never loses the
records of the graphs it finished.
"""

from __future__ import annotations

import json
import os
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from pyoxigraph import RdfFormat, serialize

from instrumap.corpus import Problem, expand
from instrumap.graph.export import write_turtle
from instrumap.graph.files import atomic_write
from instrumap.graph.rdf import authority_quads, ontology_quads
from instrumap.graph.store import GraphStore
from instrumap.graph.summary import refresh_summary
from instrumap.graph.view import ViewOptions
from instrumap.graph.visualize import write_html
from instrumap.ontology.authorities import authority
from instrumap.ontology.iris import special_graph
from instrumap.ontology.namespace import PREFIXES
from instrumap.runner import Outcome, exit_with_parent, process, process_batch

Log = Callable[[str], None]
WORKER_DIED = "the worker process died reading it, twice (killed, out of memory?)"
Task = Callable[[str, "str | None", "str | None"], Outcome]  # runner.process, or a stand-in in the tests
HTML_FULL_MAX_NODES = 5000  # above this, build's graph.html shows the 300 most-cited targets
TURTLE_SORTED_MAX_TRIPLES = 3_000_000
# A load batch closes at whichever limit comes first. Big batches keep RocksDB's level-0 files few
# (small ones stall ingestion on compaction: 100,000 documents took 10.1 min with 8 MB batches,
# 7.8 min with 64 MB ones); an interrupted build redoes at most one batch.
LOAD_BATCH_GRAPHS = 4000
LOAD_BATCH_BYTES = 64_000_000
LOAD_BATCH_SECONDS = 10.0


@dataclass
class BuildReport:
    """What a build did: counts, problems (source, message) and where its outputs are."""

    out: Path
    built: int = 0
    skipped: int = 0
    problems: list[tuple[str, str]] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (skipped source, the source kept)
    triples: int = 0
    seconds: float = 0.0
    megabytes: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # seconds per stage: extract, rdf (workers), load, exports


class Progress:
    """A progress line on a terminal (documents, MB/s, ETA); plain log lines otherwise."""

    def __init__(self, total: int, log: Log | None, tty: bool) -> None:
        self.total, self.log, self.tty = total, log, tty
        self.done, self.bytes, self.started = 0, 0, time.perf_counter()

    def update(self, outcome: Outcome) -> None:
        self.done += 1
        self.bytes += outcome.size
        if self.log is None:
            return
        elapsed = max(time.perf_counter() - self.started, 1e-6)
        rate = self.done / elapsed
        eta = (self.total - self.done) / rate if rate else 0
        line = (f"[{self.done}/{self.total}] {self.bytes / 1e6 / elapsed:.1f} MB/s, {rate:.0f} docs/s, "
                f"ETA {eta:.0f} s · {outcome.status} {outcome.source}")  # fmt: skip
        if self.tty:
            self.log("\r" + line[:150].ljust(150))
        elif outcome.status != "unchanged" or self.done == self.total:
            self.log(line + "\n")


def build(
    paths: Iterable[str | Path],
    out: str | Path,
    *,
    language: str | None = None,
    log: Log | None = None,
    workers: int = 1,
    dask: str | None = None,
    tty: bool = False,
    exports: bool = True,
    batch: int = LOAD_BATCH_GRAPHS,
) -> BuildReport:
    """Build (or update) the store in ``out/store`` from ``paths`` and write the output files.

    ``batch`` caps the documents per store load: smaller redoes less after an interruption.
    """
    started = time.perf_counter()
    out = Path(out)
    report = BuildReport(out)
    store = GraphStore(out / "store")
    _refresh_fixed_graphs(store)
    known = store.sources()
    sources: list[str] = []
    for item in expand(paths):
        if isinstance(item, Problem):  # an unreadable folder, or a page instrumap wrote: reported, not read
            report.problems.append((item.source, item.problem))
        else:
            sources.append(str(item))
    progress = Progress(len(sources), log, tty)
    rebuilt: set[str] = set()
    records_new = out / ".references.new.part"
    out.mkdir(parents=True, exist_ok=True)
    _recover_records(out / "references.jsonl", records_new)
    with records_new.open("w", encoding="utf-8") as records, _Loader(store, records, batch) as loader:
        owner = {graph: source for source, (graph, _) in known.items()}
        current = set(sources)
        for outcome in _outcomes(sources, known, language, workers, dask, out):
            progress.update(outcome)
            report.megabytes += outcome.size / 1e6
            report.stages["extract"] = report.stages.get("extract", 0.0) + outcome.extract_seconds
            report.stages["rdf"] = report.stages.get("rdf", 0.0) + outcome.rdf_seconds
            if outcome.status == "unchanged":
                report.skipped += 1
            elif outcome.status == "problem":
                report.problems.append((outcome.source, outcome.message))
            else:
                other = owner.get(outcome.graph)
                if other and other != outcome.source and other in current:
                    # Two files of one language version (a PDF and its text): the first path wins, in every mode.
                    if other < outcome.source:
                        report.duplicates.append((outcome.source, other))
                        continue
                    report.duplicates.append((other, outcome.source))
                    rebuilt.add(other)
                previous = known.get(outcome.source)
                if previous and previous[0] != outcome.graph:
                    store.remove_graph(previous[0])  # the file now says it is another document
                loader.add(outcome)
                owner[outcome.graph] = outcome.source
                rebuilt.add(outcome.source)
                report.built += 1
    if tty and log:
        log("\n")
    report.stages["load"] = loader.seconds
    summarizing = time.perf_counter()
    refresh_summary(store)  # the counts the saved queries read, for what the store now holds
    report.stages["summary"] = time.perf_counter() - summarizing
    store.flush()
    _merge_records(out / "references.jsonl", records_new, rebuilt)
    with atomic_write(out / "problems.jsonl") as fh:
        for source, message in report.problems:
            fh.write(json.dumps({"source": source, "problem": message}, ensure_ascii=False) + "\n")
    report.triples = len(store)
    if not exports:  # bulk builds: graph.ttl and graph.html on demand (`instrumap export`, `visualize --top`)
        report.seconds = time.perf_counter() - started
        return report
    exporting = time.perf_counter()
    if report.triples <= TURTLE_SORTED_MAX_TRIPLES:
        write_turtle(store, out / "graph.ttl")
    else:  # too big to sort in memory: the union in store order (valid Turtle, not byte-stable)
        with atomic_write(out / "graph.ttl", "wb") as fh:
            serialize((q.triple for q in store.quads()), fh, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    write_html(store, out / "graph.html", ViewOptions(top=300) if _large(store) else ViewOptions())
    report.stages["exports"] = time.perf_counter() - exporting
    report.seconds = time.perf_counter() - started
    return report


class _Loader:
    """Loads finished graphs in batches on a background thread, at most one batch in flight, so
    results keep flowing and the process pool stays busy while Oxigraph writes (which releases the GIL).

    A batch replaces its graphs: old versions are dropped, the new ones bulk-loaded, their records
    written and, last, their content-hash markers committed in one transaction. A kill at any point
    leaves unmarked graphs (rebuilt by the next run) and never a marked graph without its record.
    """

    def __init__(self, store: GraphStore, records: TextIO, batch: int = LOAD_BATCH_GRAPHS) -> None:
        self.store, self.records, self.batch = store, records, max(1, batch)
        self.existing = set(store.graphs())  # graphs that may hold an old or partial version
        self.pending: dict[str, Outcome] = {}
        self.size, self.last = 0, time.perf_counter()
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="instrumap-load")
        self.inflight: Future[None] | None = None
        self.seconds = 0.0  # time spent loading (on the loader thread)

    def __enter__(self) -> _Loader:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        try:
            if kind is None:
                self.submit()
            self.wait()
        finally:
            self.thread.shutdown()

    def add(self, outcome: Outcome) -> None:
        self.pending[outcome.graph] = outcome
        self.size += len(outcome.nquads)
        full = len(self.pending) >= self.batch or self.size >= LOAD_BATCH_BYTES
        if full or time.perf_counter() - self.last > LOAD_BATCH_SECONDS:
            self.submit()

    def submit(self) -> None:
        self.wait()
        if self.pending:
            batch, self.pending, self.size = self.pending, {}, 0
            self.inflight = self.thread.submit(self._load, batch)
        self.last = time.perf_counter()

    def wait(self) -> None:
        if self.inflight is not None:
            inflight, self.inflight = self.inflight, None
            inflight.result()

    def _load(self, batch: dict[str, Outcome]) -> None:
        started = time.perf_counter()
        store = self.store.store
        for graph in batch:
            if graph in self.existing:  # a changed document, or a graph a killed build left without its marker
                self.store.remove_graph(graph)
        store.bulk_load(b"".join(o.nquads for o in batch.values()), format=RdfFormat.N_QUADS)
        self.records.write("".join(outcome.record + "\n" for outcome in batch.values()))
        self.records.flush()
        store.load(b"".join(o.marker for o in batch.values()), format=RdfFormat.N_QUADS)
        self.existing.update(batch)
        self.seconds += time.perf_counter() - started


def _recover_records(path: Path, leftover: Path) -> None:
    """Fold in the records a killed build wrote. Records are written before their graphs' markers are
    committed, so this holds every finished document's record, and perhaps some of documents the next
    run will rebuild (whose records it then replaces)."""
    if not leftover.is_file():
        return
    with leftover.open(encoding="utf-8") as fh:
        sources = {json.loads(line).get("source") for line in fh if line.endswith("\n")}
    _merge_records(path, leftover, sources)


def _large(store: GraphStore) -> bool:
    return len(store.document_graphs()) > HTML_FULL_MAX_NODES // 2


def _outcomes(
    sources: list[str], known: dict[str, tuple[str, str]], language: str | None, workers: int, dask: str | None,
    out: Path,
) -> Iterator[Outcome]:  # fmt: skip
    digests = {s: known[s][1] if s in known else None for s in sources}
    if dask:
        yield from _dask_outcomes(sources, digests, language, dask, out)
    elif workers <= 1:
        for source in sources:
            yield process(source, digests[source], language)
    else:
        yield from _pool_outcomes(sources, digests, language, workers)


def _pool_outcomes(
    sources: list[str], digests: dict[str, str | None], language: str | None, workers: int, task: Task = process
) -> Iterator[Outcome]:
    """A process pool with a bounded window of work in flight, so memory does not grow with the corpus.

    A worker that dies (killed, out of memory) breaks the whole pool: the documents in flight are
    then tried once more, one at a time, and the build goes on in a fresh pool. A document whose
    worker dies again is reported as a problem.
    """
    queue = deque(sources)
    while queue:
        lost = yield from _until_broken(queue, digests, language, workers, task)
        yield from _retry_alone(lost, digests, language, task)


def _until_broken(
    queue: deque[str], digests: dict[str, str | None], language: str | None, workers: int, task: Task
) -> Generator[Outcome, None, list[str]]:
    """Outcomes of the queued sources until the queue is empty or the pool breaks; returns the sources lost."""
    window = workers * 16  # enough queued work that the workers never wait for this process
    pending: dict[Future[Outcome], str] = {}
    with ProcessPoolExecutor(max_workers=workers, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
        try:
            while queue or pending:
                while queue and len(pending) < window:
                    source = queue.popleft()
                    pending[pool.submit(task, source, digests[source], language)] = source
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    outcome = future.result()  # BrokenProcessPool when a worker died
                    del pending[future]
                    yield outcome
        except BrokenProcessPool:
            lost = []
            for future, source in pending.items():
                if future.done() and future.exception() is None:
                    yield future.result()  # finished before the pool broke
                else:
                    lost.append(source)
            return lost
    return []


def _retry_alone(
    lost: list[str], digests: dict[str, str | None], language: str | None, task: Task
) -> Iterator[Outcome]:
    """Each lost document once more, alone in a fresh one-worker pool, so a document that kills its worker
    is named, and the others are built."""
    for source in lost:
        with ProcessPoolExecutor(max_workers=1, initializer=exit_with_parent, initargs=(os.getpid(),)) as pool:
            try:
                yield pool.submit(task, source, digests[source], language).result()
            except BrokenProcessPool:
                yield Outcome("problem", source, message=WORKER_DIED)


def _dask_outcomes(
    sources: list[str], digests: dict[str, str | None], language: str | None, address: str, out: Path
) -> Iterator[Outcome]:
    """Batches on a Dask cluster; each batch is also written as a gzip N-Quads shard in ``out/shards``
    that Oxigraph's or Virtuoso's bulk loader can ingest directly."""
    from dask.distributed import Client, LocalCluster, as_completed

    local = address == "local"
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) if local else None
    client = Client(cluster or address)
    try:
        shards = out / "shards"
        for stale in shards.glob("part-*.nq.gz"):
            stale.unlink()  # an earlier build's shards would mislead a bulk loader
        batches = [sources[i : i + 50] for i in range(0, len(sources), 50)]
        futures = [
            client.submit(
                process_batch,
                [(s, digests[s]) for s in batch],
                str(shards.resolve() / f"part-{n:05d}.nq.gz"),
                language,
                pure=False,
            )
            for n, batch in enumerate(batches)
        ]
        for future in as_completed(futures):
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _merge_records(path: Path, new: Path, rebuilt: set[str]) -> None:
    """references.jsonl: the old records of documents not rebuilt, then the new ones, streamed."""
    with atomic_write(path) as fh:
        if path.is_file():
            with path.open(encoding="utf-8") as old:
                for line in old:
                    source = json.loads(line).get("source") if line.strip() else None
                    if source is not None and source not in rebuilt:
                        fh.write(line)
        with new.open(encoding="utf-8") as fresh:
            for line in fresh:
                if line.endswith("\n"):  # a build killed mid-write leaves a last line without its end
                    fh.write(line)
    new.unlink(missing_ok=True)


def _refresh_fixed_graphs(store: GraphStore) -> None:
    """The authority data and the ontology, each in its own named graph, rewritten every build."""
    authority_graph, ontology_graph = special_graph("authority"), special_graph("ontology")
    store.replace_graph(authority_graph, authority_quads(authority(), authority_graph))
    store.replace_graph(ontology_graph, ontology_quads(ontology_graph))
