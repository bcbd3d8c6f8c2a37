"""When things happen: course shape, day length, programme hours (R1-R4, R8)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.base import StaffGroup
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


def _team_or_special_programme(ctx: ModelContext, day: int) -> cp_model.LinearExprT:
    """R4: the day's programme with a team member or special worker in it.

    The standard counts the programme "carried out by the team and/or special workers"
    (§4); a session that other staff run alone is programme, but not these hours.
    """
    model, v = ctx.model, ctx.vars
    terms: list[cp_model.LinearExprT] = []
    for occurrence in v.occurrences:
        if not occurrence.is_programme or day not in occurrence.day_lit:
            continue
        qualified: list[cp_model.IntVar] = []
        others: list[cp_model.IntVar] = []
        for (_, staff_id), lit in occurrence.staff_lit.items():
            member = ctx.course.member(staff_id)
            is_other = ctx.course.group_of(member) == StaffGroup.OTHER
            (others if is_other else qualified).append(lit)
        if not others:
            terms.append(occurrence.minutes * occurrence.day_lit[day])
        elif qualified:
            counted = model.new_bool_var(f"r4_counted[{occurrence.id},{day}]")
            model.add_implication(counted, occurrence.day_lit[day])
            model.add_bool_or(qualified).only_enforce_if(counted)
            terms.append(occurrence.minutes * counted)
    return sum(terms)


def add_programme_hours(ctx: ModelContext) -> None:
    """R4: at least the standard's programme hours in all, each day within the course's bounds."""
    model, v = ctx.model, ctx.vars
    day_min, day_max = ctx.course.programme_day_bounds
    counted = [_team_or_special_programme(ctx, day) for day in range(v.day_count)]
    for day in range(v.day_count):
        ctx.add(model.add(counted[day] >= day_min), "R4")
        ctx.add(model.add(v.programme_minutes(day) <= day_max), "R4")
    total = sum(counted)
    ctx.add(model.add(total >= ctx.course.standard.programme.min_total_minutes), "R4")
