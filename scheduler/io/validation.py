"""What a course file or a standard file means, checked before any solving.

The models check each field's type; this module checks what the fields say together and against
the standard: roles and room kinds that exist, the team of R20, the special workers of R24, times
on the day window and the slot grid, enough programme for R4, course days on Monday-Saturday
(R2). Every problem names the file, the YAML line and column, the field, what is wrong and what
would fix it, and the rule id where a rule applies. All problems of a file are reported at once.

Errors raise `InputError` (exit code 2); warnings (a course day on a public holiday, a session
rounded up to the slot grid...) are returned as `CourseWarning`s and do not stop the solve.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from models.base import MAX_SESSIONS, SessionKind, StaffGroup, TimeWindow, format_clock
from models.course import Course, Participant, Room, StaffMember
from models.rules import rule_of_purpose
from models.standard import WEEKDAYS, SessionSpec, Standard
from scheduler.domain.calendar import holiday_free_first_days, public_holidays
from scheduler.domain.people import acting_twice, available_minutes
from scheduler.domain.sessions import (
    counts_staff_hours,
    eligible,
    halves,
    lunch_minutes,
    occurrences,
    programme_minutes,
    session_minutes,
    small_group_minutes,
    total_staff_minutes,
    transfer_minutes,
)
from scheduler.errors import CourseWarning, InputError, combine
from scheduler.io.documents import SourceDocument, YamlDocument
from scheduler.words import days_text, group_name, hours, joined, person, role_name, room_kind_name

Loc = tuple[Any, ...]
WEEKDAY_WORDS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
GROUPS = tuple(group.value for group in StaffGroup)


class Findings:
    """Errors and warnings about one file, kept in file order."""

    def __init__(self, doc: SourceDocument) -> None:
        self.doc = doc
        self.errors: list[tuple[int, int, InputError]] = []
        self.warnings: list[tuple[int, int, CourseWarning]] = []

    def error(self, loc: Loc, message: str, rule: str | None = None) -> None:
        problem = InputError(str(self.doc.path), self.doc.place(loc), message, rule)
        self.errors.append((self.doc.line(loc), len(self.errors), problem))

    def warn(self, loc: Loc, message: str, rule: str | None = None) -> None:
        warning = CourseWarning(str(self.doc.path), self.doc.place(loc), message, rule)
        self.warnings.append((self.doc.line(loc), len(self.warnings), warning))

    def raise_errors(self) -> None:
        if self.errors:
            raise combine([problem for _, _, problem in sorted(self.errors, key=_order)])

    def warnings_in_order(self) -> list[CourseWarning]:
        return [warning for _, _, warning in sorted(self.warnings, key=_order)]


def _order(item: tuple[int, int, Any]) -> tuple[int, int]:
    return item[0], item[1]


def nearest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> list[str]:
    """The closest valid names to a misspelt one (difflib), best first."""
    return difflib.get_close_matches(str(word), sorted(set(candidates)), n=3, cutoff=cutoff)


def did_you_mean(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str:
    near = nearest(word, candidates, cutoff)
    if not near:
        return ""
    return f"did you mean {joined([repr(n) for n in near], 'or')}? "


def long_date(day: date) -> str:
    return f"{WEEKDAY_WORDS[day.weekday()]} {day.day}.{day.month}.{day.year}"


def plural(word: str, count: int) -> str:
    return word if count == 1 else f"{word}s"


# -- ids -----------------------------------------------------------------------------------


def duplicate_ids(
    doc: SourceDocument,
    standard: Standard,
    staff: Sequence[tuple[StaffMember, Loc]],
    participants: Sequence[tuple[Participant, Loc]],
    rooms: Sequence[tuple[Room, Loc]],
    programme: Sequence[tuple[SessionSpec, Loc]],
) -> list[InputError]:
    """Every id that appears twice, at its second place, naming the line of the first."""
    findings = Findings(doc)
    mandatory = {spec.id for spec in standard.mandatory_sessions}
    for what, items in (
        ("staff", staff),
        ("participant", participants),
        ("room", rooms),
        ("session", programme),
    ):
        first: dict[str, Loc] = {}
        for item, loc in items:
            item_id = item.id  # type: ignore[attr-defined]
            if item_id in first:
                findings.error(
                    (*loc, "id"),
                    f"{what} id {item_id!r} appears twice (first on "
                    f"{doc.where((*first[item_id], 'id'))}); ids must be unique: rename one",
                )
            else:
                first[item_id] = loc
            if what == "session" and item_id in mandatory:
                findings.error(
                    (*loc, "id"),
                    f"session id {item_id!r} is already one of the standard's mandatory "
                    f"sessions ({', '.join(sorted(mandatory))}); give this one another id",
                )
    return [problem for _, _, problem in sorted(findings.errors, key=_order)]


# -- the standard --------------------------------------------------------------------------


def validate_standard(standard: Standard, doc: YamlDocument, expected_id: str) -> None:
    """A standard file's numbers and names agree with each other (raises InputError)."""
    findings = Findings(doc)
    if standard.id != expected_id:
        findings.error(
            ("id",),
            f"the id {standard.id!r} differs from the file name {expected_id!r}; "
            "rename the file or fix the id",
        )
    known = standard.known_roles() | set(GROUPS)
    for index, theme in enumerate(standard.themes):
        for j, leader in enumerate(theme.leaders):
            if leader not in known:
                findings.error(
                    ("themes", index, "leaders", j),
                    f"unknown leader {leader!r} of theme {theme.id!r}; "
                    f"{did_you_mean(leader, known)}use a role of the team or of R24, or a group "
                    f"({', '.join(GROUPS)})",
                    "R9",
                )
    overlap = standard.team_roles & standard.special_workers.roles
    if overlap:
        findings.error(
            ("special_workers",),
            f"{', '.join(sorted(overlap))} is both a team role and a special-worker role; "
            "R24 says special workers are not in the team",
            "R24",
        )
    kinds = set(standard.rooms.required) | set(standard.rooms.offsite_kinds)
    count = standard.days.count
    for index, spec in enumerate(standard.mandatory_sessions):
        here = ("mandatory_sessions", index)
        for j, leader in enumerate((*spec.leaders, *spec.required_roles)):
            if leader not in known:
                field = "leaders" if j < len(spec.leaders) else "required_roles"
                findings.error(
                    (*here, field),
                    f"unknown role {leader!r} in session {spec.id!r}; "
                    f"{did_you_mean(leader, known)}use a role of the team or of R24",
                )
        for kind in spec.rooms:
            if kind not in kinds:
                findings.error(
                    (*here, "rooms"),
                    f"session {spec.id!r} needs a room of kind {kind!r}, which R30's rooms "
                    f"({', '.join(sorted(kinds))}) do not include",
                    "R30",
                )
        for day in spec.days:
            if abs(day) > count:
                findings.error(
                    (*here, "days"),
                    f"day {day} of session {spec.id!r} is outside the {count} course days",
                    "R2",
                )
    programme = standard.programme
    if programme.day_min_minutes > programme.day_max_minutes:
        findings.error(("programme",), "day_min_minutes is more than day_max_minutes", "R4")
    if programme.day_max_minutes * count < programme.min_total_minutes:
        findings.error(
            ("programme",),
            f"{count} days of at most {hours(programme.day_max_minutes)} cannot hold "
            f"{hours(programme.min_total_minutes)}",
            "R4",
        )
    for group, band in standard.staff_hours.shares.items():
        if band.min_percent > band.max_percent:
            findings.error(
                ("staff_hours", "shares", group.value),
                f"the share of {group.value} has min_percent above max_percent",
                "R27",
            )
    if not 1 <= standard.gas_goal_deadline_day <= count:
        findings.error(("gas_goal_deadline_day",), f"must be a course day, 1 to {count}", "R15")
    findings.raise_errors()


# -- the course ----------------------------------------------------------------------------


class _CourseCheck:
    """One pass over a course: collects every problem with its place in the file."""

    def __init__(
        self, course: Course, doc: SourceDocument, participant_locs: dict[str, Loc] | None
    ) -> None:
        self.course = course
        self.standard = course.standard
        self.doc = doc
        self.found = Findings(doc)
        self.participant_locs = participant_locs or {}
        self.days = course.days
        self.slot = course.info.slot_minutes
        self.day_window = course.info.day_window

    def run(self) -> list[CourseWarning]:
        if self.too_many_sessions():
            self.found.raise_errors()  # the checks below would only take long to say more
        self.course_info()
        self.days_of_week()
        self.holidays()
        self.staff_roles()
        self.team()
        self.course_lead()
        self.special_workers()
        self.other_staff()
        self.experience()
        self.staff_times()
        self.participants()
        self.rooms()
        self.sessions()
        self.programme_totals()
        self.found.raise_errors()
        return self.found.warnings_in_order()

    # places

    def staff_loc(self, member: StaffMember, *rest: Any) -> Loc:
        index = self.course.staff.index(member)
        return ("staff", index, *rest)

    def spec_loc(self, spec: SessionSpec, *rest: Any) -> Loc:
        if spec in self.course.programme:
            return ("programme", self.course.programme.index(spec), *rest)
        return ("course", "standard")

    def spec_name(self, spec: SessionSpec) -> str:
        if spec in self.course.programme:
            return f"session {spec.id!r}"
        return f"the standard's session {spec.id!r}"

    def too_many_sessions(self) -> bool:
        """A week holds at most MAX_SESSIONS sessions: counts, or a programme of individual
        sessions times the participants, beyond that are a typo (and would make the search
        take the memory of the machine). True when so."""
        course = self.course
        total = sum(occurrences(course, spec) * halves(spec) for spec in course.sessions)
        if total <= MAX_SESSIONS:
            return False
        self.found.error(
            ("programme",),
            f"the standard's sessions and the programme make {total} sessions in the week; "
            f"a timetable holds at most {MAX_SESSIONS}: check the counts (an individual "
            "session is held once per participant)",
        )
        return True

    # course section

    def course_info(self) -> None:
        info = self.course.info
        if 60 % self.slot:
            good = ", ".join(str(n) for n in (5, 10, 15, 20, 30, 60))
            self.found.error(
                ("course", "slot_minutes"),
                f"a slot of {self.slot} min does not divide an hour; use one of {good}",
            )
            return
        self.on_grid(("course", "day_window"), info.day_window, "course.day_window")
        self.on_grid(("course", "lunch", "window"), info.lunch.window, "the lunch window")
        lunch = lunch_minutes(self.course)
        if lunch > info.lunch.window.minutes:
            self.found.error(
                ("course", "lunch", "minutes"),
                f"lunch of {info.lunch.minutes} min takes {lunch} min on the "
                f"{self.slot}-min slot grid, more than its window {info.lunch.window}; "
                "widen the window or shorten the lunch",
                "R8",
            )
        elif lunch != info.lunch.minutes:
            self.found.warn(
                ("course", "lunch", "minutes"),
                f"lunch of {info.lunch.minutes} min is rounded up to {lunch} min "
                f"(the {self.slot}-min slot grid)",
                "R8",
            )
        bounds = info.programme_day
        if bounds is not None:
            loc = ("course", "programme_day")
            if bounds.min_minutes > bounds.max_minutes:
                self.found.error(loc, "min_minutes is more than max_minutes; swap them", "R4")
            count = len(self.days)
            total = self.standard.programme.min_total_minutes
            if bounds.max_minutes * count < total:
                self.found.error(
                    loc,
                    f"{count} days of at most {hours(bounds.max_minutes)} cannot give the "
                    f"{hours(total)} of programme R4 needs; raise max_minutes to at least "
                    f"{hours(-(-total // count))}",
                    "R4",
                )

    def on_grid(self, loc: Loc, window: TimeWindow, what: str) -> bool:
        if window.start % self.slot or window.end % self.slot:
            self.found.error(
                loc,
                f"{what} {window} is not on the {self.slot}-min slot grid of the timetable "
                f"(course.slot_minutes); use times like {format_clock(window.start // self.slot * self.slot)}",
            )
            return False
        return True

    def days_of_week(self) -> None:
        """R2: every course day on a weekday the standard allows (Monday to Saturday)."""
        allowed = self.standard.days.weekdays
        bad = [d for d in self.days if WEEKDAYS[d.weekday()] not in allowed]
        if not bad:
            return
        first = self.days[0]
        index = self.days.index(bad[0])
        starts = self.good_first_days(first)
        suggestion = (
            f"start on {joined([f'{d.isoformat()} ({WEEKDAY_WORDS[d.weekday()]})' for d in starts], 'or')}"
            if starts
            else "choose another first_day"
        )
        allowed_words = joined([WEEKDAY_WORDS[WEEKDAYS.index(w)] for w in allowed], "or")
        self.found.error(
            ("course", "first_day"),
            f"first_day {first.isoformat()} is a {WEEKDAY_WORDS[first.weekday()]}, so course day "
            f"{index + 1} falls on {long_date(bad[0])}; R2 allows course days only on "
            f"{allowed_words} in one period: {suggestion}",
            "R2",
        )

    def good_first_days(self, near: date) -> list[date]:
        count, allowed = len(self.days), self.standard.days.weekdays
        result = []
        for shift in sorted(range(-6, 7), key=abs):
            start = near + timedelta(days=shift)
            days = [start + timedelta(days=i) for i in range(count)]
            if all(WEEKDAYS[d.weekday()] in allowed for d in days):
                result.append(start)
        return sorted(result[:2])

    def holidays(self) -> None:
        """A course day on a Finnish public holiday is allowed only with Kela's approval; the
        warning offers the nearest first day whose course week has no holiday."""
        years = {d.year for d in self.days}
        names_en, names_fi = public_holidays(years, "en"), public_holidays(years, "fi")
        on_holidays = [
            (index, day)
            for index, day in enumerate(self.days)
            if day in names_en and day.weekday() != 6  # Sundays are an error already (R2)
        ]
        if not on_holidays:
            return
        first = self.days[0]
        nearest, same_weekday = holiday_free_first_days(self.standard, first)
        if nearest is None:
            instead = f"move {self.doc.where(('course', 'first_day'))}"
        else:
            instead = f"or start on {long_date(nearest)}, the nearest first day without one"
            if same_weekday is not None and same_weekday != nearest:
                instead += f" (on a {WEEKDAY_WORDS[first.weekday()]}: {long_date(same_weekday)})"
        for index, day in on_holidays:
            self.found.warn(
                ("course", "first_day"),
                f"course day {index + 1} ({long_date(day)}) is {names_en.get(day)} "
                f"({names_fi.get(day)}), a public holiday in Finland; a course day on a "
                f"holiday needs Kela's approval, {instead}",
                "R2",
            )

    # staff

    def leader_names(self) -> set[str]:
        """Names sessions and themes use for who may lead them (roles and groups)."""
        names: set[str] = set()
        for spec in self.course.sessions:
            names.update(spec.leaders)
            names.update(spec.required_roles)
        for theme in self.standard.themes:
            names.update(theme.leaders)
        return names

    def staff_roles(self) -> None:
        known = self.standard.known_roles()
        used = self.leader_names() - set(GROUPS)
        special = self.standard.special_workers
        for member in self.course.staff:
            loc = self.staff_loc(member, "role")
            role = member.role
            if role not in known and role not in used:
                near = nearest(role.lower(), known | used, cutoff=0.75)
                if near or not role.replace("_", "").isalnum() or role != role.lower():
                    self.found.error(
                        loc,
                        f"unknown role {role!r}; {did_you_mean(role.lower(), known | used, 0.6)}"
                        f"roles are snake_case ids: team {', '.join(sorted(self.standard.team_roles))}; "
                        f"special workers {', '.join(sorted(special.roles))}; other staff by any "
                        "such id (e.g. sports_instructor)",
                        "R20" if self.course.group_of(member) == StaffGroup.TEAM else None,
                    )
                    continue
            if member.group == StaffGroup.TEAM and role not in self.standard.team_roles:
                self.found.error(
                    self.staff_loc(member, "group"),
                    f"{member.id} is a {role_name(role, 'en')}, who cannot be in the team: the team "
                    f"is {self.team_words()}; remove 'group: team'",
                    "R20",
                )
            if member.group == StaffGroup.SPECIAL and special.profession_of(role) is None:
                self.found.error(
                    loc,
                    f"{member.id} is marked a special worker but {role!r} is not a profession on "
                    f"R24's list; {did_you_mean(role, special.roles)}the list is "
                    f"{', '.join(sorted(special.roles))}",
                    "R24",
                )
            if not any(
                counts_staff_hours(s) and member in eligible(self.course, s)
                for s in self.course.sessions
            ):
                self.found.warn(
                    self.staff_loc(member),
                    f"{person(member)} may lead no session of the programme (no session or theme "
                    "names their role or staff group); check the role or the sessions' leaders",
                )

    def team_words(self) -> str:
        roles = self.standard.team.roles
        return joined(
            [
                f"{limit.count} {plural(role_name(role, 'en'), limit.count)}"
                for role, limit in roles.items()
            ]
        )

    def team(self) -> None:
        """R20: the team is the standard's roles in number (a stand-in holds whose place they take)."""
        team = self.course.staff_in(StaffGroup.TEAM)
        for role, limit in self.standard.team.roles.items():
            holders: dict[str, StaffMember] = {}
            for member in team:
                if member.role == role:
                    holders.setdefault(self.course.position_of(member), member)
            members = list(holders.values())
            if len(members) < limit.count:
                have = f"{len(members)} ({', '.join(m.id for m in members)})" if members else "none"
                self.found.error(
                    ("staff",),
                    f"the team needs {limit.count} {plural(role_name(role, 'en'), limit.count)}; the "
                    f"staff list has {have}. Add a {role_name(role, 'en')} (role: {role}); the team is "
                    f"{self.team_words()}",
                    "R20",
                )
            elif len(members) > limit.count:
                extra = members[limit.count]
                self.found.error(
                    self.staff_loc(extra, "role"),
                    f"the team has {len(members)} {plural(role_name(role, 'en'), len(members))} "
                    f"({', '.join(m.id for m in members)}) but is exactly {self.team_words()}; "
                    f"give {extra.id} 'group: other' if they work as other staff (R25)",
                    "R20",
                )

    def course_lead(self) -> None:
        """R22: one team member is the course lead."""
        leads = [m for m in self.course.staff if m.course_lead]
        for member in leads:
            if self.course.group_of(member) != StaffGroup.TEAM:
                self.found.error(
                    self.staff_loc(member, "course_lead"),
                    f"{person(member)} is not a team member, so cannot be the course lead; mark a "
                    "team member instead",
                    "R22",
                )
        if len(leads) > 1:
            self.found.error(
                self.staff_loc(leads[1], "course_lead"),
                f"{len(leads)} people are marked course lead ({', '.join(m.id for m in leads)}); "
                "keep one",
                "R22",
            )
        if not leads and self.standard.team.course_lead_required:
            self.found.error(
                ("staff",),
                "no course lead; add 'course_lead: true' to one team member",
                "R22",
            )

    def special_workers(self) -> None:
        """R24: at least the standard's number of special workers, of different professions.

        Two special workers of one profession count as one. That is an error when the course
        would need them as two to reach the number, and a warning otherwise.
        """
        special = self.standard.special_workers
        members = [
            m for m in self.course.staff_in(StaffGroup.SPECIAL) if special.profession_of(m.role)
        ]
        by_profession: dict[str, list[StaffMember]] = {}
        for member in members:
            by_profession.setdefault(special.profession_of(member.role) or "", []).append(member)
        others = [p.id for p in special.professions if p.id not in by_profession]
        if len(members) < special.min_count:
            self.found.error(
                ("staff",),
                f"R24 needs at least {special.min_count} special workers of different professions; "
                f"the staff list has {len(members)}"
                f"{' (' + ', '.join(person(m) for m in members) + ')' if members else ''}. Add one "
                f"of another profession: {', '.join(others)}",
                "R24",
            )
            return
        for profession, same in by_profession.items():
            if len(same) < 2:
                continue
            names = joined([person(m) for m in same])
            if len(by_profession) < special.min_count:
                self.found.error(
                    self.staff_loc(same[1], "role"),
                    f"{names} are of one profession ({profession}); R24 counts special workers of "
                    f"different professions only, so the course has {len(by_profession)} of the "
                    f"{special.min_count} it needs. Replace one with a special worker of another "
                    f"profession: {', '.join(others)}",
                    "R24",
                )
            else:
                self.found.warn(
                    self.staff_loc(same[1], "role"),
                    f"{names} are of one profession ({profession}) and count as one in R24; the "
                    f"course still has {len(by_profession)} professions, which is enough",
                    "R24",
                )

    def other_staff(self) -> None:
        """R25: a team member or special worker is not also listed as other staff (one name on
        two entries is one person twice)."""
        for member, twin in acting_twice(self.course):
            self.found.error(
                self.staff_loc(member, "name"),
                f"{member.name} is listed twice: as other staff ({member.id}) and as "
                f"{group_name(self.course.group_of(twin).value, 'en')} ({twin.id}); a team member "
                "or special worker may not also work as other staff. Keep one entry, or give "
                "the other person their own name",
                "R25",
            )

    def experience(self) -> None:
        """R21: the physician's years of rheumatology, and among the other team members someone
        with the rheumatology hours and someone with the group-leading hours the standard asks."""
        rules = self.standard.experience
        physician_role = self.standard.team.physician_role
        team = self.course.staff_in(StaffGroup.TEAM)
        window = f"in the last {rules.window_years} years"
        for member in (m for m in team if m.role == physician_role):
            years = member.experience.rheumatology_years
            if years is None or years < rules.physician_min_years:
                given = "not given" if years is None else f"{years:g} years"
                loc = (
                    self.staff_loc(member, "experience", "rheumatology_years")
                    if years is not None
                    else self.staff_loc(member)
                )
                self.found.error(
                    loc,
                    f"{person(member)}: rheumatology experience {given}; R21 needs a physician "
                    f"with at least {rules.physician_min_years:g} years {window}: set "
                    "experience: {rheumatology_years: N} or choose another physician",
                    "R21",
                )
        others = [m for m in team if m.role != physician_role]
        if not others:
            return
        for field, need, words in (
            ("rheumatology_hours", rules.other_member_min_rheumatology_hours, "rheumatology work"),
            ("group_leading_hours", rules.non_physician_min_group_leading_hours, "leading groups"),
        ):
            if any((getattr(m.experience, field) or 0) >= need for m in others):
                continue
            have = ", ".join(f"{m.id} {getattr(m.experience, field) or 0:g} h" for m in others)
            self.found.error(
                ("staff",),
                f"R21 needs a team member besides the physician with at least {need:g} h of "
                f"{words} {window}; the team has {have}: set experience: {{{field}: N}} for one",
                "R21",
            )

    def staff_times(self) -> None:
        """R29 facts: availability on course days, on the slot grid, inside the day window;
        R20: every team member available for at least their minimum hours."""
        limits = self.standard.team.roles
        for member in self.course.staff:
            self.times_by_day(
                member.availability,
                self.staff_loc(member, "availability"),
                f"{member.id}'s availability",
            )
            limit = limits.get(member.role)
            if limit is None or self.course.group_of(member) != StaffGroup.TEAM:
                continue
            if member.max_minutes is not None and member.max_minutes < limit.min_minutes:
                self.found.error(
                    self.staff_loc(member, "max_minutes"),
                    f"{person(member)} may work at most {hours(member.max_minutes)}, but R20 needs "
                    f"at least {hours(limit.min_minutes)} with participants from a "
                    f"{role_name(member.role, 'en')}; raise max_minutes",
                    "R20",
                )
            available = available_minutes(self.course, member, range(len(self.days)))
            if available < limit.min_minutes:
                loc = (
                    self.staff_loc(member, "availability")
                    if member.availability
                    else self.staff_loc(member)
                )
                self.found.error(
                    loc,
                    f"{person(member)} is available {hours(available)} during the course, but "
                    f"R20 needs at least {hours(limit.min_minutes)} with participants from a "
                    f"{role_name(member.role, 'en')}; widen their availability",
                    "R20",
                )

    def times_by_day(self, by_day: dict[date, tuple[TimeWindow, ...]], loc: Loc, what: str) -> None:
        """Times given per date: the dates are course days (one message for all that are not,
        as after a change of first_day), the times on the grid and inside the day window."""
        off = [day for day in by_day if day not in self.days]
        if off:
            dates = joined([day.isoformat() for day in off])
            verb = "is not a course day" if len(off) == 1 else "are not course days"
            self.found.error(
                (*loc, off[0]),
                f"{dates} in {what} {verb} (the course runs {long_date(self.days[0])} to "
                f"{long_date(self.days[-1])}); fix the {plural('date', len(off))} or the first "
                f"day ({self.doc.where(('course', 'first_day'))})",
            )
        for day, windows in by_day.items():
            if day in self.days:
                self.times_on(day, windows, (*loc, day), what)

    def times_on(self, day: date, windows: Iterable[TimeWindow], loc: Loc, what: str) -> None:
        window_day = self.day_window
        for index, window in enumerate(windows):
            here = (*loc, index)
            if not self.on_grid(here, window, f"{what} on {day.isoformat()}"):
                continue
            if window.end <= window_day.start or window.start >= window_day.end:
                self.found.error(
                    here,
                    f"{what} {window} on {day.isoformat()} is outside the day window "
                    f"{window_day} (course.day_window); fix the times or widen the day window",
                    "R3",
                )
            elif window.start < window_day.start or window.end > window_day.end:
                self.found.warn(
                    here,
                    f"{what} {window} on {day.isoformat()} reaches outside the day window "
                    f"{window_day}; only the part inside it counts",
                    "R3",
                )

    # participants

    def participants(self) -> None:
        """R1: the standard's number of participants; their own times on course days."""
        participants = self.course.participants
        wanted = self.standard.participants
        if len(participants) != wanted:
            self.found.error(
                ("participants",),
                f"the course has {len(participants)} participants; R1 needs {wanted} "
                f"(ids: {', '.join(p.id for p in participants[:12])}"
                f"{'...' if len(participants) > 12 else ''}); set participants.count to {wanted} "
                "and list only those ids",
                "R1",
            )
        for participant in participants:
            loc = self.participant_locs.get(participant.id, ("participants",))
            self.times_by_day(
                participant.unavailable,
                (*loc, "unavailable"),
                f"participant {participant.id}'s time away",
            )
        fixed: Counter[str] = Counter(p.small_group for p in participants if p.small_group)
        for half, other in (("A", "B"), ("B", "A")):
            if len(participants) >= 2 and fixed[half] == len(participants):
                self.found.error(
                    ("participants",),
                    f"all {fixed[half]} participants are fixed to small group {half}; R7 splits "
                    f"the group in two: leave someone to small group {other} or unfixed",
                    "R7",
                )

    # rooms

    def room_kinds_known(self) -> set[str]:
        rooms = self.standard.rooms
        kinds = set(rooms.required) | set(rooms.offsite_kinds)
        for spec in self.course.sessions:
            kinds.update(spec.rooms)
        return kinds

    def rooms(self) -> None:
        """R30: the standard's rooms present; room kinds that exist."""
        rooms = self.standard.rooms
        standard_kinds = set(rooms.required) | set(rooms.offsite_kinds)
        used = {kind for spec in self.course.sessions for kind in spec.rooms}
        for index, room in enumerate(self.course.rooms):
            if room.kind in standard_kinds or room.kind in used:
                continue
            near = nearest(room.kind, standard_kinds | used, cutoff=0.7)
            if near:
                self.found.error(
                    ("rooms", index, "kind"),
                    f"unknown room kind {room.kind!r}; {did_you_mean(room.kind, standard_kinds | used)}"
                    f"R30's kinds are {', '.join(sorted(standard_kinds))}",
                    "R30",
                )
            else:
                self.found.warn(
                    ("rooms", index, "kind"),
                    f"room {room.id} is of kind {room.kind!r}, which no session asks for; it will "
                    "not be used",
                    "R30",
                )
        for index, room in enumerate(self.course.rooms):
            self.times_by_day(
                room.unavailable, ("rooms", index, "unavailable"), f"room {room.id}'s closed times"
            )
        have = Counter(room.kind for room in self.course.rooms)
        for kind, needed in rooms.required.items():
            if have[kind] < needed:
                listed = [r.id for r in self.course.rooms if r.kind == kind]
                self.found.error(
                    ("rooms",),
                    f"R30 requires {needed} {plural('room', needed)} of the kind {kind} "
                    f"({room_kind_name(kind, 'en')}); the course has {have[kind]}"
                    f"{' (' + ', '.join(listed) + ')' if listed else ''}. Add one to rooms",
                    "R30",
                )

    # sessions

    def sessions(self) -> None:
        known_leaders = (
            self.standard.known_roles() | set(GROUPS) | {m.role for m in self.course.staff}
        )
        themes = [t.id for t in self.standard.themes]
        course_kinds = {room.kind for room in self.course.rooms}
        all_kinds = self.room_kinds_known()
        spec_ids = {s.id: s for s in self.course.sessions}
        count = len(self.days)
        window = self.day_window.minutes
        for spec in self.course.sessions:
            own = spec in self.course.programme
            rule = rule_of_purpose(spec.purpose)
            if own and spec.theme and self.standard.theme(spec.theme) is None:
                self.found.error(
                    self.spec_loc(spec, "theme"),
                    f"unknown theme {spec.theme!r}; {did_you_mean(spec.theme, themes)}the "
                    f"standard's themes are {', '.join(themes)}",
                    "R9",
                )
                continue
            bad_leader = False
            if own:
                for field in ("leaders", "required_roles"):
                    for j, leader in enumerate(getattr(spec, field)):
                        if leader not in known_leaders:
                            bad_leader = True
                            self.found.error(
                                self.spec_loc(spec, field, j),
                                f"unknown role {leader!r} in {field} of session {spec.id!r}; "
                                f"{did_you_mean(leader, known_leaders)}use a role of the "
                                f"standard or of the staff list, or a staff group "
                                f"({', '.join(GROUPS)})",
                                rule,
                            )
            if own and spec.purpose is not None and not bad_leader:
                self.held_as_its_purpose(spec, rule)
            if not bad_leader:
                self.session_staff(spec, rule)
            self.session_rooms(spec, course_kinds, all_kinds)
            if spec.kind == SessionKind.SMALL_GROUP and not spec.rooms:
                self.found.error(
                    self.spec_loc(spec, "rooms"),
                    f"{self.spec_name(spec)} is small-group work, whose halves meet in rooms of "
                    "their own at the same time; give it room kinds, e.g. rooms: [group]",
                    "R7",
                )
            if spec.kind == SessionKind.INDIVIDUAL and transfer_minutes(self.course, spec):
                # The timetable plans travel around group sessions only: an individual
                # session's trip would clash with the participant's other sessions.
                self.found.error(
                    self.spec_loc(spec, "rooms"),
                    f"{self.spec_name(spec)} is an individual session that only off-site rooms "
                    f"({joined(list(spec.rooms), 'or')}) can hold; travel is planned for group "
                    "sessions only: add an on-site room kind to its rooms",
                    "R30",
                )
            for j, day in enumerate(spec.days):
                if own and abs(day) > count:
                    self.found.error(
                        self.spec_loc(spec, "days", j),
                        f"day {day} of session {spec.id!r} is not a course day; course days are "
                        f"1 to {count} (and -1 for the last)",
                        "R2",
                    )
            if own and spec.after is not None and spec.after not in spec_ids:
                self.found.error(
                    self.spec_loc(spec, "after"),
                    f"session {spec.id!r} comes after {spec.after!r}, which is no session; "
                    f"{did_you_mean(spec.after, spec_ids)}give the id of a session",
                )
            minutes = session_minutes(self.course, spec)
            if minutes > window:
                self.found.error(
                    self.spec_loc(spec, "minutes"),
                    f"{self.spec_name(spec)} lasts {hours(spec.minutes)}, longer than the day "
                    f"window {self.day_window}; split it or shorten it",
                    "R3",
                )
                continue
            allowed = spec.allowed_days(count)
            if allowed and spec.count * minutes > len(allowed) * window:
                self.found.error(
                    self.spec_loc(spec, "count"),
                    f"{spec.count} × {hours(minutes)} of {self.spec_name(spec)} do not fit in "
                    f"{len(allowed)} course days of {hours(window)}; lower the count",
                    "R3",
                )
            if own and minutes != spec.minutes:
                self.found.warn(
                    self.spec_loc(spec, "minutes"),
                    f"session {spec.id!r} of {spec.minutes} min is rounded up to {minutes} min "
                    f"(the {self.slot}-min slot grid)",
                )

    def held_as_its_purpose(self, spec: SessionSpec, rule: str) -> None:
        """A programme item with a purpose of the standard (a second lecture, a part of the
        opening) is judged by that purpose's rule, so it is held at least as strictly as the
        standard's session of that purpose: same kind, its days, its number of staff, only
        people who may lead that session, its required roles, after what it follows."""
        purpose = spec.purpose
        assert purpose is not None
        standard_spec = next(
            (s for s in self.standard.mandatory_sessions if s.purpose == purpose), None
        )
        loc = self.spec_loc(spec, "purpose")
        if standard_spec is None:
            purposes = sorted(
                {s.purpose.value for s in self.standard.mandatory_sessions if s.purpose}
            )
            self.found.error(
                loc,
                f"session {spec.id!r} has purpose {purpose.value!r}, which none of the "
                f"standard's sessions has ({', '.join(purposes)}); leave purpose out",
                rule,
            )
            return
        count = len(self.days)
        wanted, own_days = standard_spec.allowed_days(count), spec.allowed_days(count)
        unlike = []
        if spec.kind != standard_spec.kind:
            unlike.append(f"it is of kind {spec.kind.value}, not {standard_spec.kind.value}")
        if not set(own_days) <= set(wanted):
            unlike.append(
                f"it may be on {days_text(self.course, own_days)}, not only on "
                f"{days_text(self.course, wanted)}"
            )
        if spec.staff < standard_spec.staff:
            unlike.append(f"it has {spec.staff} staff, not {standard_spec.staff}")
        allowed = eligible(self.course, standard_spec)
        others = [m for m in eligible(self.course, spec) if m not in allowed]
        if others:
            unlike.append(
                f"{joined([person(m) for m in others])} may lead it, who may not lead "
                f"{standard_spec.id!r} (leaders: {', '.join(standard_spec.leaders) or 'anyone'})"
            )
        missing = [r for r in standard_spec.required_roles if r not in spec.required_roles]
        if missing:
            unlike.append(f"it does not require {', '.join(missing)} (required_roles)")
        if standard_spec.after is not None and spec.after != standard_spec.after:
            unlike.append(f"it does not come after {standard_spec.after!r} (after)")
        if unlike:
            self.found.error(
                loc,
                f"session {spec.id!r} has purpose {purpose.value!r}, so {rule} judges it as "
                f"the standard's session {standard_spec.id!r}; but {'; '.join(unlike)}. Hold it "
                "as that session is held, or leave purpose out",
                rule,
            )

    def session_staff(self, spec: SessionSpec, rule: str) -> None:
        """Enough people may lead each session, with the roles it requires."""
        people = eligible(self.course, spec)
        loc = self.spec_loc(spec, "leaders") if spec in self.course.programme else ("staff",)
        theme = self.standard.theme(spec.theme) if spec.theme else None
        rules_words = f"leaders: {', '.join(spec.leaders) or 'anyone'}" + (
            f"; its theme {theme.id} allows {', '.join(theme.leaders)}" if theme else ""
        )
        if len(people) < spec.staff:
            who = f"only {joined([person(m) for m in people])}" if people else "no one on the staff"
            self.found.error(
                loc,
                f"{self.spec_name(spec)} needs {spec.staff} staff, but {who} may lead it "
                f"({rules_words}); add leaders or staff",
                rule,
            )
        for role in spec.required_roles:
            if not any(m.role == role for m in people):
                self.found.error(
                    loc,
                    f"{self.spec_name(spec)} needs a {role_name(role, 'en')} among its staff, and no "
                    f"{role_name(role, 'en')} on the staff may lead it; add one",
                    rule,
                )

    def session_rooms(self, spec: SessionSpec, course_kinds: set[str], all_kinds: set[str]) -> None:
        """R30: a session's room kinds exist among the course's rooms."""
        if not spec.rooms:
            return
        present = [kind for kind in spec.rooms if kind in course_kinds]
        own = spec in self.course.programme
        for j, kind in enumerate(spec.rooms):
            if kind in course_kinds:
                continue
            if not own and kind in self.standard.rooms.required:
                continue  # rooms() reports the missing room the standard requires (R30)
            loc = self.spec_loc(spec, "rooms", j) if own else ("rooms",)
            near = did_you_mean(kind, course_kinds)
            if not present:
                self.found.error(
                    loc,
                    f"{self.spec_name(spec)} needs a room of kind {joined(list(spec.rooms), 'or')}, "
                    f"and the course has none; {near}the course's rooms are of kinds "
                    f"{', '.join(sorted(course_kinds)) or 'none'}: add a room or change the kind",
                    "R30",
                )
                return
            standard_kinds = set(self.standard.rooms.required) | set(
                self.standard.rooms.offsite_kinds
            )
            used_elsewhere = any(
                kind in other.rooms for other in self.course.sessions if other != spec
            )
            if (
                kind not in standard_kinds
                and not used_elsewhere
                and nearest(kind, course_kinds, 0.7)
            ):
                self.found.error(
                    loc,
                    f"unknown room kind {kind!r} in {self.spec_name(spec)}; {near}the course's "
                    f"rooms are of kinds {', '.join(sorted(course_kinds))}",
                    "R30",
                )
            else:
                self.found.warn(
                    loc,
                    f"the course has no room of kind {kind!r}; {self.spec_name(spec)} will use "
                    f"{joined(present, 'or')}",
                    "R30",
                )

    def programme_totals(self) -> None:
        """R4, R7, R26: the sessions add up to what the standard needs over the week."""
        course, standard = self.course, self.standard
        count = len(self.days)
        programme = programme_minutes(course)
        own = programme_minutes(course, course.programme)
        need = standard.programme.min_total_minutes
        day_min, day_max = course.programme_day_bounds
        split = f"the standard's sessions {hours(programme - own)}, this file's {hours(own)}"
        if programme < need:
            self.found.error(
                ("programme",),
                f"the group programme adds up to {hours(programme)} ({split}); R4 needs at least "
                f"{hours(need)} over the {count} days: add {hours(need - programme)} of group "
                "sessions",
                "R4",
            )
        elif programme > day_max * count:
            self.found.error(
                ("programme",),
                f"the group programme adds up to {hours(programme)} ({split}), more than "
                f"{count} days of at most {hours(day_max)} (R4's daily bound); remove "
                f"{hours(programme - day_max * count)} or raise course.programme_day.max_minutes",
                "R4",
            )
        elif programme < day_min * count:
            self.found.error(
                ("programme",),
                f"the group programme adds up to {hours(programme)} ({split}), less than "
                f"{count} days of at least {hours(day_min)} (R4's daily bound); add "
                f"{hours(day_min * count - programme)} or lower course.programme_day.min_minutes",
                "R4",
            )
        small = small_group_minutes(course)
        if small < standard.small_group_min_minutes:
            self.found.error(
                ("programme",),
                f"small-group work adds up to {hours(small)}; R7 needs at least "
                f"{hours(standard.small_group_min_minutes)} with the group split in two: add "
                "sessions of kind small_group",
                "R7",
            )
        total = total_staff_minutes(course)
        least = standard.staff_hours.min_total_minutes
        if total < least:
            self.found.error(
                ("programme",),
                f"the sessions give {hours(total)} of staff time with participants (length × "
                f"staff, individual sessions included); R26 needs at least {hours(least)}: add "
                f"{hours(least - total)}, e.g. sessions or a second staff member in some",
                "R26",
            )


def validate_course(
    course: Course, doc: SourceDocument, participant_locs: dict[str, Loc] | None = None
) -> list[CourseWarning]:
    """Checks a loaded course against its standard: raises InputError listing every problem,
    returns the warnings (allowed, but worth a look)."""
    return _CourseCheck(course, doc, participant_locs).run()
