"""The hours table of Appendices 1 and 2, as the checker counts them."""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.domain.hours import HoursTable
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import (
    HEAD_FILL,
    PERCENT_FORMAT,
    TITLE_INK,
)
from scheduler.export.excel.style import (
    colour_result_cell,
    hours_value,
    print_setup,
    result_mark,
    set_widths,
    solid_fill,
    text_font,
    write_data_row,
    write_header_row,
    write_note,
    write_section,
    write_title,
)


def hours_sheet(ws: Worksheet, ctx: SheetContext, table: HoursTable) -> None:
    """Appendix 1 lines against the standard's minimums, Appendix 2 shares against their bands
    and each person's hours against their minimum and maximum, as the checker counts them."""
    last_col = 8
    write_title(ws, 1, ctx.t("hours_title"), last_col)
    write_note(ws, 2, ctx.t("hours_note"), last_col, height=26)

    # Appendix 1: what the timetable gives, line by line, beside the standard's minimum.
    row = 4
    write_section(ws, row, ctx.t("hours_lines_heading"))
    row += 1
    write_header_row(
        ws,
        row,
        [ctx.t("col_item"), ctx.t("col_hours"), ctx.t("col_standard_minimum"), ctx.t("col_result")],
    )
    ws.row_dimensions[row].height = 28
    headers, results = [row], {row: 4}
    for line in table.lines:
        row += 1
        minimum = None if line.standard_minutes is None else hours_value(line.standard_minutes)
        within = None if line.standard_minutes is None else line.minutes >= line.standard_minutes
        key = f"hours_line_{line.key}"
        title = ctx.t(key)
        mark = "" if within is None else result_mark(ctx, within)
        fill = HEAD_FILL if line.subtotal else None
        write_data_row(
            ws,
            row,
            [title, hours_value(line.minutes), minimum, mark],
            bold=line.subtotal,
            fill=fill,
        )
        colour_result_cell(ws, row, 4, within)

    # Appendix 2: each staff group's share of the hours given, against the standard's band.
    row += 2
    write_section(ws, row, ctx.t("hours_shares_heading"))
    row += 1
    write_header_row(
        ws,
        row,
        [
            ctx.t("col_staff_group"),
            ctx.t("col_hours"),
            ctx.t("col_share"),
            ctx.t("col_band"),
            ctx.t("col_band_low"),
            ctx.t("col_band_high"),
            ctx.t("col_result"),
        ],
    )
    ws.row_dimensions[row].height = 28
    headers.append(row)
    results[row] = 7
    for group in table.groups:
        row += 1
        low, high = group.whole_band_minutes
        band = ctx.t("band_percent", low=group.band_percent[0], high=group.band_percent[1])
        too_few = group.minutes < low
        write_data_row(
            ws,
            row,
            [
                ctx.t(f"group_{group.group.value}"),
                hours_value(group.minutes),
                round(group.share_percent / 100, 4),
                band,
                hours_value(low),
                hours_value(high),
                result_mark(ctx, group.within, too_few),
            ],
        )
        ws.cell(row=row, column=3).number_format = PERCENT_FORMAT
        ws.cell(row=row, column=4).alignment = Alignment(horizontal="right", vertical="top")
        for col in (5, 6):
            ws.cell(row=row, column=col).number_format = "0.0#"  # a band from 0 h shows 0
        colour_result_cell(ws, row, 7, group.within)
    row += 1
    enough = table.total_minutes >= table.min_total_minutes
    write_data_row(
        ws,
        row,
        [
            ctx.t("all_groups"),
            hours_value(table.total_minutes),
            1.0 if table.total_minutes else 0.0,
            "",
            hours_value(table.min_total_minutes),
            "",
            result_mark(ctx, enough),
        ],
        bold=True,
        fill=HEAD_FILL,
    )
    ws.cell(row=row, column=3).number_format = PERCENT_FORMAT
    colour_result_cell(ws, row, 7, enough)

    # Each person: group and individual hours against their role's minimum and own maximum,
    # under their staff group as Appendix 2 counts them.
    row += 2
    write_section(ws, row, ctx.t("hours_people_heading"))
    row += 1
    write_header_row(
        ws,
        row,
        [
            ctx.t("col_person"),
            ctx.t("col_group_hours"),
            ctx.t("col_individual_hours"),
            ctx.t("col_total"),
            ctx.t("col_share"),
            ctx.t("col_minimum"),
            ctx.t("col_maximum"),
            ctx.t("col_result"),
        ],
    )
    ws.row_dimensions[row].height = 28
    headers.append(row)
    results[row] = 8
    for group in table.groups:
        people = [p for p in table.people if p.group == group.group]
        if not people:
            continue
        row += 1
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
        cell = ws.cell(row=row, column=1, value=ctx.t(f"group_{group.group.value}"))
        cell.font = text_font(9.5, bold=True, color=TITLE_INK)
        cell.fill = solid_fill("F5F7FA")
        ws.row_dimensions[row].height = 17
        for person in people:
            row += 1
            member = ctx.staff.get(person.staff_id)
            role = ctx.role(person.role)
            if member is not None and member.course_lead:
                role = f"{role}, {ctx.t('course_lead')}"
            judged = person.min_minutes is not None or person.max_minutes is not None
            too_few = person.min_minutes is not None and person.minutes < person.min_minutes
            write_data_row(
                ws,
                row,
                [
                    f"{ctx.staff_name(person.staff_id)} ({role})",
                    hours_value(person.group_minutes),
                    hours_value(person.individual_minutes),
                    hours_value(person.minutes),
                    round(person.share_percent / 100, 4),
                    None if person.min_minutes is None else hours_value(person.min_minutes),
                    None if person.max_minutes is None else hours_value(person.max_minutes),
                    result_mark(ctx, person.within, too_few) if judged else "",
                ],
            )
            ws.cell(row=row, column=4).font = text_font(9.5, bold=True)
            ws.cell(row=row, column=5).number_format = PERCENT_FORMAT
            colour_result_cell(ws, row, 8, person.within if judged else None)
    for header in headers:
        for col in range(2, last_col + 1):
            cell = ws.cell(row=header, column=col)
            if cell.value and col != results[header]:
                cell.alignment = Alignment(horizontal="right", vertical="center", wrap_text=True)
    set_widths(ws, [50, 14, 14, 14, 14, 14, 14, 14])
    print_setup(ws, ctx)
    ws.page_setup.fitToHeight = 1  # the whole table on one page
