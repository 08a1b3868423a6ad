"""A batch stopped short: a disk that fills mid-batch."""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from ccch_docs import output
from ccch_docs.cli import main
from test_batch import write_docs

FULL_HINT = "(gợi ý: giải phóng chỗ trống trên đĩa, hoặc ghi ra ổ khác (-o)) [CCHC-E207]"


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
    assert lines[-3:] == [f"{out / 'vb-005.docx'}: không ghi được: No space left on device {FULL_HINT}", "1 lỗi.",
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
    assert err.count("No space left on device") == 1 and err.count("[CCHC-E207]") == 1
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
    assert err.count("Read-only file system") == 1
    assert err.splitlines()[-1] == ("2 files not rendered: the disk takes no more (full, over quota or read-only) "
                                    "[CCHC-E611]")
