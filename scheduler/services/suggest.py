"""Suggest: the best other places for one session of a timetable, every rule kept.

A small CP-SAT solve over the whole week with everything else fixed finds the places the session
can take alone; when those are fewer than asked, the same model with a small budget of other
sessions that may move finds more. Places are ranked by the number of other sessions that must
move (each is more people to tell), then by the change in the timetable's penalty (the
preferences); each suggestion is a whole timetable that has passed the checker.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import date

from ortools.sat.python import cp_model

from models.standard import Standard
from models.timetable import Timetable
from scheduler.cpsat.build import BuiltModel, build_model, extract_sessions
from scheduler.cpsat.locks import carry_locks, lock_scopes
from scheduler.cpsat.perturbation import add_perturbation, freeze, old_halves, old_placements
from scheduler.cpsat.solver import configured_solver
from scheduler.cpsat.variables import Occurrence
from scheduler.domain.changes import change_list
from scheduler.domain.occurrences import occurrence_id
from scheduler.errors import InputError
from scheduler.services.solving import verified
from scheduler.words import say

__all__ = ["SuggestOptions", "Suggestion", "penalty_of", "suggest"]

# Sessions moved come before any difference of penalty in the ranking.
_MOVE_WEIGHT = 1_000_000


@dataclass(frozen=True)
class Suggestion:
    """One place for the session: where, with whom, what it costs, and the whole timetable."""

    session: str
    date: date
    start: int
    end: int
    staff: tuple[str, ...]
    room: str | None
    penalty_change: float
    moved: tuple[str, ...]  # the other sessions that move with it (ids)
    timetable: Timetable


@dataclass
class SuggestOptions:
    count: int = 10
    max_moved: int = 1  # other sessions that may move to make room
    time_limit: float = 1.8  # wall-clock seconds for all the solves (2 s with the page around)
    workers: int = 2
    seed: int = 0


@dataclass
class _Model:
    built: BuiltModel
    target: Occurrence
    half: str
    penalty: cp_model.LinearExpr | int
    moved: cp_model.LinearExpr | int


def _fix_halves(built: BuiltModel, timetable: Timetable) -> None:
    """R7's small groups stay as they are: who is in half A is not the session's to change."""
    halves = old_halves(timetable.sessions)
    for participant, lit in built.vars.in_half_a.items():
        if participant in halves:
            built.model.add(lit == int(halves[participant]))


def _model(
    timetable: Timetable, standard: Standard, session_id: str, max_moved: int | None
) -> _Model:
    """The week's model with the session free and the rest fixed (`max_moved` None), or
    priced so that at most `max_moved` other sessions move. Locks always hold."""
    course = timetable.to_course(standard)
    built = build_model(course, break_symmetry=False)
    by_id = {s.id: s for s in timetable.sessions}
    if session_id not in by_id:
        raise InputError(say("place_session"), session_id, say("moves_no_session"))
    target_id = occurrence_id(by_id[session_id], by_id)
    target = next((o for o in built.vars.occurrences if o.id == target_id), None)
    if target is None:
        raise InputError(say("place_session"), session_id, say("suggest_not_placed"))
    placements = old_placements(built, timetable.sessions)
    scopes = lock_scopes(built, timetable.sessions)
    if target_id in scopes:
        raise InputError(say("place_session"), session_id, say("suggest_locked"))
    _fix_halves(built, timetable)
    others = {key: place for key, place in placements.items() if key != target_id}
    model = built.model
    if max_moved is None:
        for occurrence in built.vars.occurrences:
            if occurrence.id in others:
                freeze(built, occurrence, others[occurrence.id])
        moved: cp_model.LinearExpr | int = 0
    else:
        time_only = frozenset(key for key, scope in scopes.items() if scope == "time")
        perturbation = add_perturbation(built, others, set(scopes), time_only=time_only)
        moved = sum(perturbation.changed.values())
        model.add(moved <= max_moved)
    half = session_id[-1] if session_id[-1:] in ("A", "B") and "" not in target.halves else ""
    half = half if half in target.halves else target.halves[0]
    penalty: cp_model.LinearExpr | int = sum(built.objective_parts.values())
    return _Model(built, target, half, penalty, moved)


def _forbid(m: _Model, day: int, start_slot: int, staff: frozenset[str]) -> None:
    """No more solutions with the session on that day at that time led by (at least) `staff`."""
    model, target = m.built.model, m.target
    if day not in target.day_lit:
        return
    assert target.start is not None
    at_start = model.new_bool_var("")
    model.add(target.start == start_slot).only_enforce_if(at_start)
    model.add(target.start != start_slot).only_enforce_if(~at_start)
    leaders = [lit for s, lit in target.staff_in_half(m.half) if s in staff]
    model.add_bool_or([~target.day_lit[day], ~at_start, *(~lit for lit in leaders)])


def penalty_of(timetable: Timetable, standard: Standard, workers: int = 2) -> float | None:
    """The timetable's penalty (its preferences' weighted sum) as the solver counts it; None if
    the solver's model cannot hold the timetable (it breaks a rule)."""
    built = build_model(timetable.to_course(standard), break_symmetry=False)
    placements = old_placements(built, timetable.sessions)
    _fix_halves(built, timetable)
    for occurrence in built.vars.occurrences:
        if occurrence.id in placements:
            freeze(built, occurrence, placements[occurrence.id])
    solver = configured_solver(time_limit=5.0, workers=workers)
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return solver.objective_value


def suggest(
    timetable: Timetable,
    standard: Standard,
    session_id: str,
    options: SuggestOptions | None = None,
) -> list[Suggestion]:
    """Up to `count` other places for the session that keep every rule, best first.

    Raises InputError for a session the timetable does not have, one the solver does not place
    (a transfer follows its session), or a locked one.
    """
    options = options or SuggestOptions()
    current = {s.id: s for s in timetable.sessions}.get(session_id)
    if current is None:
        raise InputError(say("place_session"), session_id, say("moves_no_session"))
    started = time.monotonic()
    baseline = penalty_of(timetable, standard, options.workers)
    found: list[Suggestion] = []
    tried: list[tuple[int, int, frozenset[str]]] = []
    for max_moved in (None, options.max_moved):
        remaining = options.time_limit - (time.monotonic() - started)
        if len(found) >= options.count or remaining <= 0 or max_moved == 0:
            break
        m = _model(timetable, standard, session_id, max_moved)
        v = m.built.vars
        if current.date in v.course.days:
            day = v.course.days.index(current.date)
            _forbid(m, day, v.day_origin(day) + current.start // v.slot, frozenset(current.staff))
        for place in tried:
            _forbid(m, *place)
        m.built.model.minimize(_MOVE_WEIGHT * m.moved + m.penalty)
        while len(found) < options.count:
            remaining = options.time_limit - (time.monotonic() - started)
            if remaining <= 0.05:
                break
            solver = configured_solver(
                time_limit=remaining, workers=options.workers, seed=options.seed
            )
            status = solver.solve(m.built.model)
            if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                break
            suggestion, place = _read(m, solver, timetable, standard, session_id, baseline)
            found.append(suggestion)
            tried.append(place)
            _forbid(m, *place)
    return found


def _read(
    m: _Model,
    solver: cp_model.CpSolver,
    timetable: Timetable,
    standard: Standard,
    session_id: str,
    baseline: float | None,
) -> tuple[Suggestion, tuple[int, int, frozenset[str]]]:
    target = m.target
    day = next(d for d, lit in target.day_lit.items() if solver.boolean_value(lit))
    assert target.start is not None
    start_slot = solver.value(target.start)
    staff = frozenset(s for s, lit in target.staff_in_half(m.half) if solver.boolean_value(lit))
    sessions = carry_locks(extract_sessions(m.built, solver), timetable.sessions)
    changes = change_list(timetable.sessions, sessions)
    new = timetable.model_copy(update={"sessions": sessions, "changes": changes})
    verified(new, standard)
    by_id = {s.id: s for s in (*timetable.sessions, *sessions)}
    moved = tuple(
        c.session
        for c in changes
        if c.session not in by_id or occurrence_id(by_id[c.session], by_id) != target.id
    )
    placed = next(
        (s for s in sessions if s.id == session_id),
        next(s for s in sessions if occurrence_id(s, by_id) == target.id),
    )
    penalty = solver.value(m.penalty)
    suggestion = Suggestion(
        session=session_id,
        date=placed.date,
        start=placed.start,
        end=placed.end,
        staff=placed.staff,
        room=placed.room,
        penalty_change=penalty - baseline if baseline is not None else 0.0,
        moved=moved,
        timetable=new,
    )
    return suggestion, (day, start_slot, staff)
