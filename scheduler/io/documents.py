"""Parsed input files that can say where each value stands: YAML with line and column marks,
and the words for pydantic's validation errors, so every message names the file and the place.

Every failure is an `InputError` that names the file, the place and what would fix it.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ValidationError

from scheduler.errors import InputError, combine


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
        parts = tuple(loc_part(part) for part in loc)
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


def loc_part(part: Any) -> str | int:
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
        part = loc_part(raw)
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# Bounds on an input file: far beyond any course, plan or change file, and low enough that no
# file can make the reader hang or fill the memory (a YAML alias "bomb" repeats one part
# billions of times in a few lines).
MAX_FILE_BYTES = 512_000  # the example files are under 10 KB; PyYAML reads some 100 KB a second
MAX_DEPTH = 32
MAX_NODES = 200_000
MAX_TEXT = 1000  # characters in one text (a name, a title, an id)


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of an input file, refused (InputError) when larger than `limit` bytes."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(name, "", "no such file; check the path") from None
    except IsADirectoryError:
        raise InputError(name, "", f"is a folder, not a file; give {what}") from None
    except OSError as error:
        raise InputError(name, "", f"cannot be read ({error.strerror}); check the path") from None
    if len(raw) > limit:
        raise InputError(
            name,
            "",
            f"is larger than {limit // 1000} KB, far larger than {what} ever is; "
            "check that it is the right file",
        )
    return raw


def _expanded_size(node: yaml.Node, known: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """How many nodes the document has, and how deep it nests, once every alias is written
    out; computed once per node, without writing anything out. An alias inside its own
    anchor (a document without end) counts as too big."""
    found = known.get(id(node))
    if found is not None:
        return found
    known[id(node)] = (MAX_NODES + 1, MAX_DEPTH + 1)  # reached again while in progress
    children: list[yaml.Node] = []
    if isinstance(node, yaml.MappingNode):
        children = [part for pair in node.value for part in pair]
    elif isinstance(node, yaml.SequenceNode):
        children = list(node.value)
    measured = [_expanded_size(child, known) for child in children]
    size = 1 + sum(size for size, _ in measured)
    depth = 1 + max((depth for _, depth in measured), default=0)
    known[id(node)] = (min(size, MAX_NODES + 1), min(depth, MAX_DEPTH + 1))
    return known[id(node)]


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
    """A YAML file with the place of each value; InputError for anything unreadable, too big
    or too deep, and for text no output may hold (see `check_text`)."""
    name = str(path)
    raw = read_limited(path, MAX_FILE_BYTES, "a course file (.yaml)")
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
            size, depth = _expanded_size(node, {}) if node is not None else (0, 0)
            if size > MAX_NODES or depth > MAX_DEPTH:
                raise InputError(
                    name,
                    "",
                    f"holds more than {MAX_NODES // 1000} thousand values, or nests more than "
                    f"{MAX_DEPTH} levels deep, once its aliases (*name) are written out; a "
                    "course file holds a few thousand: write the values out, or check that it "
                    "is the right file",
                )
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
        if isinstance(error, _BadValue | _TooDeep):
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
    document = YamlDocument(path, data, marks)
    check_text(document)
    return document


class _BadValue(yaml.constructor.ConstructorError):
    """A value YAML reads but cannot be what it looks like, e.g. the date 2027-13-01."""


class _TooDeep(yaml.composer.ComposerError):
    """Lists and mappings nested deeper than any course file needs (MAX_DEPTH)."""


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
    """YAML's safe loader, telling an impossible date with its place instead of failing, and
    refusing nesting deeper than MAX_DEPTH before Python's own recursion limit is reached."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(
                    None,
                    None,
                    f"lists and mappings are nested more than {MAX_DEPTH} levels deep; a course "
                    "file needs a few: check the brackets and the indentation",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


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


def shown(value: Any) -> str:
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
    names = [str(loc_part(p)) for p in loc if isinstance(loc_part(p), str)]
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
    got = "" if private or "input" not in item else f", not {shown(item['input'])}"
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
        if isinstance(limit, date):
            size = "too late" if key in ("lt", "le") else "too early"
        else:
            size = "too large" if key in ("lt", "le") else "too small"
        return f"{field} is {size}: it must be {words} {limit}{got}; check the value"
    if kind == "too_long":
        limit = (item.get("ctx") or {}).get("max_length")
        return f"{field} holds more than {limit} entries; far more than a course has"
    if kind == "too_short":
        return f"{field} is empty; it needs at least one entry"
    if kind == "string_too_long":
        limit = (item.get("ctx") or {}).get("max_length")
        return f"{field} is longer than {limit} characters; shorten it"
    if kind == "string_pattern_mismatch":
        return (
            f"{field} should be one plain word of letters a-z, digits, '_', '-' or '.' "
            f"(it names files and sheets), e.g. pt1{got}"
        )
    message = str(item["msg"]).removeprefix("Value error, ")
    if private:  # a check's own words may quote what a participant's entry holds
        message = re.sub(r",? got .*$", "", message, flags=re.DOTALL)
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

# Characters no workbook cell (XML 1.0) or calendar line (RFC 5545 TEXT) may hold: control
# characters other than tab and line breaks, lone surrogates (which no UTF-8 file can hold)
# and the non-characters U+FFFE and U+FFFF.
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def text_problem(text: str) -> str | None:
    """What is wrong with a text from a file, in words for a message; None when it is fine.

    Never quotes the text: it may be a participant's."""
    found = _UNWRITABLE.search(text)
    if found:
        return (
            f"holds a control character (U+{ord(found.group()):04X}) that no workbook or "
            "calendar can hold; retype the text without it"
        )
    if len(text) > MAX_TEXT:
        return f"is {len(text):,} characters long; a text here is at most {MAX_TEXT:,}".replace(
            ",", " "
        )
    return None


def check_text(doc: SourceDocument) -> None:
    """Every text of a document (keys too) fits a workbook cell and a calendar line, and the
    nesting is no deeper than MAX_DEPTH; InputError naming the place of each problem.

    A file's text is always written as text (never a formula) and escaped in calendars; this
    refuses only what no output format can hold at all.
    """
    problems: list[InputError] = []
    stack: list[tuple[Any, tuple[Any, ...]]] = [(doc.data, ())]
    while stack and len(problems) < MAX_PROBLEMS:
        value, loc = stack.pop()
        if len(loc) > MAX_DEPTH:
            problems.append(
                InputError(
                    str(doc.path),
                    doc.place(loc),
                    f"is nested more than {MAX_DEPTH} levels deep; check the structure",
                )
            )
            continue
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                problems.append(InputError(str(doc.path), doc.place(loc), f"the text {problem}"))
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:  # placed at its mapping: a key's place would quote the key
                    problems.append(InputError(str(doc.path), doc.place(loc), f"a key {problem}"))
                else:
                    stack.append((item, (*loc, key)))
        elif isinstance(value, list | tuple):
            stack.extend((item, (*loc, index)) for index, item in reversed(list(enumerate(value))))
    if problems:
        raise combine(problems)


# A check over several fields (a model validator) names no field; by the words of its message,
# the field a person should look at, and what would fix it.
_FIELD_OF_MESSAGE = {
    "lunch window": ("lunch", "window"),
    "lunch of": ("lunch", "minutes"),
    "language must be": ("language",),
    "the course days must": ("days",),
    "the sessions list": ("sessions",),
}
_FIX_OF_CHECK = {
    ("lunch", "window"): "move the lunch window inside course.day_window",
    ("lunch", "minutes"): "shorten the lunch or widen its window",
    ("language",): "write fi or en",
    ("days",): "list the course's days from its first day on",
    ("sessions",): "check that it is the right file",
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
    items = error.errors()
    # A list left empty by its own bad entries is not also "empty": those entries are told.
    items = [
        item
        for item in items
        if item["type"] != "too_short"
        or not any(
            len(other["loc"]) > len(item["loc"])
            and tuple(other["loc"][: len(item["loc"])]) == tuple(item["loc"])
            for other in items
        )
    ]
    for item in items[:MAX_PROBLEMS]:
        field = _field_of_check(item)
        loc = (*prefix, *item["loc"], *field)
        if field:
            message = str(item["msg"]).removeprefix("Value error, ") + f"; {_FIX_OF_CHECK[field]}"
        else:
            message = _validation_message(item, loc, model)
        problems.append(InputError(str(doc.path), doc.place(loc), message))
    return combine(problems)
