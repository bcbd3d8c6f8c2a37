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
from scheduler.domain.changes import ALL_PARTICIPANTS, Lacking
from scheduler.explain.course import explain_infeasible
from scheduler.explain.deletion import deletion_filter
from scheduler.words import (
    clock_span,
    counted,
    has_label,
    joined,
    label,
    lang,
    lower_first,
    moment_text,
    reader,
    role_name,
    room_name,
    say,
    short_date,
    staff_label,
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
            at=moment_text(replan.now, language),
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
    short: Sequence[tuple[Session, Any, Lacking]],
) -> list[str]:
    """Words for sessions under way at now that someone leaves with nobody able to take over:
    which session, who leaves, what it then lacks, and the choices (the flags to give)."""
    language = reader()
    at = format_clock(now.hour * 60 + now.minute)
    lines = []
    for session, carrying, lacking in short:
        occurrence = session.id.removesuffix(session.small_group or "")
        leaving = [course.member(s) for s in carrying.unreplaced]
        lacks = []
        if lacking.staff:
            lacks.append(counted("more_staff", lacking.staff, language))
        lacks += [role_name(role, language) for role in lacking.roles]
        lines.append(
            say(
                "replan_no_leader" if len(leaving) == 1 else "replan_no_leaders",
                title=text_in(session.titles, language) or session.title,
                when=short_date(session.date, language),
                time=clock_span(session.start, session.end),
                at=at,
                who=joined([staff_label(m, m.id, language) for m in leaving], language),
                end=format_clock(session.end),
                lacks=joined(lacks, language),
            )
        )
        gone = leaving[0]
        lines.append(
            say(
                "replan_choice_stand_in", at=at, flag=f'--replace "{gone.label}"="NIMI:{gone.role}"'
            )
            if language == "fi"
            else say(
                "replan_choice_stand_in", at=at, flag=f'--replace "{gone.label}"="NAME:{gone.role}"'
            )
        )
        offsite = any(
            s.kind == SessionKind.TRANSFER and s.id.startswith(session.id) for s in old.sessions
        )
        if not offsite:
            lines.append(say("replan_choice_end", at=at, flag=f"--end-early {occurrence}"))
        lines.append(
            say(
                "replan_choice_shortfall",
                name=gone.label,
                flag=f"--accept-shortfall {occurrence}",
            )
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
    groups of them off in turn while the rest still makes the re-plan impossible
    (explain/deletion.py). None when the model with every one held is not proven impossible in
    time."""
    built, _, perturbation = build(True)
    found = deletion_filter(built.model, perturbation.holds, order, deadline, step=step)
    return None if found is None else found[0]


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
    language = reader()
    words = []
    for key in keys:
        if key in RULE_BY_ID:
            words.append(f"{key} ({lower_first(RULE_BY_ID[key].title(language))})")
        elif key.startswith("availability:"):
            who = key.removeprefix("availability:")
            words.append(say("replan_availability_of", name=_name(course.staff, who)))
    return ", ".join(words)


def _feasible_without_notice(build: Callable[..., tuple[Any, Any, Any]], deadline: float) -> bool:
    """Whether the re-plan would be possible with no notice at all."""
    built, _, _ = build(False, False)
    remaining = max(deadline - time.monotonic(), 1.0)
    solver = configured_solver(time_limit=min(remaining, 5.0), workers=2)
    return solver.solve(built.model) in (cp_model.OPTIMAL, cp_model.FEASIBLE)


_WHY = {
    "past": "replan_why_past",
    "under way": "replan_why_under_way",
    "locked": "replan_why_locked",
    "notice": "replan_why_notice",
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
    language = reader()
    from_scratch = build_model(course, with_objective=False)
    _, status = run(from_scratch, SolveOptions(time_limit=10.0, deterministic=False))
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return [say("replan_course_impossible"), *explain_infeasible(course)]
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
    when = moment_text(now, language) if now is not None else None
    if blocking == [] and when is not None:
        # No held session is to blame: what the change displaces finds no room after now.
        if notice_minutes and _feasible_without_notice(build, deadline):
            return [say("replan_notice_blocks", notice=notice_minutes, when=when)]
        rules = _rules_in_the_way(build, course, deadline)
        return [
            say("replan_no_time_left", when=when)
            + (say("replan_rules_then", rules=rules) if rules else ""),
            say("replan_leave_room"),
        ]
    if not blocking:
        kept = []
        if when:
            kept.append(say("replan_kept_past", when=when))
        if notice_minutes and when:
            kept.append(say("replan_kept_notice", notice=notice_minutes))
        locked = [s for s in old.sessions if s.locked]
        if locked:
            kept.append(counted("locked_session", len(locked), language))
        kept_words = joined(kept, language) if kept else say("replan_kept_staying")
        lines = [say("replan_not_keeping", kept=kept_words)]
        if locked:
            lines.append(say("replan_unlock"))
        return lines
    lines = [say("replan_blocked_by")]
    reasons = set()
    for key in sorted(
        blocking, key=lambda k: (held[k].sessions[0].date, held[k].sessions[0].start)
    ):
        entry = held[key]
        reasons.add(entry.why)
        for session in entry.sessions:
            who = _names(course.staff, session.staff) or label("no_staff", language)
            title = text_in(session.titles, language) if session.titles else session.title
            lines.append(
                f"  - {title}, {short_date(session.date, language)} "
                f"{clock_span(session.start, session.end)}, {who}: {say(_WHY[entry.why])}"
            )
    advice = []
    if "locked" in reasons:
        advice.append(say("replan_unlock_them"))
    if "notice" in reasons:
        advice.append(say("replan_shorter_notice", notice=notice_minutes))
    if reasons & {"past", "under way"}:
        advice.append(say("replan_past_fixed"))
    lines.append(f"; {say('word_or')} ".join(advice))
    return lines
