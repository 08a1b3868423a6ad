"""Text hygiene: NFC, whitespace and the decree's end-of-line punctuation."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_END_PUNCT = ";.,:"


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the decree's font standard (TCVN 6909) expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) to one space and trim.

    >>> one_line("  Kế   hoạch\\nnăm 2021 ")
    'Kế hoạch năm 2021'
    """
    return _SPACES.sub(" ", nfc(text)).strip()


def end_with(text: str, mark: str) -> str:
    """End `text` with `mark`, replacing a trailing `;`, `.`, `,` or `:` the user typed.

    >>> end_with("Bộ Nội vụ", ";")
    'Bộ Nội vụ;'
    >>> end_with("Bộ Nội vụ;", ";")
    'Bộ Nội vụ;'
    >>> end_with("VT, T (KSTTHC).", ".")
    'VT, T (KSTTHC).'
    >>> end_with("xem xét./.", ".")
    'xem xét./.'
    """
    text = text.rstrip()
    if text.endswith("./."):
        return text
    return text.rstrip(_END_PUNCT).rstrip() + mark
