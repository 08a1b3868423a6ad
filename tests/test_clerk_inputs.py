"""A second reviewer's pass: documents clerks write by hand (tests/inputs), with the figures, dates and pasted text
they bring, rendered through the command line and read back word for word."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest
from docx.oxml.ns import qn

import ccch_docs
from ccch_docs import checks
from ccch_docs.cli import main
from ccch_docs.metrics import text_width
from conftest import INPUTS
from docx_view import View, size
from samples import PLAN

CLERKS = sorted(p.stem for p in INPUTS.glob("*.yaml"))


@pytest.mark.parametrize("name", CLERKS)
def test_each_input_renders_through_the_command_line_and_passes_check(tmp_path, name):
    out = tmp_path / f"{name}.docx"
    assert main(["render", str(INPUTS / f"{name}.yaml"), "-o", str(out)]) == 0
    assert checks.check(out).violations == []


def test_a_ranking_table_prints_decimal_scores_however_typed(render_input):
    view = render_input("quyet-dinh-cong-bo-chi-so-cchc-ben-tre")
    assert view.header()[2:] == ["Số: 05/QĐ-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                                 "Bến Tre, ngày 05 tháng 01 năm 2025"]
    assert view.appendix_lines()[2:] == [
        "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05/01/2025 của Chủ tịch UBND tỉnh Bến Tre)",
        "Số TT | Đơn vị | Điểm đạt được | Chỉ số (%) | Xếp hạng",
        "1 | Sở Tư pháp | 85,67 | 87,12 | 1", "2 | Sở Nội vụ | 85,5 | 86,9 | 2",
        "3 | Sở Thông tin và Truyền thông | 84,25 | 85 | 3", "4 | Ban Quản lý các khu công nghiệp | 0 | 0,5 | 20"]


def test_a_communes_quarterly_figures_read_as_the_clerk_counts_them(render_input):
    view = render_input("bao-cao-cchc-quy-iv-xa-my-hiep")
    assert view.header()[-1] == "Mỹ Hiệp, ngày 31 tháng 12 năm 2024"
    assert View.texts(view.title())[-1] == "(số liệu tính từ 15/9/2024 đến 28/02/2025)"
    lines = view.body_lines()
    assert "Tiếp nhận 44.333 hồ sơ; đúng hạn 34.908 hồ sơ (đạt 78,7%); trễ hạn 0 hồ sơ (0%)." in lines
    assert ("Hồ sơ trực tuyến 221 (0% so với kỳ trước không có hồ sơ); tỷ lệ sai sót 0,5%.") in lines
    assert ("Dự toán 1.000.000.000 đồng (Một tỷ đồng), tức 1 tỷ đồng; đã chi 999.999.999 đồng (Chín trăm chín mươi "
            "chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng); chênh lệch -5.000.000 đồng "
            "(Âm năm triệu đồng).") in lines
    assert "Chỉ số CCHC năm nay 86,17 điểm, tăng 0,50 điểm; đạt 86,2% so với điểm tối đa." in lines
    assert view.appendix_lines()[-7:] == [
        "I. Lĩnh vực tư pháp", "1 | Hộ tịch | 44.000 | 34.600 | 0 | 1.000.000.000",
        "2 | Chứng thực | 221 | 300 | 0 | -5.000.000", "II. Lĩnh vực đất đai",
        "1 | Đất đai | 112 | 8 | 0 | Theo dự toán", "2 | Môi trường | 0 | 0 | 0 | 0,5",
        "Tổng cộng | 44.333 | 34.908 | 0 | 995.000.000,5 / (chưa tính 1 dòng ghi bằng chữ)"]


def test_merged_cells_of_a_campaign_plan_print_once(render_input):
    view = render_input("ke-hoach-tuyen-truyen-cchc-2024-so-noi-vu-hau-giang")
    assert view.header()[-1] == "Vị Thanh, ngày 01 tháng 01 năm 2024"
    rows = View.table_rows(view.appendix_tables()[0])
    assert rows[3:5] == ["2 | Phóng sự trên Đài Phát thanh và Truyền hình | Phóng sự truyền hình | | Đài PT-TH Hậu Giang "
                         "| Quý II, Quý IV | 30.000.000",
                         "3 | Tin bài trên Cổng thông tin điện tử Sở | Tin, bài | | Văn phòng Sở | Thường xuyên"]
    assert rows[7] == "5 | Hội thi \"Tìm hiểu về CCHC\" năm 2024 | Thi trực tuyến | Quý III | Theo dự toán riêng"
    assert rows[-1] == "Tổng cộng | 99.500.000 / (chưa tính 2 dòng ghi bằng chữ)"


def test_a_submission_dated_on_a_leap_day(render_input):
    view = render_input("to-trinh-ke-hoach-cchc-2028-so-noi-vu-ca-mau")
    assert view.header()[-1] == "Cà Mau, ngày 29 tháng 02 năm 2028"
    assert "1. Bố cục: gồm 04 phần và 01 phụ lục." in view.body_lines()


def test_grounds_typed_in_lower_case_print_as_the_decree_opens_them(render_input):
    """`căn cứ Kế hoạch …` was printed as typed, a line of the grounds opening in lower case."""
    view = render_input("quyet-dinh-thanh-lap-to-cong-tac-cchc-xa-nhon-ai")
    lines = view.body_lines()
    assert view.header()[-1] == "Phong Điền, ngày 18 tháng 5 năm 2025"
    assert ("Căn cứ Kế hoạch số 15/KH-UBND ngày 22/01/2025 của UBND xã về cải cách hành chính năm 2025;") in lines
    assert lines[lines.index("1. Kiểm tra việc thực hiện") + 1:][:7] == [
        f"{label} {text}" for label, text in zip(["a)", "b)", "c)", "d)", "đ)", "e)", "g)"], [
            "Niêm yết công khai thủ tục hành chính;", "Giải quyết hồ sơ tại Bộ phận Một cửa;",
            "Chấp hành kỷ luật, kỷ cương hành chính;", "Ứng dụng công nghệ thông tin;",
            "Số hóa hồ sơ, kết quả giải quyết;", "Thanh toán trực tuyến;", "Tiếp nhận phản ánh, kiến nghị."], strict=True)]


def _document_text(path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_text_pasted_from_the_web_comes_out_as_the_clerk_sees_it(tmp_path):
    """NFD letters come out NFC; zero-width spaces (which made keys, numbers and choices unreadable) are dropped;
    text that looks like Jinja or XML in data that is never evaluated prints as typed."""
    name = "cong-van-khan-chu-dan-tu-web-so-noi-vu-hau-giang"
    source = (INPUTS / f"{name}.yaml").read_text("utf-8")
    assert "\u200b" in source and not unicodedata.is_normalized("NFC", source)  # what the test is about
    out = tmp_path / "cv.docx"
    assert main(["render", str(INPUTS / f"{name}.yaml"), "-o", str(out)]) == 0
    xml = _document_text(out)
    assert "\u200b" not in xml and unicodedata.is_normalized("NFC", xml)
    view = View.open(out)
    assert "V/v tuyên truyền cải cách hành chính năm 2024" in view.header()
    assert [p.text for p in view.nguoi_ky()][-1] == "Nguyễn Thị Hồng Nhung"
    lines = view.body_lines()
    assert "- Các sở, ban, ngành tỉnh;" in lines and "- Đài Phát thanh và Truyền hình Hậu Giang;" in lines
    assert ("Giữ nguyên: {% for x in y %} và {{ 7*7 }} và <w:p><w:r><w:t>chèn</w:t></w:r></w:p> &amp; ]]> &lt; "
            "<![CDATA[x]]>") in lines
    assert "Dấu nháy: “kép” ‘đơn’ «góc» „thấp“ 'thẳng' \"thẳng kép\" ` ´ ″" in lines
    assert "2 | {{ 7*7 }} | <w:t>x</w:t> | ]]>" in lines
    assert "- {{ 7*7 }} {% for %} <w:p> &amp; ]]>;" in [p.text for p in view.noi_nhan()]


@pytest.mark.parametrize("line", ["trich_yeu\u200b: Kế hoạch", "trich_yeu: Kế\u2060 hoạch", "\ufefftrich_yeu: Kế hoạch"])
def test_a_zero_width_space_in_a_key_or_value_is_dropped(line):
    """Each was refused with a message naming a key or value that read right: `trich_yeu​: khóa không có …`,
    `so: phải là số nguyên`, `do_khan: … chọn một trong`."""
    text = (f"{line}\nloai: ke_hoach\nso: 1\u200b2\ndo_khan: khan\u200b\ndia_danh: Tân Hòa\nluu: VT\n"
            "co_quan: {ten: UBND XÃ A, viet_tat: UBND}\nnguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn A}\n"
            "noi_nhan: [UBND huyện]\nnoi_dung: [{tieu_de: A, doan: B}]\n")
    doc = ccch_docs.loads(text, name="x.yaml")
    assert (doc.trich_yeu, doc.so, doc.do_khan) == (("Kế hoạch",), 12, "khan")


BIDI = ["\u202e", "\u202a", "\u2066", "\u200f", "\u061c"]


@pytest.mark.parametrize("char", BIDI)
def test_a_bidirectional_control_is_refused_at_its_place(char):
    """Rendered before: `Đài Phát thanh\u202evà Truyền hình\u202c` printed `Đài Phát thanhhnìh nềyurT àv`."""
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.loads(f"loai: ke_hoach\nluu: VT, N{char}C\n", name="x.yaml")
    [problem] = exc.value.problems
    assert (problem.line, problem.column, problem.code) == (2, 11, "CCHC-E018")
    assert f"U+{ord(char):04X}" in problem.message and "đảo chiều chữ" in problem.hint


@pytest.mark.parametrize("where", ["data", "escape"])
def test_a_bidirectional_control_given_as_data_or_an_escape_is_refused(where):
    with pytest.raises(ccch_docs.InputError) as exc:
        if where == "data":
            ccch_docs.from_dict({**PLAN, "luu": "VT\u202eNC"})
        else:
            ccch_docs.loads('loai: ke_hoach\nluu: "VT\\u202eNC"\n', name="x.yaml")
    [problem] = exc.value.problems
    assert (problem.key, problem.code) == ("luu", "CCHC-E076")
    assert "đảo chiều chữ" in problem.hint and "U+202E" in problem.message


@pytest.mark.parametrize("data, key, hint", [
    ({"LOAI": "ke_hoach"}, "LOAI", "có phải ý bạn là `loai`?"),
    ({"nguoi_ky": {"TM": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Lê Văn A"}}, "nguoi_ky.TM",
     "có phải ý bạn là `tm`?"),
])
def test_a_key_in_the_wrong_case_is_hinted_to_its_spelling(data, key, hint):
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, **data})
    found = {p.key: p.hint for p in exc.value.problems}
    assert found[key] == hint, found


@pytest.mark.parametrize("text", ["loai: bao_cao\nso_lieu: {x: 100", "noi_nhan: [UBND huyện", "a: {x: 1"])
def test_a_file_cut_short_inside_brackets_is_a_syntax_error(text):
    """A file ending inside `{ … }` or `[ … ]` with no final line break was `lỗi không mong đợi: IndexError`: the
    parser's place is past the last line the hint quotes."""
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.loads(text, name="x.yaml")
    [problem] = exc.value.problems
    assert (problem.code, problem.line) == ("CCHC-E012", text.count("\n") + 2) and "chưa đóng" in problem.message


def test_a_long_header_a_secret_urgent_plan_and_a_total_in_billions(render_input):
    """A Ban Quản lý under the UBND of Thành phố Hồ Chí Minh: the place-and-date line too long for 14 pt takes the
    whole header to the 12/13/13 pairing; the notes number in the footnote reference style; the billions total on
    one line of its column."""
    view = render_input("ke-hoach-cchc-2024-ban-quan-ly-kcx-kcn-tp-hcm")
    qh, tn, date = [p for r in view.doc.tables[0].rows for p in r.cells[1].paragraphs if p.text.strip()]
    assert date.text == "Thành phố Hồ Chí Minh, ngày 03 tháng 02 năm 2024"
    assert (size(qh), size(tn), size(date)) == (12, 13, 13)
    assert [p.text for p in view.doc.tables[0].rows[1].cells[0].paragraphs if p.text.strip()][1:] == [
        "MẬT", "THƯỢNG KHẨN"]
    (table,) = view.appendix_tables()
    assert View.table_rows(table)[-1] == "Tổng cộng | 5.000.000.000 / (chưa tính 2 dòng ghi bằng chữ) |"
    grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.iterfind(qn("w:gridCol"))]
    assert grid[6] / 20 >= text_width("5.000.000.000", 12, bold=True) + 2 * 85 / 20
    assert len(view.noi_nhan()) == 1 + 18
