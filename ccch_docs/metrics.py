"""Width of a line of text in Times New Roman, from the advance widths shipped in data/metrics.json."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_FALLBACK = 500  # per mille of the size: an average glyph, for characters outside the table
_FACES = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold_italic"}
_METRICS = Path(__file__).parent / "data" / "metrics.json"


@cache
def _tables() -> dict[str, dict[str, int]]:
    return json.loads(_METRICS.read_text("utf-8"))


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of `text` set on one line at `size` points (no kerning).

    >>> round(text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    171
    """
    table = _tables()[_FACES[bold, italic]]
    return sum(table.get(ch, _FALLBACK) for ch in text) * size / 1000


def lines_needed(text: str, room: float, size: float, bold: bool = False, italic: bool = False) -> int:
    """How many lines `text` takes in `room` points at `size` points, broken at spaces as word processors do
    (a word wider than the room stands on a line of its own).

    >>> lines_needed("PHÓ TRƯỞNG PHÒNG NỘI VỤ", 240, 14, bold=True)
    1
    >>> lines_needed("PHÓ TRƯỞNG PHÒNG NỘI VỤ HUYỆN CHÂU THÀNH", 240, 14, bold=True)
    2
    """
    space = text_width(" ", size, bold, italic)
    lines, used = 1, 0.0
    for word in text.split():
        wide = text_width(word, size, bold, italic)
        if used and used + space + wide > room:
            lines, used = lines + 1, wide
        else:
            used += (space if used else 0.0) + wide
    return lines
