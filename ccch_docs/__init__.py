"""ccch_docs: administrative-reform plans and reports from YAML to documents laid out per Nghị định 30/2020/NĐ-CP."""

from .api import from_dict as from_dict
from .api import load as load
from .api import loads as loads
from .api import render as render
from .document import Document as Document
from .errors import CchcError as CchcError
from .errors import InputError as InputError
from .errors import OutputError as OutputError
from .errors import Problem as Problem
from .errors import TemplateError as TemplateError
from .model import VanBan as VanBan
from .output import to_pdf as to_pdf

__all__ = ["CchcError", "Document", "InputError", "OutputError", "Problem", "TemplateError", "VanBan",
           "from_dict", "load", "loads", "render", "to_pdf"]
