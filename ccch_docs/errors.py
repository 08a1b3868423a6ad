"""The error tree: every problem carries its file, line, column and key, and a hint."""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
PATHS = (str, os.PathLike)  # what a parameter naming a file or folder takes
A_PATH = "a path (str or os.PathLike)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, where it is, and what to do about it."""

    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    key: str | None = None
    hint: str | None = None
    code: str | None = None  # stable, for systems to match: CCHC-E001 … (messages.CODES); found from the message

    def __post_init__(self) -> None:
        if self.code is None and self.message:  # an empty message only cites a place
            from .messages import code_of
            object.__setattr__(self, "code", code_of(self.message))

    def __str__(self) -> str:
        """`file:line:col: key: message (gợi ý: hint) [CODE]`, in the language of messages."""
        from .messages import HINT, translate
        where = ":".join(str(x) for x in (on_one_line(self.file or "<input>"), self.line, self.column) if x is not None)
        message = translate(self.message)
        text = f"{where}: {on_one_line(self.key)}: {message}" if self.key else f"{where}: {message}"
        text = f"{text} ({translate(HINT)}: {translate(self.hint)})" if self.hint else text
        return f"{text} [{self.code}]" if self.code else text


def on_one_line(text: str) -> str:
    """A file name or key as written, but a control character or line break in it written as its escape (`\\n`):
    one in the input's keys (`"a\\nb.yaml:1:1: …": 1`) or a file's name printed a line of its own, a problem that
    was never found.

    >>> on_one_line("a\\nb\\u2028c")
    'a\\\\nb\\\\u2028c'
    """
    return re.sub(_BREAKS, lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


_BREAKS = "[\x00-\x1f\x7f-\x9f\u2028\u2029]"


def unreadable_folder(folder: str, exc: OSError) -> Problem:
    """The problem of a folder whose list of files the system refused."""
    from .messages import os_error
    return Problem(f"không đọc được thư mục: {os_error(exc)}", folder, hint="kiểm tra quyền đọc thư mục")


def require(value: T, kinds: type | tuple[type, ...], name: str, expected: str) -> T:
    """`value` when it is one of `kinds`; else a TypeError naming the parameter (`name`: `load(path)`) and the
    `expected` type: the calling program's mistake, not its input's, said as Python says its own.

    >>> require(12, PATHS, "load(path)", A_PATH)
    Traceback (most recent call last):
    TypeError: load(path) must be a path (str or os.PathLike), not int
    >>> require(True, (int, float), "timeout", "a number of seconds")
    Traceback (most recent call last):
    TypeError: timeout must be a number of seconds, not bool
    """
    allowed = kinds if isinstance(kinds, tuple) else (kinds,)
    # True is an int to Python, but no count or number of seconds: taken, it was a silent 1
    if isinstance(value, allowed) and (not isinstance(value, bool) or bool in allowed):
        return value
    raise TypeError(f"{name} must be {expected}, not {type(value).__name__}")


def require_paths(value: Any, name: str) -> list[Any]:
    """`value`, a path or a list of paths, as a list; else a TypeError (require)."""
    items = [value] if isinstance(value, PATHS) else require(value, (list, tuple), name, "a path or a list of paths")
    return [require(item, PATHS, f"{name}[…]", A_PATH) for item in items]


def did_you_mean(word: object, choices: Iterable[object], otherwise: str | None = None) -> str | None:
    """The hint for a misspelt name: the closest of `choices` whatever the case (`LOAI`, `Tm`), else `otherwise`.

    >>> did_you_mean("ke_hoch", ["ke_hoach", "bao_cao"]), did_you_mean("x", ["ke_hoach"], "ví dụ ke_hoach")
    ('có phải ý bạn là `ke_hoach`?', 'ví dụ ke_hoach')
    >>> did_you_mean("LOAI", ["loai", "mau"])
    'có phải ý bạn là `loai`?'
    """
    import difflib  # only when a name is misspelt

    names = {str(c).casefold(): str(c) for c in reversed(list(choices))}  # the first of names folding alike
    found = difflib.get_close_matches(str(word).casefold(), names, n=1, cutoff=0.6)
    return f"có phải ý bạn là `{names[found[0]]}`?" if found else otherwise


def ordered(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order (by file, line, column), each once: a value an inline document inherits (a
    decision's `ngay` in its `kem_theo`) is found wrong in both."""
    return sorted(dict.fromkeys(problems), key=lambda p: (p.file or "", p.line or 0, p.column or 0))


SHOWN = 3  # the places of one problem printed before a line counts the others
SHOWN_APART = 10  # problems of one code at keys without indexes (each unknown key of 10,000) printed before a count
_INDEX = r"(\[\d+\])"  # compiled on first use (re's cache), not as the package is imported


def _kind(problem: Problem) -> tuple[str | None, str | None, str | None]:
    """What makes problems the same: file, code and key but its indexes (`dong[…].tl`); file and code alone for a key
    without indexes (each of many unknown keys, or values of `so_lieu`)."""
    key = problem.key or ""
    return (problem.file, problem.code, re.sub(_INDEX, "[…]", key) if re.search(_INDEX, key) else None)


def shown(problems: Iterable[Problem]) -> list[Problem]:
    """`problems` as printed: of the same problem at many places (a table's mistake on each of its rows), the first
    SHOWN, then one counting the others; of one code at many keys without indexes, the first SHOWN_APART so. One
    past the limit is printed itself: its count line would take its place and say less."""
    problems = list(problems)
    kinds = [_kind(p) for p in problems]
    keys: dict[object, list[str]] = {}
    for problem, kind in zip(problems, kinds, strict=True):
        keys.setdefault(kind, []).append(problem.key or "")
    out: list[Problem] = []
    seen: Counter[object] = Counter()
    for problem, kind in zip(problems, kinds, strict=True):
        most = SHOWN if kind[2] is not None else SHOWN_APART
        most = most if len(keys[kind]) > most + 1 else most + 1
        seen[kind] += 1
        if seen[kind] <= most:
            out.append(problem)
        if seen[kind] == most < len(keys[kind]):
            out.append(_others(problem, keys[kind], most))
    return out


def _others(first: Problem, keys: list[str], most: int) -> Problem:
    """The problem counting the places of the problem `first` at `keys` past the first `most`; at their key, the
    indexes that differ written `[…]`, or, for keys without indexes, their common parent followed by `…`."""
    from .messages import grouped
    if re.search(_INDEX, keys[0]):
        parts = zip(*(re.split(_INDEX, key) for key in keys), strict=True)
        key = "".join(same[0] if len(set(same)) == 1 else "[…]" for same in parts)
    else:
        common = os.path.commonprefix([k.split(".") for k in keys[most:]]) if all(keys[most:]) else []
        key = ".".join([*common, "…"]) if len(set(keys[most:])) > 1 else keys[most]
    return Problem(f"{grouped(len(keys) - most)} chỗ khác cũng có lỗi {first.code}", first.file, key=key or None,
                   hint="sửa như các chỗ nêu trên", code="CCHC-E348")


class Unclear(ValueError):
    """A value written in a way that could be misread (`1.500`, `01/02/25`); `hint` rewrites it as it may be meant."""

    def __init__(self, message: str, hint: str):
        super().__init__(message)
        self.message, self.hint = message, hint


class CchcError(Exception):
    """Base of every error the library raises on purpose."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...]):
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        from .messages import COUNT, translate
        lines = [str(p) for p in shown(self.problems)]
        lines.append(f"{len(self.problems)} {translate(COUNT)}")
        return "\n".join(lines)


class InputError(CchcError):
    """The YAML input is unreadable or does not follow the input format."""


class TemplateError(CchcError):
    """A template is missing, malformed or uses what the context does not provide."""


class OutputError(CchcError):
    """The document could not be written or converted; `written`, the files a call on several documents wrote
    all the same (`to_pdf` of a list: the PDFs of the others)."""

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], written: Iterable[Path] = ()):
        super().__init__(problems)
        self.written = tuple(written)


class DiskFullError(OutputError):
    """A write the disk refused for good: it is full, over its quota or read-only, so every later write there would
    fail alike (a batch stops at the first)."""


class TargetError(OutputError):
    """The output was refused before anything was written: the target is an input of the render, a folder,
    a device or a FIFO, a text stream, or an existing file not to be replaced. The caller's choice is at fault
    (exit code 2), not the machine."""
