"""The library's front door: `solve(course) -> SolveResult` (the CLI calls this, nothing else)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models.course import Course
from models.timetable import Timetable
from scheduler import __version__
from scheduler.cpsat.build import (
    BuiltModel,
    Progress,
    SolveOptions,
    build_model,
    extract_sessions,
    run,
    solver_info,
)
from scheduler.precheck import precheck

__all__ = ["Infeasible", "Progress", "SolveOptions", "SolveResult", "solve"]


class Infeasible(Exception):
    """The course cannot meet the standard as given; `reasons` say why in words."""

    def __init__(self, reasons: list[str], status: str = "INFEASIBLE") -> None:
        super().__init__("; ".join(reasons))
        self.reasons = reasons
        self.status = status

    @property
    def proven(self) -> bool:
        """Proven impossible (by the solver or the pre-checks), not a time limit run out."""
        return self.status != "UNKNOWN"


@dataclass
class SolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
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


def solve(
    course: Course,
    options: SolveOptions | None = None,
    input_sha256: str | None = None,
) -> SolveResult:
    """A timetable for the course that meets every hard rule, as good as the time allows.

    Raises Infeasible when the solver proves no timetable exists, or finds none in time.
    """
    precheck(course)
    options = options or SolveOptions()
    built = build_model(course)
    solver, status = run(built, options)
    return _result(course, built, solver, status, options, input_sha256)


def _result(
    course: Course,
    built: BuiltModel,
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    options: SolveOptions,
    input_sha256: str | None,
) -> SolveResult:
    name = solver.status_name(status)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if status == cp_model.INFEASIBLE:
            from scheduler.explain import explain_infeasible

            raise Infeasible(explain_infeasible(course), name)
        raise Infeasible(
            [
                f"no timetable found within the time limit ({options.time_limit:g} s; solver "
                f"status {name}); try a longer --time-limit"
            ],
            name,
        )
    info = solver_info(solver, status, options)
    timetable = Timetable.for_course(
        course,
        extract_sessions(built, solver),
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
        preferences={k: float(solver.value(e)) for k, e in built.objective_parts.items()},
    )
