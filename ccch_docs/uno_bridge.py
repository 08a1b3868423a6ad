"""A warm LibreOffice for pdf.py: run by a Python that has LibreOffice's `uno` module (not imported by the package).

    python3 uno_bridge.py SOFFICE

Starts LibreOffice with a folder of its own (its profile, its temporary files), listening on a free local port,
converts with `unoserver`'s UnoConverter, and reads one JSON request a line on standard input ({"in": docx,
"out": pdf}), answering one JSON line each: {"ok": true} or {"ok": false, "error": …}. The first line out is
{"ready": pid}. When its input closes (the process that started it ended, or wants it stopped), it stops
LibreOffice, removes the folder and exits. Ctrl-C and SIGTERM sent to the caller's process group are left to the
caller, which closes that input (killed at once, the bridge would leave LibreOffice running and its folder behind).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _say(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def _ignore(signum: int, frame: object) -> None:
    """A signal left to the caller."""


def main(soffice: str) -> int:
    """Serve conversions until standard input closes."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, _ignore)  # not SIG_IGN, which LibreOffice would inherit: stop() could not end it
    folder = Path(tempfile.mkdtemp(prefix="ccch-lo-"))
    try:
        return _serve(soffice, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _serve(soffice: str, folder: Path) -> int:
    from unoserver.converter import UnoConverter  # needs `uno`: only under LibreOffice's Python

    port = _free_port()
    temp = folder / "tmp"  # LibreOffice's own temporary files (lu*.tmp), which it leaves when it is killed
    temp.mkdir()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--nocrashreport", "--nodefault", "--nologo",
                               "--nofirststartwizard", "--norestore",
                               f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                               f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              env={**os.environ, **dict.fromkeys(("TMPDIR", "TMP", "TEMP"), str(temp))},
                              start_new_session=True)  # its own group: the wrapper script and soffice.bin end together
    converter = None
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                converter = UnoConverter(port=str(port))
                break
            except Exception:  # not listening yet
                if office.poll() is not None or time.monotonic() > deadline:
                    _say({"ok": False, "error": "LibreOffice did not start"})
                    return 1
                time.sleep(0.1)
        _say({"ready": office.pid})
        for line in sys.stdin:
            request = json.loads(line)
            try:
                converter.convert(inpath=request["in"], outpath=request["out"], convert_to="pdf")
                _say({"ok": True})
            except Exception as exc:  # reported to the caller, who decides
                _say({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
                if office.poll() is not None:
                    return 1
        return 0
    finally:
        stop(office, converter)


def stop(office: subprocess.Popen, converter: Any = None) -> None:
    """End LibreOffice and the processes it started: asked to quit through `converter`'s connection, if any, so
    that it removes what it made outside its folder (its pipe in /tmp); else, or if it does not in time (a call
    to a hung LibreOffice never returns: it is made from a thread of its own), by signals."""
    if converter is not None and office.poll() is None:
        threading.Thread(target=_quit, args=(converter,), daemon=True).start()
        try:
            office.wait(10)
            return
        except subprocess.TimeoutExpired:
            pass
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        try:
            os.killpg(office.pid, sig) if hasattr(os, "killpg") else office.send_signal(sig)
            office.wait(10)
            return
        except (ProcessLookupError, PermissionError):
            return
        except subprocess.TimeoutExpired:
            continue


def _quit(converter: Any) -> None:
    try:
        converter.desktop.terminate()
    except Exception:  # the connection is gone: signals end it
        pass


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
