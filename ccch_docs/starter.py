"""`init`: a commented starter document of one type that inherits a unit profile and validates as written."""

from __future__ import annotations

import datetime
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import api, decree, packs, schemas, source
from .decree import signers
from .errors import InputError, Problem, did_you_mean
from .messages import KINDS_HINT
from .model import UNKNOWN_LOAI
from .yamlio import dump_yaml, plain_data

# The numbered body a starter gets, per type: level-I titles, each with its level-1 titles.
BODIES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "ke_hoach": (("MỤC ĐÍCH, YÊU CẦU", ("Mục đích", "Yêu cầu")), ("NHIỆM VỤ, GIẢI PHÁP", ("Nhiệm vụ thứ nhất",)),
                 ("TỔ CHỨC THỰC HIỆN", ())),
    "bao_cao": (("KẾT QUẢ THỰC HIỆN", ("Kết quả thứ nhất",)), ("ĐÁNH GIÁ CHUNG", ("Ưu điểm", "Hạn chế, nguyên nhân")),
                ("PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", ()), ("KIẾN NGHỊ, ĐỀ XUẤT", ())),
    "to_trinh": (("SỰ CẦN THIẾT", ()), ("NỘI DUNG ĐỀ NGHỊ", ())),
}
GENERIC_BODY = (("NỘI DUNG", ()),)

# Keys a unit profile usually holds: (key, YAML lines when neither the profile nor the pack gives them, comment).
UNIT_KEYS = (
    ("co_quan", ["co_quan:", "  ten: [ỦY BAN NHÂN DÂN, (XÃ HAY HUYỆN VÀ TÊN …)]", "  viet_tat: UBND"],
     "cơ quan ban hành (ô 2): ten in hoa, mỗi phần tử một dòng; viet_tat dùng trong ký hiệu"),
    ("dia_danh", ["dia_danh: (địa danh …)"], "địa danh trước ngày tháng (ô 4)"),
    ("nguoi_ky", ["nguoi_ky:", "  tm: ỦY BAN NHÂN DÂN", "  chuc_vu: CHỦ TỊCH", "  ho_ten: (họ và tên …)"],
     "người ký (ô 7): tm/kt/tl/tuq/q nếu ký thay, chuc_vu, ho_ten"),
    ("luu", ["luu: VT"], "dòng cuối nơi nhận: `- Lưu: VT.`"),
)
LETTERHEAD = ("# Tiêu đề và người ký của đơn vị: ghi một lần trong hồ sơ đơn vị (`python -m ccch_docs don-vi …`),",
              "# rồi thay các khóa dưới đây bằng một dòng `ke_thua: don-vi/….yaml`.")


# What makes a type useful, shown in its starter: (YAML line, comment; "" for none), after the body.
EXTRAS: dict[str, tuple[tuple[str, str], ...]] = {
    "ke_hoach": (
        ("phu_luc:", "bảng phụ lục, trang ngang; các khóa cột: `python -m ccch_docs templates cot`"),
        ("  - tieu_de: (tên phụ lục …)", ""),
        ("    cot: ke_hoach_8_cot", "mẫu cột (ke_hoach_8_cot, ke_hoach_6_cot) hoặc danh sách {khoa, ten, rong}"),
        ("    tong_cong: true", "dòng tổng cột kinh_phi (3.000.000, 1,5 hay `Theo Đề án` đều được)"),
        ("    nhom:", "các nhóm nhiệm vụ: 1., 2. …; dòng a), b) …"),
        ("      - ten: (nhóm nhiệm vụ …)", ""),
        ("        dong:", ""),
        ("          - ma: nv-1", "mã ổn định của nhiệm vụ: báo cáo trả lời theo mã"),
        ("            noi_dung: (nhiệm vụ …)", ""),
        ("            chu_tri: (cơ quan chủ trì …)", ""),
        ("            thoi_gian: (thời gian …)", ""),
        ("            kinh_phi: 10.000.000", ""),
    ),
    "bao_cao": (
        ("so_lieu:", "số liệu, dùng trong đoạn văn: {{ so_lieu.ho_so.tiep_nhan | so }}, {{ ti_le(a, b) }}"),
        ("  ho_so: {tiep_nhan: 0, dung_han: 0}", ""),
        ("# ke_hoach: ke-hoach.yaml", "kế hoạch mà báo cáo trả lời: {{ ke_hoach.trich_dan }}, {{ nhiem_vu.tong }}"),
        ("# ket_qua:", "kết quả từng nhiệm vụ của kế hoạch, theo mã"),
        ("#   nv-1: {tinh_trang: hoan_thanh, ket_qua: (kết quả …)}", ""),
        ("# phu_luc_ket_qua: true", "thêm phụ lục kết quả các nhiệm vụ"),
    ),
}
# The first paragraph of a type's body, when it shows its figures.
FIRST_PARAGRAPH = {"bao_cao": "- Tiếp nhận {{ so_lieu.ho_so.tiep_nhan | so }} hồ sơ, giải quyết đúng hạn "
                              "{{ ti_le(so_lieu.ho_so.dung_han, so_lieu.ho_so.tiep_nhan) }}; (kết quả …)"}


def _q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text, ensure_ascii=False)


def _rel(path: Path, folder: Path) -> str:
    """`path` relative to `folder` when close by, else absolute."""
    rel = Path(os.path.relpath(path.resolve(), folder.resolve()))
    if rel.parts[:3] != ("..",) * 3:
        return rel.as_posix()
    return path.resolve().as_posix()


def _line(yaml: str, comment: str) -> str:
    """A YAML line with its comment aligned."""
    return f"{yaml:<25} # {comment}"


def _body(loai: str, layout: decree.Layout) -> list[str]:
    labels = " → ".join(level.style for level in layout.levels)
    out = [_line("noi_dung:", "thân văn bản: mỗi phần có tieu_de, doan (các đoạn), muc (phần con);"),
           _line("", f"số {labels} tự đánh theo cấp; `**đậm**`, `*nghiêng*` trong đoạn")]
    first = FIRST_PARAGRAPH.get(loai, "- (nội dung …)")
    for title, children in BODIES.get(loai, GENERIC_BODY):
        out.append(f"  - tieu_de: {title}")
        if children:
            out.append("    muc:")
            for child in children:
                out += [f"      - tieu_de: {child}", "        doan:", f"          - {_q(first)}"]
                first = "- (nội dung …)"
        else:
            out += ["    doan:", f"      - {_q('(nội dung …)')}"]
    return out


def _lines(pairs: Sequence[tuple[str, str]]) -> list[str]:
    return [_line(yaml, comment) if comment else yaml for yaml, comment in pairs]


def _content(layout: decree.Layout, loai: str, tham_quyen: str | None) -> list[str]:
    """What a starter of type `loai` holds between its trích yếu and its Nơi nhận: its layout's own keys
    (the authority line taken from the profile), then the numbered body unless the layout has no place for it,
    then what makes the type useful (a plan's phụ lục, a report's figures)."""
    own = [(f"tham_quyen: {tham_quyen}" if tham_quyen and y.startswith("tham_quyen:") else y, c)
           for y, c in layout.starter]
    extras = _lines(EXTRAS.get(loai, ()))
    if any(line.startswith("so_lieu:") for line in extras):  # a report: its period first
        today = datetime.date.today()
        extras.insert(0, _line(f"ky_bao_cao: {{tu: 01/01/{today.year}, den: {today:%d/%m/%Y}}}",
                               "kỳ báo cáo: in dòng (số liệu tính từ … đến …)"))
    if "noi_dung" in layout.without:
        return _lines(own)
    return [*_lines(own),
            _line("mo_dau: >-", "đoạn mở đầu (một chuỗi, hoặc danh sách nhiều đoạn)"),
            "  (căn cứ, mục đích của văn bản …)",
            *_body(loai, layout),
            _line("ket_thuc: (kết thúc …)./.", "đoạn sau phần được đánh số"),
            *extras]


SCHEMA = next(iter(schemas.FILES))  # cchc.schema.json: written beside the starter, named relative to it


def text(loai: str, profile: Path | None = None, output: Path | None = None,
         templates: Sequence[Path] | None = None) -> str:
    """The starter file for type `loai`, inheriting `profile` or with a letterhead to fill, written for `output`
    (paths relative to its folder). Its placeholders `(… )` are checked as a draft: validation names each one left."""
    if loai not in decree.TYPES:  # named as the option given, not as a line of the starter
        raise InputError([Problem(UNKNOWN_LOAI.format(value=loai), f"--loai {loai}", hint=did_you_mean(
            loai, decree.TYPES, KINDS_HINT.format(kinds=", ".join(decree.TYPES))))])
    folder = (output.parent if output else Path.cwd())
    profile_src = source.load_path(profile) if profile else source.load_mapping({}, "<init>", folder)
    found, defaults = packs.template_set(profile_src, templates)
    merged = {**(defaults.data if defaults else {}), **profile_src.data}
    kind = decree.TYPES[loai]
    layout = decree.LAYOUTS[kind.mau]
    name = kind.name.capitalize() if kind.name else "Văn bản"
    found.find(layout.template)  # a type whose template is not on the path yet cannot be rendered
    co_quan, signer = merged.get("co_quan"), merged.get("nguoi_ky")
    tham_quyen = signers.authority(_as_list(co_quan.get("ten")), signer) \
        if isinstance(co_quan, dict) and isinstance(signer, dict) else None
    today = datetime.date.today()
    kinh_gui = "" if kind.addressed else "# "  # uncommented for a type that usually has one
    lines = [
        f"# yaml-language-server: $schema={SCHEMA}",
        f"# {name}: tệp khởi đầu do `python -m ccch_docs init` tạo. Thay mọi chỗ `(… )` bằng nội dung thật, giữ",
        "# nguyên tên khóa; `python -m ccch_docs validate TỆP.yaml` chỉ ra chỗ còn thiếu (hoặc thêm `du_thao: true`",
        "# để dựng bản nháp); dựng bằng `python -m ccch_docs render TỆP.yaml`.",
        "",
        *([_line(f"ke_thua: {_rel(profile, folder)}", "hồ sơ đơn vị: gộp vào trước, tệp này được ưu tiên")]
          if profile else []),
        _line(f"loai: {loai}", "loại văn bản (Phụ lục III): cho tên loại và chữ viết tắt trong ký hiệu"),
        _line("# so: 1", "số văn bản: bỏ trống đến khi văn thư cấp số (in `Số:      /…`)"),
        _line(f'ngay: "{today:%Y-%m}"', f"ngày ban hành: {today:%d/%m/%Y}; \"{today:%Y-%m}\": để trống ngày; "
                                        "bỏ khóa: để trống cả"),
        _line("# do_mat: mat", "độ mật (ô 10a): mat | toi_mat | tuyet_mat"),
        _line("# do_khan: khan", "độ khẩn: khan | thuong_khan | hoa_toc"),
        *([] if "kinh_gui" in layout.without else [_line(kinh_gui + "kinh_gui: (nơi nhận …)",
                                                         "Kính gửi: một nơi, hoặc danh sách")]),
        _line("trich_yeu: (trích yếu …)", "trích yếu (ô 5a); danh sách: mỗi phần tử một dòng"),
        *_content(layout, loai, tham_quyen),
        _line("noi_nhan:", "nơi nhận (ô 9b): `- ` và `;` được thêm tự động"),
        "  - (nơi nhận …)",
        _line("# nguoi_soan: ABC.(05)", "ô 12: ký hiệu người đánh máy và số bản phát hành"),
    ]
    inherited = [key for key in signers.SPEAKING_FOR if layout.roles and isinstance(signer, dict) and signer.get(key)]
    if inherited:  # a biên bản's signers sign in their own name: the profile's TM., KT. … lines are taken off
        lines += [_line("nguoi_ky:", "biên bản: người ký ký tên mình, bỏ dòng ký thay của hồ sơ đơn vị"),
                  *(f"  {key}: null" for key in inherited)]
    own = [(key, yaml_lines, comment) for key, yaml_lines, comment in UNIT_KEYS if key not in merged]
    lines += [f"# {key}: có trong hồ sơ đơn vị hoặc bộ mẫu; ghi ở đây để thay. {comment}"
              for key, _, comment in UNIT_KEYS if key in merged]
    if own:
        lines += ["", *LETTERHEAD] if not profile else []
        for _, yaml_lines, comment in own:
            lines += [_line(yaml_lines[0], comment), *yaml_lines[1:]]
    result = "\n".join(lines) + "\n"
    api.loads(result + "du_thao: true\n", name=str(output or "<init>"), base_dir=folder, templates=templates)
    return result


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)] if value else []


# A unit profile's answers (command-line option names with `_`), the required ones, and where each goes.
PROFILE_KEYS = ("ten", "chu_quan", "viet_tat", "dia_danh", "tm", "kt", "chuc_vu", "ho_ten", "luu", "mau")
PROFILE_REQUIRED = ("ten", "viet_tat", "dia_danh", "chuc_vu", "ho_ten")
_PLACES = {"ten": ("co_quan", "ten"), "chu_quan": ("co_quan", "chu_quan"), "viet_tat": ("co_quan", "viet_tat"),
           "tm": ("nguoi_ky", "tm"), "kt": ("nguoi_ky", "kt"), "chuc_vu": ("nguoi_ky", "chuc_vu"),
           "ho_ten": ("nguoi_ky", "ho_ten")}


def profile_text(answers: dict[str, object], output: Path, templates: Sequence[Path] | None = None) -> str:
    """A unit profile from `answers`, checked to give a valid document before it is written."""
    data: dict[str, Any] = {"mau": answers["mau"]} if answers.get("mau") else {}
    for key in PROFILE_KEYS:
        if key in answers and key in _PLACES:
            block, field = _PLACES[key]
            data.setdefault(block, {})[field] = answers[key]
    data.update({"dia_danh": answers["dia_danh"], "luu": answers.get("luu") or "VT"})
    data = plain_data(data, str(output))  # typed or pasted answers, as any input: checked, in NFC
    text = "\n".join(["# Hồ sơ đơn vị: văn bản kế thừa bằng `ke_thua: <tệp này>`; tạo văn bản bằng",
                      f"# `python -m ccch_docs init --loai ke_hoach --don-vi {output.as_posix()} -o ke-hoach.yaml`.",
                      dump_yaml(data)])
    probe = {"ke_thua": output.name, "loai": "ke_hoach", "trich_yeu": "Hồ sơ đơn vị"}
    api.loads(dump_yaml(data | {k: v for k, v in probe.items() if k != "ke_thua"}), name=str(output),
              base_dir=output.parent, templates=templates)
    return text
