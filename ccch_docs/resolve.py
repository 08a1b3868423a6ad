"""The resolve stage: read a document's linked files (ke_thua, mau, kem_theo, ke_hoach) once, before validation."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from . import packs, source
from .errors import InputError, Problem
from .files import Reader
from .source import Linked, Source
from .yamlio import layered

# What a document attached to a decision takes from it unless it sets its own.
ATTACHED_INHERITS = ("mau", "co_quan", "dia_danh", "ngay", "nguoi_ky", "luu")


@dataclass(frozen=True)
class Bundle:
    """Everything a document needs from files: it and the documents it links to, its templates, its pack's defaults."""

    document: Linked  # the document, its ke_thua files and pack defaults merged in
    templates: packs.TemplateSet
    defaults: Source | None  # the pack's `mac_dinh`
    problems: tuple[Problem, ...] = ()  # links that could not be followed, reported with the validation's


def resolve(src: Source, reader: Reader, templates: packs.Folders = None, chain: tuple[Path, ...] = ()) -> Bundle:
    """The bundle of `src` (read with `reader`, its `ke_thua` merged); `chain`: its file, when it has one."""
    found, defaults = packs.template_set(src, templates, reader)
    src = src if defaults is None else source.merge(defaults, src)
    document, problems = links(src, reader, chain)
    return Bundle(document, found, defaults, tuple(problems))


def links(src: Source, reader: Reader, chain: tuple[Path, ...] = ()) -> tuple[Linked, list[Problem]]:
    """`src` with the documents it names read, and those they name, walked with a work list (cycles refused);
    and the problems of the links that could not be followed (those are left unset)."""
    top = Linked(src)
    todo = [(top, chain)]
    problems: list[Problem] = []
    while todo:
        node, trail = todo.pop()
        for key in ("kem_theo", "ke_hoach"):
            try:
                found = _follow(node.source, key, reader, trail)
            except InputError as exc:
                problems.extend(exc.problems)
                continue
            if found is not None:
                child, target = found
                setattr(node, key, child)
                todo.append((child, trail + ((target,) if target else ())))
    return top, problems


def _follow(src: Source, key: str, reader: Reader, chain: tuple[Path, ...]) -> tuple[Linked, Path | None] | None:
    """The document `src` names at `key` and its file (None: written inline); None when it names none.

    A value of the wrong type is left for validation to report.
    """
    value = src.data.get(key)
    kinds = (str, dict) if key == "kem_theo" else (str, int, float)  # a plan's path typed as a number is a path too
    if isinstance(value, bool) or not isinstance(value, kinds) or not str(value).strip():
        return None
    reader.budget.follow(src.problem((key,), ""))
    if isinstance(value, dict):
        return Linked(_attached(src, source.inline(src, (key,), value, reader, chain))), None
    rel = str(value)
    if key == "ke_hoach" and reader.allows(src.base_dir / rel) and not os.path.lexists(src.base_dir / rel):
        raise InputError([src.problem((key,), f"không tìm thấy kế hoạch {src.base_dir / rel}",
                                      f"đường dẫn tính từ thư mục của tệp báo cáo ({src.base_dir})")])
    try:
        target, child = source.linked_file(src, (key,), rel, reader, chain)
    except InputError as exc:
        first = exc.problems[0]
        if key != "ke_hoach" or (first.file, first.key) == (src.where((key,)).file, key):
            raise  # not a plan, or the link itself is wrong
        raise source.plan_failed(src, exc) from None
    return Linked(_attached(src, child) if key == "kem_theo" else child), target


def _attached(decision: Source, child: Source) -> Source:
    """`child` taking from the decision that issues it the keys it does not set itself."""
    base = {k: decision.data[k] for k in ATTACHED_INHERITS if k in decision.data and k not in child.data}
    places = {p: w for p, w in decision.places.items() if p[:1] and p[0] in base}
    return Source({**base, **child.data}, layered(child.places, places), child.file, child.base_dir, child.extra,
                  child.root, frozenset(base))

