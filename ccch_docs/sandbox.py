"""The Jinja sandbox templates are compiled in: no Python internals, no mutation, bounded memory and time."""

from __future__ import annotations

import functools
import math
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager, nullcontext
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import make_attrgetter
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from .messages import grouped

# Limits of the sandbox: what a template from another office may spend on one document.
MAX_LOOP_ITEMS = 1_000_000  # items of every `for` loop together
MAX_ITEMS = 10_000  # length of a string or list made by `*`
MAX_OUTPUT = 50_000_000  # characters of XML, and of any value a template makes
RENDER_SECONDS = 2.0  # CPU time (of the rendering thread) for the templated parts of one document, and
SECONDS_PER_ITEM = 50e-6  # this much more for each item of its data (a 70,000-paragraph body takes 17 µs a paragraph)
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map"})
_REMOVED_FILTERS = ("center", "indent", "format", "batch", "wordwrap", "urlize")
# How many times longer than its input a filter's result may be (escaping, JSON's \uXXXX, UTF-8 %XX, repr).
_GROWTH = {"e": 5, "escape": 5, "forceescape": 5, "urlencode": 12, "tojson": 12, "string": 6, "pprint": 6,
           "xmlattr": 6, "upper": 3, "title": 3, "capitalize": 3, "runs": 6, "list": 6}
_GROWING_METHODS = {"upper": 3, "lower": 3, "title": 3, "capitalize": 3, "swapcase": 3, "casefold": 3, "encode": 4}
_ESCAPES = {"<": 3, ">": 3, "&": 4, '"': 4, "'": 4}  # characters escaping lengthens, and by how much
# Not valid filter names in template text: only _Limits inserts them.
_LOOP_FILTER, _CONCAT_FILTER, _KEEP_FILTER = "ccch loop", "ccch concat", "ccch keep"


class TooLong(SecurityError):
    """A render's output past MAX_OUTPUT characters: a template's doing, or a document too long for any."""


@dataclass
class _Budget:
    """What the renders of one document have spent: loop items, and time (`left` of `seconds`, until `deadline`)."""

    seconds: float
    left: float
    deadline: float
    loop_items: int = 0
    kept: int = 0  # characters written into `{% set %}` blocks, macros, calls and filter blocks

    @contextmanager
    def running(self) -> Iterator[None]:
        """Count the time inside the block only: a template rendering, not the layout passes between its parts."""
        self.deadline = time.thread_time() + self.left
        try:
            yield
        finally:
            self.left = max(self.deadline - time.thread_time(), 0.0)


_ACTIVE: ContextVar[_Budget | None] = ContextVar("ccch_budget", default=None)


@contextmanager
def budget(items: int = 0) -> Iterator[None]:
    """Bound every render inside the block together: MAX_LOOP_ITEMS, and RENDER_SECONDS with SECONDS_PER_ITEM for
    each of the `items` of data the templates are given (a large document is given the time it takes)."""
    seconds = RENDER_SECONDS + items * SECONDS_PER_ITEM
    token = _ACTIVE.set(_Budget(seconds, seconds, time.thread_time() + seconds))
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def _tick() -> None:
    """Refuse to go on once the active budget's time is spent."""
    spent = _ACTIVE.get()
    if spent is not None and time.thread_time() > spent.deadline:
        raise SecurityError(f"mẫu dựng quá {math.ceil(spent.seconds * 10) / 10:g} giây")


def _spent(eval_ctx: jinja2.nodes.EvalContext) -> _Budget:
    """The active budget; outside budget(), one per render, without a time limit."""
    spent = _ACTIVE.get()
    if spent is None:
        spent = getattr(eval_ctx, "ccch_budget", None) or _Budget(float("inf"), float("inf"), float("inf"))
        setattr(eval_ctx, "ccch_budget", spent)  # noqa: B010 (an attribute EvalContext does not declare)
    return spent


@jinja2.pass_eval_context
def _count_loop(eval_ctx: jinja2.nodes.EvalContext, items: Iterable[Any]) -> Iterator[Any]:
    """Every `for` loop iterates through this: its items are counted against MAX_LOOP_ITEMS, its time checked."""
    spent = _spent(eval_ctx)
    for item in items:
        spent.loop_items += 1
        if spent.loop_items > MAX_LOOP_ITEMS:
            raise SecurityError(f"vòng lặp vượt {grouped(MAX_LOOP_ITEMS)} lượt")
        _tick()
        yield item


def _need(size: int) -> None:
    """Refuse to make a value of `size` characters, before making it."""
    if size > MAX_OUTPUT:
        raise SecurityError(f"giá trị sẽ dài quá {grouped(MAX_OUTPUT)} ký tự")


def _escaped_len(text: str) -> int:
    """The length of `text` once escaped as XML."""
    return len(text) + sum(text.count(ch) * extra for ch, extra in _ESCAPES.items())


def _size(value: Any, limit: int = MAX_OUTPUT) -> int:
    """About how many characters `value` takes as text (strings and numbers exact, containers as their repr),
    counting no further than just past `limit`."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, int | float | bool) or value is None:
        return len(str(value)) if not isinstance(value, int) or value.bit_length() < 4096 else limit + 1
    if isinstance(value, list | tuple | set | frozenset | dict):
        total = 2
        for item in (value.items() if isinstance(value, dict) else value):
            total += _size(item, limit - total) + 4
            if total > limit:
                break
        return total
    return len(str(value))


def _text_len(items: list[Any], separator: Any = "") -> int:
    """The length of the items joined with `separator`, escaped as Jinja would when any of them is Markup
    (counted no further than just past MAX_OUTPUT)."""
    markup = hasattr(separator, "__html__") or any(hasattr(x, "__html__") for x in items)

    def one(x: Any) -> int:
        return _escaped_len(x) if markup and isinstance(x, str) and not hasattr(x, "__html__") else _size(x)

    total = one(separator) * max(len(items) - 1, 0)
    for item in items:
        total += one(item)
        if total > MAX_OUTPUT:
            break
    return total


def _sized(value: Any) -> Any:
    """`value`, unless it is a string or sequence longer than MAX_OUTPUT, or the time is spent."""
    _tick()
    if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT:
        raise SecurityError(f"giá trị dài quá {grouped(MAX_OUTPUT)} ký tự")
    return value


def _concat(items: list[Any]) -> str:
    """The `~` operator, its result's size checked before it is made."""
    _need(_text_len(items))
    return _sized(markup_join(items))


def _output_len(value: Any) -> int:
    """How many characters `{{ value }}` writes, escaped."""
    if isinstance(value, str):
        return len(value) if hasattr(value, "__html__") else _escaped_len(value)
    return _size(value) * _GROWTH["e"]


def _finalize(value: Any) -> Any:
    """Every `{{ … }}` goes through this before being escaped into the output: its escaped size is checked first."""
    _tick()
    _need(_output_len(value))
    return value


@jinja2.pass_context  # never folded into a constant when the template is compiled
def _keep(context: jinja2.runtime.Context, value: Any, text: bool) -> Any:
    """What a `{% set %}` block, macro, call or filter block writes (template `text`, or a value) passes through
    this: all of it together, in one render, is held to MAX_OUTPUT before it is joined into one string."""
    spent = _spent(context.eval_ctx)
    spent.kept += len(value) if text else _output_len(value)
    if spent.kept > MAX_OUTPUT:
        raise SecurityError(f"khối `set`, macro hay `call` giữ quá {grouped(MAX_OUTPUT)} ký tự")
    _tick()
    return Markup(value) if text else value


def _checked(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    """Filter `name`, refused when its result would be too long (it keeps the filter's pass_context marks)."""
    growth = _GROWTH.get(name, 1)
    offset = 1 if getattr(fn, "jinja_pass_arg", None) is not None else 0  # the context, before the value

    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        if growth > 1 and len(args) > offset:
            _need(_size(args[offset], MAX_OUTPUT // growth) * growth)
        return _sized(fn(*args, **kwargs))
    return call


@jinja2.pass_eval_context
def _join(eval_ctx: jinja2.nodes.EvalContext, value: Iterable[Any], d: str = "",
          attribute: str | int | None = None) -> str:
    """Jinja's `join`, its result's size checked before it is made."""
    if attribute is not None:
        value = map(make_attrgetter(eval_ctx.environment, attribute), value)
    items = list(value)
    _need(_text_len(items, d))
    return jinja2.filters.do_join(eval_ctx, items, d)


@jinja2.pass_environment
def _sum(environment: jinja2.Environment, iterable: Iterable[Any], attribute: str | int | None = None,
         start: Any = 0) -> Any:
    """Jinja's `sum`; summing lists (`start=[]`) is checked for the length of the result first."""
    if attribute is not None:
        iterable = map(make_attrgetter(environment, attribute), iterable)
    items = list(iterable)
    if isinstance(start, list | tuple | str):
        _need(len(start) + sum(len(x) if isinstance(x, list | tuple | str) else 1 for x in items))
    return sum(items, start)


def _slice(value: Any, slices: Any, fill_with: Any = None) -> Iterator[list[Any]]:
    """Jinja's `slice`, with at most MAX_ITEMS slices (it makes that many lists whatever its input)."""
    if not isinstance(slices, int) or slices > MAX_ITEMS:
        raise SecurityError(f"`slice` quá {grouped(MAX_ITEMS)} phần")
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


def _replaced_len(text: str, old: Any, new: Any, count: Any = -1) -> int:
    """The length of `text.replace(old, new, count)`."""
    found = text.count(str(old))
    if isinstance(count, int) and count >= 0:
        found = min(found, count)
    return len(text) + found * (len(str(new)) - len(str(old)))


@jinja2.pass_eval_context
def _replace(eval_ctx: jinja2.nodes.EvalContext, s: str, old: str, new: str, count: int | None = None) -> str:
    """Jinja's `replace`, its result's size checked before it is made."""
    _need(_replaced_len(str(s), old, new, -1 if count is None else count))
    return jinja2.filters.do_replace(eval_ctx, s, old, new, count)


def _method_size(text: str, name: str, args: tuple[Any, ...]) -> int:
    """The length the string method `name` would give, for the methods that lengthen their string."""
    if name == "join" and args:
        return _text_len(args[0], text)
    if name == "replace" and len(args) >= 2:
        return _replaced_len(text, *args[:3])
    if name == "translate" and args and isinstance(args[0], dict):
        return len(text) * max((len(v) for v in args[0].values() if isinstance(v, str)), default=1)
    return len(text) * _GROWING_METHODS.get(name, 1)


class _Limits(NodeTransformer):
    """Routes every `for` loop, `~` and what blocks that capture their output write through the filters that count
    what they cost (what is not captured is counted as it is output, by `bounded`)."""

    def __init__(self) -> None:
        self.capturing = 0

    def _capture(self, node: nodes.Node) -> nodes.Node:
        self.capturing += 1
        try:
            self.generic_visit(node)
        finally:
            self.capturing -= 1
        return node

    visit_AssignBlock = visit_Macro = visit_CallBlock = visit_FilterBlock = visit_Block = _capture

    def visit_Output(self, node: nodes.Output) -> nodes.Output:
        self.generic_visit(node)
        if self.capturing:
            node.nodes = [nodes.Filter(nodes.Const(n.data) if isinstance(n, nodes.TemplateData) else n, _KEEP_FILTER,
                                       [nodes.Const(isinstance(n, nodes.TemplateData))], [], None, None,
                                       lineno=n.lineno) for n in node.nodes]
        return node

    def visit_For(self, node: nodes.For) -> nodes.For:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, _LOOP_FILTER, [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Filter:
        self.generic_visit(node)
        return nodes.Filter(nodes.List(node.nodes, lineno=node.lineno), _CONCAT_FILTER, [], [], None, None,
                            lineno=node.lineno)


class Sandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, also closed to the cheap ways of exhausting memory or time.

    Besides Python internals (`__class__`, `_private`) and mutation, it refuses: loops beyond
    MAX_LOOP_ITEMS items in all, strings or lists repeated beyond MAX_ITEMS, huge numbers, `%` on
    strings, the padding methods and filters whose width argument allocates memory, any `~`, `+`,
    `join`, `replace`, filter, call or output whose result would be longer than MAX_OUTPUT (checked
    before it is made), and renders running past their `budget()`. Values are escaped as XML text.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, filters: Mapping[str, Callable[..., Any]] = {}) -> None:  # noqa: B006 (never mutated)
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined, finalize=_finalize)
        for name in _REMOVED_FILTERS:
            del self.filters[name]
        del self.globals["lipsum"]
        self.filters.update(filters, join=_join, sum=_sum, replace=_replace, slice=_slice)
        self.filters = {name: _checked(name, fn) for name, fn in self.filters.items()}
        self.filters[_LOOP_FILTER] = _count_loop
        self.filters[_CONCAT_FILTER] = _concat
        self.filters[_KEEP_FILTER] = _keep

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _Limits().visit(super()._parse(source, name, filename))

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
        owner = getattr(obj, "__self__", None)
        if isinstance(owner, str):
            if obj.__name__ == "join" and args:
                args = (list(args[0]), *args[1:])
            _need(_method_size(owner, obj.__name__, args))
        return _sized(super().call(context, obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> None:
        """`str.format` is refused with the padding methods, not wrapped: its widths allocate memory."""
        return None

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        return attr not in _PADDING_METHODS and super().is_safe_attribute(obj, attr, value)

    def call_binop(self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any) -> Any:
        if operator == "%" and isinstance(left, str):
            raise SecurityError("không dùng `%` với chuỗi trong mẫu")
        if operator == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) and len(seq) * times > MAX_ITEMS:
                    raise SecurityError(f"chuỗi hoặc danh sách dài quá {grouped(MAX_ITEMS)} phần tử")
        if operator == "+" and isinstance(left, str | list | tuple) and isinstance(right, str | list | tuple):
            _need(_text_len([left, right]))
        if isinstance(left, int) and isinstance(right, int) and operator in ("*", "**"):
            bits = left.bit_length() * max(right, 1) if operator == "**" else left.bit_length() + right.bit_length()
            if bits > 4096:
                raise SecurityError("số quá lớn")
        return _sized(super().call_binop(context, operator, left, right))


def bounded(chunks: Iterator[str]) -> str:
    """Join the output of a render, refusing to build more than MAX_OUTPUT characters or to run past the budget."""
    out: list[str] = []
    size = 0
    active = _ACTIVE.get()
    with active.running() if active is not None else nullcontext():
        for chunk in chunks:
            size += len(chunk)
            if size > MAX_OUTPUT:
                raise TooLong(f"mẫu sinh quá {grouped(MAX_OUTPUT)} ký tự")
            _tick()
            out.append(chunk)
    return "".join(out)
