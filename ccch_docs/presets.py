"""Column presets of phụ lục tables: the shapes real plans use, by name."""

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
