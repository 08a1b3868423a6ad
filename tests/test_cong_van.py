"""Công văn (Mẫu 1.5): `V/v` under the số in the left column, ký hiệu body-unit, Kính gửi, `- Như trên;`."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from ccch_docs.metrics import text_width
from docx_view import View, align, block_of, body_problems, borderless, clean, ppr, size, toggle
from samples import LETTER


@pytest.fixture
def letter(render_dict) -> View:
    return render_dict(LETTER, "letter")


def _left_column_under_so(view: View):
    return [p for p in view.cell_paragraphs(0, 1, 0) if clean(p.text)]


def test_no_ten_loai_and_vv_under_the_so_in_the_left_column(letter):
    assert letter.title() == []
    so, vv = _left_column_under_so(letter)
    assert clean(so.text) == "Số: 06/VPUBND-KSTTHC"
    assert clean(vv.text) == "V/v báo cáo kết quả cải cách hành chính quý II năm 2022"
    assert size(vv) in (12, 13) and not toggle(vv, "w:b") and not toggle(vv, "w:i")
    assert int(ppr(vv, "w:spacing").get(qn("w:before"))) == 120  # 6 pt below the số
    assert "V/v" not in " ".join(letter.texts(letter.cell_paragraphs(0, 1, 1)))


def test_vv_written_by_the_user_is_not_doubled(render_dict):
    view = render_dict({**LETTER, "trich_yeu": ["V/v báo cáo kết quả", "quý II năm 2022"]})
    assert clean(_left_column_under_so(view)[1].text) == "V/v báo cáo kết quả quý II năm 2022"


def test_ky_hieu_given_by_the_user_wins(render_dict):
    view = render_dict({**LETTER, "don_vi_soan": None, "ky_hieu": "VPUBND-TH", "so": None})
    assert clean(_left_column_under_so(view)[0].text) == "Số: /VPUBND-TH"


def test_one_recipient_on_the_kinh_gui_line(letter):
    (kg,) = [p for p in letter.body() if clean(p.text).startswith("Kính gửi")]
    assert clean(kg.text) == "Kính gửi: Sở Nội vụ"


LONG_RECIPIENT = ("Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh Đồng Tháp và Trung tâm Phục vụ hành chính "
                  "công tỉnh Đồng Tháp")


def test_one_long_recipient_is_left_aligned_under_its_first_word(render_dict):
    """Justified, its first line was stretched end to end: it wraps left-aligned, its next lines starting where
    it starts after `Kính gửi: ` (as several recipients line up under the colon), in a borderless block."""
    view = render_dict({**LETTER, "kinh_gui": LONG_RECIPIENT})
    tbl, cells = block_of(view, "KinhGui")  # not running text
    [[kg]] = cells
    assert borderless(tbl) and kg._p.getparent().tag == qn("w:tc") and clean(kg.text) == f"Kính gửi: {LONG_RECIPIENT}"
    assert align(kg) == "left"
    ind = kg._p.pPr.find(qn("w:ind"))
    label = round(text_width("Kính gửi: ", 14) * 20)
    assert (int(ind.get(qn("w:left"))), int(ind.get(qn("w:hanging")))) == (1134 + 567 + label, label)
    short = render_dict({**LETTER, "kinh_gui": "Sở Nội vụ"}, "short")  # on one line: a body paragraph as before
    (kg,) = [p for p in short.body() if clean(p.text).startswith("Kính gửi")]
    assert align(kg) == "both" and kg._p.pPr.find(qn("w:ind")) is None


def test_several_recipients_as_a_dashed_list(render_dict):
    view = render_dict({**LETTER, "kinh_gui": ["Các sở, ban, ngành Tỉnh;", "- Ủy ban nhân dân các huyện, thành phố"]})
    texts = View.texts(view.body())
    start = texts.index("Kính gửi:")
    assert texts[start + 1:start + 3] == ["- Các sở, ban, ngành Tỉnh;", "- Ủy ban nhân dân các huyện, thành phố."]


def test_nhu_tren_opens_noi_nhan(letter):
    assert View.texts(letter.noi_nhan()) == ["Nơi nhận:", "- Như trên;", "- Lãnh đạo VPUBND Tỉnh;", "- Lưu: VT, KSTTHC."]


@pytest.mark.parametrize("written", ["Như trên", "- Như trên;"])
def test_nhu_tren_written_by_the_user_is_not_doubled(render_dict, written):
    view = render_dict({**LETTER, "noi_nhan": [written, "Sở Nội vụ"]})
    assert View.texts(view.noi_nhan())[1:] == ["- Như trên;", "- Sở Nội vụ;", "- Lưu: VT, KSTTHC."]


def test_example_letter(rendered):
    view = View.open(rendered["cong-van-bao-cao-cchc-dong-thap"])
    so, vv, urgency = _left_column_under_so(view)
    assert clean(so.text) == "Số: 06/VPUBND-KSTTHC" and clean(vv.text).startswith("V/v báo cáo")
    assert clean(urgency.text) == "KHẨN"
    texts = View.texts(view.body())
    assert texts[:3] == ["Kính gửi:", "- Các sở, ban, ngành Tỉnh;", "- Ủy ban nhân dân các huyện, thành phố."]
    # Body text has the decree's first-line indent; Kính gửi (ô 9a) is a borderless block, as the header is:
    # "Kính gửi:" set right in its left cell, the recipients in the right one hanging under their text.
    block = ("KinhGui", "KinhGuiMuc")
    assert [x for p in view.body() if p.style.style_id not in block for x in body_problems(p)] == []
    tbl, (label, items) = block_of(view, "KinhGui")
    assert borderless(tbl) and View.texts(label) == ["Kính gửi:"] and align(label[0]) == "right"
    assert View.texts(items) == texts[1:3]
    for item in items:  # left-aligned, hanging under their text: not body text
        assert [x for x in body_problems(item) if not x.endswith(("first-line indent", "aligned left"))] == []
        assert int(ppr(item, "w:ind").get(qn("w:hanging"))) > 0 and item.style.style_id == "KinhGuiMuc"
        assert align(item) == "left"
    assert all(align(p) == "both" for p in view.body() if p.style.style_id not in block)
    assert View.texts(view.noi_nhan())[1] == "- Như trên;"


def test_paragraphs_are_numbered_1_2_then_a_b_by_default(render_dict):
    view = render_dict({**LETTER, "noi_dung": [
        {"doan": "Báo cáo kết quả."}, {"tieu_de": "Về thời gian", "muc": [{"doan": "Trước ngày 10/6."},
                                                                          {"doan": "Gửi bản điện tử."}]}]})
    body = [clean(p.text) for p in view.doc.paragraphs if clean(p.text)]
    i = body.index("1. Báo cáo kết quả.")
    assert body[i + 1:i + 4] == ["2. Về thời gian", "a) Trước ngày 10/6.", "b) Gửi bản điện tử."]
    plan = render_dict({**LETTER, "loai": "ke_hoach", "don_vi_soan": None, "kinh_gui": [],
                        "noi_dung": [{"tieu_de": "Mục đích", "doan": "x"}]}, "plan")
    assert "I. MỤC ĐÍCH" in [clean(p.text) for p in plan.doc.paragraphs]  # a plan keeps I., II. …


LONG = ("Cổng thông tin điện tử tỉnh (https://www.haugiang.gov.vn/cchc/tin-tuc/tuyen-truyen-cai-cach-hanh-chinh-2024"
        "?id=123456789)")


def test_recipients_are_left_aligned(render_dict):
    """Each recipient's paragraph of the Kính gửi block is left-aligned (the decree sets no alignment for ô 9a):
    justified, a recipient followed by a long web address stretched its first line end to end."""
    view = render_dict({**LETTER, "kinh_gui": ["Các sở, ban, ngành Tỉnh", LONG]})
    items = [p for p in view.body() if p.style.style_id == "KinhGuiMuc"]
    assert [clean(p.text)[:9] for p in items] == ["- Các sở,", "- Cổng th"]
    assert [align(p) for p in items] == ["left", "left"]


@pytest.mark.libreoffice
def test_a_long_address_does_not_stretch_its_recipients_line_in_print(tmp_path):
    """In LibreOffice's PDF the line before the address keeps plain word spaces (justified, they were some
    30 pt wide)."""
    import shutil
    import subprocess
    from xml.etree import ElementTree

    import ccch_docs
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice and shutil.which("pdftotext"), "LibreOffice and poppler-utils are needed"
    ccch_docs.render(ccch_docs.from_dict({**LETTER, "kinh_gui": ["Các sở, ban, ngành Tỉnh", LONG]}), tmp_path / "cv.docx")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(tmp_path / "cv.docx")], capture_output=True, timeout=300, check=True)
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(tmp_path / "cv.pdf"), "-"],
                          capture_output=True, text=True, check=True).stdout
    words = ElementTree.fromstring(bbox[bbox.index("<html"):]).findall(".//{*}word")
    start = next(k for k, w in enumerate(words) if w.text == "Cổng")
    line = [w for w in words[start - 1:] if abs(float(w.get("yMin")) - float(words[start].get("yMin"))) < 1]
    assert [w.text for w in line][:3] == ["-", "Cổng", "thông"]
    gaps = [float(b.get("xMin")) - float(a.get("xMax")) for a, b in zip(line, line[1:], strict=False)]
    assert max(gaps) < 6, gaps
