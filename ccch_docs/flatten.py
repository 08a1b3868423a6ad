"""Any .docx as a flat list of paragraphs in reading order, each with its formatting after style inheritance.

Tables, text boxes, content controls and tracked insertions are walked in reading order; every
paragraph knows its section, its table cell or text box, the room its text has, its runs with their
effective fonts (every w:rFonts slot, theme fonts resolved), size, bold, italic, caps and colour.
"""

from __future__ import annotations

import math
import os
import posixpath
import re
import stat
import unicodedata
import zipfile
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, TypedDict

from lxml import etree

from .decree.numbering import roman as _roman
from .errors import Problem
from .messages import SPLIT_HINT, grouped, os_error
from .metrics import text_width
from .notdocx import DAMAGED, NOT_WORD, RESAVE, SMALLER, why_not_docx
from .ooxml import DEFAULT_CELL_MARGIN, REL, W, part_name
from .package import oversized_entry, unreadable_entry

_W = f"{{{W}}}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_V = "{urn:schemas-microsoft-com:vml}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
SLOTS = ("ascii", "hAnsi", "eastAsia", "cs")
_THEME_ATTR = {"ascii": "asciiTheme", "hAnsi": "hAnsiTheme", "eastAsia": "eastAsiaTheme", "cs": "cstheme"}
_TYPED_RULE = re.compile(r"\s*_{3,}\s*")
# A symbol font's own codes, and other private-use characters: no glyph in Times New Roman (formats.text.GLYPHLESS).
_PRIVATE_USE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")
_PAGE = re.compile(r"(^|\s)PAGE(\s|\\|$)")
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
MAX_PART = 200_000_000  # bytes of one part unpacked, checked in the zip's directory before any is read
# The XML read is walked paragraph by paragraph: some 30 µs and 1.4 kB each. A 20,000-row phụ lục's document.xml is
# 27 MB of 180,000 paragraphs (11 s); a 116 kB file unpacking to a million was read for 30 s in 1.4 GB.
MAX_XML = 64_000_000  # bytes of one XML part unpacked
MAX_PARAGRAPHS = 300_000
# A document's table of thousands of like rows packs 100 times and more (a template's limit); deflate packs at most
# 1,032 times: only a part made almost wholly of one repeated byte comes near this.
MAX_RATIO = 1_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)


def nfc_xml(data: bytes) -> bytes:
    """An XML part with its text in NFC: a document typed with combining accents (`o\u0302\u0300`) reads as the
    same words typed precomposed (`ồ`), as the decree's font standard has them and as the rules compare them."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:  # another encoding, declared in the part: read as it is
        return data
    return data if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text).encode("utf-8")


def _parse(data: bytes) -> etree._Element:
    return etree.fromstring(nfc_xml(data), _PARSER)


class Unreadable(Exception):
    """The file is not a WordprocessingML document this reader can open: why, and what to do (`hint`)."""

    def __init__(self, message: str, hint: str | None = None):
        super().__init__(message)
        self.hint = hint

    def problem(self, name: str) -> Problem:
        """The problem of the file `name` that this is about."""
        return Problem(f"không đọc được tệp .docx: {self}", name, hint=self.hint)


@dataclass(frozen=True)
class Run:
    """A stretch of visible text and its effective look; a font is None where nothing in the document sets it."""

    text: str
    fonts: tuple[str | None, str | None, str | None, str | None]  # ascii, hAnsi, eastAsia, cs
    size: float | None
    bold: bool
    italic: bool
    caps: bool
    color: str | None
    underline: bool


@dataclass(frozen=True)
class Shape:
    """A drawn straight line (DrawingML or VML) anchored in a paragraph: its length in twips."""

    length: int
    offset: int | None  # horizontal offset (twips) from where it is anchored, when given


@dataclass
class Para:
    """One paragraph in reading order with its effective paragraph properties (twips)."""

    index: int
    text: str
    runs: list[Run]
    style: str
    align: str
    first_line: int  # negative for a hanging indent
    left: int
    right: int
    before: int
    after: int
    line: int
    line_rule: str
    border_top: bool
    border_bottom: bool
    section: int
    room: int  # twips the text has: the cell's width less its margins, or the page's text width
    table: int | None = None  # 1-based, counting tables in reading order
    row: int | None = None
    cell: int | None = None
    span: int = 1  # grid columns its table cell spans (w:gridSpan)
    merged: bool = False  # its table cell goes on with the one above (w:vMerge without restart)
    textbox: int | None = None
    numbered: bool = False  # labelled by the word processor's list numbering
    label: str | None = None  # that label, as printed (also at the head of `text`); None when unknown
    page_break: bool = False  # starts on a new page
    page_field: bool = False  # holds a PAGE field (page number)
    shapes: list[Shape] = field(default_factory=list)
    in_header: bool = False  # read from a page header or footer
    in_footer: bool = False  # read from a page footer


@dataclass(frozen=True)
class Table:
    """A top-level table: its number, section, width (twips) and the index of its first paragraph."""

    number: int
    section: int
    width: int
    first: int


@dataclass(frozen=True)
class Margins:
    top: int | None
    bottom: int | None
    left: int | None
    right: int | None


@dataclass
class Section:
    """A section's page, margins, numbering, and the page-number field of its headers."""

    index: int
    width: int | None
    height: int | None
    landscape: bool
    margins: Margins
    title_page: bool
    restart: int | None  # w:pgNumType/@w:start
    header: list[Para]  # the default header's paragraphs (inherited from earlier sections when absent)
    first_header: list[Para] | None  # the first-page header's, when the section has one
    footer: list[Para]  # the paragraphs of its footers (to find a page number put there)
    first: int = 0  # index of its first paragraph
    last: int = -1

    @property
    def text_width(self) -> int:
        if self.width is None:
            return 9354
        return self.width - (self.margins.left or 0) - (self.margins.right or 0)


@dataclass
class Document:
    """The flat document: paragraphs, sections, and the page count its producer recorded."""

    paras: list[Para]
    sections: list[Section]
    tables: list[Table]
    pages: int | None
    producer: str
    chunks: list[tuple[int, str]] = field(default_factory=list)  # parts embedded by w:altChunk, left unread: the
    # paragraphs before each, its part's name
    stand_ins: list[int] = field(default_factory=list)  # the paragraphs holding STAND_IN


def _on(el: etree._Element | None) -> bool | None:
    if el is None:
        return None
    return el.get(_W + "val", "true") not in ("0", "false", "off", "none")


def _float(value: str | None) -> float | None:
    """A number written in the XML (`1134`, `1.5`), None for none or what is no finite number (`abc`, `1e400`)."""
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def _int(value: str | None) -> int | None:
    number = _float(value)
    return None if number is None else int(number)


class _State(TypedDict):
    """What reading a paragraph's runs found: a page break before it, a PAGE field, where a page break ended."""

    page_break: bool
    page_field: bool
    break_at: int | None


class _Styles:
    """styles.xml and theme fonts resolved into flat property dicts per style id."""

    def __init__(self, xml: bytes | None, theme: dict[str, str | None]):
        root = _parse(xml) if xml else etree.Element(_W + "styles")
        self.theme = theme
        self.styles = {s.get(_W + "styleId"): s for s in root.iter(_W + "style")}
        self.default_para = next((sid for sid, s in self.styles.items()
                                  if s.get(_W + "type") == "paragraph" and s.get(_W + "default") in ("1", "true")),
                                 None)
        defaults = root.find(_W + "docDefaults")
        self.base_r: dict = {}
        self.base_p: dict = {}
        if defaults is not None:
            _merge_r(self.base_r, defaults.find(f"{_W}rPrDefault/{_W}rPr"))
            _merge_p(self.base_p, defaults.find(f"{_W}pPrDefault/{_W}pPr"))
        self._r: dict[str | None | tuple[str, str | None], dict] = {}
        self._p: dict[str | None, dict] = {}
        self._names: dict[str | None, str] = {}

    def chain(self, sid: str | None) -> list[etree._Element]:
        out, seen = [], set()
        while sid and sid in self.styles and sid not in seen:
            seen.add(sid)
            out.append(self.styles[sid])
            based = self.styles[sid].find(_W + "basedOn")
            sid = based.get(_W + "val") if based is not None else None
        return out[::-1]

    def name(self, sid: str | None) -> str:
        if sid not in self._names:
            style = self.styles.get(sid or self.default_para)
            el = style.find(_W + "name") if style is not None else None
            self._names[sid] = el.get(_W + "val", "") if el is not None else ""
        return self._names[sid]

    def para(self, sid: str | None) -> tuple[dict, dict]:
        """Paragraph and run properties a paragraph style gives (defaults included)."""
        sid = sid if sid in self.styles else self.default_para
        if sid not in self._p:
            p, r = dict(self.base_p), dict(self.base_r)
            for s in self.chain(sid):
                _merge_p(p, s.find(_W + "pPr"))
                _merge_r(r, s.find(_W + "rPr"))
            self._p[sid], self._r[sid] = p, r
        return self._p[sid], self._r[sid]

    def char(self, sid: str | None) -> dict:
        """Run properties of a character style alone."""
        key = ("c", sid)
        if key not in self._r:
            r: dict = {}
            for s in self.chain(sid):
                _merge_r(r, s.find(_W + "rPr"))
            self._r[key] = r
        return self._r[key]


def _merge_r(props: dict, rpr: etree._Element | None) -> None:
    if rpr is None:
        return
    for el in rpr:
        tag = el.tag[len(_W):] if isinstance(el.tag, str) and el.tag.startswith(_W) else None
        if tag == "rFonts":
            for slot in SLOTS:
                theme = el.get(_W + _THEME_ATTR[slot])
                if theme:
                    props["font_" + slot] = ("theme", theme)
                elif el.get(_W + slot):
                    props["font_" + slot] = ("name", el.get(_W + slot))
        elif tag in ("b", "i", "caps", "vanish", "smallCaps"):
            props[tag] = _on(el)
        elif tag == "sz":
            props["sz"] = _int(el.get(_W + "val"))
        elif tag == "color":
            props["color"] = el.get(_W + "val")
        elif tag == "u":
            props["u"] = el.get(_W + "val", "single") != "none"


def _merge_p(props: dict, ppr: etree._Element | None) -> None:
    if ppr is None:
        return
    for el in ppr:
        tag = el.tag[len(_W):] if isinstance(el.tag, str) and el.tag.startswith(_W) else None
        if tag == "jc":
            props["jc"] = el.get(_W + "val")
        elif tag == "ind":
            for attr, key in (("left", "left"), ("start", "left"), ("right", "right"), ("end", "right")):
                v = _int(el.get(_W + attr))
                if v is not None:
                    props[key] = v
            if el.get(_W + "hanging") is not None:
                props["first"] = -(_int(el.get(_W + "hanging")) or 0)
            elif el.get(_W + "firstLine") is not None:
                props["first"] = _int(el.get(_W + "firstLine")) or 0
        elif tag == "spacing":
            for attr in ("before", "after", "line"):
                v = _int(el.get(_W + attr))
                if v is not None:
                    props[attr] = v
            if el.get(_W + "lineRule"):
                props["lineRule"] = el.get(_W + "lineRule")
            for attr, key in (("beforeAutospacing", "before"), ("afterAutospacing", "after")):
                if el.get(_W + attr) in ("1", "true", "on"):
                    props[key] = 280  # "auto" spacing: Word leaves 14 pt
        elif tag == "pBdr":
            for edge in ("top", "bottom"):
                b = el.find(_W + edge)
                if b is not None:
                    props["bdr_" + edge] = b.get(_W + "val") not in ("nil", "none")
        elif tag == "numPr":
            num, lvl = el.find(_W + "numId"), el.find(_W + "ilvl")
            if num is not None:
                props["num"] = num.get(_W + "val")
            if lvl is not None:
                props["ilvl"] = _int(lvl.get(_W + "val")) or 0
        elif tag == "pageBreakBefore":
            props["pageBreakBefore"] = _on(el)


_FORMATS: dict[str, Callable[[int], str]] = {
    "decimal": str, "decimalZero": lambda n: f"{n:02d}", "lowerLetter": lambda n: _letters(n),
    "upperLetter": lambda n: _letters(n).upper(), "lowerRoman": lambda n: _roman(n).lower(),
    "upperRoman": lambda n: _roman(n)}


def _letters(n: int) -> str:
    """Word's lowerLetter: a … z, then aa, bb … (not the Vietnamese order: it has f, j, w, z and no đ)."""
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


class _Numbering:
    """numbering.xml: the labels the word processor prints before list paragraphs, counted in document order."""

    def __init__(self, xml: bytes | None):
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, list[int]] = {}
        if not xml:
            return
        root = _parse(xml)
        for a in root.iterfind(_W + "abstractNum"):
            levels = {}
            for lvl in a.iterfind(_W + "lvl"):
                start, fmt, text = lvl.find(_W + "start"), lvl.find(_W + "numFmt"), lvl.find(_W + "lvlText")
                first = _int(start.get(_W + "val")) if start is not None else None
                levels[_int(lvl.get(_W + "ilvl")) or 0] = (
                    1 if first is None else first,
                    fmt.get(_W + "val", "decimal") if fmt is not None else "decimal",
                    text.get(_W + "val", "") if text is not None else "")
            self.levels[a.get(_W + "abstractNumId", "")] = levels
        for n in root.iterfind(_W + "num"):
            ref = n.find(_W + "abstractNumId")
            starts = {(_int(o.get(_W + "ilvl")) or 0): _int(s.get(_W + "val")) or 1
                      for o in n.iterfind(_W + "lvlOverride") for s in [o.find(_W + "startOverride")] if s is not None}
            if ref is not None:
                self.nums[n.get(_W + "numId", "")] = (ref.get(_W + "val", ""), starts)

    def label(self, num: str, ilvl: int) -> str | None:
        """The label of the next paragraph of list `num` at level `ilvl`; None when the list is unknown."""
        if num not in self.nums:
            return None
        abstract, starts = self.nums[num]
        levels = self.levels.get(abstract, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(num, [0] * 10)
        start, fmt, text = levels[ilvl]
        counters[ilvl] = (counters[ilvl] or starts.get(ilvl, start) - 1) + 1
        for deeper in range(ilvl + 1, 10):
            counters[deeper] = 0
        if fmt == "bullet":
            return "-" if text.strip() in ("-", "–", "") else "•"
        if fmt == "none":
            return text or None

        def value(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            lvl = levels.get(k, (1, "decimal", ""))
            return _FORMATS.get(lvl[1], str)(counters[k] or lvl[0])
        return re.sub(r"%([1-9])", value, text)


_THEME_KEYS = {"minorHAnsi": ("minor", "latin"), "minorAscii": ("minor", "latin"), "majorHAnsi": ("major", "latin"),
               "majorAscii": ("major", "latin"), "minorEastAsia": ("minor", "ea"), "majorEastAsia": ("major", "ea"),
               "minorBidi": ("minor", "cs"), "majorBidi": ("major", "cs")}


def _theme_fonts(xml: bytes | None) -> dict[str, str | None]:
    out: dict[str, str | None] = {}
    if not xml:
        return out
    root = etree.fromstring(xml, _PARSER)
    for key, (kind, script) in _THEME_KEYS.items():
        el = root.find(f".//{_A}{kind}Font/{_A}{script}")
        out[key] = (el.get("typeface") or None) if el is not None else None
    return out


def _font(value: tuple[str, str] | None, theme: dict[str, str | None]) -> str | None:
    if value is None:
        return None
    kind, name = value
    return theme.get(name) if kind == "theme" else name


class _Reader:
    """Walks the body in reading order."""

    def __init__(self, styles: _Styles, numbering: _Numbering | None = None):
        self.styles = styles
        self.numbering = numbering or _Numbering(None)
        self.paras: list[Para] = []
        self.tables = 0
        self.textboxes = 0
        self.section = 0
        self.break_pending = False
        self.tables_found: list[Table] = []
        self.chunks: list[tuple[int, str]] = []  # w:altChunk met: the paragraphs before it, its relationship id
        self.stand_ins: list[int] = []  # the paragraphs holding STAND_IN

    def block(self, el: etree._Element, where: dict, room: int) -> None:
        for child in el:
            self.element(child, where, room)

    def element(self, child: etree._Element, where: dict, room: int) -> None:
        tag = child.tag
        if tag == _W + "p":
            self.paragraph(child, where, room)
        elif tag == _W + "tbl":
            self.table(child, where, room)
        elif tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if tag == _W + "sdt" else child
            if content is not None:
                self.block(content, where, room)
        elif tag == _W + "altChunk":  # an embedded HTML, RTF … part: its text is not read, but it is noted
            self.chunks.append((len(self.paras), child.get(_R + "id") or ""))
        elif tag == _MC + "AlternateContent":
            choice = child.find(_MC + "Choice")
            if choice is not None:
                self.block(choice, where, room)

    def table(self, tbl: etree._Element, where: dict, room: int) -> None:
        self.tables += 1
        number = self.tables if where.get("table") is None else where["table"]
        grid = [(_int(g.get(_W + "w")) or 0) for g in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol")]
        if where.get("table") is None and where.get("textbox") is None:
            width = _twips(tbl.find(f"{_W}tblPr/{_W}tblW")) or sum(grid)
            self.tables_found.append(Table(number, self.section, width, len(self.paras)))
        tbl_margins = [_twips(tbl.find(f"{_W}tblPr/{_W}tblCellMar/{_W}{side}")) for side in ("left", "right")]
        if tbl_margins[0] is None:
            tbl_margins[0] = _twips(tbl.find(f"{_W}tblPr/{_W}tblCellMar/{_W}start"))
        if tbl_margins[1] is None:
            tbl_margins[1] = _twips(tbl.find(f"{_W}tblPr/{_W}tblCellMar/{_W}end"))
        for r, tr in enumerate(_children(tbl, "tr"), 1):
            col = 0
            for c, tc in enumerate(_children(tr, "tc"), 1):
                grid_span = tc.find(f"{_W}tcPr/{_W}gridSpan")
                span = _int(grid_span.get(_W + "val")) if grid_span is not None else 1
                width = _twips(tc.find(f"{_W}tcPr/{_W}tcW")) or sum(grid[col:col + (span or 1)]) or room
                col += span or 1
                margins = 0
                for i, side in enumerate(("left", "right")):
                    m = _twips(tc.find(f"{_W}tcPr/{_W}tcMar/{_W}{side}"))
                    m = m if m is not None else tbl_margins[i]
                    margins += DEFAULT_CELL_MARGIN if m is None else m
                inner = dict(where)
                if where.get("table") is None:
                    merge = tc.find(f"{_W}tcPr/{_W}vMerge")
                    inner.update(table=number, row=r, cell=c, span=span or 1,
                                 merged=merge is not None and merge.get(_W + "val") != "restart")
                self.block(tc, inner, max(width - margins, 0))

    def paragraph(self, p: etree._Element, where: dict, room: int) -> None:
        if len(self.paras) >= MAX_PARAGRAPHS:
            raise Unreadable(f"văn bản có hơn {grouped(MAX_PARAGRAPHS)} đoạn, quá nhiều để đọc", SPLIT_HINT)
        ppr = p.find(_W + "pPr")
        style_el = ppr.find(_W + "pStyle") if ppr is not None else None
        sid = style_el.get(_W + "val") if style_el is not None else None
        base_p, base_r = self.styles.para(sid)
        props = dict(base_p)
        _merge_p(props, ppr)
        runs: list[Run] = []
        boxes: list[etree._Element] = []
        shapes: list[Shape] = []
        state: _State = {"page_break": bool(props.get("pageBreakBefore")) or self.break_pending, "page_field": False,
                         "break_at": None}
        self.inline(p, base_r, runs, boxes, shapes, state)
        numbered = props.get("num") not in (None, "0")
        label = self.numbering.label(props["num"], props.get("ilvl", 0)) if numbered else None
        if label and runs:
            runs.insert(0, replace(runs[0], text=label + " "))
        text = "".join(r.text for r in runs)
        if _TYPED_RULE.fullmatch(text):  # a line typed as underscores under a name: a drawn line, not text
            shapes.append(Shape(round(text_width(text.strip(), runs[0].size or 14, runs[0].bold) * 20), None))
            runs, text = [], ""
        if STAND_IN in text:
            self.stand_ins.append(len(self.paras))
        para = Para(index=len(self.paras), text=text, runs=runs, style=self.styles.name(sid),
                    align=_align(props.get("jc")), first_line=props.get("first", 0), left=props.get("left", 0),
                    right=props.get("right", 0), before=props.get("before", 0), after=props.get("after", 0),
                    line=props.get("line", 240), line_rule=props.get("lineRule", "auto"),
                    border_top=bool(props.get("bdr_top")), border_bottom=bool(props.get("bdr_bottom")),
                    section=self.section, room=room, table=where.get("table"), row=where.get("row"),
                    cell=where.get("cell"), span=where.get("span", 1), merged=where.get("merged", False),
                    textbox=where.get("textbox"), numbered=numbered,
                    label=label,
                    page_break=state["page_break"], page_field=state["page_field"], shapes=shapes)
        self.paras.append(para)
        # A page break that ends a paragraph (Ctrl+Enter) starts the next one on a new page.
        self.break_pending = state["break_at"] is not None and not text[state["break_at"]:].strip()
        for box in boxes:
            self.textboxes += 1
            inner = dict(where, textbox=self.textboxes)
            self.block(box, inner, _box_room(box) or room)
        if ppr is not None and ppr.find(_W + "sectPr") is not None and where.get("table") is None \
                and where.get("textbox") is None:
            self.section += 1

    def inline(self, el: etree._Element, base_r: dict, runs: list[Run], boxes: list, shapes: list[Shape],
               state: _State) -> None:
        for child in el:
            tag = child.tag
            if tag == _W + "r":
                self.run(child, base_r, runs, boxes, shapes, state)
            elif tag == _W + "fldSimple" and _PAGE.search(child.get(_W + "instr", "")):
                state["page_field"] = True
                self.inline(child, base_r, runs, boxes, shapes, state)
            elif tag in (_W + "hyperlink", _W + "ins", _W + "smartTag", _W + "customXml", _W + "fldSimple",
                         _W + "moveTo", _W + "bdo", _W + "dir"):
                self.inline(child, base_r, runs, boxes, shapes, state)
            elif tag == _W + "sdt":
                content = child.find(_W + "sdtContent")
                if content is not None:
                    self.inline(content, base_r, runs, boxes, shapes, state)
            elif tag == _MC + "AlternateContent":
                choice = child.find(_MC + "Choice")
                if choice is not None:
                    self.inline(choice, base_r, runs, boxes, shapes, state)

    def run(self, r: etree._Element, base_r: dict, runs: list[Run], boxes: list, shapes: list[Shape],
            state: _State) -> None:
        rpr = r.find(_W + "rPr")
        props = dict(base_r)
        if rpr is not None:
            rstyle = rpr.find(_W + "rStyle")
            if rstyle is not None:
                props.update(self.styles.char(rstyle.get(_W + "val")))
            _merge_r(props, rpr)
        parts: list[str] = []
        for child in r:
            tag = child.tag
            if tag == _W + "t":
                parts.append(child.text or "")
            elif tag == _W + "tab" or tag == _W + "ptab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                if child.get(_W + "type") == "page":
                    if not runs and not parts:
                        state["page_break"] = True
                    else:
                        state["break_at"] = sum(len(x.text) for x in runs) + len("".join(parts))
                else:
                    parts.append("\n")
            elif tag == _W + "instrText" and _PAGE.search(child.text or ""):
                state["page_field"] = True
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            elif tag == _W + "sym":
                lead = not "".join(parts).strip() and not any(x.text.strip() for x in runs)
                parts.append(symbol(child.get(_W + "font", ""), child.get(_W + "char", ""), lead))
            elif tag in (_W + "drawing", _W + "pict", _MC + "AlternateContent", _W + "object"):
                _graphics(child, boxes, shapes)
        text = "".join(parts)
        if not text or props.get("vanish"):
            return
        theme = self.styles.theme
        sz = props.get("sz")
        ascii_, h_ansi, east_asia, cs = (_font(props.get("font_" + s), theme) for s in SLOTS)
        if (ascii_ or "").strip().lower() in _SYMBOLS:
            text = _typed_symbols(ascii_ or "", text, not any(x.text.strip() for x in runs))
        text = _PRIVATE_USE.sub(STAND_IN, text)  # another symbol font's (Wingdings 2, Webdings …)
        runs.append(Run(text=text, fonts=(ascii_, h_ansi, east_asia, cs),
                        size=sz / 2 if sz else None, bold=bool(props.get("b")), italic=bool(props.get("i")),
                        caps=bool(props.get("caps")), color=props.get("color"), underline=bool(props.get("u"))))


# Insert ▸ Symbol from a symbol font writes <w:sym> with the font's own code (F000 + byte): the characters
# clerks insert that way, as the nearest character Times New Roman has (its dingbats ❑ ➢ ✓ are refused in a YAML
# value, CCHC-E639). A code not listed, as any private-use character (a symbol font's own, which Times New Roman
# has no glyph for either), reads as STAND_IN: seen as a box, not silently lost, and the paragraph noted (import
# names it).
STAND_IN = "▫"  # no code below reads as it
_SYMBOLS = {
    "symbol": {0x2D: "−", 0xB7: "•", 0xAE: "→", 0xDE: "→", 0xB4: "×", 0xB8: "÷", 0xA3: "≤", 0xB3: "≥", 0xB1: "±",
               0xB0: "°", 0xB9: "≠", 0xBB: "≈", 0xA5: "∞", 0xD6: "√", 0xBC: "…", 0xBE: "—", 0xC6: "Ø",
               **{b: chr(b) for b in b" !#%&()+,./0123456789:;<=>?[]_{|}"}},
    "wingdings": {0x9F: "•", 0xA7: "▪", 0xA8: "□", 0x6C: "●", 0x6E: "■", 0x71: "□", 0x76: "♦", 0xD8: "→",
                  0xE0: "→", 0xE8: "→", 0xF0: "→", 0xFC: "√", 0xFE: "√", 0xFB: "×", 0x46: "→"},
}
# The codes that, opening a paragraph, are its bullet: read as the typed "-" the renderer prints itself.
_BULLETS = {"symbol": {0x2D, 0xB7, 0xAE, 0xDE}, "wingdings": set(_SYMBOLS["wingdings"])}


def symbol(font: str, code: str, lead: bool = False) -> str:
    """The character of a <w:sym>: its equivalent in Symbol and Wingdings, "-" for a bullet when it opens the
    paragraph (`lead`), else the code itself, or STAND_IN for one in the private-use area.

    >>> symbol("Wingdings", "F0D8"), symbol("Wingdings", "F0D8", lead=True), symbol("Symbol", "F0B3", lead=True)
    ('→', '-', '≥')
    >>> symbol("Wingdings", "F028"), symbol("Wingdings 2", "F050"), symbol("Times New Roman", "2013")
    ('▫', '▫', '–')
    """
    try:
        n = int(code, 16)
    except ValueError:
        return ""
    if 0xF020 <= n <= 0xF0FF:
        font = font.strip().lower()
        if lead and n - 0xF000 in _BULLETS.get(font, ()):
            return "-"
        return _SYMBOLS.get(font, {}).get(n - 0xF000, STAND_IN)
    return _PRIVATE_USE.sub(STAND_IN, chr(n)) if 0x20 <= n < 0x110000 and not 0xD800 <= n < 0xE000 else ""


def _typed_symbols(font: str, text: str, lead: bool) -> str:
    """A run in a symbol font with its codes typed as text (U+F020–F0FF, as LibreOffice writes them) as `symbol`
    reads them; `lead` when nothing visible stands before the run in its paragraph."""
    first = len(text) - len(text.lstrip()) if lead else -1
    return "".join(symbol(font, f"{ord(c):X}", i == first) if "\uf020" <= c <= "\uf0ff" else c
                   for i, c in enumerate(text))


def _children(el: etree._Element, local: str) -> list[etree._Element]:
    """Direct children `w:local`, looking through content controls and custom XML wrappers."""
    out = []
    for child in el:
        if child.tag == _W + local:
            out.append(child)
        elif child.tag in (_W + "sdt", _W + "customXml"):
            content = child.find(_W + "sdtContent") if child.tag == _W + "sdt" else child
            if content is not None:
                out.extend(_children(content, local))
    return out


def _twips(el: etree._Element | None) -> int | None:
    if el is None or el.get(_W + "type", "dxa") != "dxa":
        return None
    return _int(el.get(_W + "w"))


def _align(jc: str | None) -> str:
    return {"start": "left", "end": "right", "distribute": "both", None: "left"}.get(jc, jc or "left")


_LENGTH = re.compile(r"(-?[0-9.]+)\s*(pt|in|cm|mm|px|emu)?")
_UNIT_TWIPS = {"pt": 20, "in": 1440, "cm": 1440 / 2.54, "mm": 144 / 2.54, "px": 15, "emu": 1 / 635, None: 20}


def _length(value: str) -> float | None:
    """A VML length in twips (`12pt`, `2cm`), None for what is no finite length (`1.2.3`, 400 digits)."""
    m = _LENGTH.match(value.strip())
    number = _float(m.group(1)) if m else None
    if m is None or number is None:
        return None
    twips = number * _UNIT_TWIPS[m.group(2)]
    return twips if math.isfinite(twips) else None


def _graphics(el: etree._Element, boxes: list, shapes: list[Shape]) -> None:
    """Text boxes and straight lines inside a run's drawing (the DrawingML choice, else VML)."""
    if el.tag == _MC + "AlternateContent":
        choice = el.find(_MC + "Choice")
        picked = choice if choice is not None else el.find(_MC + "Fallback")
        if picked is None:
            return
        el = picked
    for box in el.iter(_W + "txbxContent"):
        if not any(a.tag == _W + "txbxContent" for a in box.iterancestors()):
            boxes.append(box)
    for anchor in el.iter(_WP + "anchor", _WP + "inline"):
        geom = anchor.find(f".//{_A}prstGeom")
        if geom is not None and geom.get("prst") in ("line", "straightConnector1"):
            extent = anchor.find(_WP + "extent")
            offset = anchor.find(f"{_WP}positionH/{_WP}posOffset")
            if extent is not None:
                at = _int(offset.text) if offset is not None else None
                shapes.append(Shape(round((_int(extent.get("cx")) or 0) / 635), at if at is None else round(at / 635)))
    for line in el.iter(_V + "line"):
        a, b = line.get("from", "0,0").split(","), line.get("to", "0,0").split(",")
        x1, x2 = _length(a[0]), _length(b[0])
        if x1 is not None and x2 is not None and math.isfinite(x2 - x1):  # two lengths near the float limit
            shapes.append(Shape(round(abs(x2 - x1)), None))


def _box_room(box: etree._Element) -> int | None:
    for anchor in box.iterancestors(_WP + "anchor", _WP + "inline"):
        extent = anchor.find(_WP + "extent")
        if extent is not None:
            return round((_int(extent.get("cx")) or 0) / 635)
    return None


def related(z: zipfile.ZipFile, part: str) -> list[tuple[str, str, str]]:
    """The relationships of `part` ("" for the package's own): (id, type's last word, the part it names, resolved
    against `part`'s folder as the package's relationships are; an external target as written)."""
    folder, _, name = part.rpartition("/")
    path = posixpath.join(folder, "_rels", f"{name}.rels")
    try:
        root = etree.fromstring(z.read(path), _PARSER)
    except KeyError:  # a part without relationships
        return []
    return [(r.get("Id", ""), r.get("Type", "").rsplit("/", 1)[-1], part_name(folder, r.get("Target") or "", r))
            for r in root.iter(REL + "Relationship")]


def read(source: str | Path | IO[bytes]) -> Document:
    """Open a .docx (a path or a binary file object) and flatten it; Unreadable when it is not one."""
    if isinstance(source, str | Path):
        with _regular(source) as f:
            return read(f)
    z, main = package(source)
    with z, _damaged():
        names = set(z.namelist())
        rels = related(z, main)
        found = {kind: target for _, kind, target in rels if target in names}
        styles = _Styles(_read(z, found, "styles"), _theme_fonts(_read(z, found, "theme")))
        numbering = _Numbering(_read(z, found, "numbering"))
        root = _parse(z.read(main))
        pages, producer = _app(z, names)
        parts = {rid: z.read(target) for rid, kind, target in rels if kind in ("header", "footer") and target in names}
        doc = _flatten(root, styles, numbering, parts, pages, producer)
        targets = {rid: target for rid, _, target in rels}
        doc.chunks = [(at, targets.get(rid, rid)) for at, rid in doc.chunks]
        return doc


def _read(z: zipfile.ZipFile, found: dict[str, str], kind: str) -> bytes | None:
    return z.read(found[kind]) if kind in found else None


def check(source: str | Path | IO[bytes]) -> None:
    """Unreadable unless `source` is a .docx, as far as its package's directory and relationships tell."""
    if isinstance(source, str | Path):
        with _regular(source) as f:
            check(f)
        return
    package(source)[0].close()


def package(source: IO[bytes]) -> tuple[zipfile.ZipFile, str]:
    """`source` opened as a WordprocessingML package, and the name of its main part; Unreadable when it is none.
    Only the zip's directory and the package's relationships are read: a zip bomb is never unpacked."""
    try:
        z = zipfile.ZipFile(source)
    except zipfile.BadZipFile:
        raise Unreadable(*why_not_docx(source)) from None
    except OSError as exc:
        raise Unreadable(os_error(exc)) from None
    try:
        for info in z.infolist():
            if fault := unreadable_entry(info):
                raise Unreadable(fault, RESAVE)
            if fault := oversized_entry(info, MAX_XML if info.filename.endswith((".xml", ".rels")) else MAX_PART,
                                        MAX_RATIO):
                raise Unreadable(fault, SMALLER)
        with _damaged():
            main = main_part(z, set(z.namelist()))
        if main is None:
            raise Unreadable("không có phần word/document.xml", NOT_WORD)
        return z, main
    except BaseException:
        z.close()
        raise


@contextmanager
def _damaged() -> Iterator[None]:
    """A package's parts found broken as they are read: Unreadable, with what to do."""
    try:
        yield
    except etree.XMLSyntaxError as exc:
        raise Unreadable(f"phần XML hỏng: {exc}", DAMAGED) from None
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise Unreadable(f"gói ZIP hỏng: {exc}", DAMAGED) from None
    except (KeyError, ValueError) as exc:
        raise Unreadable(f"{type(exc).__name__}: {exc}", DAMAGED) from None


def _regular(path: str | Path) -> IO[bytes]:
    """`path` opened when it is a regular file: a FIFO is never waited on, a device (/dev/zero) never read."""
    try:
        f = open(os.open(path, _FLAGS), "rb")
    except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
        raise Unreadable(os_error(exc), "kiểm tra đường dẫn") from None
    if not stat.S_ISREG(os.fstat(f.fileno()).st_mode):
        f.close()
        raise Unreadable(f"{path} không phải là tệp thường", "chọn một tệp .docx")
    return f


def main_part(z: zipfile.ZipFile, names: set[str]) -> str | None:
    """The package's main part, as its relationships name it (word/document.xml when they name none)."""
    found = (target for _, kind, target in related(z, "") if kind == "officeDocument" and target in names)
    return next(found, "word/document.xml" if "word/document.xml" in names else None)


def _app(z: zipfile.ZipFile, names: set[str]) -> tuple[int | None, str]:
    if "docProps/app.xml" not in names:
        return None, ""
    root = etree.fromstring(z.read("docProps/app.xml"), _PARSER)
    pages = app = None
    for el in root:
        local = etree.QName(el).localname
        if local == "Pages":
            pages = _int(el.text)
        elif local == "Application":
            app = el.text
    return pages, app or ""


def _section(index: int, sp: etree._Element, header: list[Para], first_header: list[Para] | None,
             footer: list[Para]) -> Section:
    """Section `index` as its properties `sp` set its page (size and orientation, margins, first-page header, the
    number its pages restart from), with its headers' and footers' paragraphs."""
    pg, mar, num = sp.find(_W + "pgSz"), sp.find(_W + "pgMar"), sp.find(_W + "pgNumType")
    width = _int(pg.get(_W + "w")) if pg is not None else None
    height = _int(pg.get(_W + "h")) if pg is not None else None
    landscape = (pg is not None and pg.get(_W + "orient") == "landscape") or (
        width is not None and height is not None and width > height)
    margins = Margins(*(_int(mar.get(_W + side)) if mar is not None else None
                        for side in ("top", "bottom", "left", "right")))
    return Section(index, width, height, landscape, margins, bool(_on(sp.find(_W + "titlePg"))),
                   _int(num.get(_W + "start")) if num is not None else None, header, first_header, footer)


def _flatten(root: etree._Element, styles: _Styles, numbering: _Numbering, parts: dict[str, bytes], pages: int | None,
             producer: str) -> Document:
    body = root.find(_W + "body")
    if body is None:
        raise Unreadable("tài liệu không có phần thân (w:body)", DAMAGED)
    found = (p.find(f"{_W}pPr/{_W}sectPr") for p in body.iter(_W + "p"))
    sect_prs = [s for s in found if s is not None and not any(
        a.tag in (_W + "tbl", _W + "txbxContent") for a in s.iterancestors())]
    final = body.find(_W + "sectPr")
    sect_prs.append(final if final is not None else etree.Element(_W + "sectPr"))
    reader = _Reader(styles, numbering)
    headers: dict[str, list[Para]] = {}

    def header(rid: str | None, footer: bool = False) -> list[Para] | None:
        """A header's or footer's paragraphs, read once."""
        if rid is None or rid not in parts:
            return None
        if rid not in headers:
            sub = _Reader(styles)
            sub.block(_parse(parts[rid]), {}, 9354)
            for p in sub.paras:
                p.in_header = True
            headers[rid] = sub.paras
        for p in headers[rid] if footer else ():
            p.in_footer = True
        return headers[rid]

    sections: list[Section] = []
    default: list[Para] | None = []
    first: list[Para] | None = None
    footers: dict[str, list[Para]] = {}
    for i, sp in enumerate(sect_prs):
        refs = {h.get(_W + "type", "default"): h.get(_R + "id") for h in sp.iterfind(_W + "headerReference")}
        default = header(refs.get("default")) if "default" in refs else default
        first = header(refs.get("first")) if "first" in refs else first
        feet = {h.get(_W + "type", "default"): h.get(_R + "id") for h in sp.iterfind(_W + "footerReference")}
        footers = footers | {kind: header(rid, footer=True) or [] for kind, rid in feet.items()}
        sections.append(_section(i, sp, default or [], first,
                                 [p for kind in ("default", "first", "even") for p in footers.get(kind, [])]))

    # Walk the body; the room of top-level paragraphs is their section's text width.
    for child in body:
        if child.tag == _W + "sectPr":
            continue
        reader.element(child, {}, sections[min(reader.section, len(sections) - 1)].text_width)
    for para in reader.paras:
        para.section = min(para.section, len(sections) - 1)
    for sec in sections:
        members = [p.index for p in reader.paras if p.section == sec.index]
        if members:
            sec.first, sec.last = members[0], members[-1]
    return Document(reader.paras, sections, reader.tables_found, pages, producer, reader.chunks, reader.stand_ins)
