"""Malformed input: each gives a message naming the file, line, key and a hint; the CLI exits 2 and writes nothing."""

from __future__ import annotations

import textwrap

import pytest

import ccch_docs
from ccch_docs.cli import main

GOOD = textwrap.dedent("""\
    loai: ke_hoach
    co_quan:
      ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP]
      viet_tat: UBND
    dia_danh: Đồng Tháp
    so: 5
    ngay: 2021-01-05
    trich_yeu: Cải cách hành chính năm 2021
    noi_dung:
      - tieu_de: MỤC ĐÍCH
        doan: Nội dung.
    noi_nhan: [Bộ Nội vụ]
    luu: VT
    nguoi_ky:
      tm: ỦY BAN NHÂN DÂN
      chuc_vu: CHỦ TỊCH
      ho_ten: Nguyễn Văn A
    """)

# (name, replace this, with that, expected: (line, key, words in the message, words in the hint))
CASES = [
    ("misspelt key", "trich_yeu:", "trich_yue:", (8, "trich_yue", "khóa không có", "trich_yeu")),
    ("misspelt nested key", "  viet_tat:", "  viettat:", (4, "co_quan.viettat", "khóa không có", "viet_tat")),
    ("unknown type", "loai: ke_hoach", "loai: ke_hoch", (1, "loai", "Phụ lục III", "ke_hoach")),
    ("missing trích yếu", "trich_yeu: Cải cách hành chính năm 2021\n", "", (1, "trich_yeu", "thiếu", "trich_yeu")),
    ("missing signer name", "  ho_ten: Nguyễn Văn A\n", "", (14, "nguoi_ky.ho_ten", "thiếu", "ho_ten")),
    ("bad month", "ngay: 2021-01-05", "ngay: 2021-13-05", (7, "ngay", "không có trên lịch", "viết 2021-05-13")),
    ("bad day", "ngay: 2021-01-05", "ngay: 31/02/2021", (7, "ngay", "không có trên lịch", "05/12/2021")),
    ("bad date text", "ngay: 2021-01-05", "ngay: hôm qua", (7, "ngay", "cần một ngày", "2021-12")),
    ("negative number", "so: 5", "so: -5", (6, "so", "lớn hơn 0", None)),
    ("text number", "so: 5", "so: năm", (6, "so", "số nguyên", None)),
    ("mapping for text", "dia_danh: Đồng Tháp", "dia_danh: {a: 1}", (5, "dia_danh", "chuỗi", None)),
    ("list for mapping", "nguoi_ky:\n", "nguoi_ky: []\nx_nguoi_ky:\n", (14, "nguoi_ky", "khối", None)),
    ("bad urgency", "luu: VT", "luu: VT\ndo_khan: gap", (14, "do_khan", "không hợp lệ", "khan")),
    ("empty text", "dia_danh: Đồng Tháp", 'dia_danh: " "', (5, "dia_danh", "trống", None)),
    ("duplicate key", "luu: VT", "luu: VT\nluu: VT2", (14, "luu", "lặp lại", None)),
    ("bad part key", "    doan: Nội dung.", "    doann: Nội dung.", (11, "noi_dung[0].doann", "khóa", "doan")),
    ("too deep", "    doan: Nội dung.",
     "    muc: [{tieu_de: a, muc: [{tieu_de: b, muc: [{tieu_de: c}]}]}]", (11, "noi_dung[0].muc[0].muc[0].muc[0]", "ba cấp", "- ")),
    ("no abbreviation", "  viet_tat: UBND\n", "", (2, "co_quan", "viet_tat", "ky_hieu")),
    ("control character", "dia_danh: Đồng Tháp", 'dia_danh: "Đồng\\x07Tháp"', (5, "dia_danh", "điều khiển", None)),
    ("yaml syntax", "luu: VT", "luu: [VT", (None, None, "YAML không hợp lệ", "thụt lề")),
    ("tab indentation", "  viet_tat: UBND", "\tviet_tat: UBND", (None, None, "YAML không hợp lệ", None)),
    ("not a mapping", None, "- a\n- b\n", (1, None, "ánh xạ", None)),
]


DECISION = textwrap.dedent("""\
    loai: quyet_dinh
    co_quan: {ten: [ỦY BAN NHÂN DÂN, TỈNH VĨNH LONG], viet_tat: UBND}
    dia_danh: Vĩnh Long
    trich_yeu: Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh
    tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH
    can_cu: [Luật Tổ chức chính quyền địa phương ngày 19/6/2015]
    dieu:
      - Kiện toàn Ban Chỉ đạo.
      - doan: Chánh Văn phòng chịu trách nhiệm thi hành Quyết định này./.
    luu: VT
    nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Nguyễn Văn A}
    """)

LETTER = textwrap.dedent("""\
    loai: cong_van
    co_quan: {ten: VĂN PHÒNG, viet_tat: VPUBND}
    dia_danh: Đồng Tháp
    don_vi_soan: KSTTHC
    trich_yeu: báo cáo kết quả cải cách hành chính
    kinh_gui: [Sở Nội vụ]
    mo_dau: Đề nghị Sở Nội vụ báo cáo./.
    luu: VT
    nguoi_ky: {chuc_vu: CHÁNH VĂN PHÒNG, ho_ten: Nguyễn Văn A}
    """)

# The keys of Quyết định and Công văn: (name, base, replace this, with that, expected as in CASES)
LAYOUT_CASES = [
    ("empty dieu", DECISION, "dieu:\n  - Kiện toàn Ban Chỉ đạo.\n  - doan: Chánh Văn phòng chịu trách nhiệm thi hành "
     "Quyết định này./.\n", "dieu: []\n", (7, "dieu", "ít nhất một Điều", "dieu")),
    ("no dieu", DECISION, "dieu:\n  - Kiện toàn Ban Chỉ đạo.\n  - doan: Chánh Văn phòng chịu trách nhiệm thi hành "
     "Quyết định này./.\n", "", (1, "dieu", "ít nhất một Điều", "tieu_de, doan, muc")),
    ("empty Điều", DECISION, "  - Kiện toàn Ban Chỉ đạo.", "  - {}", (8, "dieu[0]", "trống", "doan")),
    ("Điều as a list", DECISION, "  - Kiện toàn Ban Chỉ đạo.", "  - [a, b]", (8, "dieu[0]", "mỗi Điều", "tieu_de")),
    ("misspelt Điều key", DECISION, "  - doan: Chánh", "  - doann: Chánh", (9, "dieu[1].doann", "khóa không có", "doan")),
    ("misspelt căn cứ", DECISION, "can_cu:", "can_cuu:", (6, "can_cuu", "khóa không có", "can_cu")),
    ("Điều too deep", DECISION, "  - Kiện toàn Ban Chỉ đạo.",
     "  - muc: [{doan: a, muc: [{doan: b, muc: [{doan: c}]}]}]", (8, "dieu[0].muc[0].muc[0].muc[0]", "Điều → 1. → a)", "- ")),
    ("no authority line", DECISION, "tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\n", "",
     (1, "tham_quyen", "thẩm quyền", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")),
    ("body of a plan in a decision", DECISION, "luu: VT", "luu: VT\nnoi_dung: [{doan: x}]",
     (11, "noi_dung", "không có phần `noi_dung`", "dieu")),
    ("Kính gửi in a decision", DECISION, "luu: VT", "luu: VT\nkinh_gui: Sở Nội vụ", (11, "kinh_gui", "không có phần", None)),
    ("dieu in a plan", GOOD, "luu: VT", "luu: VT\ndieu: [Điều một.]", (14, "dieu", "chỉ dùng cho `loai: quyet_dinh`", "quyet_dinh")),
    ("căn cứ in a plan", GOOD, "luu: VT", "luu: VT\ncan_cu: Luật A", (14, "can_cu", "chỉ dùng cho", None)),
    ("letter without drafting unit", LETTER, "don_vi_soan: KSTTHC\n", "",
     (1, "don_vi_soan", "đơn vị soạn thảo", "don_vi_soan: KSTTHC")),
    ("letter without Kính gửi", LETTER, "kinh_gui: [Sở Nội vụ]\n", "", (1, "kinh_gui", "Kính gửi", "kinh_gui")),
    ("drafting unit in a plan", GOOD, "luu: VT", "luu: VT\ndon_vi_soan: KSTTHC",
     (14, "don_vi_soan", "chỉ dùng cho `loai: cong_van`", "cong_van")),
    ("misspelt drafting unit", LETTER, "don_vi_soan:", "don_vi_soaan:", (4, "don_vi_soaan", "khóa không có", "don_vi_soan")),
]


def _text(old, new):
    return new if old is None else GOOD.replace(old, new, 1)


def test_good_input_is_good():
    assert ccch_docs.loads(GOOD).trich_yeu == ("Cải cách hành chính năm 2021",)
    assert len(ccch_docs.loads(DECISION).dieu) == 2
    assert ccch_docs.loads(LETTER).don_vi_soan == "KSTTHC"


@pytest.mark.parametrize("name,old,new,expected", CASES, ids=[c[0] for c in CASES])
def test_malformed_input(name, old, new, expected):
    text = _text(old, new)
    assert text != GOOD
    _assert_problem(text, expected)


@pytest.mark.parametrize("name,base,old,new,expected", LAYOUT_CASES, ids=[c[0] for c in LAYOUT_CASES])
def test_malformed_layout_keys(name, base, old, new, expected):
    text = base.replace(old, new, 1)
    assert text != base
    _assert_problem(text, expected)


def _assert_problem(text, expected):
    line, key, words, hint = expected
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    matching = [p for p in info.value.problems if words in p.message]
    assert matching, str(info.value)
    p = matching[0]
    assert p.file == "plan.yaml"
    if line is not None:
        assert p.line == line, str(info.value)
    if key is not None:
        assert p.key == key
    if hint is not None:
        assert hint in (p.hint or ""), str(info.value)
    assert str(info.value).startswith("plan.yaml:")


def test_several_problems_reported_at_once():
    text = GOOD.replace("trich_yeu:", "trich_yue:").replace("  viet_tat:", "  viettat:").replace("so: 5", "so: -1")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    keys = {p.key for p in info.value.problems}
    assert {"trich_yue", "co_quan.viettat", "so", "trich_yeu"} <= keys
    assert str(info.value).splitlines()[-1] == f"{len(info.value.problems)} lỗi."


def test_cli_exit_2_no_traceback_no_output(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(GOOD.replace("trich_yeu:", "trich_yue:"), "utf-8")
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{src}:8:1: trich_yue:" in err and "Traceback" not in err
    assert not out.exists() and list(tmp_path.iterdir()) == [src]


def test_cli_failed_render_keeps_existing_output(tmp_path, capsys):
    src = tmp_path / "plan.yaml"
    src.write_text(GOOD, "utf-8")
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 0
    before = out.read_bytes()
    src.write_text(GOOD.replace("so: 5", "so: x"), "utf-8")
    assert main(["render", str(src), "-o", str(out)]) == 2
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.docx", "plan.yaml"]


def test_cli_missing_file(tmp_path, capsys):
    assert main(["validate", str(tmp_path / "nope.yaml")]) == 2  # said as render says it
    assert capsys.readouterr().err.startswith(f"{tmp_path / 'nope.yaml'}: không có tệp hoặc thư mục này (gợi ý: kiểm "
                                              "tra tên tệp và đường dẫn (tính từ thư mục đang làm việc)) [CCHC-E095]")


def test_ke_thua_problems(tmp_path):
    (tmp_path / "a.yaml").write_text("ke_thua: b.yaml\n", "utf-8")
    (tmp_path / "b.yaml").write_text("ke_thua: a.yaml\n", "utf-8")
    with pytest.raises(ccch_docs.InputError, match="vòng tròn"):
        ccch_docs.load(tmp_path / "a.yaml")
    (tmp_path / "c.yaml").write_text("ke_thua: missing.yaml\n", "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(tmp_path / "c.yaml")
    assert info.value.problems[0].line == 1 and info.value.problems[0].key == "ke_thua"


def test_problem_in_inherited_file_points_there(tmp_path):
    (tmp_path / "unit.yaml").write_text("dia_danh: Đồng Tháp\nco_quan: {ten: SỞ NỘI VỤ, viettat: SNV}\n", "utf-8")
    body = GOOD.replace("dia_danh: Đồng Tháp\n", "").replace(
        "co_quan:\n  ten: [ỦY BAN NHÂN DÂN, TỈNH ĐỒNG THÁP]\n  viet_tat: UBND\n", "")
    (tmp_path / "doc.yaml").write_text("ke_thua: unit.yaml\n" + body, "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(tmp_path / "doc.yaml")
    p = next(p for p in info.value.problems if p.key == "co_quan.viettat")
    assert p.file.endswith("unit.yaml") and p.line == 2


def test_mapping_keys_stay_text():
    """`1.10:` is the key "1.10", not the number 1.1 (report results are keyed by row ids such as this)."""
    from ccch_docs import source
    data = source.load_text('"1.2": a\n1.10: b\n2021: c\n').data
    assert data == {"1.2": "a", "1.10": "b", "2021": "c"}


@pytest.mark.parametrize("cell,written", [("kinh_phi: 1,5", "1,5"), ("kinh_phi: 2.500,75", "2.500,75")])
def test_a_decimal_comma_inside_braces_is_one_message_at_the_cell(tmp_path, capsys, cell, written):
    src = tmp_path / "plan.yaml"
    row = f"      - {{noi_dung: Rà soát, {cell}, chu_tri: Sở Nội vụ}}"
    src.write_text(GOOD + f"phu_luc:\n  - tieu_de: Nhiệm vụ\n    cot: ke_hoach_8_cot\n    dong:\n{row}\n", "utf-8")
    line = len(GOOD.splitlines()) + 5
    assert main(["render", str(src)]) == 2
    err = capsys.readouterr().err
    assert err == (f"{src}:{line}:{row.index(written) + 1}: phu_luc[0].dong[0].kinh_phi: số viết không rõ "
                   f'(gợi ý: trong {{ … }} dấu phẩy ngăn các khóa: viết kinh_phi: "{written}") [CCHC-E020]\n1 lỗi.\n')
    assert not (tmp_path / "plan.docx").exists()
    assert main(["--lang", "en", "validate", str(src)]) == 2
    assert 'inside { … } a comma separates keys: write kinh_phi: "' + written in capsys.readouterr().err


def test_a_rate_with_a_decimal_comma_inside_braces_is_one_message_at_the_cell(tmp_path, capsys):
    # `7%` was read as a key of its own: two messages about a key `7%`, none about the comma.
    src = tmp_path / "plan.yaml"
    row = "      - {noi_dung: Rà soát, kinh_phi: 78,7%, chu_tri: Sở Nội vụ}"
    src.write_text(GOOD + f"phu_luc:\n  - tieu_de: Nhiệm vụ\n    cot: ke_hoach_8_cot\n    dong:\n{row}\n", "utf-8")
    assert main(["render", str(src)]) == 2
    assert capsys.readouterr().err == (
        f"{src}:{len(GOOD.splitlines()) + 5}:{row.index('78,7%') + 1}: phu_luc[0].dong[0].kinh_phi: số viết không rõ "
        '(gợi ý: trong { … } dấu phẩy ngăn các khóa: viết kinh_phi: "78,7%") [CCHC-E020]\n1 lỗi.\n')


def test_json_after_a_number_is_not_a_split_number():
    """Keys and items as JSON writes them: a quoted key of digits, numbers with no space after the comma."""
    from ccch_docs import source
    data = source.load_text('so_lieu: {"a": 1,"2": [3,4]}\n').data
    assert data == {"so_lieu": {"a": 1, "2": [3, 4]}}


@pytest.mark.parametrize("cell,written", [("[97,5%]", "97,5%"), ("[12, 78,7%]", "78,7%")])
def test_a_decimal_comma_inside_brackets_is_one_message_at_the_item(tmp_path, capsys, cell, written):
    # The list was read as two lines of the cell (97 / 5%), printed without a word.
    src = tmp_path / "plan.yaml"
    row = f"      - {{noi_dung: Rà soát, san_pham: {cell}, chu_tri: Sở Nội vụ}}"
    src.write_text(GOOD + f"phu_luc:\n  - tieu_de: Nhiệm vụ\n    cot: ke_hoach_8_cot\n    dong:\n{row}\n", "utf-8")
    assert main(["render", str(src)]) == 2
    assert capsys.readouterr().err == (
        f"{src}:{len(GOOD.splitlines()) + 5}:{row.index(written) + 1}: phu_luc[0].dong[0].san_pham[{cell.count(', ')}]: "
        f'số viết không rõ (gợi ý: trong [ … ] dấu phẩy ngăn các mục: viết "{written}" nếu là một số; hai mục thì thêm dấu cách sau '
        "dấu phẩy) [CCHC-E020]\n1 lỗi.\n")
    assert not (tmp_path / "plan.docx").exists()
    assert main(["--lang", "en", "validate", str(src)]) == 2
    assert f'inside [ … ] a comma separates items: write "{written}" if it is one number' in capsys.readouterr().err
    src.write_text(src.read_text("utf-8").replace(cell, "[12,15]"), "utf-8")  # two numbers, as JSON writes them
    assert main(["render", str(src)]) == 0
