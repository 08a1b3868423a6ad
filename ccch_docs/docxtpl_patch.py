"""The only module that touches docxtpl: the Jinja source docxtpl makes of a WordprocessingML part."""

from __future__ import annotations

import html
import io
import re

from docxtpl import DocxTemplate

# patch_xml reads nothing of the template it belongs to: one instance serves every part.
_PATCHER = DocxTemplate(io.BytesIO())
_TAG = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})", re.DOTALL)


def jinja_source(xml: str) -> str:
    """The Jinja source of an XML part: docxtpl's tag cleaning (`{%p`, `{%tr`, `{{r`, tags split across runs),
    with XML entities inside tags turned back into characters (LibreOffice writes `"` as `&quot;` even in
    `{% if d.kieu == "muc1" %}`)."""
    return _TAG.sub(lambda m: html.unescape(m.group(0)), _PATCHER.patch_xml(xml))
