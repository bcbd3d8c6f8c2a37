"""Bad input gets a clear message: the file, the place (line and column, and the key path), what
is wrong and what would fix it, the rule where one applies; exit code 2 and never a traceback.
Messages are Finnish unless --lang en asks for English (the course manager is Finnish).

Each test changes the default course file in one place (as text, so the line is known) and runs
`kurssi solve` on it; validation stops it before any solving.
"""

from __future__ import annotations

import re
import warnings
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from scheduler.cli import main
from scheduler.errors import CourseWarning, InputError
from scheduler.io.courses import load_course
from scheduler.io.data import DEFAULT_COURSE, STANDARDS_DIR
from scheduler.io.standards import load_standard
from scheduler.words import reading_in

BASE = DEFAULT_COURSE.read_text(encoding="utf-8")


def solve_cli(path: Path, *extra: str, lang: str | None = None) -> tuple[int, str]:
    """`kurssi solve PATH`: exit code and everything printed."""
    language = ["--lang", lang] if lang else []
    result = CliRunner().invoke(
        main,
        [*extra, "solve", str(path), "--time-limit", "2", "--out", str(path.parent), *language],
    )
    return result.exit_code, result.output


def write(tmp_path: Path, text: str | bytes, name: str = "course.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def edited(old: str, new: str, text: str = BASE) -> str:
    assert text.count(old) == 1, f"{old!r} is not unique in the default course"
    return text.replace(old, new)


def line_of(text: str, fragment: str) -> int:
    """The 1-based line of the first line containing a fragment."""
    for number, line in enumerate(text.splitlines(), start=1):
        if fragment in line:
            return number
    raise AssertionError(f"{fragment!r} not in the text")


def bad(
    tmp_path: Path, text: str | bytes, name: str = "course.yaml", lang: str | None = None
) -> str:
    """Runs a course file that must be rejected; returns the printed messages."""
    path = write(tmp_path, text, name)
    code, output = solve_cli(path, lang=lang)
    assert code == 2, output
    assert "Traceback" not in output
    assert "sisäinen virhe" not in output and "internal error" not in output
    assert ERROR[lang or "fi"] in output
    assert str(path) in output, "the message names the file"
    return output


ERROR = {"fi": "virhe:", "en": "error:"}


def error_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith(tuple(ERROR.values()))]


def one_error(output: str, *needles: str) -> str:
    """The error line that holds every needle."""
    for line in error_lines(output):
        if all(needle in line for needle in needles):
            return line
    raise AssertionError(f"no error line with {needles}:\n{output}")


# -- the file itself -------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    code, output = solve_cli(tmp_path / "nope.yaml")
    assert code == 2
    assert "nope.yaml" in output and "tiedostoa ei löydy" in output
    assert "Traceback" not in output


def test_folder_instead_of_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    code, output = solve_cli(folder)
    assert code == 2, output
    assert "Traceback" not in output


def test_empty_file(tmp_path: Path) -> None:
    assert "on tyhjä" in bad(tmp_path, "")
    assert "on tyhjä" in bad(tmp_path, "# only a comment\n\n", "comments.yaml")


def test_binary_file(tmp_path: Path) -> None:
    assert "binääritiedosto" in bad(tmp_path, b"PK\x03\x04\x00\x00binary")


def test_not_utf8(tmp_path: Path) -> None:
    output = bad(tmp_path, BASE.encode("latin-1", errors="replace"))
    assert "UTF-8" in one_error(output, "tavu")


def test_yaml_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    text = edited("  form: outpatient\n", "  form: outpatient: yes\n")
    line = line_of(text, "form: outpatient")
    message = one_error(bad(tmp_path, text), "ei ole kelvollista YAML-muotoa")
    assert f"rivi {line}, sarake" in message
    assert "lainausmerkit" in message  # what would fix it


def test_tab_indentation(tmp_path: Path) -> None:
    text = edited("  form: outpatient\n", "\tform: outpatient\n")
    message = one_error(bad(tmp_path, text), "ei ole kelvollista YAML-muotoa")
    assert f"rivi {line_of(text, 'form: outpatient')}" in message
    assert "välilyönneillä, ei sarkaimilla" in message


def test_truncated_file(tmp_path: Path) -> None:
    cut = BASE.index("experience: {rheumatology_years") + 20
    message = one_error(bad(tmp_path, BASE[:cut]), "ei ole kelvollista YAML-muotoa")
    assert re.search(r"rivi \d+, sarake \d+", message)


def test_top_level_list(tmp_path: Path) -> None:
    assert "kurssitiedostossa pitää olla osiot" in bad(tmp_path, "- course\n- staff\n")


def test_key_twice(tmp_path: Path) -> None:
    text = edited("  form: outpatient\n", "  form: outpatient\n  form: inpatient\n")
    message = one_error(bad(tmp_path, text), "on kahdesti samassa osiossa")
    assert f"rivi {line_of(text, 'form: inpatient')}" in message
    assert f"ensimmäinen: rivi {line_of(text, 'form: outpatient')}" in message


# -- fields ----------------------------------------------------------------------------------


def test_unknown_section_did_you_mean(tmp_path: Path) -> None:
    text = edited("\npreferences:\n", "\npreferenses:\n")
    message = one_error(bad(tmp_path, text), "tuntematon osio")
    assert f"rivi {line_of(text, 'preferenses:')}" in message
    assert "tarkoititko 'preferences'?" in message


def test_missing_key(tmp_path: Path) -> None:
    text = edited('  day_window: "08:00-16:00"\n', "")
    message = one_error(bad(tmp_path, text), "day_window")
    assert "(course.day_window)" in message
    assert "puuttuu; lisää se" in message


def test_unknown_key_did_you_mean(tmp_path: Path) -> None:
    text = edited("  language: fi\n", "  langauge: fi\n")
    message = one_error(bad(tmp_path, text), "langauge")
    assert f"rivi {line_of(text, 'langauge')}, sarake 3 (course.langauge)" in message
    assert "tarkoititko 'language'?" in message


def test_unknown_key_in_a_staff_entry(tmp_path: Path) -> None:
    text = edited("    course_lead: true\n", "    course_led: true\n")
    message = one_error(bad(tmp_path, text), "course_led")
    assert f"rivi {line_of(text, 'course_led')}" in message
    assert "staff[1].course_led" in message
    assert "tarkoititko 'course_lead'?" in message


def test_wrong_type(tmp_path: Path) -> None:
    text = edited("  slot_minutes: 15\n", "  slot_minutes: fifteen\n")
    message = one_error(bad(tmp_path, text), "slot_minutes")
    assert f"rivi {line_of(text, 'fifteen')}" in message
    assert "arvon pitää olla kokonaisluku, ei 'fifteen'" in message


def test_wrong_type_of_a_section(tmp_path: Path) -> None:
    text = BASE[: BASE.index("\nrooms:")] + "\nrooms: all of them\n" + BASE[BASE.index("\n# The") :]
    message = one_error(bad(tmp_path, text), "kohdan 'rooms' pitää olla luettelo")
    assert f"rivi {line_of(text, 'rooms: all of them')}" in message


def test_negative_number(tmp_path: Path) -> None:
    text = edited("minutes: 45}", "minutes: -45}")
    message = one_error(bad(tmp_path, text), "course.lunch.minutes")
    assert "pitää olla suurempi kuin 0" in message


def test_invalid_date_names_line_and_field(tmp_path: Path) -> None:
    text = edited("  first_day: 2027-03-08", "  first_day: 2027-13-01")
    message = one_error(bad(tmp_path, text), "2027-13-01")
    assert f"rivi {line_of(text, '2027-13-01')}" in message
    assert "(course.first_day)" in message
    assert "ei ole kelvollinen päivämäärä" in message and "VVVV-KK-PP" in message


def test_invalid_date_in_the_brief(tmp_path: Path) -> None:
    message = one_error(
        bad(tmp_path, "course:\n  title: x\n  start: 2027-13-01\n"),
        "ei ole kelvollinen päivämäärä",
    )
    assert "rivi 3" in message and "(course.start)" in message


def test_invalid_date_as_a_key(tmp_path: Path) -> None:
    text = edited('      2027-03-09: ["12:00-16:00"]', '      2027-02-30: ["12:00-16:00"]')
    message = one_error(bad(tmp_path, text), "2027-02-30")
    assert f"rivi {line_of(text, '2027-02-30')}" in message
    assert "staff[0].availability" in message
    assert "'2027-02-30' ei ole kelvollinen päivämäärä" in message


def test_bad_clock_time(tmp_path: Path) -> None:
    text = edited('day_window: "08:00-16:00"', 'day_window: "08:00-25:00"')
    message = one_error(bad(tmp_path, text), "25:00")
    assert f"rivi {line_of(text, '25:00')}" in message
    assert "course.day_window" in message
    assert "muodossa 08:15" in message


def test_window_ending_before_it_starts(tmp_path: Path) -> None:
    text = edited('day_window: "08:00-16:00"', 'day_window: "16:00-08:00"')
    message = one_error(bad(tmp_path, text), "course.day_window")
    assert "päättyy (08:00) ennen kuin alkaa (16:00)" in message


def test_time_off_the_slot_grid(tmp_path: Path) -> None:
    text = edited('day_window: "08:00-16:00"', 'day_window: "08:07-16:00"')
    message = one_error(bad(tmp_path, text), "ei sovi aikataulun tarkkuuteen (15 min")
    assert f"rivi {line_of(text, '08:07')}" in message
    assert "käytä aikoja kuten 08:00" in message


def test_availability_outside_the_day_window(tmp_path: Path) -> None:
    text = edited('      2027-03-09: ["12:00-16:00"]', '      2027-03-09: ["17:00-19:00"]')
    message = one_error(bad(tmp_path, text), "kokonaan kurssipäivän 08:00-16:00 ulkopuolella")
    assert f"rivi {line_of(text, '17:00-19:00')}" in message
    assert "staff[0].availability.2027-03-09" in message
    assert "(R3)" in message


def test_availability_on_a_day_that_is_no_course_day(tmp_path: Path) -> None:
    text = edited(
        "      2027-03-11: []               # Thursday: at another unit", "      2027-03-15: []"
    )
    message = one_error(bad(tmp_path, text), "ma 15.3.2027 ei ole kurssipäivä")
    assert f"rivi {line_of(text, '2027-03-15')}" in message


# -- meaning: roles, rooms, ids, rules ---------------------------------------------------------


def test_unknown_role_did_you_mean(tmp_path: Path) -> None:
    text = edited("role: psychologist", "role: psychologst")
    output = bad(tmp_path, text)
    message = one_error(output, "tuntematon ammatti 'psychologst'")
    assert f"rivi {line_of(text, 'psychologst')}" in message and "staff[3].role" in message
    assert "tarkoititko 'psychologist'?" in message
    # What follows from it is told too, with its rule.
    assert "(R20)" in one_error(output, "työryhmään tarvitaan 1 psykologi")


def test_unknown_role_in_a_session(tmp_path: Path) -> None:
    text = edited("leaders: [occupational_therapist]", "leaders: [ocupational_therapist]")
    message = one_error(bad(tmp_path, text), "tuntematon ammatti 'ocupational_therapist'")
    assert f"rivi {line_of(text, 'ocupational_therapist')}" in message
    assert "programme[8].leaders[0]" in message
    assert "tarkoititko 'occupational_therapist'" in message
    assert "(R9)" in message


def test_unknown_room_kind_did_you_mean(tmp_path: Path) -> None:
    text = edited("kind: therapy", "kind: theraphy")
    output = bad(tmp_path, text)
    message = one_error(output, "tuntematon tilatyyppi 'theraphy'")
    assert f"rivi {line_of(text, 'theraphy')}" in message and "rooms[2].kind" in message
    assert "tarkoititko 'therapy'?" in message and "(R30)" in message
    # The standard's sessions do not each complain about the missing therapy room again.
    assert len(error_lines(output)) == 2
    assert "(R30)" in one_error(
        output, "tilatyyppiä terapiahuone (therapy) pitää R30:n mukaan olla vähintään 1"
    )


def test_room_kind_a_session_needs_but_the_course_lacks(tmp_path: Path) -> None:
    text = edited("    rooms: [gym]\n", "    rooms: [sauna]\n")
    message = one_error(
        bad(tmp_path, text), "ohjelmakohta ”Kuntosaliharjoittelu” tarvitsee tilan, jonka tyyppi"
    )
    assert f"rivi {line_of(text, 'sauna')}" in message and "programme[0].rooms[0]" in message
    assert "lisää tila tai vaihda tyyppi" in message and "(R30)" in message


def test_unknown_theme(tmp_path: Path) -> None:
    text = edited("theme: nutrition_guidance", "theme: nutrition")
    message = one_error(bad(tmp_path, text), "tuntematon teema 'nutrition'")
    assert "tarkoititko 'nutrition_guidance'?" in message and "(R9)" in message


def test_duplicate_staff_id(tmp_path: Path) -> None:
    text = edited("  - id: tt\n", "  - id: pt1\n")
    message = one_error(bad(tmp_path, text), "työntekijän tunnus 'pt1' esiintyy kahdesti")
    assert "staff[5].id" in message
    assert f"ensimmäinen: rivi {line_of(text, '- id: pt1')}" in message


def test_duplicate_room_and_session_ids(tmp_path: Path) -> None:
    text = edited("{id: ryhma2,", "{id: ryhma1,")
    text = edited("  - id: benefits\n", "  - id: nutrition\n", text)
    output = bad(tmp_path, text)
    assert "rooms[4].id" in one_error(output, "tilan tunnus 'ryhma1' esiintyy kahdesti")
    assert "programme[10].id" in one_error(
        output, "ohjelmakohdan tunnus 'nutrition' esiintyy kahdesti"
    )


def test_unknown_standard(tmp_path: Path) -> None:
    text = edited("standard: kela-reuma-2017", "standard: kela-reuma-2018")
    message = one_error(bad(tmp_path, text), "standardia 'kela-reuma-2018' ei ole")
    assert f"rivi {line_of(text, 'kela-reuma-2018')}" in message
    assert "(course.standard)" in message
    assert "tarkoititko 'kela-reuma-2017'?" in message


def test_team_not_as_r20_requires(tmp_path: Path) -> None:
    text = edited("role: psychologist", "role: nutritionist")
    message = one_error(bad(tmp_path, text), "työryhmään tarvitaan 1 psykologi")
    assert "(staff)" in message and "(R20)" in message
    assert "Lisää psykologi (role: psychologist)" in message


def test_special_worker_off_the_r24_list(tmp_path: Path) -> None:
    text = edited(
        "    role: sports_instructor\n", "    role: sports_instructor\n    group: special\n"
    )
    message = one_error(bad(tmp_path, text), "ei ole R24:n luettelossa")
    assert "staff[7].role" in message and "(R24)" in message


def test_two_special_workers_of_one_profession_count_as_one(tmp_path: Path) -> None:
    text = edited("role: occupational_therapist", "role: nutritionist")
    text = edited("role: social_worker", "role: nutritionist", text)
    message = one_error(bad(tmp_path, text), "edustavat samaa ammattia (ravitsemusterapeutti)")
    assert "R24 laskee vain eri ammatteja edustavat erityistyöntekijät" in message
    assert "(R24)" in message


def test_person_available_less_than_their_minimum(tmp_path: Path) -> None:
    text = edited(
        '      2027-03-08: ["08:00-13:00"]\n      2027-03-09: ["08:00-13:00"]\n'
        '      2027-03-10: ["08:00-13:00"]\n      2027-03-11: ["08:00-13:00"]\n'
        '      2027-03-12: ["08:00-13:00"]\n',
        '      2027-03-08: ["08:00-09:00"]\n      2027-03-09: []\n      2027-03-10: []\n'
        "      2027-03-11: []\n      2027-03-12: []\n",
    )
    message = one_error(
        bad(tmp_path, text), "Laura Nieminen (fysioterapeutti) on kurssin aikana käytettävissä 1 h"
    )
    assert "staff[2].availability" in message
    assert "osuutensa kurssin toteutuksesta on vähintään 2 h" in message and "(R20)" in message


def test_max_minutes_below_the_minimum(tmp_path: Path) -> None:
    text = edited(
        "    experience: {rheumatology_years: 12}\n",
        "    experience: {rheumatology_years: 12}\n    max_minutes: 150\n",
    )
    message = one_error(bad(tmp_path, text), "saa tehdä kurssilla enintään 2 h 30 min")
    assert "staff[0].max_minutes" in message and "(R20)" in message


def test_physician_without_experience(tmp_path: Path) -> None:
    text = edited("experience: {rheumatology_years: 12}", "experience: {rheumatology_years: 2}")
    message = one_error(bad(tmp_path, text), "kokemus reumatologiasta 2 vuotta")
    assert "staff[0].experience.rheumatology_years" in message and "(R21)" in message


def test_no_course_lead(tmp_path: Path) -> None:
    text = edited("    course_lead: true\n", "")
    assert "(R22)" in one_error(bad(tmp_path, text), "kurssivastaava puuttuu")


def test_wrong_number_of_participants(tmp_path: Path) -> None:
    text = edited("  count: 10\n", "  count: 9\n")
    message = one_error(bad(tmp_path, text), "kurssilla on 9 kuntoutujaa")
    assert "R1:n mukaan kurssille osallistuu 10 kuntoutujaa" in message and "(R1)" in message


def test_programme_shorter_than_r4_needs(tmp_path: Path) -> None:
    text = edited(
        "    count: 3\n    leaders: [physiotherapist]",
        "    count: 1\n    leaders: [physiotherapist]",
    )
    message = one_error(bad(tmp_path, text), "ryhmämuotoista kuntoutusohjelmaa on yhteensä 24 h")
    assert f"rivi {line_of(text, 'programme:')}" in message
    assert "R4 edellyttää vähintään 25 h" in message
    assert "lisää ryhmän ohjelmakohtia 1 h" in message and "(R4)" in message


def test_programme_longer_than_the_week(tmp_path: Path) -> None:
    text = edited(
        "    count: 3\n    leaders: [physiotherapist]",
        "    count: 50\n    leaders: [physiotherapist]",
    )
    output = bad(tmp_path, text)
    assert "(R4)" in one_error(output, "enemmän kuin mahtuu 5 päivään")
    assert "(R3)" in one_error(output, "ei mahdu 5 kurssipäivään")


def test_course_day_on_a_sunday(tmp_path: Path) -> None:
    text = edited("  first_day: 2027-03-08", "  first_day: 2027-03-10")
    message = one_error(bad(tmp_path, text), "5. kurssipäivä on su 14.3.2027")
    assert f"rivi {line_of(text, 'first_day')}" in message and "(course.first_day)" in message
    assert "aloita ma 8.3.2027 (2027-03-08) tai ti 9.3.2027 (2027-03-09)" in message
    assert "(R2)" in message


def test_every_problem_is_listed_at_once(tmp_path: Path) -> None:
    text = edited("role: psychologist", "role: psychologst")
    text = edited("kind: therapy", "kind: theraphy", text)
    output = bad(tmp_path, text)
    count = len(error_lines(output))
    assert f"tiedoissa on {count} virhettä" in output and count >= 3


# -- a public holiday is a warning, not an error -----------------------------------------------


def _shifted(data: Any, days: int) -> Any:
    """The course file's data with every date moved by some days."""
    if isinstance(data, dict):
        return {_shifted(k, days): _shifted(v, days) for k, v in data.items()}
    if isinstance(data, list):
        return [_shifted(item, days) for item in data]
    if isinstance(data, date):
        return data + timedelta(days=days)
    return data


def test_public_holiday_is_a_warning(tmp_path: Path) -> None:
    # 2027-05-03 is a Monday; Thursday 2027-05-06 is Ascension Day (helatorstai).
    data = _shifted(yaml.safe_load(BASE), (date(2027, 5, 3) - date(2027, 3, 8)).days)
    path = write(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        course = load_course(path)
    assert course.days[0] == date(2027, 5, 3)
    holiday = [w.message for w in caught if isinstance(w.message, CourseWarning)]
    assert any("helatorstai" in str(w) and "Kelan hyväksynnän" in str(w) for w in holiday)
    assert all(w.rule == "R2" for w in holiday if "vapaapäivä" in str(w))
    with warnings.catch_warnings(record=True) as caught, reading_in("en"):
        warnings.simplefilter("always")
        load_course(path)
    holiday = [w.message for w in caught if isinstance(w.message, CourseWarning)]
    assert any("Ascension Day" in str(w) and "Kela's approval" in str(w) for w in holiday)


# -- standard files and timetable files --------------------------------------------------------


def _standard_copy(tmp_path: Path, old: str, new: str, name: str = "kela-reuma-2017") -> Path:
    text = (STANDARDS_DIR / "kela-reuma-2017.yaml").read_text(encoding="utf-8")
    folder = tmp_path / "standards"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.yaml").write_text(edited(old, new, text), encoding="utf-8")
    return folder


def test_standard_file_with_an_unknown_leader(tmp_path: Path) -> None:
    folder = _standard_copy(tmp_path, "leaders: [rheumatologist]", "leaders: [rheumatolgist]")
    with pytest.raises(InputError) as caught:
        load_standard("kela-reuma-2017", folder)
    message = str(caught.value)
    assert "kela-reuma-2017.yaml" in message and "mandatory_sessions" in message
    assert "tarkoititko 'rheumatologist'?" in message


def test_standard_file_with_a_wrong_type(tmp_path: Path) -> None:
    folder = _standard_copy(tmp_path, "  min_count: 2\n", "  min_count: two\n")
    with pytest.raises(InputError) as caught:
        load_standard("kela-reuma-2017", folder)
    assert "special_workers.min_count" in str(caught.value)
    assert "rivi " in caught.value.place


def test_standard_file_whose_id_differs_from_its_name(tmp_path: Path) -> None:
    folder = _standard_copy(tmp_path, "id: kela-reuma-2017", "id: kela-reuma-2017", "other")
    with pytest.raises(InputError) as caught:
        load_standard("other", folder)
    assert "ei vastaa tiedoston nimeä" in str(caught.value)


def test_bad_timetable_json(tmp_path: Path) -> None:
    path = write(tmp_path, '{"course": \n  oops}', "timetable.json")
    result = CliRunner().invoke(main, ["export", str(path), "--out", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "rivi 2, sarake 3" in result.output
    assert "ei ole kelvollista JSON-muotoa" in result.output
    assert "Traceback" not in result.output


# -- the command line around it ------------------------------------------------------------------


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    path = write(tmp_path, "")
    code, output = solve_cli(path, "--debug")
    assert code == 2
    assert "Traceback" in output and "on tyhjä" in output


def test_exit_codes_are_documented() -> None:
    for args in ([], ["solve"]):
        result = CliRunner().invoke(main, [*args, "--help"])
        assert result.exit_code == 0
        text = " ".join(result.output.split())
        assert (
            "Poistumiskoodit: 0 onnistui, 1 tarkistus ei mennyt läpi, 2 virheellinen syöte" in text
        )
        result = CliRunner().invoke(main, ["--lang", "en", *args, "--help"])
        text = " ".join(result.output.split())
        assert "0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal error" in text


def test_absurdly_large_number(tmp_path: Path) -> None:
    text = edited("    max_minutes: 120\n", "    max_minutes: 1000000000000000000000000\n")
    message = one_error(bad(tmp_path, text), "liian suuri")
    assert f"rivi {line_of(text, 'max_minutes: 1000')}" in message
    assert "staff[7].max_minutes" in message


def test_a_check_over_several_fields_names_the_field_to_fix(tmp_path: Path) -> None:
    text = edited('lunch: {window: "11:00-12:30"', 'lunch: {window: "15:30-17:00"')
    message = one_error(bad(tmp_path, text), "lounasaika 15:30-17:00 on kurssipäivän")
    assert f"rivi {line_of(text, '15:30-17:00')}" in message and "(course.lunch.window)" in message
    assert "siirrä lounasaika kurssipäivän sisään (course.day_window)" in message


def test_session_after_an_unknown_session(tmp_path: Path) -> None:
    text = edited(
        "    interruptible: true\n  - id: aqua",
        "    interruptible: true\n    after: interveiw\n  - id: aqua",
    )
    message = one_error(bad(tmp_path, text), "pidettäväksi ohjelmakohdan 'interveiw' jälkeen")
    assert "programme[0].after" in message and "tarkoititko 'interview'?" in message


@pytest.mark.slow
def test_advice_for_a_second_psychologist_works_when_followed(tmp_path: Path) -> None:
    """Issue 11: validation's advice for a fifth team-role person must lead to a timetable (or
    a told impossibility), never to a solver's timetable that fails the checker (exit 4)."""
    second = edited(
        "  - id: liik\n",
        "  - id: psy2\n    name: Outi Toinen\n    role: psychologist\n  - id: liik\n",
    )
    code, output = solve_cli(write(tmp_path, second))
    assert code == 2, output
    assert "jos Outi Toinen toimii muuna kuntoutushenkilöstönä" in output
    assert "'group: other'" in output
    followed = edited("    role: psychologist\n  - id: liik\n",
                      "    role: psychologist\n    group: other\n  - id: liik\n", second)  # fmt: skip
    code, output = solve_cli(write(tmp_path, followed, "followed.yaml"))
    assert code == 0, output
    assert "tarkistettu: standardin kaikki 30 sääntöä täyttyvät" in output  # a Finnish course
