"""A biên bản's own parts read back (Mẫu 1.9): the labelled lines before its content."""

from __future__ import annotations

import re
from typing import Any

# The lines before a biên bản's content, by their labels as the decree writes them or as clerks shorten them.
LABELS = (
    ("thoi_gian_bat_dau", re.compile(r"^Thời gian bắt đầu\s*:\s*", re.IGNORECASE)),
    ("dia_diem", re.compile(r"^Địa điểm\s*:\s*", re.IGNORECASE)),
    ("thanh_phan", re.compile(r"^Thành phần(?: tham dự)?\s*:\s*", re.IGNORECASE)),
    ("chu_tri", re.compile(r"^Chủ trì(?:\s*\(chủ t(?:o[ạa]|ọa)\))?\s*:\s*", re.IGNORECASE)),
    ("thu_ky", re.compile(r"^Thư ký(?:\s*\(người ghi biên bản\))?\s*:\s*", re.IGNORECASE)),
)


def _label(text: str) -> tuple[str | None, str]:
    """The key a line's label names and the text after the label; None when it opens with no label."""
    for key, label in LABELS:
        m = label.match(text)
        if m:
            return key, text[m.end():].strip()
    return None, ""


# A level-I heading (`I. KẾT QUẢ KIỂM TRA`): the content has begun.
_HEADING = re.compile(r"^[IVXLC]+\.\s")


def opening(texts: list[str]) -> tuple[dict[str, Any], int]:
    """The labelled lines opening a biên bản's paragraphs `texts`, as keys, and how many paragraphs they take.
    The paragraphs under a bare `Thành phần tham dự:` line are its items, up to the next label or the first
    level-I heading, whichever comes first (a label's words further on open a paragraph of the content).

    >>> opening(["Thời gian bắt đầu: 8 giờ", "Thành phần tham dự:", "1. A", "2. B", "Chủ trì (chủ toạ): C", "Mở"])
    ({'thoi_gian_bat_dau': '8 giờ', 'thanh_phan': ['1. A', '2. B'], 'chu_tri': 'C'}, 5)
    >>> opening(["Thành phần tham dự:", "- A;", "- B.", "I. NỘI DUNG"])
    ({'thanh_phan': ['- A;', '- B.']}, 3)
    """
    found: dict[str, Any] = {}
    i = 0
    while i < len(texts):
        key, rest = _label(texts[i])
        if key is None or key in found:
            break
        i += 1
        value: str | list[str] = rest
        if key == "thanh_phan" and not rest:
            end = next((k for k in range(i, len(texts)) if _label(texts[k])[0] is not None or _HEADING.match(texts[k])),
                       len(texts))
            value, i = texts[i:end], end
        if value:
            found[key] = value
    return found, i
