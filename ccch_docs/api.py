"""The library's entry points: load and validate a document, render it (or many: render_many) to bytes, a file or a
stream, convert to PDF (to_pdf); cascade a plan."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import IO, Any

from . import collector, compute, context, engine, packs, sandbox, source
from .batch import render_many as render_many
from .document import Document
from .errors import A_PATH, PATHS, CchcError, InputError, Problem, TargetError, require
from .files import Reader, Roots, folders, real
from .formats import numbers
from .messages import grouped
from .model import VanBan, all_tables, known_presets
from .output import write_atomic, write_stream
from .pdf import to_pdf as to_pdf
from .resolve import Bundle, resolve
from .validation import built, validate
from .yamlio import decode

Templates = packs.Folders  # a folder or a list of folders searched before CCHC_TEMPLATES and the built-in one


def load(path: Path | str, *, templates: Templates = None, roots: Roots = None,
         parsed: source.Parsed | None = None) -> Document:
    """Read and validate a YAML file (and the files it inherits from, and its pack's defaults).

    `roots`: folders every linked file and pack must lie in (symlinks resolved); None: anywhere.
    `parsed`: the file as `source.parse_path` has already read it (the render command's scan of a folder).
    """
    require(path, PATHS, "load(path)", A_PATH)
    reader = Reader(folders(roots), parsed.budget) if parsed is not None else Reader(folders(roots))
    src = source.load_path(path, reader, parsed.source if parsed is not None else None)
    return _validate(resolve(src, reader, templates, (real(Path(path)),)), reader)


def loads(text: str | bytes, *, name: str = "<string>", base_dir: Path | str = ".", templates: Templates = None,
          roots: Roots = None) -> Document:
    """Read and validate YAML text (or UTF-8 bytes); `name` is used in error messages."""
    require(text, (str, bytes), "loads(text)", "str or bytes")
    require(name, str, "loads(name)", "str")
    require(base_dir, PATHS, "loads(base_dir)", A_PATH)
    reader = Reader(folders(roots))
    if isinstance(text, bytes):
        text = decode(text, name)
    return _validate(resolve(source.load_text(text, name, base_dir, reader), reader, templates), reader)


def from_dict(data: Mapping[str, Any], *, name: str = "<dict>", base_dir: Path | str = ".",
              templates: Templates = None, roots: Roots = None) -> Document:
    """Validate data another system already holds in memory: any Mapping, its lists any iterables (not a mapping:
    InputError, as a YAML file's)."""
    require(name, str, "from_dict(name)", "str")
    require(base_dir, PATHS, "from_dict(base_dir)", A_PATH)
    reader = Reader(folders(roots))
    return _validate(resolve(source.load_mapping(data, name, base_dir, reader), reader, templates), reader)


def _validate(bundle: Bundle, reader: Reader) -> Document:
    """Validate the resolved document with its pack's column presets, then link its plan and evaluate its
    expressions (compute.complete); the document keeps its templates. Links that could not be followed are
    reported with the validation's problems."""
    columns = bundle.templates.pack.cot
    linked = bundle.document
    try:
        with collector.paused():  # a phụ lục's rows are many objects, none of them garbage
            doc = validate(linked.source, columns, linked.kem_theo, bundle.templates.pack.words)
    except InputError as exc:
        raise InputError([*bundle.problems, *exc.problems]) from None
    if bundle.problems:
        raise InputError(bundle.problems)
    doc = compute.complete(doc, linked, columns=columns, words=bundle.templates.pack.words)
    problems = _totals(doc, linked.source)
    if doc.kem_theo is not None and linked.kem_theo is not None:
        problems += _totals(doc.kem_theo, linked.kem_theo.source)
    if problems:
        raise InputError(problems)
    return Document(doc, bundle.templates, tuple(reader.budget.files))


def _totals(doc: VanBan, src: source.Source) -> list[Problem]:
    """Each total row sums to a number that can be printed, made as it will be once expressions are evaluated:
    figures each below 10²⁵ may add up past it, which was an unexpected error as the document was rendered."""
    out = []
    for path, bang in all_tables(doc):
        if bang.total_keys:
            try:
                context.table(bang)
            except ValueError:
                hint = "tổng các dòng của cột được cộng từ 10²⁵ trở lên: kiểm tra số liệu của các dòng"
                out.append(src.problem(path + ("tong_cong",), numbers.TOO_LARGE, hint))
    return out


def templates_of(doc: Document | VanBan) -> packs.TemplateSet:
    """The templates `doc` was loaded with; for a VanBan built otherwise, its `mau:` on the default path."""
    return doc.templates if isinstance(doc, Document) else packs.named(doc.mau)


def _template(doc: Document | VanBan) -> Path:
    return templates_of(doc).find((doc.van_ban if isinstance(doc, Document) else doc).layout.template)


def inputs_of(doc: Document | VanBan) -> tuple[Path, ...]:
    """The files a render of `doc` reads: those it was loaded from and its template; never written over."""
    return (*(doc.inputs if isinstance(doc, Document) else ()), _template(doc))


def render(doc: Document | VanBan, to: Path | str | IO[bytes] | None = None) -> bytes:
    """Render `doc` to .docx bytes; also write them to a path (atomically; never over one of its inputs) or a
    binary stream when given. A VanBan built otherwise than by `load` may name column presets: its pack's and
    the built-in ones."""
    require(doc, (Document, VanBan), "render(doc)", "a Document (load, loads, from_dict) or a VanBan")
    if not hasattr(to, "write"):
        require(to, (*PATHS, type(None)), "render(to)", "a path, a binary stream or None")
    found = templates_of(doc)
    van_ban = doc.van_ban if isinstance(doc, Document) else built(doc, known_presets(found.pack.cot))
    template = engine.compiled(_template(doc), found.pack.sizes)
    with collector.paused():  # a render's garbage is bounded (sandbox budget), and a phụ lục's rows are many
        ctx = context.build(van_ban, found.pack)
        filled = (ctx, context.tables(ctx), [(n["so"], n["doan"]) for n in ctx["chu_thich"]])
        try:
            data = template.render(*filled)
        except engine.Oversized as exc:
            raise _oversized(exc, doc, template, filled) from None
    if isinstance(to, str | Path):
        write_atomic(to, data, inputs_of(doc), ".docx")
    elif to is not None:
        write_stream(to, data)
    return data


def _oversized(exc: engine.Oversized, doc: Document | VanBan, template: engine.CompiledTemplate,
               filled: tuple[Any, ...]) -> CchcError:
    """A part rendered past engine.MAX_TAGS or sandbox.MAX_OUTPUT: the document's problem, named as its file, when
    the built-in template of its layout cannot hold it either; else the template's (a pack's that makes more of it)."""
    builtin = packs.builtin_dir() / template.path.name
    if real(template.path) != real(builtin):
        try:
            engine.compiled(builtin).render(*filled)
        except CchcError:
            pass  # the built-in template cannot hold it either
        else:
            return exc
    name = str(doc.inputs[0]) if isinstance(doc, Document) and doc.inputs else None
    message = (f"văn bản quá dài: dựng ra quá {grouped(sandbox.MAX_OUTPUT)} ký tự" if isinstance(exc, engine.Overlong)
               else f"văn bản quá dài: dựng ra quá {grouped(engine.MAX_TAGS)} thẻ XML")
    return InputError([Problem(message, name, hint="tách thành nhiều văn bản ngắn hơn")])


def cascade(parent: Path | str, don_vi: Sequence[str], to: Path | str, *, ke_thua: Path | str | None = None,
            force: bool = False) -> str:
    """Write to `to` the YAML skeleton of a unit's own plan: the tasks of plan `parent` whose chủ trì or
    phối hợp names one of `don_vi` (see cascade.py), citing the parent. `ke_thua` is the unit's profile
    (header, signer); without it those are placeholders. Never overwrites unless `force`. Returns the text.
    """
    from . import cascade as cascading  # only this command needs it

    to = Path(to)
    if os.path.exists(to) and not force:  # a name too long: False, then refused as it is written (E207)
        raise TargetError([Problem("tệp đã có, không ghi đè", str(to), hint="dùng --force để ghi đè")])
    text = cascading.plan_text(load(parent).van_ban, don_vi, to, ke_thua)
    loads(text, name=str(to), base_dir=to.parent)  # the skeleton is itself a valid document
    write_atomic(to, text.encode("utf-8"), [Path(parent), *([Path(ke_thua)] if ke_thua else [])])
    return text
