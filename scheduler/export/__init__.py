"""Outputs people read and programs reload: the Excel workbook, iCalendar files and JSON.

Everything here is made from a `Timetable` alone, so `kurssi export` can re-make any output
from the JSON file.
"""

from __future__ import annotations

from pathlib import Path

from models.timetable import Timetable
from scheduler.export.excel import write_workbook
from scheduler.export.ics import write_calendars
from scheduler.export.json import write_json
from scheduler.io.files import free_path, free_stem

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

    xlsx: <stem>.xlsx; json: <stem>.json; ics: <stem>-<staff id>.ics per staff member.
    """
    language = language or timetable.course.language
    out_dir = Path(out_dir)
    if fmt == "xlsx":
        path = out_dir / f"{free_stem(out_dir, stem, ('.xlsx',))}.xlsx"
        return [write_workbook(timetable, path, language, participant_names=participant_names)]
    if fmt == "json":
        return [write_json(timetable, free_path(out_dir / f"{stem}.json"))]
    if fmt == "ics":
        return write_calendars(timetable, out_dir, stem, language)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
