"""Layout the decree fixes on top of a template: the paired sizes, and solid lines and boxes sized to their text."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from . import ooxml
from .decree.presentation import LINES
from .metrics import text_width


@dataclass(frozen=True)
class Fit:
    """How a bordered paragraph style is sized: to its own text or to the paragraph above, times `ratio`."""

    source: str  # "own" | "previous"
    ratio: float
    pad_pt: float = 0.0


# The contract with templates, by style name (word processors may rewrite style ids, never names):
# paragraphs in these styles carry a border whose length is set here.
FITS = {
    "CCHC Tiêu ngữ": Fit("own", LINES["tieu_ngu"].ratio),  # a line as long as the Tiêu ngữ
    "CCHC Đường kẻ ngắn": Fit("previous", LINES["trich_yeu"].ratio),  # 1/3 to 1/2 of the line above (cơ quan, trích yếu)
    "CCHC Độ khẩn": Fit("own", 1.03, 16.0),  # a box around the urgency mark
}

# The size pairing (co_chu "12/13" or "13/14"): which styles take the first size and which the second.
PAIRED = {"CCHC Quốc hiệu": 0, "CCHC Tiêu ngữ": 1, "CCHC Địa danh, ngày": 1}


def pair_sizes(styles_xml: bytes, co_chu: tuple[float, float]) -> bytes:
    """Styles with the Quốc hiệu, Tiêu ngữ and date line set to one size pairing; KeyError names a missing style."""
    return ooxml.set_style_sizes(styles_xml, {name: co_chu[i] for name, i in PAIRED.items()})


def fit_lines(body: etree._Element, styles: ooxml.StyleSheet, page_room: int) -> None:
    """Set the indents of every paragraph in a FITS style so its border has the right length."""
    previous: etree._Element | None = None
    previous_text = ""
    for p in body.iter(ooxml.qn("w:p")):
        own_text = ooxml.text(p).strip()
        fit = FITS.get(styles.name(ooxml.style_id(p)) or "")
        if fit is not None:
            source, text = (p, own_text) if fit.source == "own" else (previous, previous_text)
            if source is not None:
                room = ooxml.text_room(p, page_room)
                font = styles.font(ooxml.style_id(source))
                width = text_width(text, font.size, font.bold, font.italic)
                length = min(width * 20 * fit.ratio + fit.pad_pt * 20, room)
                if fit.source == "previous":
                    length = min(length, room * fit.ratio)
                side = max(0, int((room - length) / 2))
                ooxml.set_indents(p, side, side)
        if own_text:
            previous, previous_text = p, own_text
