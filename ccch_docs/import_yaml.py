"""An imported document as YAML files: the document (what was not placed as comments at its spot), the unit
profile split off when asked, each validated by loading it before anything is written, written atomically."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path
from typing import Any

from .errors import InputError, Problem, TargetError
from .importer import Imported
from .output import write_atomic
from .yamlio import dump_yaml

PROFILE_KEYS = ("dia_danh", "co_quan", "nguoi_ky")  # the letterhead, place and signer a unit repeats
# A .docx does not say which pack (`mau`) made it: a line to fill in, under `loai`.
PACK_LINE = "# mau: (tên bộ mẫu của đơn vị)   # không nhận ra từ tệp .docx; để trống: dựng bằng mẫu có sẵn"


def _comment(lines: list[str]) -> list[str]:
    out = ["# --- không xếp được vào khóa nào (giữ nguyên văn, hãy đặt vào chỗ thích hợp) ---"]
    for text in lines:
        out.extend(f"# {piece}" for piece in textwrap.wrap(text, 96) or [""])
    return out


def text(imported: Imported, data: dict[str, Any] | None = None) -> str:
    """YAML of the document (`data`, default the imported mapping) with each unplaced text as a comment block
    before the key it comes before (at the end when that key is not written), and the pack line under `loai`."""
    data = imported.data if data is None else data
    lines = dump_yaml(data).splitlines()
    blocks: dict[str | None, list[str]] = {}
    for u in imported.unplaced:
        blocks.setdefault(u.before if u.before in data else None, []).append(u.text)
    out = []
    for line in lines:
        key = line.split(":", 1)[0] if line[:1].isalpha() else None
        if key in blocks:
            out.extend(_comment(blocks.pop(key)))
        out.append(line)
        if key == "loai" and "mau" not in data:
            out.append(PACK_LINE)
    for rest in blocks.values():
        out.extend(_comment(rest))
    return "\n".join(out) + "\n"


def validated(imported: Imported, docx: str, name: str, base_dir: Path) -> str:
    """The YAML of `imported`, loaded as the file `name` would be; InputError placing each of its problems in the
    .docx `docx` it was read from (the paragraph or table cell holding the value, where found): the YAML is the
    program's, its lines no one's to fix."""
    from .api import loads
    whole = text(imported)
    try:
        loads(whole, name=name, base_dir=base_dir)
    except InputError as exc:
        raise InputError([_in_docx(p, imported, docx) if p.file == name else p for p in exc.problems]) from None
    return whole


def _in_docx(problem: Problem, imported: Imported, docx: str) -> Problem:
    """`problem` of the imported YAML, at the .docx paragraph (table cell) whose text holds the value at its key."""
    value: Any = imported.data
    for step in re.findall(r"[^.\[\]]+", problem.key or ""):
        value = value.get(step) if isinstance(value, dict) else (
            value[int(step)] if isinstance(value, list) and step.isdigit() and int(step) < len(value) else None)
    value = value[0] if isinstance(value, list) and value else value
    wanted = " ".join(value.split()) if isinstance(value, str) else ""
    q = next((q for q in imported.paras if wanted and wanted in " ".join(q.text.split())), None)
    place = None if q is None else (f"bảng {q.table} hàng {q.row} ô {q.cell}" if q.table is not None
                                    else f"đoạn {q.index + 1}")
    key = f"{problem.key} ({place})" if problem.key and place else problem.key
    return Problem(problem.message, docx, key=key, hint=problem.hint, code=problem.code)


def summary(imported: Imported, name: str) -> list[str]:
    """What the user should look at: the unplaced texts (where they stood), the placeholders added and the embedded
    parts left unread."""
    out = [(f"{name}: đoạn {u.paragraph + 1} không xếp được (ghi thành chú thích "
            + (f"trước `{u.before}`): " if u.before else "ở cuối tệp): ")
            + textwrap.shorten(u.text, 80, placeholder=" …")) for u in imported.unplaced]
    out += [f"{name}: văn bản không có `{key}`: đã điền chỗ trống, hãy sửa" for key in imported.added]
    return out + [str(problem) for problem in imported.skipped]


def split_profile(data: dict[str, Any], profile: Path, document: Path) -> tuple[dict[str, Any], dict[str, Any]]:
    """The document inheriting (`ke_thua`) the unit profile written at `profile`, and that profile."""
    unit = {k: data[k] for k in PROFILE_KEYS if k in data}
    link = os.path.relpath(profile.resolve(), document.resolve().parent)
    rest = {"ke_thua": Path(link).as_posix(), **{k: v for k, v in data.items() if k not in PROFILE_KEYS}}
    return rest, unit


def write(imported: Imported, to: Path, docx: str, *, profile: Path | None = None, force: bool = False,
          inputs: tuple[Path, ...] = ()) -> list[Path]:
    """Validate (problems placed in the .docx `docx`), then write the YAML (and the profile); an existing file is
    replaced only with `force`."""
    whole = validated(imported, docx, str(to), to.parent)  # the document as one file loads before anything is written
    files: list[tuple[Path, str]] = []
    if profile is not None and os.path.realpath(profile) == os.path.realpath(to):
        raise TargetError([Problem("--profile trùng với tệp văn bản: hồ sơ đơn vị sẽ bị chính văn bản ghi đè",
                                   str(profile), hint="đặt cho hồ sơ đơn vị một tệp riêng, ví dụ don-vi/ubnd.yaml")])
    if profile is not None:
        document, unit = split_profile(imported.data, profile, to)
        files = [(profile, dump_yaml(unit)), (to, text(imported, document))]
    else:
        files = [(to, whole)]
    for path, _ in files:
        if os.path.exists(path) and not force:  # a name too long: False, then refused as it is written (E207)
            raise InputError([Problem("tệp đã có; thêm --force để ghi đè", str(path))])
    return [write_atomic(path, body.encode("utf-8"), inputs) for path, body in files]
