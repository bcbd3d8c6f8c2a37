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
    text_in,
)
from models.course import Course, Participant, Room, StaffMember
from models.standard import WEEKDAYS, SessionSpec, Standard
from models.timetable import Session, Timetable
from scheduler.hours import (
    GroupHours,
    HoursTable,
    hours_table,
    judge_shares,
    small_group_units,
    unique_staff,
)
from scheduler.hours import (
    label as hours_label,
)
from scheduler.labels import has_label, label

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


@dataclass(frozen=True)
class Reason:
    """One reason of a rule's verdict, written in English and Finnish side by side."""

    en: str
    fi: str

    def text(self, language: str) -> str:
        return self.fi if language == "fi" else self.en


@dataclass(frozen=True)
class RuleResult:
    rule: str
    title: str
    status: Status
    said: tuple[Reason, ...]

    @property
    def passed(self) -> bool:
        return self.status != "fail"

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English (what code and tests read)."""
        return self.reasons_in("en")

    def reasons_in(self, language: str) -> tuple[str, ...]:
        return tuple(reason.text(language) for reason in self.said)


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
                "\n".join(r.reasons_in(language)),
            )
            for r in self.results
        )


class UncheckableTimetable(ValueError):
    """The timetable's own course data is inconsistent (e.g. two staff with one id)."""


def rule_title(rule: str, language: str = "en") -> str:
    english, finnish = RULE_TITLES[rule]
    return finnish if language == "fi" else english


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

    @cached_property
    def en(self) -> Words:
        return Words(self, "en")

    @cached_property
    def fi(self) -> Words:
        return Words(self, "fi")


class Words:
    """The names a reason uses in one language: days, sessions, people, roles, themes.

    English names things by their ids (as the course file does); Finnish by the titles and
    words of scheduler/labels.py, the way a course manager reads them.
    """

    def __init__(self, ctx: Context, language: str) -> None:
        self.ctx = ctx
        self.language = _lang(language)
        self.finnish = self.language == "fi"

    def day(self, day: date) -> str:
        """'day 2 (Tue 2027-03-09)', 'päivä 2 (ti 9.3.2027)'"""
        index = self.ctx.day_index(day)
        name = f"{_weekday(day, self.language)} {_date(day, self.language)}"
        if self.finnish:
            return (
                f"päivä {index + 1} ({name})" if index is not None else f"{name} (ei kurssipäivä)"
            )
        return f"day {index + 1} ({name})" if index is not None else f"{name} (not a course day)"

    def on_day(self, day: date) -> str:
        """'day 2 (Tue 2027-03-09)', 'päivänä 2 (ti 9.3.2027)'"""
        index = self.ctx.day_index(day)
        if self.finnish and index is not None:
            return f"päivänä {index + 1} ({_weekday(day, 'fi')} {_date(day, 'fi')})"
        return self.day(day)

    def clock(self, start: int, end: int) -> str:
        dash = "–" if self.finnish else "-"
        return f"{format_clock(start)}{dash}{format_clock(end)}"

    def window(self, window: TimeWindow) -> str:
        return self.clock(window.start, window.end)

    def title(self, session: Session) -> str:
        return text_in(session.titles, self.language) if session.titles else session.title

    def name(self, session: Session) -> str:
        """A session by its id; in Finnish by its title, with whose or which half it is."""
        if not self.finnish:
            return session.id
        marks = []
        if session.kind == SessionKind.INDIVIDUAL and session.participants:
            marks.append(", ".join(dict.fromkeys(session.participants)))
        if session.small_group:
            marks.append(f"pienryhmä {session.small_group}")
        return self.title(session) + (f" ({', '.join(marks)})" if marks else "")

    def slot(self, session: Session) -> str:
        """When a session is: 'day 1 (Mon 2027-03-08) 10:00-11:00'."""
        when = self.clock(session.start, session.end)
        if self.finnish:
            return f"{self.on_day(session.date)} klo {when}"
        return f"{self.day(session.date)} {when}"

    def ref(self, session: Session) -> str:
        """'interview-K01 (Individual interview and assessment, day 1 (Mon 2027-03-08)
        10:00-11:00)'; 'Yksilöllinen haastattelu ja arviointi (K01) päivänä 1 (ma 8.3.2027)
        klo 10:00–11:00'"""
        if self.finnish:
            return f"{self.name(session)} {self.slot(session)}"
        return f"{session.id} ({self.title(session)}, {self.slot(session)})"

    def who(self, staff_id: str) -> str:
        """'tt (occupational_therapist)', 'tt (toimintaterapeutti)'"""
        member = self.ctx.staff.get(staff_id)
        if member is None:
            return f"{staff_id} ({'tuntematon' if self.finnish else 'unknown'})"
        return f"{staff_id} ({self.role(member.role)})"

    def role(self, role: str) -> str:
        return _role(role, self.language)

    def roles(self, roles: Iterable[str]) -> str:
        return ", ".join(self.role(r) for r in roles)

    def leaders(self, leaders: Iterable[str]) -> str:
        """Roles or staff groups (a theme's or a programme item's leaders)."""
        if not self.finnish:
            return ", ".join(leaders)
        groups = {g.value for g in StaffGroup}
        return ", ".join(_group(g, "fi") if g in groups else self.role(g) for g in leaders)

    def purpose(self, purpose: Purpose | None) -> str:
        return _purpose(purpose, self.language)

    def theme(self, theme_id: str) -> str:
        theme = self.ctx.standard.theme(theme_id)
        if not self.finnish or theme is None:
            return theme_id
        return text_in(theme.title, "fi")

    def room_kind(self, kind: str) -> str:
        key = f"room_kind_{kind}"
        return label(key, "fi") if self.finnish and has_label(key) else kind

    def room_kinds(self, kinds: Iterable[str]) -> str:
        return (" tai " if self.finnish else ", ").join(self.room_kind(k) for k in kinds)

    def days(self, indices: Iterable[int], *, either: bool = True) -> str:
        """0-based indices: 'day 1', 'days 1, 2'; 'päivänä 1', 'päivänä 1 tai 2' (either) or
        'päivinä 1 ja 2'."""
        if not self.finnish:
            return _days_text(indices)
        numbers = [str(i + 1) for i in sorted(indices)]
        if len(numbers) == 1:
            return f"päivänä {numbers[0]}"
        listed = f"{', '.join(numbers[:-1])} {'tai' if either else 'ja'} {numbers[-1]}"
        return f"päivänä {listed}" if either else f"päivinä {listed}"


def _lang(language: str) -> str:
    return "fi" if language == "fi" else "en"


def _lower_first(text: str) -> str:
    """'Toimintaterapeutti' -> 'toimintaterapeutti' inside a sentence; 'GAS' stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _weekday(day: date, language: str) -> str:
    return label(f"weekday_short_{day.weekday()}", _lang(language))


def _date(day: date, language: str) -> str:
    if language == "fi":
        return label("date", "fi", day=day.day, month=day.month, year=day.year)
    return day.isoformat()


def _role(role: str, language: str) -> str:
    """A role id (English) or its Finnish name (the id itself if labels.py lacks it)."""
    key = f"role_{role}"
    return _lower_first(label(key, "fi")) if language == "fi" and has_label(key) else role


def _group(group: str, language: str) -> str:
    return _lower_first(label(f"group_{group}", "fi")) if language == "fi" else group


def _purpose(purpose: Purpose | None, language: str) -> str:
    name = purpose.value if purpose else "other"
    return label(f"purpose_{name}", "fi") if language == "fi" else name


def _fi_count(count: int, one: str, many: str) -> str:
    """'1 kuntoutuja', '10 kuntoutujaa': Finnish takes the partitive after numbers above one."""
    return f"{count} {one if count == 1 else many}"


def _fi_number(number: float) -> str:
    """2.5 -> '2,5': the Finnish decimal comma."""
    return f"{number:g}".replace(".", ",")


def _days_text(indices: Iterable[int]) -> str:
    """0-based indices as 'day 1', 'days 1, 2'."""
    numbers = [str(i + 1) for i in sorted(indices)]
    return f"day {numbers[0]}" if len(numbers) == 1 else f"days {', '.join(numbers)}"


def _ids(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))


def _result(rule: str, fails: Sequence[Reason], passes: Sequence[Reason] = ()) -> RuleResult:
    """Fail with the failing reasons if any (each once), else pass with what was found."""
    title = RULE_TITLES[rule][0]
    if fails:
        once: dict[str, Reason] = {}
        for reason in fails:
            once.setdefault(reason.en, reason)
        return RuleResult(rule, title, "fail", tuple(once.values()))
    return RuleResult(rule, title, "pass", tuple(passes))


def _not_applicable(rule: str, reason: Reason) -> RuleResult:
    return RuleResult(rule, RULE_TITLES[rule][0], "n/a", (reason,))


def _wrong_day(ctx: Context, session: Session, spec: SessionSpec) -> Reason | None:
    """A session on a day its programme item does not allow."""
    index = ctx.day_index(session.date)
    allowed = spec.allowed_days(len(ctx.days))
    if index is None or index in allowed:
        return None
    en, fi = ctx.en, ctx.fi
    return Reason(
        en=f"{en.ref(session)} is on day {index + 1}; {spec.id} belongs on {en.days(allowed)}",
        fi=f"{fi.ref(session)}: sen kuuluu olla {fi.days(allowed)}",
    )


def _spec_issues(
    ctx: Context, sessions: Iterable[Session], *, days: bool = True, required: bool = True
) -> list[Reason]:
    """How sessions break their programme item: too few staff, staff it does not allow, a
    required role missing, a day it may not be on."""
    en, fi = ctx.en, ctx.fi
    issues = []
    for session in sessions:
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        staff = unique_staff(session)
        if len(staff) < spec.staff:
            issues.append(
                Reason(
                    en=f"{en.ref(session)} has {len(staff)} staff member(s); {spec.id} needs "
                    f"{spec.staff}",
                    fi=f"{fi.ref(session)}: työntekijöitä {len(staff)}, vaaditaan {spec.staff}",
                )
            )
        for member in ctx.members(session):
            if not ctx.course.may_lead(member, spec):
                issues.append(
                    Reason(
                        en=f"{en.who(member.id)} may not lead {en.ref(session)}: {spec.id} is "
                        f"for {', '.join(spec.leaders)}",
                        fi=f"{fi.ref(session)}: {fi.who(member.id)} ei kuulu sallittuihin "
                        f"ohjaajiin ({fi.leaders(spec.leaders)})",
                    )
                )
        if required:
            for role in spec.required_roles:
                if not any(m.role == role for m in ctx.members(session)):
                    issues.append(
                        Reason(
                            en=f"{en.ref(session)} has no {role}; {spec.id} requires one",
                            fi=f"{fi.ref(session)}: mukana ei ole vaadittua ammattia "
                            f"({fi.role(role)})",
                        )
                    )
        wrong_day = _wrong_day(ctx, session, spec) if days else None
        if wrong_day is not None:
            issues.append(wrong_day)
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
    en, fi = ctx.en, ctx.fi
    wanted = ctx.standard.participants
    count = len(ctx.participants)
    everyone = _ids(ctx.participants)
    fails = []
    if count != wanted:
        fails.append(
            Reason(
                en=f"the course has {count} participants ({everyone}); the standard wants {wanted}",
                fi=f"kurssilla on {_fi_count(count, 'kuntoutuja', 'kuntoutujaa')} ({everyone}); "
                f"standardi edellyttää {wanted}",
            )
        )
    for session in ctx.sessions:
        unknown = set(session.participants) - ctx.everyone
        if unknown:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} lists unknown participant(s) {_ids(unknown)}",
                    fi=f"{fi.ref(session)}: tuntematon kuntoutuja {_ids(unknown)}"
                    if len(unknown) == 1
                    else f"{fi.ref(session)}: tuntemattomat kuntoutujat {_ids(unknown)}",
                )
            )
        if session.kind == SessionKind.GROUP:
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(
                    Reason(
                        en=f"group session {en.ref(session)} leaves out {_ids(missing)}",
                        fi=f"{fi.ref(session)}: koko ryhmän tapaamisesta puuttuu {_ids(missing)}",
                    )
                )
    relatives = ctx.standard.relatives
    return _result(
        "R1",
        fails,
        [
            Reason(
                en=f"{count} participants ({everyone}) in one group"
                + ("" if relatives else "; no relatives take part"),
                fi=f"{_fi_count(count, 'kuntoutuja', 'kuntoutujaa')} ({everyone}) yhdessä ryhmässä"
                + ("" if relatives else "; omaisia ei osallistu"),
            )
        ],
    )


def _r2_days(ctx: Context) -> RuleResult:
    """R2: the standard's number of consecutive course days, all on allowed weekdays."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.days
    days = ctx.days
    fails = []
    if len(days) != rules.count or len(set(days)) != len(days):
        fails.append(
            Reason(
                en=f"the course has {len(days)} days; the standard wants {rules.count}",
                fi=f"kurssilla on {_fi_count(len(days), 'päivä', 'päivää')}; standardi "
                f"edellyttää {rules.count}",
            )
        )
    first_day = ctx.timetable.course.first_day
    if days and days[0] != first_day:
        fails.append(
            Reason(
                en=f"the first course day {en.day(days[0])} is not the course's first day "
                f"{first_day.isoformat()}",
                fi=f"ensimmäinen kurssipäivä {fi.day(days[0])} ei ole kurssin alkupäivä "
                f"{_date(first_day, 'fi')}",
            )
        )
    if rules.consecutive:
        for earlier, later in pairwise(days):
            if (later - earlier).days != 1:
                fails.append(
                    Reason(
                        en=f"{en.day(later)} does not follow {en.day(earlier)}: the days must "
                        "be consecutive, in one period",
                        fi=f"{fi.day(later)} ei seuraa heti päivää {fi.day(earlier)}: "
                        "kurssipäivät ovat peräkkäisiä ja yhtenä jaksona",
                    )
                )
    allowed = ", ".join(rules.weekdays)
    allowed_fi = ", ".join(
        label(f"weekday_short_{WEEKDAYS.index(w)}", "fi") for w in rules.weekdays
    )
    for day in days:
        if not rules.allows_weekday(day.weekday()):
            fails.append(
                Reason(
                    en=f"{en.day(day)} is a {_weekday(day, 'en')}; course days are {allowed}",
                    fi=f"{fi.day(day)} on "
                    f"{_lower_first(label(f'weekday_{day.weekday()}', 'fi'))}; kurssipäivät "
                    f"voivat olla {allowed_fi}",
                )
            )
    for session in ctx.sessions:
        if session.date not in days:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is not on a course day",
                    fi=f"{fi.ref(session)} ei ole kurssipäivänä",
                )
            )
    if days:
        passes = Reason(
            en=f"{len(days)} consecutive course days, {en.day(days[0])} to {en.day(days[-1])}",
            fi=_fi_count(len(days), "kurssipäivä", "peräkkäistä kurssipäivää")
            + f", {fi.day(days[0])} – {fi.day(days[-1])}",
        )
    else:
        passes = Reason(en="0 consecutive course days, no days", fi="ei kurssipäiviä")
    return _result("R2", fails, [passes])


def _r3_day_length(ctx: Context) -> RuleResult:
    """R3: a participant's course day (first item to last, all included) is at most 8 h."""
    en, fi = ctx.en, ctx.fi
    longest_allowed = ctx.standard.day_max_minutes
    most = format_duration(longest_allowed)
    window = ctx.timetable.course.day_window
    fails = []
    spans: dict[tuple[date, int, int, str, str], list[str]] = defaultdict(list)
    named: dict[str, Session] = {}
    for participant in ctx.participants:
        by_day: dict[date, list[Session]] = defaultdict(list)
        for session in ctx.sessions:
            if participant in session.participants:
                by_day[session.date].append(session)
        for day, sessions in by_day.items():
            first = min(sessions, key=lambda s: (s.start, s.id))
            last = max(sessions, key=lambda s: (s.end, s.id))
            named.setdefault(first.id, first)
            named.setdefault(last.id, last)
            spans[(day, first.start, last.end, first.id, last.id)].append(participant)
    longest = max(spans, key=lambda k: k[2] - k[1], default=None)
    for (day, start, end, first_id, last_id), people in sorted(spans.items()):
        if end - start > longest_allowed:
            length = format_duration(end - start)
            fails.append(
                Reason(
                    en=f"{_ids(people)}: {en.day(day)} lasts {en.clock(start, end)} = {length} "
                    f"(from {first_id} to {last_id}); at most {most}",
                    fi=f"{_ids(people)}: {fi.day(day)} kestää {fi.clock(start, end)} eli "
                    f"{length} ({fi.name(named[first_id])} – {fi.name(named[last_id])}); "
                    f"enintään {most}",
                )
            )
    for session in ctx.sessions:
        if session.participants and not window.contains(session.start, session.end):
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is outside the course's day window {window}",
                    fi=f"{fi.ref(session)} on kurssin päiväajan {fi.window(window)} ulkopuolella",
                )
            )
    passes = []
    if longest is not None:
        day, start, end, first_id, last_id = longest
        length = format_duration(end - start)
        passes.append(
            Reason(
                en=f"the longest participant day is {length} on {en.day(day)} "
                f"({en.clock(start, end)}), at most {most}",
                fi=f"kuntoutujan pisin päivä on {length}: {fi.day(day)} klo "
                f"{fi.clock(start, end)}; enintään {most}",
            )
        )
    return _result("R3", fails, passes)


def _r4_programme_hours(ctx: Context) -> RuleResult:
    """R4: staff-led programme of at least 25 h, each day within the course's daily bounds."""
    en, fi = ctx.en, ctx.fi
    day_min, day_max = ctx.course.programme_day_bounds
    minimum = ctx.standard.programme.min_total_minutes
    programme = _programme_sessions(ctx)
    # The standard counts the programme "carried out by the team and/or special workers" (§4):
    # what other staff run alone is programme, but not these hours.
    led = [s for s in programme if any(ctx.group_of(m) != StaffGroup.OTHER for m in ctx.members(s))]
    per_day = {day: _covered_minutes(s for s in led if s.date == day) for day in ctx.days}
    all_per_day = {day: _covered_minutes(s for s in programme if s.date == day) for day in ctx.days}
    total = sum(per_day.values())
    led_fi = "työryhmän tai erityistyöntekijöiden ohjaamaa ohjelmaa"
    fails = []
    for day, minutes in per_day.items():
        if minutes < day_min:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {format_duration(minutes)} of programme led by the "
                    f"team or special workers; each day needs at least {format_duration(day_min)}",
                    fi=f"{fi.day(day)}: {led_fi} {format_duration(minutes)}; vähintään "
                    f"{format_duration(day_min)} päivässä",
                )
            )
        if all_per_day[day] > day_max:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {format_duration(all_per_day[day])} of programme; "
                    f"at most {format_duration(day_max)} a day",
                    fi=f"{fi.day(day)}: ohjelmaa {format_duration(all_per_day[day])}; enintään "
                    f"{format_duration(day_max)} päivässä",
                )
            )
    alone = [s for s in programme if s not in led]
    if total < minimum:
        alone_en = ", ".join(s.id for s in alone)
        alone_fi = "; ".join(fi.name(s) for s in alone)
        fails.append(
            Reason(
                en=f"the programme led by the team or special workers totals "
                f"{format_duration(total)}; at least {format_duration(minimum)}"
                + (f" (other staff alone run {alone_en}, which do not count)" if alone else ""),
                fi=f"{led_fi} on yhteensä {format_duration(total)}; vähintään "
                f"{format_duration(minimum)}"
                + (
                    f" (muun kuntoutushenkilöstön yksin ohjaamaa ohjelmaa ei lasketa: {alone_fi})"
                    if alone
                    else ""
                ),
            )
        )
    daily = list(per_day.values())
    daily_en = ", ".join(f"day {i + 1} {format_duration(m)}" for i, m in enumerate(daily))
    daily_fi = ", ".join(f"päivä {i + 1}: {format_duration(m)}" for i, m in enumerate(daily))
    return _result(
        "R4",
        fails,
        [
            Reason(
                en=f"programme led by the team or special workers {format_duration(total)} (at "
                f"least {format_duration(minimum)}): {daily_en}",
                fi=f"{led_fi} {format_duration(total)} (vähintään {format_duration(minimum)}): "
                f"{daily_fi}",
            )
        ],
    )


def _r5_individual_durations(ctx: Context) -> RuleResult:
    """R5: individual interviews last 60 min on average per participant (parts may be split).

    GAS goal meetings are judged by R15 (they are part of or right after the interview).
    """
    en, fi = ctx.en, ctx.fi
    average = ctx.standard.individual_average_minutes
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual or not ctx.participants:
        return _not_applicable(
            "R5", Reason(en="no individual sessions", fi="ei yksilöllisiä tapaamisia")
        )
    fails = [
        Reason(
            en=f"individual session {en.ref(s)} has {len(set(s.participants))} participants; it "
            "has one",
            fi=f"{fi.ref(s)}: yksilöllisessä tapaamisessa on "
            f"{_fi_count(len(set(s.participants)), 'kuntoutuja', 'kuntoutujaa')}; siinä kuuluu "
            "olla yksi",
        )
        for s in individual
        if len(set(s.participants)) != 1
    ]
    interviews = [s for s in individual if s.purpose == Purpose.INTERVIEW]
    per_participant = _minutes_per_participant(ctx, interviews)
    if not per_participant:  # everyone left before the end (a re-plan's changes)
        if fails:
            return _result("R5", fails)
        return _not_applicable(
            "R5",
            Reason(
                en="no participant stays to the end: no average to judge",
                fi="yksikään kuntoutuja ei ole mukana loppuun asti: keskiarvoa ei voi arvioida",
            ),
        )
    mean = sum(per_participant.values()) / len(per_participant)
    if mean < average:
        short = _ids(f"{p} {m} min" for p, m in per_participant.items() if m < average)
        fails.append(
            Reason(
                en=f"interviews average {mean:.0f} min per participant; at least {average} min "
                f"on average (short: {short})",
                fi=f"haastattelut kestävät keskimäärin {mean:.0f} min kuntoutujaa kohden; "
                f"keskimäärin vähintään {average} min (lyhyemmät: {short})",
            )
        )
    others: dict[Purpose | None, int] = defaultdict(int)
    for session in individual:
        if session.purpose != Purpose.INTERVIEW:
            others[session.purpose] += session.minutes
    ordered = sorted(others.items(), key=lambda item: _purpose(item[0], "en"))
    extra_en = "".join(f"; {en.purpose(p)} {format_duration(m)} in all" for p, m in ordered)
    extra_fi = "".join(f"; {fi.purpose(p)}: yhteensä {format_duration(m)}" for p, m in ordered)
    return _result(
        "R5",
        fails,
        [
            Reason(
                en=f"interviews average {mean:.0f} min per participant (at least {average} min)"
                f"{extra_en}",
                fi=f"haastattelut kestävät keskimäärin {mean:.0f} min kuntoutujaa kohden "
                f"(vähintään {average} min){extra_fi}",
            )
        ],
    )


def _r6_group_discussions(ctx: Context) -> RuleResult:
    """R6: the group opening and closing discussions last 2 h each on average (may be split)."""
    en, fi = ctx.en, ctx.fi
    average = ctx.standard.group_discussion_average_minutes
    fails, passes = [], []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        sessions = [
            s
            for s in ctx.with_purpose(purpose)
            if s.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP)
        ]
        per_participant = _minutes_per_participant(ctx, sessions)
        mean_minutes = sum(per_participant.values()) / max(len(per_participant), 1)
        mean = format_duration(round(mean_minutes))
        parts_en = ", ".join(s.id for s in sessions) or "none"
        parts_fi = "; ".join(fi.slot(s) for s in sessions) or "ei yhtään"
        text = Reason(
            en=f"the {en.purpose(purpose)} discussion averages {mean} per participant ({parts_en})",
            fi=f"{fi.purpose(purpose)} kestää keskimäärin {mean} kuntoutujaa kohden: {parts_fi}",
        )
        if mean_minutes < average:
            fails.append(
                Reason(
                    en=f"{text.en}; at least {format_duration(average)}",
                    fi=f"{text.fi}; vähintään {format_duration(average)}",
                )
            )
        else:
            passes.append(text)
    return _result("R6", fails, passes)


def _r7_small_groups(ctx: Context) -> RuleResult:
    """R7: at least 2 h with the group split in two, each half with its own staff and room."""
    en, fi = ctx.en, ctx.fi
    minimum = ctx.standard.small_group_min_minutes
    halves_wanted = ctx.standard.small_group_halves
    fails = []
    split = 0
    good_units: list[Reason] = []
    for unit in small_group_units(ctx.sessions):
        first = unit[0]
        names = "/".join(s.id for s in unit)
        where = Reason(
            en=f"{names} ({en.title(first)}, {en.slot(first)})",
            fi=f"{fi.title(first)} {fi.slot(first)}",
        )
        problems = []
        if len(unit) != halves_wanted:
            problems.append(
                Reason(
                    en=f"{where.en} has {len(unit)} half/halves at that time; the group splits "
                    f"into {halves_wanted}",
                    fi=f"{where.fi}: samaan aikaan "
                    f"{_fi_count(len(unit), 'pienryhmä', 'pienryhmää')}; ryhmä jaetaan "
                    f"{halves_wanted} pienryhmään",
                )
            )
        labels = [s.small_group for s in unit]
        if len(set(labels)) != len(labels):
            problems.append(
                Reason(
                    en=f"{where.en}: two halves carry the same label {labels}",
                    fi=f"{where.fi}: kahdella pienryhmällä on sama tunnus "
                    f"({', '.join(str(x) for x in labels)})",
                )
            )
        seen: set[str] = set()
        for session in unit:
            overlap = seen & set(session.participants)
            if overlap:
                problems.append(
                    Reason(
                        en=f"{where.en}: {_ids(overlap)} are in two halves at once",
                        fi=f"{where.fi}: {_ids(overlap)} kahdessa pienryhmässä yhtä aikaa",
                    )
                )
            seen |= set(session.participants)
            if not session.staff:
                problems.append(
                    Reason(
                        en=f"{en.ref(session)} has no staff member of its own",
                        fi=f"{fi.ref(session)}: pienryhmällä ei ole omaa työntekijää",
                    )
                )
            if not session.room:
                problems.append(
                    Reason(
                        en=f"{en.ref(session)} has no room of its own",
                        fi=f"{fi.ref(session)}: pienryhmällä ei ole omaa tilaa",
                    )
                )
        missing = ctx.present(unit[0]) - seen
        if missing:
            problems.append(
                Reason(
                    en=f"{where.en} leaves out {_ids(missing)}",
                    fi=f"{where.fi}: pienryhmistä puuttuu {_ids(missing)}",
                )
            )
        for a, b in combinations(unit, 2):
            shared = set(a.staff) & set(b.staff)
            if shared:
                problems.append(
                    Reason(
                        en=f"{a.id} and {b.id} share staff {_ids(shared)}; each half has its own",
                        fi=f"{fi.name(a)} ja {fi.name(b)}: yhteinen työntekijä {_ids(shared)}; "
                        "kummallakin pienryhmällä on oma",
                    )
                )
            if a.room and a.room == b.room:
                problems.append(
                    Reason(
                        en=f"{a.id} and {b.id} are both in room {a.room}; separate rooms",
                        fi=f"{fi.name(a)} ja {fi.name(b)} ovat molemmat tilassa {a.room}; "
                        "kummallakin pienryhmällä on oma tila",
                    )
                )
        if problems:
            fails.extend(problems)
        else:
            split += first.minutes
            good_units.append(Reason(en=names, fi=f"{fi.title(first)} {fi.slot(first)}"))
    units_en = ", ".join(u.en for u in good_units)
    units_fi = "; ".join(u.fi for u in good_units)
    if split < minimum:
        fails.append(
            Reason(
                en=f"the group is split in two for {format_duration(split)} "
                f"({units_en or 'never'}); at least {format_duration(minimum)}",
                fi=f"ryhmä on jaettu kahteen pienryhmään yhteensä {format_duration(split)} "
                f"({units_fi or 'ei kertaakaan'}); vähintään {format_duration(minimum)}",
            )
        )
    return _result(
        "R7",
        fails,
        [
            Reason(
                en=f"the group is split in two for {format_duration(split)}: {units_en}",
                fi=f"ryhmä on jaettu kahteen pienryhmään yhteensä {format_duration(split)}: "
                f"{units_fi}",
            )
        ],
    )


def _r8_meals(ctx: Context) -> RuleResult:
    """R8: every course day has a lunch of the course's length inside its lunch window."""
    en, fi = ctx.en, ctx.fi
    if not ctx.standard.lunch_required:
        return _not_applicable(
            "R8",
            Reason(
                en="the standard requires no lunch break", fi="standardi ei edellytä lounastaukoa"
            ),
        )
    lunch = ctx.timetable.course.lunch
    lunches = [s for s in ctx.sessions if s.kind == SessionKind.MEAL and s.purpose == Purpose.LUNCH]
    fails, passes = [], []
    for day in ctx.days:
        todays = [s for s in lunches if s.date == day]
        if not todays:
            fails.append(Reason(en=f"{en.day(day)} has no lunch", fi=f"{fi.day(day)}: ei lounasta"))
            continue
        if len(todays) > 1:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {len(todays)} lunches: {_ids(s.id for s in todays)}",
                    fi=f"{fi.day(day)}: {len(todays)} lounasta (klo "
                    f"{', '.join(fi.clock(s.start, s.end) for s in todays)})",
                )
            )
        for session in todays:
            if not lunch.window.contains(session.start, session.end):
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} is outside the lunch window {lunch.window}",
                        fi=f"{fi.ref(session)} ei ole lounasajan {fi.window(lunch.window)} sisällä",
                    )
                )
            if session.minutes < lunch.minutes:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} lasts {format_duration(session.minutes)}; lunch "
                        f"is {format_duration(lunch.minutes)}",
                        fi=f"{fi.ref(session)} kestää {format_duration(session.minutes)}; lounas "
                        f"kestää {format_duration(lunch.minutes)}",
                    )
                )
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} leaves out {_ids(missing)}",
                        fi=f"{fi.ref(session)}: lounaalta puuttuu {_ids(missing)}",
                    )
                )
        passes.append(
            Reason(
                en=f"{en.day(day)} {', '.join(en.clock(s.start, s.end) for s in todays)}",
                fi=f"{fi.day(day)} {', '.join(fi.clock(s.start, s.end) for s in todays)}",
            )
        )
    return _result(
        "R8",
        fails,
        [
            Reason(
                en=f"lunch in {lunch.window} every day: " + "; ".join(p.en for p in passes),
                fi=f"lounas joka päivä klo {fi.window(lunch.window)} välillä: "
                + "; ".join(p.fi for p in passes),
            )
        ],
    )


# -- content (§5) --------------------------------------------------------------------------


def _r9_themes(ctx: Context) -> RuleResult:
    """R9: themed sessions use the standard's themes and are led by people each theme allows;
    the course's own programme items are staffed as the course file says."""
    en, fi = ctx.en, ctx.fi
    themed = [s for s in ctx.sessions if s.theme and s.kind not in NOT_PROGRAMME]
    programme = ctx.for_rule("R9")
    if not themed and not programme:
        return _not_applicable(
            "R9",
            Reason(
                en="no themed sessions or programme items",
                fi="ei teemoihin kuuluvia ohjelmakohtia eikä kurssin omaa ohjelmaa",
            ),
        )
    fails = []
    used: set[str] = set()
    for session in themed:
        theme = ctx.standard.theme(session.theme or "")
        if theme is None:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} names theme {session.theme!r}, not in the standard",
                    fi=f"{fi.ref(session)}: teemaa {session.theme!r} ei ole standardissa",
                )
            )
            continue
        used.add(theme.id)
        for member in ctx.members(session):
            if member.role not in theme.leaders and ctx.group_of(member).value not in theme.leaders:
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} may not lead {en.ref(session)}: theme "
                        f"{theme.id} is led by {', '.join(theme.leaders)}",
                        fi=f"{fi.ref(session)}: {fi.who(member.id)} ei kuulu teeman "
                        f"”{fi.theme(theme.id)}” sallittuihin ohjaajiin "
                        f"({fi.leaders(theme.leaders)})",
                    )
                )
    fails.extend(_spec_issues(ctx, programme))
    count = len(themed)
    return _result(
        "R9",
        fails,
        [
            Reason(
                en=f"{count} themed sessions, each led by people its theme allows; themes used: "
                f"{_ids(used)}",
                fi=f"{_fi_count(count, 'teemaan kuuluva ohjelmakohta', 'teemoihin kuuluvaa ohjelmakohtaa')}"
                f", kunkin ohjaajina teeman sallimat henkilöt; käytetyt teemat: "
                + ", ".join(fi.theme(t) for t in sorted(used)),
            )
        ],
    )


def _r10_methods(ctx: Context) -> RuleResult:
    """R10: guided group discussions and small-group work are both used (network work optional)."""
    en, fi = ctx.en, ctx.fi
    fails = []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        if not any(s.kind == SessionKind.GROUP for s in ctx.with_purpose(purpose)):
            fails.append(
                Reason(
                    en=f"no guided group discussion ({en.purpose(purpose)}) in the timetable",
                    fi=f"aikataulussa ei ole ohjattua ryhmäkeskustelua ({fi.purpose(purpose)})",
                )
            )
    complete = [
        u for u in small_group_units(ctx.sessions) if len(u) == ctx.standard.small_group_halves
    ]
    if not complete:
        fails.append(
            Reason(
                en="no small-group work (the group split in two at the same time)",
                fi="aikataulussa ei ole pienryhmätyöskentelyä (ryhmä jaettuna kahtia samaan "
                "aikaan)",
            )
        )
    remote = [s.id for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL and not s.room]
    network = Reason(
        en=f"; {len(remote)} individual session(s) without a room (network work)",
        fi=f"; {_fi_count(len(remote), 'yksilötapaaminen', 'yksilötapaamista')} ilman tilaa "
        "(verkostotyö)",
    )
    slots = _fi_count(len(complete), "pienryhmäkerta", "pienryhmäkertaa")
    return _result(
        "R10",
        fails,
        [
            Reason(
                en=f"group discussions (opening, closing) and {len(complete)} small-group slot(s)"
                + (network.en if remote else ""),
                fi=f"ryhmäkeskustelut (aloitus- ja loppukeskustelu) ja {slots}"
                + (network.fi if remote else ""),
            )
        ],
    )


def _coverage_issues(ctx: Context, sessions: list[Session], purpose: Purpose) -> list[Reason]:
    covered = {p for s in sessions for p in s.participants}
    expected = frozenset().union(*(ctx.present(s) for s in sessions)) if sessions else ctx.everyone
    missing = expected - covered
    if not (missing and sessions):
        return []
    what = "goal review" if purpose == Purpose.GOAL_REVIEW else ctx.en.purpose(purpose)
    return [
        Reason(
            en=f"{_ids(missing)} take part in no {what}",
            fi=f"{ctx.fi.purpose(purpose)}: mukana ei ole {_ids(missing)}",
        )
    ]


def _r11_assessment(ctx: Context) -> RuleResult:
    """R11: the standard's measures at the start (day 1-2) and at the end (last day)."""
    en, fi = ctx.en, ctx.fi
    fails, passes = [], []
    for purpose in (Purpose.MEASURES_START, Purpose.MEASURES_END):
        sessions = ctx.with_purpose(purpose)
        if not sessions:
            fails.append(
                Reason(
                    en=f"no {en.purpose(purpose)} session",
                    fi=f"aikataulussa ei ole ohjelmakohtaa ”{fi.purpose(purpose)}”",
                )
            )
            continue
        fails.extend(_coverage_issues(ctx, sessions, purpose))
        passes.append(
            Reason(
                en=", ".join(en.ref(s) for s in sessions),
                fi="; ".join(fi.ref(s) for s in sessions),
            )
        )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R11")))
    measures = ", ".join(ctx.standard.measures)
    return _result(
        "R11",
        fails,
        [
            Reason(
                en=f"measures ({measures}): " + "; ".join(p.en for p in passes),
                fi=f"mittarit ({measures}): " + "; ".join(p.fi for p in passes),
            )
        ],
    )


# -- course flow (§6) ----------------------------------------------------------------------


def _r12_first_day(ctx: Context) -> RuleResult:
    """R12: day 1 starts with the opening discussion; nothing with participants comes before it."""
    en, fi = ctx.en, ctx.fi
    if not ctx.days:
        return _result("R12", [Reason(en="the course has no days", fi="kurssilla ei ole päiviä")])
    first_day = ctx.days[0]
    openings = [s for s in ctx.with_purpose(Purpose.OPENING) if s.date == first_day]
    if not openings:
        return _result(
            "R12",
            [
                Reason(
                    en=f"no opening discussion on {en.day(first_day)} to start the course",
                    fi=f"kurssi ei ala aloituskeskustelulla: sitä ei ole {fi.on_day(first_day)}",
                )
            ],
        )
    opening = min(openings, key=lambda s: s.start)
    earlier = [
        s
        for s in ctx.sessions
        if s.date == first_day and s.participants and s.start < opening.start
    ]
    fails = [
        Reason(
            en=f"{en.ref(s)} comes before the opening discussion {opening.id} "
            f"({format_clock(opening.start)})",
            fi=f"{fi.ref(s)} alkaa ennen aloituskeskustelua (klo {format_clock(opening.start)})",
        )
        for s in earlier
    ]
    return _result(
        "R12",
        fails,
        [
            Reason(
                en=f"the course starts with {en.ref(opening)}",
                fi=f"kurssi alkaa aloituskeskustelulla: {fi.ref(opening)}",
            )
        ],
    )


def _r13_goal_work(ctx: Context) -> RuleResult:
    """R13: goal setting is introduced to the group on day 1; GAS goal meetings come later."""
    en, fi = ctx.en, ctx.fi
    fails, passes = [], []
    intros = ctx.with_purpose(Purpose.GOAL_INTRO)
    if ctx.mandatory(Purpose.GOAL_INTRO) is not None or intros:
        on_day_1 = [s for s in intros if ctx.days and s.date == ctx.days[0]]
        if not on_day_1:
            fails.append(
                Reason(
                    en="goal setting is not introduced to the group on day 1 (no goal_intro)",
                    fi="tavoitteiden asettamista ei esitellä ryhmälle päivänä 1 (ei ohjelmakohtaa "
                    f"”{fi.purpose(Purpose.GOAL_INTRO)}”)",
                )
            )
        else:
            passes.append(
                Reason(
                    en=f"introduced in {en.ref(on_day_1[0])}",
                    fi=f"tavoitetyöskentely esitellään: {fi.ref(on_day_1[0])}",
                )
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R13")))
    gas = ctx.with_purpose(Purpose.GAS_GOALS)
    for session in gas:
        if ctx.day_index(session.date) == 0:
            fails.append(
                Reason(
                    en=f"GAS goal meeting {en.ref(session)} is on day 1; it comes later",
                    fi=f"{fi.ref(session)}: GAS-tavoitetapaamisen kuuluu olla vasta päivän 1 "
                    "jälkeen",
                )
            )
    if gas:
        days = [d for d in {ctx.day_index(s.date) for s in gas} if d is not None]
        passes.append(
            Reason(
                en=f"GAS goal meetings on {en.days(days)}",
                fi=f"GAS-tavoitetapaamiset {fi.days(days, either=False)}",
            )
        )
    return _result(
        "R13",
        fails,
        [Reason(en="; ".join(p.en for p in passes), fi="; ".join(p.fi for p in passes))],
    )


def _interviews_on_allowed_days(ctx: Context) -> tuple[list[Session], tuple[int, ...]]:
    spec = ctx.mandatory(Purpose.INTERVIEW)
    allowed = spec.allowed_days(len(ctx.days)) if spec else tuple(range(len(ctx.days)))
    interviews = [
        s for s in ctx.with_purpose(Purpose.INTERVIEW) if s.kind == SessionKind.INDIVIDUAL
    ]
    return interviews, allowed


def _r14_interviews(ctx: Context) -> RuleResult:
    """R14: on day 1 or 2 a team member interviews each participant (60 min each)."""
    en, fi = ctx.en, ctx.fi
    needed = ctx.standard.individual_average_minutes
    interviews, allowed = _interviews_on_allowed_days(ctx)
    fails = []
    for session in interviews:
        if ctx.day_index(session.date) not in allowed:
            fails.append(
                Reason(
                    en=f"interview {en.ref(session)} is not on {en.days(allowed)}",
                    fi=f"{fi.ref(session)}: haastattelun kuuluu olla {fi.days(allowed)}",
                )
            )
        if not any(ctx.is_team(s) for s in session.staff):
            fails.append(
                Reason(
                    en=f"interview {en.ref(session)} has no team member",
                    fi=f"{fi.ref(session)}: haastattelussa ei ole työryhmän jäsentä",
                )
            )
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
                Reason(
                    en=f"{participant} has {format_duration(minutes)} of interview by a team "
                    f"member on {en.days(allowed)}; {format_duration(needed)} needed",
                    fi=f"{participant}: työryhmän jäsenen haastattelua {format_duration(minutes)} "
                    f"{fi.days(allowed)}; tarvitaan {format_duration(needed)}",
                )
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R14"), days=False))
    count = len(per_participant)
    return _result(
        "R14",
        fails,
        [
            Reason(
                en=f"all {count} participants interviewed by a team member on {en.days(allowed)}"
                f", {format_duration(needed)} each",
                fi=f"työryhmän jäsen haastattelee kaikki {count} kuntoutujaa {fi.days(allowed)}, "
                f"kunkin {format_duration(needed)}",
            )
        ],
    )


def _r15_first_goal(ctx: Context) -> RuleResult:
    """R15: a team member sets a GAS goal with each participant after the interview, by day 2."""
    en, fi = ctx.en, ctx.fi
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
                fails.append(
                    Reason(
                        en=f"{participant} has no GAS goal meeting",
                        fi=f"{participant}: ei GAS-tavoitetapaamista",
                    )
                )
            continue
        first = own_gas[0]
        index = ctx.day_index(first.date)
        if index is None or index + 1 > deadline:
            fails.append(
                Reason(
                    en=f"{participant}'s first GAS goal meeting {en.ref(first)} is after day "
                    f"{deadline}",
                    fi=f"{participant}: ensimmäinen GAS-tavoitetapaaminen on vasta päivän "
                    f"{deadline} jälkeen: {fi.ref(first)}",
                )
            )
        if not own_interviews:
            fails.append(
                Reason(
                    en=f"{participant}'s GAS goal meeting {first.id} follows no interview",
                    fi=f"{participant}: ennen GAS-tavoitetapaamista ei ole haastattelua "
                    f"({fi.name(first)})",
                )
            )
        else:
            interview = own_interviews[0]
            if (first.date, first.start) < (interview.date, interview.end):
                fails.append(
                    Reason(
                        en=f"{participant}'s GAS goal meeting {en.ref(first)} comes before the "
                        f"interview {en.ref(interview)} ends",
                        fi=f"{participant}: {fi.ref(first)} alkaa ennen kuin haastattelu "
                        f"({fi.ref(interview)}) päättyy",
                    )
                )
        if not any(ctx.is_team(s) for s in first.staff):
            fails.append(
                Reason(
                    en=f"{participant}'s GAS goal meeting {en.ref(first)} has no team member",
                    fi=f"{participant}: GAS-tavoitetapaamisessa ({fi.ref(first)}) ei ole "
                    "työryhmän jäsentä",
                )
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R15"), days=False))
    return _result(
        "R15",
        fails,
        [
            Reason(
                en="every participant sets a GAS goal with a team member after the interview, "
                f"by the end of day {deadline}",
                fi="jokainen kuntoutuja asettaa GAS-tavoitteen työryhmän jäsenen kanssa "
                f"haastattelun jälkeen, viimeistään päivänä {deadline}",
            )
        ],
    )


def _r16_interviews_vs_group(ctx: Context) -> RuleResult:
    """R16: an individual session overlaps only interruptible group sessions (never the opening,
    closing, a lecture, small groups, meals or off-site sessions)."""
    en, fi = ctx.en, ctx.fi
    never = set(ctx.standard.never_interrupted)
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual:
        return _not_applicable(
            "R16", Reason(en="no individual sessions", fi="ei yksilöllisiä tapaamisia")
        )
    bad: dict[tuple[str, str], list[str]] = defaultdict(list)
    allowed: dict[str, str] = {}
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
                allowed.setdefault(
                    f"{solo.id} in {group.id}",
                    f"{fi.name(solo)} samaan aikaan kuin {fi.name(group)}",
                )
            else:
                bad[(solo.id, group.id)].append(participant)
    fails = [
        Reason(
            en=f"{_ids(people)}: {en.ref(refs[solo])} overlaps {en.ref(refs[group])}, which may "
            "not be interrupted",
            fi=f"{_ids(people)}: {fi.ref(refs[solo])} on samaan aikaan kuin "
            f"{fi.ref(refs[group])}, jota ei saa keskeyttää",
        )
        for (solo, group), people in sorted(bad.items())
    ]
    pairs = sorted(allowed)
    count = _fi_count(len(pairs), "yksilötapaaminen on", "yksilötapaamista on")
    return _result(
        "R16",
        fails,
        [
            Reason(
                en=f"{len(pairs)} individual session(s) overlap interruptible group sessions only"
                + (f": {', '.join(pairs)}" if pairs else ""),
                fi=f"{count} päällekkäin vain keskeytettävien ryhmätapaamisten kanssa"
                + (f": {'; '.join(allowed[p] for p in pairs)}" if pairs else ""),
            )
        ],
    )


def _r17_goal_review(ctx: Context) -> RuleResult:
    """R17: GAS goals are reviewed during the course and at the closing discussion."""
    en, fi = ctx.en, ctx.fi
    reviews = ctx.with_purpose(Purpose.GOAL_REVIEW)
    fails = []
    if not reviews:
        fails.append(
            Reason(
                en="no goal review session during the course",
                fi="kurssin aikana ei ole tavoitteiden välitarkastelua",
            )
        )
    fails.extend(_coverage_issues(ctx, reviews, Purpose.GOAL_REVIEW))
    fails.extend(_spec_issues(ctx, ctx.for_rule("R17")))
    closings = ctx.with_purpose(Purpose.CLOSING)
    if not closings:
        fails.append(
            Reason(
                en="no closing discussion to review the goals at",
                fi="ei loppukeskustelua, jossa tavoitteet arvioitaisiin",
            )
        )
    return _result(
        "R17",
        fails,
        [
            Reason(
                en=f"goals reviewed in {', '.join(en.ref(s) for s in reviews)} and at the "
                f"closing discussion ({', '.join(s.id for s in closings)})",
                fi=f"tavoitteiden välitarkastelu: {'; '.join(fi.ref(s) for s in reviews)}; "
                f"arviointi loppukeskustelussa {'; '.join(fi.slot(s) for s in closings)}",
            )
        ],
    )


def _discussion_staff(ctx: Context, sessions: list[Session]) -> list[Reason]:
    """R18/R19's finding: each discussion with whom."""
    en, fi = ctx.en, ctx.fi
    return [
        Reason(
            en=f"{en.ref(s)} with {', '.join(en.who(x) for x in unique_staff(s))}",
            fi=f"{fi.ref(s)}; mukana {', '.join(fi.who(x) for x in unique_staff(s))}",
        )
        for s in sessions
    ]


def _r18_opening(ctx: Context) -> RuleResult:
    """R18: the opening discussion is on day 1 with two staff who are team or special workers."""
    en, fi = ctx.en, ctx.fi
    openings = ctx.with_purpose(Purpose.OPENING)
    fails = []
    if not openings:
        fails.append(
            Reason(en="no opening discussion", fi="aikataulussa ei ole aloituskeskustelua")
        )
    for session in openings:
        if ctx.day_index(session.date) != 0:
            fails.append(
                Reason(
                    en=f"the opening discussion {en.ref(session)} is not on day 1",
                    fi=f"{fi.ref(session)}: aloituskeskustelun kuuluu olla päivänä 1",
                )
            )
        leaders = [
            m
            for m in ctx.members(session)
            if ctx.group_of(m) in (StaffGroup.TEAM, StaffGroup.SPECIAL)
        ]
        if len(leaders) < 2:
            fails.append(
                Reason(
                    en=f"the opening discussion {en.ref(session)} has {len(leaders)} team "
                    "member(s) or special worker(s); it needs two",
                    fi=f"{fi.ref(session)}: työryhmän jäseniä tai erityistyöntekijöitä on "
                    f"{len(leaders)}; aloituskeskusteluun tarvitaan kaksi",
                )
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R18")))
    return _result("R18", fails, _discussion_staff(ctx, openings))


def _r19_closing(ctx: Context) -> RuleResult:
    """R19: the closing discussion is on the last day with the physician and another team member."""
    en, fi = ctx.en, ctx.fi
    closings = ctx.with_purpose(Purpose.CLOSING)
    fails = []
    if not closings:
        fails.append(Reason(en="no closing discussion", fi="aikataulussa ei ole loppukeskustelua"))
    last = len(ctx.days) - 1
    physician = ctx.standard.team.physician_role
    for session in closings:
        if ctx.day_index(session.date) != last:
            fails.append(
                Reason(
                    en=f"the closing discussion {en.ref(session)} is not on the last day",
                    fi=f"{fi.ref(session)}: loppukeskustelun kuuluu olla viimeisenä päivänä",
                )
            )
        staff = unique_staff(session)
        if not any(ctx.is_physician(s) for s in staff):
            fails.append(
                Reason(
                    en=f"the closing discussion {en.ref(session)} has no physician "
                    f"({physician}); staff: {', '.join(map(en.who, staff)) or 'none'}",
                    fi=f"{fi.ref(session)}: loppukeskustelussa ei ole lääkäriä "
                    f"({fi.role(physician)}); mukana: "
                    f"{', '.join(map(fi.who, staff)) or 'ei ketään'}",
                )
            )
        if not any(ctx.is_team(s) and not ctx.is_physician(s) for s in staff):
            fails.append(
                Reason(
                    en=f"the closing discussion {en.ref(session)} has no team member besides the "
                    "physician",
                    fi=f"{fi.ref(session)}: loppukeskustelussa ei ole lääkärin lisäksi muuta "
                    "työryhmän jäsentä",
                )
            )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R19"), required=False))
    return _result("R19", fails, _discussion_staff(ctx, closings))


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
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.team
    places: dict[str, list[StaffMember]] = defaultdict(list)
    for member in ctx.team():
        places[_position(ctx, member)].append(member)

    def role_of(place: str) -> str:
        holder = ctx.staff.get(place)
        return holder.role if holder is not None else places[place][0].role

    def name(place: str) -> Reason:
        stand_ins = ", ".join(m.id for m in places[place] if m.id != place)
        return Reason(
            en=f"{place} ({role_of(place)})" + (f" with stand-in {stand_ins}" if stand_ins else ""),
            fi=f"{place} ({fi.role(role_of(place))}"
            + (f", sijaisena {stand_ins})" if stand_ins else ")"),
        )

    def minutes(place: str) -> int:
        return sum(ctx.hours.person(m.id).minutes for m in places[place])

    fails = []
    if len(places) != rules.size:
        fails.append(
            Reason(
                en=f"the team has {len(places)} people ({_ids(places)}); the standard wants "
                f"{rules.size}",
                fi=f"työryhmässä on {_fi_count(len(places), 'henkilö', 'henkilöä')} "
                f"({_ids(places)}); standardi edellyttää {rules.size}",
            )
        )
    for role, limit in rules.roles.items():
        holders = [place for place in places if role_of(place) == role]
        if len(holders) != limit.count:
            fails.append(
                Reason(
                    en=f"the team has {len(holders)} {role}(s); the standard wants {limit.count}",
                    fi=f"työryhmässä on {_fi_count(len(holders), 'henkilö', 'henkilöä')} "
                    f"ammatiltaan {fi.role(role)}; standardi edellyttää {limit.count}",
                )
            )
        for place in holders:
            if minutes(place) < limit.min_minutes:
                given, least = format_duration(minutes(place)), format_duration(limit.min_minutes)
                fails.append(
                    Reason(
                        en=f"{name(place).en} has {given} with participants; at least {least}",
                        fi=f"{name(place).fi}: {given} kuntoutujien kanssa; vähintään {least}",
                    )
                )
    for member in ctx.team():
        if member.role not in rules.roles:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is in the team, but the team's roles are "
                    f"{', '.join(rules.roles)}",
                    fi=f"{fi.who(member.id)} on työryhmässä, mutta työryhmän ammatit ovat "
                    f"{fi.roles(rules.roles)}",
                )
            )
    return _result(
        "R20",
        fails,
        [
            Reason(
                en=", ".join(f"{name(p).en} {format_duration(minutes(p))}" for p in places),
                fi=", ".join(f"{name(p).fi} {format_duration(minutes(p))}" for p in places),
            )
        ],
    )


def _r21_experience(ctx: Context) -> RuleResult:
    """R21: the physician's years, another member's rheumatology hours, group-leading hours."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.experience
    team = ctx.team()
    physicians = [m for m in team if m.role == ctx.standard.team.physician_role]
    others = [m for m in team if m.role != ctx.standard.team.physician_role]
    window = Reason(
        en=f"in the last {rules.window_years} years",
        fi=f"viimeisten {rules.window_years} vuoden aikana",
    )

    def years_fi(years: float) -> str:
        return f"{_fi_number(years)} {'vuosi' if years == 1 else 'vuotta'}"

    fails, passes = [], []
    if not physicians:
        fails.append(
            Reason(
                en="no physician in the team whose experience could be checked",
                fi="työryhmässä ei ole lääkäriä, jonka kokemuksen voisi tarkistaa",
            )
        )
    for member in physicians:
        years = member.experience.rheumatology_years
        least = rules.physician_min_years
        if years is None or years < least:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)}: rheumatology experience "
                    f"{'not given' if years is None else f'{years:g} years'}; at least "
                    f"{least:g} years {window.en}",
                    fi=f"{fi.who(member.id)}: reumatologista kokemusta "
                    f"{'ei ole ilmoitettu' if years is None else years_fi(years)}; vähintään "
                    f"{years_fi(least)} {window.fi}",
                )
            )
        else:
            passes.append(
                Reason(
                    en=f"{en.who(member.id)} {years:g} years of rheumatology",
                    fi=f"{fi.who(member.id)} {years_fi(years)} reumatologista kokemusta",
                )
            )

    def member_with(
        least: float, hours_of: Callable[[StaffMember], float | None], what: Reason
    ) -> None:
        """The first team member besides the physician with enough hours of something."""
        found = [m for m in others if (hours_of(m) or 0) >= least]
        if not found:
            fails.append(
                Reason(
                    en=f"no team member besides the physician has {least:g} h of {what.en} "
                    f"{window.en}",
                    fi=f"lääkärin lisäksi kenelläkään työryhmän jäsenellä ei ole "
                    f"{_fi_number(least)} h {what.fi} {window.fi}",
                )
            )
            return
        hours = hours_of(found[0]) or 0
        passes.append(
            Reason(
                en=f"{en.who(found[0].id)} {hours:g} h of {what.en}",
                fi=f"{fi.who(found[0].id)} {_fi_number(hours)} h {what.fi}",
            )
        )

    member_with(
        rules.other_member_min_rheumatology_hours,
        lambda m: m.experience.rheumatology_hours,
        Reason(en="rheumatology work", fi="reumatologista työkokemusta"),
    )
    member_with(
        rules.non_physician_min_group_leading_hours,
        lambda m: m.experience.group_leading_hours,
        Reason(en="leading groups", fi="kokemusta ryhmien ohjaamisesta"),
    )
    return _result(
        "R21",
        fails,
        [
            Reason(
                en="; ".join(p.en for p in passes) + f" ({window.en})",
                fi="; ".join(p.fi for p in passes) + f" ({window.fi})",
            )
        ],
    )


def _r22_course_lead(ctx: Context) -> RuleResult:
    """R22: exactly one team member is the course lead."""
    en, fi = ctx.en, ctx.fi
    leads = [m for m in ctx.course.staff if m.course_lead]
    if not ctx.standard.team.course_lead_required and not leads:
        return _not_applicable(
            "R22",
            Reason(
                en="the standard names no course lead", fi="standardi ei edellytä kurssivastaavaa"
            ),
        )
    fails = []
    if len(leads) != 1:
        names = _ids(m.id for m in leads)
        fails.append(
            Reason(
                en=f"{len(leads)} course leads ({names or 'none'}); exactly one",
                fi=f"kurssivastaavia on {len(leads)} ({names or 'ei ketään'}); kuuluu olla "
                "täsmälleen yksi",
            )
        )
    for member in leads:
        if ctx.group_of(member) != StaffGroup.TEAM:
            fails.append(
                Reason(
                    en=f"the course lead {en.who(member.id)} is not a team member",
                    fi=f"kurssivastaava {fi.who(member.id)} ei ole työryhmän jäsen",
                )
            )
    found = (
        Reason(
            en=f"the course lead is {en.who(leads[0].id)}",
            fi=f"kurssivastaava on {fi.who(leads[0].id)}",
        )
        if leads
        else Reason(en="", fi="")
    )
    return _result("R22", fails, [found])


def _r23_lectures(ctx: Context) -> RuleResult:
    """R23: the physician gives lectures on the disease; another team member may join."""
    en, fi = ctx.en, ctx.fi
    lectures = [s for s in ctx.with_purpose(Purpose.LECTURE) if s.kind == SessionKind.GROUP]
    fails = []
    if not lectures:
        fails.append(
            Reason(
                en="no physician's lecture in the timetable",
                fi="aikataulussa ei ole lääkärin alustusta",
            )
        )
    for session in lectures:
        staff = unique_staff(session)
        if not any(ctx.is_physician(s) for s in staff):
            fails.append(
                Reason(
                    en=f"lecture {en.ref(session)} is not given by the physician",
                    fi=f"{fi.ref(session)}: alustusta ei pidä lääkäri",
                )
            )
        for staff_id in staff:
            if not ctx.is_team(staff_id):
                fails.append(
                    Reason(
                        en=f"{en.who(staff_id)} is in lecture {en.ref(session)}; only another "
                        "team member may join the physician",
                        fi=f"{fi.ref(session)}: mukana on {fi.who(staff_id)}; lääkärin lisäksi "
                        "mukana voi olla vain toinen työryhmän jäsen",
                    )
                )
    # Staff count and days of the items; who leads is judged above, by the standard's words.
    for session in ctx.for_rule("R23"):
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        if len(unique_staff(session)) < spec.staff:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} has fewer staff than {spec.id} needs ({spec.staff})",
                    fi=f"{fi.ref(session)}: työntekijöitä on vähemmän kuin vaaditaan "
                    f"({spec.staff})",
                )
            )
        wrong_day = _wrong_day(ctx, session, spec)
        if wrong_day is not None:
            fails.append(wrong_day)
    return _result(
        "R23",
        fails,
        [
            Reason(
                en=f"{en.ref(s)} by {', '.join(en.who(x) for x in unique_staff(s))}",
                fi=f"{fi.ref(s)}; alustajana {', '.join(fi.who(x) for x in unique_staff(s))}",
            )
            for s in lectures
        ],
    )


def _r24_special_workers(ctx: Context) -> RuleResult:
    """R24: at least 2 special workers of different professions from the standard's list."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.special_workers
    titles = {p.id: _lower_first(text_in(p.title, "fi")) for p in rules.professions}
    special = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.SPECIAL]
    fails = []
    professions: dict[str, list[str]] = defaultdict(list)
    for member in special:
        profession = rules.profession_of(member.role)
        if profession is None:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is a special worker, but {member.role} is not on the "
                    "standard's exhaustive list",
                    fi=f"{fi.who(member.id)} on erityistyöntekijä, mutta ammatti "
                    f"{fi.role(member.role)} ei ole standardin luettelossa",
                )
            )
            continue
        if ctx.hours.person(member.id).minutes > 0:
            professions[profession].append(member.id)
    taking_part = sorted(professions.items())
    if len(professions) < rules.min_count:
        listed_en = "; ".join(f"{p}: {_ids(ids)}" for p, ids in taking_part)
        listed_fi = "; ".join(f"{titles[p]}: {_ids(ids)}" for p, ids in taking_part)
        fails.append(
            Reason(
                en=f"special workers of {len(professions)} profession(s) take part "
                f"({listed_en or 'none'}); at least {rules.min_count} different professions",
                fi=f"mukana on erityistyöntekijöitä {len(professions)} ammatista "
                f"({listed_fi or 'ei ketään'}); vähintään {rules.min_count} eri ammatista",
            )
        )

    def minutes(ids: list[str]) -> str:
        return format_duration(sum(ctx.hours.person(i).minutes for i in ids))

    return _result(
        "R24",
        fails,
        [
            Reason(
                en="special workers taking part: "
                + "; ".join(f"{_ids(ids)} ({p}, {minutes(ids)})" for p, ids in taking_part),
                fi="mukana olevat erityistyöntekijät: "
                + "; ".join(f"{titles[p]}: {_ids(ids)} {minutes(ids)}" for p, ids in taking_part),
            )
        ],
    )


def _r25_other_staff(ctx: Context) -> RuleResult:
    """R25: other staff are not in team or special-worker roles."""
    en, fi = ctx.en, ctx.fi
    other = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.OTHER]
    if not other:
        return _not_applicable(
            "R25",
            Reason(
                en="no other staff on the course",
                fi="kurssilla ei ole muuta kuntoutushenkilöstöä",
            ),
        )
    reserved = ctx.standard.team_roles | ctx.standard.special_workers.roles
    fails = [
        Reason(
            en=f"{en.who(m.id)} counts as other staff, but {m.role} is a team or special-worker "
            "role",
            fi=f"{fi.who(m.id)} on merkitty muuksi kuntoutushenkilöstöksi, mutta "
            f"{fi.role(m.role)} on työryhmän tai erityistyöntekijöiden ammatti",
        )
        for m in other
        if m.role in reserved
    ]
    hours = {m.id: format_duration(ctx.hours.person(m.id).minutes) for m in other}
    return _result(
        "R25",
        fails,
        [
            Reason(
                en="other staff: " + ", ".join(f"{en.who(m.id)} {hours[m.id]}" for m in other),
                fi="muu kuntoutushenkilöstö: "
                + ", ".join(f"{fi.who(m.id)} {hours[m.id]}" for m in other),
            )
        ],
    )


def _r26_total_hours(ctx: Context) -> RuleResult:
    """R26: staff hours with participants are at least 41 h (length x staff per session)."""
    total = format_duration(ctx.hours.total_minutes)
    minimum = format_duration(ctx.standard.staff_hours.min_total_minutes)
    lines = [line for line in ctx.hours.lines if not line.subtotal and line.minutes]
    lines_en = ", ".join(f"{line.key} {format_duration(line.minutes)}" for line in lines)
    lines_fi = "; ".join(
        f"{_lower_first(hours_label(line.key, 'fi'))} {format_duration(line.minutes)}"
        for line in lines
    )
    text = Reason(
        en=f"staff hours with participants {total} ({lines_en})",
        fi=f"henkilöstön tunnit kuntoutujien kanssa {total} ({lines_fi})",
    )
    if ctx.hours.total_minutes < ctx.standard.staff_hours.min_total_minutes:
        return _result(
            "R26",
            [Reason(en=f"{text.en}; at least {minimum}", fi=f"{text.fi}; vähintään {minimum}")],
        )
    return _result(
        "R26",
        [],
        [Reason(en=f"{text.en}, at least {minimum}", fi=f"{text.fi}; vähintään {minimum}")],
    )


def _r27_shares(ctx: Context) -> RuleResult:
    """R27: each staff group's share of the hours is within its band (whole hours, half up)."""
    return share_result(ctx.standard, ctx.hours.minutes_by_group)


def _share_words(group: GroupHours) -> Reason:
    """'team 33 h = 70.2 % of 47 h; band 60-70 % = 28 h-33 h'"""
    low, high = (format_duration(m) for m in group.whole_band_minutes)
    first, last = group.band_percent
    hours, total = format_duration(group.minutes), format_duration(group.total_minutes)
    share = f"{group.share_percent:.1f}"
    return Reason(
        en=f"{group.group.value} {hours} = {share} % of {total}; band {first}-{last} % = "
        f"{low}-{high}",
        fi=f"{_group(group.group.value, 'fi')} {hours} eli {share.replace('.', ',')} % "
        f"kokonaismäärästä {total}; sallittu {first}–{last} % eli {low} – {high}",
    )


def share_result(standard: Standard, minutes_by_group: dict[StaffGroup, int]) -> RuleResult:
    """R27 for given minutes per staff group (a pure function: Appendix 2's splits test it)."""
    groups = judge_shares(standard, minutes_by_group)
    fails = [
        Reason(
            en=f"{_share_words(g).en}: outside the band",
            fi=f"{_share_words(g).fi}: vaihteluvälin ulkopuolella",
        )
        for g in groups
        if not g.within
    ]
    return _result("R27", fails, [_share_words(g) for g in groups])


def _r28_staff_meetings(ctx: Context) -> RuleResult:
    """R28: the team meets during the course (no participants).

    The team is its places: a re-plan's stand-in fills the place of whom they replace, so a
    meeting held before the change, with the person replaced, still had the whole team.
    """
    en, fi = ctx.en, ctx.fi
    meetings = [s for s in ctx.sessions if s.kind == SessionKind.STAFF_MEETING]
    place_of = {m.id: _position(ctx, m) for m in ctx.team()}
    team = set(place_of.values())
    fails = []
    if not meetings:
        fails.append(
            Reason(en="no staff meeting of the team", fi="työryhmällä ei ole yhteistä kokousta")
        )
    for session in meetings:
        if session.participants:
            fails.append(
                Reason(
                    en=f"staff meeting {en.ref(session)} lists participants "
                    f"{_ids(session.participants)}",
                    fi=f"{fi.ref(session)}: työryhmän kokoukseen on merkitty kuntoutujia "
                    f"({_ids(session.participants)})",
                )
            )

    def places_in(session: Session) -> set[str]:
        return {place_of[x] for x in session.staff if x in place_of}

    whole = [s for s in meetings if team <= places_in(s)]
    if meetings and not whole:
        fails.append(
            Reason(
                en="no staff meeting has the whole team: "
                + "; ".join(f"{s.id} lacks {_ids(team - places_in(s))}" for s in meetings),
                fi="yhdessäkään työryhmän kokouksessa ei ole koko työryhmää: "
                + "; ".join(f"{fi.ref(s)} – poissa {_ids(team - places_in(s))}" for s in meetings),
            )
        )
    fails.extend(_spec_issues(ctx, ctx.for_rule("R28")))
    return _result(
        "R28",
        fails,
        [
            Reason(
                en=f"the team ({_ids(team)}) meets in {', '.join(en.ref(s) for s in whole)}",
                fi=f"työryhmä ({_ids(team)}) kokoontuu: {'; '.join(fi.ref(s) for s in whole)}",
            )
        ],
    )


def _r29_no_double_booking(ctx: Context) -> RuleResult:
    """R29: nobody and no room in two places at once; staff only inside their availability and
    maximum hours; participants' individual sessions outside their absences."""
    en, fi = ctx.en, ctx.fi
    fails = []
    seen: set[str] = set()
    for session in ctx.sessions:
        if session.id in seen:
            fails.append(
                Reason(
                    en=f"session id {session.id} appears twice; ids must tell sessions apart",
                    fi=f"ohjelmakohdan tunnus {session.id} esiintyy kahdesti; tunnusten on "
                    "oltava yksilöllisiä",
                )
            )
        seen.add(session.id)
        for staff_id in unique_staff(session):
            if staff_id not in ctx.staff:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} names staff {staff_id}, who is not on the course",
                        fi=f"{fi.ref(session)}: työntekijä {staff_id} ei kuulu kurssin "
                        "henkilöstöön",
                    )
                )
    for member in ctx.course.staff:
        own = [s for s in ctx.sessions if member.id in s.staff]
        for a, b in _overlapping_pairs(own):
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is in both {en.ref(a)} and {en.ref(b)}",
                    fi=f"{fi.who(member.id)}: samaan aikaan {fi.ref(a)} sekä {fi.ref(b)}",
                )
            )
        for session in own:
            windows = ctx.course.available_windows(member, session.date)
            if not any(w.contains(session.start, session.end) for w in windows):
                free_en = ", ".join(str(w) for w in windows) or "not at all"
                free_fi = (
                    f"on sinä päivänä käytettävissä vain klo {', '.join(map(fi.window, windows))}"
                    if windows
                    else "ei ole sinä päivänä lainkaan käytettävissä"
                )
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} works in {en.ref(session)} but is available "
                        f"{free_en} that day",
                        fi=f"{fi.ref(session)}: mukana on {fi.who(member.id)}, joka {free_fi}",
                    )
                )
        if member.max_minutes is not None:
            minutes = ctx.hours.person(member.id).minutes
            if minutes > member.max_minutes:
                given, most = format_duration(minutes), format_duration(member.max_minutes)
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} has {given} with participants; at most {most}",
                        fi=f"{fi.who(member.id)}: {given} kuntoutujien kanssa; enintään {most}",
                    )
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
                    fails.append(
                        Reason(
                            en=f"{participant} is away {window} but has {en.ref(session)}",
                            fi=f"{participant} on poissa klo {fi.window(window)}, mutta hänellä "
                            f"on {fi.ref(session)}",
                        )
                    )
    for (one, other), people in sorted(clashes.items()):
        fails.append(
            Reason(
                en=f"{_ids(people)} in both {en.ref(refs[one])} and {en.ref(refs[other])}",
                fi=f"{_ids(people)}: samaan aikaan {fi.ref(refs[one])} sekä {fi.ref(refs[other])}",
            )
        )
    for room_id, room in ctx.rooms.items():
        used = [s for s in ctx.sessions if s.room == room_id]
        for a, b in _overlapping_pairs(used):
            fails.append(
                Reason(
                    en=f"room {room_id} holds both {en.ref(a)} and {en.ref(b)}",
                    fi=f"tila {room_id}: samaan aikaan {fi.ref(a)} sekä {fi.ref(b)}",
                )
            )
        closed: dict[date, tuple[TimeWindow, ...]] = getattr(room, "unavailable", {}) or {}
        for session in used:
            for window in closed.get(session.date, ()):
                if session.start < window.end and window.start < session.end:
                    fails.append(
                        Reason(
                            en=f"room {room_id} cannot be used {window} but holds "
                            f"{en.ref(session)}",
                            fi=f"tila {room_id} ei ole käytettävissä klo {fi.window(window)}, "
                            f"mutta siellä on {fi.ref(session)}",
                        )
                    )
    staffed = sum(1 for s in ctx.sessions if s.staff)
    staff, participants, rooms = len(ctx.course.staff), len(ctx.participants), len(ctx.rooms)
    return _result(
        "R29",
        fails,
        [
            Reason(
                en=f"{staff} staff, {participants} participants and {rooms} rooms are never in "
                f"two places at once; {staffed} staffed sessions inside their staff's "
                "availability",
                fi=f"{_fi_count(staff, 'työntekijä', 'työntekijää')}, "
                f"{_fi_count(participants, 'kuntoutuja', 'kuntoutujaa')} ja "
                f"{_fi_count(rooms, 'tila', 'tilaa')}: kukaan eikä mikään ole kahdessa paikassa "
                f"yhtä aikaa; {_fi_count(staffed, 'ohjattu ohjelmakohta', 'ohjattua ohjelmakohtaa')}"
                " työntekijöiden käytettävissäoloaikojen sisällä",
            )
        ],
    )


# -- facilities (§8) -----------------------------------------------------------------------


def _transfer_issues(ctx: Context, session: Session, room: Room) -> list[Reason]:
    # The travel time itself: the solver rounds it up to its slot grid, but a timetable made or
    # edited by hand that allows the room's real travel time both ways meets R29/R30.
    en, fi = ctx.en, ctx.fi
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
        going = direction == "to"
        place = f"{'to' if going else 'back from'} {room.id}"
        if not candidates:
            issues.append(
                Reason(
                    en=f"{en.ref(session)} is off-site ({room.offsite_minutes} min away) but has "
                    f"no transfer {place} right {'before' if going else 'after'} it",
                    fi=f"{fi.ref(session)} on muualla ({room.offsite_minutes} min matkan päässä), "
                    + (
                        f"mutta juuri ennen sitä ei ole siirtymää tilaan {room.id}"
                        if going
                        else f"mutta heti sen jälkeen ei ole paluuta tilasta {room.id}"
                    ),
                )
            )
            continue
        transfer = max(candidates, key=lambda t: t.minutes)
        if transfer.minutes < needed:
            issues.append(
                Reason(
                    en=f"transfer {en.ref(transfer)} {place} takes "
                    f"{format_duration(transfer.minutes)}; it needs {format_duration(needed)}",
                    fi=f"{fi.ref(transfer)} kestää {format_duration(transfer.minutes)}; "
                    f"siirtymään tarvitaan {format_duration(needed)}",
                )
            )
        missing = set(session.staff) - set(transfer.staff)
        if missing:
            issues.append(
                Reason(
                    en=f"{_ids(missing)} of {session.id} do not travel in transfer "
                    f"{transfer.id} {place}",
                    fi=f"{fi.name(session)}: siirtymästä ({fi.ref(transfer)}) puuttuu "
                    f"{_ids(missing)}",
                )
            )
    return issues


def _r30_rooms(ctx: Context) -> RuleResult:
    """R30: the standard's rooms exist, each session is in a room of a kind it names, off-site
    rooms are near enough and reached by transfers both ways."""
    en, fi = ctx.en, ctx.fi
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
                Reason(
                    en=f"{len(have)} room(s) of kind {kind} ({_ids(have) or 'none'}) fit the "
                    f"standard; it requires {needed}",
                    fi=f"standardin mukaisia tiloja (tyyppi: {fi.room_kind(kind)}) on "
                    f"{len(have)} ({_ids(have) or 'ei yhtään'}); standardi edellyttää {needed}",
                )
            )
    for session in ctx.sessions:
        if session.room is not None and session.room not in ctx.rooms:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is in room {session.room}, not on the course",
                    fi=f"{fi.ref(session)}: tila {session.room} ei kuulu kurssin tiloihin",
                )
            )
            continue
        room = ctx.rooms.get(session.room) if session.room else None
        spec = ctx.spec_of(session)
        if spec is not None and spec.rooms:
            if room is None:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} has no room; {spec.id} needs "
                        f"{', '.join(spec.rooms)}",
                        fi=f"{fi.ref(session)}: ei tilaa; tarvitaan {fi.room_kinds(spec.rooms)}",
                    )
                )
            elif room.kind not in spec.rooms:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} is in {room.id} ({room.kind}); {spec.id} needs a "
                        f"room of kind {', '.join(spec.rooms)}",
                        fi=f"{fi.ref(session)} on tilassa {room.id} "
                        f"({fi.room_kind(room.kind)}); tarvitaan {fi.room_kinds(spec.rooms)}",
                    )
                )
        if room is None:
            continue
        people = len(set(session.participants))
        if people > room.capacity:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} has {people} participants; room {room.id} holds "
                    f"{room.capacity}",
                    fi=f"{fi.ref(session)}: kuntoutujia {people}; tilaan {room.id} mahtuu "
                    f"{room.capacity}",
                )
            )
        if room.offsite:
            if room.kind not in rules.offsite_kinds:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} uses off-site {room.kind} {room.id}; it must be "
                        "on site",
                        fi=f"{fi.ref(session)}: tila {room.id} ({fi.room_kind(room.kind)}) on "
                        "muualla; sen on oltava kuntoutuspaikassa",
                    )
                )
            if not near_enough(room):
                km = room.offsite_km
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} uses {room.id}, {room.offsite_minutes} min / "
                        f"{km if km is not None else '?'} km away; at most "
                        f"{rules.offsite_max_minutes} min or {rules.offsite_max_km:g} km",
                        fi=f"{fi.ref(session)}: tila {room.id} on {room.offsite_minutes} min / "
                        f"{_fi_number(km) if km is not None else '?'} km päässä; enintään "
                        f"{rules.offsite_max_minutes} min tai {_fi_number(rules.offsite_max_km)} "
                        "km",
                    )
                )
            if session.kind not in NOT_PROGRAMME:
                fails.extend(_transfer_issues(ctx, session, room))
    offsite = ", ".join(sorted({s.room for s in ctx.sessions if s.room and ctx.offsite_room(s)}))
    kinds_en = ", ".join(f"{k} {n}" for k, n in rules.required.items())
    kinds_fi = ", ".join(f"{fi.room_kind(k)} {n}" for k, n in rules.required.items())
    return _result(
        "R30",
        fails,
        [
            Reason(
                en=f"rooms the standard requires ({kinds_en}) exist; every session in a room of "
                "its kind" + (f"; transfers both ways to {offsite}" if offsite else ""),
                fi=f"standardin edellyttämät tilat ({kinds_fi}) ovat käytettävissä; jokainen "
                "ohjelmakohta on oikeanlaisessa tilassa"
                + (f"; siirtymät molempiin suuntiin: {offsite}" if offsite else ""),
            )
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
        for reason in result.reasons_in(lang):
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
            f"    {person.staff_id:<10} {_role(person.role, lang):<28} "
            f"{format_duration(person.minutes):>12}"
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
