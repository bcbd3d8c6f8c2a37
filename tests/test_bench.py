"""The bench's own bookkeeping (scheduler/bench.py): a run without a timetable is recorded and
shown as such, not a crash of the whole bench."""

from __future__ import annotations

import pytest

from models.course import Course
from scheduler.bench import Measurement, Run, Settings, main, print_table, run_course


def test_a_course_without_a_timetable_is_a_run_of_its_own(
    default_course: Course, capsys: pytest.CaptureFixture[str]
) -> None:
    staff = tuple(m for m in default_course.staff if m.role != "psychologist")
    impossible = default_course.with_changes(staff=staff)  # R17 asks for a psychologist
    settings = Settings(limit=2.0, checkpoints=(1.0, 2.0), seeds=(0,))
    run = run_course(impossible, settings, seed=0)
    assert run.objective is None and run.checks_passed is None
    assert run.status == "INFEASIBLE"  # proven by the pre-checks, not a time limit run out
    assert run.at == {"1s": None, "2s": None}
    assert run.extra["no_timetable"]
    measurement = Measurement(instance="impossible", kind="course", reference=276.0, runs=[run])
    print_table([measurement], settings)
    row = next(line for line in capsys.readouterr().out.splitlines() if "impossible" in line)
    assert "FAIL" not in row and "pass" not in row
    assert row.split()[1:4] == ["276", "-", "-"]


def test_a_plan_is_shown_beside_its_proven_lower_bound(capsys: pytest.CaptureFixture[str]) -> None:
    settings = Settings(limit=60.0, checkpoints=(60.0,), seeds=(0,))
    run = Run(
        seed=0,
        first_seconds=0.5,
        at={"60s": 1029.0},
        objective=1029.0,
        bound=None,
        seconds=60.0,
        status="FEASIBLE",
        checks_passed=True,
    )
    plan = Measurement(
        instance="2 courses",
        kind="plan",
        reference=972.0,
        alone_reference=588.0,
        lower_bound=843.0,
        runs=[run],
    )
    print_table([plan], settings)
    out = capsys.readouterr().out
    assert "sum of its courses' best known alone (588): 1.75/1.75" in out
    assert "no plan of it costs less than 843 (proven, --bounds): 1.43 x the sum alone" in out


@pytest.mark.parametrize("flag", ["--bounds", "--long"])
@pytest.mark.parametrize("bad", ["0", "-5", "soon"])
def test_seconds_that_are_no_seconds_exit_2(flag: str, bad: str) -> None:
    """`--bounds 0` used to run the whole 40-minute bench instead."""
    with pytest.raises(SystemExit) as stopped:
        main([flag, bad])
    assert stopped.value.code == 2
