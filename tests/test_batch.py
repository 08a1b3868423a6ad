"""Many documents at once: batches from the command line and render_many, PDF from a warm LibreOffice, outputs."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

import ccch_docs
from ccch_docs import batch, cli_render, office, source
from ccch_docs.cli import main
from docx_view import View
from samples import DECISION, LETTER, PLAN

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
BROKEN = "loai: ke_hoach\nso: [\n"  # unclosed flow sequence: a YAML error on line 3


def write_docs(folder: Path, n: int, broken: int | None = None) -> list[Path]:
    """`n` small documents (plans, letters, decisions in turn, each its own number); `broken` is invalid YAML."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        path = folder / f"vb-{i:03d}.yaml"
        data = {**(PLAN, LETTER, DECISION)[i % 3], "so": i + 1}
        path.write_text(BROKEN if i == broken else yaml.safe_dump(data, allow_unicode=True), "utf-8")
        paths.append(path)
    return paths


def pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def cli(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ccch_docs", *args], capture_output=True, cwd=cwd,
                          env={**os.environ, **(env or {})}, timeout=600)


def test_one_broken_file_among_good_ones(tmp_path, capsys):
    docs = write_docs(tmp_path / "in", 5, broken=2)
    assert main(["render", str(tmp_path / "in"), "-o", f"{tmp_path / 'out'}/"]) == 2
    out, err = capsys.readouterr()
    assert f"{docs[2]}:3:1: YAML không hợp lệ" in err and "Traceback" not in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [f"vb-{i:03d}.docx" for i in (0, 1, 3, 4)]
    assert View.open(tmp_path / "out" / "vb-003.docx").header()[0] == "ỦY BAN NHÂN DÂN"
    assert View.open(tmp_path / "out" / "vb-001.docx").header()[0] == "UBND TỈNH ĐỒNG THÁP"
    lines = out.splitlines()  # not a terminal: one plain line a document, then the summary
    assert len([line for line in lines if " đã ghi " in line]) == 4 and lines[0].startswith("[1/5] đã ghi ")
    assert lines[-1].startswith("5 tệp: 4 xong, 1 lỗi (")


@pytest.mark.parametrize(("lang", "summary"), [("vi", r"1\.234 tệp: 1\.200 xong, 34 lỗi \(\d+,\d giây\)"),
                                                ("en", r"1,234 files: 1,200 done, 34 failed \(\d+\.\d s\)")])
def test_the_summary_writes_its_counts_and_seconds_in_the_notation_of_its_language(capsys, lang, summary):
    """Thousands grouped and the decimal mark as the language writes them: `1.234 tệp … (0,5 giây)`."""
    from ccch_docs.cli import TEXTS
    from ccch_docs.messages import looked_up, speaking
    with speaking(lang):
        progress = cli_render.Progress(looked_up(TEXTS, lang))
        progress.total, progress.count, progress.bad = 1234, 1200, 34
        progress.close()
    assert re.fullmatch(summary, capsys.readouterr().out.strip())


def test_many_inputs_each_once_and_missing_ones_reported(tmp_path, capsys):
    docs = write_docs(tmp_path, 3)
    pattern = str(tmp_path / "vb-*.yaml")
    assert main(["render", pattern, str(docs[0]), str(tmp_path / "nope.yaml"), "-j", "2"]) == 2
    out, err = capsys.readouterr()
    assert f"{tmp_path / 'nope.yaml'}: không có tệp hoặc thư mục này" in err
    assert out.splitlines()[-1].startswith("4 tệp: 3 xong, 1 lỗi")
    assert all(p.with_suffix(".docx").is_file() for p in docs)


def test_all_good_exits_0_with_worker_processes(tmp_path, capsys):
    write_docs(tmp_path, 6)
    assert main(["render", str(tmp_path), "-j", "2"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("6 tệp: 6 xong, 0 lỗi")
    assert View.open(tmp_path / "vb-004.docx").header()[0] == "UBND TỈNH ĐỒNG THÁP"


def test_output_suffix_decides_the_format(tmp_path, capsys):
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "kh.txt")]) == 2
    assert "không biết xuất định dạng `.txt`" in capsys.readouterr().err
    assert main(["render", *map(str, write_docs(tmp_path / "in", 2)), "-o", str(tmp_path / "one.docx")]) == 2
    assert "-o phải là một thư mục" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [tmp_path / "in"]  # nothing written


def test_output_into_a_folder_and_to_standard_output(tmp_path):
    assert main(["render", str(EXAMPLE), "-o", f"{tmp_path / 'new'}/"]) == 0
    assert View.open(tmp_path / "new" / f"{EXAMPLE.stem}.docx").header()[0] == "ỦY BAN NHÂN DÂN"
    done = cli("render", str(EXAMPLE), "-o", "-")
    assert done.returncode == 0 and done.stdout[:2] == b"PK" and not done.stderr
    (tmp_path / "stdout.docx").write_bytes(done.stdout)
    assert View.open(tmp_path / "stdout.docx").header() == View.open(tmp_path / "new" / f"{EXAMPLE.stem}.docx").header()


def test_render_dot(tmp_path):
    write_docs(tmp_path, 2, broken=1)
    done = cli("render", ".", cwd=tmp_path)
    assert done.returncode == 2 and b"vb-001.yaml:3:1:" in done.stderr and b"kh\xc3\xb4ng mong \xc4\x91\xe1\xbb\xa3i" not in done.stderr
    assert (tmp_path / "vb-000.docx").is_file() and not (tmp_path / "vb-001.docx").exists()
    empty = tmp_path / "empty"
    empty.mkdir()
    done = cli("render", ".", cwd=empty)
    assert done.returncode == 2 and "không có tệp YAML nào ở đây" in done.stderr.decode()


def test_render_many_on_any_executor(tmp_path):
    docs = write_docs(tmp_path, 4, broken=3)
    jobs = [ccch_docs.Job(p, tmp_path / "out" / f"{p.stem}.docx") for p in docs]
    with ThreadPoolExecutor(2) as executor:
        results = {r.job.source: r for r in ccch_docs.render_many(jobs, executor)}
    assert [results[p].ok for p in docs] == [True, True, True, False]
    assert results[docs[3]].bad_input and results[docs[3]].problems[0].line == 3
    assert results[docs[0]].written == (tmp_path / "out" / "vb-000.docx",)
    default = list(ccch_docs.render_many(docs[:2]))  # paths, a process pool
    assert sorted(r.written[0] for r in default) == [p.with_suffix(".docx") for p in docs[:2]]


def test_render_many_on_dask(tmp_path):
    distributed = pytest.importorskip("distributed")
    docs = write_docs(tmp_path, 5, broken=4)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        results = list(ccch_docs.render_many(docs, client.get_executor()))
    assert sorted(r.job.source.name for r in results if r.ok) == [p.name for p in docs[:4]]
    assert [r.problems[0].line for r in results if not r.ok] == [3]
    assert View.open(docs[2].with_suffix(".docx")).header()[0] == "ỦY BAN NHÂN DÂN"


@pytest.mark.libreoffice
def test_pdf_batch_from_a_warm_libreoffice(tmp_path):
    docs = write_docs(tmp_path, 6)
    done = cli("render", str(tmp_path), "--pdf", "-j", "2", "-o", f"{tmp_path / 'out'}/")
    assert done.returncode == 0, done.stderr.decode()
    for p in docs:
        made = tmp_path / "out" / f"{p.stem}.pdf"
        assert made.read_bytes().startswith(b"%PDF-") and pages(made) == 1
        assert (tmp_path / "out" / f"{p.stem}.docx").is_file()
    assert "6 tệp: 6 xong, 0 lỗi" in done.stdout.decode()


@pytest.mark.libreoffice
def test_libreoffice_killed_in_the_middle_of_a_batch(tmp_path):
    docs = write_docs(tmp_path / "in", 8)
    (tmp_path / "tmp").mkdir()
    killed: list[int] = []

    def kill_after_first_pdf() -> None:
        deadline = time.monotonic() + 300
        while not list((tmp_path / "out").glob("*.pdf")) and time.monotonic() < deadline:
            time.sleep(0.02)
        for pid in _offices(tmp_path / "tmp"):
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)

    watcher = threading.Thread(target=kill_after_first_pdf)
    watcher.start()
    done = cli("render", str(tmp_path / "in"), "--pdf", "-o", f"{tmp_path / 'out'}/", env={"TMPDIR": str(tmp_path / "tmp")})
    watcher.join()
    assert killed, "no LibreOffice of this batch was found to kill"
    assert done.returncode == 0, done.stderr.decode()
    for p in docs:
        assert pages(tmp_path / "out" / f"{p.stem}.pdf") == 1


def _offices(tmp: Path) -> list[int]:
    """The LibreOffice processes whose profile is under `tmp`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if proc.name.isdigit() and "soffice" in cmd and f"UserInstallation=file://{tmp}" in cmd:
            found.append(int(proc.name))
    return found


@pytest.mark.libreoffice
def test_single_pdf_output_cold_and_what_it_says(tmp_path):
    out = tmp_path / "kh.pdf"
    done = cli("render", str(EXAMPLE), "-o", str(out), env={"CCHC_UNO_PYTHON": ""})  # no warm LibreOffice
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.decode().splitlines() == [f"đã ghi {out}"]
    assert out.read_bytes().startswith(b"%PDF-") and pages(out) == 12 and list(tmp_path.iterdir()) == [out]
    done = cli("render", str(EXAMPLE), "--pdf", "-o", "-", env={"CCHC_UNO_PYTHON": ""})
    assert done.returncode == 0 and done.stdout.startswith(b"%PDF-") and done.stdout.rstrip().endswith(b"%%EOF")


def test_a_docx_written_before_its_pdf_failed_is_reported(tmp_path):
    out = tmp_path / "kh.docx"
    broken = tmp_path / "soffice"  # a LibreOffice that is found, and fails
    broken.write_text("#!/bin/sh\necho hỏng >&2\nexit 3\n", "utf-8")
    broken.chmod(0o755)
    done = cli("render", str(EXAMPLE), "-o", str(out), "--pdf", env={"CCHC_SOFFICE": str(broken),
                                                                      "CCHC_UNO_PYTHON": ""})
    assert done.returncode == 1 and done.stdout.decode().splitlines() == [f"đã ghi {out}"]
    assert f"{EXAMPLE}: LibreOffice không chuyển được sang PDF: hỏng" in done.stderr.decode()
    assert not out.with_suffix(".pdf").exists()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_libreoffice_missing_is_said_once_before_any_document_is_rendered(tmp_path, jobs):
    docs = write_docs(tmp_path / "in", 3)
    out = tmp_path / "out"
    done = cli("render", *map(str, docs), "-o", f"{out}/", "--pdf", "-j", jobs,
               env={"CCHC_SOFFICE": str(tmp_path / "nope")})
    assert done.returncode == 1 and done.stdout.decode() == ""
    assert done.stderr.decode().splitlines() == [
        f"--pdf: không tìm thấy LibreOffice ở {tmp_path / 'nope'} (biến CCHC_SOFFICE) (gợi ý: cài LibreOffice "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui fonts-liberation2; Windows, macOS: libreoffice.org) "
        "hoặc đặt biến CCHC_SOFFICE là đường dẫn tới soffice) [CCHC-E200]", "1 lỗi."]
    assert not out.exists() and sorted(p.name for p in (tmp_path / "in").iterdir()) == [p.name for p in docs]


def test_libreoffice_not_installed_is_said_before_a_pdf_alone_is_rendered(tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("CCHC_SOFFICE", raising=False)
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "_INSTALLED", ())
    [doc] = write_docs(tmp_path / "in", 1)
    monkeypatch.setattr(ccch_docs.api, "render", lambda *a, **k: pytest.fail("rendered"))
    for args in (["-o", str(tmp_path / "vb.pdf")], ["-o", "-", "--pdf"]):
        assert main(["render", str(doc), *args]) == 1
        out, err = capsys.readouterr()
        assert out == "" and err.startswith(f"{' '.join(args[:2]) if args[1] != '-' else doc}: không tìm thấy "
                                            "LibreOffice (soffice) để xuất PDF (gợi ý: cài LibreOffice "
                                            "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui")
        assert "[CCHC-E201]" in err and err.count("\n") == 2
    assert sorted(tmp_path.iterdir()) == [tmp_path / "in"]


@pytest.mark.libreoffice
def test_to_pdf_takes_a_path_bytes_or_a_list(tmp_path):
    docs = [ccch_docs.render(ccch_docs.from_dict({**PLAN, "so": i + 1}), tmp_path / f"kh{i}.docx") and tmp_path / f"kh{i}.docx"
            for i in range(3)]
    assert ccch_docs.to_pdf(docs[0], tmp_path / "one") == tmp_path / "one" / "kh0.pdf"
    assert pages(tmp_path / "one" / "kh0.pdf") == 1
    data = ccch_docs.to_pdf(docs[1].read_bytes())
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert ccch_docs.to_pdf(docs) == [p.with_suffix(".pdf") for p in docs]
    assert all(pages(p.with_suffix(".pdf")) == 1 for p in docs)


@pytest.mark.libreoffice
def test_a_conversion_past_its_timeout_is_stopped_and_leaves_no_pdf(tmp_path):
    docx = tmp_path / "kh.docx"
    ccch_docs.render(ccch_docs.load(EXAMPLE), docx)
    for convert in (lambda: ccch_docs.to_pdf(docx, timeout=0.05),
                    lambda: office.Office(timeout=0.05).convert(docx, tmp_path / "kh.pdf")):
        with pytest.raises(ccch_docs.OutputError, match="quá 0.05 giây nên đã dừng; không ghi PDF"):
            convert()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["kh.docx"]


def test_a_worker_killed_in_the_middle_of_a_batch(tmp_path):
    docs = write_docs(tmp_path, 12)
    results, killed = [], []
    for result in ccch_docs.render_many(docs, workers=2):
        results.append(result)
        if not killed:  # after the first result, kill one of the pool's workers
            pid = _children()[0]
            os.kill(pid, signal.SIGKILL)
            killed.append(pid)
    assert killed and sorted(r.job.source for r in results) == docs and all(r.ok for r in results)
    assert all(View.open(p.with_suffix(".docx")).header() for p in docs)


def test_a_document_that_kills_its_worker_takes_no_other_down(tmp_path, monkeypatch):
    docs = write_docs(tmp_path, 9)
    real = batch.run

    def run(job):  # inherited by the pool's workers, which fork after it is set
        if job.source == docs[5]:
            os._exit(9)
        return real(job)

    monkeypatch.setattr(batch, "run", run)
    results = {r.job.source: r for r in ccch_docs.render_many(docs, workers=2)}
    assert sorted(results) == docs
    assert [p for p, r in results.items() if not r.ok] == [docs[5]]
    assert "BrokenProcessPool" in results[docs[5]].problems[0].message
    assert all(View.open(p.with_suffix(".docx")).header() for p in docs if p != docs[5])


def test_a_batch_closed_as_its_pool_breaks_leaves_the_cancelling_to_the_pool(tmp_path, monkeypatch):
    """Queued tasks of our own pool are cancelled by the pool's thread, never from here: one cancelled here while the
    pool marks its tasks broken (a worker killed, as SIGTERM to the whole group does) made that thread fail on Python
    3.11, printing a traceback under the command's own message, and left the pool's other tasks pending."""
    from concurrent.futures import Future
    cancelled_here, failed = [], []
    real_cancel = Future.cancel

    def cancel(future):
        if threading.current_thread() is threading.main_thread():
            cancelled_here.append(future)
        return real_cancel(future)

    monkeypatch.setattr(Future, "cancel", cancel)
    monkeypatch.setattr(threading, "excepthook", failed.append)
    docs = write_docs(tmp_path, 60)
    results = ccch_docs.render_many(docs, workers=2)
    next(results)
    os.kill(_children()[0], signal.SIGKILL)
    results.close()
    assert cancelled_here == [] and failed == [] and _children() == []
    assert 1 <= sum(p.with_suffix(".docx").exists() for p in docs) < len(docs)  # the queued tasks were dropped


@pytest.mark.parametrize("busy", [False, True], ids=["waiting", "in a job"])
def test_a_worker_told_to_stop_stops_waiting_or_in_a_job(tmp_path, monkeypatch, busy):
    """SIGTERM, as a broken pool's own terminate() sends it, ends a worker whether it waits for work or runs a job:
    one that kept on could wait forever on a queue a dead fellow left locked, and the pool and program with it."""
    started = tmp_path / "started"

    def run(job):  # inherited by the pool's worker, which forks after it is set
        started.touch()
        time.sleep(60)

    monkeypatch.setattr(batch, "run", run)
    pool = batch._Queue._pool(1)
    (pid, worker), = pool._processes.items()  # a worker's exit code is known to the pool that reaps it
    try:
        pool.submit(int).result(timeout=60)  # the worker is up, its signals set
        if busy:
            pool.submit(batch._run_chunk, (batch.Job.beside(tmp_path / "a.yaml"),))
            deadline = time.monotonic() + 60
            while not started.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            assert started.exists()
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + 10
        while _running(pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _running(pid)
    finally:
        if _running(pid):
            os.kill(pid, signal.SIGKILL)
        pool.shutdown(wait=True, cancel_futures=True)  # the pool reaps its worker, and learns its exit code
    assert worker.exitcode == 128 + signal.SIGTERM


def test_a_stop_landing_as_a_task_ends_still_ends_the_worker(monkeypatch):
    """SIGTERM landing as a task ends, before its worker is marked idle, still ends the worker: its SystemExit,
    leaving _run_chunk, would go back to the pool as the task's error and the worker, SIGTERM now set aside, would
    wait for work again."""
    class Ended(Exception):
        pass

    def end(code):
        raise Ended(code)

    class Ending:  # the worker's state, SIGTERM's handler running as the worker is marked idle
        now = False

        @property
        def busy(self):
            return self.now

        @busy.setter
        def busy(self, value):
            if self.now and not value:
                batch._stop(signal.SIGTERM, None)
            self.now = value

    monkeypatch.setattr(batch, "_Worker", Ending())
    monkeypatch.setattr(batch, "_end", end)
    previous = signal.getsignal(signal.SIGTERM)
    try:
        with pytest.raises(Ended) as ended:
            batch._run_chunk(())
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert ended.value.args == (128 + signal.SIGTERM,)


def _running(pid: int) -> bool:
    """Whether process `pid` runs (not ended, nor ended and not yet reaped)."""
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().split(") ")[-1].split()[0] != "Z"
    except OSError:
        return False


def test_small_documents_go_to_a_worker_a_few_at_a_time_a_pdf_or_a_big_file_alone(tmp_path):
    small = write_docs(tmp_path, 6)
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * batch.CHUNK_BYTES)
    jobs = [batch.Job.beside(p) for p in small[:5]] + [batch.Job.beside(small[5], with_pdf=True),
                                                        batch.Job.beside(big), batch.Job.beside(tmp_path / "missing")]
    sizes = [[j.source.name for j in chunk] for chunk in batch._chunks(jobs)]
    assert sizes == [[p.name for p in small[:4]], [small[4].name], [small[5].name], ["big.yaml"], ["missing"]]


def _children() -> list[int]:
    """This process's children that run the same command (a pool's workers, not a LibreOffice bridge)."""
    me, found = Path("/proc/self"), []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and (proc / "stat").read_text().split(") ")[-1].split()[1] == str(os.getpid()) \
                    and (proc / "cmdline").read_bytes() == (me / "cmdline").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


def test_progress_bar_on_a_terminal(tmp_path):
    import fcntl
    import pty
    import select
    import struct
    import termios
    write_docs(tmp_path, 3)
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a terminal 100 columns wide
    done = subprocess.run([sys.executable, "-m", "ccch_docs", "render", str(tmp_path)], stdout=subprocess.PIPE,
                          stderr=follower, timeout=300)
    assert select.select([leader], [], [], 10)[0], "nothing was written to the terminal"
    screen = os.read(leader, 65536).decode()  # before the terminal's last writer closes, or Linux drops it
    os.close(follower)
    os.close(leader)
    assert done.returncode == 0 and "0/3" in screen and "tệp" in screen  # the bar, drawn as it starts
    assert done.stdout.decode().splitlines()[-1].startswith("3 tệp: 3 xong, 0 lỗi")  # no per-document lines


def test_libreoffice_found_where_windows_and_macos_install_it(tmp_path, monkeypatch):
    installed = tmp_path / "Applications" / "LibreOffice.app" / "Contents" / "MacOS" / "soffice"
    installed.parent.mkdir(parents=True)
    installed.write_text("")
    monkeypatch.delenv("CCHC_SOFFICE", raising=False)
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    monkeypatch.setattr(office, "_INSTALLED", (str(tmp_path / "Program Files" / "soffice.exe"), str(installed)))
    assert office.soffice() == str(installed)
    monkeypatch.setattr(office, "_INSTALLED", ())
    with pytest.raises(ccch_docs.OutputError, match="không tìm thấy LibreOffice.*CCHC_SOFFICE"):
        office.soffice()


@pytest.mark.libreoffice
def test_pdf_timeout_from_the_command_line_names_the_document(tmp_path):
    out = tmp_path / "kh.pdf"
    done = cli("render", str(EXAMPLE), "-o", str(out), "--pdf-timeout", "0.05")
    err = done.stderr.decode()
    assert done.returncode == 1 and f"{EXAMPLE}: LibreOffice chuyển sang PDF quá 0.05 giây nên đã dừng" in err
    assert "đã ghi" not in done.stdout.decode() and list(tmp_path.iterdir()) == []


def test_unit_profiles_beside_the_documents_are_skipped(tmp_path):
    profile = {k: PLAN[k] for k in ("co_quan", "dia_danh", "nguoi_ky") if k in PLAN}
    (tmp_path / "don-vi.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    (tmp_path / "mac-dinh.yaml").write_text("loai: ke_hoach\nluu: VT\n", "utf-8")  # a default `loai`: named, so a profile
    plan = {k: v for k, v in PLAN.items() if k not in profile and k != "loai"}
    for i in (1, 2):
        doc = {"ke_thua": ["don-vi.yaml", "mac-dinh.yaml"], **plan, "so": i}
        (tmp_path / f"kh-{i}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    done = cli("render", ".", cwd=tmp_path)
    err = done.stderr.decode()
    assert done.returncode == 0, err
    assert "bỏ qua don-vi.yaml: hồ sơ đơn vị, không phải văn bản\n" in err
    assert "bỏ qua mac-dinh.yaml: hồ sơ đơn vị, không phải văn bản\n" in err
    assert "2 tệp: 2 xong, 0 lỗi" in done.stdout.decode()
    assert not (tmp_path / "don-vi.docx").exists() and not (tmp_path / "mac-dinh.docx").exists()
    view = View.open(tmp_path / "kh-2.docx")
    assert view.header()[:2] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"] and "Số: 02/KH-UBND" in view.header()
    done = cli("--lang", "en", "render", str(tmp_path / "*.yaml"), "-o", f"{tmp_path / 'out'}/")
    assert done.returncode == 0 and "skipped " in done.stderr.decode()
    assert "don-vi.yaml: a unit profile, not a document" in done.stderr.decode()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["kh-1.docx", "kh-2.docx"]
    done = cli("render", "don-vi.yaml", cwd=tmp_path)  # named: a document, told what it lacks
    assert done.returncode == 2 and "don-vi.yaml:1:1: loai: thiếu khóa bắt buộc" in done.stderr.decode()


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_s_files_are_parsed_once(tmp_path, monkeypatch, capsys, jobs):
    """The scan for unit profiles hands each document's parse on to its render, in this process or a worker (here
    a thread, so that parses are counted), up to KEEP_BYTES of YAML; the documents past those are parsed again.
    A profile is parsed by the scan, then by each document that inherits it."""
    folder = tmp_path / "in"
    folder.mkdir()
    profile = {k: PLAN[k] for k in ("co_quan", "dia_danh", "nguoi_ky")}
    (folder / "don-vi.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), "utf-8")
    for i in (1, 2):
        doc = {"ke_thua": "don-vi.yaml", **{k: v for k, v in PLAN.items() if k not in profile}, "so": i}
        (folder / f"kh-{i}.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), "utf-8")
    write_docs(folder, 1)
    parses: list[str] = []
    parse = source.parse_yaml
    monkeypatch.setattr(source, "parse_yaml", lambda text, file: (parses.append(Path(file).name), parse(text, file))[1])
    monkeypatch.setattr(batch._Queue, "_pool", staticmethod(ThreadPoolExecutor))
    for keep, documents in ((cli_render.KEEP_BYTES, 1), (0, 2)):
        monkeypatch.setattr(cli_render, "KEEP_BYTES", keep)
        parses.clear()
        assert main(["render", str(folder), "-o", f"{tmp_path / 'out'}/", "-j", jobs]) == 0
        assert "3 tệp: 3 xong, 0 lỗi" in capsys.readouterr().out
        assert sorted(parses) == sorted(["don-vi.yaml"] * 3 + ["kh-1.yaml", "kh-2.yaml", "vb-000.yaml"] * documents)
