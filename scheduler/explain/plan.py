"""Why a plan (several courses sharing staff and rooms) has no timetable, in words: the shared
people (or rooms) who cannot serve all their courses, the days and the hours."""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date

from ortools.sat.python import cp_model

from models.course import Course
from scheduler.cpsat.build import build_model
from scheduler.cpsat.plan_model import plan_model
from scheduler.cpsat.solver import configured_solver
from scheduler.domain.people import windows_on
from scheduler.domain.plan import Plan
from scheduler.words import clock_span, dotted_day, hours, joined, person


def _least_minutes(course: Course, staff_id: str, day: int | None, seconds: float) -> int | None:
    """A proven lower bound on the minutes a person is away for a course (sessions, meetings and
    travel), on one course day or the whole course; None if the course alone has no timetable."""
    built = build_model(course, with_objective=False)
    model, v = built.model, built.vars
    terms = []
    for o in v.occurrences:
        for lit in o.staff_lits_of(staff_id):
            if day is None:
                terms.append(v.slot * v.busy_slots_if(o, lit))
            elif day in o.day_lit:
                both = model.new_bool_var("")
                model.add(both >= lit + o.day_lit[day] - 1)
                terms.append(v.slot * v.busy_slots_if(o, both))
    model.minimize(sum(terms))
    solver = configured_solver(time_limit=seconds, workers=1)
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return None
    # The bound holds whether or not a timetable was found in the time.
    return max(0, math.ceil(solver.best_objective_bound - 1e-6))


def _staff_reasons(plan: Plan, staff_id: str, seconds: float, fallback: bool = False) -> list[str]:
    """Hours each course needs of a shared person, against the hours they have (R29); with
    `fallback`, the days each course needs them when the arithmetic shows no clash."""
    keys = plan.shared.staff[staff_id]
    entries = [c for c in plan.courses if c.key in keys]
    member = entries[0].course.member(staff_id)
    who = person(member)
    # The windows of each date, as the course that has it says (the plan's staff facts make
    # them the same in every course); a date in two courses takes the narrower one.
    windows: dict[date, list[tuple[int, int]]] = {}
    for entry in entries:
        course = entry.course
        for day in course.days:
            own = windows_on(course, course.member(staff_id), day)
            if day not in windows or sum(e - s for s, e in own) < sum(
                e - s for s, e in windows[day]
            ):
                windows[day] = own
    available = {day: sum(e - s for s, e in spans) for day, spans in windows.items()}
    need: dict[str, dict[date, int]] = {}
    total: dict[str, int] = {}
    for entry in entries:
        total[entry.key] = _least_minutes(entry.course, staff_id, None, seconds) or 0
    for entry in entries:
        course = entry.course
        need[entry.key] = {}
        for index, day in enumerate(course.days):
            if not available.get(day):
                continue  # nobody needs a person on a day they are away
            if not fallback and sum(total.values()) <= available[day]:
                continue  # this day holds even all the week's needs: it cannot be the clash
            need[entry.key][day] = _least_minutes(course, staff_id, index, seconds) or 0

    def spans_text(day: date) -> str:
        spans = windows.get(day, [])
        if not spans:
            return "not at all"
        return ", ".join(clock_span(s, e) for s, e in spans)

    reasons = []
    for day in sorted(available):
        needed = {k: n[day] for k, n in need.items() if n.get(day)}
        if len(needed) > 1 and sum(needed.values()) > available[day]:
            parts = joined([f"{k} at least {hours(m)}" for k, m in needed.items()])
            reasons.append(
                f"R29: {who} is shared by {joined(keys)} but cannot be in both on "
                f"{dotted_day(day)}: {parts} of {member.id} that day ({hours(sum(needed.values()))} in "
                f"all), and {member.id} is available {hours(available[day])} then "
                f"({spans_text(day)})"
            )
    if not reasons and sum(total.values()) > sum(available.values()):
        days = [d for d in sorted(available) if available[d]]
        parts = joined([f"{k} at least {hours(m)}" for k, m in total.items()])
        reasons.append(
            f"R29: {who} is shared by {joined(keys)} but cannot serve all of them: over the week "
            f"the courses need {parts} of {member.id} ({hours(sum(total.values()))} in all), and "
            f"{member.id} is available {hours(sum(available.values()))}: "
            + "; ".join(f"{dotted_day(d)} {spans_text(d)}" for d in days)
        )
    most = plan.shared.week_max_minutes.get(staff_id)
    if not reasons and most is not None:
        counted = {e.key: _least_counted(e.course, staff_id, seconds) for e in entries}
        if sum(counted.values()) > most:
            parts = joined([f"{k} at least {hours(m)}" for k, m in counted.items()])
            reasons.append(
                f"R29: {who} may work at most {hours(most)} with participants over the week, "
                f"but {parts} ({hours(sum(counted.values()))} in all)"
            )
    if not reasons and fallback:
        needed_days = {k: [d for d, m in n.items() if m] for k, n in need.items()}
        said = joined(
            [
                f"{k} needs {member.id} on {joined([dotted_day(d) for d in ds])}"
                for k, ds in needed_days.items()
                if ds
            ]
        )
        reasons.append(
            f"R29: {who} is shared by {joined(keys)}, and with {member.id} in all of them no "
            f"timetable exists, though each course alone has one"
            + (f"; on its own, {said}" if needed_days and any(needed_days.values()) else "")
            + f"; {member.id} is available "
            + "; ".join(f"{dotted_day(d)} {spans_text(d)}" for d in sorted(windows))
        )
    return reasons


def _least_counted(course: Course, staff_id: str, seconds: float) -> int:
    """A proven lower bound on a person's minutes with participants in a course (R26)."""
    built = build_model(course, with_objective=False)
    built.model.minimize(built.vars.staff_minutes(staff_id))
    solver = configured_solver(time_limit=seconds, workers=1)
    if solver.solve(built.model) == cp_model.INFEASIBLE:
        return 0
    return max(0, math.ceil(solver.best_objective_bound - 1e-6))


def _resources(plan: Plan) -> list[str]:
    return [f"room:{r}" for r in plan.shared.rooms] + [f"staff:{s}" for s in plan.shared.staff]


def _status(plan: Plan, keep: Sequence[str], seconds: float) -> cp_model.CpSolverStatus:
    joint = plan_model(plan.pairs(), plan.shared, keep=keep)
    solver = configured_solver(time_limit=seconds, workers=2, first_solution_only=True)
    return solver.solve(joint.model)


def explain(
    plan: Plan, proven: bool = True, seconds: float = 0.5, arithmetic: bool = True
) -> list[str]:
    """Why the plan has no timetable, in words: the shared people (or rooms) who cannot serve
    all their courses, the days and the hours. Empty when no reason could be found.

    First the arithmetic for each shared person: on each day (and over the week) the least
    time each course needs of them, proven per course by the solver, against their
    availability. If that shows nothing, a deletion filter over the shared people and rooms
    names the ones whose sharing makes the plan impossible (only when infeasibility is proven).
    `arithmetic=False` skips the first step (when it was done already).
    """
    reasons: list[str] = []
    for staff_id in plan.shared.staff if arithmetic else ():
        reasons.extend(_staff_reasons(plan, staff_id, seconds))
    if reasons or not proven:
        return reasons
    keep = _resources(plan)
    for resource in list(keep):
        trial = [k for k in keep if k != resource]
        if _status(plan, trial, 5.0) == cp_model.INFEASIBLE:
            keep = trial
    for resource in keep:
        kind, ident = resource.split(":", 1)
        if kind == "staff":
            reasons.extend(_staff_reasons(plan, ident, seconds, fallback=True))
        else:
            keys = plan.shared.rooms[ident]
            reasons.append(
                f"R30: room {ident} is shared by {joined(keys)}, and with it in all of them no "
                "timetable exists (each course alone has one): the courses need it at the same "
                "times; give one course another room of its kind"
            )
    return reasons
