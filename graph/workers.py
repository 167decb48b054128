"""Queries in worker processes, so a runaway query can be stopped without stopping the server.

pyoxigraph cannot cancel a query from another thread; a worker process can be killed. Each worker
opens the store read-only once and answers queries sent over a pipe; one that overruns the timeout
is terminated and replaced, and the other workers keep answering.

Two lanes, so slow queries never hold up quick ones. The general lane (``workers`` processes) takes
any query, up to the timeout. The fast lane (one more process) takes a query only when every general
worker is busy, and for at most ``fast_seconds``: a query still running then is stopped there (its
worker replaced) and waits for a general worker with the rest of its time. Two slow queries used to
keep an ASK waiting 30 s; with the fast lane it is answered in milliseconds (bench/bench_fairness.py).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from pyoxigraph import QueryBoolean, QuerySolutions, Store, serialize

from instrumap.graph.formats import RDF_FORMATS
from instrumap.graph.sparql import RESULT_FORMATS, in_query_order
from instrumap.ontology.namespace import PREFIXES

STARTUP_SECONDS = 60.0  # how long a new worker may take to import and open the store


@dataclass(frozen=True, slots=True)
class Answer:
    status: str  # ok, syntax, too_large, timeout, error
    kind: str = ""  # solutions, boolean, graph
    body: bytes = b""
    message: str = ""


def _serve(path: str, conn: Connection, max_bytes: int) -> None:
    store = Store.read_only(path)
    conn.send("ready")
    while True:
        request = conn.recv()
        if request is None:
            return
        conn.send(_answer(store, *request, max_bytes=max_bytes))


def _answer(store: Store, text: str, result_format: str, graph_format: str, *, max_bytes: int) -> Answer:
    try:
        results = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
        if isinstance(results, QuerySolutions):
            results = in_query_order(text, results)
        if isinstance(results, (QuerySolutions, QueryBoolean)):
            kind = "solutions" if isinstance(results, QuerySolutions) else "boolean"
            answer = Answer("ok", kind, results.serialize(format=RESULT_FORMATS[result_format]) or b"")
        else:
            body = serialize(results, format=RDF_FORMATS[graph_format], prefixes=PREFIXES) or b""
            answer = Answer("ok", "graph", body)
        if len(answer.body) > max_bytes:
            answer = Answer("too_large", message=f"the result is over {max_bytes // 1_000_000} MB; add a LIMIT")
    except SyntaxError as exc:
        answer = Answer("syntax", message=str(exc))
    except Exception as exc:  # a query error must reach the client as a message, not kill the worker
        answer = Answer("error", message=f"{type(exc).__name__}: {exc}")
    return answer


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    lane: str  # general or fast
    ready: bool = field(default=False)


class QueryWorkers:
    """Worker processes over one store in two lanes (general and fast), with a per-query timeout."""

    def __init__(self, store: Path, workers: int = 2, timeout: float = 30.0, max_bytes: int = 50_000_000,
                 fast_seconds: float = 1.0) -> None:  # fmt: skip
        self.store, self.timeout, self.max_bytes, self.fast_seconds = str(store), timeout, max_bytes, fast_seconds
        self.context = mp.get_context("spawn")
        self.changed = threading.Condition()
        self.closed = False
        self.free = [self._start("general") for _ in range(workers)]
        if fast_seconds > 0:
            self.free.append(self._start("fast"))
        self.running = set(self.free)  # every live worker, busy or free: close() stops them all

    def _start(self, lane: str) -> _Worker:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(self.store, child, self.max_bytes), daemon=True)
        process.start()
        child.close()
        return _Worker(process, parent, lane)

    def run(self, text: str, result_format: str = "json", graph_format: str = "turtle") -> Answer:
        """Answer one query; blocks the calling thread (the server calls it from a thread pool)."""
        deadline = time.monotonic() + self.timeout
        fast_allowed = self.fast_seconds > 0
        while True:
            worker = self._take(deadline, fast_allowed)
            if worker is None:
                return Answer("timeout", message=f"no worker free within {self.timeout:g} s")
            remaining = deadline - time.monotonic()
            budget = min(self.fast_seconds, remaining) if worker.lane == "fast" else remaining
            try:
                answer = self._ask(worker, (text, result_format, graph_format), budget)
            except (EOFError, OSError):  # the worker died (killed, out of memory)
                self._give(self._restart(worker))
                return Answer("error", message="the query worker died")
            if answer is not None:
                self._give(worker)
                return answer
            self._give(self._restart(worker))  # still running: only killing its process stops it
            if self.closed:
                return Answer("error", message="the server is stopping")
            if worker.lane == "general" or time.monotonic() >= deadline:
                return Answer("timeout", message=f"query stopped after {self.timeout:g} s (the server's --timeout)")
            fast_allowed = False  # too slow for the fast lane: wait for a general worker

    def _take(self, deadline: float, fast_allowed: bool) -> _Worker | None:
        """A free general worker, else (when allowed) the free fast one; waits until one is free or time is up."""
        with self.changed:
            while True:
                lanes = [w for w in self.free if w.lane == "general"] or [
                    w for w in self.free if fast_allowed and w.lane == "fast"
                ]
                if lanes:
                    self.free.remove(lanes[0])
                    return lanes[0]
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self.closed:
                    return None
                self.changed.wait(remaining)

    def _give(self, worker: _Worker) -> None:
        with self.changed:
            if not self.closed:
                self.free.append(worker)
            self.changed.notify_all()

    def _ask(self, worker: _Worker, request: tuple[str, str, str], budget: float) -> Answer | None:
        """The worker's answer, or None when it is still running after ``budget`` seconds (EOFError: it died)."""
        if not worker.ready:  # a new worker's start-up is not charged to the query's budget
            if not worker.conn.poll(STARTUP_SECONDS):
                raise EOFError("the query worker did not start")
            worker.conn.recv()
            worker.ready = True
        worker.conn.send(request)
        if not worker.conn.poll(max(budget, 0.0)):
            return None
        answer: Answer = worker.conn.recv()
        return answer

    def _restart(self, worker: _Worker) -> _Worker:
        """Stop ``worker``'s process; a new worker for its lane, unless the pool is closing."""
        _stop(worker)
        with self.changed:
            self.running.discard(worker)
            if self.closed:
                return worker
            replacement = self._start(worker.lane)
            self.running.add(replacement)
            return replacement

    def close(self) -> None:
        """Stop every worker, busy ones too: their queries end with an error and the server can exit."""
        with self.changed:
            self.closed = True
            workers, self.free = list(self.running), []
            self.changed.notify_all()
        for worker in workers:
            with contextlib.suppress(BrokenPipeError, OSError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(0.5)
            _stop(worker)


def _stop(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.terminate()
        worker.process.join(5)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join(1)
    with contextlib.suppress(OSError):  # closed already by the other thread that stopped it
        worker.conn.close()
