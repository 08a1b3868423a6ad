"""Writing results: atomic file writes and the LibreOffice conversion to PDF."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from .errors import OutputError, Problem


def write_atomic(path: Path | str, data: bytes) -> Path:
    """Write `data` to `path` so that readers see the old file or the whole new one, never a part."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise OutputError([Problem(f"không ghi được: {exc.strerror or exc}", str(path))]) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
            # mkstemp makes the file private; give it the mode the old file had, or an ordinary new file's.
            os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError([Problem(f"không ghi được: {exc.strerror or exc}", str(path))]) from None
        raise
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def soffice() -> str:
    """The LibreOffice command, or an OutputError saying how to install it."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        raise OutputError([Problem("không tìm thấy LibreOffice (soffice) để xuất PDF", None,
                                   hint="cài gói libreoffice-writer (Debian/Ubuntu: apt-get install "
                                        "libreoffice-writer-nogui fonts-liberation2)")])
    return found


def to_pdf(docx: Path | str, out_dir: Path | str | None = None, timeout: float = 180) -> Path:
    """Convert a .docx to PDF with LibreOffice; returns the PDF path."""
    docx = Path(docx)
    out_dir = Path(out_dir or docx.parent)
    with tempfile.TemporaryDirectory(prefix="ccch-lo-") as profile:
        # A private profile lets several conversions run at once.
        cmd = [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
               "--outdir", str(out_dir), str(docx)]
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            raise OutputError([Problem(f"LibreOffice quá {timeout:.0f} giây khi chuyển sang PDF", str(docx))]) from None
    pdf = out_dir / (docx.stem + ".pdf")
    if done.returncode != 0 or not pdf.exists():
        raise OutputError([Problem(f"LibreOffice không chuyển được sang PDF: {done.stderr.strip() or done.stdout.strip()}",
                                   str(docx))])
    return pdf
