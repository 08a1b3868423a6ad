"""A phụ lục table back to the input format: columns (a preset when they match one), groups, rows, total."""

from __future__ import annotations

import re
from itertools import combinations
from typing import Any

from .decree import numbering
from .flatten import Para
from .formats import numbers
from .import_body import text_of
from .import_headings import cut
from .presets import PRESETS
from .reader import fold

# A cell of the row numbering the columns: `(1)`, `A`, `3`, `3=1+2`, `(5)=(3)-(4)`.
_NUMBER_CELL = re.compile(r"\(?(?P<head>\d{1,2}|[A-Z])\)?(?:\s*[=+\-*/:].{0,20})?")
_STT = {"SO TT", "STT", "TT", "SO THU TU"}
_CELL_LABEL = re.compile(r"^(?:([IVXLC]{1,6})(\.?)|(\d{1,4})(\.?)|([a-zđ]{1,2})(\)?))$")
_KNOWN = {fold(ten): khoa for cols in PRESETS.values() for khoa, ten, _ in cols}


def cell_label(text: str, with_dd: bool = True) -> tuple[str, str] | None:
    """The label style of a table's label cell and the label: `1.`, `1`, `a)`, `a`, `I.`, `I`.

    >>> cell_label("12."), cell_label("b"), cell_label("IV."), cell_label("II"), cell_label("Nội dung")
    (('1.', '12.'), ('a', 'b'), ('I.', 'IV.'), ('I', 'II'), None)
    """
    m = _CELL_LABEL.match(text.strip())
    if m is None:
        return None
    rom, rom_dot, num, dot, let, paren = m.groups()
    if rom:
        style = "I." if rom_dot else "I"
        n = numbering.forced_number(rom, style)
        return (style, text.strip()) if n and numbering.label(n, style) == text.strip() else None
    if num:
        return ("1." if dot else "1"), text.strip()
    if not any(numbering.letter(k, with_dd) == let for k in range(1, 60)):
        return None
    return ("a)" if paren else "a"), text.strip()


def _cells(paras: list[Para]) -> dict[int, dict[int, list[Para]]]:
    rows: dict[int, dict[int, list[Para]]] = {}
    for p in paras:
        rows.setdefault(p.row or 0, {}).setdefault(p.cell or 0, []).append(p)
    return rows


def _value(paras: list[Para]) -> str | list[str] | None:
    lines = [text_of(p.runs) for p in paras if p.text.strip()]
    return None if not lines else lines[0] if len(lines) == 1 else lines


def _key(name: str, taken: set[str]) -> str:
    f = fold(name)
    key = _KNOWN.get(f) or re.sub(r"[^a-z0-9]+", "_", f.lower()).strip("_")[:30] or "cot"
    key = key if key[0].isalpha() else f"cot_{key}"
    base, n = key, 2
    while key in taken:
        key, n = f"{base}_{n}", n + 1
    taken.add(key)
    return key


def read_table(paras: list[Para], with_dd: bool = True) -> tuple[dict[str, Any], list[str]]:
    """The columns, groups and rows of one table's paragraphs, and the cells it could not place (as their text)."""
    rows = _cells(paras)
    order = sorted(rows)
    headings, widths, heading = _header(rows, order)
    grid = len(headings)
    so_cot = _column_numbers(rows[order[heading]], grid) if heading < len(order) else None
    heading += so_cot is not None
    numbered = bool(headings) and fold(" - ".join(headings[0])) in _STT
    cot, keys = _columns(headings[1 if numbered else 0:], widths[1 if numbered else 0:])
    groups: list[dict[str, Any]] = []
    loose: list[dict[str, Any]] = []
    styles: dict[str, str] = {}
    totalled: list[str] = []  # the columns the total row sums
    rates: dict[str, dict[str, Any]] = {}  # the rate columns of the total row, with what each is computed from
    lost: list[str] = []
    for r in order[heading:]:
        cells = rows[r]
        texts = ["".join(p.text for p in cells[c]).strip() for c in sorted(cells)]
        if any(fold(t).startswith("TONG CONG") for t in texts):
            shift = grid - len(cells) - (1 if numbered else 0)
            totalled = _totalled(texts, keys, shift)
            rates = _rates(texts, keys, shift, totalled)
            continue
        layout = _group_layout(cells, texts, grid, numbered, with_dd)
        if layout:
            group, style = _group(cells, texts, layout, with_dd)
            styles.setdefault("nhom", style)
            groups.append(group)
            continue
        label = cell_label(texts[0], with_dd) if numbered else None
        row = _row(cells, keys, numbered, lost)
        if label:
            styles.setdefault(f"dong{len(groups)}", label[0])
            if groups and not groups[-1]["dong"]:
                groups[-1]["_first"] = label[1]
        (groups[-1]["dong"] if groups else loose).append(row)
    rows_all = [*loose, *(row for g in groups for row in g["dong"])]
    for key in totalled:
        _as_numbers(rows_all, key)
    for row in rows_all:  # a row's rate its own cells give is left out, as the input computes it (Cot.ti_le)
        for key in [k for k, rate in rates.items() if k in row and _rate_of(row, rate) == row[k]]:
            del row[key]
    danh_so, layout = _numbering(styles, groups)
    if isinstance(cot, list):  # not a preset's name
        cot = [{**c, "ti_le": rates[c["khoa"]]} if c["khoa"] in rates else c for c in cot]
    out: dict[str, Any] = {"cot": cot, "danh_so": danh_so}
    if totalled:  # True: the kinh_phi column's; one key alone; else the list
        out["tong_cong"] = True if totalled == ["kinh_phi"] else totalled[0] if len(totalled) == 1 else totalled
    if so_cot is not None:
        out["so_cot"] = so_cot
    if groups:
        out["nhom"] = _groups(groups, danh_so["nhom"], styles, danh_so["dong"], with_dd, layout)
    if loose:
        out["dong"] = loose
    return out, lost


def _columns(headings: list[list[str]], widths: list[int]) -> tuple[str | list[dict[str, Any]], list[str]]:
    """A table's `cot` from the header cells over each column and its width, and the columns' keys: the name of the
    preset whose columns these are, else each column's key, name, shared heading and relative width."""
    names = [n[-1] if n else "" for n in headings]  # a column's own name: the last header cell over it
    shared = [" - ".join(n[:-1]) for n in headings]  # the cells above it, shared with its neighbours (chung)
    preset = next((name for name, cols in PRESETS.items() if [t for _, t, _ in cols] == names), None)
    if preset and not any(shared):
        return preset, [k for k, _, _ in PRESETS[preset]]
    taken: set[str] = set()
    keys = [_key(n, taken) for n in names]
    total = sum(widths)
    return [{"khoa": k, "ten": n, **({"chung": c} if c else {}), "rong": max(1, round(w / total * 20))}
            for k, n, c, w in zip(keys, names, shared, widths, strict=True)], keys


def _group(cells: dict[int, list[Para]], texts: list[str], layout: str, with_dd: bool) -> tuple[dict[str, Any], str]:
    """A group's row (`layout`: `gop`, its name across the row, or `stt`, beside its label): the group, and the
    style of its label ("" when it has none)."""
    name_cell = cells[sorted(cells)[0 if layout == "gop" else 1]]
    found = cell_label(texts[0], with_dd) if layout != "gop" else None
    runs = [run for q in name_cell for run in q.runs]
    if len(cells) == 1:
        parsed = numbering.parse_label(texts[0], with_dd)
        found = (parsed[0], parsed[1]) if parsed else cell_label((texts[0].split() or [""])[0], with_dd)
        found = found if parsed or found and found[0] == "I" else None  # `I CẤP XÃ`: style `I` in one cell
        if found:
            runs = _strip_label(name_cell, found[1])
    group: dict[str, Any] = {"ten": text_of(runs, plain_bold=True), "_label": found[1] if found else None,
                             "_o": layout, "dong": []}
    return group, found[0] if found else ""


def _row(cells: dict[int, list[Para]], keys: list[str], numbered: bool, lost: list[str]) -> dict[str, Any]:
    """A data row: each cell's value under its column's key, its merged cells as `gop` and `gop_tren`; the text of
    cells past the last column is added to `lost`."""
    row: dict[str, Any] = {}
    merges: dict[str, list[str]] = {"gop": [], "gop_tren": []}
    col = -1 if numbered else 0  # the grid column of each cell, counted from the first data column
    for c in sorted(cells):
        first, span = cells[c][0], cells[c][0].span
        at, col = col, col + span
        if at < 0:
            continue
        if at >= len(keys):
            value = _value(cells[c])
            if value:
                lost.append(value if isinstance(value, str) else " / ".join(value))
            continue
        if first.merged:
            merges["gop_tren"].append(keys[at])
        elif (value := _value(cells[c])) is not None:
            row[keys[at]] = value
        if span > 1:
            merges["gop"] = keys[at:at + span]
    row.update((k, v) for k, v in merges.items() if v and k not in keys)
    return row


def _numbering(styles: dict[str, str], groups: list[dict[str, Any]]) -> tuple[dict[str, Any], str | None]:
    """The table's `danh_so` (its groups' label style, its rows' most common one, how group names stand when not
    as their style's default, whether the rows' numbers run on across groups), and its groups' most common layout."""
    row_styles = [v for k, v in styles.items() if k.startswith("dong")]
    common = max(row_styles, key=row_styles.count) if row_styles else "1."
    danh_so: dict[str, Any] = {"nhom": styles.get("nhom", "1.") or "none", "dong": common}
    layouts = [g["_o"] for g in groups]
    layout = max(layouts, key=layouts.count) if layouts else None
    if layout and layout != ("gop" if danh_so["nhom"] == "I." else "stt"):
        danh_so["nhom_o"] = layout
    if _run_on(groups, common):
        danh_so["lien_tuc"] = True
    return danh_so, layout


def _header(rows: dict[int, dict[int, list[Para]]], order: list[int]) -> tuple[list[list[str]], list[int], int]:
    """The header cells over each grid column, top to bottom, its width, and how many rows the header takes: the
    first row and those merged into it from below (a header of two rows, `Thực hiện` over `Chủ trì` and
    `Thời gian`); no data row merges into the header."""
    count = 1
    while count < len(order) and any(cell[0].merged for cell in rows[order[count]].values()):
        count += 1
    names: list[list[str]] = []
    widths: list[int] = []
    for r in order[:count]:
        col = 0
        for c in sorted(rows[r]):
            cell = rows[r][c]
            span = max(cell[0].span, 1)
            text = " ".join(text_of(p.runs, plain_bold=True) for p in cell if p.text.strip())
            for g in range(col, col + span):
                if g == len(names):
                    names.append([])
                    widths.append(0)
                if text and text not in names[g]:
                    names[g].append(text)
                if span == 1 or not widths[g]:
                    widths[g] = max(cell[0].room // span, 1)
            col += span
    return names, widths, count


def _column_numbers(cells: dict[int, list[Para]], grid: int) -> bool | list[str] | None:
    """The labels of a row numbering the columns under the header (`so_cot`): true for `(1)`, `(2)` … over every
    column, else as printed (`A`, `B`, `1`, `2`, `3=1+2`: letters from A, then figures from 1); None when the row is
    no such row (a cell spanning columns, one empty, or labels out of that order)."""
    texts = ["".join(p.text for p in cells[c]).strip() for c in sorted(cells)]
    found = [_NUMBER_CELL.fullmatch(t) for t in texts]
    if len(texts) != grid or not all(found):
        return None
    heads = [m["head"] for m in found if m is not None]
    letters = [h for h in heads if h.isalpha()]
    figures = heads[len(letters):]
    if letters != [chr(ord("A") + i) for i in range(len(letters))] or figures != [str(n) for n in
                                                                                    range(1, len(figures) + 1)]:
        return None
    return True if texts == [f"({n})" for n in range(1, grid + 1)] else texts


def _totalled(texts: list[str], keys: list[str], shift: int) -> list[str]:
    """The columns a total row sums (`shift`: the grid columns its merged label cell spans past one): each whose
    cell holds a sum; kinh_phi when no cell is filled. A rate (`96,5%`) is no sum: a row of rates alone sums none,
    as what they are computed from is not known."""
    filled = _total_cells(texts, keys, shift)
    return [key for key, text in filled.items() if not _shows_rate(text)] if filled else ["kinh_phi"]


def _total_cells(texts: list[str], keys: list[str], shift: int) -> dict[str, str]:
    """The filled cells of a total row by their column's key (`shift` as in _totalled), its label cell left out."""
    return {keys[at]: t for i, t in enumerate(texts) if i and t and 0 <= (at := i + shift) < len(keys)}


def _shows_rate(text: str) -> bool:
    """Whether a total row's cell shows a rate: it ends in `%`. Looser than numbers.is_rate (the whole value a rate),
    as a document's total cell may carry words (`đạt 96,5%`) and is no sum of its column either way."""
    return text.rstrip().endswith("%")


def _rates(texts: list[str], keys: list[str], shift: int, totalled: list[str]) -> dict[str, dict[str, Any]]:
    """The rate columns of a total row (`99,87%`), each with what it is computed from (`ti_le`): the one choice of
    totalled columns, some over another, whose totals give the rate printed, at the decimals printed or more;
    none when no choice does, or more than one (what it was computed from is not known)."""
    cells = _total_cells(texts, keys, shift)
    sums = {k: n for k in totalled if (n := numbers.printed_amount(cells.get(k, ""))) is not None}
    out: dict[str, dict[str, Any]] = {}
    for key, text in cells.items():
        if not numbers.is_rate(text):
            continue
        printed = len(text.strip().rstrip("%").strip().partition(",")[2])  # the decimals printed
        tried = sorted(range(printed, 4), key=lambda d: d != 1)  # the default so_le, 1, first
        choices = [(tu_so, mau_so) for mau_so in sums for size in range(1, len(sums))
                   for tu_so in combinations(sums, size) if mau_so not in tu_so]
        found = [rate for rate in (next((r for r in (_ti_le(*choice, d) for d in tried) if _rate_of(sums, r) == text),
                                        None) for choice in choices) if rate is not None]
        if len(found) == 1:
            out[key] = found[0]
    return out


def _ti_le(tu_so: tuple[str, ...], mau_so: str, so_le: int) -> dict[str, Any]:
    """A column's `ti_le` as written in the input format (`so_le` left out at its default, 1)."""
    return {"tu_so": list(tu_so) if len(tu_so) > 1 else tu_so[0], "mau_so": mau_so,
            **({"so_le": so_le} if so_le != 1 else {})}


def _rate_of(values: dict[str, Any], rate: dict[str, Any]) -> str | None:
    """The rate `rate` (a `ti_le`) prints from `values` (a row's cells, or the total row's), None when one of them
    is no number."""
    tu_so = rate["tu_so"] if isinstance(rate["tu_so"], list) else [rate["tu_so"]]
    found = [n for k in (*tu_so, rate["mau_so"]) if (n := numbers.printed_amount(str(values.get(k, "")))) is not None]
    if len(found) <= len(tu_so):
        return None
    *part, whole = found
    return numbers.ti_le(numbers.total(part), whole, rate.get("so_le", 1))


def _as_numbers(rows: list[dict[str, Any]], key: str) -> None:
    """Amounts of the totalled column written as whole thousands (`12.000`, `-1.500`) become that number (as text
    they would read two ways); others (`12.000 đồng`, `1.234,5`) are kept as written."""
    for row in rows:
        value = row.get(key)
        if isinstance(value, str) and (number := numbers.thousands(value)) is not None:
            row[key] = number


def _strip_label(cell: list[Para], label: str) -> list:
    first = next(p for p in cell if p.text.strip())
    return cut(first.runs, len(first.text) - len(first.text.lstrip()) + len(label))


def _run_on(groups: list[dict[str, Any]], style: str) -> bool:
    """Whether the rows are numbered on across groups (`lien_tuc`): each group's first row goes on from the
    rows before it, and some group's from rows of an earlier group."""
    counted, seen = 0, False
    for grp in groups:
        first = grp.pop("_first", None)
        if grp["dong"]:
            if first is None or numbering.forced_number(first, style) != counted + 1:
                return False
            seen = seen or counted > 0
            counted += len(grp["dong"])
    return seen


def _group_layout(cells: dict[int, list[Para]], texts: list[str], width: int, numbered: bool,
                  with_dd: bool) -> str | None:
    """How a row is laid out when it is a group's: `gop` one cell across the row, `stt` the label and the name
    across the rest, `tung_o` the label, the name (bold) in the next cell and the others empty; else None."""
    if len(cells) == 1 and width > 1:
        return "gop"
    if len(cells) == 2 and len(cells) < width:
        return "stt"
    name = cells[sorted(cells)[1]] if len(cells) > 1 else []
    bold = any(p.text.strip() for p in name) and all(r.bold for p in name for r in p.runs if r.text.strip())
    if numbered and bold and not any(texts[2:]) and (not texts[0] or cell_label(texts[0], with_dd)):
        return "tung_o"
    return None


def _groups(groups: list[dict[str, Any]], style: str, styles: dict[str, str], rows: str,
            with_dd: bool, layout: str | None) -> list[dict[str, Any]]:
    marks: list[str | None] = []
    out = []
    style = "" if style == "none" else style
    for n, grp in enumerate(groups, start=1):
        label = grp.pop("_label")
        marks.append(None)
        if style and label and numbering.labels(marks, style, with_dd)[-1] != label:
            marks[-1] = label.rstrip(".")
        item: dict[str, Any] = {"ten": grp["ten"]}
        if (own := grp.pop("_o")) != layout:
            item["nhom_o"] = own
        if marks[-1] is not None:
            item["so"] = marks[-1]
        own = styles.get(f"dong{n}")
        if own and own != rows:
            item["danh_so"] = own
        item["dong"] = grp["dong"]
        out.append(item)
    return out
