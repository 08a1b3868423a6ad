"""Text hygiene: NFC and white space."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_UNTIDY = re.compile(r"[^\S ]|  ")  # white space other than single spaces
# What Times New Roman, the decree's font, has no glyph for and a PDF prints in another font or drops: emoji and
# pictographs (U+1F000–1FAFF, flags' regional indicators and skin tones among them), the Miscellaneous Symbols and
# Dingbats blocks but for the few the font holds (☺ ☻ ☼ ♀ ♂ ♠ ♣ ♥ ♦ ♪ ♫), the emoji of other blocks (⌚ ⏩ ⬛ ⭐
# ⭕ …), and what makes an emoji of another character (the variation selector U+FE0F, the keycap U+20E3, tags).
# Letters, punctuation (– — “ ” …), №, °, ±, ×, arrows (← → ⇒ ↔), box drawing and geometric shapes stay.
_GLYPHLESS = ("\u231a\u231b\u2328\u23cf\u23e9-\u23f3\u23f8-\u23fa\u2600-\u2639\u263d-\u263f\u2641\u2643-\u265f"
              "\u2661\u2662\u2664\u2667-\u2669\u266c-\u27bf\u2b05-\u2b07\u2b1b\u2b1c\u2b50\u2b55\u20e3\ufe0f"
              "\U0001f000-\U0001faff\U000e0020-\U000e007f"
              # and what no font of the decree has a glyph for: the private-use area U+E000–U+F8FF (a symbol font's
              # own codes, which import reads as their equivalents or flatten.STAND_IN) and planes 15–16, the object
              # replacement U+FFFC (a picture lost in the paste) and the interlinear annotation marks U+FFF9–U+FFFB
              # (their note would silently run into the text).
              "\ue000-\uf8ff\ufff9-\ufffc\U000f0000-\U0010ffff")
# One emoji as shown: its characters, with what modifies or joins them (👍🏽, ☎️, 👨‍👩‍👧).
GLYPHLESS = re.compile(f"[{_GLYPHLESS}](?:\u200d?[{_GLYPHLESS}])*")
# Invisible formatting characters, meaningless in Vietnamese and brought in by text pasted from web pages: zero-width
# spaces and no-breaks (U+200B, U+2060, U+FEFF inside the text), the soft hyphen U+00AD, the zero-width non-joiner
# U+200C, the Mongolian vowel separator U+180E, and the zero-width joiner U+200D but between two of an emoji's
# characters (which GLYPHLESS refuses whole, joiners shown); kept, a key, a number or a choice that reads right is
# refused.
_ZERO_WIDTH = re.compile("[\u00ad\u180e\u200b\u200c\u2060\ufeff]"
                         f"|\u200d(?:(?<![{_GLYPHLESS}]\u200d)|(?![{_GLYPHLESS}]))")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC, the form the decree's font standard (TCVN 6909) expects.

    >>> nfc("Hoa\u0300") == "Hoà"
    True
    """
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def tidy(text: str) -> str:
    """`text` as the document holds it: NFC, without invisible formatting characters (but the joiners of emoji).

    >>> tidy("trich_yeu\u200b"), tidy("Ho\u0300a\ufeff") == "Hòa"
    ('trich_yeu', True)
    """
    text = nfc(text)
    return _ZERO_WIDTH.sub("", text) if _ZERO_WIDTH.search(text) else text


def code_points(text: str) -> str:
    """The code points of `text`, as messages name them.

    >>> code_points("☎\ufe0f")
    'U+260E U+FE0F'
    """
    return " ".join(f"U+{ord(c):04X}" for c in text)


def one_line(text: str) -> str:
    """Collapse every run of white space (newlines included) to one space and trim.

    >>> one_line("  Kế   hoạch\\nnăm 2021 ")
    'Kế hoạch năm 2021'
    """
    text = nfc(text)
    if _UNTIDY.search(text):
        text = _SPACES.sub(" ", text)
    return text.strip()
