"""Numbers, rates and amounts in Vietnamese notation (`44.333`, `78,7%`), through Babel."""

from __future__ import annotations

from decimal import Decimal

from babel.numbers import format_decimal

LOCALE = "vi_VN"
Number = int | float | Decimal


def so(value: Number, decimals: int | None = None) -> str:
    """A number with `.` between thousands and `,` before decimals.

    >>> so(44333)
    '44.333'
    >>> so(99.594, 2)
    '99,59'
    >>> so(1234567.5)
    '1.234.567,5'
    """
    if decimals is None:
        return format_decimal(value, locale=LOCALE)
    pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE)


def ti_le(part: Number, whole: Number, decimals: int = 1) -> str:
    """`part` as a percentage of `whole`; a whole of 0 gives `0%` rather than an error.

    Trailing zeros are dropped (`100%`, not `100,0%`), as in printed reports.

    >>> ti_le(34908, 44333)
    '78,7%'
    >>> ti_le(44154, 44333, 2)
    '99,6%'
    >>> ti_le(5, 5), ti_le(3, 0)
    ('100%', '0%')
    """
    if not whole:
        return "0%"
    value = round(Decimal(part) * 100 / Decimal(whole), decimals)
    return phan_tram(value, decimals)


def phan_tram(value: Number, decimals: int = 1) -> str:
    """A value already in percent, with up to `decimals` decimals.

    >>> phan_tram(78.66), phan_tram(10)
    ('78,7%', '10%')
    """
    pattern = "#,##0" + ("." + "#" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=LOCALE) + "%"
