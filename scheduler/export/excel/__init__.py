"""The Excel workbook a course manager hands out (scheduler/export/excel/workbook.py), one
module per sheet."""

from scheduler.export.excel.workbook import build_workbook, write_workbook

__all__ = ["build_workbook", "write_workbook"]
