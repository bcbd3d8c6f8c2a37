"""The timetable as JSON (course-timetable/1): lossless, reloadable by check, resolve, export."""

from __future__ import annotations

from pathlib import Path

from models.timetable import Timetable
from scheduler.io.files import write_text_atomic


def write_json(timetable: Timetable, path: Path) -> Path:
    """Writes the timetable to `path` (a free path) atomically; returns the path."""
    return write_text_atomic(Path(path), timetable.to_json())
