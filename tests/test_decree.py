"""The decree package is the only place that knows the decree: the layouts' table is complete and
consistent, and the modules that build documents hold no layout branch and no printed wording."""

from __future__ import annotations

import ast

import pytest

from ccch_docs import context, decree, packs
from ccch_docs.decree import numbering, presentation, signers, wording
from ccch_docs.model import NguoiKy, VanBan
from conftest import ROOT

PACKAGE = ROOT / "ccch_docs"


def _imports(module: str) -> set[str]:
    tree = ast.parse((PACKAGE / module).read_text("utf-8"))
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            out |= {f"{node.module or ''}.{a.name}".strip(".") for a in node.names} | {node.module or ""}
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names}
    return out


def _strings(module: str) -> set[str]:
    """The string constants of a module, docstrings left out."""
    tree = ast.parse((PACKAGE / module).read_text("utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and id(n) not in docs}


@pytest.mark.parametrize("module", ["compute.py", "cascade.py"])
def test_compute_and_cascade_cite_through_the_decree_not_the_context(module):
    assert not {name for name in _imports(module) if name.split(".")[-1] == "context"}


@pytest.mark.parametrize("module", ["model.py", "context.py"])
def test_model_and_context_hold_no_layout_branch_and_no_printed_wording(module):
    strings = _strings(module)
    layouts = set(decree.LAYOUTS) - set(VanBan.model_fields)  # `kem_theo` is a key of the input too
    assert not strings & layouts, "ask the layout (doc.layout) instead of naming one"
    printed = {p.text for p in wording.PHRASES.values()} | {p.text.split(" {")[0] for p in wording.PHRASES.values()}
    assert not strings & printed, "printed wording belongs in decree/wording.py"


READERS = sorted(p.name for p in (*PACKAGE.glob("import*.py"), PACKAGE / "reader.py", PACKAGE / "checks.py"))


@pytest.mark.parametrize("module", READERS)
def test_reader_importer_and_checks_ask_the_layout_not_a_type_key(module):
    # Keys of the input (`kem_theo`, `ke_hoach`) and the checks' element names (rule codes such as
    # `quyet_dinh.bold`, of the "QUYẾT ĐỊNH:" line) are not types.
    named = _strings(module) - set(VanBan.model_fields) - (set(presentation.ELEMENTS) if module == "checks.py" else set())
    assert not named & (set(decree.TYPES) | set(decree.LAYOUTS)), "ask decree.layout_of(loai) instead of naming one"


def test_every_type_has_a_layout_with_a_shipped_template():
    shipped = packs.TemplateSet((packs.builtin_dir(),)).available()
    assert {t.mau for t in decree.TYPES.values()} <= set(decree.LAYOUTS)
    assert {layout.template for layout in decree.LAYOUTS.values()} <= set(shipped)
    assert [layout.number for layout in decree.LAYOUTS.values()] == ["1.4", "1.2", "1.3", "1.5", "1.9"]


def test_layout_keys_are_document_keys_and_context_parts_are_built():
    fields = set(VanBan.model_fields)
    for layout in decree.LAYOUTS.values():
        named = {*layout.only, *layout.without, *(r.key for r in layout.requires),
                 *(r.unless for r in layout.requires if r.unless)}
        assert named <= fields, layout.key
        assert set(layout.parts) <= set(context._PARTS), layout.key
        if layout.issues:
            assert decree.LAYOUTS[layout.issues].carries
    assert set(numbering.BODIES) <= fields


def test_signer_forms_make_the_model_and_the_printed_prefixes():
    assert list(NguoiKy.model_fields)[:len(signers.KEYS)] == list(signers.KEYS)
    signer = NguoiKy(tm="ủy ban nhân dân", kt="chủ tịch", chuc_vu="phó chủ tịch", ho_ten="Lữ Quang Ngời")
    assert signers.block(signer) == {"chuc_danh": ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"],
                                     "ho_ten": "Lữ Quang Ngời"}
    assert signers.titled(signer) and not signers.titled(NguoiKy(ho_ten="A"))
