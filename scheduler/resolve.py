"""Re-planning after a change: a new timetable that meets the standard and moves as little as it
can, with the list of what changed and whom to tell."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from ortools.sat.python import cp_model

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
from models.standard import Standard
from models.timetable import Change, Session, Timetable
from scheduler import __version__
from scheduler.cpsat.build import (
    SolveOptions,
    build_model,
    extract_sessions,
    run,
    solver_info,
)
from scheduler.cpsat.perturbation import add_perturbation, old_placements
from scheduler.load import InputError
from scheduler.solve import Infeasible

ALL_PARTICIPANTS = "all participants"


@dataclass
class ResolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
    changed_sessions: int

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"


# -- applying changes to the course -------------------------------------------------------


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


# -- the change list -----------------------------------------------------------------------


def _describe(session: Session | None) -> str | None:
    if session is None:
        return None
    staff = ", ".join(session.staff) or "-"
    return f"{session.date.isoformat()} {format_clock(session.start)}-{format_clock(session.end)}, {staff}, {session.room or '-'}"


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
                change="+".join(what),
                before=_describe(a),
                after=_describe(b),
                notify=tuple(notify),
            )
        )
    return tuple(rows)


def _placement(session: Session) -> tuple:
    return (session.date, session.start, session.end, frozenset(session.staff), session.room)


# -- re-planning ---------------------------------------------------------------------------


def frozen_sessions(timetable: Timetable, now: datetime | None) -> set[str]:
    """Ids of sessions that must not move: locked ones, and those started before `now`."""
    frozen = set()
    for session in timetable.sessions:
        begins = datetime.combine(session.date, time()) + timedelta(minutes=session.start)
        started = now is not None and begins < now
        if session.locked or started:
            frozen.add(session.id)
    return frozen


def _occurrence_id(session_id: str, known: set[str]) -> str:
    """Small-group halves 'x-1A'/'x-1B' and transfers belong to the occurrence 'x-1'."""
    for suffix in ("-to", "-from"):
        if session_id.endswith(suffix) and session_id.removesuffix(suffix) not in known:
            session_id = session_id.removesuffix(suffix)
    if session_id not in known and session_id[-1:] in ("A", "B") and session_id[:-1] in known:
        return session_id[:-1]
    return session_id


def _kept_individual_sessions(old: Timetable, course: Course, frozen: set[str]) -> list[Session]:
    """The past individual sessions of participants who have left: not re-planned, kept."""
    gone = {p.id for p in course.participants if p.leaves is not None}
    return [
        s
        for s in old.sessions
        if s.kind == SessionKind.INDIVIDUAL and set(s.participants) & gone and s.id in frozen
    ]


def _why_no_replan(course: Course, old: Timetable, changes: ChangeSet) -> list[str]:
    """Words for an impossible re-plan: either the changed course itself cannot meet the
    standard, or it could, but not without moving what is past or locked."""
    from_scratch = build_model(course, with_objective=False)
    _, status = run(from_scratch, SolveOptions(time_limit=10.0, deterministic=False))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        locked = [s.id for s in old.sessions if s.locked]
        held = []
        if changes.now is not None:
            held.append(f"everything that starts before {changes.now:%Y-%m-%d %H:%M}")
        if locked:
            shown = ", ".join(locked[:8]) + (", ..." if len(locked) > 8 else "")
            held.append(f"the {len(locked)} locked session(s) ({shown})")
        return [
            "the changed course could be timetabled anew, but not while keeping "
            + " and ".join(held or ["the sessions that must stay"])
            + " where they are;",
            'unlock sessions ("locked": false in the timetable JSON) or re-plan from an '
            "earlier --now",
        ]
    from scheduler.explain import explain_infeasible

    return [
        "after the change the course can no longer meet the standard:",
        *explain_infeasible(course),
    ]


def resolve(
    old: Timetable,
    standard: Standard,
    changes: ChangeSet,
    options: SolveOptions | None = None,
) -> ResolveResult:
    """A new timetable for the changed course, as close to `old` as the standard allows."""
    options = options or SolveOptions(time_limit=10.0)
    course = apply_changes(old.to_course(standard), changes)
    built = build_model(course, with_objective=False, break_symmetry=False)
    known = {o.id for o in built.vars.occurrences}
    frozen = {_occurrence_id(s, known) for s in frozen_sessions(old, changes.now)}
    placements = old_placements(built, old.sessions)
    perturbation = add_perturbation(built, placements, frozen)
    built.model.minimize(perturbation.cost)
    solver, status = run(built, options)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if status == cp_model.INFEASIBLE:
            raise Infeasible(_why_no_replan(course, old, changes), solver.status_name(status))
        raise Infeasible(
            ["no new timetable found within the time limit"], solver.status_name(status)
        )
    locked = {s.id for s in old.sessions if s.locked}
    solved = extract_sessions(built, solver)
    sessions = tuple(
        sorted(
            (
                *(s.model_copy(update={"locked": True}) if s.id in locked else s for s in solved),
                *_kept_individual_sessions(old, course, frozen),
            ),
            key=lambda s: (s.date, s.start, s.id),
        )
    )
    changed = sum(solver.boolean_value(lit) for lit in perturbation.changed.values())
    info = solver_info(solver, status, options)
    timetable = Timetable.for_course(
        course,
        sessions,
        solver=info,
        input_sha256=old.input_sha256,
        tool_version=__version__,
        changes=change_list(old.sessions, sessions),
    )
    return ResolveResult(
        timetable=timetable,
        status=info.status,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=solver.wall_time,
        changed_sessions=changed,
    )
