"""`kurssi export` re-makes every output from the JSON alone, never over an existing file."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from openpyxl import load_workbook

from scheduler.cli import main
from scheduler.load import load_timetable

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
    assert "default-timetable-pt1.ics" in names
    assert load_timetable(tmp_path / "default-timetable.json") == load_timetable(FIXTURE)
    assert load_workbook(tmp_path / "default-timetable.xlsx").sheetnames[0] == "Viikko-ohjelma"


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
