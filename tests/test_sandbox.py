"""A pack from another office cannot run code or exhaust the machine: hostile templates give a clear TemplateError."""

from __future__ import annotations

import time

import pytest

import ccch_docs
from ccch_docs.cli import main
from conftest import ROOT, make_pack

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"

HOSTILE = [
    ("{{ ''.__class__.__mro__ }}", "không an toàn"),
    ("{{ cycler.__init__.__globals__.os.system('touch {marker}') }}", "không an toàn"),
    ("{% for x in ().__class__.__base__.__subclasses__() %}{{ x }}{% endfor %}", "không an toàn"),
    ("{{ co_quan._private }}", "ngữ cảnh"),  # a mapping: `_private` is only a missing key
    ("{{ (noi_dung|first).__slots__ }}", "không an toàn"),
    ("{{ self._TemplateReference__context }}", "không an toàn"),
    ("{{ co_quan.ten.append('x') }}", "không an toàn"),
    ("{{ (co_quan.ten|first).__class__ }}", "không an toàn"),
    ("{{ co_quan|attr('__class__') }}", "không an toàn"),
    ("{{ range(10**9)|length }}", "range"),
    ("{% for i in range(99999) %}{% for j in range(99999) %}{% endfor %}{% endfor %}", "vòng lặp"),
    ("{% set r = range(300)|list %}{% for a in r %}{% for b in r %}{% for c in r %}{% endfor %}{% endfor %}"
     "{% endfor %}", "vòng lặp"),
    ("{{ 'x' * 10**9 }}", "dài quá"),
    ("{{ 9**999999 }}", "số quá lớn"),
    ("{% set n = namespace(x=3) %}{% for i in range(64) %}{% set n.x = n.x * n.x %}{% endfor %}", "số quá lớn"),
    ("{{ '%0999999999d' % 1 }}", "`%`"),
    ("{{ ''.center(10**9) }}", "không an toàn"),
    ("{{ '{:>999999999}'.format(1) }}", "không an toàn"),
    ("{{ ' '|center(10**9) }}", "cú pháp"),  # the filter is not there at all
    ("{% set n = namespace(s='x' * 9999) %}{% for i in range(40) %}{% set n.s = n.s ~ n.s %}{% endfor %}", "dài quá"),
    ("{% set n = namespace(s='x' * 9999) %}{% for i in range(40) %}{% set n.s = n.s + n.s %}{% endfor %}", "dài quá"),
    ("{% set n = namespace(s='x' * 9999) %}{% for i in range(40) %}{% set n.s = [n.s, n.s]|join %}{% endfor %}",
     "dài quá"),
    ("{% set n = namespace(s='x' * 9999) %}{% for i in range(40) %}{% set n.s = n.s.replace('x', 'xx') %}"
     "{% endfor %}", "dài quá"),
    ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "tài nguyên"),
    ("{% include '/etc/passwd' %}", "lỗi khi dựng mẫu"),
    ("{{ lipsum(10**6) }}", "ngữ cảnh"),
]


@pytest.mark.parametrize("code, words", HOSTILE)
def test_hostile_template_gives_a_template_error(tmp_path, code, words):
    marker = tmp_path / "pwned"
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code.replace("{marker}", str(marker))})
    doc = ccch_docs.load(EXAMPLE, templates=[pack])
    start = time.process_time()  # CPU time: bounded work, whatever else the machine runs
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(doc)
    assert time.process_time() - start < 20
    problem = exc_info.value.problems[0]
    assert problem.file == str(pack / "van_ban.docx")
    assert words in problem.message, problem.message
    assert not marker.exists()


def test_hostile_template_exits_2_without_traceback(tmp_path, capsys):
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": "{{ ''.__class__.__mro__ }}"})
    out = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out), "--templates", str(pack)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and "van_ban.docx" in err and "không an toàn" in err
    assert not out.exists()


def test_syntax_error_names_the_template_and_the_paragraph(tmp_path):
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": "{{ ten_loai | }}"})
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(ccch_docs.load(EXAMPLE, templates=[pack]))
    problem = exc_info.value.problems[0]
    assert (problem.file, problem.key) == (str(pack / "van_ban.docx"), "word/document.xml")
    assert "cú pháp Jinja sai" in problem.message and "«{{ ten_loai | }}»" in problem.message


def test_unknown_attribute_names_the_paragraph(tmp_path):
    pack = make_pack(tmp_path / "p", replace={"{{ nguoi_ky.ho_ten }}": "Ông {{ nguoi_ky.ten }}"})
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(ccch_docs.load(EXAMPLE, templates=[pack]))
    problem = exc_info.value.problems[0]
    assert "biến không có trong ngữ cảnh" in problem.message and "«Ông {{ nguoi_ky.ten }}»" in problem.message
