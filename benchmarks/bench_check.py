"""Check rendered documents many times in one process; compare with merely opening them with python-docx.

    python benchmarks/bench_check.py [--n 100] [--batch 1000]

The baseline is `docx.Document(path)`: opening the same file with python-docx, reading nothing; a
second column also walks the body paragraphs' runs with python-docx (direct formatting only, no
tables, no style inheritance), the least a checker built on it would do.
`check` reads every paragraph with its formatting after style inheritance, finds the parts and
runs every rule; it must cost less than 0.3 s for a 10-page document. The seed-003 plan renders to
12 pages (LibreOffice), the seed-004 decision with its issued plan and phụ lục to 16. A last row
checks a batch of `--batch` documents (the examples in turn) and gives documents per second.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import docx

import ccch_docs
from ccch_docs import checks

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
DECISION = ROOT / "examples" / "quyet-dinh-3484-vinh-long.yaml"


def per_doc_ms(fn, n: int) -> float:
    fn()  # warm-up: imports, caches
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) * 1000 / n


def read_runs(path: Path) -> None:
    """python-docx reading what a checker needs at the least: every body paragraph's runs, fonts and sizes."""
    d = docx.Document(str(path))
    for p in d.paragraphs:
        for r in p.runs:
            _ = (r.text, r.font.name, r.font.size, r.bold, r.italic, p.style.name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--batch", type=int, default=1000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for example in sorted((ROOT / "examples").glob("*.yaml")):
            files[example.stem] = Path(tmp) / f"{example.stem}.docx"
            ccch_docs.render(ccch_docs.load(example), files[example.stem])
        print("| document | python-docx open (baseline) | python-docx open + read runs | check | check / open "
              "| check / open + runs |")
        print("|---|---|---|---|---|---|")
        for name in (PLAN.stem, DECISION.stem):
            path = files[name]
            base = per_doc_ms(lambda path=path: docx.Document(str(path)), args.n)
            runs = per_doc_ms(lambda path=path: read_runs(path), args.n)
            own = per_doc_ms(lambda path=path: checks.check(path), args.n)
            print(f"| {name} | {base:.1f} ms | {runs:.1f} ms | {own:.1f} ms | {own / base:.2f}× | {own / runs:.2f}× |")
        paths = list(files.values())
        start = time.perf_counter()
        for k in range(args.batch):
            assert checks.check(paths[k % len(paths)]).error is None
        took = time.perf_counter() - start
        print(f"\nbatch: {args.batch} documents in {took:.1f} s ({args.batch / took:.0f} documents/s)")


if __name__ == "__main__":
    main()
