"""Render the seed-003 plan many times in one process; compare with a raw docxtpl render (the floor).

    python benchmarks/bench_render.py [--n 200]

The floor is what docxtpl alone costs for the same template with a context already built:
open the template, render, save. The library must cost no more (ratio <= 1.0) while also
validating the input and building the context, because it parses and compiles each template once.
A last row renders the annual report example, which also reads its plan, evaluates its `{{ … }}`
figures and adds a results phụ lục, against the same floor.
"""

from __future__ import annotations

import argparse
import io
import time
from pathlib import Path

from docxtpl import DocxTemplate

import ccch_docs
from ccch_docs import context, engine, source

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
REPORT = ROOT / "examples" / "bao-cao-cchc-2021-dong-thap.yaml"


def per_doc_ms(fn, n: int) -> float:
    fn()  # warm-up: imports, first compile
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) * 1000 / n


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    n = ap.parse_args().n

    doc = ccch_docs.load(EXAMPLE)
    template = ccch_docs.api.templates_of(doc).find(doc.type.mau)
    ctx = context.build(doc.van_ban)
    env = engine.environment()
    src = source.load_path(EXAMPLE)

    def floor() -> None:
        tpl = DocxTemplate(template)
        tpl.render(ctx, jinja_env=env, autoescape=True)
        tpl.save(io.BytesIO())

    def library_from_data() -> None:
        ccch_docs.render(ccch_docs.from_dict(dict(src.data), base_dir=EXAMPLE.parent))

    def library_from_file() -> None:
        ccch_docs.render(ccch_docs.load(EXAMPLE))

    def library_render_only() -> None:
        ccch_docs.render(doc)

    def library_report() -> None:
        ccch_docs.render(ccch_docs.load(REPORT))

    base = per_doc_ms(floor, n)
    rows = [("raw docxtpl, prepared context (floor)", base),
            ("library: validate dict + context + render", per_doc_ms(library_from_data, n)),
            ("library: read YAML file + validate + render", per_doc_ms(library_from_file, n)),
            ("library: render a validated document", per_doc_ms(library_render_only, n)),
            ("library: report file + its plan + figures + render", per_doc_ms(library_report, n))]
    print(f"{EXAMPLE.name}, {n} renders each, {EXAMPLE.stat().st_size} bytes of YAML")
    for name, ms in rows:
        print(f"{name:48s} {ms:8.2f} ms/doc  {ms / base:5.2f}x floor")


if __name__ == "__main__":
    main()
