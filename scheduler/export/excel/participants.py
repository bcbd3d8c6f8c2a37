"""A sheet per participant: their own week, the written individual plan of §6.2."""

from __future__ import annotations

from datetime import date

from openpyxl.styles import Alignment, Border
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind, TimeWindow, format_clock
from models.timetable import Session
from scheduler.domain.people import away_during
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import (
    AWAY_FILL,
    AWAY_INK,
    FRAME,
    MUTED,
    TITLE_INK,
)
from scheduler.export.excel.style import (
    line_side,
    print_setup,
    set_widths,
    solid_fill,
    text_font,
    write_data_row,
    write_header_row,
    write_note,
    write_title,
)


def participant_sheet(ws: Worksheet, ctx: SheetContext, participant_id: str) -> None:
    """The participant's own week: their sessions day by day, their known absences among them
    and, beside each group session they miss, that they are away then."""
    sessions = sorted(
        (s for s in ctx.timetable.sessions if participant_id in s.participants),
        key=lambda s: (s.date, s.start, s.small_group or "", s.id),
    )
    person = ctx.participants.get(participant_id)
    away: dict[date, tuple[TimeWindow, ...]] = dict(person.unavailable) if person else {}
    columns = [
        ctx.t("col_time"),
        ctx.t("col_session"),
        ctx.t("col_theme"),
        ctx.t("col_responsible"),
        ctx.t("col_room"),
    ]
    if away:
        columns.append(ctx.t("col_note"))
    last_col = len(columns)
    write_title(ws, 1, ctx.t("plan_title", participant=ctx.participant(participant_id)), last_col)
    sub = ws.cell(
        row=2,
        column=1,
        value=ctx.t("plan_subtitle", course=ctx.timetable.course.title, dates=ctx.dates()),
    )
    sub.font = text_font(10, color=MUTED)
    write_note(ws, 3, ctx.t("plan_intro"), last_col, height=16)
    row = 4
    write_header_row(ws, row, columns)
    header_row = row
    # The week's items in time order: sessions, and absences (a window, no session).
    items: list[tuple[date, int, int, Session | TimeWindow]] = [
        (s.date, s.start, 0, s) for s in sessions
    ]
    items += [(day, w.start, -1, w) for day, windows in away.items() for w in windows]
    items.sort(key=lambda item: item[:3])
    current: date | None = None
    for day, _, _, item in items:
        if day != current:
            current = day
            row += 1
            number = ctx.timetable.day_number(current)
            text = ctx.day_heading(current, short=False)
            if number:
                text = f"{text} · {ctx.t('course_day', number=number)}"
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
            cell = ws.cell(row=row, column=1, value=text)
            cell.font = text_font(10.5, bold=True, color=TITLE_INK)
            cell.fill = solid_fill("F5F7FA")
            cell.alignment = Alignment(vertical="center")
            for col in range(1, last_col + 1):
                ws.cell(row=row, column=col).border = Border(top=line_side(FRAME))
            ws.row_dimensions[row].height = 19
        row += 1
        if isinstance(item, TimeWindow):
            values = [
                ctx.t("time_range", start=format_clock(item.start), end=format_clock(item.end))
            ]
            values += [ctx.t("plan_absence"), "", "", "", ""]
            write_data_row(ws, row, values[:last_col], bold=True, fill=AWAY_FILL)
            continue
        session = item
        title = ctx.title(session)
        if session.kind == SessionKind.SMALL_GROUP and session.small_group:
            title = f"{title} ({ctx.t('small_group_half', half=session.small_group)})"
        individual = session.kind == SessionKind.INDIVIDUAL
        missed = away_during(person, session)
        values = [
            ctx.times(session),
            title,
            ctx.session_theme(session),
            ctx.staff_names(session),
            ctx.room_name(session),
        ]
        if away:
            spans = ", ".join(
                ctx.t("time_range", start=format_clock(w.start), end=format_clock(w.end))
                for w in missed
            )
            values.append(ctx.t("plan_missed", time=spans) if missed else "")
        write_data_row(
            ws,
            row,
            values,
            bold=individual,
            fill="EAF1F8" if individual else None,
        )
        if session.kind in (SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER):
            for col in range(1, last_col + 1):
                ws.cell(row=row, column=col).font = text_font(9.5, italic=True, color=MUTED)
        if missed:
            for col in range(1, last_col + 1):
                cell = ws.cell(row=row, column=col)
                cell.font = text_font(9.5, italic=True, color=MUTED)
            ws.cell(row=row, column=last_col).font = text_font(9.5, bold=True, color=AWAY_INK)

    # Room to write the goals agreed with the participant.
    row += 2
    goals = ws.cell(row=row, column=1, value=ctx.t("plan_goals"))
    goals.font = text_font(11, bold=True, color=TITLE_INK)
    for number in (1, 2, 3):
        row += 1
        ws.row_dimensions[row].height = 24
        cell = ws.cell(row=row, column=1, value=ctx.t("plan_goal_line", number=number))
        cell.font = text_font(9.5, color=MUTED)
        cell.alignment = Alignment(vertical="bottom")
        for col in range(1, last_col + 1):
            ws.cell(row=row, column=col).border = Border(bottom=line_side(FRAME))
    set_widths(ws, [13, 42, 40, 30, 18, 30][:last_col])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    print_setup(ws, ctx, title_rows=f"{header_row}:{header_row}")
    ws.page_setup.fitToHeight = 1  # the plan is one sheet of paper in the participant's hand
