"""The library's entry points: load and validate a document, render it to bytes, a file or a stream."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from . import context, engine, packs, source
from .model import VanBan, validate
from .output import write_atomic

Templates = packs.Folders  # a folder or a list of folders searched before CCHC_TEMPLATES and the built-in one


def load(path: Path | str, *, templates: Templates = None) -> VanBan:
    """Read and validate a YAML file (and the files it inherits from, and its pack's defaults)."""
    return _validate(source.load_path(path), templates)


def loads(text: str, *, name: str = "<string>", base_dir: Path | str = ".", templates: Templates = None) -> VanBan:
    """Read and validate YAML text; `name` is used in error messages."""
    return _validate(source.load_text(text, name, base_dir), templates)


def from_dict(data: dict[str, Any], *, name: str = "<dict>", base_dir: Path | str = ".",
              templates: Templates = None) -> VanBan:
    """Validate data another system already holds in memory."""
    return _validate(source.load_mapping(data, name, base_dir), templates)


def _validate(src: source.Source, templates: Templates) -> VanBan:
    """Find the document's templates, merge its pack's defaults under it, validate; the document keeps its templates."""
    found, defaults = packs.template_set(src, templates)
    doc = validate(src if defaults is None else source.merge(defaults, src), found.pack.cot)
    doc._bo_mau = found
    return doc


def templates_of(doc: VanBan) -> packs.TemplateSet:
    """The templates `doc` was loaded with; for a document built otherwise, its `mau:` on the default path."""
    return doc._bo_mau or packs.named(doc.mau)


def render(doc: VanBan, to: Path | str | IO[bytes] | None = None) -> bytes:
    """Render `doc` to .docx bytes; also write them to a path (atomically) or a binary stream when given."""
    found = templates_of(doc)
    template = engine.compiled(found.find(doc.type.mau), found.pack.sizes)
    data = template.render(context.build(doc, found.pack))
    if isinstance(to, str | Path):
        write_atomic(to, data)
    elif to is not None:
        to.write(data)
    return data
