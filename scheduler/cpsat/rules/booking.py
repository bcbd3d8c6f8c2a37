"""Who and what is where: interviews against the group, double booking, rooms (R16, R29, R30)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.base import SessionKind, TimeWindow
from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.variables import Occurrence
from scheduler.domain.people import complement
from scheduler.domain.sessions import may_be_interrupted, room_fits


def takes_whole_group(ctx: ModelContext, occurrence: Occurrence) -> bool:
    """Whether an individual session must not overlap this group-level one (R16); the lunch
    (no spec) is never interrupted."""
    return occurrence.spec is None or not may_be_interrupted(ctx.course, occurrence.spec)


def add_interviews_vs_group(ctx: ModelContext) -> None:
    """R16: an individual session overlaps only interruptible group sessions.

    One cumulative per course: the group's sessions take all of it unless interruptible, each
    individual session takes one unit (solver-notes.md: compact, no per-participant pairs).
    """
    model, v = ctx.model, ctx.vars
    capacity = len(ctx.course.participants)
    if not capacity:
        return
    # A cumulative takes no enforcement literal: in explaining mode it holds copies of the
    # intervals that are present only under R16's assumption, so that a clash can name R16.
    literal = ctx.literal("R16")
    intervals: list[cp_model.IntervalVar] = []
    demands: list[int] = []
    for occurrence in v.occurrences:
        if occurrence.is_group_level:
            # With travel to and from an off-site room: the group is away for all of it.
            interval, start, end = (
                occurrence.busy_interval,
                occurrence.busy_start,
                occurrence.busy_end,
            )
            size = occurrence.busy_length
            demand = capacity if takes_whole_group(ctx, occurrence) else 0
        elif occurrence.kind == SessionKind.INDIVIDUAL:
            interval, start, end = occurrence.interval, occurrence.start, occurrence.end
            size = occurrence.length
            demand = 1
        else:
            continue
        assert interval is not None and start is not None and end is not None
        if literal is not None:
            interval = model.new_optional_interval_var(
                start, size, end, literal, f"r16[{occurrence.id}]"
            )
        intervals.append(interval)
        demands.append(demand)
    if intervals:
        model.add_cumulative(intervals, demands, capacity)


def _absences(
    ctx: ModelContext, windows_by_day: list[tuple[TimeWindow, ...]], key: str, name: str
) -> list:
    """Fixed intervals for the parts of each course day outside someone's windows."""
    v = ctx.vars
    absent = []
    day_start, day_end = v.window_start, v.window_end
    for day, windows in enumerate(windows_by_day):
        cursor = day_start
        for window in sorted(windows, key=lambda w: w.start):
            # Only the whole slots inside a window: a re-plan's change (someone away until
            # 09:20, a room closed from a --now of 10:20) need not lie on the slot grid.
            start, end = -(-window.start // v.slot), window.end // v.slot
            if start >= end:
                continue
            if start > cursor:
                absent.append((day, cursor, start))
            cursor = max(cursor, end)
        if cursor < day_end:
            absent.append((day, cursor, day_end))
    presence = ctx.presence(key)
    return [
        ctx.model.new_optional_fixed_size_interval_var(
            v.day_origin(day) + start, end - start, presence, f"away[{name},{day},{start}]"
        )
        if not isinstance(presence, int)
        else ctx.model.new_fixed_size_interval_var(
            v.day_origin(day) + start, end - start, f"away[{name},{day},{start}]"
        )
        for day, start, end in absent
    ]


def add_no_double_booking(ctx: ModelContext) -> None:
    """R29: nobody in two places at once; staff work only inside their availability and hours."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    for member in course.staff:
        key = f"availability:{member.id}"
        intervals = _absences(
            ctx, [course.available_windows(member, day) for day in course.days], key, member.id
        )
        for occurrence in v.occurrences:
            assert occurrence.busy_start is not None and occurrence.busy_end is not None
            for lit in occurrence.staff_lits_of(member.id):
                intervals.append(
                    model.new_optional_interval_var(
                        occurrence.busy_start,
                        occurrence.busy_length,
                        occurrence.busy_end,
                        lit,
                        f"busy[{occurrence.id},{member.id}]",
                    )
                )
        model.add_no_overlap(intervals)
        if member.max_minutes is not None:
            ctx.add(model.add(v.staff_minutes(member.id) <= member.max_minutes), key)
    # The whole group is in one place at a time (small-group halves are one interval).
    together: list[cp_model.IntervalVar] = []
    for o in v.occurrences:
        if o.is_group_level:
            assert o.busy_interval is not None
            together.append(o.busy_interval)
    model.add_no_overlap(together)
    for participant in course.participants:
        windows = [
            complement(participant.unavailable.get(day, ()), course.info.day_window)
            for day in course.days
        ]
        own: list[cp_model.IntervalVar] = []
        for o in v.individual_of(participant.id):
            assert o.interval is not None
            own.append(o.interval)
        if own:
            away = _absences(ctx, windows, f"availability:{participant.id}", participant.id)
            model.add_no_overlap(own + away)


def add_rooms(ctx: ModelContext) -> None:
    """R30: one room of a named kind per session (half), big enough, none double-booked, the
    standard's rooms present, off-site rooms near enough."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    rooms_standard = course.standard.rooms
    for kind, needed in rooms_standard.required.items():
        if sum(1 for room in course.rooms if room.kind == kind) < needed:
            ctx.add(model.add_bool_or([]), "R30")
    by_room: dict[str, list] = {room.id: [] for room in course.rooms}
    for occurrence in v.occurrences:
        spec = occurrence.spec
        if spec is None or not spec.rooms:
            continue
        assert occurrence.start is not None and occurrence.end is not None
        for half in occurrence.halves:
            lits = dict(occurrence.rooms_in_half(half))
            ctx.add(model.add_exactly_one(lits.values()), "R30")
            for room_id, lit in lits.items():
                room = course.room(room_id)
                if not room_fits(course, spec, room):
                    ctx.add(model.add(lit == 0), "R30")
                elif occurrence.kind == SessionKind.SMALL_GROUP:
                    # A small group's size is chosen with the split: its room must hold it.
                    ctx.add(
                        model.add(v.half_size(half) <= room.capacity).only_enforce_if(lit), "R30"
                    )
                by_room[room_id].append(
                    model.new_optional_interval_var(
                        occurrence.start,
                        occurrence.length,
                        occurrence.end,
                        lit,
                        f"room[{occurrence.id}{half},{room_id}]",
                    )
                )
    for room in course.rooms:
        windows = [
            complement(room.unavailable.get(day, ()), course.info.day_window) for day in course.days
        ]
        away = _absences(ctx, windows, f"availability:{room.id}", room.id)
        model.add_no_overlap(by_room[room.id] + away)
