"""Typed models of the input format: each key's type and the checks a value takes alone. Validation builds on them
(validation.py), as do the checks across keys (semantics.py)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeVar, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Strict,
    Tag,
    WithJsonSchema,
    create_model,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import decree, presets
from .decree import numbering, punctuation, signers
from .decree.citations import running_name
from .errors import InputError, Problem, Unclear, did_you_mean
from .formats import numbers
from .formats.dates import PartialDate
from .formats.text import one_line
from .messages import CODES, COLUMNS, ONE_OF, ROW_AS_LIST, TRUE_FALSE_TEXT, TRUE_OR_COLUMN, TRUE_OR_LABELS
from .yamlerrors import quoted
from .yamlio import Path_

Finding = tuple[Path_, str, str | None]  # a semantic problem: where, message, hint
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _text(value: Any) -> Any:
    """Text on one line; numbers typed without quotes are taken as text, exactly as typed (`1.10`, `010`)."""
    if isinstance(value, bool) or value is None:
        return value  # left for the type check to reject
    if isinstance(value, dict) and len(value) == 1 and isinstance(next(iter(value.values())), str | int | float | None):
        (key, rest), = value.items()
        line = f"{key}:" if rest is None else f"{key}: {rest}"
        raise PydanticCustomError("cchc",
                                  "phải là chuỗi văn bản; YAML đọc dòng có dấu hai chấm `:` thành cặp khóa: giá trị",
                                  {"hint": f"đặt dòng trong dấu ngoặc kép: {quoted(line)}"})
    if isinstance(value, int | float):
        if not hasattr(value, "text") and not math.isfinite(value):  # from a program: pandas' NaN for a blank
            raise _unprintable()
        value = numbers.as_typed(value)
    if isinstance(value, str):
        if _CONTROL.search(value):
            raise ValueError("có ký tự điều khiển không in được")
        value = one_line(value)
        if not value:
            raise ValueError("không được để trống")
    return value


def _as_list(value: Any) -> Any:
    return [value] if is_scalar(value) else value


def _as_part(value: Any) -> Any:
    """A part (a Điều, a numbered paragraph) written as plain text is a part with that one paragraph."""
    if isinstance(value, dict):
        return value
    if is_scalar(value):
        return {"doan": _text(value)}
    raise PydanticCustomError("cchc", "mỗi Điều hoặc mục là một chuỗi văn bản hoặc một khối tieu_de, doan, muc",
                              {"hint": "ví dụ `- Ban hành kèm theo Quyết định này …` hoặc `- {tieu_de: …, doan: …}`"})


def _number(value: Any) -> Any:
    """A number key's value: a number, or text holding one (`3.000.000`, `1,5`); true/false and huge numbers refused."""
    if isinstance(value, bool):
        raise PydanticCustomError("cchc", "phải là một số, không phải true/false", {"hint": "ví dụ `so: 5`"})
    if isinstance(value, str | int | float):
        try:
            value = _or(numbers.read(value), value)
        except Unclear as exc:
            raise PydanticCustomError("CCHC-E020", exc.message, {"hint": exc.hint}) from None
        except ValueError:
            raise PydanticCustomError("cchc", numbers.TOO_LARGE, {"hint": "kiểm tra lại số"}) from None
    if isinstance(value, int | float | Decimal) and not numbers.printable(value):  # Decimal: from a program
        raise _unprintable()
    return value


def _unprintable() -> PydanticCustomError:
    return PydanticCustomError("cchc", numbers.TOO_LARGE + " hoặc không hữu hạn", {"hint": "kiểm tra lại số"})


def _date(value: Any) -> PartialDate:
    try:
        return PartialDate.parse(value)
    except Unclear as exc:
        raise PydanticCustomError("CCHC-E021", exc.message, {"hint": exc.hint}) from None


def _or(number: Any, value: Any) -> Any:
    return value if number is None else number


def _figures(value: Any) -> Any:
    """`so_lieu` with the numbers written as text (`3.000.000`, `1,5`) read; what is unclear is left to the check."""
    if isinstance(value, dict):
        return {k: _figures(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_figures(v) for v in value]
    if isinstance(value, str):
        try:
            return _or(numbers.read(value), value)
        except ValueError:  # unclear or too large: the check says which
            return value
    return value


UNKNOWN_LOAI = "loại văn bản `{value}` không có trong Phụ lục III"  # CCHC-E300


def _loai(value: Any) -> Any:
    if isinstance(value, str) and value not in decree.TYPES:
        raise PydanticCustomError("cchc", UNKNOWN_LOAI,
                                  {"value": value, "hint": did_you_mean(
                                      value, decree.TYPES, "ví dụ ke_hoach, bao_cao, quyet_dinh, to_trinh, cong_van")})
    return value


Text = Annotated[str, BeforeValidator(_text)]
Lines = Annotated[tuple[Text, ...], BeforeValidator(_as_list),
                  WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]
Date = Annotated[PartialDate, BeforeValidator(_date),
                 WithJsonSchema({"anyOf": [{"type": "string", "pattern": r"^(\d{4}(-\d{1,2}(-\d{1,2})?)?|"
                                                                        r"(\d{1,2}[/.-])?\d{1,2}[/.-]\d{4})$"},
                                           {"type": "integer"}, {"type": "null"}]})]
Number = Annotated[int, BeforeValidator(_number), Field(gt=0)]
Real = Annotated[float, BeforeValidator(_number), Strict()]
Bool = Annotated[bool, Strict()]  # only true and false: not yes/no, on/off, 1/0
_BOOL_WORDS = frozenset(("yes", "no", "on", "off", "y", "n"))


def _not_bool_word(value: Any) -> Any:
    """Where true/false or a text is taken, `yes`, `no`, `on`, `off` are refused: they are meant as true or false."""
    if isinstance(value, str) and value.strip().lower() in _BOOL_WORDS:
        raise PydanticCustomError("cchc", "`{value}` không được hiểu là đúng/sai", {
            "value": value, "hint": "viết true hoặc false"})
    return value


def _is_bool(value: Any) -> bool:
    return isinstance(value, bool)


def is_scalar(value: Any) -> bool:
    return isinstance(value, str) or numbers.is_number(value)


def _is_list(value: Any) -> bool:
    return isinstance(value, list | tuple)


def one_of(forms: str, hint: Callable[[Any], str], **members: tuple[Any, Callable[[Any], bool]]) -> Any:
    """A union whose member is picked by the value's shape (`members`: name → type, test), so that a problem
    inside the value is that member's; a value of no member's shape is one problem at its key, naming the
    accepted `forms`, with `hint(value)`, rather than one problem per member."""
    def shape(value: Any) -> str | None:
        return next((f"[{name}]" for name, (_, fits) in members.items() if fits(value)), None)

    def shaped(value: Any) -> Any:
        if shape(value) is None:
            raise PydanticCustomError(ONE_OF, CODES[ONE_OF], {"detail": forms, "hint": hint(value)})
        return value
    # Tags hold `[`: error locations leave them out, as they do pydantic's own members.
    tagged = tuple(Annotated[kind, Tag(f"[{name}]")] for name, (kind, _) in members.items())
    return Annotated[Union[tagged], Discriminator(shape), BeforeValidator(shaped)]  # noqa: UP007 (built from a tuple)


def bool_or_text(hint: str) -> Any:
    """true/false or one line of text (`yes`, `no`, `on`, `off` refused); else one problem with `hint`."""
    either = one_of(TRUE_FALSE_TEXT, lambda _: hint, bool=(Bool, _is_bool), text=(Text, is_scalar))
    return Annotated[either, BeforeValidator(_not_bool_word)]


if TYPE_CHECKING:  # what the unions below give
    PartLabel = bool | str
    ResultsTitle = bool | str
else:
    PartLabel = bool_or_text('viết `so: false` (không đánh số) hoặc nhãn in đúng như viết, ví dụ `so: "III"`')
    ResultsTitle = bool_or_text("viết `phu_luc_ket_qua: true`, hoặc tiêu đề của phụ lục kết quả")


M = TypeVar("M", bound=BaseModel)


def _label_style(value: Any) -> Any:
    if value is None or value is False or value == "none":
        return ""
    value = getattr(value, "text", value)  # `dong: 1` unquoted is the style "1"
    if not isinstance(value, str) or value not in numbering.STYLES:
        raise PydanticCustomError("cchc", "kiểu đánh số `{value}` không hợp lệ",
                                  {"value": value, "hint": 'chọn một trong "I.", "I", "1.", "a)", "1", "a" hoặc none'})
    return value


LabelStyle = Annotated[str, BeforeValidator(_label_style),
                       WithJsonSchema({"enum": ["I.", "I", "1.", "a)", "1", "a", "none", None]})]
KEY_PATTERN = r"^[a-z][a-z0-9_]*$"
Key = Annotated[str, Field(pattern=KEY_PATTERN)]


def _cell(value: Any) -> str | int | float | tuple[str, ...]:
    """A table cell: text, a number (read as one in a number column, else printed as typed), or a list of lines."""
    if numbers.is_number(value):
        return value
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, list | tuple) and all(is_scalar(v) for v in value):
        return tuple(_text(v) for v in value)
    raise PydanticCustomError("cchc", "ô của bảng phải là chữ, số hoặc danh sách dòng chữ",
                              {"hint": "ví dụ `san_pham: Kế hoạch` hoặc `san_pham: [- Kế hoạch;, - Báo cáo.]`"})


_CELL = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "array", "items": {"type": "string"}}]}
Cell = Annotated[Any, PlainValidator(_cell), WithJsonSchema(_CELL)]


def _row(value: Any) -> Any:
    """A table row; its `ma` typed as a number (`ma: 12`) is the text typed, as a report's `ket_qua` keys are. A row
    written as a list (`- [Xã A, 1.234,5, 78,7%]`) is refused with ROW_AS_LIST."""
    if isinstance(value, list):
        raise PydanticCustomError("CCHC-E005", CODES["CCHC-E005"], {"hint": ROW_AS_LIST})
    ma = value.get("ma") if isinstance(value, dict) else None
    if numbers.is_number(ma):
        return {**value, "ma": numbers.as_typed(ma)}
    return value


_COLUMNS = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
# A row: a cell for each column key; and, when no column has these keys, `ma`, `so`, `gop`, `gop_tren`.
Row = Annotated[dict[Key, Cell], BeforeValidator(_row), WithJsonSchema({
    "type": "object", "propertyNames": {"pattern": "^[a-z][a-z0-9_]*$"},
    "additionalProperties": _CELL,
    "properties": {
        "ma": {"type": ["string", "number"], "description": "mã ổn định của dòng (báo cáo dùng để liên kết); "
                                                       "số viết như 12 được đọc là chữ \"12\""},
        "so": {"type": "string", "description": "nhãn ép buộc của dòng, in đúng như viết, không đếm: \"5a\""},
        "gop": {**_COLUMNS, "description": "ô gộp ngang: cột đầu và cột cuối (theo thứ tự của bảng), ví dụ "
                                           "[thoi_gian, kinh_phi]; chữ của ô là giá trị của cột đầu"},
        "gop_tren": {**_COLUMNS, "description": "các cột có ô gộp với ô dòng trên (gộp dọc), ví dụ [chu_tri]; "
                                                "để trống các ô đó ở dòng này"}}})]


class Model(BaseModel):
    """Base: unknown keys are errors, values are frozen once read; a model's validator is built on its first use."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, defer_build=True)


class CoQuan(Model):
    """The issuing body (ô 2) and its address line (ô 13)."""

    chu_quan: Text | None = Field(None, description="cơ quan chủ quản (ô 2), in hoa, không đậm: UBND TỈNH ĐỒNG THÁP")
    ten: Lines = Field(description="tên cơ quan ban hành (ô 2), in hoa, đậm; danh sách: mỗi phần tử một dòng")
    viet_tat: Text | None = Field(None, description="chữ viết tắt dùng trong ký hiệu, ví dụ UBND → 285/KH-UBND")
    dia_chi: Lines = Field((), description="ô 13: địa chỉ, điện thoại, thư điện tử… in ở chân trang đầu, cỡ 11 "
                                           "(một hoặc hai dòng)")
    ten_goi: Text | None = Field(None, description="tên gọi trong câu văn, khi tên suy ra từ tiêu đề "
                                                      "chưa đúng, ví dụ Đài Phát thanh và Truyền hình Đồng Tháp")

    @property
    def goi(self) -> str:
        """The body's name as written in running text: `ten_goi`, or derived from the letterhead."""
        return self.ten_goi or running_name(self.chu_quan, self.ten)


# One optional line per authority form of decree.signers (tm, tl, tuq, kt, q).
_AUTHORITY_FIELDS: dict[str, Any] = {key: (Text | None, Field(None, description=note))
                                     for key, note in signers.AUTHORITIES}
_Authorities = create_model("_Authorities", __base__=Model, __module__=__name__, **_AUTHORITY_FIELDS)


class NguoiKy(_Authorities):
    """The signer block (ô 7): authority prefixes, own title and name."""

    vai_tro: Text | None = Field(None, description="biên bản: vai trò in hoa đầu khối chữ ký, ví dụ THƯ KÝ, CHỦ TỌA, "
                                                    "ĐẠI DIỆN ĐOÀN KIỂM TRA; mặc định CHỦ TỌA (nguoi_ky), "
                                                    "THƯ KÝ (nguoi_cung_ky)")
    chuc_vu: Text | None = Field(None, description="chức vụ của người ký, ví dụ PHÓ CHỦ TỊCH")
    ho_ten: Text = Field(description="họ và tên người ký, không ghi học hàm, học vị")


def _body_style(value: Any) -> Any:
    if value not in numbering.BODY_STYLES:
        raise PydanticCustomError("cchc", "kiểu đánh số `{value}` không hợp lệ",
                                  {"value": value,
                                   "hint": "chọn trong " + ", ".join(f'"{s}"' for s in numbering.BODY_STYLES)})
    return value


BodyStyles = tuple[Annotated[str, BeforeValidator(_body_style),
                             WithJsonSchema({"enum": list(numbering.BODY_STYLES)})], ...]


class DanhSo(Model):
    """Numbering choices of the body."""

    chu_cai: Literal["co_dd", "khong_dd"] = Field("co_dd", description="thứ tự chữ cái có hay không có đ")
    cap: BodyStyles = Field(
        (), description="kiểu nhãn của từng cấp, từ cấp ngoài cùng, ví dụ [\"I.\", \"1.\", \"1.1.\", \"-\"]; "
                        "mặc định I. → 1. → a) (quyết định: Điều → 1. → a)); quy chế, quy định chia chương: "
                        "[\"Chương\", \"Điều\", \"1.\", \"a)\"] (thêm \"Mục\" sau Chương nếu có); "
                        "phụ lục chia phần: [\"Phần\", \"I.\", \"1.\"]")

    @property
    def with_dd(self) -> bool:
        return self.chu_cai == "co_dd"


Keys = Annotated[tuple[Key, ...], BeforeValidator(_as_list),
                 WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]})]


class TiLe(Model):
    """What a rate column (`78,7%`) is computed from: its total is the rate of their totals, Σ tu_so / Σ mau_so
    (which neither a sum nor an average of the rows' rates is)."""

    tu_so: Keys = Field(description="khóa của cột làm tử số; danh sách: các cột được cộng lại, "
                                    "ví dụ [truoc_han, dung_han]")
    mau_so: Key = Field(description="khóa của cột làm mẫu số, ví dụ tiep_nhan")
    so_le: Literal[0, 1, 2, 3] = Field(1, description="số chữ số thập phân của tỷ lệ ở dòng tổng: 1 (78,7%), "
                                                       "2 (99,59%)")

    @property
    def keys(self) -> tuple[str, ...]:
        """The columns it is computed from."""
        return (*self.tu_so, self.mau_so)


class Cot(Model):
    """A column of a phụ lục table, after the automatic STT column."""

    khoa: Key = Field(description="khóa của ô trong mỗi dòng, ví dụ noi_dung")
    ten: Text = Field(description="tiêu đề cột")
    rong: Real = Field(1, gt=0, description="độ rộng tương đối")
    chung: Text | None = Field(None, description="tiêu đề chung ở dòng tiêu đề trên, một ô gộp trên các cột liền nhau "
                                                 "cùng ghi, ví dụ `Số hồ sơ đã giải quyết` trên Trước hạn, Đúng hạn, "
                                                 "Quá hạn; các cột khác gộp dọc hai dòng tiêu đề")
    kieu: Literal["so", "chu"] | None = Field(
        None, description="so: cột số (50000000 in 50.000.000; 3.000.000, 1,5 là số); chu: in đúng như viết; "
                          "mặc định: cột được cộng và cột kinh_phi là cột số, các cột khác in đúng như viết")
    ti_le: TiLe | None = Field(
        None, description="cột tỷ lệ: các cột nó được tính từ, ví dụ {tu_so: dung_han, mau_so: tiep_nhan}; dòng tổng "
                          "in tỷ lệ của các tổng (không cộng các tỷ lệ), ô bỏ trống của một dòng tính từ các ô của "
                          "dòng; không khai báo: ô tổng của cột tỷ lệ để trống")


GroupCell = Literal["gop", "stt", "tung_o"]
_GROUP_CELL = ("gop: nhãn và tên nhóm trong một ô gộp cả dòng (I. CẤP XÃ); stt: nhãn ở cột Số TT, tên gộp các cột "
               "còn lại (I | CẤP XÃ); tung_o: nhãn ở cột Số TT, tên ở cột kế tiếp, các ô khác để trống")


class DanhSoBang(Model):
    """Labels of groups and rows: "I." | "I" | "1." | "a)" | "1" | "a" | none."""

    nhom: LabelStyle = numbering.TABLE_GROUPS
    dong: Annotated[LabelStyle | None, BeforeValidator(_label_style)] = Field(  # written null: none
        None, description="mặc định a) trong nhóm; 1, 2 … khi bảng không có nhóm")
    nhom_o: GroupCell | None = Field(None, description="cách in dòng nhóm: " + _GROUP_CELL
                                                       + "; mặc định gop khi nhom là \"I.\", stt với kiểu khác")
    lien_tuc: Bool = Field(False, description="true: số thứ tự dòng chạy tiếp qua các nhóm (1 … 11 qua nhóm I – IV)")
    cap: BodyStyles = Field((), description="phụ lục có nội dung: kiểu nhãn từng cấp của nội dung, ví dụ "
                                            "[\"I.\", \"1.\", \"1.1.\"]; mặc định I. → 1. → a)")


class Nhom(Model):
    """A group of rows: its name, an optional forced label and row-label style, its rows."""

    ten: Text | None = None
    so: Text | None = Field(None, description="nhãn ép buộc của nhóm, ví dụ III")
    danh_so: LabelStyle | None = Field(None, description="kiểu nhãn dòng riêng của nhóm")
    nhom_o: GroupCell | None = Field(None, description="cách in dòng của riêng nhóm này: " + _GROUP_CELL)
    dong: tuple[Row, ...] = ()


def _columns_hint(value: Any) -> str:
    """How to write `cot`, with the user's own column keys (a preset's heading where one has the key)."""
    keys = [v for v in value if isinstance(v, str)] if isinstance(value, list | tuple) else []
    if not keys:
        return ("ví dụ `cot: ke_hoach_8_cot`, hoặc "
                "`cot: [{khoa: noi_dung, ten: Nội dung}, {khoa: ket_qua, ten: Kết quả}]`")
    headings = {k: t for columns in reversed(presets.PRESETS.values()) for k, t, _ in columns}
    listed = ", ".join(f"{{khoa: {k}, ten: {headings.get(k, '…')}}}" for k in keys)
    whole = [name for name, columns in presets.PRESETS.items() if set(keys) <= {k for k, _, _ in columns}]
    return f"mỗi cột cần khóa và tiêu đề: `cot: [{listed}]`" + (f"; hoặc cả mẫu cột `{whole[0]}`" if whole else "")


def _total_hint(value: Any) -> str:
    return ("viết `tong_cong: true` (cộng cột kinh_phi), khóa của cột cần cộng (`tong_cong: tiep_nhan`) "
            "hoặc danh sách khóa (`tong_cong: [tiep_nhan, dung_han]`)")


def _is_columns(value: Any) -> bool:
    """A list of columns: one at least (a table of none has nothing to print), none a bare key."""
    return _is_list(value) and bool(value) and not any(isinstance(v, str) for v in value)


NUMBERS_HINT = ("viết `so_cot: true` (in (1), (2) … dưới tiêu đề mỗi cột) hoặc mỗi cột một nhãn, kể cả cột Số TT, "
                "ví dụ `so_cot: [A, B, \"1\", \"2\", \"3=1+2\"]`")

if TYPE_CHECKING:  # what the unions below give
    Columns = tuple[Cot, ...] | str
    Total = bool | str | tuple[str, ...]
    ColumnNumbers = bool | tuple[str, ...]
else:
    Columns = one_of(COLUMNS, _columns_hint, list=(tuple[Cot, ...], _is_columns),
                     preset=(Text, lambda v: isinstance(v, str)))
    Total = one_of(TRUE_OR_COLUMN, _total_hint, bool=(Bool, _is_bool), key=(Key, lambda v: isinstance(v, str)),
                   keys=(tuple[Key, ...], lambda v: _is_list(v) and all(isinstance(k, str) for k in v)))
    ColumnNumbers = one_of(TRUE_OR_LABELS, lambda _: NUMBERS_HINT, bool=(Bool, _is_bool),
                           labels=(tuple[Text, ...], lambda v: _is_list(v) and all(is_scalar(k) for k in v)))


class BangSo(Model):
    """The rows and columns of a table, in a phụ lục or among a part's paragraphs."""

    cot: Columns = Field(description="danh sách cột, hoặc tên mẫu cột (có sẵn: "
                                     + ", ".join(presets.PRESETS) + "; hoặc trong pack.yaml)")
    danh_so: DanhSoBang = DanhSoBang.model_construct()
    nhom: tuple[Nhom, ...] = ()
    dong: tuple[Row, ...] = Field((), description="các dòng không thuộc nhóm nào")
    tong_cong: Total = Field(False, description="true: dòng tổng của cột kinh_phi; hoặc khóa của cột cần cộng, "
                                                "hoặc danh sách khóa các cột cần cộng")
    so_cot: ColumnNumbers = Field(False, description="dòng số thứ tự cột dưới tiêu đề: true in (1), (2) … mỗi cột, "
                                                     "kể cả cột Số TT; hoặc mỗi cột một nhãn: [A, B, \"1\", \"3=1+2\"]")

    def column_numbers(self, columns: tuple[Cot, ...]) -> tuple[str, ...]:
        """The labels of the row under the header, Số TT's first: `(1)`, `(2)` … when `so_cot` is true, as written
        when a list, none when false."""
        if self.so_cot is True:
            return tuple(f"({n})" for n in range(1, len(columns) + 2))
        return tuple(str(v) for v in self.so_cot) if self.so_cot else ()

    @property
    def total_keys(self) -> tuple[str, ...]:
        """The keys of the columns its total row adds up (none: no total row)."""
        if isinstance(self.tong_cong, tuple):
            return self.tong_cong
        return ("kinh_phi",) if self.tong_cong is True else (self.tong_cong,) if self.tong_cong else ()

    def counted_keys(self, columns: tuple[Cot, ...]) -> tuple[str, ...]:
        """The keys of the columns its total row adds up: the totalled ones, and those a rate column of `columns` is
        computed from (`Cot.ti_le`)."""
        return tuple(dict.fromkeys((*self.total_keys, *(k for c in columns if c.ti_le is not None
                                                         for k in c.ti_le.keys))))

    def number_keys(self, columns: tuple[Cot, ...]) -> frozenset[str]:
        """The keys of its number columns among `columns`: the counted ones (see counted_keys), those declared
        `kieu: so`, and the presets' amounts (`kinh_phi`) unless declared `kieu: chu`."""
        counted = self.counted_keys(columns)
        return frozenset(c.khoa for c in columns if c.khoa in counted or c.kieu == "so"
                         or c.kieu is None and c.khoa in presets.NUMBER_KEYS)

    @property
    def row_style(self) -> str:
        """How its rows are labelled: as `danh_so.dong` says, else as the decree's tables do, with groups or not."""
        if self.danh_so.dong is not None:
            return self.danh_so.dong
        return numbering.TABLE_ROWS if self.nhom else numbering.TABLE_ROWS_ALONE

    @property
    def columns(self) -> tuple[Cot, ...]:
        """The columns: `cot`, or those of the built-in preset it names (validate() has replaced the name of any
        preset, a pack's too, by its columns); InputError for the name of another preset."""
        if not isinstance(self.cot, str):
            return self.cot
        if self.cot in builtin_presets():
            return builtin_presets()[self.cot]
        message, hint = unknown_preset(self.cot, builtin_presets())
        raise InputError([Problem(message, key="cot", hint=hint)])

    @property
    def groups(self) -> tuple[Nhom, ...]:
        """The groups, loose rows first as an unnamed group."""
        return ((Nhom(dong=self.dong),) if self.dong else ()) + self.nhom


class Bang(BangSo):
    """A table among the paragraphs of a part: an optional caption above, an optional unit line."""

    ten: Text | None = Field(None, description="tên bảng, in đậm, giữa, trên bảng: Bảng 1. Kết quả giải quyết hồ sơ")
    don_vi: Text | None = Field(None, description="dòng đơn vị tính, in nghiêng, bên phải: Đơn vị tính: hồ sơ")


class KhoiBang(Model):
    """A table as one block of a part's paragraphs: `- bang: {…}`."""

    bang: Bang


def _block_kind(value: Any) -> str:
    return "[bang]" if isinstance(value, KhoiBang) or isinstance(value, dict) and "bang" in value else "[doan]"


# A paragraph, or a table (a mapping with `bang`); union members are told apart before validation, so an
# error names one of them. Tags hold `[`: error locations leave them out, as they do pydantic's own members.
Block = Annotated[Annotated[Text, Tag("[doan]")] | Annotated[KhoiBang, Tag("[bang]")], Discriminator(_block_kind)]
Blocks = Annotated[tuple[Block, ...],
                   BeforeValidator(_as_list, json_schema_input_type=str | tuple[str | KhoiBang, ...])]


class Muc(Model):
    """A part of the body; its depth gives its label (I. → 1. → a))."""

    tieu_de: Text | None = Field(None, description="đề mục; cấp I viết hoa; không có: đoạn văn được đánh số")
    doan: Blocks = Field((), description="các đoạn văn của phần này (`**đậm**`, `*nghiêng*`), "
                                         "và các bảng đặt giữa chúng: `- bang: {ten, don_vi, cot, dong …}`")
    muc: tuple[Part, ...] = Field((), description="các phần con (cấp sau: I. → 1. → a)); một chuỗi là một đoạn "
                                                   "được đánh số")
    so: PartLabel | None = Field(None, description="false: không đánh số; chuỗi: nhãn ép buộc, in đúng như viết, "
                                                      "ví dụ \"III\", \"1.1.\"")
    cung_dong: Bool = Field(False, description="true: đề mục và đoạn đầu in liền một dòng "
                                               "(1.4. Lộ trình thực hiện: Năm 2025 - 2026.)")


def _scheme(base: numbering.Scheme, cap: tuple[str, ...], parts: tuple[Muc, ...]) -> numbering.Scheme:
    """`base`, or the levels `cap` chooses; when none are chosen, fitted to whether the parts have titles."""
    if cap:
        return numbering.chosen(base, cap)
    return numbering.fitted(base, any(p.tieu_de is not None for p in parts) or not parts)


# A part where parts are listed (noi_dung, muc, dieu): a mapping, or a string for a numbered paragraph.
Part = Annotated[Muc, BeforeValidator(_as_part, json_schema_input_type=str | Muc)]


def child_levels(levels: numbering.Scheme, depth: int, part: Muc) -> numbering.Scheme:
    """The levels the children of `part` (at `depth`, 0 outermost) are numbered with: `levels`, but for a Chương
    divided into Điều directly where the levels put Mục under the Chương (a Quy chế's Chương I of general rules
    beside Chương divided into Mục), which skips the Mục level. Its children are Mục when each holds parts, all
    of them titled (the Điều), and no paragraph of its own; an Điều holds khoản, and any untitled one, none at
    all, or a paragraph before them makes it an Điều."""
    if (numbering.level(levels, depth).style, numbering.level(levels, depth + 1).style) != ("Chương", "Mục") \
            or depth + 2 >= len(levels):
        return levels
    if part.muc and all(child.muc and not child.doan and all(c.tieu_de is not None for c in child.muc)
                        for child in part.muc):
        return levels
    return (*levels[:depth + 1], *levels[depth + 2:])


class PhuLuc(BangSo):
    """An appendix (phụ lục): a table, a content tree like the body's (tables among its paragraphs), or both."""

    tieu_de: Text
    cot: Columns | None = Field(  # type: ignore[assignment]  # optional here: a phụ lục may have no table
        None, description="bảng của phụ lục: danh sách cột, hoặc tên mẫu cột "
                                                                 "(có sẵn: " + ", ".join(presets.PRESETS)
                                                                 + "; hoặc trong pack.yaml); không có: phụ lục chỉ có "
                                                                   "nội dung")
    noi_dung: tuple[Part, ...] = Field((), description="nội dung của phụ lục, như thân văn bản (đề mục, đoạn, bảng); "
                                                      "in trước bảng của phụ lục")
    huong: Literal["doc", "ngang"] | None = Field(None, description="trang dọc hay ngang; mặc định ngang khi phụ lục "
                                                                    "có bảng rộng, dọc khi chỉ có văn bản")

    @property
    def scheme(self) -> numbering.Scheme:
        """The levels its content is numbered with, as a body's (VanBan.scheme)."""
        return _scheme(numbering.PLAN_LEVELS, self.danh_so.cap, self.noi_dung)

    @property
    def landscape(self) -> bool:
        """Whether it prints on landscape pages: as its `huong` says, else when it has a table of its own, or
        among its content a table naming a preset (the plans' wide tables, however few their columns) or of more
        than WIDE columns. validate() sets `huong` to this before it replaces preset names by their columns; the
        importer writes `huong` only where the page it read differs from this."""
        if self.huong is not None:
            return self.huong == "ngang"
        return self.cot is not None or any(isinstance(b.cot, str) or len(b.cot) > WIDE
                                           for _, b in body_tables(self.noi_dung, ()))


WIDE = 5  # a table of more columns than this (after Số TT) turns its phụ lục's page to landscape


@cache
def builtin_presets() -> dict[str, tuple[Cot, ...]]:
    """The built-in column presets as columns (validated on first use: a validator built at import costs start-up)."""
    return {name: tuple(Cot(khoa=k, ten=t, rong=r) for k, t, r in columns) for name, columns in presets.PRESETS.items()}


Presets = Mapping[str, tuple[Cot, ...]]


class KyBaoCao(Model):
    """The period a report's figures cover."""

    tu: Date = Field(description="ngày đầu kỳ, ví dụ 2020-12-01")
    den: Date = Field(description="ngày cuối kỳ, ví dụ 2021-11-15")
    hien_thi: Bool = Field(True, description="false: không in dòng (số liệu tính từ … đến …) dưới trích yếu")


_STATUS_SCHEMA = {"enum": list(presets.STATUS)}


def _status(value: Any) -> Any:
    if isinstance(value, str) and value not in presets.STATUS:
        raise PydanticCustomError("cchc", "tình trạng `{value}` không hợp lệ",
                                  {"value": value, "hint": did_you_mean(
                                      value, presets.STATUS, "chọn một trong: " + ", ".join(presets.STATUS))})
    return value


class KetQua(Model):
    """What a report says of one task of its plan; `ma: hoan_thanh` is short for `{tinh_trang: hoan_thanh}`."""

    tinh_trang: Annotated[str, BeforeValidator(_status), WithJsonSchema(_STATUS_SCHEMA)]
    ket_qua: Lines = Field((), description="kết quả thực hiện; danh sách: mỗi phần tử một dòng")

    @model_validator(mode="before")
    @classmethod
    def _short(cls, value: Any) -> Any:
        return {"tinh_trang": value} if isinstance(value, str) else value


# A result as written: the state alone, or {tinh_trang, ket_qua}.
_KET_QUA_SCHEMA = {"anyOf": [_STATUS_SCHEMA, {
    "type": "object", "required": ["tinh_trang"], "additionalProperties": False,
    "properties": {"tinh_trang": _STATUS_SCHEMA, "ket_qua": {
        "anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}}}]}

Figures = Annotated[dict[str, Any], BeforeValidator(_figures), WithJsonSchema({
    "type": "object", "additionalProperties": {"anyOf": [{"type": "number"}, {"type": "string"}, {"type": "object"},
                                                         {"type": "array", "items": {"type": ["number", "string"]}}]}})]


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
    do_mat: Literal["mat", "toi_mat", "tuyet_mat"] | None = Field(None, description="độ mật (ô 10a): MẬT, TỐI MẬT, "
                                                                                     "TUYỆT MẬT")
    do_khan: Literal["khan", "thuong_khan", "hoa_toc"] | None = Field(None, description="độ khẩn (ô 10b)")
    kinh_gui: Lines = Field((), description="khối Kính gửi: một nơi, hoặc danh sách")
    trich_yeu: Lines = Field(description="trích yếu nội dung (ô 5a); danh sách: mỗi phần tử một dòng")
    don_vi_soan: Text | None = Field(None, description="công văn: đơn vị soạn thảo, phần sau của ký hiệu "
                                                       "(06/VPUBND-KSTTHC)")
    tham_quyen: Text | None = Field(None, description="quyết định: dòng thẩm quyền, "
                                                      "ví dụ CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")
    can_cu: Lines = Field((), description="quyết định: các căn cứ ban hành (thêm `Căn cứ`, `;` và `.`)")
    theo_de_nghi: Text | None = Field(None, description="quyết định: cơ quan đề nghị, sau `Theo đề nghị của`; "
                                                         "hoặc cả câu `Theo đề xuất của …`, `Xét đề nghị của …`")
    dieu: tuple[Part, ...] = Field((), description="quyết định: các Điều; chuỗi hoặc {tieu_de, doan, muc}")
    thoi_gian_bat_dau: Text | None = Field(None, description="biên bản: sau `Thời gian bắt đầu:`, ví dụ "
                                                              "08 giờ 00 phút, ngày 15 tháng 10 năm 2024")
    dia_diem: Text | None = Field(None, description="biên bản: sau `Địa điểm:`")
    thanh_phan: Lines = Field((), description="biên bản: sau `Thành phần tham dự:`; danh sách: mỗi phần tử "
                                              "một đoạn dưới dòng đó")
    chu_tri: Text | None = Field(None, description="biên bản: sau `Chủ trì (chủ toạ):`")
    thu_ky: Text | None = Field(None, description="biên bản: sau `Thư ký (người ghi biên bản):`")
    mo_dau: Lines = Field((), description="các đoạn mở đầu trước phần được đánh số")
    noi_dung: tuple[Part, ...] = Field((), description="thân văn bản: danh sách các phần, đánh số theo cấp; một "
                                                       "chuỗi là một đoạn được đánh số")
    ket_thuc: Lines = Field((), description="các đoạn kết thúc sau phần được đánh số")
    noi_nhan: Lines = Field((), description="nơi nhận (ô 9b); \"- \" và \";\" được thêm tự động")
    luu: Text = Field(description="dòng cuối nơi nhận: `- Lưu: VT, …`")
    nguoi_ky: NguoiKy = Field(description="người ký (ô 7); biên bản: người ký bên phải (chủ tọa)")
    nguoi_cung_ky: NguoiKy | None = Field(None, description="biên bản: người ký bên trái, ngang hàng với nguoi_ky "
                                                            "(thư ký; hoặc đại diện bên kia, ghi vai_tro)")
    nguoi_soan: Text | None = Field(None, description="ký hiệu người đánh máy và số bản (ô 12), ví dụ PL.(300)")
    danh_so: DanhSo = Field(DanhSo.model_construct(), description="cách đánh số thân văn bản")
    phu_luc: tuple[PhuLuc, ...] = Field((), description="các phụ lục (bảng), mỗi phụ lục một trang ngang riêng")
    kem_theo: Annotated[Any, WithJsonSchema({"anyOf": [{"type": "string"}, {"type": "object"}]})] = Field(
        None, description="quyết định (Mẫu 1.3): văn bản ban hành kèm theo, đường dẫn hoặc khối khóa; "
                          "kế thừa tiêu đề, ngày và người ký của quyết định")
    chu_thich: dict[Annotated[str, Field(pattern=r"^[0-9]{1,4}$")], Text] = Field(
        default_factory=dict, description="chú thích cuối trang: số → lời chú thích; trong văn bản ghi `[^1]` "
                                          "ở chỗ đặt dấu chú thích")
    so_lieu: Figures = Field(default_factory=dict, description="số liệu (số, lồng nhau tùy ý) dùng trong {{ … }}")
    ky_bao_cao: KyBaoCao | None = Field(None, description="kỳ báo cáo: {tu, den, hien_thi}")
    ke_hoach: Text | None = Field(None, description="kế hoạch mà báo cáo trả lời: đường dẫn tính từ thư mục của tệp")
    ket_qua: dict[str, Annotated[KetQua, WithJsonSchema(_KET_QUA_SCHEMA)]] = Field(
        default_factory=dict, description="kết quả từng nhiệm vụ của kế hoạch, theo mã")
    phu_luc_ket_qua: ResultsTitle = Field(False, description="true hoặc tiêu đề: thêm phụ lục kết quả các nhiệm vụ")
    du_thao: Bool = Field(False, description="true: bản nháp, được để lại chỗ cần điền `(… )`; "
                                             "không có: mọi chỗ `(… )` còn lại là lỗi")

    @property
    def type(self) -> decree.DocType:
        return decree.TYPES[self.loai]

    @property
    def printed_trich_yeu(self) -> list[str]:
        """The trích yếu as printed under the tên loại: without that name typed at its head too (what templates,
        expressions and other documents citing this one see)."""
        return punctuation.untitled(self.trich_yeu, self.type.name)

    @property
    def layout(self) -> decree.Layout:
        return decree.LAYOUTS[self.type.mau]

    def scheme(self, key: str) -> numbering.Scheme:
        """The levels body `key` (noi_dung, dieu) is numbered with: its layout's, or those `danh_so.cap` chooses;
        a body of numbered paragraphs alone begins at `1.` (numbering.fitted)."""
        parts = getattr(self, key)
        return _scheme(self.layout.scheme(key), self.danh_so.cap, parts)


def all_tables(doc: VanBan) -> list[tuple[Path_, BangSo]]:
    """Every table of `doc` with where it is: each phụ lục's own, those among its content, those of the body."""
    tables: list[tuple[Path_, BangSo]] = []
    for t, pl in enumerate(doc.phu_luc):
        if pl.cot is not None:
            tables.append((("phu_luc", t), pl))
        tables += body_tables(pl.noi_dung, ("phu_luc", t, "noi_dung"))
    return tables + [t for key in numbering.BODIES for t in body_tables(getattr(doc, key), (key,))]


def body_tables(parts: tuple[Muc, ...], path: Path_) -> list[tuple[Path_, Bang]]:
    """The tables among the paragraphs of `parts` and their children, with where each is."""
    out: list[tuple[Path_, Bang]] = []
    for i, part in enumerate(parts):
        out += [((*path, i, "doan", k, "bang"), b.bang) for k, b in enumerate(part.doan) if isinstance(b, KhoiBang)]
        out += body_tables(part.muc, (*path, i, "muc"))
    return out


B = TypeVar("B", bound=BangSo)


def _preset(table: B, known: Presets) -> B:
    """`table` with the columns of the preset its `cot` names, when it names one of `known`."""
    if isinstance(table.cot, str) and table.cot in known:
        return table.model_copy(update={"cot": known[table.cot]})
    return table


def _parts_preset(parts: tuple[Muc, ...], known: Presets) -> tuple[Muc, ...]:
    """`parts` with `_preset` applied to the tables among their paragraphs and their children's."""
    return tuple(part.model_copy(update={
        "doan": tuple(KhoiBang(bang=_preset(b.bang, known)) if isinstance(b, KhoiBang) else b for b in part.doan),
        "muc": _parts_preset(part.muc, known)}) for part in parts)


def known_presets(columns: Presets | None) -> Presets:
    """The column presets a document may name: the built-in ones and a pack's `columns` (which win)."""
    return {**builtin_presets(), **(columns or {})}


def with_presets(doc: VanBan, known: Presets) -> VanBan:
    """`doc` and the document it issues with every table's preset name (`cot: ke_hoach_8_cot`) replaced by the
    columns of the preset of `known` it names. Each phụ lục's `huong` is set first to its orientation
    (PhuLuc.landscape), which a preset's columns no longer tell once they replace its name."""
    appendices = tuple(_preset(pl, known).model_copy(update={
        "noi_dung": _parts_preset(pl.noi_dung, known), "huong": "ngang" if pl.landscape else "doc"})
        for pl in doc.phu_luc)
    bodies = {key: _parts_preset(getattr(doc, key), known) for key in numbering.BODIES}
    issued = with_presets(doc.kem_theo, known) if isinstance(doc.kem_theo, VanBan) else doc.kem_theo
    return doc.model_copy(update={"phu_luc": appendices, "kem_theo": issued, **bodies})


def unknown_preset(name: str, known: Presets) -> tuple[str, str | None]:
    """The message and hint for a table naming `name`, a preset not among `known`."""
    return f"không có mẫu cột `{name}`", did_you_mean(name, known, "các mẫu: " + ", ".join(known))


MERGES = ("gop", "gop_tren")  # a row's merged cells: across its columns, and with the cells of the row above


def merge_columns(row: dict[str, Any], keys: list[str], key: str) -> tuple[str, ...]:
    """The columns a row's `gop` or `gop_tren` names (none when a column has that key: then it is a cell); one
    written alone, a number too (`gop: 5`), is a list of one."""
    value = None if key in keys else row.get(key)
    return tuple(value) if isinstance(value, list | tuple) else () if value is None else (value,)
