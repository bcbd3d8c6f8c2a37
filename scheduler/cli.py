"""`kurssi`: the command line. A thin layer: the library does the work, this turns its errors
into messages and exit codes.

Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error,
130 interrupted.
"""

from __future__ import annotations

import json
import os
import sys
import threading
import traceback
import warnings
import webbrowser
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from models.base import text_in
from models.changes import ChangeSet
from models.rules import rule_title
from models.standard import Standard
from models.timetable import Timetable
from scheduler import __version__, clock
from scheduler.check import CheckReport, UncheckableTimetable, check, render_report
from scheduler.check.places import with_rows
from scheduler.errors import CourseWarning, Infeasible, InputError, SolverBug
from scheduler.explain.replan import change_lines, replan_summary
from scheduler.export import export_timetable
from scheduler.interrupts import EXIT_INTERRUPTED, INTERRUPTED_MESSAGE, Interrupted
from scheduler.io.changes import added_staff, changes_from_file, changes_from_flags, merge
from scheduler.io.courses import file_sha256, load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.documents import read_yaml
from scheduler.io.files import (
    DEFAULT_OUTPUT_DIR,
    check_output_folder,
    free_path,
    text_output,
    write_together,
)
from scheduler.io.plans import load_plan
from scheduler.io.standards import load_standard
from scheduler.io.timetable_workbook import WorkbookTimetable
from scheduler.io.timetables import TimetableSource, course_of, load_timetable, read_timetable
from scheduler.services.new_course import write_new_course
from scheduler.services.outputs import output_pair, write_outputs
from scheduler.services.planning import overview, solve_plan
from scheduler.services.repair import RepairResult, describe, repair, replannable
from scheduler.services.solving import PreferenceCost, Progress, SolveOptions, solve
from scheduler.services.suggest import SuggestOptions, suggest
from scheduler.web.app import create_app
from scheduler.web.security import PasswordNeeded, is_loopback, require_password_for
from scheduler.words import clock_span, label, lower_first, short_date, solver_status

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error, "
    "130 interrupted (Ctrl-C)."
)


class KurssiGroup(click.Group):
    """Turns the library's errors into plain messages and exit codes, never a traceback.

    Warnings about the input (scheduler.errors.CourseWarning) are printed to stderr as they come
    and do not stop the command.
    """

    def invoke(self, ctx: click.Context) -> Any:
        debug = bool(ctx.params.get("debug")) or "--debug" in sys.argv
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("always", CourseWarning)
                warnings.showwarning = _show_warning
                return super().invoke(ctx)
        except InputError as error:
            if debug:
                traceback.print_exc()
            problems = error.problems
            if len(problems) > 1:
                click.echo(f"{len(problems)} problems in the input:", err=True)
            for problem in problems:
                click.echo(f"error: {problem}", err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except Infeasible as error:
            if debug:
                traceback.print_exc()
            if error.proven:
                click.echo("the course cannot be timetabled under the standard:", err=True)
            else:  # a time limit ran out before any timetable was found: not proven impossible
                click.echo(
                    "no timetable found in the time given (not proven impossible):", err=True
                )
            for reason in error.reasons:
                click.echo(f"  {reason}", err=True)
            ctx.exit(EXIT_INFEASIBLE)
        except SolverBug as error:
            click.echo(f"internal error: {error}", err=True)
            ctx.exit(EXIT_INTERNAL)
        except (KeyboardInterrupt, Interrupted):
            click.echo(INTERRUPTED_MESSAGE, err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as error:
            if debug:
                traceback.print_exc()
            click.echo(
                f"internal error: {type(error).__name__}: {error} (run with --debug for details)",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


def _show_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: Any = None,
    line: str | None = None,
) -> None:
    """Input warnings as one plain line on stderr; any other warning as Python prints it."""
    if isinstance(message, CourseWarning):
        click.echo(f"warning: {message}", err=True)
    else:
        click.echo(warnings.formatwarning(message, category, filename, lineno, line), err=True)


@click.group(
    cls=KurssiGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog=EXIT_CODES_HELP,
)
@click.version_option(__version__, prog_name="kurssi")
@click.option("--debug", is_flag=True, help="Show tracebacks of internal errors.")
def main(debug: bool) -> None:
    """Timetables for Kela rehabilitation courses that provably meet the standard."""


def _say_checked(report: CheckReport, language: str) -> None:
    """Every timetable the tool writes has passed the independent checker: say so."""
    standard = text_in(report.standard_title, language) if report.standard_title else ""
    click.echo(
        label(
            "console_checked",
            language,
            count=len(report.results),
            standard=standard or report.standard_id,
        )
    )


def _say_wrote(path: Path, language: str) -> None:
    click.echo(label("console_wrote", language, path=path))


def _number(value: float, language: str, digits: int = 0) -> str:
    text = f"{value:.{digits}f}" if digits else f"{value:g}"
    return text.replace(".", ",") if language == "fi" else text


def _cost_line(cost: PreferenceCost, language: str) -> str:
    """'tyhjää odotusta yhteensä 2 h (paino 1, sakkopisteitä 120)'."""
    return label(
        "preference_cost_line",
        language,
        words=text_in(cost.text, language),
        weight=cost.weight,
        penalty=_number(cost.penalty, language),
    )


PARTICIPANT_NAMES_HELP = (
    "Keep participants' names in the outputs (only where the course file gives them); by "
    "default outputs carry pseudonymous ids only."
)


def _is_plan_file(path: Path) -> bool:
    """A plan (several courses) rather than one course: its top level lists `courses`.

    Read as every input is (bounded in size, depth and aliases); a file that cannot be read
    is told about here as the course loader would tell it.
    """
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return False
    data = read_yaml(path).data
    return isinstance(data, dict) and "courses" in data and "course" not in data


def _progress_printer(language: str) -> Callable[[Progress], None]:
    def show(progress: Progress) -> None:
        known = progress.bound >= 0  # a penalty is never below 0: a bound below says nothing
        limit = progress.limit if progress.limit is not None else float("nan")
        line = label(
            "console_progress",
            language,
            seconds=f"{progress.seconds:5.1f}",
            limit=f"{limit:g}",
            objective=f"{progress.objective:6.0f}",
            bound=f"{progress.bound:6.0f}" if known else "     –",
            gap=f"{progress.gap:6.1%}" if known else "     –",
        )
        click.echo("  " + (line.replace(".", ",") if language == "fi" else line), err=True)

    return show


def _good_enough(text: str | None) -> tuple[float | None, float | None]:
    """--good-enough: a penalty ('300') or a gap to the proven bound ('5%')."""
    if text is None:
        return None, None
    value = text.strip().replace(",", ".")
    try:
        if value.endswith("%"):
            percent = float(value.removesuffix("%"))
            if not 0 <= percent <= 100:
                raise ValueError
            return None, percent / 100
        penalty = float(value)
        if not penalty >= 0 or penalty == float("inf"):
            raise ValueError
        return penalty, None
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: give a penalty (e.g. 300) or a gap to the bound (e.g. 5%)",
            param_hint="--good-enough",
        ) from None


def _solve_options(
    time_limit: float,
    seed: int,
    workers: int,
    deterministic: bool,
    quiet: bool,
    language: str = "en",
    good_enough: str | None = None,
    started: float | None = None,
) -> SolveOptions:
    """The search settings the solving commands' shared options say. A wall-clock limit
    counts from `started` (when the command began): loading and model building count too."""
    penalty, gap = _good_enough(good_enough)
    return SolveOptions(
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        deterministic=deterministic,
        progress=None if quiet else _progress_printer(language),
        good_enough=penalty,
        good_enough_gap=gap,
        started=None if deterministic else started,
    )


# Options several commands share, spelt once.
out_option = click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DEFAULT_OUTPUT_DIR,
    show_default=True,
    help="Folder for the outputs.",
)
seed_option = click.option(
    "--seed", type=int, default=0, show_default=True, help="Random seed of the search."
)
workers_option = click.option(
    "--workers", type=int, default=2, show_default=True, help="Search threads."
)
quiet_option = click.option("--quiet", is_flag=True, help="No progress lines.")


def time_limit_option(
    default: float,
    help_text: str = "Seconds on the clock for the whole run: loading, model building and "
    "search (with --deterministic: the solver's deterministic time instead).",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--time-limit",
        type=click.FloatRange(min=0.0, min_open=True, max=24 * 3600.0),
        default=default,
        show_default=True,
        help=help_text,
    )


deterministic_option = click.option(
    "--deterministic",
    is_flag=True,
    help="Reproducible: the same input, --seed and --workers give the same timetable on any "
    "machine. --time-limit then counts the solver's deterministic time, which takes about as "
    "long on an idle 2-core machine and longer on a busy one.",
)
# Wall-clock time is the default now; the old flag still runs.
fast_option = click.option("--fast", is_flag=True, hidden=True)
good_enough_option = click.option(
    "--good-enough",
    metavar="PENALTY_OR_PERCENT",
    default=None,
    help="Stop as soon as the penalty is at most PENALTY (e.g. 300) or within PERCENT of the "
    "proven bound (e.g. 5%). A timetable proven the best always stops the search.",
)


@main.command("solve", epilog=EXIT_CODES_HELP)
@click.argument("course_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@time_limit_option(10.0)
@seed_option
@workers_option
@deterministic_option
@good_enough_option
@fast_option
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default=None,
    help="Language of the outputs (default: the course file's).",
)
@quiet_option
@click.option("--participant-names", is_flag=True, help=PARTICIPANT_NAMES_HELP)
def solve_command(
    course_file: Path | None,
    out_dir: Path,
    time_limit: float,
    seed: int,
    workers: int,
    deterministic: bool,
    good_enough: str | None,
    fast: bool,
    lang: str | None,
    quiet: bool,
    participant_names: bool,
) -> None:
    """Make a week timetable for a course file (the embedded default course if none).

    Writes OUT/<course>-<first day>.json and .xlsx, never over an existing file. Given a plan
    file (several courses sharing staff and rooms), does what `kurssi plan` does.

    Example: kurssi solve data/courses/default.yaml --time-limit 30
    """
    started = clock.run_began()
    path = course_file or DEFAULT_COURSE
    check_output_folder(out_dir)
    if _is_plan_file(path):
        click.get_current_context().invoke(
            plan_command, plan_file=path, out_dir=out_dir, time_limit=time_limit, seed=seed,
            workers=workers, deterministic=deterministic, good_enough=good_enough, fast=fast,
            quiet=quiet,
        )  # fmt: skip
        return
    course = load_course(path)
    language = lang or course.info.language
    if not quiet:
        click.echo(
            label("console_solving", language, path=path, count=len(course.sessions)), err=True
        )
    options = _solve_options(
        time_limit, seed, workers, deterministic, quiet, language, good_enough, started
    )
    result = solve(course, options, input_sha256=file_sha256(path))
    click.echo(
        label(
            "console_solved",
            language,
            status=lower_first(solver_status(result.status, language)),
            objective=_number(result.objective, language),
            bound=_number(result.bound, language),
            seconds=_number(result.seconds, language, 1),
        )
    )
    for cost in result.costs.values():
        if cost.penalty:
            click.echo("  " + _cost_line(cost, language))
    _say_checked(result.report, language)
    stem = f"{path.stem}-{course.info.first_day.isoformat()}"
    for written in write_outputs(
        result.timetable, out_dir, stem, lang, participant_names=participant_names
    ):
        _say_wrote(written, language)


@main.command("export", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "ics", "json"]),
    default="xlsx",
    show_default=True,
    help="xlsx: the workbook; ics: a calendar per staff member and participant; json: the "
    "timetable itself.",
)
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default=None,
    help="Language of the output (default: the timetable's).",
)
@out_option
@click.option(
    "--participant-names",
    is_flag=True,
    help="Print participants' names beside their ids (only where the course file gives them).",
)
def export_command(
    timetable_file: Path, fmt: str, lang: str | None, out_dir: Path, participant_names: bool
) -> None:
    """Re-make an output from a timetable alone (its JSON file, or its workbook with the hand
    edits of the session list), never over an existing file.

    Example: kurssi export outputs/default-2027-03-08.json --format ics --out calendars
    """
    check_output_folder(out_dir)
    timetable = load_timetable(timetable_file)
    if fmt == "xlsx":  # the workbook's hours and report read the course under its standard
        course_of(timetable, load_standard(timetable.standard), timetable_file)
    paths = export_timetable(
        timetable,
        fmt,
        out_dir,
        timetable_file.stem,
        lang,
        participant_names=participant_names,
    )
    for path in paths:
        _say_wrote(path, lang or timetable.course.language)


@main.command("check", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default=None,
    help="Language of the report (default: the timetable's).",
)
@click.option(
    "--standard",
    "standard_ref",
    metavar="ID|FILE",
    default=None,
    help="Check against this standard (an id or a YAML file), not the one the timetable names.",
)
def check_command(timetable_file: Path, lang: str | None, standard_ref: str | None) -> None:
    """Prove a timetable meets its standard, rule by rule (R1-R30), with the hours table.

    Reads the timetable's JSON file or its workbook, edited by hand in the session list
    ("Ohjelmarivit"). Exits 1 if any rule fails; each failure names the sessions, people and
    times involved (and for a workbook the rows of the list).

    Example: kurssi check outputs/default-2027-03-08.xlsx --lang en
    """
    source = read_timetable(timetable_file)
    timetable = source.timetable
    if standard_ref is None:
        try:
            standard = load_standard(timetable.standard)
        except InputError as error:
            raise InputError(
                str(timetable_file), "standard", f"{error.message}; or give one with --standard"
            ) from None
    elif Path(standard_ref).suffix in (".yaml", ".yml") or Path(standard_ref).is_file():
        standard = load_standard(Path(standard_ref).stem, Path(standard_ref).parent)
    else:
        standard = load_standard(standard_ref)
    report = _checked(source, standard, timetable_file)
    click.echo(render_report(report, lang or timetable.course.language))
    if not report.passed:
        click.get_current_context().exit(EXIT_CHECK_FAILED)


def _checked(source: TimetableSource, standard: Standard, timetable_file: Path) -> CheckReport:
    """The checker's report; for a workbook each failure also names the rows of the list."""
    try:
        report = check(source.timetable, standard)
    except UncheckableTimetable as error:
        raise InputError(
            str(timetable_file), "staff, participants or rooms", f"{error}; fix the course data"
        ) from None
    workbook = source.workbook
    if workbook is None:
        return report
    return with_rows(report, workbook.sheet, workbook.rows, source.timetable, standard)


@main.command("resolve", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--changes",
    "changes_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A change file (YAML) with several changes at once (data/changes/example.yaml).",
)
@click.option(
    "--now",
    metavar="YYYY-MM-DDTHH:MM",
    help="The moment of the change: what starts before it stays as it was, e.g. "
    "--now 2027-03-10T12:00. Default: the current time.",
)
@click.option(
    "--notice",
    type=click.IntRange(0, 7 * 24 * 60),
    metavar="MINUTES",
    default=None,
    help="Nothing newly starts, moves or changes staff within MINUTES after --now unless the "
    "change forces it. Default: the course's replan_notice_minutes (60).",
)
@click.option(
    "--unavailable",
    multiple=True,
    metavar="WHO[@FROM[/TO]]",
    help='A staff member (name or id) cannot work, e.g. "Laura Nieminen@2027-03-10T08:00" '
    "(no FROM: the whole course; no TO: to the end).",
)
@click.option(
    "--replace",
    multiple=True,
    metavar="OLD=NEW",
    help='NEW takes OLD\'s place (and role) from --now on: pt1="Eeva Sijainen:physiotherapist", '
    "pt1=sub1, or someone --add-staff brings in.",
)
@click.option(
    "--add-staff",
    multiple=True,
    metavar="NAME:ROLE",
    help='Someone joins the course, e.g. "Eeva Sijainen:physiotherapist".',
)
@click.option("--remove-staff", multiple=True, metavar="WHO", help="Someone leaves from --now on.")
@click.option(
    "--room-unavailable",
    multiple=True,
    metavar="ROOM[@FROM[/TO]]",
    help="A room (name or id) cannot be used.",
)
@click.option(
    "--participant-leaves",
    multiple=True,
    metavar="ID[@WHEN]",
    help="A participant leaves the course (no WHEN: at --now).",
)
@click.option(
    "--end-early",
    multiple=True,
    metavar="SESSION",
    help="A session under way at --now ends then (when its leader leaves and nobody takes over).",
)
@click.option(
    "--accept-shortfall",
    multiple=True,
    metavar="SESSION",
    help="A session under way at --now goes on without the leader who leaves; the shortfall is "
    "recorded as a departure from the standard.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the new timetable (default: beside the old one).",
)
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default=None,
    help="Language of the change list and the workbook (default: the timetable's).",
)
@click.option(
    "--calendars",
    is_flag=True,
    help="Also write the updated calendars (.ics) of every staff member and participant.",
)
@click.option(
    "--repair",
    "repair_edits",
    is_flag=True,
    help="The timetable was edited by hand (its workbook's session list) and breaks a rule: "
    "find the nearest timetable that meets every rule and list the edits undone.",
)
@time_limit_option(10.0)
@seed_option
@workers_option
@deterministic_option
@fast_option
@quiet_option
def resolve_command(
    timetable_file: Path,
    changes_file: Path | None,
    now: str | None,
    notice: int | None,
    unavailable: tuple[str, ...],
    replace: tuple[str, ...],
    add_staff: tuple[str, ...],
    remove_staff: tuple[str, ...],
    room_unavailable: tuple[str, ...],
    participant_leaves: tuple[str, ...],
    end_early: tuple[str, ...],
    accept_shortfall: tuple[str, ...],
    out_dir: Path | None,
    lang: str | None,
    calendars: bool,
    repair_edits: bool,
    time_limit: float,
    seed: int,
    workers: int,
    deterministic: bool,
    fast: bool,
    quiet: bool,
) -> None:
    """Re-plan a timetable after a change, moving as little as possible.

    Reads the timetable's JSON file or its workbook: rows locked in the session list never
    move, and hand edits are kept where the standard allows. Writes a new timetable (JSON and
    Excel with a change sheet) beside the old one, which is never touched, and lists what
    changed and whom to tell. People and rooms by name or id.

    Example: kurssi resolve outputs/default-2027-03-08.json --now 2027-03-10T08:00
    --unavailable "Laura Nieminen"

    Example: kurssi resolve outputs/default-2027-03-08.xlsx --repair
    """
    folder = out_dir or timetable_file.parent
    check_output_folder(folder)
    source = read_timetable(timetable_file)
    old, workbook = source.timetable, source.workbook
    standard = load_standard(old.standard)
    from_file = changes_from_file(changes_file, old) if changes_file is not None else ChangeSet()
    changes = merge(
        from_file,
        changes_from_flags(
            old, now=now, notice=notice, unavailable=unavailable, replace=replace,
            add_staff=add_staff, remove_staff=remove_staff, room_unavailable=room_unavailable,
            participant_leaves=participant_leaves, end_early=end_early,
            accept_shortfall=accept_shortfall, added=added_staff(from_file),
        ),
    )  # fmt: skip
    if not changes.changes and not repair_edits:
        raise click.UsageError(
            "say what changed: --unavailable, --replace, ... or --changes FILE (or --repair "
            "to meet the standard again after editing the workbook by hand)"
        )
    course_of(old, standard, timetable_file)  # its course data holds together under the standard
    if workbook is not None:
        replannable(workbook)
        if not repair_edits:
            _refuse_broken_edits(source, standard, timetable_file)
    if changes.now is None and changes.changes:
        changes = changes.model_copy(
            update={"now": datetime.now().replace(second=0, microsecond=0)}
        )
    language = lang or old.course.language
    options = _solve_options(time_limit, seed, workers, deterministic, quiet, language)
    try:
        repaired = repair(
            old,
            workbook.original if workbook else None,
            standard,
            changes,
            options,
            previous=timetable_file.name,
        )
    except Infeasible as error:
        key = "console_replan_impossible" if error.proven else "console_replan_not_found"
        click.echo(label(key, language), err=True)
        for reason in error.reasons:
            click.echo(f"  {reason}", err=True)
        raise click.exceptions.Exit(EXIT_INFEASIBLE) from None
    result = repaired.resolved
    timetable = result.timetable
    if result.departures:
        click.echo(label("console_departures", language, count=len(result.departures)))
        for departure in result.departures:
            click.echo(f"  {departure.rule}: {'; '.join(departure.reasons_in(language))}")
    else:
        _say_checked(result.report, language)
    click.echo(replan_summary(timetable, result.optimal, result.seconds, language))
    for line in change_lines(timetable, language):
        click.echo(line)
    if workbook is not None and repaired.edits:
        _say_repairs(repaired, workbook, old, timetable, language)
    written = write_outputs(timetable, folder, f"{timetable_file.stem}-replan", lang)
    for path in written:
        _say_wrote(path, language)
    if calendars:
        for path in export_timetable(timetable, "ics", folder, written[0].stem, lang):
            _say_wrote(path, language)


def _say_repairs(
    repaired: RepairResult,
    workbook: WorkbookTimetable,
    edited: Timetable,
    timetable: Timetable,
    language: str,
) -> None:
    """The hand edits a repair had to undo, each with its row, as edited and as it is now."""
    after = {s.id: s for s in timetable.sessions}
    if repaired.undone:
        click.echo(label("console_undid_edits", language, count=len(repaired.undone)))
    for edit in repaired.undone:
        title = text_in(edit.after.titles, language) if edit.after.titles else edit.after.title
        row = workbook.rows.get(edit.session)
        where = label("list_row", language, sheet=workbook.sheet, row=row) if row else ""
        click.echo(f"  {title}" + (f" ({where})" if where else ""))
        field = label(f"edit_field_{edit.field}", language)
        click.echo(f"      {label('console_as_edited', language, field=field)}: "
                   f"{describe(edit.after, edit.field, edited)}")  # fmt: skip
        click.echo(f"      {label('console_now', language, field=field)}: "
                   f"{describe(after.get(edit.session), edit.field, timetable)}")  # fmt: skip
    kept = len(repaired.edits) - len(repaired.undone)
    click.echo(label("console_kept_edits", language, kept=kept, count=len(repaired.edits)))


def _refuse_broken_edits(source: TimetableSource, standard: Standard, timetable_file: Path) -> None:
    """A workbook whose hand edits break rules is re-planned only when asked (--repair): the
    re-plan would undo edits the course manager made on purpose."""
    report = _checked(source, standard, timetable_file)
    if report.passed:
        return
    language = source.timetable.course.language
    click.echo(f"the hand edits of {timetable_file} break the standard:", err=True)
    for failure in report.failures:
        click.echo(f"  {failure.rule} {rule_title(failure.rule, language)}", err=True)
        for reason in failure.reasons_in(language):
            click.echo(f"     - {reason}", err=True)
    click.echo(
        "fix them in the session list (kurssi check tells the rows), or run with --repair "
        "for the nearest timetable that meets every rule",
        err=True,
    )
    click.get_current_context().exit(EXIT_CHECK_FAILED)


@main.command("plan", epilog=EXIT_CODES_HELP)
@click.argument("plan_file", type=click.Path(dir_okay=False, path_type=Path))
@out_option
@time_limit_option(30.0)
@seed_option
@workers_option
@deterministic_option
@good_enough_option
@fast_option
@quiet_option
def plan_command(
    plan_file: Path,
    out_dir: Path,
    time_limit: float,
    seed: int,
    workers: int,
    deterministic: bool,
    good_enough: str | None,
    fast: bool,
    quiet: bool,
) -> None:
    """Make the week timetables of several courses that share staff and rooms (a plan file).

    Nobody and no room is in two courses at once. Writes OUT/<course id>-<first day>.json and
    .xlsx per course and OUT/<plan>-overview.json (each person's and room's week), never over
    an existing file.

    Example: kurssi plan data/plans/spring-week.yaml --time-limit 60
    """
    started = clock.run_began()
    check_output_folder(out_dir)
    plan = load_plan(plan_file)
    say = (lambda _: None) if quiet else (lambda text: click.echo(text, err=True))
    shared = ", ".join(plan.shared.staff) or "nobody"
    say(f"planning {len(plan.courses)} courses of {plan_file} (shared staff: {shared}) ...")
    options = _solve_options(
        time_limit, seed, workers, deterministic, quiet, good_enough=good_enough, started=started
    )
    try:
        result = solve_plan(plan, options, say=say)
    except Infeasible as error:
        if error.proven:
            click.echo("the plan cannot be timetabled under the standard:", err=True)
        else:
            click.echo("no plan found in the time given (not proven impossible):", err=True)
        for reason in error.reasons:
            click.echo(f"  {reason}", err=True)
        raise click.exceptions.Exit(EXIT_INFEASIBLE) from None
    bound = "-" if result.bound is None else f"{result.bound:g}"
    click.echo(
        f"{result.status.lower()}: total penalty {result.objective:g}, bound {bound} "
        f"({result.seconds:.1f} s)"
    )
    for course_result in result.courses:
        click.echo(f"{course_result.key}: penalty {course_result.penalty:g}")
        _say_checked(course_result.report, course_result.course.info.language)
    outputs = [
        output
        for course_result in result.courses
        for output in output_pair(
            course_result.timetable,
            f"{course_result.key}-{course_result.course.info.first_day.isoformat()}",
        )
    ]
    summary = json.dumps(overview(result), indent=2, ensure_ascii=False)
    outputs.append(text_output(f"{plan_file.stem}-overview", ".json", summary))
    language = result.courses[0].course.info.language if result.courses else "fi"
    for written in write_together(out_dir, outputs):  # the whole plan, or nothing
        _say_wrote(written, language)


@main.command("init", epilog=EXIT_CODES_HELP)
@click.option(
    "--out",
    "yaml_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="The course file to write (default: course.yaml unless only --excel is given).",
)
@click.option(
    "--excel",
    "excel_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Also (or only) write the Excel input form with the same content.",
)
@click.option("--standard", "standard_id", default="kela-reuma-2017", show_default=True)
@click.option(
    "--first-day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="The course's first day, YYYY-MM-DD (default: the first fitting day 4 weeks ahead).",
)
def init_command(
    yaml_file: Path | None, excel_file: Path | None, standard_id: str, first_day: Any
) -> None:
    """Start a new course: a course file (and/or an Excel form) pre-filled with the standard's
    defaults and the example course, to edit and then solve. Never writes over a file: a taken
    name gets -2, -3, ...

    Example: kurssi init --out spring.yaml --excel spring.xlsx --first-day 2027-03-08
    """
    if yaml_file is None and excel_file is None:
        yaml_file = Path("course.yaml")
    written = write_new_course(
        free_path(yaml_file) if yaml_file else None,
        free_path(excel_file) if excel_file else None,
        standard_id,
        first_day.date() if first_day else None,
    )
    for path in written:
        click.echo(f"wrote {path}")


@main.command("suggest", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("session_id")
@click.option("--count", type=int, default=10, show_default=True, help="How many places.")
@click.option(
    "--time-limit", type=float, default=2.0, show_default=True, help="Wall-clock seconds."
)
@click.option(
    "--lang",
    type=click.Choice(["fi", "en"]),
    default=None,
    help="Language of the day names (default: the timetable's).",
)
def suggest_command(
    timetable_file: Path, session_id: str, count: int, time_limit: float, lang: str | None
) -> None:
    """The best other places for one session that keep every rule: fewest other sessions moved
    first, then the smallest rise in penalty.

    Example: kurssi suggest outputs/default-2027-03-08.json gym-1
    """
    timetable = load_timetable(timetable_file)
    standard = load_standard(timetable.standard)
    options = SuggestOptions(count=count, time_limit=time_limit)
    found = suggest(timetable, standard, session_id, options)
    if not found:
        click.echo(f"no other place for {session_id} keeps every rule")
        return
    language = lang or timetable.course.language
    staff = {m.id: m.label for m in timetable.staff}
    for n, place in enumerate(found, 1):
        people = ", ".join(staff.get(s, s) for s in place.staff)
        moved = f"; also moves {', '.join(place.moved)}" if place.moved else ""
        click.echo(
            f"{n:2}. {short_date(place.date, language)} {clock_span(place.start, place.end)} "
            f"{people} {place.room or ''}  penalty {place.penalty_change:+g}{moved}"
        )


@main.command("serve", epilog=EXIT_CODES_HELP)
@click.argument(
    "folder", required=False, type=click.Path(file_okay=False, path_type=Path), default=Path(".")
)
@click.option("--port", type=int, default=8765, show_default=True)
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Any address but loopback needs a password (KURSSI_PASSWORD or a prompt).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in the browser.")
def serve_command(folder: Path, port: int, host: str, open_browser: bool) -> None:
    """The course manager's workspace in the browser: courses, solving with progress, the week
    grid, moves with the rules watching, suggestions, locks and re-plans.

    Example: kurssi serve courses --open
    """
    if not folder.is_dir():
        raise InputError(str(folder), "", "no such folder; give the workspace folder")
    password = os.environ.get("KURSSI_PASSWORD") or None
    if not is_loopback(host) and password is None and sys.stdin.isatty():
        password = click.prompt("password for the page", hide_input=True) or None
    try:
        require_password_for(host, password)
    except PasswordNeeded as error:
        raise click.UsageError(str(error)) from None
    app = create_app(folder, host=host, password=password)
    url = f"http://{'127.0.0.1' if is_loopback(host) else host}:{port}/"
    click.echo(f"kurssi serve: {folder.resolve()} at {url} (Ctrl+C stops)")
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
