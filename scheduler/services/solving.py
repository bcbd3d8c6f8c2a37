"""The library's front door: `solve(course) -> SolveResult`, a timetable that has already passed
the independent checker (the CLI and the web page call this, nothing else)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NoReturn

from ortools.sat.python import cp_model

from models.base import LANGUAGES
from models.course import Course, preference_unit
from models.standard import Standard
from models.timetable import PreferenceCost, Session, SolverInfo, Timetable
from scheduler import __version__
from scheduler.check import CheckReport, check
from scheduler.cpsat.build import (
    BuiltModel,
    Progress,
    SolveOptions,
    build_model,
    extract_sessions,
    gap,
    run,
    solver_info,
)
from scheduler.cpsat.locks import carry_locks, pin_locked
from scheduler.cpsat.search import SearchResult, search
from scheduler.errors import Infeasible, SolverBug
from scheduler.explain.course import explain_infeasible
from scheduler.explain.precheck import precheck
from scheduler.words import number, preference_cost, reader, say

__all__ = [
    "SOLVE_SECONDS",
    "PreferenceCost",
    "Progress",
    "SolveOptions",
    "SolveResult",
    "preference_costs",
    "solve",
    "verified",
]

# A course's solve when nobody says how long: `kurssi solve` and the web page's Solve. Measured
# (README, "Benchmarks"): the default course reaches the best timetable known in a median of 7 s
# on an idle 2-core machine; the page shows the penalty as it falls and Stop keeps the best.
SOLVE_SECONDS = 10.0


@dataclass
class SolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
    report: CheckReport
    # Each preference's penalty (weighted), by name; `costs` has each in its own unit too.
    preferences: dict[str, float] = field(default_factory=dict)
    costs: dict[str, PreferenceCost] = field(default_factory=dict)
    first_seconds: float | None = None  # when the first timetable was found
    stopped: str = ""  # "time limit", "good enough", "optimal", "stopped"
    trace: list[Progress] = field(default_factory=list)  # each better timetable as found

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"

    @property
    def gap(self) -> float:
        """Relative distance between the timetable's penalty and the best the solver can prove."""
        return gap(self.objective, self.bound)


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

    The time limit counts from this call (or from `options.started`) and includes the
    pre-checks and model building: a first timetable from CP-SAT, then neighbourhood search
    around it (cpsat/search.py) until the limit, a proven best or a good enough timetable.

    `locked`: an earlier timetable's sessions; those the course manager locked keep their
    place (and their lock) in the new timetable.

    Raises Infeasible when the pre-checks or the solver prove no timetable exists, or none is
    found in time; SolverBug if the solver's timetable fails the checker.
    """
    options = (options or SolveOptions()).timed()
    precheck(course)
    # Symmetry breaking puts interchangeable sessions in a canonical order a lock need not keep.
    pinning = any(s.locked for s in locked)
    built = build_model(course, break_symmetry=not pinning)
    if pinning:
        pin_locked(built, locked)
    if options.strategy == "cp-sat":
        solver, status = run(built, options)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            _fail(course, solver.status_name(status), options)
        info = solver_info(solver, status, options)
        return _result(course, built, solver, info, input_sha256, None, locked)
    found = search(built, options)
    if not found.found or found.solver is None:
        _fail(course, found.status, options)
    info = SolverInfo(
        status=found.status,
        objective=found.objective,
        bound=found.bound,
        seconds=round(found.seconds, 3),
        seed=options.seed,
        workers=options.workers,
        time_limit=options.time_limit,
        deterministic=options.deterministic,
    )
    return _result(course, built, found.solver, info, input_sha256, found, locked)


def _fail(course: Course, status: str, options: SolveOptions) -> NoReturn:
    if status == "INFEASIBLE":
        raise Infeasible(explain_infeasible(course), status)
    raise Infeasible(
        [say("solve_time_ran_out", seconds=number(options.time_limit, reader()), status=status)],
        status,
    )


def preference_costs(built: BuiltModel, solver: cp_model.CpSolver) -> dict[str, PreferenceCost]:
    """Each preference's cost in the solver's timetable: its amount in its own unit, weight,
    penalty, and the amount in words in each language."""
    weights = built.vars.course.preferences
    costs = {}
    for name, expression in built.preference_amounts.items():
        amount = float(solver.value(expression))
        weight = int(getattr(weights, name))
        unit = preference_unit(name)
        costs[name] = PreferenceCost(
            name=name,
            amount=amount,
            unit=unit,  # type: ignore[arg-type]
            weight=weight,
            penalty=amount * weight,
            text={
                language: preference_cost(name, unit, amount, language) for language in LANGUAGES
            },
        )
    return costs


def _result(
    course: Course,
    built: BuiltModel,
    solver: cp_model.CpSolver,
    info: SolverInfo,
    input_sha256: str | None,
    found: SearchResult | None,
    locked: Sequence[Session] = (),
) -> SolveResult:
    costs = preference_costs(built, solver)
    info = info.model_copy(update={"preferences": tuple(costs.values())})
    timetable = Timetable.for_course(
        course,
        carry_locks(extract_sessions(built, solver), locked),
        solver=info,
        input_sha256=input_sha256,
        tool_version=__version__,
    )
    assert info.objective is not None and info.bound is not None
    return SolveResult(
        timetable=timetable,
        status=info.status,
        objective=info.objective,
        bound=info.bound,
        seconds=info.seconds,
        report=verified(timetable, course.standard),
        preferences={k: float(solver.value(e)) for k, e in built.objective_parts.items()},
        costs=costs,
        first_seconds=found.first_seconds if found else None,
        stopped=found.stopped if found else "",
        trace=found.trace if found else [],
    )
