"""Problem messages as the command line prints them: counts and limits in the notation of the language of messages,
and a hint for every problem a clerk can make in a small YAML file."""

from __future__ import annotations

import pytest

from ccch_docs.cli import main
from test_hostile_yaml import BOMB
from test_input_errors import GOOD


def _printed(tmp_path, capsys, text: str, *lang: str) -> tuple[str, list[str]]:
    """The problems `validate` prints for a file holding `text` (exit 2), and the file's name."""
    src = tmp_path / "plan.yaml"
    src.write_text(text, "utf-8")
    assert main([*lang, "validate", str(src)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return str(src), err.splitlines()[:-1]


@pytest.mark.parametrize("lang,message", [
    ((), "tài liệu quá lớn: hơn 2.000.000 giá trị (kể cả các lần lặp lại của bí danh `*…`) "
         "(gợi ý: bớt bí danh lồng nhau, hoặc tách thành nhiều tệp) [CCHC-E075]"),
    (("--lang", "en"), "document too large: more than 2,000,000 values (counting repeats of aliases `*…`) "
                       "(hint: use fewer nested aliases, or split into several files) [CCHC-E075]"),
])
def test_a_limit_is_printed_in_the_notation_of_the_language(tmp_path, capsys, lang, message):
    src, lines = _printed(tmp_path, capsys, BOMB, *lang)
    assert lines == [f"{src}:7:18: l6: {message}"]


@pytest.mark.parametrize("lang,message", [
    ((), "đoạn văn quá dài (2.000.000 ký tự, tối đa 1.000.000) (gợi ý: chia thành nhiều đoạn) [CCHC-E070]"),
    (("--lang", "en"), "paragraph too long (2,000,000 characters, at most 1,000,000) "
                       "(hint: split it into several paragraphs) [CCHC-E070]"),
])
def test_a_size_and_its_limit_are_printed_in_the_notation_of_the_language(tmp_path, capsys, lang, message):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("luu: VT", "luu: " + "a" * 2_000_000), *lang)
    assert lines == [f"{src}:13:6: luu: {message}"]


# The plan of test_input_errors with a phụ lục whose kinh_phi column is totalled (its rows from line 22 on).
TABLE = GOOD + ("phu_luc:\n"
                "  - tieu_de: Nhiệm vụ\n"
                "    cot: ke_hoach_8_cot\n"
                "    tong_cong: true\n"
                "    dong:\n"
                "      - {noi_dung: Rà soát, chu_tri: Sở Nội vụ, phoi_hop: Sở Tư pháp, kinh_phi: 300}\n")
SO_HINT = ("số văn bản là số nguyên dương, ví dụ `so: 5`; chưa có số thì bỏ khóa so (văn thư ghi số khi ban hành)")
LITERAL = "để in nguyên `{{`, `{%` hay `{#`, viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"


@pytest.mark.parametrize("written", ["0", "-5", "−5"])  # the last with U+2212, read as the minus it shows
def test_a_document_number_not_above_zero_says_what_the_number_is(tmp_path, capsys, written):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("so: 5", f"so: {written}"))
    assert lines == [f"{src}:6:1: so: phải lớn hơn 0 (gợi ý: {SO_HINT}) [CCHC-E009]"]


def test_a_document_number_with_decimals_is_said_in_vietnamese_with_the_hint(tmp_path, capsys):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("so: 5", "so: 1.5"))  # was pydantic's English, no code
    assert lines == [f"{src}:6:1: so: phải là số nguyên (gợi ý: {SO_HINT}) [CCHC-E008]"]


def test_an_empty_cell_says_to_fill_it_or_leave_the_key_out(tmp_path, capsys):
    src, lines = _printed(tmp_path, capsys, TABLE.replace("phoi_hop: Sở Tư pháp", 'phoi_hop: ""'))
    assert lines == [f"{src}:23:49: phu_luc[0].dong[0].phoi_hop: không được để trống (gợi ý: ghi nội dung cho "
                     "`phoi_hop`, hoặc bỏ cả dòng `phoi_hop:` nếu không có gì để ghi) [CCHC-E308]"]
    src, lines = _printed(tmp_path, capsys, TABLE.replace("phoi_hop: Sở Tư pháp", 'phoi_hop: ""'), "--lang", "en")
    assert lines == [f"{src}:23:49: phu_luc[0].dong[0].phoi_hop: must not be empty (hint: write the text of "
                     "`phoi_hop`, or remove the whole line `phoi_hop:` if there is nothing to write) [CCHC-E308]"]


def test_a_linked_path_written_with_backslashes_is_told_to_use_slashes(tmp_path, capsys):
    """`ke_thua: don-vi\\ubnd.yaml` as Windows writes it names no file here: the hint says to write `/`."""
    (tmp_path / "don-vi").mkdir()
    (tmp_path / "don-vi" / "ubnd.yaml").write_text("dia_danh: Cao Lãnh\n", "utf-8")
    src, lines = _printed(tmp_path, capsys, GOOD + "ke_thua: don-vi\\ubnd.yaml\n")
    assert len(lines) == 1 and lines[0].startswith(f"{src}:") and lines[0].endswith(
        "(gợi ý: viết đường dẫn bằng dấu `/` (don-vi/ubnd.yaml), trên mọi máy; dấu `\\` của Windows là một ký tự "
        "của tên tệp) [CCHC-E082]")
    src, lines = _printed(tmp_path, capsys, GOOD + "ke_thua: don-vi/khong-co.yaml\n")
    assert lines[0].endswith("(gợi ý: kiểm tra đường dẫn (tính từ thư mục của tệp đang viết)) [CCHC-E082]")


def test_an_empty_required_key_or_item_says_what_to_do(tmp_path, capsys):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("dia_danh: Đồng Tháp", 'dia_danh: ""')
                          .replace("noi_nhan: [Bộ Nội vụ]", 'noi_nhan: [Bộ Nội vụ, " "]'))
    assert lines == [f"{src}:5:1: dia_danh: không được để trống (gợi ý: ghi nội dung cho `dia_danh` (khóa bắt buộc)) "
                     "[CCHC-E308]",
                     f"{src}:12:23: noi_nhan[1]: không được để trống (gợi ý: bỏ mục trống này khỏi danh sách) "
                     "[CCHC-E308]"]


@pytest.mark.parametrize("lang,message", [
    ((), "biểu thức {{ }}: biểu thức trống: không có gì giữa `{{` và `}}` (gợi ý: viết giá trị cần in, ví dụ "
         "{{ so_lieu.ho_so.tiep_nhan }}; " + LITERAL + ") [CCHC-E080]"),
    (("--lang", "en"), "expression {{ }}: empty expression: nothing between `{{` and `}}` (hint: write the value to "
                       "print, e.g. {{ so_lieu.ho_so.tiep_nhan }}; to print `{{`, `{%` or `{#` as they are, write "
                       "{{ '{{' }}, {{ '{%' }}, {{ '{#' }}) [CCHC-E080]"),
])
def test_an_empty_expression_is_said_in_the_language_of_messages(tmp_path, capsys, lang, message):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("doan: Nội dung.", "doan: Tổng {{ }} hồ sơ."), *lang)
    assert lines == [f"{src}:11:5: noi_dung[0].doan: {message}"]


def test_an_unfinished_expression_is_said_in_vietnamese(tmp_path, capsys):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("doan: Nội dung.", "doan: Tổng {{ 1 + }} hồ sơ."))
    assert lines == [f"{src}:11:5: noi_dung[0].doan: biểu thức {{{{ 1 + }}}}: biểu thức chưa trọn: thiếu giá trị sau "
                     "phép tính, hoặc thiếu dấu đóng ngoặc (gợi ý: kiểm tra các dấu ngoặc ( ), dấu nháy ' ' và phép "
                     f"tính; {LITERAL}) [CCHC-E080]"]


@pytest.mark.parametrize("lang,message", [
    ((), "ký tự `−` không dùng được trong biểu thức (gợi ý: gõ `-` trên bàn phím thay cho `−` (Word, Excel tự đổi "
         "dấu khi gõ hoặc chép)) [CCHC-E080]"),
    (("--lang", "en"), "the character `−` cannot be used in an expression (hint: type `-` on the keyboard instead of "
                       "`−` (Word and Excel change it as you type or copy)) [CCHC-E080]"),
])
def test_the_unicode_minus_in_an_expression_is_named_with_the_key_to_type(tmp_path, capsys, lang, message):
    """A figure may be written with `−` (numbers.read takes it), an expression may not: Jinja reads its operators."""
    src, lines = _printed(tmp_path, capsys, GOOD.replace("doan: Nội dung.", "doan: Còn {{ 5 − 2 }} hồ sơ."), *lang)
    expression = "expression" if lang else "biểu thức"
    assert lines == [f"{src}:11:5: noi_dung[0].doan: {expression} Còn {{{{ 5 − 2 }}}} hồ sơ.: {message}"]


def _rendered_text(tmp_path, text: str) -> list[str]:
    from docx import Document
    src, out = tmp_path / "plan.yaml", tmp_path / "plan.docx"
    src.write_text(text, "utf-8")
    assert main(["render", str(src), "-o", str(out)]) == 0
    document = Document(str(out))
    return [p.text for p in document.paragraphs] + [" | ".join(c.text for c in row.cells)
                                                    for table in document.tables for row in table.rows]


def test_code_openings_print_as_they_are_written_as_expressions(tmp_path, capsys):
    paragraph = ("\"Cú pháp {{ '{{' }} tên }}, {{ '{%' }} if %} và {{ '{#' }} ghi chú #}; "
                 "{{ so_lieu.a }} hồ sơ.\"")
    texts = _rendered_text(tmp_path, GOOD.replace("doan: Nội dung.", f"doan: {paragraph}") + "so_lieu: {a: 12}\n")
    assert "Cú pháp {{ tên }}, {% if %} và {# ghi chú #}; 12 hồ sơ." in texts


def test_a_statement_opening_says_how_to_print_it(tmp_path, capsys):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("doan: Nội dung.", "doan: Nhập {% tên %} vào ô."))
    assert lines == [f"{src}:11:5: noi_dung[0].doan: biểu thức Nhập {{% tên %}} vào ô.: chỉ dùng biểu thức `{{{{ … }}}}`, "
                     "không dùng câu lệnh `{% … %}` hay `{# … #}` (gợi ý: điều kiện viết trong biểu thức: "
                     f"{{{{ 'đạt' if a >= b else 'chưa đạt' }}}}; {LITERAL}) [CCHC-E080]"]


def test_the_unicode_minus_is_the_minus_in_figures_and_totals(tmp_path):
    """`−` (U+2212) as Word and Excel print it: a figure that was refused, and an amount that was left out of its
    total as text (the total said 300)."""
    table = TABLE.replace("      - {noi_dung: Rà soát", "      - {noi_dung: Hoàn trả, chu_tri: Sở Tài chính, "
                                                         "kinh_phi: '−1.500,5'}\n      - {noi_dung: Rà soát")
    texts = _rendered_text(tmp_path, table.replace("doan: Nội dung.", "doan: Chênh lệch {{ so_lieu.a }}.")
                           + "so_lieu: {a: −781}\n")
    assert "Chênh lệch -781." in texts
    assert any(t.startswith("1 | Hoàn trả") and "| −1.500,5 |" in t for t in texts)  # the cell as typed
    assert any(t.startswith("Tổng cộng") and "| -1.200,5 |" in t for t in texts), texts


# The plan with a report's figures, one paragraph printing a figure through EXPR (line 11).
EXPR = "{{ so_lieu.ho_so.tiep_nhan | so }}"
REPORT = (GOOD.replace("loai: ke_hoach", "loai: bao_cao").replace("doan: Nội dung.", f"doan: Tiếp nhận {EXPR} hồ sơ.")
          .replace("ngay: 2021-01-05", "ngay: 2021-07-05")
          + "ky_bao_cao: {tu: 2021-01-01, den: 2021-06-30}\nso_lieu:\n  ho_so: {tiep_nhan: 44333, dung_han: 34908}\n")
P, T, R = GOOD, TABLE, REPORT
# Bad inputs a clerk can write, each with the problem it must give: (name, base, replace this, with that,
# (line, key, code)); every problem printed must carry a hint, in Vietnamese and in English.
BAD = [
    ('misspelt key', P, 'trich_yeu:', 'trich_yue:', (8, 'trich_yue', 'E002')),
    ('required key missing', P, 'luu: VT\n', '', (1, 'luu', 'E001')),
    ('list for a text', P, 'dia_danh: Đồng Tháp', 'dia_danh: [Đồng, Tháp]', (5, 'dia_danh', 'E003')),
    ('list for a mapping', P, 'co_quan:\n', 'co_quan: []\nx_co_quan:\n', (2, 'co_quan', 'E005')),
    ('column key with diacritics', T, 'cot: ke_hoach_8_cot', 'cot: [{khoa: Nội dung, ten: Nội dung}]',
     (20, 'phu_luc[0].cot[0].khoa', 'E006')),
    ('column width as text', T, 'cot: ke_hoach_8_cot', 'cot: [{khoa: noi_dung, ten: Nội dung, rong: rộng}]',
     (20, 'phu_luc[0].cot[0].rong', 'E007')),
    ('column width 0', T, 'cot: ke_hoach_8_cot', 'cot: [{khoa: noi_dung, ten: Nội dung, rong: 0}]',
     (20, 'phu_luc[0].cot[0].rong', 'E009')),
    ('column width true', T, 'cot: ke_hoach_8_cot', 'cot: [{khoa: noi_dung, ten: Nội dung, rong: true}]',
     (20, 'phu_luc[0].cot[0].rong', 'E310')),
    ('number as text', P, 'so: 5', 'so: năm', (6, 'so', 'E008')),
    ('number with decimals', P, 'so: 5', 'so: 1.5', (6, 'so', 'E008')),
    ('number 0', P, 'so: 5', 'so: 0', (6, 'so', 'E009')),
    ('number with the unicode minus', P, 'so: 5', 'so: −5', (6, 'so', 'E009')),
    ('number true', P, 'so: 5', 'so: true', (6, 'so', 'E310')),
    ('number 1.500', P, 'so: 5', 'so: 1.500', (6, 'so', 'E020')),
    ('number in millions', P, 'so: 5', 'so: 3 triệu', (6, 'so', 'E020')),
    ('number too large', P, 'so: 5', 'so: 1' + '0' * 30, (6, 'so', 'E026')),
    ('boolean yes', P, 'luu: VT', 'luu: VT\ndu_thao: yes', (14, 'du_thao', 'E010')),
    ('boolean 3', P, 'luu: VT', 'luu: VT\ndu_thao: 3', (14, 'du_thao', 'E010')),
    ('unknown choice', P, 'luu: VT', 'luu: VT\ndo_khan: gap', (14, 'do_khan', 'E011')),
    ('unknown type', P, 'loai: ke_hoach', 'loai: ke_hoch', (1, 'loai', 'E300')),
    ('day not in the calendar', P, 'ngay: 2021-01-05', 'ngay: 2021-02-30', (7, 'ngay', 'E301')),
    ('month 13', P, 'ngay: 2021-01-05', 'ngay: 2021-13-01', (7, 'ngay', 'E021')),
    ('date as words', P, 'ngay: 2021-01-05', 'ngay: hôm qua', (7, 'ngay', 'E304')),
    ('year out of range', P, 'ngay: 2021-01-05', 'ngay: 1800-01-01', (7, 'ngay', 'E305')),
    ('two-digit year', P, 'ngay: 2021-01-05', 'ngay: 01/02/21', (7, 'ngay', 'E021')),
    ('empty text', P, 'dia_danh: Đồng Tháp', 'dia_danh: ""', (5, 'dia_danh', 'E308')),
    ('empty item', P, 'noi_nhan: [Bộ Nội vụ]', 'noi_nhan: [Bộ Nội vụ, ""]', (12, 'noi_nhan[1]', 'E308')),
    ('empty cell', T, 'phoi_hop: Sở Tư pháp', 'phoi_hop: ""', (23, 'phu_luc[0].dong[0].phoi_hop', 'E308')),
    ('control character', P, 'dia_danh: Đồng Tháp', 'dia_danh: "Đồng\\x07Tháp"', (5, 'dia_danh', 'E076')),
    ('bidirectional control', P, 'dia_danh: Đồng Tháp', 'dia_danh: Đồng\u202eTháp', (5, None, 'E018')),
    ('colon in a text', P, 'dia_danh: Đồng Tháp', 'dia_danh: Đồng: Tháp', (5, None, 'E012')),
    ('colon in a value', P, 'trich_yeu: Cải cách hành chính năm 2021', 'trich_yeu: Về việc: cải cách',
     (8, None, 'E012')),
    ("yes for a part's number", P, '    doan: Nội dung.', '    doan: Nội dung.\n    so: no',
     (12, 'noi_dung[0].so', 'E311')),
    ('unknown numbering', P, 'luu: VT', 'luu: VT\ndanh_so: {cap: [X]}', (14, 'danh_so.cap[0]', 'E312')),
    ('cell as a mapping', T, 'noi_dung: Rà soát,', 'noi_dung: {a: 1},', (23, 'phu_luc[0].dong[0].noi_dung', 'E313')),
    ('merge of one column', T, '{noi_dung: Rà soát,', '{gop: [noi_dung], noi_dung: Rà soát,',
     (23, 'phu_luc[0].dong[0].gop', 'E320')),
    ('amount in English notation', T, 'kinh_phi: 300', "kinh_phi: '3,000,000'",
     (23, 'phu_luc[0].dong[0].kinh_phi', 'E027')),
    ('amount read two ways', T, 'kinh_phi: 300', "kinh_phi: '1.500'", (23, 'phu_luc[0].dong[0].kinh_phi', 'E027')),
    ('decimal comma in braces', T, 'kinh_phi: 300', 'kinh_phi: 1,5', (23, 'phu_luc[0].dong[0].kinh_phi', 'E020')),
    ('footnote without its note', P, 'doan: Nội dung.', 'doan: Nội dung[^1].', (1, 'chu_thich', 'E054')),
    ('note without its mark', P, 'luu: VT', 'luu: VT\nchu_thich: {1: Ghi chú}', (14, 'chu_thich.1', 'E055')),
    ('key of another type', P, 'luu: VT', 'luu: VT\ndieu: [Điều một.]', (14, 'dieu', 'E064')),
    ('no abbreviation', P, '  viet_tat: UBND\n', '', (2, 'co_quan', 'E050')),
    ('no signer title', P, '  chuc_vu: CHỦ TỊCH\n', '', (14, 'nguoi_ky.chuc_vu', 'E630')),
    ("title in the signer's name", P, 'ho_ten: Nguyễn Văn A', 'ho_ten: TS. Nguyễn Văn A',
     (17, 'nguoi_ky.ho_ten', 'E631')),
    ('parts too deep', P, '    doan: Nội dung.', '    muc: [{tieu_de: a, muc: [{tieu_de: b, muc: [{tieu_de: c}]}]}]',
     (11, 'noi_dung[0].muc[0].muc[0].muc[0]', 'E062')),
    ('inherited file missing', P, 'loai: ke_hoach', 'loai: ke_hoach\nke_thua: khong-co.yaml', (2, 'ke_thua', 'E082')),
    ('kem_theo outside a decision', P, 'luu: VT', 'luu: VT\nkem_theo: quy-che.yaml', (14, 'kem_theo', 'E082')),
    ('tab indentation', P, '  viet_tat: UBND', '\tviet_tat: UBND', (4, None, 'E012')),
    ('unclosed bracket', P, 'luu: VT', 'luu: [VT', (14, None, 'E012')),
    ('unclosed quote', P, 'dia_danh: Đồng Tháp', 'dia_danh: "Đồng Tháp', (18, None, 'E012')),
    ('duplicate key', P, 'luu: VT', 'luu: VT\nluu: VT', (14, 'luu', 'E013')),
    ('YAML tag', P, 'luu: VT', 'luu: !!python/object x', (13, 'luu', 'E073')),
    ('two documents', P, 'luu: VT', 'luu: VT\n---\nloai: ke_hoach', (14, None, 'E074')),
    ('unknown alias', P, 'luu: VT', 'luu: *vt', (13, 'luu', 'E078')),
    ('list as a key', P, 'luu: VT', '? [a, b]\n: 1\nluu: VT', (13, None, 'E071')),
    ('not a mapping', None, None, '- loai: ke_hoach\n- so: 5\n', (1, None, 'E085')),
    ('figure as words', R, 'dung_han: 34908', 'dung_han: nhiều', (20, 'so_lieu.ho_so.dung_han', 'E024')),
    ('figure read two ways', R, 'dung_han: 34908', "dung_han: '1.500'", (20, 'so_lieu.ho_so.dung_han', 'E023')),
    ('figure in English notation', R, 'dung_han: 34908', "dung_han: '3,000,000'",
     (20, 'so_lieu.ho_so.dung_han', 'E023')),
    ('figure true', R, 'dung_han: 34908', 'dung_han: true', (20, 'so_lieu.ho_so.dung_han', 'E024')),
    ('figure too large', R, 'dung_han: 34908', 'dung_han: 1' + '0' * 30, (20, 'so_lieu.ho_so.dung_han', 'E026')),
    ('figures as a number', R, 'so_lieu:\n  ho_so: {tiep_nhan: 44333, dung_han: 34908}\n', 'so_lieu: 5\n',
     (19, 'so_lieu', 'E005')),
    ('period reversed', R, '{tu: 2021-01-01, den: 2021-06-30}', '{tu: 2021-07-01, den: 2021-06-30}',
     (18, 'ky_bao_cao.den', 'E029')),
    ('period ending months after the report', R, 'den: 2021-06-30', 'den: 2021-12-31',
     (18, 'ky_bao_cao.den', 'E640')),
    ('period ending months after a report of a month', R, 'ngay: 2021-07-05', 'ngay: 2021-02',
     (18, 'ky_bao_cao.den', 'E640')),
    ('period without its day', R, '{tu: 2021-01-01, den: 2021-06-30}', '{tu: 2021-01, den: 2021-06-30}',
     (18, 'ky_bao_cao.tu', 'E028')),
    ('period as words', R, 'ky_bao_cao: {tu: 2021-01-01, den: 2021-06-30}', 'ky_bao_cao: quý II',
     (18, 'ky_bao_cao', 'E005')),
    ('results without a plan', R, 'luu: VT', 'luu: VT\nket_qua: {tt-noi-bo: hoan_thanh}', (14, 'ket_qua', 'E045')),
    ('empty expression', R, EXPR, '{{ }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unfinished expression', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan + }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unclosed bracket in an expression', R, EXPR, '{{ so(so_lieu.ho_so.tiep_nhan }}',
     (11, 'noi_dung[0].doan', 'E080')),
    ('unclosed quote in an expression', R, EXPR, "{{ 'abc }}", (11, 'noi_dung[0].doan', 'E080')),
    ('two values in one expression', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan x }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unclosed expression', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan', (11, 'noi_dung[0].doan', 'E080')),
    ('statement', R, EXPR, '{% if so_lieu %}', (11, 'noi_dung[0].doan', 'E080')),
    ('comment', R, EXPR, '{{ 1 }} {# ghi chú #}', (11, 'noi_dung[0].doan', 'E080')),
    ('misspelt figure', R, EXPR, '{{ so_lieu.ho_so.tiep_nhann }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unknown name', R, EXPR, '{{ so_lieuu.ho_so }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unknown filter', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan | sooo }}', (11, 'noi_dung[0].doan', 'E080')),
    ('unknown function', R, EXPR, '{{ range(3) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('function without brackets', R, EXPR, '{{ so }}', (11, 'noi_dung[0].doan', 'E080')),
    ('a block printed', R, EXPR, '{{ so_lieu.ho_so }}', (11, 'noi_dung[0].doan', 'E080')),
    ('division by 0', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan / 0 }}', (11, 'noi_dung[0].doan', 'E080')),
    ('arithmetic on text', R, EXPR, "{{ 'a' * 3 }}", (11, 'noi_dung[0].doan', 'E080')),
    ('power too large', R, EXPR, '{{ 10 ** 50 }}', (11, 'noi_dung[0].doan', 'E080')),
    ('dot on a number', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan.x }}', (11, 'noi_dung[0].doan', 'E080')),
    ('index of a block', R, EXPR, '{{ so_lieu.ho_so[0] }}', (11, 'noi_dung[0].doan', 'E080')),
    ('decimals out of range', R, EXPR, '{{ so(1, 9) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('so of a text', R, EXPR, "{{ so('a') }}", (11, 'noi_dung[0].doan', 'E080')),
    ('unknown money unit', R, EXPR, "{{ tien(1, 'xu') }}", (11, 'noi_dung[0].doan', 'E080')),
    ('bang_chu of a fraction', R, EXPR, '{{ bang_chu(1.5) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('bang_chu unit as a number', R, EXPR, '{{ bang_chu(1, 2) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('date that is no date', R, EXPR, "{{ ngay('abc') }}", (11, 'noi_dung[0].doan', 'E080')),
    ('private key', R, EXPR, '{{ so_lieu._x }}', (11, 'noi_dung[0].doan', 'E080')),
    ('arguments spread', R, EXPR, '{{ so(*so_lieu) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('too many arguments', R, EXPR, '{{ so(1, 2, 3) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('plan not given', R, EXPR, '{{ ke_hoach.so }}', (11, 'noi_dung[0].doan', 'E080')),
    ('index of a number', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan[0] }}', (11, 'noi_dung[0].doan', 'E080')),
    ('result too large', R, EXPR, '{{ 10 ** 20 * 10 ** 20 }}', (11, 'noi_dung[0].doan', 'E080')),
    ('alias of a list as a key', P, 'luu: VT', 'so_lieu: {a: &a [1], *a : 1}\nluu: VT', (13, 'so_lieu', 'E071')),
    ('unicode minus in an expression', R, EXPR, '{{ so_lieu.ho_so.tiep_nhan − 1 }}', (11, 'noi_dung[0].doan', 'E080')),
    ('curly quotes in an expression', R, EXPR, '{{ bang_chu(1, “đồng”) }}', (11, 'noi_dung[0].doan', 'E080')),
    ('expression too long', R, EXPR, '{{ ' + '+'.join(['1'] * 150) + ' }}', (11, 'noi_dung[0].doan', 'E080')),
]


def test_the_bases_are_good():
    import ccch_docs
    for base in (GOOD, TABLE, REPORT):
        ccch_docs.loads(base)


@pytest.mark.parametrize("name,base,old,new,expected", BAD, ids=[c[0] for c in BAD])
def test_every_problem_of_a_bad_input_has_a_hint(tmp_path, capsys, name, base, old, new, expected):
    text = new if base is None else base.replace(old, new, 1)
    assert base is None or text != base
    line, key, code = expected
    for lang, hint in (((), "(gợi ý: "), (("--lang", "en"), "(hint: ")):
        src, lines = _printed(tmp_path, capsys, text, *lang)
        assert lines and all(hint in printed and printed.endswith("]") for printed in lines), "\n".join(lines)
        assert any(printed.startswith(f"{src}:{line}:") and (key is None or f": {key}: " in printed)
                   and printed.endswith(f"[CCHC-{code}]") for printed in lines), "\n".join(lines)


def test_a_file_that_is_not_there_is_hinted_to_the_closest_name_in_its_folder(tmp_path, capsys):
    (tmp_path / "ke-hoach-2021.yaml").write_text(GOOD, "utf-8")
    for typed in ("ke-hoach-2012.yaml", "ke-hoach-2021", "khac.yaml"):
        assert main(["validate", str(tmp_path / typed)]) == 2
        hint = ("có phải ý bạn là `ke-hoach-2021.yaml`?" if typed != "khac.yaml"
                else "kiểm tra tên tệp và đường dẫn (tính từ thư mục đang làm việc)")
        assert capsys.readouterr().err.splitlines() == [
            f"{tmp_path / typed}: không có tệp hoặc thư mục này (gợi ý: {hint}) [CCHC-E095]", "1 lỗi."]


def test_a_folder_without_yaml_and_two_files_to_stdout_say_what_to_do(tmp_path, capsys):
    assert main(["render", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{tmp_path}: không có tệp YAML nào ở đây (gợi ý: tệp văn bản có đuôi .yaml hoặc .yml; tạo tệp khởi đầu: "
        "python -m ccch_docs init --loai ke_hoach -o ke-hoach.yaml) [CCHC-E094]")
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(GOOD, "utf-8")
    assert main(["--lang", "en", "render", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml"), "-o", "-"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        "-o -: -o - takes a single YAML file (hint: name one YAML file, or write the documents to a folder: "
        "-o van-ban/) [CCHC-E093]")


def test_two_documents_written_to_one_file_say_what_to_do(tmp_path, capsys):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "ke-hoach.yaml").write_text(GOOD, "utf-8")
    assert main(["render", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "out") + "/"]) == 2
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{tmp_path / 'b' / 'ke-hoach.yaml'}: hai văn bản cùng ghi ra một tệp (gợi ý: hai tệp YAML cùng tên (ở hai thư "
        "mục, hoặc .yaml và .yml): đổi tên một tệp, hoặc dựng mỗi thư mục ra một -o riêng) [CCHC-E096]")


@pytest.mark.parametrize("lang,expression,message", [
    ((), "so(1, 2, 3)", "`so` nhận từ 1 đến 2 giá trị, không phải 3 (gợi ý: cách gọi: so(x, thap_phan))"),
    (("--lang", "en"), "so(1, 2, 3)", "`so` takes 1 to 2 values, not 3 (hint: call it so: so(x, thap_phan))"),
    ((), "5|so(2, 3)", "`so` nhận từ 1 đến 2 giá trị, không phải 3 (gợi ý: cách gọi: so(x, thap_phan))"),
    ((), "ti_le(1, thap_phan=2)", "`ti_le` thiếu tham số `tong` (gợi ý: cách gọi: ti_le(phan, tong, thap_phan, "
                                  "co_dinh))"),
    (("--lang", "en"), "ti_le(1, thap_phan=2)", "`ti_le` lacks parameter `tong` (hint: call it so: ti_le(phan, "
                                                "tong, thap_phan, co_dinh))"),
    ((), "so(1, tahp_phan=2)", "`so` không có tham số `tahp_phan` (gợi ý: có phải ý bạn là `thap_phan`?)"),
    (("--lang", "en"), "so(1, 2, thap_phan=3)", "parameter `thap_phan` of `so` is given twice (hint: call it so: "
                                                "so(x, thap_phan))"),
])
def test_a_function_given_the_wrong_values_says_what_it_takes(tmp_path, capsys, lang, expression, message):
    """Python's own words (`so() takes from 1 to 2 positional arguments …`) are not the clerk's."""
    src, lines = _printed(tmp_path, capsys, GOOD.replace("doan: Nội dung.", f"doan: Có {{{{ {expression} }}}}."),
                          *lang)
    said = "expression" if lang else "biểu thức"
    assert lines == [f"{src}:11:5: noi_dung[0].doan: {said} {{{{ {expression} }}}}: {message} [CCHC-E080]"]
