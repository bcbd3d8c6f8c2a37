"""Re-planning as a course manager does it: notice before any change, a change that comes while
a session is under way (each kind of session), a participant leaving, a chain of re-plans over
the week, and what an impossible re-plan says. On the solved default course (the session
fixture); each re-plan solve takes well under a second."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from conftest import TEST_OPTIONS

from models.base import SessionKind
from models.changes import (
    AcceptShortfall,
    ChangeSet,
    EndEarly,
    ParticipantLeaves,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import check
from scheduler.domain.hours import hours_table
from scheduler.domain.sessions import may_lead
from scheduler.errors import Infeasible, InputError
from scheduler.export.excel.workbook import build_workbook
from scheduler.services.replanning import resolve
from scheduler.words import clock_span, reading_in, short_date


def starts(session: Session) -> datetime:
    return datetime.combine(session.date, time()) + timedelta(minutes=session.start)


def ends(session: Session) -> datetime:
    return datetime.combine(session.date, time()) + timedelta(minutes=session.end)


def replanned(old: Timetable, standard: Standard, changes: ChangeSet) -> Timetable:
    result = resolve(old, standard, changes, TEST_OPTIONS, previous="old.json")
    report = check(result.timetable, standard)
    assert report.passed, [f"{r.rule}: {r.reasons}" for r in report.failures]
    assert result.optimal, "the re-plan is proven minimal"
    return result.timetable


def stand_in_for(timetable: Timetable, staff_id: str, new_id: str = "sub1") -> StaffMember:
    old = next(m for m in timetable.staff if m.id == staff_id)
    return StaffMember(id=new_id, role=old.role, group=old.group, replaces=staff_id)


def under_way(timetable: Timetable, pick: str) -> tuple[Session, str]:
    """A session of a kind with a staff member, and who; 'transfer' is a trip to the pool."""
    for session in timetable.sessions:
        if not session.staff or timetable.day_number(session.date) == 1:
            continue
        if pick == "transfer" and session.id.endswith("-to"):
            return session, session.staff[0]
        if pick == "group" and session.kind == SessionKind.GROUP and len(session.staff) == 1:
            member = next(m for m in timetable.staff if m.id == session.staff[0])
            if member.role == "physiotherapist":
                return session, session.staff[0]
        if pick == "small_group" and session.kind == SessionKind.SMALL_GROUP:
            return session, session.staff[0]
        if pick == "individual" and session.kind == SessionKind.INDIVIDUAL:
            return session, session.staff[0]
    raise AssertionError(f"no {pick} session with staff after day 1")


# -- notice ----------------------------------------------------------------------------------------


def test_nothing_unforced_changes_within_the_notice(
    default_timetable: Timetable, standard: Standard
) -> None:
    """Issue 14: with the default notice (60 min) nothing newly starts, moves or changes staff
    within the hour after now unless the change forces it; nothing moves into the past."""
    wednesday = default_timetable.days[2]
    now = datetime.combine(wednesday, time(8, 0))
    led = [s for s in default_timetable.sessions if starts(s) >= now and s.staff]
    gone = max(
        {x for s in led for x in s.staff if x.startswith("pt")},
        key=lambda x: sum(x in s.staff for s in led),
    )
    changes = ChangeSet(now=now, changes=(StaffUnavailable(staff=gone, start=now),))
    new = replanned(default_timetable, standard, changes)
    assert new.replan is not None and new.replan.notice_minutes == 60
    notice_end = now + timedelta(minutes=60)
    before = {s.id: s for s in default_timetable.sessions}
    for session in new.sessions:
        old = before[session.id]
        moved = (session.date, session.start) != (old.date, old.start)
        if moved:
            assert starts(session) >= notice_end, f"{session.id} newly starts within the notice"
    for change in new.changes:
        if not change.forced:
            assert change.was is not None and change.becomes is not None
            for place in (change.was, change.becomes):
                at = datetime.combine(place.date, time()) + timedelta(minutes=place.start)
                assert at >= notice_end, f"{change.session} changed within the notice unforced"
        else:
            assert gone in (change.was.staff if change.was else ()), change
    assert any(c.forced and c.within_notice for c in new.changes) or all(
        not c.within_notice for c in new.changes
    )


def test_a_longer_notice_holds_more(saved_timetable: Timetable, standard: Standard) -> None:
    """A notice of a whole day: sessions in that day that no one is forced to change stay put;
    what a room closed the day after displaces moves no earlier than the notice's end. (On the
    saved week, whose gym sessions run Monday and Wednesday, whatever the solver does now.)"""
    days = saved_timetable.days
    gym = [s for s in saved_timetable.sessions if s.room == "kuntosali" and s.date >= days[1]]
    assert gym, "the default week has gym training after Monday"
    closed_day = gym[0].date
    now = datetime.combine(closed_day - timedelta(days=1), time(8, 0))
    closed = (datetime.combine(closed_day, time(0, 0)), datetime.combine(closed_day, time(23, 59)))
    changes = ChangeSet(
        now=now,
        notice_minutes=24 * 60,
        changes=(RoomUnavailable(room="kuntosali", start=closed[0], end=closed[1]),),
    )
    new = replanned(saved_timetable, standard, changes)
    assert new.changes, "the closed gym held a session: something had to change"
    day_after = now + timedelta(days=1)
    for change in new.changes:
        assert change.forced or (
            change.was is not None
            and datetime.combine(change.was.date, time()) + timedelta(minutes=change.was.start)
            >= day_after
        ), change


# -- a change while a session is under way (issue 17) ----------------------------------------------


@pytest.mark.parametrize("kind", ["group", "small_group", "individual", "transfer"])
def test_a_stand_in_takes_over_a_session_under_way(
    default_timetable: Timetable, standard: Standard, kind: str
) -> None:
    session, leader = under_way(default_timetable, kind)
    now = starts(session) + timedelta(minutes=15)
    changes = ChangeSet(
        now=now, changes=(ReplaceStaff(old=leader, new=stand_in_for(default_timetable, leader)),)
    )
    new = replanned(default_timetable, standard, changes)
    after = {s.id: s for s in new.sessions}[session.id]
    cut = session.start + 15
    assert (after.date, after.start, after.end, after.room) == (
        session.date,
        session.start,
        session.end,
        session.room,
    ), "a session under way keeps its time and room"
    first, second = after.parts
    assert (first.start, first.end, first.staff) == (session.start, cut, session.staff)
    assert (second.start, second.end) == (cut, session.end)
    assert "sub1" in second.staff and leader not in second.staff
    if kind == "transfer":  # the trip to the pool was under way: the pool session is sub1's
        pool = {s.id: s for s in new.sessions}[session.id.removesuffix("-to")]
        assert "sub1" in pool.staff and leader not in pool.staff and not pool.parts
    else:
        hours = hours_table(new, standard)
        before = hours_table(default_timetable, standard)
        if session.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL):
            assert hours.person(leader).minutes <= before.person(leader).minutes - (
                session.end - cut
            )
            assert hours.person("sub1").minutes >= session.end - cut
    change = next(c for c in new.changes if c.session == session.id or kind == "transfer")
    assert change.forced and change.within_notice


def _nobody_else(timetable: Timetable, standard: Standard, session: Session, now: datetime) -> list:
    """Changes that leave nobody else who may lead `session` free from `now` to its end."""
    course = timetable.to_course(standard)
    spec = next((s for s in course.sessions if s.id == session.spec), None)
    assert spec is not None
    busy = {  # in another session then: not free to take over anyway
        x
        for s in timetable.sessions
        if s.id != session.id
        and s.date == session.date
        and s.start < session.end
        and session.start < s.end
        for x in s.staff
    }
    others = [
        m
        for m in course.staff
        if m.id not in session.staff and m.id not in busy and may_lead(course, m, spec)
    ]
    return [StaffUnavailable(staff=m.id, start=now, end=ends(session)) for m in others]


def test_a_leader_leaving_mid_session_with_nobody_to_take_over_is_named(
    default_timetable: Timetable, standard: Standard
) -> None:
    session, leader = under_way(default_timetable, "group")
    now = starts(session) + timedelta(minutes=15)
    changes = ChangeSet(
        now=now,
        changes=(
            StaffUnavailable(staff=leader, start=now, end=ends(session)),
            *_nobody_else(default_timetable, standard, session, now),
        ),
    )
    with pytest.raises(Infeasible) as raised:
        resolve(default_timetable, standard, changes, TEST_OPTIONS)
    words = "\n".join(raised.value.reasons)
    name = next(m.name for m in default_timetable.staff if m.id == leader)
    assert session.titles["fi"] in words and name in words
    assert "on käynnissä klo" in words and "eikä kukaan muu, joka saa ohjata sitä" in words
    assert f'--replace "{name}"=' in words
    assert f"--end-early {session.id}" in words
    assert f"--accept-shortfall {session.id}" in words
    assert "lukit" not in words


def test_the_choices_when_nobody_takes_over(
    default_timetable: Timetable, standard: Standard
) -> None:
    """Ending early or going on short-handed: both are written, the departure recorded."""
    session, leader = under_way(default_timetable, "group")
    now = starts(session) + timedelta(minutes=15)
    facts = (
        StaffUnavailable(staff=leader, start=now, end=ends(session)),
        *_nobody_else(default_timetable, standard, session, now),
    )
    ended = resolve(
        default_timetable,
        standard,
        ChangeSet(now=now, changes=(*facts, EndEarly(session=session.id))),
        TEST_OPTIONS,
    )
    short = {s.id: s for s in ended.timetable.sessions}[session.id]
    assert short.end == session.start + 15 and short.planned_end == session.end
    assert "ended" in next(c for c in ended.timetable.changes if c.session == session.id).change

    kept = resolve(
        default_timetable,
        standard,
        ChangeSet(now=now, changes=(*facts, AcceptShortfall(session=session.id))),
        TEST_OPTIONS,
    )
    going_on = {s.id: s for s in kept.timetable.sessions}[session.id]
    assert going_on.end == session.end
    assert going_on.parts[-1].missing == (leader,) and going_on.parts[-1].staff == ()
    assert kept.departures, "going on without the leader departs from the standard"
    assert {r.rule for r in kept.departures} == {r.rule for r in kept.report.failures}


def test_a_choice_for_a_session_not_under_way_is_bad_input(
    default_timetable: Timetable, standard: Standard
) -> None:
    now = datetime.combine(default_timetable.days[2], time(8, 0))
    later = next(s for s in default_timetable.sessions if starts(s) > now + timedelta(hours=3))
    with pytest.raises(InputError, match="ei ole käynnissä"):
        resolve(
            default_timetable,
            standard,
            ChangeSet(now=now, changes=(EndEarly(session=later.id),)),
            TEST_OPTIONS,
        )


# -- a participant leaving (issue 14: one count) ---------------------------------------------------


def test_a_participant_leaving_lists_each_session_they_leave(
    default_timetable: Timetable, standard: Standard
) -> None:
    now = datetime.combine(default_timetable.days[1], time(12, 0))
    changes = ChangeSet(now=now, changes=(ParticipantLeaves(participant="K05", at=now),))
    result = resolve(default_timetable, standard, changes, TEST_OPTIONS)
    new = result.timetable
    left = {
        s.id
        for s in default_timetable.sessions
        if "K05" in s.participants
        and starts(s) >= now
        and s.kind not in (SessionKind.TRANSFER, SessionKind.MEAL)
    }
    listed = {c.session for c in new.changes}
    assert left <= listed, left - listed
    assert result.changed_sessions == len(new.changes)
    for change in new.changes:
        if change.session in left and change.becomes is not None:
            # Only that session's own staff are told: the group's time did not change.
            assert set(change.notify) == set(change.becomes.staff), change
            assert "participants" in change.change and change.forced
    assert not any("K05" in s.participants for s in new.sessions if starts(s) >= now)


# -- a chain of re-plans over the week (issue 14, 6) -----------------------------------------------


def test_three_replans_in_a_row_keep_each_past(
    default_timetable: Timetable, standard: Standard
) -> None:
    days = default_timetable.days
    first_now = datetime.combine(days[1], time(12, 0))
    second_now = datetime.combine(days[2], time(8, 0))
    wednesday_on = [s for s in default_timetable.sessions if starts(s) >= second_now]
    physio = max(
        (m.id for m in default_timetable.staff if m.role == "physiotherapist"),
        key=lambda x: sum(x in s.staff for s in wednesday_on),
    )
    steps = [
        ChangeSet(now=first_now, changes=(ParticipantLeaves(participant="K05"),)),
        ChangeSet(
            now=second_now,
            changes=(ReplaceStaff(old=physio, new=stand_in_for(default_timetable, physio)),),
        ),
    ]
    versions = [default_timetable]
    names = ["week.json"]
    for step in (1, 2, 3):
        if step == 3:  # Thursday: someone leaves a session while it is under way
            session = next(
                s
                for s in versions[-1].sessions
                if s.date == days[3] and s.staff and s.kind != SessionKind.TRANSFER
            )
            third_now = starts(session) + timedelta(minutes=15)
            leader = session.staff[0]
            steps.append(
                ChangeSet(
                    now=third_now,
                    changes=(
                        ReplaceStaff(old=leader, new=stand_in_for(versions[-1], leader, "sub2")),
                    ),
                )
            )
        changes = steps[step - 1]
        result = resolve(versions[-1], standard, changes, TEST_OPTIONS, previous=names[-1])
        assert check(result.timetable, standard).passed
        versions.append(result.timetable)
        names.append(f"week-replan-{step}.json")
    # Every earlier now's past is kept as it was in all later versions.
    for index, changes in enumerate(steps):
        assert changes.now is not None
        past = {s.id: s for s in versions[index].sessions if starts(s) < changes.now}
        for later in versions[index + 1 :]:
            kept = {s.id: s for s in later.sessions if s.id in past}
            for session_id, session in past.items():
                assert kept[session_id].model_dump(exclude={"parts", "staff", "sequence"}) == (
                    session.model_dump(exclude={"parts", "staff", "sequence"})
                ), session_id
                if ends(session) <= changes.now:
                    assert kept[session_id].staff == session.staff
    last = versions[-1]
    assert last.previous == "week-replan-2.json"
    assert last.versions == ("week.json", "week-replan-1.json", "week-replan-2.json")
    split = {s.id: s for s in last.sessions}[session.id]
    assert split.parts and "sub2" in split.parts[-1].staff  # the third step's handover
    # The workbook shows the latest change set and points to the earlier versions.
    sheet = build_workbook(last, "fi", standard=standard)["Muutokset"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "week.json → week-replan-1.json → week-replan-2.json" in text
    for change in last.changes:
        assert change.titles.get("fi", change.title) in text
    # A later re-plan may not reach back before the last one's now.
    with pytest.raises(InputError, match="eikä sitä edeltävää aikaa voi enää muuttaa"):
        resolve(
            last,
            standard,
            ChangeSet(now=second_now, changes=(ParticipantLeaves(participant="K04"),)),
            TEST_OPTIONS,
        )


# -- what an impossible re-plan says (issue 17, 2) -------------------------------------------------


def test_locked_sessions_in_the_way_are_named_and_unlocking_suggested(
    default_timetable: Timetable, standard: Standard
) -> None:
    wednesday = datetime.combine(default_timetable.days[2], time(8, 0))
    led = [s for s in default_timetable.sessions if starts(s) >= wednesday and s.staff]
    physio = next(x for s in led for x in s.staff if x.startswith("pt"))
    locked = tuple(
        s.model_copy(update={"locked": True}) if starts(s) >= wednesday and physio in s.staff else s
        for s in default_timetable.sessions
    )
    old = default_timetable.model_copy(update={"sessions": locked})
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=physio, start=wednesday),))
    with pytest.raises(Infeasible) as raised:
        resolve(old, standard, changes, TEST_OPTIONS)
    words = "\n".join(raised.value.reasons)
    assert "mutta ei, jos nämä ohjelmakohdat pidetään ennallaan" in words
    named = [
        s for s in locked if s.locked and f"  - {s.title}, {short_date(s.date, 'fi')}" in words
    ]
    assert named and all(clock_span(s.start, s.end) in words for s in named)
    assert ": lukittu" in words and "avaa lukitut" in words
    with reading_in("en"), pytest.raises(Infeasible) as raised:
        resolve(old, standard, changes, TEST_OPTIONS)
    words = "\n".join(raised.value.reasons)
    assert "not while keeping these sessions as they are" in words
    assert ": locked" in words and "unlock" in words


def test_the_notice_comes_from_the_course_unless_given(
    default_timetable: Timetable, standard: Standard
) -> None:
    now = datetime.combine(default_timetable.days[3], time(8, 0))
    preferences = default_timetable.preferences.model_copy(update={"replan_notice_minutes": 30})
    old = default_timetable.model_copy(update={"preferences": preferences})
    leaves = (ParticipantLeaves(participant="K02"),)
    course_notice = resolve(old, standard, ChangeSet(now=now, changes=leaves), TEST_OPTIONS)
    assert course_notice.timetable.replan is not None
    assert course_notice.timetable.replan.notice_minutes == 30
    given = resolve(
        old, standard, ChangeSet(now=now, notice_minutes=90, changes=leaves), TEST_OPTIONS
    )
    assert given.timetable.replan is not None and given.timetable.replan.notice_minutes == 90


def test_no_room_left_after_now_names_the_rules_and_not_unlocking(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """The only gym closes just before its last session: from scratch the course still fits
    (its gym sessions earlier), but after now nothing can take that session. (On the saved
    week, whose last gym session is on Wednesday, whatever the solver does now.)"""
    last_gym = max((s for s in saved_timetable.sessions if s.room == "kuntosali"), key=starts)
    now = starts(last_gym) - timedelta(minutes=1)
    changes = ChangeSet(now=now, changes=(RoomUnavailable(room="kuntosali", start=now),))
    with pytest.raises(Infeasible) as raised:
        resolve(saved_timetable, standard, changes, TEST_OPTIONS)
    words = "\n".join(raised.value.reasons)
    assert "muutetulle kurssille löytyisi uusi aikataulu, mutta ei hetken" in words
    assert "R30" in words or "R29" in words, words
    assert "lukit" not in words
