"""What the pages show, computed from a timetable: the week grid in the workbook's layout and
colours (scheduler/export/excel/layout.py and palette), the hours table, the compliance report and
change lists, all in the page's language."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from models.base import format_clock, text_in
from models.rules import rule_title
from models.standard import Standard
from models.timetable import Change, Session, Timetable
from scheduler.check import CheckReport
from scheduler.domain.changes import change_list
from scheduler.explain.replan import change_kinds, change_note, describe_placement, told
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.layout import GROUP_LANES, week_layout
from scheduler.words import label, short_date

__all__ = ["change_list", "format_clock", "rule_title"]


def day_label(day: date, language: str) -> str:
    """'ti 9.3.', 'Tue 9 March'."""
    return short_date(day, language)


@dataclass(frozen=True)
class Block:
    session: Session
    title: str
    times: str
    staff: str
    room: str
    participants: str
    fill: str
    row: int  # 1-based grid row of the day's column grid (row 1 holds the lane names)
    rows: int
    lane: int  # 1-based column inside the day
    lanes: int
    dimmed: bool


@dataclass(frozen=True)
class Day:
    heading: str
    lanes: int
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class Grid:
    days: tuple[Day, ...]
    times: tuple[str, ...]  # one per row; '' where no label
    rows: int
    legend: tuple[tuple[str, str], ...]  # (name, fill)


def involves(session: Session, who: str) -> bool:
    """Whether a filter 'staff:ID', 'room:ID' or 'participant:ID' matches the session."""
    kind, _, ident = who.partition(":")
    if kind == "staff":
        return ident in session.staff
    if kind == "room":
        return session.room == ident
    if kind == "participant":
        return ident in session.participants
    return True


def week_grid(timetable: Timetable, standard: Standard, language: str, who: str = "") -> Grid:
    ctx = SheetContext(timetable, standard, language, participant_names=False)
    layout = week_layout(timetable)
    per_day: dict[int, list[Block]] = {}
    used: dict[str, str] = {}
    for place in layout.placements:
        session = place.session
        category = ctx.category(session)
        fill = ctx.category_fill(category)
        used.setdefault(category, fill)
        per_day.setdefault(place.day, []).append(
            Block(
                session=session,
                title=ctx.title(session),
                times=ctx.times(session),
                staff=ctx.staff_names(session),
                room=ctx.room_name(session),
                participants=ctx.participant_list(session.participants),
                fill=fill,
                row=place.row + 2,
                rows=place.rows,
                lane=place.lane + 1,
                lanes=place.lanes,
                dimmed=bool(who) and not involves(session, who),
            )
        )
    days = tuple(
        Day(ctx.day_heading(day), max(layout.lanes[i], GROUP_LANES), tuple(per_day.get(i, ())))
        for i, day in enumerate(layout.days)
    )
    times = tuple(
        format_clock(layout.row_start(r)) if layout.row_start(r) % 30 == 0 else ""
        for r in range(layout.rows)
    )
    legend = tuple((ctx.category_name(c), fill) for c, fill in used.items())
    return Grid(days, times, layout.rows, legend)


def filters(timetable: Timetable, language: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """The filter menu: staff, rooms and participants, each as (value, shown name)."""
    return [
        (label("web_staff", language), [(f"staff:{m.id}", m.label) for m in timetable.staff]),
        (label("web_rooms", language), [(f"room:{r.id}", r.name or r.id) for r in timetable.rooms]),
        (
            label("web_participants", language),
            [(f"participant:{p.id}", p.id) for p in timetable.participants],
        ),
    ]


def report_rows(report: CheckReport, language: str) -> list[dict[str, Any]]:
    return [
        {
            "rule": r.rule,
            "title": rule_title(r.rule, language),
            "status": r.status,
            "verdict": label(f"verdict_{r.status}", language),
            "reasons": r.reasons_in(language),
        }
        for r in report.results
    ]


def change_rows(
    changes: tuple[Change, ...], timetable: Timetable, language: str
) -> list[dict[str, Any]]:
    """The change list as the page shows it, in the console's and the workbook's words: titles,
    dates and people by name, whom to tell."""
    rows = []
    for change in changes:
        places = {}
        for key, place, said in (
            ("before", change.was, change.before),
            ("after", change.becomes, change.after),
        ):
            places[key] = (
                describe_placement(timetable.staff, timetable.rooms, place, language)
                if place is not None
                else said or "–"
            )
        rows.append(
            {
                "session": change.session,
                "title": text_in(change.titles, language) if change.titles else change.title,
                "change": change_kinds(change, language),
                "note": change_note(change, language),
                "before": places["before"],
                "after": places["after"],
                "notify": told(timetable.staff, change, language) or "–",
            }
        )
    return rows


def day_options(timetable: Timetable, standard: Standard, language: str) -> list[tuple[str, str]]:
    ctx = SheetContext(timetable, standard, language, participant_names=False)
    return [(d.isoformat(), ctx.day_heading(d)) for d in timetable.days]


def clock_options(timetable: Timetable) -> list[tuple[int, str]]:
    window = timetable.course.day_window
    slot = timetable.course.slot_minutes
    return [(m, format_clock(m)) for m in range(window.start, window.end, slot)]


def session_facts(timetable: Timetable, session: Session, language: str) -> dict[str, Any]:
    """A session as the page's move panel needs it (JSON)."""
    return {
        "id": session.id,
        "title": session.titles.get(language, session.title) if session.titles else session.title,
        "date": session.date.isoformat(),
        "start": session.start,
        "end": session.end,
        "staff": list(session.staff),
        "room": session.room,
        "locked": session.locked,
        "lock_scope": session.lock_scope,
        "kind": session.kind.value,
    }


def parse_day(text: str) -> date:
    return date.fromisoformat(text)
