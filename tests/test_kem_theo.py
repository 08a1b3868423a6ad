"""Mẫu 1.3: a Quyết định that issues a document: inheritance, the attached pages, errors."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

import ccch_docs
from docx_view import View
from samples import DECISION

ATTACHED = {"loai": "quy_che", "trich_yeu": "Quy chế làm việc của Ban Chỉ đạo",
            "noi_dung": [{"tieu_de": "Quy định chung", "doan": "Quy chế này quy định …"}],
            "phu_luc": [{"tieu_de": "Thành viên", "cot": [{"khoa": "noi_dung", "ten": "Họ tên"}],
                         "danh_so": {"nhom": "none", "dong": "1"}, "dong": [{"noi_dung": "Nguyễn Văn B"}]}]}


def _decision(**extra) -> ccch_docs.VanBan:
    return ccch_docs.from_dict({**DECISION, "dieu": ["Ban hành kèm theo Quyết định này Quy chế làm việc.",
                                                       "Quyết định có hiệu lực từ ngày ký./."], **extra})


def test_inline_attachment_inherits_the_header(tmp_path):
    doc = _decision(kem_theo=ATTACHED)
    assert doc.kem_theo.co_quan == doc.co_quan and doc.kem_theo.ngay == doc.ngay
    out = tmp_path / "qd.docx"
    ccch_docs.render(doc, out)
    view = View.open(out)
    assert view.texts(view.attached_title()) == [
        "QUY CHẾ", "Làm việc của Ban Chỉ đạo",  # the tên loại typed in the trích yếu is not printed twice
        "(Kèm theo Quyết định số 07/QĐ-UBND ngày 18/5/2022 của Chủ tịch UBND tỉnh Vĩnh Long)"]
    line = view.attached_title()[-1]
    assert line.style.font.italic and line.style.font.size.pt in (13, 14)
    assert view.texts(view.attached_body()) == ["I. QUY ĐỊNH CHUNG", "Quy chế này quy định …"]
    assert view.appendix_headings()[0][2].startswith("(Kèm theo Quy chế ban hành kèm theo Quyết định số 07/QĐ-UBND")
    sections = view.doc.sections
    assert len(sections) == 3 and sections[1]._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"


def test_attached_file_relative_to_the_decision(tmp_path):
    import yaml
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "quy-che.yaml").write_text(yaml.safe_dump({**ATTACHED, "dia_danh": "Cần Thơ"},
                                                                   allow_unicode=True), "utf-8")
    (tmp_path / "qd.yaml").write_text(yaml.safe_dump({**DECISION, "kem_theo": "sub/quy-che.yaml"},
                                                     allow_unicode=True), "utf-8")
    doc = ccch_docs.load(tmp_path / "qd.yaml")
    assert doc.kem_theo.dia_danh == "Cần Thơ"  # its own value wins over the decision's


@pytest.mark.parametrize("extra,key,words", [
    ({"kem_theo": "khong-co.yaml"}, "kem_theo", "không đọc được"),
    ({"kem_theo": {**ATTACHED, "trich_yue": "x"}}, "kem_theo.trich_yue", "trich_yeu"),  # named where it is written
    ({"kem_theo": {**ATTACHED, "loai": "cong_van", "kinh_gui": "Sở Nội vụ", "don_vi_soan": "NC"}}, "kem_theo",
     "không thể ban hành kèm theo"),
    ({"kem_theo": 5}, "kem_theo", "đường dẫn"),
])
def test_attachment_errors(extra, key, words):
    with pytest.raises(ccch_docs.InputError) as info:
        _decision(**extra)
    p = next(p for p in info.value.problems if p.key == key)
    assert words in p.message + (p.hint or "")


def test_only_a_decision_issues_a_document():
    from samples import PLAN
    with pytest.raises(ccch_docs.InputError, match="chỉ quyết định"):
        ccch_docs.from_dict({**PLAN, "kem_theo": ATTACHED})


def test_expressions_in_the_issued_document_are_evaluated():
    issued = {**ATTACHED, "so_lieu": {"nv": 12},
              "noi_dung": [{"tieu_de": "Mục tiêu", "doan": "Hoàn thành {{ so_lieu.nv | so }} nhiệm vụ."}]}
    doc = _decision(kem_theo=issued)
    assert doc.kem_theo.noi_dung[0].doan == ("Hoàn thành 12 nhiệm vụ.",)
    with pytest.raises(ccch_docs.InputError, match="so_lieu.khong_co"):
        _decision(kem_theo={**issued, "mo_dau": "{{ so_lieu.khong_co }}"})


def test_a_value_the_issued_document_inherits_is_refused_once():
    # The decision's `ngay` is the issued document's too: the same problem was printed twice, word for word.
    with pytest.raises(ccch_docs.InputError) as info:
        _decision(ngay="2021-02-30", kem_theo=ATTACHED)
    assert [p.key for p in info.value.problems] == ["ngay"], str(info.value)


def test_a_problem_of_a_document_written_inline_is_named_under_kem_theo(tmp_path):
    # Its keys were named as the decision's (`noi_dung[0].tieu_de`, `loai`), which has none such, at the right line.
    import yaml
    path = tmp_path / "qd.yaml"
    path.write_text(yaml.safe_dump({**DECISION, "ngay": "2021-02-30", "kem_theo": {
        "trich_yeu": "Quy chế", "noi_dung": [{"tieu_de": "", "doan": "x"}]}}, allow_unicode=True, sort_keys=False),
        "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(path)
    lines = path.read_text("utf-8").splitlines()
    found = {p.key: p.line for p in info.value.problems}
    assert found == {"ngay": lines.index("ngay: '2021-02-30'") + 1,  # the decision's, inherited: named once, as there
                     "kem_theo.loai": lines.index("kem_theo:") + 1,
                     "kem_theo.noi_dung[0].tieu_de": lines.index("  - tieu_de: ''") + 1}, str(info.value)
