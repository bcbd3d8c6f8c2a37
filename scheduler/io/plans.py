"""Reading a plan file: a provider's week of several courses that share staff and rooms.

A plan file (YAML) lists the courses (course files, paths relative to the plan file, or a course
held inline) and optionally facts about shared people for the whole week:

    plan: {title: Kevätviikko 2027}
    courses:
      - {id: reuma-a, file: ../courses/default.yaml}
      - {id: reuma-b, course: {course: {...}, staff: [...], ...}}
    staff:                                    # optional: overrides the course files' entries
      - {id: pt2, availability: {2027-03-08: ["08:00-13:00"]}, max_minutes: 900}

The same staff id in two courses is the same person: never in two courses at once (R29), their
availability the same in both, their `max_minutes` over the whole week. The same room id is one
room (R30). Each course still meets its own standard.

Solving is staged (solver-notes.md: one joint model slows sharply from 4 courses on): each course
alone, seeing what the earlier ones booked of the shared people and rooms, then all courses
jointly with the staged timetables as a complete hint, improving the sum of the penalties.
When a plan has no timetable, `explain` says which shared person (or room) cannot serve all
their courses, on which days, with the hours each course needs of them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.base import MAX_ID_LENGTH, PLAIN_NAME, Frozen, Window
from scheduler.domain.plan import Plan, PlanCourse, shared_of
from scheduler.errors import InputError, combine
from scheduler.io.courses import course_from_data, file_sha256
from scheduler.io.documents import YamlDocument, explain_validation, read_yaml
from scheduler.words import reader, role_name, room_kind_name, say

PLAN_SECTIONS = ("plan", "courses", "staff")


class StaffFacts(Frozen):
    """A shared person's facts for the whole week, overriding the course files' entries."""

    id: str
    name: str | None = None
    availability: dict[date, tuple[Window, ...]] | None = None
    max_minutes: int | None = None


def _subdocument(doc: YamlDocument, prefix: tuple[str | int, ...], data: Any) -> YamlDocument:
    """An inline course as a document of its own, its places still lines of the plan file."""
    marks = {
        loc[len(prefix) :]: mark for loc, mark in doc.marks.items() if loc[: len(prefix)] == prefix
    }
    return YamlDocument(doc.path, data, marks)


def _course_entry(doc: YamlDocument, index: int, entry: Any) -> PlanCourse:
    name, here = str(doc.path), ("courses", index)
    if not isinstance(entry, dict):
        raise InputError(name, doc.place(here), say("planfile_entry"))
    unknown = [key for key in entry if key not in ("id", "file", "course")]
    if unknown:
        raise InputError(
            name,
            doc.place((*here, unknown[0])),
            say("planfile_entry_field", field=repr(str(unknown[0]))),
        )
    key = entry.get("id")
    if not isinstance(key, str) or not key.strip():
        raise InputError(name, doc.place(here), say("planfile_entry_id"))
    if not PLAIN_NAME.match(key) or len(key) > MAX_ID_LENGTH:
        raise InputError(
            name,
            doc.place((*here, "id")),
            say("planfile_entry_plain_id", most=MAX_ID_LENGTH),
        )
    if ("file" in entry) == ("course" in entry):
        raise InputError(
            name,
            doc.place(here),
            say("planfile_entry_file_or_course", key=repr(key)),
        )
    if "file" in entry:
        if not isinstance(entry["file"], str):
            raise InputError(name, doc.place((*here, "file")), say("planfile_file_path"))
        path = (doc.path.parent / entry["file"]).resolve()
        if not path.is_file():
            raise InputError(
                name,
                doc.place((*here, "file")),
                say("planfile_no_course_file", file=repr(entry["file"]), path=path),
            )
        course_doc = read_yaml(path)
        course = course_from_data(course_doc.data, course_doc)
        return PlanCourse(key=key, course=course, source=str(path), sha256=file_sha256(path))
    inline = _subdocument(doc, (*here, "course"), entry["course"])
    course = course_from_data(entry["course"], inline)
    return PlanCourse(key=key, course=course, source=f"{name}: {doc.place((*here, 'course'))}")


def _with_facts(courses: list[PlanCourse], facts: list[StaffFacts]) -> list[PlanCourse]:
    result = []
    for entry in courses:
        staff = []
        for member in entry.course.staff:
            fact = next((f for f in facts if f.id == member.id), None)
            if fact is not None:
                update = {
                    k: getattr(fact, k)
                    for k in fact.model_fields_set - {"id"}
                    if getattr(fact, k) is not None
                }
                member = member.model_copy(update=update)
            staff.append(member)
        course = entry.course.with_changes(staff=tuple(staff))
        result.append(PlanCourse(entry.key, course, entry.source, entry.sha256))
    return result


def _consistent(doc: YamlDocument, courses: list[PlanCourse]) -> None:
    """One person has one role, one room one kind; all courses use the same slot size."""
    name, problems = str(doc.path), []
    roles: dict[str, tuple[str, str]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    slot = courses[0].course.info.slot_minutes
    for index, entry in enumerate(courses):
        place = doc.place(("courses", index))
        if entry.course.info.slot_minutes != slot:
            problems.append(
                InputError(
                    name,
                    place,
                    say(
                        "planfile_slots",
                        key=repr(entry.key),
                        slot=entry.course.info.slot_minutes,
                        first=repr(courses[0].key),
                        first_slot=slot,
                    ),
                )
            )
        for member in entry.course.staff:
            first = roles.setdefault(member.id, (member.role, entry.key))
            if first[0] != member.role:
                problems.append(
                    InputError(
                        name,
                        place,
                        say(
                            "planfile_staff_roles",
                            id=repr(member.id),
                            role=role_name(member.role, reader()),
                            key=repr(entry.key),
                            first_role=role_name(first[0], reader()),
                            first=repr(first[1]),
                        ),
                    )
                )
        for room in entry.course.rooms:
            first = kinds.setdefault(room.id, (room.kind, entry.key))
            if first[0] != room.kind:
                problems.append(
                    InputError(
                        name,
                        place,
                        say(
                            "planfile_room_kinds",
                            id=repr(room.id),
                            kind=room_kind_name(room.kind, reader()),
                            key=repr(entry.key),
                            first_kind=room_kind_name(first[0], reader()),
                            first=repr(first[1]),
                        ),
                    )
                )
    if problems:
        raise combine(problems)


def load_plan(path: Path | str) -> Plan:
    """A plan file as a Plan; InputError (exit 2) naming the file and place of any problem."""
    doc = read_yaml(Path(path))
    name, data = str(doc.path), doc.data
    if not isinstance(data, dict):
        raise InputError(
            name,
            say("place_line", line=1),
            say("planfile_not_mapping", sections=", ".join(PLAN_SECTIONS)),
        )
    unknown = [key for key in data if key not in PLAN_SECTIONS]
    if unknown:
        raise InputError(
            name,
            doc.place((unknown[0],)),
            say(
                "course_section_unknown",
                section=repr(str(unknown[0])),
                hint="",
                sections=", ".join(PLAN_SECTIONS),
            ),
        )
    info = data.get("plan") or {}
    if not isinstance(info, dict) or not isinstance(info.get("title", ""), str):
        raise InputError(name, doc.place(("plan",)), say("planfile_title"))
    listed = data.get("courses")
    if not isinstance(listed, list) or not listed:
        raise InputError(
            name,
            doc.place(("courses",)) if "courses" in data else say("place_line", line=1),
            say("planfile_courses"),
        )
    courses = [_course_entry(doc, index, entry) for index, entry in enumerate(listed)]
    seen: dict[str, int] = {}
    for index, entry in enumerate(courses):
        if entry.key in seen:
            raise InputError(
                name,
                doc.place(("courses", index, "id")),
                say("planfile_id_twice", key=repr(entry.key), first=f"courses[{seen[entry.key]}]"),
            )
        seen[entry.key] = index
    facts = _staff_facts(doc, data.get("staff"), courses)
    courses = _with_facts(courses, facts)
    _consistent(doc, courses)
    title = info.get("title") or doc.path.stem
    return Plan(
        title=title,
        courses=tuple(courses),
        shared=shared_of(
            courses, {f.id: f.max_minutes for f in facts if f.max_minutes is not None}
        ),
    )


def _staff_facts(doc: YamlDocument, section: Any, courses: list[PlanCourse]) -> list[StaffFacts]:
    if section is None:
        return []
    name = str(doc.path)
    if not isinstance(section, list):
        raise InputError(name, doc.place(("staff",)), say("planfile_staff_list"))
    known = {m.id for c in courses for m in c.course.staff}
    facts, problems = [], []
    for index, item in enumerate(section):
        try:
            fact = StaffFacts.model_validate(item)
        except ValidationError as error:
            problems.append(explain_validation(doc, error, ("staff", index)))
            continue
        if fact.id not in known:
            problems.append(
                InputError(
                    name,
                    doc.place(("staff", index, "id")),
                    say("planfile_staff_unknown", id=repr(fact.id)),
                )
            )
        facts.append(fact)
    if problems:
        raise combine(problems)
    return facts
