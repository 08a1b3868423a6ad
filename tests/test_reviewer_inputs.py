"""Documents written by hand as officials write them (tests/inputs), rendered and read back."""

from __future__ import annotations

import pytest
from docx.oxml.ns import qn

import ccch_docs
from docx_view import View, clean
from samples import PLAN


def test_a_deputy_signing_by_order_prints_tl_above_kt(render_input):
    view = render_input("cong-van-don-doc-thua-lenh")
    assert [clean(p.text) for p in view.nguoi_ky()] == [
        "TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG", "Huỳnh Thanh Sơn"]


def test_a_report_table_totals_each_column_it_names(render_input):
    view = render_input("bao-cao-6-thang-so-tu-phap")
    table = next(t for t in view.doc.tables if "Lý lịch tư pháp" in " ".join(View.table_rows(t)))
    assert View.table_rows(table)[-1] == "Tổng cộng | 7.344 | 7.332 | 12 |"


@pytest.mark.parametrize("blocks", [1, 2])
def test_tables_ending_the_body_stay_apart_from_each_other_and_the_signers_table(render_dict, blocks):
    bang = {"bang": {"cot": [{"khoa": "don_vi", "ten": "Đơn vị được kiểm tra"}], "dong": [{"don_vi": "UBND xã A"}]}}
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "Lịch kiểm tra", "doan": [bang] * blocks}]})
    tables = [t for t in view.doc.tables if "UBND xã A" in " ".join(View.table_rows(t))]
    assert len(tables) == blocks
    for table in tables:  # each followed by an empty paragraph: word processors join adjacent tables
        after = table._element.getnext()
        assert after.tag == qn("w:p") and not clean("".join(after.itertext()))
    assert tables[-1]._element.getnext().getnext() is view.footer_table()._element


def test_parts_written_as_strings_are_numbered_paragraphs(render_input):
    lines = render_input("ke-hoach-kiem-tra-cchc-huyen").body_lines()
    assert "1. Công tác chỉ đạo, điều hành cải cách hành chính;" in lines
    assert "2. Các cơ quan, đơn vị chuẩn bị báo cáo, hồ sơ tài liệu theo lịch sau:" in lines


@pytest.mark.parametrize("signer, key, code, hint", [
    ({"kt": "Chủ tịch", "ho_ten": "Lê Văn A"}, "nguoi_ky.chuc_vu", "CCHC-E630", "chuc_vu: PHÓ CHỦ TỊCH"),
    ({"tm": "Ủy ban nhân dân", "tl": "Chủ tịch", "ho_ten": "Lê Văn A"}, "nguoi_ky.chuc_vu", "CCHC-E630", "chuc_vu"),
    ({"chuc_vu": "Chủ tịch", "ho_ten": "TS. Lê Văn A"}, "nguoi_ky.ho_ten", "CCHC-E631", "ho_ten: Lê Văn A"),
    ({"chuc_vu": "Chủ tịch", "ho_ten": "Bà Trần Thị B"}, "nguoi_ky.ho_ten", "CCHC-E631", "ho_ten: Trần Thị B"),
])
def test_a_signer_block_the_decree_forbids_is_refused(signer, key, code, hint):
    """Rendered before, these printed `KT. CHỦ TỊCH` with no title of the deputy's own under it, or a name that
    our own check then reported (ho_ten.title)."""
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "nguoi_ky": signer})
    [problem] = exc.value.problems
    assert (problem.key, problem.code) == (key, code) and hint in problem.hint, str(problem)


@pytest.mark.parametrize("signer, lines", [
    ({"tm": "Ủy ban nhân dân", "q": "Chủ tịch", "ho_ten": "Lê Văn A"}, ["TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH"]),
    ({"chuc_vu": "Chủ tịch", "ho_ten": "Ông Ích Khiêm"}, ["CHỦ TỊCH"]),  # Ông is a family name too
])
def test_an_acting_head_or_a_family_name_like_a_title_still_signs(render_dict, signer, lines):
    view = render_dict({**PLAN, "nguoi_ky": signer})
    assert [clean(p.text) for p in view.nguoi_ky()] == [*lines, signer["ho_ten"]]


def test_a_misspelt_choice_is_hinted_in_one_language():
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "do_khan": "Khẩn"})
    assert exc.value.problems[0].hint == "chọn một trong: khan, thuong_khan, hoa_toc"


def test_a_table_put_beside_doan_is_hinted_into_it():
    part = {"tieu_de": "Lịch kiểm tra", "bang": {"cot": [{"khoa": "a", "ten": "A"}], "dong": [{"a": "x"}]}}
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "noi_dung": [part]})
    [problem] = exc.value.problems
    assert problem.key == "noi_dung[0].bang" and "doan: [" in problem.hint and "{bang:" in problem.hint


@pytest.mark.parametrize("ket_thuc, kept", [(None, [False, False, True]), ("Thực hiện nghiêm túc./.", [False] * 3)])
def test_the_last_row_of_a_table_ending_the_body_keeps_with_the_signers_table(render_dict, ket_thuc, kept):
    bang = {"bang": {"cot": [{"khoa": "don_vi", "ten": "Đơn vị"}], "dong": [{"don_vi": f"UBND xã {c}"} for c in "ABC"]}}
    data = {**PLAN, "noi_dung": [{"tieu_de": "Lịch kiểm tra", "doan": [bang]}]}
    view = render_dict({**data, "ket_thuc": ket_thuc} if ket_thuc else data)
    table = next(t for t in view.doc.tables if "UBND xã A" in " ".join(View.table_rows(t)))
    assert [all(p._p.xpath("./w:pPr/w:keepNext") for c in row.cells for p in c.paragraphs)
            for row in table.rows[1:]] == kept
