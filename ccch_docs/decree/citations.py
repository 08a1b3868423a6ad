"""How documents are named: số and ký hiệu, issuer names, citations, the "(Kèm theo …)" lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..formats import dates
from ..formats.text import one_line
from .layouts import LAYOUTS
from .wording import DEFAULT, SLOT, Words, fill

if TYPE_CHECKING:
    from ..model import VanBan


def so_text(so: int | str | None) -> str:
    """The number alone, as in `285/KH-UBND`; blanks when absent.

    >>> so_text(7), so_text("07"), so_text(None)
    ('07', '07', '      ')
    """
    if so is None or so == "":
        return "      "
    return f"{int(so):02d}" if str(so).isdigit() else str(so)


def so_ky_hieu(so: int | str | None, ky_hieu: str, words: Words = DEFAULT) -> str:
    """The `Số:` line (ô 3): a leading 0 below 10, a blank kept when the number is not given yet.

    >>> so_ky_hieu(5, "KH-UBND"), so_ky_hieu(285, "KH-UBND")
    ('Số: 05/KH-UBND', 'Số: 285/KH-UBND')
    >>> so_ky_hieu(None, "KH-VPUBND")
    'Số:       /KH-VPUBND'
    """
    return f"{words['so']} {so_text(so)}/{ky_hieu}"


def ky_hieu(doc: VanBan) -> str:
    """`KH-UBND` from the type and the issuing body as its layout puts them, unless the document sets its own."""
    if doc.ky_hieu:
        return doc.ky_hieu
    return fill(LAYOUTS[doc.type.mau].ky_hieu, loai=doc.type.abbr, co_quan=doc.co_quan.viet_tat or "",
                don_vi_soan=doc.don_vi_soan or "")


def ky_hieu_slots(pattern: str, sign: str, abbr: str) -> dict[str, str] | None:
    """The slots (`co_quan`, `don_vi_soan`) of ký hiệu `sign` as a layout's `pattern` lays them out, the inverse
    of `ky_hieu`; None when `sign` has another shape or another type's abbreviation than `abbr`.

    >>> ky_hieu_slots("{loai}-{co_quan}", "KH-UBND", "KH"), ky_hieu_slots("{co_quan}-{don_vi_soan}", "VPUBND-KS", "")
    ({'co_quan': 'UBND'}, {'co_quan': 'VPUBND', 'don_vi_soan': 'KS'})
    >>> ky_hieu_slots("{loai}-{co_quan}", "QĐ-UBND", "KH"), ky_hieu_slots("{co_quan}-{don_vi_soan}", "VPUBND", "")
    (None, None)
    """
    slots = SLOT.findall(pattern)
    pieces = sign.split("-", len(slots) - 1)
    if len(pieces) != len(slots) or not all(pieces):
        return None
    found = dict(zip(slots, pieces, strict=True))
    return found if found.pop("loai", abbr) == abbr else None


_SHORT = (("ỦY BAN NHÂN DÂN", "UBND"), ("UỶ BAN NHÂN DÂN", "UBND"), ("HỘI ĐỒNG NHÂN DÂN", "HĐND"))
_ADMIN = ("TỈNH", "THÀNH PHỐ", "HUYỆN", "QUẬN", "THỊ XÃ", "XÃ", "PHƯỜNG", "THỊ TRẤN")


def running_name(parent: str | None, lines: tuple[str, ...] | list[str]) -> str:
    """A letterhead name as written inside a sentence.

    >>> running_name(None, ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"])
    'UBND tỉnh Đồng Tháp'
    >>> running_name("UBND TỈNH ĐỒNG THÁP", ["VĂN PHÒNG"])
    'Văn phòng UBND tỉnh Đồng Tháp'
    """
    own = _running(" ".join(lines))
    if parent and not own.startswith("UBND"):
        return f"{own} {_running(parent)}"
    return own


def _running(name: str) -> str:
    name = one_line(name).upper()
    for long, short in _SHORT:
        for prefix in (long, short + " "):
            if name.startswith(prefix):
                return short + _place(name[len(prefix):].strip())
    return name.capitalize()


def _place(rest: str) -> str:
    for unit in _ADMIN:
        if rest.startswith(unit + " "):
            return f" {unit.lower()} {rest[len(unit) + 1:].title()}"
    return f" {rest.title()}" if rest else ""


def issuer(doc: VanBan, words: Words = DEFAULT) -> str:
    """Who issues `doc`, as written in a sentence: `UBND tỉnh Đồng Tháp`, `Chủ tịch UBND tỉnh Vĩnh Long`."""
    authority = (doc.tham_quyen or "").upper()
    return fill(words["chu_tich"], co_quan=doc.co_quan.goi) if authority.startswith("CHỦ TỊCH") else doc.co_quan.goi


def cite(doc: VanBan, issuer: str | None = None, long_date: bool = False, words: Words = DEFAULT) -> str:
    """How another text names `doc`: `Kế hoạch số 285/KH-UBND ngày 05/12/2020 của UBND tỉnh Đồng Tháp`.

    `long_date` writes the date as in running text (`ngày 05 tháng 12 năm 2020`); blanks are kept for
    a number or date not given yet.
    """
    day = dates.long_date(doc.ngay) if long_date else f"ngày {dates.short_date(doc.ngay)}"
    return fill(words["trich_dan"], loai=doc.type.title, so=so_text(doc.so), ky_hieu=ky_hieu(doc),
                ngay=day, co_quan=issuer or doc.co_quan.goi)


def attached_to(doc: VanBan, words: Words = DEFAULT, phrase: str = "kem_theo") -> str:
    """The italic line under what `doc` carries: `(Kèm theo Kế hoạch số 285/KH-UBND ngày 05/12/2020 của …)`
    (`phrase`: the wording's key)."""
    return fill(words[phrase], van_ban=cite(doc, issuer(doc, words), words=words))


def issued_by(doc: VanBan, words: Words = DEFAULT) -> str:
    """The italic line under the document a Quyết định issues: `(Kèm theo Quyết định số …)`; a pack may word
    it apart from the phụ lục lines (`(Ban hành kèm theo Quyết định số …)`, as many Quy chế print it)."""
    return attached_to(doc, words, "ban_hanh_kem_theo")


def issued_with(doc: VanBan, words: Words = DEFAULT) -> str:
    """The line under the phụ lục of the document a Quyết định issues:
    `(Kèm theo Kế hoạch ban hành kèm theo Quyết định số …)`."""
    assert doc.kem_theo is not None
    return fill(words["kem_theo_ban_hanh"], loai=doc.kem_theo.type.title,
                van_ban=cite(doc, issuer(doc, words), words=words))
