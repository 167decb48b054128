"""HTML graph figures at 500, 5,000 and 20,000 nodes: generation time, file size, time to interactive.

    python bench/bench_html.py            # needs bench/out/graph-corpus-20000.nq (bench_graph.py makes it)

Graphs of each size are cut from the generated corpus of bench_graph.py (its first k documents);
time to interactive is measured in Debian's headless Chromium: from navigation to the first drawn
frame (the page sets body[data-ready]), then the time a search takes to focus a node.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, parse

from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, view_data
from instrumap.graph.visualize import render
from instrumap.ontology.iris import special_graph

OUT = Path(__file__).parent / "out"


def subset(quads_by_graph: dict[str, list[Quad]], documents: int) -> GraphStore:
    store = GraphStore()
    authority_graph, ontology_graph = special_graph("authority"), special_graph("ontology")
    keep = [authority_graph, ontology_graph, *[g for g in sorted(quads_by_graph) if g not in (authority_graph, ontology_graph)][:documents]]
    for graph in keep:
        store.store.extend(quads_by_graph.get(graph, []))
    return store


def time_to_interactive(path: Path) -> tuple[float, float]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu",
                                    "--disable-background-networking", "--disable-component-update"])  # fmt: skip
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        started = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("body[data-ready='1']", timeout=600_000)
        ready = time.perf_counter() - started
        started = time.perf_counter()
        page.evaluate("instrumap.focusNode(instrumap.find('Palermo') || instrumap.data.nodes[0].id)")
        focus = time.perf_counter() - started
        browser.close()
    return round(ready, 2), round(focus, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=OUT / "graph-corpus-20000.nq")
    parser.add_argument("--sizes", default="500,5000,20000")
    args = parser.parse_args()
    quads_by_graph: dict[str, list[Quad]] = {}
    for quad in parse(path=str(args.corpus), format=RdfFormat.N_QUADS):
        quads_by_graph.setdefault(quad.graph_name.value, []).append(quad)  # type: ignore[union-attr]
    results = []
    for size in (int(s) for s in args.sizes.split(",")):
        documents = max(10, int(size * 0.8))
        while True:
            store = subset(quads_by_graph, documents)
            started = time.perf_counter()
            data = view_data(store, ViewOptions())
            if len(data["nodes"]) >= size or documents >= len(quads_by_graph):
                break
            documents = int(documents * size / max(len(data["nodes"]), 1) * 1.05) + 1
        page = render(data)
        generate = time.perf_counter() - started
        path = OUT / f"graph-{size}.html"
        path.write_text(page, encoding="utf-8")
        ready, focus = time_to_interactive(path)
        results.append({"nodes": len(data["nodes"]), "edges": len(data["edges"]), "generate_s": round(generate, 2),
                        "size_mb": round(path.stat().st_size / 1e6, 2), "interactive_s": ready, "search_focus_s": focus,
                        "physics": data["physics"]})  # fmt: skip
        print(json.dumps(results[-1]), flush=True)
    print(f"{'nodes':>7} {'edges':>7} {'generate s':>11} {'file MB':>8} {'interactive s':>14} {'search s':>9}")
    for r in results:
        print(
            f"{r['nodes']:>7} {r['edges']:>7} {r['generate_s']:>11} {r['size_mb']:>8} {r['interactive_s']:>14} {r['search_focus_s']:>9}"
        )
    (OUT / "html.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
