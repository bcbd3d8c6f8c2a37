"""A re-plan's changes: each changed session, before and after, and whom to tell."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from models.base import text_in
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    text_height,
    write_data_row,
    write_header_row,
    write_title,
)
from scheduler.words import change_kinds, notify_text, place_text

WIDTHS = [34, 24, 34, 34, 34]


def changes_sheet(ws: Worksheet, ctx: SheetContext) -> None:
    columns = [
        ctx.t("col_session"),
        ctx.t("col_change"),
        ctx.t("col_before"),
        ctx.t("col_after"),
        ctx.t("col_notify"),
    ]
    write_title(ws, 1, ctx.t("changes_title"), len(columns))
    row = 3
    write_header_row(ws, row, columns)
    for change in ctx.timetable.changes:
        row += 1
        title = text_in(change.titles, ctx.lang) if change.titles else change.title
        before, after = (
            place_text(place, ctx.staff, ctx.rooms, ctx.lang)
            for place in (change.before_place, change.after_place)
        )
        values = [
            title,
            change_kinds(change.change, ctx.lang),
            before if change.before_place or not change.before else change.before,
            after if change.after_place or not change.after else change.after,
            notify_text(
                (p if p in ctx.staff else ctx.participant(p) for p in change.notify),
                ctx.staff,
                ctx.lang,
            ),
        ]
        write_data_row(ws, row, values)
        # Places and names wrap: LibreOffice keeps the height a file gives, so say it.
        ws.row_dimensions[row].height = max(
            text_height([value], width) for value, width in zip(values, WIDTHS, strict=True)
        )
    set_widths(ws, WIDTHS)
    ws.freeze_panes = "A4"
    print_setup(ws, ctx, title_rows="3:3")
