"""PDF through LibreOffice: .docx converted cold (`soffice --convert-to`) or by a warm LibreOffice kept running in
this thread (ccch_docs.office, imported on the first conversion)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import overload

from .errors import OutputError, Problem
from .messages import os_error

TIMEOUT = 180.0  # seconds for one document; a 5,000-row phụ lục takes about a minute

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
    seconds is stopped and reported."""
    import tempfile

    from . import office
    if isinstance(source, bytes):
        with tempfile.TemporaryDirectory(prefix="ccch-pdf-") as tmp:
            return convert(source, Path(tmp) / "van-ban.pdf", timeout=timeout, name=name).read_bytes()
    paths = [Path(source)] if isinstance(source, str | Path) else [Path(p) for p in source]
    pdfs = [Path(out_dir or p.parent) / f"{p.stem}.pdf" for p in paths]
    if len(paths) == 1:
        office.cold(paths[0], pdfs[0], timeout)
    else:
        with office.Office(timeout) as warm:
            for docx, pdf in zip(paths, pdfs, strict=True):
                warm.convert(docx, pdf)
    return pdfs[0] if isinstance(source, str | Path) else pdfs


def convert(docx: bytes, pdf: Path | str, *, timeout: float = TIMEOUT, name: str | None = None) -> Path:
    """Write the PDF of `docx` to `pdf` with this thread's warm LibreOffice (started on first use); problems
    name `name` (the document's source) when given, those of LibreOffice itself (not found, not started) too."""
    try:
        return _convert(docx, Path(pdf), timeout, name)
    except OutputError as exc:
        raise type(exc)([replace(p, file=p.file or name) for p in exc.problems]) from None


def _convert(docx: bytes, pdf: Path, timeout: float, name: str | None) -> Path:
    import tempfile

    from . import office
    warm = getattr(_local, "office", None)
    if warm is None or warm.command != office.soffice():  # LibreOffice moved (CCHC_SOFFICE changed): start that one
        if warm is not None:
            warm.close()
        warm = _local.office = office.Office(timeout)
    warm.timeout = timeout
    try:
        with tempfile.TemporaryDirectory(prefix="ccch-pdf-") as tmp:
            source = Path(tmp) / "van-ban.docx"  # a short name: LibreOffice's lock file beside it adds 8 bytes
            source.write_bytes(docx)
            return warm.convert(source, pdf, name=name)
    except OSError as exc:  # the temporary folder is full or cannot be written
        raise OutputError([Problem(f"không ghi được tệp tạm để xuất PDF: {os_error(exc)}", name,
                                   hint="giải phóng chỗ trống trong thư mục tạm, hoặc đặt biến TMPDIR")]) from None


_local = threading.local()


def close() -> None:
    """Stop this thread's warm LibreOffice, if one runs, and wait until it and its folder are gone."""
    office = getattr(_local, "office", None)
    if office is not None:
        office.close()
