"""What the checker finds: a verdict per rule with its reasons in Finnish and English, the
report of all rules with the hours table, and the report as console text."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from models.base import format_duration, text_in
from models.rules import RULE_BY_ID, rule_title
from scheduler.domain.hours import HoursTable
from scheduler.words import label, lang, lower_first, role_name, short_date

Status = Literal["pass", "fail", "n/a"]
STATUSES: tuple[Status, ...] = ("pass", "fail", "n/a")


@dataclass(frozen=True)
class Reason:
    """One reason of a rule's verdict, written in English and Finnish side by side."""

    en: str
    fi: str

    def text(self, language: str) -> str:
        return self.fi if language == "fi" else self.en


@dataclass(frozen=True)
class RuleResult:
    rule: str
    title: str
    status: Status
    said: tuple[Reason, ...]

    @property
    def passed(self) -> bool:
        return self.status != "fail"

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons in English (what code and tests read)."""
        return self.reasons_in("en")

    def reasons_in(self, language: str) -> tuple[str, ...]:
        return tuple(reason.text(language) for reason in self.said)


@dataclass(frozen=True)
class CheckReport:
    results: tuple[RuleResult, ...]
    hours: HoursTable
    course_title: str = ""
    standard_id: str = ""
    days: tuple[date, ...] = ()
    standard_title: dict[str, str] = field(default_factory=dict)
    staff_names: dict[str, str] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return all(r.status != "fail" for r in self.results)

    @property
    def failures(self) -> tuple[RuleResult, ...]:
        return tuple(r for r in self.results if r.status == "fail")

    def result(self, rule: str) -> RuleResult:
        for result in self.results:
            if result.rule == rule:
                return result
        raise KeyError(f"no rule {rule!r}; rules are R1-R{len(self.results)}")

    def rows(self, language: str = "en") -> tuple[tuple[str, str, str, str], ...]:
        """The compliance report for a spreadsheet: rule id, title, status, reasons (one cell)."""
        return tuple(
            (
                r.rule,
                rule_title(r.rule, language),
                label(f"verdict_{r.status}", language),
                "\n".join(r.reasons_in(language)),
            )
            for r in self.results
        )


class UncheckableTimetable(ValueError):
    """The timetable's own course data is inconsistent (e.g. two staff with one id)."""


def judged(rule: str, fails: Sequence[Reason], passes: Sequence[Reason] = ()) -> RuleResult:
    """Fail with the failing reasons if any (each once), else pass with what was found."""
    title = RULE_BY_ID[rule].en
    if fails:
        once: dict[str, Reason] = {}
        for reason in fails:
            once.setdefault(reason.en, reason)
        return RuleResult(rule, title, "fail", tuple(once.values()))
    return RuleResult(rule, title, "pass", tuple(passes))


def not_applicable(rule: str, reason: Reason) -> RuleResult:
    return RuleResult(rule, RULE_BY_ID[rule].en, "n/a", (reason,))


def render_report(report: CheckReport, language: str = "en") -> str:
    """The report as console text: one block per rule, then the hours table, then the verdict."""
    language = lang(language)
    fi = language == "fi"

    def verdict_word(status: str) -> str:
        return label(f"verdict_{status}", language)

    def percent(value: float) -> str:
        text = f"{value:5.1f}"
        return text.replace(".", ",") if fi else text

    lines = []
    if report.course_title:
        period = (
            f" ({short_date(report.days[0], language)} – {short_date(report.days[-1], language)}"
            f"{'' if fi else ' '}{report.days[-1].year})"
            if report.days
            else ""
        )
        lines.append(f"{report.course_title}{period}")
        if report.standard_title:
            lines.append(text_in(report.standard_title, language))
        lines.append("")
    width = max(len(verdict_word(s)) for s in STATUSES)
    for result in report.results:
        status = verdict_word(result.status)
        lines.append(f"{result.rule:<4} {status:<{width}}  {rule_title(result.rule, language)}")
        for reason in result.reasons_in(language):
            if reason:
                lines.append(f"       - {reason}")
    lines.append("")
    lines.append(label("hours_title", language))
    at_least, at_most = (lower_first(label(k, language)) for k in ("col_minimum", "col_maximum"))
    for line in report.hours.lines:
        floor = (
            ""
            if line.standard_minutes is None
            else f"  ({at_least} {format_duration(line.standard_minutes)})"
        )
        title = label(f"hours_line_{line.key}", language)
        lines.append(f"  {title:<52} {format_duration(line.minutes):>12}{floor}")
    for group in report.hours.groups:
        low, high = group.whole_band_minutes
        mark = "" if group.within else f"  <- {verdict_word('fail')}"
        name = label(f"group_{group.group.value}", language)
        lines.append(
            f"  {name:<32} {format_duration(group.minutes):>12}"
            f"  {percent(group.share_percent)} %  "
            f"({group.band_percent[0]}–{group.band_percent[1]} % "
            f"= {format_duration(low)} – {format_duration(high)}){mark}"
        )
    for person in report.hours.people:
        bounds = [
            f"{at_least} {format_duration(person.min_minutes)}"
            if person.min_minutes is not None
            else "",
            f"{at_most} {format_duration(person.max_minutes)}"
            if person.max_minutes is not None
            else "",
        ]
        limits = ", ".join(b for b in bounds if b)
        mark = "" if person.within else f"  <- {verdict_word('fail')}"
        name = report.staff_names.get(person.staff_id, person.staff_id)
        lines.append(
            f"    {name:<20} {role_name(person.role, language):<28} "
            f"{format_duration(person.minutes):>12}"
            f"  {percent(person.share_percent)} %" + (f"  ({limits})" if limits else "") + mark
        )
    lines.append("")
    counts = {s: sum(1 for r in report.results if r.status == s) for s in STATUSES}
    summary = ", ".join(f"{counts[s]} {verdict_word(s)}" for s in STATUSES)
    if report.passed:
        verdict = "aikataulu täyttää standardin" if fi else "the timetable meets the standard"
    else:
        failed = ", ".join(r.rule for r in report.failures)
        verdict = (
            f"aikataulu ei täytä standardia ({failed})"
            if fi
            else f"the timetable does not meet the standard ({failed})"
        )
    lines.append(f"{summary}: {verdict}")
    return "\n".join(lines)
