"""Every YAML block of the README and the template guide parses and validates; YAML traps get a specific hint."""

from __future__ import annotations

import re
import shutil
import textwrap

import pytest

import ccch_docs
from ccch_docs import settings
from ccch_docs.yamlio import parse_yaml
from conftest import ROOT

# What a block leaves out to stay short: the rest of a complete plan (a block's own keys win).
BASE = {"loai": "ke_hoach", "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "viet_tat": "UBND"},
        "dia_danh": "Đồng Tháp", "trich_yeu": "Cải cách hành chính", "luu": "VT",
        "nguoi_ky": {"chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn A"}}
PACK_KEYS = set(settings.Pack.model_fields)
_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.M | re.S)
_NAMED = re.compile(r"# (?P<path>[\w./-]+\.yaml)\b")


def _blocks(doc: str) -> list[tuple[str, str]]:
    text = (ROOT / doc).read_text("utf-8")
    return [(f"{doc}:{text.count(chr(10), 0, m.start()) + 2}", m.group(1)) for m in _BLOCK.finditer(text)]


BLOCKS = _blocks("README.md") + _blocks("docs/mau-van-ban.md")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """A copy of examples/ holding, besides, every block named by a path (`# don-vi/so-noi-vu.yaml`)."""
    here = tmp_path_factory.mktemp("docs") / "examples"
    shutil.copytree(ROOT / "examples", here)
    for _, text in BLOCKS:
        named = _NAMED.match(text)
        if named and not named["path"].startswith("examples/"):
            (here / named["path"]).parent.mkdir(parents=True, exist_ok=True)
            (here / named["path"]).write_text(text, "utf-8")
    return here


def test_the_docs_have_yaml_blocks():
    assert len(BLOCKS) >= 10


@pytest.mark.parametrize("where,text", BLOCKS, ids=[w for w, _ in BLOCKS])
def test_every_yaml_block_parses_and_validates(where, text, folder):
    data, _, problems = parse_yaml(text, where)
    assert not problems, problems
    if data is None:  # a comment alone (the schema line)
        return
    named = _NAMED.match(text)
    if (named and named["path"].endswith("pack.yaml")) or set(data) <= PACK_KEYS and set(data) & {"co_chu", "tu_ngu"}:
        settings.Pack.model_validate(data)
        return
    # A document taking the rest from its profile; else a profile or a part of a document.
    data = {"loai": BASE["loai"], **data} if "ke_thua" in data else {**BASE, **data}
    ccch_docs.from_dict(data, name=where, base_dir=folder)


DOC = textwrap.dedent("""\
    loai: ke_hoach
    co_quan: {ten: [ỦY BAN NHÂN DÂN, XÃ TÂN HÒA], viet_tat: UBND}
    dia_danh: Tân Hòa
    trich_yeu: Cải cách hành chính năm 2025
    luu: VT
    nguoi_ky: {tm: ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn B}
    """)


@pytest.mark.parametrize("line,where,message,hint", [
    ("mo_dau: Nhằm triển khai kế hoạch, cụ thể như sau:", (7, 49), "giá trị của `mo_dau` có dấu hai chấm",
     'mo_dau: "Nhằm triển khai kế hoạch, cụ thể như sau:" — hoặc viết `mo_dau: >-`'),
    ("mo_dau: Căn cứ: Luật Tổ chức chính quyền địa phương", (7, 15), "giá trị của `mo_dau` có dấu hai chấm",
     'mo_dau: "Căn cứ: Luật Tổ chức chính quyền địa phương"'),
    ('ket_thuc: Theo "Đề án": làm ngay', (7, 23), "giá trị của `ket_thuc` có dấu hai chấm",
     "ket_thuc: 'Theo \"Đề án\": làm ngay'"),
    ("noi_nhan: [- Bộ Nội vụ;, - Sở Nội vụ]", (7, 12), "mục bắt đầu bằng `- ` phải đặt trong dấu ngoặc kép",
     'viết noi_nhan: ["- Bộ Nội vụ;", "- Sở Nội vụ"]'),
    ("mo_dau: - Tiếp tục triển khai", (7, 9), "giá trị của `mo_dau` bắt đầu bằng `- `",
     'mo_dau: "- Tiếp tục triển khai"'),
    ("mo_dau: >-\n  Nhằm triển khai,\n  cụ thể như sau:\nso: 5", (9, 3), None, "viết `khóa: >-`"),
    ("mo_dau: Nhằm triển khai,\n  cụ thể như sau:", (8, 17), "nằm trong một đoạn văn viết nhiều dòng",
     "viết `khóa: >-`"),
    ("\tso: 5", (7, 1), "thụt lề bằng phím Tab", "dấu cách"),
    ('mo_dau: "Nhằm triển khai', (7, 25), "thiếu dấu ngoặc kép đóng", 'một dấu " đóng'),
])
def test_yaml_traps_get_a_hint_in_the_users_terms(line, where, message, hint):
    if message is None:  # a folded block is fine: nothing to report
        assert ccch_docs.loads(DOC + line).so == 5
        return
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(DOC + line, name="kh.yaml")
    (p,) = info.value.problems
    assert (p.file, p.line, p.column) == ("kh.yaml", *where), str(p)
    assert message in p.message and hint in p.hint, str(p)
    assert p.message.startswith("YAML không hợp lệ: ") and "mapping values" not in str(p)


def test_a_list_line_ending_in_a_colon_is_named_not_misread():
    text = DOC + "noi_dung:\n  - tieu_de: Nhiệm vụ\n    doan:\n      - Các nhiệm vụ sau:\n      - Làm ngay\n"
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="kh.yaml")
    (p,) = info.value.problems
    assert (p.line, p.key) == (10, "noi_dung[0].doan[0]")
    assert p.hint == 'đặt dòng trong dấu ngoặc kép: "Các nhiệm vụ sau:"'


@pytest.mark.parametrize("written,day", [("15/01/2025", (2025, 1, 15)), ("15-01-2025", (2025, 1, 15)),
                                         ("5/1/2025", (2025, 1, 5)), ("15.01.2025", (2025, 1, 15)),
                                         ("01/2025", (2025, 1, None)), ("ngày 15 tháng 01 năm 2025", (2025, 1, 15)),
                                         ("2025-01-15", (2025, 1, 15))])
def test_dates_as_clerks_write_them(written, day):
    doc = ccch_docs.loads(DOC + f"ngay: {written}\n")
    assert (doc.ngay.year, doc.ngay.month, doc.ngay.day) == day
    report = DOC.replace("ke_hoach", "bao_cao") + f"ky_bao_cao: {{tu: 1/12/2024, den: '{written}'}}\n"
    if day[2] is not None:
        assert str(ccch_docs.loads(report).ky_bao_cao.tu) == "01/12/2024"


@pytest.mark.parametrize("written,hint", [("01/15/2025", "viết 15/01/2025 (ngày/tháng/năm)"),
                                          ("15/01/25", "viết 15/01/2025 (năm đủ bốn chữ số)"),
                                          ("2025-15-01", "viết 2025-01-15 (năm-tháng-ngày)"),
                                          ("8-13-2024", "viết 13-8-2024 (ngày/tháng/năm)")])
def test_unclear_dates_are_rewritten_in_the_hint(written, hint):
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(DOC + f"ngay: {written}\n", name="kh.yaml")
    (p,) = info.value.problems
    assert (p.line, p.key, p.hint) == (7, "ngay", hint), str(p)
