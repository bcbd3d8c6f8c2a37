"""Words, not ids: every text a person reads in the Finnish and the English workbook of the
default course and of a re-plan names staff and rooms by name, days as dates, sessions by
title, in the workbook's language. A scan of every text cell fails on any id of the course
(staff, rooms, programme items, roles, themes, kinds...; participants' pseudonyms are how they
appear), on any ISO date, and on any word of the other language's label table. A raw id planted
in the label table makes the scan fail."""

from __future__ import annotations

import re
from datetime import datetime, time
from pathlib import Path

import pytest
from conftest import TEST_OPTIONS
from openpyxl import Workbook, load_workbook

from models.base import Purpose, SessionKind, StaffGroup, text_in
from models.changes import ChangeSet, StaffUnavailable
from models.standard import Standard
from models.timetable import Timetable
from scheduler.export.excel import build_workbook
from scheduler.io.timetable_workbook import LIST_HEADER_ROW
from scheduler.services.replanning import resolve
from scheduler.words import LABELS

ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FILE_NAME = re.compile(r"\S+\.(json|xlsx|yaml)\b")  # a file's name is a name, not a date

# Labels of the concepts whose ids are words of the language too ('allas' is the pool's room
# kind and the pool's id; 'physiotherapist' is a role and its English name).
SAME_CONCEPT = ("role_", "group_", "kind_", "room_kind_", "purpose_")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", re.sub(r"\{\w+(:[^}]*)?\}", " ", text))


def label_words(language: str, prefixes: tuple[str, ...] = ("",)) -> set[str]:
    """The words of the label table in a language (lower case), of some keys or all."""
    return {
        word.casefold()
        for key, texts in LABELS.items()
        if key.startswith(prefixes)
        for word in _words(texts.get(language, ""))
    }


def course_ids(timetable: Timetable, standard: Standard, language: str) -> set[str]:
    """Every id the course file and the standard speak in, but those that are words of the
    language for the same thing (or words of a room's name)."""
    course = timetable.to_course(standard)
    ids = (
        {p.value for p in Purpose} | {k.value for k in SessionKind} | {g.value for g in StaffGroup}
    )
    ids |= {m.id for m in course.staff if m.name} | {r.id for r in course.rooms}
    ids |= {m.role for m in course.staff} | standard.known_roles() | {standard.id}
    ids |= {t.id for t in standard.themes} | {p.id for p in standard.special_workers.professions}
    ids |= set(standard.rooms.required) | {r.kind for r in course.rooms}
    ids |= {s.id for s in (*standard.mandatory_sessions, *course.sessions)}
    same = label_words(language, SAME_CONCEPT)
    same |= {w.casefold() for r in course.rooms for w in _words(r.name)}
    return {i for i in ids if i.casefold() not in same}


def data_words(timetable: Timetable, language: str) -> set[str]:
    """Words a person typed into the course file: names, the course title, rooms, titles."""
    texts = [timetable.course.title, *(m.label for m in timetable.staff)]
    texts += [r.name for r in timetable.rooms]
    texts += [text_in(s.titles, language) for s in timetable.sessions if s.titles]
    texts += [p.name or "" for p in timetable.participants]
    return {w.casefold() for text in texts for w in _words(text)}


LIST_SHEETS = set(LABELS["sheet_sessions"].values())


def texts_of(book: Workbook) -> list[tuple[str, str]]:
    """(where, text) of every sheet name and every text cell a person sees. Left out: the
    hidden data sheet, real date and time cells (Excel shows them through their number
    format, checked in test_dates_in_the_list_are_shown_the_readers_way) and the session
    list's id column, the one place meant to carry the key that ties a row to its session."""
    visible = [ws for ws in book.worksheets if ws.sheet_state == "visible"]
    found = [(f"sheet {ws.title}", ws.title) for ws in visible]
    id_headers = set(LABELS["list_id"].values())
    for ws in visible:
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None or isinstance(value, int | float | datetime | time):
                    continue
                header = ws.cell(LIST_HEADER_ROW, cell.column).value
                if ws.title in LIST_SHEETS and header in id_headers and cell.row > LIST_HEADER_ROW:
                    continue
                found.append((f"{ws.title}!{cell.coordinate}", str(value)))
    return found


def scan(book: Workbook, timetable: Timetable, standard: Standard, language: str) -> list[str]:
    """What gives the machine away: raw ids, ISO dates, the other language's words."""
    ids = course_ids(timetable, standard, language)
    session_ids = {s.id for s in timetable.sessions if "-" in s.id}
    other = "en" if language == "fi" else "fi"
    foreign = label_words(other) - label_words(language) - data_words(timetable, language)
    foreign = {w for w in foreign if len(w) > 1 and not w.isdigit()}
    problems = []
    for where, text in texts_of(book):
        plain = FILE_NAME.sub(" ", text)
        tokens = set(_words(plain))
        if tokens & ids:
            problems.append(f"{where}: id {sorted(tokens & ids)} in {text!r}")
        if any(s in plain for s in session_ids):
            problems.append(f"{where}: a session id in {text!r}")
        if ISO_DATE.search(plain):
            problems.append(f"{where}: an ISO date in {text!r}")
        stray = {t for t in tokens if t.casefold() in foreign}
        if stray:
            problems.append(f"{where}: {other} words {sorted(stray)} in {text!r}")
    return problems


@pytest.fixture(scope="module")
def replan(default_timetable: Timetable, standard: Standard) -> Timetable:
    """The default course re-planned: the physiotherapist with most sessions from Wednesday
    is away from then on, so sessions change staff, time or day."""
    wednesday = datetime.combine(default_timetable.days[2], time(8, 0))
    counts: dict[str, int] = {}
    for session in default_timetable.sessions:
        if session.date >= wednesday.date():
            for staff_id in session.staff:
                counts[staff_id] = counts.get(staff_id, 0) + 1
    physios = [m.id for m in default_timetable.staff if m.role == "physiotherapist"]
    away = max(physios, key=lambda s: counts.get(s, 0))
    changes = ChangeSet(now=wednesday, changes=(StaffUnavailable(staff=away, start=wednesday),))
    timetable = resolve(default_timetable, standard, changes, TEST_OPTIONS).timetable
    assert timetable.changes
    return timetable


@pytest.mark.parametrize("language", ["fi", "en"])
@pytest.mark.parametrize("which", ["solve", "re-plan"])
def test_the_workbooks_speak_words_not_ids(
    default_timetable: Timetable,
    replan: Timetable,
    standard: Standard,
    tmp_path: Path,
    language: str,
    which: str,
) -> None:
    timetable = default_timetable if which == "solve" else replan
    path = tmp_path / f"{which}-{language}.xlsx"
    build_workbook(timetable, language, standard=standard).save(path)
    book = load_workbook(path)
    assert scan(book, timetable, standard, language) == []
    if which == "re-plan":
        sheet = book["Muutokset" if language == "fi" else "Changes"]
        titles = {str(c.value) for row in sheet.iter_rows(min_row=4) for c in row[:1]}
        assert {text_in(c.titles, language) for c in timetable.changes} <= titles


def test_a_raw_id_planted_in_the_label_table_is_found(
    default_timetable: Timetable,
    standard: Standard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lead = next(m for m in default_timetable.staff if m.course_lead)
    monkeypatch.setitem(
        LABELS, "course_lead", {"fi": f"kurssivastaava {lead.id}", "en": f"course lead {lead.id}"}
    )
    path = tmp_path / "planted.xlsx"
    build_workbook(default_timetable, "fi", standard=standard).save(path)
    problems = scan(load_workbook(path), default_timetable, standard, "fi")
    assert problems and all(lead.id in p for p in problems), problems


def test_a_label_missing_its_english_is_found(
    default_timetable: Timetable,
    standard: Standard,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A label without its English falls back to Finnish: the English workbook then shows a
    Finnish word, which the scan finds."""
    monkeypatch.setitem(LABELS, "col_room", {"fi": LABELS["col_room"]["fi"]})
    path = tmp_path / "planted.xlsx"
    build_workbook(default_timetable, "en", standard=standard).save(path)
    problems = scan(load_workbook(path), default_timetable, standard, "en")
    assert problems and all("['Tila']" in p for p in problems), problems


@pytest.mark.parametrize("language", ["fi", "en"])
def test_dates_in_the_list_are_shown_the_readers_way(
    default_timetable: Timetable, standard: Standard, tmp_path: Path, language: str
) -> None:
    """The session list keeps real dates (so Excel sorts and filters them) and shows them in
    the reader's way: 'ma 8.3.2027' in Finnish, 'Mon 8 Mar 2027' in English."""
    path = tmp_path / f"list-{language}.xlsx"
    build_workbook(default_timetable, language, standard=standard).save(path)
    ws = load_workbook(path)[LABELS["sheet_sessions"][language]]
    dates = [
        cell
        for row in ws.iter_rows(min_row=LIST_HEADER_ROW + 1)
        for cell in row
        if isinstance(cell.value, datetime)
    ]
    assert len(dates) == len(default_timetable.sessions)
    assert {cell.number_format for cell in dates} == {LABELS["date_cell_format"][language]}
