"""Many documents at once, each figure a ratio against a baseline measured in the same run.

    python benchmarks/bench_batch.py [--docs 100] [--pdfs 50] [--parallel 1000] [--skip-pdf]

- one `render` call for N small documents vs N separate CLI calls (goal >= 20x);
- N PDFs from one batch (a warm LibreOffice) vs N cold `soffice --convert-to` conversions (goal >= 8x);
- `-j 2` vs `-j 1` on many documents, in turn three times, the best of each (goal >= 1.7x), beside the same ratio
  for a CPU-bound loop (the machine's own ceiling: what two processes can gain here at this moment) and for the
  renders themselves in two warm processes with no pool (the ceiling for this work, which shares memory and caches);
- `--help` (goal <= 1.2x) and one small render from the CLI (goal <= 1.6x) vs `python -c "import docxtpl"`, the
  library's bytecode on disk as an installed package has it (and, beside it, compiled from source each time, and
  the import of the libraries a render needs alone); each with the best wall time and the best CPU time of the
  command, the latter hardly moved by other work on the machine;
- resident memory after every tenth of a 1,000-document batch rendered in one process (flat is the goal).
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import ccch_docs

PY = sys.executable
PACKAGE = Path(ccch_docs.__file__).parent
WRITE_BYTECODE = os.environ.get("PYTHONDONTWRITEBYTECODE")
# The libraries one render from the command line imports (pydantic's fields, and Jinja's sandbox, pull in more of
# them than their packages alone): what start-up cannot go below.
NEEDED = "import pydantic.main, pydantic.fields, yaml, jinja2.sandbox, lxml.etree, babel.numbers, zipfile"
SMALL = """\
loai: ke_hoach
co_quan: {{ten: [ỦY BAN NHÂN DÂN, HUYỆN LAI VUNG], viet_tat: UBND}}
dia_danh: Lai Vung
so: {n}
ngay: 2022-01-05
trich_yeu: Cải cách hành chính năm 2022 của đơn vị số {n}
noi_dung:
  - {{tieu_de: Mục đích, doan: Nâng cao chất lượng phục vụ người dân và doanh nghiệp.}}
  - {{tieu_de: Tổ chức thực hiện, doan: Các cơ quan triển khai thực hiện./.}}
noi_nhan: [UBND tỉnh, Sở Nội vụ]
luu: VT
nguoi_ky: {{tm: Ủy ban nhân dân, chuc_vu: Chủ tịch, ho_ten: Nguyễn Văn A}}
"""


@contextlib.contextmanager
def bytecode_aside() -> Iterator[None]:
    """The library's bytecode moved aside, and none written, in the block: as in a checkout never compiled, or with
    PYTHONDONTWRITEBYTECODE set."""
    caches = [p for p in PACKAGE.rglob("__pycache__") if p.is_dir()]
    moved = [c.rename(c.with_name(f"__pycache__.aside-{os.getpid()}")) for c in caches]
    os.environ["PYTHONDONTWRITEBYTECODE"] = "1"
    try:
        yield
    finally:
        if WRITE_BYTECODE is None:
            del os.environ["PYTHONDONTWRITEBYTECODE"]
        else:
            os.environ["PYTHONDONTWRITEBYTECODE"] = WRITE_BYTECODE
        for aside, cache in zip(moved, caches, strict=True):
            shutil.rmtree(cache, ignore_errors=True)
            aside.rename(cache)


def small_docs(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"vb-{i:04d}.yaml" for i in range(n)]
    for i, path in enumerate(paths):
        path.write_text(SMALL.format(n=i + 1), "utf-8")
    return paths


def cli(*args: str) -> None:
    subprocess.run([PY, "-m", "ccch_docs", *args], check=True, capture_output=True)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def best(fn, runs: int = 7) -> float:
    return min(timed(fn) for _ in range(runs))


def children_cpu() -> float:
    """CPU seconds (user + system) spent so far by this process's finished children."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def best_each(fns: list, runs: int = 11) -> list[tuple[float, float]]:
    """The best wall time and the best CPU time of each of `fns` (each runs a command), run in turn `runs` times: a
    change of load weighs on all of them alike, and the CPU time hardly at all."""
    times: list[list[tuple[float, float]]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, seen in zip(fns, times, strict=True):
            cpu = children_cpu()
            wall = timed(fn)
            seen.append((wall, children_cpu() - cpu))
    return [(min(w for w, _ in seen), min(c for _, c in seen)) for seen in times]


def spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def cpu_ratio(tasks: int = 8, size: int = 3_000_000) -> float:
    """How much faster two processes run a CPU-bound loop than one, here and now."""
    ratios = []
    for _ in range(2):
        times = []
        for workers in (1, 2):
            with ProcessPoolExecutor(workers) as pool:
                times.append(timed(lambda: list(pool.map(spin, [size] * tasks))))
        ratios.append(times[0] / times[1])
    return max(ratios)


def render_share(paths: list[Path], out: str) -> None:
    """Render `paths` one after another in this process, into `out`."""
    from ccch_docs import batch
    for _ in batch.run_each(batch.Job(p, Path(out) / f"{p.stem}.docx") for p in paths):
        pass


def render_ratio(paths: list[Path], out: Path) -> float:
    """How much faster two warm processes render the documents (each half of them) than one renders them all: the
    machine's ceiling for this work itself (it shares memory and caches, which a CPU-bound loop hardly uses)."""
    times = []
    for workers in (1, 2):
        with ProcessPoolExecutor(workers, initializer=render_share, initargs=(paths[:1], str(out))) as pool:
            list(pool.map(int, range(workers)))  # each worker started, and warm
            start = time.perf_counter()
            list(pool.map(render_share, [paths[i::workers] for i in range(workers)], [str(out)] * workers))
            times.append(time.perf_counter() - start)
    return times[0] / times[1]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def row(name: str, ours: float, base: float, goal: str) -> None:
    print(f"{name:58s} {ours:8.2f} s vs {base:8.2f} s  {base / ours if ours else 0:6.1f}x faster  (goal {goal})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--pdfs", type=int, default=50)
    ap.add_argument("--parallel", type=int, default=1000)
    ap.add_argument("--memory", type=int, default=1000)
    ap.add_argument("--skip-pdf", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-batch-"))
    compileall.compile_dir(PACKAGE, quiet=1)  # as pip does when it installs: the library's bytecode on disk
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")

    docs = small_docs(tmp / "small", args.docs)
    one = timed(lambda: cli("render", str(tmp / "small"), "-o", f"{tmp / 'out1'}/"))
    separate = timed(lambda: [cli("render", str(p), "-o", str(tmp / "out2" / f"{p.stem}.docx")) for p in docs])
    row(f"{args.docs} small documents: one render call vs {args.docs} calls", one, separate, ">= 20x")

    if not args.skip_pdf:
        from ccch_docs import office, pdf
        pdfs = small_docs(tmp / "pdf", args.pdfs)
        batch = timed(lambda: cli("render", str(tmp / "pdf"), "--pdf", "-o", f"{tmp / 'pdf-out'}/"))
        docx = sorted((tmp / "pdf-out").glob("*.docx"))
        assert len(docx) == len(pdfs) == len(list((tmp / "pdf-out").glob("*.pdf")))
        cold = timed(lambda: [office.cold(d, tmp / "pdf-cold" / f"{d.stem}.pdf", pdf.TIMEOUT) for d in docx])
        row(f"{args.pdfs} PDFs: one batch (render + warm LibreOffice) vs cold", batch, cold, ">= 8x")
        batch2 = timed(lambda: cli("render", str(tmp / "pdf"), "--pdf", "-j", "2", "-o", f"{tmp / 'pdf-out2'}/"))
        row(f"{args.pdfs} PDFs: the batch with -j 2 vs cold", batch2, cold, ">= 8x")

    many = small_docs(tmp / "many", args.parallel)
    (j1, _), (j2, _) = best_each([lambda: cli("render", str(tmp / "many"), "-j", "1", "-o", f"{tmp / 'many-1'}/"),
                                  lambda: cli("render", str(tmp / "many"), "-j", "2", "-o", f"{tmp / 'many-2'}/")],
                                 runs=3)
    row(f"{args.parallel} documents: -j 2 vs -j 1 (best of 3, in turn)", j2, j1, ">= 1.7x")
    print(f"{'  a CPU-bound loop in 2 processes vs 1, same run':58s} {cpu_ratio():6.2f}x (the ceiling)")
    (tmp / "many-r").mkdir()
    print(f"{'  the same renders in 2 warm processes vs 1, no pool':58s} {render_ratio(many, tmp / 'many-r'):6.2f}x "
          "(the ceiling for this work)")

    def render_one() -> None:
        cli("render", str(docs[0]), "-o", str(tmp / "one.docx"))

    def baseline() -> None:
        subprocess.run([PY, "-c", "import docxtpl"], check=True)

    floor, helped, one_doc, needed = best_each([baseline, lambda: cli("--help"), render_one,
                                                lambda: subprocess.run([PY, "-c", NEEDED], check=True)])
    with bytecode_aside():
        floor2, from_source = best_each([baseline, render_one])
    label = 'python -c "import docxtpl" (baseline, best of 11)'
    print(f"{label:58s} {floor[0]:8.3f} s  CPU {floor[1]:.3f} s")
    for name, (wall, cpu), base, goal in [
            ("--help (best of 11, in turn with the baseline)", helped, floor, "(goal <= 1.2x)"),
            ("one small render from the CLI (best of 11, in turn)", one_doc, floor, "(goal <= 1.6x)"),
            ("  the same, its own modules compiled from source each time", from_source, floor2,
             f"(baseline in turn with it: {floor2[0]:.3f} s)"),
            ("  importing the libraries a render needs, nothing else", needed, floor, "")]:
        print(f"{name:58s} {wall:8.3f} s  {wall / base[0]:5.2f}x baseline  CPU {cpu:.3f} s  {cpu / base[1]:5.2f}x  "
              + goal)

    from ccch_docs import batch
    jobs = [batch.Job(p, tmp / "mem" / f"{p.stem}.docx") for p in small_docs(tmp / "memory", args.memory)]
    marks = []
    for i, job in enumerate(jobs, 1):
        assert batch.run(job).ok
        if i % (len(jobs) // 10) == 0:
            marks.append(rss_mb())
    print(f"{'resident memory after each tenth of ' + str(len(jobs)) + ' documents (MB)':58s} "
          + " ".join(f"{m:.0f}" for m in marks) + f"  (last/first {marks[-1] / marks[0]:.2f})")


if __name__ == "__main__":
    main()
