"""Paths a hostile or unlucky user gives the command line: a FIFO, a device, a folder, a place it cannot read.

Run as root, permissions do not stop a read: those cases are simulated by making the system call fail
(monkeypatch), and the same case with real permissions runs only when the tests are not run as root.
"""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs import check_output, checks, flatten, messages, office, pdf
from ccch_docs.cli import main
from ccch_docs.errors import OutputError
from test_batch import EXAMPLE

needs_office = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
ROOT_READS_ALL = pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads any folder")


def cli(*args: str) -> subprocess.CompletedProcess:
    """The command in a process of its own: a FIFO that made it wait fails the test instead of hanging it."""
    return subprocess.run([sys.executable, "-m", "ccch_docs", *args], capture_output=True, text=True, timeout=60)


@pytest.fixture
def docx(tmp_path) -> Path:
    out = tmp_path / "k.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    return out


@pytest.mark.parametrize("command", ["check", "import"])
def test_a_fifo_is_refused_not_waited_on(tmp_path, command):
    fifo = tmp_path / "x.docx"
    os.mkfifo(fifo)
    done = cli(command, str(fifo))
    assert done.returncode == 2
    assert f"{fifo} không phải là tệp thường" in done.stderr + done.stdout


def test_a_device_is_refused_not_read(capsys):
    assert main(["check", "/dev/zero"]) == 2
    assert capsys.readouterr().out.strip() == ("/dev/zero: không đọc được: /dev/zero không phải là tệp thường "
                                               "(gợi ý: chọn một tệp .docx)")


def test_import_names_a_folder_and_a_missing_file_for_what_they_are(tmp_path, capsys):
    (tmp_path / "x.docx").mkdir()
    assert main(["import", str(tmp_path / "x.docx")]) == 2
    assert main(["import", str(tmp_path / "none.docx")]) == 2
    err = capsys.readouterr().err
    assert f"{tmp_path / 'x.docx'}: không đọc được tệp .docx: đây là một thư mục (gợi ý: kiểm tra đường dẫn) [CCHC-E041]" in err
    assert (f"{tmp_path / 'none.docx'}: không đọc được tệp .docx: không có tệp hoặc thư mục này (gợi ý: kiểm tra đường dẫn) "
            "[CCHC-E041]") in err


def test_a_folder_without_docx_is_said_so(tmp_path, capsys):
    (tmp_path / "a.yaml").write_text("loai: ke_hoach\n")
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{tmp_path}: không có tệp .docx nào ở đây (gợi ý: nêu một tệp .docx, "
                                                    "hoặc một thư mục có tệp .docx (tìm cả trong thư mục con)) "
                                                    "[CCHC-E622]", "1 lỗi."]


def test_a_zip_bomb_is_refused_from_its_directory(docx, monkeypatch):
    monkeypatch.setattr(flatten, "MAX_XML", 1_000)  # the document's XML parts are bigger than that
    report = checks.check(docx)
    assert report.error is not None and report.error.startswith("phần giải nén ra ")
    assert report.error.endswith(" byte, quá 1.000")


# A 116 kB .docx unpacking (1:300, under the ratio bound) to a million paragraphs was read for 30 s in 1.4 GB, and
# 200 MB of them were allowed: the XML read is bounded (64 MB a part), and so are the paragraphs walked.
def test_a_document_of_too_many_paragraphs_is_refused_as_it_is_read(docx, monkeypatch, capsys):
    monkeypatch.setattr(flatten, "MAX_PARAGRAPHS", 20)  # the example has more
    report = checks.check(docx)
    # no zip bomb (that hint was given): a document this long is split, its pictures are not the cause
    assert (report.error, report.hint) == ("văn bản có hơn 20 đoạn, quá nhiều để đọc", messages.SPLIT_HINT)
    assert main(["import", str(docx), "-o", "-"]) == 2
    assert "không đọc được tệp .docx: văn bản có hơn 20 đoạn, quá nhiều để đọc" in capsys.readouterr().err
    assert flatten.MAX_XML < flatten.MAX_PART


def _denied(real, denied: Path):
    def call(path, *args, **kwargs):
        if Path(path) == denied:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)
    return call


def test_a_folder_that_cannot_be_read_is_named_simulated(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "khoa"
    folder.mkdir()
    monkeypatch.setattr(check_output.os, "listdir", _denied(os.listdir, folder))
    monkeypatch.setattr(Path, "iterdir", _denied(Path.iterdir, folder))
    assert main(["check", str(folder)]) == 2
    assert main(["render", str(folder), "-o", f"{tmp_path}/out/"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        f"{folder}: không đọc được thư mục: không có quyền truy cập (gợi ý: kiểm tra quyền đọc thư mục) [CCHC-E623]",
        "1 lỗi."] * 2


def test_a_file_that_cannot_be_looked_at_is_read_and_the_reason_given_simulated(tmp_path, monkeypatch, capsys):
    """stat fails with EACCES under a folder that cannot be searched: not `no such file`, and no traceback."""
    named = tmp_path / "khoa" / "k.yaml"
    monkeypatch.setattr(Path, "lstat", _denied(Path.lstat, named))
    monkeypatch.setattr(Path, "exists", _denied(Path.exists, named))
    assert main(["render", str(named), "-o", f"{tmp_path}/out/"]) == 2
    err = capsys.readouterr().err
    assert "CCHC-E095" not in err and "lỗi không mong đợi" not in err and f"{named}: " in err and "CCHC-E082" in err


@ROOT_READS_ALL
def test_a_folder_that_cannot_be_read_is_named(tmp_path, capsys):
    folder = tmp_path / "khoa"
    folder.mkdir()
    shutil.copy(EXAMPLE, folder / "k.yaml")
    folder.chmod(0)
    try:
        assert main(["check", str(folder)]) == 2
        assert main(["render", str(folder), "-o", f"{tmp_path}/out/"]) == 2
        assert main(["render", str(folder / "k.yaml"), "-o", f"{tmp_path}/out/"]) == 2
    finally:
        folder.chmod(0o755)
    err = capsys.readouterr().err
    assert err.count("không có quyền truy cập") == 3 and "lỗi không mong đợi" not in err


def test_init_does_not_write_through_a_dangling_symlink(tmp_path, capsys):
    link = tmp_path / "k.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    assert main(["init", "--loai", "ke_hoach", "-o", str(link)]) == 2
    assert not (tmp_path / "elsewhere.yaml").exists() and "CCHC-E040" in capsys.readouterr().err


def test_a_symlink_loop_is_named_for_what_it_is(tmp_path, capsys):
    (tmp_path / "a.yaml").symlink_to(tmp_path / "b.yaml")
    (tmp_path / "b.yaml").symlink_to(tmp_path / "a.yaml")
    assert main(["render", str(tmp_path / "a.yaml")]) == 2
    err = capsys.readouterr().err
    assert "đường dẫn có vòng liên kết tượng trưng (symlink)" in err and "CCHC-E095" not in err


def test_libreoffice_not_found_names_the_document(tmp_path, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "nowhere"))
    with pytest.raises(OutputError) as caught:
        pdf.convert(b"PK", tmp_path / "k.pdf", name="k.yaml")
    assert [(p.file, p.code) for p in caught.value.problems] == [("k.yaml", "CCHC-E200")]


@needs_office
def test_a_full_temporary_folder_is_named_not_blamed_on_libreoffice(tmp_path, monkeypatch):
    def full(self, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(OutputError) as caught:
        pdf.convert(b"PK", tmp_path / "k.pdf", name="k.yaml")
    assert str(caught.value.problems[0]) == ("k.yaml: không ghi được tệp tạm để xuất PDF: đĩa đã đầy "
                                             "(gợi ý: giải phóng chỗ trống trong thư mục tạm, hoặc đặt biến TMPDIR) "
                                             "[CCHC-E624]")


@needs_office
def test_a_libreoffice_that_cannot_be_started_is_said_so_not_blamed_on_the_temporary_folder(tmp_path, monkeypatch):
    """No process to be had (EAGAIN: too many processes) when the warm LibreOffice starts: the message says
    LibreOffice did not start, and why, not that the temporary folder is full."""
    pytest.importorskip("unoserver")
    if office.uno_python() is None:
        pytest.skip("no Python with uno: conversions are cold")

    def refused(*args, **kwargs):
        raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))
    monkeypatch.setattr(office.subprocess, "Popen", refused)
    pdf.close()
    with pytest.raises(OutputError) as caught:
        pdf.convert(b"PK", tmp_path / "k.pdf", name="k.yaml")
    problem = caught.value.problems[0]
    assert (problem.file, problem.code) == ("k.yaml", "CCHC-E203")
    assert str(problem).startswith("k.yaml: LibreOffice không khởi động được để xuất PDF: ") and "tệp tạm" not in str(
        problem)
    assert not list(tmp_path.iterdir())


@needs_office
def test_a_uno_python_that_cannot_run_is_passed_over_not_blamed_on_the_temporary_folder(tmp_path, monkeypatch):
    pytest.importorskip("unoserver")
    python = tmp_path / "python3"
    python.write_text("#!/bin/sh\n")  # not executable
    monkeypatch.setenv("CCHC_UNO_PYTHON", str(python))
    office.uno_python.cache_clear()
    try:
        assert office.uno_python() is None  # conversions go cold, as with a Python without uno
    finally:
        office.uno_python.cache_clear()


@needs_office
def test_a_document_named_up_to_the_limit_gets_its_pdf(tmp_path, capsys):
    """LibreOffice works on short temporary names: its lock file beside a 250-byte name would not fit."""
    source = tmp_path / ("a" * 250 + ".yaml")
    shutil.copy(EXAMPLE, source)
    shutil.copytree(EXAMPLE.parent / "don-vi", tmp_path / "don-vi")
    assert main(["render", str(source), "--pdf"]) == 0
    assert source.with_suffix(".pdf").read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_init_refuses_a_schema_path_that_is_no_file(tmp_path, kind):
    """`init` writes the JSON Schema beside the YAML: a folder or FIFO of that name is refused, not read."""
    schema = tmp_path / "cchc.schema.json"
    schema.mkdir() if kind == "folder" else os.mkfifo(schema)
    done = cli("init", "--loai", "ke_hoach", "-o", str(tmp_path / "a.yaml"))
    assert done.returncode == 2
    assert f"{schema}: đích ghi không phải tệp thường" in done.stderr and "lỗi không mong đợi" not in done.stderr


def test_ctrl_d_at_a_profile_question_names_what_is_missing(tmp_path, capsys, monkeypatch):
    """On a terminal the profile's questions are asked; Ctrl-D (end of input) stops them, it is no crash."""
    answers = iter(["SỞ NỘI VỤ"])

    def ask(prompt: str) -> str:
        try:
            return next(answers)
        except StopIteration:
            raise EOFError from None
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr("builtins.input", ask)
    assert main(["profile", "-o", str(tmp_path / "p.yaml")]) == 2
    err = capsys.readouterr().err
    assert "thiếu --viet-tat" in err and "thiếu --ten" not in err and "lỗi không mong đợi" not in err
    assert not (tmp_path / "p.yaml").exists()


def test_a_long_table_of_like_rows_is_no_zip_bomb(tmp_path):
    """A phụ lục of thousands of like rows packs over 100 times (a template's limit), and is read as it is."""
    doc = ccch_docs.load(EXAMPLE)
    (table,) = doc.phu_luc[:1]
    row = table.nhom[0].dong[0] if table.nhom else table.dong[0]
    rows = tuple({**row, "ma": f"r{i}"} for i in range(6_000))  # each its own id, as render checks
    many = doc.van_ban.model_copy(update={"phu_luc": (table.model_copy(update={"nhom": (), "dong": rows}),)})
    path = tmp_path / "dai.docx"
    ccch_docs.render(many, path)
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("word/document.xml")
    assert info.file_size > 100 * info.compress_size  # what a template may not have
    report = checks.check(path)
    assert report.error is None


# An empty file or folder name (`"$FILE"` of a variable left unset) was `.`: `render ""` rendered every YAML file of
# the working folder, `--roots ""` confined to it, `templates export --to ""` wrote into it.
@pytest.mark.parametrize("args", [["render", ""], ["render", "{plan}", "--roots", ""], ["render", "{plan}", "-o", ""],
                                  ["validate", ""], ["check", ""], ["templates", "export", "van_ban", "--to", ""],
                                  ["templates", "check", ""], ["init", "--loai", "ke_hoach", "-o", ""],
                                  ["nhap", ""], ["cascade", "{plan}", "--don-vi", "x", "-o", "x.yaml", "--ke-thua", ""]],
                         ids=lambda a: " ".join(a))
def test_an_empty_name_is_refused_not_taken_for_the_working_folder(args, tmp_path, monkeypatch, capsys):
    from test_input_errors import GOOD
    plan = tmp_path / "plan.yaml"
    plan.write_text(GOOD, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as info:
        main([a.format(plan=plan) for a in args])
    assert info.value.code == 2
    assert ": tên tệp hoặc thư mục trống" in capsys.readouterr().err
    assert os.listdir(tmp_path) == ["plan.yaml"]
