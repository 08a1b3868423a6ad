"""An outside reviewer's hostile inputs, through the CLI and the API: each is refused at its file, line and key with
a hint (exit 2, nothing written, no Python internals in the message), or renders the document the user meant."""

from __future__ import annotations

import json

import pytest

import ccch_docs
from ccch_docs.cli import main
from docx_view import View
from test_input_errors import GOOD


def _with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


def _paragraph(expression: str) -> str:
    return _with("    doan: Nội dung.", "    doan: " + json.dumps(f"Kết quả {{{{ {expression} }}}}.", ensure_ascii=False))


def _refused(text: str, tmp_path, capsys) -> str:
    src = tmp_path / "plan.yaml"
    src.write_text(text, encoding="utf-8")
    assert main(["render", str(src), "-o", str(tmp_path / "plan.docx")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "Error" not in err, err
    assert list(tmp_path.iterdir()) == [src]
    return err


# Constants Jinja would have written into Python code as `inf` or `nan` (NameError), text its `int` and `float`
# read as 0, and the empty result of `first`.
@pytest.mark.parametrize("expression,words", [
    ("1e400", "số quá lớn"),
    ("-1e400|so", "số quá lớn"),
    ("'nan'|float", "`float` cần một số, không phải chữ 'nan'"),
    ("'1e400'|float + 1", "`float` cần một số"),
    ("'abc'|int", "`int` cần một số, không phải chữ 'abc'"),
    ("'1.500'|int", "`1.500` đọc được hai cách"),
    ("[]|first", "kết quả không có giá trị (danh sách trống)"),
], ids=["1e400", "-1e400", "nan text", "inf text", "no number", "unclear", "empty first"])
def test_an_expression_is_refused_in_words_at_its_line(expression, words, tmp_path, capsys):
    err = _refused(_paragraph(expression), tmp_path, capsys)
    assert f"plan.yaml:11:5: noi_dung[0].doan: biểu thức {{{{ {expression} }}}}: {words}" in err, err
    assert "(gợi ý: " in err


def test_text_read_by_int_and_float_in_vietnamese_notation(tmp_path):
    text = _paragraph("'1,5'|float * 2 }}, {{ '1.234.567'|int + 1 }}, {{ 2.7|int }}, {{ []|first|default(0)")
    out = tmp_path / "plan.docx"
    ccch_docs.render(ccch_docs.loads(text, name="plan.yaml"), out)
    assert "Kết quả 3, 1.234.568, 2, 0." in View.open(out).body_lines()


def test_an_english_message_for_an_empty_result(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(_paragraph("[]|first"), encoding="utf-8")
    assert main(["--lang", "en", "render", str(src), "-o", str(tmp_path / "plan.docx")]) == 2
    err = capsys.readouterr().err
    assert "danh sách" not in err and "gợi ý" not in err and "[CCHC-E080]" in err, err


# A negative figure that rounds to zero printed `-0`, `-0%`.
@pytest.mark.parametrize("expression,printed", [
    ("-0.0", "0"), ("so_lieu.giam", "0"), ("so_lieu.giam|phan_tram", "0%"), ("ti_le(so_lieu.giam, 100)", "0%"),
    ("so(so_lieu.giam, 1)", "0,0"), ("phan_tram(-0.05)", "-0,1%"), ("tien(-0.0001)", "0 đồng"),
])
def test_a_figure_rounding_to_zero_has_no_sign(expression, printed, tmp_path):
    text = _paragraph(expression) + "so_lieu: {giam: -0.0004}\n"
    out = tmp_path / "plan.docx"
    ccch_docs.render(ccch_docs.loads(text, name="plan.yaml"), out)
    assert f"Kết quả {printed}." in View.open(out).body_lines()


# A ký hiệu that `check` (and the decree) refuses in the document was rendered without a word.
@pytest.mark.parametrize("old,new,line,key,code,hint", [
    ("so: 5", "so: 5\nky_hieu: KH - UBND", 7, "ky_hieu", "E626", "KH-UBND"),
    ("so: 5", "so: 5\nky_hieu: KH/UBND", 7, "ky_hieu", "E626", "KH-UBND"),
    ("so: 5", "so: 5\nky_hieu: KH-UBND-2021", 7, "ky_hieu", "E627", "bỏ năm"),
    ("so: 5", "so: 5\nky_hieu: QĐ-UBND", 7, "ky_hieu", "E628", "viết KH-UBND"),
    ("so: 5", "so: 5\nky_hieu: KH-ubnd", 7, "ky_hieu", "E629", "viết KH-UBND"),
    ("  viet_tat: UBND", "  viet_tat: ubnd", 4, "co_quan.viet_tat", "E629", "viết UBND"),
    ("  viet_tat: UBND", "  viet_tat: UB ND", 4, "co_quan.viet_tat", "E626", "UBND"),
], ids=["spaces", "slash", "year", "other type", "lower case", "lower viet_tat", "spaced viet_tat"])
def test_a_ky_hieu_out_of_form_is_refused_at_its_key(old, new, line, key, code, hint, tmp_path, capsys):
    err = _refused(_with(old, new), tmp_path, capsys)
    assert f"plan.yaml:{line}:" in err and f": {key}: ký hiệu `" in err and f"[CCHC-{code}]" in err, err
    assert hint in err.partition("(gợi ý: ")[2], err


def test_a_ky_hieu_the_decree_allows_renders_and_checks_clean(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(_with("loai: ke_hoach", "loai: to_trinh").replace("so: 5", "so: 5\nky_hieu: TTr-BCĐ"),
                   encoding="utf-8")
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert "Số: 05/TTr-BCĐ" in View.open(out).header()
    assert main(["check", str(out)]) == 0, capsys.readouterr().out


def test_the_ky_hieu_messages_in_english(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(_with("so: 5", "so: 5\nky_hieu: QĐ-ubnd"), encoding="utf-8")
    assert main(["--lang", "en", "render", str(src), "-o", str(tmp_path / "plan.docx")]) == 2
    err = capsys.readouterr().err
    assert "the symbol `QĐ-ubnd` must begin with KH" in err and "the symbol `QĐ-ubnd` has lower-case letters" in err
    assert "write KH-UBND" in err and "ký hiệu" not in err, err


@pytest.mark.parametrize("written", ["Số: 12/2021/KH-UBND", "Số: 12/KH/UBND", "Số: 12/KH-ubnd"])
def test_an_imported_ky_hieu_out_of_form_is_kept_in_a_comment_and_renders(written, tmp_path, capsys):
    import docx

    src = tmp_path / "plan.yaml"
    src.write_text(GOOD, encoding="utf-8")
    made = tmp_path / "made.docx"
    assert main(["render", str(src), "-o", str(made)]) == 0
    document = docx.Document(str(made))
    line = next(p for t in document.tables for c in t._cells for p in c.paragraphs if p.text.startswith("Số:"))
    line.runs[0].text = written
    for run in line.runs[1:]:
        run.text = ""
    document.save(str(made))
    out = tmp_path / "imported.yaml"
    assert main(["import", str(made), "-o", str(out), "--render"]) == 0
    err = capsys.readouterr().err
    assert f"# {written}" in out.read_text(encoding="utf-8") and written in err and "co_quan.viet_tat" in err, err
    assert "Số: /KH-UBND" in View.open(out.with_suffix(".docx")).header()


def test_a_letterhead_typed_in_lower_case_prints_in_capitals(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(_with("  ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP]",
                         "  chu_quan: Ủy ban nhân dân tỉnh Đồng Tháp\n  ten: [Sở Nội vụ, phòng cải cách hành chính]"),
                   encoding="utf-8")
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 0
    assert View.open(out).header()[:3] == ["ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP", "SỞ NỘI VỤ", "PHÒNG CẢI CÁCH HÀNH CHÍNH"]
    assert main(["check", str(out)]) == 0, capsys.readouterr().out


# What the program prints before a value, typed in the value too, was printed twice (`- Lưu: Lưu: VT.`,
# `TM. TM. ỦY BAN NHÂN DÂN`, `I. I. MỤC ĐÍCH`, `Điều 1. Điều 1. Ban hành …`, `Kính gửi: Kính gửi: …`).
def test_an_opening_or_label_typed_as_the_program_prints_it_is_not_doubled(tmp_path, capsys):
    text = (_with("luu: VT", "luu: '- Lưu: VT, NV.'\nkinh_gui: ['Kính gửi: Sở Nội vụ']")
            .replace("  tm: ỦY BAN NHÂN DÂN", "  tm: T/M ỦY BAN NHÂN DÂN\n  kt: KT. CHỦ TỊCH")
            .replace("  chuc_vu: CHỦ TỊCH", "  chuc_vu: PHÓ CHỦ TỊCH")
            .replace("  - tieu_de: MỤC ĐÍCH\n    doan: Nội dung.",
                     "  - tieu_de: I. MỤC ĐÍCH\n    muc: [{doan: '1. Rà soát.'}, {doan: '2. Công bố.'}]"))
    src = tmp_path / "plan.yaml"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 0
    view = View.open(out)
    assert view.body_lines()[:4] == ["Kính gửi: Sở Nội vụ", "I. MỤC ĐÍCH", "1. Rà soát.", "2. Công bố."]
    assert View.texts(view.noi_nhan())[-1] == "- Lưu: VT, NV."
    assert View.texts(view.nguoi_ky())[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]
    assert main(["check", str(out)]) == 0, capsys.readouterr().out


def test_a_decision_article_typed_with_its_label(tmp_path):
    from samples import DECISION

    data = {**DECISION, "dieu": ["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.", "Điều 2. Giao Sở Nội vụ.",
                                 "Điều 2. Quyết định này có hiệu lực."]}
    out = tmp_path / "qd.docx"
    ccch_docs.render(ccch_docs.from_dict(data, name="qd"), out)
    lines = [t for t in View.open(out).body_lines() if t.startswith("Điều")]
    assert lines[:3] == ["Điều 1. Ban hành kèm theo Quyết định này Kế hoạch.", "Điều 2. Giao Sở Nội vụ.",
                         "Điều 3. Điều 2. Quyết định này có hiệu lực."]  # a label unlike the one printed is text


# Data handed over in memory that YAML cannot hold: keys that are no text (refused at the wrong place, as an
# item `chu_thich[1]`, or a boolean key accepted), a set (its order changes from run to run), bytes.
@pytest.mark.parametrize("key,value,where,words", [
    ("chu_thich", {1: "Ghi chú."}, "chu_thich", "khóa phải là một chuỗi, không phải int 1"),
    ("so_lieu", {"a": {True: 1}}, "so_lieu.a", "khóa phải là một chuỗi, không phải bool True"),
    ("noi_nhan", {"Sở Nội vụ", "Sở Tài chính"}, "noi_nhan", "phải là một danh sách"),
    ("luu", b"VT", "luu", "phải là chuỗi văn bản"),
], ids=["int key", "bool key", "set", "bytes"])
def test_data_yaml_cannot_hold_is_refused_at_its_key(key, value, where, words):
    from samples import PLAN

    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**PLAN, key: value}, name="api")
    (p,) = info.value.problems
    assert (p.file, p.key) == ("api", where) and p.message.startswith(words) and p.hint, str(p)
    assert p.code in ("CCHC-E071", "CCHC-E004", "CCHC-E003"), p.code


def test_check_walks_a_folder_named_like_a_docx(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(GOOD, encoding="utf-8")
    inner = tmp_path / "ban-cu.docx"
    inner.mkdir()
    assert main(["render", str(src), "-o", str(inner / "plan.docx")]) == 0
    capsys.readouterr()
    assert main(["check", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "plan.docx" in out and "Is a directory" not in out and "không đọc được" not in out, out


# Figures each below 10²⁵ whose total reaches it: an unexpected error (exit 1) as the table was made.
@pytest.mark.parametrize("cells", ["9000000000000000000000000, 9000000000000000000000000",
                                   "9000000000000000000000000, '{{ 9 * 10**24 }}'"], ids=["figures", "expression"])
def test_a_total_too_large_to_print_is_refused_at_tong_cong(cells, tmp_path, capsys):
    a, b = cells.split(", ")
    text = GOOD + ("phu_luc:\n  - tieu_de: SỐ LIỆU\n    cot: [{khoa: ten, ten: Đơn vị}, {khoa: n, ten: Số hồ sơ, kieu: so}]\n"
                   f"    tong_cong: n\n    dong:\n      - {{ten: A, n: {a}}}\n      - {{ten: B, n: {b}}}\n")
    err = _refused(text, tmp_path, capsys)
    assert "plan.yaml:21:5: phu_luc[0].tong_cong: số quá lớn (từ 10²⁵ trở lên) (gợi ý: tổng các dòng" in err, err
    assert "[CCHC-E025]" in err


# A document holding `{{`, `{%` or `{#` as text (a form's placeholder, a line printed by `{{ '{{' }}`) was imported
# into YAML that its own validation took for an expression: the import failed on the file it meant to write.
def test_a_document_with_template_marks_in_its_text_imports_and_renders_back(tmp_path, capsys):
    text = _with("    doan: Nội dung.", "    doan: \"Điền vào {{ '{{' }} họ_tên }} và {{ '{%' }} x %} {{ '{#' }}.\"")
    src = tmp_path / "plan.yaml"
    src.write_text(text.replace("trich_yeu: Cải cách hành chính năm 2021",
                                "trich_yeu: \"Mẫu {{ '{{' }} tên }} năm 2021\""), encoding="utf-8")
    made = tmp_path / "made.docx"
    assert main(["render", str(src), "-o", str(made)]) == 0
    assert "Điền vào {{ họ_tên }} và {% x %} {#." in View.open(made).body_lines()
    back = tmp_path / "back.yaml"
    assert main(["import", str(made), "-o", str(back), "--render"]) == 0, capsys.readouterr().err
    again = View.open(back.with_suffix(".docx"))
    assert "Điền vào {{ họ_tên }} và {% x %} {#." in again.body_lines()
    assert [p.text for p in again.title()][1] == "Mẫu {{ tên }} năm 2021"


def _rendered(text: str, tmp_path, capsys, name: str = "plan") -> View:
    """`text` rendered through the command line (exit 0) and checked by `check` (0 findings)."""
    src, out = tmp_path / f"{name}.yaml", tmp_path / f"{name}.docx"
    src.write_text(text, encoding="utf-8")
    assert main(["render", str(src), "-o", str(out)]) == 0, capsys.readouterr().err
    assert main(["check", str(out)]) == 0, capsys.readouterr().out
    return View.open(out)


# The Nơi nhận label and the Lưu line typed among the recipients printed as recipients (`- Nơi nhận:;`, a second
# `- Lưu: VT;` above the one from luu); typed unquoted in a YAML list, YAML read them as mappings (refused).
@pytest.mark.parametrize("items", ['["Nơi nhận:", Bộ Nội vụ, "Lưu: VT, P.CCHC"]', '["- Bộ Nội vụ;", "- Lưu: VT, P.CCHC."]',
                                   "\n  - Nơi nhận:\n  - Bộ Nội vụ;\n  - Lưu: VT, P.CCHC."])
def test_the_luu_line_and_the_label_typed_among_the_recipients(tmp_path, capsys, items):
    text = _with("noi_nhan: [Bộ Nội vụ]\nluu: VT\n", f"noi_nhan: {items}\n")
    view = _rendered(text, tmp_path, capsys)
    assert View.texts(view.noi_nhan()) == ["Nơi nhận:", "- Bộ Nội vụ;", "- Lưu: VT, P.CCHC."]


def test_a_luu_line_typed_among_the_recipients_gives_way_to_none_but_the_files_own(tmp_path, capsys):
    """The typed line is the document's luu over a unit profile's; beside the file's own luu it is refused."""
    (tmp_path / "don-vi.yaml").write_text("luu: VT\n", encoding="utf-8")
    text = "ke_thua: don-vi.yaml\n" + _with("noi_nhan: [Bộ Nội vụ]\nluu: VT\n", "noi_nhan: [Bộ Nội vụ, 'Lưu: VT, NV']\n")
    assert View.texts(_rendered(text, tmp_path, capsys).noi_nhan())[1:] == ["- Bộ Nội vụ;", "- Lưu: VT, NV."]
    (tmp_path / "plan.docx").unlink()
    (tmp_path / "don-vi.yaml").unlink()
    err = _refused(_with("noi_nhan: [Bộ Nội vụ]", "noi_nhan: [Bộ Nội vụ, 'Lưu: VT, NV']"), tmp_path, capsys)
    assert err.splitlines()[0] == (
        f"{tmp_path / 'plan.yaml'}:12:23: noi_nhan[1]: mục `Lưu: VT, NV` là dòng Lưu, đã có ở `luu: VT` (gợi ý: bỏ "
        "mục này khỏi noi_nhan: dòng `- Lưu: …` in từ khóa luu; ghi mọi nơi lưu vào luu, ví dụ `luu: VT, P.CCHC`) "
        "[CCHC-E642]")


# A trích yếu opening with the tên loại printed above it (`KẾ HOẠCH` / `Kế hoạch cải cách …`), a công văn's
# opening with `Về việc` after the printed `V/v`, an issued Quy chế's with `Quy chế`: each printed it twice.
def test_a_trich_yeu_typed_with_the_type_name_above_it(tmp_path, capsys):
    from samples import DECISION, LETTER
    plan = _with("trich_yeu: Cải cách hành chính năm 2021", "trich_yeu: kế hoạch Cải cách hành chính năm 2021")
    assert View.texts(_rendered(plan, tmp_path, capsys).title())[:2] == ["KẾ HOẠCH", "Cải cách hành chính năm 2021"]
    report = _with("loai: ke_hoach", "loai: bao_cao").replace("trich_yeu: Cải cách", "trich_yeu: [BÁO CÁO, Cải cách")
    assert View.texts(_rendered(report.replace("năm 2021\n", "năm 2021]\n", 1), tmp_path, capsys, "bc").title())[:2] \
        == ["BÁO CÁO", "Cải cách hành chính năm 2021"]
    out = tmp_path / "cv.docx"
    ccch_docs.render(ccch_docs.from_dict({**LETTER, "trich_yeu": "Về việc báo cáo kết quả"}, name="cv"), out)
    assert "V/v báo cáo kết quả" in View.open(out).header()
    issued = {**DECISION, "kem_theo": {"loai": "quy_che", "trich_yeu": "Quy chế hoạt động của Ban Chỉ đạo",
                                       "noi_dung": [{"tieu_de": "Phạm vi", "doan": "Nội dung."}]}}
    out = tmp_path / "qd.docx"
    ccch_docs.render(ccch_docs.from_dict(issued, name="qd"), out)
    assert View.texts(View.open(out).attached_title())[:2] == ["QUY CHẾ", "Hoạt động của Ban Chỉ đạo"]


# The date line's opening typed after the địa danh printed `Đồng Tháp, ngày, ngày 05 tháng 01 năm 2021`; a whole date
# there printed two dates.
def test_the_date_lines_opening_typed_after_the_place(tmp_path, capsys):
    view = _rendered(_with("dia_danh: Đồng Tháp", "dia_danh: Đồng Tháp, ngày"), tmp_path, capsys)
    assert "Đồng Tháp, ngày 05 tháng 01 năm 2021" in view.header()
    (tmp_path / "plan.docx").unlink()
    err = _refused(_with("dia_danh: Đồng Tháp", "dia_danh: Đồng Tháp, ngày 05 tháng 01 năm 2021"), tmp_path, capsys)
    assert err.splitlines()[0] == (
        f"{tmp_path / 'plan.yaml'}:5:1: dia_danh: địa danh `Đồng Tháp, ngày 05 tháng 01 năm 2021` có cả ngày tháng "
        "(gợi ý: ghi `dia_danh: Đồng Tháp`, ngày ở khóa ngay, ví dụ `ngay: 2022-01-05`) [CCHC-E643]")


# A row's `gop` or `gop_tren` written as one number (`gop: 5`): an unexpected error (exit 1, "not iterable") as
# the merges were checked; a column written alone is a list of one, a number names no column.
@pytest.mark.parametrize("key", ["gop", "gop_tren"])
@pytest.mark.parametrize("value", ["5", "1.5"])
def test_a_merge_naming_a_number_is_refused_at_its_line(key, value, tmp_path, capsys):
    text = GOOD + ("phu_luc:\n  - tieu_de: SỐ LIỆU\n    cot: [{khoa: a, ten: A}, {khoa: b, ten: B}]\n"
                   f"    dong:\n      - {{a: x}}\n      - a: y\n        {key}: {value}\n")
    err = _refused(text, tmp_path, capsys)
    assert f"plan.yaml:24:9: phu_luc[0].dong[1].{key}[0]: `{value}` không phải là cột của phụ lục (gợi ý: các cột: a, b)" \
        in err, err


# Emphasis marks that never close (`**a **a …`, 40,000 characters): each was searched for its closing mark to the
# end of the text, a time growing with the square of the length (200,000 characters: 4 minutes of CPU).
@pytest.mark.parametrize("mark", ["**a ", "*a ", "***a "])
def test_unclosed_emphasis_marks_take_linear_time(mark):
    import time

    from samples import PLAN
    text = "Nội dung " + mark * (40_000 // len(mark))
    start = time.process_time()
    doc = ccch_docs.from_dict({**PLAN, "noi_dung": [{"tieu_de": "Mục đích", "doan": text}]})
    ccch_docs.render(doc)
    assert time.process_time() - start < 2


def _table(rows: list[str]) -> str:
    """The plan with a table of three columns (the second a number column) among its paragraphs, `rows` its rows."""
    return _with("    doan: Nội dung.", "    doan:\n      - bang:\n          cot: [{khoa: ten, ten: Xã}, "
                 "{khoa: so, ten: Hồ sơ, kieu: so}, {khoa: tl, ten: Tỷ lệ}]\n          dong:\n"
                 + "".join(f"            - {row}\n" for row in rows))


# The same mistake on each row of a table printed a line a row (20,000 rows: 20,000 lines, and 20 s to print them).
def test_a_mistake_repeated_on_many_rows_is_counted_after_its_first_places(tmp_path, capsys):
    rows = [f"{{ten: Xã {i}, so: 1, tl: {{a: 1}}}}" for i in range(40)]
    rows[7] = "{ten: Xã 7, so: [[1]], tl: {a: 1}}"  # the same problem in another column stays printed
    err = _refused(_table(rows), tmp_path, capsys).splitlines()
    cells = [line for line in err if "].tl: ô của bảng" in line]
    assert [line.split(": ")[1] for line in cells] == [f"noi_dung[0].doan[0].bang.dong[{i}].tl" for i in range(3)]
    counted = err[err.index(cells[-1]) + 1]
    assert counted == (f"{tmp_path / 'plan.yaml'}: noi_dung[0].doan[0].bang.dong[…].tl: 37 chỗ khác cũng có lỗi "
                       "CCHC-E313 (gợi ý: sửa như các chỗ nêu trên) [CCHC-E348]")
    assert sum("dong[7].so" in line for line in err) == 1 and err[-1] == "41 lỗi."


# A row written `[Xã A, 1.234,5, 78,7%]`, its decimal commas meant Vietnamese: refused with no hint, the commas that
# split its figures unsaid. Either rewriting the hint gives renders the figures as typed.
def test_a_row_written_as_a_list_says_its_commas_split_cells(tmp_path, capsys):
    err = _refused(_table(["[Xã A, 1.234,5, 78,7%]"]), tmp_path, capsys)
    assert "plan.yaml:15:15: noi_dung[0].doan[0].bang.dong[0]: phải là một khối khóa: giá trị (gợi ý: trong `[ … ]` " \
           'dấu phẩy ngăn các ô: số thập phân có dấu phẩy phải đặt trong dấu ngoặc kép ("1.234,5") hoặc viết kiểu ' \
           "khối, mỗi ô một dòng" in err and err.rstrip().endswith("[CCHC-E020]\n2 lỗi."), err
    assert 'plan.yaml:15:31: noi_dung[0].doan[0].bang.dong[0][3]: số viết không rõ (gợi ý: trong [ … ] dấu phẩy ngăn ' \
           'các mục: viết "78,7%" nếu là một số' in err
    for row in ['{ten: Xã A, so: "1.234,5", tl: "78,7%"}', "ten: Xã A\n              so: 1.234,5\n              tl: 78,7%"]:
        text = _table([row])
        doc = ccch_docs.loads(text, name="plan.yaml")
        out = tmp_path / "plan.docx"
        ccch_docs.render(doc, out)
        assert any("Xã A | 1.234,5 | 78,7%" in line for line in View.open(out).body_lines()), row


# 10,000 unknown keys (or 10,000 values of so_lieu that are no numbers), keys with no index to count them by, each
# printed on a line of its own: 10,001 lines, 5 MB and 19 s for `validate` to say so.
@pytest.mark.parametrize("extra,key,code", [
    ("".join(f"zz{i}: 1\n" for i in range(10_000)), "…", "CCHC-E002"),
    ("so_lieu:\n" + "".join(f"  k{i}: x{i}\n" for i in range(10_000)), "so_lieu.…", "CCHC-E024"),
], ids=["unknown keys", "so_lieu values"])
def test_one_mistake_at_many_keys_is_counted_after_its_first_ten(extra, key, code, tmp_path, capsys):
    err = _refused(GOOD + extra, tmp_path, capsys).splitlines()
    assert len(err) == 12 and all(f"[{code}]" in line for line in err[:10]), err[:3]
    assert err[10] == (f"{tmp_path / 'plan.yaml'}: {key}: 9.990 chỗ khác cũng có lỗi {code} (gợi ý: sửa như các chỗ "
                       "nêu trên) [CCHC-E348]") and err[11] == "10000 lỗi."


def test_a_few_different_keys_without_indexes_are_each_printed(tmp_path, capsys):
    err = _refused(GOOD + "".join(f"zz{i}: 1\n" for i in range(12)), tmp_path, capsys).splitlines()
    assert [line.split(": ")[1] for line in err[:10]] == [f"zz{i}" for i in range(10)]
    assert err[10].endswith("plan.yaml: …: 2 chỗ khác cũng có lỗi CCHC-E002 (gợi ý: sửa như các chỗ nêu trên) [CCHC-E348]")


def test_one_problem_past_the_limit_is_printed_not_counted(tmp_path, capsys):
    """Its count line (`zz10: 1 chỗ khác …`) took the line the problem itself would, and said less."""
    err = _refused(GOOD + "".join(f"zz{i}: 1\n" for i in range(11)), tmp_path, capsys).splitlines()
    assert [line.split(": ")[1] for line in err[:11]] == [f"zz{i}" for i in range(11)]
    assert "CCHC-E348" not in "\n".join(err) and err[11] == "11 lỗi."


# A key or a file's name holding a line break printed a line of its own: the input could print a problem (or an
# all-clear) of another file that was never found.
def test_a_line_break_in_a_key_or_a_file_name_prints_as_its_escape(tmp_path, capsys):
    err = _refused(GOOD + '"a\\nfake.yaml:1:1: ok\\u2028b": 1\n', tmp_path, capsys)
    assert err.splitlines()[0].startswith(f"{tmp_path / 'plan.yaml'}:18:1: a\\nfake.yaml:1:1: ok\\u2028b: khóa không") \
        and len(err.splitlines()) == 2, err
    src = tmp_path / "x\nfake.yaml"
    src.write_text(GOOD.replace("loai: ke_hoach", "loai: ke_hoch"), encoding="utf-8")
    assert main(["validate", str(src)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}/x\\nfake.yaml:1:1: loai: ") and len(err.splitlines()) == 2, err


def test_a_line_break_in_a_name_written_prints_as_its_escape(tmp_path, capsys):
    """A folder's file named by a web form, `x\\nđã ghi y.docx`: its written line printed two, one a lie."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.yaml", "x\nđã ghi y.yaml"):
        (folder / name).write_text(GOOD, encoding="utf-8")
    assert main(["render", str(folder)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and out[1].endswith(f"đã ghi {folder}/x\\nđã ghi y.docx"), out  # and the summary


@pytest.mark.parametrize("argv,suffix", [
    (["init", "--loai", "ke_hoach", "-o"], ".yaml"),
    (["templates", "export", "van_ban", "--to"], ""),
], ids=["init", "templates export"])
def test_every_command_prints_a_line_break_in_a_name_written_as_its_escape(argv, suffix, tmp_path, capsys):
    """Not render alone: `init -o "x\nđã ghi y.yaml"` printed a written line for a file that never was."""
    assert main([*argv, str(tmp_path / f"x\nđã ghi y{suffix}")]) == 0
    out = capsys.readouterr().out
    assert "x\\nđã ghi y" in out and "\nđã ghi y" not in out, out
