"""Reading a timetable: its JSON file (course-timetable/1), or the workbook kurssi wrote, edited
by hand in its session list (see timetable_workbook.py). `check`, `resolve` and `export` read
both through `read_timetable`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.documents import dotted_path
from scheduler.io.timetable_workbook import (
    WorkbookTimetable,
    is_workbook,
    read_timetable_workbook,
)

_ZIP_MAGIC = b"PK\x03\x04"  # an .xlsx is a zip archive, whatever its name says


@dataclass(frozen=True)
class TimetableSource:
    """A timetable as read, and the workbook it came from (None for a JSON file)."""

    timetable: Timetable
    workbook: WorkbookTimetable | None = None


def read_timetable(path: Path | str) -> TimetableSource:
    """A timetable from a JSON file or a timetable workbook (by its suffix or its content)."""
    path = Path(path)
    if is_workbook(path) or _starts_like_zip(path):
        workbook = read_timetable_workbook(path)
        return TimetableSource(workbook.timetable, workbook)
    return TimetableSource(_load_json(path))


def load_timetable(path: Path | str) -> Timetable:
    return read_timetable(path).timetable


def _starts_like_zip(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(_ZIP_MAGIC)) == _ZIP_MAGIC
    except OSError:
        return False  # the JSON reader says what is wrong with the path


def _load_json(path: Path) -> Timetable:
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "", "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(
            name, "", "is a folder, not a file; give a timetable (.json or .xlsx)"
        ) from None
    except UnicodeDecodeError:
        raise InputError(
            name, "", "is not UTF-8 text; a timetable is JSON, or the workbook kurssi wrote (.xlsx)"
        ) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(
            name, f"line {error.lineno}, column {error.colno}", f"is not valid JSON: {error.msg}"
        ) from None
    try:
        return Timetable.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(
            name, dotted_path(tuple(first["loc"])), first["msg"].removeprefix("Value error, ")
        ) from None
