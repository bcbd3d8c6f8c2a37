"""Redundant constraints: implied by the rules, they change no answer, only help the search.

build_model adds them with the symmetry breakers: not while explaining an infeasibility (an
explanation must rest on the rules' own constraints, each behind its assumption literal), nor
in a model that must reproduce a given timetable (a re-plan's past).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from models.base import SessionKind
from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.rules.booking import takes_whole_group
from scheduler.cpsat.variables import Occurrence


@dataclass(frozen=True)
class Capacity:
    """How many individual sessions can run at once on a course day: each holds a participant,
    a room of its own (R30) and a staff member (R29) available that day. None: no limit of
    that kind (a session with no room, or no staff)."""

    participants: int
    rooms: frozenset[str] | None
    staff: frozenset[str] | None  # those available on the day
    present: frozenset[str]  # every staff member available on the day

    def parallel(self) -> int:
        limits = [self.participants]
        if self.rooms is not None:
            limits.append(len(self.rooms))
        if self.staff is not None:
            limits.append(len(self.staff))
        return max(0, min(limits))

    def beside(self, occurrence: Occurrence) -> int:
        """How many at once during an interruptible group session: less the session's own
        leaders when they must come from the staff of individual sessions, and its room when
        it must be one of theirs."""
        assert occurrence.spec is not None
        limits = [self.participants]
        if self.rooms is not None:
            own = {room for (_, room) in occurrence.room_lit}
            limits.append(len(self.rooms) - (1 if own and own <= self.rooms else 0))
        if self.staff is not None:
            leaders = {m for (_, m) in occurrence.staff_lit if m in self.present}
            busy = occurrence.spec.staff if leaders and leaders <= self.staff else 0
            limits.append(len(self.staff) - busy)
        return max(0, min(limits))


def individual_capacity(ctx: ModelContext, day: int) -> Capacity | None:
    """The day's capacity for individual sessions; None when the course has none."""
    v, course = ctx.vars, ctx.course
    individual = [o for o in v.occurrences if o.kind == SessionKind.INDIVIDUAL]
    if not individual:
        return None
    rooms = None
    if all(o.room_lit for o in individual):
        rooms = frozenset(room for o in individual for (_, room) in o.room_lit)
    date = course.days[day]
    present = frozenset(m.id for m in course.staff if course.available_windows(m, date))
    staff = None
    if all(o.spec is not None and o.spec.staff >= 1 for o in individual):
        staff = frozenset(m for o in individual for (_, m) in o.staff_lit if m in present)
    return Capacity(len({o.participant for o in individual}), rooms, staff, present)


def parallel_individual_limit(ctx: ModelContext) -> int | None:
    """The most individual sessions that can run at once on any day."""
    capacities = [individual_capacity(ctx, day) for day in range(ctx.vars.day_count)]
    known = [c.parallel() for c in capacities if c is not None]
    return max(known) if known else None


def add_individual_energy(ctx: ModelContext) -> None:
    """R3 + R16 + R29/R30 together: on each day, the individual sessions fit in the group's day
    (its envelope, R3) outside the group sessions they may not overlap (R16): while the group
    waits, at most K at a time (Capacity.parallel), and during an interruptible group session
    at most as many as its leaders and room leave (Capacity.beside):

        sum of individual minutes on day d
            <= K_d * idle time on d + sum of K_o * minutes of each interruptible session o on d

    Measured: without it the tight bench course took over 4 s to a first timetable in 4 of 10
    seeds (R16 is what makes a first timetable hard); with its first form (K_o = K_d) under 1 s
    in all 10. It also lifts the bound: idle time must hold what the interruptible sessions
    cannot (the default course: 132 -> 156 with K_o = K_d; see the README for this form).
    """
    model, v = ctx.model, ctx.vars
    if not ctx.course.participants:
        return
    individual = [o for o in v.occurrences if o.kind == SessionKind.INDIVIDUAL]
    for day in range(v.day_count):
        today = [o for o in individual if day in o.day_lit]
        capacity = individual_capacity(ctx, day)
        if not today or capacity is None:
            continue
        parallel = capacity.parallel()
        group = [o for o in v.occurrences if o.is_group_level and day in o.day_lit]
        busy = sum(v.busy_slots_if(o, o.day_lit[day]) for o in group)  # travel may vary
        idle = v.day_last[day] - v.day_first[day] - busy
        hosted = sum(
            capacity.beside(o) * o.length * o.day_lit[day]
            for o in group
            if not takes_whole_group(ctx, o)
        )
        model.add(sum(o.length * o.day_lit[day] for o in today) <= parallel * idle + hosted)


REDUNDANT: tuple[Callable[[ModelContext], None], ...] = (add_individual_energy,)
