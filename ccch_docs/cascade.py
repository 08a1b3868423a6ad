"""A unit's own plan from its parent's: the parent's tasks that name the unit, as a YAML skeleton to fill in.

A task names the unit when one of the unit texts occurs in its `chu_tri` or `phoi_hop` cell, compared
case-insensitively on NFC text with white space collapsed: "UBND cấp huyện" matches "Các sở, ngành
tỉnh, UBND cấp huyện, cấp xã" but not "UBND và Đài Truyền thanh cấp huyện" (give several texts then).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import source, yamlio
from .decree.citations import cite
from .errors import InputError, Problem
from .formats.text import one_line
from .model import CoQuan, PhuLuc, VanBan
from .report import Task, tasks

MATCHED_COLUMNS = ("chu_tri", "phoi_hop")
# Paragraphs the unit writes itself: shown in the skeleton so that nothing is forgotten.
TO_WRITE = {
    "muc_dich": "- (Mục đích, yêu cầu của Kế hoạch.)",
    "to_chuc": "(Phân công tổ chức thực hiện, chế độ báo cáo.)",
}
PLACEHOLDERS = {  # what a skeleton without a unit profile (`ke_thua`) needs to be a valid document
    "dia_danh": "Địa danh",
    "co_quan": {"ten": ["TÊN CƠ QUAN"], "viet_tat": "UBND"},
    "nguoi_ky": {"chuc_vu": "CHỨC VỤ", "ho_ten": "Họ và tên"},
}


def _flat(value: Any) -> str:
    """A cell as one text (a list cell's lines joined)."""
    return " ".join(value) if isinstance(value, list | tuple) else str(value or "")


def _folded(value: Any) -> str:
    return one_line(_flat(value)).casefold()


def names_unit(task: Task, units: Sequence[str]) -> bool:
    """Whether the task's lead or partner cell names one of `units`.

    >>> t = Task("a", "1.1", 1, "x", {"chu_tri": "Các sở, ngành tỉnh, UBND cấp huyện, cấp xã"}, ())
    >>> names_unit(t, ["ubnd CẤP  huyện"]), names_unit(t, ["UBND cấp xã"])
    (True, False)
    """
    cells = [_folded(task.dong.get(k)) for k in MATCHED_COLUMNS]
    return any(_folded(unit) in cell for unit in units for cell in cells)


def _year(plan: VanBan) -> str:
    found = re.search(r"năm (\d{4})", " ".join(plan.trich_yeu), re.IGNORECASE)
    return found.group(1) if found else str(plan.ngay.year or "")


def _about(plan: VanBan) -> str:
    """`về …` from the parent's trích yếu; left out when it is all capitals (its proper nouns are lost)."""
    subject = " ".join(plan.printed_trich_yeu)
    return "" if subject.isupper() else f" về {subject[:1].lower()}{subject[1:]}"


def _row(task: Task) -> dict[str, Any]:
    row = {k: list(v) if isinstance(v, tuple) else v for k, v in task.dong.items() if k != "ma"}
    return {"ma": task.ma, **row}


def _sentence(task: Task) -> str:
    """A task as a bullet of the body: `- Nội dung thực hiện.`"""
    return "- " + _flat(task.dong.get("noi_dung")).rstrip(" .;") + "."


def _grouped(chosen: list[Task]) -> list[tuple[int, str | None, list[Task]]]:
    """The chosen tasks by group, in the parent's order."""
    numbers = dict.fromkeys(t.nhom for t in chosen if t.nhom is not None)
    return [(n, next(t.ten_nhom for t in chosen if t.nhom == n), [t for t in chosen if t.nhom == n]) for n in numbers]


def _table(pl: PhuLuc, chosen: list[Task]) -> dict[str, Any]:
    """The parent's phụ lục cut down to the chosen rows, each keeping the parent's `ma` (its own labels restart)."""
    cot = pl.cot if isinstance(pl.cot, str) else [c.model_dump(exclude_defaults=True) for c in pl.cot or ()]
    out: dict[str, Any] = {"tieu_de": pl.tieu_de, "cot": cot,
                           "danh_so": {"nhom": pl.danh_so.nhom or "none", "dong": pl.row_style or "none"}}
    loose = [_row(t) for t in chosen if t.nhom is None]
    if loose:
        out["dong"] = loose
    groups = [({"ten": ten} if ten else {}) | {"dong": [_row(t) for t in members]}
              for _, ten, members in _grouped(chosen)]
    if groups:
        out["nhom"] = groups
    if pl.tong_cong:
        out["tong_cong"] = list(pl.tong_cong) if isinstance(pl.tong_cong, tuple) else pl.tong_cong
    return out


def skeleton(plan: VanBan, units: Sequence[str], name: str, profile: str | None = None) -> tuple[dict[str, Any], int]:
    """The unit's plan as input-format data, and how many tasks it took from `plan`.

    `name` is how the text names the unit; `profile` is the `ke_thua` path of the unit's profile,
    without which the header and signer are placeholders.
    """
    chosen = [t for t in tasks(plan) if names_unit(t, units)]
    year = _year(plan)
    title = f"Cải cách hành chính năm {year}" if year else "Cải cách hành chính"
    plan_name = f"Kế hoạch {title[:1].lower()}{title[1:]}"
    tasks_part: dict[str, Any] = {"tieu_de": "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"}
    loose = [_sentence(t) for t in chosen if t.nhom is None]
    if loose:
        tasks_part["doan"] = loose
    tasks_part["muc"] = [{"tieu_de": ten or f"Nhóm {n}", "doan": [_sentence(t) for t in members]}
                         for n, ten, members in _grouped(chosen)]
    data: dict[str, Any] = {"ke_thua": profile} if profile else dict(PLACEHOLDERS)
    data.update({
        "loai": "ke_hoach",
        "ngay": plan.ngay.year,  # a draft: the clerk writes the day and month at issuance
        "trich_yeu": [title, f"của {name}"],
        "mo_dau": f"Thực hiện {cite(plan, long_date=True)}{_about(plan)}, {name} xây dựng {plan_name} như sau:",
        "noi_dung": [
            {"tieu_de": "MỤC ĐÍCH, YÊU CẦU", "doan": [TO_WRITE["muc_dich"]]},
            tasks_part,
            {"tieu_de": "NHIỆM VỤ CỤ THỂ", "doan": "(Phụ lục đính kèm)"},
            {"tieu_de": "TỔ CHỨC THỰC HIỆN", "doan": [TO_WRITE["to_chuc"]]},
        ],
        "ket_thuc": f"Trên đây là {plan_name} của {name}./.",
        "noi_nhan": [plan.co_quan.goi],
        "luu": "VT",
        "phu_luc": [_table(pl, [c for c in chosen if c.where[:2] == ("phu_luc", t)])
                    for t, pl in enumerate(plan.phu_luc) if any(c.where[:2] == ("phu_luc", t) for c in chosen)],
    })
    return data, len(chosen)


def plan_text(plan: VanBan, units: Sequence[str], to: Path, profile: Path | str | None = None) -> str:
    """The skeleton as YAML text for the file `to`, headed by a comment naming its parent.

    `profile` (the unit's `ke_thua` file) gives the unit's name in the text and is cited relative to `to`.
    """
    units = [units] if isinstance(units, str) else list(units)  # one name given alone, not its letters
    if not units or not all(map(one_line, units)):  # an empty name is in every cell: every task would be taken
        raise InputError([Problem("--don-vi trống: cần tên đơn vị như ghi ở cột chủ trì hoặc phối hợp",
                                  hint='thử cách gọi có trong cột chủ trì/phối hợp của phụ lục, ví dụ "cấp huyện"; '
                                       "có thể nêu --don-vi nhiều lần")])
    name, rel = one_line(units[0]), None
    if profile is not None:
        rel = Path(os.path.relpath(Path(profile).resolve(), to.resolve().parent)).as_posix()
        try:
            name = CoQuan.model_validate(source.load_path(profile).data.get("co_quan")).goi
        except ValidationError:
            pass  # validating the skeleton, which inherits the profile, says what is wrong with it
    data, count = skeleton(plan, units, name, rel)
    if not count:
        raise InputError([Problem(f"không có nhiệm vụ nào có cơ quan chủ trì hoặc phối hợp là {', '.join(units)}",
                                  hint='thử cách gọi có trong cột chủ trì/phối hợp của phụ lục, ví dụ "cấp huyện"; '
                                       "có thể nêu --don-vi nhiều lần")])
    chosen = " hoặc ".join(f'"{one_line(u)}"' for u in units)
    return (f"# Kế hoạch của {name}: khung tạo bằng `python -m ccch_docs cascade` từ {cite(plan)},\n"
            f"# gồm {count} nhiệm vụ có cơ quan chủ trì hoặc phối hợp ghi {chosen}.\n"
            f"# Điền số, ngày và các đoạn trong ngoặc; mỗi nhiệm vụ giữ mã (ma) của kế hoạch cấp trên.\n"
            f"{yamlio.dump_yaml(data)}")
