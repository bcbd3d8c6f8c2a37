"""A re-plan in words: each change before and after (people by name, dates as a reader says
them), and why a re-plan is impossible: the changed course itself cannot meet the standard, or
it could, but not while keeping the sessions that hold (named, with their time and staff), or a
session under way at now lacks a leader once someone leaves it (with the choices there are)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ortools.sat.python import cp_model

from models.base import SessionKind, format_clock, format_duration, text_in
from models.changes import ChangeSet
from models.course import Course, Room, StaffMember
from models.rules import RULE_BY_ID
from models.timetable import Change, Placement, Session, Timetable
from scheduler.cpsat.build import SolveOptions, build_model, run
from scheduler.cpsat.solver import configured_solver
from scheduler.domain.changes import ALL_PARTICIPANTS
from scheduler.explain.course import explain_infeasible
from scheduler.words import (
    clock_span,
    has_label,
    label,
    lang,
    role_name,
    room_name,
    short_date,
    staff_name,
)


def _name(staff: Iterable[StaffMember], staff_id: str) -> str:
    return staff_name(next((m for m in staff if m.id == staff_id), None), staff_id)


def _names(staff: Iterable[StaffMember], ids: Sequence[str]) -> str:
    staff = tuple(staff)
    return ", ".join(_name(staff, s) for s in ids)


def _room(rooms: Iterable[Room], room_id: str | None) -> str:
    if room_id is None:
        return "-"
    return room_name(next((r for r in rooms if r.id == room_id), None), room_id)


def describe_placement(
    staff: Iterable[StaffMember], rooms: Iterable[Room], place: Placement, language: str
) -> str:
    """'to 11.3. klo 10:00–11:00, Mikko Virtanen klo 10:00–10:30, Eeva Sijainen klo
    10:30–11:00, Ryhmätila 1': a session's place, time and staff as a reader says them."""
    language = lang(language)
    staff = tuple(staff)
    when = label(
        "placement",
        language,
        day=short_date(place.date, language),
        time=clock_span(place.start, place.end),
    )
    if place.parts:
        staff_parts = []
        for part in place.parts:
            names = _names(staff, part.staff) or label("no_staff", language)
            staff_parts.append(
                label("staff_part", language, staff=names, time=clock_span(part.start, part.end))
            )
            if part.missing:
                staff_parts.append(
                    label("shortfall_part", language, staff=_names(staff, part.missing))
                )
        who = ", ".join(staff_parts)
    else:
        who = _names(staff, place.staff) or label("no_staff", language)
    return f"{when}, {who}, {_room(rooms, place.room)}"


def change_kinds(change: Change, language: str) -> str:
    """'staff + room', 'ohjaaja + tila', 'osallistujat (K05 poissa)': what changed, in words."""
    words = []
    for kind in change.change.split("+"):
        # A change list of an older file may say its own words.
        word = label(f"change_{kind}", language) if has_label(f"change_{kind}") else kind
        if kind == "participants" and change.was is not None and change.becomes is not None:
            left = [p for p in change.was.participants if p not in change.becomes.participants]
            if left:
                word += f" ({label('change_participants_left', language, ids=', '.join(left))})"
        words.append(word)
    return " + ".join(words)


def change_note(change: Change, language: str) -> str:
    """'forced, within the notice' and the like; empty for a change made with notice."""
    if change.forced and change.within_notice:
        return label("change_forced_notice", language)
    if change.forced:
        return label("change_forced", language)
    if change.within_notice:
        return label("change_notice", language)
    return ""


def told(staff: Iterable[StaffMember], change: Change, language: str) -> str:
    """Whom to tell, by name (participants by their pseudonymous ids)."""
    staff = tuple(staff)
    return ", ".join(
        label("all_participants", language) if who == ALL_PARTICIPANTS else _name(staff, who)
        for who in change.notify
    )


def replan_summary(timetable: Timetable, optimal: bool, seconds: float, language: str) -> str:
    """'muuttuneita ohjelmakohtia 4 (pienin mahdollinen muutos, todistettu, 0,12 s; ilmoitusaika
    1 h hetkestä ke 10.3. klo 08:00):' in the reader's language."""
    language = lang(language)
    proven = label("console_minimal" if optimal else "console_not_minimal", language)
    shown = f"{seconds:.2f}".replace(".", ",") if language == "fi" else f"{seconds:.2f}"
    replan = timetable.replan
    if replan is not None and replan.now is not None:
        proven += label(
            "console_notice",
            language,
            notice=format_duration(replan.notice_minutes) or "0 min",
            at=f"{short_date(replan.now.date(), language)} {replan.now:%H:%M}",
        )
    return label(
        "console_changed", language, count=len(timetable.changes), proven=proven, seconds=shown
    )


def change_lines(timetable: Timetable, language: str) -> list[str]:
    """The change list for the console: each changed session, what changed, before and after,
    whom to tell, and whether it was forced within the notice (the same rows as the JSON's
    `changes` and the workbook's Muutokset)."""
    language = lang(language)
    heads = {key: label(f"console_{key}", language) for key in ("before", "after", "tell")}
    width = max(len(head) for head in heads.values()) + 1
    lines = []
    for change in timetable.changes:
        title = text_in(change.titles, language) if change.titles else change.title
        note = change_note(change, language)
        lines.append(
            f"  {title} [{change_kinds(change, language)}]" + (f" – {note}" if note else "")
        )
        for key, place, said in (
            ("before", change.was, change.before),
            ("after", change.becomes, change.after),
        ):
            text = (
                describe_placement(timetable.staff, timetable.rooms, place, language)
                if place is not None
                else said or "-"
            )
            lines.append(f"      {heads[key] + ':':<{width}} {text}")
        told_text = told(timetable.staff, change, language) or "-"
        lines.append(f"      {heads['tell'] + ':':<{width}} {told_text}")
    return lines


# -- a session under way that lacks a leader ----------------------------------------------------


def no_leader(
    course: Course,
    old: Timetable,
    now: datetime,
    short: Sequence[tuple[Session, Any, list[str]]],
) -> list[str]:
    """Words for sessions under way at now that someone leaves with nobody able to take over:
    which session, who leaves, what it then lacks, and the choices (the flags to give)."""
    at = format_clock(now.hour * 60 + now.minute)
    lines = []
    for session, carrying, lacking in short:
        occurrence = session.id.removesuffix(session.small_group or "")
        who = ", ".join(
            f"{_name(course.staff, s)} ({s}, {role_name(course.member(s).role, 'en')})"
            for s in carrying.unreplaced
        )
        lines.append(
            f"{text_in(session.titles, 'en') or session.title} on {short_date(session.date, 'en')} "
            f"{clock_span(session.start, session.end)} is under way at {at}: {who} "
            f"{'leaves' if len(carrying.unreplaced) == 1 else 'leave'} it, and nobody else who "
            f"may lead it is free from {at} to {format_clock(session.end)}; it would lack "
            f"{' and '.join(lacking)}. Choose one:"
        )
        gone = carrying.unreplaced[0]
        role = course.member(gone).role
        lines.append(f'  a stand-in takes over at {at}:  --replace {gone}="NAME:{role}"')
        offsite = any(
            s.kind == SessionKind.TRANSFER and s.id.startswith(session.id) for s in old.sessions
        )
        if not offsite:
            lines.append(f"  it ends at {at}:  --end-early {occurrence}")
        lines.append(
            f"  it goes on without {gone}, the shortfall recorded:  --accept-shortfall {occurrence}"
        )
    return lines


# -- a re-plan the sessions that hold stand in the way of -----------------------------------------


@dataclass(frozen=True)
class HeldSession:
    """An occurrence of the old timetable and why the re-plan holds it: 'past' (started before
    now), 'locked', 'under way' (at now), or 'notice' (starts within the notice)."""

    sessions: tuple[Session, ...]
    why: str


def _blocking(
    build: Callable[..., tuple[Any, Any, Any]],
    order: Sequence[str],
    deadline: float,
    step: float = 2.0,
) -> list[str] | None:
    """The held sessions (occurrence keys) that cannot all stay as they are, found by switching
    groups of them off in turn while the rest still makes the re-plan impossible. None when the
    model with every one held is not proven impossible in time."""
    built, _, perturbation = build(True)
    holds: Mapping[str, cp_model.IntVar] = perturbation.holds

    def infeasible(on: set[str]) -> bool | None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        model = built.model.clone()
        for key, literal in holds.items():
            model.add(literal == int(key in on))
        solver = configured_solver(time_limit=min(step, remaining), workers=2)
        status = solver.solve(model)
        if status == cp_model.INFEASIBLE:
            return True
        if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            return False
        return None

    current = [key for key in order if key in holds]
    if infeasible(set(current)) is not True:
        return None
    size = max(len(current) // 2, 1)
    while True:
        chunks = [current[i : i + size] for i in range(0, len(current), size)]
        for chunk in chunks:
            if time.monotonic() >= deadline:
                return current
            if infeasible(set(current) - set(chunk)) is True:
                current = [k for k in current if k not in chunk]
        if size == 1:
            return current
        size = max(size // 2, 1)


def _rules_in_the_way(
    build: Callable[..., tuple[Any, Any, Any]], course: Course, deadline: float
) -> str:
    """The rule families (and people's availability) of the re-plan's model that cannot all
    hold after now, from OR-Tools' sufficient assumptions: 'R27 (staff-hour shares), the
    availability of sosi (Pekka Järvinen)'. Empty when that is not found in time."""
    built, _, _ = build(False, True, True)
    literals: Mapping[str, cp_model.IntVar] = built.ctx.assumptions
    built.model.add_assumptions(list(literals.values()))
    remaining = max(deadline - time.monotonic(), 1.0)
    solver = configured_solver(time_limit=min(remaining, 5.0), workers=1)
    if solver.solve(built.model) != cp_model.INFEASIBLE:
        return ""
    by_index = {literal.index: key for key, literal in literals.items()}
    keys = sorted(by_index[i] for i in solver.sufficient_assumptions_for_infeasibility())
    words = []
    for key in keys:
        if key in RULE_BY_ID:
            words.append(f"{key} ({RULE_BY_ID[key].title('en').lower()})")
        elif key.startswith("availability:"):
            who = key.removeprefix("availability:")
            words.append(f"the availability of {who} ({_name(course.staff, who)})")
    return ", ".join(words)


def _feasible_without_notice(build: Callable[..., tuple[Any, Any, Any]], deadline: float) -> bool:
    """Whether the re-plan would be possible with no notice at all."""
    built, _, _ = build(False, False)
    remaining = max(deadline - time.monotonic(), 1.0)
    solver = configured_solver(time_limit=min(remaining, 5.0), workers=2)
    return solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


_WHY = {
    "past": "started before --now",
    "under way": "under way at --now",
    "locked": "locked",
    "notice": "starts within the notice",
}


def why_no_replan(
    course: Course,
    old: Timetable,
    changes: ChangeSet,
    notice_minutes: int,
    build: Callable[..., tuple[Any, Any, Any]],
    held: Mapping[str, HeldSession],
    seconds: float = 8.0,
) -> list[str]:
    """Words for an impossible re-plan: either the changed course itself cannot meet the
    standard, or it could, but not while keeping the named sessions as they are."""
    from_scratch = build_model(course, with_objective=False)
    _, status = run(from_scratch, SolveOptions(time_limit=10.0, deterministic=False))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return [
            "after the change the course can no longer meet the standard:",
            *explain_infeasible(course),
        ]
    now = changes.now

    def distance(key: str) -> float:
        """Sessions far from now first: they are the likeliest to be dropped from the clash."""
        first = held[key].sessions[0]
        if now is None:
            return 0.0
        at = datetime.combine(first.date, datetime.min.time()).timestamp() + first.start * 60
        return -abs(at - now.timestamp())

    order = sorted((k for k in held), key=distance)
    deadline = time.monotonic() + seconds
    blocking = _blocking(build, order, deadline)
    when = f"{now:%Y-%m-%d %H:%M}" if now is not None else None
    if blocking == [] and when is not None:
        # No held session is to blame: what the change displaces finds no room after now.
        if notice_minutes and _feasible_without_notice(build, deadline):
            return [
                "the changed course could be timetabled anew, but what the change displaces "
                f"cannot move to after the {notice_minutes} min notice from {when}: give a "
                "shorter --notice"
            ]
        rules = _rules_in_the_way(build, course, deadline)
        return [
            "the changed course could be timetabled anew, but not in the time left after "
            f"{when}: what the change displaces finds no place from then on (the past cannot "
            "take it any more)" + (f"; the rules that cannot hold then: {rules}" if rules else ""),
            "re-plan with a change that leaves room, e.g. a shorter absence or a stand-in "
            "(--replace OLD=NEW)",
        ]
    if not blocking:
        kept = []
        if when:
            kept.append(f"everything that starts before {when}")
        if notice_minutes and when:
            kept.append(f"what starts within the {notice_minutes} min notice")
        locked = [s for s in old.sessions if s.locked]
        if locked:
            kept.append(f"the {len(locked)} locked session(s)")
        lines = [
            "the changed course could be timetabled anew, but not while keeping "
            + " and ".join(kept or ["the sessions that must stay"])
            + " where they are"
        ]
        if locked:
            lines.append('unlock sessions ("locked": false in the timetable JSON)')
        return lines
    lines = [
        "the changed course could be timetabled anew, but not while keeping these sessions as "
        "they are:"
    ]
    reasons = set()
    for key in sorted(
        blocking, key=lambda k: (held[k].sessions[0].date, held[k].sessions[0].start)
    ):
        entry = held[key]
        reasons.add(entry.why)
        for session in entry.sessions:
            who = _names(course.staff, session.staff) or "no staff"
            lines.append(
                f"  - {session.title} ({session.id}), {short_date(session.date, 'en')} "
                f"{clock_span(session.start, session.end)}, {who}: {_WHY[entry.why]}"
            )
    advice = []
    if "locked" in reasons:
        advice.append('unlock the locked ones ("locked": false in the timetable JSON)')
    if "notice" in reasons:
        advice.append(f"give a shorter --notice than {notice_minutes} min")
    if reasons & {"past", "under way"}:
        advice.append(
            "the past cannot change: bring in a stand-in (--replace OLD=NEW) for whoever is gone"
        )
    lines.append("; or ".join(advice))
    return lines
