"""`{{ … }}` in the user's text, evaluated in a Jinja sandbox against the document's own data.

This module has its own sandboxed Environment, for user text only (engine.py remains the one module
that renders templates). What an expression may do is narrow by construction:
- only `{{ expression }}`: no `{% … %}` statements, so no loops, assignments, macros or imports;
- names are the document's data (passed in) and the functions of FUNCTIONS; no Jinja globals
  (`range`, `lipsum`, `cycler`, `self` …);
- `a.b` and `a[b]` read keys of mappings and items of lists only, never Python attributes;
- calls reach only FUNCTIONS, filters only FUNCTIONS and a few harmless built-ins;
- work is bounded: at most MAX_NODES nodes per expression, `* / // % **` on numbers only with
  results below MAX_NUMBER, text results at most MAX_TEXT characters.
Every failure is an ExpressionError in Vietnamese, never a traceback.
"""

from __future__ import annotations

import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeGuard

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS as JINJA_FILTERS
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment

from .errors import Unclear, did_you_mean
from .formats import numbers, words
from .formats.dates import PartialDate, long_date, short_date
from .messages import grouped

# The keys whose text is evaluated: the running text, phụ lục titles and cells, and report results.
TEXT_FIELDS = ("trich_yeu", "mo_dau", "noi_dung", "ket_thuc", "phu_luc", "ket_qua")
MAX_NODES = 200
MAX_NUMBER = numbers.LIMIT
MAX_TEXT = 20_000
MAX_DECIMALS = 6
# Built-in filters that only read or reshape a value without growing it (`int` and `float` are CONVERSIONS).
BUILTIN_FILTERS = ("abs", "round", "sum", "min", "max", "length", "count", "first", "last",
                   "default", "d", "upper", "lower", "capitalize", "title", "trim")
_ALLOWED_NODES = (nodes.Const, nodes.Name, nodes.Tuple, nodes.List, nodes.Dict, nodes.Pair, nodes.Keyword,
                  nodes.CondExpr, nodes.Filter, nodes.Test, nodes.Call, nodes.Getitem, nodes.Getattr, nodes.Slice,
                  nodes.Concat, nodes.Compare, nodes.Operand, nodes.BinExpr, nodes.UnaryExpr)
_ARITHMETIC: dict[str, Callable[[Any, Any], Any]] = {
    "*": operator.mul, "/": operator.truediv, "//": operator.floordiv, "%": operator.mod, "**": operator.pow}
# How to print `{{`, `{%`, `{#` as they are: an expression whose value is that text (README, "Reports that compute").
LITERAL = "để in nguyên `{{`, `{%` hay `{#`, viết {{ '{{' }}, {{ '{%' }}, {{ '{#' }}"
# Characters word processors put for those an expression is written with (the minus, dashes, curly quotes …).
_TYPESET = {"\u2212": "-", "\u2013": "-", "\u2014": "-", "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
            "\u00d7": "*", "\u00f7": "/"}
_UNEXPECTED = re.compile(r"unexpected char (['\"])(?P<char>.)\1 at \d+")  # Jinja's lexer's words
_READS = "biểu thức chỉ đọc giá trị, tính toán, so sánh và gọi các hàm so, ti_le, phan_tram, tien, bang_chu, ngay"
_SYNTAX_HINT = "kiểm tra các dấu ngoặc ( ), dấu nháy ' ' và phép tính; " + LITERAL
_KINDS = ((bool, "đúng/sai"), (int, "số"), (float, "số"), (Decimal, "số"), (str, "chữ"), (PartialDate, "ngày"),
          (Mapping, "khối dữ liệu"), (list, "danh sách"), (tuple, "danh sách"), (type(None), "rỗng"))


class ExpressionError(Exception):
    """An expression that cannot be evaluated: what is wrong, the expression, and what to do."""

    def __init__(self, message: str, hint: str | None = None, expression: str = ""):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.expression = expression


@dataclass(frozen=True)
class Absent:
    """A name the format knows that this document does not provide; `hint` says how to provide it."""

    hint: str


def has_code(text: str) -> bool:
    """Whether `text` holds an expression (or a statement, which is refused); plain text costs only this.

    >>> has_code("đạt {{ ti_le(1, 2) }}"), has_code("đạt 50%")
    (True, False)
    """
    return "{{" in text or "{%" in text


_OPENINGS = re.compile(r"\{[{%#]")


def literal(text: str) -> str:
    """`text` written so that it evaluates to itself: each `{{`, `{%`, `{#` as an expression printing it (text read
    from a document, where they are no expressions).

    >>> literal("a {{ b }} c"), evaluate(literal("a {{ b }} {% c {#"), {})
    ("a {{ '{{' }} b }} c", 'a {{ b }} {% c {#')
    """
    return _OPENINGS.sub(lambda m: "{{ '" + m.group() + "' }}", text)


def kind(value: Any) -> str:
    """A value's kind in words, for messages.

    >>> kind(3), kind("a"), kind({}), kind(True)
    ('số', 'chữ', 'khối dữ liệu', 'đúng/sai')
    """
    return next((name for t, name in _KINDS if isinstance(value, t)), type(value).__name__)


# --- the functions and filters, in Vietnamese notation ----------------------------------------------
def _is_figure(value: Any) -> TypeGuard[numbers.Number]:
    """A number expressions compute with: one of the data's (numbers.is_number), or a Decimal worked out from them."""
    return numbers.is_number(value) or isinstance(value, Decimal)


def _number(value: Any, name: str) -> int | float | Decimal:
    if not _is_figure(value):
        raise ExpressionError(f"`{name}` cần một số, không phải {kind(value)} {value!r}",
                              "lấy số từ so_lieu, ví dụ so_lieu.ho_so.tiep_nhan")
    if not numbers.printable(value):
        raise ExpressionError(f"`{name}` nhận một số không in được: {numbers.TOO_LARGE} hoặc không hữu hạn",
                              "kiểm tra số liệu và phép tính")
    return value


def _places(value: Any, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_DECIMALS:
        raise ExpressionError(f"`{name}`: số chữ số thập phân phải từ 0 đến {MAX_DECIMALS}, không phải {value!r}",
                              "ví dụ so(x, 2) in 1.234,57: hai chữ số sau dấu phẩy")
    return value


def so(value: Any, thap_phan: int | None = None) -> str:
    """`so(44333)` → 44.333; `so(x, 2)` → exactly two decimals."""
    places = None if thap_phan is None else _places(thap_phan, "so")
    return numbers.so(_number(value, "so"), places)


def ti_le(phan: Any, tong: Any, thap_phan: int = 1, co_dinh: bool = False) -> str:
    """`ti_le(34908, 44333)` → 78,7%; a whole of 0 gives 0%."""
    try:
        return numbers.ti_le(_number(phan, "ti_le"), _number(tong, "ti_le"), _places(thap_phan, "ti_le"), bool(co_dinh))
    except ValueError as exc:  # a percentage too large to print
        raise ExpressionError(f"`ti_le`: {exc}", "kiểm tra phần và tổng") from None


def phan_tram(value: Any, thap_phan: int = 1, co_dinh: bool = False) -> str:
    """`phan_tram(87.45, 2)` → 87,45% (a value already in percent)."""
    return numbers.phan_tram(_number(value, "phan_tram"), _places(thap_phan, "phan_tram"), bool(co_dinh))


_MONEY_UNITS = {"nghin": "nghìn", "ngan": "nghìn", "ngàn": "nghìn", "trieu": "triệu", "ty": "tỷ", "tỉ": "tỷ"}


def tien(value: Any, don_vi: str | None = None, gon: bool = False) -> str:
    """`tien(50000000)` → 50.000.000 đồng; `tien(x, "triệu")` → 50 triệu đồng; `gon=true` picks the unit."""
    unit = _MONEY_UNITS.get(don_vi, don_vi) if isinstance(don_vi, str) else don_vi
    if unit is not None and unit not in dict(numbers.MONEY_UNITS):
        raise ExpressionError(f"`tien`: đơn vị `{don_vi}` không hợp lệ",
                              "dùng " + ", ".join(f'"{u}"' for u, _ in numbers.MONEY_UNITS) + " hoặc gon=true")
    return numbers.tien(_number(value, "tien"), unit, bool(gon))


def bang_chu(value: Any, don_vi: str = "", viet_hoa: bool = True, linh: str = "linh", tu: bool = False,
             nghin: str = "nghìn", ty: str = "tỷ") -> str:
    """`bang_chu(50000000, "đồng")` → Năm mươi triệu đồng (whole numbers only)."""
    number = _number(value, "bang_chu")
    if not isinstance(number, int):
        if number != int(number):
            raise ExpressionError(f"`bang_chu` chỉ đọc số nguyên, không phải {numbers.so(number)}",
                                  "làm tròn trước: bang_chu(x|round|int)")
        number = int(number)
    if not isinstance(don_vi, str):
        raise ExpressionError("`bang_chu`: đơn vị phải là chữ, ví dụ bang_chu(x, \"đồng\")",
                              "đặt đơn vị trong dấu nháy: bang_chu(x, 'đồng')")
    try:
        # linh, nghin, ty are whatever the template wrote: bang_chu refuses any but its words (ValueError below)
        spelling: dict[str, Any] = {"linh": linh, "nghin": nghin, "ty": ty}
        return words.bang_chu(number, don_vi=don_vi, viet_hoa=bool(viet_hoa), tu=bool(tu), **spelling)
    except ValueError as exc:
        raise ExpressionError(f"`bang_chu`: {exc}", "linh: \"linh\" hoặc \"lẻ\"; nghin: \"nghìn\" hoặc \"ngàn\"; "
                                                   "ty: \"tỷ\" hoặc \"tỉ\"") from None


def ngay(value: Any, dai: bool = False) -> str:
    """`ngay(d)` → 01/12/2020; `ngay(d, dai=true)` → ngày 01 tháng 12 năm 2020 (the decree's date forms)."""
    if isinstance(value, str | int) and not isinstance(value, bool):
        try:
            value = PartialDate.parse(value)
        except ValueError as exc:
            raise ExpressionError(f"`ngay`: {exc}", "viết ngày dạng 2021-12-05") from None
    if not isinstance(value, PartialDate):
        raise ExpressionError(f"`ngay` cần một ngày, không phải {kind(value)}", "ví dụ ngay(ky_bao_cao.tu)")
    return long_date(value) if dai else short_date(value)


FUNCTIONS: dict[str, Callable[..., str]] = {
    "so": so, "ti_le": ti_le, "phan_tram": phan_tram, "tien": tien, "bang_chu": bang_chu, "ngay": ngay}


def _converted(value: Any, name: str) -> int | float | Decimal:
    """`value` as a number for the `int` and `float` filters: text read in Vietnamese notation (`1,5`, `3.000`);
    what is no number is refused, where Jinja's filters gave 0 and a wrong figure was printed silently."""
    if isinstance(value, str):
        try:
            number = numbers.read(value)
        except Unclear as exc:
            raise ExpressionError(exc.message, exc.hint) from None
        except ValueError:
            number = None
        if number is None:
            raise ExpressionError(f"`{name}` cần một số, không phải {kind(value)} {value!r}",
                                  "viết số như 44333, 44.333.000, 99,59 hoặc 99.59")
        value = number
    return _number(value, name)


def _int(value: Any) -> int:
    """The `int` filter: the whole part of a number, or of one written as text."""
    return int(_converted(value, "int"))


def _float(value: Any) -> float:
    """The `float` filter: a number, or one written as text, with its decimals."""
    return float(_converted(value, "float"))


CONVERSIONS: dict[str, Callable[[Any], Any]] = {"int": _int, "float": _float}


# --- the sandbox --------------------------------------------------------------------------------------
class _Sandbox(ImmutableSandboxedEnvironment):
    """Reads data, calls FUNCTIONS, and refuses everything else."""

    intercepted_binops = frozenset(_ARITHMETIC)

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        for side in (left, right):
            if not _is_figure(side):
                raise ExpressionError(f"phép `{op}` chỉ dùng cho số, không dùng cho {kind(side)}",
                                      "lấy số từ so_lieu, ví dụ so_lieu.ho_so.tiep_nhan")
        if op == "**" and (abs(right) > 100 or (abs(left) > 1 and math.log10(abs(left)) * right > 30)):
            raise ExpressionError("lũy thừa quá lớn", "kiểm tra số liệu và phép tính")
        try:
            result = _ARITHMETIC[op](left, right)
        except ZeroDivisionError:
            raise ExpressionError("chia cho 0", "ti_le(a, b) ghi 0% khi b bằng 0") from None
        except (OverflowError, ArithmeticError):
            raise ExpressionError("kết quả quá lớn", "kiểm tra số liệu và phép tính") from None
        if isinstance(result, complex) or not abs(result) < MAX_NUMBER:
            raise ExpressionError("kết quả quá lớn hoặc không phải số thực", "kiểm tra số liệu và phép tính")
        return result

    def getattr(self, obj: Any, attribute: str) -> Any:
        if not isinstance(obj, Mapping):
            raise ExpressionError(f"không đọc được `.{attribute}` của {kind(obj)}",
                                  "dấu chấm chỉ dùng để đọc khóa của khối dữ liệu, ví dụ so_lieu.ho_so")
        return self.getitem(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Mapping):
            if argument in obj:
                return obj[argument]
            raise ExpressionError(f"không có khóa `{argument}`",
                                  did_you_mean(argument, obj, "các khóa có: " + ", ".join(map(str, obj))))
        if isinstance(obj, list | tuple | str) and isinstance(argument, int | slice) and not isinstance(argument, bool):
            try:
                return obj[argument]
            except IndexError:
                raise ExpressionError(f"không có phần tử thứ {argument} (danh sách có {grouped(len(obj))} phần tử)",
                                      "phần tử đầu tiên là [0]") from None
        raise ExpressionError(f"không đọc được `[{argument!r}]` của {kind(obj)}",
                              "[số] đọc một phần tử của danh sách, ['khóa'] một khóa của khối dữ liệu")

    def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        if not any(obj is f for f in FUNCTIONS.values()):
            raise ExpressionError("chỉ gọi được các hàm: " + ", ".join(FUNCTIONS), _READS)
        return obj(*args, **kwargs)


def _environment() -> _Sandbox:
    # not optimized: folding constants at compile time writes their repr into Python code (`inf`, `nan`: NameError)
    env = _Sandbox(undefined=jinja2.StrictUndefined, autoescape=False, optimized=False)
    env.globals = dict(FUNCTIONS)
    env.filters = {**{name: JINJA_FILTERS[name] for name in BUILTIN_FILTERS}, **CONVERSIONS, **FUNCTIONS}
    return env


_ENV = _environment()


@dataclass(frozen=True)
class _Compiled:
    source: str
    run: Callable[..., Any]
    names: frozenset[str]


@lru_cache(maxsize=4096)
def _parts(text: str) -> tuple[str | _Compiled, ...]:
    """`text` cut into literal strings and compiled expressions."""
    out: list[str | _Compiled] = []
    expression: list[str] | None = None
    try:
        for _, token, value in _ENV.lex(text):
            if token == "variable_begin":
                expression = []
            elif token == "variable_end" and expression is not None:
                out.append(_compile("".join(expression).strip()))
                expression = None
            elif expression is not None:
                expression.append(value)
            elif token == "data":
                out.append(value)
            else:
                raise ExpressionError("chỉ dùng biểu thức `{{ … }}`, không dùng câu lệnh `{% … %}` hay `{# … #}`",
                                      "điều kiện viết trong biểu thức: {{ 'đạt' if a >= b else 'chưa đạt' }}; "
                                      + LITERAL, text[:80])
    except jinja2.TemplateSyntaxError as exc:
        found = _UNEXPECTED.fullmatch(exc.message or "")
        typed = found["char"] if found else ""
        if typed in _TYPESET:  # `−`, `“đồng”`: Word and Excel retype what the clerk typed
            raise ExpressionError(f"ký tự `{typed}` không dùng được trong biểu thức",
                                  f"gõ `{_TYPESET[typed]}` trên bàn phím thay cho `{typed}` (Word, Excel tự đổi dấu "
                                  "khi gõ hoặc chép)", text[:80]) from None
        raise ExpressionError(f"cú pháp sai: {exc.message}", _SYNTAX_HINT, text[:80]) from None
    if expression is not None:
        raise ExpressionError("thiếu `}}` đóng biểu thức", "mỗi `{{` cần một `}}` đóng lại; " + LITERAL, text[:80])
    return tuple(out)


def _compile(source: str) -> _Compiled:
    """Check an expression's tree against what the sandbox allows, then compile it."""
    shown = f"{{{{ {source} }}}}"
    if not source:
        raise ExpressionError("biểu thức trống: không có gì giữa `{{` và `}}`",
                              "viết giá trị cần in, ví dụ {{ so_lieu.ho_so.tiep_nhan }}; " + LITERAL, "{{ }}")
    try:
        parser = Parser(_ENV, source, state="variable")
        tree = parser.parse_expression()
        if not parser.stream.eos:
            raise jinja2.TemplateSyntaxError("thừa phần sau biểu thức", 1)
        names = frozenset(_check(tree))
        return _Compiled(shown, _ENV.compile_expression(source, undefined_to_none=False), names)
    except ExpressionError as exc:
        exc.expression = shown
        raise
    except jinja2.TemplateError as exc:
        if "end of template" in (exc.message or ""):  # `a +`, `(a`: the expression stops before it is complete
            raise ExpressionError("biểu thức chưa trọn: thiếu giá trị sau phép tính, hoặc thiếu dấu đóng ngoặc",
                                  _SYNTAX_HINT, shown) from None
        raise ExpressionError(f"cú pháp sai: {exc.message}", _SYNTAX_HINT, shown) from None
    except RecursionError:
        raise ExpressionError("biểu thức lồng quá sâu", "tách thành nhiều biểu thức", shown) from None


def _check(tree: nodes.Node) -> set[str]:
    """The data names `tree` reads; ExpressionError for any construct outside the sandbox's narrow set."""
    names: set[str] = set()
    callees: set[int] = set()
    for count, node in enumerate([tree, *tree.find_all(nodes.Node)], start=1):  # parents before children
        if count > MAX_NODES:
            raise ExpressionError(f"biểu thức quá dài (quá {MAX_NODES} thành phần)", "tách thành nhiều biểu thức")
        if not isinstance(node, _ALLOWED_NODES):
            raise ExpressionError(f"không dùng được `{type(node).__name__}` trong biểu thức", _READS)
        # 1e400 is read as inf
        if isinstance(node, nodes.Const) and numbers.is_number(node.value) and not numbers.printable(node.value):
            raise ExpressionError(numbers.TOO_LARGE, "kiểm tra số liệu và phép tính")
        if isinstance(node, nodes.Filter | nodes.Call) and (node.dyn_args or node.dyn_kwargs):
            raise ExpressionError("không dùng `*` hay `**` để truyền tham số",
                                  "viết từng tham số, ví dụ ti_le(a, b, 2)")
        if isinstance(node, nodes.Name) and id(node) not in callees:
            if node.name in FUNCTIONS:
                raise ExpressionError(f"`{node.name}` là một hàm", f"gọi {node.name}(x) hoặc dùng bộ lọc x|{node.name}")
            names.add(node.name)
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            raise ExpressionError(f"không đọc được `{node.attr}`", "tên khóa không bắt đầu bằng `_`")
        elif isinstance(node, nodes.Filter) and node.name not in _ENV.filters:
            raise ExpressionError(f"không có bộ lọc `{node.name}`",
                                  did_you_mean(node.name, _ENV.filters, "các bộ lọc: " + ", ".join(FUNCTIONS)))
        if isinstance(node, nodes.Filter) and node.name in FUNCTIONS:
            _fits(node.name, 1 + len(node.args), _keywords(node))  # the value before `|` first
        elif isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name in FUNCTIONS:
            _fits(node.node.name, len(node.args), _keywords(node))
        if isinstance(node, nodes.Call):
            if not isinstance(node.node, nodes.Name) or node.node.name not in FUNCTIONS:
                called = node.node.name if isinstance(node.node, nodes.Name) else "…"
                raise ExpressionError(f"không gọi được `{called}`: chỉ gọi được " + ", ".join(FUNCTIONS),
                                      did_you_mean(called, FUNCTIONS, "ví dụ ti_le(so_lieu.ho_so.dung_han, "
                                                                      "so_lieu.ho_so.tiep_nhan)"))
            callees.add(id(node.node))
    return names


def _keywords(node: nodes.Call | nodes.Filter) -> list[str]:
    return [kw.key for kw in node.kwargs if isinstance(kw, nodes.Keyword)]


def _fits(name: str, given: int, keywords: list[str]) -> None:
    """ExpressionError when the function `name` cannot take `given` values and the `keywords` (Python would say
    so in English when it is called)."""
    function = FUNCTIONS[name]
    params = function.__code__.co_varnames[:function.__code__.co_argcount]
    least = len(params) - len(function.__defaults__ or ())
    call = f"cách gọi: {name}(" + ", ".join("x" if p == "value" else p for p in params) + ")"
    for key in keywords:
        if key not in params:
            raise ExpressionError(f"`{name}` không có tham số `{key}`", did_you_mean(key, params[1:], call))
        if key in params[:given]:
            raise ExpressionError(f"tham số `{key}` của `{name}` được cho hai lần", call)
    count = given + len(keywords)
    if not least <= count <= len(params):
        raise ExpressionError(f"`{name}` nhận từ {least} đến {len(params)} giá trị, không phải {count}", call)
    for key in params[given:least]:
        if key not in keywords:
            raise ExpressionError(f"`{name}` thiếu tham số `{key}`", call)


def show(value: Any) -> str:
    """How a value is written in the text: numbers in Vietnamese notation, dates as 05/12/2020.

    >>> show(44333), show(99.5), show("a")
    ('44.333', '99,5', 'a')
    """
    if isinstance(value, str):
        return value
    if isinstance(value, PartialDate):
        return str(value)
    if _is_figure(value):
        return numbers.so(_number(value, "so"))
    if isinstance(value, jinja2.Undefined):  # `first`, `last`, `min`, `max` of an empty list
        raise ExpressionError("kết quả không có giá trị (danh sách trống)",
                              "cho một giá trị khi danh sách trống, ví dụ so_lieu.quy|first|default(0)")
    raise ExpressionError(f"kết quả là {kind(value)}, không phải số hay chữ",
                          "chọn một giá trị cụ thể, ví dụ so_lieu.ho_so.tiep_nhan")


def evaluate(text: str, names: Mapping[str, Any]) -> str:
    """`text` with every `{{ … }}` replaced by its value, evaluated against `names`."""
    out: list[str] = []
    for part in _parts(text):
        if isinstance(part, str):
            out.append(part)
            continue
        try:
            out.append(show(_run(part, names)))
        except ExpressionError as exc:
            exc.expression = exc.expression or part.source
            raise
        if sum(map(len, out)) > MAX_TEXT:
            raise ExpressionError(f"đoạn văn sau khi tính dài quá {grouped(MAX_TEXT)} ký tự", "chia thành nhiều đoạn",
                                  part.source)
    return "".join(out)


def _run(part: _Compiled, names: Mapping[str, Any]) -> Any:
    for name in sorted(part.names):
        value = names.get(name)
        if value is None:
            raise ExpressionError(f"không có tên `{name}`",
                                  did_you_mean(name, [*names, *FUNCTIONS], "các tên dùng được: " + ", ".join(names)))
        if isinstance(value, Absent):
            raise ExpressionError(f"văn bản này chưa có `{name}`", value.hint)
    try:
        return part.run(**{n: names[n] for n in part.names})
    except ExpressionError:
        raise
    except SecurityError as exc:
        raise ExpressionError(f"không được phép: {exc}", _READS) from None
    except jinja2.UndefinedError as exc:
        raise ExpressionError(f"không có giá trị: {exc.message}", "kiểm tra tên số liệu") from None
    except (TypeError, ValueError) as exc:
        raise ExpressionError(f"sai kiểu dữ liệu: {exc}", "kiểm tra các tham số của hàm và bộ lọc") from None
    except Exception as exc:  # anything else the user's expression provokes is still their input's problem
        raise ExpressionError(f"không tính được: {type(exc).__name__}: {exc}",
                              "kiểm tra số liệu và phép tính") from None
