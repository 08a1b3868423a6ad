"""The only module that touches docxtpl and Jinja: compile templates once, render contexts to .docx bytes."""

from __future__ import annotations

import io
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

from . import layout, ooxml
from .context import Para
from .errors import Problem, TemplateError

MAIN = "word/document.xml"
_TEMPLATED = ("word/document.xml", "word/header", "word/footer")


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
        if name == MAIN:
            layout.fit_lines(root, self.styles, self.page_room)
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


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
    for name, data in parts.items():
        if name.startswith(_TEMPLATED) and name.endswith(".xml"):
            xml = data.decode("utf-8")
            if "{{" in xml or "{%" in xml:
                try:
                    jinja[name] = env.from_string(patcher.patch_xml(xml))
                except jinja2.TemplateSyntaxError as exc:
                    raise TemplateError([Problem(f"cú pháp Jinja sai: {exc.message}", str(path), key=name)]) from None
    body = etree.fromstring(parts[MAIN])
    sect = body.find(f"{{{ooxml.W}}}body/{{{ooxml.W}}}sectPr")
    if sect is None:
        raise TemplateError([Problem("mẫu thiếu w:sectPr (khổ giấy, lề)", str(path))])
    return CompiledTemplate(path, parts, jinja, ooxml.StyleSheet(parts["word/styles.xml"]), ooxml.page_room(sect))


def compiled(path: Path) -> CompiledTemplate:
    """The compiled template at `path`, from the per-process cache unless the file changed."""
    try:
        mtime = path.stat().st_mtime_ns
    except OSError as exc:
        raise TemplateError([Problem(f"không tìm thấy mẫu: {exc.strerror}", str(path))]) from None
    return _compile(path, mtime)
