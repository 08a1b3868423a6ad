"""Typed models of the input format and their validation; every problem is gathered, then raised once."""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal, TypeVar, get_origin

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, PrivateAttr, ValidationError, WithJsonSchema
from pydantic_core import PydanticCustomError

from . import decree
from .errors import InputError, Problem
from .formats.dates import PartialDate
from .formats.text import one_line
from .source import Path_, Source

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> Any:
    """Text on one line; numbers typed without quotes are taken as text."""
    if isinstance(value, bool) or value is None:
        return value  # left for the type check to reject
    if isinstance(value, int | float):
        value = str(value)
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("có ký tự điều khiển không in được")
        value = one_line(value)
        if not value:
            raise ValueError("không được để trống")
    return value


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str | int | float) and not isinstance(value, bool) else value


def _number(value: Any) -> Any:
    if isinstance(value, str) and value.strip().isdigit():
        return int(value)
    return value


def _loai(value: Any) -> Any:
    if isinstance(value, str) and value not in decree.TYPES:
        close = difflib.get_close_matches(value, list(decree.TYPES), n=1)
        raise PydanticCustomError("cchc", "loại văn bản `{value}` không có trong Phụ lục III",
                                  {"value": value, "hint": f"có phải ý bạn là `{close[0]}`?" if close
                                   else "ví dụ ke_hoach, bao_cao, quyet_dinh, to_trinh, cong_van"})
    return value


Text = Annotated[str, BeforeValidator(_text)]
Lines = Annotated[tuple[Text, ...], BeforeValidator(_as_list),
                  WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]
Date = Annotated[PartialDate, BeforeValidator(PartialDate.parse),
                 WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^\d{4}(-\d{1,2}(-\d{1,2})?)?$"},
                                           {"type": "integer"}, {"type": "null"}]})]
Number = Annotated[int, BeforeValidator(_number), Field(gt=0)]
M = TypeVar("M", bound=BaseModel)


class Model(BaseModel):
    """Base: unknown keys are errors, values are frozen once read."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class CoQuan(Model):
    """The issuing body (ô 2) and its address line (ô 13)."""

    chu_quan: Text | None = Field(None, description="cơ quan chủ quản (ô 2), in hoa, không đậm: UBND TỈNH ĐỒNG THÁP")
    ten: Lines = Field(description="tên cơ quan ban hành (ô 2), in hoa, đậm; danh sách: mỗi phần tử một dòng")
    viet_tat: Text | None = Field(None, description="chữ viết tắt dùng trong ký hiệu, ví dụ UBND → 285/KH-UBND")
    dia_chi: Lines = Field((), description="ô 13: địa chỉ, điện thoại, thư điện tử… in ở chân trang đầu, cỡ 11 "
                                           "(một hoặc hai dòng)")


class NguoiKy(Model):
    """The signer block (ô 7): authority prefixes, own title and name."""

    tm: Text | None = Field(None, description="thay mặt tập thể: dòng `TM. …`, ví dụ ỦY BAN NHÂN DÂN")
    kt: Text | None = Field(None, description="ký thay người đứng đầu: dòng `KT. …`, ví dụ CHỦ TỊCH")
    tl: Text | None = Field(None, description="thừa lệnh: dòng `TL. …`")
    tuq: Text | None = Field(None, description="thừa ủy quyền: dòng `TUQ. …`")
    q: Text | None = Field(None, description="quyền: dòng `Q. …`")
    chuc_vu: Text | None = Field(None, description="chức vụ của người ký, ví dụ PHÓ CHỦ TỊCH")
    ho_ten: Text = Field(description="họ và tên người ký, không ghi học hàm, học vị")


class Muc(Model):
    """A part of the body; its depth gives its label (I. → 1. → a))."""

    tieu_de: Text | None = Field(None, description="đề mục; cấp I viết hoa; không có: đoạn văn được đánh số")
    doan: Lines = Field((), description="các đoạn văn của phần này; `**đậm**`, `*nghiêng*`")
    muc: tuple[Muc, ...] = Field((), description="các phần con (cấp sau: I. → 1. → a))")
    so: bool | Text | None = Field(None, description="false: không đánh số; chuỗi: nhãn ép buộc, ví dụ \"III\"")


class DanhSo(Model):
    """Numbering choices of the body."""

    chu_cai: Literal["co_dd", "khong_dd"] = Field("co_dd", description="thứ tự chữ cái có hay không có đ")


class VanBan(Model):
    """One document of the input format."""

    loai: Annotated[str, BeforeValidator(_loai), WithJsonSchema({"enum": list(decree.TYPES)})] = Field(
        description="loại văn bản theo Phụ lục III: ke_hoach, bao_cao, quyet_dinh …")
    mau: Text | None = Field(None, description="tên bộ mẫu (thư mục có pack.yaml và các tệp .docx) trên đường tìm mẫu")
    co_quan: CoQuan = Field(description="cơ quan ban hành (ô 2)")
    so: Number | None = Field(None, description="số văn bản; không có: để trống cho văn thư (Số:      /KH-UBND)")
    ky_hieu: Text | None = Field(None, description="ký hiệu; mặc định <loại>-<cơ quan> viết tắt, ví dụ KH-UBND")
    dia_danh: Text = Field(description="địa danh trước ngày tháng (ô 4), ví dụ Đồng Tháp")
    ngay: Date = Field(PartialDate(), description="ngày ban hành: 2021-12-05, 2021-12 hoặc 2021 (phần thiếu để trống)")
    do_khan: Literal["khan", "thuong_khan", "hoa_toc"] | None = Field(None, description="độ khẩn (ô 10b)")
    kinh_gui: Lines = Field((), description="khối Kính gửi: một nơi, hoặc danh sách")
    trich_yeu: Lines = Field(description="trích yếu nội dung (ô 5a); danh sách: mỗi phần tử một dòng")
    mo_dau: Lines = Field((), description="các đoạn mở đầu trước phần được đánh số")
    noi_dung: tuple[Muc, ...] = Field((), description="thân văn bản: danh sách các phần, đánh số theo cấp")
    ket_thuc: Lines = Field((), description="các đoạn kết thúc sau phần được đánh số")
    noi_nhan: Lines = Field((), description="nơi nhận (ô 9b); \"- \" và \";\" được thêm tự động")
    luu: Text = Field(description="dòng cuối nơi nhận: `- Lưu: VT, …`")
    nguoi_ky: NguoiKy = Field(description="người ký (ô 7)")
    nguoi_soan: Text | None = Field(None, description="ký hiệu người đánh máy và số bản (ô 12), ví dụ PL.(300)")
    danh_so: DanhSo = Field(DanhSo(), description="cách đánh số thân văn bản")

    # The template set the document was loaded with (folders and pack settings), set by the api.
    _bo_mau: Any = PrivateAttr(None)

    @property
    def type(self) -> decree.DocType:
        return decree.TYPES[self.loai]


_MESSAGES = {
    "missing": "thiếu khóa bắt buộc",
    "extra_forbidden": "khóa không có trong định dạng",
    "string_type": "phải là chuỗi văn bản",
    "tuple_type": "phải là một danh sách",
    "model_type": "phải là một khối khóa: giá trị",
    "model_attributes_type": "phải là một khối khóa: giá trị",
    "dict_type": "phải là một khối khóa: giá trị",
    "string_pattern_mismatch": "chỉ dùng chữ thường không dấu, chữ số và `_`, bắt đầu bằng chữ",
    "float_parsing": "phải là một số",
    "float_type": "phải là một số",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "greater_than": "phải lớn hơn 0",
    "bool_type": "phải là true hoặc false",
    "literal_error": "giá trị không hợp lệ",
}


def check(root: type[M], src: Source) -> tuple[M | None, list[Problem]]:
    """Validate `src` as model `root`: the object, or None and the problems, each placed in the source."""
    try:
        return root.model_validate(src.data), []
    except ValidationError as exc:
        return None, [_problem(src, err, root) for err in exc.errors()]


def validate(src: Source) -> VanBan:
    """Validate a loaded source into a VanBan, or raise InputError listing every problem."""
    doc, problems = check(VanBan, src)
    problems = list(src.extra) + problems
    if doc is not None:
        problems.extend(src.problem(path, msg, hint) for path, msg, hint in _semantic(doc))
    if problems:
        raise InputError(ordered(problems))
    assert doc is not None
    return doc


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems in file and line order."""
    return sorted(problems, key=lambda p: (p.file or "", p.line or 0, p.column or 0))


def _problem(src: Source, err: Any, root: type[BaseModel]) -> Problem:
    loc: Path_ = tuple(x for x in err["loc"] if not (isinstance(x, str) and "[" in x))
    kind = err["type"]
    message = _MESSAGES.get(kind) or err["msg"].removeprefix("Value error, ")
    hint = (err.get("ctx") or {}).get("hint")
    if kind == "extra_forbidden":
        allowed = _allowed_keys(loc[:-1], root)
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
        hint = f"có phải ý bạn là `{close[0]}`?" if close else "các khóa được dùng ở đây: " + ", ".join(allowed)
    elif kind == "literal_error":
        hint = "chọn một trong: " + err["ctx"]["expected"].replace("'", "")
    elif kind == "missing":
        hint = f"thêm khóa `{loc[-1]}`" + (" (có thể đặt trong tệp ke_thua của đơn vị)" if len(loc) <= 2 else "")
    elif kind == "value_error" and loc and loc[-1] == "ngay":
        hint = "viết ngay: 2021-12-05, hoặc 2021-12 (chưa có ngày), hoặc 2021"
    return src.problem(loc, message, hint)


def _allowed_keys(loc: Path_, root: type[BaseModel]) -> list[str]:
    """The keys a mapping at `loc` may hold, found by walking the models along the path."""
    model: Any = root
    in_dict = False  # the next part is a key of a dict field (a column preset's name), not a field
    for part in loc:
        if isinstance(part, int) or in_dict:
            in_dict = False
            continue
        field = model.model_fields.get(part) if model else None
        if field is None:
            return []
        model, in_dict = _model_in(field.annotation), get_origin(field.annotation) is dict
    return list(model.model_fields) if model else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _semantic(doc: VanBan) -> list[tuple[Path_, str, str | None]]:
    """Checks across keys that the types alone cannot make."""
    out: list[tuple[Path_, str, str | None]] = []
    if doc.ky_hieu is None and not doc.co_quan.viet_tat:
        out.append((("co_quan",), "cần `viet_tat` để tạo ký hiệu văn bản",
                    "thêm co_quan.viet_tat (ví dụ UBND) hoặc ghi thẳng ky_hieu"))
    if not any((doc.nguoi_ky.tm, doc.nguoi_ky.kt, doc.nguoi_ky.tl, doc.nguoi_ky.tuq, doc.nguoi_ky.q,
                doc.nguoi_ky.chuc_vu)):
        out.append((("nguoi_ky",), "thiếu chức vụ người ký", "thêm chuc_vu (và tm/kt/tl/tuq/q nếu ký thay)"))
    out.extend(_check_parts(doc.noi_dung, ("noi_dung",), 1))
    return out


def _check_parts(parts: tuple[Muc, ...], path: Path_, depth: int) -> list[tuple[Path_, str, str | None]]:
    out: list[tuple[Path_, str, str | None]] = []
    for i, part in enumerate(parts):
        here = path + (i,)
        if depth > 3 and part.so is not False:
            out.append((here, "phần nội dung lồng quá ba cấp (I. → 1. → a))",
                        "dùng đoạn gạch đầu dòng `- ` / `+ ` trong doan, hoặc đặt `so: false`"))
        if part.tieu_de is None and not part.doan and not part.muc:
            out.append((here, "phần nội dung trống", "thêm tieu_de, doan hoặc muc"))
        out.extend(_check_parts(part.muc, here + ("muc",), depth + 1))
    return out
