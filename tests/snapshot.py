"""A rendered .docx reduced to what a reader sees: paragraphs (style, properties, runs), tables, sections.

Runs with the same properties are joined, and XML is written in exclusive canonical form, so that
refactoring the renderer (run splitting, namespace declarations) does not count as a change, while any
change of text or formatting does.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml")


def _xml(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return etree.tostring(el, method="c14n", exclusive=True).decode("utf-8")


def _paragraph(p: etree._Element) -> dict[str, Any]:
    runs: list[list[str]] = []
    for r in p.iter(f"{W}r"):
        text = "".join((t.text or "") if t.tag == f"{W}t" else ("\t" if t.tag == f"{W}tab" else "\n")
                       for t in r if t.tag in (f"{W}t", f"{W}tab", f"{W}br"))
        fields = "".join(_xml(c) for c in r if c.tag in (f"{W}fldChar", f"{W}instrText", f"{W}footnoteReference"))
        props = _xml(r.find(f"{W}rPr")) + fields
        if runs and runs[-1][0] == props and not fields:
            runs[-1][1] += text
        elif text or fields:
            runs.append([props, text])
    fields = [_xml(f) for f in p.iter(f"{W}fldSimple")]
    return {"p": _xml(p.find(f"{W}pPr")), "runs": runs, **({"fields": fields} if fields else {})}


def _block(el: etree._Element) -> dict[str, Any] | None:
    if el.tag == f"{W}p":
        return _paragraph(el)
    if el.tag == f"{W}tbl":
        rows = []
        for tr in el.findall(f"{W}tr"):
            cells = [{"tc": _xml(tc.find(f"{W}tcPr")), "blocks": [b for c in tc if (b := _block(c))]}
                     for tc in tr.findall(f"{W}tc")]
            rows.append({"tr": _xml(tr.find(f"{W}trPr")), "cells": cells})
        return {"tbl": _xml(el.find(f"{W}tblPr")), "grid": _xml(el.find(f"{W}tblGrid")), "rows": rows}
    if el.tag == f"{W}sectPr":
        return {"sect": _xml(el)}
    return None


def snapshot(docx: Path) -> dict[str, Any]:
    """Every templated part of `docx` as a list of blocks; and the style sheet's styles by name."""
    out: dict[str, Any] = {}
    with zipfile.ZipFile(docx) as z:
        for name in sorted(z.namelist()):
            if name.startswith(_PARTS) and name.endswith(".xml"):
                root = etree.fromstring(z.read(name))
                container = root.find(f"{W}body") if name == "word/document.xml" else root
                out[name] = [b for c in container for b in _expand(c)]
        styles = etree.fromstring(z.read("word/styles.xml"))
        out["styles"] = {s.find(f"{W}name").get(f"{W}val"): _xml(s) for s in styles.iter(f"{W}style")
                         if s.find(f"{W}name") is not None}
    return out


def _expand(el: etree._Element) -> list[dict[str, Any]]:
    block = _block(el)
    if block is not None:
        return [block]
    return [b for c in el for b in _expand(c)]  # w:sdt and other wrappers


def dumps(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
