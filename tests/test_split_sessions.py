"""A session whose staff changed while it was under way (a re-plan at --now) is split in parts:
the checker and the hours table count each part's staff by its minutes and judge the staffing
rules at every moment. Planted on the saved timetable, no solver."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from models.base import TimeWindow
from models.course import StaffMember
from models.standard import Standard
from models.timetable import Session, StaffPart, Timetable
from scheduler.check import check
from scheduler.domain.hours import counted_minutes, hours_table
from scheduler.io.timetables import load_timetable
from scheduler.words import validation_words


def with_session(timetable: Timetable, session: Session) -> Timetable:
    sessions = tuple(session if s.id == session.id else s for s in timetable.sessions)
    return timetable.model_copy(update={"sessions": sessions})


def _split(session: Session, at: int, after: tuple[str, ...]) -> Session:
    before = StaffPart(start=session.start, end=at, staff=session.staff)
    later = StaffPart(start=at, end=session.end, staff=after)
    staff = tuple(dict.fromkeys((*session.staff, *after)))
    return session.model_copy(update={"staff": staff, "parts": (before, later)})


def _with_stand_in(timetable: Timetable, new: str, old: str) -> Timetable:
    replaced = next(m for m in timetable.staff if m.id == old)
    stand_in = StaffMember(id=new, role=replaced.role, group=replaced.group, replaces=old)
    return timetable.model_copy(update={"staff": (*timetable.staff, stand_in)})


def test_a_stand_in_taking_over_mid_session_is_credited_by_minutes(
    saved_timetable: Timetable, standard: Standard
) -> None:
    review = next(s for s in saved_timetable.sessions if s.id == "goal_review")  # 10-11, pt2
    assert review.staff == ("pt2",)
    split = _split(review, review.start + 15, ("sub1",))
    timetable = with_session(_with_stand_in(saved_timetable, "sub1", "pt2"), split)
    report = check(timetable, standard)
    assert report.passed, [(r.rule, r.reasons) for r in report.failures]
    before = hours_table(saved_timetable, standard)
    after = hours_table(timetable, standard)
    assert after.person("pt2").minutes == before.person("pt2").minutes - 45
    assert after.person("sub1").minutes == 45
    assert after.total_minutes == before.total_minutes  # one leader at every moment
    assert counted_minutes(split) == review.minutes
    # The stand-in holds pt2's place: R20 judges the place, not each of them.
    assert after.person("sub1").min_minutes is None


def test_a_second_leader_missing_from_part_of_the_opening_fails_r18(
    saved_timetable: Timetable, standard: Standard
) -> None:
    opening = next(s for s in saved_timetable.sessions if s.id == "opening")  # psy + tt
    split = _split(opening, opening.start + 60, ("psy",))
    report = check(with_session(saved_timetable, split), standard)
    r18 = report.result("R18")
    assert r18.status == "fail"
    assert any("09:00–10:00" in reason for reason in r18.reasons), r18.reasons
    hours = hours_table(with_session(saved_timetable, split), standard)
    assert hours.line("opening_second").minutes == 60  # the second person's first hour only


def test_the_closing_needs_the_physician_at_every_moment(
    saved_timetable: Timetable, standard: Standard
) -> None:
    closing = next(s for s in saved_timetable.sessions if s.id == "closing")  # reum + psy
    split = _split(closing, closing.start + 30, ("psy", "tt"))
    report = check(with_session(saved_timetable, split), standard)
    assert report.result("R19").status == "fail"
    assert any("no physician" in r for r in report.result("R19").reasons)


def test_each_person_is_booked_only_for_their_own_part(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """pt1 leaves gym-1 at 08:45 and is away from then on; a stand-in takes over. R29 judges
    each person's own time: pt1's part lies inside their availability."""
    gym = next(s for s in saved_timetable.sessions if s.id == "gym-1")  # Tue 08:15-09:15, pt1
    cut = gym.start + 30
    pt1 = next(m for m in saved_timetable.staff if m.id == "pt1")
    pt1 = pt1.model_copy(update={"availability": {gym.date: (TimeWindow(start=480, end=cut),)}})
    staff = tuple(
        pt1 if m.id == "pt1" else m for m in _with_stand_in(saved_timetable, "sub1", "pt1").staff
    )
    # pt1's later sessions that day go to the stand-in, as a re-plan would do.
    sessions = tuple(
        s.model_copy(update={"staff": tuple("sub1" if x == "pt1" else x for x in s.staff)})
        if s.date == gym.date and s.start >= cut and "pt1" in s.staff
        else s
        for s in saved_timetable.sessions
    )
    timetable = saved_timetable.model_copy(update={"staff": staff, "sessions": sessions})
    timetable = with_session(timetable, _split(gym, cut, ("sub1",)))
    r29 = check(timetable, standard).result("R29")
    assert r29.status == "pass", r29.reasons
    unsplit = with_session(timetable, gym.model_copy(update={"staff": ("pt1",)}))
    assert check(unsplit, standard).result("R29").status == "fail"  # pt1 all through: away


def test_parts_must_cover_the_session_and_staff_list_everyone() -> None:
    common = {"id": "x", "title": "x", "kind": "group", "date": "2027-03-08"}
    with pytest.raises(ValidationError, match="session_parts") as caught:
        Session(
            **common,
            start="10:00",
            end="11:00",
            staff=("a", "b"),
            parts=(
                StaffPart(start="10:00", end="10:15", staff=("a",)),
                StaffPart(start="10:30", end="11:00", staff=("b",)),
            ),
        )
    assert "parts must follow one another" in validation_words(caught.value.errors()[0], "en")
    assert "osien pitää seurata toisiaan" in validation_words(caught.value.errors()[0], "fi")
    with pytest.raises(ValidationError, match="session_part_staff") as caught:
        Session(
            **common,
            start="10:00",
            end="11:00",
            staff=("a",),
            parts=(
                StaffPart(start="10:00", end="10:15", staff=("a",)),
                StaffPart(start="10:15", end="11:00", staff=("b",)),
            ),
        )
    assert "must list everyone" in validation_words(caught.value.errors()[0], "en")


def test_older_files_without_parts_still_read(saved_timetable: Timetable) -> None:
    """The saved fixture predates parts, sequences and the re-plan's fields."""
    assert all(not s.parts and s.sequence == 0 for s in saved_timetable.sessions)
    assert saved_timetable.replan is None and saved_timetable.withdrawn == ()


def test_a_split_session_round_trips_through_json(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    review = next(s for s in saved_timetable.sessions if s.id == "goal_review")
    timetable = with_session(
        _with_stand_in(saved_timetable, "sub1", "pt2"), _split(review, review.start + 15, ("sub1",))
    )
    path = tmp_path / "t.json"
    path.write_text(timetable.to_json(), encoding="utf-8")
    assert load_timetable(path) == timetable
