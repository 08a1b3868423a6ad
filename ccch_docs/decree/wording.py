"""Every fixed phrase printed in documents, and whether a pack's `tu_ngu` may change it.

A phrase may hold `{name}` slots that `fill` replaces; a pack's own wording may use only the slots
of the phrase it replaces.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

Words = Mapping[str, str]  # key of PHRASES → the wording a document is printed with
SLOT = re.compile(r"\{([a-z_]+)\}")
BRACED = re.compile(r"\{[^{}]*\}|[{}]")  # what reads as a slot: any pair of braces, or one alone


class Phrase(NamedTuple):
    """A fixed phrase: its default text, whether a pack may override it, and what it is (for the pack schema)."""

    text: str
    overridable: bool
    note: str


def _fixed(text: str, note: str) -> Phrase:
    return Phrase(text, False, note)


def _pack(text: str, note: str) -> Phrase:
    return Phrase(text, True, note)


PHRASES: dict[str, Phrase] = {
    # Set by the decree itself: the same on every document.
    "quoc_hieu": _fixed("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Quốc hiệu (ô 1)"),
    "tieu_ngu": _fixed("Độc lập - Tự do - Hạnh phúc", "Tiêu ngữ (ô 1)"),
    "so": _fixed("Số:", "đầu dòng số, ký hiệu (ô 3)"),
    "v_v": _fixed("V/v", "đầu trích yếu của công văn"),
    "mat": _fixed("MẬT", "độ mật `mat` (ô 10a)"),
    "toi_mat": _fixed("TỐI MẬT", "độ mật `toi_mat`"),
    "tuyet_mat": _fixed("TUYỆT MẬT", "độ mật `tuyet_mat`"),
    "khan": _fixed("KHẨN", "độ khẩn `khan` (ô 10b)"),
    "thuong_khan": _fixed("THƯỢNG KHẨN", "độ khẩn `thuong_khan`"),
    "hoa_toc": _fixed("HỎA TỐC", "độ khẩn `hoa_toc`"),
    "tm": _fixed("TM.", "người ký thay mặt tập thể (ô 7a)"),
    "kt": _fixed("KT.", "người ký thay người đứng đầu"),
    "tl": _fixed("TL.", "người ký thừa lệnh"),
    "tuq": _fixed("TUQ.", "người ký thừa ủy quyền"),
    "q": _fixed("Q.", "người ký quyền"),
    "trich_dan": _fixed("{loai} số {so}/{ky_hieu} {ngay} của {co_quan}", "cách văn bản khác gọi văn bản này"),
    "chu_tich": _fixed("Chủ tịch {co_quan}", "người ban hành khi thẩm quyền là Chủ tịch"),
    # A pack may print its own.
    "noi_nhan": _pack("Nơi nhận:", "nhãn khối nơi nhận (ô 9b)"),
    "kinh_gui": _pack("Kính gửi:", "nhãn khối kính gửi (ô 9a)"),
    "luu": _pack("Lưu:", "nhãn dòng lưu cuối nơi nhận: `- Lưu: VT, …`"),
    "nhu_tren": _pack("Như trên", "dòng nơi nhận đầu tiên của công văn (những nơi kính gửi)"),
    "nhu_dieu": _pack("Như {dieu}", "dòng nơi nhận đầu tiên của quyết định có Điều cuối giao thi hành"),
    "can_cu": _pack("Căn cứ", "đầu mỗi căn cứ của quyết định"),
    "theo_de_nghi": _pack("Theo đề nghị của", "đầu dòng cơ quan đề nghị của quyết định"),
    "ky_bao_cao": _pack("(số liệu tính từ {tu} đến {den})", "dòng kỳ báo cáo dưới trích yếu"),
    "phu_luc": _pack("Phụ lục", "tiêu đề phụ lục (hoặc PHỤ LỤC); có số La Mã khi văn bản có nhiều phụ lục"),
    "so_tt": _pack("Số TT", "ô đầu dòng tiêu đề của bảng (hoặc STT)"),
    "kem_theo": _pack("(Kèm theo {van_ban})", "dòng dưới tiêu đề phụ lục và văn bản ban hành kèm theo"),
    "ban_hanh_kem_theo": _pack("(Kèm theo {van_ban})", "dòng dưới tên văn bản do quyết định ban hành kèm theo "
                               "(nhiều nơi in quy chế, quy định: (Ban hành kèm theo {van_ban}))"),
    "kem_theo_ban_hanh": _pack("(Kèm theo {loai} ban hành kèm theo {van_ban})",
                               "dòng dưới tiêu đề phụ lục của văn bản ban hành kèm theo quyết định"),
    "thoi_gian_bat_dau": _pack("Thời gian bắt đầu:", "biên bản (Mẫu 1.9): đầu dòng thời gian bắt đầu"),
    "dia_diem": _pack("Địa điểm:", "biên bản: đầu dòng địa điểm"),
    "thanh_phan": _pack("Thành phần tham dự:", "biên bản: đầu dòng thành phần tham dự"),
    "chu_tri": _pack("Chủ trì (chủ toạ):", "biên bản: đầu dòng người chủ trì (hoặc Chủ trì:)"),
    "thu_ky": _pack("Thư ký (người ghi biên bản):", "biên bản: đầu dòng thư ký (hoặc Thư ký:)"),
    "ky_chu_toa": _pack("CHỦ TỌA", "biên bản: vai trò của người ký bên phải khi nguoi_ky không ghi vai_tro"),
    "ky_thu_ky": _pack("THƯ KÝ", "biên bản: vai trò của người ký bên trái khi nguoi_cung_ky không ghi vai_tro"),
    "tong_cong": _pack("Tổng cộng", "dòng tổng của bảng phụ lục"),
    "tong_chua_tinh": _pack("(chưa tính {n} dòng ghi bằng chữ)",
                            "dưới số tổng, khi cột được cộng có ô ghi bằng chữ (Theo Đề án …)"),
    "ket_qua_tieu_de": _pack("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỤ THỂ", "tiêu đề phụ lục kết quả của báo cáo"),
    "cot_tinh_trang": _pack("Tình trạng", "cột tình trạng của phụ lục kết quả"),
    "cot_ket_qua": _pack("Kết quả thực hiện", "cột kết quả của phụ lục kết quả"),
    "hoan_thanh": _pack("Hoàn thành", "tình trạng `hoan_thanh`"),
    "dang_thuc_hien": _pack("Đang thực hiện", "tình trạng `dang_thuc_hien`"),
    "chua_thuc_hien": _pack("Chưa thực hiện", "tình trạng `chua_thuc_hien`"),
    "chua_bao_cao": _pack("Chưa báo cáo", "nhiệm vụ báo cáo không nhắc tới"),
}

DEFAULT: Words = {key: p.text for key, p in PHRASES.items()}
OVERRIDABLE = tuple(key for key, p in PHRASES.items() if p.overridable)

# Openings of a grounds line the user may write in full instead of `Căn cứ` / `Theo đề nghị của` (kept as written).
PROPOSAL_OPENINGS = ("Theo đề nghị", "Theo đề xuất", "Theo ý kiến", "Xét đề nghị", "Xét đề xuất", "Xét tờ trình",
                     "Thực hiện")


def words(overrides: Mapping[str, str | None] | None = None) -> Words:
    """The wording of a document: the defaults with a pack's overridable phrases replaced.

    >>> words({"luu": "Lưu trữ:"})["luu"], words()["luu"]
    ('Lưu trữ:', 'Lưu:')
    """
    given = {k: v for k, v in (overrides or {}).items() if v is not None and PHRASES[k].overridable}
    return {**DEFAULT, **given} if given else DEFAULT


def slots(text: str) -> set[str]:
    """The `{name}` slots of a phrase.

    >>> sorted(slots("(Số liệu tính từ ngày {tu} đến ngày {den})"))
    ['den', 'tu']
    """
    return set(SLOT.findall(text))


def strays(text: str, phrase: str) -> list[str]:
    """The braces of `text` that are no slot of `phrase` (`fill` would print them as typed), each once.

    >>> strays("Như {dieu} {0} {} {ten!r} {dieuu} {", "Như {dieu}")
    ['{0}', '{}', '{ten!r}', '{dieuu}', '{']
    """
    allowed = {f"{{{x}}}" for x in slots(phrase)}
    return list(dict.fromkeys(x for x in BRACED.findall(text) if x not in allowed))


def fill(text: str, **values: str) -> str:
    """The phrase with its slots replaced (plain replacement: a value's own braces are left alone).

    >>> fill("Như {dieu}", dieu="Điều 3")
    'Như Điều 3'
    """
    return SLOT.sub(lambda m: values.get(m.group(1), m.group(0)), text)
