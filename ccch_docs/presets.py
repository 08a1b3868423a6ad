"""Presets of phụ lục tables: the column shapes real plans use, by name, and the results table of reports."""

from __future__ import annotations

# Each column after the automatic STT column: (khoa, ten, rong).
PRESETS: dict[str, tuple[tuple[str, str, float], ...]] = {
    # Seed 003 (Đồng Tháp): 8 columns with STT.
    "ke_hoach_8_cot": (
        ("noi_dung", "Nội dung thực hiện", 6), ("san_pham", "Sản phẩm", 3),
        ("chu_tri", "Cơ quan, đơn vị chủ trì", 3), ("phoi_hop", "Cơ quan, đơn vị phối hợp", 3),
        ("thoi_gian", "Thời gian thực hiện", 3), ("kinh_phi", "Kinh phí dự kiến", 2), ("ghi_chu", "Ghi chú", 2),
    ),
    # Seed 004 (Vĩnh Long): 6 columns with STT.
    "ke_hoach_6_cot": (
        ("noi_dung", "Nội dung nhiệm vụ", 6), ("chu_tri", "Cơ quan chủ trì", 3),
        ("phoi_hop", "Cơ quan phối hợp", 3), ("san_pham", "Sản phẩm", 4), ("thoi_gian", "Thời gian hoàn thành", 3),
    ),
}

# Columns of amounts: number columns wherever a table has them, unless declared `kieu: chu`.
NUMBER_KEYS = frozenset({"kinh_phi"})

# A report's results table: the plan's columns kept (those present), then the result columns
# (khoa, the decree.wording key of its name, rong); its title is the wording `ket_qua_tieu_de`.
RESULT_KEEP = ("noi_dung", "chu_tri", "thoi_gian")
RESULT_COLUMNS = (("tinh_trang", "cot_tinh_trang", 2), ("ket_qua", "cot_ket_qua", 5))

# Task states a report may give (`ket_qua.<ma>.tinh_trang`), then the state of a task it does not mention;
# each is printed as the decree.wording phrase of the same key.
STATUS = ("hoan_thanh", "dang_thuc_hien", "chua_thuc_hien")
UNREPORTED = "chua_bao_cao"
STATES = (*STATUS, UNREPORTED)
