"""JSON Schemas of the input format and of pack.yaml, generated from the models, for editors to validate and complete.

Required keys are left out: they may come from a `ke_thua` file or a pack's `mac_dinh`, so only
`python -m ccch_docs validate` can tell whether they are there.
"""

from __future__ import annotations

import json
from typing import Any

from .model import VanBan
from .settings import DEFAULTABLE, Pack

DIALECT = "https://json-schema.org/draft/2020-12/schema"
_KE_THUA = {"description": "tệp mặc định được gộp vào trước (đường dẫn tính từ tệp này); một tệp hoặc danh sách",
            "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}


def _optional(node: Any) -> Any:
    """`node` without any `required` list, at every depth."""
    if isinstance(node, dict):
        return {k: _optional(v) for k, v in node.items() if k != "required"}
    if isinstance(node, list):
        return [_optional(v) for v in node]
    return node


def document() -> dict[str, Any]:
    """The schema of a document (and of a unit profile: the same keys)."""
    body = _optional(VanBan.model_json_schema())
    body["properties"] = {"ke_thua": _KE_THUA, **body["properties"]}
    return {"$schema": DIALECT, "title": "ccch_docs: văn bản CCHC (YAML)", **body}


def pack() -> dict[str, Any]:
    """The schema of a pack.yaml; `mac_dinh` takes the document's keys, except `mau`."""
    doc = document()
    body = _optional(Pack.model_json_schema())
    defaults = {k: v for k, v in doc["properties"].items() if k in DEFAULTABLE}
    body["properties"] = {"ke_thua": _KE_THUA, **body["properties"]}
    body["properties"]["mac_dinh"] = {**body["properties"]["mac_dinh"], "properties": defaults,
                                      "additionalProperties": False}
    body["$defs"] = {**doc["$defs"], **body["$defs"]}
    return {"$schema": DIALECT, "title": "ccch_docs: pack.yaml của bộ mẫu", **body}


def dumps(schema: dict[str, Any]) -> str:
    """The text of a schema file, stable from run to run."""
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


# The files shipped in schema/, each with the function that writes it.
FILES = {"cchc.schema.json": document, "pack.schema.json": pack}
