"""The system's reasons for refusing a file, provoked for real through the command line, in the message's
language: Vietnamese by default, English with --lang en or CCHC_LANG=en; never the system's own English text."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs.cli import main
from ccch_docs.messages import OS_ERRORS, lookup, os_error
from test_batch import EXAMPLE

ENGLISH_OS_TEXTS = ("No such file", "Permission denied", "Read-only file system", "Is a directory", "Not a directory",
                    "No space left", "File name too long", "levels of symbolic links", "Disk quota")


def run(capsys, *args: str) -> str:
    """What the command printed (both streams), its failure checked."""
    assert main(list(args)) != 0
    out = capsys.readouterr()
    text = out.out + out.err
    assert not any(english in text for english in ENGLISH_OS_TEXTS), text
    return text


@pytest.mark.parametrize("lang, said", [
    ("vi", "là một tệp, không phải thư mục (gợi ý: ghi vào thư mục khác, hoặc đổi tên tệp đang chiếm chỗ thư mục đó) "
           "[CCHC-E216]"),
    ("en", "is a file, not a folder (hint: write to another folder, or rename the file standing where that folder "
           "would be) [CCHC-E216]"),
])
def test_a_file_where_a_folder_is_expected(tmp_path, capsys, lang, said):
    (tmp_path / "f").write_text("")  # a refused target, as render's -o is refused before rendering
    assert f"{tmp_path / 'f' / 'x.yaml'}: {tmp_path / 'f'} {said}" in run(
        capsys, "--lang", lang, "init", "--loai", "ke_hoach", "-o", str(tmp_path / "f" / "x.yaml"))


@pytest.mark.parametrize("lang, said", [
    ("vi", "không ghi được: tên tệp quá dài (gợi ý: đặt tên tệp ngắn hơn (-o)) [CCHC-E207]"),
    ("en", "cannot write: file name too long (hint: give the file a shorter name (-o)) [CCHC-E207]"),
])
def test_a_name_too_long(tmp_path, capsys, lang, said):
    out = tmp_path / ("a" * 300 + ".docx")
    assert f"{out}: {said}" in run(capsys, "--lang", lang, "render", str(EXAMPLE), "-o", str(out))
    # the caller's choice of target, as a refused one is (exit 2): it was a failure of the machine (exit 1)
    for target in (out, tmp_path / ("b" * 300) / "x.docx"):
        assert main(["render", str(EXAMPLE), "-o", str(target)]) == 2
        with pytest.raises(ccch_docs.TargetError):
            ccch_docs.render(ccch_docs.load(EXAMPLE), target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("argv", [
    ["cascade", str(EXAMPLE), "--don-vi", "UBND", "-o", "{long}.yaml"],
    ["import", "{docx}", "-o", "{long}.yaml"],
    ["import", "{docx}", "-o", "{tmp}/k.yaml", "--profile", "{long}.yaml"],
    ["import", "{docx}", "-o", "{long}.yaml", "--render"],
    ["validate", str(EXAMPLE), "--templates", "{long}"],
], ids=["cascade", "import", "import profile", "import render", "templates"])
def test_every_command_refuses_a_name_too_long_as_render_does(tmp_path, capsys, argv):
    # Path.exists and Path.is_dir raise for such a name: `lỗi không mong đợi: OSError: File name too long`, exit 1.
    docx = tmp_path / "in" / "kh.docx"
    docx.parent.mkdir()
    ccch_docs.render(ccch_docs.load(EXAMPLE), docx)
    names = {"long": str(tmp_path / ("a" * 300)), "docx": str(docx), "tmp": str(tmp_path)}
    assert main([a.format(**names) for a in argv]) == 2
    err = capsys.readouterr().err
    assert "OSError" not in err and ("[CCHC-E207]" in err or "[CCHC-E109]" in err), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]


@pytest.mark.parametrize("lang, missing, folder", [
    ("vi", "không đọc được tệp .docx: không có tệp hoặc thư mục này (gợi ý: kiểm tra đường dẫn) [CCHC-E041]",
     "không đọc được tệp .docx: đây là một thư mục (gợi ý: kiểm tra đường dẫn) [CCHC-E041]"),
    ("en", "cannot read the .docx file: no such file or folder (hint: check the path) [CCHC-E041]",
     "cannot read the .docx file: this is a folder (hint: check the path) [CCHC-E041]"),
])
def test_a_missing_file_and_a_folder_given_to_import(tmp_path, capsys, lang, missing, folder):
    (tmp_path / "d.docx").mkdir()
    assert f"{tmp_path / 'none.docx'}: {missing}" in run(capsys, "--lang", lang, "import", str(tmp_path / "none.docx"))
    assert f"{tmp_path / 'd.docx'}: {folder}" in run(capsys, "--lang", lang, "import", str(tmp_path / "d.docx"))


def test_a_missing_file_given_to_check(tmp_path, capsys, monkeypatch):
    assert run(capsys, "check", str(tmp_path / "none.docx")).startswith(
        f"{tmp_path / 'none.docx'}: không đọc được: không có tệp hoặc thư mục này (gợi ý: kiểm tra đường dẫn)")
    monkeypatch.setenv("CCHC_LANG", "en")
    assert run(capsys, "check", str(tmp_path / "none.docx")).startswith(
        f"{tmp_path / 'none.docx'}: unreadable: no such file or folder (hint: check the path)")


@pytest.mark.parametrize("lang, said", [
    ("vi", "không đọc được tệp {path}: đường dẫn có vòng liên kết tượng trưng (symlink)"),
    ("en", "cannot read file {path}: the path has a loop of symbolic links"),
])
def test_a_loop_of_symlinks(tmp_path, capsys, lang, said):
    loop = tmp_path / "loop.yaml"
    loop.symlink_to(loop)
    assert said.format(path=loop) in run(capsys, "--lang", lang, "render", str(loop), "-o", str(tmp_path / "x.docx"))


def _read_only(folder: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """The command run with `folder` bound read-only, in a mount namespace of its own (root can write anywhere
    else); skipped where the system does not allow it."""
    if shutil.which("unshare") is None or subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode:
        pytest.skip("needs unshare -m (a mount namespace)")
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99; shift; exec "$@"'
    done = subprocess.run(["unshare", "-m", "sh", "-c", script, "sh", str(folder), sys.executable, "-m", "ccch_docs",
                           *args], capture_output=True, text=True, timeout=120, env={**os.environ, **(env or {})})
    if done.returncode == 99:
        pytest.skip("cannot bind a folder read-only here")
    return done


def test_a_read_only_folder(tmp_path):
    out = tmp_path / "ro"
    out.mkdir()
    vi = _read_only(out, "render", str(EXAMPLE), "-o", str(out / "x.docx"))
    assert vi.returncode == 1
    assert vi.stderr.splitlines()[0] == (f"{out / 'x.docx'}: không ghi được: ổ đĩa chỉ đọc (gợi ý: ổ này chỉ đọc: "
                                         "chọn thư mục khác (-o)) [CCHC-E207]")
    en = _read_only(out, "render", str(EXAMPLE), "-o", str(out / "x.docx"), env={"CCHC_LANG": "en"})
    assert en.stderr.splitlines()[0] == (f"{out / 'x.docx'}: cannot write: read-only drive (hint: this drive is "
                                         "read-only: choose another folder (-o)) [CCHC-E207]")
    assert not (out / "x.docx").exists()


def test_every_reason_has_its_english():
    for phrase in OS_ERRORS.values():
        assert lookup(phrase, "en") != phrase, phrase


def test_a_reason_not_mapped_is_the_systems_own():
    assert os_error(OSError(18, "Invalid cross-device link")) == "Invalid cross-device link"
    assert os_error(ValueError("embedded null byte")) == "đường dẫn có ký tự NUL (\\0)"  # a path's only ValueError
