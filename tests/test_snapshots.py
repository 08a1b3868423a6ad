"""Every example renders to the same text and formatting as recorded (paragraphs, runs, tables, sections, styles).

A deliberate change of the output is recorded with `CCHC_UPDATE_SNAPSHOTS=1 python -m pytest
tests/test_snapshots.py`; review the diff of tests/snapshots/ before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import EXAMPLES
from snapshot import dumps, snapshot

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_example_matches_snapshot(rendered, name):
    got = dumps(snapshot(rendered[name]))
    path = SNAPSHOTS / f"{name}.json"
    if os.environ.get("CCHC_UPDATE_SNAPSHOTS") == "1":
        path.write_text(got, "utf-8")
    assert path.exists(), f"no snapshot for {name}: run with CCHC_UPDATE_SNAPSHOTS=1"
    want = path.read_text("utf-8")
    if got != want:
        got_lines, want_lines = got.splitlines(), want.splitlines()
        first = next((i for i, (a, b) in enumerate(zip(got_lines, want_lines, strict=False)) if a != b),
                     min(len(got_lines), len(want_lines)))
        pytest.fail(f"{name} differs from its snapshot at line {first + 1}:\n"
                    f"  want: {want_lines[first] if first < len(want_lines) else '<end>'}\n"
                    f"  got:  {got_lines[first] if first < len(got_lines) else '<end>'}")


def test_snapshot_sees_a_change(rendered, tmp_path):
    """The comparison is not blind: a one-letter change of one run is a different snapshot."""
    import zipfile
    name = EXAMPLES[0].stem
    src = rendered[name]
    changed = tmp_path / "changed.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(changed, "w") as zout:
        for item in zin.namelist():
            data = zin.read(item)
            if item == "word/document.xml":
                data = data.replace("Nơi nhận".encode(), "Nơi nhậN".encode(), 1)
            zout.writestr(item, data)
    assert dumps(snapshot(changed)) != dumps(snapshot(src))
