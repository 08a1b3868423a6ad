"""Names of bodies inside a sentence (Phụ lục II of the decree): derived from the letterhead, read back by import."""

from __future__ import annotations

import io
import unicodedata

import docx
import pytest

import ccch_docs
from ccch_docs import import_yaml, importer
from ccch_docs.decree.citations import running_name
from docx_view import View
from samples import PLAN

NAMES = [
    # People's Committees: short, with their place.
    (None, ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "UBND tỉnh Đồng Tháp"),
    ("UBND HUYỆN LAI VUNG", ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "UBND xã Tân Hòa"),
    (None, ["ỦY BAN NHÂN DÂN", "THỊ XÃ HỒNG NGỰ"], "UBND thị xã Hồng Ngự"),
    (None, ["UBND THÀNH PHỐ HỒ CHÍ MINH"], "UBND Thành phố Hồ Chí Minh"),
    # Specialised bodies of a UBND: kind and field capitalised, named with the place.
    ("UBND TỈNH ĐỒNG THÁP", ["SỞ NỘI VỤ"], "Sở Nội vụ tỉnh Đồng Tháp"),
    ("ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", ["SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "Sở Tài nguyên và Môi trường tỉnh Đồng Tháp"),
    ("UBND TỈNH VĨNH LONG", ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"],
     "Sở Lao động - Thương binh và Xã hội tỉnh Vĩnh Long"),
    ("UBND TỈNH ĐỒNG THÁP", ["SỞ GIÁO DỤC VÀ ĐÀO TẠO"], "Sở Giáo dục và Đào tạo tỉnh Đồng Tháp"),
    ("UBND TỈNH ĐỒNG THÁP", ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"], "Sở Khoa học và Công nghệ tỉnh Đồng Tháp"),
    ("UBND TỈNH ĐỒNG THÁP", ["SỞ KẾ HOẠCH VÀ ĐẦU TƯ"], "Sở Kế hoạch và Đầu tư tỉnh Đồng Tháp"),
    ("UBND TỈNH ĐỒNG THÁP", ["SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], "Sở Văn hóa, Thể thao và Du lịch tỉnh Đồng Tháp"),
    ("UBND HUYỆN CHÂU THÀNH", ["PHÒNG NỘI VỤ"], "Phòng Nội vụ huyện Châu Thành"),
    ("UBND HUYỆN LAI VUNG", ["PHÒNG VĂN HÓA VÀ THÔNG TIN"], "Phòng Văn hóa và Thông tin huyện Lai Vung"),
    ("UBND HUYỆN LAI VUNG", ["PHÒNG TÀI CHÍNH - KẾ HOẠCH"], "Phòng Tài chính - Kế hoạch huyện Lai Vung"),
    ("UBND TỈNH ĐỒNG THÁP", ["THANH TRA TỈNH"], "Thanh tra tỉnh Đồng Tháp"),
    ("UBND TỈNH ĐỒNG THÁP", ["CHI CỤC KIỂM LÂM"], "Chi cục Kiểm lâm tỉnh Đồng Tháp"),
    ("UBND TỈNH VĨNH LONG", ["TRUNG TÂM PHỤC VỤ", "HÀNH CHÍNH CÔNG"], "Trung tâm Phục vụ hành chính công tỉnh Vĩnh Long"),
    ("UBND TỈNH ĐỒNG THÁP", ["BAN CHỈ ĐẠO", "CẢI CÁCH HÀNH CHÍNH"], "Ban Chỉ đạo cải cách hành chính tỉnh Đồng Tháp"),
    ("UBND HUYỆN LONG MỸ", ["BAN QUẢN LÝ DỰ ÁN"], "Ban Quản lý dự án huyện Long Mỹ"),
    # A Văn phòng keeps its parent, or names it.
    ("UBND TỈNH ĐỒNG THÁP", ["VĂN PHÒNG"], "Văn phòng UBND tỉnh Đồng Tháp"),
    ("HĐND VÀ UBND HUYỆN LAI VUNG", ["VĂN PHÒNG"], "Văn phòng HĐND và UBND huyện Lai Vung"),
    (None, ["VĂN PHÒNG HỘI ĐỒNG NHÂN DÂN", "VÀ ỦY BAN NHÂN DÂN HUYỆN LAI VUNG"],
     "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Lai Vung"),
    (None, ["VĂN PHÒNG ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "Văn phòng Ủy ban nhân dân tỉnh Đồng Tháp"),
    # A body under another than a UBND keeps it; one with a place of its own stands alone.
    ("BỘ NỘI VỤ", ["VỤ CẢI CÁCH HÀNH CHÍNH"], "Vụ Cải cách hành chính Bộ Nội vụ"),
    ("SỞ NỘI VỤ TỈNH ĐỒNG THÁP", ["CHI CỤC VĂN THƯ - LƯU TRỮ"], "Chi cục Văn thư - Lưu trữ Sở Nội vụ tỉnh Đồng Tháp"),
    ("SỞ Y TẾ TỈNH ĐỒNG THÁP", ["TRUNG TÂM Y TẾ", "HUYỆN LAI VUNG"], "Trung tâm Y tế huyện Lai Vung"),
    (None, ["BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG"], "Bộ Tài nguyên và Môi trường"),
    # A kind the decree package does not know: sentence case, its parent after it (ten_goi sets better).
    ("UBND TỈNH ĐỒNG THÁP", ["ĐÀI PHÁT THANH - TRUYỀN HÌNH"], "Đài phát thanh - truyền hình UBND tỉnh Đồng Tháp"),
]


@pytest.mark.parametrize(("parent", "lines", "expected"), NAMES)
def test_running_names_of_real_bodies(parent, lines, expected):
    assert running_name(parent, lines) == expected


def test_letterhead_spacing_and_decomposed_accents_do_not_change_the_name():
    nfd = unicodedata.normalize("NFD", "SỞ NỘI VỤ")  # typed with combining marks
    assert running_name("UBND  TỈNH\nĐỒNG THÁP", [nfd]) == "Sở Nội vụ tỉnh Đồng Tháp"


SO_PLAN = {**PLAN, "co_quan": {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "SỞ NỘI VỤ", "viet_tat": "SNV"},
           "so": 12, "ngay": "2023-01-10", "nguoi_ky": {"kt": "GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC", "ho_ten": "Nguyễn C"},
           "phu_luc": [{"tieu_de": "DANH MỤC NHIỆM VỤ", "cot": [{"khoa": "noi_dung", "ten": "Nội dung"}],
                        "dong": [{"noi_dung": "Tuyên truyền cải cách hành chính"}]}]}
KEM_THEO = "(Kèm theo Kế hoạch số 12/KH-SNV ngày 10/01/2023 của Sở Nội vụ tỉnh Đồng Tháp)"


def _render(data: dict) -> bytes:
    return ccch_docs.render(ccch_docs.from_dict(data))


def _view(docx_bytes: bytes) -> View:
    return View(docx.Document(io.BytesIO(docx_bytes)))


def test_a_so_plan_names_itself_with_its_province_under_its_phu_luc():
    view = _view(_render(SO_PLAN))
    assert view.appendix_headings() == [["Phụ lục", "DANH MỤC NHIỆM VỤ", KEM_THEO]]


def test_ten_goi_still_overrides_the_derived_name():
    data = {**SO_PLAN, "co_quan": {**SO_PLAN["co_quan"], "ten_goi": "Sở Nội vụ"}}
    view = _view(_render(data))
    assert view.appendix_headings()[0][2] == "(Kèm theo Kế hoạch số 12/KH-SNV ngày 10/01/2023 của Sở Nội vụ)"


def test_import_writes_no_ten_goi_for_a_name_the_letterhead_gives():
    imported = importer.read(io.BytesIO(_render(SO_PLAN)))
    assert imported.data["co_quan"] == SO_PLAN["co_quan"]
    again = _view(ccch_docs.render(ccch_docs.loads(import_yaml.text(imported), name="nhap.yaml")))
    assert again.appendix_headings()[0][2] == KEM_THEO


def test_import_keeps_a_name_the_letterhead_does_not_give():
    data = {**SO_PLAN, "co_quan": {**SO_PLAN["co_quan"], "ten_goi": "Sở Nội vụ"}}
    imported = importer.read(io.BytesIO(_render(data)))
    assert imported.data["co_quan"]["ten_goi"] == "Sở Nội vụ"
