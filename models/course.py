"""One course week as the course manager describes it: people, rooms, programme, wishes."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field, model_validator

from models.base import (
    DAY_MINUTES,
    MAX_DAYS,
    MAX_PARTICIPANTS,
    MAX_PROGRAMME,
    MAX_ROOMS,
    MAX_STAFF,
    MAX_WINDOWS,
    WEEK_MINUTES,
    CourseDate,
    Frozen,
    Id,
    Language,
    Problem,
    StaffGroup,
    Window,
    day_dates,
)
from models.standard import SessionSpec, Standard


class CourseForm(StrEnum):
    OUTPATIENT = "outpatient"
    INPATIENT = "inpatient"


class Lunch(Frozen):
    """R8: every course day has a lunch of `minutes` inside `window`."""

    window: Window
    minutes: int = Field(gt=0, le=180)


class DayBounds(Frozen):
    min_minutes: int = Field(ge=0, le=DAY_MINUTES)
    max_minutes: int = Field(ge=0, le=DAY_MINUTES)


class CourseInfo(Frozen):
    title: str
    standard: str
    first_day: CourseDate
    form: CourseForm = CourseForm.OUTPATIENT
    day_window: Window
    lunch: Lunch
    slot_minutes: int = Field(default=15, ge=5, le=60)
    language: Language = "fi"
    programme_day: DayBounds | None = Field(
        default=None, description="R4: daily programme bounds; default: the standard's"
    )

    @model_validator(mode="after")
    def _lunch_inside_day(self) -> CourseInfo:
        if not self.day_window.contains(self.lunch.window.start, self.lunch.window.end):
            raise Problem("lunch_window", window=str(self.lunch.window), day=str(self.day_window))
        if self.lunch.minutes > self.lunch.window.minutes:
            raise Problem(
                "lunch_minutes", minutes=self.lunch.minutes, window=str(self.lunch.window)
            )
        if self.language not in ("fi", "en"):
            raise Problem("language", language=self.language)
        return self


class StaffExperience(Frozen):
    """R21 facts, within the standard's window of years."""

    rheumatology_years: float | None = Field(default=None, ge=0, le=100)
    rheumatology_hours: float | None = Field(default=None, ge=0, le=1_000_000)
    group_leading_hours: float | None = Field(default=None, ge=0, le=1_000_000)


# Per date the windows of a person or room (a course has at most MAX_DAYS days).
DayWindows = Annotated[
    dict[date, Annotated[tuple[Window, ...], Field(max_length=MAX_WINDOWS)]],
    Field(max_length=MAX_DAYS),
]


class StaffMember(Frozen):
    id: Id
    name: str = ""
    role: str
    group: StaffGroup | None = Field(default=None, description="derived from the role if absent")
    course_lead: bool = False
    availability: DayWindows = Field(
        default_factory=dict,
        description="per date the windows they can work; a date absent = the whole day window; "
        "an empty list = not available that day",
    )
    max_minutes: int | None = Field(default=None, ge=0, le=WEEK_MINUTES)
    experience: StaffExperience = StaffExperience()
    replaces: Id | None = Field(
        default=None,
        description="a re-plan's stand-in: the staff member whose place (and R20 hours) they take",
    )

    @property
    def label(self) -> str:
        return self.name or self.id


class Participant(Frozen):
    id: Id
    name: str | None = Field(default=None, description="never shown unless asked for")
    small_group: Literal["A", "B"] | None = None
    unavailable: DayWindows = Field(
        default_factory=dict, description="e.g. a late arrival; individual sessions avoid these"
    )
    leaves: datetime | None = Field(
        default=None, description="left the course at this moment (a re-plan's change)"
    )

    def present_at(self, moment: datetime) -> bool:
        return self.leaves is None or moment < self.leaves


class Room(Frozen):
    id: Id
    name: str = ""
    kind: str
    capacity: int = Field(default=12, ge=1, le=1000)
    offsite_minutes: int = Field(
        default=0, ge=0, le=DAY_MINUTES, description="one-way transfer time (R30)"
    )
    offsite_km: float | None = Field(default=None, ge=0, le=10_000)
    unavailable: DayWindows = Field(
        default_factory=dict, description="times the room cannot be used (R29, R30)"
    )

    @property
    def offsite(self) -> bool:
        return self.offsite_minutes > 0


# A weight far above any that tips the balance between the wishes, well inside the solver's
# integer range however many minutes it multiplies.
MAX_WEIGHT = 10_000


class Preferences(Frozen):
    """Soft wishes with weights: 0 switches one off. Each weighted preference counts an amount
    in its own unit (its field's "unit": minutes, days, sessions, participants, places of the
    team); its penalty is the amount times the weight."""

    balanced_days: int = Field(
        default=1,
        ge=0,
        le=MAX_WEIGHT,
        description="per minute a day's programme is off 5 h",
        json_schema_extra={"unit": "minutes"},
    )
    no_idle_gaps: int = Field(
        default=1,
        ge=0,
        le=MAX_WEIGHT,
        description="per minute of idle time in a group day",
        json_schema_extra={"unit": "minutes"},
    )
    physician_lectures_early: int = Field(
        default=30,
        ge=0,
        le=MAX_WEIGHT,
        description="per course day a lecture is later than day 1",
        json_schema_extra={"unit": "days"},
    )
    no_pool_after_lunch: int = Field(
        default=60,
        ge=0,
        le=MAX_WEIGHT,
        description="per off-site session starting within the gap after lunch",
        json_schema_extra={"unit": "sessions"},
    )
    pool_after_lunch_gap_minutes: int = Field(default=60, ge=0, le=DAY_MINUTES)
    balanced_small_groups: int = Field(
        default=60,
        ge=0,
        le=MAX_WEIGHT,
        description="per participant by which the two small groups are uneven (R7 asks for "
        "two small groups, not equal ones)",
        json_schema_extra={"unit": "participants"},
    )
    whole_team_meeting: int = Field(
        default=120,
        ge=0,
        le=MAX_WEIGHT,
        description="per place of the team missing from the team meeting (R28 asks the team "
        "members to meet; the whole team is the habit, not the rule)",
        json_schema_extra={"unit": "places"},
    )
    staff_meeting_midweek: int = Field(
        default=30,
        ge=0,
        le=MAX_WEIGHT,
        description="per team meeting held on the first or the last course day (R28 names no "
        "day; mid-week the team has the participants' progress to talk over)",
        json_schema_extra={"unit": "sessions"},
    )
    goal_review_midweek: int = Field(
        default=30,
        ge=0,
        le=MAX_WEIGHT,
        description="per goal review held on the day the goals are set or on the last course "
        "day (R17: an interim review; the closing discussion reviews the goals at the end)",
        json_schema_extra={"unit": "sessions"},
    )
    avoid_absences: int = Field(
        default=200,
        ge=0,
        description="per opening, closing or measures session held while a participant is "
        "known to be away (they are for everyone; the absence is the participant's, so the "
        "timetable avoids it when the rules allow)",
        json_schema_extra={"unit": "sessions"},
    )
    replan_notice_minutes: int = Field(
        default=60,
        ge=0,
        le=7 * 24 * 60,
        description="a re-plan's notice: nothing newly starts, moves or changes staff within "
        "this many minutes after its now unless the change forces it (resolve --notice)",
    )
    exact_shares: int = Field(
        default=60,
        ge=0,
        le=MAX_WEIGHT,
        description=(
            "per minute a staff group's hours lie outside the standard's exact percentages "
            "(R27 also accepts their rounding to whole hours; inside the exact band reads right "
            "to everyone)"
        ),
        json_schema_extra={"unit": "minutes"},
    )


def preference_unit(name: str) -> str:
    """The unit a weighted preference counts in ('minutes' for no_idle_gaps)."""
    extra = Preferences.model_fields[name].json_schema_extra
    assert isinstance(extra, dict), f"{name} is not a weighted preference"
    return str(extra["unit"])


def weighted_preferences() -> tuple[str, ...]:
    """The names of the preferences that carry a weight (the others are their settings)."""
    return tuple(
        name
        for name, info in Preferences.model_fields.items()
        if isinstance(info.json_schema_extra, dict) and "unit" in info.json_schema_extra
    )


class Course(Frozen):
    """A course week with its standard resolved: everything the solver and the checker need."""

    standard: Standard
    info: CourseInfo
    staff: tuple[StaffMember, ...] = Field(max_length=MAX_STAFF)
    participants: tuple[Participant, ...] = Field(max_length=MAX_PARTICIPANTS)
    rooms: tuple[Room, ...] = Field(max_length=MAX_ROOMS)
    programme: tuple[SessionSpec, ...] = Field(max_length=MAX_PROGRAMME)
    preferences: Preferences = Preferences()

    @model_validator(mode="after")
    def _unique_ids(self) -> Course:
        for ids in (
            [s.id for s in self.staff],
            [p.id for p in self.participants],
            [r.id for r in self.rooms],
            [s.id for s in self.sessions],
        ):
            seen: set[str] = set()
            for item_id in ids:
                if item_id in seen:
                    raise Problem("id_twice", id=item_id)
                seen.add(item_id)
        return self

    @cached_property
    def days(self) -> tuple[date, ...]:
        return day_dates(self.info.first_day, self.standard.days.count)

    @property
    def sessions(self) -> tuple[SessionSpec, ...]:
        """Every session spec to hold: the standard's mandatory ones, then the programme."""
        return self.standard.mandatory_sessions + self.programme

    def group_of(self, member: StaffMember) -> StaffGroup:
        return member.group or self.standard.default_group_of(member.role)

    def staff_in(self, group: StaffGroup) -> tuple[StaffMember, ...]:
        return tuple(s for s in self.staff if self.group_of(s) == group)

    def position_of(self, member: StaffMember) -> str:
        """The team place a member holds: their own id, or that of whom they replace (R20)."""
        seen = {member.id}
        while member.replaces and member.replaces not in seen:
            seen.add(member.replaces)
            replaced = next((s for s in self.staff if s.id == member.replaces), None)
            if replaced is None:
                return member.replaces
            member = replaced
        return member.id

    def team_places(self) -> dict[str, list[StaffMember]]:
        """R20: the team's places and who fills each: a member's own place, shared with a
        re-plan's stand-in who takes it over (their hours add up; the place counts once)."""
        places: dict[str, list[StaffMember]] = {}
        for member in self.staff_in(StaffGroup.TEAM):
            places.setdefault(self.position_of(member), []).append(member)
        return places

    def member(self, staff_id: str) -> StaffMember:
        return next(s for s in self.staff if s.id == staff_id)

    def room(self, room_id: str) -> Room:
        return next(r for r in self.rooms if r.id == room_id)

    def available_windows(self, member: StaffMember, day: date) -> tuple[Window, ...]:
        """R29: the windows a staff member can work on a course day (the day window if unsaid)."""
        if day in member.availability:
            return member.availability[day]
        return (self.info.day_window,)

    @property
    def programme_day_bounds(self) -> tuple[int, int]:
        bounds = self.info.programme_day
        if bounds is None:
            return (
                self.standard.programme.day_min_minutes,
                self.standard.programme.day_max_minutes,
            )
        return (bounds.min_minutes, bounds.max_minutes)

    def may_lead(self, member: StaffMember, spec: SessionSpec) -> bool:
        """Whether a staff member is one of the people a session spec allows."""
        if not spec.leaders:
            return True
        return member.role in spec.leaders or self.group_of(member).value in spec.leaders

    def transfer_minutes(self, room: Room) -> int:
        """Off-site travel one way, rounded up to the slot grid (the timetable is on slots)."""
        slot = self.info.slot_minutes
        return -(-room.offsite_minutes // slot) * slot

    def with_changes(self, **changes: object) -> Course:
        """A copy with some fields replaced, validated again."""
        data = {name: getattr(self, name) for name in type(self).model_fields}
        data.update(changes)
        return Course(**data)
