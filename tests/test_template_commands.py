"""The template author's commands: templates list/export/check, schema, init."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import jsonschema
import pytest
import yaml

import ccch_docs
from ccch_docs import context, packs, schemas, yamlio
from ccch_docs.cli import main
from conftest import EXAMPLES, ROOT, make_pack
from docx_view import View


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    monkeypatch.delenv("CCHC_TEMPLATES", raising=False)


def test_list_shows_where_each_template_resolves(tmp_path, capsys, monkeypatch):
    pack = make_pack(tmp_path / "p", replace={})
    make_pack(tmp_path / "env" / "tinh-a", "ten: A\n")
    monkeypatch.setenv("CCHC_TEMPLATES", str(tmp_path / "env"))
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    assert f"van_ban\tlấy từ {ccch_docs.packs.builtin_dir()}" in out
    assert f"bộ mẫu: tinh-a\tlấy từ {tmp_path / 'env'}" in out
    assert main(["templates", "list", "--templates", str(pack)]) == 0
    assert f"van_ban\tlấy từ {pack}" in capsys.readouterr().out
    assert main(["--lang", "en", "templates", "list", "--mau", "tinh-a"]) == 0
    assert "van_ban\tfrom" in capsys.readouterr().out


def test_export_copies_and_refuses_to_overwrite(tmp_path, capsys):
    assert main(["templates", "export", "van_ban", "--to", str(tmp_path)]) == 0
    copy = tmp_path / "van_ban.docx"
    assert copy.read_bytes() == (ccch_docs.packs.builtin_dir() / "van_ban.docx").read_bytes()
    copy.write_bytes(b"edited")
    assert main(["templates", "export", "van_ban", "--to", str(tmp_path)]) == 2
    assert "--force" in capsys.readouterr().err and copy.read_bytes() == b"edited"
    assert main(["templates", "export", "van_ban", "--to", str(tmp_path), "--force"]) == 0
    assert copy.read_bytes() != b"edited"
    assert main(["templates", "export", "khong_co", "--to", str(tmp_path)]) == 2


def test_check_passes_on_the_built_in_and_example_packs(capsys):
    assert main(["templates", "check", str(ROOT / "examples" / "mau" / "tinh-dong-thap"), *map(str, EXAMPLES)]) == 0
    assert "không có lỗi" in capsys.readouterr().out


@pytest.mark.parametrize("replace, words", [
    ({"{{ ten_loai }}": "{{ ten_loai | }}"}, ["cú pháp Jinja sai", "«{{ ten_loai | }}»"]),
    ({"{{ ten_loai }}": "{% if ten_loai %}{{ ten_loai }}"}, ["cú pháp Jinja sai", "endif"]),
    ({"{{ ten_loai }}": "{{ ten_loia }}"}, ["biến `ten_loia`", "«{{ ten_loia }}»", "ten_loai"]),
    ({"{{ nguoi_ky.ho_ten }}": "{{ nguoi_ky.ho_va_ten }}"}, ["ho_va_ten", "«{{ nguoi_ky.ho_va_ten }}»"]),
])
def test_check_reports_template_name_and_paragraph(tmp_path, capsys, replace, words):
    pack = make_pack(tmp_path / "p", replace=replace)
    assert main(["templates", "check", str(pack)]) == 2
    err = capsys.readouterr().err
    assert str(pack / "van_ban.docx") in err and "Traceback" not in err
    for w in words:
        assert w in err


def test_check_reports_pack_yaml_errors(tmp_path, capsys):
    pack = make_pack(tmp_path / "p", "co_chu: 13\n")
    assert main(["templates", "check", str(pack)]) == 2
    assert f"{pack / 'pack.yaml'}:1:1: co_chu" in capsys.readouterr().err


def test_shipped_schemas_are_up_to_date():
    for name, build in schemas.FILES.items():
        shipped = (ROOT / "schema" / name).read_text("utf-8")
        assert shipped == schemas.dumps(build()), f"regenerate schema/{name}: python -m ccch_docs schema"


def test_schema_command_prints_the_shipped_file(capsys):
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == (ROOT / "schema" / "cchc.schema.json").read_text("utf-8")
    assert main(["schema", "--pack"]) == 0
    assert capsys.readouterr().out == (ROOT / "schema" / "pack.schema.json").read_text("utf-8")


def _yaml(path):
    """The data as the library reads it (dates and yes/no stay text)."""
    return yamlio.parse_yaml(path.read_text("utf-8"), str(path))[0]


YAMLS = sorted((ROOT / "examples").rglob("*.yaml"))


@pytest.mark.parametrize("path", YAMLS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_file_validates_against_the_schema(path):
    name = "pack.schema.json" if path.name == "pack.yaml" else "cchc.schema.json"
    schema = json.loads((ROOT / "schema" / name).read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_yaml(path), schema, cls=jsonschema.Draft202012Validator)


def test_schema_takes_a_row_ma_typed_as_a_number():
    """`ma: 12` validates (read as the text "12"), so the schema accepts it too; a list is still refused."""
    schema = json.loads((ROOT / "schema" / "cchc.schema.json").read_text("utf-8"))
    doc = {"loai": "ke_hoach", "phu_luc": [{"tieu_de": "Nhiệm vụ", "cot": "ke_hoach_8_cot",
                                            "dong": [{"ma": 12, "noi_dung": "A"}, {"ma": 1.1, "noi_dung": "B"}]}]}
    jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)
    doc["phu_luc"][0]["dong"][0]["ma"] = ["x"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema, cls=jsonschema.Draft202012Validator)


def test_schema_catches_a_misspelt_key():
    schema = json.loads((ROOT / "schema" / "cchc.schema.json").read_text("utf-8"))
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"loai": "ke_hoach", "nguoi_ky": {"ho_tenn": "A"}}, schema)


@pytest.mark.parametrize("loai", ["ke_hoach", "bao_cao", "to_trinh", "thong_bao", "chuong_trinh", "quyet_dinh", "cong_van",
                                  "bien_ban"])
def test_init_writes_a_starter_that_validates_and_renders(tmp_path, loai):
    profiles = tmp_path / "don-vi"
    shutil.copytree(ROOT / "examples" / "don-vi", profiles)
    shutil.copytree(ROOT / "examples" / "mau", profiles / "mau")
    for profile in sorted(profiles.glob("*.yaml")):
        out = tmp_path / f"{loai}-{profile.stem}.yaml"
        assert main(["init", "--loai", loai, "--don-vi", str(profile), "-o", str(out)]) == 0
        text = out.read_text("utf-8")
        assert text.startswith("# yaml-language-server: $schema=cchc.schema.json\n")
        assert (tmp_path / "cchc.schema.json").read_text("utf-8") == (ROOT / "schema" / "cchc.schema.json").read_text("utf-8")
        assert f"ke_thua: don-vi/{profile.name}" in text
        with pytest.raises(ccch_docs.InputError) as info:  # as written, every place to fill is named
            ccch_docs.load(out)
        assert info.value.problems and all("còn chỗ cần điền: (" in p.message for p in info.value.problems)
        assert any(p.key == "trich_yeu" for p in info.value.problems)
        out.write_text(text + "du_thao: true\n", "utf-8")
        doc = ccch_docs.load(out)
        assert doc.loai == loai
        ccch_docs.render(doc, out.with_suffix(".docx"))
        view = View.open(out.with_suffix(".docx"))
        assert (doc.type.name or "V/v (trích yếu …)") in [p.text for p in view.doc.paragraphs] + view.header()
        assert yaml.safe_load(text)["ke_thua"] == f"don-vi/{profile.name}"


def test_init_offers_the_secrecy_and_urgency_marks_commented(tmp_path):
    """The starter names every key of the header a clerk may need: `do_mat` (MẬT, ô 10a) was missing, as the key
    itself was, beside `do_khan`."""
    out = tmp_path / "kh.yaml"
    assert main(["init", "--loai", "ke_hoach", "-o", str(out)]) == 0
    lines = out.read_text("utf-8").splitlines()
    secret = next(i for i, ln in enumerate(lines) if ln.startswith("# do_mat: mat"))
    assert lines[secret + 1].startswith("# do_khan: khan") and "toi_mat | tuyet_mat" in lines[secret]
    lines[secret] = lines[secret].removeprefix("# ")
    out.write_text("\n".join(lines) + "\ndu_thao: true\n", "utf-8")
    assert ccch_docs.load(out).do_mat == "mat"


def test_init_without_a_profile_key_writes_placeholders(tmp_path, capsys):
    (tmp_path / "trong.yaml").write_text("dia_danh: Cần Thơ\n", "utf-8")
    assert main(["init", "--loai", "ke_hoach", "--don-vi", str(tmp_path / "trong.yaml")]) == 0
    text = capsys.readouterr().out
    assert "\nco_quan:" in text and "\nnguoi_ky:" in text and "\nluu: VT" in text
    assert "# dia_danh: có trong hồ sơ" in text
    ccch_docs.loads(text + "du_thao: true\n", base_dir=Path.cwd())  # printed: paths relative to the current folder


@pytest.mark.parametrize("loai,hint", [
    ("zzz", "(gợi ý: một trong: nghi_quyet, quyet_dinh, "), ("ke_hoch", "(gợi ý: có phải ý bạn là `ke_hoach`?)")])
def test_init_names_the_option_of_an_unknown_type_not_a_line_of_its_starter(capsys, loai, hint):
    assert main(["init", "--loai", loai]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"--loai {loai}: loại văn bản `{loai}` không có trong Phụ lục III {hint}"), err
    assert "<init>" not in err and "[CCHC-E300]" in err


def test_init_refuses_unknown_types_and_overwrites(tmp_path, capsys):
    profile = ROOT / "examples" / "don-vi" / "ubnd-tinh-dong-thap.yaml"
    assert main(["init", "--loai", "ke_hoachh", "--don-vi", str(profile)]) == 2
    assert "ke_hoach" in capsys.readouterr().err
    out = tmp_path / "a.yaml"
    out.write_text("x", "utf-8")
    assert main(["init", "--loai", "ke_hoach", "--don-vi", str(profile), "-o", str(out)]) == 2
    assert out.read_text("utf-8") == "x"


@pytest.mark.parametrize("command", [["init", "--loai", "ke_hoach"], ["don-vi", "--ten", "UBND XÃ A", "--viet-tat",
                                     "UBND", "--dia-danh", "A", "--chuc-vu", "CHỦ TỊCH", "--ho-ten", "Lê Văn A"]])
def test_a_starter_named_as_a_docx_is_refused(tmp_path, capsys, command):
    """`init -o ke-hoach.docx` wrote YAML into a file named .docx (Word could not open it, render did not find it)."""
    out = tmp_path / "ke-hoach.docx"
    assert main([*command, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[0] == (f"{out}: tệp ghi ra là YAML, không mang đuôi `.docx` (gợi ý: đặt tên tệp có đuôi "
                                   ".yaml, ví dụ -o ke-hoach.yaml) [CCHC-E641]")
    assert "Traceback" not in err and not list(tmp_path.iterdir())
    assert main([*command, "-o", str(tmp_path / "ke-hoach.yml")]) == 0


def test_guide_documents_every_context_variable():
    guide = (ROOT / "docs" / "mau-van-ban.md").read_text("utf-8")
    doc = ccch_docs.load(ROOT / "ccch_docs" / "data" / "samples" / "day-du.yaml")
    names = []
    for key, value in context.build(doc).items():
        names += [f"{key}.{sub}" for sub in value] if isinstance(value, dict) else [key]
    missing = [n for n in names if f"| `{n}` |" not in guide]
    assert not missing, f"add these variables to docs/mau-van-ban.md: {missing}"


def test_init_without_a_profile_and_a_profile_from_answers(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["init", "--loai", "ke_hoach", "-o", "kh.yaml"]) == 0
    text = (tmp_path / "kh.yaml").read_text("utf-8")
    assert "\nke_thua:" not in text and "# Tiêu đề và người ký của đơn vị" in text and "\nco_quan:" in text
    assert "phu_luc:" in text and "cot: ke_hoach_8_cot" in text and "tong_cong: true" in text
    problems = _problems(tmp_path / "kh.yaml")
    assert {"co_quan.ten[1]", "dia_danh", "nguoi_ky.ho_ten", "phu_luc[0].tieu_de"} <= {p.key for p in problems}
    assert main(["don-vi", "-o", "don-vi/ubnd-xa.yaml", "--ten", "ỦY BAN NHÂN DÂN", "--ten", "XÃ TÂN HÒA",
                 "--viet-tat", "UBND", "--dia-danh", "Tân Hòa", "--tm", "ỦY BAN NHÂN DÂN", "--chuc-vu", "CHỦ TỊCH",
                 "--ho-ten", "Lê Văn B"]) == 0
    assert yaml.safe_load((tmp_path / "don-vi" / "ubnd-xa.yaml").read_text("utf-8")) == {
        "co_quan": {"ten": ["ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA"], "viet_tat": "UBND"}, "dia_danh": "Tân Hòa",
        "nguoi_ky": {"tm": "ỦY BAN NHÂN DÂN", "chuc_vu": "CHỦ TỊCH", "ho_ten": "Lê Văn B"}, "luu": "VT"}
    assert main(["init", "--loai", "quyet_dinh", "--don-vi", "don-vi/ubnd-xa.yaml", "-o", "qd.yaml"]) == 0
    decision = (tmp_path / "qd.yaml").read_text("utf-8")
    assert "tham_quyen: CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ " in decision and "TỈNH" not in decision
    assert main(["init", "--loai", "bao_cao", "--don-vi", "don-vi/ubnd-xa.yaml", "-o", "bc.yaml"]) == 0
    report = (tmp_path / "bc.yaml").read_text("utf-8")
    assert "ky_bao_cao: {tu: 01/01/" in report and "so_lieu:" in report and "# ke_hoach:" in report
    assert "# ket_qua:" in report and "{{ so_lieu.ho_so.tiep_nhan | so }}" in report
    (tmp_path / "bc.yaml").write_text(report.replace("(trích yếu …)", "Kết quả CCHC").replace("(nơi nhận …)", "UBND Huyện")
                                      .replace("; (kết quả …)", "").replace("(căn cứ, mục đích của văn bản …)", "Mở đầu")
                                      .replace("(kết thúc …)", "Kết thúc").replace("(nội dung …)", "Nội dung"), "utf-8")
    doc = ccch_docs.load(tmp_path / "bc.yaml")  # filled in, it validates without du_thao
    assert "Tiếp nhận 0 hồ sơ, giải quyết đúng hạn 0%" in doc.noi_dung[0].muc[0].doan[0]


def test_profile_without_answers_off_a_terminal_names_what_is_missing(tmp_path, capsys):
    assert main(["profile", "-o", str(tmp_path / "p.yaml"), "--ten", "SỞ NỘI VỤ"]) == 2
    err = capsys.readouterr().err
    assert "thiếu --viet-tat" in err and "thiếu --ho-ten" in err and not (tmp_path / "p.yaml").exists()


def test_column_presets_and_their_keys_are_listed(capsys):
    assert main(["templates", "cot"]) == 0
    out = capsys.readouterr().out
    assert "ke_hoach_8_cot\n  noi_dung     Nội dung thực hiện\n" in out
    for key in ("chu_tri", "phoi_hop", "thoi_gian", "kinh_phi", "ghi_chu", "san_pham"):
        assert f"  {key} " in out


def _problems(path):
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.load(path)
    return info.value.problems


def _edited_pack(folder: Path, styles: dict[str, str] = {}, document: dict[str, str] = {}) -> Path:  # noqa: B006
    """A pack whose van_ban.docx is the built-in one with text replaced in styles.xml and document.xml."""
    folder.mkdir(parents=True)
    with zipfile.ZipFile(packs.builtin_dir() / "van_ban.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    for name, replace in (("word/styles.xml", styles), ("word/document.xml", document)):
        xml = parts[name].decode("utf-8")
        for old, new in replace.items():
            assert old in xml, old
            xml = xml.replace(old, new)
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)
    return folder


@pytest.mark.parametrize("styles,document,words", [
    ({'<w:name w:val="CCHC Đường kẻ ngắn"/>': '<w:name w:val="Kẻ ngắn"/>'}, {},
     ["word/styles.xml: mẫu thiếu kiểu đoạn `CCHC Đường kẻ ngắn`", "thư viện tìm kiểu theo tên"]),
    ({'<w:name w:val="CCHC Nơi nhận"/>': '<w:name w:val="CCHC Noi nhan"/>'}, {},
     ["mẫu thiếu kiểu đoạn `CCHC Nơi nhận`", "đổi tên kiểu `CCHC Noi nhan` lại thành `CCHC Nơi nhận`"]),
    ({}, {'<w:pStyle w:val="DuongKeNgan"/>': '<w:pStyle w:val="Normal"/>'},
     ["không đoạn nào dùng kiểu `CCHC Đường kẻ ngắn` nữa"]),
    ({}, {"{%p for d in mo_dau %}": "{%p for d in ket_thuc %}"}, ["mẫu mất vòng lặp `{% for d in mo_dau %}`"]),
])
def test_check_reports_what_an_author_can_break_in_word(tmp_path, capsys, styles, document, words):
    pack = _edited_pack(tmp_path / "p", styles, document)
    assert main(["templates", "check", str(pack)]) == 2
    err = capsys.readouterr().err
    for w in words:
        assert w in err, err
    assert f"{pack / 'van_ban.docx'}: " in err and "không có lỗi" not in err


def test_a_profile_from_answers_typed_with_combining_accents_is_written_in_nfc(tmp_path, capsys):
    # Answers pasted in NFD (`o\u0302\u0300`, as some keyboards and macOS give them) were written as typed: the
    # profile read right but held other characters than the documents made from it (a search for `Bình` missed it).
    import unicodedata
    nfd = {flag: unicodedata.normalize("NFD", value) for flag, value in (
        ("--ten", "XÃ TÂN HÒA"), ("--dia-danh", "Tân Hòa"), ("--chuc-vu", "CHỦ TỊCH"), ("--ho-ten", "Lê Văn Bình"))}
    out = tmp_path / "ubnd-xa.yaml"
    assert main(["don-vi", "-o", str(out), "--ten", "ỦY BAN NHÂN DÂN", "--viet-tat", "UBND", "--tm", "ỦY BAN NHÂN DÂN",
                 *[x for pair in nfd.items() for x in pair]]) == 0, capsys.readouterr().err
    text = out.read_text("utf-8")
    assert unicodedata.is_normalized("NFC", text) and "Lê Văn Bình" in text and "XÃ TÂN HÒA" in text
