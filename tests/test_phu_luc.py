"""Phụ lục tables: cell-by-cell text against the seeds, sections, numbering, header rows, totals, errors, scale."""

from __future__ import annotations

import copy
import time

import pytest
import yaml
from docx.oxml.ns import qn
from docx.table import _Cell

import ccch_docs
from ccch_docs import checks
from ccch_docs.metrics import text_width
from conftest import ROOT
from docx_view import EXPECTED, View, align, clean

SEED_003 = "ke-hoach-cchc-2021-dong-thap"
SEED_004 = "ke-hoach-cchc-2022-vinh-long"


def _expected(name: str) -> tuple[list[str], list[str]]:
    lines = [clean(x) for x in (EXPECTED / "phu-luc" / f"{name}.txt").read_text("utf-8").splitlines() if x.strip()]
    cut = lines.index("## bang")
    return lines[:cut], lines[cut + 1:]


def test_seed_003_every_cell(rendered):
    view = View.open(rendered[SEED_003])
    heading, rows = _expected(SEED_003)
    assert view.appendix_headings() == [heading]
    (table,) = view.appendix_tables()
    assert view.table_rows(table) == rows
    assert len(table.columns) == 8


def test_seed_004_every_cell_shown_by_the_seed(rendered):
    view = View.open(rendered[SEED_004])
    _, rows = _expected(SEED_004)
    (table,) = view.appendix_tables()
    got = view.table_rows(table)
    # The seed lost the header row and the first group row (III.): they are ours.
    assert got[1] == "III. Cải cách thủ tục hành chính"
    assert got[2:] == rows
    assert len(table.columns) == 6


def test_seed_004_decision_carries_the_plan_and_its_table(rendered):
    view = View.open(rendered["quyet-dinh-3484-vinh-long"])
    _, rows = _expected(SEED_004)
    (table,) = view.appendix_tables()
    assert view.table_rows(table)[2:] == rows
    (heading,) = view.appendix_headings()
    assert heading[2] == ("(Kèm theo Kế hoạch ban hành kèm theo Quyết định số 3484/QĐ-UBND ngày 16/12/2021 "
                          "của Chủ tịch UBND tỉnh Vĩnh Long)")
    decision, plan, appendix = view.doc.sections
    for s in (decision, plan):
        assert s.page_width < s.page_height and s.different_first_page_header_footer
        assert s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.page_width > appendix.page_height


def test_group_rows_merged_or_labelled(rendered):
    t004 = View.open(rendered[SEED_004]).appendix_tables()[0]._tbl
    merged = [tr for tr in t004.tr_lst if len(tr.tc_lst) == 1]
    assert [clean(tr.tc_lst[0].xpath("string(.)")) for tr in merged] == [
        "III. Cải cách thủ tục hành chính", "IV. Tổ chức bộ máy", "V. Cải cách chế độ công vụ", "VI. Tài chính công",
        "VII. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", "VIII. Kinh phí"]
    assert all(tr.tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "6" for tr in merged)
    t003 = View.open(rendered[SEED_003]).appendix_tables()[0]._tbl
    group = t003.tr_lst[1]
    assert len(group.tc_lst) == 2 and group.tc_lst[1].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "7"
    assert group.tc_lst[1].xpath("string(.)") == "Công tác thông tin, tuyên truyền"


def test_header_row_repeats_and_rows_do_not_split(rendered):
    table = View.open(rendered[SEED_003]).appendix_tables()[0]._tbl
    first, *rest = table.tr_lst
    assert first.trPr.find(qn("w:tblHeader")) is not None
    assert all(tr.trPr.find(qn("w:tblHeader")) is None for tr in rest)
    assert all(tr.trPr.find(qn("w:cantSplit")) is not None for tr in table.tr_lst)
    borders = table.tblPr.find(qn("w:tblBorders"))
    assert {e.get(qn("w:val")) for e in borders} == {"single"}
    widths = [int(c.get(qn("w:w"))) for c in table.tblGrid.iterchildren(qn("w:gridCol"))]
    assert widths[1] == max(widths) and sum(widths) == int(table.tblPr.find(qn("w:tblW")).get(qn("w:w")))


def test_landscape_section_with_its_own_numbering(rendered):
    doc = View.open(rendered[SEED_003]).doc
    main, appendix = doc.sections
    assert main.page_width < main.page_height
    assert appendix.page_width > appendix.page_height
    assert (appendix.page_width, appendix.page_height) == (main.page_height, main.page_width)
    for m in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        assert 15 <= getattr(appendix, m) / 36000 <= 35
    assert appendix._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1"
    assert appendix.different_first_page_header_footer
    assert main._sectPr.find(qn("w:pgNumType")) is None
    assert "PAGE" in appendix.header._element.xml and "PAGE" not in appendix.first_page_header._element.xml
    heading = next(p for p in doc.paragraphs if p.text == "Phụ lục")
    assert heading.runs[0].bold is None  # bold comes from the style
    assert doc.styles["CCHC Phụ lục - số"].font.bold and doc.styles["CCHC Phụ lục - số"].font.size.pt == 14


def _doc_with(tables: list[dict]) -> ccch_docs.VanBan:
    data = yaml.safe_load((ROOT / "examples" / f"{SEED_003}.yaml").read_text("utf-8"))
    data["phu_luc"] = tables
    return ccch_docs.from_dict(data, base_dir=ROOT / "examples")


def test_several_appendices_letters_beyond_y_and_totals(tmp_path):
    rows = [{"noi_dung": f"Việc {n}", "kinh_phi": 1_500_000} for n in range(1, 26)]
    rows[3]["kinh_phi"] = "Kinh phí tự chủ"
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot", "nhom": [{"ten": "Nhóm", "dong": rows}], "tong_cong": True}
    two = {"tieu_de": "Kinh phí", "cot": "ke_hoach_6_cot", "danh_so": {"nhom": "I.", "dong": "1"},
           "nhom": [{"ten": "A", "dong": [{"noi_dung": "x", "san_pham": ["- Kế hoạch;", "- Báo cáo."]}]}, {"ten": "B"}]}
    out = tmp_path / "two.docx"
    ccch_docs.render(_doc_with([one, two]), out)
    view = View.open(out)
    assert [h[0] for h in view.appendix_headings()] == ["Phụ lục I", "Phụ lục II"]
    first, second = view.appendix_tables()
    labels = [r.split(" | ")[0] for r in view.table_rows(first)[2:-1]]
    assert labels[:6] == ["a)", "b)", "c)", "d)", "đ)", "e)"] and labels[22:] == ["y)", "aa)", "ab)"]
    total = view.table_rows(first)[-1]
    # 24 × 1.500.000; the text cell is not counted, and the total says so
    assert total == "Tổng cộng | 36.000.000 / (chưa tính 1 dòng ghi bằng chữ) |"
    assert "Kinh phí tự chủ" in view.table_rows(first)[5]
    assert view.table_rows(second)[1:] == ["I. A", "1 | x | | | - Kế hoạch; / - Báo cáo. |", "II. B"]
    assert len(view.doc.sections) == 3
    assert all(s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")) == "1" for s in view.doc.sections[1:])


def test_a_total_in_billions_fits_its_column_on_one_line(tmp_path):
    """The ke_hoach_8_cot Kinh phí column (2/22 of the width) printed a total `1.060.000.000` over two lines
    (`1.060.000.` / `000`); a number column now is at least as wide as its widest figure, bold, and its cell margins."""
    rows = [{"noi_dung": f"Việc {n}", "kinh_phi": 53_000_000} for n in range(1, 21)]
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot", "nhom": [{"ten": "Nhóm", "dong": rows}], "tong_cong": True}
    out = tmp_path / "ty.docx"
    ccch_docs.render(_doc_with([one]), out)
    (table,) = View.open(out).appendix_tables()
    assert View.table_rows(table)[-1] == "Tổng cộng | 1.060.000.000 |"
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterfind(qn("w:gridCol"))]
    assert sum(grid) == 14570
    assert grid[6] / 20 >= text_width("1.060.000.000", 12, bold=True) + 2 * 85 / 20


def test_forced_row_label_is_printed_as_written_and_not_counted(tmp_path):
    rows = [{"noi_dung": "Việc 1"}, {"so": "1a", "noi_dung": "Việc thêm"}, {"noi_dung": "Việc 2"}]
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_6_cot", "danh_so": {"nhom": "I.", "dong": "1"},
           "nhom": [{"ten": "A", "dong": rows}]}
    out = tmp_path / "so.docx"
    ccch_docs.render(_doc_with([one]), out)
    labels = [r.split(" | ")[0] for r in View.table_rows(View.open(out).appendix_tables()[0])[2:]]
    assert labels == ["1", "1a", "2"]
    report = checks.check(out)
    assert report.error is None and not report.violations, report
    bad = {**one, "nhom": [{"ten": "A", "dong": [{"so": 5, "noi_dung": "x"}]}]}
    with pytest.raises(ccch_docs.InputError) as info:
        _doc_with([bad])
    (p,) = info.value.problems
    assert p.key == "phu_luc[0].nhom[0].dong[0].so" and "5a" in p.hint


def test_totals_read_vietnamese_notation(tmp_path):
    amounts = ["3.000.000", "1.500.000 đồng", 2_000_000, "2,5", "Theo Đề án", ["Kinh phí", "tự chủ"]]
    rows = [{"noi_dung": f"Việc {n}", "kinh_phi": k} for n, k in enumerate(amounts)]
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot", "nhom": [{"ten": "Nhóm", "dong": rows}], "tong_cong": True}
    out = tmp_path / "vn.docx"
    ccch_docs.render(_doc_with([one]), out)
    rows_seen = View.table_rows(View.open(out).appendix_tables()[0])
    assert "3.000.000" in rows_seen[2] and "1.500.000 đồng" in rows_seen[3]  # cells print as written
    assert rows_seen[-1] == "Tổng cộng | 6.500.002,5 / (chưa tính 2 dòng ghi bằng chữ) |"
    only_numbers = {**one, "nhom": [{"ten": "Nhóm", "dong": rows[:3]}]}
    ccch_docs.render(_doc_with([only_numbers]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1] == "Tổng cộng | 6.500.000 |"


def test_totals_are_exact_before_rounding(tmp_path):
    """1,5 + 0,0595 is 1,5595, rounded half up to 1,56 (summed as floats it was 1,55949… and printed 1,559)."""
    rows = [{"noi_dung": "Việc", "kinh_phi": "1,5"}, {"noi_dung": "Việc", "kinh_phi": "0,0595"}]
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot", "nhom": [{"ten": "Nhóm", "dong": rows}], "tong_cong": True}
    out = tmp_path / "exact.docx"
    ccch_docs.render(_doc_with([one]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1] == "Tổng cộng | 1,56 |"


def _rates(**changes) -> dict:
    """A results table: counts, two rates that say what they are computed from, one that does not."""
    cot = [{"khoa": "don_vi", "ten": "Đơn vị", "rong": 3}, {"khoa": "tiep_nhan", "ten": "Tiếp nhận"},
           {"khoa": "truoc_han", "ten": "Trước hạn"}, {"khoa": "dung_han", "ten": "Đúng hạn"},
           {"khoa": "ti_le", "ten": "Tỷ lệ trước hạn", "ti_le": {"tu_so": "truoc_han", "mau_so": "tiep_nhan"}},
           {"khoa": "dat", "ten": "Tỷ lệ đạt", "ti_le": {"tu_so": ["truoc_han", "dung_han"], "mau_so": "tiep_nhan",
                                                         "so_le": 2}},
           {"khoa": "khac", "ten": "Tỷ lệ khác"}]
    dong = [{"don_vi": "Một cửa huyện", "tiep_nhan": 12345, "truoc_han": 10000, "dung_han": 2344, "ti_le": "81%",
             "dat": "99,99%", "khac": "5%"},
            {"don_vi": "Các xã", "tiep_nhan": 31988, "truoc_han": 24908, "dung_han": 5524, "ti_le": "77,9%",
             "dat": "95,13%", "khac": "7%"}]
    return {"tieu_de": "Kết quả giải quyết hồ sơ", "cot": cot, "danh_so": {"dong": "1"}, "dong": dong,
            "tong_cong": ["tiep_nhan", "truoc_han", "dung_han"], **changes}


def test_a_rate_column_totals_as_the_rate_of_the_totals(tmp_path):
    """A rate's total is the rate of its columns' totals: 34.908 of 44.333 is 78,7% (the rates' sum is 158,9%, their
    average 79,45%); (34.908 + 7.868) of 44.333 is 96,49% to two decimals. A rate that does not say what it is
    computed from is left empty, deliberately: neither a sum nor an average of rates is its total."""
    out = tmp_path / "rates.docx"
    ccch_docs.render(_doc_with([_rates()]), out)
    table = View.open(out).appendix_tables()[0]
    assert View.table_rows(table)[-1] == "Tổng cộng | 44.333 | 34.908 | 7.868 | 78,7% | 96,49% |"
    total = [_Cell(tc, table).paragraphs[0] for tc in table._tbl.tr_lst[-1].tc_lst]
    assert [align(p) for p in total[-3:]] == ["center", "center", "left"]  # figures centred
    only_rates = _rates(tong_cong="ti_le")  # a total row asked for a rate: every rate's, no sum
    ccch_docs.render(_doc_with([only_rates]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1] == "Tổng cộng | 78,7% | 96,49% |"


def test_a_rate_left_empty_in_a_row_is_computed_from_the_row(tmp_path):
    # The declaration filled the total row only: a row whose rate was not typed printed an empty cell.
    table = _rates()
    del table["dong"][0]["ti_le"], table["dong"][1]["dat"], table["dong"][1]["khac"]
    out = tmp_path / "rows.docx"
    ccch_docs.render(_doc_with([table]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[1:3] == [
        "1 | Một cửa huyện | 12.345 | 10.000 | 2.344 | 81% | 99,99% | 5%",  # 10.000 of 12.345: 81,0%
        "2 | Các xã | 31.988 | 24.908 | 5.524 | 77,9% | 95,14% |"]  # (24.908 + 5.524) of 31.988; khac: no sources
    table["dong"][0]["truoc_han"] = "Chưa tổng hợp"
    ccch_docs.render(_doc_with([table]), out)  # a source in words: the rate is not known
    assert View.table_rows(View.open(out).appendix_tables()[0])[1].startswith(
        "1 | Một cửa huyện | 12.345 | Chưa tổng hợp | 2.344 | | 99,99% |")


def test_a_rate_is_left_empty_where_a_cell_it_is_computed_from_is_in_words(tmp_path):
    table = _rates()
    table["dong"][1]["dung_han"] = "Chưa tổng hợp"
    out = tmp_path / "words.docx"
    ccch_docs.render(_doc_with([table]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1] == (
        "Tổng cộng | 44.333 | 34.908 | 2.344 / (chưa tính 1 dòng ghi bằng chữ) | 78,7% | |")
    table = _rates(tong_cong="ti_le")
    table["dong"][1]["truoc_han"] = "Chưa tổng hợp"
    ccch_docs.render(_doc_with([table]), out)  # no rate known: the label alone, across the row
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1] == "Tổng cộng"


@pytest.mark.parametrize("change,key,message,hint", [
    (lambda t: t["cot"][4]["ti_le"].update(mau_so="tiep_nhan_x"), "phu_luc[0].cot[4].ti_le",
     "không có cột `tiep_nhan_x` để tính tổng", "các cột: don_vi, tiep_nhan, truoc_han, dung_han, ti_le, dat, khac"),
    (lambda t: t["cot"][3].update(kieu="chu"), "phu_luc[0].cot[5].ti_le",
     "cột `dung_han` được cộng nên là cột số, không phải `kieu: chu`",
     "bỏ `kieu: chu` của cột dung_han, hoặc bỏ `ti_le` của cột dat"),
    (lambda t: t["dong"][0].update(truoc_han="1.000"), "phu_luc[0].dong[0].truoc_han",
     "`1.000` đọc được hai cách để cộng vào dòng tổng", "viết 1000 nếu là một nghìn"),
])
def test_the_columns_a_rate_is_computed_from_are_checked(change, key, message, hint):
    table = _rates(tong_cong=False)  # checked, whether the table has a total row or not
    change(table)
    with pytest.raises(ccch_docs.InputError) as info:
        _doc_with([table])
    (p,) = info.value.problems
    assert (p.key, p.message, p.hint) == (key, message, hint)


def test_a_total_of_rates_that_do_not_say_their_sources_is_refused(capsys, tmp_path):
    # It summed the rates as text, none of them a number: "0 / (chưa tính 2 dòng ghi bằng chữ)".
    with pytest.raises(ccch_docs.InputError) as info:
        _doc_with([_rates(tong_cong=["tiep_nhan", "khac"])])
    (p,) = info.value.problems
    assert (p.key, p.message, p.code) == ("phu_luc[0].tong_cong", "cột `khac` ghi tỷ lệ: dòng tổng không cộng các "
                                                                   "tỷ lệ", "CCHC-E350")
    assert p.hint == ("cho cột khac cách tính: `ti_le: {tu_so: …, mau_so: …}` (dòng tổng in tỷ lệ của các tổng), "
                      "hoặc bỏ khac khỏi tong_cong")
    assert ccch_docs.messages.translate(p.hint, "en").startswith("give column khac how it is computed: `ti_le: {")
    out = tmp_path / "ok.docx"  # told what it is computed from, it is the rate of the totals
    table = _rates(tong_cong=["tiep_nhan", "khac"])
    table["cot"][6]["ti_le"] = {"tu_so": "dung_han", "mau_so": "tiep_nhan"}
    ccch_docs.render(_doc_with([table]), out)
    assert View.table_rows(View.open(out).appendix_tables()[0])[-1].endswith("| 17,7%")


@pytest.mark.parametrize("amount,hint", [
    ("3,000,000", "viết 3.000.000"),
    ("3 triệu", "viết 3.000.000"),
    ("1,2 tỷ đồng", "viết 1.200.000.000"),
    ("1.500", "viết 1500 nếu là một nghìn năm trăm, 1,5 nếu là số thập phân"),
    ("1.000", "viết 1000 nếu là một nghìn"),  # a thousand: no decimal `1,0` offered
])
def test_unclear_amounts_in_a_totalled_column_are_refused(amount, hint):
    rows = [{"noi_dung": "Việc", "kinh_phi": amount}]
    one = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot", "nhom": [{"ten": "Nhóm", "dong": rows}], "tong_cong": True}
    with pytest.raises(ccch_docs.InputError) as info:
        _doc_with([one])
    (p,) = info.value.problems
    assert p.key == "phu_luc[0].nhom[0].dong[0].kinh_phi" and p.hint.startswith(hint), str(p)


@pytest.mark.parametrize("change,key,words", [
    (lambda t: t["nhom"][0]["dong"][0].update(noidung="x"), "phu_luc[0].nhom[0].dong[0].noidung", "noi_dung"),
    (lambda t: t["nhom"][0]["dong"][1].update(ma="tt-noi-bo"), "phu_luc[0].nhom[0].dong[1].ma", "đã dùng"),
    (lambda t: t.update(danh_so={"nhom": "1.", "dong": "x)"}), "phu_luc[0].danh_so.dong", "kiểu đánh số"),
    (lambda t: t.update(cot="ke_hoach_8cot"), "phu_luc[0].cot", "ke_hoach_8_cot"),
    (lambda t: t.update(tong_cong="tien"), "phu_luc[0].tong_cong", "tien"),
    (lambda t: t["nhom"][0]["dong"][2].update(san_pham={"a": 1}), "phu_luc[0].nhom[0].dong[2].san_pham", "ô của bảng"),
])
def test_table_validation(change, key, words):
    data = yaml.safe_load((ROOT / "examples" / f"{SEED_003}.yaml").read_text("utf-8"))
    table = copy.deepcopy(data["phu_luc"][0])
    change(table)
    with pytest.raises(ccch_docs.InputError) as info:
        _doc_with([table])
    p = next(p for p in info.value.problems if p.key == key)
    assert words in p.message + (p.hint or "")


@pytest.mark.parametrize("replaced,written,hint", [
    ("san_pham: Hội thi", "sanpham: Hội thi", "có phải ý bạn là `san_pham`?"),
    ("kinh_phi: 50triệu/ huyện", "kinh_phi: 2.500",  # a number column, unquoted
     "viết 2500 nếu là hai nghìn năm trăm, 2,5 nếu là số thập phân"),
    ("kinh_phi: 50triệu/ huyện", "kinh_phi: 1.000", "viết 1000 nếu là một nghìn"),  # never `1,0`
])
def test_error_line_points_into_the_table(tmp_path, replaced, written, hint):
    src = (ROOT / "examples" / f"{SEED_003}.yaml").read_text("utf-8").replace(replaced, written)
    path = tmp_path / "kh.yaml"
    path.write_text(src, "utf-8")
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd-tinh-dong-thap.yaml").write_text(
        (ROOT / "examples" / "don-vi" / "ubnd-tinh-dong-thap.yaml").read_text("utf-8"), "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(path)
    (p,) = info.value.problems
    assert p.line == src.splitlines().index("            " + written) + 1
    assert p.hint == hint


def test_five_thousand_rows(tmp_path):
    rows = [{"noi_dung": f"Nhiệm vụ số {n} & <kiểm tra>", "chu_tri": "Sở Nội vụ", "thoi_gian": "Năm 2022",
             "kinh_phi": n} for n in range(5000)]
    table = {"tieu_de": "Nhiều dòng", "cot": "ke_hoach_8_cot", "danh_so": {"nhom": "1.", "dong": "1"},
             "nhom": [{"ten": "Tất cả", "dong": rows}], "tong_cong": True}
    start = time.process_time()
    out = tmp_path / "big.docx"
    ccch_docs.render(_doc_with([table]), out)
    assert time.process_time() - start < 30  # a sanity bound; speed is measured in benchmarks/
    table_el = View.open(out).appendix_tables()[0]
    assert len(table_el.rows) == 5003
    assert View.table_rows(table_el)[-1] == f"Tổng cộng | {sum(range(5000)):,} |".replace(",", ".")
