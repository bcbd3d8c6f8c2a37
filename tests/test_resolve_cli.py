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
        ("  - remove_staff: liik\n", "kirjoita '- kind: remove_staff'"),
        (
            "  - kind: remove\n    staff: liik\n",
            "kind 'remove' on tuntematon; tarkoititko 'remove_staff'?",
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
    assert f"{changes}: rivi 2" in result.output
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


# -- issue 14: by name, notice, one count ----------------------------------------------------------


def _console_rows(output: str) -> list[str]:
    """The change list's rows on the console: '  Title [what]' lines."""
    return [line for line in output.splitlines() if line.startswith("  ") and "[" in line]


def _sheet_rows(path: Path) -> list[tuple]:
    sheet = load_workbook(path)["Muutokset"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(i for i, row in enumerate(rows) if row[0] == "Ohjelma")
    return [row for row in rows[header + 1 :] if row[0]]


def _counts_agree(result_output: str, json_path: Path, xlsx_path: Path) -> int:
    new = load_timetable(json_path)
    count = len(new.changes)
    assert f"muuttuneita ohjelmakohtia {count} " in result_output  # the course speaks Finnish
    assert len(_console_rows(result_output)) == count
    assert len(_sheet_rows(xlsx_path)) == count
    return count


def test_a_replan_by_name_and_the_counts_agree(old_file: Path) -> None:
    old = load_timetable(old_file)
    wednesday = _wednesday_8(old)
    pt = _leader_from(old, wednesday)
    name = next(m.name for m in old.staff if m.id == pt)
    args = ["resolve", str(old_file), "--now", wednesday, "--unavailable", f"{name.lower()}"]
    result = CliRunner().invoke(main, [*args, *RESOLVE])
    assert result.exit_code == 0, result.output
    count = _counts_agree(
        result.output,
        old_file.with_name("week-replan.json"),
        old_file.with_name("week-replan.xlsx"),
    )
    assert count > 0
    new = load_timetable(old_file.with_name("week-replan.json"))
    assert new.replan is not None and new.replan.notice_minutes == 60
    notice_end = datetime.fromisoformat(wednesday) + timedelta(minutes=60)
    for change in new.changes:
        if not change.forced:
            assert change.becomes is not None
            at = datetime.combine(change.becomes.date, time()) + timedelta(
                minutes=change.becomes.start
            )
            assert at >= notice_end


def test_a_participant_leaving_counts_agree(old_file: Path) -> None:
    old = load_timetable(old_file)
    now = datetime.combine(old.days[1], time(12, 0)).isoformat(timespec="minutes")
    args = ["resolve", str(old_file), "--now", now, "--participant-leaves", "K05"]
    result = CliRunner().invoke(main, [*args, *RESOLVE])
    assert result.exit_code == 0, result.output
    count = _counts_agree(
        result.output,
        old_file.with_name("week-replan.json"),
        old_file.with_name("week-replan.xlsx"),
    )
    assert count > 0, "every session K05 leaves is a change"
    assert "kaikki kuntoutujat" not in result.output  # only each session's own staff are told


def test_an_unknown_name_lists_the_people_and_exits_2(old_file: Path) -> None:
    result = CliRunner().invoke(
        main, ["resolve", str(old_file), "--unavailable", "Laura Niemi", *RESOLVE]
    )
    assert result.exit_code == 2, result.output
    assert "kurssilla ei ole työntekijää 'Laura Niemi'" in result.output
    assert "Laura Nieminen (fysioterapeutti, tunnus pt2)" in result.output
    assert "Traceback" not in result.output


def test_help_shows_the_format_and_default_of_now() -> None:
    result = CliRunner().invoke(main, ["resolve", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.output.split())
    assert "--now AJANKOHTA" in text and "2027-03-10T12:00" in text
    assert "Oletus: nykyhetki" in text
    assert "--notice MINUUTTIA" in text
    result = CliRunner().invoke(main, ["resolve", "--help", "--lang", "en"])
    text = " ".join(result.output.split())
    assert "YYYY-MM-DDTHH:MM" in text and "2027-03-10T12:00" in text
    assert "Default: the current time" in text
    assert "--notice MINUTES" in text


# -- issue 17: a change while a session is under way ----------------------------------------------


def _under_way_for(timetable: Timetable, staff_id: str) -> tuple[str, datetime]:
    """A group session `staff_id` leads alone after day 1, and a moment it is under way."""
    for session in timetable.sessions:
        alone = session.staff == (staff_id,) and session.kind.value == "group"
        if alone and timetable.day_number(session.date) != 1:
            at = datetime.combine(session.date, time()) + timedelta(minutes=session.start + 15)
            return session.id, at
    raise AssertionError(f"{staff_id} leads no group session alone after day 1")


def test_a_stand_in_mid_session_from_the_command_line(old_file: Path, tmp_path: Path) -> None:
    """The issue's command, with --now from the solved timetable: pt1 leads a session under
    way at --now and sub1 takes over."""
    old = load_timetable(old_file)
    session_id, now = _under_way_for(old, "pt1")
    command = [
        "resolve", str(old_file), "--now", now.isoformat(timespec="minutes"),
        "--replace", "pt1=sub1", "--calendars",
    ]  # fmt: skip
    result = CliRunner().invoke(main, [*command, *RESOLVE])
    assert result.exit_code == 0, result.output
    new_json = old_file.with_name("week-replan.json")
    checked = CliRunner().invoke(main, ["check", str(new_json)])
    assert checked.exit_code == 0, checked.output
    new = load_timetable(new_json)
    session = {s.id: s for s in new.sessions}[session_id]
    cut = now.hour * 60 + now.minute
    (first, second) = session.parts
    assert (first.staff, first.end) == (("pt1",), cut)
    assert (second.staff, second.start) == (("sub1",), cut)
    # The hours table credits each with their minutes.
    lines = checked.output.splitlines()
    sub1 = next(line for line in lines if line.strip().startswith("sub1"))
    assert "FAIL" not in sub1
    assert f"{second.end - second.start} min" in sub1 or "h" in sub1
    # Calendars by id and name; participants by id.
    assert old_file.with_name("week-replan-pt1-mikko-virtanen.ics").exists()
    assert old_file.with_name("week-replan-sub1.ics").exists()
    assert old_file.with_name("week-replan-K01.ics").exists()


def test_an_unavailable_leader_mid_session_with_nobody_else_exits_3(old_file: Path) -> None:
    old = load_timetable(old_file)
    session_id, now = _under_way_for(old, "pt1")
    session = {s.id: s for s in old.sessions}[session_id]
    end = datetime.combine(session.date, time()) + timedelta(minutes=session.end)
    busy = {  # in another session then: not free to step in anyway
        x
        for s in old.sessions
        if s.date == session.date and s.start < session.end and session.start < s.end
        for x in s.staff
    }
    others = [m.id for m in old.staff if m.id not in busy]  # nobody else can step in either
    flags = [f"--unavailable={x}@{now.isoformat()}/{end.isoformat()}" for x in others]
    result = CliRunner().invoke(
        main,
        [
            "resolve",
            str(old_file),
            "--now",
            now.isoformat(),
            "--unavailable",
            "pt1",
            *flags,
            *RESOLVE,
        ],
    )
    assert result.exit_code == 3, result.output
    assert "on käynnissä klo" in result.output
    assert "Mikko Virtanen (fysioterapeutti)" in result.output
    assert f"--end-early {session_id}" in result.output
    assert "unlock" not in result.output
