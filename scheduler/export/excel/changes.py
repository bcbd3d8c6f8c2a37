"""A re-plan's changes: each changed session, before and after, and whom to tell."""

from __future__ import annotations

from openpyxl.worksheet.worksheet import Worksheet

from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    write_data_row,
    write_header_row,
    write_title,
)


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
        notify = ", ".join(
            ctx.staff_name(p) if p in ctx.staff else ctx.participant(p) for p in change.notify
        )
        write_data_row(
            ws, row, [change.title, change.change, change.before or "", change.after or "", notify]
        )
    set_widths(ws, [34, 30, 26, 26, 34])
    ws.freeze_panes = "A4"
    print_setup(ws, ctx, title_rows="3:3")
