"""Writing results: atomic writes to regular files only, never over an input of the render, and to streams."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import secrets
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from .errors import DiskFullError, OutputError, Problem, TargetError
from .messages import CODES, FORMAT_HINT, os_error

# O_TMPFILE makes a file with no name, which /proc/self/fd lets us link into place once it is whole.
_UNNAMED = getattr(os, "O_TMPFILE", 0)
_TMP = ".ccch-"  # temporary names, short: a file named up to the system's limit can still be replaced
_NO_UNNAMED = (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT)  # kernel or file system without it
_NO_ROOM = (errno.ENOSPC, errno.EDQUOT, errno.EROFS)  # the disk takes no more writes, whatever the file


def _refuse(path: Path | str, message: str, hint: str | None = None, *, target: bool = False) -> OutputError:
    """The error for `path`: a TargetError when the target itself was refused before writing."""
    return (TargetError if target else OutputError)([Problem(message, str(path), hint=hint)])


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where `folder`, or a folder above it, should be: nothing can be written below it."""
    found = next((p for p in (folder, *folder.parents) if os.path.lexists(p)), None)
    return found if found is not None and not os.path.isdir(found) else None


def _check_target(path: Path, inputs: Iterable[Path | str]) -> int | None:
    """The mode of the file `path` replaces (None for a new path); refuses a device, FIFO, folder, a read-only file,
    an input, and a path below a file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None
    except NotADirectoryError:
        raise _refuse(path, f"{file_in_the_way(path.parent) or path.parent} là một tệp, không phải thư mục",
                      "ghi vào thư mục khác, hoặc đổi tên tệp đang chiếm chỗ thư mục đó", target=True) from None
    except OSError as exc:
        raise _unwritable(path, exc) from None
    except ValueError as exc:  # a NUL in the name
        raise _refuse(path, f"không ghi được: {os_error(exc)}", "kiểm tra đường dẫn", target=True) from None
    if not stat.S_ISREG(info.st_mode):
        raise _refuse(path, "đích ghi không phải tệp thường (thư mục, thiết bị, FIFO …)", "chọn một tệp .docx",
                      target=True)
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK):  # the mode bits: root may write any file
        raise _refuse(path, "tệp đã có là tệp chỉ đọc: không ghi đè",
                      "bỏ thuộc tính chỉ đọc của tệp nếu muốn thay nó (chmod u+w), hoặc chọn tên khác", target=True)
    for source in inputs:
        try:
            same = os.path.samefile(path, source)
        except OSError:
            continue
        if same:
            raise _refuse(path, f"đích ghi là tệp đầu vào {source}: không ghi đè", "chọn tệp kết quả khác (-o)",
                          target=True)
    return stat.S_IMODE(info.st_mode)


# The formats the program writes, by suffix, with the code refusing a file of one named as another; with the
# suffixes it reads or writes otherwise: a name with one of them is not given another format's bytes.
FORMATS = {".docx": "CCHC-E221", ".pdf": "CCHC-E222"}
KNOWN_SUFFIXES = (*FORMATS, ".yaml", ".yml", ".html", ".htm")


def write_atomic(path: Path | str, data: bytes, inputs: Iterable[Path | str] = (), fmt: str | None = None) -> Path:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part.

    Only a new path or a regular file is written, never one of `inputs` (the files the data was made
    from), nor, for data of format `fmt` (".docx", ".pdf"), a path named as another (x.pdf for a .docx:
    TargetError). On Linux the data goes to an unnamed file linked into place once whole, so a killed process
    leaves nothing behind; elsewhere to a hidden temporary file renamed into place.
    """
    path = Path(path)
    mode = _check_target(path, inputs)
    suffix = path.suffix.lower()
    if fmt is not None and suffix != fmt and suffix in KNOWN_SUFFIXES:
        raise _refuse(path, CODES[FORMATS[fmt]].format(suffix=path.suffix), FORMAT_HINT.format(wanted=fmt),
                      target=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if not _write_unnamed(path, data, mode):
            _write_named(path, data, mode)
    except OSError as exc:
        raise _unwritable(path, exc) from None
    return path


# What to do when the system refuses a write, by its reason.
_WRITE_HINTS = {**dict.fromkeys((errno.ENOSPC, errno.EDQUOT), "giải phóng chỗ trống trên đĩa, hoặc ghi ra ổ khác (-o)"),
                **dict.fromkeys((errno.EACCES, errno.EPERM),
                                "chọn thư mục có quyền ghi (-o), hoặc xin quyền ghi thư mục này"),
                errno.EROFS: "ổ này chỉ đọc: chọn thư mục khác (-o)",
                errno.ENAMETOOLONG: "đặt tên tệp ngắn hơn (-o)",
                errno.ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục: kiểm tra -o",
                errno.ENOENT: "thư mục đích không có và không tạo được ở đó: kiểm tra -o"}


def _unwritable(path: Path, exc: OSError) -> OutputError:
    """The error for a write the system refused, with what to do about its reason; a DiskFullError when the disk
    takes no more, a TargetError for a name too long (the caller's choice: exit 2, as for any refused target)."""
    kind = DiskFullError if exc.errno in _NO_ROOM else TargetError if exc.errno == errno.ENAMETOOLONG else OutputError
    return kind([Problem(f"không ghi được: {os_error(exc)}", str(path), hint=_WRITE_HINTS.get(exc.errno or 0))])


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.fsync(fd)


def _write_unnamed(path: Path, data: bytes, mode: int | None) -> bool:
    """Write through an O_TMPFILE file; False when the system cannot make one."""
    if not _UNNAMED or not os.path.isdir("/proc/self/fd"):
        return False
    try:
        fd = os.open(path.parent, _UNNAMED | os.O_WRONLY | os.O_CLOEXEC, 0o666)  # the umask applies
    except OSError as exc:
        if exc.errno in _NO_UNNAMED:
            return False
        raise
    folder = -1
    try:
        _write_all(fd, data)
        if mode is not None:
            os.fchmod(fd, mode)  # the mode the old file had
        folder = os.open(path.parent, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        # With a dir_fd, os.link calls linkat(…, AT_SYMLINK_FOLLOW): it links the file /proc's link points to.
        unnamed = f"/proc/self/fd/{fd}"
        if mode is None:
            try:
                os.link(unnamed, path.name, dst_dir_fd=folder)  # a new path: named at once, whole
                return True
            except FileExistsError:  # made meanwhile: replaced below
                pass
        tmp = f"{_TMP}{secrets.token_hex(6)}.tmp"
        os.link(unnamed, tmp, dst_dir_fd=folder)  # named only for the instant before the rename
        try:
            os.replace(tmp, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(tmp, dir_fd=folder)
            raise
    finally:
        os.close(fd)
        if folder >= 0:
            os.close(folder)
    return True


def _write_named(path: Path, data: bytes, mode: int | None) -> None:
    """Write through a hidden temporary file renamed into place (removed if the write fails)."""
    fd, tmp = tempfile.mkstemp(prefix=_TMP, suffix=".tmp", dir=path.parent)
    try:
        _write_all(fd, data)
        # mkstemp makes the file private; give it the mode the old file had, or an ordinary new file's.
        os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_BINARY_HINT = "mở luồng nhị phân ('wb') hoặc dùng io.BytesIO"


def write_stream(stream: IO[bytes] | Any, data: bytes) -> None:
    """Write `data` to an open binary stream; OutputError for a closed, text, read-only or failing stream."""
    name = str(getattr(stream, "name", "<luồng>"))
    if getattr(stream, "closed", False):
        raise _refuse(name, "luồng ghi đã đóng", target=True)
    if isinstance(stream, io.TextIOBase):
        raise _refuse(name, "luồng văn bản không nhận được .docx", _BINARY_HINT, target=True)
    if callable(getattr(stream, "writable", None)) and not stream.writable():  # open(…, "rb"): it was told a NUL
        raise _refuse(name, "luồng chỉ để đọc, không ghi được", _BINARY_HINT, target=True)
    try:
        stream.write(data)
    except (OSError, TypeError, ValueError) as exc:
        raise _refuse(name, f"không ghi được vào luồng: {os_error(exc)}") from None


class Stdout:
    """Standard output whose failures are told apart from any other: a write or flush that fails (a full disk, a
    stream closed at start) raises an OutputError naming <stdout>, a reader gone (`| head`) a BrokenPipeError;
    either way the stream's descriptor is pointed at /dev/null first, so nothing more is tried on it. Text its
    encoding lacks (a Windows code page, PYTHONIOENCODING=ascii) is written escaped, as Python writes to stderr."""

    def __init__(self, stream: IO[Any] | None):
        self.stream = stream
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")

    def __getattr__(self, attr: str) -> Any:
        return getattr(self.stream, attr)

    @property
    def buffer(self) -> Stdout:
        return Stdout(getattr(self.stream, "buffer", None))

    def isatty(self) -> bool:
        return self.stream is not None and self.stream.isatty()

    def write(self, data: Any) -> int:
        return self._do("write", data)

    def flush(self) -> None:
        self._do("flush")

    def _do(self, method: str, *args: Any) -> Any:
        try:
            if self.stream is None:  # closed before the program started (`>&-`): nothing to flush, no writing
                if method == "flush":
                    return None
                raise OSError(errno.EBADF, os.strerror(errno.EBADF))
            return getattr(self.stream, method)(*args)
        except BrokenPipeError:
            self._silence()
            raise
        except OSError as exc:
            self._silence()
            raise _refuse("<stdout>", f"không ghi được ra đầu ra chuẩn: {os_error(exc)}",
                          "kiểm tra chỗ trống trên đĩa và nơi nhận đầu ra, hoặc ghi ra tệp (-o)") from None

    def _silence(self) -> None:
        """Point the stream's descriptor at /dev/null: what is still buffered, flushed at exit, goes nowhere."""
        try:
            fd = self.stream.fileno() if self.stream is not None else -1
        except (AttributeError, OSError, ValueError):  # an in-memory stream (tests)
            return
        if fd >= 0:
            null = os.open(os.devnull, os.O_WRONLY)
            os.dup2(null, fd)
            os.close(null)


class Outputs:
    """The files the jobs of one batch write, each kept as a digest of its absolute path (under 100 bytes)."""

    def __init__(self) -> None:
        self._taken: set[bytes] = set()

    def clash(self, paths: Iterable[Path]) -> Path | None:
        """The first of `paths` already taken (or twice among them); else None, and all of them are taken."""
        keys = {}
        for path in paths:
            key = hashlib.blake2b(os.fsencode(os.path.abspath(path)), digest_size=16).digest()
            if key in self._taken or key in keys:
                return path
            keys[key] = path
        self._taken.update(keys)
        return None


def same_output(source: str, path: Path, hint: str) -> Problem:
    """The problem of a document whose output another document of the batch writes."""
    return Problem(f"tệp kết quả {path} đã là tệp kết quả của văn bản khác trong lô; không ghi đè", source, hint=hint)


def pdf_is_docx(source: str, path: Path) -> Problem:
    """The problem of a document whose PDF is to be written over its own .docx."""
    return Problem(f"tệp .docx và tệp PDF của văn bản là cùng một tệp {path}: PDF sẽ ghi đè .docx", source,
                   hint="đặt cho PDF một tên khác tệp .docx, ví dụ cùng tên với đuôi .pdf")
