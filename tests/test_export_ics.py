"""Staff calendars: each person's events are exactly their sessions, at Helsinki clock times."""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from icalendar import Calendar

from models.base import format_clock
from models.timetable import Timetable
from scheduler.export.ics import staff_calendar, write_calendars

HELSINKI = ZoneInfo("Europe/Helsinki")


def _events(calendar: Calendar) -> Counter[tuple[str, datetime, datetime]]:
    return Counter(
        (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"))
        for e in calendar.walk("VEVENT")
    )


def _expected(timetable: Timetable, staff_id: str) -> Counter[tuple[str, datetime, datetime]]:
    def at(day: object, minutes: int) -> datetime:
        return datetime.fromisoformat(f"{day}T{format_clock(minutes)}").replace(tzinfo=HELSINKI)

    return Counter(
        (s.titles.get("fi", s.title), at(s.date, s.start), at(s.date, s.end))
        for s in timetable.sessions
        if staff_id in s.staff
    )


def test_each_persons_events_equal_their_sessions(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    paths = write_calendars(saved_timetable, tmp_path, "week", "fi")
    assert len(paths) == len(saved_timetable.staff)
    uids: list[str] = []
    for member, path in zip(saved_timetable.staff, paths, strict=True):
        assert path.name == f"week-{member.id}.ics"
        calendar = Calendar.from_ical(path.read_bytes())
        assert _events(calendar) == _expected(saved_timetable, member.id), member.id
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Helsinki"
        for event in calendar.walk("VEVENT"):
            start = event.decoded("dtstart")
            assert start.tzinfo is not None and start.utcoffset().total_seconds() == 2 * 3600
            uids.append(str(event["uid"]))
    assert len(uids) == len(set(uids))  # an event id is never reused
    assert sum(len(_expected(saved_timetable, m.id)) for m in saved_timetable.staff) == len(uids)


def test_summer_time_is_helsinki_summer_time(saved_timetable: Timetable) -> None:
    """A course in June: 09:00 in Helsinki is 06:00 UTC (EEST, +3)."""
    june = saved_timetable.model_copy(
        update={
            "sessions": tuple(
                s.model_copy(update={"date": s.date.replace(month=6)})
                for s in saved_timetable.sessions
            )
        }
    )
    calendar = Calendar.from_ical(staff_calendar(june, "pt1").to_ical())
    events = calendar.walk("VEVENT")
    assert events
    for event in events:
        assert event.decoded("dtstart").utcoffset().total_seconds() == 3 * 3600


def test_english_titles(saved_timetable: Timetable) -> None:
    calendar = staff_calendar(saved_timetable, "pt1", "en")
    summaries = {str(e["summary"]) for e in calendar.walk("VEVENT")}
    assert "Gym training" in summaries


def test_never_overwrites_and_keeps_pseudonyms(saved_timetable: Timetable, tmp_path: Path) -> None:
    named = saved_timetable.model_copy(
        update={
            "participants": tuple(
                p.model_copy(update={"name": f"Salainen Nimi {p.id}"})
                for p in saved_timetable.participants
            )
        }
    )
    first = write_calendars(named, tmp_path, "week")
    second = write_calendars(named, tmp_path, "week")
    assert first and len(second) == len(first)
    assert not set(first) & set(second)
    assert all(p.name.endswith("-2.ics") for p in second)
    for path in first:
        assert b"Salainen" not in path.read_bytes()
