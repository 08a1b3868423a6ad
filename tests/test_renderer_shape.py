"""The renderer stands alone: it imports nothing that reads YAML, validates or builds a context, and only
docxtpl_patch.py imports docxtpl."""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from conftest import ROOT

PACKAGE = ROOT / "ccch_docs"
RENDERER = ("engine", "sandbox", "tables", "layout", "ooxml", "blocks", "docxtpl_patch", "package", "metrics",
            "output")
ABOVE = ("context", "model", "compute", "cascade", "api", "source", "resolve", "packs", "report", "yamlio")


def _loaded_by(module: str) -> set[str]:
    code = f"import json, sys, ccch_docs.{module}; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT).stdout
    return {m.removeprefix("ccch_docs.") for m in json.loads(out) if m.startswith("ccch_docs.")}


def test_render_modules_import_nothing_above_them():
    for module in RENDERER:
        assert not _loaded_by(module) & set(ABOVE), module


def test_only_the_wrapper_imports_docxtpl():
    importers = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            if any(n.split(".")[0] == "docxtpl" for n in names):
                importers.add(path.relative_to(PACKAGE).as_posix())
    assert importers == {"docxtpl_patch.py"}
