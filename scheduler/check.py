"""The independent checker: does a timetable meet its standard, rule by rule (R1-R30)?

It restates every rule of rules.md from the timetable file alone and shares only `models/` with
the solver, never its constraint code, so that a bug in one is caught by the other. Each rule
is one small function below (its docstring's first line names the rule id); `RULES` lists them
in order and `check` runs them all. Reasons name the sessions, people, days and clock times
involved so that a course manager can find and fix the spot.

Where a rule has nothing to judge (no other staff, no individual sessions) it says "n/a".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property
from itertools import combinations, pairwise
from typing import Literal

from pydantic import ValidationError

from models.base import (
    Purpose,
    SessionKind,
    StaffGroup,
    TimeWindow,
    format_clock,
    format_duration,
)
from models.course import Course, Participant, Room, StaffMember
from models.standard import SessionSpec, Standard
from models.timetable import Session, Timetable
from scheduler.hours import (
    HoursTable,
    hours_table,
    judge_shares,
    small_group_units,
    unique_staff,
)
from scheduler.hours import (
    label as hours_label,
)

Status = Literal["pass", "fail", "n/a"]

RULE_TITLES: dict[str, tuple[str, str]] = {
    # id: (English, Finnish)
    "R1": ("participants", "kuntoutujat"),
    "R2": ("course days", "kurssipäivät"),
    "R3": ("day length", "kuntoutuspäivän pituus"),
    "R4": ("programme hours", "kuntoutusohjelman tunnit"),
    "R5": ("individual durations", "yksilöllisten tapaamisten kestot"),
    "R6": ("group discussions", "ryhmämuotoiset keskustelut"),
    "R7": ("small groups", "pienryhmätyöskentely"),
    "R8": ("meals and breaks", "ateriat ja tauot"),
    "R9": ("themes and who leads them", "teemat ja niiden ohjaajat"),
    "R10": ("methods", "työmenetelmät"),
    "R11": ("assessment", "arviointi"),
    "R12": ("first day", "ensimmäinen päivä"),
    "R13": ("goal work", "tavoitetyöskentely"),
    "R14": ("interviews", "haastattelut"),
    "R15": ("first goal", "ensimmäinen tavoite"),
    "R16": ("interviews vs group", "yksilötapaamiset ja ryhmä"),
    "R17": ("goal review", "tavoitteiden arviointi"),
    "R18": ("opening discussion", "aloituskeskustelu"),
    "R19": ("closing discussion", "loppukeskustelu"),
    "R20": ("team", "työryhmä"),
    "R21": ("experience", "kokemus"),
    "R22": ("course lead", "kurssivastaava"),
    "R23": ("physician's lectures", "erikoislääkärin alustukset"),
    "R24": ("special workers", "erityistyöntekijät"),
    "R25": ("other staff", "muu kuntoutushenkilöstö"),
    "R26": ("total staff hours", "henkilöstön tunnit yhteensä"),
    "R27": ("staff-hour shares", "tuntien jakautuminen"),
    "R28": ("staff meetings", "henkilöstön kokoukset"),
    "R29": ("no double booking", "ei päällekkäisyyksiä"),
    "R30": ("rooms", "kuntoutustilat"),
}

STATUS_WORDS: dict[str, dict[str, str]] = {
    "pass": {"en": "pass", "fi": "täyttyy"},
    "fail": {"en": "FAIL", "fi": "EI TÄYTY"},
    "n/a": {"en": "n/a", "fi": "ei koske"},
}

# Which rule judges the staffing and days of a session, by its purpose; other sessions are the
# course's own programme and fall under R9. Lectures (R23) are judged by their own rule.
RULE_OF_PURPOSE: dict[Purpose, str] = {
    Purpose.OPENING: "R18",
    Purpose.CLOSING: "R19",
    Purpose.INTERVIEW: "R14",
    Purpose.GAS_GOALS: "R15",
    Purpose.LECTURE: "R23",
    Purpose.STAFF_MEETING: "R28",
    Purpose.MEASURES_START: "R11",
    Purpose.MEASURES_END: "R11",
    Purpose.GOAL_INTRO: "R13",
    Purpose.GOAL_REVIEW: "R17",
    Purpose.LUNCH: "R8",
}

NOT_PROGRAMME = frozenset({SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER})
WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


@dataclass(frozen=True)
class RuleResult:
    rule: str
    title: str
    status: Status
    reasons: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return self.status != "fail"


@dataclass(frozen=True)
class CheckReport:
    results: tuple[RuleResult, ...]
    hours: HoursTable
    course_title: str = ""
    standard_id: str = ""
    days: tuple[date, ...] = ()

    @property
    def passed(self) -> bool:
        return all(r.status != "fail" for r in self.results)

    @property
    def failures(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.status == "fail")

    def result(self, rule: str) -> RuleResult:
        for result in self.results:
            if result.rule == rule:
                return result
        raise KeyError(f"no rule {rule!r}; rules are R1-R{len(self.results)}")

    def rows(self, language: str = "en") -> tuple[tuple[str, str, str, str], ...]:
        """The compliance report for a spreadsheet: rule id, title, status, reasons (one cell)."""
        return tuple(
            (
                r.rule,
                rule_title(r.rule, language),
                STATUS_WORDS[r.status][_lang(language)],
                "\n".join(r.reasons),
            )
            for r in self.results
        )


class UncheckableTimetable(ValueError):
    """The timetable's own course data is inconsistent (e.g. two staff with one id)."""


def rule_title(rule: str, language: str = "en") -> str:
    english, finnish = RULE_TITLES[rule]
    return finnish if language == "fi" else english


def _lang(language: str) -> str:
    return "fi" if language == "fi" else "en"


# -- the facts every rule reads ------------------------------------------------------------


@dataclass
class Context:
    """A timetable with its course and standard, and the lookups the rules share."""

    timetable: Timetable
    standard: Standard
    course: Course
    hours: HoursTable
    staff: dict[str, StaffMember] = field(init=False)
    participants: dict[str, Participant] = field(init=False)
    rooms: dict[str, Room] = field(init=False)
    specs: dict[str, SessionSpec] = field(init=False)

    def __post_init__(self) -> None:
        self.staff = {m.id: m for m in self.course.staff}
        self.participants = {p.id: p for p in self.course.participants}
        self.rooms = {r.id: r for r in self.course.rooms}
        self.specs = {s.id: s for s in self.course.sessions}

    @property
    def sessions(self) -> tuple[Session, ...]:
        return self.timetable.sessions

    @property
    def days(self) -> tuple[date, ...]:
        return self.timetable.days

    @cached_property
    def everyone(self) -> frozenset[str]:
        return frozenset(self.participants)

    def present(self, session: Session) -> frozenset[str]:
        """Participants still on the course when the session starts (a re-plan's leavers are not)."""
        moment = datetime.combine(session.date, time()) + timedelta(minutes=session.start)
        return frozenset(p.id for p in self.participants.values() if p.present_at(moment))

    def left_by_end_of(self, participant: str, day_index: int) -> bool:
        """Whether the participant left the course before the given 0-based day was over."""
        leaves = self.participants[participant].leaves
        if leaves is None or not self.days:
            return False
        last = self.days[min(day_index, len(self.days) - 1)]
        return leaves < datetime.combine(last + timedelta(days=1), time())

    def day_index(self, day: date) -> int | None:
        """0-based course day of a date, None when the date is not a course day."""
        return self.days.index(day) if day in self.days else None

    def group_of(self, member: StaffMember) -> StaffGroup:
        return self.course.group_of(member)

    def members(self, session: Session) -> list[StaffMember]:
        """The known staff members of a session (unknown ids are R29's to report)."""
        return [self.staff[s] for s in unique_staff(session) if s in self.staff]

    def team(self) -> list[StaffMember]:
        return [m for m in self.course.staff if self.group_of(m) == StaffGroup.TEAM]

    def is_team(self, staff_id: str) -> bool:
        member = self.staff.get(staff_id)
        return member is not None and self.group_of(member) == StaffGroup.TEAM

    def is_physician(self, staff_id: str) -> bool:
        member = self.staff.get(staff_id)
        return (
            self.is_team(staff_id)
            and member is not None
            and (member.role == self.standard.team.physician_role)
        )

    def mandatory(self, purpose: Purpose) -> SessionSpec | None:
        return next((s for s in self.standard.mandatory_sessions if s.purpose == purpose), None)

    def spec_of(self, session: Session) -> SessionSpec | None:
        """The programme item a session comes from; by its purpose if its spec is unknown."""
        if session.kind in NOT_PROGRAMME:
            return None
        if session.spec and session.spec in self.specs:
            return self.specs[session.spec]
        return self.mandatory(session.purpose) if session.purpose else None

    def with_purpose(self, *purposes: Purpose) -> list[Session]:
        return [s for s in self.sessions if s.purpose in purposes and s.kind not in NOT_PROGRAMME]

    def for_rule(self, rule: str) -> list[Session]:
        """Sessions whose staffing and days this rule judges (see RULE_OF_PURPOSE)."""
        return [
            s
            for s in self.sessions
            if s.kind not in NOT_PROGRAMME
            and (RULE_OF_PURPOSE.get(s.purpose, "R9") if s.purpose else "R9") == rule
        ]

    def offsite_room(self, session: Session) -> Room | None:
        room = self.rooms.get(session.room) if session.room else None
        return room if room is not None and room.offsite else None

    # -- words ------------------------------------------------------------------------------

    def day(self, day: date) -> str:
        """'day 2 (Tue 2027-03-09)'"""
        index = self.day_index(day)
        name = f"{WEEKDAY_NAMES[day.weekday()]} {day.isoformat()}"
        return f"day {index + 1} ({name})" if index is not None else f"{name} (not a course day)"

    def ref(self, session: Session) -> str:
        """'interview-K01 (Yksilöllinen haastattelu, day 1 (Mon 2027-03-08) 10:00-11:00)'"""
        return (
            f"{session.id} ({session.title}, {self.day(session.date)} "
            f"{format_clock(session.start)}-{format_clock(session.end)})"
        )

    def who(self, staff_id: str) -> str:
        member = self.staff.get(staff_id)
        return f"{staff_id} ({member.role})" if member else f"{staff_id} (unknown)"


def _days_text(indices: Iterable[int]) -> str:
    """0-based indices as 'day 1', 'days 1, 2'."""
    numbers = [str(i + 1) for i in sorted(indices)]
    return f"day {numbers[0]}" if len(numbers) == 1 else f"days {', '.join(numbers)}"


def _ids(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))


def _result(rule: str, fails: Sequence[str], passes: Sequence[str] = ()) -> RuleResult:
    """Fail with the failing reasons if any, else pass with what was found."""
    title = RULE_TITLES[rule][0]
    if fails:
        return RuleResult(rule, title, "fail", tuple(dict.fromkeys(fails)))
    return RuleResult(rule, title, "pass", tuple(passes))


def _not_applicable(rule: str, reason: str) -> RuleResult:
    return RuleResult(rule, RULE_TITLES[rule][0], "n/a", (reason,))


def _spec_issues(
    ctx: Context, sessions: Iterable[Session], *, days: bool = True, required: bool = True
) -> list[str]:
    """How sessions break their programme item: too few staff, staff it does not allow, a
    required role missing, a day it may not be on."""
    issues = []
    for session in sessions:
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        staff = unique_staff(session)
        if len(staff) < spec.staff:
            issues.append(
                f"{ctx.ref(session)} has {len(staff)} staff member(s); {spec.id} needs {spec.staff}"
            )
        for member in ctx.members(session):
            if not ctx.course.may_lead(member, spec):
                issues.append(
                    f"{ctx.who(member.id)} may not lead {ctx.ref(session)}: {spec.id} is for "
                    f"{', '.join(spec.leaders)}"
                )
        if required:
            for role in spec.required_roles:
                if not any(m.role == role for m in ctx.members(session)):
                    issues.append(f"{ctx.ref(session)} has no {role}; {spec.id} requires one")
        index = ctx.day_index(session.date)
        allowed = spec.allowed_days(len(ctx.days))
        if days and index is not None and index not in allowed:
            issues.append(
                f"{ctx.ref(session)} is on day {index + 1}; {spec.id} belongs on "
                f"{_days_text(allowed)}"
            )
    return issues


def _minutes_per_participant(ctx: Context, sessions: Iterable[Session]) -> dict[str, int]:
    """Minutes per participant who stays to the end: the standard's averages are about the
    course's programme, which a participant who left (a re-plan's change) did not finish."""
    minutes = {p.id: 0 for p in ctx.participants.values() if p.leaves is None}
    for session in sessions:
        for participant in set(session.participants):
            if participant in minutes:
                minutes[participant] += session.minutes
    return minutes


def _overlapping_pairs(sessions: Iterable[Session]) -> Iterable[tuple[Session, Session]]:
    ordered = sorted(sessions, key=lambda s: (s.date, s.start, s.end, s.id))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.date != first.date or second.start >= first.end:
                break
            yield first, second


def _programme_sessions(ctx: Context) -> list[Session]:
    """R4: staff-led programme: group and small-group sessions with staff and participants."""
    return [
        s
        for s in ctx.sessions
        if s.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP) and s.staff and s.participants
    ]


def _covered_minutes(sessions: Iterable[Session]) -> int:
    """Clock time covered by the sessions (parallel ones count once)."""
    total, cursor = 0, -1
    for session in sorted(sessions, key=lambda s: s.start):
        start = max(session.start, cursor)
        if session.end > start:
            total += session.end - start
            cursor = session.end
    return total


# -- course structure (§3, §4) -------------------------------------------------------------


def _r1_participants(ctx: Context) -> RuleResult:
    """R1: the standard's number of participants, one group that attends every group session."""
    wanted = ctx.standard.participants
    count = len(ctx.participants)
    fails = []
    if count != wanted:
        fails.append(
            f"the course has {count} participants ({_ids(ctx.participants)}); "
            f"the standard wants {wanted}"
        )
    for session in ctx.sessions:
        unknown = set(session.participants) - ctx.everyone
        if unknown:
            fails.append(f"{ctx.ref(session)} lists unknown participant(s) {_ids(unknown)}")
        if session.kind == SessionKind.GROUP:
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(f"group session {ctx.ref(session)} leaves out {_ids(missing)}")
    relatives = "" if ctx.standard.relatives else "; no relatives take part"
    return _result(
        "R1", fails, [f"{count} participants ({_ids(ctx.participants)}) in one group{relatives}"]
    )


def _r2_days(ctx: Context) -> RuleResult:
    """R2: the standard's number of consecutive course days, all on allowed weekdays."""
    rules = ctx.standard.days
    days = ctx.days
    fails = []
    if len(days) != rules.count or len(set(days)) != len(days):
        fails.append(f"the course has {len(days)} days; the standard wants {rules.count}")
    if days and days[0] != ctx.timetable.course.first_day:
        fails.append(
            f"the first course day {ctx.day(days[0])} is not the course's first day "
            f"{ctx.timetable.course.first_day.isoformat()}"
        )
    if rules.consecutive:
        for earlier, later in pairwise(days):
            if (later - earlier).days != 1:
                fails.append(
                    f"{ctx.day(later)} does not follow {ctx.day(earlier)}: the days must be "
                    "consecutive, in one period"
                )
    for day in days:
        if not rules.allows_weekday(day.weekday()):
            fails.append(
                f"{ctx.day(day)} is a {WEEKDAY_NAMES[day.weekday()]}; course days are "
                f"{', '.join(rules.weekdays)}"
            )
    for session in ctx.sessions:
        if session.date not in days:
            fails.append(f"{ctx.ref(session)} is not on a course day")
    span = f"{ctx.day(days[0])} to {ctx.day(days[-1])}" if days else "no days"
    return _result("R2", fails, [f"{len(days)} consecutive course days, {span}"])


def _r3_day_length(ctx: Context) -> RuleResult:
    """R3: a participant's course day (first item to last, all included) is at most 8 h."""
    longest_allowed = ctx.standard.day_max_minutes
    window = ctx.timetable.course.day_window
    fails = []
    spans: dict[tuple[date, int, int, str, str], list[str]] = defaultdict(list)
    for participant in ctx.participants:
        by_day: dict[date, list[Session]] = defaultdict(list)
        for session in ctx.sessions:
            if participant in session.participants:
                by_day[session.date].append(session)
        for day, sessions in by_day.items():
            first = min(sessions, key=lambda s: (s.start, s.id))
            last = max(sessions, key=lambda s: (s.end, s.id))
            spans[(day, first.start, last.end, first.id, last.id)].append(participant)
    longest = max(spans, key=lambda k: k[2] - k[1], default=None)
    for (day, start, end, first_id, last_id), people in sorted(spans.items()):
        if end - start > longest_allowed:
            fails.append(
                f"{_ids(people)}: {ctx.day(day)} lasts {format_clock(start)}-{format_clock(end)} "
                f"= {format_duration(end - start)} (from {first_id} to {last_id}); at most "
                f"{format_duration(longest_allowed)}"
            )
    for session in ctx.sessions:
        if session.participants and not window.contains(session.start, session.end):
            fails.append(f"{ctx.ref(session)} is outside the course's day window {window}")
    passes = []
    if longest is not None:
        day, start, end, first_id, last_id = longest
        passes.append(
            f"the longest participant day is {format_duration(end - start)} on {ctx.day(day)} "
            f"({format_clock(start)}-{format_clock(end)}), at most "
            f"{format_duration(longest_allowed)}"
        )
    return _result("R3", fails, passes)


def _r4_programme_hours(ctx: Context) -> RuleResult:
    """R4: staff-led programme of at least 25 h, each day within the course's daily bounds."""
    day_min, day_max = ctx.course.programme_day_bounds
    minimum = ctx.standard.programme.min_total_minutes
    programme = _programme_sessions(ctx)
    # The standard counts the programme "carried out by the team and/or special workers" (§4):
    # what other staff run alone is programme, but not these hours.
    led = [s for s in programme if any(ctx.group_of(m) != StaffGroup.OTHER for m in ctx.members(s))]
    per_day = {day: _covered_minutes(s for s in led if s.date == day) for day in ctx.days}
    all_per_day = {day: _covered_minutes(s for s in programme if s.date == day) for day in ctx.days}
    total = sum(per_day.values())
    fails = []
    for day, minutes in per_day.items():
        if minutes < day_min:
            fails.append(
                f"{ctx.day(day)} has {format_duration(minutes)} of programme led by the team or "
                f"special workers; each day needs at least {format_duration(day_min)}"
            )
        if all_per_day[day] > day_max:
            fails.append(
                f"{ctx.day(day)} has {format_duration(all_per_day[day])} of programme; at most "
                f"{format_duration(day_max)} a day"
            )
    alone = ", ".join(s.id for s in programme if s not in led)
    if total < minimum:
        fails.append(
            f"the programme led by the team or special workers totals {format_duration(total)}; "
            f"at least {format_duration(minimum)}"
            + (f" (other staff alone run {alone}, which do not count)" if alone else "")
        )
    daily = ", ".join(f"day {i + 1} {format_duration(m)}" for i, m in enumerate(per_day.values()))
    return _result(
        "R4",
        fails,
        [
            f"programme led by the team or special workers {format_duration(total)} (at least "
            f"{format_duration(minimum)}): {daily}"
        ],
    )


def _r5_individual_durations(ctx: Context) -> RuleResult:
    """R5: individual interviews last 60 min on average per participant (parts may be split).

    GAS goal meetings are judged by R15 (they are part of or right after the interview).
    """
    average = ctx.standard.individual_average_minutes
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual or not ctx.participants:
        return _not_applicable("R5", "no individual sessions")
    fails = [
        f"individual session {ctx.ref(s)} has {len(set(s.participants))} participants; it has one"
        for s in individual
        if len(set(s.participants)) != 1
    ]
    interviews = [s for s in individual if s.purpose == Purpose.INTERVIEW]
    per_participant = _minutes_per_participant(ctx, interviews)
    if not per_participant:  # everyone left before the end (a re-plan's changes)
        if fails:
            return _result("R5", fails)
        return _not_applicable("R5", "no participant stays to the end: no average to judge")
    mean = sum(per_participant.values()) / len(per_participant)
    if mean < average:
        short = [p for p, m in per_participant.items() if m < average]
        fails.append(
            f"interviews average {mean:.0f} min per participant; at least {average} min on "
            f"average (short: {_ids(f'{p} {per_participant[p]} min' for p in short)})"
        )
    others = defaultdict(int)
    for session in individual:
        if session.purpose != Purpose.INTERVIEW:
            others[session.purpose.value if session.purpose else "other"] += session.minutes
    extra = "".join(
        f"; {name} {format_duration(minutes)} in all" for name, minutes in sorted(others.items())
    )
    return _result(
        "R5",
        fails,
        [f"interviews average {mean:.0f} min per participant (at least {average} min){extra}"],
    )


def _r6_group_discussions(ctx: Context) -> RuleResult:
    """R6: the group opening and closing discussions last 2 h each on average (may be split)."""
    average = ctx.standard.group_discussion_average_minutes
    fails, passes = [], []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        sessions = [
            s
            for s in ctx.with_purpose(purpose)
            if s.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP)
        ]
        per_participant = _minutes_per_participant(ctx, sessions)
        mean = sum(per_participant.values()) / max(len(per_participant), 1)
        parts = ", ".join(s.id for s in sessions) or "none"
        text = f"the {purpose.value} discussion averages {format_duration(round(mean))} per participant ({parts})"
        if mean < average:
            fails.append(f"{text}; at least {format_duration(average)}")
        else:
            passes.append(text)
    return _result("R6", fails, passes)


def _r7_small_groups(ctx: Context) -> RuleResult:
    """R7: at least 2 h with the group split in two, each half with its own staff and room."""
    minimum = ctx.standard.small_group_min_minutes
    halves_wanted = ctx.standard.small_group_halves
    fails = []
    split = 0
    good_units = []
    for unit in small_group_units(ctx.sessions):
        first = unit[0]
        names = "/".join(s.id for s in unit)
        where = f"{names} ({first.title}, {ctx.day(first.date)} {format_clock(first.start)}-{format_clock(first.end)})"
        problems = []
        if len(unit) != halves_wanted:
            problems.append(
                f"{where} has {len(unit)} half/halves at that time; the group splits into "
                f"{halves_wanted}"
            )
        labels = [s.small_group for s in unit]
        if len(set(labels)) != len(labels):
            problems.append(f"{where}: two halves carry the same label {labels}")
        seen: set[str] = set()
        for session in unit:
            overlap = seen & set(session.participants)
            if overlap:
                problems.append(f"{where}: {_ids(overlap)} are in two halves at once")
            seen |= set(session.participants)
            if not session.staff:
                problems.append(f"{ctx.ref(session)} has no staff member of its own")
            if not session.room:
                problems.append(f"{ctx.ref(session)} has no room of its own")
        missing = ctx.present(unit[0]) - seen
        if missing:
            problems.append(f"{where} leaves out {_ids(missing)}")
        for a, b in combinations(unit, 2):
            shared = set(a.staff) & set(b.staff)
            if shared:
                problems.append(
                    f"{a.id} and {b.id} share staff {_ids(shared)}; each half has its own"
                )
            if a.room and a.room == b.room:
                problems.append(f"{a.id} and {b.id} are both in room {a.room}; separate rooms")
        if problems:
            fails.extend(problems)
        else:
            split += first.minutes
            good_units.append(names)
    if split < minimum:
        fails.append(
            f"the group is split in two for {format_duration(split)} "
            f"({', '.join(good_units) or 'never'}); at least {format_duration(minimum)}"
        )
    return _result(
        "R7",
        fails,
        [f"the group is split in two for {format_duration(split)}: {', '.join(good_units)}"],
    )


def _r8_meals(ctx: Context) -> RuleResult:
    """R8: every course day has a lunch of the course's length inside its lunch window."""
    if not ctx.standard.lunch_required:
        return _not_applicable("R8", "the standard requires no lunch break")
    lunch = ctx.timetable.course.lunch
    lunches = [s for s in ctx.sessions if s.kind == SessionKind.MEAL and s.purpose == Purpose.LUNCH]
    fails, passes = [], []
    for day in ctx.days:
        todays = [s for s in lunches if s.date == day]
        if not todays:
            fails.append(f"{ctx.day(day)} has no lunch")
            continue
        if len(todays) > 1:
            fails.append(f"{ctx.day(day)} has {len(todays)} lunches: {_ids(s.id for s in todays)}")
        for session in todays:
            if not lunch.window.contains(session.start, session.end):
                fails.append(f"{ctx.ref(session)} is outside the lunch window {lunch.window}")
            if session.minutes < lunch.minutes:
                fails.append(
                    f"{ctx.ref(session)} lasts {format_duration(session.minutes)}; lunch is "
                    f"{format_duration(lunch.minutes)}"
                )
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(f"{ctx.ref(session)} leaves out {_ids(missing)}")
        passes.append(
            f"{ctx.day(day)} {', '.join(f'{format_clock(s.start)}-{format_clock(s.end)}' for s in todays)}"
        )
    return _result("R8", fails, [f"lunch in {lunch.window} every day: " + "; ".join(passes)])


# -- content (§5) --------------------------------------------------------------------------


def _r9_themes(ctx: Context) -> RuleResult:
    """R9: themed sessions use the standard's themes and are led by people each theme allows;
    the course's own programme items are staffed as the course file says."""
    themed = [s for s in ctx.sessions if s.theme and s.kind not in NOT_PROGRAMME]
    programme = ctx.for_rule("R9")
    if not themed and not programme:
        return _not_applicable("R9", "no themed sessions or programme items")
    fails = []
    used: set[str] = set()
    for session in themed:
        theme = ctx.standard.theme(session.theme or "")
        if theme is None:
            fails.append(f"{ctx.ref(session)} names theme {session.theme!r}, not in the standard")
            continue
        used.add(theme.id)
        for member in ctx.members(session):
            if member.role not in theme.leaders and ctx.group_of(member).value not in theme.leaders:
                fails.append(
                    f"{ctx.who(member.id)} may not lead {ctx.ref(session)}: theme {theme.id} is "
                    f"led by {', '.join(theme.leaders)}"
                )
    fails.extend(_spec_issues(ctx, programme))
    return _result(
        "R9",
        fails,
        [
            f"{len(themed)} themed sessions, each led by people its theme allows; themes used: "
            f"{_ids(used)}"
        ],
    )


def _r10_methods(ctx: Context) -> RuleResult:
    """R10: guided group discussions and small-group work are both used (network work optional)."""
    fails = []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        if not any(s.kind == SessionKind.GROUP for s in ctx.with_purpose(purpose)):
            fails.append(f"no guided group discussion ({purpose.value}) in the timetable")
    complete = [
        u for u in small_group_units(ctx.sessions) if len(u) == ctx.standard.small_group_halves
    ]
    if not complete:
        fails.append("no small-group work (the group split in two at the same time)")
    remote = [s.id for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL and not s.room]
    network = (
        f"; {len(remote)} individual session(s) without a room (network work)" if remote else ""
    )
    return _result(
        "R10",
        fails,
        [f"group discussions (opening, closing) and {len(complete)} small-group slot(s){network}"],
    )


def _coverage_issues(ctx: Context, sessions: list[Session], what: str) -> list[str]:
    covered = {p for s in sessions for p in s.participants}
    expected = frozenset().union(*(ctx.present(s) for s in sessions)) if sessions else ctx.everyone
    missing = expected - covered
    return [f"{_ids(missing)} take part in no {what}"] if missing and sessions else []


def _r11_assessment(ctx: Context) -> RuleResult:
    """R11: the standard's measures at the start (day 1-2) and at the end (last day)."""
    fails, passes = [], []
    for purpose in (Purpose.MEASURES_START, Purpose.MEASURES_END):
        sessions = ctx.with_purpose(purpose)
        if not sessions:
            fails.append(f"no {purpose.value} session")
            continue
        fails.extend(_coverage_issues(ctx, sessions, purpose.value))
        passes.append(", ".join(ctx.ref(s) for s in sessions))
    fails.extend(_spec_issues(ctx, ctx.for_rule("R11")))
    measures = ", ".join(ctx.standard.measures)
    return _result("R11", fails, [f"measures ({measures}): " + "; ".join(passes)])


# -- course flow (§6) ----------------------------------------------------------------------


def _r12_first_day(ctx: Context) -> RuleResult:
    """R12: day 1 starts with the opening discussion; nothing with participants comes before it."""
    if not ctx.days:
        return _result("R12", ["the course has no days"])
    first_day = ctx.days[0]
    openings = [s for s in ctx.with_purpose(Purpose.OPENING) if s.date == first_day]
    if not openings:
        return _result(
            "R12", [f"no opening discussion on {ctx.day(first_day)} to start the course"]
        )
    opening = min(openings, key=lambda s: s.start)
    earlier = [
        s
        for s in ctx.sessions
        if s.date == first_day and s.participants and s.start < opening.start
    ]
    fails = [
        f"{ctx.ref(s)} comes before the opening discussion {opening.id} "
        f"({format_clock(opening.start)})"
        for s in earlier
    ]
    return _result("R12", fails, [f"the course starts with {ctx.ref(opening)}"])


def _r13_goal_work(ctx: Context) -> RuleResult:
    """R13: goal setting is introduced to the group on day 1; GAS goal meetings come later."""
    fails, passes = [], []
    intros = ctx.with_purpose(Purpose.GOAL_INTRO)
    if ctx.mandatory(Purpose.GOAL_INTRO) is not None or intros:
        on_day_1 = [s for s in intros if ctx.days and s.date == ctx.days[0]]
        if not on_day_1:
            fails.append("goal setting is not introduced to the group on day 1 (no goal_intro)")
        else:
            passes.append(f"introduced in {ctx.ref(on_day_1[0])}")
    fails.extend(_spec_issues(ctx, ctx.for_rule("R13")))
    gas = ctx.with_purpose(Purpose.GAS_GOALS)
    for session in gas:
        if ctx.day_index(session.date) == 0:
            fails.append(f"GAS goal meeting {ctx.ref(session)} is on day 1; it comes later")
    if gas:
        days = {ctx.day_index(s.date) for s in gas} - {None}
        passes.append(f"GAS goal meetings on {_days_text(d for d in days if d is not None)}")
    return _result("R13", fails, ["; ".join(passes)])


def _interviews_on_allowed_days(ctx: Context) -> tuple[list[Session], tuple[int, ...]]:
    spec = ctx.mandatory(Purpose.INTERVIEW)
    allowed = spec.allowed_days(len(ctx.days)) if spec else tuple(range(len(ctx.days)))
    interviews = [
        s for s in ctx.with_purpose(Purpose.INTERVIEW) if s.kind == SessionKind.INDIVIDUAL
    ]
    return interviews, allowed


def _r14_interviews(ctx: Context) -> RuleResult:
    """R14: on day 1 or 2 a team member interviews each participant (60 min each)."""
    needed = ctx.standard.individual_average_minutes
    interviews, allowed = _interviews_on_allowed_days(ctx)
    fails = []
    for session in interviews:
        if ctx.day_index(session.date) not in allowed:
            fails.append(f"interview {ctx.ref(session)} is not on {_days_text(allowed)}")
        if not any(ctx.is_team(s) for s in session.staff):
            fails.append(f"interview {ctx.ref(session)} has no team member")
    in_time = [
        s
        for s in interviews
        if ctx.day_index(s.date) in allowed and any(ctx.is_team(x) for x in s.staff)
    ]
    per_participant = _minutes_per_participant(ctx, in_time)
    deadline = max(allowed, default=0)
    for participant, minutes in sorted(per_participant.items()):
        if minutes < needed and not ctx.left_by_end_of(participant, deadline):
            fails.append(
                f"{participant} has {format_duration(minutes)} of interview by a team member on "
                f"{_days_text(allowed)}; {format_duration(needed)} needed"
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R14"), days=False))
    return _result(
        "R14",
        fails,
        [
            f"all {len(per_participant)} participants interviewed by a team member on "
            f"{_days_text(allowed)}, {format_duration(needed)} each"
        ],
    )


def _r15_first_goal(ctx: Context) -> RuleResult:
    """R15: a team member sets a GAS goal with each participant after the interview, by day 2."""
    deadline = ctx.standard.gas_goal_deadline_day
    interviews, _ = _interviews_on_allowed_days(ctx)
    gas = [s for s in ctx.with_purpose(Purpose.GAS_GOALS) if s.kind == SessionKind.INDIVIDUAL]
    fails = []
    for participant in sorted(ctx.participants):
        own_gas = sorted(
            (s for s in gas if participant in s.participants), key=lambda s: (s.date, s.start)
        )
        own_interviews = sorted(
            (s for s in interviews if participant in s.participants),
            key=lambda s: (s.date, s.start),
        )
        if not own_gas:
            if not ctx.left_by_end_of(participant, deadline - 1):
                fails.append(f"{participant} has no GAS goal meeting")
            continue
        first = own_gas[0]
        index = ctx.day_index(first.date)
        if index is None or index + 1 > deadline:
            fails.append(
                f"{participant}'s first GAS goal meeting {ctx.ref(first)} is after day {deadline}"
            )
        if not own_interviews:
            fails.append(f"{participant}'s GAS goal meeting {first.id} follows no interview")
        else:
            interview = own_interviews[0]
            if (first.date, first.start) < (interview.date, interview.end):
                fails.append(
                    f"{participant}'s GAS goal meeting {ctx.ref(first)} comes before the "
                    f"interview {ctx.ref(interview)} ends"
                )
        if not any(ctx.is_team(s) for s in first.staff):
            fails.append(f"{participant}'s GAS goal meeting {ctx.ref(first)} has no team member")
    fails.extend(_spec_issues(ctx, ctx.for_rule("R15"), days=False))
    return _result(
        "R15",
        fails,
        [
            f"every participant sets a GAS goal with a team member after the interview, by the "
            f"end of day {deadline}"
        ],
    )


def _r16_interviews_vs_group(ctx: Context) -> RuleResult:
    """R16: an individual session overlaps only interruptible group sessions (never the opening,
    closing, a lecture, small groups, meals or off-site sessions)."""
    never = set(ctx.standard.never_interrupted)
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual:
        return _not_applicable("R16", "no individual sessions")
    bad: dict[tuple[str, str], list[str]] = defaultdict(list)
    allowed: set[str] = set()
    refs: dict[str, Session] = {}
    for participant in ctx.participants:
        own = [s for s in ctx.sessions if participant in s.participants]
        for a, b in _overlapping_pairs(own):
            if (a.kind == SessionKind.INDIVIDUAL) == (b.kind == SessionKind.INDIVIDUAL):
                continue  # two individual or two group-level sessions: R29's business
            solo, group = (a, b) if a.kind == SessionKind.INDIVIDUAL else (b, a)
            interruptible = (
                group.kind == SessionKind.GROUP
                and group.interruptible
                and group.purpose not in never
                and ctx.offsite_room(group) is None
            )
            refs[solo.id], refs[group.id] = solo, group
            if interruptible:
                allowed.add(f"{solo.id} in {group.id}")
            else:
                bad[(solo.id, group.id)].append(participant)
    fails = [
        f"{_ids(people)}: {ctx.ref(refs[solo])} overlaps {ctx.ref(refs[group])}, which may not "
        f"be interrupted"
        for (solo, group), people in sorted(bad.items())
    ]
    return _result(
        "R16",
        fails,
        [
            f"{len(allowed)} individual session(s) overlap interruptible group sessions only"
            + (f": {', '.join(sorted(allowed))}" if allowed else "")
        ],
    )


def _r17_goal_review(ctx: Context) -> RuleResult:
    """R17: GAS goals are reviewed during the course and at the closing discussion."""
    reviews = ctx.with_purpose(Purpose.GOAL_REVIEW)
    fails = []
    if not reviews:
        fails.append("no goal review session during the course")
    fails.extend(_coverage_issues(ctx, reviews, "goal review"))
    fails.extend(_spec_issues(ctx, ctx.for_rule("R17")))
    closings = ctx.with_purpose(Purpose.CLOSING)
    if not closings:
        fails.append("no closing discussion to review the goals at")
    return _result(
        "R17",
        fails,
        [
            f"goals reviewed in {', '.join(ctx.ref(s) for s in reviews)} and at the closing "
            f"discussion ({', '.join(s.id for s in closings)})"
        ],
    )


def _r18_opening(ctx: Context) -> RuleResult:
    """R18: the opening discussion is on day 1 with two staff who are team or special workers."""
    openings = ctx.with_purpose(Purpose.OPENING)
    fails = []
    if not openings:
        fails.append("no opening discussion")
    for session in openings:
        if ctx.day_index(session.date) != 0:
            fails.append(f"the opening discussion {ctx.ref(session)} is not on day 1")
        leaders = [
            m
            for m in ctx.members(session)
            if ctx.group_of(m) in (StaffGroup.TEAM, StaffGroup.SPECIAL)
        ]
        if len(leaders) < 2:
            fails.append(
                f"the opening discussion {ctx.ref(session)} has {len(leaders)} team member(s) or "
                "special worker(s); it needs two"
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R18")))
    return _result(
        "R18",
        fails,
        [f"{ctx.ref(s)} with {', '.join(ctx.who(x) for x in unique_staff(s))}" for s in openings],
    )


def _r19_closing(ctx: Context) -> RuleResult:
    """R19: the closing discussion is on the last day with the physician and another team member."""
    closings = ctx.with_purpose(Purpose.CLOSING)
    fails = []
    if not closings:
        fails.append("no closing discussion")
    last = len(ctx.days) - 1
    for session in closings:
        if ctx.day_index(session.date) != last:
            fails.append(f"the closing discussion {ctx.ref(session)} is not on the last day")
        staff = unique_staff(session)
        if not any(ctx.is_physician(s) for s in staff):
            fails.append(
                f"the closing discussion {ctx.ref(session)} has no physician "
                f"({ctx.standard.team.physician_role}); staff: {', '.join(map(ctx.who, staff)) or 'none'}"
            )
        if not any(ctx.is_team(s) and not ctx.is_physician(s) for s in staff):
            fails.append(
                f"the closing discussion {ctx.ref(session)} has no team member besides the physician"
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R19"), required=False))
    return _result(
        "R19",
        fails,
        [f"{ctx.ref(s)} with {', '.join(ctx.who(x) for x in unique_staff(s))}" for s in closings],
    )


# -- staff (§7) ----------------------------------------------------------------------------


def _position(ctx: Context, member: StaffMember) -> str:
    """The team place a member holds: their own id, or (a re-plan's stand-in) whom they replace."""
    seen = {member.id}
    current = member
    while (replaced := getattr(current, "replaces", None)) and replaced not in seen:
        seen.add(replaced)
        if replaced not in ctx.staff:
            return replaced
        current = ctx.staff[replaced]
    return current.id


def _r20_team(ctx: Context) -> RuleResult:
    """R20: the team is 4 different people in the standard's roles, each with their minimum hours.

    A re-plan's stand-in (`replaces`) holds the place of whom they replace: the place counts
    once and its hours are both people's together.
    """
    rules = ctx.standard.team
    places: dict[str, list[StaffMember]] = defaultdict(list)
    for member in ctx.team():
        places[_position(ctx, member)].append(member)

    def role_of(place: str) -> str:
        holder = ctx.staff.get(place)
        return holder.role if holder is not None else places[place][0].role

    def name(place: str) -> str:
        people = places[place]
        stand_ins = [m.id for m in people if m.id != place]
        extra = f" with stand-in {', '.join(stand_ins)}" if stand_ins else ""
        return f"{place} ({role_of(place)}){extra}"

    def minutes(place: str) -> int:
        return sum(ctx.hours.person(m.id).minutes for m in places[place])

    fails = []
    if len(places) != rules.size:
        fails.append(
            f"the team has {len(places)} people ({_ids(places)}); the standard wants {rules.size}"
        )
    for role, limit in rules.roles.items():
        holders = [place for place in places if role_of(place) == role]
        if len(holders) != limit.count:
            fails.append(f"the team has {len(holders)} {role}(s); the standard wants {limit.count}")
        for place in holders:
            if minutes(place) < limit.min_minutes:
                fails.append(
                    f"{name(place)} has {format_duration(minutes(place))} with participants; at "
                    f"least {format_duration(limit.min_minutes)}"
                )
    for member in ctx.team():
        if member.role not in rules.roles:
            fails.append(
                f"{ctx.who(member.id)} is in the team, but the team's roles are "
                f"{', '.join(rules.roles)}"
            )
    return _result(
        "R20",
        fails,
        [", ".join(f"{name(p)} {format_duration(minutes(p))}" for p in places)],
    )


def _r21_experience(ctx: Context) -> RuleResult:
    """R21: the physician's years, another member's rheumatology hours, group-leading hours."""
    rules = ctx.standard.experience
    team = ctx.team()
    physicians = [m for m in team if m.role == ctx.standard.team.physician_role]
    others = [m for m in team if m.role != ctx.standard.team.physician_role]
    window = f"in the last {rules.window_years} years"
    fails, passes = [], []
    if not physicians:
        fails.append("no physician in the team whose experience could be checked")
    for member in physicians:
        years = member.experience.rheumatology_years
        if years is None or years < rules.physician_min_years:
            given = "not given" if years is None else f"{years:g} years"
            fails.append(
                f"{ctx.who(member.id)}: rheumatology experience {given}; at least "
                f"{rules.physician_min_years:g} years {window}"
            )
        else:
            passes.append(f"{ctx.who(member.id)} {years:g} years of rheumatology")
    clinical = [
        m
        for m in others
        if (m.experience.rheumatology_hours or 0) >= rules.other_member_min_rheumatology_hours
    ]
    if not clinical:
        fails.append(
            f"no team member besides the physician has {rules.other_member_min_rheumatology_hours:g} h "
            f"of rheumatology work {window}"
        )
    else:
        passes.append(
            f"{ctx.who(clinical[0].id)} {clinical[0].experience.rheumatology_hours:g} h of "
            "rheumatology work"
        )
    leading = [
        m
        for m in others
        if (m.experience.group_leading_hours or 0) >= rules.non_physician_min_group_leading_hours
    ]
    if not leading:
        fails.append(
            f"no team member besides the physician has {rules.non_physician_min_group_leading_hours:g} h "
            f"of leading groups {window}"
        )
    else:
        passes.append(
            f"{ctx.who(leading[0].id)} {leading[0].experience.group_leading_hours:g} h of "
            "leading groups"
        )
    return _result("R21", fails, ["; ".join(passes) + f" ({window})"])


def _r22_course_lead(ctx: Context) -> RuleResult:
    """R22: exactly one team member is the course lead."""
    leads = [m for m in ctx.course.staff if m.course_lead]
    if not ctx.standard.team.course_lead_required and not leads:
        return _not_applicable("R22", "the standard names no course lead")
    fails = []
    if len(leads) != 1:
        fails.append(
            f"{len(leads)} course leads ({_ids(m.id for m in leads) or 'none'}); exactly one"
        )
    for member in leads:
        if ctx.group_of(member) != StaffGroup.TEAM:
            fails.append(f"the course lead {ctx.who(member.id)} is not a team member")
    return _result("R22", fails, [f"the course lead is {ctx.who(leads[0].id)}" if leads else ""])


def _r23_lectures(ctx: Context) -> RuleResult:
    """R23: the physician gives lectures on the disease; another team member may join."""
    lectures = [s for s in ctx.with_purpose(Purpose.LECTURE) if s.kind == SessionKind.GROUP]
    fails = []
    if not lectures:
        fails.append("no physician's lecture in the timetable")
    for session in lectures:
        staff = unique_staff(session)
        if not any(ctx.is_physician(s) for s in staff):
            fails.append(f"lecture {ctx.ref(session)} is not given by the physician")
        for staff_id in staff:
            if not ctx.is_team(staff_id):
                fails.append(
                    f"{ctx.who(staff_id)} is in lecture {ctx.ref(session)}; only another team "
                    "member may join the physician"
                )
    # Staff count and days of the items; who leads is judged above, by the standard's words.
    for session in ctx.for_rule("R23"):
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        if len(unique_staff(session)) < spec.staff:
            fails.append(f"{ctx.ref(session)} has fewer staff than {spec.id} needs ({spec.staff})")
        index = ctx.day_index(session.date)
        allowed = spec.allowed_days(len(ctx.days))
        if index is not None and index not in allowed:
            fails.append(
                f"{ctx.ref(session)} is on day {index + 1}; {spec.id} belongs on {_days_text(allowed)}"
            )
    return _result(
        "R23",
        fails,
        [f"{ctx.ref(s)} by {', '.join(ctx.who(x) for x in unique_staff(s))}" for s in lectures],
    )


def _r24_special_workers(ctx: Context) -> RuleResult:
    """R24: at least 2 special workers of different professions from the standard's list."""
    rules = ctx.standard.special_workers
    special = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.SPECIAL]
    fails = []
    professions: dict[str, list[str]] = defaultdict(list)
    for member in special:
        profession = rules.profession_of(member.role)
        if profession is None:
            fails.append(
                f"{ctx.who(member.id)} is a special worker, but {member.role} is not on the "
                "standard's exhaustive list"
            )
            continue
        if ctx.hours.person(member.id).minutes > 0:
            professions[profession].append(member.id)
    if len(professions) < rules.min_count:
        taking_part = "; ".join(f"{p}: {_ids(ids)}" for p, ids in sorted(professions.items()))
        fails.append(
            f"special workers of {len(professions)} profession(s) take part "
            f"({taking_part or 'none'}); at least {rules.min_count} different professions"
        )
    return _result(
        "R24",
        fails,
        [
            "special workers taking part: "
            + "; ".join(
                f"{_ids(ids)} ({p}, {format_duration(sum(ctx.hours.person(i).minutes for i in ids))})"
                for p, ids in sorted(professions.items())
            )
        ],
    )


def _r25_other_staff(ctx: Context) -> RuleResult:
    """R25: other staff are not in team or special-worker roles."""
    other = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.OTHER]
    if not other:
        return _not_applicable("R25", "no other staff on the course")
    reserved = ctx.standard.team_roles | ctx.standard.special_workers.roles
    fails = [
        f"{ctx.who(m.id)} counts as other staff, but {m.role} is a team or special-worker role"
        for m in other
        if m.role in reserved
    ]
    return _result(
        "R25",
        fails,
        [
            "other staff: "
            + ", ".join(
                f"{ctx.who(m.id)} {format_duration(ctx.hours.person(m.id).minutes)}" for m in other
            )
        ],
    )


def _r26_total_hours(ctx: Context) -> RuleResult:
    """R26: staff hours with participants are at least 41 h (length x staff per session)."""
    total = ctx.hours.total_minutes
    minimum = ctx.standard.staff_hours.min_total_minutes
    lines = ", ".join(
        f"{line.key} {format_duration(line.minutes)}"
        for line in ctx.hours.lines
        if not line.subtotal and line.minutes
    )
    text = f"staff hours with participants {format_duration(total)} ({lines})"
    if total < minimum:
        return _result("R26", [f"{text}; at least {format_duration(minimum)}"])
    return _result("R26", [], [f"{text}, at least {format_duration(minimum)}"])


def _r27_shares(ctx: Context) -> RuleResult:
    """R27: each staff group's share of the hours is within its band (whole hours, half up)."""
    return share_result(ctx.standard, ctx.hours.minutes_by_group)


def share_result(standard: Standard, minutes_by_group: dict[StaffGroup, int]) -> RuleResult:
    """R27 for given minutes per staff group (a pure function: Appendix 2's splits test it)."""
    groups = judge_shares(standard, minutes_by_group)
    fails = [f"{g.describe()}: outside the band" for g in groups if not g.within]
    return _result("R27", fails, [g.describe() for g in groups])


def _r28_staff_meetings(ctx: Context) -> RuleResult:
    """R28: the team meets during the course (no participants).

    The team is its places: a re-plan's stand-in fills the place of whom they replace, so a
    meeting held before the change, with the person replaced, still had the whole team.
    """
    meetings = [s for s in ctx.sessions if s.kind == SessionKind.STAFF_MEETING]
    place_of = {m.id: _position(ctx, m) for m in ctx.team()}
    team = set(place_of.values())
    fails = []
    if not meetings:
        fails.append("no staff meeting of the team")
    for session in meetings:
        if session.participants:
            fails.append(
                f"staff meeting {ctx.ref(session)} lists participants {_ids(session.participants)}"
            )

    def places_in(session: Session) -> set[str]:
        return {place_of[x] for x in session.staff if x in place_of}

    whole = [s for s in meetings if team <= places_in(s)]
    if meetings and not whole:
        fails.append(
            "no staff meeting has the whole team: "
            + "; ".join(f"{s.id} lacks {_ids(team - places_in(s))}" for s in meetings)
        )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R28")))
    return _result(
        "R28", fails, [f"the team ({_ids(team)}) meets in {', '.join(ctx.ref(s) for s in whole)}"]
    )


def _r29_no_double_booking(ctx: Context) -> RuleResult:
    """R29: nobody and no room in two places at once; staff only inside their availability and
    maximum hours; participants' individual sessions outside their absences."""
    fails = []
    seen: set[str] = set()
    for session in ctx.sessions:
        if session.id in seen:
            fails.append(f"session id {session.id} appears twice; ids must tell sessions apart")
        seen.add(session.id)
        for staff_id in unique_staff(session):
            if staff_id not in ctx.staff:
                fails.append(f"{ctx.ref(session)} names staff {staff_id}, who is not on the course")
    for member in ctx.course.staff:
        own = [s for s in ctx.sessions if member.id in s.staff]
        for a, b in _overlapping_pairs(own):
            fails.append(f"{ctx.who(member.id)} is in both {ctx.ref(a)} and {ctx.ref(b)}")
        for session in own:
            windows = ctx.course.available_windows(member, session.date)
            if not any(w.contains(session.start, session.end) for w in windows):
                free = ", ".join(str(w) for w in windows) or "not at all"
                fails.append(
                    f"{ctx.who(member.id)} works in {ctx.ref(session)} but is available "
                    f"{free} that day"
                )
        if member.max_minutes is not None:
            minutes = ctx.hours.person(member.id).minutes
            if minutes > member.max_minutes:
                fails.append(
                    f"{ctx.who(member.id)} has {format_duration(minutes)} with participants; at "
                    f"most {format_duration(member.max_minutes)}"
                )
    clashes: dict[tuple[str, str], list[str]] = defaultdict(list)
    refs: dict[str, Session] = {}
    for participant in ctx.participants:
        own = [s for s in ctx.sessions if participant in s.participants]
        for a, b in _overlapping_pairs(own):
            if (a.kind == SessionKind.INDIVIDUAL) != (b.kind == SessionKind.INDIVIDUAL):
                continue  # an individual session beside a group one: R16 judges it
            refs[a.id], refs[b.id] = a, b
            clashes[(a.id, b.id)].append(participant)
        person = ctx.participants[participant]
        for session in own:
            if session.kind != SessionKind.INDIVIDUAL:
                continue
            for window in person.unavailable.get(session.date, ()):
                if session.start < window.end and window.start < session.end:
                    fails.append(f"{participant} is away {window} but has {ctx.ref(session)}")
    for (a, b), people in sorted(clashes.items()):
        fails.append(f"{_ids(people)} in both {ctx.ref(refs[a])} and {ctx.ref(refs[b])}")
    for room_id, room in ctx.rooms.items():
        used = [s for s in ctx.sessions if s.room == room_id]
        for a, b in _overlapping_pairs(used):
            fails.append(f"room {room_id} holds both {ctx.ref(a)} and {ctx.ref(b)}")
        closed: dict[date, tuple[TimeWindow, ...]] = getattr(room, "unavailable", {}) or {}
        for session in used:
            for window in closed.get(session.date, ()):
                if session.start < window.end and window.start < session.end:
                    fails.append(
                        f"room {room_id} cannot be used {window} but holds {ctx.ref(session)}"
                    )
    staffed = sum(1 for s in ctx.sessions if s.staff)
    return _result(
        "R29",
        fails,
        [
            f"{len(ctx.course.staff)} staff, {len(ctx.participants)} participants and "
            f"{len(ctx.rooms)} rooms are never in two places at once; {staffed} staffed "
            "sessions inside their staff's availability"
        ],
    )


# -- facilities (§8) -----------------------------------------------------------------------


def _transfer_issues(ctx: Context, session: Session, room: Room) -> list[str]:
    # The travel time itself: the solver rounds it up to its slot grid, but a timetable made or
    # edited by hand that allows the room's real travel time both ways meets R29/R30.
    needed = room.offsite_minutes
    issues = []
    for direction, touches in (
        ("to", lambda t: t.end == session.start),
        ("from", lambda t: t.start == session.end),
    ):
        candidates = [
            t
            for t in ctx.sessions
            if t.kind == SessionKind.TRANSFER
            and t.date == session.date
            and touches(t)
            and set(session.participants) <= set(t.participants)
        ]
        place = f"{'to' if direction == 'to' else 'back from'} {room.id}"
        if not candidates:
            issues.append(
                f"{ctx.ref(session)} is off-site ({room.offsite_minutes} min away) but has no "
                f"transfer {place} right {'before' if direction == 'to' else 'after'} it"
            )
            continue
        transfer = max(candidates, key=lambda t: t.minutes)
        if transfer.minutes < needed:
            issues.append(
                f"transfer {ctx.ref(transfer)} {place} takes {format_duration(transfer.minutes)}; "
                f"it needs {format_duration(needed)}"
            )
        missing = set(session.staff) - set(transfer.staff)
        if missing:
            issues.append(
                f"{_ids(missing)} of {session.id} do not travel in transfer {transfer.id} {place}"
            )
    return issues


def _r30_rooms(ctx: Context) -> RuleResult:
    """R30: the standard's rooms exist, each session is in a room of a kind it names, off-site
    rooms are near enough and reached by transfers both ways."""
    rules = ctx.standard.rooms
    fails = []

    def near_enough(room: Room) -> bool:
        km_ok = room.offsite_km is None or room.offsite_km <= rules.offsite_max_km
        return room.offsite_minutes <= rules.offsite_max_minutes and km_ok

    def counts(room: Room) -> bool:
        if room.offsite:
            return room.kind in rules.offsite_kinds and near_enough(room)
        return True

    for kind, needed in rules.required.items():
        have = [r.id for r in ctx.rooms.values() if r.kind == kind and counts(r)]
        if len(have) < needed:
            fails.append(
                f"{len(have)} room(s) of kind {kind} ({_ids(have) or 'none'}) fit the standard; "
                f"it requires {needed}"
            )
    for session in ctx.sessions:
        if session.room is not None and session.room not in ctx.rooms:
            fails.append(f"{ctx.ref(session)} is in room {session.room}, not on the course")
            continue
        room = ctx.rooms.get(session.room) if session.room else None
        spec = ctx.spec_of(session)
        if spec is not None and spec.rooms:
            if room is None:
                fails.append(
                    f"{ctx.ref(session)} has no room; {spec.id} needs {', '.join(spec.rooms)}"
                )
            elif room.kind not in spec.rooms:
                fails.append(
                    f"{ctx.ref(session)} is in {room.id} ({room.kind}); {spec.id} needs a room of "
                    f"kind {', '.join(spec.rooms)}"
                )
        if room is None:
            continue
        if len(set(session.participants)) > room.capacity:
            fails.append(
                f"{ctx.ref(session)} has {len(set(session.participants))} participants; room "
                f"{room.id} holds {room.capacity}"
            )
        if room.offsite:
            if room.kind not in rules.offsite_kinds:
                fails.append(
                    f"{ctx.ref(session)} uses off-site {room.kind} {room.id}; it must be on site"
                )
            if not near_enough(room):
                fails.append(
                    f"{ctx.ref(session)} uses {room.id}, {room.offsite_minutes} min / "
                    f"{room.offsite_km if room.offsite_km is not None else '?'} km away; at most "
                    f"{rules.offsite_max_minutes} min or {rules.offsite_max_km:g} km"
                )
            if session.kind not in NOT_PROGRAMME:
                fails.extend(_transfer_issues(ctx, session, room))
    offsite = sorted({s.room for s in ctx.sessions if s.room and ctx.offsite_room(s)})
    transfers = f"; transfers both ways to {', '.join(offsite)}" if offsite else ""
    kinds = ", ".join(f"{k} {n}" for k, n in rules.required.items())
    return _result(
        "R30",
        fails,
        [
            f"rooms the standard requires ({kinds}) exist; every session in a room of its kind{transfers}"
        ],
    )


RULES: tuple[Callable[[Context], RuleResult], ...] = (
    _r1_participants,
    _r2_days,
    _r3_day_length,
    _r4_programme_hours,
    _r5_individual_durations,
    _r6_group_discussions,
    _r7_small_groups,
    _r8_meals,
    _r9_themes,
    _r10_methods,
    _r11_assessment,
    _r12_first_day,
    _r13_goal_work,
    _r14_interviews,
    _r15_first_goal,
    _r16_interviews_vs_group,
    _r17_goal_review,
    _r18_opening,
    _r19_closing,
    _r20_team,
    _r21_experience,
    _r22_course_lead,
    _r23_lectures,
    _r24_special_workers,
    _r25_other_staff,
    _r26_total_hours,
    _r27_shares,
    _r28_staff_meetings,
    _r29_no_double_booking,
    _r30_rooms,
)


def check(timetable: Timetable, standard: Standard) -> CheckReport:
    """Every rule R1-R30 judged on the timetable, in order, with the hours table.

    Raises UncheckableTimetable when the timetable's own course data does not hold together
    (e.g. two staff members with one id), so no rule can be judged.
    """
    try:
        course = timetable.to_course(standard)
    except ValidationError as error:
        message = error.errors()[0]["msg"].removeprefix("Value error, ")
        raise UncheckableTimetable(message) from None
    ctx = Context(
        timetable=timetable,
        standard=standard,
        course=course,
        hours=hours_table(timetable, standard, course),
    )
    results = tuple(rule(ctx) for rule in RULES)
    return CheckReport(
        results=results,
        hours=ctx.hours,
        course_title=timetable.course.title,
        standard_id=standard.id,
        days=timetable.days,
    )


def render_report(report: CheckReport, language: str = "en") -> str:
    """The report as console text: one block per rule, then the hours table, then the verdict."""
    lang = _lang(language)
    fi = lang == "fi"
    lines = []
    if report.course_title:
        period = (
            f", {report.days[0].isoformat()} - {report.days[-1].isoformat()}" if report.days else ""
        )
        lines.append(f"{report.course_title} ({report.standard_id}{period})")
        lines.append("")
    width = max(len(w[lang]) for w in STATUS_WORDS.values())
    for result in report.results:
        status = STATUS_WORDS[result.status][lang]
        lines.append(f"{result.rule:<4} {status:<{width}}  {rule_title(result.rule, lang)}")
        for reason in result.reasons:
            if reason:
                lines.append(f"       - {reason}")
    lines.append("")
    lines.append("Tuntitaulukko (liitteet 1 ja 2)" if fi else "Hours (Appendices 1 and 2)")
    at_least, at_most = ("vähintään", "enintään") if fi else ("at least", "at most")
    for line in report.hours.lines:
        floor = (
            ""
            if line.standard_minutes is None
            else f"  ({at_least} {format_duration(line.standard_minutes)})"
        )
        lines.append(f"  {line.title(lang):<52} {format_duration(line.minutes):>12}{floor}")
    for group in report.hours.groups:
        low, high = group.whole_band_minutes
        mark = "" if group.within else f"  <- {STATUS_WORDS['fail'][lang]}"
        lines.append(
            f"  {hours_label(group.group.value, lang):<32} {format_duration(group.minutes):>12}"
            f"  {group.share_percent:5.1f} %  ({group.band_percent[0]}-{group.band_percent[1]} % "
            f"= {format_duration(low)} - {format_duration(high)}){mark}"
        )
    for person in report.hours.people:
        bounds = [
            f"{at_least} {format_duration(person.min_minutes)}"
            if person.min_minutes is not None
            else "",
            f"{at_most} {format_duration(person.max_minutes)}"
            if person.max_minutes is not None
            else "",
        ]
        limits = ", ".join(b for b in bounds if b)
        mark = "" if person.within else f"  <- {STATUS_WORDS['fail'][lang]}"
        lines.append(
            f"    {person.staff_id:<10} {person.role:<28} {format_duration(person.minutes):>12}"
            f"  {person.share_percent:5.1f} %" + (f"  ({limits})" if limits else "") + mark
        )
    lines.append("")
    counts = {s: sum(1 for r in report.results if r.status == s) for s in STATUS_WORDS}
    summary = ", ".join(f"{counts[s]} {STATUS_WORDS[s][lang]}" for s in STATUS_WORDS)
    if report.passed:
        verdict = "aikataulu täyttää standardin" if fi else "the timetable meets the standard"
    else:
        failed = ", ".join(r.rule for r in report.failures)
        verdict = (
            f"aikataulu ei täytä standardia ({failed})"
            if fi
            else f"the timetable does not meet the standard ({failed})"
        )
    lines.append(f"{summary}: {verdict}")
    return "\n".join(lines)
