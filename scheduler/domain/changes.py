"""A re-plan's facts in the domain: the course as it stands after a change (someone away,
replaced, added; a room closed; a participant leaving), and the list of sessions that differ
between two timetables with whom to tell."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from models.base import SessionKind, TimeWindow, format_clock
from models.changes import (
    AddStaff,
    ChangeSet,
    ParticipantLeaves,
    RemoveStaff,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import Course, Room, StaffMember
from models.timetable import Change, Placement, Session
from scheduler.errors import InputError

ALL_PARTICIPANTS = "all participants"


def _minutes_on(day: date, moment: datetime | None, default: int) -> int:
    """A moment as minutes after midnight of `day`, clamped to that day."""
    if moment is None:
        return default
    if moment.date() < day:
        return 0
    if moment.date() > day:
        return 24 * 60
    return moment.hour * 60 + moment.minute


def _subtract(windows: Iterable[TimeWindow], start: int, end: int) -> tuple[TimeWindow, ...]:
    """The windows with [start, end) taken out."""
    left: list[TimeWindow] = []
    for window in windows:
        if end <= window.start or start >= window.end:
            left.append(window)
            continue
        if window.start < start:
            left.append(TimeWindow(start=window.start, end=start))
        if end < window.end:
            left.append(TimeWindow(start=end, end=window.end))
    return tuple(left)


def _away(
    course: Course, start: datetime | None, end: datetime | None, now: datetime | None
) -> dict[date, tuple[int, int]]:
    """Per course day, the minutes [from, to) of an absence; never before `now` (the past stays)."""
    if now is not None and (start is None or start < now):
        start = now
    spans = {}
    for day in course.days:
        lo = _minutes_on(day, start, 0)
        hi = _minutes_on(day, end, 24 * 60)
        if lo < hi:
            spans[day] = (lo, hi)
    return spans


def _staff_away(
    course: Course,
    staff_id: str,
    start: datetime | None,
    end: datetime | None,
    now: datetime | None,
) -> Course:
    if not any(s.id == staff_id for s in course.staff):
        raise InputError("changes", staff_id, f"no staff member {staff_id!r} on this course")
    member = course.member(staff_id)
    availability = dict(member.availability)
    for day, (lo, hi) in _away(course, start, end, now).items():
        availability[day] = _subtract(course.available_windows(member, day), lo, hi)
    updated = member.model_copy(update={"availability": availability})
    return course.with_changes(
        staff=tuple(updated if s.id == staff_id else s for s in course.staff)
    )


def _room_away(
    course: Course, room_id: str, start: datetime | None, end: datetime | None, now: datetime | None
) -> Course:
    if not any(r.id == room_id for r in course.rooms):
        raise InputError("changes", room_id, f"no room {room_id!r} on this course")
    room = course.room(room_id)
    unavailable = dict(room.unavailable)
    for day, (lo, hi) in _away(course, start, end, now).items():
        lo, hi = max(lo, course.info.day_window.start), min(hi, course.info.day_window.end)
        if lo < hi:
            unavailable[day] = (*unavailable.get(day, ()), TimeWindow(start=lo, end=hi))
    updated: Room = room.model_copy(update={"unavailable": unavailable})
    return course.with_changes(rooms=tuple(updated if r.id == room_id else r for r in course.rooms))


def _add(course: Course, member: StaffMember) -> Course:
    if any(s.id == member.id for s in course.staff):
        raise InputError("changes", member.id, f"staff id {member.id!r} is already on the course")
    return course.with_changes(staff=(*course.staff, member))


def apply_changes(course: Course, changes: ChangeSet) -> Course:
    """The course as it stands after the changes (the past before `now` untouched)."""
    now = changes.now
    for change in changes.changes:
        match change:
            case StaffUnavailable(staff=staff_id, start=start, end=end):
                course = _staff_away(course, staff_id, start, end, now)
            case RemoveStaff(staff=staff_id):
                course = _staff_away(course, staff_id, None, None, now)
            case ReplaceStaff(old=old, new=new):
                course = _staff_away(course, old, None, None, now)
                stand_in = new if new.replaces else new.model_copy(update={"replaces": old})
                course = _add(course, stand_in)
            case AddStaff(member=member):
                course = _add(course, member)
            case RoomUnavailable(room=room_id, start=start, end=end):
                course = _room_away(course, room_id, start, end, now)
            case ParticipantLeaves(participant=participant_id, at=at):
                course = _leaves(course, participant_id, at or now)
    return course


def _leaves(course: Course, participant_id: str, at: datetime | None) -> Course:
    if not any(p.id == participant_id for p in course.participants):
        raise InputError("changes", participant_id, f"no participant {participant_id!r}")
    if at is None:
        raise InputError("changes", participant_id, "say when the participant leaves (or --now)")
    return course.with_changes(
        participants=tuple(
            p.model_copy(update={"leaves": at}) if p.id == participant_id else p
            for p in course.participants
        )
    )


def _describe(session: Session | None) -> str | None:
    if session is None:
        return None
    staff = ", ".join(session.staff) or "-"
    return f"{session.date.isoformat()} {format_clock(session.start)}-{format_clock(session.end)}, {staff}, {session.room or '-'}"


def _place(session: Session | None) -> Placement | None:
    if session is None:
        return None
    return Placement(
        date=session.date,
        start=session.start,
        end=session.end,
        staff=session.staff,
        room=session.room,
    )


def change_list(old: Iterable[Session], new: Iterable[Session]) -> tuple[Change, ...]:
    """Each session that differs, before and after, and the people to tell."""
    before = {s.id: s for s in old if s.kind != SessionKind.TRANSFER}
    after = {s.id: s for s in new if s.kind != SessionKind.TRANSFER}
    rows: list[Change] = []
    for session_id in sorted(before.keys() | after.keys()):
        a, b = before.get(session_id), after.get(session_id)
        if a is not None and b is not None and _placement(a) == _placement(b):
            continue
        what = []
        if a is None or b is None:
            what.append("added" if a is None else "removed")
        else:
            if a.date != b.date:
                what.append("day")
            elif (a.start, a.end) != (b.start, b.end):
                what.append("time")
            if set(a.staff) != set(b.staff):
                what.append("staff")
            if a.room != b.room:
                what.append("room")
        notify = sorted({*(a.staff if a else ()), *(b.staff if b else ())})
        timing_moved = a is None or b is None or "day" in what or "time" in what
        reference = b or a
        assert reference is not None
        if timing_moved and reference.participants:
            if reference.kind in (SessionKind.INDIVIDUAL, SessionKind.SMALL_GROUP):
                notify += list(reference.participants)
            else:
                notify.append(ALL_PARTICIPANTS)
        rows.append(
            Change(
                session=session_id,
                title=reference.title,
                titles=reference.titles,
                change="+".join(what),
                before=_describe(a),
                after=_describe(b),
                before_place=_place(a),
                after_place=_place(b),
                notify=tuple(notify),
            )
        )
    return tuple(rows)


def _placement(session: Session) -> tuple:
    return (session.date, session.start, session.end, frozenset(session.staff), session.room)
