"""The import command (`nhap`): a .docx to YAML, a summary of what was not placed, optionally rendered again."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import import_yaml, importer, pdf
from .cli import TEXTS
from .errors import InputError, Problem
from .messages import translate


def run(args: argparse.Namespace, t: dict[str, str]) -> int:
    """Import one .docx; 0 when written, 2 when it is not an administrative document or a file is in the way."""
    source: Path = args.file
    if args.pdf:
        pdf.found("--pdf")
    imported = importer.read(source, str(source))  # a missing, unreadable or irregular file is an InputError
    for line in import_yaml.summary(imported, str(source)):
        print(translate(line), file=sys.stderr)
    if args.output == "-":
        sys.stdout.write(import_yaml.validated(imported, str(source), "<stdout>", source.parent))
        return 0
    to = Path(args.output) if args.output else source.with_suffix(".yaml")
    for path in import_yaml.write(imported, to, str(source), profile=args.profile, force=args.force,
                                  inputs=(source,)):
        print(f"{t['wrote']} {path}")
    if args.render or args.pdf:
        _render(to, source, args, t)
    return 0


def _render(yaml_path: Path, source: Path, args: argparse.Namespace, t: dict[str, str]) -> None:
    from . import api
    from .output import write_atomic
    docx = yaml_path.with_suffix(".docx")
    if docx.exists() and not args.force:
        raise InputError([Problem(TEXTS["exists"], str(docx))])
    doc = api.load(yaml_path)
    print(f"{t['wrote']} {write_atomic(docx, api.render(doc), (source, yaml_path))}")
    if args.pdf:
        api.to_pdf(docx)
        print(f"{t['wrote']} {docx.with_suffix('.pdf')}")
