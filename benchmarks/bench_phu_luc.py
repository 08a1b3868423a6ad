"""Phụ lục of 500, 2,000 and 5,000 rows: the library against a hand-rolled docxtpl `{%tr for %}` template.

    python benchmarks/bench_phu_luc.py [--repeat 3]

Both render the same rows (label + the 7 columns of the `ke_hoach_8_cot` preset) into a .docx in
memory. The library's time includes validating the input and building the context. Goals: 5,000
rows in at most 0.5x the docxtpl time, and growth linear (5,000 rows <= 11x the 500-row time).
"""

from __future__ import annotations

import argparse
import gc
import io
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx
from docxtpl import DocxTemplate

import ccch_docs
from ccch_docs.presets import PRESETS

ROOT = Path(__file__).resolve().parent.parent
COLUMNS = [k for k, _, _ in PRESETS["ke_hoach_8_cot"]]
BASE = {"loai": "ke_hoach", "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "viet_tat": "UBND"},
        "dia_danh": "Đồng Tháp", "so": 285, "ngay": "2020-12-05", "trich_yeu": "Cải cách hành chính năm 2021",
        "noi_dung": [{"tieu_de": "NHIỆM VỤ CỤ THỂ", "doan": "(Phụ lục đính kèm)"}], "noi_nhan": ["Bộ Nội vụ"],
        "luu": "VT", "nguoi_ky": {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn Dương"}}


def rows(n: int) -> list[dict[str, str]]:
    return [{k: f"{k.replace('_', ' ').capitalize()} của nhiệm vụ số {i} ở tỉnh Đồng Tháp" for k in COLUMNS}
            for i in range(1, n + 1)]


def docxtpl_template(folder: Path) -> Path:
    """A hand-rolled row-loop template, as a docxtpl user would write it."""
    d = docx.Document()
    t = d.add_table(rows=4, cols=len(COLUMNS) + 1)
    t.style = "Table Grid"
    for c, name in zip(t.rows[0].cells, ["Số TT"] + COLUMNS, strict=True):
        c.text = name
    t.rows[1].cells[0].text = "{%tr for r in rows %}"
    t.rows[2].cells[0].text = "{{ r.stt }}"
    for c, key in zip(t.rows[2].cells[1:], COLUMNS, strict=True):
        c.text = "{{ r." + key + " }}"
    t.rows[3].cells[0].text = "{%tr endfor %}"
    path = folder / "row-loop.docx"
    d.save(path)
    return path


def best_ms(fn: Callable[[], object], repeat: int, clock: Callable[[], float] = time.perf_counter) -> float:
    """The best of `repeat` runs of `fn`, in milliseconds of `clock`, each run after a full collection."""
    times = []
    for _ in range(repeat):
        gc.collect()
        start = clock()
        fn()
        times.append((clock() - start) * 1000)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    repeat = ap.parse_args().repeat
    with tempfile.TemporaryDirectory() as tmp:
        template = docxtpl_template(Path(tmp))
        ccch_docs.render(ccch_docs.from_dict(BASE))  # warm the template cache, as a long-running process would
        results = {}
        for n in (500, 2000, 5000):
            data = rows(n)
            context = {"rows": [{"stt": str(i), **r} for i, r in enumerate(data, start=1)]}

            def raw(context: dict = context) -> None:
                tpl = DocxTemplate(template)
                tpl.render(context, autoescape=True)
                tpl.save(io.BytesIO())

            def library(data: list = data) -> None:
                doc = ccch_docs.from_dict({**BASE, "phu_luc": [
                    {"tieu_de": "Các nhiệm vụ cụ thể", "cot": "ke_hoach_8_cot", "danh_so": {"nhom": "1.", "dong": "1"},
                     "nhom": [{"ten": "Nhiệm vụ", "dong": data}]}]})
                ccch_docs.render(doc)

            results[n] = (best_ms(raw, repeat), best_ms(library, repeat))
    print(f"{'rows':>6} {'docxtpl row loop':>18} {'library':>10} {'library/docxtpl':>16} {'ms/row lib':>11}")
    for n, (raw_ms, lib_ms) in results.items():
        print(f"{n:6d} {raw_ms:15.0f} ms {lib_ms:7.0f} ms {lib_ms / raw_ms:15.2f}x {lib_ms / n:11.4f}")
    growth = results[5000][1] / results[500][1]
    print(f"library growth 500 -> 5,000 rows: {growth:.1f}x (linear is 10x)")


if __name__ == "__main__":
    main()
