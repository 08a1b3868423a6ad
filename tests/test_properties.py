"""The input contract over generated inputs: every YAML text and every document ends in a located InputError or a
.docx that opens. A fixed, derandomized budget keeps the run short and repeatable."""

from __future__ import annotations

import io
from collections.abc import Callable

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ccch_docs
from samples import PLAN
from test_input_errors import GOOD

BUDGET = settings(max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
LINES = GOOD.splitlines(keepends=True)

# Text that YAML and the format find interesting: indicators, escapes, numbers in every notation, odd characters.
PIECES = st.sampled_from([
    ":", " ", "  ", "\n", "\t", "-", "- ", "[", "]", "{", "}", ",", "&a", "*a", "<<: ", "? ", "!!str ", "!!int ",
    "!x ", "#", "'", '"', "\\", "\\x07", "\\uFFFE", "\\ud800", "|", ">", "---\n", "...", "~", "null", "yes", "no",
    "true", "010", "0x1F", "1_000", "1:30", ".nan", "-.inf", "1e400", "9" * 30, "12:30", "2021-13-45", "{{ ",
    " }}", "{{ 10**25 }}", "{{ so_lieu.x }}", "\x00", "\x07", "\ufeff", "\ufffe", "\u0085", "\u2028", "Đồng",
    "o\u0302\u0300", "so: ", "luu: ", "noi_nhan: ", "so_lieu: ", "phu_luc: ",
])
SNIPPETS = st.lists(st.one_of(PIECES, st.text(max_size=5)), max_size=12).map("".join)


def _holds(load: Callable[[], ccch_docs.Document], name: str, lines: bool) -> None:
    """The contract: `load` raises an InputError placing every problem (at a line, or for data at a key),
    or gives a document that renders to a .docx python-docx opens."""
    try:
        doc = load()
    except ccch_docs.InputError as error:
        assert error.problems
        for p in error.problems:
            assert p.file is not None and p.message, str(error)
            if p.file == name:
                assert (p.line is not None) if lines else (p.key is not None or p.line is not None), str(error)
        return
    assert docx.Document(io.BytesIO(ccch_docs.render(doc))).paragraphs


@BUDGET
@given(line=st.integers(0, len(LINES)), snippet=SNIPPETS, replace=st.booleans())
def test_yaml_text_is_refused_located_or_renders(line, snippet, replace):
    text = "".join(LINES[:line] + [snippet] + LINES[line + replace:])
    _holds(lambda: ccch_docs.loads(text, name="plan.yaml"), "plan.yaml", lines=True)


# Values of every JSON-like kind, with text of any code point (lone surrogates and controls included).
ANY_TEXT = st.text(st.characters(codec=None, exclude_categories=()), max_size=20)
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | ANY_TEXT | st.sampled_from(["", " ", "010", "1.10"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT | st.sampled_from(["x", "tieu_de"]), inner,
                                                                  max_size=4),
    max_leaves=12)


@BUDGET
@given(key=st.sampled_from(sorted(PLAN) + ["so_lieu", "phu_luc", "ky_bao_cao", "mo_dau", "x"]), value=VALUES)
def test_documents_are_refused_located_or_render(key, value):
    _holds(lambda: ccch_docs.from_dict({**PLAN, key: value}, name="api"), "api", lines=False)


# Text of any code point but the format's own marks (emphasis, footnotes, expressions), typed in NFD: a document that
# takes it prints it as typed, in NFC, its white space collapsed, and escaped (never markup) in document.xml.
PLAIN = st.text(st.characters(codec=None, exclude_categories=(), exclude_characters="*\\[]{}^"), min_size=1,
                max_size=12)
PLACES = {"doan": lambda d, v: {**d, "noi_dung": [{"tieu_de": "Mục đích", "doan": v}]},
          "cell": lambda d, v: {**d, "phu_luc": [{"tieu_de": "PL", "cot": [{"khoa": "a", "ten": "A"}], "dong": [{"a": v}]}]},
          "ho_ten": lambda d, v: {**d, "nguoi_ky": {**d["nguoi_ky"], "ho_ten": v}},
          "noi_nhan": lambda d, v: {**d, "noi_nhan": [v]}, "trich_yeu": lambda d, v: {**d, "trich_yeu": v}}


@BUDGET
@given(place=st.sampled_from(sorted(PLACES)), value=PLAIN)
def test_text_is_printed_as_typed_in_nfc(place, value):
    import re
    import unicodedata
    import zipfile
    from xml.sax.saxutils import escape

    from ccch_docs.formats.text import one_line, tidy
    typed = f"Chữ {value} xong"  # words around it: punctuation ending a listed line is the program's
    try:
        doc = ccch_docs.from_dict(PLACES[place](PLAN, unicodedata.normalize("NFD", typed)), name="api")
    except ccch_docs.InputError as error:
        assert all(p.file == "api" and p.key for p in error.problems), str(error)
        return
    with zipfile.ZipFile(io.BytesIO(ccch_docs.render(doc))) as z:
        printed = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", z.read("word/document.xml").decode()))
    assert escape(one_line(tidy(typed))) in printed, (typed, printed)
