"""Staff hours with participants, as Appendix 1 and 2 of the standard count them (R20, R26, R27).

Computed from a timetable alone (never from the solver): a session's staff hours are its length
times the number of different staff members in it, for group, small-group and individual
sessions; meals, transfers, breaks and staff meetings do not count. A session whose staff changed
while it was under way (a re-plan's split at --now) counts each part by its own minutes: each
person is credited with the minutes they were there.

Appendix 1 splits the 41 h minimum into lines: one staff member for the whole-group programme
(5 days x 5 h), the second person of the small groups, of the opening and of the closing
discussion (2 h each), and the individual interviews (10 x 1 h). `hours_table` computes the same
lines from any timetable, then each staff group's share against the standard's band (Appendix
2) and each person's hours against their role's minimum and their own maximum.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import groupby

from models.base import STAFF_HOURS_KINDS, Purpose, SessionKind, StaffGroup
from models.course import Course
from models.standard import Standard
from models.timetable import Session, Timetable


def percent(part: int, total: int) -> float:
    return 100.0 * part / total if total else 0.0


def unique_staff(session: Session) -> tuple[str, ...]:
    """The session's staff, each person once (a person listed twice works once)."""
    return tuple(dict.fromkeys(session.staff))


def counted_minutes(session: Session) -> int:
    """R26: the session's staff minutes with participants (length x number of staff; a session
    split while under way counts each part's staff by the part's minutes)."""
    if session.kind not in STAFF_HOURS_KINDS:
        return 0
    return sum(minutes * staff for minutes, staff in staff_segments([session]))


def staff_segments(sessions: Iterable[Session]) -> list[tuple[int, int]]:
    """(minutes, number of staff) for each stretch in which the staff of sessions held side by
    side (small-group halves) stay the same: a session split at a re-plan's now has two."""
    sessions = list(sessions)
    cuts = sorted({m for s in sessions for p in s.staff_parts() for m in (p.start, p.end)})
    segments = []
    for start, end in itertools.pairwise(cuts):
        staff = [
            len(dict.fromkeys(p.staff))
            for s in sessions
            for p in s.staff_parts()
            if p.start <= start and end <= p.end
        ]
        if staff:
            segments.append((end - start, sum(staff)))
    return segments


def own_part(session: Session, staff_id: str) -> Session:
    """The session as one staff member was in it: a session split while under way (a re-plan's
    handover at --now) from their first part's start to their last part's end."""
    span = session.span_of(staff_id)
    if not session.parts or span is None:
        return session
    return session.model_copy(update={"start": span[0], "end": span[1], "parts": ()})


@dataclass(frozen=True)
class HoursLine:
    """One line of Appendix 1: what the timetable gives, beside the standard's minimum."""

    key: str
    minutes: int
    standard_minutes: int | None
    subtotal: bool = False


@dataclass(frozen=True)
class GroupHours:
    """One staff group's hours and share of the total, against its band (R27, Appendix 2)."""

    group: StaffGroup
    minutes: int
    total_minutes: int
    band_percent: tuple[int, int]
    band_minutes: tuple[float, float]

    @property
    def share_percent(self) -> float:
        return percent(self.minutes, self.total_minutes)

    @property
    def within(self) -> bool:
        low, high = self.band_minutes
        return low <= self.minutes <= high

    @property
    def whole_band_minutes(self) -> tuple[int, int]:
        """The band in whole minutes (staff time is whole minutes): least and most allowed."""
        low, high = self.band_minutes
        return math.ceil(low), math.floor(high)


@dataclass(frozen=True)
class PersonHours:
    """One staff member's hours with participants (R20 minimum, their own maximum)."""

    staff_id: str
    name: str
    role: str
    group: StaffGroup
    group_minutes: int
    individual_minutes: int
    total_minutes: int
    min_minutes: int | None
    max_minutes: int | None

    @property
    def minutes(self) -> int:
        return self.group_minutes + self.individual_minutes

    @property
    def share_percent(self) -> float:
        return percent(self.minutes, self.total_minutes)

    @property
    def within(self) -> bool:
        above_min = self.min_minutes is None or self.minutes >= self.min_minutes
        below_max = self.max_minutes is None or self.minutes <= self.max_minutes
        return above_min and below_max


@dataclass(frozen=True)
class HoursTable:
    """Appendix 1 lines, Appendix 2 group shares and per-person hours of one timetable."""

    lines: tuple[HoursLine, ...]
    groups: tuple[GroupHours, ...]
    people: tuple[PersonHours, ...]
    total_minutes: int
    min_total_minutes: int

    def line(self, key: str) -> HoursLine:
        return next(line for line in self.lines if line.key == key)

    def group(self, group: StaffGroup) -> GroupHours:
        return next(g for g in self.groups if g.group == group)

    def person(self, staff_id: str) -> PersonHours:
        return next(p for p in self.people if p.staff_id == staff_id)

    @property
    def minutes_by_group(self) -> dict[StaffGroup, int]:
        return {g.group: g.minutes for g in self.groups}


def judge_shares(
    standard: Standard, minutes_by_group: Mapping[StaffGroup, int]
) -> tuple[GroupHours, ...]:
    """R27: each staff group's minutes against its band of the actual total.

    The band is the standard's percentages of the total, rounded to whole hours halves up, as
    the standard itself writes "60-70 % eli 25-29 tuntia" for 41 h.
    """
    total = sum(minutes_by_group.values())
    result = []
    for group in StaffGroup:
        band = standard.staff_hours.shares.get(group)
        if band is None:
            continue
        result.append(
            GroupHours(
                group=group,
                minutes=minutes_by_group.get(group, 0),
                total_minutes=total,
                band_percent=(band.min_percent, band.max_percent),
                band_minutes=standard.share_bounds_minutes(group, total),
            )
        )
    return tuple(result)


def small_group_units(sessions: Iterable[Session]) -> list[list[Session]]:
    """Small-group halves side by side: those of one spec (or title) at the same time."""

    def key(s: Session) -> tuple[str, str, int, int]:
        return (s.spec or s.title, s.date.isoformat(), s.start, s.end)

    halves = sorted((s for s in sessions if s.kind == SessionKind.SMALL_GROUP), key=key)
    return [list(group) for _, group in groupby(halves, key=key)]


def _appendix_lines(sessions: tuple[Session, ...], standard: Standard) -> tuple[HoursLine, ...]:
    programme = small_second = opening_second = closing_second = group_extra = 0
    for session in sessions:
        if session.kind != SessionKind.GROUP:
            continue
        for minutes, staff in staff_segments([session]):
            programme += minutes * min(staff, 1)
            extra = minutes * max(staff - 1, 0)
            if session.purpose == Purpose.OPENING:
                opening_second += extra
            elif session.purpose == Purpose.CLOSING:
                closing_second += extra
            else:
                group_extra += extra
    for unit in small_group_units(sessions):
        for minutes, staff in staff_segments(unit):
            programme += minutes * min(staff, 1)
            small_second += minutes * max(staff - 1, 0)
    interviews = other_individual = 0
    for session in sessions:
        if session.kind == SessionKind.INDIVIDUAL:
            if session.purpose == Purpose.INTERVIEW:
                interviews += counted_minutes(session)
            else:
                other_individual += counted_minutes(session)

    def second_person(purpose: Purpose) -> int:
        spec = next((s for s in standard.mandatory_sessions if s.purpose == purpose), None)
        if spec is None:
            return 0
        return standard.group_discussion_average_minutes * max(spec.staff - 1, 0)

    standard_lines = {
        "programme": standard.programme.min_total_minutes,
        "small_group_second": standard.small_group_min_minutes
        * max(standard.small_group_halves - 1, 0),
        "opening_second": second_person(Purpose.OPENING),
        "closing_second": second_person(Purpose.CLOSING),
        "interviews": standard.participants * standard.individual_average_minutes,
    }
    group_total = programme + small_second + opening_second + closing_second + group_extra
    standard_group = sum(
        standard_lines[k]
        for k in ("programme", "small_group_second", "opening_second", "closing_second")
    )
    return (
        HoursLine("programme", programme, standard_lines["programme"]),
        HoursLine("small_group_second", small_second, standard_lines["small_group_second"]),
        HoursLine("opening_second", opening_second, standard_lines["opening_second"]),
        HoursLine("closing_second", closing_second, standard_lines["closing_second"]),
        HoursLine("group_extra", group_extra, None),
        HoursLine("group_total", group_total, standard_group, subtotal=True),
        HoursLine("interviews", interviews, standard_lines["interviews"]),
        HoursLine("individual_other", other_individual, None),
        HoursLine(
            "individual_total",
            interviews + other_individual,
            standard_lines["interviews"],
            subtotal=True,
        ),
        HoursLine(
            "total",
            group_total + interviews + other_individual,
            standard.staff_hours.min_total_minutes,
            subtotal=True,
        ),
    )


def hours_table(
    timetable: Timetable, standard: Standard, course: Course | None = None
) -> HoursTable:
    """The hours table of Appendix 1 and 2 for any timetable (also one that breaks the rules).

    Staff ids a session names but the timetable does not list count in the Appendix 1 lines but
    in no group or person (the checker reports them under R29).
    """
    course = course or timetable.to_course(standard)
    sessions = timetable.sessions
    group_minutes: dict[str, int] = {m.id: 0 for m in course.staff}
    individual_minutes: dict[str, int] = {m.id: 0 for m in course.staff}
    for session in sessions:
        if session.kind not in STAFF_HOURS_KINDS:
            continue
        target = individual_minutes if session.kind == SessionKind.INDIVIDUAL else group_minutes
        for staff_id in unique_staff(session):
            if staff_id in target:
                target[staff_id] += session.minutes_of(staff_id)
    by_group: dict[StaffGroup, int] = dict.fromkeys(StaffGroup, 0)
    for member in course.staff:
        by_group[course.group_of(member)] += (
            group_minutes[member.id] + individual_minutes[member.id]
        )
    total = sum(by_group.values())
    team_roles = standard.team.roles
    # A team place a re-plan's stand-in shares with whom they replace has its minimum for the
    # two together (R20 judges the place), not for each of them.
    shared = {
        m.id for members in course.team_places().values() if len(members) > 1 for m in members
    }
    people = tuple(
        PersonHours(
            staff_id=member.id,
            name=member.name,
            role=member.role,
            group=course.group_of(member),
            group_minutes=group_minutes[member.id],
            individual_minutes=individual_minutes[member.id],
            total_minutes=total,
            min_minutes=(
                team_roles[member.role].min_minutes
                if course.group_of(member) == StaffGroup.TEAM
                and member.role in team_roles
                and member.id not in shared
                else None
            ),
            max_minutes=member.max_minutes,
        )
        for member in course.staff
    )
    return HoursTable(
        lines=_appendix_lines(sessions, standard),
        groups=judge_shares(standard, by_group),
        people=people,
        total_minutes=total,
        min_total_minutes=standard.staff_hours.min_total_minutes,
    )
