"""The message catalog: each problem's stable code and its Vietnamese text, the msgid of its translations.

Codes are written here once and never renumbered: systems match them (`CCHC-E001`), whatever the language.
The translations live in `locale/<lang>/LC_MESSAGES/ccch_docs.po` (extracted with `pybabel extract`, compiled
to `.mo` with `pybabel compile`; both are shipped in the package).
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

LOCALE = Path(__file__).resolve().parent / "locale"
DOMAIN = "ccch_docs"


def N_(text: str) -> str:
    """Marks `text` for the catalog, translated where it is printed."""
    return text


CODES: dict[str, str] = {
    # The input's structure (validation of the models).
    "CCHC-E001": N_("thiếu khóa bắt buộc"),
    "CCHC-E002": N_("khóa không có trong định dạng"),
    "CCHC-E003": N_("phải là chuỗi văn bản"),
    "CCHC-E004": N_("phải là một danh sách"),
    "CCHC-E005": N_("phải là một khối khóa: giá trị"),
    "CCHC-E006": N_("chỉ dùng chữ thường không dấu, chữ số và `_`, bắt đầu bằng chữ"),
    "CCHC-E007": N_("phải là một số"),
    "CCHC-E008": N_("phải là số nguyên"),
    "CCHC-E009": N_("phải lớn hơn 0"),
    "CCHC-E010": N_("phải là true hoặc false"),
    "CCHC-E011": N_("giá trị không hợp lệ"),
    # The YAML text.
    "CCHC-E012": N_("YAML không hợp lệ"),
    "CCHC-E013": N_("khóa bị lặp lại"),
    # Values written in a way that could be misread, and places left to fill.
    "CCHC-E020": N_("số viết không rõ"),
    "CCHC-E021": N_("ngày viết không rõ"),
    "CCHC-E022": N_("còn chỗ cần điền"),
    # Other problems of the input (their own wording).
    "CCHC-E099": N_("lỗi của dữ liệu đầu vào"),
}
# Fixed openings of messages and hints that go on with values (`còn chỗ cần điền: (trích yếu …)`).
HEADS = (N_("các khóa được dùng ở đây"), N_("chọn một trong"), N_("đặt giá trị trong dấu ngoặc kép"),
         N_("đặt dòng trong dấu ngoặc kép"), N_("số liệu phải là số"), N_("dấu hai chấm `:` đặt sai chỗ"),
         N_("thụt lề bằng phím Tab"), N_("thiếu dấu ngoặc kép đóng"))
HINT = N_("gợi ý")
COUNT = N_("lỗi.")


_chosen: list[str] = []  # the command line's --lang, while it runs


def language() -> str:
    """The language of messages: the command line's --lang, else CCHC_LANG (`vi` by default, `en`)."""
    return _chosen[-1] if _chosen else os.environ.get("CCHC_LANG", "vi").split("_")[0].lower() or "vi"


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Messages in `lang` inside the block."""
    _chosen.append(lang)
    try:
        yield
    finally:
        _chosen.pop()


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


def translate(text: str, lang: str | None = None) -> str:
    """`text` in `lang` (default: language()): whole when the catalog has it, else its leading phrase up to
    `: ` (the fixed part of a message that goes on with values), the rest as written.

    >>> translate("thiếu khóa bắt buộc", "en"), translate("YAML không hợp lệ: x", "en")
    ('required key missing', 'invalid YAML: x')
    """
    catalog = _catalog(lang or language())
    whole = catalog.gettext(text)
    if whole != text:
        return whole
    head, sep, rest = text.partition(": ")
    return catalog.gettext(head) + sep + rest if sep else text
