"""The Excel course form and `kurssi init`: the form loads into the same course as the YAML it
was made from, solves, and its mistakes are told by sheet and cell."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.cli import main
from scheduler.errors import CourseWarning, InputError
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.excel_form import (
    COURSE_FIELDS,
    TABLES,
    Choices,
    read_course_form,
    write_course_form,
)
from scheduler.io.standards import load_standard
from scheduler.services.new_course import default_first_day
from scheduler.words import reading_in

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
    assert "välilehti 'Henkilöstö', solu C5 (staff[2].role)" in output
    assert "physiotherapeut" in output


def test_a_bad_date_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    book = load_workbook(made[1])
    row = next(r for r in range(2, 20) if book["Kurssi"].cell(r, 2).value == "first_day")
    form = edited(made[1], tmp_path, {("Kurssi", f"C{row}"): "2027-02-30"})
    code, output = solve_cli(form, tmp_path)
    assert code == 2, output
    assert f"välilehti 'Kurssi', solu C{row}" in output
    assert "'2027-02-30' ei ole kelvollinen päivämäärä" in output


def day_column(form: Path, sheet: str, day: date) -> str:
    """The letter of a sheet's column for a course day ('Päivä 2' for the second)."""
    number = (day - date.fromisoformat(FIRST_DAY)).days + 1
    cells = load_workbook(form)[sheet][1]
    return next(c.column_letter for c in cells if c.value == f"Päivä {number}")


def test_a_day_column_past_the_course_is_told_by_its_cell(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    column = day_column(made[1], "Henkilöstö", date(2027, 3, 15))
    form = edited(made[1], tmp_path, {("Henkilöstö", f"{column}1"): "Päivä 9"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    assert f"välilehti 'Henkilöstö', solu {column}1" in str(caught.value)
    assert "kurssilla on enintään 5 päivää" in str(caught.value)


def test_a_form_with_dated_day_columns_still_loads(made: tuple[Path, Path], tmp_path: Path) -> None:
    """Forms written before the days were numbered head a day column with its date in row 2."""
    book = load_workbook(made[1])
    sheet = book["Henkilöstö"]
    for cell in sheet[1]:
        if str(cell.value).startswith("Päivä "):
            number = int(str(cell.value).split()[1])
            sheet.cell(2, cell.column).value = date(2027, 3, 14 + number)
            cell.value = f"pv {number}"
    path = tmp_path / "dated.xlsx"
    book.save(path)
    assert load_course(path).staff == load_course(made[0]).staff


def test_a_bad_availability_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    column = day_column(made[1], "Henkilöstö", date(2027, 3, 16))
    form = edited(made[1], tmp_path, {("Henkilöstö", f"{column}3"): "12:00-25:00"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    told = str(caught.value)
    assert f"välilehti 'Henkilöstö', solu {column}3 (staff[0].availability.2027-03-16" in told


def test_a_missing_sheet_is_named(made: tuple[Path, Path], tmp_path: Path) -> None:
    book = load_workbook(made[1])
    del book["Tilat"]
    path = tmp_path / "no-rooms.xlsx"
    book.save(path)
    code, output = solve_cli(path, tmp_path)
    assert code == 2, output
    assert "välilehti 'Tilat' puuttuu" in output


def test_an_unknown_column_is_told_by_its_cell(made: tuple[Path, Path], tmp_path: Path) -> None:
    after_last = get_column_letter(load_workbook(made[1])["Tilat"].max_column + 1)
    form = edited(made[1], tmp_path, {("Tilat", f"{after_last}2"): "colour"})
    form_book = load_workbook(form)
    form_book["Tilat"][f"{after_last}3"] = "blue"
    form_book.save(form)
    with pytest.raises(InputError) as caught:
        load_course(form)
    assert f"välilehti 'Tilat', solu {after_last}2" in str(caught.value)
    assert "tuntematon sarake 'colour'" in str(caught.value)


def test_not_a_workbook_is_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "course.xlsx"
    path.write_text("course:\n  title: x\n", encoding="utf-8")
    code, output = solve_cli(path, tmp_path)
    assert code == 2, output
    assert "Excel-työkirjaa ei voi lukea" in output


def test_a_duplicate_id_names_both_cells(made: tuple[Path, Path], tmp_path: Path) -> None:
    form = edited(made[1], tmp_path, {("Tilat", "A4"): "kuntosali"})
    with pytest.raises(InputError) as caught:
        load_course(form)
    message = str(caught.value)
    assert "välilehti 'Tilat', solu A4 (rooms[1].id)" in message
    assert "ensimmäinen: välilehti 'Tilat', solu A3" in message


def test_the_default_first_day_avoids_holidays() -> None:
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
    assert f"'Kuntoutujat', solu {sheet.cell(3, column).coordinate}" in told
    assert "VVVV-KK-PP TT:MM" in told


# -- the form in Finnish ----------------------------------------------------------------------


def _row_of(sheet: Worksheet, field: str) -> int:
    """The row of a key/value sheet's field (column B)."""
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 2).value == field)


def _column_of(sheet: Worksheet, field: str) -> int:
    """The column of a table sheet's field (row 2)."""
    return next(c for c in range(1, sheet.max_column + 1) if sheet.cell(2, c).value == field)


CODED = {
    ("Henkilöstö", "role"): "role",
    ("Henkilöstö", "group"): "group",
    ("Henkilöstö", "course_lead"): "bool",
    ("Kuntoutujat", "small_group"): "half",
    ("Tilat", "kind"): "room_kind",
    ("Ohjelma", "theme"): "theme",
    ("Ohjelma", "kind"): "kind",
    ("Ohjelma", "purpose"): "purpose",
    ("Ohjelma", "interruptible"): "bool",
}


def test_the_form_shows_finnish_labels_with_drop_down_lists(made: tuple[Path, Path]) -> None:
    """Every coded cell holds a Finnish label, never an English code, and offers the labels
    in a drop-down list; the day columns count course days and show their dates by a formula
    from the first day."""
    book = load_workbook(made[1])
    choices = Choices(load_course(made[0]).standard)
    for (name, field), kind in CODED.items():
        sheet = book[name]
        column = _column_of(sheet, field)
        letter = get_column_letter(column)
        shown = {choices.label(kind, code) for code in choices.codes[kind]}
        values = [sheet.cell(r, column).value for r in range(3, sheet.max_row + 1)]
        assert all(v in shown for v in values if v is not None), (name, field, values)
        lists = [v for v in sheet.data_validations.dataValidation if f"{letter}3" in v.sqref]
        assert lists and lists[0].type == "list", (name, field)
        source = str(lists[0].formula1).split("!")[1].replace("$", "")
        listed = [c.value for row in book["Valinnat"][source] for c in row if c.value]
        assert set(listed) == shown, (name, field)
    assert book["Valinnat"].sheet_state == "hidden"
    assert load_workbook(made[1])["Henkilöstö"]["C3"].value == "Reumatologi"
    staff = book["Henkilöstö"]
    days = [c for c in staff[1] if str(c.value).startswith("Päivä ")]
    assert [c.value for c in days] == [f"Päivä {n}" for n in range(1, 6)]
    first_day = f"$C${_row_of(book['Kurssi'], 'first_day')}"
    for number, cell in enumerate(days):
        formula = str(staff.cell(2, cell.column).value)
        assert formula.startswith("=") and formula.endswith(f"{first_day}+{number}"), formula


def test_a_finnish_only_form_with_a_new_first_day_is_its_yaml_twin(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    """Finnish labels in every coded cell (typed in any case), weekdays instead of day numbers,
    and the first day changed in one cell: the same course as `kurssi init` makes for that day."""
    new_first_day = "2027-04-12"
    twin = tmp_path / "twin.yaml"
    result = CliRunner().invoke(main, ["init", "--out", str(twin), "--first-day", new_first_day])
    assert result.exit_code == 0, result.output
    book = load_workbook(made[1])
    kurssi = book["Kurssi"]
    kurssi.cell(_row_of(kurssi, "first_day"), 3).value = date.fromisoformat(new_first_day)
    # Typed by hand as a Finnish course manager would: any case, weekdays for days.
    programme = book["Ohjelma"]
    rows = {programme.cell(r, 1).value: r for r in range(3, programme.max_row + 1)}
    programme.cell(rows["aqua"], _column_of(programme, "days")).value = "ti, KE, torstai"
    programme.cell(rows["gym"], _column_of(programme, "kind")).value = "koko ryhmä"
    programme.cell(rows["gym"], _column_of(programme, "interruptible")).value = "Kyllä"
    leaders = _column_of(programme, "leaders")
    programme.cell(rows["small_groups"], leaders).value = "työryhmä, Erityistyöntekijät"
    staff = book["Henkilöstö"]
    staff.cell(4, _column_of(staff, "role")).value = "fysioterapeutti"
    path = tmp_path / "finnish.xlsx"
    book.save(path)
    # No English code is left in any coded cell.
    choices = Choices(load_course(twin).standard)
    for (name, field), kind in CODED.items():
        sheet = book[name]
        column = _column_of(sheet, field)
        english = {str(c).casefold() for c in choices.codes[kind]}
        finnish = {choices.label(kind, c).casefold() for c in choices.codes[kind]}
        for row in range(3, sheet.max_row + 1):
            value = str(sheet.cell(row, column).value or "").casefold()
            assert not value or value in finnish or value not in english, (name, field, value)

    from_form, from_yaml = load_course(path), load_course(twin)
    for field in ("info", "staff", "participants", "rooms", "programme", "preferences"):
        assert getattr(from_form, field) == getattr(from_yaml, field), field
    assert from_form.info.first_day == date.fromisoformat(new_first_day)
    assert next(s for s in from_form.programme if s.id == "aqua").days == (2, 3, 4)


def test_every_problem_of_the_form_is_told_at_once_by_sheet_and_cell(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    book = load_workbook(made[1])
    kurssi = book["Kurssi"]
    row = _row_of(kurssi, "first_day")
    kurssi.cell(row, 3).value = "8.3.2027"
    kurssi.cell(kurssi.max_row + 1, 3).value = "orpo arvo"
    programme = book["Ohjelma"]
    programme.cell(3, _column_of(programme, "days")).value = "ti, sunnuntaina"
    path = tmp_path / "three.xlsx"
    book.save(path)
    with pytest.raises(InputError) as caught:
        load_course(path)
    places = [problem.place for problem in caught.value.problems]
    assert f"välilehti 'Kurssi', solu C{row}" in places
    assert f"välilehti 'Kurssi', solu B{kurssi.max_row}" in places
    days = get_column_letter(_column_of(programme, "days"))
    assert f"välilehti 'Ohjelma', solu {days}3" in places
    assert len(places) == 3


def _blank_form(path: Path) -> Path:
    course = yaml.safe_load(DEFAULT_COURSE.read_text(encoding="utf-8"))["course"]
    days = tuple(date(2027, 3, day) for day in range(8, 13))
    return write_course_form({"course": course}, days, path)


# (sheet, field, what a Finnish user types, what the course file says); the first day is a
# Monday (8.3.2027), so 'ti' is course day 2.
SAMPLES: list[tuple[str, str, list[object], list[object]]] = [
    ("Henkilöstö", "id", ["pt9"], ["pt9"]),
    ("Henkilöstö", "name", ["Outi Uusi"], ["Outi Uusi"]),
    ("Henkilöstö", "max_minutes", [120], [120]),
    ("Henkilöstö", "replaces", ["pt1"], ["pt1"]),
    ("Henkilöstö", "rheumatology_years", [3.5], [3.5]),
    ("Henkilöstö", "rheumatology_hours", [1500], [1500]),
    ("Henkilöstö", "group_leading_hours", [200], [200]),
    ("Kuntoutujat", "id", ["K11"], ["K11"]),
    ("Kuntoutujat", "name", ["Nimi"], ["Nimi"]),
    ("Kuntoutujat", "leaves", ["2027-03-10 12:00"], [datetime(2027, 3, 10, 12, 0)]),
    ("Tilat", "id", ["sali"], ["sali"]),
    ("Tilat", "name", ["Sali"], ["Sali"]),
    ("Tilat", "capacity", [12], [12]),
    ("Tilat", "offsite_minutes", [20], [20]),
    ("Tilat", "offsite_km", [12.5], [12.5]),
    ("Ohjelma", "id", ["uusi"], ["uusi"]),
    ("Ohjelma", "title_fi", ["Uusi"], ["Uusi"]),
    ("Ohjelma", "title_en", ["New"], ["New"]),
    ("Ohjelma", "minutes", [60], [60]),
    ("Ohjelma", "count", [2], [2]),
    ("Ohjelma", "staff", [2], [2]),
    ("Ohjelma", "leaders", ["Fysioterapeutti, työryhmä", "psychologist"],
     [["physiotherapist", "team"], ["psychologist"]]),
    ("Ohjelma", "required_roles", ["Reumatologi, Psykologi"], [["rheumatologist", "psychologist"]]),
    ("Ohjelma", "rooms", ["liikuntasali, Ryhmätila", "gym"], [["hall", "group"], ["gym"]]),
    ("Ohjelma", "days", ["ti, ke", "1, -1", "Perjantai", 3, "Mon, TUE"],
     [[2, 3], [1, -1], [5], [3], [1, 2]]),
    ("Ohjelma", "after", ["gym"], ["gym"]),
]  # fmt: skip


def _coded_samples() -> list[tuple[str, str, list[object], list[object]]]:
    """Every code of every coded field, typed as its Finnish label, its English label and the
    code in capitals."""
    choices = Choices(load_standard("kela-reuma-2017"))
    samples = []
    for (sheet, field), kind in CODED.items():
        typed: list[object] = []
        expected: list[object] = []
        for code in choices.codes[kind]:
            value: object = {"yes": True, "no": False}.get(code, code) if kind == "bool" else code
            for text in (choices.label(kind, code), choices.label(kind, code, "en"), code.upper()):
                typed.append(text)
                expected.append(value)
        samples.append((sheet, field, typed, expected))
    return samples


@pytest.fixture(scope="module")
def round_trip(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A blank form with every sample typed on a row of its own, read back once."""
    folder = tmp_path_factory.mktemp("form")
    book = load_workbook(_blank_form(folder / "blank.xlsx"))
    for sheet_name, field, typed, _ in [*SAMPLES, *_coded_samples()]:
        sheet = book[sheet_name]
        column = _column_of(sheet, field)
        for value in typed:
            row = sheet.max_row + 1
            sheet.cell(row, 1).value = f"{field}-{row}" if field != "id" else value
            sheet.cell(row, column).value = value
    path = folder / "samples.xlsx"
    book.save(path)
    return read_course_form(path).data


@pytest.mark.parametrize(
    ("sheet", "field", "typed", "expected"),
    [*SAMPLES, *_coded_samples()],
    ids=[f"{s}-{f}" for s, f, _, _ in [*SAMPLES, *_coded_samples()]],
)
def test_each_field_reads_back(
    round_trip: dict[str, object], sheet: str, field: str, typed: list, expected: list
) -> None:
    section, columns, _ = TABLES[sheet]
    loc, _, _ = columns[field]
    entries = round_trip[section]
    if section == "participants":
        entries = entries["list"]  # type: ignore[index]
    read = []
    for entry in entries:  # type: ignore[attr-defined]
        value = entry
        for part in loc:
            value = value.get(part) if isinstance(value, dict) else None
        marked = re.fullmatch(r"([a-z_]+)-\d+", str(entry.get("id", "")))
        if (marked.group(1) if marked else "id") == field:
            read.append(value)
    assert read == expected


@pytest.mark.parametrize(
    ("field", "typed", "expected"),
    [
        ("form", "laitosmuotoinen kurssi", "inpatient"),
        ("form", "Avomuotoinen kurssi", "outpatient"),
        ("language", "englanti", "en"),
        ("language", "suomi", "fi"),
        ("first_day", date(2027, 3, 15), date(2027, 3, 15)),
        ("lunch_minutes", 40, 40),
    ],
)
def test_course_fields_read_back(
    tmp_path: Path, field: str, typed: object, expected: object
) -> None:
    book = load_workbook(_blank_form(tmp_path / "blank.xlsx"))
    kurssi = book["Kurssi"]
    kurssi.cell(_row_of(kurssi, field), 3).value = typed
    path = tmp_path / "course.xlsx"
    book.save(path)
    data = read_course_form(path).data
    value: object = data
    for part in COURSE_FIELDS[field][0]:
        value = value[part]  # type: ignore[index]
    assert value == expected


def test_staff_day_columns_read_absent_hours_and_whole_days(tmp_path: Path) -> None:
    book = load_workbook(_blank_form(tmp_path / "blank.xlsx"))
    staff = book["Henkilöstö"]
    columns = [c.column for c in staff[1] if str(c.value).startswith("Päivä ")]
    staff.cell(3, 1).value = "pt9"
    typed = ["poissa", "-", "12:00-16:00", "08:00-10:00, 13:00-16:00"]
    for column, value in zip(columns, typed, strict=False):
        staff.cell(3, column).value = value
    path = tmp_path / "days.xlsx"
    book.save(path)
    (entry,) = read_course_form(path).data["staff"]
    assert entry["availability"] == {
        date(2027, 3, 8): [],
        date(2027, 3, 9): [],
        date(2027, 3, 10): ["12:00-16:00"],
        date(2027, 3, 11): ["08:00-10:00", "13:00-16:00"],
    }


def test_a_holiday_warning_offers_the_nearest_first_day_without_one(tmp_path: Path) -> None:
    """A course from Monday 22.3.2027 has Good Friday as its fifth day: the warning names the
    holiday and the nearest first day whose week has none (Tue 16.3., a Tue-Sat course), and
    the nearest on the same weekday (Mon 15.3.)."""
    path = tmp_path / "easter.yaml"
    result = CliRunner().invoke(main, ["init", "--out", str(path), "--first-day", "2027-03-22"])
    assert result.exit_code == 0, result.output
    with pytest.warns(CourseWarning) as warned:
        load_course(path)
    (message,) = [str(w.message) for w in warned if "pitkäperjantai" in str(w.message)]
    assert "5. kurssipäivä (pe 26.3.2027) on pitkäperjantai, yleinen vapaapäivä" in message
    assert "Voit myös aloittaa ti 16.3.2027 (2027-03-16): se on lähin aloituspäivä" in message
    assert "(lähin maanantai: ma 15.3.2027, 2027-03-15)" in message
    with pytest.warns(CourseWarning) as warned, reading_in("en"):
        load_course(path)
    (message,) = [str(w.message) for w in warned if "Good Friday" in str(w.message)]
    assert "or start on Tue 16 March 2027 (2027-03-16), the nearest first day without" in message
    assert "(on a Monday: Mon 15 March 2027, 2027-03-15)" in message
