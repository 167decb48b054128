"""The exploration notebook, executed by a real Jupyter kernel."""

from __future__ import annotations

from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "notebooks" / "explore.ipynb"


def test_explore_notebook_runs_without_errors(artifacts) -> None:
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(notebook, timeout=300, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})  # fmt: skip
    client.execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") for o in outputs)
    assert "triples in" in text and "United Nations Convention against Transnational Organized Crime" in text
    html = "".join(o.get("data", {}).get("text/html", "") for o in outputs)
    assert "<iframe srcdoc=" in html and "vis.Network" in html
    assert any("image/png" in o.get("data", {}) for o in outputs)
    nbformat.write(notebook, artifacts / "explore.executed.ipynb")
