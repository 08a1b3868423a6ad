"""Phụ lục tables as WordprocessingML, built from the prototype rows of the template's table.

The first table inside the template's `{%p for pl in phu_luc %}` loop holds five prototype rows:
the header, a group
row (label + name), a full-width group row, a data row and a total row; each has a label cell and
a content cell. Their properties (borders, fonts, shading, repeat-as-header, no split) are copied
to every generated row, so the look stays in the template while rows are written as strings:
no per-row Jinja and no XML parsing, which keeps a 5,000-row table fast.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property
from itertools import groupby
from math import ceil

from lxml import etree

from .blocks import Table
from .decree.presentation import ELEMENTS
from .formats import numbers
from .markup import has_markup, runs
from .metrics import text_width
from .ooxml import cell_xml, centred_props, column_widths, escape, keep_next_props, qn, run_xml

# The paragraph tag that opens the phụ lục loop; the first table after it is the prototype.
LOOP = re.compile(r"\{%p\s+for\s+\w+\s+in\s+phu_luc\s*%\}")
ROW_KINDS = ("tieu_de", "nhom", "nhom_gop", "dong", "tong")
GROUP_KINDS = ("nhom", "nhom_gop")
_NS_DECL = re.compile(r' xmlns:(\w+)="([^"]*)"')
_TBL_W = re.compile(r"<w:tblW [^>]*/>")
_DROP_FROM_TCPR = {qn("w:tcW"), qn("w:gridSpan"), qn("w:hMerge"), qn("w:vMerge"), qn("w:cnfStyle")}
_CELL_MAR = re.compile(r"<w:tblCellMar>(.*?)</w:tblCellMar>")
_CELL_SIDE = re.compile(r'<w:(?:left|right|start|end) w:w="(\d+)"')
FIGURE_PT = ELEMENTS["bang"].size  # the size of table cells; figures are measured bold, as a total row prints them
_FIGURE_SLACK = 60  # twips more than the figure, for the borders and the rounding of word processors
_SAME_WIDTH = str.maketrans("123456789", "000000000")  # the digits of Times New Roman are all as wide


def _xml(el: etree._Element | None) -> str:
    """`el` as a fragment of its part: without the namespace declarations the part's root already makes
    (lxml repeats every one in scope, `xmlns:r` too, on the fragment; a 5,000-row table 45,000 times)."""
    if el is None:
        return ""
    declared = el.getroottree().getroot().nsmap
    return _NS_DECL.sub(lambda m: "" if declared.get(m.group(1)) == m.group(2) else m.group(0),
                        etree.tostring(el, encoding="unicode"))


@dataclass(frozen=True)
class CellProto:
    """The look of one prototype cell: its cell, paragraph and run properties."""

    tc_pr: str
    p_pr: str
    r_pr: str
    text: str  # the template's own wording (used for the header's label cell, e.g. "Số TT")

    @classmethod
    def read(cls, tc: etree._Element) -> CellProto:
        tcpr = tc.find(qn("w:tcPr"))
        rest = "" if tcpr is None else "".join(_xml(c) for c in tcpr if c.tag not in _DROP_FROM_TCPR)
        p = tc.find(qn("w:p"))
        run = p.find(qn("w:r")) if p is not None else None
        return cls(rest, _xml(p.find(qn("w:pPr")) if p is not None else None),
                   _xml(run.find(qn("w:rPr")) if run is not None else None),
                   "".join(t.text or "" for t in tc.iter(qn("w:t"))).strip())

    def xml(self, width: int, span: int, lines: tuple[str, ...], vmerge: str = "") -> str:
        """A <w:tc> of `width` twips spanning `span` grid columns, one paragraph per line; `vmerge`: see cell_xml."""
        paras = "".join(f"<w:p>{self.p_pr}{self._runs(line)}</w:p>" for line in lines) or f"<w:p>{self.p_pr}</w:p>"
        return cell_xml(width, self.tc_pr, paras, span, vmerge)

    def kept(self) -> CellProto:
        """This cell with its paragraphs kept on the page of the next row."""
        return replace(self, p_pr=keep_next_props(self.p_pr))

    def centred(self) -> CellProto:
        """This cell with its paragraphs centred: a figure of a number column (`44.333`, `78,7`), as statistics
        tables print them."""
        return replace(self, p_pr=centred_props(self.p_pr))

    def _runs(self, line: str) -> str:
        """The runs of one line of a cell: its emphasis and footnote marks on the cell's own run properties."""
        if not has_markup(line):
            return f'<w:r>{self.r_pr}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>'
        return "".join(run_xml(r.text, r.dam, r.nghieng, r.chu_thich, self.r_pr) for r in runs(line))


@dataclass(frozen=True)
class RowProto:
    """A prototype row: its row properties and its label and content cells."""

    tr_pr: str
    label: CellProto
    content: CellProto

    @cached_property
    def number(self) -> CellProto:
        """The content cell of a figure: centred."""
        return self.content.centred()

    def filled(self, width: int, lines: tuple[str, ...], span: int = 1, vmerge: str = "") -> str:
        """A content cell of `lines` (see CellProto.xml), centred when it is a figure alone (`44.333`, `78,7%`,
        `05`) as statistics tables print them; words stay as the prototype aligns them."""
        centred = len(lines) == 1 and numbers.is_figure(lines[0])
        return (self.number if centred else self.content).xml(width, span, lines, vmerge)

    def kept(self) -> RowProto:
        """This row kept on the page of the next one: every paragraph keeps with the next (Word and LibreOffice
        keep a row with the next only when all its paragraphs do)."""
        return replace(self, label=self.label.kept(), content=self.content.kept())


@dataclass(frozen=True)
class Prototype:
    """Everything a phụ lục table is cloned from."""

    tbl_pr: str
    width: int
    label_width: int
    rows: dict[str, RowProto]

    @classmethod
    def read(cls, tbl: etree._Element) -> Prototype:
        """Read the prototype table; ValueError says what is missing."""
        trs = tbl.findall(qn("w:tr"))
        if len(trs) != len(ROW_KINDS):
            raise ValueError(f"bảng phụ lục mẫu cần đúng {len(ROW_KINDS)} dòng ({', '.join(ROW_KINDS)}), "
                             f"có {len(trs)}")
        rows = {}
        for kind, tr in zip(ROW_KINDS, trs, strict=True):
            tcs = tr.findall(qn("w:tc"))
            if not tcs:
                raise ValueError(f"dòng mẫu `{kind}` không có ô")
            row = RowProto(_xml(tr.find(qn("w:trPr"))), CellProto.read(tcs[0]), CellProto.read(tcs[-1]))
            rows[kind] = row.kept() if kind in GROUP_KINDS else row  # a group row never ends a page alone
        grid = column_widths(tbl)
        if not grid:
            raise ValueError("bảng phụ lục mẫu thiếu w:tblGrid hoặc độ rộng cột (w:gridCol w:w)")
        return cls(_xml(tbl.find(qn("w:tblPr"))), sum(grid), grid[0], rows)

    def table_xml(self, table: Table, width: int | None = None, keep_last: bool = False) -> str:
        """The whole <w:tbl>: a header row of the column names, then the rows of (kind, label, cells);
        `width` (twips) in place of the prototype's; `keep_last`: its last row kept with what follows."""
        full = width or self.width
        room = _figure_room(table, len(table.rong), self.cell_margins)
        cols = _widen(_split(full - self.label_width, table.rong), room)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in (self.label_width, *cols))
        n = len(cols)
        tbl_pr = self.tbl_pr if full == self.width else _TBL_W.sub(f'<w:tblW w:w="{full}" w:type="dxa"/>', self.tbl_pr)
        out = [f"<w:tbl>{tbl_pr}<w:tblGrid>{grid}</w:tblGrid>", *self._header(table, cols)]
        for i, (kind, label, cells) in enumerate(table.dong):
            proto = self.rows["nhom" if kind == "nhom_tach" else kind]
            if keep_last and i == len(table.dong) - 1:
                proto = proto.kept()
            if kind == "nhom_gop":
                text = f"{label} {cells[0][0]}".strip() if cells and cells[0] else label
                out.append(f"<w:tr>{proto.tr_pr}{proto.content.xml(full, n + 1, (text,))}</w:tr>")
                continue
            lead = proto.label.xml(self.label_width, 1, (label,) if label else ())
            if kind == "nhom":
                row = lead + proto.content.xml(full - self.label_width, n, cells[0] if cells else ())
            elif kind == "nhom_tach":
                row = lead + "".join(proto.content.xml(w, 1, cells[0] if c == 0 and cells else ())
                                     for c, w in enumerate(cols))
            elif kind == "tong":
                first = next((c for c, lines in enumerate(cells) if lines), n)  # none: a rate not known
                row = (proto.label.xml(self.label_width + sum(cols[:first]), first + 1, (label,))
                       + "".join(proto.filled(cols[c], cells[c]) for c in range(first, n)))
            elif i in table.shapes:
                row = lead + "".join(proto.filled(sum(cols[c:c + span]), cells[c], span, merge)
                                     for c, (span, merge) in enumerate(table.shapes[i]) if span)
            else:
                row = lead + "".join(proto.filled(w, c) for w, c in zip(cols, cells, strict=True))
            out.append(f"<w:tr>{proto.tr_pr}{row}</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)

    @cached_property
    def cell_margins(self) -> int:
        """The twips a cell leaves on its two sides, as the table's default cell margins set them."""
        found = _CELL_MAR.search(self.tbl_pr)
        return sum(int(w) for w in _CELL_SIDE.findall(found.group(1))) if found else 0

    def _header(self, table: Table, cols: list[int]) -> list[str]:
        """The header's rows: the column names; under the shared headings (`Table.chung`) when there are some,
        each spanning its columns in a row above, the other names (and Số TT) merged down both rows; then the
        columns' numbers (`Table.so_cot`) when asked, repeated with the header on each page."""
        head = self.rows["tieu_de"]
        numbers = [f"<w:tr>{head.tr_pr}{head.label.xml(self.label_width, 1, table.so_cot[:1])}"
                   + "".join(head.content.xml(w, 1, (n,)) for w, n in zip(cols, table.so_cot[1:], strict=True))
                   + "</w:tr>"] if table.so_cot else []
        return self._names(table, cols) + numbers

    def _names(self, table: Table, cols: list[int]) -> list[str]:
        """The header's rows of column names (see _header)."""
        head = self.rows["tieu_de"]
        stt = (table.stt or head.label.text,)
        if not table.chung:
            return [f"<w:tr>{head.tr_pr}{head.label.xml(self.label_width, 1, stt)}",
                    "".join(head.content.xml(w, 1, (name,)) for w, name in zip(cols, table.cot, strict=True)),
                    "</w:tr>"]
        top = [head.label.xml(self.label_width, 1, stt, "restart")]
        below = [head.label.xml(self.label_width, 1, (), "continue")]
        for shared, run in groupby(zip(table.chung, cols, table.cot, strict=True), key=lambda c: c[0]):
            cells = list(run)
            if shared:
                top.append(head.content.xml(sum(w for _, w, _ in cells), len(cells), (shared,)))
                below.extend(head.content.xml(w, 1, (name,)) for _, w, name in cells)
            else:
                top.extend(head.content.xml(w, 1, (name,), "restart") for _, w, name in cells)
                below.extend(head.content.xml(w, 1, (), "continue") for _, w, _ in cells)
        return [f"<w:tr>{head.tr_pr}{''.join(row)}</w:tr>" for row in (top, below)]


def _figure_room(table: Table, n: int, margins: int) -> list[int]:
    """Per column, the twips its widest figure alone in a cell needs (0 without one): a figure is not broken
    across lines (`1.060.000.` over `000`). Digits are all as wide, so each shape (`0.000.000`) is looked at once."""
    room = [0] * n
    needs: dict[str, int] = {}
    for i, (kind, _, cells) in enumerate(table.dong):
        if kind not in ("dong", "tong"):
            continue
        shape = table.shapes.get(i)
        for c, lines in enumerate(cells):
            if shape is None or shape[c][0] == 1:
                for line in lines:
                    if line[:1] not in numbers.FIGURE_START:  # text: not measured
                        continue
                    key = line.translate(_SAME_WIDTH)
                    need = needs.get(key)
                    if need is None:
                        need = needs[key] = _figure_need(key, margins)
                    if need > room[c]:
                        room[c] = need
    return room


def _figure_need(text: str, margins: int) -> int:
    """The twips a cell holding `text` needs to keep it on one line when it is a figure; 0 for other text."""
    if not numbers.is_figure(text):
        return 0
    return ceil(text_width(text, FIGURE_PT, bold=True) * 20) + margins + _FIGURE_SLACK


def _widen(cols: list[int], room: list[int]) -> list[int]:
    """`cols` with each column as wide as `room` asks, the twips taken from the columns wider than they need in
    proportion to what they can spare; `cols` as they are when the others cannot spare enough.

    >>> _widen([100, 300, 50], [0, 0, 70])
    [95, 285, 70]
    """
    short = sum(max(0, r - w) for w, r in zip(cols, room, strict=True))
    spare = [max(0, w - r) for w, r in zip(cols, room, strict=True)]
    if not short or short > sum(spare):
        return cols
    out = [max(w, r) if r > w else w - short * s // sum(spare) for w, r, s in zip(cols, room, spare, strict=True)]
    widest = max(range(len(out)), key=lambda c: spare[c])
    out[widest] += sum(cols) - sum(out)
    return out


def _split(total: int, weights: tuple[float, ...]) -> list[int]:
    """Divide `total` twips in proportion to `weights`, the rounding left in the last column.

    >>> _split(1000, (1, 1, 2))
    [250, 250, 500]
    """
    s = sum(weights)
    out = [int(total * w / s) for w in weights]
    out[-1] += total - sum(out)
    return out
