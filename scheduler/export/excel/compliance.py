"""The compliance report: every rule with its verdict and reasons."""

from __future__ import annotations

from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

from models.rules import rule_title
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import (
    FAIL_FILL,
    NA_FILL,
    PASS_FILL,
    REASON_WIDTH,
)
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    solid_fill,
    text_font,
    text_height,
    write_data_row,
    write_header_row,
    write_title,
)


def compliance_sheet(ws: Worksheet, ctx: SheetContext, report: Any) -> None:
    columns = [
        ctx.t("col_rule"),
        ctx.t("col_rule_title"),
        ctx.t("col_status"),
        ctx.t("col_reason"),
    ]
    last_col = len(columns)
    write_title(ws, 1, ctx.t("compliance_title"), last_col)
    failed = [r for r in report.results if r.status == "fail"]
    summary = (
        ctx.t("compliance_summary_fail", count=len(failed))
        if failed
        else ctx.t("compliance_summary_pass")
    )
    cell = ws.cell(row=2, column=1, value=summary)
    cell.font = text_font(10.5, bold=True, color="9B1C1C" if failed else "1E6B34")
    row = 4
    write_header_row(ws, row, columns)
    header_row = row
    fills = {"pass": PASS_FILL, "fail": FAIL_FILL}
    for result in report.results:
        row += 1
        reasons = result.reasons_in(ctx.lang)
        title = rule_title(result.rule, ctx.lang)
        title = title[:1].upper() + title[1:]
        write_data_row(
            ws, row, [result.rule, title, ctx.t(f"status_{result.status}"), "\n".join(reasons)]
        )
        ws.row_dimensions[row].height = text_height(reasons, REASON_WIDTH)
        status = ws.cell(row=row, column=3)
        status.fill = solid_fill(fills.get(result.status, NA_FILL))
        status.font = text_font(9.5, bold=True)
    set_widths(ws, [8, 34, 12, REASON_WIDTH])
    ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
    print_setup(ws, ctx, title_rows=f"{header_row}:{header_row}")
