"""Outputs people read and programs reload: the Excel workbook, iCalendar files and JSON.

Everything here is made from a `Timetable` alone, so `kurssi export` can re-make any output
from the JSON file.
"""

from __future__ import annotations

from pathlib import Path

from models.timetable import Timetable
from scheduler.export.excel import build_workbook
from scheduler.export.ics import write_calendars
from scheduler.io.files import Output, text_output, write_together

FORMATS = ("xlsx", "ics", "json")


def export_timetable(
    timetable: Timetable,
    fmt: str,
    out_dir: Path,
    stem: str,
    language: str | None = None,
    *,
    participant_names: bool = False,
) -> list[Path]:
    """Writes one output format into `out_dir`, never over an existing file; returns the paths.

    xlsx: <stem>.xlsx; json: <stem>.json; ics: <stem>-<staff id>.ics per staff member (all of
    them or none). Participants' names are written only when asked for.
    """
    language = language or timetable.course.language
    out_dir = Path(out_dir)
    if fmt == "xlsx":
        workbook = build_workbook(timetable, language, participant_names=participant_names)
        return write_together(out_dir, [Output(stem, ".xlsx", workbook.save)])
    if fmt == "json":
        shown = timetable if participant_names else timetable.pseudonymous()
        return write_together(out_dir, [text_output(stem, ".json", shown.to_json())])
    if fmt == "ics":
        return write_calendars(timetable, out_dir, stem, language)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
