"""Numbering of the body and tables: label styles (`I.`, `1.`, `a)` in the Vietnamese letter order, `Điều`),
the levels each kind of body uses, and forced labels.

A style formats a label from the counters of every depth down to its own, so that a style may print
its parents' numbers too; a scheme is the tuple of levels one body is numbered with.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

# The Vietnamese alphabet as used for điểm: no f, j, w, z; đ after d.
LETTERS = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
           "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")
LETTERS_NO_DD = tuple(x for x in LETTERS if x != "đ")

_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(n: int) -> str:
    """Upper-case Roman numeral.

    >>> roman(4), roman(9), roman(14)
    ('IV', 'IX', 'XIV')
    """
    out = []
    for value, sign in _ROMAN:
        count, n = divmod(n, value)
        out.append(sign * count)
    return "".join(out)


def letter(n: int, with_dd: bool = True) -> str:
    """The `n`-th letter (1-based); past `y` the sequence goes on as `aa`, `ab` … like a spreadsheet.

    >>> [letter(k) for k in (1, 4, 5, 6, 23, 24, 25)]
    ['a', 'd', 'đ', 'e', 'y', 'aa', 'ab']
    >>> letter(5, with_dd=False)
    'e'
    """
    alphabet = LETTERS if with_dd else LETTERS_NO_DD
    out = ""
    while n > 0:
        n, rest = divmod(n - 1, len(alphabet))
        out = alphabet[rest] + out
    return out


Counters = tuple[int, ...]  # the counters of the enclosing depths, then this one's


class Style(NamedTuple):
    """A label style: how it prints a label from the counters, and what a forced label must end with."""

    fmt: Callable[[Counters, bool], str]
    suffix: str = ""


STYLES: dict[str, Style] = {
    "I.": Style(lambda c, dd: roman(c[-1]) + ".", "."),
    "I": Style(lambda c, dd: roman(c[-1])),  # a table's group label in its STT column (I | CẤP XÃ)
    "1.": Style(lambda c, dd: f"{c[-1]}.", "."),
    "a)": Style(lambda c, dd: letter(c[-1], dd) + ")", ")"),
    "1": Style(lambda c, dd: str(c[-1])),
    "a": Style(lambda c, dd: letter(c[-1], dd)),
    "1.1.": Style(lambda c, dd: ".".join(str(x) for x in c[-2:]) + ".", "."),  # composed from the parent's counter
    "1.1.1.": Style(lambda c, dd: ".".join(str(x) for x in c[-3:]) + ".", "."),
    "-": Style(lambda c, dd: "-"),  # bullets: the same mark for every item
    "+": Style(lambda c, dd: "+"),
    "Điều": Style(lambda c, dd: f"Điều {c[-1]}.", "."),
    "Phần": Style(lambda c, dd: f"Phần {roman(c[-1])}"),  # on a line of its own, its title centred under it
    "Chương": Style(lambda c, dd: f"Chương {roman(c[-1])}"),
    "Mục": Style(lambda c, dd: f"Mục {c[-1]}"),
    "": Style(lambda c, dd: "", "."),  # unnumbered; a label forced anyway ends like `1.`
}


def label(n: int, style: str, with_dd: bool = True, outer: Counters = ()) -> str:
    """Format the `n`-th label in one of STYLES (`""` means unnumbered); `outer` are the enclosing counters.

    >>> label(3, "I."), label(3, "1."), label(5, "a)"), label(2, "1"), label(2, ""), label(4, "I")
    ('III.', '3.', 'đ)', '2', '', 'IV')
    >>> label(3, "Điều"), label(4, "1.1.", outer=(1,)), label(2, "1.1.1.", outer=(1, 4)), label(2, "-")
    ('Điều 3.', '1.4.', '1.4.2.', '-')
    >>> label(2, "Chương"), label(3, "Mục")
    ('Chương II', 'Mục 3')
    """
    return STYLES[style].fmt((*outer, n), with_dd)


def forced_number(value: str, style: str) -> int | None:
    """The counter value a forced label stands for, so that numbering goes on after it.

    >>> (forced_number("III", "I."), forced_number("Điều 5", "Điều"), forced_number("c)", "a)"),
    ...  forced_number("1.4.", "1.1."), forced_number("Chương IV", "Chương"))
    (3, 5, 3, 4, 4)
    """
    core = (value.rstrip(".)").replace(".", " ").split() or [""])[-1]  # "Điều 5" stands for 5, "1.4." for 4
    if style in ("I.", "I", "Phần", "Chương") and core and set(core) <= set("IVXLCDM"):
        return next((n for n in range(1, 400) if roman(n) == core), None)
    if core.isdigit():
        return int(core)
    return next((n for n in range(1, 600) if letter(n) == core), None)


def forced_label(value: str, style: str) -> str:
    """A forced label as printed: as written when it ends with `.` or `)`, else with the style's closing mark.

    >>> forced_label("III", "I."), forced_label("c)", "a)"), forced_label("2", "1"), forced_label("1.1.", "a)")
    ('III.', 'c)', '2', '1.1.')
    """
    suffix = STYLES[style].suffix
    return value if not suffix or value.endswith((".", ")")) else value + suffix


class Level(NamedTuple):
    """How one depth of a numbered body is labelled."""

    style: str  # a key of STYLES
    upper: bool = False  # its titles print in upper case (I. MỤC ĐÍCH, YÊU CẦU)
    bold_label: bool = False  # its label is bold even before plain text (Điều 1. Ban hành …)


Scheme = tuple[Level, ...]  # the levels of one body, outermost first; the last repeats

# Numbering inside the body: plans, reports and other Mẫu 1.4 types; the Điều of a Quyết định.
PLAN_LEVELS: Scheme = (Level("I.", upper=True), Level("1."), Level("a)"))
DECISION_LEVELS: Scheme = (Level("Điều", bold_label=True), Level("1."), Level("a)"))
LETTER_LEVELS: Scheme = (Level("1."), Level("a)"), Level("-"))  # a Công văn's paragraphs: 1., 2. …, a), b) …, -
# Labels of a table's rows by default: groups 1., 2. … with rows a), b) … in each; rows of a table without
# groups 1, 2 … (as plans number their lists of tasks).
TABLE_GROUPS, TABLE_ROWS, TABLE_ROWS_ALONE = "1.", "a)", "1"
# The scheme of each numbered body key of a document.
BODIES: dict[str, Scheme] = {"noi_dung": PLAN_LEVELS, "dieu": DECISION_LEVELS}
MAX_DEPTH = 3  # deeper parts are written as `- ` / `+ ` paragraphs, unless a document chooses more levels
# The styles a document may choose for each depth of its body (`danh_so.cap`); a Quy chế, Quy định …
# is divided into Chương (and Mục), then Điều, khoản 1., điểm a).
BODY_STYLES = ("I.", "1.", "1.1.", "1.1.1.", "a)", "-", "+", "1", "a", "Phần", "Chương", "Mục", "Điều")
# Divisions above the Điều or the I. (Phụ lục I of the decree): "Phần I", "Chương I", "Mục 1" on a line of its
# own, centred, bold, the title under it in upper case, centred, bold.
CHAPTERS = ("Phần", "Chương", "Mục")
# Labels in Arabic figures: a title under one (`1.1. Lĩnh vực đất đai`) is bold and upright at any depth, as the
# `1.` level's is (the decree's numbered titles are upright; level 2 `1.`: title bold); the third level's italic
# style is the `a)` titles' alone.
FIGURES = ("1.", "1.1.", "1.1.1.")
RUN_ON = ("Điều",)  # styles numbered on through the whole body, across the Chương and Mục that hold them


def chosen(base: Scheme, styles: Sequence[str]) -> Scheme:
    """The scheme `base` with the style of each depth replaced by `styles` (a depth keeps its other traits).

    >>> [lv.style for lv in chosen(PLAN_LEVELS, ["I.", "1.", "1.1.", "-"])]
    ['I.', '1.', '1.1.', '-']
    >>> chosen(PLAN_LEVELS, [])[0].upper, chosen(PLAN_LEVELS, ["1."])[0].upper
    (True, False)
    >>> [(lv.style, lv.upper, lv.bold_label) for lv in chosen(PLAN_LEVELS, ["Chương", "Điều", "1."])]
    [('Chương', True, False), ('Điều', False, True), ('1.', False, False)]
    >>> [lv.upper for lv in chosen(PLAN_LEVELS, ["Phần", "I.", "1."])]  # I. titles in upper case at any depth
    [True, True, False]
    """
    if not styles:
        return base
    return tuple(Level(style, upper=style == "I." or style in CHAPTERS,
                       bold_label=lv.bold_label or style == "Điều")
                 for style, lv in zip(styles, (*base, *[Level("")] * len(styles)), strict=False))


def fitted(levels: Scheme, titled: bool) -> Scheme:
    """`levels` for a body whose outermost parts have a title (`titled`) or are all numbered paragraphs: a
    paragraph is never labelled `I.` (that label opens an upper-case heading), so a body of paragraphs alone (a
    Thông báo kết luận's `1.`, `2.`) starts one level down, bullets `- ` after its last level.

    >>> [lv.style for lv in fitted(PLAN_LEVELS, False)], fitted(PLAN_LEVELS, True) == PLAN_LEVELS
    (['1.', 'a)', '-'], True)
    >>> fitted(DECISION_LEVELS, False) == DECISION_LEVELS  # Điều 1. opens a paragraph as written
    True
    """
    if titled or levels[0].style != "I.":
        return levels
    return (*levels[1:], Level("-"))


def untyped(text: str, nhan: str) -> str:
    """`text` without the label `nhan` printed before it, when the user typed that label too.

    >>> untyped("I. MỤC ĐÍCH", "I."), untyped("Điều 1. Ban hành", "Điều 1."), untyped("a) Rà soát", "a)")
    ('MỤC ĐÍCH', 'Ban hành', 'Rà soát')
    >>> untyped("1. Mục đích", "I."), untyped("I.MỤC ĐÍCH", "I."), untyped("Mục đích", "")
    ('1. Mục đích', 'I.MỤC ĐÍCH', 'Mục đích')

    The label as documents also type it, closed by `/`, `)`, `:` or a dash (`1/`, `2)`, `II - `, `Điều 1:`):

    >>> untyped("II - ĐỀ XUẤT", "II."), untyped("II. - ĐỀ XUẤT", "II."), untyped("2) Cải cách", "2.")
    ('ĐỀ XUẤT', 'ĐỀ XUẤT', 'Cải cách')
    >>> untyped("1/ Chỉ đạo", "1."), untyped("a- Rà soát", "a)"), untyped("1. 2 lần", "1.")
    ('Chỉ đạo', 'Rà soát', '2 lần')
    >>> untyped("Điều 1: Ban hành", "Điều 1."), untyped("1 - 2 lần mỗi tháng", "1."), untyped("3) Khác", "2.")
    ('Ban hành', '1 - 2 lần mỗi tháng', '3) Khác')
    """
    if not nhan:
        return text
    typed = re.match(re.escape(nhan.rstrip(".)")) + _TYPED_CLOSE, text)
    if typed:
        return text[typed.end():]
    return text[len(nhan):].lstrip() if text.startswith(nhan + " ") else text


# What closes a label typed before a title: `.`, `)`, `/`, `:` (a dash may follow) or a dash alone, then a space;
# not a figure after it (`1 - 2 lần`).
_TYPED_CLOSE = r"\s*(?:[.)/:]\s*[-–]?|[-–])\s+(?!\d)"


def level(scheme: Scheme, depth: int) -> Level:
    """The level of `depth` (0 outermost); past the scheme's end the last level repeats."""
    return scheme[min(depth, len(scheme) - 1)]


def counts(marks: Sequence[bool | str | None], style: str, start: int = 0) -> list[int | None]:
    """The counter of each sibling from its `so` mark: None counts on (from `start`), a string is a forced
    label that numbering goes on after, False is unnumbered (None).

    >>> counts([None, "V", None, False, None], "I."), counts([None, None], "Điều", start=2)
    ([1, 5, 6, None, 7], [3, 4])
    """
    out: list[int | None] = []
    count = start
    for mark in marks:
        if mark is False:
            out.append(None)
            continue
        count = step(count, mark, style)
        out.append(count)
    return out


def step(count: int, mark: bool | str | None, style: str) -> int:
    """The counter of the sibling after one at `count`, from its `so` mark: a forced label's number (`count` when
    it stands for none), else the next.

    >>> step(2, None, "I."), step(2, "V", "I."), step(2, "*", "I.")
    (3, 5, 2)
    """
    return (forced_number(mark, style) or count) if isinstance(mark, str) else count + 1


def start(style: str, last: dict[str, int]) -> int:
    """The counter a list of `style` goes on from: a style of RUN_ON from `last[style]`, the number it reached
    earlier in the body; any other from 0."""
    return last.get(style, 0) if style in RUN_ON else 0


def numbered(marks: Sequence[bool | str | None], style: str, with_dd: bool = True,
             outer: Counters = (), start: int = 0) -> list[tuple[str, int | None]]:
    """The label and counter of sibling items from their `so` marks (see `counts`, from `start`); a forced
    label is printed as written.

    >>> numbered([None, "V", False], "I.")
    [('I.', 1), ('V.', 5), ('', None)]
    """
    return [("" if n is None else forced_label(mark, style) if isinstance(mark, str)
             else label(n, style, with_dd, outer), n)
            for mark, n in zip(marks, counts(marks, style, start), strict=True)]


def numbered_on(marks: Sequence[bool | str | None], style: str, last: dict[str, int], with_dd: bool = True,
                outer: Counters = ()) -> list[tuple[str, int | None]]:
    """`numbered`; a style of RUN_ON goes on from `last[style]`, the number it reached earlier in the body,
    and `last` keeps the number it reaches here.

    >>> last: dict[str, int] = {}
    >>> numbered_on([None, None], "Điều", last), numbered_on([None], "Điều", last), numbered_on([None], "1.", last)
    ([('Điều 1.', 1), ('Điều 2.', 2)], [('Điều 3.', 3)], [('1.', 1)])
    >>> last
    {'Điều': 3}
    """
    first = start(style, last)
    out = numbered(marks, style, with_dd, outer, first)
    if style in RUN_ON:
        last[style] = max([n for _, n in out if n is not None], default=first)
    return out


def labels(marks: Sequence[bool | str | None], style: str, with_dd: bool = True) -> list[str]:
    """The labels of sibling items from their `so` marks.

    >>> labels([None, "V", None, False, None], "I.")
    ['I.', 'V.', 'VI.', '', 'VII.']
    """
    return [text for text, _ in numbered(marks, style, with_dd)]


_LABEL = re.compile(r"^(?:(Điều)\s+(\d{1,3})[.:]?|([IVXLC]{1,8})\.|((?:\d{1,3}\.){1,3})|([a-zđ]{1,2})\))(?=\s|$)")
_CHAPTER = re.compile(r"^(Phần|Chương|Mục)\s+([IVXLC]{1,8}|\d{1,3})$")
_DOTTED = {1: "1.", 2: "1.1.", 3: "1.1.1."}


def parse_label(text: str, with_dd: bool = True) -> tuple[str, str, int] | None:
    """The body label `text` opens with, the inverse of `label`: (style, label as printed, counter);
    None when it opens with none of `I.`, `1.`, `1.1.`, `1.1.1.`, `a)`, `Điều n.` and is not a line
    `Chương I` or `Mục 1` (a Roman numeral or letter that is not one, such as `IIII.` or `f)`, is no label).

    >>> parse_label("II. NHIỆM VỤ"), parse_label("12. Tổ chức"), parse_label("đ) Giám đốc")
    (('I.', 'II.', 2), ('1.', '12.', 12), ('a)', 'đ)', 5))
    >>> parse_label("Điều 3. Chánh")
    ('Điều', 'Điều 3.', 3)
    >>> parse_label("f) x"), parse_label("2021 là năm"), parse_label("e) x", with_dd=False), parse_label("1.2. Mục")
    (None, None, ('a)', 'e)', 5), ('1.1.', '1.2.', 2))
    >>> parse_label("Chương IV"), parse_label("Mục 2"), parse_label("Chương trình")
    (('Chương', 'Chương IV', 4), ('Mục', 'Mục 2', 2), None)
    """
    chapter = _CHAPTER.match(text)
    if chapter is not None:  # a line of its own: "Chương IV", "Mục 2"
        n = forced_number(chapter.group(0), chapter.group(1))
        return None if n is None or label(n, chapter.group(1)) != text else (chapter.group(1), text, n)
    m = _LABEL.match(text)
    if m is None:
        return None
    dieu, dieu_n, rom, num, let = m.groups()
    if dieu:
        return "Điều", m.group(0), int(dieu_n)
    if num:
        counters = num.rstrip(".").split(".")
        return _DOTTED[len(counters)], m.group(0), int(counters[-1])
    style, core = ("I.", rom) if rom else ("a)", let)
    n = forced_number(core, style) if rom else next((k for k in range(1, 600) if letter(k, with_dd) == core), None)
    if n is None or label(n, style, with_dd) != m.group(0):
        return None
    return style, m.group(0), n
