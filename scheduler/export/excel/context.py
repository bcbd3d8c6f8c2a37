"""The timetable, its standard and the language, with the look-ups every sheet needs."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models.base import SessionKind, format_clock, text_in
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.export.excel.palette import (
    CATEGORY_FILLS,
    THEME_FILLS,
)
from scheduler.words import has_label, label


class SheetContext:
    """The timetable, its standard and the language, with the look-ups every sheet needs."""

    def __init__(
        self, timetable: Timetable, standard: Standard, language: str, participant_names: bool
    ) -> None:
        self.timetable = timetable
        self.standard = standard
        self.lang = language
        self.participant_names = participant_names
        self.staff = {member.id: member for member in timetable.staff}
        self.rooms = {room.id: room for room in timetable.rooms}
        self.participants = {p.id: p for p in timetable.participants}
        self.theme_ids = [theme.id for theme in standard.themes]

    def t(self, key: str, **values: object) -> str:
        return label(key, self.lang, **values)

    def title(self, session: Session) -> str:
        return text_in(session.titles, self.lang) if session.titles else session.title

    def theme_title(self, theme_id: str) -> str:
        theme = self.standard.theme(theme_id)
        return text_in(theme.title, self.lang) if theme else theme_id

    def date_text(self, day: date, short: bool = False) -> str:
        month_name = self.t(f"month_{day.month}")
        key = "date_short" if short else "date"
        return self.t(key, day=day.day, month=day.month, year=day.year, month_name=month_name)

    def weekday(self, day: date) -> str:
        return self.t(f"weekday_{day.weekday()}")

    def day_heading(self, day: date, short: bool = True) -> str:
        return self.t("day_heading", weekday=self.weekday(day), date=self.date_text(day, short))

    def dates(self) -> str:
        days = self.timetable.days
        return self.t("date_range", first=self.date_text(days[0]), last=self.date_text(days[-1]))

    def times(self, session: Session) -> str:
        return self.t(
            "time_range", start=format_clock(session.start), end=format_clock(session.end)
        )

    def staff_name(self, staff_id: str) -> str:
        member = self.staff.get(staff_id)
        return member.label if member else staff_id

    def staff_names(self, session: Session) -> str:
        return ", ".join(self.staff_name(s) for s in session.staff)

    def room_name(self, session: Session) -> str:
        if session.room is None:
            return ""
        room = self.rooms.get(session.room)
        return (room.name or room.id) if room else session.room

    def participant(self, participant_id: str) -> str:
        person = self.participants.get(participant_id)
        if self.participant_names and person and person.name:
            return f"{participant_id} {person.name}"
        return participant_id

    def participant_list(self, ids: Sequence[str]) -> str:
        """K01–K05 for a run of consecutive participants, else a list."""
        order = {p.id: i for i, p in enumerate(self.timetable.participants)}
        if self.participant_names or any(i not in order for i in ids):
            return ", ".join(self.participant(i) for i in ids)
        ranks = sorted(order[i] for i in ids)
        ordered = [self.timetable.participants[r].id for r in ranks]
        runs: list[list[str]] = []
        for rank, pid in zip(ranks, ordered, strict=True):
            if runs and order[runs[-1][-1]] == rank - 1:
                runs[-1].append(pid)
            else:
                runs.append([pid])
        return ", ".join(run[0] if len(run) < 3 else f"{run[0]}–{run[-1]}" for run in runs)

    def role(self, role: str) -> str:
        key = f"role_{role}"
        return self.t(key) if has_label(key) else role.replace("_", " ")

    def staff_group(self, staff_id: str) -> str:
        member = self.staff.get(staff_id)
        if member is None:
            return "other"
        return (member.group or self.standard.default_group_of(member.role)).value

    def kind(self, session: Session) -> str:
        return self.t(f"kind_{session.kind.value}")

    def category(self, session: Session) -> str:
        if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
            return "meal"
        if session.kind == SessionKind.TRANSFER:
            return "transfer"
        if session.kind == SessionKind.STAFF_MEETING:
            return "staff_meeting"
        if session.theme:
            return f"theme:{session.theme}"
        if session.kind == SessionKind.INDIVIDUAL:
            return "individual"
        if session.purpose:
            return "framework"
        return "other"

    def category_fill(self, category: str) -> str:
        if category.startswith("theme:"):
            theme = category.removeprefix("theme:")
            index = self.theme_ids.index(theme) if theme in self.theme_ids else len(self.theme_ids)
            return THEME_FILLS[index % len(THEME_FILLS)]
        return CATEGORY_FILLS[category]

    def category_name(self, category: str) -> str:
        if category.startswith("theme:"):
            return self.theme_title(category.removeprefix("theme:"))
        return self.t(f"category_{category}")

    def session_theme(self, session: Session) -> str:
        return self.theme_title(session.theme) if session.theme else ""
