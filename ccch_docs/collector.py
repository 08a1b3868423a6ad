"""The garbage collector's pauses: while a document is parsed, validated or rendered (it would rescan the growing
tree again and again), and while the program starts (its imports make many objects and no garbage; collecting
them took a tenth of a small render)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_starting = False  # the program's start-up pause holds until a paused block ends


def pause_start() -> None:
    """Pause the collector while the program starts. The end of the first `paused` block resumes it (by then the
    modules a document needs are imported), what start-up made moved out of its sight: long-lived, never garbage
    (`gc.freeze`; a worker forked later shares those pages with its parent too)."""
    global _starting
    _starting = gc.isenabled()
    gc.disable()


def resume() -> None:
    """End the start-up pause now, if it holds (a command that has no document to pause for)."""
    global _starting
    if _starting:
        _starting = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    """The collector off in the block; on again after it when it was on before, or when the start-up pause held."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _starting:
            resume()
        elif was:
            gc.enable()
