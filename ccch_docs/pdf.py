"""PDF through LibreOffice: .docx converted cold (`soffice --convert-to`) or by a warm LibreOffice kept running in
this thread (ccch_docs.office, imported on the first conversion)."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, overload

from .errors import PATHS, DiskFullError, InputError, OutputError, Problem, TargetError, require, require_paths
from .messages import grouped, os_error
from .output import Outputs, same_output

if TYPE_CHECKING:
    from .office import Office

TIMEOUT = 180.0  # seconds for one document; a 5,000-row phụ lục takes about a minute
MAX_TIMEOUT = 86_400  # a day: longer is no limit, and past what the system's clocks take (inf) an error

Source = Path | str | bytes | Sequence[Path | str]


@overload
def to_pdf(source: bytes, out_dir: Path | str | None = None, *, timeout: float = TIMEOUT,
           name: str | None = None) -> bytes: ...
@overload  # a str is a Sequence[str] too: this overload, listed before the next, is the one taken
def to_pdf(  # type: ignore[overload-overlap]
        source: Path | str, out_dir: Path | str | None = None, *, timeout: float = TIMEOUT) -> Path: ...
@overload
def to_pdf(source: Sequence[Path | str], out_dir: Path | str | None = None, *, timeout: float = TIMEOUT) -> list[Path]:
    ...
def to_pdf(source: Source, out_dir: Path | str | None = None, *, timeout: float = TIMEOUT,
           name: str | None = None) -> Path | bytes | list[Path]:
    """Convert .docx to PDF: a path gives the PDF's path (in `out_dir`, default beside it), .docx bytes give PDF
    bytes (their problems name `name`, the document they were made from), a list of paths gives their PDFs' paths
    (converted by one LibreOffice). A PDF is written whole or not at all; a conversion longer than `timeout`
    seconds is stopped and reported. In a list, a document that fails does not stop the others: once all are
    tried, one OutputError names each that failed, its `written` the PDFs that were written (a full disk stops at
    once: DiskFullError, the rest not tried)."""
    import io
    import tempfile

    from . import office
    seconds(timeout, None, "timeout")
    if isinstance(source, bytes):
        _check([(io.BytesIO(source), name or "<bytes>")])
        with tempfile.TemporaryDirectory(prefix="ccch-pdf-") as tmp:
            return convert(source, Path(tmp) / "van-ban.pdf", timeout=timeout, name=name).read_bytes()
    require(out_dir, (*PATHS, type(None)), "to_pdf(out_dir)", "a folder's path or None")
    paths = [Path(p) for p in require_paths(source, "to_pdf(source)")]
    pdfs = [Path(out_dir or p.parent) / f"{p.stem}.pdf" for p in paths]
    _check([(p, str(p)) for p in paths])
    _once(paths, pdfs)
    if len(paths) == 1:
        office.cold(paths[0], pdfs[0], timeout)
    else:
        with office.Office(timeout) as warm:
            _each(warm, paths, pdfs)
    return pdfs[0] if isinstance(source, str | Path) else pdfs


def _each(warm: Office, paths: list[Path], pdfs: list[Path]) -> None:
    """Convert each of `paths` to its PDF, on past those that fail; then one error for them all, naming what was
    written: of the failures' class when they share one, else OutputError; DiskFullError, at once, at a full disk."""
    written: list[Path] = []
    failed: list[OutputError] = []
    for docx, pdf in zip(paths, pdfs, strict=True):
        try:
            written.append(warm.convert(docx, pdf))
        except OutputError as exc:
            failed.append(exc)
            if isinstance(exc, DiskFullError):  # every later PDF would fail alike
                break
    if failed:
        kinds = {type(exc) for exc in failed}
        kind = DiskFullError if DiskFullError in kinds else kinds.pop() if len(kinds) == 1 else OutputError
        raise kind([p for exc in failed for p in exc.problems], written)


def found(where: str) -> None:
    """LibreOffice looked for once, before anything is made: without it, one OutputError naming `where` (what asked
    for a PDF), not one for each document after its .docx was written."""
    from . import office
    office.soffice(where)


def seconds(timeout: float, file: str | None, key: str | None = None) -> float:
    """`timeout` when LibreOffice can be given that many seconds (above 0, at most MAX_TIMEOUT); else InputError
    naming `file` and `key`."""
    if not 0 < require(timeout, (int, float), key or "timeout", "a number of seconds") <= MAX_TIMEOUT:  # NaN too
        raise InputError([Problem(f"thời gian chờ xuất PDF phải lớn hơn 0 và tối đa {grouped(MAX_TIMEOUT)} giây, "
                                  f"không phải {timeout:g}", file, key=key, hint="ví dụ 600 cho văn bản rất dài "
                                  "(mặc định 180)")])
    return timeout


def _check(docx: list[tuple[Path | IO[bytes], str]]) -> None:
    """Before LibreOffice starts: each source (named as its problems name it) a .docx."""
    from .flatten import Unreadable, check
    problems = []
    for source, name in docx:
        try:
            check(source)
        except Unreadable as exc:
            problems.append(exc.problem(name))
    if problems:
        raise InputError(problems)


def _once(paths: list[Path], pdfs: list[Path]) -> None:
    """Before LibreOffice starts: no PDF written twice (two .docx of one name, or one named twice)."""
    taken = Outputs()
    clashes = [same_output(str(path), pdf, SAME_HINT) for path, pdf in zip(paths, pdfs, strict=True)
               if taken.clash((pdf,)) is not None]
    if clashes:
        raise TargetError(clashes)


SAME_HINT = "hai tệp .docx cùng tên (hoặc một tệp nêu hai lần): chuyển từng nhóm vào một thư mục riêng (out_dir)"


def convert(docx: bytes, pdf: Path | str, *, timeout: float = TIMEOUT, name: str | None = None) -> Path:
    """Write the PDF of `docx` to `pdf` with this thread's warm LibreOffice (started on first use); problems
    name `name` (the document's source) when given, those of LibreOffice itself (not found, not started) too."""
    try:
        return _convert(docx, Path(pdf), timeout, name)
    except OutputError as exc:
        raise type(exc)([replace(p, file=p.file or name) for p in exc.problems]) from None


def _convert(docx: bytes, pdf: Path, timeout: float, name: str | None) -> Path:
    from . import office
    warm = getattr(_local, "office", None)
    if warm is None or warm.command != office.soffice():  # LibreOffice moved (CCHC_SOFFICE changed): start that one
        if warm is not None:
            warm.close()
        warm = _local.office = office.Office(timeout)
    warm.timeout = timeout
    with _written(docx, name) as source:
        return warm.convert(source, pdf, name=name)


@contextmanager
def _written(docx: bytes, name: str | None) -> Iterator[Path]:
    """`docx` written to a temporary folder, removed after the block; OutputError when it cannot be written there
    (what fails in the block is not blamed on the folder)."""
    import tempfile
    try:
        tmp = tempfile.TemporaryDirectory(prefix="ccch-pdf-")
    except OSError as exc:
        raise _no_scratch(exc, name) from None
    with tmp:
        source = Path(tmp.name) / "van-ban.docx"  # a short name: LibreOffice's lock file beside it adds 8 bytes
        try:
            source.write_bytes(docx)
        except OSError as exc:
            raise _no_scratch(exc, name) from None
        yield source


def _no_scratch(exc: OSError, name: str | None) -> OutputError:
    """The temporary folder is full or cannot be written."""
    return OutputError([Problem(f"không ghi được tệp tạm để xuất PDF: {os_error(exc)}", name,
                                hint="giải phóng chỗ trống trong thư mục tạm, hoặc đặt biến TMPDIR")])


_local = threading.local()


def close() -> None:
    """Stop this thread's warm LibreOffice, if one runs, and wait until it and its folder are gone."""
    office = getattr(_local, "office", None)
    if office is not None:
        office.close()
