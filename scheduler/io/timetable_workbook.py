"""A timetable workbook read back: the session list a course manager edited ("Ohjelmarivit" /
"Sessions") and the hidden sheet that holds the rest of the timetable, as one `Timetable`.

The list is the truth for each session's date, times, staff, room, the participants of
individual meetings and the lock; the hidden timetable (its JSON, split over cells of a very
hidden sheet) is the truth for everything else: the course, the standard, session ids, titles,
kinds, programme items, the solver's facts. Names in the list map back to ids through the hidden
course. Every cell that cannot be read is a located error ("sheet 'Ohjelmarivit', cell G23"),
all of them at once.

The layout here (the list's columns, the hidden sheet's cells) is what the writer in
`scheduler/export/excel/session_list.py` writes: both sides read it from this module.

Reading is bounded: the file, its unpacked size, the hidden JSON and the list's rows have
limits, and the list is read in read-only mode up to its last non-empty row.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
import warnings
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Final

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.utils.exceptions import InvalidFileException
from pydantic import ValidationError

from models.base import NON_PROGRAMME_KINDS, SessionKind, format_clock, text_in
from models.timetable import Session, Timetable
from scheduler.domain.edits import follow_participants
from scheduler.errors import CourseWarning, InputError, combine
from scheduler.io.documents import MAX_PROBLEMS, dotted_path, pydantic_message
from scheduler.words import LABELS, full_date, label, reader, say

# -- the layout the writer and the reader share ----------------------------------------------

DATA_SHEET: Final = "kurssi_data"  # very hidden, protected; not for people, so not translated
DATA_MARKER: Final = "kurssi:course-timetable/1"
# Column A of the data sheet: the marker, the list's sheet name, the workbook's language, the
# number of JSON pieces, then the pieces. Each piece starts with CHUNK_MARK so that no cell
# ever starts like a formula ('=', '+', '-', '@'), whatever the JSON holds.
DATA_ROW_MARKER, DATA_ROW_SHEET, DATA_ROW_LANGUAGE, DATA_ROW_COUNT = 1, 2, 3, 4
DATA_ROW_FINGERPRINT, DATA_FIRST_CHUNK = 5, 6  # the JSON's SHA-256, then its pieces
CHUNK_MARK: Final = "~"
CHUNK_CHARS: Final = 30_000  # Excel holds at most 32,767 characters in a cell
# Further columns of the data sheet: the choices of the list's drop-downs, one a row from row 1.
CHOICE_COLUMNS: Final = {"staff": 2, "room": 3, "yes_no": 4, "kind": 5, "small_group": 6}

# The list's columns, left to right; each heading is LABELS[f"list_{key}"].
LIST_COLUMNS: Final = (
    "date",
    "start",
    "end",
    "title",
    "kind",
    "small_group",
    "staff",
    "room",
    "participants",
    "locked",
    "id",
)
LIST_TITLE_ROWS: Final = 2  # the title and the note above the headings
LIST_HEADER_ROW: Final = LIST_TITLE_ROWS + 1

# Bounds: far above any course week, far below what would hurt.
MAX_FILE_BYTES: Final = 20_000_000
MAX_UNPACKED_BYTES: Final = 200_000_000
MAX_JSON_CHARS: Final = 5_000_000
MAX_LIST_ROWS: Final = 5_000
SCAN_ROWS: Final = 100_000  # how far down the list's sheet is looked at, at most
MAX_COLUMNS: Final = 40
HEADER_SEARCH_ROWS: Final = 10


def heading(key: str, language: str) -> str:
    return label(f"list_{key}", language)


def list_names(labels: dict[str, str]) -> dict[str, str]:
    """How the list names each staff member or room (id -> name): by name, with the id added
    where two share a name, so that every name in the list reads back to one id."""
    counts = Counter(_fold(text) for text in labels.values())
    return {
        item_id: text if counts[_fold(text)] == 1 else f"{text} ({item_id})"
        for item_id, text in labels.items()
    }


def staff_names(timetable: Timetable) -> dict[str, str]:
    return list_names({member.id: member.label for member in timetable.staff})


def room_names(timetable: Timetable) -> dict[str, str]:
    return list_names({room.id: room.name or room.id for room in timetable.rooms})


def json_fingerprint(text: str) -> str:
    """The SHA-256 of the hidden JSON, kept beside it to tell a damaged piece."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def json_chunks(text: str) -> list[str]:
    """The timetable's JSON in cell-sized pieces, each marked so it never reads as a formula."""
    return [CHUNK_MARK + text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)]


# -- what reading gives -------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkbookTimetable:
    """A timetable read from a workbook, with where each session stands in the list."""

    path: Path
    timetable: Timetable  # as edited in the list
    original: Timetable  # as the workbook was written (the hidden sheet)
    sheet: str  # the list's sheet name
    rows: dict[str, int]  # session id -> row of the list
    added: tuple[str, ...] = ()  # ids given to rows added by hand
    columns: dict[str, int] = field(default_factory=dict)  # LIST_COLUMNS key -> column

    def place(self, session_id: str, key: str | None = None) -> str:
        """ "sheet 'Ohjelmarivit', row 23", or "..., cell B23" for a column of LIST_COLUMNS
        (just the sheet for a session not listed)."""
        row = self.rows.get(session_id)
        if not row:
            return say("place_sheet", sheet=self.sheet)
        if key is not None and key in self.columns:
            return cell_place(self.sheet, f"{get_column_letter(self.columns[key])}{row}")
        return say("place_row", sheet=self.sheet, row=row)


def cell_place(sheet: str, cell: str) -> str:
    """ "välilehti 'Ohjelmarivit', solu B23", "sheet 'Sessions', cell B23"."""
    return say("place_cell", sheet=sheet, cell=cell)


def is_workbook(path: Path) -> bool:
    return path.suffix.lower() in (".xlsx", ".xlsm")


def read_timetable_workbook(path: Path) -> WorkbookTimetable:
    """A timetable workbook's list and hidden course as a timetable; InputError naming the
    sheet and cell of every edit that cannot be read."""
    path = Path(path)
    name = str(path)
    _check_container(path)
    # Opened as a file, so a workbook is read whatever its name ends with (openpyxl would
    # refuse a path without .xlsx); the file stays open while the read-only book is read.
    with path.open("rb") as handle:
        try:
            book = load_workbook(handle, read_only=True, data_only=True)
        except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError) as error:
            raise InputError(name, "", say("workbook_unreadable", error=error)) from None
        try:
            if DATA_SHEET not in book.sheetnames:
                raise InputError(name, "", say("workbook_no_timetable"))
            original, sheet_name, language = _read_data_sheet(name, book[DATA_SHEET])
            sheet = _list_sheet(name, book, sheet_name)
            return _Reader(path, original, sheet.title, language).read(_rows_of(name, sheet))
        finally:
            book.close()


# -- the container and the hidden sheet ----------------------------------------------------------


def _check_container(path: Path) -> None:
    name = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(name, "", say("doc_no_file")) from None
    if path.is_dir():
        raise InputError(name, "", say("doc_folder", what=say("file_timetable_any")))
    if size > MAX_FILE_BYTES:
        raise InputError(
            name, "", say("workbook_too_large", size=_bytes(size), most=_bytes(MAX_FILE_BYTES))
        )
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        raise InputError(name, "", say("workbook_not_xlsx")) from None
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputError(
            name,
            "",
            say("workbook_unpacks", size=_bytes(unpacked), most=_bytes(MAX_UNPACKED_BYTES)),
        )


def _bytes(size: int) -> str:
    """'10 000 000' (Finnish groups digits with spaces), '10,000,000'."""
    text = f"{size:,}"
    return text.replace(",", " ") if reader() == "fi" else text


def _read_data_sheet(name: str, sheet: Any) -> tuple[Timetable, str, str]:
    where = say("place_sheet", sheet=DATA_SHEET)
    damaged = say("workbook_damaged")
    head = [
        row[0] if row else None for row in sheet.iter_rows(max_row=5, max_col=1, values_only=True)
    ]
    head += [None] * (5 - len(head))
    marker, sheet_name, language, count, fingerprint = head
    if marker != DATA_MARKER:
        raise InputError(name, cell_place(DATA_SHEET, "A1"), damaged)
    if not isinstance(count, int | float) or not 0 < count <= MAX_JSON_CHARS // CHUNK_CHARS + 1:
        raise InputError(name, cell_place(DATA_SHEET, f"A{DATA_ROW_COUNT}"), damaged)
    pieces: list[str] = []
    last = DATA_FIRST_CHUNK + int(count) - 1
    for row in sheet.iter_rows(min_row=DATA_FIRST_CHUNK, max_row=last, max_col=1, values_only=True):
        value = row[0] if row else None
        if not isinstance(value, str) or not value.startswith(CHUNK_MARK):
            raise InputError(
                name, cell_place(DATA_SHEET, f"A{DATA_FIRST_CHUNK + len(pieces)}"), damaged
            )
        pieces.append(value[len(CHUNK_MARK) :])
    if len(pieces) != int(count):
        raise InputError(name, where, damaged)
    text = "".join(pieces)
    if fingerprint != json_fingerprint(text):  # a piece damaged inside a text still parses
        raise InputError(name, where, damaged)
    try:
        original = Timetable.model_validate(json.loads(text))
    except (json.JSONDecodeError, ValidationError) as error:
        detail = ""
        if isinstance(error, ValidationError):
            first = error.errors()[0]
            detail = f" ({dotted_path(tuple(first['loc']))}: {pydantic_message(first)})"
        raise InputError(name, where, damaged + detail) from None
    language = language if language in ("fi", "en") else original.course.language
    return original, str(sheet_name or ""), str(language)


def _list_sheet(name: str, book: Any, recorded: str) -> Any:
    """The list: by the name the writer gave it, else a sheet with the list's headings."""
    if recorded and recorded in book.sheetnames:
        return book[recorded]
    wanted = {label("sheet_sessions", language) for language in ("fi", "en")}
    for sheet_name in book.sheetnames:
        if sheet_name in wanted:
            return book[sheet_name]
    raise InputError(
        name, "", say("workbook_no_list", sheet=recorded or label("sheet_sessions", reader()))
    )


def _rows_of(name: str, sheet: Any) -> list[tuple[int, tuple[Any, ...]]]:
    """The sheet's non-empty rows (values only) up to the last one, refusing a list longer than
    any course week's. Rows past SCAN_ROWS are never parsed, whatever the sheet claims."""
    rows: list[tuple[int, tuple[Any, ...]]] = []
    limit = LIST_HEADER_ROW + MAX_LIST_ROWS
    for number, values in enumerate(
        sheet.iter_rows(min_row=1, max_row=SCAN_ROWS, max_col=MAX_COLUMNS, values_only=True),
        start=1,
    ):
        if any(not _blank(value) for value in values):
            if number > limit:
                raise InputError(
                    name,
                    say("place_row", sheet=sheet.title, row=number),
                    say("workbook_list_too_long", row=limit),
                )
            rows.append((number, tuple(values)))
    return rows


# -- the list ------------------------------------------------------------------------------------

_TRUE = {"x", "1", "true"} | {LABELS["yes"][language].casefold() for language in LABELS["yes"]}
_FALSE = {"0", "false", "-"} | {LABELS["no"][language].casefold() for language in LABELS["no"]}
_CLOCK = re.compile(r"^(?:klo\s*)?(\d{1,2})[:.](\d{2})(?::00)?$", re.IGNORECASE)
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FI_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?$")
_EN_DATE = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?,?(?:\s+(\d{4}))?$")
_SPLIT = re.compile(r"\s*[,;\n]\s*")


def _fold(text: str) -> str:
    """How names are compared: case, accents' composition and spacing do not matter."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _words(keys: Iterable[str]) -> dict[str, str]:
    """Every language's text of each label, folded -> the key."""
    return {_fold(text): key for key in keys for text in LABELS[key].values()}


# Month names as a date may spell them: 'March', 'Mar', 'Sept', 'maaliskuuta'.
_MONTHS = (
    {_fold(LABELS[f"month_{m}"][language]): m for m in range(1, 13) for language in ("fi", "en")}
    | {_fold(LABELS[f"month_{m}"]["en"])[:3]: m for m in range(1, 13)}
    | {"sept": 9}
)
_WEEKDAYS = {
    _fold(LABELS[f"{key}_{day}"][language]): day
    for day in range(7)
    for key in ("weekday", "weekday_short")
    for language in ("fi", "en")
}
_KINDS = _words(f"kind_{kind.value}" for kind in SessionKind)


@dataclass
class _Reader:
    path: Path
    original: Timetable
    sheet: str
    language: str
    problems: list[InputError] = field(default_factory=list)

    def __post_init__(self) -> None:
        timetable = self.original
        self.staff_by_name = _names(
            staff_names(timetable), {m.id: m.label for m in timetable.staff}
        )
        self.rooms_by_name = _names(
            room_names(timetable), {r.id: r.name or r.id for r in timetable.rooms}
        )
        self.participant_ids = [p.id for p in timetable.participants]
        self.by_id = {s.id: s for s in timetable.sessions}

    # -- problems --------------------------------------------------------------------------

    def cell(self, row: int, column: int) -> str:
        return cell_place(self.sheet, f"{get_column_letter(column)}{row}")

    def problem(self, place: str, message: str) -> None:
        self.problems.append(InputError(str(self.path), place, message))

    # -- the whole list --------------------------------------------------------------------

    def read(self, rows: list[tuple[int, tuple[Any, ...]]]) -> WorkbookTimetable:
        header_row, columns = self.headings(rows)
        listed: dict[str, Session] = {}
        rows_of: dict[str, int] = {}
        added: list[tuple[int, Session]] = []
        first_row_of: dict[str, int] = {}
        for number, values in rows:
            if number <= header_row:
                continue
            if len(self.problems) >= MAX_PROBLEMS:
                break
            cells = {
                key: (values[c - 1] if c - 1 < len(values) else None, c)
                for key, c in columns.items()
            }
            session_id = self.session_id(number, cells, first_row_of)
            if session_id is None:
                continue
            before = self.by_id.get(session_id) if session_id else None
            session = self.session(number, cells, before)
            if session is None:
                continue
            if session_id:
                listed[session_id] = session
                rows_of[session_id] = number
            else:
                added.append((number, session))
        self.missing(set(first_row_of))
        if self.problems:
            raise combine(self.problems)
        renamed = follow_participants(self.original.sessions, listed.values())
        if renamed:
            listed = {
                renamed.get(i, i): s.model_copy(update={"id": renamed.get(i, i)})
                for i, s in listed.items()
            }
            rows_of = {renamed.get(i, i): row for i, row in rows_of.items()}
        taken = set(self.by_id)
        added_ids: list[str] = []
        for number, session in added:
            new_id = _free_id(f"added-{number}", taken)
            taken.add(new_id)
            added_ids.append(new_id)
            listed[new_id] = session.model_copy(update={"id": new_id})
            rows_of[new_id] = number
        kept = [listed[s.id] for s in self.original.sessions if s.id in listed]
        sessions = tuple(kept + [listed[i] for i in added_ids])
        return WorkbookTimetable(
            path=self.path,
            timetable=self.original.model_copy(update={"sessions": sessions}),
            original=self.original,
            sheet=self.sheet,
            rows=rows_of,
            added=tuple(added_ids),
            columns=columns,
        )

    def headings(self, rows: list[tuple[int, tuple[Any, ...]]]) -> tuple[int, dict[str, int]]:
        """The heading row (the one naming most of the list's columns) and each column."""
        known = _words(f"list_{key}" for key in LIST_COLUMNS)
        best: tuple[int, dict[str, int]] = (0, {})
        for number, values in rows:
            if number > HEADER_SEARCH_ROWS:
                break
            found: dict[str, int] = {}
            for column, value in enumerate(values, start=1):
                key = known.get(_fold(str(value))) if isinstance(value, str) else None
                if key is not None:
                    found.setdefault(key.removeprefix("list_"), column)
            if len(found) > len(best[1]):
                best = (number, found)
        number, columns = best
        missing = [key for key in LIST_COLUMNS if key not in columns]
        if missing:
            expected = ", ".join(f"'{heading(key, self.language)}'" for key in LIST_COLUMNS)
            lacking = ", ".join(f"'{heading(key, self.language)}'" for key in missing)
            place = say("place_row", sheet=self.sheet, row=number or LIST_HEADER_ROW)
            raise InputError(
                str(self.path),
                place,
                say("workbook_headings", lacking=lacking, expected=expected),
            )
        return number, columns

    def session_id(
        self, number: int, cells: dict[str, tuple[Any, int]], first_row_of: dict[str, int]
    ) -> str | None:
        """The session a row is ('' for a row added by hand); None if it cannot be told."""
        value, column = cells["id"]
        if _blank(value):
            return ""
        session_id = str(value).strip()
        if session_id not in self.by_id:
            self.problem(
                self.cell(number, column),
                say("workbook_unknown_id", id=repr(session_id)),
            )
            return None
        if session_id in first_row_of:
            self.problem(
                self.cell(number, column),
                say("workbook_copied_row", row=first_row_of[session_id], id=repr(session_id)),
            )
            return None
        first_row_of[session_id] = number
        return session_id

    def missing(self, listed: set[str]) -> None:
        """Programme sessions whose rows were deleted: the course needs them."""
        for session in self.original.sessions:
            if session.id in listed or session.kind in NON_PROGRAMME_KINDS:
                continue
            language = reader()
            title = text_in(session.titles, language) if session.titles else session.title
            self.problem(
                say("place_sheet", sheet=self.sheet),
                say(
                    "workbook_deleted_row",
                    title=title,
                    date=full_date(session.date, language),
                    time=format_clock(session.start),
                    id=session.id,
                ),
            )

    # -- one row ---------------------------------------------------------------------------

    def session(
        self, number: int, cells: dict[str, tuple[Any, int]], before: Session | None
    ) -> Session | None:
        """A row as a session: the list's facts over the hidden session (None if unreadable)."""
        count = len(self.problems)
        day = self.date(number, *cells["date"])
        start = self.clock(number, *cells["start"])
        end = self.clock(number, *cells["end"])
        staff = self.staff(number, *cells["staff"])
        room = self.room(number, *cells["room"])
        locked = self.locked(number, *cells["locked"])
        if before is None:
            return self.added(number, cells, day, start, end, staff, room, locked, count)
        participants = before.participants
        if before.kind == SessionKind.INDIVIDUAL:
            participants = self.participants(number, *cells["participants"], required=True)
        elif not _blank(cells["participants"][0]):
            participants = self.participants(number, *cells["participants"], required=False)
        if start is not None and end is not None and end <= start:
            self.problem(
                self.cell(number, cells["end"][1]),
                say("workbook_ends_first", end=format_clock(end), start=format_clock(start)),
            )
        if len(self.problems) > count:
            return None
        self.unread(number, cells, before)
        assert day is not None and start is not None and end is not None
        return before.model_copy(
            update={
                "date": day,
                "start": start,
                "end": end,
                "staff": staff,
                "room": room,
                "participants": participants,
                "locked": locked,
            }
        )

    def unread(self, number: int, cells: dict[str, tuple[Any, int]], before: Session) -> None:
        """An existing row's title, kind and half are the hidden timetable's (the programme
        says them): an edit of them is not read, and the course manager is told so."""
        shown = {
            "title": text_in(before.titles, self.language) if before.titles else before.title,
            "kind": label(f"kind_{before.kind.value}", self.language),
            "small_group": before.small_group or "",
        }
        for key, expected in shown.items():
            value, column = cells[key]
            written = "" if _blank(value) else str(value)
            if _fold(written) != _fold(expected):
                warnings.warn(
                    CourseWarning(
                        str(self.path),
                        self.cell(number, column),
                        say(
                            f"workbook_unread_{key}",
                            stays=repr(expected) if expected else say("shown_empty"),
                        ),
                    ),
                    stacklevel=2,
                )

    def added(
        self,
        number: int,
        cells: dict[str, tuple[Any, int]],
        day: date | None,
        start: int | None,
        end: int | None,
        staff: tuple[str, ...],
        room: str | None,
        locked: bool,
        count: int,
    ) -> Session | None:
        """A row added by hand: its kind (and half) from the list, everything else too."""
        kind_value, kind_column = cells["kind"]
        kinds = ", ".join(f"'{label(f'kind_{k.value}', self.language)}'" for k in SessionKind)
        kind: SessionKind | None = None
        if _blank(kind_value):
            self.problem(
                self.cell(number, kind_column),
                say("workbook_kind_missing", kinds=kinds),
            )
        else:
            key = _KINDS.get(_fold(str(kind_value)))
            kind = SessionKind(key.removeprefix("kind_")) if key else None
            if kind is None and str(kind_value).strip() in {k.value for k in SessionKind}:
                kind = SessionKind(str(kind_value).strip())
            if kind is None:
                self.problem(
                    self.cell(number, kind_column),
                    say("workbook_kind_unknown", value=repr(str(kind_value)), kinds=kinds),
                )
        half_value, half_column = cells["small_group"]
        half = None if _blank(half_value) else str(half_value).strip().upper()
        if half not in (None, "A", "B"):
            self.problem(self.cell(number, half_column), say("workbook_half"))
        if kind == SessionKind.SMALL_GROUP and half is None:
            self.problem(
                self.cell(number, half_column),
                say("workbook_half_missing"),
            )
        participants = self.participants(
            number, *cells["participants"], required=kind == SessionKind.INDIVIDUAL
        )
        if start is not None and end is not None and end <= start:
            self.problem(
                self.cell(number, cells["end"][1]),
                say("workbook_ends_first", end=format_clock(end), start=format_clock(start)),
            )
        if len(self.problems) > count:
            return None
        assert kind is not None and day is not None and start is not None and end is not None
        if not participants:
            participants = self.default_participants(kind, half, day, start)
        title_value = cells["title"][0]
        title = (
            str(title_value).strip()
            if not _blank(title_value)
            else label(f"kind_{kind.value}", self.language)
        )
        return Session(
            id=f"added-{number}",
            title=title,
            titles={self.language: title},
            kind=kind,
            date=day,
            start=start,
            end=end,
            staff=staff,
            room=room,
            participants=participants,
            locked=locked,
            small_group=half,  # type: ignore[arg-type]
        )

    def default_participants(
        self, kind: SessionKind, half: str | None, day: date, start: int
    ) -> tuple[str, ...]:
        """Who an added group-level row is for when the list does not say: the group (or the
        half, as the timetable's small groups have it) still on the course then."""
        if kind == SessionKind.STAFF_MEETING:
            return ()
        moment = datetime.combine(day, time()) + timedelta(minutes=start)
        present = [p.id for p in self.original.participants if p.present_at(moment)]
        if kind == SessionKind.SMALL_GROUP and half:
            members = {
                p for s in self.original.sessions if s.small_group == half for p in s.participants
            }
            return tuple(p for p in present if p in members)
        return tuple(present)

    # -- cells -----------------------------------------------------------------------------

    def date(self, row: int, value: Any, column: int) -> date | None:
        place = self.cell(row, column)
        example = "ti 9.3.2027" if self.language == "fi" else "Tue 9 March 2027"
        if _blank(value):
            self.problem(place, say("workbook_date_missing", example=example))
            return None
        if isinstance(value, datetime):
            if value.time() != time():
                self.problem(place, say("workbook_date_time"))
                return None
            return value.date()
        if isinstance(value, date):
            return value
        if isinstance(value, int | float) and not isinstance(value, bool):
            converted = from_excel(value)
            if isinstance(converted, datetime) and converted.time() == time():
                return converted.date()
            self.problem(
                place, say("workbook_not_date", value=repr(value), reason="", example=example)
            )
            return None
        read = _text_date(str(value), self.original.days)
        if isinstance(read, str):
            self.problem(
                place,
                say(
                    "workbook_not_date",
                    value=repr(str(value).strip()),
                    reason=read,
                    example=example,
                ),
            )
            return None
        return read

    def clock(self, row: int, value: Any, column: int) -> int | None:
        place = self.cell(row, column)
        if _blank(value):
            self.problem(place, say("workbook_time_missing"))
            return None
        moment: time | None = None
        if isinstance(value, datetime):  # a time Excel keeps as a day of 1899/1900
            moment = value.time() if value.date() <= date(1900, 1, 1) else None
        elif isinstance(value, time):
            moment = value
        elif isinstance(value, timedelta):
            seconds = round(value.total_seconds())
            if 0 <= seconds <= 24 * 3600 and seconds % 60 == 0:
                return seconds // 60
        elif isinstance(value, int | float) and not isinstance(value, bool):
            if 0 <= value <= 1:  # a fraction of a day, as a spreadsheet counts time
                minutes = value * 24 * 60
                if abs(minutes - round(minutes)) < 1e-6:
                    return round(minutes)
        elif isinstance(value, str):
            match = _CLOCK.match(value.strip())
            if match:
                hours, minutes = int(match.group(1)), int(match.group(2))
                if minutes < 60 and hours * 60 + minutes <= 24 * 60:
                    return hours * 60 + minutes
        if moment is not None and moment.second == 0 and moment.microsecond == 0:
            return moment.hour * 60 + moment.minute
        self.problem(place, say("workbook_not_time", value=_shown(value)))
        return None

    def staff(self, row: int, value: Any, column: int) -> tuple[str, ...]:
        ids: list[str] = []
        for name in _joined_names(value, self.staff_by_name):
            found = self.look_up(row, column, name, self.staff_by_name, "staff")
            if found is not None and found not in ids:
                ids.append(found)
        return tuple(ids)

    def room(self, row: int, value: Any, column: int) -> str | None:
        if _blank(value):
            return None
        return self.look_up(row, column, str(value), self.rooms_by_name, "room")

    def look_up(
        self, row: int, column: int, name: str, names: dict[str, list[str]], what: str
    ) -> str | None:
        """An id by its name (or its id); a located error listing the names if none or two."""
        found = names.get(_fold(name), [])
        if len(found) == 1:
            return found[0]
        if found:
            self.problem(
                self.cell(row, column),
                say(f"workbook_{what}_ambiguous", name=repr(name.strip()), ids=", ".join(found)),
            )
        else:
            self.problem(
                self.cell(row, column),
                say(
                    f"workbook_{what}_unknown",
                    name=repr(name.strip()),
                    names=", ".join(self.known_names(what)),
                ),
            )
        return None

    def known_names(self, what: str) -> list[str]:
        if what == "room":
            return [r.name or r.id for r in self.original.rooms]
        return [m.label for m in self.original.staff]

    def participants(self, row: int, value: Any, column: int, *, required: bool) -> tuple[str, ...]:
        place = self.cell(row, column)
        if _blank(value):
            if required:
                self.problem(place, say("workbook_participant_missing"))
            return ()
        found: list[str] = []
        order = {pid: i for i, pid in enumerate(self.participant_ids)}
        for part in _names_in(value):
            ends = re.split(r"\s*[–-]\s*", part)
            first_words = [end.split()[0] if end.split() else "" for end in ends]
            if len(ends) == 2 and all(w in order for w in first_words):
                low, high = sorted(order[w] for w in first_words)
                found.extend(self.participant_ids[low : high + 1])
                continue
            token = part.split()[0]
            if token in order:
                found.append(token)
            else:
                self.problem(
                    place,
                    say(
                        "changes_participant_unknown",
                        id=repr(token),
                        ids=", ".join(self.participant_ids),
                    ),
                )
        return tuple(dict.fromkeys(found))

    def locked(self, row: int, value: Any, column: int) -> bool:
        if _blank(value):
            return False
        if isinstance(value, bool):
            return value
        text = _fold(str(value))
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        yes, no = label("yes", self.language), label("no", self.language)
        self.problem(
            self.cell(row, column), say("workbook_yes_no", value=_shown(value), yes=yes, no=no)
        )
        return False


def _names(listed: dict[str, str], plain: dict[str, str]) -> dict[str, list[str]]:
    """Folded name -> the ids it may mean: the list's names, then plain names (two people may
    share one), then ids (unless an id is someone's name)."""
    names: dict[str, list[str]] = {_fold(name): [item_id] for item_id, name in listed.items()}
    for item_id, name in plain.items():
        ids = names.setdefault(_fold(name), [])
        if item_id not in ids:
            ids.append(item_id)
    for item_id in plain:
        names.setdefault(_fold(item_id), [item_id])
    return names


def _names_in(value: Any) -> list[str]:
    if _blank(value):
        return []
    return [part for part in _SPLIT.split(str(value).strip()) if part]


def _joined_names(value: Any, names: dict[str, list[str]]) -> list[str]:
    """The names in a comma-separated cell, a name that holds a comma kept whole: at each
    part, the longest run of parts (with the separators as written) that is a known name."""
    if _blank(value):
        return []
    pieces = re.split(r"(\s*[,;\n]\s*)", str(value).strip())
    parts, separators = pieces[0::2], pieces[1::2]

    def run(first: int, last: int) -> str:
        text = parts[first]
        for index in range(first + 1, last):
            text += separators[index - 1] + parts[index]
        return text

    found: list[str] = []
    first = 0
    while first < len(parts):
        last = next(
            (last for last in range(len(parts), first + 1, -1) if _fold(run(first, last)) in names),
            first + 1,
        )
        if parts[first] or last > first + 1:
            found.append(run(first, last))
        first = last
    return found


def _shown(value: Any) -> str:
    text = str(value)
    return repr(text if len(text) <= 40 else text[:37] + "...")


def _free_id(wanted: str, taken: set[str]) -> str:
    candidate, n = wanted, 2
    while candidate in taken:
        candidate, n = f"{wanted}-{n}", n + 1
    return candidate


def _text_date(text: str, days: Sequence[date]) -> date | str:
    """A date typed as text: '9.3.2027', 'ti 9.3.', '2027-03-09', 'Tue 9 March 2027'. The year,
    if left out, is the course's. A weekday, if given, must be the date's. Else why not."""
    words = text.strip().replace(",", " ").split()
    weekday: int | None = None
    if words and _fold(words[0].rstrip(".")) in _WEEKDAYS:
        weekday = _WEEKDAYS[_fold(words[0].rstrip("."))]
        words = words[1:]
    rest = " ".join(words)
    year_of_course = days[0].year if days else date.today().year
    parts: tuple[int, int, int] | None = None
    if match := _ISO_DATE.match(rest):
        parts = (int(match.group(1)), int(match.group(2)), int(match.group(3)))
    elif match := _FI_DATE.match(rest):
        year = int(match.group(3)) if match.group(3) else year_of_course
        parts = (year + 2000 if year < 100 else year, int(match.group(2)), int(match.group(1)))
    elif (match := _EN_DATE.match(rest)) and _fold(match.group(2)) in _MONTHS:
        year = int(match.group(3)) if match.group(3) else year_of_course
        parts = (year, _MONTHS[_fold(match.group(2))], int(match.group(1)))
    if parts is None:
        return ""
    try:
        day = date(*parts)
    except ValueError:
        return say("workbook_no_such_date")
    if weekday is not None and weekday != day.weekday():
        return say("workbook_other_weekday", date=full_date(day, reader()))
    return day
