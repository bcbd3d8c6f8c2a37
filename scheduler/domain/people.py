"""Who people are and when they and rooms can be used: the one person listed twice across staff
groups (R25); a person's working windows on a course day, the minutes they add up to, the days
someone is not there all day, and the free parts of a day (R29)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from models.base import StaffGroup, TimeWindow
from models.course import Course, Participant, StaffMember
from models.timetable import Session

Span = tuple[int, int]  # [start, end) in clock minutes


def acting_twice(course: Course) -> list[tuple[StaffMember, StaffMember]]:
    """R25: other staff who also act as a team member or special worker, each with that entry.

    §7.3 speaks of a person, not a profession: a person is one staff entry, and the same name
    (case and spaces aside) on an other-staff entry and on a team or special-worker entry is
    the same person twice.
    """
    acting = {
        member.name.strip().casefold(): member
        for member in course.staff
        if course.group_of(member) != StaffGroup.OTHER and member.name.strip()
    }
    return [
        (member, acting[member.name.strip().casefold()])
        for member in course.staff
        if course.group_of(member) == StaffGroup.OTHER and member.name.strip().casefold() in acting
    ]


def windows_on(course: Course, member: StaffMember, day: date) -> list[Span]:
    """A staff member's working windows on a date, clipped to the day window, in order."""
    span = course.info.day_window
    result = []
    for window in course.available_windows(member, day):
        start, end = max(window.start, span.start), min(window.end, span.end)
        if end > start:
            result.append((start, end))
    return sorted(result)


def merged(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans joined into one."""
    result: list[list[int]] = []
    for start, end in sorted(spans):
        if result and start <= result[-1][1]:
            result[-1][1] = max(result[-1][1], end)
        else:
            result.append([start, end])
    return [(start, end) for start, end in result]


def available_minutes(
    course: Course, member: StaffMember, days: Iterable[int], shortest: int = 0
) -> int:
    """Minutes a staff member can work on some course days (0-based), counting only stretches
    that fit a session of at least `shortest` minutes."""
    total = 0
    for index in days:
        spans = merged(windows_on(course, member, course.days[index]))
        total += sum(end - start for start, end in spans if end - start >= max(shortest, 1))
    return total


def restricted_days(course: Course, member: StaffMember) -> list[int]:
    """Course days (0-based) on which a staff member is not there for the whole day window."""
    whole = course.info.day_window.minutes
    return [
        index
        for index in range(len(course.days))
        if available_minutes(course, member, [index]) < whole
    ]


def complement(windows: Iterable[TimeWindow], day: TimeWindow) -> tuple[TimeWindow, ...]:
    """The parts of the day window not covered by the given windows (e.g. a participant's
    known absences turned into the times they are there)."""
    free, cursor = [], day.start
    for window in sorted(windows, key=lambda w: w.start):
        if window.start > cursor:
            free.append(TimeWindow(start=cursor, end=min(window.start, day.end)))
        cursor = max(cursor, window.end)
    if cursor < day.end:
        free.append(TimeWindow(start=cursor, end=day.end))
    return tuple(free)


def away_during(participant: Participant | None, session: Session) -> list[TimeWindow]:
    """A participant's known absences (late arrival, an appointment) that overlap a session:
    the session they miss, in part or whole."""
    if participant is None:
        return []
    windows = participant.unavailable.get(session.date, ())
    return [w for w in windows if session.start < w.end and w.start < session.end]
