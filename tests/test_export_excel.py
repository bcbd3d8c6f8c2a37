"""The workbook, read back with openpyxl the way a person would read it: by day headings, clock
times and the text in the blocks, never by the exporter's own layout code."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from models.base import SessionKind, format_clock
from models.course import StaffMember
from models.rules import rule_title
from models.standard import Standard
from models.timetable import Change, Replan, Session, StaffPart, Timetable
from scheduler.check import check
from scheduler.domain.changes import change_list, with_sequences
from scheduler.export.excel import build_workbook, write_workbook
from scheduler.export.excel.palette import CHANGED_EDGE
from scheduler.words import label

GRID_TOP = 5  # first clock row of the week sheet: title, subtitle, day names, lane names above


def _reload(workbook: Workbook, tmp_path: Path, name: str = "t.xlsx") -> Workbook:
    path = tmp_path / name
    workbook.save(path)
    return load_workbook(path)


@pytest.fixture(scope="module")
def saved_book(saved_timetable: Timetable, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = write_workbook(saved_timetable, tmp_path_factory.mktemp("xlsx") / "fi.xlsx", "fi")
    return load_workbook(path)


@pytest.fixture(scope="module")
def english_book(saved_timetable: Timetable, tmp_path_factory: pytest.TempPathFactory) -> Workbook:
    path = write_workbook(saved_timetable, tmp_path_factory.mktemp("xlsx") / "en.xlsx", "en")
    return load_workbook(path)


# ---------------------------------------------------------------------------------------------
# Reading the week grid


def _day_columns(
    ws: Worksheet, days: tuple[date, ...], language: str = "fi"
) -> dict[date, tuple[int, int]]:
    """Each day's columns, from the merged day headings of row 3 (left to right = by date)."""
    headings = sorted(
        (r for r in ws.merged_cells.ranges if r.min_row == 3 and r.min_col > 1),
        key=lambda r: r.min_col,
    )
    assert len(headings) == len(days)
    columns = {}
    for day, heading in zip(days, headings, strict=True):
        text = str(ws.cell(row=3, column=heading.min_col).value)
        wanted = f"{day.day}.{day.month}." if language == "fi" else f"{day.day} {day:%B}"
        assert wanted in text, (text, day)
        columns[day] = (heading.min_col, heading.max_col)
    return columns


def _clock_rows(ws: Worksheet) -> dict[str, int]:
    rows = {}
    row = GRID_TOP
    while re.fullmatch(r"\d\d:\d\d", str(ws.cell(row=row, column=1).value or "")):
        rows[str(ws.cell(row=row, column=1).value)] = row
        row += 1
    return rows


def _blocks(ws: Worksheet, last_row: int) -> list[tuple[int, int, int, int, str]]:
    """Every block of the grid: (first row, last row, first col, last col, text)."""
    merged = [r for r in ws.merged_cells.ranges if GRID_TOP <= r.min_row <= last_row]
    blocks = [
        (r.min_row, r.max_row, r.min_col, r.max_col, str(ws.cell(r.min_row, r.min_col).value))
        for r in merged
    ]
    covered = {(row, col) for r in merged for row, col in r.cells}
    for row in range(GRID_TOP, last_row + 1):
        for col in range(2, ws.max_column + 1):
            value = ws.cell(row=row, column=col).value
            if value is not None and (row, col) not in covered:
                blocks.append((row, row, col, col, str(value)))
    return blocks


def _identifies(block_text: str, session: Session, language: str) -> bool:
    """The block's text names this session: its title, and whose/which half it is."""
    if session.titles.get(language, session.title) not in block_text:
        return False
    if session.kind == SessionKind.INDIVIDUAL:
        return block_text.startswith(session.participants[0])
    if session.kind == SessionKind.SMALL_GROUP:
        return re.search(rf"(^|\s){session.small_group}:", block_text) is not None
    return True


def _assert_grid(ws: Worksheet, timetable: Timetable, language: str) -> None:
    slot = timetable.course.slot_minutes
    columns = _day_columns(ws, timetable.days, language)
    rows = _clock_rows(ws)
    blocks = _blocks(ws, max(rows.values()))
    assert len(blocks) == len(timetable.sessions)
    matched: Counter[tuple[int, int, int, int, str]] = Counter()
    for session in timetable.sessions:
        first, last = columns[session.date]
        row = rows[format_clock(session.start)]
        found = [
            b
            for b in blocks
            if b[0] == row
            and first <= b[2] <= b[3] <= last
            and _identifies(b[4], session, language)
        ]
        assert len(found) == 1, (session.id, found)
        block = found[0]
        matched[block] += 1
        assert block[1] - block[0] + 1 == -(-session.minutes // slot), session.id
        if session.kind in (SessionKind.GROUP, SessionKind.MEAL, SessionKind.TRANSFER):
            assert block[2] == first and block[3] == first + 1, session.id  # both group lanes
        if session.kind in (SessionKind.INDIVIDUAL, SessionKind.STAFF_MEETING):
            assert block[2] == block[3] >= first + 2, session.id  # a side lane of its own
    assert all(count == 1 for count in matched.values())  # each block is one session


def test_every_session_appears_once_where_it_belongs(
    saved_book: Workbook, saved_timetable: Timetable
) -> None:
    _assert_grid(saved_book.worksheets[0], saved_timetable, "fi")


def test_grid_of_a_fresh_solve(
    default_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    book = _reload(build_workbook(default_timetable, "fi", standard=standard), tmp_path)
    _assert_grid(book.worksheets[0], default_timetable, "fi")


def test_english_grid(english_book: Workbook, saved_timetable: Timetable) -> None:
    _assert_grid(english_book.worksheets[0], saved_timetable, "en")


def test_small_group_halves_side_by_side(saved_book: Workbook, saved_timetable: Timetable) -> None:
    ws = saved_book.worksheets[0]
    blocks = _blocks(ws, max(_clock_rows(ws).values()))
    halves = [s for s in saved_timetable.sessions if s.kind == SessionKind.SMALL_GROUP]
    assert halves
    for a in (s for s in halves if s.small_group == "A"):
        title = a.titles["fi"]
        block_a = next(b for b in blocks if title in b[4] and "\nA:" in b[4])
        pair = [b for b in blocks if title in b[4] and "\nB:" in b[4] and b[0] == block_a[0]]
        assert len(pair) == 1
        assert pair[0][2] == block_a[3] + 1 and pair[0][:2] == block_a[:2]


def test_overlapping_sessions_get_their_own_lanes(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    """Three individual sessions and a group session at once: four blocks side by side."""
    base = next(s for s in saved_timetable.sessions if s.kind == SessionKind.INDIVIDUAL)
    others = [p.id for p in saved_timetable.participants if p.id not in base.participants]
    extra = tuple(
        base.model_copy(update={"id": f"extra-{pid}", "participants": (pid,)}) for pid in others[:3]
    )
    crowded = saved_timetable.model_copy(update={"sessions": saved_timetable.sessions + extra})
    book = _reload(build_workbook(crowded, "fi", standard=standard), tmp_path)
    _assert_grid(book.worksheets[0], crowded, "fi")


# ---------------------------------------------------------------------------------------------
# Staff, participants


def _staff_summary(ws: Worksheet, timetable: Timetable) -> dict[str, list[float]]:
    """Per staff member the summary row's hours: one per day, then the total."""
    names = {m.label: m.id for m in timetable.staff}
    found: dict[str, list[float]] = {}
    for row in ws.iter_rows(min_row=1, values_only=True):
        if row and row[0] in names and names[row[0]] not in found:
            values = row[3 : 3 + len(timetable.days) + 1]
            found[names[row[0]]] = [float(v or 0) for v in values]
    return found


def _minutes_on(timetable: Timetable, staff_id: str, day: date) -> int:
    """R26 restated here: a counted session's length for each different person in it."""
    counted = (SessionKind.GROUP, SessionKind.SMALL_GROUP, SessionKind.INDIVIDUAL)
    return sum(
        s.minutes
        for s in timetable.sessions
        if s.date == day and s.kind in counted and staff_id in s.staff
    )


def test_staff_hours_equal_the_hours_table(
    saved_book: Workbook, saved_timetable: Timetable, standard: Standard
) -> None:
    """The staff sheet against the independent checker's hours table, never the exporter's."""
    table = check(saved_timetable, standard).hours
    ws = saved_book[label("sheet_staff", "fi")]
    summary = _staff_summary(ws, saved_timetable)
    assert set(summary) == {m.id for m in saved_timetable.staff}
    for member in saved_timetable.staff:
        *per_day, total = summary[member.id]
        expected = table.person(member.id).minutes / 60
        assert total == pytest.approx(expected), member.id
        assert sum(per_day) == pytest.approx(expected), member.id
        for day, value in zip(saved_timetable.days, per_day, strict=True):
            assert value * 60 == pytest.approx(_minutes_on(saved_timetable, member.id, day))
    everyone = next(r for r in ws.iter_rows(values_only=True) if r[0] == "Kaikki yhteensä")
    assert everyone[3 + len(saved_timetable.days)] == pytest.approx(table.total_minutes / 60)
    # Each person's own list ends with the same total.
    totals = [r[6] for r in ws.iter_rows(values_only=True) if r[5] == "Yhteensä"]
    assert totals == pytest.approx([table.person(m.id).minutes / 60 for m in saved_timetable.staff])


def _hours_rows(ws: Worksheet) -> dict[str, tuple[object, ...]]:
    """Every row of the Hours sheet by its first cell's text (the first such row: a staff
    group's name also heads its people further down)."""
    rows: dict[str, tuple[object, ...]] = {}
    for row in ws.iter_rows(values_only=True):
        if row and row[0] is not None:
            rows.setdefault(str(row[0]), row[1:])
    return rows


def test_hours_sheet_is_the_checkers_table(
    saved_book: Workbook, english_book: Workbook, saved_timetable: Timetable, standard: Standard
) -> None:
    """Appendix 1 lines beside the standard's minimums, Appendix 2 shares against their bands
    and each person's hours, all as the checker counts them, with a mark for each judgement."""
    table = check(saved_timetable, standard).hours
    for book, language in ((saved_book, "fi"), (english_book, "en")):
        rows = _hours_rows(book["Tunnit" if language == "fi" else "Hours"])
        for line in table.lines:
            hours, minimum, mark = rows[label(f"hours_line_{line.key}", language)][:3]
            assert hours == pytest.approx(line.minutes / 60), line.key
            if line.standard_minutes is None:
                assert minimum is None and not mark, line.key
            else:
                assert minimum == pytest.approx(line.standard_minutes / 60), line.key
                assert mark == label("hours_within", language), line.key
        for group in table.groups:
            hours, share, band, low, high, mark = rows[
                label(f"group_{group.group.value}", language)
            ][:6]
            assert hours == pytest.approx(group.minutes / 60)
            assert share == pytest.approx(group.share_percent / 100, abs=1e-4)
            assert band == f"{group.band_percent[0]}–{group.band_percent[1]} %"
            assert (low * 60, high * 60) == pytest.approx(group.whole_band_minutes)
            assert mark == label("hours_within" if group.within else "hours_below", language)
        for person in table.people:
            member = next(m for m in saved_timetable.staff if m.id == person.staff_id)
            row = next(v for k, v in rows.items() if k.startswith(f"{member.label} ("))
            assert row[:4] == pytest.approx(
                [
                    person.group_minutes / 60,
                    person.individual_minutes / 60,
                    person.minutes / 60,
                    round(person.share_percent / 100, 4),
                ]
            )
            assert row[4] == (None if person.min_minutes is None else person.min_minutes / 60)
            assert row[5] == (None if person.max_minutes is None else person.max_minutes / 60)


def test_hours_sheet_marks_what_falls_short(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    """Without the interviews the Appendix 1 line and the total fall below the standard."""
    short = saved_timetable.model_copy(
        update={"sessions": tuple(s for s in saved_timetable.sessions if s.purpose != "interview")}
    )
    table = check(short, standard).hours
    assert table.line("interviews").minutes == 0
    rows = _hours_rows(_reload(build_workbook(short, "fi", standard=standard), tmp_path)["Tunnit"])
    assert rows[label("hours_line_interviews", "fi")][2] == label("hours_below", "fi")
    assert rows[label("hours_line_total", "fi")][2] == label("hours_below", "fi")
    assert rows[label("hours_line_programme", "fi")][2] == label("hours_within", "fi")


def test_compliance_sheet_is_the_checkers_report(
    saved_book: Workbook, saved_timetable: Timetable, standard: Standard
) -> None:
    report = check(saved_timetable, standard)
    ws = saved_book["Standardin täyttyminen"]
    rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    assert list(rows) == [r.rule for r in report.results]
    for result in report.results:
        _, title, status, reasons = rows[result.rule][:4]
        assert title.lower() == rule_title(result.rule, "fi").lower()
        assert status == label(f"status_{result.status}", "fi")
        assert reasons == "\n".join(result.reasons_in("fi"))


_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
_TIMES = re.compile(r"^(\d\d:\d\d)–(\d\d:\d\d)$")


def _plan_rows(ws: Worksheet) -> Counter[tuple[date, str, str, str]]:
    """(date, start, end, session text) of every row of a participant's plan."""
    rows: Counter[tuple[date, str, str, str]] = Counter()
    current: date | None = None
    for first, second, *_ in ws.iter_rows(min_row=4, values_only=True):
        text = str(first or "")
        when = _TIMES.match(text)
        if when and current is not None:
            rows[(current, when.group(1), when.group(2), str(second))] += 1
        elif (found := _DATE.search(text)) and second is None:
            current = date(int(found.group(3)), int(found.group(2)), int(found.group(1)))
    return rows


def test_each_participant_sheet_lists_exactly_their_sessions(
    saved_book: Workbook, saved_timetable: Timetable
) -> None:
    for participant in saved_timetable.participants:
        ws = saved_book[participant.id]
        rows = _plan_rows(ws)
        mine = [s for s in saved_timetable.sessions if participant.id in s.participants]
        absences = sum(len(windows) for windows in participant.unavailable.values())
        assert sum(rows.values()) == len(mine) + absences
        for session in mine:
            key_prefix = (session.date, format_clock(session.start), format_clock(session.end))
            assert any(k[:3] == key_prefix and session.titles["fi"] in k[3] for k in rows), (
                session.id
            )
        meetings = [s for s in mine if s.kind == SessionKind.INDIVIDUAL]
        assert {s.purpose for s in meetings} >= {"interview", "gas_goals"}
        # The staff responsible for each individual meeting are named on its row.
        for session in meetings:
            row = next(
                r
                for r in ws.iter_rows(min_row=4, values_only=True)
                if r[0] == f"{format_clock(session.start)}–{format_clock(session.end)}"
                and session.titles["fi"] in str(r[1])
            )
            names = {m.id: m.label for m in saved_timetable.staff}
            assert session.staff and all(names[s] in str(row[3]) for s in session.staff)


# ---------------------------------------------------------------------------------------------
# Languages, privacy, print setup


def _is_data(value: object) -> bool:
    """A value that is the same in every language: numbers, clock times, participant ids."""
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and bool(re.fullmatch(r"\d\d:\d\d(–\d\d:\d\d)?|K\d\d", value))


@pytest.mark.parametrize("language", ["fi", "en"])
def test_k09s_plan_shows_the_tuesday_absence_and_the_sessions_missed(
    default_timetable: Timetable, tmp_path: Path, language: str
) -> None:
    """K09 is away on Tuesday 08:00-10:00 (the default course): their own plan says so at that
    time, and each group session they miss is marked on its row; no other row is."""
    book = _reload(build_workbook(default_timetable, language), tmp_path)
    ws = book["K09"]
    k09 = next(p for p in default_timetable.participants if p.id == "K09")
    ((tuesday, (away,)),) = k09.unavailable.items()
    rows = list(ws.iter_rows(min_row=5, values_only=True))
    absence = label("time_range", language, start="08:00", end="10:00")
    assert (absence, label("plan_absence", language)) in [r[:2] for r in rows]
    note = label("plan_missed", language, time=absence)
    missed = {
        (format_clock(s.start), format_clock(s.end))
        for s in default_timetable.sessions
        if "K09" in s.participants
        and s.date == tuesday
        and s.start < away.end
        and away.start < s.end
    }
    assert missed  # the default course holds group sessions on Tuesday morning
    marked = {tuple(str(r[0]).split("–")) for r in rows if r[-1] == note}
    assert marked == missed
    assert ws.cell(row=4, column=6).value == label("col_note", language)
    # Someone without absences has no note column.
    assert book["K01"].cell(row=4, column=6).value is None


def test_finnish_and_english_hold_the_same_cells(
    saved_book: Workbook, english_book: Workbook
) -> None:
    assert len(saved_book.worksheets) == len(english_book.worksheets)
    for fi, en in zip(saved_book.worksheets, english_book.worksheets, strict=True):
        assert {str(r) for r in fi.merged_cells.ranges} == {str(r) for r in en.merged_cells.ranges}
        assert (fi.max_row, fi.max_column) == (en.max_row, en.max_column), fi.title
        for row_fi, row_en in zip(fi.iter_rows(), en.iter_rows(), strict=True):
            for a, b in zip(row_fi, row_en, strict=True):
                assert (a.value is None) == (b.value is None), (fi.title, a.coordinate)
                if _is_data(a.value) or _is_data(b.value):
                    assert a.value == b.value, (fi.title, a.coordinate)
    assert saved_book.sheetnames[0] != english_book.sheetnames[0]  # labels do differ
    week_fi, week_en = saved_book.worksheets[0], english_book.worksheets[0]
    assert "Maanantai" in str(week_fi["B3"].value) and "Monday" in str(week_en["B3"].value)


def test_about_sheet_gives_the_solve_time_in_the_readers_numbers(
    saved_book: Workbook, english_book: Workbook, saved_timetable: Timetable
) -> None:
    """'8,0 s' in Finnish, '8.0 s' in English: a decimal comma is how a Finnish reader reads."""
    assert saved_timetable.solver is not None
    seconds = f"{saved_timetable.solver.seconds:.1f}"
    for book, sheet, row_name, shown in (
        (saved_book, "Tiedot", "Ratkaisuaika", seconds.replace(".", ",")),
        (english_book, "About", "Solve time", seconds),
    ):
        about = book[sheet]
        values = {row[0].value: row[1].value for row in about.iter_rows(max_col=2) if row[0].value}
        assert values[row_name] == f"{shown} s"


def _all_text(book: Workbook) -> str:
    return "\n".join(
        str(cell.value) for ws in book.worksheets for row in ws.iter_rows() for cell in row
    )


def test_participant_names_only_on_request(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    named = saved_timetable.model_copy(
        update={
            "participants": tuple(
                p.model_copy(update={"name": f"Salainen Nimi {p.id}"})
                for p in saved_timetable.participants
            )
        }
    )
    hidden = _reload(build_workbook(named, "fi", standard=standard), tmp_path, "a.xlsx")
    assert "Salainen Nimi" not in _all_text(hidden)
    shown = build_workbook(named, "fi", standard=standard, participant_names=True)
    assert "Salainen Nimi K01" in _all_text(_reload(shown, tmp_path, "b.xlsx"))


def test_print_ready(saved_book: Workbook, saved_timetable: Timetable) -> None:
    one_page = {p.id for p in saved_timetable.participants} | {"Tunnit", "Kuntoutujien viikko"}
    for ws in saved_book.worksheets:
        if ws.sheet_state != "visible":  # the hidden timetable is never printed
            continue
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # One page wide; a participant's plan and the hours table also one page tall.
        tall = 1 if ws.title in one_page else 0
        assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, tall), ws.title
    week = saved_book.worksheets[0]
    assert week.freeze_panes == "B5"
    assert week.print_title_rows == "$3:$4"


def test_theme_colours_and_legend(saved_book: Workbook, saved_timetable: Timetable) -> None:
    """Sessions of one theme share a fill, different themes differ, and the key names them."""
    ws = saved_book.worksheets[0]
    rows = _clock_rows(ws)
    columns = _day_columns(ws, saved_timetable.days)
    fills: dict[str, set[str]] = {}
    for session in saved_timetable.sessions:
        if session.theme and session.kind == SessionKind.GROUP:
            cell = ws.cell(row=rows[format_clock(session.start)], column=columns[session.date][0])
            fills.setdefault(session.theme, set()).add(cell.fill.start_color.rgb)
    assert fills, "no themed group session found on the grid"
    assert all(len(f) == 1 for f in fills.values())
    assert len({next(iter(f)) for f in fills.values()}) == len(fills)
    text = _all_text(saved_book)
    assert "Fyysinen aktivointi ja ohjaus" in text  # the standard's theme name


def test_changes_sheet_only_after_a_replan(
    saved_timetable: Timetable, standard: Standard, saved_book: Workbook
) -> None:
    assert "Muutokset" not in saved_book.sheetnames
    change = Change(
        session="gym-1",
        title="Kuntosaliharjoittelu",
        change="siirretty",
        before="2027-03-09 08:15-09:15",
        after="2027-03-09 09:15-10:15",
        notify=("pt1", "K01"),
    )
    replanned = saved_timetable.model_copy(update={"changes": (change,)})
    book = build_workbook(replanned, "fi", standard=standard)
    assert "Muutokset" in book.sheetnames
    assert "2027-03-09 09:15-10:15" in _all_text(book)


def test_never_overwrites(saved_timetable: Timetable, tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_text("keep me")
    with pytest.raises(FileExistsError):
        write_workbook(saved_timetable, path, "fi")
    assert path.read_text() == "keep me"
    assert [p.name for p in tmp_path.iterdir()] == ["t.xlsx"]  # no temporary left behind


# ---------------------------------------------------------------------------------------------
# LibreOffice renders it


def _pdf_pages(pdf: Path) -> tuple[int, list[tuple[float, float]]]:
    """The number of pages and every page size (MediaBox) in the file."""
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data))
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    return pages, [(float(w), float(h)) for w, h in boxes]


def _to_pdf(xlsx: Path, out: Path) -> Path:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice
    profile = (out / "lo-profile").as_uri()
    done = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    pdf = out / f"{xlsx.stem}.pdf"
    assert done.returncode == 0 and pdf.exists(), done.stderr
    return pdf


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice (soffice) is not installed; .ci/run installs libreoffice-calc",
)
def test_libreoffice_prints_the_week_on_one_landscape_page(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    whole = write_workbook(saved_timetable, tmp_path / "whole.xlsx", "fi", standard=standard)
    count, sizes = _pdf_pages(_to_pdf(whole, tmp_path))
    assert count >= len(saved_timetable.participants) + 5  # a page or more per sheet
    assert sizes and all(w > h for w, h in sizes)  # landscape
    assert all(abs(w - 841.9) < 2 and abs(h - 595.3) < 2 for w, h in sizes)  # A4

    book = build_workbook(saved_timetable, "fi", standard=standard)
    for ws in book.worksheets[1:]:
        book.remove(ws)
    week = tmp_path / "week.xlsx"
    book.save(week)
    count, sizes = _pdf_pages(_to_pdf(week, tmp_path))
    assert count == 1  # the whole week on one page
    assert all(w > h for w, h in sizes)


def _word_heights(pdf: Path) -> list[tuple[float, float, str]]:
    """(top, height, word) of every word on the PDF's pages, as poppler's pdftotext sees it."""
    done = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    words = re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        done.stdout,
    )
    return [(float(top), float(bottom) - float(top), word) for top, bottom, word in words]


@pytest.mark.skipif(
    not ((shutil.which("soffice") or shutil.which("libreoffice")) and shutil.which("pdftotext")),
    reason="needs LibreOffice (soffice) and poppler's pdftotext",
)
def test_libreoffice_prints_the_hand_out_week_on_one_page_in_8_points_or_more(
    default_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    """The participants' week alone: one A4 landscape page, and no word smaller than the page
    footer, which is 8 points and never scaled (so the body is 8 pt or more on paper)."""
    book = build_workbook(default_timetable, "fi", standard=standard)
    for ws in list(book.worksheets):
        if ws.title != label("sheet_handout", "fi"):
            book.remove(ws)
    path = tmp_path / "handout.xlsx"
    book.save(path)
    pdf = _to_pdf(path, tmp_path)
    count, sizes = _pdf_pages(pdf)
    assert count == 1
    assert all(w > h and abs(w - 841.9) < 2 for w, h in sizes)
    words = _word_heights(pdf)
    footer_top = max(top for top, _, _ in words)
    footer = [height for top, height, _ in words if top == footer_top]
    body = [(height, word) for top, height, word in words if top < footer_top]
    assert body and min(body)[0] >= min(footer) - 0.01, min(body)
    text = " ".join(word for _, word in body)
    assert label("handout_individual", "fi").split(":")[0] in text
    hidden = {SessionKind.INDIVIDUAL, SessionKind.STAFF_MEETING}
    for session in default_timetable.sessions:  # individual meetings and the team's are not
        if session.kind in hidden:
            assert session.titles["fi"] not in text, session.id


# ---------------------------------------------------------------------------------------------
# A re-plan's changes: Muutokset and the marks in the week grid (issue 14)


def _replanned(saved_timetable: Timetable) -> Timetable:
    """The saved week re-planned by hand at Thursday 10:15: the goal review handed from pt2 to
    a stand-in at 10:15, K05 gone from later sessions, Friday's relaxation an hour later."""
    now = datetime(2027, 3, 11, 10, 15)
    stand_in = StaffMember(id="sub1", name="Eeva Sijainen", role="physiotherapist", replaces="pt2")
    sessions = []
    for s in saved_timetable.sessions:
        if s.id == "goal_review":
            s = s.model_copy(
                update={
                    "staff": ("pt2", "sub1"),
                    "parts": (
                        StaffPart(start=s.start, end=615, staff=("pt2",)),
                        StaffPart(start=615, end=s.end, staff=("sub1",)),
                    ),
                }
            )
        elif (s.date, s.start) >= (now.date(), 615) and "K05" in s.participants:
            s = s.model_copy(
                update={"participants": tuple(p for p in s.participants if p != "K05")}
            )
        if s.id == "relaxation":  # the last item of Friday, an hour later
            s = s.model_copy(update={"start": s.start + 60, "end": s.end + 60})
        sessions.append(s)
    new = with_sequences(saved_timetable.sessions, sessions)
    return saved_timetable.model_copy(
        update={
            "staff": (*saved_timetable.staff, stand_in),
            "sessions": new,
            "changes": change_list(
                saved_timetable.sessions, new, now=now, notice_minutes=60, forced=lambda s: True
            ),
            "previous": "week.json",
            "replan": Replan(now=now, notice_minutes=60, versions=("week.json",)),
        }
    )


def test_changed_sessions_are_framed_in_the_week_grid(
    saved_timetable: Timetable, standard: Standard
) -> None:
    timetable = _replanned(saved_timetable)
    ws = build_workbook(timetable, "fi", standard=standard).worksheets[0]
    rows, columns = _clock_rows(ws), _day_columns(ws, timetable.days)
    changed = {c.session for c in timetable.changes}
    assert {"goal_review", "relaxation"} <= changed
    for session in timetable.sessions:
        if session.kind != SessionKind.GROUP:
            continue
        cell = ws.cell(row=rows[format_clock(session.start)], column=columns[session.date][0])
        top = cell.border.top
        framed = top is not None and top.style == "thick" and top.color.rgb.endswith(CHANGED_EDGE)
        assert framed == (session.id in changed), session.id
    review = next(s for s in timetable.sessions if s.id == "goal_review")
    cell = ws.cell(row=rows[format_clock(review.start)], column=columns[review.date][0])
    assert "Laura Nieminen → Eeva Sijainen 10:15" in str(cell.value)
    legend = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "Muuttunut tässä versiossa" in legend


def test_muutokset_lists_every_change_with_the_versions(
    saved_timetable: Timetable, standard: Standard
) -> None:
    timetable = _replanned(saved_timetable)
    sheet = build_workbook(timetable, "fi", standard=standard)["Muutokset"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    assert "Aiemmat versiot (vanhin ensin): week.json" in text
    assert "Muutoksia" in text and "ilmoitusaika 1 h" in text
    assert "Laura Nieminen klo 10:00–10:15, Eeva Sijainen klo 10:15–11:00" in text
    assert "osallistujat (K05 poissa)" in text
    assert "väistämätön muutos ilmoitusajan sisällä" in text
    rows = [r for r in sheet.iter_rows(values_only=True) if r[0]]
    header = next(i for i, r in enumerate(rows) if r[0] == "Ohjelma")
    assert len(rows) - header - 1 == len(timetable.changes)


def _pdf_words(pdf: Path) -> list[tuple[str, float, float, float, float]]:
    html = pdf.with_suffix(".html")
    subprocess.run(["pdftotext", "-bbox", str(pdf), str(html)], check=True, timeout=60)
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        html.read_text(encoding="utf-8"),
    )
    return [(w, float(a), float(b), float(c), float(d)) for a, b, c, d, w in found]


@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")) or not shutil.which("pdftotext"),
    reason="LibreOffice (soffice) and pdftotext (poppler-utils) are not installed",
)
def test_libreoffice_prints_muutokset_without_text_over_text(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path
) -> None:
    """Every word of every change is printed, and no line prints over another: rows are as tall
    as their wrapped text."""
    timetable = _replanned(saved_timetable)
    book = build_workbook(timetable, "fi", standard=standard)
    for ws in list(book.worksheets):
        if ws.title != "Muutokset":
            book.remove(ws)
    path = tmp_path / "muutokset.xlsx"
    book.save(path)
    words = _pdf_words(_to_pdf(path, tmp_path))
    # Words as pieces between hyphens: a line may break after a hyphen (WHOQOL-|BREF).
    printed = {piece for w, *_ in words for piece in html.unescape(w).split("-")}
    for row in book["Muutokset"].iter_rows(values_only=True):
        for value in row:
            for piece in str(value or "").replace("-", " ").split():
                assert piece in printed, piece
    # Boxes of a font's neighbouring lines touch (ascent and descent); text printed over other
    # text shares most of its height.
    for i, (a, ax0, ay0, ax1, ay1) in enumerate(words):
        for b, bx0, by0, bx1, by1 in words[i + 1 :]:
            overlap_x = min(ax1, bx1) - max(ax0, bx0)
            overlap_y = min(ay1, by1) - max(ay0, by0)
            height = min(ay1 - ay0, by1 - by0)
            assert overlap_x <= 0.5 or overlap_y <= 0.4 * height, f"{a!r} prints over {b!r}"
