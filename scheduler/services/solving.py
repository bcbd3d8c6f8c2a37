"""The library's front door: `solve(course) -> SolveResult`, a timetable that has already passed
the independent checker (the CLI and the web page call this, nothing else)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models.course import Course
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler import __version__
from scheduler.check import CheckReport, check
from scheduler.cpsat.build import (
    BuiltModel,
    Progress,
    SolveOptions,
    build_model,
    extract_sessions,
    run,
    solver_info,
)
from scheduler.cpsat.locks import carry_locks, pin_locked
from scheduler.errors import Infeasible, SolverBug
from scheduler.explain.course import explain_infeasible
from scheduler.explain.precheck import precheck
from scheduler.words import number, reader, say

__all__ = ["Progress", "SolveOptions", "SolveResult", "solve", "verified"]


@dataclass
class SolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
    report: CheckReport
    preferences: dict[str, float] = field(default_factory=dict)

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"

    @property
    def gap(self) -> float:
        """Relative distance between the timetable's penalty and the best the solver can prove."""
        if self.objective == 0:
            return 0.0
        return abs(self.objective - self.bound) / abs(self.objective)


def verified(timetable: Timetable, standard: Standard) -> CheckReport:
    """The checker's report on a timetable the solver made; SolverBug if it fails a rule.

    Every timetable the tool hands out passes the independent checker first: a bug in the
    solver's constraints must never reach a course manager as a timetable.
    """
    report = check(timetable, standard)
    if not report.passed:
        language = reader()
        failures = "; ".join(
            f"{r.rule}: {' / '.join(r.reasons_in(language))}" for r in report.failures
        )
        raise SolverBug(say("bug_checker", failures=failures))
    return report


def solve(
    course: Course,
    options: SolveOptions | None = None,
    input_sha256: str | None = None,
    locked: Sequence[Session] = (),
) -> SolveResult:
    """A timetable for the course that meets every rule (checked), as good as the time allows.

    `locked`: an earlier timetable's sessions; those the course manager locked keep their
    place (and their lock) in the new timetable.

    Raises Infeasible when the pre-checks or the solver prove no timetable exists, or none is
    found in time; SolverBug if the solver's timetable fails the checker.
    """
    precheck(course)
    options = options or SolveOptions()
    # Symmetry breaking puts interchangeable sessions in a canonical order a lock need not keep.
    pinning = any(s.locked for s in locked)
    built = build_model(course, break_symmetry=not pinning)
    if pinning:
        pin_locked(built, locked)
    solver, status = run(built, options)
    return _result(course, built, solver, status, options, input_sha256, locked)


def _result(
    course: Course,
    built: BuiltModel,
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    options: SolveOptions,
    input_sha256: str | None,
    locked: Sequence[Session] = (),
) -> SolveResult:
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if status == cp_model.INFEASIBLE:
            raise Infeasible(explain_infeasible(course), name)
        raise Infeasible(
            [
                say(
                    "solve_time_ran_out",
                    seconds=number(options.time_limit, reader()),
                    status=name,
                )
            ],
            name,
        )
    info = solver_info(solver, status, options)
    timetable = Timetable.for_course(
        course,
        carry_locks(extract_sessions(built, solver), locked),
        solver=info,
        input_sha256=input_sha256,
        tool_version=__version__,
    )
    return SolveResult(
        timetable=timetable,
        status=name,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=solver.wall_time,
        report=verified(timetable, course.standard),
        preferences={k: float(solver.value(e)) for k, e in built.objective_parts.items()},
    )
