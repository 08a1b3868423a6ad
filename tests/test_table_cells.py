"""Table cells as typed or as numbers, default row labels, and one problem for a value of none of a key's forms."""

from __future__ import annotations

import pytest
import yaml

import ccch_docs
from ccch_docs.model import VanBan
from docx_view import View

HEAD = """\
loai: ke_hoach
co_quan: {ten: [ỦY BAN NHÂN DÂN, XÃ TÂN HÒA], viet_tat: UBND}
dia_danh: Tân Hòa
ngay: 15/01/2025
trich_yeu: Cải cách hành chính năm 2025
noi_dung: [{tieu_de: Mục đích, doan: Nâng cao chất lượng phục vụ.}]
luu: VT
nguoi_ky: {tm: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn B}
"""


def _rows(tmp_path, yaml_text: str, table: int = 0) -> list[str]:
    out = tmp_path / "kh.docx"
    ccch_docs.render(ccch_docs.loads(HEAD + yaml_text, name="kh.yaml"), out)
    return View.table_rows(View.open(out).appendix_tables()[table])


def _problems(yaml_text: str) -> list[ccch_docs.Problem]:
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(HEAD + yaml_text, name="kh.yaml")
    return info.value.problems


def test_a_cell_prints_as_typed_unless_its_column_holds_numbers(tmp_path):
    rows = _rows(tmp_path, """\
phu_luc:
  - tieu_de: Nhiệm vụ
    cot: ke_hoach_8_cot
    dong:
      - {noi_dung: Việc một, chu_tri: Văn phòng, thoi_gian: 2021, kinh_phi: 50000000, ghi_chu: 0912345678}
      - {noi_dung: Việc hai, thoi_gian: 2021-2025, kinh_phi: 3.000.000 đồng, san_pham: 1000, ghi_chu: 1.5}
      - {noi_dung: Việc ba, thoi_gian: 2.500, kinh_phi: 40 triệu, ghi_chu: 1.10}
""")
    assert rows[1:] == ["1 | Việc một | | Văn phòng | | 2021 | 50.000.000 | 0912345678",
                        "2 | Việc hai | 1000 | | | 2021-2025 | 3.000.000 đồng | 1.5",
                        "3 | Việc ba | | | | 2.500 | 40 triệu | 1.10"]


def test_declared_number_columns_and_totals(tmp_path):
    rows = _rows(tmp_path, """\
so_lieu: {dat: 1500}
phu_luc:
  - tieu_de: Hồ sơ
    cot:
      - {khoa: linh_vuc, ten: Lĩnh vực}
      - {khoa: nam, ten: Năm}
      - {khoa: tiep_nhan, ten: Tiếp nhận}
      - {khoa: dung_han, ten: Đúng hạn, kieu: so}
      - {khoa: kinh_phi, ten: Kinh phí, kieu: chu}
    tong_cong: tiep_nhan
    dong:
      - {linh_vuc: Đất đai, nam: 2024, tiep_nhan: 12000, dung_han: 11500, kinh_phi: 2000000}
      - {linh_vuc: Xây dựng, nam: 2025, tiep_nhan: "{{ so_lieu.dat | so }}", dung_han: "1,5"}
      - {linh_vuc: Tư pháp, nam: 2025, tiep_nhan: 3.000.000}
""")
    assert rows[1:] == ["1 | Đất đai | 2024 | 12.000 | 11.500 | 2000000",
                        "2 | Xây dựng | 2025 | 1.500 | 1,5 |",
                        "3 | Tư pháp | 2025 | 3.000.000 | |",
                        # an expression's `1.500` is `so`'s notation: counted as one thousand five hundred
                        "Tổng cộng | 3.013.500 | |"]


@pytest.mark.parametrize("cell,words", [
    ("dung_han: 1.500", "viết 1500 nếu là một nghìn năm trăm"),  # a number column, unquoted
    ("dung_han: 1" + "0" * 25, "quá lớn"),
    ("tiep_nhan: \"3,000,000\"", "viết 3.000.000"),  # the totalled column reads text too
    ("tiep_nhan: 3 triệu", "viết 3.000.000"),
])
def test_unclear_numbers_in_number_columns_are_refused(cell, words):
    (p,) = _problems(f"""\
phu_luc:
  - tieu_de: Hồ sơ
    cot: [{{khoa: x, ten: X}}, {{khoa: tiep_nhan, ten: Tiếp nhận}}, {{khoa: dung_han, ten: Đúng hạn, kieu: so}}]
    tong_cong: tiep_nhan
    dong:
      - {{x: a, {cell}}}
""")
    assert (p.line, p.key) == (14, f"phu_luc[0].dong[0].{cell.split(':')[0]}")
    assert words in str(p), str(p)


def test_a_totalled_column_cannot_be_text():
    (p,) = _problems("""\
phu_luc:
  - tieu_de: Hồ sơ
    cot: [{khoa: x, ten: X}, {khoa: so_luong, ten: Số lượng, kieu: chu}]
    tong_cong: so_luong
    dong: [{x: a, so_luong: 5}]
""")
    assert (p.key, p.code) == ("phu_luc[0].tong_cong", "CCHC-E069") and "kieu: chu" in p.hint


def test_rows_without_groups_are_numbered_1_2_and_a_b_inside_groups(tmp_path):
    rows = [{"noi_dung": f"Việc {n}"} for n in (1, 2, 3)]
    table = {"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_6_cot"}
    data = yaml.safe_load(HEAD)

    def labels(**given) -> list[str]:
        out = tmp_path / "n.docx"
        ccch_docs.render(ccch_docs.from_dict({**data, "phu_luc": [{**table, **given}]}), out)
        return [r.split(" | ")[0] for r in View.table_rows(View.open(out).appendix_tables()[0])[1:]]

    assert labels(dong=rows) == ["1", "2", "3"]
    assert labels(nhom=[{"ten": "Nhóm", "dong": rows}]) == ["1.", "a)", "b)", "c)"]
    assert labels(dong=rows, danh_so={"dong": "a)"}) == ["a)", "b)", "c)"]  # as chosen
    assert labels(dong=rows, danh_so={"dong": None}) == ["| Việc 1", "| Việc 2", "| Việc 3"]  # written null: none


@pytest.mark.parametrize("written,key,words", [
    ("tong_cong: 5", "phu_luc[0].tong_cong", "tong_cong: true"),
    ("tong_cong: [kinh_phi, 5]", "phu_luc[0].tong_cong", "tong_cong: [tiep_nhan, dung_han]"),
    ("cot: [noi_dung, chu_tri]", "phu_luc[0].cot",
     "`cot: [{khoa: noi_dung, ten: Nội dung thực hiện}, {khoa: chu_tri, ten: Cơ quan, đơn vị chủ trì}]`"),
    ("cot: {khoa: x, ten: X}", "phu_luc[0].cot", "cot: ke_hoach_8_cot"),
])
def test_a_value_of_none_of_a_keys_forms_is_one_problem_naming_them(written, key, words):
    table = {"cot": "cot: ke_hoach_8_cot", "tong_cong": "tong_cong: true"}
    table[written.split(":")[0]] = written
    problems = _problems(f"phu_luc:\n  - tieu_de: Nhiệm vụ\n    {table['cot']}\n    {table['tong_cong']}\n"
                         "    dong: [{noi_dung: Việc}]\n")
    assert [(p.key, p.code) for p in problems] == [(key, "CCHC-E088")]
    assert problems[0].message.startswith("chỉ nhận ") and words in problems[0].hint, str(problems[0])
    with ccch_docs.messages.speaking("en"):
        assert str(problems[0]).split(": ", 2)[2].startswith("accepts only ")


@pytest.mark.parametrize("table,key", [
    ("phu_luc: [{tieu_de: Nhiệm vụ, cot: []}]\n", "phu_luc[0].cot"),
    ("phu_luc: [{tieu_de: Nhiệm vụ, cot: [], dong: [{noi_dung: Việc}]}]\n", "phu_luc[0].cot"),
    ("phu_luc: [{tieu_de: Nhiệm vụ, noi_dung: [{doan: [{bang: {cot: []}}]}]}]\n",
     "phu_luc[0].noi_dung[0].doan[0].bang.cot"),
])
def test_a_table_of_no_columns_is_one_problem_at_its_cot(table, key):
    # It was an IndexError in the render (no width to divide), or a problem on every cell of every row.
    problems = _problems(table)
    assert [(p.key, p.code) for p in problems] == [(key, "CCHC-E088")]
    assert "cot: ke_hoach_8_cot" in problems[0].hint


def test_true_false_or_text_is_one_problem(tmp_path):
    problems = _problems("phu_luc_ket_qua: [a]\nmuc: []\n".replace("muc: []\n", ""))
    assert [(p.key, p.message) for p in problems] == [("phu_luc_ket_qua", "chỉ nhận true, false hoặc một dòng chữ")]


def test_no_union_is_left_to_pydantic():
    """Every union of the model picks its member by the value's shape (model.one_of): pydantic's own unions
    report one problem per member, under its names (`tong_cong.bool`, `tong_cong.constrained-str`)."""
    def unions(schema, path=()) -> list[tuple]:
        if isinstance(schema, dict):
            found = [path] if schema.get("type") == "union" else []
            return found + [u for k, v in schema.items() if k != "json_schema_input_schema"
                            for u in unions(v, (*path, k))]
        if isinstance(schema, list):
            return [u for i, v in enumerate(schema) for u in unions(v, (*path, i))]
        return []
    assert unions(VanBan.__pydantic_core_schema__) == []
