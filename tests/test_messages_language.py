"""Every message is in the reader's language: Finnish by default, English with --lang en.

Representative bad inputs (a course file, a form, a plan, a timetable, a change, an impossible
course) are run through the command line in both languages, and what is printed is scanned for
words of the other language's label table (scheduler/words.py). Codes a person types into a
course file ('physiotherapist', 'group: team', first_day) and words of the course's own data
are not words of a language here: the scan drops them first.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner
from pydantic import BaseModel

import models.changes
import models.course
import models.standard
import models.timetable
from models.changes import CHANGE_KINDS
from scheduler.cli import main
from scheduler.io.courses import COURSE_SECTIONS
from scheduler.io.data import DEFAULT_COURSE, STANDARDS_DIR
from scheduler.io.files import DEFAULT_OUTPUT_DIR
from scheduler.io.plans import PLAN_SECTIONS
from scheduler.words import LABELS, coded, label, reader, reading_in

FIXTURE = Path(__file__).parent / "fixtures" / "default-timetable.json"
BASE = DEFAULT_COURSE.read_text(encoding="utf-8")
OTHER = {"fi": "en", "en": "fi"}

# Words the messages quote from the file format and the command line, in either language.
FORMAT_WORDS = {"true", "false", "yaml", "json", "excel", "libreoffice", "ctrl", "kurssi"}
FORMAT_WORDS |= {"solve", "check", "export", "resolve", "plan", "init", "help", "debug"}
FORMAT_WORDS |= {str(DEFAULT_OUTPUT_DIR)}  # the default folder, named in the help


def _letters(text: str) -> list[str]:
    """The words of a text: runs of letters, two or more (placeholders left out)."""
    text = re.sub(r"\{\w+(![rs])?(:[^}]*)?\}", " ", text)
    return [w for w in re.findall(r"[^\W\d_]+", text) if len(w) > 1]


def _model_fields(model: Any, seen: set[Any]) -> Iterator[str]:
    """The field names of a model and of every model inside it."""
    if model in seen:
        return
    seen.add(model)
    for name, field in model.model_fields.items():
        yield name
        yield from _fields_of(field.annotation, seen)


def _fields_of(kind: Any, seen: set[Any]) -> Iterator[str]:
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        yield from _model_fields(kind, seen)
    for arg in typing.get_args(kind):
        yield from _fields_of(arg, seen)


def _data_words(data: Any) -> Iterator[str]:
    """The keys of a file (codes, whole) and the words of its texts."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield str(key)
            yield from _data_words(value)
    elif isinstance(data, list):
        for item in data:
            yield from _data_words(item)
    elif isinstance(data, str):
        yield from _letters(data)


def _technical() -> set[str]:
    """Codes, field names and the course's own data: the same in either language."""
    words = set(FORMAT_WORDS)
    for prefix in ("role", "group", "kind", "room_kind", "purpose", "form", "language"):
        words |= set(coded(prefix))
    seen: set[Any] = set()
    for model in (
        models.course.Course,
        models.standard.Standard,
        models.timetable.Timetable,
        models.changes.ChangeSet,
    ):
        words |= set(_model_fields(model, seen))
    words |= set(CHANGE_KINDS) | set(COURSE_SECTIONS) | set(PLAN_SECTIONS)
    words |= set(_data_words(yaml.safe_load(BASE)))
    standard = (STANDARDS_DIR / "kela-reuma-2017.yaml").read_text(encoding="utf-8")
    words |= set(_data_words(yaml.safe_load(standard)))
    return {w.casefold() for w in words}


TECHNICAL = _technical()


def _prose(text: str) -> str:
    """A text without what is not prose of a language: paths, quoted values, flags, codes."""
    text = re.sub(r"\S*/\S*", " ", text)  # paths and dotted places name files, not words
    text = re.sub(r"'[^'\n]*'", " ", text)  # quoted values and codes come from the input
    text = re.sub(r"--[\w-]+", " ", text)  # flags
    return re.sub(r"\S*[_.\[]\S*", " ", text)  # field paths and codes: first_day, staff[2]


def _vocabulary(language: str) -> set[str]:
    return {
        w.casefold() for texts in LABELS.values() for w in _letters(_prose(texts.get(language, "")))
    }


# Each language's own words, read once from the label table as it stands.
OWN_WORDS = {
    language: _vocabulary(language) - _vocabulary(OTHER[language]) - TECHNICAL
    for language in ("fi", "en")
}


def foreign_words(text: str, language: str) -> set[str]:
    """Words of the other language's labels (and of no label of this one) in a text."""
    return {w for w in _letters(_prose(text)) if w.casefold() in OWN_WORDS[OTHER[language]]}


def run(*args: str | Path, lang: str) -> tuple[int, str]:
    extra = ["--lang", "en"] if lang == "en" else []
    result = CliRunner().invoke(main, [*map(str, args), *extra])
    return result.exit_code, result.output


def course_file(tmp_path: Path, old: str, new: str, name: str = "course.yaml") -> Path:
    assert BASE.count(old) == 1, old
    path = tmp_path / name
    path.write_text(BASE.replace(old, new), encoding="utf-8")
    return path


def _solve_changed(tmp_path: Path, *changes: tuple[str, str]) -> list[str | Path]:
    """`kurssi solve` of the base course with each (old, new) replaced; each old text is there
    once, so that no change silently misses."""
    text = BASE
    for old, new in changes:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "course.yaml"
    path.write_text(text, encoding="utf-8")
    return ["solve", path, "--out", tmp_path]


def _bad_course(tmp_path: Path) -> list[str | Path]:
    return _solve_changed(
        tmp_path,
        ("first_day: 2027-03-08", "first_day: 2027-03-07"),
        ("role: psychologist", "role: psycologist"),
        ("    course_lead: true\n", ""),
        ("  count: 10\n", "  count: 9\n"),
    )


def _fields(tmp_path: Path) -> list[str | Path]:
    return _solve_changed(
        tmp_path,
        ("  slot_minutes: 15\n", "  slot_minutes: fifteen\n  colour: blue\n"),
        ("    course_lead: true\n", "    course_lead: maybe\n"),
        ("max_minutes: 120", "max_minutes: -5"),
    )


def _meaning(tmp_path: Path) -> list[str | Path]:
    return _solve_changed(
        tmp_path,
        ("kind: therapy", "kind: theraphy"),
        ('day_window: "08:00-16:00"', 'day_window: "08:07-16:00"'),
        ("    rooms: [gym]\n", "    rooms: [sauna]\n"),
        ("    max_minutes: 120\n", "    max_minutes: 60\n    group: special\n"),
    )


def _yaml_syntax(tmp_path: Path) -> list[str | Path]:
    path = course_file(tmp_path, "  form: outpatient\n", "  form: outpatient: yes\n")
    return ["solve", path, "--out", tmp_path]


def _impossible(tmp_path: Path) -> list[str | Path]:
    # The physician away on the last day: no closing discussion (R19), told before solving.
    old = '      2027-03-12: ["12:00-16:00"]\n    experience'
    path = course_file(tmp_path, old, "      2027-03-12: []\n    experience")
    return ["solve", path, "--out", tmp_path, "--quiet"]


def _plan(tmp_path: Path) -> list[str | Path]:
    plan = {
        "plan": {"title": "x"},
        "courses": [{"id": "a", "file": str(DEFAULT_COURSE)}, {"id": "a"}],
        "lisaosio": 1,
    }
    path = tmp_path / "plan.yaml"
    path.write_text(yaml.safe_dump(plan), encoding="utf-8")
    return ["plan", path, "--out", tmp_path]


def _timetable(tmp_path: Path) -> list[str | Path]:
    path = tmp_path / "t.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8")[:5000], encoding="utf-8")
    return ["check", path]


def _unknown_person(tmp_path: Path) -> list[str | Path]:
    path = tmp_path / "t.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return ["resolve", path, "--unavailable", "Laura Niemi", "--now", "2027-03-10T08:00"]


def _leader_leaves(tmp_path: Path) -> list[str | Path]:
    # The occupational therapist leaves her session under way, and nobody else may lead it.
    path = tmp_path / "t.json"
    path.write_text(FIXTURE.read_text(encoding="utf-8"), encoding="utf-8")
    return ["resolve", path, "--remove-staff", "Elina Koskinen", "--now", "2027-03-10T10:30"]


def _init(tmp_path: Path) -> list[str | Path]:
    return ["init", "--out", tmp_path / "c.yaml", "--first-day", "2027-03-13"]


def _form(tmp_path: Path) -> list[str | Path]:
    form = tmp_path / "form.xlsx"
    result = CliRunner().invoke(main, ["init", "--excel", str(form), "--first-day", "2027-03-08"])
    assert result.exit_code == 0, result.output
    from openpyxl import load_workbook

    book = load_workbook(form)
    book["Henkilöstö"]["C5"] = "physiotherapeut"
    book["Tilat"]["E3"] = "paljon"
    book.save(form)
    return ["solve", form, "--out", tmp_path]


CASES = {
    "course file": (_bad_course, 2),
    "fields of a course file": (_fields, 2),
    "what a course file means": (_meaning, 2),
    "YAML syntax": (_yaml_syntax, 2),
    "impossible course": (_impossible, 3),
    "plan file": (_plan, 2),
    "broken timetable": (_timetable, 2),
    "unknown person": (_unknown_person, 2),
    "leader leaves": (_leader_leaves, 3),
    "init": (_init, 2),
    "course form": (_form, 2),
}


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("case", list(CASES))
def test_a_message_is_in_the_readers_language(tmp_path: Path, case: str, lang: str) -> None:
    make, code = CASES[case]
    exit_code, output = run(*make(tmp_path), lang=lang)
    assert exit_code == code, output
    assert "Traceback" not in output
    assert output.strip(), "something is told"
    assert foreign_words(output, lang) == set(), output


USAGE_ERRORS = {
    "no change said": ["resolve", FIXTURE],
    "unknown option": ["solve", "--bogus"],
    "a value out of range": ["resolve", FIXTURE, "--notice", "999999", "--unavailable", "x"],
    "unknown command": ["frob"],
    "a missing argument": ["check"],
    "a bad date": ["init", "--first-day", "2027-3-x"],
}


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("case", list(USAGE_ERRORS))
def test_a_usage_error_is_in_the_readers_language(case: str, lang: str) -> None:
    exit_code, output = run(*USAGE_ERRORS[case], lang=lang)
    assert exit_code == 2, output
    assert output.startswith({"fi": "Käyttö: kurssi", "en": "Usage: kurssi"}[lang]), output
    assert {"fi": "virhe: ", "en": "error: "}[lang] in output
    assert foreign_words(output, lang) == set(), output


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("command", ["", *sorted(main.commands)])
def test_the_help_is_in_the_readers_language(command: str, lang: str) -> None:
    exit_code, output = run(*([command] if command else []), "--help", lang=lang)
    assert exit_code == 0, output
    assert output.startswith({"fi": "Käyttö: kurssi", "en": "Usage: kurssi"}[lang]), output
    assert {"fi": "Valitsimet:", "en": "Options:"}[lang] in output
    assert foreign_words(output, lang) == set(), output


def test_the_scan_finds_an_english_message_under_the_finnish_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A label without its Finnish (a message left in English) is found by the scan."""
    monkeypatch.setitem(LABELS, "val_no_lead", {"fi": LABELS["val_no_lead"]["en"]})
    exit_code, output = run(*_bad_course(tmp_path), lang="fi")
    assert exit_code == 2
    assert {"no", "lead", "add"} <= foreign_words(output, "fi"), output


def test_the_reader_is_finnish_unless_told_and_each_run_starts_afresh(tmp_path: Path) -> None:
    assert reader() == "fi"
    run(*_init(tmp_path), lang="en")
    assert reader() == "fi", "a run's --lang does not leak into the next"
    with reading_in("en"):
        assert label("cli_error", reader(), problem="x") == "error: x"
    assert reader() == "fi"


def test_every_label_is_a_format_string_with_both_languages() -> None:
    import string

    for key, texts in LABELS.items():
        assert set(texts) == {"fi", "en"}, key
        for text in texts.values():
            list(string.Formatter().parse(text))  # raises on a stray brace
