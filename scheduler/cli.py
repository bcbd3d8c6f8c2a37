"""`kurssi`: the command line. A thin layer: the library does the work, this turns its errors
into messages and exit codes.

Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error,
130 interrupted.
"""

from __future__ import annotations

import json
import sys
import traceback
import warnings
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
from scheduler import __version__
from scheduler.check import CheckReport, UncheckableTimetable, check, render_report
from scheduler.check.places import with_rows
from scheduler.errors import CourseWarning, Infeasible, InputError, SolverBug
from scheduler.explain.replan import change_lines, replan_summary
from scheduler.export import export_timetable
from scheduler.interrupts import EXIT_INTERRUPTED, Interrupted
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
from scheduler.services.solving import Progress, SolveOptions, solve
from scheduler.words import (
    joined,
    label,
    lower_first,
    number,
    reader,
    reading_in,
    say,
    set_reader,
    solver_status,
)

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
        # Messages are Finnish unless the command's --lang (or the course it reads) says
        # otherwise; each run starts afresh (tests run many in one process).
        with reading_in("fi"):
            return self._invoke(ctx)

    def _invoke(self, ctx: click.Context) -> Any:
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
                click.echo(say("cli_problems", count=len(problems)), err=True)
            for problem in problems:
                click.echo(say("cli_error", problem=problem), err=True)
            ctx.exit(EXIT_BAD_INPUT)
        except Infeasible as error:
            if debug:
                traceback.print_exc()
            # Not proven: a time limit ran out before any timetable was found.
            click.echo(say("cli_infeasible" if error.proven else "cli_not_found"), err=True)
            for reason in error.reasons:
                click.echo(f"  {reason}", err=True)
            ctx.exit(EXIT_INFEASIBLE)
        except SolverBug as error:
            click.echo(say("cli_internal", error=error), err=True)
            ctx.exit(EXIT_INTERNAL)
        except (KeyboardInterrupt, Interrupted):
            click.echo(say("interrupted"), err=True)
            ctx.exit(EXIT_INTERRUPTED)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except Exception as error:
            if debug:
                traceback.print_exc()
            click.echo(
                say("cli_internal_debug", error=f"{type(error).__name__}: {error}"), err=True
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
        click.echo(say("cli_warning", message=message), err=True)
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
        gap = abs(progress.objective - progress.bound) / max(abs(progress.objective), 1e-9)
        line = label(
            "console_progress",
            language,
            seconds=f"{progress.seconds:6.1f}",
            objective=f"{progress.objective:8.0f}",
            bound=f"{progress.bound:8.0f}",
            gap=f"{gap:6.1%}",
        )
        click.echo("  " + (line.replace(".", ",") if language == "fi" else line), err=True)

    return show


def _solve_options(
    time_limit: float, seed: int, workers: int, fast: bool, quiet: bool, language: str = "en"
) -> SolveOptions:
    """The search settings the solving commands' shared options say."""
    return SolveOptions(
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        deterministic=not fast,
        progress=None if quiet else _progress_printer(language),
    )


def _read_in(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--lang sets the language of the messages as soon as it is read."""
    if value is not None:
        set_reader(value)
    return value


def lang_option(help_text: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--lang",
        type=click.Choice(["fi", "en"]),
        default=None,
        is_eager=True,
        callback=_read_in,
        help=help_text,
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
    help_text: str = "Seconds of search (solver's deterministic time unless --fast).",
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option(
        "--time-limit", type=float, default=default, show_default=True, help=help_text
    )


@main.command("solve", epilog=EXIT_CODES_HELP)
@click.argument("course_file", required=False, type=click.Path(dir_okay=False, path_type=Path))
@out_option
@time_limit_option(20.0)
@seed_option
@workers_option
@click.option(
    "--fast", is_flag=True, help="Wall-clock time limit; runs may then differ from one another."
)
@lang_option("Language of the outputs (default: the course file's).")
@quiet_option
@click.option("--participant-names", is_flag=True, help=PARTICIPANT_NAMES_HELP)
def solve_command(
    course_file: Path | None,
    out_dir: Path,
    time_limit: float,
    seed: int,
    workers: int,
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
    path = course_file or DEFAULT_COURSE
    check_output_folder(out_dir)
    if _is_plan_file(path):
        click.get_current_context().invoke(
            plan_command, plan_file=path, out_dir=out_dir, time_limit=time_limit, seed=seed,
            workers=workers, fast=fast, quiet=quiet, lang=lang,
        )  # fmt: skip
        return
    course = load_course(path)
    language = lang or course.info.language
    set_reader(language)
    if not quiet:
        click.echo(
            label("console_solving", language, path=path, count=len(course.sessions)), err=True
        )
    options = _solve_options(time_limit, seed, workers, fast, quiet, language)
    result = solve(course, options, input_sha256=file_sha256(path))
    click.echo(
        label(
            "console_solved",
            language,
            status=lower_first(solver_status(result.status, language)),
            objective=number(result.objective, language, 0),
            bound=number(result.bound, language, 0),
            seconds=number(result.seconds, language, 1),
        )
    )
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
@lang_option("Language of the output (default: the timetable's).")
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
    set_reader(lang or timetable.course.language)
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
@lang_option("Language of the report (default: the timetable's).")
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
    set_reader(lang or timetable.course.language)
    if standard_ref is None:
        try:
            standard = load_standard(timetable.standard)
        except InputError as error:
            raise InputError(
                str(timetable_file),
                say("cli_standard_place"),
                say("cli_give_standard", message=error.message),
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
            str(timetable_file),
            say("cli_course_data_place"),
            say("cli_fix_course_data", error=error),
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
@lang_option("Language of the change list and the workbook (default: the timetable's).")
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
@click.option("--fast", is_flag=True, help="Wall-clock time limit.")
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
        raise click.UsageError(say("cli_say_what_changed"))
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
    set_reader(language)
    options = _solve_options(time_limit, seed, workers, fast, quiet, language)
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
    language = reader()
    click.echo(say("cli_edits_break", file=timetable_file), err=True)
    for failure in report.failures:
        click.echo(f"  {failure.rule} {rule_title(failure.rule, language)}", err=True)
        for reason in failure.reasons_in(language):
            click.echo(f"     - {reason}", err=True)
    click.echo(say("cli_fix_edits"), err=True)
    click.get_current_context().exit(EXIT_CHECK_FAILED)


@main.command("plan", epilog=EXIT_CODES_HELP)
@click.argument("plan_file", type=click.Path(dir_okay=False, path_type=Path))
@out_option
@time_limit_option(
    30.0,
    "Seconds of search for the whole plan, in the solver's deterministic time unless --fast; "
    "calibrated on one course, so a plan's bigger model can take longer on the clock.",
)
@seed_option
@workers_option
@click.option("--fast", is_flag=True, help="Wall-clock time limit.")
@quiet_option
@lang_option("Language of the outputs and messages (default: the first course's).")
def plan_command(
    plan_file: Path,
    out_dir: Path,
    time_limit: float,
    seed: int,
    workers: int,
    fast: bool,
    quiet: bool,
    lang: str | None = None,
) -> None:
    """Make the week timetables of several courses that share staff and rooms (a plan file).

    Nobody and no room is in two courses at once. Writes OUT/<course id>-<first day>.json and
    .xlsx per course and OUT/<plan>-overview.json (each person's and room's week), never over
    an existing file.

    Example: kurssi plan data/plans/spring-week.yaml --time-limit 60
    """
    check_output_folder(out_dir)
    plan = load_plan(plan_file)
    language = lang or (plan.courses[0].course.info.language if plan.courses else "fi")
    set_reader(language)
    tell = (lambda _: None) if quiet else (lambda text: click.echo(text, err=True))
    names = {m.id: m.label for entry in plan.courses for m in entry.course.staff}
    shared = joined([names.get(s, s) for s in plan.shared.staff], language)
    tell(say("planning_start", count=len(plan.courses), path=plan_file, shared=shared))
    options = _solve_options(time_limit, seed, workers, fast, quiet, language)
    try:
        result = solve_plan(plan, options, say=tell)
    except Infeasible as error:
        click.echo(say("planning_impossible" if error.proven else "planning_not_found"), err=True)
        for reason in error.reasons:
            click.echo(f"  {reason}", err=True)
        raise click.exceptions.Exit(EXIT_INFEASIBLE) from None
    click.echo(
        say(
            "planning_done",
            status=lower_first(solver_status(result.status, language)),
            objective=number(result.objective, language),
            bound="-" if result.bound is None else number(result.bound, language),
            seconds=number(result.seconds, language, 1),
        )
    )
    for course_result in result.courses:
        click.echo(
            say(
                "planning_course",
                key=course_result.key,
                penalty=number(course_result.penalty, language),
            )
        )
        _say_checked(course_result.report, language)
    outputs = [
        output
        for course_result in result.courses
        for output in output_pair(
            course_result.timetable,
            f"{course_result.key}-{course_result.course.info.first_day.isoformat()}",
            lang,
        )
    ]
    summary = json.dumps(overview(result), indent=2, ensure_ascii=False)
    outputs.append(text_output(f"{plan_file.stem}-overview", ".json", summary))
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
@lang_option("Language of the messages.")
def init_command(
    yaml_file: Path | None,
    excel_file: Path | None,
    standard_id: str,
    first_day: Any,
    lang: str | None = None,
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
        _say_wrote(path, reader())
