"""Reading a timetable: its JSON file (course-timetable/1), or the workbook kurssi wrote, edited
by hand in its session list (see timetable_workbook.py). `check`, `resolve` and `export` read
both through `read_timetable`.

A timetable may have been edited by hand or by another program: anything that does not hold
together (ids twice, sessions naming people or rooms the file does not list, times and counts
beyond any course week) is refused here, naming the place, so that check, export and resolve
only ever see a well-formed timetable.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.course import Course
from models.standard import Standard
from models.timetable import Timetable
from scheduler.errors import InputError, combine
from scheduler.io.documents import (
    MAX_PROBLEMS,
    check_text,
    dotted_path,
    explain_validation,
    place_at,
    pydantic_message,
    read_limited,
)
from scheduler.io.timetable_workbook import (
    WorkbookTimetable,
    is_workbook,
    read_timetable_workbook,
)
from scheduler.words import say

# A week's timetable is some 50 KB; the largest the model allows (MAX_SESSIONS) about 2 MB.
MAX_TIMETABLE_BYTES = 10_000_000


@dataclass(frozen=True)
class JsonDocument:
    """A parsed JSON file; places are dotted paths (sessions[4].staff[0])."""

    path: Path
    data: Any

    def place(self, loc: tuple[Any, ...]) -> str:
        return dotted_path(loc)

    def line(self, loc: tuple[Any, ...]) -> int:
        return 0

    def where(self, loc: tuple[Any, ...]) -> str:
        return dotted_path(loc)


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
        # The list was edited by hand: the same checks as a hand-edited JSON file.
        _holds_together(JsonDocument(path, None), workbook.timetable)
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
    raw = read_limited(path, MAX_TIMETABLE_BYTES, "file_timetable")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise InputError(name, "", say("timetable_not_utf8")) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            name,
            place_at(error.lineno, error.colno),
            say("timetable_not_json", detail=_json(error)),
        ) from None
    except (RecursionError, ValueError) as error:  # absurd nesting; a number of 5000 digits
        raise InputError(name, "", say("timetable_broken", kind=type(error).__name__)) from None
    doc = JsonDocument(path, data)
    check_text(doc)
    if not isinstance(data, dict):
        raise InputError(name, "", say("timetable_not_object"))
    try:
        timetable = Timetable.model_validate(data)
    except ValidationError as error:
        raise explain_validation(doc, error, (), Timetable) from None
    _holds_together(doc, timetable)
    return timetable


# Python's JSON reader's usual complaints, by the start of its message, as the label that
# explains them.
_JSON_PROBLEMS = (
    ("Expecting value", "json_value"),
    ("Expecting ',' delimiter", "json_comma"),
    ("Expecting ':' delimiter", "json_colon"),
    ("Expecting property name", "json_name"),
    ("Unterminated string", "json_string"),
    ("Invalid control character", "json_control"),
    ("Extra data", "json_extra"),
)


def _json(error: json.JSONDecodeError) -> str:
    """What is wrong at the place, in the reader's words (the reader's own for the rare)."""
    for start, key in _JSON_PROBLEMS:
        if error.msg.startswith(start):
            return say(key)
    return error.msg


def _holds_together(doc: JsonDocument, timetable: Timetable) -> None:
    """Ids are unique, and every id a session names is listed in the timetable."""
    name, problems = str(doc.path), []
    listed = {
        "staff": [m.id for m in timetable.staff],
        "participants": [p.id for p in timetable.participants],
        "rooms": [r.id for r in timetable.rooms],
        "sessions": [s.id for s in timetable.sessions],
        "programme": [s.id for s in timetable.programme],
    }
    for section, ids in listed.items():
        seen: dict[str, int] = {}
        for index, item_id in enumerate(ids):
            if item_id in seen:
                problems.append(
                    InputError(
                        name,
                        dotted_path((section, index, "id")),
                        say(
                            "timetable_id_twice",
                            id=repr(item_id),
                            first=f"{section}[{seen[item_id]}]",
                        ),
                    )
                )
            seen.setdefault(item_id, index)
    staff, people, rooms = (set(listed[key]) for key in ("staff", "participants", "rooms"))
    for index, session in enumerate(timetable.sessions):
        named: list[tuple[tuple[str | int, ...], str, set[str], str, str]] = [
            (("staff", n), item_id, staff, "staff", "staff")
            for n, item_id in enumerate(session.staff)
        ]
        named += [
            (("participants", n), item_id, people, "participant", "participants")
            for n, item_id in enumerate(session.participants)
        ]
        if session.room:
            named.append((("room",), session.room, rooms, "room", "rooms"))
        for loc, item_id, known, what, section in named:
            if item_id not in known:
                problems.append(
                    InputError(
                        name,
                        dotted_path(("sessions", index, *loc)),
                        say(
                            f"timetable_unlisted_{what}",
                            session=repr(session.id),
                            id=repr(item_id),
                            section=section,
                        ),
                    )
                )
    if problems:
        raise combine(problems[:MAX_PROBLEMS])


def course_of(timetable: Timetable, standard: Standard, path: Path | str) -> Course:
    """The course a loaded timetable was made for; InputError when its course data does not
    hold together under the standard (e.g. a programme id the standard also uses)."""
    try:
        return timetable.to_course(standard)
    except ValidationError as error:
        message = pydantic_message(error.errors()[0])
        raise InputError(str(path), say("timetable_course_place"), message) from None
