"""Calendars: each person's events are exactly their sessions, at Helsinki clock times, and a
re-plan's calendars update the old ones in a calendar app (same UID, higher SEQUENCE,
cancellations)."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from conftest import TEST_OPTIONS
from icalendar import Calendar, Event

from models.base import SessionKind, format_clock
from models.changes import ChangeSet, ParticipantLeaves, ReplaceStaff, RoomUnavailable
from models.course import StaffMember
from models.standard import Standard
from models.timetable import Timetable
from scheduler.export.ics import person_calendar, staff_calendar, write_calendars
from scheduler.io.names import slug
from scheduler.services.replanning import resolve

HELSINKI = ZoneInfo("Europe/Helsinki")


def _events(calendar: Calendar) -> Counter[tuple[str, datetime, datetime]]:
    return Counter(
        (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend"))
        for e in calendar.walk("VEVENT")
    )


def _expected(timetable: Timetable, person: str) -> Counter[tuple[str, datetime, datetime]]:
    def at(day: object, minutes: int) -> datetime:
        return datetime.fromisoformat(f"{day}T{format_clock(minutes)}").replace(tzinfo=HELSINKI)

    return Counter(
        (s.titles.get("fi", s.title), at(s.date, s.start), at(s.date, s.end))
        for s in timetable.sessions
        if person in s.staff or person in s.participants
    )


def test_each_persons_events_equal_their_sessions(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    paths = write_calendars(saved_timetable, tmp_path, "week", "fi")
    people = [m.id for m in saved_timetable.staff] + [p.id for p in saved_timetable.participants]
    assert len(paths) == len(people)
    uids: list[str] = []
    for person, path in zip(people, paths, strict=True):
        member = next((m for m in saved_timetable.staff if m.id == person), None)
        # Staff by id and name (the name as a plain file name), participants by id alone.
        named = f"week-{person}-{slug(member.name)}.ics" if member and member.name else None
        assert path.name == (named or f"week-{person}.ics")
        calendar = Calendar.from_ical(path.read_bytes())
        assert _events(calendar) == _expected(saved_timetable, person), person
        assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Helsinki"
        for event in calendar.walk("VEVENT"):
            start = event.decoded("dtstart")
            assert start.tzinfo is not None and start.utcoffset().total_seconds() == 2 * 3600
            assert event.decoded("sequence") == 0  # never re-planned
            uids.append(str(event["uid"]))
    assert len(uids) == len(set(uids))  # an event id is never reused
    assert sum(len(_expected(saved_timetable, p)) for p in people) == len(uids)
    assert "week-pt2-laura-nieminen.ics" in {p.name for p in paths}
    assert "week-psy-sari-makela.ics" in {p.name for p in paths}  # ä as a


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


# -- calendars that update after a re-plan (issue 14) -------------------------------------------


def _import(store: dict[str, Event], calendar: Calendar) -> None:
    """What a calendar app does with an imported file: an event whose UID it knows replaces
    the one it has unless its SEQUENCE is lower; a cancelled one is removed."""
    for event in calendar.walk("VEVENT"):
        uid = str(event["uid"])
        sequence = int(event.get("sequence", 0))
        known = store.get(uid)
        if known is not None and int(known.get("sequence", 0)) > sequence:
            continue
        if str(event.get("status", "")).upper() == "CANCELLED":
            store.pop(uid, None)
        else:
            store[uid] = event


def _shown(store: dict[str, Event]) -> Counter[tuple[str, datetime, datetime]]:
    return Counter(
        (str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in store.values()
    )


def _own(timetable: Timetable, person: str) -> Counter[tuple[str, datetime, datetime]]:
    """A person's sessions as their calendar should show them (their own part of a split one)."""

    def at(day: object, minutes: int) -> datetime:
        return datetime.fromisoformat(f"{day}T{format_clock(minutes)}").replace(tzinfo=HELSINKI)

    shown: Counter[tuple[str, datetime, datetime]] = Counter()
    for s in timetable.sessions:
        if person in s.staff or person in s.participants:
            start, end = s.span_of(person) or (s.start, s.end)
            shown[(s.titles.get("fi", s.title), at(s.date, start), at(s.date, end))] += 1
    return shown


@pytest.fixture(scope="module")
def replans(default_timetable: Timetable, standard: Standard) -> list[Timetable]:
    """The solved default course, then two re-plans: a physiotherapist replaced mid-session on
    Wednesday with a participant leaving, then Thursday's gym session moved by a closed gym."""
    wednesday = default_timetable.days[2]
    led = [
        s
        for s in default_timetable.sessions
        if s.date >= wednesday and s.kind == SessionKind.GROUP and len(s.staff) == 1
    ]
    session = next(s for s in led if s.staff[0].startswith("pt"))
    leader = session.staff[0]
    now = datetime.combine(session.date, time()) + timedelta(minutes=session.start + 15)
    stand_in = StaffMember(id="sub1", name="Eeva Sijainen", role="physiotherapist", replaces=leader)
    first = resolve(
        default_timetable,
        standard,
        ChangeSet(
            now=now,
            changes=(ReplaceStaff(old=leader, new=stand_in), ParticipantLeaves(participant="K05")),
        ),
        TEST_OPTIONS,
        previous="week.json",
    ).timetable
    later = now + timedelta(hours=3)
    evening = datetime.combine(later.date(), time(23, 59))
    second = resolve(
        first,
        standard,
        ChangeSet(
            now=later, changes=(RoomUnavailable(room="kuntosali", start=later, end=evening),)
        ),
        TEST_OPTIONS,
        previous="week-replan.json",
    ).timetable
    return [default_timetable, first, second]


def test_importing_the_new_calendar_updates_the_old(replans: list[Timetable]) -> None:
    """For everyone, staff and participants: import the old file, then the re-plan's, as a
    calendar app does; what it shows equals the new timetable for that person, with the same
    UID for the same session and a higher SEQUENCE for every changed event."""
    old, new = replans[0], replans[1]
    stamp = datetime(2027, 3, 1, tzinfo=HELSINKI)
    people = [m.id for m in new.staff] + [p.id for p in new.participants]
    changed = {c.session for c in new.changes}
    for person in people:
        store: dict[str, Event] = {}
        before = person_calendar(old, person, "fi", stamp) if person != "sub1" else Calendar()
        _import(store, before)
        old_sequences = {uid: int(e.get("sequence", 0)) for uid, e in store.items()}
        after = person_calendar(new, person, "fi", stamp + timedelta(days=1))
        _import(store, after)
        assert _shown(store) == _own(new, person), person
        for event in after.walk("VEVENT"):
            uid, sequence = str(event["uid"]), int(event.get("sequence", 0))
            session_id = uid.split(".")[0]
            if uid in old_sequences and session_id in changed:
                assert sequence > old_sequences[uid], (person, session_id)
    # The replaced physiotherapist's lost sessions and the participant's come as cancellations.
    assert any(w.person == "K05" for w in new.withdrawn)
    cancelled = [
        e for e in person_calendar(new, "K05").walk("VEVENT") if str(e["status"]) == "CANCELLED"
    ]
    assert cancelled


def test_a_skipped_version_still_updates(replans: list[Timetable]) -> None:
    """Someone who never imported the first re-plan imports the second over the original."""
    original, last = replans[0], replans[2]
    for person in [m.id for m in original.staff] + [p.id for p in original.participants]:
        store: dict[str, Event] = {}
        _import(store, person_calendar(original, person))
        _import(store, person_calendar(last, person))
        assert _shown(store) == _own(last, person), person


def test_calendar_files_carry_the_name(replans: list[Timetable], tmp_path: Path) -> None:
    names = {p.name for p in write_calendars(replans[1], tmp_path, "week-replan")}
    assert "week-replan-sub1-eeva-sijainen.ics" in names
    assert "week-replan-K05.ics" in names
