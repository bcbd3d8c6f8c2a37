"""Reading course files, standard files and timetables into the domain models.

Every failure is an `InputError` that names the file, the place and what would fix it.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import re
import types
import typing
import warnings
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ValidationError

from models.course import Course, CourseInfo, Participant, Preferences, Room, StaffMember
from models.standard import SessionSpec, Standard
from models.timetable import Timetable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
STANDARDS_DIR = DATA_DIR / "standards"
DEFAULT_COURSE = DATA_DIR / "courses" / "default.yaml"


@dataclass(eq=False)  # not frozen: Python sets __traceback__ on raised exceptions
class InputError(Exception):
    """A problem with an input file, told so that a person can fix it.

    `also` holds further problems found in the same pass, so that one run lists them all.
    """

    file: str
    place: str
    message: str
    rule: str | None = None
    also: tuple[InputError, ...] = ()

    def __str__(self) -> str:
        return _told(self.file, self.place, self.message, self.rule)

    @property
    def problems(self) -> tuple[InputError, ...]:
        """This problem and the further ones, each on its own."""
        return (self, *self.also)


class CourseWarning(UserWarning):
    """Something in an input file that is allowed but worth a look (e.g. a public holiday).

    Issued with `warnings.warn` while loading; the CLI prints them to stderr.
    """

    def __init__(self, file: str, place: str, message: str, rule: str | None = None) -> None:
        super().__init__(_told(file, place, message, rule))
        self.file, self.place, self.message, self.rule = file, place, message, rule


def _told(file: str, place: str, message: str, rule: str | None) -> str:
    where = f"{file}: {place}" if place else file
    rule_text = f" ({rule})" if rule else ""
    return f"{where}: {message}{rule_text}"


class SourceDocument(Protocol):
    """A parsed course file (YAML or an Excel form) that can tell where each value stands."""

    @property
    def path(self) -> Path: ...

    @property
    def data(self) -> Any: ...

    def place(self, loc: tuple[Any, ...]) -> str:
        """Where a location stands, in words for a message (line and column, sheet and cell)."""
        ...

    def line(self, loc: tuple[Any, ...]) -> int:
        """A number that sorts messages in file order (0 when unknown)."""
        ...

    def where(self, loc: tuple[Any, ...]) -> str:
        """A short place to refer back to, e.g. 'line 12' or "sheet 'Tilat', cell A4"."""
        ...


@dataclass(frozen=True)
class YamlDocument:
    """Parsed YAML plus where each value stands in the file, for messages that name a line."""

    path: Path
    data: Any
    marks: dict[tuple[str | int, ...], tuple[int, int]]

    def mark(self, loc: tuple[Any, ...]) -> tuple[int, int] | None:
        """(line, column) of the deepest known part of a location, 1-based."""
        parts = tuple(_loc_part(part) for part in loc)
        for length in range(len(parts), -1, -1):
            prefix = parts[:length]
            mark = self.marks.get(prefix) or self.marks.get(tuple(str(p) for p in prefix))
            if mark:
                return mark
        return None

    def place(self, loc: tuple[Any, ...]) -> str:
        """'line 12, column 5 (staff[2].role)' for the deepest known part of a location."""
        dotted = dotted_path(loc)
        mark = self.mark(loc)
        if mark:
            return f"line {mark[0]}, column {mark[1]} ({dotted})" if dotted else f"line {mark[0]}"
        return dotted

    def line(self, loc: tuple[Any, ...]) -> int:
        """The line of a location (0 when unknown), for sorting messages in file order."""
        mark = self.mark(loc)
        return mark[0] if mark else 0

    def where(self, loc: tuple[Any, ...]) -> str:
        """'line 12': where a location is, to refer back to it in another message."""
        return f"line {self.line(loc)}"


_DATE_REPR = re.compile(r"^datetime\.date\((\d+), (\d+), (\d+)\)$")


def _loc_part(part: Any) -> str | int:
    """A location part as the YAML file spells it: pydantic writes date keys as their repr."""
    if isinstance(part, bool):
        return str(part).lower()
    if isinstance(part, int):
        return part
    if isinstance(part, date):
        return part.isoformat()
    text = str(part)
    match = _DATE_REPR.match(text)
    if match:
        year, month, day = (int(g) for g in match.groups())
        return date(year, month, day).isoformat()
    return text


def dotted_path(loc: tuple[Any, ...]) -> str:
    text = ""
    for raw in loc:
        part = _loc_part(raw)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _node_marks(
    node: yaml.Node, path: tuple[str | int, ...], out: dict, twice: list[tuple[str, int, int]]
) -> None:
    out[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                twice.append((key, seen[key], line))
            seen.setdefault(key, line)
            _node_marks(value_node, (*path, key), out, twice)
            out[(*path, key)] = (line, key_node.start_mark.column + 1)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _node_marks(item, (*path, index), out, twice)


def read_yaml(path: Path) -> YamlDocument:
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(name, "", "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(name, "", "is a folder, not a file; give a course file (.yaml)") from None
    except OSError as error:
        raise InputError(name, "", f"cannot be read ({error.strerror}); check the path") from None
    if b"\x00" in raw:
        raise InputError(name, "", "is a binary file, not YAML; give a course file (.yaml)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            name,
            f"byte {error.start}",
            "is not UTF-8 text (a spreadsheet or a file in another encoding?); save it as UTF-8",
        ) from None
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InputError(name, "", "is empty; start from a copy of data/courses/default.yaml")
    marks: dict[tuple[str | int, ...], tuple[int, int]] = {}
    twice: list[tuple[str, int, int]] = []
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            if node is not None:
                _node_marks(node, (), marks, twice)
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        place = ""
        if mark is not None:
            place = f"line {mark.line + 1}, column {mark.column + 1}"
            at = _path_at(marks, (mark.line + 1, mark.column + 1))
            if at:
                place += f" ({at})"
        problem = getattr(error, "problem", None) or str(error)
        if isinstance(error, _BadValue):
            raise InputError(name, place, problem) from None
        hint = _yaml_hint(problem)
        raise InputError(name, place, f"is not valid YAML: {problem}{hint}") from None
    except (RecursionError, ValueError, OverflowError, TypeError) as error:
        # PyYAML raises these on absurd input, e.g. nesting a thousand levels deep.
        raise InputError(
            name, "", f"is not valid YAML ({type(error).__name__}); check the file's structure"
        ) from None
    if twice:
        problems = [
            InputError(
                name,
                f"line {second}",
                f"key {key!r} appears twice in one mapping (first on line {first}); "
                "YAML would silently keep only the last one: keep one",
            )
            for key, first, second in twice
        ]
        raise InputError(
            problems[0].file, problems[0].place, problems[0].message, also=tuple(problems[1:])
        )
    return YamlDocument(path, data, marks)


class _BadValue(yaml.constructor.ConstructorError):
    """A value YAML reads but cannot be what it looks like, e.g. the date 2027-13-01."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:
        reason = str(error).rstrip(".")
        raise _BadValue(
            None,
            None,
            f"{node.value!r} is not a valid date ({reason}); write dates as YYYY-MM-DD, "
            "e.g. 2027-03-08",
            node.start_mark,
        ) from None


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, telling an impossible date with its place instead of failing."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def _path_at(marks: dict[tuple[str | int, ...], tuple[int, int]], mark: tuple[int, int]) -> str:
    """The key path of the key or value at a line and column: the nearest key to its left on
    the same line (marks hold where each key starts)."""
    line, column = mark
    paths = [
        (at[1], len(path), path)
        for path, at in marks.items()
        if path and at[0] == line and at[1] <= column
    ]
    return dotted_path(max(paths)[2]) if paths else ""


def _yaml_hint(problem: str) -> str:
    if "tab" in problem or "\\t" in problem:
        return "; indent with spaces, not tabs"
    if "mapping values are not allowed" in problem:
        return "; a value with ': ' in it needs quotes, or a key is indented wrongly"
    if "expected <block end>" in problem or "did not find expected" in problem:
        return "; check the indentation and the dashes of list items"
    return ""


# What a field should hold, by pydantic's error type, in words a course manager uses.
_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date like 2027-03-08",
    "date_parsing": "a date like 2027-03-08",
    "date_from_datetime_parsing": "a date like 2027-03-08",
    "date_from_datetime_inexact": "a date like 2027-03-08 (no time of day)",
    "list_type": "a list",
    "tuple_type": "a list",
    "dict_type": "a mapping (key: value lines)",
    "model_type": "a mapping of fields (key: value lines)",
    "model_attributes_type": "a mapping of fields (key: value lines)",
}

_LIMITS = {
    "greater_than": ("gt", "more than"),
    "greater_than_equal": ("ge", "at least"),
    "less_than": ("lt", "less than"),
    "less_than_equal": ("le", "at most"),
}


def _shown(value: Any) -> str:
    """A value as a message quotes it: short, and its kind when it is a structure."""
    if value is None:
        return "empty"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [str(_loc_part(p)) for p in loc if isinstance(_loc_part(p), str)]
    return f"'{names[-1]}'" if names else "the value"


def _unwrapped(kind: Any) -> Any:
    """The model or container inside Annotated[...] and `X | None`."""
    while True:
        origin = typing.get_origin(kind)
        if origin is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif origin in (typing.Union, types.UnionType):
            options = [a for a in typing.get_args(kind) if a is not type(None)]
            models = [a for a in options if isinstance(a, type) and issubclass(a, BaseModel)]
            kind = (models or options or [None])[0]
        else:
            return kind


def fields_at(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The field names of the model found at a location inside `model` (empty if none)."""
    kind = model
    for part in loc:
        kind = _unwrapped(kind)
        if isinstance(kind, type) and issubclass(kind, BaseModel):
            field = kind.model_fields.get(str(part)) if isinstance(part, str) else None
            if field is None:
                return []
            kind = field.annotation
        elif typing.get_origin(kind) in (tuple, list) and typing.get_args(kind):
            kind = typing.get_args(kind)[0]
        elif typing.get_origin(kind) is dict and len(typing.get_args(kind)) == 2:
            kind = typing.get_args(kind)[1]
        else:
            return []
    kind = _unwrapped(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return list(kind.model_fields)
    return []


def _validation_message(
    item: Any, loc: tuple[Any, ...], model: type[BaseModel] | None = None
) -> str:
    kind, field = item["type"], _field_name(loc)
    # Participants are health-care clients: never echo what their entries hold.
    private = bool(loc) and loc[0] == "participants"
    got = "" if private or "input" not in item else f", not {_shown(item['input'])}"
    if kind == "extra_forbidden":
        known = fields_at(model, tuple(item["loc"])[:-1]) if model is not None else []
        near = difflib.get_close_matches(str(item["loc"][-1]), known, n=1, cutoff=0.6)
        hint = f"did you mean '{near[0]}'? " if near else ""
        listed = f"the fields here are {', '.join(known)}" if known else "remove it"
        return f"unknown field {field}; {hint}{listed}"
    if kind == "missing":
        return f"field {field} is missing; add it"
    if kind in _EXPECTED:
        return f"{field} should be {_EXPECTED[kind]}{got}"
    if kind in _LIMITS:
        key, words = _LIMITS[kind]
        limit = (item.get("ctx") or {}).get(key)
        return f"{field} must be {words} {limit}{got}"
    message = str(item["msg"]).removeprefix("Value error, ")
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(item["ctx"]["expected_tags"]).split(",")]
        key, tag = str(item["ctx"]["discriminator"]).strip("'"), str(item["ctx"]["tag"])
        near = difflib.get_close_matches(tag, tags, n=1, cutoff=0.5)
        hint = f"did you mean '{near[0]}'? " if near else ""
        return f"{field}: {key} '{tag}' is not known; {hint}the {key}s are {', '.join(tags)}"
    if kind == "union_tag_not_found":
        key = str(item["ctx"]["discriminator"]).strip("'")
        return f"{field} says no {key}; add '{key}:' saying what it is"
    if kind in ("literal_error", "enum"):
        return f"{field} {message.replace('Input should be', 'should be')}{got}"
    return f"{field}: {message}"


MAX_PROBLEMS = 20

# A check over several fields (a model validator) names no field; by the words of its message,
# the field a person should look at, and what would fix it.
_FIELD_OF_MESSAGE = {
    "lunch window": ("lunch", "window"),
    "lunch of": ("lunch", "minutes"),
    "language must be": ("language",),
}
_FIX_OF_CHECK = {
    ("lunch", "window"): "move the lunch window inside course.day_window",
    ("lunch", "minutes"): "shorten the lunch or widen its window",
    ("language",): "write fi or en",
}


def _field_of_check(item: Any) -> tuple[str, ...]:
    if item.get("type") != "value_error":
        return ()
    message = str(item.get("msg", "")).removeprefix("Value error, ")
    for start, field in _FIELD_OF_MESSAGE.items():
        if message.startswith(start):
            return field
    return ()


def explain_validation(
    doc: SourceDocument,
    error: ValidationError,
    prefix: tuple[Any, ...] = (),
    model: type[BaseModel] | None = None,
) -> InputError:
    """Pydantic's errors as one InputError (further ones in `also`) naming the YAML lines.

    `model` is the model validated at `prefix`: it gives the valid names for a misspelt field.
    """
    problems = []
    for item in error.errors()[:MAX_PROBLEMS]:
        field = _field_of_check(item)
        loc = (*prefix, *item["loc"], *field)
        if field:
            message = str(item["msg"]).removeprefix("Value error, ") + f"; {_FIX_OF_CHECK[field]}"
        else:
            message = _validation_message(item, loc, model)
        problems.append(InputError(str(doc.path), doc.place(loc), message))
    return combine(problems)


def combine(problems: list[InputError]) -> InputError:
    """Several problems as one error to raise: the first, with the others in `also`."""
    flat = [single for problem in problems for single in problem.problems]
    first = flat[0]
    rest = tuple(replace(p, also=()) for p in flat[1:])
    return InputError(first.file, first.place, first.message, first.rule, rest)


_PLAIN_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def known_standards(directory: Path = STANDARDS_DIR) -> list[str]:
    return sorted(p.stem for p in directory.glob("*.yaml"))


def load_standard(standard_id: str, directory: Path = STANDARDS_DIR) -> Standard:
    path = directory / f"{standard_id}.yaml"
    if not _PLAIN_NAME.match(standard_id) or not path.is_file():
        known = known_standards(directory)
        near = difflib.get_close_matches(standard_id, known, n=1)
        hint = f"did you mean {near[0]!r}? " if near else ""
        raise InputError(
            str(path), "", f"no standard {standard_id!r}; {hint}known standards: {', '.join(known)}"
        )
    doc = read_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError(str(path), "line 1", "a standard file must be a mapping of fields")
    try:
        standard = Standard.model_validate(doc.data)
    except ValidationError as error:
        raise explain_validation(doc, error, (), Standard) from None
    from scheduler.validate import validate_standard

    validate_standard(standard, doc, standard_id)
    return standard


Located = tuple[Any, tuple[str | int, ...]]


def _participants(section: Any, standard: Standard, doc: SourceDocument) -> list[Located]:
    """`participants` is a count, a list, or {count, list} with attributes for some ids.

    Each participant comes with where it stands in the file (its list entry, else the count).
    """
    name = str(doc.path)
    here: tuple[str | int, ...] = ("participants",)
    if section is None:
        section = {"count": standard.participants}
    if isinstance(section, int) and not isinstance(section, bool):
        section = {"count": section}
    if isinstance(section, list):
        return [(item, (*here, index)) for index, item in enumerate(section)]
    if not isinstance(section, dict):
        raise InputError(
            name,
            doc.place(here),
            f"'participants' should be a count (e.g. 10), a list of participants, or "
            f"a mapping with 'count' and 'list', not {_shown(section)}",
        )
    unknown = [key for key in section if key not in ("count", "list")]
    if unknown:
        raise InputError(
            name,
            doc.place((*here, unknown[0])),
            f"unknown field {str(unknown[0])!r} under participants; the fields are count and list",
        )
    listed = section.get("list") or []
    if not isinstance(listed, list):
        raise InputError(
            name, doc.place((*here, "list")), "'participants.list' should be a list of entries"
        )
    count = section.get("count", len(listed) or standard.participants)
    if not isinstance(count, int) or isinstance(count, bool) or count < 0 or count > 999:
        raise InputError(
            name,
            doc.place((*here, "count")),
            f"'participants.count' should be a whole number of participants "
            f"(the standard has {standard.participants}) (R1)",
        )
    by_id: dict[str, Located] = {}
    for index, item in enumerate(listed):
        loc = (*here, "list", index)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise InputError(
                name,
                doc.place(loc),
                "each listed participant needs an 'id' like K03 (a pseudonym, never a name)",
            )
        if item["id"] in by_id:
            first_at = doc.where(by_id[item["id"]][1])
            raise InputError(
                name,
                doc.place((*loc, "id")),
                f"participant id {item['id']!r} appears twice (first on {first_at}); "
                "ids must be unique",
            )
        by_id[item["id"]] = (item, loc)
    generated = [
        by_id.pop(f"K{n:02d}", ({"id": f"K{n:02d}"}, (*here, "count"))) for n in range(1, count + 1)
    ]
    return generated + list(by_id.values())


COURSE_SECTIONS = ("course", "staff", "participants", "rooms", "programme", "preferences")


def course_from_data(data: Any, doc: SourceDocument, standards_dir: Path = STANDARDS_DIR) -> Course:
    """The course a parsed course file describes, checked against its standard.

    Raises InputError (with every problem found) for anything a person must fix; issues a
    CourseWarning (warnings.warn) for what is allowed but worth a look.
    """
    from scheduler.validate import duplicate_ids, validate_course

    name = str(doc.path)
    if not isinstance(data, dict):
        raise InputError(
            name,
            "line 1",
            f"a course file must be a mapping of sections ({', '.join(COURSE_SECTIONS)}), "
            f"not {_shown(data)}; start from data/courses/default.yaml",
        )
    unknown = [key for key in data if key not in COURSE_SECTIONS]
    if unknown:
        problems: list[InputError] = []
        for key in unknown:
            near = difflib.get_close_matches(str(key), COURSE_SECTIONS, n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            problems.append(
                InputError(
                    name,
                    doc.place((key,)),
                    f"unknown section {str(key)!r}; {hint}the sections are "
                    f"{', '.join(COURSE_SECTIONS)}",
                )
            )
        raise combine(problems)
    if "course" not in data:
        raise InputError(
            name,
            "line 1",
            "the 'course' section is missing; it gives the title, standard, first_day, "
            "day_window and lunch",
        )
    if not isinstance(data["course"], dict):
        raise InputError(
            name,
            doc.place(("course",)),
            f"the 'course' section should be a mapping of fields, not {_shown(data['course'])}",
        )
    standard_id = data["course"].get("standard")
    if not isinstance(standard_id, str) or not standard_id.strip():
        raise InputError(
            name,
            doc.place(("course", "standard")),
            "course.standard must name a standard, e.g. kela-reuma-2017 "
            f"(known: {', '.join(known_standards(standards_dir))})",
        )
    if not (_PLAIN_NAME.match(standard_id) and (standards_dir / f"{standard_id}.yaml").is_file()):
        known = known_standards(standards_dir)
        near = difflib.get_close_matches(standard_id, known, n=1)
        hint = f"did you mean {near[0]!r}? " if near else ""
        raise InputError(
            name,
            doc.place(("course", "standard")),
            f"no standard {standard_id!r}; {hint}known standards: {', '.join(known)}",
        )
    standard = load_standard(standard_id, standards_dir)

    problems = []

    def single(key: str, model: type[BaseModel], default: Any) -> Any:
        value = data.get(key)
        if value is None:
            value = default
        try:
            return model.model_validate(value)
        except ValidationError as error:
            problems.append(explain_validation(doc, error, (key,), model))
            return None

    def indexed(key: str, model: type[BaseModel], items: list[Located]) -> list[tuple[Any, tuple]]:
        result = []
        for item, loc in items:
            try:
                result.append((model.model_validate(item), loc))
            except ValidationError as error:
                problems.append(explain_validation(doc, error, loc, model))
        return result

    def listed(key: str) -> list[Located]:
        value = data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            problems.append(
                InputError(
                    name,
                    doc.place((key,)),
                    f"'{key}' should be a list of entries (lines starting with '- '), "
                    f"not {_shown(value)}",
                )
            )
            return []
        return [(item, (key, index)) for index, item in enumerate(value)]

    info = single("course", CourseInfo, {})
    staff = indexed("staff", StaffMember, listed("staff"))
    try:
        participant_items = _participants(data.get("participants"), standard, doc)
    except InputError as error:
        problems.append(error)
        participant_items = []
    participants = indexed("participants", Participant, participant_items)
    rooms = indexed("rooms", Room, listed("rooms"))
    programme = indexed("programme", SessionSpec, listed("programme"))
    preferences = single("preferences", Preferences, {})
    if problems:
        raise combine(problems)
    duplicates = duplicate_ids(doc, standard, staff, participants, rooms, programme)
    if duplicates:
        raise combine(duplicates)
    try:
        course = Course(
            standard=standard,
            info=info,
            staff=tuple(item for item, _ in staff),
            participants=tuple(item for item, _ in participants),
            rooms=tuple(item for item, _ in rooms),
            programme=tuple(item for item, _ in programme),
            preferences=preferences,
        )
    except ValidationError as error:
        raise explain_validation(doc, error) from None
    participant_locs = {item.id: loc for item, loc in participants}
    for warning in validate_course(course, doc, participant_locs):
        warnings.warn(warning, stacklevel=2)
    return course


def load_course(path: Path | str = DEFAULT_COURSE, standards_dir: Path = STANDARDS_DIR) -> Course:
    """A course file (YAML, or an Excel form: .xlsx) as a Course; InputError for anything to
    fix, CourseWarning for the rest."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from scheduler.excel_input import read_course_form

        doc: SourceDocument = read_course_form(path)
    else:
        doc = read_yaml(path)
    return course_from_data(doc.data, doc, standards_dir)


def file_sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def load_timetable(path: Path | str) -> Timetable:
    path = Path(path)
    name = str(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(name, "", "no such file; check the path") from None
    except UnicodeDecodeError:
        raise InputError(name, "", "is not UTF-8 text; a timetable is JSON") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise InputError(
            name, f"line {error.lineno}, column {error.colno}", f"is not valid JSON: {error.msg}"
        ) from None
    try:
        return Timetable.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        raise InputError(
            name, dotted_path(tuple(first["loc"])), first["msg"].removeprefix("Value error, ")
        ) from None
