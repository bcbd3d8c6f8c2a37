"""A re-plan's facts in the domain: the course as it stands after a change (someone away,
replaced, added; a room closed; a participant leaving), who carries on a session under way at
the re-plan's now, and what differs between two timetables: the change list with whom to tell,
the sessions people lost (their calendars cancel them) and each session's revision."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from models.base import Problem, SessionKind, TimeWindow, format_clock
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
from models.standard import SessionSpec
from models.timetable import Change, Placement, Session, StaffPart, Withdrawn
from scheduler.domain.sessions import may_lead

ALL_PARTICIPANTS = "all participants"


def moment(day: date, minutes: int) -> datetime:
    """A clock minute of a day as a moment."""
    return datetime.combine(day, time()) + timedelta(minutes=minutes)


def _minutes_on(day: date, moment: datetime | None, default: int) -> int:
    """A moment as minutes after midnight of `day`, clamped to that day."""
    if moment is None:
        return default
    if moment.date() < day:
        return 0
    if moment.date() > day:
        return 24 * 60
    return moment.hour * 60 + moment.minute


def minute_of(day: date, now: datetime) -> int:
    """`now` as minutes after midnight of `day`, clamped to that day (0 before, 1440 after)."""
    return _minutes_on(day, now, 0)


def without(windows: Iterable[TimeWindow], start: int, end: int) -> tuple[TimeWindow, ...]:
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
        raise Problem("change_staff", id=staff_id)
    member = course.member(staff_id)
    availability = dict(member.availability)
    for day, (lo, hi) in _away(course, start, end, now).items():
        availability[day] = without(course.available_windows(member, day), lo, hi)
    updated = member.model_copy(update={"availability": availability})
    return course.with_changes(
        staff=tuple(updated if s.id == staff_id else s for s in course.staff)
    )


def _room_away(
    course: Course, room_id: str, start: datetime | None, end: datetime | None, now: datetime | None
) -> Course:
    if not any(r.id == room_id for r in course.rooms):
        raise Problem("change_room", id=room_id)
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
        raise Problem("change_staff_taken", id=member.id)
    return course.with_changes(staff=(*course.staff, member))


def _replace(course: Course, old: str, new: StaffMember, now: datetime | None) -> Course:
    """`new` takes `old`'s place from now on: someone new, or someone this change set added."""
    course = _staff_away(course, old, None, None, now)
    stand_in = new if new.replaces else new.model_copy(update={"replaces": old})
    if any(s.id == new.id for s in course.staff):
        # Added by an earlier change of the same set (--add-staff X --replace OLD=X).
        return course.with_changes(
            staff=tuple(stand_in if s.id == new.id else s for s in course.staff)
        )
    return _add(course, stand_in)


def apply_changes(course: Course, changes: ChangeSet) -> Course:
    """The course as it stands after the changes (the past before `now` untouched).

    Ending a session early or accepting a shortfall changes no fact of the course: the re-plan
    applies them to the session under way.
    """
    now = changes.now
    for change in changes.changes:
        match change:
            case StaffUnavailable(staff=staff_id, start=start, end=end):
                course = _staff_away(course, staff_id, start, end, now)
            case RemoveStaff(staff=staff_id):
                course = _staff_away(course, staff_id, None, None, now)
            case ReplaceStaff(old=old, new=new):
                course = _replace(course, old, new, now)
            case AddStaff(member=member):
                course = _add(course, member)
            case RoomUnavailable(room=room_id, start=start, end=end):
                course = _room_away(course, room_id, start, end, now)
            case ParticipantLeaves(participant=participant_id, at=at):
                course = _leaves(course, participant_id, at or now)
    return course


def _leaves(course: Course, participant_id: str, at: datetime | None) -> Course:
    if not any(p.id == participant_id for p in course.participants):
        raise Problem("change_participant", id=participant_id)
    if at is None:
        raise Problem("change_participant_when", id=participant_id)
    return course.with_changes(
        participants=tuple(
            p.model_copy(update={"leaves": at}) if p.id == participant_id else p
            for p in course.participants
        )
    )


# -- a session under way at the re-plan's now ---------------------------------------------------


def available_through(course: Course, staff_id: str, day: date, start: int, end: int) -> bool:
    """Whether a staff member of the course can work all of [start, end) on a day."""
    member = next((s for s in course.staff if s.id == staff_id), None)
    if member is None:
        return False
    return any(w.contains(start, end) for w in course.available_windows(member, day))


def stand_in_for(course: Course, staff_id: str) -> StaffMember | None:
    """Whoever a re-plan brought in to take `staff_id`'s place (their `replaces`)."""
    return next((s for s in course.staff if s.replaces == staff_id), None)


@dataclass(frozen=True)
class Carrying:
    """Who carries on a session under way at now: the staff who stay, the stand-ins who take
    over from those who leave, and those who leave with nobody in their place."""

    stays: tuple[str, ...]
    stand_ins: Mapping[str, str]  # who leaves -> their stand-in
    unreplaced: tuple[str, ...]

    @property
    def staff(self) -> tuple[str, ...]:
        """The session's staff from now on."""
        return (*self.stays, *self.stand_ins.values())

    @property
    def leaves(self) -> tuple[str, ...]:
        return (*self.stand_ins, *self.unreplaced)


def carrying_on(
    course: Course, session: Session, spec: SessionSpec | None, now_minute: int, until: int
) -> Carrying:
    """The change decides who carries on a session under way at `now_minute`: whoever is still
    available until `until` (its end, or the end of the return trip) stays; a stand-in
    (`--replace`) who may lead it takes over from whom they replace; anyone else leaves."""
    stays: list[str] = []
    stand_ins: dict[str, str] = {}
    unreplaced: list[str] = []
    for staff_id in session.staff_at(now_minute):
        if available_through(course, staff_id, session.date, now_minute, until):
            stays.append(staff_id)
            continue
        stand_in = stand_in_for(course, staff_id)
        if (
            stand_in is not None
            and stand_in.id not in stays
            and available_through(course, stand_in.id, session.date, now_minute, until)
            and (spec is None or may_lead(course, stand_in, spec))
        ):
            stand_ins[staff_id] = stand_in.id
        else:
            unreplaced.append(staff_id)
    return Carrying(stays=tuple(stays), stand_ins=stand_ins, unreplaced=tuple(unreplaced))


@dataclass(frozen=True)
class Lacking:
    """What a session's staff lack by its programme item: how many more people, and the roles
    it requires that none of them has (explain/replan.py words it)."""

    staff: int = 0
    roles: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.staff or self.roles)


def shortfall(course: Course, spec: SessionSpec | None, staff: Iterable[str]) -> Lacking:
    """What a session's staff lack by its programme item (the solver's staffing rules): their
    number and the roles it requires. False when nothing is lacking."""
    if spec is None:
        return Lacking()
    members = [course.member(s) for s in dict.fromkeys(staff)]
    roles = tuple(r for r in spec.required_roles if not any(m.role == r for m in members))
    return Lacking(max(spec.staff - len(members), 0), roles)


def _merged_parts(parts: list[StaffPart]) -> tuple[StaffPart, ...]:
    """Neighbouring parts with the same staff joined into one."""
    result: list[StaffPart] = []
    for part in parts:
        if result and (result[-1].staff, result[-1].missing) == (part.staff, part.missing):
            result[-1] = result[-1].model_copy(update={"end": part.end})
        else:
            result.append(part)
    return tuple(result)


def handed_over(
    session: Session, now_minute: int, staff: Iterable[str], missing: Iterable[str] = ()
) -> Session:
    """The session with `staff` (and, for an accepted shortfall, `missing`) from `now_minute`
    on: split in two parts there if that changes who is in it; the part before stays."""
    staff, missing = tuple(dict.fromkeys(staff)), tuple(dict.fromkeys(missing))
    if now_minute <= session.start:
        after = StaffPart(start=session.start, end=session.end, staff=staff, missing=missing)
        parts = _merged_parts([after])
    elif now_minute >= session.end:
        return session
    else:
        before = [
            p.model_copy(update={"end": min(p.end, now_minute)})
            for p in session.staff_parts()
            if p.start < now_minute
        ]
        after = StaffPart(start=now_minute, end=session.end, staff=staff, missing=missing)
        parts = _merged_parts([*before, after])
    everyone = tuple(dict.fromkeys(s for p in parts for s in p.staff))
    if len(parts) == 1 and not parts[0].missing:
        return session.model_copy(update={"staff": everyone, "parts": ()})
    return session.model_copy(update={"staff": everyone, "parts": parts})


def ended_at(session: Session, now_minute: int) -> Session:
    """The session ended early at `now_minute` (its planned end kept for the record)."""
    parts = tuple(
        p.model_copy(update={"end": min(p.end, now_minute)})
        for p in session.staff_parts()
        if p.start < now_minute
    )
    staff = tuple(dict.fromkeys(s for p in parts for s in p.staff))
    return session.model_copy(
        update={
            "end": now_minute,
            "planned_end": session.planned_end or session.end,
            "staff": staff,
            "parts": parts if len(parts) > 1 else (),
        }
    )


def departs(session: Session) -> bool:
    """Whether a re-plan recorded a departure in the session: a shortfall or an early end."""
    return session.planned_end is not None or any(p.missing for p in session.parts)


# -- what differs between two timetables --------------------------------------------------------


def _before(session: Session, now_minute: int) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """Who was in a session when, up to `now_minute` (the parts cut there)."""
    return tuple(
        (p.start, min(p.end, now_minute), tuple(sorted(p.staff)))
        for p in session.staff_parts()
        if p.start < now_minute
    )


def changed_past(old: Iterable[Session], new: Iterable[Session], now: datetime) -> list[str]:
    """What a re-plan at `now` changed of the past, as '<session id>: <what>'; empty as it
    should be. A session that started before now keeps its day, start, room and participants,
    and its staff until now (a handover or an early end changes it from now on only); nothing
    else starts before now."""
    before = {s.id: s for s in old}
    after = {s.id: s for s in new}
    found = []
    for session_id, was in before.items():
        if moment(was.date, was.start) >= now:
            continue
        is_ = after.get(session_id)
        cut = minute_of(was.date, now)
        if is_ is None:
            found.append(f"{session_id}: dropped")
        elif (is_.date, is_.start, is_.room, is_.participants, is_.kind) != (
            was.date,
            was.start,
            was.room,
            was.participants,
            was.kind,
        ):
            found.append(f"{session_id}: moved or regrouped")
        elif _before(is_, cut) != _before(was, cut):
            found.append(f"{session_id}: staff changed before now")
        elif is_.end != was.end and (is_.end < cut or was.end <= cut):
            found.append(f"{session_id}: end changed before now")
    for session_id, is_ in after.items():
        was_or_none = before.get(session_id)
        if moment(is_.date, is_.start) < now and (
            was_or_none is None or moment(was_or_none.date, was_or_none.start) >= now
        ):
            found.append(f"{session_id}: placed before now")
    return found


def placement(session: Session) -> Placement:
    return Placement(
        date=session.date,
        start=session.start,
        end=session.end,
        staff=session.staff,
        room=session.room,
        participants=session.participants,
        parts=session.parts,
    )


def _differs(a: Session, b: Session) -> bool:
    return (a.date, a.start, a.end, a.room, a.parts, a.planned_end) != (
        b.date,
        b.start,
        b.end,
        b.room,
        b.parts,
        b.planned_end,
    ) or (set(a.staff), set(a.participants)) != (set(b.staff), set(b.participants))


def _what(a: Session | None, b: Session | None) -> list[str]:
    if a is None or b is None:
        return ["added" if a is None else "removed"]
    what = []
    if a.date != b.date:
        what.append("day")
    elif b.planned_end is not None and a.planned_end != b.planned_end:
        what.append("ended")
    elif (a.start, a.end) != (b.start, b.end):
        what.append("time")
    if set(a.staff) != set(b.staff) or a.parts != b.parts:
        what.append("staff")
    if a.room != b.room:
        what.append("room")
    if set(a.participants) != set(b.participants):
        what.append("participants")
    return what


def change_list(
    old: Iterable[Session],
    new: Iterable[Session],
    *,
    now: datetime | None = None,
    notice_minutes: int = 0,
    forced: Callable[[Session], bool] = lambda _: False,
    describe: Callable[[Placement], str] | None = None,
) -> tuple[Change, ...]:
    """Each session that differs (transfers go with their session), before and after, whom to
    tell, whether the change was forced and whether it falls within the notice after `now`.

    Whom to tell: the staff before and after; the participants when the time, day or room
    changed (all of them for a group session); for a participant who left, only the session's
    own staff (the group's time did not change).
    """
    before = {s.id: s for s in old if s.kind != SessionKind.TRANSFER}
    after = {s.id: s for s in new if s.kind != SessionKind.TRANSFER}
    describe = describe or _plain
    notice_end = now + timedelta(minutes=notice_minutes) if now is not None else None
    rows: list[Change] = []

    def when(session_id: str) -> tuple[date, int, str]:
        session = after.get(session_id) or before[session_id]
        return (session.date, session.start, session_id)

    for session_id in sorted(before.keys() | after.keys(), key=when):
        a, b = before.get(session_id), after.get(session_id)
        if a is not None and b is not None and not _differs(a, b):
            continue
        what = _what(a, b)
        reference = b or a
        assert reference is not None
        if what == ["participants"] and reference.kind in (SessionKind.MEAL, SessionKind.BREAK):
            continue  # someone who left is not at lunch: nobody needs telling
        notify = list(dict.fromkeys([*(a.staff if a else ()), *(b.staff if b else ())]))
        if {"added", "removed", "day", "time", "ended", "room"} & set(what):
            if reference.kind in (SessionKind.INDIVIDUAL, SessionKind.SMALL_GROUP):
                notify += [p for p in reference.participants if p not in notify]
            elif reference.participants:
                notify.append(ALL_PARTICIPANTS)
        within = False
        if now is not None and notice_end is not None:
            starts = [moment(s.date, s.start) for s in (a, b) if s is not None]
            # It starts within the notice, or it was under way when the change came.
            within = any(t < notice_end for t in starts)
        rows.append(
            Change(
                session=session_id,
                title=reference.title,
                titles=reference.titles,
                kind=reference.kind,
                change="+".join(what),
                before=describe(placement(a)) if a else None,
                after=describe(placement(b)) if b else None,
                notify=tuple(notify),
                was=placement(a) if a else None,
                becomes=placement(b) if b else None,
                forced=forced(reference),
                within_notice=bool(within),
            )
        )
    return tuple(rows)


def _plain(place: Placement) -> str:
    """A placement in plain text with ids (when no words are given)."""
    clock = f"{format_clock(place.start)}-{format_clock(place.end)}"
    return f"{place.date.isoformat()} {clock}, {', '.join(place.staff) or '-'}, {place.room or '-'}"


def with_sequences(old: Iterable[Session], new: Iterable[Session]) -> tuple[Session, ...]:
    """The new sessions, each that differs from its old self one revision higher (the
    calendars' SEQUENCE), the others at their old revision."""
    before = {s.id: s for s in old}
    result = []
    for session in new:
        previous = before.get(session.id)
        if previous is None:
            result.append(session)
            continue
        sequence = previous.sequence + 1 if _differs(previous, session) else previous.sequence
        result.append(session.model_copy(update={"sequence": sequence}))
    return tuple(result)


def _people(session: Session) -> set[str]:
    return {*session.staff, *session.participants}


def withdrawn(
    old_sessions: Iterable[Session],
    old_withdrawn: Iterable[Withdrawn],
    new_sessions: Iterable[Session],
) -> tuple[Withdrawn, ...]:
    """Sessions people had in an earlier version and no longer have: the earlier list (less
    anyone who is back in the session) and everyone the new version takes out of a session."""
    after = {s.id: s for s in new_sessions}
    result: dict[tuple[str, str], Withdrawn] = {}
    for entry in old_withdrawn:
        current = after.get(entry.session)
        if current is None or entry.person not in _people(current):
            result[(entry.session, entry.person)] = entry
    for session in old_sessions:
        current = after.get(session.id)
        for person in sorted(_people(session)):
            if current is not None and person in _people(current):
                continue
            result[(session.id, person)] = Withdrawn(
                session=session.id,
                person=person,
                title=session.title,
                titles=session.titles,
                date=session.date,
                start=session.start,
                end=session.end,
                room=session.room,
                sequence=current.sequence if current is not None else session.sequence + 1,
            )
    return tuple(sorted(result.values(), key=lambda w: (w.date, w.start, w.session, w.person)))
