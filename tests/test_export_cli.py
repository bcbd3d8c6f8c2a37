"""`kurssi export` re-makes every output from the JSON alone, never over an existing file."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
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
    assert "Esimerkki:" in result.output
    result = CliRunner().invoke(main, ["export", "--help", "--lang", "en"])
    assert "Example:" in result.output


# One process started under the umask writes all three formats, as three `kurssi export`
# runs would (the tool reads its umask once, when it starts).
EXPORT_ALL = """
import sys
from scheduler.cli import main
fixture, out = sys.argv[1:]
for fmt in ("json", "xlsx", "ics"):
    main(["export", fixture, "--format", fmt, "--out", f"{out}/{fmt}"], standalone_mode=False)
"""


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_outputs_are_as_readable_as_the_umask_allows(tmp_path: Path, umask: int, mode: int) -> None:
    """Colleagues on a shared folder can open the outputs (0644 under umask 022); the atomic
    write's owner-only temporary file does not decide it. The tool reads its umask once when it
    starts (reading means setting it, which threads must not race), so each run is a process
    started under that umask."""
    fixture = Path(__file__).parent / "fixtures" / "default-timetable.json"
    run = subprocess.run(
        [sys.executable, "-c", EXPORT_ALL, str(fixture), str(tmp_path)],
        preexec_fn=lambda: os.umask(umask),
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {p.suffix for p in written} == {".json", ".xlsx", ".ics"}
    assert {stat.S_IMODE(p.stat().st_mode) for p in written} == {mode}
    assert not [p for p in tmp_path.rglob(".*") if p.is_file()]  # no temporary left
