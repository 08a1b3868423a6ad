"""Hostile or broken template packs: refused before any harm, with the pack file and part named, and no output.

Each pack is the built-in van_ban.docx with one part changed or one zip trick played on it.
"""

from __future__ import annotations

import re
import struct
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

import ccch_docs
from ccch_docs import engine, package, packs, sandbox
from ccch_docs.cli import main
from conftest import ROOT, make_pack

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"
BUILTIN = packs.builtin_dir() / "van_ban.docx"
DOCTYPE = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BOMB = (b'<!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        + b"".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">'.encode() for i in range(8))
        + b"]>")
EXTERNAL = b'<!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>'


def _parts() -> dict[str, bytes]:
    with zipfile.ZipFile(BUILTIN) as z:
        return {n: z.read(n) for n in z.namelist()}


def _pack(tmp_path: Path, parts: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    folder = tmp_path / "pack"
    folder.mkdir()
    with zipfile.ZipFile(folder / "van_ban.docx", "w") as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name), data, method)
    return folder


def _with_doctype(xml: bytes, doctype: bytes, use: bytes = b"") -> bytes:
    """`xml` with `doctype` after its declaration and `use` (entity references) in its first text."""
    body = xml.split(b"?>", 1)[1]
    if use:
        body = body.replace(b"</w:t>", use + b"</w:t>", 1)
    return DOCTYPE + doctype + body


def _set_method(data: bytes, name: str, method: int) -> bytes:
    """The zip `data` with entry `name`'s compression method changed in its local and central headers."""
    out = bytearray(data)
    raw = name.encode()
    for sig, at_method, at_len, at_name in ((b"PK\x03\x04", 8, 26, 30), (b"PK\x01\x02", 10, 28, 46)):
        pos = out.find(sig)
        while pos >= 0:
            length = struct.unpack_from("<H", out, pos + at_len)[0]
            if out[pos + at_name:pos + at_name + length] == raw:
                struct.pack_into("<H", out, pos + at_method, method)
            pos = out.find(sig, pos + 4)
    return bytes(out)


def _refused(tmp_path: Path, pack: Path, part: str | None, words: str, capsys) -> None:
    """The API raises a TemplateError naming the pack's file, `part` and `words`; the CLI exits 2 and writes
    nothing, neither a new file nor over an old one."""
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(ccch_docs.load(EXAMPLE, templates=[pack]))
    problem = exc_info.value.problems[0]
    assert problem.file == str(pack / "van_ban.docx")
    assert problem.key == part, problem
    assert words in problem.message, problem.message
    new, old = tmp_path / "new.docx", tmp_path / "old.docx"
    old.write_bytes(b"old")
    for out in (new, old):
        assert main(["render", str(EXAMPLE), "-o", str(out), "--templates", str(pack)]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "van_ban.docx" in err and words in err
    assert not new.exists() and old.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_part_too_big_unpacked_is_refused_before_anything_is_read(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "pack"
    folder.mkdir()
    with zipfile.ZipFile(folder / "van_ban.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in _parts().items():
            z.writestr(name, data)
        with z.open("word/media/zero.bin", "w") as fh:
            for _ in range(64):
                fh.write(bytes(1 << 20))  # 64 MiB of zeros: about 64 kB packed
    assert (folder / "van_ban.docx").stat().st_size < 200_000
    opened: list[str] = []
    real_open = zipfile.ZipFile.open

    def spy(self: zipfile.ZipFile, name: object, *args: object, **kwargs: object) -> object:
        opened.append(getattr(name, "filename", name))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    _refused(tmp_path, folder, "word/media/zero.bin", "giải nén ra 67.108.864 byte", capsys)
    assert opened == []


def test_a_highly_compressed_part_is_refused(tmp_path, capsys):
    pack = _pack(tmp_path, {**_parts(), "word/media/zero.bin": bytes(5_000_000)})
    _refused(tmp_path, pack, "word/media/zero.bin", "bom nén", capsys)


def test_too_much_unpacked_in_all_is_refused(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(package, "MAX_UNPACKED", 20_000)
    _refused(tmp_path, _pack(tmp_path, _parts()), None, "giải nén ra", capsys)


def test_too_many_entries_are_refused(tmp_path, capsys):
    pack = _pack(tmp_path, {**_parts(), **{f"x/{i}.bin": b"" for i in range(package.MAX_PARTS)}})
    _refused(tmp_path, pack, None, "phần, quá", capsys)


@pytest.mark.parametrize("method", [zipfile.ZIP_LZMA, 99])
def test_an_unknown_compression_method_is_refused(tmp_path, capsys, method):
    pack = _pack(tmp_path, _parts())
    docx = pack / "van_ban.docx"
    docx.write_bytes(_set_method(docx.read_bytes(), "word/styles.xml", method))
    _refused(tmp_path, pack, "word/styles.xml", f"phương pháp {method}", capsys)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/header1.xml"])
def test_a_truncated_part_is_refused(tmp_path, capsys, part):
    parts = _parts()
    parts[part] = parts[part][:len(parts[part]) // 2]
    _refused(tmp_path, _pack(tmp_path, parts), part, "phần XML hỏng", capsys)


def test_a_corrupt_zip_stream_is_refused(tmp_path, capsys):
    pack = _pack(tmp_path, _parts())
    docx = pack / "van_ban.docx"
    data = bytearray(docx.read_bytes())
    start = data.find(b"word/document.xml") + len("word/document.xml")  # the local header's name, then data
    data[start + 100:start + 400] = bytes(300)
    docx.write_bytes(bytes(data))
    _refused(tmp_path, pack, "word/document.xml", "không đọc được mẫu", capsys)


@pytest.mark.parametrize("part", ["word/document.xml", "word/styles.xml", "word/header1.xml",
                                  "[Content_Types].xml", "word/_rels/document.xml.rels"])
@pytest.mark.parametrize("doctype, use", [(BOMB, b"&i;"), (EXTERNAL, b"&e;"), (b"<!DOCTYPE w:document>", b"")],
                         ids=["entity-bomb", "external-entity", "doctype"])
def test_a_doctype_in_any_xml_part_is_refused(tmp_path, capsys, part, doctype, use):
    parts = _parts()
    parts[part] = _with_doctype(parts[part], doctype, use if b"</w:t>" in parts[part] else b"")
    tracemalloc.start()
    try:
        _refused(tmp_path, _pack(tmp_path, parts), part, "DOCTYPE", capsys)
        assert tracemalloc.get_traced_memory()[1] < 50_000_000
    finally:
        tracemalloc.stop()


def test_markup_that_breaks_the_xml_is_a_located_template_error(tmp_path, capsys):
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": "{{ ten_loai }}{{ '<'|safe }}"})
    _refused(tmp_path, pack, "word/document.xml", "XML hỏng", capsys)
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(ccch_docs.load(EXAMPLE, templates=[pack]))
    assert "«KẾ HOẠCH" in exc_info.value.problems[0].message  # the paragraph it happened in


@pytest.mark.parametrize("code", [
    "{{ range(99999)|join('A' * 10000) }}",
    "{{ ('A' * 10000).join(['x'] * 10000) }}",
    "{% set m = ['x' * 10000] * 1000 %}{% set m = m|join %}{{ m ~ m ~ m ~ m ~ m ~ m ~ m }}",
    "{% set m = (['x' * 10000] * 1000)|join %}{{ m + m + m + m + m + m + m }}",
    "{% set m = (['x' * 10000] * 1000)|join %}{{ m|replace('x', 'xxxxxx') }}",
    "{% set m = (['x' * 10000] * 1000)|join %}{{ m.replace('x', 'xxxxxx') }}",
    "{% set m = (['x' * 10000] * 1000)|join %}{{ [m, m, m, m, m, m]|join }}",
    "{% set m = (['\"' * 10000] * 1100)|join %}{{ m }}",
    "{% set m = (['\"' * 10000] * 1100)|join %}{{ m|e }}",
    "{% set m = (['x' * 10000] * 1000)|join %}{{ m|tojson }}",
    "{{ ([['x'] * 10000] * 10000)|sum(start=[])|length }}",
    "{{ [1]|slice(10**8)|list|length }}",
    "{{ ('a' * 10000).translate(''.maketrans({'a': 'b' * 10000})) }}",
])
def test_a_value_too_long_is_refused_before_it_is_made(tmp_path, monkeypatch, code):
    message = _refused_within_memory(tmp_path, monkeypatch, code)
    assert "dài quá" in message or "quá 10.000 phần" in message, message


def _refused_within_memory(tmp_path, monkeypatch, code: str) -> str:
    """The message of the TemplateError `code` gives, in the body of a pack, after asserting where it is placed
    and that the render never held much more than MAX_OUTPUT (the refused value is never made)."""
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 60.0)  # tracemalloc slows every allocation down
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code})
    doc = ccch_docs.load(EXAMPLE, templates=[pack])
    tracemalloc.start()
    try:
        with pytest.raises(ccch_docs.TemplateError) as exc_info:
            ccch_docs.render(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    problem = exc_info.value.problems[0]
    assert problem.file == str(pack / "van_ban.docx") and problem.key == "word/document.xml"
    assert peak < 200_000_000, peak
    return problem.message


def test_a_slow_template_is_stopped_by_the_time_budget(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)
    code = ("{% for i in range(900) %}{% for j in range(1000) %}{{ ('x' * 9000)|replace('x', 'yz')|length }}"
            "{% endfor %}{% endfor %}")
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code})
    doc = ccch_docs.load(EXAMPLE, templates=[pack])
    start = time.thread_time()  # CPU time of this thread, as the budget counts it: neither the machine's load
    with pytest.raises(ccch_docs.TemplateError) as exc_info:  # nor the process's other threads count
        ccch_docs.render(doc)
    # The budget and the rest of the render, with a wide margin; unbounded, the template takes 100 seconds.
    assert time.thread_time() - start < 20
    problem = exc_info.value.problems[0]
    assert problem.file == str(pack / "van_ban.docx") and problem.key == "word/document.xml"
    assert re.search(r"quá 0\.\d giây", problem.message) and "«" in problem.message, problem.message


def test_exponential_macro_calls_are_stopped_by_the_time_budget_and_blamed_on_the_template(tmp_path, monkeypatch):
    """No loop, no output: 2⁴⁰ calls of a macro that calls itself twice are stopped by time alone, and the message
    names the template, however little data it was given."""
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)
    code = "{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}"
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code})
    start = time.thread_time()
    with pytest.raises(ccch_docs.TemplateError) as exc_info:
        ccch_docs.render(ccch_docs.load(EXAMPLE, templates=[pack]))
    assert time.thread_time() - start < 20
    problem = exc_info.value.problems[0]
    assert problem.file == str(pack / "van_ban.docx") and problem.key == "word/document.xml"
    assert "mẫu dựng quá" in problem.message and problem.code == "CCHC-E136", problem


def _long_report(paragraphs: int = 0, rows: int = 0) -> dict:
    """A report of `paragraphs` short paragraphs and an appendix of `rows` rows."""
    table = {"tieu_de": "PHỤ LỤC", "cot": [{"khoa": "linh_vuc", "ten": "Lĩnh vực", "rong": 10},
                                           {"khoa": "so", "ten": "Số hồ sơ", "rong": 5}],
             "dong": [{"linh_vuc": f"Xã {i}", "so": i} for i in range(rows)]}
    return {"loai": "bao_cao", "co_quan": {"ten": "SỞ NỘI VỤ", "viet_tat": "SNV"}, "dia_danh": "X", "so": 3,
            "trich_yeu": "Thử", "luu": "VT", "nguoi_ky": {"chuc_vu": "GIÁM ĐỐC", "ho_ten": "A B"}, "noi_nhan": ["X"],
            "noi_dung": [{"tieu_de": "KẾT QUẢ", "doan": [f"Đoạn {i}." for i in range(paragraphs)] or ["Đoạn."]}],
            "phu_luc": [table] if rows else []}


def test_a_long_document_is_given_the_time_its_data_takes(monkeypatch):
    """The budget grows with the data the template is given: 8,000 paragraphs take the built-in template several
    times RENDER_SECONDS here, as 70,000 took it past its 2 seconds, and it was named as too slow."""
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.05)
    ccch_docs.render(ccch_docs.from_dict(_long_report(paragraphs=8000)))


def test_the_clock_runs_only_while_a_template_renders(tmp_path, monkeypatch):
    """A pack whose templated footer comes after the body in its zip: the time spent laying out the body and
    writing a long appendix between them is not the footer's; it was, and the template was named as too slow."""
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.3)
    monkeypatch.setattr(sandbox, "SECONDS_PER_ITEM", 0.0, raising=False)  # only the clock counts
    parts = _parts()
    pack = _pack(tmp_path, {"word/document.xml": parts.pop("word/document.xml"), **parts})
    ccch_docs.render(ccch_docs.from_dict(_long_report(rows=20000), templates=[pack]))


def test_the_budget_is_per_document(tmp_path, monkeypatch):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 0.5)
    doc = ccch_docs.load(EXAMPLE)
    start = time.monotonic()
    while time.monotonic() - start < 1.0:  # more than the budget in all, each render well within it
        ccch_docs.render(doc)


def test_sandbox_limits_hold_outside_a_budget():
    env = sandbox.Sandbox()
    with pytest.raises(sandbox.SecurityError, match="vòng lặp"):
        env.from_string("{% for i in range(999) %}{% for j in range(9999) %}{% endfor %}{% endfor %}").render()
    with pytest.raises(sandbox.SecurityError, match="dài quá"):
        env.from_string("{{ range(99999)|join('A' * 10000) }}").render()


LOOP = "{% for i in range(99999) %}" + "A" * 1000 + "{% endfor %}"


@pytest.mark.parametrize("code", [
    "{% set x %}" + LOOP + "{% endset %}{{ x|length }}",
    "{% macro m() %}" + LOOP + "{% endmacro %}{{ m()|length }}",
    "{% filter length %}" + LOOP + "{% endfilter %}",
    "{% macro m() %}{{ caller() }}{% endmacro %}{% call m() %}" + LOOP + "{% endcall %}",
    "{% set b = (['x' * 10000] * 1000)|join %}{% set x %}{% for i in range(400) %}{{ b }}{% endfor %}{% endset %}"
    "{{ x|length }}",
], ids=["set-block", "macro", "filter-block", "call-block", "set-block-values"])
def test_what_a_block_keeps_is_bounded_before_it_is_joined(tmp_path, monkeypatch, code):
    message = _refused_within_memory(tmp_path, monkeypatch, code)
    assert "giữ quá" in message, message


def test_blocks_that_keep_their_output_still_render_it():
    code = ("{% set x %}<a>{{ 1 }}&{{ '<' }}{% endset %}{{ x }}|{% macro m(v) %}[{{ v }}]{% endmacro %}{{ m('&') }}"
            "{% filter upper %}ab{% endfilter %}")
    assert sandbox.Sandbox().from_string(code).render() == "<a>1&&lt;|[&amp;]AB"


def test_too_many_elements_are_refused_before_parsing(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 60.0)  # the element limit, not the time budget, must stop it
    code = ("{% for i in range(99999) %}{{ ('</w:t></w:r></w:p>' ~ '<w:p/>' * 15 ~ '<w:p><w:r><w:t>')|safe }}"
            "{% endfor %}")  # well-formed, 21 tags an item: 2,100,000 elements to parse
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code})
    _refused(tmp_path, pack, "word/document.xml", "thẻ XML", capsys)


@pytest.mark.parametrize("pack", [False, True])
@pytest.mark.parametrize("limit,value,words,code", [
    ((engine, "MAX_TAGS"), 300, "300 thẻ XML", "CCHC-E149"),
    # each value well within it, all of them past it: an honest document was blamed on the template (CCHC-E136)
    ((sandbox, "MAX_OUTPUT"), 20_000, "20.000 ký tự", "CCHC-E150"),
], ids=["tags", "characters"])
def test_a_document_too_long_for_any_template_is_named_not_the_template(tmp_path, capsys, monkeypatch, pack, limit,
                                                                        value, words, code):
    """Past the element or character limit with the built-in template too, the document is at fault: its file is
    named, not the template (built-in, or a pack's copy of it), and nothing is written."""
    monkeypatch.setattr(*limit, value)  # the example makes more, whatever the template
    folder = tmp_path / "p"
    folder.mkdir()
    (folder / "van_ban.docx").write_bytes(BUILTIN.read_bytes())
    out = tmp_path / "out.docx"
    assert main(["render", str(EXAMPLE), "-o", str(out), *(["--templates", str(folder)] if pack else [])]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{EXAMPLE}: văn bản quá dài: dựng ra quá {words}") and f"[{code}]" in err, err
    assert not out.exists()


def test_a_template_that_alone_writes_too_much_is_still_named(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sandbox, "RENDER_SECONDS", 60.0)
    code = "{% for i in range(200) %}{{ 'x' * 9000 }}{% endfor %}"  # 1,800,000 characters, each value 9,000
    monkeypatch.setattr(sandbox, "MAX_OUTPUT", 1_000_000)  # the example alone writes far less
    pack = make_pack(tmp_path / "p", replace={"{{ ten_loai }}": code})
    _refused(tmp_path, pack, "word/document.xml", "mẫu sinh quá 1.000.000 ký tự", capsys)


def test_a_doctype_in_a_vml_part_is_refused(tmp_path, capsys):
    vml = DOCTYPE + EXTERNAL + b'<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape>&e;</v:shape></xml>'
    pack = _pack(tmp_path, {**_parts(), "word/vmlDrawing1.vml": vml})
    _refused(tmp_path, pack, "word/vmlDrawing1.vml", "DOCTYPE", capsys)


@pytest.mark.parametrize("margins", ["", '<w:pgMar w:top="1134" w:bottom="1134"/>'])
def test_a_section_without_page_size_or_margins_is_a_located_template_error(tmp_path, capsys, margins):
    parts = _parts()
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = re.sub(r"<w:pgMar [^>]*/>", margins, xml).encode("utf-8")
    _refused(tmp_path, _pack(tmp_path, parts), "word/document.xml", "thiếu khổ giấy hoặc lề", capsys)


def test_a_table_grid_without_column_widths_is_a_located_template_error(tmp_path, capsys):
    parts = _parts()
    xml = parts["word/document.xml"].decode("utf-8")
    parts["word/document.xml"] = re.sub(r'<w:gridCol w:w="\d+"/>', "<w:gridCol/>", xml).encode("utf-8")
    _refused(tmp_path, _pack(tmp_path, parts), "phu_luc", "độ rộng cột", capsys)
