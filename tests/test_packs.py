"""Template packs: the search path and its precedence, `mau:` resolution, pack.yaml settings and their effect."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import textwrap
import zipfile

import pytest
from lxml import etree

import ccch_docs
from ccch_docs import engine
from ccch_docs.cli import main
from ccch_docs.presets import PRESETS
from conftest import ROOT, make_pack
from docx_view import View

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("CCHC_TEMPLATES", raising=False)


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def _doc(text: str, tmp_path, **kw) -> ccch_docs.VanBan:
    (tmp_path / "doc.yaml").write_text(textwrap.dedent(text), "utf-8")
    return ccch_docs.load(tmp_path / "doc.yaml", **kw)


DOC = """\
    ke_thua: {profile}
    {mau}
    loai: ke_hoach
    trich_yeu: Thử bộ mẫu
    noi_nhan: [Bộ Nội vụ]
    luu: VT
    """


def _problem(exc_info):
    assert len(exc_info.value.problems) == 1, str(exc_info.value)
    return exc_info.value.problems[0]


def test_pack_changes_exactly_the_size_pairing_one_wording_and_a_column_preset(tmp_path):
    """Size pairing 12/13, another Nơi nhận label, a preset's column title: only those differ."""
    plain = ccch_docs.render(ccch_docs.load(EXAMPLE))
    columns = "".join(f"\n    - {{khoa: {k}, ten: '{t}', rong: {r}}}" for k, t, r in PRESETS["ke_hoach_8_cot"])
    columns = columns.replace("'Kinh phí dự kiến'", "'Kinh phí dự kiến (đồng)'")
    make_pack(tmp_path / "p", 'co_chu: "12/13"\ntu_ngu: {noi_nhan: "Nơi nhận (bản điện tử):"}\n'
                              f"cot:\n  ke_hoach_8_cot:{columns}\n")
    custom = ccch_docs.render(ccch_docs.load(EXAMPLE, templates=tmp_path / "p"))
    a, b = _parts(plain), _parts(custom)
    assert a.keys() == b.keys()
    assert {n for n in a if a[n] != b[n]} == {"word/document.xml", "word/styles.xml"}

    def styles(xml):
        return {s.get(W + "styleId"): s for s in etree.fromstring(xml).iter(W + "style")}

    sa, sb = styles(a["word/styles.xml"]), styles(b["word/styles.xml"])
    changed = {sid for sid in sa if etree.tostring(sa[sid]) != etree.tostring(sb[sid])}
    assert changed == {"QuocHieu", "TieuNgu", "DiaDanhNgay"}
    for sid, size in (("QuocHieu", "24"), ("TieuNgu", "26"), ("DiaDanhNgay", "26")):
        assert {e.get(W + "val") for e in sb[sid].iter(W + "sz", W + "szCs")} == {size}

    def paragraphs(xml):
        return [etree.tostring(p) for p in etree.fromstring(xml).iter(W + "p")]

    pa, pb = paragraphs(a["word/document.xml"]), paragraphs(b["word/document.xml"])
    assert len(pa) == len(pb)
    differ = [i for i in range(len(pa)) if pa[i] != pb[i]]
    texts = ["".join(etree.fromstring(pb[i]).itertext()) for i in differ]
    # the line under the Tiêu ngữ is refitted
    assert texts == ["Độc lập - Tự do - Hạnh phúc", "Nơi nhận (bản điện tử):", "Kinh phí dự kiến (đồng)"]


def test_compiled_templates_are_cached_per_size_pairing():
    path = ccch_docs.packs.builtin_dir() / "van_ban.docx"
    assert engine.compiled(path) is engine.compiled(path)
    assert engine.compiled(path, (12.0, 13.0)) is not engine.compiled(path)


def test_templates_argument_wins_over_environment(tmp_path, monkeypatch):
    env = make_pack(tmp_path / "env", "tu_ngu: {noi_nhan: 'Từ biến môi trường:'}\n", {"{{ ten_loai }}": "ENV"})
    given = make_pack(tmp_path / "given", "tu_ngu: {noi_nhan: 'Từ tham số:'}\n")
    monkeypatch.setenv("CCHC_TEMPLATES", str(env))
    out = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--templates", str(given)]) == 0
    view = View.open(out)
    assert view.noi_nhan()[0].text == "Từ tham số:"  # pack.yaml: the --templates folder wins
    assert view.title()[0].text == "ENV"  # van_ban.docx: only CCHC_TEMPLATES has one
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    assert View.open(out).noi_nhan()[0].text == "Từ biến môi trường:"
    monkeypatch.setenv("CCHC_TEMPLATES", os.pathsep.join([str(given), str(env)]))
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    assert View.open(out).noi_nhan()[0].text == "Từ tham số:"


def test_missing_template_folder_is_an_error(tmp_path, capsys):
    assert main(["render", str(EXAMPLE), "-o", str(tmp_path / "x.docx"), "--templates", str(tmp_path / "nope")]) == 2
    assert "thư mục mẫu không tồn tại" in capsys.readouterr().err
    assert not (tmp_path / "x.docx").exists()


def test_mau_pack_beside_the_document_and_defaults_chain(tmp_path):
    """pack.yaml mac_dinh → unit profile → document, in that order of priority (the document wins)."""
    make_pack(tmp_path / "mau" / "tinh", textwrap.dedent("""\
        mac_dinh:
          dia_danh: Tỉnh Mẫu
          luu: VT, PACK
          co_quan: {viet_tat: PACK, dia_chi: "Địa chỉ: số 1; ĐT: 0000"}
          nguoi_ky: {chuc_vu: CHỦ TỊCH, ho_ten: Người Của Bộ Mẫu}
        noi_nhan: {dau: [Như trên], cuoi: [Lưu trữ điện tử]}
        """))
    (tmp_path / "don-vi.yaml").write_text("mau: tinh\nco_quan: {ten: SỞ MẪU, viet_tat: SM}\n"
                                          "nguoi_ky: {ho_ten: Người Của Đơn Vị}\n", "utf-8")
    doc = _doc(DOC.format(profile="don-vi.yaml", mau=""), tmp_path)
    assert (doc.dia_danh, doc.luu, doc.co_quan.viet_tat) == ("Tỉnh Mẫu", "VT", "SM")
    assert (doc.nguoi_ky.chuc_vu, doc.nguoi_ky.ho_ten) == ("CHỦ TỊCH", "Người Của Đơn Vị")
    out = tmp_path / "out.docx"
    ccch_docs.render(doc, out)
    view = View.open(out)
    assert [p.text for p in view.noi_nhan()] == ["Nơi nhận:", "- Như trên;", "- Bộ Nội vụ;", "- Lưu trữ điện tử;",
                                                  "- Lưu: VT."]
    footer = view.doc.sections[0].first_page_footer
    assert [p.text for p in footer.paragraphs] == ["Địa chỉ: số 1; ĐT: 0000"]
    assert footer.paragraphs[0].style.name == "CCHC Địa chỉ"


def test_no_address_prints_an_empty_footer(rendered):
    footer = View.open(rendered["ke-hoach-cchc-2021-dong-thap"]).doc.sections[0].first_page_footer
    assert [p.text for p in footer.paragraphs] == [""]


@pytest.mark.parametrize("name, words", [
    ("../x", "ra ngoài"), ("mau/../../x", "ra ngoài"), ("/etc", "tuyệt đối"), ("C:\\\\mau", "tuyệt đối"),
])
def test_mau_cannot_leave_the_template_folders(tmp_path, name, words):
    with pytest.raises(ccch_docs.InputError) as exc_info:
        ccch_docs.loads(f'mau: "{name}"\nloai: ke_hoach\n', name="a.yaml", base_dir=tmp_path)
    p = _problem(exc_info)
    assert (p.file, p.line, p.key) == ("a.yaml", 1, "mau") and words in p.message


def test_mau_symlink_out_of_the_folder_is_refused(tmp_path):
    outside = make_pack(tmp_path / "outside", "ten: ngoài\n")
    (tmp_path / "doc" / "mau").mkdir(parents=True)
    (tmp_path / "doc" / "mau" / "lien-ket").symlink_to(outside, target_is_directory=True)
    with pytest.raises(ccch_docs.InputError) as exc_info:
        ccch_docs.loads("mau: lien-ket\nloai: ke_hoach\n", name="a.yaml", base_dir=tmp_path / "doc")
    assert "liên kết" in _problem(exc_info).message


def test_unknown_pack_suggests_a_close_name(tmp_path):
    make_pack(tmp_path / "mau" / "tinh-dong-thap", "ten: x\n")
    with pytest.raises(ccch_docs.InputError) as exc_info:
        ccch_docs.loads("loai: ke_hoach\nmau: tinh-dong-thapp\n", name="a.yaml", base_dir=tmp_path)
    p = _problem(exc_info)
    assert (p.line, p.key) == (2, "mau") and "tinh-dong-thap`" in p.hint


@pytest.mark.parametrize("pack_yaml, line, key, words, hint", [
    ('co_chu: "14/15"\n', 1, "co_chu", "không hợp lệ", "12/13"),
    ("tu_ngu:\n  noi_nhan: Nơi nhận\n  kinh_gui_: Kính gửi\n", 3, "tu_ngu.kinh_gui_", "khóa không có", "kinh_gui"),
    ("mac_dinh:\n  luuu: VT\n", 2, "mac_dinh.luuu", "không phải khóa", "luu"),
    ("mac_dinh:\n  mau: khac\n", 2, "mac_dinh.mau", "bộ mẫu", None),
    ("cot:\n  ba_cot:\n    - {khoa: a, ten: A}\n    - {khoa: a, ten: B}\n", 2, "cot.ba_cot", "không trùng", None),
    ("cot:\n  hai_cot:\n    - {khoa: a, ten: A, rongg: 2}\n", 3, "cot.hai_cot[0].rongg", "khóa", "rong"),
])
def test_pack_yaml_errors_are_located(tmp_path, pack_yaml, line, key, words, hint):
    make_pack(tmp_path / "p", pack_yaml)
    with pytest.raises(ccch_docs.InputError) as exc_info:
        ccch_docs.load(EXAMPLE, templates=[tmp_path / "p"])
    p = _problem(exc_info)
    assert (p.file, p.line, p.key) == (str(tmp_path / "p" / "pack.yaml"), line, key)
    assert words in p.message
    assert hint is None or hint in p.hint


def test_bad_default_value_is_located_in_pack_yaml(tmp_path):
    make_pack(tmp_path / "p", "mac_dinh:\n  do_khan: gap\n  danh_so: {chu_cai: khong}\n")
    with pytest.raises(ccch_docs.InputError) as exc_info:
        _doc(DOC.format(profile=EXAMPLE, mau=""), tmp_path, templates=[tmp_path / "p"])
    found = {(p.file, p.line, p.key) for p in exc_info.value.problems}
    pack = str(tmp_path / "p" / "pack.yaml")
    assert found == {(pack, 2, "do_khan"), (pack, 3, "danh_so.chu_cai")}


def test_example_pack_renders_with_its_settings(rendered):
    view = View.open(rendered["ke-hoach-tuyen-truyen-cchc-2022-so-noi-vu"])
    styles = view.doc.styles
    assert (styles["CCHC Quốc hiệu"].font.size.pt, styles["CCHC Tiêu ngữ"].font.size.pt) == (12, 13)
    assert styles["CCHC Nội dung"].font.size.pt == 13  # the pack's own van_ban.docx
    assert view.noi_nhan()[-2].text == "- Cổng Thông tin điện tử Tỉnh;"
    assert view.noi_nhan()[-1].text == "- Lưu: VT, CCHC."
    assert view.doc.sections[0].first_page_footer.paragraphs[0].text.startswith("Địa chỉ:")


@pytest.mark.libreoffice
def test_template_saved_by_libreoffice_renders_like_the_original(tmp_path):
    """The template author's way: export, open and save in LibreOffice (which renames style ids), render."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is needed: apt-get install libreoffice-writer-nogui"
    assert main(["templates", "export", "van_ban", "--to", str(tmp_path / "export")]) == 0
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                           "docx:MS Word 2007 XML", "--outdir", str(tmp_path / "pack"),
                           str(tmp_path / "export" / "van_ban.docx")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and (tmp_path / "pack" / "van_ban.docx").exists(), done.stderr
    (tmp_path / "pack" / "pack.yaml").write_text('co_chu: "12/13"\n', "utf-8")
    assert main(["templates", "check", str(tmp_path / "pack")]) == 0
    ccch_docs.render(ccch_docs.load(EXAMPLE), tmp_path / "ours.docx")
    ccch_docs.render(ccch_docs.load(EXAMPLE, templates=tmp_path / "pack"), tmp_path / "theirs.docx")
    ours, theirs = View.open(tmp_path / "ours.docx"), View.open(tmp_path / "theirs.docx")
    assert [p.text for p in theirs.doc.paragraphs] == [p.text for p in ours.doc.paragraphs]
    assert theirs.header() == ours.header()
    tieu_ngu = theirs.doc.tables[0].rows[0].cells[1].paragraphs[1]
    assert tieu_ngu.style.style_id != "TieuNgu" and tieu_ngu.style.name == "CCHC Tiêu ngữ"
    assert tieu_ngu.style.font.size.pt == 13
    indent = tieu_ngu.paragraph_format.left_indent
    assert indent is not None and indent > 0, "the line under the Tiêu ngữ is fitted to its text"


def test_a_pack_named_by_a_number_unquoted_is_used_and_a_name_too_long_is_not_found(tmp_path):
    # `mau: 2024` (a number to YAML) looked no pack up: the document rendered with the built-in look, silently;
    # a name longer than the system takes was an OSError (File name too long) from deep inside.
    make_pack(tmp_path / "mau" / "2024", "mac_dinh: {nguoi_soan: NT.(5)}\n")
    doc = _doc(DOC.format(profile=EXAMPLE, mau="mau: 2024"), tmp_path)
    assert doc.nguoi_soan == "NT.(5)" and doc.templates.folders[0] == tmp_path / "mau" / "2024"
    for name in ("2025", "a" * 300):
        with pytest.raises(ccch_docs.InputError) as info:
            _doc(DOC.format(profile=EXAMPLE, mau=f"mau: {name}"), tmp_path)
        assert (_problem(info).key, _problem(info).code) == ("mau", "CCHC-E134")
