"""Which sessions of a timetable are one occurrence of the programme, and what a lock on them
pins.

A timetable writes some occurrences as several sessions: the two small-group halves 'x-1A' and
'x-1B' of 'x-1', and the transfers 'x-to'/'x-from' around an off-site session 'x'. A re-plan,
a lock and a suggestion all act on the occurrence, so they share this one reading of ids.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from models.base import SessionKind
from models.timetable import Session


def occurrence_id(session: Session, by_id: Mapping[str, Session]) -> str:
    """The occurrence a session belongs to (`by_id`: the timetable's sessions by id)."""
    base = session
    if session.kind == SessionKind.TRANSFER:
        for suffix in ("-to", "-from"):
            if session.id.endswith(suffix) and session.id.removesuffix(suffix) in by_id:
                base = by_id[session.id.removesuffix(suffix)]
    if base.small_group and base.id.endswith(base.small_group):
        return base.id.removesuffix(base.small_group)
    return base.id


def lock_scope(sessions: Iterable[Session]) -> str | None:
    """What the course manager's locks on one occurrence's sessions pin: "all" (day, time,
    staff and room) if any part is locked so, "time" if only the time is locked, None if none."""
    scopes = {s.lock_scope for s in sessions if s.locked}
    if not scopes:
        return None
    return "all" if "all" in scopes else "time"


def occurrences(sessions: Iterable[Session]) -> dict[str, list[Session]]:
    """A timetable's sessions grouped by occurrence, in the timetable's order."""
    sessions = tuple(sessions)
    by_id = {s.id: s for s in sessions}
    grouped: dict[str, list[Session]] = {}
    for session in sessions:
        grouped.setdefault(occurrence_id(session, by_id), []).append(session)
    return grouped
