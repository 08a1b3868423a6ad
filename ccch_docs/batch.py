"""Many documents at once: each job rendered on any `concurrent.futures` executor, its result yielded as it finishes."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from . import pdf
from .pdf import TIMEOUT
from .errors import CchcError, InputError, Problem, TemplateError
from .output import write_atomic

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
            written.append(pdf.convert(data, job.pdf, timeout=job.pdf_timeout))
        return Result(job, tuple(written))
    except (InputError, TemplateError) as exc:
        return Result(job, tuple(written), exc.problems, bad_input=True)
    except CchcError as exc:
        return Result(job, tuple(written), exc.problems)
    except Exception as exc:  # one document's surprise must not stop the others
        return Result(job, tuple(written), (_unexpected(job, exc),))


def render_many(jobs: Iterable[Job | Path | str], executor: Executor | None = None) -> Iterator[Result]:
    """Render every job on `executor` (default: a process pool, one worker per CPU) and yield each Result as it
    finishes; a path is a Job writing the .docx beside it. At most a few jobs per worker are queued at a time, so
    memory stays flat however many jobs there are."""
    own = executor is None
    if executor is None:
        from concurrent.futures import ProcessPoolExecutor  # starts the multiprocessing machinery: only when needed
        executor = ProcessPoolExecutor()
    window = 4 * (getattr(executor, "_max_workers", None) or os.cpu_count() or 1)
    pending: dict[Future, Job] = {}
    try:
        for item in jobs:
            job = item if isinstance(item, Job) else Job.beside(item)
            pending[executor.submit(run, job)] = job
            if len(pending) >= window:
                yield from _finished(pending)
        while pending:
            yield from _finished(pending)
    finally:
        for future in pending:
            future.cancel()
        if own:
            executor.shutdown(cancel_futures=True)


def _finished(pending: dict[Future, Job]) -> Iterator[Result]:
    from concurrent.futures import FIRST_COMPLETED, wait
    done, _ = wait(pending, return_when=FIRST_COMPLETED)
    for future in done:
        job = pending.pop(future)
        try:
            yield future.result()
        except Exception as exc:  # the worker itself failed (killed, unreachable)
            yield Result(job, (), (_unexpected(job, exc),))


def _unexpected(job: Job, exc: BaseException) -> Problem:
    return Problem(f"lỗi không mong đợi: {type(exc).__name__}: {exc}", str(job.source))
