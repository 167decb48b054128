"""`instrumap serve` in a child process on a free loopback port.

For whatever needs a live endpoint for a while: the tests, the load benchmark, a notebook. It picks
the port itself, waits until the server answers, and stops it on the way out.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def free_port() -> int:
    """A loopback port nobody listens on (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def local_endpoint(store: str | Path, *options: str, startup: float = 40.0) -> Iterator[str]:
    """Serve ``store`` (with extra ``instrumap serve`` options) and yield its SPARQL URL."""
    port = free_port()
    command = [sys.executable, "-m", "instrumap", "serve", "-s", str(store), "--port", str(port), *options]
    server = subprocess.Popen(command)
    root = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + startup
        while True:
            try:
                urllib.request.urlopen(root, timeout=1)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"{store}: `instrumap serve` did not start on port {port}") from None
                time.sleep(0.2)
        yield f"{root}sparql"
    finally:
        server.terminate()
        server.wait(10)
