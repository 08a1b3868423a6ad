"""The message catalog: each problem's stable code and its Vietnamese text, the msgid of its translations.

Codes are written here once and never renumbered: systems match them (`CCHC-E001`), whatever the language.
The translations live in `locale/<lang>/LC_MESSAGES/ccch_docs.po` (extracted with `pybabel extract`, compiled
to `.mo` with `pybabel compile`; both are shipped in the package).
"""

from __future__ import annotations

import gettext
import os
import re
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
    # The file's text.
    "CCHC-E014": N_("tệp quá lớn ({size} byte, tối đa {most})"),
    "CCHC-E015": N_("văn bản quá lớn ({size} ký tự, tối đa {most})"),
    "CCHC-E016": N_("tệp có dấu BOM của {encoding} nhưng nội dung hỏng"),
    "CCHC-E017": N_("byte {byte} không hợp lệ trong UTF-8"),
    "CCHC-E018": N_("{character} không được có trong tệp"),
    "CCHC-E019": N_("văn bản phải là một ánh xạ khóa: giá trị"),
    # Values, cont.
    "CCHC-E023": N_("số liệu phải là số: {detail}"),
    "CCHC-E024": N_("số liệu phải là số, không phải {value}"),
    "CCHC-E025": N_("số quá lớn (từ 10²⁵ trở lên)"),
    "CCHC-E026": N_("số quá lớn (từ 10²⁵ trở lên) hoặc không hữu hạn"),
    "CCHC-E027": N_("{detail} để cộng vào dòng tổng"),
    "CCHC-E028": N_("kỳ báo cáo cần ngày đầy đủ"),
    "CCHC-E029": N_("ngày cuối kỳ trước ngày đầu kỳ"),
    # Linked files and the files written.
    "CCHC-E030": N_("quá nhiều liên kết: tối đa {most} lần ke_thua, kem_theo, ke_hoach cho một văn bản"),
    "CCHC-E031": N_("{kind} vòng tròn: {names}"),
    "CCHC-E032": N_("chuỗi tệp liên kết dài quá {most} tệp"),
    "CCHC-E033": N_("phải là một đường dẫn hoặc danh sách đường dẫn"),
    "CCHC-E034": N_("kế hoạch mà báo cáo trả lời có lỗi"),
    "CCHC-E035": N_("không tìm thấy kế hoạch {path}"),
    "CCHC-E036": N_("chỉ quyết định mới ban hành văn bản kèm theo"),
    "CCHC-E037": N_("phải là đường dẫn tới tệp YAML hoặc một khối khóa: giá trị"),
    "CCHC-E038": N_("không thể ban hành kèm theo một {kind}"),
    "CCHC-E039": N_("tệp đã có, không ghi đè"),
    "CCHC-E040": N_("tệp đã có; thêm --force để ghi đè"),
    "CCHC-E041": N_("không đọc được tệp .docx: {detail}"),
    "CCHC-E042": N_("không phải văn bản hành chính: không có Quốc hiệu, không có số và ký hiệu"),
    "CCHC-E043": N_("kế hoạch không có nhiệm vụ mã `{code}`"),
    "CCHC-E044": N_("kế hoạch không có nhiệm vụ nào trong phụ lục"),
    "CCHC-E045": N_("cần `ke_hoach`: kế hoạch mà báo cáo trả lời, để đối chiếu mã nhiệm vụ"),
    "CCHC-E046": N_("không có nhiệm vụ nào có cơ quan chủ trì hoặc phối hợp là {units}"),
    "CCHC-E047": N_("đường dẫn {path} có vòng liên kết tượng trưng (symlink)"),
    "CCHC-E048": N_("không dùng được đường dẫn {path}: {detail}"),
    "CCHC-E049": N_("tệp {path} nằm ngoài các thư mục được phép đọc ({roots})"),
    # The document's content, across keys.
    "CCHC-E050": N_("cần `viet_tat` để tạo ký hiệu văn bản"),
    "CCHC-E051": N_("thiếu chức vụ người ký"),
    "CCHC-E052": N_("phụ lục có dòng bảng nhưng không có cột"),
    "CCHC-E053": N_("phụ lục trống"),
    "CCHC-E054": N_("không có lời chú thích [^{n}]"),
    "CCHC-E055": N_("chú thích {n} không được đánh dấu trong văn bản"),
    "CCHC-E056": N_("không có mẫu cột `{name}`"),
    "CCHC-E057": N_("cột `{key}` bị khai báo hai lần"),
    "CCHC-E058": N_("không có cột `{key}` để tính tổng"),
    "CCHC-E059": N_("`ma` phải là chuỗi"),
    "CCHC-E060": N_("mã `{code}` đã dùng cho dòng khác"),
    "CCHC-E061": N_("`{key}` không phải là cột của phụ lục"),
    "CCHC-E062": N_("phần nội dung lồng quá {depth} cấp ({scheme})"),
    "CCHC-E063": N_("phần nội dung trống"),
    "CCHC-E064": N_("khóa `{key}` chỉ dùng cho `loai: {owner}`"),
    "CCHC-E065": N_("`loai: {kind}` không có phần `{key}`"),
    "CCHC-E066": N_("bộ mẫu không thể chọn bộ mẫu"),
    "CCHC-E067": N_("bộ mẫu không đặt sẵn tệp liên kết"),
    "CCHC-E068": N_("không phải khóa của văn bản"),
    # The YAML's structure and size.
    "CCHC-E070": N_("đoạn văn quá dài ({size} ký tự, tối đa {most})"),
    "CCHC-E071": N_("khóa phải là một chuỗi, không phải một khối hay danh sách"),
    "CCHC-E072": N_("lồng quá sâu (quá {most} cấp)"),
    "CCHC-E073": N_("không dùng được thẻ YAML `{tag}`"),
    "CCHC-E074": N_("tệp có nhiều hơn một tài liệu YAML (`---`)"),
    "CCHC-E075": N_("tài liệu quá lớn: hơn {most} giá trị (kể cả các lần lặp lại của bí danh `*…`)"),
    "CCHC-E076": N_("{character} không dùng được trong văn bản Word"),
    "CCHC-E077": N_("bí danh `*{name}` nằm trong chính khối `&{same}` mà nó lặp lại"),
    "CCHC-E078": N_("không có neo `&{name}` trước bí danh `*{same}`"),
    "CCHC-E079": N_("dữ liệu quá lớn: hơn {most} giá trị"),
    # Template expressions in the text (the detail is the expression's own message).
    "CCHC-E080": N_("biểu thức {expression}: {detail}"),
    "CCHC-E081": N_("dữ liệu vòng tròn: giá trị chứa chính nó"),
    # Reading linked files.
    "CCHC-E082": N_("không đọc được tệp {path}: {detail}"),
    "CCHC-E083": N_("tệp {path} quá lớn (tối đa {most} byte mỗi tệp, {total} byte cho một văn bản cùng các tệp nó "
                    "liên kết)"),
    "CCHC-E084": N_("{path} không phải là tệp thường"),
    "CCHC-E085": N_("văn bản phải là một ánh xạ khóa: giá trị (ví dụ `loai: ke_hoach`)"),
    "CCHC-E086": N_("`<<` phải nhận một khối hoặc danh sách khối"),
    "CCHC-E087": N_("mã `{code}` trùng với mã mặc định của một dòng khác"),
    # The command line.
    "CCHC-E090": N_("lỗi không mong đợi: {detail}"),
    "CCHC-E091": N_("không biết xuất định dạng `{suffix}`"),
    "CCHC-E092": N_("dựng nhiều tệp thì -o phải là một thư mục"),
    "CCHC-E093": N_("-o - chỉ dùng được với một tệp YAML"),
    "CCHC-E094": N_("không có tệp YAML nào ở đây"),
    "CCHC-E095": N_("không có tệp hoặc thư mục này"),
    "CCHC-E096": N_("hai văn bản cùng ghi ra một tệp"),
    "CCHC-E097": N_("tệp kết quả trùng với tệp đầu vào; không ghi đè"),
    "CCHC-E098": N_("thiếu {flag}"),
    # Templates and template packs (E100–E199).
    "CCHC-E100": N_("mẫu sinh quá {most} thẻ XML"),
    "CCHC-E101": N_("mẫu có {tables} chỗ đặt bảng phụ lục cho {count} phụ lục"),
    "CCHC-E102": N_("mẫu thiếu word/document.xml hoặc word/styles.xml"),
    "CCHC-E103": N_("mẫu thiếu kiểu đoạn {style} cần để áp dụng co_chu"),
    "CCHC-E104": N_("mẫu thiếu w:sectPr (khổ giấy, lề)"),
    "CCHC-E105": N_("mẫu hỏng: {detail}"),
    "CCHC-E106": N_("không tìm thấy mẫu: {detail}"),
    "CCHC-E107": N_("không mở được mẫu: {detail}"),
    "CCHC-E108": N_("không tìm thấy thư mục `{name}` đi kèm thư viện"),
    "CCHC-E109": N_("thư mục mẫu không tồn tại: {path}"),
    "CCHC-E110": N_("mẫu {path} là liên kết trỏ ra ngoài thư mục mẫu {folder}"),
    "CCHC-E111": N_("không có mẫu `{name}` trên đường tìm mẫu"),
    "CCHC-E112": N_("{file} là liên kết trỏ ra ngoài bộ mẫu {folder}"),
    "CCHC-E113": N_("bộ mẫu {path} nằm ngoài các thư mục được phép đọc"),
    "CCHC-E114": N_("biến `{name}` không có trong ngữ cảnh; trong đoạn «{paragraph}»"),
    "CCHC-E115": N_("mẫu thiếu kiểu đoạn `{style}`"),
    "CCHC-E116": N_("không đoạn nào dùng kiểu `{style}` nữa"),
    "CCHC-E117": N_("mẫu mất vòng lặp `{loop}`"),
    "CCHC-E118": N_("mẫu mất bảng phụ lục mẫu (năm dòng) trong vòng lặp phụ lục"),
    "CCHC-E119": N_("mẫu không phải tệp thường"),
    "CCHC-E120": N_("mẫu có {count} phần, quá {most}"),
    "CCHC-E121": N_("phần nén bằng phương pháp {method} không đọc được"),
    "CCHC-E122": N_("phần được mã hóa (đặt mật khẩu)"),
    "CCHC-E123": N_("phần giải nén ra {size} byte, quá {most}"),
    "CCHC-E124": N_("phần nén {ratio} lần, quá {most} lần (bom nén)"),
    "CCHC-E125": N_("mẫu giải nén ra {size} byte, quá {most}"),
    "CCHC-E126": N_("phần XML không phải UTF-8 (byte {byte})"),
    "CCHC-E127": N_("phần XML hỏng: {detail}"),
    "CCHC-E128": N_("tệp mẫu {size} byte, quá {most}"),
    "CCHC-E129": N_("không đọc được mẫu: {detail}"),
    "CCHC-E130": N_("tên bộ mẫu không được là đường dẫn tuyệt đối"),
    "CCHC-E131": N_("tên bộ mẫu không được ra ngoài thư mục mẫu (`..`)"),
    "CCHC-E132": N_("tên bộ mẫu trống"),
    "CCHC-E133": N_("bộ mẫu `{name}` là liên kết trỏ ra ngoài thư mục mẫu {root}"),
    "CCHC-E134": N_("không tìm thấy bộ mẫu `{name}`"),
    # Writing the output and the PDF (E200–E299).
    "CCHC-E200": N_("không tìm thấy LibreOffice ở {path} (biến CCHC_SOFFICE)"),
    "CCHC-E201": N_("không tìm thấy LibreOffice (soffice) để xuất PDF"),
    "CCHC-E202": N_("LibreOffice không chuyển được sang PDF: {detail}"),
    "CCHC-E203": N_("LibreOffice không khởi động được để xuất PDF"),
    "CCHC-E204": N_("không chạy được LibreOffice: {detail}"),
    "CCHC-E205": N_("LibreOffice không tạo ra tệp PDF trọn vẹn"),
    "CCHC-E206": N_("LibreOffice chuyển sang PDF quá {seconds} giây nên đã dừng; không ghi PDF"),
    "CCHC-E207": N_("không ghi được: {detail}"),
    "CCHC-E208": N_("đích ghi không phải tệp thường (thư mục, thiết bị, FIFO …)"),
    "CCHC-E209": N_("đích ghi là tệp đầu vào {path}: không ghi đè"),
    "CCHC-E210": N_("luồng ghi đã đóng"),
    "CCHC-E211": N_("luồng văn bản không nhận được .docx"),
    "CCHC-E212": N_("không ghi được vào luồng: {detail}"),
    # Other problems of the input (their own wording).
    "CCHC-E099": N_("lỗi của dữ liệu đầu vào"),
}
OTHER = "CCHC-E099"
# Fixed openings of messages and hints that go on with values (`còn chỗ cần điền: (trích yếu …)`).
HEADS = (N_("các khóa được dùng ở đây"), N_("chọn một trong"), N_("đặt giá trị trong dấu ngoặc kép"),
         N_("đặt dòng trong dấu ngoặc kép"), N_("số liệu phải là số"), N_("dấu hai chấm `:` đặt sai chỗ"),
         N_("thụt lề bằng phím Tab"), N_("thiếu dấu ngoặc kép đóng"))
# The command line's own words, as argparse writes them (its msgids are English): Vietnamese in the vi catalog.
ARGPARSE = (
    N_('usage: '),
    N_('%(prog)s: error: %(message)s\n'),
    N_('argument %(argument_name)s: %(message)s'),
    N_('ambiguous option: %(option)s could match %(matches)s'),
    N_('expected one argument'),
    N_('expected at least one argument'),
    N_('expected at most one argument'),
    N_('invalid %(type)s value: %(value)r'),
    N_('invalid choice: %(value)r (choose from %(choices)s)'),
    N_('not allowed with argument %s'),
    N_('one of the arguments %s is required'),
    N_('options'),
    N_('positional arguments'),
    N_('show this help message and exit'),
    N_('the following arguments are required: %s'),
    N_('unrecognized arguments: %s'),
    N_("can't open '%(filename)s': %(error)s"),
    N_('ignored explicit argument %r'),
)
# The YAML parser's errors made from the user's own line (yamlerrors.py; its fixed wording is marked there).
VALUE_COLON = N_("giá trị của `{key}` có dấu hai chấm `:` nên YAML hiểu sai")
VALUE_DASH = N_("giá trị của `{key}` bắt đầu bằng `- ` nên YAML hiểu sai")
QUOTE_VALUE = N_("đặt giá trị trong dấu ngoặc kép: {rewritten} — hoặc viết `{key}: >-` rồi xuống dòng, "
                 "thụt lề đoạn văn")
DASHED_LIST = N_("viết {rewritten} — hoặc mỗi mục một dòng, bắt đầu bằng `- \"- …\"`")
# Hints and expression messages that go with values (translated like messages, with no code of their own).
PHRASES = (N_("đã tìm trong: {folders}"), N_("chia cho 0"), N_("ti_le(a, b) ghi 0% khi b bằng 0"),
           N_("kết quả quá lớn"), N_("không có khóa `{key}`"), N_("cú pháp sai: {detail}"),
           VALUE_COLON, VALUE_DASH, QUOTE_VALUE, DASHED_LIST)
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


@contextmanager
def argparse_speaking(lang: str) -> Iterator[None]:
    """argparse's own words (`usage:`, `error:`, `invalid choice` …) in `lang` inside the block."""
    import argparse
    names = vars(argparse)  # argparse looks its words up through its module name `_`
    saved = names["_"]
    names["_"] = _catalog(lang).gettext
    try:
        yield
    finally:
        names["_"] = saved


def lookup(text: str, lang: str | None = None) -> str:
    """`text` whole from the catalog of `lang` (default: language()), else as written."""
    return _catalog(lang or language()).gettext(text)


@lru_cache(maxsize=8)
def _catalog(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, LOCALE, languages=[lang], fallback=True)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    """(code, msgid, pattern matching the messages made from it), the msgids with most fixed text first."""
    found = []
    for code, msgid in [*CODES.items(), *(("", phrase) for phrase in PHRASES)]:
        parts = re.split(r"\{(\w+)\}", msgid)
        seen: set[str] = set()
        pattern = ""
        for i, part in enumerate(parts):
            if i % 2 == 0:
                pattern += re.escape(part)
            else:
                pattern += f"(?P={part})" if part in seen else f"(?P<{part}>.+?)"
                seen.add(part)
        fixed = sum(len(part) for part in parts[::2])
        found.append((fixed, code, msgid, re.compile(pattern, re.S)))
    return [(code, msgid, pattern) for _, code, msgid, pattern in sorted(found, key=lambda f: -f[0])]


def matching(message: str) -> tuple[str, str, dict[str, str]] | None:
    """The code (`""` for a hint) and msgid `message` was made from, and the values put in it; None if the
    catalog has no such message.

    >>> matching("không tìm thấy mẫu: x.docx")
    ('CCHC-E106', 'không tìm thấy mẫu: {detail}', {'detail': 'x.docx'})
    """
    for code, msgid, pattern in _patterns():
        found = pattern.fullmatch(message)
        if found:
            return code, msgid, found.groupdict()
    return None


def code_of(message: str) -> str:
    """The stable code of a message: its msgid's in CODES, else the code of other problems of the input."""
    found = matching(message)
    if found and found[0]:
        return found[0]
    head = message.partition(": ")[0]  # `YAML không hợp lệ: …`
    return next((code for code, msgid in CODES.items() if msgid == head), OTHER)


def translate(text: str, lang: str | None = None) -> str:
    """`text` in `lang` (default: language()): whole when the catalog has it; else, for a message made from
    a msgid with `{values}`, the translated msgid filled with the same values; else its leading phrase up
    to `: ` (the fixed part of a message that goes on with values), the rest translated likewise when that
    phrase is known, else as written.

    >>> translate("thiếu khóa bắt buộc", "en"), translate("YAML không hợp lệ: x", "en")
    ('required key missing', 'invalid YAML: x')
    """
    catalog = _catalog(lang or language())
    whole = catalog.gettext(text)
    if whole != text:
        return whole
    made = matching(text)
    if made is not None and made[2]:  # values as written, but a `detail` is itself a message
        values = {k: translate(v, lang) if k == "detail" else v for k, v in made[2].items()}
        return re.sub(r"\{(\w+)\}", lambda m: values[m[1]], catalog.gettext(made[1]))
    head, sep, rest = text.partition(": ")
    if not sep:
        return text
    known = catalog.gettext(head)
    return known + sep + (translate(rest, lang) if known != head else rest)  # `YAML không hợp lệ: <a message>`
