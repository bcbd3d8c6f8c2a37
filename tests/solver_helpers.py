"""Small helpers for solver tests: feasibility and the rule families an infeasibility rests on."""

from __future__ import annotations

from datetime import date

from ortools.sat.python import cp_model

from models.base import SessionKind, TimeWindow
from models.course import Course, StaffMember
from models.standard import SessionSpec
from scheduler.cpsat.build import build_model


def is_feasible(course: Course, seconds: float = 20.0) -> bool:
    """Whether the hard rules can all hold (first solution is enough; no objective)."""
    built = build_model(course, with_objective=False)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(built.model)
    assert status != cp_model.UNKNOWN, "the solver decided nothing in time"
    return status in (cp_model.OPTIMAL, cp_model.FEASIBLE)


def clashing_rules(course: Course, seconds: float = 5.0) -> set[str]:
    """The rule families and facts (assumption keys) that together make the course infeasible.

    OR-Tools' sufficient assumptions first; where that proof stalls (presolve cannot use
    assumptions, so aggregate clashes are slow), a deletion filter over plain models.
    """
    assert not is_feasible(course), "the course is feasible: nothing clashes"
    built = build_model(course, explaining=True, with_objective=False)
    literals = built.ctx.assumptions
    model = built.model.clone()
    model.add_assumptions(list(literals.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    if solver.solve(model) == cp_model.INFEASIBLE:
        by_index = {lit.index: key for key, lit in literals.items()}
        return {by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()}
    core = set(literals)
    for key in sorted(literals):
        trial = built.model.clone()
        for other, literal in literals.items():
            trial.add(literal == int(other in core and other != key))
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = 2
        solver.parameters.max_time_in_seconds = seconds
        if solver.solve(trial) == cp_model.INFEASIBLE:
            core.discard(key)
    return core


def with_staff(course: Course, staff_id: str, **changes: object) -> Course:
    staff = tuple(
        member.model_copy(update=changes) if member.id == staff_id else member
        for member in course.staff
    )
    return course.with_changes(staff=staff)


def away_on(member: StaffMember, days: dict[date, tuple[TimeWindow, ...]]) -> dict:
    availability = dict(member.availability)
    availability.update(days)
    return availability


def window(text: str) -> TimeWindow:
    start, end = text.split("-")
    return TimeWindow.model_validate({"start": start, "end": end})


def tiny_course(*, gym_interruptible: bool) -> Course:
    """One day, two participants, three physiotherapists: an opening, a gym hour, lunch and two
    interviews in a two-hour day. The interviews fit only inside an interruptible gym hour."""
    from models.course import CourseInfo, Participant, Room
    from models.standard import Standard

    standard = Standard.model_validate(
        {
            "id": "tiny",
            "title": "Tiny",
            "valid_from": "2017-01-01",
            "participants": 2,
            "relatives": False,
            "days": {"count": 1, "weekdays": ["mon"]},
            "day_max_minutes": 120,
            "programme": {"min_total_minutes": 60, "day_min_minutes": 0, "day_max_minutes": 120},
            "individual_average_minutes": 60,
            "group_discussion_average_minutes": 15,
            "small_group_min_minutes": 0,
            "lunch_required": True,
            "themes": [{"id": "physical", "title": "Physical", "leaders": ["team"]}],
            "measures": [],
            "gas_goal_deadline_day": 1,
            "team": {
                "size": 3,
                "physician_role": "physiotherapist",
                "roles": {"physiotherapist": {"count": 3, "min_minutes": 0}},
            },
            "experience": {
                "window_years": 10,
                "physician_min_years": 0,
                "other_member_min_rheumatology_hours": 0,
                "non_physician_min_group_leading_hours": 0,
            },
            "special_workers": {"min_count": 0, "professions": []},
            "staff_hours": {
                "min_total_minutes": 0,
                "shares": {
                    "team": {"min_percent": 0, "max_percent": 100},
                    "special": {"min_percent": 0, "max_percent": 100},
                    "other": {"min_percent": 0, "max_percent": 100},
                },
            },
            "rooms": {"required": {}, "offsite_max_minutes": 20, "offsite_max_km": 20},
            "mandatory_sessions": [
                {"id": "opening", "purpose": "opening", "title": "Opening", "kind": "group",
                 "minutes": 15, "leaders": ["team"], "rooms": ["group"]},
                {"id": "interview", "purpose": "interview", "title": "Interview",
                 "kind": "individual", "minutes": 60, "leaders": ["team"], "rooms": ["therapy"]},
            ],
        }
    )  # fmt: skip
    return Course(
        standard=standard,
        info=CourseInfo.model_validate(
            {
                "title": "Tiny",
                "standard": "tiny",
                "first_day": "2027-03-08",
                "day_window": "08:00-10:00",
                "lunch": {"window": "09:45-10:00", "minutes": 15},
            }
        ),
        staff=tuple(StaffMember(id=f"pt{n}", role="physiotherapist") for n in (1, 2, 3)),
        participants=(Participant(id="K01"), Participant(id="K02")),
        rooms=(
            Room(id="group", kind="group"),
            Room(id="gym", kind="gym"),
            Room(id="t1", kind="therapy"),
            Room(id="t2", kind="therapy"),
        ),
        programme=(
            SessionSpec(
                id="gym",
                title="Gym",
                theme="physical",
                kind=SessionKind.GROUP,
                minutes=60,
                leaders=("team",),
                rooms=("gym",),
                interruptible=gym_interruptible,
            ),
        ),
    )
