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
    # CP-SAT's own Ctrl-C handler would end the search as if its time ran out (the run then
    # writes its outputs) and leave Ctrl-C unhandled afterwards; the tool stops it instead.
    params.catch_sigint_signal = False
    stop_on_interrupt(solver)
    return solver
