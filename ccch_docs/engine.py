"""Templates compiled once, rendered to .docx bytes: Jinja in the sandbox, then the layout and table passes."""

from __future__ import annotations

import html
import io
import re
import traceback
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.sandbox import SecurityError
from lxml import etree
from markupsafe import Markup

from . import layout, ooxml, tables
from .blocks import Para, Table
from .docxtpl_patch import jinja_source
from .errors import Problem, TemplateError
from .sandbox import Sandbox, bounded

MAIN = "word/document.xml"
STYLES = "word/styles.xml"
_TEMPLATED = ("word/document.xml", "word/header", "word/footer")
# Where each phụ lục table goes: a processing instruction, which no escaped value can forge.
_TABLE_MARK = "ccch-bang"
_TABLE_MARK_RE = re.compile(r"<\?ccch-bang\s*\?>")


def runs(para: Para) -> Markup:
    """Jinja filter `runs`: a body paragraph as <w:r> elements (label, then text with its emphasis)."""
    out = [ooxml.run_xml(para.nhan + " ", para.nhan_dam)] if para.nhan else []
    out.extend(ooxml.run_xml(r.text, r.dam, r.nghieng) for r in para.runs)
    return Markup("".join(out))


def environment() -> jinja2.Environment:
    """The sandbox every template is compiled in, with the `runs` filter."""
    return Sandbox({"runs": runs})


def _by_paragraph(xml: str) -> str:
    """The Jinja source with one paragraph (or table row) per line, so that Jinja's line numbers point at paragraphs."""
    for tag in ("<w:p>", "<w:p ", "<w:tr>", "<w:tr "):
        xml = xml.replace(tag, "\n" + tag)
    return jinja_source(xml)


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

    def render(self, context: Mapping[str, Any], tables: Sequence[Table] = ()) -> bytes:
        """Render `context` into the bytes of a .docx file, `tables` where the phụ lục loop left its marks."""
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts.items():
                template = self.jinja.get(name)
                if template is not None:
                    data = self._render_part(name, template, context, tables)
                # A fixed time stamp: the same input gives the same bytes, whenever it is rendered.
                z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _render_part(self, name: str, template: jinja2.Template, context: Mapping[str, Any],
                     tables: Sequence[Table]) -> bytes:
        try:
            xml = bounded(template.generate(context))
        except Exception as exc:  # whatever a template does, it comes back as a TemplateError
            raise TemplateError([self._locate(name, context, exc)]) from None
        root = etree.fromstring(xml.encode("utf-8"))
        ooxml.drop_empty_runs(root)
        if name != MAIN:
            return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        layout.fit_lines(root, self.styles, self.page_room)
        ooxml.close_last_section(root)
        out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
        return self._insert_tables(out, tables).encode("utf-8")

    def _insert_tables(self, xml: str, appendices: Sequence[Table]) -> str:
        """Put each phụ lục table, written from the prototype, where the template's loop left its mark."""
        pieces = _TABLE_MARK_RE.split(xml)
        written = [self.table.table_xml(t) for t in appendices] if self.table is not None else []
        if len(pieces) - 1 != len(written) or len(written) != len(appendices):
            raise TemplateError([Problem(f"mẫu có {len(pieces) - 1} chỗ đặt bảng phụ lục cho {len(appendices)} "
                                         "phụ lục", str(self.path), hint="bảng mẫu phải nằm trong vòng "
                                         "`{%p for pl in phu_luc %}`: bảng đầu tiên sau thẻ đó là bảng mẫu")])
        return "".join(x for pair in zip(pieces, [*written, ""], strict=True) for x in pair)

    def _locate(self, name: str, context: Mapping[str, Any], exc: Exception) -> Problem:
        """Render the part again one paragraph per line to name the paragraph the error is in."""
        source = _by_paragraph(self.parts[name].decode("utf-8"))
        try:
            bounded(environment().from_string(source).generate(context))
        except Exception as again:
            return _problem(self.path, name, exc, _paragraph(source, _template_line(again)))
        return _problem(self.path, name, exc, "")

    def variables(self) -> dict[str, dict[str, str]]:
        """Per XML part, the top-level names its tags read, each with the text of the first paragraph using it."""
        env = environment()
        out: dict[str, dict[str, str]] = {}
        for name in self.jinja:
            source = _by_paragraph(self.parts[name].decode("utf-8"))
            found = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
            lines = source.splitlines()
            out[name] = {var: next((_paragraph(source, n) for n, line in enumerate(lines, 1)
                                    if re.search(rf"[{{%][^}}%]*\b{re.escape(var)}\b", line)), "")
                         for var in sorted(found)}
        return out


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
    jinja: dict[str, jinja2.Template] = {}
    prototype, main = _take_table(path, parts[MAIN])
    for name, data in parts.items():
        if name.startswith(_TEMPLATED) and name.endswith(".xml"):
            xml = main if name == MAIN else data.decode("utf-8")
            if "{{" in xml or "{%" in xml:
                try:
                    jinja[name] = env.from_string(jinja_source(xml))
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError([_syntax_problem(path, name, _by_paragraph(xml), exc)]) from None
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
