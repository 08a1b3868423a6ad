"""The command line's standard streams and Ctrl-C: a reader gone, a full disk, a closed stream, an interrupted batch,
the document named when its PDF for standard output fails."""

from __future__ import annotations

import errno
import io
import os
import signal
import subprocess
import sys
import zipfile

import pytest

from ccch_docs.cli import main
from ccch_docs.errors import OutputError
from ccch_docs.output import Stdout
from test_batch import EXAMPLE, write_docs

COMMANDS = [["check", "{docx}"], ["check", "--json", "{docx}"], ["render", str(EXAMPLE), "-o", "-"],
            ["schema"], ["--version"], ["templates", "list"], ["validate", str(EXAMPLE)], ["import", "{docx}", "-o", "-"],
            ["init", "--loai", "ke_hoach"]]


def run(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ccch_docs", *args], stderr=subprocess.PIPE, text=True,
                          timeout=120, **kwargs)


@pytest.fixture(scope="module")
def docx(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("docx") / "k.docx"
    assert run(["render", str(EXAMPLE), "-o", str(out)], stdout=subprocess.DEVNULL).returncode == 0
    return str(out)


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_a_reader_gone_ends_the_command_quietly(args, docx):
    """`… | head -1`: the pipe's reader closed; no traceback, no `unexpected error`, nothing on stderr."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = run([a.format(docx=docx) for a in args], stdout=write)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (1, "")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["schema"], ["render", str(EXAMPLE), "-o", "-"], ["--version"],
                                  ["check", "{docx}"]], ids=lambda a: a[0])
def test_a_full_disk_behind_standard_output_is_named(args, docx):
    with open("/dev/full", "w") as full:
        done = run([a.format(docx=docx) for a in args], stdout=full)
    assert done.returncode == 1
    assert done.stderr.splitlines() == ["<stdout>: không ghi được ra đầu ra chuẩn: đĩa đã đầy (gợi ý: "
                                        "kiểm tra chỗ trống trên đĩa và nơi nhận đầu ra, hoặc ghi ra tệp (-o)) "
                                        "[CCHC-E620]", "1 lỗi."]


@pytest.mark.parametrize("args", [["render", str(EXAMPLE), "-o", "-"], ["check", "{docx}"]], ids=lambda a: a[0])
def test_a_standard_output_closed_at_start_is_named_once(args, docx):
    done = run([a.format(docx=docx) for a in args], stdout=subprocess.DEVNULL, preexec_fn=lambda: os.close(1))
    assert done.returncode == 1
    assert done.stderr.count("[CCHC-E620]") == 1 and "luồng đã đóng" in done.stderr


class Failing(io.StringIO):
    def __init__(self, error: int):
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise OSError(self.error, os.strerror(self.error))


def test_the_guard_tells_a_reader_gone_from_a_failed_write():
    with pytest.raises(BrokenPipeError):
        Stdout(Failing(errno.EPIPE)).write("x")
    with pytest.raises(OutputError) as caught:
        Stdout(Failing(errno.EIO)).write("x")
    assert caught.value.problems[0].code == "CCHC-E620" and caught.value.problems[0].file == "<stdout>"


def test_ctrl_c_stops_a_batch_promptly_with_whole_files_only(tmp_path):
    """Ctrl-C reaches every process of the terminal's group: the command says it stopped, exits 130, and leaves
    no traceback, no temporary file and no partial document."""
    n = 800  # far more than the batch renders while this test, on a loaded machine, waits to read and to signal
    write_docs(tmp_path / "in", n)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "ccch_docs", "render", str(tmp_path / "in"), "-o", f"{out}/",
                             "-j", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    assert proc.stdout is not None
    for _ in range(8):  # a few documents written: the workers are busy
        proc.stdout.readline()
    os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        raise
    assert proc.returncode == 130
    assert err.strip() == "đã dừng (Ctrl-C); không tệp nào bị ghi dở [CCHC-E621]"
    written = list(out.iterdir())
    assert 8 <= len(written) < n and all(p.suffix == ".docx" for p in written)
    for path in written:
        with zipfile.ZipFile(path) as z:
            assert z.testzip() is None


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_docx_is_not_printed_on_a_terminal(monkeypatch, capsys):
    terminal = Terminal()
    monkeypatch.setattr(sys, "stdout", terminal)
    assert main(["render", str(EXAMPLE), "-o", "-"]) == 2
    assert terminal.getvalue() == ""
    assert capsys.readouterr().err.splitlines() == [
        "-o -: không in văn bản nhị phân ra cửa sổ dòng lệnh (gợi ý: chuyển đầu ra vào tệp: -o - > van-ban.docx, "
        "hoặc dùng -o van-ban.docx) [CCHC-E625]", "1 lỗi."]


PROGRAM = """
import atexit, sys
from ccch_docs import cli

def main():
    atexit.register(print, "handler ran")  # registered while a command runs, as a library may
    sys.stdout.write("left in the buffer; ")
    return 3

cli.main = main
cli.run()
"""


def test_the_program_ends_after_every_exit_handler_with_its_command_s_code():
    """`run` skips the interpreter's teardown, not the exit handlers nor what is still buffered."""
    done = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (3, "left in the buffer; handler ran\n", "")


@pytest.mark.parametrize(("args", "code", "said"), [(["--version"], 0, "0.1.0"), (["--no-such-option"], 2, ""),
                                                   (["render", "no-such.yaml"], 2, "")])
def test_the_program_keeps_argparse_s_exit_codes(args, code, said):
    done = run(args, stdout=subprocess.PIPE)
    assert done.returncode == code and said in done.stdout


def test_a_pdf_to_standard_output_names_its_document(tmp_path, monkeypatch, capsys):
    """Its problems named `<input>` (the PDF was made from bytes, with no name)."""
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "nowhere"))
    assert main(["render", str(EXAMPLE), "-o", "-", "--pdf"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{EXAMPLE}: không tìm thấy LibreOffice ở {tmp_path / 'nowhere'}") and "<input>" not in err


@pytest.mark.libreoffice
def test_a_pdf_to_standard_output_past_its_timeout_names_its_document(capsys):
    """Not the temporary .docx LibreOffice was given."""
    assert main(["render", str(EXAMPLE), "-o", "-", "--pdf", "--pdf-timeout", "0.01"]) == 1
    assert capsys.readouterr().err.startswith(f"{EXAMPLE}: LibreOffice chuyển sang PDF quá 0.01 giây nên đã dừng")
