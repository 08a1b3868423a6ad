"""`check` on the library's own output: every example passes, and each deliberate break of one rule is that rule alone."""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from ccch_docs import check_output, checks, cli, reader
from conftest import EXAMPLES


def codes(path: Path) -> set[str]:
    report = checks.check(path)
    assert report.error is None, report.error
    return {f.code for f in report.violations}


@pytest.mark.parametrize("name", [p.stem for p in EXAMPLES])
def test_every_example_passes(rendered, name):
    parts = reader.read(rendered[name])
    # The reader found the parts (a check that finds nothing would pass vacuously).
    assert parts.quoc_hieu and parts.tieu_ngu and parts.so_ky_hieu and parts.dia_danh_ngay
    assert parts.co_quan and parts.noi_nhan and parts.noi_nhan_muc and parts.ho_ten and parts.chuc_danh
    assert parts.tieu_ngu_rule and parts.co_quan_rule
    assert parts.bodies[0]
    assert parts.title.ten_loai or parts.v_v
    report = checks.check(rendered[name])
    assert [(f.code, f.found, f.where[:1]) for f in report.findings] == []


def edit(src: Path, dst: Path, part: str, old: str, new: str, count: int = 1) -> Path:
    """A copy of `src` with `old` replaced by `new` in one part (`count` times; 0: every time).

    `part` "style:<id>" edits only that paragraph style of styles.xml.
    """
    with zipfile.ZipFile(src) as z:
        items = {n: z.read(n) for n in z.namelist()}
    name, _, sid = part.partition(":")
    name = {"style": "word/styles.xml", "doc": "word/document.xml"}[name]
    xml = items[name].decode("utf-8")
    if sid:
        m = re.search(f'<w:style [^>]*w:styleId="{sid}">.*?</w:style>', xml)
        assert m and old in m.group(0), (sid, old)
        xml = xml[:m.start()] + m.group(0).replace(old, new, count or -1) + xml[m.end():]
    else:
        assert old in xml, old
        xml = xml.replace(old, new, count or -1)
    items[name] = xml.encode("utf-8")
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in items.items():
            z.writestr(n, data)
    return dst


KH, CV, QD = "ke-hoach-cchc-2021-dong-thap", "cong-van-bao-cao-cchc-dong-thap", "quyet-dinh-kien-toan-bcd-cchc-vinh-long"
BOLD, ITALIC = "<w:b/><w:bCs/>", "<w:i/><w:iCs/>"
BODY_SPACING = '<w:spacing w:before="120" w:after="0" w:line="264" w:lineRule="auto"/>'

BROKEN = [
    # (example, part, old, new, count, the one rule it breaks)
    (KH, "style:QuocHieu", '<w:sz w:val="26"/>', '<w:sz w:val="30"/>', 1, "quoc_hieu.size"),
    (KH, "style:TieuNgu", '<w:sz w:val="28"/>', '<w:sz w:val="26"/>', 1, "size.pairing"),
    (KH, "style:TieuNgu", BOLD, "", 1, "tieu_ngu.bold"),
    (KH, "style:TieuNgu", '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>', "", 1,
     "tieu_ngu.line"),
    (KH, "style:CoQuanBanHanh", BOLD, "", 1, "co_quan.bold"),
    (KH, "style:DiaDanhNgay", ITALIC, "", 1, "dia_danh_ngay.italic"),
    (KH, "style:TenLoai", BOLD, "", 1, "ten_loai.bold"),
    (KH, "style:TrichYeu", BOLD, BOLD + ITALIC, 1, "trich_yeu.italic"),
    (KH, "style:TrichYeu", BOLD, "", 1, "trich_yeu.bold"),
    (KH, "style:QuocHieu", "<w:b/>", '<w:b/><w:color w:val="FF0000"/>', 1, "font.color"),
    (KH, "doc", 'w:left="1701"', 'w:left="1134"', 1, "page.margin.left"),
    (KH, "doc", '<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="12240" w:h="15840"/>', 1, "page.size"),
    # (a công văn: no trích yếu line, whose length a wider page would change too)
    (CV, "doc", '<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>', 1,
     "page.orientation"),
    (KH, "style", 'w:eastAsia="Times New Roman"', 'w:eastAsia="Arial"', 0, "font.name"),
    (KH, "doc", "ngày 05 tháng 12 năm 2020", "ngày 5 tháng 12 năm 2020", 1, "dia_danh_ngay.day"),
    (CV, "doc", "ngày 02 tháng 6 năm 2022", "ngày 02 tháng 06 năm 2022", 1, "dia_danh_ngay.month"),
    (KH, "doc", "Số: 285/KH-UBND", "Số: 285/2020/KH-UBND", 1, "so_ky_hieu.year"),
    (KH, "doc", "Số: 285/KH-UBND", "Số: 285/BC-UBND", 1, "so_ky_hieu.type"),
    (CV, "doc", "Số: 06/VPUBND-KSTTHC", "Số: 6/VPUBND-KSTTHC", 1, "so_ky_hieu.zero"),
    (KH, "doc", "Độc lập - Tự do - Hạnh phúc", "Độc lập – Tự do – Hạnh phúc", 1, "tieu_ngu.text"),
    (KH, "doc", "CỘNG HÒA XÃ HỘI", "CỘNG HOÀ XÃ HỘI", 1, "quoc_hieu.text"),
    (KH, "doc", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>",
     'CỘNG HÒA XÃ HỘI CHỦ NGHĨA</w:t></w:r></w:p><w:p><w:pPr><w:pStyle w:val="QuocHieu"/></w:pPr>'
     "<w:r><w:t>VIỆT NAM</w:t></w:r></w:p>", 1, "quoc_hieu.one_line"),
    (KH, "style:NoiDung", 'w:firstLine="567"', 'w:firstLine="0"', 1, "noi_dung.indent"),
    (KH, "style:NoiDung", '<w:jc w:val="both"/>', '<w:jc w:val="left"/>', 1, "noi_dung.align"),
    (KH, "style:NoiDung", 'w:before="120"', 'w:before="0"', 1, "noi_dung.spacing"),
    (KH, "style:NoiDung", 'w:line="264"', 'w:line="480"', 1, "noi_dung.line_spacing"),
    (KH, "style:NoiDung", '<w:sz w:val="28"/>', '<w:sz w:val="24"/>', 1, "noi_dung.size"),
    (KH, "style:NoiNhan", ITALIC, "", 1, "noi_nhan.italic"),
    (KH, "style:NoiNhanMuc", '<w:sz w:val="22"/>', '<w:sz w:val="24"/>', 1, "noi_nhan_muc.size"),
    (KH, "doc", "- Lưu: VT, T (KSTTHC).", "- Lưu VT, T (KSTTHC).", 1, "noi_nhan.luu"),
    (KH, "doc", "- Bộ Nội vụ;", "- Bộ Nội vụ", 1, "noi_nhan_muc.punctuation"),
    (KH, "doc", "TM. ỦY BAN NHÂN DÂN", "T/M. ỦY BAN NHÂN DÂN", 1, "chuc_danh.prefix"),
    (KH, "doc", "Nguyễn Văn Dương", "TS. Nguyễn Văn Dương", 1, "ho_ten.title"),
    (KH, "doc", ">II. ", ">III. ", 1, "numbering.sequence"),
    (QD, "doc", '>b) </w:t></w:r><w:r><w:t xml:space="preserve">Giám đốc Sở Tư pháp',
     '>c) </w:t></w:r><w:r><w:t xml:space="preserve">Giám đốc Sở Tư pháp', 1, "numbering.sequence"),
    (QD, "doc", ">Điều 2.", ">Điều 3.", 1, "numbering.sequence"),
    (KH, "doc", "<w:titlePg/>", "", 1, "so_trang.first_page"),
    (KH, "doc", '<w:headerReference w:type="default" r:id="rIdHeader"/>', "", 0, "so_trang.missing"),
    (KH, "doc", '<w:headerReference w:type="default" r:id="rIdHeader"/>',
     '<w:footerReference w:type="default" r:id="rIdHeader"/>', 0, "so_trang.place"),
    (KH, "doc", '<w:pgNumType w:start="1"/>', "", 1, "phu_luc.page_numbers"),
    (KH, "doc", '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1701" w:right="1134" '
     'w:bottom="851" w:left="1134"', '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="851" '
     'w:bottom="1134" w:left="1701"', 1, "phu_luc.orientation"),
    (KH, "doc", "(Kèm theo Kế hoạch số 285/KH-UBND ngày 05/12/2020 của UBND tỉnh Đồng Tháp)",
     "Kèm theo Kế hoạch số 285/KH-UBND ngày 05/12/2020 của UBND tỉnh Đồng Tháp", 1, "phu_luc.kem_theo"),
]


@pytest.mark.parametrize("case", BROKEN, ids=lambda c: c[5])
def test_xml_edit_breaks_one_rule(rendered, tmp_path, case):
    name, part, old, new, count, rule = case
    broken = edit(rendered[name], tmp_path / "broken.docx", part, old, new, count)
    assert codes(broken) == {rule}


RUN = '<w:r>{}<w:t xml:space="preserve">{}</w:t></w:r>'


@pytest.mark.parametrize("runs, rules", [
    ([("", "- Bộ Nội vụ "), (ITALIC, "(để b/c)"), ("", ";")], set()),  # practice: the note italic
    ([("", "- Bộ Nội vụ (để "), (ITALIC, "b/c)"), ("", ";")], {"noi_nhan_muc.italic"}),  # half a note
    ([(ITALIC, "- Bộ Nội vụ "), (ITALIC, "(để b/c)"), ("", ";")], {"noi_nhan_muc.italic"}),
    ([(ITALIC, "- Bộ Nội vụ;")], {"noi_nhan_muc.italic"}),
    ([(ITALIC, "- Bộ "), ("", "Nội vụ (để b/c);")], {"noi_nhan_muc.italic"}),
    ([("", "- Bộ Nội vụ "), (ITALIC + '<w:sz w:val="28"/>', "(để b/c)"), ("", ";")], {"noi_nhan_muc.size"}),
], ids=["note", "half-note", "all-but-mark", "whole", "outside-note", "note-size"])
def test_noi_nhan_line_with_an_italic_note(rendered, tmp_path, runs, rules):
    """A Nơi nhận line may set its parenthetical note in italics, as practice does; any other italics are a fault."""
    line = "".join(RUN.format(f"<w:rPr>{look}</w:rPr>" if look else "", text) for look, text in runs)
    broken = edit(rendered[KH], tmp_path / "note.docx", "doc",
                  '<w:r><w:t xml:space="preserve">- Bộ Nội vụ;</w:t></w:r>', line)
    assert codes(broken) == rules


def test_khoan_restart_in_each_dieu(rendered, tmp_path):
    """Khoản `1.` under a new Điều starts again from 1: not a gap."""
    parts = reader.read(rendered[QD])
    labels = [p.text[:7] for p in parts.bodies[0]]
    assert "Điều 2." in labels and labels[0].startswith("Điều 1.") and "1. Trưở" in labels
    broken = edit(rendered[QD], tmp_path / "khoan.docx", "doc", ">- Giúp Chủ tịch", ">1. Giúp Chủ tịch")
    assert codes(broken) == set()
    broken = edit(rendered[QD], tmp_path / "khoan2.docx", "doc", ">- Giúp Chủ tịch", ">2. Giúp Chủ tịch")
    assert codes(broken) == {"numbering.sequence"}


CLERK = [
    ({"qh_size": 14}, "quoc_hieu.size"),
    ({"tn_size": 13}, "size.pairing"),
    ({"date": "Đồng Tháp, ngày 5 tháng 12 năm 2020"}, "dia_danh_ngay.day"),
    ({"date": "Đồng Tháp, ngày 05 tháng 03 năm 2020"}, "dia_danh_ngay.month"),
    ({"date": "Đồng Tháp, ngày 05 tháng 1 năm 2020"}, "dia_danh_ngay.month"),
    ({"date_italic": False}, "dia_danh_ngay.italic"),
    ({"east_asia": "Arial"}, "font.name"),
    ({"font": "Arial", "cs": "Arial"}, "font.name"),
    ({"cs": None}, "font.name"),  # the complex-script slot set nowhere (python-docx's theme leaves it empty)
    ({"left_cm": 2.5}, "page.margin.left"),
    ({"landscape": True}, "page.orientation"),
    ({"labels": ["I.", "1.", "a)", "c)", "2.", "II.", "1.", "2."]}, "numbering.sequence"),
    ({"labels": ["I.", "1.", "a)", "b)", "2.", "III.", "1.", "2."]}, "numbering.sequence"),
    ({"labels": ["I.", "1.", "a)", "b)", "3.", "II.", "1.", "2."]}, "numbering.sequence"),
    ({"indent": 0}, "noi_dung.indent"),
    ({"align": 0}, "noi_dung.align"),
    ({"body_size": 12}, "noi_dung.size"),
    ({"noi_nhan": ["- Bộ Nội vụ;", "- TT/TU, TT/HĐND Tỉnh."]}, "noi_nhan.luu"),
    ({"noi_nhan": ["- Bộ Nội vụ", "- Lưu: VT, KSTTHC."]}, "noi_nhan_muc.punctuation"),
    ({"nn_size": 13}, "noi_nhan.size"),
    ({"item_size": 12}, "noi_nhan_muc.size"),
    ({"signer": ["T/M ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]}, "chuc_danh.prefix"),
    ({"signer": ["KT. CHÁNH VĂN PHÒNG", "TL. CHỦ TỊCH", "PHÓ CHÁNH VĂN PHÒNG"]}, "chuc_danh.order"),
    ({"footer": "plain", "name": "TS. Nguyễn Văn Dương"}, "ho_ten.title"),
    ({"footer": "plain", "noi_nhan": ["- Bộ Nội vụ;", "- Lưu VT."]}, "noi_nhan.luu"),
    ({"name": "Ông Nguyễn Văn Dương"}, "ho_ten.title"),
    ({"so": "Số: 5/KH-UBND"}, "so_ky_hieu.zero"),
    ({"so": "Số: 12/BC-UBND"}, "so_ky_hieu.type"),
    ({"tn": "Độc lập – Tự do – Hạnh phúc"}, "tieu_ngu.text"),
    ({"qh": "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"}, "quoc_hieu.text"),
    ({"first_page_number": True}, "so_trang.first_page"),
    ({"line_ratio": 0.8}, "co_quan.line"),
    ({"title_ratio": 0.9}, "trich_yeu.line"),
    ({"ten_loai": "Kế hoạch"}, "ten_loai.case"),
    ({"trich_yeu_italic": True}, "trich_yeu.italic"),
]


@pytest.mark.parametrize("trich_yeu", ["CẢI CÁCH HÀNH CHÍNH TỈNH ĐỒNG THÁP NĂM 2021",
                                       "Cải cách hành chính tỉnh Đồng Tháp năm 2021"])
def test_trich_yeu_in_capitals_or_not_is_no_fault(tmp_path, trich_yeu):
    """The decree fixes the trích yếu bold and upright; signed documents print it in capitals as often as not."""
    from clerk_docx import build
    path = build(tmp_path / "clerk.docx", trich_yeu=trich_yeu)
    assert [ln.text for ln in reader.read(path).title.trich_yeu] == [trich_yeu]
    assert codes(path) == set()


def test_a_recipient_named_luu_tru_is_not_the_luu_line(tmp_path):
    """`- Lưu trữ lịch sử tỉnh;` (the provincial archives) is a recipient: it was held to the `- Lưu: VT, ….` form."""
    from clerk_docx import build
    path = build(tmp_path / "clerk.docx", noi_nhan=["- Bộ Nội vụ;", "- Lưu trữ lịch sử tỉnh;", "- Lưu: VT, KSTTHC."])
    assert codes(path) == set()
    # and an undashed line after it goes on the list, as after any recipient (it was taken for the drafter's)
    path = build(tmp_path / "more.docx", noi_nhan=["- Bộ Nội vụ;", "- Lưu trữ lịch sử tỉnh;", "Sở Tư pháp."])
    parts = reader.read(path)
    assert [ln.text for ln in parts.noi_nhan_muc][-1] == "Sở Tư pháp." and not parts.nguoi_soan


def test_page_number_in_the_footer_is_placed_in_the_footer(rendered, tmp_path, capsys):
    broken = edit(rendered[KH], tmp_path / "foot.docx", "doc", '<w:headerReference w:type="default" r:id="rIdHeader"/>',
                  '<w:footerReference w:type="default" r:id="rIdHeader"/>', 0)
    (finding,) = checks.check(broken).violations
    assert finding.code == "so_trang.place" and finding.where[0].footer and not finding.where[0].header
    assert cli.main(["check", str(broken)]) == 1
    assert "có ở chân trang; cần giữa lề trên (đầu trang), từ trang 2 — tại chân trang, phần 1" in capsys.readouterr().out
    assert cli.main(["--lang", "en", "check", "--json", str(broken)]) == 1
    assert json.loads(capsys.readouterr().out)[0]["findings"][0]["where"] == [{"section": 1, "text": "2", "footer": True}]


@pytest.mark.parametrize("layout", ["table", "tabs", "textbox", "plain footer"])
def test_clerk_document_passes(tmp_path, layout):
    from clerk_docx import build
    path = build(tmp_path / "clerk.docx", **({"footer": "plain"} if layout == "plain footer" else {"layout": layout}))
    parts = reader.read(path)
    assert parts.quoc_hieu and parts.tieu_ngu and parts.so_ky_hieu and parts.dia_danh_ngay and parts.ho_ten
    assert [x.text for x in parts.co_quan] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"]
    assert parts.tieu_ngu_rule is not None and parts.tieu_ngu_rule.kind == "underline"
    assert codes(path) == set()


@pytest.mark.parametrize("case", CLERK, ids=lambda c: c[1])
def test_clerk_document_breaks_one_rule(tmp_path, case):
    from clerk_docx import build
    changes, rule = case
    assert codes(build(tmp_path / "clerk.docx", **changes)) == {rule}


@pytest.mark.parametrize("layout", ["tabs", "textbox"])
@pytest.mark.parametrize("case", [c for c in CLERK if c[1] != "page.orientation"],
                         ids=lambda c: c[1])
def test_clerk_header_in_tabs_or_text_boxes_breaks_one_rule(tmp_path, case, layout):
    from clerk_docx import build
    changes, rule = case
    assert codes(build(tmp_path / "clerk.docx", layout=layout, **changes)) == {rule}


def test_cli_exit_codes_text_json_and_folders(rendered, tmp_path, capsys):
    good = rendered[KH]
    bad = edit(good, tmp_path / "bad.docx", "doc", "ngày 05 tháng 12 năm 2020", "ngày 5 tháng 12 năm 2020")
    assert cli.main(["check", str(good)]) == 0
    assert capsys.readouterr().out.strip() == f"{good}: đạt"
    assert cli.main(["check", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "dia_danh_ngay.day" in out and "có ngày 5; cần ngày 05" in out and "phần 1, đoạn 7, bảng 1 hàng 2 ô 2" in out
    for argv in (["--lang", "en", "check", str(bad)], ["check", str(bad), "--lang", "en"]):
        assert cli.main(argv) == 1
        assert "found ngày 5; required ngày 05 — at section 1, paragraph 7, table 1 row 2 cell 2" in capsys.readouterr().out
    assert cli.main(["check", "--json", str(tmp_path)]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [(d["file"], d["ok"]) for d in data] == [(str(bad), False)]
    (finding,) = data[0]["findings"]
    assert finding["code"] == "dia_danh_ngay.day" and finding["kind"] == "violation"
    assert finding["where"] == [{"section": 1, "paragraph": 7, "table": 1, "row": 2, "cell": 2,
                                 "text": "Đồng Tháp, ngày 5 tháng 12 năm 2020"}]
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 a Word 97 file")
    assert cli.main(["check", str(good), str(junk)]) == 2
    out = capsys.readouterr().out
    assert f"{junk}: không đọc được: tệp Word 97–2003 (.doc)" in out and "2 tệp: 1 đạt, 0 có lỗi, 1 không đọc được" in out


def test_what_is_not_found_is_said_not_guessed(tmp_path):
    """A document without the decree's header: its parts are reported missing, not as wrong sizes."""
    import docx
    d = docx.Document()
    d.add_paragraph("Một đoạn văn bản bình thường.")
    d.save(tmp_path / "plain.docx")
    report = checks.check(tmp_path / "plain.docx")
    kinds = {f.code: f.kind for f in report.findings}
    assert kinds["quoc_hieu.missing"] == kinds["so_ky_hieu.missing"] == kinds["ho_ten.missing"] == "missing"
    assert not any(c.startswith(("quoc_hieu.s", "noi_dung.")) for c in kinds)


def test_word_list_numbering_is_read_and_held_to_the_vietnamese_letters(tmp_path):
    """Word's own a), b) … list labels are computed from numbering.xml; its letter f) is not Vietnamese."""
    import docx
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    d = docx.Document()
    numbering = d.part.numbering_part.element
    numbering.insert(0, parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(f'<w:num {nsdecls("w")} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    for text in ("một", "hai", "ba", "bốn", "năm", "sáu"):
        p = d.add_paragraph(text)
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>'))
    d.save(tmp_path / "list.docx")
    paras = reader.flatten(tmp_path / "list.docx").paras
    assert [p.text for p in paras] == ["a) một", "b) hai", "c) ba", "d) bốn", "e) năm", "f) sáu"]
    (finding,) = checks.numbering(paras)
    assert (finding.code, finding.found, finding.required) == ("numbering.sequence", ("f)", "f)"), ("g)", "g)"))


def _convert(files: list[Path], to: str, out: Path) -> list[Path]:
    """Files converted by LibreOffice (its own profile folder, so a running instance does not interfere)."""
    import subprocess
    profile = out / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                    "--outdir", str(out), *map(str, files)], check=True, capture_output=True, timeout=240)
    return [out / f"{f.stem}.{to.split(':')[0]}" for f in files]


@pytest.mark.libreoffice
def test_documents_saved_by_libreoffice_read_alike(rendered, tmp_path):
    """Our output and a clerk's, saved again by LibreOffice (as .docx, through .odt and through .doc), still pass."""
    from clerk_docx import build
    ours = [rendered[KH], rendered[QD], rendered[CV]]
    clerks = [build(tmp_path / f"clerk-{k}.docx", **kw) for k, kw in
              enumerate(({}, {"layout": "tabs"}, {"layout": "textbox"}, {"footer": "plain"}))]
    docx_to = "docx:MS Word 2007 XML"
    again = _convert(ours, docx_to, tmp_path / "again")
    odt = _convert(_convert(clerks, "odt", tmp_path / "odt"), docx_to, tmp_path / "from-odt")
    doc = _convert(_convert(ours[:1] + clerks[:1], "doc", tmp_path / "doc"), docx_to, tmp_path / "from-doc")
    for path in again + odt + doc:
        assert codes(path) == set(), path
    broken = _convert([build(tmp_path / "late.docx", date="Đồng Tháp, ngày 5 tháng 12 năm 2020")], docx_to,
                      tmp_path / "broken")
    assert codes(broken[0]) == {"dia_danh_ngay.day"}


def test_html_report_lists_files_findings_and_codes_escaped(rendered, tmp_path, capsys):
    """`check --html FILE`: every file with its findings (rule code, element, found, required, place); the
    documents' own text is escaped, never markup."""
    bad = edit(rendered[KH], tmp_path / "bad.docx", "doc", "ngày 05 tháng 12 năm 2020", "ngày 5 tháng 12 năm 2020")
    bad = edit(bad, tmp_path / "bad.docx", "doc", "Đồng Tháp, ngày 5", "&lt;script&gt;x&lt;/script&gt;, ngày 5")
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    page = tmp_path / "out" / "bao-cao.html"
    page.parent.mkdir()
    assert cli.main(["check", str(rendered[KH]), str(bad), str(junk), "--html", str(page)]) == 2
    assert f"đã ghi {page}" in capsys.readouterr().out
    html = page.read_text("utf-8")
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt;, ngày 5" in html
    assert html.count("<h2>") == 3 and f"<h2>{rendered[KH]}</h2>" in html and '<p class="ok">đạt</p>' in html
    row = re.search(r'<tr class="violation"><td><code>dia_danh_ngay\.day</code></td>(.*?)</tr>', html, re.S)
    assert row and "<td>ngày 5</td><td>ngày 05</td>" in row.group(1) and "phần 1, đoạn 7" in row.group(1)
    assert "không đọc được" in html and "3 tệp: 1 đạt, 1 có lỗi, 1 không đọc được" in html
    assert cli.main(["--lang", "en", "check", str(bad), "--json", "--html", str(page)]) == 1
    out = capsys.readouterr()
    assert json.loads(out.out)[0]["file"] == str(bad) and str(page) in out.err
    assert '<html lang="en">' in page.read_text("utf-8") and "found" in page.read_text("utf-8")


def test_an_html_report_named_as_another_format_is_refused_before_anything_is_written(rendered, tmp_path, capsys):
    # `check --html a.docx b.docx` (the option's file taken for one to check) wrote the report over a.docx.
    other = tmp_path / "a.docx"
    other.write_bytes(rendered[KH].read_bytes())
    assert cli.main(["check", "--html", str(other), str(rendered[KH])]) == 2
    assert other.read_bytes() == rendered[KH].read_bytes()
    assert capsys.readouterr().err == (f"{other}: tệp ghi ra là trang HTML, không mang đuôi `.docx` (gợi ý: đặt tên tệp có "
                                       "đuôi .html, ví dụ --html a.html) [CCHC-E647]\n1 lỗi.\n")
    for name in ("bao-cao.HTM", "bao-cao"):  # either HTML suffix, in any case, or none
        assert cli.main(["check", str(rendered[KH]), "--html", str(tmp_path / name)]) == 0
        assert (tmp_path / name).read_text("utf-8").startswith("<!DOCTYPE html>")


def test_report_words_are_translated_through_the_message_catalog(rendered, tmp_path, capsys, monkeypatch):
    """The report's own words (places, found/required, totals, the page's headings) are looked up in the catalog
    like every other message: what the catalog says is what the text and HTML reports print."""
    import gettext

    from ccch_docs import messages

    english = messages._catalog("en")

    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            found = english.gettext(message)
            return f"<{found}>" if found != message else found

    monkeypatch.setattr(messages, "_catalog", lambda lang: Marked())
    bad = edit(rendered[KH], tmp_path / "bad.docx", "doc", "ngày 05 tháng 12 năm 2020", "ngày 5 tháng 12 năm 2020")
    junk = tmp_path / "junk.docx"
    junk.write_bytes(b"not a zip")
    page = tmp_path / "report.html"
    assert cli.main(["--lang", "en", "check", str(rendered[KH]), str(bad), str(junk), "--html", str(page)]) == 2
    out = capsys.readouterr().out
    assert f"{rendered[KH]}: <passes>" in out and f"{bad}: <1 layout violations>" in out
    assert "<found> ngày 5; <required> ngày 05 — <at> <section 1>, <paragraph 7>, <table 1 row 2 cell 2>" in out
    assert f"{junk}: <unreadable>: " in out and "<3 files: 1 pass, 1 with violations, 1 unreadable>" in out
    html = page.read_text("utf-8")
    assert "<title>&lt;Layout check report&gt;</title>" in html and "<th>&lt;rule&gt;</th>" in html
    assert "<p>&lt;3 files: 1 pass, 1 with violations, 1 unreadable&gt;</p>" in html


class _Looked(reader.Para):
    """A paragraph that records each look at its `table` or `shapes`."""

    looks: list[tuple[str, int]] = []

    def __getattribute__(self, name: str):
        if name in ("table", "shapes"):
            _Looked.looks.append((name, object.__getattribute__(self, "index")))
        return object.__getattribute__(self, name)


def looked_at(paras: list[reader.Para]) -> list[tuple[str, int]]:
    """The looks at `paras`' tables and shapes, from now on."""
    for p in paras:
        p.__class__ = _Looked
    _Looked.looks = []
    return _Looked.looks


def test_whether_lines_are_drawn_before_the_body_is_asked_once(tmp_path):
    from clerk_docx import build
    parts = reader.read(build(tmp_path / "clerk.docx"))
    parts.tieu_ngu_rule = parts.co_quan_rule = parts.title.rule = None  # no line found under any of them
    looks = looked_at(parts.document.paras)
    kinds = {f.code: f.kind for f in checks.check_parts(parts)}
    assert kinds["tieu_ngu.line"] == kinds["co_quan.line"] == kinds["trich_yeu.line"] == "violation"
    body = parts.bodies[0][0].index
    shapes = [i for name, i in looks if name == "shapes" and i < body]
    assert sorted(shapes) == list(range(body))  # each paragraph before the body looked at once


def captioned_tables(groups: int) -> list[reader.Para]:
    """A body of `groups` times: a caption block (a one-cell table, centred), a table of two rows, a paragraph."""
    paras: list[reader.Para] = []

    def add(text: str, table: int | None = None, row: int | None = None, cell: int | None = None,
            align: str = "both") -> None:
        paras.append(reader.Para(len(paras), text, [], "", align, 0, 0, 0, 0, 0, 240, "auto", False, False, 0, 9000,
                                 table, row, cell))

    for g in range(1, groups + 1):
        add(f"Bảng {g}. Số liệu", 2 * g - 1, 1, 1, "center")
        for row in (1, 2):
            add("Lĩnh vực", 2 * g, row, 1)
            add("Số", 2 * g, row, 2)
        add(f"Đoạn {g}.")
    return paras


def test_caption_blocks_are_found_in_one_pass():
    looks = []
    for groups in (40, 80):
        paras = captioned_tables(groups)
        looks.append(looked_at(paras))
        assert reader._captions(paras, 0, len(paras)) == {6 * g for g in range(groups)}
    assert len(looks[1]) < 2.2 * len(looks[0])  # as many looks per paragraph, however many tables


@pytest.mark.parametrize(("lang", "total"), [("vi", "1.234 tệp: 1.233 đạt, 0 có lỗi, 1 không đọc được"),
                                             ("en", "1,234 files: 1,233 pass, 0 with violations, 1 unreadable")])
def test_the_total_of_many_files_groups_its_counts_in_the_notation_of_its_language(lang, total):
    from ccch_docs.checks import Report
    reports = [Report(f"{i}.docx", []) for i in range(1233)] + [Report("x.docx", [], error="không đọc được")]
    assert check_output.total_text(reports, lang) == total
