"""Where templates come from: the search path (--templates, CCHC_TEMPLATES, the `mau:` pack, built-in) and packs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from . import settings, source
from .errors import InputError, Problem, TemplateError, did_you_mean, require_paths
from .files import Reader, inside, real
from .formats.numbers import as_typed, is_number
from .settings import DEFAULT_PACK, Pack

ENV = "CCHC_TEMPLATES"
PACK_FILE = "pack.yaml"
PACKS_BESIDE = "mau"  # a `mau/` folder beside the document (or the file naming the pack) also holds packs

Folders = str | Path | Sequence[str | Path] | None


def shipped(name: str) -> Path:
    """A folder shipped with the package (`templates`, `schema`): inside it when installed, beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / name, here.parent / name):
        if os.path.isdir(candidate):  # False, not OSError, for a name longer than the system takes
            return candidate
    raise TemplateError([Problem(f"không tìm thấy thư mục `{name}` đi kèm thư viện", str(here))])


def builtin_dir() -> Path:
    """The built-in templates."""
    return shipped("templates")


def user_folders(templates: Folders = None) -> tuple[Path, ...]:
    """The folders given by the caller (`--templates`, `templates=`), then those of CCHC_TEMPLATES, in order."""
    given = [] if templates is None else require_paths(templates, "templates")
    from_env = [p for p in os.environ.get(ENV, "").split(os.pathsep) if p.strip()]
    out = []
    for origin, items in (("--templates", given), (ENV, from_env)):
        for item in items:
            path = Path(item).expanduser()
            if not os.path.isdir(path):  # False, not OSError, for a name longer than the system takes
                raise TemplateError([Problem(f"thư mục mẫu không tồn tại: {path}", key=origin,
                                             hint=f"kiểm tra {origin}; mỗi mục là một thư mục chứa tệp .docx "
                                                  "hoặc các bộ mẫu")])
            out.append(path)
    return tuple(out)


@dataclass(frozen=True)
class TemplateSet:
    """Folders searched for templates in order (the first that has a name wins), and their merged pack settings."""

    folders: tuple[Path, ...]
    pack: Pack = DEFAULT_PACK

    def find(self, name: str) -> Path:
        """The path of template `name` (without .docx)."""
        for folder in self.folders:
            path = folder / f"{name}.docx"
            if path.is_file():
                if not inside(path, (folder.resolve(),)):
                    raise TemplateError([Problem(f"mẫu {path} là liên kết trỏ ra ngoài thư mục mẫu {folder}",
                                                 str(path), hint="chép tệp mẫu vào thư mục thay vì dùng liên kết")])
                return path
        raise TemplateError([Problem(f"không có mẫu `{name}` trên đường tìm mẫu", hint="đã tìm trong: " + ", ".join(
            str(f) for f in self.folders))])

    def available(self) -> dict[str, Path]:
        """Every template name on the path, with the file it resolves to."""
        out: dict[str, Path] = {}
        for folder in self.folders:
            for path in sorted(folder.glob("*.docx")):
                if not path.name.startswith("~$"):  # Word's lock files
                    out.setdefault(path.stem, path)
        return out


def _name_problem(name: str) -> str | None:
    """Why a pack name may not be used, if it may not: it must stay inside the folders it is looked up in."""
    posix = PurePosixPath(name.replace("\\", "/"))
    if posix.is_absolute() or (len(name) > 1 and name[1] == ":"):
        return "tên bộ mẫu không được là đường dẫn tuyệt đối"
    if ".." in posix.parts:
        return "tên bộ mẫu không được ra ngoài thư mục mẫu (`..`)"
    if not posix.parts or posix.parts == (".",):
        return "tên bộ mẫu trống"
    return None


def pack_names(roots: Sequence[Path]) -> list[str]:
    """The packs found directly in `roots`: sub-folders holding a pack.yaml or a .docx."""
    return sorted({d.name for root in roots if root.is_dir() for d in root.iterdir()
                   if d.is_dir() and ((d / PACK_FILE).is_file() or any(d.glob("*.docx")))})


def find_pack(name: str, roots: Sequence[Path], problem: Callable[[str, str | None], Problem]) -> Path:
    """The folder of pack `name` in the first of `roots` that has it; `problem` places errors at the `mau:` key."""
    why = _name_problem(name)
    if why:
        raise InputError([problem(why, "viết tên thư mục bộ mẫu, ví dụ `mau: tinh-dong-thap`")])
    rel = PurePosixPath(name.replace("\\", "/"))
    for root in roots:
        candidate = root.joinpath(*rel.parts)
        if os.path.isdir(candidate):  # False, not OSError, for a name longer than the system takes
            if not candidate.resolve().is_relative_to(root.resolve()):
                raise InputError([problem(f"bộ mẫu `{name}` là liên kết trỏ ra ngoài thư mục mẫu {root}",
                                          "chép bộ mẫu vào trong thư mục mẫu thay vì dùng liên kết")])
            return candidate
    known = pack_names(roots)
    hint = did_you_mean(name, known, "đã tìm trong: " + ", ".join(str(r) for r in roots)
                        + (f"; có: {', '.join(known)}" if known else ""))
    raise InputError([problem(f"không tìm thấy bộ mẫu `{name}`", hint)])


def read_settings(folders: Sequence[Path], reader: Reader | None = None) -> tuple[Pack, source.Source | None]:
    """The pack.yaml files of `folders` merged (earlier folders win) and validated; and their `mac_dinh` defaults.

    A pack.yaml, and what it inherits, is read only from inside its own folder.
    """
    reader = reader or Reader()
    merged: source.Source | None = None
    for folder in reversed(folders):
        path = folder / PACK_FILE
        if os.path.lexists(path):
            inner = reader.within(folder)
            if not inner.allows(path):
                raise InputError([Problem(f"{PACK_FILE} là liên kết trỏ ra ngoài bộ mẫu {folder}", str(path),
                                          hint=f"chép {PACK_FILE} vào thư mục bộ mẫu thay vì dùng liên kết")])
            layer = source.load_path(path, inner)
            merged = layer if merged is None else source.merge(merged, layer)
    if merged is None:
        return DEFAULT_PACK, None
    return settings.read(merged), source.section(merged, "mac_dinh")


def template_set(src: source.Source, templates: Folders = None,
                 reader: Reader | None = None) -> tuple[TemplateSet, source.Source | None]:
    """The templates a loaded document uses (its `mau:` pack resolved on the search path), and the pack's defaults.

    A pack is looked up in the caller's folders, CCHC_TEMPLATES, a `mau/` folder beside the document
    and beside the inherited file that names it, then the built-in folder; its templates come before
    the built-in ones. With `reader` confined to roots, a pack found elsewhere than in the caller's
    folders, CCHC_TEMPLATES or the built-in folder must lie inside them.
    """
    reader = reader or Reader()
    user = user_folders(templates)
    builtin = builtin_dir()
    name = src.data.get("mau")
    if is_number(name):  # `mau: 2024` unquoted: the folder named as typed, as the model reads the key
        name = as_typed(name)
    folders = (*user, builtin)
    if isinstance(name, str) and name.strip():
        beside = [src.base_dir / PACKS_BESIDE]
        naming = src.where(("mau",)).file  # the document, or the ke_thua profile that names the pack
        if naming != src.file:
            beside.append(Path(naming).parent / PACKS_BESIDE)
        roots = (*user, *dict.fromkeys(beside), builtin)
        pack_dir = find_pack(name.strip(), roots, lambda msg, hint: src.problem(("mau",), msg, hint))
        if not (reader.allows(pack_dir) or inside(pack_dir, [real(r) for r in (*user, builtin)])):
            raise InputError([src.problem(("mau",), f"bộ mẫu {pack_dir} nằm ngoài các thư mục được phép đọc",
                                          "đặt bộ mẫu trong các thư mục đã cho (--roots, roots=) hoặc --templates")])
        folders = (*user, pack_dir, builtin)
    pack, defaults = read_settings(folders, reader)
    return TemplateSet(folders, pack), defaults


def named(mau: str | None, templates: Folders = None) -> TemplateSet:
    """The templates of pack `mau` (none: the plain search path), packs beside the current folder included."""
    found, _ = template_set(source.load_mapping({"mau": mau} if mau else {}), templates)
    return found
