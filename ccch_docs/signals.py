"""SIGTERM (`kill`, a service stopped) stops a command as Ctrl-C does: raised where the command is, as an exception."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(BaseException):
    """SIGTERM arrived: raised as Ctrl-C raises KeyboardInterrupt, so that what runs is stopped and cleaned up."""


def _terminate(signum: int, frame: object) -> None:
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the clean-up is not cut short by another
    raise Terminated


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """SIGTERM raises Terminated inside the block (in the main thread: no other can handle a signal); raised again
    as the block ends should code it landed in have swallowed it (a finalizer, `__del__`, a callback)."""
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main else None
    arrived = False
    try:
        yield
    finally:
        if previous is not None:
            arrived = signal.getsignal(signal.SIGTERM) is signal.SIG_IGN  # _terminate replaced itself
            signal.signal(signal.SIGTERM, previous)
    if arrived:
        raise Terminated
