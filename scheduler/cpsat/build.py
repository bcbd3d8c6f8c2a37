"""Wires variables, rules and objective into one CP-SAT model, solves it, reads the timetable back."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from datetime import time as clock_time
from typing import Any

from ortools.sat.python import cp_model

from models.base import SessionKind, text_in
from models.course import Course
from models.timetable import Session, SolverInfo
from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.objective import objective_terms
from scheduler.cpsat.rules import RULES
from scheduler.cpsat.solver import configured_solver
from scheduler.cpsat.symmetry import SYMMETRY_BREAKERS
from scheduler.cpsat.variables import CourseVars, HeldMinutes, Occurrence
from scheduler.words import label, labels_in_all


@dataclass(frozen=True)
class Progress:
    seconds: float
    objective: float
    bound: float


@dataclass
class SolveOptions:
    time_limit: float = 20.0
    seed: int = 0
    workers: int = 2
    # Deterministic: the same input, seed and worker count give the same timetable. The time
    # limit is then converted to the solver's deterministic time (see above), not wall time.
    deterministic: bool = True
    progress: Callable[[Progress], None] | None = None
    log: bool = False
    # Called with the solver just before its search starts, so that another thread can call
    # its stop_search() (the web page's Stop button): the best timetable so far is then kept.
    on_start: Callable[[cp_model.CpSolver], None] | None = None


@dataclass
class BuiltModel:
    model: cp_model.CpModel
    ctx: ModelContext
    objective_parts: dict[str, cp_model.LinearExpr | int] = field(default_factory=dict)

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
        for breaker in SYMMETRY_BREAKERS:
            breaker(ctx)
    built = BuiltModel(model=model, ctx=ctx)
    if with_objective:
        built.objective_parts = objective_terms(ctx)
        model.minimize(sum(built.objective_parts.values()))
    return built


class _ProgressCallback(cp_model.CpSolverSolutionCallback):
    def __init__(self, report: Callable[[Progress], None]) -> None:
        super().__init__()
        self._report = report
        self._started = time.monotonic()

    def on_solution_callback(self) -> None:
        self._report(
            Progress(
                seconds=time.monotonic() - self._started,
                objective=self.objective_value,
                bound=self.best_objective_bound,
            )
        )


def parameters(options: SolveOptions) -> cp_model.CpSolver:
    """A solver configured as the options say (scheduler/cpsat/solver.py)."""
    return configured_solver(
        time_limit=options.time_limit,
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
    }
    return SolverInfo(**(facts | overrides))


def run(
    built: BuiltModel, options: SolveOptions
) -> tuple[cp_model.CpSolver, cp_model.CpSolverStatus]:
    solver = parameters(options)
    callback = _ProgressCallback(options.progress) if options.progress else None
    if options.on_start is not None:
        options.on_start(solver)
    status = solver.solve(built.model, callback)
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
