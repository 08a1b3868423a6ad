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


def _ready(src: source.Source) -> VanBan:
    """Validate, then link the plan and evaluate the expressions (compute.complete)."""
    return compute.complete(validate(src), src)


def load(path: Path | str) -> VanBan:
    """Read and validate a YAML file (and the files it inherits from)."""
    return _ready(source.load_path(path))


def loads(text: str, *, name: str = "<string>", base_dir: Path | str = ".") -> VanBan:
    """Read and validate YAML text; `name` is used in error messages; paths are relative to `base_dir`."""
    return _ready(source.load_text(text, name, base_dir))


def from_dict(data: dict[str, Any], *, name: str = "<dict>", base_dir: Path | str = ".") -> VanBan:
    """Validate data another system already holds in memory."""
    return _ready(source.load_mapping(data, name, base_dir))


def render(doc: VanBan, to: Path | str | IO[bytes] | None = None) -> bytes:
    """Render `doc` to .docx bytes; also write them to a path (atomically) or a binary stream when given."""
    template = engine.compiled(packs.find(doc.type.mau))
    data = template.render(context.build(doc))
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
    _ready(source.load_text(text, str(to), to.parent))  # the skeleton is itself a valid document
    write_atomic(to, text.encode("utf-8"))
    return text
