"""Tests for ccch_docs.formats.words: Vietnamese amounts in words."""

from __future__ import annotations

import doctest
import unicodedata
from decimal import Decimal

import pytest

import ccch_docs.formats.words
from ccch_docs.formats.words import bang_chu

KNOWN = [
    # units, "mười"/"mươi", "lăm", "mốt", "bốn"
    (0, "Không"),
    (1, "Một"),
    (5, "Năm"),
    (10, "Mười"),
    (11, "Mười một"),
    (14, "Mười bốn"),
    (15, "Mười lăm"),
    (20, "Hai mươi"),
    (21, "Hai mươi mốt"),
    (24, "Hai mươi bốn"),
    (25, "Hai mươi lăm"),
    (55, "Năm mươi lăm"),
    (99, "Chín mươi chín"),
    # hundreds and "linh"
    (100, "Một trăm"),
    (101, "Một trăm linh một"),
    (104, "Một trăm linh bốn"),
    (105, "Một trăm linh năm"),
    (110, "Một trăm mười"),
    (111, "Một trăm mười một"),
    (115, "Một trăm mười lăm"),
    (121, "Một trăm hai mươi mốt"),
    (999, "Chín trăm chín mươi chín"),
    # groups after the first are read with their hundreds ("không trăm")
    (1000, "Một nghìn"),
    (1001, "Một nghìn không trăm linh một"),
    (1010, "Một nghìn không trăm mười"),
    (1015, "Một nghìn không trăm mười lăm"),
    (1021, "Một nghìn không trăm hai mươi mốt"),
    (1100, "Một nghìn một trăm"),
    (10000, "Mười nghìn"),
    (15000, "Mười lăm nghìn"),
    (21000, "Hai mươi mốt nghìn"),
    (100000, "Một trăm nghìn"),
    (105000, "Một trăm linh năm nghìn"),
    (1000000, "Một triệu"),
    (1000005, "Một triệu không trăm linh năm"),
    (1000100, "Một triệu một trăm"),
    (1005000, "Một triệu không trăm linh năm nghìn"),
    (1050000, "Một triệu không trăm năm mươi nghìn"),
    (12345678, "Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám"),
    # tỷ, and beyond it the part before "tỷ" read as a number
    (1000000000, "Một tỷ"),
    (1000000005, "Một tỷ không trăm linh năm"),
    (2000001000, "Hai tỷ không trăm linh một nghìn"),
    (1000000000000, "Một nghìn tỷ"),
    (1001000000000, "Một nghìn không trăm linh một tỷ"),
    (1000001000000, "Một nghìn tỷ không trăm linh một triệu"),
    (10**15, "Một triệu tỷ"),
    (10**18, "Một tỷ tỷ"),
    (10**18 + 5, "Một tỷ tỷ không trăm linh năm"),
    # figures of the report examples
    (310, "Ba trăm mười"),
    (2025, "Hai nghìn không trăm hai mươi lăm"),
    (44333, "Bốn mươi bốn nghìn ba trăm ba mươi ba"),
    (1000011, "Một triệu không trăm mười một"),
    (5000050, "Năm triệu không trăm năm mươi"),
    (101101101, "Một trăm linh một triệu một trăm linh một nghìn một trăm linh một"),
    (730000000, "Bảy trăm ba mươi triệu"),
    # negatives
    (-1, "Âm một"),
    (-3500, "Âm ba nghìn năm trăm"),
]


@pytest.mark.parametrize(("n", "expected"), KNOWN)
def test_known_values(n: int, expected: str) -> None:
    assert bang_chu(n) == expected


@pytest.mark.parametrize(
    ("n", "options", "expected"),
    [
        (50000000, {"don_vi": "đồng"}, "Năm mươi triệu đồng"),
        (1500000, {"don_vi": "đồng"}, "Một triệu năm trăm nghìn đồng"),
        (0, {"don_vi": "đồng"}, "Không đồng"),
        (105, {"linh": "lẻ"}, "Một trăm lẻ năm"),
        (1001, {"linh": "lẻ"}, "Một nghìn không trăm lẻ một"),
        (24, {"tu": True}, "Hai mươi tư"),
        (14, {"tu": True}, "Mười bốn"),
        (104, {"tu": True}, "Một trăm linh bốn"),
        (1000, {"nghin": "ngàn"}, "Một ngàn"),
        (10**12, {"nghin": "ngàn", "ty": "tỉ"}, "Một ngàn tỉ"),
        (1000000000, {"ty": "tỉ"}, "Một tỉ"),
        (21, {"viet_hoa": False}, "hai mươi mốt"),
        (-5, {"viet_hoa": False, "don_vi": "đồng"}, "âm năm đồng"),
    ],
)
def test_options(n: int, options: dict, expected: str) -> None:
    assert bang_chu(n, **options) == expected


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (Decimal("50000000"), "Năm mươi triệu"),
        (Decimal("5.00"), "Năm"),
        (Decimal("-0"), "Không"),
        ("1500", "Một nghìn năm trăm"),
        (" -21 ", "Âm hai mươi mốt"),
    ],
)
def test_decimal_and_str(n: Decimal | str, expected: str) -> None:
    assert bang_chu(n) == expected


@pytest.mark.parametrize(
    "n",
    [1.5, 2.0, "abc", "1.5", "", Decimal("1.5"), Decimal("NaN"), Decimal("Infinity"), True, None],
)
def test_rejects_non_integers(n: object) -> None:
    with pytest.raises(ValueError):
        bang_chu(n)  # type: ignore[arg-type]


@pytest.mark.parametrize("option", [{"linh": "le"}, {"nghin": "ngan"}, {"ty": "ty"}])
def test_rejects_unknown_spellings(option: dict) -> None:
    with pytest.raises(ValueError):
        bang_chu(105, **option)


def test_output_is_clean_nfc() -> None:
    # The decree's font standard expects NFC; a double space would betray an empty group.
    for n in [*range(2100), *range(10**9 - 1100, 10**9 + 1100, 7)]:
        text = bang_chu(n)
        assert unicodedata.is_normalized("NFC", text)
        assert "  " not in text and text == text.strip()


def test_doctests() -> None:
    assert doctest.testmod(ccch_docs.formats.words).failed == 0
