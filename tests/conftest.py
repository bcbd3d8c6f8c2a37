"""Shared fixtures: the default course, and its timetable solved once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.course import Course
from models.standard import Standard
from models.timetable import Timetable
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.standards import load_standard
from scheduler.io.timetables import load_timetable
from scheduler.services.solving import SolveOptions, SolveResult, solve

FIXTURES = Path(__file__).parent / "fixtures"

# Short but deterministic: the tests assert correctness, never speed or optimality.
TEST_OPTIONS = SolveOptions(time_limit=3.0, seed=0, workers=2, deterministic=True)


@pytest.fixture(scope="session")
def standard() -> Standard:
    return load_standard("kela-reuma-2017")


@pytest.fixture(scope="session")
def default_course() -> Course:
    return load_course(DEFAULT_COURSE)


@pytest.fixture(scope="session")
def default_result(default_course: Course) -> SolveResult:
    return solve(default_course, TEST_OPTIONS)


@pytest.fixture(scope="session")
def default_timetable(default_result: SolveResult) -> Timetable:
    return default_result.timetable


@pytest.fixture(scope="session")
def saved_timetable() -> Timetable:
    """A timetable the solver made earlier, saved: guards readers against format drift."""
    return load_timetable(FIXTURES / "default-timetable.json")
