"""The Excel workbook a course manager hands out: the week at a glance, the session list to
edit, staff, each participant's own plan, the hours table, the compliance report and what made
the timetable; a hidden sheet holds the whole timetable, so the workbook reads back.

Every word comes from `scheduler.labels`; theme names from the standard; session titles from
the timetable. Made from a `Timetable` alone, so `kurssi export` can re-make it from JSON."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from models.standard import Standard
from models.timetable import Timetable
from scheduler.check import CheckReport, UncheckableTimetable, check
from scheduler.domain.hours import hours_table
from scheduler.export.excel.about import about_sheet
from scheduler.export.excel.changes import changes_sheet
from scheduler.export.excel.compliance import compliance_sheet
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.handout import handout_sheet
from scheduler.export.excel.hours import hours_sheet
from scheduler.export.excel.layout import week_layout
from scheduler.export.excel.literal import as_literal_text
from scheduler.export.excel.participants import participant_sheet
from scheduler.export.excel.session_list import session_list_sheet, timetable_data_sheet
from scheduler.export.excel.staff import StaffHours, staff_sheet
from scheduler.export.excel.style import (
    print_setup,
    unique_sheet_name,
    write_title,
)
from scheduler.export.excel.week import week_sheet
from scheduler.io.files import write_atomic
from scheduler.io.standards import load_standard
from scheduler.io.timetable_workbook import DATA_SHEET


def checked_report(timetable: Timetable, standard: Standard) -> CheckReport | None:
    """The checker's report, or None when the timetable's own course data does not hold."""
    try:
        return check(timetable, standard)
    except UncheckableTimetable:
        return None


def build_workbook(
    timetable: Timetable,
    language: str = "fi",
    *,
    participant_names: bool = False,
    standard: Standard | None = None,
) -> Workbook:
    """The whole workbook in memory (tests read it without a file)."""
    standard = standard or load_standard(timetable.standard)
    ctx = SheetContext(timetable, standard, language, participant_names)
    report = checked_report(timetable, standard)
    hours = StaffHours.of(timetable)
    workbook = Workbook()
    taken: set[str] = {DATA_SHEET.lower()}
    week = workbook.active
    week.title = unique_sheet_name(ctx.t("sheet_week"), taken)
    week_sheet(week, ctx, week_layout(timetable))
    list_name = unique_sheet_name(ctx.t("sheet_sessions"), taken)
    session_list_sheet(workbook.create_sheet(list_name), ctx)
    handout_sheet(workbook.create_sheet(unique_sheet_name(ctx.t("sheet_handout"), taken)), ctx)
    if timetable.changes or timetable.previous or timetable.replan is not None:
        changes_sheet(workbook.create_sheet(unique_sheet_name(ctx.t("sheet_changes"), taken)), ctx)
    staff_sheet(workbook.create_sheet(unique_sheet_name(ctx.t("sheet_staff"), taken)), ctx, hours)
    for participant in timetable.participants:
        sheet = workbook.create_sheet(unique_sheet_name(ctx.participant(participant.id), taken))
        participant_sheet(sheet, ctx, participant.id)
    table = report.hours if report is not None else hours_table(timetable, standard)
    hours_sheet(workbook.create_sheet(unique_sheet_name(ctx.t("sheet_hours"), taken)), ctx, table)
    compliance = workbook.create_sheet(unique_sheet_name(ctx.t("sheet_compliance"), taken))
    if report is not None:
        compliance_sheet(compliance, ctx, report)
    else:
        write_title(compliance, 1, ctx.t("compliance_title"), 4)
        print_setup(compliance, ctx)
    about_sheet(workbook.create_sheet(unique_sheet_name(ctx.t("sheet_about"), taken)), ctx, report)
    timetable_data_sheet(workbook.create_sheet(DATA_SHEET), ctx, list_name)
    workbook.properties.title = ctx.t("week_title", course=timetable.course.title)
    workbook.properties.creator = f"kurssi {timetable.tool_version or ''}".strip()
    return as_literal_text(workbook)  # text from files is never a formula


def write_workbook(
    timetable: Timetable,
    path: Path,
    language: str = "fi",
    *,
    participant_names: bool = False,
    standard: Standard | None = None,
) -> Path:
    """Writes the workbook to `path` (a free path) atomically; returns the path."""
    workbook = build_workbook(
        timetable, language, participant_names=participant_names, standard=standard
    )
    return write_atomic(Path(path), lambda temporary: workbook.save(temporary))
