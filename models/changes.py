"""What changed since a timetable was made: the input of a re-plan (issue: resolve)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field

from models.base import Frozen
from models.course import StaffMember


class StaffUnavailable(Frozen):
    """A staff member cannot work from `start` to `end` (None: the course's start or end)."""

    kind: Literal["unavailable"] = "unavailable"
    staff: str
    start: datetime | None = None
    end: datetime | None = None


class ReplaceStaff(Frozen):
    """`new` takes `old`'s place from now on (or for the whole course without --now)."""

    kind: Literal["replace"] = "replace"
    old: str
    new: StaffMember


class AddStaff(Frozen):
    kind: Literal["add_staff"] = "add_staff"
    member: StaffMember


class RemoveStaff(Frozen):
    """A staff member leaves the course from now on (their past sessions stay as they were)."""

    kind: Literal["remove_staff"] = "remove_staff"
    staff: str


class RoomUnavailable(Frozen):
    kind: Literal["room_unavailable"] = "room_unavailable"
    room: str
    start: datetime | None = None
    end: datetime | None = None


class ParticipantLeaves(Frozen):
    """A participant leaves the course at `at` (None: now); their later sessions are dropped."""

    kind: Literal["participant_leaves"] = "participant_leaves"
    participant: str
    at: datetime | None = None


class EndEarly(Frozen):
    """A session under way at `now` ends then (a choice when its leader leaves mid-session)."""

    kind: Literal["end_early"] = "end_early"
    session: str


class AcceptShortfall(Frozen):
    """A session under way at `now` goes on with the staff who stay, fewer than the rules want:
    the shortfall is accepted and recorded (a choice when its leader leaves mid-session)."""

    kind: Literal["accept_shortfall"] = "accept_shortfall"
    session: str


CHANGE_TYPES = (
    StaffUnavailable,
    ReplaceStaff,
    AddStaff,
    RemoveStaff,
    RoomUnavailable,
    ParticipantLeaves,
    EndEarly,
    AcceptShortfall,
)
# What a change file's `kind:` may say.
CHANGE_KINDS: tuple[str, ...] = tuple(t.model_fields["kind"].default for t in CHANGE_TYPES)

Change = Annotated[
    StaffUnavailable
    | ReplaceStaff
    | AddStaff
    | RemoveStaff
    | RoomUnavailable
    | ParticipantLeaves
    | EndEarly
    | AcceptShortfall,
    Field(discriminator="kind"),
]


class ChangeSet(Frozen):
    """Changes to apply together; sessions that start before `now` are the past and stay.

    `notice_minutes`: nothing newly starts, moves or changes staff within this many minutes
    after `now` unless the change forces it (None: the course's preference).
    """

    now: datetime | None = None
    notice_minutes: int | None = Field(default=None, ge=0, le=7 * 24 * 60)
    changes: tuple[Change, ...] = ()

    @property
    def ended_early(self) -> frozenset[str]:
        return frozenset(c.session for c in self.changes if isinstance(c, EndEarly))

    @property
    def shortfalls(self) -> frozenset[str]:
        return frozenset(c.session for c in self.changes if isinstance(c, AcceptShortfall))
