"""`make bench`: solve fixed instances with the same limits, print a table, keep the figures.

Not a test: it measures. Figures go to outputs/bench/<timestamp>.json so runs can be compared.

Instances: the default course; a tight course (team availability cut to just enough); the
default course run Tue-Sat; provider weeks of 2, 4 and 8 concurrent courses generated from the
default course with a seed (own teams, special workers and the sports instructor shared by
pairs of courses, gym and hall shared by pairs, the pool by all); and the re-plan scenario of a
physiotherapist who leads sessions on Wednesday-Friday becoming unavailable from Wednesday 08:00.
Every instance runs with the same time limit, seed and worker count, on wall-clock time.

    python -m scheduler.bench            # 60 s per instance, about 8 minutes
    python -m scheduler.bench --quick    # 10 s per instance, about 2 minutes
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from ortools.sat.python import cp_model

from models.base import SessionKind, TimeWindow
from models.changes import ChangeSet, StaffUnavailable
from models.course import Course
from models.timetable import Timetable
from scheduler import __version__
from scheduler.check import check
from scheduler.cpsat.build import Progress, SolveOptions, build_model, extract_sessions, run
from scheduler.domain.changes import apply_changes, change_list
from scheduler.domain.plan import Plan, plan_of
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.standards import load_standard
from scheduler.services.planning import solve_plan
from scheduler.services.replanning import resolve
from scheduler.services.solving import solve
from scheduler.web.bench import measure_web, print_web

SEED = 0
WORKERS = 2


@dataclass(frozen=True)
class Settings:
    limit: float = 60.0
    checkpoints: tuple[float, ...] = (10.0, 60.0)


FULL = Settings()
QUICK = Settings(limit=10.0, checkpoints=(10.0,))


@dataclass
class Measurement:
    instance: str
    variables: int | None
    constraints: int | None
    first_feasible_seconds: float | None
    status: str
    objective: float | None
    bound: float | None
    seconds: float
    optimal_seconds: float | None
    at: dict[str, dict[str, float | None]] = field(default_factory=dict)
    checks_passed: bool | None = None
    peak_memory_mb: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)


def _peak_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _checkpoints(
    trace: list[Progress], settings: Settings, final: tuple[float, float] | None, seconds: float
) -> dict[str, dict[str, float | None]]:
    """Objective and bound as they stood at each checkpoint (the final ones if it ended before)."""
    at: dict[str, dict[str, float | None]] = {}
    for checkpoint in settings.checkpoints:
        seen = [p for p in trace if p.seconds <= checkpoint]
        objective: float | None
        bound: float | None
        if checkpoint >= seconds and final is not None:
            objective, bound = final
        elif seen:
            objective, bound = seen[-1].objective, seen[-1].bound
        else:
            objective = bound = None
        at[f"{checkpoint:g}s"] = {"objective": objective, "bound": bound}
    return at


def _options(settings: Settings, trace: list[Progress]) -> SolveOptions:
    """Every instance alike: wall-clock limit, fixed seed and workers, progress into `trace`."""
    return SolveOptions(
        time_limit=settings.limit,
        seed=SEED,
        workers=WORKERS,
        deterministic=False,
        progress=trace.append,
    )


def measure_course(name: str, course: Course, settings: Settings) -> Measurement:
    """Solve once with a wall-clock limit, recording the objective and bound as they move."""
    built = build_model(course)
    trace: list[Progress] = []
    options = _options(settings, trace)
    started = time.monotonic()
    solver, status = run(built, options)
    seconds = time.monotonic() - started
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    passed = None
    if found:
        timetable = Timetable.for_course(course, extract_sessions(built, solver))
        passed = check(timetable, course.standard).passed
    final = (solver.objective_value, solver.best_objective_bound) if found else None
    proto = built.model.proto
    return Measurement(
        instance=name,
        variables=len(proto.variables),
        constraints=len(proto.constraints),
        first_feasible_seconds=round(trace[0].seconds, 3) if trace else None,
        status=solver.status_name(status),
        objective=final[0] if final else None,
        bound=final[1] if final else None,
        seconds=round(seconds, 2),
        optimal_seconds=round(seconds, 2) if status == cp_model.OPTIMAL else None,
        at=_checkpoints(trace, settings, final, seconds),
        checks_passed=passed,
        peak_memory_mb=_peak_mb(),
    )


def measure_plan(name: str, plan: Plan, settings: Settings) -> Measurement:
    """A provider's week: staged, then joint; first feasible is the first complete plan."""
    trace: list[Progress] = []
    options = _options(settings, trace)
    started = time.monotonic()
    result = solve_plan(plan, options)
    seconds = time.monotonic() - started
    final = (result.objective, result.bound if result.bound is not None else float("nan"))
    checks = {
        r.key: check(r.timetable, r.course.standard).passed for r in result.courses
    }  # fmt: skip
    first = result.first_feasible_seconds
    return Measurement(
        instance=name,
        variables=result.variables,
        constraints=result.constraints,
        first_feasible_seconds=round(first, 3) if first is not None else None,
        status=result.status,
        objective=result.objective,
        bound=result.bound,
        seconds=round(seconds, 2),
        optimal_seconds=round(seconds, 2) if result.optimal else None,
        at=_checkpoints(result.trace, settings, final, seconds),
        checks_passed=all(checks.values()),
        peak_memory_mb=_peak_mb(),
        extra={
            "courses": len(plan.courses),
            "staged_seconds": round(result.staged_seconds, 2),
            "staged": result.staged,
            "shared_staff": plan.shared.staff,
            "shared_rooms": plan.shared.rooms,
            "penalties": {r.key: r.penalty for r in result.courses},
            "check": checks,
        },
    )


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


# Whom pairs of generated courses may share: special workers and the sports instructor.
SHAREABLE = ("tt", "sosi", "ravit", "liik")


def provider_week(base: Course, count: int, seed: int = SEED) -> Plan:
    """`count` concurrent copies of the default course at one provider, reproducible from the
    seed: each course has its own team (its physician's second afternoon on Tue or Wed, so that
    each pair's team meetings differ); each pair of courses shares three of the special workers
    and sports instructor (drawn by the seed), a gym and a hall; all courses share the pool."""
    rng = random.Random(seed)
    days = base.days
    afternoon = _hours(12, 16)
    pairs: dict[int, tuple[set[str], list[int]]] = {}
    courses = []
    for index in range(count):
        pair = index // 2
        if pair not in pairs:
            pairs[pair] = (set(rng.sample(SHAREABLE, 3)), rng.sample((1, 2), 2))
        shared, physician_days = pairs[pair]
        physician = {
            day: afternoon if n in (physician_days[index % 2], len(days) - 1) else ()
            for n, day in enumerate(days)
        }
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
    return plan_of(courses, f"{count} concurrent courses")


# -- the re-plan scenario ------------------------------------------------------------------


def _starts(session) -> datetime:  # type: ignore[no-untyped-def]
    return datetime.combine(session.date, clock_time()) + timedelta(minutes=session.start)


def measure_replan(base: Course, settings: Settings) -> Measurement:
    """Issue #5's scenario: the physiotherapist who leads most sessions from Wednesday on is
    unavailable from Wednesday 08:00. Re-solve time, changes, OPTIMAL (proven minimal), beside
    the sessions that person led from Wednesday on and a from-scratch solve's changes."""
    standard = load_standard(base.standard.id)
    limit = min(settings.limit, 10.0)
    options = SolveOptions(time_limit=limit, seed=SEED, workers=WORKERS, deterministic=False)
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
    result = resolve(old, standard, changes, options)
    seconds = time.monotonic() - started
    fresh = solve(apply_changes(old.to_course(standard), changes), options).timetable
    scratch = len(change_list(old.sessions, fresh.sessions))
    passed = check(result.timetable, standard).passed
    return Measurement(
        instance="re-plan (pt away from Wed)",
        variables=None,
        constraints=None,
        first_feasible_seconds=None,
        status=result.status,
        objective=result.objective,
        bound=result.bound,
        seconds=round(seconds, 2),
        optimal_seconds=round(seconds, 2) if result.optimal else None,
        checks_passed=passed,
        peak_memory_mb=_peak_mb(),
        extra={
            "staff": who,
            "resolve_seconds": round(result.seconds, 3),
            "changed_sessions": result.changed_sessions,
            "proven_minimal": result.optimal,
            "sessions_led_from_wednesday": led[who],
            "from_scratch_changes": scratch,
        },
    )


def instances(settings: Settings) -> list[tuple[str, Callable[[], Measurement]]]:
    default = load_course(DEFAULT_COURSE)
    found: list[tuple[str, Callable[[], Measurement]]] = [
        ("default course", lambda: measure_course("default course", default, settings)),
        ("tight course", lambda: measure_course("tight course", tight_course(default), settings)),
        ("Tue-Sat course", lambda: measure_course("Tue-Sat course", shifted(default, 1), settings)),
    ]
    for count in (2, 4, 8):
        name = f"{count} courses (seed {SEED})"

        def week(n: str = name, c: int = count) -> Measurement:
            return measure_plan(n, provider_week(default, c), settings)

        found.append((name, week))
    found.append(("re-plan", lambda: measure_replan(default, settings)))
    return found


# -- the table -----------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None or value != value else f"{value:.{digits}f}"


def _gap(at: dict[str, float | None]) -> str:
    objective, bound = at.get("objective"), at.get("bound")
    if objective is None or bound is None or bound != bound:
        return "-"
    return f"{abs(objective - bound) / max(abs(objective), 1e-9):.0%}"


def print_table(rows: list[Measurement]) -> None:
    header = (
        f"{'instance':<26}{'vars':>7}{'cons':>7}{'first s':>8}{'obj@10s':>9}{'bnd@10s':>8}"
        f"{'gap':>5}{'obj@60s':>9}{'bnd@60s':>8}{'gap':>5}{'status':>10}{'opt s':>7}"
        f"{'check':>7}{'MB':>6}"
    )
    print(header)
    print("-" * len(header))
    for m in rows:
        ten, sixty = m.at.get("10s", {}), m.at.get("60s", {})
        check_text = "-" if m.checks_passed is None else ("pass" if m.checks_passed else "FAIL")
        print(
            f"{m.instance:<26}{_fmt(m.variables, 0):>7}{_fmt(m.constraints, 0):>7}"
            f"{_fmt(m.first_feasible_seconds, 2):>8}"
            f"{_fmt(ten.get('objective'), 0):>9}{_fmt(ten.get('bound'), 0):>8}{_gap(ten):>5}"
            f"{_fmt(sixty.get('objective'), 0):>9}{_fmt(sixty.get('bound'), 0):>8}{_gap(sixty):>5}"
            f"{m.status:>10}{_fmt(m.optimal_seconds):>7}{check_text:>7}{m.peak_memory_mb:>6.0f}"
        )
    for m in rows:
        if "changed_sessions" in m.extra:
            e = m.extra
            print(
                f"\nre-plan: {e['staff']} unavailable from Wednesday 08:00: re-solved in "
                f"{e['resolve_seconds']} s, {e['changed_sessions']} session(s) changed "
                f"({'OPTIMAL: proven minimal' if e['proven_minimal'] else 'not proven minimal'}); "
                f"{e['staff']} led {e['sessions_led_from_wednesday']} session(s) from Wednesday "
                f"on; a from-scratch solve changes {e['from_scratch_changes']}"
            )
        elif "staged_seconds" in m.extra:
            e = m.extra
            print(
                f"{m.instance}: staged {e['staged_seconds']} s"
                f"{'' if e['staged'] else ' (failed, joint unhinted)'}; penalties {e['penalties']}"
            )


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m scheduler.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="10 s per instance instead of 60 s")
    parser.add_argument("--only", help="run only instances whose name contains this text")
    args = parser.parse_args(argv)
    settings = QUICK if args.quick else FULL
    rows: list[Measurement] = []
    load = os.getloadavg()[0]
    print(
        f"kurssi {__version__} bench: seed {SEED}, {WORKERS} workers, wall-clock limit "
        f"{settings.limit:g} s, checkpoints {', '.join(f'{c:g} s' for c in settings.checkpoints)}; "
        f"{os.cpu_count()} CPUs, load {load:.1f} at start\n"
    )
    for name, measure in instances(settings):
        if args.only and args.only not in name:
            continue
        print(f"… {name}", flush=True)
        rows.append(measure())
    print()
    print_table(rows)
    web = None
    if not args.only or "web" in args.only:
        web = measure_web()
        print_web(web)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = Path("outputs") / "bench" / f"{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "version": __version__,
                "when": stamp,
                "machine": {
                    "python": platform.python_version(),
                    "cpus": os.cpu_count() or 0,
                    "load_at_start": round(load, 2),
                    "load_at_end": round(os.getloadavg()[0], 2),
                    "platform": platform.platform(),
                },
                "settings": {
                    "seed": SEED,
                    "workers": WORKERS,
                    "limit_seconds": settings.limit,
                    "checkpoints": settings.checkpoints,
                    "clock": "wall",
                },
                "instances": [asdict(m) for m in rows],
                "web": web,
            },
            indent=2,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"\nwrote {out}")


if __name__ == "__main__":
    main()
