"""The course's essentials as a page form and back: staff (name, role, availability as a grid of
half-hours), participants' absences, rooms and the programme list; the rest of the course file is
kept as it was. Validation is the CLI's own (Workspace.save); its messages are placed beside the
field they name. Also: a re-plan request from the page as the CLI's change set."""

from __future__ import annotations

import copy
import re
from datetime import date, datetime, timedelta
from typing import Any

from werkzeug.datastructures import MultiDict

from models.base import format_clock
from models.changes import ChangeSet
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.changes import changes_from_flags
from scheduler.io.standards import load_standard
from scheduler.words import label, say, short_date

HALF_HOUR = 30
_CLOCK = re.compile(r"^(\d{1,2}):(\d{2})$")
_SECTIONS = {"staff": "staff", "rooms": "room", "programme": "prog", "list": "part"}
_FIELDS = {
    "availability": "avail",
    "unavailable": "absent",
    "title": "title_fi",
    "offsite_minutes": "offsite",
    "small_group": "group",
}


def _minutes(text: str) -> int:
    match = _CLOCK.match(text.strip())
    if not match:
        raise ValueError(text)
    return int(match[1]) * 60 + int(match[2])


def _windows(value: Any) -> list[tuple[int, int]]:
    spans = []
    for item in value or []:
        start, _, end = str(item).partition("-")
        try:
            spans.append((_minutes(start), _minutes(end)))
        except ValueError:
            continue
    return spans


def _day_window(data: dict[str, Any]) -> tuple[int, int]:
    try:
        start, end = _windows([data.get("course", {}).get("day_window", "08:00-16:00")])[0]
    except (IndexError, AttributeError):
        start, end = 8 * 60, 16 * 60
    return start, end


def _days(data: dict[str, Any]) -> list[date]:
    course = data.get("course", {}) if isinstance(data.get("course"), dict) else {}
    first = course.get("first_day")
    if isinstance(first, str):
        try:
            first = date.fromisoformat(first)
        except ValueError:
            first = None
    if not isinstance(first, date):
        return []
    try:
        count = load_standard(str(course.get("standard", "kela-reuma-2017"))).days.count
    except InputError:
        count = 5
    return [first + timedelta(days=n) for n in range(count)]


def _cells(windows: list[tuple[int, int]], start: int, end: int) -> set[int]:
    return {
        m
        for m in range(start, end, HALF_HOUR)
        if any(a <= m and m + HALF_HOUR <= b for a, b in windows)
    }


def _key(day: Any) -> str:
    return day.isoformat() if isinstance(day, date) else str(day)


def to_form(data: dict[str, Any], language: str) -> dict[str, Any]:
    """What the edit page shows."""
    days = _days(data)
    start, end = _day_window(data)
    slots = list(range(start, end, HALF_HOUR))
    staff_rows = []
    for member in data.get("staff") or []:
        if not isinstance(member, dict):
            continue
        availability = {_key(k): v for k, v in (member.get("availability") or {}).items()}
        cells = {}
        for day in days:
            windows = availability.get(day.isoformat())
            cells[day.isoformat()] = (
                set(slots) if windows is None else _cells(_windows(windows), start, end)
            )
        staff_rows.append(
            {"id": member.get("id", ""), "name": member.get("name", ""),
             "role": member.get("role", ""), "cells": cells}
        )  # fmt: skip
    participants = data.get("participants") or {}
    part_rows = []
    for row in participants.get("list") or []:
        if isinstance(row, dict):
            absent = "; ".join(
                f"{_key(day)} {', '.join(map(str, windows)) if windows else ''}".strip()
                for day, windows in (row.get("unavailable") or {}).items()
            )
            part_rows.append(
                {"id": row.get("id", ""), "group": row.get("small_group", ""), "absent": absent}
            )
    rooms = [
        {k: r.get(k, "") for k in ("id", "name", "kind", "capacity", "offsite_minutes")}
        for r in data.get("rooms") or []
        if isinstance(r, dict)
    ]
    programme = []
    for item in data.get("programme") or []:
        if isinstance(item, dict):
            title = item.get("title", "")
            titles = title if isinstance(title, dict) else {"fi": title, "en": ""}
            programme.append(
                {
                    "id": item.get("id", ""),
                    "title_fi": titles.get("fi", ""),
                    "title_en": titles.get("en", ""),
                    "theme": item.get("theme", ""),
                    "kind": item.get("kind", "group"),
                    "minutes": item.get("minutes", ""),
                    "count": item.get("count", 1),
                    "leaders": ", ".join(item.get("leaders") or []),
                    "rooms": ", ".join(item.get("rooms") or []),
                }
            )
    standard_roles: list[str] = []
    themes: list[str] = []
    try:
        standard = load_standard(str((data.get("course") or {}).get("standard", "kela-reuma-2017")))
        standard_roles = sorted(set(standard.team.roles) | standard.special_workers.roles)
        themes = [theme.id for theme in standard.themes]
    except InputError:
        pass
    return {
        "days": [(d.isoformat(), short_date(d, language)) for d in days],
        "slots": [(m, format_clock(m)) for m in slots],
        "staff": staff_rows,
        "count": participants.get("count", ""),
        "participants": part_rows,
        "rooms": rooms,
        "programme": programme,
        "roles": standard_roles,
        "themes": themes,
        "title": (data.get("course") or {}).get("title", ""),
        "language": language,
        "label": label,
    }


def _rows(form: MultiDict[str, str], prefix: str) -> list[int]:
    count = int(form.get(f"{prefix}-count", "0") or 0)
    return [
        i
        for i in range(min(count, 500))
        if form.get(f"{prefix}-{i}-id", "").strip() and not form.get(f"{prefix}-{i}-remove")
    ]


def _int_or_text(text: str) -> Any:
    text = text.strip()
    return int(text) if re.fullmatch(r"-?\d+", text) else text


def from_form(data: dict[str, Any], form: MultiDict[str, str]) -> dict[str, Any]:
    """The course data with the page's essentials put in (unknown fields kept as they were)."""
    new = copy.deepcopy(data)
    days = _days(data)
    start, end = _day_window(data)
    slots = list(range(start, end, HALF_HOUR))
    old_staff = {m.get("id"): m for m in data.get("staff") or [] if isinstance(m, dict)}
    staff = []
    for i in _rows(form, "staff"):
        ident = form.get(f"staff-{i}-id", "").strip()
        member = copy.deepcopy(old_staff.get(ident, {}))
        member.update({"id": ident, "role": form.get(f"staff-{i}-role", "").strip()})
        name = form.get(f"staff-{i}-name", "").strip()
        if name:
            member["name"] = name
        else:
            member.pop("name", None)
        checked = set(form.getlist(f"staff-{i}-avail"))
        old = {_key(k): v for k, v in (member.get("availability") or {}).items()}
        availability: dict[str, Any] = {}
        for day in days:
            iso = day.isoformat()
            cells = {m for m in slots if f"{iso}@{m}" in checked}
            before = set(slots) if old.get(iso) is None else _cells(_windows(old[iso]), start, end)
            if cells == before:
                if iso in old:  # unchanged: keep the file's own (maybe finer) windows
                    availability[iso] = old[iso]
                continue
            if cells != set(slots):
                availability[iso] = _merge(sorted(cells))
        if availability:
            member["availability"] = availability
        else:
            member.pop("availability", None)
        staff.append(member)
    new["staff"] = staff
    participants = new.setdefault("participants", {})
    if not isinstance(participants, dict):
        participants = new["participants"] = {}
    count = form.get("participants-count-value", "").strip()
    if count:
        participants["count"] = _int_or_text(count)
    rows = []
    for i in _rows(form, "part"):
        row: dict[str, Any] = {"id": form.get(f"part-{i}-id", "").strip()}
        group = form.get(f"part-{i}-group", "").strip()
        if group:
            row["small_group"] = group
        absent = _absences(form.get(f"part-{i}-absent", ""))
        if absent:
            row["unavailable"] = absent
        rows.append(row)
    participants["list"] = rows
    old_rooms = {r.get("id"): r for r in data.get("rooms") or [] if isinstance(r, dict)}
    rooms = []
    for i in _rows(form, "room"):
        ident = form.get(f"room-{i}-id", "").strip()
        room = copy.deepcopy(old_rooms.get(ident, {}))
        room["id"] = ident
        for field in ("name", "kind", "capacity", "offsite_minutes"):
            value = form.get(f"room-{i}-{field}", "").strip()
            if value:
                room[field] = _int_or_text(value) if field != "name" else value
            else:
                room.pop(field, None)
        rooms.append(room)
    new["rooms"] = rooms
    old_programme = {p.get("id"): p for p in data.get("programme") or [] if isinstance(p, dict)}
    programme = []
    for i in _rows(form, "prog"):
        ident = form.get(f"prog-{i}-id", "").strip()
        item = copy.deepcopy(old_programme.get(ident, {"id": ident}))
        item["id"] = ident
        fi, en = (
            form.get(f"prog-{i}-title_fi", "").strip(),
            form.get(f"prog-{i}-title_en", "").strip(),
        )
        item["title"] = {"fi": fi, "en": en} if en else fi
        for field in ("theme", "kind"):
            value = form.get(f"prog-{i}-{field}", "").strip()
            if value:
                item[field] = value
            else:
                item.pop(field, None)
        for field in ("minutes", "count"):
            value = form.get(f"prog-{i}-{field}", "").strip()
            if value:
                item[field] = _int_or_text(value)
        for field in ("leaders", "rooms"):
            item[field] = [
                x.strip() for x in form.get(f"prog-{i}-{field}", "").split(",") if x.strip()
            ]
        programme.append(item)
    new["programme"] = programme
    return new


def _merge(cells: list[int]) -> list[str]:
    spans: list[list[int]] = []
    for m in cells:
        if spans and spans[-1][1] == m:
            spans[-1][1] = m + HALF_HOUR
        else:
            spans.append([m, m + HALF_HOUR])
    return [f"{format_clock(a)}-{format_clock(b)}" for a, b in spans]


def _absences(text: str) -> dict[str, list[str]]:
    """'2027-03-09 08:00-10:00, 12:00-13:00; 2027-03-11' -> the course file's form (a date
    alone: the whole day). What does not read is passed on as it is, for validation to name."""
    result: dict[str, list[str]] = {}
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        day, _, rest = part.partition(" ")
        result[day] = [w.strip() for w in rest.split(",") if w.strip()]
    return result


def _field_key(place: str) -> str:
    """'staff[2].role' -> 'staff-2-role'; 'participants.list[0].unavailable' -> 'part-0-absent'."""
    tokens = re.findall(r"[^.\[\]]+", place)
    for n, token in enumerate(tokens):
        section = _SECTIONS.get(token)
        if section and n + 1 < len(tokens) and tokens[n + 1].isdigit():
            field = tokens[n + 2] if n + 2 < len(tokens) else ""
            field = _FIELDS.get(field, field)
            if section == "prog" and field == "title_fi" and n + 3 < len(tokens):
                field = f"title_{tokens[n + 3]}"
            return f"{section}-{tokens[n + 1]}" + (f"-{field}" if field else "")
        if token == "participants" and n + 1 < len(tokens) and tokens[n + 1] == "count":
            return "participants-count"
    return "_"


def errors_by_field(error: InputError) -> dict[str, list[str]]:
    """Each problem under the form field it names ('_' for the course as a whole)."""
    found: dict[str, list[str]] = {}
    for problem in error.problems:
        message = problem.message + (f" ({problem.rule})" if problem.rule else "")
        key = _field_key(problem.place)
        if key == "_" and problem.place:
            message = f"{problem.place}: {message}"
        found.setdefault(key, []).append(message)
    return found


def replan_changes(timetable: Timetable, form: MultiDict[str, str]) -> ChangeSet:
    """The page's re-plan request (someone unavailable, a stand-in, a participant leaving) as
    the change set the CLI's flags would make."""
    kind = form.get("kind", "unavailable")
    start = form.get("from", "").strip()
    end = form.get("to", "").strip()
    span = f"@{start}" + (f"/{end}" if end else "") if start else ""
    who = form.get("staff", "").strip()
    if kind == "unavailable":
        return changes_from_flags(timetable, now=start or None, unavailable=(f"{who}{span}",))
    if kind == "replace":
        stand_in = form.get("stand_in", "").strip()
        return changes_from_flags(timetable, now=start or None, replace=(f"{who}={stand_in}",))
    if kind == "leaves":
        participant = form.get("participant", "").strip()
        return changes_from_flags(
            timetable, now=start or None, participant_leaves=(f"{participant}{span}",)
        )
    raise InputError(say("web_field_kind"), kind, say("web_err_replan_kind"))


def replan_words(timetable: Timetable, form: MultiDict[str, str], language: str) -> str:
    """The request in the page's words, above the proposed change list: people by name, moments
    as 'ke 13.1. klo 08:00'."""
    names = {m.id: m.label for m in timetable.staff}
    kind = form.get("kind", "unavailable")
    who = names.get(form.get("staff", ""), form.get("staff", ""))
    start, end = (_moment_words(form.get(key, ""), language) for key in ("from", "to"))
    if kind == "unavailable" and not end:
        kind = "unavailable_on"
    return label(
        f"web_replan_{kind}",
        language,
        who=who,
        stand_in=form.get("stand_in", ""),
        participant=form.get("participant", ""),
        start=start or "–",
        end=end,
    )


def _moment_words(text: str, language: str) -> str:
    """'2027-01-13T08:00' as 'ke 13.1. klo 08:00' ('' if empty; as given if unreadable)."""
    if not text.strip():
        return ""
    try:
        when = datetime.fromisoformat(text.strip())
    except ValueError:
        return text
    day = short_date(when.date(), language)
    return label("placement", language, day=day, time=format_clock(when.hour * 60 + when.minute))
