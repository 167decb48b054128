"""The interactive graph as one self-contained, offline HTML file.

One page, one set of controls (``templates/graph.js``), two ways to draw it: vis-network (canvas,
inlined from the copy pyvis ships, with its stylesheet) up to ``[layout] canvas_max_nodes`` nodes,
and sigma.js over graphology (WebGL, shipped in ``graph/assets`` with their MIT licences) above,
where a canvas redraw takes a second. Nothing is fetched at run time. pyvis's own HTML template is
not used: it pulls bootstrap and tom-select from a CDN.
"""

from __future__ import annotations

import html
import json
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from instrumap.graph.files import atomic_write
from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, view_data

VIS_VERSION = "vis-9.1.2"
WEBGL_LIBRARIES = ("graphology-0.26.0.umd.min.js", "sigma-3.0.3.min.js")


def _template(name: str) -> str:
    return resources.files("instrumap.graph.templates").joinpath(name).read_text(encoding="utf-8")


@cache
def renderer_assets(renderer: str) -> tuple[str, str]:
    """(JavaScript, CSS) of one renderer: its library and the adapter that draws the page's data with it."""
    if renderer == "canvas":
        lib = resources.files("pyvis").joinpath("lib", VIS_VERSION)
        js = lib.joinpath("vis-network.min.js").read_text(encoding="utf-8")
        css = lib.joinpath("vis-network.css").read_text(encoding="utf-8")
        return js + "\n" + _template("render_canvas.js"), css
    assets = resources.files("instrumap.graph.assets")
    js = "\n".join(assets.joinpath(name).read_text(encoding="utf-8") for name in WEBGL_LIBRARIES)
    return js + "\n" + _template("render_webgl.js"), ""


def _script_safe_json(data: Any) -> str:
    """JSON that cannot close its <script> element: <, > and & are written as \\u escapes."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_parts(data: dict[str, Any], title: str) -> Iterator[str]:
    """The page in pieces, written one after the other (the data alone is tens of MB at 50,000 nodes)."""
    js, css = renderer_assets(data["renderer"])
    head, rest = _template("graph.html").split("__DATA__")
    head = head.replace("__TITLE__", html.escape(title, quote=False))
    yield head.replace("/*__RENDERER_CSS__*/", css.replace("</", "<\\/"))
    yield _script_safe_json(data)
    before, after = rest.split("/*__RENDERER_JS__*/")
    yield before
    yield js.replace("</script", "<\\/script")
    yield after.replace("/*__APP_JS__*/", _template("graph.js").replace("</script", "<\\/script"))


def render(data: dict[str, Any], title: str = "instrumap: the instrument landscape") -> str:
    return "".join(page_parts(data, title))


def write_html(store: GraphStore, path: Path, options: ViewOptions | None = None) -> int:
    """Write the page for ``store``; returns the number of nodes drawn."""
    data = view_data(store, options or ViewOptions())
    with atomic_write(path) as fh:
        for part in page_parts(data, "instrumap: the instrument landscape"):
            fh.write(part)
    return len(data["nodes"])
