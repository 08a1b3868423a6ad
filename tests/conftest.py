"""Shared fixtures: every example rendered once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

import ccch_docs
from docx_view import View

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def rendered(tmp_path_factory) -> dict[str, Path]:
    """Every file of examples/ rendered to a .docx, by file stem."""
    out = tmp_path_factory.mktemp("examples")
    return {p.stem: ccch_docs.render(ccch_docs.load(p), out / f"{p.stem}.docx") and out / f"{p.stem}.docx"
            for p in EXAMPLES}


@pytest.fixture
def render_dict(tmp_path):
    """Render a document given as a dict (validated like any input) and open it for reading back."""
    def render(data: dict, name: str = "doc") -> View:
        path = tmp_path / f"{name}.docx"
        ccch_docs.render(ccch_docs.from_dict(data), path)
        return View.open(path)
    return render
