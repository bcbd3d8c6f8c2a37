"""Hand edits: what a course manager changed in a timetable (in the workbook's session list) and
which of those edits a re-plan kept or had to undo.

An edit is one aspect of one session: its time (date, start, end), staff, room, participants or
lock; a row added by hand is an edit too. Sessions are matched by id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from models.base import SessionKind
from models.timetable import Session

EditField = Literal["time", "staff", "room", "participants", "locked", "added"]
FIELDS: tuple[EditField, ...] = ("time", "staff", "room", "participants", "locked")


@dataclass(frozen=True)
class HandEdit:
    """One aspect of a session as the workbook had it (`before`) and as edited (`after`)."""

    session: str
    field: EditField
    before: Session | None  # None: a row added by hand
    after: Session

    def kept_in(self, result: Session | None) -> bool:
        """Whether a re-planned session still has what the edit set."""
        if result is None:
            return False
        if self.field == "added":
            return all(value_of(result, f) == value_of(self.after, f) for f in FIELDS)
        return value_of(result, self.field) == value_of(self.after, self.field)


def value_of(session: Session, field: EditField) -> object:
    """The aspect of a session an edit is about, in a form that compares."""
    if field == "time":
        return (session.date, session.start, session.end)
    if field == "staff":
        return frozenset(session.staff)
    if field == "room":
        return session.room
    if field == "participants":
        return frozenset(session.participants)
    if field == "locked":
        return session.locked
    return session.id


def hand_edits(before: Iterable[Session], after: Iterable[Session]) -> tuple[HandEdit, ...]:
    """Every aspect of every session that differs, in the order of the edited sessions."""
    was = {s.id: s for s in before}
    edits: list[HandEdit] = []
    for session in after:
        old = was.get(session.id)
        if old is None:
            edits.append(HandEdit(session.id, "added", None, session))
            continue
        edits.extend(
            HandEdit(session.id, field, old, session)
            for field in FIELDS
            if value_of(old, field) != value_of(session, field)
        )
    return tuple(edits)


def undone_edits(
    edits: Iterable[HandEdit], result: Iterable[Session] | Mapping[str, Session]
) -> tuple[HandEdit, ...]:
    """The edits a re-planned timetable does not keep."""
    by_id = result if isinstance(result, Mapping) else {s.id: s for s in result}
    return tuple(edit for edit in edits if not edit.kept_in(by_id.get(edit.session)))


def follow_participants(before: Iterable[Session], after: Iterable[Session]) -> dict[str, str]:
    """Individual meetings belong to their participant: where the participants of individual
    meetings were swapped by hand, the new id of each session (old id -> new id).

    A meeting is its programme item's meeting for that participant (the id says whose), so
    swapping 'K01' and 'K02' in two interview rows swaps the two interviews' times, staff and
    rooms. Only a whole swap is followed: per programme item, every participant has as many
    meetings as before; otherwise nothing is renamed and the checker judges what is there.
    """
    was = {s.id: s for s in before}
    by_spec: dict[str | None, list[Session]] = {}
    for session in after:
        old = was.get(session.id)
        if old is not None and old.kind == session.kind == SessionKind.INDIVIDUAL:
            by_spec.setdefault(old.spec, []).append(session)
    renamed: dict[str, str] = {}
    for sessions in by_spec.values():
        if all(set(s.participants) == set(was[s.id].participants) for s in sessions):
            continue
        owners: dict[frozenset[str], list[str]] = {}
        for session in sorted(sessions, key=lambda s: s.id):
            owners.setdefault(frozenset(was[session.id].participants), []).append(session.id)
        holders: dict[frozenset[str], list[Session]] = {}
        for session in sorted(sessions, key=lambda s: s.id):
            holders.setdefault(frozenset(session.participants), []).append(session)
        if {k: len(v) for k, v in owners.items()} != {k: len(v) for k, v in holders.items()}:
            continue
        for key, group in holders.items():
            free = [i for i in owners[key] if i not in {s.id for s in group}]
            for session in group:
                if session.id in owners[key]:
                    continue
                renamed[session.id] = free.pop(0)
    return renamed
