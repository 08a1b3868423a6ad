"""Check reports for people (text, an HTML page; their words from the message catalog) and for systems (JSON);
the .docx files of folders."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path

from .checks import Finding, Report, Where
from .errors import InputError, Problem, unreadable_folder
from .messages import CHECK_WORDS, in_notation, looked_up, lookup, translate


def docx_files(paths: Iterable[Path]) -> list[Path]:
    """The paths given, folders replaced by the .docx files under them (sorted; Word lock files skipped);
    InputError naming each folder that cannot be read or holds none."""
    out: list[Path] = []
    problems = []
    for path in paths:
        if not os.path.isdir(path):  # a file, or a path that cannot be looked at: checking it says why
            out.append(path)
            continue
        try:
            os.listdir(path)  # rglob passes over a folder it cannot read without a word
        except OSError as exc:
            problems.append(unreadable_folder(str(path), exc))
            continue
        # a folder named like a .docx is walked, not taken for a file (it was also listed as unreadable)
        found = sorted(p for p in path.rglob("*.docx") if not p.name.startswith("~$") and not p.is_dir())
        if not found:
            problems.append(Problem("không có tệp .docx nào ở đây", str(path),
                                    hint="nêu một tệp .docx, hoặc một thư mục có tệp .docx (tìm cả trong thư mục con)"))
        out.extend(found)
    if problems:
        raise InputError(problems)
    return out


def _place(w: Where, t: dict[str, str]) -> str:
    """`phần 1, đoạn 4, bảng 1 hàng 1 ô 2 «…»`, in the words `t`."""
    bits = []
    if w.header or w.footer:
        bits.append(t["footer" if w.footer else "header"])
    if w.section is not None:
        bits.append(t["section"].format(n=w.section))
    if w.paragraph is not None:
        bits.append(t["paragraph"].format(n=w.paragraph))
    if w.table is not None:
        bits.append(t["cell"].format(table=w.table, row=w.row, cell=w.cell))
    if w.textbox is not None:
        bits.append(t["textbox"].format(n=w.textbox))
    text = f" «{w.text}»" if w.text else ""
    return ", ".join(bits) + text


def _finding_text(f: Finding, t: dict[str, str], i: int) -> str:
    head = f"  {f.code}  {f.element[i]}"
    if f.kind == "missing":
        body = f"{head}: {t['not_found']}"
    elif f.kind == "note":
        body = f"{head}: {f.found[i]} ({t['note']})"
    else:
        body = f"{head}: {t['found']} {f.found[i]}; {t['required']} {f.required[i]}"
    if f.where:
        body += f" — {t['at']} {_place(f.where[0], t)}"
        if len(f.where) > 1:
            body += f" ({t['more'].format(n=len(f.where) - 1)})"
    if f.hint:
        body += f" ({t['hint']}: {f.hint[i]})"
    return body


def report_text(r: Report, lang: str) -> str:
    """One file's report: its summary, then a line per finding."""
    t = looked_up(CHECK_WORDS, lang)
    if r.error is not None:
        hint = f" ({t['hint']}: {translate(r.hint, lang)})" if r.hint else ""
        return f"{r.path}: {t['unreadable']}: {translate(r.error, lang)}{hint}"
    lines = [f"{r.path}: {_summary(r, t, lang)}"]
    lines.extend(_finding_text(f, t, _side(lang)) for f in _ordered(r))
    return "\n".join(lines)


def _side(lang: str) -> int:
    """Which text of a finding's (Vietnamese, English) pair is in `lang`."""
    return 0 if lang == "vi" else 1


def _summary(r: Report, t: dict[str, str], lang: str) -> str:
    violations = [f for f in r.findings if f.kind == "violation"]
    missing = [f for f in r.findings if f.kind == "missing"]
    counts = ((t["violations"], len(violations)), (t["missing"], len(missing)))
    return ", ".join(text.format(n=in_notation(n, lang=lang)) for text, n in counts if n) or t["ok"]


def _ordered(r: Report) -> list[Finding]:
    """Violations, then parts not found, then what could not be checked."""
    order = {"violation": 0, "missing": 1, "note": 2}
    return sorted(r.findings, key=lambda f: order[f.kind])


def report_html(reports: list[Report], lang: str) -> str:
    """One HTML page: the total, then each file with its findings (rule code, element, found, required, places);
    everything, the catalog's words included, is escaped."""
    import jinja2
    t, i = looked_up(CHECK_WORDS, lang), _side(lang)
    files = [{"path": r.path, "error": None if r.error is None else translate(r.error, lang),
              "hint": r.hint and translate(r.hint, lang),
              "summary": _summary(r, t, lang),
              "findings": [{"code": f.code, "kind": f.kind, "element": f.element[i],
                            "found": t["not_found"] if f.kind == "missing" else f.found[i],
                            "required": f.required[i], "hint": f.hint and f.hint[i],
                            "places": [_place(w, t) for w in f.where]}
                           for f in _ordered(r)]} for r in reports]
    source = (Path(__file__).parent / "data" / "check_report.html").read_text("utf-8")
    page = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string(source)
    return page.render(lang=lang, words=t, total=total_text(reports, lang), files=files)


def total_text(reports: list[Report], lang: str) -> str:
    """`3 tệp: 1 đạt, 1 có lỗi, 1 không đọc được`."""
    bad = sum(1 for r in reports if r.error is None and r.violations)
    unreadable = sum(1 for r in reports if r.error is not None)
    return lookup(CHECK_WORDS["total"], lang).format(**{key: in_notation(n, lang=lang) for key, n in (
        ("files", len(reports)), ("ok", len(reports) - bad - unreadable), ("bad", bad), ("unreadable", unreadable))})


def report_json(reports: list[Report], lang: str) -> str:
    i = _side(lang)
    data = [{"file": r.path, "readable": r.error is None, "error": r.error, "hint": r.hint,
             "ok": r.error is None and not r.violations,
             "findings": [{"code": f.code, "kind": f.kind, "element": f.element[i], "found": f.found[i],
                           "required": f.required[i], "hint": f.hint and f.hint[i],
                           "where": [{k: v for k, v in vars(w).items() if v not in (None, False, "")} for w in f.where]}
                          for f in r.findings]} for r in reports]
    return json.dumps(data, ensure_ascii=False, indent=1)


def exit_code(reports: list[Report]) -> int:
    """2 when a file could not be read, else 1 when one breaks a rule (or lacks a required part), else 0."""
    if any(r.error is not None for r in reports):
        return 2
    return 1 if any(r.violations for r in reports) else 0
