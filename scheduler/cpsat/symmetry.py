"""Redundant constraints that remove symmetric copies of the same timetable (no rule of their own).

They change no answer: every timetable has a relabelled twin that satisfies them.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from models.base import SessionKind
from scheduler.cpsat.context import ModelContext


def order_identical_occurrences(ctx: ModelContext) -> None:
    """The n occurrences of a group-level spec are interchangeable: take them in time order."""
    model, v = ctx.model, ctx.vars
    by_spec = defaultdict(list)
    for occurrence in v.occurrences:
        if occurrence.spec is not None and occurrence.participant is None:
            by_spec[occurrence.spec.id].append(occurrence)
    for occurrences in by_spec.values():
        for earlier, later in pairwise(occurrences):
            assert earlier.start is not None and later.start is not None
            model.add(earlier.start < later.start)


def order_interchangeable_participants(ctx: ModelContext) -> None:
    """Participants with no attributes of their own are interchangeable: order their first
    individual session (and so relabel any timetable into this one's form)."""
    model, v, course = ctx.model, ctx.vars, ctx.course
    plain = [
        p.id
        for p in course.participants
        if not p.small_group and not p.unavailable and p.name is None
    ]
    firsts = []
    for participant_id in plain:
        own = [o for o in v.individual_of(participant_id) if o.kind == SessionKind.INDIVIDUAL]
        if own:
            firsts.append(own[0])
    for earlier, later in pairwise(firsts):
        assert earlier.start is not None and later.start is not None
        model.add(earlier.start <= later.start)


SYMMETRY_BREAKERS = (order_identical_occurrences, order_interchangeable_participants)
