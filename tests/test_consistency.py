"""Property: validation, the pre-checks, the solver and the checker read the standard alike.

Hypothesis edits the tiny course of tests/factories.py the way a course manager might: roles,
staff groups (`group: other` for a team role too), availability, stand-ins (`replaces`), work
caps, course leads, names, participants and their times, rooms, and the programme's items
(leaders, kinds, counts, lengths, staff, days, rooms, themes). Each variant runs the real
pipeline, as `kurssi solve` does: reading and validation, then `solve` (pre-checks, CP-SAT, and
the independent checker on the timetable). Every variant ends in one of three ways:

- InputError: validation refused it, at once (exit 2);
- Infeasible, proven, with the rule ids that clash (exit 3);
- a timetable that passed the checker (`solve` raises SolverBug otherwise: exit 4, never).

And what the checker judges from the course data alone (R21 experience, R22 course lead, R25
other staff) never fails on a course validation let through: validation says it first, rather
than a solve that ends in a failed check.

The fast tier runs a handful of examples; the slow tier (`make test-slow`) runs
CONSISTENCY_EXAMPLES of them (250 unless set). Both are derandomized, so a run is repeatable;
CONSISTENCY_RANDOM=1 explores others.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from typing import Any

import pytest
from factories import DAYS, course_of, item, tiny_data
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.base import Purpose
from models.course import Course
from models.timetable import Timetable
from scheduler.check import check
from scheduler.errors import Infeasible, InputError
from scheduler.explain.precheck import reasons as precheck_reasons
from scheduler.services.solving import SolveOptions, solve
from scheduler.words import reading_in

# Short and deterministic: a first timetable is all the property needs. A run that ends
# undecided is given a longer second try before it counts.
QUICK = SolveOptions(time_limit=0.3, seed=0, workers=2, deterministic=True)
PATIENT = SolveOptions(time_limit=5.0, seed=0, workers=2, deterministic=True)

RULE_ID = re.compile(r"\bR([1-9]|[12][0-9]|30)\b")
COURSE_DATA_RULES = ("R21", "R22", "R25")

ROLES = (
    "rheumatologist",
    "physiotherapist",
    "psychologist",
    "nutritionist",
    "social_worker",
    "occupational_therapist",
    "sports_instructor",
    "nurse",
)
GROUPS = ("team", "special", "other")
LEADERS = (*ROLES, *GROUPS)
WINDOWS = ("08:00-12:00", "08:00-09:00", "09:00-10:30", "10:00-12:00", "11:00-12:00")
ROOM_KINDS = ("group", "gym", "therapy", "pool", "hall")
THEMES = ("physical", "health", "nutrition", "psychosocial")
KINDS = ("group", "individual", "small_group")
SPEC_DAYS = ((), (1,), (2,), (-1,), (1, 2))
NAMES = ("", "Anna Laakso", "Mikko Virtanen")
PURPOSES = tuple(purpose.value for purpose in Purpose)

staff_index = st.integers(0, 20)
spec_index = st.integers(0, 20)
day = st.sampled_from(range(1, len(DAYS) + 1))

edits = st.one_of(
    st.tuples(st.just("role"), staff_index, st.sampled_from(ROLES)),
    st.tuples(st.just("group"), staff_index, st.sampled_from((None, *GROUPS))),
    st.tuples(
        st.just("availability"),
        staff_index,
        day,
        st.one_of(st.just([]), st.lists(st.sampled_from(WINDOWS), max_size=2, unique=True)),
    ),
    st.tuples(st.just("max_minutes"), staff_index, st.sampled_from((None, 0, 15, 30, 60, 120))),
    st.tuples(st.just("course_lead"), staff_index, st.booleans()),
    st.tuples(st.just("name"), staff_index, st.sampled_from(NAMES)),
    st.tuples(st.just("remove_staff"), staff_index),
    st.tuples(
        st.just("add_staff"),
        st.sampled_from(ROLES),
        st.sampled_from((None, *GROUPS)),
        st.one_of(st.none(), staff_index),  # a stand-in: whom they replace
        st.sampled_from(NAMES),
    ),
    st.tuples(st.just("participants"), st.integers(1, 3)),
    st.tuples(st.just("small_group"), st.integers(0, 2), st.sampled_from((None, "A", "B"))),
    st.tuples(st.just("participant_away"), st.integers(0, 2), day, st.sampled_from(WINDOWS[1:])),
    st.tuples(st.just("leaders"), spec_index, st.lists(st.sampled_from(LEADERS), max_size=3)),
    st.tuples(st.just("kind"), spec_index, st.sampled_from(KINDS)),
    st.tuples(st.just("count"), spec_index, st.integers(1, 3)),
    st.tuples(st.just("minutes"), spec_index, st.sampled_from((15, 20, 30, 45, 60, 90))),
    st.tuples(st.just("staff"), spec_index, st.integers(1, 2)),
    st.tuples(st.just("days"), spec_index, st.sampled_from(SPEC_DAYS)),
    st.tuples(st.just("spec_rooms"), spec_index, st.lists(st.sampled_from(ROOM_KINDS), max_size=2)),
    st.tuples(st.just("theme"), spec_index, st.sampled_from((None, *THEMES))),
    st.tuples(st.just("interruptible"), spec_index, st.booleans()),
    st.tuples(st.just("purpose"), spec_index, st.sampled_from((None, *PURPOSES))),
    st.tuples(st.just("remove_spec"), spec_index),
    st.tuples(
        st.just("add_spec"),
        st.sampled_from(KINDS),
        st.sampled_from((15, 30, 60)),
        st.lists(st.sampled_from(LEADERS), min_size=1, max_size=2),
        st.sampled_from((None, *THEMES)),
        st.sampled_from(ROOM_KINDS),
    ),
    st.tuples(
        st.just("add_room"),
        st.sampled_from(ROOM_KINDS),
        st.sampled_from((0, 10, 25)),
        st.integers(1, 12),
    ),
    st.tuples(st.just("remove_room"), st.integers(0, 10)),
    st.tuples(st.just("capacity"), st.integers(0, 10), st.integers(1, 12)),
)


# Edits that leave a course valid but tighter: most variants would otherwise stop at
# validation or solve easily, and the impossible ones are what the explanations must tell.
tightening = st.one_of(
    st.tuples(
        st.just("availability"),
        st.integers(0, 2),  # the team: reum, pt, psy
        day,
        st.sampled_from(([], ["08:00-09:00"], ["11:00-12:00"])),
    ),
    st.tuples(
        st.just("participant_away"),
        st.integers(0, 2),
        day,
        st.sampled_from(("08:00-12:00", "08:00-11:00", "09:00-12:00")),
    ),
    st.tuples(st.just("max_minutes"), staff_index, st.sampled_from((15, 30, 60))),
    st.tuples(st.just("count"), spec_index, st.integers(2, 3)),
    st.tuples(st.just("minutes"), spec_index, st.sampled_from((45, 60, 90))),
    st.tuples(st.just("interruptible"), spec_index, st.just(False)),
)


def _at(items: list[Any], index: int) -> Any | None:
    return items[index % len(items)] if items else None


def _set(entry: dict[str, Any], key: str, value: Any) -> None:
    """A field set, or left out of the file when None (its default then holds)."""
    if value is None:
        entry.pop(key, None)
    else:
        entry[key] = value


def apply(data: dict[str, Any], edit: tuple) -> None:
    """One edit of a course file's data, in place (a no-op where its target is gone)."""
    kind, *args = edit
    staff, programme, rooms = data["staff"], data["programme"], data["rooms"]
    participants = data["participants"]
    member = _at(staff, args[0]) if kind in _STAFF_EDITS else None
    spec = _at(programme, args[0]) if kind in _SPEC_EDITS else None
    if (kind in _STAFF_EDITS and member is None) or (kind in _SPEC_EDITS and spec is None):
        return
    if kind == "role":
        member["role"] = args[1]
    elif kind == "group":
        _set(member, "group", args[1])
    elif kind == "availability":
        member.setdefault("availability", {})[DAYS[args[1] - 1]] = list(args[2])
    elif kind == "max_minutes":
        _set(member, "max_minutes", args[1])
    elif kind == "course_lead":
        member["course_lead"] = args[1]
    elif kind == "name":
        member["name"] = args[1]
    elif kind == "remove_staff":
        staff.remove(member)
    elif kind == "add_staff":
        role, group, replaced, name = args
        new: dict[str, Any] = {"id": f"s{len(staff) + 1}", "role": role, "name": name}
        if group is not None:
            new["group"] = group
        if replaced is not None and staff:
            new["replaces"] = _at(staff, replaced)["id"]
        staff.append(new)
    elif kind == "participants":
        data["participants"] = [{"id": f"K{n:02d}"} for n in range(1, args[0] + 1)]
    elif kind == "small_group":
        person = _at(participants, args[0])
        _set(person, "small_group", args[1])
    elif kind == "participant_away":
        person = _at(participants, args[0])
        person.setdefault("unavailable", {})[DAYS[args[1] - 1]] = [args[2]]
    elif kind == "leaders":
        spec["leaders"] = list(args[1])
    elif kind in ("kind", "count", "minutes", "staff", "interruptible"):
        spec[kind] = args[1]
    elif kind == "days":
        spec["days"] = list(args[1])
    elif kind == "spec_rooms":
        spec["rooms"] = list(args[1])
    elif kind in ("theme", "purpose"):
        _set(spec, kind, args[1])
    elif kind == "remove_spec":
        programme.remove(spec)
    elif kind == "add_spec":
        kind_, minutes, leaders, theme, room = args
        new = {"id": f"p{len(programme) + 1}", "title": "Lisä", "kind": kind_,
               "minutes": minutes, "leaders": leaders, "rooms": [room]}  # fmt: skip
        if theme is not None:
            new["theme"] = theme
        programme.append(new)
    elif kind == "add_room":
        room_kind, offsite, capacity = args
        rooms.append({"id": f"r{len(rooms) + 1}", "kind": room_kind,
                      "offsite_minutes": offsite, "capacity": capacity})  # fmt: skip
    elif kind == "remove_room" and rooms:
        rooms.remove(_at(rooms, args[0]))
    elif kind == "capacity" and rooms:
        _at(rooms, args[0])["capacity"] = args[1]


_STAFF_EDITS = {
    "role",
    "group",
    "availability",
    "max_minutes",
    "course_lead",
    "name",
    "remove_staff",
}
_SPEC_EDITS = {
    "leaders", "kind", "count", "minutes", "staff", "days", "spec_rooms", "theme",
    "interruptible", "purpose", "remove_spec",
}  # fmt: skip


def variant(changes: list[tuple]) -> dict[str, Any]:
    data = tiny_data()
    for edit in changes:
        apply(data, edit)
    return data


def course_data_rules(course: Course) -> dict[str, list[str]]:
    """The checker's verdicts on the rules it judges from the course data alone, on a
    timetable with no sessions: failures with their reasons."""
    empty = Timetable.for_course(course, ())
    report = check(empty, course.standard)
    return {
        r.rule: list(r.reasons)
        for r in report.results
        if r.rule in COURSE_DATA_RULES and r.status == "fail"
    }


def consistent(changes: list[tuple]) -> str:
    """Runs one variant through the pipeline; the outcome ('input', 'infeasible', 'solved')."""
    return consistent_data(variant(changes))


def consistent_data(data: dict[str, Any]) -> str:
    """Runs a course file's data through the pipeline; the outcome, as `consistent`."""
    try:
        course = course_of(data)
    except InputError:
        return "input"
    assert course_data_rules(course) == {}, "validation let through what the checker refuses"
    try:
        solve(course, QUICK)
    except Infeasible as quick:
        if quick.proven:
            impossible = quick
        else:
            try:
                solve(course, PATIENT)
            except Infeasible as patient:
                impossible = patient
            else:
                return "solved"
        assert impossible.proven, f"undecided in {PATIENT.time_limit} s: {impossible.reasons}"
        words = " ".join(impossible.reasons)
        assert RULE_ID.search(words), f"impossible, but no rule named: {words}"
        return "infeasible"
    return "solved"


# Two in three edits tighten.
edit = st.integers(0, 2).flatmap(lambda n: edits if n == 0 else tightening)
changes_lists = st.lists(edit, min_size=1, max_size=8)
COMMON = {
    "deadline": None,
    # Repeatable runs; CONSISTENCY_RANDOM=1 explores new variants (with --hypothesis-seed=N).
    "derandomize": not os.environ.get("CONSISTENCY_RANDOM"),
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large],
}


def _run(examples: int) -> Counter[str]:
    """`examples` variants through the pipeline; how many ended which way."""
    outcomes: Counter[str] = Counter()

    @settings(max_examples=examples, **COMMON)  # type: ignore[arg-type]
    @given(changes_lists)
    def one(changes: list[tuple]) -> None:
        outcomes[consistent(changes)] += 1

    one()
    return outcomes


def test_the_base_course_solves() -> None:
    assert consistent([]) == "solved"


def test_advice_for_a_second_psychologist_leads_to_a_checked_timetable() -> None:
    """Validation once advised `group: other` for a second psychologist and the checker then
    failed R25 (exit 4): the advice, followed, must end in a timetable that passes."""
    data = tiny_data()
    data["staff"].append({"id": "psy2", "role": "psychologist"})
    with pytest.raises(InputError, match="jos psy2 toimii muuna kuntoutushenkilöstönä, merkitse"):
        course_of(data)
    assert consistent([("add_staff", "psychologist", "other", None, "")]) == "solved"


def test_one_person_as_team_member_and_other_staff_is_refused_up_front() -> None:
    """R25: the checker refuses an other-staff entry with a team member's name; validation
    must say so before a solve, not let the solve end in a failed check (exit 4)."""
    data = variant(
        [("name", 0, "Anna Laakso"), ("add_staff", "sports_instructor", None, None, "Anna Laakso")]
    )
    with pytest.raises(
        InputError,
        match=r"Anna Laakso on luettelossa kahdesti: muuna kuntoutushenkilöstönä \(tunnus s7\) "
        r"ja työryhmän jäsenenä \(tunnus reum\)",
    ):
        course_of(data)
    assert (
        consistent([("name", 0, "Anna Laakso"), ("add_staff", "nurse", "other", None, "Outi")])
        != "input"
    )


@pytest.mark.parametrize(
    ("changes", "told"),
    [
        ({"purpose": "opening", "days": [2]}, "se voi olla päivänä 2 (ti 9.3.)"),
        (
            {"purpose": "closing", "leaders": ["team"], "staff": 2},
            "siihen ei vaadita ohjaajaksi: reumatologi",
        ),
        ({"purpose": "interview"}, "sen toteutusmuoto on koko ryhmä eikä yksilötapaaminen"),
        ({"purpose": "goal_review", "leaders": ["team"]}, "ei pidetä ohjelmakohdan 'gas_goals'"),
        ({"purpose": "lunch"}, "ei ole yhdelläkään standardin ohjelmakohdalla"),
    ],
)
def test_a_programme_item_with_a_purpose_is_held_as_the_standards_session(
    changes: dict[str, Any], told: str
) -> None:
    """The checker judges an item with a purpose by that purpose's rule (R18 for an opening,
    R19 for a closing...), while the solver staffs it by its own fields: validation refuses an
    item held less strictly than the standard's session, before a solve whose timetable the
    checker would then refuse (exit 4)."""
    data = tiny_data()
    item(data["programme"], "social").update(changes)
    with pytest.raises(InputError, match=re.escape(told)):
        course_of(data)


def test_an_individual_session_only_an_off_site_room_can_hold_is_refused() -> None:
    """The solver plans travel around group sessions only; an individual session at the pool
    got transfers that clashed with the participant's other sessions (R16, R29: exit 4)."""
    data = tiny_data()
    data["rooms"].append({"id": "allas", "kind": "pool", "offsite_minutes": 10})
    data["programme"].append(
        {"id": "aqua", "title": "Allas", "theme": "physical", "kind": "individual",
         "minutes": 30, "leaders": ["physiotherapist"], "rooms": ["pool"]}
    )  # fmt: skip
    with pytest.raises(InputError, match="lisää sen tiloihin jokin kurssipaikan oma tilatyyppi"):
        course_of(data)
    item(data["programme"], "aqua")["rooms"] = ["pool", "therapy"]  # the solver takes therapy
    assert consistent_data(data) == "solved"


def test_small_group_work_without_rooms_is_refused() -> None:
    """R7 holds each half in a room of its own; with no room kinds the solver placed the halves
    nowhere and the checker refused the timetable (exit 4)."""
    assert consistent([("spec_rooms", 4, [])]) == "input"


@pytest.mark.parametrize(("minutes", "told"), [(60, True), (45, False)])
def test_one_persons_individual_sessions_beyond_the_groups_free_time(
    minutes: int, told: bool
) -> None:
    """Individual sessions only the physician may lead (2 × 30 min and 2 × `minutes` more)
    fit only where the group's uninterruptible sessions and lunches leave the days free,
    2 h 45 min. The solver took many seconds to prove 3 h impossible and the explanation then
    named no rule; the pre-check tells it at once (R16, R29), and is silent at 2 h 30 min."""
    data = variant(
        [("add_spec", "individual", 30, ["rheumatologist"], None, "group"),
         ("add_spec", "individual", minutes, ["rheumatologist"], None, "gym")]
    )  # fmt: skip
    course = course_of(data)
    found = precheck_reasons(course)
    if told:
        assert found == [
            "R16, R29: vain reum (reumatologi) saa ohjata nämä: 2 × ”Lisä” (kukin 30 min) ja "
            "2 × ”Lisä” (kukin 1 h); niihin kuluu 3 h yksi kerrallaan, mutta yksilölliset "
            "tapaamiset mahtuvat vain aikaan, jonka ryhmän ohjelmakohdat, joiden päälle niitä ei "
            "voi sijoittaa (4 h 15 min), ja lounaat (1 h) jättävät 2 kurssipäivästä vapaaksi: "
            "2 h 45 min. Salli useamman ohjata näitä ohjelmakohtia tai salli kuntoutujan "
            "kutsuminen kesken ryhmän ohjelmakohtien yksilötapaamisiin (interruptible)."
        ]
        with reading_in("en"):
            assert precheck_reasons(course) == [
                "R16, R29: only reum (rheumatologist) may lead 2 × 'Lisä' (30 min each) and "
                "2 × 'Lisä' (1 h each): 3 h one at a time, but individual sessions fit only "
                "where the group sessions they may not overlap (4 h 15 min) and the lunches "
                "(1 h) leave the 2 course days free: 2 h 45 min. Let more people lead these "
                "sessions, or make group sessions interruptible."
            ]
        assert consistent_data(data) == "infeasible"
    else:
        assert found == []


@pytest.mark.parametrize(("room", "told"), [("gym", True), ("therapy", False)])
def test_individual_sessions_in_the_room_an_interruptible_session_holds(
    room: str, told: bool
) -> None:
    """The physician's 2 × 30 min individual sessions in the gym cannot overlap the gym hour,
    which holds the only gym: 45 min are left free, and CP-SAT could not decide in 120 s. In a
    therapy room they may overlap the gym hour, and the pre-check is silent."""
    data = variant(
        [("add_spec", "group", 60, ["rheumatologist"], None, "group"),
         ("add_spec", "individual", 30, ["rheumatologist"], None, room)]
    )  # fmt: skip
    found = precheck_reasons(course_of(data))
    assert bool(found) == told, found
    if told:
        assert (
            "(6 h 15 min), ja lounaat (1 h) jättävät 2 kurssipäivästä vapaaksi: 45 min" in found[0]
        )


def test_a_second_lecture_by_the_physician_is_fine() -> None:
    data = tiny_data()
    data["programme"].append(
        {"id": "medication", "title": "Lääkehoito", "purpose": "lecture", "theme": "health",
         "kind": "group", "minutes": 30, "leaders": ["rheumatologist"], "rooms": ["group"]}
    )  # fmt: skip
    timetable = solve(course_of(data), QUICK).timetable
    (lecture,) = [s for s in timetable.sessions if s.spec == "medication"]
    assert lecture.staff == ("reum",)


def test_course_variants_end_cleanly() -> None:
    outcomes = _run(12)
    assert sum(outcomes.values()) >= 12


@pytest.mark.slow
def test_many_course_variants_end_cleanly() -> None:
    examples = int(os.environ.get("CONSISTENCY_EXAMPLES", "250"))
    outcomes = _run(examples)
    print(f"consistency: {dict(outcomes)}")
    # The variants reach every ending, each often enough to matter.
    assert sum(outcomes.values()) >= examples
    assert min(outcomes[end] for end in ("input", "infeasible", "solved")) >= examples // 20, (
        outcomes
    )
