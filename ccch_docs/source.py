"""YAML files to a mapping that remembers where each value came from, `ke_thua` defaults merged in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .files import Budget, Reader, real
from .formats.text import tidy
from .yamlio import Path_, Unplaced, Where, decode, key_name, layered, parse_yaml, plain_data


@dataclass
class Source:
    """Data read from YAML, with the place of every key and item, and the folder paths are relative to."""

    data: dict[str, Any]
    places: Mapping[Path_, Where]
    file: str
    base_dir: Path
    extra: list[Problem] = field(default_factory=list)
    root: Path_ = ()  # where the data stands in its file: a document written inline (`kem_theo: {…}`)
    inherited: frozenset[str] = frozenset()  # its keys taken from the document around it, named as there

    def where(self, path: Path_) -> Where:
        """The place of `path`, or of its nearest ancestor that has one; for data handed over, its key path alone."""
        for n in range(len(path), -1, -1):
            found = self.places.get(tuple(path[:n]))
            if found is not None:
                return found
        return Where(self.file, 1, 1) if self.places else Where(self.file, None, None)  # data has no lines

    def problem(self, path: Path_, message: str, hint: str | None = None, code: str | None = None) -> Problem:
        """A Problem placed at `path`, with its stable code if it has one."""
        w = self.where(path)
        shown = path if path[:1] and path[0] in self.inherited else (*self.root, *path)
        return Problem(message, w.file, w.line, w.column, key_name(shown) or None, hint, code)


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key (`top` wins); any other value in `top` replaces the base's."""
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


MAX_DEPTH = 32  # files on one chain of links (ke_thua, kem_theo, ke_hoach), the document included


@dataclass
class Linked:
    """A document as read, with the documents it names (`kem_theo`, `ke_hoach`) read as well."""

    source: Source
    kem_theo: Linked | None = None
    ke_hoach: Linked | None = None


def load_text(text: str, file: str = "<string>", base_dir: Path | str = ".", reader: Reader | None = None) -> Source:
    """Read YAML text; `ke_thua` paths are taken relative to `base_dir`."""
    return _inherit(_parse(text, file, Path(base_dir)), reader or Reader(), ())


@dataclass
class Parsed:
    """A YAML file read and parsed, its `ke_thua` not followed yet: its source, the budget its `size` bytes were
    spent from (the budget of its document's load)."""

    source: Source
    budget: Budget
    size: int


def parse_path(path: Path, budget: Budget | None = None) -> Parsed:
    """Read (spending `budget`, a new one when not given) and parse the YAML file `path`."""
    budget = budget or Budget()
    raw = Reader(budget=budget).read(path)
    return Parsed(_parse(decode(raw, str(path)), str(path), path.parent), budget, len(raw))


def load_path(path: Path | str, reader: Reader | None = None, parsed: Source | None = None) -> Source:
    """Read a YAML file (or take its `parsed` source) and the files it inherits from; `reader`'s roots confine
    those, not the file itself."""
    path = Path(path)
    reader = reader or Reader()
    src = parsed if parsed is not None else parse_path(path, reader.budget).source
    return _inherit(src, reader, (real(path),))


def load_mapping(data: Mapping[str, Any], file: str = "<dict>", base_dir: Path | str = ".",
                 reader: Reader | None = None) -> Source:
    """Take data that another system already holds in memory; `ke_thua` still works."""
    if not isinstance(data, Mapping):
        raise InputError([Problem("văn bản phải là một ánh xạ khóa: giá trị", file)])
    plain = plain_data(data, file)
    return _inherit(Source(plain, Unplaced(plain, file), file, Path(base_dir)), reader or Reader(), ())


def linked_file(src: Source, key: Path_, rel: str, reader: Reader, chain: tuple[Path, ...]) -> tuple[Path, Source]:
    """The file `src` names at `key` (a path relative to it) with what it inherits, and its resolved path.

    `chain`: the files that led here (the document first); naming one of them again is a cycle.
    """
    target = real(src.base_dir / rel, src.problem(key, ""))
    return target, _inherit(_open(src, key, rel, target, reader, chain), reader, chain + (target,))


def inline(src: Source, key: Path_, value: dict[str, Any], reader: Reader, chain: tuple[Path, ...]) -> Source:
    """The mapping written in `src` at `key` as a document of its own, its places re-rooted, what it inherits merged."""
    places = {path[len(key):]: w for path, w in src.places.items() if path[:len(key)] == key}
    return _inherit(Source(dict(value), places, src.file, src.base_dir, root=(*src.root, *key)), reader, chain)


def _parse(text: str, file: str, base_dir: Path) -> Source:
    """One YAML text as a source; its `ke_thua` not followed yet."""
    data, places, problems = parse_yaml(tidy(text), file)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem("văn bản phải là một ánh xạ khóa: giá trị (ví dụ `loai: ke_hoach`)", file, 1, 1,
                                  hint="mỗi dòng đầu tệp là một khóa, không bắt đầu bằng `- `; tệp khởi đầu có chú "
                                       "thích: python -m ccch_docs init --loai ke_hoach")])
    return Source(data, places, file, base_dir, problems)


def _open(src: Source, key: Path_, rel: str, target: Path, reader: Reader, chain: tuple[Path, ...]) -> Source:
    """Parse the file `src` names at `key` (`rel`, resolved: `target`), refused when it closes a cycle or makes the
    chain too long."""
    if target in chain:
        names = " → ".join(p.name for p in (*chain[chain.index(target):], target))
        kind = "kế thừa" if key[0] == "ke_thua" else "liên kết"
        raise InputError([src.problem(key, f"{kind} vòng tròn: {names}", f"bỏ một khóa {key[0]} trong vòng")])
    if len(chain) >= MAX_DEPTH:
        raise InputError([src.problem(key, f"chuỗi tệp liên kết dài quá {MAX_DEPTH} tệp",
                                      "gộp bớt các tệp ke_thua; kiểm tra các khóa ke_thua, kem_theo, ke_hoach")])
    shown = str(src.base_dir / rel)
    return _parse(decode(reader.read(target, src.problem(key, "")), shown), shown, target.parent)


@dataclass
class _Pending:
    """A source whose `ke_thua` files are being read: those still to read, and the merge of those read."""

    src: Source
    todo: list[tuple[Path_, str]]
    chain: tuple[Path, ...]
    path: Path | None = None
    base: Source | None = None

    def add(self, parent: Source) -> None:
        self.base = parent if self.base is None else merge(self.base, parent)


def _inherit(src: Source, reader: Reader, chain: tuple[Path, ...]) -> Source:
    """`src` merged over the files its `ke_thua` names, each over its own: walked with a stack, not recursion,
    and a file inherited along several paths is read once."""
    done: dict[Path, Source] = {}
    stack = [_Pending(src, _parents(src), chain)]
    while True:
        top = stack[-1]
        if top.todo:
            key, rel = top.todo.pop()
            cited = top.src.problem(key, "")
            reader.budget.follow(cited)
            target = real(top.src.base_dir / rel, cited)
            if target in done and target not in top.chain:
                top.add(done[target])
            else:
                parent = _open(top.src, key, rel, target, reader, top.chain)
                stack.append(_Pending(parent, _parents(parent), top.chain + (target,), target))
            continue
        stack.pop()
        merged = top.src if top.base is None else merge(top.base, top.src)
        if not stack:
            return merged
        if top.path is not None:
            done[top.path] = merged
        stack[-1].add(merged)


def _parents(src: Source) -> list[tuple[Path_, str]]:
    """The `ke_thua` paths of `src` (taken out of its data) with their keys, last first."""
    parents = src.data.pop("ke_thua", None)
    if parents is None:
        return []
    if isinstance(parents, str):
        parents = [parents]
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        raise InputError([src.problem(("ke_thua",), "phải là một đường dẫn hoặc danh sách đường dẫn",
                                      "ví dụ `ke_thua: don-vi/ubnd-tinh.yaml`")])
    keys = [("ke_thua", i) if ("ke_thua", i) in src.places else ("ke_thua",) for i in range(len(parents))]
    return list(reversed(list(zip(keys, parents, strict=True))))


def plan_failed(report: Source, exc: InputError) -> InputError:
    """The problems of the plan a report names, after one placed at the report's `ke_hoach`."""
    cited = report.problem(("ke_hoach",), "kế hoạch mà báo cáo trả lời có lỗi", "sửa các lỗi của tệp kế hoạch bên dưới")
    return InputError([cited, *exc.problems])


def merge(lower: Source, upper: Source) -> Source:
    """`upper` deep-merged over the defaults in `lower`; places and problems of both kept, paths relative to `upper`."""
    return Source(_deep_merge(lower.data, upper.data), layered(upper.places, lower.places), upper.file,
                  upper.base_dir, lower.extra + upper.extra, upper.root, upper.inherited)


def section(src: Source, key: str) -> Source:
    """The mapping under `key` as a source of its own, its places re-rooted (`mac_dinh.luu` → `luu`)."""
    value = src.data.get(key)
    places = {path[1:]: where for path, where in src.places.items() if path[:1] == (key,) and len(path) > 1}
    return Source(value if isinstance(value, dict) else {}, places, src.file, src.base_dir)
