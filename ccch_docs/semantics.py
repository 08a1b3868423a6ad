"""Checks across keys that the types alone cannot make: the ký hiệu, signers and place, numbering depth, tables and
their merged cells, figures, notes, a report's period, names a comma cut apart, placeholders left to fill."""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterator, Sequence
from datetime import timedelta
from typing import Any

from . import decree, markup
from .decree import citations, numbering, punctuation, signers
from .errors import Unclear, did_you_mean
from .formats import dates, numbers
from .formats.words import bang_chu
from .model import (
    MERGES,
    NUMBERS_HINT,
    BangSo,
    Cot,
    Finding,
    Muc,
    Presets,
    VanBan,
    all_tables,
    child_levels,
    is_scalar,
    merge_columns,
    unknown_preset,
)
from .source import Source
from .yamlerrors import quoted
from .yamlio import Path_, Where


def findings(doc: VanBan, known: Presets, by_decision: bool = False) -> list[Finding]:
    """Checks across keys that the types alone cannot make; `by_decision`: of the document a decision issues (its
    footnotes are checked with the decision's)."""
    out: list[Finding] = []
    if doc.ky_hieu is None and not doc.co_quan.viet_tat:
        out.append((("co_quan",), "cần `viet_tat` để tạo ký hiệu văn bản",
                    "thêm co_quan.viet_tat (ví dụ UBND) hoặc ghi thẳng ky_hieu"))
    else:
        out.extend(_check_ky_hieu(doc))
    out.extend(_check_signers(doc))
    out.extend(_check_place(doc))
    for key in numbering.BODIES:
        levels = doc.scheme(key)
        out.extend(_check_parts(getattr(doc, key), (key,), 1, levels, max(numbering.MAX_DEPTH, len(levels))))
    out.extend(_check_layout(doc))
    for t, pl in enumerate(doc.phu_luc):
        here: Path_ = ("phu_luc", t)
        if pl.cot is None and (pl.dong or pl.nhom):
            out.append((here + ("cot",), "phụ lục có dòng bảng nhưng không có cột", "thêm `cot:` (danh sách cột "
                        "hoặc tên mẫu cột)"))
        elif pl.cot is None and not pl.noi_dung:
            out.append((here, "phụ lục trống", "thêm `cot` và `dong` (một bảng), hoặc `noi_dung`"))
        levels = pl.scheme
        out.extend(_check_parts(pl.noi_dung, here + ("noi_dung",), 1, levels, max(numbering.MAX_DEPTH, len(levels))))
    out.extend(_check_tables(all_tables(doc), known))
    out.extend(_check_figures(doc.so_lieu, ("so_lieu",)))
    if not by_decision:
        out.extend(_check_notes(doc))
    out.extend(_check_report(doc))
    return out


# Keys listing bodies by name, each name opening with a capital letter (`Các ban, ngành, đoàn thể xã`).
NAMES = ("noi_nhan", "kinh_gui")


def cut_names(src: Source) -> list[Finding]:
    """Names a comma cut apart in a `[ … ]` list: items opening in lower case, on the line of the one before.

    >>> from pathlib import Path
    >>> from .yamlio import Where
    >>> names = ["Các ban", "ngành", "đoàn thể xã", "Các ấp"]
    >>> src = Source({"noi_nhan": names}, {("noi_nhan", i): Where("a", 1, 9 * i) for i in range(4)}, "a", Path())
    >>> [(path, hint) for path, _, hint in cut_names(src)]
    [(('noi_nhan', 1), 'nếu là một mục, đặt cả mục trong dấu ngoặc kép: "Các ban, ngành, đoàn thể xã"')]
    """
    out: list[Finding] = []
    for key in NAMES:
        items = src.data.get(key)
        if not isinstance(items, list):
            continue
        places = [src.places.get((key, i)) for i in range(len(items))]
        i = 1
        while i < len(items):
            last = i - 1
            while last + 1 < len(items) and _piece(items, places, last + 1):
                last += 1
            if last >= i:
                whole = quoted(", ".join(items[i - 1:last + 1]))
                out.append(((key, i), f"`{items[i]}` mở đầu bằng chữ thường: dấu phẩy trong `[ … ]` đã tách nó "
                                      f"khỏi `{items[i - 1]}`",
                            f"nếu là một mục, đặt cả mục trong dấu ngoặc kép: {whole}"))
            i = last + 2
    return out


def _piece(items: list[Any], places: list[Where | None], i: int) -> bool:
    """Whether item `i` is a piece of the name before it: text opening in lower case, on the same line."""
    before, here = places[i - 1], places[i]
    return (isinstance(items[i], str) and items[i][:1].islower() and isinstance(items[i - 1], str)
            and before is not None and here is not None and before.line is not None and before[:2] == here[:2])


def _leaves(value: Any, path: Path_ = ()) -> Iterator[tuple[Path_, Any]]:
    """Every value inside mappings and lists nested at will (itself when it is neither), with its key path.

    >>> list(_leaves({"a": [1, {"b": "x"}], "c": {}}))
    [(('a', 0), 1), (('a', 1, 'b'), 'x')]
    """
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _leaves(v, (*path, k))
    elif isinstance(value, list | tuple):
        for i, v in enumerate(value):
            yield from _leaves(v, (*path, i))
    else:
        yield path, value


def _check_figures(value: Any, path: Path_) -> list[Finding]:
    """`so_lieu` holds numbers only, in mappings and lists nested at will."""
    return [(here, *problem) for here, leaf in _leaves(value, path) if (problem := _figure(leaf)) is not None]


def _figure(value: Any) -> tuple[str, str | None] | None:
    """What is wrong with one value of `so_lieu`: no number, a number that could be misread, or one too large."""
    if is_scalar(value):
        try:
            number = numbers.read(value)
        except Unclear as exc:
            return f"số liệu phải là số: {exc.message}", exc.hint
        except ValueError:  # too large to read: not a figure
            number = None
        if number is not None:
            return None if numbers.printable(number) else (numbers.TOO_LARGE + " hoặc không hữu hạn",
                                                           "số liệu là số đếm hay số tiền, dưới 10²⁵")
    return f"số liệu phải là số, không phải {reprlib.repr(value)}", "viết số như 44333, 44.333.000, 99,59 hoặc 99.59"


def marked(value: Any) -> set[int]:
    """The footnotes marked (`[^n]`) in the texts of `value`, nested at will.

    >>> sorted(marked({"a": ["Ban Chỉ đạo[^2]", {"b": "Đề án 934[^1]"}], "c": 3}))
    [1, 2]
    """
    return {n for _, text in _leaves(value) if isinstance(text, str) for n in markup.notes(text)}


def _check_notes(doc: VanBan) -> list[Finding]:
    """Every `[^n]` mark has its note in `chu_thich`, and every note is marked somewhere. A decision and the document
    it issues print as one text, their footnotes numbered as one: a mark in either takes its note from either, a
    number given by both is refused."""
    issued = doc.kem_theo if isinstance(doc.kem_theo, VanBan) else None
    # No serializer warnings: a SIGTERM landing in a union's discriminator is swallowed there (and raised again when
    # the command's block ends), and would print pydantic's warning beside the stop message.
    dumps = [(here, d.model_dump(exclude={"chu_thich", "kem_theo"}, warnings=False))
             for here, d in (((), doc), (("kem_theo",), issued)) if d is not None]
    # One walk over the texts (a phụ lục's cells are many), keeping those with a mark.
    texts = [(here, path, text) for here, dump in dumps for path, text in _leaves(dump)
             if isinstance(text, str) and "[^" in text]
    used = {n for _, _, text in texts for n in markup.notes(text)}
    notes: list[tuple[Path_, str]] = [(("chu_thich", k), k) for k in doc.chu_thich]
    notes += [(("kem_theo", "chu_thich", k), k) for k in (issued.chu_thich if issued is not None else {})]
    given = {int(k) for _, k in notes}
    out: list[Finding] = [(("chu_thich",), f"không có lời chú thích [^{n}]", f"thêm `chu_thich: {{{n}: …}}`")
                          for n in sorted(used - given)]
    out += [(here, f"chú thích {k} không được đánh dấu trong văn bản", f"ghi `[^{k}]` ngay sau chữ cần chú thích")
            for here, k in notes if int(k) not in used]
    out += _twice(notes)
    out += _marked_again(texts)
    out += [((*here, *path), f"dấu chú thích [^{n}] ở đây không in thành chú thích", _AS_TYPED_HINT)
            for here, path, text in texts if _as_typed(path) for n in markup.notes(text)[:1]]
    return out


def _marked_again(texts: Sequence[tuple[Path_, Path_, str]]) -> list[Finding]:
    """Each mark of a footnote after its first, in `texts` (the document's, then the issued one's, by key path):
    a Word footnote has one mark (given two, LibreOffice numbered the second as a note of its own and every note
    after it one too far)."""
    seen: set[int] = set()
    out: list[Finding] = []
    for here, path, text in texts:
        for n in markup.notes(text):
            if n in seen:
                out.append(((*here, *path), f"chú thích [^{n}] đã được đánh dấu ở chỗ trước",
                            f"mỗi chú thích chỉ đánh dấu một lần; ở chỗ sau viết `(xem chú thích {n})` hoặc "
                            "thêm một chú thích số khác"))
            seen.add(n)
    return out


def _twice(notes: list[tuple[Path_, str]]) -> list[Finding]:
    """The notes numbered as one before them (`1` and `01` are both footnote 1, which Word would hold twice): in
    the chu_thich of the document a decision issues, as one of the decision's (CCHC-E645), or in the same one."""
    out: list[Finding] = []
    first: dict[int, Path_] = {}
    for here, k in notes:
        seen = first.setdefault(int(k), here)
        if seen is here:
            continue
        message = (f"chú thích {k} đã có ở chu_thich của quyết định" if here[0] != seen[0]
                   else f"chú thích {k} trùng số với chú thích {seen[-1]}")
        out.append((here, message, "mỗi số chú thích một lời: bỏ một trong hai, hoặc đánh số khác"))
    return out


# Texts printed as typed, where a footnote mark would print `[^1]`: the letterhead, số and ký hiệu, trích yếu,
# place, signer, drafter, a Quyết định's authority line, a phụ lục's title and a part's forced label.
_AS_TYPED = frozenset(("co_quan", "ky_hieu", "trich_yeu", "dia_danh", "tham_quyen", "nguoi_ky", "nguoi_cung_ky",
                       "nguoi_soan", "phu_luc_ket_qua"))
_AS_TYPED_HINT = ("đặt dấu chú thích trong đoạn văn, đề mục, ô bảng, căn cứ, kính gửi hay nơi nhận; tên cơ quan, "
                  "trích yếu, người ký, tên phụ lục, nhãn `so` của một phần in đúng như gõ")


def _as_typed(path: Path_) -> bool:
    """Whether the text at `path` (a key path of a VanBan's dump) is printed as typed (see _AS_TYPED)."""
    return (path[0] in _AS_TYPED or path[0] == "phu_luc" and path[2:] == ("tieu_de",)
            or path[-1] == "so" and len(path) >= 3 and path[-3] in ("noi_dung", "muc", "dieu"))


# A place a starter leaves to fill: text in parentheses that opens or closes with an ellipsis, `(trích yếu …)`.
PLACEHOLDER = re.compile(r"\((?:…|\.\.\.)[^()]*\)|\([^()]*(?:…|\.\.\.)\)")


def placeholders(value: Any) -> list[Finding]:
    """Every text of `value` that still holds a placeholder to fill.

    >>> placeholders({"trich_yeu": "(trích yếu …)", "noi_nhan": ["Sở Nội vụ (để b/c)"]})[0][:2]
    (('trich_yeu',), 'còn chỗ cần điền: (trích yếu …)')
    """
    found = ((here, PLACEHOLDER.search(text)) for here, text in _leaves(value) if isinstance(text, str))
    return [(here, f"còn chỗ cần điền: {m.group()}",
             "thay bằng nội dung thật; hoặc thêm `du_thao: true` để dựng bản nháp") for here, m in found if m]


# How long a report's period may run on after its date: a report sent before its period ends gives figures
# estimated to that end (one of the 12th for a quarter ending the 14th; a year's in November, to 31 December).
_ESTIMATED = timedelta(days=92)


def _check_place(doc: VanBan) -> list[Finding]:
    """A date typed into `dia_danh`: the line after the địa danh is printed from `ngay`."""
    if not punctuation.dated(doc.dia_danh):
        return []
    return [(("dia_danh",), f"địa danh `{doc.dia_danh}` có cả ngày tháng",
             f"ghi `dia_danh: {punctuation.place(doc.dia_danh)}`, ngày ở khóa ngay, ví dụ `ngay: 2022-01-05`")]


def _check_report(doc: VanBan) -> list[Finding]:
    out: list[Finding] = []
    period = doc.ky_bao_cao
    if period is not None:
        for key, day in (("tu", period.tu), ("den", period.den)):
            if not day.complete:
                out.append((("ky_bao_cao", key), "kỳ báo cáo cần ngày đầy đủ", f"viết {key}: 2021-12-05"))
        if period.tu.complete and period.den.complete and period.tu > period.den:
            out.append((("ky_bao_cao", "den"), "ngày cuối kỳ trước ngày đầu kỳ", "kiểm tra tu và den"))
        end, signed = dates.last_day(period.den), dates.last_day(doc.ngay)
        if period.den.complete and end and signed and end - signed > _ESTIMATED:
            out.append((("ky_bao_cao", "den"), f"ngày cuối kỳ báo cáo ({period.den}) sau ngày ban hành văn bản "
                                                f"({doc.ngay}) hơn {_ESTIMATED.days} ngày",
                        "kỳ báo cáo kết thúc trước ngày ban hành, hoặc ít tuần sau khi số liệu được ước đến cuối kỳ; "
                        "xa hơn thường là gõ nhầm năm hoặc tháng: sửa ky_bao_cao.den hoặc ngay"))
    if doc.ke_hoach is None:
        for key in ("ket_qua", "phu_luc_ket_qua"):
            if getattr(doc, key):
                out.append(((key,), "cần `ke_hoach`: kế hoạch mà báo cáo trả lời, để đối chiếu mã nhiệm vụ",
                            "thêm ke_hoach: ke-hoach-cchc-2021.yaml (đường dẫn tính từ thư mục của tệp này)"))
    return out


def _check_tables(tables: list[tuple[Path_, BangSo]], known: Presets) -> list[Finding]:
    out: list[Finding] = []
    seen: dict[str, Path_] = {}  # each row's `ma`, unique across the tables: where it was first used
    for here, pl in tables:
        if isinstance(pl.cot, str):  # validate() has replaced the name of a known preset by its columns
            out.append((here + ("cot",), *unknown_preset(pl.cot, known)))
            continue
        columns = pl.cot
        keys = [c.khoa for c in columns]
        found, summed = _check_columns(pl, columns, keys)
        out.extend((here + at, message, hint) for at, message, hint in found)
        numeric = pl.number_keys(columns)
        rows: list[tuple[Path_, dict[str, Any]]] = [(("dong", r), row) for r, row in enumerate(pl.dong)]
        rows += [(("nhom", g, "dong", r), row) for g, grp in enumerate(pl.nhom) for r, row in enumerate(grp.dong)]
        rated = {c.khoa for c in columns if c.ti_le is not None}
        for key in pl.total_keys:
            if key not in rated and any(_typed_rate(row.get(key)) for _, row in rows):
                out.append((here + ("tong_cong",), f"cột `{key}` ghi tỷ lệ: dòng tổng không cộng các tỷ lệ",
                            f"cho cột {key} cách tính: `ti_le: {{tu_so: …, mau_so: …}}` (dòng tổng in tỷ lệ của các "
                            f"tổng), hoặc bỏ {key} khỏi tong_cong"))
        for n, (where, row) in enumerate(rows):
            out.extend((here + where + path, message, hint) for path, message, hint
                       in _check_merges(row, rows[n - 1][1] if where[-1] else None, keys, where[0] == "nhom"))
            out.extend(_check_cells(row, here + where, keys, summed, numeric, seen))
    return out


def _check_columns(pl: BangSo, columns: tuple[Cot, ...], keys: list[str]) -> tuple[list[Finding], set[str]]:
    """What is wrong with a table's columns (a key declared twice, a total of no column or of a text column, a row of
    column numbers of another length), and
    the columns summed: those totalled, and those a rate's total is computed from (`cot[i].ti_le`)."""
    out: list[Finding] = []
    for k in {k for k in keys if keys.count(k) > 1}:
        out.append((("cot",), f"cột `{k}` bị khai báo hai lần", "mỗi khóa cột chỉ dùng một lần"))
    if isinstance(pl.so_cot, tuple) and len(pl.so_cot) != len(columns) + 1:
        out.append((("so_cot",), f"so_cot có {len(pl.so_cot)} nhãn, bảng có {len(columns) + 1} cột (kể cả cột Số TT)",
                    NUMBERS_HINT))
    counted: list[tuple[Path_, str, str | None]] = [(("tong_cong",), k, None) for k in pl.total_keys]
    counted += [(("cot", i, "ti_le"), k, c.khoa) for i, c in enumerate(columns) if c.ti_le for k in c.ti_le.keys]
    for at, total, rate in counted:
        if total not in keys:
            out.append((at, f"không có cột `{total}` để tính tổng", "các cột: " + ", ".join(keys)))
        elif any(c.khoa == total and c.kieu == "chu" for c in columns):
            out.append((at, f"cột `{total}` được cộng nên là cột số, không phải `kieu: chu`",
                        f"bỏ `kieu: chu` của cột {total}, hoặc bỏ " + (f"`ti_le` của cột {rate}" if rate
                                                                     else "tong_cong")))
    return out, {total for _, total, _ in counted}


def _check_cells(row: dict[str, Any], where: Path_, keys: list[str], summed: set[str], numeric: frozenset[str],
                 seen: dict[str, Path_]) -> list[Finding]:
    """What is wrong with the cells of the row at `where`: a summed or number cell that cannot be read, a `ma` not
    text or used before (noted in `seen`), a `so` not text, a key that is no column."""
    out: list[Finding] = []
    for key, value in row.items():
        if key in MERGES and key not in keys:
            continue
        # a number column's text is printed as written ("40 triệu"); only a total must read it
        totalled = key in summed
        if totalled and not isinstance(value, tuple) or key in numeric and isinstance(value, int | float):
            out.extend((where + (key,), msg, hint) for msg, hint in _amount(value, totalled))
        if key == "ma":
            if not isinstance(value, str):
                out.append((where + (key,), "`ma` phải là chuỗi", "ví dụ ma: tt-noi-bo"))
            elif value in seen:
                out.append((where + (key,), f"mã `{value}` đã dùng cho dòng khác",
                            "mỗi dòng một mã riêng (báo cáo dùng mã để liên kết)"))
            else:
                seen[value] = where
        elif key == "so" and "so" not in keys:
            if not isinstance(value, str) or not value.strip():
                out.append((where + (key,), "phải là chuỗi văn bản", 'số thứ tự in nguyên văn, ví dụ so: "5a"'))
        elif key not in keys:
            out.append((where + (key,), f"`{key}` không phải là cột của phụ lục",
                        did_you_mean(key, keys + ["ma", "so", *MERGES], "các cột: " + ", ".join(keys))))
    return out


def _inside(row: dict[str, Any] | None, keys: list[str]) -> set[str]:
    """The columns inside a row's `gop` cell, after its first (whose value the cell prints)."""
    merged = [] if row is None else [k for k in merge_columns(row, keys, "gop") if k in keys]
    return set(keys[keys.index(merged[0]) + 1:keys.index(merged[-1]) + 1]) if len(merged) > 1 else set()


def _check_merges(row: dict[str, Any], above: dict[str, Any] | None, keys: list[str],
                  grouped: bool = False) -> list[Finding]:
    """A row's `gop` (two or more columns in order, the cells inside it empty) and `gop_tren` (columns of the
    cells merged with those of the row `above`, None for the first row of the table or, when `grouped`, of its
    group; empty, not in a `gop` cell). A first row's `gop_tren` is one mistake, said once."""
    out: list[Finding] = []
    merged = merge_columns(row, keys, "gop")
    for key, columns in (("gop", merged), ("gop_tren", merge_columns(row, keys, "gop_tren"))):
        for i, k in enumerate(columns):
            if k not in keys:
                out.append(((key, i), f"`{k}` không phải là cột của phụ lục",
                            did_you_mean(k, keys, "các cột: " + ", ".join(keys))))
    if out:
        return out
    order = [keys.index(k) for k in merged]
    if merged and (len(merged) < 2 or order != sorted(set(order))):
        out.append((("gop",), "`gop` cần hai cột trở lên của bảng, theo thứ tự các cột",
                    "ví dụ gop: [thoi_gian, kinh_phi]: một ô từ cột thoi_gian đến hết cột kinh_phi"))
        return out
    inside = _inside(row, keys)
    out += [((k,), f"ô `{k}` nằm trong ô gộp: phải để trống", f"ghi chữ của ô gộp ở cột đầu `{merged[0]}`")
            for k in keys if k in inside and row.get(k) is not None]
    below = merge_columns(row, keys, "gop_tren")
    if below and above is None:
        out.append((("gop_tren",), "dòng đầu của nhóm không có ô trên để gộp",
                    "bỏ gop_tren ở dòng này; dòng nhóm ngắt các ô gộp dọc") if grouped else
                   (("gop_tren",), "dòng đầu của bảng không có ô trên để gộp", "bỏ gop_tren ở dòng này"))
        return out
    for k in below:
        if row.get(k) is not None:
            out.append(((k,), f"ô `{k}` nằm trong ô gộp: phải để trống",
                        "ô gộp với ô dòng trên in chữ của ô dòng trên"))
        elif k in merged or k in inside or k in _inside(above, keys) or above and k in merge_columns(above, keys,
                                                                                                        "gop"):
            out.append((("gop_tren",), f"ô `{k}` nằm trong ô gộp: phải để trống",
                        "một ô gộp ngang không gộp dọc được: bỏ cột này khỏi gop_tren"))
    return out


def _typed_rate(value: Any) -> bool:
    """Whether a cell is a rate as typed (`78,7%`), which a total row cannot add up."""
    return isinstance(value, str) and numbers.is_rate(value)


def _amount(value: str | numbers.Number, totalled: bool) -> list[tuple[str, str]]:
    """What is wrong with a number column's cell: a number that could be misread, or too large to print."""
    try:
        number = numbers.read(value)
    except Unclear as exc:
        return [(exc.message + " để cộng vào dòng tổng" if totalled else exc.message, exc.hint)]
    except ValueError:
        return [(numbers.TOO_LARGE, "kiểm tra lại số")]
    if number is not None and not numbers.printable(number):
        return [(numbers.TOO_LARGE + " hoặc không hữu hạn", "kiểm tra lại số")]
    return []


def _check_parts(parts: tuple[Muc, ...], path: Path_, depth: int, levels: numbering.Scheme,
                 deepest: int) -> list[Finding]:
    out: list[Finding] = []
    for i, part in enumerate(parts):
        here = path + (i,)
        if depth > deepest and part.so is not False:
            scheme = " → ".join(level.style for level in levels)
            out.append((here, f"phần nội dung lồng quá {bang_chu(deepest, viet_hoa=False)} cấp ({scheme})",
                        "dùng đoạn gạch đầu dòng `- ` / `+ ` trong doan, đặt `so: false`, "
                        "hoặc chọn thêm cấp trong danh_so.cap"))
        if part.tieu_de is None and not part.doan and not part.muc:
            out.append((here, "phần nội dung trống", "thêm tieu_de, doan hoặc muc"))
        elif part.tieu_de is None and part.so is not False and numbering.level(levels, depth - 1).style == "I.":
            out.append((here, "đoạn văn không có đề mục được đánh số I., II. … như một đề mục in hoa",
                        "thêm tieu_de, đặt `so: false` (đoạn không đánh số) hoặc đưa đoạn vào muc của phần trước"))
        out.extend(_check_parts(part.muc, here + ("muc",), depth + 1, child_levels(levels, depth - 1, part), deepest))
    return out


def _check_ky_hieu(doc: VanBan) -> list[Finding]:
    """The ký hiệu printed after `Số:` keeps the decree's form (as `check` reads it), blamed on the key that
    made it: `ky_hieu` when given, else the part of it (co_quan.viet_tat, don_vi_soan) that breaks the form."""
    sign, abbr = citations.ky_hieu(doc), doc.type.abbr
    faults = citations.ky_hieu_faults(sign, abbr)
    if not faults or PLACEHOLDER.search(sign):  # a blank a draft leaves to fill (its own problem otherwise)
        return []
    rest = sign.partition("-")[2]
    key: Path_ = ("ky_hieu",)
    fixed = f"{abbr}-{rest.upper()}" if abbr and rest else sign.upper()
    if not doc.ky_hieu:
        slots = ((("co_quan", "viet_tat"), doc.co_quan.viet_tat), (("don_vi_soan",), doc.don_vi_soan))
        key, part = next(((k, v) for k, v in slots if v and citations.ky_hieu_faults(v)), slots[0])
        fixed = (part or "").upper()
    said = {
        "form": (f"ký hiệu `{sign}` có khoảng trắng hoặc dấu `/`",
                 "viết liền, các phần nối bằng dấu `-`: " + citations.joined(fixed)),
        "year": (f"ký hiệu `{sign}` có năm", "bỏ năm (ngày ban hành đã có năm): ký hiệu gồm chữ viết tắt tên loại "
                 "văn bản và tên cơ quan, ví dụ KH-UBND"),
        "type": (f"ký hiệu `{sign}` phải bắt đầu bằng {abbr} ({doc.type.name})",
                 f"viết {fixed}" if rest else f"viết {abbr}-<chữ viết tắt tên cơ quan>, hoặc bỏ ky_hieu để dùng "
                 f"{abbr}-<co_quan.viet_tat>"),
        "case": (f"ký hiệu `{sign}` có chữ thường", f"viết {fixed}")}
    return [(key, *said[fault]) for fault in faults]


def _check_signers(doc: VanBan) -> list[Finding]:
    """Each signer block: a title (a biên bản's role stands for one), nothing the decree forbids, and a role
    only where two sign side by side."""
    out: list[Finding] = []
    paired = bool(doc.layout.roles)  # elsewhere, nguoi_cung_ky is refused by _check_layout
    for key in ("nguoi_ky", "nguoi_cung_ky") if paired else ("nguoi_ky",):
        signer = getattr(doc, key)
        if signer is None:
            continue
        if not paired and not signers.titled(signer):
            out.append(((key,), "thiếu chức vụ người ký", "thêm chuc_vu (và tm/kt/tl/tuq/q nếu ký thay)"))
        if not paired and signer.vai_tro:
            out.append(((key, "vai_tro"), "`vai_tro` chỉ dùng khi hai người ký ngang hàng (biên bản)",
                        "bỏ vai_tro; ghi chức vụ trong chuc_vu"))
        out.extend(((key, field), message, hint) for field, message, hint in signers.faults(signer, own_name=paired))
    return out


def _check_layout(doc: VanBan) -> list[Finding]:
    """The keys that the document's layout needs, and those it has no place for."""
    out: list[Finding] = []
    layout = doc.layout
    for key, owner in decree.ONLY.items():
        if owner != layout.key and getattr(doc, key):
            out.append(((key,), f"khóa `{key}` chỉ dùng cho `loai: {owner}`",
                        f"bỏ khóa này, hoặc đổi thành `loai: {owner}`"))
    for key in layout.without:
        if getattr(doc, key):
            out.append(((key,), f"`loai: {layout.key}` không có phần `{key}`", layout.without_hint))
    if doc.ky_bao_cao is not None and doc.ky_bao_cao.hien_thi and not layout.period:
        out.append((("ky_bao_cao",), f"`loai: {layout.key}` không in dòng kỳ báo cáo",
                    "thêm `hien_thi: false` nếu kỳ báo cáo chỉ dùng trong biểu thức (ky_bao_cao.tu), "
                    "hoặc bỏ ky_bao_cao"))
    for need in layout.requires:
        if not getattr(doc, need.key) and not (need.unless and getattr(doc, need.unless)):
            out.append(((need.key,), need.message, need.hint))
    return out
