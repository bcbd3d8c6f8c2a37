"""Writing a checked timetable for people and programs: the JSON and the workbook as a pair,
pseudonymous unless names are asked for, never over an existing file."""

from __future__ import annotations

from pathlib import Path

from models.timetable import Timetable
from scheduler.export.excel import write_workbook
from scheduler.export.json import write_json
from scheduler.io.files import free_stem

OUTPUT_SUFFIXES = (".json", ".xlsx")


def write_outputs(
    timetable: Timetable,
    folder: Path,
    stem: str,
    language: str | None = None,
    *,
    participant_names: bool = False,
) -> tuple[Path, Path]:
    """OUT/<stem>.json and OUT/<stem>.xlsx (or <stem>-2... when taken, so the two pair up).

    Participants are health-care clients: their names are written only when asked for (and
    only where the course file gives them); otherwise the outputs carry pseudonymous ids.
    """
    shown = timetable if participant_names else timetable.pseudonymous()
    free = free_stem(folder, stem, OUTPUT_SUFFIXES)
    json_path = write_json(shown, folder / f"{free}.json")
    xlsx_path = write_workbook(
        shown,
        folder / f"{free}.xlsx",
        language or timetable.course.language,
        participant_names=participant_names,
    )
    return json_path, xlsx_path
