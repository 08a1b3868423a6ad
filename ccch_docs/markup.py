"""Inline markup of user text to runs: `**bold**`, `*italic*`, `***both***`, `\\*` for a star, `[^1]` footnote marks."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from .blocks import Run

_STAR = "\ue000"  # stands for an escaped `\*` while the text is parsed (input never holds private-use marks)
_STARS, _BREAKS = re.compile(r"\*"), re.compile("\n")
_NOTE = re.compile(r"\[\^(\d{1,4})\]")


def has_markup(text: str) -> bool:
    """Whether `text` may hold markup (a cheap test before parsing)."""
    return "*" in text or "\\" in text or "[^" in text


def runs(text: str, dam: bool = False, nghieng: bool = False) -> tuple[Run, ...]:
    """Split markup into runs; `dam`/`nghieng` are the emphasis around `text`.

    >>> [(r.text, r.dam, r.nghieng) for r in runs("a **b** *c* ***d***")]
    [('a ', False, False), ('b', True, False), (' ', False, False), ('c', False, True), (' ', False, False), \
('d', True, True)]
    >>> [r.text for r in runs(r"a * b, 2 \\* 3, \\*x\\*")]
    ['a * b, 2 * 3, *x*']
    >>> [(r.text, r.chu_thich) for r in runs("Ban Chỉ đạo 934[^1].")]
    [('Ban Chỉ đạo 934', 0), ('', 1), ('.', 0)]
    """
    out = list(_parse(text.replace("\\*", _STAR), dam, nghieng))
    return tuple(out) if out else (Run("", dam, nghieng),)


def _parse(text: str, dam: bool, nghieng: bool) -> Iterator[Run]:
    pos = 0
    for start, end, stars in _emphases(text) if "*" in text else ():
        yield from _plain(text[pos:start], dam, nghieng)
        yield from _parse(text[start + stars:end - stars], dam or stars > 1, nghieng or stars != 2)
        pos = end
    yield from _plain(text[pos:], dam, nghieng)


def _emphases(text: str) -> Iterator[tuple[int, int, int]]:
    """The emphasis spans of `text`, left to right: (start, end, stars). An emphasis opens on a star followed by a
    non-space and closes on the nearest star preceded by one, within its line, so a lone star (`a * b`) is text; the
    longest marks are tried first (`***` bold italic, `**` bold, `*` italic: a star does not open or close `*` beside
    another star). The nearest closing mark is looked up, not searched for: `**a **a …` unclosed took time growing with
    the square of its length (200,000 characters: 4 minutes)."""
    end = len(text)
    stars = [m.start() for m in _STARS.finditer(text)]
    # closers[n]: where a mark of n stars may close (a star preceded by a non-space; for `*`, by no star either)
    closers: dict[int, list[int]] = {3: [], 2: [], 1: []}
    for j in stars:
        if j and not text[j - 1].isspace():
            for n in (3, 2, 1):
                if text.startswith("*" * n, j) and (n > 1 or text[j - 1] != "*"):
                    closers[n].append(j)
    breaks = [m.start() for m in _BREAKS.finditer(text)]
    at = 0  # the next star that may open an emphasis
    while at < len(stars):
        i = stars[at]
        line_end = breaks[bisect.bisect_left(breaks, i)] if breaks and breaks[-1] >= i else end
        for n in (3, 2, 1):  # opens on n stars followed by a non-space (for `*`, by no star either)
            if i + n < end and text.startswith("*" * n, i) and not text[i + n].isspace() and (
                    n > 1 or text[i + 1] != "*"):
                k = bisect.bisect_left(closers[n], i + n + 1)
                if k < len(closers[n]) and closers[n][k] <= line_end:
                    yield i, closers[n][k] + n, n
                    at = bisect.bisect_left(stars, closers[n][k] + n)
                    break
        else:
            at += 1


def _plain(text: str, dam: bool, nghieng: bool) -> Iterator[Run]:
    pos = 0
    for m in _NOTE.finditer(text):
        if m.start() > pos:
            yield Run(text[pos:m.start()].replace(_STAR, "*"), dam, nghieng)
        yield Run("", dam, nghieng, int(m.group(1)))
        pos = m.end()
    if pos < len(text):
        yield Run(text[pos:].replace(_STAR, "*"), dam, nghieng)


def notes(text: str) -> list[int]:
    """The footnote numbers `text` refers to.

    >>> notes("a[^1] b[^12]")
    [1, 12]
    """
    return [int(n) for n in _NOTE.findall(text)]


def plain_text(text: str) -> str:
    """The text as printed, without its marks (for searching and measuring).

    >>> plain_text(r"**Điều** *3*[^1] \\*")
    'Điều 3 *'
    """
    return "".join(r.text for r in runs(text))


def marked(pieces: Iterable[tuple[str, bool, bool]]) -> str:
    """Text with markup from (text, bold, italic) pieces, the inverse of `runs`: spaces stay outside the
    marks, a star is written `\\*`.

    >>> marked([("a ", False, False), ("b ", True, False), ("c", False, True), ("*", False, False)])
    'a **b** *c*\\\\*'
    >>> [(r.text, r.dam, r.nghieng) for r in runs(marked([("x", True, True), (" y", False, False)]))]
    [('x', True, True), (' y', False, False)]
    """
    merged: list[list] = []
    for text, bold, italic in pieces:
        text = text.replace("*", "\\*")
        if not text.strip() and merged:
            bold, italic = merged[-1][1:]  # spaces carry no emphasis of their own
        if merged and merged[-1][1:] == [bold, italic]:
            merged[-1][0] += text
        elif text:
            merged.append([text, bold, italic])
    out = []
    for text, bold, italic in merged:
        mark = "***" if bold and italic else "**" if bold else "*" if italic else ""
        core = text.strip()
        if not mark or not core:
            out.append(text)
            continue
        lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
        out.append(f"{lead}{mark}{core}{mark}{trail}")
    return "".join(out)
