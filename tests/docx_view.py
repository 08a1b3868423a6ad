"""Reading rendered .docx files back for assertions: sections of text and effective run/paragraph properties."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

EXPECTED = Path(__file__).parent / "expected"
TITLE_STYLES = ("TenLoai", "TrichYeu", "TrichYeuGhiChu")  # tên loại, trích yếu, "(Số liệu tính từ …)"
BLOCK_STYLES = ("KinhGui", "KinhGuiMuc", "BangTen", "BangDonVi")  # paragraphs of the body's layout blocks


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def read_expected(name: str) -> dict[str, list[str]]:
    """An expected-text file: `## section` lines, then one paragraph per line."""
    out: dict[str, list[str]] = {}
    current = None
    for line in (EXPECTED / f"{name}.txt").read_text("utf-8").splitlines():
        if line.startswith("## "):
            current = out.setdefault(line[3:].strip(), [])
        elif line.strip() and current is not None:
            current.append(clean(line))
    return out


@dataclass
class View:
    """A rendered document cut into the parts the decree names."""

    doc: Document

    @classmethod
    def open(cls, path: Path | str) -> View:
        return cls(Document(str(path)))

    def cell_paragraphs(self, table: int, row: int, col: int) -> list[Paragraph]:
        return self.doc.tables[table].rows[row].cells[col].paragraphs

    @staticmethod
    def texts(paragraphs: list[Paragraph]) -> list[str]:
        return [clean(p.text) for p in paragraphs if clean(p.text)]

    def header(self) -> list[str]:
        """Left column top to bottom, then the right column."""
        t = self.doc.tables[0]
        left = [p for r in t.rows for p in r.cells[0].paragraphs]
        right = [p for r in t.rows for p in r.cells[1].paragraphs]
        return self.texts(left) + self.texts(right)

    def _between_tables(self, after: int, tables_too: bool = False) -> list:
        """Body paragraphs after the `after`-th frame table (1 the header, 2 the footer) and before the next one
        or a phụ lục heading; tables among them (a table block of the body) are left out, or with `tables_too`
        given as themselves."""
        frames = [self.doc.tables[0]._tbl, self.footer_table()._tbl]
        out: list = []
        tables = 0
        for child in self.doc.element.body.iterchildren():
            if child.tag == qn("w:tbl") and (child in frames or tables > len(frames)):
                tables += 1
                if tables > after:
                    break
            elif child.tag == qn("w:tbl") and tables == after and self.block(child):
                out.extend(self.block(child))
            elif child.tag == qn("w:tbl") and tables == after and tables_too:
                out.append(child)
            elif child.tag == qn("w:p") and tables == after:
                par = Paragraph(child, self.doc._body)
                if par.style.style_id == "PhuLucSo":
                    break
                out.append(par)
        return out

    def block(self, tbl) -> list[Paragraph]:
        """The paragraphs of a borderless layout block among the body's (Kính gửi with several recipients, a
        table's caption and unit line), in reading order; none for any other table."""
        paragraphs = [Paragraph(p, self.doc._body) for tc in tbl.iter(qn("w:tc")) for p in tc.iterchildren(qn("w:p"))]
        styled = [p for p in paragraphs if clean(p.text)]
        return paragraphs if styled and all(p.style.style_id in BLOCK_STYLES for p in styled) else []

    def top_paragraphs(self) -> list[Paragraph]:
        """Paragraphs between the header table and the footer table."""
        return self._between_tables(1)

    def after_footer(self) -> list[Paragraph]:
        """Paragraphs after the footer table, before the first phụ lục (a document a decision issues)."""
        return self._between_tables(2)

    def attached_title(self) -> list[Paragraph]:
        return [p for p in self.after_footer() if p.style.style_id in ("TenLoai", "TrichYeu", "KemTheoDong")]

    def attached_body(self) -> list[Paragraph]:
        return [p for p in self.after_footer()
                if p.style.style_id not in ("TenLoai", "TrichYeu", "KemTheoDong") and clean(p.text)]

    def title(self) -> list[Paragraph]:
        return [p for p in self.top_paragraphs() if p.style.style_id in TITLE_STYLES]

    def body(self) -> list[Paragraph]:
        return [p for p in self.top_paragraphs()
                if p.style.style_id not in TITLE_STYLES and clean(p.text)]

    def body_lines(self) -> list[str]:
        """The body's text in reading order: each paragraph, and each row of a table among them as `cell | cell`."""
        out: list[str] = []
        for item in self._between_tables(1, tables_too=True):
            if isinstance(item, Paragraph):
                if item.style.style_id not in TITLE_STYLES and clean(item.text):
                    out.append(clean(item.text))
            else:
                out.extend(self.table_rows(Table(item, self.doc._body)))
        return out

    def appendix_tables(self) -> list:
        """The phụ lục tables: every table after the footer table."""
        tables = self.doc.tables
        footer = self.footer_table()._tbl
        return tables[next(i for i, t in enumerate(tables) if t._tbl is footer) + 1:]

    def appendix_lines(self) -> list[str]:
        """Every phụ lục in reading order: its paragraphs, and each row of its tables as `cell | cell`."""
        out: list[str] = []
        started = False
        for child in self.doc.element.body.iterchildren():
            if child.tag == qn("w:p"):
                par = Paragraph(child, self.doc._body)
                started = started or par.style.style_id == "PhuLucSo"
                if started and clean(par.text):
                    out.append(clean(par.text))
            elif child.tag == qn("w:tbl") and started:
                out.extend(self.table_rows(Table(child, self.doc._body)))
        return out

    def appendix_headings(self) -> list[list[str]]:
        """For each phụ lục: its heading, title and "(Kèm theo …)" line."""
        out: list[list[str]] = []
        for p in self.doc.paragraphs:
            if p.style.style_id == "PhuLucSo":
                out.append([])
            if out and p.style.style_id in ("PhuLucSo", "PhuLucTieuDe", "PhuLucKemTheo"):
                out[-1].append(clean(p.text))
        return out

    @staticmethod
    def table_rows(table) -> list[str]:
        """Each row as `cell | cell`, a merged cell once, a cell's lines joined by ` / `."""
        rows = []
        for tr in table._tbl.tr_lst:
            cells = [" / ".join(clean(p.text) for p in cell_paragraphs(tc) if clean(p.text)) for tc in tr.tc_lst]
            rows.append(clean(" | ".join(cells)))
        return rows

    def footnotes(self) -> list[str]:
        """Each footnote as `n text`, in number order."""
        part = next((p for p in self.doc.part.package.iter_parts() if p.partname == "/word/footnotes.xml"), None)
        if part is None:
            return []
        root = etree.fromstring(part.blob)
        return [clean(f"{note.get(qn('w:id'))} " + "".join(t.text or "" for t in note.iter(qn("w:t"))))
                for note in root.iter(qn("w:footnote")) if int(note.get(qn("w:id"))) > 0]

    def footer_table(self):
        """The table of Nơi nhận and signature (tables of the body come before it; found by its styles, else
        the second table, in templates that renamed them)."""
        return next((t for t in self.doc.tables[1:] if any(p.style.style_id in ("NoiNhan", "HoTenKy")
                                                           for c in t.rows[0].cells for p in c.paragraphs)),
                    self.doc.tables[1])

    def _left_cell(self) -> tuple[list[Paragraph], int]:
        """The footer's left cell and where its Nơi nhận starts (a biên bản's other signer stands over it)."""
        paras = [p for p in self.footer_table().rows[0].cells[0].paragraphs if clean(p.text)]
        return paras, next((i for i, p in enumerate(paras) if p.style.style_id == "NoiNhan"), 0)

    def noi_nhan(self) -> list[Paragraph]:
        paras, start = self._left_cell()
        return paras[start:]

    def nguoi_cung_ky(self) -> list[Paragraph]:
        """A biên bản's signer on the left, over the Nơi nhận; none in other documents."""
        paras, start = self._left_cell()
        return paras[:start]

    def nguoi_ky(self) -> list[Paragraph]:
        return [p for p in self.footer_table().rows[0].cells[1].paragraphs if clean(p.text)]


def borderless(tbl) -> bool:
    """The table draws no line: every edge of its borders nil, no cell borders."""
    edges = tbl.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    return (edges is not None and len(edges) == 6 and all(e.get(qn("w:val")) == "nil" for e in edges)
            and next(tbl.iter(qn("w:tcBorders")), None) is None)


def block_of(view: View, style: str):
    """The body's layout block (a table) holding a paragraph of `style`, and its paragraphs by cell."""
    for tbl in view.doc.element.body.iterchildren(qn("w:tbl")):
        cells = [[Paragraph(p, view.doc._body) for p in tc.iterchildren(qn("w:p"))] for tc in tbl.iter(qn("w:tc"))]
        if any(p.style.style_id == style for c in cells for p in c):
            return tbl, cells
    raise AssertionError(f"no block with a {style} paragraph")


def cell_paragraphs(tc) -> list[Paragraph]:
    return [Paragraph(p, None) for p in tc.iterchildren(qn("w:p"))]


def _rpr_chain(par: Paragraph, run):
    if run is not None and run._r.rPr is not None:
        yield run._r.rPr
    style = par.style
    while style is not None:
        if style.element.rPr is not None:
            yield style.element.rPr
        style = style.base_style
    defaults = par.part.styles.element.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr"))
    if defaults is not None:
        yield defaults


def run_prop(par: Paragraph, run, tag: str):
    """The effective value of a run property element (`w:sz`, `w:b`, `w:i`, `w:rFonts`), or None."""
    for rpr in _rpr_chain(par, run):
        el = rpr.find(qn(tag))
        if el is not None:
            return el
    return None


def size(par: Paragraph, run=None) -> float:
    el = run_prop(par, run or (par.runs[0] if par.runs else None), "w:sz")
    return int(el.get(qn("w:val"))) / 2


def toggle(par: Paragraph, tag: str, run=None) -> bool:
    el = run_prop(par, run or (par.runs[0] if par.runs else None), tag)
    return el is not None and el.get(qn("w:val"), "true") not in ("0", "false")


def ppr(par: Paragraph, tag: str):
    """The effective paragraph property element, through the style chain."""
    if par._p.pPr is not None and par._p.pPr.find(qn(tag)) is not None:
        return par._p.pPr.find(qn(tag))
    style = par.style
    while style is not None:
        p = style.element.pPr
        if p is not None and p.find(qn(tag)) is not None:
            return p.find(qn(tag))
        style = style.base_style
    return None


def align(par: Paragraph) -> str | None:
    el = ppr(par, "w:jc")
    return None if el is None else el.get(qn("w:val"))


def body_problems(par: Paragraph) -> list[str]:
    """What in a body paragraph breaks the decree's rules: 13-14 pt; justified with a 1-1.27 cm first-line
    indent (or centred when upper case); at least 6 pt between paragraphs; single to 1.5 line spacing."""
    out = []
    text = clean(par.text)
    if size(par) not in (13, 14):
        out.append(f"size {size(par)}")
    if align(par) == "center":
        if text != text.upper():
            out.append("centred but not upper case")
    elif align(par) != "both":
        out.append(f"aligned {align(par)}")
    elif not 28 <= int(ppr(par, "w:ind").get(qn("w:firstLine"), 0)) / 20 <= 36.1:
        out.append("first-line indent")
    sp = ppr(par, "w:spacing")
    if max(int(sp.get(qn("w:before"), 0)), int(sp.get(qn("w:after"), 0))) < 120:
        out.append("spacing under 6 pt")
    if not 240 <= int(sp.get(qn("w:line"))) <= 360:
        out.append("line spacing")
    return [f"{text[:40]!r}: {x}" for x in out]
