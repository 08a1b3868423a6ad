"""YAML files to a mapping that remembers where each value came from, `ke_thua` defaults merged in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError, Problem
from .formats.text import nfc
from .yamlio import Path_, Where, key_name, parse_yaml


@dataclass
class Source:
    """Data read from YAML, with the place of every key and item, and the folder paths are relative to."""

    data: dict[str, Any]
    places: dict[Path_, Where]
    file: str
    base_dir: Path
    extra: list[Problem] = field(default_factory=list)

    def where(self, path: Path_) -> Where:
        """The place of `path`, or of its nearest ancestor that has one."""
        for n in range(len(path), -1, -1):
            found = self.places.get(tuple(path[:n]))
            if found is not None:
                return found
        return Where(self.file, 1, 1)

    def problem(self, path: Path_, message: str, hint: str | None = None) -> Problem:
        """A Problem placed at `path`."""
        w = self.where(path)
        return Problem(message, w.file, w.line, w.column, key_name(path) or None, hint)


def _deep_merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    """Mappings merge key by key (`top` wins); any other value in `top` replaces the base's."""
    out = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _nfc_all(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {(nfc(k) if isinstance(k, str) else k): _nfc_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_nfc_all(v) for v in value]
    return value


def load_text(text: str, file: str = "<string>", base_dir: Path | str = ".") -> Source:
    """Read YAML text; `ke_thua` paths are taken relative to `base_dir`."""
    return _load(text, file, Path(base_dir), stack=())


def load_path(path: Path | str) -> Source:
    """Read a YAML file and the files it inherits from."""
    path = Path(path)
    return _load(_read(path, None), str(path), path.parent, stack=(path.resolve(),))


def load_mapping(data: dict[str, Any], file: str = "<dict>", base_dir: Path | str = ".") -> Source:
    """Take data that another system already holds in memory; `ke_thua` still works."""
    if not isinstance(data, dict):
        raise InputError([Problem("văn bản phải là một ánh xạ khóa: giá trị", file)])
    return _resolve(_nfc_all(data), {}, [], file, Path(base_dir), stack=())


def load_linked(src: Source, key: Path_, value: Any, inherited: tuple[str, ...] = ()) -> Source:
    """A document another one names at `key` (`kem_theo`, `ke_hoach`): a path relative to it, or a mapping
    written inline; the keys in `inherited` are taken from `src` unless the linked document sets its own."""
    if isinstance(value, str):
        target = (src.base_dir / value).resolve()
        cited = src.problem(key, "")
        child = _load(_read(target, cited), str(src.base_dir / value), target.parent, stack=(target,))
    elif isinstance(value, dict):
        places = {path[len(key):]: w for path, w in src.places.items() if path[:len(key)] == key}
        child = _resolve(dict(value), places, [], src.file, src.base_dir, stack=())
    else:
        raise InputError([src.problem(key, "phải là đường dẫn tới tệp YAML hoặc một khối khóa: giá trị",
                                      "ví dụ `kem_theo: ke-hoach-2022.yaml`")])
    base = {k: src.data[k] for k in inherited if k in src.data and k not in child.data}
    child.data = {**base, **child.data}
    child.places = {**{p: w for p, w in src.places.items() if p[:1] and p[0] in base}, **child.places}
    return child


def _read(path: Path, cited: Problem | None) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        base = cited or Problem("", str(path))
        raise InputError([Problem(f"không đọc được tệp {path}: {exc.strerror or exc}", base.file, base.line,
                                  base.column, base.key, "kiểm tra đường dẫn (tính từ thư mục của tệp đang viết)")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError([Problem(f"tệp không phải UTF-8 (byte {exc.start})", str(path),
                                  hint="lưu tệp với bảng mã UTF-8")]) from None


def _load(text: str, file: str, base_dir: Path, stack: tuple[Path, ...]) -> Source:
    data, places, problems = parse_yaml(nfc(text), file)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError([Problem("văn bản phải là một ánh xạ khóa: giá trị (ví dụ `loai: ke_hoach`)", file, 1, 1)])
    return _resolve(data, places, problems, file, base_dir, stack)


def _resolve(data: dict[str, Any], places: dict[Path_, Where], problems: list[Problem], file: str,
             base_dir: Path, stack: tuple[Path, ...]) -> Source:
    src = Source(data, places, file, base_dir, problems)
    parents = data.pop("ke_thua", None)
    if parents is None:
        return src
    if isinstance(parents, str):
        parents = [parents]
    if not isinstance(parents, list) or not all(isinstance(p, str) for p in parents):
        raise InputError([src.problem(("ke_thua",), "phải là một đường dẫn hoặc danh sách đường dẫn",
                                      "ví dụ `ke_thua: don-vi/ubnd-tinh.yaml`")])
    base: Source | None = None
    for i, rel in enumerate(parents):
        key: Path_ = ("ke_thua", i) if ("ke_thua", i) in places else ("ke_thua",)
        target = (base_dir / rel).resolve()
        if target in stack:
            chain = " → ".join(p.name for p in stack + (target,))
            raise InputError([src.problem(key, f"kế thừa vòng tròn: {chain}", "bỏ một khóa ke_thua trong vòng")])
        parent = _load(_read(target, src.problem(key, "")), str(base_dir / rel), target.parent, stack + (target,))
        base = parent if base is None else merge(base, parent)
    return src if base is None else merge(base, src)


def merge(lower: Source, upper: Source) -> Source:
    """`upper` deep-merged over the defaults in `lower`; places and problems of both kept, paths relative to `upper`."""
    return Source(_deep_merge(lower.data, upper.data), {**lower.places, **upper.places}, upper.file,
                  upper.base_dir, lower.extra + upper.extra)


def section(src: Source, key: str) -> Source:
    """The mapping under `key` as a source of its own, its places re-rooted (`mac_dinh.luu` → `luu`)."""
    value = src.data.get(key)
    places = {path[1:]: where for path, where in src.places.items() if path[:1] == (key,) and len(path) > 1}
    return Source(value if isinstance(value, dict) else {}, places, src.file, src.base_dir)
