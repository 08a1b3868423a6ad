"""The layouts (mẫu) of Phụ lục III, one object each: what differs from one layout to another."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from ..markup import plain_text
from .numbering import BODIES, LETTER_LEVELS, Scheme, labels
from .types import TYPES
from .wording import Words, fill

if TYPE_CHECKING:
    from ..model import Muc, VanBan


class Requirement(NamedTuple):
    """A key a layout cannot do without (unless the document gives `unless`), and what to tell the user."""

    key: str
    message: str
    hint: str
    unless: str | None = None


Opening = Callable[["VanBan", Words], "str | None"]


class Layout(NamedTuple):
    """One mẫu: its template, the keys it needs or has no place for, its ký hiệu, Nơi nhận opening,
    extra context keys and starter lines."""

    key: str
    number: str  # the mẫu of Phụ lục III
    template: str  # the .docx that lays it out
    only: tuple[str, ...] = ()  # keys no other layout prints
    without: tuple[str, ...] = ()  # keys it has no place for
    without_hint: str = ""
    requires: tuple[Requirement, ...] = ()
    ky_hieu: str = "{loai}-{co_quan}"  # the default ký hiệu (fill slots: loai, co_quan, don_vi_soan)
    opening: Opening | None = None  # the first Nơi nhận line
    parts: tuple[str, ...] = ()  # context keys only it has
    starter: tuple[tuple[str, str], ...] = ()  # a starter's lines for its own keys: (YAML, comment)
    every_type: bool = False  # `templates check` renders its sample as each type it lays out
    issues: str | None = None  # the layout of the document it may issue (`kem_theo`)
    carries: tuple[str, ...] = ()  # for an issued document's layout: the layouts such a document may have
    levels: Scheme = BODIES["noi_dung"]  # the numbering of its body (`noi_dung`)
    roles: tuple[str, ...] = ()  # two signers side by side: the wording keys of their default roles (left, right)
    undated: bool = False  # its model has no địa danh, ngày line (Mẫu 1.9): `check` does not ask for one
    period: bool = False  # it prints a report's period line, `(số liệu tính từ … đến …)`, under its trích yếu

    def scheme(self, key: str) -> Scheme:
        """The numbering of body `key` (`noi_dung`, `dieu`) in this layout."""
        return self.levels if key == "noi_dung" else BODIES[key]

    @property
    def body(self) -> str:
        """The key of its numbered body: `dieu` for a decision's Điều, `noi_dung` otherwise."""
        return next((key for key in BODIES if key in self.parts), "noi_dung")

    @property
    def grounds(self) -> bool:
        """Its body follows an authority line, its căn cứ and `QUYẾT ĐỊNH:`."""
        return "can_cu" in self.parts

    @property
    def v_v(self) -> bool:
        """Its trích yếu is the `V/v …` line under the số, not a title under a tên loại."""
        return "v_v" in self.parts


# A last Điều that names who carries the decision out ("… chịu trách nhiệm thi hành Quyết định này.")
# opens the Nơi nhận with "Như Điều <n>".
EXECUTORS = re.compile(r"trách nhiệm (tổ chức |triển khai )?(thi hành|thực hiện)|thi hành quyết định|"
                       r"quyết định (này )?(để )?thi hành", re.IGNORECASE)


def _texts(part: Muc) -> list[str]:
    """Every title and paragraph of a part and its children, without emphasis marks."""
    own = [part.tieu_de or "", *(t for t in part.doan if isinstance(t, str))]
    return [plain_text(t) for t in own] + [t for child in part.muc for t in _texts(child)]


def executors_article(doc: VanBan, words: Words) -> str | None:
    """`Như Điều 3` when the last Điều names who carries the decision out; 3 is the last Điều label printed."""
    if not doc.dieu or not any(EXECUTORS.search(t) for t in _texts(doc.dieu[-1])):
        return None
    printed = [x for x in labels([p.so for p in doc.dieu], BODIES["dieu"][0].style) if x]
    return fill(words["nhu_dieu"], dieu=printed[-1].rstrip(".")) if printed else None


def addressees_above(doc: VanBan, words: Words) -> str:
    """A công văn's Nơi nhận opens with its Kính gửi recipients, as `Như trên`."""
    return words["nhu_tren"]


_DECISION_STARTER = (
    ("tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "dòng thẩm quyền ban hành, in hoa"),
    ("can_cu:", "căn cứ ban hành: `Căn cứ`, `;` và `.` được thêm tự động"),
    ("  - Luật Tổ chức chính quyền địa phương ngày 19/6/2015", ""),
    ("theo_de_nghi: (cơ quan đề nghị …)", "sau `Theo đề nghị của`"),
    ("dieu:", "các Điều: một chuỗi, hoặc {tieu_de, doan, muc} (khoản 1., điểm a))"),
    ('  - "(nội dung Điều 1 …)"', ""),
    ('  - "(cơ quan …) chịu trách nhiệm thi hành Quyết định này./."', ""),
    ("# kem_theo: ke-hoach.yaml", "Mẫu 1.3: văn bản ban hành kèm theo (đường dẫn hoặc khối khóa)"),
)

# Mẫu 1.9: what a biên bản states before its content, and its second signer, on the left.
_MINUTES_STARTER = (
    ("thoi_gian_bat_dau: (giờ, ngày bắt đầu …)", "biên bản: dòng `Thời gian bắt đầu:`"),
    ("dia_diem: (địa điểm …)", "dòng `Địa điểm:`"),
    ("thanh_phan:", "dòng `Thành phần tham dự:`; danh sách: mỗi phần tử một đoạn dưới dòng đó"),
    ('  - "(thành phần …)"', ""),
    ("chu_tri: (họ tên, chức vụ …)", "dòng `Chủ trì (chủ toạ):` (không bắt buộc)"),
    ("thu_ky: (họ tên, chức vụ …)", "dòng `Thư ký (người ghi biên bản):` (không bắt buộc)"),
    ("nguoi_cung_ky: {ho_ten: (họ và tên …)}", "người ký bên trái, THƯ KÝ; hoặc `vai_tro: ĐẠI DIỆN …`"),
)
_MINUTES = Layout(
    "bien_ban", "1.9", "bien_ban",
    only=("thoi_gian_bat_dau", "dia_diem", "thanh_phan", "chu_tri", "thu_ky", "nguoi_cung_ky"),
    without=("kinh_gui",), without_hint="biên bản không có Kính gửi: ghi nơi nhận trong noi_nhan",
    requires=(Requirement("thoi_gian_bat_dau", "biên bản cần thời gian bắt đầu",
                          "ví dụ `thoi_gian_bat_dau: 08 giờ 00 phút, ngày 15 tháng 10 năm 2024`"),
              Requirement("dia_diem", "biên bản cần địa điểm",
                          "ví dụ `dia_diem: Hội trường Ủy ban nhân dân xã Tân Phú`"),
              Requirement("thanh_phan", "biên bản cần thành phần tham dự",
                          "một dòng, hoặc danh sách: mỗi phần tử một đoạn, ví dụ "
                          "`thanh_phan: [\"1. Đoàn kiểm tra: …\", \"2. Ủy ban nhân dân xã: …\"]`"),
              Requirement("ket_thuc", "biên bản cần dòng kết thúc (… kết thúc vào … giờ …, ngày … tháng … năm …)",
                          "ví dụ `ket_thuc: Cuộc họp kết thúc vào 11 giờ 00 phút cùng ngày./.`"),
              Requirement("nguoi_cung_ky", "biên bản cần người ký bên trái (thư ký, người ghi biên bản)",
                          "ví dụ `nguoi_cung_ky: {ho_ten: Lê Thị Thu}`; vai trò mặc định THƯ KÝ, "
                          "hoặc `vai_tro: ĐẠI DIỆN …`")),
    parts=("thong_tin", "chu_ky"), starter=_MINUTES_STARTER, roles=("ky_thu_ky", "ky_chu_toa"), undated=True)

LAYOUTS: dict[str, Layout] = {layout.key: layout for layout in (
    Layout("van_ban", "1.4", "van_ban", every_type=True, period=True),
    Layout("quyet_dinh", "1.2", "quyet_dinh",
           only=("tham_quyen", "can_cu", "theo_de_nghi", "dieu"),
           without=("kinh_gui", "mo_dau", "noi_dung", "ket_thuc"),
           without_hint="viết nội dung quyết định trong các Điều (`dieu`)",
           requires=(Requirement("tham_quyen", "quyết định cần dòng thẩm quyền ban hành",
                                 "ví dụ `tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH`"),
                     Requirement("dieu", "quyết định cần ít nhất một Điều",
                                 "viết `dieu:` là danh sách; mỗi Điều là một chuỗi hoặc {tieu_de, doan, muc}")),
           opening=executors_article, parts=("tham_quyen", "can_cu", "dieu"), starter=_DECISION_STARTER,
           issues="kem_theo"),
    Layout("kem_theo", "1.3", "quyet_dinh", carries=("van_ban",)),
    Layout("cong_van", "1.5", "cong_van",
           only=("don_vi_soan",),
           requires=(Requirement("kinh_gui", "công văn cần nơi gửi (`Kính gửi:`)",
                                 "ví dụ `kinh_gui: [Sở Nội vụ, Sở Tài chính]`"),
                     Requirement("don_vi_soan", "công văn cần đơn vị soạn thảo để tạo ký hiệu (06/VPUBND-KSTTHC)",
                                 "thêm `don_vi_soan: KSTTHC`, hoặc ghi thẳng `ky_hieu`", unless="ky_hieu")),
           ky_hieu="{co_quan}-{don_vi_soan}", opening=addressees_above, parts=("v_v",), levels=LETTER_LEVELS,
           starter=(("don_vi_soan: (đơn vị soạn …)",
                     "công văn: đơn vị soạn thảo, phần sau của ký hiệu (06/VPUBND-KSTTHC)"),)),
    _MINUTES,
)}



def layout_of(loai: str | None) -> Layout:
    """The layout of type `loai`; an unknown type's is Mẫu 1.4, the layout of most.

    >>> layout_of("quyet_dinh").number, layout_of("ke_hoach").number, layout_of(None).number
    ('1.2', '1.4', '1.4')
    """
    return LAYOUTS[TYPES[loai].mau if loai in TYPES else "van_ban"]


# The type of a document printed without a tên loại: the one whose trích yếu is a `V/v …` line (công văn).
UNTITLED = next(key for key, t in TYPES.items() if not t.name and LAYOUTS[t.mau].v_v)
ISSUED = LAYOUTS["kem_theo"]  # Mẫu 1.3: the document a Quyết định issues
# Each key only one layout prints → that layout.
ONLY: dict[str, str] = {key: layout.key for layout in LAYOUTS.values() for key in layout.only}
