"""Travel to off-site rooms (R29, R30; §8 of the standard): "Palveluntuottaja järjestää
kuntoutujille edestakaiset kuljetukset kaikkiin kuntoutuksen toteuttamisessa käytettäviin
tiloihin" - transport there and back to every place used. The course knows each place's distance
from the unit only, so a session in an off-site room has its own trip there and back: the chosen
room's, when its rooms lie at different distances, and between two off-site places the way back
from the one and out to the other.

The solver on the tiny course (feasible twin, infeasible twin), the checker on planted
violations of the saved default timetable.
"""

from __future__ import annotations

from itertools import pairwise
from typing import Any

import pytest
from factories import DAYS, item, standard_data, tiny_data, unchecked_course
from solver_helpers import clashing_rules, first_timetable

from models.base import SessionKind, parse_clock
from models.course import Course, Room
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import CheckReport, check

Data = dict[str, Any]
CLOSED = {DAYS[0]: ["08:00-12:00"], DAYS[1]: ["08:00-12:00"]}


def _with_two_pools(data: Data, closed: str | None = None) -> Data:
    """Two off-site pools at different distances (10 and 20 min, so 15 and 30 min on the
    15-min grid) and a pool session the sports instructor leads; `closed`: a pool shut all
    course long."""
    data["rooms"] += [
        {"id": "allas1", "kind": "pool", "offsite_minutes": 10},
        {"id": "allas2", "kind": "pool", "offsite_minutes": 20},
    ]
    if closed is not None:
        item(data["rooms"], closed)["unavailable"] = CLOSED
    data["programme"].append(
        {"id": "aqua", "title": "Vesijumppa", "theme": "physical", "kind": "group",
         "minutes": 30, "leaders": ["sports_instructor"], "rooms": ["pool"]}
    )  # fmt: skip
    return data


def _checked(course: Course) -> tuple[Session, ...]:
    """The first timetable of a feasible course, which the independent checker passes."""
    sessions = first_timetable(course)
    assert sessions is not None, "the feasible twin has no timetable"
    report = check(Timetable.for_course(course, sessions), course.standard)
    assert report.passed, _failures(report)
    return sessions


def _failures(report: CheckReport) -> list[tuple[str, tuple[str, ...]]]:
    return [(r.rule, r.reasons) for r in report.failures]


def _trips(sessions: tuple[Session, ...], session_id: str) -> tuple[Session, Session]:
    by_id = {s.id: s for s in sessions}
    return by_id[f"{session_id}-to"], by_id[f"{session_id}-from"]


# -- the solver ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("open_pool", "travel"), [("allas1", 15), ("allas2", 30)])
def test_each_pool_brings_its_own_travel(open_pool: str, travel: int) -> None:
    """Two pools at different distances: the session's trips are the chosen pool's. (The
    solver used to plan no travel at all for such a session.)"""
    closed = "allas2" if open_pool == "allas1" else "allas1"
    sessions = _checked(unchecked_course(_with_two_pools(tiny_data(), closed)))
    aqua = next(s for s in sessions if s.id == "aqua")
    assert aqua.room == open_pool
    there, back = _trips(sessions, "aqua")
    assert (there.start, there.end, back.start, back.end) == (
        aqua.start - travel,
        aqua.start,
        aqua.end,
        aqua.end + travel,
    )
    assert there.staff == back.staff == aqua.staff


def test_the_far_pool_needs_time_for_its_travel() -> None:
    """The instructor has one hour a day: the near pool's trips and session fit in it
    (15 + 30 + 15 min), the far pool's do not (30 + 30 + 30 min). The far pool alone is
    infeasible, and the clash names the instructor's hours (R29) and the near pool's closure."""
    data = _with_two_pools(tiny_data())
    item(data["staff"], "liik")["availability"] = {day: ["09:00-10:00"] for day in DAYS}
    item(data["programme"], "stretch")["leaders"] = ["physiotherapist"]
    sessions = _checked(unchecked_course(data))
    assert next(s for s in sessions if s.id == "aqua").room == "allas1"
    item(data["rooms"], "allas1")["unavailable"] = CLOSED
    assert {"availability:liik", "availability:allas1"} <= clashing_rules(unchecked_course(data))


def test_small_groups_in_two_pools_travel_each_their_way() -> None:
    """Small-group halves in pools at different distances at once: each half's trips are its
    own pool's; the group leaves and comes back together, so the farther trip bounds it."""
    data = _with_two_pools(tiny_data())
    data["programme"].remove(item(data["programme"], "aqua"))
    data["programme"].append(
        {"id": "aqua_small", "title": "Vesiliikunta pienryhmissä", "theme": "physical",
         "kind": "small_group", "minutes": 30, "leaders": ["physiotherapist",
         "sports_instructor"], "rooms": ["pool"]}
    )  # fmt: skip
    sessions = _checked(unchecked_course(data))
    halves = [s for s in sessions if s.spec == "aqua_small" and s.kind == SessionKind.SMALL_GROUP]
    assert sorted(s.room or "" for s in halves) == ["allas1", "allas2"]
    for half in halves:
        travel = 15 if half.room == "allas1" else 30
        there, back = _trips(sessions, half.id)
        assert (there.start, back.end) == (half.start - travel, half.end + travel)
        assert set(there.participants) == set(half.participants)
    others = [s for s in sessions if s.kind not in (SessionKind.TRANSFER, SessionKind.INDIVIDUAL)]
    start, end = halves[0].start - 30, halves[0].end + 30
    for other in others:
        if other.spec != "aqua_small" and other.date == halves[0].date:
            assert other.end <= start or other.start >= end, other.id


def test_two_offsite_places_in_a_day_are_two_round_trips() -> None:
    """A pool (10 min away) and a sauna (20 min) on the same morning: the group comes back
    from the one before it sets out for the other. A standard that allows off-site saunas."""
    standard = standard_data()
    standard["rooms"]["offsite_kinds"] = ["pool", "sauna"]
    data = tiny_data()
    data["rooms"] += [
        {"id": "allas", "kind": "pool", "offsite_minutes": 10},
        {"id": "sauna", "kind": "sauna", "offsite_minutes": 20},
    ]
    data["course"]["day_window"] = "08:00-13:00"
    data["programme"] += [
        {"id": "aqua", "title": "Vesijumppa", "theme": "physical", "kind": "group",
         "minutes": 30, "leaders": ["sports_instructor"], "rooms": ["pool"], "days": [1]},
        {"id": "sauna", "title": "Saunarentoutus", "theme": "physical", "kind": "group",
         "minutes": 30, "leaders": ["sports_instructor"], "rooms": ["sauna"], "days": [1]},
    ]  # fmt: skip
    sessions = _checked(unchecked_course(data, standard))
    trips = sorted((*_trips(sessions, "aqua"), *_trips(sessions, "sauna")), key=lambda s: s.start)
    lengths = [t.minutes for t in trips]
    assert sorted(lengths) == [15, 15, 30, 30]
    assert lengths[0] == lengths[1] and lengths[2] == lengths[3], "out and back per place"
    for before, after in pairwise(trips):
        assert before.end <= after.start


# -- the checker ---------------------------------------------------------------------------------


def _edit(timetable: Timetable, session_id: str, **changes: object) -> Timetable:
    changes = {
        k: parse_clock(v) if k in ("start", "end") and isinstance(v, str) else v
        for k, v in changes.items()
    }
    sessions = tuple(
        s.model_copy(update=changes) if s.id == session_id else s for s in timetable.sessions
    )
    return timetable.model_copy(update={"sessions": sessions})


def _pool_then_swimming_hall(saved: Timetable, *trips: tuple[str, str]) -> Timetable:
    """Thursday's aqua exercise in the spa pool (20 min away, 13:15-14:15) followed by the
    social security talk, held this time in a swimming hall 10 min away (a pool room), the
    transfers between them as `trips` (start, end) from 14:15, its trip back 10 min."""
    rooms = (
        *saved.rooms,
        Room(id="uimahalli", name="Uimahalli", kind="pool", capacity=15, offsite_minutes=10),
    )
    programme = tuple(
        p.model_copy(update={"rooms": ("pool",)}) if p.id == "benefits" else p
        for p in saved.programme
    )
    timetable = saved.model_copy(update={"rooms": rooms, "programme": programme})
    benefits = next(s for s in saved.sessions if s.id == "benefits")
    aqua_from = next(s for s in saved.sessions if s.id == "aqua-from")
    escorts = (*aqua_from.staff, *benefits.staff)
    sessions = [s for s in timetable.sessions if s.id not in ("aqua-from", "benefits")]
    for n, (start, end) in enumerate(trips):
        sessions.append(
            aqua_from.model_copy(
                update={"id": f"aqua-from-{n}", "start": parse_clock(start),
                        "end": parse_clock(end), "staff": escorts}
            )
        )  # fmt: skip
    start = parse_clock(trips[-1][1])
    talk = benefits.model_copy(update={"room": "uimahalli", "start": start, "end": start + 60})
    back = aqua_from.model_copy(
        update={"id": "benefits-from", "start": talk.end, "end": talk.end + 10,
                "staff": talk.staff, "spec": talk.spec}
    )  # fmt: skip
    sessions += [talk, back]
    return timetable.model_copy(update={"sessions": tuple(sorted(sessions, key=_order))})


def _order(session: Session) -> tuple[object, ...]:
    return (session.date, session.start, session.id)


@pytest.mark.parametrize(
    "trips",
    [
        (("14:15", "14:35"), ("14:35", "14:45")),  # back to the unit (20 min), out again (10)
        (("14:15", "14:45"),),  # one transfer as long as both
    ],
    ids=["back and out again", "one transfer as long as both"],
)
def test_a_trip_between_two_offsite_places_as_long_as_back_and_out_passes(
    saved_timetable: Timetable, standard: Standard, trips: tuple[tuple[str, str], ...]
) -> None:
    report = check(_pool_then_swimming_hall(saved_timetable, *trips), standard)
    assert report.passed, _failures(report)


def test_one_short_trip_between_two_offsite_places_fails_r30(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """20 min covers the way back from the spa pool or, twice over, the way to the swimming
    hall, but not both: the checker used to pass it."""
    report = check(_pool_then_swimming_hall(saved_timetable, ("14:15", "14:35")), standard)
    assert {r.rule for r in report.failures} == {"R30"}, _failures(report)
    (reason,) = report.result("R30").reasons
    assert "Kylpylän allas" in reason and "Uimahalli" in reason and "30 min" in reason
    (finnish,) = report.result("R30").reasons_in("fi")
    assert "paluu paikasta Kylpylän allas ja siirtyminen paikkaan Uimahalli" in finnish


def test_staff_joining_at_the_second_place_must_travel(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """The social security talk's leader is not in the transfer from the spa pool to the
    swimming hall: they have no way there."""
    timetable = _pool_then_swimming_hall(saved_timetable, ("14:15", "14:35"), ("14:35", "14:45"))
    aqua = next(s for s in timetable.sessions if s.id == "aqua")
    timetable = _edit(timetable, "aqua-from-1", staff=aqua.staff)
    report = check(timetable, standard)
    assert {r.rule for r in report.failures} == {"R30"}, _failures(report)
    assert "do not travel" in report.result("R30").reasons[0]


def _back(timetable: Timetable, **changes: object) -> Timetable:
    return _edit(timetable, "aqua-from", **changes)


@pytest.mark.parametrize(
    ("what", "plant"),
    [
        ("the instructor not travelling back", lambda t: _back(t, staff=())),
        ("the group not in the transfer back", lambda t: _back(t, participants=())),
        ("a transfer back of 15 min from a pool 20 min away", lambda t: _back(t, end="14:30")),
    ],
)
def test_the_way_back_on_site_is_judged_for_staff_and_group(
    saved_timetable: Timetable, standard: Standard, what: str, plant: Any
) -> None:
    """From the pool back to the unit, as the way there is (test_check.py): R30 alone."""
    report = check(plant(saved_timetable), standard)
    assert {r.rule for r in report.failures} == {"R30"}, (what, _failures(report))


# -- how far (§8: "enintään 20 minuutin tai 20 km:n etäisyydellä": either limit is enough) ------


@pytest.mark.parametrize(("km", "near"), [(15, True), (25, False), (None, False)])
def test_a_pool_30_min_away_is_near_enough_within_20_km(km: float | None, near: bool) -> None:
    """A pool 30 min away (slow roads) but 15 km off meets §8, and its trips take the full
    30 min; 25 km or an unknown distance does not (R30)."""
    data = tiny_data()
    data["rooms"].append({"id": "allas", "kind": "pool", "offsite_minutes": 30, "offsite_km": km})
    data["programme"].append(
        {"id": "aqua", "title": "Vesijumppa", "theme": "physical", "kind": "group",
         "minutes": 30, "leaders": ["sports_instructor"], "rooms": ["pool"]}
    )  # fmt: skip
    course = unchecked_course(data)
    if not near:
        assert "R30" in clashing_rules(course)
        return
    sessions = _checked(course)
    assert [t.minutes for t in _trips(sessions, "aqua")] == [30, 30]


def test_the_checker_reads_minutes_or_kilometres(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """The saved week's spa pool is 12 km away: 25 min of travel still meets §8 (its
    transfers there and back already take 30 min)."""
    rooms = tuple(
        r.model_copy(update={"offsite_minutes": 25}) if r.id == "allas" else r
        for r in saved_timetable.rooms
    )
    report = check(saved_timetable.model_copy(update={"rooms": rooms}), standard)
    assert report.passed, _failures(report)
