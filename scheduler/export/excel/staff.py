"""The staff sheet: each person's sessions and hours per day."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from openpyxl.styles import Alignment
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from models.base import STAFF_HOURS_KINDS
from models.timetable import Session, Timetable
from scheduler.domain.hours import own_part, unique_staff
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import (
    HEAD_FILL,
    MUTED,
    TITLE_INK,
)
from scheduler.export.excel.style import (
    hours_value,
    print_setup,
    set_widths,
    text_font,
    write_data_row,
    write_header_row,
    write_note,
    write_title,
)


@dataclass(frozen=True)
class StaffHours:
    """Each person's staff minutes with participants (R26), per course day."""

    by_person_day: dict[tuple[str, date], int]

    @classmethod
    def of(cls, timetable: Timetable) -> StaffHours:
        minutes: dict[tuple[str, date], int] = defaultdict(int)
        for session in timetable.sessions:
            if not cls.counts(session):
                continue
            for staff_id in unique_staff(session):
                minutes[staff_id, session.date] += session.minutes_of(staff_id)
        return cls(dict(minutes))

    @staticmethod
    def counts(session: Session) -> bool:
        return session.kind in STAFF_HOURS_KINDS

    def minutes(self, staff_id: str, day: date) -> int:
        return self.by_person_day.get((staff_id, day), 0)

    def total(self, staff_id: str) -> int:
        return sum(m for (person, _), m in self.by_person_day.items() if person == staff_id)


def staff_sheet(ws: Worksheet, ctx: SheetContext, hours: StaffHours) -> None:
    days = ctx.timetable.days
    headings = [
        ctx.t("col_person"),
        ctx.t("col_role"),
        ctx.t("col_staff_group"),
        *(ctx.day_heading(day) for day in days),
        ctx.t("col_total"),
    ]
    last_col = len(headings)
    write_title(ws, 1, ctx.t("staff_title"), last_col)
    write_note(ws, 2, ctx.t("staff_hours_note"), last_col, height=26)
    row = 4
    section = ws.cell(row=row, column=1, value=ctx.t("staff_summary"))
    section.font = text_font(11, bold=True, color=TITLE_INK)
    row += 1
    write_header_row(ws, row, headings)
    header_row = row
    for member in ctx.timetable.staff:
        row += 1
        role = ctx.role(member.role)
        if member.course_lead:
            role = f"{role} ({ctx.t('course_lead')})"
        per_day = [hours_value(hours.minutes(member.id, day)) for day in days]
        write_data_row(
            ws,
            row,
            [
                member.label,
                role,
                ctx.t(f"group_{ctx.staff_group(member.id)}"),
                *per_day,
                hours_value(hours.total(member.id)),
            ],
        )
        ws.cell(row=row, column=last_col).font = text_font(9.5, bold=True)
    row += 1
    totals = [
        hours_value(sum(hours.minutes(m.id, day) for m in ctx.timetable.staff)) for day in days
    ]
    everyone = hours_value(sum(hours.total(m.id) for m in ctx.timetable.staff))
    write_data_row(
        ws, row, [ctx.t("all_staff"), "", "", *totals, everyone], bold=True, fill=HEAD_FILL
    )

    # Each person's sessions.
    columns = [
        ctx.t("col_day"),
        ctx.t("col_time"),
        ctx.t("col_session"),
        ctx.t("col_kind"),
        ctx.t("col_room"),
        ctx.t("col_participants"),
        ctx.t("col_hours"),
    ]
    for member in ctx.timetable.staff:
        sessions = sorted(
            (s for s in ctx.timetable.sessions if member.id in s.staff),
            key=lambda s: (s.date, s.start, s.id),
        )
        row += 2
        ws.row_breaks.append(Break(id=row - 1))  # each person's list on a page of its own
        heading = ctx.t("staff_person_heading", name=member.label, role=ctx.role(member.role))
        cell = ws.cell(row=row, column=1, value=heading)
        cell.font = text_font(11, bold=True, color=TITLE_INK)
        ws.row_dimensions[row].height = 20
        row += 1
        write_header_row(ws, row, columns)
        ws.cell(row=row, column=len(columns)).alignment = Alignment(
            horizontal="right", vertical="center"
        )
        for session in sessions:
            row += 1
            counted = hours.counts(session)
            write_data_row(
                ws,
                row,
                [
                    ctx.day_heading(session.date),
                    ctx.times(own_part(session, member.id)),
                    ctx.title(session),
                    ctx.kind(session),
                    ctx.room_name(session),
                    ctx.participant_list(session.participants),
                    hours_value(session.minutes_of(member.id)) if counted else ctx.t("not_counted"),
                ],
            )
            if not counted:
                for col in range(1, len(columns) + 1):
                    ws.cell(row=row, column=col).font = text_font(9.5, italic=True, color=MUTED)
                ws.cell(row=row, column=len(columns)).alignment = Alignment(
                    horizontal="right", vertical="top"
                )
        row += 1
        write_data_row(
            ws,
            row,
            ["", "", "", "", "", ctx.t("col_total"), hours_value(hours.total(member.id))],
            bold=True,
        )
    set_widths(ws, [22, 30, 38, 17, 15, 15, 13, 13, 13, 13, 13][: max(last_col, 7)])
    for col in range(4, last_col + 1):
        ws.cell(row=header_row, column=col).alignment = Alignment(
            horizontal="right", vertical="center", wrap_text=True
        )
    ws.freeze_panes = "A4"
    print_setup(ws, ctx)
