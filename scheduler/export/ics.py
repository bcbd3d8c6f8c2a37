"""iCalendar files, one per staff member: every session they are listed in, Helsinki time."""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from models.base import SessionKind, text_in
from models.timetable import Session, Timetable
from scheduler.io.files import MAX_NAME_BYTES, Output, fitted_stem, write_together
from scheduler.words import label

TIMEZONE = ZoneInfo("Europe/Helsinki")
PRODID = "-//kurssi//course timetable//FI"


# Control characters RFC 5545 does not allow in TEXT (tab and line breaks are escaped by vText).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _text(value: str) -> vText:
    """A TEXT property value: line breaks, commas, semicolons and backslashes escaped (vText),
    control characters replaced, so that no line of the file is made by a file's text."""
    return vText(_CONTROL.sub("\ufffd", value))


def _local(day: date, minutes: int) -> datetime:
    """A clock time of a day in Helsinki; 24:00 is the next day's midnight."""
    midnight = datetime.combine(day, time())
    return (midnight + timedelta(minutes=minutes)).replace(tzinfo=TIMEZONE)


def _course_key(timetable: Timetable) -> str:
    """A short stable tag of the course, so event ids of two courses never collide."""
    source = f"{timetable.course.title}|{timetable.course.first_day.isoformat()}"
    return hashlib.sha256(source.encode("utf-8")).hexdigest()[:10]


def event_uid(timetable: Timetable, session: Session, staff_id: str) -> str:
    """Stable across exports and re-plans, so calendar apps update an event, not duplicate it."""
    return f"{session.id}.{staff_id}.{_course_key(timetable)}@kurssi"


def _description(timetable: Timetable, session: Session, staff_id: str, language: str) -> str:
    kind = label(f"kind_{session.kind.value}", language)
    if session.kind == SessionKind.INDIVIDUAL or session.kind == SessionKind.SMALL_GROUP:
        who = ", ".join(session.participants)  # pseudonymous ids only
    elif session.participants:
        who = label("participants_count", language, count=len(session.participants))
    else:
        who = label("no_participants", language)
    lines = [label("calendar_description", language, kind=kind, participants=who)]
    names = {m.id: m.label for m in timetable.staff}
    others = [names.get(s, s) for s in session.staff if s != staff_id]
    if others:
        lines.append(label("with_staff", language, staff=", ".join(others)))
    return "\n".join(lines)


def staff_calendar(
    timetable: Timetable, staff_id: str, language: str = "fi", stamp: datetime | None = None
) -> Calendar:
    """One staff member's sessions as a calendar."""
    member = next(m for m in timetable.staff if m.id == staff_id)
    rooms = {r.id: r.name or r.id for r in timetable.rooms}
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    name = label("calendar_name", language, name=member.label, course=timetable.course.title)
    calendar.add("x-wr-calname", _text(name))
    calendar.add("x-wr-timezone", str(TIMEZONE))
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    sessions = sorted(
        (s for s in timetable.sessions if staff_id in s.staff),
        key=lambda s: (s.date, s.start, s.id),
    )
    for session in sessions:
        event = Event()
        event.add("uid", event_uid(timetable, session, staff_id))
        event.add("dtstamp", stamp)
        event.add("dtstart", _local(session.date, session.start))
        event.add("dtend", _local(session.date, session.end))
        title = text_in(session.titles, language) if session.titles else session.title
        event.add("summary", _text(title))
        if session.room:
            event.add("location", _text(rooms.get(session.room, session.room)))
        event.add("description", _text(_description(timetable, session, staff_id, language)))
        event.add("categories", [_text(label(f"kind_{session.kind.value}", language))])
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    days = timetable.days or (timetable.course.first_day,)
    calendar.add_missing_timezones(
        first_date=date(days[0].year, 1, 1), last_date=date(days[-1].year + 1, 1, 1)
    )
    return calendar


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "staff"


def write_calendars(
    timetable: Timetable, out_dir: Path, stem: str, language: str = "fi"
) -> list[Path]:
    """OUT/<stem>-<staff id>.ics for every staff member, all of them or none, never over a
    file (when a name is taken, every calendar gets the same -2, -3, ...)."""
    stem = fitted_stem(stem, MAX_NAME_BYTES // 2)  # whatever its length, the ids stay in the names
    outputs = []
    for member in timetable.staff:
        data = staff_calendar(timetable, member.id, language).to_ical()
        outputs.append(
            Output(f"{stem}-{_safe(member.id)}", ".ics", partial(Path.write_bytes, data=data))
        )
    return write_together(Path(out_dir), outputs)
