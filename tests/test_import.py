"""`import`/`nhap`: a .docx back to YAML; every example round-trips, documents from other programs keep every word."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest

import ccch_docs
import clerk_docx
from ccch_docs import flatten, import_yaml, importer, reader
from ccch_docs.cli import main
from ccch_docs.decree import numbering
from conftest import EXAMPLES, ROOT


def texts(source) -> list[str]:
    """Every paragraph's text in reading order (body, tables, text boxes)."""
    src = io.BytesIO(source) if isinstance(source, bytes) else source
    return [p.text for p in flatten.read(src).paras if p.text.strip()]


def rerender(source) -> tuple[importer.Imported, bytes]:
    imported = importer.read(io.BytesIO(source) if isinstance(source, bytes) else source)
    doc = ccch_docs.loads(import_yaml.text(imported), name="nhap.yaml")
    return imported, ccch_docs.render(doc)


def body_words(source) -> list[str]:
    """The words from the tên loại (or the first body line) on, in order: what the header layout does not reorder."""
    parts = reader.read(io.BytesIO(source) if isinstance(source, bytes) else source)
    start = max(ln.para.index for ln in (parts.title.ten_loai, *parts.v_v, parts.dia_danh_ngay) if ln is not None)
    return " ".join(p.text for p in parts.document.paras[start + 1:] if p.text.strip()).split()


def header_columns(source) -> tuple[list[str], list[str]]:
    """The header's two columns as printed, each top to bottom: ô 2, 3, 5b, 10b on the left; ô 1 and 4 on the right."""
    parts = reader.read(io.BytesIO(source) if isinstance(source, bytes) else source)
    left = (*parts.co_quan_chu_quan, *parts.co_quan, parts.so_ky_hieu, *parts.v_v, parts.do_khan)
    return ([ln.shown for ln in left if ln is not None],
            [ln.shown for ln in (parts.quoc_hieu, parts.tieu_ngu, parts.dia_danh_ngay) if ln is not None])


def all_words(source) -> list[str]:
    return " ".join(texts(source)).split()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_every_example_round_trips(example, rendered):
    first = rendered[example.stem].read_bytes()
    imported, second = rerender(first)
    assert texts(second) == texts(first)
    again, third = rerender(second)
    assert again.data == imported.data
    assert texts(third) == texts(first)
    assert not imported.unplaced and not imported.added
    report = ccch_docs.check(io.BytesIO(second))
    assert report.error is None and not report.violations


def test_structure_of_a_decision_with_its_plan(rendered):
    data = importer.read(rendered["quyet-dinh-3484-vinh-long"]).data
    source = ccch_docs.load(EXAMPLES[0].parent / "quyet-dinh-3484-vinh-long.yaml").van_ban
    assert data["loai"] == "quyet_dinh" and data["so"] == 3484 and data["ngay"] == "2021-12-16"
    assert data["co_quan"] == {"ten": ["ỦY BAN NHÂN DÂN", "TỈNH VĨNH LONG"], "viet_tat": "UBND"}
    assert data["tham_quyen"] == "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"
    assert data["can_cu"] == [x.removesuffix(";") for x in source.can_cu]
    assert data["theo_de_nghi"] == source.theo_de_nghi
    assert len(data["dieu"]) == 3
    assert data["nguoi_ky"] == {"kt": "CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Nguyễn Thị Quyên Thanh"}
    plan = data["kem_theo"]
    # its `- ` lines under the a) points are parts of a fourth depth
    assert plan["loai"] == "ke_hoach" and plan["danh_so"] == {"chu_cai": "khong_dd", "cap": ["I.", "1.", "a)", "-"]}
    assert [m["tieu_de"] for m in plan["noi_dung"]] == [m.tieu_de for m in source.kem_theo.noi_dung]
    assert "phu_luc" not in data and plan["phu_luc"][0]["danh_so"] == {"nhom": "I.", "dong": "1"}
    assert plan["phu_luc"][0]["nhom"][0]["so"] == "III"


def test_cong_van_labels_and_recipients(rendered):
    data = importer.read(rendered["cong-van-bao-cao-cchc-dong-thap"]).data
    assert (data["loai"], data["so"], data["don_vi_soan"], data["do_khan"]) == ("cong_van", 6, "KSTTHC", "khan")
    assert data["co_quan"] == {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "VĂN PHÒNG", "viet_tat": "VPUBND"}
    assert data["trich_yeu"].startswith("báo cáo kết quả")
    assert data["kinh_gui"] == ["Các sở, ban, ngành Tỉnh", "Ủy ban nhân dân các huyện, thành phố"]
    # 1. 2. 3. first: a công văn's own numbering (its layout's), so no danh_so, as in the example
    assert "danh_so" not in data and all("so" not in m for m in data["noi_dung"])
    assert data["ket_thuc"].endswith("quy định./.")
    assert data["noi_nhan"][0] == "Như trên" and data["luu"] == "VT, KSTTHC (s)"
    assert data["nguoi_soan"] == "NTH.(35)"


def test_report_period_and_tables(rendered):
    data = importer.read(rendered["bao-cao-cchc-2021-dong-thap"]).data
    assert data["ky_bao_cao"] == {"tu": "2020-12-01", "den": "2021-11-15"}
    plan = importer.read(rendered["ke-hoach-cchc-2021-dong-thap"]).data
    table = plan["phu_luc"][0]
    assert table["cot"] == "ke_hoach_8_cot" and table["danh_so"] == {"nhom": "1.", "dong": "a)"}
    assert table["nhom"][0]["ten"] == "Công tác thông tin, tuyên truyền"
    assert table["nhom"][0]["dong"][1]["kinh_phi"] == "50triệu/ huyện"


def test_labels_parse_back_as_they_print():
    for style in ("I.", "1.", "a)", "Điều"):
        for n in range(1, 40):
            for with_dd in (True, False):
                printed = numbering.label(n, style, with_dd)
                assert numbering.parse_label(f"{printed} Nội dung", with_dd) == (style, printed, n)
    assert numbering.parse_label("Ngày 5 tháng") is None and numbering.parse_label("2021. Năm") is None


def test_emphasis_becomes_markup(tmp_path):
    d = docx.Document()
    for line in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN",
                 "Số: 12/KH-UBND", "Đồng Tháp, ngày 05 tháng 12 năm 2020", "KẾ HOẠCH", "Cải cách hành chính"):
        d.add_paragraph(line)
    p = d.add_paragraph("Mở đầu có ")
    p.add_run("chữ đậm").bold = True
    p.add_run(" và ")
    p.add_run("nghiêng").italic = True
    p.add_run(", 2 * 3.")
    d.add_paragraph("I. NHIỆM VỤ").runs[0].bold = True
    d.add_paragraph("Nội dung./.")
    d.add_paragraph("Nơi nhận:")
    d.add_paragraph("- Lưu: VT.")
    d.add_paragraph("CHỦ TỊCH")
    d.add_paragraph("Nguyễn Văn A")
    d.save(tmp_path / "a.docx")
    data = importer.read(tmp_path / "a.docx").data
    assert data["mo_dau"] == r"Mở đầu có **chữ đậm** và *nghiêng*, 2 \* 3."
    run_texts = [(r.text, r.dam, r.nghieng) for r in ccch_docs.markup.runs(data["mo_dau"])]
    assert ("chữ đậm", True, False) in run_texts and ("nghiêng", False, True) in run_texts


@pytest.mark.parametrize("layout", ["table", "textbox", "tabs"])
def test_a_document_built_the_way_word_users_do(tmp_path, layout):
    path = clerk_docx.build(tmp_path / f"{layout}.docx", layout=layout)
    imported, again = rerender(path)
    data = imported.data
    assert body_words(again) == body_words(path)
    assert sorted(all_words(again)) == sorted(all_words(path))
    # The header's columns are read line by line across (tabs), box by box or cell by cell: each comes back whole
    left, right = header_columns(again)
    assert (left, right) == header_columns(path) and left[-1] == "Số: 12/KH-UBND" and len(right) == 3
    assert data["co_quan"]["ten"] == ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"] and data["so"] == 12
    assert [m["tieu_de"] for m in data["noi_dung"]] == ["MỤC ĐÍCH, YÊU CẦU", "NHIỆM VỤ"]
    first = data["noi_dung"][0]["muc"]
    assert first[0]["doan"] == "Mục đích" and len(first[0]["muc"]) == 2  # I. → 1. → a) recognised
    assert data["nguoi_ky"] == {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Nguyễn Văn Dương"}
    assert data["noi_nhan"] == ["Bộ Nội vụ", "TT/TU, TT/HĐND Tỉnh"] and data["luu"] == "VT, KSTTHC"
    assert not imported.unplaced


def _soffice(tmp_path: Path, source: Path, to: str) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    out = tmp_path / to.split(":")[0]
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", to,
                    "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=240)
    return out / f"{source.stem}.{to.split(':')[0]}"


@pytest.mark.libreoffice
@pytest.mark.parametrize("stem", ["quyet-dinh-3484-vinh-long", "cong-van-bao-cao-cchc-dong-thap"])
def test_saved_again_by_libreoffice(tmp_path, rendered, stem):
    saved = _soffice(tmp_path, rendered[stem], "docx:MS Word 2007 XML")
    imported, again = rerender(saved)
    assert all_words(again) == all_words(saved) == all_words(rendered[stem])
    assert importer.read(rendered[stem]).data == imported.data


@pytest.mark.libreoffice
def test_a_doc_converted_by_libreoffice(tmp_path, rendered):
    doc = _soffice(tmp_path, rendered["bao-cao-cchc-2021-dong-thap"], "doc")
    converted = _soffice(tmp_path, doc, "docx:MS Word 2007 XML")
    imported, again = rerender(converted)
    assert all_words(again) == all_words(converted)
    assert imported.data["phu_luc"] and imported.data["nguoi_ky"]["ho_ten"]


def test_unplaced_text_is_kept_as_a_comment_and_listed(tmp_path, capsys):
    path = clerk_docx.build(tmp_path / "k.docx", layout="table")
    d = docx.Document(path)
    d.add_paragraph("Ghi chú lạc chỗ sau chữ ký")
    d.save(path)
    assert main(["nhap", str(path), "-o", str(tmp_path / "k.yaml")]) == 0
    text = (tmp_path / "k.yaml").read_text("utf-8")
    assert "# Ghi chú lạc chỗ sau chữ ký" in text
    assert "Ghi chú lạc chỗ sau chữ ký" in capsys.readouterr().err
    ccch_docs.load(tmp_path / "k.yaml")


def test_cli_writes_refuses_overwrite_renders_and_splits_a_profile(tmp_path, rendered, capsys):
    src = rendered["ke-hoach-cchc-2021-dong-thap"]
    out = tmp_path / "kh.yaml"
    assert main(["import", str(src), "-o", str(out), "--render"]) == 0
    assert texts((tmp_path / "kh.docx").read_bytes()) == texts(src.read_bytes())
    before = out.read_bytes()
    assert main(["import", str(src), "-o", str(out)]) == 2
    assert out.read_bytes() == before and "--force" in capsys.readouterr().err
    unit = tmp_path / "don-vi" / "ubnd.yaml"
    assert main(["nhap", str(src), "-o", str(out), "--profile", str(unit), "--force"]) == 0
    assert out.read_text("utf-8").startswith("ke_thua: don-vi/ubnd.yaml\n")
    profile = ccch_docs.yamlio.parse_yaml(unit.read_text("utf-8"), str(unit))[0]
    assert set(profile) == {"dia_danh", "co_quan", "nguoi_ky"}
    assert texts(ccch_docs.render(ccch_docs.load(out))) == texts(src.read_bytes())


def test_render_without_o_is_refused_before_anything_is_written(tmp_path, rendered, capsys):
    """`nhap x.docx --render` renders to x.docx, named after x.yaml: the file being imported. It wrote x.yaml, then
    said the .docx existed and to add --force, which was refused as an input; now it is named first, as an input."""
    src = tmp_path / "kh.docx"
    src.write_bytes(rendered["ke-hoach-cchc-2021-dong-thap"].read_bytes())
    for extra in ([], ["--force"]):
        assert main(["nhap", str(src), "--render", *extra]) == 2
        err = capsys.readouterr().err
        assert f"{src}: đích ghi là tệp đầu vào {src}: không ghi đè (gợi ý: chọn tệp kết quả khác (-o)) [CCHC-E209]" \
            in err, err
        assert "--force" not in err and not (tmp_path / "kh.yaml").exists()
    assert main(["nhap", str(src), "-o", str(tmp_path / "moi.yaml"), "--render"]) == 0
    assert (tmp_path / "moi.docx").exists()


def test_import_with_pdf_and_no_libreoffice_writes_nothing(tmp_path, rendered, capsys, monkeypatch):
    monkeypatch.setenv("CCHC_SOFFICE", str(tmp_path / "nope"))
    out = tmp_path / "kh.yaml"
    assert main(["nhap", str(rendered["ke-hoach-cchc-2021-dong-thap"]), "-o", str(out), "--pdf"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"--pdf: không tìm thấy LibreOffice ở {tmp_path / 'nope'} (biến CCHC_SOFFICE)")
    assert err[0].endswith("[CCHC-E200]") and err[1:] == ["1 lỗi."]
    assert list(tmp_path.iterdir()) == []


def test_not_an_administrative_document_is_refused(tmp_path, capsys):
    d = docx.Document()
    d.add_paragraph("Thư mời dự tiệc sinh nhật")
    d.add_paragraph("Chúng tôi trân trọng kính mời bạn.")
    d.save(tmp_path / "thu.docx")
    assert main(["nhap", str(tmp_path / "thu.docx"), "-o", str(tmp_path / "thu.yaml")]) == 2
    err = capsys.readouterr().err
    assert "không phải văn bản hành chính" in err and "Traceback" not in err
    assert not (tmp_path / "thu.yaml").exists()
    (tmp_path / "rac.docx").write_bytes(b"not a zip")
    assert main(["nhap", str(tmp_path / "rac.docx")]) == 2


def test_dotted_levels_deeper_than_three_become_danh_so_cap(tmp_path):
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN X\tĐộc lập - Tự do - Hạnh phúc",
                 "Số: 7/BC-UBND\tX, ngày 5 tháng 3 năm 2022", "BÁO CÁO", "Kết quả công tác", "Mở đầu."):
        d.add_paragraph(line)
    for line in ("1. KẾT QUẢ", "1.1. Chỉ đạo", "1.1.1. Ban hành văn bản", "a) Kế hoạch", "b) Báo cáo",
                 "1.1.2. Kiểm tra", "1.2. Thể chế", "2. PHƯƠNG HƯỚNG", "- Tiếp tục", "Trên đây là báo cáo./.",
                 "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Văn B"):
        d.add_paragraph(line)
    d.save(tmp_path / "bc.docx")
    imported, again = rerender(tmp_path / "bc.docx")
    data = imported.data
    assert data["danh_so"] == {"cap": ["1.", "1.1.", "1.1.1.", "a)"]}
    assert data["noi_dung"][0]["muc"][0]["muc"][0]["muc"][1] == {"doan": "Báo cáo"}
    assert data["ket_thuc"] == "Trên đây là báo cáo./." and data["noi_dung"][1]["doan"] == "- Tiếp tục"
    assert data["nguoi_ky"] == {"kt": "CHỦ TỊCH", "chuc_vu": "PHÓ CHỦ TỊCH", "ho_ten": "Trần Văn B"}
    assert body_words(again) == body_words(tmp_path / "bc.docx")  # labels 1.1.1. … printed as they were


def _word_plan(path: Path) -> Path:
    """A Kế hoạch as typed in Word: header table with the parent body and số in one cell, bold headings,
    numbers typed with a tab, a Nơi nhận/signer table with (Đã ký), a landscape phụ lục with merged group rows."""
    from docx.enum.section import WD_ORIENT
    d = docx.Document()
    left, right = d.add_table(rows=1, cols=2).rows[0].cells
    left.paragraphs[0].add_run("UBND TỈNH ĐỒNG THÁP")
    left.add_paragraph().add_run("SỞ NỘI VỤ").bold = True
    left.add_paragraph("Số: 123/KH-SNV")
    right.paragraphs[0].add_run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").bold = True
    right.add_paragraph().add_run("Độc lập - Tự do - Hạnh phúc").bold = True
    right.add_paragraph().add_run("Đồng Tháp, ngày 10 tháng 01 năm 2023").italic = True
    for text, bold in (("KẾ HOẠCH", True), ("Tuyên truyền cải cách hành chính năm 2023", True), ("", False),
                       ("Sở Nội vụ ban hành Kế hoạch như sau:", False), ("I. MỤC ĐÍCH", True),
                       ("1. Mục đích", True), ("Nâng cao nhận thức.", False), ("II. NỘI DUNG", True),
                       ("1.\tTuyên truyền trên báo chí.", False), ("2.\tTổ chức hội thi.", False),
                       ("Các phòng thuộc Sở triển khai thực hiện./.", False)):
        d.add_paragraph().add_run(text).bold = bold
    nn, sign = d.add_table(rows=1, cols=2).rows[0].cells
    nn.paragraphs[0].add_run("Nơi nhận:").bold = True
    for line in ("- UBND tỉnh (b/c);", "- Lưu: VT, CCHC."):
        nn.add_paragraph(line)
    for k, line in enumerate(("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Nguyễn Văn C")):
        (sign.paragraphs[0] if k == 0 else sign.add_paragraph()).add_run(line).bold = line != "(Đã ký)"
    section = d.add_section()
    section.orientation, section.page_width, section.page_height = \
        WD_ORIENT.LANDSCAPE, section.page_height, section.page_width
    for line in ("PHỤ LỤC", "DANH MỤC NHIỆM VỤ", "(Kèm theo Kế hoạch số 123/KH-SNV ngày 10/01/2023 của Sở Nội vụ)"):
        d.add_paragraph(line)
    table = d.add_table(rows=1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("STT", "Nội dung", "Thời gian"), strict=True):
        cell.text = text
    for row in (("I. Tuyên truyền",), ("1", "Viết tin bài", "Quý I"), ("2", "Phóng sự", "Quý II"),
                ("II. Hội thi",), ("1", "Hội thi trực tuyến", "Quý III")):
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[2]).text = row[0]
        else:
            for cell, text in zip(cells, row, strict=True):
                cell.text = text
    d.save(path)
    return path


def test_a_plan_typed_in_word_with_its_phu_luc(tmp_path):
    path = _word_plan(tmp_path / "kh.docx")
    imported, again = rerender(path)
    data = imported.data
    assert data["co_quan"] == {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "SỞ NỘI VỤ", "viet_tat": "SNV",
                               "ten_goi": "Sở Nội vụ"}
    assert [m["tieu_de"] for m in data["noi_dung"]] == ["MỤC ĐÍCH", "NỘI DUNG"]
    assert data["noi_dung"][0]["muc"] == [{"tieu_de": "Mục đích", "doan": "Nâng cao nhận thức."}]
    assert data["noi_dung"][1]["muc"] == [{"doan": "Tuyên truyền trên báo chí."}, {"doan": "Tổ chức hội thi."}]
    table = data["phu_luc"][0]
    assert table["tieu_de"] == "DANH MỤC NHIỆM VỤ" and table["danh_so"] == {"nhom": "I.", "dong": "1"}
    assert [c["ten"] for c in table["cot"]] == ["Nội dung", "Thời gian"]
    assert [(g["ten"], len(g["dong"])) for g in table["nhom"]] == [("Tuyên truyền", 2), ("Hội thi", 1)]
    assert table["nhom"][1]["dong"][0] == {"noi_dung": "Hội thi trực tuyến", "thoi_gian": "Quý III"}
    assert [u.text for u in imported.unplaced] == ["(Đã ký)"]  # kept, as a comment, not dropped
    assert "# (Đã ký)" in import_yaml.text(imported)
    assert body_words(again)[:60] == body_words(path)[:60]
    report = ccch_docs.check(io.BytesIO(again))
    assert report.error is None and not report.violations


def test_footnotes_come_back_as_marks_and_notes():
    data = {"loai": "ke_hoach", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "mo_dau": "Ban Chỉ đạo 934[^1] họp; **Tổ công tác**[^2].",
            "chu_thich": {"1": "Ban Chỉ đạo Đề án 934", "2": "Tổ công tác CCHC"}, "luu": "VT",
            "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"]}
    first = ccch_docs.render(ccch_docs.from_dict(data))
    imported, second = rerender(first)
    assert imported.data["mo_dau"] == data["mo_dau"] and imported.data["chu_thich"] == data["chu_thich"]
    assert importer.read(io.BytesIO(second)).data == imported.data and not imported.unplaced


def test_footnotes_come_back_from_a_main_part_not_named_document_xml():
    # The package's relationships name the main part; import read its text but looked for the footnote marks
    # in word/document.xml or word/document2.xml alone, and dropped the notes.
    data = {"loai": "ke_hoach", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "mo_dau": "Ban Chỉ đạo 934[^1] họp.", "chu_thich": {"1": "Ban Chỉ đạo Đề án 934"},
            "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"]}
    renamed = {"word/document.xml": "word/van-ban.xml", "word/_rels/document.xml.rels": "word/_rels/van-ban.xml.rels"}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ccch_docs.render(ccch_docs.from_dict(data)))) as z, \
            zipfile.ZipFile(out, "w") as moved:
        for name in z.namelist():
            part = z.read(name)
            if name in ("_rels/.rels", "[Content_Types].xml"):
                part = part.replace(b"word/document.xml", b"word/van-ban.xml")
            moved.writestr(renamed.get(name, name), part)
    imported = importer.read(out)
    assert imported.data["mo_dau"] == data["mo_dau"] and imported.data["chu_thich"] == data["chu_thich"]


@pytest.mark.parametrize("moved", [
    {"word/footnotes.xml": "word/ghi-chu.xml"},  # a part named as its relationships say, not as Word names it
    {"word/": "vb/"},  # every part in another folder: its relationships' targets resolved against that folder
])
def test_footnotes_and_styles_are_found_where_the_relationships_point(moved):
    data = {"loai": "ke_hoach", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "mo_dau": "Ban Chỉ đạo 934[^1] họp.", "chu_thich": {"1": "Ban Chỉ đạo Đề án 934"},
            "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"]}
    old, new = next(iter(moved.items()))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(ccch_docs.render(ccch_docs.from_dict(data)))) as z, \
            zipfile.ZipFile(out, "w") as written:
        for name in z.namelist():
            part = z.read(name)
            if name in ("_rels/.rels", "[Content_Types].xml", "word/_rels/document.xml.rels"):
                part = part.replace(old.encode(), new.encode()) if old.endswith("/") else \
                    part.replace(old.removeprefix("word/").encode(), new.removeprefix("word/").encode())
            written.writestr(name.replace(old, new, 1) if name.startswith(old) else name, part)
    imported = importer.read(out)
    assert imported.data["mo_dau"] == data["mo_dau"] and imported.data["chu_thich"] == data["chu_thich"]
    assert imported.data["co_quan"]["ten"] == "SỞ NỘI VỤ" and imported.data["trich_yeu"] == "Thử"


def test_a_recipient_named_luu_tru_stays_a_recipient(tmp_path):
    # It was read as the Lưu line (luu: trữ lịch sử tỉnh), and the real one was kept among the recipients.
    path = clerk_docx.build(tmp_path / "k.docx", noi_nhan=["- Bộ Nội vụ;", "- Lưu trữ lịch sử tỉnh;", "- Lưu: VT, KSTTHC."])
    data = importer.read(path).data
    assert (data["noi_nhan"], data["luu"]) == (["Bộ Nội vụ", "Lưu trữ lịch sử tỉnh"], "VT, KSTTHC")


def test_a_draft_without_number_date_or_titles_gets_placeholders_listed(tmp_path, capsys):
    d = docx.Document()
    for line in ("SỞ NỘI VỤ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "\tĐộc lập - Tự do - Hạnh phúc",
                 "\tVĩnh Long, ngày    tháng    năm", "TỜ TRÌNH", "Về kế hoạch năm 2023", "",
                 "Kính gửi: Ủy ban nhân dân tỉnh.", "Sở Nội vụ kính trình./.", "Nơi nhận:", "- Như trên;",
                 "- Lưu: VT.", "Trần Văn D"):
        d.add_paragraph(line)
    d.save(tmp_path / "tt.docx")
    assert main(["nhap", str(tmp_path / "tt.docx"), "-o", str(tmp_path / "tt.yaml")]) == 0
    doc = ccch_docs.load(tmp_path / "tt.yaml").van_ban
    assert (doc.loai, doc.so, doc.co_quan.viet_tat) == ("to_trinh", None, "SNV")
    assert doc.kinh_gui == ("Ủy ban nhân dân tỉnh.",)  # one addressee: as written
    assert doc.nguoi_ky.ho_ten == "Trần Văn D" and doc.ngay.year is None
    err = capsys.readouterr().err
    assert "co_quan.viet_tat" in err and "nguoi_ky.chuc_vu" in err


def test_a_table_in_the_body_comes_back_as_a_bang_block():
    bang = {"ten": "Bảng 1. Kết quả giải quyết hồ sơ", "don_vi": "Đơn vị tính: hồ sơ",
            "cot": [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 15},
                    {"khoa": "tiep_nhan", "ten": "Tiếp nhận", "rong": 5}],
            "danh_so": {"nhom": "1.", "dong": "1"}, "tong_cong": "tiep_nhan",
            "dong": [{"linh_vuc": "Đất đai", "tiep_nhan": 12000}, {"linh_vuc": "Xây dựng", "tiep_nhan": 4333}]}
    data = {"loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"],
            "noi_dung": [{"tieu_de": "KẾT QUẢ", "doan": ["Trong kỳ:", {"bang": bang}, "Đạt cao."]},
                         {"tieu_de": "PHƯƠNG HƯỚNG", "doan": ["Tiếp tục.", "Trên đây là báo cáo./."]}]}
    first = ccch_docs.render(ccch_docs.from_dict(data))
    imported, second = rerender(first)
    assert imported.data["noi_dung"][0]["doan"] == ["Trong kỳ:", {"bang": bang}, "Đạt cao."]
    assert texts(second) == texts(first) and not imported.unplaced


def test_a_total_row_of_several_columns_comes_back_with_each_of_them():
    # Only the first filled cell of the total row was read: tong_cong came back as one key, the others lost.
    cot = [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 10}, {"khoa": "tiep_nhan", "ten": "Tiếp nhận", "rong": 5},
           {"khoa": "dung_han", "ten": "Đúng hạn", "rong": 5},
           {"khoa": "ti_le", "ten": "Tỷ lệ", "rong": 5, "ti_le": {"tu_so": "dung_han", "mau_so": "tiep_nhan"}}]
    bang = {"ten": "Bảng 1. Kết quả", "cot": cot, "danh_so": {"nhom": "1.", "dong": "1"},
            "tong_cong": ["tiep_nhan", "dung_han"],
            "dong": [{"linh_vuc": "Đất đai", "tiep_nhan": 12000, "dung_han": 11000, "ti_le": "91,7%"},
                     {"linh_vuc": "Xây dựng", "tiep_nhan": 4333, "dung_han": 4000, "ti_le": "92,3%"}]}
    data = {"loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"],
            "noi_dung": [{"tieu_de": "KẾT QUẢ", "doan": ["Trong kỳ:", {"bang": bang}, "Đạt cao."]}]}
    imported, _ = rerender(ccch_docs.render(ccch_docs.from_dict(data)))
    back = imported.data["noi_dung"][0]["doan"][1]["bang"]
    assert back["tong_cong"] == ["tiep_nhan", "dung_han"]  # the rate's total (92,0%) is no column to add up
    assert [row["tiep_nhan"] for row in back["dong"]] == [12000, 4333]
    rates_only = {**bang, "tong_cong": "ti_le"}
    data["noi_dung"][0]["doan"][1] = {"bang": rates_only}
    imported, _ = rerender(ccch_docs.render(ccch_docs.from_dict(data)))
    assert imported.data["noi_dung"][0]["doan"][1]["bang"].get("tong_cong", False) is False


def test_a_decision_without_authority_line_still_imports(tmp_path):
    path = clerk_docx.build(tmp_path / "qd.docx", ten_loai="QUYẾT ĐỊNH", so="Số: 3/QĐ-UBND",
                            labels=["Điều 1.", "1.", "a)", "b)", "2.", "Điều 2.", "1.", "2."])
    imported = importer.read(path)
    assert imported.added == ["tham_quyen"] and len(imported.data["dieu"]) == 2
    assert [u.text[:9] for u in imported.unplaced] == ["Nhằm cụ t"]  # no place before Điều 1: a comment
    ccch_docs.loads(import_yaml.text(imported))


def test_word_list_numbering_becomes_parts(tmp_path):
    d = docx.Document()
    for line in ("ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "HUYỆN X\tĐộc lập - Tự do - Hạnh phúc",
                 "Số: 17/UBND-VP\tX, ngày 15 tháng 3 năm 2022", "V/v triển khai cải cách hành chính", "",
                 "Kính gửi: Các phòng, ban.", "Ủy ban nhân dân huyện đề nghị:"):
        d.add_paragraph(line)
    for line in ("Rà soát thủ tục hành chính.", "Báo cáo kết quả trước ngày 30/3/2022."):
        d.add_paragraph(line, style="List Number")  # Word's automatic 1. 2.
    for line in ("Đề nghị thực hiện nghiêm./.", "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "CHỦ TỊCH", "Lê Văn E"):
        d.add_paragraph(line)
    d.save(tmp_path / "cv.docx")
    imported, again = rerender(tmp_path / "cv.docx")
    data = imported.data
    assert (data["loai"], data["co_quan"]["viet_tat"], data["don_vi_soan"]) == ("cong_van", "UBND", "VP")
    assert data["noi_dung"] == [{"doan": "Rà soát thủ tục hành chính."},
                                {"doan": "Báo cáo kết quả trước ngày 30/3/2022."}]
    assert "danh_so" not in data and data["kinh_gui"] == "Các phòng, ban."  # 1. 2.: the công văn's own numbering
    assert body_words(again) == body_words(tmp_path / "cv.docx")


LOOSE = {"loai": "ke_hoach", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
         "trich_yeu": "Thử", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"]}


@pytest.mark.parametrize("cap", [["I.", "1", "a", "-", "+"], ["I.", "1.", "a)", "-", "+"], ["1.", "-"]])
def test_bullets_and_unmarked_labels_come_back_as_parts(cap):
    tree = [{"tieu_de": "Mục đích", "muc": [
        {"doan": "Một là", "muc": [
            {"doan": "Điểm thứ nhất", "muc": [
                {"doan": "gạch một;", "muc": [{"doan": "cộng một;"}, {"doan": "cộng hai."}]},
                {"doan": ["gạch hai.", "Đoạn tiếp của gạch hai."]}]},
            {"doan": "Điểm thứ hai"}]},
        {"doan": "Hai là"}]}]
    if len(cap) == 2:  # 1. then bullets only
        tree = [{"doan": "Một là", "muc": [{"doan": "gạch một;"}, {"doan": "gạch hai."}]}, {"doan": "Hai là"}]
    source = {**LOOSE, "danh_so": {"cap": cap}, "noi_dung": tree}
    first = ccch_docs.render(ccch_docs.from_dict(source))
    assert any(t.startswith("+ cộng một;") for t in texts(first)) or len(cap) == 2
    imported, second = rerender(first)
    heading = {"I.": "MỤC ĐÍCH"}  # a level-I title comes back as printed
    want = [{**part, "tieu_de": heading[cap[0]]} if "tieu_de" in part else part for part in tree]
    assert imported.data["danh_so"] == {"cap": cap} and imported.data["noi_dung"] == want
    assert texts(second) == texts(first) and not imported.unplaced
    again, _ = rerender(second)
    assert again.data == imported.data


def test_bullets_at_a_depth_another_style_holds_stay_text():
    """`- ` lines where a) points stand elsewhere at the same depth: one depth, one style; they stay as written."""
    tree = [{"tieu_de": "Nhiệm vụ", "muc": [
        {"doan": "Một", "muc": [{"doan": "điểm a;"}, {"doan": "điểm b."}]},
        {"doan": ["Hai", "- gạch một;", "- gạch hai."]}]}]
    first = ccch_docs.render(ccch_docs.from_dict({**LOOSE, "noi_dung": tree}))
    imported, second = rerender(first)
    assert "danh_so" not in imported.data
    assert imported.data["noi_dung"][0]["muc"][1] == {"doan": ["Hai", "- gạch một;", "- gạch hai."]}
    assert texts(second) == texts(first)


def test_a_line_opening_with_a_number_is_no_label_out_of_order(tmp_path):
    path = clerk_docx.build(tmp_path / "n.docx", labels=["I.", "1.", "a)", "b)", "2.", "II.", "1.", "2."])
    d = docx.Document(path)
    d.paragraphs[-1].insert_paragraph_before("2021 là năm đầu tiên thực hiện.")
    d.save(path)
    imported, again = rerender(path)
    assert "cap" not in imported.data.get("danh_so", {})
    assert "2021 là năm đầu tiên thực hiện." in imported.data["noi_dung"][1]["muc"][0]["doan"]
    assert body_words(again) == body_words(path)


_BODY = ("KẾ HOẠCH", "Cải cách hành chính năm 2021", "Mở đầu.", "I. NHIỆM VỤ", "Nội dung./.", "Nơi nhận:", "- Lưu: VT.",
         "GIÁM ĐỐC", "Nguyễn Văn A")
_LEFT = ("UBND TỈNH ĐỒNG THÁP", "SỞ NỘI VỤ", "Số: 12/KH-SNV")
_RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Đồng Tháp, ngày 05 tháng 12 năm 2020")


def _header_line(p, text: str) -> None:
    run = p.add_run(text)
    run.bold = text in _RIGHT[:2] or text == _LEFT[1]
    run.italic = text == _RIGHT[2]


@pytest.mark.parametrize("layout", ["one-row table", "tabs", "right column first"])
def test_header_columns_of_a_python_docx_document_come_back_whole(tmp_path, layout):
    """A chủ quản over the body, in a one-row table, in tab-split lines, or with the right column typed first."""
    d = docx.Document()
    if layout == "one-row table":
        left, right = d.add_table(rows=1, cols=2).rows[0].cells
        for cell, lines in ((left, _LEFT), (right, _RIGHT)):
            for k, line in enumerate(lines):
                _header_line(cell.paragraphs[0] if k == 0 else cell.add_paragraph(), line)
    elif layout == "tabs":
        for a, b in zip(_LEFT, _RIGHT, strict=True):
            p = d.add_paragraph()
            _header_line(p, a)
            p.add_run("\t")
            _header_line(p, b)
    else:
        for line in _RIGHT[:2]:
            _header_line(d.add_paragraph("\t"), line)
        for line in _LEFT[:2]:
            _header_line(d.add_paragraph(), line)
        p = d.add_paragraph()
        _header_line(p, _LEFT[2])
        p.add_run("\t")
        _header_line(p, _RIGHT[2])
    for line in _BODY:
        d.add_paragraph(line)
    d.save(tmp_path / "h.docx")
    imported, again = rerender(tmp_path / "h.docx")
    assert header_columns(again) == header_columns(tmp_path / "h.docx") == (list(_LEFT), list(_RIGHT))
    assert imported.data["co_quan"] == {"chu_quan": "UBND TỈNH ĐỒNG THÁP", "ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}
    assert body_words(again) == body_words(tmp_path / "h.docx") and not imported.unplaced


def test_the_pack_is_a_commented_line_to_fill_in(tmp_path, rendered):
    """A .docx does not say which pack made it: the YAML has a `# mau:` line under `loai`; filled in, it is used."""
    out = tmp_path / "kh.yaml"
    assert main(["nhap", str(rendered["ke-hoach-cchc-2021-dong-thap"]), "-o", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    assert lines[lines.index("loai: ke_hoach") + 1] == import_yaml.PACK_LINE
    shutil.copytree(EXAMPLES[0].parent / "mau", tmp_path / "mau")
    filled = out.read_text("utf-8").replace(import_yaml.PACK_LINE, "mau: tinh-dong-thap")
    printed = texts(ccch_docs.render(ccch_docs.loads(filled, name=str(out), base_dir=tmp_path)))
    assert "- Cổng Thông tin điện tử Tỉnh;" in printed  # the pack's own Nơi nhận line
    assert "- Cổng Thông tin điện tử Tỉnh;" not in texts(rendered["ke-hoach-cchc-2021-dong-thap"].read_bytes())


_LEVELS = {"loai": "ke_hoach", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
           "trich_yeu": "Thử", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"],
           "noi_dung": [{"tieu_de": "MỤC ĐÍCH", "doan": ["Trên đây là kế hoạch./."]}]}
_COLS = [{"khoa": "noi_dung", "ten": "Nội dung", "rong": 11}, {"khoa": "chu_tri", "ten": "Chủ trì", "rong": 3},
         {"khoa": "thoi_gian", "ten": "Thời gian", "rong": 3}, {"khoa": "kinh_phi", "ten": "Kinh phí", "rong": 3}]


def _task(n: int, **more) -> dict:
    return {"noi_dung": f"Nhiệm vụ {n}", "chu_tri": "Sở Nội vụ", "thoi_gian": "Quý I", "kinh_phi": 1000 * n, **more}


@pytest.mark.parametrize(("danh_so", "own", "shape"), [
    ({"nhom": "I", "dong": "1", "lien_tuc": True}, None, ["II", "CẤP XÃ"]),  # stt
    ({"nhom": "I", "dong": "1", "nhom_o": "gop"}, None, ["II CẤP XÃ"]),          # one cell
    ({"nhom": "I.", "dong": "1", "nhom_o": "stt"}, None, ["II.", "CẤP XÃ"]),
    ({"nhom": "I", "dong": "1", "nhom_o": "tung_o"}, None, ["II", "CẤP XÃ", "", "", ""]),
    ({"nhom": "1.", "dong": "a)", "nhom_o": "gop"}, "tung_o", ["2.", "CẤP XÃ", "", "", ""]),
    ({"nhom": "I.", "dong": "1"}, "stt", ["II.", "CẤP XÃ"]),
])
def test_group_rows_and_labels_round_trip(danh_so, own, shape):
    second_group = {"ten": "CẤP XÃ", "dong": [_task(3)], **({"nhom_o": own} if own else {})}
    table = {"tieu_de": "NHIỆM VỤ", "cot": _COLS, "danh_so": danh_so, "tong_cong": True,
             "nhom": [{"ten": "CẤP TỈNH", "dong": [_task(1), _task(2)]}, second_group]}
    first = ccch_docs.render(ccch_docs.from_dict({**_LEVELS, "phu_luc": [table]}))
    cells = [p for p in flatten.read(io.BytesIO(first)).paras if p.table == 3 and p.row == 5]
    assert [p.text for p in cells] == shape
    imported, second = rerender(first)
    assert imported.data["phu_luc"][0] == table
    assert texts(second) == texts(first)
    again, _ = rerender(second)
    assert again.data == imported.data and not imported.unplaced


def test_merged_cells_round_trip():
    rows = [_task(1), _task(2, gop_tren=["chu_tri"], gop=["thoi_gian", "kinh_phi"], thoi_gian="Theo kế hoạch riêng"),
            _task(3, gop_tren=["chu_tri"]), _task(4, gop=["noi_dung", "chu_tri", "thoi_gian"])]
    for row in rows[1:]:
        for key in (*row.get("gop_tren", ()), *row.get("gop", ())[1:]):
            del row[key]
    table = {"tieu_de": "NHIỆM VỤ", "cot": _COLS, "danh_so": {"nhom": "1.", "dong": "1"}, "tong_cong": True,
             "dong": rows}
    first = ccch_docs.render(ccch_docs.from_dict({**_LEVELS, "phu_luc": [table]}))
    paras = [p for p in flatten.read(io.BytesIO(first)).paras if p.table == 3]
    assert [(p.cell, p.span, p.merged, p.text) for p in paras if p.row == 3] == [
        (1, 1, False, "2"), (2, 1, False, "Nhiệm vụ 2"), (3, 1, True, ""), (4, 2, False, "Theo kế hoạch riêng")]
    assert [(p.span, p.text) for p in paras if p.row == 5] == [(1, "4"), (3, "Nhiệm vụ 4"), (1, "4.000")]
    imported, second = rerender(first)
    assert imported.data["phu_luc"][0] == table
    assert texts(second) == texts(first)
    again, _ = rerender(second)
    assert again.data == imported.data and not imported.unplaced


def test_a_body_among_many_captioned_tables_is_read_in_one_pass():
    from test_check import captioned_tables, looked_at
    looks = []
    for groups in (40, 80):
        paras = captioned_tables(groups)
        parts = reader.Parts(flatten.Document(paras, [], [], None, ""))
        parts.captions = reader._captions(paras, 0, len(paras))
        looks.append(looked_at(paras))
        items = importer._Builder(parts)._items([p for p in paras if p.table is None], len(paras))
        assert [x.index if isinstance(x, reader.Para) else [p.index for p in x] for x in items][:4] == \
            [5, 6, [7, 8, 9, 10], 11]  # from the first paragraph: a caption is a line of the body, a table a block
    assert len(looks[1]) < 2.2 * len(looks[0])  # as many looks per paragraph, however many tables


def test_only_whole_thousands_of_a_totalled_column_become_numbers():
    """`12.000` reads two ways as text and comes back as the number; an amount with its unit or decimals, which the
    number reader takes as well, comes back as written."""
    rows = [_task(1, kinh_phi=12000), _task(2, kinh_phi="12.000 đồng"), _task(3, kinh_phi="1.234,5")]
    table = {"tieu_de": "NHIỆM VỤ", "cot": _COLS, "danh_so": {"nhom": "1.", "dong": "1"}, "tong_cong": True,
             "dong": rows}
    first = ccch_docs.render(ccch_docs.from_dict({**_LEVELS, "phu_luc": [table]}))
    imported, second = rerender(first)
    assert [row["kinh_phi"] for row in imported.data["phu_luc"][0]["dong"]] == [12000, "12.000 đồng", "1.234,5"]
    assert texts(second) == texts(first) and "25.234,5" in texts(first)


def test_a_negative_amount_and_total_come_back_as_numbers():
    """`-1.500` in a totalled column, and its negative total, read back as the numbers they print."""
    rows = [_task(1, kinh_phi=1000), _task(2, kinh_phi=-2500)]
    table = {"tieu_de": "NHIỆM VỤ", "cot": _COLS, "danh_so": {"nhom": "1.", "dong": "1"}, "tong_cong": True,
             "dong": rows}
    first = ccch_docs.render(ccch_docs.from_dict({**_LEVELS, "phu_luc": [table]}))
    imported, second = rerender(first)
    assert [row["kinh_phi"] for row in imported.data["phu_luc"][0]["dong"]] == [1000, -2500]
    assert texts(second) == texts(first) and "-1.500" in texts(first)


_WIDE = [*_COLS, {"khoa": "san_pham", "ten": "Sản phẩm", "rong": 3}, {"khoa": "ghi_chu", "ten": "Ghi chú", "rong": 2}]
_TEXT = [{"tieu_de": "Nội dung", "doan": "Các nhiệm vụ được giao."}]


def _orientations(source: bytes) -> list[bool]:
    """Whether each phụ lục's page is landscape."""
    return [a.section.landscape for a in reader.read(io.BytesIO(source)).annexes]


@pytest.mark.parametrize(("phu_luc", "huong"), [
    ({"tieu_de": "DANH SÁCH", "huong": "ngang", "noi_dung": _TEXT}, "ngang"),  # text only, landscape
    ({"tieu_de": "NHIỆM VỤ", "huong": "doc", "cot": _WIDE, "dong": [_task(1, san_pham="Báo cáo")]}, "doc"),
    ({"tieu_de": "NHIỆM VỤ", "huong": "doc", "noi_dung": [{"tieu_de": "Bảng", "doan": [
        {"bang": {"cot": _WIDE, "dong": [_task(1, san_pham="Báo cáo")]}}]}]}, "doc"),  # a wide table in its text
    ({"tieu_de": "DANH SÁCH", "noi_dung": _TEXT}, None),  # the rule's page: nothing to say
    ({"tieu_de": "NHIỆM VỤ", "cot": _WIDE, "dong": [_task(1, san_pham="Báo cáo")]}, None),
], ids=["text-landscape", "table-portrait", "wide-table-in-text-portrait", "text-portrait", "table-landscape"])
def test_a_phu_luc_keeps_its_page_through_import(phu_luc, huong):
    """`huong` is written when the page read is not the one the orientation rule gives, and only then."""
    first = ccch_docs.render(ccch_docs.from_dict({**_LEVELS, "phu_luc": [phu_luc]}))
    imported, second = rerender(first)
    assert imported.data["phu_luc"][0].get("huong") == huong
    assert _orientations(second) == _orientations(first) == [phu_luc.get("huong", "ngang" if "cot" in phu_luc
                                                                      else "doc") == "ngang"]


def test_a_document_typed_with_combining_accents_reads_as_one_typed_precomposed(rendered, tmp_path, capsys):
    # Every part of a .docx in NFD (`o\u0302\u0300` for `ồ`, as macOS and some Vietnamese keyboards type): `check`
    # found the Quốc hiệu unlike itself ("có CỘNG HÒA …; cần CỘNG HÒA …"), `import` placed neither the số nor the date.
    import unicodedata
    import zipfile
    example = rendered["bao-cao-giai-quyet-tthc-2025-dong-thap"]  # footnotes too
    nfd = tmp_path / "nfd.docx"
    with zipfile.ZipFile(example) as z, zipfile.ZipFile(nfd, "w", zipfile.ZIP_DEFLATED) as out:
        for name in z.namelist():
            data = z.read(name)
            out.writestr(name, unicodedata.normalize("NFD", data.decode()).encode() if name.endswith(".xml") else data)
    assert ccch_docs.check(nfd).findings == ccch_docs.check(example).findings == []
    assert import_yaml.text(importer.read(nfd)) == import_yaml.text(importer.read(example))


@pytest.mark.parametrize("profile", ["kh.yaml", "./kh.yaml", "link.yaml"])
def test_a_profile_named_as_the_document_is_refused(profile, tmp_path, rendered, monkeypatch, capsys):
    # `--profile` naming the YAML written itself: the profile was written, then replaced by the document, which
    # inherited itself (`ke_thua: kh.yaml`, a cycle) and had lost the letterhead and signer.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "kh.yaml")
    assert main(["nhap", str(rendered["ke-hoach-cchc-2021-dong-thap"]), "-o", "kh.yaml", "--profile", profile]) == 2
    assert "--profile trùng với tệp văn bản: hồ sơ đơn vị sẽ bị chính văn bản ghi đè" in capsys.readouterr().err
    assert sorted(os.listdir(tmp_path)) == ["link.yaml"]


def test_a_profile_named_as_another_format_is_refused(tmp_path, rendered, capsys):
    # `-o` had to name a YAML file (CCHC-E641); `--profile ubnd.docx` wrote the unit profile's YAML into a .docx.
    profile = tmp_path / "ubnd.docx"
    assert main(["nhap", str(rendered["ke-hoach-cchc-2021-dong-thap"]), "-o", str(tmp_path / "kh.yaml"),
                 "--profile", str(profile)]) == 2
    assert (f"{profile}: tệp ghi ra là YAML, không mang đuôi `.docx` (gợi ý: đặt tên tệp có đuôi .yaml, ví dụ --profile "
            "ubnd.yaml) [CCHC-E641]") in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def _edited(source: Path, to: Path, old: str, new: str) -> Path:
    """The .docx `source` with `old` replaced by `new` in its main part."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml, old
    parts["word/document.xml"] = xml.replace(old, new, 1).encode("utf-8")
    with zipfile.ZipFile(to, "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return to


@pytest.mark.parametrize("example, old, new, key", [
    ("ke-hoach-cchc-2021-dong-thap", "Theo dõi, kiểm tra", "Theo dõi 😀, kiểm tra", "noi_dung[1].muc[1].doan[3] (đoạn 25)"),
    ("ke-hoach-cchc-2022-vinh-long", "năm 2022 trên địa bàn tỉnh.", "năm 2022 trên địa bàn tỉnh \ufffc.",
     "phu_luc[0].nhom[0].dong[0].noi_dung (bảng 3 hàng 3 ô 2)"),
    ("ke-hoach-cchc-2021-dong-thap", "ngày 05 tháng 12 năm 2020", "ngày 31 tháng 02 năm 2020", "ngay"),
])
@pytest.mark.parametrize("output", ["k.yaml", "-"])
def test_what_the_imported_yaml_cannot_hold_is_placed_in_the_docx(tmp_path, capsys, example, old, new, key, output):
    """A value the input format refuses is reported at the .docx, its paragraph or table cell where its text is
    found, not at a line of the YAML the import made (and did not write)."""
    ccch_docs.render(ccch_docs.load(ROOT / "examples" / f"{example}.yaml"), tmp_path / "plain.docx")
    src = _edited(tmp_path / "plain.docx", tmp_path / "x.docx", old, new)
    assert main(["nhap", str(src), "-o", output if output == "-" else str(tmp_path / output)]) == 2
    out, err = capsys.readouterr()
    assert err.startswith(f"{src}: {key}: ") and err.endswith(" lỗi.\n") and err.count("\n") == 2, err
    assert out == "" and not (tmp_path / "k.yaml").exists()
