"""Many documents at once: each job rendered on any `concurrent.futures` executor, its result yielded as it finishes."""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import pdf
from .errors import (
    A_PATH,
    PATHS,
    CchcError,
    DiskFullError,
    InputError,
    Problem,
    TargetError,
    TemplateError,
    require,
    require_paths,
)
from .output import Outputs, pdf_is_docx, same_output, write_atomic
from .pdf import TIMEOUT

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

    from .source import Parsed


@dataclass(frozen=True)
class Job:
    """One document: its YAML file, where to write its .docx and its PDF (None: not written), its template folders
    and the roots its linked files must lie in (as `load` takes them), and the file as already `parsed` (when the
    render command's scan of a folder hands it on: `load` takes it rather than parse the file again)."""

    source: Path
    docx: Path | None = None
    pdf: Path | None = None
    templates: tuple[Path, ...] | None = None
    roots: tuple[Path, ...] | None = None
    pdf_timeout: float = TIMEOUT
    parsed: Parsed | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        require(self.source, PATHS, "Job(source)", A_PATH)
        for key in ("docx", "pdf"):
            require(getattr(self, key), (*PATHS, type(None)), f"Job({key})", "a path or None")
        for key in ("templates", "roots"):
            if getattr(self, key) is not None:
                require_paths(getattr(self, key), f"Job({key})")
        pdf.seconds(self.pdf_timeout, str(self.source), "pdf_timeout")

    @classmethod
    def beside(cls, source: Path | str, *, with_pdf: bool = False) -> Job:
        """The .docx (and PDF) named after the YAML file, in its folder."""
        source = Path(require(source, PATHS, "Job.beside(source)", A_PATH))
        return cls(source, source.with_suffix(".docx"), source.with_suffix(".pdf") if with_pdf else None)


@dataclass(frozen=True)
class Result:
    """What one job wrote, or its problems; `bad_input` when the YAML or a template is at fault (exit code 2),
    `disk_full` when the disk took no more (full, over quota, read-only: the jobs after it are not started)."""

    job: Job
    written: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    bad_input: bool = False
    disk_full: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def run(job: Job) -> Result:
    """Render one job in this process (PDF from this process's warm LibreOffice); never raises."""
    from . import api  # imported in the worker, on first use

    written: list[Path] = []
    try:
        doc = api.load(job.source, templates=job.templates, roots=job.roots, parsed=job.parsed)
        data = api.render(doc)
        if job.docx is not None:
            written.append(write_atomic(job.docx, data, api.inputs_of(doc), ".docx"))
        if job.pdf is not None:
            written.append(pdf.convert(data, job.pdf, timeout=job.pdf_timeout, name=str(job.source)))
        return Result(job, tuple(written))
    except (InputError, TemplateError, TargetError) as exc:
        return Result(job, tuple(written), exc.problems, bad_input=True)
    except CchcError as exc:
        return Result(job, tuple(written), exc.problems, disk_full=isinstance(exc, DiskFullError))
    except Exception as exc:  # one document's surprise must not stop the others
        return Result(job, tuple(written), (_unexpected(job, exc),))


def run_each(jobs: Iterable[Job]) -> Generator[Result, None, None]:
    """Render `jobs` one after another in this process, until one finds the disk full (the rest are not started)."""
    for job in jobs:
        result = run(job)
        yield result
        if result.disk_full:
            return


# Small documents go to a worker a few at a time, so that handing out a task and taking back its result (in this
# process, which shares the CPUs with the workers) stays small beside the work; a PDF or a big file goes alone.
CHUNK = 4
CHUNK_BYTES = 32_000
LAST_TRY = 3  # a job's third try, after two failures of its pool, runs in a process of its own


def render_many(jobs: Iterable[Job | Path | str], executor: Executor | None = None, *,
                workers: int | None = None) -> Generator[Result, None, None]:
    """Render every job on `executor` and yield each Result as it finishes; a path is a Job writing the .docx beside
    it. Without an executor, a process pool of `workers` (default: one per CPU) is used, and replaced when a worker
    dies; the jobs it took down are tried again, one by one, and a job caught in a second failure is tried a last
    time in a process of its own, so that only a job that kills its worker fails. At most a few tasks per worker are
    queued at a time, so memory stays flat however many jobs there are. A job writing a file an earlier job of the
    call writes is not run (a bad_input Result). Once a job finds the disk full (or read-only), no other is
    started: those already running are yielded, those not started are not. Its arguments are checked as it is
    called (TypeError, InputError for `workers` below 0), each job as it is taken from `jobs`."""
    from concurrent.futures import Executor  # imported on first use, as the pool is
    if isinstance(jobs, PATHS) or not isinstance(jobs, Iterable):  # a path's characters would be paths
        raise TypeError(f"render_many(jobs) must be an iterable of Jobs or paths, not {type(jobs).__name__}")
    require(executor, (Executor, type(None)), "render_many(executor)", "a concurrent.futures.Executor or None")
    return _results(jobs, executor, worker_count(workers, "workers"))


def _results(jobs: Iterable[Job | Path | str], executor: Executor | None,
             workers: int) -> Generator[Result, None, None]:
    """The Results of `jobs`, as they finish, run on `executor` or on a pool of `workers` made as the first is asked
    for (render_many)."""
    queue = _Queue(executor, workers)
    refused: list[Result] = []
    try:
        for chunk in _chunks(_distinct(jobs, refused)):
            queue.submit(chunk)
            yield from refused
            refused.clear()
            if len(queue.pending) >= queue.window:
                yield from queue.finished()
            if queue.disk_full:
                break
        yield from refused
        while queue.pending:
            yield from queue.finished()
    finally:
        queue.close()


def _distinct(jobs: Iterable[Job | Path | str], refused: list[Result]) -> Iterator[Job]:
    """`jobs` (a path: the Job writing the .docx beside it) but those that would write over another's output (or the
    same file twice): their Results go to `refused`; the file is written once, by the first."""
    outputs = Outputs()
    for item in jobs:
        job = item if isinstance(item, Job) else Job.beside(require(item, PATHS, "render_many(jobs[…])",
                                                                     "a Job or a path"))
        paths = [p for p in (job.docx, job.pdf) if p is not None]
        if Outputs().clash(paths) is not None:  # its own .docx and PDF one file: not another document's fault
            refused.append(Result(job, (), (pdf_is_docx(str(job.source), paths[1]),), bad_input=True))
            continue
        path = outputs.clash(paths)
        if path is None:
            yield job
        else:
            refused.append(Result(job, (), (same_output(str(job.source), path, SAME_HINT),), bad_input=True))


SAME_HINT = "đặt cho mỗi Job tệp .docx và PDF riêng"


def worker_count(workers: int | None, where: str) -> int:
    """The worker processes `workers` asks for (None or 0: one per CPU); InputError naming `where` below 0."""
    require(workers, (int, type(None)), "workers", "a whole number or None")
    if workers is not None and workers < 0:
        raise InputError([Problem(f"số tiến trình phải từ 0 trở lên (0: mỗi CPU một tiến trình), không phải {workers}",
                                  where, hint="ví dụ 2, hoặc 0 để dùng mọi CPU")])
    return workers or os.cpu_count() or 1


def _chunks(jobs: Iterable[Job]) -> Iterator[tuple[Job, ...]]:
    """`jobs` in the groups a worker is given at once: up to CHUNK small documents, a PDF or a big file alone."""
    chunk: list[Job] = []
    size = 0
    for job in jobs:
        weight = CHUNK_BYTES if job.pdf is not None else _size(job.source)
        if chunk and size + weight > CHUNK_BYTES:
            yield tuple(chunk)
            chunk, size = [], 0
        chunk.append(job)
        size += weight
        if len(chunk) == CHUNK or size >= CHUNK_BYTES:
            yield tuple(chunk)
            chunk, size = [], 0
    if chunk:
        yield tuple(chunk)


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):  # rendering it says why (ValueError: a NUL in the name)
        return 0


def _run_chunk(jobs: tuple[Job, ...]) -> list[tuple[tuple[Path, ...], tuple[Problem, ...], bool, bool]]:
    """Run `jobs` in a worker, up to a full disk; what each wrote, its problems, whether its input was at fault and
    whether the disk was full (the jobs themselves are not sent back)."""
    try:
        _Worker.busy = True
        try:
            return [(r.written, r.problems, r.bad_input, r.disk_full) for r in run_each(jobs)]
        finally:
            _Worker.busy = False
    finally:  # apart: a SIGTERM landing before the worker is marked idle leaves the inner block at once
        if signal.getsignal(signal.SIGTERM) is _ignore:  # SIGTERM (_stop): the jobs have unwound, files removed
            _end(128 + signal.SIGTERM)


class _Queue:
    """The tasks in flight on one executor, each a few jobs, with their tries."""

    def __init__(self, executor: Executor | None, workers: int):
        self.own = executor is None
        self.workers = workers
        self.executor = executor or self._pool(self.workers)
        self.window = 4 * (_capacity(self.executor) or self.workers)
        self.pending: dict[Future, tuple[tuple[Job, ...], int, Executor]] = {}
        self.disk_full = False

    @staticmethod
    def _pool(workers: int) -> Executor:
        """A process pool whose workers start now and import what a render needs before their first job, while the
        caller is still preparing the jobs."""
        from concurrent.futures import ProcessPoolExecutor  # starts the multiprocessing machinery: only when needed
        pool = ProcessPoolExecutor(workers, initializer=_ready)
        for _ in range(workers):
            pool.submit(int)  # a worker process is started for a task
        return pool

    def submit(self, jobs: tuple[Job, ...], tries: int = 1) -> None:
        executor = self._pool(1) if tries == LAST_TRY else self.executor
        self.pending[executor.submit(_run_chunk, jobs)] = (jobs, tries, executor)

    def finished(self) -> Iterator[Result]:
        from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, wait
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        for future in done:
            jobs, tries, executor = self.pending.pop(future)
            if tries == LAST_TRY:
                executor.shutdown(wait=False)
            try:
                outcomes = future.result()
            except BrokenExecutor as exc:  # a worker died (killed, out of memory): its jobs are tried again
                if not (self.own and tries < LAST_TRY):
                    yield from (Result(job, (), (_unexpected(job, exc),)) for job in jobs)
                    continue
                if executor is self.executor:  # the first of its tasks to come back: a new pool
                    executor.shutdown(wait=False, cancel_futures=True)
                    self.executor = self._pool(self.workers)
                for job in jobs:
                    self.submit((job,), tries + 1)
                continue
            except Exception as exc:  # the executor failed to run them (unreachable worker, lost data)
                yield from (Result(job, (), (_unexpected(job, exc),)) for job in jobs)
                continue
            # a worker stops its task at a full disk: the jobs after it come back with nothing
            results = [Result(job, *outcome) for job, outcome in zip(jobs[:len(outcomes)], outcomes, strict=True)]
            if any(result.disk_full for result in results):
                self._stop()
            yield from results

    def _stop(self) -> None:
        """Start no more tasks: those queued and not yet running are dropped."""
        self.disk_full = True
        self._drop_queued()

    def close(self) -> None:
        self._drop_queued()

    def _drop_queued(self) -> None:
        """Cancel the tasks not yet running and forget them; our own pools are shut down, once their running tasks
        end. A pool of ours cancels its tasks itself, in its own thread: one cancelled from here as the pool breaks
        (its workers killed) makes that thread fail half-way on Python 3.11, a traceback printed and the pool's
        other tasks never ended."""
        if self.own:
            for executor in {executor for *_, executor in self.pending.values()} | {self.executor}:
                executor.shutdown(cancel_futures=True)
        else:
            for future in self.pending:
                future.cancel()
        for future in [f for f in self.pending if f.cancelled()]:
            del self.pending[future]


def _capacity(executor: Executor) -> int | None:
    """How many tasks `executor` runs at once, when it tells: a pool's workers, a dask cluster's threads (not the
    CPUs of this machine, which may be a laptop feeding a cluster of hundreds)."""
    count = getattr(executor, "_max_workers", None)
    nthreads = getattr(getattr(executor, "_client", None), "nthreads", None)
    if not count and callable(nthreads):
        count = sum(nthreads().values())
    return count or None


def _ready() -> None:
    """Import, in a new worker, what rendering a document needs. Ctrl-C, sent to every process of the terminal's
    group, is left to the process handing out the work, which lets each worker finish its job and stops. SIGTERM
    stops a worker at once, what it runs cleaned up: sent to the group (`timeout`, a service stopped) or by the pool
    itself, which stops the other workers of a broken pool so: one that kept on could wait forever on a queue its
    dead fellow left locked, and the pool and the program with it. A worker's warm LibreOffice is stopped, and
    waited for, as the worker ends, so that nothing of the batch outlives it."""
    from multiprocessing.util import Finalize
    signal.signal(signal.SIGINT, _ignore)  # not SIG_IGN: a process started from here (LibreOffice) would inherit it
    signal.signal(signal.SIGTERM, _stop)
    Finalize(None, pdf.close, exitpriority=0)
    from . import api  # noqa: F401


def _ignore(signum: int, frame: object) -> None:
    """A signal left to the process handing out the work."""


class _Worker:
    """A pool worker's state: whether it runs a task now."""

    busy = False


def _stop(signum: int, frame: object) -> None:
    """SIGTERM in a worker: a task running unwinds first (its files removed, in _run_chunk), then the worker ends;
    one waiting for work ends at once (not by SystemExit: the pool catches that around its sending of results)."""
    if not _Worker.busy:
        _end(128 + signum)
    signal.signal(signum, _ignore)  # once (the clean-up is not cut short by another), and the mark _run_chunk reads
    raise SystemExit(128 + signum)


def _end(code: int) -> NoReturn:
    """End this worker now, its warm LibreOffice stopped first, and any process it was starting when the signal came
    waited for (up to pdf.TIMEOUT seconds)."""
    pdf.close()
    _reap(TIMEOUT)
    os._exit(code)


def _reap(timeout: float) -> None:
    """Wait up to `timeout` seconds for this process's children to end. A LibreOffice bridge that SIGTERM cut off as
    it was being started (the signal's handler runs once the process is made, before the worker holds it) sees its
    input closed, stops its LibreOffice and ends by itself; the worker must not end before it."""
    if not hasattr(os, "WNOHANG"):  # Windows: no process of ours is left that way
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:  # none left
            return
        if pid == 0:
            time.sleep(0.05)


def _unexpected(job: Job, exc: BaseException) -> Problem:
    return Problem(f"lỗi không mong đợi: {type(exc).__name__}: {exc}", str(job.source))
