"""The only module that touches docxtpl and Jinja: compile templates once, render contexts to .docx bytes."""

from __future__ import annotations

import functools
import html
import io
import re
import traceback
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from jinja2.runtime import markup_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from jinja2.visitor import NodeTransformer
from lxml import etree
from markupsafe import Markup

from . import layout, ooxml, tables
from .context import Para
from .errors import Problem, TemplateError

MAIN = "word/document.xml"
STYLES = "word/styles.xml"
_TEMPLATED = ("word/document.xml", "word/header", "word/footer")
# Where each phụ lục table goes: a processing instruction, which no escaped value can forge.
_TABLE_MARK = "ccch-bang"
_TABLE_MARK_RE = re.compile(r"<\?ccch-bang\s*\?>")

# Limits of the sandbox: what a template from another office may spend on one part of one document.
MAX_LOOP_ITEMS = 1_000_000  # items of every `for` loop together
MAX_ITEMS = 10_000  # length of a string or list made by `*`
MAX_OUTPUT = 50_000_000  # characters of XML
_PADDING_METHODS = frozenset({"center", "ljust", "rjust", "zfill", "expandtabs", "format", "format_map"})
# Not valid filter names in template text: only _Limits inserts them.
_LOOP_FILTER, _CONCAT_FILTER = "ccch loop", "ccch concat"


def runs(para: Para) -> Markup:
    """Jinja filter `runs`: a body paragraph as <w:r> elements (label, then text with its emphasis)."""
    out = [ooxml.run_xml(para.nhan + " ", para.nhan_dam)] if para.nhan else []
    out.extend(ooxml.run_xml(r.text, r.dam, r.nghieng) for r in para.runs)
    return Markup("".join(out))


@jinja2.pass_eval_context
def _count_loop(eval_ctx: jinja2.nodes.EvalContext, items: Iterable[Any]) -> Iterator[Any]:
    """Every `for` loop iterates through this: the items of one render are counted against MAX_LOOP_ITEMS."""
    for item in items:
        spent = getattr(eval_ctx, "ccch_loop_items", 0) + 1
        if spent > MAX_LOOP_ITEMS:
            raise SecurityError(f"vòng lặp vượt {MAX_LOOP_ITEMS:,} lượt")
        eval_ctx.ccch_loop_items = spent
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
    `+`, filter or call whose result is longer than MAX_OUTPUT.
    """

    intercepted_binops = frozenset({"*", "**", "%", "+"})

    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=jinja2.StrictUndefined)
        for name in ("center", "indent", "format", "batch", "wordwrap"):
            del self.filters[name]
        del self.globals["lipsum"]
        self.filters["runs"] = runs
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


def environment() -> jinja2.Environment:
    """The sandbox every template is compiled in: no Python internals, values escaped as XML text."""
    return Sandbox()


def _patched(patcher: DocxTemplate, xml: str) -> str:
    """docxtpl's Jinja source for an XML part, with XML entities inside tags turned back into characters.

    LibreOffice writes `"` as `&quot;` even inside `{% if d.kieu == "muc1" %}`.
    """
    source = patcher.patch_xml(xml)
    return re.sub(r"(?<=\{[{%])(.*?)(?=[}%]\})", lambda m: html.unescape(m.group(0)), source, flags=re.DOTALL)


def _by_paragraph(patcher: DocxTemplate, xml: str) -> str:
    """The Jinja source with one paragraph (or table row) per line, so that Jinja's line numbers point at paragraphs."""
    for tag in ("<w:p>", "<w:p ", "<w:tr>", "<w:tr "):
        xml = xml.replace(tag, "\n" + tag)
    return _patched(patcher, xml)


def _paragraph(source: str, lineno: int | None) -> str:
    """The visible text (tags included) of line `lineno` of a paragraph-per-line source."""
    lines = source.splitlines()
    if not lineno or lineno > len(lines):
        return ""
    text = " ".join(html.unescape(re.sub(r"<[^>]+>", "", lines[lineno - 1])).split())
    return text if len(text) <= 120 else text[:117] + "…"


def _template_line(exc: BaseException) -> int | None:
    """The template line a render error happened on, from the traceback Jinja rewrites."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == "<template>"]
    return frames[-1].lineno if frames else None


def _explain(exc: BaseException) -> tuple[str, str | None]:
    """A message and a hint for an error raised while compiling or rendering a template."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return f"cú pháp Jinja sai: {exc.message}", "kiểm tra cặp {{ }} / {% %} và các thẻ for/if có đủ end"
    if isinstance(exc, SecurityError):
        return f"mẫu bị chặn vì không an toàn: {exc}", "mẫu chỉ được đọc các biến trong ngữ cảnh (docs/mau-van-ban.md)"
    if isinstance(exc, jinja2.UndefinedError):
        return (f"biến không có trong ngữ cảnh: {exc.message}",
                "xem danh sách biến trong docs/mau-van-ban.md hoặc chạy `python -m ccch_docs templates check`")
    if isinstance(exc, RecursionError | OverflowError | MemoryError):
        return f"mẫu bị chặn vì quá tốn tài nguyên: {exc}", "bỏ vòng lặp, macro đệ quy hoặc range quá lớn"
    return f"lỗi khi dựng mẫu: {type(exc).__name__}: {exc}", None


def _syntax_problem(path: Path, part: str, source: str, exc: jinja2.TemplateSyntaxError) -> Problem:
    """The syntax error of a part, placed at its paragraph by parsing the paragraph-per-line source."""
    try:
        environment().parse(source)
    except jinja2.TemplateSyntaxError as again:
        return _problem(path, part, again, _paragraph(source, again.lineno))
    return _problem(path, part, exc, "")


def _problem(path: Path, part: str, exc: BaseException, paragraph: str) -> Problem:
    message, hint = _explain(exc)
    if paragraph:
        message += f"; trong đoạn «{paragraph}»"
    return Problem(message, str(path), key=part, hint=hint)


@dataclass(frozen=True)
class CompiledTemplate:
    """A .docx template read and compiled once: raw parts, Jinja templates of the XML parts, its styles."""

    path: Path
    parts: dict[str, bytes]
    jinja: dict[str, jinja2.Template]
    styles: ooxml.StyleSheet
    page_room: int
    table: tables.Prototype | None

    def render(self, context: dict[str, Any]) -> bytes:
        """Render `context` into the bytes of a .docx file."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                template = self.jinja.get(name)
                if template is not None:
                    data = self._render_part(name, template, context)
                # A fixed time stamp: the same input gives the same bytes, whenever it is rendered.
                z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _render_part(self, name: str, template: jinja2.Template, context: dict[str, Any]) -> bytes:
        try:
            xml = _bounded(template.generate(context))
        except Exception as exc:  # whatever a template does, it comes back as a TemplateError
            raise TemplateError([self._locate(name, context, exc)]) from None
        root = etree.fromstring(xml.encode("utf-8"))
        ooxml.drop_empty_runs(root)
        if name != MAIN:
            return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        layout.fit_lines(root, self.styles, self.page_room)
        ooxml.close_last_section(root)
        out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
        return self._insert_tables(out, context.get("phu_luc", [])).encode("utf-8")

    def _insert_tables(self, xml: str, appendices: list[dict[str, Any]]) -> str:
        """Put each phụ lục table, written from the prototype, where the template's loop left its mark."""
        pieces = _TABLE_MARK_RE.split(xml)
        if len(pieces) - 1 != len(appendices) or (appendices and self.table is None):
            raise TemplateError([Problem(f"mẫu có {len(pieces) - 1} chỗ đặt bảng phụ lục cho {len(appendices)} "
                                         "phụ lục", str(self.path), hint="bảng mẫu phải nằm trong vòng "
                                         "`{%p for pl in phu_luc %}`: bảng đầu tiên sau thẻ đó là bảng mẫu")])
        out = [pieces[0]]
        for pl, rest in zip(appendices, pieces[1:], strict=True):
            bang = pl["bang"]
            out.append(self.table.table_xml(bang.cot, bang.rong, bang.dong))
            out.append(rest)
        return "".join(out)

    def _locate(self, name: str, context: dict[str, Any], exc: Exception) -> Problem:
        """Render the part again one paragraph per line to name the paragraph the error is in."""
        source = _by_paragraph(DocxTemplate(self.path), self.parts[name].decode("utf-8"))
        try:
            _bounded(environment().from_string(source).generate(context))
        except Exception as again:
            return _problem(self.path, name, exc, _paragraph(source, _template_line(again)))
        return _problem(self.path, name, exc, "")

    def variables(self) -> dict[str, dict[str, str]]:
        """Per XML part, the top-level names its tags read, each with the text of the first paragraph using it."""
        patcher, env = DocxTemplate(self.path), environment()
        out: dict[str, dict[str, str]] = {}
        for name in self.jinja:
            source = _by_paragraph(patcher, self.parts[name].decode("utf-8"))
            found = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
            lines = source.splitlines()
            out[name] = {var: next((_paragraph(source, n) for n, line in enumerate(lines, 1)
                                    if re.search(rf"[{{%][^}}%]*\b{re.escape(var)}\b", line)), "")
                         for var in sorted(found)}
        return out


def _bounded(chunks: Iterator[str]) -> str:
    """Join the output of a render, refusing to build more than MAX_OUTPUT characters."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_OUTPUT:
            raise SecurityError(f"mẫu sinh quá {MAX_OUTPUT:,} ký tự")
        out.append(chunk)
    return "".join(out)


@lru_cache(maxsize=64)
def _compile(path: Path, mtime_ns: int, co_chu: tuple[float, float] | None) -> CompiledTemplate:
    del mtime_ns  # part of the cache key only: an edited template is read again
    try:
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError([Problem(f"không mở được mẫu: {exc}", str(path))]) from None
    if MAIN not in parts or STYLES not in parts:
        raise TemplateError([Problem("mẫu thiếu word/document.xml hoặc word/styles.xml", str(path))])
    if co_chu is not None:
        try:
            parts[STYLES] = layout.pair_sizes(parts[STYLES], co_chu)
        except KeyError as exc:
            raise TemplateError([Problem(f"mẫu thiếu kiểu đoạn {exc} cần để áp dụng co_chu", str(path), key=STYLES,
                                         hint="giữ nguyên tên các kiểu đoạn `CCHC …` khi sửa mẫu")]) from None
    env = environment()
    patcher = DocxTemplate(path)
    jinja: dict[str, jinja2.Template] = {}
    prototype, main = _take_table(path, parts[MAIN])
    for name, data in parts.items():
        if name.startswith(_TEMPLATED) and name.endswith(".xml"):
            xml = main if name == MAIN else data.decode("utf-8")
            if "{{" in xml or "{%" in xml:
                try:
                    jinja[name] = env.from_string(_patched(patcher, xml))
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError([_syntax_problem(path, name, _by_paragraph(patcher, xml), exc)]) from None
    body = etree.fromstring(parts[MAIN])
    sect = body.find(f"{{{ooxml.W}}}body/{{{ooxml.W}}}sectPr")
    if sect is None:
        raise TemplateError([Problem("mẫu thiếu w:sectPr (khổ giấy, lề)", str(path))])
    return CompiledTemplate(path, parts, jinja, ooxml.StyleSheet(parts[STYLES]), ooxml.page_room(sect), prototype)


def _take_table(path: Path, xml: bytes) -> tuple[tables.Prototype | None, str]:
    """Read the phụ lục prototype table out of the main part, leaving a mark where it stood."""
    root = etree.fromstring(xml)
    found = ooxml.table_after(root, tables.LOOP)
    if found is None:
        return None, xml.decode("utf-8")
    try:
        prototype = tables.Prototype.read(found)
    except ValueError as exc:
        raise TemplateError([Problem(str(exc), str(path), key="phu_luc")]) from None
    found.addprevious(etree.ProcessingInstruction(_TABLE_MARK))
    found.getparent().remove(found)
    return prototype, etree.tostring(root, encoding="unicode")


def compiled(path: Path, co_chu: tuple[float, float] | None = None) -> CompiledTemplate:
    """The compiled template at `path` (with its paired sizes set to `co_chu`), cached unless the file changed."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError([Problem(f"không tìm thấy mẫu: {exc.strerror}", str(path))]) from None
    return _compile(path, mtime, co_chu)
