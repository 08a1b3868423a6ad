"""The signer's name (ô 7b): the decree prints it alone, with no form of address, academic title or degree.

"Ông" and "Bà" are forms of address before a full name (Ông Nguyễn Văn A) or a title (Ông TS. …), and family
names themselves before a given name (Ông Ích Khiêm, Ông Văn Tùng): the word after them tells which.
"""

from __future__ import annotations

import re
import unicodedata

# Always titles: forms of address, academic titles and degrees (GS.TS., PGS. TS. …).
_TITLE = re.compile(r"(đ/c|đồng chí|gs|pgs|ts|tskh|ths|ks|bs|cn|ls)(\.\s*|\s+)", re.IGNORECASE)
_ADDRESS = re.compile(r"(ông|bà)\s+(?=\S+\s+\S)", re.IGNORECASE)  # followed by two words or more
# Common Vietnamese family names (Ông among them: Ông Văn Dũng): after Ông or Bà, one of them starts a full name.
FAMILY_NAMES = frozenset("""
    nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý lí đào đoàn đinh trương trịnh lâm
    lương mai cao hà tô tạ châu chu phùng quách lưu thái kiều triệu mạc lã lại la tôn thân khúc từ đàm nông
    lò hứa vương kim diệp giang hầu lục mã nghiêm tiêu thạch bạch doãn âu ninh tăng ông
""".split())


def title_of(name: str) -> tuple[str, str] | None:
    """The titles written before a signer's name and the name without them; None when it has none.

    >>> title_of("PGS.TS. Lê Văn A"), title_of("Bà Trần Thị B"), title_of("Ông Ích Khiêm")
    (('PGS.TS.', 'Lê Văn A'), ('Bà', 'Trần Thị B'), None)
    """
    name = unicodedata.normalize("NFC", name).strip()
    at = 0
    while True:
        found = _TITLE.match(name, at) or _ADDRESS.match(name, at)
        if found is None or (found.re is _ADDRESS and name[found.end():].split()[0].lower() not in FAMILY_NAMES
                             and not _TITLE.match(name, found.end())):
            break
        at = found.end()
    return (name[:at].strip(), name[at:].strip()) if at else None
