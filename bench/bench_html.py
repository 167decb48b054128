"""HTML graph figures at about 500, 5,000 and 50,000 nodes, each beside its ceiling, 3 runs (min and median).

    python bench/bench_html.py                    # generates its corpora and stores in bench/out (cached)
    python bench/bench_html.py --sizes 500,5000 --runs 3

For each size a corpus of generated General Assembly resolutions citing each other
(bench_graph.make_corpus) is bulk-loaded into an on-disk store. Then, per run:
- ``instrumap visualize STORE`` as a user runs it (a fresh process): seconds, peak memory, file size;
- in Debian's headless Chromium (offline, WebGL through SwiftShader): seconds from navigation until
  the page is drawn (it sets body[data-ready]); frames per second during a scripted 2-second mouse
  drag (frames counted with requestAnimationFrame); milliseconds from a search to the focused node
  drawn, and to the page settled (the frame after, which draws the overview's edges again, drawn too).
  A screenshot of the largest page goes to tests/artifacts/.
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_graph import make_corpus

OUT = Path(__file__).parent / "out"
ARTIFACTS = Path(__file__).parents[1] / "tests" / "artifacts"
INSTRUMAP = Path(sys.executable).with_name("instrumap")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--no-first-run"]
DOCUMENTS = {500: 100, 5000: 2500, 50000: 44000}  # documents giving about that many nodes
CEILINGS = {"generate_s": {5000: 3.0, 50000: 15.0}, "drawn_s": 5.0, "drag_fps": 20.0, "search_ms": 200.0, "second_search_ms": 200.0}
COUNT_FRAMES = "window.__frames = 0; (function tick() { window.__frames++; requestAnimationFrame(tick); })();"
# Two searches, one after the other: the second also undoes the first's selection (a hub's edges).
# Each is timed twice from the call: until the focus frame is drawn (the frame that renders it has been
# committed: the second requestAnimationFrame after the call runs only then), and until it has settled:
# the frame that draws the overview's edges again (the WebGL page leaves them to the frame after the
# focus) committed too, and never earlier than the focus frame.
SEARCH = """async () => { const took = [], settled = [];
  const frame = () => new Promise(r => requestAnimationFrame(r));
  for (const query of ['Palermo', instrumap.data.nodes[Math.floor(instrumap.data.nodes.length / 2)].id]) {
    const t = performance.now();
    instrumap.focusNode(instrumap.find(query) || instrumap.data.nodes[0].id);
    const all = (instrumap.view.settled ? instrumap.view.settled() : Promise.resolve()).then(frame);
    await frame().then(frame);
    took.push(performance.now() - t);
    await all;
    settled.push(performance.now() - t);
  }
  return [took, settled]; }"""


def store_for(size: int) -> Path:
    """The on-disk store of about ``size`` nodes (made once)."""
    from pyoxigraph import RdfFormat

    from instrumap.graph.store import GraphStore

    documents = DOCUMENTS.get(size, int(size * 0.82))
    folder = OUT / f"html-store-{documents}"
    if not folder.exists():
        corpus = OUT / f"graph-corpus-{documents}.nq"
        if not corpus.exists():
            print(f"generating {documents} documents: {make_corpus(documents, corpus)}", flush=True)
        store = GraphStore(folder)
        store.store.bulk_load(path=str(corpus), format=RdfFormat.N_QUADS)
        store.flush()
    return folder


def generate(store: Path, page: Path) -> dict[str, float]:
    """``instrumap visualize`` in a fresh process: wall seconds and that process's peak memory."""
    started = time.perf_counter()
    child = subprocess.run(["/usr/bin/time", "-f", "%M", str(INSTRUMAP), "visualize", str(store), "-o", str(page)],
                           capture_output=True, text=True, check=True)  # fmt: skip
    seconds = time.perf_counter() - started
    nodes = int(child.stdout.rsplit(":", 1)[1].split()[0])
    return {"generate_s": seconds, "peak_mb": int(child.stderr.strip().splitlines()[-1]) / 1024, "nodes": nodes}


def in_browser(browser, page_path: Path, screenshot: Path | None) -> dict[str, float]:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    fetched: list[str] = []
    page.on("request", lambda r: None if r.url.startswith(("file:", "data:", "blob:")) else fetched.append(r.url))
    started = time.perf_counter()
    page.goto(page_path.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=600_000)
    drawn = time.perf_counter() - started
    if screenshot:
        page.screenshot(path=str(screenshot))
    box = page.locator("#network").bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.evaluate(COUNT_FRAMES)
    page.mouse.move(x, y)
    page.mouse.down()
    t0, f0 = page.evaluate("[performance.now(), window.__frames]")
    for step in range(1, 61):  # a 2-second drag: 60 moves about 33 ms apart
        page.mouse.move(x + 4 * step, y + 2 * step)
        page.wait_for_timeout(25)
    t1, f1 = page.evaluate("[performance.now(), window.__frames]")
    page.mouse.up()
    (search_ms, second_ms), (settled_ms, second_settled_ms) = page.evaluate(SEARCH)
    page.close()
    if fetched:
        raise SystemExit(f"{page_path}: the page fetched {fetched[:3]}")
    return {"drawn_s": drawn, "drag_fps": (f1 - f0) / ((t1 - t0) / 1000), "search_ms": search_ms,
            "second_search_ms": second_ms, "search_settled_ms": settled_ms, "second_settled_ms": second_settled_ms}


def summary(runs: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    return {key: {"min": round(min(r[key] for r in runs), 3), "median": round(statistics.median(r[key] for r in runs), 3)}
            for key in runs[0]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="500,5000,50000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for size in sizes:
            store = store_for(size)
            runs = []
            for run in range(args.runs):
                page = OUT / f"graph-{size}.html"
                made = generate(store, page)
                made["file_mb"] = page.stat().st_size / 1e6
                shot = ARTIFACTS / "graph-50k.png" if size == max(sizes) and run == 0 else None
                runs.append({**made, **in_browser(browser, page, shot)})
                print(json.dumps({"size": size, "run": run, **{k: round(v, 3) for k, v in runs[-1].items()}}), flush=True)
            results.append({"size": size, **summary(runs)})
        browser.close()
    figures = OUT / "html.json"  # the sizes of this run replace theirs; the others are kept
    kept = [r for r in json.loads(figures.read_text()) if r["size"] not in sizes] if figures.exists() else []
    results = sorted(kept + results, key=lambda r: r["size"])
    report(results)
    figures.write_text(json.dumps(results, indent=1))
    shutil.rmtree(OUT / "tmp", ignore_errors=True)
    print(f"peak memory of this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def report(results: list[dict]) -> None:  # type: ignore[type-arg]
    keys = ("generate_s", "peak_mb", "file_mb", "drawn_s", "drag_fps", "search_ms", "second_search_ms", "search_settled_ms",
            "second_settled_ms")
    print(f"\n{'nodes':>7} " + " ".join(f"{k + ' min/med':>22}" for k in keys))
    for r in results:
        cells = []
        for k in keys:
            if k not in r:  # figures kept from an older run that did not measure it
                cells.append("-".rjust(22))
                continue
            ceiling = CEILINGS.get(k)
            limit = ceiling.get(r["size"]) if isinstance(ceiling, dict) else ceiling
            bound = "" if limit is None else (f" ≥{limit:g}" if k == "drag_fps" else f" <{limit:g}")
            cells.append(f"{r[k]['min']:g}/{r[k]['median']:g}{bound}".rjust(22))
        print(f"{int(r['nodes']['median']):>7} " + " ".join(cells))


if __name__ == "__main__":
    main()
