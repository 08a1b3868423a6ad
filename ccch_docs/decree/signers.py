"""The signer block (ô 7): the authority forms (TM., KT., TL., TUQ., Q.) in the decree's order, title, name."""

from __future__ import annotations

from typing import Any

from .bodies import LEVELS
from .names import title_of
from .presentation import SIGN_PREFIX_LIKE
from .wording import DEFAULT, Words

# The authority forms, in the order their lines are printed: (key of nguoi_ky and of the wording, what it is).
# The widest mandate comes first: TL. and TUQ. name the head the document speaks for, so a deputy signing for
# the unit that signs by order prints `TL. CHỦ TỊCH`, then `KT. CHÁNH VĂN PHÒNG`, then `PHÓ CHÁNH VĂN PHÒNG`.
AUTHORITIES = (
    ("tm", "thay mặt tập thể: dòng `TM. …`, ví dụ ỦY BAN NHÂN DÂN"),
    ("tl", "thừa lệnh: dòng `TL. …`, ví dụ CHỦ TỊCH (trước dòng KT. khi có cả hai)"),
    ("tuq", "thừa ủy quyền: dòng `TUQ. …` (trước dòng KT. khi có cả hai)"),
    ("kt", "ký thay người đứng đầu: dòng `KT. …`, ví dụ CHỦ TỊCH"),
    ("q", "quyền: dòng `Q. …`"),
)
KEYS = tuple(key for key, _ in AUTHORITIES)


# The forms a signer speaks for someone under: the signer's own title follows them (`Q. …` is that title itself).
SPEAKING_FOR = ("tm", "kt", "tl", "tuq")


def unprefixed(value: str, key: str) -> str:
    """The line of authority form `key` (tm, kt …) without the form the program prints before it, typed by the
    user too, as the decree writes it or not (`TM.`, `T/M`, `Tm.`, `TM`).

    >>> unprefixed("TM. ỦY BAN NHÂN DÂN", "tm"), unprefixed("T/M UBND", "tm"), unprefixed("KT. CHỦ TỊCH", "kt")
    ('ỦY BAN NHÂN DÂN', 'UBND', 'CHỦ TỊCH')
    >>> unprefixed("KT. CHỦ TỊCH", "tl"), unprefixed("TRUNG TÂM", "tm"), unprefixed("Q. GIÁM ĐỐC", "q")
    ('KT. CHỦ TỊCH', 'TRUNG TÂM', 'GIÁM ĐỐC')
    """
    m = SIGN_PREFIX_LIKE.match(value)
    if m and "".join(c for c in m.group() if c.isalpha()).casefold() == key:
        return value[m.end():].strip()
    return value


def _form(signer: Any, key: str) -> str:
    """The value of authority form `key` in a signer block (a model or its data), as printed after the form."""
    value = signer.get(key) if isinstance(signer, dict) else getattr(signer, key)
    return unprefixed(str(value or ""), key).upper()


def faults(signer: Any, words: Words = DEFAULT, own_name: bool = False) -> list[tuple[str, str, str]]:
    """What the decree forbids in a signer block, as (key, message, hint): a form speaking for someone with no
    title of the signer's own under it (`KT. CHỦ TỊCH` and no `PHÓ CHỦ TỊCH`), or any such form where the signer
    signs in their `own_name` (a biên bản's chủ tọa, thư ký, a party's representative); a name with a title or
    degree."""
    out: list[tuple[str, str, str]] = []
    speaking_for = [key for key in SPEAKING_FOR if getattr(signer, key)]
    form = speaking_for[0] if speaking_for else None
    if own_name:
        out.extend((key, f"người ký biên bản ký tên mình, không ký dưới dòng {words[key]}",
                    f"bỏ `{key}` (`{key}: null` khi nó đến từ tệp ke_thua); ghi vai trò trong vai_tro (THƯ KÝ, "
                    "CHỦ TỌA, ĐẠI DIỆN …), chức vụ trong chuc_vu")
                   for key in speaking_for)
    elif form and not signer.chuc_vu and not signer.q:
        out.append(("chuc_vu", f"thiếu chức vụ của người ký dưới dòng {words[form]} {_form(signer, form)}",
                    "thêm chuc_vu, ví dụ `chuc_vu: PHÓ CHỦ TỊCH`"))
    title = title_of(signer.ho_ten)
    if title:
        out.append(("ho_ten", f"họ tên người ký không kèm danh xưng, học hàm, học vị ({title[0]})",
                    f"viết `ho_ten: {title[1]}`"))
    return out


def titled(signer: Any) -> bool:
    """Whether the block has a line above the name: an authority form or the signer's own title."""
    return any(getattr(signer, key) for key in (*KEYS, "chuc_vu"))


def block(signer: Any, words: Words = DEFAULT, role: str = "") -> dict[str, Any]:
    """Ô 7: a biên bản's role line (the signer's `vai_tro`, else `role`: THƯ KÝ, CHỦ TỌA), the authority lines in
    the decree's order, then the title; and the name."""
    lines = [r.upper()] if (r := signer.vai_tro or role) else []
    lines += [f"{words[key]} {_form(signer, key)}" for key in KEYS if getattr(signer, key)]
    if signer.chuc_vu:
        lines.append(signer.chuc_vu.upper())
    return {"chuc_danh": lines, "ho_ten": signer.ho_ten}


_COMMITTEE = "ỦY BAN NHÂN DÂN"


def authority(ten: list[str], signer: dict[str, Any]) -> str | None:
    """A decision's authority line from a letterhead and its signer: the head's title and the body.

    >>> authority(["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH"})
    'CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ'
    >>> authority(["SỞ NỘI VỤ"], {"kt": "GIÁM ĐỐC", "chuc_vu": "PHÓ GIÁM ĐỐC"})
    'GIÁM ĐỐC SỞ NỘI VỤ'
    """
    head = (_form(signer, "kt") or str(signer.get("chuc_vu") or "").upper()).removeprefix("PHÓ ").strip()
    names = [str(t).upper() for t in ten]
    if not head or not names:
        return None
    if names[0] == _COMMITTEE and len(names) > 1:
        level = next((w for w in LEVELS if names[1].startswith(w + " ")), names[1])
        return f"{head} {_COMMITTEE} {level}"
    return f"{head} {' '.join(names)}"
