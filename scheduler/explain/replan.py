"""Why a re-plan is impossible: the changed course itself cannot meet the standard, or it could,
but not without moving what is past or locked."""

from __future__ import annotations

from ortools.sat.python import cp_model

from models.changes import ChangeSet
from models.course import Course
from models.timetable import Timetable
from scheduler.cpsat.build import SolveOptions, build_model, run
from scheduler.explain.course import explain_infeasible


def why_no_replan(course: Course, old: Timetable, changes: ChangeSet) -> list[str]:
    """Words for an impossible re-plan: either the changed course itself cannot meet the
    standard, or it could, but not without moving what is past or locked."""
    from_scratch = build_model(course, with_objective=False)
    _, status = run(from_scratch, SolveOptions(time_limit=10.0, deterministic=False))
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        locked = [s.id for s in old.sessions if s.locked]
        held = []
        if changes.now is not None:
            held.append(f"everything that starts before {changes.now:%Y-%m-%d %H:%M}")
        if locked:
            shown = ", ".join(locked[:8]) + (", ..." if len(locked) > 8 else "")
            held.append(f"the {len(locked)} locked session(s) ({shown})")
        return [
            "the changed course could be timetabled anew, but not while keeping "
            + " and ".join(held or ["the sessions that must stay"])
            + " where they are;",
            'unlock sessions ("locked": false in the timetable JSON) or re-plan from an '
            "earlier --now",
        ]
    return [
        "after the change the course can no longer meet the standard:",
        *explain_infeasible(course),
    ]
