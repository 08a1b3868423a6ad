"""The library API for other systems: load from a path, a string or a dict; render to a path, bytes or a stream."""

from __future__ import annotations

import io
import zipfile

import pytest
import yaml

import ccch_docs
from ccch_docs.cli import main
from conftest import ROOT
from docx_view import View
from samples import PLAN

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"


def _body_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_path_string_and_dict_give_the_same_document(tmp_path):
    from_path = ccch_docs.load(EXAMPLE)
    from_text = ccch_docs.loads(EXAMPLE.read_text("utf-8"), base_dir=EXAMPLE.parent)
    data = yaml.safe_load(EXAMPLE.read_text("utf-8"))
    from_dict = ccch_docs.from_dict(data, base_dir=EXAMPLE.parent)
    assert from_path == from_text == from_dict


def test_render_to_bytes_path_and_stream(tmp_path):
    doc = ccch_docs.load(EXAMPLE)
    data = ccch_docs.render(doc)
    assert data[:2] == b"PK"
    path = tmp_path / "out.docx"
    ccch_docs.render(doc, path)
    stream = io.BytesIO()
    ccch_docs.render(doc, stream)
    assert path.read_bytes() == data == stream.getvalue()


def test_errors_carry_structured_details():
    try:
        ccch_docs.loads("loai: ke_hoach\ntrich_yue: x\n", name="a.yaml")
    except ccch_docs.InputError as exc:
        p = next(p for p in exc.problems if p.key == "trich_yue")
        assert (p.file, p.line, p.column) == ("a.yaml", 2, 1)
        assert "trich_yeu" in p.hint
    else:
        raise AssertionError("no error")


def test_hostile_values_render_as_text(tmp_path):
    # 𡨸 (a chữ Nôm, U+21A38): a character outside the BMP that is no emoji (those are refused, CCHC-E639)
    text = 'A & B <w:p> "quoted" \'single\' 𡨸 ' + "Dài" * 200
    code = text + " {{ 7*7 }} {% if 1 %}x{% endif %}"  # only the running text evaluates expressions
    doc = ccch_docs.from_dict({
        "loai": "bao_cao", "co_quan": {"ten": "SỞ <NỘI> VỤ & CO", "viet_tat": "SNV"}, "dia_danh": "Đồng Tháp",
        "trich_yeu": text, "mo_dau": [text], "noi_dung": [{"tieu_de": text, "doan": [text]}],
        "noi_nhan": [code], "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": code}})
    out = tmp_path / "x.docx"
    ccch_docs.render(doc, out)
    view = View.open(out)
    texts = [p.text for p in view.doc.paragraphs]
    assert text in texts  # trích yếu and mở đầu come back exactly as given
    assert "{{ 7*7 }}" in _body_text(out.read_bytes()) and ">49<" not in _body_text(out.read_bytes())
    assert view.nguoi_ky()[-1].text == code


def test_expression_output_is_text_not_code(tmp_path):
    doc = ccch_docs.from_dict({
        "loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "Đồng Tháp",
        "trich_yeu": "Kết quả", "mo_dau": "A {{ 7*7 }} B {{ '{{ 7*7 }} <w:p> &' }}", "luu": "VT",
        "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A"}})
    assert doc.mo_dau == ("A 49 B {{ 7*7 }} <w:p> &",)
    out = tmp_path / "e.docx"
    ccch_docs.render(doc, out)
    assert "A 49 B {{ 7*7 }} <w:p> &" in [p.text for p in View.open(out).doc.paragraphs]


def test_markup_gives_bold_and_italic_runs(tmp_path):
    doc = ccch_docs.from_dict({
        "loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "Đồng Tháp",
        "trich_yeu": "Kết quả", "mo_dau": "Đạt **100%** nhiệm vụ, *vượt* kế hoạch.", "luu": "VT",
        "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A"}})
    out = tmp_path / "m.docx"
    ccch_docs.render(doc, out)
    par = next(p for p in View.open(out).body() if p.text.startswith("Đạt"))
    assert par.text == "Đạt 100% nhiệm vụ, vượt kế hoạch."
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in par.runs] == [
        ("Đạt ", False, False), ("100%", True, False), (" nhiệm vụ, ", False, False), ("vượt", False, True),
        (" kế hoạch.", False, False)]


def test_cli_render_and_validate(tmp_path, capsys):
    out = tmp_path / "kh.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out)]) == 0
    assert out.exists() and View.open(out).header()[0] == "ỦY BAN NHÂN DÂN"
    assert main(["validate", str(EXAMPLE)]) == 0
    assert "hợp lệ" in capsys.readouterr().out


def test_validate_takes_folders_and_patterns_as_render_does(tmp_path, capsys):
    folder = tmp_path / "don-vi"
    folder.mkdir()
    (folder / "a.yaml").write_text(yaml.safe_dump(PLAN, allow_unicode=True), "utf-8")
    (folder / "b.yaml").write_text(yaml.safe_dump({**PLAN, "loai": "ke_hoachh"}, allow_unicode=True), "utf-8")
    (folder / "don-vi.yaml").write_text("co_quan: {ten: [UBND TỈNH ĐỒNG THÁP, SỞ NỘI VỤ], viet_tat: SNV}\n", "utf-8")
    assert main(["validate", str(folder)]) == 2
    out, err = capsys.readouterr()
    assert out == f"{folder / 'a.yaml'}: hợp lệ\n"
    assert "don-vi.yaml" in err and f"{folder / 'b.yaml'}:" in err and "ke_hoach" in err
    assert main(["validate", str(folder / "a*.yaml")]) == 0
    assert capsys.readouterr().out == f"{folder / 'a.yaml'}: hợp lệ\n"
    assert main(["validate", str(tmp_path / "none")]) == 2


def test_cli_help_in_both_languages(capsys):
    for lang, word in (("vi", "dựng văn bản"), ("en", "render a .docx")):
        try:
            main(["--lang", lang, "--help"])
        except SystemExit as exc:
            assert exc.code == 0
        assert word in capsys.readouterr().out


def test_json_schema_describes_the_new_keys():
    props = ccch_docs.VanBan.model_json_schema()["properties"]
    assert {"tham_quyen", "can_cu", "theo_de_nghi", "dieu", "don_vi_soan"} <= set(props)
    assert {"type": "string"} in props["dieu"]["items"]["anyOf"]


def test_written_file_has_ordinary_permissions(tmp_path):
    import os
    import stat
    out = tmp_path / "kh.docx"
    ccch_docs.render(ccch_docs.load(EXAMPLE), out)
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~mask
    out.chmod(0o640)
    ccch_docs.render(ccch_docs.load(EXAMPLE), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


def test_a_loaded_document_keeps_its_templates_and_reads_as_its_van_ban(monkeypatch):
    import pickle
    packed = ROOT / "examples" / "ke-hoach-tuyen-truyen-cchc-2022-so-noi-vu.yaml"
    doc = ccch_docs.load(packed)
    assert isinstance(doc, ccch_docs.Document) and isinstance(doc.van_ban, ccch_docs.VanBan)
    assert doc.trich_yeu == doc.van_ban.trich_yeu and doc.type == doc.van_ban.type
    assert doc.templates.folders[0] == ROOT / "examples" / "mau" / "tinh-dong-thap"
    assert pickle.loads(pickle.dumps(doc)) == doc  # for process pools
    with_pack = ccch_docs.render(doc)
    with pytest.raises(ccch_docs.InputError, match="không tìm thấy bộ mẫu"):
        ccch_docs.render(doc.van_ban)  # a bare VanBan: its `mau:` is looked up beside the current folder
    monkeypatch.chdir(ROOT / "examples")
    assert ccch_docs.render(doc.van_ban) == with_pack  # … and here it is


def test_tuples_handed_over_are_lists_to_the_checks():
    """A tuple in data given in memory is walked as a list is: its figures read, its placeholders found."""
    data = {**yaml.safe_load(EXAMPLE.read_text("utf-8")), "so_lieu": {"quy": ("1.500.000", 20)}}
    doc = ccch_docs.from_dict({**data, "trich_yeu": ("Năm {{ so(so_lieu.quy[0] + so_lieu.quy[1]) }}",)},
                              base_dir=EXAMPLE.parent)
    assert doc.trich_yeu == ("Năm 1.500.020",)
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict({**data, "trich_yeu": ("Năm (…)",)}, base_dir=EXAMPLE.parent)
    assert [(p.key, p.message) for p in info.value.problems] == [("trich_yeu[0]", "còn chỗ cần điền: (…)")]


# A wrong Python type given to an entry point raised from deep inside (pathlib, unicodedata, the template lookup):
# `'int' object has no attribute 'mau'`, `is_normalized() argument 2 must be str, not None`; a Job of a number
# failed in its worker as an unexpected error, and check(123) gave a Report of an unreadable file. render_many, a
# generator, raised only when first iterated, far from the call that was wrong.
@pytest.mark.parametrize("call,message", [
    (lambda: ccch_docs.load(123), "load(path) must be a path (str or os.PathLike), not int"),
    (lambda: ccch_docs.loads(None), "loads(text) must be str or bytes, not NoneType"),
    (lambda: ccch_docs.loads("loai: ke_hoach", base_dir=1), "loads(base_dir) must be a path (str or os.PathLike)"),
    (lambda: ccch_docs.loads("loai: ke_hoach", roots=1), "roots must be a path or a list of paths, not int"),
    (lambda: ccch_docs.loads("loai: ke_hoach", name=5), "loads(name) must be str, not int"),
    (lambda: ccch_docs.from_dict({"loai": 1}, name=b"x"), "from_dict(name) must be str, not bytes"),
    (lambda: ccch_docs.from_dict(PLAN, templates=[None]), "templates[…] must be a path (str or os.PathLike), not "),
    (lambda: ccch_docs.render("plan.yaml"), "render(doc) must be a Document (load, loads, from_dict) or a VanBan, "),
    (lambda: ccch_docs.render(ccch_docs.from_dict(PLAN), 1), "render(to) must be a path, a binary stream or None"),
    (lambda: ccch_docs.render_many("plan.yaml"), "render_many(jobs) must be an iterable of Jobs or paths, "),
    (lambda: ccch_docs.render_many([], 2), "render_many(executor) must be a concurrent.futures.Executor or None, "),
    (lambda: ccch_docs.render_many([], workers="2"), "workers must be a whole number or None, not str"),
    (lambda: list(ccch_docs.render_many([1])), "render_many(jobs[…]) must be a Job or a path, not int"),
    (lambda: ccch_docs.Job(123), "Job(source) must be a path (str or os.PathLike), not int"),
    (lambda: ccch_docs.Job("plan.yaml", pdf_timeout="60"), "pdf_timeout must be a number of seconds, not str"),
    (lambda: ccch_docs.Job("plan.yaml", pdf_timeout=True), "pdf_timeout must be a number of seconds, not bool"),
    (lambda: ccch_docs.to_pdf(b"", timeout=True), "timeout must be a number of seconds, not bool"),
    (lambda: ccch_docs.render_many([], workers=True), "workers must be a whole number or None, not bool"),
    (lambda: ccch_docs.to_pdf(None), "to_pdf(source) must be a path or a list of paths, not NoneType"),
    (lambda: ccch_docs.check(123), "check(source) must be a path or a binary stream, not int"),
], ids=["load", "loads", "base_dir", "roots", "loads name", "from_dict name", "templates", "render", "render to", "render_many", "render_many executor",
        "render_many workers", "render_many job", "Job", "pdf_timeout", "pdf_timeout bool", "to_pdf timeout bool",
        "workers bool", "to_pdf", "check"])
def test_a_wrong_python_type_is_a_type_error_naming_the_parameter(call, message):
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value).startswith(message), info.value
    assert info.traceback[-1].path.name == "errors.py" or "render_many(jobs)" in message
    assert "jobs[…]" in message or all(frame.name != "_results" for frame in info.traceback)  # not iterated


def test_a_value_from_dict_is_placed_in_the_dict_not_in_the_profile_it_overrides(tmp_path):
    # The profile's places claimed the dict's values: a problem in them was placed at the profile's line.
    data = {**yaml.safe_load(EXAMPLE.read_text("utf-8")), "dia_danh": "", "nguoi_ky": {"ho_ten": ""}}
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict(data, base_dir=EXAMPLE.parent)
    assert [(p.file, p.line, p.key) for p in info.value.problems] == [
        ("<dict>", None, "dia_danh"), ("<dict>", None, "nguoi_ky.ho_ten")]
    (tmp_path / "p.yaml").write_text("dia_danh: Tân Hòa\nco_quan: {ten: UBND XÃ TÂN HÒA, viet_tat: UBND}\n"
                                     "nguoi_ky: {tm: ỦY BAN NHÂN DÂN, chuc_vu: ''}\n", "utf-8")
    data = {**data, "ke_thua": "p.yaml", "dia_danh": "Đồng Tháp", "nguoi_ky": {"ho_ten": "Lê Văn B"}}
    with pytest.raises(ccch_docs.InputError) as info:  # the profile's own value is still placed there
        ccch_docs.from_dict(data, base_dir=tmp_path)
    assert [(p.file, p.line, p.key) for p in info.value.problems] == [
        (str(tmp_path / "p.yaml"), 3, "nguoi_ky.chuc_vu")]
    data = {**data, "ke_thua": str(EXAMPLE.parent / "don-vi" / "ubnd-tinh-dong-thap.yaml"), "nguoi_ky": {"ho_ten": "B"},
            "noi_nhan": ["Các ban", "ngành"]}  # two items, not a name cut on one line
    assert ccch_docs.from_dict(data, base_dir=tmp_path).noi_nhan == ("Các ban", "ngành")


def test_data_not_a_mapping_stays_an_input_error():
    """from_dict's data is the input itself, as a YAML file's text is: a list is located and coded, not a TypeError."""
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.from_dict(["x"])
    assert [p.code for p in info.value.problems] == ["CCHC-E019"]


# A VanBan built by pydantic (its constructor, model_copy) was rendered unchecked: U+FFFF blamed on the template
# (TemplateError), an emoji and a 3,000,000-character paragraph printed, a ky_hieu made of no viet_tat.
@pytest.mark.parametrize("change,key,code", [
    ({"luu": "A\uffffB"}, "luu", "CCHC-E076"),
    ({"luu": "a\U0001F600"}, "luu", "CCHC-E639"),
    ({"noi_nhan": ("a" * 3_000_000,)}, "noi_nhan[0]", "CCHC-E070"),
    ({"co_quan": ccch_docs.VanBan(**PLAN).co_quan.model_copy(update={"viet_tat": None})}, "co_quan", "CCHC-E050"),
], ids=["U+FFFF", "emoji", "huge", "across keys"])
@pytest.mark.parametrize("how", ["constructor", "model_copy"])
def test_a_van_ban_built_otherwise_is_checked_as_it_is_rendered(change, key, code, how, tmp_path):
    plain = {k: v.model_dump() if hasattr(v, "model_dump") else v for k, v in change.items()}
    doc = ccch_docs.VanBan(**{**PLAN, **plain}) if how == "constructor" else \
        ccch_docs.from_dict(PLAN).van_ban.model_copy(update=change)
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.render(doc, tmp_path / "out.docx")
    assert [(p.file, p.key, p.code) for p in info.value.problems] == [("<VanBan>", key, code)]
    assert list(tmp_path.iterdir()) == []
    ccch_docs.render(ccch_docs.from_dict(PLAN).van_ban)  # a loaded document's own VanBan renders again


# model_copy(update=…) does not check types: each of these was an AttributeError, TypeError or KeyError in the render
# (or, for `so`, a list printed as the number).
@pytest.mark.parametrize("change,key,code", [
    ({"so": [1, 2]}, "so", "CCHC-E008"),
    ({"ngay": "hôm nay"}, "ngay", "CCHC-E021"),
    ({"trich_yeu": 5}, "trich_yeu", "CCHC-E004"),
    ({"nguoi_ky": "Nguyễn Văn A"}, "nguoi_ky", "CCHC-E005"),
    ({"du_thao": "yes"}, "du_thao", "CCHC-E010"),
    ({"loai": "ke_hoachh"}, "loai", "CCHC-E300"),
    ({"noi_nhan": None}, "noi_nhan", "CCHC-E004"),
    ({"co_quan": ccch_docs.VanBan(**PLAN).co_quan.model_copy(update={"viet_tat": 7})}, "viet_tat", "CCHC-E003"),
], ids=["list for a number", "unclear date", "number for lines", "text for a block", "text for a bool", "loai",
        "None", "nested"])
def test_a_van_ban_copied_with_a_value_of_the_wrong_type_is_an_input_error(change, key, code, tmp_path):
    doc = ccch_docs.from_dict(PLAN).van_ban.model_copy(update=change)
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.render(doc, tmp_path / "out.docx")
    assert [(p.file, p.key, p.code) for p in info.value.problems] == [("<VanBan>", key, code)]
    assert "from_dict" in (info.value.problems[0].hint or "") and list(tmp_path.iterdir()) == []
