"""Nghị định 30/2020/NĐ-CP: document types, layouts (mẫu), numbering, citations, punctuation, signers, wording."""

from .layouts import ISSUED as ISSUED
from .layouts import LAYOUTS as LAYOUTS
from .layouts import ONLY as ONLY
from .layouts import UNTITLED as UNTITLED
from .layouts import Layout as Layout
from .layouts import layout_of as layout_of
from .types import TYPES as TYPES
from .types import DocType as DocType
