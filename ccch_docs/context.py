"""A validated document to the render context: what templates see, every string already formatted."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from .blocks import Para, Run, Table
from .decree import citations, numbering, punctuation, signers, wording
from .decree.wording import Words, fill
from .errors import InputError, Problem
from .formats import dates, numbers
from .markup import runs
from .model import Bang, BangSo, Muc, TiLe, VanBan, child_levels, merge_columns
from .settings import DEFAULT_PACK, Pack

_HEADINGS = 3  # heading kinds the templates style: muc1, muc2, muc3 (deeper titles take muc3, 1.1. muc2)
# The emphasis of a run-in title, as its heading style has it (I., 1. and 1.1. bold, a) italic).
_RUN_IN = {"muc1": (True, False), "muc2": (True, False), "muc3": (False, True)}


Blocks = list[tuple[Run, ...] | list[Para]]  # a part's paragraphs as runs, its tables as their paragraphs
TableParas = Callable[[Bang], list[Para]]


def body(parts: tuple[Muc, ...], with_dd: bool = True, levels: numbering.Scheme = numbering.PLAN_LEVELS,
         outer: numbering.Counters = (), tables: TableParas | None = None,
         run_on: dict[str, int] | None = None) -> list[Para]:
    """Flatten the parts into paragraphs, numbering each depth as `levels` says (the last level repeats);
    `outer` holds the counters of the enclosing parts; `tables` gives the paragraphs of a table block;
    `run_on` the last number of each style numbered on through the body (the Điều across Chương)."""
    out: list[Para] = []
    if not parts:
        return out
    tables = tables or block_table()
    run_on = {} if run_on is None else run_on
    depth = len(outer)
    level = numbering.level(levels, depth)
    numbered = numbering.numbered_on([p.so for p in parts], level.style, run_on, with_dd, outer)
    # Headings take their kind from their depth below the Chương and Mục, which have a kind of their own.
    chapters = sum(numbering.level(levels, d).style in numbering.CHAPTERS for d in range(depth))
    for part, (nhan, n) in zip(parts, numbered, strict=True):
        # the label is printed: one typed too, before the title or the first paragraph it opens, is dropped
        if part.tieu_de is not None:
            part = part.model_copy(update={"tieu_de": numbering.untyped(part.tieu_de, nhan)})
        elif part.doan and isinstance(part.doan[0], str):
            part = part.model_copy(update={"doan": (numbering.untyped(part.doan[0], nhan), *part.doan[1:])})
        blocks: Blocks = [runs(b) if isinstance(b, str) else tables(b.bang) for b in part.doan]
        kind = f"muc{min(depth - chapters + 1, 2 if level.style in numbering.FIGURES else _HEADINGS)}"
        if level.style in numbering.CHAPTERS:
            # "Chương I" on its own line, the title in upper case under it, both centred and bold.
            out.extend(Para("chuong", "", runs(line)) for line in (nhan, (part.tieu_de or "").upper()) if line)
            out.extend(_paragraphs(blocks))
        elif part.tieu_de is not None and part.cung_dong:
            out.extend(_run_in(part.tieu_de, nhan, kind, level, blocks))
        elif part.tieu_de is not None:
            heading = part.tieu_de.upper() if level.upper else part.tieu_de
            out.append(Para(kind, nhan, runs(heading), level.bold_label))
            out.extend(_paragraphs(blocks))
        elif blocks or nhan:  # a label whose content is all in child parts stands alone
            out.extend(_paragraphs(blocks, nhan, level.bold_label))
        out.extend(body(part.muc, with_dd, child_levels(levels, depth, part), (*outer, n or 0), tables, run_on))
    return out


def _run_in(title: str, nhan: str, kind: str, level: numbering.Level, blocks: Blocks) -> list[Para]:
    """A run-in heading's paragraphs: its label and title in its heading's emphasis, then its first paragraph on the
    same line; the rest after it."""
    dam, nghieng = _RUN_IN[kind]
    heading = runs(title.upper() if level.upper else title, dam, nghieng)
    label = (Run(nhan + " ", dam or level.bold_label, nghieng),) if nhan else ()
    first = blocks[0] if blocks and isinstance(blocks[0], tuple) else None
    rest = blocks[1:] if first is not None else blocks
    return [Para("doan", "", (*label, *heading, Run(" "), *first) if first else (*label, *heading)),
            *_paragraphs(rest)]


def _paragraphs(blocks: Blocks, nhan: str = "", bold: bool = False) -> list[Para]:
    """A part's paragraphs and tables; the label `nhan` opens the first paragraph (or stands before a table)."""
    out: list[Para] = []
    for block in blocks or [()]:
        if isinstance(block, list):
            if nhan:
                out.append(Para("doan", nhan, (), bold))
            out.extend(block)
        elif block or nhan:
            out.append(Para("doan", nhan, block, bold and bool(nhan)))
        nhan = ""
    return out


def block_table(with_dd: bool = True, words: Words = wording.DEFAULT, ngang: bool = False) -> TableParas:
    """How a table block is printed: its caption, its unit line, then the table (`ngang`: landscape width)."""
    def paragraphs(bang: Bang) -> list[Para]:
        out = [Para("bang_ten", "", runs(bang.ten))] if bang.ten else []
        if bang.don_vi:
            out.append(Para("bang_don_vi", "", runs(bang.don_vi)))
        written = table(bang, with_dd, words)
        return [*out, Para("bang", "", (), bang=replace(written, ngang=ngang))]
    return paragraphs


def plain(paragraphs: tuple[str, ...] | list[str]) -> list[Para]:
    """Unnumbered paragraphs (mở đầu, kết thúc)."""
    return [Para("doan", "", runs(t)) for t in paragraphs]


def opening_lines(doc: VanBan, words: Words) -> list[Para]:
    """A biên bản's lines before its content (Mẫu 1.9): time, place, attendees (a list goes under its label, one
    paragraph each), then the chair and the secretary when given."""
    many = len(doc.thanh_phan) > 1
    given = [(words["thoi_gian_bat_dau"], doc.thoi_gian_bat_dau), (words["dia_diem"], doc.dia_diem),
             (words["thanh_phan"], "" if many else " ".join(doc.thanh_phan))]
    lines = [f"{label} {value or ''}".strip() for label, value in given] + (list(doc.thanh_phan) if many else [])
    lines += [f"{label} {value}" for label, value in ((words["chu_tri"], doc.chu_tri), (words["thu_ky"], doc.thu_ky))
              if value]
    return plain(lines)


def side_by_side(doc: VanBan, words: Words) -> list[dict[str, Any]]:
    """Two signers side by side, left (`nguoi_cung_ky`) then right (`nguoi_ky`), each with its layout's role
    unless it says its own."""
    if doc.nguoi_cung_ky is None:  # a VanBan built without validate(), which requires it
        raise InputError([Problem(need.message, key=need.key, hint=need.hint)
                          for need in doc.layout.requires if need.key == "nguoi_cung_ky"])
    pair = zip((doc.nguoi_cung_ky, doc.nguoi_ky), doc.layout.roles, strict=True)
    return [signers.block(signer, words, words[role]) for signer, role in pair]


# The context keys only some layouts have (Layout.parts), each built from the document.
_PARTS: dict[str, Callable[[VanBan, Words, TableParas], Any]] = {
    "thong_tin": lambda doc, words, tables: opening_lines(doc, words),
    "chu_ky": lambda doc, words, tables: side_by_side(doc, words),
    "tham_quyen": lambda doc, words, tables: (doc.tham_quyen or "").upper(),
    "can_cu": lambda doc, words, tables: plain(punctuation.grounds(doc.can_cu, doc.theo_de_nghi, words)),
    "dieu": lambda doc, words, tables: body(doc.dieu, doc.danh_so.with_dd, doc.scheme("dieu"), tables=tables),
    "v_v": lambda doc, words, tables: punctuation.subject(doc.trich_yeu, words),
}


def _cell(value: Any, number: bool) -> tuple[str, ...]:
    """A cell's lines: a number in Vietnamese notation in a `number` column, else as typed (`2021`, `0912…`)."""
    if value is None:
        return ()
    if isinstance(value, tuple):
        return value
    if isinstance(value, int | float):
        return (numbers.so(value) if number else numbers.as_typed(value),)
    return (value,)


def _amount(value: Any) -> numbers.Number | None:
    """A cell's value as a number to total, or None for text (validation has refused what is unclear as
    written, so `1.500` here is an expression's result, printed by `so`)."""
    return None if isinstance(value, tuple) else numbers.printed_amount(value)


_GROUP_ROWS = {"gop": "nhom_gop", "stt": "nhom", "tung_o": "nhom_tach"}  # nhom_o → the table's row kind


def _spans(row: dict[str, Any], keys: list[str]) -> list[int]:
    """How many columns each cell of a row spans: its `gop` cell from its first column to its last, 0 for the
    cells inside it, 1 for the others."""
    spans = [1] * len(keys)
    merged = merge_columns(row, keys, "gop")
    if merged:
        first, last = keys.index(merged[0]), keys.index(merged[-1])
        spans[first:last + 1] = [last - first + 1] + [0] * (last - first)
    return spans


def table(pl: BangSo, with_dd: bool = True, words: Words = wording.DEFAULT) -> Table:
    """Rows of a table: group rows, data rows numbered per `danh_so`, and a total row when asked."""
    cols = pl.columns
    keys = [c.khoa for c in cols]
    rates = {c.khoa: c.ti_le for c in cols if c.ti_le is not None}  # never added up: see _rate_cell
    totals = [k for k in pl.total_keys if k not in rates]
    numeric = pl.number_keys(cols)
    amounts: dict[str, list[numbers.Number]] = {k: [] for k in pl.counted_keys(cols)}  # validation: all in keys
    # Cells of a counted column written in words ("Theo Đề án"): its total says it lacks them.
    uncounted = dict.fromkeys(amounts, 0)
    rows: list[tuple[str, str, tuple[tuple[str, ...], ...]]] = []
    shapes: dict[int, list[tuple[int, str]]] = {}  # rows with merged cells: each cell's span and vertical merge
    groups = pl.groups
    counted = 0  # rows numbered so far, for numbers that run on across groups
    group_labels = iter(numbering.numbered([g.so for g in groups if g.ten is not None], pl.danh_so.nhom, with_dd))
    for grp in groups:
        outer: numbering.Counters = ()  # the group's counter, for a row style that prints it
        if grp.ten is not None:
            group_label, group_number = next(group_labels)
            outer = (group_number or 0,)
            cell = grp.nhom_o or pl.danh_so.nhom_o or ("gop" if pl.danh_so.nhom == "I." else "stt")
            rows.append((_GROUP_ROWS[cell], group_label, ((grp.ten,),)))
        style = pl.row_style if grp.danh_so is None else grp.danh_so
        start = counted + 1 if pl.danh_so.lien_tuc else 1
        counted = start - 1
        for r, row in enumerate(grp.dong):
            forced = None if "so" in keys else row.get("so")  # a label printed as written, not counted
            if forced is None:
                counted += 1
            label = str(forced) if forced is not None else numbering.label(counted, style, with_dd, outer)
            spans = _spans(row, keys)
            _shape(shapes, len(rows), spans, merge_columns(row, keys, "gop_tren"), grp.dong[r - 1], keys)
            if rates:  # a rate left out of the row: computed from the row's cells
                row = {**row, **{k: found[0] for k, rate in rates.items() if row.get(k) is None
                                 and (found := _rate_cell(rate, *_row_amounts(rate, row)))}}
            rows.append(("dong", label, tuple(_cell(row.get(k), k in numeric) if span else ()
                                              for k, span in zip(keys, spans, strict=True))))
            _count(amounts, uncounted, row, keys, spans)
    if pl.total_keys:
        cells = {**{k: _total_cell(amounts[k], uncounted[k], words) for k in totals},
                 **{k: _rate_cell(rate, amounts, uncounted) for k, rate in rates.items()}}
        rows.append(("tong", words["tong_cong"], tuple(cells.get(k, ()) for k in keys)))
    return Table(tuple(c.ten for c in cols), tuple(c.rong for c in cols), rows, words["so_tt"],
                 shapes={i: tuple(s) for i, s in shapes.items()},
                 chung=tuple(c.chung or "" for c in cols) if any(c.chung for c in cols) else (),
                 so_cot=pl.column_numbers(cols))


def _shape(shapes: dict[int, list[tuple[int, str]]], at: int, spans: list[int], below: tuple[str, ...],
           above_row: dict[str, Any], keys: list[str]) -> None:
    """Note in `shapes` the merged cells of row `at` (spans; `continue` under the columns merged with the row above,
    `below`), and open those merges in the row above (`restart`), unless its cells go on with one already."""
    if max(spans) > 1 or below:
        shapes[at] = [(span, "continue" if k in below else "") for span, k in zip(spans, keys, strict=True)]
    if below:  # validation: there is a row above
        above = shapes.setdefault(at - 1, [(span, "") for span in _spans(above_row, keys)])
        for i, k in enumerate(keys):
            if k in below and not above[i][1]:
                above[i] = (above[i][0], "restart")


def _count(amounts: dict[str, list[numbers.Number]], uncounted: dict[str, int], row: dict[str, Any],
           keys: list[str], spans: list[int]) -> None:
    """Add to `amounts` each counted column's value in `row`, or the text of a merged cell over it; one written in
    words is counted in `uncounted`."""
    for k in amounts:
        value = row.get(keys[max(i for i in range(keys.index(k) + 1) if spans[i])])
        number = None if value is None else _amount(value)
        if value is not None and number is None:
            uncounted[k] += 1
        elif number is not None:
            amounts[k].append(number)


def _total_cell(amounts: list[numbers.Number], uncounted: int, words: Words) -> tuple[str, ...]:
    """A total row's cell: the sum, and a note of the rows written in words it leaves out."""
    note = (fill(words["tong_chua_tinh"], n=str(uncounted)),) if uncounted else ()
    return (numbers.so(numbers.total(amounts)), *note)


def _row_amounts(rate: TiLe, row: dict[str, Any]) -> tuple[dict[str, list[numbers.Number]], dict[str, int]]:
    """The cells of one row a rate is computed from, as `_rate_cell` takes the columns' (a cell not a number is
    uncounted)."""
    amounts = {k: [] if (v := row.get(k)) is None or (n := _amount(v)) is None else [n] for k in rate.keys}
    return amounts, {k: int(not found) for k, found in amounts.items()}


def _rate_cell(rate: TiLe, amounts: dict[str, list[numbers.Number]], uncounted: dict[str, int]) -> tuple[str, ...]:
    """A rate column's total: the rate of the totals of the columns it is computed from (`96,5%`); empty where
    one of their cells is written in words, the rate of what is not known. A row's own rate, from its cells."""
    if any(uncounted[k] for k in rate.keys):
        return ()
    part = numbers.total(v for k in rate.tu_so for v in amounts[k])
    return (numbers.ti_le(part, numbers.total(amounts[rate.mau_so]), rate.so_le),)


def period_line(doc: VanBan, words: Words = wording.DEFAULT) -> str:
    """The italic line under a report's trích yếu, when its `ky_bao_cao` asks for it."""
    period = doc.ky_bao_cao
    if period is None or not period.hien_thi:
        return ""
    return fill(words["ky_bao_cao"], tu=dates.short_date(period.tu), den=dates.short_date(period.den))


def appendices(doc: VanBan, line: str, words: Words) -> list[dict[str, Any]]:
    """The phụ lục of `doc`: heading, title, the "(Kèm theo …)" `line`, its content, its table, its page."""
    out = []
    for pl in doc.phu_luc:
        ngang = pl.landscape
        content = body(pl.noi_dung, doc.danh_so.with_dd, pl.scheme,
                       tables=block_table(doc.danh_so.with_dd, words, ngang))
        own = None if pl.cot is None else replace(table(pl, doc.danh_so.with_dd, words), ngang=ngang)
        out.append({"tieu_de": pl.tieu_de.upper(), "kem_theo": line, "noi_dung": content, "bang": own,
                    "ngang": ngang})
    return out


def _numbered(appendix: list[dict[str, Any]], words: Words) -> list[dict[str, Any]]:
    """Headings: `Phụ lục` alone, or `Phụ lục I`, `Phụ lục II` … when there are several."""
    many = len(appendix) > 1
    return [{**a, "so_hieu": f"{words['phu_luc']} {numbering.roman(i)}" if many else words["phu_luc"]}
            for i, a in enumerate(appendix, start=1)]


def all_appendices(doc: VanBan, words: Words) -> list[dict[str, Any]]:
    """The document's phụ lục, then those of the document it issues, numbered together."""
    out = appendices(doc, citations.attached_to(doc, words), words)
    if doc.kem_theo is not None:
        out += appendices(doc.kem_theo, citations.issued_with(doc, words), words)
    return _numbered(out, words)


def attachment(doc: VanBan, words: Words) -> dict[str, Any] | None:
    """The document a Quyết định issues (Mẫu 1.3): its title, the "(Kèm theo Quyết định …)" line, its body."""
    att = doc.kem_theo
    if att is None:
        return None
    return {"ten_loai": att.type.name, "trich_yeu": att.printed_trich_yeu,
            "kem_theo": citations.issued_by(doc, words),
            "mo_dau": plain(att.mo_dau), "ket_thuc": plain(att.ket_thuc),
            "noi_dung": body(att.noi_dung, att.danh_so.with_dd, att.scheme("noi_dung"),
                             tables=block_table(att.danh_so.with_dd, words))}


def notes(doc: VanBan) -> list[dict[str, Any]]:
    """The footnotes of `doc` and of the document it issues: number and text, in number order."""
    given = {**(doc.kem_theo.chu_thich if doc.kem_theo is not None else {}), **doc.chu_thich}
    return [{"so": int(k), "doan": Para("doan", "", runs(v))}
            for k, v in sorted(given.items(), key=lambda kv: int(kv[0]))]


def build(doc: VanBan, pack: Pack = DEFAULT_PACK) -> dict[str, Any]:
    """The whole render context of `doc`, with the fixed wording and Nơi nhận lines of its template `pack`."""
    words = pack.words
    layout = doc.layout
    kh = citations.ky_hieu(doc)
    place = punctuation.place(doc.dia_danh)
    tables = block_table(doc.danh_so.with_dd, words)
    context = {
        "loai": doc.loai,
        "ten_loai": doc.type.name,
        "quoc_hieu": words["quoc_hieu"],
        "tieu_ngu": words["tieu_ngu"],
        # the letterhead's names print in capitals (ô 2) whatever the case typed, as the signer's lines do
        "co_quan": {"chu_quan": (doc.co_quan.chu_quan or "").upper(), "ten": [t.upper() for t in doc.co_quan.ten],
                    "viet_tat": doc.co_quan.viet_tat or "", "dia_chi": list(doc.co_quan.dia_chi)},
        "so": citations.so_text(doc.so),
        "ky_hieu": kh,
        "so_ky_hieu": citations.so_ky_hieu(doc.so, kh, words),
        "dia_danh": place,
        "ngay": dates.short_date(doc.ngay),
        "ngay_dai": dates.long_date(doc.ngay),
        "dia_danh_ngay": dates.place_date(place, doc.ngay),
        "do_mat": words[doc.do_mat] if doc.do_mat else "",
        "do_khan": words[doc.do_khan] if doc.do_khan else "",
        "kinh_gui": punctuation.addressees(doc.kinh_gui, words),
        "trich_yeu": doc.printed_trich_yeu,
        "ky_bao_cao": period_line(doc, words),
        "mo_dau": plain(doc.mo_dau),
        "noi_dung": body(doc.noi_dung, doc.danh_so.with_dd, doc.scheme("noi_dung"), tables=tables),
        "ket_thuc": plain(doc.ket_thuc),
        "noi_nhan": punctuation.recipients(pack.noi_nhan.dau + doc.noi_nhan + pack.noi_nhan.cuoi, doc.luu,
                                           layout.opening(doc, words) if layout.opening else None, words),
        "tu_ngu": dict(pack.tu_ngu),
        "nguoi_ky": signers.block(doc.nguoi_ky, words),
        "nguoi_soan": doc.nguoi_soan or "",
        "kem_theo": attachment(doc, words),
        "phu_luc": all_appendices(doc, words),
        "chu_thich": notes(doc),
    }
    return {**context, **{key: _PARTS[key](doc, words, tables) for key in layout.parts}}


def tables(ctx: dict[str, Any]) -> list[Table]:
    """Every table of a render context in the order the templates print them: those among the body's
    paragraphs (the Điều, the issued document's body), then each phụ lục's: among its content, then its own."""
    bodies = [ctx["noi_dung"], ctx.get("dieu") or [], (ctx["kem_theo"] or {}).get("noi_dung") or []]
    bodies += [part for pl in ctx["phu_luc"] for part in (pl["noi_dung"], [Para("bang", "", (), bang=pl["bang"])])]
    return [p.bang for paras in bodies for p in paras if p.bang is not None]
