"""Per rule family: an instance that could only fit by breaking the rule is infeasible, and the
solver's infeasibility core names that rule; the default course is the feasible twin.

Each instance changes the default course in one place only, so the rule is what bites.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from solver_helpers import clashing_rules, is_feasible, tiny_course, window, with_staff

from models.course import Course, CourseInfo, DayBounds, Participant, Preferences, Room
from scheduler.cpsat.build import SolveOptions, build_model, extract_sessions, run


def test_default_course_is_feasible(default_course: Course) -> None:
    assert is_feasible(default_course)


def _day(course: Course, n: int) -> date:
    return course.days[n - 1]


def _replace_spec(course: Course, spec_id: str, **changes: object) -> Course:
    programme = tuple(
        s.model_copy(update=changes) if s.id == spec_id else s for s in course.programme
    )
    return course.with_changes(programme=programme)


def _drop_spec(course: Course, spec_id: str) -> Course:
    return course.with_changes(programme=tuple(s for s in course.programme if s.id != spec_id))


def test_r1_participant_count(default_course: Course) -> None:
    nine = default_course.with_changes(participants=default_course.participants[:9])
    assert "R1" in clashing_rules(nine)


def test_r2_no_sunday(default_course: Course) -> None:
    # Wednesday start: Wed-Sun would put the last day on a Sunday.
    wednesday = default_course.info.model_copy(update={"first_day": date(2027, 3, 10)})
    assert "R2" in clashing_rules(default_course.with_changes(info=wednesday))
    # The Tuesday-to-Saturday twin is allowed.
    tuesday = default_course.info.model_copy(update={"first_day": date(2027, 3, 9)})
    assert is_feasible(default_course.with_changes(info=tuesday))


def test_r3_day_length(default_course: Course) -> None:
    # 4 h of programme and a 45 min lunch cannot fit in a 4 h 30 min course day.
    standard = default_course.standard.model_copy(update={"day_max_minutes": 270})
    assert "R3" in clashing_rules(default_course.with_changes(standard=standard))


def test_r4_programme_hours(default_course: Course) -> None:
    # Without the three gym sessions the programme is 23 h < 25 h.
    assert "R4" in clashing_rules(_drop_spec(default_course, "gym"))


def test_r4_daily_bounds(default_course: Course) -> None:
    # 26 h cannot be spread over 5 days of at most 5 h.
    info = default_course.info.model_copy(
        update={"programme_day": DayBounds(min_minutes=240, max_minutes=300)}
    )
    assert "R4" in clashing_rules(default_course.with_changes(info=info))


def test_r7_small_group_time(default_course: Course) -> None:
    once = _replace_spec(default_course, "small_groups", count=1)
    assert "R7" in clashing_rules(once)


def test_r9_theme_leaders(default_course: Course) -> None:
    # Nutrition guidance may not be led by other staff (the sports instructor).
    wrong = _replace_spec(default_course, "nutrition", leaders=("sports_instructor",))
    assert "R9" in clashing_rules(wrong)


def test_r14_interviews_need_team_time_on_days_1_2(default_course: Course) -> None:
    course = default_course
    for staff_id in ("pt1", "pt2", "psy", "reum"):
        member = course.member(staff_id)
        availability = dict(member.availability)
        availability[_day(course, 1)] = (window("08:00-10:00"),)
        availability[_day(course, 2)] = ()
        course = with_staff(course, staff_id, availability=availability)
    clash = clashing_rules(course)
    assert "R14" in clash or "R18" in clash or "R15" in clash
    assert any(key.startswith("availability:") for key in clash)


def test_r15_first_goal_by_day_2(default_course: Course) -> None:
    course = default_course
    for staff_id in ("pt1", "pt2", "psy", "reum"):
        availability = dict(course.member(staff_id).availability)
        availability[_day(course, 2)] = ()
        course = with_staff(course, staff_id, availability=availability)
    assert "R15" in clashing_rules(course)


def test_r16_interviews_only_during_interruptible_sessions() -> None:
    # Two interviews fit a two-hour day only inside the gym hour.
    assert is_feasible(tiny_course(gym_interruptible=True))
    assert "R16" in clashing_rules(tiny_course(gym_interruptible=False)) or not is_feasible(
        tiny_course(gym_interruptible=False)
    )


def test_r18_opening_needs_two_staff_on_day_1(default_course: Course) -> None:
    course = default_course
    for member in course.staff:
        if member.id != "pt1":
            availability = dict(member.availability)
            availability[_day(course, 1)] = ()
            course = with_staff(course, member.id, availability=availability)
    assert "R18" in clashing_rules(course)


def test_r19_physician_at_closing(default_course: Course) -> None:
    reum = default_course.member("reum")
    availability = dict(reum.availability)
    availability[_day(default_course, 5)] = ()
    availability[_day(default_course, 3)] = (window("08:00-16:00"),)
    course = with_staff(default_course, "reum", availability=availability)
    assert "R19" in clashing_rules(course)


def test_r20_physician_minimum_hours(default_course: Course) -> None:
    # At most 2 h 30 min of the physician, who must give at least 3 h.
    assert "R20" in clashing_rules(with_staff(default_course, "reum", max_minutes=150))
    assert is_feasible(with_staff(default_course, "reum", max_minutes=240))


def test_r20_team_composition(default_course: Course) -> None:
    no_psychologist = default_course.with_changes(
        staff=tuple(m for m in default_course.staff if m.id != "psy")
    )
    assert "R20" in clashing_rules(no_psychologist)


def test_r23_physician_lectures(default_course: Course) -> None:
    # The physician only has the closing discussion's two hours: no time for a lecture.
    # The physician only has the team meeting's hour and the closing discussion's two hours.
    reum = default_course.member("reum")
    availability = {day: () for day in default_course.days}
    availability[_day(default_course, 2)] = (window("12:00-13:00"),)
    availability[_day(default_course, 5)] = (window("12:00-14:00"),)
    course = with_staff(default_course, "reum", availability=availability)
    clash = clashing_rules(course)
    assert "R23" in clash or "R20" in clash
    assert reum.id in {k.split(":")[1] for k in clash if k.startswith("availability:")}


def test_r24_two_special_professions(default_course: Course) -> None:
    # Without the occupational therapist and the social worker, the team takes their sessions
    # and only one special-worker profession (nutrition) is left.
    course = default_course
    for spec_id in ("joint_protection", "benefits", "ergonomics", "living_with"):
        course = _replace_spec(course, spec_id, leaders=("team",))
    only_nutritionist = course.with_changes(
        staff=tuple(m for m in course.staff if m.id not in ("tt", "sosi"))
    )
    assert clashing_rules(only_nutritionist) & {"R24", "R27"}


def test_r26_total_staff_hours(default_course: Course) -> None:
    hours = default_course.standard.staff_hours.model_copy(update={"min_total_minutes": 80 * 60})
    standard = default_course.standard.model_copy(update={"staff_hours": hours})
    assert "R26" in clashing_rules(default_course.with_changes(standard=standard))


def test_r27_special_worker_share(default_course: Course) -> None:
    course = default_course
    for staff_id in ("ravit", "tt", "sosi"):
        course = with_staff(course, staff_id, max_minutes=150)
    assert "R27" in clashing_rules(course)


def _team_meeting_of(course: Course, staff: int) -> Course:
    sessions = tuple(
        spec.model_copy(update={"staff": staff}) if spec.id == "staff_meeting" else spec
        for spec in course.standard.mandatory_sessions
    )
    standard = course.standard.model_copy(update={"mandatory_sessions": sessions})
    return course.with_changes(standard=standard)


def test_r28_team_meeting_needs_its_team_members(default_course: Course) -> None:
    # A meeting of five places cannot be held by a team of four: each place counts once.
    assert "R28" in clashing_rules(_team_meeting_of(default_course, 5))
    # The whole team of four can meet (on Tuesday noon, when the physician and pt2 are both in).
    assert is_feasible(_team_meeting_of(default_course, 4))


def test_r29_only_inside_availability(default_course: Course) -> None:
    never = {day: () for day in default_course.days}
    course = with_staff(default_course, "ravit", availability=never)
    clash = clashing_rules(course)
    assert "availability:ravit" in clash


def test_r29_participant_away(default_course: Course) -> None:
    # K09 away on days 1-2 cannot have an interview then.
    away = {day: (window("08:00-16:00"),) for day in default_course.days[:2]}
    participants = tuple(
        p.model_copy(update={"unavailable": away}) if p.id == "K09" else p
        for p in default_course.participants
    )
    clash = clashing_rules(default_course.with_changes(participants=participants))
    assert "availability:K09" in clash


@pytest.mark.parametrize("minutes", [25])
def test_r30_pool_too_far(default_course: Course, minutes: int) -> None:
    rooms = tuple(
        r.model_copy(update={"offsite_minutes": minutes}) if r.kind == "pool" else r
        for r in default_course.rooms
    )
    assert "R30" in clashing_rules(default_course.with_changes(rooms=rooms))


def test_r30_required_rooms(default_course: Course) -> None:
    one_group_room = tuple(r for r in default_course.rooms if r.id != "ryhma2")
    assert "R30" in clashing_rules(default_course.with_changes(rooms=one_group_room))


def test_r30_small_groups_need_separate_rooms(default_course: Course) -> None:
    # Both halves may only use one room kind of which there is one room: impossible.
    rooms = (*default_course.rooms, Room(id="extra", kind="quiet", capacity=10))
    course = _replace_spec(
        default_course.with_changes(rooms=rooms), "small_groups", rooms=("quiet",)
    )
    assert "R30" in clashing_rules(course)


def _wishing_a(course: Course, count: int) -> Course:
    participants = tuple(
        Participant(id=p.id, small_group="A") if i < count else p
        for i, p in enumerate(course.participants)
    )
    return course.with_changes(participants=participants)


def test_small_group_wishes_may_make_the_groups_uneven(default_course: Course) -> None:
    # R7 asks for two small groups, not equal ones: six who want group A get it (the
    # balanced_small_groups preference pays for the uneven split).
    assert is_feasible(_wishing_a(default_course, 6))


def test_everyone_in_one_small_group_is_no_split(default_course: Course) -> None:
    # All ten wishing group A would leave group B empty: no split in two (R7).
    assert "R7" in clashing_rules(_wishing_a(default_course, 10))


def test_a_small_group_needs_a_room_that_holds_it(default_course: Course) -> None:
    # The small groups meet in two rooms of six: an even split fits, nine wishing group A do
    # not (R30: the room holds the small group the split makes).
    rooms = (
        *default_course.rooms,
        Room(id="pieni1", kind="small", capacity=6),
        Room(id="pieni2", kind="small", capacity=6),
    )
    course = _replace_spec(default_course, "small_groups", rooms=("small",))
    course = course.with_changes(rooms=rooms)
    assert is_feasible(course)
    assert "R30" in clashing_rules(_wishing_a(course, 9))


def test_tuesday_to_saturday_course(default_course: Course) -> None:
    tuesday = default_course.info.first_day + timedelta(days=1)
    info = default_course.info.model_copy(update={"first_day": tuesday})
    assert is_feasible(default_course.with_changes(info=info))


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
