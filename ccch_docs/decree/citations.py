"""How documents are named: số and ký hiệu, issuer names, citations, the "(Kèm theo …)" lines."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..formats import dates
from ..formats.text import one_line
from . import bodies
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


# A year among the parts of a ký hiệu or number (285/2020/KH-UBND): the decree's ký hiệu has none.
YEAR = re.compile(r"(^|[/-])(19|20)\d\d($|[/-])")
_BREAK = re.compile(r"[\s/]")  # a ký hiệu is one word; `/` parts it from the number


def ky_hieu_faults(sign: str, abbr: str = "") -> tuple[str, ...]:
    """The decree's rules ký hiệu `sign` breaks, for a type abbreviated `abbr`: `year`, `form` (a space or a
    `/` in it: its parts are joined by `-`), `type` (it does not open with `abbr`), `case` (a small letter: after
    the abbreviation, which may have some (TTr), or anywhere when there is none, as in a công văn's or in one
    part such as co_quan.viet_tat).

    >>> ky_hieu_faults("KH-UBND", "KH"), ky_hieu_faults("TTr-SNV", "TTr"), ky_hieu_faults("VPUBND-KSTTHC")
    ((), (), ())
    >>> ky_hieu_faults("KH - UBND", "KH"), ky_hieu_faults("KH/UBND", "KH"), ky_hieu_faults("2020/KH-UBND", "KH")
    (('form',), ('form',), ('year',))
    >>> ky_hieu_faults("kh-ubnd", "KH"), ky_hieu_faults("QĐ-UBND", "KH"), ky_hieu_faults("ubnd")
    (('type', 'case'), ('type',), ('case',))
    """
    if YEAR.search(sign):
        return ("year",)
    if not sign or _BREAK.search(sign):
        return ("form",)
    head, _, rest = sign.partition("-")
    if not abbr:
        return ("case",) if sign != sign.upper() else ()
    return (("type",) if head != abbr else ()) + (("case",) if rest != rest.upper() else ())


def joined(sign: str) -> str:
    """`sign` written as one word, its parts joined by `-`.

    >>> joined("KH - UBND"), joined("KH/UBND"), joined("UB ND")
    ('KH-UBND', 'KH-UBND', 'UBND')
    """
    return "".join(re.sub(r"\s*[/-]\s*", "-", sign.strip()).split())


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


def running_name(parent: str | None, lines: tuple[str, ...] | list[str]) -> str:
    """A letterhead name as written inside a sentence (Phụ lục II): the kind of body and its field capitalised,
    a specialised body of a People's Committee named with its place, others with their parent.

    >>> running_name(None, ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]), running_name(None, ["ỦY BAN NHÂN DÂN", "XÃ TÂN PHÚ"])
    ('UBND tỉnh Đồng Tháp', 'UBND xã Tân Phú')
    >>> running_name("UBND TỈNH ĐỒNG THÁP", ["VĂN PHÒNG"]), running_name("UBND TỈNH ĐỒNG THÁP", ["SỞ NỘI VỤ"])
    ('Văn phòng UBND tỉnh Đồng Tháp', 'Sở Nội vụ tỉnh Đồng Tháp')
    >>> running_name("ỦY BAN NHÂN DÂN HUYỆN CHÂU THÀNH", ["PHÒNG VĂN HÓA VÀ THÔNG TIN"])
    'Phòng Văn hóa và Thông tin huyện Châu Thành'
    >>> running_name(None, ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]), running_name("BỘ NỘI VỤ", ["VỤ CẢI CÁCH"])
    ('Sở Lao động - Thương binh và Xã hội', 'Vụ Cải cách Bộ Nội vụ')
    >>> running_name("UBND HUYỆN LAI VUNG", ["VĂN PHÒNG HĐND VÀ UBND"])  # it names the committee: the place follows
    'Văn phòng HĐND và UBND huyện Lai Vung'
    >>> running_name("UBND THÀNH PHỐ HỒ CHÍ MINH", ["BAN QUẢN LÝ DỰ ÁN", "ĐẦU TƯ XÂY DỰNG"])
    'Ban Quản lý dự án đầu tư xây dựng Thành phố Hồ Chí Minh'
    >>> running_name("BỘ CÔNG AN", ["CÔNG AN TỈNH ĐỒNG THÁP"])  # a kind not in decree.bodies: its name as written
    'Công an tỉnh Đồng Tháp'
    """
    name = " ".join(lines)
    kind, own, place = _read(name)
    if kind in bodies.COMMITTEES or not parent:
        return _joined(own, place)
    parent_kind, parent_own, parent_place = _read(parent)
    bare = not place or " ".join(place) in bodies.LEVELS
    by_place = (kind is not None and kind.by_place) or one_line(name).upper().endswith(_COMMITTEE_WORDS)
    if bare and by_place and parent_kind in bodies.COMMITTEES and parent_place:
        return _joined(own, parent_place)
    if not bare:
        return _joined(own, place)
    return f"{_joined(own, place)} {_joined(parent_own, parent_place)}"


_COMMITTEE_WORDS = tuple(f" {k.upper}" for k in bodies.COMMITTEES)


def _read(name: str) -> tuple[bodies.Kind | None, str, list[str]]:
    """A letterhead name as its kind, its name in a sentence without its place, and its place's words."""
    words = one_line(name).upper().split()
    kind = next((k for k in (*bodies.COMMITTEES, *bodies.KINDS) if _opens(words, k.upper)), None)
    start = len(kind.upper.split()) if kind else 0
    at = next((i for i in range(start, len(words)) if _level(words[i:])), len(words))
    rest, place = words[start:at], words[at:]
    if kind in bodies.COMMITTEES and not place:
        written = " ".join(rest).title()
    else:
        written = _field(rest, kind)
    return kind, " ".join(filter(None, (kind.written if kind else "", written))), place


def _opens(words: list[str], phrase: str) -> bool:
    return words[:len(phrase.split())] == phrase.split()


def _level(words: list[str]) -> str | None:
    """The level word opening `words` when they are a place (`TỈNH ĐỒNG THÁP`, a bare `TỈNH`), else None."""
    level = next((lv for lv in bodies.LEVELS if _opens(words, lv)), None)
    if level is None or " ".join(words[:len(level.split()) + 1]) in bodies.NOT_PLACES:
        return None
    return level


def _field(words: list[str], kind: bodies.Kind | None) -> str:
    """The words after the kind: a capital on the first and, in a field, on each coordinated one."""
    out, coordinated = [], kind is not None and kind.field
    capital = kind is None or kind.field
    for word in words:
        if word in bodies.ABBREVIATIONS or word in bodies.COORDINATORS:
            out.append(word if word in bodies.ABBREVIATIONS else word.lower())
            capital = coordinated and word in bodies.COORDINATORS
            continue
        out.append(word[:1] + word[1:].lower() if capital else word.lower())
        capital = coordinated and word.endswith(",")
    return " ".join(out)


def _joined(own: str, place: list[str]) -> str:
    """`own` followed by its place: the level word in lower case, the name capitalised (`tỉnh Đồng Tháp`)."""
    text = " ".join(place)
    if text in bodies.PROPER_PLACES:
        text = bodies.PROPER_PLACES[text]
    elif place:
        level = _level(place) or ""
        text = level.lower() + text[len(level):].title()
    return f"{own} {text}".strip()


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
