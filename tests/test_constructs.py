"""Constructs of real documents beyond the seeds: grounds wording, captions, pack wording, report period."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile

import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

import ccch_docs
from ccch_docs.decree.presentation import PAGE
from ccch_docs.model import PhuLuc, body_tables
from conftest import make_pack
from docx_view import View, align, block_of, borderless, clean, toggle
from samples import DECISION, LETTER, PLAN

TABLE = {"tieu_de": "Danh mục nhiệm vụ", "cot": [{"khoa": "noi_dung", "ten": "Nội dung"}],
         "dong": [{"noi_dung": "Rà soát thủ tục hành chính"}]}


def _with_pack(tmp_path, pack_yaml: str, data: dict) -> View:
    folder = make_pack(tmp_path / "pack", pack_yaml)
    out = tmp_path / "pack.docx"
    ccch_docs.render(ccch_docs.from_dict(data, templates=[folder]), out)
    return View.open(out)


def _styled(view: View, style: str) -> list[str]:
    return [clean(p.text) for p in view.doc.paragraphs if p.style.style_id == style and clean(p.text)]


def test_grounds_written_in_full_are_printed_as_written(render_dict):
    view = render_dict({**DECISION, "can_cu": ["Luật A", "Theo đề xuất của Sở Tư pháp"],
                        "theo_de_nghi": "Xét đề nghị của Giám đốc Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề xuất của Sở Tư pháp;",
                                      "Xét đề nghị của Giám đốc Sở Nội vụ."]
    view = render_dict({**DECISION, "can_cu": ["Luật A"], "theo_de_nghi": "Theo đề xuất của Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề xuất của Sở Nội vụ."]
    view = render_dict({**DECISION, "can_cu": ["Luật A"], "theo_de_nghi": "Sở Nội vụ"})
    assert _styled(view, "CanCu") == ["Căn cứ Luật A;", "Theo đề nghị của Sở Nội vụ."]


def test_a_letters_appendix_caption_names_its_type(render_dict):
    view = render_dict({**LETTER, "phu_luc": [TABLE]})
    assert view.appendix_headings() == [["Phụ lục", "DANH MỤC NHIỆM VỤ",
                                         "(Kèm theo Công văn số 06/VPUBND-KSTTHC ngày 02/6/2022 của "
                                         "Văn phòng UBND tỉnh Đồng Tháp)"]]


def test_a_pack_chooses_the_appendix_heading_and_the_stt_label(render_dict, tmp_path):
    view = _with_pack(tmp_path, 'tu_ngu: {phu_luc: "PHỤ LỤC", so_tt: "STT"}\n', {**PLAN, "phu_luc": [TABLE, TABLE]})
    assert [h[0] for h in view.appendix_headings()] == ["PHỤ LỤC I", "PHỤ LỤC II"]
    assert View.table_rows(view.appendix_tables()[0])[0] == "STT | Nội dung"
    view = render_dict({**PLAN, "phu_luc": [TABLE]})
    assert view.appendix_headings()[0][0] == "Phụ lục"
    assert View.table_rows(view.appendix_tables()[0])[0] == "Số TT | Nội dung"


REPORT = {**PLAN, "loai": "bao_cao", "trich_yeu": "Kết quả cải cách hành chính năm 2021"}


def test_report_period_shown_by_default_reworded_by_a_pack_hidden_by_a_key(render_dict, tmp_path):
    period = {"tu": "2020-12-01", "den": "2021-11-15"}
    view = render_dict({**REPORT, "ky_bao_cao": period})
    (line,) = [p for p in view.title() if p.style.style_id == "TrichYeuGhiChu"]
    assert clean(line.text) == "(số liệu tính từ 01/12/2020 đến 15/11/2021)"
    assert toggle(line, "w:i")
    view = _with_pack(tmp_path, 'tu_ngu: {ky_bao_cao: "(Số liệu tính từ ngày {tu} đến ngày {den})"}\n',
                      {**REPORT, "ky_bao_cao": period})
    assert _styled(view, "TrichYeuGhiChu") == ["(Số liệu tính từ ngày 01/12/2020 đến ngày 15/11/2021)"]
    view = render_dict({**REPORT, "ky_bao_cao": {**period, "hien_thi": False}})
    assert _styled(view, "TrichYeuGhiChu") == []


def _runs(par) -> list[tuple[str, bool, bool]]:
    """(text, bold, italic) of each run with text, emphasis as set on the run itself or its paragraph's style."""
    return [(r.text, toggle(par, "w:b", r), toggle(par, "w:i", r)) for r in par.runs if r.text]


def test_emphasis_everywhere_text_appears(render_dict):
    view = render_dict({
        **LETTER, "kinh_gui": ["Sở *Nội vụ*", "Sở **Tài chính**"],
        "mo_dau": [r"Đoạn **đậm**, *nghiêng*, ***cả hai***; a * b và 2 \* 3 = \*6\*."],
        "noi_dung": [{"tieu_de": "Mục *có* nghiêng", "doan": "x"}],
        "noi_nhan": ["Văn phòng Chính phủ *(để b/c)*"],
        "phu_luc": [{**TABLE, "dong": [{"noi_dung": ["Rà soát **thủ tục**", "*ghi chú*"]}]}]})
    body = {clean(p.text): p for p in [*view.doc.paragraphs, *view.body()] if clean(p.text)}
    para = body["Đoạn đậm, nghiêng, cả hai; a * b và 2 * 3 = *6*."]
    assert _runs(para) == [("Đoạn ", False, False), ("đậm", True, False), (", ", False, False),
                           ("nghiêng", False, True), (", ", False, False), ("cả hai", True, True),
                           ("; a * b và 2 * 3 = *6*.", False, False)]
    heading = body["1. Mục có nghiêng"]  # a công văn numbers 1., 2. …, its titles as written
    assert [(t, i) for t, b, i in _runs(heading)] == [("1. ", False), ("Mục ", False), ("có", True), (" nghiêng", False)]
    assert all(b for t, b, i in _runs(heading))  # the heading's style is bold
    assert _runs(body["- Sở Nội vụ;"]) == [("- Sở ", False, False), ("Nội vụ", False, True), (";", False, False)]
    assert ("Tài chính", True, False) in _runs(body["- Sở Tài chính."])
    nhan = [p for p in view.noi_nhan() if "Chính phủ" in p.text][0]
    assert ("(để b/c)", False, True) in _runs(nhan) and ("- Văn phòng Chính phủ ", False, False) in _runs(nhan)
    cell = view.appendix_tables()[0].rows[1].cells[1].paragraphs
    assert ("thủ tục", True, False) in _runs(cell[0]) and _runs(cell[1]) == [("ghi chú", False, True)]


def test_emphasis_in_grounds_and_a_single_kinh_gui(render_dict):
    view = render_dict({**DECISION, "can_cu": ["Luật **A**"]})
    (line,) = [p for p in view.doc.paragraphs if p.style.style_id == "CanCu" and "Luật" in p.text]
    assert ("A", True, True) in _runs(line)  # grounds are italic: bold is added
    view = render_dict({**LETTER, "kinh_gui": "Sở **Nội vụ**"})
    (line,) = [p for p in view.doc.paragraphs if p.style.style_id == "KinhGui"]
    assert clean(line.text) == "Kính gửi: Sở Nội vụ" and ("Nội vụ", True, False) in _runs(line)


NOTED = {**PLAN, "mo_dau": ["Ban Chỉ đạo 934[^1] đã họp; xem *Nghị định*[^2]."],
         "chu_thich": {"1": "Ban Chỉ đạo thực hiện Đề án 934.", "2": "Nghị định số *30/2020/NĐ-CP*."}}


def test_footnotes_are_word_footnotes_at_the_foot_of_the_page(tmp_path):
    out = tmp_path / "notes.docx"
    ccch_docs.render(ccch_docs.from_dict(NOTED), out)
    with zipfile.ZipFile(out) as z:
        body = etree.fromstring(z.read("word/document.xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        assert "relationships/footnotes" in z.read("word/_rels/document.xml.rels").decode()
        assert "/word/footnotes.xml" in z.read("[Content_Types].xml").decode()
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    refs = body.xpath("//w:r[w:footnoteReference]", namespaces=w)
    assert [r.xpath("string(w:footnoteReference/@w:id)", namespaces=w) for r in refs] == ["1", "2"]
    assert all(r.xpath("w:rPr/w:vertAlign/@w:val", namespaces=w) == ["superscript"] for r in refs)
    para = refs[0].getparent()
    assert "".join(para.xpath(".//w:t/text()", namespaces=w)) == "Ban Chỉ đạo 934 đã họp; xem Nghị định."
    texts = {n.get(f"{{{w['w']}}}id"): "".join(n.xpath(".//w:t/text()", namespaces=w)).strip()
             for n in notes.xpath("w:footnote", namespaces=w)}
    assert texts == {"-1": "", "0": "", "1": "Ban Chỉ đạo thực hiện Đề án 934.", "2": "Nghị định số 30/2020/NĐ-CP."}
    sizes = notes.xpath("//w:footnote[@w:id='2']//w:r/w:rPr/w:sz/@w:val", namespaces=w)
    assert sizes and all(20 <= int(s) <= 24 for s in sizes)  # 10–12 pt
    assert notes.xpath("//w:footnote[@w:id='2']//w:r[w:rPr/w:i]/w:t/text()", namespaces=w) == ["30/2020/NĐ-CP"]


def test_a_notes_number_is_in_the_footnote_reference_character_style(tmp_path):
    """LibreOffice ignores a note's number mark's direct formatting and sets it in its Footnote Characters style:
    the number opening each note printed upright at 14 pt before its 12 pt text. Now the mark takes Word's
    `footnote reference` character style (superscript), which LibreOffice reads as that style."""
    out = tmp_path / "notes.docx"
    ccch_docs.render(ccch_docs.from_dict(NOTED), out)
    with zipfile.ZipFile(out) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
        styles = etree.fromstring(z.read("word/styles.xml"))
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    marks = notes.xpath("//w:footnote[@w:id>0]//w:r[w:footnoteRef]/w:rPr/w:rStyle/@w:val", namespaces=w)
    assert marks == ["FootnoteReference", "FootnoteReference"]
    (style,) = styles.xpath("w:style[@w:styleId='FootnoteReference']", namespaces=w)
    assert style.xpath("string(@w:type)", namespaces=w) == "character"
    assert style.xpath("string(w:name/@w:val)", namespaces=w) == "footnote reference"
    assert style.xpath("w:rPr/w:vertAlign/@w:val", namespaces=w) == ["superscript"]


def test_footnotes_are_added_to_a_template_whose_package_xml_is_written_another_way(tmp_path):
    # A template saved by another tool: single quotes, a prefixed namespace. The notes used to be added by text
    # replacement, which found neither closing tag: the part was written, but nothing pointed to it.
    folder = tmp_path / "pack"
    folder.mkdir()
    with zipfile.ZipFile(ccch_docs.packs.builtin_dir() / "van_ban.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, tag in (("word/_rels/document.xml.rels", "Relationship"), ("[Content_Types].xml", "Types")):
        root = etree.fromstring(parts[name])
        ns = etree.QName(root).namespace
        prefixed = etree.Element(etree.QName(ns, root.tag.split("}")[1]), nsmap={"p": ns})
        prefixed.extend(root)
        xml = etree.tostring(prefixed, xml_declaration=True, encoding="UTF-8").decode().replace('"', "'")
        assert "<p:" in xml and '"' not in xml.split("?>", 1)[1], tag
        parts[name] = xml.encode()
    with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    out = tmp_path / "notes.docx"
    ccch_docs.render(ccch_docs.from_dict(NOTED, templates=[folder]), out)
    with zipfile.ZipFile(out) as z:
        rels = etree.fromstring(z.read("word/_rels/document.xml.rels"))
        types = etree.fromstring(z.read("[Content_Types].xml"))
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    assert [r.get("Target") for r in rels if r.get("Type", "").endswith("/footnotes")] == ["footnotes.xml"]
    assert [o.get("PartName") for o in types if o.get("PartName") == "/word/footnotes.xml"] == ["/word/footnotes.xml"]
    assert len(notes) == 4  # two separators, two notes
    assert View.open(out).doc.paragraphs  # python-docx opens the package


def test_a_mark_without_its_note_and_a_note_never_marked_are_errors():
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**NOTED, "chu_thich": {"1": "x", "3": "y"}})
    messages = sorted(p.message for p in exc.value.problems)
    assert messages == ["chú thích 3 không được đánh dấu trong văn bản", "không có lời chú thích [^2]"]


@pytest.mark.parametrize("change,key", [
    ({"trich_yeu": "Cải cách hành chính[^1]"}, "trich_yeu[0]"),
    ({"nguoi_ky": {**PLAN["nguoi_ky"], "ho_ten": "Nguyễn Văn A[^1]"}}, "nguoi_ky.ho_ten"),
    ({"co_quan": {**PLAN["co_quan"], "ten": ["ỦY BAN NHÂN DÂN[^1]", "TỈNH ĐỒNG THÁP"]}}, "co_quan.ten[0]"),
    ({"dia_danh": "Đồng Tháp[^1]"}, "dia_danh"),
    ({"noi_dung": [{"tieu_de": "Mục đích", "so": "III[^1]", "doan": "Nội dung."}]}, "noi_dung[0].so"),
    ({"phu_luc": [{"tieu_de": "Danh mục[^1]", "cot": "ke_hoach_6_cot", "dong": [{"noi_dung": "Việc"}]}]},
     "phu_luc[0].tieu_de"),
])
def test_a_mark_where_text_prints_as_typed_is_refused_at_it(change, key):
    # The mark counted as used, but these print as typed: `[^1]` stood in the document and its note was lost.
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, **change, "chu_thich": {"1": "Ghi chú."}})
    assert [(p.key, p.code) for p in exc.value.problems] == [(key, "CCHC-E649")]
    assert "đoạn văn" in exc.value.problems[0].hint


ISSUING = {**DECISION, "dieu": ["Ban hành kèm theo Quyết định này Quy chế[^1].", "Hiệu lực từ ngày ký./."],
           "kem_theo": {"loai": "quy_che", "trich_yeu": "Làm việc", "noi_dung": [
               {"tieu_de": "Phạm vi", "doan": "Quy chế áp dụng cho Ban Chỉ đạo 934[^2]."}]}}


def test_a_decision_and_the_document_it_issues_number_their_footnotes_as_one(tmp_path):
    """Printed as one text, their footnotes are one sequence: a note given with the decision for a mark in the
    Quy chế it issues (where an official writes the notes of the one file) was refused twice, the note as never
    marked, the mark as without its note."""
    data = {**ISSUING, "chu_thich": {"1": "Quy chế kèm theo.", "2": "Ban Chỉ đạo thực hiện Đề án 934."}}
    out = tmp_path / "qd.docx"
    ccch_docs.render(ccch_docs.from_dict(data), out)
    with zipfile.ZipFile(out) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml"))
    w = {"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"}
    assert ["".join(n.xpath(".//w:t/text()", namespaces=w)).strip() for n in notes.xpath("w:footnote", namespaces=w)
            ][2:] == ["Quy chế kèm theo.", "Ban Chỉ đạo thực hiện Đề án 934."]
    split = {**ISSUING, "chu_thich": {"1": "Quy chế kèm theo."},
             "kem_theo": {**ISSUING["kem_theo"], "chu_thich": {"2": "Ban Chỉ đạo thực hiện Đề án 934."}}}
    assert ccch_docs.from_dict(split).kem_theo.chu_thich == {"2": "Ban Chỉ đạo thực hiện Đề án 934."}


def test_a_footnote_number_given_by_a_decision_and_its_issued_document_is_refused():
    both = {**ISSUING, "chu_thich": {"1": "Quy chế kèm theo.", "2": "Đề án 934."},
            "kem_theo": {**ISSUING["kem_theo"], "chu_thich": {"2": "Ban Chỉ đạo 934.", "3": "Không dùng."}}}
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict(both)
    found = sorted((p.key, p.code) for p in exc.value.problems)
    assert found == [("kem_theo.chu_thich.2", "CCHC-E645"), ("kem_theo.chu_thich.3", "CCHC-E055")]


def test_a_footnote_number_written_twice_is_refused():
    # `1` and `01` are footnote 1 both: footnotes.xml held two w:footnote w:id="1" (and E645 compared the texts).
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**NOTED, "chu_thich": {**NOTED["chu_thich"], "01": "Lời khác."}})
    assert [(p.key, p.code) for p in exc.value.problems] == [("chu_thich.01", "CCHC-E355")]
    both = {**ISSUING, "chu_thich": {"1": "Quy chế kèm theo."},
            "kem_theo": {**ISSUING["kem_theo"], "chu_thich": {"01": "Khác.", "2": "Ban Chỉ đạo 934."}}}
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict(both)
    assert [(p.key, p.code) for p in exc.value.problems] == [("kem_theo.chu_thich.01", "CCHC-E645")]


def test_a_footnote_marked_twice_is_refused_at_its_second_mark():
    # Two w:footnoteReference of one note: LibreOffice numbered the second as a note of its own (Alpha1 và Beta2 rồi
    # Gamma3 over notes 1 and 2).
    data = {**NOTED, "mo_dau": ["Ban Chỉ đạo 934[^1] đã họp; xem *Nghị định*[^2]."], "ket_thuc": "Ban Chỉ đạo[^1]."}
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict(data)
    assert [(p.key, p.code) for p in exc.value.problems] == [("ket_thuc[0]", "CCHC-E356")]
    assert "(xem chú thích 1)" in exc.value.problems[0].hint


@pytest.mark.libreoffice
def test_libreoffice_prints_footnotes_at_the_foot_of_the_page(tmp_path):
    out = tmp_path / "notes.docx"
    ccch_docs.render(ccch_docs.from_dict(NOTED), out)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=300, check=True)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "notes.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    page1 = text.split("\f")[0]
    lines = [clean(x) for x in page1.splitlines() if clean(x)]
    body = next(i for i, x in enumerate(lines) if x.startswith("Ban Chỉ đạo 934"))
    assert lines[body].startswith("Ban Chỉ đạo 9341 đã họp")  # the mark follows the word, as a superscript digit
    # each note opens with its number raised (pdftotext sets a raised digit on a line of its own)
    assert lines[-4:] == ["1", "Ban Chỉ đạo thực hiện Đề án 934.", "2", "Nghị định số 30/2020/NĐ-CP."]


def _body(view: View) -> list[str]:
    return [clean(p.text) for p in view.body()]


def test_numbering_styles_chosen_per_depth(render_dict):
    view = render_dict({**PLAN, "danh_so": {"cap": ["I.", "1.", "1.1.", "1.1.1.", "-", "+"]}, "noi_dung": [
        {"tieu_de": "Nhiệm vụ", "muc": [
            {"tieu_de": "Cải cách thể chế", "doan": "x"},
            {"tieu_de": "Cải cách TTHC", "muc": [
                {"tieu_de": "Rà soát", "muc": [{"doan": "Bước một", "muc": [{"doan": "ý a", "muc": [{"doan": "ý b"}]}]},
                                               {"doan": "Bước hai"}]},
                {"tieu_de": "Công bố", "so": "2.5."},
                {"tieu_de": "Niêm yết"}]}]}]})
    assert _body(view)[:11] == ["I. NHIỆM VỤ", "1. Cải cách thể chế", "x", "2. Cải cách TTHC", "2.1. Rà soát",
                                "2.1.1. Bước một", "- ý a", "+ ý b", "2.1.2. Bước hai", "2.5. Công bố", "2.6. Niêm yết"]


def test_titles_in_figures_are_bold_and_upright_at_any_depth(render_dict):
    """nd30: level 2 `1.` titles bold, the decree's numbered titles upright; a `1.1.` or `1.1.1.` title a level
    or two below prints as `1.`'s does, not in the italics of the third level's `a)` titles."""
    def headings(cap: list[str]) -> dict[str, tuple[str, set[tuple[bool, bool]]]]:
        view = render_dict({**PLAN, "danh_so": {"cap": cap}, "noi_dung": [{"tieu_de": "Nhiệm vụ", "muc": [
            {"tieu_de": "Cải cách TTHC", "muc": [{"tieu_de": "Rà soát", "muc": [{"tieu_de": "Bước một"}]}]}]}]})
        return {clean(p.text): (p.style.style_id, {(b, i) for _, b, i in _runs(p)}) for p in view.body()}

    assert headings(["I.", "1.", "1.1.", "1.1.1."]) == {
        "I. NHIỆM VỤ": ("DeMuc1", {(True, False)}), "1. Cải cách TTHC": ("DeMuc2", {(True, False)}),
        "1.1. Rà soát": ("DeMuc2", {(True, False)}), "1.1.1. Bước một": ("DeMuc2", {(True, False)})}
    assert headings(["I.", "1.", "a)", "-"])["a) Rà soát"] == ("DeMuc3", {(False, True)})  # a) as before


def test_a_forced_label_is_printed_exactly_as_written(render_dict):
    view = render_dict({**PLAN, "noi_dung": [{"tieu_de": "A", "muc": [
        {"tieu_de": "B", "muc": [{"doan": "c", "so": "1.1."}, {"doan": "d"}]}, {"doan": "e", "so": "3"}]}]})
    assert _body(view)[:5] == ["I. A", "1. B", "1.1. c", "b) d", "3. e"]


def test_deeper_parts_than_the_chosen_levels_are_refused():
    deep = [{"tieu_de": "1", "muc": [{"doan": "2", "muc": [{"doan": "3", "muc": [{"doan": "4"}]}]}]}]
    with pytest.raises(ccch_docs.InputError, match="lồng quá ba cấp"):
        ccch_docs.from_dict({**PLAN, "noi_dung": deep})
    ccch_docs.from_dict({**PLAN, "noi_dung": deep, "danh_so": {"cap": ["I.", "1.", "a)", "-"]}})
    with pytest.raises(ccch_docs.InputError, match="kiểu đánh số `1.1` không hợp lệ"):
        ccch_docs.from_dict({**PLAN, "danh_so": {"cap": ["I.", "1.1"]}})


def test_run_in_headings(render_dict):
    view = render_dict({**PLAN, "danh_so": {"cap": ["I.", "1.", "1.1."]}, "noi_dung": [{"tieu_de": "Nội dung", "muc": [
        {"tieu_de": "Lộ trình", "muc": [
            {"tieu_de": "Lộ trình thực hiện:", "cung_dong": True, "doan": ["Năm 2025 - 2026.", "Đoạn sau."]}]},
        {"tieu_de": "Kinh phí:", "cung_dong": True, "doan": "Ngân sách *tỉnh*."}]}]})
    paras = {clean(p.text): p for p in view.body()}
    run_in = paras["1.1. Lộ trình thực hiện: Năm 2025 - 2026."]
    assert run_in.style.style_id == "NoiDung" and "Đoạn sau." in paras
    # in the emphasis of its heading's style: 1.1., in figures as 1. is, bold and upright
    assert _runs(run_in) == [("1.1. ", True, False), ("Lộ trình thực hiện:", True, False), (" ", False, False),
                             ("Năm 2025 - 2026.", False, False)]
    assert _runs(paras["2. Kinh phí: Ngân sách tỉnh."]) == [
        ("2. ", True, False), ("Kinh phí:", True, False), (" ", False, False), ("Ngân sách ", False, False),
        ("tỉnh", False, True), (".", False, False)]


HO_SO = {"ten": "Bảng 1. Kết quả giải quyết hồ sơ", "don_vi": "Đơn vị tính: hồ sơ",
         "cot": [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 3}, {"khoa": "tiep_nhan", "ten": "Tiếp nhận"},
                 {"khoa": "dung_han", "ten": "Đúng hạn", "kieu": "so"}],
         "danh_so": {"dong": "1"}, "tong_cong": "tiep_nhan",
         "dong": [{"linh_vuc": "Đất **đai**", "tiep_nhan": 12000, "dung_han": "{{ so_lieu.dat }}"},
                  {"linh_vuc": "Xây dựng", "tiep_nhan": 4333, "dung_han": 4000}]}


def _body_children(path) -> list:
    """The body's paragraphs and tables in order, as ("p", style, text) and ("tbl", width, rows)."""
    view = View.open(path)
    out = []
    for el in view.doc.element.body.iterchildren():
        if el.tag.endswith("}p"):
            par = Paragraph(el, view.doc._body)
            if clean(par.text):
                out.append(("p", par.style.style_id, clean(par.text)))
        elif el.tag.endswith("}tbl"):
            t = Table(el, view.doc._body)
            width = el.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblPr/"
                            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblW")
            out.append(("tbl", width.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"),
                        View.table_rows(t)))
    return out


def test_a_table_among_a_parts_paragraphs(tmp_path):
    data = {**REPORT, "so_lieu": {"dat": 11500}, "noi_dung": [{"tieu_de": "Kết quả", "muc": [
        {"tieu_de": "Giải quyết hồ sơ", "doan": ["Trong kỳ, kết quả như sau:", {"bang": HO_SO},
                                                 "Tỷ lệ đúng hạn cao."]}]}]}
    out = tmp_path / "bang.docx"
    ccch_docs.render(ccch_docs.from_dict(data), out)
    body = _body_children(out)
    start = body.index(("p", "NoiDung", "Trong kỳ, kết quả như sau:"))
    block, table, after = body[start + 1:start + 4]
    # Caption and unit line: a borderless block as wide as the text, not running text (they are not justified)
    assert block == ("tbl", "5000", ["Bảng 1. Kết quả giải quyết hồ sơ / Đơn vị tính: hồ sơ"])
    assert after == ("p", "NoiDung", "Tỷ lệ đúng hạn cao.")
    kind, width, rows = table
    assert int(width) == PAGE.width - PAGE.left - PAGE.right  # a portrait table fits the text width
    assert rows == ["Số TT | Lĩnh vực | Tiếp nhận | Đúng hạn", "1 | Đất đai | 12.000 | 11.500",
                    "2 | Xây dựng | 4.333 | 4.000", "Tổng cộng | 16.333 |"]
    view = View.open(out)
    tbl, ((cap_par, unit_par),) = block_of(view, "BangTen")
    assert borderless(tbl) and tbl.find(f"{W}tblPr/{W}tblW").get(W + "type") == "pct"
    assert unit_par.style.style_id == "BangDonVi" and toggle(unit_par, "w:i") and align(unit_par) == "right"
    assert cap_par.style.style_id == "BangTen" and toggle(cap_par, "w:b") and align(cap_par) == "center"
    # kept with the table: both lines, and the tiny paragraph that keeps Word from joining the two tables
    separator = tbl.getnext()
    assert separator.tag == W + "p" and not clean(Paragraph(separator, view.doc._body).text)
    assert separator.getnext().tag == W + "tbl" and "Số TT" in View.table_rows(Table(separator.getnext(), None))[0]
    assert all(p.find(f"{W}pPr/{W}keepNext") is not None for p in (cap_par._p, unit_par._p, separator))
    tbl = [t for t in view.doc.tables if View.table_rows(t)[0].startswith("Số TT | Lĩnh vực")][0]
    cell = tbl.rows[1].cells[1].paragraphs[0]
    assert [(r.text, toggle(cell, "w:b", r)) for r in cell.runs] == [("Đất ", False), ("đai", True)]


def test_a_table_block_is_checked_like_a_phu_luc():
    bad = {**HO_SO, "dong": [{"linh_vuc": "x", "tiep_nhn": 1}]}
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "noi_dung": [{"tieu_de": "A", "doan": [{"bang": bad}]}]})
    (p,) = exc.value.problems
    assert p.key == "noi_dung[0].doan[0].bang.dong[0].tiep_nhn" and "tiep_nhan" in p.hint
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.from_dict({**PLAN, "noi_dung": [{"tieu_de": "A", "doan": [{"bang": {**HO_SO, "cot": "ke_hoach_9"}}]}]})
    assert "không có mẫu cột `ke_hoach_9`" in exc.value.problems[0].message


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sections(path) -> list[tuple[str, list[str]]]:
    """Each section's orientation ("doc"/"ngang") and the texts of its paragraphs and table rows."""
    view = View.open(path)
    out, texts = [], []
    for el in view.doc.element.body.iterchildren():
        if el.tag == W + "tbl":
            texts += View.table_rows(Table(el, view.doc._body))
        elif el.tag == W + "p":
            if clean(Paragraph(el, view.doc._body).text):
                texts.append(clean(Paragraph(el, view.doc._body).text))
        sect = el if el.tag == W + "sectPr" else el.find(f"{W}pPr/{W}sectPr")
        if sect is not None:
            size = sect.find(W + "pgSz")
            out.append(("ngang" if int(size.get(W + "w")) > int(size.get(W + "h")) else "doc", texts))
            texts = []
    return out


def test_appendices_with_content_prose_portrait_wide_table_landscape(tmp_path):
    prose = {"tieu_de": "Hướng dẫn đánh giá", "danh_so": {"cap": ["I.", "1.", "1.1."]}, "noi_dung": [
        {"tieu_de": "Phạm vi", "muc": [{"tieu_de": "Đối tượng", "muc": [{"doan": "Các sở, ban, ngành."}]}]}]}
    mixed = {"tieu_de": "Kết quả", "noi_dung": [
        {"tieu_de": "Phần I. Số liệu", "so": False, "doan": [{"bang": {**HO_SO, "ten": None, "don_vi": None}}]},
        {"tieu_de": "Phần II. Đánh giá", "so": False, "muc": [{"tieu_de": "Ưu điểm", "doan": "Tốt."}]}]}
    wide = {**TABLE, "tieu_de": "Nhiệm vụ"}
    data = {**PLAN, "so_lieu": {"dat": 11500}, "phu_luc": [prose, mixed, wide, {**prose, "huong": "ngang"}]}
    out = tmp_path / "pl.docx"
    ccch_docs.render(ccch_docs.from_dict(data), out)
    sections = _sections(out)
    assert [s[0] for s in sections] == ["doc", "doc", "doc", "ngang", "ngang"]
    cap = "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/01/2022 của UBND tỉnh Đồng Tháp)"
    assert sections[1][1] == ["Phụ lục I", "HƯỚNG DẪN ĐÁNH GIÁ", cap, "I. PHẠM VI", "1. Đối tượng",
                              "1.1. Các sở, ban, ngành."]
    assert sections[2][1][:5] == ["Phụ lục II", "KẾT QUẢ", cap, "PHẦN I. SỐ LIỆU",
                                  "Số TT | Lĩnh vực | Tiếp nhận | Đúng hạn"]
    assert sections[2][1][-3:] == ["PHẦN II. ĐÁNH GIÁ", "1. Ưu điểm", "Tốt."]
    assert sections[3][1] == ["Phụ lục III", "NHIỆM VỤ", cap, "Số TT | Nội dung", "1 | Rà soát thủ tục hành chính"]
    widths = [int(t._tbl.find(f"{W}tblPr/{W}tblW").get(W + "w")) for t in View.open(out).doc.tables[2:]]
    assert widths == [PAGE.width - PAGE.left - PAGE.right, PAGE.height - PAGE.landscape_left - PAGE.landscape_right]


def test_presets_name_the_columns_of_tables_among_paragraphs(tmp_path):
    """A pack's preset names the columns of a table in the body or in a phụ lục's content as it does a phụ lục's;
    a phụ lục naming a preset among its content is landscape, however few the preset's columns."""
    folder = make_pack(tmp_path / "pack", "cot:\n  hai_cot: [{khoa: linh_vuc, ten: Lĩnh vực}, {khoa: ho_so, ten: Hồ sơ}]\n")
    own = {"bang": {"cot": "hai_cot", "dong": [{"linh_vuc": "Đất đai", "ho_so": 12}]}}
    builtin = {"bang": {"cot": "ke_hoach_6_cot", "dong": [{"noi_dung": "Rà soát"}]}}
    data = {**PLAN, "noi_dung": [{"tieu_de": "Kết quả", "doan": [own]}, *PLAN["noi_dung"]],
            "phu_luc": [{"tieu_de": "Hồ sơ", "noi_dung": [{"tieu_de": "Số liệu", "doan": [own]}]},
                        {"tieu_de": "Nhiệm vụ", "noi_dung": [{"tieu_de": "Việc", "doan": [builtin]}]}]}
    out = tmp_path / "pl.docx"
    ccch_docs.render(ccch_docs.from_dict(data, templates=[folder]), out)
    sections = _sections(out)
    assert [s[0] for s in sections] == ["doc", "ngang", "ngang"]
    for texts in (sections[0][1], sections[1][1]):
        assert texts[texts.index("Số TT | Lĩnh vực | Hồ sơ") + 1] == "1 | Đất đai | 12"
    assert "Số TT | Nội dung nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành" \
        in sections[2][1]


_PROSE = [{"tieu_de": "Phạm vi", "doan": "Các sở, ban, ngành."}]
_TASKS = {"cot": "ke_hoach_6_cot", "dong": [{"noi_dung": "Rà soát"}]}  # a preset of 5 columns after Số TT


def _columns(n: int) -> dict:
    return {"cot": [{"khoa": f"c{k}", "ten": f"Cột {k}"} for k in range(n)], "dong": [{"c0": "x"}]}


@pytest.mark.parametrize("appendix,landscape", [
    ({"noi_dung": _PROSE}, False),  # text only
    ({"noi_dung": _PROSE, "huong": "ngang"}, True),  # huong given
    ({**TABLE, "huong": "doc"}, False),
    (TABLE, True),  # a table of its own
    ({"noi_dung": [{"tieu_de": "Số liệu", "doan": [{"bang": _columns(6)}]}]}, True),  # a wide table in its content
    ({"noi_dung": [{"tieu_de": "Số liệu", "doan": [{"bang": _columns(5)}]}]}, False),
    ({"noi_dung": [{"tieu_de": "Việc", "muc": [{"doan": [{"bang": _TASKS}]}]}]}, True),  # a preset in its content
    ({"noi_dung": [{"tieu_de": "Việc", "doan": [{"bang": _TASKS}]}], "huong": "doc"}, False),
], ids=["text", "huong-ngang", "huong-doc", "own-table", "wide", "narrow", "preset", "preset-huong-doc"])
def test_one_rule_turns_an_appendix_page(appendix, landscape):
    """PhuLuc.landscape decides, the same on the phụ lục as written and once validated (its preset names replaced
    by their columns)."""
    written = {"tieu_de": "Phụ lục", **appendix}
    assert PhuLuc.model_validate(written).landscape is landscape
    (validated,) = ccch_docs.from_dict({**PLAN, "phu_luc": [written]}).van_ban.phu_luc
    assert validated.landscape is landscape and not any(
        isinstance(b.cot, str) for _, b in body_tables(validated.noi_dung, ()))


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        return z.read("word/document.xml")


def test_a_document_built_without_validate_names_presets_as_a_loaded_one(tmp_path, monkeypatch):
    """A VanBan built without validate() (by pydantic alone, or model_construct) may name its pack's presets and the
    built-in ones: it prints as the same document loaded; a name of neither is an InputError that names it."""
    monkeypatch.setenv("CCHC_TEMPLATES", str(make_pack(tmp_path / "pack", "cot:\n  hai_cot: [{khoa: linh_vuc, ten: "
                                                                             "Lĩnh vực}, {khoa: ho_so, ten: Hồ sơ}]\n")))
    own = {"bang": {"cot": "hai_cot", "dong": [{"linh_vuc": "Đất đai", "ho_so": 12}]}}
    data = {**PLAN, "phu_luc": [{**TABLE, "cot": "ke_hoach_8_cot"},
                                {"tieu_de": "Việc", "noi_dung": [{"tieu_de": "Số liệu", "doan": [{"bang": _TASKS}]}]},
                                {"tieu_de": "Hồ sơ", "noi_dung": [{"tieu_de": "Số liệu", "doan": [own]}]}]}
    loaded = _document_xml(ccch_docs.render(ccch_docs.from_dict(data)))
    built = ccch_docs.VanBan.model_validate(data)
    for doc in (built, ccch_docs.VanBan.model_construct(**dict(built))):
        assert _document_xml(ccch_docs.render(doc)) == loaded
    ccch_docs.render(built, tmp_path / "built.docx")
    sections = _sections(tmp_path / "built.docx")
    assert [s[0] for s in sections] == ["doc", "ngang", "ngang", "ngang"]
    assert "Số TT | Lĩnh vực | Hồ sơ" in sections[3][1]
    bad = ccch_docs.VanBan.model_validate({**data, "phu_luc": [{**TABLE, "cot": "ke_hoach_9_cot"}]})
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.render(bad)
    (p,) = exc.value.problems
    assert (p.message, p.file, p.key, p.code) == ("không có mẫu cột `ke_hoach_9_cot`", "<VanBan>", "phu_luc[0].cot",
                                                  "CCHC-E056")  # the whole key, as a loaded document's
    assert "ke_hoach_8_cot" in p.hint


def test_an_empty_appendix_is_refused():
    with pytest.raises(ccch_docs.InputError, match="phụ lục trống"):
        ccch_docs.from_dict({**PLAN, "phu_luc": [{"tieu_de": "Trống"}]})


HCM = {**PLAN, "dia_danh": "Thành phố Hồ Chí Minh", "ngay": "2025-11-28",
       "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ HỒ CHÍ MINH"], "viet_tat": "UBND"}}


def test_a_long_place_name_keeps_place_and_date_on_one_line(tmp_path):
    out = tmp_path / "hcm.docx"
    ccch_docs.render(ccch_docs.from_dict(HCM), out)
    view = View.open(out)
    header = view.doc.tables[0]._tbl
    left, right = (int(c.get(W + "w")) for c in header.iter(W + "gridCol"))
    assert left + right == PAGE.width - PAGE.left - PAGE.right and right > 5754  # widened from 3600 | 5754
    (date,) = [p for p in view.doc.tables[0].rows[1].cells[1].paragraphs if clean(p.text)]
    assert clean(date.text) == "Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025"
    sizes = [r._r.find(f"{W}rPr/{W}sz") for r in date.runs]
    assert all(s is not None and int(s.get(W + "val")) == 26 for s in sizes)  # 13 pt: never below
    ccch_docs.render(ccch_docs.from_dict(PLAN), out)  # a short place name leaves the header as it is
    header = View.open(out).doc.tables[0]._tbl
    assert [int(c.get(W + "w")) for c in header.iter(W + "gridCol")] == [3600, 5754]


@pytest.mark.libreoffice
def test_libreoffice_prints_a_long_place_and_date_on_one_line(tmp_path):
    out = tmp_path / "hcm.docx"
    ccch_docs.render(ccch_docs.from_dict(HCM), out)
    lines = [clean(x) for x in _pdf_text(out, tmp_path).splitlines()]
    assert any(x.endswith("Thành phố Hồ Chí Minh, ngày 28 tháng 11 năm 2025") for x in lines), lines[:12]


def _pdf_text(docx, tmp_path) -> str:
    return _pdf_texts([docx], tmp_path)[0]


def _pdf_texts(docs, tmp_path) -> list[str]:
    """The text of each document printed to PDF by LibreOffice (in one run), pages apart by form feeds."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, docs)], capture_output=True, timeout=600, check=True)
    return [subprocess.run(["pdftotext", "-layout", str(docx.with_suffix(".pdf")), "-"], capture_output=True,
                           text=True, check=True).stdout for docx in docs]


def test_several_recipients_hang_under_their_text(render_dict):
    view = render_dict({**LETTER, "kinh_gui": ["Sở Nội vụ", "Ủy ban nhân dân các huyện, thị xã, thành phố thuộc tỉnh "
                                                            "có tên rất dài để xuống dòng"]})
    tbl, (label, items) = block_of(view, "KinhGuiMuc")
    assert borderless(tbl) and [clean(p.text) for p in label] == ["Kính gửi:"] and len(items) == 2
    ind = items[0].style.element.find(f"{W}pPr/{W}ind")
    left, hanging = int(ind.get(W + "left")), int(ind.get(W + "hanging"))
    # the dash starts at the right cell's edge, where it did (2410 + 567 from the margin), wrapped lines where
    # the text after "- " does
    grid = int(tbl.find(f"{W}tblGrid/{W}gridCol").get(W + "w"))
    margin = int(tbl.find(f"{W}tblPr/{W}tblCellMar/{W}left").get(W + "w"))
    assert grid + margin == 2977 and left == hanging and 150 <= hanging <= 200 and ind.get(W + "firstLine") is None


def test_the_checker_reads_a_tables_caption_and_unit_line_as_the_tables(tmp_path):
    data = {**REPORT, "so_lieu": {"dat": 11500}, "noi_dung": [{"tieu_de": "Kết quả", "doan": [
        "Trong kỳ, kết quả như sau:", {"bang": HO_SO}, "Tỷ lệ đúng hạn cao./."]}]}
    out = tmp_path / "bang.docx"
    ccch_docs.render(ccch_docs.from_dict(data), out)
    report = ccch_docs.check(out)
    assert report.error is None and report.violations == []


def test_the_signer_block_keeps_the_last_body_lines_with_it(tmp_path):
    out = tmp_path / "ky.docx"
    ccch_docs.render(ccch_docs.from_dict(PLAN), out)
    body = View.open(out).doc.element.body
    footer = [t for t in body.iterchildren(W + "tbl") if "Nơi nhận" in "".join(t.itertext())][0]
    last = footer.getprevious()
    assert "".join(t.text or "" for t in last.iter(W + "t")) == "Thực hiện./." and last.find(f"{W}pPr/{W}keepNext") is not None


@pytest.mark.libreoffice
def test_libreoffice_never_starts_a_page_with_the_signer_block(tmp_path):
    # 16 paragraphs fill page 1 so that, without keep-with-next, Nơi nhận would open page 2 alone.
    filler = [f"Đoạn {i} nội dung mẫu để lấp đầy trang giấy của văn bản hành chính." for i in range(16)]
    out = tmp_path / "ky.docx"
    ccch_docs.render(ccch_docs.from_dict({**PLAN, "mo_dau": filler}), out)
    page = next(p for p in _pdf_text(out, tmp_path).split("\f") if "Nơi nhận:" in p)
    lines = [clean(x) for x in page.splitlines() if clean(x)]
    assert lines.index("Thực hiện./.") < [i for i, x in enumerate(lines) if x.startswith("Nơi nhận:")][0]


@pytest.mark.libreoffice
def test_libreoffice_keeps_a_tables_caption_with_its_header_and_first_row(tmp_path):
    # The caption falls at many heights near the foot of page 1: 17 to 25 one-line paragraphs before the table, after
    # a three-line one or not; a caption of one line with its unit line, or of two lines alone. With the caption's
    # block row marked cantSplit, LibreOffice left the caption alone at the foot of the page in 8 of these layouts.
    long = "Bảng 1. Kết quả giải quyết hồ sơ thủ tục hành chính theo từng lĩnh vực của các cơ quan chuyên môn thuộc " \
           "Ủy ban nhân dân tỉnh năm 2025"
    tables = [HO_SO, {**{k: v for k, v in HO_SO.items() if k != "don_vi"}, "ten": long}]
    docs = []
    for t, bang in enumerate(tables):
        for lead in ([], ["Đoạn mở đầu dài " + "nội dung mẫu để lấp đầy trang giấy " * 3]):
            for n in range(17, 26):
                filler = [*lead, *(f"Đoạn {i} nội dung." for i in range(n))]
                data = {**REPORT, "so_lieu": {"dat": 11500},
                        "noi_dung": [{"tieu_de": "Kết quả", "doan": [*filler, {"bang": bang}, "Hết./."]}]}
                docs.append(tmp_path / f"bang-{t}-{len(lead)}-{n}.docx")
                ccch_docs.render(ccch_docs.from_dict(data), docs[-1])
    apart = []
    for docx, text in zip(docs, _pdf_texts(docs, tmp_path), strict=True):
        pages = [clean(page) for page in text.split("\f")]
        unit = "Đơn vị tính: hồ sơ" if docx.name.startswith("bang-0") else "năm 2025"  # or the caption's 2nd line
        on = [next(i for i, page in enumerate(pages) if line in page) for line in ("Bảng 1.", unit, "Lĩnh vực",
                                                                                    "1 Đất đai")]
        if len(set(on)) > 1:
            apart.append((docx.stem, on))
    assert apart == []


def test_row_numbers_run_on_across_groups(render_dict):
    table = {"tieu_de": "Đơn vị", "cot": [{"khoa": "ten", "ten": "Tên"}], "danh_so": {"nhom": "I.", "dong": "1",
                                                                                   "lien_tuc": True},
             "nhom": [{"ten": "Cấp tỉnh", "dong": [{"ten": "A"}, {"ten": "B"}]}, {"ten": "Cấp xã", "dong": [{"ten": "C"}]}]}
    rows = View.table_rows(render_dict({**PLAN, "phu_luc": [table]}).appendix_tables()[0])
    assert rows == ["Số TT | Tên", "I. Cấp tỉnh", "1 | A", "2 | B", "II. Cấp xã", "3 | C"]
