"""The independent checker (see scheduler/check/checker.py)."""

from scheduler.check.checker import RULES, check
from scheduler.check.report import (
    CheckReport,
    Reason,
    RuleResult,
    UncheckableTimetable,
    render_report,
)
from scheduler.check.staff import share_result

__all__ = [
    "RULES",
    "CheckReport",
    "Reason",
    "RuleResult",
    "UncheckableTimetable",
    "check",
    "render_report",
    "share_result",
]
