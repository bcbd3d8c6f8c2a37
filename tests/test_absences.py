"""A participant's known absence and the mandatory sessions everyone attends (issue 13): the
opening, the closing and the measures avoid a known absence when the rules allow (the preference
avoid_absences). On a one-day course of two participants where an interview fits only inside an
interruptible gym hour."""

from __future__ import annotations

from solver_helpers import window

from models.base import SessionKind
from models.course import Course, CourseInfo, Participant, Preferences, Room, StaffMember
from models.standard import SessionSpec, Standard
from scheduler.cpsat.build import SolveOptions, build_model, extract_sessions, run


def tiny_course(*, gym_interruptible: bool) -> Course:
    """One day, two participants, three physiotherapists: an opening, a gym hour, lunch and two
    interviews in a two-hour day. The interviews fit only inside an interruptible gym hour."""
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


def test_the_opening_avoids_a_known_absence_when_it_can() -> None:
    """A participant away just before lunch: the opening (before lunch, R12) moves earlier,
    though the idle-time preference alone would put it next to lunch, inside the absence."""
    base = tiny_course(gym_interruptible=True)
    info = CourseInfo.model_validate(
        {
            "title": "Tiny",
            "standard": "tiny",
            "first_day": "2027-03-08",
            "day_window": "08:00-11:00",
            "lunch": {"window": "09:00-09:15", "minutes": 15},
        }
    )
    away = {base.days[0]: (window("08:45-09:00"),)}
    participants = tuple(
        p.model_copy(update={"unavailable": away}) if p.id == "K01" else p
        for p in base.participants
    )

    def opening(weight: int) -> tuple[int, int]:
        course = base.with_changes(
            info=info,
            participants=participants,
            preferences=Preferences(avoid_absences=weight),
        )
        built = build_model(course)
        solver, _ = run(built, SolveOptions(time_limit=5.0, seed=0, workers=2))
        (found,) = (s for s in extract_sessions(built, solver) if s.purpose == "opening")
        return found.start, found.end

    absence = away[base.days[0]][0]
    start, end = opening(200)
    assert end <= absence.start or start >= absence.end
    start, end = opening(0)  # the twin without the preference: the absence is what moves it
    assert start < absence.end and absence.start < end
