"""Solving a provider's week: several courses that share staff and rooms (a plan).

Solving is staged (solver-notes.md: one joint model slows sharply from 4 courses on): each course
alone, seeing what the earlier ones booked of the shared people and rooms, stopping at its first
timetable: the first complete plan. Then, for the rest of the time limit, each course in turn
(the costliest first) is improved by the neighbourhood search (cpsat/search.py) in its own
small model, every other course's hold on the shared people and rooms blocked, so the plan stays
consistent at every step. The time limit counts from the start, as for one course.
When a plan has no timetable, scheduler/explain/plan.py says which shared person (or room)
cannot serve all their courses, on which days, with the hours each course needs of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple, TypedDict

from ortools.sat.python import cp_model

from models.base import SessionKind
from models.course import Course
from models.timetable import SolverInfo, Timetable
from scheduler import __version__, words
from scheduler.check import CheckReport
from scheduler.cpsat.build import Progress, SolveOptions, extract_sessions, run_model
from scheduler.cpsat.plan_model import Booked, PlanPart, plan_model, stage_model
from scheduler.cpsat.search import Budget, first_timetable, search
from scheduler.domain.plan import Plan, PlanCourse
from scheduler.errors import Infeasible
from scheduler.explain.plan import explain
from scheduler.explain.precheck import precheck
from scheduler.services.solving import preference_costs, verified

__all__ = ["CourseResult", "PlanResult", "overview", "solve_plan"]


@dataclass
class CourseResult:
    """One course of a plan: its timetable, which has passed the checker, and its penalty."""

    key: str
    course: Course
    timetable: Timetable
    penalty: float
    report: CheckReport


@dataclass
class PlanResult:
    courses: list[CourseResult]
    status: str  # FEASIBLE (OPTIMAL only when a joint solve proves it)
    objective: float
    bound: float | None
    seconds: float
    staged_seconds: float  # when the stages had a timetable for every course: the first plan
    staged: bool  # whether the stages found the first plan (else a joint solve did)
    trace: list[Progress] = field(default_factory=list)  # the plan's penalty, on its clock
    variables: int = 0  # the size of the models solved
    constraints: int = 0

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"

    @property
    def first_feasible_seconds(self) -> float | None:
        if self.staged:
            return self.staged_seconds
        return self.trace[0].seconds if self.trace else None


class Staged(NamedTuple):
    """What the staged solves found: every course's timetable beside the earlier ones'."""

    solved: list[tuple[PlanPart, cp_model.CpSolver]]  # each stage and its solver


def _stages(
    plan: Plan,
    order: Sequence[PlanCourse],
    options: SolveOptions,
    budget: Budget,
    say: Callable[[str], None],
) -> Staged | str:
    """Each course alone in plan order, the shared people and rooms held by earlier ones blocked,
    each stopping at its first timetable (improving comes after, course by course).

    Returns each stage and its solver; or the key of a course that found nothing beside the
    earlier ones' choices (in the time left).
    """
    booked = Booked()
    solved: list[tuple[PlanPart, cp_model.CpSolver]] = []
    for entry in order:
        part = stage_model(entry.key, entry.course, plan.first_day, plan.shared, booked)
        before = budget.seconds()
        solver, status, _ = first_timetable(part.built.model, options, budget)
        if solver is None or status not in ("OPTIMAL", "FEASIBLE"):
            status_words = words.solver_status(status, words.reader())
            say(
                words.say(
                    "planning_stage_failed", key=entry.key, status=words.lower_first(status_words)
                )
            )
            return entry.key
        say(
            words.say(
                "planning_stage_first",
                key=entry.key,
                first=words.number(budget.seconds() - before, words.reader(), 1),
                penalty=words.number(_penalty(part, solver), words.reader()),
            )
        )
        booked.record(part, solver, plan.shared)
        solved.append((part, solver))
    return Staged(solved)


def solve_plan(
    plan: Plan,
    options: SolveOptions | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> PlanResult:
    """Timetables for every course of the plan, none sharing a person or a room at once.

    The time limit counts from this call (or `options.started`): the stages, then improving
    the courses one at a time for the rest of it. Raises Infeasible (with the person or room
    and the days) when the plan has no timetable; every course's timetable has passed the
    checker (SolverBug if one does not).
    """
    options = (options or SolveOptions()).timed()
    budget = Budget(options, options.started if options.started is not None else time.monotonic())
    if options.on_start is not None:
        options.on_start(budget)  # its stop_search() ends the plan's search, keeping the best
    for entry in plan.courses:
        try:
            precheck(entry.course)
        except Infeasible as error:
            raise Infeasible(
                [
                    words.say("planning_course_reason", key=entry.key, reason=r)
                    for r in error.reasons
                ],
                error.status,
            ) from None
    staged: Staged | str = _stages(plan, plan.courses, options, budget, say)
    if isinstance(staged, str) and budget.left() > 0:  # again, the course that found nothing first
        stuck = staged
        order = sorted(plan.courses, key=lambda c: c.key != stuck)
        staged = _stages(plan, order, options, budget, say)
    if not isinstance(staged, str):
        return _improve_courses(plan, staged, options, budget, say)
    # Either order failed: first the cheap arithmetic over the shared people, which proves the
    # common clashes in seconds, before a joint solve that may take all the time left.
    reasons = explain(plan, proven=False)
    if reasons:
        raise Infeasible(reasons)
    say(words.say("planning_joint"))
    return _joint(plan, options, budget)


def _joint(plan: Plan, options: SolveOptions, budget: Budget) -> PlanResult:
    """All courses in one CP-SAT model for the time left: when the stages found no plan."""
    joint = plan_model(plan.pairs(), plan.shared)
    trace: list[Progress] = []

    def record(point: Progress) -> None:
        point = replace(point, seconds=budget.seconds())
        trace.append(point)
        if options.progress:
            options.progress(point)

    if options.deterministic:
        left = replace(options, time_limit=max(0.1, budget.left()), progress=record)
    else:
        left = replace(options, progress=record)
    solver, status = run_model(joint.model, left)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        name = solver.status_name(status)
        results = [_course_result(part, solver, name, options, plan) for part in joint.parts]
        return PlanResult(
            courses=results,
            status=name,
            objective=solver.objective_value,
            bound=solver.best_objective_bound,
            seconds=budget.elapsed(),
            staged_seconds=budget.seconds(),
            staged=False,
            trace=trace,
            variables=len(joint.model.proto.variables),
            constraints=len(joint.model.proto.constraints),
        )
    reasons = explain(plan, proven=status == cp_model.INFEASIBLE, arithmetic=False)
    if reasons:  # the arithmetic and the deletion filter both prove the plan impossible
        raise Infeasible(reasons)
    raise Infeasible(
        [
            words.say(
                "planning_time_ran_out",
                seconds=words.number(options.time_limit, words.reader()),
                status=solver.status_name(status),
            )
        ],
        solver.status_name(status),
    )


def improve_slice(left: float, count: int) -> float:
    """Seconds one course is improved at a time beside the others: the time left shared so
    that every course comes round about twice, 0.5-5 s."""
    return max(0.5, min(5.0, left / (2 * max(1, count))))


def _penalty(part: PlanPart, solver: cp_model.CpSolver) -> float:
    return float(sum(solver.value(e) for e in part.built.objective_parts.values()))


def _improve_courses(
    plan: Plan,
    staged: Staged,
    options: SolveOptions,
    budget: Budget,
    say: Callable[[str], None],
) -> PlanResult:
    """The staged plan, improved one course at a time beside all the others' timetables (their
    hold on the shared people and rooms blocked) for the rest of the time limit.

    Each course's own model stays as small as a course alone, so the neighbourhood search
    moves as fast as it does for one course; a joint model of all courses made every move
    presolve all of them (5 000 variables for 8 courses). Every step keeps the plan
    consistent: a course only takes what the others leave free.
    """
    staged_seconds = budget.seconds()
    current = {part.key: (part, solver) for part, solver in staged.solved}
    trace: list[Progress] = []

    def total() -> float:
        return sum(_penalty(part, solver) for part, solver in current.values())

    def report(source: str, objective: float, seconds: float) -> None:
        point = Progress(
            seconds=seconds,
            objective=objective,
            bound=-float("inf"),
            limit=options.time_limit,
            source=source,
        )
        trace.append(point)
        if options.progress:
            options.progress(point)

    def course_progress(key: str, others: float, part: Budget) -> Callable[[Progress], None]:
        """A course's better timetables as the plan's, as they come (not only when the
        course's turn ends: a turn lasts up to 5 s)."""

        def better(point: Progress) -> None:
            if point.source != "start":
                seconds = budget.seconds() + (part.seconds() if budget.deterministic else 0.0)
                report(key, others + point.objective, seconds)

        return better

    report("stages", total(), budget.seconds())
    stopped = options.is_good_enough(total(), -float("inf"))
    while not stopped and budget.left() > 0.2:
        for key in sorted(current, key=lambda k: -_penalty(*current[k])):
            seconds = min(improve_slice(budget.left(), len(current)), budget.left())
            if stopped or seconds <= 0.2:
                break
            old_part, old_solver = current[key]
            booked = Booked()
            for other, (part, solver) in current.items():
                if other != key:
                    booked.record(part, solver, plan.shared)
            entry = next(c for c in plan.courses if c.key == key)
            part = stage_model(key, entry.course, plan.first_day, plan.shared, booked, steer=False)
            own = list(old_solver.response_proto.solution)[: old_part.var_count]
            start = own + [0] * (len(part.built.model.proto.variables) - len(own))
            course_options = replace(
                options,
                time_limit=seconds,
                started=None,
                progress=None,
                good_enough=None,
                good_enough_gap=None,
                on_start=None,
            ).timed()
            course_budget = budget.part(course_options)
            others = total() - _penalty(old_part, old_solver)
            course_options.progress = course_progress(key, others, course_budget)
            found = search(part.built, course_options, start=start, budget=course_budget)
            if budget.deterministic:
                budget.used += course_budget.used
            if found.found and found.solver is not None:
                before = _penalty(old_part, old_solver)
                if found.objective < before - 1e-6:
                    current[key] = (part, found.solver)
                    say(
                        words.say(
                            "planning_course_better",
                            key=key,
                            before=words.number(before, words.reader()),
                            after=words.number(found.objective, words.reader()),
                        )
                    )
            stopped = options.is_good_enough(total(), -float("inf"))
    results = [_course_result(p, s, "FEASIBLE", options, plan) for p, s in current.values()]
    order = [c.key for c in plan.courses]
    results.sort(key=lambda r: order.index(r.key))
    parts = [part for part, _ in current.values()]
    return PlanResult(
        courses=results,
        status="FEASIBLE",
        objective=sum(r.penalty for r in results),
        bound=None,
        seconds=budget.elapsed(),
        staged_seconds=staged_seconds,
        staged=True,
        trace=trace,
        variables=sum(p.var_count for p in parts),
        constraints=sum(len(p.built.model.proto.constraints) for p in parts),
    )


def _course_result(
    part: PlanPart, solver: cp_model.CpSolver, status: str, options: SolveOptions, plan: Plan
) -> CourseResult:
    penalty = _penalty(part, solver)
    entry = next(c for c in plan.courses if c.key == part.key)
    info = SolverInfo(
        status=status,
        objective=penalty,
        bound=None,  # a joint solve bounds the plan's sum, not one course's penalty
        seconds=round(solver.wall_time, 3),
        seed=options.seed,
        workers=options.workers,
        time_limit=options.time_limit,
        deterministic=options.deterministic,
        preferences=tuple(preference_costs(part.built, solver).values()),
    )
    timetable = Timetable.for_course(
        part.course,
        extract_sessions(part.built, solver),
        solver=info,
        input_sha256=entry.sha256,
        tool_version=__version__,
    )
    return CourseResult(
        key=part.key,
        course=part.course,
        timetable=timetable,
        penalty=penalty,
        report=verified(timetable, part.course.standard),
    )


class StaffWeek(TypedDict):
    """A person's week in the overview: busy minutes per course, and in all."""

    courses: dict[str, int]
    busy_minutes: int


class Overview(TypedDict):
    staff: dict[str, StaffWeek]
    rooms: dict[str, dict[str, int]]  # a room's minutes of use per course


def overview(result: PlanResult) -> Overview:
    """The provider's week: minutes each person is busy (sessions, meetings, travel) per course,
    and each room's minutes of use per course."""
    staff: dict[str, StaffWeek] = {}
    rooms: dict[str, dict[str, int]] = {}
    for course_result in result.courses:
        for session in course_result.timetable.sessions:
            if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
                continue
            for staff_id in session.staff:
                row = staff.setdefault(staff_id, {"courses": {}, "busy_minutes": 0})
                row["courses"].setdefault(course_result.key, 0)
                row["courses"][course_result.key] += session.minutes
                row["busy_minutes"] += session.minutes
            if session.room:
                room = rooms.setdefault(session.room, {})
                room[course_result.key] = room.get(course_result.key, 0) + session.minutes
    return {"staff": staff, "rooms": rooms}
