"""Solving a provider's week: several courses that share staff and rooms (a plan).

Solving is staged (solver-notes.md: one joint model slows sharply from 4 courses on): each course
alone, seeing what the earlier ones booked of the shared people and rooms, then all courses
jointly with the staged timetables as a complete hint, improving the sum of the penalties.
When a plan has no timetable, scheduler/explain/plan.py says which shared person (or room)
cannot serve all their courses, on which days, with the hours each course needs of them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple, TypedDict

from ortools.sat.python import cp_model

from models.base import SessionKind
from models.course import Course
from models.timetable import SolverInfo, Timetable
from scheduler import __version__, words
from scheduler.check import CheckReport
from scheduler.cpsat.build import Progress, SolveOptions, extract_sessions, parameters
from scheduler.cpsat.plan_model import Booked, PlanPart, hint, plan_model, stage_model
from scheduler.cpsat.solver import DETERMINISTIC_UNITS_PER_SECOND
from scheduler.domain.plan import Plan, PlanCourse
from scheduler.errors import Infeasible
from scheduler.explain.plan import explain
from scheduler.explain.precheck import precheck
from scheduler.services.solving import verified

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
    status: str  # the joint solve's status, or STAGED when only the stages found timetables
    objective: float
    bound: float | None
    seconds: float
    staged_seconds: float  # wall time of the staged solves: the first complete plan
    staged: bool  # whether the stages gave the joint solve a complete hint
    trace: list[Progress] = field(default_factory=list)  # joint progress, plan wall time
    variables: int = 0  # the joint model's size
    constraints: int = 0

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"

    @property
    def first_feasible_seconds(self) -> float | None:
        if self.staged:
            return self.staged_seconds
        return self.trace[0].seconds if self.trace else None


def stage_limit(options: SolveOptions) -> float:
    """Seconds a course's staged solve may take to find its first timetable (it stops there)."""
    return max(10.0, options.time_limit / 2)


def improve_limit(options: SolveOptions, count: int) -> float:
    """Seconds each staged course then improves its own timetable: a tenth of the time over the
    courses, 0.5-2 s."""
    return max(0.5, min(2.0, 0.1 * options.time_limit / count))


class Staged(NamedTuple):
    """What the staged solves found: a complete start for the joint solve."""

    values: dict[str, list[int]]  # every course's full variable values: the joint hint
    solved: list[tuple[PlanPart, cp_model.CpSolver]]  # each stage and its solver
    seconds: float  # what the stages count against the time limit


def _stages(
    plan: Plan, order: Sequence[PlanCourse], options: SolveOptions, say: Callable[[str], None]
) -> Staged | str:
    """Each course alone in plan order, the shared people and rooms held by earlier ones blocked,
    each stopping at its first timetable (the joint solve improves them all together).

    Returns every course's full variable values (the joint solve's hint), the stages' solvers
    and the seconds they count against the time limit (deterministic time in deterministic
    runs); or the key of a course that found nothing beside the earlier ones' choices.
    """
    booked = Booked()
    values: dict[str, list[int]] = {}
    solved: list[tuple[PlanPart, cp_model.CpSolver]] = []
    used = 0.0
    for entry in order:
        part = stage_model(entry.key, entry.course, plan.first_day, plan.shared, booked)
        stage_options = SolveOptions(
            time_limit=stage_limit(options),
            seed=options.seed,
            workers=options.workers,
            deterministic=options.deterministic,
        )
        solver = parameters(stage_options)
        solver.parameters.stop_after_first_solution = True
        status = solver.solve(part.built.model)
        used += (
            solver.deterministic_time / DETERMINISTIC_UNITS_PER_SECOND
            if options.deterministic
            else solver.wall_time
        )
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            status_words = words.solver_status(solver.status_name(status), words.reader())
            say(
                words.say(
                    "planning_stage_failed", key=entry.key, status=words.lower_first(status_words)
                )
            )
            return entry.key
        first = solver.wall_time
        if status == cp_model.FEASIBLE:
            # A short improvement from the first timetable: a better start for the joint solve.
            model = part.built.model
            model.clear_hints()
            proto = model.proto
            proto.solution_hint.vars.extend(range(len(proto.variables)))
            proto.solution_hint.values.extend(solver.response_proto.solution)
            stage_options.time_limit = improve_limit(options, len(plan.courses))
            better = parameters(stage_options)
            if better.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                solver = better
            used += (
                better.deterministic_time / DETERMINISTIC_UNITS_PER_SECOND
                if options.deterministic
                else better.wall_time
            )
        say(
            words.say(
                "planning_stage",
                key=entry.key,
                first=words.number(first, words.reader(), 1),
                penalty=words.number(solver.objective_value, words.reader()),
                more=words.number(solver.wall_time, words.reader(), 1),
            )
        )
        booked.record(part, solver, plan.shared)
        values[entry.key] = list(solver.response_proto.solution)
        solved.append((part, solver))
    return Staged(values, solved, used)


class _Trace(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float, report: Callable[[Progress], None] | None) -> None:
        super().__init__()
        self.started, self.report = started, report
        self.points: list[Progress] = []

    def on_solution_callback(self) -> None:
        point = Progress(
            seconds=time.monotonic() - self.started,
            objective=self.objective_value,
            bound=self.best_objective_bound,
        )
        self.points.append(point)
        if self.report:
            self.report(point)


def solve_plan(
    plan: Plan,
    options: SolveOptions | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> PlanResult:
    """Timetables for every course of the plan, none sharing a person or a room at once.

    Raises Infeasible (with the person or room and the days) when the plan has no timetable;
    every course's timetable has passed the checker (SolverBug if one does not).
    """
    options = options or SolveOptions()
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
    started = time.monotonic()
    staged: Staged | str | None = _stages(plan, plan.courses, options, say)
    if isinstance(staged, str):  # once more with the course that found nothing first
        stuck = staged
        order = sorted(plan.courses, key=lambda c: c.key != stuck)
        staged = _stages(plan, order, options, say)
    arithmetic_done = False
    if isinstance(staged, str):
        # Either order failed: first the cheap arithmetic over the shared people, which proves
        # the common clashes in seconds, before a joint solve that may take all the time.
        reasons = explain(plan, proven=False)
        if reasons:
            raise Infeasible(reasons)
        arithmetic_done = True
        say(words.say("planning_joint"))
        staged = None
    staged_seconds = time.monotonic() - started
    joint = plan_model(plan.pairs(), plan.shared)
    if staged is not None:
        hint(joint, staged.values)
    used = staged.seconds if staged else 0.0
    joint_options = SolveOptions(
        time_limit=max(1.0, options.time_limit - used),
        seed=options.seed,
        workers=options.workers,
        deterministic=options.deterministic,
        log=options.log,
    )
    solver = parameters(joint_options)
    trace = _Trace(started, options.progress)
    status = solver.solve(joint.model, trace)
    seconds = time.monotonic() - started
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        name = solver.status_name(status)
        results = [_course_result(part, solver, name, options, plan) for part in joint.parts]
        return PlanResult(
            courses=results,
            status=name,
            objective=solver.objective_value,
            bound=solver.best_objective_bound,
            seconds=seconds,
            staged_seconds=staged_seconds,
            staged=staged is not None,
            trace=trace.points,
            variables=len(joint.model.proto.variables),
            constraints=len(joint.model.proto.constraints),
        )
    if staged is not None:  # the joint solve ran out of time: the staged timetables stand
        results = [_course_result(p, s, "STAGED", options, plan) for p, s in staged.solved]
        return PlanResult(
            courses=results,
            status="STAGED",
            objective=sum(r.penalty for r in results),
            bound=None,
            seconds=seconds,
            staged_seconds=staged_seconds,
            staged=True,
            variables=len(joint.model.proto.variables),
            constraints=len(joint.model.proto.constraints),
        )
    reasons = explain(plan, proven=status == cp_model.INFEASIBLE, arithmetic=not arithmetic_done)
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


def _course_result(
    part: PlanPart, solver: cp_model.CpSolver, status: str, options: SolveOptions, plan: Plan
) -> CourseResult:
    penalty = float(sum(solver.value(e) for e in part.built.objective_parts.values()))
    entry = next(c for c in plan.courses if c.key == part.key)
    info = SolverInfo(
        status=status,
        objective=penalty,
        bound=None,  # a joint solve bounds the plan's sum, not one course's penalty
        seconds=round(solver.wall_time, 3),
        seed=options.seed,
        workers=options.workers,
        time_limit=options.time_limit,
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
