"""What follows a paragraph's label: a title printed whole, a title run in before the paragraph's text
(`cung_dong`: `1.4. Lộ trình thực hiện: Năm 2025 - 2026.`), or plain text; and runs cut at a character."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .flatten import Run

_LONGEST = 300  # a longer line is text, whatever its emphasis
_SHORT = 200  # an upper-case line this short is a title even when not bold


def split(runs: Sequence[Run], n: int) -> tuple[list[Run], list[Run]]:
    """The runs of the first `n` characters, and the runs of the rest."""
    head: list[Run] = []
    tail: list[Run] = []
    for run in runs:
        k = min(max(n, 0), len(run.text))
        if k:
            head.append(replace(run, text=run.text[:k]))
        if k < len(run.text):
            tail.append(replace(run, text=run.text[k:]))
        n -= len(run.text)
    return head, tail


def cut(runs: Sequence[Run], n: int) -> list[Run]:
    """The runs without their first `n` characters and the spaces after them."""
    rest = [r for r in split(runs, n)[1] if r.text]
    while rest and not rest[0].text.strip():
        rest.pop(0)
    return [replace(rest[0], text=rest[0].text.lstrip()), *rest[1:]] if rest else []


@dataclass(frozen=True)
class Heading:
    """A label's title (None: it has none) and the runs of the paragraph after it, on the title's line or not."""

    title: list[Run] | None
    text: list[Run]
    run_in: bool = False


def heading(runs: Sequence[Run], label_end: int) -> Heading:
    """The heading of a paragraph whose label ends at character `label_end`.

    A title printed whole is all bold, or all italic as its label is, or a short upper-case line. A run-in title
    opens the text in its label's emphasis (bold or italic) and ends with a colon, inside that emphasis or just
    after it; a bold phrase after a plain label is emphasis inside the paragraph, not a title.
    """
    label, _ = split(runs, label_end)
    rest = cut(runs, label_end)
    if _whole(label, rest):
        return Heading(rest, [])
    for emphasis in ("bold", "italic"):
        found = _run_in(label, rest, emphasis)
        if found is not None:
            return found
    return Heading(None, rest)


def _visible(runs: Sequence[Run]) -> list[Run]:
    return [r for r in runs if r.text.strip()]


def _all(runs: Sequence[Run], emphasis: str) -> bool:
    visible = _visible(runs)
    return bool(visible) and all(getattr(r, emphasis) for r in visible)


def _whole(label: list[Run], rest: list[Run]) -> bool:
    """The text after the label is a title: all bold, all italic as the label is, or a short upper-case line."""
    text = "".join(r.text for r in rest).strip()
    if not _visible(rest) or text.endswith(("./.", ";", ",")) or len(text) > _LONGEST:
        return False
    letters = [c for c in text if c.isalpha()]
    return _all(rest, "bold") or _all(rest, "italic") and _all(label, "italic") \
        or len(text) < _SHORT and bool(letters) and all(c.isupper() for c in letters)


def _run_in(label: list[Run], rest: list[Run], emphasis: str) -> Heading | None:
    """A title in the label's `emphasis` ending with a colon, then the paragraph's text on the same line."""
    if not _all(label, emphasis):
        return None
    end = 0
    for run in rest:
        if run.text.strip() and not getattr(run, emphasis):
            break
        end += len(run.text)
    title, text = split(rest, end)
    words = "".join(r.text for r in title).rstrip()
    if len(words) > _LONGEST or not any(c.isalpha() for c in words):
        return None
    if not words.endswith(":"):
        after = "".join(r.text for r in text)
        if not after.lstrip().startswith(":"):
            return None
        text = split(text, after.index(":") + 1)[1]
        title = [*split(title, len(words))[0], replace(title[-1], text=":")]  # the colon in the title's emphasis
    text = cut(text, 0)
    return None if not _visible(text) else Heading(title, text, run_in=True)
