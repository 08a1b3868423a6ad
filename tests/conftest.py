"""Shared fixtures: every example rendered once per test session."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

import ccch_docs
import ccch_docs.packs
from docx_view import View

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(p for p in (ROOT / "examples").glob("*.yaml"))
INPUTS = ROOT / "tests" / "inputs"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The template cache of the test run in a folder of its own, not the user's ~/.cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))
    yield
    mp.undo()


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
@pytest.fixture
def render_input(tmp_path):
    """Render tests/inputs/<name>.yaml (documents written by hand as officials write them) and open the .docx."""
    def render(name: str) -> View:
        out = tmp_path / f"{name}.docx"
        ccch_docs.render(ccch_docs.load(INPUTS / f"{name}.yaml"), out)
        return View.open(out)
    return render


def make_pack(folder: Path, pack_yaml: str | None = None, replace: dict[str, str] | None = None) -> Path:
    """A pack folder: pack.yaml as given, and (when `replace` is given) van_ban.docx with its body text edited."""
    folder.mkdir(parents=True, exist_ok=True)
    if pack_yaml is not None:
        (folder / "pack.yaml").write_text(pack_yaml, "utf-8")
    if replace is not None:
        with zipfile.ZipFile(ccch_docs.packs.builtin_dir() / "van_ban.docx") as z:
            parts = {n: z.read(n) for n in z.namelist()}
        xml = parts["word/document.xml"].decode("utf-8")
        for old, new in replace.items():
            assert old in xml, old
            xml = xml.replace(old, escape(new))
        parts["word/document.xml"] = xml.encode("utf-8")
        with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
            for name, data in parts.items():
                z.writestr(name, data)
    return folder
