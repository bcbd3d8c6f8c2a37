"""The one place that creates and configures CP-SAT solvers: every solve, probe and explanation
in the tool gets its solver here, so limits, seeds and workers mean the same everywhere."""

from __future__ import annotations

from ortools.sat.python import cp_model

from scheduler.interrupts import stop_on_interrupt

# CP-SAT's deterministic time advances about 0.3 units per wall second with interleaved search
# on the 2-core reference machine (measured: 7.7 units in 24.8 s). Converting the time limit at
# this rate keeps a deterministic run reproducible on any machine and about as long as asked here.
DETERMINISTIC_UNITS_PER_SECOND = 0.3


def configured_solver(
    *,
    time_limit: float,
    workers: int = 2,
    seed: int = 0,
    deterministic: bool = False,
    log: bool = False,
    first_solution_only: bool = False,
) -> cp_model.CpSolver:
    """A CP-SAT solver with these settings.

    `time_limit` is wall-clock seconds unless `deterministic`: then the same input, seed and
    worker count give the same result, and the limit is converted to the solver's deterministic
    time at the reference rate (a guard of ten times the limit in wall time stops a far slower
    machine). One worker is what OR-Tools' infeasibility explanation needs.
    """
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = max(1, workers)
    params.random_seed = seed
    params.log_search_progress = log
    limit = max(time_limit, 0.01)
    if deterministic:
        params.interleave_search = params.num_workers > 1
        params.max_deterministic_time = limit * DETERMINISTIC_UNITS_PER_SECOND
        params.max_time_in_seconds = limit * 10
    else:
        params.max_time_in_seconds = limit
    if first_solution_only:
        params.stop_after_first_solution = True
    return _stoppable(solver)


def search_solver(
    *,
    seconds: float,
    units: float | None = None,
    seed: int = 0,
    log: bool = False,
    first_solution_only: bool = False,
    linearization_level: int | None = None,
) -> cp_model.CpSolver:
    """A one-worker CP-SAT solver for one step of the neighbourhood search (cpsat/search.py):
    at most `units` of deterministic time (None: no such limit) and `seconds` on the clock,
    whichever comes first. A deterministic search gives `units` and a generous `seconds` guard;
    a wall-clock one gives both as they are measured to suit the step."""
    solver = cp_model.CpSolver()
    params = solver.parameters
    params.num_workers = 1
    params.random_seed = seed
    params.log_search_progress = log
    params.max_time_in_seconds = max(seconds, 0.005)
    if units is not None:
        params.max_deterministic_time = max(units, 0.001)
    if first_solution_only:
        params.stop_after_first_solution = True
    if linearization_level is not None:
        params.linearization_level = linearization_level
    return _stoppable(solver)


def _stoppable(solver: cp_model.CpSolver) -> cp_model.CpSolver:
    # CP-SAT's own Ctrl-C handler would end the search as if its time ran out (the run then
    # writes its outputs) and leave Ctrl-C unhandled afterwards; the tool stops it instead.
    solver.parameters.catch_sigint_signal = False
    stop_on_interrupt(solver)
    return solver
