"""pack.yaml: a pack's settings (size pairing, fixed wording, Nơi nhận lines, column presets, document defaults)."""

from __future__ import annotations

from functools import partial
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, Field, create_model
from pydantic_core import PydanticCustomError

from .decree import wording
from .errors import InputError, did_you_mean, ordered
from .model import Cot, Key, Lines, Model, Text, VanBan
from .source import Source
from .validation import check

# Document keys a pack may give defaults for: all but the pack choice itself.
LINKS = ("kem_theo", "ke_hoach")  # files a document names: never a pack's default (they would resolve outside it)
DEFAULTABLE = tuple(k for k in VanBan.model_fields if k != "mau" and k not in LINKS)


def _slots(key: str, text: str) -> str:
    """A pack's wording may use only the `{…}` slots of the phrase it replaces: other braces would be printed."""
    default = wording.PHRASES[key].text
    unknown = wording.strays(text, default)
    if unknown:
        usable = ", ".join(f"{{{x}}}" for x in sorted(wording.slots(default))) or "không có"
        raise PydanticCustomError("cchc", "chỗ trống {unknown} không có trong câu chữ này",
                                  {"unknown": ", ".join(f"`{x}`" for x in unknown),
                                   "hint": f"dùng được: {usable}; mặc định: {default}"})
    return text


# One key per phrase of decree.wording that a pack may override, defaulting to the decree's wording.
_PHRASE_FIELDS: dict[str, Any] = {
    key: (Annotated[Text, AfterValidator(partial(_slots, key))],
          Field(wording.PHRASES[key].text, description=wording.PHRASES[key].note))
    for key in wording.OVERRIDABLE}
_Phrases = create_model("_Phrases", __base__=Model, __module__=__name__, **_PHRASE_FIELDS)


class TuNgu(_Phrases):
    """Fixed wording printed in documents that a pack may change."""


class NoiNhan(Model):
    """Nơi nhận lines every document of the pack gets, around its own."""

    dau: Lines = Field((), description="các dòng đặt trước nơi nhận của văn bản, ví dụ Như trên")
    cuoi: Lines = Field((), description="các dòng đặt sau nơi nhận của văn bản, trước dòng Lưu")


def _distinct(columns: tuple[Cot, ...]) -> tuple[Cot, ...]:
    keys = [c.khoa for c in columns]
    if not keys or len(set(keys)) != len(keys):
        raise ValueError("mẫu cột phải có ít nhất một cột và các khoa không trùng nhau")
    return columns


Columns = Annotated[tuple[Cot, ...], AfterValidator(_distinct)]


class Pack(Model):
    """The settings of a template pack; every key is optional."""

    ten: Text | None = Field(None, description="tên bộ mẫu, để người dùng nhận ra, ví dụ Bộ mẫu tỉnh Đồng Tháp")
    co_chu: Literal["12/13", "13/14"] | None = Field(
        None, description="cặp cỡ chữ Quốc hiệu / Tiêu ngữ (và dòng địa danh, ngày); mặc định theo tệp mẫu")
    tu_ngu: TuNgu = Field(TuNgu.model_construct(), description="các chữ cố định in trên văn bản")
    noi_nhan: NoiNhan = Field(NoiNhan.model_construct(), description="các dòng nơi nhận thêm vào mọi văn bản")
    cot: dict[Key, Columns] = Field({}, description="mẫu cột phụ lục: tên mẫu → danh sách cột")
    mac_dinh: dict[str, Any] = Field({}, description="giá trị mặc định cho các khóa của văn bản (gộp sâu; văn bản và "
                                                     "tệp ke_thua được ưu tiên), ví dụ luu, dia_danh, co_quan.dia_chi")

    @property
    def words(self) -> wording.Words:
        """The wording of the pack's documents: the decree's, with the pack's `tu_ngu`."""
        return wording.words(dict(self.tu_ngu))

    @property
    def sizes(self) -> tuple[float, float] | None:
        """The size pairing as numbers, e.g. (12.0, 13.0)."""
        if self.co_chu is None:
            return None
        small, large = self.co_chu.split("/")
        return float(small), float(large)


# The settings of a pack without pack.yaml. Defaults are the models' own, never validated (as pydantic treats them):
# built so, they cost no validator at start-up.
DEFAULT_PACK = Pack.model_construct()


def read(src: Source) -> Pack:
    """Validate merged pack.yaml data, or raise InputError placing each problem in its pack.yaml."""
    pack, problems = check(Pack, src)
    problems = list(src.extra) + problems
    defaults = src.data.get("mac_dinh")
    for key in defaults if isinstance(defaults, dict) else ():
        if key == "mau":
            problems.append(src.problem(("mac_dinh", key), "bộ mẫu không thể chọn bộ mẫu", "bỏ khóa này"))
        elif key in LINKS:
            problems.append(src.problem(("mac_dinh", key), "bộ mẫu không đặt sẵn tệp liên kết", "bỏ khóa này"))
        elif key not in DEFAULTABLE:
            problems.append(src.problem(("mac_dinh", key), "không phải khóa của văn bản",
                                        did_you_mean(key, DEFAULTABLE,
                                                     "các khóa được dùng: " + ", ".join(DEFAULTABLE))))
    if problems:
        raise InputError(ordered(problems))
    assert pack is not None
    return pack
