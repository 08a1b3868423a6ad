"""YAML text to checked data with the place of every key and item, in one pass over libyaml's events; the same
checks for data handed over in memory; and data back to YAML in the input format's style.

Only `null`, `true`/`false` and plain decimal numbers are typed (YAML 1.1's octal, base 60, `yes`, `.inf`, `0x1F`
and `1_000` stay text); numbers remember the text they were written as, so text keys print what was typed.
Whatever the input, the work is bounded: file size, nesting depth, nodes counted with alias expansions, text length.
"""

from __future__ import annotations

import re
import unicodedata
from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from typing import Any, NamedTuple

import yaml

from . import collector, yamlerrors
from .errors import InputError, Problem
from .formats.numbers import is_number, printable
from .formats.text import GLYPHLESS, code_points, tidy
from .lines import Lines
from .messages import SPLIT_HINT, grouped

Path_ = yamlerrors.Path

MAX_FILE_BYTES = 20_000_000  # one input file
MAX_TEXT = 1_000_000  # characters in one text value
MAX_DEPTH = 100  # mappings and lists nested in one another
MAX_NODES = 2_000_000  # values in one document, each alias counted as the values it repeats
MAX_CHARS = 20_000_000  # characters of text in one document's values, each alias counted as the text it repeats
MAX_DIGITS = 4000  # a longer run of digits stays text (Python refuses to read one of 4,300 as a number)


class Where(NamedTuple):
    """A place in a source file (1-based line and column; none for data handed over in memory)."""

    file: str
    line: int | None
    column: int | None


_COLUMN_BITS = 32  # a place is packed in one number: line << 32 | column
_COLUMN_MASK = (1 << _COLUMN_BITS) - 1


class Places(Mapping[Path_, Where]):
    """The places of one file's keys and items, compactly (a 20,000-row phụ lục has 180,000): by the path of
    their mapping or list, each key's or item's line and column packed in one number."""

    __slots__ = ("file", "by_parent")

    def __init__(self, file: str) -> None:
        self.file = file
        self.by_parent: dict[Path_, dict[str | int, int]] = {}

    def children(self, parent: Path_) -> dict[str | int, int]:
        """The packed places of the keys or items of the collection at `parent`, to add to."""
        return self.by_parent.setdefault(parent, {})

    def __getitem__(self, path: Path_) -> Where:
        packed = self.by_parent.get(path[:-1], {}).get(path[-1]) if path else None
        if packed is None:
            raise KeyError(path)
        return Where(self.file, packed >> _COLUMN_BITS, packed & _COLUMN_MASK)

    def __iter__(self) -> Iterator[Path_]:
        for parent, children in self.by_parent.items():
            for key in children:
                yield parent + (key,)

    def __len__(self) -> int:
        return sum(map(len, self.by_parent.values()))

    def __bool__(self) -> bool:
        return any(self.by_parent.values())


class Unplaced(Mapping[Path_, Where]):
    """The places of data handed over in memory: the data itself and each key and item it holds are in `file`, on
    no line; so the places of a file it inherits (`ke_thua`, a pack's `mac_dinh`) do not claim the values it gives."""

    __slots__ = ("data", "file")

    def __init__(self, data: Any, file: str) -> None:
        self.data, self.file = data, file

    def __getitem__(self, path: Path_) -> Where:
        value = self.data
        for part in path:
            if isinstance(value, dict) and part in value:
                value = value[part]
            elif isinstance(value, list) and isinstance(part, int) and 0 <= part < len(value):
                value = value[part]
            else:
                raise KeyError(path)
        return Where(self.file, None, None)

    def __iter__(self) -> Iterator[Path_]:
        stack: list[tuple[Path_, Any]] = [((), self.data)]
        while stack:
            path, value = stack.pop()
            yield path
            items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
            stack.extend((path + (key,), child) for key, child in items)

    def __len__(self) -> int:
        return sum(1 for _ in self)


def layered(*places: Mapping[Path_, Where]) -> Mapping[Path_, Where]:
    """The places of merged sources, without copying them: the first that has a path gives its place."""
    return ChainMap(*places)  # type: ignore[arg-type]  # read, never written


def _packed(mark: Any) -> int:
    return (mark.line + 1) << _COLUMN_BITS | mark.column + 1


def key_name(path: Path_) -> str:
    """Dotted form of a key path: `noi_dung[2].tieu_de`.

    >>> key_name(("noi_dung", 2, "tieu_de"))
    'noi_dung[2].tieu_de'
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class Int(int):
    """An integer read from YAML, with the text it was written as (`010`)."""

    text: str


class Float(float):
    """A decimal number read from YAML, with the text it was written as (`1.10`)."""

    text: str


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?[0-9]+\.[0-9]+")
_NULL = frozenset(("", "~", "null", "Null", "NULL"))
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR_TAGS = frozenset(("!", "tag:yaml.org,2002:str"))
_MAP_TAGS = frozenset((None, "!", "tag:yaml.org,2002:map"))
_SEQ_TAGS = frozenset((None, "!", "tag:yaml.org,2002:seq"))
# Characters outside what a YAML stream may hold (YAML 1.2 §5.1: the C0 and C1 controls but for tab and line
# breaks), and outside what XML 1.0, so Word, can hold; refused in the text, and in a value an escape (`"\x9b"`)
# or a caller's data made. Listed rather than negated: a negated class this wide takes milliseconds to compile.
# Bidirectional controls (embeddings, overrides, isolates, marks) are XML, but they turn the Vietnamese text around
# them when it is shown (`thanh\u202evà` prints `thanhàv`): refused with the characters Word cannot hold.
_BIDI_CHARS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_BIDI = re.compile(f"[{_BIDI_CHARS}]")
_NOT_XML_CHARS = f"\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff{_BIDI_CHARS}"
_REFUSED = re.compile(f"[{_NOT_XML_CHARS}\x7f-\x84\x86-\x9f]")
_ESCAPE = re.compile(r"\\[uU]")  # what may write any character in a double-quoted value
_BIDI_HINT = "xóa ký tự này: nó đảo chiều chữ khi hiển thị (thường lẫn vào khi chép chữ từ nơi khác)"
_GLYPH_HINT = "xóa hoặc viết thành chữ: văn bản hành chính in bằng phông Times New Roman, không có biểu tượng, emoji"
# A ZIP package (a .docx) given where YAML is read: no encoding to fix, a command to run.
_DOCX_HINT = "đây là tệp Word (.docx), không phải YAML: chuyển nó thành YAML bằng lệnh nhap (nhap tệp.docx -o tệp.yaml)"
_BOMS = (("utf-32", (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")), ("utf-16", (b"\xff\xfe", b"\xfe\xff")))


def _plain(value: str) -> Any:
    """A plain scalar's value: null, a boolean, a decimal number (remembering its text), or the text itself."""
    first = value[:1]
    if first in "0123456789+-" and first and len(value) <= MAX_DIGITS:
        if _INT.fullmatch(value):
            number: Any = Int(value)
        elif _FLOAT.fullmatch(value):
            number = Float(value)
        else:
            return value
        number.text = value
        return number
    if value in _NULL:
        return None
    return _BOOL.get(value, value)


def decode(raw: bytes, file: str) -> str:
    """The text of a file's bytes: UTF-8 (with or without a BOM), or UTF-16/32 with a BOM; else a located error."""
    if len(raw) > MAX_FILE_BYTES:
        raise InputError([Problem(f"tệp quá lớn ({grouped(len(raw))} byte, tối đa {grouped(MAX_FILE_BYTES)})", file,
                                  hint=SPLIT_HINT)])
    for encoding, boms in _BOMS:
        if raw.startswith(boms):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                raise InputError([Problem(f"tệp có dấu BOM của {encoding.upper()} nhưng nội dung hỏng", file, 1, 1,
                                          hint="lưu lại tệp với bảng mã UTF-8")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.object  # what the codec read: the bytes after a BOM, if any
        before = bad[:exc.start].decode("utf-8")
        line, column = Lines(before).place(len(before))
        hint = (_DOCX_HINT if raw.startswith(b"PK\x03\x04") else
                "tệp có vẻ là UTF-16 không có BOM; lưu lại với bảng mã UTF-8" if b"\x00" in raw[:4]
                else "lưu tệp với bảng mã UTF-8 (không dùng Windows-1258, TCVN3 hay VNI)")
        raise InputError([Problem(f"byte 0x{bad[exc.start]:02X} không hợp lệ trong UTF-8", file, line, column,
                                  hint=hint)]) from None


def _character(char: str) -> str:
    """A character for messages: `ký tự điều khiển U+0007`, `ký tự đổi hướng chữ U+202E`, `ký tự U+FFFE`."""
    name = ("ký tự điều khiển" if unicodedata.category(char) == "Cc" else
            "ký tự đổi hướng chữ" if _BIDI.match(char) else "ký tự")
    return f"{name} U+{ord(char):04X}"


def _glyphless(chars: str) -> str:
    """The message refusing an emoji or pictograph (formats.text.GLYPHLESS)."""
    return f"ký tự {chars} ({code_points(chars)}) không có trong phông Times New Roman của văn bản"


def _removal(char: str, otherwise: str) -> str:
    """The hint to remove a refused character: what a bidirectional control does, else `otherwise`."""
    return _BIDI_HINT if _BIDI.match(char) else otherwise


# libyaml's parser when PyYAML was built with it; the data is built from its events in one pass.
_Parser = getattr(getattr(yaml, "cyaml", None), "CParser", None) or yaml.SafeLoader


_NO_KEY = object()
_MERGE = object()  # the key `<<`: its value is merged into the mapping holding it
_RATE_TAIL = re.compile(r"\d+%")  # what a comma cuts off a rate: `7%` of `78,7%`
_TYPED_START = frozenset("0123456789+-~nNtTfF")  # how a plain scalar that _plain may type begins


def _value_path(container: Any, path: Path_, key: Any) -> Path_:
    """The path of the value that goes next into `container` (at `path`; a mapping's under `key`)."""
    if container is None:
        return ()
    if isinstance(container, list):
        return path + (len(container),)
    return path if key is _MERGE else path + (key,)


def parse_yaml(text: str, file: str) -> tuple[Any, Places, list[Problem]]:
    """Parse one YAML document safely; return the data, the places of its keys and items, and duplicate-key problems.

    Raises InputError, located, for what cannot be read or would be unbounded.
    """
    if len(text) > MAX_FILE_BYTES:
        raise InputError([Problem(f"văn bản quá lớn ({grouped(len(text))} ký tự, tối đa {grouped(MAX_FILE_BYTES)})",
                                  file, hint=SPLIT_HINT)])
    lines = Lines(text)
    bad = _REFUSED.search(text)
    if bad:
        line, column = lines.place(bad.start())
        hint = ("tệp có vẻ là UTF-16 không có BOM: lưu lại với bảng mã UTF-8" if bad.group() == "\x00"
                else _removal(bad.group(), "xóa ký tự này (tệp có thể bị hỏng, hoặc không phải văn bản UTF-8)"))
        raise InputError([Problem(f"{_character(bad.group())} không được có trong tệp", file, line,
                                  column, hint=hint)])
    parser = _Parser(text)
    try:
        with collector.paused():
            return _Builder(file, lines).build(parser)
    except yaml.MarkedYAMLError as exc:
        cut = yamlerrors.cut_value(exc, text, lines)
        if cut is not None:  # a value an invisible line break ended: placed at the break, under its key
            at, message, hint, path = cut
            raise InputError([Problem(f"YAML không hợp lệ: {message}", file, *lines.place(at), key_name(path) or None,
                                      hint=hint, code="CCHC-E012")]) from None
        mark = exc.problem_mark or exc.context_mark
        at_line, at_col = lines.at(mark.line, mark.column) if mark else (None, None)
        message, hint = yamlerrors.explain(exc, lines)
        raise InputError([Problem(f"YAML không hợp lệ: {message}", file, at_line, at_col, hint=hint,
                                  code="CCHC-E012")]) from None
    except yaml.YAMLError as exc:
        raise InputError([Problem(f"YAML không hợp lệ: {exc}", file)]) from None
    finally:
        getattr(parser, "dispose", lambda: None)()


class _Builder:
    """Builds a document's data and places from parser events, counting nodes (aliases by what they repeat).

    Places are kept in the parser's lines while it reads, and given in the editor's (`lines`)."""

    def __init__(self, file: str, lines: Lines):
        self.file = file
        self.lines = lines
        self.places = Places(file)
        self.problems: list[Problem] = []
        self.anchors: dict[str, tuple[Any, int, int]] = {}  # name → (value, nodes and characters it holds)
        self.open: set[str] = set()  # anchors of the collections being built
        self.count = 0
        self.chars = 0  # characters of the values read, aliases counted as what they repeat
        self.merge_where = 1 << _COLUMN_BITS | 1  # the last `<<` key read: where merged keys are placed (packed)
        # values are searched only when the text has one, or an escape that may write one (`"\U0001F600"`)
        self.glyphless = GLYPHLESS.search(lines.text) is not None or _ESCAPE.search(lines.text) is not None

    def build(self, parser: Any) -> tuple[Any, Places, list[Problem]]:
        """One loop over the events, the hot path inlined: a plain key, a plain or quoted value, a list item."""
        places, get, bits = self.places, parser.get_event, _COLUMN_BITS
        scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
        starts = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        stack: list[tuple[Any, ...]] = []
        # The collection being built: its value, path, the key waiting for its value (mappings), anchor,
        # node count at its start, the mappings its `<<` keys merge in, and the places of its keys or items.
        container: Any = None
        slots: dict[str | int, int] = {}
        path: Path_ = ()
        key: Any = _NO_KEY
        is_map = False
        anchor: str | None = None
        start = (0, 0)  # the values and characters read when the collection being built started
        merges: list[Any] = []
        result: Any = None
        documents = 0
        glyphless = self.glyphless
        while True:
            event = get()
            kind = event.__class__
            if kind is scalar_event:
                text = event.value
                if is_map and key is _NO_KEY:
                    special = event.tag is not None or event.style == '"' or text == "<<"
                    key = self.key(event, container, path) if special else text
                    if key is not _MERGE:
                        mark = event.start_mark
                        if text[:1].isdigit() and container and not event.style:  # plain
                            self.split_number(event, container, path, slots)
                        if key in container:
                            self.duplicate(path + (key,), mark)
                        slots[key] = (mark.line + 1) << bits | mark.column + 1
                        self.count += 1
                    continue
                if not is_map and container is not None:
                    mark = event.start_mark
                    slots[len(container)] = (mark.line + 1) << bits | mark.column + 1
                    if container and text[:1].isdigit() and not event.style:  # plain
                        self.split_item(event, container, path)
                if len(text) > MAX_TEXT:
                    raise self.fail(event, _value_path(container, path, key),
                                    f"đoạn văn quá dài ({grouped(len(text))} ký tự, tối đa {grouped(MAX_TEXT)})",
                                    "chia thành nhiều đoạn")
                if event.tag is None and event.implicit[0]:
                    value = _plain(text) if not text or text[0] in _TYPED_START else text
                else:
                    value = self.scalar(event, _value_path(container, path, key))
                if glyphless and type(value) is str:
                    self.glyph(event, _value_path(container, path, key), value)
                self.count += 1
                self.chars += len(text)
                if event.anchor is not None:
                    self.anchors[event.anchor] = (value, 1, len(text))
            elif kind is alias_event:
                if is_map and key is _NO_KEY:
                    key = self.key(event, container, path)
                    continue
                here = _value_path(container, path, key)
                if not is_map and container is not None:
                    slots[len(container)] = _packed(event.start_mark)
                value = self.alias(event, here)
            elif kind in starts:
                if is_map and key is _NO_KEY:
                    raise self.fail(event, path, "khóa phải là một chuỗi, không phải một khối hay danh sách",
                                    "viết `khóa: giá trị`; khóa là một chữ, ví dụ noi_dung")
                here = _value_path(container, path, key)
                if not is_map and container is not None:
                    slots[len(container)] = _packed(event.start_mark)
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(event, here, f"lồng quá sâu (quá {MAX_DEPTH} cấp)",
                                    "giảm số cấp lồng nhau của khối và danh sách")
                mapping = kind is yaml.MappingStartEvent
                if event.tag not in (_MAP_TAGS if mapping else _SEQ_TAGS):
                    raise self.fail(event, here, f"không dùng được thẻ YAML `{event.tag}`", "bỏ thẻ")
                self.count += 1
                if event.anchor is not None:
                    self.open.add(event.anchor)
                stack.append((container, path, key, is_map, anchor, start, merges, slots))
                container, path, key, is_map = ({} if mapping else []), here, _NO_KEY, mapping
                anchor, start, merges, slots = event.anchor, (self.count, self.chars), [], places.children(here)
                continue
            elif kind in ends:
                value = self.merged(container, path, merges, event) if merges else container
                if anchor is not None:
                    self.open.discard(anchor)
                    self.anchors[anchor] = (value, self.count - start[0] + 1, self.chars - start[1])
                container, path, key, is_map, anchor, start, merges, slots = stack.pop()
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.fail(event, (), "tệp có nhiều hơn một tài liệu YAML (`---`)",
                                    "mỗi tệp một văn bản; bỏ dòng `---` thứ hai")
                continue
            elif kind is yaml.StreamEndEvent:
                if self.lines.differ:
                    self.relocate()
                return result, places, self.problems
            else:
                continue
            # A value is complete: it goes into the collection being built.
            if self.count > MAX_NODES:
                raise self.fail(event, path, f"tài liệu quá lớn: hơn {grouped(MAX_NODES)} giá trị (kể cả các lần "
                                "lặp lại của bí danh `*…`)", "bớt bí danh lồng nhau, hoặc tách thành nhiều tệp")
            if not is_map:
                if container is None:
                    result = value
                else:
                    container.append(value)
            elif key is _MERGE:
                merges.append(value)
                key = _NO_KEY
            else:
                container[key] = value
                key = _NO_KEY

    def relocate(self) -> None:
        """Every place moved from the parser's lines to the editor's."""
        for slots in self.places.by_parent.values():
            for key, packed in slots.items():
                line, column = self.lines.at((packed >> _COLUMN_BITS) - 1, (packed & _COLUMN_MASK) - 1)
                slots[key] = line << _COLUMN_BITS | column

    def fail(self, event: Any, path: Path_, message: str, hint: str | None = None) -> InputError:
        mark = event.start_mark
        return InputError([Problem(message, self.file, *self.lines.at(mark.line, mark.column), key_name(path) or None,
                                   hint)])

    def duplicate(self, here: Path_, mark: Any) -> None:
        self.problems.append(Problem("khóa bị lặp lại", self.file, *self.lines.at(mark.line, mark.column),
                                     key_name(here), "mỗi khóa chỉ được viết một lần trong cùng một khối; xóa bản thừa",
                                     "CCHC-E013"))

    def glyph(self, event: Any, path: Path_, value: str) -> None:
        """A value holding an emoji or pictograph is refused, placed at it in the text (at the value when an escape
        wrote it)."""
        found = GLYPHLESS.search(value)
        if found is None:
            return
        lines, start, end = self.lines, event.start_mark, event.end_mark
        at = GLYPHLESS.search(lines.text, lines.index(start.line, start.column), lines.index(end.line, end.column))
        place = lines.place(at.start()) if at else lines.at(start.line, start.column)
        self.problems.append(Problem(_glyphless((at or found).group()), self.file, *place, key_name(path),
                                     _GLYPH_HINT))

    def split_number(self, event: Any, container: dict[str, Any], path: Path_, slots: dict[str | int, int]) -> None:
        """Refuses a key of digits (or a rate, `7%`) right after a number on its line, as `{ty_le: 78,7%}` reads:
        a comma split the number."""
        last = next(reversed(container))
        value = container[last]
        line = event.start_mark.line + 1
        if not (event.value.isdigit() or _RATE_TAIL.fullmatch(event.value)) or not is_number(value) or \
                slots.get(last, 0) >> _COLUMN_BITS != line:
            return
        written, at = self.rejoined(value, event)
        raise InputError([Problem("số viết không rõ", self.file, *at, key_name(path + (last,)),
                                  f'trong {{ … }} dấu phẩy ngăn các khóa: viết {last}: "{written}"')])

    def split_item(self, event: Any, container: list[Any], path: Path_) -> None:
        """Refuses a rate's tail right after a comma that follows a number, as `[97,5%]` reads: two items, where a
        decimal comma was meant (with what else is wrong: a table row written as a list is said too). Digits alone
        are let be: `[12,15]` is two numbers, as JSON writes them."""
        mark = event.start_mark
        if not _RATE_TAIL.fullmatch(event.value) or not is_number(container[-1]) or \
                self.lines.text[self.lines.index(mark.line, mark.column) - 1:][:1] != ",":
            return
        written, at = self.rejoined(container[-1], event)
        self.problems.append(Problem("số viết không rõ", self.file, *at, key_name(path + (len(container) - 1,)),
                                     f'trong [ … ] dấu phẩy ngăn các mục: viết "{written}" nếu là một số; hai mục '
                                     "thì thêm dấu cách sau dấu phẩy"))

    def rejoined(self, number: Any, tail: Any) -> tuple[str, tuple[int, int]]:
        """A number a comma cut (`number`, then the scalar event `tail` after the comma) as it was written, and where
        it starts."""
        written = f"{getattr(number, 'text', number)},{tail.value}"
        mark = tail.start_mark
        return written, self.lines.at(mark.line, max(0, mark.column - len(written) + len(tail.value)))

    def key(self, event: Any, container: dict[str, Any], path: Path_) -> Any:
        """A key that is not plain text: `<<` (a merge), a tagged or double-quoted key, or an alias of a scalar."""
        if type(event) is yaml.AliasEvent:
            value = self.alias(event, path)
            if not (isinstance(value, str) or is_number(value)):
                raise self.fail(event, path, "khóa phải là một chuỗi, không phải một khối hay danh sách",
                                "viết `khóa: giá trị`; khóa là một chữ, ví dụ noi_dung")
            key = getattr(value, "text", str(value))
            mark: Any = event.start_mark
            if key in container:
                self.duplicate(path + (key,), mark)
            self.places.children(path)[key] = _packed(mark)
            return key
        if event.tag is None and event.implicit[0]:  # a plain `<<`
            self.merge_where = _packed(event.start_mark)
            return _MERGE
        return self.scalar(event, path)

    def scalar(self, event: Any, path: Path_) -> Any:
        """A quoted or tagged scalar: text (double-quoted text checked for what its escapes may produce)."""
        value = event.value
        if event.tag is None and event.style == '"':
            bad = _REFUSED.search(value)
            if bad:
                raise self.fail(event, path, f"{_character(bad.group())} không dùng được trong văn bản Word",
                                _removal(bad.group(), "xóa ký tự này (hoặc mã thoát \\x.., \\u.... tạo ra nó)"))
        if event.tag is None or event.tag in _STR_TAGS:
            return value
        raise self.fail(event, path, f"không dùng được thẻ YAML `{event.tag}`",
                        "bỏ thẻ; viết chuỗi trong dấu ngoặc kép nếu cần giữ nguyên")

    def alias(self, event: Any, path: Path_) -> Any:
        """The value an alias repeats, counted as the nodes it holds."""
        name = event.anchor
        if name in self.open:
            raise self.fail(event, path, f"bí danh `*{name}` nằm trong chính khối `&{name}` mà nó lặp lại",
                            "một khối không thể chứa chính nó")
        if name not in self.anchors:
            raise self.fail(event, path, f"không có neo `&{name}` trước bí danh `*{name}`",
                            "khai báo `&tên` trước khi dùng `*tên`")
        value, size, chars = self.anchors[name]
        self.count += size
        self.chars += chars  # the text itself is bounded by the file's size: only an alias can repeat it past this
        if self.chars > MAX_CHARS:
            raise self.fail(event, path, f"tài liệu quá lớn: hơn {grouped(MAX_CHARS)} ký tự chữ (kể cả các lần lặp lại "
                            "của bí danh `*…`)", "bớt bí danh lặp lại đoạn văn dài, hoặc tách thành nhiều tệp")
        return value

    def merged(self, own: dict[str, Any], path: Path_, merges: list[Any], event: Any) -> dict[str, Any]:
        """A mapping with its `<<` merges under its own keys (the earlier of several merged mappings wins)."""
        sources = [m for value in merges for m in (value if isinstance(value, list) else [value])]
        if not all(isinstance(m, dict) for m in sources):
            raise self.fail(event, path, "`<<` phải nhận một khối hoặc danh sách khối",
                            "ví dụ `<<: *mac_dinh` với `mac_dinh: &mac_dinh {…}`")
        out: dict[str, Any] = {}
        places = self.places.children(path)
        for m in sources:
            for key, value in m.items():
                out.setdefault(key, value)
                places.setdefault(key, self.merge_where)
        out.update(own)
        return out


def plain_data(data: Any, file: str) -> Any:
    """Data handed over in memory, checked as YAML input is (bounded, no cycles, text XML can hold) and in NFC.

    Any Mapping is taken as a dict, any other iterable (a tuple, a generator, dict.values()) as a list, read only
    as far as the limits allow. A list or mapping met again is taken as built the first time and counted again,
    like a YAML alias. A Decimal (a database's figure) is the int or float YAML would give for it. Raises
    InputError naming the key path of the first problem.
    """
    count = chars = 0
    built: dict[int, tuple[Any, Any, int, int]] = {}  # id of a list or mapping → (it, kept so that no value made
    # later takes its id; its checked copy; the values and characters it holds)

    def walk(value: Any, path: Path_, parents: tuple[int, ...]) -> Any:
        nonlocal count, chars
        count += 1
        if count > MAX_NODES:
            raise _data_error(path, file, f"dữ liệu quá lớn: hơn {grouped(MAX_NODES)} giá trị")
        if isinstance(value, str):
            if len(value) > MAX_TEXT:
                raise _data_error(path, file,
                                  f"đoạn văn quá dài ({grouped(len(value))} ký tự, tối đa {grouped(MAX_TEXT)})")
            chars += len(value)
            if chars > MAX_CHARS:  # one text given many times over
                raise _data_error(path, file, f"dữ liệu quá lớn: hơn {grouped(MAX_CHARS)} ký tự chữ")
            bad = _REFUSED.search(value)
            if bad:
                raise _data_error(path, file, f"{_character(bad.group())} không dùng được trong văn bản Word",
                                  _removal(bad.group(), "xóa ký tự này"))
            glyph = GLYPHLESS.search(value)
            if glyph:
                raise _data_error(path, file, _glyphless(glyph.group()), _GLYPH_HINT)
            return tidy(value)
        if isinstance(value, Decimal):  # past what prints: a float, refused as too large, not a huge int made
            return int(value) if printable(value) and value == value.to_integral_value() else float(value)
        if isinstance(value, bytes | bytearray):
            raise _data_error(path, file, "phải là chuỗi văn bản",
                              "giải mã thành str trước, ví dụ value.decode('utf-8')")
        if isinstance(value, set | frozenset):  # its order changes from run to run: so would the document
            raise _data_error(path, file, "phải là một danh sách",
                              "một set không có thứ tự; dùng list, ví dụ sorted(…)")
        if not isinstance(value, Iterable):
            return value
        if id(value) in parents:
            raise _data_error(path, file, "dữ liệu vòng tròn: giá trị chứa chính nó")
        if id(value) in built:
            _, copy, size, text = built[id(value)]
            count, chars = count + size - 1, chars + text
            if count > MAX_NODES:
                raise _data_error(path, file, f"dữ liệu quá lớn: hơn {grouped(MAX_NODES)} giá trị")
            if chars > MAX_CHARS:
                raise _data_error(path, file, f"dữ liệu quá lớn: hơn {grouped(MAX_CHARS)} ký tự chữ")
            return copy
        if len(parents) >= MAX_DEPTH:
            raise _data_error(path, file, f"lồng quá sâu (quá {MAX_DEPTH} cấp)")
        start, inner = (count, chars), parents + (id(value),)
        if isinstance(value, Mapping):
            odd = [k for k in value if not isinstance(k, str)][:1]  # a list: a key of None is odd too
            if odd:
                raise _data_error(path, file, f"khóa phải là một chuỗi, không phải {type(odd[0]).__name__} {odd[0]!r}",
                                  "dùng chuỗi làm khóa, ví dụ \"2021\" thay cho 2021")
            copy = {walk(k, path, inner): walk(v, path + (k,), inner) for k, v in value.items()}
        else:
            items = [walk(v, path + (i,), inner) for i, v in enumerate(value)]
            copy = tuple(items) if isinstance(value, tuple) else items
        built[id(value)] = (value, copy, count - start[0] + 1, chars - start[1])
        return copy

    return walk(data, (), ())


def _data_error(path: Path_, file: str, message: str, hint: str | None = None) -> InputError:
    return InputError([Problem(message, file, key=key_name(path) or None, hint=hint)])


class _Dumper(yaml.SafeDumper):
    """Block style, lists indented under their key, as people write the input format by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    # Long paragraphs as folded blocks (`>-`), the way the examples are written.
    style = ">" if len(text) > 80 and "\n" not in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _text)


def dump_yaml(data: dict[str, Any]) -> str:
    """YAML text of `data` in the input format's style: keys in the given order, Vietnamese as written."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
