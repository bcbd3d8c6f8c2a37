"""The neighbourhood search (scheduler/cpsat/search.py), the time limit's semantics, the
good-enough stop and each preference's cost: correctness only, never speed (`make bench`
measures that)."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import TEST_OPTIONS
from ortools.sat.python import cp_model

from models.course import Course, Preferences, preference_unit, weighted_preferences
from models.standard import Standard
from models.timetable import Timetable
from scheduler.bench import provider_week
from scheduler.check import check
from scheduler.cli import main
from scheduler.cpsat.build import Progress, SolveOptions, build_model, gap, run
from scheduler.cpsat.objective import PREFERENCES
from scheduler.cpsat.perturbation import freeze, old_placements
from scheduler.cpsat.redundant import REDUNDANT, parallel_individual_limit
from scheduler.cpsat.search import Budget, Moves, Neighbourhood, fixed_model, search
from scheduler.cpsat.solver import configured_solver
from scheduler.services.planning import solve_plan
from scheduler.services.solving import SolveResult, solve
from scheduler.words import preference_cost, preference_name

SHORT = SolveOptions(time_limit=2.0, seed=3, workers=2, deterministic=True)


def test_progress_and_result_say_the_gap() -> None:
    assert gap(200, 150) == pytest.approx(0.25)
    assert gap(0, -10) == 0.0
    assert gap(150, 150) == 0.0
    point = Progress(seconds=1.0, objective=200, bound=150, limit=5.0, source="first")
    assert point.gap == pytest.approx(0.25)


def test_good_enough_says_when_to_stop() -> None:
    options = SolveOptions(good_enough=300)
    assert options.is_good_enough(300, 100)
    assert not options.is_good_enough(301, 100)
    assert SolveOptions(good_enough_gap=0.5).is_good_enough(200, 100)
    assert not SolveOptions(good_enough_gap=0.4).is_good_enough(200, 100)
    assert SolveOptions().is_good_enough(132, 132)  # proven best: always stops


def test_wall_clock_is_the_default_and_counts_from_the_start() -> None:
    options = SolveOptions(time_limit=5.0)
    assert not options.deterministic
    timed = options.timed()
    assert timed.started is not None
    assert 4.0 < timed.seconds_left() <= 5.0
    assert SolveOptions(time_limit=5.0, started=time.monotonic() - 4.5).seconds_left() < 0.6
    assert SolveOptions(deterministic=True).timed().started is None


def test_a_budget_stopped_starts_no_more_searches() -> None:
    budget = Budget(SolveOptions(time_limit=60.0), time.monotonic())
    assert budget.left() > 50
    budget.stop_search()
    assert budget.left() == 0.0


def test_every_weighted_preference_has_a_unit_a_name_and_words() -> None:
    names = weighted_preferences()
    assert set(names) == set(PREFERENCES)
    assert "pool_after_lunch_gap_minutes" not in names  # a setting, not a weight
    for name in names:
        assert isinstance(getattr(Preferences(), name), int)
        unit = preference_unit(name)
        for language in ("fi", "en"):
            assert preference_name(name, language) != name
            assert "3" in preference_cost(name, unit, 3, language)
    assert preference_cost("no_idle_gaps", "minutes", 120, "fi") == "tyhjää odotusta yhteensä 2 h"
    assert preference_cost("physician_lectures_early", "days", 1, "fi").endswith("1 päivä")
    assert preference_cost("physician_lectures_early", "days", 2, "en").endswith(
        "2 days after the first course day in all"
    )


def test_default_timetable_records_each_preference_in_its_unit(
    default_result: SolveResult,
) -> None:
    costs = default_result.costs
    assert set(costs) == set(default_result.preferences)
    for name, cost in costs.items():
        assert cost.unit == preference_unit(name)
        assert cost.penalty == pytest.approx(cost.amount * cost.weight)
        assert cost.penalty == pytest.approx(default_result.preferences[name])
        assert set(cost.text) == {"fi", "en"}
    assert sum(c.penalty for c in costs.values()) == pytest.approx(default_result.objective)
    # The timetable carries them: the JSON's solver section.
    solver = default_result.timetable.solver
    assert solver is not None and solver.deterministic
    assert {c.name for c in solver.preferences} == set(costs)
    assert Timetable.model_validate_json(default_result.timetable.model_dump_json()) == (
        default_result.timetable
    )


def test_default_timetable_comes_from_the_search(default_result: SolveResult) -> None:
    assert default_result.first_seconds is not None
    assert default_result.trace, "each better timetable is reported"
    assert default_result.trace[0].source == "first"
    objectives = [p.objective for p in default_result.trace]
    assert objectives == sorted(objectives, reverse=True)
    assert objectives[-1] == default_result.objective
    assert default_result.bound <= default_result.objective
    assert {p.limit for p in default_result.trace} == {TEST_OPTIONS.time_limit}


def test_redundant_constraints_keep_a_known_timetable(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """The individual-energy constraint cuts off no timetable: the saved one, every session
    frozen where it is, is still a solution of the model with it."""
    course = saved_timetable.to_course(standard)
    built = build_model(course, with_objective=False, break_symmetry=False)
    for redundant in REDUNDANT:
        redundant(built.ctx)
    placements = old_placements(built, saved_timetable.sessions)
    assert len(placements) == len(built.vars.occurrences)
    for occurrence in built.vars.occurrences:
        freeze(built, occurrence, placements[occurrence.id])
    solver = configured_solver(time_limit=10.0, workers=1)
    assert solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def test_parallel_individual_limit_counts_rooms_staff_and_participants(
    default_course: Course,
) -> None:
    built = build_model(default_course)
    # The default course's individual sessions may use the therapy room and two group rooms.
    assert parallel_individual_limit(built.ctx) == 3


def _incumbent(course: Course) -> tuple[list[int], float]:
    built = build_model(course)
    # Any timetable will do: the first one.
    options = SolveOptions(time_limit=5.0, deterministic=True, good_enough=1e9)
    solver, status = run(built, options)
    assert status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return list(solver.response_proto.solution), solver.objective_value


def test_a_neighbourhood_with_nothing_free_is_the_incumbent(default_course: Course) -> None:
    built = build_model(default_course)
    values, objective = _incumbent(default_course)
    moves = Moves(built, random.Random(0))
    fixed = fixed_model(built.model, moves, values, Neighbourhood("none"))
    again = configured_solver(time_limit=10.0, workers=1)
    assert again.solve(fixed) == cp_model.OPTIMAL
    # Every decision as it was; only what follows from them (a day's deviation from the
    # average, ...) may settle lower than in a first timetable.
    solution = list(again.response_proto.solution)
    for place in moves.places:
        for index in (*place.day, *place.placement):
            assert solution[index] == values[index]
    assert again.objective_value <= objective + 1e-6


def test_every_kind_of_move_keeps_the_rest(default_course: Course) -> None:
    """A move frees what it names; whatever it fixes keeps the incumbent's value."""
    built = build_model(default_course)
    values, _ = _incumbent(default_course)
    moves = Moves(built, random.Random(1))
    for kind in moves.kinds():
        neighbourhood = moves.make(kind, values, 0.5)
        assert neighbourhood.free, kind
        fixed = fixed_model(built.model, moves, values, neighbourhood).proto
        for place in moves.places:
            if neighbourhood.whole or place.key in neighbourhood.free:
                continue
            for index in (*place.day, *place.placement):
                assert list(fixed.variables[index].domain) == [values[index]] * 2, kind


def test_symmetric_sessions_are_freed_together(default_course: Course) -> None:
    """Symmetry breaking keeps identical sessions in time order: a move that fixes one of them
    could not let another pass it, so they go free together."""
    built = build_model(default_course)
    moves = Moves(built, random.Random(2))
    group = next(keys for keys in moves.siblings.values() if len(keys) > 1)
    one = next(iter(group))
    assert moves._free("random", {one}).free >= group


@pytest.mark.slow
def test_search_is_deterministic_and_checked(default_course: Course) -> None:
    first = solve(default_course, SHORT)
    again = solve(default_course, SHORT)
    assert first.objective == again.objective
    assert first.timetable.sessions == again.timetable.sessions
    assert check(first.timetable, default_course.standard).passed


def test_good_enough_stops_at_the_first_timetable(default_course: Course) -> None:
    options = SolveOptions(time_limit=30.0, good_enough=1e9, deterministic=True)
    result = solve(default_course, options)
    assert result.stopped == "good enough"
    assert len(result.trace) == 1
    assert result.objective == result.trace[0].objective


@pytest.mark.slow
def test_good_enough_gap_stops_the_search(default_course: Course) -> None:
    result = solve(
        default_course, SolveOptions(time_limit=30.0, good_enough_gap=0.99, deterministic=True)
    )
    assert result.stopped == "good enough"
    assert result.gap <= 0.99


def test_run_stops_when_good_enough(default_course: Course) -> None:
    built = build_model(default_course)
    seen: list[Progress] = []
    options = SolveOptions(
        time_limit=30.0, good_enough=1e9, progress=seen.append, deterministic=True
    )
    _, status = run(built, options)
    assert status == cp_model.FEASIBLE
    assert len(seen) == 1
    assert seen[0].limit == 30.0


def test_a_wall_clock_limit_that_runs_out_says_so(default_course: Course) -> None:
    """The limit counts from `started`: with nothing left, no timetable and no claim that
    the course is impossible."""
    built = build_model(default_course)
    found = search(built, SolveOptions(time_limit=1.0, started=time.monotonic() - 5.0))
    assert not found.found
    assert found.status == "UNKNOWN"
    assert found.stopped == "time limit"


def test_search_of_an_impossible_course_finds_nothing(default_course: Course) -> None:
    staff = tuple(m for m in default_course.staff if m.role != "psychologist")
    course = default_course.with_changes(staff=staff)
    found = search(build_model(course), SolveOptions(time_limit=2.0, deterministic=True))
    assert not found.found
    assert found.status in ("INFEASIBLE", "UNKNOWN")


@pytest.mark.slow
def test_plan_search_is_deterministic_and_every_course_checked(default_course: Course) -> None:
    plan = provider_week(default_course, 2)
    options = SolveOptions(time_limit=4.0, seed=1, workers=2, deterministic=True)
    first = solve_plan(plan, options)
    again = solve_plan(plan, options)
    assert first.staged
    assert first.objective == again.objective
    assert first.objective == pytest.approx(sum(c.penalty for c in first.courses))
    assert first.trace[0].source == "stages"
    for course in first.courses:
        assert check(course.timetable, course.course.standard).passed, course.key
        assert course.timetable.solver is not None
        assert sum(c.penalty for c in course.timetable.solver.preferences) == course.penalty


def test_good_enough_on_the_command_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for bad in ("x", "-5", "120%"):
        result = runner.invoke(main, ["solve", "--good-enough", bad, "--out", str(tmp_path)])
        assert result.exit_code == 2, bad
        assert "--good-enough" in result.output


def test_solve_on_the_command_line_says_elapsed_of_the_limit_and_each_cost(
    tmp_path: Path,
) -> None:
    """A deterministic run stopped at its first timetable: the progress line counts against the
    limit, the JSON records how the limit was meant and each preference's cost, and the
    console lists the costs in words."""
    args = ["--deterministic", "--good-enough", "1000000", "--time-limit", "30"]
    result = CliRunner().invoke(main, ["solve", *args, "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "/ 30 s  sakko" in result.output
    assert "tyhjää odotusta yhteensä" in result.output
    [written] = tmp_path.glob("*.json")
    solver = Timetable.model_validate_json(written.read_text(encoding="utf-8")).solver
    assert solver is not None and solver.deterministic and solver.time_limit == 30
    assert {c.name for c in solver.preferences} == set(weighted_preferences())
    assert all(c.text["fi"] and c.text["en"] for c in solver.preferences)


def test_one_cp_sat_search_of_the_whole_model_is_still_there(default_course: Course) -> None:
    """strategy='cp-sat': CP-SAT alone on the whole model (what the bench's measurements
    compare the neighbourhood search with), stopped at its first timetable here."""
    options = SolveOptions(time_limit=30.0, deterministic=True, good_enough=1e9, strategy="cp-sat")
    result = solve(default_course, options)
    assert result.status in ("FEASIBLE", "OPTIMAL")
    assert result.trace == [] and result.first_seconds is None
    assert sum(c.penalty for c in result.costs.values()) == pytest.approx(result.objective)
