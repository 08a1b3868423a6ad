"""The YAML parser's errors in a clerk's terms: what is wrong, and the user's own line rewritten where it can be."""

from __future__ import annotations

import re

import yaml

# libyaml's (and PyYAML's) problems → what they mean, and what to do, in general.
_KNOWN = {
    "mapping values are not allowed in this context": (
        "dấu hai chấm `:` đặt sai chỗ",
        "thụt lề mỗi khóa bằng đúng số dấu cách như các khóa cùng cấp"),
    "mapping values are not allowed here": (
        "dấu hai chấm `:` đặt sai chỗ",
        "thụt lề mỗi khóa bằng đúng số dấu cách như các khóa cùng cấp"),
    "block sequence entries are not allowed in this context": (
        "dấu `- ` đặt sai chỗ",
        "mục danh sách `- ` đứng đầu dòng riêng, thụt lề dưới khóa của nó"),
    "found a tab character that violates indentation": (
        "thụt lề bằng phím Tab", "thụt lề bằng dấu cách, không dùng Tab"),
    "found character that cannot start any token": (
        "giá trị bắt đầu bằng một ký tự YAML dành riêng (`@`, `` ` ``, `%`, Tab …)",
        "đặt giá trị trong dấu ngoặc kép"),
    "found unexpected end of stream": (
        "thiếu dấu ngoặc kép đóng", "mỗi dấu \" mở đầu giá trị cần một dấu \" đóng ở cuối"),
    "found unknown escape character": (
        "trong dấu ngoặc kép, `\\` phải đi trước một mã thoát như \\n",
        "viết `\\\\` cho một dấu `\\`, hoặc dùng dấu ngoặc đơn '…'"),
    "could not find expected ':'": (
        "thiếu dấu hai chấm `:` sau khóa", "viết `khóa: giá trị`, có một dấu cách sau dấu hai chấm"),
    "did not find expected key": (
        "thụt lề không khớp với các khóa phía trên", "các khóa cùng cấp thụt lề bằng nhau, bằng dấu cách"),
    "did not find expected '-' indicator": (
        "thụt lề không khớp với các mục danh sách phía trên", "các mục `- ` cùng danh sách thụt lề bằng nhau"),
    "did not find expected node content": (
        "thiếu giá trị, hoặc giá trị bắt đầu bằng ký tự dành riêng", "đặt giá trị trong dấu ngoặc kép"),
    "did not find expected ',' or ']'": (
        "danh sách `[ … ]` chưa đóng, hoặc có mục chứa dấu phẩy",
        "đóng bằng `]`; đặt mục có dấu phẩy hay dấu hai chấm trong dấu ngoặc kép; kiểm tra thụt lề của dòng sau"),
    "did not find expected ',' or '}'": (
        "khối `{ … }` chưa đóng, hoặc có giá trị chứa dấu phẩy",
        "đóng bằng `}`; đặt giá trị có dấu phẩy hay dấu hai chấm trong dấu ngoặc kép; kiểm tra thụt lề của dòng sau"),
}
# `khóa: giá trị` on one line (maybe a list item): the value holds a colon, or starts with `- `.
_KEY_VALUE = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[^\s:#\"'\[{-][^:#]*?):\s+(?P<value>\S.*?)\s*")


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[str, str]:
    """The message and the hint for a YAML syntax error in `text`."""
    problem = str(exc.problem or exc)
    message, hint = _KNOWN.get(problem, (problem,
                                         "kiểm tra thụt lề (dấu cách, không dùng Tab), dấu hai chấm sau khóa "
                                         "và dấu ngoặc kép quanh giá trị có ký tự đặc biệt"))
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
        what = "bắt đầu bằng `- `" if dash else "có dấu hai chấm `:`"
        return (f"giá trị của `{m['key'].strip()}` {what} nên YAML hiểu sai",
                f"đặt giá trị trong dấu ngoặc kép: {rewritten} — hoặc viết `{m['key']}: >-` rồi xuống dòng, "
                "thụt lề đoạn văn")
    if not dash and line.rstrip().endswith(":") and not line.strip().startswith(("-", "#")):
        return ("dòng kết thúc bằng dấu hai chấm `:` nằm trong một đoạn văn viết nhiều dòng",
                "viết `khóa: >-` rồi các dòng của đoạn văn thụt lề bên dưới, hoặc đặt cả đoạn trong dấu ngoặc kép")
    return message, hint


def _dashed_list(line: str, start: int) -> tuple[str, str]:
    """`[- Báo cáo;, - Quyết định]`: items starting with `- ` inside a flow list."""
    end = line.rfind("]")
    inner = line[start + 1:end if end > start else len(line)]
    items = [i.strip() for i in re.split(r",\s*(?=-\s)", inner) if i.strip()]
    rewritten = line[:start] + "[" + ", ".join(quoted(i) for i in items) + "]"
    return ("trong danh sách `[ … ]`, mục bắt đầu bằng `- ` phải đặt trong dấu ngoặc kép",
            f"viết {rewritten.strip()} — hoặc mỗi mục một dòng, bắt đầu bằng `- \"- …\"`")


def quoted(value: str) -> str:
    """`value` in YAML quotes: double unless it holds `"` or `\\`, then single.

    >>> quoted('cụ thể như sau:'), quoted('Theo "Đề án"')
    ('"cụ thể như sau:"', '\\'Theo "Đề án"\\'')
    """
    if '"' in value or "\\" in value:
        return "'" + value.replace("'", "''") + "'"
    return f'"{value}"'
