"""Ctrl-C (SIGINT) ends a run at any moment with exit 130, promptly even in the middle of a
search, and never leaves an output half-written.

`install` is called first thing by the `kurssi` launcher. From then on SIGINT raises
`Interrupted`, which no `except Exception` swallows and which click does not turn into its own
"Aborted!" (exit 1, the code of a failed check). A solver cannot notice the signal while it is
searching (Python runs signal handlers between bytecodes only), so a watcher thread, woken
through the signal module's wakeup file, stops every search in progress; the handler then runs
as soon as the search returns.
"""

from __future__ import annotations

import os
import signal
import threading
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol

EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a run ended by Ctrl-C


class Interrupted(BaseException):
    """SIGINT during a run: it ends with exit 130 (a BaseException, like KeyboardInterrupt,
    so that nothing that handles ordinary errors takes it for one)."""


class Stoppable(Protocol):
    def stop_search(self) -> None: ...


_searches: weakref.WeakSet[Any] = weakref.WeakSet()


def stop_on_interrupt(search: Stoppable) -> None:
    """Stop this search (a CP-SAT solver) when SIGINT arrives while it runs."""
    _searches.add(search)


def _stop_searches() -> None:
    for search in list(_searches):
        search.stop_search()


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def _watch(wakeup: int) -> None:
    while True:
        try:
            received = os.read(wakeup, 64)
        except OSError:
            return
        if not received:
            return
        if signal.SIGINT in received:
            _stop_searches()


def install() -> None:
    """SIGINT raises `Interrupted` from now on, and stops any search in progress at once."""
    signal.signal(signal.SIGINT, _raise_interrupted)
    readable, writable = os.pipe()
    os.set_blocking(writable, False)
    signal.set_wakeup_fd(writable, warn_on_full_buffer=False)
    threading.Thread(target=_watch, args=(readable,), name="interrupts", daemon=True).start()


@contextmanager
def deferred_interrupt() -> Iterator[Callable[[], bool]]:
    """Holds SIGINT back for a few steps that must all happen or none (renaming a set of
    files into place): yields a function that says whether one came meanwhile, so the steps
    can be undone; the interrupt is raised on leaving.

    Python delivers signals to the main thread only: elsewhere nothing is held back.
    """
    if threading.current_thread() is not threading.main_thread():
        yield lambda: False
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: caught.append(signum))
    try:
        yield lambda: bool(caught)
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught:
            if callable(previous):
                previous(signal.SIGINT, None)
            elif previous == signal.SIG_DFL:
                raise KeyboardInterrupt
