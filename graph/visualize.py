"""The interactive graph as one self-contained, offline HTML file.

vis-network (the library pyvis wraps) is inlined from the copy pyvis ships, with its stylesheet;
nothing is fetched at run time. pyvis's own HTML template is not used: it still pulls bootstrap and
tom-select from a CDN, and its filter menus hide nodes for good. The controls here are our own.
"""

from __future__ import annotations

import html
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from instrumap.graph.files import atomic_write
from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, view_data

VIS_VERSION = "vis-9.1.2"


@cache
def _vis_assets() -> tuple[str, str]:
    lib = resources.files("pyvis").joinpath("lib", VIS_VERSION)
    return lib.joinpath("vis-network.min.js").read_text(encoding="utf-8"), lib.joinpath("vis-network.css").read_text(
        encoding="utf-8"
    )


def _script_safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element: <, > and & are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(data: dict[str, Any], title: str = "instrumap: the instrument landscape") -> str:
    js, css = _vis_assets()
    template = resources.files("instrumap.graph.templates").joinpath("graph.html").read_text(encoding="utf-8")
    # Replace the data first: the library code may contain the other markers' text by chance.
    page = template.replace("__DATA__", _script_safe_json(data)).replace("__TITLE__", html.escape(title, quote=False))
    return page.replace("/*__VIS_CSS__*/", css.replace("</", "<\\/")).replace(
        "/*__VIS_JS__*/", js.replace("</script", "<\\/script")
    )


def write_html(store: GraphStore, path: Path, options: ViewOptions | None = None) -> int:
    """Write the page for ``store``; returns the number of nodes drawn."""
    data = view_data(store, options or ViewOptions())
    with atomic_write(path) as fh:
        fh.write(render(data))
    return len(data["nodes"])
