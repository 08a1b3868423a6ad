"""What the renderer is given besides plain strings: paragraphs as runs, and phụ lục tables."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one emphasis, or (`chu_thich` > 0) the mark of that footnote."""

    text: str
    dam: bool = False
    nghieng: bool = False
    chu_thich: int = 0


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph: its kind (`muc1`, `muc2`, `muc3` for titles, `chuong` for the lines of a Phần,
    Chương or Mục, `doan` for text, `bang_ten` and `bang_don_vi` for a table's caption and unit line, `bang` for
    the table itself), its label and runs."""

    kieu: str
    nhan: str
    runs: tuple[Run, ...]
    nhan_dam: bool = False  # the label is bold whatever the paragraph's style (Điều 1.)
    bang: Table | None = None  # kind `bang`: the table written in the paragraph's place

    @property
    def text(self) -> str:
        body = "".join(r.text for r in self.runs)
        return f"{self.nhan} {body}" if self.nhan else body


Row = tuple[str, str, tuple[tuple[str, ...], ...]]  # (kind, label, lines of each cell)
# The cells of a row with merged cells: the grid columns each spans (0: inside the cell before it), and whether
# it opens ("restart") or goes on with ("continue") a cell merged down the rows.
Shape = tuple[tuple[int, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    """A phụ lục table: column names and relative widths, then rows of (kind, label, cells); row kinds: `nhom`
    (label, name across the other columns), `nhom_gop` (one cell across the row), `nhom_tach` (label, name in
    the next cell), `dong`, `tong`."""

    cot: tuple[str, ...]
    rong: tuple[float, ...]
    dong: list[Row]
    stt: str = ""  # the header's label cell ("Số TT", "STT"); empty: the template's own
    ngang: bool = True  # as wide as the template's phụ lục table (landscape); False: the portrait text width
    shapes: dict[int, Shape] = field(default_factory=dict)  # by row index: the rows with merged cells
    chung: tuple[str, ...] = ()  # each column's heading shared with its neighbours in a row above ("": none)
    so_cot: tuple[str, ...] = ()  # the labels of the row under the header, Số TT's first (`(1)`, `(2)` …): none
