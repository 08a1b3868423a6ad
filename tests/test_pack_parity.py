"""Every pack in examples/mau prints what the built-in templates print, construct by construct: a pack whose
templates lag the built-in ones (a lost loop, branch or section break) fails here."""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import ccch_docs
from ccch_docs.cli import main
from conftest import ROOT
from samples import DECISION, LETTER, PLAN

PACKS = sorted(p for p in (ROOT / "examples" / "mau").iterdir() if p.is_dir())
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"

TABLE = {"ten": "Bảng 1. Kết quả giải quyết hồ sơ", "don_vi": "Đơn vị tính: hồ sơ",
         "cot": [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 3}, {"khoa": "tiep_nhan", "ten": "Tiếp nhận"}],
         "danh_so": {"dong": "1"}, "tong_cong": "tiep_nhan",
         "dong": [{"linh_vuc": "Đất **đai**", "tiep_nhan": 12000}, {"linh_vuc": "Xây dựng", "tiep_nhan": 4333}]}
DEEP = [{"tieu_de": "Nhiệm vụ", "doan": ["Kết quả như sau[^1]:", {"bang": TABLE}, "Đạt *cao*."], "muc": [
    {"tieu_de": "Cải cách thủ tục", "muc": [
        {"tieu_de": "Lộ trình thực hiện:", "cung_dong": True, "doan": "Năm 2025 - 2026."},
        {"tieu_de": "Rà soát", "muc": [{"doan": "Bước một", "muc": [{"doan": "ý a", "muc": [
            {"doan": "gạch", "muc": [{"doan": "cộng"}]}]}]}]}]}]},
    {"tieu_de": "Phần không số", "so": False, "doan": "***Đậm nghiêng***, a * b và \\*."}]
LEVELS = {"cap": ["I.", "1.", "1.1.", "1.1.1.", "a)", "-", "+"]}
PHU_LUC = [
    {"tieu_de": "Hướng dẫn", "danh_so": {"cap": ["I.", "1.", "1.1."]}, "noi_dung": [
        {"tieu_de": "Phạm vi", "muc": [{"tieu_de": "Đối tượng", "muc": [{"doan": "Các sở, **ban**, ngành."}]}]}]},
    {"tieu_de": "Kết quả", "noi_dung": [
        {"tieu_de": "Phần I. Số liệu", "so": False, "doan": [{"bang": {**TABLE, "ten": None}}]},
        {"tieu_de": "Phần II. Đánh giá", "so": False, "muc": [{"tieu_de": "Ưu điểm", "doan": "Tốt."}]}]},
    {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_6_cot", "danh_so": {"nhom": "I.", "dong": "1"}, "nhom": [
        {"ten": "Nhóm *một*", "dong": [{"noi_dung": "Việc một", "chu_tri": "Sở Nội vụ"}]}]},
    {"tieu_de": "Kinh phí", "cot": "ke_hoach_8_cot", "tong_cong": True, "danh_so": {"nhom": "1.", "dong": "a)"},
     "nhom": [{"ten": "Nhóm hai", "dong": [{"noi_dung": "Việc hai", "kinh_phi": 1000000}]}]},
]
NOI_NHAN = ["Bộ Nội vụ", "Văn phòng Chính phủ *(để b/c)*"]
HEAD = {"co_quan": {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "SỞ NỘI VỤ", "viet_tat": "SNV",
                    "dia_chi": "Địa chỉ: số 1 đường Mẫu; ĐT: 0277 0000000"},
        "do_mat": "mat", "do_khan": "khan", "nguoi_soan": "NVA.(05)"}
DOCUMENTS = {
    "plan": {**PLAN, **HEAD, "kinh_gui": "Ủy ban nhân dân *Tỉnh*", "mo_dau": "Mở đầu có **chữ đậm**[^2].",
             "danh_so": LEVELS, "noi_dung": DEEP, "ket_thuc": "Kết thúc./.", "noi_nhan": NOI_NHAN,
             "chu_thich": {"1": "Chú thích *một*.", "2": "Chú thích hai."}, "phu_luc": PHU_LUC},
    "report": {**PLAN, "loai": "bao_cao", "ky_bao_cao": {"tu": "2020-12-01", "den": "2021-11-15"},
               "kinh_gui": ["Ủy ban nhân dân *Tỉnh*", "Sở **Tài chính**"], "noi_nhan": NOI_NHAN},
    "decision": {**DECISION, **HEAD, "can_cu": ["Luật *Tổ chức chính quyền địa phương* ngày 19/6/2015"],
                 "noi_nhan": NOI_NHAN, "phu_luc": PHU_LUC[:2],
                 "kem_theo": {"loai": "ke_hoach", "trich_yeu": "Cải cách hành chính năm 2022",
                              "mo_dau": "Mở đầu.", "danh_so": LEVELS, "noi_dung": DEEP[:1], "ket_thuc": "Hết./.",
                              "chu_thich": {"1": "Chú thích."}}},
    "rules": {**PLAN, "loai": "quy_che", "danh_so": {"cap": ["Chương", "Mục", "Điều", "1.", "a)"]}, "noi_dung": [
        {"tieu_de": "Quy định chung", "muc": [{"tieu_de": "Phạm vi", "muc": [
            {"tieu_de": "Phạm vi điều chỉnh", "muc": [{"doan": "Quy chế này quy định *việc*:", "muc": [
                {"doan": "Tổ chức;"}, {"doan": "Hoạt động."}]}]}]}]},
        {"tieu_de": "Tổ chức thực hiện", "muc": [{"tieu_de": "Thi hành", "muc": [
            {"tieu_de": "Trách nhiệm thi hành", "doan": "Các cơ quan thực hiện./."}]}]}], "noi_nhan": NOI_NHAN},
    "letter": {**LETTER, "kinh_gui": ["Sở *Nội vụ*", "Sở Tư pháp"], "noi_dung": DEEP[:1], "noi_nhan": NOI_NHAN,
               "danh_so": {"cap": ["1.", "1.1.", "1", "a)", "a", "-", "+"]},
               "chu_thich": {"1": "Chú thích."}, "phu_luc": PHU_LUC[:1]},
}


def _text(el: etree._Element) -> str:
    """A paragraph's text with its direct emphasis written back as markup (`**đậm**`, `*nghiêng*`)."""
    out = []
    for r in el.iter(W + "r"):
        text = "".join(t.text or "" for t in r.iter(W + "t")) + ("^" if r.find(W + "footnoteReference") is not None
                                                                   else "")
        marks = "".join(m for tag, m in (("b", "**"), ("i", "*")) if _on(r.find(f"{W}rPr/{W}{tag}")))
        out.append(f"{marks}{text}{marks}" if marks and text.strip() else text)
    return " ".join("".join(out).split())


def _on(toggle: etree._Element | None) -> bool:
    return toggle is not None and toggle.get(W + "val") not in ("0", "false", "off")


def _section(sect: etree._Element, parts: dict[str, etree._Element], rels: dict[str, str], pages: bool) -> str:
    """A section's page: orientation, first page number; with `pages`, its own first page (titlePg) and the text
    of each header and footer it uses."""
    size, number = sect.find(W + "pgSz"), sect.find(W + "pgNumType")
    out = (f"section {'ngang' if int(size.get(W + 'w')) > int(size.get(W + 'h')) else 'doc'}"
           f" from {number.get(W + 'start', '-') if number is not None else '-'}")
    if not pages:
        return out
    refs = sorted(f"{ref.tag.split('}')[1]}:{ref.get(W + 'type')}="
                  + "/".join(_text(p) for p in parts[f"word/{rels[ref.get(R + 'id')]}"].iter(W + "p"))
                  for ref in sect if ref.tag in (W + "headerReference", W + "footerReference"))
    return f"{out} first page {'own' if sect.find(W + 'titlePg') is not None else 'same'} {refs}"


def outline(path: Path, pages: bool = True) -> list[str]:
    """What the reader sees, in order: each paragraph's style (by name) text and emphasis, each table's shape, each
    section's page (orientation, numbering and, with `pages`, its headers and footers), the footnotes."""
    with zipfile.ZipFile(path) as z:
        parts = {n: etree.fromstring(z.read(n)) for n in z.namelist()
                 if n.startswith("word/") and n.endswith(".xml")}
        rels = {r.get("Id"): r.get("Target") for r in etree.fromstring(z.read("word/_rels/document.xml.rels"))}
    names = {st.get(W + "styleId"): st.find(W + "name").get(W + "val") for st in parts["word/styles.xml"]
             if st.tag == W + "style"}
    out = []
    for el in parts["word/document.xml"].iter(W + "p", W + "tbl", W + "sectPr"):
        if el.tag == W + "p" and _text(el):
            style = el.find(f"{W}pPr/{W}pStyle")
            out.append(f"{names.get(style.get(W + 'val')) if style is not None else ''}: {_text(el)}")
        elif el.tag == W + "tbl":
            out.append(f"table {len(el.findall(W + 'tr'))} rows, spans "
                       f"{[int(s.get(W + 'val')) for s in el.iter(W + 'gridSpan')]}")
        elif el.tag == W + "sectPr":
            out.append(_section(el, parts, rels, pages))
    notes = parts.get("word/footnotes.xml")
    return out + ([f"footnote {_text(p)}" for p in notes.iter(W + "p") if _text(p)] if notes is not None else [])


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.name)
@pytest.mark.parametrize("name", DOCUMENTS)
def test_a_pack_prints_every_construct_as_the_built_in_templates_do(tmp_path, pack, name):
    settings = tmp_path / "settings"  # the pack's pack.yaml alone: its wording and defaults, the built-in templates
    settings.mkdir()
    if (pack / "pack.yaml").exists():
        shutil.copy(pack / "pack.yaml", settings / "pack.yaml")
    built_in, ours = tmp_path / "built-in.docx", tmp_path / "pack.docx"
    ccch_docs.render(ccch_docs.from_dict(DOCUMENTS[name], templates=[settings]), built_in)
    doc = ccch_docs.from_dict(DOCUMENTS[name], templates=[pack])
    assert doc.templates.folders[0] == pack
    ccch_docs.render(doc, ours)
    expected = outline(built_in)
    assert len(expected) > 20 and "CCHC Nơi nhận - mục: - Văn phòng Chính phủ *(để b/c)*;" in expected
    assert outline(ours) == expected


def _edited(folder: Path, old: str, new: str) -> Path:
    """A pack whose van_ban.docx is the built-in one with the pattern `old` replaced by `new` in its document.xml."""
    folder.mkdir()
    with zipfile.ZipFile(ccch_docs.packs.builtin_dir() / "van_ban.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert re.search(old, xml), old
    parts["word/document.xml"] = re.sub(old, new, xml).encode("utf-8")
    with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    return folder


def test_emphasis_in_a_cell_of_a_template_whose_runs_have_empty_properties(tmp_path):
    """LibreOffice saves a prototype cell's run with an empty `<w:rPr/>`: bold and italic are added to it."""
    pack = _edited(tmp_path / "pack", "<w:r><w:t", "<w:r><w:rPr></w:rPr><w:t")
    out = tmp_path / "out.docx"
    ccch_docs.render(ccch_docs.from_dict({**PLAN, "phu_luc": PHU_LUC[2:3]}, templates=[pack]), out)
    assert "CCHC Bảng - nhóm: I. Nhóm *một*" in outline(out)


BRANCH = "{%p elif d.kieu == \"bang_ten\" %}"
TAG = '<w:p><w:r><w:t xml:space="preserve">{%p if pl.ngang %}</w:t></w:r></w:p>'


@pytest.mark.parametrize("old, new, messages", [
    (BRANCH, BRANCH.replace("bang_ten", "bang_tenn"),
     ["mẫu mất nhánh `{% elif d.kieu == \"bang_ten\" %}` của vòng lặp `{% for d in noi_dung %}`",
      "mẫu mất nhánh `{% elif d.kieu == \"bang_ten\" %}` của vòng lặp `{% for d in pl.noi_dung %}`"]),
    ("{%p if ky_bao_cao %}", "{%p if ky_bao_cao and false %}", ["mẫu mất nhánh `{% if ky_bao_cao %}`"]),
    (f"{TAG}<w:p><w:pPr><w:pStyle w:val=\"NgatDoan\"/><w:sectPr>.*?</w:sectPr></w:pPr></w:p>", TAG,
     ["mẫu mất 1 ngắt phần (trang phụ lục, số trang riêng)"]),  # a landscape phụ lục's break deleted
])
def test_templates_check_reports_a_lost_branch_or_section_break(tmp_path, capsys, old, new, messages):
    pack = _edited(tmp_path / "pack", old, new)
    assert main(["templates", "check", str(pack)]) == 2
    err = capsys.readouterr().err
    for message in messages:
        assert f"{pack / 'van_ban.docx'}: word/document.xml: {message}" in err
    assert err.count(": word/document.xml: ") == len(messages), err


def test_a_section_break_libreoffice_put_on_a_tag_paragraph_is_kept(tmp_path, capsys):
    """LibreOffice saves a template with the blank paragraphs that end the phụ lục's sections dropped and their
    breaks on the `{%p … %}` paragraphs before them; the breaks are put back in paragraphs of their own."""
    pack = _edited(tmp_path / "pack", r'<w:p><w:r><w:t xml:space="preserve">(\{%p (?:if pl.ngang|else) %\})</w:t></w:r></w:p>'
                   r'<w:p><w:pPr><w:pStyle w:val="NgatDoan"/>(<w:sectPr>.*?</w:sectPr>)</w:pPr></w:p>',
                   r'<w:p><w:pPr>\2</w:pPr><w:r><w:t xml:space="preserve">\1</w:t></w:r></w:p>')
    with zipfile.ZipFile(pack / "van_ban.docx") as z:
        assert z.read("word/document.xml").count(b'<w:p><w:pPr><w:sectPr>') == 2
    assert main(["templates", "check", str(pack)]) == 0, capsys.readouterr().err
    built_in, ours = tmp_path / "built-in.docx", tmp_path / "pack.docx"
    ccch_docs.render(ccch_docs.from_dict(DOCUMENTS["plan"]), built_in)
    ccch_docs.render(ccch_docs.from_dict(DOCUMENTS["plan"], templates=[pack]), ours)
    assert outline(ours) == outline(built_in)


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", ["plan", "report"])
def test_the_built_in_template_saved_by_libreoffice_prints_every_construct_alike(tmp_path, name):
    """The template author's way (export, save in LibreOffice) loses no loop, branch, section break or emphasis.
    (LibreOffice drops the distinct first page of a portrait phụ lục's section: its headers are not compared.)"""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                           "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "pack"),
                           str(ccch_docs.packs.builtin_dir() / "van_ban.docx")], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0 and (tmp_path / "pack" / "van_ban.docx").exists(), done.stderr
    built_in, ours = tmp_path / "built-in.docx", tmp_path / "pack.docx"
    ccch_docs.render(ccch_docs.from_dict(DOCUMENTS[name]), built_in)
    ccch_docs.render(ccch_docs.from_dict(DOCUMENTS[name], templates=[tmp_path / "pack"]), ours)
    assert outline(ours, pages=False) == outline(built_in, pages=False)
