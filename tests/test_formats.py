"""The formatting rules as pure functions: decree dates, số and ký hiệu, Vietnamese numbers, labels, text."""

from __future__ import annotations

import pytest

import ccch_docs
from ccch_docs.decree.citations import ky_hieu, so_ky_hieu
from ccch_docs.decree.numbering import label, roman
from ccch_docs.decree.punctuation import addressees, recipients
from ccch_docs.formats import dates, numbers, text
from ccch_docs.formats.dates import PartialDate


@pytest.mark.parametrize("value,long,short", [
    ("2021-01-05", "ngày 05 tháng 01 năm 2021", "05/01/2021"),
    ("2021-02-28", "ngày 28 tháng 02 năm 2021", "28/02/2021"),
    ("2020-05-18", "ngày 18 tháng 5 năm 2020", "18/5/2020"),
    ("2020-06-29", "ngày 29 tháng 6 năm 2020", "29/6/2020"),
    ("2020-12-05", "ngày 05 tháng 12 năm 2020", "05/12/2020"),
    ("2021-10-10", "ngày 10 tháng 10 năm 2021", "10/10/2021"),
    ("2021-12", "ngày        tháng 12 năm 2021", "      /12/2021"),
    ("2021-1", "ngày        tháng 01 năm 2021", "      /01/2021"),
    (2022, "ngày        tháng        năm 2022", "      /      /2022"),
    (None, "ngày        tháng        năm       ", "      /      /      "),
])
def test_decree_dates(value, long, short):
    d = PartialDate.parse(value)
    assert dates.long_date(d) == long
    assert dates.short_date(d) == short


@pytest.mark.parametrize("value", ["2021-02-30", "2021-13", "1800", "hôm nay", True, "2021/12/05"])
def test_bad_dates(value):
    with pytest.raises(ValueError):
        PartialDate.parse(value)


@pytest.mark.parametrize("so,ky,line", [
    (5, "KH-UBND", "Số: 05/KH-UBND"), (9, "BC-SNV", "Số: 09/BC-SNV"), (10, "KH-UBND", "Số: 10/KH-UBND"),
    (285, "KH-UBND", "Số: 285/KH-UBND"), (None, "KH-VPUBND", "Số:       /KH-VPUBND"),
])
def test_so_ky_hieu(so, ky, line):
    assert so_ky_hieu(so, ky) == line


def _doc(**extra):
    base = {"loai": "ke_hoach", "co_quan": {"ten": "VĂN PHÒNG", "viet_tat": "VPUBND"}, "dia_danh": "Đồng Tháp",
            "trich_yeu": "x", "luu": "VT", "nguoi_ky": {"chuc_vu": "CHÁNH VĂN PHÒNG", "ho_ten": "A"}}
    return ccch_docs.from_dict({**base, **extra})


@pytest.mark.parametrize("loai,extra,want", [
    ("ke_hoach", {}, "KH-VPUBND"), ("bao_cao", {}, "BC-VPUBND"), ("to_trinh", {}, "TTr-VPUBND"),
    ("quy_dinh", {}, "QyĐ-VPUBND"), ("chuong_trinh", {}, "CTr-VPUBND"), ("de_an", {}, "ĐA-VPUBND"),
    ("ke_hoach", {"ky_hieu": "KH-BCĐ"}, "KH-BCĐ"),
])
def test_ky_hieu_from_type_and_body(loai, extra, want):
    assert ky_hieu(_doc(loai=loai, **extra)) == want


@pytest.mark.parametrize("value,decimals,want", [
    (44333, None, "44.333"), (1234567, None, "1.234.567"), (0, None, "0"), (-3500, None, "-3.500"),
    (99.594, 2, "99,59"), (78.66, 1, "78,7"), (1234.5, None, "1.234,5"),
])
def test_numbers(value, decimals, want):
    assert numbers.so(value, decimals) == want


@pytest.mark.parametrize("part,whole,decimals,want", [
    (34908, 44333, 1, "78,7%"), (44154, 44333, 2, "99,6%"), (1, 3, 2, "33,33%"), (5, 5, 1, "100%"),
    (0, 10, 1, "0%"), (3, 0, 1, "0%"),
])
def test_rates(part, whole, decimals, want):
    assert numbers.ti_le(part, whole, decimals) == want


def test_letter_labels():
    assert [label(n, "a)") for n in range(1, 8)] == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)"]
    assert [label(n, "a)", with_dd=False) for n in range(1, 7)] == ["a)", "b)", "c)", "d)", "e)", "g)"]
    assert [roman(n) for n in (1, 4, 8, 12)] == ["I", "IV", "VIII", "XII"]


def test_punctuation_not_doubled():
    assert recipients(("Bộ Nội vụ;", "- Sở Nội vụ", "UBND tỉnh."), "VT, KSTTHC.") == [
        "- Bộ Nội vụ;", "- Sở Nội vụ;", "- UBND tỉnh;", "- Lưu: VT, KSTTHC."]
    assert addressees(("Sở Nội vụ;", "Sở Tài chính;")) == ["- Sở Nội vụ;", "- Sở Tài chính."]


def test_text_is_nfc_everywhere():
    decomposed = "Ho\u0300a Bi\u0300nh"  # combining grave accents
    doc = _doc(trich_yeu=decomposed)
    assert doc.trich_yeu == ("Hòa Bình",)
    assert text.one_line("  a\u00a0 b\n c ") == "a b c"
