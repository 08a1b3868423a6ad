"""`templates check`: compile a pack's templates, find variables the context lacks, render sample documents."""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

from . import api, context, decree, engine, ooxml, packs, source
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
        problems.extend(invariants(engine.compiled(path, found.pack.sizes), name))
    for doc in docs:
        if doc.layout.template in broken:
            continue
        try:
            api.render(doc)
        except CchcError as exc:
            problems.extend(p for p in exc.problems if p not in problems)
    return problems


_LOOP = re.compile(r"\{%-?\s*[ptr]?\s*for\s+[\w, ]+?\s+in\s+[\w.]+\s*-?%\}")


def invariants(template: engine.CompiledTemplate, name: str) -> list[Problem]:
    """What an author can break in Word that the built-in template of the same name holds: its `CCHC …` styles
    (by name: ids change), the paragraphs using each, its loops and their branches, its section breaks, its phụ lục
    prototype table."""
    try:
        builtin = engine.compiled(packs.TemplateSet((packs.builtin_dir(),)).find(name))
    except CchcError:
        return []  # a template of the pack's own: nothing to compare with
    where = str(template.path)
    out: list[Problem] = []
    ours, theirs = _styles(builtin), _styles(template)
    for style in sorted(set(ours) - set(theirs)):
        close = difflib.get_close_matches(style, sorted(set(theirs) - set(ours)), n=1)  # a style renamed
        out.append(Problem(f"mẫu thiếu kiểu đoạn `{style}`", where, key="word/styles.xml",
                           hint=(f"đổi tên kiểu `{close[0]}` lại thành `{style}`" if close else
                                 f"giữ nguyên tên kiểu `{style}` như trong mẫu có sẵn") +
                           "; thư viện tìm kiểu theo tên"))
    for style in sorted(s for s in set(ours) & set(theirs) if ours[s] and not theirs[s]):
        out.append(Problem(f"không đoạn nào dùng kiểu `{style}` nữa", where, key="word/document.xml",
                           hint=f"áp lại kiểu `{style}` cho đoạn đó (như trong mẫu có sẵn); đường kẻ, cỡ chữ "
                                "và khoảng cách của nó nằm trong kiểu"))
    have = {_spaced(m) for text in template.sources.values() for m in _LOOP.findall(text)}
    lost = {_spaced(m) for text in builtin.sources.values() for m in _LOOP.findall(text)} - have
    for loop in sorted(lost):
        out.append(Problem(f"mẫu mất vòng lặp `{loop}`", where, key="word/document.xml",
                           hint="chép lại đoạn chứa thẻ này (và thẻ `end…` của nó) từ mẫu có sẵn"))
    theirs_branches = Counter(key for key, _ in _branches(template))
    for key, (loop, branch) in _branches(builtin):
        if theirs_branches[key] > 0:
            theirs_branches[key] -= 1
        elif loop not in lost:  # a lost loop is reported above, with its branches
            out.append(Problem(f"mẫu mất nhánh `{branch}` của vòng lặp `{loop}`" if loop else
                               f"mẫu mất nhánh `{branch}`", where, key="word/document.xml",
                               hint="chép lại đoạn chứa thẻ này và các đoạn của nhánh từ mẫu có sẵn; thiếu nhánh, "
                                    "nội dung loại đó bị in theo kiểu của nhánh khác hoặc bị bỏ qua"))
    out.extend(_section_breaks(builtin, template, where))
    if builtin.table is not None and template.table is None:
        out.append(Problem("mẫu mất bảng phụ lục mẫu (năm dòng) trong vòng lặp phụ lục", where, key="phu_luc",
                           hint="chép lại bảng từ mẫu có sẵn, ngay sau đoạn `{%p for pl in phu_luc %}`"))
    return out


def _styles(template: engine.CompiledTemplate) -> dict[str, bool]:
    """The template's `CCHC …` paragraph styles by name, and whether a paragraph of its parts uses each."""
    names = template.styles.names()
    used = {names.get(sid) for xml in template.parts.values() if xml.startswith(b"<?xml") or b"<w:" in xml[:4000]
            for sid in ooxml.style_ids_used(xml.decode("utf-8", "replace"))}
    used |= {names.get(sid) for source in template.sources.values() for sid in ooxml.style_ids_used(source)}
    return {n: n in used for n in names.values() if n.startswith("CCHC ")}


def _spaced(tag: str) -> str:
    """A Jinja tag written the one way: `{%p for pl in phu_luc %}`."""
    return re.sub(r"\s+", " ", tag.replace("{%-", "{%").replace("-%}", "%}"))


_CONTROL = re.compile(r"\{%-?\s*[ptr]?\s*(for|endfor|if|elif|else)\b[^%]*?-?%\}")


def _branches(template: engine.CompiledTemplate) -> Iterator[tuple[str, tuple[str, str]]]:
    """Each `if`/`elif`/`else` tag of the template with the `for` loop it stands in (\"\" outside any): a key
    that ignores spaces and quote marks, and the two tags as written."""
    for text in template.sources.values():
        loops: list[str] = []
        for m in _CONTROL.finditer(text):
            word, tag = m.group(1), _spaced(m.group(0))
            if word == "for":
                loops.append(tag)
            elif word == "endfor":
                loops = loops[:-1]
            else:
                loop = loops[-1] if loops else ""
                yield re.sub(r"\s+", "", f"{loop}|{tag}".replace("'", '"')), (loop, tag)


def _section_breaks(builtin: engine.CompiledTemplate, template: engine.CompiledTemplate, where: str) -> list[Problem]:
    """Section breaks lost (a phụ lục's page and its page numbers): the built-in template's count against the pack's
    (a break LibreOffice moved onto a `{%p … %}` tag's paragraph was put back in a paragraph of its own)."""
    name = "word/document.xml"
    lost = ooxml.section_breaks(builtin.parts[name]) - ooxml.section_breaks(template.parts[name])
    return [Problem(f"mẫu mất {lost} ngắt phần (trang phụ lục, số trang riêng)", where, key=name,
                    hint="chép lại các đoạn trống chứa ngắt phần (kiểu `CCHC Ngắt đoạn`) từ mẫu có sẵn, mỗi đoạn riêng"
                    )] if lost > 0 else []
