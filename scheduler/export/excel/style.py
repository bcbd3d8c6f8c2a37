"""The workbook's look: fonts, colours, borders and the small helpers every sheet shares."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from copy import copy
from typing import Any
from weakref import WeakKeyDictionary

from openpyxl.cell.cell import Cell
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.palette import (
    FAIL_FILL,
    FONT,
    FRAME,
    HEAD_FILL,
    HOURS_FORMAT,
    INK,
    MUTED,
    PASS_FILL,
    RULE,
    TITLE_INK,
)


def line_side(color: str = RULE, style: str = "thin") -> Side:
    return Side(style=style, color=color)


def darker(hex_color: str, factor: float = 0.62) -> str:
    red, green, blue = (int(hex_color[i : i + 2], 16) for i in (0, 2, 4))
    return "".join(f"{int(c * factor):02X}" for c in (red, green, blue))


def solid_fill(hex_color: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=hex_color, end_color=hex_color)


def text_font(size: float = 10, bold: bool = False, italic: bool = False, color: str = INK) -> Font:
    return Font(name=FONT, size=size, bold=bold, italic=italic, color=color)


def inline_font(
    size: float, bold: bool = False, italic: bool = False, color: str = INK
) -> InlineFont:
    return InlineFont(rFont=FONT, sz=size, b=bold, i=italic, color=color)


def print_setup(ws: Worksheet, ctx: SheetContext, title_rows: str | None = None) -> None:
    """A4 landscape, one page wide, as many pages tall as it takes, header rows repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4
    ws.page_margins.top = 0.45
    ws.page_margins.bottom = 0.55
    ws.page_margins.header = 0.2
    ws.page_margins.footer = 0.25
    if title_rows:
        ws.print_title_rows = title_rows
    # '&' starts a code in a page footer (&P is the page number): the title's own is doubled.
    title = ctx.timetable.course.title.replace("&", "&&")
    ws.oddFooter.center.text = ctx.t("page_footer", course=title)
    ws.oddFooter.center.size = 8
    ws.oddFooter.center.font = FONT
    ws.sheet_view.showGridLines = False


def write_title(ws: Worksheet, row: int, text: str, last_col: int, size: float = 15) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = text_font(size, bold=True, color=TITLE_INK)
    cell.alignment = Alignment(vertical="center")
    ws.row_dimensions[row].height = size * 1.7


def write_note(
    ws: Worksheet, row: int, text: str, last_col: int, height: float | None = None
) -> None:
    ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=last_col)
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = text_font(9, color=MUTED)
    cell.alignment = Alignment(vertical="top", wrap_text=True)
    if height:
        ws.row_dimensions[row].height = height


def write_header_row(ws: Worksheet, row: int, headings: Sequence[str], first_col: int = 1) -> None:
    for offset, text in enumerate(headings):
        cell = ws.cell(row=row, column=first_col + offset, value=text)
        cell.font = text_font(9.5, bold=True)
        cell.fill = solid_fill(HEAD_FILL)
        cell.alignment = Alignment(vertical="center", wrap_text=True)
        cell.border = Border(bottom=line_side(FRAME), top=line_side(FRAME))
    ws.row_dimensions[row].height = 20


# A data cell's look by (bold, fill, number format, numeric), per workbook: the first cell of
# each look is styled through openpyxl's style objects, the others copy its style indices (a
# copy taken then: a sheet may restyle that first cell afterwards). Styling every cell afresh
# made openpyxl hash each new Font, Border and Fill against the workbook's tables, most of the
# time of writing a workbook.
_Look = tuple[bool, str | None, str, bool]
_DATA_LOOKS: WeakKeyDictionary[Workbook, dict[_Look, StyleArray]] = WeakKeyDictionary()


def _data_look(cell: Cell, bold: bool, fill: str | None, number_format: str) -> None:
    """Styles a data cell whose value is set (`number_format`: for a number)."""
    numeric = isinstance(cell.value, float | int) and not isinstance(cell.value, bool)
    # A text keeps the format openpyxl gave it from its value (General, or a date's).
    shown_as = number_format if numeric else cell.number_format
    looks = _DATA_LOOKS.setdefault(cell.parent.parent, {})
    key = (bold, fill, shown_as, numeric)
    look = looks.get(key)
    if look is not None:
        cell._style = copy(look)
        return
    cell.font = text_font(9.5, bold=bold)
    cell.border = Border(bottom=line_side(RULE))
    cell.number_format = shown_as
    if numeric:
        cell.alignment = Alignment(vertical="top", horizontal="right")
    else:
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    if fill:
        cell.fill = solid_fill(fill)
    looks[key] = copy(cell._style)


def write_data_row(
    ws: Worksheet,
    row: int,
    values: Sequence[Any],
    first_col: int = 1,
    bold: bool = False,
    fill: str | None = None,
    number_format: str = HOURS_FORMAT,
) -> None:
    for offset, value in enumerate(values):
        cell = ws.cell(row=row, column=first_col + offset, value=value)
        _data_look(cell, bold, fill, number_format)


def set_widths(ws: Worksheet, widths: Iterable[float]) -> None:
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width


def hours_value(minutes: int) -> float:
    return round(minutes / 60, 2)


def text_height(lines: Iterable[str], width: float, line_points: float = 12.5) -> float:
    """Row height for wrapped 9.5-point text in a column `width` characters wide: LibreOffice
    keeps the height a file gives, so a row of several lines must say how tall it is."""
    per_line = max(int(width * 1.4), 1)  # 9.5-point text fits more than the width
    count = sum(max(-(-len(line) // per_line), 1) for line in lines) or 1
    return max(15.0, count * line_points + 3)


def unique_sheet_name(text: str, taken: set[str]) -> str:
    cleaned = "".join("_" if ch in "[]:*?/\\" else ch for ch in text)[:31] or "_"
    name, n = cleaned, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = cleaned[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def result_mark(ctx: SheetContext, within: bool, too_few: bool = True) -> str:
    if within:
        return ctx.t("hours_within")
    return ctx.t("hours_below" if too_few else "hours_above")


def colour_result_cell(ws: Worksheet, row: int, col: int, within: bool | None) -> None:
    """A pass/fail mark in its colour; nothing to judge leaves the cell plain."""
    if within is None:
        return
    cell = ws.cell(row=row, column=col)
    cell.fill = solid_fill(PASS_FILL if within else FAIL_FILL)
    cell.font = text_font(9.5, bold=True, color=INK if within else "9B1C1C")
    cell.alignment = Alignment(horizontal="center", vertical="top")


def write_section(ws: Worksheet, row: int, text: str) -> None:
    cell = ws.cell(row=row, column=1, value=text)
    cell.font = text_font(11, bold=True, color=TITLE_INK)
    cell.alignment = Alignment(vertical="bottom")
    ws.row_dimensions[row].height = 22
