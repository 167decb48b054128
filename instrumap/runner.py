"""Processing one document for a build, the same function in every mode: serial, process pool, Dask.

A worker reads the file, hashes it, extracts, and returns the document's named graph as N-Quads
bytes (pyoxigraph terms do not pickle) with its JSON record; the process that owns the store loads
them. An unreadable file comes back as a problem and never stops the batch.

The quad that records the content hash travels apart from the rest (``marker``): the builder
bulk-loads the graphs, which is fast but not atomic, and only then commits the markers in one
transaction. A build killed in between leaves graphs without markers, which the next run rebuilds.
"""

from __future__ import annotations

import contextlib
import ctypes
import gzip
import hashlib
import json
import os
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, serialize

from instrumap.corpus import extract_file
from instrumap.extract.errors import InputError
from instrumap.extract.read.decode import read_bytes
from instrumap.graph.rdf import CONTENT_HASH, document_quads
from instrumap.ontology.iris import graph_iri


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one source: ``built`` (with its graph), ``unchanged`` or ``problem``."""

    status: str
    source: str
    size: int = 0
    digest: str = ""
    graph: str = ""
    nquads: bytes = b""
    marker: bytes = b""
    record: str = ""
    message: str = ""
    extract_seconds: float = 0.0  # reading and extracting
    rdf_seconds: float = 0.0  # translating to quads and serializing them


def process(source: str, known_digest: str | None = None, language: str | None = None) -> Outcome:
    """Read, hash and extract one document; skip it when its bytes match ``known_digest``."""
    started = time.perf_counter()
    try:
        data = read_bytes(source)
        digest = hashlib.sha256(data).hexdigest()
        if digest == known_digest:
            return Outcome("unchanged", source, len(data), digest)
        extraction = extract_file(source, language, data)
    except InputError as exc:
        return Outcome("problem", source, message=exc.problem)
    except Exception as exc:  # one broken file must not stop a batch of a hundred thousand
        return Outcome("problem", source, message=f"failed: {type(exc).__name__}: {exc}")
    extracted = time.perf_counter()
    meta = extraction.document.metadata
    graph = graph_iri(meta.symbol, extraction.document.language, source)
    marker: list[Quad] = []
    body: list[Quad] = []
    for quad in document_quads(extraction, digest):
        (marker if quad.predicate == CONTENT_HASH else body).append(quad)
    nquads = serialize(body, format=RdfFormat.N_QUADS) or b""
    marks = serialize(marker, format=RdfFormat.N_QUADS) or b""
    record = json.dumps(extraction.as_json(), ensure_ascii=False)
    finished = time.perf_counter()
    return Outcome("built", source, len(data), digest, graph, nquads, marks, record,
                   extract_seconds=extracted - started, rdf_seconds=finished - extracted)  # fmt: skip


def process_batch(sources: list[tuple[str, str | None]], shard: str, language: str | None = None) -> list[Outcome]:
    """A Dask task: process a batch and also write its graphs to one gzip N-Quads shard (any bulk loader reads it)."""
    outcomes = [process(source, digest, language) for source, digest in sources]
    Path(shard).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(f"{shard}.part")
    with gzip.open(tmp, "wb") as fh:
        for outcome in outcomes:
            fh.write(outcome.nquads)
            fh.write(outcome.marker)
    tmp.replace(shard)
    return outcomes


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def exit_with_parent(parent: int) -> None:
    """A pool worker's initializer: exit when the build process that started it dies (even by kill -9).

    Without it, the workers of a killed build live on, orphaned, holding memory and the corpus.
    On Linux the kernel sends SIGKILL when the parent dies (prctl PR_SET_PDEATHSIG); everywhere, a
    daemon thread also checks once a second that the parent is still the one that started us.
    """
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):  # the thread below still watches
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # it died before the watch was set
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="instrumap-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)
