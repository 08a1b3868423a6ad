"""A report and the plan it answers: the plan's tasks, results checked by `ma`, counts, the results table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from . import presets
from .decree.wording import DEFAULT, Words
from .errors import did_you_mean
from .formats import numbers
from .model import Cot, Finding, KetQua, Nhom, PhuLuc, VanBan
from .yamlio import Path_


@dataclass(frozen=True)
class Task:
    """A row of a plan's phụ lục: its id, its place, its group (number counted across the plan, name), its cells."""

    ma: str
    vi_tri: str  # "<group>.<row>", or "<row>" outside any group: the id of a row without `ma`
    nhom: int | None  # None for rows outside any group
    ten_nhom: str | None
    dong: Mapping[str, Any]
    where: Path_  # the row's key path in the plan file


def tasks(plan: VanBan) -> list[Task]:
    """Every row of the plan's phụ lục tables of tasks (those with a `noi_dung` column), in order; a table of
    anything else (a list of documents to review …) holds no task.

    A row without `ma` is known by its place: "<group>.<row>" (both counted from 1; groups counted
    across all the plan's phụ lục), or "<row>" when it stands outside any group (counted across the plan).
    """
    out: list[Task] = []
    group = loose = 0
    for t, pl in enumerate(plan.phu_luc):
        if pl.cot is None or all(c.khoa != "noi_dung" for c in pl.columns):
            continue
        for r, row in enumerate(pl.dong):
            loose += 1
            out.append(Task(row.get("ma") or str(loose), str(loose), None, None, row, ("phu_luc", t, "dong", r)))
        for g, grp in enumerate(pl.nhom):
            group += 1
            out.extend(Task(row.get("ma") or f"{group}.{r + 1}", f"{group}.{r + 1}", group, grp.ten, row,
                            ("phu_luc", t, "nhom", g, "dong", r)) for r, row in enumerate(grp.dong))
    return out


def clashes(found: list[Task]) -> list[Finding]:
    """A `ma` written on one row that another row, without `ma`, has by default: the report could not tell them
    apart."""
    counts: dict[str, int] = {}
    for task in found:
        counts[task.ma] = counts.get(task.ma, 0) + 1
    return [(task.where + ("ma",), f"mã `{task.ma}` trùng với mã mặc định của một dòng khác",
             "đặt mã không có dạng <nhóm>.<dòng>, ví dụ tt-noi-bo")
            for task in found if "ma" in task.dong and counts[task.ma] > 1]


def check_results(found: list[Task], results: Mapping[str, KetQua]) -> list[Finding]:
    """Every `ket_qua` key must be the `ma` of a task of the plan."""
    known = dict.fromkeys(t.ma for t in found)
    placed = {t.vi_tri: t.ma for t in found}
    out: list[Finding] = []
    for ma in results:
        if ma not in known:
            hint = (f"dòng {ma} của kế hoạch có mã `{placed[ma]}`: dùng mã đó" if ma in placed else did_you_mean(
                ma, known, "dùng `ma` của một dòng phụ lục kế hoạch, hoặc <nhóm>.<dòng> cho dòng không có mã"))
            out.append((("ket_qua", ma), f"kế hoạch không có nhiệm vụ mã `{ma}`", hint))
    return out


def _status(task: Task, results: Mapping[str, KetQua]) -> str:
    found = results.get(task.ma)
    return found.tinh_trang if found else presets.UNREPORTED


def _counts(statuses: list[str]) -> dict[str, Any]:
    """Counts per state, `da_trien_khai` (done or under way), and each as a rate of the total (`ti_le`)."""
    out: dict[str, Any] = {"tong": len(statuses)}
    for state in presets.STATES:
        out[state] = statuses.count(state)
    out["da_trien_khai"] = out["hoan_thanh"] + out["dang_thuc_hien"]
    out["ti_le"] = {k: numbers.ti_le(v, out["tong"]) for k, v in out.items() if k != "tong"}
    return out


def groups(plan: VanBan) -> list[Nhom]:
    """The plan's groups across all its phụ lục, in order: group n of a Task is groups(plan)[n - 1]."""
    return [grp for pl in plan.phu_luc for grp in pl.nhom]


def tally(plan: VanBan, found: list[Task], results: Mapping[str, KetQua]) -> dict[str, Any]:
    """The `nhiem_vu` variables: counts and rates for the whole plan, and per group under `nhom`
    (by group number from 1, and by group name)."""
    members: dict[int, list[str]] = {}
    for t in found:
        if t.nhom is not None:
            members.setdefault(t.nhom, []).append(_status(t, results))
    by_group: dict[int | str, Any] = {}
    for number, grp in enumerate(groups(plan), start=1):
        entry = {**_counts(members.get(number, [])), "ten": grp.ten or ""}
        by_group[number] = entry
        if grp.ten:
            by_group[grp.ten] = entry
    return {**_counts([_status(t, results) for t in found]), "nhom": by_group}


def results_table(plan: VanBan, found: list[Task], results: Mapping[str, KetQua], title: str,
                  words: Words = DEFAULT) -> PhuLuc:
    """The results phụ lục: the plan's task rows (content, lead body, time) with state and result, in `words`."""
    first = next((pl for pl in plan.phu_luc if pl.nhom or pl.dong), plan.phu_luc[0])
    kept = [c for c in first.columns if c.khoa in presets.RESULT_KEEP] or list(first.columns[:1])
    columns = (*kept, *(Cot(khoa=k, ten=words[t], rong=r) for k, t, r in presets.RESULT_COLUMNS))

    def row(task: Task) -> dict[str, Any]:
        cells = {c.khoa: task.dong[c.khoa] for c in kept if task.dong.get(c.khoa) not in (None, "", ())}
        cells["tinh_trang"] = words[_status(task, results)]
        result = results.get(task.ma)
        if result and result.ket_qua:
            cells["ket_qua"] = list(result.ket_qua)
        return cells

    rows: dict[int | None, list[dict[str, Any]]] = {}
    for t in found:
        rows.setdefault(t.nhom, []).append(row(t))
    return PhuLuc(tieu_de=title, cot=columns, danh_so=first.danh_so, dong=rows.get(None, []),
                  nhom=[Nhom(ten=g.ten, so=g.so, danh_so=g.danh_so, dong=rows.get(n, []))
                        for n, g in enumerate(groups(plan), start=1)])
