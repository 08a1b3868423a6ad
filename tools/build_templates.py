"""Write the built-in templates in templates/ from scratch, and the example packs from them (run by hand:
`python tools/build_templates.py`).

The .docx files it writes are what the library reads and what template authors copy and edit in a
word processor; this script only makes them reproducible. Page, margins, font, sizes, bold and
italic come from ccch_docs.decree.presentation, the table the checker reads too. An example pack's
templates are the built-in ones with the pack's own styles (PACKS): rerun after changing a template,
and the packs keep every loop and branch.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from ccch_docs.decree.presentation import BODY, COLOR, ELEMENTS, FONT, PAGE

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "templates"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
TNR = FONT
TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right  # A4 less the left and right margins, in twips

# --- styles: id, name, based on, pPr, rPr -------------------------------------------------------
BORDER = '<w:{edge} w:val="single" w:sz="6" w:space="{space}" w:color="000000"/>'


def border(*edges: str, space: int = 1) -> str:
    return "<w:pBdr>" + "".join(BORDER.format(edge=e, space=space) for e in edges) + "</w:pBdr>"


def spacing(before: int = 0, after: int = 0, line: int = 240, rule: str = "auto") -> str:
    return f'<w:spacing w:before="{before}" w:after="{after}" w:line="{line}" w:lineRule="{rule}"/>'


def jc(v: str) -> str:
    return f'<w:jc w:val="{v}"/>'


def sz(half_points: int) -> str:
    return f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'


B, ITALIC = "<w:b/><w:bCs/>", "<w:i/><w:iCs/>"
KEEP = "<w:keepNext/><w:keepLines/>"
BODY_P = (spacing(BODY.space_default, 0, BODY.line_default) + f'<w:ind w:firstLine="{BODY.indent_default}"/>'
          + jc(ELEMENTS["noi_dung"].align))


def size(key: str) -> str:
    """The element's size in the templates."""
    return sz(round(ELEMENTS[key].size * 2))


def look(key: str) -> str:
    """Bold and italic where the element requires them, and its size."""
    el = ELEMENTS[key]
    return (B if el.bold else "") + (ITALIC if el.italic else "") + size(key)

STYLES = [
    # id, name, basedOn, pPr, rPr
    ("QuocHieu", "CCHC Quốc hiệu", "Normal", spacing() + jc("center"), look("quoc_hieu")),
    ("TieuNgu", "CCHC Tiêu ngữ", "Normal", border("bottom") + spacing() + jc("center"), look("tieu_ngu")),
    ("CoQuanChuQuan", "CCHC Cơ quan chủ quản", "Normal", spacing() + jc("center"), look("co_quan_chu_quan")),
    ("CoQuanBanHanh", "CCHC Cơ quan ban hành", "Normal", spacing() + jc("center"), look("co_quan")),
    ("DuongKeNgan", "CCHC Đường kẻ ngắn", "Normal", border("bottom", space=0) + spacing(0, 0, 110, "exact") + jc("center"), sz(4)),
    ("SoKyHieu", "CCHC Số, ký hiệu", "Normal", spacing(240) + jc("center"), look("so_ky_hieu")),
    ("TrichYeuCongVan", "CCHC Trích yếu công văn", "Normal", spacing(120) + jc("center"), look("trich_yeu_cong_van")),
    ("DoMat", "CCHC Độ mật", "Normal", border("top", "left", "bottom", "right", space=2) + spacing(120) + jc("center"), look("do_mat")),
    ("DoKhan", "CCHC Độ khẩn", "Normal", border("top", "left", "bottom", "right", space=2) + spacing(120) + jc("center"), look("do_khan")),
    ("DiaDanhNgay", "CCHC Địa danh, ngày", "Normal", spacing(240) + jc("center"), look("dia_danh_ngay")),
    ("TenLoai", "CCHC Tên loại", "Normal", KEEP + spacing(480) + jc("center"), look("ten_loai")),
    ("TrichYeu", "CCHC Trích yếu", "Normal", KEEP + spacing() + jc("center"), look("trich_yeu")),
    ("ThamQuyen", "CCHC Thẩm quyền ban hành", "Normal", KEEP + spacing(360, 120) + jc("center"), look("tham_quyen")),
    ("CanCu", "CCHC Căn cứ", "NoiDung", "", ITALIC),
    ("QuyetDinh", "CCHC Quyết định:", "Normal", KEEP + spacing(240, 120) + jc("center"), look("quyet_dinh")),
    ("Dieu", "CCHC Điều có tên", "NoiDung", KEEP, B),
    ("TrichYeuGhiChu", "CCHC Trích yếu - ghi chú", "Normal", KEEP + spacing() + jc("center"), look("kem_theo")),
    ("KinhGui", "CCHC Kính gửi", "Normal", spacing(240, 0, 264) + '<w:ind w:left="1134" w:firstLine="567"/>' + jc("both"), look("kinh_gui")),
    # Several recipients, in the right cell of the Kính gửi block (KINH_GUI): the dash at the cell's edge, wrapped
    # lines hanging under the text after "- " (170 twips at 14 pt). Left-aligned: the decree sets no alignment for
    # ô 9a, and justified, a recipient followed by a long web address or name stretched its first line end to end.
    ("KinhGuiMuc", "CCHC Kính gửi - mục", "Normal", spacing(120, 0, 264) + '<w:ind w:left="170" w:hanging="170"/>' + jc("left"), look("kinh_gui")),
    ("NoiDung", "CCHC Nội dung", "Normal", BODY_P, look("noi_dung")),
    ("DeMuc1", "CCHC Đề mục I", "NoiDung", KEEP, B),
    ("DeMuc2", "CCHC Đề mục 1", "NoiDung", KEEP, B),
    ("DeMuc3", "CCHC Đề mục a", "NoiDung", KEEP, ITALIC),
    ("NoiNhan", "CCHC Nơi nhận", "Normal", spacing() + jc("left"), look("noi_nhan")),
    ("NoiNhanMuc", "CCHC Nơi nhận - mục", "Normal", spacing() + jc("left"), look("noi_nhan_muc")),
    ("NguoiSoan", "CCHC Người soạn", "Normal", spacing(120) + jc("left"), look("nguoi_soan")),
    ("ChucDanhKy", "CCHC Chức danh người ký", "Normal", KEEP + spacing() + jc("center"), look("chuc_danh")),
    ("HoTenKy", "CCHC Họ tên người ký", "Normal", spacing(1700) + jc("center"), look("ho_ten")),
    ("DiaChi", "CCHC Địa chỉ", "Normal", border("top") + spacing() + jc("center"), look("dia_chi")),
    ("Header", "header", "Normal", spacing() + jc("center"), look("so_trang")),
    ("NgatDoan", "CCHC Ngắt đoạn", "Normal", spacing(0, 0, 20, "exact"), sz(2)),
    ("PhuLucSo", "CCHC Phụ lục - số", "Normal", KEEP + spacing() + jc("center"), look("phu_luc")),
    ("PhuLucTieuDe", "CCHC Phụ lục - tiêu đề", "Normal", KEEP + spacing() + jc("center"), look("phu_luc_ten")),
    ("KemTheoDong", "CCHC Kèm theo", "Normal", KEEP + spacing() + jc("center"), look("kem_theo")),
    ("PhuLucKemTheo", "CCHC Phụ lục - kèm theo", "Normal", KEEP + spacing(0, 240) + jc("center"), look("kem_theo")),
    ("BangTieuDe", "CCHC Bảng - tiêu đề cột", "Normal", spacing(40, 40) + jc("center"), B + size("bang")),
    ("BangSo", "CCHC Bảng - số TT", "Normal", spacing(40, 40) + jc("center"), size("bang")),
    ("BangO", "CCHC Bảng - ô", "Normal", spacing(40, 40) + jc("left"), size("bang")),
    ("BangTen", "CCHC Bảng - tên", "Normal", KEEP + spacing(120, 60) + jc("center"), look("bang_ten")),
    ("BangDonVi", "CCHC Bảng - đơn vị tính", "Normal", KEEP + spacing(0, 60) + jc("right"), look("bang_don_vi")),
    ("BangNhom", "CCHC Bảng - nhóm", "Normal", KEEP + spacing(40, 40) + jc("left"), B + size("bang")),
    ("Footer", "footer", "Normal", spacing() + jc("center"), look("dia_chi")),
]


# What each example pack changes: folder → template → style id → its (pPr, rPr) instead of the built-in's
# (None keeps that part). Styles based on a changed one follow it (the headings are based on CCHC Nội dung).
Changes = dict[str, tuple[str | None, str | None]]
PACKS: dict[str, dict[str, Changes]] = {
    "examples/mau/tinh-dong-thap": {"van_ban": {"NoiDung": (None, sz(26))}},  # body text 13 pt
}


def styles_xml(changes: Changes | None = None) -> str:
    fonts = f'<w:rFonts w:ascii="{TNR}" w:hAnsi="{TNR}" w:eastAsia="{TNR}" w:cs="{TNR}"/>'
    out = [
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="{W}">',
        f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:color w:val="{COLOR}"/>{size("noi_dung")}'
        '<w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr>{spacing()}</w:pPr></w:pPrDefault></w:docDefaults>',
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:widowControl/></w:pPr><w:rPr>{fonts}{size("noi_dung")}</w:rPr></w:style>',
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
        '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>',
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/>'
        '<w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
        '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/>'
        '<w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
        '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:semiHidden/></w:style>',
    ]
    for sid, name, based, ppr, rpr in STYLES:
        new_ppr, new_rpr = (changes or {}).get(sid, (None, None))
        ppr, rpr = new_ppr if new_ppr is not None else ppr, new_rpr if new_rpr is not None else rpr
        out.append(f'<w:style w:type="paragraph" w:customStyle="1" w:styleId="{sid}"><w:name w:val="{name}"/>'
                   f'<w:basedOn w:val="{based}"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>')
    out.append("</w:styles>")
    return "".join(out)


# --- document body pieces -------------------------------------------------------------------------
def p(style: str, text: str = "", ppr: str = "") -> str:
    """A paragraph of `style`, with the direct paragraph properties `ppr` if any."""
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/>{ppr}</w:pPr>{run}</w:p>'


def tag(text: str) -> str:
    """A paragraph holding only a docxtpl paragraph tag such as `{%p for … %}`."""
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def cell(width: int, *paragraphs: str, merge: str = "") -> str:
    """A table cell; `merge` "restart" or "continue" joins it with the cells below or above."""
    vmerge = {"": "", "restart": '<w:vMerge w:val="restart"/>', "continue": "<w:vMerge/>"}[merge]
    return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{vmerge}</w:tcPr>'
            + "".join(paragraphs or (p("NoiNhanMuc"),)) + "</w:tc>")


def row(*cells: str, cant_split: bool = False, condition: str = "") -> str:
    trpr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
    body = f"<w:tr>{trpr}{''.join(cells)}</w:tr>"
    if condition:
        body = (f'<w:tr><w:tc><w:p><w:r><w:t>{{%tr if {condition} %}}</w:t></w:r></w:p></w:tc></w:tr>'
                + body + '<w:tr><w:tc><w:p><w:r><w:t>{%tr endif %}</w:t></w:r></w:p></w:tc></w:tr>')
    return body


def table(widths: list[int], *rows: str, top: int = 0) -> str:
    nil = "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (f'<w:tbl><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{nil}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            f'<w:tblCellMar><w:top w:w="{top}" w:type="dxa"/><w:left w:w="57" w:type="dxa"/>'
            '<w:right w:w="57" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')


def loop(items: str, *branches: tuple[str, str | tuple[str, str]]) -> str:
    """Paragraphs of a list, one style per kind: branches are (condition, style or (style, direct pPr))."""
    out = [tag(f"{{%p for d in {items} %}}")]
    if len(branches) == 1:
        out.append(p(branches[0][1], "{{r d|runs }}"))  # type: ignore[arg-type]
    else:
        for n, (cond, style) in enumerate(branches):
            word = "if" if n == 0 else ("else" if not cond else "elif")
            out.append(tag(f"{{%p {word} {cond} %}}" if cond else "{%p else %}"))
            out.append(p(style, "{{r d|runs }}") if isinstance(style, str) else p(style[0], "{{r d|runs }}", style[1]))
        out.append(tag("{%p endif %}"))
    out.append(tag("{%p endfor %}"))
    return "".join(out)


HEAD_LEFT, HEAD_RIGHT = 3600, TEXT_WIDTH - 3600
FOOT_LEFT, FOOT_RIGHT = 4300, TEXT_WIDTH - 4300


def header_table(left_extra: str = "") -> str:
    return table(
        [HEAD_LEFT, HEAD_RIGHT],
        row(cell(HEAD_LEFT,
                 tag("{%p if co_quan.chu_quan %}"), p("CoQuanChuQuan", "{{ co_quan.chu_quan }}"), tag("{%p endif %}"),
                 tag("{%p for d in co_quan.ten %}"), p("CoQuanBanHanh", "{{ d }}"), tag("{%p endfor %}"),
                 p("DuongKeNgan")),
            cell(HEAD_RIGHT, p("QuocHieu", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                 p("TieuNgu", "Độc lập - Tự do - Hạnh phúc"))),
        row(cell(HEAD_LEFT, p("SoKyHieu", "{{ so_ky_hieu }}"), left_extra,
                 tag("{%p if do_mat %}"), p("DoMat", "{{ do_mat }}"), tag("{%p endif %}"),
                 tag("{%p if do_khan %}"), p("DoKhan", "{{ do_khan }}"), tag("{%p endif %}")),
            cell(HEAD_RIGHT, p("DiaDanhNgay", "{{ dia_danh_ngay }}"))),
    )


def footer_table() -> str:
    """Nơi nhận (and under it, in a row of its own, the drafter line) beside the signer, whose cell spans both."""
    return table(
        [FOOT_LEFT, FOOT_RIGHT],
        row(cell(FOOT_LEFT, p("NoiNhan", "{{ tu_ngu.noi_nhan }}"),
                 tag("{%p for d in noi_nhan %}"), p("NoiNhanMuc", "{{r d|runs }}"), tag("{%p endfor %}")),
            cell(FOOT_RIGHT, tag("{%p for d in nguoi_ky.chuc_danh %}"), p("ChucDanhKy", "{{ d }}"),
                 tag("{%p endfor %}"), p("HoTenKy", "{{ nguoi_ky.ho_ten }}"), merge="restart"),
            cant_split=True),
        row(cell(FOOT_LEFT, p("NguoiSoan", "{{ nguoi_soan }}")), cell(FOOT_RIGHT, merge="continue"),
            cant_split=True, condition="nguoi_soan"),
        top=240,
    )


HALF = TEXT_WIDTH // 2


def signer(of: str) -> tuple[str, ...]:
    """A signer block's paragraphs: its lines (role, authority, title), the signature space and the name."""
    return (tag(f"{{%p for d in {of}.chuc_danh %}}"), p("ChucDanhKy", "{{ d }}"), tag("{%p endfor %}"),
            p("HoTenKy", f"{{{{ {of}.ho_ten }}}}"))


def pair_table() -> str:
    """Mẫu 1.9: two signers side by side (left THƯ KÝ, right CHỦ TỌA); under the left one, Nơi nhận and the
    drafter line, so that Nơi nhận stands beside a signer as in every footer."""
    return table(
        [HALF, TEXT_WIDTH - HALF],
        row(cell(HALF, *signer("chu_ky[0]"), p("NoiNhan", "{{ tu_ngu.noi_nhan }}", spacing(480)),
                 tag("{%p for d in noi_nhan %}"), p("NoiNhanMuc", "{{r d|runs }}"), tag("{%p endfor %}"),
                 tag("{%p if nguoi_soan %}"), p("NguoiSoan", "{{ nguoi_soan }}"), tag("{%p endif %}")),
            cell(TEXT_WIDTH - HALF, *signer("chu_ky[1]")), cant_split=True),
        top=240,
    )


# Several recipients: a borderless block, as the header and signer are, "Kính gửi:" set right in its left cell and
# the recipients in the right one, the dash at 2977 twips from the margin (where a single recipient's text starts).
# A tiny empty paragraph on each side keeps it from joining a table next to it (the header, a body table).
KG_LEFT = 2977 - 57
SEPARATOR = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr>' + sz(2) + "</w:rPr></w:pPr></w:p>"
KINH_GUI = (tag("{%p if kinh_gui|length == 1 %}")
            + p("KinhGui", "{{ tu_ngu.kinh_gui }} ").replace("</w:p>", "<w:r><w:t>{{r kinh_gui[0]|runs }}</w:t></w:r></w:p>")
            + tag("{%p elif kinh_gui %}") + SEPARATOR
            + table([KG_LEFT, TEXT_WIDTH - KG_LEFT],
                    row(cell(KG_LEFT, p("KinhGui", "{{ tu_ngu.kinh_gui }}", spacing(120, 0, 264)
                                        + '<w:ind w:left="0" w:right="0" w:firstLine="0"/>' + jc("right"))),
                        cell(TEXT_WIDTH - KG_LEFT, tag("{%p for d in kinh_gui %}"), p("KinhGuiMuc", "{{r d|runs }}"),
                             tag("{%p endfor %}")), cant_split=True), top=120)
            + SEPARATOR + tag("{%p endif %}"))

# The lines of a Chương or Mục ("Chương I", then its title): a level-I heading, centred, with no indent.
CHAPTER = ("DeMuc1", '<w:ind w:firstLine="0"/>' + jc("center"))


def numbered(items: str, level1: str) -> str:
    """A numbered body: titles of the first level in style `level1`, then 1. and a), a table's caption and
    unit line, then text (a table's own paragraph, of kind `bang`, is replaced by the table)."""
    return loop(items, ('d.kieu == "muc1"', level1), ('d.kieu == "muc2"', "DeMuc2"),
                ('d.kieu == "muc3"', "DeMuc3"), ('d.kieu == "bang_ten"', "BangTen"),
                ('d.kieu == "bang_don_vi"', "BangDonVi"), ('d.kieu == "chuong"', CHAPTER), ("", "NoiDung"))


def body(of: str = "") -> str:
    """Mở đầu, the numbered parts, kết thúc; `of` names the object holding them (`kem_theo.`)."""
    return (loop(f"{of}mo_dau", ("", "NoiDung")) + numbered(f"{of}noi_dung", "DeMuc1")
            + loop(f"{of}ket_thuc", ("", "NoiDung")))


def title(of: str = "", line: str = "") -> str:
    """Tên loại, trích yếu (+ an italic line such as "(Kèm theo …)") and the short line under them."""
    return (p("TenLoai", f"{{{{ {of}ten_loai }}}}")
            + tag(f"{{%p for d in {of}trich_yeu %}}") + p("TrichYeu", "{{ d }}") + tag("{%p endfor %}")
            + line + p("DuongKeNgan"))


BODY, TITLE = body(), title()
# A report's period, in italics under its trích yếu, when ky_bao_cao.hien_thi asks for it.
PERIOD = tag("{%p if ky_bao_cao %}") + p("TrichYeuGhiChu", "{{ ky_bao_cao }}") + tag("{%p endif %}")

HEADERS = ('<w:headerReference w:type="default" r:id="rIdHeader"/>'
           '<w:headerReference w:type="first" r:id="rIdHeaderFirst"/>')
# The first-page footer carries ô 13 (the address) on the document's first page only: every later
# section points its first-page footer at a blank one, or it would inherit the address.
ADDRESS, NO_ADDRESS = ('<w:footerReference w:type="first" r:id="rIdFooterFirst"/>',
                       '<w:footerReference w:type="first" r:id="rIdFooterBlank"/>')
PORTRAIT = (f'<w:pgSz w:w="{PAGE.width}" w:h="{PAGE.height}"/>'
            f'<w:pgMar w:top="{PAGE.top}" w:right="{PAGE.right}" w:bottom="{PAGE.bottom}" w:left="{PAGE.left}" '
            f'w:header="{PAGE.header}" w:footer="{PAGE.footer}" w:gutter="0"/>')
SECT = f"<w:sectPr>{HEADERS}{ADDRESS}{PORTRAIT}<w:titlePg/></w:sectPr>"
# A decision and the document it issues are numbered each from 1 (page 1 shows no number).
FROM_1 = '<w:pgNumType w:start="1"/><w:titlePg/>'
SECT_DECISION = f"<w:sectPr>{HEADERS}{ADDRESS}{PORTRAIT}{FROM_1}</w:sectPr>"
SECT_ISSUED = f"<w:sectPr>{HEADERS}{NO_ADDRESS}{PORTRAIT}{FROM_1}</w:sectPr>"
# A phụ lục: A4 turned, its own page numbers from 1, hidden on its first page.
LANDSCAPE_WIDTH = PAGE.height - PAGE.landscape_left - PAGE.landscape_right
SECT_PHU_LUC = (f'<w:sectPr>{HEADERS}{NO_ADDRESS}<w:pgSz w:w="{PAGE.height}" w:h="{PAGE.width}" w:orient="landscape"/>'
                f'<w:pgMar w:top="{PAGE.landscape_top}" w:right="{PAGE.landscape_right}" w:bottom="{PAGE.landscape_bottom}" '
                f'w:left="{PAGE.landscape_left}" w:header="{PAGE.landscape_header}" w:footer="{PAGE.footer}" '
                'w:gutter="0"/><w:pgNumType w:start="1"/><w:titlePg/></w:sectPr>')

# A phụ lục of prose: a portrait page, numbered from 1 like the landscape ones.
SECT_PHU_LUC_DOC = f"<w:sectPr>{HEADERS}{NO_ADDRESS}{PORTRAIT}{FROM_1}</w:sectPr>"

def section_break(sect: str) -> str:
    """An empty, tiny paragraph that ends a section with the properties `sect`."""
    return f'<w:p><w:pPr><w:pStyle w:val="NgatDoan"/>{sect}</w:pPr></w:p>'


def phu_luc_table() -> str:
    """The prototype table: header, group, full-width group, data and total rows (see ccch_docs/tables.py)."""
    label, rest = 700, LANDSCAPE_WIDTH - 700
    borders = "".join(f'<w:{e} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
                      for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    centre = '<w:vAlign w:val="center"/>'

    def tc(width: int, style: str, text: str, extra: str = "") -> str:
        return (f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>'
                f'{p(style, text)}</w:tc>')

    def tr(*cells: str, header: bool = False) -> str:
        return f"<w:tr><w:trPr><w:cantSplit/>{'<w:tblHeader/>' if header else ''}</w:trPr>{''.join(cells)}</w:tr>"

    return (f'<w:tbl><w:tblPr><w:tblW w:w="{LANDSCAPE_WIDTH}" w:type="dxa"/><w:jc w:val="center"/>'
            f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
            '<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
            '<w:tblLook w:val="0000"/></w:tblPr>'
            f'<w:tblGrid><w:gridCol w:w="{label}"/><w:gridCol w:w="{rest}"/></w:tblGrid>'
            + tr(tc(label, "BangTieuDe", "Số TT", centre), tc(rest, "BangTieuDe", "Tên cột", centre), header=True)
            + tr(tc(label, "BangSo", "1."), tc(rest, "BangNhom", "Tên nhóm"))
            + tr(tc(label + rest, "BangNhom", "I. Tên nhóm", '<w:gridSpan w:val="2"/>'))
            + tr(tc(label, "BangSo", "a)"), tc(rest, "BangO", "Nội dung ô"))
            + tr(tc(label, "BangNhom", "Tổng cộng"), tc(rest, "BangNhom", "0"))
            + "</w:tbl>")


def phu_luc(sect: str = SECT, condition: str = "phu_luc") -> str:
    """The phụ lục loop; when `condition` holds, `sect` ends the section before the first one. Each phụ lục:
    heading, its content, its own table (the prototype), then the break of its landscape or portrait section."""
    return (tag(f"{{%p if {condition} %}}") + section_break(sect) + tag("{%p endif %}")
            + tag("{%p for pl in phu_luc %}")
            + p("PhuLucSo", "{{ pl.so_hieu }}") + p("PhuLucTieuDe", "{{ pl.tieu_de }}")
            + p("PhuLucKemTheo", "{{ pl.kem_theo }}") + numbered("pl.noi_dung", "DeMuc1")
            + tag("{%p if pl.bang %}") + phu_luc_table() + tag("{%p endif %}")
            + tag("{%p if pl.ngang %}") + section_break(SECT_PHU_LUC) + tag("{%p else %}")
            + section_break(SECT_PHU_LUC_DOC) + tag("{%p endif %}")
            + tag("{%p endfor %}"))


PHU_LUC = phu_luc()
# Mẫu 1.3: the decision's section always ends after its signature (the last break of a document
# becomes its final section, see ooxml.close_last_section); the issued document follows on a new page.
KEM_THEO = (section_break(SECT_DECISION) + tag("{%p if kem_theo %}")
            + title("kem_theo.", p("KemTheoDong", "{{ kem_theo.kem_theo }}")) + body("kem_theo.")
            + tag("{%p endif %}"))


def van_ban() -> str:
    """Mẫu 1.4: documents with a tên loại (kế hoạch, báo cáo, tờ trình …)."""
    return header_table() + title(line=PERIOD) + KINH_GUI + BODY + footer_table() + PHU_LUC


def quyet_dinh() -> str:
    """Mẫu 1.2: QUYẾT ĐỊNH, trích yếu, authority line, grounds, `QUYẾT ĐỊNH:`, the Điều."""
    return (header_table() + TITLE
            + p("ThamQuyen", "{{ tham_quyen }}")
            + loop("can_cu", ("", "CanCu"))
            + p("QuyetDinh", "QUYẾT ĐỊNH:")
            + numbered("dieu", "Dieu")
            + footer_table() + KEM_THEO + phu_luc(SECT_ISSUED, "phu_luc and kem_theo"))


def cong_van() -> str:
    """Mẫu 1.5: no tên loại; the `V/v` trích yếu under the số; Kính gửi; body."""
    return header_table(p("TrichYeuCongVan", "{{ v_v }}")) + KINH_GUI + BODY + footer_table() + PHU_LUC


def bien_ban() -> str:
    """Mẫu 1.9: BIÊN BẢN and the meeting's name; time, place, attendees, chair, secretary; the content; two signers."""
    return header_table() + TITLE + loop("thong_tin", ("", "NoiDung")) + BODY + pair_table() + PHU_LUC


def document_xml(content: str, sect: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{content}{sect}</w:body></w:document>')


def header_xml(page_number: bool) -> str:
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r>'
             '<w:r><w:fldChar w:fldCharType="end"/></w:r>') if page_number else ""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}" xmlns:r="{R}">'
            f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr>{field}</w:p></w:hdr>')


def footer_xml() -> str:
    """Ô 13 on page 1: the address lines under a full-width solid line; an empty paragraph when there are none."""
    body = (tag("{%p if co_quan.dia_chi %}") + tag("{%p for d in co_quan.dia_chi %}") + p("DiaChi", "{{ d }}")
            + tag("{%p endfor %}") + tag("{%p else %}") + p("Footer") + tag("{%p endif %}"))
    return f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}" xmlns:r="{R}">{body}</w:ftr>'


def blank_footer_xml() -> str:
    """The first-page footer of every section after the first: nothing (see NO_ADDRESS)."""
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}" xmlns:r="{R}">'
            f'{p("Footer")}</w:ftr>')


CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/><Relationship Id="rIdFooterFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rIdFooterBlank" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer2.xml"/></Relationships>"""

SETTINGS = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"""

CORE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>ccch_docs</dc:title><dc:creator>ccch_docs</dc:creator></cp:coreProperties>"""

APP = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ccch_docs</Application></Properties>"""


def write(name: str, content: str, sect: str = SECT, folder: Path = OUT, changes: Changes | None = None) -> None:
    """templates/`name`.docx, or the template of that name in an example pack's `folder`, its styles changed."""
    parts = {
        "[Content_Types].xml": CONTENT_TYPES, "_rels/.rels": ROOT_RELS, "docProps/core.xml": CORE,
        "docProps/app.xml": APP, "word/_rels/document.xml.rels": DOC_RELS, "word/settings.xml": SETTINGS,
        "word/styles.xml": styles_xml(changes), "word/header1.xml": header_xml(True), "word/header2.xml": header_xml(False),
        "word/footer1.xml": footer_xml(), "word/footer2.xml": blank_footer_xml(),
        "word/document.xml": document_xml(content, sect),
    }
    with zipfile.ZipFile(folder / f"{name}.docx", "w", zipfile.ZIP_DEFLATED) as z:
        for part, xml in parts.items():
            info = zipfile.ZipInfo(part, date_time=(2020, 3, 5, 0, 0, 0))  # fixed: reproducible bytes
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, xml)


TEMPLATES = {"van_ban": (van_ban, SECT), "quyet_dinh": (quyet_dinh, SECT_ISSUED), "cong_van": (cong_van, SECT),
             "bien_ban": (bien_ban, SECT)}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (content, sect) in TEMPLATES.items():
        write(name, content(), sect)
    for folder, templates in PACKS.items():
        for name, changes in templates.items():
            content, sect = TEMPLATES[name]
            write(name, content(), sect, ROOT / folder, changes)


if __name__ == "__main__":
    main()
