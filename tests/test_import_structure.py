"""`import` keeps a document's structure: every example comes back as the same validated document (parts, titles,
labels, `cung_dong`, tables; tests/carried.py says what a .docx cannot carry), and headings a clerk formats by
hand come back as headings."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest

import ccch_docs
from carried import carried
from ccch_docs import flatten, import_yaml, importer
from ccch_docs.decree import numbering
from conftest import EXAMPLES, INPUTS


def imported(source: bytes) -> ccch_docs.Document:
    """The .docx imported, written as YAML and loaded again."""
    return ccch_docs.loads(import_yaml.text(importer.read(io.BytesIO(source))), name="nhap.yaml")


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_imports_as_the_same_document(example, rendered):
    printed = rendered[example.stem].read_bytes()
    assert carried(imported(printed), printed) == carried(ccch_docs.load(example), printed)


def test_a_draft_decision_issuing_a_quy_dinh_in_chuong_and_muc_imports_as_the_same_document():
    """A draft Quyết định (places left to fill), issuing a Quy định whose Chương I holds Điều directly beside Chương
    divided into Mục, footnotes marked in the Quy định: the YAML written was refused (the draft's `(… …)`, the notes
    given to the decision, not to the Quy định where they are marked), and the Mục came back as forced Điều."""
    source = ccch_docs.load(INPUTS / "du-thao-quyet-dinh-quy-dinh-danh-gia-cchc-hau-giang.yaml")
    printed = ccch_docs.render(source)
    data = importer.read(io.BytesIO(printed)).data
    assert data["du_thao"] is True and "chu_thich" not in data
    issued = data["kem_theo"]
    assert list(issued["chu_thich"]) == ["1", "2"]
    assert issued["danh_so"]["cap"] == ["Chương", "Mục", "Điều", "1.", "a)"]
    assert [m["tieu_de"] for m in issued["noi_dung"][1]["muc"]] == ["TIÊU CHÍ VÀ THANG ĐIỂM", "QUY TRÌNH ĐÁNH GIÁ"]
    assert carried(imported(printed), printed) == carried(source, printed)


def test_a_rate_columns_total_comes_back_computed_from_the_columns_it_is_the_rate_of():
    """A report's table under a two-level heading, its rate column declared (`ti_le`): its total, the rate of the
    totals (99,87%), was lost on import, the rate column read back as typed cells with an empty total."""
    source = ccch_docs.load(INPUTS / "bao-cao-giai-quyet-tthc-quy-i-2025-huyen-phung-hiep.yaml")
    printed = ccch_docs.render(source)
    (block,) = importer.read(io.BytesIO(printed)).data["noi_dung"][0]["muc"][0]["doan"][1:2]
    rate = block["bang"]["cot"][-1]
    assert rate["ti_le"] == {"tu_so": ["truoc_han", "dung_han"], "mau_so": "tong_so_tiep_nhan", "so_le": 2}
    again = ccch_docs.render(imported(printed))
    total = [r for t in docx.Document(io.BytesIO(again)).tables for r in t.rows if r.cells[0].text == "Tổng cộng"]
    assert [c.text for c in total[0].cells][2:] == ["12.797", "11.930", "850", "17", "99,87%"]
    assert carried(imported(printed), printed) == carried(source, printed)


_HEAD = ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN X\tĐộc lập - Tự do - Hạnh phúc",
         "Số: 7/KH-UBND\tX, ngày 5 tháng 3 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2025", "Mở đầu.")
_FOOT = ("Trên đây là kế hoạch./.", "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "CHỦ TỊCH", "Trần Văn B")
# A clerk's plan, each line as its runs: (text, look) with look "b" bold, "i" italic, "strong" Word's Strong style.
_CLERK = [
    [("I. NHIỆM VỤ", "b")],
    [("1. Cải cách thủ tục hành chính", "b")],
    [("1.1. Rà soát thủ tục hành chính", "b")],  # typed by hand, bold set on the line
    [("Rà soát các thủ tục thuộc thẩm quyền.", "")],
    [("1.2. ", ""), ("Kiểm soát thủ tục", "strong")],  # bold through a character style, the label plain
    [("Kiểm soát chặt chẽ.", "")],
    [("1.3. Lộ trình thực hiện", "b"), (": Năm 2025 - 2026.", "")],  # run in, the colon outside the bold run
    [("1.4. Chỉ tiêu:", "i"), (" Tỷ lệ hồ sơ đúng hạn đạt ", ""), ("98%", "b"), (".", "")],  # run in, italic
    [("1.5. ", ""), ("Lưu ý:", "b"), (" không áp dụng cho cấp xã.", "")],  # a plain label: emphasis in the text
    [("1.6. Kiểm tra, đánh giá", "i")],  # a title in italic, its label too
    [("Kiểm tra định kỳ.", "")],
]
_CLERK_PARTS = [{"tieu_de": "NHIỆM VỤ", "muc": [{"tieu_de": "Cải cách thủ tục hành chính", "muc": [
    {"tieu_de": "Rà soát thủ tục hành chính", "doan": "Rà soát các thủ tục thuộc thẩm quyền."},
    {"tieu_de": "Kiểm soát thủ tục", "doan": "Kiểm soát chặt chẽ."},
    {"tieu_de": "Lộ trình thực hiện:", "cung_dong": True, "doan": "Năm 2025 - 2026."},
    {"tieu_de": "Chỉ tiêu:", "cung_dong": True, "doan": "Tỷ lệ hồ sơ đúng hạn đạt **98%**."},
    {"doan": "**Lưu ý:** không áp dụng cho cấp xã."},
    {"tieu_de": "Kiểm tra, đánh giá", "doan": "Kiểm tra định kỳ."}]}]}]


def _clerk_plan(path: Path | io.BytesIO, lines: list[list[tuple[str, str]]] = _CLERK) -> Path | io.BytesIO:
    d = docx.Document()
    for line in _HEAD:
        d.add_paragraph(line)
    for runs in lines:
        p = d.add_paragraph()
        for text, look in runs:
            run = p.add_run(text)
            run.bold, run.italic = look == "b" or None, look == "i" or None
            if look == "strong":
                run.style = d.styles["Strong"]
    for line in _FOOT:
        d.add_paragraph(line)
    d.save(path)
    return path


def test_headings_a_clerk_formats_by_hand(tmp_path):
    data = importer.read(_clerk_plan(tmp_path / "kh.docx")).data
    assert data["noi_dung"] == _CLERK_PARTS
    assert data["danh_so"] == {"cap": ["I.", "1.", "1.1."]} and data["ket_thuc"] == "Trên đây là kế hoạch./."


def test_run_in_headings_print_on_one_line_and_read_back_the_same(tmp_path):
    first = importer.read(_clerk_plan(tmp_path / "kh.docx"))
    printed = ccch_docs.render(ccch_docs.loads(import_yaml.text(first), name="kh.yaml"))
    paras = {p.text: p for p in flatten.read(io.BytesIO(printed)).paras}
    line = paras["1.3. Lộ trình thực hiện: Năm 2025 - 2026."]  # the look of 1. titles: label and title bold
    assert [(r.text, r.bold, r.italic) for r in line.runs if r.text.strip()] == [
        ("1.3. ", True, False), ("Lộ trình thực hiện:", True, False), ("Năm 2025 - 2026.", False, False)]
    assert all(r.bold and not r.italic for r in paras["1.1. Rà soát thủ tục hành chính"].runs)
    assert importer.read(io.BytesIO(printed)).data == first.data


def test_a_long_list_of_siblings_imports_in_linear_time(monkeypatch):
    """Whether each sibling's label is forced is learnt in one pass over the list: the labels numbering computes
    grow with the siblings, not with their square."""
    calls = 0
    label = numbering.label

    def counted(*args, **kwargs):
        nonlocal calls
        calls += 1
        return label(*args, **kwargs)

    monkeypatch.setattr(numbering, "label", counted)
    made = {}
    for n in (1000, 4000):
        plan = _clerk_plan(io.BytesIO(), [[("I. NHIỆM VỤ", "b")], *([(f"- Việc thứ {k};", "")] for k in range(n))])
        calls = 0
        data = importer.read(plan).data
        made[n] = calls
        assert data["danh_so"] == {"cap": ["I.", "-"]}
        assert data["noi_dung"][0]["muc"][-1] == {"doan": f"Việc thứ {n - 1};"}
    assert made[4000] < 5 * made[1000]
