"""Width of a line of text in Times New Roman, from the advance widths shipped in data/metrics.json."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

_FALLBACK = 500  # per mille of the size: an average glyph, for characters outside the table
_FACES = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold_italic"}


@cache
def _table(face: str) -> dict[str, int]:
    data = json.loads(files("ccch_docs").joinpath("data/metrics.json").read_text("utf-8"))
    return data[face]


def text_width(text: str, size: float, bold: bool = False, italic: bool = False) -> float:
    """Width in points of `text` set on one line at `size` points (no kerning).

    >>> round(text_width("Độc lập - Tự do - Hạnh phúc", 14, bold=True))
    171
    """
    table = _table(_FACES[bold, italic])
    return sum(table.get(ch, _FALLBACK) for ch in text) * size / 1000
