"""Property: on any edit of a valid timetable the checker never crashes, and where it judges a
rule that this file can recompute simply (R3, R4, R26, R29's staff part) it agrees with the
recomputation, both ways.

The edits move sessions (another day, earlier or later), put someone else in a staff place,
swap the staff of two sessions, remove sessions, let a participant leave (a re-plan's fact,
with or without taking them off later sessions), and now and then list a staff member twice
(inconsistent course data: the only case where the checker may refuse with
UncheckableTimetable).
"""

from __future__ import annotations

import os
from collections import defaultdict
from datetime import date, datetime, time, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.base import SessionKind
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import UncheckableTimetable, check

DAY_END = 24 * 60

edits = st.lists(
    st.one_of(
        st.tuples(
            st.just("move"),
            st.integers(0, 10_000),
            st.integers(-1, 5),
            st.integers(-16, 16).map(lambda n: n * 15),
        ),
        st.tuples(st.just("restaff"), st.integers(0, 10_000), st.integers(0, 10_000)),
        st.tuples(st.just("swap"), st.integers(0, 10_000), st.integers(0, 10_000)),
        st.tuples(st.just("remove"), st.integers(0, 10_000)),
        st.tuples(st.just("duplicate_staff"), st.integers(0, 10_000)),
        st.tuples(
            st.just("leave"),
            st.integers(0, 10_000),
            st.integers(0, 4),
            st.integers(7 * 4, 17 * 4).map(lambda n: n * 15),
            st.booleans(),
        ),
    ),
    min_size=1,
    max_size=6,
)


def apply(timetable: Timetable, edit: tuple) -> Timetable:
    kind, *args = edit
    sessions = list(timetable.sessions)
    roster = [m.id for m in timetable.staff]
    if kind == "duplicate_staff":
        twice = timetable.staff[args[0] % len(timetable.staff)]
        return timetable.model_copy(update={"staff": (*timetable.staff, twice)})
    if kind == "leave":
        return leave(timetable, *args)
    if not sessions:
        return timetable
    i = args[0] % len(sessions)
    session = sessions[i]
    if kind == "move":
        _, day, shift = args
        days = timetable.days
        # -1 and 5: a day before or after the course (not a course day)
        target = (
            days[day]
            if 0 <= day < len(days)
            else days[0].fromordinal(
                (days[0] if day < 0 else days[-1]).toordinal() + (-1 if day < 0 else 1)
            )
        )
        start = min(max(session.start + shift, 0), DAY_END - session.minutes)
        sessions[i] = session.model_copy(
            update={"date": target, "start": start, "end": start + session.minutes}
        )
    elif kind == "restaff" and session.staff:
        _, pick = args
        staff = list(session.staff)
        staff[pick % len(staff)] = roster[pick % len(roster)]
        sessions[i] = session.model_copy(update={"staff": tuple(staff)})
    elif kind == "swap":
        j = args[1] % len(sessions)
        other = sessions[j]
        sessions[i] = session.model_copy(update={"staff": other.staff})
        sessions[j] = other.model_copy(update={"staff": session.staff})
    elif kind == "remove":
        del sessions[i]
    return timetable.model_copy(update={"sessions": tuple(sessions)})


def leave(timetable: Timetable, pick: int, day: int, minute: int, strip: bool) -> Timetable:
    """A participant leaves at a moment; with `strip`, they are taken off every session from
    then on (their own individual sessions cancelled), as a re-plan does."""
    participant = timetable.participants[pick % len(timetable.participants)]
    moment = datetime.combine(timetable.days[day], time()) + timedelta(minutes=minute)
    people = tuple(
        p.model_copy(update={"leaves": moment}) if p == participant else p
        for p in timetable.participants
    )
    sessions = []
    for s in timetable.sessions:
        starts = datetime.combine(s.date, time()) + timedelta(minutes=s.start)
        if strip and starts >= moment and participant.id in s.participants:
            rest = tuple(x for x in s.participants if x != participant.id)
            if s.kind == SessionKind.INDIVIDUAL and not rest:
                continue
            s = s.model_copy(update={"participants": rest})
        sessions.append(s)
    return timetable.model_copy(update={"participants": people, "sessions": tuple(sessions)})


# -- independent recomputations (no code shared with scheduler/check.py or hours.py) -------


def overlap(a: Session, b: Session) -> bool:
    return a.date == b.date and a.start < b.end and b.start < a.end


def staff_conflicts(timetable: Timetable) -> list[str]:
    """R29 for staff: unknown ids, anyone in two sessions at once, work outside availability."""
    known = {m.id: m for m in timetable.staff}
    window = timetable.course.day_window
    problems = []
    for s in timetable.sessions:
        problems += [f"{s.id} names unknown {x}" for x in s.staff if x not in known]
    for staff_id, member in known.items():
        own = [s for s in timetable.sessions if staff_id in s.staff]
        for n, a in enumerate(own):
            problems += [f"{staff_id}: {a.id} and {b.id}" for b in own[n + 1 :] if overlap(a, b)]
            free = member.availability.get(a.date, (window,))
            if not any(w.start <= a.start and a.end <= w.end for w in free):
                problems.append(f"{staff_id} not available for {a.id}")
    return problems


def longest_participant_day(timetable: Timetable) -> int:
    """R3: the longest first-item-to-last span of any participant on any date, in minutes."""
    spans: dict[tuple[str, date], list[int]] = {}
    for s in timetable.sessions:
        for p in set(s.participants):
            first, last = spans.get((p, s.date), [s.start, s.end])
            spans[(p, s.date)] = [min(first, s.start), max(last, s.end)]
    return max((last - first for first, last in spans.values()), default=0)


def team_or_special_ids(timetable: Timetable, standard: Standard) -> set[str]:
    """Staff who are team members or special workers: by their stated group, else by role."""
    qualified_roles = set(standard.team.roles) | {
        role for profession in standard.special_workers.professions for role in profession.roles
    }
    return {
        m.id
        for m in timetable.staff
        if (m.group.value != "other" if m.group is not None else m.role in qualified_roles)
    }


def programme_minutes_per_day(timetable: Timetable, led_by: set[str] | None = None) -> list[int]:
    """R4: per course day, the minutes covered by staff-led group or small-group sessions
    (as a set of clock minutes, so parallel sessions count once); with `led_by`, only the
    sessions one of those staff is in."""
    covered: dict[date, set[int]] = defaultdict(set)
    for s in timetable.sessions:
        if s.kind not in (SessionKind.GROUP, SessionKind.SMALL_GROUP) or not s.participants:
            continue
        if s.staff and (led_by is None or set(s.staff) & led_by):
            covered[s.date].update(range(s.start, s.end))
    return [len(covered[day]) for day in timetable.days]


def staff_minutes(timetable: Timetable) -> int:
    """R26: length x number of different known staff, for sessions with participants."""
    known = {m.id for m in timetable.staff}
    counted = (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL)
    return sum(
        s.minutes * len(set(s.staff) & known) for s in timetable.sessions if s.kind in counted
    )


@settings(
    max_examples=int(os.environ.get("CHECK_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(edits=edits)
def test_the_checker_agrees_with_simple_recomputations(
    saved_timetable: Timetable, standard: Standard, edits: list[tuple]
) -> None:
    timetable = saved_timetable
    for edit in edits:
        timetable = apply(timetable, edit)
    ids = [m.id for m in timetable.staff]
    if len(set(ids)) != len(ids):
        try:
            check(timetable, standard)
        except UncheckableTimetable as error:
            assert "esiintyy kahdesti" in str(error)
            return
        raise AssertionError("a staff id listed twice must make the timetable uncheckable")

    report = check(timetable, standard)  # never raises on consistent course data
    assert len(report.results) == 30
    status = {r.rule: r.status for r in report.results}

    conflicts = staff_conflicts(timetable)
    if status["R29"] == "pass":
        assert not conflicts, conflicts
    if conflicts:
        assert status["R29"] == "fail", conflicts

    longest = longest_participant_day(timetable)
    if status["R3"] == "pass":
        assert longest <= standard.day_max_minutes
    if longest > standard.day_max_minutes:
        assert status["R3"] == "fail", longest

    # The standard's 5 h a day is programme "carried out by the team and/or special workers".
    led = programme_minutes_per_day(timetable, team_or_special_ids(timetable, standard))
    per_day = programme_minutes_per_day(timetable)
    low, high = standard.programme.day_min_minutes, standard.programme.day_max_minutes
    programme_ok = (
        sum(led) >= standard.programme.min_total_minutes
        and all(m >= low for m in led)
        and all(m <= high for m in per_day)
    )
    assert (status["R4"] == "pass") == programme_ok, (led, per_day)

    enough = staff_minutes(timetable) >= standard.staff_hours.min_total_minutes
    assert (status["R26"] == "pass") == enough, staff_minutes(timetable)

    if not edits_changed(saved_timetable, timetable):
        assert report.passed
    for result in report.results:
        assert result.reasons and all(isinstance(r, str) for r in result.reasons), result.rule


def edits_changed(before: Timetable, after: Timetable) -> bool:
    return (
        before.sessions != after.sessions
        or before.staff != after.staff
        or before.participants != after.participants
    )
