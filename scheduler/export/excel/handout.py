"""The participants' week: one A4 page to hand out. The group's own programme (whole group and
small groups), lunch and transfers by day and time, big enough to read on paper; individual
meetings only as one line pointing to each participant's own plan, and no staff meetings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.styles import Alignment, Border
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind, format_clock
from models.timetable import Session
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import FRAME, HEAD_FILL, MUTED, RULE
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

# The group's own programme and what frames it; individual meetings and staff meetings are not
# on the hand-out.
SHOWN_KINDS = frozenset(
    {
        SessionKind.GROUP,
        SessionKind.SMALL_GROUP,
        SessionKind.MEAL,
        SessionKind.BREAK,
        SessionKind.TRANSFER,
    }
)
ROW_POINTS = 13.0  # a 15-minute row: a one-hour block holds four lines of 9-point text
DAY_WIDTH = 27.0  # five days and the clock fit A4 landscape at 100 %
TIME_WIDTH = 6.0
BODY_POINTS = 9.0  # the least text size on the page (≥ 8 pt printed at 100 %)
HEADER_ROWS = 3  # title, subtitle, day names


@dataclass(frozen=True)
class Block:
    """One block of a day: the sessions it shows (small-group halves side by side are one)."""

    day: date
    start: int
    end: int
    sessions: tuple[Session, ...]


def day_blocks(sessions: list[Session], day: date) -> list[Block]:
    """The day's shown sessions in time order, overlapping ones (small-group halves) joined."""
    todays = sorted(
        (s for s in sessions if s.date == day and s.kind in SHOWN_KINDS and s.participants),
        key=lambda s: (s.start, s.small_group or "", s.id),
    )
    blocks: list[Block] = []
    for session in todays:
        if blocks and session.start < blocks[-1].end:
            last = blocks[-1]
            blocks[-1] = Block(
                day, last.start, max(last.end, session.end), (*last.sessions, session)
            )
        else:
            blocks.append(Block(day, session.start, session.end, (session,)))
    return blocks


def _block_text(ctx: SheetContext, block: Block) -> CellRichText:
    first = block.sessions[0]
    when = ctx.t("time_range", start=format_clock(block.start), end=format_clock(block.end))
    quiet = first.kind in (SessionKind.MEAL, SessionKind.BREAK, SessionKind.TRANSFER)
    if quiet:
        return CellRichText(
            [TextBlock(inline_font(BODY_POINTS, italic=True), f"{when} {ctx.title(first)}")]
        )
    parts = [
        TextBlock(inline_font(BODY_POINTS, color=MUTED), f"{when} "),
        TextBlock(inline_font(BODY_POINTS + 0.5, bold=True), _titles(ctx, block)),
    ]
    for session in block.sessions:
        if session.kind == SessionKind.SMALL_GROUP and session.small_group:
            members = ctx.participant_list(session.participants)
            text = f"{session.small_group} ({members}): {ctx.room_name(session)}"
        else:
            text = " · ".join(w for w in (ctx.staff_names(session), ctx.room_name(session)) if w)
        if text:
            parts.append(TextBlock(inline_font(BODY_POINTS, color=MUTED), "\n" + text))
    return CellRichText(parts)


def _titles(ctx: SheetContext, block: Block) -> str:
    return " / ".join(dict.fromkeys(ctx.title(s) for s in block.sessions))


def handout_sheet(ws: Worksheet, ctx: SheetContext) -> None:
    timetable = ctx.timetable
    days = timetable.days
    slot = 15
    sessions = [s for s in timetable.sessions if s.kind in SHOWN_KINDS and s.participants]
    window = timetable.course.day_window
    first = min([window.start, *(s.start for s in sessions)]) // slot * slot
    last = max([window.end, *(s.end for s in sessions)])
    rows = -(-(last - first) // slot)
    last_col = 1 + len(days)
    top = HEADER_ROWS + 1

    course = timetable.course
    write_title(ws, 1, ctx.t("handout_title", course=course.title), last_col, size=14)
    form = ctx.t(f"form_{course.form.value}")
    subtitle = ws.cell(row=2, column=1, value=ctx.t("week_subtitle", dates=ctx.dates(), form=form))
    subtitle.font = text_font(BODY_POINTS + 1, color=MUTED)
    ws.row_dimensions[2].height = 16

    ws.cell(row=3, column=1, value=ctx.t("time")).font = text_font(BODY_POINTS, bold=True)
    for index, day in enumerate(days):
        cell = ws.cell(row=3, column=2 + index, value=ctx.day_heading(day))
        cell.font = text_font(11, bold=True)
    for col in range(1, last_col + 1):
        cell = ws.cell(row=3, column=col)
        cell.fill = solid_fill(HEAD_FILL)
        cell.alignment = Alignment(horizontal="center", vertical="center")
        cell.border = Border(
            left=line_side(FRAME), top=line_side(FRAME), bottom=line_side(FRAME), right=None
        )
    ws.row_dimensions[3].height = 20

    for index in range(rows):
        row = top + index
        minutes = first + index * slot
        ws.row_dimensions[row].height = ROW_POINTS
        if minutes % 60 == 0:
            clock = ws.cell(row=row, column=1, value=format_clock(minutes))
            clock.font = text_font(BODY_POINTS, bold=True)
            clock.alignment = Alignment(horizontal="right", vertical="top")
        hour_ends = (minutes + slot) % 60 == 0
        for col in range(1, last_col + 1):
            ws.cell(row=row, column=col).border = Border(
                left=line_side(FRAME),
                right=line_side(FRAME) if col == last_col else None,
                bottom=line_side(RULE) if hour_ends else None,
            )

    for index, day in enumerate(days):
        col = 2 + index
        for block in day_blocks(sessions, day):
            row0 = top + (block.start - first) // slot
            row1 = top + -(-(block.end - first) // slot) - 1
            if row1 > row0:
                ws.merge_cells(start_row=row0, start_column=col, end_row=row1, end_column=col)
            cell = ws.cell(row=row0, column=col, value=_block_text(ctx, block))
            quiet = block.sessions[0].kind in (
                SessionKind.MEAL,
                SessionKind.BREAK,
                SessionKind.TRANSFER,
            )
            cell.alignment = Alignment(
                wrap_text=True,
                vertical="center" if quiet else "top",
                horizontal="center" if quiet else "left",
                indent=0 if quiet else 1,
            )
            colour = ctx.category_fill(ctx.category(block.sessions[0]))
            edge = line_side("B8BEC6", "dotted") if quiet else line_side(darker(colour))
            for row in range(row0, row1 + 1):
                target = ws.cell(row=row, column=col)
                target.fill = solid_fill(colour)
                target.border = Border(
                    left=line_side(FRAME),
                    right=edge,
                    top=edge if row == row0 else None,
                    bottom=edge if row == row1 else None,
                )

    last_row = top + rows - 1
    for col in range(1, last_col + 1):
        cell = ws.cell(row=last_row, column=col)
        old = cell.border
        cell.border = Border(left=old.left, right=old.right, top=old.top, bottom=line_side(FRAME))
    note_row = last_row + 1
    ws.row_dimensions[note_row].height = 20
    note = ws.cell(row=note_row, column=2, value=ctx.t("handout_individual"))
    note.font = text_font(BODY_POINTS + 1, bold=True)
    note.alignment = Alignment(vertical="bottom")
    ws.merge_cells(start_row=note_row, start_column=2, end_row=note_row, end_column=last_col)

    set_widths(ws, [TIME_WIDTH] + [DAY_WIDTH] * len(days))
    print_setup(ws, ctx)
    ws.page_setup.fitToHeight = 1  # one sheet of paper
    ws.print_area = f"A1:{get_column_letter(last_col)}{note_row}"
