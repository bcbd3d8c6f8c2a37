"""Changes by hand: move a session to another day, time, staff member or room, or lock it, and
see at once which rules the timetable then breaks (the independent checker decides)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from models.base import SessionKind
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import CheckReport, check
from scheduler.domain.changes import change_list
from scheduler.errors import InputError
from scheduler.words import say

__all__ = ["Move", "MoveResult", "check_move", "move", "occurrence_sessions", "set_lock"]


@dataclass(frozen=True)
class Move:
    """Where the session goes; None keeps what it has."""

    session: str
    date: date | None = None
    start: int | None = None  # clock minutes
    staff: tuple[str, ...] | None = None
    room: str | None = None


@dataclass(frozen=True)
class MoveResult:
    timetable: Timetable
    report: CheckReport

    @property
    def passed(self) -> bool:
        return self.report.passed


def _session(timetable: Timetable, session_id: str) -> Session:
    found = next((s for s in timetable.sessions if s.id == session_id), None)
    if found is None:
        raise InputError(say("place_session"), session_id, say("moves_no_session"))
    return found


def _owner_id(timetable: Timetable, session: Session) -> str:
    """The id of the session a transfer belongs to; the session's own id otherwise."""
    if session.kind == SessionKind.TRANSFER:
        ids = {s.id for s in timetable.sessions}
        for suffix in ("-to", "-from"):
            if session.id.endswith(suffix) and session.id.removesuffix(suffix) in ids:
                return session.id.removesuffix(suffix)
    return session.id


def occurrence_sessions(timetable: Timetable, session_id: str) -> tuple[Session, ...]:
    """The sessions that move together with this one: both halves of a small group (they run
    side by side, R7) and the transfers to and from an off-site room (R30)."""
    session = _session(timetable, session_id)
    owner = _session(timetable, _owner_id(timetable, session))
    halves = {owner.id}
    if owner.kind == SessionKind.SMALL_GROUP and owner.small_group:
        base = owner.id[:-1]
        halves = {
            s.id
            for s in timetable.sessions
            if s.kind == SessionKind.SMALL_GROUP and s.id[:-1] == base
        }
    return tuple(
        s for s in timetable.sessions if s.id in halves or _owner_id(timetable, s) in halves
    )


def move(timetable: Timetable, change: Move) -> Timetable:
    """The timetable with the session moved; its change list says what differs from before.

    A new day or time moves the whole occurrence (both small-group halves, the transfers);
    new staff or a new room apply to the session itself (and its transfers, whom the staff
    escort). Nothing is checked here: see check_move.
    """
    session = _session(timetable, change.session)
    owner = _session(timetable, _owner_id(timetable, session))
    together = occurrence_sessions(timetable, change.session)
    shift = 0 if change.start is None else change.start - owner.start
    day = change.date or owner.date
    if change.room is not None and change.room not in {r.id for r in timetable.rooms}:
        raise InputError(say("place_room"), change.room, say("moves_no_room"))
    known_staff = {m.id for m in timetable.staff}
    if change.staff is not None and set(change.staff) - known_staff:
        unknown = ", ".join(sorted(set(change.staff) - known_staff))
        raise InputError(say("place_staff"), unknown, say("moves_no_staff"))
    if change.start is not None and not (change.start >= 0 and owner.end + shift <= 24 * 60):
        raise InputError(say("place_start"), str(change.start), say("moves_leaves_day"))
    moved: dict[str, Session] = {}
    for other in together:
        update: dict[str, object] = {
            "date": day,
            "start": other.start + shift,
            "end": other.end + shift,
        }
        mine = other.id == owner.id or _owner_id(timetable, other) == owner.id
        if mine and change.staff is not None:
            update["staff"] = change.staff
        if other.id == owner.id and change.room is not None:
            update["room"] = change.room
        moved[other.id] = other.model_copy(update=update)
    sessions = tuple(
        sorted(
            (moved.get(s.id, s) for s in timetable.sessions), key=lambda s: (s.date, s.start, s.id)
        )
    )
    return timetable.model_copy(
        update={"sessions": sessions, "changes": change_list(timetable.sessions, sessions)}
    )


def check_move(timetable: Timetable, standard: Standard, change: Move) -> MoveResult:
    """The moved timetable and the checker's report on it: which rules the move breaks."""
    moved = move(timetable, change)
    return MoveResult(moved, check(moved, standard))


def set_lock(timetable: Timetable, session_id: str, scope: str | None) -> Timetable:
    """The timetable with the session (and the sessions that move with it) locked: scope "all"
    pins day, time, staff and room, "time" the day and time only; None unlocks it."""
    if scope not in (None, "all", "time"):
        raise InputError(say("place_lock"), str(scope), say("moves_lock"))
    ids = {s.id for s in occurrence_sessions(timetable, session_id)}
    update: dict[str, object] = {"locked": scope is not None, "lock_scope": scope or "all"}
    sessions = tuple(s.model_copy(update=update) if s.id in ids else s for s in timetable.sessions)
    return timetable.model_copy(update={"sessions": sessions})
