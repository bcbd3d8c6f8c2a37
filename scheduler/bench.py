"""`make bench`: solve fixed instances over seeds 0-4, as ratios to the best penalties known.

Not a test: it measures. Every instance runs with a wall-clock limit (60 s; `--quick`: 10 s)
and 2 workers, once per seed; the table shows the median and the worst seed of: the time to
the first timetable (for a plan: to the first complete plan), and the best penalty at 2, 5,
10 and 60 s as a ratio to the instance's best-known penalty, beside the solver's bound.

The best-known penalties live in data/bench/best-known.json (under version control), each with
the commit and the run that found it. A bench run that beats one updates the file;
`make bench-long` (`--long`) searches 10 minutes per instance for better ones. A plan's ratio
at 60 s is also given against the sum of its courses' best-known penalties solved alone, beside
the plan's proven lower bound (`--bounds`, kept in data/bench/lower-bounds.json): where the
bound is above the sum alone, sharing people costs every plan that much (bench_bound.py).

Instances: the default course; a tight course (team availability cut to just enough); the
default course run Tue-Sat; provider weeks of 2, 4 and 8 concurrent courses generated from the
default course with a seed (own teams, special workers and the sports instructor shared by
pairs of courses, gym and hall shared by pairs, the pool by all); the re-plan of a
physiotherapist who leads sessions on Wednesday-Friday becoming unavailable from Wednesday
08:00; and `kurssi solve --time-limit 5` beside a busy-loop process on every core.

    python -m scheduler.bench                  # 60 s x 5 seeds per instance, about 40 minutes
    python -m scheduler.bench --quick          # 10 s x 5 seeds, about 8 minutes
    python -m scheduler.bench --only default   # instances whose name contains the text
    python -m scheduler.bench --long           # better references: 10 min per instance
    python -m scheduler.bench --bounds         # the plans' proven lower bounds, a few minutes
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from models.base import SessionKind, TimeWindow
from models.changes import ChangeSet, StaffUnavailable
from models.course import Course
from scheduler import __version__
from scheduler.bench_bound import SHARED_PREFERENCE, others_bound, plan_lower_bound
from scheduler.check import check
from scheduler.cpsat.build import Progress, SolveOptions, build_model
from scheduler.domain.changes import apply_changes, change_list
from scheduler.domain.plan import Plan, plan_of
from scheduler.errors import Infeasible
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE, PROJECT_ROOT
from scheduler.io.standards import load_standard
from scheduler.services.planning import solve_plan
from scheduler.services.replanning import resolve
from scheduler.services.solving import solve
from scheduler.web.bench import measure_web, print_web

SEEDS = (0, 1, 2, 3, 4)
WORKERS = 2
BEST_KNOWN = PROJECT_ROOT / "data" / "bench" / "best-known.json"
LOWER_BOUNDS = PROJECT_ROOT / "data" / "bench" / "lower-bounds.json"


@dataclass(frozen=True)
class Settings:
    limit: float = 60.0
    checkpoints: tuple[float, ...] = (2.0, 5.0, 10.0, 60.0)
    seeds: tuple[int, ...] = SEEDS


FULL = Settings()
QUICK = Settings(limit=10.0, checkpoints=(2.0, 5.0, 10.0))


@dataclass
class Run:
    """One instance solved with one seed."""

    seed: int
    first_seconds: float | None
    at: dict[str, float | None]  # the best penalty at each checkpoint (wall clock)
    objective: float | None
    bound: float | None
    seconds: float
    status: str
    checks_passed: bool | None
    # The same on the CPU clock: the process's CPU seconds / WORKERS, what an idle machine
    # with WORKERS cores would give on the wall clock at best (single-threaded steps such as
    # model building make the wall clock slower than that).
    first_cpu: float | None = None
    at_cpu: dict[str, float | None] = field(default_factory=dict)
    cpu_seconds: float = 0.0
    peak_memory_mb: float = 0.0
    costs: dict[str, dict[str, float | str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


class Clocks:
    """Each progress point on the wall clock (the point's own seconds) and on the CPU clock
    (CPU seconds / WORKERS since the start)."""

    def __init__(self) -> None:
        self.cpu_started = time.process_time()
        self.points: list[tuple[Progress, float]] = []

    def record(self, point: Progress) -> None:
        self.points.append((point, self.cpu()))

    def cpu(self) -> float:
        return (time.process_time() - self.cpu_started) / WORKERS

    @property
    def trace(self) -> list[Progress]:
        return [p for p, _ in self.points]

    def cpu_trace(self) -> list[Progress]:
        return [replace(p, seconds=cpu) for p, cpu in self.points]


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


@dataclass
class Measurement:
    instance: str
    kind: str  # "course", "plan", "re-plan", "loaded"
    variables: int | None = None
    constraints: int | None = None
    reference: float | None = None  # the best-known penalty after these runs
    alone_reference: float | None = None  # a plan: the sum of its courses' best-known, alone
    lower_bound: float | None = None  # a plan: proven by `--bounds` (scheduler/bench_bound.py)
    runs: list[Run] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)


# -- best-known penalties ------------------------------------------------------------------


def load_best_known(path: Path = BEST_KNOWN) -> dict[str, dict[str, Any]]:
    """The best-known penalties (or, with LOWER_BOUNDS, the plans' proven lower bounds)."""
    if not path.is_file():
        return {}
    data: dict[str, dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _git(*args: str) -> str:
    return subprocess.run(
        ["git", *args], capture_output=True, text=True, check=True, cwd=PROJECT_ROOT
    ).stdout.strip()


def commit() -> str:
    """The checked-out commit, '-dirty' when the work tree differs from it."""
    try:
        head = _git("rev-parse", "--short=10", "HEAD")
        dirty = _git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return head + ("-dirty" if dirty else "")


def record_best(
    best: dict[str, dict[str, Any]], instance: str, penalty: float, run: str, path: Path
) -> bool:
    """Keeps `penalty` as the instance's best-known if it beats the one on file."""
    known = best.get(instance)
    if known is not None and known["penalty"] <= penalty + 1e-6:
        return False
    best[instance] = {
        "penalty": round(penalty, 3),
        "commit": commit(),
        "run": run,
        "previous": known["penalty"] if known else None,
        "long_runs": known.get("long_runs", 0) if known else 0,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(best, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return True


# -- measuring -----------------------------------------------------------------------------


def _at(
    trace: list[Progress],
    checkpoints: tuple[float, ...],
    final: float | None,
    seconds: float,
    early: bool,
    limit: float | None = None,
) -> dict[str, float | None]:
    """The best penalty at each checkpoint: the best found by then; after the run's end
    (`seconds` on the same clock) the final one if the search ended early (proven best, good
    enough) or the checkpoint is the time limit (`limit`: a plan stops a moment before it),
    else unknown (the clock did not get there)."""
    at: dict[str, float | None] = {}
    for checkpoint in checkpoints:
        seen = [p.objective for p in trace if p.seconds <= checkpoint]
        if checkpoint > seconds:
            reached = early or (limit is not None and checkpoint >= limit)
            at[f"{checkpoint:g}s"] = final if reached else None
        else:
            at[f"{checkpoint:g}s"] = min(seen) if seen else None
    return at


def _options(
    settings: Settings, seed: int, limit: float | None = None, clocks: Clocks | None = None
) -> SolveOptions:
    """Every instance alike: wall-clock limit, the seed, two workers."""
    return SolveOptions(
        time_limit=limit if limit is not None else settings.limit,
        seed=seed,
        workers=WORKERS,
        deterministic=False,
        progress=clocks.record if clocks else None,
    )


@dataclass(frozen=True)
class Solved:
    """What a course's or a plan's solve gave, as a run of the bench records it."""

    trace: list[Progress]
    objective: float | None  # None: no timetable (none in time, or none at all)
    bound: float | None
    status: str
    first_seconds: float | None
    early: bool  # stopped before its limit (proven best, good enough)
    checks_passed: bool | None  # None: nothing to check
    costs: dict[str, dict[str, float | str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)


def _timed_run(
    seed: int, settings: Settings, limit: float | None, solve_once: Callable[[SolveOptions], Solved]
) -> Run:
    """Runs one solve with a wall-clock limit, recording the penalty on both clocks as it falls."""
    clocks = Clocks()
    options = _options(settings, seed, limit, clocks)
    started = time.monotonic()
    try:
        solved = solve_once(options)
    except Infeasible as error:  # a run without a timetable is a figure too ("-" in the table)
        solved = Solved(
            trace=[],
            objective=None,
            bound=None,
            status=error.status,
            first_seconds=None,
            early=False,
            checks_passed=None,
            extra={"no_timetable": error.reasons},
        )
    seconds = time.monotonic() - started
    cpu = clocks.cpu()
    first_cpu = clocks.points[0][1] if clocks.points else None
    checkpoints, early = settings.checkpoints, solved.early
    return Run(
        seed=seed,
        first_seconds=_round(solved.first_seconds, 3),
        at=_at(solved.trace, checkpoints, solved.objective, seconds, early, options.time_limit),
        objective=solved.objective,
        bound=solved.bound,
        seconds=round(seconds, 2),
        status=solved.status,
        checks_passed=solved.checks_passed,
        first_cpu=_round(first_cpu, 3),
        at_cpu=_at(clocks.cpu_trace(), checkpoints, solved.objective, cpu, early),
        cpu_seconds=round(cpu, 2),
        peak_memory_mb=_peak_mb(),
        costs=solved.costs,
        extra=solved.extra,
    )


def run_course(course: Course, settings: Settings, seed: int, limit: float | None = None) -> Run:
    """Solve once with a wall-clock limit, recording the penalty as it falls."""

    def solve_once(options: SolveOptions) -> Solved:
        result = solve(course, options)
        return Solved(
            trace=result.trace,
            objective=result.objective,
            bound=result.bound,
            status=result.status,
            first_seconds=result.first_seconds,
            early=result.stopped not in ("time limit", ""),
            checks_passed=check(result.timetable, course.standard).passed,
            costs={
                name: {"amount": cost.amount, "unit": cost.unit, "penalty": cost.penalty}
                for name, cost in result.costs.items()
            },
            extra={
                "stopped": result.stopped,
                "trace": [(round(p.seconds, 3), p.objective, p.source) for p in result.trace],
            },
        )

    return _timed_run(seed, settings, limit, solve_once)


def run_plan(plan: Plan, settings: Settings, seed: int, limit: float | None = None) -> Run:
    """A provider's week: staged, then course by course; first is the first complete plan."""

    def solve_once(options: SolveOptions) -> Solved:
        result = solve_plan(plan, options)
        checks = {r.key: check(r.timetable, r.course.standard).passed for r in result.courses}
        return Solved(
            trace=result.trace,
            objective=result.objective,
            bound=result.bound,
            status=result.status,
            first_seconds=result.first_feasible_seconds,
            early=False,  # a plan's search has no proven bound to stop at: it runs to its limit
            checks_passed=all(checks.values()),
            extra={
                "staged_seconds": round(result.staged_seconds, 2),
                "staged": result.staged,
                "penalties": {r.key: r.penalty for r in result.courses},
                "check": checks,
                "variables": result.variables,
                "constraints": result.constraints,
            },
        )

    return _timed_run(seed, settings, limit, solve_once)


def _round(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)


# -- instances -----------------------------------------------------------------------------


def _hours(start: int, end: int) -> tuple[TimeWindow, ...]:
    return (TimeWindow(start=start * 60, end=end * 60),)


def tight_course(base: Course) -> Course:
    """The default course with the team's availability cut to just enough (one more cut and
    the course is infeasible): pt1 only Monday morning and not Thursday, the psychologist and
    the occupational therapist not on Thursday or Friday."""
    d = base.days
    cuts: dict[str, dict[date, tuple[TimeWindow, ...]]] = {
        "pt1": {d[0]: _hours(8, 12), d[3]: ()},
        "psy": {d[3]: (), d[4]: ()},
        "tt": {d[3]: (), d[4]: ()},
    }
    staff = tuple(
        s.model_copy(update={"availability": {**s.availability, **cuts[s.id]}})
        if s.id in cuts
        else s
        for s in base.staff
    )
    return base.with_changes(staff=staff)


def shifted(base: Course, days: int) -> Course:
    """The same course some days later (Tue-Sat for one day), every dated fact moved along."""
    move = timedelta(days=days)

    def moved(by_date: dict[date, tuple[TimeWindow, ...]]) -> dict[date, tuple[TimeWindow, ...]]:
        return {day + move: windows for day, windows in by_date.items()}

    info = base.info.model_copy(update={"first_day": base.info.first_day + move})
    staff = tuple(s.model_copy(update={"availability": moved(s.availability)}) for s in base.staff)
    participants = tuple(
        p.model_copy(update={"unavailable": moved(p.unavailable)}) for p in base.participants
    )
    rooms = tuple(r.model_copy(update={"unavailable": moved(r.unavailable)}) for r in base.rooms)
    return base.with_changes(info=info, staff=staff, participants=participants, rooms=rooms)


def physician_on(base: Course, day: int) -> Course:
    """The default course with its physician's first afternoon on course day `day` (0-based)
    instead of Tuesday: a course of the generated provider weeks, alone."""
    afternoon = _hours(12, 16)
    days = base.days
    physician = {d: afternoon if n in (day, len(days) - 1) else () for n, d in enumerate(days)}
    staff = tuple(
        s.model_copy(update={"availability": physician}) if s.role == "rheumatologist" else s
        for s in base.staff
    )
    return base.with_changes(staff=staff)


# The instance each generated course is, solved alone (its best-known is the reference).
ALONE = {1: "default course", 2: "default course, physician Wed"}

# Whom pairs of generated courses may share: special workers and the sports instructor.
SHAREABLE = ("tt", "sosi", "ravit", "liik")


def provider_week(base: Course, count: int, seed: int = 0) -> Plan:
    """`count` concurrent copies of the default course at one provider, reproducible from the
    seed: each course has its own team (its physician's second afternoon on Tue or Wed, so that
    each pair's team meetings differ); each pair of courses shares three of the special workers
    and sports instructor (drawn by the seed), a gym and a hall; all courses share the pool."""
    return plan_of(_week(base, count, seed)[0], f"{count} concurrent courses")


def alone_instances(base: Course, count: int, seed: int = 0) -> list[str]:
    """The instance each course of a generated week is when solved alone."""
    return _week(base, count, seed)[1]


def _week(base: Course, count: int, seed: int) -> tuple[list[tuple[str, Course]], list[str]]:
    rng = random.Random(seed)
    days = base.days
    afternoon = _hours(12, 16)
    pairs: dict[int, tuple[set[str], list[int]]] = {}
    courses = []
    alone = []
    for index in range(count):
        pair = index // 2
        if pair not in pairs:
            pairs[pair] = (set(rng.sample(SHAREABLE, 3)), rng.sample((1, 2), 2))
        shared, physician_days = pairs[pair]
        physician = {
            day: afternoon if n in (physician_days[index % 2], len(days) - 1) else ()
            for n, day in enumerate(days)
        }
        alone.append(ALONE[physician_days[index % 2]])
        staff = []
        for member in base.staff:
            update: dict[str, object] = {
                "id": f"{member.id}-p{pair + 1}"
                if member.id in shared
                else f"{member.id}-{index + 1}"
            }
            if member.role == "rheumatologist":
                update["availability"] = physician
            staff.append(member.model_copy(update=update))
        rooms = []
        for room in base.rooms:
            if room.kind == "pool":
                room_id = room.id
            elif room.kind in ("gym", "hall"):
                room_id = f"{room.id}-p{pair + 1}"
            else:
                room_id = f"{room.id}-{index + 1}"
            rooms.append(room.model_copy(update={"id": room_id}))
        course = base.with_changes(staff=tuple(staff), rooms=tuple(rooms))
        courses.append((f"reuma-{index + 1}", course))
    return courses, alone


# -- the re-plan and the loaded machine ----------------------------------------------------


def _starts(session) -> datetime:  # type: ignore[no-untyped-def]
    return datetime.combine(session.date, clock_time()) + timedelta(minutes=session.start)


def run_replan(base: Course, settings: Settings, seed: int) -> Run:
    """Issue #5's scenario: the physiotherapist who leads most sessions from Wednesday on is
    unavailable from Wednesday 08:00. Re-solve time, changes, OPTIMAL (proven minimal), beside
    the sessions that person led from Wednesday on and a from-scratch solve's changes."""
    standard = load_standard(base.standard.id)
    options = _options(settings, seed, min(settings.limit, 10.0))
    old = solve(base, options).timetable
    wednesday = datetime.combine(old.days[2], clock_time(8, 0))
    led: dict[str, int] = {}
    for session in old.sessions:
        if _starts(session) >= wednesday and session.kind != SessionKind.TRANSFER:
            for staff_id in session.staff:
                led[staff_id] = led.get(staff_id, 0) + 1
    physios = [s.id for s in old.staff if s.role == "physiotherapist" and led.get(s.id)]
    who = max(physios, key=lambda s: led[s])
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=who, start=wednesday),))
    started = time.monotonic()
    result = resolve(old, standard, changes, _options(settings, seed, 10.0))
    seconds = time.monotonic() - started
    fresh = solve(apply_changes(old.to_course(standard), changes), options).timetable
    return Run(
        seed=seed,
        first_seconds=None,
        at={},
        objective=result.objective,
        bound=result.bound,
        seconds=round(seconds, 3),
        status=result.status,
        checks_passed=check(result.timetable, standard).passed,
        extra={
            "staff": who,
            "changed_sessions": result.changed_sessions,
            "proven_minimal": result.optimal,
            "sessions_led_from_wednesday": led[who],
            "from_scratch_changes": len(change_list(old.sessions, fresh.sessions)),
        },
    )


def _kurssi() -> list[str]:
    """`kurssi solve`, as installed beside this Python."""
    script = Path(sys.executable).with_name("kurssi")
    return [str(script) if script.exists() else "kurssi", "solve"]


def run_loaded(seed: int, limit: float = 5.0) -> Run:
    """`kurssi solve --time-limit 5` (a fresh process: imports, solve, check, Excel and JSON)
    while a busy-loop process runs on every core; and the library's solve() alone, likewise."""
    neighbours = [
        subprocess.Popen([sys.executable, "-c", "while True: pass"])
        for _ in range(os.cpu_count() or 2)
    ]
    try:
        time.sleep(0.5)
        with tempfile.TemporaryDirectory() as out:
            command = [
                *_kurssi(),
                "--time-limit",
                f"{limit:g}",
                "--seed",
                str(seed),
                "--out",
                out,
                "--quiet",
            ]
            started = time.monotonic()
            done = subprocess.run(command, capture_output=True, text=True)
            seconds = time.monotonic() - started
        course = load_course(DEFAULT_COURSE)
        started = time.monotonic()
        result = solve(course, SolveOptions(time_limit=limit, seed=seed, workers=WORKERS))
        solve_seconds = time.monotonic() - started
    finally:
        for neighbour in neighbours:
            neighbour.kill()
            neighbour.wait()
    return Run(
        seed=seed,
        first_seconds=result.first_seconds,
        at={},
        objective=result.objective,
        bound=result.bound,
        seconds=round(seconds, 2),
        status="ok" if done.returncode == 0 else f"exit {done.returncode}",
        checks_passed=done.returncode == 0,
        extra={
            "output": done.stdout.strip()[-300:],
            "command": " ".join(["kurssi", *command[1:]]),
            "solve_seconds": round(solve_seconds, 2),
        },
    )


# -- instances -----------------------------------------------------------------------------


@dataclass
class Instance:
    name: str
    kind: str
    run: Callable[[int], Run]
    size: Callable[[], tuple[int, int]] | None = None
    alone: list[str] = field(default_factory=list)  # a plan: its courses alone


def _size(course: Course) -> Callable[[], tuple[int, int]]:
    def size() -> tuple[int, int]:
        proto = build_model(course).model.proto
        return len(proto.variables), len(proto.constraints)

    return size


def named_courses(default: Course) -> dict[str, Course]:
    """The single-course instances by name (the last: a course of the plans, alone)."""
    return {
        "default course": default,
        "tight course": tight_course(default),
        "Tue-Sat course": shifted(default, 1),
        "default course, physician Wed": physician_on(default, 2),
    }


PLAN_SIZES = (2, 4, 8)


def instances(settings: Settings, limit: float | None = None) -> list[Instance]:
    default = load_course(DEFAULT_COURSE)
    courses = named_courses(default)
    found = [
        Instance(
            name,
            "course",
            lambda seed, c=course: run_course(c, settings, seed, limit),  # type: ignore[misc]
            _size(course),
        )
        for name, course in courses.items()
    ]
    for count in PLAN_SIZES:
        plan = provider_week(default, count)
        found.append(
            Instance(
                f"{count} courses",
                "plan",
                lambda seed, p=plan: run_plan(p, settings, seed, limit),  # type: ignore[misc]
                alone=alone_instances(default, count),
            )
        )
    found.append(Instance("re-plan", "re-plan", lambda seed: run_replan(default, settings, seed)))
    found.append(Instance("loaded machine", "loaded", run_loaded))
    return found


# -- the table -----------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None or value != value else f"{value:.{digits}f}"


def _median_worst(values: list[float | None], worst: Callable[..., float] = max) -> str:
    known = [v for v in values if v is not None]
    if not known:
        return "-"
    if len(known) < len(values):
        return f"{statistics.median(known):.2f}/-"  # a seed had none yet
    return f"{statistics.median(known):.2f}/{worst(known):.2f}"


def _loads(m: Measurement) -> str:
    """The machine's load average (1 min) over the instance's runs: least-most."""
    loads = m.extra.get("load") or []
    return f"{min(loads):.1f}-{max(loads):.1f}" if loads else "-"


def _ratio(value: float | None, reference: float | None) -> float | None:
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def print_table(rows: list[Measurement], settings: Settings, clock: str = "wall") -> None:
    """The ratios table on the wall clock, or on the CPU clock ("cpu": CPU seconds / WORKERS,
    an idle machine's wall clock at best)."""
    points = [f"{c:g}s" for c in settings.checkpoints]
    header = (
        f"{'instance':<31}{'best known':>11}{'first s':>12}"
        + "".join(f"{'@' + p:>12}" for p in points)
        + f"{'bound':>8}{'check':>7}{'load':>11}"
    )
    if clock == "wall":
        print("wall clock; median/worst over seeds; @T: best penalty at T s / best known")
    else:
        print(
            f"CPU clock (CPU seconds / {WORKERS}: an idle {WORKERS}-core machine at best); "
            "median/worst over seeds; @T: best penalty at T s / best known"
        )
    print(header)
    print("-" * len(header))
    for m in rows:
        if m.kind not in ("course", "plan"):
            continue
        runs = m.runs
        at = [r.at if clock == "wall" else r.at_cpu for r in runs]
        firsts = [r.first_seconds if clock == "wall" else r.first_cpu for r in runs]
        cells = [_median_worst([_ratio(a.get(p), m.reference) for a in at]) for p in points]
        bounds = [r.bound for r in runs if r.bound is not None]
        passed = {r.checks_passed for r in runs} - {None}  # None: a run without a timetable
        checks = "FAIL" if False in passed else "pass" if passed else "-"
        print(
            f"{m.instance:<31}{_fmt(m.reference, 0):>11}"
            f"{_median_worst(firsts):>12}"
            + "".join(f"{c:>12}" for c in cells)
            + f"{_fmt(max(bounds) if bounds else None, 0):>8}{checks:>7}{_loads(m):>11}"
        )
    if clock != "wall":
        return
    for m in rows:
        if m.kind == "plan" and m.alone_reference:
            last = points[-1]
            ratios = [_ratio(r.at.get(last), m.alone_reference) for r in m.runs]
            print(
                f"{m.instance}: penalty @{last} / sum of its courses' best known alone "
                f"({m.alone_reference:g}): {_median_worst(ratios)}"
            )
            if m.lower_bound is not None:
                print(
                    f"  no plan of it costs less than {m.lower_bound:g} (proven, --bounds): "
                    f"{m.lower_bound / m.alone_reference:.2f} x the sum alone"
                )
        if m.kind == "re-plan":
            seconds = [r.seconds for r in m.runs]
            changed = [r.extra["changed_sessions"] for r in m.runs]
            proven = all(r.extra["proven_minimal"] for r in m.runs)
            print(
                f"re-plan (a physiotherapist away from Wednesday 08:00): re-solved in "
                f"{_median_worst(list(seconds))} s (median/worst), {min(changed)}-{max(changed)} "
                f"session(s) changed, {'all proven minimal' if proven else 'NOT all proven minimal'}"
                f"; from scratch {statistics.median(r.extra['from_scratch_changes'] for r in m.runs)}"
                " changed"
            )
        if m.kind == "loaded":
            seconds = [r.seconds for r in m.runs]
            inside = [r.extra["solve_seconds"] for r in m.runs]
            penalties = [r.objective for r in m.runs]
            ok = all(r.checks_passed for r in m.runs)
            command = m.runs[0].extra["command"] if m.runs else ""
            print(
                f"loaded machine ({os.cpu_count()} busy-loop processes): `{command}` took "
                f"{_median_worst(list(seconds))} s (median/worst) on the clock"
                f"{'' if ok else ' (SOME FAILED)'}; solve() with a 5 s limit took "
                f"{_median_worst(list(inside))} s, penalty {_median_worst(list(penalties))}"
            )


# -- main ----------------------------------------------------------------------------------


def measure(
    instance: Instance,
    settings: Settings,
    best: dict[str, dict[str, Any]],
    stamp: str,
    bounds: dict[str, dict[str, Any]] | None = None,
) -> Measurement:
    """The instance over the settings' seeds; `best` (the best-known penalties) is updated by a
    better run, `bounds` are the plans' proven lower bounds (LOWER_BOUNDS)."""
    measurement = Measurement(instance=instance.name, kind=instance.kind)
    known = best.get(instance.name)
    measurement.reference = known["penalty"] if known else None
    if instance.alone and all(name in best for name in instance.alone):
        measurement.alone_reference = sum(best[name]["penalty"] for name in instance.alone)
    bound = (bounds or {}).get(instance.name)
    measurement.lower_bound = bound["value"] if bound else None
    if instance.size:
        measurement.variables, measurement.constraints = instance.size()
    measurement.extra["load"] = [round(os.getloadavg()[0], 2)]
    for seed in settings.seeds:
        print(f"  {instance.name}, seed {seed} ...", flush=True)
        run = instance.run(seed)
        measurement.runs.append(run)
        measurement.extra["load"].append(round(os.getloadavg()[0], 2))
        if instance.kind in ("course", "plan") and run.objective is not None and run.checks_passed:
            where = f"{stamp} bench, seed {seed}, {settings.limit:g} s"
            if record_best(best, instance.name, run.objective, where, BEST_KNOWN):
                print(f"  new best known for {instance.name}: {run.objective:g}")
    # Ratios to the best known after these runs: one of them may have set it.
    measurement.extra["reference_before"] = measurement.reference
    if instance.name in best:
        measurement.reference = best[instance.name]["penalty"]
    return measurement


def _seconds(text: str) -> float:
    """A positive number of seconds (argparse says the error and exits 2 otherwise)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {text!r}") from None
    if not 0 < value <= 24 * 3600:
        raise argparse.ArgumentTypeError(f"seconds must be above 0 and at most a day: {text}")
    return value


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scheduler.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10 s per run instead of 60 s")
    parser.add_argument("--only", help="run only instances whose name contains this text")
    parser.add_argument("--seeds", help="comma-separated seeds (default 0-4)")
    parser.add_argument(
        "--long",
        type=_seconds,
        nargs="?",
        const=600.0,
        metavar="SECONDS",
        help="search for better best-known penalties: SECONDS (600) per instance",
    )
    parser.add_argument(
        "--bounds",
        type=_seconds,
        nargs="?",
        const=60.0,
        metavar="SECONDS",
        help="prove a lower bound for each plan (SECONDS, 60, per CP-SAT solve)",
    )
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    if args.seeds:
        seeds = tuple(int(s) for s in args.seeds.split(","))
        settings = Settings(settings.limit, settings.checkpoints, seeds)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    best = load_best_known()
    if args.long is not None:
        long_search(args.long, args.only, best, stamp)
        return
    if args.bounds is not None:
        prove_bounds(args.bounds, stamp)
        return
    load = os.getloadavg()[0]
    print(
        f"kurssi {__version__} bench ({commit()}): seeds {','.join(map(str, settings.seeds))}, "
        f"{WORKERS} workers, wall-clock limit {settings.limit:g} s; {os.cpu_count()} CPUs, "
        f"load {load:.1f} at start\n"
    )
    rows: list[Measurement] = []
    bounds = load_best_known(LOWER_BOUNDS)
    for instance in instances(settings):
        if args.only and args.only not in instance.name:
            continue
        if instance.kind == "course" and "physician Wed" in instance.name and not args.only:
            continue  # a reference for the plans' courses alone: `make bench-long` keeps it
        print(f"… {instance.name}", flush=True)
        rows.append(measure(instance, settings, best, stamp, bounds))
    print()
    print_table(rows, settings)
    print()
    print_table(rows, settings, clock="cpu")
    web = None
    if not args.only or "web" in args.only:
        web = measure_web()
        print_web(web)
    end_load = os.getloadavg()[0]
    print(f"\nload {load:.1f} at start, {end_load:.1f} at the end")
    out = PROJECT_ROOT / "outputs" / "bench" / f"{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "version": __version__,
                "commit": commit(),
                "when": stamp,
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count() or 0,
                    "load_at_start": round(load, 2),
                    "load_at_end": round(end_load, 2),
                    "platform": platform.platform(),
                    "processor": platform.processor(),
                },
                "settings": asdict(settings) | {"workers": WORKERS, "clock": "wall"},
                "instances": [asdict(m) for m in rows],
                "web": web,
            },
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"wrote {out}")


def long_search(
    seconds: float, only: str | None, best: dict[str, dict[str, Any]], stamp: str
) -> None:
    """`make bench-long`: each instance once for `seconds`, with a seed not tried before in a
    long search; a better penalty than the best known replaces it in the file."""
    settings = Settings(limit=seconds, checkpoints=(seconds,), seeds=(0,))
    print(f"searching better references, {seconds:g} s per instance ({commit()})", flush=True)
    for instance in instances(settings, limit=seconds):
        if instance.kind not in ("course", "plan"):
            continue
        if only and only not in instance.name:
            continue
        known = best.get(instance.name, {})
        seed = int(known.get("long_runs", 0)) + 100
        print(
            f"… {instance.name} (seed {seed}, best known {known.get('penalty', '-')})", flush=True
        )
        run = instance.run(seed)
        found = run.objective if run.checks_passed else None
        where = f"{stamp} bench-long, seed {seed}, {seconds:g} s"
        if found is not None and record_best(best, instance.name, found, where, BEST_KNOWN):
            print(f"  new best known: {found:g} (bound {_fmt(run.bound, 0)})")
        else:
            print(f"  found {_fmt(found, 0)} (bound {_fmt(run.bound, 0)}): no better")
        if instance.name in best:  # the next long search tries another seed
            best[instance.name]["long_runs"] = int(known.get("long_runs", 0)) + 1
            text = json.dumps(best, indent=2, sort_keys=True) + "\n"
            BEST_KNOWN.write_text(text, encoding="utf-8")


def prove_bounds(seconds: float, stamp: str) -> None:
    """`--bounds`: each generated plan's proven lower bound (scheduler/bench_bound.py), kept in
    LOWER_BOUNDS beside the commit that proved it."""
    default = load_course(DEFAULT_COURSE)
    courses = named_courses(default)
    bounds = load_best_known(LOWER_BOUNDS)
    print(f"proving the plans' lower bounds, {seconds:g} s per solve ({commit()})", flush=True)
    names = dict.fromkeys(n for count in PLAN_SIZES for n in alone_instances(default, count))
    others = {name: others_bound(courses[name], seconds) for name in names}
    for count in PLAN_SIZES:
        name = f"{count} courses"
        found = plan_lower_bound(
            provider_week(default, count), alone_instances(default, count), others, seconds
        )
        bounds[name] = {
            "value": round(found.value, 3),
            "shared_preference": SHARED_PREFERENCE,
            "shared_part": round(found.shared_part, 3),
            "shared_part_optimal": found.shared_optimal,
            "others_alone": {k: round(v, 3) for k, v in found.others.items()},
            "seconds_per_solve": seconds,
            "commit": commit(),
            "run": f"{stamp} bench --bounds",
        }
        print(
            f"  {name}: at least {found.value:g} ({SHARED_PREFERENCE} together "
            f"{found.shared_part:g}{' (optimal)' if found.shared_optimal else ''}, the rest "
            f"alone {found.value - found.shared_part:g})",
            flush=True,
        )
        LOWER_BOUNDS.write_text(json.dumps(bounds, indent=2, sort_keys=True) + "\n", "utf-8")


if __name__ == "__main__":
    main()
