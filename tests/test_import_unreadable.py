"""Files `import` (and `check`) cannot read, made here as a clerk meets them: each cause said, with its own hint."""

from __future__ import annotations

import html
import io
import struct
import zipfile
from pathlib import Path

import docx
import pytest

from ccch_docs import checks, importer
from ccch_docs.cli import main
from ccch_docs.errors import InputError
from conftest import ROOT

_END, _FREE, _NONE = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFF
EXAMPLES = ROOT / "examples"


def ole(streams: dict[str, bytes]) -> bytes:
    """An OLE compound file (MS-CFB version 3, 512-byte sectors) holding `streams`, each at least 4,096 bytes so
    that it lives in sectors of its own (no mini stream): sector 0 the FAT, then the directory, then the streams."""
    datas = [data.ljust(4096, b"\0") for data in streams.values()]
    entries = len(streams) + 1
    dir_sectors = -(-entries // 4)
    fat = [0xFFFFFFFD] + [1 + k + 1 if k + 1 < dir_sectors else _END for k in range(dir_sectors)]
    starts = []
    for data in datas:
        starts.append(len(fat))
        count = -(-len(data) // 512)
        fat += [len(fat) + k + 1 if k + 1 < count else _END for k in range(count)]
    assert len(fat) <= 128

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        encoded = (name + "\0").encode("utf-16-le")
        return struct.pack("<64sHBBIII16sIQQIQ", encoded, len(encoded), kind, 1, _NONE, right, child, b"", 0, 0, 0,
                           start, size)

    directory = entry("Root Entry", 5, 1, _NONE, _END, 0) + b"".join(
        entry(name, 2, _NONE, n + 2 if n + 2 < entries else _NONE, starts[n], len(datas[n]))
        for n, name in enumerate(streams))
    header = struct.pack("<8s16sHHHHH6sIIIIIIIII109I", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"", 0x3E, 3, 0xFFFE,
                         9, 6, b"", 0, 1, 1, 0, 4096, _END, 0, _END, 0, 0, *[_FREE] * 108)
    fat_sector = struct.pack("<128I", *fat, *[_FREE] * (128 - len(fat)))
    return header + fat_sector + directory.ljust(dir_sectors * 512, b"\0") + b"".join(
        d.ljust(-(-len(d) // 512) * 512, b"\0") for d in datas)


def fib(encrypted: bool) -> bytes:
    """The start of a .doc's WordDocument stream: wIdent, nFib, …, the flags with fEncrypted (0x0100)."""
    return struct.pack("<HHHHHH", 0xA5EC, 0xC1, 0, 0x0409, 0, 0x0100 if encrypted else 0)


def good_docx() -> bytes:
    out = io.BytesIO()
    d = docx.Document()
    d.add_paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    d.save(out)
    return out.getvalue()


def rezipped(data: bytes, change) -> bytes:
    """`data` (a .docx) with each part passed through `change(name, bytes)`, which may drop it (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
        for info in z.infolist():
            part = change(info.filename, z.read(info))
            if part is not None:
                w.writestr(info.filename, part)
    return out.getvalue()


def encrypted_entry(data: bytes) -> bytes:
    """A zip whose document.xml says (general purpose flag bit 0) that it is encrypted, as no word processor writes."""
    data = bytearray(data)
    for signature, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            name_at = at + (30 if signature == b"PK\x03\x04" else 46)
            if data[name_at:name_at + 17] == b"word/document.xml":
                data[at + flags] |= 1
            at = data.find(signature, at + 4)
    return bytes(data)


def corrupt(data: bytes) -> bytes:
    """document.xml's packed bytes overwritten in the middle: the CRC (or the inflating) fails when it is read."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        info = z.getinfo("word/document.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes(b ^ 0x5A for b in data[middle:middle + 16]) + data[middle + 16:]


DAMAGED = "tệp bị hỏng hoặc tải về chưa hết: mở bằng Word (Word đề nghị sửa tệp) rồi lưu lại, hoặc xin lại tệp gốc"
# (name, the file's bytes (made when called), the message's detail (its start), the hint)
CASES = [
    ("a text file", lambda: "Kế hoạch cải cách hành chính".encode(),
     "không phải tệp .docx (không phải gói ZIP của Office Open XML)",
     "mở tệp bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx); tệp PDF hay ảnh quét thì cần xin tệp .docx gốc"),
    ("a PDF", lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
     "không phải tệp .docx (không phải gói ZIP của Office Open XML)",
     "mở tệp bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx); tệp PDF hay ảnh quét thì cần xin tệp .docx gốc"),
    ("an empty file", lambda: b"", "không phải tệp .docx (không phải gói ZIP của Office Open XML)",
     "mở tệp bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx); tệp PDF hay ảnh quét thì cần xin tệp .docx gốc"),
    ("a .doc renamed", lambda: ole({"WordDocument": fib(False), "1Table": b"\x01", "\x05SummaryInformation": b""}),
     "tệp Word 97–2003 (.doc), không phải .docx",
     "mở bằng Word rồi lưu dạng .docx, hoặc chuyển bằng LibreOffice: soffice --headless --convert-to docx TỆP.doc"),
    ("a .docx with a password", lambda: ole({"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                                              "EncryptedPackage": bytes(range(256)) * 20}),
     "tệp Office được đặt mật khẩu (mã hóa): không đọc được nội dung",
     "mở tệp bằng Word, nhập mật khẩu, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa "
     "trống ô mật khẩu) rồi lưu lại dạng .docx; hoặc xin tệp không đặt mật khẩu"),
    ("a .doc with a password", lambda: ole({"WordDocument": fib(True), "1Table": b"\x01"}),
     "tệp Office được đặt mật khẩu (mã hóa): không đọc được nội dung",
     "mở tệp bằng Word, nhập mật khẩu, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu > Mã hóa bằng mật khẩu, xóa "
     "trống ô mật khẩu) rồi lưu lại dạng .docx; hoặc xin tệp không đặt mật khẩu"),
    ("an .xls renamed", lambda: ole({"Workbook": b"\x09\x08", "\x05SummaryInformation": b""}),
     "tệp Office 97–2003 nhưng không phải văn bản Word (có thể là Excel .xls hay PowerPoint .ppt)",
     "chọn đúng tệp văn bản Word (.docx)"),
    ("a download cut short", lambda: good_docx()[:len(good_docx()) // 2], "gói ZIP bị cắt cụt hoặc hỏng", DAMAGED),
    ("a zip without word/document.xml", lambda: rezipped(good_docx(), lambda n, b: None if n.startswith("word/")
                                                         else b),
     "không có phần word/document.xml",
     "gói ZIP này không phải văn bản Word (có thể là Excel .xlsx, PowerPoint .pptx, OpenDocument .odt hay một tệp "
     "nén đổi đuôi): mở bằng Word hoặc LibreOffice rồi lưu dạng Word (.docx)"),
    ("broken XML", lambda: rezipped(good_docx(), lambda n, b: b[:len(b) // 2] if n == "word/document.xml" else b),
     "phần XML hỏng: ", DAMAGED),
    ("damaged packed data", lambda: corrupt(good_docx()), "gói ZIP hỏng: ", DAMAGED),
    ("a zip bomb", lambda: rezipped(good_docx(), lambda n, b: b.replace(b"<w:body>", b"<w:body>" + b" " * 30_000_000)
                                    if n == "word/document.xml" else b),
     "phần nén ", "một phần của tệp giải nén ra quá lớn (có thể là bom nén): nếu là văn bản thật, lưu lại bằng Word "
                  "sau khi bỏ bớt hình ảnh, đối tượng nhúng, hoặc tách thành nhiều tệp"),
    ("an encrypted part", lambda: encrypted_entry(good_docx()), "phần được mã hóa (đặt mật khẩu)",
     "tệp không do Word hay LibreOffice lưu: mở bằng một trong hai rồi lưu lại dạng Word (.docx)"),
]


@pytest.fixture(params=CASES, ids=[c[0] for c in CASES])
def hostile(request, tmp_path) -> tuple[Path, str, str]:
    _, made, detail, hint = request.param
    path = tmp_path / "van-ban.docx"
    path.write_bytes(made())
    return path, detail, hint


def test_import_names_the_cause_and_its_hint(hostile, capsys):
    path, detail, hint = hostile
    with pytest.raises(InputError) as info:
        importer.read(path, str(path))
    (p,) = info.value.problems
    assert (p.file, p.code, p.hint) == (str(path), "CCHC-E041", hint)
    assert p.message.startswith(f"không đọc được tệp .docx: {detail}"), p.message
    assert main(["import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: không đọc được tệp .docx: {detail}" in err and f"(gợi ý: {hint}) [CCHC-E041]" in err, err
    assert not path.with_suffix(".yaml").exists()


def test_the_hints_are_in_english_too(hostile, capsys):
    path, detail, hint = hostile
    assert main(["--lang", "en", "import", str(path)]) == 2
    err = capsys.readouterr().err
    assert f"{path}: cannot read the .docx file: " in err and "(hint: " in err, err
    assert "không" not in err and "tệp" not in err, err  # every word of the message and of the hint translated


def test_check_gives_the_same_cause_and_hint(hostile, capsys):
    path, detail, hint = hostile
    report = checks.check(path)
    assert report.error is not None and report.error.startswith(detail) and report.hint == hint
    assert main(["check", str(path)]) == 2
    assert f"{path}: không đọc được: {detail}" in capsys.readouterr().out
    assert main(["check", "--json", str(path)]) == 2
    assert f'"hint": "{hint}"' in capsys.readouterr().out
    page = path.with_suffix(".html")
    assert main(["check", str(path), "--html", str(page)]) == 2
    assert f"{html.escape(detail)}" in page.read_text("utf-8")
    assert f" (gợi ý: {html.escape(hint)})</p>" in page.read_text("utf-8")


def _with_alt_chunk(source: Path, path: Path, *, body_only: bool = False) -> None:
    """`source` with an HTML part embedded by w:altChunk after its first paragraph (or as its whole body)."""
    with zipfile.ZipFile(source) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    chunk = '<w:altChunk r:id="rIdChunk1"/>'
    xml = parts["word/document.xml"].decode()
    body = xml.index("<w:body>") + len("<w:body>")
    if body_only:
        xml = xml[:body] + chunk + xml[xml.index("<w:sectPr", body):]
    else:
        first = xml.index("</w:p>", body) + len("</w:p>")
        xml = xml[:first] + chunk + xml[first:]
    parts["word/document.xml"] = xml.encode()
    rels = parts["word/_rels/document.xml.rels"].decode()
    parts["word/_rels/document.xml.rels"] = rels.replace("</Relationships>", (
        '<Relationship Id="rIdChunk1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'aFChunk" Target="phan-nhung.htm"/></Relationships>')).encode()
    parts["word/phan-nhung.htm"] = "<html><body><p>Nội dung dán từ trang web.</p></body></html>".encode()
    types = parts["[Content_Types].xml"].decode()
    parts["[Content_Types].xml"] = types.replace(
        "</Types>", '<Override PartName="/word/phan-nhung.htm" ContentType="application/xhtml+xml"/></Types>').encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)


def test_import_says_which_embedded_part_it_skipped(tmp_path, capsys):
    source = tmp_path / "src.docx"
    assert main(["render", str(EXAMPLES / "to-trinh-ke-hoach-cchc-2022-vinh-long.yaml"), "-o", str(source)]) == 0
    path = tmp_path / "van-ban.docx"
    _with_alt_chunk(source, path)
    capsys.readouterr()
    assert main(["import", str(path)]) == 0
    err = capsys.readouterr().err
    assert (f"{path}: bỏ qua phần nhúng word/phan-nhung.htm (w:altChunk) sau đoạn 1: nội dung của nó không được đọc "
            "(gợi ý: mở tệp bằng Word và lưu lại (Word gộp phần nhúng vào văn bản), rồi nhập lại) [CCHC-E329]") \
        in err.splitlines(), err
    assert path.with_suffix(".yaml").exists()
    assert main(["--lang", "en", "import", str(path), "-o", "-"]) == 0
    assert "skipped the embedded part word/phan-nhung.htm (w:altChunk) after paragraph 1" in capsys.readouterr().err


def test_a_docx_whose_body_is_an_embedded_part_says_so(tmp_path, capsys):
    source = tmp_path / "src.docx"
    assert main(["render", str(EXAMPLES / "to-trinh-ke-hoach-cchc-2022-vinh-long.yaml"), "-o", str(source)]) == 0
    path = tmp_path / "van-ban.docx"
    _with_alt_chunk(source, path, body_only=True)
    with pytest.raises(InputError) as info:
        importer.read(path, str(path))
    assert [(p.file, p.code) for p in info.value.problems] == [(str(path), "CCHC-E042"), (str(path), "CCHC-E329")]


def test_check_names_the_embedded_part_it_could_not_check(tmp_path, capsys):
    source = tmp_path / "src.docx"
    assert main(["render", str(EXAMPLES / "to-trinh-ke-hoach-cchc-2022-vinh-long.yaml"), "-o", str(source)]) == 0
    path, whole = tmp_path / "van-ban.docx", tmp_path / "nhung.docx"
    _with_alt_chunk(source, path)
    _with_alt_chunk(source, whole, body_only=True)
    capsys.readouterr()
    assert main(["check", str(path)]) == 0  # a note, not a violation: what was read is as the decree asks
    out = capsys.readouterr().out
    assert "noi_dung.embedded  phần nhúng (w:altChunk): word/phan-nhung.htm sau đoạn 1 (chưa kiểm tra được)" in out, out
    assert "rồi kiểm tra lại" in out
    assert [(f.kind, f.found) for f in checks.check(whole).findings if f.code == "noi_dung.embedded"] == [
        ("note", ("word/phan-nhung.htm ở đầu văn bản", "word/phan-nhung.htm at the start of the document"))]


_SHAPES = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"')


# Numbers no word processor writes, in a document otherwise whole: `check` crashed (OverflowError: exit 1, the batch
# stopped) or called the file unreadable with Python's words ("ValueError: invalid literal for int()"), and so did
# `import`. Each is read as absent, as a size written `abc` already was.
@pytest.mark.parametrize("old,new", [
    (b'<w:pgMar w:top="', b'<w:pgMar w:top="1e400" w:x="'),
    (b"<w:body>", b'<w:body><w:p><w:r><w:drawing><wp:anchor ' + _SHAPES.encode() + b'><wp:positionH><wp:posOffset>'
     b'abc</wp:posOffset></wp:positionH><wp:extent cx="1e400" cy="0"/><a:graphic><a:graphicData><a:prstGeom '
     b'prst="line"/></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r></w:p>'),
    (b"<w:body>", b'<w:body><w:p><w:r><w:pict><v:line ' + _SHAPES.encode() + b' from="1.2.3pt,0" to="' + b"9" * 400
     + b'pt,0"/></w:pict></w:r></w:p>'),
    (b"<w:body>", b'<w:body><w:p><w:r><w:pict><v:line ' + _SHAPES.encode() + b' from="-' + b"9" * 308
     + b'in,0" to="' + b"9" * 308 + b'in,0"/></w:pict></w:r></w:p>'),
], ids=["a margin past the float limit", "a drawing's extent and offset", "VML lengths", "a VML line past the limit"])
def test_a_number_no_word_processor_writes_is_read_as_absent(old, new, rendered, tmp_path, capsys):
    path = tmp_path / "van-ban.docx"
    path.write_bytes(rezipped(rendered["quyet-dinh-3484-vinh-long"].read_bytes(), lambda n, b: b.replace(old, new, 1) if n == "word/document.xml"
                              else b))
    report = checks.check(path)
    assert report.error is None, report.error
    assert main(["import", str(path), "-o", str(tmp_path / "qd.yaml")]) == 0, capsys.readouterr().err
