"""A phụ lục of 5,000 and 20,000 rows read from a YAML file: loading, and loading + rendering, side by side
with PyYAML's safe loader on the same text and with raw docxtpl rendering the same table from a prepared context.

    python benchmarks/bench_load.py [--repeat 2]

Goals: load + render of 20,000 rows at most 0.4x raw docxtpl; 5,000 -> 20,000 rows at most 4.2x.
Times are the CPU time of this process, best of `--repeat`, each after a full collection, so that other
work on a shared machine and the garbage of the previous measurement weigh as little as they can.
"""

from __future__ import annotations

import argparse
import functools
import io
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=2)
    repeat = ap.parse_args().repeat
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
            context = {"rows": [{"stt": str(i), **r} for i, r in enumerate(data, start=1)]}

            def raw(context: dict = context) -> None:
                tpl = DocxTemplate(template)
                tpl.render(context, autoescape=True)
                tpl.save(io.BytesIO())

            results[n] = {
                "library: parse YAML with places": cpu_ms(lambda text=text, path=path: parse_yaml(text, str(path)),
                                                           repeat),
                "library: load (parse + validate)": cpu_ms(lambda path=path: ccch_docs.load(path), repeat),
                "library: load + render": cpu_ms(lambda path=path: ccch_docs.render(ccch_docs.load(path)), repeat),
                "PyYAML safe_load (libyaml)": cpu_ms(lambda text=text: yaml.load(text, Loader=loader), repeat),
                "raw docxtpl, prepared context": cpu_ms(raw, repeat),
            }
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


if __name__ == "__main__":
    main()
