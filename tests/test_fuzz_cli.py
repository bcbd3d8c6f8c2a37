"""Whatever a course file, a timetable JSON or an Excel form holds, `kurssi` ends with a
message and exit 0, 2 or 3 (check also 1), and never writes a formula cell.

Hypothesis mutates the default course file: it deletes keys, swaps values for ones of the wrong
type, random text, negative or huge numbers, and truncates the text. Most mutations fail
validation at once; the few that pass are solved with a short time limit.
"""

from __future__ import annotations

import atexit
import copy
import functools
import json
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from conftest import FIXTURES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from scheduler.cli import main
from scheduler.io.data import DEFAULT_COURSE

BASE_TEXT = DEFAULT_COURSE.read_text(encoding="utf-8")
BASE = yaml.safe_load(BASE_TEXT)

ALLOWED_EXITS = {0, 2, 3}


def _paths(node: Any, here: tuple = ()) -> list[tuple]:
    """Every place in a parsed YAML document: mapping keys and list indices."""
    found = [here] if here else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*here, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found.extend(_paths(value, (*here, index)))
    return found


PATHS = _paths(BASE)

weird_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=-1),
    st.integers(min_value=10**6, max_value=10**30),
    st.integers(min_value=0, max_value=600),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20),
    st.sampled_from(
        [
            "08:00-16:00",
            "25:00-26:00",
            "16:00-08:00",
            "2027-13-01",
            "2027-03-14",
            "team",
            "special",
            "pool",
            "rheumatologist",
            "small_group",
            "individual",
            "-1",
        ]
    ),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
    st.lists(st.integers(min_value=-10, max_value=10), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
)


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, ...]:
    """A list of edits to the parsed default course, applied in order."""
    edits = []
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        edits.append(
            (
                draw(st.sampled_from(["delete", "replace", "replace"])),
                draw(st.sampled_from(PATHS)),
                draw(weird_values),
            )
        )
    return tuple(edits)  # type: ignore[return-value]


def _mutated(edits: tuple) -> Any:
    data = yaml.safe_load(BASE_TEXT)
    for action, path, value in edits:
        try:
            parent = _get(data, path[:-1])
            key = path[-1]
            if action == "delete":
                del parent[key]
            else:
                parent[key] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier edit removed or replaced this place
    return data


def _run(text: bytes) -> tuple[int, str]:
    """`kurssi solve` on a file: exit code and everything printed. A file that passes
    validation gets one wall-clock second of search: enough for a first timetable (then the
    checker and the outputs run too), and a clean exit 3 when there is none yet."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "course.yaml"
        path.write_bytes(text)
        result = CliRunner().invoke(
            main,
            ["solve", str(path), "--time-limit", "1", "--fast", "--out", folder, "--quiet"],
        )
    return result.exit_code, result.output  # stdout and stderr together


def _assert_clean(code: int, output: str) -> None:
    assert code in ALLOWED_EXITS, f"exit {code}:\n{output}"
    assert "Traceback" not in output, output
    assert "internal error" not in output, output


FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@pytest.mark.slow  # up to 40 whole-week solves of a second each
@FUZZ
@given(mutations())
def test_mutated_course_files_end_cleanly(edits: tuple) -> None:
    data = _mutated(edits)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")
    code, output = _run(text)
    _assert_clean(code, output)
    if code == 2:  # the error frame in the course's language (Finnish by default)
        assert "virhe:" in output or "error:" in output, output


# Cut points spread over the whole file (hypothesis alone favours the small ones).
CUTS = st.sampled_from(range(0, len(BASE_TEXT.encode("utf-8")) + 1, 11))


@FUZZ
@given(CUTS, st.binary(max_size=8))
def test_truncated_or_garbled_text_ends_cleanly(cut: int, junk: bytes) -> None:
    code, output = _run(BASE_TEXT.encode("utf-8")[:cut] + junk)
    _assert_clean(code, output)


@settings(max_examples=25, deadline=None, derandomize=True)
@given(st.text(max_size=200))
def test_random_text_ends_cleanly(text: str) -> None:
    code, output = _run(text.encode("utf-8", errors="replace"))
    _assert_clean(code, output)
    assert code == 2


# -- timetable JSON: check, export and resolve ------------------------------------------------

TIMETABLE = json.loads((FIXTURES / "default-timetable.json").read_text(encoding="utf-8"))
TIMETABLE_PATHS = _paths(TIMETABLE)
TIMETABLE_COMMANDS = {
    "check": (["check"], {0, 1, 2}),
    "export xlsx": (["export", "--format", "xlsx"], {0, 2}),
    "export ics": (["export", "--format", "ics"], {0, 2}),
    "export json": (["export", "--format", "json"], {0, 2}),
    "resolve": (
        ["resolve", "--unavailable", "psy@2027-03-10T08:00", "--time-limit", "0.5", "--fast"],
        {0, 2, 3},
    ),
}


@st.composite
def timetable_edits(draw: st.DrawFn) -> tuple[tuple[str, tuple, Any], ...]:
    return tuple(
        (
            draw(st.sampled_from(["delete", "replace", "replace"])),
            draw(st.sampled_from(TIMETABLE_PATHS)),
            draw(weird_values),
        )
        for _ in range(draw(st.integers(min_value=1, max_value=3)))
    )


def _edited(base: Any, edits: tuple) -> Any:
    data = copy.deepcopy(base)
    for action, path, value in edits:
        try:
            parent = _get(data, path[:-1])
            if action == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    return data


def _no_formula_cells(folder: Path) -> None:
    for path in folder.glob("*.xlsx"):
        book = load_workbook(path)
        formulas = [
            c.coordinate for s in book for r in s.iter_rows() for c in r if c.data_type == "f"
        ]
        assert formulas == [], path


@settings(
    max_examples=20, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(timetable_edits(), st.sampled_from(sorted(TIMETABLE_COMMANDS)))
def test_mutated_timetables_end_cleanly(edits: tuple, command: str) -> None:
    args, allowed = TIMETABLE_COMMANDS[command]
    text = json.dumps(_edited(TIMETABLE, edits), default=str, ensure_ascii=False)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "timetable.json"
        path.write_text(text, encoding="utf-8")
        out = [] if command == "check" else ["--out", str(Path(folder) / "out")]
        result = CliRunner().invoke(main, [args[0], str(path), *args[1:], *out])
        assert result.exit_code in allowed, f"{command}: exit {result.exit_code}:\n{result.output}"
        assert "Traceback" not in result.output, result.output
        assert "internal error" not in result.output, result.output
        _no_formula_cells(Path(folder) / "out")


# -- the Excel course form ---------------------------------------------------------------------


@functools.cache
def _form() -> tuple[Path, dict[str, tuple[int, int]]]:
    """The form `kurssi init --excel` writes, and each sheet's rows and columns."""
    folder = Path(tempfile.mkdtemp(prefix="kurssi-fuzz-form-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    form = folder / "form.xlsx"
    result = CliRunner().invoke(main, ["init", "--excel", str(form), "--first-day", "2027-03-08"])
    assert result.exit_code == 0, result.output
    return form, {sheet.title: (sheet.max_row, sheet.max_column) for sheet in load_workbook(form)}


cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.sampled_from(["-", "08:00-12:00", "25:00-26:00", "=1+1", "2027-13-01", "x, y", "K01"]),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)),
)


@st.composite
def form_edits(draw: st.DrawFn) -> tuple[tuple[str, int, int, Any, int], ...]:
    edits = []
    sheets = _form()[1]
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        sheet = draw(st.sampled_from(sorted(sheets)))
        rows, columns = sheets[sheet]
        edits.append(
            (
                sheet,
                draw(st.integers(min_value=1, max_value=rows + 2)),
                draw(st.integers(min_value=1, max_value=columns + 1)),
                draw(cell_values),
                draw(st.sampled_from([0, 0, 0, 1, 3])),  # merged with the cells to its right
            )
        )
    return tuple(edits)


@settings(
    max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(form_edits())
def test_mutated_forms_end_cleanly(edits: tuple) -> None:
    book = load_workbook(_form()[0])
    for sheet, row, column, value, merge in edits:
        book[sheet].cell(row, column).value = value
        if merge:
            book[sheet].merge_cells(
                start_row=row, start_column=column, end_row=row, end_column=column + merge
            )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "form.xlsx"
        book.save(path)
        out = Path(folder) / "out"
        result = CliRunner().invoke(
            main, ["solve", str(path), "--time-limit", "1", "--fast", "--out", str(out), "--quiet"]
        )
        _assert_clean(result.exit_code, result.output)
        _no_formula_cells(out)
