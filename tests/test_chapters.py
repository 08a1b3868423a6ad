"""A Quy chế in Chương and Điều: the decree's layout of chapter lines, Điều numbered on across chapters."""

from __future__ import annotations

from docx.oxml.ns import qn

import ccch_docs
import ccch_docs.context
from ccch_docs import checks
from docx_view import align, ppr, toggle

RULES = {
    "loai": "quy_che", "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "viet_tat": "UBND"},
    "dia_danh": "Tân Hòa", "ngay": "2024-03-14", "so": 12, "trich_yeu": "Làm việc của Ủy ban nhân dân xã",
    "luu": "VT", "nguoi_ky": {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Lê Văn B"},
    "danh_so": {"cap": ["Chương", "Điều", "1.", "a)"]},
    "noi_dung": [
        {"tieu_de": "Quy định chung", "muc": [
            {"tieu_de": "Phạm vi điều chỉnh", "doan": "Quy chế này quy định chế độ làm việc."},
            {"tieu_de": "Nguyên tắc làm việc", "muc": [{"doan": "Tập trung dân chủ;", "muc": [{"doan": "Công khai."}]}]}]},
        {"tieu_de": "Tổ chức thực hiện", "muc": [{"tieu_de": "Hiệu lực", "doan": "Quy chế có hiệu lực kể từ ngày ký./."}]},
    ],
}


def test_chapters_centred_bold_and_articles_numbered_on(render_dict, tmp_path):
    view = render_dict(RULES, "quy-che")
    body = view.body()
    texts = [p.text for p in body]
    assert texts == ["Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Quy chế này quy định chế độ làm việc.",
                     "Điều 2. Nguyên tắc làm việc", "1. Tập trung dân chủ;", "a) Công khai.",
                     "Chương II", "TỔ CHỨC THỰC HIỆN", "Điều 3. Hiệu lực", "Quy chế có hiệu lực kể từ ngày ký./."]
    for p in (body[0], body[1], body[7], body[8]):
        assert align(p) == "center" and toggle(p, "w:b")
        assert int(ppr(p, "w:ind").get(qn("w:firstLine"))) == 0
    assert align(body[2]) == "both" and toggle(body[2], "w:b")  # Điều: bold, indented like the text
    assert int(ppr(body[2], "w:ind").get(qn("w:firstLine"))) >= 567
    path = tmp_path / "quy-che.docx"
    ccch_docs.render(ccch_docs.from_dict(RULES), path)
    assert checks.check(path).violations == []


def test_sections_inside_chapters_and_a_forced_chapter():
    data = {**RULES, "danh_so": {"cap": ["Chương", "Mục", "Điều"]},
            "noi_dung": [{"tieu_de": "Quy định chung", "so": "Chương III", "muc": [
                {"tieu_de": "Họp", "muc": [{"tieu_de": "Họp định kỳ", "doan": "Mỗi quý một lần."}]},
                {"tieu_de": "Báo cáo", "muc": [{"tieu_de": "Báo cáo quý", "doan": "Trước ngày 10./."}]}]}]}
    paras = ccch_docs.context.build(ccch_docs.from_dict(data))["noi_dung"]
    assert [(p.kieu, p.text) for p in paras] == [
        ("chuong", "Chương III"), ("chuong", "QUY ĐỊNH CHUNG"), ("chuong", "Mục 1"), ("chuong", "HỌP"),
        ("muc1", "Điều 1. Họp định kỳ"), ("doan", "Mỗi quý một lần."), ("chuong", "Mục 2"), ("chuong", "BÁO CÁO"),
        ("muc1", "Điều 2. Báo cáo quý"), ("doan", "Trước ngày 10./.")]


def test_parts_of_an_appendix_and_roman_titles_in_upper_case_below_them():
    plan = {**RULES, "loai": "ke_hoach", "danh_so": {}, "noi_dung": [{"tieu_de": "Mục đích", "doan": "Tốt./."}],
            "phu_luc": [{"tieu_de": "Hướng dẫn", "danh_so": {"cap": ["Phần", "I.", "1."]}, "noi_dung": [
                {"tieu_de": "Danh mục", "doan": "(bảng)"},
                {"tieu_de": "Hướng dẫn thực hiện", "muc": [{"tieu_de": "Báo cáo", "muc": [{"tieu_de": "Thời hạn"}]}]}]}]}
    (appendix,) = ccch_docs.context.build(ccch_docs.from_dict(plan))["phu_luc"]
    assert [(p.kieu, p.text) for p in appendix["noi_dung"]] == [
        ("chuong", "Phần I"), ("chuong", "DANH MỤC"), ("doan", "(bảng)"), ("chuong", "Phần II"),
        ("chuong", "HƯỚNG DẪN THỰC HIỆN"), ("muc1", "I. BÁO CÁO"), ("muc2", "1. Thời hạn")]


MIXED = {**RULES, "loai": "quy_dinh", "danh_so": {"cap": ["Chương", "Mục", "Điều", "1.", "a)"]},
         "noi_dung": [
             {"tieu_de": "Quy định chung", "muc": [
                 {"tieu_de": "Phạm vi điều chỉnh", "doan": "Quy định này quy định việc đánh giá."},
                 {"tieu_de": "Đối tượng áp dụng", "muc": ["Các sở, ban, ngành;", "Ủy ban nhân dân cấp huyện."]}]},
             {"tieu_de": "Đánh giá", "muc": [
                 {"tieu_de": "Tiêu chí", "muc": [{"tieu_de": "Tiêu chí đánh giá", "muc": [
                     {"doan": "Gồm 08 lĩnh vực:", "muc": ["Chỉ đạo, điều hành;", "Cải cách thể chế."]}]}]},
                 {"tieu_de": "Quy trình", "muc": [{"tieu_de": "Tự đánh giá", "doan": "Trước ngày 15/11 hằng năm./."}]}]}]}


def test_a_chapter_of_articles_beside_chapters_divided_into_sections(render_dict, tmp_path):
    """A Quy định's Chương I of general rules holds its Điều directly while Chương II is divided into Mục, as real
    ones are: the levels went by depth alone, and Chương I printed its Điều as `Mục 1`, `Mục 2`, its khoản as
    `Điều 1.`."""
    view = render_dict(MIXED, "quy-dinh")
    body = view.body()
    assert [p.text for p in body] == [
        "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh", "Quy định này quy định việc đánh giá.",
        "Điều 2. Đối tượng áp dụng", "1. Các sở, ban, ngành;", "2. Ủy ban nhân dân cấp huyện.",
        "Chương II", "ĐÁNH GIÁ", "Mục 1", "TIÊU CHÍ", "Điều 3. Tiêu chí đánh giá", "1. Gồm 08 lĩnh vực:",
        "a) Chỉ đạo, điều hành;", "b) Cải cách thể chế.", "Mục 2", "QUY TRÌNH", "Điều 4. Tự đánh giá",
        "Trước ngày 15/11 hằng năm./."]
    for p in (body[2], body[4], body[11], body[17]):  # each Điều: bold, justified, indented like the text
        assert align(p) == "both" and toggle(p, "w:b") and int(ppr(p, "w:ind").get(qn("w:firstLine"))) >= 567
    for p in (body[0], body[1], body[9], body[10]):  # Chương, Mục and their titles: centred, bold
        assert align(p) == "center" and toggle(p, "w:b")
    assert not toggle(body[5], "w:b") and align(body[5]) == "both"  # a khoản is text
    path = tmp_path / "quy-dinh.docx"
    ccch_docs.render(ccch_docs.from_dict(MIXED), path)
    assert checks.check(path).violations == []


def test_an_article_of_titled_clauses_after_its_own_paragraph_is_no_section():
    """An Điều whose khoản are titled (`1. Sở Nội vụ`) but which opens with a paragraph of its own is an Điều: a
    Mục holds nothing but its Điều."""
    data = {**MIXED, "noi_dung": [MIXED["noi_dung"][1], {"tieu_de": "Tổ chức thực hiện", "muc": [
        {"tieu_de": "Trách nhiệm", "doan": "Các cơ quan có trách nhiệm:", "muc": [
            {"tieu_de": "Sở Nội vụ", "doan": "Hướng dẫn, kiểm tra."},
            {"tieu_de": "Sở Tư pháp", "doan": "Phối hợp./."}]}]}]}
    paras = ccch_docs.context.build(ccch_docs.from_dict(data))["noi_dung"]
    assert [p.text for p in paras][-8:] == [
        "Chương II", "TỔ CHỨC THỰC HIỆN", "Điều 3. Trách nhiệm", "Các cơ quan có trách nhiệm:", "1. Sở Nội vụ",
        "Hướng dẫn, kiểm tra.", "2. Sở Tư pháp", "Phối hợp./."]
