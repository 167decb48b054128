"""File formats and whole-corpus builds: PDF/DOCX/HTML, process pool and Dask, interrupted and re-run."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph
from rdflib.compare import to_isomorphic

from instrumap import extract
from instrumap.builder import WORKER_DIED, _pool_outcomes, build
from instrumap.cli import main
from instrumap.graph.store import GraphStore
from instrumap.runner import Outcome

from conftest import CORPUS, FIXTURES, SEED

PDFS = sorted((FIXTURES / "pdf").glob("*.pdf"))


@pytest.mark.parametrize("pdf", PDFS, ids=[p.name for p in PDFS])
def test_each_real_pdf_yields_the_references_of_its_text(pdf: Path) -> None:
    pdf_refs, text_refs = extract(pdf).references, extract(pdf.with_suffix(".txt")).references
    assert pdf_refs and {(r.kind, r.id) for r in pdf_refs} == {(r.kind, r.id) for r in text_refs}
    # Where each stands may differ where pdftotext's layout hides a footnote rule; nearly always it agrees.
    placed = {(r.id, r.paragraph) for r in pdf_refs}
    assert len(placed & {(r.id, r.paragraph) for r in text_refs}) >= 0.9 * len(placed)
    assert extract(pdf).document.metadata.symbol == extract(pdf.with_suffix(".txt")).document.metadata.symbol


def _docx(paragraphs: list[str], footnote: str) -> bytes:
    """A minimal Word document with one footnote, written as Word writes it."""
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{p}</w:t></w:r></w:p>' for p in paragraphs[:-1])
    body += (f"<w:p><w:r><w:t xml:space=\"preserve\">{paragraphs[-1]}</w:t></w:r>"
             "<w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>")  # fmt: skip
    notes = (f"<w:footnotes {w}><w:footnote w:id=\"0\"/><w:footnote w:id=\"1\"><w:p><w:r><w:t>{footnote}</w:t>"
             "</w:r></w:p></w:footnote></w:footnotes>")  # fmt: skip
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", f"<w:document {w}><w:body>{body}</w:body></w:document>")
        archive.writestr("word/footnotes.xml", notes)
    return buffer.getvalue()


def test_docx_and_html_documents(tmp_path) -> None:
    paragraphs = ["The General Assembly,", "Recalling its resolution 55/25,",
                  "Welcoming the entry into force of the United Nations Convention against Corruption,"]  # fmt: skip
    docx = tmp_path / "resolution.docx"
    docx.write_bytes(_docx(paragraphs, "Resolution 58/4, annex."))
    refs = {(r.kind, r.id, r.paragraph, r.via) for r in extract(docx, language="en").references}
    assert {("resolution", "A/RES/55/25", "PP1", ""), ("convention", "uncac", "PP2", ""),
            ("resolution", "A/RES/58/4", "FN1", "PP2")} <= refs  # fmt: skip
    page = tmp_path / "resolution.html"
    page.write_text("<html><head><style>p{}</style><script>var x = 'resolution 1/1';</script></head><body>"
                    "<p>The Security Council,</p><p>Recalling its resolution 1373 (2001),<sup>1</sup></p>"
                    "<p>1. <b>Decides</b> to remain seized of the matter;</p><p>¹ S/2001/1234</p></body></html>",
                    encoding="utf-8")  # fmt: skip
    result = extract(page)
    assert [(r.kind, r.id) for r in result.references] == [
        ("resolution", "S/RES/1373(2001)"),
        ("document", "S/2001/1234"),
    ]


def _corpus(folder: Path, count: int) -> Path:
    """``count`` distinct resolutions made from the seed (each its own symbol)."""
    folder.mkdir(parents=True, exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(count):
        (folder / f"doc{i:03d}.zh.txt").write_text(text.replace("58/140.", f"58/{300 + i}."), encoding="utf-8")
    return folder


def _dataset(out: Path) -> Dataset:
    from pyoxigraph import RdfFormat, serialize

    data = serialize(GraphStore(out / "store", read_only=True).quads(), format=RdfFormat.N_QUADS)
    dataset = Dataset()
    dataset.parse(data=data.decode(), format="nquads")
    return dataset


def _same(a: Path, b: Path) -> bool:
    """Same quads in the same named graphs, and isomorphic as graphs."""
    one, two = _dataset(a), _dataset(b)
    if {(s, p, o, str(g)) for s, p, o, g in one.quads()} != {(s, p, o, str(g)) for s, p, o, g in two.quads()}:
        return False
    return to_isomorphic(_union(one)) == to_isomorphic(_union(two))


def _union(dataset: Dataset) -> Graph:
    graph = Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def test_pool_and_dask_builds_equal_the_serial_build(tmp_path) -> None:
    corpus = _corpus(tmp_path / "corpus", 6)
    for name in ("A_RES_55_63.en.txt", "S_RES_661_1990.en.txt"):
        (corpus / name).write_bytes((CORPUS / name).read_bytes())
    serial = build([corpus], tmp_path / "serial")
    pool = build([corpus], tmp_path / "pool", workers=2)
    assert serial.built == pool.built == 8
    assert _same(tmp_path / "serial", tmp_path / "pool")
    pytest.importorskip("dask.distributed")
    distributed = build([corpus], tmp_path / "dask", dask="local")
    assert distributed.built == 8
    assert _same(tmp_path / "serial", tmp_path / "dask")
    assert sorted(p.name for p in (tmp_path / "dask" / "shards").glob("*.nq.gz"))


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory) -> tuple[Path, Path]:
    """A corpus of 150 documents and its uninterrupted build."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    corpus = _corpus(folder / "corpus", 150)
    build([corpus], folder / "whole")
    return corpus, folder / "whole"


@pytest.mark.parametrize("stop", [signal.SIGKILL, signal.SIGINT], ids=["killed", "ctrl-c"])
def test_an_interrupted_build_resumes_to_the_same_graph(uninterrupted, tmp_path, stop) -> None:
    corpus, whole = uninterrupted
    out = tmp_path / "interrupted"
    command = [sys.executable, "-m", "instrumap", "build", str(corpus), "-o", str(out), "-q", "--batch", "20"]
    child = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    # Records are written batch by batch, each batch before its markers are committed: once a second
    # batch has written records, the first one is committed, and the build is still running.
    records = out / ".references.new.part"
    sizes: set[int] = set()
    deadline = time.time() + 120
    while time.time() < deadline and child.poll() is None and len(sizes - {0}) < 2:
        sizes.add(records.stat().st_size if records.is_file() else 0)
        time.sleep(0.01)
    child.send_signal(stop)
    _, errors = child.communicate(timeout=60)
    if stop == signal.SIGKILL:
        assert child.returncode == -signal.SIGKILL, "the build finished before it could be killed"
    else:
        assert child.returncode == 130 and errors.strip() == "instrumap: interrupted"
    report = build([corpus], out)
    assert report.skipped >= 1 and report.built >= 1 and report.built + report.skipped == 150
    assert _same(whole, out)
    lines = {path: sorted((path / "references.jsonl").read_text().splitlines()) for path in (whole, out)}
    assert len(lines[out]) == 150 and lines[out] == lines[whole]


def test_a_corrupt_pdf_and_a_binary_file_are_reported_and_the_batch_completes(tmp_path) -> None:
    corpus = _corpus(tmp_path / "corpus", 2)
    (corpus / "broken.pdf").write_bytes(PDFS[0].read_bytes()[:3000])
    (corpus / "image.txt").write_bytes(bytes(range(256)) * 40)
    code = subprocess.run([sys.executable, "-m", "instrumap", "build", str(corpus), "-o", str(tmp_path / "out"), "-q"],
                          capture_output=True, text=True)  # fmt: skip
    assert code.returncode == 1
    assert code.stdout.startswith("built 2, unchanged 0, problems 2")
    problems = [json.loads(line) for line in (tmp_path / "out" / "problems.jsonl").read_text().splitlines()]
    assert {Path(p["source"]).name for p in problems} == {"broken.pdf", "image.txt"}
    assert any("not a readable PDF" in p["problem"] for p in problems)
    assert "Traceback" not in code.stderr


def _workers_of(parent: int) -> set[int]:
    """The pool workers of a build: its child processes forked from it (same command line)."""
    own = Path(f"/proc/{parent}/cmdline").read_bytes()
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == parent and (stat.parent / "cmdline").read_bytes() == own:
                found.add(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _start_pool_build(corpus: Path, out: Path) -> tuple[subprocess.Popen[str], set[int]]:
    command = [sys.executable, "-m", "instrumap", "build", str(corpus), "-o", str(out), "-q", "--workers", "2"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 60
    workers: set[int] = set()
    while time.time() < deadline and child.poll() is None and len(workers) < 2:
        workers = _workers_of(child.pid)
        time.sleep(0.02)
    assert len(workers) == 2, "the pool did not start"
    return child, workers


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_workers_exit_with_their_parent(tmp_path) -> None:
    child, workers = _start_pool_build(_corpus(tmp_path / "corpus", 80), tmp_path / "out")
    child.kill()
    child.wait(timeout=30)
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(_alive(pid) for pid in workers), "orphaned workers still running"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_a_killed_worker_does_not_abort_the_build(tmp_path) -> None:
    child, workers = _start_pool_build(_corpus(tmp_path / "corpus", 60), tmp_path / "out")
    os.kill(min(workers), signal.SIGKILL)
    stdout, stderr = child.communicate(timeout=180)
    assert child.returncode == 0, stderr
    assert stdout.startswith("built 60, unchanged 0, problems 0") and "Traceback" not in stderr


def _dies_on_poison(source: str, digest: str | None, language: str | None) -> Outcome:
    """A stand-in for runner.process whose worker process dies (SIGKILL) on the document named poison."""
    if Path(source).name == "poison":
        os.kill(os.getpid(), signal.SIGKILL)
    return Outcome("built", source)


def test_a_document_that_kills_its_worker_is_reported(tmp_path) -> None:
    sources = [f"doc{i}" for i in range(10)] + ["poison"] + [f"doc{i}" for i in range(10, 20)]
    outcomes = list(_pool_outcomes(sources, dict.fromkeys(sources), None, 2, task=_dies_on_poison))
    assert sorted(o.source for o in outcomes) == sorted(sources)  # each once: the others were retried and built
    assert {o.source: o.status for o in outcomes if o.status != "built"} == {"poison": "problem"}
    assert next(o.message for o in outcomes if o.source == "poison") == WORKER_DIED


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch) -> None:
    corpus = _corpus(tmp_path / "corpus", 1)
    (corpus / "locked").mkdir()
    (corpus / "locked" / "hidden.zh.txt").write_bytes(SEED.read_bytes())
    scandir = os.scandir

    def refuse_locked(path):  # type: ignore[no-untyped-def]
        if Path(path).name == "locked":  # what the kernel says to a user without read permission on it
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    result = CliRunner().invoke(main, ["build", str(corpus), "-o", str(tmp_path / "out"), "-q"])
    assert result.exit_code == 1 and result.stdout.startswith("built 1, unchanged 0, problems 1")
    assert f"{corpus / 'locked'}: cannot read folder (Permission denied)" in result.stderr
    problems = [json.loads(line) for line in (tmp_path / "out" / "problems.jsonl").read_text().splitlines()]
    assert problems == [{"source": str(corpus / "locked"), "problem": "cannot read folder (Permission denied)"}]


def test_an_unreadable_folder_is_reported_for_real(tmp_path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads any folder")
    corpus = _corpus(tmp_path / "corpus", 1)
    (corpus / "locked").mkdir()
    (corpus / "locked").chmod(0)
    try:
        report = build([corpus], tmp_path / "out")
        assert report.built == 1 and [s for s, _ in report.problems] == [str(corpus / "locked")]
    finally:
        (corpus / "locked").chmod(0o755)
