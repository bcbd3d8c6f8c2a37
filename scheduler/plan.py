"""A provider's week: several courses that share staff and rooms, planned together.

A plan file (YAML) lists the courses (course files, paths relative to the plan file, or a course
held inline) and optionally facts about shared people for the whole week:

    plan: {title: Kevätviikko 2027}
    courses:
      - {id: reuma-a, file: ../courses/default.yaml}
      - {id: reuma-b, course: {course: {...}, staff: [...], ...}}
    staff:                                    # optional: overrides the course files' entries
      - {id: pt2, availability: {2027-03-08: ["08:00-13:00"]}, max_minutes: 900}

The same staff id in two courses is the same person: never in two courses at once (R29), their
availability the same in both, their `max_minutes` over the whole week. The same room id is one
room (R30). Each course still meets its own standard.

Solving is staged (solver-notes.md: one joint model slows sharply from 4 courses on): each course
alone, seeing what the earlier ones booked of the shared people and rooms, then all courses
jointly with the staged timetables as a complete hint, improving the sum of the penalties.
When a plan has no timetable, `explain` says which shared person (or room) cannot serve all
their courses, on which days, with the hours each course needs of them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple, TypedDict

from ortools.sat.python import cp_model
from pydantic import ValidationError

from models.base import Frozen, SessionKind, Window, format_clock
from models.course import Course, StaffMember
from models.timetable import SolverInfo, Timetable
from scheduler import __version__
from scheduler.cpsat.build import (
    DETERMINISTIC_UNITS_PER_SECOND,
    SolveOptions,
    build_model,
    extract_sessions,
    parameters,
)
from scheduler.cpsat.plan import Booked, PlanPart, Shared, hint, plan_model, stage_model
from scheduler.load import (
    InputError,
    YamlDocument,
    combine,
    course_from_data,
    explain_validation,
    file_sha256,
    read_yaml,
)
from scheduler.precheck import WEEKDAY_NAMES, hours, joined, person
from scheduler.solve import Infeasible, Progress

__all__ = ["Plan", "PlanCourse", "PlanResult", "explain", "load_plan", "solve_plan"]

PLAN_SECTIONS = ("plan", "courses", "staff")


@dataclass(frozen=True)
class PlanCourse:
    key: str  # the course's id in the plan: names its outputs
    course: Course
    source: str
    sha256: str | None = None


@dataclass(frozen=True)
class Plan:
    title: str
    courses: tuple[PlanCourse, ...]
    shared: Shared = field(default_factory=Shared)

    @property
    def first_day(self) -> date:
        return min(c.course.info.first_day for c in self.courses)

    def pairs(self) -> list[tuple[str, Course]]:
        return [(c.key, c.course) for c in self.courses]


# -- loading -------------------------------------------------------------------------------


class StaffFacts(Frozen):
    """A shared person's facts for the whole week, overriding the course files' entries."""

    id: str
    name: str | None = None
    availability: dict[date, tuple[Window, ...]] | None = None
    max_minutes: int | None = None


def _subdocument(doc: YamlDocument, prefix: tuple[str | int, ...], data: Any) -> YamlDocument:
    """An inline course as a document of its own, its places still lines of the plan file."""
    marks = {
        loc[len(prefix) :]: mark for loc, mark in doc.marks.items() if loc[: len(prefix)] == prefix
    }
    return YamlDocument(doc.path, data, marks)


def _course_entry(doc: YamlDocument, index: int, entry: Any) -> PlanCourse:
    name, here = str(doc.path), ("courses", index)
    if not isinstance(entry, dict):
        raise InputError(
            name, doc.place(here), "each course entry needs an 'id' and a 'file' (or 'course')"
        )
    unknown = [key for key in entry if key not in ("id", "file", "course")]
    if unknown:
        raise InputError(
            name,
            doc.place((*here, unknown[0])),
            f"unknown field {str(unknown[0])!r}; a course entry has id, and file or course",
        )
    key = entry.get("id")
    if not isinstance(key, str) or not key.strip():
        raise InputError(
            name, doc.place(here), "a course entry needs an 'id' (it names the course's outputs)"
        )
    if ("file" in entry) == ("course" in entry):
        raise InputError(
            name,
            doc.place(here),
            f"course {key!r} needs either 'file' (a course file) or 'course' (the course inline)",
        )
    if "file" in entry:
        if not isinstance(entry["file"], str):
            raise InputError(name, doc.place((*here, "file")), "'file' should be a path")
        path = (doc.path.parent / entry["file"]).resolve()
        if not path.is_file():
            raise InputError(
                name,
                doc.place((*here, "file")),
                f"no course file {entry['file']!r} (looked for {path}); paths are relative to "
                "the plan file",
            )
        course_doc = read_yaml(path)
        course = course_from_data(course_doc.data, course_doc)
        return PlanCourse(key=key, course=course, source=str(path), sha256=file_sha256(path))
    inline = _subdocument(doc, (*here, "course"), entry["course"])
    course = course_from_data(entry["course"], inline)
    return PlanCourse(key=key, course=course, source=f"{name}: {doc.place((*here, 'course'))}")


def _with_facts(courses: list[PlanCourse], facts: list[StaffFacts]) -> list[PlanCourse]:
    result = []
    for entry in courses:
        staff = []
        for member in entry.course.staff:
            fact = next((f for f in facts if f.id == member.id), None)
            if fact is not None:
                update = {
                    k: getattr(fact, k)
                    for k in fact.model_fields_set - {"id"}
                    if getattr(fact, k) is not None
                }
                member = member.model_copy(update=update)
            staff.append(member)
        course = entry.course.with_changes(staff=tuple(staff))
        result.append(PlanCourse(entry.key, course, entry.source, entry.sha256))
    return result


def shared_of(courses: Sequence[PlanCourse], facts: Sequence[StaffFacts] = ()) -> Shared:
    """The people and rooms that appear in more than one course."""
    shared = Shared()
    staff: dict[str, list[str]] = {}
    rooms: dict[str, list[str]] = {}
    for entry in courses:
        for member in entry.course.staff:
            staff.setdefault(member.id, []).append(entry.key)
        for room in entry.course.rooms:
            rooms.setdefault(room.id, []).append(entry.key)
    shared.staff = {k: v for k, v in staff.items() if len(v) > 1}
    shared.rooms = {k: v for k, v in rooms.items() if len(v) > 1}
    for staff_id in shared.staff:
        fact = next((f for f in facts if f.id == staff_id), None)
        limits = [
            c.course.member(staff_id).max_minutes
            for c in courses
            if any(s.id == staff_id for s in c.course.staff)
        ]
        most = fact.max_minutes if fact and fact.max_minutes is not None else None
        if most is None and any(m is not None for m in limits):
            most = min(m for m in limits if m is not None)
        if most is not None:
            shared.week_max_minutes[staff_id] = most
    return shared


def _consistent(doc: YamlDocument, courses: list[PlanCourse]) -> None:
    """One person has one role, one room one kind; all courses use the same slot size."""
    name, problems = str(doc.path), []
    roles: dict[str, tuple[str, str]] = {}
    kinds: dict[str, tuple[str, str]] = {}
    slot = courses[0].course.info.slot_minutes
    for index, entry in enumerate(courses):
        place = doc.place(("courses", index))
        if entry.course.info.slot_minutes != slot:
            problems.append(
                InputError(
                    name,
                    place,
                    f"course {entry.key!r} has {entry.course.info.slot_minutes}-min slots and "
                    f"{courses[0].key!r} {slot}-min ones; the courses of a plan share one slot size",
                )
            )
        for member in entry.course.staff:
            first = roles.setdefault(member.id, (member.role, entry.key))
            if first[0] != member.role:
                problems.append(
                    InputError(
                        name,
                        place,
                        f"staff {member.id!r} is a {member.role} in {entry.key!r} but a "
                        f"{first[0]} in {first[1]!r}; the same id is the same person in every "
                        "course: use another id for another person",
                    )
                )
        for room in entry.course.rooms:
            first = kinds.setdefault(room.id, (room.kind, entry.key))
            if first[0] != room.kind:
                problems.append(
                    InputError(
                        name,
                        place,
                        f"room {room.id!r} is a {room.kind} in {entry.key!r} but a {first[0]} in "
                        f"{first[1]!r}; the same id is the same room in every course",
                    )
                )
    if problems:
        raise combine(problems)


def load_plan(path: Path | str) -> Plan:
    """A plan file as a Plan; InputError (exit 2) naming the file and place of any problem."""
    doc = read_yaml(Path(path))
    name, data = str(doc.path), doc.data
    if not isinstance(data, dict):
        raise InputError(
            name, "line 1", f"a plan file is a mapping of sections ({', '.join(PLAN_SECTIONS)})"
        )
    unknown = [key for key in data if key not in PLAN_SECTIONS]
    if unknown:
        raise InputError(
            name,
            doc.place((unknown[0],)),
            f"unknown section {str(unknown[0])!r}; the sections are {', '.join(PLAN_SECTIONS)}",
        )
    info = data.get("plan") or {}
    if not isinstance(info, dict) or not isinstance(info.get("title", ""), str):
        raise InputError(name, doc.place(("plan",)), "'plan' should be a mapping with a 'title'")
    listed = data.get("courses")
    if not isinstance(listed, list) or not listed:
        raise InputError(
            name,
            doc.place(("courses",)) if "courses" in data else "line 1",
            "'courses' should list the plan's courses, each with an id and a file (or course)",
        )
    courses = [_course_entry(doc, index, entry) for index, entry in enumerate(listed)]
    seen: dict[str, int] = {}
    for index, entry in enumerate(courses):
        if entry.key in seen:
            raise InputError(
                name,
                doc.place(("courses", index, "id")),
                f"course id {entry.key!r} appears twice (courses[{seen[entry.key]}]); ids name "
                "the outputs and must be unique",
            )
        seen[entry.key] = index
    facts = _staff_facts(doc, data.get("staff"), courses)
    courses = _with_facts(courses, facts)
    _consistent(doc, courses)
    title = info.get("title") or doc.path.stem
    return Plan(title=title, courses=tuple(courses), shared=shared_of(courses, facts))


def _staff_facts(doc: YamlDocument, section: Any, courses: list[PlanCourse]) -> list[StaffFacts]:
    if section is None:
        return []
    name = str(doc.path)
    if not isinstance(section, list):
        raise InputError(
            name, doc.place(("staff",)), "'staff' should be a list of entries with an 'id'"
        )
    known = {m.id for c in courses for m in c.course.staff}
    facts, problems = [], []
    for index, item in enumerate(section):
        try:
            fact = StaffFacts.model_validate(item)
        except ValidationError as error:
            problems.append(explain_validation(doc, error, ("staff", index)))
            continue
        if fact.id not in known:
            problems.append(
                InputError(
                    name,
                    doc.place(("staff", index, "id")),
                    f"no staff {fact.id!r} in any course of the plan; the plan's staff entries "
                    "give facts about people the course files list",
                )
            )
        facts.append(fact)
    if problems:
        raise combine(problems)
    return facts


def plan_of(courses: Sequence[tuple[str, Course]], title: str = "plan") -> Plan:
    """A plan made in code (the bench's generated weeks)."""
    entries = [PlanCourse(key=key, course=course, source=key) for key, course in courses]
    return Plan(title=title, courses=tuple(entries), shared=shared_of(entries))


# -- solving -------------------------------------------------------------------------------


@dataclass
class CourseResult:
    key: str
    course: Course
    timetable: Timetable
    penalty: float


@dataclass
class PlanResult:
    courses: list[CourseResult]
    status: str  # the joint solve's status, or STAGED when only the stages found timetables
    objective: float
    bound: float | None
    seconds: float
    staged_seconds: float  # wall time of the staged solves: the first complete plan
    staged: bool  # whether the stages gave the joint solve a complete hint
    trace: list[Progress] = field(default_factory=list)  # joint progress, plan wall time
    variables: int = 0  # the joint model's size
    constraints: int = 0

    @property
    def optimal(self) -> bool:
        return self.status == "OPTIMAL"

    @property
    def first_feasible_seconds(self) -> float | None:
        if self.staged:
            return self.staged_seconds
        return self.trace[0].seconds if self.trace else None


def stage_limit(options: SolveOptions) -> float:
    """Seconds a course's staged solve may take to find its first timetable (it stops there)."""
    return max(10.0, options.time_limit / 2)


def improve_limit(options: SolveOptions, count: int) -> float:
    """Seconds each staged course then improves its own timetable: a tenth of the time over the
    courses, 0.5-2 s."""
    return max(0.5, min(2.0, 0.1 * options.time_limit / count))


class Staged(NamedTuple):
    """What the staged solves found: a complete start for the joint solve."""

    values: dict[str, list[int]]  # every course's full variable values: the joint hint
    solved: list[tuple[PlanPart, cp_model.CpSolver]]  # each stage and its solver
    seconds: float  # what the stages count against the time limit


def _stages(
    plan: Plan, order: Sequence[PlanCourse], options: SolveOptions, say: Callable[[str], None]
) -> Staged | str:
    """Each course alone in plan order, the shared people and rooms held by earlier ones blocked,
    each stopping at its first timetable (the joint solve improves them all together).

    Returns every course's full variable values (the joint solve's hint), the stages' solvers
    and the seconds they count against the time limit (deterministic time in deterministic
    runs); or the key of a course that found nothing beside the earlier ones' choices.
    """
    booked = Booked()
    values: dict[str, list[int]] = {}
    solved: list[tuple[PlanPart, cp_model.CpSolver]] = []
    used = 0.0
    for entry in order:
        part = stage_model(entry.key, entry.course, plan.first_day, plan.shared, booked)
        stage_options = SolveOptions(
            time_limit=stage_limit(options),
            seed=options.seed,
            workers=options.workers,
            deterministic=options.deterministic,
        )
        solver = parameters(stage_options)
        solver.parameters.stop_after_first_solution = True
        status = solver.solve(part.built.model)
        used += (
            solver.deterministic_time / DETERMINISTIC_UNITS_PER_SECOND
            if options.deterministic
            else solver.wall_time
        )
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            say(f"  stage {entry.key}: {solver.status_name(status).lower()} after the others")
            return entry.key
        first = solver.wall_time
        if status == cp_model.FEASIBLE:
            # A short improvement from the first timetable: a better start for the joint solve.
            model = part.built.model
            model.clear_hints()
            proto = model.proto
            proto.solution_hint.vars.extend(range(len(proto.variables)))
            proto.solution_hint.values.extend(solver.response_proto.solution)
            stage_options.time_limit = improve_limit(options, len(plan.courses))
            better = parameters(stage_options)
            if better.solve(model) in (cp_model.OPTIMAL, cp_model.FEASIBLE):
                solver = better
            used += (
                better.deterministic_time / DETERMINISTIC_UNITS_PER_SECOND
                if options.deterministic
                else better.wall_time
            )
        say(
            f"  stage {entry.key}: first timetable in {first:.1f} s, "
            f"penalty {solver.objective_value:g} after {solver.wall_time:.1f} s more"
        )
        booked.record(part, solver, plan.shared)
        values[entry.key] = list(solver.response_proto.solution)
        solved.append((part, solver))
    return Staged(values, solved, used)


class _Trace(cp_model.CpSolverSolutionCallback):
    def __init__(self, started: float, report: Callable[[Progress], None] | None) -> None:
        super().__init__()
        self.started, self.report = started, report
        self.points: list[Progress] = []

    def on_solution_callback(self) -> None:
        point = Progress(
            seconds=time.monotonic() - self.started,
            objective=self.objective_value,
            bound=self.best_objective_bound,
        )
        self.points.append(point)
        if self.report:
            self.report(point)


def solve_plan(
    plan: Plan,
    options: SolveOptions | None = None,
    say: Callable[[str], None] = lambda _: None,
) -> PlanResult:
    """Timetables for every course of the plan, none sharing a person or a room at once.

    Raises Infeasible (with the person or room and the days) when the plan has no timetable.
    """
    from scheduler.precheck import precheck

    options = options or SolveOptions()
    for entry in plan.courses:
        try:
            precheck(entry.course)
        except Infeasible as error:
            raise Infeasible(
                [f"course {entry.key}: {reason}" for reason in error.reasons], error.status
            ) from None
    started = time.monotonic()
    staged: Staged | str | None = _stages(plan, plan.courses, options, say)
    if isinstance(staged, str):  # once more with the course that found nothing first
        stuck = staged
        order = sorted(plan.courses, key=lambda c: c.key != stuck)
        staged = _stages(plan, order, options, say)
    arithmetic_done = False
    if isinstance(staged, str):
        # Either order failed: first the cheap arithmetic over the shared people, which proves
        # the common clashes in seconds, before a joint solve that may take all the time.
        reasons = explain(plan, proven=False)
        if reasons:
            raise Infeasible(reasons)
        arithmetic_done = True
        say("  solving all courses jointly without a staged start")
        staged = None
    staged_seconds = time.monotonic() - started
    joint = plan_model(plan.pairs(), plan.shared)
    if staged is not None:
        hint(joint, staged.values)
    used = staged.seconds if staged else 0.0
    joint_options = SolveOptions(
        time_limit=max(1.0, options.time_limit - used),
        seed=options.seed,
        workers=options.workers,
        deterministic=options.deterministic,
        log=options.log,
    )
    solver = parameters(joint_options)
    trace = _Trace(started, options.progress)
    status = solver.solve(joint.model, trace)
    seconds = time.monotonic() - started
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        name = solver.status_name(status)
        results = [_course_result(part, solver, name, options, plan) for part in joint.parts]
        return PlanResult(
            courses=results,
            status=name,
            objective=solver.objective_value,
            bound=solver.best_objective_bound,
            seconds=seconds,
            staged_seconds=staged_seconds,
            staged=staged is not None,
            trace=trace.points,
            variables=len(joint.model.proto.variables),
            constraints=len(joint.model.proto.constraints),
        )
    if staged is not None:  # the joint solve ran out of time: the staged timetables stand
        results = [_course_result(p, s, "STAGED", options, plan) for p, s in staged.solved]
        return PlanResult(
            courses=results,
            status="STAGED",
            objective=sum(r.penalty for r in results),
            bound=None,
            seconds=seconds,
            staged_seconds=staged_seconds,
            staged=True,
            variables=len(joint.model.proto.variables),
            constraints=len(joint.model.proto.constraints),
        )
    reasons = explain(plan, proven=status == cp_model.INFEASIBLE, arithmetic=not arithmetic_done)
    if reasons:  # the arithmetic and the deletion filter both prove the plan impossible
        raise Infeasible(reasons)
    raise Infeasible(
        [
            f"no timetable for the plan found within the time limit ({options.time_limit:g} s; "
            f"solver status {solver.status_name(status)}); try a longer --time-limit"
        ],
        solver.status_name(status),
    )


def _course_result(
    part: PlanPart, solver: cp_model.CpSolver, status: str, options: SolveOptions, plan: Plan
) -> CourseResult:
    penalty = float(sum(solver.value(e) for e in part.built.objective_parts.values()))
    entry = next(c for c in plan.courses if c.key == part.key)
    info = SolverInfo(
        status=status,
        objective=penalty,
        bound=None,  # a joint solve bounds the plan's sum, not one course's penalty
        seconds=round(solver.wall_time, 3),
        seed=options.seed,
        workers=options.workers,
        time_limit=options.time_limit,
    )
    timetable = Timetable.for_course(
        part.course,
        extract_sessions(part.built, solver),
        solver=info,
        input_sha256=entry.sha256,
        tool_version=__version__,
    )
    return CourseResult(key=part.key, course=part.course, timetable=timetable, penalty=penalty)


# -- explaining ----------------------------------------------------------------------------


def _least_minutes(course: Course, staff_id: str, day: int | None, seconds: float) -> int | None:
    """A proven lower bound on the minutes a person is away for a course (sessions, meetings and
    travel), on one course day or the whole course; None if the course alone has no timetable."""
    built = build_model(course, with_objective=False)
    model, v = built.model, built.vars
    terms = []
    for o in v.occurrences:
        minutes = (o.length + 2 * o.transfer) * v.slot
        for lit in o.staff_lits_of(staff_id):
            if day is None:
                terms.append(minutes * lit)
            elif day in o.day_lit:
                both = model.new_bool_var("")
                model.add(both >= lit + o.day_lit[day] - 1)
                terms.append(minutes * both)
    model.minimize(sum(terms))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    status = solver.solve(model)
    if status == cp_model.INFEASIBLE:
        return None
    # The bound holds whether or not a timetable was found in the time.
    return max(0, math.ceil(solver.best_objective_bound - 1e-6))


def _windows(course: Course, member: StaffMember, day: date) -> list[tuple[int, int]]:
    """A person's working windows on a date, inside the course's day window."""
    span = course.info.day_window
    result = []
    for window in course.available_windows(member, day):
        start, end = max(window.start, span.start), min(window.end, span.end)
        if end > start:
            result.append((start, end))
    return sorted(result)


def _date(day: date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()]} {day.day}.{day.month}."


def _staff_reasons(plan: Plan, staff_id: str, seconds: float, fallback: bool = False) -> list[str]:
    """Hours each course needs of a shared person, against the hours they have (R29); with
    `fallback`, the days each course needs them when the arithmetic shows no clash."""
    keys = plan.shared.staff[staff_id]
    entries = [c for c in plan.courses if c.key in keys]
    member = entries[0].course.member(staff_id)
    who = person(member)
    # The windows of each date, as the course that has it says (the plan's staff facts make
    # them the same in every course); a date in two courses takes the narrower one.
    windows: dict[date, list[tuple[int, int]]] = {}
    for entry in entries:
        course = entry.course
        for day in course.days:
            own = _windows(course, course.member(staff_id), day)
            if day not in windows or sum(e - s for s, e in own) < sum(
                e - s for s, e in windows[day]
            ):
                windows[day] = own
    available = {day: sum(e - s for s, e in spans) for day, spans in windows.items()}
    need: dict[str, dict[date, int]] = {}
    total: dict[str, int] = {}
    for entry in entries:
        total[entry.key] = _least_minutes(entry.course, staff_id, None, seconds) or 0
    for entry in entries:
        course = entry.course
        need[entry.key] = {}
        for index, day in enumerate(course.days):
            if not available.get(day):
                continue  # nobody needs a person on a day they are away
            if not fallback and sum(total.values()) <= available[day]:
                continue  # this day holds even all the week's needs: it cannot be the clash
            need[entry.key][day] = _least_minutes(course, staff_id, index, seconds) or 0

    def spans_text(day: date) -> str:
        spans = windows.get(day, [])
        if not spans:
            return "not at all"
        return ", ".join(f"{format_clock(s)}–{format_clock(e)}" for s, e in spans)

    reasons = []
    for day in sorted(available):
        needed = {k: n[day] for k, n in need.items() if n.get(day)}
        if len(needed) > 1 and sum(needed.values()) > available[day]:
            parts = joined([f"{k} at least {hours(m)}" for k, m in needed.items()])
            reasons.append(
                f"R29: {who} is shared by {joined(keys)} but cannot be in both on "
                f"{_date(day)}: {parts} of {member.id} that day ({hours(sum(needed.values()))} in "
                f"all), and {member.id} is available {hours(available[day])} then "
                f"({spans_text(day)})"
            )
    if not reasons and sum(total.values()) > sum(available.values()):
        days = [d for d in sorted(available) if available[d]]
        parts = joined([f"{k} at least {hours(m)}" for k, m in total.items()])
        reasons.append(
            f"R29: {who} is shared by {joined(keys)} but cannot serve all of them: over the week "
            f"the courses need {parts} of {member.id} ({hours(sum(total.values()))} in all), and "
            f"{member.id} is available {hours(sum(available.values()))}: "
            + "; ".join(f"{_date(d)} {spans_text(d)}" for d in days)
        )
    most = plan.shared.week_max_minutes.get(staff_id)
    if not reasons and most is not None:
        counted = {e.key: _least_counted(e.course, staff_id, seconds) for e in entries}
        if sum(counted.values()) > most:
            parts = joined([f"{k} at least {hours(m)}" for k, m in counted.items()])
            reasons.append(
                f"R29: {who} may work at most {hours(most)} with participants over the week, "
                f"but {parts} ({hours(sum(counted.values()))} in all)"
            )
    if not reasons and fallback:
        needed_days = {k: [d for d, m in n.items() if m] for k, n in need.items()}
        said = joined(
            [
                f"{k} needs {member.id} on {joined([_date(d) for d in ds])}"
                for k, ds in needed_days.items()
                if ds
            ]
        )
        reasons.append(
            f"R29: {who} is shared by {joined(keys)}, and with {member.id} in all of them no "
            f"timetable exists, though each course alone has one"
            + (f"; on its own, {said}" if needed_days and any(needed_days.values()) else "")
            + f"; {member.id} is available "
            + "; ".join(f"{_date(d)} {spans_text(d)}" for d in sorted(windows))
        )
    return reasons


def _least_counted(course: Course, staff_id: str, seconds: float) -> int:
    """A proven lower bound on a person's minutes with participants in a course (R26)."""
    built = build_model(course, with_objective=False)
    built.model.minimize(built.vars.staff_minutes(staff_id))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.max_time_in_seconds = seconds
    if solver.solve(built.model) == cp_model.INFEASIBLE:
        return 0
    return max(0, math.ceil(solver.best_objective_bound - 1e-6))


def _resources(plan: Plan) -> list[str]:
    return [f"room:{r}" for r in plan.shared.rooms] + [f"staff:{s}" for s in plan.shared.staff]


def _status(plan: Plan, keep: Sequence[str], seconds: float) -> cp_model.CpSolverStatus:
    joint = plan_model(plan.pairs(), plan.shared, keep=keep)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 2
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.stop_after_first_solution = True
    return solver.solve(joint.model)


def explain(
    plan: Plan, proven: bool = True, seconds: float = 0.5, arithmetic: bool = True
) -> list[str]:
    """Why the plan has no timetable, in words: the shared people (or rooms) who cannot serve
    all their courses, the days and the hours. Empty when no reason could be found.

    First the arithmetic for each shared person: on each day (and over the week) the least
    time each course needs of them, proven per course by the solver, against their
    availability. If that shows nothing, a deletion filter over the shared people and rooms
    names the ones whose sharing makes the plan impossible (only when infeasibility is proven).
    `arithmetic=False` skips the first step (when it was done already).
    """
    reasons: list[str] = []
    for staff_id in plan.shared.staff if arithmetic else ():
        reasons.extend(_staff_reasons(plan, staff_id, seconds))
    if reasons or not proven:
        return reasons
    keep = _resources(plan)
    for resource in list(keep):
        trial = [k for k in keep if k != resource]
        if _status(plan, trial, 5.0) == cp_model.INFEASIBLE:
            keep = trial
    for resource in keep:
        kind, ident = resource.split(":", 1)
        if kind == "staff":
            reasons.extend(_staff_reasons(plan, ident, seconds, fallback=True))
        else:
            keys = plan.shared.rooms[ident]
            reasons.append(
                f"R30: room {ident} is shared by {joined(keys)}, and with it in all of them no "
                "timetable exists (each course alone has one): the courses need it at the same "
                "times; give one course another room of its kind"
            )
    return reasons


class StaffWeek(TypedDict):
    """A person's week in the overview: busy minutes per course, and in all."""

    courses: dict[str, int]
    busy_minutes: int


class Overview(TypedDict):
    staff: dict[str, StaffWeek]
    rooms: dict[str, dict[str, int]]  # a room's minutes of use per course


def overview(result: PlanResult) -> Overview:
    """The provider's week: minutes each person is busy (sessions, meetings, travel) per course,
    and each room's minutes of use per course."""
    staff: dict[str, StaffWeek] = {}
    rooms: dict[str, dict[str, int]] = {}
    for course_result in result.courses:
        for session in course_result.timetable.sessions:
            if session.kind in (SessionKind.MEAL, SessionKind.BREAK):
                continue
            for staff_id in session.staff:
                row = staff.setdefault(staff_id, {"courses": {}, "busy_minutes": 0})
                row["courses"].setdefault(course_result.key, 0)
                row["courses"][course_result.key] += session.minutes
                row["busy_minutes"] += session.minutes
            if session.room:
                room = rooms.setdefault(session.room, {})
                room[course_result.key] = room.get(course_result.key, 0) + session.minutes
    return {"staff": staff, "rooms": rooms}
