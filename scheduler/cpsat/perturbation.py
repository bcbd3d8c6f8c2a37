"""Re-planning against an earlier timetable: keep the past and locked sessions, hint the rest,
and count what moves (the minimal-perturbation objective of a re-plan)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ortools.sat.python import cp_model

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


@dataclass(frozen=True)
class OldPlacement:
    day: int
    start_slot: int
    staff: dict[str, frozenset[str]]  # half -> staff ids
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
        placements[occurrence.id] = OldPlacement(
            day=day,
            start_slot=v.day_origin(day) + first.start // v.slot,
            staff={h: frozenset(s.staff) for h, s in halves.items() if s is not None},
            room={h: s.room for h, s in halves.items() if s is not None},
        )
    return placements


def occurrence_of(session_id: str, known: set[str]) -> str:
    """Small-group halves 'x-1A'/'x-1B' and transfers belong to the occurrence 'x-1'."""
    for suffix in ("-to", "-from"):
        if session_id.endswith(suffix) and session_id.removesuffix(suffix) not in known:
            session_id = session_id.removesuffix(suffix)
    if session_id not in known and session_id[-1:] in ("A", "B") and session_id[:-1] in known:
        return session_id[:-1]
    return session_id


def _set_hint(model: cp_model.CpModel, occurrence: Occurrence, old: OldPlacement) -> None:
    for day, lit in occurrence.day_lit.items():
        model.add_hint(lit, day == old.day)
    assert occurrence.start is not None
    model.add_hint(occurrence.start, old.start_slot)
    for (half, staff_id), lit in occurrence.staff_lit.items():
        model.add_hint(lit, staff_id in old.staff.get(half, frozenset()))
    for (half, room_id), lit in occurrence.room_lit.items():
        model.add_hint(lit, old.room.get(half) == room_id)


def freeze(
    built: BuiltModel, occurrence: Occurrence, old: OldPlacement, scope: str = "all"
) -> None:
    """The session stays exactly as it was (the past, or locked by the course manager); with
    scope "time" (a lock of the time only) it keeps its day and start, not its staff or room."""
    model = built.model
    if old.day not in occurrence.day_lit:
        model.add_bool_or([])  # it cannot stay where it was: nothing can satisfy this
        return
    model.add(occurrence.day_lit[old.day] == 1)
    assert occurrence.start is not None
    model.add(occurrence.start == old.start_slot)
    if scope == "time":
        return
    for (half, staff_id), lit in occurrence.staff_lit.items():
        model.add(lit == int(staff_id in old.staff.get(half, frozenset())))
    for (half, room_id), lit in occurrence.room_lit.items():
        model.add(lit == int(old.room.get(half) == room_id))
    for half, staff in old.staff.items():
        missing = staff - {s for (h, s) in occurrence.staff_lit if h == half}
        if missing:  # someone who may no longer lead it: the past cannot be changed
            model.add_bool_or([])


@dataclass
class Perturbation:
    """The cost of moving away from the earlier timetable, and which sessions changed."""

    cost: cp_model.LinearExprT
    changed: dict[str, cp_model.IntVar]


def add_perturbation(
    built: BuiltModel,
    placements: dict[str, OldPlacement],
    frozen: set[str],
    time_only: frozenset[str] = frozenset(),
) -> Perturbation:
    """Hints every session at its old place, freezes `frozen` (of those, `time_only` keep just
    their day and start: a lock of the time), and prices every change."""
    model, v = built.model, built.vars
    stand_ins: dict[str, set[str]] = {}
    for member in v.course.staff:
        if member.replaces:
            stand_ins.setdefault(member.replaces, set()).add(member.id)
    terms: list[cp_model.LinearExprT] = []
    changed: dict[str, cp_model.IntVar] = {}
    for occurrence in v.occurrences:
        old = placements.get(occurrence.id)
        if old is None:
            continue
        _set_hint(model, occurrence, old)
        if occurrence.id in frozen and occurrence.id not in time_only:
            freeze(built, occurrence, old)
            continue
        if occurrence.id in frozen:
            freeze(built, occurrence, old, "time")
        assert occurrence.start is not None
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
    return Perturbation(cost=sum(terms), changed=changed)
