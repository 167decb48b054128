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
# WebGL without a GPU: SwiftShader, Chromium's software renderer (the sigma.js page needs it).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
HOSTILE = '《<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">公约》'


@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=CHROMIUM_ARGS,
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


def open_page(browser, url: str):  # type: ignore[no-untyped-def]
    """A page that may fetch nothing but file:, data: and blob: URLs; returns it with its blocked requests and errors."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    blocked: list[str] = []
    errors: list[str] = []

    def guard(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return page, blocked, errors


@pytest.fixture()
def page(browser, seed_html):
    page, blocked, errors = open_page(browser, seed_html[0].as_uri())
    yield page
    assert blocked == [], f"the page tried to fetch {blocked}"
    assert errors == []
    page.close()


def test_renders_every_node_and_edge_offline(page, seed_html, artifacts) -> None:
    data = seed_html[1]
    shown = page.evaluate("[instrumap.view.nodeView.length, instrumap.view.edgeView.length, instrumap.view.network.body.nodeIndices.length]")
    assert shown == [len(data["nodes"]), len(data["edges"]) + len(data["relations"]), len(data["nodes"])]
    from instrumap import extract

    cited = {r.uri for r in extract(SEED).references}
    assert cited | {"https://undocs.org/A/RES/58/140"} <= {n["id"] for n in data["nodes"]}
    page.screenshot(path=str(artifacts / "graph-seed.png"))


@pytest.mark.parametrize("query", ["巴勒莫", "Palermo"])
def test_search_focuses_the_convention(page, query: str) -> None:
    page.fill("#search", query)
    page.press("#search", "Enter")
    assert page.evaluate("instrumap.view.network.getSelectedNodes()") == [UNTOC]
    assert "Transnational Organized Crime" in page.inner_text("#panel h2")


def test_type_filter_hides_what_it_should(page, seed_html) -> None:
    conventions = sum(1 for n in seed_html[1]["nodes"] if n["type"] == "convention")
    before = page.evaluate("instrumap.view.nodeView.length")
    page.uncheck("input[data-type='convention']")
    assert page.evaluate("instrumap.view.nodeView.length") == before - conventions
    assert page.evaluate("instrumap.view.nodeView.get().every(n => !n.id.endsWith('/untoc'))")
    page.check("input[data-type='convention']")
    assert page.evaluate("instrumap.view.nodeView.length") == before


def test_function_and_year_filters(page) -> None:
    edges = page.evaluate("instrumap.view.edgeView.length")
    page.uncheck("input[data-function='recalls']")
    assert page.evaluate("instrumap.view.edgeView.length") < edges
    page.fill("#year-from", "2004")
    page.dispatch_event("#year-from", "change")
    assert page.evaluate("instrumap.view.nodeView.get().every(n => !instrumap.data.nodes[n.index].year || instrumap.data.nodes[n.index].year >= 2004)")


def test_clicking_a_node_shows_its_panel_with_quoted_evidence(page, artifacts) -> None:
    page.evaluate(f"instrumap.view.network.focus('{UNTOC}', {{scale: 1.5, animation: false}})")
    point = page.evaluate(f"instrumap.view.network.canvasToDOM(instrumap.view.network.getPosition('{UNTOC}'))")
    box = page.locator("#network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    panel = page.locator("#panel")
    assert "Transnational Organized Crime" in panel.locator("h2").inner_text()
    quotes = panel.locator("blockquote").all_inner_texts()
    assert any("公约" in q for q in quotes)
    assert "OP17" in panel.inner_text() or "OP19" in panel.inner_text()
    page.locator("#panel a[data-node='https://undocs.org/A/RES/58/140']").first.click()
    assert page.evaluate("instrumap.view.network.getSelectedNodes()") == ["https://undocs.org/A/RES/58/140"]
    page.screenshot(path=str(artifacts / "graph-panel.png"))


def test_a_script_in_a_title_shows_as_text_and_runs_nothing(page, seed_html) -> None:
    hostile = next(n for n in seed_html[1]["nodes"] if "<script>" in " ".join(n.get("labels", {}).values()))
    page.evaluate("id => instrumap.focusNode(id)", hostile["id"])
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#panel h2")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("#panel script, #panel img").count() == 0


def test_language_switch_relabels(page) -> None:
    page.select_option("#language", "zh")
    assert page.evaluate(f"instrumap.labelOf('{UNTOC}')") == "联合国打击跨国有组织犯罪公约"
    page.select_option("#language", "en")
    assert page.evaluate(f"instrumap.labelOf('{UNTOC}')") == "United Nations Convention…"  # shortened on the drawing
    assert page.evaluate(f"instrumap.view.nodes.get('{UNTOC}').title") == "United Nations Convention against Transnational Organized Crime"


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
    graph_links = page.locator("td a[href^='graph.html#node=']")
    assert graph_links.count() == len(extract(SEED).references)
    assert "https%3A%2F%2Fundocs.org%2FA%2FRES%2F46%2F152" in " ".join(graph_links.evaluate_all("as => as.map(a => a.getAttribute('href'))"))
    page.close()


def test_seed_labels_do_not_overlap(page) -> None:
    """Every node's box (shape and label, in drawing units) is clear of every other's, within 1 % of the smaller one."""
    boxes = page.evaluate("instrumap.view.nodeView.getIds().map(id => instrumap.view.network.getBoundingBox(id))")
    assert len(boxes) >= 30
    worst = 0.0
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            ox = min(a["right"], b["right"]) - max(a["left"], b["left"])
            oy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if ox > 0 and oy > 0:
                smaller = min((a["right"] - a["left"]) * (a["bottom"] - a["top"]), (b["right"] - b["left"]) * (b["bottom"] - b["top"]))
                worst = max(worst, ox * oy / smaller)
    assert worst < 0.01


def test_the_fragment_names_the_node_to_open(browser, seed_html) -> None:
    from urllib.parse import quote

    page, blocked, errors = open_page(browser, seed_html[0].as_uri() + "#node=" + quote(UNTOC, safe=""))
    assert page.evaluate("instrumap.selected()") == [UNTOC]
    assert "Transnational Organized Crime" in page.inner_text("#panel h2")
    page.evaluate("location.hash = '#node=' + encodeURIComponent('https://undocs.org/A/RES/58/140')")
    page.wait_for_function("instrumap.selected()[0] === 'https://undocs.org/A/RES/58/140'")
    assert blocked == [] and errors == []
    page.close()


def test_unresolved_view_lists_what_the_authority_lacks(page, seed_html) -> None:
    unresolved = [n for n in seed_html[1]["nodes"] if n.get("unresolved")]
    assert unresolved, "the hostile title resolves to nothing"
    page.click("#unresolved")
    items = page.locator("#unresolved-list > li")
    assert items.count() == len(unresolved)
    assert "<script>window.__pwned = 1</script>" in page.inner_text("#unresolved-list")  # the mention, as text
    assert page.evaluate("window.__pwned") is None


def test_cited_by_counts_each_citation_once_and_sorts_by_date(page, seed_html) -> None:
    untoc = next(n for n in seed_html[1]["nodes"] if n["id"] == UNTOC)
    page.evaluate("id => instrumap.focusNode(id)", UNTOC)
    assert f"{untoc['cited_by']} document(s), {untoc['citations']} citation(s)" in page.inner_text("#panel")
    quotes = page.locator("#panel blockquote").all_inner_texts()
    assert quotes and len(quotes) == len(set(quotes))
    page.evaluate("instrumap.focusNode('https://undocs.org/A/RES/57/173')")
    citing = page.locator("#panel ul[data-list='cited-by'] > li > a").all_inner_texts()
    assert len(citing) == 2 and citing[0].startswith("A/RES/58/140")  # dated 2003-12-22; the other has no date
    page.select_option("#panel select[data-sort='s']", "name")
    assert sorted(page.locator("#panel ul[data-list='cited-by'] > li > a").all_inner_texts()) == sorted(citing)


def test_webgl_page_draws_searches_and_fetches_nothing(browser, seed_html, tmp_path, artifacts) -> None:
    from instrumap.graph.visualize import render

    data = {**seed_html[1], "renderer": "webgl"}
    path = tmp_path / "webgl.html"
    path.write_text(render(data), encoding="utf-8")
    page, blocked, errors = open_page(browser, path.as_uri())
    assert page.locator("#notice").is_hidden()
    assert page.evaluate("instrumap.view.graph.order") == len(data["nodes"])
    assert page.locator("#network canvas").count() >= 2
    page.fill("#search", "Palermo")
    page.press("#search", "Enter")
    assert page.evaluate("instrumap.selected()") == [UNTOC]
    page.uncheck("input[data-type='convention']")
    assert page.evaluate("instrumap.counts().nodes") == len(data["nodes"]) - sum(n["type"] == "convention" for n in data["nodes"])
    page.screenshot(path=str(artifacts / "graph-seed-webgl.png"))
    assert blocked == [] and errors == []
    page.close()


ARABIC_TITLE = "اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية"
ARABIC_QUOTE = "وإذ تشير إلى اتفاقية الأمم المتحدة لمكافحة الجريمة المنظمة عبر الوطنية،"


def arabic_page(seed_html, tmp_path, renderer: str) -> tuple[Path, dict]:
    """The seed page with an Arabic label on the convention and an Arabic quote of one citation of it."""
    from instrumap.graph.visualize import render

    data = {**seed_html[1], "renderer": renderer, "edge_budget": 3}
    nodes = [dict(n) for n in data["nodes"]]
    at = next(i for i, n in enumerate(nodes) if n["id"] == UNTOC)
    nodes[at]["labels"] = {"en": nodes[at]["labels"]["en"], "ar": ARABIC_TITLE}  # no French, Spanish, Russian …
    nodes[at].pop("titles", None)
    citing = next(e[0] for e in data["edges"] if e[1] == at)
    evidence = {**data["evidence"], f"{citing},{at}": [[ARABIC_QUOTE, "ar", ["PP3 · recalls"]]]}
    data = {**data, "nodes": nodes, "evidence": evidence}
    path = tmp_path / f"arabic-{renderer}.html"
    path.write_text(render(data), encoding="utf-8")
    return path, data


@pytest.mark.parametrize("renderer", ["canvas", "webgl"])
def test_six_label_languages_and_arabic_right_to_left(browser, seed_html, tmp_path, artifacts, renderer: str) -> None:
    path, data = arabic_page(seed_html, tmp_path, renderer)
    page, blocked, errors = open_page(browser, path.as_uri())
    offered = page.eval_on_selector_all("#language option", "os => os.map(o => [o.value, o.dataset.labels])")
    assert [code for code, _ in offered] == ["en", "fr", "es", "ru", "ar", "zh", "own"]
    having = {code: str(sum(1 for n in data["nodes"] if code in n.get("labels", {}) or code in n.get("titles", {})))
              for code in ("ar", "fr")}  # fmt: skip
    assert {code: dict(offered)[code] for code in having} == having  # how many nodes have a label in each
    if renderer == "webgl":  # an edge budget of 3: the overview draws three edges, a selected node its own over them
        assert page.evaluate("[instrumap.view.graph.size, instrumap.view.selectedEdges()]") == [3, 0]
    page.select_option("#language", "ar")
    page.evaluate("id => instrumap.focusNode(id)", UNTOC)
    if renderer == "webgl":
        assert page.evaluate("[instrumap.view.graph.size, instrumap.view.selectedEdges() > 0]") == [3, True]
    title = page.locator("#panel h2")
    assert title.inner_text() == ARABIC_TITLE
    assert title.evaluate("e => getComputedStyle(e).direction") == "rtl"
    quote = page.locator("#panel blockquote", has_text="وإذ تشير")
    assert quote.evaluate("e => [getComputedStyle(e).direction, e.lang]") == ["rtl", "ar"]
    page.screenshot(path=str(artifacts / f"graph-arabic-{renderer}.png"))
    page.select_option("#language", "ru")  # no Russian label: the fallback order starts with English
    assert "Transnational Organized Crime" in page.inner_text("#panel h2")
    assert page.locator("#panel h2").evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert blocked == [] and errors == []
    page.close()


def test_an_arabic_document_view_reads_right_to_left(browser, tmp_path) -> None:
    from dataclasses import replace

    from instrumap import extract
    from instrumap.graph.show import render_document

    extraction = extract(SEED)
    text = "إن الجمعية العامة،\n\nإذ تشير إلى قرارها 57/173،\n"
    start = text.index("57/173")
    reference = replace(extraction.references[0], start=start, end=start + 6, text="57/173", evidence=text.strip())
    document = replace(extraction.document, text=text, language="ar")
    path = tmp_path / "document-ar.html"
    path.write_text(render_document(replace(extraction, document=document, references=[reference])), encoding="utf-8")
    page = browser.new_page()
    fetched: list[str] = []
    page.on("request", lambda r: None if r.url.startswith("file:") else fetched.append(r.url))
    page.goto(path.as_uri())
    assert page.evaluate("[document.documentElement.dir, getComputedStyle(document.body).direction]") == ["rtl", "rtl"]
    assert page.locator("mark, .entity").count() >= 1
    assert page.locator("td", has_text="57/173").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    assert fetched == []
    page.close()
