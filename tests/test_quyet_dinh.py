"""Quyết định (Mẫu 1.2): authority line, căn cứ, `QUYẾT ĐỊNH:`, the Điều with khoản and điểm, `- Như Điều 3;`."""

from __future__ import annotations

import re

import pytest

from docx_view import View, align, body_problems, clean, size, toggle
from samples import DECISION


@pytest.fixture
def decision(render_dict) -> View:
    return render_dict(DECISION, "decision")


def _styled(view: View, style: str):
    return [p for p in view.body() if p.style.style_id == style]


def test_title_authority_and_the_order_of_the_parts(decision):
    assert View.texts(decision.title()) == ["QUYẾT ĐỊNH", "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh"]
    body = View.texts(decision.body())
    assert body[0] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert body.index("QUYẾT ĐỊNH:") == 5  # authority, 3 căn cứ, theo đề nghị, then QUYẾT ĐỊNH:
    assert body[6].startswith("Điều 1. ")
    (authority,) = _styled(decision, "ThamQuyen")
    assert toggle(authority, "w:b") and align(authority) == "center" and size(authority) in (13, 14)


def test_decides_line_centred_bold(decision):
    (decides,) = [p for p in decision.body() if clean(p.text) == "QUYẾT ĐỊNH:"]
    assert align(decides) == "center" and toggle(decides, "w:b") and size(decides) in (13, 14)


def test_grounds_italic_with_their_punctuation_not_doubled(decision):
    grounds = _styled(decision, "CanCu")
    assert View.texts(grounds) == [
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;",
        "Căn cứ Nghị quyết số 76/NQ-CP;",
        "Căn cứ Quyết định số 2617/QĐ-UBND ngày 30/9/2021;",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 315/TTr-SNV.",
    ]
    for p in grounds:
        assert all(toggle(p, "w:i", r) for r in p.runs), p.text
        assert not toggle(p, "w:b") and align(p) == "both"


def test_without_theo_de_nghi_the_last_can_cu_ends_with_a_full_stop(render_dict):
    view = render_dict({**DECISION, "theo_de_nghi": None, "can_cu": ["Luật A;", "Luật B;"]})
    assert View.texts(_styled(view, "CanCu")) == ["Căn cứ Luật A;", "Căn cứ Luật B."]


def test_own_openings_are_kept_with_the_capital_a_line_of_grounds_opens_with(render_dict):
    """`căn cứ Luật A` typed in lower case was printed so, a line of the grounds opening in lower case."""
    view = render_dict({**DECISION, "can_cu": ["căn cứ Luật A"], "theo_de_nghi": "xét đề nghị của Sở Nội vụ"})
    assert View.texts(_styled(view, "CanCu")) == ["Căn cứ Luật A;", "Xét đề nghị của Sở Nội vụ."]


def test_dieu_labels_bold_text_regular_titles_bold(decision):
    articles = [p for p in decision.body() if re.match(r"Điều \d+\.", clean(p.text))]
    assert [clean(p.text).split(".")[0] for p in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    for p in articles:
        label, *rest = [r for r in p.runs if r.text.strip()]
        assert re.fullmatch(r"Điều \d\.", label.text.strip()) and toggle(p, "w:b", label)
    plain_1, titled_2, plain_3 = articles
    assert clean(plain_1.text) == "Điều 1. Kiện toàn Ban Chỉ đạo, gồm:"
    assert not any(toggle(plain_1, "w:b", r) for r in plain_1.runs[1:])
    assert clean(titled_2.text) == "Điều 2. Nhiệm vụ của Ban Chỉ đạo"
    assert all(toggle(titled_2, "w:b", r) for r in titled_2.runs)
    assert not any(toggle(plain_3, "w:b", r) for r in plain_3.runs[1:])


def test_khoan_and_diem_inside_each_dieu(decision):
    body = View.texts(decision.body())
    start = body.index("QUYẾT ĐỊNH:") + 1
    assert body[start:] == [
        "Điều 1. Kiện toàn Ban Chỉ đạo, gồm:",
        "1. Trưởng ban: Chủ tịch UBND tỉnh.",
        "2. Các thành viên:",
        "a) Giám đốc Sở Tư pháp;",
        "b) Giám đốc Sở Tài chính.",
        "Điều 2. Nhiệm vụ của Ban Chỉ đạo",
        "Giúp Chủ tịch UBND tỉnh chỉ đạo công tác CCHC.",
        "1. Theo dõi, đôn đốc.",
        "2. Kiểm tra, đánh giá.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.",
    ]
    khoan = [p for p in decision.body() if re.match(r"\d\. ", clean(p.text))]
    assert not any(toggle(p, "w:b", r) for p in khoan for r in p.runs)


def test_body_follows_the_decree(decision, rendered):
    for view in (decision, View.open(rendered["quyet-dinh-3484-vinh-long"]),
                 View.open(rendered["quyet-dinh-kien-toan-bcd-cchc-vinh-long"])):
        assert [x for p in view.body() for x in body_problems(p)] == []


def test_nhu_dieu_opens_noi_nhan_when_the_last_dieu_names_the_executors(decision):
    assert View.texts(decision.noi_nhan()) == [
        "Nơi nhận:", "- Như Điều 3;", "- Bộ Nội vụ;", "- CT, các PCT UBND tỉnh;", "- Lưu: VT, NC."]


@pytest.mark.parametrize("written", ["Như Điều 3", "- Như Điều 3;", "như điều 3"])
def test_nhu_dieu_written_by_the_user_is_not_doubled(render_dict, written):
    view = render_dict({**DECISION, "noi_nhan": [written, "Bộ Nội vụ"]})
    items = View.texts(view.noi_nhan())[1:]
    assert len([x for x in items if x.casefold().startswith("- như điều")]) == 1
    assert items[0].casefold() == "- như điều 3;" and items[1] == "- Bộ Nội vụ;"


def test_no_nhu_dieu_when_the_last_dieu_names_no_executors(render_dict):
    view = render_dict({**DECISION, "dieu": ["Ban hành Quy chế.", "Quyết định này có hiệu lực kể từ ngày ký./."]})
    assert View.texts(view.noi_nhan())[1] == "- Bộ Nội vụ;"


def test_seed_keeps_its_own_nhu_dieu_once(rendered):
    items = View.texts(View.open(rendered["quyet-dinh-3484-vinh-long"]).noi_nhan())
    assert items[1] == "- Như Điều 3;" and sum(x.startswith("- Như") for x in items) == 1


def test_signer_of_the_decision(decision):
    assert View.texts(decision.nguoi_ky()) == ["CHỦ TỊCH", "Lữ Quang Ngời"]


def test_nhu_dieu_names_the_last_printed_label(render_dict):
    articles = [{"so": "Điều 5", "doan": "Sửa đổi Điều 5."}, "Bổ sung Điều 6.",
                {"so": False, "doan": "Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này."}]
    view = render_dict({**DECISION, "dieu": articles})
    assert View.texts(view.body())[-3:] == [
        "Điều 5. Sửa đổi Điều 5.", "Điều 6. Bổ sung Điều 6.", "Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này."]
    assert View.texts(view.noi_nhan())[1] == "- Như Điều 6;"
