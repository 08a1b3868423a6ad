"""LibreOffice itself: found where it is installed, run cold (one `soffice --convert-to`) or kept running (Office)."""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from functools import cache
from importlib.util import find_spec
from pathlib import Path
from typing import IO

from .errors import OutputError, Problem
from .messages import os_error
from .output import write_atomic

_START = 120.0  # seconds for a warm LibreOffice to start
_INSTALLED = ("C:/Program Files/LibreOffice/program/soffice.exe",
              "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
              "/Applications/LibreOffice.app/Contents/MacOS/soffice", "/opt/libreoffice/program/soffice")
_HINT = ("cài LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-liberation2; Windows, macOS: "
         "libreoffice.org) hoặc đặt biến CCHC_SOFFICE là đường dẫn tới soffice")


def soffice(name: str | None = None) -> str:
    """The LibreOffice command: CCHC_SOFFICE, then PATH, then where Windows and macOS install it; else OutputError
    naming `name` (what asked for a PDF)."""
    given = os.environ.get("CCHC_SOFFICE")
    if given and not Path(given).is_file():
        raise OutputError([Problem(f"không tìm thấy LibreOffice ở {given} (biến CCHC_SOFFICE)", name, hint=_HINT)])
    found = given or shutil.which("soffice") or shutil.which("libreoffice")
    found = found or next((p for p in _INSTALLED if Path(p).is_file()), None)
    if not found:
        raise OutputError([Problem("không tìm thấy LibreOffice (soffice) để xuất PDF", name, hint=_HINT)])
    return found


class Office:
    """A LibreOffice kept running for many conversions, with its own profile folder; restarted when it dies or
    hangs. It needs a Python with LibreOffice's `uno` module (see uno_python); without one it converts cold."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self.command = soffice()  # the LibreOffice it runs
        self._bridge: subprocess.Popen | None = None
        self._office_pid: int | None = None
        self._lines: queue.Queue[dict | None] = queue.Queue()

    def __enter__(self) -> Office:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self, finalizing: Callable[[], bool] = sys.is_finalizing) -> None:
        # Bound when defined: at exit the module's names may be gone. Then the bridge sees its input close and stops
        # LibreOffice itself.
        if not finalizing():
            self.close()

    @property
    def pid(self) -> int | None:
        """The running LibreOffice's process id (its process group on POSIX), if any."""
        return self._office_pid

    def convert(self, docx: Path, pdf: Path, *, name: str | None = None) -> Path:
        """Write the PDF of the .docx at `docx` to `pdf`, whole or not at all; problems name `name` or `docx`."""
        name = name or str(docx)
        python = uno_python()
        if python is None:
            return cold(docx, pdf, self.timeout, name)
        with tempfile.TemporaryDirectory(prefix="ccch-pdf-") as tmp:
            made = Path(tmp) / "van-ban.pdf"
            for attempt in (1, 2):
                answer = self._ask({"in": str(Path(docx).resolve()), "out": str(made)}, name, python)
                if answer.get("ok"):
                    return _place(made, pdf, name)
                self.close(hung=True)  # it died or broke under this document: a new one tries once more
                if attempt == 2:
                    raise OutputError([Problem(f"LibreOffice không chuyển được sang PDF: {answer.get('error')}",
                                               name)])
        raise AssertionError("unreachable")

    def _ask(self, request: dict, name: str, python: str) -> dict:
        try:
            return self._answer(request, name, python)
        except BaseException:  # stopped meanwhile (Ctrl-C, SIGTERM): LibreOffice ends before its folder is removed
            self.close(hung=True)
            raise

    def _answer(self, request: dict, name: str, python: str) -> dict:
        if self._bridge is None:
            self._start(python)
        assert self._bridge is not None and self._bridge.stdin is not None
        try:
            self._bridge.stdin.write(json.dumps(request) + "\n")
            self._bridge.stdin.flush()
            answer = self._lines.get(timeout=self.timeout)
        except queue.Empty:
            self.close(hung=True)
            raise OutputError([_too_long(self.timeout, name)]) from None
        except OSError:
            answer = None
        return answer or {"ok": False, "error": "LibreOffice stopped"}

    def _start(self, python: str) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_unoserver_root(),
                                                                         os.environ.get("PYTHONPATH")]))}
        self._lines = queue.Queue()
        try:
            self._bridge = subprocess.Popen([python, str(Path(__file__).with_name("uno_bridge.py")), self.command],
                                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                            text=True, env=env)
        except OSError as exc:  # no process to be had (out of memory, too many processes), or the Python is gone
            raise OutputError([Problem(f"LibreOffice không khởi động được để xuất PDF: {os_error(exc)}", None,
                                       hint=_HINT)]) from None
        threading.Thread(target=_read, args=(self._bridge.stdout, self._lines), daemon=True).start()
        try:
            ready = self._lines.get(timeout=_START)
        except queue.Empty:
            ready = None
        if not ready or "ready" not in ready:
            self.close(hung=True)
            raise OutputError([Problem("LibreOffice không khởi động được để xuất PDF", None, hint=_HINT)])
        self._office_pid = ready["ready"]

    def close(self, hung: bool = False) -> None:
        """Stop LibreOffice (the next conversion starts a new one): its bridge, told by the end of its input, stops
        it and removes its profile; one that `hung` is killed first."""
        bridge, self._bridge = getattr(self, "_bridge", None), None
        if bridge is None:
            return
        if hung and self._office_pid is not None:
            _kill_group(self._office_pid)
        try:
            bridge.stdin.close()  # its reader closes stdout
        except OSError:
            pass
        try:
            bridge.wait(30)
        except subprocess.TimeoutExpired:
            if self._office_pid is not None:
                _kill_group(self._office_pid)
            bridge.kill()
            bridge.wait()
        self._office_pid = None


def _read(stream: IO[str], lines: queue.Queue) -> None:
    with stream:
        for line in stream:
            if line.startswith("{"):  # anything else is not an answer
                lines.put(json.loads(line))
    lines.put(None)


def _kill_group(pid: int) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(pid, signal.SIGKILL)
        else:
            os.kill(pid, signal.SIGTERM)
    except OSError:
        pass


@cache
def uno_python() -> str | None:
    """A Python that can import LibreOffice's `uno` (CCHC_UNO_PYTHON, else LibreOffice's own, the system's), or
    None: then every conversion is a cold one."""
    try:
        program = Path(soffice()).resolve().parent
    except OutputError:
        return None
    candidates: list[Path | str | None] = [program / "python.exe", program / "python",
                                           program.parent / "Resources" / "python", "/usr/bin/python3",
                                           shutil.which("python3")]
    if "CCHC_UNO_PYTHON" in os.environ:  # set empty: always convert cold
        candidates = [os.environ["CCHC_UNO_PYTHON"]]
    for python in (c for c in candidates if c):
        if _unoserver_root() and Path(python).is_file() and _imports_uno(str(python)):
            return str(python)
    return None


def _imports_uno(python: str) -> bool:
    """Whether `python` runs and imports `uno`: False too for one that cannot run (not executable, not a program)
    or hangs, as for one without `uno`."""
    try:
        done = subprocess.run([python, "-c", "import uno"], capture_output=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


@cache
def _unoserver_root() -> str | None:
    spec = find_spec("unoserver")
    return str(Path(spec.origin).parent.parent) if spec and spec.origin else None


def cold(docx: Path, pdf: Path, timeout: float, name: str | None = None) -> Path:
    """One `soffice --convert-to pdf` with a private profile, into a private folder, then moved into place."""
    docx = Path(docx)
    name = name or str(docx)
    with tempfile.TemporaryDirectory(prefix="ccch-lo-") as tmp:
        cmd = [soffice(), f"-env:UserInstallation={(Path(tmp) / 'profile').as_uri()}", "--headless", "--convert-to",
               "pdf", "--outdir", str(Path(tmp) / "out"), str(docx)]
        temp = Path(tmp) / "tmp"  # LibreOffice's own temporary files, which it leaves when it is killed
        temp.mkdir()
        try:
            proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                    text=True, start_new_session=True,
                                    env={**os.environ, **dict.fromkeys(("TMPDIR", "TMP", "TEMP"), str(temp))})
        except OSError as exc:
            raise OutputError([Problem(f"không chạy được LibreOffice: {os_error(exc)}", name,
                                       hint=_HINT)]) from None
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException as exc:  # too long, or stopped meanwhile (Ctrl-C, SIGTERM): LibreOffice ends first
            _kill_group(proc.pid)
            proc.communicate()
            if isinstance(exc, subprocess.TimeoutExpired):
                raise OutputError([_too_long(timeout, name)]) from None
            raise
        made = Path(tmp) / "out" / f"{docx.stem}.pdf"
        if proc.returncode != 0 or not made.is_file():
            raise OutputError([Problem(f"LibreOffice không chuyển được sang PDF: {err.strip() or out.strip()}",
                                       name)])
        return _place(made, Path(pdf), name)


def _place(made: Path, pdf: Path, name: str) -> Path:
    data = made.read_bytes()
    if not (data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]):
        raise OutputError([Problem("LibreOffice không tạo ra tệp PDF trọn vẹn", name)])
    return write_atomic(pdf, data, fmt=".pdf")


def _too_long(timeout: float, name: str) -> Problem:
    return Problem(f"LibreOffice chuyển sang PDF quá {timeout:g} giây nên đã dừng; không ghi PDF", name,
                   hint="tách phụ lục rất dài thành tệp riêng, hoặc cho thêm thời gian (--pdf-timeout)")
