"""The library's entry points: load and validate a document, render it to bytes, a file or a stream; cascade a plan."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from . import cascade as cascading
from . import compute, context, engine, packs, source
from .errors import OutputError, Problem
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
    """Find the document's templates, merge its pack's defaults under it, validate, then link its plan and evaluate
    its expressions (compute.complete); the document keeps its templates."""
    found, defaults = packs.template_set(src, templates)
    src = src if defaults is None else source.merge(defaults, src)
    doc = compute.complete(validate(src, found.pack.cot), src, columns=found.pack.cot)
    doc._bo_mau = found
    return doc


def templates_of(doc: VanBan) -> packs.TemplateSet:
    """The templates `doc` was loaded with; for a document built otherwise, its `mau:` on the default path."""
    return doc._bo_mau or packs.named(doc.mau)


def render(doc: VanBan, to: Path | str | IO[bytes] | None = None) -> bytes:
    """Render `doc` to .docx bytes; also write them to a path (atomically) or a binary stream when given."""
    found = templates_of(doc)
    template = engine.compiled(found.find(doc.type.mau), found.pack.sizes)
    ctx = context.build(doc, found.pack)
    data = template.render(ctx, [pl["bang"] for pl in ctx["phu_luc"]])
    if isinstance(to, str | Path):
        write_atomic(to, data)
    elif to is not None:
        to.write(data)
    return data


def cascade(parent: Path | str, don_vi: Sequence[str], to: Path | str, *, ke_thua: Path | str | None = None,
            force: bool = False) -> str:
    """Write to `to` the YAML skeleton of a unit's own plan: the tasks of plan `parent` whose chủ trì or
    phối hợp names one of `don_vi` (see cascade.py), citing the parent. `ke_thua` is the unit's profile
    (header, signer); without it those are placeholders. Never overwrites unless `force`. Returns the text.
    """
    to = Path(to)
    if to.exists() and not force:
        raise OutputError([Problem("tệp đã có, không ghi đè", str(to), hint="dùng --force để ghi đè")])
    text = cascading.plan_text(load(parent), don_vi, to, ke_thua)
    loads(text, name=str(to), base_dir=to.parent)  # the skeleton is itself a valid document
    write_atomic(to, text.encode("utf-8"))
    return text
