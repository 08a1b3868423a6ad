"""Table rows as real documents shape them: group rows kept with their first row, group labels in the STT
column or across the row, cells merged across columns and down rows, figures counted in totals."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import ccch_docs
from docx_view import View, clean
from samples import PLAN

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ROWS = [{"noi_dung": f"Dòng {i} nội dung công việc"} for i in range(1, 4)]


def _table(danh_so: dict, nhom: list[dict], **extra) -> dict:
    return {"tieu_de": "Danh mục", "cot": [{"khoa": "noi_dung", "ten": "Nội dung"}], "danh_so": danh_so,
            "nhom": nhom, **extra}


def _rows(view: View) -> list:
    return view.appendix_tables()[0]._tbl.tr_lst


def _keeps(tr) -> list[bool]:
    return [p.find(f"{W}pPr/{W}keepNext") is not None for p in tr.iter(f"{W}p")]


@pytest.mark.parametrize("style", ["I.", "1."])
def test_every_paragraph_of_a_group_row_keeps_with_the_first_row(render_dict, style):
    view = render_dict({**PLAN, "phu_luc": [_table({"nhom": style, "dong": "1"}, [{"ten": "Cấp xã", "dong": ROWS}])]})
    header, group, *rows = _rows(view)
    assert clean("".join(group.itertext())).endswith("Cấp xã")
    assert len(_keeps(group)) >= (1 if style == "I." else 2) and all(_keeps(group))
    assert group.find(f"{W}trPr/{W}cantSplit") is not None
    assert not any(k for tr in rows for k in _keeps(tr))  # data rows break where they fall


def _pdf_pages(docx, tmp_path) -> list[list[str]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=300, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [[clean(x) for x in page.splitlines() if clean(x)] for page in text.split("\f")]


@pytest.mark.libreoffice
def test_libreoffice_never_leaves_a_group_row_alone_at_the_foot_of_a_page(tmp_path):
    # Phụ lục whose first group has 15 … 20 rows: in one of them (18 here) the second group's row falls
    # last on the page, unless it keeps with its first row.
    def appendix(n: int, style: str) -> dict:
        groups = [{"ten": f"Nhóm {g} của phụ lục {n}", "dong": [{"noi_dung": f"Dòng {g}.{i} nội dung công việc"}
                                                             for i in range(n if g == 1 else 3)]} for g in (1, 2)]
        return _table({"nhom": style, "dong": "1"}, groups)
    out = tmp_path / "nhom.docx"
    ccch_docs.render(ccch_docs.from_dict({**PLAN, "phu_luc": [appendix(n, s) for n in range(15, 21)
                                                              for s in ("1.", "I.")]}), out)
    pages = _pdf_pages(out, tmp_path)
    groups = [(page, i) for page in pages for i, x in enumerate(page) if re.match(r"(2\.|II\.) Nhóm 2 ", x)]
    assert len(groups) == 12
    assert all(i + 1 < len(page) and "Dòng 2.0" in page[i + 1] for page, i in groups), pages  # its first row below
    # the case the test is for occurred: a group row pushed to the next page (numbered 2), under the repeated header
    assert any(page[0] == "2" and i <= 4 for page, i in groups)
