"""A document's body paragraphs back to the content tree: labels become parts and numbering, emphasis becomes markup."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .decree import numbering
from .flatten import Para, Run
from .import_headings import heading
from .markup import marked, plain_text


def text_of(runs: list[Run] | tuple[Run, ...], plain_bold: bool = False) -> str:
    """The runs as one line of markup; emphasis every visible run shares is the element's own and is left out
    (and so is bold when `plain_bold`)."""
    runs = [r for r in runs if r.text]
    visible = [r for r in runs if r.text.strip()]
    bold = plain_bold or (bool(visible) and all(r.bold for r in visible))
    italic = bool(visible) and all(r.italic for r in visible)
    text = marked((r.text.replace("\n", " ").replace("\t", " "), r.bold and not bold, r.italic and not italic)
                  for r in runs)
    return " ".join(text.split())


@dataclass
class _Node:
    style: str
    printed: str
    tieu_de: str | None = None
    cung_dong: bool = False
    doan: list[Any] = field(default_factory=list)
    muc: list[_Node] = field(default_factory=list)


@dataclass
class Body:
    """A body read back: what stands before the first label, the numbered parts, the closing paragraphs."""

    lead: list[Para]
    parts: list[dict[str, Any]]
    closing: list[str]
    with_dd: bool
    cap: list[str]  # the label style of each depth when they are not the decree's (`danh_so.cap`), else empty
    stray: list[list[Para]]  # tables with no part to hold them


Table = Callable[[list[Para]], dict[str, Any]]  # a table's paragraphs → its `bang` mapping


def read_body(items: list[Para | list[Para]], scheme: numbering.Scheme, table: Table, closing: bool = True) -> Body:
    """The content tree of the body's paragraphs and tables (a list of a table's paragraphs), numbered with
    `scheme`; with `closing`, a last unlabelled paragraph ending with `/.` after the numbered parts is the
    closing paragraph (kết thúc). A table before the first part has no place: it is left in `stray`.

    Inside a part, bullets (`- `, `+ `) and labels printed without their mark (`1 `, `a `) are parts of those
    styles when every depth then keeps one style and such labels run in order; else they stay text."""
    paras = [p for p in items if isinstance(p, Para)]
    with_dd = _with_dd(paras)
    made: dict[int, dict[str, Any]] = {}

    def once(rows: list[Para]) -> dict[str, Any]:  # a table is read once, whichever reading keeps it
        if id(rows) not in made:
            made[id(rows)] = table(rows)
        return made[id(rows)]

    for loose in _LOOSE:
        lead, stray, roots, stack, used = _tree(items, once, with_dd, loose)
        if not used or _regular(roots, with_dd):
            break
    ending: list[str] = []
    last = stack[-1] if stack else None  # its first paragraph stays its own: the label's, or the run-in title's
    if closing and roots and last and len(last.doan) > (0 if last.tieu_de and not last.cung_dong else 1) \
            and isinstance(last.doan[-1], str) and last.doan[-1].rstrip().endswith("/."):
        ending.append(last.doan.pop())
    cap = _cap(roots, scheme)
    return Body(lead, _dicts(roots, numbering.chosen(scheme, cap), 0, with_dd, (), {}), ending, with_dd, cap, stray)


# Styles a line may open with beyond the decree's labels, tried in turn: bullets and unmarked labels, bullets, none.
_LOOSE: tuple[frozenset[str], ...] = (frozenset({"-", "+", "1", "a"}), frozenset({"-", "+"}), frozenset())
_LOOSE_LABEL = re.compile(r"^([-+]|\d{1,3}|[a-zđ]{1,2})\s+(?=\S)")


def _loose_label(text: str, with_dd: bool, styles: frozenset[str]) -> tuple[str, str, int] | None:
    """A bullet or a label without its mark that `text` opens with, as `numbering.parse_label` gives a label.

    >>> _loose_label("- Đăng ký;", True, _LOOSE[0]), _loose_label("2 Hai là", True, _LOOSE[0])
    (('-', '-', 0), ('1', '2', 2))
    >>> _loose_label("đ Năm là", True, _LOOSE[0]), _loose_label("2 Hai là", True, _LOOSE[1])
    (('a', 'đ', 5), None)
    """
    m = _LOOSE_LABEL.match(text)
    if m is None:
        return None
    core = m.group(1)
    if core in ("-", "+"):
        found = (core, core, 0)
    elif core.isdigit():
        found = ("1", core, int(core))
    else:
        n = next((k for k in range(1, 600) if numbering.letter(k, with_dd) == core), 0)
        found = ("a", core, n)
    return found if found[0] in styles and (found[2] or core in ("-", "+")) else None


def _regular(roots: list[_Node], with_dd: bool) -> bool:
    """Every depth in one style, and labels printed without their mark in order under each part."""
    level = roots
    while level:
        if len({n.style for n in level}) > 1:
            return False
        level = [child for n in level for child in n.muc]

    def in_order(nodes: list[_Node]) -> bool:
        style = nodes[0].style
        if style in ("1", "a") and [n.printed for n in nodes] != numbering.labels([None] * len(nodes), style, with_dd):
            return False
        return all(in_order(n.muc) for n in nodes if n.muc)

    return not roots or in_order(roots)


def _tree(items: list[Para | list[Para]], table: Table, with_dd: bool, loose: frozenset[str]) \
        -> tuple[list[Para], list[list[Para]], list[_Node], list[_Node], bool]:
    """The parts of the body (lead paragraphs, stray tables, the roots, the open parts at its end), and whether a
    `loose` style made one."""
    lead: list[Para] = []
    stray: list[list[Para]] = []
    roots: list[_Node] = []
    stack: list[_Node] = []
    used = False
    for p in items:
        if not isinstance(p, Para):
            if stack:
                stack[-1].doan.append(_captioned(stack[-1].doan, table(p)))
            else:
                stray.append(p)
            continue
        found = numbering.parse_label(p.text.strip(), with_dd)
        if found is None and stack and loose:
            found = _loose_label(p.text.strip(), with_dd, loose)
            used = used or found is not None
        styles = [n.style for n in stack]
        if found is not None and found[0] not in styles and len(stack) >= _DEEPEST:
            found = None  # deeper than any numbering: kept as written
        if found is None:
            if stack and stack[-1].style in numbering.CHAPTERS and stack[-1].tieu_de is None:
                stack[-1].tieu_de = text_of(p.runs, plain_bold=True)  # the line under "Chương I": its title
            elif stack:
                stack[-1].doan.append(text_of(p.runs))
            else:
                lead.append(p)
            continue
        style, printed, _ = found
        if style in styles:
            del stack[styles.index(style):]
        head = heading(p.runs, len(p.text) - len(p.text.lstrip()) + len(printed))
        node = _Node(style, printed, cung_dong=head.run_in)
        if head.title is not None:
            node.tieu_de = text_of(head.title, plain_bold=True)
        if head.text:
            node.doan.append(text_of(head.text))
        (stack[-1].muc if stack else roots).append(node)
        stack.append(node)
    return lead, stray, roots, stack, used


def _captioned(doan: list[Any], bang: dict[str, Any]) -> dict[str, Any]:
    """The table as a `bang` block, taking the caption (`Bảng …`) and unit line (`Đơn vị tính: …`) printed above it."""
    found: dict[str, Any] = {}
    for key, opening in (("don_vi", "ĐƠN VỊ"), ("ten", "BẢNG ")):
        if doan and isinstance(doan[-1], str) and plain_text(doan[-1]).upper().startswith(opening):
            found[key] = plain_text(doan.pop())
    return {"bang": {**dict(sorted(found.items(), reverse=True)), **bang}}


_DEEPEST = 6


def _cap(roots: list[_Node], scheme: numbering.Scheme) -> list[str]:
    """The style each depth's first part has, when they differ from `scheme` or go deeper than the decree's levels."""
    styles: list[str] = []
    level = roots
    while level:
        sections = [n for n in level if n.style == "Mục"] if styles[-1:] == ["Chương"] else []
        if sections:  # Chương divided into Mục beside Chương holding Điều directly: their Điều are one depth down
            styles.append("Mục")
            level = [child for n in sections for child in n.muc] + [n for n in level if n.style != "Mục"]
            continue
        styles.append(level[0].style)
        level = [child for n in level for child in n.muc]  # every part of the next depth, whichever holds it
    default = [numbering.level(scheme, d).style for d in range(len(styles))]
    if styles == default and len(styles) <= numbering.MAX_DEPTH:
        return []
    return styles if all(s in numbering.BODY_STYLES for s in styles) else []


def _with_dd(paras: list[Para]) -> bool:
    """False when the letters run `d)` then `e)`: the document skips `đ`."""
    previous = None
    for p in paras:
        head = p.text.strip()[:3]
        if head.startswith("e)") and previous == "d)":
            return False
        if head[:2] in ("d)", "đ)"):
            previous = head[:2]
        elif numbering.parse_label(p.text.strip()) is not None:
            previous = None
    return True


def _dicts(nodes: list[_Node], scheme: numbering.Scheme, depth: int, with_dd: bool,
           outer: numbering.Counters, run_on: dict[str, int]) -> list[dict[str, Any]]:
    """The parts as input-format mappings; a label other than the one numbering would print is forced (`so`);
    `run_on` as in `numbering.numbered_on` (the Điều numbered on across Chương)."""
    style = numbering.level(scheme, depth).style
    if style == "Mục" and not any(n.style == "Mục" for n in nodes):  # a Chương of Điều alone (model.child_levels)
        scheme = (*scheme[:depth], *scheme[depth + 1:])
        style = numbering.level(scheme, depth).style
    marks: list[str | None] = []
    count = numbering.start(style, run_on)
    for node in nodes:  # numbering counts on from the marks so far: one pass over the siblings
        mark = None
        if numbering.label(count + 1, style, with_dd, outer) != node.printed:
            core = node.printed[:-1] if node.printed.endswith(numbering.STYLES[style].suffix or "\0") \
                and node.style != "Điều" else node.printed
            if numbering.forced_label(core, style) == node.printed:
                mark = core
        marks.append(mark)
        count = numbering.step(count, mark, style)
    out = []
    counted = numbering.numbered_on(marks, style, run_on, with_dd, outer)
    for node, mark, (_, n) in zip(nodes, marks, counted, strict=True):
        item: dict[str, Any] = {}
        if mark is not None:
            item["so"] = mark
        if node.tieu_de is not None:
            item["tieu_de"] = node.tieu_de
        if node.cung_dong:
            item["cung_dong"] = True
        if node.doan:
            item["doan"] = node.doan[0] if len(node.doan) == 1 and isinstance(node.doan[0], str) else list(node.doan)
        if node.muc:
            item["muc"] = _dicts(node.muc, scheme, depth + 1, with_dd, (*outer, n or 0), run_on)
        out.append(item)
    return out
