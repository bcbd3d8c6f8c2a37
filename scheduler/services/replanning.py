"""Re-planning after a change: a new timetable that meets the standard and moves as little as it
can, with the list of what changed and whom to tell."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from ortools.sat.python import cp_model

from models.base import SessionKind
from models.changes import ChangeSet
from models.course import Course
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler import __version__
from scheduler.check import CheckReport
from scheduler.cpsat.build import SolveOptions, build_model, extract_sessions, run, solver_info
from scheduler.cpsat.perturbation import add_perturbation, occurrence_of, old_placements
from scheduler.domain.changes import apply_changes, change_list
from scheduler.errors import Infeasible
from scheduler.explain.replan import why_no_replan
from scheduler.services.solving import verified

__all__ = ["ResolveResult", "apply_changes", "change_list", "resolve"]


@dataclass
class ResolveResult:
    timetable: Timetable
    status: str
    objective: float
    bound: float
    seconds: float
    changed_sessions: int
    report: CheckReport

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"


def frozen_sessions(timetable: Timetable, now: datetime | None, locks: bool = True) -> set[str]:
    """Ids of sessions that must not move: locked ones (unless not `locks`), and those started
    before `now`."""
    frozen = set()
    for session in timetable.sessions:
        begins = datetime.combine(session.date, time()) + timedelta(minutes=session.start)
        started = now is not None and begins < now
        if (locks and session.locked) or started:
            frozen.add(session.id)
    return frozen


def _kept_individual_sessions(old: Timetable, course: Course, frozen: set[str]) -> list[Session]:
    """The past individual sessions of participants who have left: not re-planned, kept."""
    gone = {p.id for p in course.participants if p.leaves is not None}
    return [
        s
        for s in old.sessions
        if s.kind == SessionKind.INDIVIDUAL and set(s.participants) & gone and s.id in frozen
    ]


def resolve(
    old: Timetable,
    standard: Standard,
    changes: ChangeSet,
    options: SolveOptions | None = None,
    previous: str | None = None,
) -> ResolveResult:
    """A new timetable for the changed course, as close to `old` as the standard allows, checked.

    `previous` names the old timetable (its file) in the new one. Raises Infeasible when no
    timetable meets the standard after the change, SolverBug if the solver's fails the checker.
    """
    options = options or SolveOptions(time_limit=10.0)
    course = apply_changes(old.to_course(standard), changes)
    built = build_model(course, with_objective=False, break_symmetry=False)
    known = {o.id for o in built.vars.occurrences}
    frozen = {occurrence_of(s, known) for s in frozen_sessions(old, changes.now)}
    started = {occurrence_of(s, known) for s in frozen_sessions(old, changes.now, locks=False)}
    scopes = {(occurrence_of(s.id, known), s.lock_scope) for s in old.sessions if s.locked}
    time_locked = {occ for occ, scope in scopes if scope == "time"}
    time_locked -= {occ for occ, scope in scopes if scope == "all"}
    placements = old_placements(built, old.sessions)
    perturbation = add_perturbation(built, placements, frozen, frozenset(time_locked - started))
    built.model.minimize(perturbation.cost)
    solver, status = run(built, options)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        if status == cp_model.INFEASIBLE:
            raise Infeasible(why_no_replan(course, old, changes), solver.status_name(status))
        raise Infeasible(
            ["no new timetable found within the time limit"], solver.status_name(status)
        )
    locks = {s.id: s.lock_scope for s in old.sessions if s.locked}
    solved = extract_sessions(built, solver)
    sessions = tuple(
        sorted(
            (
                *(
                    s.model_copy(update={"locked": True, "lock_scope": locks[s.id]})
                    if s.id in locks
                    else s
                    for s in solved
                ),
                *_kept_individual_sessions(old, course, frozen),
            ),
            key=lambda s: (s.date, s.start, s.id),
        )
    )
    changed = sum(solver.boolean_value(lit) for lit in perturbation.changed.values())
    info = solver_info(solver, status, options)
    timetable = Timetable.for_course(
        course,
        sessions,
        solver=info,
        input_sha256=old.input_sha256,
        tool_version=__version__,
        changes=change_list(old.sessions, sessions),
        previous=previous,
    )
    return ResolveResult(
        timetable=timetable,
        status=info.status,
        objective=solver.objective_value,
        bound=solver.best_objective_bound,
        seconds=solver.wall_time,
        changed_sessions=changed,
        report=verified(timetable, standard),
    )
