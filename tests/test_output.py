"""Writing a result: never over an input, only to regular files, whole or not at all, and streams checked."""

from __future__ import annotations

import io
import os
import shutil
import signal
import stat
import subprocess
import sys
import time

import pytest

import ccch_docs
from ccch_docs import office, output, packs
from ccch_docs.cli import main
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"


@pytest.fixture
def doc_copy(tmp_path):
    """The example and the profile it inherits, copied so they may be (wrongly) written over."""
    (tmp_path / "don-vi").mkdir()
    shutil.copy(ROOT / "examples" / "don-vi" / "ubnd-tinh-dong-thap.yaml", tmp_path / "don-vi")
    shutil.copy(EXAMPLE, tmp_path / "doc.yaml")
    return tmp_path / "doc.yaml"


def _unchanged(*paths):
    return {p: p.read_bytes() for p in paths}


def test_the_document_and_its_linked_files_are_never_written_over(doc_copy):
    profile = doc_copy.parent / "don-vi" / "ubnd-tinh-dong-thap.yaml"
    os.link(doc_copy, doc_copy.parent / "hard.docx")
    (doc_copy.parent / "sym.docx").symlink_to(profile)
    before = _unchanged(doc_copy, profile)
    doc = ccch_docs.load(doc_copy)
    for target in (doc_copy, profile, doc_copy.parent / "hard.docx", doc_copy.parent / "sym.docx",
                   doc_copy.parent / "don-vi" / ".." / "doc.yaml"):
        with pytest.raises(ccch_docs.TargetError) as exc_info:
            ccch_docs.render(doc, target)
        assert "tệp đầu vào" in str(exc_info.value)
    assert _unchanged(doc_copy, profile) == before
    assert sorted(p.name for p in doc_copy.parent.iterdir()) == ["doc.yaml", "don-vi", "hard.docx", "sym.docx"]


def test_the_template_is_never_written_over(tmp_path, doc_copy, capsys):
    pack = tmp_path / "pack"
    pack.mkdir()
    shutil.copy(packs.builtin_dir() / "van_ban.docx", pack)
    before = _unchanged(pack / "van_ban.docx")
    with pytest.raises(ccch_docs.TargetError, match="tệp đầu vào"):
        ccch_docs.render(ccch_docs.load(doc_copy, templates=[pack]), pack / "van_ban.docx")
    code = main(["render", str(doc_copy), "--templates", str(pack), "-o", str(pack / "van_ban.docx")])
    err = capsys.readouterr().err
    assert code == 2 and "tệp đầu vào" in err and "Traceback" not in err
    assert _unchanged(pack / "van_ban.docx") == before


def test_the_cli_does_not_write_over_the_yaml(doc_copy, capsys):
    before = _unchanged(doc_copy)
    assert main(["render", str(doc_copy), "-o", str(doc_copy)]) == 2
    assert "Traceback" not in capsys.readouterr().err
    assert _unchanged(doc_copy) == before


def _not_regular(tmp_path):
    fifo = tmp_path / "fifo.docx"
    os.mkfifo(fifo)
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    found = [fifo, folder]
    try:
        os.mknod(tmp_path / "full.docx", 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # a copy of /dev/full
        found.append(tmp_path / "full.docx")
    except PermissionError:
        pass
    return found


def test_only_regular_files_are_written(tmp_path, capsys):
    doc = ccch_docs.load(EXAMPLE)
    for target in _not_regular(tmp_path):
        kind = stat.S_IFMT(os.lstat(target).st_mode)
        with pytest.raises(ccch_docs.TargetError, match="không phải tệp thường"):
            ccch_docs.render(doc, target)
        if not target.is_dir():  # the CLI writes into a folder named by -o
            assert main(["render", str(EXAMPLE), "-o", str(target)]) == 2
            assert "không phải tệp thường" in capsys.readouterr().err
        assert stat.S_IFMT(os.lstat(target).st_mode) == kind
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_new_file_gets_the_umask_mode_and_a_replaced_one_keeps_its_mode(tmp_path):
    new = output.write_atomic(tmp_path / "a" / "new.docx", b"new")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~mask and new.read_bytes() == b"new"
    new.chmod(0o600)
    output.write_atomic(new, b"newer")
    assert stat.S_IMODE(new.stat().st_mode) == 0o600 and new.read_bytes() == b"newer"
    assert os.listdir(new.parent) == ["new.docx"]


def test_without_unnamed_files_the_named_temporary_way_works(tmp_path, monkeypatch):
    monkeypatch.setattr(output, "_UNNAMED", 0)
    path = output.write_atomic(tmp_path / "x.docx", b"one")
    path.chmod(0o640)
    output.write_atomic(path, b"two")
    assert path.read_bytes() == b"two" and stat.S_IMODE(path.stat().st_mode) == 0o640
    assert os.listdir(tmp_path) == ["x.docx"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="unnamed files (O_TMPFILE) are Linux's")
def test_a_write_killed_midway_leaves_nothing_behind(tmp_path):
    target = tmp_path / "big.docx"
    code = ("import sys; from ccch_docs.output import write_atomic\n"
            "data = bytes(64 * 2**20)\n"
            "print('ready', flush=True)\n"
            "while True: write_atomic(sys.argv[1], data)\n")
    for delay in (0.05, 0.1, 0.2, 0.3, 0.5):
        child = subprocess.Popen([sys.executable, "-c", code, str(target)], stdout=subprocess.PIPE)
        assert child.stdout.readline() == b"ready\n"
        time.sleep(delay)
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert [p.name for p in tmp_path.iterdir() if p.name != "big.docx"] == []
        assert not target.exists() or target.stat().st_size == 64 * 2**20


class _Failing(io.RawIOBase):
    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("stream, words", [
    (io.StringIO(), "luồng văn bản"),
    (_Failing(), "đĩa đã đầy"),
])
def test_bad_streams_give_an_output_error(stream, words):
    with pytest.raises(ccch_docs.OutputError, match=words):
        ccch_docs.render(ccch_docs.load(EXAMPLE), stream)


def test_a_closed_stream_gives_an_output_error(tmp_path):
    for stream in (io.BytesIO(), open(tmp_path / "f.docx", "wb")):  # noqa: SIM115 (closed on purpose)
        stream.close()
        with pytest.raises(ccch_docs.OutputError, match="đã đóng"):
            ccch_docs.render(ccch_docs.load(EXAMPLE), stream)


def test_a_stream_open_for_reading_is_a_refused_target_left_as_it_was(tmp_path):
    # It was an OutputError saying the path held a NUL character (io.UnsupportedOperation is a ValueError too).
    (tmp_path / "f.docx").write_bytes(b"old")
    with open(tmp_path / "f.docx", "rb") as stream, pytest.raises(ccch_docs.TargetError) as info:
        ccch_docs.render(ccch_docs.load(EXAMPLE), stream)
    assert [p.code for p in info.value.problems] == ["CCHC-E220"] and "('wb')" in info.value.problems[0].hint
    assert (tmp_path / "f.docx").read_bytes() == b"old"
    assert ccch_docs.messages.os_error(io.UnsupportedOperation("write")) == "write"  # not the NUL of a path


@pytest.mark.parametrize("name", ["x.pdf", "notes.yaml", "bao-cao.HTML"])
def test_a_docx_is_not_written_under_another_format_s_name(tmp_path, name):
    """render(doc, "x.pdf") and a Job writing its .docx to x.pdf wrote Word bytes a reader opens as a broken PDF;
    the command line refuses such a name (E091), the API now too: a refused target, nothing written."""
    doc = ccch_docs.load(EXAMPLE)
    with pytest.raises(ccch_docs.TargetError) as info:
        ccch_docs.render(doc, tmp_path / name)
    assert [(p.code, p.file) for p in info.value.problems] == [("CCHC-E221", str(tmp_path / name))]
    assert ".docx" in info.value.problems[0].hint
    (result,) = ccch_docs.render_many([ccch_docs.Job(EXAMPLE, tmp_path / name)], workers=1)
    assert result.bad_input and [p.code for p in result.problems] == ["CCHC-E221"] and list(tmp_path.iterdir()) == []
    for other in ("x.DOCX", "x.bin", "x"):  # the .docx suffix in capitals, a suffix of no known format, none
        ccch_docs.render(doc, tmp_path / other)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x", "x.DOCX", "x.bin"]


def test_a_pdf_is_not_written_under_another_format_s_name(tmp_path):
    made = tmp_path / "made.pdf"
    made.write_bytes(b"%PDF-1.7\n%%EOF\n")
    with pytest.raises(ccch_docs.TargetError) as info:
        office._place(made, tmp_path / "x.docx", "doc.yaml")
    assert [p.code for p in info.value.problems] == ["CCHC-E222"] and not (tmp_path / "x.docx").exists()
    assert office._place(made, tmp_path / "x.pdf", "doc.yaml").read_bytes() == made.read_bytes()


@pytest.mark.parametrize("unnamed", [True, False], ids=["O_TMPFILE", "named"])
def test_a_file_named_up_to_the_limit_is_replaced(tmp_path, monkeypatch, unnamed):
    """The temporary name does not grow with the file's: a name of 255 bytes can still be written over."""
    if not unnamed:
        monkeypatch.setattr(output, "_UNNAMED", 0)
    path = tmp_path / ("ế" * 83 + ".docx")  # 254 bytes in UTF-8
    output.write_atomic(path, b"one")
    output.write_atomic(path, b"two")
    assert path.read_bytes() == b"two" and os.listdir(tmp_path) == [path.name]


def test_a_full_disk_is_named_with_what_to_do_and_leaves_nothing(tmp_path, monkeypatch):
    def full(fd, data):
        raise OSError(28, os.strerror(28))
    monkeypatch.setattr(output.os, "write", full)
    with pytest.raises(ccch_docs.OutputError) as caught:
        output.write_atomic(tmp_path / "x.docx", b"data")
    monkeypatch.undo()
    assert str(caught.value.problems[0]) == (f"{tmp_path / 'x.docx'}: không ghi được: đĩa đã đầy (gợi ý: "
                                             "giải phóng chỗ trống trên đĩa, hoặc ghi ra ổ khác (-o)) [CCHC-E207]")
    assert os.listdir(tmp_path) == []


# A read-only file in the way was replaced (its mode kept), by every command that writes: a signed .docx made
# read-only to keep it was lost to the next render. A file made read-only is kept; the write is refused (exit 2).
@pytest.mark.parametrize("command", [["render", str(EXAMPLE), "-o", "{out}.docx"],
                                     ["templates", "export", "van_ban", "--to", "{folder}", "--force"],
                                     ["init", "--loai", "ke_hoach", "-o", "{out}.yaml", "--force"]],
                         ids=["render", "templates export", "init"])
def test_a_read_only_file_is_kept_not_replaced(command, tmp_path, capsys):
    out = tmp_path / "van_ban"
    target = out.with_suffix(".yaml" if "init" in command else ".docx")
    target.write_bytes(b"signed")
    target.chmod(0o444)
    assert main([a.format(out=out, folder=tmp_path) for a in command]) == 2
    err = capsys.readouterr().err
    assert f"{target}: tệp đã có là tệp chỉ đọc: không ghi đè (gợi ý: bỏ thuộc tính chỉ đọc" in err and "E217" in err
    assert target.read_bytes() == b"signed" and os.listdir(tmp_path) == [target.name]
    with pytest.raises(ccch_docs.TargetError, match="chỉ đọc"):
        ccch_docs.render(ccch_docs.load(EXAMPLE), target)


# A path below a file (`-o notes.txt/x.yaml`): refused before writing by render alone (CCHC-E216); the other
# commands failed on the write with exit 1, as if the disk had refused it.
@pytest.mark.parametrize("command", [["templates", "export", "van_ban", "--to", "{file}/mau"],
                                     ["init", "--loai", "ke_hoach", "-o", "{file}/x.yaml"],
                                     ["check", str(EXAMPLE), "--html", "{file}/x.html"]],
                         ids=["templates export", "init", "check --html"])
def test_a_path_below_a_file_is_a_refused_target(command, tmp_path, capsys):
    file = tmp_path / "notes.txt"
    file.write_text("ghi chú")
    assert main([a.format(file=file) for a in command]) == 2
    err = capsys.readouterr().err
    assert f"{file} là một tệp, không phải thư mục (gợi ý: ghi vào thư mục khác" in err and "E216" in err, err
    assert os.listdir(tmp_path) == ["notes.txt"]
