"""The decree's punctuation of listed lines: `;` and `.` at line ends, `- ` before items, fixed openings."""

from __future__ import annotations

import re
from collections.abc import Sequence

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
    m = re.match(r"(?:-\s*)?" + re.escape(opening.rstrip(".:")) + r"\s*[.:]\s*", text.strip(), re.IGNORECASE)
    return text.strip()[m.end():] if m else text


def recipients(items: Sequence[str], luu: str, opening: str | None = None, words: Words = DEFAULT) -> list[str]:
    """Nơi nhận lines: `- X;` each (a line given twice is kept once), the last `- Lưu: … .`;
    `opening` first unless the user wrote a `Như …` line.

    >>> recipients(("Bộ Nội vụ", "Sở Nội vụ;", "- Bộ Nội vụ"), "VT, T (KSTTHC)")
    ['- Bộ Nội vụ;', '- Sở Nội vụ;', '- Lưu: VT, T (KSTTHC).']
    >>> recipients(("Sở Nội vụ",), "VT", "Như trên"), recipients(("- Như trên;",), "VT", "Như trên")
    (['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT.'], ['- Như trên;', '- Lưu: VT.'])
    """
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
