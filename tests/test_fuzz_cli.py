"""Whatever a course file holds, `kurssi solve` ends with a message and exit 0, 2 or 3.

Hypothesis mutates the default course file: it deletes keys, swaps values for ones of the wrong
type, random text, negative or huge numbers, and truncates the text. Most mutations fail
validation at once; the few that pass are solved with a short time limit.
"""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    if code == 2:
        assert "error:" in output


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
