"""Cascade: a unit's plan skeleton from its parent's tasks; valid, rendered, never overwriting, bilingual help."""

from __future__ import annotations

import unicodedata

import pytest

import ccch_docs
from ccch_docs import cascade
from ccch_docs.cli import main
from ccch_docs.report import Task
from conftest import ROOT
from docx_view import View

EXAMPLES = ROOT / "examples"
PARENT = EXAMPLES / "ke-hoach-cchc-2021-dong-thap.yaml"
PROFILE = EXAMPLES / "don-vi" / "ubnd-huyen-lai-vung.yaml"
COMMITTED = EXAMPLES / "ke-hoach-cchc-2021-huyen-lai-vung.yaml"
UNITS = ["cấp huyện", "huyện, thành phố"]
# Read off the parent's phụ lục by hand: the rows whose chủ trì or phối hợp holds one of UNITS.
CHOSEN = ["tt-hoi-thi-huyen", "tt-truyen-thanh-huyen", "tt-tham-quan-hoc-tap", "tt-hoi-thi-tinh",
          "tt-de-an-tuyen-truyen", "tc-ke-hoach-cchc", "tc-ra-soat-vbqppl", "tc-theo-doi-thi-hanh",
          "tthc-ra-soat-kien-nghi", "tthc-tap-huan", "bm-sap-xep", "bm-phan-cap", "bm-de-an-dvsncl",
          "bm-chuyen-giao-dvc", "cb-ke-hoach-dtbd", "cb-phan-mem-qlcb", "cb-chuyen-doi-vi-tri", "cb-tham-quan-thuc-te",
          "cb-tap-huan-lanh-dao", "cb-vi-tri-viec-lam", "tcc-tu-chu", "tcc-tien-luong", "hdh-phan-mem-mot-cua",
          "hdh-dvc-truc-tuyen", "hdh-khao-sat-hai-long", "hdh-de-an-httt-cchc", "cd-kiem-tra-cong-vu",
          "cd-chi-so-cchc", "cd-chuong-trinh-tong-the"]


def _run(*args: str) -> int:
    return main(["cascade", str(PARENT), *args])


def test_cascade_writes_a_valid_plan_that_renders(tmp_path, capsys):
    out = tmp_path / "ke-hoach-huyen.yaml"
    assert _run(*[a for u in UNITS for a in ("--don-vi", u)], "--ke-thua", str(PROFILE), "-o", str(out)) == 0
    assert f"đã ghi {out}" in capsys.readouterr().out
    doc = ccch_docs.load(out)
    (table,) = doc.phu_luc
    assert [row["ma"] for g in table.nhom for row in g.dong] == CHOSEN
    assert doc.mo_dau == ("Thực hiện Kế hoạch số 285/KH-UBND ngày 05 tháng 12 năm 2020 của UBND tỉnh Đồng Tháp, "
                          "UBND huyện Lai Vung xây dựng Kế hoạch cải cách hành chính năm 2021 như sau:",)
    assert doc.trich_yeu == ("Cải cách hành chính năm 2021", "của UBND huyện Lai Vung")
    assert doc.so is None and (doc.ngay.year, doc.ngay.month) == (2020, None)  # a draft for the clerk
    assert doc.noi_dung[1].muc[0].doan[0] == "- Tổ chức Hội thi tìm hiểu về CCHC cấp huyện."
    docx = tmp_path / "ke-hoach-huyen.docx"
    ccch_docs.render(doc, docx)
    view = View.open(docx)
    assert view.header()[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN LAI VUNG"]
    assert view.appendix_headings()[0][2] == "(Kèm theo Kế hoạch số /KH-UBND ngày / /2020 của UBND huyện Lai Vung)"
    assert len(view.appendix_tables()[0].rows) == 1 + len(table.nhom) + len(CHOSEN)


def test_the_parents_trich_yeu_is_cited_as_it_prints(tmp_path):
    """Typed with its tên loại at its head ("Kế hoạch cải cách …"), it is cited without it, as it prints."""
    parent = tmp_path / "ke-hoach-tinh.yaml"
    text = PARENT.read_text("utf-8").replace("ke_thua: don-vi/", f"ke_thua: {EXAMPLES}/don-vi/")
    parent.write_text(text.replace("CẢI CÁCH HÀNH CHÍNH TỈNH ĐỒNG THÁP NĂM 2021",
                                   "Kế hoạch cải cách hành chính tỉnh Đồng Tháp năm 2021"), "utf-8")
    out = tmp_path / "ke-hoach-huyen.yaml"
    assert main(["cascade", str(parent), "--don-vi", UNITS[0], "--ke-thua", str(PROFILE), "-o", str(out)]) == 0
    assert ccch_docs.load(out).mo_dau[0].startswith(
        "Thực hiện Kế hoạch số 285/KH-UBND ngày 05 tháng 12 năm 2020 của UBND tỉnh Đồng Tháp về cải cách hành chính "
        "tỉnh Đồng Tháp năm 2021, ")


def test_the_committed_example_is_what_cascade_writes():
    plan = ccch_docs.load(PARENT)
    assert cascade.plan_text(plan, UNITS, COMMITTED, PROFILE) == COMMITTED.read_text("utf-8")


def test_without_a_profile_placeholders_keep_it_valid(tmp_path):
    out = tmp_path / "x.yaml"
    assert _run("--don-vi", "UBND cấp huyện", "-o", str(out)) == 0
    doc = ccch_docs.load(out)
    assert doc.co_quan.ten == ("TÊN CƠ QUAN",) and doc.nguoi_ky.ho_ten == "Họ và tên"
    assert doc.trich_yeu[1] == "của UBND cấp huyện"
    ccch_docs.render(doc, tmp_path / "x.docx")


def test_never_overwrites_without_force(tmp_path, capsys):
    out = tmp_path / "x.yaml"
    out.write_text("giữ nguyên", "utf-8")
    assert _run("--don-vi", "cấp huyện", "-o", str(out)) == 2
    assert "tệp đã có" in capsys.readouterr().err and out.read_text("utf-8") == "giữ nguyên"
    assert _run("--don-vi", "cấp huyện", "-o", str(out), "--force") == 0
    assert ccch_docs.load(out).loai == "ke_hoach"


def test_no_task_names_the_unit(tmp_path, capsys):
    out = tmp_path / "x.yaml"
    assert _run("--don-vi", "UBND phường 1", "-o", str(out)) == 2
    assert "không có nhiệm vụ nào" in capsys.readouterr().err and not out.exists()


def test_matching_is_case_insensitive_on_nfc_text():
    task = Task("a", "1.1", 1, "x", {"chu_tri": "Sở Nội vụ", "phoi_hop": ["- Các sở, ban, ngành tỉnh;", "- UBND cấp huyện"]},
                ())
    decomposed = unicodedata.normalize("NFD", "ubnd CẤP   HUYỆN")
    assert cascade.names_unit(task, [decomposed])
    assert not cascade.names_unit(task, ["UBND cấp xã"])


@pytest.mark.parametrize("lang,words", [("vi", "kế hoạch cấp trên"), ("en", "parent plan")])
def test_help_in_both_languages(lang, words, capsys):
    with pytest.raises(SystemExit) as info:
        main(["--lang", lang, "cascade", "--help"])
    assert info.value.code == 0
    assert words in capsys.readouterr().out


# An empty unit name (`--don-vi "$UNIT"` of a variable left unset) is in every cell: the skeleton took every task of
# the parent. A name given alone to the API was taken letter by letter, a list of none failed with an IndexError.
@pytest.mark.parametrize("units", [[""], [" "], ["cấp huyện", ""], []], ids=["empty", "blank", "one of two", "none"])
def test_an_empty_unit_name_is_refused(units, tmp_path, capsys):
    out = tmp_path / "k.yaml"
    if units:
        assert _run(*[a for u in units for a in ("--don-vi", u)], "-o", str(out)) == 2
        assert "--don-vi trống: cần tên đơn vị như ghi ở cột chủ trì hoặc phối hợp" in capsys.readouterr().err
    with pytest.raises(ccch_docs.InputError, match="--don-vi trống"):
        ccch_docs.api.cascade(PARENT, units, out)
    assert not out.exists()


def test_a_unit_name_given_alone_is_one_name(tmp_path):
    text = ccch_docs.api.cascade(PARENT, "cấp huyện", tmp_path / "k.yaml")
    assert text == ccch_docs.api.cascade(PARENT, ["cấp huyện"], tmp_path / "k.yaml", force=True)
