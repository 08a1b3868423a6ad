"""Linked files (ke_thua, kem_theo, ke_hoach, packs) are read within bounds: regular files of a capped size, no
cycles, no endless chains, only inside the given roots; each refusal is a located InputError and CLI exit 2."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

import ccch_docs
from ccch_docs import files, source
from ccch_docs.cli import main
from conftest import make_pack
from samples import DECISION, PLAN

LINKS = ("ke_thua", "kem_theo", "ke_hoach")
ISSUED = {"loai": "quy_che", "trich_yeu": "Quy chế làm việc", "noi_dung": [{"tieu_de": "Chung", "doan": "Nội dung."}]}


@pytest.fixture(autouse=True)
def _deadline() -> Iterator[None]:
    """A read that blocks (a FIFO) fails the test instead of hanging the suite."""
    def expired(*_: object) -> None:
        raise TimeoutError("a linked file blocked the load")
    old = signal.signal(signal.SIGALRM, expired)
    signal.alarm(20)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def _doc(path: Path, first: str = "", data: dict | None = None) -> Path:
    """A YAML file whose first line is `first` (the link under test), then `data` (a valid decision by default)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(first + "\n" + yaml.safe_dump(DECISION if data is None else data, allow_unicode=True), "utf-8")
    return path


def _refused(path: Path, capsys, where: tuple[str, int | None, str | None], words: str,
             roots: list[Path] | None = None) -> None:
    """Loading `path` fails with `words` placed at `where` (file name, line, key), first; the CLI exits 2."""
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(path, roots=roots)
    first = info.value.problems[0]
    assert (Path(first.file).name, first.line, first.key) == where and words in first.message, str(info.value)
    capsys.readouterr()
    assert main(["validate", str(path), *[a for r in roots or () for a in ("--roots", str(r))]]) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err


@pytest.mark.parametrize("key", LINKS)
def test_a_device_is_not_read(tmp_path, capsys, key):
    _refused(_doc(tmp_path / "qd.yaml", f"{key}: /dev/zero"), capsys, ("qd.yaml", 1, key), "không phải là tệp thường")


@pytest.mark.parametrize("key", LINKS)
def test_a_fifo_is_refused_at_once(tmp_path, capsys, key):
    os.mkfifo(tmp_path / "fifo.yaml")
    _refused(_doc(tmp_path / "qd.yaml", f"{key}: fifo.yaml"), capsys, ("qd.yaml", 1, key), "không phải là tệp thường")


def test_the_document_itself_must_be_a_regular_file(tmp_path, capsys):
    os.mkfifo(tmp_path / "doc.yaml")
    _refused(tmp_path / "doc.yaml", capsys, ("doc.yaml", None, None), "không phải là tệp thường")
    assert main(["render", str(tmp_path / "doc.yaml")]) == 2
    assert not (tmp_path / "doc.docx").exists()


@pytest.mark.parametrize("key", LINKS)
def test_an_oversize_linked_file(tmp_path, capsys, key):
    with open(tmp_path / "big.yaml", "wb") as f:
        f.truncate(files.MAX_FILE + 1)
    _refused(_doc(tmp_path / "qd.yaml", f"{key}: big.yaml"), capsys, ("qd.yaml", 1, key), "quá lớn")


def test_an_oversize_document(tmp_path, capsys):
    with open(tmp_path / "big.yaml", "wb") as f:
        f.truncate(files.MAX_FILE + 1)
    _refused(tmp_path / "big.yaml", capsys, ("big.yaml", None, None), "quá lớn")


def test_one_document_and_its_links_share_one_budget(tmp_path, capsys, monkeypatch):
    unit = _doc(tmp_path / "unit.yaml", data={"dia_danh": "Vĩnh Long"})
    doc = _doc(tmp_path / "qd.yaml", "ke_thua: unit.yaml")
    ccch_docs.load(doc)
    monkeypatch.setattr(files, "MAX_TOTAL", doc.stat().st_size + unit.stat().st_size - 1)
    _refused(doc, capsys, ("qd.yaml", 1, "ke_thua"), "quá lớn")


@pytest.mark.parametrize("key", LINKS)
def test_a_file_linking_itself(tmp_path, capsys, key):
    _refused(_doc(tmp_path / "a.yaml", f"{key}: a.yaml"), capsys, ("a.yaml", 1, key), "vòng tròn: a.yaml → a.yaml")


@pytest.mark.parametrize("key", LINKS)
def test_two_files_linking_each_other(tmp_path, capsys, key):
    _doc(tmp_path / "b.yaml", f"{key}: a.yaml", ISSUED)
    _refused(_doc(tmp_path / "a.yaml", f"{key}: b.yaml"), capsys, ("b.yaml", 1, key), "a.yaml → b.yaml → a.yaml")


def test_a_report_whose_plan_links_back(tmp_path, capsys):
    _doc(tmp_path / "plan.yaml", "ke_hoach: bc.yaml", PLAN)
    _refused(_doc(tmp_path / "bc.yaml", "ke_hoach: plan.yaml", {**PLAN, "loai": "bao_cao"}), capsys,
             ("plan.yaml", 1, "ke_hoach"), "bc.yaml → plan.yaml → bc.yaml")


def test_a_cycle_through_two_kinds_of_link(tmp_path, capsys):
    """The issued document inherits a profile that attaches the decision: placed where the profile says so."""
    _doc(tmp_path / "unit.yaml", "kem_theo: qd.yaml", {"dia_danh": "Vĩnh Long"})
    _doc(tmp_path / "quy-che.yaml", "ke_thua: unit.yaml", ISSUED)
    _refused(_doc(tmp_path / "qd.yaml", "kem_theo: quy-che.yaml"), capsys, ("unit.yaml", 1, "kem_theo"),
             "qd.yaml → quy-che.yaml → qd.yaml")


@pytest.mark.parametrize("key", ["ke_thua", "ke_hoach"])
def test_a_chain_of_500_files_ends_in_a_located_error(tmp_path, capsys, key):
    for i in range(500):
        _doc(tmp_path / f"c{i}.yaml", f"{key}: c{i + 1}.yaml", PLAN)
    _doc(tmp_path / "c500.yaml", "", PLAN)
    last = source.MAX_DEPTH - 1
    _refused(tmp_path / "c0.yaml", capsys, (f"c{last}.yaml", 1, key), f"dài quá {source.MAX_DEPTH} tệp")


def test_a_file_inherited_along_many_paths_is_read_once(tmp_path):
    """Twenty levels of two profiles each inheriting both of the next level: 2**20 paths, 40 files."""
    for level in range(20):
        for side in "ab":
            _doc(tmp_path / f"{side}{level}.yaml", f"ke_thua: [a{level + 1}.yaml, b{level + 1}.yaml]",
                 {f"muc_{level}": side})
    for side in "ab":
        _doc(tmp_path / f"{side}20.yaml", "", {"dia_danh": "Cần Thơ"})
    data = source.load_path(tmp_path / "a0.yaml").data
    assert data["dia_danh"] == "Cần Thơ" and data["muc_0"] == "a" and data["muc_19"] == "b"


@pytest.mark.parametrize("link", ["/abs", "../secret.yaml", "link.yaml"])
def test_roots_confine_linked_files(tmp_path, capsys, link):
    secret = _doc(tmp_path / "secret.yaml", "", {"nguoi_soan": "BM.(01)"})
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "link.yaml").symlink_to(secret)
    link = str(secret) if link == "/abs" else link
    doc = _doc(docs / "qd.yaml", f"ke_thua: {link}")
    assert ccch_docs.load(doc).nguoi_soan == "BM.(01)"  # without roots, as before
    _refused(doc, capsys, ("qd.yaml", 1, "ke_thua"), "nằm ngoài các thư mục được phép", roots=[docs])
    _doc(docs / "unit.yaml", "", {"nguoi_soan": "VL.(02)"})
    assert ccch_docs.load(_doc(docs / "ok.yaml", "ke_thua: unit.yaml"), roots=[docs]).nguoi_soan == "VL.(02)"


def test_roots_confine_packs(tmp_path, capsys):
    make_pack(tmp_path / "outside" / "tinh", "ten: ngoài\n")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "mau").symlink_to(tmp_path / "outside")
    doc = _doc(docs / "qd.yaml", "mau: tinh")
    assert ccch_docs.load(doc).templates.folders[0].name == "tinh"
    _refused(doc, capsys, ("qd.yaml", 1, "mau"), "nằm ngoài các thư mục được phép", roots=[docs])


def test_pack_yaml_may_not_link_out_of_its_pack(tmp_path, capsys):
    (tmp_path / "elsewhere.yaml").write_text("ten: ngoài\n", "utf-8")
    pack = make_pack(tmp_path / "mau" / "tinh")
    (pack / "pack.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    _refused(_doc(tmp_path / "qd.yaml", "mau: tinh"), capsys, ("pack.yaml", None, None), "ra ngoài bộ mẫu")
    (pack / "pack.yaml").unlink()
    (pack / "pack.yaml").write_text("ke_thua: ../../elsewhere.yaml\n", "utf-8")
    _refused(tmp_path / "qd.yaml", capsys, ("pack.yaml", 1, "ke_thua"), "nằm ngoài")


def test_a_template_may_not_link_out_of_its_pack(tmp_path, capsys):
    pack = make_pack(tmp_path / "mau" / "tinh")
    (pack / "quyet_dinh.docx").symlink_to(ccch_docs.packs.builtin_dir() / "quyet_dinh.docx")
    doc = ccch_docs.load(_doc(tmp_path / "qd.yaml", "mau: tinh"))
    with pytest.raises(ccch_docs.TemplateError, match="ra ngoài thư mục mẫu"):
        ccch_docs.render(doc)
    assert main(["render", str(tmp_path / "qd.yaml")]) == 2
    assert not (tmp_path / "qd.docx").exists()


def test_loads_takes_utf8_bytes():
    text = yaml.safe_dump(DECISION, allow_unicode=True)
    assert ccch_docs.loads(text.encode("utf-8")).van_ban == ccch_docs.loads(text).van_ban


@pytest.mark.parametrize("key", ["kem_theo", "ke_hoach"])
def test_a_pack_sets_no_linked_file(tmp_path, capsys, key):
    make_pack(tmp_path / "mau" / "tinh", f"mac_dinh:\n  {key}: /etc/hostname\n")
    _refused(_doc(tmp_path / "qd.yaml", "mau: tinh"), capsys, ("pack.yaml", 2, f"mac_dinh.{key}"), "tệp liên kết")


@pytest.mark.parametrize("key", LINKS)
def test_a_loop_of_symlinks(tmp_path, capsys, key):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    _refused(_doc(tmp_path / "qd.yaml", f"{key}: a.yaml"), capsys, ("qd.yaml", 1, key), "vòng liên kết tượng trưng")


@pytest.mark.parametrize("key", ["kem_theo", "ke_hoach"])
def test_a_broken_link_is_reported_with_the_other_problems(tmp_path, capsys, key):
    doc = _doc(tmp_path / "qd.yaml", f"{key}: khong-co.yaml\ntrich_yue: x")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(doc)
    assert [(p.line, p.key) for p in info.value.problems] == [(1, key), (2, "trich_yue")], str(info.value)


def test_validation_reads_no_files():
    """Only the resolve stage reads linked files: validation and completion import neither it nor the reader,
    and call nothing that opens a file."""
    import ast

    from conftest import ROOT
    for name in ("model", "compute", "report"):
        tree = ast.parse((ROOT / "ccch_docs" / f"{name}.py").read_text("utf-8"))
        imported = {n.module.split(".")[0] if n.module else a.name for n in ast.walk(tree)
                    if isinstance(n, ast.ImportFrom) and n.level for a in n.names}
        assert not imported & {"files", "resolve", "packs"}, (name, imported)
        calls = {n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                 for n in ast.walk(tree) if isinstance(n, ast.Call)}
        assert not calls & {"open", "read_text", "read_bytes", "load_path", "linked_file", "is_file"}, (name, calls)


def test_links_followed_are_counted(tmp_path, capsys):
    """Twenty levels each naming the next level's file twice (as its attachment and as its plan): 2**20 paths
    without a cycle, refused once the document has followed MAX_LINKS links; so is a long list of ke_thua."""
    for level in range(20):
        _doc(tmp_path / f"d{level}.yaml", f"kem_theo: d{level + 1}.yaml\nke_hoach: d{level + 1}.yaml")
    _doc(tmp_path / "d20.yaml")
    with pytest.raises(ccch_docs.InputError, match="quá nhiều liên kết"):
        ccch_docs.load(tmp_path / "d0.yaml")
    _doc(tmp_path / "unit.yaml", "", {"nguoi_soan": "VL.(02)"})
    many = _doc(tmp_path / "many.yaml", "ke_thua: [" + ", ".join(["unit.yaml"] * (files.MAX_LINKS + 1)) + "]")
    _refused(many, capsys, ("many.yaml", 1, f"ke_thua[{files.MAX_LINKS}]"), "quá nhiều liên kết")
