"""The phụ lục table's XML: rows cloned from the prototype carry no namespace declarations of their own."""

from __future__ import annotations

import io
import re
import zipfile

from lxml import etree

import ccch_docs
from conftest import ROOT

EXAMPLE = ROOT / "examples" / "ke-hoach-cchc-2021-dong-thap.yaml"


def test_namespaces_are_declared_once_on_the_root():
    data = ccch_docs.render(ccch_docs.load(EXAMPLE))
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
    root = etree.fromstring(xml.encode("utf-8"))
    rows = root.findall(".//{*}tbl/{*}tr")
    assert len(rows) > 40  # the phụ lục's rows are there
    root_tag = re.search(r"<w:document[^>]*>", xml).group(0)
    assert xml.count("xmlns:") == root_tag.count("xmlns:")  # none on a row, cell or property
    assert 'xmlns:r="' in root_tag
