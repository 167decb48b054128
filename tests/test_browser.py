"""The HTML graph in a real headless Chromium, with the network blocked for the page."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from instrumap.builder import build
from instrumap.graph.store import GraphStore
from instrumap.graph.view import ViewOptions, view_data

from conftest import SEED

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Debian's chromium is not installed")
UNTOC = "https://w3id.org/instrumap/instrument/untoc"
HOSTILE = '《<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">公约》'


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--disable-sync", "--no-first-run"],
        )  # fmt: skip
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def seed_html(tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("html")
    corpus = out / "corpus"
    corpus.mkdir()
    shutil.copy(SEED, corpus / SEED.name)
    (corpus / "hostile.zh.txt").write_text(f"大会，\n\n回顾{HOSTILE}和第 57/173 号决议，\n", encoding="utf-8")
    build([corpus], out / "out")
    store = GraphStore(out / "out" / "store", read_only=True)
    return out / "out" / "graph.html", view_data(store, ViewOptions())


@pytest.fixture()
def page(browser, seed_html):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(seed_html[0].as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    yield page
    assert blocked == [], f"the page tried to fetch {blocked}"
    assert errors == []
    page.close()


def test_renders_every_node_and_edge_offline(page, seed_html, artifacts) -> None:
    data = seed_html[1]
    shown = page.evaluate(
        "[instrumap.nodeView.length, instrumap.edgeView.length, instrumap.network.body.nodeIndices.length]"
    )
    assert shown == [len(data["nodes"]), len(data["edges"]), len(data["nodes"])]
    from instrumap import extract

    cited = {r.uri for r in extract(SEED).references}
    assert cited | {"https://undocs.org/A/RES/58/140"} <= {n["id"] for n in data["nodes"]}
    page.screenshot(path=str(artifacts / "graph-seed.png"))


@pytest.mark.parametrize("query", ["巴勒莫", "Palermo"])
def test_search_focuses_the_convention(page, query: str) -> None:
    page.fill("#search", query)
    page.press("#search", "Enter")
    assert page.evaluate("instrumap.network.getSelectedNodes()") == [UNTOC]
    assert "Transnational Organized Crime" in page.inner_text("#panel h2")


def test_type_filter_hides_what_it_should(page, seed_html) -> None:
    conventions = sum(1 for n in seed_html[1]["nodes"] if n["type"] == "convention")
    before = page.evaluate("instrumap.nodeView.length")
    page.uncheck("input[data-type='convention']")
    assert page.evaluate("instrumap.nodeView.length") == before - conventions
    assert page.evaluate("instrumap.nodeView.get().every(n => !n.id.endsWith('/untoc'))")
    page.check("input[data-type='convention']")
    assert page.evaluate("instrumap.nodeView.length") == before


def test_function_and_year_filters(page) -> None:
    edges = page.evaluate("instrumap.edgeView.length")
    page.uncheck("input[data-function='recalls']")
    assert page.evaluate("instrumap.edgeView.length") < edges
    page.fill("#year-from", "2004")
    page.dispatch_event("#year-from", "change")
    assert page.evaluate(
        "instrumap.nodeView.get().every(n => !instrumap.data.nodes.find(x => x.id === n.id).year || instrumap.data.nodes.find(x => x.id === n.id).year >= 2004)"
    )


def test_clicking_a_node_shows_its_panel_with_quoted_evidence(page, artifacts) -> None:
    page.evaluate(f"instrumap.network.focus('{UNTOC}', {{scale: 1.5, animation: false}})")
    point = page.evaluate(f"instrumap.network.canvasToDOM(instrumap.network.getPosition('{UNTOC}'))")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#panel")
    assert "Transnational Organized Crime" in panel.locator("h2").inner_text()
    quotes = panel.locator("blockquote").all_inner_texts()
    assert any("公约" in q for q in quotes)
    assert "OP17" in panel.inner_text() or "OP19" in panel.inner_text()
    page.locator("#panel a[data-node='https://undocs.org/A/RES/58/140']").first.click()
    assert page.evaluate("instrumap.network.getSelectedNodes()") == ["https://undocs.org/A/RES/58/140"]
    page.screenshot(path=str(artifacts / "graph-panel.png"))


def test_a_script_in_a_title_shows_as_text_and_runs_nothing(page, seed_html) -> None:
    hostile = next(n for n in seed_html[1]["nodes"] if "<script>" in " ".join(n["labels"].values()))
    page.evaluate("id => instrumap.focusNode(id)", hostile["id"])
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#panel h2")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#panel script, #panel img").count() == 0


def test_language_switch_relabels(page) -> None:
    page.select_option("#language", "zh")
    assert page.evaluate(f"instrumap.nodes.get('{UNTOC}').label") == "联合国打击跨国有组织犯罪公约"
    page.select_option("#language", "en")
    assert page.evaluate(f"instrumap.nodes.get('{UNTOC}').label").startswith("United Nations Convention against")


def test_document_view_highlights_and_links(browser, tmp_path) -> None:
    from instrumap import extract
    from instrumap.graph.show import render_document

    path = tmp_path / "doc.html"
    path.write_text(render_document(extract(SEED)), encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    marks = page.locator("mark")
    assert marks.count() >= 50
    assert page.locator("mark a[href='https://undocs.org/A/RES/46/152']").count() == 1
    page.close()
