"""`{{ … }}` in text: the functions in Vietnamese notation, the sandbox against hostile expressions, located errors."""

from __future__ import annotations

import textwrap
import time

import pytest

import ccch_docs
from ccch_docs import compute, source
from ccch_docs.cli import main
from ccch_docs.expressions import MAX_TEXT, Absent, ExpressionError, evaluate
from ccch_docs.validation import validate
from conftest import ROOT

NAMES = {"so_lieu": {"ho_so": {"tiep_nhan": 44333, "truoc_han": 34908, "dung_han": 8067, "qua_han": 177},
                     "kinh_phi": 50000000, "quy": [10, 20, 30], "diem": 87.125},
         "nhiem_vu": Absent("thêm ke_hoach")}


def ev(text: str) -> str:
    return evaluate(text, NAMES)


@pytest.mark.parametrize("text,want", [
    ("{{ so_lieu.ho_so.tiep_nhan | so }}", "44.333"),
    ("{{ so(so_lieu.ho_so.tiep_nhan) }}", "44.333"),
    ("{{ so_lieu.ho_so.tiep_nhan }}", "44.333"),  # a bare number is written like `so`
    ("{{ so_lieu.diem | so(2) }}", "87,13"),  # half up, decimal comma
    ("{{ so(1234567.5) }}", "1.234.567,5"),
    ("{{ ti_le(so_lieu.ho_so.truoc_han, so_lieu.ho_so.tiep_nhan) }}", "78,7%"),
    ("{{ so_lieu.ho_so.truoc_han | ti_le(so_lieu.ho_so.tiep_nhan) }}", "78,7%"),
    ("{{ ti_le(42975, 43152, 2) }}", "99,59%"),
    ("{{ ti_le(44154, 44333, 2) }}", "99,6%"),
    ("{{ ti_le(44154, 44333, 2, co_dinh=true) }}", "99,60%"),
    ("{{ ti_le(5, 5) }}", "100%"),
    ("{{ ti_le(3, 0) }}", "0%"),  # a whole of 0: written 0%, never a division error
    ("{{ ti_le(3, 0, 2, co_dinh=true) }}", "0,00%"),
    ("{{ ti_le(0, 7) }}", "0%"),
    ("{{ ti_le(1, 8, 0) }}", "13%"),  # 12,5 rounds up, as printed reports round
    ("{{ ti_le(63, 80) }}", "78,8%"),  # 78,75 → 78,8
    ("{{ ti_le(150, 100) }}", "150%"),
    ("{{ ti_le(-1, 4) }}", "-25%"),
    ("{{ ti_le(1, 3, 3) }}", "33,333%"),
    ("{{ phan_tram(87.12, 2) }}", "87,12%"),
    ("{{ phan_tram(10) }}", "10%"),
    ("{{ tien(so_lieu.kinh_phi) }}", "50.000.000 đồng"),
    ("{{ tien(so_lieu.kinh_phi, 'triệu') }}", "50 triệu đồng"),
    ("{{ so_lieu.kinh_phi | tien('trieu') }}", "50 triệu đồng"),
    ("{{ tien(1500000000, gon=true) }}", "1,5 tỷ đồng"),
    ("{{ tien(1500000000, 'tỷ') }}", "1,5 tỷ đồng"),
    ("{{ bang_chu(so_lieu.kinh_phi, 'đồng') }}", "Năm mươi triệu đồng"),
    ("{{ bang_chu(1005000, viet_hoa=false) }}", "một triệu không trăm linh năm nghìn"),
    ("{{ bang_chu(1105, linh='lẻ') }}", "Một nghìn một trăm lẻ năm"),
    ("{{ bang_chu(-21) }}", "Âm hai mươi mốt"),
    ("{{ bang_chu(15.0) }}", "Mười lăm"),
    ("{{ ngay('2021-01-05') }}", "05/01/2021"),
    ("{{ ngay('2021-06-19') }}", "19/6/2021"),
    ("{{ ngay('2021-06-19', dai=true) }}", "ngày 19 tháng 6 năm 2021"),
    ("{{ so_lieu.quy | sum }} {{ so_lieu.quy[0] }} {{ so_lieu.quy | length }}", "60 10 3"),
    ("{{ so(so_lieu.ho_so.truoc_han + so_lieu.ho_so.dung_han + so_lieu.ho_so.qua_han) }}", "43.152"),
    ("{{ 10 / 4 }} {{ 7 // 2 }} {{ 7 % 2 }} {{ 2 ** 10 }}", "2,5 3 1 1.024"),
    ("{{ 'đạt' if so_lieu.ho_so.tiep_nhan > 40000 else 'chưa đạt' }}", "đạt"),
    ("{{ so_lieu['ho_so']['qua_han'] }}", "177"),
    ("không có biểu thức: 50% {, }", "không có biểu thức: 50% {, }"),
])
def test_functions_in_vietnamese_notation(text, want):
    assert ev(text) == want


# Each must be refused with an ExpressionError (an InputError at the document level), never run.
HOSTILE = [
    "{{ ''.__class__.__mro__ }}",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ so_lieu.__class__ }}",
    "{{ so_lieu['__class__'] }}",
    "{{ so_lieu.ho_so.items() }}",
    "{{ so_lieu.ho_so.keys }}",
    "{{ cycler.__init__.__globals__ }}",
    "{{ joiner.__init__.__globals__.os }}",
    "{{ namespace() }}",
    "{{ dict(a=1) }}",
    "{{ range(10**9)|list }}",
    "{{ range(10) }}",
    "{% for i in range(10) %}{% for j in range(10) %}x{% endfor %}{% endfor %}",
    "{% for x in so_lieu.quy %}{{ x }}{% endfor %}",
    "{% set x = 1 %}",
    "{% macro m() %}{% endmacro %}",
    "{% include 'x' %}",
    "{% import 'os' as os %}",
    "{% raw %}{{ 1 }}{% endraw %}",
    "{# comment #}",
    "{{ lipsum }}",
    "{{ lipsum(10**6) }}",
    "{{ self }}",
    "{{ self.__init__ }}",
    "{{ loop }}",
    "{{ config }}",
    "{{ '{0.__class__}'.format(so_lieu) }}",
    "{{ '{0:999999999}'.format(1) }}",
    "{{ '%s'|format(so_lieu) }}",
    "{{ '%999999999d' % 1 }}",
    "{{ 'a' * 1000000000 }}",
    "{{ [1] * 1000000000 }}",
    "{{ 10**10**10 }}",
    "{{ 9**999999 }}",
    "{{ 10**20 * 10**20 }}",
    "{{ (-8) ** 0.5 }}",
    "{{ so_lieu|attr('__class__') }}",
    "{{ so_lieu.quy|map('upper')|list }}",
    "{{ 'x'|center(1000000000) }}",
    "{{ 'x'|replace('x', 'xx') }}",
    "{{ so_lieu.quy|join('-') }}",
    "{{ so_lieu.quy|batch(10**9) }}",
    "{{ so(*so_lieu.quy) }}",
    "{{ so(**so_lieu) }}",
    "{{ so }}",
    "{{ so_lieu.ho_so }}",
    "{{ so_lieu.quy }}",
    "{{ so_lieu.ho_so.tiep_nhan > 1 }}",
    "{{ nhiem_vu.tong }}",
    "{{ " + "(" * 300 + "1" + ")" * 300 + " }}",
    "{{ " + " + ".join(["1"] * 300) + " }}",
    "{{ so_lieu.ho_so.tiep_nhan",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_sandbox_refuses(text):
    with pytest.raises(ExpressionError) as info:
        ev(text)
    assert info.value.message and info.value.expression


def test_bounded_work_and_output():
    start = time.process_time()  # CPU time: bounded work, whatever else the machine runs
    for text in HOSTILE:
        with pytest.raises(ExpressionError):
            ev(text)
    assert time.process_time() - start < 2
    long = {"so_lieu": {}, "t": "x" * (MAX_TEXT // 2)}
    with pytest.raises(ExpressionError, match="dài quá"):
        evaluate("{{ t ~ t ~ t }}", long)


@pytest.mark.parametrize("text,words,hint", [
    ("{{ so_lieu.ho_so.tiep_nhann }}", "không có khóa `tiep_nhann`", "tiep_nhan"),
    ("{{ so_leu.ho_so }}", "không có tên `so_leu`", "so_lieu"),
    ("{{ ti_l(1, 2) }}", "không gọi được `ti_l`", "ti_le"),
    ("{{ 1 | s }}", "không có bộ lọc `s`", None),
    ("{{ ti_le('a', 1) }}", "`ti_le` cần một số", None),
    ("{{ so_lieu.ho_so + 1 }}", "sai kiểu dữ liệu", None),
    ("{{ 1 / 0 }}", "chia cho 0", "ti_le"),
    ("{{ bang_chu(1.5) }}", "chỉ đọc số nguyên", None),
    ("{{ tien(1, 'đô') }}", "đơn vị `đô`", "triệu"),
    ("{{ so(1, 9) }}", "thập phân", None),
    ("{{ ngay(5.5) }}", "cần một ngày", None),
    ("{{ so_lieu.quy[7] }}", "không có phần tử thứ 7", None),
    ("{{ nhiem_vu.tong }}", "chưa có `nhiem_vu`", "ke_hoach"),
    ("{% if 1 %}x{% endif %}", "không dùng câu lệnh", "if"),
    ("{{ 1 }", "cú pháp sai", None),
])
def test_error_messages(text, words, hint):
    with pytest.raises(ExpressionError) as info:
        ev(text)
    assert words in info.value.message
    if hint:
        assert hint in (info.value.hint or "")


REPORT = textwrap.dedent("""\
    loai: bao_cao
    co_quan: {ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP], viet_tat: UBND}
    dia_danh: Đồng Tháp
    ngay: 2021-11-26
    trich_yeu: Kết quả {{ so_lieu.nam }}
    so_lieu:
      nam: 2021
      ho_so: {tiep_nhan: 44333, truoc_han: 34908}
    mo_dau: Tiếp nhận {{ so_lieu.ho_so.tiep_nhan | so }} hồ sơ.
    noi_dung:
      - tieu_de: KẾT QUẢ
        doan:
          - Đúng hạn {{ ti_le(so_lieu.ho_so.truoc_han, so_lieu.ho_so.tiep_nhan) }}.
    luu: VT
    nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
    """)


def test_text_fields_are_evaluated():
    doc = ccch_docs.loads(REPORT.replace("{{ so_lieu.nam }}", "năm 2021"))
    assert doc.mo_dau == ("Tiếp nhận 44.333 hồ sơ.",)
    assert doc.noi_dung[0].doan == ("Đúng hạn 78,7%.",)


@pytest.mark.parametrize("bad,line,key,expression", [
    ("{{ so_lieu.ho_so.tiep_nhan | so }}", 9, "mo_dau", None),  # control: no problem
    ("{{ so_lieu.ho_so.tiep_nhann | so }}", 9, "mo_dau", "{{ so_lieu.ho_so.tiep_nhann | so }}"),
    ("{{ khong_co }}", 9, "mo_dau", "{{ khong_co }}"),
    ("{{ so_lieu.ho_so + 1 }}", 9, "mo_dau", "{{ so_lieu.ho_so + 1 }}"),
    ("{{ ''.__class__ }}", 9, "mo_dau", "{{ ''.__class__ }}"),
])
def test_errors_name_file_line_key_and_expression(bad, line, key, expression):
    text = REPORT.replace("{{ so_lieu.ho_so.tiep_nhan | so }}", bad)
    if expression is None:
        ccch_docs.loads(text, name="bc.yaml")
        return
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="bc.yaml")
    (p,) = info.value.problems
    assert (p.file, p.line, p.key) == ("bc.yaml", line, key)
    assert expression in p.message
    assert str(p).startswith(f"bc.yaml:{line}:1: {key}: biểu thức {expression}:")


def test_every_bad_expression_is_reported_at_once():
    text = (REPORT.replace("{{ so_lieu.nam }}", "{{ nam }}")
            .replace("{{ ti_le(so_lieu.ho_so.truoc_han, so_lieu.ho_so.tiep_nhan) }}", "{{ ti_le(1) }}"))
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="bc.yaml")
    assert [(p.line, p.key) for p in info.value.problems] == [(5, "trich_yeu"), (13, "noi_dung[0].doan[0]")]


def test_plain_text_costs_nothing():
    src = source.load_path(ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml")
    doc = validate(src)
    assert compute.complete(doc, source.Linked(src)) is doc  # no expression, no plan: the very same document


def test_cli_exit_2_and_no_traceback(tmp_path, capsys):
    bad = tmp_path / "bc.yaml"
    bad.write_text(REPORT.replace("{{ so_lieu.nam }}", "{{ so_lieu.__class__.__mro__ }}"), "utf-8")
    assert main(["render", str(bad), "-o", str(tmp_path / "bc.docx")]) == 2
    err = capsys.readouterr().err
    assert "bc.yaml:5:1: trich_yeu: biểu thức {{ so_lieu.__class__.__mro__ }}" in err
    assert "Traceback" not in err and not (tmp_path / "bc.docx").exists()


@pytest.mark.parametrize("figures,line,words", [
    ("so_lieu: {ho_so: {tiep_nhan: nhiều}}", 6, "phải là số"),
    ("so_lieu: {ho_so: {tiep_nhan: '44.333'}}", 6, "phải là số"),
    ("so_lieu: {ho_so: [1, true]}", 6, "phải là số"),
    ("so_lieu: 5", 6, "khối"),
])
def test_figures_must_be_numbers(figures, line, words):
    text = REPORT.replace("so_lieu:\n  nam: 2021\n  ho_so: {tiep_nhan: 44333, truoc_han: 34908}", figures)
    text = text.replace("{{ so_lieu.nam }}", "2021").replace("{{ so_lieu.ho_so.tiep_nhan | so }}", "1")
    text = text.replace("{{ ti_le(so_lieu.ho_so.truoc_han, so_lieu.ho_so.tiep_nhan) }}", "1")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="bc.yaml")
    assert any(words in p.message and p.line == line and p.key.startswith("so_lieu") for p in info.value.problems), \
        str(info.value)


def test_figures_in_vietnamese_notation_are_numbers():
    text = REPORT.replace("{tiep_nhan: 44333, truoc_han: 34908}", "{tiep_nhan: 44.333.000, truoc_han: '34.908.000 đồng'}")
    text = text.replace("nam: 2021", "nam: 2021\n  diem: 1,5")
    doc = ccch_docs.loads(text.replace("{{ so_lieu.nam }}", "{{ so_lieu.diem + 1 }}"))
    assert doc.trich_yeu == ("Kết quả 2,5",)
    assert doc.mo_dau == ("Tiếp nhận 44.333.000 hồ sơ.",)
    assert doc.noi_dung[0].doan == ("Đúng hạn 78,7%.",)


@pytest.mark.parametrize("written,hint", [
    ("3,000,000", "viết 3.000.000 (dấu chấm giữa các hàng nghìn"),
    ("3 triệu", "viết 3.000.000 (bằng số"),
    ("44.333", "viết 44333 nếu là bốn mươi bốn nghìn ba trăm ba mươi ba, 44,333 nếu là số thập phân"),
])
def test_figures_written_unclearly_get_a_hint(written, hint):
    text = REPORT.replace("{tiep_nhan: 44333, truoc_han: 34908}", f"\n    tiep_nhan: {written}\n    truoc_han: 34908")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text.replace("{{ so_lieu.nam }}", "2021"), name="bc.yaml")
    (p,) = info.value.problems
    assert (p.line, p.key) == (9, "so_lieu.ho_so.tiep_nhan") and p.hint.startswith(hint), str(p)
