"""Constructs of real Word and LibreOffice files, each added to a clerk's Kế hoạch: import keeps their words."""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from pathlib import Path

import yaml
from docx import Document
from lxml import etree

import clerk_docx
from ccch_docs import checks, importer
from ccch_docs.api import loads
from ccch_docs.cli import main
from ccch_docs.flatten import symbol
from ccch_docs.import_yaml import text
from ccch_docs.metrics import text_width
from ccch_docs.ooxml import W, qn
from samples import PLAN

NS = f'xmlns:w="{W}"'


def _edited(tmp_path: Path, edit: Callable[[etree._Element], None], name: str = "variant.docx") -> Path:
    """The clerk's Kế hoạch with `edit` applied to its document part."""
    with zipfile.ZipFile(clerk_docx.build(tmp_path / "base.docx")) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    edit(root)
    parts["word/document.xml"] = etree.tostring(root)
    out = tmp_path / name
    with zipfile.ZipFile(out, "w") as z:
        for part, data in parts.items():
            z.writestr(part, data)
    return out


def _variant(tmp_path: Path, after: str, xml: str, replace: bool = False) -> Path:
    """The clerk's Kế hoạch with `xml` (body elements) after, or instead of, the paragraph starting `after`."""
    def edit(root: etree._Element) -> None:
        p = next(p for p in root.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))).startswith(after))
        for el in reversed(etree.fromstring(f"<x {NS}>{xml}</x>")):
            p.addnext(el)
        if replace:
            p.getparent().remove(p)
    return _edited(tmp_path, edit)


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
    assert [(c["ten"], c.get("chung")) for c in bang["cot"]] == [
        ("Nhiệm vụ", None), ("Chủ trì", "Thực hiện"), ("Thời gian", "Thực hiện")]  # rendered as two rows again
    first, second = bang["dong"]
    assert first == {"nhiem_vu": "Rà soát văn bản", "chu_tri": "Sở Tư pháp", "thoi_gian": "Quý I/2021"}
    assert second["chu_tri"] == "Sở Nội vụ, cả năm"
    assert second["gop"] == ["chu_tri", "thoi_gian"]
    assert not got.unplaced


def test_symbol_characters_are_read(tmp_path: Path) -> None:
    """Insert ▸ Symbol writes <w:sym>: its character is kept (it was dropped, the words either side joined), as
    one Times New Roman has: Wingdings' check mark reads √ (✓ has no glyph there and was refused, CCHC-E639)."""
    para = ('<w:p><w:r><w:t xml:space="preserve">b) Nâng cao chất lượng </w:t></w:r>'
            '<w:r><w:sym w:font="Symbol" w:char="F0B3"/></w:r><w:r><w:t xml:space="preserve"> 90% </w:t></w:r>'
            '<w:r><w:sym w:font="Wingdings" w:char="F0FC"/></w:r><w:r><w:sym w:font="Times New Roman" w:char="2013"/>'
            '</w:r><w:r><w:t xml:space="preserve"> đạt;</w:t></w:r></w:p>')
    got = importer.read(_variant(tmp_path, "b) Nâng cao", para, replace=True))
    assert got.data["noi_dung"][0]["muc"][0]["muc"][1] == {"doan": "Nâng cao chất lượng ≥ 90% √– đạt;"}


def _tabbed_footer(tmp_path: Path, name_bold: bool) -> Path:
    """The Kế hoạch with its footer typed with tabs: Nơi nhận on the left, the signer at a centred tab stop on the
    right, empty lines left for the signature, then the name alone in the right column."""
    def edit(root: etree._Element) -> None:
        body = root.find(qn("w:body"))
        footer = body.findall(qn("w:tbl"))[-1]
        for row in rows:
            footer.addprevious(etree.fromstring(f'<w:p {NS}><w:pPr><w:tabs><w:tab w:val="center" w:pos="6800"/>'
                                                f'</w:tabs><w:spacing w:before="0" w:after="0"/></w:pPr>{row}</w:p>'))
        body.remove(footer)

    def run(text: str, size: int, bold: bool = False, italic: bool = False) -> str:
        props = f'<w:sz w:val="{size}"/>' + ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
        return f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman"' \
               f' w:cs="Times New Roman"/>{props}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'
    tab = '<w:r><w:tab/></w:r>'
    rows = [run("Nơi nhận:", 24, True, True) + tab + run("TM. ỦY BAN NHÂN DÂN", 28, True),
            run("- Bộ Nội vụ;", 22) + tab + run("CHỦ TỊCH", 28, True), run("- Lưu: VT, KSTTHC.", 22), "", "", "",
            tab + run("Nguyễn Văn Dương", 28, name_bold)]
    return _edited(tmp_path, edit, f"tabs-{name_bold}.docx")


def test_signer_typed_with_tabs_past_the_signature_space(tmp_path: Path) -> None:
    """The name under empty lines in the tabbed footer is the signer's (it was left out: import refused its YAML
    for the missing chuc_vu, CHỦ TỊCH read as the name), and check judges that name."""
    path = _tabbed_footer(tmp_path, name_bold=True)
    got = importer.read(path)
    assert got.data["nguoi_ky"] == {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn Dương"}
    assert got.data["noi_nhan"] == ["Bộ Nội vụ"] and got.data["luu"] == "VT, KSTTHC"
    assert not got.unplaced
    assert not checks.check(path).findings
    assert "ho_ten.bold" in {f.code for f in checks.check(_tabbed_footer(tmp_path, name_bold=False)).findings}


def test_symbol_font_codes_typed_as_text(tmp_path: Path) -> None:
    """LibreOffice saves a symbol as its font's code (U+F0B3 in a Symbol run): read as the character it shows."""
    para = ('<w:p><w:r><w:t xml:space="preserve">b) Nâng cao chất lượng </w:t></w:r><w:r><w:rPr><w:rFonts '
            'w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr><w:t>\uf0b3</w:t></w:r><w:r><w:t xml:space="preserve"> 90%;'
            '</w:t></w:r></w:p>')
    got = importer.read(_variant(tmp_path, "b) Nâng cao", para, replace=True))
    assert got.data["noi_dung"][0]["muc"][0]["muc"][1] == {"doan": "Nâng cao chất lượng ≥ 90%;"}


def test_wingdings_bullets_import_to_yaml_that_renders(tmp_path: Path, capsys) -> None:
    """Lines opening with Wingdings' ➢ (code F0D8, from Insert ▸ Symbol or typed in a Wingdings run as LibreOffice
    saves it) are bullets: read as typed "- " ones, printed with the renderer's dash; one inside a line reads →.
    The YAML import wrote held ➢, which render refused (CCHC-E639)."""
    arrow = '<w:r><w:sym w:font="Wingdings" w:char="F0D8"/></w:r>'
    typed = '<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>\uf0d8</w:t></w:r>'
    words = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    xml = (f'<w:p>{arrow}{words.format(" Rà soát thủ tục;")}</w:p>'
           f'<w:p>{typed}<w:r><w:tab/></w:r>{words.format("Công khai thủ tục;")}</w:p>'
           f'<w:p>{words.format("Một cửa ")}{arrow}{words.format(" liên thông.")}</w:p>')
    source, out, docx = _variant(tmp_path, "b) Nâng cao", xml), tmp_path / "kh.yaml", tmp_path / "kh.docx"
    assert main(["import", str(source), "-o", str(out)]) == 0
    assert main(["render", str(out), "-o", str(docx)]) == 0, capsys.readouterr().err
    lines = [p.text for p in Document(str(docx)).paragraphs]
    at = lines.index("b) Nâng cao chất lượng phục vụ người dân;")
    assert lines[at + 1:at + 3] == ["- Rà soát thủ tục;", "- Công khai thủ tục;"]
    assert "Một cửa → liên thông." in lines


def test_symbols_times_new_roman_lacks_import_to_yaml_that_renders(tmp_path: Path, capsys) -> None:
    """A Wingdings code with no equivalent (☎, F028), one of another symbol font typed as LibreOffice saves it and a
    private-use character in plain text read as ▫, their paragraphs named: they were kept as private-use characters,
    which render refuses (CCHC-E639), so import wrote a YAML that did not render."""
    words = '<w:r><w:t xml:space="preserve">{}</w:t></w:r>'
    xml = (f'<w:p>{words.format("Đường dây nóng ")}<w:r><w:sym w:font="Wingdings" w:char="F028"/></w:r>'
           f'{words.format(" 1022;")}</w:p>'
           '<w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings 2" w:hAnsi="Wingdings 2"/></w:rPr><w:t>\uf050</w:t></w:r>'
           + words.format(" Đạt chỉ tiêu \ue001 đề ra.") + '</w:p>')
    source, out, docx = _variant(tmp_path, "b) Nâng cao", xml), tmp_path / "kh.yaml", tmp_path / "kh.docx"
    assert main(["import", str(source), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    noted = [line for line in err.splitlines() if line.endswith("[CCHC-E349]")]
    assert len(noted) == 2 and noted[0].startswith(f"{source}: đoạn "), err
    assert "có ký hiệu không có trong phông Times New Roman: đã ghi thành ▫ (gợi ý: thay ▫ bằng chữ" in noted[0]
    assert main(["render", str(out), "-o", str(docx)]) == 0, capsys.readouterr().err
    lines = [p.text for p in Document(str(docx)).paragraphs]
    assert "Đường dây nóng ▫ 1022;" in lines and "▫ Đạt chỉ tiêu ▫ đề ra." in lines, lines


def test_every_symbol_code_reads_as_a_character_validation_accepts() -> None:
    """Each Symbol and Wingdings code, in a line or as its bullet, reads as text a YAML value may hold: none is a
    dingbat Times New Roman lacks (❑ ❖ ➢ ➔ ✓ ☑ ✗ ☞ were), which validation refuses (CCHC-E639)."""
    read = {symbol(font, f"{code:X}", lead) for font in ("Symbol", "Wingdings") for code in range(0xF020, 0xF100)
            for lead in (False, True)}
    assert {"•", "→", "√", "×", "□", "♦", "-"} <= read
    doc = loads(yaml.safe_dump({**PLAN, "mo_dau": " ".join(sorted(read))}, allow_unicode=True), name="t.yaml")
    assert set(doc.mo_dau[0]) >= read - {" "}


def _typed_rule(tmp_path: Path, count: int) -> Path:
    """The line under the trích yếu typed as `count` underscores in a centred paragraph, as clerks type it."""
    def edit(root: etree._Element) -> None:
        title = next(p for p in root.iter(qn("w:p")) if "".join(t.text or "" for t in p.iter(qn("w:t"))) ==
                     clerk_docx.GOOD["trich_yeu"])
        title.getparent().replace(title.getnext(), etree.fromstring(
            f'<w:p {NS}><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr><w:r><w:rPr>'
            f'<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" '
            f'w:cs="Times New Roman"/><w:b/><w:sz w:val="28"/></w:rPr><w:t>{"_" * count}</w:t></w:r></w:p>'))
    return _edited(tmp_path, edit, f"rule-{count}.docx")


def test_line_typed_as_underscores(tmp_path: Path) -> None:
    """A paragraph of underscores under the trích yếu is its line, measured as printed: not the mở đầu's first
    paragraph on import (it was), and check judges its length (too short a line is still found)."""
    room = text_width(clerk_docx.GOOD["trich_yeu"], 14, bold=True)
    path = _typed_rule(tmp_path, round(room * 0.4 / text_width("_", 14, bold=True)))
    got = importer.read(path)
    assert got.data["mo_dau"].startswith("Nhằm cụ thể hóa") and not got.unplaced
    assert not checks.check(path).findings
    assert "trich_yeu.line" in {f.code for f in checks.check(_typed_rule(tmp_path, 3)).findings}
