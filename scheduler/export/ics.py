"""iCalendar files, one per staff member and one per participant: every session they are in,
Helsinki time, in a form a calendar app updates rather than duplicates.

After a re-plan each file carries the same UID for the same session and person, a higher
SEQUENCE for a session that changed, and the sessions the person lost as STATUS:CANCELLED
events, so importing the new file over the old one leaves no ghost events.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, date, datetime, time, timedelta
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, vText

from models.base import SessionKind, text_in
from models.timetable import Session, Timetable, Withdrawn
from scheduler.io.files import MAX_NAME_BYTES, Output, fitted_stem, write_together
from scheduler.io.names import slug
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


def event_uid(timetable: Timetable, session_id: str, person_id: str) -> str:
    """Stable across exports and re-plans: one session of one person is one event, so calendar
    apps update it (or cancel it) instead of adding another."""
    return f"{session_id}.{person_id}.{_course_key(timetable)}@kurssi"


def _description(timetable: Timetable, session: Session, person_id: str, language: str) -> str:
    kind = label(f"kind_{session.kind.value}", language)
    if session.kind == SessionKind.INDIVIDUAL or session.kind == SessionKind.SMALL_GROUP:
        who = ", ".join(session.participants)  # pseudonymous ids only
    elif session.participants:
        who = label("participants_count", language, count=len(session.participants))
    else:
        who = label("no_participants", language)
    lines = [label("calendar_description", language, kind=kind, participants=who)]
    names = {m.id: m.label for m in timetable.staff}
    others = [names.get(s, s) for s in session.staff if s != person_id]
    if others:
        lines.append(label("with_staff", language, staff=", ".join(others)))
    return "\n".join(lines)


def _title(titles: dict[str, str], fallback: str, language: str) -> str:
    return text_in(titles, language) if titles else fallback


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _text(name))
    calendar.add("x-wr-timezone", str(TIMEZONE))
    return calendar


def _cancelled(
    timetable: Timetable, entry: Withdrawn, language: str, stamp: datetime, rooms: dict[str, str]
) -> Event:
    """A session the person no longer has: the same UID, cancelled, one revision higher."""
    event = Event()
    event.add("uid", event_uid(timetable, entry.session, entry.person))
    event.add("dtstamp", stamp)
    event.add("sequence", entry.sequence)
    event.add("status", "CANCELLED")
    event.add("dtstart", _local(entry.date, entry.start))
    event.add("dtend", _local(entry.date, entry.end))
    title = _title(entry.titles, entry.title, language)
    event.add("summary", _text(label("calendar_cancelled", language, title=title)))
    if entry.room:
        event.add("location", _text(rooms.get(entry.room, entry.room)))
    event.add("transp", "TRANSPARENT")
    return event


def person_calendar(
    timetable: Timetable, person_id: str, language: str = "fi", stamp: datetime | None = None
) -> Calendar:
    """One person's sessions as a calendar: a staff member's (their own part of a session whose
    staff changed while under way) or a participant's own plan; with the sessions they lost in
    re-plans as cancelled events."""
    member = next((m for m in timetable.staff if m.id == person_id), None)
    shown = member.label if member is not None else person_id  # participants: pseudonym
    rooms = {r.id: r.name or r.id for r in timetable.rooms}
    calendar = _calendar(
        label("calendar_name", language, name=shown, course=timetable.course.title)
    )
    stamp = stamp or datetime.now(UTC).replace(microsecond=0)
    sessions = sorted(
        (s for s in timetable.sessions if person_id in s.staff or person_id in s.participants),
        key=lambda s: (s.date, s.start, s.id),
    )
    for session in sessions:
        start, end = session.span_of(person_id) or (session.start, session.end)
        event = Event()
        event.add("uid", event_uid(timetable, session.id, person_id))
        event.add("dtstamp", stamp)
        event.add("sequence", session.sequence)
        event.add("status", "CONFIRMED")
        event.add("dtstart", _local(session.date, start))
        event.add("dtend", _local(session.date, end))
        event.add("summary", _text(_title(session.titles, session.title, language)))
        if session.room:
            event.add("location", _text(rooms.get(session.room, session.room)))
        event.add("description", _text(_description(timetable, session, person_id, language)))
        event.add("categories", [_text(label(f"kind_{session.kind.value}", language))])
        event.add("transp", "OPAQUE")
        calendar.add_component(event)
    for entry in timetable.withdrawn:
        if entry.person == person_id:
            calendar.add_component(_cancelled(timetable, entry, language, stamp, rooms))
    days = timetable.days or (timetable.course.first_day,)
    calendar.add_missing_timezones(
        first_date=date(days[0].year, 1, 1), last_date=date(days[-1].year + 1, 1, 1)
    )
    return calendar


def staff_calendar(
    timetable: Timetable, staff_id: str, language: str = "fi", stamp: datetime | None = None
) -> Calendar:
    """One staff member's sessions as a calendar."""
    return person_calendar(timetable, staff_id, language, stamp)


def _safe(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text).strip("_") or "staff"


def calendar_name(timetable: Timetable, person_id: str) -> str:
    """'pt2-laura-nieminen' for a staff member (id and name), 'K05' for a participant."""
    member = next((m for m in timetable.staff if m.id == person_id), None)
    ident = _safe(person_id)
    if member is None or not member.name or slug(member.name) in ("", ident):
        return ident
    return f"{ident}-{slug(member.name)}"


def write_calendars(
    timetable: Timetable, out_dir: Path, stem: str, language: str = "fi"
) -> list[Path]:
    """OUT/<stem>-<id>-<name>.ics for every staff member and OUT/<stem>-<id>.ics for every
    participant (pseudonymous): all of them or none, never over a file (when a name is taken,
    every calendar gets the same -2, -3, ...)."""
    stem = fitted_stem(stem, MAX_NAME_BYTES // 2)  # whatever its length, the ids stay in the names
    outputs = []
    people = [m.id for m in timetable.staff] + [p.id for p in timetable.participants]
    for person_id in people:
        data = person_calendar(timetable, person_id, language).to_ical()
        name = fitted_stem(f"{stem}-{calendar_name(timetable, person_id)}", MAX_NAME_BYTES - 16)
        outputs.append(Output(name, ".ics", partial(Path.write_bytes, data=data)))
    return write_together(Path(out_dir), outputs)
