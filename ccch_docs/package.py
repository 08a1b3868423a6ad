"""A .docx template read defensively: sizes checked before any part is read, every XML part parsed safely."""

from __future__ import annotations

import stat
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from . import ooxml
from .errors import Problem, TemplateError
from .messages import grouped, os_error

MAX_FILE = 50_000_000  # bytes of the .docx file
MAX_PARTS = 1_000  # entries in it
MAX_PART = 30_000_000  # bytes of one part, unpacked
MAX_UNPACKED = 100_000_000  # bytes of all parts, unpacked
MAX_RATIO = 100  # unpacked / packed, for parts above RATIO_FROM bytes (text XML packs 5–20×)
RATIO_FROM = 1_000_000
_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)  # what Word and LibreOffice write
_HINT = "lưu lại mẫu bằng Word hoặc LibreOffice (định dạng .docx)"


def _refuse(path: Path, message: str, part: str | None = None) -> TemplateError:
    return TemplateError([Problem(message, str(path), key=part, hint=_HINT)])


def unreadable_entry(info: zipfile.ZipInfo) -> str | None:
    """Why one part of a .docx cannot be unpacked (a method or a password no word processor writes); None if it can."""
    if info.compress_type not in _METHODS:
        return f"phần nén bằng phương pháp {info.compress_type} không đọc được"
    if info.flag_bits & 0x1:
        return "phần được mã hóa (đặt mật khẩu)"
    return None


def oversized_entry(info: zipfile.ZipInfo, most: int, ratio: int = MAX_RATIO) -> str | None:
    """Why one part of a .docx would unpack to too much (more than `most` bytes, or more than `ratio` times its packed
    size: a zip bomb); None if it would not. Both read from the zip's directory alone."""
    if info.file_size > most:
        return f"phần giải nén ra {grouped(info.file_size)} byte, quá {grouped(most)}"
    packed = max(info.compress_size, 1)
    if info.file_size > RATIO_FROM and info.file_size > ratio * packed:
        return f"phần nén {grouped(info.file_size // packed)} lần, quá {grouped(ratio)} lần (bom nén)"
    return None


def _check_entries(path: Path, z: zipfile.ZipFile) -> None:
    """Refuse, from the zip's directory alone, a template that would unpack to too much or cannot be read."""
    entries = z.infolist()
    if len(entries) > MAX_PARTS:
        raise _refuse(path, f"mẫu có {grouped(len(entries))} phần, quá {grouped(MAX_PARTS)}")
    total = 0
    for info in entries:
        fault = unreadable_entry(info) or oversized_entry(info, MAX_PART)
        if fault is not None:
            raise _refuse(path, fault, info.filename)
        total += info.file_size
    if total > MAX_UNPACKED:
        raise _refuse(path, f"mẫu giải nén ra {grouped(total)} byte, quá {grouped(MAX_UNPACKED)}")


def _checked_xml(path: Path, name: str, data: bytes) -> None:
    """Refuse an XML part that is not well-formed UTF-8 XML, or that declares a DOCTYPE (DTD, entities)."""
    try:
        data.decode("utf-8")
        ooxml.parse(data)
    except UnicodeDecodeError as exc:
        raise _refuse(path, f"phần XML không phải UTF-8 (byte {exc.start})", name) from None
    except etree.XMLSyntaxError as exc:
        raise _refuse(path, f"phần XML hỏng: {exc}", name) from None
    except ValueError as exc:
        raise _refuse(path, str(exc), name) from None


def read_parts(path: Path) -> dict[str, bytes]:
    """Every part of the .docx at `path`, by name; a TemplateError naming the file and part otherwise."""
    try:
        info = path.stat()
    except OSError as exc:
        raise TemplateError([Problem(f"không mở được mẫu: {os_error(exc)}", str(path))]) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, "mẫu không phải tệp thường")
    if info.st_size > MAX_FILE:
        raise _refuse(path, f"tệp mẫu {grouped(info.st_size)} byte, quá {grouped(MAX_FILE)}")
    parts: dict[str, bytes] = {}
    name = None
    try:
        with zipfile.ZipFile(path) as z:
            _check_entries(path, z)
            for entry in z.infolist():
                name = entry.filename
                parts[name] = z.read(entry)
    except (OSError, EOFError, zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, ValueError) as exc:
        raise _refuse(path, f"không đọc được mẫu: {os_error(exc)}", name) from None
    for name, data in parts.items():
        if name.endswith((".xml", ".rels", ".vml")):
            _checked_xml(path, name, data)
    return parts
