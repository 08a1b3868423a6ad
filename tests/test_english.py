"""English everywhere: every error path the command line reaches speaks English under --lang en or CCHC_LANG=en,
each problem with its code; the same paths in Vietnamese by default. The input is ASCII, so any Vietnamese letter
in English output comes from the program, not from the user's data."""

from __future__ import annotations

import argparse
import ast
import os
import re
import stat
import threading
import zipfile
from pathlib import Path

import pytest

import ccch_docs.packs
import ccch_docs.pdf
from ccch_docs.cli import COMMANDS, main, parser
from ccch_docs.messages import argparse_speaking, translate

VIETNAMESE = re.compile("[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ"
                        "ĂÂĐÊÔƠƯẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")
CODE = re.compile(r" \[CCHC-E\d{3}\]$")

GOOD = """\
loai: ke_hoach
so: 12
ngay: 2024-01-15
trich_yeu: Plan for the year
co_quan: {ten: [PEOPLES COMMITTEE, OF TAN HOA], viet_tat: UBND}
dia_danh: Tan Hoa
nguoi_ky: {tm: PEOPLES COMMITTEE, chuc_vu: CHAIR, ho_ten: Nguyen Van A}
mo_dau: Intro text.
noi_dung:
  - tieu_de: PURPOSE
    doan: ["- First point."]
ket_thuc: End./.
noi_nhan: [Office A]
luu: VT
"""
PLAN_TABLE = GOOD + """\
phu_luc:
  - tieu_de: Tasks
    cot: ke_hoach_8_cot
    tong_cong: true
    dong:
      - {ma: t1, noi_dung: Task one, chu_tri: Office A, kinh_phi: "3,000,000"}
"""


def _bad_template(folder: Path, part: str, old: bytes, new: bytes) -> None:
    """van_ban.docx in `folder`: the built-in one with `old` replaced by `new` in `part`."""
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(ccch_docs.packs.builtin_dir() / "van_ban.docx") as z:
        parts = {n: z.read(n) for n in z.namelist()}
    assert old in parts[part]
    parts[part] = parts[part].replace(old, new)
    with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(name, data)


def _fake_soffice(folder: Path, script: str) -> str:
    path = folder / "soffice"
    path.write_text("#!/bin/sh\n" + script + "\n", "utf-8")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return str(path)


# name: (files to write, argv, exit code); `{d}` is the folder holding the files.
SCENARIOS: dict[str, tuple[dict[str, str | bytes], list[str], int]] = {
    "keys": ({"a.yaml": "loai: ke_hoach\nco_quan: {ten: A, vt: 1}\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-colon": ({"a.yaml": GOOD + "ghi_chu: see: below\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-tab": ({"a.yaml": GOOD + "ghi_chu:\n\t- x\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-dash-list": ({"a.yaml": GOOD + "ghi_chu: [- a, - b]\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-quote": ({"a.yaml": GOOD + 'ghi_chu: "open\n'}, ["validate", "{d}/a.yaml"], 2),
    "yaml-indent": ({"a.yaml": GOOD + "ghi_chu:\n  a: 1\n b: 2\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-bracket": ({"a.yaml": GOOD + "ghi_chu: [a, b\nx: 1\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-brace": ({"a.yaml": GOOD + "ghi_chu: {a: 1\nx: 1\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-escape": ({"a.yaml": GOOD + 'ghi_chu: "a\\qb"\n'}, ["validate", "{d}/a.yaml"], 2),
    "yaml-reserved": ({"a.yaml": GOOD + "ghi_chu: @home\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-duplicate": ({"a.yaml": GOOD + "so: 13\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-tag": ({"a.yaml": GOOD + "ghi_chu: !!python/object x\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-documents": ({"a.yaml": GOOD + "---\nloai: ke_hoach\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-alias": ({"a.yaml": GOOD + "ghi_chu: *nowhere\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-self-alias": ({"a.yaml": GOOD + "ghi_chu: &a [1, *a]\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-merge": ({"a.yaml": GOOD + "ghi_chu: {<<: 1}\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-key": ({"a.yaml": GOOD + "? [a, b]\n: 1\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-deep": ({"a.yaml": GOOD + "ghi_chu: " + "[" * 120 + "]" * 120 + "\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-list": ({"a.yaml": "- a\n- b\n"}, ["validate", "{d}/a.yaml"], 2),
    "yaml-empty": ({"a.yaml": ""}, ["validate", "{d}/a.yaml"], 2),
    "bytes": ({"a.yaml": GOOD.encode() + b"ghi_chu: \xff\n"}, ["validate", "{d}/a.yaml"], 2),
    "control": ({"a.yaml": GOOD + "ghi_chu: a\x07b\n"}, ["validate", "{d}/a.yaml"], 2),
    "escape-nonchar": ({"a.yaml": GOOD + 'ghi_chu: "\\uFFFE"\n'}, ["validate", "{d}/a.yaml"], 2),
    "bom": ({"a.yaml": b"\xff\xfe" + b"l\x00o\x00\x00\xd8"}, ["validate", "{d}/a.yaml"], 2),
    "utf16": ({"a.yaml": "loai: ke_hoach\n".encode("utf-16-le")}, ["validate", "{d}/a.yaml"], 2),
    "dates": ({"a.yaml": GOOD.replace("2024-01-15", "01/02/25")}, ["validate", "{d}/a.yaml"], 2),
    "date-swapped": ({"a.yaml": GOOD.replace("2024-01-15", "2024-15-01")}, ["validate", "{d}/a.yaml"], 2),
    "numbers-ambiguous": ({"a.yaml": PLAN_TABLE.replace('"3,000,000"', '"1.500"')}, ["validate", "{d}/a.yaml"], 2),
    "bad-date": ({"a.yaml": GOOD.replace("2024-01-15", "2024-13-45")}, ["validate", "{d}/a.yaml"], 2),
    "numbers": ({"a.yaml": PLAN_TABLE}, ["validate", "{d}/a.yaml"], 2),
    "placeholder": ({"a.yaml": GOOD.replace("Intro text.", "(fill in ...)")}, ["validate", "{d}/a.yaml"], 2),
    "types": ({"a.yaml": GOOD.replace("so: 12", "so: [1]").replace("luu: VT", "luu: {a: 1}")},
              ["validate", "{d}/a.yaml"], 2),
    "loai": ({"a.yaml": GOOD.replace("loai: ke_hoach", "loai: ke_hoch")}, ["validate", "{d}/a.yaml"], 2),
    "expression": ({"a.yaml": GOOD.replace("Intro text.", '"{{ 1 / 0 }} {{ nothing }}"')},
                   ["validate", "{d}/a.yaml"], 2),
    "expression-syntax": ({"a.yaml": GOOD.replace("Intro text.", '"{{ 1 + }}"')}, ["validate", "{d}/a.yaml"], 2),
    "ke-thua-missing": ({"a.yaml": "ke_thua: none.yaml\n" + GOOD}, ["validate", "{d}/a.yaml"], 2),
    "ke-thua-cycle": ({"a.yaml": "ke_thua: b.yaml\n" + GOOD, "b.yaml": "ke_thua: a.yaml\n"},
                      ["validate", "{d}/a.yaml"], 2),
    "ke-thua-kind": ({"a.yaml": "ke_thua: 5\n" + GOOD}, ["validate", "{d}/a.yaml"], 2),
    "ke-thua-folder": ({"a.yaml": "ke_thua: sub\n" + GOOD, "sub/x.yaml": ""}, ["validate", "{d}/a.yaml"], 2),
    "ke-thua-list": ({"a.yaml": "ke_thua: b.yaml\n" + GOOD, "b.yaml": "- 1\n"}, ["validate", "{d}/a.yaml"], 2),
    "roots": ({"in/a.yaml": "ke_thua: ../b.yaml\n" + GOOD, "b.yaml": "luu: VT\n"},
              ["validate", "{d}/in/a.yaml", "--roots", "{d}/in"], 2),
    "report-plan": ({"a.yaml": GOOD.replace("ke_hoach", "bao_cao", 1) + "ke_hoach: none.yaml\n"},
                    ["validate", "{d}/a.yaml"], 2),
    "kem-theo": ({"a.yaml": GOOD + "kem_theo: none.yaml\n"}, ["validate", "{d}/a.yaml"], 2),
    "pack-missing": ({"a.yaml": "mau: nowhere\n" + GOOD}, ["validate", "{d}/a.yaml"], 2),
    "pack-name": ({"a.yaml": "mau: ../up\n" + GOOD}, ["validate", "{d}/a.yaml"], 2),
    "pack-yaml": ({"a.yaml": "mau: p\n" + GOOD, "p/pack.yaml": "mac_dinh: {kem_theo: x.yaml}\nthing: 1\n"},
                  ["validate", "{d}/a.yaml", "--templates", "{d}"], 2),
    "pack-template": ({"a.yaml": "mau: p\n" + GOOD, "p/pack.yaml": "mac_dinh: {luu: VT}\n",
                       "p/van_ban.docx": b"not a zip"}, ["render", "{d}/a.yaml", "--templates", "{d}"], 2),
    "template-jinja": ({"a.yaml": "mau: p\n" + GOOD, "p/pack.yaml": "mac_dinh: {luu: VT}\n", "p/": "jinja"},
                       ["render", "{d}/a.yaml", "--templates", "{d}"], 2),
    "template-variable": ({"a.yaml": "mau: p\n" + GOOD, "p/pack.yaml": "mac_dinh: {luu: VT}\n", "p/": "variable"},
                          ["render", "{d}/a.yaml", "--templates", "{d}"], 2),
    "template-xml": ({"a.yaml": "mau: p\n" + GOOD, "p/pack.yaml": "mac_dinh: {luu: VT}\n", "p/": "xml"},
                     ["render", "{d}/a.yaml", "--templates", "{d}"], 2),
    "templates-check": ({"p/pack.yaml": "mac_dinh: {luu: VT}\n", "p/": "style"}, ["templates", "check", "{d}/p"], 2),
    "templates-check-broken": ({"p/pack.yaml": "mac_dinh: {luu: VT}\n", "p/": "xml"},
                               ["templates", "check", "{d}/p"], 2),
    "templates-export": ({"van_ban.docx": b"x"}, ["templates", "export", "van_ban", "--to", "{d}"], 2),
    "templates-export-name": ({}, ["templates", "export", "nothing", "--to", "{d}"], 2),
    "templates-cot": ({}, ["templates", "cot", "--mau", "nowhere"], 2),
    "templates-list": ({}, ["templates", "list", "--templates", "{d}/none"], 2),
    "not-found": ({}, ["render", "{d}/none.yaml"], 2),
    "no-yaml": ({"sub/x.txt": ""}, ["render", "{d}/sub"], 2),
    "suffix": ({"a.yaml": GOOD}, ["render", "{d}/a.yaml", "-o", "{d}/a.txt"], 2),
    "many-to-file": ({"a.yaml": GOOD, "b.yaml": GOOD}, ["render", "{d}/a.yaml", "{d}/b.yaml", "-o", "{d}/x.docx"], 2),
    "same-output": ({"a.yaml": GOOD, "s/a.yaml": GOOD}, ["render", "{d}/a.yaml", "{d}/s/a.yaml", "-o", "{d}/o/"], 2),
    "stdout-many": ({"a.yaml": GOOD, "b.yaml": GOOD}, ["render", "{d}/a.yaml", "{d}/b.yaml", "-o", "-"], 2),
    "output-folder": ({"a.yaml": GOOD, "a.docx/x": ""}, ["render", "{d}/a.yaml"], 2),
    "output-fifo": ({"a.yaml": GOOD, "a.docx": "fifo"}, ["render", "{d}/a.yaml"], 2),
    "output-name-too-long": ({"a.yaml": GOOD}, ["render", "{d}/a.yaml", "-o", "{d}/" + "x" * 300 + ".docx"], 2),
    "output-below-file": ({"a.yaml": GOOD}, ["render", "{d}/a.yaml", "-o", "{d}/a.yaml/x.docx"], 2),
    "timeout-range": ({"a.yaml": GOOD}, ["render", "{d}/a.yaml", "--pdf-timeout", "-1"], 2),
    "jobs-range": ({"a.yaml": GOOD}, ["render", "{d}/a.yaml", "-j", "-1"], 2),
    "pdf-missing": ({"a.yaml": GOOD, "env:CCHC_SOFFICE": "{d}/none"}, ["render", "{d}/a.yaml", "--pdf"], 1),
    "pdf-fails": ({"a.yaml": GOOD, "soffice": "echo broken >&2; exit 3"}, ["render", "{d}/a.yaml", "--pdf"], 1),
    "pdf-empty": ({"a.yaml": GOOD, "soffice": "exit 0"}, ["render", "{d}/a.yaml", "-o", "{d}/a.pdf"], 1),
    "pdf-slow": ({"a.yaml": GOOD, "soffice": "sleep 5"},
                 ["render", "{d}/a.yaml", "--pdf", "--pdf-timeout", "0.5"], 1),
    "init-loai": ({}, ["init", "--loai", "ke_hoch"], 2),
    "init-don-vi": ({}, ["init", "--loai", "ke_hoach", "--don-vi", "{d}/none.yaml"], 2),
    "init-exists": ({"a.yaml": GOOD}, ["init", "--loai", "ke_hoach", "-o", "{d}/a.yaml"], 2),
    "init-docx": ({}, ["init", "--loai", "ke_hoach", "-o", "{d}/a.docx"], 2),
    "don-vi": ({}, ["don-vi", "-o", "{d}/u.yaml"], 2),
    "cascade-missing": ({}, ["cascade", "{d}/none.yaml", "--don-vi", "X", "-o", "{d}/o.yaml"], 2),
    "cascade-unit": ({"a.yaml": PLAN_TABLE.replace('"3,000,000"', "5")},
                     ["cascade", "{d}/a.yaml", "--don-vi", "Nobody", "-o", "{d}/o.yaml"], 2),
    "cascade-exists": ({"a.yaml": PLAN_TABLE.replace('"3,000,000"', "5"), "o.yaml": ""},
                       ["cascade", "{d}/a.yaml", "--don-vi", "Office A", "-o", "{d}/o.yaml"], 2),
    "import-missing": ({}, ["nhap", "{d}/none.docx"], 2),
    "import-not-docx": ({"a.docx": b"not a zip"}, ["nhap", "{d}/a.docx"], 2),
    "import-exists": ({"a.yaml": GOOD, "a.docx": "render"}, ["nhap", "{d}/a.docx", "-o", "{d}/a.yaml"], 2),
    "import-docx": ({"a.docx": "render"}, ["nhap", "{d}/a.docx", "-o", "{d}/b.docx"], 2),
    "check-not-docx": ({"a.docx": b"not a zip"}, ["check", "{d}/a.docx"], 2),
    "check-missing": ({}, ["check", "{d}/none.docx"], 2),
    "check-findings": ({"a.docx": "plain"}, ["check", "{d}/a.docx"], 1),
    "check-json": ({"a.docx": "plain"}, ["check", "--json", "{d}/a.docx"], 1),
    "arg-required": ({}, ["render"], 2),
    "arg-choice": ({}, ["rendr"], 2),
    "arg-int": ({}, ["render", "x.yaml", "-j", "many"], 2),
    "arg-float": ({}, ["render", "x.yaml", "--pdf-timeout", "soon"], 2),
    "arg-unknown": ({}, ["validate", "x.yaml", "--frobnicate"], 2),
    "arg-value": ({}, ["render", "x.yaml", "-o"], 2),
    "arg-ambiguous": ({}, ["render", "x.yaml", "--pdf-t", "1", "--p"], 2),
    "arg-lang": ({}, ["--lang", "fr", "schema"], 2),
    "arg-subcommand": ({}, ["templates"], 2),
}


def _prepare(folder: Path, files: dict[str, str | bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    for name, content in files.items():
        if name.startswith("env:"):
            monkeypatch.setenv(name[4:], str(content).format(d=folder))
            continue
        path = folder / name
        if name.endswith("/"):  # a pack whose van_ban.docx is broken in the way named
            _bad_template(path, *{"jinja": ("word/document.xml", b"{{ so_ky_hieu }}", b"{{ so_ky_hieu ) }}"),
                                  "variable": ("word/document.xml", b"{{ so_ky_hieu }}", b"{{ no_such_name }}"),
                                  "style": ("word/styles.xml", 'w:val="CCHC Nội dung"'.encode(), b'w:val="CCHC Noi dung"'),
                                  "xml": ("word/document.xml", b"{{ so_ky_hieu }}", b"{{ '<w:p>'|safe }}")
                                  }[str(content)])
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if name == "soffice":
            monkeypatch.setenv("CCHC_SOFFICE", _fake_soffice(folder, str(content)))
        elif content == "render":  # a .docx rendered from GOOD
            (folder / "src.yaml").write_text(GOOD, "utf-8")
            assert main(["render", str(folder / "src.yaml"), "-o", str(path)]) == 0
        elif content == "fifo":
            os.mkfifo(path)
        elif content == "plain":  # a .docx that is not laid out by the decree
            import docx
            document = docx.Document()
            document.add_paragraph("Some text")
            document.save(str(path))
        else:
            (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out + out.err


def _problem_lines(output: str, folder: Path) -> list[str]:
    """The lines of `output` that report a problem: they start with a place (`file:line:col: `, `-o x: `, `-j: `,
    `--loai x: `)."""
    return [line for line in output.splitlines() if line.startswith((str(folder), "-o ", "-j: ", "--", "<"))
            and ": " in line and not line.endswith(".docx")]


@pytest.mark.parametrize("name", SCENARIOS)
def test_every_error_path_speaks_english_with_codes(name, tmp_path, capsys, monkeypatch):
    files, argv, expected = SCENARIOS[name]
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CCHC_LANG", raising=False)
    _prepare(tmp_path, files, monkeypatch)
    monkeypatch.setattr(ccch_docs.pdf, "_local", threading.local())  # no LibreOffice kept warm by other tests
    argv = [a.format(d=tmp_path) for a in argv]
    outputs = {}
    for how in ("vi", "flag", "env"):
        monkeypatch.delenv("CCHC_LANG", raising=False)
        if how == "env":
            monkeypatch.setenv("CCHC_LANG", "en")
        code, outputs[how] = _run(["--lang", "en", *argv] if how == "flag" else argv, capsys)
        outputs[how] = re.sub(r"\d+\.\d s\)", "… s)", outputs[how])  # a batch's time
        assert code == expected, (how, outputs[how])
    assert outputs["env"] == outputs["flag"]
    english = outputs["flag"].replace(str(tmp_path), "<d>").replace("CCHC Nội dung", "<style>")  # the template's
    assert english.strip() and not VIETNAMESE.search(english), english
    assert VIETNAMESE.search(outputs["vi"]), outputs["vi"]
    if name.startswith(("arg-", "check-")):  # argparse's lines, and check's report (each finding names its rule)
        return
    for how in ("vi", "flag"):
        problems = _problem_lines(outputs[how], tmp_path)
        assert problems, outputs[how]
        for line in problems:
            assert CODE.search(line) and "CCHC-E099" not in line, (how, line)


def _commands(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Every command and subcommand the parser knows, as the words that name it (aliases included)."""
    found = [path]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += _commands(sub, (*path, name))
    return found


def test_the_parser_of_one_command_is_the_whole_parser_for_that_command(capsys):
    """Start-up builds only the command being run: its parser helps and parses as the whole parser does."""
    assert {words[0] for words in _commands(parser("vi")) if words} == set(COMMANDS)
    for words in _commands(parser("en")):
        if not words:
            continue
        helps = []
        for made in (parser("en"), parser("en", words[0])):
            with pytest.raises(SystemExit):
                made.parse_args([*words, "--help"])
            helps.append(capsys.readouterr().out)
        assert helps[0] == helps[1] and helps[0].startswith("usage: "), words
    assert parser("vi", "render").parse_args(["render", "a.yaml", "-j", "2"]) == parser("vi").parse_args(
        ["render", "a.yaml", "-j", "2"])


# Examples of the user's own data in the help (a unit's name, a title), written as the user writes them.
_HELP_DATA = ("ỦY BAN\n                        NHÂN DÂN", "ỦY BAN NHÂN DÂN", "XÃ TÂN HÒA", "Tân Hòa", "CHỦ TỊCH")


@pytest.mark.parametrize("words", _commands(parser("en")), ids=" ".join)
def test_every_command_helps_in_english(words, capsys, monkeypatch):
    monkeypatch.delenv("CCHC_LANG", raising=False)
    helps = {}
    for how in ("vi", "flag", "env"):
        if how == "env":
            monkeypatch.setenv("CCHC_LANG", "en")
        with pytest.raises(SystemExit) as exit_:
            main(["--lang", "en", *words, "--help"] if how == "flag" else [*words, "--help"])
        assert exit_.value.code == 0
        helps[how] = capsys.readouterr().out
    english = helps["flag"]
    assert helps["env"] == english
    assert english.startswith("usage: ") and "\noptions:\n" in english and "show this help message and exit" in english
    for data in _HELP_DATA:
        english = english.replace(data, "<data>")
    assert not VIETNAMESE.search(english), english
    assert helps["vi"].startswith("cách dùng: ") and "hiện phần trợ giúp này rồi thoát" in helps["vi"]


@pytest.mark.parametrize("lang, words", [
    ("en", ("usage: ", "x: error: argument --pair: expected 2 arguments", "expected one argument",
            "the following arguments are required: file")),
    ("vi", ("cách dùng: ", "x: lỗi: tham số --pair: cần 2 giá trị", "cần một giá trị", "thiếu các tham số bắt buộc: file")),
])
def test_argparse_words_and_plurals_in_the_language_of_messages(lang, words, capsys):
    with argparse_speaking(lang):
        made = argparse.ArgumentParser(prog="x")
        made.add_argument("file")
        made.add_argument("--pair", nargs=2)
        made.add_argument("--one")
        for argv, expected in ((["f", "--pair", "a"], words[1]), (["f", "--one"], words[2]), ([], words[3])):
            with pytest.raises(SystemExit):
                made.parse_args(argv)
            err = capsys.readouterr().err
            assert err.startswith(words[0]) and expected in err, err


# Where the package writes a message or a hint: a call making a problem, an error or an unclear value (every text
# argument, and the `hint` of a pydantic error's context), a finding (key path, message, hint), a function
# explaining an error (`return message, hint`).
_MAKERS = {"Problem", "problem", "_refuse", "_refused", "fail", "_data_error", "Unclear", "ExpressionError",
           "SecurityError", "Unreadable", "PydanticCustomError", "ValueError", "Absent", "TemplateSyntaxError",
           "did_you_mean"}


def _texts(node: ast.AST) -> list[ast.expr]:
    """The texts written in a message-making call, finding or explanation."""
    if isinstance(node, ast.Call):
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", None)
        if name not in _MAKERS:
            return []
        args = [*node.args, *(k.value for k in node.keywords)]
        return args + [v for a in args if isinstance(a, ast.Dict) for v in a.values if v is not None]
    if isinstance(node, ast.Tuple) and len(node.elts) == 3 and isinstance(node.elts[0], ast.Tuple | ast.BinOp):
        return node.elts[1:]
    if isinstance(node, ast.FunctionDef) and node.name in ("_explain", "_problem", "why_not_docx"):
        return [e for r in ast.walk(node) if isinstance(r, ast.Return) and r.value is not None
                for e in (r.value.elts if isinstance(r.value, ast.Tuple) else [r.value])]
    return []


def _sample(node: ast.expr) -> str | None:
    """The text an expression makes, each value as `x` (a conditional: its first branch); None when not in place."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _sample(node.left), _sample(node.right)
        return None if left is None or right is None else left + right
    if isinstance(node, ast.IfExp):
        return _sample(node.body)
    return None


def test_every_message_and_hint_the_package_writes_has_an_english_translation():
    written = []
    for path in sorted(Path(ccch_docs.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            for text in _texts(node):
                for branch in ([text.body, text.orelse] if isinstance(text, ast.IfExp) else [text]):
                    sample = _sample(branch)
                    if sample and VIETNAMESE.search(sample):
                        written.append((path.name, branch.lineno, sample))
    assert len(written) > 300
    untranslated = [w for w in written if translate(w[2], "en") == w[2]]
    assert untranslated == []
