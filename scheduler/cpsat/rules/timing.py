"""When things happen: course shape, day length, programme hours (R1-R4, R8)."""

from __future__ import annotations

from scheduler.cpsat.context import ModelContext


def add_course_shape(ctx: ModelContext) -> None:
    """R1, R2: the standard's number of participants, on days its weekdays allow."""
    course, model = ctx.course, ctx.model
    if len(course.participants) != course.standard.participants:
        ctx.add(model.add_bool_or([]), "R1")
    if not all(course.standard.days.allows_weekday(day.weekday()) for day in course.days):
        ctx.add(model.add_bool_or([]), "R2")


def add_day_length(ctx: ModelContext) -> None:
    """R3, R8: every session inside the day window, lunch in its window, a day at most 8 h."""
    model, v = ctx.model, ctx.vars
    if v.unfittable:
        ctx.add(model.add_bool_or([]), "R3")
    longest = ctx.course.standard.day_max_minutes // v.slot
    for day in range(v.day_count):
        first, last = v.day_first[day], v.day_last[day]
        for occurrence in v.with_participants():
            lit = occurrence.day_lit.get(day)
            if lit is None:
                continue
            ctx.add(model.add(first <= occurrence.busy_start).only_enforce_if(lit), "R3")
            ctx.add(model.add(last >= occurrence.busy_end).only_enforce_if(lit), "R3")
        ctx.add(model.add(last - first <= longest), "R3")
        # Redundant: a day spans at least the time the group is busy. Without it the solver's
        # bound on idle time stays useless and optimality is never proven (solver-notes.md).
        model.add(last - first >= v.group_busy_slots(day))


def add_programme_hours(ctx: ModelContext) -> None:
    """R4: at least the standard's programme hours in all, each day within the course's bounds."""
    model, v = ctx.model, ctx.vars
    day_min, day_max = ctx.course.programme_day_bounds
    for day in range(v.day_count):
        minutes = v.programme_minutes(day)
        ctx.add(model.add(minutes >= day_min), "R4")
        ctx.add(model.add(minutes <= day_max), "R4")
    total = sum(v.programme_minutes(day) for day in range(v.day_count))
    ctx.add(model.add(total >= ctx.course.standard.programme.min_total_minutes), "R4")
