"""A document's body paragraphs back to the content tree: labels become parts and numbering, emphasis becomes markup."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from .decree import numbering
from .flatten import Para, Run
from .markup import marked, plain_text


def cut(runs: tuple[Run, ...] | list[Run], n: int) -> list[Run]:
    """The runs without their first `n` characters and the spaces after them."""
    out: list[Run] = []
    for run in runs:
        if n >= len(run.text):
            n -= len(run.text)
            continue
        text = run.text[n:]
        n = 0
        if not out:
            text = text.lstrip()
            if not text:
                continue
        out.append(replace(run, text=text))
    return out


def text_of(runs: list[Run] | tuple[Run, ...], plain_bold: bool = False, plain_italic: bool = False) -> str:
    """The runs as one line of markup; emphasis every visible run shares is the element's own and is left out
    (and so is bold when `plain_bold`, italic when `plain_italic`)."""
    runs = [r for r in runs if r.text]
    visible = [r for r in runs if r.text.strip()]
    bold = plain_bold or (bool(visible) and all(r.bold for r in visible))
    italic = plain_italic or (bool(visible) and all(r.italic for r in visible))
    text = marked((r.text.replace("\n", " ").replace("\t", " "), r.bold and not bold, r.italic and not italic)
                  for r in runs)
    return " ".join(text.split())


@dataclass
class _Node:
    style: str
    printed: str
    tieu_de: str | None = None
    doan: list[Any] = field(default_factory=list)
    muc: list[_Node] = field(default_factory=list)


def _titled(runs: list[Run], text: str) -> bool:
    """A heading: its text is all bold, or a short upper-case line."""
    visible = [r for r in runs if r.text.strip()]
    if not visible or text.endswith(("./.", ";", ",")) or len(text) > 300:
        return False
    letters = [c for c in text if c.isalpha()]
    return all(r.bold for r in visible) or (len(text) < 200 and bool(letters) and all(c.isupper() for c in letters))


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
    closing paragraph (kết thúc). A table before the first part has no place: it is left in `stray`."""
    paras = [p for p in items if isinstance(p, Para)]
    with_dd = _with_dd(paras)
    lead: list[Para] = []
    stray: list[list[Para]] = []
    roots: list[_Node] = []
    stack: list[_Node] = []
    for p in items:
        if not isinstance(p, Para):
            if stack:
                stack[-1].doan.append(_captioned(stack[-1].doan, table(p)))
            else:
                stray.append(p)
            continue
        found = numbering.parse_label(p.text.strip(), with_dd)
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
        node = _Node(style, printed)
        rest = cut(p.runs, len(p.text) - len(p.text.lstrip()) + len(printed))
        rest_text = "".join(r.text for r in rest).strip()
        if rest_text and _titled(rest, rest_text):
            node.tieu_de = text_of(rest, plain_bold=True)
        elif rest_text:
            node.doan.append(text_of(rest))
        (stack[-1].muc if stack else roots).append(node)
        stack.append(node)
    ending: list[str] = []
    if closing and roots and stack and len(stack[-1].doan) > (0 if stack[-1].tieu_de else 1) \
            and isinstance(stack[-1].doan[-1], str) and stack[-1].doan[-1].rstrip().endswith("/."):
        ending.append(stack[-1].doan.pop())
    cap = _cap(roots, scheme)
    return Body(lead, _dicts(roots, numbering.chosen(scheme, cap), 0, with_dd, (), {}), ending, with_dd, cap, stray)


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
    `run_on` as in `context.body` (the Điều numbered on across Chương)."""
    style = numbering.level(scheme, depth).style
    start = run_on.get(style, 0) if style in numbering.RUN_ON else 0
    marks: list[str | None] = []
    for node in nodes:
        marks.append(None)
        if numbering.numbered(marks, style, with_dd, outer, start)[-1][0] != node.printed:
            core = node.printed[:-1] if node.printed.endswith(numbering.STYLES[style].suffix or "\0") \
                and node.style != "Điều" else node.printed
            if numbering.forced_label(core, style) == node.printed:
                marks[-1] = core
    out = []
    counted = numbering.numbered(marks, style, with_dd, outer, start)
    if style in numbering.RUN_ON:
        run_on[style] = max([n for _, n in counted if n is not None], default=start)
    for node, mark, (_, n) in zip(nodes, marks, counted, strict=True):
        item: dict[str, Any] = {}
        if mark is not None:
            item["so"] = mark
        if node.tieu_de is not None:
            item["tieu_de"] = node.tieu_de
        if node.doan:
            item["doan"] = node.doan[0] if len(node.doan) == 1 and isinstance(node.doan[0], str) else list(node.doan)
        if node.muc:
            item["muc"] = _dicts(node.muc, scheme, depth + 1, with_dd, (*outer, n or 0), run_on)
        out.append(item)
    return out
