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

# A report's results table: the plan's columns kept (those present), then the result columns.
RESULT_KEEP = ("noi_dung", "chu_tri", "thoi_gian")
RESULT_COLUMNS = (("tinh_trang", "Tình trạng", 2), ("ket_qua", "Kết quả thực hiện", 5))
RESULT_TITLE = "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ"

# Task states a report may give (`ket_qua.<ma>.tinh_trang`), then the state of a task it does not mention,
# and how each is written in the results table.
STATUS = {"hoan_thanh": "Hoàn thành", "dang_thuc_hien": "Đang thực hiện", "chua_thuc_hien": "Chưa thực hiện"}
UNREPORTED = "chua_bao_cao"
STATUS_LABELS = {**STATUS, UNREPORTED: "Chưa báo cáo"}
