"""Find the decree's parts of any .docx by their content and position: header, title, body, footer, phụ lục.

Whatever holds them (a borderless table, text boxes, lines split by tabs, plain paragraphs), the
parts are recognised by what they say and where they stand. A part that cannot be found is None
(or empty), never guessed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import IO

from .decree import TYPES, UNTITLED, layout_of
from .decree.punctuation import is_luu
from .decree.wording import DEFAULT as WORDS
from .decree.wording import Words
from .flatten import Document, Para, Run, Section, Unreadable
from .flatten import read as flatten
from .metrics import text_width

__all__ = ["Annex", "Document", "Line", "Para", "Parts", "Rule", "Run", "Section", "Title", "Unreadable",
           "fold", "parts", "read"]


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Text compared without diacritics, case or spacing: `Độc lập – Tự do` → `DOC LAP - TU DO`.

    >>> fold(" Cộng hòa  xã hội ")
    'CONG HOA XA HOI'
    """
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    return " ".join(text.upper().split())


@dataclass(frozen=True)
class Line:
    """A line of text: a paragraph, or one piece of it between tabs or line breaks (`column` counts tabs)."""

    para: Para
    text: str
    runs: tuple[Run, ...]
    column: int | None = None  # None: the paragraph has no tabs

    @property
    def visible(self) -> tuple[Run, ...]:
        return tuple(r for r in self.runs if r.text.strip())

    def _all(self, attr: str) -> bool | None:
        values = {getattr(r, attr) for r in self.visible}
        return values.pop() if len(values) == 1 else None

    @property
    def bold(self) -> bool | None:
        """True or False when every visible run agrees, None when they are mixed."""
        return self._all("bold")

    @property
    def italic(self) -> bool | None:
        return self._all("italic")

    @property
    def sizes(self) -> tuple[float, ...]:
        """The distinct sizes set on its visible runs (empty when no size is set anywhere)."""
        return tuple(sorted({r.size for r in self.visible if r.size is not None}))

    @property
    def shown(self) -> str:
        """The text as printed: runs in all caps shown in upper case."""
        return "".join(r.text.upper() if r.caps else r.text for r in self.runs).strip()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.shown if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)

    @property
    def width(self) -> float:
        """Width of the text in twips, from Times New Roman metrics at its first size."""
        run = self.visible[0] if self.visible else None
        size = run.size if run and run.size else 14.0
        return text_width(self.shown, size, bool(run and run.bold), bool(run and run.italic)) * 20

    @property
    def container(self) -> tuple:
        """What holds the line: its table cell, its text box, or its tab column."""
        p = self.para
        if p.textbox is not None:
            return ("textbox", p.textbox)
        if p.table is not None:
            return ("cell", p.table, p.row, p.cell)
        if self.column is not None:
            return ("column", min(self.column, 1))
        return ("body",)


@dataclass(frozen=True)
class Rule:
    """A solid line drawn under an element (border, shape or underline) and its length in twips."""

    length: float
    kind: str  # "border" | "shape" | "underline"
    para: Para


@dataclass
class Title:
    """Tên loại, trích yếu, the italic lines under it, and the short line."""

    ten_loai: Line | None = None
    type_key: str | None = None
    trich_yeu: list[Line] = field(default_factory=list)
    notes: list[Line] = field(default_factory=list)  # "(Kèm theo …)", "(Số liệu tính từ …)"
    rule: Rule | None = None


@dataclass
class Annex:
    """A phụ lục: its heading, title, "(Kèm theo …)" line and the section it opens."""

    heading: Line
    title: list[Line]
    kem_theo: Line | None
    section: Section
    starts_section: bool  # its heading is the first text of its section


@dataclass
class Parts:
    """The parts of one document; a part the reader could not find is None or empty."""

    document: Document
    quoc_hieu: Line | None = None
    quoc_hieu_lines: int = 1  # printed over more than one line
    tieu_ngu: Line | None = None
    tieu_ngu_lines: int = 1
    tieu_ngu_rule: Rule | None = None
    co_quan_chu_quan: list[Line] = field(default_factory=list)
    co_quan: list[Line] = field(default_factory=list)
    co_quan_rule: Rule | None = None
    so_ky_hieu: Line | None = None
    v_v: list[Line] = field(default_factory=list)
    do_mat: Line | None = None
    do_khan: Line | None = None
    dia_danh_ngay: Line | None = None
    title: Title = field(default_factory=Title)
    kinh_gui: list[Line] = field(default_factory=list)
    tham_quyen: Line | None = None
    can_cu: list[Line] = field(default_factory=list)
    quyet_dinh: Line | None = None
    bodies: list[list[Para]] = field(default_factory=list)  # each numbered on its own (a decision, its issued document)
    captions: set[int] = field(default_factory=set)  # body paragraphs that are a table's caption or unit line
    noi_nhan: Line | None = None
    noi_nhan_muc: list[Line] = field(default_factory=list)
    nguoi_soan: list[Line] = field(default_factory=list)
    chuc_danh: list[Line] = field(default_factory=list)
    ho_ten: Line | None = None
    cung_ky: list[Line] = field(default_factory=list)  # a biên bản's other signer, over the Nơi nhận: the name last
    issued: list[Title] = field(default_factory=list)
    annexes: list[Annex] = field(default_factory=list)
    words: Words = field(default_factory=lambda: WORDS)  # the wording it was printed with (a pack's `tu_ngu`)

    @property
    def kind(self) -> str | None:
        """The Phụ lục III type key its tên loại names (or its `V/v` line, printed without one), None when unknown."""
        if self.title.type_key:
            return self.title.type_key
        return UNTITLED if self.v_v else None

    @cached_property
    def shapes_before_body(self) -> bool:
        """Whether a shape is drawn before the body (one may be a line under an element, not told apart)."""
        body = self.bodies[0][0].index if self.bodies and self.bodies[0] else len(self.document.paras)
        return any(p.shapes for p in self.document.paras[:body])


def read(source: str | Path | IO[bytes], words: Words = WORDS) -> Parts:
    """Open a .docx printed with `words` and find its parts; Unreadable when it is not a WordprocessingML document."""
    return parts(flatten(source), words)


def lines(p: Para) -> list[Line]:
    """The paragraph's non-empty lines: split at tabs (columns) and at line breaks."""
    if "\t" not in p.text and "\n" not in p.text:
        return [Line(p, p.text.strip(), tuple(p.runs))] if p.text.strip() else []
    out: list[Line] = []
    column = 0
    current: list[Run] = []
    text: list[str] = []
    tabs = "\t" in p.text

    def flush() -> None:
        t = "".join(text).strip()
        if t:
            out.append(Line(p, t, tuple(current), column if tabs else None))

    for run in p.runs:
        for piece in re.split(r"([\t\n])", run.text):
            if piece in ("\t", "\n"):
                flush()
                current, text = [], []
                if piece == "\t":
                    column += 1
            elif piece:
                current.append(replace(run, text=piece))
                text.append(piece)
    flush()
    return out


_QH = fold(WORDS["quoc_hieu"])
_TN = re.compile(r"DOC LAP\W*TU DO\W*HANH PHUC")
_SO = re.compile(r"^SO\s*[:.]?\s*[^/]{0,12}/\S")
_DATE = re.compile(r"NGAY\b.*\bTHANG\b.*\bNAM\b")
_URGENT = {fold(WORDS[k]) for k in ("khan", "thuong_khan", "hoa_toc")}
_SECRET = {fold(WORDS[k]) for k in ("mat", "toi_mat", "tuyet_mat")}
_TYPES = {fold(t.name): key for key, t in TYPES.items() if t.name}
_PHU_LUC = re.compile(r"^PHU LUC(\s+([IVXLC]+|\d+))?\.?$")
_PREFIX = re.compile(r"^(TM|KT|TL|TUQ|Q|T/M|K/T|T/L|T\.M|K\.T)\b")
_SIGNED = re.compile(r"^[(\[].*(KY|DAU)\b.*[)\]]$|^DA KY$")


def parts(doc: Document, words: Words = WORDS) -> Parts:
    """Find the parts of a flattened document printed with `words`."""
    found = Parts(doc, words=words)
    paras = doc.paras
    first_section_end = doc.sections[0].last if doc.sections else len(paras) - 1
    head = [ln for p in paras[:max(first_section_end + 1, 1)][:80] for ln in lines(p)]
    _header(found, head)
    header_end = max((ln.para.index for ln in (found.quoc_hieu, found.tieu_ngu, found.so_ky_hieu,
                                               found.dia_danh_ngay, *found.v_v, found.do_mat, found.do_khan) if ln),
                     default=-1)
    tables = {ln.para.table for ln in (found.quoc_hieu, found.so_ky_hieu) if ln and ln.para.table}
    if tables:
        header_end = max([header_end] + [p.index for p in paras if p.table in tables])
    if found.co_quan:
        found.co_quan_rule = _rule_under(found.co_quan[-1], paras)
    if found.tieu_ngu:
        found.tieu_ngu_rule = _rule_under(found.tieu_ngu, paras, own=True)
    _shapes_by_offset(found, paras, header_end)
    i = _title(found.title, paras, header_end + 1)
    i = _kinh_gui(found, paras, i)
    if layout_of(found.title.type_key).grounds:
        i = _grounds(found, paras, i)
    end = _footer(found, paras, i)
    if found.quoc_hieu or found.so_ky_hieu or found.title.ten_loai:  # else nothing says where a body starts
        found.bodies.append(_body(paras, i, end))
        found.captions |= _captions(paras, i, end)
    _after(found, paras, _footer_end(found, end))
    return found


def _header(found: Parts, head: list[Line]) -> None:
    """The header's elements among its lines `head`: each line classified, those far below the Quốc hiệu dropped,
    then the issuing body (and its parent body), and a V/v's following lines."""
    _classify(found, head)
    if found.quoc_hieu is None and found.so_ky_hieu is None:
        found.dia_danh_ngay = found.do_mat = found.do_khan = None
        found.v_v = []
        return
    # The số and the date stand near the Quốc hiệu; one far below it is body text, not the header's.
    anchor = max(head.index(x) for x in (found.quoc_hieu, found.tieu_ngu, found.so_ky_hieu) if x is not None)
    for name in ("so_ky_hieu", "dia_danh_ngay"):
        x = getattr(found, name)
        if x is not None and head.index(x) > anchor + 8:
            setattr(found, name, None)
    _issuer(found, head)


def _classify(found: Parts, head: list[Line]) -> None:
    """The first line (or two) reading as each of the Quốc hiệu, Tiêu ngữ, số, date line, urgency and V/v."""
    titled = False  # the tên loại is below the header: a date line after it is the body's (Thời gian bắt đầu: …)
    for k, ln in enumerate(head):
        f = fold(ln.shown)
        titled = titled or f in _TYPES
        if found.quoc_hieu is None:
            if _QH in f.replace(" ", " "):
                found.quoc_hieu = ln
                continue
            if k + 1 < len(head) and f and _QH.startswith(f) and f != _QH and \
                    _QH == f"{f} {fold(head[k + 1].shown)}".strip():
                found.quoc_hieu, found.quoc_hieu_lines = ln, 2
                continue
        if found.tieu_ngu is None and _TN.search(f):
            found.tieu_ngu = ln
        elif found.tieu_ngu is None and f.startswith("DOC LAP") and k + 1 < len(head) and \
                _TN.search(f"{f} {fold(head[k + 1].shown)}"):
            found.tieu_ngu, found.tieu_ngu_lines = ln, 2
        elif found.so_ky_hieu is None and _SO.match(f):
            found.so_ky_hieu = ln
        elif found.dia_danh_ngay is None and not titled and _DATE.search(f):
            found.dia_danh_ngay = ln
        elif f in _URGENT:
            found.do_khan = ln
        elif f in _SECRET:
            found.do_mat = ln
        elif f.startswith("V/V") and found.so_ky_hieu is not None:
            found.v_v.append(ln)


def _issuer(found: Parts, head: list[Line]) -> None:
    """The issuing body: the header's lines before the số that no element took and that stand on its side; its
    parent body the plain lines above its bold ones; and the lines continuing a V/v in its cell."""
    taken = {id(x) for x in (found.quoc_hieu, found.tieu_ngu, found.so_ky_hieu, found.dia_danh_ngay,
                             found.do_mat, found.do_khan, *found.v_v) if x is not None}
    for x, n in ((found.quoc_hieu, found.quoc_hieu_lines), (found.tieu_ngu, found.tieu_ngu_lines)):
        if x is not None and n == 2:
            taken.add(id(head[head.index(x) + 1]))
    right = {x.container for x in (found.quoc_hieu, found.tieu_ngu, found.dia_danh_ngay) if x is not None}
    right.discard(("body",))
    stop = found.so_ky_hieu or found.dia_danh_ngay
    for ln in head:
        if stop is not None and (ln.para.index, ln.column or 0) >= (stop.para.index, stop.column or 0):
            break
        if id(ln) in taken or ln.container in right:
            continue
        if found.quoc_hieu is not None and ln.container == ("body",) and ln.para.index > found.quoc_hieu.para.index \
                and not ln.upper:
            continue  # plain paragraphs under the Quốc hiệu: only an upper-case name is the issuing body
        found.co_quan.append(ln)
    # A continued V/v: the lines after it in its cell.
    if found.v_v:
        first = found.v_v[0]
        for ln in head:
            if ln.para.index > first.para.index and ln.container == first.container and id(ln) not in taken \
                    and ln.container != ("body",):
                found.v_v.append(ln)
    bold = [ln.bold for ln in found.co_quan]
    k = next((n for n, b in enumerate(bold) if b), 0)
    if 0 < k < len(bold) and all(bold[k:]):
        found.co_quan_chu_quan, found.co_quan = found.co_quan[:k], found.co_quan[k:]


def _rule_under(ln: Line, paras: list[Para], own: bool = False) -> Rule | None:
    """The solid line under `ln`: its bottom border, an empty bordered paragraph or a line shape after it, an
    underline."""
    p = ln.para
    if p.border_bottom and ln.column is None:
        return Rule(max(p.room - p.left - p.right, 0), "border", p)
    for q in paras[p.index + 1:p.index + 3]:
        same = (q.table, q.row, q.cell, q.textbox) == (p.table, p.row, p.cell, p.textbox)
        if q.text.strip() or not same:
            break
        if q.border_bottom or q.border_top:
            return Rule(max(q.room - q.left - q.right, 0), "border", q)
        if q.shapes:
            return Rule(q.shapes[0].length, "shape", q)
    if p.shapes and ln.column is None:
        return Rule(p.shapes[0].length, "shape", p)
    if ln.visible and all(r.underline for r in ln.visible):
        return Rule(ln.width, "underline", p)
    return None


def _shapes_by_offset(found: Parts, paras: list[Para], header_end: int) -> None:
    """Lines drawn anywhere in the header, matched left to right with the issuing body and the Tiêu ngữ."""
    if found.tieu_ngu_rule and (found.co_quan_rule or not found.co_quan):
        return
    used = {id(r.para) for r in (found.tieu_ngu_rule, found.co_quan_rule) if r is not None and r.kind == "shape"}
    shapes = [(s, p) for p in paras[:header_end + 1] if id(p) not in used for s in p.shapes]
    if len(shapes) == 2 and all(s.offset is not None for s, _ in shapes) and found.co_quan:
        (left, lp), (right, rp) = sorted(shapes, key=lambda x: x[0].offset or 0)
        found.co_quan_rule = found.co_quan_rule or Rule(left.length, "shape", lp)
        found.tieu_ngu_rule = found.tieu_ngu_rule or Rule(right.length, "shape", rp)
    elif len(shapes) == 1 and shapes[0][0].offset is not None and found.co_quan and found.tieu_ngu_rule \
            and not found.co_quan_rule and shapes[0][0].offset < shapes[0][1].room / 2:
        found.co_quan_rule = Rule(shapes[0][0].length, "shape", shapes[0][1])  # the left half: under the body


def _next_text(paras: list[Para], i: int, limit: int = 6) -> int | None:
    """Index of the first top-level paragraph with text from `i`, within `limit` paragraphs."""
    for q in paras[i:i + limit]:
        if q.text.strip() and q.table is None:
            return q.index
    return None


def _title(title: Title, paras: list[Para], i: int) -> int:
    """Tên loại, trích yếu, italic notes and the short line, from paragraph `i`; returns where the body starts."""
    k = _next_text(paras, i)
    if k is None:
        return i
    f = fold(paras[k].text).rstrip(".")
    if f not in _TYPES:
        return i
    title.ten_loai, title.type_key = lines(paras[k])[0], _TYPES[f]
    j = k + 1
    while j < len(paras):
        q = paras[j]
        if not q.text.strip() or q.table is not None or q.text.strip().startswith("("):
            break
        ln = lines(q)
        if not ln or (title.trich_yeu and ln[0].upper and not title.trich_yeu[0].upper) or len(title.trich_yeu) >= 4 \
                or fold(q.text).startswith("KINH GUI") or fold(q.text) in ("QUYET DINH:", "QUYET DINH"):
            break
        title.trich_yeu.append(ln[0])
        j += 1
    while j < len(paras) and paras[j].text.strip().startswith("(") and paras[j].table is None:
        title.notes.extend(lines(paras[j]))
        j += 1
    last = title.trich_yeu[-1] if title.trich_yeu else None
    if last is not None:
        anchor = title.notes[-1] if title.notes else last
        title.rule = _rule_under(anchor, paras) or (_rule_under(last, paras) if anchor is not last else None)
        if title.rule is not None:
            j = max(j, title.rule.para.index + 1)
    return j


def _kinh_gui(found: Parts, paras: list[Para], i: int) -> int:
    """Kính gửi and its recipients: lines of the body, or a borderless block ("Kính gửi:" in one cell, the
    recipients in the next); returns where what follows starts."""
    k = next((q.index for q in paras[i:i + 4] if q.text.strip()), None)
    if k is None or not fold(paras[k].text).startswith("KINH GUI"):
        return i
    found.kinh_gui = lines(paras[k])[:1]
    block = paras[k].table
    j = k + 1
    while j < len(paras) and (paras[j].table == block and block is not None and not paras[j].text.strip()
                              or paras[j].table == block and paras[j].text.strip().startswith(("-", "–", "+"))):
        found.kinh_gui.extend(lines(paras[j])[:1])
        j += 1
    while block is not None and j < len(paras) and paras[j].table == block:
        j += 1
    return j


def _grounds(found: Parts, paras: list[Para], i: int) -> int:
    """A decision: the authority line, its grounds, and `QUYẾT ĐỊNH:`; returns where the Điều start."""
    k = _next_text(paras, i, 4)
    if k is None:
        return i
    decide = next((q.index for q in paras[k:k + 40] if fold(q.text) in ("QUYET DINH:", "QUYET DINH")), None)
    if decide is None:
        return i
    first = lines(paras[k])[0]
    start = k
    if first.upper and not fold(first.text).startswith("CAN CU"):
        found.tham_quyen = first
        start = k + 1
    found.can_cu = [ln for q in paras[start:decide] if q.table is None for ln in lines(q)[:1]]
    found.quyet_dinh = lines(paras[decide])[0]
    return decide + 1


def _footer(found: Parts, paras: list[Para], i: int) -> int:
    """Nơi nhận and the signer after paragraph `i`; returns the index where the footer starts."""
    stop = _annex_start(paras, i)
    nn = next((ln for q in paras[i:stop] for ln in lines(q) if _opens_recipients(ln.text, found.words)), None)
    if nn is not None:
        found.noi_nhan = nn
        p = nn.para
        if p.table is not None:
            mine, signer = _footer_table(found, paras[i:stop], p)
        elif nn.column is not None:
            mine, signer = _footer_columns(paras, p, stop)
        else:
            mine, j = [], p.index + 1
            while j < stop and paras[j].text.strip().startswith(("-", "–")):
                mine.extend(lines(paras[j]))
                j += 1
            signer = _signer_plain(paras, i, p.index, found.words) or _signer_plain(paras, j, stop, found.words)
        for ln in mine:
            (found.nguoi_soan if re.match(r"^[A-ZĐ]{1,6}\.?\(\d+\)\.?$", ln.text) or
             (found.noi_nhan_muc and is_luu(found.noi_nhan_muc[-1].text, found.words) and not ln.text.startswith("-"))
             else found.noi_nhan_muc).append(ln)
    else:
        signer = _signer_plain(paras, i, stop, found.words)
    signer, found.cung_ky = _unsigned(signer), _unsigned(found.cung_ky)
    if signer:
        found.ho_ten, found.chuc_danh = signer[-1], signer[:-1]
    starts = [ln.para.index for ln in (found.noi_nhan, *found.chuc_danh, found.ho_ten) if ln is not None]
    if not starts:
        return stop
    start = min(starts)
    table = paras[start].table
    if table is not None:
        start = min(q.index for q in paras if q.table == table)
    return start


def _footer_table(found: Parts, footer: list[Para], p: Para) -> tuple[list[Line], list[Line]]:
    """The Nơi nhận lines after its title `p` and the signer's lines, in a table of the `footer`'s paragraphs: the
    cell of `p` is Nơi nhận's, the others the signer's (Mẫu 1.9: the other signer, over Nơi nhận, is cùng ký)."""
    mine = [ln for q in footer if q.table == p.table and q.cell == p.cell and q.index > p.index for ln in lines(q)]
    signer = [ln for q in footer if q.table == p.table and q.cell != p.cell and q.index >= p.index for ln in lines(q)]
    before = [q for q in footer if q.index < p.index and q.table == p.table]
    signer += [ln for q in before if q.cell != p.cell for ln in lines(q)]
    if layout_of(found.title.type_key).roles:
        found.cung_ky = [ln for q in before if (q.row, q.cell) == (p.row, p.cell) for ln in lines(q)]
    return mine, signer


def _footer_columns(paras: list[Para], p: Para, stop: int) -> tuple[list[Line], list[Line]]:
    """The Nơi nhận lines and the signer's, typed in columns (tabs) from its title `p`: Nơi nhận on the left."""
    mine: list[Line] = []
    signer = [ln for ln in lines(p) if (ln.column or 0) > 0]
    j, gap = p.index + 1, False
    while j < stop:  # past the empty lines left for the signature, only the signer's column goes on
        found_lines = lines(paras[j])
        gap = gap or not found_lines
        if gap and found_lines and not all(ln.column for ln in found_lines):
            break
        for ln in found_lines:
            (mine if not ln.column else signer).append(ln)
        j += 1
    return mine, signer


def _unsigned(block: list[Line]) -> list[Line]:
    """A signer block without the marks a copy prints in place of the signature (`(Đã ký)`, `(ký, đóng dấu)`)."""
    return [ln for ln in block if not _SIGNED.match(fold(ln.text))]


def _opens_recipients(text: str, words: Words) -> bool:
    """Whether a line is the label opening the Nơi nhận (`Nơi nhận:` in the document's wording), in any case, its
    marks typed or not."""
    return fold(text).startswith(fold(words["noi_nhan"]).rstrip(".: "))


def _signer_plain(paras: list[Para], i: int, stop: int, words: Words) -> list[Line]:
    """Signer lines outside a table: from the first prefixed line (TM., KT. …) to the name under it."""
    k = next((q.index for q in paras[i:stop] if _PREFIX.match(fold(q.text.strip())) and q.table is None), None)
    if k is None:
        return _signer_block(paras, i, stop)
    out: list[Line] = []
    for q in paras[k:stop]:
        if _opens_recipients(q.text, words):
            break
        out.extend(lines(q))
        if out and not out[-1].upper and not _SIGNED.match(fold(out[-1].text)):
            break
    return out


def _signer_block(paras: list[Para], i: int, stop: int) -> list[Line]:
    """A signer without an authority form: the last block before `stop` set apart from the body (centred,
    right-aligned or indented), upper-case titles over a name."""
    def apart(q: Para) -> bool:
        return q.table is None and (q.align in ("center", "right") or q.left >= 2500) and len(q.text.strip()) <= 60

    block = [q for q in paras[i:stop] if q.text.strip()]
    if not block or not apart(block[-1]) or lines(block[-1])[0].upper:
        return []
    k = len(block) - 1
    while (k > 0 and apart(block[k - 1]) and lines(block[k - 1])[0].upper
           and not block[k - 1].text.strip().endswith(".")):
        k -= 1
    return [ln for q in block[k:] for ln in lines(q)] if k < len(block) - 1 else []


def _annex_start(paras: list[Para], i: int) -> int:
    return next((q.index for q in paras[i:] if q.table is None and _PHU_LUC.match(fold(q.text))), len(paras))


def _footer_end(found: Parts, start: int) -> int:
    ends = [ln.para.index for ln in (found.noi_nhan, *found.noi_nhan_muc, *found.nguoi_soan, *found.chuc_danh,
                                       found.ho_ten) if ln is not None]
    return max(ends) + 1 if ends else start


def _body(paras: list[Para], i: int, end: int) -> list[Para]:
    return [q for q in paras[i:end] if q.table is None and q.textbox is None and q.text.strip()]


def _captions(paras: list[Para], i: int, end: int) -> set[int]:
    """The centred or right-aligned lines just above a table among the body's paragraphs (its caption "Bảng 1. …",
    its unit line "Đơn vị tính: …"), by paragraph index."""
    tables: dict[int, list[Para]] = {}  # the paragraphs of each table, in one pass
    for q in paras[i:end]:
        if q.table is not None:
            tables.setdefault(q.table, []).append(q)
    out = set()
    for k in range(i, end):
        out |= {q.index for q in _caption_block(paras, k, end, tables) if q.text.strip()}
        for q in paras[k + 1:k + 3]:
            if q.table is not None or q.align not in ("center", "right"):
                if q.table is not None and paras[k].table is None and paras[k].align in ("center", "right"):
                    out.add(paras[k].index)
                break
    return out


def _caption_block(paras: list[Para], k: int, end: int, tables: dict[int, list[Para]]) -> list[Para]:
    """The paragraphs of the borderless one-column block of centred or right-aligned lines (a caption, a unit line)
    that paragraph `k` opens just above another table; none when it opens no such block. `tables`: the paragraphs
    of each table up to `end`."""
    p = paras[k]
    if p.table is None or k > 0 and paras[k - 1].table == p.table:
        return []
    own = [q for q in tables[p.table] if q.index >= k]
    after = next((paras[j] for j in range(k + len(own), end) if paras[j].text.strip() or paras[j].table is not None),
                 None)
    lines_ = [q for q in own if q.text.strip()]
    block = (after is not None and after.table is not None and after.table != p.table and 0 < len(lines_) <= 3
             and len({(q.row, q.cell) for q in own}) == 1 and all(q.align in ("center", "right") for q in lines_))
    return own if block else []


def _after(found: Parts, paras: list[Para], i: int) -> None:
    """What follows the signature: an issued document (Mẫu 1.3) with its own body, and the phụ lục."""
    sections = found.document.sections
    j = i
    while j < len(paras):
        q = paras[j]
        f = fold(q.text)
        if q.table is None and _PHU_LUC.match(f):
            nxt = [x for x in paras[j + 1:j + 8] if x.text.strip() and x.table is None]
            title = []
            kem = None
            for x in nxt:
                if x.text.strip().startswith("(") or fold(x.text).startswith("KEM THEO"):
                    kem = lines(x)[0]
                    break
                title.extend(lines(x)[:1])
            section = sections[min(q.section, len(sections) - 1)]
            first_text = next((x.index for x in paras[section.first:q.index + 1] if x.text.strip()), q.index)
            found.annexes.append(Annex(lines(q)[0], title[:3], kem, section, first_text == q.index or q.page_break))
            j = (kem.para.index if kem else j) + 1
            continue
        if q.table is None and f.rstrip(".") in _TYPES and not found.annexes:
            issued = Title()
            start = _title(issued, paras, j)
            found.issued.append(issued)
            end = _annex_start(paras, start)
            found.bodies.append(_body(paras, start, end))
            found.captions |= _captions(paras, start, end)
            j = end
            continue
        j += 1
