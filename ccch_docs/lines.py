"""Places in a text as an editor shows them: lines end at \\n, \\r\\n or \\r only.

YAML's parsers (libyaml and PyYAML) also end a line at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH
SEPARATOR (U+2029); the places they report are moved to the editor's lines here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property

_EDITOR_BREAK = re.compile(r"\r\n?|\n")
_YAML_BREAK = re.compile(r"\r\n?|[\n\x85\u2028\u2029]")
_YAML_ONLY = ("\x85", "\u2028", "\u2029")


class Lines:
    """The lines of one text, counted as an editor counts them.

    >>> Lines("a\\u2028b\\r\\nc").at(1, 1), Lines("a\\rb\\rc").place(4)
    ((1, 4), (3, 1))
    """

    def __init__(self, text: str):
        self.text = text
        self.differ = any(c in text for c in _YAML_ONLY)  # YAML's lines are not the editor's

    @cached_property
    def _starts(self) -> list[int]:
        """Where each of the editor's lines after the first starts."""
        return [m.end() for m in _EDITOR_BREAK.finditer(self.text)]

    @cached_property
    def _yaml_starts(self) -> list[int]:
        """Where each of YAML's lines starts."""
        return [0, *(m.end() for m in _YAML_BREAK.finditer(self.text))]

    def line(self, number: int) -> str:
        """The text of the editor's line `number` (1-based), without its line end; "" past the last line (a
        parser's place at the end of a text that does not end with a line break).

        >>> Lines("a: [1").line(1), Lines("a: [1").line(2)
        ('a: [1', '')
        """
        starts = [0, *self._starts, len(self.text)]
        return self.text[starts[number - 1]:starts[number]].rstrip("\r\n") if number < len(starts) else ""

    def place(self, index: int) -> tuple[int, int]:
        """The 1-based line and column of `text[index]`."""
        line = bisect_right(self._starts, index)
        return line + 1, index - (self._starts[line - 1] if line else 0) + 1

    def index(self, line: int, column: int) -> int:
        """Where in the text the place a YAML parser reports at its 0-based `line` and `column` is.

        >>> Lines("a\u2028b: c").index(1, 3)
        5
        """
        starts = self._yaml_starts
        return starts[min(line, len(starts) - 1)] + column

    def at(self, line: int, column: int) -> tuple[int, int]:
        """The 1-based line and column of the place a YAML parser reports at its 0-based `line` and `column`."""
        if not self.differ:
            return line + 1, column + 1
        starts = self._yaml_starts
        return self.place(starts[min(line, len(starts) - 1)] + column)
