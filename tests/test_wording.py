"""The wording table: a pack's `tu_ngu` replaces any phrase marked overridable, and only those."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree

import ccch_docs
from ccch_docs.cli import main
from ccch_docs.decree import wording
from conftest import ROOT, make_pack

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PACK = """\
tu_ngu:
  theo_de_nghi: Xét đề nghị của
  nhu_dieu: "Như {dieu} (để thực hiện)"
  kem_theo: "(Ban hành kèm theo {van_ban})"
  phu_luc: PHỤ LỤC
  ket_qua_tieu_de: KẾT QUẢ CÁC NHIỆM VỤ
  cot_tinh_trang: Tiến độ
  hoan_thanh: Đã hoàn thành
"""


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("CCHC_TEMPLATES", raising=False)


def _paragraphs(data: bytes) -> list[etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return list(etree.fromstring(z.read("word/document.xml")).iter(W + "p"))


def _text(p: etree._Element) -> str:
    return "".join(p.itertext())


def _look(p: etree._Element) -> tuple[bytes, ...]:
    """A paragraph's style and the properties of each of its runs."""
    props = [p.find(W + "pPr"), *(r.find(W + "rPr") for r in p.iter(W + "r"))]
    return tuple(b"" if e is None else etree.tostring(e) for e in props)


@pytest.mark.parametrize("example, changed", [
    ("quyet-dinh-kien-toan-bcd-cchc-vinh-long.yaml", [
        ("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 315/TTr-SNV ngày 10/5/2022.",
         "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 315/TTr-SNV ngày 10/5/2022."),
        ("- Như Điều 3;", "- Như Điều 3 (để thực hiện);"),
    ]),
    ("bao-cao-cchc-2021-dong-thap.yaml", [
        ("Phụ lục", "PHỤ LỤC"),
        ("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ", "KẾT QUẢ CÁC NHIỆM VỤ"),
        ("(Kèm theo Báo cáo số 352/BC-UBND ngày 26/11/2021 của UBND tỉnh Đồng Tháp)",
         "(Ban hành kèm theo Báo cáo số 352/BC-UBND ngày 26/11/2021 của UBND tỉnh Đồng Tháp)"),
        ("Tình trạng", "Tiến độ"),
        *[("Hoàn thành", "Đã hoàn thành")] * 28,  # the tasks the report marks hoan_thanh
    ]),
])
def test_pack_overrides_phrases_beyond_the_three_labels(tmp_path, example, changed):
    """Only the paragraphs holding an overridden phrase change, to the pack's wording, in the same look."""
    make_pack(tmp_path / "p", PACK)
    plain = _paragraphs(ccch_docs.render(ccch_docs.load(ROOT / "examples" / example)))
    custom = _paragraphs(ccch_docs.render(ccch_docs.load(ROOT / "examples" / example, templates=tmp_path / "p")))
    assert len(plain) == len(custom)
    differ = [(a, b) for a, b in zip(plain, custom, strict=True) if _text(a) != _text(b)]
    assert [(_text(a), _text(b)) for a, b in differ] == changed
    assert all(_look(a) == _look(b) for a, b in differ)


@pytest.mark.parametrize("pack_yaml, key, message, hint", [
    ('tu_ngu:\n  nhu_dieu: "Như {dieuu}"\n', "tu_ngu.nhu_dieu", "{dieuu}", "{dieu}"),
    ("tu_ngu:\n  quoc_hieu: CỘNG HÒA\n", "tu_ngu.quoc_hieu", "khóa không có", "noi_nhan"),
    # braces that are no slot of the phrase, printed as typed before
    ('tu_ngu:\n  nhu_dieu: "Như {0}"\n', "tu_ngu.nhu_dieu", "`{0}`", "{dieu}"),
    ('tu_ngu:\n  nhu_dieu: "Như {}"\n', "tu_ngu.nhu_dieu", "`{}`", "{dieu}"),
    ('tu_ngu:\n  kem_theo: "(Kèm theo {van_ban.__class__})"\n', "tu_ngu.kem_theo", "`{van_ban.__class__}`",
     "{van_ban}"),
    ('tu_ngu:\n  ky_bao_cao: "(từ {tu!r} đến {den})"\n', "tu_ngu.ky_bao_cao", "`{tu!r}`", "{den}, {tu}"),
    ('tu_ngu:\n  nhu_dieu: "Như {dieu"\n', "tu_ngu.nhu_dieu", "`{`", "{dieu}"),
    ('tu_ngu:\n  luu: "Lưu}:"\n', "tu_ngu.luu", "`}`", "không có"),
])
def test_pack_wording_errors_are_located(tmp_path, capsys, pack_yaml, key, message, hint):
    """A slot the phrase does not have, other braces, or a phrase the decree fixes, is an error in pack.yaml;
    the CLI exits 2 and writes nothing."""
    make_pack(tmp_path / "p", pack_yaml)
    example = ROOT / "examples" / "quyet-dinh-kien-toan-bcd-cchc-vinh-long.yaml"
    with pytest.raises(ccch_docs.InputError) as exc_info:
        ccch_docs.load(example, templates=[tmp_path / "p"])
    (p,) = exc_info.value.problems
    assert (p.file, p.line, p.key) == (str(tmp_path / "p" / "pack.yaml"), 2, key)
    assert message in p.message and hint in p.hint
    out = tmp_path / "out.docx"
    assert main(["render", str(example), "-o", str(out), "--templates", str(tmp_path / "p")]) == 2
    assert "pack.yaml:2:" in capsys.readouterr().err and not out.exists()


def test_every_printed_phrase_is_in_the_table_once():
    """The pack keys are exactly the overridable phrases; the fixed ones keep the decree's text."""
    assert set(ccch_docs.settings.TuNgu.model_fields) == set(wording.OVERRIDABLE)
    fixed = wording.words({k: "x" for k in wording.OVERRIDABLE})
    assert all(fixed[k] == p.text for k, p in wording.PHRASES.items() if not p.overridable)
    assert all(fixed[k] == "x" for k in wording.OVERRIDABLE)


@pytest.mark.parametrize("typed", ['"- Lưu trữ: VT, P.CCHC"', "Lưu trữ: VT, P.CCHC"])  # a line, a key and value
def test_a_pack_s_noi_nhan_and_luu_labels_are_read_as_it_prints_them(tmp_path, capsys, typed):
    """A Lưu line typed among the noi_nhan in the pack's wording is the document's `luu`, printed once, last; `check`
    given the pack finds the Nơi nhận block and its Lưu line in that wording."""
    pack = make_pack(tmp_path / "p", 'tu_ngu:\n  noi_nhan: "Nơi gửi:"\n  luu: "Lưu trữ:"\n')
    doc = tmp_path / "doc.yaml"
    doc.write_text(f"ke_thua: {ROOT / 'examples' / 'ke-hoach-cchc-2021-dong-thap.yaml'}\n"
                   f"noi_nhan:\n  - Bộ Nội vụ\n  - {typed}\n", "utf-8")
    out = tmp_path / "doc.docx"
    assert main(["render", str(doc), "-o", str(out), "--templates", str(pack)]) == 0
    texts = [_text(p) for p in _paragraphs(out.read_bytes())]
    block = texts[texts.index("Nơi gửi:"):]
    assert block[1:3] == ["- Bộ Nội vụ;", "- Lưu trữ: VT, P.CCHC."], block
    capsys.readouterr()
    assert main(["check", str(out), "--templates", str(pack)]) == 0
    assert capsys.readouterr().out == f"{out}: đạt\n"
