"""When this run of the tool began: a wall-clock --time-limit counts from then, so the seconds
spent starting up (imports take one or two on a busy machine) are part of the limit too."""

from __future__ import annotations

import time

_began: float | None = None


def begin() -> None:
    """Notes that the run begins now (the `kurssi` launcher, first thing)."""
    global _began
    _began = time.monotonic()


def run_began() -> float:
    """When the run began: as the launcher noted, else now (the CLI called in-process)."""
    return _began if _began is not None else time.monotonic()
