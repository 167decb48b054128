"""``instrumap serve``: the store as a read-only SPARQL 1.1 endpoint."""

from __future__ import annotations

import errno
import socket
import threading
from pathlib import Path
from typing import Any

import click

from instrumap.cli.app import UserError, main, require_extra
from instrumap.cli.stores import positional_store, store_option
from instrumap.graph.store import store_folder


@main.command("serve")
@click.argument("source", type=click.Path(path_type=Path), required=False, metavar="[STORE]")
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 to share on a network).")
@click.option("--port", default=8000, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--timeout", default=30.0, show_default=True, help="Seconds a query may run before it is stopped.")
@click.option("--max-result-mb", default=50, show_default=True, help="Largest result sent, in MB.")
@click.option("--max-body-kb", default=256, show_default=True, help="Largest request body accepted, in KB.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes (the general lane).")
@click.option("--fast-lane", "fast_seconds", default=1.0, show_default=True,
              help="Seconds a query may take on the extra worker used when all are busy (0: none).")  # fmt: skip
@click.option("--cors", metavar="ORIGIN", help="Allow cross-origin requests from ORIGIN (off by default).")
def serve_command(source: Path | None, store_path: Path, host: str, port: int, timeout: float, max_result_mb: int,
                  max_body_kb: int, workers: int, fast_seconds: float, cors: str | None) -> None:  # fmt: skip
    """Serve the store as a read-only SPARQL 1.1 endpoint (http://HOST:PORT/sparql) with a query page.

    Updates get 403 and federated queries (SERVICE) 400; requests naming another host than the
    bound address get 421. A query that runs while every worker is busy goes to the fast lane.

    \b
    Example:
      instrumap serve -s instrumap-out --port 8000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:8000/sparql
    """
    require_extra("serve", "the SPARQL endpoint", "starlette", "uvicorn")
    import uvicorn

    from instrumap.graph.serve import allowed_hosts, create_app

    chosen = positional_store(source, store_path, "serve")
    folder = store_folder(chosen)
    if not folder.is_dir():
        raise UserError(f"{chosen}: no store here (run `instrumap build` first)")
    listener = _bind(host, port)  # before anything is said or started: a busy port is one line, exit 1
    port = listener.getsockname()[1]
    page = folder.parent / "graph.html"
    app = create_app(folder, timeout=timeout, max_result_mb=max_result_mb, max_body_kb=max_body_kb, workers=workers,
                     fast_seconds=fast_seconds, cors=cors, html_page=page if page.is_file() else None,
                     hosts=allowed_hosts(host, port))  # fmt: skip
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"SPARQL endpoint on http://{shown}:{port}/sparql (read-only; Ctrl-C stops it)", err=True)
    server = _server_class()(uvicorn.Config(app, log_level="warning", timeout_graceful_shutdown=5))
    server.workers = app.state.workers
    server.run(sockets=[listener])


def _server_class() -> type:
    import uvicorn

    class Server(uvicorn.Server):
        """On Ctrl-C or SIGTERM, also stop the query workers: running queries end at once, and so does the server."""

        workers: Any = None

        def handle_exit(self, sig: int, frame: Any) -> None:
            super().handle_exit(sig, frame)
            if self.workers is not None:
                threading.Thread(target=self.workers.close, daemon=True).start()

    return Server


def _bind(host: str, port: int) -> socket.socket:
    """A socket bound to ``host:port``, or a one-line UserError (port busy, address not on this machine)."""
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind((host, port))
    except OSError as exc:
        listener.close()
        if exc.errno == errno.EADDRINUSE:
            raise UserError(f"port {port} on {host} is busy (another server?): choose another with --port") from None
        raise UserError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None
    except OverflowError:
        listener.close()
        raise UserError(f"--port {port}: a port is 0 to 65535") from None
    return listener
