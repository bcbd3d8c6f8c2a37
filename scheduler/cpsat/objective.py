"""Soft preferences of the course file, each a weighted penalty term (0 weight = off)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.base import Purpose, StaffGroup
from scheduler.cpsat.context import ModelContext

Term = tuple[int, cp_model.LinearExprT]


def balanced_days(ctx: ModelContext) -> list[Term]:
    """Each day's programme as near the average as it can be (minutes off the average)."""
    model, v = ctx.model, ctx.vars
    total = sum(o.minutes for o in v.occurrences if o.is_programme)
    average = total // max(v.day_count, 1)
    terms: list[Term] = []
    for day in range(v.day_count):
        deviation = model.new_int_var(0, 24 * 60, f"deviation[{day}]")
        model.add_abs_equality(deviation, v.programme_minutes(day) - average)
        terms.append((1, deviation))
    return terms


def no_idle_gaps(ctx: ModelContext) -> list[Term]:
    """Minutes in a participant day's span that the group spends waiting."""
    v = ctx.vars
    return [
        (v.slot, v.day_last[day] - v.day_first[day] - v.group_busy_slots(day))
        for day in range(v.day_count)
    ]


def physician_lectures_early(ctx: ModelContext) -> list[Term]:
    """The physician's lectures early in the week: one unit per day after day 1."""
    return [
        (1, sum(day * lit for day, lit in o.day_lit.items()))
        for o in ctx.vars.occurrences
        if o.purpose == Purpose.LECTURE
    ]


def no_pool_after_lunch(ctx: ModelContext) -> list[Term]:
    """No off-site (pool) session leaving within the set gap after lunch ends."""
    model, v = ctx.model, ctx.vars
    gap = -(-ctx.course.preferences.pool_after_lunch_gap_minutes // v.slot)
    lunches = {o.days[0]: o for o in v.occurrences if o.purpose == Purpose.LUNCH}
    terms: list[Term] = []
    for occurrence in v.occurrences:
        if not occurrence.offsite:
            continue
        for day, day_lit in occurrence.day_lit.items():
            lunch = lunches[day]
            assert lunch.end is not None
            after = model.new_bool_var(f"after_lunch[{occurrence.id},{day}]")
            soon = model.new_bool_var(f"soon_after_lunch[{occurrence.id},{day}]")
            model.add(occurrence.busy_start >= lunch.end).only_enforce_if(after)
            model.add(occurrence.busy_start < lunch.end).only_enforce_if(~after)
            model.add(occurrence.busy_start < lunch.end + gap).only_enforce_if(soon)
            model.add(occurrence.busy_start >= lunch.end + gap).only_enforce_if(~soon)
            penalty = model.new_bool_var(f"pool_after_lunch[{occurrence.id},{day}]")
            model.add_bool_or([~day_lit, ~after, ~soon, penalty])
            terms.append((1, penalty))
    return terms


def _days_outside(occurrence_day_lits: dict[int, cp_model.IntVar], wanted: range) -> Term:
    """One unit when a session falls on a day outside the wanted range."""
    return (1, sum(lit for day, lit in occurrence_day_lits.items() if day not in wanted))


def balanced_small_groups(ctx: ModelContext) -> list[Term]:
    """Participants beyond an even split of the two small groups (R7 asks only for two)."""
    model, v = ctx.model, ctx.vars
    count = len(v.in_half_a)
    difference = model.new_int_var(0, count, "small_group_difference")
    model.add_abs_equality(difference, 2 * v.half_a_size - count)
    excess = model.new_int_var(0, count, "small_group_excess")
    model.add(2 * excess >= difference - count % 2)
    return [(1, excess)]


def whole_team_meeting(ctx: ModelContext) -> list[Term]:
    """Places of the team missing from the team meeting (R28 asks only that the team meets)."""
    places = len(ctx.course.team_places())
    return [
        (1, places - sum(lit for _, lit in o.staff_in_half("")))
        for o in ctx.vars.occurrences
        if o.purpose == Purpose.STAFF_MEETING
    ]


def staff_meeting_midweek(ctx: ModelContext) -> list[Term]:
    """The team meeting away from the first and the last course day (R28 names no day)."""
    middle = range(1, ctx.vars.day_count - 1)
    return [
        _days_outside(o.day_lit, middle)
        for o in ctx.vars.occurrences
        if o.purpose == Purpose.STAFF_MEETING
    ]


def goal_review_midweek(ctx: ModelContext) -> list[Term]:
    """The goal review between the day the goals are set and the last day (an interim review)."""
    middle = range(ctx.course.standard.gas_goal_deadline_day, ctx.vars.day_count - 1)
    return [
        _days_outside(o.day_lit, middle)
        for o in ctx.vars.occurrences
        if o.purpose == Purpose.GOAL_REVIEW
    ]


def exact_shares(ctx: ModelContext) -> list[Term]:
    """Minutes each staff group's hours lie outside the exact percentages of R27's band."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    by_group = {
        group: sum(v.staff_minutes(m.id) for m in course.staff_in(group)) for group in StaffGroup
    }
    total = sum(by_group.values())
    most = sum(o.minutes * len(o.halves) * o.spec.staff for o in v.occurrences if o.spec)
    terms: list[Term] = []
    for group, band in course.standard.staff_hours.shares.items():
        minutes = by_group[group]
        outside = model.new_int_var(0, most, f"share_outside_exact[{group}]")
        model.add(100 * outside >= 100 * minutes - band.max_percent * total)
        model.add(100 * outside >= band.min_percent * total - 100 * minutes)
        terms.append((1, outside))
    return terms


# Sessions for every participant that a known absence should not fall on (R11, R18, R19).
EVERYONE_THERE = (Purpose.OPENING, Purpose.CLOSING, Purpose.MEASURES_START, Purpose.MEASURES_END)


def avoid_absences(ctx: ModelContext) -> list[Term]:
    """One unit per opening, closing or measures session that overlaps a participant's known
    absence. Cheap: a term only for an absence on a day the session may be on, and two
    half-reified bounds on the session's start."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    terms: list[Term] = []
    for occurrence in v.occurrences:
        if occurrence.purpose not in EVERYONE_THERE or occurrence.start is None:
            continue
        for participant in course.participants:
            for day_date, windows in participant.unavailable.items():
                if day_date not in course.days:
                    continue
                day = course.days.index(day_date)
                if day not in occurrence.day_lit:
                    continue
                for window in windows:
                    # Starts in [first, last] overlap the absence.
                    first = v.day_origin(day) + window.start // v.slot - occurrence.length + 1
                    last = v.day_origin(day) + -(-window.end // v.slot) - 1
                    name = f"{occurrence.id},{participant.id},{window}"
                    before = model.new_bool_var(f"before_absence[{name}]")
                    after = model.new_bool_var(f"after_absence[{name}]")
                    missed = model.new_bool_var(f"misses[{name}]")
                    model.add(occurrence.start <= first - 1).only_enforce_if(before)
                    model.add(occurrence.start >= last + 1).only_enforce_if(after)
                    model.add_bool_or([before, after, missed])
                    terms.append((1, missed))
    return terms


PREFERENCES = {
    "balanced_days": balanced_days,
    "no_idle_gaps": no_idle_gaps,
    "physician_lectures_early": physician_lectures_early,
    "no_pool_after_lunch": no_pool_after_lunch,
    "exact_shares": exact_shares,
    "balanced_small_groups": balanced_small_groups,
    "whole_team_meeting": whole_team_meeting,
    "staff_meeting_midweek": staff_meeting_midweek,
    "goal_review_midweek": goal_review_midweek,
    "avoid_absences": avoid_absences,
}


def objective_terms(ctx: ModelContext) -> dict[str, tuple[int, cp_model.LinearExpr | int]]:
    """Each preference that is on: its weight and its amount in its own unit (minutes, days,
    sessions: models.course.preference_unit), by name. Its penalty is weight x amount, the
    objective the sum of the penalties."""
    preferences = ctx.course.preferences
    named: dict[str, tuple[int, cp_model.LinearExpr | int]] = {}
    for name, build in PREFERENCES.items():
        weight = getattr(preferences, name)
        if weight:
            terms = build(ctx)
            amount = cp_model.LinearExpr.weighted_sum([e for _, e in terms], [s for s, _ in terms])
            named[name] = (weight, amount)
    return named
