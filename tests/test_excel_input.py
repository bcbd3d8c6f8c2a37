"""The Excel course form and `kurssi init`: the form loads into the same course as the YAML it
was made from, solves, and its mistakes are told by sheet and cell."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from scheduler.cli import main
from scheduler.errors import InputError
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.excel_form import write_course_form

FIRST_DAY = "2027-03-15"


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """`kurssi init --out course.yaml --excel form.xlsx`: both files."""
    folder = tmp_path_factory.mktemp("init")
    yaml_path, form_path = folder / "course.yaml", folder / "form.xlsx"
    result = CliRunner().invoke(
        main,
        ["init", "--out", str(yaml_path), "--excel", str(form_path), "--first-day", FIRST_DAY],
    )
    assert result.exit_code == 0, result.output
    return yaml_path, form_path


def edited(form: Path, tmp_path: Path, change: dict[tuple[str, str], object]) -> Path:
    """A copy of the form with some cells changed: {(sheet, cell): value}."""
    book = load_workbook(form)
    for (sheet, cell), value in change.items():
        book[sheet][cell] = value
    path = tmp_path / "edited.xlsx"
    book.save(path)
    return path


def solve_cli(path: Path, out: Path) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["solve", str(path), "--time-limit", "3", "--out", str(out), "--quiet"]
    )
    return result.exit_code, result.output


def test_init_writes_a_course_that_loads(made: tuple[Path, Path]) -> None:
    course = load_course(made[0])
    assert course.info.first_day == date.fromisoformat(FIRST_DAY)
    assert course.info.standard == "kela-reuma-2017"
    assert len(course.participants) == course.standard.participants
    # The example's availability moved with the first day: the physician still comes on the
    # Tuesday and Friday afternoons.
    physician = course.member("reum")
    assert [str(w) for w in physician.availability[date(2027, 3, 16)]] == ["12:00-16:00"]
    assert physician.availability[date(2027, 3, 15)] == ()


def test_the_form_loads_into_the_same_course(made: tuple[Path, Path]) -> None:
    from_yaml, from_excel = load_course(made[0]), load_course(made[1])
    for field in ("info", "staff", "participants", "rooms", "programme", "preferences"):
        assert getattr(from_excel, field) == getattr(from_yaml, field), field


def test_init_never_writes_over_a_file(made: tuple[Path, Path]) -> None:
    before = made[0].read_bytes()
    result = CliRunner().invoke(main, ["init", "--out", str(made[0])])
    assert result.exit_code == 0, result.output
    assert made[0].read_bytes() == before
    assert (made[0].parent / "course-2.yaml").is_file()


def test_init_refuses_an_unknown_standard(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["init", "--out", str(tmp_path / "c.yaml"), "--standard", "kela-reuma-2071"]
    )
    assert result.exit_code == 2
    assert "kela-reuma-2017" in result.output
    assert not (tmp_path / "c.yaml").exists()


def test_init_refuses_a_first_day_the_standard_does_not_allow(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["init", "--out", str(tmp_path / "c.yaml"), "--first-day", "2027-03-13"]
    )
    assert result.exit_code == 2
    assert "R2" in result.output


@pytest.mark.slow
def test_the_form_solves(made: tuple[Path, Path], tmp_path: Path) -> None:
    code, output = solve_cli(made[1], tmp_path)
    assert code == 0, output
    assert list(tmp_path.glob("form-2027-03-15.json"))


def test_a_wrong_role_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    form = edited(made[1], tmp_path, {("Henkilöstö", "C5"): "physiotherapeut"})
    code, output = solve_cli(form, tmp_path)
    assert code == 2, output
    assert "sheet 'Henkilöstö', cell C5 (staff[2].role)" in output
    assert "physiotherapeut" in output


def test_a_bad_date_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    book = load_workbook(made[1])
    row = next(r for r in range(2, 20) if book["Kurssi"].cell(r, 2).value == "first_day")
    form = edited(made[1], tmp_path, {("Kurssi", f"C{row}"): "2027-02-30"})
    code, output = solve_cli(form, tmp_path)
    assert code == 2, output
    assert f"sheet 'Kurssi', cell C{row}" in output
    assert "'2027-02-30' is not a valid date" in output


def day_column(form: Path, sheet: str, day: date) -> str:
    """The letter of a sheet's column for a course day."""
    cells = load_workbook(form)[sheet][2]
    return next(c.column_letter for c in cells if c.value in (day, datetime.combine(day, time())))


def test_a_bad_day_column_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    column = day_column(made[1], "Henkilöstö", date(2027, 3, 15))
    form = edited(made[1], tmp_path, {("Henkilöstö", f"{column}2"): "2027-03-32"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    assert f"sheet 'Henkilöstö', cell {column}2" in str(caught.value)


def test_a_bad_availability_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    column = day_column(made[1], "Henkilöstö", date(2027, 3, 16))
    form = edited(made[1], tmp_path, {("Henkilöstö", f"{column}3"): "12:00-25:00"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    told = str(caught.value)
    assert f"sheet 'Henkilöstö', cell {column}3 (staff[0].availability.2027-03-16" in told


def test_a_missing_sheet_is_named(made: tuple[Path, Path], tmp_path: Path) -> None:
    book = load_workbook(made[1])
    del book["Tilat"]
    path = tmp_path / "no-rooms.xlsx"
    book.save(path)
    code, output = solve_cli(path, tmp_path)
    assert code == 2, output
    assert "sheet 'Tilat'" in output and "missing" in output


def test_an_unknown_column_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    after_last = get_column_letter(load_workbook(made[1])["Tilat"].max_column + 1)
    form = edited(made[1], tmp_path, {("Tilat", f"{after_last}2"): "colour"})
    form_book = load_workbook(form)
    form_book["Tilat"][f"{after_last}3"] = "blue"
    form_book.save(form)
    with pytest.raises(InputError) as caught:
        load_course(form)
    assert f"sheet 'Tilat', cell {after_last}2" in str(caught.value)
    assert "unknown column 'colour'" in str(caught.value)


def test_not_a_workbook_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "course.xlsx"
    path.write_text("course:\n  title: x\n", encoding="utf-8")
    code, output = solve_cli(path, tmp_path)
    assert code == 2, output
    assert "not an Excel workbook" in output


def test_a_duplicate_id_names_both_cells(made: tuple[Path, Path], tmp_path: Path) -> None:
    form = edited(made[1], tmp_path, {("Tilat", "A4"): "kuntosali"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    message = str(caught.value)
    assert "sheet 'Tilat', cell A4 (rooms[1].id)" in message
    assert "first on sheet 'Tilat', cell A3" in message


def test_the_default_first_day_avoids_holidays() -> None:
    from scheduler.io.standards import load_standard
    from scheduler.services.new_course import default_first_day

    # Four weeks after 2026-11-23 is Christmas week; the week after has New Year's Day.
    first = default_first_day(load_standard("kela-reuma-2017"), date(2026, 11, 23))
    assert first == date(2027, 1, 11)
    assert default_first_day(load_standard("kela-reuma-2017"), date(2027, 2, 3)) == date(
        2027, 3, 8
    )  # the next Monday four weeks on, not the Wednesday


def test_re_plan_facts_go_through_the_form(tmp_path: Path) -> None:
    """A stand-in (`replaces`), a participant who leaves and a room out of use for some hours:
    the form holds every field a course file can say, so a re-planned course edited in Excel
    loads as its YAML does."""
    data = yaml.safe_load(DEFAULT_COURSE.read_text(encoding="utf-8"))
    data["staff"].append(
        {"id": "pt3", "name": "Sijainen", "role": "physiotherapist", "replaces": "pt2"}
    )
    data["participants"]["list"].append({"id": "K05", "leaves": "2027-03-10 12:00"})
    pool = next(room for room in data["rooms"] if room["id"] == "allas")
    pool["unavailable"] = {"2027-03-10": ["08:00-10:00"]}
    yaml_path, form_path = tmp_path / "course.yaml", tmp_path / "form.xlsx"
    yaml_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    days = tuple(date(2027, 3, day) for day in range(8, 13))
    write_course_form(data, days, form_path)

    from_yaml, from_excel = load_course(yaml_path), load_course(form_path)
    for field in ("info", "staff", "participants", "rooms", "programme", "preferences"):
        assert getattr(from_excel, field) == getattr(from_yaml, field), field
    assert from_excel.member("pt3").replaces == "pt2"
    leaver = next(p for p in from_excel.participants if p.id == "K05")
    assert leaver.leaves == datetime(2027, 3, 10, 12, 0)
    assert [str(w) for w in from_excel.room("allas").unavailable[date(2027, 3, 10)]] == [
        "08:00-10:00"
    ]


def test_a_bad_leaving_time_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    book = load_workbook(made[1])
    sheet = book["Kuntoutujat"]
    column = next(c for c in range(1, sheet.max_column + 1) if sheet.cell(2, c).value == "leaves")
    sheet.cell(3, column, "keskiviikkona")
    path = tmp_path / "leaves.xlsx"
    book.save(path)
    with pytest.raises(InputError) as raised:
        load_course(path)
    told = str(raised.value)
    assert f"'Kuntoutujat', cell {sheet.cell(3, column).coordinate}" in told
    assert "YYYY-MM-DD HH:MM" in told
