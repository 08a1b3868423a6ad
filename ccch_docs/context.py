"""A validated document to the render context: what templates see, every string already formatted."""

from __future__ import annotations

import re
from typing import Any

from . import decree
from .blocks import Para, Run, Table
from .formats import dates, labels, numbers
from .formats.text import end_with
from .model import Muc, PhuLuc, VanBan
from .settings import Pack

_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*")


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
    core = (value.rstrip(".)").split() or [""])[-1]  # "Điều 5" stands for 5
    if style == "I." and core and set(core) <= set("IVXLCDM"):
        return next((n for n in range(1, 400) if labels.roman(n) == core), None)
    if core.isdigit():
        return int(core)
    return next((n for n in range(1, 600) if labels.letter(n) == core), None)


def _forced_label(value: str, style: str) -> str:
    sample = labels.label(1, style)
    suffix = sample[-1] if sample[-1:] in (".", ")") else ""
    return value if not suffix or value.endswith(suffix) else value + suffix


def body(parts: tuple[Muc, ...], with_dd: bool = True, levels: tuple[decree.Level, ...] = decree.PLAN_LEVELS,
         depth: int = 0) -> list[Para]:
    """Flatten the parts into paragraphs, numbering each depth as `levels` says (the last level repeats)."""
    out: list[Para] = []
    level = levels[min(depth, len(levels) - 1)]
    style = level.style
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
            title = part.tieu_de.upper() if level.upper else part.tieu_de
            out.append(Para(f"muc{depth + 1}", nhan, (Run(title),), level.bold_label))
            out.extend(Para("doan", "", r) for r in paragraphs)
        elif paragraphs:
            out.extend(Para("doan", nhan if i == 0 else "", r, level.bold_label and i == 0)
                       for i, r in enumerate(paragraphs))
        elif nhan:
            out.append(Para("doan", nhan, (), level.bold_label))  # a label whose content is all in child parts
        out.extend(body(part.muc, with_dd, levels, depth + 1))
    return out


def plain(paragraphs: tuple[str, ...]) -> list[Para]:
    """Unnumbered paragraphs (mở đầu, kết thúc)."""
    return [Para("doan", "", runs(t)) for t in paragraphs]


def ky_hieu(doc: VanBan) -> str:
    """`KH-UBND` from the type and the issuing body (`VPUBND-KSTTHC` for a công văn), unless the document sets its own."""
    if doc.ky_hieu:
        return doc.ky_hieu
    if not doc.type.abbr:
        return f"{doc.co_quan.viet_tat}-{doc.don_vi_soan}"
    return f"{doc.type.abbr}-{doc.co_quan.viet_tat}"


def _dashed(item: str) -> str:
    return "- " + item.lstrip("-").strip()


def _listed(lines: list[str]) -> list[str]:
    """Each line ending with `;`, the last with `.`.

    >>> _listed(["Căn cứ A.", "Căn cứ B"])
    ['Căn cứ A;', 'Căn cứ B.']
    """
    return [end_with(x, "." if i == len(lines) - 1 else ";") for i, x in enumerate(lines)]


def _opened(text: str, opening: str, *known: str) -> str:
    """`text` starting with `opening`, unless it already starts with it or with one of the `known` openings.

    >>> _opened("Luật A", "Căn cứ"), _opened("căn cứ Luật A", "Căn cứ"), _opened("V/v họp", "V/v")
    ('Căn cứ Luật A', 'căn cứ Luật A', 'V/v họp')
    """
    folded = text.casefold()
    if any(folded.startswith(o.casefold()) for o in (opening, *known)):
        return text
    return f"{opening} {text}"


def recipients(items: tuple[str, ...], luu: str, opening: str | None = None, label: str = "Lưu:") -> list[str]:
    """Nơi nhận lines: `- X;` each (a line given twice is kept once), the last `- Lưu: … .`;
    `opening` first unless the user wrote a `Như …` line.

    >>> recipients(("Bộ Nội vụ", "Sở Nội vụ;", "- Bộ Nội vụ"), "VT, T (KSTTHC)")
    ['- Bộ Nội vụ;', '- Sở Nội vụ;', '- Lưu: VT, T (KSTTHC).']
    >>> recipients(("Sở Nội vụ",), "VT", "Như trên"), recipients(("- Như trên;",), "VT", "Như trên")
    (['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT.'], ['- Như trên;', '- Lưu: VT.'])
    """
    written = any(_dashed(item).casefold().startswith("- như ") for item in items)
    if opening and not written:
        items = (opening, *items)
    lines = dict.fromkeys(end_with(_dashed(item), ";") for item in items)
    return [*lines, end_with(f"- {label} {luu}", ".")]


def addressees(items: tuple[str, ...]) -> list[str]:
    """Kính gửi: one as written; several as a dashed list with `;` and a final `.`.

    >>> addressees(("Sở Nội vụ",))
    ['Sở Nội vụ']
    >>> addressees(("Sở Nội vụ", "Sở Tài chính"))
    ['- Sở Nội vụ;', '- Sở Tài chính.']
    """
    if len(items) == 1:
        return list(items)
    return _listed([_dashed(x) for x in items])


def grounds(can_cu: tuple[str, ...], theo_de_nghi: str | None) -> list[Para]:
    """The grounds of a Quyết định: `Căn cứ …;` lines, then `Theo đề nghị của …`; the last line ends with `.`.

    >>> [p.text for p in grounds(("Luật A", "Căn cứ Luật B."), "Giám đốc Sở Nội vụ")]
    ['Căn cứ Luật A;', 'Căn cứ Luật B;', 'Theo đề nghị của Giám đốc Sở Nội vụ.']
    """
    lines = [_opened(x, decree.CAN_CU) for x in can_cu]
    if theo_de_nghi:
        lines.append(_opened(theo_de_nghi, decree.THEO_DE_NGHI, *decree.PROPOSAL_OPENINGS))
    return plain(tuple(_listed(lines)))


def _executors_article(articles: tuple[Muc, ...]) -> str | None:
    """`Như Điều 3` when the last Điều names who carries the decision out; 3 is the last Điều label printed."""
    if not articles:
        return None
    last = articles[-1]
    texts = [last.tieu_de or "", *last.doan, *(p.text for p in body(last.muc))]
    if not any(decree.EXECUTORS.search(t) for t in texts):
        return None
    printed = [p.nhan for p in body(articles, levels=decree.DECISION_LEVELS) if p.nhan_dam and p.nhan]
    return decree.NHU_DIEU.format(dieu=printed[-1].rstrip(".")) if printed else None


def decision(doc: VanBan) -> dict[str, Any]:
    """Mẫu 1.2: the authority line, the grounds and the Điều."""
    return {"tham_quyen": (doc.tham_quyen or "").upper(),
            "can_cu": grounds(doc.can_cu, doc.theo_de_nghi),
            "dieu": body(doc.dieu, doc.danh_so.with_dd, decree.DECISION_LEVELS)}


def letter(doc: VanBan) -> dict[str, Any]:
    """Mẫu 1.5: the `V/v` trích yếu under the số."""
    return {"v_v": _opened(" ".join(doc.trich_yeu), decree.VV)}


def _opening_recipient(doc: VanBan) -> str | None:
    if doc.type.mau == "cong_van":
        return decree.NHU_TREN
    if doc.type.mau == "quyet_dinh":
        return _executors_article(doc.dieu)
    return None


# What a layout (mẫu) adds to the common context.
_LAYOUT_PARTS = {"quyet_dinh": decision, "cong_van": letter}


def signer(doc: VanBan) -> dict[str, Any]:
    """Ô 7: the authority lines in the decree's order, then the name."""
    k = doc.nguoi_ky
    lines = [f"{prefix} {getattr(k, key).upper()}" for key, prefix in decree.SIGN_PREFIXES if getattr(k, key)]
    if k.chuc_vu:
        lines.append(k.chuc_vu.upper())
    return {"chuc_danh": lines, "ho_ten": k.ho_ten}


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


def issuer(doc: VanBan) -> str:
    """Who issues `doc`, as written in a sentence: `UBND tỉnh Đồng Tháp`, `Chủ tịch UBND tỉnh Vĩnh Long`."""
    authority = (doc.tham_quyen or "").upper()
    return f"Chủ tịch {doc.co_quan.goi}" if authority.startswith("CHỦ TỊCH") else doc.co_quan.goi


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


def attached_to(doc: VanBan) -> str:
    """The italic line under what `doc` carries: `(Kèm theo Kế hoạch số 285/KH-UBND ngày 05/12/2020 của …)`."""
    return f"(Kèm theo {cite(doc, issuer(doc))})"


def appendices(doc: VanBan, line: str) -> list[dict[str, Any]]:
    """The phụ lục of `doc`: heading, title, the "(Kèm theo …)" `line` and the table."""
    return [{"tieu_de": pl.tieu_de.upper(), "kem_theo": line, "bang": table(pl, doc.danh_so.with_dd)}
            for pl in doc.phu_luc]


def _numbered(appendix: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Headings: `Phụ lục` alone, or `Phụ lục I`, `Phụ lục II` … when there are several."""
    many = len(appendix) > 1
    return [{**a, "so_hieu": f"Phụ lục {labels.roman(i)}" if many else "Phụ lục"}
            for i, a in enumerate(appendix, start=1)]


def all_appendices(doc: VanBan) -> list[dict[str, Any]]:
    """The document's phụ lục, then those of the document it issues, numbered together."""
    out = appendices(doc, attached_to(doc))
    if doc.kem_theo is not None:
        via = attached_to(doc)[1:-1]  # "Kèm theo Quyết định số …"
        line = f"(Kèm theo {doc.kem_theo.type.name.capitalize()} ban hành {via[0].lower()}{via[1:]})"
        out += appendices(doc.kem_theo, line)
    return _numbered(out)


def attachment(doc: VanBan) -> dict[str, Any] | None:
    """The document a Quyết định issues (Mẫu 1.3): its title, the "(Kèm theo Quyết định …)" line, its body."""
    att = doc.kem_theo
    if att is None:
        return None
    return {"ten_loai": att.type.name, "trich_yeu": list(att.trich_yeu), "kem_theo": attached_to(doc),
            "mo_dau": plain(att.mo_dau), "noi_dung": body(att.noi_dung, att.danh_so.with_dd),
            "ket_thuc": plain(att.ket_thuc)}


def build(doc: VanBan, pack: Pack = Pack()) -> dict[str, Any]:  # noqa: B008 (a frozen model)
    """The whole render context of `doc`, with the fixed wording and Nơi nhận lines of its template `pack`."""
    kh = ky_hieu(doc)
    context = {
        "loai": doc.loai,
        "ten_loai": doc.type.name,
        "quoc_hieu": decree.QUOC_HIEU,
        "tieu_ngu": decree.TIEU_NGU,
        "co_quan": {"chu_quan": doc.co_quan.chu_quan or "", "ten": list(doc.co_quan.ten),
                    "viet_tat": doc.co_quan.viet_tat or "", "dia_chi": list(doc.co_quan.dia_chi)},
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
        "noi_dung": body(doc.noi_dung, doc.danh_so.with_dd),
        "ket_thuc": plain(doc.ket_thuc),
        "noi_nhan": recipients(pack.noi_nhan.dau + doc.noi_nhan + pack.noi_nhan.cuoi, doc.luu,
                               _opening_recipient(doc), pack.tu_ngu.luu),
        "tu_ngu": pack.tu_ngu.model_dump(),
        "nguoi_ky": signer(doc),
        "nguoi_soan": doc.nguoi_soan or "",
        "kem_theo": attachment(doc),
        "phu_luc": all_appendices(doc),
    }
    part = _LAYOUT_PARTS.get(doc.type.mau)
    return {**context, **part(doc)} if part else context
