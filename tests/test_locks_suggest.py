"""Locks (kept by every solve and re-plan), moves by hand and Suggest, on the saved timetable."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from models.changes import ChangeSet, StaffUnavailable
from models.standard import Standard
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.services.moves import Move, check_move, occurrence_sessions, set_lock
from scheduler.services.replanning import resolve
from scheduler.services.solving import SolveOptions
from scheduler.services.suggest import SuggestOptions, penalty_of, suggest

QUICK = SolveOptions(time_limit=3.0, deterministic=True)


def test_a_small_group_moves_and_locks_with_both_halves(saved_timetable: Timetable) -> None:
    half = next(s for s in saved_timetable.sessions if s.small_group == "A")
    together = occurrence_sessions(saved_timetable, half.id)
    assert {s.small_group for s in together} == {"A", "B"}
    locked = set_lock(saved_timetable, half.id, "time")
    assert all(
        s.locked and s.lock_scope == "time"
        for s in locked.sessions
        if s in together or s.id in {t.id for t in together}
    )
    with pytest.raises(InputError):
        set_lock(saved_timetable, half.id, "forever")


def test_a_move_into_another_session_breaks_a_rule(
    saved_timetable: Timetable, standard: Standard
) -> None:
    lecture = next(s for s in saved_timetable.sessions if s.spec == "medication")
    result = check_move(
        saved_timetable, standard, Move(lecture.id, date=saved_timetable.days[0], start=8 * 60)
    )
    assert not result.passed
    assert [c.session for c in result.timetable.changes] == [lecture.id]


def test_suggestions_keep_every_rule_and_differ_from_now(
    saved_timetable: Timetable, standard: Standard
) -> None:
    gym = next(s for s in saved_timetable.sessions if s.spec == "gym")
    found = suggest(saved_timetable, standard, gym.id, SuggestOptions(count=3, time_limit=5.0))
    assert found
    for place in found:
        assert (place.date, place.start, place.staff) != (gym.date, gym.start, gym.staff)
        moved = next(s for s in place.timetable.sessions if s.id == gym.id)
        assert (moved.date, moved.start) == (place.date, place.start)
    ranks = [(len(p.moved), p.penalty_change) for p in found]
    assert ranks == sorted(ranks)  # fewest other moves first, then the smallest penalty
    assert penalty_of(saved_timetable, standard) is not None


def test_suggest_refuses_a_locked_session(saved_timetable: Timetable, standard: Standard) -> None:
    gym = next(s for s in saved_timetable.sessions if s.spec == "gym")
    with pytest.raises(InputError, match="lukittu"):
        suggest(set_lock(saved_timetable, gym.id, "all"), standard, gym.id)


@pytest.mark.slow
def test_a_time_lock_keeps_the_time_but_lets_the_staff_change(
    saved_timetable: Timetable, standard: Standard
) -> None:
    wednesday = datetime.combine(saved_timetable.days[2], time(8, 0))
    led = [
        s for s in saved_timetable.sessions
        if "pt2" in s.staff and s.date >= wednesday.date() and s.kind.value == "group"
    ]  # fmt: skip
    assert led, "pt2 leads group sessions from Wednesday on"
    old = set_lock(saved_timetable, led[0].id, "time")
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff="pt2", start=wednesday),))
    new = {s.id: s for s in resolve(old, standard, changes, QUICK).timetable.sessions}
    after = new[led[0].id]
    assert (after.date, after.start) == (led[0].date, led[0].start)
    assert "pt2" not in after.staff
    assert after.locked and after.lock_scope == "time"
