"""The only module that touches docxtpl and Jinja: compile templates once, render contexts to .docx bytes."""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
from docxtpl import DocxTemplate
from jinja2.sandbox import ImmutableSandboxedEnvironment
from lxml import etree
from markupsafe import Markup

from . import layout, ooxml, tables
from .context import Para
from .errors import Problem, TemplateError

MAIN = "word/document.xml"
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
    """The sandbox every template is compiled in: no Python internals, values escaped as XML text."""
    env = ImmutableSandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["runs"] = runs
    return env


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
                z.writestr(name, data)
        return out.getvalue()

    def _render_part(self, name: str, template: jinja2.Template, context: dict[str, Any]) -> bytes:
        try:
            xml = template.render(context)
        except jinja2.TemplateError as exc:
            raise TemplateError([Problem(f"lỗi khi dựng mẫu: {exc}", str(self.path), key=name)]) from None
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
                                         "`{%p for pl in phu_luc %}` và có tiêu đề thay thế (Alt text) phu_luc")])
        out = [pieces[0]]
        for pl, rest in zip(appendices, pieces[1:], strict=True):
            bang = pl["bang"]
            out.append(self.table.table_xml(bang.cot, bang.rong, bang.dong))
            out.append(rest)
        return "".join(out)


@lru_cache(maxsize=64)
def _compile(path: Path, mtime_ns: int) -> CompiledTemplate:
    del mtime_ns  # part of the cache key only: an edited template is read again
    try:
        with zipfile.ZipFile(path) as z:
            parts = {name: z.read(name) for name in z.namelist()}
    except (OSError, zipfile.BadZipFile) as exc:
        raise TemplateError([Problem(f"không mở được mẫu: {exc}", str(path))]) from None
    if MAIN not in parts or "word/styles.xml" not in parts:
        raise TemplateError([Problem("mẫu thiếu word/document.xml hoặc word/styles.xml", str(path))])
    env = environment()
    patcher = DocxTemplate(path)
    jinja: dict[str, jinja2.Template] = {}
    prototype, main = _take_table(path, parts[MAIN])
    for name, data in parts.items():
        if name.startswith(_TEMPLATED) and name.endswith(".xml"):
            xml = main if name == MAIN else data.decode("utf-8")
            if "{{" in xml or "{%" in xml:
                try:
                    jinja[name] = env.from_string(patcher.patch_xml(xml))
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError([Problem(f"cú pháp Jinja sai: {exc.message}", str(path), key=name)]) from None
    body = etree.fromstring(parts[MAIN])
    sect = body.find(f"{{{ooxml.W}}}body/{{{ooxml.W}}}sectPr")
    if sect is None:
        raise TemplateError([Problem("mẫu thiếu w:sectPr (khổ giấy, lề)", str(path))])
    return CompiledTemplate(path, parts, jinja, ooxml.StyleSheet(parts["word/styles.xml"]), ooxml.page_room(sect),
                            prototype)


def _take_table(path: Path, xml: bytes) -> tuple[tables.Prototype | None, str]:
    """Read the phụ lục prototype table out of the main part, leaving a mark where it stood."""
    root = etree.fromstring(xml)
    found = ooxml.table_with_caption(root, tables.CAPTION)
    if found is None:
        return None, xml.decode("utf-8")
    try:
        prototype = tables.Prototype.read(found)
    except ValueError as exc:
        raise TemplateError([Problem(str(exc), str(path), key="phu_luc")]) from None
    found.addprevious(etree.ProcessingInstruction(_TABLE_MARK))
    found.getparent().remove(found)
    return prototype, etree.tostring(root, encoding="unicode")


def compiled(path: Path) -> CompiledTemplate:
    """The compiled template at `path`, from the per-process cache unless the file changed."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError([Problem(f"không tìm thấy mẫu: {exc.strerror}", str(path))]) from None
    return _compile(path, mtime)
