"""Redundant constraints that remove symmetric copies of the same timetable (no rule of their own).

They change no answer: every timetable has a relabelled twin that satisfies them. The groups
they order are also what the neighbourhood search frees together (a move cannot take one of
them past another it keeps fixed).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from models.base import SessionKind
from models.course import Course
from scheduler.cpsat.context import ModelContext
from scheduler.cpsat.variables import CourseVars, Occurrence


def identical_occurrences(v: CourseVars) -> list[list[Occurrence]]:
    """The n occurrences of each group-level spec (n > 1): interchangeable."""
    by_spec: dict[str, list[Occurrence]] = defaultdict(list)
    for occurrence in v.occurrences:
        if occurrence.spec is not None and occurrence.participant is None:
            by_spec[occurrence.spec.id].append(occurrence)
    return [occurrences for occurrences in by_spec.values() if len(occurrences) > 1]


def interchangeable_firsts(v: CourseVars, course: Course) -> list[Occurrence]:
    """The first individual session of each participant with no attributes of their own."""
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
    return firsts


def symmetric_groups(v: CourseVars, course: Course) -> list[list[Occurrence]]:
    """Every group of occurrences the breakers below put in order."""
    firsts = interchangeable_firsts(v, course)
    return identical_occurrences(v) + ([firsts] if len(firsts) > 1 else [])


def order_identical_occurrences(ctx: ModelContext) -> None:
    """The n occurrences of a group-level spec are interchangeable: take them in time order."""
    for occurrences in identical_occurrences(ctx.vars):
        for earlier, later in pairwise(occurrences):
            assert earlier.start is not None and later.start is not None
            ctx.model.add(earlier.start < later.start)


def order_interchangeable_participants(ctx: ModelContext) -> None:
    """Participants with no attributes of their own are interchangeable: order their first
    individual session (and so relabel any timetable into this one's form)."""
    for earlier, later in pairwise(interchangeable_firsts(ctx.vars, ctx.course)):
        assert earlier.start is not None and later.start is not None
        ctx.model.add(earlier.start <= later.start)


SYMMETRY_BREAKERS = (order_identical_occurrences, order_interchangeable_participants)
