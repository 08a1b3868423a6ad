"""A Kế hoạch built with python-docx the way a clerk builds one in Word: direct formatting, a header table or tabs."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

TNR = "Times New Roman"
GOOD = {
    "font": TNR, "east_asia": TNR, "cs": TNR, "qh_size": 13, "tn_size": 14, "date_size": 14, "body_size": 14,
    "co_quan": ["ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP"], "qh": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "tn": "Độc lập - Tự do - Hạnh phúc", "so": "Số: 12/KH-UBND", "date": "Đồng Tháp, ngày 05 tháng 12 năm 2020",
    "date_italic": True, "ten_loai": "KẾ HOẠCH", "trich_yeu": "Cải cách hành chính tỉnh Đồng Tháp năm 2021",
    "trich_yeu_italic": False,
    "labels": ["I.", "1.", "a)", "b)", "2.", "II.", "1.", "2."], "indent": 1.27, "align": WD_ALIGN_PARAGRAPH.JUSTIFY,
    "noi_nhan": ["- Bộ Nội vụ;", "- TT/TU, TT/HĐND Tỉnh;", "- Lưu: VT, KSTTHC."], "nn_size": 12, "item_size": 11,
    "signer": ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "name": "Nguyễn Văn Dương", "left_cm": 3.0, "landscape": False,
    "page_number": True, "first_page_number": False, "layout": "table", "line_ratio": 0.4, "title_ratio": 0.4, "footer": "table",
}


def _run(p, text: str, size: float, bold: bool = False, italic: bool = False, underline: bool = False, cfg=GOOD):
    r = p.add_run(text)
    r.font.name, r.font.size, r.bold, r.italic = cfg["font"], Pt(size), bold, italic
    r.underline = underline or None
    fonts = r._element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), cfg["east_asia"])
    if cfg["cs"]:
        fonts.set(qn("w:cs"), cfg["cs"])
    return r


def _para(container, text: str = "", size: float = 14, bold: bool = False, italic: bool = False,
          align=WD_ALIGN_PARAGRAPH.CENTER, underline: bool = False, cfg=GOOD):
    p = container.add_paragraph()
    p.alignment = align
    p.paragraph_format.space_before = p.paragraph_format.space_after = Pt(0)
    p.paragraph_format.line_spacing = 1.0
    if text:
        _run(p, text, size, bold, italic, underline, cfg)
    return p


def _rule(p, room_twips: int, text_twips: float, ratio: float) -> None:
    """A bottom border on an empty paragraph, its indents making it `ratio` of the text above."""
    side = int((room_twips - text_twips * ratio) / 2)
    p.paragraph_format.left_indent = p.paragraph_format.right_indent = Pt(side / 20)
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(k), v)
    bdr.append(bottom)
    p._p.get_or_add_pPr().append(bdr)


def _page_field(p, size: float, cfg) -> None:
    """A PAGE field: begin, instruction, separate, a shown number, end; each its own run."""
    for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("", "2"), ("end", "")):
        r = _run(p, text if kind == "" else "", size, cfg=cfg)
        if kind == "instr":
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
            r._r.append(el)
        elif kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            r._r.append(el)


_LINE = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><w:drawing>'
    '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="2" behindDoc="0" locked="0" '
    'layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column">'
    '<wp:posOffset>{off}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>200000'
    '</wp:posOffset></wp:positionV><wp:extent cx="{cx}" cy="0"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="9" name="Line 9"/><wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
    'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp><wps:cNvCnPr/><wps:spPr>'
    '<a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
    '<a:ln w="6350"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr><wps:bodyPr/></wps:wsp>'
    '</a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>')

_BOX = (
    '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
    'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
    '<wp:positionH relativeFrom="column"><wp:posOffset>{off}</wp:posOffset></wp:positionH>'
    '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
    '<wp:extent cx="{cx}" cy="1300000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
    '<wp:docPr id="{id}" name="Text Box {id}"/><wp:cNvGraphicFramePr/><a:graphic>'
    '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
    '<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="1300000"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr><wps:txbx><w:txbxContent/></wps:txbx>'
    '<wps:bodyPr lIns="0" rIns="0"/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
    '<mc:Fallback><w:pict><v:shape style="position:absolute;width:10pt;height:10pt"><v:textbox>'
    '<w:txbxContent/></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>')


def _in_box(anchor, paragraphs: list, width_emu: int, offset_emu: int, number: int) -> None:
    """Move `paragraphs` into a text box anchored in paragraph `anchor` (a DrawingML box with its VML copy)."""
    from copy import deepcopy

    from lxml import etree
    box = etree.fromstring(_BOX.format(off=offset_emu, cx=width_emu, id=number))
    choice, fallback = box.iter(qn("w:txbxContent"))
    for p in paragraphs:
        choice.append(p._p)
        fallback.append(deepcopy(p._p))
    run = OxmlElement("w:r")
    run.append(box)
    anchor._p.append(run)


def build(path: Path, **changes) -> Path:
    """Write the Kế hoạch with `changes` to GOOD applied (each change breaks, or not, one rule)."""
    cfg = {**GOOD, **changes}
    d = docx.Document()
    normal = d.styles["Normal"]
    normal.font.name, normal.font.size = cfg["font"], Pt(cfg["body_size"])
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), cfg["east_asia"])
    if cfg["cs"]:
        fonts.set(qn("w:cs"), cfg["cs"])
    s = d.sections[0]
    s.page_width, s.page_height = Cm(21), Cm(29.7)
    if cfg["landscape"]:
        s.orientation, s.page_width, s.page_height = WD_ORIENT.LANDSCAPE, Cm(29.7), Cm(21)
    s.top_margin = s.bottom_margin = Cm(2)
    s.left_margin, s.right_margin = Cm(cfg["left_cm"]), Cm(1.5)
    room = int((s.page_width - s.left_margin - s.right_margin) / 635)
    from ccch_docs.metrics import text_width

    if cfg["layout"] == "table":
        t = d.add_table(rows=2, cols=2)
        left, right = t.cell(0, 0), t.cell(0, 1)
        widths = (Cm(6.3), Cm(9.7))
        for row in t.rows:
            for c, w in zip(row.cells, widths, strict=False):
                c.width = w
        for col, w in zip(t.columns, widths, strict=False):  # the grid too, as Word writes it (LibreOffice reads the grid)
            col.width = w
        left.paragraphs[0].text = ""
        first = left.paragraphs[0]
        for k, line in enumerate(cfg["co_quan"]):
            p = first if k == 0 else left.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(p, line, 13, bold=True, cfg=cfg)
        cell_room = int(widths[0] / 635) - 216
        _rule(_para(left, cfg=cfg), cell_room, text_width(cfg["co_quan"][-1], 13, True) * 20, cfg["line_ratio"])
        qh = right.paragraphs[0]
        qh.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(qh, cfg["qh"], cfg["qh_size"], bold=True, cfg=cfg)
        _para(right, cfg["tn"], cfg["tn_size"], bold=True, underline=True, cfg=cfg)
        so = t.cell(1, 0).paragraphs[0]
        so.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(so, cfg["so"], 13, cfg=cfg)
        date = t.cell(1, 1).paragraphs[0]
        date.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(date, cfg["date"], cfg["date_size"], italic=cfg["date_italic"], cfg=cfg)
    elif cfg["layout"] == "textbox":  # two text boxes anchored in one empty paragraph
        anchor = _para(d, cfg=cfg)
        left_w, right_w = Cm(6.3), Cm(9.7)
        left = [_para(d, line, 13, bold=True, cfg=cfg) for line in cfg["co_quan"]]
        rule = _para(d, cfg=cfg)
        _rule(rule, int(left_w / 635), text_width(cfg["co_quan"][-1], 13, True) * 20, cfg["line_ratio"])
        left += [rule, _para(d, cfg["so"], 13, cfg=cfg)]
        right = [_para(d, cfg["qh"], cfg["qh_size"], bold=True, cfg=cfg),
                 _para(d, cfg["tn"], cfg["tn_size"], bold=True, underline=True, cfg=cfg),
                 _para(d, cfg["date"], cfg["date_size"], italic=cfg["date_italic"], cfg=cfg)]
        _in_box(anchor, left, int(left_w), 0, 1)
        _in_box(anchor, right, int(right_w), int(left_w), 2)
    else:  # one paragraph per header row, the two columns split by a tab
        for a, b, sa, sb, ua in ((cfg["co_quan"][0], cfg["qh"], 13, cfg["qh_size"], False),
                                 (cfg["co_quan"][1], cfg["tn"], 13, cfg["tn_size"], True)):
            p = _para(d, align=WD_ALIGN_PARAGRAPH.LEFT, cfg=cfg)
            _run(p, a, sa, bold=True, cfg=cfg)
            _run(p, "\t", sb, cfg=cfg)
            _run(p, b, sb, bold=True, underline=ua, cfg=cfg)
        # The line under the issuing body: a drawn line under its name, as Word users draw it.
        from lxml import etree
        width = text_width(cfg["co_quan"][-1], 13, True) * 12700 * cfg["line_ratio"]
        p._p.append(etree.fromstring(_LINE.format(off=int(1.2 * 360000), cx=int(width))))
        p = _para(d, align=WD_ALIGN_PARAGRAPH.LEFT, cfg=cfg)
        _run(p, cfg["so"], 13, cfg=cfg)
        _run(p, "\t", 13, cfg=cfg)
        _run(p, cfg["date"], cfg["date_size"], italic=cfg["date_italic"], cfg=cfg)

    _para(d, cfg["ten_loai"], 14, bold=True, cfg=cfg).paragraph_format.space_before = Pt(24)
    _para(d, cfg["trich_yeu"], 14, bold=True, italic=cfg["trich_yeu_italic"], cfg=cfg)
    _rule(_para(d, cfg=cfg), room, text_width(cfg["trich_yeu"], 14, True) * 20, cfg["title_ratio"])
    texts = ["MỤC ĐÍCH, YÊU CẦU", "Mục đích", "Tiếp tục đẩy mạnh cải cách hành chính;",
             "Nâng cao chất lượng phục vụ người dân;", "Yêu cầu", "NHIỆM VỤ", "Cải cách thể chế",
             "Cải cách thủ tục hành chính./."]
    body = ["Nhằm cụ thể hóa và thực hiện tốt các nhiệm vụ cải cách hành chính, Ủy ban nhân dân Tỉnh ban hành "
            "Kế hoạch cải cách hành chính năm 2021, cụ thể như sau:"]
    body += [f"{label} {text}" for label, text in zip(cfg["labels"], texts, strict=False)]
    for text in body * 1:
        p = d.add_paragraph()
        p.alignment = cfg["align"]
        pf = p.paragraph_format
        pf.first_line_indent, pf.space_before, pf.space_after, pf.line_spacing = Cm(cfg["indent"]), Pt(6), Pt(0), 1.15
        upper = set(text.split(" ", 1)[0].rstrip(".")) <= set("IVX")
        _run(p, text, cfg["body_size"], bold=upper, cfg=cfg)

    if cfg["footer"] == "plain":  # the signer right-aligned, then Nơi nhận under it, no table
        for line in cfg["signer"][-1:]:
            _para(d, line, 14, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, cfg=cfg)
        _para(d, cfg=cfg)
        _para(d, cfg["name"], 14, bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT, cfg=cfg)
        _para(d, "Nơi nhận:", cfg["nn_size"], bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, cfg=cfg)
        for item in cfg["noi_nhan"]:
            _para(d, item, cfg["item_size"], align=WD_ALIGN_PARAGRAPH.LEFT, cfg=cfg)
        return _finish(d, s, cfg, path)
    f = d.add_table(rows=1, cols=2)
    nn, sig = f.cell(0, 0), f.cell(0, 1)
    p = nn.paragraphs[0]
    _run(p, "Nơi nhận:", cfg["nn_size"], bold=True, italic=True, cfg=cfg)
    for item in cfg["noi_nhan"]:
        _para(nn, item, cfg["item_size"], align=WD_ALIGN_PARAGRAPH.LEFT, cfg=cfg)
    first = sig.paragraphs[0]
    for k, line in enumerate(cfg["signer"]):
        p = first if k == 0 else sig.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _run(p, line, 14, bold=True, cfg=cfg)
    _para(sig, cfg["name"], 14, bold=True, cfg=cfg).paragraph_format.space_before = Pt(80)

    return _finish(d, s, cfg, path)


def _finish(d, s, cfg: dict, path: Path) -> Path:
    """Page numbers centred in the header, not on page 1; save."""
    s.different_first_page_header_footer = not cfg["first_page_number"]
    if cfg["page_number"]:
        hp = s.header.paragraphs[0]
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_field(hp, 14, cfg)
    d.save(path)
    return path
