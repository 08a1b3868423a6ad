"""The YAML parser's errors in a clerk's terms: what is wrong, and the user's own line rewritten where it can be."""

from __future__ import annotations

import re
from typing import Any

import yaml

from .lines import Lines
from .messages import CUT_HINT, CUT_VALUE, DASHED_LIST, N_, QUOTE_VALUE, VALUE_COLON, VALUE_DASH

# libyaml's (and PyYAML's) problems → what they mean, and what to do, in general.
_KNOWN = {
    "mapping values are not allowed in this context": (
        N_("dấu hai chấm `:` đặt sai chỗ"),
        N_("thụt lề mỗi khóa bằng đúng số dấu cách như các khóa cùng cấp")),
    "mapping values are not allowed here": (
        N_("dấu hai chấm `:` đặt sai chỗ"),
        N_("thụt lề mỗi khóa bằng đúng số dấu cách như các khóa cùng cấp")),
    "block sequence entries are not allowed in this context": (
        N_("dấu `- ` đặt sai chỗ"),
        N_("mục danh sách `- ` đứng đầu dòng riêng, thụt lề dưới khóa của nó")),
    "found a tab character that violates indentation": (
        N_("thụt lề bằng phím Tab"), N_("thụt lề bằng dấu cách, không dùng Tab")),
    "found character that cannot start any token": (
        N_("giá trị bắt đầu bằng một ký tự YAML dành riêng (`@`, `` ` ``, `%`, Tab …)"),
        N_("đặt giá trị trong dấu ngoặc kép")),
    "found unexpected end of stream": (
        N_("thiếu dấu ngoặc kép đóng"), N_("mỗi dấu \" mở đầu giá trị cần một dấu \" đóng ở cuối")),
    "found unknown escape character": (
        N_("trong dấu ngoặc kép, `\\` phải đi trước một mã thoát như \\n"),
        N_("viết `\\\\` cho một dấu `\\`, hoặc dùng dấu ngoặc đơn '…'")),
    "could not find expected ':'": (
        N_("thiếu dấu hai chấm `:` sau khóa"), N_("viết `khóa: giá trị`, có một dấu cách sau dấu hai chấm")),
    "did not find expected key": (
        N_("thụt lề không khớp với các khóa phía trên"), N_("các khóa cùng cấp thụt lề bằng nhau, bằng dấu cách")),
    "did not find expected '-' indicator": (
        N_("thụt lề không khớp với các mục danh sách phía trên"), N_("các mục `- ` cùng danh sách thụt lề bằng nhau")),
    "did not find expected node content": (
        N_("thiếu giá trị, hoặc giá trị bắt đầu bằng ký tự dành riêng"), N_("đặt giá trị trong dấu ngoặc kép")),
    "did not find expected ',' or ']'": (
        N_("danh sách `[ … ]` chưa đóng, hoặc có mục chứa dấu phẩy"),
        N_("đóng bằng `]`; đặt mục có dấu phẩy hay dấu hai chấm trong dấu ngoặc kép; kiểm tra thụt lề của dòng sau")),
    "did not find expected ',' or '}'": (
        N_("khối `{ … }` chưa đóng, hoặc có giá trị chứa dấu phẩy"),
        N_("đóng bằng `}`; đặt giá trị có dấu phẩy hay dấu hai chấm trong dấu ngoặc kép; "
           "kiểm tra thụt lề của dòng sau")),
}
# `khóa: giá trị` on one line (maybe a list item): the value holds a colon, or starts with `- `.
_KEY_VALUE = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#\"'\[{-][^:#]*?):\s+(?P<value>\S.*?)\s*")
Path = tuple[str | int, ...]  # a key path: ("noi_dung", 2, "tieu_de")

# Line breaks to YAML that an editor does not show as one, or shows as one where the file has none (a CR alone
# among LF or CRLF line ends): a plain value stops there, and what follows is read as a line of its own.
_INVISIBLE = {"\u2028": "U+2028 (LINE SEPARATOR)", "\u2029": "U+2029 (PARAGRAPH SEPARATOR)",
              "\x85": "U+0085 (NEXT LINE, NEL)", "\r": "U+000D (CARRIAGE RETURN, CR)"}
_BREAK = "[\u2028\u2029\x85]"
_BREAKS = re.compile(f"{_BREAK}(?:[ \t]*{_BREAK})*")  # a file of CR line ends: no CR is stray
_BREAKS_CR = re.compile(f"(?:{_BREAK}|\r(?!\n))(?:[ \t]*(?:{_BREAK}|\r(?!\n)))*")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def explain(exc: yaml.MarkedYAMLError, lines: Lines) -> tuple[str, str]:
    """The message and the hint for a YAML syntax error in `lines`' text, quoting the line an editor shows."""
    problem = str(exc.problem or exc)
    message, hint = _KNOWN.get(problem, (problem, N_(
                                         "kiểm tra thụt lề (dấu cách, không dùng Tab), dấu hai chấm sau khóa "
                                         "và dấu ngoặc kép quanh giá trị có ký tự đặc biệt")))
    mark = exc.problem_mark
    if mark is None:
        return message, hint
    row, column = lines.at(mark.line, mark.column)
    line, column = re.sub(_BREAK, " ", lines.line(row)), column - 1
    if line[column:column + 1] == "\t":
        return _KNOWN["found a tab character that violates indentation"]
    if problem.startswith(("mapping values are not allowed", "block sequence entries are not allowed")):
        return _in_value(line, problem.startswith("block"), message, hint)
    if problem == "did not find expected node content" and line[column:column + 2] == "- ":
        before = line[:column].rstrip()
        if before.endswith(("[", ",")):
            return _dashed_list(line, before.rfind("["))
    return message, hint


def cut_value(exc: yaml.MarkedYAMLError, text: str, lines: Lines) -> tuple[int, str, str, Path] | None:
    """When the error goes with the last invisible line break before it (U+2028, U+2029, NEL, a stray CR), which
    ended a plain value: the break's index in `text`, the message, the hint and the value's key path."""
    mark = exc.problem_mark
    found = list((_BREAKS_CR if "\n" in text else _BREAKS).finditer(text, 0, mark.index)) if mark else []
    if mark is None or not found:
        return None
    cut = found[-1]
    mended = text[:cut.start()] + " " * len(cut[0]) + text[cut.end():]
    path, start, failed = _value_at(mended, cut.start())
    if failed is not None and failed <= mark.index:
        return None
    line, column = lines.place(cut.start())
    before = " ".join(text[max(start, cut.start() - column + 1):cut.start()].split()[-3:])
    return (cut.start(), CUT_VALUE.format(character=_INVISIBLE[cut[0][0]], before=before),
            CUT_HINT.format(before=before, line=line), path)


def _value_at(text: str, index: int) -> tuple[Path, int, int | None]:
    """The key path and start of the plain value holding `text[index]` (none and 0 when none is read), and where
    the parser fails (None when it reads the whole text)."""
    loader = _Loader(text)
    frames: list[list[Any]] = []  # each open collection: [a mapping, its key waiting for a value | next index]
    found: tuple[Path, int] = ((), 0)
    try:
        while not isinstance(event := loader.get_event(), yaml.StreamEndEvent):
            top = frames[-1] if frames else None
            if top and top[0] and top[1] is None and isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                top[1] = getattr(event, "value", "")  # a key: its value comes next
                continue
            if isinstance(event, yaml.CollectionStartEvent):
                mapping = isinstance(event, yaml.MappingStartEvent)
                frames.append([mapping, None if mapping else 0])
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                frames.pop()
            elif isinstance(event, yaml.ScalarEvent) and event.start_mark and event.end_mark \
                    and event.start_mark.index <= index < event.end_mark.index:
                found = tuple(f[1] for f in frames), event.start_mark.index
            if frames and isinstance(event, yaml.NodeEvent | yaml.CollectionEndEvent):  # the next key or item
                frames[-1][1] = None if frames[-1][0] else frames[-1][1] + 1
    except yaml.MarkedYAMLError as exc:
        return *found, exc.problem_mark.index if exc.problem_mark else 0
    finally:
        getattr(loader, "dispose", lambda: None)()
    return *found, None


def _in_value(line: str, dash: bool, message: str, hint: str) -> tuple[str, str]:
    """A value that holds `: ` or ends with `:` (or starts with `- `), which YAML reads as structure."""
    m = _KEY_VALUE.fullmatch(line)
    if m and (dash or ": " in m["value"] or m["value"].endswith(":")):
        rewritten = f"{m['lead'].strip() + ' ' if m['lead'].strip() else ''}{m['key']}: {quoted(m['value'])}"
        message = VALUE_DASH if dash else VALUE_COLON
        return message.format(key=m["key"].strip()), QUOTE_VALUE.format(rewritten=rewritten, key=m["key"])
    if not dash and line.rstrip().endswith(":") and not line.strip().startswith(("-", "#")):
        return (N_("dòng kết thúc bằng dấu hai chấm `:` nằm trong một đoạn văn viết nhiều dòng"),
                N_("viết `khóa: >-` rồi các dòng của đoạn văn thụt lề bên dưới, hoặc đặt cả đoạn trong dấu ngoặc kép"))
    return message, hint


def _dashed_list(line: str, start: int) -> tuple[str, str]:
    """`[- Báo cáo;, - Quyết định]`: items starting with `- ` inside a flow list."""
    end = line.rfind("]")
    inner = line[start + 1:end if end > start else len(line)]
    items = [i.strip() for i in re.split(r",\s*(?=-\s)", inner) if i.strip()]
    rewritten = line[:start] + "[" + ", ".join(quoted(i) for i in items) + "]"
    return (N_("trong danh sách `[ … ]`, mục bắt đầu bằng `- ` phải đặt trong dấu ngoặc kép"),
            DASHED_LIST.format(rewritten=rewritten.strip()))


def quoted(value: str) -> str:
    """`value` in YAML quotes: double unless it holds `"` or `\\`, then single.

    >>> quoted('cụ thể như sau:'), quoted('Theo "Đề án"')
    ('"cụ thể như sau:"', '\\'Theo "Đề án"\\'')
    """
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'
