"""Constructs of the family of real CCHC documents beyond the examples: Thông báo kết luận, statistics tables."""

from __future__ import annotations

import pytest

import ccch_docs
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


def test_a_label_typed_with_a_slash_bracket_or_dash_is_printed_once(render_dict):
    """Officials type the labels as older documents print them (`1/`, `2)`, `II - `, `Điều 1:`): the program's
    own label was printed before them (`2. 2) Cải cách thể chế`, `II. II - ĐỀ XUẤT`)."""
    parts = [{"tieu_de": "I - Kết quả", "muc": [{"tieu_de": "1/ Chỉ đạo", "doan": "Ban hành 05 văn bản."},
                                               {"tieu_de": "2) Cải cách thể chế", "doan": "Rà soát."}]},
             {"tieu_de": "II. - Đề xuất", "doan": "1 - 2 lần mỗi tháng."}]
    view = render_dict({**PLAN, "noi_dung": parts})
    headings = [clean(p.text) for p in view.doc.paragraphs if p.style.name.startswith("CCHC Đề mục")]
    assert headings == ["I. KẾT QUẢ", "1. Chỉ đạo", "2. Cải cách thể chế", "II. ĐỀ XUẤT"]
    assert "1 - 2 lần mỗi tháng." in _body(view)


def test_a_numbered_paragraph_among_the_upper_case_headings_is_refused():
    """Among `I. MỤC ĐÍCH`-like headings an untitled part printed `II. Các cơ quan …`, a Roman label on a
    lower-case paragraph; `so: false` keeps it as an unnumbered paragraph."""
    parts = [{"tieu_de": "Mục đích", "doan": "Nội dung."}, {"doan": "Các cơ quan triển khai thực hiện./."}]
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "noi_dung": parts})
    [problem] = exc.value.problems
    assert (problem.key, problem.code) == ("noi_dung[1]", "CCHC-E644") and "so: false" in problem.hint
    ccch_docs.from_dict({**PLAN, "noi_dung": [parts[0], {**parts[1], "so": False}]})
