"""Numbers in Vietnamese words, as written on amounts in official documents and invoices."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Literal, NamedTuple

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
HUNDRED = "trăm"
TEN = "mười"  # tens digit 1: "mười", "mười một"
TENS = "mươi"  # after tens digits 2–9: "hai mươi"
MOT = "mốt"  # units 1 after tens ≥ 2: "hai mươi mốt" (but "mười một")
TU = "tư"  # units 4 after tens ≥ 2, only with tu=True
LAM = "lăm"  # units 5 after any tens digit: "mười lăm", "hai mươi lăm"
MILLION = "triệu"
NEGATIVE = "âm"
BILLION = 10**9

# Spellings the keyword options may choose between; anything else is a typo on a legal document.
CHOICES = {"linh": ("linh", "lẻ"), "nghin": ("nghìn", "ngàn"), "ty": ("tỷ", "tỉ")}


class _Style(NamedTuple):
    linh: str
    tu: bool
    nghin: str
    ty: str


def bang_chu(
    n: int | Decimal | str,
    *,
    don_vi: str = "",
    viet_hoa: bool = True,
    linh: Literal["linh", "lẻ"] = "linh",
    tu: bool = False,
    nghin: Literal["nghìn", "ngàn"] = "nghìn",
    ty: Literal["tỷ", "tỉ"] = "tỷ",
) -> str:
    """The whole number `n` in words ("bằng chữ"), followed by the unit `don_vi` if given.

    Written the way Vietnamese accounting software and banks write amounts on invoices
    and cheques: every non-zero group of three digits after the first is read in full,
    hundreds included ("không trăm linh một nghìn"), so no digit can be misread; groups
    that are entirely zero are skipped. A zero tens digit before units is "linh" (or
    `linh="lẻ"`); units 5 after a tens digit is "lăm", units 1 after tens ≥ 2 is "mốt";
    units 4 after tens ≥ 2 stays "bốn" unless `tu=True` ("mười bốn" either way). Above
    10**9 the part before "tỷ" is read recursively: "nghìn tỷ", "triệu tỷ", "tỷ tỷ".
    `Decimal` and `str` amounts must be whole ("5.00" is fine, "1.5" raises ValueError).

    >>> bang_chu(50000000, don_vi="đồng")
    'Năm mươi triệu đồng'
    >>> bang_chu(0)
    'Không'
    >>> bang_chu(15), bang_chu(21), bang_chu(25)
    ('Mười lăm', 'Hai mươi mốt', 'Hai mươi lăm')
    >>> bang_chu(105)
    'Một trăm linh năm'
    >>> bang_chu(1005000)
    'Một triệu không trăm linh năm nghìn'
    >>> bang_chu(1050000)
    'Một triệu không trăm năm mươi nghìn'
    >>> bang_chu(2000001000)
    'Hai tỷ không trăm linh một nghìn'
    >>> bang_chu(10**12), bang_chu(10**15), bang_chu(10**18)
    ('Một nghìn tỷ', 'Một triệu tỷ', 'Một tỷ tỷ')
    >>> bang_chu(-3500, don_vi="đồng")
    'Âm ba nghìn năm trăm đồng'
    >>> bang_chu(24), bang_chu(24, tu=True)
    ('Hai mươi bốn', 'Hai mươi tư')
    >>> bang_chu(1105, linh="lẻ", nghin="ngàn", viet_hoa=False)
    'một ngàn một trăm lẻ năm'
    >>> bang_chu(Decimal("1000000000.00"), ty="tỉ")
    'Một tỉ'
    >>> bang_chu("1.5")
    Traceback (most recent call last):
    ...
    ValueError: bang_chu reads whole numbers only, got '1.5'
    """
    for option, value in (("linh", linh), ("nghin", nghin), ("ty", ty)):
        if value not in CHOICES[option]:
            raise ValueError(f"{option} must be one of {CHOICES[option]}, got {value!r}")
    number = _integer(n)
    words = _words(abs(number), True, _Style(linh, tu, nghin, ty)) if number else [DIGITS[0]]
    if number < 0:
        words.insert(0, NEGATIVE)
    if don_vi:
        words.append(don_vi)
    text = " ".join(words)
    return text[0].upper() + text[1:] if viet_hoa else text


def _integer(n: object) -> int:
    """`n` as an int, or ValueError if it is not a whole number (floats are refused outright)."""
    # bool is an int subclass, and a float amount has already lost precision: refuse both.
    if isinstance(n, bool) or not isinstance(n, int | Decimal | str):
        raise ValueError(f"bang_chu needs an int, Decimal or str, got {type(n).__name__} {n!r}")
    if isinstance(n, int):
        return n
    try:
        number = Decimal(n)
    except InvalidOperation:
        raise ValueError(f"bang_chu needs a number, got {n!r}") from None
    if not number.is_finite() or number != number.to_integral_value():
        raise ValueError(f"bang_chu reads whole numbers only, got {n!r}")
    return int(number)


def _words(n: int, first: bool, style: _Style) -> list[str]:
    """Words for `n` > 0; `first` means no higher group precedes it, so it is read short."""
    if n >= BILLION:
        high, low = divmod(n, BILLION)
        # Reading the part above 10**9 recursively yields "nghìn tỷ", "triệu tỷ", "tỷ tỷ".
        words = _words(high, first, style) + [style.ty]
        return words + _words(low, False, style) if low else words
    words = []
    for scale, name in ((10**6, MILLION), (1000, style.nghin), (1, "")):
        group = n // scale % 1000
        if group:
            words += _group(group, not first, style)
            words += [name] if name else []
            first = False
    return words


def _group(group: int, full: bool, style: _Style) -> list[str]:
    """Words for 0 < `group` < 1000; `full` writes zero hundreds, as after a higher group."""
    hundreds, rest = divmod(group, 100)
    tens, units = divmod(rest, 10)
    words = [DIGITS[hundreds], HUNDRED] if hundreds or full else []
    if tens == 0:
        # "linh" only bridges a hundreds word to the units: 105, but plain 5.
        if units:
            words += [style.linh, DIGITS[units]] if words else [DIGITS[units]]
        return words
    words += [TEN] if tens == 1 else [DIGITS[tens], TENS]
    if units == 1 and tens >= 2:
        words.append(MOT)
    elif units == 4 and tens >= 2 and style.tu:
        words.append(TU)
    elif units == 5:
        words.append(LAM)
    elif units:
        words.append(DIGITS[units])
    return words
