"""A re-plan's changes name people and rooms as the course manager knows them: by name (without
case or accents, a first or last name alone when it is unique) or by id. Unknown or ambiguous
names list the course's people. No solver here."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.changes import (
    AddStaff,
    ParticipantLeaves,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.changes import changes_from_file, changes_from_flags, find_staff
from scheduler.io.names import folded, slug


@pytest.mark.parametrize(
    ("said", "staff_id"),
    [
        ("Laura Nieminen", "pt2"),
        ("laura  nieminen", "pt2"),
        ("Sari Makela", "psy"),  # without the accents
        ("SARI MÄKELÄ", "psy"),
        ("Nieminen", "pt2"),  # a last name alone, unique
        ("pt1", "pt1"),
        ("PT1", "pt1"),
    ],
)
def test_staff_by_name_or_id(saved_timetable: Timetable, said: str, staff_id: str) -> None:
    assert find_staff(saved_timetable.staff, said, "--unavailable").id == staff_id


def test_an_unknown_name_lists_the_people(saved_timetable: Timetable) -> None:
    with pytest.raises(InputError) as raised:
        changes_from_flags(saved_timetable, unavailable=("Laura Niemi@2027-03-10T08:00",))
    message = str(raised.value)
    assert "kurssilla ei ole työntekijää 'Laura Niemi'" in message
    for member in saved_timetable.staff:  # name, role and id of everyone
        assert member.id in message and (member.name or member.id) in message
    assert "Laura Nieminen (fysioterapeutti, tunnus pt2)" in message


def test_an_ambiguous_name_lists_those_it_could_mean(saved_timetable: Timetable) -> None:
    staff = (
        *saved_timetable.staff,
        StaffMember(id="pt9", name="Laura Virta", role="physiotherapist"),
    )
    with pytest.raises(InputError) as raised:
        find_staff(staff, "Laura", "--unavailable")
    message = str(raised.value)
    assert "kurssilla on useampi työntekijä nimeltä 'Laura'" in message
    assert "Laura Nieminen" in message and "Laura Virta" in message
    assert "Anna Laakso" not in message


def test_flags_by_name(saved_timetable: Timetable) -> None:
    changes = changes_from_flags(
        saved_timetable,
        now="2027-03-10T08:00",
        unavailable=("Laura Nieminen@2027-03-10T08:00",),
        room_unavailable=("kuntosali@2027-03-11",),
        participant_leaves=("k05",),
    )
    assert changes.changes[0] == StaffUnavailable(staff="pt2", start=changes.now, end=None)
    assert isinstance(changes.changes[1], RoomUnavailable) and changes.changes[1].room
    assert changes.changes[2] == ParticipantLeaves(participant="K05")


def test_a_stand_in_by_name_and_role(saved_timetable: Timetable) -> None:
    changes = changes_from_flags(
        saved_timetable, replace=("Mikko Virtanen=Eeva Sijainen:physiotherapist",)
    )
    (change,) = changes.changes
    assert isinstance(change, ReplaceStaff)
    assert change.old == "pt1"
    assert change.new.id == "eeva-sijainen" and change.new.name == "Eeva Sijainen"
    assert change.new.role == "physiotherapist" and change.new.replaces == "pt1"


def test_a_stand_in_by_id_takes_the_role_of_whom_they_replace(
    saved_timetable: Timetable,
) -> None:
    (change,) = changes_from_flags(saved_timetable, replace=("pt1=sub1",)).changes
    assert isinstance(change, ReplaceStaff)
    assert (change.new.id, change.new.name, change.new.role) == ("sub1", "", "physiotherapist")


def test_add_staff_then_replace_by_them(saved_timetable: Timetable) -> None:
    """Issue 17: --add-staff X:ROLE --replace OLD=X works (X is the one added)."""
    changes = changes_from_flags(
        saved_timetable, add_staff=("sub1:physiotherapist",), replace=("pt1=sub1",)
    )
    added, replaced = changes.changes
    assert isinstance(added, AddStaff) and isinstance(replaced, ReplaceStaff)
    assert replaced.new.id == added.member.id == "sub1"
    assert replaced.new.replaces == "pt1"


def test_replacing_by_someone_already_on_the_course_says_what_to_do(
    saved_timetable: Timetable,
) -> None:
    with pytest.raises(InputError) as raised:
        changes_from_flags(saved_timetable, replace=("pt1=Laura Nieminen",))
    assert "on jo kurssilla omalla paikallaan" in str(raised.value)
    assert '--unavailable "Mikko Virtanen"' in str(raised.value)


def test_a_change_file_by_name(saved_timetable: Timetable, tmp_path: Path) -> None:
    path = tmp_path / "changes.yaml"
    path.write_text(
        "now: 2027-03-10T08:00\n"
        "changes:\n"
        "  - kind: unavailable\n"
        "    staff: Laura Nieminen\n"
        "    start: 2027-03-10T08:00\n"
        "  - kind: replace\n"
        "    old: mikko virtanen\n"
        "    new: Eeva Sijainen:physiotherapist\n"
        "  - kind: room_unavailable\n"
        "    room: kuntosali\n",
        encoding="utf-8",
    )
    changes = changes_from_file(path, saved_timetable)
    unavailable, replace, _ = changes.changes
    assert isinstance(unavailable, StaffUnavailable) and unavailable.staff == "pt2"
    assert isinstance(replace, ReplaceStaff) and replace.old == "pt1"
    assert replace.new.name == "Eeva Sijainen" and replace.new.replaces == "pt1"


def test_an_unknown_name_in_a_change_file_names_its_line(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    path = tmp_path / "changes.yaml"
    path.write_text("changes:\n  - kind: unavailable\n    staff: Nobody Known\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        changes_from_file(path, saved_timetable)
    assert f"{path}: rivi 3" in str(raised.value)
    assert "Laura Nieminen (fysioterapeutti, tunnus pt2)" in str(raised.value)


def test_names_fold_and_slug() -> None:
    assert folded("  Sari   MÄKELÄ ") == "sari makela"
    assert slug("Sari Mäkelä") == "sari-makela"
    assert slug("Åsa Öberg-Ek") == "asa-oberg-ek"
