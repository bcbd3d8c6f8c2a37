"""Reading a re-plan's changes from command-line flags and from a change file (YAML)."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.base import MAX_ID_LENGTH
from models.changes import (
    CHANGE_KINDS,
    AddStaff,
    ChangeSet,
    ParticipantLeaves,
    RemoveStaff,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.documents import explain_validation, read_yaml


def parse_moment(text: str, where: str) -> datetime:
    """'2027-03-10T08:00', '2027-03-10 08:00' or '2027-03-10' (midnight)."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time())
        return datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise InputError(
            where, text, "expected a date-time like 2027-03-10T08:00 (or a date 2027-03-10)"
        ) from None


def parse_span(value: str, flag: str) -> tuple[str, datetime | None, datetime | None]:
    """'ID[@FROM[/TO]]' -> (ID, FROM, TO)."""
    ident, _, span = value.partition("@")
    if not ident:
        raise InputError(flag, value, "expected ID[@FROM[/TO]], e.g. pt1@2027-03-10T08:00")
    start_text, _, end_text = span.partition("/")
    start = parse_moment(start_text, flag) if start_text else None
    end = parse_moment(end_text, flag) if end_text else None
    if start and end and end <= start:
        raise InputError(flag, value, "the end is before the start")
    return ident, start, end


def _staff_member(flag: str, value: str, **fields: Any) -> StaffMember:
    """A staff member a flag names; InputError (exit 2) when the id cannot be one."""
    try:
        return StaffMember(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        if first["type"] in ("string_pattern_mismatch", "string_too_long"):
            reason = (
                "an id is one plain word of letters a-z, digits, '_', '-' or '.' "
                f"(at most {MAX_ID_LENGTH} characters), e.g. pt3"
            )
        else:
            reason = str(first["msg"])
        raise InputError(flag, value, reason) from None


def _stand_in(timetable: Timetable, old: str, new: str, flag: str) -> StaffMember:
    """A stand-in known only by id takes the role and staff group of whom they replace."""
    replaced = next((s for s in timetable.staff if s.id == old), None)
    if replaced is None:
        known = ", ".join(s.id for s in timetable.staff)
        raise InputError(flag, old, f"no staff member {old!r} on this course; staff: {known}")
    return _staff_member(flag, new, id=new, role=replaced.role, group=replaced.group, replaces=old)


def changes_from_flags(
    timetable: Timetable,
    *,
    now: str | None = None,
    unavailable: tuple[str, ...] = (),
    replace: tuple[str, ...] = (),
    add_staff: tuple[str, ...] = (),
    remove_staff: tuple[str, ...] = (),
    room_unavailable: tuple[str, ...] = (),
    participant_leaves: tuple[str, ...] = (),
) -> ChangeSet:
    changes: list[Any] = []
    for value in unavailable:
        staff, start, end = parse_span(value, "--unavailable")
        changes.append(StaffUnavailable(staff=staff, start=start, end=end))
    for value in replace:
        old, sep, new = value.partition("=")
        if not sep or not old or not new:
            raise InputError("--replace", value, "expected OLD=NEW, e.g. pt1=pt3")
        changes.append(ReplaceStaff(old=old, new=_stand_in(timetable, old, new, "--replace")))
    for value in add_staff:
        ident, sep, role = value.partition(":")
        if not sep or not ident or not role:
            raise InputError("--add-staff", value, "expected ID:ROLE, e.g. pt3:physiotherapist")
        changes.append(AddStaff(member=_staff_member("--add-staff", value, id=ident, role=role)))
    for value in remove_staff:
        changes.append(RemoveStaff(staff=value))
    for value in room_unavailable:
        room, start, end = parse_span(value, "--room-unavailable")
        changes.append(RoomUnavailable(room=room, start=start, end=end))
    for value in participant_leaves:
        participant, at, _ = parse_span(value, "--participant-leaves")
        changes.append(ParticipantLeaves(participant=participant, at=at))
    return ChangeSet(now=parse_moment(now, "--now") if now else None, changes=tuple(changes))


def changes_from_file(path: Path) -> ChangeSet:
    """A change file: `now:` and a list `changes:` of entries with a `kind` (see models/changes)."""
    doc = read_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError(str(path), "line 1", "a change file is a mapping with 'now' and 'changes'")
    entries = doc.data.get("changes")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and "kind" not in entry:
            # The shorthand `- remove_staff: liik` is the likeliest slip: say how to write it.
            said = next((key for key in entry if key in CHANGE_KINDS), None)
            example = (
                f"write '- kind: {said}' and its fields below it"
                if said
                else "e.g. '- kind: unavailable' with 'staff: pt1' and 'start: 2027-03-10T08:00'"
            )
            raise InputError(
                str(path),
                doc.place(("changes", index)),
                f"each change needs a 'kind:' ({', '.join(CHANGE_KINDS)}); {example}",
            )
    try:
        return ChangeSet.model_validate(doc.data)
    except ValidationError as error:
        raise explain_validation(doc, error) from None


def merge(first: ChangeSet, second: ChangeSet) -> ChangeSet:
    return ChangeSet(now=second.now or first.now, changes=first.changes + second.changes)
