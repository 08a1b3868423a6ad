"""Layout the decree fixes on top of a template: the paired sizes, and solid lines and boxes sized to their text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from . import ooxml
from .decree.presentation import LINES, PAIRINGS
from .metrics import lines_needed, text_width


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
    # 1/3 to 1/2 of the line above (cơ quan, trích yếu)
    "CCHC Đường kẻ ngắn": Fit("previous", LINES["trich_yeu"].ratio),
    "CCHC Độ mật": Fit("own", 1.03, 16.0),  # a box around the secrecy mark
    "CCHC Độ khẩn": Fit("own", 1.03, 16.0),  # and the urgency mark
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
                length = min(_twips_wide(text, source, styles) * fit.ratio + fit.pad_pt * 20, room)
                if fit.source == "previous":
                    length = min(length, room * fit.ratio)
                side = max(0, int((room - length) / 2))
                ooxml.set_indents(p, side, side)
        if own_text:
            previous, previous_text = p, own_text


# The place-and-date line stays on one line: its column widens into the left one as real documents do
# (no further than the left column's own longest line allows), then the header takes the smaller size pairing
# (Quốc hiệu 12, Tiêu ngữ and date 13): the sizes move together.
DATE_STYLE = "CCHC Địa danh, ngày"
SMALL_PAIRING = (float(PAIRINGS[0][0]), float(PAIRINGS[0][1]))
MIN_DATE_PT = SMALL_PAIRING[PAIRED[DATE_STYLE]]
_SLACK = 40  # twips left over, so that rounding in a word processor does not wrap the line


def fit_date_line(body: etree._Element, styles: ooxml.StyleSheet, page_room: int) -> None:
    """Widen the header's date column, or else set the header at the smaller size pairing, so place and date fit
    one line."""
    p = next((p for p in body.iter(ooxml.qn("w:p")) if styles.name(ooxml.style_id(p)) == DATE_STYLE), None)
    tc = None if p is None else ooxml.cell_of(p)
    tbl = None if tc is None else next(tc.iterancestors(ooxml.qn("w:tbl")), None)
    if p is None or tc is None or tbl is None:
        return
    widths = ooxml.column_widths(tbl)
    col = sum(1 for _ in tc.itersiblings(ooxml.qn("w:tc"), preceding=True))
    if len(widths) != 2 or col != 1:
        return
    margins = widths[1] - ooxml.text_room(p, page_room)
    need = round(_twips_wide(ooxml.text(p).strip(), p, styles)) + margins + _SLACK
    if need <= widths[1]:
        return
    left_need = max((round(_twips_wide(ooxml.text(q).strip(), q, styles))
                     for row in tbl.iterfind(ooxml.qn("w:tr")) for q in _cell_paragraphs(row, 0)), default=0)
    left = max(widths[0] - (need - widths[1]), left_need + margins + _SLACK, 0)
    if left < widths[0]:
        ooxml.set_column_widths(tbl, [left, sum(widths) - left])
    if need > sum(widths) - left and styles.font(ooxml.style_id(p)).size > MIN_DATE_PT:
        _small_pairing(body, styles)


def _small_pairing(body: etree._Element, styles: ooxml.StyleSheet) -> None:
    """Set the Quốc hiệu, the Tiêu ngữ and the date line at the smaller size pairing (direct formatting)."""
    for p in body.iter(ooxml.qn("w:p")):
        i = PAIRED.get(styles.name(ooxml.style_id(p)) or "")
        if i is not None:
            ooxml.set_run_size(p, SMALL_PAIRING[i])


def _twips_wide(text: str, p: etree._Element, styles: ooxml.StyleSheet) -> float:
    """How wide `text` prints (twips) in the font of paragraph `p`'s style, at the size its runs set if they do."""
    font = styles.font(ooxml.style_id(p))
    return text_width(text, ooxml.run_size(p) or font.size, font.bold, font.italic) * 20


def _cell_paragraphs(row: etree._Element, col: int) -> list[etree._Element]:
    cells = row.findall(ooxml.qn("w:tc"))
    return cells[col].findall(ooxml.qn("w:p")) if col < len(cells) else []


ADDRESSEE_STYLE = "CCHC Kính gửi"  # `Kính gửi: <one recipient>`, a paragraph of the body
_LABEL = re.compile(r"[^:]*:\s*")  # `Kính gửi: `, as a pack words it


def addressee_block(body: etree._Element, styles: ooxml.StyleSheet, page_room: int) -> None:
    """A single recipient too long for the line of `Kính gửi:` is left-aligned (justified, its first line was
    stretched end to end), its next lines under its first word as several recipients are under the colon, in a
    borderless block (not running text, which is justified)."""
    p = next((p for p in body.iter(ooxml.qn("w:p")) if styles.name(ooxml.style_id(p)) == ADDRESSEE_STYLE
              and ooxml.cell_of(p) is None), None)  # several recipients: "Kính gửi:" in a block already
    if p is None:
        return
    sid = ooxml.style_id(p)
    font, start, text = styles.font(sid), styles.indent(sid), ooxml.text(p)
    if lines_needed(text, (page_room - start) / 20, font.size, font.bold, font.italic) > 1:
        label = _LABEL.match(text)
        hanging = round(_twips_wide(label.group(), p, styles)) if label else 0
        ooxml.hang(p, start + hanging, hanging)
        ooxml.block_table([p], page_room)


SIGNATURE_STYLE = "CCHC Nơi nhận"  # the first paragraph of the table holding Nơi nhận and the signer
KEEP_LAST_ROW = "giu"  # the text of a table mark whose table's last row keeps with the signer's table


def keep_signature(body: etree._Element, styles: ooxml.StyleSheet, mark: str) -> None:
    """The signer's table never starts a page alone: the body's last paragraph keeps with it (and, through
    widow control, at least its last two lines); when the body ends with a table (its mark `mark`), the mark says
    so, and the table's last row keeps with it."""
    p = next((p for p in body.iter(ooxml.qn("w:p")) if styles.name(ooxml.style_id(p)) == SIGNATURE_STYLE), None)
    tbl = None if p is None else next(p.iterancestors(ooxml.qn("w:tbl")), None)
    if tbl is None:
        return
    for prev in tbl.itersiblings(preceding=True):
        if isinstance(prev, etree._ProcessingInstruction) and prev.target == mark:
            prev.text = KEEP_LAST_ROW
        if prev.tag != ooxml.qn("w:p"):
            return
        ooxml.keep_with_next(prev)
        if ooxml.text(prev).strip():
            return


NAME_STYLE = "CCHC Họ tên người ký"  # the signer's name, under the signature space its style sets


def align_signers(body: etree._Element, styles: ooxml.StyleSheet, page_room: int) -> None:
    """Signers side by side in one table row (a biên bản's two) print their names, and the signature space above
    them, on one line: a block with fewer printed lines above its name (no KT. line, a shorter title) gets empty
    lines like the last line of the block with the most, just above its name."""
    for tr in body.iter(ooxml.qn("w:tr")):
        blocks = [b for tc in tr.iterfind(ooxml.qn("w:tc")) if (b := _signer_block(tc, styles)) is not None]
        if len(blocks) < 2:
            continue
        counts = [sum(_printed_lines(p, styles, page_room) for p in above) for above, _ in blocks]
        fullest = blocks[counts.index(max(counts))][0]
        if not fullest:
            continue
        for (_, name), n in zip(blocks, counts, strict=True):
            for _ in range(max(counts) - n):
                name.addprevious(ooxml.blank_like(fullest[-1]))


def _signer_block(tc: etree._Element, styles: ooxml.StyleSheet) -> tuple[list[etree._Element], etree._Element] | None:
    """The paragraphs of cell `tc` above its signer's name, and the name; None when it holds no name."""
    paras = tc.findall(ooxml.qn("w:p"))
    k = next((k for k, p in enumerate(paras) if styles.name(ooxml.style_id(p)) == NAME_STYLE), None)
    return None if k is None else (paras[:k], paras[k])


def _printed_lines(p: etree._Element, styles: ooxml.StyleSheet, page_room: int) -> int:
    """How many lines paragraph `p` prints in its cell, in the font of its style."""
    font = styles.font(ooxml.style_id(p))
    return lines_needed(ooxml.text(p), ooxml.text_room(p, page_room) / 20, font.size, font.bold, font.italic)


def separate_tables(body: etree._Element, mark: str) -> None:
    """A table mark `mark` followed by a table (the signer's, a caption block) or by another mark gets a separator
    after it, so that the table written there is not joined to the next one."""
    for pi in ooxml.marks(body, mark):
        after = pi.getnext()
        if after is not None and (after.tag == ooxml.qn("w:tbl") or isinstance(after, etree._ProcessingInstruction)):
            ooxml.separate(pi)


# A body table's caption and unit line, by style name: a layout block above the table, not running text.
CAPTION_STYLES = ("CCHC Bảng - tên", "CCHC Bảng - đơn vị tính")


def caption_blocks(body: etree._Element, styles: ooxml.StyleSheet, mark: str, page_room: int) -> None:
    """Set the caption and unit line just above each table mark `mark` in a borderless block kept with the table."""
    for pi in ooxml.marks(body, mark):
        above: list[etree._Element] = []
        for prev in pi.itersiblings(preceding=True):
            if prev.tag != ooxml.qn("w:p") or styles.name(ooxml.style_id(prev)) not in CAPTION_STYLES:
                break
            above.insert(0, prev)
        if above:
            ooxml.block_table(above, page_room)
