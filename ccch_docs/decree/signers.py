"""The signer block (ô 7): the authority forms (TM., KT., TL., TUQ., Q.) in the decree's order, title, name."""

from __future__ import annotations

from typing import Any

from .wording import DEFAULT, Words

# The authority forms, in the order their lines are printed: (key of nguoi_ky and of the wording, what it is).
AUTHORITIES = (
    ("tm", "thay mặt tập thể: dòng `TM. …`, ví dụ ỦY BAN NHÂN DÂN"),
    ("kt", "ký thay người đứng đầu: dòng `KT. …`, ví dụ CHỦ TỊCH"),
    ("tl", "thừa lệnh: dòng `TL. …`"),
    ("tuq", "thừa ủy quyền: dòng `TUQ. …`"),
    ("q", "quyền: dòng `Q. …`"),
)
KEYS = tuple(key for key, _ in AUTHORITIES)


def titled(signer: Any) -> bool:
    """Whether the block has a line above the name: an authority form or the signer's own title."""
    return any(getattr(signer, key) for key in (*KEYS, "chuc_vu"))


def block(signer: Any, words: Words = DEFAULT) -> dict[str, Any]:
    """Ô 7: the authority lines in the decree's order, then the title; and the name."""
    lines = [f"{words[key]} {getattr(signer, key).upper()}" for key in KEYS if getattr(signer, key)]
    if signer.chuc_vu:
        lines.append(signer.chuc_vu.upper())
    return {"chuc_danh": lines, "ho_ten": signer.ho_ten}
