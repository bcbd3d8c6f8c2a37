"""The course manager's locks: a locked session keeps its place in every solve and re-plan.

A lock is kept in the timetable JSON (`locked`, `lock_scope`): scope "all" pins the day, time,
staff and room; scope "time" pins the day and time and lets staff and room change.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.timetable import Session
from scheduler.cpsat.build import BuiltModel
from scheduler.cpsat.perturbation import freeze, old_placements
from scheduler.domain.occurrences import lock_scope, occurrences


def lock_scopes(built: BuiltModel, sessions: Iterable[Session]) -> dict[str, str]:
    """Occurrence id -> what its lock pins, for the occurrences this model places; a lock of
    "all" on any part wins over "time"."""
    known = {o.id for o in built.vars.occurrences}
    scopes = {key: lock_scope(parts) for key, parts in occurrences(sessions).items()}
    return {key: scope for key, scope in scopes.items() if scope is not None and key in known}


def pin_locked(built: BuiltModel, sessions: Iterable[Session]) -> set[str]:
    """Freezes every locked session of an earlier timetable (`sessions`, all of them) where it
    was; returns the occurrence ids pinned. A lock whose session the course no longer has (the
    programme changed) pins nothing."""
    sessions = tuple(sessions)
    scopes = lock_scopes(built, sessions)
    if not scopes:
        return set()
    placements = old_placements(built, sessions)
    pinned = set()
    for occurrence in built.vars.occurrences:
        if occurrence.id in scopes and occurrence.id in placements:
            freeze(built, occurrence, placements[occurrence.id], scope=scopes[occurrence.id])
            pinned.add(occurrence.id)
    return pinned


def carry_locks(sessions: Iterable[Session], earlier: Iterable[Session]) -> tuple[Session, ...]:
    """The new sessions with the locks the earlier timetable had on the same session ids."""
    locks = {s.id: s.lock_scope for s in earlier if s.locked}
    return tuple(
        s.model_copy(update={"locked": True, "lock_scope": locks[s.id]}) if s.id in locks else s
        for s in sessions
    )
