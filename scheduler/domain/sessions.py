"""The standard's arithmetic of sessions, stated once: lengths on the slot grid, how often a
session is held, who may lead it, how many people it holds, which rooms fit and reach, how many
programme and staff minutes the course's sessions add up to.

Validation, the pre-checks, the explanations, the hours table and the CP-SAT model all ask here,
so they never disagree about what a session is (the checker asks here for facts, never for the
solver's constraints).
"""

from __future__ import annotations

from collections.abc import Iterable

from models.base import PROGRAMME_KINDS, STAFF_HOURS_KINDS, SessionKind
from models.course import Course, Room, StaffMember
from models.standard import SessionSpec, Standard


def on_grid(course: Course, minutes: int) -> int:
    """A length rounded up to the course's slot grid (the timetable is on slots)."""
    slot = course.info.slot_minutes
    return -(-minutes // slot) * slot


def session_minutes(course: Course, spec: SessionSpec) -> int:
    """A session's length on the timetable: rounded up to the slot grid, as the solver does."""
    return on_grid(course, spec.minutes)


def lunch_minutes(course: Course) -> int:
    """R8: the daily lunch's length on the slot grid."""
    return on_grid(course, course.info.lunch.minutes)


def occurrences(course: Course, spec: SessionSpec) -> int:
    """How many times a spec is held: per participant for individual sessions."""
    if spec.kind == SessionKind.INDIVIDUAL:
        return spec.count * len(course.participants)
    return spec.count


def halves(spec: SessionSpec) -> int:
    """Small-group work runs as two halves side by side, each with its own staff and room."""
    return 2 if spec.kind == SessionKind.SMALL_GROUP else 1


def counts_staff_hours(spec: SessionSpec) -> bool:
    """R26: sessions with participants count; the team meeting does not."""
    return spec.kind in STAFF_HOURS_KINDS


def is_programme(spec: SessionSpec) -> bool:
    """R4: the group's programme (small-group halves side by side count once)."""
    return spec.kind in PROGRAMME_KINDS


def staff_minutes(course: Course, spec: SessionSpec) -> int:
    """Staff time a spec takes in all: length x occurrences x halves x staff each."""
    return session_minutes(course, spec) * occurrences(course, spec) * halves(spec) * spec.staff


def programme_minutes(course: Course, specs: Iterable[SessionSpec] | None = None) -> int:
    """R4: the group programme the sessions add up to (each held in full, halves once)."""
    chosen = course.sessions if specs is None else specs
    return sum(session_minutes(course, s) * s.count for s in chosen if is_programme(s))


def small_group_minutes(course: Course) -> int:
    """R7: the time the course's sessions split the group in two."""
    return sum(
        session_minutes(course, s) * s.count
        for s in course.sessions
        if s.kind == SessionKind.SMALL_GROUP
    )


def total_staff_minutes(course: Course) -> int:
    """R26: the staff minutes with participants the course's sessions give in all."""
    return sum(staff_minutes(course, s) for s in course.sessions if counts_staff_hours(s))


def theme_allows(standard: Standard, spec: SessionSpec, role: str, group: str) -> bool:
    """R9: whether a session's theme lets someone of this role and staff group lead it."""
    theme = standard.theme(spec.theme) if spec.theme else None
    return theme is None or role in theme.leaders or group in theme.leaders


def may_lead(course: Course, member: StaffMember, spec: SessionSpec) -> bool:
    """Who may lead a spec: its own leader list and its theme's (R9)."""
    group = course.group_of(member).value
    return course.may_lead(member, spec) and theme_allows(course.standard, spec, member.role, group)


def eligible(course: Course, spec: SessionSpec) -> list[StaffMember]:
    """The staff members who may lead a spec (its leader list and its theme, R9)."""
    return [member for member in course.staff if may_lead(course, member, spec)]


def candidate_rooms(course: Course, spec: SessionSpec) -> list[Room]:
    """The rooms of a session's kinds that a timetable puts it in: all of them, or the on-site
    ones when its kinds mix on-site and off-site rooms (whether the group travels, and so
    whether the session may be interrupted, R16, is then known before the room is chosen).
    Off-site rooms at different distances stay a choice; each brings its own travel (R29)."""
    rooms = rooms_of_kind(course, spec)
    on_site = [room for room in rooms if not room.offsite]
    return on_site if on_site else rooms


def transfer_minutes(course: Course, spec: SessionSpec) -> int:
    """The least one-way travel a session needs (R29, R30): 0 on site; for off-site rooms at
    different distances the nearest one's, so that a bound built on it never claims too much."""
    return min((course.transfer_minutes(room) for room in candidate_rooms(course, spec)), default=0)


def may_be_interrupted(course: Course, spec: SessionSpec) -> bool:
    """R16: whether an individual session may overlap this session: an interruptible group
    session held on site, never one the standard keeps whole (the opening, the closing, a
    lecture), small-group work, a meal or an off-site session."""
    return (
        spec.kind == SessionKind.GROUP
        and spec.interruptible
        and spec.purpose not in course.standard.never_interrupted
        and transfer_minutes(course, spec) == 0
    )


def attendees(course: Course, spec: SessionSpec) -> int:
    """R30: the fewest participants a room of the session must hold: one for an individual
    session, none for the team meeting, the whole group for a group session, and for a small
    group the participants fixed to the larger small group, at least one (the split itself is
    chosen with the timetable, R7)."""
    if spec.kind == SessionKind.INDIVIDUAL:
        return 1
    if spec.kind == SessionKind.STAFF_MEETING:
        return 0
    if spec.kind == SessionKind.SMALL_GROUP:
        fixed = [p.small_group for p in course.participants if p.small_group]
        return max(1, fixed.count("A"), fixed.count("B"))
    return len(course.participants)


def near_enough(standard: Standard, room: Room) -> bool:
    """R30: an off-site room lies within the standard's minutes or its kilometres (§8:
    "enintään 20 minuutin tai 20 km:n etäisyydellä", either is enough); without its
    kilometres, its minutes decide."""
    limits = standard.rooms
    km_ok = room.offsite_km is not None and room.offsite_km <= limits.offsite_max_km
    return room.offsite_minutes <= limits.offsite_max_minutes or km_ok


def room_fits(course: Course, spec: SessionSpec, room: Room) -> bool:
    """R30: a room of one of the session's kinds, big enough and near enough."""
    return (
        room.kind in spec.rooms
        and room.capacity >= attendees(course, spec)
        and near_enough(course.standard, room)
    )


def rooms_of_kind(course: Course, spec: SessionSpec) -> list[Room]:
    """The course's rooms of the kinds a session names (big enough or not)."""
    return [room for room in course.rooms if room.kind in spec.rooms]


def usable_rooms(course: Course, spec: SessionSpec) -> list[Room]:
    """The rooms a session may be held in (R30)."""
    return [room for room in course.rooms if room_fits(course, spec, room)]
