"""Problem messages as the command line prints them: counts and limits in the notation of the language of messages,
and a hint for every problem a clerk can make in a small YAML file."""

from __future__ import annotations

import pytest

from ccch_docs.cli import main
from test_hostile_yaml import BOMB
from test_input_errors import GOOD


def _printed(tmp_path, capsys, text: str, *lang: str) -> tuple[str, list[str]]:
    """The problems `validate` prints for a file holding `text` (exit 2), and the file's name."""
    src = tmp_path / "plan.yaml"
    src.write_text(text, "utf-8")
    assert main([*lang, "validate", str(src)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return str(src), err.splitlines()[:-1]


@pytest.mark.parametrize("lang,message", [
    ((), "tài liệu quá lớn: hơn 2.000.000 giá trị (kể cả các lần lặp lại của bí danh `*…`) "
         "(gợi ý: bớt bí danh lồng nhau, hoặc tách thành nhiều tệp) [CCHC-E075]"),
    (("--lang", "en"), "document too large: more than 2,000,000 values (counting repeats of aliases `*…`) "
                       "(hint: use fewer nested aliases, or split into several files) [CCHC-E075]"),
])
def test_a_limit_is_printed_in_the_notation_of_the_language(tmp_path, capsys, lang, message):
    src, lines = _printed(tmp_path, capsys, BOMB, *lang)
    assert lines == [f"{src}:7:18: l6: {message}"]


@pytest.mark.parametrize("lang,message", [
    ((), "đoạn văn quá dài (2.000.000 ký tự, tối đa 1.000.000) (gợi ý: chia thành nhiều đoạn) [CCHC-E070]"),
    (("--lang", "en"), "paragraph too long (2,000,000 characters, at most 1,000,000) "
                       "(hint: split it into several paragraphs) [CCHC-E070]"),
])
def test_a_size_and_its_limit_are_printed_in_the_notation_of_the_language(tmp_path, capsys, lang, message):
    src, lines = _printed(tmp_path, capsys, GOOD.replace("luu: VT", "luu: " + "a" * 2_000_000), *lang)
    assert lines == [f"{src}:13:6: luu: {message}"]
