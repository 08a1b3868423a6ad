"""Nghị định 30/2020, Phụ lục II (viết hoa): the kinds of body and the administrative units names are read by."""

from __future__ import annotations

from typing import NamedTuple


class Kind(NamedTuple):
    """A kind of body as a letterhead writes it (`upper`) and as a sentence does (`written`).

    `field`: the words after it name a function or field, whose first word and each coordinated one (after
    `và`, `,`, `-`) take a capital (`Sở Tài nguyên và Môi trường`); otherwise they are lower case
    (`Ban Quản lý dự án`). `by_place`: under a People's Committee it is named with the place rather than
    the committee (`Sở Nội vụ tỉnh Đồng Tháp`, but `Văn phòng UBND tỉnh Đồng Tháp`).
    """

    upper: str
    written: str
    field: bool = True
    by_place: bool = False


# People's Committees and Councils: written short, followed by their place (`UBND tỉnh Đồng Tháp`).
COMMITTEES = (Kind("ỦY BAN NHÂN DÂN", "UBND"), Kind("UỶ BAN NHÂN DÂN", "UBND"), Kind("UBND", "UBND"),
              Kind("HỘI ĐỒNG NHÂN DÂN", "HĐND"), Kind("HĐND", "HĐND"))

# Other kinds; a name of none of them is written in sentence case with its parent (set `ten_goi` for it).
KINDS = (
    Kind("SỞ", "Sở", by_place=True),
    Kind("PHÒNG", "Phòng", by_place=True),
    Kind("THANH TRA", "Thanh tra", by_place=True),
    Kind("CHI CỤC", "Chi cục", by_place=True),
    Kind("TRUNG TÂM", "Trung tâm", by_place=True),
    Kind("BAN CHỈ ĐẠO", "Ban Chỉ đạo", field=False, by_place=True),
    Kind("BAN QUẢN LÝ", "Ban Quản lý", field=False, by_place=True),
    Kind("VĂN PHÒNG", "Văn phòng"),
    Kind("BAN", "Ban"),
    Kind("BỘ", "Bộ"),
    Kind("TỔNG CỤC", "Tổng cục"),
    Kind("CỤC", "Cục"),
    Kind("VỤ", "Vụ"),
    Kind("HỘI ĐỒNG", "Hội đồng"),
)

# The level words that open a place, longest first (THỊ XÃ before XÃ): `tỉnh Đồng Tháp`, `huyện Lai Vung`.
LEVELS = ("THÀNH PHỐ", "THỊ XÃ", "THỊ TRẤN", "TỈNH", "HUYỆN", "QUẬN", "XÃ", "PHƯỜNG")

# Words that open with a level word but name no place.
NOT_PLACES = ("XÃ HỘI", "TỈNH ỦY", "HUYỆN ỦY", "QUẬN ỦY", "TỈNH UỶ", "HUYỆN UỶ", "QUẬN UỶ")

# Places whose level word is part of the proper name, as written.
PROPER_PLACES = {"THÀNH PHỐ HỒ CHÍ MINH": "Thành phố Hồ Chí Minh"}

# Coordinators between the fields of a name, and abbreviations kept as written.
COORDINATORS = ("VÀ", "-", "–")
ABBREVIATIONS = ("UBND", "HĐND")
