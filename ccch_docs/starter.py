"""`init`: a commented starter document of one type that inherits a unit profile and validates as written."""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from pathlib import Path

from . import api, decree, packs, schemas, source

# The numbered body a starter gets, per type: level-I titles, each with its level-1 titles.
BODIES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ke_hoach": (("MỤC ĐÍCH, YÊU CẦU", ("Mục đích", "Yêu cầu")), ("NHIỆM VỤ, GIẢI PHÁP", ("Nhiệm vụ thứ nhất",)),
                 ("TỔ CHỨC THỰC HIỆN", ())),
    "bao_cao": (("KẾT QUẢ THỰC HIỆN", ("Kết quả thứ nhất",)), ("ĐÁNH GIÁ CHUNG", ("Ưu điểm", "Hạn chế, nguyên nhân")),
                ("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ()), ("KIẾN NGHỊ, ĐỀ XUẤT", ())),
    "to_trinh": (("SỰ CẦN THIẾT", ()), ("NỘI DUNG ĐỀ NGHỊ", ())),
}
GENERIC_BODY = (("NỘI DUNG", ()),)

# Keys a unit profile usually holds: (key, YAML lines when the profile lacks them, comment).
UNIT_KEYS = (
    ("co_quan", ["co_quan:", "  ten: [ỦY BAN NHÂN DÂN, TỈNH …]", "  viet_tat: UBND"],
     "cơ quan ban hành (ô 2): ten in hoa, mỗi phần tử một dòng; viet_tat dùng trong ký hiệu"),
    ("dia_danh", ["dia_danh: …"], "địa danh trước ngày tháng (ô 4)"),
    ("nguoi_ky", ["nguoi_ky:", "  chuc_vu: CHỦ TỊCH", "  ho_ten: Nguyễn Văn A"],
     "người ký (ô 7): tm/kt/tl/tuq/q nếu ký thay, chuc_vu, ho_ten"),
    ("luu", ["luu: VT"], "dòng cuối nơi nhận: `- Lưu: VT.`"),
)


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def _rel(path: Path, folder: Path, uri: bool = False) -> str:
    """`path` relative to `folder` when close by, else absolute (as a file URI when `uri`)."""
    rel = Path(os.path.relpath(path.resolve(), folder.resolve()))
    if rel.parts[:3] != ("..",) * 3:
        return rel.as_posix()
    return path.resolve().as_uri() if uri else path.resolve().as_posix()


def _line(yaml: str, comment: str) -> str:
    """A YAML line with its comment aligned."""
    return f"{yaml:<25} # {comment}"


def _body(loai: str) -> list[str]:
    out = [_line("noi_dung:", "thân văn bản: mỗi phần có tieu_de, doan (các đoạn), muc (phần con);"),
           _line("", "số I. → 1. → a) tự đánh theo cấp; `**đậm**`, `*nghiêng*` trong đoạn")]
    for title, children in BODIES.get(loai, GENERIC_BODY):
        out.append(f"  - tieu_de: {title}")
        if children:
            out.append("    muc:")
            for child in children:
                out += [f"      - tieu_de: {child}", "        doan:", f"          - {_q('- (ghi nội dung)')}"]
        else:
            out += ["    doan:", f"      - {_q('(ghi nội dung)')}"]
    return out


def _content(layout: decree.Layout, loai: str) -> list[str]:
    """What a starter of type `loai` holds between its trích yếu and its Nơi nhận: its layout's own keys,
    then the numbered body unless the layout has no place for it."""
    own = [_line(yaml, comment) if comment else yaml for yaml, comment in layout.starter]
    if "noi_dung" in layout.without:
        return own
    return [*own,
            _line("mo_dau: >-", "đoạn mở đầu (một chuỗi, hoặc danh sách nhiều đoạn)"),
            "  (căn cứ, mục đích của văn bản)",
            *_body(loai),
            _line("ket_thuc: (kết thúc)./.", "đoạn sau phần được đánh số")]


def text(loai: str, profile: Path, output: Path | None = None, templates: Sequence[Path] | None = None) -> str:
    """The starter file for type `loai` inheriting `profile`, written for `output` (paths relative to its folder)."""
    folder = (output.parent if output else Path.cwd())
    profile_src = source.load_path(profile)
    found, defaults = packs.template_set(profile_src, templates)
    given = set(profile_src.data) | set(defaults.data if defaults else ())
    kind = decree.TYPES.get(loai)  # an unknown type is reported by the validation below
    layout = decree.LAYOUTS[kind.mau if kind else "van_ban"]
    name = kind.name.capitalize() if kind and kind.name else "Văn bản"
    if kind:
        found.find(layout.template)  # a type whose template is not on the path yet cannot be rendered
    today = datetime.date.today()
    schema = packs.shipped("schema") / next(iter(schemas.FILES))
    kinh_gui = "" if kind and kind.addressed else "# "  # uncommented for a type that usually has one
    lines = [
        f"# yaml-language-server: $schema={_rel(schema, folder, uri=True)}",
        f"# {name}: tệp khởi đầu do `python -m ccch_docs init` tạo. Sửa các giá trị, giữ nguyên tên khóa;",
        "# kiểm tra bằng `python -m ccch_docs validate TỆP.yaml`, dựng bằng `python -m ccch_docs render TỆP.yaml`.",
        "",
        _line(f"ke_thua: {_rel(profile, folder)}", "hồ sơ đơn vị: gộp vào trước, tệp này được ưu tiên"),
        _line(f"loai: {loai}", "loại văn bản (Phụ lục III): cho tên loại và chữ viết tắt trong ký hiệu"),
        _line("# so: 1", "số văn bản: bỏ trống đến khi văn thư cấp số (in `Số:      /…`)"),
        _line(f'ngay: "{today:%Y-%m}"', f'ngày ban hành: {today:%Y-%m-%d}; "{today:%Y-%m}": để trống ngày; '
                                        "bỏ khóa: để trống cả"),
        _line("# do_khan: khan", "độ khẩn: khan | thuong_khan | hoa_toc"),
        *([] if "kinh_gui" in layout.without else [_line(kinh_gui + "kinh_gui: (nơi nhận)",
                                                         "Kính gửi: một nơi, hoặc danh sách")]),
        _line("trich_yeu: (trích yếu)", "trích yếu (ô 5a); danh sách: mỗi phần tử một dòng"),
        *_content(layout, loai),
        _line("noi_nhan:", "nơi nhận (ô 9b): `- ` và `;` được thêm tự động"),
        "  - (nơi nhận)",
        _line("# nguoi_soan: ABC.(05)", "ô 12: ký hiệu người đánh máy và số bản phát hành"),
    ]
    for key, yaml_lines, comment in UNIT_KEYS:
        if key in given:
            lines.append(f"# {key}: có trong hồ sơ đơn vị hoặc bộ mẫu; ghi ở đây để thay. {comment}")
        else:
            lines += [_line(yaml_lines[0], comment), *yaml_lines[1:]]
    result = "\n".join(lines) + "\n"
    api.loads(result, name=str(output or "<init>"), base_dir=folder, templates=templates)
    return result
