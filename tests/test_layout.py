"""The decree's layout rules on a rendered document: page, fonts, header, title, body, footer, page numbers."""

from __future__ import annotations

import re

import pytest
from docx.oxml.ns import qn

import ccch_docs
from ccch_docs.metrics import text_width
from docx_view import View, align, body_problems, ppr, size, toggle
from samples import PLAN

MM = 36000
TNR = "Times New Roman"


@pytest.fixture(scope="module")
def view(rendered) -> View:
    return View.open(rendered["ke-hoach-cchc-2021-dong-thap"])


def test_page_is_a4_portrait_with_decree_margins(view):
    s = view.doc.sections[0]
    assert (round(s.page_width / MM), round(s.page_height / MM)) == (210, 297)
    assert 20 <= s.top_margin / MM <= 25 and 20 <= s.bottom_margin / MM <= 25
    assert 30 <= s.left_margin / MM <= 35 and 15 <= s.right_margin / MM <= 20


def test_times_new_roman_in_every_font_slot(view):
    styles = view.doc.styles.element
    default = styles.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}")
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        assert default.get(qn(f"w:{slot}")) == TNR
    for part in (styles, view.doc.element):
        for fonts in part.iter(qn("w:rFonts")):
            assert not any("Theme" in k for k in fonts.attrib), "theme fonts would escape Times New Roman"
            assert set(fonts.attrib.values()) <= {TNR}


def test_page_number_centred_at_top_from_page_two(view):
    s = view.doc.sections[0]
    assert s.different_first_page_header_footer
    assert "PAGE" not in s.first_page_header._element.xml
    pars = [p for p in s.header.paragraphs if "PAGE" in p._p.xml]
    assert len(pars) == 1
    assert "instrText" in pars[0]._p.xml and align(pars[0]) == "center"
    assert size(pars[0]) in (13, 14)


def test_header_table(view):
    t = view.doc.tables[0]
    assert len(t.columns) == 2
    borders = t._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(e.get(qn("w:val")) in ("nil", "none") for e in borders)
    left = [p for r in t.rows for p in r.cells[0].paragraphs if p.text.strip()]
    right = [p for r in t.rows for p in r.cells[1].paragraphs if p.text.strip()]
    coquan, so = left[:2], left[2]
    assert [p.text for p in coquan] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]
    assert all(toggle(p, "w:b") and size(p) in (12, 13) for p in coquan)
    assert so.text == "Số: 285/KH-UBND" and size(so) == 13 and not toggle(so, "w:b")
    qh, tn, date = right
    assert qh.text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and toggle(qh, "w:b")
    assert tn.text == "Độc lập - Tự do - Hạnh phúc" and toggle(tn, "w:b")
    assert (size(qh), size(tn), size(date)) in ((12, 13, 13), (13, 14, 14))
    assert toggle(date, "w:i") and not toggle(date, "w:b")
    assert date.text == "Đồng Tháp, ngày 05 tháng 12 năm 2020"


def _line_length_pt(par) -> float:
    """Length of a paragraph's bottom border: its cell's text room less its indents."""
    tc = par._p.getparent()
    width = int(tc.find(f"{qn('w:tcPr')}/{qn('w:tcW')}").get(qn("w:w"))) if tc.tag == qn("w:tc") else 9354
    mar = 2 * 57 if tc.tag == qn("w:tc") else 0
    ind = par._p.pPr.find(qn("w:ind"))
    return (width - mar - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))) / 20


def test_lines_under_tieu_ngu_and_co_quan(view):
    t = view.doc.tables[0]
    tn = t.rows[0].cells[1].paragraphs[1]
    assert ppr(tn, "w:pBdr").find(qn("w:bottom")).get(qn("w:val")) == "single"
    tn_width = text_width(tn.text, size(tn), bold=True)
    assert 0.95 * tn_width <= _line_length_pt(tn) <= 1.1 * tn_width
    cells = t.rows[0].cells[0].paragraphs
    rule = cells[-1]
    assert not rule.text and ppr(rule, "w:pBdr") is not None
    above = [p for p in cells if p.text.strip()][-1]
    ratio = _line_length_pt(rule) / text_width(above.text, size(above), bold=True)
    assert 1 / 3 <= ratio <= 1 / 2


def test_title_and_trich_yeu(view):
    ten_loai, trich_yeu = view.title()
    assert ten_loai.text == "KẾ HOẠCH"
    for p in (ten_loai, trich_yeu):
        assert toggle(p, "w:b") and align(p) == "center" and size(p) in (13, 14)
    rule = trich_yeu._p.getnext()
    assert rule.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == "DuongKeNgan"


def test_body_paragraphs_justified_indented_spaced(view):
    for p in view.body():
        assert align(p) == "both", p.text
        assert not body_problems(p)


def test_numbering_levels(view):
    body = view.body()
    roman = [p for p in body if re.match(r"^[IVX]+\. ", p.text)]
    assert [p.text.split(".")[0] for p in roman] == ["I", "II", "III", "IV"]
    assert all(p.text == p.text.upper() and toggle(p, "w:b") for p in roman)
    second = [p for p in body if re.match(r"^\d+\. [A-ZĐ]", p.text) and p.style.style_id == "DeMuc2"]
    assert [p.text.split(".")[0] for p in second] == [str(n) for n in range(1, 9)]
    assert all(toggle(p, "w:b") for p in second)
    bullets = [p for p in body if p.text.startswith("- ")]
    assert bullets and not any(toggle(p, "w:b") for p in bullets)


def test_letter_order_with_and_without_dd(tmp_path):
    parts = [{"tieu_de": f"Mục {n}"} for n in range(1, 8)]
    base = {"loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "Đồng Tháp",
            "trich_yeu": "Kết quả", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A"},
            "noi_dung": [{"tieu_de": "X", "muc": [{"tieu_de": "Y", "muc": parts}]}]}
    labels = {}
    for choice in ("co_dd", "khong_dd"):
        doc = ccch_docs.from_dict({**base, "danh_so": {"chu_cai": choice}})
        ccch_docs.render(doc, tmp_path / f"{choice}.docx")
        body = View.open(tmp_path / f"{choice}.docx").body()
        labels[choice] = [p.text.split(")")[0] for p in body if p.style.style_id == "DeMuc3"]
    assert labels["co_dd"] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert labels["khong_dd"] == ["a", "b", "c", "d", "e", "g", "h"]


def test_noi_nhan_and_signer(view):
    nn = view.noi_nhan()
    assert nn[0].text == "Nơi nhận:" and size(nn[0]) == 12
    assert toggle(nn[0], "w:b") and toggle(nn[0], "w:i")
    items = nn[1:]
    assert all(size(p) == 11 and p.text.startswith("- ") for p in items)
    assert all(p.text.endswith(";") for p in items[:-1])
    assert items[-1].text == "- Lưu: VT, T (KSTTHC)."
    *titles, name = view.nguoi_ky()
    assert [p.text for p in titles] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert all(toggle(p, "w:b") and size(p) in (13, 14) and align(p) == "center" for p in titles + [name])
    assert name.text == "Nguyễn Văn Dương"
    space = int(ppr(name, "w:spacing").get(qn("w:before"))) / 20
    assert space >= 60, "room for the signature and seal"
    borders = view.footer_table()._tbl.tblPr.find(qn("w:tblBorders"))
    assert all(e.get(qn("w:val")) in ("nil", "none") for e in borders)


def test_draft_keeps_blanks(rendered):
    view = View.open(rendered["ke-hoach-cchc-2022-vp-ubnd-dong-thap"])
    t = view.doc.tables[0]
    so = [p.text for p in t.rows[1].cells[0].paragraphs if p.text.strip()][0]
    date = [p.text for p in t.rows[1].cells[1].paragraphs if p.text.strip()][0]
    assert re.fullmatch(r"Số: {4,}/KH-VPUBND", so)
    assert re.fullmatch(r"Đồng Tháp, ngày {4,}tháng 12 năm 2021", date)
    chu_quan = t.rows[0].cells[0].paragraphs[0]
    assert chu_quan.text == "UBND TỈNH ĐỒNG THÁP" and not toggle(chu_quan, "w:b")


def _date_header(wrap: bool) -> str:
    """A header table whose right cell holds a long place-and-date line (inside a content control when `wrap`)."""
    import zipfile

    from ccch_docs import ooxml, packs
    with zipfile.ZipFile(packs.builtin_dir() / "van_ban.docx") as z:
        styles = ooxml.StyleSheet(z.read("word/styles.xml"))
    sid = next(sid for sid, name in styles.names().items() if name == "CCHC Địa danh, ngày")
    date = (f'<w:p><w:pPr><w:pStyle w:val="{sid}"/></w:pPr><w:r><w:t>Thành phố Hồ Chí Minh, ngày 28 tháng 11 '
            f'năm 2025</w:t></w:r></w:p>')
    date = f"<w:sdt><w:sdtContent>{date}</w:sdtContent></w:sdt>" if wrap else date
    cell = '<w:tc><w:tcPr><w:tcW w:w="{}" w:type="dxa"/></w:tcPr>{}</w:tc>'
    return ('<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:tbl><w:tblGrid>'
            '<w:gridCol w:w="3600"/><w:gridCol w:w="5754"/></w:tblGrid><w:tr>'
            + cell.format(3600, "<w:p><w:r><w:t>ỦY BAN NHÂN DÂN</w:t></w:r></w:p>") + cell.format(5754, date)
            + "</w:tr></w:tbl></w:body>"), styles


def test_a_date_line_in_a_content_control_is_fitted_as_in_a_plain_cell():
    from ccch_docs import layout, ooxml
    widths = []
    for wrap in (False, True):
        xml, styles = _date_header(wrap)
        body = ooxml.parse(xml.encode())
        layout.fit_date_line(body, styles, 9354)
        widths.append(ooxml.column_widths(body.find(qn("w:tbl"))))
    assert widths[0] == widths[1] and widths[0][1] > 5754 and sum(widths[0]) == 9354


def test_a_date_line_too_long_for_14_pt_takes_the_header_to_the_12_13_pairing(render_dict):
    """The long place name did not fit at 14 pt beside a long agency name: the date line alone was set at 13 pt
    under a Tiêu ngữ at 14, against the decree's pairing; now the Quốc hiệu, Tiêu ngữ and date move together."""
    view = render_dict({**PLAN, "dia_danh": "Thành phố Hồ Chí Minh", "co_quan": {
        "chu_quan": "ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "viet_tat": "BQL",
        "ten": "BAN QUẢN LÝ CÁC KHU CHẾ XUẤT VÀ CÔNG NGHIỆP THÀNH PHỐ HỒ CHÍ MINH"}})
    qh, tn, date = [p for r in view.doc.tables[0].rows for p in r.cells[1].paragraphs if p.text.strip()]
    assert date.text.startswith("Thành phố Hồ Chí Minh, ngày")
    assert (size(qh), size(tn), size(date)) == (12, 13, 13)
    tn_width = text_width(tn.text, size(tn), bold=True)
    assert 0.95 * tn_width <= _line_length_pt(tn) <= 1.1 * tn_width
