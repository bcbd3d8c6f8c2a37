"""What made the timetable: the course, the standard, the solver's facts."""

from __future__ import annotations

from typing import Any

from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet

from models.base import text_in
from scheduler import words
from scheduler.export.excel.context import SheetContext
from scheduler.export.excel.style import (
    print_setup,
    set_widths,
    text_font,
    write_data_row,
    write_note,
    write_title,
)
from scheduler.words import preference_name, solver_status


def about_sheet(ws: Worksheet, ctx: SheetContext, report: Any | None) -> None:
    timetable = ctx.timetable
    solver = timetable.solver
    none = ctx.t("about_none")

    def number(value: float | None) -> float | str:
        return none if value is None else value

    standard_title = text_in(ctx.standard.title, ctx.lang)
    rows: list[tuple[str, Any]] = [
        (ctx.t("about_course"), timetable.course.title),
        (ctx.t("about_dates"), ctx.dates()),
        (ctx.t("about_form"), ctx.t(f"form_{timetable.course.form.value}")),
        (ctx.t("about_standard"), standard_title),
        (ctx.t("about_participants"), len(timetable.participants)),
        (ctx.t("about_staff"), len(timetable.staff)),
        (ctx.t("about_sessions"), len(timetable.sessions)),
        (ctx.t("about_input_hash"), timetable.input_sha256 or none),
        (ctx.t("about_solver_status"), solver_status(solver.status, ctx.lang) if solver else none),
        (ctx.t("about_objective"), number(solver.objective if solver else None)),
        # A penalty below 0 is no bound a reader can use (the solver's before it proves one).
        (ctx.t("about_bound"), number(solver.bound if solver and _useful(solver.bound) else None)),
        (
            ctx.t("about_solve_time"),
            ctx.t("about_seconds", seconds=words.number(solver.seconds, ctx.lang, 1))
            if solver
            else none,
        ),
        (ctx.t("about_seed"), solver.seed if solver else none),
        (ctx.t("about_tool_version"), timetable.tool_version or none),
    ]
    if timetable.previous:
        rows.append((ctx.t("about_previous"), timetable.previous))
    if report is not None:
        status = "pass" if report.passed else "fail"
        rows.append((ctx.t("about_checked"), ctx.t(f"status_{status}")))
    write_title(ws, 1, ctx.t("about_title"), 2)
    row = 2
    for key, value in rows:
        row += 1
        _write_fact(ws, row, key, value)
    costs = solver.preferences if solver else ()
    if costs:
        # What each preference costs, in its own unit and in words: why one timetable's
        # penalty is lower than another's.
        row += 2
        write_data_row(ws, row, [ctx.t("about_preferences"), ""], number_format="General")
        ws.cell(row=row, column=1).font = text_font(10.5, bold=True)
        for cost in costs:
            row += 1
            line = ctx.t(
                "preference_cost_line",
                words=text_in(cost.text, ctx.lang),
                weight=cost.weight,
                penalty=f"{cost.penalty:g}",
            )
            _write_fact(ws, row, preference_name(cost.name, ctx.lang), line)
    row += 2
    privacy = "about_privacy_names" if ctx.participant_names else "about_privacy"
    write_note(ws, row, ctx.t(privacy), 2)
    set_widths(ws, [40, 110])
    print_setup(ws, ctx)


def _useful(bound: float | None) -> bool:
    return bound is not None and bound >= 0


def _write_fact(ws: Worksheet, row: int, key: str, value: Any) -> None:
    write_data_row(ws, row, [key, value], number_format="General")
    ws.cell(row=row, column=1).font = text_font(9.5, bold=True)
    ws.cell(row=row, column=2).alignment = Alignment(
        horizontal="left", vertical="top", wrap_text=True
    )
