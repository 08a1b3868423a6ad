"""Validation of a loaded source into the typed models: every problem gathered, located at its key with a hint
(pydantic's errors translated), then raised once."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, get_origin

from pydantic import (
    BaseModel,
    ValidationError,
)
from pydantic_core import PydanticSerializationError

from . import decree
from .decree import punctuation
from .decree.wording import DEFAULT, Words
from .errors import InputError, Problem, did_you_mean, ordered
from .messages import BUILT_HINT, CODES, code_of
from .model import KEY_PATTERN, UNKNOWN_LOAI, Finding, M, Presets, VanBan, known_presets, with_presets
from .semantics import cut_names, findings, placeholders
from .source import Linked, Source
from .yamlio import Path_, plain_data

# Pydantic's error kinds → the code of their message (messages.CODES).
_KINDS = {
    "missing": "CCHC-E001", "extra_forbidden": "CCHC-E002", "string_type": "CCHC-E003", "tuple_type": "CCHC-E004",
    "model_type": "CCHC-E005", "model_attributes_type": "CCHC-E005", "dict_type": "CCHC-E005",
    "string_pattern_mismatch": "CCHC-E006", "float_parsing": "CCHC-E007", "float_type": "CCHC-E007",
    "int_parsing": "CCHC-E008", "int_type": "CCHC-E008", "int_from_float": "CCHC-E008", "greater_than": "CCHC-E009",
    "bool_type": "CCHC-E010", "literal_error": "CCHC-E011",
}
# The hint of a number key (its type and its limit), by key, for the problems of its type and its limit.
_NUMBER_CODES = ("CCHC-E007", "CCHC-E008", "CCHC-E009", "CCHC-E310")
_NUMBER_HINTS = {
    "so": "số văn bản là số nguyên dương, ví dụ `so: 5`; chưa có số thì bỏ khóa so (văn thư ghi số khi ban hành)",
    "rong": "độ rộng tương đối của cột, lớn hơn 0: cột `rong: 2` rộng gấp đôi cột `rong: 1`",
}


# The shape of the report's keys, shown when a value has the wrong one.
_SHAPES = {
    "ky_bao_cao": "ky_bao_cao: {tu: 2020-12-01, den: 2021-11-15}",
    "ket_qua": "ket_qua: {tt-noi-bo: {tinh_trang: hoan_thanh, ket_qua: Đã tổ chức 12 đợt}}",
    "so_lieu": "so_lieu: {ho_so: {tiep_nhan: 44333, truoc_han: 34908}}",
}



def check(root: type[M], src: Source, data: dict[str, Any] | None = None) -> tuple[M | None, list[Problem]]:
    """Validate `src` (or `data` read from it) as model `root`: the object, or None and the located problems."""
    try:
        return root.model_validate(src.data if data is None else data), []
    except ValidationError as exc:
        return None, [_problem(src, err, root) for err in exc.errors()]


def validate(src: Source, columns: Presets | None = None, attached: Linked | None = None,
             words: Words = DEFAULT, by_decision: bool = False) -> VanBan:
    """Validate a loaded source into a VanBan, or raise InputError listing every problem.

    `columns` are column presets (a pack's) added to the built-in ones; a table naming a preset (a phụ lục's,
    or one among a part's paragraphs) comes back with the preset's columns. `attached`: the document its
    `kem_theo` names, as resolved. `words`: the wording it is printed with (its pack's), which its Nơi nhận
    lines may type too. `by_decision`: it is the document a decision issues, its footnotes checked with the decision's.
    """
    known = known_presets(columns)
    data, typed = _luu_typed(src, {k: v for k, v in src.data.items() if k != "kem_theo"}, words)
    doc, problems = check(VanBan, src, data)
    problems = [*src.extra, *problems, *(src.problem(path, msg, hint) for path, msg, hint in typed)]
    issued = None
    if "kem_theo" in src.data:
        try:
            issued = _attached(src, doc, attached, columns)
        except InputError as exc:
            problems.extend(exc.problems)
    if doc is not None:
        # Preset names are replaced by their columns first, so the checks see every table's columns.
        doc = with_presets(doc, known).model_copy(update={"kem_theo": issued})
        problems.extend(src.problem(path, msg, hint) for path, msg, hint in findings(doc, known, by_decision)
                        + cut_names(src))
        if not doc.du_thao:
            problems.extend(src.problem(path, msg, hint, "CCHC-E022") for path, msg, hint in placeholders(src.data))
    if problems:
        raise InputError(ordered(problems))
    assert doc is not None
    return doc


def built(doc: VanBan, known: Presets) -> VanBan:
    """`doc` built otherwise than by validate (VanBan(…), model_validate, model_copy: none of them checks what
    validate does), with its presets' columns: its text checked as from_dict's is (characters Word can hold, the
    fonts' glyphs, sizes) and its keys against one another; else InputError naming each key, in file `<VanBan>`."""
    src = Source({}, {}, "<VanBan>", Path("."))
    plain_data(_typed(doc, src.file), src.file)
    doc = with_presets(doc, known)
    problems = [src.problem(path, message, hint) for path, message, hint in findings(doc, known)]
    if problems:
        raise InputError(problems)
    return doc


# What pydantic's serializer says of a value not of its field's type, and the message of each type (else E005).
_UNEXPECTED = re.compile(r"Expected `(?P<type>[^`\[]*\[?)[^`]*`.*?\[field_name='(?P<key>[^']*)'")
_TYPE_CODES = {"str": "CCHC-E003", "int": "CCHC-E008", "float": "CCHC-E007", "bool": "CCHC-E010",
               "PartialDate": "CCHC-E021", "tuple[": "CCHC-E004"}


def _typed(doc: VanBan, file: str) -> dict[str, Any]:
    """`doc`'s data, or InputError naming each value not of its key's type (None too, where the key takes none) and
    a `loai` outside Phụ lục III: what model_copy and constructors let through."""
    try:
        data = doc.model_dump(warnings="error")
        wrong = []
    except PydanticSerializationError as exc:
        data, wrong = {}, [(m["key"], m["type"]) for m in _UNEXPECTED.finditer(str(exc))] or [("", "")]
    wrong += [(key, _type_name(field.annotation)) for key, field in VanBan.model_fields.items()
              if getattr(doc, key) is None and field.default is not None]
    problems = [Problem(CODES[_TYPE_CODES.get(name, "CCHC-E005")], file, key=key or None, hint=BUILT_HINT)
                for key, name in wrong]
    if doc.loai not in decree.TYPES:
        problems.append(Problem(UNKNOWN_LOAI.format(value=doc.loai), file, key="loai", hint=BUILT_HINT))
    if problems:
        raise InputError(problems)
    return data


def _type_name(annotation: Any) -> str:
    """A field's type as pydantic's serializer names it: `int`, `tuple[…]`, a model's name."""
    return "tuple[" if get_origin(annotation) is tuple else getattr(annotation, "__name__", "")


def _luu_typed(src: Source, data: dict[str, Any], words: Words) -> tuple[dict[str, Any], list[Finding]]:
    """`data` with a `Lưu: …` line typed among its noi_nhan as its `luu` when the file gives none (an inherited one
    gives way); such a line is refused beside the file's own `luu`, or beside one typed before it. A `Nơi nhận:` or
    `Lưu: …` item YAML read as a key and its value (`- Lưu: VT`) is that line."""
    given = data.get("noi_nhan")
    listed = isinstance(given, list)
    if isinstance(given, list):
        data = {**data, "noi_nhan": [_as_line(item, words) for item in given]}
    items = data["noi_nhan"] if listed else [given]
    typed = [(("noi_nhan", i) if listed else ("noi_nhan",), item, kept)
             for i, item in enumerate(items)
             if isinstance(item, str) and (kept := punctuation.stored(item, words)) is not None]
    if typed and typed[0][2] and not (data.get("luu") is not None and src.where(("luu",)).file == src.file):
        data = {**data, "luu": typed.pop(0)[2]}
    luu = data.get("luu")
    return data, [(path, f"mục `{item.strip()}` là dòng Lưu, đã có ở `luu: {luu}`",
                   "bỏ mục này khỏi noi_nhan: dòng `- Lưu: …` in từ khóa luu; ghi mọi nơi lưu vào luu, ví dụ "
                   "`luu: VT, P.CCHC`") for path, item, _ in typed if luu is not None]


def _as_line(item: Any, words: Words) -> Any:
    """A one-pair mapping YAML made of a Nơi nhận line the program prints itself (`- Lưu: VT`), as that line."""
    if isinstance(item, dict) and len(item) == 1:
        ((key, value),) = item.items()
        line = f"{key}: {value or ''}".strip()
        if isinstance(key, str) and isinstance(value, str | None) and punctuation.self_printed(line, words):
            return line
    return item


def _attached(src: Source, doc: VanBan | None, attached: Linked | None, columns: Presets | None) -> VanBan | None:
    """The document a Quyết định issues (Mẫu 1.3), validated with what it inherits from the decision; None when
    the resolve stage could not read it (and reports why)."""
    if doc is not None and doc.layout.issues is None:
        raise InputError([src.problem(("kem_theo",), "chỉ quyết định mới ban hành văn bản kèm theo",
                                      "bỏ kem_theo, hoặc đặt loai: quyet_dinh")])
    if attached is None:
        if isinstance(src.data["kem_theo"], str | dict):
            return None
        raise InputError([src.problem(("kem_theo",), "phải là đường dẫn tới tệp YAML hoặc một khối khóa: giá trị",
                                      "ví dụ `kem_theo: quy-che.yaml`")])
    child = validate(attached.source, columns, attached.kem_theo, by_decision=True)
    if child.type.mau not in decree.ISSUED.carries or child.kem_theo is not None:
        raise InputError([src.problem(("kem_theo",), f"không thể ban hành kèm theo một {child.loai}",
                                      "văn bản kèm theo là kế hoạch, quy chế, quy định, chương trình …")])
    return child


def _problem(src: Source, err: Any, root: type[BaseModel]) -> Problem:
    loc = _user_path(src.data, err["loc"])
    kind = err["type"]
    known = _KINDS.get(kind)
    code = known or (kind if kind.startswith("CCHC-") else None)
    message = CODES[known] if known is not None else err["msg"].removeprefix("Value error, ")
    hint = (err.get("ctx") or {}).get("hint")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], root)
        if loc[-1] == "bang" and "doan" in allowed:  # a table stands among the paragraphs, where it is printed
            hint = "đặt bảng trong doan, giữa các đoạn văn: `doan: [\"Đoạn trước:\", {bang: {cot: …, dong: …}}]`"
        else:
            hint = did_you_mean(loc[-1], allowed, "các khóa được dùng ở đây: " + ", ".join(allowed))
    elif kind == "literal_error":
        hint = "chọn một trong: " + err["ctx"]["expected"].replace("'", "").replace(" or ", ", ")
    elif kind == "missing":
        hint = f"thêm khóa `{loc[-1]}`" + (" (có thể đặt trong tệp ke_thua của đơn vị)" if len(loc) <= 2 else "")
    elif kind == "value_error" and loc and loc[-1] in ("ngay", "tu", "den"):
        hint = f"viết {loc[-1]}: 05/12/2021 hoặc 2021-12-05" + (
            ", hoặc 2021-12 (chưa có ngày), hoặc 2021" if loc[-1] == "ngay" else "")
    elif kind in ("model_type", "model_attributes_type", "dict_type") and loc and loc[0] in _SHAPES:
        hint = "ví dụ " + _SHAPES[loc[0]]
    elif kind in ("model_type", "model_attributes_type") and _allowed_keys(loc, root):
        hint = "các khóa được dùng ở đây: " + ", ".join(_allowed_keys(loc, root))
    elif (code or code_of(message)) in _NUMBER_CODES and loc and loc[-1] in _NUMBER_HINTS:
        hint = _NUMBER_HINTS[str(loc[-1])]
    elif code == "CCHC-E010":
        hint = "viết true hoặc false"
    elif code == "CCHC-E003" and loc:
        hint = f"viết một dòng chữ sau `{loc[-1]}:`; dòng có [ ] {{ }} hay `: ` thì đặt cả dòng trong dấu ngoặc kép"
    elif code == "CCHC-E006" and (err.get("ctx") or {}).get("pattern") == KEY_PATTERN:
        hint = "viết không dấu, nối các chữ bằng `_`, ví dụ `noi_dung`, `kinh_phi_2024`"
    elif message == CODES["CCHC-E308"] and loc:
        hint = _empty_hint(loc, root)
    return src.problem(loc, message, hint, code)


def _empty_hint(loc: Path_, root: type[BaseModel]) -> str:
    """What to do with an empty text: drop it from its list, fill it in, or drop the key if it may go."""
    key = loc[-1]
    if isinstance(key, int):
        return "bỏ mục trống này khỏi danh sách"
    model = _model_at(loc[:-1], root)
    if model is not None and key in model.model_fields and model.model_fields[str(key)].is_required():
        return f"ghi nội dung cho `{key}` (khóa bắt buộc)"
    return f"ghi nội dung cho `{key}`, hoặc bỏ cả dòng `{key}:` nếu không có gì để ghi"


def _user_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """The key path in the user's data of a pydantic location, without the tags pydantic adds (`str`,
    `function-before[…]`) unless the user's data holds such a key, nor the index of a one-line value read as a
    list of one (`trich_yeu: ""` is `trich_yeu`, not `trich_yeu[0]`)."""
    out: list[str | int] = []
    for part in loc:
        if isinstance(data, dict) and part in data or isinstance(data, list | tuple) and isinstance(part, int):
            data = data[part] if isinstance(data, dict) or part < len(data) else None
            out.append(part)
        elif isinstance(part, int) and isinstance(data, str | int | float):
            continue
        elif not (isinstance(part, str) and "[" in part):
            data = None
            out.append(part)
    return tuple(out)


def _allowed_keys(loc: Path_, root: type[BaseModel]) -> list[str]:
    """The keys a mapping at `loc` may hold, found by walking the models along the path."""
    model = _model_at(loc, root)
    return list(model.model_fields) if model else []


def _model_at(loc: Path_, root: type[BaseModel]) -> type[BaseModel] | None:
    """The model of the mapping at `loc` (None for a table's row, a dict of figures …)."""
    model: Any = root
    in_dict = False  # the next part is a key of a dict field (a column preset's name), not a field
    for part in loc:
        if isinstance(part, int) or in_dict:
            in_dict = False
            continue
        field = model.model_fields.get(part) if model else None
        if field is None:
            return None
        model, in_dict = _model_in(field.annotation), get_origin(field.annotation) is dict
    return model


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
