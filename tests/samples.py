"""Small valid documents of each layout, as dicts, for tests that change one key at a time."""

PLAN = {
    "loai": "ke_hoach",
    "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "viet_tat": "UBND"},
    "dia_danh": "Đồng Tháp", "so": 5, "ngay": "2022-01-05",
    "trich_yeu": "Cải cách hành chính năm 2022",
    "noi_dung": [{"tieu_de": "Mục đích", "doan": "Nội dung."}, {"tieu_de": "Tổ chức thực hiện", "doan": "Thực hiện./."}],
    "noi_nhan": ["Bộ Nội vụ"], "luu": "VT",
    "nguoi_ky": {"tm": "Ủy ban nhân dân", "chuc_vu": "Chủ tịch", "ho_ten": "Nguyễn Văn A"},
}

DECISION = {
    "loai": "quyet_dinh",
    "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG"], "viet_tat": "UBND"},
    "dia_danh": "Vĩnh Long", "so": 7, "ngay": "2022-05-18",
    "trich_yeu": "Về việc kiện toàn Ban Chỉ đạo cải cách hành chính tỉnh",
    "tham_quyen": "Chủ tịch Ủy ban nhân dân tỉnh",
    "can_cu": ["Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "Căn cứ Nghị quyết số 76/NQ-CP;",
               "Quyết định số 2617/QĐ-UBND ngày 30/9/2021."],
    "theo_de_nghi": "Giám đốc Sở Nội vụ tại Tờ trình số 315/TTr-SNV",
    "dieu": [
        {"doan": "Kiện toàn Ban Chỉ đạo, gồm:",
         "muc": [{"doan": "Trưởng ban: Chủ tịch UBND tỉnh."},
                 {"doan": "Các thành viên:", "muc": [{"doan": "Giám đốc Sở Tư pháp;"}, {"doan": "Giám đốc Sở Tài chính."}]}]},
        {"tieu_de": "Nhiệm vụ của Ban Chỉ đạo", "doan": "Giúp Chủ tịch UBND tỉnh chỉ đạo công tác CCHC.",
         "muc": [{"doan": "Theo dõi, đôn đốc."}, {"doan": "Kiểm tra, đánh giá."}]},
        "Chánh Văn phòng UBND tỉnh, Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.",
    ],
    "noi_nhan": ["Bộ Nội vụ", "CT, các PCT UBND tỉnh"],
    "luu": "VT, NC",
    "nguoi_ky": {"chuc_vu": "Chủ tịch", "ho_ten": "Lữ Quang Ngời"},
}

LETTER = {
    "loai": "cong_van",
    "co_quan": {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "VĂN PHÒNG", "viet_tat": "VPUBND"},
    "dia_danh": "Đồng Tháp", "so": 6, "ngay": "2022-06-02", "don_vi_soan": "KSTTHC",
    "trich_yeu": "báo cáo kết quả cải cách hành chính quý II năm 2022",
    "kinh_gui": "Sở Nội vụ",
    "mo_dau": "Văn phòng Ủy ban nhân dân Tỉnh đề nghị Sở Nội vụ tổng hợp, báo cáo./.",
    "noi_nhan": ["Lãnh đạo VPUBND Tỉnh"],
    "luu": "VT, KSTTHC",
    "nguoi_ky": {"kt": "Chánh Văn phòng", "chuc_vu": "Phó Chánh Văn phòng", "ho_ten": "Huỳnh Thanh Sơn"},
}

MINUTES = {
    "loai": "bien_ban",
    "co_quan": {"chu_quan": "UBND HUYỆN CHÂU THÀNH", "ten": "PHÒNG NỘI VỤ", "viet_tat": "PNV"},
    "dia_danh": "Châu Thành", "so": 3, "ngay": "2024-03-05",
    "trich_yeu": "Họp giao ban công tác cải cách hành chính quý I năm 2024",
    "thoi_gian_bat_dau": "14 giờ 00 phút, ngày 05 tháng 3 năm 2024",
    "dia_diem": "Phòng họp Phòng Nội vụ",
    "thanh_phan": "công chức Phòng Nội vụ",
    "noi_dung": [{"tieu_de": "Nội dung", "doan": "Các công chức báo cáo tiến độ."}],
    "ket_thuc": "Cuộc họp kết thúc vào 16 giờ 00 phút cùng ngày./.",
    "noi_nhan": ["Lãnh đạo Phòng"], "luu": "VT, Hồ sơ",
    "nguoi_cung_ky": {"ho_ten": "Lê Thị Thu"},
    "nguoi_ky": {"ho_ten": "Trần Minh Tâm"},
}
