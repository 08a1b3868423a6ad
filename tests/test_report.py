"""Reports linked to their plan: every computed figure against hand-computed values and the rendered words,
the results phụ lục, and malformed report keys."""

from __future__ import annotations

import textwrap

import pytest

import ccch_docs
from ccch_docs import report
from ccch_docs.cli import main
from conftest import ROOT
from docx_view import View, clean
from samples import DECISION, LETTER, MINUTES

ANNUAL = "bao-cao-cchc-2021-dong-thap"
QUARTERLY = "bao-cao-cchc-quy-i-2022-vinh-long"


def _tally(name: str) -> dict:
    doc = ccch_docs.load(ROOT / "examples" / f"{name}.yaml")
    plan = ccch_docs.load(ROOT / "examples" / doc.ke_hoach)
    return report.tally(plan, report.tasks(plan), doc.ket_qua)


def _counts(t: dict) -> tuple:
    return (t["tong"], t["hoan_thanh"], t["dang_thuc_hien"], t["chua_thuc_hien"], t["chua_bao_cao"],
            t["da_trien_khai"])


def test_annual_task_counts_by_hand():
    t = _tally(ANNUAL)
    # 37 tasks in the plan's phụ lục; ket_qua: 28 done, 6 under way, 2 not done, hdh-de-an-httt-cchc unreported.
    assert _counts(t) == (37, 28, 6, 2, 1, 34)
    assert t["ti_le"] == {"hoan_thanh": "75,7%", "dang_thuc_hien": "16,2%", "chua_thuc_hien": "5,4%",
                          "chua_bao_cao": "2,7%", "da_trien_khai": "91,9%"}  # 28/37, 6/37, 2/37, 1/37, 34/37
    by_group = {n: _counts(t["nhom"][n]) for n in range(1, 9)}
    assert by_group == {1: (10, 7, 2, 1, 0, 9), 2: (3, 3, 0, 0, 0, 3), 3: (3, 3, 0, 0, 0, 3), 4: (4, 3, 1, 0, 0, 4),
                        5: (6, 4, 1, 1, 0, 5), 6: (2, 1, 1, 0, 0, 2), 7: (5, 4, 0, 0, 1, 4), 8: (4, 3, 1, 0, 0, 4)}
    assert t["nhom"]["Công tác thông tin, tuyên truyền"] is t["nhom"][1]
    assert t["nhom"][5]["ten"] == "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức"
    assert t["nhom"][5]["ti_le"]["hoan_thanh"] == "66,7%"  # 4/6


def test_quarterly_task_counts_by_hand():
    t = _tally(QUARTERLY)
    assert _counts(t) == (35, 5, 8, 1, 21, 13)
    assert (t["ti_le"]["da_trien_khai"], t["ti_le"]["hoan_thanh"]) == ("37,1%", "14,3%")  # 13/35, 5/35
    assert _counts(t["nhom"]["Cải cách thủ tục hành chính"]) == (10, 3, 4, 0, 3, 7)
    assert _counts(t["nhom"][5]) == (10, 1, 2, 0, 7, 3)


# The annual report's figures (so_lieu) and what the text must say, each computed by hand:
# 34.908/44.333 = 78,740 % → 78,7%; 12.617/44.333 = 28,460 % → 28,5%; 34.908 + 8.067 + 177 = 43.152;
# (34.908 + 8.067)/43.152 = 99,5898 % → 99,59%; 1.522 + 237 + 98 = 1.857; (391 + 1.039)/1.857 = 77,006 % → 77%;
# (45 + 310)/1.092 = 32,509 % → 32,5%; 730.000.000 đồng = Bảy trăm ba mươi triệu đồng.
ANNUAL_TEXT = [
    "Thực hiện Kế hoạch số 285/KH-UBND ngày 05 tháng 12 năm 2020 của UBND tỉnh Đồng Tháp về cải cách hành chính "
    "tỉnh Đồng Tháp năm 2021, Ủy ban nhân dân (UBND) Tỉnh báo cáo kết quả thực hiện công tác cải cách hành chính "
    "(CCHC) năm 2021 như sau:",
    "Kế hoạch CCHC năm 2021 của Tỉnh có 37 nhiệm vụ cụ thể. Đến nay đã triển khai 34/37 nhiệm vụ (đạt 91,9%), "
    "trong đó hoàn thành 28 nhiệm vụ (đạt 75,7%), đang thực hiện 6 nhiệm vụ; 2 nhiệm vụ chưa thực hiện do ảnh "
    "hưởng của dịch COVID-19 và 1 nhiệm vụ chưa có báo cáo của cơ quan chủ trì (chi tiết tại Phụ lục kèm theo).",
    "Riêng nhóm nhiệm vụ công tác thông tin, tuyên truyền hoàn thành 7/10 nhiệm vụ (70%); nhóm xây dựng và nâng "
    "cao chất lượng đội ngũ cán bộ, công chức hoàn thành 4/6 nhiệm vụ (66,7%).",
    "Sở Nội vụ chủ trì kiểm tra công tác CCHC tại 20/20 cơ quan, đơn vị, địa phương theo kế hoạch (đạt 100%); qua "
    "kiểm tra đã kịp thời chấn chỉnh những tồn tại, hạn chế trong thực hiện nhiệm vụ CCHC.",
    "Tổng kinh phí bố trí cho công tác CCHC năm 2021 là 730.000.000 đồng (bằng chữ: Bảy trăm ba mươi triệu đồng), "
    "tương đương 730 triệu đồng.",
    "- HĐND và UBND Tỉnh ban hành 35 văn bản quy phạm pháp luật (14 nghị quyết và 21 quyết định), bảo đảm đúng "
    "trình tự, thủ tục.",
    "- Rà soát 1.254 văn bản quy phạm pháp luật, kiến nghị sửa đổi, bổ sung, thay thế hoặc bãi bỏ 45 văn bản.",
    "- Tổng số thủ tục hành chính (TTHC) đang áp dụng trên địa bàn tỉnh là 1.857 thủ tục (cấp tỉnh 1.522, cấp "
    "huyện 237, cấp xã 98); Chủ tịch UBND Tỉnh ban hành 41 quyết định công bố TTHC.",
    "- Trung tâm Phục vụ hành chính công tỉnh và Bộ phận Một cửa các cấp tiếp nhận 44.333 hồ sơ (trực tuyến "
    "12.617 hồ sơ, chiếm 28,5%); đã giải quyết 43.152 hồ sơ, trong đó trước hạn 34.908 hồ sơ (đạt 78,7% số hồ sơ "
    "tiếp nhận), đúng hạn 8.067 hồ sơ, trễ hạn 177 hồ sơ; tỷ lệ giải quyết đúng và trước hạn đạt 99,59%.",
    "- Tiếp nhận 25 phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính; đã xử lý 25 phản ánh, kiến "
    "nghị (đạt 100%).",
    "Toàn tỉnh có 1.092 đơn vị sự nghiệp công lập, trong đó 45 đơn vị tự bảo đảm chi thường xuyên và 310 đơn vị tự "
    "bảo đảm một phần chi thường xuyên (chiếm 32,5%).",
    "- Cung cấp 1.039 dịch vụ công trực tuyến mức độ 4 và 391 dịch vụ công mức độ 3, đạt 77% tổng số TTHC.",
    "- Tỷ lệ văn bản điện tử có ký số trao đổi giữa các cơ quan hành chính đạt 98,6%.",
    "Chỉ số CCHC năm 2020 của Tỉnh đạt 87,12%, xếp hạng 5/63 tỉnh, thành phố; Chỉ số hài lòng về sự phục vụ hành "
    "chính (SIPAS) đạt 89,47%.",
    "Một số nhiệm vụ chưa thực hiện được do ảnh hưởng của dịch COVID-19; tỷ lệ hồ sơ nộp trực tuyến còn thấp "
    "(28,5%); vẫn còn 177 hồ sơ giải quyết trễ hạn.",
]

# 13/35 → 37,1%; 5/35 → 14,3%; 9.384/52.418 = 17,902 % → 17,9%; 40.119 + 11.872 = 51.991;
# 51.991/(51.991 + 95) = 99,8176 % → 99,82%; 31.250/52.086 = 59,997 % → 60%.
QUARTERLY_TEXT = [
    "Trong quý, các cơ quan, đơn vị đã triển khai 13/35 nhiệm vụ của Kế hoạch (đạt 37,1%), trong đó hoàn thành 5 "
    "nhiệm vụ (14,3%), đang thực hiện 8 nhiệm vụ, chưa thực hiện 1 nhiệm vụ; 21 nhiệm vụ cơ quan chủ trì chưa báo "
    "cáo.",
    "- Nhóm nhiệm vụ cải cách TTHC: hoàn thành 3/10 nhiệm vụ, đã triển khai 70%; Chủ tịch UBND tỉnh công bố 127 "
    "TTHC.",
    "- Tiếp nhận 52.418 hồ sơ, trong đó trực tuyến 9.384 hồ sơ (17,9%); giải quyết đúng và trước hạn 51.991 hồ sơ, "
    "đạt 99,82%; trễ hạn 95 hồ sơ.",
    "- Số hóa 31.250/52.086 kết quả giải quyết TTHC (60%).",
    "Hoàn thành 1/10 nhiệm vụ, đang thực hiện 2 nhiệm vụ (chi tiết tại Phụ lục kèm theo).",
]


@pytest.mark.parametrize("name,lines", [(ANNUAL, ANNUAL_TEXT), (QUARTERLY, QUARTERLY_TEXT)])
def test_rendered_figures(rendered, name, lines):
    body = View.texts(View.open(rendered[name]).body())
    for line in lines:
        assert line in body


@pytest.mark.parametrize("name,line", [
    (ANNUAL, "(số liệu tính từ 01/12/2020 đến 15/11/2021)"),
    (QUARTERLY, "(số liệu tính từ 15/12/2021 đến 14/3/2022)"),
])
def test_period_line_under_the_title(rendered, name, line):
    title = View.open(rendered[name]).title()
    assert [clean(p.text) for p in title][-1] == line
    assert title[-1].style.style_id == "TrichYeuGhiChu"


def test_annual_results_appendix(rendered):
    view = View.open(rendered[ANNUAL])
    assert view.appendix_headings() == [["Phụ lục", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ",
                                         "(Kèm theo Báo cáo số 352/BC-UBND ngày 26/11/2021 của UBND tỉnh Đồng Tháp)"]]
    (table,) = view.appendix_tables()
    rows = view.table_rows(table)
    assert rows[0] == ("Số TT | Nội dung thực hiện | Cơ quan, đơn vị chủ trì | Thời gian thực hiện | Tình trạng | "
                       "Kết quả thực hiện")
    assert rows[1] == "1. | Công tác thông tin, tuyên truyền"
    assert rows[2] == ("a) | Tăng cường tuyên truyền CCHC trong nội bộ từng cơ quan, đơn vị, địa phương | Cơ quan hành "
                       "chính, đơn vị sự nghiệp | Thường xuyên trong năm | Hoàn thành | Các cơ quan, đơn vị lồng ghép "
                       "tuyên truyền trong các cuộc họp")
    assert "b) | Tổ chức Hội thi tìm hiểu về CCHC cấp huyện | UBND cấp huyện (các huyện có điều kiện) | Theo Kế hoạch " \
           "tổ chức tại các huyện có điều kiện | Hoàn thành | 5 huyện, thành phố tổ chức Hội thi" in rows
    assert any(r.startswith("b) | Đảm bảo cung cấp") and r.endswith(
        "| Hoàn thành | - 1.039 dịch vụ mức độ 4; / - 391 dịch vụ mức độ 3.") for r in rows)
    assert any(r.startswith("đ) | Ban hành Đề án xây dựng hệ thống thông tin CCHC") and "| Chưa báo cáo" in r
               for r in rows)
    states = [clean(tr.tc_lst[4].xpath("string(.)")) for tr in table._tbl.tr_lst[1:] if len(tr.tc_lst) == 6]
    assert len(states) == 37 and len(rows) == 1 + 8 + 37
    assert [states.count(s) for s in ("Hoàn thành", "Đang thực hiện", "Chưa thực hiện", "Chưa báo cáo")] == [28, 6, 2, 1]


def test_quarterly_results_appendix_keeps_the_plan_groups(rendered):
    view = View.open(rendered[QUARTERLY])
    assert view.appendix_headings()[0][1] == "TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ CCHC QUÝ I NĂM 2022"
    rows = view.table_rows(view.appendix_tables()[0])
    assert rows[1] == "III. Cải cách thủ tục hành chính"
    assert rows[2] == ("1. | Xây dựng Kế hoạch hoạt động kiểm soát TTHC năm 2022 trên địa bàn tỉnh. | Văn phòng UBND "
                       "tỉnh | Quý IV năm 2021 | Hoàn thành | Đã ban hành Kế hoạch")
    assert "8. | Số hóa kết quả giải quyết TTHC | Cơ quan, đơn vị | Trong năm 2022 | Đang thực hiện | Đã số hóa 60% " \
           "kết quả" in rows
    assert "IV. Tổ chức bộ máy" in rows


# --- a small plan and report, for the rules and the malformed inputs ---------------------------------
PLAN = textwrap.dedent("""\
    loai: ke_hoach
    co_quan: {ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP], viet_tat: UBND}
    dia_danh: Đồng Tháp
    so: 5
    ngay: 2021-01-05
    trich_yeu: Cải cách hành chính năm 2021
    luu: VT
    nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
    phu_luc:
      - tieu_de: NHIỆM VỤ
        cot: [{khoa: noi_dung, ten: Nội dung}, {khoa: chu_tri, ten: Chủ trì}]
        nhom:
          - ten: Tuyên truyền
            dong:
              - {ma: tt-a, noi_dung: A, chu_tri: Sở Nội vụ}
              - {noi_dung: B, chu_tri: UBND cấp huyện}
          - ten: Thể chế
            dong:
              - {noi_dung: C, chu_tri: Sở Tư pháp}
    """)

REPORT = textwrap.dedent("""\
    loai: bao_cao
    co_quan: {ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP], viet_tat: UBND}
    dia_danh: Đồng Tháp
    so: 9
    ngay: 2021-12-01
    trich_yeu: Kết quả CCHC năm 2021
    ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}
    ke_hoach: plan.yaml
    ket_qua:
      tt-a: hoan_thanh
      "1.2": {tinh_trang: dang_thuc_hien, ket_qua: Đang làm}
      "2.1": {tinh_trang: chua_thuc_hien}
    mo_dau: >-
      Thực hiện {{ ke_hoach.trich_dan }} ({{ ke_hoach.so_ky_hieu }}, {{ ngay(ke_hoach.ngay) }}), số liệu từ
      {{ ky_bao_cao.tu }} đến {{ ngay(ky_bao_cao.den, dai=true) }}: hoàn thành {{ nhiem_vu.hoan_thanh }}/{{
      nhiem_vu.tong }} ({{ nhiem_vu.ti_le.hoan_thanh }}), nhóm Thể chế {{ nhiem_vu.nhom['Thể chế'].tong }}.
    luu: VT
    nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
    """)


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "plan.yaml").write_text(PLAN, "utf-8")
    return tmp_path


def _load(folder, text: str):
    return ccch_docs.loads(text, name="bc.yaml", base_dir=folder)


def test_rows_without_ma_are_known_by_group_and_row(folder):
    plan = ccch_docs.load(folder / "plan.yaml")
    assert [t.ma for t in report.tasks(plan)] == ["tt-a", "1.2", "2.1"]


def test_report_names(folder):
    doc = _load(folder, REPORT)
    assert doc.mo_dau == ("Thực hiện Kế hoạch số 05/KH-UBND ngày 05 tháng 01 năm 2021 của UBND tỉnh Đồng Tháp "
                          "(05/KH-UBND, 05/01/2021), số liệu từ 16/12/2020 đến ngày 15 tháng 11 năm 2021: hoàn thành "
                          "1/3 (33,3%), nhóm Thể chế 1.",)
    assert doc.phu_luc == ()  # no results table unless asked


def test_the_plans_trich_yeu_reads_as_the_plan_prints_it(folder, tmp_path):
    """Typed with its tên loại at its head, the plan prints without it: so does `ke_hoach.trich_yeu`."""
    typed = PLAN.replace("trich_yeu: Cải cách", "trich_yeu: Kế hoạch cải cách")
    (folder / "plan.yaml").write_text(typed, "utf-8")
    plan = View.open(ccch_docs.render(ccch_docs.load(folder / "plan.yaml"), tmp_path / "kh.docx") and tmp_path / "kh.docx")
    assert View.texts(plan.title()) == ["KẾ HOẠCH", "Cải cách hành chính năm 2021"]
    mo_dau = "mo_dau: Kế hoạch đã ban hành là «{{ ke_hoach.trich_yeu }}».\n"
    report = ccch_docs.render(_load(folder, REPORT.partition("mo_dau:")[0] + mo_dau + "luu: VT\n"
                                    "nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}\n"), tmp_path / "bc.docx")
    assert report and "Kế hoạch đã ban hành là «Cải cách hành chính năm 2021»." in View.open(tmp_path / "bc.docx").body_lines()


def test_results_table_when_asked(folder, tmp_path):
    doc = _load(folder, REPORT + "phu_luc_ket_qua: true\n")
    (table,) = doc.phu_luc
    assert [c.khoa for c in table.columns] == ["noi_dung", "chu_tri", "tinh_trang", "ket_qua"]
    assert [[(r.get("noi_dung"), r["tinh_trang"], r.get("ket_qua")) for r in g.dong] for g in table.nhom] == [
        [("A", "Hoàn thành", None), ("B", "Đang thực hiện", ("Đang làm",))], [("C", "Chưa thực hiện", None)]]
    own = _load(folder, REPORT + "phu_luc_ket_qua: Kết quả\nphu_luc: [{tieu_de: Số liệu, cot: [{khoa: a, ten: A}], "
                                 "dong: [{a: 1}]}]\n")
    view = View.open(ccch_docs.render(own, tmp_path / "two.docx") and tmp_path / "two.docx")
    assert [h[:2] for h in view.appendix_headings()] == [["Phụ lục I", "SỐ LIỆU"], ["Phụ lục II", "KẾT QUẢ"]]


@pytest.mark.parametrize("old,new,line,key,words,hint", [
    ("tt-a: hoan_thanh", "tt-b: hoan_thanh", 10, "ket_qua.tt-b", "không có nhiệm vụ mã `tt-b`", "tt-a"),
    ("tt-a: hoan_thanh", '"1.1": hoan_thanh', 10, "ket_qua.1.1", "không có nhiệm vụ mã `1.1`", "có mã `tt-a`"),
    ("tt-a: hoan_thanh", "tt-a: hoan_thanh_", 10, "ket_qua.tt-a.tinh_trang", "tình trạng `hoan_thanh_`",
     "hoan_thanh"),
    ("tt-a: hoan_thanh", "tt-a: xong", 10, "ket_qua.tt-a.tinh_trang", "tình trạng `xong`", "dang_thuc_hien"),
    ("tt-a: hoan_thanh", "tt-a: {ket_qua: X}", 10, "ket_qua.tt-a.tinh_trang", "thiếu", None),
    ("tt-a: hoan_thanh", "tt-a: {tinh_trang: hoan_thanh, ket_qa: X}", 10, "ket_qua.tt-a.ket_qa", "khóa không có",
     "ket_qua"),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: 2021", 7, "ky_bao_cao", "khối",
     "{tu: 2020-12-01, den: 2021-11-15}"),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: {tu: 2020-12-16}", 7, "ky_bao_cao.den",
     "thiếu", None),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: {tu: 2020-12, den: 2021-11-15}", 7,
     "ky_bao_cao.tu", "ngày đầy đủ", None),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: {tu: 2021-12-16, den: 2021-11-15}", 7,
     "ky_bao_cao.den", "trước ngày đầu kỳ", None),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: {tu: 2021-02-30, den: 2021-11-15}", 7,
     "ky_bao_cao.tu", "không có trên lịch", "2021-12-05"),
    ("ky_bao_cao: {tu: 2020-12-16, den: 2021-11-15}", "ky_bao_cao: {tu_ngay: 2020-12-16, den: 2021-11-15}", 7,
     "ky_bao_cao.tu_ngay", "khóa không có", "tu, den"),
    ("ke_hoach: plan.yaml", "ke_hoach: khong-co.yaml", 8, "ke_hoach", "không tìm thấy kế hoạch", "thư mục"),
    ("ke_hoach: plan.yaml", "ke_hoach_: plan.yaml", 8, "ke_hoach_", "khóa không có", "ke_hoach"),
])
def test_malformed_report(folder, old, new, line, key, words, hint):
    assert old in REPORT
    with pytest.raises(ccch_docs.InputError) as info:
        _load(folder, REPORT.replace(old, new))
    found = [p for p in info.value.problems if words in p.message]
    assert found, str(info.value)
    p = found[0]
    assert (p.file, p.line, p.key) == ("bc.yaml", line, key), str(info.value)
    if hint:
        assert hint in (p.hint or ""), str(info.value)


def test_results_need_a_plan(folder):
    text = REPORT.replace("ke_hoach: plan.yaml\n", "").replace("{{ nhiem_vu.hoan_thanh }}", "1")
    with pytest.raises(ccch_docs.InputError) as info:
        _load(folder, text + "phu_luc_ket_qua: true\n")
    messages = {(p.key, p.message.split(":")[0]) for p in info.value.problems}
    assert ("ket_qua", "cần `ke_hoach`") in messages and ("phu_luc_ket_qua", "cần `ke_hoach`") in messages


def test_plan_errors_are_reported_in_the_plan_file(folder):
    (folder / "plan.yaml").write_text(PLAN.replace("luu: VT", "luu: VT\nloi: 1"), "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        _load(folder, REPORT)
    first, second = info.value.problems
    assert (first.file, first.key) == ("bc.yaml", "ke_hoach") and "có lỗi" in first.message
    assert (second.file, second.line, second.key) == (str(folder / "plan.yaml"), 8, "loi")


def test_a_written_ma_may_not_take_another_rows_default(folder):
    (folder / "plan.yaml").write_text(PLAN.replace("{noi_dung: C,", "{ma: '1.2', noi_dung: C,"), "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        _load(folder, REPORT)
    clash, gone = info.value.problems  # and row 2.1 is no longer known by that name
    assert (clash.file, clash.line, clash.key) == (str(folder / "plan.yaml"), 19, "phu_luc[0].nhom[1].dong[0].ma")
    assert "trùng với mã mặc định" in clash.message
    assert gone.key == "ket_qua.2.1" and "có mã `1.2`" in gone.hint


def test_cli_validate_reports_unknown_ma(folder, capsys):
    (folder / "bc.yaml").write_text(REPORT.replace("tt-a: hoan_thanh", "tt-x: hoan_thanh"), "utf-8")
    assert main(["validate", str(folder / "bc.yaml")]) == 2
    assert "ket_qua.tt-x: kế hoạch không có nhiệm vụ mã `tt-x` (gợi ý: có phải ý bạn là `tt-a`?)" in \
        capsys.readouterr().err


@pytest.mark.parametrize("base", [DECISION, LETTER, MINUTES], ids=["quyet_dinh", "cong_van", "bien_ban"])
def test_a_period_line_a_layout_does_not_print_is_refused_unless_hidden(base):
    # A quyết định, công văn or biên bản has no period line under its trích yếu: ky_bao_cao was silently dropped.
    period = {"tu": "2022-01-01", "den": "2022-03-31"}
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**base, "ky_bao_cao": period})
    (p,) = info.value.problems
    assert (p.key, p.code) == ("ky_bao_cao", "CCHC-E648") and "hien_thi: false" in p.hint
    doc = ccch_docs.from_dict({**base, "ky_bao_cao": {**period, "hien_thi": False},
                               "trich_yeu": "Kỳ từ {{ ky_bao_cao.tu }}"})  # still there for expressions
    assert doc.trich_yeu == ("Kỳ từ 01/01/2022",)
