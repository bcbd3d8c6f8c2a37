"""Where a failure stands in an edited workbook: each failing reason followed by the rows of the
session list that hold the sessions it names ("Ohjelmarivit, rivi 23").

The rules name sessions by id in their English reasons (`Words.ref`); this finds those ids and
adds the rows in both languages, so no rule needs to know about workbooks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from scheduler.check.report import CheckReport, Reason, RuleResult
from scheduler.words import label


def with_rows(report: CheckReport, sheet: str, rows: Mapping[str, int]) -> CheckReport:
    """The report with every failing reason that names sessions followed by their rows."""
    if not rows:
        return report
    # Longest first, and whole ids only: 'lunch-d1' is not in 'lunch-d10', 'aqua' not in 'aqua-to'.
    ids = sorted(rows, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ids)) + r")(?![\w-])")
    results = tuple(
        _located(result, sheet, rows, pattern) if result.status == "fail" else result
        for result in report.results
    )
    return replace(report, results=results)


def _located(
    result: RuleResult, sheet: str, rows: Mapping[str, int], pattern: re.Pattern[str]
) -> RuleResult:
    said = []
    for reason in result.said:
        named = sorted({rows[found] for found in pattern.findall(reason.en)})
        if not named:
            said.append(reason)
            continue
        place = {language: _rows_text(sheet, named, language) for language in ("fi", "en")}
        said.append(Reason(en=f"{reason.en} ({place['en']})", fi=f"{reason.fi} ({place['fi']})"))
    return replace(result, said=tuple(said))


def _rows_text(sheet: str, rows: list[int], language: str) -> str:
    if len(rows) == 1:
        return label("list_row", language, sheet=sheet, row=rows[0])
    return label("list_rows", language, sheet=sheet, rows=", ".join(map(str, rows)))
