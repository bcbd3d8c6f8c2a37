"""`kurssi`: the command line. A thin layer: the library does the work, this turns its errors
into messages and exit codes.

Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error,
130 interrupted.
"""

from __future__ import annotations

import json
import os
import re
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
from scheduler.services.solving import (
    SOLVE_SECONDS,
    PreferenceCost,
    Progress,
    SolveOptions,
    solve,
)
from scheduler.services.suggest import SuggestOptions, suggest
from scheduler.web.app import create_app
from scheduler.web.security import PasswordNeeded, is_loopback, require_password_for
from scheduler.words import (
    clock_span,
    has_label,
    joined,
    label,
    lower_first,
    number,
    reader,
    reading_in,
    say,
    set_reader,
    short_date,
    solver_status,
)

EXIT_OK, EXIT_CHECK_FAILED, EXIT_BAD_INPUT, EXIT_INFEASIBLE, EXIT_INTERNAL = 0, 1, 2, 3, 4

# -- help and usage in the reader's language ------------------------------------------------
# Click words its help and its usage errors in English; every command, option and argument of
# kurssi is declared with label keys instead (help="help_out", metavar="metavar_folder"), and
# the classes below word them, and click's own frame, in the reader's language.


def _asked_language(args: list[str]) -> str | None:
    """The language a command line asks for with --lang, wherever it stands (so that --help
    and a usage error before it are worded in it too)."""
    for index, arg in enumerate(args):
        asked = arg.removeprefix("--lang=") if arg.startswith("--lang=") else None
        if arg == "--lang" and index + 1 < len(args):
            asked = args[index + 1]
        if asked in ("fi", "en"):
            return asked
    return None


def _words_of(key: str | None) -> str:
    """A help text given as a label key, in the reader's language."""
    return say(key) if key and has_label(key) else (key or "")


class KurssiOption(click.Option):
    """An option whose help and metavar are label keys."""

    def make_metavar(self, ctx: click.Context) -> str:
        if self.metavar is not None and has_label(self.metavar):
            return say(self.metavar)
        return super().make_metavar(ctx)

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        text = _words_of(self.help)
        extra = self.get_help_extra(ctx)
        notes = []
        if "default" in extra:
            notes.append(say("help_default", default=extra["default"]))
        if "range" in extra:
            notes.append(extra["range"])
        if "required" in extra:
            notes.append(say("help_required"))
        if notes:
            text = f"{text}  [{'; '.join(notes)}]" if text else f"[{'; '.join(notes)}]"
        return self.get_help_spec(ctx), text


class KurssiArgument(click.Argument):
    """An argument whose metavar is a label key ('[KURSSITIEDOSTO]', 'AIKATAULU')."""

    def make_metavar(self, ctx: click.Context) -> str:
        if self.metavar is None or not has_label(self.metavar):
            return super().make_metavar(ctx)
        words = say(self.metavar)
        return words if self.required else f"[{words}]"

    @property
    def human_readable_name(self) -> str:
        return say(self.metavar) if self.metavar and has_label(self.metavar) else self.name or ""


class _Worded:
    """Help of a command or of the group in the reader's language: the texts are labels named
    after the command ('help_solve', 'help_short_solve')."""

    name: str | None

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        pieces = self.collect_usage_pieces(ctx)  # type: ignore[attr-defined]
        formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{say('help_usage')} ")

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        if not has_label(f"help_{self.name}"):  # a command declared with a docstring only
            super().format_help_text(ctx, formatter)  # type: ignore[misc]
            return
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(say(f"help_{self.name}"))

    def get_short_help_str(self, limit: int = 45) -> str:
        if not has_label(f"help_short_{self.name}"):
            return super().get_short_help_str(limit)  # type: ignore[misc,no-any-return]
        return say(f"help_short_{self.name}")

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [
            record
            for param in self.get_params(ctx)  # type: ignore[attr-defined]
            if not isinstance(param, click.Argument)
            and (record := param.get_help_record(ctx)) is not None
        ]
        if records:
            with formatter.section(say("help_options")):
                formatter.write_dl(records)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(say("help_exit_codes"))

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)  # type: ignore[misc]
        if option is not None:
            option.help = say("help_help")
        return option  # type: ignore[no-any-return]


class KurssiCommand(_Worded, click.Command):
    """A command worded in the reader's language."""

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        pieces = [say("metavar_options")]
        for param in self.get_params(ctx):
            pieces.extend(param.get_usage_pieces(ctx))
        return pieces


def usage_error_words(error: click.UsageError) -> str:
    """What click found wrong with a command line, in the reader's words."""
    ctx = error.ctx
    if isinstance(error, click.NoSuchOption):
        near = list(error.possibilities or ())
        hint = f"; {say('did_you_mean', names=', '.join(near)).strip()}" if near else ""
        return say("usage_no_such_option", option=error.option_name) + hint
    if isinstance(error, click.BadOptionUsage):
        key = "usage_no_value" if "does not take a value" in error.message else "usage_needs_value"
        return say(key, option=error.option_name)
    if isinstance(error, click.MissingParameter):
        hint = error.param.get_error_hint(ctx) if error.param is not None else ""
        return say("usage_missing", param=hint)
    if isinstance(error, click.BadParameter):
        param = error.param
        hint = (param.get_error_hint(ctx) if param is not None else "") or str(
            error.param_hint or ""
        )
        kind = param.type if param is not None else None
        if isinstance(kind, click.Choice):
            choices = ", ".join(str(c) for c in kind.choices)
            return say("usage_choice", param=hint, choices=choices)
        if isinstance(kind, click.IntRange | click.FloatRange):
            return say("usage_range", param=hint, low=kind.min, high=kind.max)
        if isinstance(kind, click.types.IntParamType | click.types.FloatParamType):
            return say("usage_number", param=hint)
        if isinstance(kind, click.DateTime):
            return say("usage_date", param=hint)
        return say("usage_bad_value", param=hint, detail=error.message)
    extra = re.match(r"Got unexpected extra arguments? \((.*)\)", error.message)
    if extra:
        return say("usage_extra", args=extra.group(1))
    command = re.match(r"No such command '(.*)'", error.message)
    if command:
        return say("usage_no_such_command", name=command.group(1))
    return error.message  # kurssi's own, worded already


def tell_usage_error(error: click.UsageError) -> None:
    """A usage error as click frames it (usage, where help is, the error), in words."""
    ctx = error.ctx
    if isinstance(error, click.exceptions.NoArgsIsHelpError) and ctx is not None:
        click.echo(ctx.get_help(), err=True)  # `kurssi` alone: the help is the answer
        return
    if ctx is not None:
        click.echo(ctx.get_usage(), err=True)
        names = ctx.command.get_help_option_names(ctx)
        if names:
            click.echo(
                say("help_try", command=ctx.command_path, option=max(names, key=len)), err=True
            )
        click.echo("", err=True)
    click.echo(say("cli_error", problem=usage_error_words(error)), err=True)


class KurssiGroup(_Worded, click.Group):
    """Turns the library's errors into plain messages and exit codes, never a traceback.

    Warnings about the input (scheduler.errors.CourseWarning) are printed to stderr as they come
    and do not stop the command. Everything is worded in the reader's language: Finnish unless
    --lang (or the course a command reads) says otherwise.
    """

    command_class = KurssiCommand

    def main(self, args: Any = None, *rest: Any, **options: Any) -> Any:
        words = list(sys.argv[1:] if args is None else args)
        # Each run starts afresh (tests run many in one process).
        with reading_in(_asked_language(words) or "fi"):
            return super().main(words, *rest, **options)

    def make_context(self, *args: Any, **options: Any) -> click.Context:
        try:
            return super().make_context(*args, **options)
        except click.UsageError as error:
            tell_usage_error(error)
            raise click.exceptions.Exit(EXIT_BAD_INPUT) from None

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [say("metavar_options"), say("metavar_command")]

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_options(ctx, formatter)
        self.format_commands(ctx, formatter)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str()))
        if rows:
            with formatter.section(say("help_commands")):
                formatter.write_dl(rows)

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
        except click.UsageError as error:
            tell_usage_error(error)
            ctx.exit(EXIT_BAD_INPUT)
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


def _read_in(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--lang sets the language of the messages as soon as it is read."""
    if value is not None:
        set_reader(value)
    return value


def option(*names: str, **settings: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """click.option worded from the label table (help and metavar are label keys)."""
    return click.option(*names, cls=KurssiOption, **settings)


def argument(*names: str, **settings: Any) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.argument(*names, cls=KurssiArgument, **settings)


def lang_option(help_key: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return option(
        "--lang",
        type=click.Choice(["fi", "en"]),
        default=None,
        is_eager=True,
        callback=_read_in,
        help=help_key,
    )


@click.group(
    cls=KurssiGroup, name="kurssi", context_settings={"help_option_names": ["-h", "--help"]}
)
@click.version_option(
    __version__, prog_name="kurssi", message="%(prog)s %(version)s", help="help_version",
    cls=KurssiOption,
)  # fmt: skip
@option("--debug", is_flag=True, help="help_debug")
@lang_option("help_lang_group")
def main(debug: bool, lang: str | None) -> None:
    """kurssi: timetables for Kela rehabilitation courses (help in words.py: help_kurssi)."""


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


def _cost_line(cost: PreferenceCost, language: str) -> str:
    """'tyhjää odotusta yhteensä 2 h (paino 1, sakkopisteitä 120)'."""
    return label(
        "preference_cost_line",
        language,
        words=text_in(cost.text, language),
        weight=cost.weight,
        penalty=number(cost.penalty, language, 0),
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
            say("console_good_enough_bad", text=text), param_hint="--good-enough"
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


# Options several commands share, spelt once. (Files and folders are checked by the loaders,
# which say what is wrong in the reader's words, not by click.Path.)
out_option = option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    metavar="metavar_folder",
    default=DEFAULT_OUTPUT_DIR,
    show_default=True,
    help="help_out",
)
seed_option = option(
    "--seed", type=int, metavar="metavar_number", default=0, show_default=True, help="help_seed"
)
workers_option = option(
    "--workers",
    type=int,
    metavar="metavar_number",
    default=2,
    show_default=True,
    help="help_workers",
)
quiet_option = option("--quiet", is_flag=True, help="help_quiet")


def time_limit_option(
    default: float, help_key: str = "help_time_limit"
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return option(
        "--time-limit",
        type=click.FloatRange(min=0.0, min_open=True, max=24 * 3600.0),
        metavar="metavar_seconds",
        default=default,
        show_default=True,
        help=help_key,
    )


deterministic_option = option("--deterministic", is_flag=True, help="help_deterministic")
# Wall-clock time is the default now; the old flag still runs.
fast_option = click.option("--fast", is_flag=True, hidden=True)
good_enough_option = option(
    "--good-enough", metavar="metavar_good_enough", default=None, help="help_good_enough"
)


@main.command("solve")
@argument("course_file", required=False, type=click.Path(path_type=Path), metavar="metavar_course")
@out_option
@time_limit_option(SOLVE_SECONDS)
@seed_option
@workers_option
@deterministic_option
@good_enough_option
@fast_option
@lang_option("help_lang_solve")
@quiet_option
@option("--participant-names", is_flag=True, help="help_participant_names")
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
    """A week timetable for a course file (help: help_solve in words.py)."""
    started = clock.run_began()
    path = course_file or DEFAULT_COURSE
    check_output_folder(out_dir)
    if _is_plan_file(path):
        click.get_current_context().invoke(
            plan_command, plan_file=path, out_dir=out_dir, time_limit=time_limit, seed=seed,
            workers=workers, deterministic=deterministic, good_enough=good_enough, fast=fast,
            quiet=quiet, lang=lang,
        )  # fmt: skip
        return
    course = load_course(path)
    language = lang or course.info.language
    set_reader(language)
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
            objective=number(result.objective, language, 0),
            bound=number(result.bound, language, 0),
            seconds=number(result.seconds, language, 1),
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


@main.command("export")
@argument("timetable_file", type=click.Path(path_type=Path), metavar="metavar_timetable")
@option(
    "--format",
    "fmt",
    type=click.Choice(["xlsx", "ics", "json"]),
    default="xlsx",
    show_default=True,
    help="help_format",
)
@lang_option("help_lang_export")
@out_option
@option("--participant-names", is_flag=True, help="help_participant_names_export")
def export_command(
    timetable_file: Path, fmt: str, lang: str | None, out_dir: Path, participant_names: bool
) -> None:
    """An output re-made from a timetable alone (help: help_export in words.py)."""
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


@main.command("check")
@argument("timetable_file", type=click.Path(path_type=Path), metavar="metavar_timetable")
@lang_option("help_lang_check")
@option(
    "--standard", "standard_ref", metavar="metavar_standard", default=None, help="help_standard"
)
def check_command(timetable_file: Path, lang: str | None, standard_ref: str | None) -> None:
    """Every rule of the standard judged (help: help_check in words.py)."""
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


@main.command("resolve")
@argument("timetable_file", type=click.Path(path_type=Path), metavar="metavar_timetable")
@option(
    "--changes",
    "changes_file",
    type=click.Path(path_type=Path),
    metavar="metavar_file",
    help="help_changes",
)
@option("--now", metavar="metavar_moment", help="help_now")
@option(
    "--notice",
    type=click.IntRange(0, 7 * 24 * 60),
    metavar="metavar_minutes",
    default=None,
    help="help_notice",
)
@option("--unavailable", multiple=True, metavar="metavar_who_span", help="help_unavailable")
@option("--replace", multiple=True, metavar="metavar_old_new", help="help_replace")
@option("--add-staff", multiple=True, metavar="metavar_name_role", help="help_add_staff")
@option("--remove-staff", multiple=True, metavar="metavar_who", help="help_remove_staff")
@option(
    "--room-unavailable", multiple=True, metavar="metavar_room_span", help="help_room_unavailable"
)
@option(
    "--participant-leaves",
    multiple=True,
    metavar="metavar_participant_when",
    help="help_participant_leaves",
)
@option("--end-early", multiple=True, metavar="metavar_session", help="help_end_early")
@option(
    "--accept-shortfall", multiple=True, metavar="metavar_session", help="help_accept_shortfall"
)
@option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    metavar="metavar_folder",
    default=None,
    help="help_out_resolve",
)
@lang_option("help_lang_resolve")
@option("--calendars", is_flag=True, help="help_calendars")
@option("--repair", "repair_edits", is_flag=True, help="help_repair")
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
    """A timetable re-planned after a change (help: help_resolve in words.py)."""
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
    language = reader()
    click.echo(say("cli_edits_break", file=timetable_file), err=True)
    for failure in report.failures:
        click.echo(f"  {failure.rule} {rule_title(failure.rule, language)}", err=True)
        for reason in failure.reasons_in(language):
            click.echo(f"     - {reason}", err=True)
    click.echo(say("cli_fix_edits"), err=True)
    click.get_current_context().exit(EXIT_CHECK_FAILED)


@main.command("plan")
@argument("plan_file", type=click.Path(path_type=Path), metavar="metavar_plan")
@out_option
@time_limit_option(30.0, "help_time_limit_plan")
@seed_option
@workers_option
@deterministic_option
@good_enough_option
@fast_option
@quiet_option
@lang_option("help_lang_plan")
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
    lang: str | None = None,
) -> None:
    """Week timetables of courses that share staff and rooms (help: help_plan in words.py)."""
    started = clock.run_began()
    check_output_folder(out_dir)
    plan = load_plan(plan_file)
    language = lang or (plan.courses[0].course.info.language if plan.courses else "fi")
    set_reader(language)
    tell = (lambda _: None) if quiet else (lambda text: click.echo(text, err=True))
    names = {m.id: m.label for entry in plan.courses for m in entry.course.staff}
    shared = joined([names.get(s, s) for s in plan.shared.staff], language)
    tell(say("planning_start", count=len(plan.courses), path=plan_file, shared=shared))
    options = _solve_options(
        time_limit, seed, workers, deterministic, quiet, language, good_enough, started
    )
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


@main.command("init")
@option(
    "--out",
    "yaml_file",
    type=click.Path(path_type=Path),
    metavar="metavar_file",
    default=None,
    help="help_init_out",
)
@option(
    "--excel",
    "excel_file",
    type=click.Path(path_type=Path),
    metavar="metavar_file",
    default=None,
    help="help_init_excel",
)
@option(
    "--standard",
    "standard_id",
    metavar="metavar_id",
    default="kela-reuma-2017",
    show_default=True,
    help="help_init_standard",
)
@option(
    "--first-day",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    metavar="metavar_date",
    default=None,
    help="help_first_day",
)
@lang_option("help_lang_init")
def init_command(
    yaml_file: Path | None,
    excel_file: Path | None,
    standard_id: str,
    first_day: Any,
    lang: str | None = None,
) -> None:
    """A new course file or form from the standard's defaults (help: help_init in words.py)."""
    if yaml_file is None and excel_file is None:
        yaml_file = Path("course.yaml")
    for path, what in ((yaml_file, "file_yaml"), (excel_file, "file_form")):
        if path is not None and path.is_dir():
            raise InputError(str(path), "", say("doc_folder", what=say(what)))
    written = write_new_course(
        free_path(yaml_file) if yaml_file else None,
        free_path(excel_file) if excel_file else None,
        standard_id,
        first_day.date() if first_day else None,
    )
    for path in written:
        _say_wrote(path, reader())


@main.command("suggest")
@argument("timetable_file", type=click.Path(path_type=Path), metavar="metavar_timetable")
@argument("session_id", metavar="metavar_session")
@option(
    "--count", type=int, metavar="metavar_number", default=10, show_default=True, help="help_count"
)
@option(
    "--time-limit",
    type=float,
    metavar="metavar_seconds",
    default=2.0,
    show_default=True,
    help="help_suggest_time_limit",
)
@lang_option("help_lang_suggest")
def suggest_command(
    timetable_file: Path, session_id: str, count: int, time_limit: float, lang: str | None
) -> None:
    """Other places for one session that keep every rule (help: help_suggest in words.py)."""
    timetable = load_timetable(timetable_file)
    language = lang or timetable.course.language
    set_reader(language)
    standard = load_standard(timetable.standard)
    options = SuggestOptions(count=count, time_limit=time_limit)
    found = suggest(timetable, standard, session_id, options)
    if not found:
        click.echo(say("suggest_none", session=session_id))
        return
    staff = {m.id: m.label for m in timetable.staff}
    rooms = {r.id: r.name or r.id for r in timetable.rooms}
    for n, place in enumerate(found, 1):
        people = ", ".join(staff.get(s, s) for s in place.staff)
        moved = say("suggest_also_moves", sessions=", ".join(place.moved)) if place.moved else ""
        room = rooms.get(place.room, place.room) if place.room else ""
        click.echo(
            say(
                "suggest_place",
                n=f"{n:2}",
                when=label(
                    "placement",
                    language,
                    day=short_date(place.date, language),
                    time=clock_span(place.start, place.end),
                ),
                staff=people,
                room=room,
                penalty=f"{place.penalty_change:+g}".replace(".", "," if language == "fi" else "."),
                moved=moved,
            )
        )


@main.command("serve")
@argument(
    "folder",
    required=False,
    type=click.Path(path_type=Path),
    default=Path("."),
    metavar="metavar_folder",
)
@option(
    "--port", type=int, metavar="metavar_number", default=8765, show_default=True, help="help_port"
)
@option("--host", metavar="metavar_host", default="127.0.0.1", show_default=True, help="help_host")
@option("--open", "open_browser", is_flag=True, help="help_open")
@lang_option("help_lang_serve")
def serve_command(folder: Path, port: int, host: str, open_browser: bool, lang: str | None) -> None:
    """The course manager's workspace in the browser (help: help_serve in words.py)."""
    if not folder.is_dir():
        raise InputError(str(folder), "", say("serve_no_folder"))
    password = os.environ.get("KURSSI_PASSWORD") or None
    if not is_loopback(host) and password is None and sys.stdin.isatty():
        password = click.prompt(say("serve_password_prompt"), hide_input=True) or None
    try:
        require_password_for(host, password)
    except PasswordNeeded:
        raise click.UsageError(say("serve_password_needed", host=host)) from None
    app = create_app(folder, host=host, password=password)
    url = f"http://{'127.0.0.1' if is_loopback(host) else host}:{port}/"
    click.echo(say("serve_started", folder=folder.resolve(), url=url))
    if open_browser:
        threading.Timer(1.0, webbrowser.open, args=(url,)).start()
    app.run(host=host, port=port, debug=False, use_reloader=False, threaded=True)
