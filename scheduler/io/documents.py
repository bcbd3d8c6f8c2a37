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
from typing import Any, Protocol, Self

import yaml
from pydantic import BaseModel, ValidationError

from models.base import Problem
from scheduler.errors import InputError, combine
from scheduler.io.files import os_reason
from scheduler.words import reader, say, validation_words


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
        """'rivi 12, sarake 5 (staff[2].role)' for the deepest known part of a location."""
        dotted = dotted_path(loc)
        mark = self.mark(loc)
        if mark:
            return place_at(mark[0], mark[1], dotted) if dotted else say("place_line", line=mark[0])
        return dotted

    def line(self, loc: tuple[Any, ...]) -> int:
        """The line of a location (0 when unknown), for sorting messages in file order."""
        mark = self.mark(loc)
        return mark[0] if mark else 0

    def where(self, loc: tuple[Any, ...]) -> str:
        """'rivi 12': where a location is, to refer back to it in another message."""
        return say("place_line", line=self.line(loc))


def place_at(line: int, column: int, dotted: str = "") -> str:
    """'rivi 12, sarake 5 (staff[2].role)', 'line 12, column 5': a place in a text file."""
    place = say("place_line_column", line=line, column=column)
    return f"{place} ({dotted})" if dotted else place


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
    """The bytes of an input file, refused (InputError) when larger than `limit` bytes.

    `what` is the key of the label naming what the file should be ('file_course')."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InputError(name, "", say("doc_no_file")) from None
    except IsADirectoryError:
        raise InputError(name, "", say("doc_folder", what=say(what))) from None
    except OSError as error:
        raise InputError(name, "", say("doc_unreadable", reason=os_reason(error))) from None
    if len(raw) > limit:
        raise InputError(name, "", say("doc_too_large", kb=limit // 1000, what=say(what)))
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
    raw = read_limited(path, MAX_FILE_BYTES, "file_yaml")
    if b"\x00" in raw:
        raise InputError(name, "", say("doc_binary"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(name, say("place_byte", byte=error.start), say("doc_not_utf8")) from None
    if not text.strip() or all(
        not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
    ):
        raise InputError(name, "", say("doc_empty"))
    marks: dict[tuple[str | int, ...], tuple[int, int]] = {}
    twice: list[tuple[str, int, int]] = []
    try:
        loader = _Loader(text)
        try:
            node = loader.get_single_node()
            size, depth = _expanded_size(node, {}) if node is not None else (0, 0)
            if size > MAX_NODES or depth > MAX_DEPTH:
                raise InputError(
                    name, "", say("doc_expands", thousands=MAX_NODES // 1000, depth=MAX_DEPTH)
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
            at = _path_at(marks, (mark.line + 1, mark.column + 1))
            place = place_at(mark.line + 1, mark.column + 1, at)
        problem = getattr(error, "problem", None) or str(error)
        if isinstance(error, _BadValue | _TooDeep):
            raise InputError(name, place, say(error.key, **error.values)) from None
        raise InputError(name, place, yaml_problem(problem)) from None
    except (RecursionError, ValueError, OverflowError, TypeError) as error:
        # PyYAML raises these on absurd input, e.g. nesting a thousand levels deep.
        raise InputError(name, "", say("doc_yaml_broken", kind=type(error).__name__)) from None
    if twice:
        problems = [
            InputError(
                name,
                say("place_line", line=second),
                say("doc_key_twice", key=repr(key), first=say("place_line", line=first)),
            )
            for key, first, second in twice
        ]
        raise InputError(
            problems[0].file, problems[0].place, problems[0].message, also=tuple(problems[1:])
        )
    document = YamlDocument(path, data, marks)
    check_text(document)
    return document


class _Told:
    """A YAML error of ours: the label that words it and its values."""

    key: str = ""
    values: dict[str, Any] = {}  # noqa: RUF012 (set per instance)

    def telling(self, key: str, **values: Any) -> Self:
        self.key, self.values = key, values
        return self


class _BadValue(_Told, yaml.constructor.ConstructorError):
    """A value YAML reads but cannot be what it looks like, e.g. the date 2027-13-01."""


class _TooDeep(_Told, yaml.composer.ComposerError):
    """Lists and mappings nested deeper than any course file needs (MAX_DEPTH)."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as error:
        raise _BadValue(None, None, str(error), node.start_mark).telling(
            "doc_bad_date", value=repr(node.value), reason=str(error).rstrip(".")
        ) from None


class _Loader(yaml.SafeLoader):
    """YAML's safe loader, telling an impossible date with its place instead of failing, and
    refusing nesting deeper than MAX_DEPTH before Python's own recursion limit is reached."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _TooDeep(None, None, "too deep", self.peek_event().start_mark).telling(
                    "doc_too_deep", depth=MAX_DEPTH
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


# PyYAML's usual complaints, by words of its message, as the label that explains them.
_YAML_PROBLEMS = (
    (("tab", "\\t"), "yaml_tabs"),
    (("mapping values are not allowed",), "yaml_colon"),
    (("expected <block end>", "did not find expected"), "yaml_indent"),
    (("found unexpected end of stream", "while scanning a quoted scalar"), "yaml_quote"),
    (("found undefined alias",), "yaml_alias"),
    (("expected ',' or ']'", "expected ',' or '}'"), "yaml_brackets"),
    (("but found another document",), "yaml_documents"),
)


def yaml_problem(problem: str) -> str:
    """PyYAML's complaint as a message: in the reader's words when it is a usual one (its own
    words kept in English, where they are the parser's)."""
    for words, key in _YAML_PROBLEMS:
        if any(word in problem for word in words):
            return say("doc_not_yaml", problem=problem, hint=say(key))
    return say("doc_not_yaml_other", problem=problem)


# What a field should hold, by pydantic's error type: the label that says it.
_EXPECTED = {
    "int_type": "expect_whole",
    "int_parsing": "expect_whole",
    "int_from_float": "expect_whole",
    "float_type": "expect_number",
    "float_parsing": "expect_number",
    "finite_number": "expect_finite",
    "string_type": "expect_text",
    "bool_type": "expect_bool",
    "bool_parsing": "expect_bool",
    "date_type": "expect_date",
    "date_parsing": "expect_date",
    "date_from_datetime_parsing": "expect_date",
    "date_from_datetime_inexact": "expect_date_only",
    "list_type": "expect_list",
    "tuple_type": "expect_list",
    "dict_type": "expect_mapping",
    "model_type": "expect_fields",
    "model_attributes_type": "expect_fields",
}

_LIMITS = {
    "greater_than": ("gt", "limit_gt"),
    "greater_than_equal": ("ge", "limit_ge"),
    "less_than": ("lt", "limit_lt"),
    "less_than_equal": ("le", "limit_le"),
}


def shown(value: Any) -> str:
    """A value as a message quotes it: short, and its kind when it is a structure."""
    if value is None:
        return say("shown_empty")
    if isinstance(value, dict):
        return say("shown_mapping")
    if isinstance(value, list | tuple):
        return say("shown_list")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _field_name(loc: tuple[Any, ...]) -> str:
    names = [str(loc_part(p)) for p in loc if isinstance(loc_part(p), str)]
    return f"'{names[-1]}'" if names else say("field_the_value")


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


def did_you_mean(near: list[str]) -> str:
    """ "did you mean 'x'? " ("tarkoititko 'x'? "), or nothing when there is no near name."""
    if not near:
        return ""
    options = [repr(n) for n in near]
    if len(options) == 1:
        return say("did_you_mean", names=options[0])
    listed = f"{', '.join(options[:-1])} {say('word_or')} {options[-1]}"
    return say("did_you_mean", names=listed)


def pydantic_message(item: Any, private: bool = False) -> str:
    """What pydantic says of a value, in the reader's words where we have them (never quoting
    the value when it is `private`: a participant's)."""
    return validation_words(item, reader(), private)


def _validation_message(
    item: Any, loc: tuple[Any, ...], model: type[BaseModel] | None = None
) -> str:
    kind, field = item["type"], _field_name(loc)
    # Participants are health-care clients: never echo what their entries hold.
    private = bool(loc) and loc[0] == "participants"
    got = "" if private or "input" not in item else say("got", value=shown(item["input"]))
    if kind == "extra_forbidden":
        known = fields_at(model, tuple(item["loc"])[:-1]) if model is not None else []
        hint = did_you_mean(difflib.get_close_matches(str(item["loc"][-1]), known, n=1, cutoff=0.6))
        if known:
            return say("field_unknown", field=field, hint=hint, fields=", ".join(known))
        return say("field_unknown_remove", field=field, hint=hint)
    if kind == "missing":
        return say("field_missing", field=field)
    if kind in _EXPECTED:
        return say("field_expected", field=field, expected=say(_EXPECTED[kind]), got=got)
    if kind in _LIMITS:
        key, words = _LIMITS[kind]
        limit = (item.get("ctx") or {}).get(key)
        if isinstance(limit, date):
            size = "field_too_late" if key in ("lt", "le") else "field_too_early"
        else:
            size = "field_too_large" if key in ("lt", "le") else "field_too_small"
        return say(size, field=field, bound=say(words, limit=limit), got=got)
    if kind == "too_long":
        limit = (item.get("ctx") or {}).get("max_length")
        return say("field_too_many", field=field, limit=limit)
    if kind == "too_short":
        return say("field_empty", field=field)
    if kind == "string_too_long":
        limit = (item.get("ctx") or {}).get("max_length")
        return say("field_text_too_long", field=field, limit=limit)
    if kind == "string_pattern_mismatch":
        return say("field_plain_word", field=field, got=got)
    if kind == "union_tag_invalid":
        tags = [t.strip(" '") for t in str(item["ctx"]["expected_tags"]).split(",")]
        key, tag = str(item["ctx"]["discriminator"]).strip("'"), str(item["ctx"]["tag"])
        hint = did_you_mean(difflib.get_close_matches(tag, tags, n=1, cutoff=0.5))
        return say(
            "field_tag_unknown", field=field, key=key, tag=tag, hint=hint, tags=", ".join(tags)
        )
    if kind == "union_tag_not_found":
        key = str(item["ctx"]["discriminator"]).strip("'")
        return say("field_tag_missing", field=field, key=key)
    if kind in ("literal_error", "enum"):
        expected = str((item.get("ctx") or {}).get("expected", ""))
        options = expected.replace(" or ", ", ")
        return say("field_one_of", field=field, options=options, got=got)
    message = pydantic_message(item, private)
    if private:  # pydantic's own words may quote what a participant's entry holds
        message = re.sub(r",? got .*$", "", message, flags=re.DOTALL)
    return say("field_message", field=field, message=message)


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
        return say("text_control", code=f"U+{ord(found.group()):04X}")
    if len(text) > MAX_TEXT:
        return say(
            "text_too_long",
            length=f"{len(text):,}".replace(",", " "),
            most=f"{MAX_TEXT:,}".replace(",", " "),
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
                    say("text_nested", depth=MAX_DEPTH),
                )
            )
            continue
        if isinstance(value, str):
            problem = text_problem(value)
            if problem:
                problems.append(
                    InputError(str(doc.path), doc.place(loc), say("text_the_text", problem=problem))
                )
        elif isinstance(value, dict):
            for key, item in reversed(value.items()):
                problem = text_problem(key) if isinstance(key, str) else None
                if problem:  # placed at its mapping: a key's place would quote the key
                    problems.append(
                        InputError(
                            str(doc.path), doc.place(loc), say("text_a_key", problem=problem)
                        )
                    )
                else:
                    stack.append((item, (*loc, key)))
        elif isinstance(value, list | tuple):
            stack.extend((item, (*loc, index)) for index, item in reversed(list(enumerate(value))))
    if problems:
        raise combine(problems)


# A check over several fields (a model validator) names no field; by its key, the field a person
# should look at, and the label of what would fix it.
_FIELD_OF_CHECK = {
    "lunch_window": (("lunch", "window"), "fix_lunch_window"),
    "lunch_minutes": (("lunch", "minutes"), "fix_lunch_minutes"),
    "language": (("language",), "fix_language"),
    "days_from_first_day": (("days",), "fix_days"),
    "bookings": (("sessions",), "fix_right_file"),
}


def _field_of_check(item: Any) -> tuple[tuple[str, ...], str]:
    error = (item.get("ctx") or {}).get("error") if item.get("type") == "value_error" else None
    if isinstance(error, Problem) and error.key in _FIELD_OF_CHECK:
        return _FIELD_OF_CHECK[error.key]
    return (), ""


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
        field, fix = _field_of_check(item)
        loc = (*prefix, *item["loc"], *field)
        if field:
            message = f"{pydantic_message(item)}; {say(fix)}"
        else:
            message = _validation_message(item, loc, model)
        problems.append(InputError(str(doc.path), doc.place(loc), message))
    return combine(problems)
