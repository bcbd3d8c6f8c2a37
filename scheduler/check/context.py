"""The facts every rule of the checker reads (a timetable with its course and standard), and the
words its reasons are written in, in Finnish and in English."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cached_property

from models.base import (
    NON_PROGRAMME_KINDS,
    Purpose,
    SessionKind,
    StaffGroup,
    TimeWindow,
    format_clock,
    text_in,
)
from models.course import Course, Participant, Room, StaffMember
from models.rules import rule_of_purpose
from models.standard import SessionSpec, Standard
from models.timetable import Session, Timetable
from scheduler.domain.hours import HoursTable, unique_staff
from scheduler.words import (
    group_name,
    lang,
    purpose_name,
    role_name,
    room_kind_name,
    room_name,
    short_date,
    staff_label,
    staff_name,
)


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
        if session.kind in NON_PROGRAMME_KINDS:
            return None
        if session.spec and session.spec in self.specs:
            return self.specs[session.spec]
        return self.mandatory(session.purpose) if session.purpose else None

    def with_purpose(self, *purposes: Purpose) -> list[Session]:
        return [
            s for s in self.sessions if s.purpose in purposes and s.kind not in NON_PROGRAMME_KINDS
        ]

    def for_rule(self, rule: str) -> list[Session]:
        """Sessions whose staffing and days this rule judges (see RULE_OF_PURPOSE)."""
        return [
            s
            for s in self.sessions
            if s.kind not in NON_PROGRAMME_KINDS and rule_of_purpose(s.purpose) == rule
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
    """The names a reason uses in one language: days, sessions, people, rooms, roles, themes.

    Both languages name things the way a course manager reads them: sessions by title, staff
    by name and role, rooms by name, days as dates (ti 9.3., Tue 9 March), roles, themes and
    room kinds by the words of scheduler/words.py; the rule ids stay.
    """

    def __init__(self, ctx: Context, language: str) -> None:
        self.ctx = ctx
        self.language = lang(language)
        self.finnish = self.language == "fi"

    def dated(self, day: date) -> str:
        """'ti 9.3.', 'Tue 9 March'"""
        return short_date(day, self.language)

    def day(self, day: date) -> str:
        """'day 2 (Tue 9 March)', 'päivä 2 (ti 9.3.)'"""
        index = self.ctx.day_index(day)
        name = self.dated(day)
        if self.finnish:
            return (
                f"päivä {index + 1} ({name})" if index is not None else f"{name} (ei kurssipäivä)"
            )
        return f"day {index + 1} ({name})" if index is not None else f"{name} (not a course day)"

    def on_day(self, day: date) -> str:
        """'day 2 (Tue 9 March)', 'päivänä 2 (ti 9.3.)'; a date that is no course day plainly
        ('la 13.3.'), its sentence says what is wrong with it."""
        index = self.ctx.day_index(day)
        if index is None:
            return self.dated(day)
        if self.finnish:
            return f"päivänä {index + 1} ({self.dated(day)})"
        return self.day(day)

    def clock(self, start: int, end: int) -> str:
        return f"{format_clock(start)}–{format_clock(end)}"

    def window(self, window: TimeWindow) -> str:
        return self.clock(window.start, window.end)

    def title(self, session: Session) -> str:
        return text_in(session.titles, self.language) if session.titles else session.title

    def name(self, session: Session) -> str:
        """A session by its title, with whose or which half it is: 'Yksilöllinen haastattelu ja
        arviointi (K01)', 'Small groups: resources in everyday life (small group A)'."""
        marks = []
        if session.kind == SessionKind.INDIVIDUAL and session.participants:
            marks.append(", ".join(dict.fromkeys(session.participants)))
        if session.small_group:
            half = "pienryhmä" if self.finnish else "small group"
            marks.append(f"{half} {session.small_group}")
        return self.title(session) + (f" ({', '.join(marks)})" if marks else "")

    def slot(self, session: Session) -> str:
        """When a session is: 'day 1 (Mon 8 March) 10:00–11:00', 'päivänä 1 (ma 8.3.) klo
        10:00–11:00'."""
        when = self.clock(session.start, session.end)
        if self.finnish:
            return f"{self.on_day(session.date)} klo {when}"
        return f"{self.on_day(session.date)} {when}"

    def ref(self, session: Session) -> str:
        """'Individual interview and assessment (K01), day 1 (Mon 8 March) 10:00–11:00';
        'Yksilöllinen haastattelu ja arviointi (K01) päivänä 1 (ma 8.3.) klo 10:00–11:00'"""
        if self.finnish:
            return f"{self.name(session)} {self.slot(session)}"
        return f"{self.name(session)}, {self.slot(session)}"

    def refs(self, sessions: Iterable[Session]) -> str:
        return "; ".join(self.ref(s) for s in sessions)

    def names(self, sessions: Iterable[Session]) -> str:
        return "; ".join(self.name(s) for s in sessions)

    def spec(self, spec: SessionSpec) -> str:
        """A programme item by its title: 'Kuntosaliharjoittelu', 'Gym training'."""
        return text_in(spec.title, self.language) if spec.title else spec.id

    def who(self, staff_id: str) -> str:
        """'Elina Koskinen (occupational therapist)', 'Elina Koskinen (toimintaterapeutti)'"""
        member = self.ctx.staff.get(staff_id)
        if member is None:
            return f"{staff_id} ({'tuntematon' if self.finnish else 'unknown'})"
        return staff_label(member, staff_id, self.language)

    def person(self, staff_id: str) -> str:
        """A staff member by name alone: 'Elina Koskinen'."""
        return staff_name(self.ctx.staff.get(staff_id), staff_id)

    def people(self, staff_ids: Iterable[str]) -> str:
        """Staff by name, in the course's order: 'Mikko Virtanen, Sari Mäkelä'."""
        order = {m.id: i for i, m in enumerate(self.ctx.course.staff)}
        ids = sorted(set(staff_ids), key=lambda s: (order.get(s, len(order)), s))
        return ", ".join(self.person(s) for s in ids)

    def room(self, room_id: str) -> str:
        """A room by name: 'Ryhmätila 1'."""
        return room_name(self.ctx.rooms.get(room_id), room_id)

    def rooms(self, room_ids: Iterable[str]) -> str:
        return ", ".join(self.room(r) for r in sorted(set(room_ids)))

    def role(self, role: str) -> str:
        return role_name(role, self.language)

    def roles(self, roles: Iterable[str]) -> str:
        return ", ".join(self.role(r) for r in roles)

    def group(self, group: str) -> str:
        """'työryhmä', 'team'"""
        return group_name(group, self.language)

    def leaders(self, leaders: Iterable[str]) -> str:
        """Roles or staff groups (a theme's or a programme item's leaders)."""
        groups = {g.value for g in StaffGroup}
        return ", ".join(self.group(g) if g in groups else self.role(g) for g in leaders)

    def purpose(self, purpose: Purpose | None) -> str:
        return purpose_name(purpose, self.language)

    def theme(self, theme_id: str) -> str:
        theme = self.ctx.standard.theme(theme_id)
        return text_in(theme.title, self.language) if theme is not None else theme_id

    def room_kind(self, kind: str) -> str:
        return room_kind_name(kind, self.language)

    def room_kinds(self, kinds: Iterable[str]) -> str:
        return (" tai " if self.finnish else " or ").join(self.room_kind(k) for k in kinds)

    def days(self, indices: Iterable[int], *, either: bool = True) -> str:
        """0-based indices: 'day 1', 'day 1 or 2', 'days 1 and 2'; 'päivänä 1', 'päivänä 1 tai
        2' (either) or 'päivinä 1 ja 2'."""
        numbers = [str(i + 1) for i in sorted(indices)]
        if not numbers:
            return "ei minään päivänä" if self.finnish else "on no day"
        if len(numbers) == 1:
            return f"päivänä {numbers[0]}" if self.finnish else f"day {numbers[0]}"
        if self.finnish:
            listed = f"{', '.join(numbers[:-1])} {'tai' if either else 'ja'} {numbers[-1]}"
            return f"päivänä {listed}" if either else f"päivinä {listed}"
        listed = f"{', '.join(numbers[:-1])} {'or' if either else 'and'} {numbers[-1]}"
        return f"day {listed}" if either else f"days {listed}"


def by_part(session: Session) -> tuple[Session, ...]:
    """The session as the rules about its staff judge it: at every moment. A session split
    while under way (a re-plan's staff change at --now) is judged part by part, each part with
    its own staff and clock times (so a reason names the part that falls short); any other
    session is itself."""
    if not session.parts:
        return (session,)
    return tuple(
        session.model_copy(update={"start": p.start, "end": p.end, "staff": p.staff, "parts": ()})
        for p in session.parts
    )


def id_list(items: Iterable[str]) -> str:
    return ", ".join(sorted(items))
