"""An existing administrative .docx back to the input format: the parts `reader` finds, as a document mapping.

What it cannot place is kept, in document order, as `Unplaced` text with the key it stands before, so
that nothing is silently dropped.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Any

from lxml import etree
from pydantic import ValidationError

from . import flatten, import_minutes, ooxml, reader
from .decree import TYPES, UNTITLED, Layout, layout_of, numbering
from .decree.citations import ky_hieu_faults, ky_hieu_slots, running_name
from .decree.punctuation import is_luu
from .decree.wording import DEFAULT as WORDS
from .errors import InputError, Problem
from .expressions import TEXT_FIELDS, literal
from .formats.text import one_line
from .import_body import Body, read_body, text_of
from .import_tables import read_table
from .model import PhuLuc
from .reader import Line, Para, Parts, fold
from .semantics import marked, placeholders

_SO = re.compile(r"^Số\s*[:.]?\s*(\d*)\s*/\s*(\S+)", re.IGNORECASE)
_DATE = re.compile(r"^(.*?),?\s*ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})?", re.IGNORECASE)
_PERIOD = re.compile(r"^\(\s*số liệu tính từ (?:ngày )?(\d{1,2})/(\d{1,2})/(\d{4})"
                     r" đến (?:ngày )?(\d{1,2})/(\d{1,2})/(\d{4})\s*\)$", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(TM|KT|TL|TUQ|Q)\.\s*(.+)$")
_URGENCY = {fold(WORDS[k]): k for k in ("khan", "thuong_khan", "hoa_toc")}
_SECRECY = {fold(WORDS[k]): k for k in ("mat", "toi_mat", "tuyet_mat")}
_ABBR = {t.abbr: key for key, t in TYPES.items() if t.abbr}


@dataclass(frozen=True)
class Unplaced:
    """Text the importer found no key for: where it stood and the key it comes before (None: at the end)."""

    paragraph: int
    text: str
    before: str | None


@dataclass
class Imported:
    """A document read back: its input-format mapping, and what could not be placed."""

    data: dict[str, Any]
    unplaced: list[Unplaced] = field(default_factory=list)
    added: list[str] = field(default_factory=list)  # keys the document lacked and were given a placeholder
    skipped: list[Problem] = field(default_factory=list)  # what could not be read: embedded parts, symbols
    paras: list[Para] = field(default_factory=list)  # the document's paragraphs, in reading order


def read(source: str | Path | IO[bytes], name: str = "<docx>") -> Imported:
    """Read a .docx; InputError when it is no .docx or no administrative document (no Quốc hiệu, no số)."""
    try:
        parts = reader.read(source)
    except reader.Unreadable as exc:
        raise InputError([exc.problem(name)]) from None
    skipped = [_chunk(part, at, name) for at, part in parts.document.chunks]
    skipped += [_stand_in(at, name) for at in parts.document.stand_ins]
    if parts.quoc_hieu is None and parts.so_ky_hieu is None:  # its text may all be in what was skipped
        raise InputError([Problem("không phải văn bản hành chính: không có Quốc hiệu, không có số và ký hiệu", name,
                                  hint="chỉ nhập được văn bản theo Nghị định 30/2020/NĐ-CP (kế hoạch, báo cáo, "
                                       "quyết định, công văn, tờ trình …)"), *skipped])
    notes, marks = _footnotes(source)
    placed = _mark(parts.document.paras, marks, {n for n, note in notes if note})
    imported = _Builder(parts).build()
    _place_notes(imported.data, {n: note for n, note in notes if n in placed})
    if placeholders(imported.data):  # a draft's places left to fill, `(… …)`: it renders as one
        imported.data = {"loai": imported.data.pop("loai"), "du_thao": True, **imported.data}
    imported.unplaced.extend(Unplaced(len(parts.document.paras), f"[chú thích {n}] {note}", None)
                             for n, note in notes if note and n not in placed)
    imported.skipped = skipped
    imported.paras = parts.document.paras
    return imported


def _place_notes(data: dict[str, Any], notes: dict[str, str]) -> None:
    """Give `data` its footnotes `notes` (number → text): those marked in the document a decision issues are its
    own `chu_thich`, as it is validated alone, the others the decision's."""
    issued = data.get("kem_theo")
    inside = {str(n) for n in marked(issued)} if isinstance(issued, dict) else set()
    for target, own in ((issued, True), (data, False)):
        given = {n: note for n, note in notes.items() if (n in inside) == own}
        if given and isinstance(target, dict):
            target["chu_thich"] = given


def _chunk(part: str, at: int, name: str) -> Problem:
    """The problem of a part embedded whole (w:altChunk: HTML, RTF, another .docx) that stood after paragraph `at`:
    its text is not read."""
    return Problem(f"bỏ qua phần nhúng {part} (w:altChunk) sau đoạn {at}: nội dung của nó không được đọc", name,
                   hint="mở tệp bằng Word và lưu lại (Word gộp phần nhúng vào văn bản), rồi nhập lại")


def _stand_in(at: int, name: str) -> Problem:
    """The problem of paragraph `at` holding a symbol Times New Roman has no glyph for, read as flatten.STAND_IN."""
    return Problem(f"đoạn {at + 1} có ký hiệu không có trong phông Times New Roman: đã ghi thành {flatten.STAND_IN}",
                   name, hint=f"thay {flatten.STAND_IN} bằng chữ hoặc một ký tự có trong phông (•, →, √, ≥ …)")


def _footnotes(source: str | Path | IO[bytes]) -> tuple[list[tuple[str, str]], dict[str, list[tuple[int, str]]]]:
    """The document's footnotes (id, text) and where their marks stand (see ooxml.footnote_marks)."""
    if hasattr(source, "seek"):
        source.seek(0)
    try:
        with zipfile.ZipFile(source) as z:
            names = set(z.namelist())
            main = flatten.main_part(z, names)  # the part the reader read: the marks are placed in its paragraphs
            notes = None if main is None else next(
                (part for _, kind, part in flatten.related(z, main) if kind == "footnotes" and part in names), None)
            if main is None or notes is None:
                return [], {}
            return (ooxml.footnote_texts(flatten.nfc_xml(z.read(notes))),
                    ooxml.footnote_marks(flatten.nfc_xml(z.read(main))))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError):
        return [], {}


def _mark(paras: list[Para], marks: dict[str, list[tuple[int, str]]], notes: set[str]) -> set[str]:
    """Put `[^n]` in the runs of the paragraphs holding the marks of `notes` (the input format's footnote marks);
    the ids placed."""
    placed: set[str] = set()
    for p in paras:
        found = [(at, n) for at, n in marks.get("".join(p.text.split()), []) if n in notes and n.isdigit()]
        if not found:
            continue
        runs, chars = [], 0
        pending = list(found)
        for run in p.runs:
            for ch in run.text:
                while pending and pending[0][0] == chars:
                    runs.append(replace(run, text=f"[^{pending.pop(0)[1]}]"))
                runs.append(replace(run, text=ch))
                chars += not ch.isspace()
        runs += [replace(p.runs[-1], text=f"[^{n}]") for _, n in pending]
        p.runs = runs
        placed.update(n for _, n in found)
    return placed


def _oriented(entry: dict[str, Any], landscape: bool) -> dict[str, Any]:
    """A phụ lục read back, with `huong` when its page (`landscape` or not) is not the one the orientation rule
    (PhuLuc.landscape) gives its content; a phụ lục the model refuses says its page anyway."""
    try:
        ruled: bool | None = PhuLuc.model_validate(entry).landscape
    except ValidationError:
        ruled = None
    return entry if ruled == landscape else {"tieu_de": entry["tieu_de"], "huong": "ngang" if landscape else "doc",
                                             **entry}


def _lines_text(lines: list[Line]) -> list[str]:
    return [t for t in (text_of(ln.runs) for ln in lines) if t]


def _one(values: list[str]) -> str | list[str]:
    return values[0] if len(values) == 1 else values


def _item(text: str) -> str:
    """A listed line without its dash and closing punctuation."""
    text = re.sub(r"^[-–+]\s*", "", text.strip())
    return text[:-2].rstrip() if text.endswith("./.") else text.rstrip(";.,").rstrip()


class _Builder:
    """Builds the mapping part by part, recording which lines it used."""

    def __init__(self, parts: Parts):
        self.parts = parts
        self.used: set[tuple[int, str]] = set()
        self.data: dict[str, Any] = {}
        self.anchors: list[tuple[int, str]] = []  # (paragraph index, key) where each key's part starts
        self.added: list[str] = []
        self.unplaced: list[tuple[int, str]] = []

    def use(self, *lines: Line | None) -> None:
        for ln in lines:
            if ln is not None:
                self.used.add((ln.para.index, ln.text))

    def use_paras(self, paras: list[Para]) -> None:
        for p in paras:
            for ln in reader.lines(p):
                self.used.add((p.index, ln.text))

    def put(self, key: str, value: Any, at: Line | Para | None = None) -> None:
        if value in (None, "", [], {}):
            return
        self.data[key] = value
        if at is not None:
            self.anchors.append(((at.para if isinstance(at, Line) else at).index, key))

    def build(self) -> Imported:
        p = self.parts
        self.use(p.quoc_hieu, p.tieu_ngu)
        if p.quoc_hieu_lines == 2 and p.quoc_hieu is not None:
            self.use_paras([p.document.paras[p.quoc_hieu.para.index + 1]])
        loai = self._loai()
        self.put("loai", loai, p.title.ten_loai or p.so_ky_hieu)
        self._letterhead()
        self._number(loai)
        self._place_date()
        if p.do_mat is not None:
            self.use(p.do_mat)
            self.put("do_mat", _SECRECY.get(fold(p.do_mat.text)))
        if p.do_khan is not None:
            self.use(p.do_khan)
            self.put("do_khan", _URGENCY.get(fold(p.do_khan.text)))
        overrun = self._title_overrun(p.title)
        self._title(loai)
        self._addressees()
        bodies = list(p.bodies)
        if bodies:
            bodies[0] = overrun + bodies[0]
        layout = layout_of(loai)
        if layout.grounds:
            self._grounds()
        if bodies:
            self._body(self.data, bodies.pop(0), layout)
        self._footer()
        target = self.data
        if p.issued and bodies:
            target = self._issued(p.issued[0], bodies.pop(0))
        self._annexes(target)
        return Imported(_literal(self.data), self._leftovers(), self.added)

    def _loai(self) -> str:
        p = self.parts
        if p.kind:
            return p.kind
        m = _SO.match(p.so_ky_hieu.text) if p.so_ky_hieu else None
        abbr = m.group(2).split("-")[0] if m else ""
        return _ABBR.get(abbr, UNTITLED)

    def _letterhead(self) -> None:
        """The issuing body's lines: upper case, as the decree prints them (another line found there, such as a
        web page's title over a copied document, is left unplaced); the first page's footer is its ô 13 address."""
        p = self.parts
        parent_lines = [ln for ln in p.co_quan_chu_quan if ln.upper]
        own = [ln for ln in p.co_quan if ln.upper]
        self.use(*parent_lines, *own)
        co_quan: dict[str, Any] = {}
        parent = [ln.shown for ln in parent_lines]
        if parent:
            co_quan["chu_quan"] = " ".join(parent)
        ten = [ln.shown for ln in own]
        if not ten:
            ten = ["CƠ QUAN BAN HÀNH"]
            self.added.append("co_quan.ten")
        co_quan["ten"] = _one(ten)
        sections = p.document.sections
        footer = sections[0].footer if sections else []
        address = [text_of(q.runs) for q in footer if q.text.strip() and not q.page_field]
        if address:
            co_quan["dia_chi"] = _one(address)
        self.data["co_quan"] = co_quan

    def _number(self, loai: str) -> None:
        p = self.parts
        m = _SO.match(p.so_ky_hieu.text) if p.so_ky_hieu else None
        # no số, or one out of the decree's form (2021/KH-UBND, KH/UBND: refused as input), left in a comment:
        # the ký hiệu is made from the initials of the body's name
        if m is None or ky_hieu_faults(m.group(2), TYPES[loai].abbr):
            ten = self.data["co_quan"]["ten"]
            first = ten if isinstance(ten, str) else ten[0]
            self.data["co_quan"]["viet_tat"] = "".join(w[0] for w in fold(first).split())
            self.added.append("co_quan.viet_tat")
            return
        self.use(p.so_ky_hieu)
        number, sign = m.groups()
        if number:
            self.data["so"] = int(number)
        slots = ky_hieu_slots(layout_of(loai).ky_hieu, sign, TYPES[loai].abbr)
        if slots is None:
            self.data["ky_hieu"] = sign
            return
        self.data["co_quan"]["viet_tat"] = slots.pop("co_quan")
        self.data.update(slots)

    def _place_date(self) -> None:
        p = self.parts
        m = _DATE.match(p.dia_danh_ngay.text) if p.dia_danh_ngay else None
        if m is None:
            self.data["dia_danh"] = "Địa danh"
            self.added.append("dia_danh")
            return
        self.use(p.dia_danh_ngay)
        place, day, month, year = m.groups()
        self.data["dia_danh"] = place.strip()
        if year:
            self.data["ngay"] = "-".join(x for x in (year, month and f"{int(month):02d}",
                                                      month and day and f"{int(day):02d}") if x)

    def _title(self, loai: str) -> None:
        p, t = self.parts, self.parts.title
        if layout_of(loai).v_v and p.v_v:
            self.use(*p.v_v)
            text = " ".join(_lines_text(p.v_v))
            self.put("trich_yeu", re.sub(r"^V/v\s*", "", text), p.v_v[0])
        else:
            self.use(t.ten_loai, *t.trich_yeu)
            self.put("trich_yeu", _one(_lines_text(t.trich_yeu)), t.ten_loai)
        if "trich_yeu" not in self.data:
            self.data["trich_yeu"] = "Trích yếu"
            self.added.append("trich_yeu")
        if t.rule is not None:
            self.use_paras([t.rule.para])
        self._notes(t.notes, self.data)

    def _title_overrun(self, title: reader.Title) -> list[Para]:
        """Lines the reader took into the trích yếu that read as body text (no blank line under a plain title):
        from the first whose emphasis differs from the first line's or that ends a sentence; returned as body."""
        lines = title.trich_yeu
        k = next((n for n, ln in enumerate(lines) if n and (ln.bold != lines[0].bold or len(ln.text) > 200
                                                           or ln.text.endswith((".", ":", ";")))), len(lines))
        if k == len(lines) or title.notes:
            return []
        title.trich_yeu, rest = lines[:k], lines[k:]
        return [ln.para for n, ln in enumerate(rest) if not n or ln.para is not rest[n - 1].para]

    def _notes(self, notes: list[Line], target: dict[str, Any]) -> None:
        for ln in notes:
            m = _PERIOD.match(ln.text)
            if m:
                d = m.groups()
                target["ky_bao_cao"] = {"tu": f"{d[2]}-{int(d[1]):02d}-{int(d[0]):02d}",
                                        "den": f"{d[5]}-{int(d[4]):02d}-{int(d[3]):02d}"}
                self.use(ln)
            elif fold(ln.text).startswith(("(KEM THEO", "(BAN HANH KEM THEO")):
                self.use(ln)  # printed from the document itself
                self._running_name(ln)

    def _running_name(self, line: Line | None) -> None:
        """The issuer as a "(Kèm theo … của X)" line names it: `co_quan.ten_goi` when the letterhead gives another."""
        m = re.search(r"\bcủa (.+?)\)?$", line.text) if line is not None else None
        co_quan = self.data["co_quan"]
        if m is None or "ten_goi" in co_quan:
            return
        name = re.sub(r"^Chủ tịch\s+", "", one_line(m.group(1)))
        ten = co_quan["ten"] if isinstance(co_quan["ten"], list) else [co_quan["ten"]]
        if name != running_name(co_quan.get("chu_quan"), ten):
            co_quan["ten_goi"] = name

    def _addressees(self) -> None:
        lines = self.parts.kinh_gui
        if not lines:
            return
        self.use(*lines)
        items = _lines_text(lines)
        items[0] = re.sub(r"^Kính gửi\s*:?\s*", "", items[0], flags=re.IGNORECASE)
        items = [x for x in items if _item(x)]
        # One addressee is printed as written; several are a dashed list whose `;` and `.` are the renderer's.
        self.put("kinh_gui", items[0] if len(items) == 1 else [_item(x) for x in items], lines[0])

    def _grounds(self) -> None:
        p = self.parts
        self.use(p.tham_quyen, p.quyet_dinh, *p.can_cu)
        if p.tham_quyen is not None:
            self.put("tham_quyen", p.tham_quyen.shown, p.tham_quyen)
        else:
            self.data["tham_quyen"] = "THẨM QUYỀN BAN HÀNH"
            self.added.append("tham_quyen")
        grounds = [_item(x) for x in _lines_text(p.can_cu)]
        proposal = WORDS["theo_de_nghi"] + " "
        last = grounds.pop()[len(proposal):] if grounds and grounds[-1].startswith(proposal) else None
        opening = WORDS["can_cu"] + " "
        self.put("can_cu", [x[len(opening):] if x.startswith(opening) else x for x in grounds],
                 p.can_cu[0] if p.can_cu else None)
        self.put("theo_de_nghi", last)

    def _items(self, paras: list[Para], end: int) -> list[Para | list[Para]]:
        """The body's paragraphs with the tables among them (up to paragraph `end`), each as its paragraphs."""
        p = self.parts
        if not paras:
            return list(paras)
        blocks = [q for q in p.document.paras[paras[0].index:end] if q.table is not None and q.index in p.captions]
        # Not the body's tables: the header's and the signature's, and the caption blocks (lines of the body).
        taken = {ln.para.table for ln in (p.quoc_hieu, p.so_ky_hieu, p.noi_nhan, *p.chuc_danh, p.ho_ten)
                 if ln is not None} | {b.table for b in blocks}
        tables: dict[int, list[Para]] = {}
        for q in p.document.paras[paras[0].index:end]:
            if q.table is not None and q.table not in taken and q.textbox is None and q.index not in p.captions:
                tables.setdefault(q.table, []).append(q)
        self.use_paras(blocks)
        items: list[Para | list[Para]] = [*paras, *blocks, *tables.values()]  # a caption block: lines of the body
        return sorted(items, key=lambda x: x.index if isinstance(x, Para) else x[0].index)

    def _table(self, rows: list[Para]) -> dict[str, Any]:
        table, lost = read_table(rows, self.data.get("danh_so", {}).get("chu_cai") != "khong_dd")
        self.use_paras(rows)
        self.unplaced.extend((rows[-1].index, text) for text in lost)
        return table

    def _end(self) -> int:
        """Where the signed document's body ends: its footer, or its first phụ lục, or its issued document."""
        p = self.parts
        ends = [ln.para.index for ln in (p.noi_nhan, *p.chuc_danh, p.ho_ten) if ln is not None]
        ends += [t.ten_loai.para.index for t in p.issued if t.ten_loai is not None]
        ends += [a.heading.para.index for a in p.annexes]
        if ends and p.noi_nhan is not None and p.noi_nhan.para.table is not None:
            ends.append(min(q.index for q in p.document.paras if q.table == p.noi_nhan.para.table))
        return min(ends, default=len(p.document.paras))

    def _body(self, target: dict[str, Any], paras: list[Para], layout: Layout, end: int | None = None) -> None:
        """The body as its layout holds it: opening paragraphs (`mo_dau`), numbered parts (`noi_dung` or `dieu`),
        closing paragraph (`ket_thuc`); what the layout has no place for is left unplaced."""
        key = layout.body
        if "thong_tin" in layout.parts and paras:  # a biên bản's labelled lines come before its mở đầu
            found, taken = import_minutes.opening([text_of(q.runs) for q in paras])
            target.update(found)
            self.use_paras(paras[:taken])
            if found and target is self.data:
                self.anchors.append((paras[0].index, next(iter(found))))
            paras = paras[taken:]
        body = read_body(self._items(paras, self._end() if end is None else end), layout.scheme(key), self._table,
                         closing="ket_thuc" not in layout.without)
        self.use_paras(paras)
        if "mo_dau" in layout.without:
            self.used.difference_update((q.index, ln.text) for q in body.lead for ln in reader.lines(q))
        self._numbering(target, body)
        lead = [text_of(q.runs) for q in body.lead]
        anchor = target is self.data
        for name, value, at in (("mo_dau", _one(lead) if lead and "mo_dau" not in layout.without else None, 0),
                                (key, body.parts, len(body.lead)), ("ket_thuc", _one(body.closing), -1)):
            if value:
                target[name] = value
                if anchor:
                    self.anchors.append((paras[at].index, name))

    @staticmethod
    def _numbering(target: dict[str, Any], body: Body) -> None:
        danh_so = {**({} if body.with_dd else {"chu_cai": "khong_dd"}), **({"cap": body.cap} if body.cap else {})}
        if danh_so:
            target["danh_so"] = danh_so

    def _issued(self, title: reader.Title, paras: list[Para]) -> dict[str, Any]:
        self.use(title.ten_loai, *title.trich_yeu)
        if title.rule is not None:
            self.use_paras([title.rule.para])
        issued: dict[str, Any] = {"loai": title.type_key, "trich_yeu": _one(_lines_text(title.trich_yeu))}
        self._notes(title.notes, issued)
        annexes = [a.heading.para.index for a in self.parts.annexes]
        self._body(issued, paras, layout_of(title.type_key), min(annexes, default=len(self.parts.document.paras)))
        self.put("kem_theo", issued, title.ten_loai)
        return issued

    def _footer(self) -> None:
        p = self.parts
        self.use(p.noi_nhan, *p.noi_nhan_muc, *p.nguoi_soan)
        items = [_item(x) for x in _lines_text(p.noi_nhan_muc)]
        luu = next((x for x in items if is_luu(x)), None)
        items = [x for x in items if x is not luu and x]
        self.put("noi_nhan", items, p.noi_nhan)
        if luu is not None:
            self.data["luu"] = re.sub(r"^Lưu\s*:?\s*", "", luu, flags=re.IGNORECASE)
        else:
            self.data["luu"] = "VT"
            self.added.append("luu")
        if p.nguoi_soan:
            self.data["nguoi_soan"] = " ".join(ln.text for ln in p.nguoi_soan)
        chuc_danh, ho_ten = (p.chuc_danh, p.ho_ten) if p.ho_ten is not None else self._signer_after()
        roles = layout_of(self.data["loai"]).roles
        if roles and p.cung_ky:  # a biên bản: its other signer, over the Nơi nhận
            self._signer("nguoi_cung_ky", p.cung_ky[:-1], p.cung_ky[-1], WORDS[roles[0]])
        self._signer("nguoi_ky", chuc_danh, ho_ten, WORDS[roles[1]] if roles else None)

    def _signer(self, key: str, chuc_danh: list[Line], ho_ten: Line | None, role: str | None) -> None:
        """Signer `key` from its lines over its name; a biên bản's first line is its `role` (kept as `vai_tro`
        when it is not the default one), and the role stands for a title."""
        p = self.parts
        self.use(*chuc_danh, ho_ten)
        signer: dict[str, Any] = {}
        lines = list(chuc_danh)
        if role is not None and lines:
            shown = lines.pop(0).shown
            if shown != role:
                signer["vai_tro"] = shown
        titles = []
        for ln in lines:
            m = _AUTHORITY.match(ln.shown)
            if m and m.group(1).lower() not in signer:
                signer[m.group(1).lower()] = m.group(2).strip()
            else:
                titles.append(ln.shown)
        if titles:
            signer["chuc_vu"] = " ".join(titles)
        elif not signer and role is None:
            signer["chuc_vu"] = "CHỨC VỤ"
            self.added.append(f"{key}.chuc_vu")
        signer["ho_ten"] = ho_ten.text if ho_ten is not None else "Họ và tên"
        if ho_ten is None:
            self.added.append(f"{key}.ho_ten")
        self.data[key] = signer
        first = chuc_danh[0] if chuc_danh else ho_ten or p.noi_nhan
        self.anchors.append((first.para.index if first is not None else 10 ** 9, key))

    def _signer_after(self) -> tuple[list[Line], Line | None]:
        """A signer the reader did not find (no TM./KT. line, no table): the upper-case title lines and the
        name closing the text after the Nơi nhận, before any phụ lục."""
        p = self.parts
        paras = p.document.paras
        start = max([ln.para.index for ln in (p.noi_nhan, *p.noi_nhan_muc, *p.nguoi_soan) if ln is not None],
                    default=max((q.index for b in p.bodies[:1] for q in b), default=-1)) + 1
        stop = min([a.heading.para.index for a in p.annexes] + [len(paras)])
        found = [ln for q in paras[start:stop] for ln in reader.lines(q) if (q.index, ln.text) not in self.used]
        if not found or found[-1].upper or len(found[-1].text.split()) > 8:
            return [], None
        titles: list[Line] = []
        for ln in reversed(found[:-1]):
            if not ln.upper:
                break
            titles.insert(0, ln)
        return titles, found[-1]

    def _annexes(self, target: dict[str, Any]) -> None:
        p = self.parts
        paras = p.document.paras
        tables = []
        heads = [a.heading.para.index for a in p.annexes] + [len(paras)]
        for n, annex in enumerate(p.annexes):
            self.use(annex.heading, *annex.title, annex.kem_theo)
            self._running_name(annex.kem_theo)
            start = max(ln.para.index for ln in (annex.heading, *annex.title, annex.kem_theo) if ln is not None) + 1
            content = [q for q in paras[start:heads[n + 1]] if q.table is None and q.textbox is None and q.text.strip()]
            title = " ".join(_lines_text(annex.title)) or "PHỤ LỤC"
            if content:  # a phụ lục with content: its paragraphs and the tables among them, as the body's tree
                entry = {"tieu_de": title, **self._content(content, heads[n + 1])}
            else:
                own = [q for q in paras[heads[n]:heads[n + 1]] if q.table is not None]
                first = own[0].table if own else None
                rows = [q for q in own if q.table == first]
                if not rows:
                    continue
                entry = {"tieu_de": title, **self._table(rows)}
            tables.append(_oriented(entry, annex.section.landscape))
            if n == 0 and target is self.data:
                self.anchors.append((annex.heading.para.index, "phu_luc"))
        if tables:
            target["phu_luc"] = tables

    def _content(self, paras: list[Para], end: int) -> dict[str, Any]:
        """A phụ lục's content read as a body: `noi_dung` and its own `danh_so`."""
        body = read_body(self._items(paras, end), numbering.PLAN_LEVELS, self._table, closing=False)
        self.use_paras([q for q in paras if q not in body.lead])
        return {**({"danh_so": {"cap": body.cap}} if body.cap else {}), "noi_dung": body.parts}

    def _leftovers(self) -> list[Unplaced]:
        found = list(self.unplaced)
        for q in self.parts.document.paras:
            if q.in_header or q.page_field:
                continue
            for ln in reader.lines(q):
                if (q.index, ln.text) not in self.used and re.search(r"\w", ln.text):
                    found.append((q.index, ln.text))
        anchors = sorted(self.anchors)
        out = []
        for index, text in sorted(found):
            before = next((key for at, key in anchors if at > index), None)
            out.append(Unplaced(index, text, before))
        return out


def _literal(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with the text of the keys where `{{ … }}` is evaluated (and of the document it issues) written to
    print as read: a `{{` in a document is text, which the YAML written would otherwise take for an expression."""
    def walk(value: Any) -> Any:
        if isinstance(value, str):
            return literal(value)
        if isinstance(value, dict):
            return {k: walk(v) for k, v in value.items()}
        return [walk(v) for v in value] if isinstance(value, list) else value
    out = {k: walk(v) if k in TEXT_FIELDS else v for k, v in data.items()}
    if isinstance(out.get("kem_theo"), dict):
        out["kem_theo"] = _literal(out["kem_theo"])
    return out
