"""The on-disk cache of Jinja sources and of Jinja's compiled templates: used when whole and ours, ignored when
damaged or foreign."""

from __future__ import annotations

import os

import jinja2
import pytest

from ccch_docs import api, cache, docxtpl_patch, engine, packs
from conftest import ROOT

PART = '<w:p><w:r><w:t>{{ ten</w:t></w:r><w:r><w:t>_loai }}</w:t></w:r></w:p>'
WANT = '<w:p><w:r><w:t xml:space="preserve">{{ ten_loai }}</w:t></w:r></w:p>'


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "ccch_docs"


def _entry(folder):
    (entry,) = [p for p in folder.iterdir() if not p.name.startswith(".")]
    return entry


def test_a_source_is_stored_private_and_read_back(folder):
    assert docxtpl_patch.jinja_source(PART) == WANT
    entry = _entry(folder)
    assert folder.stat().st_mode & 0o777 == 0o700
    assert cache.read(entry.name) == WANT
    assert docxtpl_patch.jinja_source(PART) == WANT


@pytest.mark.parametrize("damage", [
    lambda data: data[:-5],  # cut short
    lambda data: data.replace(b"ten_loai", b"ten_xxxx"),  # body changed, digest not
    lambda data: b"",
    lambda data: b"\xff\xfe" + data,
])
def test_a_damaged_entry_is_ignored_and_written_again(folder, damage):
    docxtpl_patch.jinja_source(PART)
    entry = _entry(folder)
    entry.write_bytes(damage(entry.read_bytes()))
    assert cache.read(entry.name) is None
    assert docxtpl_patch.jinja_source(PART) == WANT
    assert cache.read(entry.name) == WANT


def test_an_entry_others_may_write_is_not_trusted(folder):
    docxtpl_patch.jinja_source(PART)
    entry = _entry(folder)
    os.chmod(entry, 0o666)
    assert cache.read(entry.name) is None
    os.chmod(entry, 0o644)
    os.chmod(folder, 0o777)
    assert cache.read(entry.name) is None


def test_an_unwritable_cache_is_not_used(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # not a folder
    assert docxtpl_patch.jinja_source(PART) == WANT


def test_the_key_names_the_code_and_the_part():
    assert cache.key("a", "bc") != cache.key("ab", "c")
    assert docxtpl_patch._code()


def _compile_counted(monkeypatch) -> tuple[engine.CompiledTemplate, int]:
    """The built-in template compiled as in a new process, and how many sources Jinja compiled for it."""
    compiled = []
    real = jinja2.Environment.compile

    def counted(self, source, *args, **kwargs):
        compiled.append(source)
        return real(self, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    engine._compile.cache_clear()
    template = engine.compiled(packs.builtin_dir() / "van_ban.docx")
    monkeypatch.setattr(jinja2.Environment, "compile", real)
    return template, len(compiled)


def _bytecode(folder):
    return sorted(p for p in folder.iterdir() if p.name.startswith("jinja-"))


def test_compiled_templates_are_stored_private_and_not_compiled_again(folder, monkeypatch):
    first, compiled = _compile_counted(monkeypatch)
    assert compiled == len(first.jinja) > 0
    entries = _bytecode(folder)
    assert len(entries) == compiled
    assert all(e.stat().st_mode & 0o077 == 0 for e in entries)
    assert _compile_counted(monkeypatch)[1] == 0


def test_a_template_read_from_the_cache_renders_the_same_bytes(folder, monkeypatch):
    doc = api.load(ROOT / "examples" / "ke-hoach-cchc-2021-huyen-lai-vung.yaml")
    engine._compile.cache_clear()
    cold = api.render(doc)
    assert _compile_counted(monkeypatch)[1] == 0
    assert api.render(doc) == cold


@pytest.mark.parametrize("damage", [lambda data: data[:-5], lambda data: b"", lambda data: b"j2" + data[7:]])
def test_damaged_bytecode_is_compiled_again(folder, monkeypatch, damage):
    _, compiled = _compile_counted(monkeypatch)
    for entry in _bytecode(folder):
        entry.write_bytes(damage(entry.read_bytes()))
    assert _compile_counted(monkeypatch)[1] == compiled
    assert _compile_counted(monkeypatch)[1] == 0  # and stored again


def test_bytecode_others_may_write_is_not_trusted(folder, monkeypatch):
    _, compiled = _compile_counted(monkeypatch)
    for entry in _bytecode(folder):
        os.chmod(entry, 0o666)
    assert _compile_counted(monkeypatch)[1] == compiled


def test_an_unwritable_cache_still_compiles(tmp_path, monkeypatch):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))  # not a folder
    template, compiled = _compile_counted(monkeypatch)
    assert compiled == len(template.jinja) > 0
