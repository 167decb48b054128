"""A read-only SPARQL 1.1 Protocol endpoint over the store, safe by default.

Starlette for HTTP, pyoxigraph for SPARQL, queries in worker processes (``graph.workers``) so a
per-query timeout really stops a runaway query. Defaults: bound to 127.0.0.1, updates refused
with 403, federated queries (SERVICE) refused with 400, request bodies capped, results capped,
CORS off unless an origin is given, and a request whose Host header does not name the address the
server is bound to refused with 421 (a web page cannot reach it through DNS rebinding).
"""

from __future__ import annotations

import contextlib
import html
from collections.abc import AsyncIterator
from importlib import resources
from pathlib import Path
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from instrumap.graph.formats import by_media_type
from instrumap.graph.guard import UPDATE_REFUSED, refusal
from instrumap.graph.sparql import saved_queries
from instrumap.graph.workers import Answer, QueryWorkers

RESULT_TYPES = {
    "application/sparql-results+json": "json", "application/json": "json",
    "application/sparql-results+xml": "xml", "application/xml": "xml",
    "text/csv": "csv", "text/tab-separated-values": "tsv",
}  # fmt: skip
GRAPH_TYPES = by_media_type()
MEDIA = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml", "csv": "text/csv",
         "tsv": "text/tab-separated-values", **{name: media for media, name in GRAPH_TYPES.items()}}  # fmt: skip


def _negotiate(accept: str, table: dict[str, str], default: str) -> str:
    """The first media type of Accept (by q, then order) that we can write."""
    choices = []
    for i, part in enumerate(accept.split(",")):
        media, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        choices.append((-q, i, media.strip().lower()))
    for _, _, media in sorted(choices):
        if media in table:
            return table[media]
    return default


_DRAIN_LIMIT = 16 * 1024 * 1024
STATUS = {"syntax": 400, "refused": 400, "refused_update": 403, "timeout": 503, "too_large": 413}


LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1")


def _refuse_update() -> Response:
    return PlainTextResponse(UPDATE_REFUSED, status_code=403)


def allowed_hosts(host: str, port: int) -> frozenset[str] | None:
    """The Host header values a server bound to ``host:port`` answers; None (any) when bound to every interface.

    A loopback server also answers its other loopback names (``localhost``, ``[::1]``), with or without the port.
    """
    if host in ("0.0.0.0", "::", ""):
        return None
    names = set(LOOPBACK_NAMES) if host in LOOPBACK_NAMES else {host}
    names = {f"[{n}]" if ":" in n else n for n in names}
    return frozenset({*names, *(f"{n}:{port}" for n in names)})


async def _read_capped(request: Request, max_body: int) -> bytes | None:
    """The request body, or None when it is over ``max_body``.

    An oversized body is read and discarded (up to ``_DRAIN_LIMIT``) rather than left
    unread: closing a socket with unread data makes the kernel reset the connection,
    and the client then sees a broken pipe instead of the 413 that explains it.
    Memory stays bounded by ``max_body`` either way.
    """
    declared = int(request.headers.get("content-length") or 0)
    if declared > _DRAIN_LIMIT:
        return None
    kept: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size <= max_body:
            kept.append(chunk)
        elif size > _DRAIN_LIMIT:
            return None
    return b"".join(kept) if size <= max_body else None


def create_app(store: Path, *, timeout: float = 30.0, max_result_mb: int = 50, max_body_kb: int = 256,
               workers: int = 2, fast_seconds: float = 1.0, cors: str | None = None, html_page: Path | None = None,
               hosts: frozenset[str] | None = None) -> Starlette:  # fmt: skip
    """The endpoint's application; ``hosts`` are the Host header values it answers (None: any)."""
    pool = QueryWorkers(store, workers=workers, timeout=timeout, max_bytes=max_result_mb * 1_000_000,
                        fast_seconds=fast_seconds)  # fmt: skip
    max_body = max_body_kb * 1024

    def answer(query: str, result_format: str, graph_format: str) -> Answer:
        refused = refusal(query)  # may parse the query: off the event loop, like the query itself
        if refused is not None:
            return Answer("refused_update" if refused[0] == 403 else "refused", message=refused[1])
        return pool.run(query, result_format, graph_format)

    async def sparql(request: Request) -> Response:
        if request.method == "POST":
            body = await _read_capped(request, max_body)
            if body is None:
                return PlainTextResponse(f"request body over {max_body_kb} KB", status_code=413)
            content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if content_type == "application/sparql-update":
                return _refuse_update()
            if content_type == "application/sparql-query":
                query = body.decode("utf-8", "replace")
            else:
                form = parse_qs(body.decode("utf-8", "replace"))
                if "update" in form:
                    return _refuse_update()
                query = (form.get("query") or [""])[0]
        else:
            if "update" in request.query_params:
                return _refuse_update()
            query = request.query_params.get("query", "")
        if not query.strip():
            return PlainTextResponse("no query: send ?query=… or POST one", status_code=400)
        accept = request.headers.get("accept", "")
        result_format = _negotiate(accept, RESULT_TYPES, "json")
        graph_format = _negotiate(accept, GRAPH_TYPES, "turtle")
        result = await run_in_threadpool(answer, query, result_format, graph_format)
        if result.status == "ok":
            media = MEDIA[graph_format if result.kind == "graph" else result_format]
            return Response(result.body, media_type=media)
        prefix = "malformed SPARQL: " if result.status == "syntax" else ""
        return PlainTextResponse(prefix + result.message, status_code=STATUS.get(result.status, 500))

    home_page = _home_page(html_page is not None)  # the template and saved queries do not change while serving

    async def home(request: Request) -> Response:
        return HTMLResponse(home_page)

    async def graph(request: Request) -> Response:
        if html_page is None or not html_page.is_file():
            return PlainTextResponse("no graph.html beside this store", status_code=404)
        return FileResponse(html_page)

    middleware = [Middleware(CORSMiddleware, allow_origins=[cors], allow_methods=["GET", "POST"])] if cors else []

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        pool.close()

    routes = [Route("/", home), Route("/sparql", sparql, methods=["GET", "POST"]), Route("/graph.html", graph)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.workers = pool  # the server stops them on Ctrl-C, so running queries end at once
    return app if hosts is None else _HostCheck(app, hosts)


class _HostCheck:
    """ASGI middleware: 421 for a request whose Host header is not one of ``hosts`` (DNS rebinding)."""

    def __init__(self, app: Starlette, hosts: frozenset[str]) -> None:
        self.app, self.hosts, self.state = app, hosts, app.state

    async def __call__(self, scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] == "http":
            host = dict(scope["headers"]).get(b"host", b"").decode("latin-1").lower()
            if host not in self.hosts:
                message = f"Host {host!r} refused: this server answers requests for its own address only"
                response = PlainTextResponse(message, status_code=421)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def _home_page(has_graph: bool) -> str:
    """The query page (graph/templates/sparql.html) with the saved queries as examples."""
    examples = "".join(
        f"<option value='{html.escape(q.text, quote=True)}'>{html.escape(q.name)}: {html.escape(q.description)}"
        "</option>"
        for q in saved_queries().values()
        if not q.params
    )
    page = resources.files("instrumap.graph.templates").joinpath("sparql.html").read_text(encoding="utf-8")
    link = "<a href='graph.html'>the interactive graph</a> · " if has_graph else ""
    return page.replace("__GRAPH_LINK__", link).replace("__EXAMPLES__", examples)
