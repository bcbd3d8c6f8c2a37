"""The independent checker: does a timetable meet its standard, rule by rule (R1-R30)?

It restates every rule of rules.md from the timetable file alone and shares only the domain
(`models/`, the facts of scheduler/domain) with the solver, never its constraint code, so that a
bug in one is caught by the other. Each rule is one small function in the module of its family
(structure, content, flow, staff, facilities; its docstring's first line names the rule id);
`RULES` lists them in order and `check` runs them all. Reasons name the sessions, people, days
and clock times involved so that a course manager can find and fix the spot.

Where a rule has nothing to judge (no other staff, no individual sessions) it says "n/a".
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from models.standard import Standard
from models.timetable import Timetable
from scheduler.check import content, facilities, flow, staff, structure
from scheduler.check.context import Context
from scheduler.check.report import CheckReport, RuleResult, UncheckableTimetable
from scheduler.domain.hours import hours_table
from scheduler.words import reader, validation_words

RULES: tuple[Callable[[Context], RuleResult], ...] = (
    structure.r1_participants,
    structure.r2_days,
    structure.r3_day_length,
    structure.r4_programme_hours,
    structure.r5_individual_durations,
    structure.r6_group_discussions,
    structure.r7_small_groups,
    structure.r8_meals,
    content.r9_themes,
    content.r10_methods,
    content.r11_assessment,
    flow.r12_first_day,
    flow.r13_goal_work,
    flow.r14_interviews,
    flow.r15_first_goal,
    flow.r16_interviews_vs_group,
    flow.r17_goal_review,
    flow.r18_opening,
    flow.r19_closing,
    staff.r20_team,
    staff.r21_experience,
    staff.r22_course_lead,
    staff.r23_lectures,
    staff.r24_special_workers,
    staff.r25_other_staff,
    staff.r26_total_hours,
    staff.r27_shares,
    staff.r28_staff_meetings,
    facilities.r29_no_double_booking,
    facilities.r30_rooms,
)


def check(timetable: Timetable, standard: Standard) -> CheckReport:
    """Every rule R1-R30 judged on the timetable, in order, with the hours table.

    Raises UncheckableTimetable when the timetable's own course data does not hold together
    (e.g. two staff members with one id), so no rule can be judged.
    """
    try:
        course = timetable.to_course(standard)
    except ValidationError as error:
        raise UncheckableTimetable(validation_words(error.errors()[0], reader())) from None
    ctx = Context(
        timetable=timetable,
        standard=standard,
        course=course,
        hours=hours_table(timetable, standard, course),
    )
    results = tuple(rule(ctx) for rule in RULES)
    return CheckReport(
        results=results,
        hours=ctx.hours,
        course_title=timetable.course.title,
        standard_id=standard.id,
        days=timetable.days,
        standard_title=dict(standard.title),
        staff_names={m.id: m.label for m in course.staff},
    )
