"""The one place that keeps a workbook free of formulas: every cell holds data.

Course titles, names, rooms and ids come from files many people edit; openpyxl takes any text
that begins with '=' for a formula, so a title such as =HYPERLINK("http://...") would become a
live link. The workbook writes no formula of its own, so every cell openpyxl marked as one is
text from a file: it is written back as text. Text that a spreadsheet would read as a formula
once someone edits the cell (beginning with = + - or @) also gets Excel's quote prefix, the
apostrophe a person types to keep such text as text.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.cell.rich_text import CellRichText

FORMULA_STARTS = ("=", "+", "-", "@")


def as_literal_text(workbook: Workbook) -> Workbook:
    """Makes every formula cell a text cell again; returns the workbook."""
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell, Cell):  # the covered part of a merged cell
                    continue
                if cell.data_type == "f":
                    cell.data_type = "s"
                text = cell.value if isinstance(cell.value, str | CellRichText) else None
                if text is not None and str(text).startswith(FORMULA_STARTS):
                    cell.quotePrefix = True
    return workbook
