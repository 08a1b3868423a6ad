"""ccch_docs: administrative-reform plans and reports from YAML to documents laid out per Nghị định 30/2020/NĐ-CP."""

from __future__ import annotations

import importlib
from importlib.util import find_spec
from typing import Any

from .errors import CchcError as CchcError
from .errors import DiskFullError as DiskFullError
from .errors import InputError as InputError
from .errors import OutputError as OutputError
from .errors import Problem as Problem
from .errors import TargetError as TargetError
from .errors import TemplateError as TemplateError

# Imported on first use (PEP 562), as is __version__, so that a command that needs none of them starts fast.
_LAZY = {"Document": "document", "from_dict": "api", "load": "api", "loads": "api", "render": "api",
         "render_many": "api", "to_pdf": "api", "Job": "batch", "Result": "batch", "VanBan": "model", "check": "checks"}

__all__ = ["__version__", "CchcError", "DiskFullError", "Document", "InputError", "Job", "OutputError", "Problem",
           "Result", "TargetError", "TemplateError", "VanBan", "check", "from_dict", "load", "loads", "render",
           "render_many", "to_pdf"]


def __getattr__(name: str) -> Any:
    if name == "__version__":  # importlib.metadata is slow to import: only when asked for
        from importlib.metadata import PackageNotFoundError, version
        try:
            value: Any = version(__name__)
        except PackageNotFoundError:  # run from a source tree that was never installed
            value = "0+unknown"
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    elif find_spec(f"{__name__}.{name}") is not None:
        value = importlib.import_module(f".{name}", __name__)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
