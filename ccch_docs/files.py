"""Reading input files within bounds: regular files only, size-capped, inside the allowed folders when given."""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError, Problem, require_paths
from .messages import SLASH_HINT, grouped, os_error
from .yamlio import MAX_FILE_BYTES

MAX_FILE = MAX_FILE_BYTES  # bytes of one input file (YAML, pack.yaml): a 5,000-row phụ lục is about 1 MB
MAX_TOTAL = MAX_FILE_BYTES  # bytes of every file one document reads together, its linked files and pack included
MAX_LINKS = 256  # ke_thua, kem_theo and ke_hoach links one document follows, a file inherited twice counted twice
_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)

Roots = str | Path | Sequence[str | Path] | None  # folders every linked file must lie in (None: anywhere)


def folders(roots: Roots) -> tuple[Path, ...] | None:
    """`roots` as resolved folders (symlinks followed); None when not given."""
    if roots is None:
        return None
    return tuple(real(Path(r).expanduser(), Problem("", key="--roots")) for r in require_paths(roots, "roots"))


def real(path: Path, cited: Problem | None = None) -> Path:
    """`path` with its symlinks resolved; a loop of symlinks or a name the system refuses is a located error."""
    try:
        return path.resolve()
    except RuntimeError:  # Python before 3.13 reports a symlink loop so
        raise _refused(cited, path, f"đường dẫn {path} có vòng liên kết tượng trưng (symlink)",
                       "sửa các liên kết tượng trưng trên đường dẫn") from None
    except (OSError, ValueError) as exc:
        raise _refused(cited, path, f"không dùng được đường dẫn {path}: {os_error(exc)}",
                       "kiểm tra đường dẫn") from None


def inside(path: Path, roots: Sequence[Path], cited: Problem | None = None) -> bool:
    """Whether `path`, its symlinks resolved, lies in one of `roots` (themselves resolved)."""
    found = real(path, cited)
    return any(found.is_relative_to(root) for root in roots)


@dataclass
class Budget:
    """Bytes one document may still read, links it may still follow, and the files it has read."""

    left: int = field(default_factory=lambda: MAX_TOTAL)
    links: int = field(default_factory=lambda: MAX_LINKS)
    files: list[Path] = field(default_factory=list)

    def follow(self, cited: Problem) -> None:
        """Count one link followed (`cited`: its key), refused past MAX_LINKS."""
        self.links -= 1
        if self.links < 0:
            raise InputError([Problem(f"quá nhiều liên kết: tối đa {MAX_LINKS} lần ke_thua, kem_theo, ke_hoach "
                                      "cho một văn bản", cited.file, cited.line, cited.column, cited.key,
                                      "mỗi tệp chỉ cần kế thừa vài hồ sơ; bỏ các đường dẫn lặp lại")])


@dataclass(frozen=True)
class Reader:
    """Reads the files of one document: at most MAX_FILE each and MAX_TOTAL together, inside `roots` when given."""

    roots: tuple[Path, ...] | None = None
    budget: Budget = field(default_factory=Budget)

    def within(self, folder: Path) -> Reader:
        """A reader confined to `folder` (a template pack), spending this one's budget."""
        return Reader((real(folder),), self.budget)

    def allows(self, path: Path, cited: Problem | None = None) -> bool:
        """Whether `path` may be read."""
        return self.roots is None or inside(path, self.roots, cited)

    def read(self, path: Path, cited: Problem | None = None) -> bytes:
        """The bytes of `path`; `cited` is the place that names it (a `ke_thua:` key …), for errors."""
        if not self.allows(path, cited):
            raise _refused(cited, path, f"tệp {path} nằm ngoài các thư mục được phép đọc ("
                           + ", ".join(map(str, self.roots or ())) + ")",
                           "chỉ liên kết tới tệp trong các thư mục đã cho (--roots, roots=)")
        try:
            if not stat.S_ISREG(os.stat(path).st_mode):  # a device or a FIFO is never opened
                raise _irregular(cited, path)
            fd = os.open(path, _FLAGS)  # O_NONBLOCK: a FIFO swapped in after the check does not hang the open
        except (OSError, ValueError) as exc:  # ValueError: a NUL in the name
            hint = SLASH_HINT if "\\" in str(path) else "kiểm tra đường dẫn (tính từ thư mục của tệp đang viết)"
            raise _refused(cited, path, f"không đọc được tệp {path}: {os_error(exc)}", hint) from None
        limit = min(MAX_FILE, self.budget.left)
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise _irregular(cited, path)
            raw = b"" if info.st_size > limit else f.read(limit + 1)  # read no more than the limit, even if it grows
        if info.st_size > limit or len(raw) > limit:
            raise _refused(cited, path, f"tệp {path} quá lớn (tối đa {grouped(MAX_FILE)} byte mỗi tệp, "
                           f"{grouped(MAX_TOTAL)} byte cho một văn bản cùng các tệp nó liên kết)",
                           "tách văn bản, hoặc bỏ bớt dữ liệu không dùng")
        self.budget.left -= len(raw)
        self.budget.files.append(path)
        return raw


def _refused(cited: Problem | None, path: Path, message: str, hint: str) -> InputError:
    base = cited or Problem("", str(path))
    return InputError([Problem(message, base.file, base.line, base.column, base.key, hint)])


def _irregular(cited: Problem | None, path: Path) -> InputError:
    return _refused(cited, path, f"{path} không phải là tệp thường", "đường dẫn phải tới một tệp YAML")
