"""Emoji and pictographs, which Times New Roman has no glyph for (a PDF drops them or prints another font's): refused
in the input at their line, column and key with the character and its code points (CCHC-E639), and flagged by
`check` in a .docx (font.glyph); the letters, punctuation and signs documents use stay."""

from __future__ import annotations

import json

import pytest
from docx import Document

import ccch_docs
from ccch_docs import checks, cli
from ccch_docs.formats.text import GLYPHLESS
from ccch_docs.messages import speaking
from samples import PLAN

EMOJI = {"😀": "U+1F600", "✅": "U+2705", "👉": "U+1F449", "⭐": "U+2B50", "☎\ufe0f": "U+260E U+FE0F",
         "👍🏽": "U+1F44D U+1F3FD", "👨\u200d👩\u200d👧": "U+1F468 U+200D U+1F469 U+200D U+1F467", "🇻🇳": "U+1F1FB U+1F1F3",
         # a symbol font's own code pasted from Word (Wingdings' ☎, ✓), and the rest of the private-use area
         "\uf028": "U+F028", "\uf0fc": "U+F0FC", "\ue000": "U+E000", "\uf8ff": "U+F8FF"}
KEPT = "Kế hoạch Đồng Tháp – — “ ” ‘ ’ … № ° ± × ÷ → ← ↑ ↓ ⇒ ↔ ≤ ≥ ≈ ‰ • · ½ ™ © ® € ₫ ─ │ ■ □ ▲ ● ◊ ☺ ♥ ♪ ‹ › « »"
HEAD = "loai: ke_hoach\nluu: VT\n"


@pytest.mark.parametrize("emoji", list(EMOJI))
def test_an_emoji_is_refused_at_its_line_column_and_key(emoji):
    text = f"{HEAD}trich_yeu: Kế hoạch tuyên truyền {emoji} năm 2024\n"
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="kh.yaml")
    [problem] = [p for p in info.value.problems if p.code == "CCHC-E639"]
    assert (problem.file, problem.line, problem.column, problem.key) == ("kh.yaml", 3, 34, "trich_yeu")
    assert problem.message == (f"ký tự {emoji} ({EMOJI[emoji]}) không có trong phông Times New Roman của văn bản")
    assert problem.hint and "Times New Roman" in problem.hint
    with speaking("en"):
        shown = str(problem)
    assert shown == (f"kh.yaml:3:34: trich_yeu: the character {emoji} ({EMOJI[emoji]}) is not in the document's font, "
                     "Times New Roman (hint: remove it or write it in words: official documents are set in Times New "
                     "Roman, with no symbols or emoji) [CCHC-E639]")


def test_each_value_with_one_is_named_in_a_block_a_list_or_an_escape():
    """Every value is reported at once, each at its character (on its own line inside a folded block), or at the
    value when a double-quoted escape wrote it; an emoji in a comment is no fault."""
    text = (f"{HEAD}# ghi chú 😀 không in ra\ntrich_yeu: >-\n  Kế hoạch tuyên truyền\n  năm 2024 ⭐\n"
            "noi_nhan:\n  - UBND huyện\n  - \"Sở Nội vụ \\U0001F449\"\n")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(text, name="kh.yaml")
    found = [(p.line, p.column, p.key, p.message.split(" (")[0]) for p in info.value.problems if p.code == "CCHC-E639"]
    assert found == [(6, 12, "trich_yeu", "ký tự ⭐"), (9, 5, "noi_nhan[1]", "ký tự 👉")]


@pytest.mark.parametrize("glyph,code", [("✅", "U+2705"), ("\uf0fc", "U+F0FC")])
def test_data_in_memory_is_refused_too(glyph, code):
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**PLAN, "noi_nhan": [f"UBND huyện {glyph}"]})
    [problem] = info.value.problems
    assert (problem.key, problem.code) == ("noi_nhan[0]", "CCHC-E639") and code in problem.message


def test_letters_punctuation_and_signs_of_documents_stay(tmp_path):
    assert GLYPHLESS.search(KEPT) is None
    doc = ccch_docs.from_dict({**PLAN, "loai": "bao_cao", "trich_yeu": KEPT})  # a plan's would lose its `Kế hoạch`
    ccch_docs.render(doc, tmp_path / "kh.docx")
    assert KEPT in [p.text for p in Document(tmp_path / "kh.docx").paragraphs]
    assert not [f for f in checks.check(tmp_path / "kh.docx").findings if f.code == "font.glyph"]


def test_check_flags_them_in_a_docx(rendered, tmp_path, capsys):
    """Typed into a rendered plan in Word: each emoji is a violation at its paragraph (the page header's too), with
    its code points and a hint, in the text, JSON and HTML reports."""
    src = rendered["ke-hoach-cchc-2021-dong-thap"]
    doc = Document(src)
    body = next(p for p in doc.paragraphs if len(p.text) > 80 and p.runs)
    body.runs[-1].text += " 👉 ☎\ufe0f"
    header = next(p for s in doc.sections for p in s.header.paragraphs if p.runs)
    header.runs[-1].text += "😀"
    doc.save(tmp_path / "kh.docx")
    report = checks.check(tmp_path / "kh.docx")
    glyphs = {f.found[0]: f for f in report.violations if f.code == "font.glyph"}
    assert set(glyphs) == {"👉 (U+1F449)", "☎\ufe0f (U+260E U+FE0F)", "😀 (U+1F600)"}
    assert glyphs["😀 (U+1F600)"].where[0].header and glyphs["👉 (U+1F449)"].where[0].paragraph
    assert glyphs["👉 (U+1F449)"].hint[1].startswith("remove it or write it in words")
    assert cli.main(["check", str(tmp_path / "kh.docx")]) == 1
    out = capsys.readouterr().out
    assert "font.glyph  ký tự: có 👉 (U+1F449); cần chữ có trong phông Times New Roman" in out
    assert "(gợi ý: xóa hoặc viết thành chữ" in out
    assert cli.main(["--lang", "en", "check", "--json", str(tmp_path / "kh.docx")]) == 1
    data = json.loads(capsys.readouterr().out)[0]["findings"]
    assert {f["found"] for f in data if f["code"] == "font.glyph"} == set(glyphs)
    page = tmp_path / "r.html"
    assert cli.main(["check", str(tmp_path / "kh.docx"), "--html", str(page)]) == 1
    assert "<td>😀 (U+1F600)</td>" in page.read_text("utf-8")
    assert not [f for f in checks.check(src).findings if f.code == "font.glyph"]
