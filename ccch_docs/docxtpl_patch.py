"""The only module that touches docxtpl: the Jinja source docxtpl makes of a WordprocessingML part."""

from __future__ import annotations

import html
import io
import os
import re
from functools import cache
from importlib.util import find_spec
from typing import TYPE_CHECKING

from . import cache as disk

if TYPE_CHECKING:
    from docxtpl import DocxTemplate

_TAG = re.compile(r"(?<=\{[{%])(.*?)(?=[}%]\})", re.DOTALL)


def jinja_source(xml: str) -> str:
    """The Jinja source of an XML part: docxtpl's tag cleaning (`{%p`, `{%tr`, `{{r`, tags split across runs),
    with XML entities inside tags turned back into characters (LibreOffice writes `"` as `&quot;` even in
    `{% if d.kieu == "muc1" %}`). Kept in the user's cache, so that a new process need not import docxtpl."""
    name = disk.key(_code(), xml)
    source = disk.read(name)
    if source is None:
        source = _TAG.sub(lambda m: html.unescape(m.group(0)), _patcher().patch_xml(xml))
        disk.write(name, source)
    return source


@cache
def _patcher() -> DocxTemplate:
    """A DocxTemplate for its patch_xml, which reads nothing of its template: one instance serves every part.
    docxtpl is imported here, only when a part is not in the cache."""
    from docxtpl import DocxTemplate

    return DocxTemplate(io.BytesIO())


@cache
def _code() -> str:
    """What the Jinja source depends on besides the part: this module and docxtpl, as installed."""
    spec = find_spec("docxtpl")
    folders = (spec.submodule_search_locations or []) if spec is not None else []
    return disk.stamp(__file__, *(os.path.join(d, "template.py") for d in folders))
