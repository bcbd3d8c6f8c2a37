"""A Kela standard as data: every number of rules.md (R1-R30) lives in an instance of `Standard`.

Another Kela course type is another data file, not a code change.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from models.base import MAX_DAYS, Frozen, Id, Problem, Purpose, SessionKind, StaffGroup, Text

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


class SessionSpec(Frozen):
    """A kind of session to hold: the standard's mandatory ones and a course's own programme."""

    id: Id
    title: Text
    kind: SessionKind
    minutes: int = Field(gt=0, le=600)
    count: int = Field(
        default=1, ge=1, le=50, description="occurrences; for individual: per participant"
    )
    staff: int = Field(
        default=1,
        ge=0,
        le=20,
        description="staff per occurrence (per half: small_group); for the team meeting, the "
        "fewest team members who make it a meeting",
    )
    leaders: tuple[str, ...] = Field(
        default=(), description="role ids or staff groups who may lead it; empty = anyone"
    )
    required_roles: tuple[str, ...] = Field(
        default=(), description="at least one staff member of each of these roles takes part"
    )
    rooms: tuple[str, ...] = Field(default=(), description="room kinds; empty = needs no room")
    days: tuple[Annotated[int, Field(ge=-MAX_DAYS, le=MAX_DAYS)], ...] = Field(
        default=(),
        max_length=MAX_DAYS,
        description="allowed course days, 1-based; -1 is the last day; empty = any",
    )
    purpose: Purpose | None = None
    theme: str | None = None
    interruptible: bool = False
    after: str | None = Field(
        default=None,
        description="starts after the session of this id ends: an individual session after the "
        "same participant's, a group session after every occurrence of it",
    )

    @model_validator(mode="after")
    def _consistent(self) -> SessionSpec:
        if self.kind == SessionKind.STAFF_MEETING and self.theme:
            raise Problem("meeting_theme")
        if self.kind not in (SessionKind.STAFF_MEETING,) and self.staff < 1:
            raise Problem("no_staff")
        if 0 in self.days:
            raise Problem("day_zero")
        return self

    def allowed_days(self, day_count: int) -> tuple[int, ...]:
        """The 0-based day indices this session may be on."""
        if not self.days:
            return tuple(range(day_count))
        resolved = {d - 1 if d > 0 else day_count + d for d in self.days}
        return tuple(sorted(d for d in resolved if 0 <= d < day_count))


class RoleLimit(Frozen):
    count: int = Field(ge=1)
    min_minutes: int = Field(ge=0)


class Team(Frozen):
    """R20/R22: the team's roles, how many of each, and each member's minimum hours."""

    size: int
    roles: dict[str, RoleLimit]
    physician_role: str
    course_lead_required: bool = True

    @model_validator(mode="after")
    def _size_matches(self) -> Team:
        if sum(r.count for r in self.roles.values()) != self.size:
            raise Problem("team_size")
        if self.physician_role not in self.roles:
            raise Problem("physician_role")
        return self


class Profession(Frozen):
    id: str
    title: Text
    roles: tuple[str, ...]


class SpecialWorkers(Frozen):
    """R24: at least `min_count` people of different professions from an exhaustive list."""

    min_count: int
    professions: tuple[Profession, ...]

    def profession_of(self, role: str) -> str | None:
        for profession in self.professions:
            if role in profession.roles:
                return profession.id
        return None

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(r for p in self.professions for r in p.roles)


class ShareBand(Frozen):
    min_percent: int = Field(ge=0, le=100)
    max_percent: int = Field(ge=0, le=100)


class StaffHours(Frozen):
    """R26/R27: total staff hours with participants and each staff group's share of them."""

    min_total_minutes: int
    shares: dict[StaffGroup, ShareBand]
    # The standard writes the bands both in percent and in whole hours of the 41 h minimum
    # ("60-70 % eli 25-29 tuntia"); 29 of 41 h is 70.7 %, so the hours are the percentages
    # rounded to the nearest whole hour. We apply the same rounding to any total.
    round_to_minutes: int = 60


class Experience(Frozen):
    """R21: experience facts about the team (checked, not scheduled)."""

    window_years: int
    physician_min_years: float
    other_member_min_rheumatology_hours: float
    non_physician_min_group_leading_hours: float


class Theme(Frozen):
    id: str
    title: Text
    leaders: tuple[str, ...] = Field(description="roles or staff groups who may lead it")


class Rooms(Frozen):
    """R30: the room kinds the provider must have, and how far an off-site room may be."""

    required: dict[str, int]
    offsite_kinds: tuple[str, ...] = ()
    offsite_max_minutes: int
    offsite_max_km: float


class Days(Frozen):
    """R2: how many course days, on which weekdays, in one period."""

    count: int = Field(ge=1)
    weekdays: tuple[str, ...]
    consecutive: bool = True

    @model_validator(mode="after")
    def _known_weekdays(self) -> Days:
        unknown = [w for w in self.weekdays if w not in WEEKDAYS]
        if unknown:
            raise Problem("weekdays", unknown=", ".join(unknown), known=", ".join(WEEKDAYS))
        return self

    def allows_weekday(self, weekday_index: int) -> bool:
        return WEEKDAYS[weekday_index] in self.weekdays


class Programme(Frozen):
    """R4: staff-led programme in total and the default daily bounds (a course may set its own)."""

    min_total_minutes: int
    day_min_minutes: int
    day_max_minutes: int


class Standard(Frozen):
    id: str
    title: Text
    valid_from: str
    participants: int = Field(ge=1, description="R1")
    relatives: bool = Field(description="R1: whether relatives take part")
    days: Days
    day_max_minutes: int = Field(description="R3")
    programme: Programme
    individual_average_minutes: int = Field(description="R5")
    group_discussion_average_minutes: int = Field(description="R6")
    small_group_min_minutes: int = Field(description="R7")
    small_group_halves: int = 2
    lunch_required: bool = Field(description="R8")
    themes: tuple[Theme, ...] = Field(description="R9")
    measures: tuple[str, ...] = Field(description="R11: mandatory measures")
    gas_goal_deadline_day: int = Field(description="R15: first goal set by the end of this day")
    team: Team
    experience: Experience
    special_workers: SpecialWorkers
    staff_hours: StaffHours
    rooms: Rooms
    mandatory_sessions: tuple[SessionSpec, ...]
    # Sessions an interview may never overlap (R16), besides small-group work.
    never_interrupted: tuple[Purpose, ...] = (Purpose.OPENING, Purpose.CLOSING, Purpose.LECTURE)

    @model_validator(mode="after")
    def _references(self) -> Standard:
        theme_ids = {t.id for t in self.themes}
        for spec in self.mandatory_sessions:
            if spec.theme and spec.theme not in theme_ids:
                raise Problem("standard_theme", session=spec.id, theme=spec.theme)
        return self

    @property
    def team_roles(self) -> frozenset[str]:
        return frozenset(self.team.roles)

    def theme(self, theme_id: str) -> Theme | None:
        return next((t for t in self.themes if t.id == theme_id), None)

    def default_group_of(self, role: str) -> StaffGroup:
        """The staff group a role serves in unless the course file says otherwise."""
        if role in self.team.roles:
            return StaffGroup.TEAM
        if role in self.special_workers.roles:
            return StaffGroup.SPECIAL
        return StaffGroup.OTHER

    def known_roles(self) -> frozenset[str]:
        return self.team_roles | self.special_workers.roles

    def share_bounds_minutes(self, group: StaffGroup, total_minutes: int) -> tuple[float, float]:
        """R27: the least and most minutes a staff group may give of a total.

        The standard writes each band twice, in percent and in whole hours of the 41 h minimum
        ("60-70 % eli 25-29 tuntia"), and 29 of 41 h is 70.7 %. The hours are the percentages
        rounded to whole hours, so a share is accepted if it meets either the exact percentage or
        its rounding: the rounding widens a band, it never narrows it.
        """
        band = self.staff_hours.shares[group]
        unit = self.staff_hours.round_to_minutes
        exact_min = band.min_percent * total_minutes / 100
        exact_max = band.max_percent * total_minutes / 100
        return (
            min(exact_min, rounded_share(band.min_percent, total_minutes, unit)),
            max(exact_max, rounded_share(band.max_percent, total_minutes, unit)),
        )


def rounded_share(percent: int, total_minutes: int, unit_minutes: int) -> int:
    """percent % of total, rounded to whole units, halves up; exact integer arithmetic."""
    return (percent * total_minutes + 50 * unit_minutes) // (100 * unit_minutes) * unit_minutes
