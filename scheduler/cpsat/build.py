"""Wires variables, rules and objective into one CP-SAT model, solves it, reads the timetable back."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from datetime import time as clock_time
from typing import Any

from ortools.sat.python import cp_model

from models.base import SessionKind, text_in
from models.course import Course
from models.timetable import Session, SolverInfo
from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.objective import objective_terms
from scheduler.cpsat.redundant import REDUNDANT
from scheduler.cpsat.rules import RULES
from scheduler.cpsat.solver import configured_solver
from scheduler.cpsat.symmetry import SYMMETRY_BREAKERS
from scheduler.cpsat.variables import CourseVars, HeldMinutes, Occurrence
from scheduler.interrupts import Stoppable
from scheduler.words import label, labels_in_all


def gap(objective: float, bound: float) -> float:
    """(penalty - bound) / penalty: 0 when the penalty is proven the least possible."""
    if objective == 0 or bound >= objective:
        return 0.0
    return abs(objective - bound) / abs(objective)


@dataclass(frozen=True)
class Progress:
    """A better timetable found: when (seconds since the time limit started counting, of
    `limit`), its penalty, and the best bound on the penalty proven so far."""

    seconds: float
    objective: float
    bound: float
    limit: float | None = None  # the time limit in seconds (deterministic runs: converted)
    source: str = ""  # what found it: "first", a neighbourhood's name, "cp-sat", a course

    @property
    def gap(self) -> float:
        return gap(self.objective, self.bound)


@dataclass
class SolveOptions:
    # Seconds on the clock, counted from `started` (by default when solving begins); with
    # `deterministic`, converted to the solver's deterministic time instead (cpsat/solver.py).
    time_limit: float = 20.0
    seed: int = 0
    workers: int = 2
    # Deterministic: the same input, seed and worker count give the same timetable on any
    # machine; a run then takes about as long as asked on the reference machine, longer on a
    # busy one. The tests that compare two runs ask for it.
    deterministic: bool = False
    progress: Callable[[Progress], None] | None = None
    log: bool = False
    # Stop as soon as the penalty is at most `good_enough`, or the gap to the proven bound is at
    # most `good_enough_gap` (a fraction: 0.05 = 5 %). A proven best timetable always stops.
    good_enough: float | None = None
    good_enough_gap: float | None = None
    # time.monotonic() when the time limit started counting (e.g. when the command started);
    # None: when the solve starts. Wall-clock runs only.
    started: float | None = None
    # Called with the search just before it starts (a CP-SAT solver, or the neighbourhood
    # search's budget), so that another thread can call its stop_search() (the web page's Stop
    # button): the best timetable so far is then kept.
    on_start: Callable[[Stoppable], None] | None = None
    # "lns": a first timetable, then neighbourhood search around CP-SAT (cpsat/search.py);
    # "cp-sat": one CP-SAT search of the whole model (what run() does).
    strategy: str = "lns"

    def timed(self) -> SolveOptions:
        """These options with the clock started now, unless it already runs."""
        if self.started is not None or self.deterministic:
            return self
        return replace(self, started=time.monotonic())

    def seconds_left(self) -> float:
        """Wall-clock seconds left of the time limit."""
        start = self.started if self.started is not None else time.monotonic()
        return start + self.time_limit - time.monotonic()

    def is_good_enough(self, objective: float, bound: float) -> bool:
        """Whether a timetable of this penalty ends the search (proven best, or as asked)."""
        if objective <= bound + 1e-6:
            return True
        if self.good_enough is not None and objective <= self.good_enough + 1e-6:
            return True
        return self.good_enough_gap is not None and gap(objective, bound) <= self.good_enough_gap


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    ctx: ModelContext
    # Each preference's weighted penalty (the objective is their sum) ...
    objective_parts: dict[str, cp_model.LinearExpr | int] = field(default_factory=dict)
    # ... and the same in the preference's own unit, unweighted (models.course.preference_unit).
    preference_amounts: dict[str, cp_model.LinearExpr | int] = field(default_factory=dict)

    @property
    def vars(self) -> CourseVars:
        return self.ctx.vars


def build_model(
    course: Course,
    explaining: bool = False,
    with_objective: bool = True,
    break_symmetry: bool = True,
    model: cp_model.CpModel | None = None,
    held: HeldMinutes | None = None,
) -> BuiltModel:
    """The CP-SAT model of a course week.

    `break_symmetry` must be off when the model is to reproduce a given timetable (a re-plan's
    frozen past), which need not be in the canonical order symmetry breaking imposes.
    `model`: add the course to an existing model (a plan of several courses) instead of a new one.
    `held`: a re-plan's sessions whose staff minutes are facts (see HeldMinutes).
    """
    model = model if model is not None else cp_model.CpModel()
    ctx = ModelContext(model=model, vars=CourseVars(model, course, held), explaining=explaining)
    for rule in RULES:
        rule(ctx)
    if break_symmetry and not explaining:
        # Both help the search of a fresh timetable and change no answer; an explanation must
        # rest on the rules' own constraints (each behind its assumption literal), and a model
        # that reproduces a given timetable (a re-plan's past) gets neither.
        for redundant in REDUNDANT:
            redundant(ctx)
        for breaker in SYMMETRY_BREAKERS:
            breaker(ctx)
    built = BuiltModel(model=model, ctx=ctx)
    if with_objective:
        terms = objective_terms(ctx)
        built.preference_amounts = {name: amount for name, (_, amount) in terms.items()}
        built.objective_parts = {name: weight * amount for name, (weight, amount) in terms.items()}
        model.minimize(sum(built.objective_parts.values()))
    return built


class _ProgressCallback(cp_model.CpSolverSolutionCallback):
    """Reports each better timetable, and stops the search when it is good enough."""

    def __init__(self, options: SolveOptions, started: float) -> None:
        super().__init__()
        self._options = options
        self._started = started

    def on_solution_callback(self) -> None:
        point = Progress(
            seconds=time.monotonic() - self._started,
            objective=self.objective_value,
            bound=self.best_objective_bound,
            limit=self._options.time_limit,
            source="cp-sat",
        )
        if self._options.progress:
            self._options.progress(point)
        if self._options.is_good_enough(point.objective, point.bound):
            self.stop_search()


def parameters(options: SolveOptions) -> cp_model.CpSolver:
    """A solver configured as the options say (scheduler/cpsat/solver.py): what is left of the
    wall-clock time limit, or the time limit converted to deterministic time."""
    return configured_solver(
        time_limit=options.time_limit if options.deterministic else options.seconds_left(),
        workers=options.workers,
        seed=options.seed,
        deterministic=options.deterministic,
        log=options.log,
    )


def solver_info(
    solver: cp_model.CpSolver,
    status: cp_model.CpSolverStatus,
    options: SolveOptions,
    **overrides: Any,
) -> SolverInfo:
    """What a timetable records of the search that made it (overrides e.g. a plan's bound)."""
    facts: dict[str, Any] = {
        "status": solver.status_name(status),
        "objective": solver.objective_value,
        "bound": solver.best_objective_bound,
        "seconds": round(solver.wall_time, 3),
        "seed": options.seed,
        "workers": options.workers,
        "time_limit": options.time_limit,
        "deterministic": options.deterministic,
    }
    return SolverInfo(**(facts | overrides))


def run(
    built: BuiltModel, options: SolveOptions
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """One CP-SAT search of the whole model, within the time limit, reporting progress and
    stopping when good enough (solve() searches neighbourhoods instead: cpsat/search.py)."""
    return run_model(built.model, options)


def run_model(
    model: cp_model.CpModel, options: SolveOptions
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    """run() for any model (a plan's joint model)."""
    options = options.timed()
    solver = parameters(options)
    if options.good_enough_gap is not None:
        solver.parameters.relative_gap_limit = options.good_enough_gap
    wanted = options.progress is not None or options.good_enough is not None
    started = options.started if options.started is not None else time.monotonic()
    callback = _ProgressCallback(options, started) if wanted else None
    if options.on_start is not None:
        options.on_start(solver)
    status = solver.solve(model, callback)
    return solver, status


def _chosen_day(solver: cp_model.CpSolver, occurrence: Occurrence) -> int:
    return next(day for day, lit in occurrence.day_lit.items() if solver.boolean_value(lit))


def extract_sessions(built: BuiltModel, solver: cp_model.CpSolver) -> tuple[Session, ...]:
    """The solved timetable as domain sessions (transfers around off-site sessions included)."""
    v, course = built.vars, built.vars.course
    language = course.info.language
    everyone = tuple(p.id for p in course.participants)
    half_a = tuple(p for p in everyone if solver.boolean_value(v.in_half_a[p]))
    members = {"A": half_a, "B": tuple(p for p in everyone if p not in half_a), "": everyone}
    sessions: list[Session] = []
    for occurrence in v.occurrences:
        day = _chosen_day(solver, occurrence)
        assert occurrence.start is not None
        start = (solver.value(occurrence.start) - v.day_origin(day)) * v.slot
        spec = occurrence.spec
        titles = spec.title if spec else labels_in_all("lunch")
        for half in occurrence.halves:
            staff = tuple(
                s for s, lit in occurrence.staff_in_half(half) if solver.boolean_value(lit)
            )
            room = next(
                (r for r, lit in occurrence.rooms_in_half(half) if solver.boolean_value(lit)), None
            )
            if occurrence.kind == SessionKind.INDIVIDUAL:
                participants: tuple[str, ...] = (occurrence.participant or "",)
            elif occurrence.kind == SessionKind.STAFF_MEETING:
                participants = ()
            else:
                moment = datetime.combine(course.days[day], clock_time()) + timedelta(minutes=start)
                participants = tuple(
                    p for p in members[half] if v.participant(p).present_at(moment)
                )
            session = Session(
                id=f"{occurrence.id}{half}",
                title=text_in(titles, language),
                titles=titles,
                kind=occurrence.kind,
                purpose=occurrence.purpose,
                theme=spec.theme if spec else None,
                date=course.days[day],
                start=start,
                end=start + occurrence.minutes,
                staff=staff,
                room=room,
                participants=participants,
                interruptible=occurrence.interruptible,
                spec=spec.id if spec else None,
                small_group=half or None,  # type: ignore[arg-type]
            )
            sessions.append(session)
            travel = occurrence.room_transfer.get(room, 0) if room is not None else 0
            if travel:
                # The chosen room's own travel (a nearer pool is not reached in a farther one's).
                sessions.extend(_transfers(session, travel * v.slot, course, language))
    return tuple(sorted(sessions, key=lambda s: (s.date, s.start, s.id)))


def _transfers(session: Session, minutes: int, course: Course, language: str) -> list[Session]:
    """R30: transport both ways for an off-site session, escorted by its staff."""
    room = course.room(session.room or "")
    name = room.name or room.id
    common = {
        "kind": SessionKind.TRANSFER,
        "date": session.date,
        "staff": session.staff,
        "participants": session.participants,
        "spec": session.spec,
    }
    return [
        Session(
            id=f"{session.id}-to",
            title=label("transfer_to", language, room=name),
            titles=labels_in_all("transfer_to", room=name),
            start=session.start - minutes,
            end=session.start,
            **common,  # type: ignore[arg-type]
        ),
        Session(
            id=f"{session.id}-from",
            title=label("transfer_from", language, room=name),
            titles=labels_in_all("transfer_from", room=name),
            start=session.end,
            end=session.end + minutes,
            **common,  # type: ignore[arg-type]
        ),
    ]
