"""Numbers, rates and amounts in Vietnamese notation (`44.333`, `78,7%`, `50 triệu đồng`), through Babel.

Rounding is half up, as printed reports round (by hand or in a spreadsheet): 12,5 → 13, not 12.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Context, Decimal, localcontext
from functools import lru_cache
from typing import TypeGuard

from babel import Locale
from babel.numbers import NumberPattern, format_decimal, parse_pattern

from ..errors import Unclear
from .words import bang_chu

LOCALE = Locale.parse("vi_VN")  # parsed once: reports format hundreds of numbers
Number = int | float | Decimal
CURRENCY = "đồng"
# Units an amount may be written in ("50 triệu đồng"), largest first.
MONEY_UNITS = (("tỷ", 10**9), ("triệu", 10**6), ("nghìn", 10**3))
# Numbers from here on are refused: no count or budget reaches them, and they could not be printed exactly.
LIMIT = 10**25
TOO_LARGE = "số quá lớn (từ 10²⁵ trở lên)"
MINUS = "\u2212"  # −


def is_number(value: object) -> TypeGuard[int | float]:
    """Whether `value` is a number as input data holds one (YAML, JSON, a program's dict): an int or a float, and not a
    bool, which Python counts as an int (`True == 1`) though the input meant yes or no.

    >>> is_number(3), is_number(2.5), is_number(True), is_number("3"), is_number(Decimal(3))
    (True, True, False, False, False)
    """
    return isinstance(value, int | float) and not isinstance(value, bool)


def as_typed(value: int | float) -> str:
    """A number as the input wrote it: the text the YAML loader kept (`1.10`, `010`), else as Python prints it.

    >>> as_typed(2024), as_typed(1.5)
    ('2024', '1.5')
    """
    return getattr(value, "text", None) or str(value)


def printable(value: Number) -> bool:
    """Whether `value` is finite and below LIMIT in size, so that it can be printed.

    >>> printable(10**24), printable(10**25), printable(float("inf")), printable(-1.5)
    (True, False, False, True)
    """
    if isinstance(value, int):
        return abs(value) < LIMIT
    exact = _decimal(value)
    return exact.is_finite() and abs(exact) < LIMIT


def parse(text: str) -> int | float:
    """A number written in decimal digits, with a decimal point or not.

    >>> parse("010"), parse("1.10")
    (10, 1.1)
    """
    if len(text) > len(str(LIMIT)) + 20:  # a longer text is no printable number, and slow to read
        raise ValueError(TOO_LARGE)
    return float(text) if "." in text else int(text)


# A number as clerks write it: `.` between thousands, `,` before decimals, maybe followed by `đồng`.
_SIGN = r"(?P<sign>[-+]?)"
_CURRENCY = r"(?:\s*(?:đồng|đ|VNĐ|VND))?"
_THOUSANDS = re.compile(_SIGN + r"(?P<int>\d{1,3}(?:\.\d{3})+)(?:,(?P<dec>\d+))?" + _CURRENCY, re.IGNORECASE)
_DECIMAL_COMMA = re.compile(_SIGN + r"(?P<int>\d+),(?P<dec>\d+)" + _CURRENCY, re.IGNORECASE)
_PLAIN = re.compile(_SIGN + r"(?P<int>\d+)(?:\.(?P<dec>\d+))?" + _CURRENCY, re.IGNORECASE)
# Ways that look like a number but are not Vietnamese notation, or could be read two ways.
# A rate as typed, the whole value: a figure and `%` (`78,7%`, `99.6 %`, `−2%`).
_RATE = re.compile(r"[-+−]?\d[\d.]*(?:,\d+)?\s*%")
# A figure alone, loosely: a number in either notation or a rate (`05`, `44.333`, `1,234.5`, `78,7 %`).
_FIGURE = re.compile(r"[-+−]?\d[\d.,]*\s?%?")
FIGURE_START = frozenset("0123456789-+−")  # the characters a figure (_FIGURE) may begin with
_ONE_GROUP = re.compile(r"[-+]?\d{1,3}[.,]\d{3}")  # 1.500 or 1,500: a thousand and a half, or one and a half?
_COMMAS = re.compile(r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?" + _CURRENCY, re.IGNORECASE)  # 3,000,000 (English)
_IN_UNITS = re.compile(r"(?P<n>[-+]?\d+(?:[.,]\d+)?)\s*(?P<unit>tỷ|tỉ|triệu|tr|nghìn|ngàn)\.?" + _CURRENCY,
                       re.IGNORECASE)
_UNIT_SCALE = {"tỷ": 10**9, "tỉ": 10**9, "triệu": 10**6, "tr": 10**6, "nghìn": 10**3, "ngàn": 10**3}


def read(value: str | Number, printed: bool = False) -> Number | None:
    """A number as a clerk writes it; None for text that is no number; Unclear for what could be misread,
    ValueError (TOO_LARGE) for what is too large. `printed`: written as `so` prints (an expression's
    result), where `1.500` can only be one thousand five hundred.

    Numbers read from YAML remember their text (`1.500`), which is what is read. A leading `−` (U+2212, the minus
    sign that Word, Excel and web pages print) is the minus `-`: a figure or an amount pasted from them is the
    number it shows, not a text left out of a total.

    >>> read("3.000.000"), read("1,5"), read("3.000.000 đồng"), read("1.234,5"), read("44333"), read("99.59")
    (3000000, 1.5, 3000000, 1234.5, 44333, 99.59)
    >>> read("Theo Đề án"), read(1500), read(2.5), read("−1.500.000"), read("−2,5")
    (None, 1500, 2.5, -1500000, -2.5)
    >>> for text in ("3,000,000", "3 triệu", "1.500", "1.000", "2,5 tỷ đồng"):
    ...     try:
    ...         read(text)
    ...     except Unclear as exc:
    ...         print(exc.hint)
    viết 3.000.000 (dấu chấm giữa các hàng nghìn, dấu phẩy trước phần thập phân)
    viết 3.000.000 (bằng số, không viết đơn vị triệu, tỷ)
    viết 1500 nếu là một nghìn năm trăm, 1,5 nếu là số thập phân
    viết 1000 nếu là một nghìn
    viết 2.500.000.000 (bằng số, không viết đơn vị triệu, tỷ)
    """
    if not isinstance(value, str):
        text: str | None = getattr(value, "text", None)
        if text is None or not _ONE_GROUP.fullmatch(text):
            return value
        value = text
    text = value.strip()
    if text[:1] == MINUS:  # the minus sign of typesetting (Word, Excel, the web): the same number as `-`
        text = "-" + text[1:]
    if len(text) > 10_000 or not text[:1].isdigit() and text[:1] not in "+-":  # no number, or ValueError below
        return None
    if _ONE_GROUP.fullmatch(text) and not (printed and "." in text):
        whole, _, part = text.replace(",", ".").partition(".")
        thousands = f"viết {whole}{part} nếu là {bang_chu(int(whole + part), viet_hoa=False)}"
        if not part.strip("0"):  # 1.000 is a thousand: no decimal `1,0` to offer
            raise Unclear(f"`{text}` đọc được hai cách", thousands)
        raise Unclear(f"`{text}` đọc được hai cách", f"{thousands}, {whole},{part.rstrip('0')} nếu là số thập phân")
    for pattern in (_THOUSANDS, _DECIMAL_COMMA, _PLAIN):
        m = pattern.fullmatch(text)
        if m:
            digits = m["sign"] + m["int"].replace(".", "")
            return parse(digits + "." + m["dec"] if m["dec"] else digits)
    m = _IN_UNITS.fullmatch(text)
    if m:
        amount = _decimal(parse(m["n"].replace(",", "."))) * _UNIT_SCALE[m["unit"].lower()]
        raise Unclear(f"`{text}` không phải là một số", f"viết {so(amount)} (bằng số, không viết đơn vị triệu, tỷ)")
    if _COMMAS.fullmatch(text):
        whole, _, part = text.partition(".")
        written = so(_decimal(parse(whole.replace(",", "") + ("." + part if part else ""))))
        raise Unclear(f"`{text}` không phải là cách viết số của tiếng Việt",
                      f"viết {written} (dấu chấm giữa các hàng nghìn, dấu phẩy trước phần thập phân)")
    return None


def printed_amount(value: str | Number) -> Number | None:
    """The number a cell prints (`12.797`, `78,7`, an expression's `1.500`), None for text and for what is unclear
    or too large (read, printed).

    >>> printed_amount("12.797"), printed_amount("1.500"), printed_amount("Hộ tịch"), printed_amount("3 tỷ")
    (12797, 1500, None, None)
    """
    try:
        return read(value, printed=True)
    except ValueError:  # Unclear among them
        return None


def is_rate(text: str) -> bool:
    """Whether `text` is a rate as typed, the whole of it: a share of something, which no total adds up.

    >>> is_rate("78,7%"), is_rate(" 99.6 % "), is_rate("−2%"), is_rate("78,7"), is_rate("đạt 96%")
    (True, True, True, False, False)
    """
    return _RATE.fullmatch(text.strip()) is not None


def is_figure(text: str) -> bool:
    """Whether `text` is a figure alone, a number or a rate, as statistics tables centre it. Loose on purpose (a
    misplaced `,` still looks a figure): it only aligns a cell, where numbers.read decides what a figure is worth.

    >>> is_figure("44.333"), is_figure("78,7 %"), is_figure("05"), is_figure("−1.500"), is_figure("Hộ tịch")
    (True, True, True, True, False)
    """
    return _FIGURE.fullmatch(text) is not None


def thousands(text: str) -> int | None:
    """The whole number `text` is when it is written with `.` between thousands, maybe after a minus sign, and
    nothing else, else None (a plus sign too: `so` would not print it back).

    >>> thousands("12.000"), thousands("1.500.000"), thousands("-1.500"), thousands("1500")
    (12000, 1500000, -1500, None)
    >>> thousands("12.000 đồng"), thousands("1.234,5"), thousands("-1.234,5"), thousands("+1.000")
    (None, None, None, None)
    """
    m = _THOUSANDS.fullmatch(text)
    if m is None or m["sign"] == "+" or m.group() != m["sign"] + m["int"]:
        return None
    return int(m["sign"] + m["int"].replace(".", ""))


def _decimal(value: Number) -> Decimal:
    """`value` as a Decimal; a float by its shortest form, so that 1.005 is 1.005 and not 1.00499…"""
    if isinstance(value, Decimal):
        return value
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def total(values: Iterable[Number]) -> Number:
    """The exact sum of `values`: whole numbers stay whole, others are added as decimals, without float error.

    >>> total([3000000, 2]), total([1.5, 0.0595]), so(total([1.5, 0.0595])), so(1.5 + 0.0595)
    (3000002, Decimal('1.5595'), '1,56', '1,559')
    """
    return sum((v if isinstance(v, int) else _decimal(v) for v in values), start=0)


def _rounded(value: Number, decimals: int) -> Number:
    """`value` rounded half up to `decimals` places (whole numbers and infinities as they are)."""
    if isinstance(value, int):
        return value
    d = _decimal(value)
    if not d.is_finite():
        return d
    context = Context(prec=max(28, d.adjusted() + decimals + 2), rounding=ROUND_HALF_UP)
    return d.quantize(Decimal(1).scaleb(-decimals), context=context)


@lru_cache(maxsize=64)
def _pattern(decimals: int, fixed: bool) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + ("0" if fixed else "#") * decimals if decimals else ""))


def so(value: Number, decimals: int | None = None) -> str:
    """A number with `.` between thousands and `,` before decimals: up to 3 decimals, or exactly `decimals`.

    >>> so(44333)
    '44.333'
    >>> so(99.594, 2), so(2.5, 0), so(0.125, 2)
    ('99,59', '3', '0,13')
    >>> so(1234567.5)
    '1.234.567,5'
    """
    if decimals is None:
        return _format(value, 3, False)
    return _format(value, decimals, True)


def _format(value: Number, decimals: int, fixed: bool) -> str:
    """`value` rounded and printed; ValueError beyond LIMIT (the digits are counted in a context wide enough).
    What rounds to zero prints without a sign: `-0,04` to one decimal is `0`, not `-0`.

    >>> so(-0.04, 1), so(-0.0), so(-0.0004), so(-0.05, 1)
    ('0,0', '0', '0', '-0,1')
    """
    if not printable(value):
        raise ValueError(TOO_LARGE)
    rounded = _rounded(value, decimals) or Decimal(0)  # Decimal("-0.0") is printed "-0,0"
    with localcontext(Context(prec=len(str(LIMIT)) + decimals + 2)):
        return format_decimal(rounded, format=_pattern(decimals, fixed), locale=LOCALE)


def ti_le(part: Number, whole: Number, decimals: int = 1, fixed: bool = False) -> str:
    """`part` as a percentage of `whole`; a whole of 0 gives `0%` rather than an error.

    Trailing zeros are dropped (`100%`, not `100,0%`), as in most printed reports, unless `fixed`.

    >>> ti_le(34908, 44333)
    '78,7%'
    >>> ti_le(42975, 43152, 2), ti_le(44154, 44333, 2), ti_le(44154, 44333, 2, fixed=True)
    ('99,59%', '99,6%', '99,60%')
    >>> ti_le(5, 5), ti_le(3, 0), ti_le(1, 8, 0)
    ('100%', '0%', '13%')
    """
    if not whole:
        return phan_tram(0, decimals, fixed)
    return phan_tram(_decimal(part) * 100 / _decimal(whole), decimals, fixed)


def phan_tram(value: Number, decimals: int = 1, fixed: bool = False) -> str:
    """A value already in percent, with up to `decimals` decimals (exactly `decimals` when `fixed`).

    >>> phan_tram(78.66), phan_tram(10), phan_tram(87.4, 2, fixed=True)
    ('78,7%', '10%', '87,40%')
    """
    return _format(value, decimals, fixed) + "%"


def tien(value: Number, unit: str | None = None, compact: bool = False) -> str:
    """An amount of money in đồng: in full, in a unit of MONEY_UNITS, or (`compact`) in the largest unit it reaches.

    >>> tien(50000000)
    '50.000.000 đồng'
    >>> tien(50000000, "triệu"), tien(1500000000, compact=True), tien(750000, compact=True), tien(500, compact=True)
    ('50 triệu đồng', '1,5 tỷ đồng', '750 nghìn đồng', '500 đồng')
    """
    units = dict(MONEY_UNITS)
    if unit and unit not in units:
        raise ValueError(f"unit must be one of {', '.join(units)}, got {unit!r}")
    scale = units.get(unit or "", 1)
    if compact:
        unit, scale = next(((u, s) for u, s in MONEY_UNITS if abs(_decimal(value)) >= s), ("", 1))
    amount = value if scale == 1 else _decimal(value) / scale
    return f"{so(amount)} {unit} {CURRENCY}" if unit else f"{so(amount)} {CURRENCY}"
