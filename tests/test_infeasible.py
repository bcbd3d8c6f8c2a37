"""An impossible course exits 3 with an explanation in words: the rules that clash and the facts
behind them (who, which days, how many hours), never a bare "INFEASIBLE" and never exit 4.

Each scenario changes the default course file in one place and runs `kurssi solve` on it.
"""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from click.testing import CliRunner
from solver_helpers import window, with_staff

from models.course import Course, DayBounds
from scheduler.cli import main
from scheduler.explain.course import core_days, deletion_filter, explain_infeasible
from scheduler.explain.precheck import reasons
from scheduler.io.data import DEFAULT_COURSE

DAYS = [date(2027, 3, 8 + i) for i in range(5)]
# Every explanation comes within a few seconds of the solver's verdict.


def course_data() -> Any:
    return yaml.safe_load(DEFAULT_COURSE.read_text(encoding="utf-8"))


def staff(data: Any, staff_id: str) -> dict:
    return next(member for member in data["staff"] if member["id"] == staff_id)


def session(data: Any, spec_id: str) -> dict:
    return next(spec for spec in data["programme"] if spec["id"] == spec_id)


IMPOSSIBLE = {
    "fi": "kurssille ei voi tehdä standardin mukaista aikataulua:",
    "en": "the course cannot be timetabled under the standard:",
}


def infeasible(tmp_path: Path, data: Any, lang: str = "fi") -> str:
    """Runs `kurssi solve` on a course that must be impossible; returns the explanation (in
    Finnish, the default, or in English with --lang en)."""
    path = tmp_path / "course.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    language = ["--lang", "en"] if lang == "en" else []
    result = CliRunner().invoke(
        main,
        ["solve", str(path), "--time-limit", "2", "--out", str(tmp_path), "--quiet", *language],
    )
    assert result.exit_code == 3, result.output
    assert IMPOSSIBLE[lang] in result.output
    assert "Traceback" not in result.output
    assert "sisäinen virhe" not in result.output and "internal error" not in result.output
    assert not list(tmp_path.glob("*.json")), "nothing is written for an impossible course"
    return " ".join(result.output.split())


def test_team_too_busy_for_the_interviews_on_days_1_2(tmp_path: Path) -> None:
    data = course_data()
    staff(data, "reum")["availability"][DAYS[1]] = []
    staff(data, "pt1")["availability"] = {DAYS[0]: ["08:00-09:30"], DAYS[1]: ["08:00-09:30"]}
    staff(data, "pt2")["availability"].update({DAYS[0]: ["08:00-09:00"], DAYS[1]: ["08:00-09:00"]})
    staff(data, "psy")["availability"].update({DAYS[0]: ["13:00-15:00"], DAYS[1]: []})
    text = infeasible(tmp_path, data)
    assert (
        "R14: 10 haastattelua: ohjaajien aikaa tarvitaan 10 h päivinä 1–2 (ohjaajat: työryhmä), "
        "mutta käytettävissä on silloin vain 7 h (Anna Laakso 0 h, Mikko Virtanen 3 h, Laura "
        "Nieminen 2 h, Sari Mäkelä 2 h)"
    ) in text
    assert "R29" in text
    text = infeasible(tmp_path, data, "en")
    assert (
        "R14: 10 interviews: 10 h of staff time needed on days 1–2 (led by the team), but they "
        "have only 7 h available then (Anna Laakso 0 h, Mikko Virtanen 3 h, Laura Nieminen 2 h, "
        "Sari Mäkelä 2 h)"
    ) in text


def test_only_one_special_worker_profession_available(tmp_path: Path) -> None:
    data = course_data()
    for staff_id in ("tt", "ravit"):
        staff(data, staff_id)["availability"] = {day: [] for day in DAYS}
    # The team may stand in for their sessions, so only R24 is left to break.
    session(data, "nutrition")["leaders"] = ["nutritionist", "physiotherapist"]
    session(data, "joint_protection")["leaders"] = ["occupational_therapist", "physiotherapist"]
    text = infeasible(tmp_path, data)
    assert "R24: kurssin toteutukseen pitää osallistua vähintään 2 eri ammattia" in text
    assert "vain yksi ammatti voi: Pekka Järvinen (sosiaalityöntekijä)" in text
    assert "Jussi Heikkinen (ravitsemusterapeutti) ei ole käytettävissä yhtenäkään" in text
    assert "Elina Koskinen (toimintaterapeutti) ei ole käytettävissä yhtenäkään" in text


def test_physician_absent_on_the_last_day(tmp_path: Path) -> None:
    data = course_data()
    availability = staff(data, "reum")["availability"]
    availability[DAYS[4]] = []
    availability[DAYS[2]] = ["12:00-16:00"]  # the lecture and the team meeting still fit
    text = infeasible(tmp_path, data)
    assert "R19: loppukeskustelu (2 h) päivänä 5 (pe 12.3.) edellyttää, että paikalla on" in text
    assert "erikoislääkäri (Anna Laakso) yhtäjaksoisesti 2 h" in text
    assert "Anna Laakso (reumatologi) ei ole käytettävissä päivänä 5 (pe 12.3.)" in text
    text = infeasible(tmp_path, data, "en")
    assert "R19: the closing discussion (2 h) on day 5 (Fri 12 March) needs the physician" in text
    assert "Anna Laakso (rheumatologist) is not available on day 5 (Fri 12 March)" in text


def test_day_window_too_short_for_five_hours_and_lunch(tmp_path: Path) -> None:
    data = course_data()
    data["course"]["day_window"] = "08:00-13:30"
    staff(data, "reum")["availability"] = {
        DAYS[0]: [],
        DAYS[1]: ["08:00-13:30"],
        DAYS[2]: [],
        DAYS[3]: [],
        DAYS[4]: ["08:00-13:30"],
    }
    text = infeasible(tmp_path, data)
    assert "R3, R4:" in text
    assert "kurssipäivästä 08:00-13:30 (5 h 30 min" in text
    assert "jää 45 min lounaan (R8) jälkeen 4 h 45 min päivässä" in text
    assert "R4 edellyttää vähintään 25 h" in text


def test_pool_farther_than_the_day_allows(tmp_path: Path) -> None:
    data = course_data()
    pool = next(room for room in data["rooms"] if room["id"] == "allas")
    pool.update({"offsite_minutes": 45, "offsite_km": 40})
    text = infeasible(tmp_path, data)
    assert "R30: ”Vesivoimistelu” tarvitsee tilan, jonka tyyppi on allas, 10 hengelle" in text
    assert "Kylpylän allas (allas) on 45 min / 40 km päässä, kauempana kuin R30:n 20 min" in text


# -- the solver's explanation, where no pre-check sees the clash ----------------------------


def test_solver_core_names_the_closing_and_whose_days(default_course: Course) -> None:
    # Each team member on the course two hours a day, never two of them at once: the closing
    # discussion (the physician and another team member, 2 h on the last day) cannot be held.
    course = default_course
    spans = ("08:00-10:00", "10:00-12:00", "12:00-14:00", "14:00-16:00")
    for staff_id, span in zip(("reum", "pt1", "pt2", "psy"), spans, strict=True):
        course = with_staff(
            course, staff_id, availability=dict.fromkeys(course.days, (window(span),))
        )
    assert reasons(course) == []
    # Generous budgets: each phase stops when done, so they cost nothing on an idle machine and
    # keep a busy one from cutting the narrowing of days short.
    text = "\n".join(explain_infeasible(course, shrink_seconds=30, narrow_seconds=30))
    assert "R19: loppukeskustelu (2 h) päivänä 5 (pe 12.3.): ohjaajia 2" in text
    assert (
        "R29: Anna Laakso (reumatologi) on käytettävissä vain klo 08:00–10:00 päivänä 5 (pe 12.3.)"
    ) in text
    # Only the day of the closing discussion is told, not the whole week.
    assert "päivänä 1 (ma" not in text and "päivänä 4 (to" not in text


def test_deletion_filter_finds_an_aggregate_clash(default_course: Course) -> None:
    # 26 h of group programme cannot fit in 5 days of at most 5 h: the assumption core is slow
    # on such sums; the deletion filter over plain models names R4 alone.
    info = default_course.info.model_copy(
        update={"programme_day": DayBounds(min_minutes=240, max_minutes=300)}
    )
    course = default_course.with_changes(info=info)
    from scheduler.explain.course import _probe

    keys = list(_probe(course).literals)
    found = deletion_filter(course, keys, time.monotonic() + 20)
    assert found is not None
    core, proven = found
    assert core == ["R4"] and proven
    # The pre-check says it in words at once.
    assert any("R4:n päiväraja" in reason for reason in reasons(course))


def test_core_days_of_a_clash(default_course: Course) -> None:
    assert core_days(default_course, ["R18", "availability:pt1"]) == {0}
    assert core_days(default_course, ["R14"]) == {0, 1}
    assert core_days(default_course, ["R28"]) is None  # the team may meet on any day
    assert core_days(default_course, ["R20", "availability:reum"]) is None


def test_a_failing_explanation_still_says_infeasible(
    default_course: Course, monkeypatch: Any
) -> None:
    import scheduler.explain.course as explain

    def broken(*args: Any) -> list[str]:
        raise KeyError("oops")

    monkeypatch.setattr(explain, "_explain", broken)
    (line,) = explain.explain_infeasible(default_course)
    assert "ratkaisija osoitti, ettei mikään aikataulu täytä standardia" in line
    assert "KeyError" in line


def test_programme_only_other_staff_may_lead_does_not_count(default_course: Course) -> None:
    programme = tuple(
        spec.model_copy(update={"leaders": ("sports_instructor",)})
        if spec.id in ("body_care", "sports_trial")
        else spec
        for spec in default_course.programme
    )
    (reason,) = reasons(default_course.with_changes(programme=programme))
    assert reason.startswith(
        "R4: työryhmän tai erityistyöntekijöiden toteutettavissa olevaa ryhmämuotoista"
    )
    assert "kuntoutusohjelmaa on 24 h, mutta R4 edellyttää vähintään 25 h" in reason
    assert "”Kehonhuolto ja venyttely” (1 h), ”Liikuntamuotojen kokeilu” (1 h)" in reason


def test_a_time_limit_run_out_is_not_called_impossible(tmp_path: Path) -> None:
    """No timetable in 0.01 s is not a proof: exit 3, but the words say to give it more time."""
    result = CliRunner().invoke(
        main, ["solve", "--time-limit", "0.01", "--fast", "--quiet", "--out", str(tmp_path)]
    )
    assert result.exit_code == 3, result.output
    assert "mahdottomuutta ei ole todistettu" in result.output
    assert "--time-limit" in result.output
    assert "ei voi tehdä" not in result.output
