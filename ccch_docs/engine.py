"""Templates compiled once, rendered to .docx bytes: Jinja in the sandbox, then the layout and table passes."""

from __future__ import annotations

import html
import io
import re
import traceback
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta
from jinja2.exceptions import SecurityError
from lxml import etree
from markupsafe import Markup

from . import cache, layout, markup, ooxml, package, sandbox, tables
from .blocks import Para, Run, Table
from .decree.presentation import ELEMENTS
from .docxtpl_patch import jinja_source
from .errors import Problem, TemplateError
from .messages import grouped, os_error
from .sandbox import Sandbox, bounded, budget

MAIN = "word/document.xml"
STYLES = "word/styles.xml"
# Tags a part's Jinja output may hold (a 15,000-paragraph document: 270,000; phụ lục tables come after).
MAX_TAGS = 300_000
_TEMPLATED = ("word/document.xml", "word/header", "word/footer")
# Where each phụ lục table goes: a processing instruction, which no escaped value can forge.
_TABLE_MARK = "ccch-bang"
_TABLE_MARK_RE = re.compile(rf"<\?ccch-bang\s*({layout.KEEP_LAST_ROW})?\s*\?>")


class Oversized(TemplateError):
    """A rendered part past MAX_TAGS: the template's doing, or the document's (api.render tells which)."""


class Overlong(Oversized):
    """A rendered part past sandbox.MAX_OUTPUT characters: the template's doing, or the document's."""


def runs(para: Para | str) -> Markup:
    """Jinja filter `runs`: a body paragraph as <w:r> elements (label, then text with its emphasis and
    footnote marks), or a text with its markup (a Nơi nhận line)."""
    if isinstance(para, str):
        para = Para("doan", "", markup.runs(para))
    if para.bang is not None:  # the table goes where this paragraph is (see ooxml.lift_marks)
        return Markup(f"<?{_TABLE_MARK}?>")
    out = [ooxml.run_xml(para.nhan + " ", para.nhan_dam)] if para.nhan else []
    out.extend(ooxml.run_xml(r.text, r.dam, r.nghieng, r.chu_thich) for r in para.runs)
    return Markup("".join(out))


def environment() -> jinja2.Environment:
    """The sandbox every template is compiled in, with the `runs` filter."""
    return Sandbox({"runs": runs})


def _one_per_line(xml: str) -> str:
    """`xml` with each paragraph (or table row) starting a line, so that line numbers point at paragraphs."""
    for tag in ("<w:p>", "<w:p ", "<w:tr>", "<w:tr "):
        xml = xml.replace(tag, "\n" + tag)
    return xml


def _by_paragraph(xml: str) -> str:
    """The Jinja source of a part with one paragraph (or table row) per line."""
    return jinja_source(_one_per_line(xml))


# The line breaks _one_per_line put between elements, taken out of the rendered XML again.
_LINE_BREAKS = re.compile(r">\n+<")


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


def _problem(path: Path, part: str, exc: BaseException, paragraph: str) -> Problem:
    message, hint = _explain(exc)
    if paragraph:
        message += f"; trong đoạn «{paragraph}»"
    return Problem(message, str(path), key=part, hint=hint)


def _items(value: Any) -> int:
    """How much data a template is given in `value`: an item for each value, paragraph, run and table cell line, one
    more for each 100 characters of text (what its loops and escaping work through; sandbox.budget).

    >>> _items({"a": "x" * 250, "b": [Para("doan", "1.", (Run("y"), Run("z")))]})
    8
    """
    if isinstance(value, str):
        return 1 + len(value) // 100
    if isinstance(value, Run):
        return _items(value.text)
    if isinstance(value, Para):
        return 1 + sum(_items(r.text) for r in value.runs) + (0 if value.bang is None else _items(value.bang))
    if isinstance(value, Table):
        return 1 + sum(_items(line) for _, _, cells in value.dong for cell in cells for line in cell)
    if isinstance(value, Mapping):
        return 1 + sum(_items(v) for v in value.values())
    if isinstance(value, list | tuple):
        return 1 + sum(_items(v) for v in value)
    return 1


def _footnotes(notes: Sequence[tuple[int, Para]]) -> bytes:
    """The footnotes part of `notes`, in the decree's footnote size."""
    half_points = round(ELEMENTS["chu_thich"].size * 2)
    r_pr = f'<w:rPr><w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>'
    return ooxml.footnotes_xml([(n, "".join(ooxml.run_xml(r.text, r.dam, r.nghieng, r.chu_thich, r_pr)
                                             for r in para.runs)) for n, para in notes], half_points,
                               ELEMENTS["chu_thich"].align or "both")


@dataclass(frozen=True)
class CompiledTemplate:
    """A .docx template read and compiled once: raw parts, Jinja templates of the XML parts (and their sources,
    one paragraph per line, so that Jinja's line numbers point at paragraphs), its styles."""

    path: Path
    parts: dict[str, bytes]
    sources: dict[str, str]
    jinja: dict[str, jinja2.Template]
    styles: ooxml.StyleSheet
    page_room: int
    table: tables.Prototype | None

    def render(self, context: Mapping[str, Any], tables: Sequence[Table] = (),
               notes: Sequence[tuple[int, Para]] = ()) -> bytes:
        """Render `context` into the bytes of a .docx file, `tables` where the phụ lục loop left its marks,
        `notes` (number, text) as the document's footnotes."""
        out = io.BytesIO()
        parts = self._with_notes(notes) if notes else self.parts
        with budget(_items(context)), zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                template = self.jinja.get(name)
                if template is not None:
                    data = self._render_part(name, template, context, tables)
                # A fixed time stamp: the same input gives the same bytes, whenever it is rendered.
                z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        return out.getvalue()

    def _with_notes(self, notes: Sequence[tuple[int, Para]]) -> dict[str, bytes]:
        """The template's parts with the footnotes part of `notes` and the character style of their number marks."""
        return {**ooxml.with_footnotes(self.parts, _footnotes(notes)), STYLES: self._noted_styles}

    @cached_property
    def _noted_styles(self) -> bytes:
        """The styles part with the character style of footnote number marks, made once for the template."""
        return ooxml.with_note_style(self.parts[STYLES])

    def _render_part(self, name: str, template: jinja2.Template, context: Mapping[str, Any],
                     tables: Sequence[Table]) -> bytes:
        try:
            lines = bounded(template.generate(context))
        except Exception as exc:  # whatever a template does, it comes back as a TemplateError
            source = self.sources[name]
            kind = Overlong if isinstance(exc, sandbox.TooLong) else TemplateError
            raise kind([_problem(self.path, name, exc, _paragraph(source, _template_line(exc)))]) from None
        if lines.count("<") > MAX_TAGS:  # before parsing: each element costs the parser far more than its text
            raise Oversized([Problem(f"mẫu sinh quá {grouped(MAX_TAGS)} thẻ XML", str(self.path), key=name,
                                     hint="bỏ vòng lặp sinh đoạn văn bằng `safe`")])
        try:
            root = ooxml.parse(_LINE_BREAKS.sub("><", lines).encode("utf-8"), huge=True)
        except (etree.XMLSyntaxError, ValueError) as exc:
            raise TemplateError([self._malformed(name, lines, exc)]) from None
        ooxml.drop_empty_runs(root)
        if name != MAIN:
            return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        ooxml.lift_marks(root, _TABLE_MARK)
        layout.caption_blocks(root, self.styles, _TABLE_MARK, self.page_room)
        layout.addressee_block(root, self.styles, self.page_room)
        layout.separate_tables(root, _TABLE_MARK)
        layout.fit_date_line(root, self.styles, self.page_room)
        layout.keep_signature(root, self.styles, _TABLE_MARK)
        layout.align_signers(root, self.styles, self.page_room)
        layout.fit_lines(root, self.styles, self.page_room)
        ooxml.close_last_section(root)
        out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True).decode("utf-8")
        return self._insert_tables(out, tables).encode("utf-8")

    def _insert_tables(self, xml: str, appendices: Sequence[Table]) -> str:
        """Put each table, written from the prototype, where the template's phụ lục loop or a table
        paragraph of the body left its mark."""
        pieces = _TABLE_MARK_RE.split(xml)
        texts, kept = pieces[::2], pieces[1::2]  # the text around the marks; whether each keeps its last row
        written = ([self.table.table_xml(t, None if t.ngang else self.page_room, bool(k))
                    for t, k in zip(appendices, kept, strict=False)] if self.table is not None else [])
        if len(kept) != len(written) or len(written) != len(appendices):
            raise TemplateError([Problem(f"mẫu có {len(kept)} chỗ đặt bảng phụ lục cho {len(appendices)} "
                                         "phụ lục", str(self.path), hint="bảng mẫu phải nằm trong vòng "
                                         "`{%p for pl in phu_luc %}`: bảng đầu tiên sau thẻ đó là bảng mẫu")])
        return "".join(x for pair in zip(texts, [*written, ""], strict=True) for x in pair)

    def _malformed(self, name: str, lines: str, exc: Exception) -> Problem:
        """The paragraph where a rendered part (one paragraph per line) stops being well-formed XML."""
        try:
            ooxml.parse(lines.encode("utf-8"), huge=True)
        except etree.XMLSyntaxError as again:
            exc = again
        except ValueError:
            pass
        paragraph = _paragraph(lines, getattr(exc, "lineno", None))
        message = f"mẫu sinh ra XML hỏng: {exc}" + (f"; trong đoạn «{paragraph}»" if paragraph else "")
        return Problem(message, str(self.path), key=name, hint="bỏ bộ lọc `safe`: giá trị phải được thoát (escape)")

    def variables(self) -> dict[str, dict[str, str]]:
        """Per XML part, the top-level names its tags read, each with the text of the first paragraph using it."""
        env = environment()
        out: dict[str, dict[str, str]] = {}
        for name, source in self.sources.items():
            found = meta.find_undeclared_variables(env.parse(source)) - set(env.globals)
            lines = source.splitlines()
            out[name] = {var: next((_paragraph(source, n) for n, line in enumerate(lines, 1)
                                    if re.search(rf"[{{%][^}}%]*\b{re.escape(var)}\b", line)), "")
                         for var in sorted(found)}
        return out


@lru_cache(maxsize=64)
def _compile(path: Path, mtime_ns: int, co_chu: tuple[float, float] | None) -> CompiledTemplate:
    del mtime_ns  # part of the cache key only: an edited template is read again
    parts = package.read_parts(path)
    if MAIN not in parts or STYLES not in parts:
        raise TemplateError([Problem("mẫu thiếu word/document.xml hoặc word/styles.xml", str(path))])
    if co_chu is not None:
        try:
            parts[STYLES] = layout.pair_sizes(parts[STYLES], co_chu)
        except KeyError as exc:
            raise TemplateError([Problem(f"mẫu thiếu kiểu đoạn {exc} cần để áp dụng co_chu", str(path), key=STYLES,
                                         hint="giữ nguyên tên các kiểu đoạn `CCHC …` khi sửa mẫu")]) from None
    parts[MAIN] = ooxml.free_section_breaks(parts[MAIN])
    env = environment()
    env.bytecode_cache = cache.BytecodeCache()
    jinja: dict[str, jinja2.Template] = {}
    sources: dict[str, str] = {}
    prototype, main = _take_table(path, parts[MAIN])
    for name, data in parts.items():
        if name.startswith(_TEMPLATED) and name.endswith(".xml"):
            xml = main if name == MAIN else data.decode("utf-8")
            if "{{" in xml or "{%" in xml:
                sources[name] = source = _by_paragraph(xml)
                try:
                    jinja[name] = _from_source(env, source)
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError([_problem(path, name, exc, _paragraph(source, exc.lineno))]) from None
    body = ooxml.parse(parts[MAIN])
    sect = body.find(f"{{{ooxml.W}}}body/{{{ooxml.W}}}sectPr")
    if sect is None:
        raise TemplateError([Problem("mẫu thiếu w:sectPr (khổ giấy, lề)", str(path))])
    try:
        room = ooxml.page_room(sect)
    except ValueError as exc:
        raise TemplateError([Problem(f"mẫu hỏng: {exc}", str(path), key=MAIN)]) from None
    return CompiledTemplate(path, parts, sources, jinja, ooxml.StyleSheet(parts[STYLES]), room, prototype)


def _from_source(env: jinja2.Environment, source: str) -> jinja2.Template:
    """`env.from_string(source)`, its code taken from Jinja's bytecode cache when there (compiled and stored when
    not): a new process need not compile its templates again."""
    assert env.bytecode_cache is not None
    bucket = env.bytecode_cache.get_bucket(env, cache.key(_compiler(), source), None, source)
    if bucket.code is None:
        bucket.code = env.compile(source)
        env.bytecode_cache.set_bucket(bucket)
    return env.template_class.from_code(env, bucket.code, env.make_globals(None))


@lru_cache(maxsize=1)
def _compiler() -> str:
    """What a template's code depends on besides its source: Jinja's version and the sandbox's settings."""
    return f"jinja2 {jinja2.__version__} " + cache.stamp(__file__, sandbox.__file__)


def _take_table(path: Path, xml: bytes) -> tuple[tables.Prototype | None, str]:
    """Read the phụ lục prototype table out of the main part, leaving a mark where it stood."""
    root = ooxml.parse(xml)
    found = ooxml.table_after(root, tables.LOOP)
    if found is None:
        return None, xml.decode("utf-8")
    try:
        prototype = tables.Prototype.read(found)
    except ValueError as exc:
        raise TemplateError([Problem(str(exc), str(path), key="phu_luc")]) from None
    found.addprevious(etree.ProcessingInstruction(_TABLE_MARK))
    ooxml.detach(found)
    return prototype, etree.tostring(root, encoding="unicode")


def compiled(path: Path, co_chu: tuple[float, float] | None = None) -> CompiledTemplate:
    """The compiled template at `path` (with its paired sizes set to `co_chu`), cached unless the file changed."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError([Problem(f"không tìm thấy mẫu: {os_error(exc)}", str(path))]) from None
    return _compile(path, mtime, co_chu)
