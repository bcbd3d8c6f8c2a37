"""The folder the web page works on: course files at the top (YAML or the Excel course form),
each course's timetables as numbered versions in `timetables/<course>/` (JSON + workbook pairs,
written by services.outputs.write_outputs, never over an older version).

Names come from the folder or from the page: every path is checked to stay inside the folder.
"""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from models.base import day_dates
from models.course import Course
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.courses import course_from_data, file_sha256, load_course
from scheduler.io.documents import YamlDocument, read_yaml
from scheduler.io.excel_form import read_course_form, write_course_form
from scheduler.io.timetables import load_timetable
from scheduler.services.outputs import write_outputs
from scheduler.words import say

COURSE_SUFFIXES = (".yaml", ".yml", ".xlsx")
TIMETABLES = "timetables"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,80}$")
_VERSION = re.compile(r"^(?P<course>.+)-v(?P<number>\d{1,5})$")


def safe_name(name: str) -> str:
    """A course or version name from the page: letters, digits, '_', '.', '-' only (no path)."""
    if not _NAME.match(name) or ".." in name:
        raise InputError(say("web_field_name"), name, say("web_err_name_letters"))
    return name


@dataclass(frozen=True)
class Version:
    """One timetable of a course: its number, files and what the JSON says of it."""

    number: int
    name: str  # <course>-v<number>
    json_path: Path
    xlsx_path: Path | None
    written: datetime
    timetable: Timetable | None  # None when the file cannot be read
    problem: str = ""

    @property
    def locked(self) -> int:
        return sum(1 for s in self.timetable.sessions if s.locked) if self.timetable else 0


@dataclass(frozen=True)
class CourseEntry:
    name: str
    path: Path

    @property
    def excel(self) -> bool:
        return self.path.suffix.lower() == ".xlsx"


class Workspace:
    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    # -- courses -----------------------------------------------------------------------

    def courses(self) -> list[CourseEntry]:
        found: dict[str, CourseEntry] = {}
        for path in sorted(self.root.iterdir()):
            if path.is_file() and path.suffix.lower() in COURSE_SUFFIXES and _NAME.match(path.stem):
                if path.name.startswith("."):
                    continue
                found.setdefault(path.stem, CourseEntry(path.stem, path))
        return list(found.values())

    def course(self, name: str) -> CourseEntry:
        safe_name(name)
        for entry in self.courses():
            if entry.name == name:
                return entry
        raise InputError(say("web_field_course"), name, say("web_err_no_course"))

    def load(self, name: str) -> Course:
        return load_course(self.course(name).path)

    def data(self, name: str) -> dict[str, Any]:
        """The course file's content as plain data (what the page edits)."""
        path = self.course(name).path
        doc = read_course_form(path) if path.suffix.lower() == ".xlsx" else read_yaml(path)
        data = doc.data
        if not isinstance(data, dict):
            raise InputError(path.name, "", say("web_err_no_course_in_file"))
        return data

    def validate(self, name: str, data: dict[str, Any]) -> Course:
        """The course the data would be, by the CLI's own validation (InputError if not)."""
        # No line marks: the page names fields by their path (staff[2].role), not by lines.
        return course_from_data(
            data, YamlDocument(path=self.root / f"{name}.yaml", data=data, marks={})
        )

    def save(self, name: str, data: dict[str, Any]) -> Course:
        """Validates the data and writes it over the course file in one step (YAML, or the
        Excel form when the course is one); InputError and nothing written if it is not valid."""
        course = self.validate(name, data)
        path = self.course(name).path
        if path.suffix.lower() == ".xlsx":
            days = day_dates(course.info.first_day, len(course.days))
            _replace_atomic(path, lambda p: write_course_form(data, days, p))
        else:
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
            _replace_atomic(path, lambda p: p.write_text(text, encoding="utf-8"))
        return course

    def add_file(self, filename: str, content: bytes) -> CourseEntry:
        """An uploaded course file (Excel form or YAML), checked before it is kept."""
        path = Path(filename)
        suffix = path.suffix.lower()
        if suffix not in COURSE_SUFFIXES:
            raise InputError(filename, "", say("web_err_upload_kind"))
        stem = re.sub(r"[^A-Za-z0-9_.-]", "-", path.stem).strip("-.") or "kurssi"
        target = _free(self.root, stem[:60], suffix)
        handle, temporary = tempfile.mkstemp(dir=self.root, prefix=".upload-", suffix=suffix)
        os.close(handle)
        try:
            Path(temporary).write_bytes(content)
            load_course(Path(temporary))  # InputError says where, with the uploaded name
            os.link(temporary, target)
        except InputError as error:
            raise _renamed(error, Path(temporary).name, filename) from None
        finally:
            Path(temporary).unlink(missing_ok=True)
        return CourseEntry(target.stem, target)

    # -- versions ----------------------------------------------------------------------

    def folder(self, name: str) -> Path:
        return self.root / TIMETABLES / safe_name(name)

    def versions(self, name: str) -> list[Version]:
        """The course's timetables, newest first."""
        folder = self.folder(name)
        if not folder.is_dir():
            return []
        found = []
        for path in folder.glob("*.json"):
            match = _VERSION.match(path.stem)
            if not match or match["course"] != name:
                continue
            xlsx = path.with_suffix(".xlsx")
            written = datetime.fromtimestamp(path.stat().st_mtime)
            try:
                timetable: Timetable | None = load_timetable(path)
                problem = ""
            except InputError as error:
                timetable, problem = None, str(error)
            found.append(
                Version(
                    int(match["number"]),
                    path.stem,
                    path,
                    xlsx if xlsx.exists() else None,
                    written,
                    timetable,
                    problem,
                )
            )
        return sorted(found, key=lambda v: v.number, reverse=True)

    def version(self, name: str, version: str) -> Version:
        safe_name(version)
        for found in self.versions(name):
            if found.name == version:
                return found
        raise InputError(say("web_field_version"), version, say("web_err_no_version"))

    def timetable(self, name: str, version: str) -> Timetable:
        found = self.version(name, version)
        if found.timetable is None:
            raise InputError(found.json_path.name, "", found.problem)
        return found.timetable

    def newest(self, name: str) -> Version | None:
        return next((v for v in self.versions(name) if v.timetable is not None), None)

    def is_current(self, name: str, version: Version) -> bool:
        """Whether the timetable was made from the course file as it is now."""
        if version.timetable is None or version.timetable.input_sha256 is None:
            return True
        return version.timetable.input_sha256 == file_sha256(self.course(name).path)

    def write_version(self, name: str, timetable: Timetable) -> Version:
        """The timetable as the course's next version (JSON and workbook, atomically)."""
        folder = self.folder(name)
        folder.mkdir(parents=True, exist_ok=True)
        number = max((v.number for v in self.versions(name)), default=0) + 1
        json_path, _ = write_outputs(timetable, folder, f"{name}-v{number:03d}")
        return self.version(name, json_path.stem)


def _renamed(error: InputError, temporary: str, shown: str) -> InputError:
    def fix(e: InputError) -> InputError:
        return InputError(
            e.file.replace(temporary, shown), e.place, e.message.replace(temporary, shown), e.rule
        )

    first = fix(error)
    return InputError(
        first.file, first.place, first.message, first.rule, tuple(map(fix, error.also))
    )


def _free(folder: Path, stem: str, suffix: str) -> Path:
    taken = {p.stem for p in folder.iterdir() if p.suffix.lower() in COURSE_SUFFIXES}
    candidate, n = stem, 2
    while candidate in taken:
        candidate, n = f"{stem}-{n}", n + 1
    return folder / f"{candidate}{suffix}"


def _replace_atomic(path: Path, write: Any) -> None:
    """Writes beside `path`, then replaces it in one step: a reader sees the old or the new."""
    handle, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix
    )
    os.close(handle)
    try:
        write(Path(temporary))
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
