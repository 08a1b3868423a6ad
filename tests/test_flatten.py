"""Reading any .docx: parts written by other tools, unusual but valid, are read rather than failing."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable

import docx

from ccch_docs import flatten


def _numbered_docx(change: Callable[[str, bytes], bytes]) -> bytes:
    """Two paragraphs in Word's numbered list style, with each part passed through `change`."""
    d = docx.Document()
    d.add_paragraph("Một", style="List Number")
    d.add_paragraph("Hai", style="List Number")
    buf = io.BytesIO()
    d.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as z, zipfile.ZipFile(out, "w") as w:
        for name in z.namelist():
            w.writestr(name, change(name, z.read(name)))
    return out.getvalue()


def test_a_list_level_without_its_start_value_counts_from_one():
    def no_start(name: str, data: bytes) -> bytes:
        return re.sub(rb'<w:start w:val="\d+"/>', b"<w:start/>", data) if name == "word/numbering.xml" else data
    assert [p.text for p in flatten.read(io.BytesIO(_numbered_docx(no_start))).paras] == ["1. Một", "2. Hai"]


def test_a_processing_instruction_among_run_properties_is_skipped():
    def with_pi(name: str, data: bytes) -> bytes:
        return data.replace(b"<w:rPr>", b"<w:rPr><?editor note?>") if name == "word/styles.xml" else data
    assert b"<?editor note?>" in _numbered_docx(with_pi)
    assert [p.text for p in flatten.read(io.BytesIO(_numbered_docx(with_pi))).paras] == ["1. Một", "2. Hai"]
