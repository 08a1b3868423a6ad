"""Constructs of the family of real CCHC documents beyond the examples: Thông báo kết luận, statistics tables."""

from __future__ import annotations

from docx_view import clean
from samples import PLAN

NOTICE = {**PLAN, "loai": "thong_bao", "trich_yeu": "Kết luận của Chủ tịch UBND tỉnh tại cuộc họp về CCHC",
          "noi_dung": [{"doan": "Thống nhất đánh giá kết quả thực hiện."},
                       {"doan": "Giao các cơ quan thực hiện:",
                        "muc": [{"doan": "Sở Nội vụ: tham mưu kiểm tra;", "muc": ["Quý II;", "Quý III."]},
                                "Sở Tư pháp: rà soát văn bản."]}]}


def _body(view) -> list[str]:
    return [clean(p.text) for p in view.doc.paragraphs if p.style.name == "CCHC Nội dung" and clean(p.text)]


def test_a_body_of_numbered_paragraphs_alone_starts_at_1_not_at_a_roman_heading(render_dict):
    """A Thông báo kết luận numbers its conclusions 1., 2., then a), then `- `: they printed `I. Thống nhất …`,
    a Roman label opening a lower-case paragraph (the reviewer's num.roman.upper_bold, our de_muc_1.case)."""
    view = render_dict(NOTICE)
    assert _body(view) == ["1. Thống nhất đánh giá kết quả thực hiện.", "2. Giao các cơ quan thực hiện:",
                           "a) Sở Nội vụ: tham mưu kiểm tra;", "- Quý II;", "- Quý III.",
                           "b) Sở Tư pháp: rà soát văn bản."]


def test_a_phu_luc_of_numbered_paragraphs_alone_starts_at_1(render_dict):
    appendix = {"tieu_de": "Nội dung kiểm tra", "noi_dung": ["Công tác chỉ đạo, điều hành;", "Cải cách TTHC."]}
    view = render_dict({**PLAN, "phu_luc": [appendix]})
    lines = [clean(p.text) for p in view.doc.paragraphs if clean(p.text)]
    assert lines[-2:] == ["1. Công tác chỉ đạo, điều hành;", "2. Cải cách TTHC."]
