"""`kurssi resolve` from the command line: a new timetable beside the old one (never over it,
never touching it), the change list on the console, in the JSON and on the Excel sheet
"Muutokset", and exit codes for an impossible change and a bad one."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from models.timetable import Timetable
from scheduler.cli import main
from scheduler.io.timetables import load_timetable

RESOLVE = ["--time-limit", "3", "--quiet"]


@pytest.fixture()
def old_file(default_timetable: Timetable, tmp_path: Path) -> Path:
    path = tmp_path / "week.json"
    path.write_text(default_timetable.to_json(), encoding="utf-8")
    return path


def _wednesday_8(timetable: Timetable) -> str:
    return datetime.combine(timetable.days[2], time(8, 0)).isoformat(timespec="minutes")


def _leader_from(timetable: Timetable, since: str) -> str:
    """A team physiotherapist who leads a session from `since` on."""
    moment = datetime.fromisoformat(since)
    physiotherapists = {s.id for s in timetable.staff if s.role == "physiotherapist"}
    for session in timetable.sessions:
        starts = datetime.combine(session.date, time()) + timedelta(minutes=session.start)
        physios = [s for s in session.staff if s in physiotherapists]
        if starts >= moment and physios:
            return physios[0]
    raise AssertionError("no physiotherapist leads anything from Wednesday")


def test_resolve_writes_beside_the_old_and_lists_the_changes(old_file: Path) -> None:
    old = load_timetable(old_file)
    before_bytes = old_file.read_bytes()
    wednesday = _wednesday_8(old)
    pt = _leader_from(old, wednesday)
    args = ["resolve", str(old_file), "--now", wednesday, "--unavailable", f"{pt}@{wednesday}"]

    result = CliRunner().invoke(main, [*args, *RESOLVE])

    assert result.exit_code == 0, result.output
    assert old_file.read_bytes() == before_bytes  # the input is never touched
    new_json, new_xlsx = (
        old_file.with_name("week-replan.json"),
        old_file.with_name("week-replan.xlsx"),
    )
    assert new_json.exists() and new_xlsx.exists()
    new = load_timetable(new_json)
    assert new.previous == "week.json"
    assert new.changes, "the physiotherapist's sessions from Wednesday must change"
    # The console speaks the timetable's language (Finnish) and names sessions by title,
    # people by name and days as dates.
    assert f"muuttuneita ohjelmakohtia {len(new.changes)}" in result.output
    for change in new.changes:
        assert change.titles["fi"] in result.output
    assert not re.search(r"\d{4}-\d\d-\d\d ", result.output)
    assert pt not in re.findall(r"\w+", result.output.split("tallennettu")[0])
    away_from = datetime.fromisoformat(wednesday)
    for session in new.sessions:
        starts = datetime.combine(session.date, time()) + timedelta(minutes=session.start)
        if starts >= away_from:
            assert pt not in session.staff, f"{session.id} still has {pt}"
    assert "tiedota:" in result.output
    # The Excel sheet lists the same changed sessions.
    sheet = load_workbook(new_xlsx)["Muutokset"]
    shown = {str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value}
    for change in new.changes:
        assert any(change.title in text for text in shown), change.title

    again = CliRunner().invoke(main, [*args, *RESOLVE])
    assert again.exit_code == 0, again.output
    assert old_file.with_name("week-replan-2.json").exists()  # never over the first re-plan
    assert new_json.read_text(encoding="utf-8") == new.to_json()


def test_resolve_takes_the_example_change_file(old_file: Path) -> None:
    example = Path(__file__).parents[1] / "data" / "changes" / "example.yaml"
    result = CliRunner().invoke(
        main, ["resolve", str(old_file), "--changes", str(example), *RESOLVE]
    )
    assert result.exit_code == 0, result.output
    new = load_timetable(old_file.with_name("week-replan.json"))
    wednesday, thursday = new.days[2], new.days[3]
    for session in new.sessions:  # course days start at 08:00: Wednesday on is pt1's absence
        if session.date >= wednesday:
            assert "pt1" not in session.staff, f"{session.id} still has pt1"
        if session.date == thursday:
            assert session.room != "allas", f"{session.id} uses the closed pool"


@pytest.mark.parametrize(
    ("entry", "told"),
    [
        ("  - remove_staff: liik\n", "write '- kind: remove_staff'"),
        (
            "  - kind: remove\n    staff: liik\n",
            "kind 'remove' is not known; did you mean 'remove_staff'?",
        ),
    ],
    ids=["kind missing", "kind misspelt"],
)
def test_a_change_file_slip_says_how_to_write_it(
    old_file: Path, tmp_path: Path, entry: str, told: str
) -> None:
    changes = tmp_path / "changes.yaml"
    changes.write_text(f"changes:\n{entry}", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["resolve", str(old_file), "--changes", str(changes), *RESOLVE]
    )
    assert result.exit_code == 2, result.output
    assert f"{changes}: line 2" in result.output
    assert told in result.output


def test_an_impossible_change_exits_3_naming_the_rule(old_file: Path) -> None:
    # Without the physician nobody can hold the closing discussion or the lectures.
    result = CliRunner().invoke(main, ["resolve", str(old_file), "--unavailable", "reum", *RESOLVE])
    assert result.exit_code == 3, result.output
    assert "R19" in result.output or "R23" in result.output
    assert not old_file.with_name("week-replan.json").exists()


def test_an_unknown_person_exits_2(old_file: Path) -> None:
    result = CliRunner().invoke(main, ["resolve", str(old_file), "--unavailable", "pt9", *RESOLVE])
    assert result.exit_code == 2, result.output
    assert "pt9" in result.output
    assert "Traceback" not in result.output
