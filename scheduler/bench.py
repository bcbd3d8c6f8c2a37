"""`make bench`: solve fixed instances with the same limits, print a table, keep the figures.

Not a test: it measures. Figures go to outputs/bench/<timestamp>.json so runs can be compared.
"""

from __future__ import annotations

import json
import platform
import resource
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ortools.sat.python import cp_model

from models.course import Course
from scheduler import __version__
from scheduler.cpsat.build import Progress, SolveOptions, build_model, run
from scheduler.load import DEFAULT_COURSE, load_course

CHECKPOINTS = (10.0, 60.0)
SEED = 0
WORKERS = 2


@dataclass
class Measurement:
    instance: str
    variables: int
    constraints: int
    first_feasible_seconds: float | None
    status: str
    objective: float | None
    bound: float | None
    seconds: float
    optimal_seconds: float | None
    at: dict[str, dict[str, float | None]] = field(default_factory=dict)
    peak_memory_mb: float = 0.0
    extra: dict[str, object] = field(default_factory=dict)


def measure_course(name: str, course: Course, limit: float = CHECKPOINTS[-1]) -> Measurement:
    """Solve once with a wall-clock limit, recording the objective and bound as they move."""
    built = build_model(course)
    trace: list[Progress] = []
    options = SolveOptions(
        time_limit=limit, seed=SEED, workers=WORKERS, deterministic=False, progress=trace.append
    )
    started = time.monotonic()
    solver, status = run(built, options)
    seconds = time.monotonic() - started
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    at: dict[str, dict[str, float | None]] = {}
    for checkpoint in CHECKPOINTS:
        seen = [p for p in trace if p.seconds <= checkpoint]
        reached = checkpoint >= seconds
        at[f"{checkpoint:g}s"] = {
            "objective": (solver.objective_value if reached and found else
                          (seen[-1].objective if seen else None)),
            "bound": (solver.best_objective_bound if reached and found else
                      (seen[-1].bound if seen else None)),
        }  # fmt: skip
    proto = built.model.proto
    return Measurement(
        instance=name,
        variables=len(proto.variables),
        constraints=len(proto.constraints),
        first_feasible_seconds=round(trace[0].seconds, 3) if trace else None,
        status=solver.status_name(status),
        objective=solver.objective_value if found else None,
        bound=solver.best_objective_bound if found else None,
        seconds=round(seconds, 2),
        optimal_seconds=round(seconds, 2) if status == cp_model.OPTIMAL else None,
        at=at,
        peak_memory_mb=round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    )


def instances() -> list[tuple[str, Callable[[], Measurement]]]:
    default = load_course(DEFAULT_COURSE)
    return [("default course", lambda: measure_course("default course", default))]


def _fmt(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_table(rows: list[Measurement]) -> None:
    header = (
        f"{'instance':<26}{'vars':>7}{'cons':>7}{'first s':>9}{'obj@10s':>9}{'bnd@10s':>9}"
        f"{'obj@60s':>9}{'bnd@60s':>9}{'status':>10}{'opt s':>7}{'MB':>7}"
    )
    print(header)
    print("-" * len(header))
    for m in rows:
        ten, sixty = m.at.get("10s", {}), m.at.get("60s", {})
        print(
            f"{m.instance:<26}{m.variables:>7}{m.constraints:>7}"
            f"{_fmt(m.first_feasible_seconds, 2):>9}"
            f"{_fmt(ten.get('objective'), 0):>9}{_fmt(ten.get('bound'), 0):>9}"
            f"{_fmt(sixty.get('objective'), 0):>9}{_fmt(sixty.get('bound'), 0):>9}"
            f"{m.status:>10}{_fmt(m.optimal_seconds):>7}{m.peak_memory_mb:>7.0f}"
        )


def main() -> None:
    rows: list[Measurement] = []
    print(f"kurssi {__version__} bench: seed {SEED}, {WORKERS} workers, wall-clock limits "
          f"{', '.join(f'{c:g} s' for c in CHECKPOINTS)}\n")  # fmt: skip
    for name, measure in instances():
        print(f"… {name}", flush=True)
        rows.append(measure())
    print()
    print_table(rows)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = Path("outputs") / "bench" / f"{stamp}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "version": __version__,
                "when": stamp,
                "machine": {"python": platform.python_version(), "cpus": _cpus()},
                "settings": {"seed": SEED, "workers": WORKERS, "checkpoints": CHECKPOINTS},
                "instances": [asdict(m) for m in rows],
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nwrote {out}")


def _cpus() -> int:
    import os

    return os.cpu_count() or 0


if __name__ == "__main__":
    main()
