"""SIGTERM (`kill`, a service stopped) stops a command as Ctrl-C does: raised where the command is, as an exception."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class Terminated(BaseException):
    """SIGTERM arrived: raised as Ctrl-C raises KeyboardInterrupt, so that what runs is stopped and cleaned up."""


_landed = False  # SIGTERM came inside the running sigterm_raises block


def _terminate(signum: int, frame: object) -> None:
    global _landed
    _landed = True
    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # once: the clean-up is not cut short by another
    raise Terminated


@contextmanager
def sigterm_raises() -> Iterator[None]:
    """SIGTERM raises Terminated inside the block (in the main thread: no other can handle a signal); raised again
    as the block ends should code it landed in have swallowed it (a finalizer, `__del__`, a callback)."""
    global _landed
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if main else None
    _landed = False
    try:
        yield
    finally:
        arrived, _landed = _landed, False
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if arrived:
        raise Terminated


def raise_if_arrived() -> None:
    """Raise Terminated now if SIGTERM came inside the running `sigterm_raises` block and was swallowed where it
    landed (pydantic swallows it in a union's discriminator): a batch stops after the document it came in, not at
    its end."""
    if _landed:
        raise Terminated
