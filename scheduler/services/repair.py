"""Re-planning a timetable edited by hand in its workbook (`kurssi resolve TIMETABLE.xlsx`).

The edited timetable is the re-plan's "old" one: locked rows never move (hard), every other hand
edit is kept where the standard allows, since moving away from it costs like any other change
(`cpsat/perturbation.py`). So the result is the nearest timetable that meets every rule, and
`--repair` lists the hand edits it had to undo. The re-plan itself is `replanning.resolve`.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.base import format_clock
from models.changes import ChangeSet
from models.standard import Standard
from models.timetable import Session, Timetable
from scheduler.domain.edits import EditField, HandEdit, hand_edits, undone_edits
from scheduler.errors import InputError, combine
from scheduler.io.timetable_workbook import WorkbookTimetable, room_names, staff_names
from scheduler.services.replanning import ResolveResult, resolve
from scheduler.services.solving import SolveOptions
from scheduler.words import clock_span, label, reader, say, short_date

__all__ = ["RepairResult", "describe", "repair", "replannable"]


@dataclass
class RepairResult:
    resolved: ResolveResult
    edits: tuple[HandEdit, ...]  # every hand edit of the workbook
    undone: tuple[HandEdit, ...]  # those the re-planned timetable does not keep


def replannable(workbook: WorkbookTimetable) -> None:
    """What a re-plan cannot keep as the list has it, as located errors (all at once): rows
    added by hand (a re-plan places the course's programme, which they are not part of), and
    locked rows off the course's time grid or of another length than their programme item's
    (a locked row is kept exactly or not at all)."""
    name = str(workbook.path)
    timetable, slot = workbook.timetable, workbook.timetable.course.slot_minutes
    originals = {s.id: s for s in workbook.original.sessions}
    problems = [
        InputError(
            name,
            workbook.place(session_id),
            say("repair_added_row"),
        )
        for session_id in workbook.added
    ]
    for session in timetable.sessions:
        before = originals.get(session.id)
        if not session.locked or before is None:
            continue
        cell = workbook.place(session.id, "start")
        if session.start % slot:
            problems.append(
                InputError(
                    name,
                    cell,
                    say("repair_locked_grid", slot=slot, start=format_clock(session.start)),
                )
            )
        if session.minutes != before.minutes:
            problems.append(
                InputError(
                    name,
                    cell,
                    say("repair_locked_length", length=before.minutes, minutes=session.minutes),
                )
            )
    if problems:
        raise combine(problems)


def repair(
    edited: Timetable,
    original: Timetable | None,
    standard: Standard,
    changes: ChangeSet | None = None,
    options: SolveOptions | None = None,
    previous: str | None = None,
) -> RepairResult:
    """The nearest timetable to the hand-edited one that meets every rule (after `changes`, if
    any), with the hand edits (against `original`, the timetable as the workbook was written)
    it had to undo. Raises Infeasible when locked rows and the rules cannot all hold."""
    resolved = resolve(edited, standard, changes or ChangeSet(), options, previous)
    edits = hand_edits(original.sessions, edited.sessions) if original is not None else ()
    return RepairResult(resolved, edits, undone_edits(edits, resolved.timetable.sessions))


def describe(session: Session | None, field: EditField, timetable: Timetable) -> str:
    """An edited aspect of a session as a person reads it: names, not ids."""
    if session is None:
        return "-"
    language = reader()
    if field == "time":
        when = short_date(session.date, language)
        return label("placement", language, day=when, time=clock_span(session.start, session.end))
    if field == "staff":
        names = staff_names(timetable)
        return ", ".join(names.get(s, s) for s in session.staff) or "-"
    if field == "room":
        return room_names(timetable).get(session.room, session.room) if session.room else "-"
    if field == "participants":
        return ", ".join(session.participants) or "-"
    if field == "locked":
        return label("yes" if session.locked else "no", language)
    return f"{describe(session, 'time', timetable)}, {describe(session, 'staff', timetable)}"
