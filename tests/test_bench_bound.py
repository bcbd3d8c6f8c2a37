"""The bench's proven lower bound on a generated provider week (scheduler/bench_bound.py): it
groups the courses by the people they share, and it is never above a plan actually found."""

from __future__ import annotations

import pytest

from models.course import Course
from scheduler.bench import alone_instances, named_courses, provider_week
from scheduler.bench_bound import others_bound, plan_lower_bound
from scheduler.cpsat.build import SolveOptions
from scheduler.domain.plan import sharing_groups
from scheduler.services.planning import solve_plan


def test_courses_are_grouped_by_the_people_they_share(default_course: Course) -> None:
    groups = sharing_groups(provider_week(default_course, 4))
    assert [[c.key for c in group] for group in groups] == [
        ["reuma-1", "reuma-2"],
        ["reuma-3", "reuma-4"],
    ]
    # Every course of the eight is shared with its pair only (the pool is a room, not a person).
    assert [len(g) for g in sharing_groups(provider_week(default_course, 8))] == [2, 2, 2, 2]
    assert [len(g) for g in sharing_groups(provider_week(default_course, 1))] == [1]


@pytest.mark.slow
def test_the_lower_bound_is_below_a_plan_found(default_course: Course) -> None:
    """Two courses sharing three special workers: the bound counts what the sharing costs
    (the staff groups' shares of R27) and no plan found costs less than it."""
    plan = provider_week(default_course, 2)
    alone = alone_instances(default_course, 2)
    courses = named_courses(default_course)
    others = {name: others_bound(courses[name], 2.0) for name in set(alone)}
    # The shares' least cost is proven in about 8 s on an idle 2-core machine; the limit
    # is a guard for a busy one.
    bound = plan_lower_bound(plan, alone, others, 120.0)
    assert bound.shared_optimal and bound.shared_part > 0
    assert bound.value == pytest.approx(bound.shared_part + sum(others[n] for n in alone))
    found = solve_plan(plan, SolveOptions(time_limit=4.0, seed=0, workers=2, deterministic=True))
    assert bound.value <= found.objective + 1e-6
