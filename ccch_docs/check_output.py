"""Check reports for people (Vietnamese or English text) and for systems (JSON); the .docx files of folders."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from .checks import Finding, Report, Where

WORDS = {
    "vi": {"section": "phần", "paragraph": "đoạn", "table": "bảng", "row": "hàng", "cell": "ô", "textbox": "khung chữ",
           "header": "đầu trang", "found": "có", "required": "cần", "at": "tại", "more": "và {n} chỗ khác",
           "footer": "chân trang", "ok": "đạt", "violations": "{n} lỗi thể thức", "missing": "{n} phần không tìm thấy",
           "unreadable": "không đọc được", "note": "chưa kiểm tra được", "not_found": "không tìm thấy",
           "total": "{files} tệp: {ok} đạt, {bad} có lỗi, {unreadable} không đọc được"},
    "en": {"section": "section", "paragraph": "paragraph", "table": "table", "row": "row", "cell": "cell",
           "textbox": "text box", "header": "page header", "found": "found", "required": "required", "at": "at",
           "more": "and {n} more", "footer": "page footer", "ok": "passes", "violations": "{n} layout violations",
           "missing": "{n} parts not found", "unreadable": "unreadable", "note": "not checked",
           "not_found": "not found",
           "total": "{files} files: {ok} pass, {bad} with violations, {unreadable} unreadable"},
}


def docx_files(paths: Iterable[Path]) -> list[Path]:
    """The paths given, folders replaced by the .docx files under them (sorted; Word lock files skipped)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*.docx") if not p.name.startswith("~$")))
        else:
            out.append(path)
    return out


def place(w: Where, lang: str) -> str:
    """`phần 1, đoạn 4, bảng 1 hàng 1 ô 2 «…»`."""
    t = WORDS[lang]
    bits = []
    if w.header or w.footer:
        bits.append(t["footer" if w.footer else "header"])
    if w.section is not None:
        bits.append(f"{t['section']} {w.section}")
    if w.paragraph is not None:
        bits.append(f"{t['paragraph']} {w.paragraph}")
    if w.table is not None:
        bits.append(f"{t['table']} {w.table} {t['row']} {w.row} {t['cell']} {w.cell}")
    if w.textbox is not None:
        bits.append(f"{t['textbox']} {w.textbox}")
    text = f" «{w.text}»" if w.text else ""
    return ", ".join(bits) + text


def finding_text(f: Finding, lang: str) -> str:
    t, i = WORDS[lang], 0 if lang == "vi" else 1
    head = f"  {f.code}  {f.element[i]}"
    if f.kind == "missing":
        body = f"{head}: {t['not_found']}"
    elif f.kind == "note":
        body = f"{head}: {f.found[i]} ({t['note']})"
    else:
        body = f"{head}: {t['found']} {f.found[i]}; {t['required']} {f.required[i]}"
    if f.where:
        body += f" — {t['at']} {place(f.where[0], lang)}"
        if len(f.where) > 1:
            body += f" ({t['more'].format(n=len(f.where) - 1)})"
    return body


def report_text(r: Report, lang: str) -> str:
    t = WORDS[lang]
    if r.error is not None:
        from .messages import translate
        return f"{r.path}: {t['unreadable']}: {translate(r.error, lang)}"
    violations = [f for f in r.findings if f.kind == "violation"]
    missing = [f for f in r.findings if f.kind == "missing"]
    summary = ", ".join(x for x in (t["violations"].format(n=len(violations)) if violations else "",
                                    t["missing"].format(n=len(missing)) if missing else "") if x) or t["ok"]
    order = {"violation": 0, "missing": 1, "note": 2}
    lines = [f"{r.path}: {summary}"]
    lines.extend(finding_text(f, lang) for f in sorted(r.findings, key=lambda f: order[f.kind]))
    return "\n".join(lines)


def total_text(reports: list[Report], lang: str) -> str:
    bad = sum(1 for r in reports if r.error is None and r.violations)
    unreadable = sum(1 for r in reports if r.error is not None)
    return WORDS[lang]["total"].format(files=len(reports), ok=len(reports) - bad - unreadable, bad=bad,
                                       unreadable=unreadable)


def report_json(reports: list[Report], lang: str) -> str:
    i = 0 if lang == "vi" else 1
    data = [{"file": r.path, "readable": r.error is None, "error": r.error, "ok": r.error is None and not r.violations,
             "findings": [{"code": f.code, "kind": f.kind, "element": f.element[i], "found": f.found[i],
                           "required": f.required[i],
                           "where": [{k: v for k, v in vars(w).items() if v not in (None, False, "")} for w in f.where]}
                          for f in r.findings]} for r in reports]
    return json.dumps(data, ensure_ascii=False, indent=1)


def exit_code(reports: list[Report]) -> int:
    """2 when a file could not be read, else 1 when one breaks a rule (or lacks a required part), else 0."""
    if any(r.error is not None for r in reports):
        return 2
    return 1 if any(r.violations for r in reports) else 0
