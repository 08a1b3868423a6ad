"""Where templates come from: the built-in set shipped with the package."""

from __future__ import annotations

from pathlib import Path

from .errors import Problem, TemplateError


def builtin_dir() -> Path:
    """The built-in templates: inside the installed package, or `templates/` beside it in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "templates", here.parent / "templates"):
        if candidate.is_dir():
            return candidate
    raise TemplateError([Problem("không tìm thấy thư mục mẫu có sẵn (templates/)", str(here))])


def find(name: str) -> Path:
    """The path of template `name` (without .docx)."""
    path = builtin_dir() / f"{name}.docx"
    if not path.is_file():
        raise TemplateError([Problem(f"không có mẫu `{name}`", str(path))])
    return path
