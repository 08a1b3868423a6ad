"""A validated document to the render context: what templates see, every string already formatted."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from . import decree
from .formats import dates, labels, numbers
from .formats.text import end_with
from .model import Muc, PhuLuc, VanBan

_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")
_LEVEL_STYLES = ("I.", "1.", "a)")


@dataclass(frozen=True, slots=True)
class Run:
    """A stretch of text with one emphasis."""

    text: str
    dam: bool = False
    nghieng: bool = False


@dataclass(frozen=True, slots=True)
class Para:
    """A body paragraph: its kind (`muc1`, `muc2`, `muc3` for titles, `doan` for text), its label and runs."""

    kieu: str
    nhan: str
    runs: tuple[Run, ...]

    @property
    def text(self) -> str:
        body = "".join(r.text for r in self.runs)
        return f"{self.nhan} {body}" if self.nhan else body


def runs(text: str) -> tuple[Run, ...]:
    """Split `**bold**` and `*italic*` markup into runs.

    >>> runs("a **b** *c*")
    (Run(text='a ', dam=False, nghieng=False), Run(text='b', dam=True, nghieng=False), \
Run(text=' ', dam=False, nghieng=False), Run(text='c', dam=False, nghieng=True))
    """
    out: list[Run] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        if m.start() > pos:
            out.append(Run(text[pos:m.start()]))
        out.append(Run(m.group(1), dam=True) if m.group(1) else Run(m.group(2), nghieng=True))
        pos = m.end()
    if pos < len(text) or not out:
        out.append(Run(text[pos:]))
    return tuple(out)


def _forced_number(value: str, style: str) -> int | None:
    """The counter value a forced label stands for, so that numbering goes on after it."""
    core = value.rstrip(".)").strip()
    if style == "I." and core and set(core) <= set("IVXLCDM"):
        return next((n for n in range(1, 400) if labels.roman(n) == core), None)
    if core.isdigit():
        return int(core)
    return next((n for n in range(1, 600) if labels.letter(n) == core), None)


def _forced_label(value: str, style: str) -> str:
    suffix = style[-1] if style[-1] in ".)" else ""
    return value if not suffix or value.endswith(suffix) else value + suffix


def body(parts: tuple[Muc, ...], with_dd: bool = True, depth: int = 0) -> list[Para]:
    """Flatten the parts into paragraphs, numbering each level from its depth."""
    out: list[Para] = []
    style = _LEVEL_STYLES[min(depth, 2)]
    count = 0
    for part in parts:
        if part.so is False:
            nhan = ""
        elif isinstance(part.so, str):
            nhan = _forced_label(part.so, style)
            count = _forced_number(part.so, style) or count
        else:
            count += 1
            nhan = labels.label(count, style, with_dd)
        paragraphs = [runs(t) for t in part.doan]
        if part.tieu_de is not None:
            title = part.tieu_de.upper() if depth == 0 else part.tieu_de
            out.append(Para(f"muc{depth + 1}", nhan, (Run(title),)))
            out.extend(Para("doan", "", r) for r in paragraphs)
        else:
            out.extend(Para("doan", nhan if i == 0 else "", r) for i, r in enumerate(paragraphs))
        out.extend(body(part.muc, with_dd, depth + 1))
    return out


def plain(paragraphs: tuple[str, ...]) -> list[Para]:
    """Unnumbered paragraphs (mở đầu, kết thúc)."""
    return [Para("doan", "", runs(t)) for t in paragraphs]


def ky_hieu(doc: VanBan) -> str:
    """`KH-UBND` from the type and the issuing body, unless the document sets its own."""
    if doc.ky_hieu:
        return doc.ky_hieu
    return f"{doc.type.abbr}-{doc.co_quan.viet_tat}"


def recipients(items: tuple[str, ...], luu: str) -> list[str]:
    """Nơi nhận lines: `- X;` each, the last `- Lưu: … .`.

    >>> recipients(("Bộ Nội vụ", "Sở Nội vụ;"), "VT, T (KSTTHC)")
    ['- Bộ Nội vụ;', '- Sở Nội vụ;', '- Lưu: VT, T (KSTTHC).']
    """
    lines = [end_with("- " + item.lstrip("-").strip(), ";") for item in items]
    return lines + [end_with(f"- Lưu: {luu}", ".")]


def addressees(items: tuple[str, ...]) -> list[str]:
    """Kính gửi: one as written; several as a dashed list with `;` and a final `.`.

    >>> addressees(("Sở Nội vụ",))
    ['Sở Nội vụ']
    >>> addressees(("Sở Nội vụ", "Sở Tài chính"))
    ['- Sở Nội vụ;', '- Sở Tài chính.']
    """
    if len(items) == 1:
        return list(items)
    return [end_with("- " + x.lstrip("-").strip(), "." if i == len(items) - 1 else ";") for i, x in enumerate(items)]


def signer(doc: VanBan) -> dict[str, Any]:
    """Ô 7: the authority lines in the decree's order, then the name."""
    k = doc.nguoi_ky
    lines = [f"{prefix} {getattr(k, key).upper()}" for key, prefix in decree.SIGN_PREFIXES if getattr(k, key)]
    if k.chuc_vu:
        lines.append(k.chuc_vu.upper())
    return {"chuc_danh": lines, "ho_ten": k.ho_ten}


@dataclass(frozen=True, slots=True)
class Table:
    """A phụ lục table: column names and relative widths, then rows of (kind, label, cells)."""

    cot: tuple[str, ...]
    rong: tuple[float, ...]
    dong: list[tuple[str, str, tuple[tuple[str, ...], ...]]]


def _cell(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    if isinstance(value, int | float):
        return (numbers.so(value),)
    return (value,)


def table(pl: PhuLuc, with_dd: bool = True) -> Table:
    """Rows of a phụ lục: group rows, data rows numbered per `danh_so`, and a total row when asked."""
    cols = pl.columns
    keys = [c.khoa for c in cols]
    total_key = "kinh_phi" if pl.tong_cong is True else (pl.tong_cong or None)
    total = 0
    rows: list[tuple[str, str, tuple[tuple[str, ...], ...]]] = []
    group_kind = "nhom_gop" if pl.danh_so.nhom == "I." else "nhom"
    count = 0
    for grp in pl.groups:
        if grp.ten is not None:
            if grp.so:
                label = _forced_label(grp.so, pl.danh_so.nhom or "1.")
                count = _forced_number(grp.so, pl.danh_so.nhom or "1.") or count
            else:
                count += 1
                label = labels.label(count, pl.danh_so.nhom, with_dd)
            rows.append((group_kind, label, ((grp.ten,),)))
        style = pl.danh_so.dong if grp.danh_so is None else grp.danh_so
        for n, row in enumerate(grp.dong, start=1):
            rows.append(("dong", labels.label(n, style, with_dd), tuple(_cell(row.get(k)) for k in keys)))
            value = row.get(total_key) if total_key else None
            if isinstance(value, int | float):
                total += value
    if total_key:
        cells = tuple((numbers.so(total),) if k == total_key else () for k in keys)
        rows.append(("tong", "Tổng cộng", cells))
    return Table(tuple(c.ten for c in cols), tuple(c.rong for c in cols), rows)


def cite(doc: VanBan, issuer: str | None = None, long_date: bool = False) -> str:
    """How another text names `doc`: `Kế hoạch số 285/KH-UBND ngày 05/12/2020 của UBND tỉnh Đồng Tháp`.

    `long_date` writes the date as in running text (`ngày 05 tháng 12 năm 2020`); blanks are kept for
    a number or date not given yet.
    """
    day = dates.long_date(doc.ngay) if long_date else f"ngày {dates.short_date(doc.ngay)}"
    return (f"{doc.type.name.capitalize()} số {labels.so_text(doc.so)}/{ky_hieu(doc)} {day} "
            f"của {issuer or doc.co_quan.goi}")


def period_line(doc: VanBan) -> str:
    """The italic line under a report's trích yếu, when its `ky_bao_cao` asks for it."""
    period = doc.ky_bao_cao
    if period is None or not period.hien_thi:
        return ""
    return f"(Số liệu tính từ ngày {dates.short_date(period.tu)} đến ngày {dates.short_date(period.den)})"


def appendices(doc: VanBan, issuer: str) -> list[dict[str, Any]]:
    """The phụ lục of `doc`: heading, title, the "(Kèm theo …)" line and the table."""
    many = len(doc.phu_luc) > 1
    with_dd = doc.danh_so.chu_cai == "co_dd"
    kem_theo = f"(Kèm theo {cite(doc, issuer)})"
    return [{"so_hieu": f"Phụ lục {labels.roman(i)}" if many else "Phụ lục", "tieu_de": pl.tieu_de.upper(),
             "kem_theo": kem_theo, "bang": table(pl, with_dd)} for i, pl in enumerate(doc.phu_luc, start=1)]


def build(doc: VanBan) -> dict[str, Any]:
    """The whole render context of `doc`."""
    kh = ky_hieu(doc)
    with_dd = doc.danh_so.chu_cai == "co_dd"
    return {
        "loai": doc.loai,
        "ten_loai": doc.type.name,
        "quoc_hieu": decree.QUOC_HIEU,
        "tieu_ngu": decree.TIEU_NGU,
        "co_quan": {"chu_quan": doc.co_quan.chu_quan or "", "ten": list(doc.co_quan.ten),
                    "viet_tat": doc.co_quan.viet_tat or ""},
        "so": labels.so_text(doc.so),
        "ky_hieu": kh,
        "so_ky_hieu": labels.so_ky_hieu(doc.so, kh),
        "dia_danh": doc.dia_danh,
        "ngay": dates.short_date(doc.ngay),
        "ngay_dai": dates.long_date(doc.ngay),
        "dia_danh_ngay": dates.place_date(doc.dia_danh, doc.ngay),
        "do_khan": decree.URGENCY.get(doc.do_khan or "", ""),
        "kinh_gui": addressees(doc.kinh_gui),
        "trich_yeu": list(doc.trich_yeu),
        "ky_bao_cao": period_line(doc),
        "mo_dau": plain(doc.mo_dau),
        "noi_dung": body(doc.noi_dung, with_dd),
        "ket_thuc": plain(doc.ket_thuc),
        "noi_nhan": recipients(doc.noi_nhan, doc.luu),
        "nguoi_ky": signer(doc),
        "nguoi_soan": doc.nguoi_soan or "",
        "phu_luc": appendices(doc, doc.co_quan.goi),
    }
