"""Why a course cannot be timetabled: the rule families and facts that clash, in words.

In explaining mode the CP-SAT model hangs every rule family's constraints (and each person's
availability) on an assumption literal (scheduler/cpsat/context.py). OR-Tools then names a set of
assumptions that cannot all hold (`sufficient_assumptions_for_infeasibility`, one worker only).
That set is often larger than needed, so it is shrunk: each key is dropped in turn and the rest
re-solved with a short time limit; if the rest is still infeasible the key was not needed. A
person's availability is narrowed the same way to the days that matter. Finally every key is
told in words with the facts behind it: who, which days and hours, which sessions need what.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from ortools.sat.python import cp_model

from models.base import Purpose, SessionKind, StaffGroup, text_in
from models.course import Course, StaffMember
from models.rules import RULE_BY_ID, rule_number, rule_of_purpose
from models.standard import SessionSpec
from scheduler.cpsat.build import build_model
from scheduler.cpsat.solver import configured_solver
from scheduler.domain.people import restricted_days
from scheduler.domain.sessions import (
    attendees,
    eligible,
    near_enough,
    occurrences,
    programme_minutes,
    session_minutes,
    total_staff_minutes,
    transfer_minutes,
    usable_rooms,
)
from scheduler.explain.deletion import deletion_filter as filter_switches
from scheduler.explain.precheck import reasons as precheck_reasons
from scheduler.words import (
    availability_text,
    clock_span,
    days_text,
    full_date,
    group_name,
    hours,
    joined,
    person,
    reader,
    room_kind_name,
    room_label,
    room_name,
    say,
    spec_title,
    spec_words,
)

# The order in which keys are tried for dropping: what is tried first is likelier to go, so
# broad rule families go first and the specific rules and people's availability (the facts a
# course manager can change) are kept when the clash can be told with them.
_SPECIFIC = ("R1", "R2", "R14", "R19", "R24", "R30", "R18", "R23", "R28", "R20", "R15")


@dataclass
class _Probe:
    """One model in explaining mode, re-solved under different sets of assumptions."""

    model: cp_model.CpModel
    literals: dict[str, cp_model.IntVar]

    def solve(
        self, keys: Sequence[str], seconds: float
    ) -> tuple[cp_model.CpSolverStatus, list[str]]:
        """Status under the assumptions of `keys`, and (when infeasible) a subset to blame."""
        self.model.clear_assumptions()
        self.model.add_assumptions([self.literals[key] for key in keys])
        # Sufficient assumptions need a single worker.
        solver = configured_solver(time_limit=max(seconds, 0.05), workers=1)
        status = solver.solve(self.model)
        if status != cp_model.INFEASIBLE:
            return status, []
        by_index = {literal.index: key for key, literal in self.literals.items()}
        blamed = {by_index[i] for i in solver.sufficient_assumptions_for_infeasibility()}
        return status, [key for key in keys if key in blamed]


def _probe(course: Course) -> _Probe:
    built = build_model(course, explaining=True, with_objective=False)
    return _Probe(built.model, dict(built.ctx.assumptions))


def _drop_order(course: Course, keys: Sequence[str]) -> list[str]:
    staff = {m.id for m in course.staff}

    def rank(key: str) -> tuple[int, int]:
        if key.startswith("availability:"):
            return (3, 0) if key.split(":", 1)[1] in staff else (0, 0)
        if key in _SPECIFIC:
            return 2, -_SPECIFIC.index(key)
        return 1, 0

    return sorted(keys, key=rank)


def shrink(
    probe: _Probe, course: Course, core: Sequence[str], deadline: float, step: float = 1.0
) -> tuple[list[str], bool]:
    """A smaller set of keys that is still infeasible (deletion-based), and whether every key
    left was shown to be needed (False when time ran out or a re-solve was undecided)."""
    current = list(core)
    proven = True
    for key in _drop_order(course, core):
        if key not in current:
            continue
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return current, False
        trial = [k for k in current if k != key]
        status, blamed = probe.solve(trial, min(step, remaining))
        if status == cp_model.INFEASIBLE:
            current = blamed if blamed or not trial else trial
        elif status not in (cp_model.FEASIBLE, cp_model.OPTIMAL):
            proven = False
    return current, proven


def _narrow_days(
    course: Course,
    member: StaffMember,
    core: Sequence[str],
    deadline: float,
    relevant: set[int] | None = None,
) -> tuple[list[int], bool]:
    """The days of a person's restricted availability that the clash needs: each restricted day
    is released (made a whole working day) in turn; if the course stays infeasible, it goes.
    Only `relevant` days (the days of the sessions the clash is about) are tried, when known."""
    kept = restricted_days(course, member)
    capped = member.max_minutes is not None
    if relevant is not None:
        inside = [day for day in kept if day in relevant]
        if (
            inside
            and inside != kept
            and _still_infeasible(course, member, inside, capped, core, deadline)
        ):
            kept = inside
    for day in list(kept):
        if time.monotonic() > deadline:
            return kept, capped
        trial = [d for d in kept if d != day]
        if _still_infeasible(course, member, trial, capped, core, deadline):
            kept = trial
    if (
        capped
        and time.monotonic() < deadline
        and _still_infeasible(course, member, kept, False, core, deadline)
    ):
        capped = False
    return kept, capped


def _still_infeasible(
    course: Course,
    member: StaffMember,
    days: Sequence[int],
    capped: bool,
    core: Sequence[str],
    deadline: float,
) -> bool:
    availability = {
        day: windows
        for day, windows in member.availability.items()
        if day in course.days and course.days.index(day) in days
    }
    changed = member.model_copy(
        update={"availability": availability, "max_minutes": member.max_minutes if capped else None}
    )
    staff = tuple(changed if m.id == member.id else m for m in course.staff)
    try:
        probe = _probe(course.with_changes(staff=staff))
    except Exception:
        return False
    keys = [key for key in core if key in probe.literals]
    status, _ = probe.solve(keys, min(1.0, max(deadline - time.monotonic(), 0.05)))
    return status == cp_model.INFEASIBLE


def deletion_filter(
    course: Course, keys: Sequence[str], deadline: float, step: float = 1.5, workers: int = 2
) -> tuple[list[str], bool] | None:
    """The keys a clash needs, found without assumptions (explain/deletion.py), trying to drop
    the keys in _drop_order each round.

    None when the model with every key on is not proven infeasible in time; else the keys kept
    and whether each was shown to be needed (False when time ran out or a re-solve was undecided).
    """
    built = build_model(course, explaining=True, with_objective=False)
    return filter_switches(
        built.model,
        built.ctx.assumptions,
        keys,
        deadline,
        step=step,
        workers=workers,
        order=lambda current: _drop_order(course, current),
    )


def explain_infeasible(
    course: Course,
    time_limit: float = 2.5,
    shrink_seconds: float = 5.0,
    narrow_seconds: float = 3.0,
) -> list[str]:
    """A small set of rules and facts that cannot all hold together, one line each, in words.

    The course is known to be infeasible when this is called: a failure while explaining it must
    not hide that (exit 3), so it is told as such instead of raised.
    """
    try:
        return _explain(course, time_limit, shrink_seconds, narrow_seconds)
    except Exception as error:  # the verdict stands without its explanation
        return [say("core_explaining_failed", error=f"{type(error).__name__}: {error}")]


def _explain(
    course: Course, time_limit: float, shrink_seconds: float, narrow_seconds: float
) -> list[str]:
    """The explanation: first the cheap pre-checks (scheduler/precheck.py); then OR-Tools'
    assumption core, found within `time_limit` and shrunk; where the core stalls, a deletion
    filter over plain models.
    `shrink_seconds` bounds the shrinking (or the filter), `narrow_seconds` the narrowing of
    people's availability to the days that matter.
    """
    found = precheck_reasons(course)
    if found:
        return found
    probe = _probe(course)
    keys = list(probe.literals)
    status, core = probe.solve(keys, time_limit)
    if status in (cp_model.FEASIBLE, cp_model.OPTIMAL):
        return [say("core_exists")]
    deadline = time.monotonic() + shrink_seconds
    if status != cp_model.INFEASIBLE:
        filtered = deletion_filter(course, keys, deadline)
        if filtered is None:
            return [say("core_unproven", seconds=f"{time_limit + shrink_seconds:g}")]
        core, proven = filtered
    elif not core:
        return [say("core_facts_clash")]
    else:
        core, proven = shrink(probe, course, core, deadline)
    if not core:
        return [say("core_facts_clash_short")]
    lines = [say("core_clash_needed" if proven else "core_clash")]
    # Narrowing people's days gets its own short budget, shared by everyone in the clash.
    narrowing = time.monotonic() + narrow_seconds
    for key in sorted(core, key=_key_order):
        lines.append(f"  - {describe(key, course, core, narrowing)}")
    return lines


def _key_order(key: str) -> tuple[int, int, str]:
    if key.startswith("availability:"):
        return 1, 0, key
    return 0, rule_number(key), key


# -- words -----------------------------------------------------------------------------------


def describe(key: str, course: Course, core: Sequence[str] = (), deadline: float = 0.0) -> str:
    """A key of the model told in words, with the facts of this course behind it."""
    if key.startswith("availability:"):
        return _availability(key.split(":", 1)[1], course, core, deadline)
    teller = _TELLERS.get(key)
    if teller is None:
        rule = RULE_BY_ID.get(key)
        return f"{key}: {rule.title(reader()) if rule else say('core_a_rule')}"
    return f"{key}: {teller(course, core)}"


def core_days(course: Course, core: Sequence[str]) -> set[int] | None:
    """The course days the clash is about, when every rule in it concerns sessions held on some
    days only (e.g. R18: the opening on day 1); None when some rule spans the whole course."""
    count = len(course.days)
    rules = [key for key in core if not key.startswith("availability:")]
    if not rules:
        return None
    days: set[int] = set()
    for rule in rules:
        specs = [
            s
            for s in course.sessions
            if rule_of_purpose(s.purpose) == rule and s.purpose is not None
        ]
        if not specs or rule == "R9":
            return None
        for spec in specs:
            days.update(spec.allowed_days(count))
    return days if len(days) < count else None


def _availability(who: str, course: Course, core: Sequence[str], deadline: float) -> str:
    language = reader()
    member = next((m for m in course.staff if m.id == who), None)
    if member is not None:
        relevant = core_days(course, core)
        if core:
            days, capped = _narrow_days(course, member, core, deadline, relevant)
        else:
            days, capped = restricted_days(course, member), member.max_minutes is not None
        if not days and not capped:
            days = restricted_days(course, member)
            if relevant is not None:
                days = [d for d in days if d in relevant] or days
        parts = [availability_text(course, member, days, language)] if days else []
        if capped and member.max_minutes is not None:
            parts.append(say("core_capped", most=hours(member.max_minutes)))
        facts = f" {say('word_and')} ".join(parts) or say("core_as_the_file_says")
        return f"R29: {person(member, language)} {facts}"
    room = next((r for r in course.rooms if r.id == who), None)
    if room is not None:
        away = _times(course, getattr(room, "unavailable", {}))
        return say("core_room_closed", room=room_label(room, language), away=away)
    participant = next((p for p in course.participants if p.id == who), None)
    away = _times(course, participant.unavailable) if participant else say("core_at_times")
    return say("core_participant_away", id=who, away=away)


def _times(course: Course, by_day: dict) -> str:
    language = reader()
    parts = []
    for day, windows in sorted(by_day.items()):
        if day not in course.days:
            continue
        when = days_text(course, [course.days.index(day)], language)
        if windows:
            spans = ", ".join(clock_span(w.start, w.end) for w in windows)
            parts.append(say("core_times_at", spans=spans, day=when))
        else:
            parts.append(say("core_times_all_day", day=when))
    return "; ".join(parts) or say("core_at_times")


def _specs(course: Course, purpose: Purpose) -> list[SessionSpec]:
    return [s for s in course.sessions if s.purpose == purpose]


def _names(members: Sequence[StaffMember]) -> str:
    return ", ".join(m.label for m in members)


def _who(course: Course, spec: SessionSpec) -> str:
    people = eligible(course, spec)
    return _names(people) if people else say("core_nobody_on_staff")


def _when(course: Course, spec: SessionSpec) -> str:
    return days_text(course, spec.allowed_days(len(course.days)), reader())


def _session_facts(course: Course, purpose: Purpose, what: str) -> str:
    language = reader()
    parts = []
    for spec in _specs(course, purpose):
        parts.append(
            say(
                "core_session_facts",
                what=spec_words(course, spec, language),
                length=_length(course, spec),
                when=_when(course, spec),
                staff=say("core_one_staff")
                if spec.staff == 1
                else say("core_staff", count=spec.staff),
                count=spec.staff,
                who=_who(course, spec),
            )
        )
    return f"{what}: {'; '.join(parts)}" if parts else what


def _length(course: Course, spec: SessionSpec) -> str:
    """'(1 h)', or '(kukin 1 h)' / '(1 h each)' for a session held more than once."""
    if occurrences(course, spec) > 1:
        return say("core_each", length=hours(spec.minutes))
    return f"({hours(spec.minutes)})"


def _r1(course: Course, core: Sequence[str]) -> str:
    return say("core_r1", count=len(course.participants), needed=course.standard.participants)


def _r2(course: Course, core: Sequence[str]) -> str:
    language = reader()
    first, last = course.days[0], course.days[-1]
    return say(
        "core_r2",
        count=len(course.days),
        first=full_date(first, language),
        last=full_date(last, language),
    )


def _r3(course: Course, core: Sequence[str]) -> str:
    language = reader()
    info, standard = course.info, course.standard
    window = info.day_window
    long = [
        say(
            "core_r3_with_travel",
            what=spec_words(course, s, language),
            length=hours(session_minutes(course, s) + 2 * transfer_minutes(course, s)),
        )
        for s in course.sessions
        if session_minutes(course, s) + 2 * transfer_minutes(course, s) > window.minutes
    ]
    too_long = say("core_r3_too_long", sessions=", ".join(long)) if long else ""
    return say(
        "core_r3",
        window=window,
        most=hours(standard.day_max_minutes),
        lunch=hours(info.lunch.minutes),
        lunch_window=info.lunch.window,
        too_long=too_long,
    )


def _r4(course: Course, core: Sequence[str]) -> str:
    low, high = course.programme_day_bounds
    return say(
        "core_r4",
        need=hours(course.standard.programme.min_total_minutes),
        count=len(course.days),
        low=hours(low),
        high=hours(high),
        programme=hours(programme_minutes(course)),
    )


def _r7(course: Course, core: Sequence[str]) -> str:
    n = len(course.participants)
    fixed = {
        half: [p.id for p in course.participants if p.small_group == half] for half in ("A", "B")
    }
    fixed_words = "; ".join(
        say("core_r7_fixed", ids=", ".join(ids), half=half) for half, ids in fixed.items() if ids
    )
    return say(
        "core_r7",
        need=hours(course.standard.small_group_min_minutes),
        first=(n + 1) // 2,
        second=n // 2,
        fixed=f" ({fixed_words})" if fixed_words else "",
    )


def _r9(course: Course, core: Sequence[str]) -> str:
    language = reader()
    staff_in_core = {k.split(":", 1)[1] for k in core if k.startswith("availability:")}
    narrow = []
    for spec in course.sessions:
        people = eligible(course, spec)
        if staff_in_core and not staff_in_core & {m.id for m in people}:
            continue
        if len(people) <= max(2, spec.staff):
            who = say("core_only", people=_names(people)) if people else say("core_nobody_may")
            narrow.append(f"{spec_words(course, spec, language)} ({hours(spec.minutes)}): {who}")
    facts = f"; {'; '.join(narrow[:8])}" if narrow else ""
    return say("core_r9", facts=facts)


def _r12(course: Course, core: Sequence[str]) -> str:
    return say("core_r12")


def _r14(course: Course, core: Sequence[str]) -> str:
    return _session_facts(course, Purpose.INTERVIEW, say("core_r14"))


def _r15(course: Course, core: Sequence[str]) -> str:
    return _session_facts(course, Purpose.GAS_GOALS, say("core_r15"))


def _r18(course: Course, core: Sequence[str]) -> str:
    return _session_facts(course, Purpose.OPENING, say("core_r18"))


def _r19(course: Course, core: Sequence[str]) -> str:
    language = reader()
    parts = []
    for spec in _specs(course, Purpose.CLOSING):
        needed = [r for r in spec.required_roles]
        holders = [m for m in course.staff if m.role in needed]
        parts.append(
            say(
                "core_r19_session",
                what=spec_words(course, spec, language),
                length=hours(spec.minutes),
                when=_when(course, spec),
                staff=spec.staff,
                holders=_names(holders) or say("nobody"),
            )
        )
    return "; ".join(parts) or say("core_r19")


def _r20(course: Course, core: Sequence[str]) -> str:
    limits = course.standard.team.roles
    minimums = [
        f"{m.label} {hours(limits[m.role].min_minutes)}"
        for m in course.staff_in(StaffGroup.TEAM)
        if m.role in limits
    ]
    return say("core_r20", minimums=", ".join(minimums))


def _r23(course: Course, core: Sequence[str]) -> str:
    language = reader()
    physician = course.standard.team.physician_role
    lectures = [
        s
        for s in course.sessions
        if s.purpose == Purpose.LECTURE or (s.leaders and set(s.leaders) <= {physician})
    ]
    words = ", ".join(f"{spec_words(course, s, language)} ({hours(s.minutes)})" for s in lectures)
    who = _who(course, lectures[0]) if lectures else say("pre_the_physician")
    return say("core_r23", lectures=words, who=who)


def _r24(course: Course, core: Sequence[str]) -> str:
    language = reader()
    special = course.standard.special_workers
    titles = {p.id: text_in(p.title, language) for p in special.professions}
    by_profession: dict[str, list[str]] = {}
    for member in course.staff_in(StaffGroup.SPECIAL):
        profession = special.profession_of(member.role)
        if profession:
            by_profession.setdefault(profession, []).append(member.label)
    have = "; ".join(
        f"{titles.get(p, p)}: {', '.join(names)}" for p, names in by_profession.items()
    ) or say("val_none")
    return say("core_r24", needed=special.min_count, have=have)


def _r26(course: Course, core: Sequence[str]) -> str:
    return say(
        "core_r26",
        need=hours(course.standard.staff_hours.min_total_minutes),
        total=hours(total_staff_minutes(course)),
    )


def _r27(course: Course, core: Sequence[str]) -> str:
    language = reader()
    total = total_staff_minutes(course)
    bands = []
    for group in course.standard.staff_hours.shares:
        low, high = course.standard.share_bounds_minutes(group, total)
        bands.append(f"{group_name(group.value, language)} {hours(low)}–{hours(high)}")
    return say("core_r27", total=hours(total), bands=", ".join(bands))


def _r28(course: Course, core: Sequence[str]) -> str:
    return _session_facts(course, Purpose.STAFF_MEETING, say("core_r28"))


def _r30(course: Course, core: Sequence[str]) -> str:
    language = reader()
    rooms = course.standard.rooms
    facts = []
    for room in course.rooms:
        if not near_enough(course.standard, room):
            distance = f"{room.offsite_minutes} min" + (
                f" / {room.offsite_km:g} km" if room.offsite_km is not None else ""
            )
            facts.append(
                say(
                    "core_r30_far",
                    room=room_label(room, language),
                    distance=distance,
                    most=rooms.offsite_max_minutes,
                    most_km=f"{rooms.offsite_max_km:g}",
                )
            )
    for spec in course.sessions:
        if not spec.rooms:
            continue
        usable = usable_rooms(course, spec)
        kinds = joined([room_kind_name(k, language) for k in spec.rooms], language, "or")
        if not usable:
            facts.append(
                say(
                    "core_r30_no_room",
                    what=say("spec_titled", title=spec_title(spec, language)),
                    kinds=kinds,
                    people=attendees(course, spec),
                )
            )
        elif spec.kind == SessionKind.SMALL_GROUP and len(usable) < 2:
            facts.append(
                say(
                    "core_r30_halves",
                    what=say("spec_titled", title=spec_title(spec, language)),
                    kinds=kinds,
                    room=room_name(usable[0], usable[0].id),
                )
            )
    for kind, needed in rooms.required.items():
        have = sum(1 for r in course.rooms if r.kind == kind)
        if have < needed:
            facts.append(
                say(
                    "core_r30_required",
                    needed=needed,
                    kind=room_kind_name(kind, language),
                    have=have,
                )
            )
    if not facts:
        facts.append(say("core_r30_one_at_a_time"))
    return say("core_r30", facts="; ".join(facts))


_TELLERS = {
    "R1": _r1,
    "R2": _r2,
    "R3": _r3,
    "R4": _r4,
    "R7": _r7,
    "R9": _r9,
    "R12": _r12,
    "R14": _r14,
    "R15": _r15,
    "R18": _r18,
    "R19": _r19,
    "R20": _r20,
    "R23": _r23,
    "R24": _r24,
    "R26": _r26,
    "R27": _r27,
    "R28": _r28,
    "R30": _r30,
}
