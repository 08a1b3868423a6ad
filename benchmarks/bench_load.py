"""A phụ lục of 5,000 and 20,000 rows read from a YAML file: loading, and loading + rendering, side by side
with PyYAML's safe loader on the same text and with raw docxtpl rendering the same table from a prepared context.

    python benchmarks/bench_load.py [--repeat 2]

Goals: load + render of 20,000 rows at most 0.4x raw docxtpl; 5,000 -> 20,000 rows at most 4.2x; the peak
memory of that render at most raw docxtpl's.
Times are the CPU time of this process, best of `--repeat`, each after a full collection, so that other
work on a shared machine and the garbage of the previous measurement weigh as little as they can. Memory is
the peak resident size of a fresh process doing one of the two renders (and what it grew by from its start,
the libraries imported and, for the library, the template compiled).
"""

from __future__ import annotations

import argparse
import functools
import io
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench_phu_luc import BASE, COLUMNS, best_ms, docxtpl_template
from docxtpl import DocxTemplate

import ccch_docs
from ccch_docs.yamlio import dump_yaml, parse_yaml

# CPU time: the figures of a busy machine stay comparable within one run.
cpu_ms = functools.partial(best_ms, clock=time.process_time)

SIZES = (5000, 20000)


def rows(n: int) -> list[dict[str, str]]:
    """Rows of short cells (a 20,000-row file stays under the 10 MB a file may have), one money figure each."""
    return [{k: (f"{i * 1000}" if k == "kinh_phi" else f"{k.split('_')[0].capitalize()} {i}") for k in COLUMNS}
            for i in range(1, n + 1)]


def raw_render(template: Path, data: list[dict[str, str]]) -> None:
    """Raw docxtpl: the context prepared from the rows, the row-loop template rendered and saved."""
    context = {"rows": [{"stt": str(i), **r} for i, r in enumerate(data, start=1)]}
    tpl = DocxTemplate(template)
    tpl.render(context, autoescape=True)
    tpl.save(io.BytesIO())


def peak_mb() -> float:
    """The peak resident size of this process so far, in MB (VmHWM: unlike ru_maxrss, not the parent's across exec)."""
    with open("/proc/self/status") as fh:
        return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:")) / 1024


def memory(which: str, path: Path, template: Path, n: int) -> None:
    """In a fresh process: one render, then its peak resident size and its growth over the size before it."""
    if which == "library":
        ccch_docs.render(ccch_docs.from_dict(BASE))  # the template compiled, as for the times
        start = peak_mb()
        ccch_docs.render(ccch_docs.load(path))
    else:
        data = rows(n)
        start = peak_mb()
        raw_render(template, data)
    print(peak_mb(), peak_mb() - start)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--memory", nargs=4, metavar=("WHICH", "YAML", "TEMPLATE", "ROWS"), help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.memory:
        which, path, template, n = args.memory
        return memory(which, Path(path), Path(template), int(n))
    repeat = args.repeat
    peaks: dict[str, tuple[float, float]] = {}
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        template = docxtpl_template(Path(tmp))
        ccch_docs.render(ccch_docs.from_dict(BASE))  # warm the template cache, as a long-running process would
        for n in SIZES:
            data = rows(n)
            path = Path(tmp) / f"ke-hoach-{n}.yaml"
            path.write_text(dump_yaml({**BASE, "phu_luc": [
                {"tieu_de": "Các nhiệm vụ cụ thể", "cot": "ke_hoach_8_cot", "danh_so": {"nhom": "1.", "dong": "1"},
                 "nhom": [{"ten": "Nhiệm vụ", "dong": data}]}]}), "utf-8")
            text = path.read_text("utf-8")

            def raw(data: list[dict[str, str]] = data) -> None:
                raw_render(template, data)

            results[n] = {
                "library: parse YAML with places": cpu_ms(lambda text=text, path=path: parse_yaml(text, str(path)),
                                                           repeat),
                "library: load (parse + validate)": cpu_ms(lambda path=path: ccch_docs.load(path), repeat),
                "library: load + render": cpu_ms(lambda path=path: ccch_docs.render(ccch_docs.load(path)), repeat),
                "PyYAML safe_load (libyaml)": cpu_ms(lambda text=text: yaml.load(text, Loader=loader), repeat),
                "raw docxtpl, prepared context": cpu_ms(raw, repeat),
            }
        for which in ("docxtpl", "library"):
            command = [sys.executable, __file__, "--memory", which, str(path), str(template), str(SIZES[-1])]
            out = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split()
            peaks[which] = (float(out[0]), float(out[1]))
    floor = "raw docxtpl, prepared context"
    print(f"{'':34}" + "".join(f"{n:>10,} rows   vs docxtpl" for n in SIZES))
    for what in sorted(results[SIZES[0]], key=lambda w: w != floor):
        print(f"{what:34}" + "".join(f"{results[n][what]:12.0f} ms {results[n][what] / results[n][floor]:9.2f}x"
                                     for n in SIZES))
    small, big = (results[n] for n in SIZES)
    for what in ("library: load (parse + validate)", "library: load + render"):
        print(f"growth {SIZES[0]:,} -> {SIZES[1]:,} rows, {what}: {big[what] / small[what]:.2f}x (linear is 4x)")
    print(f"parse with places / PyYAML safe_load, {SIZES[1]:,} rows: "
          f"{big['library: parse YAML with places'] / big['PyYAML safe_load (libyaml)']:.2f}x")
    (lib, lib_growth), (raw, raw_growth) = peaks["library"], peaks["docxtpl"]
    print(f"peak memory, {SIZES[-1]:,} rows, fresh process: library load + render {lib:.0f} MB (+{lib_growth:.0f} MB), "
          f"raw docxtpl {raw:.0f} MB (+{raw_growth:.0f} MB): {lib / raw:.2f}x ({lib_growth / raw_growth:.2f}x grown)")


if __name__ == "__main__":
    main()
