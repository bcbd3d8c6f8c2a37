"""Re-planning: one test per kind of change. The new timetable passes the independent checker,
nothing before --now and nothing locked moves, and it changes fewer sessions than solving the
changed course from scratch would."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from conftest import TEST_OPTIONS

from models.base import SessionKind
from models.changes import (
    AddStaff,
    ChangeSet,
    ParticipantLeaves,
    RemoveStaff,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import check
from scheduler.domain.occurrences import occurrences
from scheduler.errors import Infeasible
from scheduler.services.replanning import apply_changes, change_list, resolve
from scheduler.services.solving import solve


def _starts(session: Session) -> datetime:
    return datetime.combine(session.date, time()) + timedelta(minutes=session.start)


def _wednesday(timetable: Timetable) -> datetime:
    return datetime.combine(timetable.days[2], time(8, 0))


def _busiest_from(timetable: Timetable, role: str, since: datetime) -> str:
    """The staff member of a role who leads the most sessions from `since` on."""
    counts: dict[str, int] = {}
    for session in timetable.sessions:
        if _starts(session) >= since and session.kind != SessionKind.TRANSFER:
            for staff_id in session.staff:
                counts[staff_id] = counts.get(staff_id, 0) + 1
    candidates = [s.id for s in timetable.staff if s.role == role and counts.get(s.id)]
    assert candidates, f"no {role} leads sessions from {since}"
    return max(candidates, key=lambda s: counts[s])


def _replan(old: Timetable, standard: Standard, changes: ChangeSet) -> Timetable:
    result = resolve(old, standard, changes, TEST_OPTIONS)
    new = result.timetable
    report = check(new, standard)
    assert report.passed, [f"{r.rule}: {r.reasons}" for r in report.failures]
    before = {s.id: s for s in old.sessions}
    after = {s.id: s for s in new.sessions}
    for session_id, session in before.items():
        frozen = session.locked or (changes.now is not None and _starts(session) < changes.now)
        if (frozen and session.kind != SessionKind.INDIVIDUAL) or (session_id in after and frozen):
            assert after[session_id] == session, f"{session_id} was frozen but moved"
    assert result.changed_sessions <= len(new.changes)
    return new


def _from_scratch_changes(old: Timetable, standard: Standard, changes: ChangeSet) -> int:
    course = apply_changes(old.to_course(standard), changes)
    fresh = solve(course, TEST_OPTIONS).timetable
    return len(change_list(old.sessions, fresh.sessions))


@pytest.mark.slow
def test_physiotherapist_unavailable_from_wednesday(
    default_timetable: Timetable, standard: Standard
) -> None:
    wednesday = _wednesday(default_timetable)
    pt = _busiest_from(default_timetable, "physiotherapist", wednesday)
    led = [
        s for s in default_timetable.sessions
        if pt in s.staff and _starts(s) >= wednesday and s.kind != SessionKind.TRANSFER
    ]  # fmt: skip
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=pt, start=wednesday),))
    new = _replan(default_timetable, standard, changes)
    assert not any(pt in s.staff for s in new.sessions if _starts(s) >= wednesday)
    # Each session the person led must change; little else should.
    assert {s.id for s in led} <= {c.session for c in new.changes}
    assert len(new.changes) < _from_scratch_changes(default_timetable, standard, changes)


@pytest.mark.slow
def test_replace_a_staff_member(default_timetable: Timetable, standard: Standard) -> None:
    wednesday = _wednesday(default_timetable)
    pt = _busiest_from(default_timetable, "physiotherapist", wednesday)
    stand_in = StaffMember(id="pt3", role="physiotherapist", replaces=pt)
    changes = ChangeSet(now=wednesday, changes=(ReplaceStaff(old=pt, new=stand_in),))
    new = _replan(default_timetable, standard, changes)
    moved = [c for c in new.changes if "day" in c.change or "time" in c.change]
    assert not moved, "a stand-in with the same role takes over without moving anything"
    assert new.changes and all("pt3" in c.notify for c in new.changes)
    assert len(new.changes) < _from_scratch_changes(default_timetable, standard, changes)


def test_add_staff_moves_nothing(default_timetable: Timetable, standard: Standard) -> None:
    nurse = StaffMember(id="nurse1", role="nurse")
    changes = ChangeSet(changes=(AddStaff(member=nurse),))
    new = _replan(default_timetable, standard, changes)
    assert new.changes == ()
    assert any(s.id == "nurse1" for s in new.staff)


@pytest.mark.slow
def test_remove_staff(default_timetable: Timetable, standard: Standard) -> None:
    wednesday = _wednesday(default_timetable)
    changes = ChangeSet(now=wednesday, changes=(RemoveStaff(staff="liik"),))
    new = _replan(default_timetable, standard, changes)
    assert not any("liik" in s.staff for s in new.sessions if _starts(s) >= wednesday)
    assert len(new.changes) < _from_scratch_changes(default_timetable, standard, changes)


@pytest.mark.slow
def test_room_unavailable(default_timetable: Timetable, standard: Standard) -> None:
    gym_days = {s.date for s in default_timetable.sessions if s.room == "kuntosali"}
    day = max(gym_days)
    start, end = datetime.combine(day, time(0)), datetime.combine(day, time(23, 59))
    changes = ChangeSet(changes=(RoomUnavailable(room="kuntosali", start=start, end=end),))
    new = _replan(default_timetable, standard, changes)
    assert not any(s.room == "kuntosali" and s.date == day for s in new.sessions)
    assert new.changes
    assert len(new.changes) < _from_scratch_changes(default_timetable, standard, changes)


@pytest.mark.slow
def test_participant_leaves(default_timetable: Timetable, standard: Standard) -> None:
    tuesday_noon = datetime.combine(default_timetable.days[1], time(12, 0))
    changes = ChangeSet(
        now=tuesday_noon, changes=(ParticipantLeaves(participant="K05", at=tuesday_noon),)
    )
    new = _replan(default_timetable, standard, changes)
    assert not any("K05" in s.participants for s in new.sessions if _starts(s) >= tuesday_noon)
    assert len(new.changes) < _from_scratch_changes(default_timetable, standard, changes)


def test_locked_sessions_never_move(default_timetable: Timetable, standard: Standard) -> None:
    wednesday = _wednesday(default_timetable)
    pt = _busiest_from(default_timetable, "physiotherapist", wednesday)
    # The manager locks the last day's sessions the physiotherapist has no part in (the closing
    # discussion, the end measures): they were announced and must stay put. A lock holds a
    # whole occurrence, so both small-group halves are left free if the physiotherapist leads one.
    last_day = default_timetable.days[-1]
    free = {
        s.id
        for parts in occurrences(default_timetable.sessions).values()
        if any(pt in part.staff for part in parts)
        for s in parts
    }
    locked = tuple(
        s.model_copy(update={"locked": True})
        if s.date == last_day and s.id not in free and s.kind != SessionKind.TRANSFER
        else s
        for s in default_timetable.sessions
    )
    assert any(s.locked for s in locked)
    old = default_timetable.model_copy(update={"sessions": locked})
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=pt, start=wednesday),))
    new = _replan(old, standard, changes)
    after = {s.id: s for s in new.sessions}
    for session in locked:
        if session.locked:
            assert after[session.id].model_dump(exclude={"locked"}) == session.model_dump(
                exclude={"locked"}
            )
            assert after[session.id].locked


def test_impossible_change_is_explained(default_timetable: Timetable, standard: Standard) -> None:

    # The physician gone for the whole course: the closing discussion needs them (R19).
    changes = ChangeSet(changes=(StaffUnavailable(staff="reum"),))
    with pytest.raises(Infeasible) as raised:
        resolve(default_timetable, standard, changes, TEST_OPTIONS)
    words = " ".join(raised.value.reasons)
    assert "R19: loppukeskustelu" in words
    assert "edellyttää, että paikalla on erikoislääkäri (Anna Laakso)" in words


def test_the_input_timetable_is_not_modified(
    default_timetable: Timetable, standard: Standard
) -> None:
    before = default_timetable.to_json()
    resolve(default_timetable, standard, ChangeSet(changes=(RemoveStaff(staff="liik"),)))
    assert default_timetable.to_json() == before
    assert "liik" in {member.id for member in default_timetable.staff}


def test_a_replan_blocked_by_locked_sessions_says_so(
    default_timetable: Timetable, standard: Standard
) -> None:
    wednesday = _wednesday(default_timetable)
    pt = _busiest_from(default_timetable, "physiotherapist", wednesday)
    # Everything from Wednesday is locked, the physiotherapist's own sessions too, so nobody
    # can take them over; from scratch the changed course is fine.
    locked = tuple(
        s.model_copy(update={"locked": True})
        if _starts(s) >= wednesday and s.kind != SessionKind.TRANSFER
        else s
        for s in default_timetable.sessions
    )
    old = default_timetable.model_copy(update={"sessions": locked})
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=pt, start=wednesday),))
    with pytest.raises(Infeasible) as raised:
        resolve(old, standard, changes, TEST_OPTIONS)
    words = " ".join(raised.value.reasons)
    assert "muutetulle kurssille löytyisi uusi aikataulu" in words
    assert "lukittu" in words
