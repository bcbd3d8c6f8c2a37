"""Re-planning against an earlier timetable: hold the past and the locked sessions, hand a
session under way at --now to the staff the change leaves in it, give notice, hint the rest at
their old places, and price every change (the minimal-perturbation objective of a re-plan)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models.base import SessionKind
from models.timetable import Session
from scheduler.cpsat.build import BuiltModel
from scheduler.cpsat.variables import Occurrence

# A move to another day costs more than a move within the day, which costs more than a change
# of staff member, which costs more than a change of room. Each weight exceeds the largest sum
# of the cheaper ones a single session can have, so the priorities are strict per session.
COST_ROOM = 1
COST_STAFF = 4  # a half has at most a few staff members; four room changes never outweigh one
# A dropped staff member's work going to someone other than their stand-in (`replaces`) costs a
# little more: the stand-in was brought in to take it, and fewer people need to be told.
COST_NOT_STAND_IN = 1
COST_TIME = 64
COST_DAY = 1024


def view_staff(session: Session) -> frozenset[str]:
    """The staff the model sees in a session: those at its end, with anyone who left without a
    stand-in when the shortfall was accepted (the model's staffing rules then still hold; the
    real minutes of everyone are facts, see HeldMinutes)."""
    last = session.staff_parts()[-1]
    return frozenset(last.staff) | frozenset(last.missing)


@dataclass(frozen=True)
class OldPlacement:
    day: int
    start_slot: int
    busy_start_slot: int  # the start with the travel to an off-site room before it
    staff: dict[str, frozenset[str]]  # half -> staff ids (as the model sees them: view_staff)
    room: dict[str, str | None]  # half -> room id


def old_placements(built: BuiltModel, sessions: Iterable[Session]) -> dict[str, OldPlacement]:
    """The earlier timetable's decisions by occurrence id (small-group halves merged)."""
    v = built.vars
    course = v.course
    by_id = {s.id: s for s in sessions}
    placements: dict[str, OldPlacement] = {}
    for occurrence in v.occurrences:
        halves = {half: by_id.get(f"{occurrence.id}{half}") for half in occurrence.halves}
        if any(session is None for session in halves.values()):
            continue
        first = next(iter(halves.values()))
        assert first is not None
        if first.date not in course.days:
            continue
        day = course.days.index(first.date)
        start_slot = v.day_origin(day) + first.start // v.slot
        travel = max(occurrence.room_transfer.get(s.room or "", 0) for s in halves.values() if s)
        placements[occurrence.id] = OldPlacement(
            day=day,
            start_slot=start_slot,
            busy_start_slot=start_slot - travel,
            staff={h: view_staff(s) for h, s in halves.items() if s is not None},
            room={h: s.room for h, s in halves.items() if s is not None},
        )
    return placements


def old_halves(sessions: Iterable[Session]) -> dict[str, bool]:
    """Each participant's small-group half in the earlier timetable (True: half A); a
    participant keeps one half all week."""
    halves: dict[str, bool] = {}
    for session in sessions:
        if session.kind == SessionKind.SMALL_GROUP and session.small_group:
            for participant in session.participants:
                halves.setdefault(participant, session.small_group == "A")
    return halves


def keep_halves(
    built: BuiltModel, halves: dict[str, bool], frozen: set[str]
) -> cp_model.LinearExprT:
    """Keeps each participant in their old small group: fixed once a small-group session is
    past or locked (its members are what they were, and one split holds all week), else each
    participant moved to the other group costs as a staff change does (someone to tell).
    Returns that cost."""
    model, v = built.model, built.vars
    fixed = any(o.kind == SessionKind.SMALL_GROUP and o.id in frozen for o in v.occurrences)
    moved: list[cp_model.LinearExprT] = []
    for participant, in_a in halves.items():
        literal = v.in_half_a.get(participant)
        if literal is None:
            continue
        model.add_hint(literal, in_a)
        if fixed:
            model.add(literal == int(in_a))
        else:
            moved.append(1 - literal if in_a else literal)
    return COST_STAFF * sum(moved)


@dataclass(frozen=True)
class Handover:
    """A session under way at --now: it keeps its time and room; per half, `keep` are the staff
    it has from now on (those who stay, stand-ins for those who left), `helpers` the staff who
    could take over the rest when the change leaves it short of a leader."""

    keep: Mapping[str, frozenset[str]]
    helpers: Mapping[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Notice:
    """A re-plan's now and notice, in slots from midnight of the first course day: nothing
    re-planned starts before `now_slot`; nothing moved starts before `notice_slot`, and a session
    starting before it does not change at all unless it is `forced` (its old placement is no
    longer possible: someone in it or its room is gone)."""

    now_slot: int
    notice_slot: int
    forced: frozenset[str] = frozenset()


def _set_hint(model: cp_model.CpModel, occurrence: Occurrence, old: OldPlacement) -> None:
    for day, lit in occurrence.day_lit.items():
        model.add_hint(lit, day == old.day)
    assert occurrence.start is not None
    model.add_hint(occurrence.start, old.start_slot)
    for (half, staff_id), lit in occurrence.staff_lit.items():
        model.add_hint(lit, staff_id in old.staff.get(half, frozenset()))
    for (half, room_id), lit in occurrence.room_lit.items():
        model.add_hint(lit, old.room.get(half) == room_id)


def _impossible(model: cp_model.CpModel, hold: cp_model.IntVar | None) -> None:
    """Nothing satisfies this (while `hold` holds)."""
    model.add_bool_or([] if hold is None else [~hold])


def freeze(
    built: BuiltModel,
    occurrence: Occurrence,
    old: OldPlacement,
    handover: Handover | None = None,
    hold: cp_model.IntVar | None = None,
    scope: str = "all",
) -> None:
    """The session stays where it was (the past, locked by the course manager, or inside the
    notice); its staff stay too, or, for one under way, become the handover's (`hold`: only
    while this literal holds, for explanations). With scope "time" (the course manager's lock
    of the time only) it keeps its day and start, not its staff or room."""
    model = built.model

    def fix(constraint: cp_model.Constraint) -> None:
        if hold is not None:
            constraint.only_enforce_if(hold)

    if old.day not in occurrence.day_lit:
        _impossible(model, hold)  # it cannot stay where it was: nothing can satisfy this
        return
    fix(model.add(occurrence.day_lit[old.day] == 1))
    assert occurrence.start is not None
    fix(model.add(occurrence.start == old.start_slot))
    if scope == "time":
        return
    for (half, room_id), lit in occurrence.room_lit.items():
        fix(model.add(lit == int(old.room.get(half) == room_id)))
    staff = dict(old.staff) if handover is None else dict(handover.keep)
    helpers = {} if handover is None else handover.helpers
    for (half, staff_id), lit in occurrence.staff_lit.items():
        if staff_id not in helpers.get(half, frozenset()):
            fix(model.add(lit == int(staff_id in staff.get(half, frozenset()))))
    for half, members in staff.items():
        missing = members - {s for (h, s) in occurrence.staff_lit if h == half}
        if missing:  # someone who may no longer lead it: the past cannot be changed
            _impossible(model, hold)


@dataclass
class Perturbation:
    """The cost of moving away from the earlier timetable, which sessions changed, and (for
    explanations) the literal that holds each held session in place."""

    cost: cp_model.LinearExprT
    changed: dict[str, cp_model.IntVar]
    holds: dict[str, cp_model.IntVar] = field(default_factory=dict)


def add_perturbation(
    built: BuiltModel,
    placements: dict[str, OldPlacement],
    frozen: set[str],
    handovers: Mapping[str, Handover] | None = None,
    notice: Notice | None = None,
    hold_literals: bool = False,
    time_only: frozenset[str] = frozenset(),
) -> Perturbation:
    """Hints every session at its old place, holds `frozen` (and those under way, as their
    handover says), keeps the notice, and prices every change. Of `frozen`, those in
    `time_only` (locked by time only) keep their day and start; their staff and room may change
    at the usual price.

    `hold_literals`: each held session is held only while its own literal is true
    (Perturbation.holds), so an explanation can ask which held sessions stand in the way.
    """
    model, v = built.model, built.vars
    handovers = handovers or {}
    stand_ins: dict[str, set[str]] = {}
    for member in v.course.staff:
        if member.replaces:
            stand_ins.setdefault(member.replaces, set()).add(member.id)
    terms: list[cp_model.LinearExprT] = []
    changed: dict[str, cp_model.IntVar] = {}
    holds: dict[str, cp_model.IntVar] = {}

    def hold_of(occurrence: Occurrence) -> cp_model.IntVar | None:
        if not hold_literals:
            return None
        holds[occurrence.id] = model.new_bool_var(f"hold[{occurrence.id}]")
        return holds[occurrence.id]

    for occurrence in v.occurrences:
        old = placements.get(occurrence.id)
        if old is None:
            # Not in the earlier timetable (e.g. a row gone from its file): it newly starts,
            # so after the notice like anything moved, and never in the past.
            if notice is not None:
                assert occurrence.busy_start is not None
                model.add(occurrence.busy_start >= notice.notice_slot)
            continue
        _set_hint(model, occurrence, old)
        if occurrence.id in frozen and occurrence.id in time_only:
            freeze(built, occurrence, old, hold=hold_of(occurrence), scope="time")
        elif occurrence.id in frozen:
            handover = handovers.get(occurrence.id)
            freeze(built, occurrence, old, handover, hold_of(occurrence))
            if handover is not None:
                for half, helpers in handover.helpers.items():
                    for staff_id in helpers:
                        lit = occurrence.staff_lit.get((half, staff_id))
                        if lit is not None:
                            terms.append(COST_STAFF * lit)
            continue
        assert occurrence.start is not None and occurrence.busy_start is not None
        forced = notice is not None and occurrence.id in notice.forced
        if notice is not None:
            if old.busy_start_slot < notice.notice_slot and not forced:
                # Inside the notice: people have been told; it stays as it is.
                freeze(built, occurrence, old, hold=hold_of(occurrence))
                continue
            model.add(occurrence.busy_start >= notice.now_slot)
        parts: list[cp_model.IntVar] = []
        day_moved = model.new_bool_var(f"day_moved[{occurrence.id}]")
        if old.day in occurrence.day_lit:
            model.add(occurrence.day_lit[old.day] == 0).only_enforce_if(day_moved)
            model.add(occurrence.day_lit[old.day] == 1).only_enforce_if(~day_moved)
        else:
            model.add(day_moved == 1)
        time_moved = model.new_bool_var(f"time_moved[{occurrence.id}]")
        model.add(occurrence.start == old.start_slot).only_enforce_if(~time_moved)
        model.add(time_moved >= day_moved)
        if notice is not None:
            # Nothing newly starts within the notice: a moved session (its travel too) starts
            # after it. A session left in place already does.
            model.add(occurrence.busy_start >= notice.notice_slot).only_enforce_if(time_moved)
        terms += [COST_DAY * day_moved, COST_TIME * time_moved]
        parts += [day_moved, time_moved]
        for half in occurrence.halves:
            for staff_id in old.staff.get(half, frozenset()):
                lit = occurrence.staff_lit.get((half, staff_id))
                dropped = model.new_bool_var(f"staff_dropped[{occurrence.id}{half},{staff_id}]")
                if lit is None:
                    model.add(dropped == 1)
                else:
                    model.add(dropped == 1 - lit)
                terms.append(COST_STAFF * dropped)
                parts.append(dropped)
                takers = [
                    lit
                    for (h, s), lit in occurrence.staff_lit.items()
                    if h == half and s in stand_ins.get(staff_id, ())
                ]
                if takers:
                    not_stand_in = model.new_bool_var(
                        f"not_stand_in[{occurrence.id}{half},{staff_id}]"
                    )
                    model.add(not_stand_in >= dropped - sum(takers))
                    terms.append(COST_NOT_STAND_IN * not_stand_in)
            old_room = old.room.get(half)
            if old_room is not None:
                lit = occurrence.room_lit.get((half, old_room))
                moved_room = model.new_bool_var(f"room_changed[{occurrence.id}{half}]")
                model.add(moved_room == (1 - lit if lit is not None else 1))
                terms.append(COST_ROOM * moved_room)
                parts.append(moved_room)
        is_changed = model.new_bool_var(f"changed[{occurrence.id}]")
        model.add_max_equality(is_changed, parts)
        changed[occurrence.id] = is_changed
    return Perturbation(cost=sum(terms), changed=changed, holds=holds)
