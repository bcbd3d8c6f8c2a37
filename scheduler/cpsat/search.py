"""Neighbourhood search around CP-SAT: a first timetable fast, then better ones in the time left.

CP-SAT with two workers spends nearly all its time in one full-model search; its own
neighbourhood moves get a handful of calls in ten seconds. This loop makes the moves itself,
with knowledge of the timetable: from the best timetable so far it keeps most decisions as they
are (each session's day, start, staff and rooms), frees the rest (the sessions of a day or a
few, a person's sessions, a time window of every day, a random share) and lets CP-SAT find the
best completion in a short time. A better timetable becomes the new start (an equally good one
too: the search walks plateaus); each kind of move grows when CP-SAT explores it completely
and shrinks when it runs out of time, as CP-SAT's own neighbourhoods do.

Wall-clock runs give each worker (a thread: CP-SAT releases the GIL) its next move as soon as
its last one ends. Deterministic runs solve one move per worker at a time and take the results
in a fixed order, every limit in CP-SAT's deterministic time, so the same seed and worker count
give the same timetable on any machine.

Every CP-SAT solver here comes from cpsat/solver.py (search_solver).
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from typing import TypeVar

from ortools.sat.python import cp_model

from scheduler.cpsat.build import BuiltModel, Progress, SolveOptions
from scheduler.cpsat.solver import search_solver
from scheduler.cpsat.symmetry import symmetric_groups
from scheduler.cpsat.variables import Occurrence


@dataclass
class Incumbent:
    """The best timetable so far: every variable's value, and the solver that holds them (the
    solver of a move's model answers for the whole model: it has the same variables)."""

    values: list[int]
    objective: float
    solver: cp_model.CpSolver


@dataclass
class MoveStats:
    calls: int = 0
    improved: int = 0
    explored: int = 0  # CP-SAT explored the neighbourhood completely
    seconds: float = 0.0
    difficulty: float = 0.5


@dataclass
class SearchResult:
    """What the search found. `solver` holds the best timetable's values: query it with the
    built model's variables (extract_sessions, solver.value). Its own status, bound and times
    are those of the move that found the timetable: use the fields here instead."""

    solver: cp_model.CpSolver | None
    status: str  # OPTIMAL (proven best), FEASIBLE, INFEASIBLE, UNKNOWN (none found in time)
    objective: float
    bound: float
    seconds: float  # wall-clock seconds since the time limit started counting
    first_seconds: float | None  # when the first timetable was found (the search's clock)
    stopped: str  # "time limit", "good enough", "optimal", "infeasible", "stopped"
    trace: list[Progress] = field(default_factory=list)
    moves: dict[str, MoveStats] = field(default_factory=dict)
    deterministic_time: float = 0.0

    @property
    def found(self) -> bool:
        return self.solver is not None and self.status in ("OPTIMAL", "FEASIBLE")


# -- the model's decisions ------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """One occurrence of the course and its decision variables' indices in the model: its day
    literals, its start, its staff and room literals."""

    key: str
    occurrence: Occurrence
    dates: tuple[date, ...]  # the course's dates, by day index
    day: tuple[int, ...]
    start: int
    staff: tuple[int, ...]
    rooms: tuple[int, ...]

    @property
    def placement(self) -> tuple[int, ...]:
        return (self.start, *self.staff, *self.rooms)

    def date_of(self, values: Sequence[int]) -> date:
        day = next(d for d, lit in self.occurrence.day_lit.items() if values[lit.index])
        return self.dates[day]


def places(built: BuiltModel) -> list[Place]:
    found = []
    for o in built.vars.occurrences:
        assert o.start is not None
        found.append(
            Place(
                key=o.id,
                occurrence=o,
                dates=built.vars.course.days,
                day=tuple(lit.index for lit in o.day_lit.values()),
                start=o.start.index,
                staff=tuple(lit.index for lit in o.staff_lit.values()),
                rooms=tuple(lit.index for lit in o.room_lit.values()),
            )
        )
    return found


@dataclass(frozen=True)
class Neighbourhood:
    """What a move may change: the `free` occurrences entirely (and the small-group split when
    `halves`); all else stays as in the incumbent. `whole`: the whole model, CP-SAT's own
    search from the incumbent."""

    kind: str
    free: frozenset[str] = frozenset()
    halves: bool = False
    whole: bool = False


# -- moves ----------------------------------------------------------------------------------


class Moves:
    """The kinds of neighbourhood, each sized by its difficulty (0..1)."""

    def __init__(self, built: BuiltModel, rng: random.Random) -> None:
        self.built = built
        self.rng = rng
        self.places = places(built)
        v = built.vars
        self.staff = sorted(m.id for m in v.course.staff)
        self.dates = list(v.course.days)
        self.halves = tuple(lit.index for lit in v.in_half_a.values())
        # Occurrences symmetry breaking keeps in order: freed together or not at all (a move
        # cannot take one of them past another it keeps fixed).
        self.siblings: dict[str, frozenset[str]] = {}
        for group in symmetric_groups(v, v.course):
            keys = frozenset(o.id for o in group)
            for key in keys:
                self.siblings[key] = keys

    def kinds(self) -> dict[str, float]:
        """The kinds of move and how often each is drawn."""
        return dict(KINDS)

    def make(self, kind: str, values: Sequence[int], difficulty: float) -> Neighbourhood:
        rng = self.rng
        if kind == "days":
            # The sessions of one date or a few, free to move to any day.
            count = max(1, min(len(self.dates), round(1 + difficulty * 2)))
            dates = set(rng.sample(self.dates, count))
            return self._free(kind, {p.key for p in self.places if p.date_of(values) in dates})
        if kind == "person":
            # A staff member's sessions, and a few others.
            member = rng.choice(self.staff)
            theirs = {p.key for p in self.places if self._led_by(p, member, values)}
            extra = {p.key for p in self.places if rng.random() < difficulty * 0.3}
            return self._free(kind, theirs | extra)
        if kind == "window":
            # Every day's sessions that start in one time window of the day.
            v = self.built.vars
            first, last = v.window_start, v.window_end
            width = max(2, round((last - first) * (0.15 + 0.6 * difficulty)))
            start = rng.randint(first, max(first, last - width))
            return self._free(
                kind,
                {
                    p.key
                    for p in self.places
                    if start <= values[p.start] % v.slots_per_day < start + width
                },
            )
        if kind == "random":
            share = 0.1 + 0.6 * difficulty
            return self._free(kind, {p.key for p in self.places if rng.random() < share})
        if kind == "whole":
            every = frozenset(p.key for p in self.places)
            return Neighbourhood(kind, every, halves=True, whole=True)
        raise ValueError(f"no kind of move {kind!r}")

    @staticmethod
    def _led_by(place: Place, member: str, values: Sequence[int]) -> bool:
        return any(values[lit.index] for lit in place.occurrence.staff_lits_of(member))

    def _free(self, kind: str, keys: set[str]) -> Neighbourhood:
        """Frees these occurrences with their symmetric siblings, and the small-group split
        when small-group sessions are among them."""
        closed = set(keys)
        for key in keys:
            closed |= self.siblings.get(key, frozenset())
        halves = any(len(p.occurrence.halves) > 1 for p in self.places if p.key in closed)
        return Neighbourhood(kind, frozenset(closed), halves=halves)


def fixed_model(
    model: cp_model.CpModel, moves: Moves, values: Sequence[int], neighbourhood: Neighbourhood
) -> cp_model.CpModel:
    """A copy of the model with everything outside the neighbourhood fixed to `values`, and all
    of `values` as a hint (a complete, feasible start)."""
    copy = model.clone()
    proto = copy.proto
    if not neighbourhood.whole:
        fixed: list[int] = []
        for place in moves.places:
            if place.key not in neighbourhood.free:
                fixed.extend(place.day)
                fixed.extend(place.placement)
        if not neighbourhood.halves:
            fixed.extend(moves.halves)
        for index in fixed:
            domain = proto.variables[index].domain
            domain.clear()
            domain.extend((values[index], values[index]))
    copy.clear_hints()
    proto.solution_hint.vars.extend(range(len(values)))
    proto.solution_hint.values.extend(values)
    return copy


# -- the settings, as measured (README, "Solving") -----------------------------------------

# The kinds of move and how often each is drawn. Measured on the default course over ten
# seeds: short moves that CP-SAT often explores completely (a person's sessions, a window, a
# random share, a few dates) beat long ones (a whole course's days moved, the whole model);
# moves of the dates where individual sessions are held, of the dates the group waits most, and
# sideways moves that must change a day at no higher penalty found no more within the noise.
KINDS: dict[str, float] = {
    "days": 3.0,
    "person": 3.0,
    "window": 2.0,
    "random": 3.0,
    "whole": 0.1,
}

# Each move's limit, in CP-SAT's deterministic time (and at most MOVE_SECONDS on the clock):
# measured 0.03 / 0.05 / 0.1 units; 0.05 had the best worst seed at 5 s.
MOVE_UNITS = 0.05
MOVE_SECONDS = 1.0
WHOLE_UNITS = 0.5  # the whole model searches longer: it also raises the bound
# Right after the first timetable, a short search of the whole model proves a first bound
# (its LP relaxation; measured: 0.02 units give 168-177 of the 186 that 0.2 units give).
BOUND_UNITS = 0.03
BOUND_SECONDS = 2.0  # its LP takes a while on a busy machine: cut short, it proves nothing
# CP-SAT parameters of every move beside its limits and seed: one light presolve pass (most of
# a move's model is fixed; its presolve took 40 % of a move's CPU time). Measured on the
# default course, seeds 0-4, penalty at 2 and 4 s of CPU time / 2 (median/worst): CP-SAT's
# full presolve 387/591 and 342/471, this 342/366 and 321/342; no presolve 501/546, 402/462.
MOVE_PARAMETERS: dict[str, object] = {
    "max_presolve_iterations": 1,
    "cp_model_probing_level": 0,
    "symmetry_level": 0,
    "presolve_inclusion_work_limit": 0,
}
# While no move improves, every STALL_MOVES moves double the moves' time, up to MAX_STRETCH
# times: a larger change needs CP-SAT longer.
STALL_MOVES = 8
MAX_STRETCH = 8

# A deterministic run's budget: the rounds' deterministic time (each round counts its longest
# move), at this rate per second of the time limit.
LNS_UNITS_PER_SECOND = 0.1

# The first timetable: CP-SAT without the LP relaxation (measured the soonest: 0.014 units
# median on the default course against 0.098 with it), restarted with another seed after
# FIRST_UNITS, then twice that, and so on: a rare seed runs long (a plan's stage: 1.3 units
# where the median is 0.04), another seed rarely does.
FIRST_UNITS = 0.1
# A wall-clock search looks for its first timetable until the time limit has passed once more
# (measured: beside a busy loop on each core of the 2-core machine, `kurssi solve --time-limit
# 5` spent 2-3 s starting up and found no timetable in the rest of the 5 s in 3 runs of 5).
FIRST_GRACE = 1.0


class Budget:
    """The time left, on the clock (a deadline) or in deterministic time; and every CP-SAT
    search running in it, so that `stop_search` ends them all (Ctrl-C, a Stop button)."""

    def __init__(self, options: SolveOptions, started: float) -> None:
        self.options = options
        self.started = started
        self.deadline = started + options.time_limit
        self.units = options.time_limit * LNS_UNITS_PER_SECOND
        self.used = 0.0
        self.halted = False
        self._running: set[cp_model.CpSolver] = set()
        self._parts: list[Budget] = []
        self._lock = threading.Lock()

    @property
    def deterministic(self) -> bool:
        return self.options.deterministic

    @property
    def guard(self) -> float:
        """A deterministic run's wall-clock guard on each CP-SAT search, against a machine far
        slower than expected (never binding normally: a busy machine runs ten times slower)."""
        return max(30.0, 10 * self.options.time_limit)

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def seconds(self) -> float:
        """Elapsed seconds on the search's own clock (deterministic runs: converted units)."""
        if self.deterministic:
            return self.used / LNS_UNITS_PER_SECOND
        return self.elapsed()

    def left(self) -> float:
        """What is left, in seconds of the search's clock."""
        if self.halted:
            return 0.0
        if self.deterministic:
            return (self.units - self.used) / LNS_UNITS_PER_SECOND
        return self.deadline - time.monotonic()

    def first_left(self) -> float:
        """What is left for the first timetable: on the clock, the time limit once more (a
        busy machine can spend most of a short limit starting up, and without a timetable
        there is nothing to give); in deterministic time, the limit as it is."""
        if self.deterministic or self.halted:
            return self.left()
        return self.deadline + FIRST_GRACE * self.options.time_limit - time.monotonic()

    def shorten(self, seconds: float) -> None:
        """Ends the budget at most `seconds` (of the search's clock) from now."""
        self.deadline = min(self.deadline, time.monotonic() + seconds)
        self.units = min(self.units, self.used + seconds * LNS_UNITS_PER_SECOND)

    def solver(
        self,
        units: float,
        seconds: float,
        seed: int,
        first_solution_only: bool = False,
        linearization_level: int | None = None,
    ) -> cp_model.CpSolver:
        """A one-worker solver limited to `units` of deterministic time, `seconds` on the clock
        (wall-clock runs) and what is left of the budget (for a first timetable: first_left)."""
        if self.deterministic:
            units = min(units, self.units - self.used)
            seconds = self.guard
        else:
            left = self.first_left() if first_solution_only else self.left()
            seconds = min(seconds, left)
        solver = search_solver(
            seconds=seconds,
            units=units,
            seed=seed,
            log=self.options.log,
            first_solution_only=first_solution_only,
            linearization_level=linearization_level,
        )
        with self._lock:
            self._running.add(solver)
        return solver

    def solve(self, solver: cp_model.CpSolver, model: cp_model.CpModel) -> str:
        """Runs one search (stoppable by stop_search meanwhile) and names its status."""
        with self._lock:
            if self.halted:  # stop_search() before a search starts does not stop it
                solver.parameters.max_time_in_seconds = 0.0
        try:
            status = solver.solve(model)
        finally:
            with self._lock:
                self._running.discard(solver)
        return solver.status_name(status)

    def part(self, options: SolveOptions) -> Budget:
        """A budget for one part of this search (a plan's course for a while), from now by the
        options' limit; stopping this one stops it too."""
        part = Budget(options, time.monotonic())
        with self._lock:
            self._parts.append(part)
            if self.halted:
                part.stop_search()
        return part

    def stop_search(self) -> None:
        """Ends the search: every running CP-SAT search stops, no new one starts; the best
        timetable so far stands."""
        with self._lock:
            self.halted = True
            for solver in self._running:
                solver.stop_search()
            parts = list(self._parts)
        for part in parts:
            part.stop_search()


def first_timetable(
    model: cp_model.CpModel, options: SolveOptions, budget: Budget
) -> tuple[cp_model.CpSolver | None, str, float]:
    """A first solution of the model: the solver, its status and the deterministic time spent.

    Deterministic runs try one seed after another; wall-clock runs one sequence per worker
    side by side, the first to find one stopping the others. An interleaved search stopping at
    its first solution reported different deterministic times from run to run, which broke a
    deterministic plan: hence one worker per search."""
    threads = 1 if budget.deterministic else max(1, options.workers)
    found: list[tuple[cp_model.CpSolver, str]] = []
    running: dict[int, cp_model.CpSolver] = {}
    lock = threading.Lock()
    spent = [0.0]

    def attempts(thread: int) -> None:
        cap, attempt = FIRST_UNITS, 0
        while True:
            with lock:
                if found or budget.first_left() <= 0:
                    return
                solver = budget.solver(
                    cap,
                    budget.first_left(),
                    options.seed + thread + attempt * threads,
                    first_solution_only=True,
                    linearization_level=0,
                )
                running[thread] = solver
            status = budget.solve(solver, model)
            with lock:
                spent[0] += solver.deterministic_time
                if budget.deterministic:
                    budget.used += solver.deterministic_time
                if status in ("OPTIMAL", "FEASIBLE", "INFEASIBLE", "MODEL_INVALID") and not found:
                    found.append((solver, status))
                    for other, running_solver in running.items():
                        if other != thread:
                            running_solver.stop_search()
                    return
            cap, attempt = 2 * cap, attempt + 1

    side_by_side([partial(attempts, t) for t in range(threads)], budget.stop_search)
    if found:
        return found[0][0], found[0][1], spent[0]
    return None, "UNKNOWN", spent[0]


def search(
    built: BuiltModel,
    options: SolveOptions,
    start: Sequence[int] | None = None,
    budget: Budget | None = None,
) -> SearchResult:
    """The best timetable of a course (its model: `built`, perhaps with more constraints, as a
    plan's stage has) found in the time limit: from `start` (every variable's value) or from
    CP-SAT's first timetable, then moves around it. `budget`: the search's clock and stop
    handle (by default the options' time limit from now or from `options.started`)."""
    options = options.timed()
    if budget is None:
        started = options.started if options.started is not None else time.monotonic()
        budget = Budget(options, started)
        if options.on_start is not None:
            options.on_start(budget)  # its stop_search() ends the search, keeping the best
    model = built.model
    loop = _Loop(model, built, options, budget)
    first: cp_model.CpSolver | None = None
    status = "UNKNOWN"
    spent = 0.0
    if start is not None:
        first, status = _from_start(model, loop.moves, start, budget)
        spent = first.deterministic_time
        if budget.deterministic:
            budget.used += spent
    if status not in ("OPTIMAL", "FEASIBLE"):
        first, status, found_in = first_timetable(model, options, budget)
        spent += found_in
    loop.deterministic_time = spent
    if first is None or status not in ("OPTIMAL", "FEASIBLE"):
        return SearchResult(
            solver=None,
            status=status,
            objective=float("nan"),
            bound=float("nan"),
            seconds=budget.elapsed(),
            first_seconds=None,
            stopped="infeasible" if status == "INFEASIBLE" else "time limit",
            deterministic_time=spent,
        )
    loop.incumbent = Incumbent(list(first.response_proto.solution), first.objective_value, first)
    if start is None:
        loop.bound = first.objective_value if status == "OPTIMAL" else first.best_objective_bound
    first_seconds = budget.seconds()
    loop.report("first" if start is None else "start")
    if start is None and loop.bound < loop.incumbent.objective:
        loop.pending.append("bound")
    if not loop.done():
        if budget.deterministic or options.workers <= 1:
            loop.rounds()
        else:
            loop.workers()
    loop.done()  # names why it stopped
    incumbent, bound = loop.incumbent, loop.bound
    proven = incumbent.objective <= bound + 1e-6
    return SearchResult(
        solver=incumbent.solver,
        status="OPTIMAL" if proven else "FEASIBLE",
        objective=incumbent.objective,
        bound=min(bound, incumbent.objective),
        seconds=budget.elapsed(),
        first_seconds=first_seconds,
        stopped=loop.stopped,
        trace=loop.trace,
        moves=loop.stats,
        deterministic_time=loop.deterministic_time,
    )


@dataclass(frozen=True)
class Move:
    neighbourhood: Neighbourhood
    seed: int
    base: Incumbent  # the incumbent it starts from
    units: float  # its deterministic time


class _Loop:
    """The moves from the incumbent: in rounds (deterministic runs, one worker) or by workers
    that each move on as soon as their last move ends (wall-clock runs)."""

    def __init__(
        self, model: cp_model.CpModel, built: BuiltModel, options: SolveOptions, budget: Budget
    ) -> None:
        self.model = model
        self.options = options
        self.budget = budget
        self.rng = random.Random(options.seed)
        self.moves = Moves(built, self.rng)
        weights = self.moves.kinds()
        self.kinds, self.weights = list(weights), list(weights.values())
        self.stats = {kind: MoveStats() for kind in [*weights, "bound"]}
        self.incumbent: Incumbent
        self.bound = -float("inf")
        self.trace: list[Progress] = []
        self.stopped = "time limit"
        self.deterministic_time = 0.0
        self.stall = 0  # moves since the last better timetable
        self.lock = threading.Lock()
        self.pending: list[str] = []  # kinds drawn before any other

    def report(self, source: str) -> None:
        point = Progress(
            seconds=self.budget.seconds(),
            objective=self.incumbent.objective,
            bound=self.bound,
            limit=self.options.time_limit,
            source=source,
        )
        self.trace.append(point)
        if self.options.progress:
            self.options.progress(point)

    def done(self) -> bool:
        if self.options.is_good_enough(self.incumbent.objective, self.bound):
            proven = self.incumbent.objective <= self.bound + 1e-6
            self.stopped = "optimal" if proven else "good enough"
        elif self.budget.halted:
            self.stopped = "stopped"
        return self.stopped != "time limit" or self.budget.left() <= 0.01

    def draw(self, kind: str | None = None) -> Move:
        """A move from the incumbent: its neighbourhood, a seed, the incumbent it is from and
        its deterministic time (longer while the search stalls)."""
        if self.pending:
            kind = self.pending.pop(0)
        kind = kind or self.rng.choices(self.kinds, self.weights)[0]
        base = self.incumbent
        if kind == "bound":
            neighbourhood = Neighbourhood(kind, whole=True, halves=True)
            return Move(neighbourhood, self.rng.randrange(1 << 30), base, BOUND_UNITS)
        neighbourhood = self.moves.make(kind, base.values, self.stats[kind].difficulty)
        stretch = min(MAX_STRETCH, 2 ** (self.stall // STALL_MOVES))
        units = (WHOLE_UNITS if neighbourhood.whole else MOVE_UNITS) * stretch
        return Move(neighbourhood, self.rng.randrange(1 << 30), base, units)

    def solve(self, move: Move) -> tuple[cp_model.CpSolver, str]:
        # The first bound comes from the LP relaxation at its strongest; moves keep CP-SAT's
        # default.
        level = 2 if move.neighbourhood.kind == "bound" else None
        seconds = MOVE_SECONDS * move.units / MOVE_UNITS
        if move.neighbourhood.kind == "bound":
            seconds = BOUND_SECONDS
        solver = self.budget.solver(move.units, seconds, move.seed, linearization_level=level)
        for name, value in MOVE_PARAMETERS.items():
            setattr(solver.parameters, name, value)
        fixed = fixed_model(self.model, self.moves, move.base.values, move.neighbourhood)
        return solver, self.budget.solve(solver, fixed)

    def accept(self, done: Move, solver: cp_model.CpSolver, result: str) -> None:
        """Takes a move's result: a better timetable, or an as good one from the incumbent
        itself (a walk on the plateau); and sizes the move's kind by what CP-SAT did."""
        neighbourhood, base = done.neighbourhood, done.base
        move = self.stats[neighbourhood.kind]
        move.calls += 1
        move.seconds += solver.wall_time
        self.deterministic_time += solver.deterministic_time
        feasible = result in ("OPTIMAL", "FEASIBLE")
        better = feasible and solver.objective_value < self.incumbent.objective - 1e-6
        if neighbourhood.whole and result != "UNKNOWN":
            self.bound = max(self.bound, solver.best_objective_bound)
        self.stall = 0 if better else self.stall + 1
        if better:
            move.improved += 1
            values = list(solver.response_proto.solution)
            self.incumbent = Incumbent(values, solver.objective_value, solver)
            self.report(neighbourhood.kind)
        elif (
            feasible
            and base is self.incumbent
            and solver.objective_value <= self.incumbent.objective + 1e-6
        ):
            values = list(solver.response_proto.solution)
            self.incumbent = Incumbent(values, solver.objective_value, solver)
        if result in ("OPTIMAL", "INFEASIBLE"):
            move.explored += 1
            move.difficulty = min(0.95, move.difficulty + 0.05)
        elif not better:
            move.difficulty = max(0.05, move.difficulty - 0.05)

    def rounds(self) -> None:
        """One move per worker at a time, all of one kind (so of one length), solved side by
        side and taken in a fixed order: deterministic with a deterministic budget."""
        threads = max(1, self.options.workers)
        while not self.done():
            kind = self.rng.choices(self.kinds, self.weights)[0]
            batch = [self.draw(kind) for _ in range(threads)]
            solved = side_by_side([partial(self.solve, move) for move in batch], self.halt)
            spent = 0.0
            for move, (solver, result) in zip(batch, solved, strict=True):
                spent = max(spent, solver.deterministic_time)
                self.accept(move, solver, result)
            if self.budget.deterministic:
                self.budget.used += spent

    def workers(self) -> None:
        """A worker per thread, each moving on from the incumbent as soon as its move ends (a
        round waited for its longest move)."""

        def work() -> None:
            while True:
                with self.lock:
                    if self.done():
                        return
                    move = self.draw()
                solver, result = self.solve(move)
                with self.lock:
                    self.accept(move, solver, result)

        side_by_side([work] * max(1, self.options.workers), self.halt)

    def halt(self) -> None:
        self.budget.stop_search()


T = TypeVar("T")


def side_by_side(tasks: Sequence[Callable[[], T]], halt: Callable[[], None]) -> list[T]:
    """Runs the tasks in threads of their own (CP-SAT releases the GIL while it searches) and
    returns their results in order; an error in one is raised here. If this thread is
    interrupted meanwhile (Ctrl-C), `halt` stops the others' searches first."""
    if len(tasks) == 1:
        return [tasks[0]()]
    results: dict[int, T] = {}
    errors: list[BaseException] = []
    # Each task says when it has ended: a Thread.join() interrupted by Ctrl-C leaves the thread
    # looking ended (is_alive() False, join() returning at once) while it still runs (CPython
    # 3.11), and a thread left inside CP-SAT aborts the process at exit.
    ended = [threading.Event() for _ in tasks]

    def run(index: int) -> None:
        try:
            results[index] = tasks[index]()
        except BaseException as error:  # raised again in the calling thread
            errors.append(error)
            halt()
        finally:
            ended[index].set()

    threads = [
        threading.Thread(target=run, args=(i,), name=f"search-{i}", daemon=True)
        for i in range(len(tasks))
    ]
    try:
        for thread in threads:
            thread.start()
        for event in ended:
            event.wait()
    except BaseException:
        # Interrupted while waiting: stop the searches and let the threads end before the
        # interruption goes on.
        halt()
        for thread, event in zip(threads, ended, strict=True):
            if thread.ident is not None:
                event.wait()
        raise
    if errors:
        raise errors[0]
    return [results[i] for i in range(len(tasks))]


def _from_start(
    model: cp_model.CpModel, moves: Moves, start: Sequence[int], budget: Budget
) -> tuple[cp_model.CpSolver, str]:
    """The given start as a solution of the model (every decision fixed: CP-SAT only checks
    it and fills in what the start left out)."""
    solver = budget.solver(1.0, budget.guard, 0)
    fixed = fixed_model(model, moves, start, Neighbourhood("start"))
    return solver, budget.solve(solver, fixed)
