"""The Phụ lục III types through their layouts; urgency box and drafter line on every layout."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

from ccch_docs import decree
from docx_view import View, align, body_problems, clean, ppr, size, toggle
from samples import DECISION, LETTER, PLAN

# One document of each layout (mẫu).
LAYOUTS = {"van_ban": PLAN, "quyet_dinh": DECISION, "cong_van": LETTER}


@pytest.mark.parametrize("loai,ten_loai,so", [
    ("to_trinh", "TỜ TRÌNH", "Số: 05/TTr-UBND"),
    ("quy_dinh", "QUY ĐỊNH", "Số: 05/QyĐ-UBND"),
    ("chuong_trinh", "CHƯƠNG TRÌNH", "Số: 05/CTr-UBND"),
    ("thong_bao", "THÔNG BÁO", "Số: 05/TB-UBND"),
])
def test_type_gives_ten_loai_and_ky_hieu(render_dict, loai, ten_loai, so):
    view = render_dict({**PLAN, "loai": loai, "kinh_gui": "Ủy ban nhân dân tỉnh Đồng Tháp"})
    name, trich_yeu = view.title()
    assert clean(name.text) == ten_loai and toggle(name, "w:b") and align(name) == "center"
    assert clean(trich_yeu.text) == "Cải cách hành chính năm 2022"
    assert clean(view.cell_paragraphs(0, 1, 0)[0].text) == so
    body = view.body()
    assert clean(body[0].text) == "Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp"
    assert [x for p in body for x in body_problems(p)] == []


@pytest.mark.parametrize("loai", [k for k, t in decree.TYPES.items() if t.mau == "van_ban"])
def test_every_type_with_a_ten_loai_renders_it(render_dict, loai):
    view = render_dict({**PLAN, "loai": loai}, loai)
    assert clean(view.title()[0].text) == decree.TYPES[loai].name
    assert clean(view.cell_paragraphs(0, 1, 0)[0].text) == f"Số: 05/{decree.TYPES[loai].abbr}-UBND"


def test_example_to_trinh(rendered):
    view = View.open(rendered["to-trinh-ke-hoach-cchc-2022-vinh-long"])
    assert View.texts(view.title())[0] == "TỜ TRÌNH"
    assert clean(view.cell_paragraphs(0, 1, 0)[0].text) == "Số: 768/TTr-SNV"
    assert View.texts(view.body())[0] == "Kính gửi: Ủy ban nhân dân tỉnh Vĩnh Long"
    assert View.texts(view.noi_nhan())[1] == "- Như trên;"


@pytest.mark.parametrize("mau", sorted(LAYOUTS))
@pytest.mark.parametrize("do_khan,text", [("khan", "KHẨN"), ("thuong_khan", "THƯỢNG KHẨN"), ("hoa_toc", "HỎA TỐC")])
def test_urgency_in_a_box_under_the_so(render_dict, mau, do_khan, text):
    view = render_dict({**LAYOUTS[mau], "do_khan": do_khan})
    left = [p for p in view.cell_paragraphs(0, 1, 0) if clean(p.text)]
    assert clean(left[0].text).startswith("Số:")
    box = left[-1]
    assert clean(box.text) == text
    assert toggle(box, "w:b") and size(box) in (13, 14)
    borders = ppr(box, "w:pBdr")
    for edge in ("top", "left", "bottom", "right"):
        assert borders.find(qn(f"w:{edge}")).get(qn("w:val")) == "single", edge


@pytest.mark.parametrize("mau", sorted(LAYOUTS))
def test_no_urgency_no_box(render_dict, mau):
    view = render_dict(LAYOUTS[mau])
    assert not [p for p in view.cell_paragraphs(0, 1, 0) if p.style.style_id == "DoKhan"]


@pytest.mark.parametrize("mau", sorted(LAYOUTS))
def test_drafter_line_under_noi_nhan_in_its_own_row(render_dict, mau):
    view = render_dict({**LAYOUTS[mau], "nguoi_soan": "PL.(300)"})
    footer = view.footer_table()
    assert View.texts(view.noi_nhan())[-1].startswith("- Lưu:")
    (drafter,) = [p for p in footer.rows[1].cells[0].paragraphs if clean(p.text)]
    assert clean(drafter.text) == "PL.(300)" and size(drafter) == 11
    # the signer's cell spans both rows, so the drafter line sits right under the Nơi nhận
    assert footer.rows[1].cells[1]._tc is footer.rows[0].cells[1]._tc


@pytest.mark.parametrize("mau", sorted(LAYOUTS))
def test_no_drafter_no_row(render_dict, mau):
    assert len(render_dict(LAYOUTS[mau]).footer_table().rows) == 1
