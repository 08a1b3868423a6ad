"""Command line: argument parsing, printing problems, exit codes (0 done, 2 bad input, 1 other failure)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import api
from .errors import CchcError, InputError, TemplateError
from .output import to_pdf

TEXTS = {
    "vi": {
        "prog": "Tạo văn bản cải cách hành chính (.docx, PDF) đúng thể thức Nghị định 30/2020/NĐ-CP từ tệp YAML.",
        "lang": "ngôn ngữ của phần trợ giúp: vi (mặc định) hoặc en; cũng đặt được bằng biến CCHC_LANG",
        "render": "dựng văn bản .docx từ tệp YAML",
        "validate": "chỉ kiểm tra tệp YAML, không tạo văn bản",
        "file": "tệp YAML mô tả văn bản",
        "files": "một hoặc nhiều tệp YAML",
        "output": "tệp .docx kết quả (mặc định: cùng tên với tệp YAML)",
        "pdf": "xuất thêm PDF bằng LibreOffice",
        "cascade": "tạo khung kế hoạch của một đơn vị từ kế hoạch cấp trên: các nhiệm vụ nêu tên đơn vị",
        "parent": "tệp YAML của kế hoạch cấp trên",
        "don_vi": "tên đơn vị như ghi ở cột chủ trì/phối hợp (không phân biệt hoa thường); nêu nhiều lần được",
        "cascade_output": "tệp YAML kết quả",
        "ke_thua": "hồ sơ đơn vị (tiêu đề, người ký) để tệp kết quả kế thừa; thiếu thì điền chỗ trống",
        "force": "ghi đè nếu tệp kết quả đã có",
        "ok": "hợp lệ",
        "wrote": "đã ghi",
        "unexpected": "lỗi không mong đợi",
    },
    "en": {
        "prog": "Render administrative-reform documents (.docx, PDF) laid out per Decree 30/2020/NĐ-CP from YAML.",
        "lang": "help language: vi (default) or en; also set by the CCHC_LANG variable",
        "render": "render a .docx document from a YAML file",
        "validate": "only check YAML files, write nothing",
        "file": "the YAML file describing the document",
        "files": "one or more YAML files",
        "output": "the .docx to write (default: the YAML file's name with .docx)",
        "pdf": "also write a PDF through LibreOffice",
        "cascade": "write a unit's own plan skeleton from its parent plan: the tasks that name the unit",
        "parent": "the parent plan's YAML file",
        "don_vi": "the unit as written in the lead/partner columns (case-insensitive); may be repeated",
        "cascade_output": "the YAML file to write",
        "ke_thua": "the unit's profile (header, signer) for the result to inherit; placeholders without it",
        "force": "overwrite the output if it exists",
        "ok": "valid",
        "wrote": "wrote",
        "unexpected": "unexpected error",
    },
}


def _language(argv: list[str]) -> str:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return os.environ.get("CCHC_LANG", "vi")


def parser(lang: str) -> argparse.ArgumentParser:
    """The argument parser, its help in `lang`."""
    t = TEXTS.get(lang, TEXTS["vi"])
    top = argparse.ArgumentParser(prog="python -m ccch_docs", description=t["prog"])
    top.add_argument("--lang", choices=sorted(TEXTS), default=lang, help=t["lang"])
    sub = top.add_subparsers(dest="command", required=True)
    render = sub.add_parser("render", help=t["render"], description=t["render"])
    render.add_argument("file", type=Path, help=t["file"])
    render.add_argument("-o", "--output", type=Path, help=t["output"])
    render.add_argument("--pdf", action="store_true", help=t["pdf"])
    validate = sub.add_parser("validate", help=t["validate"], description=t["validate"])
    validate.add_argument("files", type=Path, nargs="+", help=t["files"])
    cascade = sub.add_parser("cascade", help=t["cascade"], description=t["cascade"])
    cascade.add_argument("parent", type=Path, help=t["parent"])
    cascade.add_argument("--don-vi", action="append", required=True, help=t["don_vi"])
    cascade.add_argument("-o", "--output", type=Path, required=True, help=t["cascade_output"])
    cascade.add_argument("--ke-thua", type=Path, help=t["ke_thua"])
    cascade.add_argument("--force", action="store_true", help=t["force"])
    return top


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    lang = _language(argv)
    args = parser(lang).parse_args(argv)
    t = TEXTS.get(args.lang, TEXTS["vi"])
    try:
        if args.command == "validate":
            return _validate(args.files, t)
        if args.command == "cascade":
            api.cascade(args.parent, args.don_vi, args.output, ke_thua=args.ke_thua, force=args.force)
            print(f"{t['wrote']} {args.output}")
            return 0
        out = args.output or args.file.with_suffix(".docx")
        api.render(api.load(args.file), out)
        print(f"{t['wrote']} {out}")
        if args.pdf:
            print(f"{t['wrote']} {to_pdf(out)}")
        return 0
    except (InputError, TemplateError) as exc:
        print(exc, file=sys.stderr)
        return 2
    except CchcError as exc:
        print(exc, file=sys.stderr)
        return 1
    except Exception as exc:  # the promise is no traceback, whatever happens
        print(f"{t['unexpected']}: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1


def _validate(files: list[Path], t: dict[str, str]) -> int:
    problems = []
    for f in files:
        try:
            api.load(f)
            print(f"{f}: {t['ok']}")
        except InputError as exc:
            problems.extend(exc.problems)
    if problems:
        print(InputError(problems), file=sys.stderr)
        return 2
    return 0
