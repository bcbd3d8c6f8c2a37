"""A proven lower bound on a generated provider week's penalty (`make bench-long`, `--bounds`).

Issue #16 asks a plan at 60 s to cost at most 1.15 x the sum of its courses' best-known
penalties solved alone. When the courses share a scarce person, no plan can: the bound here
says by how much. A plan's penalty is the sum over its courses of each preference's penalty,
so it is at least

    for each group of courses that share people: the least their `exact_shares` can be,
        the group's courses together under its shared people's and rooms' limits
    + for each course alone, a bound on all its other preferences.

Both parts are proven by CP-SAT (the first solved to optimality or its bound taken, the second
CP-SAT's bound). Every part drops constraints of the plan (a course alone shares nothing; a
group ignores the rooms it shares with other groups), which only adds timetables, so the sum is
a lower bound of every plan of the week. The courses alone are the bench's named instances each
generated course is (`alone_instances`): the same course up to ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from models.course import Course
from scheduler.cpsat.build import build_model
from scheduler.cpsat.plan_model import plan_model
from scheduler.cpsat.solver import configured_solver
from scheduler.domain.plan import Plan, shared_of, sharing_groups

# The preference the shared people's limits make dearer: the staff groups' shares (R27) need
# special workers' hours that a shared special worker gives to one course or the other.
SHARED_PREFERENCE = "exact_shares"


@dataclass(frozen=True)
class Bound:
    """A proven lower bound: its value, whether CP-SAT proved each part optimal, and the parts."""

    value: float
    shared_part: float  # the least SHARED_PREFERENCE costs, summed over the sharing groups
    shared_optimal: bool  # every group's least cost proven optimal, not only bounded
    others: dict[str, float]  # per course alone: a bound on its other preferences


def _bound(model: cp_model.CpModel, seconds: float) -> tuple[float, bool]:
    solver = configured_solver(time_limit=seconds, workers=2)
    status = solver.solve(model)
    if status in (cp_model.INFEASIBLE, cp_model.MODEL_INVALID):  # no bound to give
        raise ValueError(f"no lower bound: the model is {solver.status_name(status)}")
    return solver.best_objective_bound, status == cp_model.OPTIMAL


def others_bound(course: Course, seconds: float) -> float:
    """A proven bound on a course's penalty alone without SHARED_PREFERENCE."""
    built = build_model(course)
    built.model.minimize(
        sum(e for name, e in built.objective_parts.items() if name != SHARED_PREFERENCE)
    )
    return _bound(built.model, seconds)[0]


def plan_lower_bound(
    plan: Plan, alone: Sequence[str], others: Mapping[str, float], seconds: float
) -> Bound:
    """A proven lower bound on every timetable of the plan: `alone` names each plan course's
    instance alone (in plan order), `others` their `others_bound`; each CP-SAT solve of the
    groups sharing people has `seconds`."""
    shared_part, optimal = 0.0, True
    for group in sharing_groups(plan):
        joint = plan_model([(c.key, c.course) for c in group], shared_of(group))
        joint.model.minimize(
            sum(p.built.objective_parts.get(SHARED_PREFERENCE, 0) for p in joint.parts)
        )
        least, proven = _bound(joint.model, seconds)
        shared_part += least
        optimal = optimal and proven
    return Bound(
        value=shared_part + sum(others[name] for name in alone),
        shared_part=shared_part,
        shared_optimal=optimal,
        others={name: others[name] for name in alone},
    )
