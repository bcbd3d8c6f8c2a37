"""A course week's timetable: the JSON interchange format (course-timetable/1) as a model.

It is lossless: it carries the course it was made for, so `check`, `resolve` and `export` need
nothing else.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, Literal

from pydantic import Field, model_validator

from models.base import (
    MAX_BOOKINGS,
    MAX_DAYS,
    MAX_PARTICIPANTS,
    MAX_PROGRAMME,
    MAX_ROOMS,
    MAX_SESSIONS,
    MAX_STAFF,
    Clock,
    CourseDate,
    Frozen,
    Id,
    Problem,
    Purpose,
    SessionKind,
    Text,
    day_dates,
    format_clock,
)
from models.course import (
    Course,
    CourseInfo,
    Participant,
    Preferences,
    Room,
    StaffMember,
)
from models.standard import SessionSpec, Standard

FORMAT: Final = "course-timetable/1"


class StaffPart(Frozen):
    """Who led a stretch of a session. A session whose staff changed while it was under way (a
    re-plan at --now) is split into parts at that moment, each with its own staff, so that
    hours count by the minutes each person was there."""

    start: Clock
    end: Clock
    staff: tuple[Id, ...] = Field(default=(), max_length=MAX_STAFF)
    missing: tuple[Id, ...] = Field(
        default=(),
        max_length=MAX_STAFF,
        description="staff who left without a stand-in: a shortfall accepted for the record",
    )

    @property
    def minutes(self) -> int:
        return self.end - self.start


class Session(Frozen):
    id: Id
    title: str
    titles: Text = Field(default_factory=dict, description="the title in every language known")
    kind: SessionKind
    purpose: Purpose | None = None
    theme: str | None = None
    date: CourseDate
    start: Clock
    end: Clock
    staff: tuple[Id, ...] = Field(default=(), max_length=MAX_STAFF)
    room: Id | None = None
    participants: tuple[Id, ...] = Field(default=(), max_length=MAX_PARTICIPANTS)
    interruptible: bool = False
    locked: bool = False
    lock_scope: Literal["all", "time"] = Field(
        default="all",
        description="what a lock pins: all (day, time, staff and room) or time (day and time)",
    )
    spec: str | None = Field(default=None, description="the programme item it comes from")
    small_group: Literal["A", "B"] | None = None
    parts: tuple[StaffPart, ...] = Field(
        default=(),
        max_length=24 * 60,
        description="who led which part when the staff changed while it was under way; "
        "empty: `staff` were there all through",
    )
    planned_end: Clock | None = Field(
        default=None, description="a re-plan ended it early: the end it was planned to have"
    )
    sequence: int = Field(
        default=0, ge=0, description="how many re-plans changed it (the calendars' SEQUENCE)"
    )

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.end <= self.start:
            raise Problem(
                "session_order",
                session=self.id,
                start=format_clock(self.start),
                end=format_clock(self.end),
            )
        if self.parts:
            bounds = [self.start, *(p.end for p in self.parts)]
            if (
                [p.start for p in self.parts] != bounds[:-1]
                or bounds[-1] != self.end
                or any(p.end <= p.start for p in self.parts)
            ):
                raise Problem(
                    "session_parts",
                    session=self.id,
                    start=format_clock(self.start),
                    end=format_clock(self.end),
                )
            if set(self.staff) != {s for p in self.parts for s in p.staff}:
                raise Problem("session_part_staff", session=self.id)
        return self

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def staff_parts(self) -> tuple[StaffPart, ...]:
        """Who was there when: the parts, or the whole session with its staff."""
        if self.parts:
            return self.parts
        return (StaffPart(start=self.start, end=self.end, staff=self.staff),)

    def minutes_of(self, staff_id: str) -> int:
        """The minutes a staff member was in the session (all of it unless it was split)."""
        return sum(p.minutes for p in self.staff_parts() if staff_id in p.staff)

    def span_of(self, staff_id: str) -> tuple[int, int] | None:
        """From when to when a staff member was in the session (None: not at all)."""
        own = [p for p in self.staff_parts() if staff_id in p.staff]
        return (own[0].start, own[-1].end) if own else None

    def staff_at(self, minute: int) -> tuple[str, ...]:
        """The staff there at a clock minute of the session (its last part's at the end)."""
        for part in self.staff_parts():
            if part.start <= minute < part.end:
                return part.staff
        return self.staff_parts()[-1].staff

    def overlaps(self, other: Session) -> bool:
        return self.date == other.date and self.start < other.end and other.start < self.end

    @property
    def when(self) -> str:
        return f"{self.date.isoformat()} {format_clock(self.start)}-{format_clock(self.end)}"


class PreferenceCost(Frozen):
    """What one preference costs in the timetable: its amount in its own unit (the course's
    Preferences say which), its weight, the penalty (amount x weight) it adds to the objective,
    and the amount in words in each language ("tyhjää odotusta yhteensä 2 h")."""

    name: Id
    amount: float
    unit: Literal["minutes", "days", "sessions", "participants", "places"]
    weight: int = Field(ge=0)
    penalty: float
    text: Text = Field(default_factory=dict)


class SolverInfo(Frozen):
    status: str
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    seed: int = 0
    workers: int = 1
    time_limit: float | None = None
    deterministic: bool = False
    # Each preference's cost, in the order of the course's preferences (weights of 0: none).
    preferences: tuple[PreferenceCost, ...] = Field(default=(), max_length=64)


class CourseSection(CourseInfo):
    days: tuple[CourseDate, ...] = Field(min_length=1, max_length=MAX_DAYS)

    @model_validator(mode="after")
    def _days_from_first_day(self) -> CourseSection:
        if self.days != day_dates(self.first_day, len(self.days)):
            raise Problem("days_from_first_day")
        return self


class Placement(Frozen):
    """Where and with whom a session is, as a change list shows it before and after."""

    date: date
    start: Clock
    end: Clock
    staff: tuple[str, ...] = ()
    room: str | None = None
    participants: tuple[str, ...] = ()
    parts: tuple[StaffPart, ...] = ()


class Change(Frozen):
    """One line of a re-plan's change list: what changed, before and after, and whom to tell.

    `change` joins the kinds of change with "+": added, removed, day, time, staff, room,
    participants, ended (ended early). `before`/`after` are the same facts in plain text.
    """

    session: str
    title: str
    titles: Text = Field(default_factory=dict, description="the title in every language known")
    kind: SessionKind | None = None
    change: str
    before: str | None
    after: str | None
    notify: tuple[str, ...]
    was: Placement | None = None
    becomes: Placement | None = None
    forced: bool = Field(
        default=False, description="the change could not be avoided (someone or a room gone)"
    )
    within_notice: bool = Field(
        default=False, description="it starts within the notice time after the re-plan's now"
    )


class Withdrawn(Frozen):
    """A session someone had in an earlier version and no longer has: their calendar cancels
    the event (STATUS:CANCELLED with the same UID and a higher SEQUENCE)."""

    session: str
    person: str
    title: str
    titles: Text = Field(default_factory=dict)
    date: date
    start: Clock
    end: Clock
    room: str | None = None
    sequence: int = 0


class Replan(Frozen):
    """How a re-plan made this timetable: the moment it was made at, the notice it gave and
    the versions it comes from (oldest first; the last is `previous`)."""

    now: datetime | None = None
    notice_minutes: int = 0
    versions: tuple[str, ...] = ()


class Timetable(Frozen):
    format: Literal["course-timetable/1"] = FORMAT
    standard: str
    course: CourseSection
    staff: tuple[StaffMember, ...] = Field(max_length=MAX_STAFF)
    participants: tuple[Participant, ...] = Field(max_length=MAX_PARTICIPANTS)
    rooms: tuple[Room, ...] = Field(max_length=MAX_ROOMS)
    programme: tuple[SessionSpec, ...] = Field(default=(), max_length=MAX_PROGRAMME)
    preferences: Preferences = Preferences()
    sessions: tuple[Session, ...] = Field(max_length=MAX_SESSIONS)
    solver: SolverInfo | None = None
    input_sha256: str | None = None
    tool_version: str | None = None
    previous: str | None = Field(default=None, description="the timetable this one re-plans")
    changes: tuple[Change, ...] = Field(default=(), max_length=MAX_SESSIONS)
    replan: Replan | None = None
    withdrawn: tuple[Withdrawn, ...] = Field(
        default=(),
        max_length=MAX_BOOKINGS,
        description="sessions people lost in re-plans: their calendars cancel them",
    )

    @model_validator(mode="after")
    def _bounded_bookings(self) -> Timetable:
        for field in ("staff", "participants"):
            places = sum(len(getattr(session, field)) for session in self.sessions)
            if places > MAX_BOOKINGS:
                raise Problem("bookings", field=field, count=places, most=MAX_BOOKINGS)
        return self

    @classmethod
    def for_course(
        cls, course: Course, sessions: tuple[Session, ...], **extra: object
    ) -> Timetable:
        # Each person's staff group is written out, so a reader of the file knows who is team
        # without the standard (R20, R24, R25).
        staff = tuple(m.model_copy(update={"group": course.group_of(m)}) for m in course.staff)
        return cls(
            standard=course.standard.id,
            course=CourseSection(**course.info.model_dump(), days=course.days),
            staff=staff,
            participants=course.participants,
            rooms=course.rooms,
            programme=course.programme,
            preferences=course.preferences,
            sessions=sessions,
            **extra,  # type: ignore[arg-type]
        )

    def to_course(self, standard: Standard) -> Course:
        """The course this timetable was made for (the standard is looked up by the caller)."""
        info = self.course.model_dump(exclude={"days"})
        return Course(
            standard=standard,
            info=CourseInfo(**info),
            staff=self.staff,
            participants=self.participants,
            rooms=self.rooms,
            programme=self.programme,
            preferences=self.preferences,
        )

    def pseudonymous(self) -> Timetable:
        """The same timetable without participants' names: what is written unless asked for."""
        if all(p.name is None for p in self.participants):
            return self
        participants = tuple(p.model_copy(update={"name": None}) for p in self.participants)
        return self.model_copy(update={"participants": participants})

    @property
    def days(self) -> tuple[date, ...]:
        return self.course.days

    def day_number(self, day: date) -> int | None:
        """1-based course day of a date, or None if the date is not a course day."""
        return self.days.index(day) + 1 if day in self.days else None

    def sessions_of(self, person_id: str) -> tuple[Session, ...]:
        return tuple(
            s for s in self.sessions if person_id in s.staff or person_id in s.participants
        )

    @property
    def versions(self) -> tuple[str, ...]:
        """The earlier versions this timetable re-plans, oldest first."""
        if self.replan is not None and self.replan.versions:
            return self.replan.versions
        return (self.previous,) if self.previous else ()

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=False)
