"""`kurssi`: the command line. A thin layer: the library does the work, this turns its errors
into messages and exit codes.

Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error.
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
from pathlib import Path
from typing import Any

import click
import yaml

from scheduler import __version__
from scheduler.check import CheckReport, UncheckableTimetable, check, render_report
from scheduler.errors import CourseWarning, Infeasible, InputError, SolverBug
from scheduler.export import export_timetable
from scheduler.io.changes import changes_from_file, changes_from_flags, merge
from scheduler.io.courses import file_sha256, load_course
from scheduler.io.data import DEFAULT_COURSE
from scheduler.io.files import DEFAULT_OUTPUT_DIR, free_path, free_stem, write_text_atomic
from scheduler.io.plans import load_plan
from scheduler.io.standards import load_standard
from scheduler.io.timetables import load_timetable
from scheduler.services.new_course import write_new_course
from scheduler.services.outputs import write_outputs
from scheduler.services.planning import overview, solve_plan
from scheduler.services.replanning import resolve
from scheduler.services.solving import Progress, SolveOptions, solve
from scheduler.services.suggest import SuggestOptions, suggest
from scheduler.web.app import create_app
from scheduler.web.security import PasswordNeeded, is_loopback, require_password_for
from scheduler.words import clock_span, short_date

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

EXIT_CODES_HELP = (
    "Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error."
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


def _say_checked(report: CheckReport) -> None:
    """Every timetable the tool writes has passed the independent checker: say so."""
    click.echo(f"checked: all {len(report.results)} rules of {report.standard_id} hold")


PARTICIPANT_NAMES_HELP = (
    "Keep participants' names in the outputs (only where the course file gives them); by "
    "default outputs carry pseudonymous ids only."
)


def _is_plan_file(path: Path) -> bool:
    """A plan (several courses) rather than one course: its top level lists `courses`.

    Anything unreadable is left to the course loader, which says what is wrong and where.
    """
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError):
        return False
    return isinstance(data, dict) and "courses" in data and "course" not in data


def _print_progress(progress: Progress) -> None:
    gap = abs(progress.objective - progress.bound) / max(abs(progress.objective), 1e-9)
    click.echo(
        f"  {progress.seconds:6.1f} s  penalty {progress.objective:8.0f}  "
        f"bound {progress.bound:8.0f}  gap {gap:6.1%}",
        err=True,
    )


def _solve_options(
    time_limit: float, seed: int, workers: int, fast: bool, quiet: bool
) -> SolveOptions:
    """The search settings the solving commands' shared options say."""
    return SolveOptions(
        time_limit=time_limit,
        seed=seed,
        workers=workers,
        deterministic=not fast,
        progress=None if quiet else _print_progress,
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
    if _is_plan_file(path):
        click.get_current_context().invoke(
            plan_command, plan_file=path, out_dir=out_dir, time_limit=time_limit, seed=seed,
            workers=workers, fast=fast, quiet=quiet,
        )  # fmt: skip
        return
    course = load_course(path)
    if not quiet:
        click.echo(f"solving {path} ({len(course.sessions)} kinds of session) ...", err=True)
    options = _solve_options(time_limit, seed, workers, fast, quiet)
    result = solve(course, options, input_sha256=file_sha256(path))
    click.echo(
        f"{result.status.lower()}: penalty {result.objective:g}, bound {result.bound:g} "
        f"({result.seconds:.1f} s)"
    )
    _say_checked(result.report)
    stem = f"{path.stem}-{course.info.first_day.isoformat()}"
    for written in write_outputs(
        result.timetable, out_dir, stem, lang, participant_names=participant_names
    ):
        click.echo(f"wrote {written}")


@main.command("export", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "ics", "json"]),
    default="xlsx",
    show_default=True,
    help="xlsx: the workbook; ics: a calendar per staff member; json: the timetable itself.",
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
    """Re-make an output from a timetable JSON file alone, never over an existing file.

    Example: kurssi export outputs/default-2027-03-08.json --format ics --out calendars
    """
    timetable = load_timetable(timetable_file)
    paths = export_timetable(
        timetable,
        fmt,
        out_dir,
        timetable_file.stem,
        lang,
        participant_names=participant_names,
    )
    for path in paths:
        click.echo(f"wrote {path}")


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

    Exits 1 if any rule fails; each failure names the sessions, people and times involved.

    Example: kurssi check outputs/default-2027-03-08.json --lang en
    """
    timetable = load_timetable(timetable_file)
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
    try:
        report = check(timetable, standard)
    except UncheckableTimetable as error:
        raise InputError(
            str(timetable_file), "staff, participants or rooms", f"{error}; fix the course data"
        ) from None
    click.echo(render_report(report, lang or timetable.course.language))
    if not report.passed:
        click.get_current_context().exit(EXIT_CHECK_FAILED)


@main.command("resolve", epilog=EXIT_CODES_HELP)
@click.argument("timetable_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--changes",
    "changes_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A change file (YAML) with several changes at once.",
)
@click.option("--now", help="Everything that starts before this date-time stays as it was.")
@click.option(
    "--unavailable",
    multiple=True,
    metavar="ID[@FROM[/TO]]",
    help="A staff member cannot work (no FROM: the whole course; no TO: to the end).",
)
@click.option(
    "--replace",
    multiple=True,
    metavar="OLD=NEW",
    help="NEW takes OLD's place (and role) from --now on.",
)
@click.option("--add-staff", multiple=True, metavar="ID:ROLE", help="Someone joins the course.")
@click.option("--remove-staff", multiple=True, metavar="ID", help="Someone leaves from --now on.")
@click.option(
    "--room-unavailable", multiple=True, metavar="ID[@FROM[/TO]]", help="A room cannot be used."
)
@click.option(
    "--participant-leaves",
    multiple=True,
    metavar="ID[@WHEN]",
    help="A participant leaves the course.",
)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the new timetable (default: beside the old one).",
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
    unavailable: tuple[str, ...],
    replace: tuple[str, ...],
    add_staff: tuple[str, ...],
    remove_staff: tuple[str, ...],
    room_unavailable: tuple[str, ...],
    participant_leaves: tuple[str, ...],
    out_dir: Path | None,
    time_limit: float,
    seed: int,
    workers: int,
    fast: bool,
    quiet: bool,
) -> None:
    """Re-plan a timetable after staff or room changes, moving as little as possible.

    Writes a new timetable (JSON and Excel with a change sheet) beside the old one, which is
    never touched, and lists what changed and whom to tell.

    Example: kurssi resolve outputs/default-2027-03-08.json --now 2027-03-10T08:00
    --unavailable pt2@2027-03-10T08:00
    """
    old = load_timetable(timetable_file)
    changes = changes_from_flags(
        old, now=now, unavailable=unavailable, replace=replace, add_staff=add_staff,
        remove_staff=remove_staff, room_unavailable=room_unavailable,
        participant_leaves=participant_leaves,
    )  # fmt: skip
    if changes_file is not None:
        changes = merge(changes_from_file(changes_file), changes)
    if not changes.changes:
        raise click.UsageError("say what changed: --unavailable, --replace, ... or --changes FILE")
    options = _solve_options(time_limit, seed, workers, fast, quiet)
    standard = load_standard(old.standard)
    result = resolve(old, standard, changes, options, previous=timetable_file.name)
    _say_checked(result.report)
    timetable = result.timetable
    proven = "proven minimal" if result.optimal else "not proven minimal"
    click.echo(f"{result.changed_sessions} session(s) changed ({proven}, {result.seconds:.2f} s):")
    for change in timetable.changes:
        click.echo(f"  {change.session} [{change.change}] {change.title}")
        click.echo(f"      before: {change.before or '-'}")
        click.echo(f"      after:  {change.after or '-'}")
        click.echo(f"      tell:   {', '.join(change.notify) or '-'}")
    folder = out_dir or timetable_file.parent
    for written in write_outputs(timetable, folder, f"{timetable_file.stem}-replan"):
        click.echo(f"wrote {written}")


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
def plan_command(
    plan_file: Path,
    out_dir: Path,
    time_limit: float,
    seed: int,
    workers: int,
    fast: bool,
    quiet: bool,
) -> None:
    """Make the week timetables of several courses that share staff and rooms (a plan file).

    Nobody and no room is in two courses at once. Writes OUT/<course id>-<first day>.json and
    .xlsx per course and OUT/<plan>-overview.json (each person's and room's week), never over
    an existing file.

    Example: kurssi plan data/plans/spring-week.yaml --time-limit 60
    """
    plan = load_plan(plan_file)
    say = (lambda _: None) if quiet else (lambda text: click.echo(text, err=True))
    shared = ", ".join(plan.shared.staff) or "nobody"
    say(f"planning {len(plan.courses)} courses of {plan_file} (shared staff: {shared}) ...")
    options = _solve_options(time_limit, seed, workers, fast, quiet)
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
        _say_checked(course_result.report)
    for course_result in result.courses:
        stem = f"{course_result.key}-{course_result.course.info.first_day.isoformat()}"
        for written in write_outputs(course_result.timetable, out_dir, stem):
            click.echo(f"wrote {written}")
    stem = free_stem(out_dir, f"{plan_file.stem}-overview", (".json",))
    path = write_text_atomic(
        out_dir / f"{stem}.json", json.dumps(overview(result), indent=2, ensure_ascii=False)
    )
    click.echo(f"wrote {path}")


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
