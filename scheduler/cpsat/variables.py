"""The decision variables of one course week, behind methods so that no rule indexes raw dicts.

Time is counted in slots (the course's slot size, 15 min by default) from midnight of the
first course day: a session on day d at slot k of that day starts at d * slots_per_day + k.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from models.base import PROGRAMME_KINDS, STAFF_HOURS_KINDS, Purpose, SessionKind
from models.course import Course, Participant, Room
from models.standard import SessionSpec
from scheduler.domain.sessions import (
    candidate_rooms,
    eligible,
    lunch_minutes,
    session_minutes,
)

MINUTES_PER_DAY = 24 * 60
HALVES = ("A", "B")


@dataclass
class Occurrence:
    """One session to place: a spec's n-th occurrence (for individual ones, per participant)."""

    id: str
    spec: SessionSpec | None  # None for the daily lunch
    kind: SessionKind
    purpose: Purpose | None
    length: int  # slots
    minutes: int
    days: tuple[int, ...]
    participant: str | None = None
    interruptible: bool = False
    halves: tuple[str, ...] = ("",)
    day_lit: dict[int, cp_model.IntVar] = field(default_factory=dict)
    start: cp_model.IntVar | None = None
    end: cp_model.IntVar | None = None
    interval: cp_model.IntervalVar | None = None
    # The time people are away for it: the session plus travel to and from an off-site room.
    busy_start: cp_model.LinearExprT | None = None
    busy_end: cp_model.LinearExprT | None = None
    busy_interval: cp_model.IntervalVar | None = None
    # Slots one way: a number, or a variable when its off-site rooms lie at different distances
    # (the chosen room's travel; for small-group halves, the farther half's).
    transfer: cp_model.LinearExpr | int = 0
    room_transfer: dict[str, int] = field(default_factory=dict)  # room id -> slots one way
    staff_lit: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)
    room_lit: dict[tuple[str, str], cp_model.IntVar] = field(default_factory=dict)

    @property
    def offsite(self) -> bool:
        """Whether people travel to it (to whichever of its rooms)."""
        return any(self.room_transfer.values())

    @property
    def busy_length(self) -> cp_model.LinearExpr | int:
        """Slots people are away for it, travel both ways included."""
        return self.length + 2 * self.transfer

    @property
    def has_participants(self) -> bool:
        return self.kind != SessionKind.STAFF_MEETING

    @property
    def is_group_level(self) -> bool:
        """The whole group is there (or split in halves side by side): meals count too."""
        return self.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.MEAL)

    @property
    def is_programme(self) -> bool:
        return self.kind in PROGRAMME_KINDS

    @property
    def counts_staff_hours(self) -> bool:
        return self.kind in STAFF_HOURS_KINDS

    def staff_in_half(self, half: str) -> Iterator[tuple[str, cp_model.IntVar]]:
        for (h, staff_id), lit in self.staff_lit.items():
            if h == half:
                yield staff_id, lit

    def rooms_in_half(self, half: str) -> Iterator[tuple[str, cp_model.IntVar]]:
        for (h, room_id), lit in self.room_lit.items():
            if h == half:
                yield room_id, lit

    def staff_lits_of(self, staff_id: str) -> list[cp_model.IntVar]:
        return [lit for (_, s), lit in self.staff_lit.items() if s == staff_id]


@dataclass(frozen=True)
class HeldMinutes:
    """A re-plan's held sessions, whose staff minutes are facts rather than the model's: the
    past, and a session under way whose staff change at --now (it is split in two parts there).
    In these `occurrences` a staff literal counts `lit_minutes` (the minutes from now to the
    end, 0 if not given); `minutes` holds each person's other minutes in them (before now)."""

    occurrences: frozenset[str] = frozenset()
    lit_minutes: Mapping[str, int] = field(default_factory=dict)
    minutes: Mapping[str, int] = field(default_factory=dict)

    def of(self, occurrence: Occurrence) -> int:
        """The minutes one staff literal of an occurrence counts."""
        if occurrence.id in self.occurrences:
            return self.lit_minutes.get(occurrence.id, 0)
        return occurrence.minutes


class CourseVars:
    """Creates and holds every variable of the model; rules read them through this object."""

    def __init__(
        self, model: cp_model.CpModel, course: Course, held: HeldMinutes | None = None
    ) -> None:
        self.model = model
        self.course = course
        self.held = held or HeldMinutes()
        self.slot = course.info.slot_minutes
        self.slots_per_day = MINUTES_PER_DAY // self.slot
        self.day_count = len(course.days)
        self.window_start = course.info.day_window.start // self.slot
        self.window_end = course.info.day_window.end // self.slot
        self.occurrences: list[Occurrence] = []
        # Sessions too long for the day window (or with no allowed day): R3 makes them infeasible.
        self.unfittable: list[Occurrence] = []
        self.in_half_a: dict[str, cp_model.IntVar] = {}
        self._travel_if: dict[tuple[str, int], cp_model.IntVar] = {}
        self._create()
        # A course day's envelope: the first and last moment any participant is on the course.
        self.day_first = [
            model.new_int_var(self.day_origin(d), self.day_origin(d + 1), f"day_first[{d}]")
            for d in range(self.day_count)
        ]
        self.day_last = [
            model.new_int_var(self.day_origin(d), self.day_origin(d + 1), f"day_last[{d}]")
            for d in range(self.day_count)
        ]

    # -- creation -----------------------------------------------------------------------

    def _create(self) -> None:
        for spec in self.course.sessions:
            for occurrence in self._occurrences_of(spec):
                self._place(occurrence, spec)
        for day in range(self.day_count):
            self._add_lunch(day)
        for participant in self.course.participants:
            self.in_half_a[participant.id] = self.model.new_bool_var(f"half_a[{participant.id}]")

    def _occurrences_of(self, spec: SessionSpec) -> Iterator[Occurrence]:
        days = spec.allowed_days(self.day_count)
        length = session_minutes(self.course, spec) // self.slot
        common = {
            "spec": spec,
            "kind": spec.kind,
            "purpose": spec.purpose,
            "length": length,
            "minutes": length * self.slot,
            "days": days,
            "interruptible": spec.interruptible,
        }
        if spec.kind == SessionKind.INDIVIDUAL:
            # Someone who has left has no sessions left to plan (a re-plan keeps their past).
            for participant in (p for p in self.course.participants if p.leaves is None):
                for n in range(1, spec.count + 1):
                    suffix = f"-{n}" if spec.count > 1 else ""
                    yield Occurrence(
                        id=f"{spec.id}-{participant.id}{suffix}",
                        participant=participant.id,
                        **common,  # type: ignore[arg-type]
                    )
            return
        halves = HALVES if spec.kind == SessionKind.SMALL_GROUP else ("",)
        for n in range(1, spec.count + 1):
            suffix = f"-{n}" if spec.count > 1 else ""
            yield Occurrence(id=f"{spec.id}{suffix}", halves=halves, **common)  # type: ignore[arg-type]

    def _add_lunch(self, day: int) -> None:
        lunch = self.course.info.lunch
        length = lunch_minutes(self.course) // self.slot
        occurrence = Occurrence(
            id=f"lunch-d{day + 1}",
            spec=None,
            kind=SessionKind.MEAL,
            purpose=Purpose.LUNCH,
            length=length,
            minutes=length * self.slot,
            days=(day,),
        )
        earliest = -(-lunch.window.start // self.slot)
        latest = lunch.window.end // self.slot - length
        self._make_time(occurrence, earliest, latest)
        self.occurrences.append(occurrence)

    def _make_time(self, occurrence: Occurrence, earliest: int, latest: int) -> cp_model.IntVar:
        """Day literals, start and interval; start = sum(day * slots_per_day * x_day) + offset.
        Returns the offset (the start's slot within its day)."""
        model, name = self.model, occurrence.id
        if latest < earliest or not occurrence.days:
            self.unfittable.append(occurrence)
            latest = max(latest, earliest)
            occurrence.days = occurrence.days or (0,)
        for day in occurrence.days:
            occurrence.day_lit[day] = model.new_bool_var(f"day[{name},{day}]")
        model.add_exactly_one(occurrence.day_lit.values())
        offset = model.new_int_var(earliest, latest, f"offset[{name}]")
        lo = min(occurrence.days) * self.slots_per_day + earliest
        hi = max(occurrence.days) * self.slots_per_day + latest
        start = model.new_int_var(lo, hi, f"start[{name}]")
        model.add(
            start
            == sum(day * self.slots_per_day * lit for day, lit in occurrence.day_lit.items())
            + offset
        )
        end = model.new_int_var(lo + occurrence.length, hi + occurrence.length, f"end[{name}]")
        occurrence.start, occurrence.end = start, end
        occurrence.interval = model.new_interval_var(start, occurrence.length, end, f"iv[{name}]")
        occurrence.busy_start, occurrence.busy_end = start, end
        occurrence.busy_interval = occurrence.interval
        return offset

    def _place(self, occurrence: Occurrence, spec: SessionSpec) -> None:
        rooms = candidate_rooms(self.course, spec)
        occurrence.room_transfer = {room.id: self.transfer_slots(room) for room in rooms}
        # The nearest room's travel bounds the start; the chosen room's is enforced below.
        nearest = min(occurrence.room_transfer.values(), default=0)
        earliest = self.window_start + nearest
        latest = self.window_end - occurrence.length - nearest
        offset = self._make_time(occurrence, earliest, latest)
        for half in occurrence.halves:
            for member in eligible(self.course, spec):
                occurrence.staff_lit[(half, member.id)] = self.model.new_bool_var(
                    f"staff[{occurrence.id}{half},{member.id}]"
                )
            for room in rooms:
                occurrence.room_lit[(half, room.id)] = self.model.new_bool_var(
                    f"room[{occurrence.id}{half},{room.id}]"
                )
        transfers = set(occurrence.room_transfer.values())
        if len(transfers) > 1:
            self._make_transfer(occurrence, offset)
        elif nearest:
            occurrence.transfer = nearest
        if occurrence.offsite:
            self._make_busy_interval(occurrence)
        self.occurrences.append(occurrence)

    def _make_transfer(self, occurrence: Occurrence, offset: cp_model.IntVar) -> None:
        """R29, R30: off-site rooms at different distances: the travel is the chosen room's (the
        farther half's for small-group halves, who leave and return together), and the day
        window holds it."""
        model, name = self.model, occurrence.id
        # From 0: with R30 relaxed (explaining) no room may be chosen, and travel must not clash.
        most = max(occurrence.room_transfer.values())
        travel = model.new_int_var(0, most, f"transfer[{name}]")
        per_half = [
            sum(occurrence.room_transfer[room_id] * lit for room_id, lit in rooms)
            for rooms in (list(occurrence.rooms_in_half(half)) for half in occurrence.halves)
        ]
        model.add_max_equality(travel, per_half)
        model.add(offset - travel >= self.window_start)
        model.add(offset + occurrence.length + travel <= self.window_end)
        occurrence.transfer = travel

    def _make_busy_interval(self, occurrence: Occurrence) -> None:
        assert occurrence.start is not None and occurrence.end is not None
        travel = occurrence.transfer
        busy_start: cp_model.LinearExprT = occurrence.start - travel
        busy_end: cp_model.LinearExprT = occurrence.end + travel
        if not isinstance(travel, int):
            # An interval's bounds are single variables: name the sums.
            model, name, week = self.model, occurrence.id, self.day_count * self.slots_per_day
            busy_start = model.new_int_var(0, week, f"busy_start[{name}]")
            busy_end = model.new_int_var(0, week, f"busy_end[{name}]")
            model.add(busy_start == occurrence.start - travel)
            model.add(busy_end == occurrence.end + travel)
        occurrence.busy_start, occurrence.busy_end = busy_start, busy_end
        occurrence.busy_interval = self.model.new_interval_var(
            busy_start, occurrence.busy_length, busy_end, f"busy[{occurrence.id}]"
        )

    # -- lookups ------------------------------------------------------------------------

    def transfer_slots(self, room: Room) -> int:
        return self.course.transfer_minutes(room) // self.slot

    def participant(self, participant_id: str) -> Participant:
        return next(p for p in self.course.participants if p.id == participant_id)

    def of_spec(self, spec_id: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.spec is not None and o.spec.id == spec_id]

    def individual_of(self, participant_id: str) -> list[Occurrence]:
        return [o for o in self.occurrences if o.participant == participant_id]

    def with_participants(self) -> list[Occurrence]:
        return [o for o in self.occurrences if o.has_participants]

    def staff_minutes(self, staff_id: str) -> cp_model.LinearExpr | int:
        """R26: a person's minutes with participants (meals, meetings and travel not counted);
        a re-plan's held sessions count their real minutes (HeldMinutes)."""
        return self.held.minutes.get(staff_id, 0) + sum(
            self.held.of(o) * lit
            for o in self.occurrences
            if o.counts_staff_hours
            for lit in o.staff_lits_of(staff_id)
        )

    @property
    def half_a_size(self) -> cp_model.LinearExpr | int:
        """R7: how many participants small group A has (B has the rest)."""
        return sum(self.in_half_a.values())

    def half_size(self, half: str) -> cp_model.LinearExpr | int:
        """How many participants a small group ('A' or 'B') has; everyone for the whole group."""
        if half == "A":
            return self.half_a_size
        return len(self.in_half_a) - self.half_a_size if half == "B" else len(self.in_half_a)

    def day_origin(self, day: int) -> int:
        return day * self.slots_per_day

    def programme_minutes(self, day: int) -> cp_model.LinearExpr | int:
        """R4: staff-led group programme on a day (small-group halves side by side count once)."""
        return sum(
            o.minutes * o.day_lit[day]
            for o in self.occurrences
            if o.is_programme and day in o.day_lit
        )

    def group_busy_slots(self, day: int) -> cp_model.LinearExpr | int:
        """Slots the whole group is occupied on a day: programme, meals and travel."""
        return sum(
            self.busy_slots_if(o, o.day_lit[day])
            for o in self.occurrences
            if o.is_group_level and day in o.day_lit
        )

    def busy_slots_if(self, occurrence: Occurrence, lit: cp_model.IntVar) -> cp_model.LinearExpr:
        """The slots people are away for an occurrence (travel included) when `lit` holds, else
        0: linear also when its travel is a variable (an auxiliary per occurrence and literal)."""
        travel = occurrence.transfer
        if isinstance(travel, int):
            return (occurrence.length + 2 * travel) * lit
        key = (occurrence.id, lit.index)
        if key not in self._travel_if:
            most = max(occurrence.room_transfer.values())
            both_ways = self.model.new_int_var(0, 2 * most, f"travel_if[{occurrence.id},{lit}]")
            self.model.add(both_ways == 2 * travel).only_enforce_if(lit)
            self.model.add(both_ways == 0).only_enforce_if(~lit)
            self._travel_if[key] = both_ways
        return occurrence.length * lit + self._travel_if[key]
