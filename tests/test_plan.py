"""A provider's week (`kurssi plan`): courses that share staff and rooms are planned together.

A shared person is never in two places at once, each course meets its own standard, a plan
whose shared people cannot serve every course is explained (exit 3), and a bad plan file is
told with its file and place (exit 2).
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from models.base import SessionKind
from models.course import Course
from models.timetable import Session, Timetable
from scheduler.bench import provider_week
from scheduler.check import check
from scheduler.cli import main
from scheduler.cpsat.build import SolveOptions
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.standards import load_standard
from scheduler.io.timetables import load_timetable
from scheduler.services.planning import solve_plan

SPRING_WEEK = Path(__file__).parent.parent / "data" / "plans" / "spring-week.yaml"


def _plan_file(tmp_path: Path, change: Any = None, name: str = "plan.yaml") -> Path:
    """The spring week, written to tmp_path with the default course's absolute path, changed."""
    data = yaml.safe_load(SPRING_WEEK.read_text(encoding="utf-8"))
    data["courses"][0]["file"] = str(DEFAULT_COURSE)
    if change:
        change(data)
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _span(session: Session) -> tuple[datetime, datetime]:
    day = datetime.combine(session.date, time())
    return day + timedelta(minutes=session.start), day + timedelta(minutes=session.end)


@pytest.fixture(scope="module")
def spring_week(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Timetable]:
    """The example plan solved once through the command line (a short wall-clock limit), by
    `kurssi solve`, which takes a plan file as it takes a course file."""
    out = tmp_path_factory.mktemp("plan")
    result = CliRunner().invoke(
        main,
        ["solve", str(SPRING_WEEK), "--out", str(out), "--time-limit", "8", "--fast", "--quiet"],
    )
    assert result.exit_code == 0, result.output
    assert "spring-week-overview.json" in result.output
    return {
        path.name.split("-2027")[0]: load_timetable(path) for path in sorted(out.glob("*.json"))
        if not path.name.endswith("overview.json")
    }  # fmt: skip


@pytest.mark.slow
def test_two_courses_sharing_a_physiotherapist_never_double_book_her(
    spring_week: dict[str, Timetable],
) -> None:
    assert sorted(spring_week) == ["reuma-a", "reuma-b"]
    busy = [
        (_span(session), key, session.id)
        for key, timetable in spring_week.items()
        for session in timetable.sessions
        if "pt2" in session.staff
    ]
    # She works in both courses, so the test is about something.
    assert {key for _, key, _ in busy} == {"reuma-a", "reuma-b"}
    for (first, key, session_id), (second, other, other_id) in combinations(busy, 2):
        apart = first[1] <= second[0] or second[1] <= first[0]
        assert apart or key == other, (
            f"pt2 double-booked: {key} {session_id} {first} and {other} {other_id} {second}"
        )


@pytest.mark.slow
def test_shared_rooms_hold_one_session_at_a_time(spring_week: dict[str, Timetable]) -> None:
    used = (
        (_span(session), session.room, key)
        for key, timetable in spring_week.items()
        for session in timetable.sessions
        if session.room in ("kuntosali", "liikuntasali", "allas")
        and session.kind != SessionKind.TRANSFER
    )
    for (first, room, key), (second, other_room, other) in combinations(used, 2):
        if room == other_room and key != other:
            apart = first[1] <= second[0] or second[1] <= first[0]
            assert apart, f"{room} held by {key} and {other} at once"


@pytest.mark.slow
def test_each_course_passes_check(spring_week: dict[str, Timetable]) -> None:
    standard = load_standard("kela-reuma-2017")
    for key, timetable in spring_week.items():
        report = check(timetable, standard)
        assert report.passed, (key, [f"{r.rule}: {r.reasons}" for r in report.failures])
    assert spring_week["reuma-b"].days[0].isoformat() == "2027-03-09"  # Tue-Sat beside Mon-Fri


@pytest.mark.slow
def test_shared_staff_who_cannot_cover_both_courses_exit_3(tmp_path: Path) -> None:
    """The nutritionist is the only one who may lead each course's 90 min nutrition session,
    and is there only on Wednesday 08:00-09:30: either course alone fits, both do not."""

    def one_morning(data: dict) -> None:
        data["staff"].append(
            {
                "id": "ravit",
                "availability": {
                    day: (["08:00-09:30"] if day == "2027-03-10" else [])
                    for day in (f"2027-03-{n:02d}" for n in range(8, 14))
                },
            }
        )

    path = _plan_file(tmp_path, one_morning)
    result = CliRunner().invoke(
        main, ["plan", str(path), "--out", str(tmp_path), "--time-limit", "5", "--fast", "--quiet"]
    )
    assert result.exit_code == 3, result.output
    assert "ravit" in result.output
    assert "ke 10.3." in result.output
    assert "1 h 30 min" in result.output
    assert "reuma-a" in result.output and "reuma-b" in result.output
    assert not list(tmp_path.glob("*.xlsx"))


@pytest.mark.parametrize(
    ("change", "place", "words"),
    [
        (lambda d: d["courses"][1].pop("course"), "courses[1]", "annetaan yksi näistä: 'file'"),
        (lambda d: d["courses"][0].update(file="nowhere.yaml"), "courses[0].file", "nowhere"),
        (lambda d: d["courses"][1].update(id="reuma-a"), "courses[1].id", "esiintyy kahdesti"),
        (lambda d: d.update(extra=1), "extra", "tuntematon osio"),
        (
            lambda d: d["staff"].append({"id": "nobody"}),
            "staff[1].id",
            "työntekijää 'nobody' ei ole",
        ),
        (
            lambda d: d["courses"][1]["course"]["staff"].append(
                {"id": "reum", "role": "nutritionist"}  # reuma-a's physician
            ),
            "courses[1]",
            "sama tunnus tarkoittaa samaa henkilöä",
        ),
    ],
)
def test_bad_plan_file_exits_2_naming_file_and_place(
    tmp_path: Path, change: Any, place: str, words: str
) -> None:
    path = _plan_file(tmp_path, change)
    result = CliRunner().invoke(main, ["plan", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert str(path) in result.output
    assert place in result.output
    assert words in result.output
    assert "Traceback" not in result.output


def test_plan_has_help() -> None:
    result = CliRunner().invoke(main, ["plan", "--help"])
    assert result.exit_code == 0
    assert "Esimerkki:" in result.output


@pytest.mark.slow
def test_four_courses_improved_in_turns_keep_shared_people_and_rooms_apart(
    default_course: Course,
) -> None:
    """Four generated courses: two pairs that share special workers, a gym and a hall within
    the pair, and one pool for all. Each course is improved beside the others' timetables
    (services/planning.py): no person or room is anywhere twice at once."""
    plan = provider_week(default_course, 4)
    options = SolveOptions(time_limit=12.0, seed=0, workers=2, deterministic=True)
    result = solve_plan(plan, options)
    assert len(result.trace) > 1, "no course was improved after the stages"
    held: dict[str, list[tuple[tuple[datetime, datetime], str, str]]] = {}
    for course in result.courses:
        assert check(course.timetable, course.course.standard).passed, course.key
        for session in course.timetable.sessions:
            for who in session.staff:
                held.setdefault(who, []).append((_span(session), course.key, session.id))
            if session.room and session.kind != SessionKind.TRANSFER:
                held.setdefault(session.room, []).append((_span(session), course.key, session.id))
    shared = set(plan.shared.staff) | set(plan.shared.rooms)
    assert shared & set(held) == shared  # every shared person and room is used
    for name in shared:
        for (first, key, one), (second, other, two) in combinations(held[name], 2):
            apart = first[1] <= second[0] or second[1] <= first[0]
            assert apart or key == other, f"{name}: {key} {one} and {other} {two} at once"
