"""A warm LibreOffice for pdf.py: run by a Python that has LibreOffice's `uno` module (not imported by the package).

    python3 uno_bridge.py SOFFICE

Starts LibreOffice with a profile folder of its own, listening on a free local port, converts with `unoserver`'s
UnoConverter, and reads one JSON request a line on standard input ({"in": docx, "out": pdf}), answering one JSON
line each: {"ok": true} or {"ok": false, "error": …}. The first line out is {"ready": pid}. When its
input closes (the process that started it ended, or wants it stopped), it stops LibreOffice, removes the profile
and exits.
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
import time
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _say(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main(soffice: str) -> int:
    """Serve conversions until standard input closes."""
    profile = tempfile.mkdtemp(prefix="ccch-lo-")
    try:
        return _serve(soffice, Path(profile).as_uri())
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _serve(soffice: str, profile: str) -> int:
    from unoserver.converter import UnoConverter  # needs `uno`: only under LibreOffice's Python

    port = _free_port()
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--nocrashreport", "--nodefault", "--nologo",
                               "--nofirststartwizard", "--norestore", f"-env:UserInstallation={profile}",
                               f"--accept=socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"],
                              stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # its own group: the wrapper script and soffice.bin end together
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
        stop(office)


def stop(office: subprocess.Popen) -> None:
    """End LibreOffice and the processes it started."""
    for sig in (signal.SIGTERM, getattr(signal, "SIGKILL", signal.SIGTERM)):
        try:
            os.killpg(office.pid, sig) if hasattr(os, "killpg") else office.send_signal(sig)
            office.wait(10)
            return
        except (ProcessLookupError, PermissionError):
            return
        except subprocess.TimeoutExpired:
            continue


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
