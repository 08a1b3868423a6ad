"""WordprocessingML plumbing: names, paragraph properties, widths, runs, style sheets. Knows nothing of plans."""

from __future__ import annotations

import copy
import posixpath
import re
from dataclasses import dataclass

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"
_VAL = _W + "val"
_P_STYLE = f"{_W}pPr/{_W}pStyle"


# No DTD, no entities, no network: a part is data, never instructions to the parser. Text nodes and
# depth are bounded too, except in rendered parts (`huge`), whose size the renderer bounds itself.
_PARSERS = {huge: etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=huge)
            for huge in (False, True)}
_DOCTYPE = "phần XML khai báo DOCTYPE (DTD, thực thể): không được phép"


def escape(text: str) -> str:
    """`text` as XML character data: &, < and > escaped (xml.sax.saxutils.escape, without its import of urllib)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse(xml: bytes, huge: bool = False) -> etree._Element:
    """The root of an XML part; etree.XMLSyntaxError when it is not well formed, ValueError if it has a DOCTYPE."""
    if b"<!DOCTYPE" in xml:  # refused before parsing: the parser never sees a DTD or an entity
        raise ValueError(_DOCTYPE)
    root = etree.fromstring(xml, _PARSERS[huge])
    if root.getroottree().docinfo.doctype or root.getroottree().docinfo.internalDTD is not None:
        raise ValueError(_DOCTYPE)  # written in another encoding than UTF-8
    return root


def qn(tag: str) -> str:
    """`w:p` → Clark notation `{…main}p`."""
    prefix, local = tag.split(":")
    assert prefix == "w"
    return _W + local


# Children of <w:pPr> that must come after <w:ind>, in schema order.
_AFTER_IND = {qn("w:" + t) for t in ("contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
                                      "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle",
                                      "rPr", "sectPr", "pPrChange")}
_AFTER_JC = {qn("w:" + t) for t in ("textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
                                     "cnfStyle", "rPr", "sectPr", "pPrChange")}
# Where a w:jc goes in a <w:pPr> written as a string: before the first child that follows it, or at its end.
_JC_AT = re.compile("<w:(?:" + "|".join(sorted(etree.QName(t).localname for t in _AFTER_JC)) + r")\b|</w:pPr>")
# Children of a style's <w:rPr> that come after <w:sz>/<w:szCs>, and of <w:style> after <w:rPr>.
_AFTER_SZ = {qn("w:" + t) for t in ("highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
                                     "em", "lang", "eastAsianLayout", "specVanish", "oMath")}
_AFTER_RPR = {qn("w:" + t) for t in ("tblPr", "trPr", "tcPr", "tblStylePr")}
DEFAULT_CELL_MARGIN = 108  # twips, Word's default left and right cell margin


_STYLE_USE = re.compile(r'<w:pStyle w:val="([^"]+)"')


def style_ids_used(xml: str) -> list[str]:
    """The paragraph style ids a part's text names, read as text: a template's source need not be well formed.

    >>> style_ids_used('<w:p><w:pPr><w:pStyle w:val="CCHCTieuDe"/></w:pPr></w:p>{%p if x %}')
    ['CCHCTieuDe']
    """
    return _STYLE_USE.findall(xml)


def style_id(p: etree._Element) -> str | None:
    """The paragraph's style id, if any."""
    el = p.find(_P_STYLE)
    return None if el is None else el.get(_VAL)


def text(p: etree._Element) -> str:
    """The visible text of a paragraph."""
    return "".join(t.text or "" for t in p.iter(qn("w:t")))


def _child(parent: etree._Element, tag: str, later: set[str] | frozenset[str]) -> etree._Element:
    """The child `tag` of `parent`, created before the first child whose tag is in `later` (schema order)."""
    el = parent.find(qn(tag))
    if el is None:
        el = etree.Element(qn(tag))
        after = next((c for c in parent if c.tag in later), None)
        if after is None:
            parent.append(el)
        else:
            after.addprevious(el)
    return el


def _props(el: etree._Element, tag: str = "w:pPr") -> etree._Element:
    """The properties `tag` of `el` (a paragraph's <w:pPr>, a run's <w:rPr>), made first in it when it has none."""
    props = el.find(qn(tag))
    if props is None:
        props = etree.Element(qn(tag))
        el.insert(0, props)
    return props


def set_indents(p: etree._Element, left: int, right: int) -> None:
    """Set the paragraph's left and right indents (twips), dropping any first-line indent."""
    ind = _child(_props(p), "w:ind", _AFTER_IND)
    ind.attrib.clear()
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:right"), str(right))


def hang(p: etree._Element, left: int, hanging: int) -> None:
    """Left-align the paragraph, its lines from `left` twips but the first, `hanging` twips further out."""
    ppr = _props(p)
    ind = _child(ppr, "w:ind", _AFTER_IND)
    ind.attrib.clear()
    ind.set(qn("w:left"), str(left))
    ind.set(qn("w:hanging"), str(hanging))
    _child(ppr, "w:jc", _AFTER_JC).set(_VAL, "left")


def _twips(el: etree._Element | None) -> int | None:
    value = el.get(qn("w:w")) if el is not None and el.get(qn("w:type"), "dxa") == "dxa" else None
    return None if value is None else int(value)


def cell_of(p: etree._Element) -> etree._Element | None:
    """The table cell holding paragraph `p` (directly or in a content control); None outside tables and in a
    text box."""
    holder = next(p.iterancestors(qn("w:tc"), qn("w:txbxContent")), None)
    return holder if holder is not None and holder.tag == qn("w:tc") else None


def text_room(p: etree._Element, page_room: int) -> int:
    """Twips available to the paragraph's text: its table cell less cell margins, or the page's text width."""
    tc = cell_of(p)
    if tc is None:
        return page_room
    tbl = next(tc.iterancestors(qn("w:tbl")), None)
    width = _twips(tc.find(f"{_W}tcPr/{_W}tcW")) or page_room
    margins = 0
    for side in ("left", "right"):
        m = (_twips(tc.find(f"{_W}tcPr/{_W}tcMar/{_W}{side}"))
             or _twips(None if tbl is None else tbl.find(f"{_W}tblPr/{_W}tblCellMar/{_W}{side}")))
        margins += DEFAULT_CELL_MARGIN if m is None else m
    return width - margins


def page_room(sect_pr: etree._Element) -> int:
    """Text width of a section (page width less left and right margins), in twips; ValueError when the section
    lacks its page size or margins."""
    pg, mar = sect_pr.find(qn("w:pgSz")), sect_pr.find(qn("w:pgMar"))
    sizes = [None if el is None else el.get(qn(attr)) for el, attr in ((pg, "w:w"), (mar, "w:left"), (mar, "w:right"))]
    width, left, right = (int(s) if s is not None and s.isdigit() else None for s in sizes)
    if width is None or left is None or right is None:
        raise ValueError("w:sectPr thiếu khổ giấy hoặc lề (w:pgSz w:w, w:pgMar w:left, w:right)")
    return width - left - right


def run_xml(text_: str, bold: bool = False, italic: bool = False, note: int = 0, r_pr: str = "") -> str:
    """One <w:r> with its text escaped and spaces kept, or (`note` > 0) the reference mark of footnote `note`;
    `r_pr` is a <w:rPr> the run starts from (a table cell's), bold and italic added to it."""
    extra = ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
    if note:
        extra += '<w:vertAlign w:val="superscript"/>'
    rpr = _with_props(r_pr, extra)
    if note:
        return f'<w:r>{rpr}<w:footnoteReference w:id="{note}"/></w:r>'
    return f'<w:r>{rpr}<w:t xml:space="preserve">{escape(text_)}</w:t></w:r>'



def section_breaks(xml: bytes) -> int:
    """How many paragraphs of a part end a section."""
    return sum(1 for p in parse(xml).iter(qn("w:p")) if p.find(f"{_W}pPr/{_W}sectPr") is not None)


_TAG = re.compile(r"\{%-?\s*[ptr]\b")
# A paragraph too small to see, that only ends a section (as the built-in templates' `CCHC Ngắt đoạn`).
_BREAK = (f'<w:p xmlns:w="{W}"><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
          '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


def free_section_breaks(xml: bytes) -> bytes:
    """The part with each section break that sits on a `{%p … %}` tag's paragraph moved into a blank paragraph of
    its own right after it: rendering removes a tag's paragraph, and its break with it. LibreOffice puts them there
    when it saves a template: it drops the blank paragraph that held a break and gives the break to the one before."""
    if b"{%" not in xml:
        return xml
    root, moved = parse(xml), False
    for p in list(root.iter(qn("w:p"))):
        sect = p.find(f"{_W}pPr/{_W}sectPr")
        if sect is not None and _TAG.search(text(p)):
            blank = etree.fromstring(_BREAK)
            blank[0].append(sect)  # removed from the tag's paragraph
            p.addnext(blank)
            moved = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if moved else xml

# Children of <w:rPr> that come before <w:b> in schema order.
_BEFORE_B = ("rStyle", "rFonts")


def _with_props(r_pr: str, extra: str) -> str:
    """The run properties `r_pr` (a <w:rPr>…</w:rPr> string, or "") with the `extra` elements added in schema order."""
    if not extra:
        return r_pr
    if not r_pr:
        return f"<w:rPr>{extra}</w:rPr>"
    rpr = etree.fromstring(re.sub(r"^<w:rPr\b", f'<w:rPr xmlns:w="{W}"', r_pr, count=1))  # also <w:rPr/> (LibreOffice)
    for el in list(rpr):
        if el.tag in {qn("w:" + t) for t in ("b", "bCs", "i", "iCs", "vertAlign")}:
            rpr.remove(el)
    at = sum(1 for el in rpr if el.tag in {qn("w:" + t) for t in _BEFORE_B})
    added = etree.fromstring(f'<w:rPr xmlns:w="{W}">{extra}</w:rPr>')
    for i, el in enumerate(list(added)):
        rpr.insert(at + i, el)
    return etree.tostring(rpr, encoding="unicode").replace(f' xmlns:w="{W}"', "")


@dataclass(frozen=True)
class Font:
    """The resolved character look of a paragraph style."""

    size: float
    bold: bool
    italic: bool


def set_style_sizes(styles_xml: bytes, sizes: dict[str, float]) -> bytes:
    """Set the font size (points) of paragraph styles by their names; KeyError names a style that is missing."""
    root = parse(styles_xml)
    by_name = {el.get(qn("w:val")): s for s in root.iter(qn("w:style")) if s.get(qn("w:type")) == "paragraph"
               for el in [s.find(qn("w:name"))] if el is not None}
    for name, pt in sizes.items():
        rpr = _child(by_name[name], "w:rPr", _AFTER_RPR)
        half_points = str(round(pt * 2))
        _child(rpr, "w:sz", _AFTER_SZ | {qn("w:szCs")}).set(qn("w:val"), half_points)
        _child(rpr, "w:szCs", _AFTER_SZ).set(qn("w:val"), half_points)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


class StyleSheet:
    """Paragraph styles of a styles.xml part, resolved through `basedOn` and the document defaults."""

    def __init__(self, xml: bytes):
        root = parse(xml)
        self._styles = {s.get(qn("w:styleId")): s for s in root.iter(qn("w:style"))
                        if s.get(qn("w:type")) == "paragraph"}
        self._names: dict[str | None, str] = {}  # a style without an id too: what name(None) finds
        for sid, style in self._styles.items():
            el = style.find(qn("w:name"))
            name = None if el is None else el.get(_VAL)
            if name is not None:
                self._names[sid] = name
        self._default = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
        self._cache: dict[str | None, Font] = {}

    def name(self, sid: str | None) -> str | None:
        """The name a word processor shows for paragraph style `sid` (its id may differ: LibreOffice rewrites ids)."""
        return self._names.get(sid)

    def names(self) -> dict[str, str]:
        """Every paragraph style's name, by id."""
        return {sid: name for sid, name in self._names.items() if sid is not None}

    def font(self, sid: str | None) -> Font:
        """Size in points, bold and italic of paragraph style `sid` (the default style when None)."""
        if sid not in self._cache:
            size = self._prop(sid, "w:sz")
            half_points = size.get(qn("w:val")) if size is not None else None
            bold, italic = self._prop(sid, "w:b"), self._prop(sid, "w:i")
            self._cache[sid] = Font(int(half_points) / 2 if half_points is not None else 10.0,
                                    _on(bold), _on(italic))
        return self._cache[sid]

    def indent(self, sid: str | None) -> int:
        """Where the first line of paragraph style `sid` starts (twips from the text's edge): its left indent and
        first-line indent (less a hanging one)."""
        ind = self._prop(sid, "w:ind", "pPr")
        if ind is None:
            return 0
        left = int(ind.get(qn("w:left")) or ind.get(qn("w:start")) or 0)
        return left + int(ind.get(qn("w:firstLine")) or 0) - int(ind.get(qn("w:hanging")) or 0)

    def _prop(self, sid: str | None, tag: str, part: str = "rPr") -> etree._Element | None:
        seen = set()
        style = self._styles.get(sid) if sid else next(
            (s for s in self._styles.values() if s.get(qn("w:default")) == "1"), None)
        while style is not None and id(style) not in seen:
            seen.add(id(style))
            el = style.find(f"{_W}{part}/{qn(tag)}")
            if el is not None:
                return el
            based = style.find(qn("w:basedOn"))
            style = self._styles.get(based.get(qn("w:val"))) if based is not None else None
        return self._default.find(qn(tag)) if self._default is not None and part == "rPr" else None


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(qn("w:val"), "true") not in ("0", "false", "off")


def drop_empty_runs(root: etree._Element) -> None:
    """Remove runs whose only content is an empty <w:t> (left behind by docxtpl's `{{r }}` tags)."""
    for t in root.xpath("//w:r/w:t[not(text())]", namespaces={"w": W}):
        r = t.getparent()
        if all(c.tag in (qn("w:t"), qn("w:rPr")) for c in r):
            r.getparent().remove(r)


def table_after(root: etree._Element, pattern: re.Pattern[str]) -> etree._Element | None:
    """The first table that follows, among its siblings, a paragraph whose text matches `pattern`."""
    for p in root.iter(qn("w:p")):
        if pattern.search(text(p)):
            return next((el for el in p.itersiblings() if el.tag == qn("w:tbl")), None)
    return None


def close_last_section(root: etree._Element) -> None:
    """When the body ends with a section break, make that break's properties the final section's.

    A paragraph carrying <w:sectPr> ends a section; left as the last paragraph it would open an
    empty trailing section (a blank page), so its properties replace the body's own.
    """
    body = root.find(qn("w:body"))
    final = body.find(qn("w:sectPr")) if body is not None else None
    last = final.getprevious() if final is not None else None
    if body is None or final is None or last is None or last.tag != qn("w:p"):
        return
    sect = last.find(f"{_W}pPr/{_W}sectPr")
    if sect is not None:
        body.replace(final, sect)
        body.remove(last)


FOOTNOTES = "word/footnotes.xml"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_FOOTNOTES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"
_FOOTNOTES_CONTENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_SEPARATORS = ('<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
               '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r>'
               "</w:p></w:footnote>")


# The character style of the footnote number marks, by Word's id and name: LibreOffice sets the number opening a
# note in its own character style (Footnote Characters, mapped from this one) and ignores the mark's direct
# formatting, so that without it the number printed upright at the paragraph's size (14 pt) before a 12 pt note.
NOTE_STYLE = "FootnoteReference"
_NOTE_STYLE_XML = (f'<w:style w:type="character" w:styleId="{NOTE_STYLE}"><w:name w:val="footnote reference"/>'
                   '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>')


def with_note_style(styles_xml: bytes) -> bytes:
    """A styles part with the character style NOTE_STYLE added, unless it has a style of that id."""
    root = parse(styles_xml)
    if any(s.get(qn("w:styleId")) == NOTE_STYLE for s in root.iter(qn("w:style"))):
        return styles_xml
    root.append(etree.fromstring(f'<w:styles xmlns:w="{W}">{_NOTE_STYLE_XML}</w:styles>')[0])
    return _part_bytes(root)


def footnotes_xml(notes: list[tuple[int, str]], half_points: int, align: str = "both") -> bytes:
    """A footnotes part: Word's two separators, then each note (number, its runs as XML) in one paragraph
    of `half_points` size, its number mark in superscript (in NOTE_STYLE, which the styles part must hold)."""
    size = f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/>'
    mark = f'<w:rStyle w:val="{NOTE_STYLE}"/><w:vertAlign w:val="superscript"/>{size}'
    body = "".join(f'<w:footnote w:id="{n}"><w:p><w:pPr><w:jc w:val="{align}"/><w:rPr>{size}</w:rPr></w:pPr>'
                   f'<w:r><w:rPr>{mark}</w:rPr><w:footnoteRef/></w:r>'
                   f'<w:r><w:rPr>{size}</w:rPr><w:t xml:space="preserve"> </w:t></w:r>{runs}</w:p></w:footnote>'
                   for n, runs in notes)
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes xmlns:w="{W}">'
            f"{_SEPARATORS}{body}</w:footnotes>").encode()


def footnote_texts(xml: bytes) -> list[tuple[str, str]]:
    """The notes of a footnotes part (separators left out): each note's id and its text, paragraphs joined."""
    notes = []
    for note in parse(xml, huge=True).iter(qn("w:footnote")):
        if note.get(qn("w:type")) in (None, "normal"):
            notes.append((note.get(qn("w:id"), ""), " ".join(text(p).strip() for p in note.iter(qn("w:p"))).strip()))
    return notes


def footnote_marks(document_xml: bytes) -> dict[str, list[tuple[int, str]]]:
    """Where each footnote mark stands: by paragraph (its text without spaces), the number of non-space
    characters before the mark and the note's id."""
    marks: dict[str, list[tuple[int, str]]] = {}
    for p in parse(document_xml, huge=True).iter(qn("w:p")):
        found, chars = [], 0
        for el in p.iter(qn("w:t"), qn("w:footnoteReference")):
            if el.tag == qn("w:t"):
                chars += len("".join((el.text or "").split()))
            else:
                found.append((chars, el.get(qn("w:id"), "")))
        if found:
            marks["".join(text(p).split())] = found
    return marks


def with_footnotes(parts: dict[str, bytes], footnotes: bytes) -> dict[str, bytes]:
    """The package `parts` with `footnotes` as its footnotes part: in place of the template's own, or added
    with its relationship and content type."""
    rels_name = "word/_rels/document.xml.rels"
    rels = parse(parts[rels_name])
    found = next((r for r in rels.iter(f"{REL}Relationship") if r.get("Type") == _FOOTNOTES_TYPE), None)
    if found is not None:
        return {**parts, part_name("word", found.get("Target", ""), found): footnotes}
    etree.SubElement(rels, f"{REL}Relationship", Id="rIdCchcFootnotes", Type=_FOOTNOTES_TYPE, Target="footnotes.xml")
    types = parse(parts["[Content_Types].xml"])
    if not any(o.get("PartName") == f"/{FOOTNOTES}" for o in types.iter(f"{_TYPES}Override")):
        etree.SubElement(types, f"{_TYPES}Override", PartName=f"/{FOOTNOTES}", ContentType=_FOOTNOTES_CONTENT)
    return {**parts, rels_name: _part_bytes(rels), "[Content_Types].xml": _part_bytes(types), FOOTNOTES: footnotes}


def part_name(folder: str, target: str, rel: etree._Element) -> str:
    """The part a relationship `rel` of a part in `folder` names by `target` (an external target as written)."""
    if rel.get("TargetMode") == "External":
        return target
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))


def _part_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def marks(root: etree._Element, target: str) -> list[etree._Element]:
    """The processing instructions `target` under `root`, in document order."""
    return [pi for pi in root.iter(etree.ProcessingInstruction)
            if isinstance(pi, etree._ProcessingInstruction) and pi.target == target]


def lift_marks(root: etree._Element, target: str) -> None:
    """Put each processing instruction `target` found inside a paragraph in the paragraph's place, so that
    what replaces the mark (a table) stands among the body's paragraphs."""
    for pi in marks(root, target):
        p = next(pi.iterancestors(qn("w:p")), None)
        if p is not None:
            p.addprevious(etree.ProcessingInstruction(target))
            detach(p)


def column_widths(tbl: etree._Element) -> list[int]:
    """The widths (twips) of a table's grid columns; none when a column lacks its width."""
    widths = [c.get(qn("w:w")) for c in tbl.iterfind(f"{_W}tblGrid/{_W}gridCol")]
    return [int(w) for w in widths if w is not None] if all(w and w.isdigit() for w in widths) else []


def set_column_widths(tbl: etree._Element, widths: list[int]) -> None:
    """Give a table's grid columns, and the cells of its rows (one grid column each), these widths (twips)."""
    for col, w in zip(tbl.iterfind(f"{_W}tblGrid/{_W}gridCol"), widths, strict=True):
        col.set(qn("w:w"), str(w))
    for tr in tbl.iterfind(qn("w:tr")):
        for tc, w in zip(tr.iterfind(qn("w:tc")), widths, strict=False):
            tcw = tc.find(f"{_W}tcPr/{_W}tcW")
            if tcw is not None and tc.find(f"{_W}tcPr/{_W}gridSpan") is None:
                tcw.set(qn("w:w"), str(w))
                tcw.set(qn("w:type"), "dxa")


def set_run_size(p: etree._Element, points: float) -> None:
    """Set the size of every run of a paragraph (direct formatting), in points."""
    half = str(round(points * 2))
    for r in p.iterfind(qn("w:r")):
        rpr = _props(r, "w:rPr")
        _child(rpr, "w:sz", _AFTER_SZ | {qn("w:szCs")}).set(qn("w:val"), half)
        _child(rpr, "w:szCs", _AFTER_SZ).set(qn("w:val"), half)


def run_size(p: etree._Element) -> float | None:
    """The size (points) the first run of a paragraph sets directly, or None."""
    sz = p.find(f"{_W}r/{_W}rPr/{_W}sz")
    half = None if sz is None else sz.get(_VAL)
    return None if half is None else int(half) / 2


def detach(el: etree._Element) -> None:
    """Take `el` out of its parent, if it has one."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def blank_like(p: etree._Element) -> etree._Element:
    """An empty paragraph with the paragraph properties of `p` (its style, spacing, mark's size): a line as tall."""
    blank = etree.Element(qn("w:p"))
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        blank.append(copy.deepcopy(ppr))
    return blank


def keep_with_next(p: etree._Element) -> None:
    """Keep the paragraph on the page of what follows it (<w:keepNext/>, first in <w:pPr> after its style)."""
    ppr = _props(p)
    if ppr.find(qn("w:keepNext")) is None:
        style = ppr.find(qn("w:pStyle"))
        ppr.insert(0 if style is None else 1, etree.Element(qn("w:keepNext")))


def keep_next_props(p_pr: str) -> str:
    """The paragraph properties `p_pr` (a <w:pPr> string, or "") with <w:keepNext/>, first after the style."""
    if "<w:keepNext" in p_pr:
        return p_pr
    if not p_pr or p_pr == "<w:pPr/>":
        return "<w:pPr><w:keepNext/></w:pPr>"
    style = re.match(r"<w:pPr>(<w:pStyle [^>]*/>)?", p_pr)
    if style is None:
        return p_pr
    return p_pr[:style.end()] + "<w:keepNext/>" + p_pr[style.end():]


def centred_props(p_pr: str) -> str:
    """The paragraph properties `p_pr` (a <w:pPr> string, or "") centred: its w:jc set, or one put in its place.

    >>> centred_props("")
    '<w:pPr><w:jc w:val="center"/></w:pPr>'
    >>> centred_props('<w:pPr><w:pStyle w:val="BangO"/><w:rPr><w:b/></w:rPr></w:pPr>')
    '<w:pPr><w:pStyle w:val="BangO"/><w:jc w:val="center"/><w:rPr><w:b/></w:rPr></w:pPr>'
    >>> centred_props('<w:pPr><w:spacing w:before="40"/><w:jc w:val="left"/></w:pPr>')
    '<w:pPr><w:spacing w:before="40"/><w:jc w:val="center"/></w:pPr>'
    """
    jc = '<w:jc w:val="center"/>'
    if not p_pr or p_pr == "<w:pPr/>":
        return f"<w:pPr>{jc}</w:pPr>"
    if "<w:jc " in p_pr:
        return re.sub(r"<w:jc [^>]*/>", jc, p_pr)
    at = _JC_AT.search(p_pr)
    return p_pr if at is None else p_pr[:at.start()] + jc + p_pr[at.start():]


def cell_xml(width: int, props: str, paragraphs: str, span: int = 1, vmerge: str = "") -> str:
    """A <w:tc> of `width` twips spanning `span` grid columns (w:gridSpan), opening (`restart`) or going on
    (`continue`) with a vertical merge (w:vMerge), with the cell properties `props` and its `paragraphs`."""
    grid = f'<w:gridSpan w:val="{span}"/>' if span > 1 else ""
    merge = f'<w:vMerge w:val="{vmerge}"/>' if vmerge == "restart" else "<w:vMerge/>" if vmerge else ""
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{grid}{merge}{props}</w:tcPr>{paragraphs}</w:tc>'


_BLOCK = (f'<w:tbl xmlns:w="{W}"><w:tblPr><w:tblW w:w="5000" w:type="pct"/><w:jc w:val="center"/><w:tblBorders>'
          + "".join(f'<w:{e} w:val="nil"/>' for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
          + '</w:tblBorders><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
          '</w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>'
          '<w:tr><w:tc><w:tcPr><w:tcW w:w="5000" w:type="pct"/></w:tcPr></w:tc></w:tr></w:tbl>')
# A tiny empty paragraph between two tables (Word would join them into one), kept with what follows.
_SEPARATOR = (f'<w:p xmlns:w="{W}"><w:pPr><w:keepNext/><w:spacing w:before="0" w:after="0" w:line="20" '
              'w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>')


def separate(el: etree._Element) -> None:
    """Put a tiny empty paragraph after `el`: a table next to it stays a table of its own (word processors join
    adjacent tables into one, the first taking the second's borders and widths)."""
    el.addnext(etree.fromstring(_SEPARATOR))


def block_table(paragraphs: list[etree._Element], width: int) -> etree._Element:
    """Move sibling `paragraphs` into a borderless one-column table as wide as the text (`width` twips, the grid's
    hint), in their place, followed by a separator paragraph; each kept with the next. Returns the table.

    Its row may split (no <w:cantSplit/>): LibreOffice reads a one-row table whose row cannot split as a table that
    cannot split, and keeps such a table with what follows only through its own keep attribute, which a .docx
    cannot carry; a table whose every row keeps with the next, it keeps with what follows."""
    tbl = etree.fromstring(_BLOCK.format(width=width))
    paragraphs[0].addprevious(tbl)
    separate(tbl)
    tc = tbl[-1][-1]  # the one row's one cell
    for p in paragraphs:
        keep_with_next(p)
        tc.append(p)
    return tbl
