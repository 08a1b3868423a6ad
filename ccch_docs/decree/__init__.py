"""Data of Nghị định 30/2020/NĐ-CP: the Phụ lục III document types, the models (mẫu) and fixed wording."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class DocType:
    """One row of Phụ lục III: the `loai` key, its tên loại, abbreviation and model layout."""

    key: str
    name: str  # tên loại, upper case as printed; "" for công văn
    abbr: str  # ký hiệu abbreviation; "" for công văn
    mau: str  # the template that lays it out


_ROWS = (
    ("nghi_quyet", "NGHỊ QUYẾT", "NQ", "van_ban"),
    ("quyet_dinh", "QUYẾT ĐỊNH", "QĐ", "quyet_dinh"),
    ("chi_thi", "CHỈ THỊ", "CT", "van_ban"),
    ("quy_che", "QUY CHẾ", "QC", "van_ban"),
    ("quy_dinh", "QUY ĐỊNH", "QyĐ", "van_ban"),
    ("thong_cao", "THÔNG CÁO", "TC", "van_ban"),
    ("thong_bao", "THÔNG BÁO", "TB", "van_ban"),
    ("huong_dan", "HƯỚNG DẪN", "HD", "van_ban"),
    ("chuong_trinh", "CHƯƠNG TRÌNH", "CTr", "van_ban"),
    ("ke_hoach", "KẾ HOẠCH", "KH", "van_ban"),
    ("phuong_an", "PHƯƠNG ÁN", "PA", "van_ban"),
    ("de_an", "ĐỀ ÁN", "ĐA", "van_ban"),
    ("du_an", "DỰ ÁN", "DA", "van_ban"),
    ("bao_cao", "BÁO CÁO", "BC", "van_ban"),
    ("bien_ban", "BIÊN BẢN", "BB", "van_ban"),
    ("to_trinh", "TỜ TRÌNH", "TTr", "van_ban"),
    ("hop_dong", "HỢP ĐỒNG", "HĐ", "van_ban"),
    ("cong_dien", "CÔNG ĐIỆN", "CĐ", "van_ban"),
    ("ban_ghi_nho", "BẢN GHI NHỚ", "BGN", "van_ban"),
    ("ban_thoa_thuan", "BẢN THỎA THUẬN", "BTT", "van_ban"),
    ("giay_uy_quyen", "GIẤY ỦY QUYỀN", "GUQ", "van_ban"),
    ("giay_moi", "GIẤY MỜI", "GM", "van_ban"),
    ("giay_gioi_thieu", "GIẤY GIỚI THIỆU", "GGT", "van_ban"),
    ("giay_nghi_phep", "GIẤY NGHỈ PHÉP", "GNP", "van_ban"),
    ("phieu_gui", "PHIẾU GỬI", "PG", "van_ban"),
    ("phieu_chuyen", "PHIẾU CHUYỂN", "PC", "van_ban"),
    ("phieu_bao", "PHIẾU BÁO", "PB", "van_ban"),
    ("cong_van", "", "", "cong_van"),
)

TYPES: dict[str, DocType] = {row[0]: DocType(*row) for row in _ROWS}

# Signing authority prefixes (ô 7a), in the order their lines are printed.
SIGN_PREFIXES = (("tm", "TM."), ("kt", "KT."), ("tl", "TL."), ("tuq", "TUQ."), ("q", "Q."))

URGENCY = {"khan": "KHẨN", "thuong_khan": "THƯỢNG KHẨN", "hoa_toc": "HỎA TỐC"}


# Fixed wording of a Quyết định (Mẫu 1.2, 1.3): the openings of its grounds; a user's own opening is kept.
CAN_CU = "Căn cứ"
THEO_DE_NGHI = "Theo đề nghị của"
PROPOSAL_OPENINGS = ("Theo đề nghị", "Xét đề nghị")
# A last Điều that names who carries the decision out ("… chịu trách nhiệm thi hành Quyết định này.")
# opens the Nơi nhận with "Như Điều <n>".
EXECUTORS = re.compile(r"trách nhiệm (tổ chức |triển khai )?(thi hành|thực hiện)|thi hành quyết định|"
                       r"quyết định (này )?(để )?thi hành", re.IGNORECASE)
NHU_DIEU = "Như {dieu}"
# Mẫu 1.5: a công văn's Nơi nhận opens with its Kính gửi recipients, as "Như trên".
NHU_TREN = "Như trên"
VV = "V/v"


@dataclass(frozen=True)
class Level:
    """How one depth of a numbered body is labelled."""

    style: str  # a formats.labels style: "I.", "1.", "a)", "Điều"
    upper: bool = False  # its titles print in upper case (I. MỤC ĐÍCH, YÊU CẦU)
    bold_label: bool = False  # its label is bold even before plain text (Điều 1. Ban hành …)


# Numbering inside the body: plans, reports and other Mẫu 1.4 types; the Điều of a Quyết định.
PLAN_LEVELS = (Level("I.", upper=True), Level("1."), Level("a)"))
DECISION_LEVELS = (Level("Điều", bold_label=True), Level("1."), Level("a)"))
