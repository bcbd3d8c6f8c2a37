"""Shared building blocks of the domain: frozen models, clock times, time windows, texts."""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import StrEnum
from typing import Annotated, Any, Final

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    StringConstraints,
    model_validator,
)

Language = str  # "fi" or "en"
LANGUAGES: tuple[Language, ...] = ("fi", "en")


class Frozen(BaseModel):
    """Immutable model that rejects unknown fields, so a typo in a file is an error, not a no-op.

    No number is infinite or NaN: a file cannot smuggle one into sums, comparisons or a cell.
    """

    model_config = ConfigDict(
        frozen=True, extra="forbid", populate_by_name=True, allow_inf_nan=False
    )


# Bounds on what a course or a timetable may hold: far beyond any real course week, and low
# enough that no file can make the tool hang or fill the memory (issue 12).
# (The standard's week: 8 staff, 10 participants, 53 sessions; the workbook of a timetable at
# these bounds takes some seconds to write.)
MAX_STAFF: Final = 50
MAX_PARTICIPANTS: Final = 50
MAX_ROOMS: Final = 50
MAX_PROGRAMME: Final = 100
MAX_SESSIONS: Final = 500
MAX_BOOKINGS: Final = 3000  # places of people in sessions, each a row in a person's plan
MAX_DAYS: Final = 31
MAX_WINDOWS: Final = 24  # time windows in one day
DAY_MINUTES: Final = 24 * 60
WEEK_MINUTES: Final = 7 * DAY_MINUTES
FIRST_DATE: Final = date(2000, 1, 1)
LAST_DATE: Final = date(2099, 12, 31)

# An id is one plain word: it names files (a staff member's calendar, a plan course's outputs),
# sheets and command-line arguments.
PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
MAX_ID_LENGTH: Final = 40
Id = Annotated[str, StringConstraints(pattern=PLAIN_NAME.pattern, max_length=MAX_ID_LENGTH)]
# A date a course can be on; beyond these the calendar arithmetic of a week runs out of years.
CourseDate = Annotated[date, Field(ge=FIRST_DATE, le=LAST_DATE)]


_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")


class Problem(ValueError):
    """A check of a model that fails, told by a key and its values: scheduler/words.py words
    it in the reader's language (the label 'model_<key>'); str() is for logs only."""

    def __init__(self, key: str, **values: Any) -> None:
        super().__init__(f"{key} {values}" if values else key)
        self.key = key
        self.values = values


def parse_clock(value: Any) -> int:
    """'08:15' -> 495 (minutes after midnight). Integers pass through as minutes."""
    if isinstance(value, bool):
        raise Problem("clock", value=value)
    if isinstance(value, int):
        if not 0 <= value <= DAY_MINUTES:
            raise Problem("clock_range")
        return value
    if isinstance(value, str):
        match = _CLOCK.match(value.strip())
        if match:
            hours, minutes = int(match.group(1)), int(match.group(2))
            if hours <= 24 and minutes < 60 and hours * 60 + minutes <= 24 * 60:
                return hours * 60 + minutes
    raise Problem("clock", value=value)


def format_clock(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def format_duration(minutes: int) -> str:
    """135 -> '2 h 15 min', the way the reports speak of lengths of time."""
    hours, rest = divmod(abs(minutes), 60)
    sign = "-" if minutes < 0 else ""
    if hours and rest:
        return f"{sign}{hours} h {rest} min"
    if hours:
        return f"{sign}{hours} h"
    return f"{sign}{rest} min"


Clock = Annotated[int, BeforeValidator(parse_clock), PlainSerializer(format_clock, return_type=str)]


def _parse_window(value: Any) -> Any:
    if isinstance(value, str):
        parts = value.replace("–", "-").split("-")
        if len(parts) != 2:
            raise Problem("window", value=value)
        return {"start": parts[0].strip(), "end": parts[1].strip()}
    return value


class TimeWindow(Frozen):
    """A stretch of clock time within one day, [start, end)."""

    start: Clock
    end: Clock

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if self.end <= self.start:
            raise Problem(
                "window_order", start=format_clock(self.start), end=format_clock(self.end)
            )
        return self

    @property
    def minutes(self) -> int:
        return self.end - self.start

    def contains(self, start: int, end: int) -> bool:
        return self.start <= start and end <= self.end

    def __str__(self) -> str:
        return f"{format_clock(self.start)}-{format_clock(self.end)}"


Window = Annotated[
    TimeWindow,
    BeforeValidator(_parse_window),
    PlainSerializer(str, return_type=str),
]


def _parse_text(value: Any) -> Any:
    if isinstance(value, str):
        return {"fi": value}
    return value


Text = Annotated[dict[str, str], BeforeValidator(_parse_text)]


def text_in(text: dict[str, str], language: Language) -> str:
    """The text in the wanted language, falling back to Finnish, then to any language there is."""
    return text.get(language) or text.get("fi") or next(iter(text.values()), "")


class StaffGroup(StrEnum):
    TEAM = "team"
    SPECIAL = "special"
    OTHER = "other"


class SessionKind(StrEnum):
    GROUP = "group"
    SMALL_GROUP = "small_group"
    INDIVIDUAL = "individual"
    STAFF_MEETING = "staff_meeting"
    MEAL = "meal"
    BREAK = "break"
    TRANSFER = "transfer"


# What each kind of session is, in the standard's terms (one place: every module asks here).
# Not programme: they count in a participant's day (R3) but not in programme or staff hours.
NON_PROGRAMME_KINDS = frozenset({SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER})
# The group's programme (R4): the whole group, or its small-group halves side by side.
PROGRAMME_KINDS = frozenset({SessionKind.GROUP, SessionKind.SMALL_GROUP})
# Sessions whose staff time counts as staff hours with participants (R26, R27).
STAFF_HOURS_KINDS = frozenset({SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL})


class Purpose(StrEnum):
    OPENING = "opening"
    CLOSING = "closing"
    INTERVIEW = "interview"
    GAS_GOALS = "gas_goals"
    GOAL_INTRO = "goal_intro"
    GOAL_REVIEW = "goal_review"
    MEASURES_START = "measures_start"
    MEASURES_END = "measures_end"
    LECTURE = "lecture"
    STAFF_MEETING = "staff_meeting"
    LUNCH = "lunch"


def day_dates(first_day: date, count: int) -> tuple[date, ...]:
    return tuple(first_day + timedelta(days=i) for i in range(count))
