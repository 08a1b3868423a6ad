"""The import command (`nhap`): a .docx to YAML, a summary of what was not placed, optionally rendered again."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import import_yaml, importer, pdf
from .cli import TEXTS, written
from .errors import InputError, Problem, TargetError
from .messages import translate


def run(args: argparse.Namespace, t: dict[str, str]) -> int:
    """Import one .docx; 0 when written, 2 when it is not an administrative document or a file is in the way."""
    source: Path = args.file
    to = Path(args.output) if args.output and args.output != "-" else source.with_suffix(".yaml")
    if (args.render or args.pdf) and args.output != "-" and _same(to.with_suffix(".docx"), source):
        # the .docx rendered again is named after the YAML: without -o, the file being imported
        raise TargetError([Problem(f"đích ghi là tệp đầu vào {source}: không ghi đè", str(source),
                                   hint="chọn tệp kết quả khác (-o)")])
    if args.pdf:
        pdf.found("--pdf")
    imported = importer.read(source, str(source))  # a missing, unreadable or irregular file is an InputError
    for line in import_yaml.summary(imported, str(source)):
        print(translate(line), file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(import_yaml.validated(imported, str(source), "<stdout>", source.parent))
        return 0
    for path in import_yaml.write(imported, to, str(source), profile=args.profile, force=args.force,
                                  inputs=(source,)):
        print(written(t, path))
    if args.render or args.pdf:
        _render(to, source, args, t)
    return 0


def _same(a: Path, b: Path) -> bool:
    """Whether `a` and `b` name one existing file."""
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):  # either missing or unreadable, a NUL in a name: the import says which
        return False


def _render(yaml_path: Path, source: Path, args: argparse.Namespace, t: dict[str, str]) -> None:
    from . import api
    from .output import write_atomic
    docx = yaml_path.with_suffix(".docx")
    if os.path.exists(docx) and not args.force:  # a name too long: False, refused as it is written (E207)
        raise InputError([Problem(TEXTS["exists"], str(docx))])
    doc = api.load(yaml_path)
    print(written(t, write_atomic(docx, api.render(doc), (source, yaml_path), ".docx")))
    if args.pdf:
        api.to_pdf(docx)
        print(written(t, docx.with_suffix('.pdf')))
