"""What a course file or a standard file means, checked before any solving.

The models check each field's type; this module checks what the fields say together and against
the standard: roles and room kinds that exist, the team of R20, the special workers of R24, times
on the day window and the slot grid, enough programme for R4, course days on Monday-Saturday
(R2). Every problem names the file, the YAML line and column, the field, what is wrong and what
would fix it, and the rule id where a rule applies, in the reader's language (words.py). All
problems of a file are reported at once.

Errors raise `InputError` (exit code 2); warnings (a course day on a public holiday, a session
rounded up to the slot grid...) are returned as `CourseWarning`s and do not stop the solve.
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from models.base import MAX_SESSIONS, SessionKind, StaffGroup, TimeWindow, format_clock, text_in
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
from scheduler.io.documents import did_you_mean as suggest
from scheduler.words import (
    code_choice,
    counted,
    days_text,
    full_date,
    group_name,
    hours,
    joined,
    label,
    lower_first,
    person,
    purpose_name,
    reader,
    role_name,
    room_name,
    say,
    short_date,
    spec_title,
    weekday_name,
)

Loc = tuple[Any, ...]
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
    """ "did you mean 'x'? " in the reader's language, or nothing when no name is near."""
    return suggest(nearest(word, candidates, cutoff))


def _listed(codes: Iterable[str], prefix: str, language: str) -> str:
    """Codes a person may write, each with its words: 'kuntosali (gym), allas (pool)'."""
    return ", ".join(code_choice(prefix, code, language) for code in codes)


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
                    say(
                        "val_id_twice",
                        what=say(f"val_id_of_{what}"),
                        id=repr(item_id),
                        first=doc.where((*first[item_id], "id")),
                    ),
                )
            else:
                first[item_id] = loc
            if what == "session" and item_id in mandatory:
                findings.error(
                    (*loc, "id"),
                    say("val_id_mandatory", id=repr(item_id), ids=", ".join(sorted(mandatory))),
                )
    return [problem for _, _, problem in sorted(findings.errors, key=_order)]


# -- the standard --------------------------------------------------------------------------


def validate_standard(standard: Standard, doc: YamlDocument, expected_id: str) -> None:
    """A standard file's numbers and names agree with each other (raises InputError)."""
    findings = Findings(doc)
    if standard.id != expected_id:
        findings.error(
            ("id",), say("val_standard_id", id=repr(standard.id), name=repr(expected_id))
        )
    known = standard.known_roles() | set(GROUPS)
    for index, theme in enumerate(standard.themes):
        for j, leader in enumerate(theme.leaders):
            if leader not in known:
                findings.error(
                    ("themes", index, "leaders", j),
                    say(
                        "val_standard_theme_leader",
                        leader=repr(leader),
                        theme=repr(theme.id),
                        hint=did_you_mean(leader, known),
                        groups=", ".join(GROUPS),
                    ),
                    "R9",
                )
    overlap = standard.team_roles & standard.special_workers.roles
    if overlap:
        findings.error(
            ("special_workers",),
            say("val_standard_overlap", roles=", ".join(sorted(overlap))),
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
                    say(
                        "val_standard_role",
                        role=repr(leader),
                        session=repr(spec.id),
                        hint=did_you_mean(leader, known),
                    ),
                )
        for kind in spec.rooms:
            if kind not in kinds:
                findings.error(
                    (*here, "rooms"),
                    say(
                        "val_standard_room",
                        session=repr(spec.id),
                        kind=repr(kind),
                        kinds=", ".join(sorted(kinds)),
                    ),
                    "R30",
                )
        for day in spec.days:
            if abs(day) > count:
                findings.error(
                    (*here, "days"),
                    say("val_standard_day", day=day, session=repr(spec.id), count=count),
                    "R2",
                )
    programme = standard.programme
    if programme.day_min_minutes > programme.day_max_minutes:
        findings.error(("programme",), say("val_standard_day_bounds"), "R4")
    if programme.day_max_minutes * count < programme.min_total_minutes:
        findings.error(
            ("programme",),
            say(
                "val_standard_total",
                count=count,
                most=hours(programme.day_max_minutes),
                total=hours(programme.min_total_minutes),
            ),
            "R4",
        )
    for group, band in standard.staff_hours.shares.items():
        if band.min_percent > band.max_percent:
            findings.error(
                ("staff_hours", "shares", group.value),
                say("val_standard_share", group=group.value),
                "R27",
            )
    if not 1 <= standard.gas_goal_deadline_day <= count:
        findings.error(("gas_goal_deadline_day",), say("val_standard_gas_day", count=count), "R15")
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
        self.language = reader()

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

    # places and words

    def staff_loc(self, member: StaffMember, *rest: Any) -> Loc:
        index = self.course.staff.index(member)
        return ("staff", index, *rest)

    def spec_loc(self, spec: SessionSpec, *rest: Any) -> Loc:
        if spec in self.course.programme:
            return ("programme", self.course.programme.index(spec), *rest)
        return ("course", "standard")

    def spec_name(self, spec: SessionSpec) -> str:
        """'ohjelmakohta ”Kuntosaliharjoittelu”', "the standard's session 'opening'"."""
        own = spec in self.course.programme
        key = "val_session" if own else "val_standard_session"
        return say(key, title=spec_title(spec, self.language))

    def person(self, member: StaffMember) -> str:
        return person(member, self.language)

    def people(self, members: Iterable[StaffMember]) -> str:
        return joined([self.person(m) for m in members], self.language)

    def names(self, members: Iterable[StaffMember]) -> str:
        return ", ".join(m.label for m in members)

    def weekday(self, day: date) -> str:
        """'maanantai' inside a Finnish sentence, 'Monday' in an English one."""
        name = weekday_name(day, self.language)
        return lower_first(name) if self.language == "fi" else name

    def holiday(self, name: str) -> str:
        """'toinen pääsiäispäivä' inside a Finnish sentence (the calendar capitalises it)."""
        return lower_first(name) if self.language == "fi" else name

    def role(self, role: str) -> str:
        return role_name(role, self.language)

    def leaders(self, leaders: Iterable[str]) -> str:
        """Roles or staff groups in words: 'työryhmä, toimintaterapeutti'."""
        words = [group_name(g, self.language) if g in GROUPS else self.role(g) for g in leaders]
        return ", ".join(words) or say("val_anyone")

    def room_kinds(self, kinds: Iterable[str], word: str = "or") -> str:
        return joined(
            [code_choice("room_kind", k, self.language) for k in kinds], self.language, word
        )

    def too_many_sessions(self) -> bool:
        """A week holds at most MAX_SESSIONS sessions: counts, or a programme of individual
        sessions times the participants, beyond that are a typo (and would make the search
        take the memory of the machine). True when so."""
        course = self.course
        total = sum(occurrences(course, spec) * halves(spec) for spec in course.sessions)
        if total <= MAX_SESSIONS:
            return False
        self.found.error(
            ("programme",), say("val_too_many_sessions", total=total, most=MAX_SESSIONS)
        )
        return True

    # course section

    def course_info(self) -> None:
        info = self.course.info
        if 60 % self.slot:
            good = ", ".join(str(n) for n in (5, 10, 15, 20, 30, 60))
            self.found.error(("course", "slot_minutes"), say("val_slot", slot=self.slot, good=good))
            return
        self.on_grid(("course", "day_window"), info.day_window, say("val_what_day_window"))
        self.on_grid(("course", "lunch", "window"), info.lunch.window, say("val_what_lunch"))
        lunch = lunch_minutes(self.course)
        if lunch > info.lunch.window.minutes:
            self.found.error(
                ("course", "lunch", "minutes"),
                say(
                    "val_lunch_too_long",
                    minutes=info.lunch.minutes,
                    rounded=lunch,
                    slot=self.slot,
                    window=info.lunch.window,
                ),
                "R8",
            )
        elif lunch != info.lunch.minutes:
            self.found.warn(
                ("course", "lunch", "minutes"),
                say("val_lunch_rounded", minutes=info.lunch.minutes, rounded=lunch, slot=self.slot),
                "R8",
            )
        bounds = info.programme_day
        if bounds is not None:
            loc = ("course", "programme_day")
            if bounds.min_minutes > bounds.max_minutes:
                self.found.error(loc, say("val_programme_day_swapped"), "R4")
            count = len(self.days)
            total = self.standard.programme.min_total_minutes
            if bounds.max_minutes * count < total:
                self.found.error(
                    loc,
                    say(
                        "val_programme_day_too_small",
                        count=count,
                        most=hours(bounds.max_minutes),
                        total=hours(total),
                        need=hours(-(-total // count)),
                    ),
                    "R4",
                )

    def on_grid(self, loc: Loc, window: TimeWindow, what: str) -> bool:
        if window.start % self.slot or window.end % self.slot:
            self.found.error(
                loc,
                say(
                    "val_off_grid",
                    what=what,
                    window=window,
                    slot=self.slot,
                    example=format_clock(window.start // self.slot * self.slot),
                ),
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
            say(
                "val_start_on",
                days=joined(
                    [
                        say(
                            "val_first_day_choice",
                            date=full_date(d, self.language),
                            iso=d.isoformat(),
                        )
                        for d in starts
                    ],
                    self.language,
                    "or",
                ),
            )
            if starts
            else say("val_choose_first_day")
        )
        weekdays = ", ".join(
            label(f"weekday_short_{WEEKDAYS.index(w)}", self.language) for w in allowed
        )
        self.found.error(
            ("course", "first_day"),
            say(
                "val_weekday",
                iso=first.isoformat(),
                weekday=self.weekday(first),
                number=index + 1,
                date=full_date(bad[0], self.language),
                weekdays=weekdays,
                suggestion=suggestion,
            ),
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
        names = public_holidays(years, self.language)
        on_holidays = [
            (index, day)
            for index, day in enumerate(self.days)
            if day in names and day.weekday() != 6  # Sundays are an error already (R2)
        ]
        if not on_holidays:
            return
        first = self.days[0]
        nearest_day, same_weekday = holiday_free_first_days(self.standard, first)
        if nearest_day is None:
            instead = say("val_holiday_move", where=self.doc.where(("course", "first_day")))
        else:
            instead = say(
                "val_holiday_instead",
                date=full_date(nearest_day, self.language),
                iso=nearest_day.isoformat(),
            )
            if same_weekday is not None and same_weekday != nearest_day:
                instead += say(
                    "val_holiday_same_weekday",
                    weekday=self.weekday(first),
                    date=full_date(same_weekday, self.language),
                    iso=same_weekday.isoformat(),
                )
        for index, day in on_holidays:
            self.found.warn(
                ("course", "first_day"),
                say(
                    "val_holiday",
                    number=index + 1,
                    date=full_date(day, self.language),
                    name=self.holiday(names[day]),
                    instead=instead,
                ),
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
                        say(
                            "val_role_unknown",
                            role=repr(role),
                            hint=did_you_mean(role.lower(), known | used, 0.6),
                            team=_listed(sorted(self.standard.team_roles), "role", self.language),
                            special=_listed(sorted(special.roles), "role", self.language),
                        ),
                        "R20" if self.course.group_of(member) == StaffGroup.TEAM else None,
                    )
                    continue
            if member.group == StaffGroup.TEAM and role not in self.standard.team_roles:
                self.found.error(
                    self.staff_loc(member, "group"),
                    say("val_not_team_role", person=self.person(member), team=self.team_words()),
                    "R20",
                )
            if member.group == StaffGroup.SPECIAL and special.profession_of(role) is None:
                self.found.error(
                    loc,
                    say(
                        "val_not_special_role",
                        person=self.person(member),
                        role=code_choice("role", role, self.language),
                        hint=did_you_mean(role, special.roles),
                        roles=_listed(sorted(special.roles), "role", self.language),
                    ),
                    "R24",
                )
            if not any(
                counts_staff_hours(s) and member in eligible(self.course, s)
                for s in self.course.sessions
            ):
                self.found.warn(
                    self.staff_loc(member), say("val_leads_nothing", person=self.person(member))
                )

    def team_words(self) -> str:
        """'reumatologi (1), fysioterapeutti (2) ja psykologi (1)': the team R20 asks for."""
        roles = self.standard.team.roles
        return joined(
            [f"{self.role(role)} ({limit.count})" for role, limit in roles.items()],
            self.language,
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
                self.found.error(
                    ("staff",),
                    say(
                        "val_team_short" if members else "val_team_none",
                        needed=counted("role", limit.count, self.language, role=role),
                        have=f"{len(members)} ({self.names(members)})",
                        role=self.role(role),
                        code=role,
                        team=self.team_words(),
                    ),
                    "R20",
                )
            elif len(members) > limit.count:
                extra = members[limit.count]
                self.found.error(
                    self.staff_loc(extra, "role"),
                    say(
                        "val_team_extra",
                        have=counted("role", len(members), self.language, role=role),
                        names=self.names(members),
                        team=self.team_words(),
                        name=extra.label,
                    ),
                    "R20",
                )

    def course_lead(self) -> None:
        """R22: one team member is the course lead."""
        leads = [m for m in self.course.staff if m.course_lead]
        for member in leads:
            if self.course.group_of(member) != StaffGroup.TEAM:
                self.found.error(
                    self.staff_loc(member, "course_lead"),
                    say("val_lead_not_team", person=self.person(member)),
                    "R22",
                )
        if len(leads) > 1:
            self.found.error(
                self.staff_loc(leads[1], "course_lead"),
                say("val_leads", count=len(leads), names=self.names(leads)),
                "R22",
            )
        if not leads and self.standard.team.course_lead_required:
            self.found.error(("staff",), say("val_no_lead"), "R22")

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
        titles = {p.id: lower_first(text_in(p.title, self.language)) for p in special.professions}
        others = "; ".join(titles[p.id] for p in special.professions if p.id not in by_profession)
        if len(members) < special.min_count:
            listed = f" ({self.people(members)})" if members else ""
            self.found.error(
                ("staff",),
                say(
                    "val_special_short",
                    needed=special.min_count,
                    have=len(members),
                    listed=listed,
                    others=others,
                ),
                "R24",
            )
            return
        for profession, same in by_profession.items():
            if len(same) < 2:
                continue
            values = {
                "people": self.people(same),
                "profession": titles.get(profession, profession),
                "count": len(by_profession),
                "needed": special.min_count,
                "others": others,
            }
            if len(by_profession) < special.min_count:
                self.found.error(
                    self.staff_loc(same[1], "role"), say("val_special_same", **values), "R24"
                )
            else:
                self.found.warn(
                    self.staff_loc(same[1], "role"), say("val_special_same_ok", **values), "R24"
                )

    def other_staff(self) -> None:
        """R25: a team member or special worker is not also listed as other staff (one name on
        two entries is one person twice)."""
        for member, twin in acting_twice(self.course):
            self.found.error(
                self.staff_loc(member, "name"),
                say(
                    "val_acting_twice",
                    name=member.name,
                    id=member.id,
                    twin_id=twin.id,
                    as_group=say(f"val_as_{self.course.group_of(twin).value}"),
                ),
                "R25",
            )

    def experience(self) -> None:
        """R21: the physician's years of rheumatology, and among the other team members someone
        with the rheumatology hours and someone with the group-leading hours the standard asks."""
        rules = self.standard.experience
        physician_role = self.standard.team.physician_role
        team = self.course.staff_in(StaffGroup.TEAM)
        for member in (m for m in team if m.role == physician_role):
            years = member.experience.rheumatology_years
            if years is None or years < rules.physician_min_years:
                given = (
                    say("val_not_given")
                    if years is None
                    else say(
                        "val_years",
                        years=f"{years:g}".replace(".", "," if self.language == "fi" else "."),
                    )
                )
                loc = (
                    self.staff_loc(member, "experience", "rheumatology_years")
                    if years is not None
                    else self.staff_loc(member)
                )
                self.found.error(
                    loc,
                    say(
                        "val_physician_years",
                        person=self.person(member),
                        given=given,
                        years=f"{rules.physician_min_years:g}",
                        window=rules.window_years,
                    ),
                    "R21",
                )
        others = [m for m in team if m.role != physician_role]
        if not others:
            return
        for field, need in (
            ("rheumatology_hours", rules.other_member_min_rheumatology_hours),
            ("group_leading_hours", rules.non_physician_min_group_leading_hours),
        ):
            if any((getattr(m.experience, field) or 0) >= need for m in others):
                continue
            have = ", ".join(f"{m.label} {getattr(m.experience, field) or 0:g} h" for m in others)
            self.found.error(
                ("staff",),
                say(
                    f"val_experience_{field}",
                    need=f"{need:g}",
                    window=rules.window_years,
                    have=have,
                    field=field,
                ),
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
                say("val_what_availability", name=member.label),
            )
            limit = limits.get(member.role)
            if limit is None or self.course.group_of(member) != StaffGroup.TEAM:
                continue
            if member.max_minutes is not None and member.max_minutes < limit.min_minutes:
                self.found.error(
                    self.staff_loc(member, "max_minutes"),
                    say(
                        "val_max_below_minimum",
                        person=self.person(member),
                        most=hours(member.max_minutes),
                        least=hours(limit.min_minutes),
                    ),
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
                    say(
                        "val_available_below_minimum",
                        person=self.person(member),
                        available=hours(available),
                        least=hours(limit.min_minutes),
                    ),
                    "R20",
                )

    def times_by_day(self, by_day: dict[date, tuple[TimeWindow, ...]], loc: Loc, what: str) -> None:
        """Times given per date: the dates are course days (one message for all that are not,
        as after a change of first_day), the times on the grid and inside the day window."""
        off = [day for day in by_day if day not in self.days]
        if off:
            self.found.error(
                (*loc, off[0]),
                say(
                    "val_not_course_day" if len(off) == 1 else "val_not_course_days",
                    what=what,
                    dates=joined([full_date(day, self.language) for day in off], self.language),
                    first=full_date(self.days[0], self.language),
                    last=full_date(self.days[-1], self.language),
                    where=self.doc.where(("course", "first_day")),
                ),
            )
        for day, windows in by_day.items():
            if day in self.days:
                self.times_on(day, windows, (*loc, day), what)

    def times_on(self, day: date, windows: Iterable[TimeWindow], loc: Loc, what: str) -> None:
        window_day = self.day_window
        when = short_date(day, self.language)
        for index, window in enumerate(windows):
            here = (*loc, index)
            if not self.on_grid(here, window, say("val_what_on", what=what, date=when)):
                continue
            values = {"what": what, "window": window, "date": when, "day": window_day}
            if window.end <= window_day.start or window.start >= window_day.end:
                self.found.error(here, say("val_outside_day", **values), "R3")
            elif window.start < window_day.start or window.end > window_day.end:
                self.found.warn(here, say("val_reaches_outside_day", **values), "R3")

    # participants

    def participants(self) -> None:
        """R1: the standard's number of participants; their own times on course days."""
        participants = self.course.participants
        wanted = self.standard.participants
        if len(participants) != wanted:
            ids = ", ".join(p.id for p in participants[:12]) + (
                "..." if len(participants) > 12 else ""
            )
            self.found.error(
                ("participants",),
                say(
                    "val_participants",
                    have=counted("participant", len(participants), self.language),
                    wanted=wanted,
                    ids=ids,
                ),
                "R1",
            )
        for participant in participants:
            loc = self.participant_locs.get(participant.id, ("participants",))
            self.times_by_day(
                participant.unavailable,
                (*loc, "unavailable"),
                say("val_what_away", id=participant.id),
            )
        fixed: Counter[str] = Counter(p.small_group for p in participants if p.small_group)
        for half, other in (("A", "B"), ("B", "A")):
            if len(participants) >= 2 and fixed[half] == len(participants):
                self.found.error(
                    ("participants",),
                    say("val_all_in_one_half", count=fixed[half], half=half, other=other),
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
                    say(
                        "val_room_kind_unknown",
                        kind=repr(room.kind),
                        hint=did_you_mean(room.kind, standard_kinds | used),
                        kinds=_listed(sorted(standard_kinds), "room_kind", self.language),
                    ),
                    "R30",
                )
            else:
                self.found.warn(
                    ("rooms", index, "kind"),
                    say(
                        "val_room_kind_unused", room=room_name(room, room.id), kind=repr(room.kind)
                    ),
                    "R30",
                )
        for index, room in enumerate(self.course.rooms):
            self.times_by_day(
                room.unavailable,
                ("rooms", index, "unavailable"),
                say("val_what_closed", room=room_name(room, room.id)),
            )
        have = Counter(room.kind for room in self.course.rooms)
        for kind, needed in rooms.required.items():
            if have[kind] < needed:
                listed = [room_name(r, r.id) for r in self.course.rooms if r.kind == kind]
                self.found.error(
                    ("rooms",),
                    say(
                        "val_rooms_missing",
                        needed=counted("room", needed, self.language),
                        count=needed,
                        kind=code_choice("room_kind", kind, self.language),
                        have=have[kind],
                        listed=f" ({', '.join(listed)})" if listed else "",
                    ),
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
            name = self.spec_name(spec)
            if own and spec.theme and self.standard.theme(spec.theme) is None:
                theme_words = ", ".join(
                    f"{lower_first(text_in(t.title, self.language))} ({t.id})"
                    if self.language == "fi"
                    else t.id
                    for t in self.standard.themes
                )
                self.found.error(
                    self.spec_loc(spec, "theme"),
                    say(
                        "val_theme_unknown",
                        theme=repr(spec.theme),
                        hint=did_you_mean(spec.theme, themes),
                        themes=theme_words,
                    ),
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
                                say(
                                    "val_leader_unknown",
                                    role=repr(leader),
                                    field=field,
                                    session=name,
                                    hint=did_you_mean(leader, known_leaders),
                                    groups=", ".join(GROUPS),
                                ),
                                rule,
                            )
            if own and spec.purpose is not None and not bad_leader:
                self.held_as_its_purpose(spec, rule)
            if not bad_leader:
                self.session_staff(spec, rule)
            self.session_rooms(spec, course_kinds, all_kinds)
            if spec.kind == SessionKind.SMALL_GROUP and not spec.rooms:
                self.found.error(
                    self.spec_loc(spec, "rooms"), say("val_small_group_rooms", session=name), "R7"
                )
            if spec.kind == SessionKind.INDIVIDUAL and transfer_minutes(self.course, spec):
                # The timetable plans travel around group sessions only: an individual
                # session's trip would clash with the participant's other sessions.
                self.found.error(
                    self.spec_loc(spec, "rooms"),
                    say("val_individual_offsite", session=name, kinds=self.room_kinds(spec.rooms)),
                    "R30",
                )
            for j, day in enumerate(spec.days):
                if own and abs(day) > count:
                    self.found.error(
                        self.spec_loc(spec, "days", j),
                        say("val_session_day", day=day, session=name, count=count),
                        "R2",
                    )
            if own and spec.after is not None and spec.after not in spec_ids:
                self.found.error(
                    self.spec_loc(spec, "after"),
                    say(
                        "val_after_unknown",
                        session=name,
                        after=repr(spec.after),
                        hint=did_you_mean(spec.after, spec_ids),
                    ),
                )
            minutes = session_minutes(self.course, spec)
            if minutes > window:
                self.found.error(
                    self.spec_loc(spec, "minutes"),
                    say(
                        "val_session_too_long",
                        session=name,
                        length=hours(spec.minutes),
                        window=self.day_window,
                    ),
                    "R3",
                )
                continue
            allowed = spec.allowed_days(count)
            if allowed and spec.count * minutes > len(allowed) * window:
                self.found.error(
                    self.spec_loc(spec, "count"),
                    say(
                        "val_count_too_many",
                        count=spec.count,
                        length=hours(minutes),
                        session=name,
                        days=len(allowed),
                        day=hours(window),
                    ),
                    "R3",
                )
            if own and minutes != spec.minutes:
                self.found.warn(
                    self.spec_loc(spec, "minutes"),
                    say(
                        "val_session_rounded",
                        session=name,
                        minutes=spec.minutes,
                        rounded=minutes,
                        slot=self.slot,
                    ),
                )

    def held_as_its_purpose(self, spec: SessionSpec, rule: str) -> None:
        """A programme item with a purpose of the standard (a second lecture, a part of the
        opening) is judged by that purpose's rule, so it is held at least as strictly as the
        standard's session of that purpose: same kind, its days, its number of staff, only
        people who may lead that session, its required roles, after what it follows."""
        purpose = spec.purpose
        assert purpose is not None
        language = self.language
        standard_spec = next(
            (s for s in self.standard.mandatory_sessions if s.purpose == purpose), None
        )
        loc = self.spec_loc(spec, "purpose")
        name = self.spec_name(spec)
        purpose_words = f"{purpose_name(purpose, language)} ({purpose.value})"
        if standard_spec is None:
            purposes = sorted(
                {s.purpose.value for s in self.standard.mandatory_sessions if s.purpose}
            )
            self.found.error(
                loc,
                say(
                    "val_purpose_unused",
                    session=name,
                    purpose=purpose_words,
                    purposes=", ".join(purposes),
                ),
                rule,
            )
            return
        count = len(self.days)
        wanted, own_days = standard_spec.allowed_days(count), spec.allowed_days(count)
        unlike = []
        if spec.kind != standard_spec.kind:
            unlike.append(
                say(
                    "val_unlike_kind",
                    kind=lower_first(label(f"kind_{spec.kind.value}", language)),
                    standard=lower_first(label(f"kind_{standard_spec.kind.value}", language)),
                )
            )
        if not set(own_days) <= set(wanted):
            unlike.append(
                say(
                    "val_unlike_days",
                    days=days_text(self.course, own_days, language),
                    standard=days_text(self.course, wanted, language),
                )
            )
        if spec.staff < standard_spec.staff:
            unlike.append(say("val_unlike_staff", staff=spec.staff, standard=standard_spec.staff))
        allowed = eligible(self.course, standard_spec)
        others = [m for m in eligible(self.course, spec) if m not in allowed]
        if others:
            unlike.append(
                say(
                    "val_unlike_leaders",
                    people=self.people(others),
                    standard=spec_title(standard_spec, language),
                    leaders=self.leaders(standard_spec.leaders),
                )
            )
        missing = [r for r in standard_spec.required_roles if r not in spec.required_roles]
        if missing:
            unlike.append(
                say("val_unlike_required", roles=", ".join(self.role(r) for r in missing))
            )
        if standard_spec.after is not None and spec.after != standard_spec.after:
            unlike.append(say("val_unlike_after", after=repr(standard_spec.after)))
        if unlike:
            self.found.error(
                loc,
                say(
                    "val_purpose_unlike",
                    session=name,
                    purpose=purpose_words,
                    rule=rule,
                    standard=spec_title(standard_spec, language),
                    unlike="; ".join(unlike),
                ),
                rule,
            )

    def session_staff(self, spec: SessionSpec, rule: str) -> None:
        """Enough people may lead each session, with the roles it requires."""
        people = eligible(self.course, spec)
        loc = self.spec_loc(spec, "leaders") if spec in self.course.programme else ("staff",)
        theme = self.standard.theme(spec.theme) if spec.theme else None
        rules_words = say("val_leaders", leaders=self.leaders(spec.leaders))
        if theme is not None:
            rules_words += say(
                "val_theme_leaders",
                theme=lower_first(text_in(theme.title, self.language)),
                leaders=self.leaders(theme.leaders),
            )
        name = self.spec_name(spec)
        if len(people) < spec.staff:
            self.found.error(
                loc,
                say(
                    "val_too_few_leaders" if people else "val_no_leaders",
                    session=name,
                    staff=counted("staff", spec.staff, self.language),
                    people=self.people(people),
                    rules=rules_words,
                ),
                rule,
            )
        for role in spec.required_roles:
            if not any(m.role == role for m in people):
                self.found.error(
                    loc, say("val_required_role", session=name, role=self.role(role)), rule
                )

    def session_rooms(self, spec: SessionSpec, course_kinds: set[str], all_kinds: set[str]) -> None:
        """R30: a session's room kinds exist among the course's rooms."""
        if not spec.rooms:
            return
        present = [kind for kind in spec.rooms if kind in course_kinds]
        own = spec in self.course.programme
        name = self.spec_name(spec)
        for j, kind in enumerate(spec.rooms):
            if kind in course_kinds:
                continue
            if not own and kind in self.standard.rooms.required:
                continue  # rooms() reports the missing room the standard requires (R30)
            loc = self.spec_loc(spec, "rooms", j) if own else ("rooms",)
            near = did_you_mean(kind, course_kinds)
            kinds = _listed(sorted(course_kinds), "room_kind", self.language) or say("val_none")
            if not present:
                self.found.error(
                    loc,
                    say(
                        "val_no_room_of_kind",
                        session=name,
                        wanted=self.room_kinds(spec.rooms),
                        hint=near,
                        kinds=kinds,
                    ),
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
                    say(
                        "val_session_room_kind_unknown",
                        kind=repr(kind),
                        session=name,
                        hint=near,
                        kinds=kinds,
                    ),
                    "R30",
                )
            else:
                self.found.warn(
                    loc,
                    say(
                        "val_room_kind_missing",
                        kind=code_choice("room_kind", kind, self.language),
                        session=name,
                        present=self.room_kinds(present),
                    ),
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
        split = say("val_split", standard=hours(programme - own), own=hours(own))
        if programme < need:
            self.found.error(
                ("programme",),
                say(
                    "val_programme_short",
                    total=hours(programme),
                    split=split,
                    need=hours(need),
                    count=count,
                    add=hours(need - programme),
                ),
                "R4",
            )
        elif programme > day_max * count:
            self.found.error(
                ("programme",),
                say(
                    "val_programme_over_days",
                    total=hours(programme),
                    split=split,
                    count=count,
                    most=hours(day_max),
                    remove=hours(programme - day_max * count),
                ),
                "R4",
            )
        elif programme < day_min * count:
            self.found.error(
                ("programme",),
                say(
                    "val_programme_under_days",
                    total=hours(programme),
                    split=split,
                    count=count,
                    least=hours(day_min),
                    add=hours(day_min * count - programme),
                ),
                "R4",
            )
        small = small_group_minutes(course)
        if small < standard.small_group_min_minutes:
            self.found.error(
                ("programme",),
                say(
                    "val_small_group_short",
                    total=hours(small),
                    need=hours(standard.small_group_min_minutes),
                ),
                "R7",
            )
        total = total_staff_minutes(course)
        least = standard.staff_hours.min_total_minutes
        if total < least:
            self.found.error(
                ("programme",),
                say(
                    "val_staff_hours_short",
                    total=hours(total),
                    need=hours(least),
                    add=hours(least - total),
                ),
                "R26",
            )


def validate_course(
    course: Course, doc: SourceDocument, participant_locs: dict[str, Loc] | None = None
) -> list[CourseWarning]:
    """Checks a loaded course against its standard: raises InputError listing every problem,
    returns the warnings (allowed, but worth a look)."""
    return _CourseCheck(course, doc, participant_locs).run()
