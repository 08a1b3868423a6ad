"""The decree's presentation of each element (Phụ lục I): page, fonts, sizes, case, style, spacing, lines, forms.

One table read by both sides: tools/build_templates.py writes the built-in templates from the
defaults here, and the checker (ccch_docs.checks) holds any .docx to the ranges here.
"""

from __future__ import annotations

import re
from typing import NamedTuple

FONT = "Times New Roman"
FONT_SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")  # every slot of w:rFonts, East Asian and complex included
COLOR = "000000"

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_CM = 1440 / 2.54


class Page(NamedTuple):
    """A4 in twips, and the margins the decree allows (mm) with the templates' defaults (twips)."""

    width: int = 11906
    height: int = 16838
    margins_mm: tuple[tuple[str, float, float], ...] = (
        ("top", 20, 25), ("bottom", 20, 25), ("left", 30, 35), ("right", 15, 20))
    # What the templates set: 20 / 20 / 30 / 15 mm, header and footer 10 mm from the edge.
    top: int = 1134
    bottom: int = 1134
    left: int = 1701
    right: int = 851
    header: int = 567
    footer: int = 567
    # A landscape phụ lục turns the sheet: the binding margin (30–35 mm) goes to the top.
    landscape_margins_mm: tuple[tuple[str, float, float], ...] = (
        ("top", 30, 35), ("bottom", 15, 20), ("left", 20, 25), ("right", 20, 25))
    landscape_top: int = 1701
    landscape_bottom: int = 851
    landscape_left: int = 1134
    landscape_right: int = 1134
    landscape_header: int = 851
    tolerance_mm: float = 0.3  # a margin typed as 1.5 cm in Word is 850 twips, 14.99 mm


PAGE = Page()


class Element(NamedTuple):
    """How one element (ô of the layout diagram) is presented.

    `sizes` is the allowed range in points and `size` what the templates use; `bold`, `italic`
    and `upper` are required (True), forbidden (False) or free (None); `align` is a w:jc value or None.
    """

    key: str
    vi: str
    en: str
    sizes: tuple[float, float]
    size: float
    bold: bool | None = None
    italic: bool | None = None
    upper: bool | None = None
    align: str | None = None


_ELEMENTS = (
    Element("quoc_hieu", "Quốc hiệu", "national title", (12, 13), 13, True, False, True, "center"),
    Element("tieu_ngu", "Tiêu ngữ", "motto", (13, 14), 14, True, False, None, "center"),
    Element("co_quan_chu_quan", "tên cơ quan chủ quản", "parent body", (12, 13), 13, False, None, True, "center"),
    Element("co_quan", "tên cơ quan ban hành", "issuing body", (12, 13), 13, True, None, True, "center"),
    Element("so_ky_hieu", "số, ký hiệu", "number and symbol", (13, 13), 13, False, False, None, "center"),
    Element("trich_yeu_cong_van", "trích yếu công văn (V/v)", "official letter subject (V/v)", (12, 13), 13,
            False, None, None, "center"),
    Element("do_mat", "độ mật", "secrecy", (13, 14), 14, True, None, True, "center"),
    Element("do_khan", "độ khẩn", "urgency", (13, 14), 14, True, None, True, "center"),
    Element("dia_danh_ngay", "địa danh, ngày tháng năm", "place and date", (13, 14), 14, None, True, None, "center"),
    Element("ten_loai", "tên loại văn bản", "document type name", (13, 14), 14, True, None, True, "center"),
    # Bold and upright (kiểu chữ đứng, đậm). The decree's "chữ in thường" is not judged: signed plans and
    # decisions print the trích yếu in capitals too (seeds 000, 004), so capitals are no fault of thể thức.
    Element("trich_yeu", "trích yếu", "subject", (13, 14), 14, True, False, None, "center"),
    Element("tham_quyen", "thẩm quyền ban hành", "issuing authority", (13, 14), 14, True, None, True, "center"),
    Element("can_cu", "căn cứ ban hành", "legal grounds", (13, 14), 14, None, True, None, "both"),
    Element("quyet_dinh", "QUYẾT ĐỊNH:", "DECIDES:", (13, 14), 14, True, None, True, "center"),
    Element("noi_dung", "nội dung", "body text", (13, 14), 14, None, None, None, "both"),
    Element("de_muc_1", "đề mục cấp I", "level-I heading", (13, 14), 14, True, None, True, None),
    Element("dieu", "Điều", "article", (13, 14), 14, True, None, None, None),
    # "Chương I" / "Mục 1" on a line of its own, its title under it in upper case (Phụ lục I, bố cục văn bản).
    Element("chuong", "dòng Chương, Mục và tên", "chapter or section line", (13, 14), 14, True, False, None,
            "center"),
    Element("kinh_gui", "Kính gửi", "addressee", (13, 14), 14, False, None, None, None),
    Element("chuc_danh", "quyền hạn, chức vụ người ký", "signer's authority and title", (13, 14), 14,
            True, None, True, "center"),
    Element("ho_ten", "họ tên người ký", "signer's name", (13, 14), 14, True, None, None, "center"),
    Element("noi_nhan", "Nơi nhận", "recipients heading", (12, 12), 12, True, True, None, None),
    Element("noi_nhan_muc", "dòng nơi nhận", "recipient line", (11, 11), 11, False, False, None, None),
    Element("nguoi_soan", "ký hiệu người soạn thảo", "drafter's initials", (11, 11), 11, False, None, None, None),
    Element("dia_chi", "địa chỉ cơ quan", "body's address", (11, 12), 11, False, None, None, None),
    Element("so_trang", "số trang", "page number", (13, 14), 14, None, None, None, "center"),
    Element("phu_luc", "tiêu đề phụ lục", "annex heading", (14, 14), 14, True, None, False, "center"),
    Element("phu_luc_ten", "tên phụ lục", "annex title", (13, 14), 14, True, None, True, "center"),
    Element("kem_theo", "dòng (Kèm theo …)", "'(Kèm theo …)' line", (13, 14), 14, None, True, None, "center"),
    Element("bang", "bảng", "table", (12, 12), 12, None, None, None, None),
    Element("bang_ten", "tên bảng (Bảng 1. …)", "table caption", (13, 14), 14, True, None, None, "center"),
    Element("bang_don_vi", "dòng đơn vị tính của bảng", "table unit line", (12, 14), 13, None, True, None, "right"),
    Element("chu_thich", "chú thích (cuối trang)", "footnote", (10, 12), 12, None, None, None, "both"),
)
ELEMENTS: dict[str, Element] = {e.key: e for e in _ELEMENTS}

# Sizes move together: Quốc hiệu 12 + Tiêu ngữ 13 + date 13, or 13 + 14 + 14.
PAIRED = ("quoc_hieu", "tieu_ngu", "dia_danh_ngay")
PAIRINGS = ((12, 13, 13), (13, 14, 14))


class Rule(NamedTuple):
    """A solid line under an element, as a share of the element's text width: `low`–`high`, `ratio` in templates."""

    low: float
    high: float
    ratio: float


# Tiêu ngữ: as long as the text; cơ quan ban hành and trích yếu: 1/3 to 1/2 of it.
LINES = {"tieu_ngu": Rule(0.9, 1.15, 1.03), "co_quan": Rule(0.3, 0.55, 0.4), "trich_yeu": Rule(0.3, 0.55, 0.4)}


class Body(NamedTuple):
    """Body paragraphs: first-line indent (twips), spacing between paragraphs and line spacing."""

    indent: tuple[int, int] = (567, 720)  # 1–1.27 cm
    indent_tolerance: int = 15
    indent_default: int = 567
    space_min: int = 120  # ≥ 6 pt between paragraphs (before + after), twips
    space_default: int = 120  # 6 pt before each paragraph
    line: tuple[int, int] = (240, 360)  # single to 1.5 (w:line, 240ths of a line)
    line_default: int = 264


BODY = Body()

# Forms of the fixed lines (their wording is decree.wording's; the Lưu line's: punctuation.printed_luu).
# "Số: 285/KH-UBND", "Số: 05/KH-UBND", "Số:      /KH-UBND"; công văn "Số: 06/VPUBND-KSTTHC".
SO_KY_HIEU = re.compile(r"^Số: *(?P<so>[0-9]*|[ ._…]*)/(?P<ky_hieu>\S+)$")
# "Đồng Tháp, ngày 05 tháng 12 năm 2020"; blanks (spaces, dots) kept in drafts.
DIA_DANH_NGAY = re.compile(r"^(?P<place>[^,]+), ngày +(?P<day>[0-9]+|[._…]*) *tháng +(?P<month>[0-9]+|[._…]*) *"
                           r"năm +(?P<year>[0-9]{4}|[._…]*)$")
SIGN_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q)\. \S")  # the forms of decree.signers, followed by the title
# How prefixes are miswritten: "T/M", "K.T", "Tm.", "TM " (no dot) …
SIGN_PREFIX_LIKE = re.compile(r"^(T\s*/?\.?\s*M|K\s*/?\.?\s*T|T\s*/?\.?\s*L|T\s*/?\.?\s*U\s*/?\.?\s*Q|Q)\b\.?\s*",
                              re.IGNORECASE)
PHU_LUC = re.compile(r"^Phụ lục(?: (?P<so>[IVXLC]+|[0-9]+))?$")
KEM_THEO = re.compile(r"^\(Kèm theo .+\)$")
