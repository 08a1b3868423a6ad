"""Constructs of real Word and LibreOffice files, each added to a clerk's Kế hoạch: import keeps their words."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

import clerk_docx
from ccch_docs import importer
from ccch_docs.api import loads
from ccch_docs.import_yaml import text
from ccch_docs.ooxml import W, qn

NS = f'xmlns:w="{W}"'


def _variant(tmp_path: Path, after: str, xml: str, replace: bool = False) -> Path:
    """The clerk's Kế hoạch with `xml` (body elements) after, or instead of, the paragraph starting `after`."""
    base = clerk_docx.build(tmp_path / "base.docx")
    with zipfile.ZipFile(base) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    p = next(p for p in root.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(after))
    for el in reversed(etree.fromstring(f"<x {NS}>{xml}</x>")):
        p.addnext(el)
    if replace:
        p.getparent().remove(p)
    parts["word/document.xml"] = etree.tostring(root)
    out = tmp_path / "variant.docx"
    with zipfile.ZipFile(out, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return out


def _cell(text: str, width: int, merge: str | None = None, span: int = 1) -> str:
    props = f'<w:tcW w:w="{width}" w:type="dxa"/>' + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
    props += "" if merge is None else f'<w:vMerge w:val="{merge}"/>' if merge else "<w:vMerge/>"
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    return f"<w:tc><w:tcPr>{props}</w:tcPr><w:p>{run}</w:p></w:tc>"


def test_two_row_header_names_each_column(tmp_path: Path) -> None:
    """`Thực hiện` over `Chủ trì` and `Thời gian`, STT and Nhiệm vụ merged down: the second header row is no data
    row (it made gop_tren on the first row and lost its cells, and the YAML was refused), and a data cell across
    both columns is a gop of them."""
    rows = [
        [_cell("STT", 900, "restart"), _cell("Nhiệm vụ", 4100, "restart"), _cell("Thực hiện", 4000, span=2)],
        [_cell("", 900, ""), _cell("", 4100, ""), _cell("Chủ trì", 2000), _cell("Thời gian", 2000)],
        [_cell("1", 900), _cell("Rà soát văn bản", 4100), _cell("Sở Tư pháp", 2000), _cell("Quý I/2021", 2000)],
        [_cell("2", 900), _cell("Kiểm tra", 4100), _cell("Sở Nội vụ, cả năm", 4000, span=2)],
    ]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (900, 4100, 2000, 2000))
    table = f"<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>" + "".join(
        f"<w:tr>{''.join(r)}</w:tr>" for r in rows) + "</w:tbl>"
    got = importer.read(_variant(tmp_path, "1. Cải cách thể chế", table))
    loads(text(got), name="t.yaml")
    bang = got.data["noi_dung"][1]["muc"][0]["doan"][1]["bang"]
    assert [c["ten"] for c in bang["cot"]] == ["Nhiệm vụ", "Thực hiện - Chủ trì", "Thực hiện - Thời gian"]
    first, second = bang["dong"]
    assert first == {"nhiem_vu": "Rà soát văn bản", "thuc_hien_chu_tri": "Sở Tư pháp",
                     "thuc_hien_thoi_gian": "Quý I/2021"}
    assert second["thuc_hien_chu_tri"] == "Sở Nội vụ, cả năm"
    assert second["gop"] == ["thuc_hien_chu_tri", "thuc_hien_thoi_gian"]
    assert not got.unplaced


def test_symbol_characters_are_read(tmp_path: Path) -> None:
    """Insert ▸ Symbol writes <w:sym>: its character is kept (it was dropped, the words either side joined)."""
    para = ('<w:p><w:r><w:t xml:space="preserve">b) Nâng cao chất lượng </w:t></w:r>'
            '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:t xml:space="preserve"> 90% </w:t></w:r>'
            '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:sym w:font="Times New Roman" w:char="2013"/>'
            '</w:r><w:r><w:t xml:space="preserve"> đạt;</w:t></w:r></w:p>')
    got = importer.read(_variant(tmp_path, "b) Nâng cao", para, replace=True))
    assert got.data["noi_dung"][0]["muc"][0]["muc"][1] == {"doan": "Nâng cao chất lượng ≥ 90% ✓– đạt;"}
