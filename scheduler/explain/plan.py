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
from scheduler.words import clock_span, hours, joined, person, reader, say, short_date


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
    language = reader()
    who = person(member, language)
    name = member.label
    courses = joined(list(keys), language)
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
            return say("shared_not_at_all")
        return say("shared_at", spans=", ".join(clock_span(s, e) for s, e in spans))

    def dated(d: date) -> str:
        return short_date(d, language)

    def needs(by_course: dict[str, int]) -> str:
        return joined(
            [say("shared_needs", course=k, minutes=hours(m)) for k, m in by_course.items()],
            language,
        )

    reasons = []
    for day in sorted(available):
        needed = {k: n[day] for k, n in need.items() if n.get(day)}
        if len(needed) > 1 and sum(needed.values()) > available[day]:
            reasons.append(
                say(
                    "shared_day",
                    who=who,
                    courses=courses,
                    day=short_date(day, language),
                    needs=needs(needed),
                    name=name,
                    total=hours(sum(needed.values())),
                    available=hours(available[day]),
                    spans=spans_text(day),
                )
            )
    if not reasons and sum(total.values()) > sum(available.values()):
        days = [d for d in sorted(available) if available[d]]
        reasons.append(
            say(
                "shared_week",
                who=who,
                courses=courses,
                needs=needs(total),
                name=name,
                total=hours(sum(total.values())),
                available=hours(sum(available.values())),
                days="; ".join(f"{dated(d)} {spans_text(d)}" for d in days),
            )
        )
    most = plan.shared.week_max_minutes.get(staff_id)
    if not reasons and most is not None:
        counted = {e.key: _least_counted(e.course, staff_id, seconds) for e in entries}
        if sum(counted.values()) > most:
            reasons.append(
                say(
                    "shared_capped",
                    who=who,
                    most=hours(most),
                    needs=needs(counted),
                    total=hours(sum(counted.values())),
                )
            )
    if not reasons and fallback:
        needed_days = {k: [d for d, m in n.items() if m] for k, n in need.items()}
        said = joined(
            [
                say("shared_needs_on", course=k, days=joined([dated(d) for d in ds], language))
                for k, ds in needed_days.items()
                if ds
            ],
            language,
        )
        reasons.append(
            say(
                "shared_together",
                who=who,
                courses=courses,
                alone=say("shared_alone", said=said) if any(needed_days.values()) else "",
                name=name,
                days="; ".join(f"{dated(d)} {spans_text(d)}" for d in sorted(windows)),
            )
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
            room = next((r for e in plan.courses for r in e.course.rooms if r.id == ident), None)
            reasons.append(
                say(
                    "shared_room",
                    room=room.name or ident if room is not None else ident,
                    courses=joined(list(keys), reader()),
                )
            )
    return reasons
