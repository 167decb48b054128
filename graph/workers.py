"""Queries in worker processes, so a runaway query can be stopped without stopping the server.

pyoxigraph cannot cancel a query from another thread; a worker process can be killed. Each worker
opens the store read-only once and answers queries sent over a pipe; one that overruns the timeout
is terminated and replaced, and the other workers keep answering.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from queue import Empty, Queue

from pyoxigraph import QueryBoolean, QuerySolutions, RdfFormat, Store, serialize

from instrumap.graph.sparql import RESULT_FORMATS
from instrumap.ontology.namespace import PREFIXES

GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "jsonld": RdfFormat.JSON_LD, "ntriples": RdfFormat.N_TRIPLES,
                 "rdfxml": RdfFormat.RDF_XML}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Answer:
    status: str  # ok, syntax, too_large, timeout, error
    kind: str = ""  # solutions, boolean, graph
    body: bytes = b""
    message: str = ""


def _serve(path: str, conn: Connection, max_bytes: int) -> None:
    store = Store.read_only(path)
    while True:
        request = conn.recv()
        if request is None:
            return
        text, result_format, graph_format = request
        try:
            results = store.query(text, prefixes=PREFIXES, use_default_graph_as_union=True)
            if isinstance(results, QuerySolutions):
                answer = Answer("ok", "solutions", results.serialize(format=RESULT_FORMATS[result_format]) or b"")
            elif isinstance(results, QueryBoolean):
                answer = Answer("ok", "boolean", results.serialize(format=RESULT_FORMATS[result_format]) or b"")
            else:
                answer = Answer(
                    "ok", "graph", serialize(results, format=GRAPH_FORMATS[graph_format], prefixes=PREFIXES) or b""
                )
            if len(answer.body) > max_bytes:
                answer = Answer("too_large", message=f"the result is over {max_bytes // 1_000_000} MB; add a LIMIT")
        except SyntaxError as exc:
            answer = Answer("syntax", message=str(exc))
        except Exception as exc:  # a query error must reach the client as a message, not kill the worker
            answer = Answer("error", message=f"{type(exc).__name__}: {exc}")
        conn.send(answer)


class QueryWorkers:
    """A pool of worker processes over one store, with a per-query timeout."""

    def __init__(self, store: Path, workers: int = 2, timeout: float = 30.0, max_bytes: int = 50_000_000) -> None:
        self.store, self.timeout, self.max_bytes = str(store), timeout, max_bytes
        self.context = mp.get_context("spawn")
        self.idle: Queue[tuple[mp.process.BaseProcess, Connection]] = Queue()
        self.lock = threading.Lock()
        for _ in range(workers):
            self.idle.put(self._start())

    def _start(self) -> tuple[mp.process.BaseProcess, Connection]:
        parent, child = self.context.Pipe()
        process = self.context.Process(target=_serve, args=(self.store, child, self.max_bytes), daemon=True)
        process.start()
        return process, parent

    def run(self, text: str, result_format: str = "json", graph_format: str = "turtle") -> Answer:
        """Answer one query; blocks the calling thread (the server calls it from a thread pool)."""
        try:
            process, conn = self.idle.get(timeout=self.timeout)
        except Empty:
            return Answer("timeout", message=f"no worker free within {self.timeout:g} s")
        conn.send((text, result_format, graph_format))
        if conn.poll(self.timeout):
            try:
                answer: Answer = conn.recv()
            except EOFError:
                answer = Answer("error", message="the query worker died")
                process, conn = self._restart(process)
            self.idle.put((process, conn))
            return answer
        self.idle.put(self._restart(process))
        return Answer("timeout", message=f"query stopped after {self.timeout:g} s (the server's --timeout)")

    def _restart(self, process: mp.process.BaseProcess) -> tuple[mp.process.BaseProcess, Connection]:
        process.terminate()
        process.join(5)
        if process.is_alive():
            process.kill()
        return self._start()

    def close(self) -> None:
        while not self.idle.empty():
            process, conn = self.idle.get()
            with contextlib.suppress(BrokenPipeError, OSError):
                conn.send(None)
            process.join(2)
            if process.is_alive():
                process.kill()
