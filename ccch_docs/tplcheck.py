"""`templates check`: compile a pack's templates, find variables the context lacks, render sample documents."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from pathlib import Path

from . import api, context, decree, engine, packs, source
from .document import Document
from .errors import CchcError, Problem

SAMPLES = Path(__file__).resolve().parent / "data" / "samples"  # sample documents using every variable and branch
FULL = SAMPLES / "day-du.yaml"  # the one rendered once for every type laid out by van_ban (Mẫu 1.4)


def _documents(folder: Path, found: packs.TemplateSet, documents: Sequence[Path]) -> list[Document]:
    """The samples (one per layout at least) and the given documents, and the full sample as every type of a
    layout that lays out many (Mẫu 1.4)."""
    docs = [api.load(p, templates=[folder]) for p in (*sorted(SAMPLES.glob("*.yaml")), *documents)]
    data = source.load_path(FULL).data
    available = found.available()
    for key, kind in decree.TYPES.items():
        layout = decree.LAYOUTS[kind.mau]
        if layout.every_type and layout.template in available:
            docs.append(api.from_dict({**data, "loai": key}, name=str(FULL), base_dir=SAMPLES, templates=[folder]))
    return docs


def check(folder: Path, documents: Sequence[Path] = ()) -> list[Problem]:
    """Every problem of the pack in `folder`: pack.yaml, Jinja syntax, unknown variables, and renders that fail."""
    try:
        found = packs.TemplateSet((folder, packs.builtin_dir()), packs.read_settings([folder])[0])
        docs = _documents(folder, found, documents)
    except CchcError as exc:
        return list(exc.problems)
    known = set().union(*(context.build(d.van_ban, found.pack) for d in docs))  # every layout's variables
    problems: list[Problem] = []
    broken: set[str] = set()
    for name, path in packs.TemplateSet((folder,)).available().items():
        try:
            variables = engine.compiled(path, found.pack.sizes).variables()
        except CchcError as exc:
            problems.extend(exc.problems)
            broken.add(name)
            continue
        for part, names in variables.items():
            for var, paragraph in names.items():
                if var not in known:
                    broken.add(name)
                    close = difflib.get_close_matches(var, known, n=1)
                    problems.append(Problem(f"biến `{var}` không có trong ngữ cảnh; trong đoạn «{paragraph}»",
                                            str(path), key=part, hint=f"có phải ý bạn là `{close[0]}`?" if close
                                            else "xem danh sách biến trong docs/mau-van-ban.md"))
    for doc in docs:
        if doc.layout.template in broken:
            continue
        try:
            api.render(doc)
        except CchcError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    return problems
