"""Cheap checks for the common impossibilities, with exact numbers, before any solving.

Each check is a necessary condition of the hard rules (a relaxation of the CP-SAT model): when
one fails no timetable can exist, and the message says which rule, which sessions need what and
what the people and days give, e.g. "R14: 10 interviews need 10 h of team time on days 1-2; the
team is available 7 h 30 min then: pt1 3 h, pt2 2 h, psy 2 h 30 min, reum 0 h". A course that
passes may still be infeasible; the solver's explanation (scheduler/explain/course.py) covers
the rest. The arithmetic is the domain core's (scheduler/domain), the words scheduler/words.py's.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.base import SessionKind, StaffGroup
from models.course import Course
from models.rules import rule_of_purpose, rules_text
from models.standard import SessionSpec
from scheduler.domain.people import available_minutes
from scheduler.domain.sessions import (
    attendees,
    counts_staff_hours,
    eligible,
    halves,
    is_programme,
    lunch_minutes,
    may_be_interrupted,
    near_enough,
    occurrences,
    programme_minutes,
    rooms_of_kind,
    session_minutes,
    staff_minutes,
    total_staff_minutes,
    transfer_minutes,
    usable_rooms,
)
from scheduler.errors import Infeasible
from scheduler.words import (
    availability_text,
    days_text,
    hours,
    joined,
    person,
    reader,
    role_name,
    room_kind_name,
    room_label,
    say,
    spec_words,
    staff_words,
)

__all__ = ["precheck", "reasons"]

# -- the checks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Need:
    spec: SessionSpec
    pool: frozenset[str]
    days: frozenset[int]
    minutes: int


def _day_capacity(course: Course) -> list[str]:
    """R3, R4, R8: the group programme, travel and lunch fit the days the course has."""
    info, standard = course.info, course.standard
    lunch = lunch_minutes(course)
    span = min(info.day_window.minutes, standard.day_max_minutes)
    usable = max(span - lunch, 0)
    day_min, day_max = course.programme_day_bounds
    count = len(course.days)
    group_specs = [s for s in course.sessions if is_programme(s)]
    programme = programme_minutes(course)
    travel = sum(2 * transfer_minutes(course, s) * s.count for s in group_specs)
    needed = max(programme, standard.programme.min_total_minutes)
    language = reader()
    day_words = say(
        "pre_day_words",
        window=info.day_window,
        length=hours(info.day_window.minutes),
        most=hours(standard.day_max_minutes),
        lunch=hours(lunch),
        usable=hours(usable),
    )
    reasons = []
    if needed + travel > usable * count:
        travel_words = say("pre_travel", travel=hours(travel)) if travel else ""
        reasons.append(
            say(
                "pre_days_too_short",
                programme=hours(programme),
                count=count,
                need=hours(standard.programme.min_total_minutes),
                travel=travel_words,
                days=day_words,
                total=hours(usable * count),
            )
        )
    elif programme > day_max * count:
        reasons.append(
            say(
                "pre_programme_over_days",
                programme=hours(programme),
                count=count,
                most=hours(day_max),
                total=hours(day_max * count),
                remove=hours(programme - day_max * count),
            )
        )
    elif programme < day_min * count:
        reasons.append(
            say(
                "pre_programme_under_days",
                least=hours(day_min),
                total=hours(day_min * count),
                programme=hours(programme),
                add=hours(day_min * count - programme),
            )
        )
    elif day_min > usable:
        reasons.append(say("pre_day_minimum", least=hours(day_min), days=day_words))
    else:
        for index in range(count):
            fixed = [s for s in group_specs if s.allowed_days(count) == (index,)]
            minutes = programme_minutes(course, fixed)
            moved = sum(2 * transfer_minutes(course, s) * s.count for s in fixed)
            limit = min(usable, day_max + moved)
            if fixed and minutes + moved > limit:
                what = joined(
                    [f"{spec_words(course, s, language)} ({hours(s.minutes)})" for s in fixed],
                    language,
                )
                reasons.append(
                    say(
                        "pre_day_overfull",
                        day=days_text(course, [index], language),
                        what=what,
                        total=hours(minutes + moved),
                        most=hours(min(usable, day_max)),
                        days=day_words,
                        daily=hours(day_max),
                    )
                )
    return reasons


def _needs(course: Course) -> list[_Need]:
    count = len(course.days)
    return [
        _Need(
            spec,
            frozenset(m.id for m in eligible(course, spec)),
            frozenset(spec.allowed_days(count)),
            staff_minutes(course, spec),
        )
        for spec in course.sessions
        if spec.staff > 0
    ]


def _shortfall(course: Course, needs: list[_Need]) -> tuple[int, dict[str, int]] | None:
    """Staff minutes some sessions need beyond what the people who may lead them have on the
    days they may be held, with each person's minutes; None when they have enough."""
    pool = frozenset().union(*(n.pool for n in needs))
    days = frozenset().union(*(n.days for n in needs))
    demand = sum(n.minutes for n in needs)
    shortest = min(session_minutes(course, n.spec) for n in needs)
    counting_only = all(counts_staff_hours(n.spec) for n in needs)
    supply = {}
    for member in course.staff:
        if member.id not in pool:
            continue
        minutes = available_minutes(course, member, days, shortest)
        if counting_only and member.max_minutes is not None:
            minutes = min(minutes, member.max_minutes)
        supply[member.id] = minutes
    if demand <= sum(supply.values()):
        return None
    return demand - sum(supply.values()), supply


def _staff_time(course: Course) -> list[str]:
    """R9, R11-R19, R23, R28, R29: the staff who may lead some sessions have the hours for
    them on the days they may be held (a Hall-type count over pools of people and sets of days).

    Each shortfall found is shrunk to the fewest sessions that still show it, so the message
    names only what matters ("10 interviews need 10 h of team time on days 1-2").
    """
    needs = [n for n in _needs(course) if n.pool]
    all_days = frozenset(range(len(course.days)))
    pools = {need.pool for need in needs} | {frozenset(m.id for m in course.staff)}
    day_sets = {need.days for need in needs} | {all_days}
    found: dict[frozenset[str], list[_Need]] = {}
    for pool in pools:
        for days in day_sets:
            involved = [n for n in needs if n.pool <= pool and n.days <= days]
            if not involved or _shortfall(course, involved) is None:
                continue
            # Drop sessions, smallest first, while the shortfall remains.
            for need in sorted(involved, key=lambda n: (n.minutes, n.spec.id)):
                rest = [n for n in involved if n is not need]
                if rest and _shortfall(course, rest) is not None:
                    involved = rest
            found.setdefault(frozenset(n.spec.id for n in involved), involved)
    reasons = []
    for _, involved in sorted(found.items(), key=lambda item: (len(item[0]), sorted(item[0]))):
        shortfall = _shortfall(course, involved)
        assert shortfall is not None
        reasons.append(_staff_time_words(course, involved, shortfall[1]))
    return reasons[:3]


def _staff_time_words(course: Course, involved: list[_Need], supply: dict[str, int]) -> str:
    language = reader()
    pool = frozenset(supply)
    days = frozenset().union(*(n.days for n in involved))
    demand = sum(n.minutes for n in involved)
    specs = [n.spec for n in involved]
    named = [spec_words(course, s, language) for s in specs]
    if len(specs) > 4:
        what = say("pre_and_more", some=", ".join(named[:3]), more=len(specs) - 3)
    else:
        what = joined(named, language)
    members = {m.id: m for m in course.staff}
    each = ", ".join(
        f"{members[member_id].label} {hours(minutes)}" for member_id, minutes in supply.items()
    )
    return say(
        "pre_staff_time",
        rules=rules_text([rule_of_purpose(s.purpose) for s in specs]),
        what=what,
        demand=hours(demand),
        when=days_text(course, days, language),
        pool=staff_words(course, pool, language),
        available=hours(sum(supply.values())),
        each=f" ({each})" if len(pool) > 1 else "",
    )


def _special_professions(course: Course) -> list[str]:
    """R24: special workers of enough different professions can take part at all."""
    language = reader()
    special = course.standard.special_workers
    count = len(course.days)
    counting = [s for s in course.sessions if counts_staff_hours(s)]
    usable: dict[str, list[str]] = {}
    why_not: list[str] = []
    for member in course.staff_in(StaffGroup.SPECIAL):
        profession = special.profession_of(member.role)
        if profession is None:
            continue  # validation reports roles off R24's list
        specs = [s for s in counting if member in eligible(course, s)]
        if not specs:
            why_not.append(say("pre_special_leads_nothing", person=person(member, language)))
            continue
        shortest = min(session_minutes(course, s) for s in specs)
        days = set().union(*(s.allowed_days(count) for s in specs))
        if available_minutes(course, member, days, shortest) == 0:
            if available_minutes(course, member, range(count)) == 0:
                why_not.append(say("pre_special_never", person=person(member, language)))
            else:
                why_not.append(say("pre_special_short", person=person(member, language)))
            continue
        if member.max_minutes is not None and member.max_minutes < shortest:
            why_not.append(
                say(
                    "pre_special_capped",
                    person=person(member, language),
                    most=hours(member.max_minutes),
                )
            )
            continue
        usable.setdefault(profession, []).append(member.id)
    if len(usable) >= special.min_count:
        return []
    members = {m.id: m for m in course.staff}
    if usable:
        people = joined(
            [person(members[i], language) for ids in usable.values() for i in ids], language
        )
        key = "pre_special_can_one" if len(usable) == 1 else "pre_special_can"
        can = say(key, count=len(usable), people=people)
    else:
        can = say("pre_special_none_can")
    return [
        say(
            "pre_special",
            needed=special.min_count,
            can=can,
            why="; ".join(why_not),
        )
    ]


def _shares(course: Course) -> list[str]:
    """R27: each staff group can reach its share of the staff hours (which are fixed in all)."""
    standard = course.standard
    counting = [s for s in course.sessions if counts_staff_hours(s)]
    total = total_staff_minutes(course)
    if total < standard.staff_hours.min_total_minutes:
        return []  # validation reports R26
    language = reader()
    all_days = range(len(course.days))
    reasons = []
    for group in standard.staff_hours.shares:
        members = {m.id for m in course.staff_in(group)}
        most, least = 0, 0
        parts = []
        for spec in counting:
            pool = {m.id for m in eligible(course, spec)}
            per = session_minutes(course, spec) * occurrences(course, spec) * halves(spec)
            can = per * min(spec.staff, len(pool & members))
            most += can
            least += per * max(0, spec.staff - len(pool - members))
            if can:
                parts.append(f"{spec_words(course, spec, language)} {hours(can)}")
        cap = sum(
            min(
                available_minutes(course, m, all_days),
                m.max_minutes if m.max_minutes is not None else 10**9,
            )
            for m in course.staff_in(group)
        )
        low, high = standard.share_bounds_minutes(group, total)
        band = standard.staff_hours.shares[group]
        name = say(f"pre_group_{group.value}")
        if min(most, cap) < low:
            limit = (
                say(
                    "pre_share_sessions",
                    most=hours(most),
                    parts=", ".join(parts) or say("val_none"),
                )
                if most <= cap
                else say("pre_share_available", most=hours(cap))
            )
            reasons.append(
                say(
                    "pre_share_low",
                    group=name,
                    low=hours(low),
                    percent=band.min_percent,
                    total=hours(total),
                    limit=limit,
                )
            )
        elif least > high:
            reasons.append(
                say(
                    "pre_share_high",
                    group=name,
                    high=hours(high),
                    percent=band.max_percent,
                    total=hours(total),
                    least=hours(least),
                )
            )
    return reasons


def _team_minimum(course: Course) -> list[str]:
    """R20: each team member can reach their minimum hours with participants."""
    language = reader()
    limits = course.standard.team.roles
    counting = [s for s in course.sessions if counts_staff_hours(s)]
    reasons = []
    for member in course.staff_in(StaffGroup.TEAM):
        limit = limits.get(member.role)
        if limit is None:
            continue
        specs = [s for s in counting if member in eligible(course, s)]
        possible = sum(session_minutes(course, s) * occurrences(course, s) for s in specs)
        if possible < limit.min_minutes:
            listed = ", ".join(spec_words(course, s, language) for s in specs) or say("val_none")
            reasons.append(
                say(
                    "pre_team_minimum",
                    person=person(member, language),
                    least=hours(limit.min_minutes),
                    listed=listed,
                    possible=hours(possible),
                )
            )
    return reasons


def _required_roles(course: Course) -> list[str]:
    """R19 and the like: a session that needs someone of a role (the physician at the closing
    discussion) has such a person available, long enough, on a day it may be held."""
    language = reader()
    count = len(course.days)
    physician = course.standard.team.physician_role
    reasons = []
    for spec in course.sessions:
        minutes = session_minutes(course, spec)
        days = spec.allowed_days(count)
        for role in spec.required_roles:
            holders = [m for m in eligible(course, spec) if m.role == role]
            if not holders:
                continue  # validation reports a role nobody on the staff holds
            if any(available_minutes(course, m, days, minutes) for m in holders):
                continue
            named = (
                say("pre_the_physician")
                if role == physician
                else say("pre_a_role", role=role_name(role, language))
            )
            away = "; ".join(
                f"{person(m, language)} {availability_text(course, m, days, language)}"
                for m in holders
            )
            reasons.append(
                say(
                    "pre_required_role",
                    rule=rule_of_purpose(spec.purpose),
                    what=spec_words(course, spec, language),
                    length=hours(minutes),
                    when=days_text(course, days, language),
                    named=named,
                    names=", ".join(m.label for m in holders),
                    away=away,
                )
            )
    return reasons


def _usable_rooms(course: Course) -> list[str]:
    """R30: every session with rooms has a room of its kinds that is big enough and, when
    off-site, near enough (the standard's limit in minutes and kilometres)."""
    language = reader()
    limits = course.standard.rooms
    reasons = []
    for spec in course.sessions:
        if not spec.rooms:
            continue
        people = attendees(course, spec)
        rooms = rooms_of_kind(course, spec)
        if not rooms:
            continue  # validation reports a room kind the course lacks
        why = []
        for room in rooms:
            if not near_enough(course.standard, room):
                km = f" / {room.offsite_km:g} km" if room.offsite_km is not None else ""
                why.append(
                    say(
                        "pre_room_far",
                        room=room_label(room, language),
                        minutes=room.offsite_minutes,
                        km=km,
                        most=limits.offsite_max_minutes,
                        most_km=f"{limits.offsite_max_km:g}",
                    )
                )
            elif room.capacity < people:
                why.append(
                    say("pre_room_small", room=room_label(room, language), capacity=room.capacity)
                )
            else:
                break
        else:
            kinds = [room_kind_name(k, language) for k in spec.rooms]
            reasons.append(
                say(
                    "pre_rooms",
                    what=spec_words(course, spec, language),
                    kinds=joined(kinds, language, "or"),
                    people=people,
                    why="; ".join(why),
                )
            )
    return reasons


def _hosts(course: Course, group: SessionSpec, individual: SessionSpec) -> bool:
    """Whether an individual session could be held during a group session (R16, R30): the
    group session may be interrupted, and it does not hold the one room both could use."""
    if not may_be_interrupted(course, group):
        return False
    rooms = {room.id for room in usable_rooms(course, group)}
    return not (len(rooms) == 1 and {room.id for room in usable_rooms(course, individual)} <= rooms)


def _individual_time(course: Course) -> list[str]:
    """R16, R29, R30: what one person alone may lead of the individual sessions fits in the time
    the group leaves them.

    Individual sessions overlap only group sessions that may be interrupted (R16), and only
    where a room is left for them (R30), never the lunch: the other group sessions (with travel)
    and the lunches take the rest of the course days' windows. One person leads one session at
    a time (R29): the individual sessions only they may lead, beside the interruptible group
    sessions only they may lead, must fit in what is left. (A sum over the whole course: a
    relaxation, never stricter than the rules.)
    """
    language = reader()
    count = len(course.days)
    lunches = lunch_minutes(course) * count
    group = [s for s in course.sessions if is_programme(s)]
    reasons = []
    for member in course.staff:
        alone = [s for s in course.sessions if eligible(course, s) == [member]]
        own = [s for s in alone if s.kind == SessionKind.INDIVIDUAL]
        if not own:
            continue
        blocked = sum(
            (session_minutes(course, s) + 2 * transfer_minutes(course, s)) * s.count
            for s in group
            if not any(_hosts(course, s, i) for i in own)
        )
        free = max(course.info.day_window.minutes * count - lunches - blocked, 0)
        beside = [s for s in alone if is_programme(s) and may_be_interrupted(course, s)]
        needed = sum(session_minutes(course, s) * occurrences(course, s) for s in own + beside)
        if needed <= free:
            continue
        what = joined(
            [
                say("pre_each", what=spec_words(course, s, language), length=hours(s.minutes))
                for s in own
            ],
            language,
        )
        also = (
            say(
                "pre_individual_also",
                sessions=joined([spec_words(course, s, language) for s in beside], language),
            )
            if beside
            else ""
        )
        reasons.append(
            say(
                "pre_individual_time",
                person=person(member, language),
                what=what,
                also=also,
                needed=hours(needed),
                blocked=hours(blocked),
                lunches=hours(lunches),
                count=count,
                free=hours(free),
            )
        )
    return reasons


def _counted_programme(course: Course) -> list[str]:
    """R4: the programme hours count only where the team or special workers carry a session
    out (§4); sessions only other staff may lead do not count towards the total."""
    language = reader()
    need = course.standard.programme.min_total_minutes
    counted, uncounted = 0, []
    for spec in course.sessions:
        if not is_programme(spec):
            continue
        minutes = session_minutes(course, spec) * spec.count
        if any(course.group_of(m) != StaffGroup.OTHER for m in eligible(course, spec)):
            counted += minutes
        else:
            uncounted.append(f"{spec_words(course, spec, language)} ({hours(minutes)})")
    if counted >= need or not uncounted:
        return []  # without uncounted sessions, validation has told the shortfall (R4)
    return [
        say(
            "pre_counted_programme",
            counted=hours(counted),
            need=hours(need),
            uncounted=", ".join(uncounted),
        )
    ]


CHECKS = (
    _day_capacity,
    _counted_programme,
    _usable_rooms,
    _required_roles,
    _special_professions,
    _team_minimum,
    _staff_time,
    _individual_time,
    _shares,
)


def reasons(course: Course) -> list[str]:
    """Every pre-check that fails, in words; empty when none does."""
    found: list[str] = []
    for check in CHECKS:
        found.extend(check(course))
    return found


def precheck(course: Course) -> None:
    """Raises Infeasible when a cheap count shows no timetable can exist."""
    found = reasons(course)
    if found:
        raise Infeasible(found, "PRECHECK")
