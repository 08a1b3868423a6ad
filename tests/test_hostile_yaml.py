"""Hostile and odd YAML: each case ends in a located InputError (file, line, key) and nothing written, or in the
document the user meant, never a silently different one."""

from __future__ import annotations

import copy
import re
import textwrap
from decimal import Decimal
from types import MappingProxyType

import pytest
import yaml

import ccch_docs
from ccch_docs import yamlio
from ccch_docs.cli import main
from ccch_docs.messages import speaking
from conftest import EXAMPLES, ROOT, make_pack
from docx_view import View
from samples import PLAN
from test_input_errors import GOOD

BOMB = "".join(["l0: &l0 [1,1,1,1,1,1,1,1,1]\n"]
               + [f"l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]\n" for i in range(1, 9)])


def _with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new, 1)


# (name, the file's bytes, expected: (line, column or None, key or None, words in the message))
REFUSED = [
    ("alias bomb", (GOOD + "so_lieu:\n" + textwrap.indent(BOMB, "  ")).encode(), (25, None, "so_lieu.l6", "bí danh")),
    ("recursive alias", (GOOD + "so_lieu: &r {x: *r}\n").encode(), (18, 17, "so_lieu.x", "chính khối")),
    ("recursive alias in a list", (GOOD + "so_lieu: &r [1, *r]\n").encode(), (18, 17, "so_lieu[1]", "chính khối")),
    ("unknown alias", _with("luu: VT", "luu: *vt").encode(), (13, 6, "luu", "không có neo")),
    ("10,000 nested lists", (GOOD + "so_lieu: " + "[" * 10_000 + "]" * 10_000 + "\n").encode(),
     (18, None, None, "YAML không hợp lệ")),
    ("deep mappings", (GOOD + "so_lieu: " + "{a: " * 150 + "1" + "}" * 150 + "\n").encode(),
     (18, 406, "so_lieu" + ".a" * 99, "lồng quá sâu")),
    ("sexagesimal number", _with("so: 5", "so: 1:30").encode(), (6, 1, "so", "số nguyên")),
    ("boolean number", _with("so: 5", "so: true").encode(), (6, 1, "so", "true/false")),
    ("yes for a boolean", (GOOD + "ky_bao_cao: {tu: 2021-01-01, den: 2021-06-30, hien_thi: yes}\n").encode(),
     (18, 47, "ky_bao_cao.hien_thi", "true hoặc false")),
    ("no for a part's numbering", _with("    doan: Nội dung.", "    doan: Nội dung.\n    so: no").encode(),
     (12, 5, "noi_dung[0].so", "đúng/sai")),
    ("yes for the results phụ lục", (GOOD + "phu_luc_ket_qua: yes\n").encode(), (18, 1, "phu_luc_ket_qua", "đúng/sai")),
    ("real duplicate beside a merge", _with("  tm: ỦY BAN NHÂN DÂN\n",
                                            "  <<: {tm: X}\n  tm: ỦY BAN NHÂN DÂN\n  tm: Y\n").encode(),
     (17, 3, "nguoi_ky.tm", "lặp lại")),
    ("UTF-16 without a BOM", "loai: ke_hoach\n".encode("utf-16-le"), (1, 2, None, "U+0000")),
    ("invalid UTF-8", _with("luu: VT", "luu: V\xe0T").encode("utf-8").replace("V\xe0T".encode(), b"V\xe0T"),
     (13, 7, None, "0xE0")),
    ("Windows-1258 text", GOOD.encode().replace("Đồng Tháp".encode(), b"\xd0\xf4ng Th\xe1p", 1), (5, 11, None, "0xD0")),
    ("NUL byte", _with("luu: VT", "luu: V\x00T").encode(), (13, 7, None, "U+0000")),
    ("BEL byte", _with("luu: VT", "luu: V\x07T").encode(), (13, 7, None, "điều khiển")),
    ("U+FFFF written", _with("luu: VT", "luu: V\uffffT").encode(), (13, 7, None, "U+FFFF")),
    ("U+FFFE escaped", _with("luu: VT", 'luu: "V\\uFFFET"').encode(), (13, 6, "luu", "U+FFFE")),
    ("C0 escaped", _with("luu: VT", 'luu: "V\\x01T"').encode(), (13, 6, "luu", "điều khiển")),
    ("C0 in a quoted key", (GOOD + 'so_lieu: {"a\\x01": 1}\n').encode(), (18, 11, "so_lieu", "điều khiển")),
    # written by an escape, C1 controls and emoji passed the checks their raw forms meet, into document.xml
    ("C1 escaped", _with("luu: VT", 'luu: "V\\x9bT"').encode(), (13, 6, "luu", "điều khiển U+009B")),
    ("DEL escaped", _with("luu: VT", 'luu: "V\\u007fT"').encode(), (13, 6, "luu", "điều khiển U+007F")),
    ("emoji escaped", _with("luu: VT", 'luu: "V\\U0001F600T"').encode(), (13, 6, "luu", "U+1F600")),
    ("emoji selector escaped", _with("luu: VT", 'luu: "V\\u260e\\ufe0fT"').encode(), (13, 6, "luu", "U+260E U+FE0F")),
    # what no font of the decree has a glyph for, refused as emoji are
    ("plane-16 private use", _with("luu: VT", "luu: V\U00100000T").encode(),
     (13, 7, "luu", "(U+100000) không có trong phông")),
    ("private use escaped", _with("luu: VT", 'luu: "V\\U000F0001T"').encode(), (13, 6, "luu", "(U+F0001)")),
    ("object replacement", _with("luu: VT", "luu: V\ufffcT").encode(), (13, 7, "luu", "(U+FFFC)")),
    ("annotation anchor", _with("luu: VT", "luu: V\ufff9T").encode(), (13, 7, "luu", "(U+FFF9)")),
    ("lone surrogate escaped", _with("luu: VT", 'luu: "V\\uD800T"').encode(), (13, None, None, "YAML không hợp lệ")),
    ("sequence as a key", (GOOD + "? [a, b]\n: 1\n").encode(), (18, 3, None, "khóa phải là một chuỗi")),
    ("mapping as a key", (GOOD + "{a: 1}: 1\n").encode(), (18, 1, None, "khóa phải là một chuỗi")),
    ("python tag", _with("luu: VT", "luu: !!python/object/apply:os.system [ls]").encode(), (13, 6, "luu", "thẻ YAML")),
    ("two documents", (GOOD + "---\nloai: ke_hoach\n").encode(), (18, 1, None, "nhiều hơn một")),
    ("10**25 printed", _with("    doan: Nội dung.", '    doan: "{{ 10**25 }}"').encode(),
     (11, 5, "noi_dung[0].doan", "quá lớn")),
    ("a figure of 10^25", (GOOD + "so_lieu: {a: 10000000000000000000000000}\n").encode(),
     (18, 11, "so_lieu.a", "quá lớn")),
    ("a figure of 5,000 digits", (GOOD + "so_lieu: {a: " + "7" * 5000 + "}\n").encode(),
     (18, 11, "so_lieu.a", "phải là số")),
    ("a number of 5,000 digits", _with("so: 5", "so: " + "7" * 5000).encode(), (6, 1, "so", "quá lớn")),
    ("a cell of 10^25", (GOOD + "phu_luc: [{tieu_de: A, cot: [{khoa: x, ten: X, kieu: so}], dong: [{x: 1" + "0" * 25
                         + "}]}]\n").encode(), (18, 68, "phu_luc[0].dong[0].x", "quá lớn")),
    ("a 2,000,000-character paragraph", _with("luu: VT", "luu: " + "a" * 2_000_000).encode(),
     (13, 6, "luu", "quá dài")),
]


def test_a_docx_given_as_yaml_is_sent_to_nhap(tmp_path, capsys):
    """A .docx named where YAML is read was told to save the file as UTF-8, not Windows-1258: Word does no such
    thing; it is told to import the .docx."""
    src = tmp_path / "ke-hoach.docx"
    src.write_bytes((ROOT / "templates" / "van_ban.docx").read_bytes())
    assert main(["render", str(src), "-o", str(tmp_path / "out.docx")]) == 2
    err = capsys.readouterr().err
    assert "(gợi ý: đây là tệp Word (.docx), không phải YAML: chuyển nó thành YAML bằng lệnh nhap" in err, err
    assert main(["--lang", "en", "validate", str(src)]) == 2
    assert "(hint: this is a Word file (.docx), not YAML" in capsys.readouterr().err


@pytest.mark.parametrize("name,raw,expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_refused_located_nothing_written(name, raw, expected, tmp_path, capsys):
    line, column, key, words = expected
    src = tmp_path / "plan.yaml"
    src.write_bytes(raw)
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(src)
    found = [p for p in info.value.problems if words in p.message]
    assert found, str(info.value)
    p = found[0]
    assert (p.file, p.line) == (str(src), line), str(info.value)
    if column is not None:
        assert p.column == column, str(info.value)
    assert p.key == key, str(info.value)
    out = tmp_path / "plan.docx"
    assert main(["render", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{src}:{line}:" in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == [src]


def test_alias_bomb_alone_is_refused_at_its_line(tmp_path):
    assert len(BOMB) < 1000
    with pytest.raises(ccch_docs.InputError, match="bí danh") as info:
        ccch_docs.loads(BOMB, name="bomb.yaml")
    p = info.value.problems[0]
    assert p.file == "bomb.yaml" and p.line == int(p.key[1]) + 1 and p.key.startswith("l")


def test_alias_bomb_in_pack_yaml(tmp_path):
    make_pack(tmp_path / "p", "mac_dinh:\n" + textwrap.indent(BOMB, "  "))
    with pytest.raises(ccch_docs.InputError, match="bí danh") as info:
        ccch_docs.loads(GOOD, templates=tmp_path / "p")
    p = info.value.problems[0]
    assert p.file.endswith("pack.yaml") and p.line == 8 and p.key == "mac_dinh.l6"


def _rendered(text: str, tmp_path) -> View:
    out = tmp_path / "out.docx"
    ccch_docs.render(ccch_docs.loads(text, name="plan.yaml"), out)
    return View.open(out)


def test_numbers_in_text_keys_print_as_typed(tmp_path):
    text = (GOOD.replace("so: 5", "so: 010").replace("trich_yeu: Cải cách hành chính năm 2021", "trich_yeu: 12:30")
            .replace("luu: VT", "luu: 1.10")
            .replace("noi_nhan: [Bộ Nội vụ]", "noi_nhan: [.nan, .inf, 0x1F, 1_000, 010, 1.10, 2021-01-05]"))
    view = _rendered(text, tmp_path)
    assert "Số: 10/KH-UBND" in view.header()
    assert [p.text for p in view.title()][1] == "12:30"
    assert [p.text for p in view.noi_nhan()][1:] == ["- .nan;", "- .inf;", "- 0x1F;", "- 1_000;", "- 010;", "- 1.10;",
                                                     "- 2021-01-05;", "- Lưu: 1.10."]


def test_a_merge_key_may_be_overridden(tmp_path):
    text = GOOD + textwrap.dedent("""\
        phu_luc:
          - tieu_de: Nhiệm vụ
            cot: [{khoa: x, ten: Nội dung}, {khoa: y, ten: Thời gian}]
            dong:
              - &dong {x: Rà soát, y: Quý I}
              - <<: *dong
                y: Quý II
        """)
    rows = View.table_rows(_rendered(text, tmp_path).appendix_tables()[0])
    assert rows[-2:] == ["1 | Rà soát | Quý I", "2 | Rà soát | Quý II"]  # no groups: 1, 2


def test_utf16_and_utf8_bytes_are_read(tmp_path):
    for raw in (GOOD.encode("utf-16"), GOOD.encode("utf-16-be").join([b"\xfe\xff", b""]), b"\xef\xbb\xbf" + GOOD.encode()):
        src = tmp_path / "plan.yaml"
        src.write_bytes(raw)
        assert ccch_docs.load(src).dia_danh == "Đồng Tháp"
    assert ccch_docs.loads(GOOD.encode()).dia_danh == "Đồng Tháp"


def test_a_file_over_the_size_cap(tmp_path):
    src = tmp_path / "plan.yaml"
    src.write_bytes(GOOD.encode() + b"#" * 20_000_001 + b"\n")
    with pytest.raises(ccch_docs.InputError, match="quá lớn") as info:
        ccch_docs.load(src)
    assert info.value.problems[0].file == str(src)


# --- the same through the API ---------------------------------------------------------------------------
def _refused_dict(data: dict, key: str, words: str) -> None:
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict(data, name="api")
    assert [(p.file, p.key) for p in info.value.problems if words in p.message] == [("api", key)], str(info.value)


@pytest.mark.parametrize("key,value,words", [
    ("so", True, "true/false"),
    ("so", "010x", "số nguyên"),
    ("luu", "V\uffffT", "U+FFFF"),
    ("luu", "V\ud800T", "U+D800"),
    ("luu", "V\x01T", "điều khiển"),
    ("luu", "V\x9bT", "điều khiển U+009B"),
    ("luu", "a" * 50_000_000, "quá dài"),
    ("luu", "V\ufffcT", "(U+FFFC)"),
    ("luu", "V\U000f0000T", "(U+F0000)"),
], ids=["bool number", "text number", "U+FFFF", "lone surrogate", "C0", "C1", "50 MB paragraph", "object replacement",
                                     "plane-15 private use"])
def test_from_dict_refuses_located(key, value, words):
    _refused_dict({**PLAN, key: value}, key, words)


INVISIBLE = {"trich_yeu": "Kế\u00ad hoạch", "so": "1\u200c2", "do_khan": "khan\u200d", "luu": "V\u180eT"}


@pytest.mark.parametrize("how", ["yaml", "from_dict"])
def test_invisible_formatting_pasted_from_the_web_is_dropped_as_zero_width_spaces_are(how):
    """A soft hyphen, a zero-width (non-)joiner outside an emoji and a Mongolian vowel separator made a number or a
    choice that read right refused, and went into document.xml unseen."""
    if how == "yaml":
        text = re.sub(r"(?m)^(trich_yeu|so|luu): .*\n", "", GOOD)
        doc = ccch_docs.loads(text + "".join(f"{key}: {value}\n" for key, value in INVISIBLE.items()), name="x.yaml")
    else:
        doc = ccch_docs.from_dict({**PLAN, **INVISIBLE})
    assert (doc.trich_yeu, doc.so, doc.do_khan, doc.luu) == (("Kế hoạch",), 12, "khan", "VT")


# Other programs' Python types: a key of None passed the keys' check (pydantic's English `Keys should be strings`);
# a Decimal that is no finite number (pydantic's `Input should be a finite number`) or one of 10³⁰ was taken, as
# a column's width even rendered; a Mapping that is no dict, a generator or dict.values() went unchecked to the
# model (U+FFFF reached document.xml, blamed on the template; range(10**9) ran for ever).
@pytest.mark.parametrize("data,key,words", [
    ({None: 1}, None, "không phải NoneType None"),
    ({"so_lieu": {"a": 1, None: 2}}, "so_lieu", "không phải NoneType None"),
    ({"so": Decimal("NaN")}, "so", "không hữu hạn"),
    ({"so": Decimal("1e30")}, "so", "quá lớn"),
    ({"phu_luc": [{"tieu_de": "A", "cot": [{"khoa": "x", "ten": "X", "rong": Decimal("Infinity")}],
                   "dong": [{"x": 1}]}]}, "phu_luc[0].cot[0].rong", "không hữu hạn"),
    ({"noi_nhan": (x for x in ["A\uffffB"])}, "noi_nhan[0]", "U+FFFF"),
    ({"noi_nhan": {"a": "A\x01B"}.values()}, "noi_nhan[0]", "U+0001"),
    ({"nguoi_ky": MappingProxyType({**PLAN["nguoi_ky"], "ho_ten": "A\uffffB"})}, "nguoi_ky.ho_ten", "U+FFFF"),
    ({"noi_nhan": range(10**9)}, "noi_nhan[1999967]", "dữ liệu quá lớn"),
    ({"luu": float("nan")}, "luu", "không hữu hạn"),  # pandas' blank cell: it printed `Lưu: nan`
    ({"noi_nhan": ["A", float("-inf")]}, "noi_nhan[1]", "không hữu hạn"),
], ids=["None key", "None key in so_lieu", "Decimal NaN", "Decimal 1e30", "Decimal width", "generator", "dict values",
        "Mapping", "endless range", "NaN text", "infinite line"])
def test_from_dict_other_python_types_are_checked_as_lists_and_mappings(data, key, words):
    _refused_dict({**PLAN, **data}, key, words)


def test_from_dict_takes_any_mapping_and_iterable_as_yaml_would_give_them():
    assert ccch_docs.from_dict(MappingProxyType({**PLAN, "noi_nhan": iter(["A", "B"])})).noi_nhan == ("A", "B")
    # each list made as the generator runs, and gone once read: none taken for another that got its id
    assert yamlio.plain_data({"a": ([i] for i in range(3))}, "x") == {"a": [[0], [1], [2]]}


def test_from_dict_strict_booleans_and_figures():
    _refused_dict({**PLAN, "ky_bao_cao": {"tu": "2021-01-01", "den": "2021-02-01", "hien_thi": "yes"}},
                  "ky_bao_cao.hien_thi", "true hoặc false")
    _refused_dict({**PLAN, "ky_bao_cao": {"tu": "2021-01-01", "den": "2021-02-01", "hien_thi": 1}},
                  "ky_bao_cao.hien_thi", "true hoặc false")
    _refused_dict({**PLAN, "so_lieu": {"x": 10**5000}}, "so_lieu.x", "quá lớn")
    _refused_dict({**PLAN, "so_lieu": {"x": float("inf")}}, "so_lieu.x", "quá lớn")
    _refused_dict({**PLAN, "noi_nhan": ["a", {"b": "\x00"}]}, "noi_nhan[1].b", "điều khiển")


def test_from_dict_cyclic_and_deep():
    cyclic = copy.deepcopy(PLAN)
    cyclic["so_lieu"] = {"a": {}}
    cyclic["so_lieu"]["a"]["b"] = cyclic["so_lieu"]
    _refused_dict(cyclic, "so_lieu.a.b", "vòng tròn")
    deep: dict = {}
    inner = deep
    for _ in range(100_000):
        inner["a"] = {}
        inner = inner["a"]
    with pytest.raises(ccch_docs.InputError, match="lồng quá sâu") as info:
        ccch_docs.from_dict({**PLAN, "so_lieu": deep}, name="api")
    assert info.value.problems[0].key.startswith("so_lieu.a.a")


def test_shared_values_in_a_dict_are_counted():
    bomb: object = [1] * 9
    for _ in range(8):
        bomb = [bomb] * 9
    _refused_dict({**PLAN, "so_lieu": {"x": bomb}}, "so_lieu.x[0][0][3]", "quá lớn")


def test_without_libyaml_the_same_data_and_places(monkeypatch):
    with_libyaml = [yamlio.parse_yaml(p.read_text("utf-8"), str(p)) for p in EXAMPLES]
    monkeypatch.setattr(yamlio, "_Parser", yaml.SafeLoader)
    assert [yamlio.parse_yaml(p.read_text("utf-8"), str(p)) for p in EXAMPLES] == with_libyaml
    with pytest.raises(ccch_docs.InputError, match="bí danh"):
        yamlio.parse_yaml(BOMB, "bomb.yaml")


def test_the_place_of_every_key_and_item():
    text = ("k0: &k k1\na: 1\nb:\n  - x\n  - {c: 2, \"q\": 5}\n  - &x1 [7]\n  - *x1\nd: &d {e: 3}\n"
            "f:\n  <<: *d\n  g: 4\n*k : 2\n")
    _, places, _ = yamlio.parse_yaml(text, "t.yaml")
    want = {("k0",): (1, 1), ("a",): (2, 1), ("b",): (3, 1), ("b", 0): (4, 5), ("b", 1): (5, 5),
            ("b", 1, "c"): (5, 6), ("b", 1, "q"): (5, 12), ("b", 2): (6, 5), ("b", 2, 0): (6, 10),
            ("b", 3): (7, 5), ("d",): (8, 1), ("d", "e"): (8, 8), ("f",): (9, 1),
            ("f", "e"): (10, 3),  # merged in: placed at its `<<`
            ("f", "g"): (11, 3), ("k1",): (12, 1)}  # an alias as a key
    assert dict(places) == {path: yamlio.Where("t.yaml", *at) for path, at in want.items()}
    assert len(places) == len(want) and places
    assert ("b", 4) not in places and ("z",) not in places and () not in places


# --- places as an editor shows them ---------------------------------------------------------------------
# YAML ends a line at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as well; an editor only at \n, \r\n or \r.
ODD_BREAKS = {"NEL": "\x85", "LS": "\u2028", "PS": "\u2029"}
_SPLIT_TITLE = ("trich_yeu: Cải cách hành chính năm 2021", 'trich_yeu: "Cải cách¶hành chính năm 2021"')
# (name, replace this, with that, expected: (line, column, words in the message)), each after line 8 split at `¶`.
AFTER_A_SPLIT = [
    ("YAML syntax", "luu: VT", "luu: V: T", (13, 7, "YAML không hợp lệ")),
    ("validation", "nguoi_ky:", "nguoi_kyy:", (14, 1, "khóa không có")),
    ("duplicate key", "luu: VT", "luu: VT\nluu: VT", (14, 1, "lặp lại")),
    ("unknown alias", "luu: VT", "luu: *vt", (13, 6, "không có neo")),
    ("control character", "luu: VT", "luu: V\x07T", (13, 7, "điều khiển")),
    ("decimal comma", "luu: VT", "luu: VT\nso_lieu: {kinh_phi: 1,5}", (14, 21, "số viết không rõ")),
    ("a split plain value", "luu: VT", "luu: V¶T", (13, 7, "ký tự ẩn")),  # at the break itself
]


@pytest.mark.parametrize("char", ODD_BREAKS.values(), ids=ODD_BREAKS)
@pytest.mark.parametrize("name,old,new,expected", AFTER_A_SPLIT, ids=[c[0] for c in AFTER_A_SPLIT])
def test_a_line_separator_in_a_value_leaves_later_lines_as_an_editor_shows_them(char, name, old, new, expected):
    text = _with(old, new).replace(*_SPLIT_TITLE).replace("¶", char)
    line, column, words = expected
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    (p,) = [p for p in info.value.problems if words in p.message]
    assert (p.line, p.column) == (line, column), str(info.value)


# A plain value cut by an invisible line break (or a CR alone among LF or CRLF line ends): YAML reads what follows
# as a line of its own, and fails on it or on the next line; the problem is placed at the break, under its key.
CUTS = {**ODD_BREAKS, "stray CR": "\r"}
# (name, replace this, with that (¶: the break), expected: (line, column, key, the words before the break))
CUT_VALUES = [
    ("a top-level value", "trich_yeu: Cải cách hành chính năm 2021", "trich_yeu: Cải cách hành¶chính năm 2021",
     (8, 25, "trich_yeu", "Cải cách hành")),
    ("a nested value", "  chuc_vu: CHỦ TỊCH", "  chuc_vu: CHỦ¶TỊCH", (16, 15, "nguoi_ky.chuc_vu", "CHỦ")),
    ("a list item's value", "    doan: Nội dung.", "    doan: Nội¶dung.", (11, 14, "noi_dung[0].doan", "Nội")),
    ("spaces and two breaks", "trich_yeu: Cải cách hành chính năm 2021",
     "trich_yeu: Cải cách hành chính ¶ ¶năm 2021", (8, 32, "trich_yeu", "cách hành chính")),
]


@pytest.mark.parametrize("ending", ["\n", "\r\n"], ids=["LF", "CRLF"])
@pytest.mark.parametrize("char", CUTS.values(), ids=CUTS)
@pytest.mark.parametrize("name,old,new,expected", CUT_VALUES, ids=[c[0] for c in CUT_VALUES])
def test_a_value_cut_by_an_invisible_line_break_is_said_so_at_the_break(ending, char, name, old, new, expected):
    text = _with(old, new).replace("\n", ending).replace("¶", char)
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    (p,) = info.value.problems
    line, column, key, before = expected
    assert (p.file, p.line, p.column, p.key, p.code) == ("plan.yaml", line, column, key, "CCHC-E012"), str(p)
    character = {"\u2028": "U+2028 (LINE SEPARATOR)", "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
                 "\x85": "U+0085 (NEXT LINE, NEL)", "\r": "U+000D (CARRIAGE RETURN, CR)"}[char]
    assert p.message == (f"YAML không hợp lệ: ký tự ẩn {character} sau «{before}» cắt ngang giá trị: YAML đọc phần "
                         "sau nó thành một dòng riêng")
    assert p.hint == (f"đặt con trỏ ngay sau «{before}», nhấn Delete để xóa ký tự ẩn (thêm dấu cách nếu cần), hoặc "
                      f"xóa rồi gõ lại dòng {line}")
    with speaking("en"):
        english = str(p)
    assert f"invalid YAML: the invisible character {character} after «{before}» cuts the value" in english
    assert f"press Delete to remove the invisible character (add a space if needed), or delete and retype line {line}" \
        in english
    assert ccch_docs.loads(_with(old, new.replace("¶", " ")).replace("\n", ending), name="plan.yaml")  # without it


def test_a_cr_ending_every_line_cuts_no_value():
    """In a file of CR line ends (old Mac), a value on two lines is two lines, as the editor shows it."""
    text = _with("trich_yeu: Cải cách hành chính năm 2021", "trich_yeu: Cải cách hành\nchính năm 2021")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text.replace("\n", "\r"), name="plan.yaml")
    (p,) = info.value.problems
    assert "ký tự ẩn" not in p.message and (p.line, p.column) == (10, 1), str(p)


def test_the_hint_quotes_the_whole_line_an_editor_shows():
    """A value holding `: ` on a line that a line separator splits for YAML: the rewritten line is the whole of it."""
    text = _with("trich_yeu: Cải cách hành chính năm 2021", "trich_yeu: Cải cách\u2028theo mục 2: hành chính: 2021")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    (p,) = info.value.problems
    assert p.line == 8 and 'trich_yeu: "Cải cách theo mục 2: hành chính: 2021"' in p.hint, str(p)


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_lines_end_at_lf_crlf_or_cr(ending, tmp_path):
    for old, new, at, words in (("luu: VT", "luu: V\x07T", (13, 7), "điều khiển"),
                                ("luu: VT", "luu: V: T", (13, 7), "YAML không hợp lệ"),
                                ("nguoi_ky:", "nguoi_kyy:", (14, 1), "khóa không có")):
        with pytest.raises(ccch_docs.InputError) as info:
            ccch_docs.loads(_with(old, new).replace("\n", ending), name="plan.yaml")
        assert [(p.line, p.column) for p in info.value.problems if words in p.message] == [at], str(info.value)


def test_invalid_utf8_after_a_bom_is_placed_in_the_text(tmp_path):
    src = tmp_path / "plan.yaml"
    src.write_bytes(b"\xef\xbb\xbf" + _with("luu: VT", "luu: V#T").encode().replace(b"V#T", b"V\xe0T"))
    with pytest.raises(ccch_docs.InputError, match="0xE0") as info:
        ccch_docs.load(src)
    assert (info.value.problems[0].line, info.value.problems[0].column) == (13, 7)


def test_places_of_keys_and_items_after_a_line_separator():
    _, places, _ = yamlio.parse_yaml('a: ["x\u2028y", 2]\nb: "\x85"\nc: 1\n', "t.yaml")
    assert dict(places) == {("a",): yamlio.Where("t.yaml", 1, 1), ("a", 0): yamlio.Where("t.yaml", 1, 5),
                            ("a", 1): yamlio.Where("t.yaml", 1, 12), ("b",): yamlio.Where("t.yaml", 2, 1),
                            ("c",): yamlio.Where("t.yaml", 3, 1)}


# A long text repeated by aliases: each counted as one value, 200 of a 900,000-character paragraph (a 1 MB file)
# were validated for 40 s in 2 GB, and more would have run for as long as the machine held. The text a document
# holds is bounded as its values are, an alias counted as what it repeats.
def test_a_long_text_repeated_by_aliases_is_refused_at_the_alias(tmp_path):
    text = "mo_dau: &dai '" + "a " * 450_000 + "'\n" + _with("noi_nhan: [Bộ Nội vụ]", "noi_nhan: [" + ", ".join(
        ["*dai"] * 30) + "]")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="plan.yaml")
    (p,) = [p for p in info.value.problems if p.code == "CCHC-E346"]
    assert (p.line, p.key) == (13, "noi_nhan[21]") and "hơn 20.000.000 ký tự chữ" in p.message, str(p)


def test_a_long_text_given_many_times_is_refused():
    paragraph = "a " * 450_000
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**PLAN, "noi_nhan": [paragraph] * 30}, name="api")
    assert [(p.key, p.code) for p in info.value.problems] == [("noi_nhan[22]", "CCHC-E347")], str(info.value)
    shared = {"doan": paragraph}
    with pytest.raises(ccch_docs.InputError, match="hơn 20.000.000 ký tự chữ"):
        ccch_docs.from_dict({**PLAN, "noi_dung": [shared] * 30}, name="api")


def test_from_dict_takes_a_database_decimal_as_the_number_yaml_would_give(tmp_path):
    """A figure read from a database is a Decimal: taken as YAML's int or float in so_lieu as in a number key
    (so_lieu refused it, a column's width took it), printed in Vietnamese notation."""
    data = {**PLAN, "so_lieu": {"ho_so": Decimal("44333"), "ty_le": Decimal("87.12")},
            "mo_dau": "Tiếp nhận {{ so_lieu.ho_so }} hồ sơ, đạt {{ so_lieu.ty_le }}%."}
    doc = ccch_docs.from_dict(data)
    assert doc.so_lieu == {"ho_so": 44333, "ty_le": 87.12}
    assert [type(v) for v in doc.so_lieu.values()] == [int, float]
    path = tmp_path / "x.docx"
    ccch_docs.render(doc, path)
    assert "Tiếp nhận 44.333 hồ sơ, đạt 87,12%." in View.open(path).body_lines()
    assert yamlio.plain_data(Decimal("1e999999"), "x") == float("inf")  # no int of a million digits made
