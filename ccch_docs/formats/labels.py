"""Labels of the numbered body: `I.`, `1.`, `a)` in the Vietnamese letter order, Điều."""

from __future__ import annotations

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


STYLES = ("I.", "1.", "a)", "1", "a", "Điều", "")


def label(n: int, style: str, with_dd: bool = True) -> str:
    """Format the `n`-th label in one of STYLES (`""` means unnumbered).

    >>> label(3, "I."), label(3, "1."), label(5, "a)"), label(2, "1"), label(2, "")
    ('III.', '3.', 'đ)', '2', '')
    >>> label(3, "Điều")
    'Điều 3.'
    """
    if style == "I.":
        return roman(n) + "."
    if style == "1.":
        return f"{n}."
    if style == "a)":
        return letter(n, with_dd) + ")"
    if style == "1":
        return str(n)
    if style == "a":
        return letter(n, with_dd)
    if style == "Điều":
        return f"Điều {n}."
    return ""


def so_ky_hieu(so: int | str | None, ky_hieu: str) -> str:
    """The `Số:` line (ô 3): a leading 0 below 10, a blank kept when the number is not given yet.

    >>> so_ky_hieu(5, "KH-UBND"), so_ky_hieu(285, "KH-UBND")
    ('Số: 05/KH-UBND', 'Số: 285/KH-UBND')
    >>> so_ky_hieu(None, "KH-VPUBND")
    'Số:       /KH-VPUBND'
    """
    return f"Số: {so_text(so)}/{ky_hieu}"


def so_text(so: int | str | None) -> str:
    """The number alone, as in `285/KH-UBND`; blanks when absent.

    >>> so_text(7), so_text("07"), so_text(None)
    ('07', '07', '      ')
    """
    if so is None or so == "":
        return "      "
    return f"{int(so):02d}" if str(so).isdigit() else str(so)
