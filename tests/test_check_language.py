"""The checker's reasons in the reader's language: reasons in either language carry no raw ids
(staff, rooms, roles, programme items...), Finnish ones no untranslated English, English ones no
Finnish, both say as many things per rule; and the Finnish workbook and `kurssi check --lang`
show the reasons in their language.

The timetables are the saved fixture and every violation planted in test_check.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import FIXTURES
from openpyxl import load_workbook
from test_check import (
    MORE_PLANTS,
    PLANTS,
    closing_without_physician,
    leaves,
    merged_professions,
    stand_in_for_pt2,
)

from models.base import Purpose, SessionKind, StaffGroup
from models.standard import Standard
from models.timetable import Timetable
from scheduler.check import CheckReport, check, render_report
from scheduler.cli import main
from scheduler.export.excel import build_workbook
from scheduler.words import LABELS

Case = Callable[[Timetable, Standard], tuple[Timetable, Standard]]


def _everyone_leaves(t: Timetable, standard: Standard) -> tuple[Timetable, Standard]:
    moment = datetime.combine(t.days[3], time(8, 0))
    for participant in t.participants:
        t = leaves(t, participant.id, moment)
    return t, standard


CASES: list[tuple[str, Case]] = [
    ("saved timetable", lambda t, s: (t, s)),
    *((f"{rule}-{plant.__name__}", lambda t, s, p=plant: (p(t), s)) for rule, plant, _ in PLANTS),
    *((what, lambda t, s, p=plant: (p(t), s)) for what, plant, _ in MORE_PLANTS),
    ("special workers of one profession", lambda t, s: (t, merged_professions(s))),
    ("a stand-in", lambda t, s: (stand_in_for_pt2(t, replaces="pt2"), s)),
    ("a fifth team member", lambda t, s: (stand_in_for_pt2(t, replaces=None), s)),
    ("everyone leaves", _everyone_leaves),
]

# Words that give away an English sentence left untranslated in a Finnish reason.
ENGLISH = (
    "participant", "participants", "at least", "at most", "day", "days", "session", "sessions",
    "staff", "hours", "with", "after", "before", "the", "and", "of", "in", "is", "are", "has",
    "no", "not", "none", "never", "room", "rooms", "team", "member", "lecture", "interview",
    "discussion", "goal", "goals", "lunch", "transfer", "group", "needs", "needed", "requires",
    "every", "each", "only", "outside", "band", "takes", "lasts", "averages", "course",
    "physician", "special", "other", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
)  # fmt: skip

# Words of the Finnish reasons that have no business in an English one.
FINNISH = (
    "päivä", "päivänä", "päivinä", "kuntoutuja", "kuntoutujaa", "kuntoutujan", "vähintään",
    "enintään", "työntekijä", "työntekijää", "työntekijöitä", "työryhmä", "työryhmän",
    "yhteensä", "ei", "ja", "tai", "klo", "mukana", "kurssipäivä", "tilaa", "eli", "sallittu",
    "keskimäärin", "kestää", "puuttuu", "kuuluu", "aikataulussa", "erityistyöntekijät", "ma",
    "ti", "ke", "pe", "la", "su",
)  # fmt: skip


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


ENGLISH_WORDS, FINNISH_WORDS = _words(ENGLISH), _words(FINNISH)


def label_words(language: str) -> set[str]:
    """Every word of the label table in a language, lower case."""
    return {
        word.casefold()
        for texts in LABELS.values()
        for word in re.findall(r"\w+", re.sub(r"\{\w+\}", " ", texts.get(language, "")))
    }


def raw_ids(timetable: Timetable, standard: Standard, language: str) -> set[str]:
    """The ids a course file speaks in: roles, themes, purposes, kinds, staff groups, room
    kinds, professions, programme items, and the staff's and rooms' ids; an id that is also a
    word of the language (the room kind 'allas', the programme item 'gym') or a word of a room's
    name is no give-away and is left out."""
    course = timetable.to_course(standard)
    ids = {p.value for p in Purpose} | {k.value for k in SessionKind}
    ids |= {g.value for g in StaffGroup}
    ids |= {m.role for m in course.staff} | standard.known_roles()
    ids |= {t.id for t in standard.themes} | {r for t in standard.themes for r in t.leaders}
    ids |= {p.id for p in standard.special_workers.professions}
    ids |= set(standard.rooms.required) | {r.kind for r in course.rooms}
    ids |= {s.id for s in (*standard.mandatory_sessions, *course.sessions)}
    ids |= {m.id for m in course.staff}
    ids |= {r.id for r in course.rooms}
    words = label_words(language)
    words |= {w.casefold() for r in course.rooms for w in re.findall(r"\w+", r.name)}
    return {i for i in ids if i.casefold() not in words}


def reports(
    saved_timetable: Timetable, standard: Standard, make: Case
) -> tuple[CheckReport, Timetable, Standard]:
    timetable, rules = make(saved_timetable, standard)
    return check(timetable, rules), timetable, rules


@pytest.mark.parametrize("make", [m for _, m in CASES], ids=[name for name, _ in CASES])
def test_finnish_reasons_have_no_raw_ids_and_no_english(
    saved_timetable: Timetable, standard: Standard, make: Case
) -> None:
    report, timetable, rules = reports(saved_timetable, standard, make)
    ids = raw_ids(timetable, rules, "fi")
    session_ids = {s.id for s in timetable.sessions if not s.id.isalpha()}
    for result in report.results:
        for reason in result.reasons_in("fi"):
            tokens = set(re.findall(r"\w+", reason))
            assert not tokens & ids, (result.rule, tokens & ids, reason)
            assert not [s for s in session_ids if s in reason], (result.rule, reason)
            english = ENGLISH_WORDS.findall(reason)
            assert not english, (result.rule, english, reason)


@pytest.mark.parametrize("make", [m for _, m in CASES], ids=[name for name, _ in CASES])
def test_english_reasons_have_no_finnish_and_say_as_much_per_rule(
    saved_timetable: Timetable, standard: Standard, make: Case
) -> None:
    report, timetable, rules = reports(saved_timetable, standard, make)
    ids = raw_ids(timetable, rules, "en")
    for result in report.results:
        english, finnish = result.reasons_in("en"), result.reasons_in("fi")
        for reason in english:
            tokens = set(re.findall(r"\w+", reason))
            assert not tokens & ids, (result.rule, tokens & ids, reason)
        assert english == result.reasons  # code reads the English
        assert len(english) == len(finnish), result.rule
        for en, fi in zip(english, finnish, strict=True):
            assert not FINNISH_WORDS.findall(en), (result.rule, FINNISH_WORDS.findall(en), en)
            assert bool(en) == bool(fi), (result.rule, en, fi)
            assert not en or en != fi, (result.rule, en)


def test_a_finnish_reason_reads_as_finnish(saved_timetable: Timetable, standard: Standard) -> None:
    report = check(saved_timetable, standard)
    (r1,) = report.result("R1").reasons_in("fi")
    assert r1.startswith("10 kuntoutujaa (K01, K02,") and r1.endswith("; omaisia ei osallistu")
    assert "vähintään 25 h" in report.result("R4").reasons_in("fi")[0]
    assert "päivä 2 (ti 9.3.)" in report.result("R3").reasons_in("fi")[0]
    (r18,) = report.result("R18").reasons_in("fi")
    assert r18.startswith("Aloituskeskustelu päivänä 1 (ma 8.3.) klo 08:00–10:00")
    assert "Elina Koskinen (toimintaterapeutti)" in r18
    (r9,) = report.result("R9").reasons_in("fi")
    assert "Fyysinen aktivointi ja ohjaus" in r9
    (r22,) = report.result("R22").reasons_in("fi")
    assert r22 == "kurssivastaava on Mikko Virtanen (fysioterapeutti)"
    # English names a session by its English title, people by name, days as dates.
    (r18_en,) = report.result("R18").reasons
    assert r18_en.startswith("Opening discussion, day 1 (Mon 8 March) 08:00–10:00 with ")
    assert "Elina Koskinen (occupational therapist)" in r18_en


def test_the_finnish_report_names_roles_in_finnish(
    saved_timetable: Timetable, standard: Standard
) -> None:
    report = check(saved_timetable, standard)
    finnish, english = render_report(report, "fi"), render_report(report, "en")
    assert "occupational_therapist" not in finnish and "toimintaterapeutti" in finnish
    assert "occupational therapist" in english and "toimintaterapeutti" not in english
    assert "occupational_therapist" not in english
    for report_text in (finnish, english):
        assert not re.search(r"\d{4}-\d\d-\d\d", report_text)  # dates as dates, not ISO
        assert "Elina Koskinen" in report_text


# -- where the reasons are shown -----------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "sheet"), [("fi", "Standardin täyttyminen"), ("en", "Compliance")]
)
def test_the_compliance_sheet_shows_the_reasons_in_the_workbooks_language(
    saved_timetable: Timetable, standard: Standard, tmp_path: Path, language: str, sheet: str
) -> None:
    planted = closing_without_physician(saved_timetable)
    report = check(planted, standard)
    path = tmp_path / f"{language}.xlsx"
    build_workbook(planted, language, standard=standard).save(path)
    ws = load_workbook(path)[sheet]
    shown = {r[0]: r[3] for r in ws.iter_rows(min_row=5, values_only=True) if r[0]}
    for result in report.results:
        assert shown[result.rule] == "\n".join(result.reasons_in(language)), result.rule
    if language == "fi":
        assert "ei ole lääkäriä (reumatologi)" in shown["R19"]
        assert not ENGLISH_WORDS.findall(shown["R19"])
    else:
        assert "has no physician (rheumatologist)" in shown["R19"]


def kurssi(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_kurssi_check_prints_the_reasons_in_the_language_asked() -> None:
    fixture = str(FIXTURES / "default-timetable.json")
    finnish, english = kurssi(fixture, "--lang", "fi"), kurssi(fixture, "--lang", "en")
    assert "10 kuntoutujaa (K01" in finnish and "10 participants (K01" not in finnish
    assert "10 participants (K01" in english and "10 kuntoutujaa (K01" not in english
    assert kurssi(fixture) == finnish  # the timetable's course language
