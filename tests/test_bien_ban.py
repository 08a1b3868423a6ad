"""Biên bản (Mẫu 1.9): the lines before the content, two signers side by side in a borderless table, the Nơi
nhận under the left one; its keys refused elsewhere; `check` asks no date line of it."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

import ccch_docs
from ccch_docs.checks import check
from ccch_docs.messages import translate
from docx_view import View, align, borderless, clean, ppr, size, toggle
from samples import MINUTES, PLAN

EXAMPLE = "bien-ban-kiem-tra-cchc-2024-xa-tan-phu"


def _cells(view: View) -> tuple[list, list]:
    """The footer table's two cells, their paragraphs with text."""
    row = view.footer_table().rows[0]
    return [p for p in row.cells[0].paragraphs if clean(p.text)], [p for p in row.cells[1].paragraphs if clean(p.text)]


def test_two_signers_side_by_side_in_a_borderless_table(rendered):
    view = View.open(rendered[EXAMPLE])
    table = view.footer_table()
    assert borderless(table._tbl) and len(table.rows) == 1 and len(table.rows[0].cells) == 2
    widths = [int(g.get(qn("w:w"))) for g in table._tbl.tblGrid.iter(qn("w:gridCol"))]
    assert widths[0] == pytest.approx(widths[1], abs=1)  # two equal halves
    left, right = _cells(view)
    assert [clean(p.text) for p in left[:3]] == ["ĐẠI DIỆN UBND XÃ TÂN PHÚ", "CHỦ TỊCH", "Nguyễn Văn Hùng"]
    assert [clean(p.text) for p in right] == ["TRƯỞNG ĐOÀN KIỂM TRA", "PHÓ TRƯỞNG PHÒNG NỘI VỤ", "Trần Minh Tâm"]
    for block in (left[:3], right):
        *titles, name = block
        for p in titles:  # role and title: upper case, bold, 14 pt, centred
            assert clean(p.text) == clean(p.text).upper() and toggle(p, "w:b") and size(p) == 14
            assert align(p) == "center" and not toggle(p, "w:i")
        assert toggle(name, "w:b") and size(name) == 14 and align(name) == "center"
        assert int(ppr(name, "w:spacing").get(qn("w:before"))) >= 1400  # room for the signature and seal


def test_noi_nhan_under_the_left_signer(rendered):
    view = View.open(rendered[EXAMPLE])
    left, _ = _cells(view)
    heading, *items = left[3:]
    assert clean(heading.text) == "Nơi nhận:" and size(heading) == 12
    assert toggle(heading, "w:b") and toggle(heading, "w:i")
    assert [clean(p.text) for p in items] == ["- UBND huyện (để b/c);", "- Phòng Nội vụ huyện;", "- UBND xã Tân Phú;",
                                              "- Lưu: VT, Hồ sơ."]
    assert all(size(p) == 11 and not toggle(p, "w:b") for p in items)
    assert view.texts(view.nguoi_cung_ky()) == ["ĐẠI DIỆN UBND XÃ TÂN PHÚ", "CHỦ TỊCH", "Nguyễn Văn Hùng"]


def test_default_roles_and_a_one_line_attendance(render_dict):
    view = render_dict(MINUTES)
    left, right = _cells(view)
    assert [clean(p.text) for p in left[:2]] == ["THƯ KÝ", "Lê Thị Thu"]
    assert [clean(p.text) for p in right] == ["CHỦ TỌA", "Trần Minh Tâm"]
    body = view.body_lines()
    assert body[:3] == ["Thời gian bắt đầu: 14 giờ 00 phút, ngày 05 tháng 3 năm 2024",
                        "Địa điểm: Phòng họp Phòng Nội vụ", "Thành phần tham dự: công chức Phòng Nội vụ"]
    assert not any(line.startswith(("Chủ trì", "Thư ký")) for line in body)  # not given, not printed
    assert body[-1] == "Cuộc họp kết thúc vào 16 giờ 00 phút cùng ngày./."
    assert view.texts(view.title()) == ["BIÊN BẢN", "Họp giao ban công tác cải cách hành chính quý I năm 2024"]
    assert "Số: 03/BB-PNV" in view.header()


def test_the_lines_before_the_content_are_body_paragraphs(rendered):
    view = View.open(rendered[EXAMPLE])
    first = view.body()[:7]
    assert [clean(p.text).split(":")[0] for p in first[:3]] == ["Thời gian bắt đầu", "Địa điểm", "Thành phần tham dự"]
    assert clean(first[5].text).startswith("Chủ trì (chủ toạ): ông Trần Minh Tâm")
    assert clean(first[6].text).startswith("Thư ký (người ghi biên bản): bà Phạm Thị Hồng")
    for p in first:
        assert size(p) == 14 and not toggle(p, "w:b") and align(p) == "both"


def _problems(data: dict) -> list[tuple[str, str, str]]:
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict(data)
    return [(p.key, p.code, p.message) for p in info.value.problems]


def test_what_a_bien_ban_needs_is_named_with_its_code():
    bare = {k: v for k, v in MINUTES.items()
            if k not in ("thoi_gian_bat_dau", "dia_diem", "thanh_phan", "ket_thuc", "nguoi_cung_ky")}
    found = {(key, code) for key, code, _ in _problems(bare)}
    assert found == {("thoi_gian_bat_dau", "CCHC-E632"), ("dia_diem", "CCHC-E633"), ("thanh_phan", "CCHC-E634"),
                     ("ket_thuc", "CCHC-E635"), ("nguoi_cung_ky", "CCHC-E636")}
    assert {(key, code) for key, code, _ in _problems({**MINUTES, "kinh_gui": "Sở Nội vụ"})} == {
        ("kinh_gui", "CCHC-E065")}
    assert translate("biên bản cần người ký bên trái (thư ký, người ghi biên bản)", "en").startswith("minutes need")


def test_its_keys_are_refused_in_other_types():
    found = _problems({**PLAN, "thanh_phan": "A", "nguoi_cung_ky": {"ho_ten": "B"},
                       "nguoi_ky": {**PLAN["nguoi_ky"], "vai_tro": "CHỦ TỌA"}})
    assert {(key, code) for key, code, _ in found} == {("thanh_phan", "CCHC-E064"), ("nguoi_cung_ky", "CCHC-E064"),
                                                       ("nguoi_ky.vai_tro", "CCHC-E637")}


def test_a_signer_of_a_bien_ban_keeps_the_decree_rules():
    found = _problems({**MINUTES, "nguoi_cung_ky": {"ho_ten": "Bà Lê Thị Thu"}})
    assert [(key, code) for key, code, _ in found] == [("nguoi_cung_ky.ho_ten", "CCHC-E631")]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_its_signers_sign_in_their_own_name(lang):
    """No TM., KT., TL., TUQ. in a biên bản: each form refused at its key with CCHC-E638 and a hint; Q. (the
    signer's own acting title) stays, and the same forms stay accepted in other types."""
    from ccch_docs.messages import speaking
    data = {**MINUTES, "nguoi_ky": {"tm": "Đoàn kiểm tra", "kt": "Trưởng đoàn", "chuc_vu": "Phó Trưởng đoàn",
                                    "ho_ten": "Trần Minh Tâm"},
            "nguoi_cung_ky": {"tl": "Trưởng phòng", "tuq": "Chủ tịch", "q": "Chánh Văn phòng", "ho_ten": "Lê Thị Thu"}}
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict(data)
    problems = info.value.problems
    assert {(p.key, p.code) for p in problems} == {
        ("nguoi_ky.tm", "CCHC-E638"), ("nguoi_ky.kt", "CCHC-E638"), ("nguoi_cung_ky.tl", "CCHC-E638"),
        ("nguoi_cung_ky.tuq", "CCHC-E638")}
    kt = next(p for p in problems if p.key == "nguoi_ky.kt")
    with speaking(lang):
        shown = str(kt)
    if lang == "vi":
        assert "không ký dưới dòng KT." in shown and "gợi ý: bỏ `kt` (`kt: null` khi nó đến từ tệp ke_thua)" in shown
    else:
        assert "the signers of minutes sign in their own name, not under a KT. line" in shown
        assert "remove `kt` (`kt: null` when it comes from a ke_thua file); write the role in vai_tro" in shown
    assert shown.endswith("[CCHC-E638]")
    ccch_docs.from_dict({**PLAN, "nguoi_ky": {"kt": "Chủ tịch", "chuc_vu": "Phó Chủ tịch", "ho_ten": "Lê Văn A"}})


def test_a_kt_line_in_a_bien_ban_file_is_placed_at_its_line(tmp_path):
    """Read from YAML, the refusal names the file, the line of the `kt` key and the key."""
    from ccch_docs.yamlio import dump_yaml
    path = tmp_path / "bb.yaml"
    path.write_text(dump_yaml({**MINUTES, "nguoi_ky": {"kt": "Chủ tịch", "chuc_vu": "Phó Chủ tịch",
                                                       "ho_ten": "Trần Minh Tâm"}}), "utf-8")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(path)
    [problem] = info.value.problems
    line = next(k for k, text in enumerate(path.read_text("utf-8").splitlines(), 1) if text.strip().startswith("kt:"))
    assert (problem.file, problem.line, problem.key, problem.code) == (str(path), line, "nguoi_ky.kt", "CCHC-E638")


def test_a_starter_takes_off_the_profiles_signing_for_lines(tmp_path):
    """A unit profile signs `KT. GIÁM ĐỐC`: a biên bản's starter inheriting it sets `kt: null`, and its chủ tọa
    prints the profile's title and name without the KT. line."""
    from pathlib import Path

    from ccch_docs.cli import main
    examples = Path(__file__).resolve().parent.parent / "examples"
    shutil.copytree(examples / "don-vi", tmp_path / "don-vi")
    shutil.copytree(examples / "mau", tmp_path / "don-vi" / "mau")
    out = tmp_path / "bb.yaml"
    assert main(["init", "--loai", "bien_ban", "--don-vi", str(tmp_path / "don-vi" / "so-noi-vu-dong-thap.yaml"),
                 "-o", str(out)]) == 0
    text = out.read_text("utf-8")
    assert "\nnguoi_ky:" in text and "\n  kt: null\n" in text
    out.write_text(text + "du_thao: true\n", "utf-8")
    ccch_docs.render(ccch_docs.load(out), tmp_path / "bb.docx")
    _, right = _cells(View.open(tmp_path / "bb.docx"))
    assert [clean(p.text) for p in right] == ["CHỦ TỌA", "PHÓ GIÁM ĐỐC", "Trần Văn Ví Dụ"]


def test_check_asks_no_date_line_of_a_bien_ban(rendered, tmp_path):
    """Mẫu 1.9 prints no địa danh, ngày line: a biên bản without one passes; another type without one does not."""
    def undated(src, out):
        with zipfile.ZipFile(src) as z:
            parts = {n: z.read(n) for n in z.namelist()}
        doc = Document(src)
        for p in list(doc.paragraphs) + [p for t in doc.tables for c in t._cells for p in c.paragraphs]:
            if p.style.style_id == "DiaDanhNgay":
                p._p.getparent().remove(p._p)
        doc.save(out)
        return parts

    undated(rendered[EXAMPLE], tmp_path / "bb.docx")
    assert check(tmp_path / "bb.docx").violations == []
    undated(rendered["bao-cao-cchc-quy-iii-2024-xa-tan-phu"], tmp_path / "bc.docx")
    assert [f.code for f in check(tmp_path / "bc.docx").violations] == ["dia_danh_ngay.missing"]


def test_check_holds_both_signers_to_the_decree(rendered, tmp_path):
    """Each signer block is checked: the left one's role not bold, its name titled and small are found there (the
    left cell, numbered 1); the right one, untouched, gives nothing."""
    assert check(rendered[EXAMPLE]).violations == []
    doc = Document(rendered[EXAMPLE])
    role, _, name = [p for p in doc.tables[-1].rows[0].cells[0].paragraphs if clean(p.text)][:3]
    for r in role.runs:
        r.bold = False
    name.runs[0].text = "TS. " + name.runs[0].text
    for r in name.runs:
        r.font.size = Pt(12)
    doc.save(tmp_path / "faulty.docx")
    found = {(f.code, w.cell, w.text) for f in check(tmp_path / "faulty.docx").violations for w in f.where}
    assert found == {("chuc_danh.bold", 1, "ĐẠI DIỆN UBND XÃ TÂN PHÚ"), ("ho_ten.title", 1, "TS. Nguyễn Văn Hùng"),
                     ("ho_ten.size", 1, "TS. Nguyễn Văn Hùng")}


def test_check_reports_a_left_signer_it_cannot_find(rendered, tmp_path, capsys):
    """A biên bản whose left cell holds the Nơi nhận alone: `cung_ky.missing` (a part not found, exit 1) with its
    hint, in the text, JSON and HTML reports and in English; the right signer is still checked."""
    import json

    from ccch_docs import cli
    doc = Document(rendered[EXAMPLE])
    cell = doc.tables[-1].rows[0].cells[0]
    for p in cell.paragraphs[:next(k for k, p in enumerate(cell.paragraphs) if p.text.startswith("Nơi nhận"))]:
        p._p.getparent().remove(p._p)
    doc.save(tmp_path / "one.docx")
    report = check(tmp_path / "one.docx")
    [finding] = report.violations
    assert (finding.code, finding.kind, finding.where) == ("cung_ky.missing", "missing", [])
    assert finding.hint and finding.hint[0].startswith("Mẫu 1.9: hai người ký ngang hàng")
    assert cli.main(["check", str(tmp_path / "one.docx")]) == 1
    out = capsys.readouterr().out
    assert "1 phần không tìm thấy" in out
    assert ("cung_ky.missing  người ký bên trái của biên bản: không tìm thấy (gợi ý: Mẫu 1.9: hai người ký ngang hàng "
            "trong một bảng không viền hai cột, THƯ KÝ bên trái") in out
    assert cli.main(["--lang", "en", "check", "--json", str(tmp_path / "one.docx")]) == 1
    [found] = json.loads(capsys.readouterr().out)[0]["findings"]
    assert (found["code"], found["element"], found["found"]) == ("cung_ky.missing", "the minutes' left signer",
                                                                  "not found")
    assert found["hint"].startswith("form 1.9: the two signers side by side")
    page = tmp_path / "report.html"
    assert cli.main(["--lang", "en", "check", str(tmp_path / "one.docx"), "--html", str(page)]) == 1
    html = page.read_text("utf-8")
    assert '<tr class="missing"><td><code>cung_ky.missing</code></td><td>the minutes&#39; left signer</td>' in html
    assert "<br>hint: form 1.9: the two signers side by side" in html
    assert [f.code for f in check(rendered[EXAMPLE]).findings] == []  # untouched, both are found


def test_a_bien_ban_imports_with_its_lines_and_both_signers(rendered):
    from ccch_docs import importer
    data = importer.read(rendered[EXAMPLE]).data
    assert data["loai"] == "bien_ban" and data["dia_diem"] == "Hội trường Ủy ban nhân dân xã Tân Phú"
    assert len(data["thanh_phan"]) == 2 and data["thu_ky"].startswith("bà Phạm Thị Hồng")
    assert data["nguoi_cung_ky"] == {"vai_tro": "ĐẠI DIỆN UBND XÃ TÂN PHÚ", "chuc_vu": "CHỦ TỊCH",
                                     "ho_ten": "Nguyễn Văn Hùng"}
    assert data["nguoi_ky"]["vai_tro"] == "TRƯỞNG ĐOÀN KIỂM TRA"


# A right-hand block with its role and a title, the left one with its role alone.
UNEVEN = {**MINUTES, "nguoi_cung_ky": {"ho_ten": "Lê Thị Thu"},
          "nguoi_ky": {"vai_tro": "Trưởng đoàn kiểm tra", "chuc_vu": "Phó Trưởng phòng Nội vụ",
                       "ho_ten": "Trần Minh Tâm"}}
# The same with a title that takes two lines of its half of the page.
WRAPPED = {**UNEVEN, "nguoi_ky": {**UNEVEN["nguoi_ky"], "chuc_vu": "Phó Trưởng phòng Nội vụ huyện Châu Thành"}}


def _above_names(view: View) -> tuple[list, list]:
    """The paragraphs above the name in each signer's cell, empty ones too."""
    def above(cell) -> list:
        paras = cell.paragraphs
        return paras[:next(k for k, p in enumerate(paras) if p.style.style_id == "HoTenKy")]
    left, right = view.footer_table().rows[0].cells
    return above(left), above(right)


def test_names_line_up_whatever_each_block_holds(render_dict):
    left, right = _above_names(render_dict(UNEVEN))
    assert [clean(p.text) for p in right] == ["TRƯỞNG ĐOÀN KIỂM TRA", "PHÓ TRƯỞNG PHÒNG NỘI VỤ"]
    assert [clean(p.text) for p in left] == ["THƯ KÝ", ""]  # an empty line of the role's style
    assert all(p.style.style_id == "ChucDanhKy" and size(p) == 14 for p in left)
    left, right = _above_names(render_dict({**UNEVEN, "nguoi_cung_ky": UNEVEN["nguoi_ky"],
                                            "nguoi_ky": UNEVEN["nguoi_cung_ky"]}, "swapped"))
    assert [clean(p.text) for p in right] == ["CHỦ TỌA", ""] and len(left) == 2
    left, right = _above_names(render_dict(WRAPPED, "wrapped"))  # the title's second line counts
    assert len(right) == 2 and [clean(p.text) for p in left] == ["THƯ KÝ", "", ""]
    left, right = _above_names(render_dict(MINUTES, "even"))
    assert [clean(p.text) for p in left] == ["THƯ KÝ"] and [clean(p.text) for p in right] == ["CHỦ TỌA"]


def _name_lines(pdf) -> dict[str, float]:
    """The top (points) of each word of the signers' names on the PDF's last page, by word."""
    from xml.etree import ElementTree
    bbox = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    page = ElementTree.fromstring(bbox[bbox.index("<html"):]).findall(".//{*}page")[-1]
    return {w.text: float(w.get("yMin")) for w in page.findall(".//{*}word") if w.text in ("Hùng", "Thu", "Tâm")}


@pytest.mark.libreoffice
def test_libreoffice_prints_the_two_names_on_one_line(rendered, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    docs = [rendered[EXAMPLE]]
    for name, data in (("uneven", UNEVEN), ("wrapped", WRAPPED)):
        docs.append(tmp_path / f"{name}.docx")
        ccch_docs.render(ccch_docs.from_dict(data), docs[-1])
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), *map(str, docs)], capture_output=True, timeout=300, check=True)
    pdf = tmp_path / f"{EXAMPLE}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        names = [line for line in text.splitlines() if "Nguyễn Văn Hùng" in line and "Trần Minh Tâm" in line]
        assert len(names) == 1 and names[0].index("Nguyễn Văn Hùng") < names[0].index("Trần Minh Tâm")
        for name in ("uneven", "wrapped"):
            tops = _name_lines(tmp_path / f"{name}.pdf")
            assert tops.keys() == {"Thu", "Tâm"} and abs(tops["Thu"] - tops["Tâm"]) < 1, (name, tops)


def test_an_attendance_list_ends_at_the_content_whatever_label_the_content_repeats(render_dict, tmp_path):
    from ccch_docs import importer
    data = {**MINUTES, "thanh_phan": ["1. Đoàn kiểm tra: ông A.", "2. Ủy ban nhân dân xã: ông B."],
            "noi_dung": [{"tieu_de": "Kết quả kiểm tra",
                          "doan": ["Bộ phận Một cửa:", "Địa điểm: tầng 1 trụ sở, thuận tiện cho người dân."]}]}
    render_dict(data)
    back = importer.read(tmp_path / "doc.docx").data
    assert back["thanh_phan"] == data["thanh_phan"] and back["dia_diem"] == MINUTES["dia_diem"]
    assert back["noi_dung"] == [{"tieu_de": "KẾT QUẢ KIỂM TRA", "doan": data["noi_dung"][0]["doan"]}]


def test_a_bien_ban_built_without_validation_is_refused_without_its_left_signer():
    bare = ccch_docs.VanBan.model_validate({k: v for k, v in MINUTES.items() if k != "nguoi_cung_ky"})
    with pytest.raises(ccch_docs.InputError) as exc:
        ccch_docs.render(bare)
    (p,) = exc.value.problems
    assert (p.key, p.code) == ("nguoi_cung_ky", "CCHC-E636") and "nguoi_cung_ky: {ho_ten:" in p.hint


@pytest.mark.parametrize("line", ["Chủ trì (chủ toạ): ông A", "Chủ trì (chủ tọa): ông A", "Chủ trì: ông A"])
def test_the_chair_line_reads_back_in_either_spelling(line):
    from ccch_docs import import_minutes
    assert import_minutes.opening([line, "I. NỘI DUNG"]) == ({"chu_tri": "ông A"}, 1)
