"""A course week's timetable: the JSON interchange format (course-timetable/1) as a model.

It is lossless: it carries the course it was made for, so `check`, `resolve` and `export` need
nothing else.
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

from pydantic import Field, model_validator

from models.base import Clock, Frozen, Purpose, SessionKind, Text, format_clock
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


class Session(Frozen):
    id: str
    title: str
    titles: Text = Field(default_factory=dict, description="the title in every language known")
    kind: SessionKind
    purpose: Purpose | None = None
    theme: str | None = None
    date: date
    start: Clock
    end: Clock
    staff: tuple[str, ...] = ()
    room: str | None = None
    participants: tuple[str, ...] = ()
    interruptible: bool = False
    locked: bool = False
    lock_scope: Literal["all", "time"] = Field(
        default="all",
        description="what a lock pins: all (day, time, staff and room) or time (day and time)",
    )
    spec: str | None = Field(default=None, description="the programme item it comes from")
    small_group: Literal["A", "B"] | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.end <= self.start:
            raise ValueError(
                f"session {self.id} ends ({format_clock(self.end)}) before it starts "
                f"({format_clock(self.start)})"
            )
        return self

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Session) -> bool:
        return self.date == other.date and self.start < other.end and other.start < self.end

    @property
    def when(self) -> str:
        return f"{self.date.isoformat()} {format_clock(self.start)}-{format_clock(self.end)}"


class SolverInfo(Frozen):
    status: str
    objective: float | None = None
    bound: float | None = None
    seconds: float = 0.0
    seed: int = 0
    workers: int = 1
    time_limit: float | None = None


class CourseSection(CourseInfo):
    days: tuple[date, ...]


class Change(Frozen):
    """One line of a re-plan's change list: what moved and whom to tell."""

    session: str
    title: str
    change: str
    before: str | None
    after: str | None
    notify: tuple[str, ...]


class Timetable(Frozen):
    format: Literal["course-timetable/1"] = FORMAT
    standard: str
    course: CourseSection
    staff: tuple[StaffMember, ...]
    participants: tuple[Participant, ...]
    rooms: tuple[Room, ...]
    programme: tuple[SessionSpec, ...] = ()
    preferences: Preferences = Preferences()
    sessions: tuple[Session, ...]
    solver: SolverInfo | None = None
    input_sha256: str | None = None
    tool_version: str | None = None
    previous: str | None = Field(default=None, description="the timetable this one re-plans")
    changes: tuple[Change, ...] = ()

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

    def to_json(self) -> str:
        return self.model_dump_json(indent=2, exclude_none=False)
