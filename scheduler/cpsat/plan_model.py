"""Several courses of one provider's week in CP-SAT: each course's own model, side by side in
one CpModel, plus what they share (R29, R30 across courses): nobody and no room in two courses
at once, and a shared person's maximum hours over the whole week.

Time in each course's model counts slots from midnight of that course's first day; the plan
counts from midnight of its earliest first day, so a course's time is shifted by `offset`.

Staged solving (solver-notes.md): each course alone, seeing what the earlier ones booked
(`stage_model`), then each course improved beside what all the others book; one joint model
(`plan_model`) when the stages find no plan, and for explanations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ortools.sat.python import cp_model

from models.course import Course
from scheduler.cpsat.build import BuiltModel, build_model
from scheduler.cpsat.variables import MINUTES_PER_DAY
from scheduler.domain.plan import Shared

Span = tuple[int, int]  # [start, end) in the plan's slots

# A staged course's cost per minute it takes of a person later courses share (see stage_model).
SHARED_MINUTE_COST = 1


@dataclass
class PlanPart:
    """One course inside a plan's model."""

    key: str
    course: Course
    offset: int
    built: BuiltModel
    first_var: int = 0
    var_count: int = 0


@dataclass
class PlanModel:
    model: cp_model.CpModel
    parts: list[PlanPart]
    objective: cp_model.LinearExprT = 0


def offset_slots(course: Course, first_day: date) -> int:
    """Slots from midnight of the plan's first day to midnight of the course's first day."""
    return (course.info.first_day - first_day).days * (MINUTES_PER_DAY // course.info.slot_minutes)


def _staff_intervals(
    model: cp_model.CpModel, part: PlanPart, staff_id: str
) -> list[cp_model.IntervalVar]:
    """The plan-time intervals a person is away for each session of this course they may lead."""
    intervals = []
    for o in part.built.vars.occurrences:
        for lit in o.staff_lits_of(staff_id):
            assert o.busy_start is not None and o.busy_end is not None
            intervals.append(
                model.new_optional_interval_var(
                    o.busy_start + part.offset,
                    o.busy_length,
                    o.busy_end + part.offset,
                    lit,
                    f"plan_busy[{part.key},{o.id},{staff_id}]",
                )
            )
    return intervals


def _room_intervals(
    model: cp_model.CpModel, part: PlanPart, room_id: str
) -> list[cp_model.IntervalVar]:
    intervals = []
    for o in part.built.vars.occurrences:
        for half in o.halves:
            for rid, lit in o.rooms_in_half(half):
                if rid != room_id:
                    continue
                assert o.start is not None and o.end is not None
                intervals.append(
                    model.new_optional_interval_var(
                        o.start + part.offset,
                        o.length,
                        o.end + part.offset,
                        lit,
                        f"plan_room[{part.key},{o.id}{half},{room_id}]",
                    )
                )
    return intervals


def _add_part(
    model: cp_model.CpModel, key: str, course: Course, first_day: date, break_symmetry: bool
) -> PlanPart:
    first_var = len(model.proto.variables)
    built = build_model(course, break_symmetry=break_symmetry, model=model)
    return PlanPart(
        key=key,
        course=course,
        offset=offset_slots(course, first_day),
        built=built,
        first_var=first_var,
        var_count=len(model.proto.variables) - first_var,
    )


def _objective(parts: Sequence[PlanPart]) -> cp_model.LinearExprT:
    return sum(sum(p.built.objective_parts.values()) for p in parts)


def plan_model(
    courses: Sequence[tuple[str, Course]],
    shared: Shared,
    keep: Sequence[str] | None = None,
    break_symmetry: bool = True,
) -> PlanModel:
    """All courses in one model; `keep` limits the shared constraints to these resource keys
    ('staff:ID', 'room:ID'), which the explanation uses to find the ones that clash."""
    model = cp_model.CpModel()
    first_day = min(course.info.first_day for _, course in courses)
    parts = [_add_part(model, key, course, first_day, break_symmetry) for key, course in courses]
    by_key = {p.key: p for p in parts}
    for staff_id, keys in shared.staff.items():
        if keep is not None and f"staff:{staff_id}" not in keep:
            continue
        intervals = [iv for k in keys for iv in _staff_intervals(model, by_key[k], staff_id)]
        model.add_no_overlap(intervals)
        most = shared.week_max_minutes.get(staff_id)
        if most is not None:
            model.add(sum(by_key[k].built.vars.staff_minutes(staff_id) for k in keys) <= most)
    for room_id, keys in shared.rooms.items():
        if keep is not None and f"room:{room_id}" not in keep:
            continue
        model.add_no_overlap(
            [iv for k in keys for iv in _room_intervals(model, by_key[k], room_id)]
        )
    objective = _objective(parts)
    model.minimize(objective)
    return PlanModel(model=model, parts=parts, objective=objective)


@dataclass
class Booked:
    """What the courses solved so far hold of the shared people and rooms, in plan time."""

    staff: dict[str, list[Span]] = field(default_factory=dict)
    rooms: dict[str, list[Span]] = field(default_factory=dict)
    minutes: dict[str, int] = field(default_factory=dict)

    def record(self, part: PlanPart, solver: cp_model.CpSolver, shared: Shared) -> None:
        """Adds a solved course's use of the shared people and rooms."""
        for o in part.built.vars.occurrences:
            for staff_id in shared.staff:
                if any(solver.boolean_value(lit) for lit in o.staff_lits_of(staff_id)):
                    assert o.busy_start is not None and o.busy_end is not None
                    span = (
                        solver.value(o.busy_start) + part.offset,
                        solver.value(o.busy_end) + part.offset,
                    )
                    self.staff.setdefault(staff_id, []).append(span)
            for half in o.halves:
                for room_id, lit in o.rooms_in_half(half):
                    if room_id in shared.rooms and solver.boolean_value(lit):
                        assert o.start is not None and o.end is not None
                        span = (
                            solver.value(o.start) + part.offset,
                            solver.value(o.end) + part.offset,
                        )
                        self.rooms.setdefault(room_id, []).append(span)
        for staff_id in shared.staff:
            if any(s.id == staff_id for s in part.course.staff):
                used = solver.value(part.built.vars.staff_minutes(staff_id))
                self.minutes[staff_id] = self.minutes.get(staff_id, 0) + used


def stage_model(
    key: str,
    course: Course,
    first_day: date,
    shared: Shared,
    booked: Booked,
    steer: bool = True,
) -> PlanPart:
    """One course alone, the shared people and rooms blocked where other courses hold them.

    A stage's objective also counts the minutes it takes of shared people whom later courses
    still need (SHARED_MINUTE_COST each), so that a course leans on its own staff first and does
    not take a shared person's only free hours on the days a later course cannot do without
    them. This steers the stages only (`steer`); improving a course beside all the others'
    timetables minimises its own penalty.
    """
    model = cp_model.CpModel()
    part = _add_part(model, key, course, first_day, break_symmetry=True)
    taken: list[cp_model.LinearExpr] = []
    for staff_id, keys in shared.staff.items():
        if key not in keys:
            continue
        if steer and key != keys[-1]:
            taken.extend(_busy_minutes(part, staff_id))
        blocked = [
            model.new_fixed_size_interval_var(start, end - start, f"held[{staff_id},{start}]")
            for start, end in booked.staff.get(staff_id, [])
        ]
        if blocked:
            model.add_no_overlap(blocked + _staff_intervals(model, part, staff_id))
        most = shared.week_max_minutes.get(staff_id)
        if most is not None:
            left = most - booked.minutes.get(staff_id, 0)
            model.add(part.built.vars.staff_minutes(staff_id) <= left)
    for room_id, keys in shared.rooms.items():
        if key not in keys:
            continue
        blocked = [
            model.new_fixed_size_interval_var(start, end - start, f"held[{room_id},{start}]")
            for start, end in booked.rooms.get(room_id, [])
        ]
        if blocked:
            model.add_no_overlap(blocked + _room_intervals(model, part, room_id))
    if taken:
        model.minimize(sum(part.built.objective_parts.values()) + SHARED_MINUTE_COST * sum(taken))
    return part


def _busy_minutes(part: PlanPart, staff_id: str) -> list[cp_model.LinearExpr]:
    slot, v = part.course.info.slot_minutes, part.built.vars
    return [
        slot * v.busy_slots_if(o, lit) for o in v.occurrences for lit in o.staff_lits_of(staff_id)
    ]
