"""Why a file is no .docx this library can read, in a clerk's terms: what it is, and what to do about it.

A Word 97–2003 file, and an Office file saved with a password, is an OLE compound file (MS-CFB), not a ZIP:
the names in its directory tell a .doc (`WordDocument`), an encrypted document (`EncryptedPackage`, or a .doc
whose header sets fEncrypted) and other Office files apart.
"""

from __future__ import annotations

import struct
from typing import IO

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_FREE = 0xFFFFFFFA  # sector numbers from here on mark ends and free sectors, never data
_MAX_SECTORS = 4096  # of the directory's chain (a hostile file may loop it)
# What to do, by cause.
DAMAGED = "tệp bị hỏng hoặc tải về chưa hết: mở bằng Word (Word đề nghị sửa tệp) rồi lưu lại, hoặc xin lại tệp gốc"
RESAVE = "tệp không do Word hay LibreOffice lưu: mở bằng một trong hai rồi lưu lại dạng Word (.docx)"
SMALLER = ("một phần của tệp giải nén ra quá lớn (có thể là bom nén): nếu là văn bản thật, lưu lại bằng Word sau khi "
           "bỏ bớt hình ảnh, đối tượng nhúng, hoặc tách thành nhiều tệp")
NOT_WORD = ("gói ZIP này không phải văn bản Word (có thể là Excel .xlsx, PowerPoint .pptx, OpenDocument .odt hay một "
            "tệp nén đổi đuôi): mở bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx)")


def why_not_docx(source: IO[bytes]) -> tuple[str, str]:
    """What a file that is no ZIP package is (message) and what to do (hint)."""
    source.seek(0)
    head = source.read(8)
    if head.startswith(b"PK"):
        return "gói ZIP bị cắt cụt hoặc hỏng", DAMAGED
    if head != OLE:
        return ("không phải tệp .docx (không phải gói ZIP của Office Open XML)",
                "mở tệp bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx); tệp PDF hay ảnh quét thì cần xin tệp "
                ".docx gốc")
    entries = _ole_entries(source)
    if "EncryptedPackage" in entries or "EncryptionInfo" in entries or _encrypted_doc(source, entries):
        return ("tệp Office được đặt mật khẩu (mã hóa): không đọc được nội dung",
                "mở tệp bằng Word, nhập mật khẩu, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật "
                "khẩu, xóa trống ô mật khẩu) rồi lưu lại dạng .docx; hoặc xin tệp không đặt mật khẩu")
    if "WordDocument" in entries or not entries:  # a directory that cannot be read: most likely a .doc
        return ("tệp Word 97–2003 (.doc), không phải .docx",
                "mở bằng Word rồi lưu dạng .docx, hoặc chuyển bằng LibreOffice: soffice --headless --convert-to docx "
                "TỆP.doc")
    return ("tệp Office 97–2003 nhưng không phải văn bản Word (có thể là Excel .xls hay PowerPoint .ppt)",
            "chọn đúng tệp văn bản Word (.docx)")


def _ole_entries(f: IO[bytes]) -> dict[str, tuple[int, int]]:
    """The streams and storages in an OLE compound file's directory: name → (first sector, size); as many as can be
    read (none when the header is not one)."""
    f.seek(0)
    head = f.read(512)
    shift = int.from_bytes(head[30:32], "little")
    if len(head) < 512 or shift not in (9, 12):
        return {}
    size = 1 << shift
    fat: list[int] = []
    for n in struct.unpack("<109I", head[76:512]):  # the FAT's first 109 sectors: 7 MB of a 512-byte-sector file
        if n < _FREE:
            data = _sector(f, n, size)
            fat.extend(struct.unpack(f"<{len(data) // 4}I", data[:len(data) // 4 * 4]))
    entries: dict[str, tuple[int, int]] = {}
    n, seen = int.from_bytes(head[48:52], "little"), set[int]()
    while n < min(len(fat), _FREE) and n not in seen and len(seen) < _MAX_SECTORS:
        seen.add(n)
        data = _sector(f, n, size)
        for at in range(0, len(data) - 127, 128):
            entry = data[at:at + 128]
            length = int.from_bytes(entry[64:66], "little")
            if entry[66] in (1, 2) and 2 <= length <= 64:  # a storage or a stream, with its name's length
                name = entry[:length - 2].decode("utf-16-le", "replace")
                entries[name] = int.from_bytes(entry[116:120], "little"), int.from_bytes(entry[120:124], "little")
        n = fat[n]
    return entries


def _encrypted_doc(f: IO[bytes], entries: dict[str, tuple[int, int]]) -> bool:
    """Whether a .doc's header (FIB, at the start of its WordDocument stream) sets fEncrypted."""
    start, length = entries.get("WordDocument", (_FREE, 0))
    if length < 4096 or start >= _FREE:  # a smaller stream is in the mini stream: no Word writes one
        return False
    f.seek(0)
    size = 1 << int.from_bytes(f.read(32)[30:32], "little")
    fib = _sector(f, start, size)
    return fib[:2] == b"\xec\xa5" and bool(int.from_bytes(fib[10:12], "little") & 0x0100)


def _sector(f: IO[bytes], n: int, size: int) -> bytes:
    f.seek((n + 1) * size)
    return f.read(size)
