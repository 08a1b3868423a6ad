"""The decree's layout rules held against any .docx: each violation with its rule code, place, found and required."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .decree import TYPES, layout_of
from .decree import presentation as P
from .decree.citations import YEAR, ky_hieu_faults
from .decree.names import title_of
from .decree.numbering import LETTERS, LETTERS_NO_DD, roman
from .decree.punctuation import is_luu, printed_luu
from .decree.signers import KEYS as SIGNER_KEYS
from .decree.wording import DEFAULT as WORDS
from .decree.wording import Words
from .errors import PATHS, require
from .formats.text import GLYPHLESS, code_points
from .reader import Line, Para, Parts, Rule, Title, Unreadable, fold, read

Text = tuple[str, str]  # (Vietnamese, English)


def _t(vi: str, en: str | None = None) -> Text:
    return (vi, vi if en is None else en)


def _m(vi: str, en: str | None = None) -> Text:
    """A measure we write: a decimal comma in Vietnamese (1,27 cm), a point in English."""
    en = vi if en is None else en
    return (re.sub(r"(?<=\d)\.(?=\d)", ",", vi), en)


@dataclass(frozen=True)
class Where:
    """Where a finding is: section and paragraph (1-based), table cell or text box, the page header or footer,
    and the text."""

    section: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    textbox: int | None = None
    header: bool = False
    text: str = ""
    footer: bool = False


@dataclass
class Finding:
    """One rule broken (kind `violation`), a required part not found (`missing`), or a part not checked (`note`);
    what to do about it when the rule alone does not say."""

    code: str
    element: Text
    found: Text
    required: Text
    where: list[Where] = field(default_factory=list)
    kind: str = "violation"
    hint: Text | None = None


@dataclass
class Report:
    """The findings for one file, or why it could not be read (and what to do about it)."""

    path: str
    findings: list[Finding]
    error: str | None = None
    hint: str | None = None

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.kind != "note"]


def check(source: str | Path | IO[bytes], name: str | None = None, words: Words = WORDS) -> Report:
    """Read a .docx printed with `words` (a pack's wording) and check it; an unreadable file gives a Report with
    `error` set."""
    if not hasattr(source, "read"):
        require(source, PATHS, "check(source)", "a path or a binary stream")
    label = name or str(source)
    try:
        return Report(label, check_parts(read(source, words)))
    except Unreadable as exc:
        return Report(label, [], str(exc), exc.hint)
    except (IndexError, AttributeError, TypeError, ValueError, RecursionError) as exc:
        # A structure no word processor writes: reported for this file; a batch goes on with the next.
        return Report(label, [], f"cấu trúc tài liệu không đọc được ({type(exc).__name__}: {exc})")


def check_parts(parts: Parts) -> list[Finding]:
    """Every rule, findings grouped where the same thing is wrong in several places."""
    out: list[Finding] = []
    for rule in RULES:
        out.extend(rule(parts))
    return _grouped(out)


def _grouped(findings: list[Finding]) -> list[Finding]:
    groups: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.code, f.element, f.found, f.required, f.kind)
        if key in groups:
            groups[key].where.extend(f.where)
        else:
            groups[key] = Finding(f.code, f.element, f.found, f.required, list(f.where), f.kind, f.hint)
    return list(groups.values())


# --- helpers ----------------------------------------------------------------------------------------
def where(x: Line | Para | None, section: int | None = None) -> list[Where]:
    if x is None:
        return [Where(section=section)] if section is not None else []
    p = x.para if isinstance(x, Line) else x
    text = x.text if isinstance(x, Line) else p.text.strip()
    return [Where(p.section + 1, None if p.in_header else p.index + 1, p.table, p.row, p.cell, p.textbox,
                  p.in_header and not p.in_footer, " ".join(text.split())[:80], p.in_footer)]


def _el(key: str) -> Text:
    e = P.ELEMENTS[key]
    return (e.vi, e.en)


def _pt(values: Iterable[float]) -> str:
    return ", ".join(f"{v:g}" for v in values) + " pt"


def _range(lo: float, hi: float) -> str:
    return f"{lo:g} pt" if lo == hi else f"{lo:g}–{hi:g} pt"


_BOLD: dict[bool | None, Text] = {True: _t("đậm", "bold"), False: _t("không đậm", "not bold")}
_ITALIC: dict[bool | None, Text] = {True: _t("nghiêng", "italic"), False: _t("không nghiêng", "not italic")}
_ALIGN = {"center": _t("căn giữa", "centred"), "both": _t("căn đều hai lề", "justified"),
          "left": _t("căn trái", "left"), "right": _t("căn phải", "right")}


def look(key: str, ln: Line | None, sized: bool = True, aligned: bool = True) -> Iterator[Finding]:
    """Size, bold, italic, case and alignment of a line against its element's presentation (`sized`, `aligned`: whether
    size and alignment are judged)."""
    if ln is None:
        return
    e = P.ELEMENTS[key]
    code = key
    sizes = ln.sizes
    lo, hi = e.sizes
    if sized and sizes and any(not lo <= s <= hi for s in sizes):
        yield Finding(f"{code}.size", _el(key), _m(_pt(sizes)), _m(_range(lo, hi)), where(ln))
    if e.bold is not None and ln.bold is not e.bold and ln.visible:
        found = _BOLD.get(ln.bold, _t("đậm một phần", "partly bold"))
        yield Finding(f"{code}.bold", _el(key), found, _BOLD[e.bold], where(ln))
    if e.italic is not None and ln.italic is not e.italic and ln.visible:
        found = _ITALIC.get(ln.italic, _t("nghiêng một phần", "partly italic"))
        yield Finding(f"{code}.italic", _el(key), found, _ITALIC[e.italic], where(ln))
    if e.upper is True and not ln.upper:
        yield Finding(f"{code}.case", _el(key), _t("chữ thường", "lower case"), _t("chữ in hoa", "upper case"),
                      where(ln))
    if e.upper is False and ln.upper and len(ln.text) > 3:
        yield Finding(f"{code}.case", _el(key), _t("chữ in hoa", "upper case"), _t("chữ thường", "lower case"),
                      where(ln))
    if aligned and e.align and ln.column is None and not {"\n", "\t"} & set(ln.para.text) and ln.para.align != e.align:
        yield Finding(f"{code}.align", _el(key), _ALIGN.get(ln.para.align, _t(ln.para.align)), _ALIGN[e.align],
                      where(ln))


def wording(key: str, ln: Line, lines: int = 1, words: Words = WORDS) -> Iterator[Finding]:
    """A fixed line printed as `words` has it (as shown: all-caps formatting counts), on one line."""
    if lines > 1:
        yield Finding(f"{key}.one_line", _el(key), _t(f"{lines} dòng", f"{lines} lines"), _t("một dòng", "one line"),
                      where(ln))
    elif ln.shown != words[key]:
        yield Finding(f"{key}.text", _el(key), _t(ln.shown), _t(words[key]), where(ln))


def missing(key: str) -> Finding:
    """A required part the reader did not find (kind `missing`, not a guessed violation)."""
    return Finding(f"{key}.missing", _el(key), _t("không tìm thấy", "not found"),
                   _t("có, đúng vị trí", "present, in its place"), [], "missing")


# --- page ---------------------------------------------------------------------------------------------
def page(parts: Parts) -> Iterator[Finding]:
    doc = parts.document
    annex_sections = {a.section.index for a in parts.annexes}
    tables = {p.section for p in doc.paras if p.table is not None and p.section not in _header_sections(parts)}
    for s in doc.sections:
        if s.width is None or s.height is None:
            continue
        short, long_ = sorted((s.width, s.height))
        if abs(short - P.PAGE.width) > 60 or abs(long_ - P.PAGE.height) > 60:
            yield Finding("page.size", _t("khổ giấy", "paper size"),
                          _t(f"{s.width / P.TWIPS_PER_MM:.0f} × {s.height / P.TWIPS_PER_MM:.0f} mm"),
                          _t("A4 (210 × 297 mm)"), where(None, s.index + 1))
        if s.landscape and s.index not in annex_sections and s.index not in tables:
            yield Finding("page.orientation", _t("hướng trang", "orientation"), _t("trang ngang", "landscape"),
                          _t("trang dọc (trang ngang chỉ cho phụ lục, bảng rộng)",
                             "portrait (landscape only for annexes, wide tables)"), where(None, s.index + 1))
        allowed = [P.PAGE.margins_mm] + ([P.PAGE.landscape_margins_mm] if s.landscape else [])
        sides = {"top": s.margins.top, "bottom": s.margins.bottom, "left": s.margins.left, "right": s.margins.right}
        got = {side: v for side, v in sides.items() if v is not None}
        if len(got) < len(sides):
            continue
        if not any(_margins_ok(got, ranges) for ranges in allowed):
            ranges = P.PAGE.margins_mm
            for side, lo, hi in ranges:
                mm = got[side] / P.TWIPS_PER_MM
                if not lo - P.PAGE.tolerance_mm <= mm <= hi + P.PAGE.tolerance_mm:
                    yield Finding(f"page.margin.{side}", _t(f"lề {_SIDES[side][0]}", f"{_SIDES[side][1]} margin"),
                                  _m(f"{mm:.1f} mm"), _m(f"{lo:g}–{hi:g} mm"), where(None, s.index + 1))


_SIDES = {"top": ("trên", "top"), "bottom": ("dưới", "bottom"), "left": ("trái", "left"), "right": ("phải", "right")}


def _margins_ok(got: dict[str, int], ranges: tuple) -> bool:
    tol = P.PAGE.tolerance_mm
    return all(lo - tol <= got[side] / P.TWIPS_PER_MM <= hi + tol for side, lo, hi in ranges)


def _header_sections(parts: Parts) -> set[int]:
    return {ln.para.section for ln in (parts.quoc_hieu, parts.noi_nhan) if ln is not None}


def _headers(parts: Parts) -> list[Para]:
    return [p for s in parts.document.sections for p in (s.header + (s.first_header or []))]


def fonts(parts: Parts) -> Iterator[Finding]:
    want = fold(P.FONT)
    doc = parts.document
    for p in [*doc.paras, *_headers(parts)]:
        for run in p.runs:
            if not run.text.strip():
                continue
            wrong: dict[str | None, list[str]] = {}
            for slot, font in zip(P.FONT_SLOTS, run.fonts, strict=True):
                # A slot nothing sets (nor the theme) is left to the reader's machine: not Times New Roman.
                if font != P.FONT and (font is None or fold(font) != want):
                    wrong.setdefault(font, []).append(slot)
            for font, slots in wrong.items():
                found = _t(f"{font} ({', '.join(slots)})") if font else _t(
                    f"chưa đặt phông ({', '.join(slots)})", f"not set ({', '.join(slots)})")
                yield Finding("font.name", _t("phông chữ", "font"), found, _t(P.FONT), where(p))
            if run.color and run.color.lower() not in ("auto", P.COLOR.lower()):
                yield Finding("font.color", _t("màu chữ", "text colour"), _t(f"#{run.color}"),
                              _t("đen (#000000)", "black (#000000)"), where(p))


_GLYPH = _t("ký tự", "character")
_GLYPH_REQUIRED = _t("chữ có trong phông Times New Roman", "characters Times New Roman has")
_GLYPH_HINT = _t("xóa hoặc viết thành chữ: văn bản in bằng Times New Roman, bản PDF in ký tự này bằng phông khác "
                 "hoặc bỏ mất", "remove it or write it in words: the document is set in Times New Roman, and a PDF "
                 "prints this character in another font or drops it")


def glyphs(parts: Parts) -> Iterator[Finding]:
    """Emoji and pictographs (formats.text.GLYPHLESS), which the decree's font has no glyph for."""
    footers = [p for s in parts.document.sections for p in s.footer]
    for p in [*parts.document.paras, *_headers(parts), *footers]:
        for m in GLYPHLESS.finditer(p.text):
            yield Finding("font.glyph", _GLYPH, _t(f"{m.group()} ({code_points(m.group())})"), _GLYPH_REQUIRED,
                          where(p), hint=_GLYPH_HINT)


# --- header -------------------------------------------------------------------------------------------
def header(parts: Parts) -> Iterator[Finding]:
    qh, tn = parts.quoc_hieu, parts.tieu_ngu
    if qh is None:
        yield missing("quoc_hieu")
    else:
        yield from wording("quoc_hieu", qh, parts.quoc_hieu_lines)
        yield from look("quoc_hieu", qh)
    if tn is None:
        yield missing("tieu_ngu")
    else:
        yield from wording("tieu_ngu", tn, parts.tieu_ngu_lines)
        yield from look("tieu_ngu", tn)
        yield from rule("tieu_ngu", parts.tieu_ngu_rule, tn, parts)
    if not parts.co_quan:
        yield missing("co_quan")
    for ln in parts.co_quan_chu_quan:
        yield from look("co_quan_chu_quan", ln)
    for ln in parts.co_quan:
        yield from look("co_quan", ln)
    if parts.co_quan:
        yield from rule("co_quan", parts.co_quan_rule, parts.co_quan[-1], parts)
    yield from pairing(parts)
    yield from so_ky_hieu(parts)
    yield from date(parts)
    if parts.do_mat:
        yield from look("do_mat", parts.do_mat)
    if parts.do_khan:
        yield from look("do_khan", parts.do_khan)
    if parts.v_v:
        first = parts.v_v[0]
        if not first.text.startswith(WORDS["v_v"] + " "):
            yield Finding("trich_yeu_cong_van.form", _el("trich_yeu_cong_van"), _t(first.text[:40]),
                          _t("V/v …"), where(first))
        for ln in parts.v_v:
            yield from look("trich_yeu_cong_van", ln)


def rule(key: str, r: Rule | None, ln: Line, parts: Parts) -> Iterator[Finding]:
    """The solid line under an element: found, and its length within the decree's share of the text.

    Not found: a violation when nothing is drawn anywhere before the body (no border, underline or
    shape can be it); a note when a drawn line is there that could not be told apart.
    """
    name = _t(f"đường kẻ dưới {P.ELEMENTS[key].vi}", f"line under the {P.ELEMENTS[key].en}")
    if r is None:
        drawn = parts.shapes_before_body
        yield Finding(f"{key}.line", name, _t("không tìm thấy", "not found") if drawn else _t("không có", "none"),
                      _t("đường kẻ nét liền", "a solid line"), where(ln), "note" if drawn else "violation")
        return
    spec = P.LINES[key]
    ref = min(ln.width, ln.para.room) if ln.para.room else ln.width
    if ref <= 0:
        return
    ratio = r.length / ref
    if not spec.low <= ratio <= spec.high:
        yield Finding(f"{key}.line", name, _m(f"{ratio:.2f} × độ dài chữ", f"{ratio:.2f} × the text"),
                      _m(f"{spec.low:g}–{spec.high:g} × độ dài chữ", f"{spec.low:g}–{spec.high:g} × the text"),
                      where(ln))


def pairing(parts: Parts) -> Iterator[Finding]:
    lines = [parts.quoc_hieu, parts.tieu_ngu, parts.dia_danh_ngay]
    sizes = []
    for key, ln in zip(P.PAIRED, lines, strict=True):
        if ln is None or len(ln.sizes) != 1:
            return
        lo, hi = P.ELEMENTS[key].sizes
        if not lo <= ln.sizes[0] <= hi:
            return  # already a size violation of its own
        sizes.append(ln.sizes[0])
    if tuple(sizes) not in P.PAIRINGS:
        yield Finding("size.pairing",
                      _t("cỡ chữ Quốc hiệu / Tiêu ngữ / ngày tháng", "national title / motto / date sizes"),
                      _t(" / ".join(f"{s:g}" for s in sizes)),
                      _t(*(word.join(" / ".join(f"{s:g}" for s in p) for p in P.PAIRINGS)
                           for word in (" hoặc ", " or "))), where(parts.tieu_ngu))


_ABBRS = {t.abbr for t in TYPES.values() if t.abbr} | {"SY", "TrS", "SL"}


def so_ky_hieu(parts: Parts) -> Iterator[Finding]:
    ln = parts.so_ky_hieu
    if ln is None:
        yield missing("so_ky_hieu")
        return
    yield from look("so_ky_hieu", ln)
    text = ln.text
    m = P.SO_KY_HIEU.match(text.strip())
    if not m:
        yield Finding("so_ky_hieu.form", _el("so_ky_hieu"), _t(text), _t("Số: 285/KH-UBND"), where(ln))
        return
    so, ky = m.group("so"), m.group("ky_hieu")
    if so.isdigit() and int(so) < 10 and len(so) == 1:
        yield Finding("so_ky_hieu.zero", _el("so_ky_hieu"), _t(so), _t(f"0{so}"), where(ln))
    head, _, rest = ky.partition("-")
    kind = parts.kind
    # a type without an abbreviation (công văn) has none to check; an unknown one is taken for what it opens with
    abbr = TYPES[kind].abbr if kind else head if head in _ABBRS else ""
    faults = ky_hieu_faults(ky, abbr)
    if "year" in faults or YEAR.search(so):
        yield Finding("so_ky_hieu.year", _el("so_ky_hieu"), _t(ky), _t("ký hiệu không có năm", "no year in the symbol"),
                      where(ln))
        return
    if "form" in faults:
        yield Finding("so_ky_hieu.form", _el("so_ky_hieu"), _t(ky), _t("<loại>-<cơ quan>", "<type>-<body>"), where(ln))
        return
    if "type" in faults and kind:
        yield Finding("so_ky_hieu.type", _el("so_ky_hieu"), _t(head or ky),
                      _t(f"{abbr} ({TYPES[kind].name})"), where(ln))
    elif kind is None and not abbr and rest == "":
        yield Finding("so_ky_hieu.form", _el("so_ky_hieu"), _t(ky), _t("<loại>-<cơ quan>", "<type>-<body>"), where(ln))
    if "case" in faults:
        shown = rest if abbr else ky
        yield Finding("so_ky_hieu.case", _el("so_ky_hieu"), _t(shown), _t(shown.upper()), where(ln))


def date(parts: Parts) -> Iterator[Finding]:
    ln = parts.dia_danh_ngay
    if ln is None:
        if not layout_of(parts.kind).undated:
            yield missing("dia_danh_ngay")
        return
    yield from look("dia_danh_ngay", ln)
    m = P.DIA_DANH_NGAY.match(ln.text.replace("\xa0", " ").strip())
    if not m:
        yield Finding("dia_danh_ngay.form", _el("dia_danh_ngay"), _t(ln.text),
                      _t("<Địa danh>, ngày 05 tháng 12 năm 2020", "<Place>, ngày 05 tháng 12 năm 2020"), where(ln))
        return
    day, month = m.group("day"), m.group("month")
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        yield Finding("dia_danh_ngay.day", _el("dia_danh_ngay"), _t(f"ngày {day}"), _t(f"ngày 0{day}"), where(ln))
    if month.isdigit():
        n = int(month)
        if n <= 2 and len(month) == 1:
            yield Finding("dia_danh_ngay.month", _el("dia_danh_ngay"), _t(f"tháng {month}"), _t(f"tháng 0{n}"),
                          where(ln))
        if n >= 3 and month.startswith("0"):
            yield Finding("dia_danh_ngay.month", _el("dia_danh_ngay"), _t(f"tháng {month}"), _t(f"tháng {n}"),
                          where(ln))


# --- title and grounds --------------------------------------------------------------------------------
def title(parts: Parts) -> Iterator[Finding]:
    if parts.title.ten_loai is None and not parts.v_v and parts.quoc_hieu is not None:
        yield missing("ten_loai")
    for t in [parts.title, *parts.issued]:
        yield from _title(parts, t)
    if parts.tham_quyen:
        yield from look("tham_quyen", parts.tham_quyen)
    if parts.quyet_dinh:
        yield from look("quyet_dinh", parts.quyet_dinh)
        if parts.quyet_dinh.text != "QUYẾT ĐỊNH:":
            yield Finding("quyet_dinh.text", _el("quyet_dinh"), _t(parts.quyet_dinh.text), _t("QUYẾT ĐỊNH:"),
                          where(parts.quyet_dinh))
    for k, ln in enumerate(parts.can_cu):
        yield from look("can_cu", ln)
        last = k == len(parts.can_cu) - 1
        end = "." if last else ";"
        if not ln.text.rstrip().endswith(end):
            yield Finding("can_cu.punctuation", _el("can_cu"), _t(f"…{ln.text.rstrip()[-1:]}"), _t(f"…{end}"),
                          where(ln))


def _title(parts: Parts, t: Title) -> Iterator[Finding]:
    if t.ten_loai is None:
        return
    yield from look("ten_loai", t.ten_loai)
    for ln in t.trich_yeu:
        yield from look("trich_yeu", ln)
    if t.trich_yeu:
        if fold(t.trich_yeu[0].text).startswith("V/V"):
            yield Finding("trich_yeu.vv", _el("trich_yeu"), _t(t.trich_yeu[0].text[:30]),
                          _t("không có “V/v”", "no “V/v”"), where(t.trich_yeu[0]))
        ref = t.notes[-1] if t.notes and t.rule and t.rule.para.index > t.notes[-1].para.index else t.trich_yeu[-1]
        yield from rule("trich_yeu", t.rule, ref, parts)
    for ln in t.notes:
        if ln.text.startswith("(Kèm theo"):
            yield from look("kem_theo", ln)


# --- body ---------------------------------------------------------------------------------------------
_CHAPTER = re.compile(r"^(Phần|Chương|Mục)\s+([IVXLC]+|\d+)$")
_LABEL = re.compile(r"^(?:(?P<dieu>Điều\s+(?P<n>\d+)\b)|(?P<roman>[IVXLC]+)\.\s|(?P<num>\d+)\.\s"
                    r"|(?P<letter>[a-zđ])\)\s)")


def body(parts: Parts) -> Iterator[Finding]:
    for paras in parts.bodies:
        prev: Para | None = None
        for p in paras:
            if p.index in parts.captions:  # a table's caption or unit line: not body text
                prev = p
                continue
            if _chapter(p, prev):  # "Chương I" and its title: centred headings, not body text
                yield from look("chuong", Line(p, p.text.strip(), tuple(p.runs)))
                prev = p
                continue
            # Spacing is measured to the paragraph just before; an empty line between is room enough.
            yield from _paragraph(p, prev if prev is not None and prev.index == p.index - 1 else None)
            prev = p
        yield from numbering(paras)
    for ln in parts.kinh_gui:
        yield from look("kinh_gui", ln)
    if len(parts.kinh_gui) > 1:
        items = parts.kinh_gui[1:]
        for k, ln in enumerate(items):
            end = "." if k == len(items) - 1 else ";"
            if not ln.text.startswith("-") or not ln.text.endswith(end):
                yield Finding("kinh_gui.punctuation", _el("kinh_gui"), _t(ln.text[:40]), _t(f"- …{end}"), where(ln))


def _chapter(p: Para, prev: Para | None) -> bool:
    """A line "Chương I" / "Mục 1" of its own, or the centred title just under one."""
    if _CHAPTER.match(p.text.strip()):
        return True
    return prev is not None and p.align == "center" and bool(_CHAPTER.match(prev.text.strip()))


def _paragraph(p: Para, prev: Para | None) -> Iterator[Finding]:
    e, b = P.ELEMENTS["noi_dung"], P.BODY
    ln = Line(p, p.text.strip(), tuple(p.runs))
    sizes = ln.sizes
    if sizes and any(not e.sizes[0] <= s <= e.sizes[1] for s in sizes):
        yield Finding("noi_dung.size", _el("noi_dung"), _m(_pt(sizes)), _m(_range(*e.sizes)), where(p))
    if p.align != "both" and "\t" not in p.text:
        yield Finding("noi_dung.align", _el("noi_dung"), _ALIGN.get(p.align, _t(p.align)), _ALIGN["both"], where(p))
    lo, hi = b.indent
    if not p.numbered and not lo - b.indent_tolerance <= p.first_line <= hi + b.indent_tolerance:
        yield Finding("noi_dung.indent", _el("noi_dung"), _m(f"{p.first_line / P.TWIPS_PER_CM:.2f} cm"),
                      _m(f"{lo / P.TWIPS_PER_CM:.2f}–{hi / P.TWIPS_PER_CM:.2f} cm"), where(p))
    if prev is not None and p.before + prev.after < b.space_min - 2:
        yield Finding("noi_dung.spacing", _el("noi_dung"), _m(f"{(p.before + prev.after) / 20:g} pt"),
                      _m(f"≥ {b.space_min / 20:g} pt"), where(p))
    size = (sizes[0] if sizes else 14) * 20
    if p.line_rule == "auto":
        ok = b.line[0] - 6 <= p.line <= b.line[1] + 6
        found = _m(f"{p.line / 240:.2f} dòng", f"{p.line / 240:.2f} lines")
    else:
        ok = p.line_rule == "atLeast" and p.line <= size * 1.15 or size * 0.99 <= p.line <= size * 1.15 * 1.5 + 1
        found = _m(f"{p.line / 20:g} pt")
    if not ok:
        yield Finding("noi_dung.line_spacing", _el("noi_dung"), found,
                      _t("từ một dòng đến 1,5 dòng", "single to 1.5 lines"), where(p))


def numbering(paras: list[Para]) -> Iterator[Finding]:
    """`I.` → `1.` → `a)` (or `Điều n.` → khoản `1.` → điểm `a)`) with no gaps, each level restarting under the
    one above."""
    if any(p.numbered and p.label is None for p in paras):
        yield Finding("numbering.auto", _t("đánh số", "numbering"), _t("đánh số tự động của trình soạn thảo",
                      "the word processor's list numbering"), _t("số ghi trong văn bản", "numbers written in the text"),
                      where(next(p for p in paras if p.numbered and p.label is None)), "note")
        return
    last: dict[str, int] = {}
    with_dd: bool | None = None
    for p in paras:
        m = _LABEL.match(p.text.strip())
        if not m:
            continue
        ln = Line(p, p.text.strip(), tuple(p.runs))
        if m.group("dieu") or m.group("roman"):
            level = "dieu" if m.group("dieu") else "roman"
            n = int(m.group("n")) if m.group("dieu") else _roman_value(m.group("roman"))
            if n is None:
                continue
            want = last.get(level, 0) + 1
            if n != want:
                label = (f"Điều {want}" if level == "dieu" else roman(want) + ".")
                yield Finding("numbering.sequence", _t("đánh số", "numbering"), _t(m.group(0).strip()), _t(label),
                              where(p))
            last = {level: n}
            if level == "roman":
                yield from look("de_muc_1", ln, sized=False)  # its size is the body's
            else:
                yield from _dieu_label(ln, m.group(0))
        elif m.group("num"):
            n, want = int(m.group("num")), last.get("num", 0) + 1
            if n != want:
                yield Finding("numbering.sequence", _t("đánh số", "numbering"), _t(f"{n}."), _t(f"{want}."), where(p))
            last = {k: v for k, v in last.items() if k in ("dieu", "roman")} | {"num": n}
        else:
            letter = m.group("letter")
            prev = last.get("letter", 0)
            if prev == 4 and with_dd is None and letter in ("đ", "e"):
                with_dd = letter == "đ"
            alphabet = LETTERS if with_dd is not False else LETTERS_NO_DD
            if letter not in alphabet and letter in LETTERS:
                alphabet = LETTERS
            # f, j, w, z are not Vietnamese letters (Word's own a) b) lists print them): in place of the next one
            n = alphabet.index(letter) + 1 if letter in alphabet else 0
            if n != prev + 1:
                expected = alphabet[prev] if prev < len(alphabet) else "?"
                yield Finding("numbering.sequence", _t("đánh số", "numbering"), _t(f"{letter})"), _t(f"{expected})"),
                              where(p))
            last["letter"] = n or prev + 1


def _dieu_label(ln: Line, label: str) -> Iterator[Finding]:
    covered, runs = 0, []
    for r in ln.runs:
        if covered >= len(label.strip()):
            break
        runs.append(r)
        covered += len(r.text)
    if runs and not all(r.bold for r in runs if r.text.strip()):
        yield Finding("dieu.bold", _el("dieu"), _BOLD[False], _BOLD[True], where(ln))


_ROMAN = {roman(n): n for n in range(1, 60)}


def _roman_value(s: str) -> int | None:
    return _ROMAN.get(s)


_NOTE = re.compile(r"\([^()]*\)")


def _aside(ln: Line) -> bool:
    """Whether the line's italics are its parenthetical notes alone, as practice sets them in a Nơi nhận line
    (`- Văn phòng Chính phủ (để b/c);`, the note italic): the line is then plain where the decree asks."""
    text, at, italic = "".join(r.text for r in ln.runs), 0, False
    notes = [m.span() for m in _NOTE.finditer(text)]
    for r in ln.runs:
        start, at = at, at + len(r.text)
        if not r.text.strip():
            continue
        lo, hi = start + len(r.text) - len(r.text.lstrip()), start + len(r.text.rstrip())
        if r.italic and not any(a <= lo and hi <= b for a, b in notes):
            return False  # italics outside a note
        if not r.italic and any(lo < b and a < hi for a, b in notes):
            return False  # a note partly plain
        italic |= r.italic
    return italic


# --- footer ---------------------------------------------------------------------------------------------
def footer(parts: Parts) -> Iterator[Finding]:
    nn = parts.noi_nhan
    if nn is None:
        yield missing("noi_nhan")
    else:
        yield from wording("noi_nhan", nn, words=parts.words)
        yield from look("noi_nhan", nn)
        items = parts.noi_nhan_muc
        for ln in items:
            yield from (f for f in look("noi_nhan_muc", ln) if f.code != "noi_nhan_muc.italic" or not _aside(ln))
        luu = [ln for ln in items if is_luu(ln.text, parts.words)]
        label = parts.words["luu"]
        if not luu:
            yield Finding("noi_nhan.luu", _el("noi_nhan_muc"), _t("không có dòng Lưu", "no Lưu line"),
                          _t(f"- {label} VT, <đơn vị>.", f"- {label} VT, <unit>."), where(items[-1] if items else nn))
        for k, ln in enumerate(items):
            if ln in luu:
                if not printed_luu(ln.text, parts.words) or k != len(items) - 1:
                    yield Finding("noi_nhan.luu", _el("noi_nhan_muc"), _t(ln.text),
                                  _t(f"- {label} VT, <đơn vị>. (dòng cuối)", f"- {label} VT, <unit>. (last line)"),
                                  where(ln))
            elif not ln.text.startswith("- ") or not ln.text.endswith(";") and (luu or k < len(items) - 1):
                yield Finding("noi_nhan_muc.punctuation", _el("noi_nhan_muc"), _t(ln.text[:40]), _t("- …;"), where(ln))
    for ln in parts.nguoi_soan:
        yield from look("nguoi_soan", ln)
    if parts.ho_ten is None:
        yield missing("ho_ten")
        return
    if parts.cung_ky:  # a biên bản's other signer, on the left
        yield from signer(parts.cung_ky[:-1], parts.cung_ky[-1])
    elif layout_of(parts.title.type_key).roles:
        yield Finding("cung_ky.missing", _t("người ký bên trái của biên bản", "the minutes' left signer"),
                      _t("không tìm thấy", "not found"), _t("có, đúng vị trí", "present, in its place"), [], "missing",
                      _LEFT_SIGNER)
    yield from signer(parts.chuc_danh, parts.ho_ten)


_LEFT_SIGNER = _t("Mẫu 1.9: hai người ký ngang hàng trong một bảng không viền hai cột, THƯ KÝ bên trái (vai trò, chức "
                  "vụ nếu có, họ tên), CHỦ TỌA bên phải; Nơi nhận dưới khối bên trái",
                  "form 1.9: the two signers side by side in a borderless two-column table, THƯ KÝ on the left (role, "
                  "title if any, name), CHỦ TỌA on the right; the Nơi nhận under the left block")


def signer(chuc_danh: list[Line], ho_ten: Line) -> Iterator[Finding]:
    """One signer block: its authority and title lines (case, bold, size, the decree's prefixes in order) and its
    name (no title, bold, size)."""
    # Outside a table or text box the signer block is placed by indents or tabs: its alignment is not judged.
    boxed = ho_ten.para.table is not None or ho_ten.para.textbox is not None
    order = [WORDS[k] for k in SIGNER_KEYS]
    ranks = []
    for ln in chuc_danh:
        yield from look("chuc_danh", ln, aligned=boxed)
        if P.SIGN_PREFIX_LIKE.match(ln.text) and not P.SIGN_PREFIX.match(ln.text):
            yield Finding("chuc_danh.prefix", _el("chuc_danh"), _t(ln.text.split(" ")[0]),
                          _t(" ".join(order)), where(ln))
        elif P.SIGN_PREFIX.match(ln.text):
            ranks.append(order.index(ln.text.split(" ")[0]))
            if ranks != sorted(ranks):
                yield Finding("chuc_danh.order", _el("chuc_danh"), _t(ln.text),
                              _t("thứ tự " + ", ".join(order), "in the order " + ", ".join(order)), where(ln))
    yield from look("ho_ten", ho_ten, aligned=boxed)
    if title_of(ho_ten.text):
        yield Finding("ho_ten.title", _el("ho_ten"), _t(ho_ten.text),
                      _t("họ tên, không kèm học hàm, học vị", "the name alone, no title or degree"), where(ho_ten))


# --- page numbers, phụ lục --------------------------------------------------------------------------------
def page_numbers(parts: Parts) -> Iterator[Finding]:
    doc = parts.document
    name = _el("so_trang")
    numbered = [s for s in doc.sections if any(p.page_field for p in s.header)]
    if not numbered:
        foot = next((p for s in doc.sections for p in s.footer if p.page_field), None)
        if foot is not None:
            yield Finding("so_trang.place", name, _t("ở chân trang", "in the footer"),
                          _t("giữa lề trên (đầu trang), từ trang 2",
                             "centred in the top margin (the header), from page 2"), where(foot))
        elif _pages(parts) > 1:
            yield Finding("so_trang.missing", name, _t("không đánh số trang", "no page numbers"),
                          _t("số trang ở giữa lề trên, từ trang 2", "centred in the top margin from page 2"), [])
        return
    first = doc.sections[0]
    if not first.title_page and any(p.page_field for p in first.header):
        yield Finding("so_trang.first_page", name, _t("có số trang ở trang 1", "a number on page 1"),
                      _t("không hiện số trang ở trang 1", "no number on page 1"), where(None, 1))
    elif first.title_page and first.first_header and any(p.page_field for p in first.first_header):
        yield Finding("so_trang.first_page", name, _t("có số trang ở trang 1", "a number on page 1"),
                      _t("không hiện số trang ở trang 1", "no number on page 1"), where(None, 1))
    seen: set[int] = set()
    for s in numbered:
        for p in s.header:
            if p.page_field and id(p) not in seen:
                seen.add(id(p))
                yield from look("so_trang", Line(p, p.text.strip(), tuple(p.runs)))
    for a in parts.annexes:
        if a.section.restart != 1:
            yield Finding("phu_luc.page_numbers", _el("phu_luc"), _t("đánh số trang tiếp theo văn bản",
                          "numbered on from the document"), _t("đánh số riêng từ 1", "numbered on its own from 1"),
                          where(a.heading))


def _pages(parts: Parts) -> int:
    doc = parts.document
    chars = sum(len(p.text) + 60 for p in doc.paras)
    estimate = chars // 3000 + 1
    return max(doc.pages or 1, estimate)


def annexes(parts: Parts) -> Iterator[Finding]:
    several = len(parts.annexes) > 1
    for k, a in enumerate(parts.annexes, 1):
        h = a.heading
        text = h.shown.rstrip(".")
        m = P.PHU_LUC.match("Phụ lục" + text[7:] if fold(text[:7]) == "PHU LUC" else text)  # case: phu_luc.case
        if m is None:
            yield Finding("phu_luc.text", _el("phu_luc"), _t(h.text),
                          _t("Phụ lục" if not several else f"Phụ lục {roman(k)}"), where(h))
        elif several and m.group("so") != roman(k):
            yield Finding("phu_luc.numbering", _el("phu_luc"), _t(h.text), _t(f"Phụ lục {roman(k)}"), where(h))
        yield from look("phu_luc", h)
        for ln in a.title:
            yield from look("phu_luc_ten", ln)
        if a.kem_theo is None:
            yield Finding("phu_luc.kem_theo", _el("kem_theo"), _t("không có", "none"),
                          _t("(Kèm theo … số … ngày … của …)", "(Kèm theo … số … ngày … của …)"), where(h))
        else:
            if not P.KEM_THEO.match(a.kem_theo.text):
                yield Finding("phu_luc.kem_theo", _el("kem_theo"), _t(a.kem_theo.text[:50]),
                              _t("(Kèm theo … số … ngày … của …)"), where(a.kem_theo))
            yield from look("kem_theo", a.kem_theo)
        if not a.starts_section:
            yield Finding("phu_luc.new_page", _el("phu_luc"), _t("tiếp liền văn bản", "runs on after the text"),
                          _t("bắt đầu trang mới", "starts a new page"), where(h))


def tables(parts: Parts) -> Iterator[Finding]:
    """A table fits the text width; a phụ lục too wide for a portrait page goes on a landscape one."""
    doc = parts.document
    annexes = {a.section.index for a in parts.annexes}
    for t in doc.tables:
        s = doc.sections[min(t.section, len(doc.sections) - 1)]
        if s.width is None or t.width <= s.text_width * 1.05 + 60:
            continue
        p = doc.paras[t.first] if t.first < len(doc.paras) else None
        found = _m(f"{t.width / P.TWIPS_PER_CM:.1f} cm")
        if t.section in annexes and not s.landscape:
            yield Finding("phu_luc.orientation", _el("phu_luc"), _t("trang dọc, bảng rộng hơn trang", "portrait, "
                          "the table wider than the page"), _t("trang ngang", "landscape"), where(p))
        else:
            yield Finding("page.table_width", _t("bảng", "table"), found,
                          _m(f"≤ {s.text_width / P.TWIPS_PER_CM:.1f} cm"), where(p))


def embedded(parts: Parts) -> Iterator[Finding]:
    """A part embedded whole by w:altChunk (HTML, RTF, another .docx), as import names it: its content is not
    read, so not checked."""
    doc = parts.document
    for at, part in doc.chunks:
        yield Finding("noi_dung.embedded", _t("phần nhúng (w:altChunk)", "embedded part (w:altChunk)"),
                      _t(f"{part} sau đoạn {at}", f"{part} after paragraph {at}") if at
                      else _t(f"{part} ở đầu văn bản", f"{part} at the start of the document"),
                      _t("nội dung viết trong văn bản", "content written in the document"),
                      where(doc.paras[at - 1] if at else None), "note",
                      _t("mở tệp bằng Word và lưu lại (Word gộp phần nhúng vào văn bản), rồi kiểm tra lại",
                         "open the file in Word and save it again (Word merges embedded parts into the document), "
                         "then check it again"))


RULES = (page, fonts, glyphs, tables, header, title, body, footer, page_numbers, annexes, embedded)
