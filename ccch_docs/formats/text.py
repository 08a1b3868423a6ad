"""Text hygiene: NFC, whitespace and the decree's end-of-line punctuation."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UNTIDY = re.compile(r"[^\S ]|  ")  # white space other than single spaces
_END_PUNCT = ";.,:"


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the decree's font standard (TCVN 6909) expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) to one space and trim.

    >>> one_line("  Kế   hoạch\\nnăm 2021 ")
    'Kế hoạch năm 2021'
    """
    text = nfc(text)
    if _UNTIDY.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()


def end_with(text: str, mark: str) -> str:
    """End `text` with `mark`, replacing a trailing `;`, `.`, `,` or `:` the user typed.

    >>> end_with("Bộ Nội vụ", ";")
    'Bộ Nội vụ;'
    >>> end_with("Bộ Nội vụ;", ";")
    'Bộ Nội vụ;'
    >>> end_with("VT, T (KSTTHC).", ".")
    'VT, T (KSTTHC).'
    >>> end_with("xem xét./.", ".")
    'xem xét./.'
    """
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(_END_PUNCT).rstrip() + mark


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
