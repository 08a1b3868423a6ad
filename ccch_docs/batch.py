"""Many documents at once: each job rendered on any `concurrent.futures` executor, its result yielded as it finishes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import pdf
from .errors import CchcError, InputError, Problem, TargetError, TemplateError
from .output import write_atomic
from .pdf import TIMEOUT

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future


@dataclass(frozen=True)
class Job:
    """One document: its YAML file, where to write its .docx and its PDF (None: not written), its template folders
    and the roots its linked files must lie in (as `load` takes them)."""

    source: Path
    docx: Path | None = None
    pdf: Path | None = None
    templates: tuple[Path, ...] | None = None
    roots: tuple[Path, ...] | None = None
    pdf_timeout: float = TIMEOUT

    @classmethod
    def beside(cls, source: Path | str, *, with_pdf: bool = False) -> Job:
        """The .docx (and PDF) named after the YAML file, in its folder."""
        source = Path(source)
        return cls(source, source.with_suffix(".docx"), source.with_suffix(".pdf") if with_pdf else None)


@dataclass(frozen=True)
class Result:
    """What one job wrote, or its problems; `bad_input` when the YAML or a template is at fault (exit code 2)."""

    job: Job
    written: tuple[Path, ...] = ()
    problems: tuple[Problem, ...] = ()
    bad_input: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems


def run(job: Job) -> Result:
    """Render one job in this process (PDF from this process's warm LibreOffice); never raises."""
    from . import api  # imported in the worker, on first use

    written: list[Path] = []
    try:
        doc = api.load(job.source, templates=job.templates, roots=job.roots)
        data = api.render(doc)
        if job.docx is not None:
            written.append(write_atomic(job.docx, data, api.inputs_of(doc)))
        if job.pdf is not None:
            written.append(pdf.convert(data, job.pdf, timeout=job.pdf_timeout, name=str(job.source)))
        return Result(job, tuple(written))
    except (InputError, TemplateError, TargetError) as exc:
        return Result(job, tuple(written), exc.problems, bad_input=True)
    except CchcError as exc:
        return Result(job, tuple(written), exc.problems)
    except Exception as exc:  # one document's surprise must not stop the others
        return Result(job, tuple(written), (_unexpected(job, exc),))


def render_many(jobs: Iterable[Job | Path | str], executor: Executor | None = None, *,
                workers: int | None = None) -> Iterator[Result]:
    """Render every job on `executor` and yield each Result as it finishes; a path is a Job writing the .docx beside
    it. Without an executor, a process pool of `workers` (default: one per CPU) is used, and replaced when a worker
    dies, its jobs tried again (up to three times each). At most a few jobs per worker are queued at a time, so
    memory stays flat however many jobs there are."""
    queue = _Queue(executor, workers)
    try:
        for item in jobs:
            queue.submit(item if isinstance(item, Job) else Job.beside(item))
            if len(queue.pending) >= queue.window:
                yield from queue.finished()
        while queue.pending:
            yield from queue.finished()
    finally:
        queue.close()


class _Queue:
    """The jobs in flight on one executor, with their tries."""

    def __init__(self, executor: Executor | None, workers: int | None):
        self.own = executor is None
        self.workers = workers or os.cpu_count() or 1
        self.executor = executor or self._pool()
        self.window = 4 * (getattr(self.executor, "_max_workers", None) or self.workers)
        self.pending: dict[Future, tuple[Job, int, Executor]] = {}

    def _pool(self) -> Executor:
        """A process pool whose workers start now and import what a render needs before their first job, while the
        caller is still preparing the jobs."""
        from concurrent.futures import ProcessPoolExecutor  # starts the multiprocessing machinery: only when needed
        pool = ProcessPoolExecutor(self.workers, initializer=_ready)
        for _ in range(self.workers):
            pool.submit(int)  # a worker process is started for a task
        return pool

    def submit(self, job: Job, tries: int = 1) -> None:
        self.pending[self.executor.submit(run, job)] = (job, tries, self.executor)

    def finished(self) -> Iterator[Result]:
        from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, wait
        done, _ = wait(self.pending, return_when=FIRST_COMPLETED)
        for future in done:
            job, tries, executor = self.pending.pop(future)
            try:
                yield future.result()
            except BrokenExecutor as exc:  # a worker died (killed, out of memory): a new pool tries again
                if not (self.own and tries < 3):
                    yield Result(job, (), (_unexpected(job, exc),))
                    continue
                if executor is self.executor:  # the first of its jobs to come back
                    executor.shutdown(wait=False, cancel_futures=True)
                    self.executor = self._pool()
                self.submit(job, tries + 1)
            except Exception as exc:  # the executor failed to run it (unreachable worker, lost data)
                yield Result(job, (), (_unexpected(job, exc),))

    def close(self) -> None:
        for future in self.pending:
            future.cancel()
        if self.own:
            self.executor.shutdown(cancel_futures=True)


def _ready() -> None:
    """Import, in a new worker, what rendering a document needs."""
    from . import api  # noqa: F401


def _unexpected(job: Job, exc: BaseException) -> Problem:
    return Problem(f"lỗi không mong đợi: {type(exc).__name__}: {exc}", str(job.source))
