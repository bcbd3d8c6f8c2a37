"""The Excel course form: the same fields as a course YAML file, one sheet per section, in
Finnish for a course manager who knows Excel.

Reading gives the plain data a YAML file gives plus an `ExcelDocument` that says where each value
stands ("sheet 'Henkilöstö', cell C4 (staff[2].role)"), so `course_from_data` validates both kinds
of file alike and every message points at the cell to fix. The reader lists every problem it
finds at once.

Sheets (Finnish names; row 1 a Finnish label, row 2 the field's English name, which is what the
reader goes by):

- Kurssi, Toiveet: one field a row: label (A), field (B), value (C).
- Henkilöstö, Kuntoutujat, Tilat, Ohjelma: one person, room or session a row from row 3.
  A column headed "Päivä 1", "Päivä 2", ... is a course day (row 2 shows its date, worked out
  from the first day by a formula, so a new first day needs one cell): staff availability
  (empty = the whole day, "-" or "poissa" = absent, "12:00-16:00" or "08:00-10:00, 13:00-16:00"
  = those hours), or the hours a participant is away or a room is out of use.

Coded cells (role, staff group, kind, theme, room kind, purpose, yes/no, form, language) offer
a drop-down list of Finnish labels, which read back to the same codes as the English codes do
(case does not matter). Lists (who may lead, room kinds, days) are comma-separated; days are
course-day numbers (1 = the first, -1 = the last) or weekday abbreviations (ma, ti, ...).
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from models.base import Purpose, SessionKind, StaffGroup, text_in
from models.standard import Standard
from scheduler.errors import InputError, combine
from scheduler.io.documents import check_text, dotted_path, loc_part, read_limited
from scheduler.io.files import write_atomic
from scheduler.io.standards import load_standard
from scheduler.words import code_label, coded, label, say

Loc = tuple[str | int, ...]

# Kinds of cell: how a cell's value becomes the YAML-like value.
TEXT, INT, NUMBER, BOOL, DATE, LIST, DAYS = "text", "int", "number", "bool", "date", "list", "days"
MOMENT = "moment"  # a date and a clock time
# Coded cells: one code, typed as the code or its Finnish (or English) label.
ROLE, GROUP, KIND, THEME, ROOM_KIND, PURPOSE = (
    "role",
    "group",
    "kind",
    "theme",
    "room_kind",
    "purpose",
)
FORM, LANGUAGE, HALF = "form", "language", "half"
# Lists of codes.
LEADERS, ROLES, ROOM_KINDS = "leaders", "roles", "room_kinds"

# Key/value sheets: field -> (location, kind, Finnish label).
COURSE_FIELDS: dict[str, tuple[Loc, str, str]] = {
    "title": (("course", "title"), TEXT, "Kurssin nimi"),
    "standard": (("course", "standard"), TEXT, "Standardi (tunnus)"),
    "first_day": (("course", "first_day"), DATE, "Ensimmäinen kurssipäivä (vvvv-kk-pp)"),
    "form": (("course", "form"), FORM, "Toteutusmuoto"),
    "day_window": (
        ("course", "day_window"),
        TEXT,
        "Kurssipäivän alku ja loppu (esim. 08:00-16:00)",
    ),
    "lunch_window": (("course", "lunch", "window"), TEXT, "Lounasaika (esim. 11:00-12:30)"),
    "lunch_minutes": (("course", "lunch", "minutes"), INT, "Lounaan pituus (min)"),
    "slot_minutes": (("course", "slot_minutes"), INT, "Aikataulun tarkkuus (min)"),
    "language": (("course", "language"), LANGUAGE, "Tulosteiden kieli"),
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
    "balanced_days": "Tasaisesti ohjelmaa joka päivä (paino)",
    "no_idle_gaps": "Ei tyhjiä välejä ryhmän päivään (paino)",
    "physician_lectures_early": "Lääkärin alustukset alkuviikkoon (paino)",
    "no_pool_after_lunch": "Ei allasta heti lounaan jälkeen (paino)",
    "pool_after_lunch_gap_minutes": "Lounaan ja allaskäynnin väli vähintään (min)",
    "balanced_small_groups": "Yhtä suuret pienryhmät (paino)",
    "whole_team_meeting": "Koko työryhmä kokoukseen (paino)",
    "staff_meeting_midweek": "Työryhmän kokous keskellä viikkoa (paino)",
    "goal_review_midweek": "Tavoitteiden välitarkastelu keskellä viikkoa (paino)",
    "exact_shares": "Henkilöstöryhmien tarkat osuudet (paino)",
    "avoid_absences": "Aloitus, loppu ja mittaukset, kun kaikki ovat paikalla (paino)",
}

# Table sheets: column field -> (location inside the row's entry, kind, Finnish label).
STAFF_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "role": (("role",), ROLE, "Ammatti"),
    "group": (("group",), GROUP, "Henkilöstöryhmä (tyhjä = ammatin mukaan)"),
    "course_lead": (("course_lead",), BOOL, "Kurssivastaava"),
    "max_minutes": (("max_minutes",), INT, "Kurssilla enintään (min)"),
    "replaces": (("replaces",), TEXT, "Sijaistaa (kenen tunnus)"),
    "rheumatology_years": (
        ("experience", "rheumatology_years"),
        NUMBER,
        "Kokemus reumatologiasta (vuotta)",
    ),
    "rheumatology_hours": (
        ("experience", "rheumatology_hours"),
        NUMBER,
        "Reumakuntoutus- tai hoitotyötä (tuntia)",
    ),
    "group_leading_hours": (
        ("experience", "group_leading_hours"),
        NUMBER,
        "Ryhmien ohjaamista (tuntia)",
    ),
}
PARTICIPANT_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "small_group": (("small_group",), HALF, "Pienryhmä (A/B)"),
    "leaves": (("leaves",), MOMENT, "Lähtee kesken (vvvv-kk-pp tt:mm)"),
}
ROOM_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "name": (("name",), TEXT, "Nimi"),
    "kind": (("kind",), ROOM_KIND, "Tilan tyyppi"),
    "capacity": (("capacity",), INT, "Paikkoja"),
    "offsite_minutes": (("offsite_minutes",), INT, "Matka yhteen suuntaan (min)"),
    "offsite_km": (("offsite_km",), NUMBER, "Matka (km)"),
}
PROGRAMME_COLUMNS: dict[str, tuple[Loc, str, str]] = {
    "id": (("id",), TEXT, "Tunnus"),
    "title_fi": (("title", "fi"), TEXT, "Nimi suomeksi"),
    "title_en": (("title", "en"), TEXT, "Nimi englanniksi"),
    "theme": (("theme",), THEME, "Teema"),
    "kind": (("kind",), KIND, "Toteutusmuoto"),
    "minutes": (("minutes",), INT, "Kesto (min)"),
    "count": (("count",), INT, "Kertoja kurssilla"),
    "staff": (("staff",), INT, "Ohjaajia kerralla"),
    "leaders": (("leaders",), LEADERS, "Kuka saa ohjata (ammatit tai henkilöstöryhmät)"),
    "required_roles": (("required_roles",), ROLES, "Mukana oltava (ammatit)"),
    "rooms": (("rooms",), ROOM_KINDS, "Tilan tyyppi (yksi tai useampi)"),
    "days": (
        ("days",),
        DAYS,
        "Kurssipäivät: numerot (1 = ensimmäinen, -1 = viimeinen) tai ma, ti, …; tyhjä = mikä "
        "tahansa",
    ),
    "purpose": (("purpose",), PURPOSE, "Erityinen tarkoitus (esim. lääkärin alustus)"),
    "interruptible": (
        ("interruptible",),
        BOOL,
        "Kuntoutujan voi kutsua kesken yksilötapaamiseen (R16)",
    ),
    "after": (("after",), TEXT, "Pidetään tämän jälkeen (ohjelmakohdan tunnus)"),
}

# Sheet name -> (section, columns, per-day field or None); None columns: a key/value sheet.
TABLES: dict[str, tuple[str, dict[str, tuple[Loc, str, str]], str | None]] = {
    "Henkilöstö": ("staff", STAFF_COLUMNS, "availability"),
    "Kuntoutujat": ("participants", PARTICIPANT_COLUMNS, "unavailable"),
    "Tilat": ("rooms", ROOM_COLUMNS, "unavailable"),
    "Ohjelma": ("programme", PROGRAMME_COLUMNS, None),
}
SHEETS = ("Kurssi", "Henkilöstö", "Kuntoutujat", "Tilat", "Ohjelma", "Toiveet")
CHOICES_SHEET = "Valinnat"  # the drop-down lists' values (hidden)
ABSENT = "-"
FIRST_ROW = 3  # rows 1-2 are the headers of a table sheet
FORM_ROWS = 60  # rows of a table sheet that get the drop-down lists
MAX_DAYS = 31  # day columns a form may have when its standard is unknown
_DATE_LIKE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_DAY_COLUMN = re.compile(r"^\s*(?:päivä|day)\s+(\d+)\b", re.IGNORECASE)
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
        return say("place_cell", sheet=cell.sheet, cell=cell.ref) if cell else dotted_path(loc)

    def line(self, loc: tuple[Any, ...]) -> int:
        """A number that sorts places in sheet, row and column order (0 when unknown)."""
        cell = self.cell(loc)
        return cell.sheet_index * 1_000_000 + cell.row * 1_000 + cell.column if cell else 0


# -- codes and their Finnish labels ----------------------------------------------------------


class Choices:
    """The codes a coded cell may hold and their labels (words.py; themes from the standard),
    for the drop-down lists and for reading a label or a code back to the code."""

    def __init__(self, standard: Standard | None, extra_roles: set[str] | None = None) -> None:
        themes = standard.themes if standard else ()
        roles = list(coded("role"))
        roles += sorted(r for r in extra_roles or () if r not in roles)
        self.codes: dict[str, tuple[str, ...]] = {
            ROLE: tuple(roles),
            GROUP: tuple(g.value for g in StaffGroup),
            KIND: (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL),
            THEME: tuple(t.id for t in themes),
            ROOM_KIND: coded("room_kind"),
            PURPOSE: tuple(p.value for p in Purpose),
            BOOL: ("yes", "no"),
            FORM: coded("form"),
            LANGUAGE: coded("language"),
            HALF: ("A", "B"),
        }
        self.theme_titles = {t.id: t.title for t in themes}
        # Reading: every label in either language and the code itself, case-insensitively.
        self.reading: dict[str, dict[str, str]] = {}
        all_codes = {
            **self.codes,
            KIND: tuple(k.value for k in SessionKind),
        }
        for kind, codes in all_codes.items():
            table: dict[str, str] = {}
            for code in codes:
                for language in ("en", "fi"):
                    table[self.label(kind, code, language).casefold()] = code
                table[str(code).casefold()] = code
            self.reading[kind] = table

    def label(self, kind: str, code: str, language: str = "fi") -> str:
        """A code as the form shows it: 'psychologist' -> 'Psykologi'."""
        if kind == THEME:
            title = self.theme_titles.get(code)
            return text_in(title, language) if title else code
        if kind == BOOL:
            return label(code, language)
        if kind == HALF:
            return code
        prefix = {ROLE: "role", GROUP: "group", KIND: "kind", ROOM_KIND: "room_kind"}.get(
            kind, kind
        )
        return code_label(prefix, str(code), language)

    def code(self, kind: str, text: str) -> str | None:
        """The code a typed label or code stands for; None if it stands for none."""
        return self.reading[kind].get(text.strip().casefold())

    def leader(self, text: str) -> str | None:
        """Who may lead: a role or a staff group."""
        return self.code(ROLE, text) or self.code(GROUP, text)

    def shown(self, kind: str) -> list[str]:
        """The drop-down list of a kind of cell."""
        codes = self.codes[ROLE] + self.codes[GROUP] if kind == LEADERS else self.codes[kind]
        kinds = [GROUP if kind == LEADERS and c in self.codes[GROUP] else kind for c in codes]
        return [self.label(k, c) for k, c in zip(kinds, codes, strict=True)]


# The list a drop-down of each kind of cell takes its values from; whether other text is allowed.
_DROP_DOWNS: dict[str, tuple[str, bool]] = {
    ROLE: (ROLE, False),
    GROUP: (GROUP, False),
    KIND: (KIND, False),
    THEME: (THEME, False),
    ROOM_KIND: (ROOM_KIND, False),
    PURPOSE: (PURPOSE, False),
    BOOL: (BOOL, False),
    FORM: (FORM, False),
    LANGUAGE: (LANGUAGE, False),
    HALF: (HALF, False),
    LEADERS: (LEADERS, True),  # a list: pick one, or type several with commas
    ROLES: (ROLE, True),
    ROOM_KINDS: (ROOM_KIND, True),
}


def _standard_of(standard_id: Any) -> Standard | None:
    """The standard a form names, for its themes; None when it names none that loads (the course
    loader then says what is wrong with it)."""
    if not isinstance(standard_id, str) or not standard_id.strip():
        return None
    try:
        return load_standard(standard_id.strip())
    except InputError:
        return None


# -- reading ---------------------------------------------------------------------------------


# A course form is some 20 KB; these bounds refuse a wrong file, or one made to fill the memory
# (a few KB of zip can unpack to gigabytes), within a second.
MAX_FORM_BYTES = 5_000_000
MAX_FORM_UNPACKED = 20_000_000
MAX_MERGED_CELLS = 10_000  # a merge is a day range or a few rows, never a whole sheet


def read_course_form(path: Path) -> ExcelDocument:
    """A course workbook as YAML-like data; InputError naming the sheet and cell of every
    problem found.

    Formulas are read by their computed value (a located error when the file has none); a
    merged cell gives its value to every cell it covers; only filled cells are looked at, so a
    stray format in the sheet's last row costs nothing.
    """
    name = str(path)
    read_limited(path, MAX_FORM_BYTES, "file_form")
    try:
        _unpacked_size(path)
        book = load_workbook(path, data_only=True, read_only=False)
        formulas = load_workbook(path, data_only=False, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
        raise InputError(name, "", say("workbook_unreadable", error=error)) from None
    missing = [sheet for sheet in SHEETS if sheet not in book.sheetnames]
    if missing:
        raise InputError(
            name,
            say("place_sheet", sheet=missing[0]),
            say("courseform_sheet_missing", sheet=missing[0], sheets=", ".join(SHEETS)),
        )
    sheets = {title: _FilledSheet(name, book[title], formulas[title]) for title in SHEETS}
    reader = _Reader(path)
    reader.key_values(sheets["Kurssi"], SHEETS.index("Kurssi"), COURSE_FIELDS, "course")
    course = reader.data.get("course", {})
    standard = _standard_of(course.get("standard"))
    reader.choices = Choices(standard)
    reader.day_count = standard.days.count if standard else None
    first_day = course.get("first_day")
    reader.first_day = first_day if isinstance(first_day, date) else None
    preference_fields = {
        key: (("preferences", key), INT, text) for key, text in PREFERENCE_LABELS.items()
    }
    reader.key_values(sheets["Toiveet"], SHEETS.index("Toiveet"), preference_fields, "preferences")
    for sheet, (section, columns, per_day) in TABLES.items():
        reader.table(sheets[sheet], SHEETS.index(sheet), section, columns, per_day)
    if reader.problems:
        raise combine(reader.problems)
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
            say("courseform_unpacks", mb=unpacked // 1_000_000),
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
                    say("courseform_formula_uncomputed"),
                )
            elif computed.data_type == "e":
                cells[at] = _Unreadable(
                    name,
                    self.title,
                    ref,
                    say("courseform_formula_error", error=computed.value),
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
                    say("place_cells", sheet=self.title, cells=merged.coord),
                    say("courseform_merged", most=f"{MAX_MERGED_CELLS:,}".replace(",", " ")),
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
            raise InputError(
                value.file, say("place_cell", sheet=value.sheet, cell=value.ref), value.message
            )
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
        self.problems: list[InputError] = []
        self.choices = Choices(None)
        self.first_day: date | None = None
        self.day_count: int | None = None

    def problem(self, cell: Cell, message: str) -> None:
        self.problems.append(
            InputError(self.name, say("place_cell", sheet=cell.sheet, cell=cell.ref), message)
        )

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
                    self.problem(key_cell, say("courseform_value_without_field"))
                continue
            key = str(key).strip()
            if key not in fields:
                if section == "preferences":  # the model names the known ones
                    fields = {**fields, key: (("preferences", key), INT, "")}
                else:
                    self.problem(
                        key_cell,
                        say("field_unknown", field=repr(key), hint="", fields=", ".join(fields)),
                    )
                    continue
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
            top = sheet.cell(1, column).value
            numbered = _DAY_COLUMN.match(top) if isinstance(top, str) else None
            # Under a day column's number, row 2 shows its date by a formula from the first
            # day: a display aid, not read (a form `kurssi init` wrote has no computed values).
            header = None if numbered else sheet.cell(2, column).value
            cell = Cell(sheet.title, index, 2, column)
            key = str(header).strip() if isinstance(header, str) else None
            if key not in columns and numbered:  # a course day by its number
                if per_day is None:
                    self.problem(cell, say("courseform_no_day_columns", sheet=sheet.title))
                    continue
                number = int(numbered.group(1))
                most = self.day_count or MAX_DAYS  # the standard's count, when it loads
                if not 1 <= number <= most:
                    self.problem(
                        Cell(sheet.title, index, 1, column),
                        say(
                            "courseform_day_column",
                            column=repr(top.strip()),
                            most=most,
                            first=label("day_column", "fi", number=1),
                            last=label("day_column", "fi", number=most),
                        ),
                    )
                    continue
                if self.first_day is not None:
                    day = self.first_day + timedelta(days=number - 1)
                    layout[column] = ((per_day, day.isoformat()), "windows")
                continue
            if _blank(header):
                continue
            if isinstance(header, datetime | date) or (
                isinstance(header, str) and _DATE_LIKE.match(header.strip())
            ):  # a course day by its date (forms written before the days were numbered)
                if per_day is None:
                    self.problem(cell, say("courseform_no_day_columns", sheet=sheet.title))
                    continue
                day = self.value(header, DATE, cell)
                if day is not None:
                    layout[column] = ((per_day, day.isoformat()), "windows")
                continue
            if key not in columns:
                days = say("courseform_day_columns") if per_day else ""
                self.problem(
                    cell,
                    say(
                        "courseform_column_unknown",
                        column=repr(str(header)),
                        columns=", ".join(columns),
                        days=days,
                    ),
                )
                continue
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
        """A cell's value as YAML would give it; None for an empty cell (or one told wrong)."""
        if isinstance(value, str):
            value = value.strip()
        if _blank(value):
            return None
        if kind == DATE:
            if isinstance(value, datetime):
                if value.time() != datetime.min.time():
                    self.problem(cell, say("workbook_date_time"))
                    return None
                return value.date()
            if isinstance(value, date):
                return value
            try:
                return date.fromisoformat(str(value))
            except ValueError:
                self.problem(
                    cell,
                    say("courseform_not_date", value=repr(str(value))),
                )
                return None
        if kind == MOMENT:
            if isinstance(value, datetime):
                return value
            try:  # as a change file or --now reads it: 'T' or a space between, seconds optional
                return datetime.fromisoformat(str(value))
            except ValueError:
                self.problem(  # not quoted: the leaving time is a participant's
                    cell,
                    say("courseform_not_moment"),
                )
                return None
        if kind == TEXT:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return str(int(value)) if float(value).is_integer() else str(value)
            return value
        if kind in (INT, NUMBER):
            if isinstance(value, float) and value.is_integer() and kind == INT:
                return int(value)
            return value
        if kind == BOOL:
            if isinstance(value, str):
                code = self.choices.code(BOOL, value)
                if code is not None:
                    return code == "yes"
                if value.lower() in _TRUE | _FALSE:
                    return value.lower() in _TRUE
            return value
        if kind in (ROLE, GROUP, KIND, THEME, ROOM_KIND, PURPOSE, FORM, LANGUAGE, HALF):
            text = str(value)
            # An unknown word passes through as typed: validation names the nearest ones.
            return self.choices.code(kind, text) or text
        if kind in (LEADERS, ROLES, ROOM_KINDS, LIST):
            parts = [part.strip() for part in re.split(r"[,;]", str(value)) if part.strip()]
            read: Callable[[str], str | None] = {
                LEADERS: self.choices.leader,
                ROLES: lambda text: self.choices.code(ROLE, text),
                ROOM_KINDS: lambda text: self.choices.code(ROOM_KIND, text),
                LIST: lambda text: text,
            }[kind]
            return [read(part) or part for part in parts]
        if kind == DAYS:
            if isinstance(value, int | float) and not isinstance(value, bool):
                return [int(value)]
            parts = [part.strip() for part in re.split(r"[,;]", str(value)) if part.strip()]
            days = [self.course_day(part, cell) for part in parts]
            return [d for d in days if d is not None]
        return value

    def course_day(self, text: str, cell: Cell) -> int | str | None:
        """A day of a session: a course-day number, or a weekday ('ti', 'tiistai', 'Tue')
        as the number of the course day on that weekday."""
        if re.fullmatch(r"-?\d+", text):
            return int(text)
        weekday = _weekday(text)
        if weekday is None:
            self.problem(
                cell,
                say("courseform_not_day", value=repr(text)),
            )
            return None
        if self.first_day is None:
            return None  # the first day is missing or wrong, and told so on its own cell
        return (weekday - self.first_day.weekday()) % 7 + 1


def _weekday(text: str) -> int | None:
    """0 for 'ma', 'maanantai', 'Mon', 'Monday' (any case); None for anything else."""
    wanted = text.strip().rstrip(".").casefold()
    for index in range(7):
        for key in (f"weekday_short_{index}", f"weekday_{index}"):
            if wanted in (label(key, "fi").casefold(), label(key, "en").casefold()):
                return index
    return None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _windows(value: Any) -> list[str] | None:
    """A day cell: empty = nothing said (None), '-' or 'poissa' = not at all ([]), else the
    windows."""
    if _blank(value):
        return None
    text = str(value).strip()
    if text == ABSENT or text.casefold() in (label("absent", "fi"), label("absent", "en")):
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
_DATE_FORMAT = "[$-40B]ddd d.m.yyyy"  # Finnish weekday and date whatever the reader's locale

INSTRUCTIONS = (
    "Kurssin tiedot",
    "",
    "Täytä välilehdet Kurssi, Henkilöstö, Kuntoutujat, Tilat, Ohjelma ja Toiveet; ratkaise sitten "
    "aikataulu komennolla: kurssi solve TÄMÄ.xlsx",
    "Rivi 1 on otsikko, rivi 2 kentän tunnus, jolla tiedot luetaan: älä muuta riviä 2.",
    "Valintasolut (ammatti, henkilöstöryhmä, toteutusmuoto, teema, tilan tyyppi, kyllä/ei) "
    "tarjoavat pudotusvalikon; myös englanninkieliset tunnukset käyvät.",
    "Päiväsarakkeet Päivä 1, Päivä 2, … ovat kurssipäiviä; niiden päivämäärät lasketaan "
    "ensimmäisestä kurssipäivästä (välilehti Kurssi), joten uusi alkupäivä on yksi solu.",
    "Henkilöstön päiväsarakkeet: tyhjä = koko päivän, poissa (tai -) = ei lainkaan, "
    "12:00-16:00 = nämä tunnit (useampi pilkuin: 08:00-10:00, 13:00-16:00).",
    "Kuntoutujien ja tilojen päiväsarakkeet: tunnit, jolloin kuntoutuja on poissa tai tila ei "
    "ole käytettävissä.",
    "Ohjelman kurssipäivät: numerot (1 = ensimmäinen, -1 = viimeinen) tai viikonpäivät "
    "(ma, ti, ke, to, pe, la) pilkuin erotettuina; tyhjä = mikä tahansa päivä.",
    "Kuka saa ohjata, mukana oltava ja tilan tyyppi: yksi valikosta tai useampi pilkuin "
    "erotettuina (esim. Fysioterapeutti, Liikunnanohjaaja).",
    "Sijaistaa (Henkilöstö): sijaisen rivillä sen henkilön tunnus, jonka paikan hän ottaa.",
    "Lähtee kesken (Kuntoutujat): päivä ja kellonaika, esim. 2027-03-10 12:00.",
    "",
    "Course input form: row 1 is a Finnish label, row 2 the field name the reader goes by. Coded "
    "cells take the Finnish label from the drop-down or the English code (psychologist, group, "
    "gym). Day columns are course days counted from the first day.",
)


def write_course_form(data: dict[str, Any], days: tuple[date, ...], path: Path) -> Path:
    """The Excel form holding a course's data (as a YAML file gives it); never over a file."""
    book = Workbook()
    guide = book.active
    guide.title = "Ohje"
    for row, text in enumerate(INSTRUCTIONS, start=1):
        cell = guide.cell(row, 1, text)
        cell.font = _HEADER_FONT if row == 1 else Font()
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    guide.column_dimensions["A"].width = 120

    course = data.get("course") or {}
    participants = data.get("participants")
    standard = _standard_of(course.get("standard"))
    roles = {m.get("role") for m in data.get("staff") or [] if isinstance(m, dict)}
    choices = Choices(standard, {r for r in roles if isinstance(r, str)})
    lists = _choices_sheet(book.create_sheet(CHOICES_SHEET), choices)
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
    first_day_cell = _key_value_sheet(
        book.create_sheet("Kurssi"), COURSE_FIELDS, flat, choices, lists
    )
    preference_fields = {key: ((), INT, text) for key, text in PREFERENCE_LABELS.items()}
    _key_value_sheet(
        book.create_sheet("Toiveet"),
        preference_fields,
        data.get("preferences") or {},
        choices,
        lists,
    )

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
        _table_sheet(
            book.create_sheet(sheet_name),
            columns,
            per_day,
            days,
            sections[sheet_name],
            choices,
            lists,
            first_day_cell,
        )
    for name in ("Toiveet", CHOICES_SHEET):  # in the order of SHEETS, the lists last
        book.move_sheet(name, offset=len(book.sheetnames) - 1 - book.sheetnames.index(name))
    book[CHOICES_SHEET].sheet_state = "hidden"
    return write_atomic(path, lambda temporary: book.save(temporary))


def _choices_sheet(sheet: Any, choices: Choices) -> dict[str, str]:
    """One column per drop-down list; the range formula of each list by its name."""
    ranges: dict[str, str] = {}
    lists = {kind: choices.shown(kind) for kind in (*choices.codes, LEADERS)}
    lists["absent"] = [label("absent", "fi")]
    for column, (kind, values) in enumerate(lists.items(), start=1):
        sheet.cell(1, column, kind).font = _HEADER_FONT
        for row, value in enumerate(values, start=2):
            sheet.cell(row, column, value)
        letter = get_column_letter(column)
        last = max(len(values) + 1, 2)
        ranges[kind] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${last}"
        sheet.column_dimensions[letter].width = 30
    return ranges


def _drop_down(sheet: Any, kind: str, cells: str, lists: dict[str, str], free: bool) -> None:
    """A drop-down list on some cells; `free`: other text (several, comma-separated) allowed."""
    validation = DataValidation(
        type="list", formula1=f"={lists[kind]}", allow_blank=True, showErrorMessage=not free
    )
    if not free:
        validation.errorTitle = "Valitse luettelosta"
        validation.error = "Valitse arvo pudotusvalikosta (tai kirjoita englanninkielinen tunnus)."
    sheet.add_data_validation(validation)
    validation.add(cells)


def _shown_value(kind: str, value: Any, choices: Choices) -> Any:
    """A data value as the form shows it: codes as Finnish labels, lists comma-separated."""
    if isinstance(value, list | tuple):
        shown = [_shown_value(_ITEM_KIND.get(kind, TEXT), part, choices) for part in value]
        return ", ".join(str(part) for part in shown)
    if kind == BOOL and isinstance(value, bool):
        return choices.label(BOOL, "yes" if value else "no")
    if kind == LEADERS and isinstance(value, str):
        group = value in choices.codes[GROUP]
        return choices.label(GROUP if group else ROLE, value)
    if kind in _DROP_DOWNS and isinstance(value, str):
        return choices.label(_DROP_DOWNS[kind][0], value)
    return value


_ITEM_KIND = {LEADERS: LEADERS, ROLES: ROLE, ROOM_KINDS: ROOM_KIND, DAYS: TEXT, LIST: TEXT}


def _header(sheet: Any, column: int, text: str, key: Any) -> None:
    top = sheet.cell(1, column, text)
    top.font, top.fill = _HEADER_FONT, _HEADER_FILL
    top.alignment = Alignment(wrap_text=True, vertical="top")
    hint = sheet.cell(2, column, key)
    hint.font = _HINT_FONT


def _key_value_sheet(
    sheet: Any,
    fields: Mapping[str, tuple[Loc, str, str]],
    values: dict[str, Any],
    choices: Choices,
    lists: dict[str, str],
) -> str | None:
    """Writes the fields given; the absolute reference of the first day's cell, if written."""
    for column, text in enumerate(("Tieto", "Kenttä (field)", "Arvo (value)"), start=1):
        top = sheet.cell(1, column, text)
        top.font, top.fill = _HEADER_FONT, _HEADER_FILL
    row = 2
    first_day = None
    for key, (_, kind, text) in fields.items():
        if key not in values:
            continue
        sheet.cell(row, 1, text)
        sheet.cell(row, 2, key).font = _HINT_FONT
        value = sheet.cell(row, 3, _shown_value(kind, values[key], choices))
        if isinstance(values[key], date):
            value.number_format = "yyyy-mm-dd"
        if kind == DATE and key == "first_day":
            first_day = f"{quote_sheetname(sheet.title)}!$C${row}"
        if kind in _DROP_DOWNS:
            source, free = _DROP_DOWNS[kind]
            _drop_down(sheet, source, f"C{row}", lists, free)
        row += 1
    for letter, width in (("A", 52), ("B", 28), ("C", 48)):
        sheet.column_dimensions[letter].width = width
    return first_day


def _table_sheet(
    sheet: Any,
    columns: dict[str, tuple[Loc, str, str]],
    per_day: str | None,
    days: tuple[date, ...],
    entries: list[dict[str, Any]],
    choices: Choices,
    lists: dict[str, str],
    first_day_cell: str | None,
) -> None:
    layout: list[tuple[Any, str, str, Callable[[dict[str, Any]], Any]]] = []
    fields = list(columns.items())
    # Availability days sit after the person's own fields, before their experience.
    keys = [key for key, _ in fields]
    split = keys.index("rheumatology_years") if per_day == "availability" else len(fields)
    for key, (loc, kind, text) in fields[:split]:
        layout.append((key, kind, text, _getter(loc)))
    if per_day:
        for number, day in enumerate(days, start=1):
            heading = label("day_column", "fi", number=number)
            layout.append((number, "windows", heading, _day_getter(per_day, day)))
    for key, (loc, kind, text) in fields[split:]:
        layout.append((key, kind, text, _getter(loc)))
    last_row = max(FIRST_ROW + len(entries) - 1, FIRST_ROW + FORM_ROWS)
    for column, (key, kind, text, _) in enumerate(layout, start=1):
        letter = get_column_letter(column)
        if kind == "windows":
            _header(sheet, column, text, None)
            date_cell = sheet.cell(2, column)
            if first_day_cell:
                date_cell.value = f"={first_day_cell}+{key - 1}"
            else:
                date_cell.value = days[key - 1]
            date_cell.number_format = _DATE_FORMAT
            date_cell.font = _HINT_FONT
            sheet.column_dimensions[letter].width = 16
            if per_day == "availability":
                _drop_down(sheet, "absent", f"{letter}{FIRST_ROW}:{letter}{last_row}", lists, True)
            continue
        _header(sheet, column, text, key)
        sheet.column_dimensions[letter].width = 22 if kind in _DROP_DOWNS else 16
        if kind in _DROP_DOWNS:
            source, free = _DROP_DOWNS[kind]
            _drop_down(sheet, source, f"{letter}{FIRST_ROW}:{letter}{last_row}", lists, free)
    sheet.row_dimensions[1].height = 45
    for row, entry in enumerate(entries, start=FIRST_ROW):
        for column, (_, kind, _, get) in enumerate(layout, start=1):
            value = get(entry)
            if value is None:
                continue
            written = sheet.cell(row, column, _shown_value(kind, value, choices))
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
        return ", ".join(str(w) for w in windows) if windows else label("absent", "fi")

    return get
