"""Writing a checked timetable for people and programs: the JSON and the workbook as a pair,
pseudonymous unless names are asked for, never over an existing file, both or neither."""

from __future__ import annotations

from pathlib import Path

from models.timetable import Timetable
from scheduler.export.excel import build_workbook
from scheduler.io.files import Output, text_output, write_together


def output_pair(
    timetable: Timetable,
    stem: str,
    language: str | None = None,
    *,
    participant_names: bool = False,
) -> tuple[Output, Output]:
    """<stem>.json and <stem>.xlsx, made in memory, to be written together.

    Participants are health-care clients: their names are written only when asked for (and
    only where the course file gives them); otherwise the outputs carry pseudonymous ids.
    """
    shown = timetable if participant_names else timetable.pseudonymous()
    workbook = build_workbook(
        shown, language or timetable.course.language, participant_names=participant_names
    )
    return text_output(stem, ".json", shown.to_json()), Output(stem, ".xlsx", workbook.save)


def write_outputs(
    timetable: Timetable,
    folder: Path,
    stem: str,
    language: str | None = None,
    *,
    participant_names: bool = False,
) -> tuple[Path, Path]:
    """OUT/<stem>.json and OUT/<stem>.xlsx (or <stem>-2... when taken, so the two pair up),
    both or neither."""
    json_path, xlsx_path = write_together(
        folder, output_pair(timetable, stem, language, participant_names=participant_names)
    )
    return json_path, xlsx_path
