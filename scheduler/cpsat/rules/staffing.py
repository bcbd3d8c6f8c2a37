"""Who leads what and how many hours each group gives (R9, R18-R20, R23, R24, R26-R28)."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.base import Purpose, StaffGroup
from models.rules import rule_of_purpose
from scheduler.cpsat.context import ModelContext


def add_staffing(ctx: ModelContext) -> None:
    """R9, R18, R19, R23, R28: each session (half) has its number of staff, all allowed to lead
    it by its own list and its theme, with the roles it requires (the physician at the closing);
    the team meeting has at least its number of the team's places (a stand-in fills a place)."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    places = course.team_places()
    for occurrence in v.occurrences:
        spec = occurrence.spec
        if spec is None:
            continue
        key = rule_of_purpose(occurrence.purpose)
        for half in occurrence.halves:
            lits = dict(occurrence.staff_in_half(half))
            if occurrence.purpose == Purpose.STAFF_MEETING:
                # At least `staff` places of the team meet, each place once (a stand-in and
                # whom they replace are one place); more is the whole_team_meeting preference.
                for members in places.values():
                    fillers = [lits[m.id] for m in members if m.id in lits]
                    ctx.add(model.add(sum(fillers) <= 1), key)
                ctx.add(model.add(sum(lits.values()) >= spec.staff), key)
            else:
                ctx.add(model.add(sum(lits.values()) == spec.staff), key)
            for role in spec.required_roles:
                with_role = [lit for sid, lit in lits.items() if course.member(sid).role == role]
                ctx.add(model.add_bool_or(with_role), key)


def add_team(ctx: ModelContext) -> None:
    """R20: the team holds the standard's roles in number, each place with its minimum hours.

    A stand-in from a re-plan holds the place of whom they replace: their hours add up.
    """
    model, v, course = ctx.model, ctx.vars, ctx.course
    places = course.team_places()
    for role, limit in course.standard.team.roles.items():
        held = [members for members in places.values() if members[0].role == role]
        if len(held) != limit.count:
            ctx.add(model.add_bool_or([]), "R20")
        for members in held:
            minutes = sum(v.staff_minutes(member.id) for member in members)
            ctx.add(model.add(minutes >= limit.min_minutes), "R20")


def add_special_workers(ctx: ModelContext) -> None:
    """R24: special workers of at least the standard's number of different professions take part."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    special = course.standard.special_workers
    used: list[cp_model.IntVar | int] = []
    for profession in special.professions:
        members = [m for m in course.staff_in(StaffGroup.SPECIAL) if m.role in profession.roles]
        lits = [
            lit
            for o in v.occurrences
            if o.counts_staff_hours
            for m in members
            for lit in o.staff_lits_of(m.id)
        ]
        if any(v.held.minutes.get(m.id) for m in members):
            used.append(1)  # took part in a re-plan's past, which no longer changes
            continue
        if not lits:
            continue
        takes_part = model.new_bool_var(f"profession_used[{profession.id}]")
        model.add_bool_or(lits).only_enforce_if(takes_part)
        used.append(takes_part)
    ctx.add(model.add(sum(used) >= special.min_count), "R24")


def add_staff_hours(ctx: ModelContext) -> None:
    """R26, R27: staff hours with participants in total, and each group's share of them in the
    standard's band: the exact percentage or its rounding to whole hours, whichever is wider
    (see Standard.share_bounds_minutes)."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    hours = course.standard.staff_hours
    by_group = {
        group: sum(v.staff_minutes(m.id) for m in course.staff_in(group)) for group in StaffGroup
    }
    total = sum(by_group.values())
    ctx.add(model.add(total >= hours.min_total_minutes), "R26")
    unit = hours.round_to_minutes
    most = sum(o.minutes * len(o.halves) * o.spec.staff for o in v.occurrences if o.spec)
    for group, band in hours.shares.items():
        minutes = by_group[group]
        for percent, is_min in ((band.min_percent, True), (band.max_percent, False)):
            side = "min" if is_min else "max"
            # rounded = round_half_up(percent * total / (100 * unit)) whole units, as a variable:
            # 100u * rounded <= percent * total + 50u <= 100u * rounded + 100u - 1
            rounded = model.new_int_var(0, most // unit + 1, f"share_{side}[{group}]")
            model.add(100 * unit * rounded <= percent * total + 50 * unit)
            model.add(percent * total + 50 * unit <= 100 * unit * rounded + 100 * unit - 1)
            exact = model.new_bool_var(f"share_{side}_exact[{group}]")
            if is_min:
                ctx.add(model.add(100 * minutes >= percent * total).only_enforce_if(exact), "R27")
                ctx.add(model.add(minutes >= unit * rounded).only_enforce_if(~exact), "R27")
            else:
                ctx.add(model.add(100 * minutes <= percent * total).only_enforce_if(exact), "R27")
                ctx.add(model.add(minutes <= unit * rounded).only_enforce_if(~exact), "R27")
