"""A re-plan's changes: when it was made and with what notice, the versions it comes from, and
each changed session before and after, whom to tell and whether the change was forced."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from models.base import format_clock, format_duration, text_in
from scheduler.explain.replan import change_kinds, change_note, describe_placement, told
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    text_font,
    write_data_row,
    write_header_row,
    write_note,
    write_title,
)
from scheduler.words import short_date

# Column widths (characters): session, change, before, after, tell, note.
WIDTHS = (26.0, 16.0, 36.0, 36.0, 24.0, 18.0)


def wrapped_lines(text: str, width: float) -> int:
    """The lines a text takes wrapped at word boundaries in a column `width` characters wide
    (9.5-point text: a little more than the width fits; counted on the safe side)."""
    capacity = max(int(width * 1.1), 1)
    lines = 0
    for paragraph in text.split("\n"):
        used = 0
        lines += 1
        for word in paragraph.split():
            needed = len(word) if used == 0 else used + 1 + len(word)
            if needed > capacity and used:
                lines += 1 + (len(word) - 1) // capacity
                used = len(word) % capacity or capacity
            else:
                used = needed
    return max(lines, 1)


def row_height(texts: list[str], width: float, size: float = 9.5) -> float:
    """Points for the tallest wrapped text: a row shorter than its text prints over the next."""
    line = size * 1.35
    return max(15.0, max(wrapped_lines(t, width) for t in texts) * line + 4)


def changes_sheet(ws: Worksheet, ctx: SheetContext) -> None:
    timetable = ctx.timetable
    columns = [
        ctx.t("col_session"),
        ctx.t("col_change"),
        ctx.t("col_before"),
        ctx.t("col_after"),
        ctx.t("col_notify"),
        ctx.t("col_note"),
    ]
    write_title(ws, 1, ctx.t("changes_title"), len(columns))
    replan = timetable.replan
    row = 2
    if replan is not None and replan.now is not None:
        minute = replan.now.hour * 60 + replan.now.minute
        when = ctx.t(
            "placement", day=short_date(replan.now.date(), ctx.lang), time=format_clock(minute)
        )
        summary = ctx.t(
            "changes_made",
            when=when,
            notice=format_duration(replan.notice_minutes) if replan.notice_minutes else "0 min",
            count=len(timetable.changes),
        )
        write_note(ws, row, summary, len(columns), height=16)
        row += 1
    if timetable.versions:
        versions = " → ".join(timetable.versions)
        text = f"{ctx.t('changes_versions', versions=versions)}. {ctx.t('changes_earlier')}"
        write_note(ws, row, text, len(columns), height=row_height([text], sum(WIDTHS), 9))
        row += 1
    row += 1
    header = row
    write_header_row(ws, row, columns)
    if not timetable.changes:
        row += 1
        cell = ws.cell(row=row, column=1, value=ctx.t("changes_none"))
        cell.font = text_font(9.5)
    for change in timetable.changes:
        row += 1
        # In words from the facts; a change list of an older file has only its own text.
        before = (
            describe_placement(timetable.staff, timetable.rooms, change.was, ctx.lang)
            if change.was
            else change.before or ""
        )
        after = (
            describe_placement(timetable.staff, timetable.rooms, change.becomes, ctx.lang)
            if change.becomes
            else change.after or ""
        )
        title = text_in(change.titles, ctx.lang) if change.titles else change.title
        values = [
            title,
            change_kinds(change, ctx.lang),
            before,
            after,
            told(timetable.staff, change, ctx.lang),
            change_note(change, ctx.lang),
        ]
        write_data_row(ws, row, values)
        # Rows tall enough for the wrapped text of their fullest cell: LibreOffice and Excel
        # print the height the file gives, and text taller than its row prints over the next.
        ws.row_dimensions[row].height = max(
            row_height([str(value)], width) for value, width in zip(values, WIDTHS, strict=True)
        )
        if change.forced and change.within_notice:
            ws.cell(row=row, column=len(columns)).font = text_font(9.5, bold=True)
    set_widths(ws, WIDTHS)
    for col in range(1, len(columns) + 1):
        ws.cell(row=header, column=col).alignment = Alignment(vertical="center", wrap_text=True)
    ws.freeze_panes = ws.cell(row=header + 1, column=1)
    print_setup(ws, ctx, title_rows=f"{header}:{header}")
