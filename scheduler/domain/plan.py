"""A provider's week: several courses that share staff and rooms (a plan), as plain facts.

The same staff id in two courses is the same person, the same room id the same room (R29, R30).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from models.course import Course


@dataclass
class Shared:
    """What the courses of a plan share: people (with a week-long maximum) and rooms."""

    staff: dict[str, list[str]] = field(default_factory=dict)  # staff id -> course keys
    rooms: dict[str, list[str]] = field(default_factory=dict)  # room id -> course keys
    week_max_minutes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class PlanCourse:
    key: str  # the course's id in the plan: names its outputs
    course: Course
    source: str
    sha256: str | None = None


@dataclass(frozen=True)
class Plan:
    title: str
    courses: tuple[PlanCourse, ...]
    shared: Shared = field(default_factory=Shared)

    @property
    def first_day(self) -> date:
        return min(c.course.info.first_day for c in self.courses)

    def pairs(self) -> list[tuple[str, Course]]:
        return [(c.key, c.course) for c in self.courses]


def sharing_groups(plan: Plan) -> list[list[PlanCourse]]:
    """The plan's courses in groups joined by the people they share (in plan order)."""
    parent = {c.key: c.key for c in plan.courses}

    def root(key: str) -> str:
        while parent[key] != key:
            key = parent[key]
        return key

    for keys in plan.shared.staff.values():
        for key in keys[1:]:
            parent[root(key)] = root(keys[0])
    groups: dict[str, list[PlanCourse]] = {}
    for course in plan.courses:
        groups.setdefault(root(course.key), []).append(course)
    return list(groups.values())


def shared_of(
    courses: Sequence[PlanCourse], week_max_minutes: dict[str, int] | None = None
) -> Shared:
    """The people and rooms that appear in more than one course, and the week-long maximum of
    each shared person (the plan's own fact, else the least any course file gives)."""
    shared = Shared()
    staff: dict[str, list[str]] = {}
    rooms: dict[str, list[str]] = {}
    for entry in courses:
        for member in entry.course.staff:
            staff.setdefault(member.id, []).append(entry.key)
        for room in entry.course.rooms:
            rooms.setdefault(room.id, []).append(entry.key)
    shared.staff = {k: v for k, v in staff.items() if len(v) > 1}
    shared.rooms = {k: v for k, v in rooms.items() if len(v) > 1}
    given = week_max_minutes or {}
    for staff_id in shared.staff:
        limits = [
            c.course.member(staff_id).max_minutes
            for c in courses
            if any(s.id == staff_id for s in c.course.staff)
        ]
        most = given.get(staff_id)
        if most is None and any(m is not None for m in limits):
            most = min(m for m in limits if m is not None)
        if most is not None:
            shared.week_max_minutes[staff_id] = most
    return shared


def plan_of(courses: Sequence[tuple[str, Course]], title: str = "plan") -> Plan:
    """A plan made in code (the bench's generated weeks)."""
    entries = [PlanCourse(key=key, course=course, source=key) for key, course in courses]
    return Plan(title=title, courses=tuple(entries), shared=shared_of(entries))
