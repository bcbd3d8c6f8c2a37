"""`kurssi export` re-makes every output from the JSON alone, never over an existing file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar
from openpyxl import load_workbook

from scheduler.cli import main
from scheduler.export.ics import calendar_name
from scheduler.io.timetables import load_timetable

FIXTURE = Path(__file__).parent / "fixtures" / "default-timetable.json"


def test_export_each_format(tmp_path: Path) -> None:
    runner = CliRunner()
    for fmt in ("xlsx", "json", "ics"):
        result = runner.invoke(
            main, ["export", str(FIXTURE), "--format", fmt, "--out", str(tmp_path)]
        )
        assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "default-timetable.xlsx" in names
    assert "default-timetable.json" in names
    assert "default-timetable-pt1-mikko-virtanen.ics" in names  # staff by id and name
    assert "default-timetable-K01.ics" in names  # participants by pseudonymous id
    timetable = load_timetable(FIXTURE)
    assert load_timetable(tmp_path / "default-timetable.json") == timetable
    assert load_workbook(tmp_path / "default-timetable.xlsx").sheetnames[0] == "Viikko-ohjelma"
    for member in timetable.staff:
        calendar = Calendar.from_ical(
            (tmp_path / f"default-timetable-{calendar_name(timetable, member.id)}.ics").read_bytes()
        )
        uids = (str(e["uid"]) for e in calendar.walk("VEVENT"))
        events = sorted(uid.split(f".{member.id}.")[0] for uid in uids)
        assert events == sorted(s.id for s in timetable.sessions if member.id in s.staff)


def test_export_in_english_never_overwrites(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["export", str(FIXTURE), "--lang", "en", "--out", str(tmp_path)]
    assert runner.invoke(main, args).exit_code == 0
    again = runner.invoke(main, args)
    assert again.exit_code == 0
    assert "default-timetable-2.xlsx" in again.output
    assert load_workbook(tmp_path / "default-timetable-2.xlsx").sheetnames[0] == "Week"


def test_export_has_help() -> None:
    result = CliRunner().invoke(main, ["export", "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output
