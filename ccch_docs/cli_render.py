"""The render command: its inputs (files, folders, patterns), its outputs (-o FILE, DIR/, -), progress and summary."""

from __future__ import annotations

import argparse
import glob
import os
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import pdf
from .batch import Job, Result, render_many, run_each, worker_count
from .cli import TEXTS, YAML, written
from .errors import CchcError, InputError, Problem, TargetError, did_you_mean, on_one_line, unreadable_folder
from .messages import MANY_HINT, code_of, in_notation
from .output import Outputs, file_in_the_way
from .signals import raise_if_arrived
from .source import Parsed, parse_path

if TYPE_CHECKING:
    from tqdm import tqdm

# The scan of a folder for unit profiles keeps the parses of its first documents, up to this many bytes of YAML
# (some five times as much memory), for their render; a document after those is parsed again.
KEEP_BYTES = 4_000_000


def run(args: argparse.Namespace, t: dict[str, str]) -> int:
    """Render every input; 0 when all were written, 2 when an input was bad, 1 when something else failed. This
    process's LibreOffice, if one was started, is stopped before the command ends (stopped too: Ctrl-C, SIGTERM)."""
    try:
        return _render(args, t)
    finally:
        pdf.close()


def _render(args: argparse.Namespace, t: dict[str, str]) -> int:
    pdf.seconds(args.pdf_timeout, "--pdf-timeout")
    wanted = worker_count(args.jobs, "-j")
    sources, problems = inputs(args.sources)
    if args.output == "-":
        skip_profiles(sources, args.sources, t)
        if len(sources) + len(problems) != 1:
            raise InputError([Problem(TEXTS["stdout_one"], "-o -", hint=TEXTS["stdout_one_hint"])])
        return _to_stdout(sources[0], _folders(args.templates), _folders(args.roots), args) if sources \
            else _report(problems)
    if args.output is not None:
        _refuse_file_as_folder(args.output)
    progress = Progress(t)
    jobs = _jobs(sources, problems, args, progress)
    workers = min(wanted, max(len(sources), 1))
    # One worker renders in this process (no start-up cost); a pool's workers start (and import what a render
    # needs) while `jobs` reads the inputs. Both stop at a full disk; stopped (Ctrl-C, SIGTERM), the pool is shut
    # down, its workers done with their job, before the command ends.
    with closing(run_each(jobs) if workers == 1 else render_many(jobs, workers=workers)) as results:
        for result in results:
            progress.done(result)
            raise_if_arrived()
    return progress.close()


def _jobs(sources: list[Path], problems: list[Problem], args: argparse.Namespace,
          progress: Progress) -> Iterator[Job]:
    """The job of each source that is not a unit profile, once every output is known to be distinct (`progress`
    is told how many inputs there are, and of those that cannot be rendered), with its file as the scan for
    profiles parsed it, when it kept that (sent to a worker too: unpickling a parse costs a sixth of parsing)."""
    kept: dict[Path, Parsed] = {}
    skip_profiles(sources, args.sources, progress.t, kept)
    jobs = []
    taken = Outputs()
    templates, roots = _folders(args.templates), _folders(args.roots)
    for src in sources:
        job = _job(src, args.output, args.pdf, len(sources) + len(problems) > 1)
        outputs = [p for p in (job.docx, job.pdf) if p is not None]
        if os.path.abspath(src) in map(os.path.abspath, outputs):
            problems.append(Problem(TEXTS["over_input"], str(src), hint="chọn tệp kết quả khác (-o)"))
        elif taken.clash(outputs) is not None:
            problems.append(Problem(TEXTS["same_output"], str(src), hint=TEXTS["same_output_hint"]))
        else:
            jobs.append(replace(job, templates=templates, roots=roots, pdf_timeout=args.pdf_timeout))
    if any(job.pdf is not None for job in jobs):
        pdf.found("--pdf" if args.pdf else f"-o {args.output}")
    progress.start(len(jobs) + len(problems))
    for problem in problems:
        progress.failed([problem])
    yield from (replace(job, parsed=kept.pop(job.source, None)) for job in jobs)


def _folders(given: list[Path] | None) -> tuple[Path, ...] | None:
    return tuple(given) if given else None


def skip_profiles(sources: list[Path], named: list[str], t: dict[str, str],
                  kept: dict[Path, Parsed] | None = None) -> None:
    """Drop the unit profiles from `sources`, saying so (`kept` as `profiles` takes it)."""
    for profile in profiles(sources, named, kept):
        sources.remove(profile)
        print(t["skip_profile"].format(file=on_one_line(str(profile))), file=sys.stderr)


def inputs(args: list[str]) -> tuple[list[Path], list[Problem]]:
    """The YAML files named by `args` (a folder gives its .yaml files, a pattern its matches), each once."""
    found: dict[Path, None] = {}
    problems = []
    for arg in args:
        path = Path(arg)
        if os.path.isdir(path):  # False, not an error, for a path that cannot be looked at
            try:
                files = sorted(p for p in path.iterdir() if p.suffix.lower() in YAML and p.is_file())
            except OSError as exc:
                problems.append(unreadable_folder(arg, exc))
                continue
        elif _named(path):
            files = [path]
        elif any(c in arg for c in "*?["):  # a shell that does not expand patterns (Windows)
            files = sorted(p for p in map(Path, glob.glob(arg, recursive=True)) if p.is_file())
        else:
            problems.append(Problem(TEXTS["not_found"], arg, hint=_near(path)))
            continue
        if not files:
            problems.append(Problem(TEXTS["no_yaml"], arg, hint=TEXTS["no_yaml_hint"]))
        found.update(dict.fromkeys(files))
    return list(found), problems


def _near(path: Path) -> str:
    """The hint for a path that names nothing: the name in its folder whose stem is closest to its stem, if any
    (compared whole, every `.yaml` would look alike)."""
    import difflib
    try:
        names = {p.stem.casefold(): p.name for p in path.parent.iterdir()}
    except OSError:
        names = {}
    close = difflib.get_close_matches(path.stem.casefold(), names, n=1, cutoff=0.6)
    return did_you_mean(path.name, [names[c] for c in close], TEXTS["not_found_hint"]) or TEXTS["not_found_hint"]


def _named(path: Path) -> bool:
    """Whether `path` names something: a file, or one that cannot be looked at, a symlink loop … (its render then
    says why)."""
    try:
        path.lstat()
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        pass
    return True


def profiles(sources: list[Path], named: list[str], kept: dict[Path, Parsed] | None = None) -> list[Path]:
    """The unit profiles among `sources` found in a folder or by a pattern: a file without `loai` nor `ke_thua`, or
    one that another source names in `ke_thua`. A file named on the command line is always a document. `kept`
    takes the parse of each document, from the first, up to KEEP_BYTES of YAML, for its load to use."""
    given = {Path(os.path.abspath(arg)) for arg in named}
    if all(Path(os.path.abspath(src)) in given for src in sources):
        return []  # every file was named: all are documents, and none is read twice
    room = KEEP_BYTES
    read: dict[Path, tuple[bool, list[str]] | None] = {}  # what decides: not each file's whole parse
    for src in sources:
        parsed = _parsed(src)
        if parsed is None:
            read[src] = None
            continue
        top = parsed.source.data
        read[src] = (bool({"loai", "ke_thua"} & top.keys()), _names(top.get("ke_thua")))
        if kept is not None and parsed.size <= room:
            kept[src], room = parsed, room - parsed.size
    inherited = {Path(os.path.abspath(src.parent / name)) for src, top in read.items() if top for name in top[1]}
    found = [src for src, top in read.items() if Path(os.path.abspath(src)) not in given and top is not None
             and (Path(os.path.abspath(src)) in inherited or not top[0])]
    for src in found:
        (kept or {}).pop(src, None)
    return found


def _parsed(src: Path) -> Parsed | None:
    """`src` read and parsed as its load does; None when it cannot be (rendering then says why)."""
    try:
        return parse_path(src)
    except (OSError, CchcError):
        return None


def _names(value: Any) -> list[str]:
    """The files a `ke_thua` value names (one, or a list)."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


def _job(src: Path, output: str | None, pdf: bool, many: bool) -> Job:
    """Where `src`'s documents go: beside it, into a folder, or to the named file whose suffix decides the format."""
    if output is None:
        return Job.beside(src, with_pdf=pdf)
    if _is_folder(output):
        folder = Path(output)
        return Job(src, folder / f"{src.stem}.docx", folder / f"{src.stem}.pdf" if pdf else None)
    if many:
        raise InputError([Problem(TEXTS["many_to_file"], f"-o {output}", hint=MANY_HINT.format(out=output))])
    out = Path(output)
    if out.suffix.lower() == ".docx":
        return Job(src, out, out.with_suffix(".pdf") if pdf else None)
    if out.suffix.lower() == ".pdf":
        return Job(src, None, out)
    raise InputError([Problem(TEXTS["suffix"].format(suffix=out.suffix or out.name), f"-o {output}",
                              hint=TEXTS["suffix_hint"])])


def _is_folder(output: str) -> bool:
    """Whether -o `output` names a folder to write into (rather than the file to write)."""
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def _refuse_file_as_folder(output: str) -> None:
    """Refuse, before anything is rendered, an -o whose folder is a file or lies below one: each document's write
    would fail on it."""
    found = file_in_the_way(Path(output) if _is_folder(output) else Path(output).parent)
    if found is not None:
        raise TargetError([Problem(f"{found} là một tệp, không phải thư mục", f"-o {output}",
                                   hint="chọn thư mục khác cho -o, hoặc đổi tên tệp đang chiếm chỗ thư mục đó")])


def _to_stdout(src: Path, templates: tuple[Path, ...] | None, roots: tuple[Path, ...] | None,
               args: argparse.Namespace) -> int:
    from . import api
    if sys.stdout.isatty():  # a terminal shows bytes as garbage and may take them as commands
        raise TargetError([Problem("không in văn bản nhị phân ra cửa sổ dòng lệnh", "-o -",
                                   hint="chuyển đầu ra vào tệp: -o - > van-ban.docx, hoặc dùng -o van-ban.docx")])
    if args.pdf:
        pdf.found(str(src))
    data = api.render(api.load(src, templates=templates, roots=roots))
    if args.pdf:
        data = pdf.to_pdf(data, timeout=args.pdf_timeout, name=str(src))
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()
    return 0


def _report(problems: list[Problem]) -> int:
    print(InputError(problems), file=sys.stderr)
    return 2


class Progress:
    """A bar on a terminal, else one plain line a document; problems as they come; a summary for several inputs."""

    def __init__(self, t: dict[str, str]):
        self.t, self.total, self.count, self.bad, self.code = t, 0, 0, 0, 0
        self.disk_full = False  # a document found the disk full: the batch stops, one line says so
        self.start_time = time.perf_counter()
        self.bar: tqdm | None = None

    def start(self, total: int) -> None:
        """Expect `total` documents: a bar on a terminal when there are several."""
        self.total = total
        if total > 1 and sys.stderr.isatty():
            from tqdm import tqdm
            self.bar = tqdm(total=total, file=sys.stderr, unit=self.t["unit"], dynamic_ncols=True, leave=False)

    def done(self, result: Result) -> None:
        """Count one finished document and print what it wrote (a .docx even when its PDF failed), and its problems."""
        if self.bar is None:
            where = f"[{self.count + self.bad + 1}/{self.total}] " if self.total > 1 else ""
            for path in result.written:
                print(where + written(self.t, path), flush=True)
        if result.disk_full and self.disk_full:  # said once; counted among those not rendered
            self._advance()
            return
        self.disk_full |= result.disk_full
        if result.problems:
            self.failed(list(result.problems), result.bad_input)
            return
        self.count += 1
        self._advance()

    def failed(self, problems: list[Problem], bad_input: bool = True) -> None:
        """Count one document that failed and print its problems."""
        self.bad += 1
        self.code = 2 if bad_input or self.code == 2 else 1
        self._advance()
        text = str(InputError(problems) if bad_input else CchcError(problems))
        if self.bar is not None:
            self.bar.write(text, file=sys.stderr)
        else:
            print(text, file=sys.stderr, flush=True)

    def _advance(self) -> None:
        if self.bar is not None:
            self.bar.update()

    def close(self) -> int:
        """Print the summary, after the documents a full disk left not rendered; the exit code."""
        if self.bar is not None:
            self.bar.close()
        if self.disk_full and self.count + self.bad < self.total:
            print(f"{self.t['not_rendered'].format(n=in_notation(self.total - self.count - self.bad))} "
                  f"[{code_of(TEXTS['not_rendered'])}]", file=sys.stderr)
        if self.total > 1:
            print(self.t["summary"].format(n=in_notation(self.total), ok=in_notation(self.count),
                                           bad=in_notation(self.bad),
                                           seconds=in_notation(time.perf_counter() - self.start_time, 1)))
        return self.code
