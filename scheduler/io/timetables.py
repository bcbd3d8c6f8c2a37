"""Reading a timetable JSON file (course-timetable/1) into the `Timetable` model."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.documents import dotted_path


def load_timetable(path: Path | str) -> Timetable:
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "", "no such file; check the path") from None
    except UnicodeDecodeError:
        raise InputError(name, "", "is not UTF-8 text; a timetable is JSON") from None
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
