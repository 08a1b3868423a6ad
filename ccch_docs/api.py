"""The library's entry points: load and validate a document, render it to bytes, a file or a stream."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from . import context, engine, packs, source
from .model import VanBan, validate
from .output import write_atomic


def load(path: Path | str) -> VanBan:
    """Read and validate a YAML file (and the files it inherits from)."""
    return validate(source.load_path(path))


def loads(text: str, *, name: str = "<string>", base_dir: Path | str = ".") -> VanBan:
    """Read and validate YAML text; `name` is used in error messages."""
    return validate(source.load_text(text, name, base_dir))


def from_dict(data: dict[str, Any], *, name: str = "<dict>", base_dir: Path | str = ".") -> VanBan:
    """Validate data another system already holds in memory."""
    return validate(source.load_mapping(data, name, base_dir))


def render(doc: VanBan, to: Path | str | IO[bytes] | None = None) -> bytes:
    """Render `doc` to .docx bytes; also write them to a path (atomically) or a binary stream when given."""
    template = engine.compiled(packs.find(doc.type.mau))
    data = template.render(context.build(doc))
    if isinstance(to, str | Path):
        write_atomic(to, data)
    elif to is not None:
        to.write(data)
    return data
