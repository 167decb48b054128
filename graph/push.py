"""Uploading the dataset to a running triple store, one named graph at a time.

Through the SPARQL 1.1 Graph Store HTTP Protocol (``PUT ?graph=…`` replaces a graph, ``POST``
adds a batch) or through SPARQL Update (``DROP SILENT GRAPH`` then ``INSERT DATA`` batches).
Resumable: a state file beside the store records each graph's content hash once it is pushed,
so a re-push sends only graphs that changed, and an interrupted push continues. Credentials come
from the environment (INSTRUMAP_PUSH_USER, INSTRUMAP_PUSH_PASSWORD) or ~/.netrc, never the
command line.
"""

from __future__ import annotations

import hashlib
import json
import netrc
import os
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import RdfFormat, serialize

from instrumap.graph.files import atomic_write
from instrumap.graph.store import GraphStore


class PushError(Exception):
    """A push that cannot go on (refused, unreachable after retries)."""


@dataclass
class PushReport:
    pushed: list[str] = field(default_factory=list)
    unchanged: int = 0
    triples: int = 0


def _opener(url: str) -> urllib.request.OpenerDirector:
    user = os.environ.get("INSTRUMAP_PUSH_USER")
    password = os.environ.get("INSTRUMAP_PUSH_PASSWORD")
    host = urllib.parse.urlparse(url).hostname or ""
    if not user:
        try:
            found = netrc.netrc().authenticators(host)
        except (FileNotFoundError, netrc.NetrcParseError):
            found = None
        if found:
            user, _, password = found
    handlers: list[urllib.request.BaseHandler] = []
    if user:
        manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        manager.add_password(None, url, user, password or "")
        handlers += [urllib.request.HTTPDigestAuthHandler(manager), urllib.request.HTTPBasicAuthHandler(manager)]
    return urllib.request.build_opener(*handlers)


def _send(opener: urllib.request.OpenerDirector, request: urllib.request.Request, retries: int) -> None:
    for attempt in range(retries + 1):
        try:
            with opener.open(request, timeout=120) as response:
                response.read()
            return
        except urllib.error.HTTPError as exc:
            if exc.code < 500 or attempt == retries:
                detail = exc.read()[:300].decode("utf-8", "replace")
                raise PushError(f"{request.full_url}: HTTP {exc.code} {detail}") from None
        except urllib.error.URLError as exc:
            if attempt == retries:
                raise PushError(f"{request.full_url}: {exc.reason}") from None
        time.sleep(min(30, 0.5 * 2**attempt))


def _request(graph: str, n: int, body: bytes, graph_store: str | None, endpoint: str | None) -> urllib.request.Request:
    """Batch ``n`` of a graph: the first replaces the graph, the others add to it."""
    if graph_store:
        target = f"{graph_store}?{urllib.parse.urlencode({'graph': graph})}"
        method = "PUT" if n == 0 else "POST"
        return urllib.request.Request(target, data=body, method=method, headers={"Content-Type": "text/turtle"})
    drop = f"DROP SILENT GRAPH <{graph}> ;\n" if n == 0 else ""
    update = f"{drop}INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode('utf-8')}}} }}"
    form = urllib.parse.urlencode({"update": update}).encode()
    return urllib.request.Request(
        endpoint or "", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )


def push(
    store: GraphStore,
    state_path: Path,
    *,
    graph_store: str | None = None,
    endpoint: str | None = None,
    batch: int = 20_000,
    retries: int = 3,
    graphs: list[str] | None = None,
    log: Callable[[str], None] | None = None,
) -> PushReport:
    """Push every named graph (or those given) that changed since the last push recorded in ``state_path``."""
    if not (graph_store or endpoint):
        raise PushError("give --graph-store URL or --endpoint URL")
    url = graph_store or endpoint or ""
    opener = _opener(url)
    state: dict[str, str] = json.loads(state_path.read_text()) if state_path.is_file() else {}
    report = PushReport()
    for graph in graphs or store.graphs():
        data = serialize((q.triple for q in store.quads([graph])), format=RdfFormat.N_TRIPLES) or b""
        lines = sorted(data.splitlines())
        digest = hashlib.sha256(b"\n".join(lines)).hexdigest()
        if state.get(f"{url} {graph}") == digest:
            report.unchanged += 1
            continue
        batches = [b"\n".join(lines[i : i + batch]) + b"\n" for i in range(0, len(lines), batch)] or [b""]
        for n, body in enumerate(batches):
            _send(opener, _request(graph, n, body, graph_store, endpoint), retries)
        state[f"{url} {graph}"] = digest
        with atomic_write(state_path) as fh:
            json.dump(state, fh, indent=0, sort_keys=True)
        report.pushed.append(graph)
        report.triples += len(lines)
        if log:
            log(f"pushed {graph} ({len(lines)} triples)")
    return report
