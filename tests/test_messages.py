"""Messages: a stable code on each problem the catalog knows, English through the compiled catalog."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs.cli import main
from ccch_docs.messages import CODES, LOCALE, translate

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
