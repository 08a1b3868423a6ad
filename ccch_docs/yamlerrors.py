"""The YAML parser's errors in a clerk's terms: what is wrong, and the user's own line rewritten where it can be."""

from __future__ import annotations

import re

import yaml

from .messages import DASHED_LIST, N_, QUOTE_VALUE, VALUE_COLON, VALUE_DASH

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


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """The message and the hint for a YAML syntax error in `text`."""
    problem = str(exc.problem or exc)
    message, hint = _KNOWN.get(problem, (problem, N_(
                                         "kiểm tra thụt lề (dấu cách, không dùng Tab), dấu hai chấm sau khóa "
                                         "và dấu ngoặc kép quanh giá trị có ký tự đặc biệt")))
    mark = exc.problem_mark
    if mark is None:
        return message, hint
    lines = text.splitlines()
    line = lines[mark.line] if mark.line < len(lines) else ""
    if line[mark.column:mark.column + 1] == "\t":
        return _KNOWN["found a tab character that violates indentation"]
    if problem.startswith(("mapping values are not allowed", "block sequence entries are not allowed")):
        return _in_value(line, problem.startswith("block"), message, hint)
    if problem == "did not find expected node content" and line[mark.column:mark.column + 2] == "- ":
        before = line[:mark.column].rstrip()
        if before.endswith(("[", ",")):
            return _dashed_list(line, before.rfind("["))
    return message, hint


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
