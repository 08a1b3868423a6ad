"""A loaded document: the validated VanBan and the templates it was loaded with, which render uses."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import VanBan
from .packs import TemplateSet


@dataclass(frozen=True)
class Document:
    """What `load`, `loads` and `from_dict` return; reads as its VanBan (`doc.trich_yeu`, `doc.type`)."""

    van_ban: VanBan
    templates: TemplateSet
    inputs: tuple[Path, ...] = field(default=(), compare=False)  # the files it was read from, linked ones too

    def __getattr__(self, name: str) -> Any:
        van_ban = self.__dict__.get("van_ban")  # absent while unpickling
        if van_ban is None or name.startswith("__"):
            raise AttributeError(name)
        return getattr(van_ban, name)
