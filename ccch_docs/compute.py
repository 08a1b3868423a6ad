"""A validated document completed: its plan linked and checked, its figures counted, `{{ … }}` in its text evaluated.

The names an expression sees: `so_lieu` (the figures), `ky_bao_cao` (`tu`, `den`), and for a report
with `ke_hoach`: `ke_hoach` (the plan: `so`, `ky_hieu`, `so_ky_hieu`, `ngay`, `co_quan`, `trich_yeu`,
`trich_dan`) and `nhiem_vu` (its tasks counted by state, see report.tally).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from pydantic import BaseModel

from . import report
from .decree import citations
from .decree.wording import DEFAULT, Words
from .errors import InputError, Problem, ordered
from .expressions import TEXT_FIELDS, Absent, ExpressionError, evaluate, has_code
from .model import Presets, VanBan
from .source import Linked, Source, plan_failed
from .validation import validate
from .yamlio import Path_

_NEEDS_PLAN = Absent("thêm ke_hoach: đường dẫn tới kế hoạch mà báo cáo trả lời")


def complete(doc: VanBan, linked: Linked, link: bool = True, columns: Presets | None = None,
             words: Words = DEFAULT) -> VanBan:
    """`doc` with its plan linked (when `link`), the results phụ lục added and every expression evaluated.

    `linked`: the document as resolved, with its plan and attached document. `columns`: the column
    presets of the document's template pack, which its plan may name too; `words`: the pack's wording,
    which the results phụ lục is printed in.

    Raises InputError listing every problem; a document without `ke_hoach` or `{{` comes back as it is.
    """
    src = linked.source
    problems: list[Problem] = []
    names: dict[str, Any] = {"so_lieu": doc.so_lieu, "ke_hoach": _NEEDS_PLAN, "nhiem_vu": _NEEDS_PLAN,
                             "ky_bao_cao": Absent("thêm ky_bao_cao: {tu: 2020-12-01, den: 2021-11-15}")}
    if doc.ky_bao_cao is not None:
        names["ky_bao_cao"] = {"tu": doc.ky_bao_cao.tu, "den": doc.ky_bao_cao.den}
    plan = found = None
    if link and doc.ke_hoach is not None and linked.ke_hoach is not None:
        plan, plan_src = _plan(linked.ke_hoach, src, columns)
        found = report.tasks(plan)
        checks = report.clashes(found)
        problems.extend(plan_src.problem(path, msg, hint) for path, msg, hint in checks)
        checks = report.check_results(found, doc.ket_qua)
        if not found:
            checks.append((("ke_hoach",), "kế hoạch không có nhiệm vụ nào trong phụ lục",
                           "báo cáo đối chiếu các dòng trong phu_luc của kế hoạch"))
        problems.extend(src.problem(path, msg, hint) for path, msg, hint in checks)
        names["ke_hoach"] = _plan_names(plan)
        names["nhiem_vu"] = report.tally(plan, found, doc.ket_qua)

    def evaluated(text: str, path: Path_) -> str:
        try:
            return evaluate(text, names)
        except ExpressionError as exc:
            problems.append(src.problem(_as_written(src.data, path), f"biểu thức {exc.expression}: {exc.message}",
                                        exc.hint))
            return text

    changes = {key: new for key in TEXT_FIELDS if (new := _map_text(getattr(doc, key), (key,), evaluated))
               is not getattr(doc, key)}
    attached = doc.kem_theo
    if attached is not None and linked.kem_theo is not None:
        try:
            done = complete(attached, linked.kem_theo, link=False)
            if done is not attached:
                changes["kem_theo"] = done
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        raise InputError(ordered(problems))
    doc = doc.model_copy(update=changes) if changes else doc
    if plan is not None and found is not None and doc.phu_luc_ket_qua:
        title = words["ket_qua_tieu_de"] if doc.phu_luc_ket_qua is True else str(doc.phu_luc_ket_qua).upper()
        table = report.results_table(plan, found, doc.ket_qua, title, words)
        doc = doc.model_copy(update={"phu_luc": (*doc.phu_luc, table)})
    return doc


def _map_text(value: Any, path: Path_, fn: Callable[[str, Path_], str]) -> Any:
    """`value` with `fn` applied to each string holding an expression; the very same object when none does."""
    if isinstance(value, str):
        return fn(value, path) if has_code(value) else value
    if isinstance(value, tuple):
        items = tuple(_map_text(v, path + (i,), fn) for i, v in enumerate(value))
        return value if all(a is b for a, b in zip(items, value, strict=True)) else items
    if isinstance(value, Mapping):
        pairs = {k: _map_text(v, path + (k,), fn) for k, v in value.items()}
        return value if all(pairs[k] is v for k, v in value.items()) else pairs
    if isinstance(value, BaseModel):
        changed = {name: new for name in type(value).model_fields
                   if (new := _map_text(getattr(value, name), path + (name,), fn)) is not getattr(value, name)}
        return value.model_copy(update=changed) if changed else value
    return value


def _as_written(data: Any, path: Path_) -> Path_:
    """`path` cut where the source gives one string for a list (`mo_dau: …` is `mo_dau[0]` in the model)."""
    node = data
    for i, part in enumerate(path):
        if isinstance(part, int) and not isinstance(node, list):
            return path[:i]
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return path
    return path


def _plan(plan: Linked, src: Source, columns: Presets | None) -> tuple[VanBan, Source]:
    """The plan a report names, validated and with its own expressions evaluated; its problems otherwise."""
    try:
        return complete(validate(plan.source, columns, plan.kem_theo), plan, link=False), plan.source
    except InputError as exc:
        raise plan_failed(src, exc) from None


def _plan_names(plan: VanBan) -> dict[str, Any]:
    """The `ke_hoach` variables."""
    kh = citations.ky_hieu(plan)
    so = citations.so_text(plan.so)
    return {"so": so, "ky_hieu": kh, "so_ky_hieu": f"{so}/{kh}", "ngay": plan.ngay, "co_quan": plan.co_quan.goi,
            "trich_yeu": " ".join(plan.printed_trich_yeu), "trich_dan": citations.cite(plan, long_date=True)}
