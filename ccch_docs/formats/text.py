"""Text hygiene: NFC and white space."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Zero-width spaces and no-breaks (U+200B, U+2060, U+FEFF inside the text): invisible, meaningless in Vietnamese
# and brought in by text pasted from web pages; kept, a key, a number or a choice that reads right is refused.
_ZERO_WIDTH = re.compile("[\u200b\u2060\ufeff]")
_UNTIDY = re.compile(r"[^\S ]|  ")  # white space other than single spaces


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the decree's font standard (TCVN 6909) expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tidy(text: str) -> str:
    """`text` as the document holds it: NFC, without zero-width spaces (joiners, which shape emoji, are kept).

    >>> tidy("trich_yeu\u200b"), tidy("Ho\u0300a\ufeff") == "Hòa"
    ('trich_yeu', True)
    """
    text = nfc(text)
    return _ZERO_WIDTH.sub("", text) if _ZERO_WIDTH.search(text) else text


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) to one space and trim.

    >>> one_line("  Kế   hoạch\\nnăm 2021 ")
    'Kế hoạch năm 2021'
    """
    text = nfc(text)
    if _UNTIDY.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()
