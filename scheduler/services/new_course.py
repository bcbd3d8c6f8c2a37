"""`kurssi init`: a new course file from a standard's defaults and the example course.

The YAML keeps the example's comments; its dates move with the first day, so staff
availability stays on the same weekdays. The Excel form holds the same content.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import yaml

from models.base import day_dates
from models.standard import WEEKDAYS, Standard
from scheduler.domain.calendar import fits_weekdays, public_holidays
from scheduler.errors import InputError
from scheduler.io.data import DEFAULT_COURSE, STANDARDS_DIR
from scheduler.io.excel_form import write_course_form
from scheduler.io.files import write_text_atomic
from scheduler.io.standards import load_standard
from scheduler.words import full_date, label, reader, say

_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_HEADER = (
    "# A new course, written by `kurssi init` from the standard {standard} and the example course.\n"
    "# Replace the example staff, rooms and programme with the course's own; `kurssi solve` this\n"
    "# file. Participants are pseudonymous ids (K01...): never write their names here.\n"
)


def default_first_day(standard: Standard, today: date | None = None) -> date:
    """A Monday four weeks or more ahead on which the standard lets a course start and no
    course day is a Finnish public holiday (one would need Kela's approval); the first such
    day of any weekday if the standard allows no Monday start."""
    start = (today or date.today()) + timedelta(weeks=4)
    public = public_holidays(range(start.year, start.year + 3))

    def good(day: date) -> bool:
        days = day_dates(day, standard.days.count)
        return fits_weekdays(standard, day) and not any(d in public for d in days)

    monday = start + timedelta(days=-start.weekday() % 7)
    mondays = (monday + timedelta(weeks=n) for n in range(104))
    any_day = (start + timedelta(days=n) for n in range(730))
    return next((d for d in mondays if good(d)), None) or next(
        (d for d in any_day if good(d)), start
    )


def course_template(
    standard_id: str, first_day: date | None = None, standards_dir: Path = STANDARDS_DIR
) -> tuple[str, Standard, date]:
    """The new course file's text, its standard and its first day."""
    standard = load_standard(standard_id, standards_dir)
    first_day = first_day or default_first_day(standard)
    if not fits_weekdays(standard, first_day):
        language = reader()
        allowed = ", ".join(
            label(f"weekday_short_{i}", language)
            for i, w in enumerate(WEEKDAYS)
            if w in standard.days.weekdays
        )
        raise InputError(
            "--first-day",
            "",
            say(
                "init_first_day",
                date=full_date(first_day, language),
                count=standard.days.count,
                allowed=allowed,
            ),
            "R2",
        )
    text = DEFAULT_COURSE.read_text(encoding="utf-8")
    example = yaml.safe_load(text)
    shift = first_day - example["course"]["first_day"]
    header_end = re.search(r"^course:", text, re.MULTILINE)
    assert header_end is not None  # the example course file has its 'course:' section
    body = text[header_end.start() :]  # the example's own header comment goes
    body = _ISO_DATE.sub(
        lambda match: (date.fromisoformat(match.group(1)) + shift).isoformat(), body
    )
    body = re.sub(
        r"^(  first_day: \S+).*$",
        rf"\1          # the course runs {standard.days.count} days from here",
        body,
        count=1,
        flags=re.MULTILINE,
    )
    body = re.sub(r"^(  standard: ).*$", rf"\g<1>{standard.id}", body, count=1, flags=re.MULTILINE)
    body = re.sub(
        r"^(  title: ).*$",
        rf"\g<1>Reuma-sopeutumisvalmennuskurssi, {_season(first_day)} {first_day.year}",
        body,
        count=1,
        flags=re.MULTILINE,
    )
    body = re.sub(
        r"^(  count: )\d+", rf"\g<1>{standard.participants}", body, count=1, flags=re.MULTILINE
    )
    return _HEADER.format(standard=standard.id) + body, standard, first_day


def _season(day: date) -> str:
    return "kevät" if day.month <= 5 else "kesä" if day.month <= 8 else "syksy"


def write_new_course(
    yaml_path: Path | None,
    excel_path: Path | None,
    standard_id: str,
    first_day: date | None = None,
) -> list[Path]:
    """Writes the course file and/or the Excel form; the paths written (never over a file)."""
    text, standard, first = course_template(standard_id, first_day)
    written = []
    if yaml_path is not None:
        written.append(write_text_atomic(yaml_path, text))
    if excel_path is not None:
        days = day_dates(first, standard.days.count)
        written.append(write_course_form(yaml.safe_load(text), days, excel_path))
    return written
