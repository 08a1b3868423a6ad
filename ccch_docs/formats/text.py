"""Text hygiene: NFC and white space."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UNTIDY = re.compile(r"[^\S ]|  ")  # white space other than single spaces


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the decree's font standard (TCVN 6909) expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) to one space and trim.

    >>> one_line("  Kế   hoạch\\nnăm 2021 ")
    'Kế hoạch năm 2021'
    """
    text = nfc(text)
    if _UNTIDY.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()
