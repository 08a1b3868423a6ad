"""The document types of Phụ lục III: the `loai` key, tên loại, ký hiệu abbreviation and layout (mẫu)."""

from __future__ import annotations

from typing import NamedTuple


class DocType(NamedTuple):
    """One row of Phụ lục III: the `loai` key, its tên loại, abbreviation and layout."""

    key: str
    name: str  # tên loại, upper case as printed; "" for công văn
    abbr: str  # ký hiệu abbreviation; "" for công văn
    mau: str  # the key of its layout in decree.LAYOUTS
    addressed: bool = False  # it usually carries a Kính gửi block

    @property
    def title(self) -> str:
        """The type as named in a sentence: `Kế hoạch`; `Công văn`, the one type that prints no tên loại."""
        return self.name.capitalize() or "Công văn"


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
    ("bien_ban", "BIÊN BẢN", "BB", "bien_ban"),
    ("to_trinh", "TỜ TRÌNH", "TTr", "van_ban", True),
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
    ("cong_van", "", "", "cong_van", True),
)

TYPES: dict[str, DocType] = {row[0]: DocType(*row) for row in _ROWS}
