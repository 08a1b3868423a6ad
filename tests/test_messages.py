"""Messages: a stable code on each problem the catalog knows, English through the compiled catalog."""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs.cli import main
from ccch_docs.errors import Problem
from ccch_docs.messages import CODES, LOCALE, OTHER, code_of, translate

BAD = "loai: ke_hoach\nco_quan: {ten: A, vt: 1}\n"


def test_codes_are_unique_and_well_formed():
    assert all(re.fullmatch(r"CCHC-E\d{3}", code) for code in CODES)
    assert len(set(CODES.values())) == len(CODES)


def test_every_catalog_entry_has_an_english_translation_and_the_catalogs_are_compiled():
    po = (LOCALE / "en" / "LC_MESSAGES" / "ccch_docs.po").read_text("utf-8")
    assert 'msgstr ""\n\n' not in po.split("\n\n", 1)[1] + "\n\n"
    for lang in ("vi", "en"):
        assert (LOCALE / lang / "LC_MESSAGES" / "ccch_docs.mo").is_file()
    assert all(translate(text, "en") != text for text in CODES.values())
    assert all(translate(text, "vi") == text for text in CODES.values())


def test_problems_carry_their_code_in_the_api_and_when_printed(tmp_path):
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads(BAD, name="kh.yaml")
    extra = next(p for p in info.value.problems if p.key == "co_quan.vt")
    missing = next(p for p in info.value.problems if p.key == "dia_danh")
    assert (extra.code, missing.code) == ("CCHC-E002", "CCHC-E001")
    assert str(extra).startswith("kh.yaml:2:19: co_quan.vt: khóa không có trong định dạng (gợi ý: ")
    assert str(extra).endswith(" [CCHC-E002]")
    with pytest.raises(ccch_docs.InputError) as info:
        ccch_docs.loads("loai: ke_hoach\nmo_dau: a, như sau:\n", name="kh.yaml")
    assert info.value.problems[0].code == "CCHC-E012"


@pytest.mark.parametrize("how", ["flag", "env"])
def test_english_messages_from_the_command_line(tmp_path, capsys, monkeypatch, how):
    (tmp_path / "kh.yaml").write_text(BAD, "utf-8")
    if how == "env":
        monkeypatch.setenv("CCHC_LANG", "en")
    assert main([*(["--lang", "en"] if how == "flag" else []), "validate", str(tmp_path / "kh.yaml")]) == 2
    err = capsys.readouterr().err
    assert "co_quan.vt: key not in the input format (hint: keys allowed here: chu_quan, ten" in err
    assert "dia_danh: required key missing" in err and err.endswith("problem(s).\n")
    assert "khóa không có" not in err


def test_a_wheel_ships_the_catalogs(tmp_path):
    root = Path(__file__).resolve().parent.parent
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path), str(root)], check=True, capture_output=True)
    import zipfile
    (wheel,) = tmp_path.glob("ccch_docs-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for lang in ("vi", "en"):
        assert f"ccch_docs/locale/{lang}/LC_MESSAGES/ccch_docs.mo" in names
    assert "ccch_docs/py.typed" in names


# The argument holding the message, for each way the package makes a Problem.
_MESSAGE_AT = {"Problem": 0, "problem": 1, "_refuse": 1, "_refused": 2, "fail": 2, "_data_error": 2, "Requirement": 1}


def _sample(node: ast.expr) -> str | None:
    """The text a message expression makes, each value as `x`; None when it is not written in place."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    return None


def _written_messages() -> list[tuple[str, int, str]]:
    """Every message written in the package where a Problem (or a finding: key path, message, hint) is made."""
    found = []
    for path in sorted(Path(ccch_docs.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            message: ast.expr | None = None
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
                at = 0 if name == "problem" and isinstance(node.func, ast.Name) else _MESSAGE_AT.get(name or "")
                message = node.args[at] if at is not None and len(node.args) > at else None
            elif isinstance(node, ast.FunctionDef) and node.name.endswith("_problem"):  # gives a message back
                found += [(path.name, r.lineno, r.value.value) for r in ast.walk(node)
                          if isinstance(r, ast.Return) and isinstance(r.value, ast.Constant) and r.value.value]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(node.elts[0], ast.Tuple | ast.BinOp
                                                                                     | ast.Name):
                message = node.elts[1]
            text = None if message is None else _sample(message)
            if text:
                found.append((path.name, node.lineno, text))
    return found


def test_every_problem_the_package_writes_has_its_own_code():
    written = _written_messages()
    assert len(written) > 100
    unknown = [(name, line, text) for name, line, text in written if code_of(text) == OTHER]
    assert unknown == []
    assert Problem("thiếu khóa bắt buộc").code == "CCHC-E001"
    assert Problem("một lỗi chưa có trong danh mục").code == OTHER
    assert Problem("", "a.yaml").code is None  # a place cited, never printed


def test_codes_fall_in_their_ranges_and_messages_with_values_are_translated_after():
    assert code_of("mẫu hỏng: x") == "CCHC-E105" and code_of("không ghi được: x") == "CCHC-E207"
    assert code_of("dữ liệu vòng tròn: giá trị chứa chính nó") == "CCHC-E081"  # the longest fixed text wins
    assert translate("tệp quá lớn (9.000 byte, tối đa 5)", "en") == "file too large (9,000 bytes, at most 5)"
    # only a count or a limit is written in the language's notation: data quoted back stays as written
    assert translate("không có khóa `1.500`", "en") == "no key `1.500`"
    assert translate("tệp quá lớn (9.000 byte, tối đa 5)", "vi") == "tệp quá lớn (9.000 byte, tối đa 5)"
    for msgid in CODES.values():
        assert set(re.findall(r"\{(\w+)\}", translate(msgid, "en"))) == set(re.findall(r"\{(\w+)\}", msgid))


def test_the_shipped_catalogs_are_the_compiled_po_files(tmp_path):
    from babel.messages.mofile import read_mo
    from babel.messages.pofile import read_po
    for lang in ("vi", "en"):
        folder = LOCALE / lang / "LC_MESSAGES"
        with open(folder / "ccch_docs.po", "rb") as po, open(folder / "ccch_docs.mo", "rb") as mo:
            written, shipped = read_po(po), read_mo(mo)
        assert not any(m.fuzzy for m in written if m.id)
        def entries(catalog):  # a plural's msgids and forms as tuples
            return {m.id if isinstance(m.id, str) else tuple(m.id): m.string if isinstance(m.string, str)
                    else tuple(m.string) for m in catalog if m.id}
        assert {k: v for k, v in entries(written).items() if any(v)} == entries(shipped)
    with open(LOCALE / "ccch_docs.pot", "rb") as pot:
        assert {m.id for m in read_po(pot) if m.id} >= set(CODES.values())


_VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def test_argparse_speaks_the_language_of_messages(capsys):
    for lang, words in (("vi", ("cách dùng: ", ": lỗi: thiếu các tham số bắt buộc: file")),
                        ("en", ("usage: ", ": error: the following arguments are required: file"))):
        with pytest.raises(SystemExit):
            main(["--lang", lang, "render"])
        err = capsys.readouterr().err
        assert err.startswith(words[0]) and words[1] in err
    with pytest.raises(SystemExit):
        main(["rendr"])
    assert "lựa chọn không hợp lệ: 'rendr' (chọn một trong 'render'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang", "en", "render", "x.yaml", "-j", "many"])
    err = capsys.readouterr().err
    assert "error: argument -j/--jobs: invalid int value: 'many'" in err and not _VIETNAMESE.search(err)


@pytest.mark.parametrize("case", ["pack", "expression", "output", "argument", "yaml", "yaml-tab", "yaml-list"])
def test_english_leaves_no_vietnamese_but_the_users_data(tmp_path, capsys, case):
    examples = Path(__file__).resolve().parent.parent / "examples"
    shutil.copytree(examples / "don-vi", tmp_path / "don-vi")
    good = (examples / "ke-hoach-cchc-2022-long-my.yaml").read_text("utf-8")
    source = tmp_path / "kh.yaml"
    source.write_text({"pack": "mau: khong-co\n" + good,
                       "expression": good.replace("\nmo_dau:\n", "\nmo_dau:\n  - \"{{ 1 / 0 }}\"\n", 1),
                       "yaml": good + "ghi_chu: see: below\n",
                       "yaml-tab": good + "ghi_chu:\n\t- x\n",
                       "yaml-list": good + "ghi_chu: [- a, - b]\n"}.get(case, good),
                      "utf-8")
    argv = {"output": ["render", str(source), "-o", str(source / "x.docx")],  # a folder that cannot be made
            "argument": ["render", str(source), "--jobs", "many"]}.get(case, ["validate", str(source)])
    if case == "argument":
        with pytest.raises(SystemExit):
            main(["--lang", "en", *argv])
    else:
        assert main(["--lang", "en", *argv]) in (1, 2)
    err = capsys.readouterr().err
    assert err and not _VIETNAMESE.search(err.replace(str(tmp_path), "")), err


def test_a_message_going_on_after_its_msgid_finds_its_code_by_lookup(monkeypatch):
    from ccch_docs import messages
    assert code_of("YAML không hợp lệ: x") == "CCHC-E012"  # the patterns are built

    class Unread(dict):
        def items(self):
            raise AssertionError("CODES scanned")

    monkeypatch.setattr(messages, "CODES", Unread(CODES))
    assert code_of("YAML không hợp lệ: thiếu dấu hai chấm") == "CCHC-E012"
    assert code_of("khóa bị lặp lại: a") == "CCHC-E013" and code_of("một lỗi khác: a") == OTHER
