"""A re-plan never reaches into the past: with --now, what started before now stays as it was
(day, time, room, participants, and its staff up to now), and nothing is placed, moved or
handed over before now. On the tiny two-day course with an off-site pool, so that a change can
come at every moment of the course, off the slot grid too, or right where a trip to the pool
meets the session there. Each re-plan takes a few hundredths of a second.

The re-planner checks the same promise itself (a SolverBug if broken); these tests check it
independently, from the old and new timetables.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from conftest import TEST_OPTIONS
from factories import DAYS, item, tiny_data, tiny_standard, unchecked_course
from solver_helpers import clashing_rules, first_timetable, is_feasible

from models.base import SessionKind
from models.changes import (
    ChangeSet,
    EndEarly,
    ParticipantLeaves,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.timetable import Session, Timetable
from scheduler.check import check
from scheduler.errors import Infeasible, InputError
from scheduler.services.replanning import ResolveResult, resolve

Data = dict[str, Any]


def _data() -> Data:
    """The tiny course with an aqua session in a pool 15 min away, which the physiotherapist or
    the sports instructor may lead."""
    data = tiny_data()
    data["rooms"].append({"id": "allas", "kind": "pool", "offsite_minutes": 15})
    data["programme"].append(
        {"id": "aqua", "title": "Vesijumppa", "theme": "physical", "kind": "group",
         "minutes": 30, "leaders": ["physiotherapist", "sports_instructor"], "rooms": ["pool"]}
    )  # fmt: skip
    return data


@pytest.fixture(scope="module")
def week() -> Timetable:
    course = unchecked_course(_data())
    sessions = first_timetable(course)
    assert sessions is not None
    timetable = Timetable.for_course(course, sessions)
    assert check(timetable, course.standard).passed
    return timetable


def _at(session: Session, minute: int) -> datetime:
    return datetime.combine(session.date, time()) + timedelta(minutes=minute)


def _replanned(old: Timetable, changes: ChangeSet) -> ResolveResult:
    """The re-plan, which passes the checker and keeps the past (asserted here)."""
    result = resolve(old, tiny_standard(), changes, TEST_OPTIONS)
    report = check(result.timetable, tiny_standard())
    assert report.passed or result.departures, [(r.rule, r.reasons) for r in report.failures]
    assert changes.now is not None
    _assert_past_kept(old, result.timetable, changes.now)
    return result


def _assert_past_kept(old: Timetable, new: Timetable, now: datetime) -> None:
    before = {s.id: s for s in old.sessions}
    after = {s.id: s for s in new.sessions}
    for session_id, was in before.items():
        if _at(was, was.start) >= now:
            continue
        assert session_id in after, f"{session_id} began before now and is gone"
        is_ = after[session_id]
        same = ("date", "start", "room", "participants", "kind", "title")
        assert {k: getattr(is_, k) for k in same} == {k: getattr(was, k) for k in same}, (
            f"{session_id} began before now and changed"
        )
        minute = was.start
        while minute < min(was.end, is_.end) and _at(was, minute) < now:
            assert set(is_.staff_at(minute)) == set(was.staff_at(minute)), (
                f"{session_id}: its staff at {minute} changed after the fact"
            )
            minute += 5
        if is_.end != was.end:  # ended early: at now, never before
            assert _at(is_, is_.end) == now and is_.planned_end == was.end, session_id
    for session_id, is_ in after.items():
        if _at(is_, is_.start) < now:
            was = before.get(session_id)
            assert was is not None and was.start == is_.start and was.date == is_.date, (
                f"{session_id} is placed before now"
            )
    for change in new.changes:
        for place in (change.was, change.becomes):
            if place is not None:
                ends = datetime.combine(place.date, time()) + timedelta(minutes=place.end)
                ended_now = place is change.becomes and "ended" in change.change
                assert ends > now or (ends == now and ended_now), (
                    f"the change list changes {change.session} in the past"
                )


def _stand_in() -> StaffMember:
    return StaffMember(id="sijainen", role="physiotherapist", replaces="pt")


def _moments(week: Timetable) -> list[datetime]:
    """5 min into each group-level session (under way, off the 15-min grid), and each start
    and end of the trip to the pool and the session there (where a handover meets a trip)."""
    pool = [s for s in week.sessions if s.id.startswith("aqua")]
    moments = {_at(s, s.start + 5) for s in week.sessions if s.kind != SessionKind.INDIVIDUAL}
    moments |= {_at(s, minute) for s in pool for minute in (s.start, s.end)}
    return sorted(moments)


def test_no_moment_of_the_week_reaches_into_the_past(week: Timetable) -> None:
    """At each moment a change comes, in turn: a stand-in for the physiotherapist, the
    physiotherapist away for 50 min (to an end off the slot grid), a participant leaving."""
    replanned = 0
    moments = _moments(week)
    for turn, now in enumerate(moments):
        changes = [
            (ReplaceStaff(old="pt", new=_stand_in()),),
            (StaffUnavailable(staff="pt", start=now, end=now + timedelta(minutes=50)),),
            (ParticipantLeaves(participant="K02"),),
        ][turn % 3]
        try:
            _replanned(week, ChangeSet(now=now, notice_minutes=0, changes=changes))
        except Infeasible:
            continue  # nobody may take over, or no room left after now: said, not a timetable
        replanned += 1
    assert replanned >= len(moments) // 2


def test_a_session_missing_from_the_old_timetable_comes_after_now(
    week: Timetable,
) -> None:
    """A row gone from the timetable file: the re-plan places the session again, not where it
    was, now in the past (it used to land anywhere, before now too). The tiny week is full, so
    the session tried is the earliest theme session whose re-plan leaves room after now."""
    themes = sorted(
        (s for s in week.sessions if s.kind == SessionKind.GROUP and s.theme),
        key=lambda s: _at(s, s.start),
    )
    placed_after_now = 0
    for missing in themes:
        gone = week.model_copy(update={"sessions": tuple(s for s in week.sessions if s != missing)})
        now = _at(missing, missing.start + 5)
        changes = ChangeSet(now=now, notice_minutes=0, changes=())
        try:
            new = _replanned(gone, changes).timetable
        except Infeasible:
            continue  # no room left after now for it: the re-plan says so
        placed = next(s for s in new.sessions if s.id == missing.id)
        assert _at(placed, placed.start) >= now, missing.id
        placed_after_now += 1
    assert placed_after_now, "no theme session could be placed again after now"


def test_someone_away_until_off_the_slot_grid_works_from_the_next_slot() -> None:
    """A re-plan's absence may end off the 15-min grid (09:20): the solver used to round the
    window out and put the person to work at 09:15. The gym hour fits 09:15-10:15 (feasible
    twin) but not 09:20-10:20, whose whole slots are 09:30-10:15 (infeasible twin, R29)."""
    data = _data()
    data["programme"].remove(item(data["programme"], "aqua"))
    for windows, feasible in ((["09:15-10:15"], True), (["09:20-10:20"], False)):
        item(data["staff"], "pt")["availability"] = {day: windows for day in DAYS}
        course = unchecked_course(data)
        assert is_feasible(course) == feasible, windows
    assert "availability:pt" in clashing_rules(course)


def test_a_room_closed_under_a_session_under_way(week: Timetable) -> None:
    """The session under way keeps its room: closing it from now (until the session's planned
    end) is bad input that names both ways out; with --end-early the session ends at now and the
    room is free."""
    session = next(s for s in week.sessions if s.kind == SessionKind.GROUP and s.room == "ryhma2")
    now = _at(session, session.start + 5)
    closed = RoomUnavailable(room="ryhma2", start=now, end=_at(session, session.end))
    with pytest.raises(InputError) as raised:
        resolve(week, tiny_standard(), ChangeSet(now=now, changes=(closed,)), TEST_OPTIONS)
    told = str(raised.value)
    assert "--room-unavailable" in told and f"--end-early {session.id}" in told, told
    ended = ChangeSet(now=now, notice_minutes=0, changes=(closed, EndEarly(session=session.id)))
    new = _replanned(week, ended).timetable
    (after,) = [s for s in new.sessions if s.id == session.id]
    assert (after.end, after.planned_end, after.room) == (session.start + 5, session.end, "ryhma2")


@pytest.mark.parametrize("where", ["at the pool's door", "leaving the pool"])
def test_a_stand_in_takes_over_where_the_trip_meets_the_pool_session(
    week: Timetable, where: str
) -> None:
    """The physiotherapist is replaced right as the group arrives at the pool, or right as the
    session there ends: the handover is at that moment, as it is mid-trip (the checker used to
    fail the re-plan: whoever took over had not travelled in the trip)."""
    aqua = next(s for s in week.sessions if s.id == "aqua")
    course = unchecked_course(_data())
    leader = aqua.staff[0]
    role = course.member(leader).role
    stand_in = StaffMember(id="sijainen", role=role, replaces=leader)
    now = _at(aqua, aqua.start if where == "at the pool's door" else aqua.end)
    new = _replanned(
        week, ChangeSet(now=now, changes=(ReplaceStaff(old=leader, new=stand_in),))
    ).timetable
    by_id = {s.id: s for s in new.sessions}
    if where == "at the pool's door":
        assert by_id["aqua-to"].staff == (leader,) and by_id["aqua"].staff == ("sijainen",)
    else:
        assert by_id["aqua"].staff == (leader,) and by_id["aqua-from"].staff == ("sijainen",)


def test_nobody_steps_into_a_team_meeting_under_way(week: Timetable) -> None:
    """R28 counts the team members in a meeting all through: one who leaves mid-meeting
    without a stand-in leaves it short whoever joins late (the re-plan used to let a free team
    member step in, and the checker then failed it). The re-plan names the ways out."""
    meeting = next(s for s in week.sessions if s.kind == SessionKind.STAFF_MEETING)
    gone = meeting.staff[-1]
    now = _at(meeting, meeting.start + 5)
    away = StaffUnavailable(staff=gone, start=now, end=now + timedelta(minutes=50))
    changes = ChangeSet(now=now, notice_minutes=0, changes=(away,))
    with pytest.raises(Infeasible) as raised:
        resolve(week, tiny_standard(), changes, TEST_OPTIONS)
    told = "\n".join(raised.value.reasons)
    assert "--replace" in told and f"--accept-shortfall {meeting.id}" in told, told
