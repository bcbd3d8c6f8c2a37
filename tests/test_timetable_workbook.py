"""The workbook comes back: the session list ("Ohjelmarivit") edited by hand with openpyxl, then
read back, checked, re-planned and repaired from the workbook alone; in Finnish and English,
and after LibreOffice has re-saved it.

The workbooks are edited the way a person would: by finding a row by its id cell and a column by
its heading, never through the writer's own layout code."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.check import check
from scheduler.check.places import with_rows
from scheduler.cli import main
from scheduler.domain.edits import follow_participants, hand_edits, undone_edits
from scheduler.errors import CourseWarning, InputError
from scheduler.export.excel import build_workbook, write_workbook
from scheduler.io.timetable_workbook import (
    DATA_FIRST_CHUNK,
    DATA_SHEET,
    MAX_LIST_ROWS,
    read_timetable_workbook,
)
from scheduler.io.timetables import load_timetable, read_timetable
from scheduler.words import label

RESOLVE = ["--time-limit", "3", "--quiet"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it"
)


# ---------------------------------------------------------------------------------------------
# Editing a workbook as a person does


class SessionList:
    """The list sheet of a saved workbook, by headings and id cells."""

    def __init__(self, path: Path, language: str = "fi") -> None:
        self.path = path
        self.book = load_workbook(path)
        self.ws: Worksheet = self.book[label("sheet_sessions", language)]
        self.language = language
        header = next(
            row
            for row in range(1, 10)
            if self.ws.cell(row, 1).value == label("list_date", language)
        )
        self.header = header
        self.columns = {
            str(self.ws.cell(header, c).value): c for c in range(1, self.ws.max_column + 1)
        }

    def column(self, key: str) -> int:
        return self.columns[label(f"list_{key}", self.language)]

    def row_of(self, session_id: str) -> int:
        id_column = self.column("id")
        for row in range(self.header + 1, self.ws.max_row + 1):
            if self.ws.cell(row, id_column).value == session_id:
                return row
        raise AssertionError(f"no row for {session_id}")

    def get(self, session_id: str, key: str) -> object:
        return self.ws.cell(self.row_of(session_id), self.column(key)).value

    def set(self, session_id: str, key: str, value: object) -> None:
        self.ws.cell(self.row_of(session_id), self.column(key)).value = value

    def swap_times(self, first: str, second: str) -> None:
        for key in ("date", "start", "end"):
            a, b = self.get(first, key), self.get(second, key)
            self.set(first, key, b)
            self.set(second, key, a)

    def save(self, name: str) -> Path:
        path = self.path.with_name(name)
        self.book.save(path)
        return path


_written: dict[tuple[str, str], Path] = {}


def _workbook(timetable: Timetable, folder: Path, language: str = "fi") -> Path:
    """The timetable's workbook in `folder` (written once per timetable and language)."""
    path = folder / f"week-{language}.xlsx"
    key = (timetable.model_dump_json(), language)
    made = _written.get(key)
    if made is None or not made.exists():
        _written[key] = write_workbook(timetable, path, language)
        return path
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(made, path))


def _physician_removed(saved_timetable: Timetable, folder: Path) -> tuple[Path, int]:
    """The closing discussion without its physician (R19), edited in the list; and its row."""
    sheet = SessionList(_workbook(saved_timetable, folder))
    closing = next(s for s in saved_timetable.sessions if s.id == "closing")
    others = [m.label for m in saved_timetable.staff if m.id in closing.staff and m.id != "reum"]
    sheet.set("closing", "staff", ", ".join(others))
    return sheet.save("edited.xlsx"), sheet.row_of("closing")


def _resave(paths: list[Path], folder: Path) -> list[Path]:
    """The workbooks opened and saved again by LibreOffice (as a person's LibreOffice would)."""
    assert SOFFICE
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={(folder / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(folder),
            *map(str, paths),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    resaved = [folder / path.name for path in paths]
    assert done.returncode == 0 and all(p.exists() for p in resaved), done.stderr
    return resaved


# ---------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_workbook_reads_back_as_the_same_timetable(
    saved_timetable: Timetable, tmp_path: Path, language: str
) -> None:
    path = _workbook(saved_timetable, tmp_path, language)
    back = read_timetable_workbook(path)
    assert back.timetable == saved_timetable
    assert back.original == saved_timetable
    assert back.sheet == label("sheet_sessions", language)
    assert load_timetable(path) == saved_timetable  # the one loader, by the suffix
    # Every session has its own row, in the timetable's order, below the headings.
    rows = [back.rows[s.id] for s in saved_timetable.sessions]
    assert rows == sorted(rows) and len(set(rows)) == len(rows)


def test_the_solved_default_course_reads_back(default_timetable: Timetable, tmp_path: Path) -> None:
    assert load_timetable(_workbook(default_timetable, tmp_path)) == default_timetable


def test_a_workbook_named_otherwise_is_still_read_as_one(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    path = _workbook(saved_timetable, tmp_path)
    renamed = path.rename(tmp_path / "week.json")
    assert load_timetable(renamed) == saved_timetable


def test_the_list_shows_what_a_person_edits(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    closing = next(s for s in saved_timetable.sessions if s.id == "closing")
    assert sheet.get("closing", "date") == datetime.combine(closing.date, time())
    assert sheet.ws.cell(sheet.row_of("closing"), sheet.column("date")).number_format.startswith(
        "[$-40B]"
    )  # Finnish weekday and date: 'pe 12.3.2027'
    assert sheet.get("closing", "start") == time(12, 0)
    assert sheet.get("closing", "staff") == "Anna Laakso, Sari Mäkelä"
    assert sheet.get("closing", "room") == "Ryhmätila 1"
    assert sheet.get("closing", "locked") == "ei"
    assert sheet.get("interview-K01", "participants") == "K01"
    assert sheet.get("closing", "participants") is None  # the whole group: the hidden course says
    hidden = sheet.book[DATA_SHEET]
    assert hidden.sheet_state == "veryHidden" and hidden.protection.sheet
    # Drop-downs for staff, rooms, yes/no, kinds and halves, from the hidden sheet.
    lists = {str(v.sqref).split(":")[0][0] for v in sheet.ws.data_validations.dataValidation}
    assert lists >= {"E", "F", "G", "H", "J"}


def test_text_from_the_timetable_never_becomes_a_formula(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    staff = tuple(
        m.model_copy(update={"name": '=HYPERLINK("http://x","y")'}) if m.id == "tt" else m
        for m in saved_timetable.staff
    )
    hostile = saved_timetable.model_copy(update={"staff": staff})
    path = tmp_path / "hostile.xlsx"
    build_workbook(hostile, "fi", standard=standard).save(path)
    book = load_workbook(path)
    for ws in (book[label("sheet_sessions", "fi")], book[DATA_SHEET]):
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate)
    assert read_timetable_workbook(path).timetable == hostile


# ---------------------------------------------------------------------------------------------
# kurssi check on a workbook


def test_a_swap_that_keeps_the_rules_checks(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.swap_times("living_with-2", "ergonomics")
    path = sheet.save("swapped.xlsx")

    result = CliRunner().invoke(main, ["check", str(path)])

    assert result.exit_code == 0, result.output
    back = {s.id: s for s in load_timetable(path).sessions}
    before = {s.id: s for s in saved_timetable.sessions}
    assert back["ergonomics"].start == before["living_with-2"].start
    assert back["living_with-2"].start == before["ergonomics"].start


def test_a_broken_rule_names_the_rule_and_the_row(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    path, row = _physician_removed(saved_timetable, tmp_path)

    finnish = CliRunner().invoke(main, ["check", str(path)])
    english = CliRunner().invoke(main, ["check", str(path), "--lang", "en"])

    assert finnish.exit_code == 1 and english.exit_code == 1
    r19 = [
        line for line in finnish.output.splitlines() if "loppukeskustelussa ei ole lääkäriä" in line
    ]
    assert r19 and all(f"(Ohjelmarivit, rivi {row})" in line for line in r19)
    assert "R19  EI TÄYTY" in finnish.output
    r19_en = [line for line in english.output.splitlines() if "has no physician" in line]
    assert r19_en and all(f"(Ohjelmarivit, row {row})" in line for line in r19_en)


def test_swapped_participants_take_their_meetings_along(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.set("interview-K01", "participants", "K02")
    sheet.set("interview-K02", "participants", "K01")
    back = read_timetable_workbook(sheet.save("participants.xlsx"))
    before = {s.id: s for s in saved_timetable.sessions}
    after = {s.id: s for s in back.timetable.sessions}
    # K01's interview is now where K02's was (and the other way round), with that row's staff.
    assert after["interview-K01"].participants == ("K01",)
    assert (after["interview-K01"].start, after["interview-K01"].staff) == (
        before["interview-K02"].start,
        before["interview-K02"].staff,
    )
    assert back.rows["interview-K01"] == sheet.row_of("interview-K02")


def test_unreadable_edits_are_located_all_at_once(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    time_row, name_row = sheet.row_of("gym-2"), sheet.row_of("opening")
    sheet.set("gym-2", "start", "kymmenen")
    sheet.set("opening", "staff", "Sari Mäkelä, Tohtori Tuntematon")
    sheet.ws.delete_rows(sheet.row_of("closing"))
    added = sheet.ws.max_row + 1
    sheet.ws.cell(added, sheet.column("date"), "pe 12.3.")
    sheet.ws.cell(added, sheet.column("start"), "14.00")
    sheet.ws.cell(added, sheet.column("end"), "15:00")
    sheet.ws.cell(added, sheet.column("title"), "Kahvit")
    path = sheet.save("unreadable.xlsx")

    result = CliRunner().invoke(main, ["check", str(path)])

    assert result.exit_code == 2, result.output
    assert "tiedoissa on 4 virhettä" in result.output
    assert (
        f"välilehti 'Ohjelmarivit', solu B{time_row}: 'kymmenen' ei ole kellonaika" in result.output
    )
    assert (
        f"välilehti 'Ohjelmarivit', solu G{name_row}: työntekijää nimeltä 'Tohtori Tuntematon' "
        "ei ole" in result.output
    )
    assert "Anna Laakso, Mikko Virtanen" in result.output  # the valid names
    assert "ohjelmakohdan ”Loppukeskustelu” (pe 12.3.2027 klo 12:00) rivi on poistettu" in (
        result.output
    )
    assert f"solu E{added}: käsin lisätylle riville tarvitaan muoto" in result.output
    assert "Traceback" not in result.output


def test_dates_and_times_typed_as_text_read(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.set("ergonomics", "date", "to 11.3.")
    sheet.set("ergonomics", "start", "9.00")
    sheet.set("ergonomics", "end", "klo 10.00")
    sheet.set("nutrition", "date", "Thu 11 March 2027")
    sheet.set("benefits", "date", "2027-03-10")
    sheet.set("closing", "locked", "Kyllä")
    back = {s.id: s for s in read_timetable_workbook(sheet.save("typed.xlsx")).timetable.sessions}
    assert (back["ergonomics"].date, back["ergonomics"].start) == (date(2027, 3, 11), 9 * 60)
    assert back["ergonomics"].end == 10 * 60
    assert back["nutrition"].date == date(2027, 3, 11)
    assert back["benefits"].date == date(2027, 3, 10)
    assert back["closing"].locked


def test_a_sorted_list_reads_back_the_same(saved_timetable: Timetable, tmp_path: Path) -> None:
    """Sorting the list (by room, say) moves whole rows: each keeps its session by its id."""
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    first, last = sheet.header + 1, sheet.ws.max_row
    rows = [
        [sheet.ws.cell(r, c).value for c in range(1, sheet.ws.max_column + 1)]
        for r in range(first, last + 1)
    ]
    for offset, values in enumerate(reversed(rows)):
        for column, value in enumerate(values, start=1):
            sheet.ws.cell(first + offset, column).value = value
    back = read_timetable_workbook(sheet.save("sorted.xlsx"))
    assert back.timetable == saved_timetable
    assert back.rows[saved_timetable.sessions[0].id] == last


def test_an_edited_title_is_not_read_and_says_so(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.set("ergonomics", "title", "Jotain muuta")
    path = sheet.save("title.xlsx")
    with pytest.warns(CourseWarning, match="olemassa olevan ohjelmakohdan nimeä ei lueta"):
        back = load_timetable(path)
    assert back == saved_timetable


def test_a_wrong_weekday_or_a_copied_id_is_told(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.set("ergonomics", "date", "ma 11.3.2027")  # 11.3.2027 is a Thursday
    copied = sheet.ws.max_row + 1
    for column in range(1, sheet.ws.max_column + 1):
        sheet.ws.cell(copied, column).value = sheet.ws.cell(sheet.row_of("lecture"), column).value
    with pytest.raises(InputError) as raised:
        read_timetable_workbook(sheet.save("wrong.xlsx"))
    text = "\n".join(str(p) for p in raised.value.problems)
    assert "'ma 11.3.2027' ei ole päivämäärä (viikonpäivä ei täsmää: päivä on to 11.3.2027)" in text
    assert f"solu K{copied}: rivi {sheet.row_of('lecture')} on jo ohjelmakohta 'lecture'" in text


def test_a_workbook_without_a_timetable_is_refused(tmp_path: Path) -> None:
    course_form = tmp_path / "form.xlsx"
    result = CliRunner().invoke(main, ["init", "--excel", str(course_form)])
    assert result.exit_code == 0, result.output

    result = CliRunner().invoke(main, ["check", str(course_form)])

    assert result.exit_code == 2
    assert "ei sisällä aikataulua" in result.output
    assert "kurssi solve LOMAKE.xlsx" in result.output


def test_absurd_sizes_are_refused(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    far = sheet.header + MAX_LIST_ROWS + 5
    sheet.ws.cell(far, 1, "x")
    with pytest.raises(InputError, match="luettelo jatkuu rivin"):
        read_timetable_workbook(sheet.save("long.xlsx"))


def test_a_damaged_hidden_timetable_is_told(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    hidden = sheet.book[DATA_SHEET]
    hidden.cell(DATA_FIRST_CHUNK, 1).value = str(hidden.cell(DATA_FIRST_CHUNK, 1).value)[:-10]
    with pytest.raises(InputError, match="piilotettu aikataulu on vioittunut"):
        read_timetable_workbook(sheet.save("damaged.xlsx"))


# ---------------------------------------------------------------------------------------------
# Pieces: rows in reasons, hand edits


def test_rows_are_found_by_the_sessions_named(
    saved_timetable: Timetable, standard: Standard
) -> None:
    """A reason names a session by its title and time: the row of that session, not of
    another whose title or id begins the same."""
    closing = next(s for s in saved_timetable.sessions if s.id == "closing")
    broken = saved_timetable.model_copy(
        update={
            "sessions": tuple(
                s.model_copy(update={"staff": ("psy",)}) if s is closing else s
                for s in saved_timetable.sessions
            )
        }
    )
    rows = {"closing": 9, "lunch-d1": 10, "lunch-d10": 11}
    report = with_rows(check(broken, standard), "Ohjelmarivit", rows, broken, standard)
    reasons = report.result("R19").reasons_in("fi")
    assert reasons and all(r.endswith("(Ohjelmarivit, rivi 9)") for r in reasons)
    assert report.result("R1").said == check(broken, standard).result("R1").said  # passes: as is


def test_hand_edits_and_what_a_replan_undid(saved_timetable: Timetable) -> None:
    before = saved_timetable.sessions
    by_id = {s.id: s for s in before}
    moved = by_id["ergonomics"].model_copy(update={"start": 8 * 60 + 30, "end": 9 * 60 + 30})
    locked = by_id["lecture"].model_copy(update={"locked": True})
    after = [moved if s.id == "ergonomics" else locked if s.id == "lecture" else s for s in before]
    edits = hand_edits(before, after)
    assert [(e.session, e.field) for e in edits] == [("lecture", "locked"), ("ergonomics", "time")]
    undone = undone_edits(edits, before)  # a re-plan that put everything back
    assert [(e.session, e.field) for e in undone] == [("lecture", "locked"), ("ergonomics", "time")]
    assert undone_edits(edits, after) == ()


def test_only_whole_swaps_of_participants_rename() -> None:
    def meeting(session_id: str, participant: str, start: int) -> Session:
        return Session(
            id=session_id, title="x", kind=SessionKind.INDIVIDUAL, date=date(2027, 3, 8),
            start=start, end=start + 60, participants=(participant,), spec="interview",
        )  # fmt: skip

    before = [meeting("i-K01", "K01", 480), meeting("i-K02", "K02", 540)]
    swapped = [meeting("i-K01", "K02", 480), meeting("i-K02", "K01", 540)]
    assert follow_participants(before, swapped) == {"i-K01": "i-K02", "i-K02": "i-K01"}
    doubled = [meeting("i-K01", "K02", 480), meeting("i-K02", "K02", 540)]
    assert follow_participants(before, doubled) == {}


# ---------------------------------------------------------------------------------------------
# kurssi resolve and export on a workbook


def test_export_reads_the_edited_workbook(saved_timetable: Timetable, tmp_path: Path) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    sheet.swap_times("living_with-2", "ergonomics")
    path = sheet.save("swapped.xlsx")

    result = CliRunner().invoke(
        main, ["export", str(path), "--format", "json", "--out", str(tmp_path)]
    )

    assert result.exit_code == 0, result.output
    assert load_timetable(tmp_path / "swapped.json") == load_timetable(path)


def test_resolve_keeps_locked_rows_where_they_are(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    # Without the locks, this re-plan moves all three (the lecture to another day, the other
    # two to other times: measured on this timetable); locked, they stay exactly as they are.
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    locked = ("lecture", "body_care", "relaxation")
    for session_id in locked:
        sheet.set(session_id, "locked", "kyllä")
    path = sheet.save("locked.xlsx")
    edited = {s.id: s for s in load_timetable(path).sessions}
    thursday = saved_timetable.days[3]
    away = f"sosi@{thursday.isoformat()}T00:00/{(thursday + timedelta(days=1)).isoformat()}T00:00"

    result = CliRunner().invoke(main, ["resolve", str(path), "--unavailable", away, *RESOLVE])

    assert result.exit_code == 0, result.output
    new = load_timetable(tmp_path / "locked-replan.json")
    assert new.previous == "locked.xlsx" and new.changes
    after = {s.id: s for s in new.sessions}
    for session_id in locked:
        was, now = edited[session_id], after[session_id]
        assert (now.date, now.start, now.end, now.staff, now.room) == (
            was.date, was.start, was.end, was.staff, was.room,
        ), session_id  # fmt: skip
        assert now.locked and was.locked
    assert not any("sosi" in s.staff for s in new.sessions if s.date == thursday)
    assert check(new, standard).passed
    # The re-plan's workbook reads back as the re-plan, locks and all.
    assert load_timetable(tmp_path / "locked-replan.xlsx") == new


@pytest.fixture(scope="module")
def repaired(
    saved_timetable: Timetable, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, int, str]:
    """`kurssi resolve --repair` on the workbook whose closing lost its physician."""
    folder = tmp_path_factory.mktemp("repair")
    path, row = _physician_removed(saved_timetable, folder)
    refused = CliRunner().invoke(main, ["resolve", str(path), "--unavailable", "liik", *RESOLVE])
    assert refused.exit_code == 1, refused.output  # not without --repair
    assert "--repair" in refused.output and f"Ohjelmarivit, rivi {row}" in refused.output
    result = CliRunner().invoke(main, ["resolve", str(path), "--repair", *RESOLVE])
    assert result.exit_code == 0, result.output
    return path, row, result.output


def test_repair_meets_every_rule_and_lists_the_edit_it_undid(
    repaired: tuple[Path, int, str],
) -> None:
    path, row, output = repaired
    new_xlsx = path.with_name("edited-replan.xlsx")
    assert CliRunner().invoke(main, ["check", str(new_xlsx)]).exit_code == 0
    # The console speaks the course's language (Finnish) and names the edit's row.
    assert "standardin täyttämiseksi peruttiin 1 käsin tehtyä muutosta" in output
    assert f"Loppukeskustelu (Ohjelmarivit, rivi {row})" in output
    assert "ohjaajat muokattuna: Sari Mäkelä" in output
    new = load_timetable(path.with_name("edited-replan.json"))
    assert any(s.id == "closing" and "reum" in s.staff for s in new.sessions)


@pytest.mark.parametrize("language", ["fi", "en"])
def test_a_repaired_replan_reads_back(
    repaired: tuple[Path, int, str], tmp_path: Path, language: str
) -> None:
    path, _, _ = repaired
    new = load_timetable(path.with_name("edited-replan.json"))
    assert new.changes and new.previous == "edited.xlsx"
    assert load_timetable(_workbook(new, tmp_path, language)) == new


def test_rows_added_by_hand_are_checked_but_not_replanned(
    saved_timetable: Timetable, tmp_path: Path
) -> None:
    sheet = SessionList(_workbook(saved_timetable, tmp_path))
    added = sheet.ws.max_row + 1
    for key, value in {
        "date": "pe 12.3.2027", "start": "14:00", "end": "14:15", "title": "Kahvit",
        "kind": "Tauko",
    }.items():  # fmt: skip
        sheet.ws.cell(added, sheet.column(key), value)
    path = sheet.save("added.xlsx")
    source = read_timetable(path)
    assert source.workbook is not None and source.workbook.added == (f"added-{added}",)
    coffee = next(s for s in source.timetable.sessions if s.title == "Kahvit")
    assert coffee.kind == SessionKind.BREAK and len(coffee.participants) == 10

    result = CliRunner().invoke(main, ["resolve", str(path), "--repair", *RESOLVE])

    assert result.exit_code == 2
    assert (
        f"välilehti 'Ohjelmarivit', rivi {added}: uusi suunnitelma sijoittaa kurssin ohjelman"
        in result.output
    )


# ---------------------------------------------------------------------------------------------
# LibreOffice re-saves it


@needs_libreoffice
def test_a_workbook_resaved_by_libreoffice_reads_back(
    saved_timetable: Timetable, repaired: tuple[Path, int, str], tmp_path: Path
) -> None:
    replan = load_timetable(repaired[0].with_name("edited-replan.json"))
    originals = [
        _workbook(saved_timetable, tmp_path / "fi", "fi"),
        _workbook(saved_timetable, tmp_path / "en", "en"),
        repaired[0].with_name("edited-replan.xlsx"),
    ]
    fi, en, replanned = _resave(originals, tmp_path / "resaved")
    assert load_timetable(fi) == saved_timetable
    assert load_timetable(en) == saved_timetable
    assert load_timetable(replanned) == replan
    # Edits made after the re-save read back too (LibreOffice keeps the dates as dates).
    sheet = SessionList(fi)
    sheet.swap_times("living_with-2", "ergonomics")
    assert CliRunner().invoke(main, ["check", str(sheet.save("swapped.xlsx"))]).exit_code == 0
