"""A xã's Kế hoạch, Báo cáo and Công văn written the way clerks write them, through the command line; every
"đã ghi" checked against the file, every total and cell read back from the output, every refusal read."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
import pytest
import yaml

import ccch_docs
from ccch_docs.cli import main
from docx_view import View

PROFILE = """\
co_quan: {ten: [ỦY BAN NHÂN DÂN, XÃ TÂN HÒA], viet_tat: UBND}
dia_danh: Tân Hòa
nguoi_ky: {tm: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn B}
luu: VT
"""

PLAN = """\
ke_thua: don-vi/ubnd-xa.yaml
loai: ke_hoach
so: 12
ngay: 15/01/2025
trich_yeu: Cải cách hành chính năm 2025
mo_dau: Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2025, cụ thể như sau:
noi_dung:
  - tieu_de: Mục đích, yêu cầu
    doan: [- Bám sát chỉ đạo của cấp trên;, - Phân công rõ trách nhiệm.]
noi_nhan: [UBND huyện (để b/c), Các ban, ngành, đoàn thể xã]
phu_luc:
  - tieu_de: Nhiệm vụ năm 2025
    cot: ke_hoach_8_cot
    tong_cong: true
    nhom:
      - ten: Cải cách thể chế
        dong:
          - {ma: tc-1, noi_dung: Rà soát văn bản, chu_tri: Tư pháp, thoi_gian: 2025, kinh_phi: 3.000.000}
          - {ma: tc-2, noi_dung: Tuyên truyền, thoi_gian: 2025-2026, kinh_phi: 2.500.000 đồng, ghi_chu: 0277123456}
          - {ma: tc-3, noi_dung: Số hóa hồ sơ, kinh_phi: Theo Đề án}
  - tieu_de: Văn bản cần rà soát
    cot: [{khoa: van_ban, ten: Văn bản, rong: 4}, {khoa: nam, ten: Năm}]
    dong: [{van_ban: Nghị quyết về phí chợ, nam: 2019}, {van_ban: Quy chế làm việc, nam: 2021}]
"""

# Each trap, then its fix as the hint says.
FIXES = [
    ("mo_dau: Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2025, cụ thể như sau:\n",
     'mo_dau: "Ủy ban nhân dân xã ban hành Kế hoạch cải cách hành chính năm 2025, cụ thể như sau:"\n',
     "đặt giá trị trong dấu ngoặc kép: mo_dau: \"Ủy ban nhân dân xã"),
    ("doan: [- Bám sát chỉ đạo của cấp trên;, - Phân công rõ trách nhiệm.]",
     'doan: ["- Bám sát chỉ đạo của cấp trên;", "- Phân công rõ trách nhiệm."]',
     'viết doan: ["- Bám sát chỉ đạo của cấp trên;", "- Phân công rõ trách nhiệm."]'),
    ("noi_nhan: [UBND huyện (để b/c), Các ban, ngành, đoàn thể xã]",
     'noi_nhan: [UBND huyện (để b/c), "Các ban, ngành, đoàn thể xã"]',
     'đặt cả mục trong dấu ngoặc kép: "Các ban, ngành, đoàn thể xã"'),
]

REPORT = """\
loai: bao_cao
co_quan: {ten: [ỦY BAN NHÂN DÂN, XÃ TÂN HÒA], viet_tat: UBND}
dia_danh: Tân Hòa
so: 5
ngay: 15-06-2025
trich_yeu: Kết quả cải cách hành chính 6 tháng đầu năm 2025
ky_bao_cao: {tu: 16/12/2024, den: 15/6/2025}
ke_hoach: ke-hoach.yaml
so_lieu: {ho_so: {tiep_nhan: 1234, dung_han: 1200}, kinh_phi: 5.500.000, hai_long: "98,5"}
mo_dau: "Thực hiện {{ ke_hoach.trich_dan }}, UBND xã báo cáo như sau:"
noi_dung:
  - tieu_de: Kết quả
    doan:
      - Tiếp nhận {{ so_lieu.ho_so.tiep_nhan }} hồ sơ, đúng hạn {{ ti_le(so_lieu.ho_so.dung_han, so_lieu.ho_so.tiep_nhan) }}.
      - Kinh phí {{ tien(so_lieu.kinh_phi) }}; hài lòng {{ phan_tram(so_lieu.hai_long) }}; {{ nhiem_vu.da_trien_khai }}/{{ nhiem_vu.tong }} nhiệm vụ.
      - bang:
          cot: [{khoa: linh_vuc, ten: Lĩnh vực}, {khoa: tiep_nhan, ten: Tiếp nhận}, {khoa: nam, ten: Năm}]
          tong_cong: tiep_nhan
          dong:
            - {linh_vuc: Hộ tịch, tiep_nhan: 1000, nam: 2025}
            - {linh_vuc: Chứng thực, tiep_nhan: "{{ so_lieu.ho_so.dung_han | so }}", nam: 2025}
ket_qua: {tc-1: hoan_thanh, tc-2: {tinh_trang: dang_thuc_hien, ket_qua: Đã tổ chức 2 buổi}}
phu_luc_ket_qua: true
noi_nhan: [UBND huyện (để b/c)]
luu: VT
nguoi_ky: {tm: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn B}
"""

LETTER = """\
ke_thua: don-vi/ubnd-xa.yaml
loai: cong_van
so: 7
don_vi_soan: VP
ngay: 5/2/2025
trich_yeu: đôn đốc báo cáo kết quả cải cách hành chính quý I
kinh_gui: ["Các ban, ngành, đoàn thể xã", Các ấp]
mo_dau: "Chủ tịch UBND xã đề nghị:"
noi_dung: [{doan: Báo cáo trước ngày 20/3/2025.}, {doan: Gửi về Văn phòng UBND xã./.}]
"""


def _written(output: str) -> list[Path]:
    return [Path(m) for m in re.findall(r"đã ghi (.+)", output)]


def _cli(argv: list[str], capsys) -> tuple[int, str]:
    code = main(argv)
    out = capsys.readouterr()
    return code, out.out + out.err


def test_a_xa_writes_its_documents_as_clerks_do(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_LANG", raising=False)
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd-xa.yaml").write_text(PROFILE, "utf-8")
    plan = PLAN
    for trap, fix, hint in FIXES:  # each refusal names the line and rewrites it; nothing is written
        (tmp_path / "ke-hoach.yaml").write_text(plan, "utf-8")
        code, out = _cli(["render", "ke-hoach.yaml"], capsys)
        line = plan[:plan.index(trap)].count("\n") + 1
        assert code == 2 and out.startswith(f"ke-hoach.yaml:{line}:") and hint in out, out
        assert not (tmp_path / "ke-hoach.docx").exists()
        plan = plan.replace(trap, fix)
    (tmp_path / "ke-hoach.yaml").write_text(plan, "utf-8")
    (tmp_path / "bao-cao.yaml").write_text(REPORT, "utf-8")
    (tmp_path / "cong-van.yaml").write_text(LETTER, "utf-8")
    code, out = _cli(["render", ".", "-o", "ra/"], capsys)
    assert code == 0, out
    written = _written(out)
    assert sorted(p.name for p in written) == ["bao-cao.docx", "cong-van.docx", "ke-hoach.docx"]
    assert all(p.is_file() and p.read_bytes()[:2] == b"PK" for p in written)

    view = View.open(tmp_path / "ra" / "ke-hoach.docx")
    tasks, documents = (View.table_rows(t) for t in view.appendix_tables())
    assert tasks[2:] == ["a) | Rà soát văn bản | | Tư pháp | | 2025 | 3.000.000 |",
                         "b) | Tuyên truyền | | | | 2025-2026 | 2.500.000 đồng | 0277123456",
                         "c) | Số hóa hồ sơ | | | | | Theo Đề án |",
                         "Tổng cộng | 5.500.000 / (chưa tính 1 dòng ghi bằng chữ) |"]
    assert documents[1:] == ["1 | Nghị quyết về phí chợ | 2019", "2 | Quy chế làm việc | 2021"]
    assert view.header()[-1].endswith("Tân Hòa, ngày 15 tháng 01 năm 2025")  # ngay: 15/01/2025
    assert "(Kèm theo Kế hoạch số 12/KH-UBND ngày 15/01/2025 của UBND xã Tân Hòa)" in view.appendix_headings()[0]
    assert [p.text for p in view.noi_nhan()][1:] == ["- UBND huyện (để b/c);", "- Các ban, ngành, đoàn thể xã;",
                                                      "- Lưu: VT."]

    report = View.open(tmp_path / "ra" / "bao-cao.docx")
    text = "\n".join(p.text for p in report.doc.paragraphs)
    assert "(số liệu tính từ 16/12/2024 đến 15/6/2025)" in text
    assert "Tân Hòa, ngày 15 tháng 6 năm 2025" in report.header()  # ngay: 15-06-2025
    assert "Tiếp nhận 1.234 hồ sơ, đúng hạn 97,2%." in text
    assert "Kinh phí 5.500.000 đồng; hài lòng 98,5%; 2/3 nhiệm vụ." in text  # the list of documents holds no task
    body, results = (View.table_rows(t) for t in report.doc.tables if "Lĩnh vực" in t.rows[0].cells[1].text
                     or "Tình trạng" in "".join(c.text for c in t.rows[0].cells))
    assert body[1:] == ["1 | Hộ tịch | 1.000 | 2025", "2 | Chứng thực | 1.200 | 2025", "Tổng cộng | 2.200 |"]
    assert [r.split(" | ")[0] for r in results[1:]] == ["1.", "a)", "b)", "c)"]

    letter = docx.Document(tmp_path / "ra" / "cong-van.docx")
    lines = View.open(tmp_path / "ra" / "cong-van.docx").body_lines()  # Kính gửi's block, then the body
    assert lines[:3] == ["Kính gửi:", "- Các ban, ngành, đoàn thể xã;", "- Các ấp."]
    assert lines[4:6] == ["1. Báo cáo trước ngày 20/3/2025.", "2. Gửi về Văn phòng UBND xã./."]
    assert "Tân Hòa, ngày 05 tháng 02 năm 2025" in letter.tables[0].rows[1].cells[1].text


def test_lang_after_the_command(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_LANG", raising=False)
    (tmp_path / "cong-van.yaml").write_text(LETTER.replace('["Các ban, ngành, đoàn thể xã", Các ấp]',
                                                           "[Các ban, ngành, Các ấp]"), "utf-8")
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd-xa.yaml").write_text(PROFILE, "utf-8")
    for argv in (["render", "cong-van.yaml", "--lang", "en"], ["validate", "--lang", "en", "cong-van.yaml"]):
        code, out = _cli(argv, capsys)
        assert code == 2 and "kinh_gui[1]: `ngành` opens in lower case: a comma in `[ … ]` cut it from `Các ban`" \
            " (hint: if it is one item, put the whole item in double quotes: \"Các ban, ngành\") [CCHC-E089]" in out, out


@pytest.mark.libreoffice
def test_a_pdf_named_output_is_a_pdf_with_the_right_total(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd-xa.yaml").write_text(PROFILE, "utf-8")
    plan = PLAN
    for trap, fix, _ in FIXES:
        plan = plan.replace(trap, fix)
    (tmp_path / "ke-hoach.yaml").write_text(plan, "utf-8")
    code, out = _cli(["render", "ke-hoach.yaml", "-o", "kh.pdf"], capsys)
    assert code == 0 and _written(out) == [Path("kh.pdf")], out
    assert (tmp_path / "kh.pdf").read_bytes()[:5] == b"%PDF-" and not (tmp_path / "kh.docx").exists()
    text = subprocess.run(["pdftotext", "-layout", "kh.pdf", "-"], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Tổng cộng\s+5\.500\.000", text) and "2.025" not in text


def test_data_handed_over_is_placed_by_its_key_path():
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**yaml.safe_load(PROFILE), "loai": "ke_hoach", "trich_yeu": "X", "ngay": "15/01/2025",
                             "co_quan": {"ten": "UBND", "vt": "UBND"}})
    (p,) = info.value.problems
    assert (p.file, p.line, p.key) == ("<dict>", None, "co_quan.vt")
    assert str(p).startswith("<dict>: co_quan.vt: khóa không có trong định dạng (gợi ý: các khóa được dùng ở đây:")


def test_a_task_code_typed_as_a_number_is_its_text(tmp_path):
    plan = PLAN.replace("ma: tc-1", "ma: 12").replace("ma: tc-2", "ma: 1.10")
    for trap, fix, _ in FIXES:
        plan = plan.replace(trap, fix)
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd-xa.yaml").write_text(PROFILE, "utf-8")
    (tmp_path / "ke-hoach.yaml").write_text(plan, "utf-8")
    report = REPORT.replace("ket_qua: {tc-1: hoan_thanh, tc-2:", 'ket_qua: {12: hoan_thanh, "1.10":')
    out = tmp_path / "bc.docx"
    ccch_docs.render(ccch_docs.loads(report, name="bc.yaml", base_dir=tmp_path), out)
    text = "\n".join(p.text for p in View.open(out).doc.paragraphs)
    assert "hài lòng 98,5%; 2/3 nhiệm vụ." in text
