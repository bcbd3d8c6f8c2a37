"""The session list ("Ohjelmarivit" / "Sessions"): a row per session, the sheet a course manager
edits, and the hidden sheet that holds the rest of the timetable, so that the workbook alone is
a complete timetable `kurssi check`, `resolve` and `export` read back.

The layout (columns, the hidden sheet's cells) is `scheduler/io/timetable_workbook.py`'s, which
reads it; the week grid stays the view, the list is the thing one edits.
"""

from __future__ import annotations

from datetime import time

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind
from models.timetable import Session
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import CLOCK_FORMAT, MUTED
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    solid_fill,
    text_font,
    text_height,
    write_data_row,
    write_header_row,
    write_note,
    write_title,
)
from scheduler.io.timetable_workbook import (
    CHOICE_COLUMNS,
    DATA_FIRST_CHUNK,
    DATA_MARKER,
    DATA_ROW_COUNT,
    DATA_ROW_FINGERPRINT,
    DATA_ROW_LANGUAGE,
    DATA_ROW_MARKER,
    DATA_ROW_SHEET,
    DATA_SHEET,
    LIST_COLUMNS,
    LIST_HEADER_ROW,
    heading,
    json_chunks,
    json_fingerprint,
    room_names,
    staff_names,
)

WIDTHS = {
    "date": 15,
    "start": 7.5,
    "end": 7.5,
    "title": 40,
    "kind": 16,
    "small_group": 10,
    "staff": 30,
    "room": 16,
    "participants": 13,
    "locked": 9,
    "id": 20,
}
ROOM_TO_ADD = 200  # rows below the list that still offer the drop-downs
NOTE_POINTS = 40.0


def session_list_sheet(ws: Worksheet, ctx: SheetContext) -> None:
    """A row per session: date, times, title, kind, half, staff, room, participants, lock, id."""
    timetable = ctx.timetable
    columns = {key: index for index, key in enumerate(LIST_COLUMNS, start=1)}
    write_title(ws, 1, ctx.t("sessions_title", course=timetable.course.title), len(columns))
    write_note(ws, 2, ctx.t("sessions_note"), len(columns), height=NOTE_POINTS)
    write_header_row(ws, LIST_HEADER_ROW, [heading(key, ctx.lang) for key in LIST_COLUMNS])
    staff, rooms = staff_names(timetable), room_names(timetable)
    row = LIST_HEADER_ROW
    for session in timetable.sessions:
        row += 1
        values = {
            "date": session.date,
            "start": _clock(session.start),
            "end": _clock(session.end),
            "title": ctx.title(session),
            "kind": ctx.kind(session),
            "small_group": session.small_group or "",
            "staff": ", ".join(staff.get(s, s) for s in session.staff),
            "room": rooms.get(session.room, session.room) if session.room else "",
            "participants": _participants(ctx, session),
            "locked": ctx.t("yes" if session.locked else "no"),
            "id": session.id,
        }
        cells = [values[key] if values[key] != "" else None for key in LIST_COLUMNS]
        write_data_row(ws, row, cells, number_format="General")
        for key, column in columns.items():
            cell = ws.cell(row=row, column=column)
            _as_text(cell)
            if key == "date":
                cell.number_format = ctx.t("date_cell_format")
                cell.alignment = Alignment(horizontal="left", vertical="top")
            elif key in ("start", "end"):
                cell.number_format = CLOCK_FORMAT
                cell.alignment = Alignment(horizontal="center", vertical="top")
            elif key in ("small_group", "locked"):
                cell.alignment = Alignment(horizontal="center", vertical="top")
        ws.cell(row=row, column=columns["title"]).fill = solid_fill(
            ctx.category_fill(ctx.category(session))
        )
        ws.cell(row=row, column=columns["id"]).font = text_font(8.5, color=MUTED)
        ws.row_dimensions[row].height = max(
            text_height([str(values[key])], WIDTHS[key]) for key in ("title", "staff")
        )
    _drop_downs(ws, ctx, columns, row + ROOM_TO_ADD)
    set_widths(ws, [WIDTHS[key] for key in LIST_COLUMNS])
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A{LIST_HEADER_ROW}:{last}{max(row, LIST_HEADER_ROW + 1)}"
    ws.freeze_panes = f"A{LIST_HEADER_ROW + 1}"
    print_setup(ws, ctx, title_rows=f"{LIST_HEADER_ROW}:{LIST_HEADER_ROW}")


def timetable_data_sheet(ws: Worksheet, ctx: SheetContext, list_sheet: str) -> None:
    """The hidden, protected sheet: the whole timetable as JSON (what the list does not show:
    the course, the standard, session ids, the solver's facts) and the drop-downs' choices.

    Pseudonymous unless the workbook shows participants' names: the JSON is no back door."""
    timetable = ctx.timetable if ctx.participant_names else ctx.timetable.pseudonymous()
    text = timetable.model_dump_json()
    chunks = json_chunks(text)
    head = {
        DATA_ROW_MARKER: DATA_MARKER,
        DATA_ROW_SHEET: list_sheet,
        DATA_ROW_LANGUAGE: ctx.lang,
        DATA_ROW_COUNT: len(chunks),
        DATA_ROW_FINGERPRINT: json_fingerprint(text),
    }
    for row, value in head.items():
        _as_text(ws.cell(row=row, column=1, value=value))
    for row, chunk in enumerate(chunks, start=DATA_FIRST_CHUNK):
        _as_text(ws.cell(row=row, column=1, value=chunk))
    for key, choices in _choices(ctx).items():
        for row, choice in enumerate(choices, start=1):
            _as_text(ws.cell(row=row, column=CHOICE_COLUMNS[key], value=choice))
    ws.sheet_state = "veryHidden"
    ws.protection.sheet = True


def _choices(ctx: SheetContext) -> dict[str, list[str]]:
    timetable = ctx.timetable
    return {
        "staff": list(staff_names(timetable).values()),
        "room": list(room_names(timetable).values()),
        "yes_no": [ctx.t("yes"), ctx.t("no")],
        "kind": [ctx.t(f"kind_{kind.value}") for kind in SessionKind],
        "small_group": ["A", "B"],
    }


def _drop_downs(ws: Worksheet, ctx: SheetContext, columns: dict[str, int], last_row: int) -> None:
    """Lists to pick from; they never refuse a value (several staff go in one cell, comma
    separated): the reader names any cell it cannot read."""
    count = {key: len(choices) for key, choices in _choices(ctx).items()}
    for key, choice in (
        ("staff", "staff"),
        ("room", "room"),
        ("locked", "yes_no"),
        ("kind", "kind"),
        ("small_group", "small_group"),
    ):
        if not count[choice]:
            continue
        source = get_column_letter(CHOICE_COLUMNS[choice])
        validation = DataValidation(
            type="list",
            formula1=f"'{DATA_SHEET}'!${source}$1:${source}${count[choice]}",
            allow_blank=True,
            showErrorMessage=False,
        )
        ws.add_data_validation(validation)
        column = get_column_letter(columns[key])
        validation.add(f"{column}{LIST_HEADER_ROW + 1}:{column}{last_row}")


def _clock(minutes: int) -> time | str:
    """A clock time as a spreadsheet time (24:00, the end of a day, as text)."""
    return time(minutes // 60, minutes % 60) if minutes < 24 * 60 else "24:00"


def _participants(ctx: SheetContext, session: Session) -> str:
    """Individual meetings name their participants; the group's sessions leave it to the
    hidden timetable (an entry there would replace who takes part)."""
    if session.kind != SessionKind.INDIVIDUAL:
        return ""
    return ", ".join(ctx.participant(p) for p in session.participants)


def _as_text(cell: Cell) -> None:
    """Text stays text: a name or title that starts with '=' is never a formula."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
