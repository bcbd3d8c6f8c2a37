"""Small helpers for solver tests: feasibility, a first timetable, and the rule families an
infeasibility rests on."""

from __future__ import annotations

from datetime import date

from ortools.sat.python import cp_model

from models.base import TimeWindow
from models.course import Course, StaffMember
from models.timetable import Session
from scheduler.cpsat.build import build_model, extract_sessions
from scheduler.cpsat.solver import configured_solver


def is_feasible(course: Course, seconds: float = 20.0) -> bool:
    """Whether the hard rules can all hold (first solution is enough; no objective)."""
    return first_timetable(course, seconds) is not None


def first_timetable(
    course: Course, seconds: float = 20.0, break_symmetry: bool = True
) -> tuple[Session, ...] | None:
    """The first timetable the hard rules allow (no objective), or None when there is none."""
    built = build_model(course, with_objective=False, break_symmetry=break_symmetry)
    # One worker, deterministic: tests build their scenarios on the timetable they get, and two
    # workers (racing, or interleaved and stopping at the first solution) gave another one from
    # run to run.
    solver = configured_solver(
        time_limit=seconds, workers=1, deterministic=True, first_solution_only=True
    )
    status = solver.solve(built.model)
    assert status != cp_model.UNKNOWN, "the solver decided nothing in time"
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return extract_sessions(built, solver)


def clashing_rules(course: Course, seconds: float = 5.0, core_seconds: float = 1.0) -> set[str]:
    """The rule families and facts (assumption keys) that together make the course infeasible.

    OR-Tools' sufficient assumptions first; where that proof stalls (presolve cannot use
    assumptions, so aggregate clashes are slow), a deletion filter over plain models. Each key
    left is needed: without it the rest is feasible.
    """
    assert not is_feasible(course), "the course is feasible: nothing clashes"
    built = build_model(course, explaining=True, with_objective=False)
    literals = built.ctx.assumptions
    model = built.model.clone()
    model.add_assumptions(list(literals.values()))
    solver = configured_solver(time_limit=core_seconds, workers=1)
    if solver.solve(model) == cp_model.INFEASIBLE:
        by_index = {lit.index: key for key, lit in literals.items()}
        core = {by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()}
    else:
        core = set(literals)
    for key in sorted(core):
        trial = built.model.clone()
        for other, literal in literals.items():
            trial.add(literal == int(other in core and other != key))
        solver = configured_solver(time_limit=seconds, workers=2)
        if solver.solve(trial) == cp_model.INFEASIBLE:
            core.discard(key)
    assert core, "infeasible before any rule applies: the clash names no rule"
    return core


def with_staff(course: Course, staff_id: str, **changes: object) -> Course:
    staff = tuple(
        member.model_copy(update=changes) if member.id == staff_id else member
        for member in course.staff
    )
    return course.with_changes(staff=staff)


def away_on(member: StaffMember, days: dict[date, tuple[TimeWindow, ...]]) -> dict:
    availability = dict(member.availability)
    availability.update(days)
    return availability


def window(text: str) -> TimeWindow:
    start, end = text.split("-")
    return TimeWindow.model_validate({"start": start, "end": end})
