"""Hostile and careless input (issue 12): whatever a course file, an Excel form, a plan or a
timetable JSON holds, and whenever a run is interrupted, `kurssi` ends with exit 0, 2 or 3
(never 4, never a traceback, never a hang), within a few hundred MB, writes nothing outside
its output folder, never a formula cell, and never half a set of outputs.

Each case runs `kurssi` as a real process (tests/kurssi_runs.py forks it from a server that has
imported the tool once), so its exit code, peak memory and output are its own; the time bound
is a kill at `timeout`, a guard against hangs, not a speed test.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES
from kurssi_runs import ROOT, KurssiRunner, Run
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from scheduler.cli import main
from scheduler.errors import InputError
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.files import TEMPORARY_PREFIX, text_output, write_together
from scheduler.services.outputs import write_outputs
from scheduler.words import LABELS

TIMETABLE = json.loads((FIXTURES / "default-timetable.json").read_text(encoding="utf-8"))
COURSE_TEXT = DEFAULT_COURSE.read_text(encoding="utf-8")
FORMULA = '=HYPERLINK("http://evil.example/x","click me")'
DEEP = "lists nested 100 000 deep"
PEAK_MB = 300  # a run's peak memory, all of it (a bare `kurssi --help` takes some 120 MB)


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KurssiRunner]:
    server = KurssiRunner(tmp_path_factory.mktemp("runs"))
    yield server
    server.close()


class Case:
    """A folder for one case: inputs in `inputs`, outputs asked for in `out`; everything
    else under the case's root must stay as it was."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.inputs = root / "deep" / "er" / "inputs"
        self.out = root / "deep" / "er" / "out"
        self.inputs.mkdir(parents=True)

    def file(self, name: str, content: str | bytes) -> Path:
        path = self.inputs / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    def timetable(self, name: str, edit: Callable[[dict[str, Any]], object] | None = None) -> Path:
        data = copy.deepcopy(TIMETABLE)
        if edit is not None:
            edit(data)
        text = json.dumps(data, ensure_ascii=False)  # DEEP: nesting json.dumps cannot write
        return self.file(name, text.replace(json.dumps(DEEP), "[" * 100_000 + "]" * 100_000))

    def written(self) -> list[Path]:
        return sorted(p for p in self.out.rglob("*") if p.is_file()) if self.out.exists() else []

    def strays(self) -> list[Path]:
        """Files anywhere under the root that are neither inputs nor outputs."""
        return [
            p
            for p in self.root.rglob("*")
            if p.is_file() and self.inputs not in p.parents and self.out not in p.parents
        ]


@pytest.fixture
def case(tmp_path: Path) -> Case:
    return Case(tmp_path)


def assert_clean(run: Run, case: Case, codes: set[int]) -> None:
    """The bounds every run keeps, whatever its input."""
    assert run.code is not None, f"killed at the time bound:\n{run.output}"
    assert run.code in codes, f"exit {run.code}:\n{run.output}"
    assert run.code != 4
    assert "Traceback" not in run.output, run.output
    assert "sisäinen virhe" not in run.output, run.output
    assert run.peak_mb < PEAK_MB, f"{run.peak_mb:.0f} MB"
    assert case.strays() == [], "files outside the output folder"
    assert not [p for p in case.written() if p.name.startswith(TEMPORARY_PREFIX)]
    for path in case.written():
        if path.suffix == ".xlsx":
            assert formula_cells(path) == [], path


def formula_cells(path: Path) -> list[str]:
    book = load_workbook(path)
    return [
        f"{sheet.title}!{cell.coordinate}"
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.data_type == "f"
    ]


def error_line(run: Run, *needles: str) -> str:
    for line in run.stderr.splitlines():
        if line.startswith("virhe:") and all(needle in line for needle in needles):
            return line
    raise AssertionError(f"no error line with {needles}:\n{run.output}")


# -- formula injection -----------------------------------------------------------------------


def test_formulas_in_a_timetable_are_text_in_the_workbook(runner: KurssiRunner, case: Case) -> None:
    """Course title, staff name, programme and session title, room name: text, not formulas."""

    def plant(data: dict[str, Any]) -> None:
        data["course"]["title"] = FORMULA
        data["staff"][0]["name"] = FORMULA
        data["rooms"][0]["name"] = "=1+1"
        data["programme"][0]["title"] = {"fi": FORMULA, "en": "@SUM(1)"}
        for session in data["sessions"]:
            session["title"] = session["titles"]["fi"] = "+" + session["title"]

    source = case.timetable("formula.json", plant)
    run = runner.run("export", source, "--out", case.out)
    assert_clean(run, case, {0})
    (workbook,) = case.written()
    book = load_workbook(workbook)
    texts = [c for s in book.worksheets for r in s.iter_rows() for c in r if c.value == FORMULA]
    assert texts and all(c.data_type == "s" and c.quotePrefix for c in texts)
    assert any("=1+1" in str(c.value) for s in book for r in s.iter_rows() for c in r)


def test_a_participant_id_like_a_formula_is_refused(runner: KurssiRunner, case: Case) -> None:
    text = COURSE_TEXT.replace("- {id: K03, small_group: A}", """- {id: '=HYPERLINK("x")'}""")
    run = runner.run("solve", case.file("course.yaml", text), "--out", case.out)
    assert_clean(run, case, {2})
    line = error_line(run, "participants.list[0].id", "yksi sana")
    assert "HYPERLINK" not in line  # a participant's entry is never quoted
    assert case.written() == []


@pytest.mark.slow
def test_solve_writes_formula_like_titles_as_text(runner: KurssiRunner, case: Case) -> None:
    """The issue's must-show: title, a staff name and a programme title =HYPERLINK(...)."""
    quoted = '"=HYPERLINK(\\"http://x\\",\\"y\\")"'
    text = COURSE_TEXT.replace(
        "title: Reuma-sopeutumisvalmennuskurssi, kevät 2027", f"title: {quoted}"
    )
    text = text.replace("name: Anna Laakso", f"name: {quoted}")
    text = text.replace("title: {fi: Kuntosaliharjoittelu, en: Gym training}", f"title: {quoted}")
    assert text.count("HYPERLINK") == 3
    source = case.file("course.yaml", text)
    run = runner.run(
        "solve", source, "--out", case.out, "--time-limit", "3", "--quiet", timeout=120
    )
    assert_clean(run, case, {0})
    workbook = next(p for p in case.written() if p.suffix == ".xlsx")
    book = load_workbook(workbook)
    cells = [c for s in book for r in s.iter_rows() for c in r if "HYPERLINK" in str(c.value)]
    assert cells and all(c.data_type == "s" for c in cells)


def test_the_form_reads_formula_like_text_as_text(form: Path, tmp_path: Path) -> None:
    path = edited_form(form, tmp_path, title_as_text)
    assert load_course(path).info.title == FORMULA


# -- escape from the output folder -------------------------------------------------------------


@pytest.mark.parametrize("course_id", ["../../ESCAPED", "/tmp/ESCAPED", "a/b", ".hidden", ""])
def test_a_plan_course_id_cannot_name_a_path(
    runner: KurssiRunner, case: Case, course_id: str
) -> None:
    plan = {
        "plan": {"title": "x"},
        "courses": [{"id": course_id, "file": str(DEFAULT_COURSE)}],
    }
    run = runner.run("plan", case.file("plan.yaml", yaml.safe_dump(plan)), "--out", case.out)
    assert_clean(run, case, {2})
    error_line(run, "plan.yaml", "courses[0]")
    assert case.written() == []
    assert not Path("/tmp/ESCAPED-2027-03-08.json").exists()


def test_a_staff_id_cannot_name_a_path(runner: KurssiRunner, case: Case) -> None:
    source = case.timetable("t.json", lambda d: d["staff"][3].__setitem__("id", "../../psy"))
    run = runner.run("export", source, "--format", "ics", "--out", case.out)
    assert_clean(run, case, {2})
    error_line(run, "staff[3].id", "yksi sana")


@pytest.mark.parametrize(
    ("flag", "value"),
    [("--add-staff", "../../Eeva Sijainen:nutritionist"), ("--replace", "pt1=../x y")],
)
def test_a_person_from_a_flag_gets_a_plain_id(
    runner: KurssiRunner, case: Case, flag: str, value: str
) -> None:
    """A person named in a flag is a name; the id made from it is one plain word, so no
    calendar or other file can be named after a path."""
    source = case.timetable("t.json")
    run = runner.run(
        "resolve", source, flag, value, "--out", case.out, "--time-limit", "1", "--calendars"
    )
    assert_clean(run, case, {0, 3})
    for path in case.written():
        if path.suffix == ".json":
            ids = [m["id"] for m in json.loads(path.read_text(encoding="utf-8"))["staff"]]
            assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", i) for i in ids), ids


def test_an_out_folder_under_a_file_is_refused(runner: KurssiRunner, case: Case) -> None:
    blocker = case.file("blocker", "a file")
    source = case.timetable("t.json")
    run = runner.run("export", source, "--out", blocker / "sub")
    assert_clean(run, case, {2})
    error_line(run, "on tiedoston", "--out")


def test_a_very_long_name_is_shortened(runner: KurssiRunner, case: Case) -> None:
    source = case.timetable(("long-name-" * 24)[:240] + ".json")
    for fmt in ("xlsx", "ics", "json"):
        run = runner.run("export", source, "--format", fmt, "--out", case.out)
        assert_clean(run, case, {0})
    names = [p.name for p in case.written()]
    people = len(TIMETABLE["staff"]) + len(TIMETABLE["participants"])  # a calendar each
    assert len(names) == 2 + people
    assert all(len(name.encode()) <= 200 for name in names)


# -- resource exhaustion ---------------------------------------------------------------------


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['x'] * width)}]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * width)}]" for n in range(1, levels + 1)]
    return "\n".join([*lines, f"course: *a{levels}", ""])


RESOURCE_CASES: dict[str, tuple[str, str, str]] = {
    # name: (file name, text, words of the message)
    "alias bomb": ("bomb.yaml", alias_bomb(), "viittaukset"),
    "an alias inside its own anchor": ("loop.yaml", "course: &a [*a, *a]\n", "viittaukset"),
    "aliases nested 8000 deep": (
        "chain.yaml",
        "a0: &a0 [[x]]\n"
        + "".join(f"a{n}: &a{n} {'[' * 20}*a{n - 1}{']' * 20}\n" for n in range(1, 400))
        + "course: *a399\n",
        "viittaukset",
    ),
    "2000 nested lists": ("deep.yaml", "course: " + "[" * 2000 + "]" * 2000 + "\n", "sisäkkäin"),
    "300 nested mappings": (
        "deep-map.yaml",
        "".join("  " * n + f"k{n}:\n" for n in range(300)),
        "sisäkkäin",
    ),
    "a 1 MB file": ("big.yaml", "# " + "x" * 1_000_000 + "\n", "suurempi kuin 512 kt"),
    "a text of 5000 characters": (
        "long.yaml",
        COURSE_TEXT.replace("name: Anna Laakso", "name: " + "A" * 5000),
        "enintään 1 000 merkkiä",
    ),
    "a vertical tab in a name": (
        "vt.yaml",
        COURSE_TEXT.replace("name: Anna Laakso", 'name: "Anna\\vLaakso"'),
        "U+000B",
    ),
    "a lone surrogate in a title": (
        "surrogate.yaml",
        COURSE_TEXT.replace(
            "title: Reuma-sopeutumisvalmennuskurssi, kevät 2027", 'title: "x\\ud800"'
        ),
        "U+D800",
    ),
    "two thousand staff": (
        "crowd.yaml",
        COURSE_TEXT.replace(
            "staff:\n", "staff:\n" + "".join(f"  - {{id: s{n}, role: x}}\n" for n in range(2000))
        ),
        "staff",
    ),
    "a participant count of a million": (
        "million.yaml",
        COURSE_TEXT.replace("count: 10", "count: 1000000"),
        "participants.count",
    ),
}


@pytest.mark.parametrize("name", list(RESOURCE_CASES))
def test_absurd_course_files_are_refused_quickly(
    runner: KurssiRunner, case: Case, name: str
) -> None:
    file_name, text, words = RESOURCE_CASES[name]
    run = runner.run("solve", case.file(file_name, text), "--out", case.out, timeout=30)
    assert_clean(run, case, {2})
    error_line(run, file_name, words)


def test_the_form_is_read_to_its_last_filled_row(
    runner: KurssiRunner, case: Case, form: Path
) -> None:
    """A format on row 1,048,576 (and a value there) costs nothing; the value is told."""

    def bottom(book: Workbook) -> None:
        book["Tilat"].cell(1_048_576, 1).font = Font(bold=True)
        book["Henkilöstö"].cell(1_048_576, 1).value = "x"

    path = edited_form(form, case.inputs, bottom)
    run = runner.run("solve", path, "--out", case.out, timeout=30)
    assert_clean(run, case, {2})
    error_line(run, "välilehti 'Henkilöstö', solu C1048576", "kenttä 'role' puuttuu")


def test_a_form_that_unpacks_to_gigabytes_is_refused(
    runner: KurssiRunner, case: Case, form: Path
) -> None:
    bomb = case.inputs / "bomb.xlsx"
    shutil.copy(form, bomb)
    with zipfile.ZipFile(bomb, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/filler.bin", b"\0" * 50_000_000)
    assert bomb.stat().st_size < 1_000_000
    run = runner.run("solve", bomb, "--out", case.out, timeout=30)
    assert_clean(run, case, {2})
    error_line(run, "purettuna")


# Measures one command from a lean parent. On Linux a process's peak memory (ru_maxrss) starts
# at its parent's peak when the parent forks it, so a command forked straight from pytest, which
# grows as the suite runs, would be charged for pytest's memory. This small parent forks the
# command instead and writes its exit status and peak (kB) to the file named first.
MEASURED_PARENT = """
import os, subprocess, sys
child = subprocess.Popen(sys.argv[2:])
_, status, usage = os.wait4(child.pid, 0)
with open(sys.argv[1], "w") as answer:
    answer.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss}")
"""


def fresh_run(case: Case, *args: str | Path, timeout: float = 60) -> Run:
    """`kurssi ARGS` as a fresh process, as a user starts it: its peak memory includes the
    start-up and nothing of pytest's."""
    out, err, measured = (case.root / name for name in ("fresh.out", "fresh.err", "fresh.rss"))
    command = [sys.executable, "-m", "scheduler.launch", *map(str, args)]
    started = time.monotonic()
    with out.open("w") as stdout, err.open("w") as stderr:
        parent = subprocess.Popen(
            [sys.executable, "-c", MEASURED_PARENT, str(measured), *command],
            cwd=ROOT,
            stdout=stdout,
            stderr=stderr,
            start_new_session=True,  # so the time bound can kill the command with its parent
        )
        try:
            parent.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(parent.pid, signal.SIGKILL)
            parent.wait()
    seconds = time.monotonic() - started
    code, peak_kb = (
        (int(n) for n in measured.read_text().split()) if measured.exists() else (None, 0)
    )
    text = (out.read_text(), err.read_text())
    for path in (out, err, measured):
        path.unlink(missing_ok=True)
    return Run(code, seconds, peak_kb / 1024, *text)


def test_the_bomb_and_the_bottom_row_form_in_fresh_processes(case: Case, form: Path) -> None:
    """The issue's must-show: each exits 2, far inside the time bound, under 300 MB."""
    bomb = case.file("bomb.yaml", alias_bomb())
    run = fresh_run(case, "solve", bomb, "--out", case.out, timeout=30)
    assert_clean(run, case, {2})
    error_line(run, "bomb.yaml", "viittaukset")

    def bottom(book: Workbook) -> None:
        book["Henkilöstö"].cell(1_048_576, 1).font = Font(bold=True)
        book["Tilat"].cell(3, 5).value = "kaksitoista"  # a number in words

    run = fresh_run(
        case, "solve", edited_form(form, case.inputs, bottom), "--out", case.out, timeout=30
    )
    assert_clean(run, case, {2})
    error_line(run, "välilehti 'Tilat', solu E3", "kokonaisluku")


def many_sessions(data: dict[str, Any]) -> None:
    data["sessions"] = [dict(data["sessions"][0], id=f"s{n}") for n in range(9200)]


def deep_json(data: dict[str, Any]) -> None:
    data["solver"] = DEEP


TAMPERED: dict[str, tuple[Callable[[dict[str, Any]], object], str]] = {
    # name: (edit of the saved timetable, words of the message)
    "a start of 10**12": (
        lambda d: d["sessions"][1].update(start=10**12, end=10**12 + 60),
        "sessions[1].start",
    ),
    "a negative start": (lambda d: d["sessions"][1].update(start=-600), "välillä 00:00–24:00"),
    "9200 sessions": (many_sessions, "sessions"),
    "nested arrays": (lambda d: d["sessions"][0].update(staff=[["pt1"]]), "sessions[0].staff[0]"),
    "nesting 100000 deep": (deep_json, "ei ole aikataulu"),
    "a staff member twice": (lambda d: d["staff"].append(d["staff"][0]), "esiintyy kahdesti"),
    "a session twice": (lambda d: d["sessions"].append(d["sessions"][1]), "esiintyy kahdesti"),
    "no days": (lambda d: d["course"].update(days=[]), "course.days"),
    "a day in the year 9999": (lambda d: d["course"].update(days=["9999-12-31"]), "2099-12-31"),
    "days out of order": (lambda d: d["course"]["days"].reverse(), "peräkkäiset päivät"),
    "days with a gap": (
        lambda d: d["course"].update(days=["2027-03-08", "2027-06-01"]),
        "peräkkäiset päivät",
    ),
    "an unknown staff id in a session": (
        lambda d: d["sessions"][1].update(staff=["nobody"]),
        "'nobody'",
    ),
    "an unknown room in a session": (lambda d: d["sessions"][1].update(room="nowhere"), "nowhere"),
    "an infinite number": (
        lambda d: d["staff"][1]["experience"].update(rheumatology_hours=1e309),
        "äärellinen",
    ),
    "a huge weight": (lambda d: d["preferences"].update(balanced_days=10**30), "liian suuri"),
    "a programme count of a million": (
        lambda d: d["programme"][0].update(count=10**6),
        "programme[0].count",
    ),
    "a control character in a name": (
        lambda d: d["staff"][3].update(name="Sari\x0bMäkelä"),
        "U+000B",
    ),
    "a list where the timetable is": (lambda d: d.update(sessions=[[1, 2]]), "sessions[0]"),
}

COMMANDS = {
    "check": ("check",),
    "export xlsx": ("export", "--format", "xlsx"),
    "export ics": ("export", "--format", "ics"),
    "resolve": ("resolve", "--unavailable", "psy@2027-03-10T08:00", "--time-limit", "1"),
}


@pytest.mark.parametrize("name", list(TAMPERED))
def test_a_tampered_timetable_is_refused_by_every_command(
    runner: KurssiRunner, tmp_path: Path, name: str
) -> None:
    edit, words = TAMPERED[name]
    for command, args in COMMANDS.items():
        case = Case(tmp_path / command.replace(" ", "-"))
        source = case.timetable("t.json", edit)
        out = [] if command == "check" else ["--out", str(case.out)]
        run = runner.run(args[0], source, *args[1:], *out, timeout=30)
        assert_clean(run, case, {2})
        error_line(run, "t.json", words)
        assert case.written() == []


def test_a_programme_id_the_standard_uses_is_refused_where_the_standard_is_read(
    runner: KurssiRunner, tmp_path: Path
) -> None:
    for command in ("check", "export xlsx", "resolve"):
        args = COMMANDS[command]
        case = Case(tmp_path / command.replace(" ", "-"))
        source = case.timetable("t.json", lambda d: d["programme"][0].update(id="opening"))
        out = [] if command == "check" else ["--out", str(case.out)]
        run = runner.run(args[0], source, *args[1:], *out, timeout=30)
        assert_clean(run, case, {2})
        error_line(run, "t.json", "'opening' esiintyy kahdesti")


UNTIMELY: dict[str, Callable[[dict[str, Any]], object]] = {
    "gym allowed only on day 9 of 5": lambda d: d["programme"][0].update(days=[9]),
    "every GAS goal meeting after the course": lambda d: [
        s.update(date="2027-03-15") for s in d["sessions"] if s["id"].startswith("gas_goals")
    ],
    "a session ending at 24:00": lambda d: d["sessions"][1].update(start="23:00", end="24:00"),
}


@pytest.mark.parametrize("name", list(UNTIMELY))
def test_sessions_at_odd_times_are_judged_not_crashed_on(
    runner: KurssiRunner, case: Case, name: str
) -> None:
    source = case.timetable("t.json", UNTIMELY[name])
    for lang in ("fi", "en"):
        run = runner.run("check", source, "--lang", lang, timeout=30)
        assert_clean(run, case, {1})
        assert "EI TÄYTY" in run.stdout if lang == "fi" else "FAIL" in run.stdout
    run = runner.run("export", source, "--format", "ics", "--out", case.out, timeout=30)
    assert_clean(run, case, {0})


# -- calendars ---------------------------------------------------------------------------------


def test_line_breaks_in_names_stay_inside_calendar_lines(runner: KurssiRunner, case: Case) -> None:
    def plant(data: dict[str, Any]) -> None:
        data["staff"][3]["name"] = "Sari\nMäkelä"  # Alt+Enter in the form's name cell
        data["staff"][4]["name"] = "Jussi\rBEGIN:VEVENT"  # a lone CR
        data["course"]["title"] = "Kurssi\r\nEND:VCALENDAR; " + "pitkä " * 30

    source = case.timetable("t.json", plant)
    run = runner.run("export", source, "--format", "ics", "--out", case.out)
    assert_clean(run, case, {0})
    calendars = case.written()
    people = [m["id"] for m in TIMETABLE["staff"]] + [p["id"] for p in TIMETABLE["participants"]]
    assert len(calendars) == len(people)  # a calendar per staff member and participant
    for path in calendars:
        data = path.read_bytes()
        assert data.endswith(b"\r\n")
        lines = data[:-2].split(b"\r\n")
        stem = path.stem.removeprefix("t-")  # <id> or <id>-<name>
        person = next(p for p in people if stem == p or stem.startswith(f"{p}-"))
        events = sum(
            1 for s in TIMETABLE["sessions"] if person in s["staff"] or person in s["participants"]
        )
        for line in lines:
            assert b"\r" not in line and b"\n" not in line
            assert len(line) <= 75
            line.decode("utf-8")  # folding never splits a character
        assert lines.count(b"BEGIN:VEVENT") == events
        assert lines.count(b"END:VCALENDAR") == 1


# -- the Excel form ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def form(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("form")
    result = CliRunner().invoke(
        main, ["init", "--excel", str(folder / "form.xlsx"), "--first-day", "2027-03-15"]
    )
    assert result.exit_code == 0, result.output
    return folder / "form.xlsx"


def edited_form(form: Path, folder: Path, edit: Callable[[Workbook], object]) -> Path:
    book = load_workbook(form)
    edit(book)
    path = folder / "edited.xlsx"
    book.save(path)
    return path


def row_of(sheet: Any, column: int, value: str) -> int:
    return next(r for r in range(1, 60) if sheet.cell(r, column).value == value)


def day_columns(sheet: Any) -> list[int]:
    """The form's course-day columns ('Päivä 1', 'Päivä 2', ... in row 1)."""
    return [c for c in range(1, 30) if str(sheet.cell(1, c).value or "").startswith("Päivä ")]


def title_as_text(book: Workbook) -> None:
    cell = book["Kurssi"].cell(row_of(book["Kurssi"], 2, "title"), 3)
    cell.value = FORMULA
    cell.data_type = "s"  # typed as text (as Excel stores '=... with a leading apostrophe)


def test_availability_merged_across_days_is_read_for_every_day(form: Path, tmp_path: Path) -> None:
    def merge(book: Workbook) -> None:
        sheet = book["Henkilöstö"]
        row, days = row_of(sheet, 1, "psy"), day_columns(sheet)
        for column in days:
            sheet.cell(row, column).value = None
        sheet.cell(row, days[0]).value = "08:00-12:00"
        sheet.merge_cells(start_row=row, start_column=days[0], end_row=row, end_column=days[-1])

    course = load_course(edited_form(form, tmp_path, merge))
    hours = course.member("psy").availability
    assert len(hours) == 5
    assert all([str(w) for w in windows] == ["08:00-12:00"] for windows in hours.values())


def with_cached_value(path: Path, formula: str, value: str) -> None:
    """Gives a formula the value a spreadsheet program would have saved with it."""
    parts = {}
    with zipfile.ZipFile(path) as archive:
        for info in archive.infolist():
            parts[info.filename] = archive.read(info)
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            parts[name] = data.replace(
                f"<f>{formula}</f><v />".encode(), f"<f>{formula}</f><v>{value}</v>".encode()
            )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)


def lunch_formula(book: Workbook) -> None:
    sheet = book["Kurssi"]
    sheet.cell(row_of(sheet, 2, "lunch_minutes"), 3).value = "=40+5"


def test_a_formula_without_a_computed_value_is_a_located_error(form: Path, tmp_path: Path) -> None:
    path = edited_form(form, tmp_path, lunch_formula)
    with pytest.raises(InputError) as caught:
        load_course(path)
    row = row_of(load_workbook(form)["Kurssi"], 2, "lunch_minutes")
    assert f"välilehti 'Kurssi', solu C{row}" in str(caught.value)
    assert "kaava ilman laskettua arvoa" in str(caught.value)


def test_a_formula_is_read_by_its_computed_value(form: Path, tmp_path: Path) -> None:
    path = edited_form(form, tmp_path, lunch_formula)
    with_cached_value(path, "40+5", "45")
    assert load_course(path).info.lunch.minutes == 45


def test_a_participants_time_away_is_never_quoted(
    runner: KurssiRunner, case: Case, form: Path
) -> None:
    def away(book: Workbook) -> None:
        sheet = book["Kuntoutujat"]
        sheet.cell(3, day_columns(sheet)[1]).value = "sairaalassa"

    run = runner.run("solve", edited_form(form, case.inputs, away), "--out", case.out)
    assert_clean(run, case, {2})
    error_line(run, "välilehti 'Kuntoutujat'", "aikaväli")
    assert "sairaalassa" not in run.output


# -- interrupts, killed runs and concurrent runs -----------------------------------------------

# A `kurssi` process with a pause at one moment of writing its outputs, so that a signal can
# be sent there: after the third calendar is written to its temporary file ("write"), or
# between naming the first and the second file of a set ("name").
PAUSING = """
import pathlib, sys, time
import scheduler.io.files as files
from scheduler.launch import main

marker, moment = pathlib.Path(sys.argv[1]), sys.argv[2]
sys.argv = ["kurssi", *sys.argv[3:]]
if moment == "write":
    write_bytes, count = pathlib.Path.write_bytes, []
    def pausing(self, data):
        written = write_bytes(self, data)
        count.append(1)
        if len(count) == 3:
            marker.touch()
            time.sleep(60)
        return written
    pathlib.Path.write_bytes = pausing
else:
    take_name, count = files._take_name, []
    def pausing(temporary, path):
        take_name(temporary, path)
        count.append(1)
        if len(count) == 1:
            marker.touch()
            time.sleep(3)  # Ctrl-C is held back here: the sleep is not cut short
    files._take_name = pausing
main()
"""


def paused_run(case: Case, moment: str, *args: str | Path) -> tuple[subprocess.Popen[str], Path]:
    marker = case.root / "paused"
    process = subprocess.Popen(
        [sys.executable, "-c", PAUSING, str(marker), moment, *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "never reached the pause"
        time.sleep(0.05)
    marker.unlink()
    return process, marker


@pytest.mark.parametrize("moment", ["write", "name"])
def test_ctrl_c_while_writing_leaves_no_output(case: Case, moment: str) -> None:
    source = case.timetable("t.json")
    process, _ = paused_run(case, moment, "export", source, "--format", "ics", "--out", case.out)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr and "Aborted" not in stderr
    assert "keskeytetty" in stderr
    assert case.written() == []


def test_a_run_killed_while_writing_leaves_only_what_the_next_run_removes(
    runner: KurssiRunner, case: Case
) -> None:
    source = case.timetable("t.json")
    process, _ = paused_run(case, "write", "export", source, "--format", "ics", "--out", case.out)
    process.kill()
    process.communicate(timeout=60)
    left = case.written()
    assert left and all(p.name.startswith(TEMPORARY_PREFIX) for p in left)  # no .ics
    run = runner.run("export", source, "--format", "json", "--out", case.out)
    assert_clean(run, case, {0})  # and the next run removed the killed run's files
    assert [p.name for p in case.written()] == ["t.json"]


def kurssi_process(*args: str | Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "scheduler.launch", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def loaded(process: subprocess.Popen[str], library: str) -> bool:
    """Whether a process has a shared library of this name in memory (its import started)."""
    try:
        return library in Path(f"/proc/{process.pid}/maps").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs Linux's /proc")
def test_ctrl_c_during_start_up_ends_with_exit_130(case: Case) -> None:
    process = kurssi_process("export", case.timetable("t.json"), "--out", case.out)
    deadline = time.monotonic() + 60
    while not loaded(process, "ortools"):  # in the middle of importing the tool
        assert process.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr and "keskeytetty" in stderr
    assert case.written() == []


def test_ctrl_c_during_a_search_stops_it_at_once(case: Case) -> None:
    process = kurssi_process(
        "solve", "--out", case.out, "--time-limit", "600", "--fast", "--workers", "2"
    )
    assert process.stderr is not None
    line = process.stderr.readline()  # "ratkaistaan ..." comes just before the search starts
    assert line.startswith(LABELS["console_solving"]["fi"].split()[0]), line
    time.sleep(1)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=60)  # not the 600 s the search was given
    assert process.returncode == 130, stdout + stderr
    assert "Traceback" not in stderr and "keskeytetty" in stderr
    assert case.written() == []


def test_concurrent_runs_into_one_folder_each_get_their_names(
    runner: KurssiRunner, case: Case
) -> None:
    source = case.timetable("t.json")
    runs = runner.run_together([("export", source, "--format", "json", "--out", case.out)] * 6)
    for run in runs:
        assert_clean(run, case, {0})
    assert [p.name for p in case.written()] == sorted(
        ["t.json", *(f"t-{n}.json" for n in range(2, 7))]
    )


# -- sets of outputs, in process ---------------------------------------------------------------


def test_a_failed_workbook_leaves_no_json_behind(
    saved_timetable: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_save(self: Workbook, filename: str) -> None:
        Path(filename).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", failing_save)
    with pytest.raises(OSError):
        write_outputs(saved_timetable, tmp_path, "week")
    assert list(tmp_path.iterdir()) == []


def test_stale_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], check=True,
                          capture_output=True, text=True)  # fmt: skip
    stale = tmp_path / f"{TEMPORARY_PREFIX}{dead.stdout.strip()}-abc.part"
    ours = tmp_path / f"{TEMPORARY_PREFIX}{os.getpid()}-abc.part"  # a running process's
    stale.write_text("x")
    ours.write_text("x")
    (written,) = write_together(tmp_path, [text_output("t", ".txt", "text")])
    assert written.read_text() == "text"
    assert not stale.exists() and ours.exists()


# -- privacy -----------------------------------------------------------------------------------


def test_export_json_keeps_participants_pseudonymous(runner: KurssiRunner, case: Case) -> None:
    def named(data: dict[str, Any]) -> None:
        for participant in data["participants"]:
            participant["name"] = f"Salainen {participant['id']}"

    source = case.timetable("named.json", named)
    run = runner.run("export", source, "--format", "json", "--out", case.out)
    assert_clean(run, case, {0})
    assert "Salainen" not in (case.out / "named.json").read_text(encoding="utf-8")
    run = runner.run("export", source, "--format", "json", "--out", case.out, "--participant-names")
    assert_clean(run, case, {0})
    assert "Salainen K01" in (case.out / "named-2.json").read_text(encoding="utf-8")


def test_a_bad_window_of_a_participant_is_not_quoted(runner: KurssiRunner, case: Case) -> None:
    text = COURSE_TEXT.replace(
        "- {id: K07, small_group: B}",
        "- {id: K07, small_group: B, unavailable: {2027-03-09: [sairaalassa]}}",
    )
    run = runner.run("solve", case.file("course.yaml", text), "--out", case.out)
    assert_clean(run, case, {2})
    error_line(run, "participants.list[1].unavailable")
    assert "sairaalassa" not in run.output
