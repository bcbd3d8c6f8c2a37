"""Re-planning after a change: a new timetable that meets the standard and moves as little as it
can, with the list of what changed and whom to tell.

What a re-plan holds (never moves): everything that started before `now` (the past), what the
course manager locked, and what starts within the notice after `now` unless the change forces
it. A session under way at `now` keeps its time and room; the change decides its staff from
`now` on (a stand-in takes over, someone unavailable leaves), and it is split in two parts
there, so hours count by the minutes each person was in it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from ortools.sat.python import cp_model

from models.base import Problem, SessionKind, TimeWindow, format_clock, text_in
from models.changes import ChangeSet
from models.course import Course
from models.standard import SessionSpec, Standard
from models.timetable import Replan, Session, Timetable
from scheduler import __version__
from scheduler.check import CheckReport, RuleResult, check
from scheduler.cpsat.build import SolveOptions, build_model, extract_sessions, run, solver_info
from scheduler.cpsat.locks import carry_locks
from scheduler.cpsat.perturbation import (
    Handover,
    Notice,
    add_perturbation,
    keep_halves,
    old_halves,
    old_placements,
    view_staff,
)
from scheduler.cpsat.variables import HeldMinutes
from scheduler.domain.changes import (
    Carrying,
    Lacking,
    apply_changes,
    available_through,
    carrying_on,
    change_list,
    changed_past,
    departs,
    ended_at,
    handed_over,
    minute_of,
    moment,
    shortfall,
    with_sequences,
    withdrawn,
    without,
)
from scheduler.domain.occurrences import lock_scope, occurrence_id
from scheduler.domain.people import merged
from scheduler.domain.sessions import may_lead
from scheduler.errors import Infeasible, InputError, SolverBug
from scheduler.explain.replan import (
    HeldSession,
    describe_placement,
    no_leader,
    why_no_replan,
)
from scheduler.words import moment_text, reader, room_name, say

__all__ = ["ResolveResult", "apply_changes", "change_list", "resolve"]


@dataclass
class ResolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
    changed_sessions: int
    report: CheckReport
    # Rules the new timetable departs from because the course manager accepted it (a shortfall
    # or an early end of a session under way): recorded, not hidden.
    departures: tuple[RuleResult, ...] = field(default=())

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"


@dataclass
class Occurrence:
    """The old timetable's sessions of one model occurrence, and what the re-plan does to it."""

    key: str
    sessions: list[Session]
    spec: SessionSpec | None = None
    held: str | None = None  # 'past', 'locked', 'under way' (or None: free to re-plan)
    carrying: dict[str, Carrying] = field(default_factory=dict)  # session id -> who carries on
    ends_early: bool = False
    accepts_shortfall: bool = False

    @property
    def day(self) -> date:
        return self.sessions[0].date

    @property
    def busy(self) -> tuple[int, int]:
        return min(s.start for s in self.sessions), max(s.end for s in self.sessions)

    @property
    def main(self) -> list[Session]:
        """Its sessions with participants and staff (not the transfers)."""
        return [s for s in self.sessions if s.kind != SessionKind.TRANSFER]

    @property
    def changes_hands(self) -> bool:
        return any(c.leaves for c in self.carrying.values())

    @property
    def pinned(self) -> bool:
        """Held with its staff and room too: all but a lock of the time only."""
        return self.held is not None and not (
            self.held == "locked" and lock_scope(self.sessions) == "time"
        )


def _occurrences(old: Timetable, course: Course) -> dict[str, Occurrence]:
    by_id = {s.id: s for s in old.sessions}
    specs = {s.id: s for s in course.sessions}
    result: dict[str, Occurrence] = {}
    for session in old.sessions:
        key = occurrence_id(session, by_id)
        occurrence = result.setdefault(key, Occurrence(key=key, sessions=[]))
        occurrence.sessions.append(session)
        if session.spec in specs and session.kind != SessionKind.TRANSFER:
            occurrence.spec = specs[session.spec]
    return result


def _check_choices(changes: ChangeSet, occurrences: dict[str, Occurrence]) -> None:
    """--end-early and --accept-shortfall name a session under way at --now."""
    for flag, chosen in (
        ("--end-early", changes.ended_early),
        ("--accept-shortfall", changes.shortfalls),
    ):
        for name in chosen:
            found = [
                o
                for o in occurrences.values()
                if o.key == name or any(s.id == name for s in o.sessions)
            ]
            if changes.now is None:
                raise InputError(flag, name, say("replan_give_now"))
            if not found or found[0].held != "under way":
                raise InputError(
                    flag,
                    name,
                    say(
                        "replan_not_under_way",
                        name=repr(name),
                        now=moment_text(changes.now, reader()),
                    ),
                )
            if flag == "--end-early":
                if any(s.kind == SessionKind.TRANSFER for s in found[0].sessions):
                    raise InputError(
                        flag,
                        name,
                        say("replan_offsite", name=repr(name)),
                    )
                found[0].ends_early = True
            else:
                found[0].accepts_shortfall = True


def _hold(old: Timetable, course: Course, changes: ChangeSet) -> dict[str, Occurrence]:
    """Every occurrence with what holds it: the past, a lock, or being under way at now (the
    change then decides who carries on)."""
    occurrences = _occurrences(old, course)
    now = changes.now
    for occurrence in occurrences.values():
        begins = min(moment(s.date, s.start) for s in occurrence.sessions)
        ends = max(moment(s.date, s.end) for s in occurrence.sessions)
        if now is not None and begins < now < ends:
            occurrence.held = "under way"  # locked or not: it keeps its time and room
        elif now is not None and begins < now:
            occurrence.held = "past"
        elif any(s.locked for s in occurrence.sessions):
            occurrence.held = "locked"
    _check_choices(changes, occurrences)
    for occurrence in occurrences.values():
        if occurrence.held != "under way" or now is None:
            continue
        now_minute, until = minute_of(occurrence.day, now), occurrence.busy[1]
        occurrence.carrying = {
            s.id: carrying_on(course, s, occurrence.spec, now_minute, until)
            for s in occurrence.main
        }
        if not occurrence.changes_hands and not occurrence.ends_early:
            occurrence.carrying = {}
    _rooms_kept(course, occurrences, now)
    return occurrences


def _rooms_kept(course: Course, occurrences: dict[str, Occurrence], now: datetime | None) -> None:
    """A session under way keeps its room to its end: a room closed from now while one is under
    way in it is bad input (InputError) with the two ways out, unless it ends at now."""
    if now is None:
        return
    for occurrence in occurrences.values():
        if occurrence.held != "under way" or occurrence.ends_early:
            continue
        cut = minute_of(occurrence.day, now)
        for session in occurrence.main:
            room = next((r for r in course.rooms if r.id == session.room), None)
            if room is None:
                continue
            closed = [
                w
                for w in room.unavailable.get(session.date, ())
                if w.start < session.end and cut < w.end
            ]
            if closed:
                when = f"{session.date.isoformat()}T{format_clock(session.end)}"
                name = room_name(room, room.id)
                language = reader()
                title = text_in(session.titles, language) if session.titles else session.title
                raise InputError(
                    say("changes_source"),
                    name,
                    say(
                        "replan_room_closes",
                        closes=format_clock(max(cut, closed[0].start)),
                        title=title,
                        end=format_clock(session.end),
                        close=f'--room-unavailable "{name}@{when}"',
                        stop=f"--end-early {occurrence.key}",
                    ),
                )


def _helpers(
    course: Course, occurrence: Occurrence, session: Session, old: Timetable, now: datetime
) -> frozenset[str]:
    """Staff who could take over the rest of a session under way when the change leaves it
    short of a leader: allowed to lead it, available from now to its end (and back), and in no
    other session held in that time (the model sees them in all of it; see HeldMinutes).
    Nobody steps into a team meeting: R28 counts the team members there all through, which a
    latecomer is not (a stand-in is: they take the place of whom they replace)."""
    if occurrence.spec is None or occurrence.spec.kind == SessionKind.STAFF_MEETING:
        return frozenset()
    start, end = occurrence.busy
    now_minute = minute_of(occurrence.day, now)
    busy = {
        staff_id
        for other in old.sessions
        if other.date == occurrence.day
        and other.start < end
        and start < other.end
        and other not in occurrence.sessions
        and moment(other.date, other.start) < now
        for staff_id in other.staff
    }
    return frozenset(
        member.id
        for member in course.staff
        if member.id not in session.staff
        and member.id not in busy
        and may_lead(course, member, occurrence.spec)
        and available_through(course, member.id, occurrence.day, now_minute, end)
    )


def _handover(
    course: Course, occurrence: Occurrence, old: Timetable, now: datetime
) -> Handover | None:
    """What the model holds a session under way to: its staff from now on, and who may step in
    when that leaves it short. Raises Infeasible naming the session when nobody can."""
    if not occurrence.carrying:
        return None
    keep: dict[str, frozenset[str]] = {}
    helpers: dict[str, frozenset[str]] = {}
    short: list[tuple[Session, Carrying, Lacking]] = []
    for session in occurrence.main:
        half = session.small_group or ""
        carrying = occurrence.carrying[session.id]
        if occurrence.ends_early:
            keep[half] = view_staff(session)
            continue
        if occurrence.accepts_shortfall:
            keep[half] = frozenset(carrying.staff) | frozenset(carrying.unreplaced)
            continue
        keep[half] = frozenset(carrying.staff)
        lacking = shortfall(course, occurrence.spec, carrying.staff)
        if lacking:
            helpers[half] = _helpers(course, occurrence, session, old, now)
            if not helpers[half]:
                short.append((session, carrying, lacking))
    if short:
        raise Infeasible(no_leader(course, old, now, short), "INFEASIBLE")
    return Handover(keep=keep, helpers=helpers)


def _solver_course(
    course: Course, occurrences: dict[str, Occurrence], handovers: dict[str, Handover]
) -> Course:
    """The course as the model sees a re-plan: the staff of each session of the past or under
    way (as the model sees them) available over all of it. It only opens time the session
    itself fills, or time before now that nothing re-planned can take, so no decision depends
    on it."""
    extra: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
    rooms: dict[tuple[str, date], list[tuple[int, int]]] = defaultdict(list)
    for occurrence in occurrences.values():
        if occurrence.held not in ("past", "under way"):
            continue  # a locked session to come keeps whoever is in it only if they can come
        for session in occurrence.main:
            if session.room is not None:  # its room, closed from now when it ends early
                rooms[(session.room, occurrence.day)].append((session.start, session.end))
        handover = handovers.get(occurrence.key)
        people: set[str] = set()
        for session in occurrence.main:
            half = session.small_group or ""
            if handover is None:
                people |= view_staff(session)
            else:  # not whoever left: they are away from now on
                people |= handover.keep.get(half, frozenset())
                people |= handover.helpers.get(half, frozenset())
        for staff_id in people:
            extra[(staff_id, occurrence.day)].append(occurrence.busy)
    course = _rooms_open(course, rooms)
    if not extra:
        return course
    staff = []
    for member in course.staff:
        availability = dict(member.availability)
        for day in course.days:
            added = extra.get((member.id, day))
            if added:
                windows = [(w.start, w.end) for w in course.available_windows(member, day)]
                availability[day] = tuple(
                    TimeWindow(start=a, end=b) for a, b in merged([*windows, *added])
                )
        staff.append(member.model_copy(update={"availability": availability}))
    return course.with_changes(staff=tuple(staff))


def _rooms_open(course: Course, held: dict[tuple[str, date], list[tuple[int, int]]]) -> Course:
    """The rooms open where held sessions are (the model holds those sessions there anyway)."""
    if not held:
        return course
    rooms = []
    for room in course.rooms:
        unavailable = dict(room.unavailable)
        for day, windows in room.unavailable.items():
            spans = held.get((room.id, day), [])
            left = list(windows)
            for start, end in spans:
                left = list(without(left, start, end))
            unavailable[day] = tuple(left)
        rooms.append(room.model_copy(update={"unavailable": unavailable}))
    return course.with_changes(rooms=tuple(rooms))


def _held_minutes(
    occurrences: dict[str, Occurrence], handovers: dict[str, Handover], now: datetime | None
) -> HeldMinutes:
    """Each person's real minutes in the held sessions: before now as facts; a session handed
    over at now counts its staff literals from now to its end."""
    minutes: dict[str, int] = defaultdict(int)
    lit_minutes: dict[str, int] = {}
    held = set()
    for occurrence in occurrences.values():
        if not occurrence.pinned:  # free, or locked by time only: the model counts its staff
            continue
        held.add(occurrence.key)
        handover = handovers.get(occurrence.key)
        counted = [s for s in occurrence.main if s.kind in _STAFF_HOURS]
        if handover is not None and not occurrence.ends_early and not occurrence.accepts_shortfall:
            assert now is not None
            now_minute = minute_of(occurrence.day, now)
            for session in counted:
                cut = min(max(now_minute, session.start), session.end)
                for part in session.staff_parts():
                    for staff_id in dict.fromkeys(part.staff):
                        minutes[staff_id] += max(0, min(part.end, cut) - part.start)
                lit_minutes[occurrence.key] = session.end - cut
            continue
        for session in counted:
            real = session
            if occurrence.ends_early and now is not None:
                real = ended_at(session, minute_of(occurrence.day, now))
            elif occurrence.accepts_shortfall and now is not None:
                carrying = occurrence.carrying[session.id]
                real = handed_over(session, minute_of(occurrence.day, now), carrying.staff)
            for staff_id in dict.fromkeys(real.staff):
                minutes[staff_id] += real.minutes_of(staff_id)
    return HeldMinutes(occurrences=frozenset(held), lit_minutes=lit_minutes, minutes=dict(minutes))


_STAFF_HOURS = (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL)


def _forced(course: Course, occurrence: Occurrence) -> bool:
    """Whether the change makes an occurrence's old placement impossible: someone in it is no
    longer available then, or its room is closed then."""
    for session in occurrence.sessions:
        for staff_id in view_staff(session):
            if not available_through(course, staff_id, session.date, session.start, session.end):
                return True
        if session.room is not None:
            room = next((r for r in course.rooms if r.id == session.room), None)
            closed = room.unavailable.get(session.date, ()) if room else ()
            if any(w.start < session.end and session.start < w.end for w in closed):
                return True
    return False


def _slot(course: Course, when: datetime) -> int:
    """A moment in the model's slots from midnight of the first course day, rounded up."""
    minutes = (when - moment(course.days[0], 0)) // timedelta(minutes=1)
    return -(-minutes // course.info.slot_minutes)


def _resulting_sessions(
    solved: tuple[Session, ...],
    occurrences: dict[str, Occurrence],
    now: datetime | None,
) -> list[Session]:
    """The solver's sessions, with each held one as the old timetable had it (and one under way
    handed over at now to the staff the solver gave it)."""
    by_id = {s.id: s for s in solved}
    held_ids = {s.id for o in occurrences.values() if o.pinned for s in o.sessions}
    result = [s for s in solved if s.id not in held_ids]
    for occurrence in occurrences.values():
        if not occurrence.pinned:
            continue
        if not occurrence.carrying or now is None:
            result.extend(occurrence.sessions)
            continue
        now_minute = minute_of(occurrence.day, now)
        halves = {s.small_group or "": s for s in occurrence.main}
        for session in occurrence.sessions:
            half_of = session if session.kind != SessionKind.TRANSFER else None
            if half_of is None:
                half_of = next(
                    (h for h in halves.values() if session.id.startswith(h.id)), occurrence.main[0]
                )
            carrying = occurrence.carrying[half_of.id]
            if occurrence.ends_early:
                result.append(
                    ended_at(session, now_minute)
                    if session.kind != SessionKind.TRANSFER
                    else session
                )
                continue
            if occurrence.accepts_shortfall:
                result.append(handed_over(session, now_minute, carrying.staff, carrying.unreplaced))
                continue
            solver_half = by_id.get(half_of.id)
            staff = solver_half.staff if solver_half is not None else carrying.staff
            # The stand-ins first, in the places of whom they replace; then anyone who stepped in.
            ordered = [s for s in carrying.staff if s in staff] + [
                s for s in staff if s not in carrying.staff
            ]
            result.append(handed_over(session, now_minute, ordered))
    return sorted(result, key=lambda s: (s.date, s.start, s.id))


def _check_now(old: Timetable, changes: ChangeSet) -> None:
    earlier = old.replan.now if old.replan is not None else None
    if earlier is not None and (changes.now is None or changes.now < earlier):
        said = moment_text(changes.now, reader()) if changes.now else say("replan_no_now")
        raise InputError(
            "--now", said, say("replan_before_earlier", earlier=moment_text(earlier, reader()))
        )


def resolve(
    old: Timetable,
    standard: Standard,
    changes: ChangeSet,
    options: SolveOptions | None = None,
    previous: str | None = None,
) -> ResolveResult:
    """A new timetable for the changed course, as close to `old` as the standard allows, checked.

    `previous` names the old timetable (its file) in the new one. Raises Infeasible when no
    timetable meets the standard after the change, SolverBug if the solver's fails the checker.
    """
    options = options or SolveOptions(time_limit=10.0)
    _check_now(old, changes)
    now = changes.now
    notice_minutes = (
        changes.notice_minutes
        if changes.notice_minutes is not None
        else old.preferences.replan_notice_minutes
    )
    try:
        course = apply_changes(old.to_course(standard), changes)
    except Problem as problem:  # a change naming what the course lacks (a library caller's)
        told = say(f"model_{problem.key}", **problem.values)
        raise InputError(say("changes_source"), str(problem.values.get("id", "")), told) from None
    occurrences = _hold(old, course, changes)
    handovers: dict[str, Handover] = {}
    for occurrence in occurrences.values():
        if occurrence.held == "under way" and now is not None:
            handover = _handover(course, occurrence, old, now)
            if handover is not None:
                handovers[occurrence.key] = handover
    held = _held_minutes(occurrences, handovers, now)
    solver_course = _solver_course(course, occurrences, handovers)
    forced = frozenset(o.key for o in occurrences.values() if _forced(course, o))
    notice = (
        Notice(
            now_slot=_slot(course, now),
            notice_slot=_slot(course, now + timedelta(minutes=notice_minutes)),
            forced=forced,
        )
        if now is not None
        else None
    )
    frozen = {o.key for o in occurrences.values() if o.held is not None}
    time_locked = frozenset(o.key for o in occurrences.values() if o.held and not o.pinned)

    def build(
        hold_literals: bool = False, with_notice: bool = True, explaining: bool = False
    ) -> tuple:
        """The re-plan's model (for an explanation: held sessions on literals, no notice, or
        the rule families on assumptions)."""
        built = build_model(
            solver_course,
            explaining=explaining,
            with_objective=False,
            break_symmetry=False,
            held=held,
        )
        placements = old_placements(built, old.sessions)
        given = notice
        if notice is not None and not with_notice:
            given = Notice(now_slot=notice.now_slot, notice_slot=notice.now_slot, forced=forced)
        perturbation = add_perturbation(
            built,
            placements,
            frozen,
            handovers,
            given,
            hold_literals=hold_literals,
            time_only=time_locked,
        )
        # One small-group split all week: fixed once a small-group session is held, and moving
        # someone to the other small group is a change like any other.
        regrouped = keep_halves(built, old_halves(old.sessions), frozen)
        perturbation = replace(
            perturbation, cost=cp_model.LinearExpr.sum([perturbation.cost, regrouped])
        )
        return built, placements, perturbation

    built, _, perturbation = build()
    built.model.minimize(perturbation.cost)
    solver, status = run(built, options)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if status == cp_model.INFEASIBLE:
            held_sessions = {
                o.key: HeldSession(
                    sessions=tuple(o.main or o.sessions),
                    why=o.held or "notice",
                )
                for o in occurrences.values()
            }
            raise Infeasible(
                why_no_replan(course, old, changes, notice_minutes, build, held_sessions),
                solver.status_name(status),
            )
        raise Infeasible([say("replan_time_ran_out")], solver.status_name(status))
    solved = carry_locks(extract_sessions(built, solver), old.sessions)
    sessions = _resulting_sessions(solved, occurrences, now)
    if now is not None:
        # The promise of a re-plan, kept by the model and the held sessions; a bug otherwise.
        moved = changed_past(old.sessions, sessions, now)
        if moved:
            raise SolverBug(
                say(
                    "bug_past_changed",
                    now=moment_text(now, reader()),
                    moved="; ".join(moved),
                )
            )
    sessions = list(with_sequences(old.sessions, sessions))
    by_key = {s.id: o for o in occurrences.values() for s in o.sessions}

    def was_forced(session: Session) -> bool:
        occurrence = by_key.get(session.id)
        if occurrence is None:
            return True  # a session of a participant who left
        if occurrence.key in forced or occurrence.carrying:
            return True
        return set(session.participants) != {
            p for s in occurrence.sessions if s.id == session.id for p in s.participants
        }

    info = solver_info(solver, status, options)
    versions = (*old.versions, previous) if previous else old.versions
    new_sessions = tuple(sessions)
    timetable = Timetable.for_course(
        course,
        new_sessions,
        solver=info,
        input_sha256=old.input_sha256,
        tool_version=__version__,
        changes=change_list(
            old.sessions,
            new_sessions,
            now=now,
            notice_minutes=notice_minutes,
            forced=was_forced,
            describe=lambda place: describe_placement(
                course.staff, course.rooms, place, course.info.language
            ),
        ),
        previous=previous,
        replan=Replan(now=now, notice_minutes=notice_minutes, versions=versions),
        withdrawn=withdrawn(old.sessions, old.withdrawn, new_sessions),
    )
    report = check(timetable, standard)
    departures: tuple[RuleResult, ...] = ()
    if not report.passed:
        if not any(departs(s) for s in new_sessions):
            failures = "; ".join(
                f"{r.rule}: {' / '.join(r.reasons_in(reader()))}" for r in report.failures
            )
            raise SolverBug(say("bug_checker", failures=failures))
        departures = report.failures
    return ResolveResult(
        timetable=timetable,
        status=info.status,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=solver.wall_time,
        changed_sessions=len(timetable.changes),
        report=report,
        departures=departures,
    )
