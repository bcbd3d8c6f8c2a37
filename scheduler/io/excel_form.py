"""The Excel course form: the same fields as a course YAML file, one sheet per section.

Reading gives the plain data a YAML file gives plus an `ExcelDocument` that says where each value
stands ("sheet 'Henkilöstö', cell C4 (staff[2].role)"), so `course_from_data` validates both kinds
of file alike and every message points at the cell to fix.

Sheets (Finnish names; row 1 a Finnish label, row 2 the field's English name, which is what the
reader goes by):

- Kurssi, Toiveet: one field a row: label (A), field (B), value (C).
- Henkilöstö, Kuntoutujat, Tilat, Ohjelma: one person, room or session a row from row 3.
  A column whose field is a date (a course day) holds availability: empty = the whole day,
  "-" = absent, "12:00-16:00" or "08:00-10:00, 13:00-16:00" = those hours. For participants and
  rooms the day columns give the hours they are away or out of use.
Lists (leaders, rooms, days) are written comma-separated.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from scheduler.errors import InputError
from scheduler.io.documents import check_text, dotted_path, loc_part, read_limited
from scheduler.io.files import write_atomic

Loc = tuple[str | int, ...]

# Kinds of cell: how a cell's value becomes the YAML-like value.
TEXT, INT, NUMBER, BOOL, DATE, LIST, DAYS = "text", "int", "number", "bool", "date", "list", "days"
MOMENT = "moment"  # a date and a clock time

# Key/value sheets: field -> (location, kind, Finnish label).
COURSE_FIELDS: dict[str, tuple[Loc, str, str]] = {
    "title": (("course", "title"), TEXT, "Kurssin nimi"),
    "standard": (("course", "standard"), TEXT, "Standardi"),
    "first_day": (("course", "first_day"), DATE, "Ensimmäinen päivä"),
    "form": (("course", "form"), TEXT, "Muoto (outpatient = avo, inpatient = laitos)"),
    "day_window": (("course", "day_window"), TEXT, "Päivän aikaikkuna"),
    "lunch_window": (("course", "lunch", "window"), TEXT, "Lounaan aikaikkuna"),
    "lunch_minutes": (("course", "lunch", "minutes"), INT, "Lounaan pituus (min)"),
    "slot_minutes": (("course", "slot_minutes"), INT, "Aikaruudun pituus (min)"),
    "language": (("course", "language"), TEXT, "Kieli (fi/en)"),
    "programme_day_min_minutes": (
        ("course", "programme_day", "min_minutes"),
        INT,
        "Ohjelmaa päivässä vähintään (min)",
    ),
    "programme_day_max_minutes": (
        ("course", "programme_day", "max_minutes"),
        INT,
        "Ohjelmaa päivässä enintään (min)",
    ),
    "participant_count": (("participants", "count"), INT, "Kuntoutujien määrä"),
}
PREFERENCE_LABELS = {
    "balanced_days": "Tasaiset päivät (paino)",
    "no_idle_gaps": "Ei tyhjiä välejä (paino)",
    "physician_lectures_early": "Lääkärin luento alkuun (paino)",
    "no_pool_after_lunch": "Ei allasta heti lounaan jälkeen (paino)",
    "pool_after_lunch_gap_minutes": "Lounaan ja altaan väli (min)",
    "exact_shares": "Ammattiryhmien tarkat osuudet (paino)",
}

# Table sheets: column field -> (location inside the row's entry, kind, Finnish label).
STAFF_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "role": (("role",), TEXT, "Ammatti"),
    "group": (("group",), TEXT, "Ryhmä"),
    "course_lead": (("course_lead",), BOOL, "Kurssin vastuuhenkilö"),
    "max_minutes": (("max_minutes",), INT, "Enintään (min)"),
    "replaces": (("replaces",), TEXT, "Sijaistaa (tunnus)"),
    "rheumatology_years": (("experience", "rheumatology_years"), NUMBER, "Reumakokemus (v)"),
    "rheumatology_hours": (("experience", "rheumatology_hours"), NUMBER, "Reumakokemus (h)"),
    "group_leading_hours": (("experience", "group_leading_hours"), NUMBER, "Ryhmänohjaus (h)"),
}
PARTICIPANT_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "small_group": (("small_group",), TEXT, "Pienryhmä (A/B)"),
    "leaves": (("leaves",), MOMENT, "Lähtee kesken (pvm klo)"),
}
ROOM_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "kind": (("kind",), TEXT, "Tyyppi"),
    "capacity": (("capacity",), INT, "Paikkoja"),
    "offsite_minutes": (("offsite_minutes",), INT, "Siirtymä (min)"),
    "offsite_km": (("offsite_km",), NUMBER, "Siirtymä (km)"),
}
PROGRAMME_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "title_fi": (("title", "fi"), TEXT, "Nimi (suomeksi)"),
    "title_en": (("title", "en"), TEXT, "Nimi (englanniksi)"),
    "theme": (("theme",), TEXT, "Teema"),
    "kind": (("kind",), TEXT, "Laji"),
    "minutes": (("minutes",), INT, "Kesto (min)"),
    "count": (("count",), INT, "Kertoja"),
    "staff": (("staff",), INT, "Ohjaajia"),
    "leaders": (("leaders",), LIST, "Ohjaajat (ammatit/ryhmät)"),
    "required_roles": (("required_roles",), LIST, "Pakolliset ammatit"),
    "rooms": (("rooms",), LIST, "Tilat (tyypit)"),
    "days": (("days",), DAYS, "Päivät"),
    "purpose": (("purpose",), TEXT, "Tarkoitus"),
    "interruptible": (("interruptible",), BOOL, "Lounas saa katkaista"),
    "after": (("after",), TEXT, "Jälkeen (tunnus)"),
}

# Sheet name -> (section, columns, per-day field or None); None columns: a key/value sheet.
TABLES: dict[str, tuple[str, dict[str, tuple[Loc, str, str]], str | None]] = {
    "Henkilöstö": ("staff", STAFF_COLUMNS, "availability"),
    "Kuntoutujat": ("participants", PARTICIPANT_COLUMNS, "unavailable"),
    "Tilat": ("rooms", ROOM_COLUMNS, "unavailable"),
    "Ohjelma": ("programme", PROGRAMME_COLUMNS, None),
}
SHEETS = ("Kurssi", "Henkilöstö", "Kuntoutujat", "Tilat", "Ohjelma", "Toiveet")
ABSENT = "-"
FIRST_ROW = 3  # rows 1-2 are the headers of a table sheet
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_TRUE = {"true", "yes", "kyllä", "x", "1"}
_FALSE = {"false", "no", "ei", "0"}


@dataclass(frozen=True)
class Cell:
    sheet: str
    sheet_index: int
    row: int
    column: int

    @property
    def ref(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass(frozen=True)
class ExcelDocument:
    """An Excel course form read into YAML-like data, with the cell of each value."""

    path: Path
    data: Any
    cells: dict[Loc, Cell]

    def cell(self, loc: tuple[Any, ...]) -> Cell | None:
        """The cell of the deepest known part of a location."""
        parts = tuple(loc_part(part) for part in loc)
        for length in range(len(parts), -1, -1):
            found = self.cells.get(parts[:length])
            if found:
                return found
        return None

    def place(self, loc: tuple[Any, ...]) -> str:
        """ "sheet 'Henkilöstö', cell C4 (staff[2].role)" for a location."""
        dotted = dotted_path(loc)
        cell = self.cell(loc)
        if cell is None:
            return dotted
        where = self.where(loc)
        return f"{where} ({dotted})" if dotted else where

    def where(self, loc: tuple[Any, ...]) -> str:
        """ "sheet 'Tilat', cell A4": where a location is, to refer back to it."""
        cell = self.cell(loc)
        return f"sheet '{cell.sheet}', cell {cell.ref}" if cell else dotted_path(loc)

    def line(self, loc: tuple[Any, ...]) -> int:
        """A number that sorts places in sheet, row and column order (0 when unknown)."""
        cell = self.cell(loc)
        return cell.sheet_index * 1_000_000 + cell.row * 1_000 + cell.column if cell else 0


# -- reading ---------------------------------------------------------------------------------


# A course form is some 20 KB; these bounds refuse a wrong file, or one made to fill the memory
# (a few KB of zip can unpack to gigabytes), within a second.
MAX_FORM_BYTES = 5_000_000
MAX_FORM_UNPACKED = 20_000_000
MAX_MERGED_CELLS = 10_000  # a merge is a day range or a few rows, never a whole sheet


def read_course_form(path: Path) -> ExcelDocument:
    """A course workbook as YAML-like data; InputError naming the sheet and cell of a problem.

    Formulas are read by their computed value (a located error when the file has none); a
    merged cell gives its value to every cell it covers; only filled cells are looked at, so a
    stray format in the sheet's last row costs nothing.
    """
    name = str(path)
    read_limited(path, MAX_FORM_BYTES, "a course form (.xlsx)")
    try:
        _unpacked_size(path)
        book = load_workbook(path, data_only=True, read_only=False)
        formulas = load_workbook(path, data_only=False, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(
            name, "", f"is not an Excel workbook that can be read ({error}); save it as .xlsx"
        ) from None
    missing = [sheet for sheet in SHEETS if sheet not in book.sheetnames]
    if missing:
        raise InputError(
            name,
            f"sheet '{missing[0]}'",
            f"the sheet '{missing[0]}' is missing; a course form has the sheets "
            f"{', '.join(SHEETS)} (start from one that `kurssi init --excel` writes)",
        )
    sheets = {title: _FilledSheet(name, book[title], formulas[title]) for title in SHEETS}
    reader = _Reader(path)
    reader.key_values(sheets["Kurssi"], SHEETS.index("Kurssi"), COURSE_FIELDS, "course")
    preference_fields = {
        key: (("preferences", key), INT, label) for key, label in PREFERENCE_LABELS.items()
    }
    reader.key_values(sheets["Toiveet"], SHEETS.index("Toiveet"), preference_fields, "preferences")
    for sheet, (section, columns, per_day) in TABLES.items():
        reader.table(sheets[sheet], SHEETS.index(sheet), section, columns, per_day)
    document = ExcelDocument(path, reader.data, reader.cells)
    check_text(document)
    return document


def _unpacked_size(path: Path) -> None:
    """Refuses a workbook whose parts unpack to more than MAX_FORM_UNPACKED bytes (before
    openpyxl unpacks them: it holds every cell of a sheet in memory)."""
    with zipfile.ZipFile(path) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_FORM_UNPACKED:
        raise InputError(
            str(path),
            "",
            f"unpacks to {unpacked // 1_000_000} MB, far more than a course form ever holds; "
            "check that it is the right file, or copy the course into a form that "
            "`kurssi init --excel` writes",
        )


@dataclass(frozen=True)
class _Value:
    value: Any


class _FilledSheet:
    """The filled cells of a sheet, as `sheet.cell(row, column).value` reads them.

    Reads only the cells the file holds (never creates the empty ones between), and only up to
    the last filled row and column. A merged range gives its value to every cell it covers
    (availability merged across Mon-Fri is the same hours each day). A formula is read by the
    value the spreadsheet computed; one without such a value is a located error, not an empty
    cell.
    """

    def __init__(self, name: str, values: Worksheet, formulas: Worksheet) -> None:
        self.title = values.title
        # openpyxl's public iterators create every cell up to the sheet's dimensions (a
        # million rows for one stray format at the bottom): its cell store is read instead.
        cells: dict[tuple[int, int], Any] = {
            at: cell.value for at, cell in values._cells.items() if not _blank(cell.value)
        }
        for at, cell in formulas._cells.items():
            if cell.data_type != "f":
                continue
            computed = values._cells.get(at)
            ref = f"{get_column_letter(at[1])}{at[0]}"
            if computed is None or computed.value is None:
                cells[at] = _Unreadable(
                    name,
                    self.title,
                    ref,
                    "holds a formula without a computed value (the file was saved by a program "
                    "that does not calculate); type the value itself, or open the file in Excel "
                    "or LibreOffice and save it",
                )
            elif computed.data_type == "e":
                cells[at] = _Unreadable(
                    name,
                    self.title,
                    ref,
                    f"holds a formula whose result is an error ({computed.value}); "
                    "type the value itself or correct the formula",
                )
        last_row = max((row for row, _ in cells), default=0)
        last_column = max((column for _, column in cells), default=0)
        for merged in values.merged_cells.ranges:
            top_left = cells.get((merged.min_row, merged.min_col))
            if top_left is None:
                continue
            rows = range(merged.min_row, min(merged.max_row, last_row) + 1)
            columns = range(merged.min_col, min(merged.max_col, last_column) + 1)
            if len(rows) * len(columns) > MAX_MERGED_CELLS:
                raise InputError(
                    name,
                    f"sheet '{self.title}', cells {merged.coord}",
                    f"one merged cell covers more than {MAX_MERGED_CELLS:,} cells of the form; "
                    "unmerge it and fill in the cells it should cover".replace(",", " "),
                )
            for row in rows:
                for column in columns:
                    cells[(row, column)] = top_left
        self._cells = cells
        self.max_row = last_row
        self.max_column = last_column

    def filled_rows(self, first: int) -> list[int]:
        """The rows from `first` on that hold anything, in order."""
        return sorted({row for row, _ in self._cells if row >= first})

    def cell(self, row: int, column: int) -> _Value:
        value = self._cells.get((row, column))
        if isinstance(value, _Unreadable):
            raise InputError(value.file, f"sheet '{value.sheet}', cell {value.ref}", value.message)
        return _Value(value)


@dataclass(frozen=True)
class _Unreadable:
    file: str
    sheet: str
    ref: str
    message: str


class _Reader:
    def __init__(self, path: Path) -> None:
        self.name = str(path)
        self.data: dict[str, Any] = {}
        self.cells: dict[Loc, Cell] = {}

    def error(self, cell: Cell, message: str) -> InputError:
        return InputError(self.name, f"sheet '{cell.sheet}', cell {cell.ref}", message)

    def key_values(
        self,
        sheet: _FilledSheet,
        index: int,
        fields: Mapping[str, tuple[Loc, str, str]],
        section: str,
    ) -> None:
        self.cells[(section,)] = Cell(sheet.title, index, 1, 1)
        self.data.setdefault(section, {})
        for row in sheet.filled_rows(2):
            key, value = sheet.cell(row, 2).value, sheet.cell(row, 3).value
            key_cell = Cell(sheet.title, index, row, 2)
            if _blank(key):
                if not _blank(value):
                    raise self.error(key_cell, "a value without a field name; write the field")
                continue
            key = str(key).strip()
            if key not in fields:
                if section == "preferences":  # the model names the known ones
                    fields = {**fields, key: (("preferences", key), INT, "")}
                else:
                    raise self.error(
                        key_cell, f"unknown field {key!r}; the fields here are {', '.join(fields)}"
                    )
            loc, kind, _ = fields[key]
            value_cell = Cell(sheet.title, index, row, 3)
            self.cells[loc] = value_cell
            if loc[0] not in self.cells:
                self.cells[(loc[0],)] = value_cell
            converted = self.value(value, kind, value_cell)
            if converted is not None:
                _put(self.data, loc, converted)

    def table(
        self,
        sheet: _FilledSheet,
        index: int,
        section: str,
        columns: dict[str, tuple[Loc, str, str]],
        per_day: str | None,
    ) -> None:
        here: Loc = ("participants", "list") if section == "participants" else (section,)
        self.cells.setdefault((section,), Cell(sheet.title, index, 1, 1))
        self.cells[here] = Cell(sheet.title, index, 1, 1)
        layout: dict[int, tuple[Loc, str]] = {}
        for column in range(1, sheet.max_column + 1):
            header = sheet.cell(2, column).value
            cell = Cell(sheet.title, index, 2, column)
            if _blank(header):
                continue
            if isinstance(header, datetime | date) or (
                isinstance(header, str) and _DATE_LIKE.match(header.strip())
            ):
                if per_day is None:
                    raise self.error(cell, f"the sheet '{sheet.title}' has no day columns")
                day = self.value(header, DATE, cell)
                layout[column] = ((per_day, day.isoformat()), "windows")
                continue
            key = str(header).strip()
            if key not in columns:
                days = " and a column per course day (YYYY-MM-DD)" if per_day else ""
                raise self.error(
                    cell,
                    f"unknown column {key!r}; the columns here are {', '.join(columns)}{days}",
                )
            loc, kind, _ = columns[key]
            layout[column] = (loc, kind)
        entries: list[dict[str, Any]] = []
        for row in sheet.filled_rows(FIRST_ROW):
            values = {column: sheet.cell(row, column).value for column in layout}
            if all(_blank(value) for value in values.values()):
                continue
            entry: dict[str, Any] = {}
            entry_loc = (*here, len(entries))
            self.cells[entry_loc] = Cell(sheet.title, index, row, 1)
            for column, (loc, kind) in layout.items():
                cell = Cell(sheet.title, index, row, column)
                self.cells[(*entry_loc, *loc)] = cell
                if kind == "windows":
                    windows = _windows(values[column])
                    if windows is not None:
                        # a day column's place: (per_day, the date in ISO form), set above
                        assert isinstance(loc[0], str) and isinstance(loc[1], str)
                        entry.setdefault(loc[0], {})[date.fromisoformat(loc[1])] = windows
                    continue
                converted = self.value(values[column], kind, cell)
                if converted is not None:
                    _put(entry, loc, converted)
            entries.append(entry)
        if section == "participants":
            if entries:
                self.data.setdefault("participants", {})["list"] = entries
        else:
            self.data[section] = entries

    def value(self, value: Any, kind: str, cell: Cell) -> Any:
        """A cell's value as YAML would give it; None for an empty cell."""
        if isinstance(value, str):
            value = value.strip()
        if _blank(value):
            return None
        if kind == DATE:
            if isinstance(value, datetime):
                if value.time() != datetime.min.time():
                    raise self.error(cell, "should be a date without a time of day")
                return value.date()
            if isinstance(value, date):
                return value
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                raise self.error(
                    cell,
                    f"{str(value)!r} is not a valid date; write dates as YYYY-MM-DD, "
                    "e.g. 2027-03-08",
                ) from None
        if kind == MOMENT:
            if isinstance(value, datetime):
                return value
            try:  # as a change file or --now reads it: 'T' or a space between, seconds optional
                return datetime.fromisoformat(str(value))
            except ValueError:
                raise self.error(  # not quoted: the leaving time is a participant's
                    cell,
                    "is not a date and a time; write it as YYYY-MM-DD HH:MM, e.g. 2027-03-10 12:00",
                ) from None
        if kind == TEXT:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return str(int(value)) if float(value).is_integer() else str(value)
            return value
        if kind in (INT, NUMBER):
            if isinstance(value, float) and value.is_integer() and kind == INT:
                return int(value)
            return value
        if kind == BOOL:
            if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
                return value.lower() in _TRUE
            return value
        if kind == LIST:
            return [part.strip() for part in str(value).split(",") if part.strip()]
        if kind == DAYS:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return [int(value)]
            parts = [part.strip() for part in str(value).split(",") if part.strip()]
            return [int(p) if re.fullmatch(r"-?\d+", p) else p for p in parts]
        return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _windows(value: Any) -> list[str] | None:
    """A day cell: empty = nothing said (None), '-' = not at all ([]), else the windows."""
    if _blank(value):
        return None
    text = str(value).strip()
    if text == ABSENT:
        return []
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def _put(target: dict[str, Any], loc: Loc, value: Any) -> None:
    for part in loc[:-1]:
        target = target.setdefault(str(part), {})
    target[str(loc[-1])] = value


# -- writing ---------------------------------------------------------------------------------

_HEADER_FONT = Font(bold=True)
_HINT_FONT = Font(italic=True, color="666666")
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WEEKDAYS_FI = ("ma", "ti", "ke", "to", "pe", "la", "su")

INSTRUCTIONS = (
    "Kurssin tiedot / course input form",
    "",
    "Täytä välilehdet Kurssi, Henkilöstö, Kuntoutujat, Tilat, Ohjelma ja Toiveet.",
    "Rivi 1 on otsikko suomeksi, rivi 2 kentän nimi (English field name): älä muuta riviä 2.",
    "Päiväsarakkeet (Henkilöstö): tyhjä = koko päivän, '-' = poissa, '12:00-16:00' = nämä tunnit.",
    "Päiväsarakkeet (Kuntoutujat, Tilat): tunnit, jolloin kuntoutuja on poissa tai tila ei ole käytössä.",
    "Sijaistaa (Henkilöstö): sijaisen kohdalle sen henkilön tunnus, jonka paikan hän ottaa.",
    "Lähtee kesken (Kuntoutujat): päivä ja kellonaika, esim. 2027-03-10 12:00.",
    "Luettelot (ohjaajat, tilat, päivät) pilkuilla erotettuina.",
    "",
    "Row 1 is a Finnish label, row 2 the field name the reader goes by: keep row 2 as it is.",
    "Day columns (staff): empty = the whole day, '-' = absent, '12:00-16:00' = those hours.",
    "Day columns (participants, rooms): the hours the participant is away or the room out of use.",
    "replaces (staff): on a stand-in's row, the id of the person whose place they take.",
    "leaves (participants): the date and time they leave the course, e.g. 2027-03-10 12:00.",
    "Lists (leaders, rooms, days) are comma-separated.",
    "Solve it as it is: kurssi solve FORM.xlsx",
)


def write_course_form(data: dict[str, Any], days: tuple[date, ...], path: Path) -> Path:
    """The Excel form holding a course's data (as a YAML file gives it); never over a file."""
    book = Workbook()
    guide = book.active
    guide.title = "Ohje"
    for row, text in enumerate(INSTRUCTIONS, start=1):
        guide.cell(row, 1, text).font = _HEADER_FONT if row == 1 else Font()
    guide.column_dimensions["A"].width = 100

    course = data.get("course") or {}
    participants = data.get("participants")
    flat = {
        **{key: value for key, value in course.items() if key not in ("lunch", "programme_day")},
        **{f"lunch_{key}": value for key, value in (course.get("lunch") or {}).items()},
        **{
            f"programme_day_{key}": value
            for key, value in (course.get("programme_day") or {}).items()
        },
    }
    if isinstance(participants, int):
        flat["participant_count"] = participants
    elif isinstance(participants, dict) and "count" in participants:
        flat["participant_count"] = participants["count"]
    _key_value_sheet(book.create_sheet("Kurssi"), COURSE_FIELDS, flat)
    preference_fields = {key: ((), INT, label) for key, label in PREFERENCE_LABELS.items()}
    _key_value_sheet(book.create_sheet("Toiveet"), preference_fields, data.get("preferences") or {})

    listed = participants if isinstance(participants, list) else []
    if isinstance(participants, dict):
        listed = participants.get("list") or []
    sections = {
        "Henkilöstö": data.get("staff") or [],
        "Kuntoutujat": listed,
        "Tilat": data.get("rooms") or [],
        "Ohjelma": data.get("programme") or [],
    }
    for sheet_name, (_, columns, per_day) in TABLES.items():
        _table_sheet(book.create_sheet(sheet_name), columns, per_day, days, sections[sheet_name])
    book.move_sheet("Toiveet", offset=len(book.sheetnames))  # in the order of SHEETS
    return write_atomic(path, lambda temporary: book.save(temporary))


def _header(sheet: Any, column: int, label: str, key: Any) -> None:
    top = sheet.cell(1, column, label)
    top.font, top.fill = _HEADER_FONT, _HEADER_FILL
    top.alignment = Alignment(wrap_text=True, vertical="top")
    hint = sheet.cell(2, column, key)
    hint.font = _HINT_FONT
    if isinstance(key, date):
        hint.number_format = "yyyy-mm-dd"


def _key_value_sheet(
    sheet: Any, fields: Mapping[str, tuple[Loc, str, str]], values: dict[str, Any]
) -> None:
    for column, label in enumerate(("Tieto", "Kenttä (field)", "Arvo (value)"), start=1):
        top = sheet.cell(1, column, label)
        top.font, top.fill = _HEADER_FONT, _HEADER_FILL
    row = 2
    for key, (_, _, label) in fields.items():
        if key not in values:
            continue
        sheet.cell(row, 1, label)
        sheet.cell(row, 2, key).font = _HINT_FONT
        value = sheet.cell(row, 3, _cell_value(values[key]))
        if isinstance(values[key], date):
            value.number_format = "yyyy-mm-dd"
        row += 1
    for letter, width in (("A", 40), ("B", 28), ("C", 48)):
        sheet.column_dimensions[letter].width = width


def _table_sheet(
    sheet: Any,
    columns: dict[str, tuple[Loc, str, str]],
    per_day: str | None,
    days: tuple[date, ...],
    entries: list[dict[str, Any]],
) -> None:
    layout: list[tuple[Any, str, Callable[[dict[str, Any]], Any]]] = []
    fields = list(columns.items())
    # Availability days sit after the person's own fields, before their experience.
    keys = [key for key, _ in fields]
    split = keys.index("rheumatology_years") if per_day == "availability" else len(fields)
    for key, (loc, _, label) in fields[:split]:
        layout.append((key, label, _getter(loc)))
    if per_day:
        for day in days:
            label = f"{_WEEKDAYS_FI[day.weekday()]} {day.day}.{day.month}."
            layout.append((day, label, _day_getter(per_day, day)))
    for key, (loc, _, label) in fields[split:]:
        layout.append((key, label, _getter(loc)))
    for column, (key, label, _) in enumerate(layout, start=1):
        _header(sheet, column, label, key)
        sheet.column_dimensions[get_column_letter(column)].width = 14 if per_day else 18
    for row, entry in enumerate(entries, start=FIRST_ROW):
        for column, (_, _, get) in enumerate(layout, start=1):
            value = get(entry)
            if value is not None:
                written = sheet.cell(row, column, _cell_value(value))
                if isinstance(value, datetime):
                    written.number_format = "yyyy-mm-dd hh:mm"
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 2)


def _getter(loc: Loc) -> Callable[[dict[str, Any]], Any]:
    def get(entry: dict[str, Any]) -> Any:
        value: Any = entry
        for part in loc:
            if isinstance(value, str) and part == "fi":  # a title given as plain text
                return value
            if not isinstance(value, dict) or part not in value:
                return None
            value = value[part]
        return value

    return get


def _day_getter(field: str, day: date) -> Callable[[dict[str, Any]], Any]:
    def get(entry: dict[str, Any]) -> Any:
        by_day = entry.get(field) or {}
        windows = by_day.get(day, by_day.get(day.isoformat()))
        if windows is None:
            return None
        return ", ".join(str(w) for w in windows) if windows else ABSENT

    return get


def _cell_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ", ".join(str(part) for part in value)
    return value
