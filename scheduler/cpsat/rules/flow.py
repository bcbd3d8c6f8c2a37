"""The course flow: small groups, the first day, goals after interviews (R7, R12, R15, R17, R18)."""

from __future__ import annotations

from models.base import Purpose, SessionKind
from models.rules import rule_of_purpose
from scheduler.cpsat.context import ModelContext

FIRST_DAY = 0


def add_small_group_split(ctx: ModelContext) -> None:
    """R7: at least the standard's small-group time, the group split into two small groups
    (someone in each; their sizes are free, balanced_small_groups prefers them even)."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    split_minutes = sum(o.minutes for o in v.occurrences if o.kind == SessionKind.SMALL_GROUP)
    if split_minutes < course.standard.small_group_min_minutes:
        ctx.add(model.add_bool_or([]), "R7")
    size = v.half_a_size
    if len(v.in_half_a) >= 2:
        ctx.add(model.add(size >= 1), "R7")
        ctx.add(model.add(size <= len(v.in_half_a) - 1), "R7")
    for participant in course.participants:
        if participant.small_group:
            model.add(v.in_half_a[participant.id] == int(participant.small_group == "A"))


def add_first_day(ctx: ModelContext) -> None:
    """R12, R18: the course starts with the opening discussion; nothing comes before it on day 1."""
    model, v = ctx.model, ctx.vars
    openings = [o for o in v.occurrences if o.purpose == Purpose.OPENING]
    if not openings:
        ctx.add(model.add_bool_or([]), "R18")
        return
    first_opening = openings[0]
    assert first_opening.start is not None
    for occurrence in v.with_participants():
        if occurrence in openings or FIRST_DAY not in occurrence.day_lit:
            continue
        assert occurrence.busy_start is not None
        ctx.add(
            model.add(occurrence.busy_start >= first_opening.start).only_enforce_if(
                occurrence.day_lit[FIRST_DAY]
            ),
            "R12",
        )


def add_session_order(ctx: ModelContext) -> None:
    """R15, R17: a session that follows another: a participant's GAS goal meeting after their
    interview; the group's goal review after every GAS goal meeting (the goals are set)."""
    model, v = ctx.model, ctx.vars
    for occurrence in v.occurrences:
        spec = occurrence.spec
        if spec is None or spec.after is None:
            continue
        if occurrence.participant is not None:
            earlier = [
                o
                for o in v.individual_of(occurrence.participant)
                if o.spec and o.spec.id == spec.after
            ]
        else:
            earlier = v.of_spec(spec.after)
        key = rule_of_purpose(occurrence.purpose)
        for before in earlier:
            assert occurrence.start is not None and before.end is not None
            ctx.add(model.add(occurrence.start >= before.end), key)
