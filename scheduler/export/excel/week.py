"""The week at a glance: days as columns, time as rows, one coloured block per session."""

from __future__ import annotations

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.styles import Alignment, Border, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind, format_clock
from models.timetable import Session
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.layout import GROUP_LANES, WeekLayout
from scheduler.export.excel.palette import (
    CATEGORY_FILLS,
    CHANGED_EDGE,
    FRAME,
    GROUP_LANE_WIDTH,
    HEAD_FILL,
    INDIVIDUAL_EDGE,
    MUTED,
    RULE,
    SIDE_LANE_WIDTH,
    SLOT_ROW_POINTS,
    TIME_WIDTH,
    WEEK_HEADER_ROWS,
)
from scheduler.export.excel.style import (
    darker,
    inline_font,
    line_side,
    print_setup,
    set_widths,
    solid_fill,
    text_font,
    write_title,
)


def block_text(ctx: SheetContext, session: Session) -> CellRichText | str:
    title = ctx.title(session)
    small = inline_font(8)
    muted = inline_font(8, color=MUTED)
    if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
        return CellRichText([TextBlock(inline_font(8.5, italic=True, color=MUTED), title)])
    if session.kind == SessionKind.TRANSFER:
        parts = [TextBlock(inline_font(8, italic=True, color=MUTED), title)]
        if session.staff:
            parts.append(TextBlock(muted, "\n" + ctx.staff_names(session)))
        return CellRichText(parts)
    lines: list[TextBlock] = []
    if session.kind == SessionKind.INDIVIDUAL:
        who = ctx.participant_list(session.participants)
        lines.append(TextBlock(inline_font(8.5, bold=True), who))
        lines.append(TextBlock(small, " " + title))
    else:
        lines.append(TextBlock(inline_font(8.5, bold=True), title))
    if session.kind == SessionKind.SMALL_GROUP:
        members = ctx.t(
            "small_group_members",
            half=session.small_group or "",
            members=ctx.participant_list(session.participants),
        )
        lines.append(TextBlock(small, "\n" + members))
    if session.staff:
        lines.append(TextBlock(small, "\n" + staff_text(ctx, session)))
    room = ctx.room_name(session)
    if room:
        lines.append(TextBlock(muted, "\n" + room))
    return CellRichText(lines)


def staff_text(ctx: SheetContext, session: Session) -> str:
    """Who leads it; for a session whose staff changed while it was under way, who handed over
    to whom and when: 'Mikko Virtanen → Eeva Sijainen 10:30'."""
    if not session.parts:
        return ctx.staff_names(session)
    parts = [", ".join(ctx.staff_name(s) for s in p.staff) or "–" for p in session.parts]
    text = parts[0]
    for part, names in zip(session.parts[1:], parts[1:], strict=True):
        text += f" → {names} {format_clock(part.start)}"
    return text


def style_range(
    ws: Worksheet,
    rows: tuple[int, int],
    cols: tuple[int, int],
    fill: PatternFill | None,
    edge: Side,
    day_edge: int | None,
) -> None:
    """Fills a block and draws its frame; keeps the day separator on the day's first column."""
    for row in range(rows[0], rows[1] + 1):
        for col in range(cols[0], cols[1] + 1):
            cell = ws.cell(row=row, column=col)
            if fill is not None:
                cell.fill = fill
            left = edge if col == cols[0] else None
            if col == day_edge:
                left = line_side(FRAME, "medium")
            cell.border = Border(
                left=left,
                right=edge if col == cols[1] else None,
                top=edge if row == rows[0] else None,
                bottom=edge if row == rows[1] else None,
            )


def week_sheet(ws: Worksheet, ctx: SheetContext, layout: WeekLayout) -> None:
    first_col: list[int] = []
    col = 2
    for lanes in layout.lanes:
        first_col.append(col)
        col += lanes
    last_col = col - 1
    top = WEEK_HEADER_ROWS + 1  # first slot row

    course = ctx.timetable.course
    write_title(ws, 1, ctx.t("week_title", course=course.title), last_col)
    form = ctx.t(f"form_{course.form.value}")
    subtitle = ws.cell(row=2, column=1, value=ctx.t("week_subtitle", dates=ctx.dates(), form=form))
    subtitle.font = text_font(10, color=MUTED)
    ws.row_dimensions[2].height = 16

    # Day names over each day's lanes, then the lanes' own names.
    ws.cell(row=3, column=1, value=ctx.t("time"))
    ws.merge_cells(start_row=3, start_column=1, end_row=4, end_column=1)
    for day_index, day in enumerate(layout.days):
        start, lanes = first_col[day_index], layout.lanes[day_index]
        ws.merge_cells(start_row=3, start_column=start, end_row=3, end_column=start + lanes - 1)
        ws.cell(row=3, column=start, value=ctx.day_heading(day))
        ws.merge_cells(start_row=4, start_column=start, end_row=4, end_column=start + 1)
        ws.cell(row=4, column=start, value=ctx.t("lane_group"))
        if lanes > GROUP_LANES:
            ws.merge_cells(
                start_row=4,
                start_column=start + GROUP_LANES,
                end_row=4,
                end_column=start + lanes - 1,
            )
            side = {
                p.session.kind
                for p in layout.placements
                if p.day == day_index and p.lane >= GROUP_LANES
            }
            name = "lane_side" if side <= {SessionKind.INDIVIDUAL} else "lane_side_meetings"
            ws.cell(row=4, column=start + GROUP_LANES, value=ctx.t(name))
    day_starts = set(first_col)
    for row in (3, 4):
        for col in range(1, last_col + 1):
            cell = ws.cell(row=row, column=col)
            cell.fill = solid_fill(HEAD_FILL if row == 3 else "F5F7FA")
            cell.font = text_font(11, bold=True) if row == 3 else text_font(8, color=MUTED)
            cell.alignment = Alignment(horizontal="center", vertical="center")
            cell.border = Border(
                left=line_side(FRAME, "medium") if col in day_starts else None,
                top=line_side(FRAME) if row == 3 else None,
                bottom=line_side(FRAME),
            )
    ws.cell(row=3, column=1).font = text_font(9, bold=True, color=MUTED)
    ws.row_dimensions[3].height = 21
    ws.row_dimensions[4].height = 13

    # The clock and the empty grid: a line on every full hour, a faint one on the half hour.
    per_hour = max(60 // layout.slot, 1)
    row_points = SLOT_ROW_POINTS * layout.slot / 15
    for index in range(layout.rows):
        row = top + index
        minutes = layout.row_start(index)
        ws.row_dimensions[row].height = row_points
        full_hour = minutes % 60 == 0
        clock = ws.cell(row=row, column=1, value=format_clock(minutes))
        clock.font = text_font(9, bold=True) if full_hour else text_font(7.5, color=MUTED)
        clock.alignment = Alignment(horizontal="right", vertical="top")
        ends_hour = (minutes + layout.slot) % 60 == 0
        ends_half = (minutes + layout.slot) % 30 == 0 and per_hour > 1
        bottom = (
            line_side(RULE) if ends_hour else line_side("E5E7EB", "hair") if ends_half else None
        )
        for col in range(1, last_col + 1):
            ws.cell(row=row, column=col).border = Border(
                left=line_side(FRAME, "medium") if col in day_starts else None,
                bottom=bottom,
            )

    # One merged block per session; a re-plan's changed sessions framed in CHANGED_EDGE.
    changed = {c.session for c in ctx.timetable.changes if c.becomes is not None}
    for place in layout.placements:
        session = place.session
        row0, row1 = top + place.row, top + place.row + place.rows - 1
        col0 = first_col[place.day] + place.lane
        col1 = col0 + place.lanes - 1
        if (row0, col0) != (row1, col1):
            ws.merge_cells(start_row=row0, start_column=col0, end_row=row1, end_column=col1)
        cell = ws.cell(row=row0, column=col0, value=block_text(ctx, session))
        quiet = session.kind in (SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER)
        cell.alignment = Alignment(
            wrap_text=True,
            vertical="center" if quiet else "top",
            horizontal="center" if quiet else "left",
            indent=0 if quiet else 1,
        )
        category = ctx.category(session)
        colour = ctx.category_fill(category)
        if session.kind == SessionKind.INDIVIDUAL:
            edge = line_side(INDIVIDUAL_EDGE)
        elif quiet:
            edge = line_side("B8BEC6", "dotted")
        else:
            edge = line_side(darker(colour))
        if session.id in changed:
            edge = line_side(CHANGED_EDGE, "thick")
        style_range(ws, (row0, row1), (col0, col1), solid_fill(colour), edge, None)

    # Day separators and the grid's outer frame go over the blocks' own edges.
    last_row = top + layout.rows - 1
    for row in range(top, last_row + 1):
        for col in range(1, last_col + 1):
            cell = ws.cell(row=row, column=col)
            old = cell.border
            cell.border = Border(
                left=line_side(FRAME, "medium") if col in day_starts else old.left,
                right=line_side(FRAME, "medium") if col == last_col else old.right,
                top=old.top,
                bottom=line_side(FRAME, "medium") if row == last_row else old.bottom,
            )

    # The colour key under the grid: each entry in its own colour.
    used: list[str] = []
    for session in sorted(ctx.timetable.sessions, key=lambda s: (s.date, s.start, s.id)):
        category = ctx.category(session)
        if category not in used:
            used.append(category)
    themes = [c for c in used if c.startswith("theme:")]
    themes.sort(key=lambda c: ctx.theme_ids.index(c[6:]) if c[6:] in ctx.theme_ids else 99)
    others = [c for c in CATEGORY_FILLS if c in used]
    row = top + layout.rows + 1
    ws.row_dimensions[row].height = 18
    key_cell = ws.cell(row=row, column=2, value=ctx.t("legend"))
    key_cell.font = text_font(8.5, bold=True, color=MUTED)
    key_cell.alignment = Alignment(vertical="bottom")
    row += 1
    per_row = max((last_col - 1) // 2, 1)
    entries = themes + others + (["changed"] if changed else [])
    for index, category in enumerate(entries):
        r = row + index // per_row
        c = 2 + (index % per_row) * 2
        ws.merge_cells(start_row=r, start_column=c, end_row=r, end_column=c + 1)
        if category == "changed":
            cell = ws.cell(row=r, column=c, value=ctx.t("changed_mark"))
            fill, edge = None, line_side(CHANGED_EDGE, "thick")
        else:
            cell = ws.cell(row=r, column=c, value=ctx.category_name(category))
            colour = ctx.category_fill(category)
            fill = solid_fill(colour)
            edge = (
                line_side(INDIVIDUAL_EDGE)
                if category == "individual"
                else line_side(darker(colour))
            )
        cell.font = text_font(8)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        style_range(ws, (r, r), (c, c + 1), fill, edge, None)
        ws.row_dimensions[r].height = 24

    widths = [TIME_WIDTH]
    for lanes in layout.lanes:
        widths += [GROUP_LANE_WIDTH] * GROUP_LANES + [SIDE_LANE_WIDTH] * (lanes - GROUP_LANES)
    set_widths(ws, widths)
    ws.freeze_panes = ws.cell(row=top, column=2)
    print_setup(ws, ctx, title_rows=f"3:{WEEK_HEADER_ROWS}")
    ws.print_area = f"A1:{get_column_letter(last_col)}{row + (len(entries) - 1) // per_row}"
