"""Tiny courses for fast tests: a two-day standard (tests/fixtures/standards/tiny-2day.yaml) with
2 participants, a team of 3, two special workers and a sports instructor, and a handful of
programme items. A solve takes a fraction of a second, and each rule family of the CP-SAT model
can be made to bite alone by changing one thing (tests/test_solver_rules.py).

`tiny_data()` is a course file as parsed YAML (a fresh copy each call: edit it freely);
`course_of(data)` reads it as `kurssi solve` does (models, then validation: InputError for what a
person must fix); `unchecked_course(data)` builds the models without the course validation, for
instances that validation rightly rejects but the solver must still refuse on its own.
"""

from __future__ import annotations

import copy
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from models.course import Course
from models.standard import Standard
from scheduler.io.courses import course_from_data
from scheduler.io.documents import YamlDocument

STANDARDS = Path(__file__).parent / "fixtures" / "standards"
TINY = "tiny-2day"
MONDAY = date(2027, 3, 8)
DAYS = (MONDAY, MONDAY + timedelta(days=1))

_STANDARD_DATA: dict[str, Any] = yaml.safe_load(
    (STANDARDS / f"{TINY}.yaml").read_text(encoding="utf-8")
)

_COURSE: dict[str, Any] = {
    "course": {
        "title": "Pieni kurssi",
        "standard": TINY,
        "first_day": MONDAY,
        "day_window": "08:00-12:00",
        "lunch": {"window": "10:30-11:30", "minutes": 30},
        "slot_minutes": 15,
    },
    "staff": [
        {"id": "reum", "role": "rheumatologist", "experience": {"rheumatology_years": 5}},
        {
            "id": "pt",
            "role": "physiotherapist",
            "course_lead": True,
            "experience": {"rheumatology_hours": 500, "group_leading_hours": 500},
        },
        {"id": "psy", "role": "psychologist"},
        {"id": "ravit", "role": "nutritionist"},
        {"id": "sosi", "role": "social_worker"},
        {"id": "liik", "role": "sports_instructor"},
    ],
    "participants": [{"id": "K01"}, {"id": "K02"}],
    "rooms": [
        {"id": "ryhma1", "kind": "group", "capacity": 12},
        {"id": "ryhma2", "kind": "group", "capacity": 12},
        {"id": "sali", "kind": "gym", "capacity": 12},
        {"id": "terapia", "kind": "therapy", "capacity": 2},
    ],
    "programme": [
        {
            "id": "gym",
            "title": "Kuntosali",
            "theme": "physical",
            "kind": "group",
            "minutes": 60,
            "leaders": ["physiotherapist"],
            "rooms": ["gym"],
            "interruptible": True,
        },
        {
            "id": "stretch",
            "title": "Venyttely",
            "theme": "physical",
            "kind": "group",
            "minutes": 30,
            "leaders": ["sports_instructor", "physiotherapist"],
            "rooms": ["gym"],
        },
        {
            "id": "nutrition",
            "title": "Ravitsemus",
            "theme": "nutrition",
            "kind": "group",
            "minutes": 30,
            "leaders": ["nutritionist"],
            "rooms": ["group"],
        },
        {
            "id": "social",
            "title": "Sosiaaliturva",
            "theme": "psychosocial",
            "kind": "group",
            "minutes": 30,
            "leaders": ["social_worker"],
            "rooms": ["group"],
        },
        {
            "id": "small_groups",
            "title": "Pienryhmät",
            "theme": "psychosocial",
            "kind": "small_group",
            "minutes": 30,
            "leaders": ["team", "special"],
            "rooms": ["group"],
        },
    ],
}


def standard_data() -> dict[str, Any]:
    """The tiny standard as parsed YAML (a fresh copy)."""
    return copy.deepcopy(_STANDARD_DATA)


def tiny_standard(data: dict[str, Any] | None = None) -> Standard:
    return Standard.model_validate(data if data is not None else _STANDARD_DATA)


def tiny_data() -> dict[str, Any]:
    """The tiny course file as parsed YAML (a fresh copy)."""
    return copy.deepcopy(_COURSE)


def course_of(data: dict[str, Any]) -> Course:
    """The course a course file describes, read and validated as `kurssi solve` reads it;
    warnings (allowed, worth a look) are not errors here."""
    doc = YamlDocument(Path("tiny.yaml"), data, {})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return course_from_data(data, doc, STANDARDS)


def unchecked_course(data: dict[str, Any], standard: dict[str, Any] | None = None) -> Course:
    """The models of a course file, without the course validation (and with the standard given
    as data, e.g. a changed number), for what only the solver is to judge."""
    return Course.model_validate(
        {
            "standard": tiny_standard(standard),
            "info": data["course"],
            "staff": data.get("staff", []),
            "participants": data.get("participants", []),
            "rooms": data.get("rooms", []),
            "programme": data.get("programme", []),
            "preferences": data.get("preferences", {}),
        }
    )


def tiny_course() -> Course:
    return course_of(tiny_data())


# -- edits of course data, by id --------------------------------------------------------------


def item(items: list[dict[str, Any]], item_id: str) -> dict[str, Any]:
    """The entry of a list (staff, rooms, programme, participants, mandatory sessions) by id."""
    return next(entry for entry in items if entry["id"] == item_id)


def away(data: dict[str, Any], staff_id: str, *days: int, windows: tuple[str, ...] = ()) -> None:
    """A staff member available only in `windows` (none: not at all) on the given course days
    (1-based)."""
    member = item(data["staff"], staff_id)
    availability = member.setdefault("availability", {})
    for day in days:
        availability[DAYS[day - 1]] = list(windows)
