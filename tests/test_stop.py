"""A batch stopped short: SIGTERM as Ctrl-C, a disk that fills mid-batch."""

from __future__ import annotations

import errno
import os
import secrets
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from ccch_docs import output
from ccch_docs.cli import main
from ccch_docs.signals import Terminated, sigterm_raises
from test_batch import write_docs

STOPPED = "đã dừng (SIGTERM); không tệp nào bị ghi dở [CCHC-E610]"
FULL_HINT = "(gợi ý: giải phóng chỗ trống trên đĩa, hoặc ghi ra ổ khác (-o)) [CCHC-E207]"


def _ours(tmp: Path) -> list[str]:
    """The processes whose TMPDIR is `tmp` (the command's workers, LibreOffice and its bridge), with their command."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and f"TMPDIR={tmp}".encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:  # gone meanwhile
            continue
    return found


@pytest.mark.parametrize("args, group, env", [
    (["-j", "1"], False, {}),
    (["-j", "2"], False, {}),
    (["-j", "2"], True, {}),  # to every process of the group, as `timeout` and service managers send it
    pytest.param(["-j", "1", "--pdf"], False, {}, marks=pytest.mark.libreoffice),
    pytest.param(["-j", "1", "--pdf"], False, {"CCHC_UNO_PYTHON": ""}, marks=pytest.mark.libreoffice),  # cold
    pytest.param(["-j", "2", "--pdf"], True, {}, marks=pytest.mark.libreoffice),
], ids=["j1", "j2", "j2-group", "j1-pdf", "j1-pdf-cold", "j2-pdf-group"])
def test_sigterm_stops_a_batch_as_ctrl_c_does(tmp_path, args, group, env):
    """The command says it stopped and exits 143; every document written is whole, and nothing of the batch is left:
    no temporary folder (of ours or LibreOffice's), no worker, no LibreOffice."""
    pdf = "--pdf" in args
    # Far more documents than the batch renders while this test, on a loaded machine, waits to read the first line
    # and send the signal (16 PDF went through in 2 seconds): the batch is still running when the signal lands.
    n = 128 if pdf else 400
    write_docs(tmp_path / "in", n)
    out, tmp = tmp_path / "out", tmp_path / "tmp"
    tmp.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "ccch_docs", "render", str(tmp_path / "in"), "-o", f"{out}/", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, **env, "TMPDIR": str(tmp)})
    assert proc.stdout is not None
    while not proc.stdout.readline().rstrip().endswith(".pdf" if pdf else ".docx"):  # LibreOffice is warm
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
    if group:
        os.killpg(proc.pid, signal.SIGTERM)
    else:
        proc.send_signal(signal.SIGTERM)
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert (proc.returncode, err.strip()) == (143, STOPPED)
    assert os.listdir(tmp) == [] and _ours(tmp) == []
    written = sorted(out.iterdir())
    assert written and len(written) < (2 * n if pdf else n)
    for path in written:
        if path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                assert z.testzip() is None
        else:
            data = path.read_bytes()
            assert path.suffix == ".pdf" and data.startswith(b"%PDF-") and b"%%EOF" in data[-1024:]


def test_a_stopped_worker_ends_after_a_process_it_was_starting(tmp_path):
    """SIGTERM landing as a worker starts its LibreOffice bridge unwinds before the worker holds the process; the
    bridge, its input closed, stops its LibreOffice and ends by itself: the worker ends only after it (here a child
    that takes a second, as a bridge starting LibreOffice does)."""
    mark = tmp_path / "ended"
    child = "import sys, time; time.sleep(1); open(sys.argv[1], 'w').close()"
    code = (f"import subprocess, sys; from ccch_docs import batch; "
            f"subprocess.Popen([sys.executable, '-c', {child!r}, sys.argv[1]], stdout=subprocess.DEVNULL, "
            f"stderr=subprocess.DEVNULL); batch._end(143)")  # the child holds no pipe of the run: not waited for
    done = subprocess.run([sys.executable, "-c", code, str(mark)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 143, done.stderr
    assert mark.exists()


def test_sigterm_swallowed_where_it_landed_stops_the_batch_after_that_document(tmp_path, monkeypatch, capsys):
    """SIGTERM landing in code that swallows it (pydantic does, in a union's discriminator) stops the batch after the
    document it came in: not at the batch's end."""
    from ccch_docs import api
    write_docs(tmp_path / "in", 6)
    real, seen = api.render, []

    def render(doc, *args, **kwargs):
        seen.append(doc)
        if len(seen) == 2:
            try:
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(1)  # the handler runs here
            except Terminated:
                pass  # swallowed
        return real(doc, *args, **kwargs)

    monkeypatch.setattr(api, "render", render)
    assert main(["render", str(tmp_path / "in"), "-o", f"{tmp_path / 'out'}/"]) == 143
    assert capsys.readouterr().err.strip() == STOPPED
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["vb-000.docx", "vb-001.docx"] and len(seen) == 2


def _fill_after(monkeypatch, out: Path, n: int) -> Path:
    """Make the disk behind `out` full once it holds `n` documents; the folder returned gets a file a write tried
    (across the pool's workers, which fork after the patch)."""
    tries = out.parent / "tries"
    tries.mkdir()
    real = output._write_all

    def write_all(fd: int, data: bytes) -> None:
        (tries / secrets.token_hex(8)).touch()
        if len(list(out.glob("*.docx"))) >= n:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd, data)

    monkeypatch.setattr(output, "_write_all", write_all)
    return tries


def test_a_disk_that_fills_stops_the_batch_and_says_so_once(tmp_path, monkeypatch, capsys):
    """The write that found the disk full is reported, then one line counts what was not rendered; no other
    document is tried; a bad YAML file before it is still reported on its own."""
    docs = write_docs(tmp_path / "in", 12, broken=1)
    out = tmp_path / "out"
    tries = _fill_after(monkeypatch, out, 4)
    assert main(["render", str(tmp_path / "in"), "-o", f"{out}/"]) == 2  # a bad input, as before
    stdout, err = capsys.readouterr()
    assert len(list(tries.iterdir())) == 5  # the 4 written, and the one the full disk refused
    assert sorted(p.name for p in out.iterdir()) == [f"vb-{i:03d}.docx" for i in (0, 2, 3, 4)]
    lines = err.splitlines()
    assert lines[0].startswith(f"{docs[1]}:3:1: YAML không hợp lệ")
    assert lines[-3:] == [f"{out / 'vb-005.docx'}: không ghi được: đĩa đã đầy {FULL_HINT}", "1 lỗi.",
                          "6 tệp không được dựng: đĩa không nhận thêm (đầy, hết hạn mức hoặc chỉ đọc) [CCHC-E611]"]
    assert stdout.splitlines()[-1].startswith("12 tệp: 4 xong, 2 lỗi (")


def test_a_disk_that_fills_stops_the_workers_too(tmp_path, monkeypatch, capsys):
    write_docs(tmp_path / "in", 40)
    out = tmp_path / "out"
    tries = _fill_after(monkeypatch, out, 4)
    assert main(["render", str(tmp_path / "in"), "-o", f"{out}/", "-j", "2"]) == 1
    stdout, err = capsys.readouterr()
    ok = len(list(out.iterdir()))  # two workers may both write the 4th
    assert 4 <= ok <= 5 and len(list(tries.iterdir())) < 16
    assert err.count("đĩa đã đầy") == 1 and err.count("[CCHC-E207]") == 1
    assert err.splitlines()[-1] == (f"{40 - ok - 1} tệp không được dựng: đĩa không nhận thêm (đầy, hết hạn mức hoặc "
                                    "chỉ đọc) [CCHC-E611]")
    assert stdout.splitlines()[-1].startswith(f"40 tệp: {ok} xong, 1 lỗi (")


def test_a_read_only_disk_is_said_in_english_too(tmp_path, monkeypatch, capsys):
    def read_only(fd: int, data: bytes) -> None:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    write_docs(tmp_path / "in", 3)
    monkeypatch.setattr(output, "_write_all", read_only)
    assert main(["render", str(tmp_path / "in"), "-o", f"{tmp_path / 'out'}/", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert err.count("cannot write: read-only drive") == 1
    assert err.splitlines()[-1] == ("2 files not rendered: the disk takes no more (full, over quota or read-only) "
                                    "[CCHC-E611]")


def test_a_sigterm_swallowed_where_it_landed_still_stops_the_command():
    """A signal's exception can land in code that swallows it (a finalizer, `__del__`): the block still ends
    with Terminated, so the command says it stopped and exits 143."""
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated), sigterm_raises():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # interrupted by the signal's exception
        except BaseException:  # what a finalizer does with it
            pass
    assert signal.getsignal(signal.SIGTERM) is before
