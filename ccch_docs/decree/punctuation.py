"""The decree's punctuation of listed lines: `;` and `.` at line ends, `- ` before items, fixed openings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..formats.text import nfc
from .wording import DEFAULT, PROPOSAL_OPENINGS, Words

_END_PUNCT = ";.,:"


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


def dashed(item: str) -> str:
    """An item of a list, after `- ` (a dash the user typed is not doubled).

    >>> dashed("- Sở Nội vụ"), dashed("Sở Nội vụ")
    ('- Sở Nội vụ', '- Sở Nội vụ')
    """
    return "- " + item.lstrip("-").strip()


def listed(lines: Sequence[str]) -> list[str]:
    """Each line ending with `;`, the last with `.`.

    >>> listed(["Căn cứ A.", "Căn cứ B"])
    ['Căn cứ A;', 'Căn cứ B.']
    """
    return [end_with(x, "." if i == len(lines) - 1 else ";") for i, x in enumerate(lines)]


def opened(text: str, opening: str, *known: str) -> str:
    """`text` starting with `opening`, unless it already starts with it or with one of the `known` openings,
    which is then written as the decree prints it (a line of grounds starts with a capital).

    >>> opened("Luật A", "Căn cứ"), opened("căn cứ Luật A", "Căn cứ"), opened("V/v họp", "V/v")
    ('Căn cứ Luật A', 'Căn cứ Luật A', 'V/v họp')
    >>> opened("xét đề nghị của Sở", "Theo đề nghị của", "Xét đề nghị")
    'Xét đề nghị của Sở'
    """
    for o in (opening, *known):
        if text[:len(o)].casefold() == o.casefold():
            return o + text[len(o):]
    return f"{opening} {text}"


def unopened(text: str, opening: str) -> str:
    """`text` without the `opening` the program prints before it (and a dash before that), typed by the user too.

    >>> unopened("Lưu: VT, NV.", "Lưu:"), unopened("- lưu: VT", "Lưu:"), unopened("VT", "Lưu:")
    ('VT, NV.', 'VT', 'VT')
    >>> unopened("Kính gửi: Sở Nội vụ", "Kính gửi:"), unopened("Lưu trữ lịch sử", "Lưu:")
    ('Sở Nội vụ', 'Lưu trữ lịch sử')
    """
    m = _opening(text, opening)
    return text.strip()[m.end():] if m else text


def _opening(text: str, opening: str) -> re.Match[str] | None:
    """`opening` (its `.` or `:` either), a dash before it, at the head of `text`."""
    return re.match(r"(?:-\s*)?" + re.escape(opening.rstrip(".:")) + r"\s*[.:]\s*", text.strip(), re.IGNORECASE)


def _headed(text: str, name: str) -> re.Match[str] | None:
    """`name` (words, any case) at the head of `text`, with what parts it from the rest (`: `, ` - `, spaces)."""
    words = r"\s+".join(re.escape(w) for w in nfc(name).split())
    # `Kế hoạch hóa gia đình` opens with the tên loại and is no repeat of it
    return re.match(rf"\s*{words}(?:\s*[:\-–]\s*|\s+|$)(?!h(?:óa|oá)\b)", nfc(text), re.IGNORECASE) if words else None


def untitled(lines: Sequence[str], name: str) -> list[str]:
    """The trích yếu `lines` printed under the tên loại `name`, without that name typed at their head too (what
    follows opens with a capital, as the decree prints a trích yếu); a line that was the name alone goes.

    >>> untitled(["Kế hoạch cải cách hành chính năm 2022"], "KẾ HOẠCH"), untitled(["KẾ HOẠCH", "Về việc A"], "KẾ HOẠCH")
    (['Cải cách hành chính năm 2022'], ['Về việc A'])
    >>> untitled(["Báo cáo: kết quả quý I"], "BÁO CÁO"), untitled(["Kế hoạch hóa gia đình"], "KẾ HOẠCH")
    (['Kết quả quý I'], ['Kế hoạch hóa gia đình'])
    >>> untitled(["Báo cáo viên"], "BÁO CÁO VIÊN CHỨC"), untitled(["Kế hoạch A"], "")
    (['Báo cáo viên'], ['Kế hoạch A'])
    """
    if not lines or not (m := _headed(lines[0], name)):
        return list(lines)
    rest = nfc(lines[0])[m.end():]
    return [rest[:1].upper() + rest[1:], *lines[1:]] if rest else list(lines[1:])


def subject(lines: Sequence[str], words: Words = DEFAULT) -> str:
    """A công văn's trích yếu line: `V/v …`, its `V/v` or `Về việc` typed by the user not doubled.

    >>> subject(["triển khai Chỉ số CCHC"]), subject(["Về việc triển khai"]), subject(["V/v họp"])
    ('V/v triển khai Chỉ số CCHC', 'V/v triển khai', 'V/v họp')
    """
    text = " ".join(lines)
    m = _headed(text, "về việc")
    return opened(nfc(text)[m.end():] if m else text, words["v_v"])


_DATE_TYPED = re.compile(r"(?:,\s*|\s+)ngày\b.*|,?\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$", re.IGNORECASE | re.S)


def place(dia_danh: str) -> str:
    """The địa danh printed before `, ngày … tháng … năm …`, without the start of that line (or a date) typed after
    it too.

    >>> place("Đồng Tháp, ngày"), place("Đồng Tháp ngày"), place("Đồng Tháp,"), place("Đồng Tháp, 05/01/2022")
    ('Đồng Tháp', 'Đồng Tháp', 'Đồng Tháp', 'Đồng Tháp')
    """
    m = _DATE_TYPED.search(dia_danh)
    return (dia_danh[:m.start()] if m else dia_danh).rstrip().rstrip(",").rstrip()


def dated(dia_danh: str) -> bool:
    """Whether `dia_danh` holds a date, which belongs in `ngay` (`Đồng Tháp, ngày 05 tháng 01 năm 2022`).

    >>> dated("Đồng Tháp, ngày 05 tháng 01 năm 2022"), dated("Đồng Tháp, 05/01/2022"), dated("Đồng Tháp, ngày")
    (True, True, False)
    """
    m = _DATE_TYPED.search(dia_danh)
    return bool(m and re.sub(r"[,\s]|ngày", "", m.group(), flags=re.IGNORECASE))


def self_printed(item: str, words: Words = DEFAULT) -> bool:
    """Whether a Nơi nhận item opens with a line the program prints itself: the `Nơi nhận:` label or `Lưu:`.

    >>> self_printed("Nơi nhận:"), self_printed("- Lưu: VT"), self_printed("Bộ Nội vụ")
    (True, True, False)
    """
    return any(_opening(item, words[key]) for key in ("noi_nhan", "luu"))


def stored(item: str, words: Words = DEFAULT) -> str | None:
    """What a Nơi nhận item typed as the `Lưu:` line keeps (the value of `luu`), else None.

    >>> stored("- Lưu: VT, P.CCHC."), stored("Lưu VT"), stored("Lưu trữ lịch sử tỉnh"), stored("Lưu:")
    ('VT, P.CCHC.', None, None, '')
    """
    m = _opening(item, words["luu"])
    return item.strip()[m.end():] if m else None


def is_luu(line: str, words: Words = DEFAULT) -> bool:
    """Whether a Nơi nhận line of a document is its `Lưu:` line, the colon forgotten too (`- Lưu VT.`), and not a
    recipient whose name opens with the word.

    >>> is_luu("- Lưu: VT, SNV."), is_luu("- Lưu VT, T (KSTTHC)."), is_luu("- Lưu trữ lịch sử tỉnh;")
    (True, True, False)
    """
    if stored(line, words) is not None:
        return True
    loose = r"(?:[-–+]\s*)?" + re.escape(words["luu"].rstrip(".:")) + r"\s+VT\b"
    return re.match(loose, nfc(line.strip()), re.IGNORECASE) is not None


def printed_luu(line: str, words: Words = DEFAULT) -> bool:
    """Whether a Lưu line reads as the decree prints it, `- Lưu: VT, ….`, its label as the document's wording has it.

    >>> printed_luu("- Lưu: VT, SNV."), printed_luu("- Lưu: SNV, VT.")
    (True, False)
    >>> printed_luu("- Lưu trữ: VT.", {"luu": "Lưu trữ:"})
    True
    """
    return re.match(rf"- {re.escape(words['luu'])} VT(, .+)?\.$", line) is not None


def recipients(items: Sequence[str], luu: str, opening: str | None = None, words: Words = DEFAULT) -> list[str]:
    """Nơi nhận lines: `- X;` each (a line given twice is kept once), the last `- Lưu: … .`;
    `opening` first unless the user wrote a `Như …` line. The `Nơi nhận:` label and a `Lưu:` line typed among the
    items are not printed twice (model reads such a line as `luu`).

    >>> recipients(("Bộ Nội vụ", "Sở Nội vụ;", "- Bộ Nội vụ"), "VT, T (KSTTHC)")
    ['- Bộ Nội vụ;', '- Sở Nội vụ;', '- Lưu: VT, T (KSTTHC).']
    >>> recipients(("Sở Nội vụ",), "VT", "Như trên"), recipients(("- Như trên;",), "VT", "Như trên")
    (['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT.'], ['- Như trên;', '- Lưu: VT.'])
    >>> recipients(("Nơi nhận:", "Bộ Nội vụ;", "- Lưu: VT, P.CCHC."), "VT, P.CCHC")
    ['- Bộ Nội vụ;', '- Lưu: VT, P.CCHC.']
    """
    items = [x for x in (unopened(item, words["noi_nhan"]) for item in items) if x.strip() and stored(x, words) is None]
    written = any(dashed(item).casefold().startswith("- như ") for item in items)
    if opening and not written:
        items = (opening, *items)
    lines = dict.fromkeys(end_with(dashed(item), ";") for item in items)
    return [*lines, end_with(f"- {words['luu']} {unopened(luu, words['luu'])}", ".")]


def addressees(items: Sequence[str], words: Words = DEFAULT) -> list[str]:
    """Kính gửi: one as written; several as a dashed list with `;` and a final `.` (a `Kính gửi:` typed is dropped).

    >>> addressees(("Sở Nội vụ",)), addressees(("Kính gửi: Sở Nội vụ",))
    (['Sở Nội vụ'], ['Sở Nội vụ'])
    >>> addressees(("Sở Nội vụ", "Sở Tài chính"))
    ['- Sở Nội vụ;', '- Sở Tài chính.']
    """
    items = [unopened(x, words["kinh_gui"]) for x in items]
    if len(items) == 1:
        return list(items)
    return listed([dashed(x) for x in items])


def grounds(can_cu: Sequence[str], theo_de_nghi: str | None, words: Words = DEFAULT) -> list[str]:
    """The grounds of a Quyết định: `Căn cứ …;` lines, then `Theo đề nghị của …`; the last line ends with `.`.
    A line that opens with another grounds wording (`Theo đề xuất của`, `Xét đề nghị của` …) is kept as written.

    >>> grounds(("Luật A", "Căn cứ Luật B."), "Giám đốc Sở Nội vụ")
    ['Căn cứ Luật A;', 'Căn cứ Luật B;', 'Theo đề nghị của Giám đốc Sở Nội vụ.']
    >>> grounds(("Luật A", "Theo đề xuất của Sở Nội vụ"), "Xét đề nghị của Sở Tư pháp")
    ['Căn cứ Luật A;', 'Theo đề xuất của Sở Nội vụ;', 'Xét đề nghị của Sở Tư pháp.']
    """
    lines = [opened(x, words["can_cu"], *PROPOSAL_OPENINGS) for x in can_cu]
    if theo_de_nghi:
        lines.append(opened(theo_de_nghi, words["theo_de_nghi"], *PROPOSAL_OPENINGS))
    return listed(lines)
