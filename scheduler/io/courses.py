"""Reading a course file (YAML, or the Excel form) into a checked `Course`."""

from __future__ import annotations

import difflib
import hashlib
import warnings
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from models.base import MAX_PARTICIPANTS
from models.course import Course, CourseInfo, Participant, Preferences, Room, StaffMember
from models.standard import SessionSpec, Standard
from scheduler.errors import InputError, combine
from scheduler.io.data import DEFAULT_COURSE, STANDARDS_DIR
from scheduler.io.documents import (
    SourceDocument,
    did_you_mean,
    explain_validation,
    read_yaml,
    shown,
)
from scheduler.io.excel_form import read_course_form
from scheduler.io.standards import PLAIN_NAME, known_standards, load_standard
from scheduler.io.validation import duplicate_ids, validate_course
from scheduler.words import say

Located = tuple[Any, tuple[str | int, ...]]


def _participants(section: Any, standard: Standard, doc: SourceDocument) -> list[Located]:
    """`participants` is a count, a list, or {count, list} with attributes for some ids.

    Each participant comes with where it stands in the file (its list entry, else the count).
    """
    name = str(doc.path)
    here: tuple[str | int, ...] = ("participants",)
    if section is None:
        section = {"count": standard.participants}
    if isinstance(section, int) and not isinstance(section, bool):
        section = {"count": section}
    if isinstance(section, list):
        return [(item, (*here, index)) for index, item in enumerate(section)]
    if not isinstance(section, dict):
        raise InputError(
            name,
            doc.place(here),
            say("course_participants", got=say("got", value=shown(section))),
        )
    unknown = [key for key in section if key not in ("count", "list")]
    if unknown:
        raise InputError(
            name,
            doc.place((*here, unknown[0])),
            say("course_participants_field", field=repr(str(unknown[0]))),
        )
    listed = section.get("list") or []
    if not isinstance(listed, list):
        raise InputError(name, doc.place((*here, "list")), say("course_participants_list"))
    count = section.get("count", len(listed) or standard.participants)
    if not isinstance(count, int) or isinstance(count, bool) or not 0 <= count <= MAX_PARTICIPANTS:
        raise InputError(
            name,
            doc.place((*here, "count")),
            say("course_participants_count", most=MAX_PARTICIPANTS, standard=standard.participants),
            "R1",
        )
    by_id: dict[str, Located] = {}
    for index, item in enumerate(listed):
        loc = (*here, "list", index)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise InputError(
                name,
                doc.place(loc),
                say("course_participant_id"),
            )
        if item["id"] in by_id:
            first_at = doc.where(by_id[item["id"]][1])
            raise InputError(
                name,
                doc.place((*loc, "id")),
                say("course_participant_twice", id=repr(item["id"]), first=first_at),
            )
        by_id[item["id"]] = (item, loc)
    generated = [
        by_id.pop(f"K{n:02d}", ({"id": f"K{n:02d}"}, (*here, "count"))) for n in range(1, count + 1)
    ]
    return generated + list(by_id.values())


COURSE_SECTIONS = ("course", "staff", "participants", "rooms", "programme", "preferences")


def course_from_data(data: Any, doc: SourceDocument, standards_dir: Path = STANDARDS_DIR) -> Course:
    """The course a parsed course file describes, checked against its standard.

    Raises InputError (with every problem found) for anything a person must fix; issues a
    CourseWarning (warnings.warn) for what is allowed but worth a look.
    """
    name = str(doc.path)
    if not isinstance(data, dict):
        raise InputError(
            name,
            say("place_line", line=1),
            say(
                "course_not_mapping",
                sections=", ".join(COURSE_SECTIONS),
                got=say("got", value=shown(data)),
            ),
        )
    unknown = [key for key in data if key not in COURSE_SECTIONS]
    if unknown:
        problems: list[InputError] = []
        for key in unknown:
            hint = did_you_mean(difflib.get_close_matches(str(key), COURSE_SECTIONS, n=1))
            problems.append(
                InputError(
                    name,
                    doc.place((key,)),
                    say(
                        "course_section_unknown",
                        section=repr(str(key)),
                        hint=hint,
                        sections=", ".join(COURSE_SECTIONS),
                    ),
                )
            )
        raise combine(problems)
    if "course" not in data:
        raise InputError(
            name,
            say("place_line", line=1),
            say("course_section_missing"),
        )
    if not isinstance(data["course"], dict):
        raise InputError(
            name,
            doc.place(("course",)),
            say("course_section_not_mapping", got=say("got", value=shown(data["course"]))),
        )
    standard_id = data["course"].get("standard")
    if not isinstance(standard_id, str) or not standard_id.strip():
        raise InputError(
            name,
            doc.place(("course", "standard")),
            say("course_standard_missing", known=", ".join(known_standards(standards_dir))),
        )
    if not (PLAIN_NAME.match(standard_id) and (standards_dir / f"{standard_id}.yaml").is_file()):
        known = known_standards(standards_dir)
        hint = did_you_mean(difflib.get_close_matches(standard_id, known, n=1))
        raise InputError(
            name,
            doc.place(("course", "standard")),
            say("standard_unknown", id=repr(standard_id), hint=hint, known=", ".join(known)),
        )
    standard = load_standard(standard_id, standards_dir)

    problems = []

    def single(key: str, model: type[BaseModel], default: Any) -> Any:
        value = data.get(key)
        if value is None:
            value = default
        try:
            return model.model_validate(value)
        except ValidationError as error:
            problems.append(explain_validation(doc, error, (key,), model))
            return None

    def indexed(key: str, model: type[BaseModel], items: list[Located]) -> list[tuple[Any, tuple]]:
        result = []
        for item, loc in items:
            try:
                result.append((model.model_validate(item), loc))
            except ValidationError as error:
                problems.append(explain_validation(doc, error, loc, model))
        return result

    def listed(key: str) -> list[Located]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            problems.append(
                InputError(
                    name,
                    doc.place((key,)),
                    say("course_not_list", key=key, got=say("got", value=shown(value))),
                )
            )
            return []
        return [(item, (key, index)) for index, item in enumerate(value)]

    info = single("course", CourseInfo, {})
    staff = indexed("staff", StaffMember, listed("staff"))
    try:
        participant_items = _participants(data.get("participants"), standard, doc)
    except InputError as error:
        problems.append(error)
        participant_items = []
    participants = indexed("participants", Participant, participant_items)
    rooms = indexed("rooms", Room, listed("rooms"))
    programme = indexed("programme", SessionSpec, listed("programme"))
    preferences = single("preferences", Preferences, {})
    if problems:
        raise combine(problems)
    duplicates = duplicate_ids(doc, standard, staff, participants, rooms, programme)
    if duplicates:
        raise combine(duplicates)
    try:
        course = Course(
            standard=standard,
            info=info,
            staff=tuple(item for item, _ in staff),
            participants=tuple(item for item, _ in participants),
            rooms=tuple(item for item, _ in rooms),
            programme=tuple(item for item, _ in programme),
            preferences=preferences,
        )
    except ValidationError as error:
        raise explain_validation(doc, error) from None
    participant_locs = {item.id: loc for item, loc in participants}
    for warning in validate_course(course, doc, participant_locs):
        warnings.warn(warning, stacklevel=2)
    return course


def load_course(path: Path | str = DEFAULT_COURSE, standards_dir: Path = STANDARDS_DIR) -> Course:
    """A course file (YAML, or an Excel form: .xlsx) as a Course; InputError for anything to
    fix, CourseWarning for the rest."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        doc: SourceDocument = read_course_form(path)
    else:
        doc = read_yaml(path)
    return course_from_data(doc.data, doc, standards_dir)


def file_sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
