"""Constructs of the family of real CCHC documents beyond the examples: Thông báo kết luận, statistics tables."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

import ccch_docs
from ccch_docs import checks, importer
from docx_view import View, align, clean, ppr, size, toggle
from samples import LETTER, PLAN

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


STATISTICS = {"ten": "Bảng 1. Kết quả giải quyết hồ sơ", "tong_cong": ["truoc_han", "qua_han"],
              "cot": [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 3},
                      {"khoa": "truoc_han", "ten": "Trước hạn", "chung": "Số hồ sơ đã giải quyết"},
                      {"khoa": "qua_han", "ten": "Quá hạn", "chung": "Số hồ sơ đã giải quyết"},
                      {"khoa": "ti_le", "ten": "Tỷ lệ"}],
              "dong": [{"linh_vuc": "Hộ tịch", "truoc_han": 44333, "qua_han": 1, "ti_le": "78,7%"}]}


def test_columns_under_a_shared_heading_print_a_header_of_two_rows(render_dict):
    """A report's statistics table heads `Trước hạn` and `Quá hạn` with `Số hồ sơ đã giải quyết` across both
    (the Thông tư 01/2018 forms); the other headings, Số TT too, are merged down the two rows."""
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "Kết quả", "doan": [{"bang": STATISTICS}]}]})
    table = next(t for t in view.doc.tables if "Hộ tịch" in " ".join(View.table_rows(t)))
    assert View.table_rows(table) == ["Số TT | Lĩnh vực | Số hồ sơ đã giải quyết | Tỷ lệ",
                                      "| | Trước hạn | Quá hạn |", "1 | Hộ tịch | 44.333 | 1 | 78,7%",
                                      "Tổng cộng | 44.333 | 1 |"]
    top, below = table._tbl.tr_lst[:2]
    assert [tc.tcPr.find(qn("w:gridSpan")) is not None for tc in top.tc_lst] == [False, False, True, False]
    merged = [tc.tcPr.find(qn("w:vMerge")) for tc in below.tc_lst]
    assert [m is not None and m.get(qn("w:val")) in (None, "continue") for m in merged] == [True, True, False, False,
                                                                                          True]
    assert all(tr.trPr is not None and tr.trPr.find(qn("w:tblHeader")) is not None for tr in (top, below))


def _jc(cell) -> str | None:
    jc = cell.paragraphs[0]._p.find(qn("w:pPr") + "/" + qn("w:jc"))
    return None if jc is None else jc.get(qn("w:val"))


def test_figures_of_a_table_are_centred_its_words_are_not(render_dict):
    """Statistics tables centre their figures (44.333, 78,7%), a typed rate in a column of words too; they were
    left-aligned like the names beside them."""
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "Kết quả", "doan": [{"bang": STATISTICS}]}]})
    table = next(t for t in view.doc.tables if "Hộ tịch" in " ".join(View.table_rows(t)))
    data, total = table.rows[2], table.rows[3]
    assert [_jc(c) for c in data.cells[1:]] == [None, "center", "center", "center"]
    assert [_jc(c) for c in total.cells[-3:]] == ["center", "center", None]
    assert data.cells[1].paragraphs[0].style.name == data.cells[2].paragraphs[0].style.name == "CCHC Bảng - ô"


def test_a_figure_typed_with_the_typesetting_minus_is_centred_as_one_with_a_hyphen(render_dict):
    """`−1.500.000` pasted from Word or Excel (U+2212) is the number -1500000 to totals, and a figure to align too:
    it was left-aligned like words while `-1.500.000` was centred."""
    rows = [{"linh_vuc": "Hộ tịch", "truoc_han": "−1.500.000", "qua_han": "-1.500.000", "ti_le": "−2,5%"}]
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "Kết quả", "doan": [{"bang": {**STATISTICS, "dong": rows}}]}]})
    table = next(t for t in view.doc.tables if "Hộ tịch" in " ".join(View.table_rows(t)))
    assert [_jc(c) for c in table.rows[2].cells[2:]] == ["center", "center", "center"]


def test_a_district_notice_of_conclusions_reads_as_the_office_writes_it(render_input):
    view = render_input("thong-bao-ket-luan-cchc-6-thang-huyen-cao-lanh")
    assert view.header()[-1] == "Cao Lãnh, ngày 18 tháng 5 năm 2025"
    lines = view.body_lines()
    starts = [line.split(" ", 1)[0] for line in lines[1:-1]]
    assert starts == ["1.", "2.", "a)", "-", "-", "b)", "c)"]
    assert [clean(p.text) for p in view.nguoi_ky()] == ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG", "Phạm Thị Hoa"]
    assert View.texts(view.noi_nhan())[-2:] == ["- UBND các xã, thị trấn (để t/h);", "- Lưu: VT, TH."]


def test_a_district_offices_annual_report_with_its_statistics(render_input):
    view = render_input("bao-cao-ket-qua-cchc-2024-phong-noi-vu-thap-muoi")
    assert view.header()[-1] == "Tháp Mười, ngày 05 tháng 01 năm 2025"
    headings = [clean(p.text) for p in view.doc.paragraphs if p.style.name.startswith("CCHC Đề mục")]
    assert headings == ["I. KẾT QUẢ THỰC HIỆN", "1. Công tác chỉ đạo, điều hành", "2. Cải cách thủ tục hành chính",
                        "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025"]
    assert ("Tiếp nhận 44.333 hồ sơ; giải quyết trước hạn 34.908 hồ sơ (đạt 78,7%), đúng hạn 7.868 hồ sơ, quá hạn 1 "
            "hồ sơ.") in view.body_lines()
    table = next(t for t in view.doc.tables if "Bộ phận Một cửa huyện" in " ".join(View.table_rows(t)))
    assert View.table_rows(table) == [
        "Số TT | Đơn vị | Tổng số tiếp nhận | Số hồ sơ đã giải quyết | Tỷ lệ đúng hạn",
        "| | | Trước hạn | Đúng hạn | Quá hạn |", "1 | Bộ phận Một cửa huyện | 12.345 | 10.000 | 2.344 | 1 | 99,99%",
        "2 | Các xã, thị trấn | 31.988 | 24.908 | 5.524 | 0 | 100%", "Tổng cộng | 44.333 | 34.908 | 7.868 | 1 |"]
    assert view.appendix_lines()[2:] == [
        "(Kèm theo Báo cáo số 05/BC-PNV ngày 05/01/2025 của Phòng Nội vụ huyện Tháp Mười)",
        "Số TT | Đơn vị | Tỷ lệ hồ sơ trực tuyến (%) | Ghi chú", "| | Năm 2024 | Chỉ tiêu năm 2025 |",
        "1 | Thị trấn Mỹ An | 62,3 | 80 | Tăng tối thiểu 15%", "2 | Xã Mỹ Hòa | 48,5 | 70 |"]


def test_a_letters_third_level_is_dashed_not_lettered_again(render_dict):
    """A công văn numbers 1., then a); its third level repeated a), b) under a) (reviewer's num.letter.seq)."""
    parts = [{"doan": "Nội dung báo cáo:", "muc": [{"doan": "Kết quả:", "muc": ["Chỉ đạo;", "Thể chế."]}, "Khó khăn."]},
             "Thời hạn trước ngày 15/3/2025./."]
    view = render_dict({**LETTER, "noi_dung": parts})
    assert _body(view)[-6:] == ["1. Nội dung báo cáo:", "a) Kết quả:", "- Chỉ đạo;", "- Thể chế.", "b) Khó khăn.",
                                "2. Thời hạn trước ngày 15/3/2025./."]


@pytest.mark.parametrize("base", [LETTER, PLAN], ids=["cong_van", "ke_hoach"])
def test_a_secret_document_prints_its_mark_boxed_under_the_number_above_the_urgency(render_dict, tmp_path, base):
    """Độ mật (ô 10a: MẬT, TỐI MẬT, TUYỆT MẬT) had no key: a document marked MẬT could not be rendered as signed."""
    data = {**base, "do_mat": "toi_mat", "do_khan": "khan"}
    view = render_dict(data)
    left = [p for row in view.doc.tables[0].rows for p in row.cells[0].paragraphs if clean(p.text)]
    texts = [clean(p.text) for p in left]
    assert texts[-2:] == ["TỐI MẬT", "KHẨN"] and texts[-3].startswith(("Số:", "V/v"))
    mark = left[texts.index("TỐI MẬT")]
    assert (size(mark), toggle(mark, "w:b"), align(mark)) == (14, True, "center")
    box = mark.style.element.find(qn("w:pPr")).find(qn("w:pBdr"))
    assert {side: box.find(qn(f"w:{side}")) is not None for side in ("top", "left", "bottom", "right")} == dict.fromkeys(
        ("top", "left", "bottom", "right"), True)
    assert int(ppr(mark, "w:ind").get(qn("w:left"))) > 0  # the box is sized to its text, not the column
    path = tmp_path / "mat.docx"
    path.write_bytes(ccch_docs.render(ccch_docs.from_dict(data)))
    assert checks.check(path).violations == []
    assert importer.read(path).data["do_mat"] == "toi_mat"


TABLE = {k: v for k, v in STATISTICS.items() if k != "ten"}  # a phụ lục's table: its title is the phụ lục's


@pytest.mark.parametrize("so_cot, printed", [(True, "(1) | (2) | (3) | (4) | (5)"),
                                             (["A", "B", 1, 2, "3=1+2"], "A | B | 1 | 2 | 3=1+2")])
def test_a_row_numbering_the_columns_stands_under_the_header(render_dict, tmp_path, so_cot, printed):
    """Statistics forms number their columns under the header (`(1) (2) (3)`, `A B 1 2 3=1+2`): written as a first
    row with a forced label, the row was numbered like data, read as a row of words by the total (`(chưa tính 1
    dòng ghi bằng chữ)`) and lost on import."""
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "Kết quả", "doan": [{"bang": {**STATISTICS,
                                                                                      "so_cot": so_cot}}]}]})
    table = next(t for t in view.doc.tables if "Hộ tịch" in " ".join(View.table_rows(t)))
    assert View.table_rows(table) == ["Số TT | Lĩnh vực | Số hồ sơ đã giải quyết | Tỷ lệ",
                                      "| | Trước hạn | Quá hạn |", printed, "1 | Hộ tịch | 44.333 | 1 | 78,7%",
                                      "Tổng cộng | 44.333 | 1 |"]
    numbers = table._tbl.tr_lst[2]
    assert numbers.trPr.find(qn("w:tblHeader")) is not None  # repeated with the header on each page
    assert len(numbers.tc_lst) == 5 and all(tc.tcPr.find(qn("w:vMerge")) is None for tc in numbers.tc_lst)
    path = tmp_path / "so-cot.docx"
    data = {**PLAN, "phu_luc": [{"tieu_de": "Số liệu", **TABLE, "so_cot": so_cot}]}
    path.write_bytes(ccch_docs.render(ccch_docs.from_dict(data)))
    assert checks.check(path).violations == []
    (appendix,) = importer.read(path).data["phu_luc"]
    assert appendix["so_cot"] == (True if so_cot is True else [str(s) for s in so_cot])
    assert [len(g["dong"]) for g in appendix.get("nhom", [])] + [len(appendix.get("dong", []))] in ([1], [0, 1])


def test_a_column_numbering_row_of_the_wrong_length_is_refused():
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "phu_luc": [{"tieu_de": "Số liệu", **TABLE, "so_cot": ["A", "B", "1"]}]})
    [problem] = exc.value.problems
    assert (problem.key, problem.code) == ("phu_luc[0].so_cot", "CCHC-E646") and "so_cot: true" in problem.hint
