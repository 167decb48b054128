"""``instrumap serve``: the store as a read-only SPARQL 1.1 endpoint."""

from __future__ import annotations

from pathlib import Path

import click

from instrumap.cli.app import UserError, main


@main.command("serve")
@click.argument("source", type=click.Path(path_type=Path), default=Path("instrumap-out"))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (0.0.0.0 to share on a network).")
@click.option("--port", default=8000, show_default=True)
@click.option("--timeout", default=30.0, show_default=True, help="Seconds a query may run before it is stopped.")
@click.option("--max-result-mb", default=50, show_default=True, help="Largest result sent, in MB.")
@click.option("--max-body-kb", default=256, show_default=True, help="Largest request body accepted, in KB.")
@click.option("--workers", default=2, show_default=True, help="Query worker processes.")
@click.option("--cors", metavar="ORIGIN", help="Allow cross-origin requests from ORIGIN (off by default).")
def serve_command(source: Path, host: str, port: int, timeout: float, max_result_mb: int, max_body_kb: int,
                  workers: int, cors: str | None) -> None:  # fmt: skip
    """Serve the store as a read-only SPARQL 1.1 endpoint (http://HOST:PORT/sparql) with a query page.

    \b
    Example:
      instrumap serve instrumap-out --port 8000
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' http://127.0.0.1:8000/sparql
    """
    import uvicorn

    from instrumap.graph.serve import create_app

    folder = source / "store" if (source / "store").is_dir() else source
    if not folder.is_dir():
        raise UserError(f"{source}: no store here (run `instrumap build` first)")
    page = folder.parent / "graph.html"
    app = create_app(folder, timeout=timeout, max_result_mb=max_result_mb, max_body_kb=max_body_kb,
                     workers=workers, cors=cors, html_page=page if page.is_file() else None)  # fmt: skip
    click.echo(f"SPARQL endpoint on http://{host}:{port}/sparql (read-only; Ctrl-C stops it)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
