"""The Jinja sandbox templates are compiled in: no Python internals, no mutation, bounded memory and time."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer

# Limits of the sandbox: what a template from another office may spend on one part of one document.
MAX_LOOP_ITEMS = 1_000_000  # items of every `for` loop together
MAX_ITEMS = 10_000  # length of a string or list made by `*`
MAX_OUTPUT = 50_000_000  # characters of XML
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map"})
# Not valid filter names in template text: only _Limits inserts them.
_LOOP_FILTER, _CONCAT_FILTER = "ccch loop", "ccch concat"


@jinja2.pass_eval_context
def _count_loop(eval_ctx: jinja2.nodes.EvalContext, items: Iterable[Any]) -> Iterator[Any]:
    """Every `for` loop iterates through this: the items of one render are counted against MAX_LOOP_ITEMS."""
    for item in items:
        spent = getattr(eval_ctx, "ccch_loop_items", 0) + 1
        if spent > MAX_LOOP_ITEMS:
            raise SecurityError(f"vòng lặp vượt {MAX_LOOP_ITEMS:,} lượt")
        setattr(eval_ctx, "ccch_loop_items", spent)  # noqa: B010 (an attribute EvalContext does not declare)
        yield item


def _sized(value: Any) -> Any:
    """`value`, unless it is a string or sequence longer than MAX_OUTPUT."""
    if isinstance(value, str | list | tuple) and len(value) > MAX_OUTPUT:
        raise SecurityError(f"giá trị dài quá {MAX_OUTPUT:,} ký tự")
    return value


def _concat(items: list[Any]) -> str:
    """The `~` operator, its result's size checked."""
    return _sized(markup_join(items))


def _checked(fn: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose result's size is checked (it keeps the filter's pass_context marks)."""
    @functools.wraps(fn)
    def call(*args: Any, **kwargs: Any) -> Any:
        return _sized(fn(*args, **kwargs))
    return call


class _Limits(NodeTransformer):
    """Routes every `for` loop and `~` through the filters that count what they cost."""

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
    strings, the padding methods and filters whose width argument allocates memory, and any `~`,
    `+`, filter or call whose result is longer than MAX_OUTPUT. Values are escaped as XML text.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self, filters: Mapping[str, Callable[..., Any]] = {}) -> None:  # noqa: B006 (never mutated)
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        for name in ("center", "indent", "format", "batch", "wordwrap"):
            del self.filters[name]
        del self.globals["lipsum"]
        self.filters.update(filters)
        self.filters = {name: _checked(fn) for name, fn in self.filters.items()}
        self.filters[_LOOP_FILTER] = _count_loop
        self.filters[_CONCAT_FILTER] = _concat

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        return _Limits().visit(super()._parse(source, name, filename))

    def call(self, context: jinja2.runtime.Context, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
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
                    raise SecurityError(f"chuỗi hoặc danh sách dài quá {MAX_ITEMS:,} phần tử")
        if isinstance(left, int) and isinstance(right, int) and operator in ("*", "**"):
            bits = left.bit_length() * max(right, 1) if operator == "**" else left.bit_length() + right.bit_length()
            if bits > 4096:
                raise SecurityError("số quá lớn")
        return _sized(super().call_binop(context, operator, left, right))


def bounded(chunks: Iterator[str]) -> str:
    """Join the output of a render, refusing to build more than MAX_OUTPUT characters."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(f"mẫu sinh quá {MAX_OUTPUT:,} ký tự")
        out.append(chunk)
    return "".join(out)
