"""The interactive HTML view of the graph (placeholder until the visualization module lands)."""

from __future__ import annotations

import html
from pathlib import Path

from instrumap.graph.files import atomic_write
from instrumap.graph.network import to_networkx
from instrumap.graph.store import GraphStore


def write_html(store: GraphStore, path: Path) -> None:
    graph = to_networkx(store)
    rows = "".join(f"<li>{html.escape(str(d.get('label')))} ({d.get('type')})</li>" for _, d in graph.nodes(data=True))
    with atomic_write(path) as fh:
        fh.write(f"<!doctype html><meta charset=utf-8><title>instrumap</title><ul>{rows}</ul>")
