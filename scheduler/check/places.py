"""Where a failure stands in an edited workbook: each failing reason followed by the rows of the
session list that hold the sessions it names ("Ohjelmarivit, rivi 23").

The rules name a session in their reasons the one way `Words.ref` says it (its title and its
time: 'Closing discussion, day 5 (Fri 12 March) 13:00–15:00'); this finds those words in the
English reasons and adds the rows in both languages, so no rule needs to know about workbooks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from models.standard import Standard
from models.timetable import Timetable
from scheduler.check.context import Context, by_part
from scheduler.check.report import CheckReport, Reason, RuleResult
from scheduler.words import label


def with_rows(
    report: CheckReport,
    sheet: str,
    rows: Mapping[str, int],
    timetable: Timetable,
    standard: Standard,
) -> CheckReport:
    """The report with every failing reason that names sessions followed by their rows."""
    if not rows:
        return report
    words = Context(
        timetable=timetable,
        standard=standard,
        course=timetable.to_course(standard),
        hours=report.hours,
    ).en
    said: dict[str, set[str]] = {}  # a session's words in a reason -> its ids
    for session in timetable.sessions:
        if session.id not in rows:
            continue
        for part in by_part(session):  # a split session is named part by part too
            said.setdefault(words.ref(part), set()).add(session.id)
    # Longest first: a small group's 'Small groups (small group A), day 2 ...' before a prefix.
    pattern = re.compile("|".join(map(re.escape, sorted(said, key=len, reverse=True))))
    results = tuple(
        _located(result, sheet, rows, pattern, said) if result.status == "fail" else result
        for result in report.results
    )
    return replace(report, results=results)


def _located(
    result: RuleResult,
    sheet: str,
    rows: Mapping[str, int],
    pattern: re.Pattern[str],
    said: Mapping[str, set[str]],
) -> RuleResult:
    located = []
    for reason in result.said:
        named = sorted({rows[i] for found in pattern.findall(reason.en) for i in said[found]})
        if not named:
            located.append(reason)
            continue
        place = {language: _rows_text(sheet, named, language) for language in ("fi", "en")}
        located.append(Reason(en=f"{reason.en} ({place['en']})", fi=f"{reason.fi} ({place['fi']})"))
    return replace(result, said=tuple(located))


def _rows_text(sheet: str, rows: list[int], language: str) -> str:
    if len(rows) == 1:
        return label("list_row", language, sheet=sheet, row=rows[0])
    return label("list_rows", language, sheet=sheet, rows=", ".join(map(str, rows)))
