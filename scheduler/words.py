"""Every word the tool writes for people, in Finnish and English: one table of labels, and the
small phrases built from it (dates, weekdays, durations, roles, staff groups, purposes, room
kinds, lists). No other module keeps a table of words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from typing import Any

from models.base import Problem, Purpose, StaffGroup, format_clock, format_duration
from models.course import Course, Room, StaffMember
from models.standard import SessionSpec
from scheduler.domain.people import windows_on
from scheduler.domain.sessions import occurrences

LABELS: dict[str, dict[str, str]] = {
    # Sessions the solver adds itself.
    "lunch": {"fi": "Lounas", "en": "Lunch"},
    "transfer_to": {"fi": "Siirtyminen: {room}", "en": "Transfer to {room}"},
    "transfer_from": {"fi": "Paluu: {room}", "en": "Return from {room}"},
    # Days and dates.
    "weekday_0": {"fi": "Maanantai", "en": "Monday"},
    "weekday_1": {"fi": "Tiistai", "en": "Tuesday"},
    "weekday_2": {"fi": "Keskiviikko", "en": "Wednesday"},
    "weekday_3": {"fi": "Torstai", "en": "Thursday"},
    "weekday_4": {"fi": "Perjantai", "en": "Friday"},
    "weekday_5": {"fi": "Lauantai", "en": "Saturday"},
    "weekday_6": {"fi": "Sunnuntai", "en": "Sunday"},
    "weekday_short_0": {"fi": "ma", "en": "Mon"},
    "weekday_short_1": {"fi": "ti", "en": "Tue"},
    "weekday_short_2": {"fi": "ke", "en": "Wed"},
    "weekday_short_3": {"fi": "to", "en": "Thu"},
    "weekday_short_4": {"fi": "pe", "en": "Fri"},
    "weekday_short_5": {"fi": "la", "en": "Sat"},
    "weekday_short_6": {"fi": "su", "en": "Sun"},
    "month_1": {"fi": "tammikuuta", "en": "January"},
    "month_2": {"fi": "helmikuuta", "en": "February"},
    "month_3": {"fi": "maaliskuuta", "en": "March"},
    "month_4": {"fi": "huhtikuuta", "en": "April"},
    "month_5": {"fi": "toukokuuta", "en": "May"},
    "month_6": {"fi": "kesäkuuta", "en": "June"},
    "month_7": {"fi": "heinäkuuta", "en": "July"},
    "month_8": {"fi": "elokuuta", "en": "August"},
    "month_9": {"fi": "syyskuuta", "en": "September"},
    "month_10": {"fi": "lokakuuta", "en": "October"},
    "month_11": {"fi": "marraskuuta", "en": "November"},
    "month_12": {"fi": "joulukuuta", "en": "December"},
    "date": {"fi": "{day}.{month}.{year}", "en": "{day} {month_name} {year}"},
    "date_short": {"fi": "{day}.{month}.", "en": "{day} {month_name}"},
    "day_heading": {"fi": "{weekday} {date}", "en": "{weekday} {date}"},
    "course_day": {"fi": "{number}. kurssipäivä", "en": "Course day {number}"},
    "date_range": {"fi": "{first}–{last}", "en": "{first} – {last}"},
    "time_range": {"fi": "{start}–{end}", "en": "{start}–{end}"},
    "hours": {"fi": "{hours} h", "en": "{hours} h"},
    # Sheet names (at most 31 characters, no []:*?/\).
    "sheet_week": {"fi": "Viikko-ohjelma", "en": "Week"},
    "sheet_staff": {"fi": "Henkilöstö", "en": "Staff"},
    "sheet_hours": {"fi": "Tunnit", "en": "Hours"},
    "sheet_compliance": {"fi": "Standardin täyttyminen", "en": "Compliance"},
    "sheet_about": {"fi": "Tiedot", "en": "About"},
    "sheet_changes": {"fi": "Muutokset", "en": "Changes"},
    # Week at a glance.
    "week_title": {"fi": "Viikko-ohjelma: {course}", "en": "Week programme: {course}"},
    "week_subtitle": {"fi": "{dates} · {form}", "en": "{dates} · {form}"},
    "form_outpatient": {"fi": "avomuotoinen kurssi", "en": "outpatient course"},
    "form_inpatient": {"fi": "laitosmuotoinen kurssi", "en": "inpatient course"},
    "time": {"fi": "Klo", "en": "Time"},
    "lane_group": {"fi": "Ryhmä", "en": "Group"},
    "lane_side": {"fi": "Yksilöajat", "en": "Individual"},
    "lane_side_meetings": {"fi": "Yksilöajat ja kokoukset", "en": "Individual and meetings"},
    "small_group_half": {"fi": "Pienryhmä {half}", "en": "Small group {half}"},
    "small_group_members": {"fi": "{half}: {members}", "en": "{half}: {members}"},
    "legend": {"fi": "Värien selitys", "en": "Colour key"},
    "staff_and_room": {"fi": "{staff} · {room}", "en": "{staff} · {room}"},
    "page_footer": {
        "fi": "{course} · sivu &P / &N",
        "en": "{course} · page &P of &N",
    },
    # Colour categories besides the standard's themes.
    "category_framework": {
        "fi": "Aloitus, tavoitteet ja arviointi",
        "en": "Opening, goals and assessment",
    },
    "category_individual": {"fi": "Yksilölliset tapaamiset", "en": "Individual meetings"},
    "category_staff_meeting": {"fi": "Työryhmän kokous", "en": "Team meeting"},
    "category_meal": {"fi": "Lounas ja tauot", "en": "Lunch and breaks"},
    "category_transfer": {"fi": "Siirtymät", "en": "Transfers"},
    "category_other": {"fi": "Muu ohjelma", "en": "Other programme"},
    # Column headings shared by the lists.
    "col_day": {"fi": "Päivä", "en": "Day"},
    "col_date": {"fi": "Päivämäärä", "en": "Date"},
    "col_time": {"fi": "Aika", "en": "Time"},
    "col_session": {"fi": "Ohjelma", "en": "Session"},
    "col_theme": {"fi": "Teema", "en": "Theme"},
    "col_staff": {"fi": "Ohjaaja(t)", "en": "Staff"},
    "col_responsible": {"fi": "Vastuuhenkilö", "en": "Responsible"},
    "col_room": {"fi": "Tila", "en": "Room"},
    "col_participants": {"fi": "Kuntoutujat", "en": "Participants"},
    "col_hours": {"fi": "Tunnit", "en": "Hours"},
    "col_person": {"fi": "Työntekijä", "en": "Staff member"},
    "col_role": {"fi": "Ammatti", "en": "Role"},
    "col_staff_group": {"fi": "Henkilöstöryhmä", "en": "Staff group"},
    "col_total": {"fi": "Yhteensä", "en": "Total"},
    "col_kind": {"fi": "Toteutusmuoto", "en": "Form"},
    # Staff sheet.
    "staff_title": {"fi": "Henkilöstön ohjelma ja tunnit", "en": "Staff programme and hours"},
    "staff_hours_note": {
        "fi": "Tunnit kuntoutujien kanssa (R26): ohjelmakohdan kesto lasketaan jokaiselle siinä "
        "mukana olevalle työntekijälle. Lounas, siirtymät ja työryhmän kokous eivät sisälly.",
        "en": "Hours with participants (R26): the session's length for every staff member "
        "present. Lunch, transfers and the team meeting are not counted.",
    },
    "staff_summary": {"fi": "Tunnit päivittäin", "en": "Hours per day"},
    "staff_person_heading": {"fi": "{name} — {role}", "en": "{name} — {role}"},
    "course_lead": {"fi": "kurssivastaava", "en": "course lead"},
    "counted": {"fi": "Lasketaan", "en": "Counted"},
    "not_counted": {"fi": "ei lasketa", "en": "not counted"},
    "all_staff": {"fi": "Kaikki yhteensä", "en": "All staff"},
    # Participants' individual plans.
    "plan_title": {
        "fi": "Yksilöllinen suunnitelma: {participant}",
        "en": "Individual plan: {participant}",
    },
    "plan_subtitle": {
        "fi": "{course} · {dates}",
        "en": "{course} · {dates}",
    },
    "plan_intro": {
        "fi": "Oma ohjelmasi kurssiviikolla. Yksilölliset tapaamisesi on lihavoitu, ja "
        "jokaisen ohjelmakohdan vastuuhenkilö on mainittu.",
        "en": "Your own programme for the course week. Individual meetings are in bold; "
        "the person responsible is named for each item.",
    },
    "plan_goals": {"fi": "Omat tavoitteeni (GAS)", "en": "My goals (GAS)"},
    "plan_goal_line": {"fi": "Tavoite {number}:", "en": "Goal {number}:"},
    "plan_individual_meetings": {
        "fi": "Yksilölliset tapaamiset",
        "en": "Individual meetings",
    },
    # Kinds of session.
    "kind_group": {"fi": "Koko ryhmä", "en": "Whole group"},
    "kind_small_group": {"fi": "Pienryhmä", "en": "Small group"},
    "kind_individual": {"fi": "Yksilötapaaminen", "en": "Individual"},
    "kind_staff_meeting": {"fi": "Työryhmän kokous", "en": "Team meeting"},
    "kind_meal": {"fi": "Ateria", "en": "Meal"},
    "kind_break": {"fi": "Tauko", "en": "Break"},
    "kind_transfer": {"fi": "Siirtymä", "en": "Transfer"},
    # What a session is for (the standard's purposes), as a checker's reason names it.
    "purpose_opening": {"fi": "aloituskeskustelu", "en": "opening discussion"},
    "purpose_closing": {"fi": "loppukeskustelu", "en": "closing discussion"},
    "purpose_interview": {"fi": "haastattelu", "en": "interview"},
    "purpose_gas_goals": {"fi": "GAS-tavoitetapaaminen", "en": "GAS goal meeting"},
    "purpose_goal_intro": {"fi": "tavoitetyöskentelyn aloitus", "en": "introduction to goals"},
    "purpose_goal_review": {"fi": "tavoitteiden välitarkastelu", "en": "goal review"},
    "purpose_measures_start": {"fi": "alkumittaukset", "en": "start measures"},
    "purpose_measures_end": {"fi": "loppumittaukset", "en": "end measures"},
    "purpose_lecture": {"fi": "lääkärin alustus", "en": "physician's lecture"},
    "purpose_staff_meeting": {"fi": "työryhmän kokous", "en": "team meeting"},
    "purpose_lunch": {"fi": "lounas", "en": "lunch"},
    "purpose_other": {"fi": "muut yksilötapaamiset", "en": "other individual meetings"},
    # Kinds of room the standard requires (R30).
    "room_kind_gym": {"fi": "kuntosali", "en": "gym"},
    "room_kind_hall": {"fi": "liikuntasali", "en": "exercise hall"},
    "room_kind_therapy": {"fi": "terapiahuone", "en": "therapy room"},
    "room_kind_group": {"fi": "ryhmätila", "en": "group room"},
    "room_kind_pool": {"fi": "allas", "en": "pool"},
    # Staff groups and roles.
    "group_team": {"fi": "Työryhmä", "en": "Team"},
    "group_special": {"fi": "Erityistyöntekijät", "en": "Special workers"},
    "group_other": {"fi": "Muu kuntoutushenkilöstö", "en": "Other staff"},
    "role_rheumatologist": {"fi": "Reumatologi", "en": "Rheumatologist"},
    "role_physiotherapist": {"fi": "Fysioterapeutti", "en": "Physiotherapist"},
    "role_psychologist": {"fi": "Psykologi", "en": "Psychologist"},
    "role_occupational_physiotherapist": {
        "fi": "Työfysioterapeutti",
        "en": "Occupational physiotherapist",
    },
    "role_occupational_health_nurse": {
        "fi": "Työterveyshoitaja",
        "en": "Occupational health nurse",
    },
    "role_nutritionist": {"fi": "Ravitsemusterapeutti", "en": "Nutritionist"},
    "role_podiatrist": {"fi": "Jalkaterapeutti", "en": "Podiatrist"},
    "role_foot_care_nurse": {"fi": "Jalkojenhoitaja", "en": "Foot-care nurse"},
    "role_social_worker": {"fi": "Sosiaalityöntekijä", "en": "Social worker"},
    "role_social_services_professional": {
        "fi": "Sosionomi",
        "en": "Social services professional",
    },
    "role_rehabilitation_counsellor": {
        "fi": "Kuntoutuksen ohjaaja",
        "en": "Rehabilitation counsellor",
    },
    "role_rehabilitation_scientist": {
        "fi": "YTM (kuntoutustiede)",
        "en": "Rehabilitation scientist (MSc)",
    },
    "role_occupational_therapist": {"fi": "Toimintaterapeutti", "en": "Occupational therapist"},
    "role_nurse": {"fi": "Sairaanhoitaja", "en": "Nurse"},
    "role_public_health_nurse": {"fi": "Terveydenhoitaja", "en": "Public health nurse"},
    "role_sports_instructor": {"fi": "Liikunnanohjaaja", "en": "Sports instructor"},
    # Hours table (Appendix 1/2).
    "hours_title": {
        "fi": "Henkilöstön tunnit kuntoutujien kanssa (liitteet 1 ja 2)",
        "en": "Staff hours with participants (Appendices 1 and 2)",
    },
    "hours_note": {
        "fi": "Laskettu aikataulusta (R26): ohjelmakohdan kesto lasketaan jokaiselle siinä "
        "mukana olevalle työntekijälle; lounas, siirtymät ja työryhmän kokous eivät sisälly. "
        "Standardin vaihteluvälit ovat osuuksia toteutuneista kokonaistunneista (R27).",
        "en": "Counted from the timetable (R26): the session's length for every staff member "
        "present; lunch, transfers and the team meeting are not counted. The standard's bands "
        "are shares of the hours actually given (R27).",
    },
    "hours_lines_heading": {
        "fi": "Liite 1: tunnit eriteltyinä",
        "en": "Appendix 1: hours item by item",
    },
    "hours_shares_heading": {
        "fi": "Liite 2: osuudet henkilöstöryhmittäin",
        "en": "Appendix 2: shares per staff group",
    },
    "hours_people_heading": {"fi": "Tunnit henkilöittäin", "en": "Hours per person"},
    "hours_line_programme": {
        "fi": "Koko ryhmän kuntoutusohjelma, yksi työntekijä",
        "en": "Whole-group programme, one staff member",
    },
    "hours_line_small_group_second": {
        "fi": "Pienryhmätyöskentelyn toinen henkilö",
        "en": "Small-group work, second person",
    },
    "hours_line_opening_second": {
        "fi": "Ryhmämuotoisen aloituskeskustelun toinen työntekijä",
        "en": "Opening discussion, second staff member",
    },
    "hours_line_closing_second": {
        "fi": "Ryhmämuotoisen loppukeskustelun toinen työntekijä",
        "en": "Closing discussion, second staff member",
    },
    "hours_line_group_extra": {
        "fi": "Muiden ryhmätapaamisten lisähenkilöt",
        "en": "Other group sessions, additional staff",
    },
    "hours_line_group_total": {
        "fi": "Ryhmämuotoiset tunnit yhteensä",
        "en": "Group hours in total",
    },
    "hours_line_interviews": {
        "fi": "Työryhmän jäsenen haastattelu ja arviointi",
        "en": "Interviews and assessment by a team member",
    },
    "hours_line_individual_other": {
        "fi": "Muut yksilölliset tapaamiset",
        "en": "Other individual meetings",
    },
    "hours_line_individual_total": {
        "fi": "Yksilölliset tunnit yhteensä",
        "en": "Individual hours in total",
    },
    "hours_line_total": {"fi": "Kaikki tunnit yhteensä", "en": "All hours in total"},
    "col_item": {"fi": "Erittely", "en": "Item"},
    "col_standard_minimum": {"fi": "Standardin vähimmäismäärä", "en": "Standard's minimum"},
    "col_share": {"fi": "Osuus", "en": "Share"},
    "col_band": {"fi": "Standardin vaihteluväli", "en": "Standard's band"},
    "col_band_low": {"fi": "Sallitut tunnit vähintään", "en": "Band, at least (h)"},
    "col_band_high": {"fi": "Sallitut tunnit enintään", "en": "Band, at most (h)"},
    "col_group_hours": {"fi": "Ryhmätunnit", "en": "Group hours"},
    "col_individual_hours": {"fi": "Yksilötunnit", "en": "Individual hours"},
    "col_minimum": {"fi": "Vähintään", "en": "At least"},
    "col_maximum": {"fi": "Enintään", "en": "At most"},
    "col_result": {"fi": "Tulos", "en": "Result"},
    "band_percent": {"fi": "{low}–{high} %", "en": "{low}–{high} %"},
    "all_groups": {"fi": "Kaikki yhteensä", "en": "All groups"},
    "hours_within": {"fi": "✓ täyttyy", "en": "✓ within"},
    "hours_below": {"fi": "✗ alittuu", "en": "✗ too few"},
    "hours_above": {"fi": "✗ ylittyy", "en": "✗ too many"},
    # Compliance.
    "compliance_title": {
        "fi": "Standardin täyttyminen säännöittäin",
        "en": "Compliance with the standard, rule by rule",
    },
    "compliance_summary_pass": {
        "fi": "Aikataulu täyttää standardin kaikki tarkistetut vaatimukset.",
        "en": "The timetable meets every checked rule of the standard.",
    },
    "compliance_summary_fail": {
        "fi": "Aikataulu ei täytä kaikkia vaatimuksia; täyttymättömiä sääntöjä: {count}.",
        "en": "The timetable does not meet every rule; rules failing: {count}.",
    },
    "col_rule": {"fi": "Sääntö", "en": "Rule"},
    "col_rule_title": {"fi": "Vaatimus", "en": "Requirement"},
    "col_status": {"fi": "Tila", "en": "Status"},
    "col_reason": {"fi": "Perustelu", "en": "Reason"},
    "status_pass": {"fi": "Täyttyy", "en": "Pass"},
    "status_fail": {"fi": "Ei täyty", "en": "Fail"},
    "status_n/a": {"fi": "Ei sovellu", "en": "N/a"},
    # The console report's verdict words (a failure stands out in capitals).
    "verdict_pass": {"fi": "täyttyy", "en": "pass"},
    "verdict_fail": {"fi": "EI TÄYTY", "en": "FAIL"},
    "verdict_n/a": {"fi": "ei koske", "en": "n/a"},
    # About.
    "about_title": {"fi": "Tietoja aikataulusta", "en": "About this timetable"},
    "about_course": {"fi": "Kurssi", "en": "Course"},
    "about_dates": {"fi": "Ajankohta", "en": "Dates"},
    "about_form": {"fi": "Toteutusmuoto", "en": "Form"},
    "about_standard": {"fi": "Standardi", "en": "Standard"},
    "about_participants": {"fi": "Kuntoutujia", "en": "Participants"},
    "about_staff": {"fi": "Henkilöstöä", "en": "Staff"},
    "about_sessions": {"fi": "Ohjelmakohtia", "en": "Sessions"},
    "about_input_hash": {
        "fi": "Lähtötiedoston tarkiste (SHA-256)",
        "en": "Input file checksum (SHA-256)",
    },
    "about_solver_status": {"fi": "Ratkaisijan tila", "en": "Solver status"},
    "about_objective": {
        "fi": "Sakkopisteet (mitä pienempi, sitä parempi)",
        "en": "Penalty (the lower the better)",
    },
    "about_bound": {"fi": "Sakkopisteiden alaraja", "en": "Lower bound of the penalty"},
    "about_solve_time": {"fi": "Ratkaisuaika", "en": "Solve time"},
    "about_seed": {"fi": "Satunnaissiemen", "en": "Random seed"},
    "about_tool_version": {"fi": "Ohjelmaversio", "en": "Tool version"},
    "about_previous": {"fi": "Korvaa aikataulun", "en": "Re-plans"},
    "about_checked": {"fi": "Tarkistus", "en": "Check"},
    "about_seconds": {"fi": "{seconds} s", "en": "{seconds} s"},
    "about_none": {"fi": "–", "en": "–"},
    "about_preferences": {
        "fi": "Mistä sakkopisteet tulevat",
        "en": "Where the penalty comes from",
    },
    "preference_cost_line": {
        "fi": "{words} (paino {weight}, sakkopisteitä {penalty})",
        "en": "{words} (weight {weight}, penalty {penalty})",
    },
    "about_privacy": {
        "fi": "Kuntoutujat esitetään tunnisteilla (K01…); nimiä ei tulosteta.",
        "en": "Participants appear by pseudonymous id (K01…); names are not printed.",
    },
    "about_privacy_names": {
        "fi": "Kuntoutujien nimet on tulostettu pyynnöstä: käsittele luottamuksellisena.",
        "en": "Participants' names are printed on request: handle as confidential.",
    },
    # Changes of a re-plan.
    "changes_title": {
        "fi": "Muutokset edelliseen aikatauluun",
        "en": "Changes to the previous timetable",
    },
    "col_change": {"fi": "Muutos", "en": "Change"},
    "col_before": {"fi": "Ennen", "en": "Before"},
    "col_after": {"fi": "Jälkeen", "en": "After"},
    "col_notify": {"fi": "Kenelle tiedotetaan", "en": "Tell"},
    # What the solver reached (the About sheet and the console).
    "solver_OPTIMAL": {"fi": "Paras mahdollinen (todistettu)", "en": "Optimal (proven)"},
    "solver_FEASIBLE": {
        "fi": "Täyttää standardin; parhaaksi ei todistettu",
        "en": "Meets the standard; not proven the best",
    },
    "solver_INFEASIBLE": {"fi": "Mahdoton", "en": "Impossible"},
    "solver_UNKNOWN": {"fi": "Ei ratkaisua annetussa ajassa", "en": "None found in the time given"},
    "solver_MODEL_INVALID": {"fi": "Virheellinen malli", "en": "Invalid model"},
    # The course's preferences (models.course.Preferences): each one's name, and what it costs
    # a timetable in words, its amount in its own unit as {amount}.
    "preference_balanced_days": {
        "fi": "Tasaisesti ohjelmaa joka päivä",
        "en": "Programme evenly every day",
    },
    "preference_cost_balanced_days": {
        "fi": "päivien ohjelma poikkeaa keskiarvosta yhteensä {amount}",
        "en": "the days' programme is {amount} off the daily average in all",
    },
    "preference_no_idle_gaps": {
        "fi": "Ei tyhjiä välejä ryhmän päivään",
        "en": "No idle gaps in the group's day",
    },
    "preference_cost_no_idle_gaps": {
        "fi": "tyhjää odotusta yhteensä {amount}",
        "en": "the group waits {amount} between sessions in all",
    },
    "preference_physician_lectures_early": {
        "fi": "Lääkärin alustukset alkuviikkoon",
        "en": "The physician's lectures early in the week",
    },
    "preference_cost_physician_lectures_early": {
        "fi": "lääkärin alustukset ovat ensimmäistä kurssipäivää myöhemmin yhteensä {amount}",
        "en": "the physician's lectures come {amount} after the first course day in all",
    },
    "preference_no_pool_after_lunch": {
        "fi": "Ei allasta heti lounaan jälkeen",
        "en": "No pool right after lunch",
    },
    "preference_cost_no_pool_after_lunch": {
        "fi": "talon ulkopuolelle lähdetään pian lounaan jälkeen: {amount}",
        "en": "off-site sessions leaving soon after lunch: {amount}",
    },
    "preference_balanced_small_groups": {
        "fi": "Yhtä suuret pienryhmät",
        "en": "Small groups of equal size",
    },
    "preference_cost_balanced_small_groups": {
        "fi": "pienryhmät poikkeavat tasajaosta: {amount}",
        "en": "the small groups are off an even split by {amount}",
    },
    "preference_whole_team_meeting": {
        "fi": "Koko työryhmä kokoukseen",
        "en": "The whole team at the team meeting",
    },
    "preference_cost_whole_team_meeting": {
        "fi": "työryhmän kokouksesta puuttuu: {amount}",
        "en": "missing from the team meeting: {amount}",
    },
    "preference_staff_meeting_midweek": {
        "fi": "Työryhmän kokous keskellä viikkoa",
        "en": "The team meeting mid-week",
    },
    "preference_cost_staff_meeting_midweek": {
        "fi": "työryhmän kokouksia ensimmäisenä tai viimeisenä kurssipäivänä: {amount}",
        "en": "team meetings on the first or the last course day: {amount}",
    },
    "preference_goal_review_midweek": {
        "fi": "Tavoitteiden välitarkastelu keskellä viikkoa",
        "en": "The goal review mid-week",
    },
    "preference_cost_goal_review_midweek": {
        "fi": "välitarkasteluja tavoitteiden asettamispäivänä tai viimeisenä kurssipäivänä: "
        "{amount}",
        "en": "goal reviews on the day the goals are set or on the last course day: {amount}",
    },
    "preference_avoid_absences": {
        "fi": "Aloitus, loppu ja mittaukset, kun kaikki ovat paikalla",
        "en": "Opening, closing and measures with everyone there",
    },
    "preference_cost_avoid_absences": {
        "fi": "aloitus-, loppu- tai mittaustilanteita jonkun kuntoutujan poissa ollessa: {amount}",
        "en": "opening, closing or measures sessions while a participant is away: {amount}",
    },
    "preference_exact_shares": {
        "fi": "Henkilöstöryhmien tarkat osuudet",
        "en": "The staff groups' exact shares",
    },
    "preference_cost_exact_shares": {
        "fi": "henkilöstöryhmien tunneista tarkkojen osuuksien ulkopuolella yhteensä {amount}",
        "en": "{amount} of the staff groups' hours lie outside the standard's exact shares",
    },
    "amount_days": {"fi": "{count} päivää", "en": "{count} days"},
    "amount_day": {"fi": "{count} päivä", "en": "{count} day"},
    "amount_participants": {"fi": "{count} kuntoutujaa", "en": "{count} participants"},
    "amount_participant": {"fi": "{count} kuntoutuja", "en": "{count} participant"},
    "amount_places": {"fi": "{count} jäsentä", "en": "{count} members"},
    "amount_place": {"fi": "{count} jäsen", "en": "{count} member"},
    # A re-plan's change list: what changed, where a session was and is, whom to tell.
    "change_day": {"fi": "päivä", "en": "day"},
    "change_time": {"fi": "kellonaika", "en": "time"},
    "change_staff": {"fi": "ohjaaja", "en": "staff"},
    "change_room": {"fi": "tila", "en": "room"},
    "change_added": {"fi": "uusi ohjelmakohta", "en": "added"},
    "change_removed": {"fi": "poistuu", "en": "removed"},
    "nobody": {"fi": "ei ketään", "en": "nobody"},
    # The console.
    "console_solving": {
        "fi": "ratkaistaan {path} ({count} erilaista ohjelmakohtaa) ...",
        "en": "solving {path} ({count} kinds of session) ...",
    },
    "console_progress": {
        "fi": "{seconds} / {limit} s  sakko {objective}  alaraja {bound}  ero {gap}",
        "en": "{seconds} / {limit} s  penalty {objective}  bound {bound}  gap {gap}",
    },
    "console_solved": {
        "fi": "aikataulu valmis ({status}): sakko {objective}, alaraja {bound}, {seconds} s",
        "en": "timetable found ({status}): penalty {objective}, bound {bound}, {seconds} s",
    },
    "console_checked": {
        "fi": "tarkistettu: standardin kaikki {count} sääntöä täyttyvät ({standard})",
        "en": "checked: all {count} rules of the standard hold ({standard})",
    },
    "console_wrote": {"fi": "tallennettu: {path}", "en": "wrote {path}"},
    "console_changed": {
        "fi": "muuttuneita ohjelmakohtia {count} ({proven}, {seconds} s):",
        "en": "{count} session(s) changed ({proven}, {seconds} s):",
    },
    "console_minimal": {
        "fi": "pienin mahdollinen muutos, todistettu",
        "en": "proven minimal",
    },
    "console_not_minimal": {
        "fi": "ei todistetusti pienin mahdollinen muutos",
        "en": "not proven minimal",
    },
    "console_before": {"fi": "ennen", "en": "before"},
    "console_after": {"fi": "jälkeen", "en": "after"},
    "console_tell": {"fi": "tiedota", "en": "tell"},
    # A participant's known absences in their own plan (§6.2's written plan).
    "plan_absence": {"fi": "Ilmoitettu poissaolo", "en": "Known absence"},
    "plan_missed": {"fi": "Olet poissa klo {time}", "en": "You are away {time}"},
    "col_note": {"fi": "Huomio", "en": "Note"},
    # The participants' hand-out week (one A4 page).
    "sheet_handout": {"fi": "Kuntoutujien viikko", "en": "Participants' week"},
    "handout_title": {"fi": "Kurssiviikon ohjelma: {course}", "en": "The course week: {course}"},
    "handout_individual": {
        "fi": "Henkilökohtaiset tapaamiset: katso oma ohjelma",
        "en": "Individual meetings: see your own plan",
    },
    # The course form's choices beside the codes' own labels.
    "language_fi": {"fi": "suomi", "en": "Finnish"},
    "language_en": {"fi": "englanti", "en": "English"},
    "absent": {"fi": "poissa", "en": "absent"},
    "day_column": {"fi": "Päivä {number}", "en": "Day {number}"},
    # Yes and no, as a person types them into the course form.
    "yes": {"fi": "kyllä", "en": "yes"},
    "no": {"fi": "ei", "en": "no"},
    "change_ended": {"fi": "päättyi etuajassa", "en": "ended early"},
    "change_participants": {"fi": "osallistujat", "en": "participants"},
    "change_participants_left": {"fi": "{ids} poissa", "en": "without {ids}"},
    "change_forced_notice": {
        "fi": "väistämätön muutos ilmoitusajan sisällä",
        "en": "forced, within the notice",
    },
    "change_forced": {"fi": "väistämätön muutos", "en": "forced"},
    "change_notice": {"fi": "ilmoitusajan sisällä", "en": "within the notice"},
    "all_participants": {"fi": "kaikki kuntoutujat", "en": "all participants"},
    "placement": {"fi": "{day} klo {time}", "en": "{day} {time}"},
    "staff_part": {"fi": "{staff} klo {time}", "en": "{staff} {time}"},
    "shortfall_part": {
        "fi": "ilman: {staff} (vajaus hyväksytty)",
        "en": "without {staff} (shortfall accepted)",
    },
    "planned_end": {"fi": "suunniteltu loppu klo {time}", "en": "planned to end {time}"},
    "no_staff": {"fi": "ei ohjaajaa", "en": "no staff"},
    "changes_made": {
        "fi": "Uusi suunnitelma hetkellä {when}; ilmoitusaika {notice}. Muutoksia {count}.",
        "en": "Re-planned at {when}; notice {notice}. {count} change(s).",
    },
    "changes_none": {
        "fi": "Ei muutoksia edelliseen aikatauluun.",
        "en": "No changes to the previous timetable.",
    },
    "changes_versions": {
        "fi": "Aiemmat versiot (vanhin ensin): {versions}",
        "en": "Earlier versions (oldest first): {versions}",
    },
    "changes_earlier": {
        "fi": "Aiempien versioiden muutokset näkyvät niiden omilla Muutokset-välilehdillä.",
        "en": "The changes of earlier versions are on their own Changes sheets.",
    },
    "changed_mark": {"fi": "Muuttunut tässä versiossa", "en": "Changed in this version"},
    "calendar_cancelled": {"fi": "Peruttu: {title}", "en": "Cancelled: {title}"},
    "console_replan_impossible": {
        "fi": "tätä muutosta ei voi tehdä standardin mukaisesti:",
        "en": "no re-plan can make this change under the standard:",
    },
    "console_replan_not_found": {
        "fi": "uutta suunnitelmaa ei löytynyt annetussa ajassa (mahdottomuutta ei todistettu):",
        "en": "no re-plan found in the time given (not proven impossible):",
    },
    "console_departures": {
        "fi": "tarkistettu: uusi aikataulu poikkeaa standardista {count} säännön osalta, kuten "
        "muutoksessa hyväksyttiin (kirjattu välilehdelle Standardin täyttyminen):",
        "en": "checked: the new timetable departs from {count} rule(s) as the change accepted "
        "(recorded in the workbook's compliance sheet):",
    },
    "console_notice": {
        "fi": "; ilmoitusaika {notice} hetkestä {at}",
        "en": "; notice {notice} from {at}",
    },
    "sheet_sessions": {"fi": "Ohjelmarivit", "en": "Sessions"},
    "sessions_title": {"fi": "Ohjelmarivit: {course}", "en": "Sessions: {course}"},
    "sessions_note": {
        "fi": "Muokkaa aikataulua tällä välilehdellä: päivämäärää, kellonaikoja, ohjaajia, tilaa "
        "ja yksilötapaamisten osallistujia voi muuttaa, ja rivejä voi lisätä (muoto on "
        "pakollinen, tunniste jätetään tyhjäksi). Lukittu = kyllä: uudelleensuunnittelu ei "
        "siirrä riviä. Viikko-ohjelma ja muut välilehdet eivät päivity muokkauksista: ne "
        "näyttävät aikataulun sellaisena kuin se oli työkirjaa tehtäessä. "
        "Tarkista muutokset: kurssi check TIEDOSTO.xlsx",
        "en": "Edit the timetable on this sheet: dates, times, staff, room and the participants "
        "of individual meetings can be changed, and rows added (the kind is required, the id "
        "left empty). Locked = yes: a re-plan never moves the row. The week sheet and the others "
        "do not follow your edits: they show the timetable as it was when the workbook was "
        "made. Check your edits: kurssi check FILE.xlsx",
    },
    "list_date": {"fi": "Päivämäärä", "en": "Date"},
    "list_start": {"fi": "Alkaa", "en": "Starts"},
    "list_end": {"fi": "Päättyy", "en": "Ends"},
    "list_title": {"fi": "Ohjelma", "en": "Session"},
    "list_kind": {"fi": "Muoto", "en": "Kind"},
    "list_small_group": {"fi": "Pienryhmä", "en": "Small group"},
    "list_staff": {"fi": "Ohjaaja(t)", "en": "Staff"},
    "list_room": {"fi": "Tila", "en": "Room"},
    "list_participants": {"fi": "Osallistujat", "en": "Participants"},
    "list_locked": {"fi": "Lukittu", "en": "Locked"},
    "list_id": {"fi": "Tunniste", "en": "Id"},
    # A date cell's number format: Excel and LibreOffice show 'ti 9.3.2027', 'Tue 9 Mar 2027'.
    "date_cell_format": {"fi": "[$-40B]ddd d.m.yyyy", "en": "[$-809]ddd d mmm yyyy"},
    "list_row": {"fi": "{sheet}, rivi {row}", "en": "{sheet}, row {row}"},
    "list_rows": {"fi": "{sheet}, rivit {rows}", "en": "{sheet}, rows {rows}"},
    # Undoing hand edits of the workbook (kurssi resolve --repair).
    "console_undid_edits": {
        "fi": "standardin täyttämiseksi peruttiin {count} käsin tehtyä muutosta:",
        "en": "undid {count} hand edit(s) to meet the standard:",
    },
    "console_kept_edits": {
        "fi": "työkirjan {count} käsin tehdystä muutoksesta säilyi {kept}",
        "en": "kept {kept} of {count} hand edit(s) of the workbook",
    },
    "console_as_edited": {"fi": "{field} muokattuna", "en": "{field} as edited"},
    "console_now": {"fi": "{field} nyt", "en": "{field} now"},
    "edit_field_time": {"fi": "aika", "en": "time"},
    "edit_field_staff": {"fi": "ohjaajat", "en": "staff"},
    "edit_field_room": {"fi": "tila", "en": "room"},
    "edit_field_participants": {"fi": "osallistujat", "en": "participants"},
    "edit_field_locked": {"fi": "lukitus", "en": "lock"},
    "edit_field_added": {"fi": "lisätty rivi", "en": "added row"},
    # -- Messages: words and phrases they share --------------------------------------------
    "word_and": {"fi": "ja", "en": "and"},
    "word_or": {"fi": "tai", "en": "or"},
    "day_of_course": {"fi": "päivä {number} ({date})", "en": "day {number} ({date})"},
    "on_day": {"fi": "päivänä {number} ({date})", "en": "on day {number} ({date})"},
    "on_days": {"fi": "päivinä {days}", "en": "on days {days}"},
    "on_whole_course": {"fi": "koko kurssin ajan", "en": "during the whole course"},
    "on_no_day": {"fi": "ei yhtenäkään kurssipäivänä", "en": "on no course day"},
    "availability_none": {"fi": "ei ole käytettävissä {day}", "en": "is not available {day}"},
    "availability_only": {
        "fi": "on käytettävissä vain klo {spans} {day}",
        "en": "is available only {spans} {day}",
    },
    "pool_team": {"fi": "työryhmä", "en": "the team"},
    "pool_special": {"fi": "erityistyöntekijät", "en": "the special workers"},
    "pool_team_and_special": {
        "fi": "työryhmä ja erityistyöntekijät",
        "en": "the team and the special workers",
    },
    # A programme item in a sentence: one, or several (Finnish: the partitive after a number).
    "spec_one_opening": {"fi": "aloituskeskustelu", "en": "the opening discussion"},
    "spec_many_opening": {
        "fi": "{count} aloituskeskustelua",
        "en": "{count} opening discussions",
    },
    "spec_one_closing": {"fi": "loppukeskustelu", "en": "the closing discussion"},
    "spec_many_closing": {"fi": "{count} loppukeskustelua", "en": "{count} closing discussions"},
    "spec_one_interview": {"fi": "haastattelu", "en": "an interview"},
    "spec_many_interview": {"fi": "{count} haastattelua", "en": "{count} interviews"},
    "spec_one_gas_goals": {"fi": "GAS-tavoitetapaaminen", "en": "a GAS goal meeting"},
    "spec_many_gas_goals": {
        "fi": "{count} GAS-tavoitetapaamista",
        "en": "{count} GAS goal meetings",
    },
    "spec_one_goal_intro": {
        "fi": "tavoitetyöskentelyn aloitus",
        "en": "the introduction to goal setting",
    },
    "spec_many_goal_intro": {
        "fi": "{count} tavoitetyöskentelyn aloitusta",
        "en": "{count} introductions to goal setting",
    },
    "spec_one_goal_review": {"fi": "tavoitteiden välitarkastelu", "en": "the goal review"},
    "spec_many_goal_review": {
        "fi": "{count} tavoitteiden välitarkastelua",
        "en": "{count} goal reviews",
    },
    "spec_one_measures_start": {"fi": "alkumittaukset", "en": "the start measures"},
    "spec_many_measures_start": {
        "fi": "{count} alkumittauskertaa",
        "en": "{count} start measures sessions",
    },
    "spec_one_measures_end": {"fi": "loppumittaukset", "en": "the end measures"},
    "spec_many_measures_end": {
        "fi": "{count} loppumittauskertaa",
        "en": "{count} end measures sessions",
    },
    "spec_one_lecture": {"fi": "lääkärin alustus", "en": "the physician's lecture"},
    "spec_many_lecture": {
        "fi": "{count} lääkärin alustusta",
        "en": "{count} physician's lectures",
    },
    "spec_one_staff_meeting": {"fi": "työryhmän kokous", "en": "the team meeting"},
    "spec_many_staff_meeting": {"fi": "{count} työryhmän kokousta", "en": "{count} team meetings"},
    "spec_titled": {"fi": "”{title}”", "en": "'{title}'"},
    "spec_titled_many": {"fi": "{count} × ”{title}”", "en": "{count} × '{title}'"},
    "did_you_mean": {"fi": "tarkoititko {names}? ", "en": "did you mean {names}? "},
    # -- Messages: reading input files (io/documents.py) -----------------------------------
    "place_line": {"fi": "rivi {line}", "en": "line {line}"},
    "place_line_column": {
        "fi": "rivi {line}, sarake {column}",
        "en": "line {line}, column {column}",
    },
    "place_byte": {"fi": "tavu {byte}", "en": "byte {byte}"},
    "file_yaml": {"fi": "kurssitiedosto (.yaml)", "en": "a course file (.yaml)"},
    "file_timetable": {"fi": "aikataulu (.json)", "en": "a timetable (.json)"},
    "file_form": {"fi": "kurssilomake (.xlsx)", "en": "a course form (.xlsx)"},
    "os_no_permission": {"fi": "ei käyttöoikeutta", "en": "no permission"},
    "os_not_found": {"fi": "ei löydy", "en": "not found"},
    "doc_no_file": {
        "fi": "tiedostoa ei löydy; tarkista polku",
        "en": "no such file; check the path",
    },
    "doc_folder": {
        "fi": "on kansio eikä tiedosto; anna {what}",
        "en": "is a folder, not a file; give {what}",
    },
    "doc_unreadable": {
        "fi": "tiedostoa ei voi lukea ({reason}); tarkista polku",
        "en": "cannot be read ({reason}); check the path",
    },
    "doc_too_large": {
        "fi": "on suurempi kuin {kb} kt, paljon suurempi kuin {what} koskaan on; tarkista, että "
        "tiedosto on oikea",
        "en": "is larger than {kb} KB, far larger than {what} ever is; check that it is the "
        "right file",
    },
    "doc_binary": {
        "fi": "on binääritiedosto eikä YAML-tekstiä; anna kurssitiedosto (.yaml)",
        "en": "is a binary file, not YAML; give a course file (.yaml)",
    },
    "doc_not_utf8": {
        "fi": "ei ole UTF-8-tekstiä (onko se taulukkotiedosto tai tallennettu jollain muulla "
        "merkistöllä?); tallenna se UTF-8-muodossa",
        "en": "is not UTF-8 text (a spreadsheet or a file in another encoding?); save it as UTF-8",
    },
    "doc_empty": {
        "fi": "on tyhjä; aloita kopiosta tiedostosta data/courses/default.yaml",
        "en": "is empty; start from a copy of data/courses/default.yaml",
    },
    "doc_expands": {
        "fi": "sisältää yli {thousands} tuhatta arvoa tai on sisäkkäin yli {depth} tasoa, kun "
        "sen viittaukset (*nimi) kirjoitetaan auki; kurssitiedostossa on muutama tuhat arvoa: "
        "kirjoita arvot auki tai tarkista, että tiedosto on oikea",
        "en": "holds more than {thousands} thousand values, or nests more than {depth} levels "
        "deep, once its aliases (*name) are written out; a course file holds a few thousand: "
        "write the values out, or check that it is the right file",
    },
    "doc_not_yaml": {
        "fi": "ei ole kelvollista YAML-muotoa: {hint}",
        "en": "is not valid YAML: {problem}; {hint}",
    },
    "doc_not_yaml_other": {
        "fi": "ei ole kelvollista YAML-muotoa; tarkista tästä kohdasta sisennykset, "
        "kaksoispisteet ja lainausmerkit",
        "en": "is not valid YAML: {problem}",
    },
    "yaml_tabs": {
        "fi": "sisennä välilyönneillä, ei sarkaimilla",
        "en": "indent with spaces, not tabs",
    },
    "yaml_colon": {
        "fi": "arvo, jossa on kaksoispiste ja välilyönti (': '), tarvitsee lainausmerkit, tai "
        "jokin avain on sisennetty väärin",
        "en": "a value with ': ' in it needs quotes, or a key is indented wrongly",
    },
    "yaml_indent": {
        "fi": "tarkista sisennykset ja listan kohtien viivat",
        "en": "check the indentation and the dashes of list items",
    },
    "yaml_quote": {
        "fi": "jokin lainausmerkki jää sulkematta",
        "en": "a quotation mark is not closed",
    },
    "yaml_alias": {
        "fi": "viittaus (*nimi) osoittaa ankkuriin (&nimi), jota ei ole ennen sitä",
        "en": "an alias (*name) refers to no anchor (&name) before it",
    },
    "yaml_brackets": {
        "fi": "hakasulkeiden [ ] tai aaltosulkeiden {{ }} sisällä kohdat erotetaan pilkuilla, ja "
        "avatut sulkeet on myös suljettava",
        "en": "items inside [ ] or {{ }} are separated by commas, and every bracket is closed",
    },
    "yaml_documents": {
        "fi": "tiedostossa saa olla vain yksi dokumentti (poista rivi '---')",
        "en": "a file holds one document only (remove the line '---')",
    },
    "doc_yaml_broken": {
        "fi": "ei ole kelvollista YAML-muotoa ({kind}); tarkista tiedoston rakenne",
        "en": "is not valid YAML ({kind}); check the file's structure",
    },
    "doc_key_twice": {
        "fi": "avain {key} on kahdesti samassa osiossa (ensimmäinen: {first}); YAML ottaisi "
        "huomioon vain jälkimmäisen: jätä toinen pois",
        "en": "key {key} appears twice in one mapping (first on {first}); YAML would silently "
        "keep only the last one: keep one",
    },
    "doc_bad_date": {
        "fi": "{value} ei ole kelvollinen päivämäärä; kirjoita päivämäärät muodossa VVVV-KK-PP, "
        "esim. 2027-03-08",
        "en": "{value} is not a valid date ({reason}); write dates as YYYY-MM-DD, e.g. 2027-03-08",
    },
    "doc_too_deep": {
        "fi": "listoja ja avain: arvo -rivejä on sisäkkäin yli {depth} tasoa; kurssitiedosto "
        "tarvitsee vain muutaman: tarkista sulkeet ja sisennykset",
        "en": "lists and mappings are nested more than {depth} levels deep; a course file "
        "needs a few: check the brackets and the indentation",
    },
    "text_control": {
        "fi": "sisältää ohjausmerkin ({code}), joka ei sovi työkirjaan eikä kalenteriin; kirjoita "
        "teksti uudelleen ilman sitä",
        "en": "holds a control character ({code}) that no workbook or calendar can hold; "
        "retype the text without it",
    },
    "text_too_long": {
        "fi": "on {length} merkkiä pitkä; tässä teksti saa olla enintään {most} merkkiä",
        "en": "is {length} characters long; a text here is at most {most}",
    },
    "text_nested": {
        "fi": "on sisäkkäin yli {depth} tasoa; tarkista rakenne",
        "en": "is nested more than {depth} levels deep; check the structure",
    },
    "text_the_text": {"fi": "teksti {problem}", "en": "the text {problem}"},
    "text_a_key": {"fi": "avain {problem}", "en": "a key {problem}"},
    # What a field should hold, as a message about a value says it.
    "shown_empty": {"fi": "tyhjä", "en": "empty"},
    "shown_mapping": {"fi": "avain: arvo -rakenne", "en": "a mapping"},
    "shown_list": {"fi": "lista", "en": "a list"},
    "field_the_value": {"fi": "arvo", "en": "the value"},
    "got": {"fi": ", ei {value}", "en": ", not {value}"},
    "expect_whole": {"fi": "kokonaisluku", "en": "a whole number"},
    "expect_number": {"fi": "luku", "en": "a number"},
    "expect_finite": {"fi": "äärellinen luku", "en": "a finite number"},
    "expect_text": {"fi": "tekstiä", "en": "text"},
    "expect_bool": {"fi": "true tai false (lomakkeella kyllä tai ei)", "en": "true or false"},
    "expect_date": {"fi": "päivämäärä muodossa 2027-03-08", "en": "a date like 2027-03-08"},
    "expect_date_only": {
        "fi": "päivämäärä muodossa 2027-03-08 (ilman kellonaikaa)",
        "en": "a date like 2027-03-08 (no time of day)",
    },
    "expect_list": {"fi": "lista", "en": "a list"},
    "expect_mapping": {"fi": "avain: arvo -rivejä", "en": "a mapping (key: value lines)"},
    "expect_fields": {
        "fi": "kenttiä (avain: arvo -rivejä)",
        "en": "a mapping of fields (key: value lines)",
    },
    "limit_gt": {"fi": "suurempi kuin {limit}", "en": "more than {limit}"},
    "limit_ge": {"fi": "vähintään {limit}", "en": "at least {limit}"},
    "limit_lt": {"fi": "pienempi kuin {limit}", "en": "less than {limit}"},
    "limit_le": {"fi": "enintään {limit}", "en": "at most {limit}"},
    "field_unknown": {
        "fi": "tuntematon kenttä {field}; {hint}tässä kohdassa sallitut kentät ovat {fields}",
        "en": "unknown field {field}; {hint}the fields here are {fields}",
    },
    "field_unknown_remove": {
        "fi": "tuntematon kenttä {field}; {hint}poista se",
        "en": "unknown field {field}; {hint}remove it",
    },
    "field_missing": {
        "fi": "kenttä {field} puuttuu; lisää se",
        "en": "field {field} is missing; add it",
    },
    "field_expected": {
        "fi": "kentän {field} arvon pitää olla {expected}{got}",
        "en": "{field} should be {expected}{got}",
    },
    "field_too_large": {
        "fi": "kentän {field} arvo on liian suuri: sen pitää olla {bound}{got}; tarkista arvo",
        "en": "{field} is too large: it must be {bound}{got}; check the value",
    },
    "field_too_small": {
        "fi": "kentän {field} arvo on liian pieni: sen pitää olla {bound}{got}; tarkista arvo",
        "en": "{field} is too small: it must be {bound}{got}; check the value",
    },
    "field_too_late": {
        "fi": "kentän {field} päivämäärä on liian myöhäinen: sen pitää olla {bound}{got}; "
        "tarkista arvo",
        "en": "{field} is too late: it must be {bound}{got}; check the value",
    },
    "field_too_early": {
        "fi": "kentän {field} päivämäärä on liian aikainen: sen pitää olla {bound}{got}; "
        "tarkista arvo",
        "en": "{field} is too early: it must be {bound}{got}; check the value",
    },
    "field_too_many": {
        "fi": "kentässä {field} on yli {limit} kohtaa, paljon enemmän kuin millään kurssilla on",
        "en": "{field} holds more than {limit} entries; far more than a course has",
    },
    "field_empty": {
        "fi": "kenttä {field} on tyhjä; siihen tarvitaan vähintään yksi kohta",
        "en": "{field} is empty; it needs at least one entry",
    },
    "field_text_too_long": {
        "fi": "kentän {field} teksti on yli {limit} merkkiä pitkä; lyhennä sitä",
        "en": "{field} is longer than {limit} characters; shorten it",
    },
    "field_plain_word": {
        "fi": "kentän {field} arvon pitää olla yksi sana, jossa on vain kirjaimia a–z, "
        "numeroita ja merkkejä '_', '-' tai '.' (se nimeää tiedostoja ja välilehtiä), esim. "
        "pt1{got}",
        "en": "{field} should be one plain word of letters a-z, digits, '_', '-' or '.' (it "
        "names files and sheets), e.g. pt1{got}",
    },
    "field_tag_unknown": {
        "fi": "{field}: {key} '{tag}' on tuntematon; {hint}vaihtoehdot ovat {tags}",
        "en": "{field}: {key} '{tag}' is not known; {hint}the {key}s are {tags}",
    },
    "field_tag_missing": {
        "fi": "kohdasta {field} puuttuu {key}; lisää rivi '{key}:', joka kertoo, mikä se on",
        "en": "{field} says no {key}; add '{key}:' saying what it is",
    },
    "field_message": {"fi": "kenttä {field}: {message}", "en": "{field}: {message}"},
    "field_one_of": {
        "fi": "kentän {field} arvon pitää olla jokin näistä: {options}{got}",
        "en": "{field} should be {options}{got}",
    },
    "fix_lunch_window": {
        "fi": "siirrä lounasaika kurssipäivän sisään (course.day_window)",
        "en": "move the lunch window inside course.day_window",
    },
    "fix_lunch_minutes": {
        "fi": "lyhennä lounasta tai pidennä lounasaikaa",
        "en": "shorten the lunch or widen its window",
    },
    "fix_language": {"fi": "kirjoita fi tai en", "en": "write fi or en"},
    "fix_days": {
        "fi": "luettele kurssin päivät ensimmäisestä päivästä alkaen",
        "en": "list the course's days from its first day on",
    },
    "fix_right_file": {
        "fi": "tarkista, että tiedosto on oikea",
        "en": "check that it is the right file",
    },
    # A model's own checks (models.base.Problem), by key.
    "model_clock": {
        "fi": "kellonaika kirjoitetaan muodossa 08:15",
        "en": "expected a clock time like '08:15'",
    },
    "model_clock_range": {
        "fi": "kellonajan pitää olla välillä 00:00–24:00",
        "en": "expected a clock time between 00:00 and 24:00",
    },
    "model_window": {
        "fi": "aikaväli kirjoitetaan muodossa 08:00-16:00",
        "en": "expected a time window like '08:00-16:00'",
    },
    "model_window_order": {
        "fi": "aikaväli päättyy ({end}) ennen kuin alkaa ({start})",
        "en": "window ends ({end}) before it starts ({start})",
    },
    "model_lunch_window": {
        "fi": "lounasaika {window} on kurssipäivän {day} ulkopuolella",
        "en": "lunch window {window} is outside the day {day}",
    },
    "model_lunch_minutes": {
        "fi": "{minutes} min lounas ei mahdu lounasaikaan {window}",
        "en": "lunch of {minutes} min does not fit {window}",
    },
    "model_language": {
        "fi": "kieli {language!r} ei kelpaa",
        "en": "language must be 'fi' or 'en'",
    },
    "model_id_twice": {
        "fi": "tunnus '{id}' esiintyy kahdesti; tunnusten pitää olla yksilöllisiä",
        "en": "id '{id}' appears twice; ids must be unique",
    },
    "model_meeting_theme": {
        "fi": "työryhmän kokouksella ei ole teemaa: kuntoutujat eivät ole siinä mukana",
        "en": "a staff meeting has no theme: participants are not there",
    },
    "model_no_staff": {
        "fi": "ohjelmakohta, jossa kuntoutujat ovat mukana, tarvitsee vähintään yhden ohjaajan",
        "en": "a session with participants needs at least one staff member",
    },
    "model_day_zero": {
        "fi": "kurssipäivät numeroidaan yhdestä alkaen (ja -1 on viimeinen päivä)",
        "en": "course days are numbered from 1 (and -1 for the last day)",
    },
    "model_team_size": {
        "fi": "kohdan team.size pitää olla sama kuin ammattien määrien summa",
        "en": "team.size must equal the sum of the role counts",
    },
    "model_physician_role": {
        "fi": "kohdan team.physician_role pitää olla jokin kohdan team.roles ammateista",
        "en": "team.physician_role must be one of team.roles",
    },
    "model_weekdays": {
        "fi": "tuntemattomat viikonpäivät {unknown}; käytä näitä: {known}",
        "en": "unknown weekdays {unknown}; use {known}",
    },
    "model_standard_theme": {
        "fi": "pakollinen ohjelmakohta '{session}' viittaa tuntemattomaan teemaan '{theme}'",
        "en": "mandatory session '{session}' names unknown theme '{theme}'",
    },
    "model_session_order": {
        "fi": "ohjelmakohta {session} päättyy ({end}) ennen kuin alkaa ({start})",
        "en": "session {session} ends ({end}) before it starts ({start})",
    },
    "model_session_parts": {
        "fi": "ohjelmakohta {session}: sen osien pitää seurata toisiaan klo {start}–{end}",
        "en": "session {session}: its parts must follow one another from {start} to {end}",
    },
    "model_session_part_staff": {
        "fi": "ohjelmakohta {session}: kohdassa 'staff' pitää olla kaikki sen osien ohjaajat",
        "en": "session {session}: 'staff' must list everyone of its parts' staff",
    },
    "model_days_from_first_day": {
        "fi": "kurssipäivien pitää olla peräkkäiset päivät ensimmäisestä päivästä (first_day) "
        "alkaen",
        "en": "the course days must be the days from first_day on, one after another",
    },
    "model_bookings": {
        "fi": "ohjelmakohtien kohdissa '{field}' on yhteensä {count} merkintää; kurssiviikolla "
        "niitä on muutama sata (enintään {most})",
        "en": "the sessions list {field} {count} times in all; a course week has a few hundred "
        "(at most {most})",
    },
    # -- Messages: a course file and a standard file checked (io/validation.py) ------------
    "n_participant_one": {"fi": "{count} kuntoutuja", "en": "{count} participant"},
    "n_participant_many": {"fi": "{count} kuntoutujaa", "en": "{count} participants"},
    "n_room_one": {"fi": "{count} tila", "en": "{count} room"},
    "n_room_many": {"fi": "{count} tilaa", "en": "{count} rooms"},
    "n_staff_one": {"fi": "{count} ohjaaja", "en": "{count} staff member"},
    "n_staff_many": {"fi": "{count} ohjaajaa", "en": "{count} staff"},
    "plural_role_rheumatologist": {"fi": "reumatologia", "en": "rheumatologists"},
    "plural_role_physiotherapist": {"fi": "fysioterapeuttia", "en": "physiotherapists"},
    "plural_role_psychologist": {"fi": "psykologia", "en": "psychologists"},
    "plural_role_occupational_physiotherapist": {
        "fi": "työfysioterapeuttia",
        "en": "occupational physiotherapists",
    },
    "plural_role_occupational_health_nurse": {
        "fi": "työterveyshoitajaa",
        "en": "occupational health nurses",
    },
    "plural_role_nutritionist": {"fi": "ravitsemusterapeuttia", "en": "nutritionists"},
    "plural_role_podiatrist": {"fi": "jalkaterapeuttia", "en": "podiatrists"},
    "plural_role_foot_care_nurse": {"fi": "jalkojenhoitajaa", "en": "foot-care nurses"},
    "plural_role_social_worker": {"fi": "sosiaalityöntekijää", "en": "social workers"},
    "plural_role_social_services_professional": {
        "fi": "sosionomia",
        "en": "social services professionals",
    },
    "plural_role_rehabilitation_counsellor": {
        "fi": "kuntoutuksen ohjaajaa",
        "en": "rehabilitation counsellors",
    },
    "plural_role_rehabilitation_scientist": {
        "fi": "YTM:ää (kuntoutustiede)",
        "en": "rehabilitation scientists (MSc)",
    },
    "plural_role_occupational_therapist": {
        "fi": "toimintaterapeuttia",
        "en": "occupational therapists",
    },
    "plural_role_nurse": {"fi": "sairaanhoitajaa", "en": "nurses"},
    "plural_role_public_health_nurse": {"fi": "terveydenhoitajaa", "en": "public health nurses"},
    "plural_role_sports_instructor": {"fi": "liikunnanohjaajaa", "en": "sports instructors"},
    "val_none": {"fi": "ei yhtään", "en": "none"},
    "val_anyone": {"fi": "kuka tahansa", "en": "anyone"},
    "val_id_of_staff": {"fi": "työntekijän", "en": "staff"},
    "val_id_of_participant": {"fi": "kuntoutujan", "en": "participant"},
    "val_id_of_room": {"fi": "tilan", "en": "room"},
    "val_id_of_session": {"fi": "ohjelmakohdan", "en": "session"},
    "val_id_twice": {
        "fi": "{what} tunnus {id} esiintyy kahdesti (ensimmäinen: {first}); tunnusten pitää "
        "olla yksilöllisiä: vaihda toinen",
        "en": "{what} id {id} appears twice (first on {first}); ids must be unique: rename one",
    },
    "val_id_mandatory": {
        "fi": "tunnus {id} on jo standardin pakollisen ohjelmakohdan tunnus ({ids}); anna tälle "
        "ohjelmakohdalle toinen tunnus",
        "en": "session id {id} is already one of the standard's mandatory sessions ({ids}); "
        "give this one another id",
    },
    "val_standard_id": {
        "fi": "tunnus {id} ei vastaa tiedoston nimeä {name}; nimeä tiedosto uudelleen tai korjaa "
        "tunnus",
        "en": "the id {id} differs from the file name {name}; rename the file or fix the id",
    },
    "val_standard_theme_leader": {
        "fi": "teeman {theme} ohjaajaksi on merkitty tuntematon {leader}; {hint}käytä "
        "työryhmän tai erityistyöntekijän (R24) ammattia tai henkilöstöryhmää ({groups})",
        "en": "unknown leader {leader} of theme {theme}; {hint}use a role of the team or of "
        "R24, or a group ({groups})",
    },
    "val_standard_overlap": {
        "fi": "{roles} on sekä työryhmän että erityistyöntekijöiden ammatti; R24:n mukaan "
        "erityistyöntekijät eivät kuulu työryhmään",
        "en": "{roles} is both a team role and a special-worker role; R24 says special workers "
        "are not in the team",
    },
    "val_standard_role": {
        "fi": "ohjelmakohdassa {session} on tuntematon ammatti {role}; {hint}käytä työryhmän tai "
        "erityistyöntekijän (R24) ammattia",
        "en": "unknown role {role} in session {session}; {hint}use a role of the team or of R24",
    },
    "val_standard_room": {
        "fi": "ohjelmakohta {session} tarvitsee tilatyypin {kind}, jota R30:n tiloissa ({kinds}) "
        "ei ole",
        "en": "session {session} needs a room of kind {kind}, which R30's rooms ({kinds}) do "
        "not include",
    },
    "val_standard_day": {
        "fi": "ohjelmakohdan {session} päivä {day} on kurssin {count} päivän ulkopuolella",
        "en": "day {day} of session {session} is outside the {count} course days",
    },
    "val_standard_day_bounds": {
        "fi": "day_min_minutes on suurempi kuin day_max_minutes",
        "en": "day_min_minutes is more than day_max_minutes",
    },
    "val_standard_total": {
        "fi": "{count} päivään, joissa kussakin on ohjelmaa enintään {most}, ei mahdu {total}",
        "en": "{count} days of at most {most} cannot hold {total}",
    },
    "val_standard_share": {
        "fi": "henkilöstöryhmän {group} osuudessa min_percent on suurempi kuin max_percent",
        "en": "the share of {group} has min_percent above max_percent",
    },
    "val_standard_gas_day": {
        "fi": "pitää olla kurssipäivä 1–{count}",
        "en": "must be a course day, 1 to {count}",
    },
    "val_session": {"fi": "ohjelmakohta ”{title}”", "en": "session '{title}'"},
    "val_standard_session": {
        "fi": "standardin ohjelmakohta ”{title}”",
        "en": "the standard's session '{title}'",
    },
    "val_too_many_sessions": {
        "fi": "standardin ohjelmakohdista ja kurssin ohjelmasta tulee viikolle {total} "
        "ohjelmakohtaa; aikataulussa voi olla enintään {most}: tarkista kertamäärät "
        "(yksilöllinen ohjelmakohta pidetään kerran jokaiselle kuntoutujalle)",
        "en": "the standard's sessions and the programme make {total} sessions in the week; a "
        "timetable holds at most {most}: check the counts (an individual session is held once "
        "per participant)",
    },
    "val_slot": {
        "fi": "aikataulun tarkkuus {slot} min ei jaa tuntia tasan; käytä jotakin näistä: {good}",
        "en": "a slot of {slot} min does not divide an hour; use one of {good}",
    },
    "val_what_day_window": {
        "fi": "kurssipäivä (course.day_window)",
        "en": "course.day_window",
    },
    "val_what_lunch": {"fi": "lounasaika", "en": "the lunch window"},
    "val_what_availability": {
        "fi": "käytettävissäoloaika ({name})",
        "en": "the availability of {name}",
    },
    "val_what_away": {"fi": "poissaolo (kuntoutuja {id})", "en": "participant {id}'s time away"},
    "val_what_closed": {
        "fi": "tilan käyttökatko ({room})",
        "en": "the closed times of room {room}",
    },
    "val_what_on": {"fi": "{what} {date}", "en": "{what} on {date}"},
    "val_off_grid": {
        "fi": "{what} {window} ei sovi aikataulun tarkkuuteen ({slot} min, course.slot_minutes); "
        "käytä aikoja kuten {example}",
        "en": "{what} {window} is not on the {slot}-min slot grid of the timetable "
        "(course.slot_minutes); use times like {example}",
    },
    "val_lunch_too_long": {
        "fi": "{minutes} minuutin lounas vie aikataulun tarkkuudella ({slot} min) {rounded} min, "
        "enemmän kuin lounasaika {window}; pidennä lounasaikaa tai lyhennä lounasta",
        "en": "lunch of {minutes} min takes {rounded} min on the {slot}-min slot grid, more "
        "than its window {window}; widen the window or shorten the lunch",
    },
    "val_lunch_rounded": {
        "fi": "{minutes} minuutin lounas pyöristetään {rounded} minuuttiin (aikataulun tarkkuus "
        "{slot} min)",
        "en": "lunch of {minutes} min is rounded up to {rounded} min (the {slot}-min slot grid)",
    },
    "val_programme_day_swapped": {
        "fi": "min_minutes on suurempi kuin max_minutes; vaihda ne keskenään",
        "en": "min_minutes is more than max_minutes; swap them",
    },
    "val_programme_day_too_small": {
        "fi": "{count} päivään, joissa kussakin on ohjelmaa enintään {most}, ei mahdu R4:n "
        "vaatimaa {total} kuntoutusohjelmaa; nosta max_minutes niin, että päivään mahtuu "
        "vähintään {need}",
        "en": "{count} days of at most {most} cannot give the {total} of programme R4 needs; "
        "raise max_minutes to at least {need}",
    },
    "val_start_on": {"fi": "aloita {days}", "en": "start on {days}"},
    "val_first_day_choice": {"fi": "{date} ({iso})", "en": "{date} ({iso})"},
    "val_choose_first_day": {
        "fi": "valitse toinen aloituspäivä",
        "en": "choose another first_day",
    },
    "val_weekday": {
        "fi": "aloituspäivä (first_day) {iso} on {weekday}, joten {number}. kurssipäivä on "
        "{date}; R2:n mukaan kurssi pidetään yhtenä jaksona viikonpäivinä {weekdays}: "
        "{suggestion}",
        "en": "first_day {iso} is a {weekday}, so course day {number} falls on {date}; R2 "
        "allows course days only on {weekdays} in one period: {suggestion}",
    },
    "val_holiday": {
        "fi": "{number}. kurssipäivä ({date}) on {name}, yleinen vapaapäivä; kurssipäivä "
        "vapaapäivänä vaatii Kelan hyväksynnän. {instead}",
        "en": "course day {number} ({date}) is {name}, a public holiday in Finland; a course "
        "day on a holiday needs Kela's approval, {instead}",
    },
    "val_holiday_move": {
        "fi": "Voit myös siirtää aloituspäivää ({where})",
        "en": "move the first day ({where})",
    },
    "val_holiday_instead": {
        "fi": "Voit myös aloittaa {date} ({iso}): se on lähin aloituspäivä, jonka "
        "kurssiviikolla ei ole vapaapäivää",
        "en": "or start on {date} ({iso}), the nearest first day without one",
    },
    "val_holiday_same_weekday": {
        "fi": " (lähin {weekday}: {date}, {iso})",
        "en": " (on a {weekday}: {date}, {iso})",
    },
    "val_role_unknown": {
        "fi": "tuntematon ammatti {role}; {hint}ammatti kirjoitetaan tunnuksena (lomakkeelle "
        "myös suomeksi): työryhmän ammatit {team}; erityistyöntekijöiden ammatit {special}; "
        "muulle kuntoutushenkilöstölle mikä tahansa vastaava tunnus (esim. sports_instructor)",
        "en": "unknown role {role}; {hint}roles are snake_case ids: team {team}; special "
        "workers {special}; other staff by any such id (e.g. sports_instructor)",
    },
    "val_not_team_role": {
        "fi": "{person} ei voi kuulua työryhmään, johon kuuluvat {team}; poista rivi 'group: team'",
        "en": "{person} cannot be in the team: the team is {team}; remove 'group: team'",
    },
    "val_not_special_role": {
        "fi": "{person} on merkitty erityistyöntekijäksi, mutta ammatti {role} ei ole R24:n "
        "luettelossa; {hint}luettelossa ovat {roles}",
        "en": "{person} is marked a special worker but {role} is not a profession on R24's "
        "list; {hint}the list is {roles}",
    },
    "val_leads_nothing": {
        "fi": "{person} ei saa ohjata yhtään ohjelmakohtaa (mikään ohjelmakohta tai teema ei "
        "mainitse hänen ammattiaan tai henkilöstöryhmäänsä); tarkista ammatti tai "
        "ohjelmakohtien ohjaajat",
        "en": "{person} may lead no session of the programme (no session or theme names their "
        "role or staff group); check the role or the sessions' leaders",
    },
    "val_team_short": {
        "fi": "työryhmään tarvitaan {needed}; henkilöstöluettelossa on {have}. Lisää {role} "
        "(role: {code}); työryhmään kuuluvat {team}",
        "en": "the team needs {needed}; the staff list has {have}. Add a {role} (role: {code}); "
        "the team is {team}",
    },
    "val_team_none": {
        "fi": "työryhmään tarvitaan {needed}, mutta henkilöstöluettelossa ei ole yhtään. Lisää "
        "{role} (role: {code}); työryhmään kuuluvat {team}",
        "en": "the team needs {needed}; the staff list has none. Add a {role} (role: {code}); "
        "the team is {team}",
    },
    "val_team_extra": {
        "fi": "työryhmässä on {have} ({names}), mutta siihen kuuluvat täsmälleen {team}; jos "
        "{name} toimii muuna kuntoutushenkilöstönä, merkitse hänelle 'group: other' (R25)",
        "en": "the team has {have} ({names}) but is exactly {team}; give {name} 'group: other' "
        "if they work as other staff (R25)",
    },
    "val_lead_not_team": {
        "fi": "{person} ei kuulu työryhmään, joten hän ei voi olla kurssivastaava; merkitse "
        "kurssivastaavaksi työryhmän jäsen",
        "en": "{person} is not a team member, so cannot be the course lead; mark a team member "
        "instead",
    },
    "val_leads": {
        "fi": "kurssivastaavaksi on merkitty {count} henkilöä ({names}); jätä yksi",
        "en": "{count} people are marked course lead ({names}); keep one",
    },
    "val_no_lead": {
        "fi": "kurssivastaava puuttuu; merkitse yhdelle työryhmän jäsenelle 'course_lead: true'",
        "en": "no course lead; add 'course_lead: true' to one team member",
    },
    "val_special_short": {
        "fi": "R24 edellyttää vähintään {needed} eri ammattia edustavaa erityistyöntekijää; "
        "henkilöstöluettelossa on {have}{listed}. Lisää erityistyöntekijä jostakin muusta "
        "ammatista: {others}",
        "en": "R24 needs at least {needed} special workers of different professions; the staff "
        "list has {have}{listed}. Add one of another profession: {others}",
    },
    "val_special_same": {
        "fi": "{people} edustavat samaa ammattia ({profession}); R24 laskee vain eri ammatteja "
        "edustavat erityistyöntekijät, joten kurssilla on {count} tarvittavista {needed}. "
        "Vaihda toinen heistä erityistyöntekijään jostakin muusta ammatista: {others}",
        "en": "{people} are of one profession ({profession}); R24 counts special workers of "
        "different professions only, so the course has {count} of the {needed} it needs. "
        "Replace one with a special worker of another profession: {others}",
    },
    "val_special_same_ok": {
        "fi": "{people} edustavat samaa ammattia ({profession}), ja R24 laskee heidät yhdeksi; "
        "kurssilla on silti {count} eri ammattia, mikä riittää",
        "en": "{people} are of one profession ({profession}) and count as one in R24; the "
        "course still has {count} professions, which is enough",
    },
    "val_as_team": {"fi": "työryhmän jäsenenä", "en": "as a team member"},
    "val_as_special": {"fi": "erityistyöntekijänä", "en": "as a special worker"},
    "val_as_other": {"fi": "muuna kuntoutushenkilöstönä", "en": "as other staff"},
    "val_acting_twice": {
        "fi": "{name} on luettelossa kahdesti: muuna kuntoutushenkilöstönä (tunnus {id}) ja "
        "{as_group} (tunnus {twin_id}); työryhmän jäsen tai erityistyöntekijä ei voi toimia "
        "myös muuna kuntoutushenkilöstönä. Jätä toinen pois tai anna toiselle henkilölle oma "
        "nimi",
        "en": "{name} is listed twice: as other staff ({id}) and {as_group} ({twin_id}); a team "
        "member or special worker may not also work as other staff. Keep one entry, or give "
        "the other person their own name",
    },
    "val_not_given": {"fi": "ei ilmoitettu", "en": "not given"},
    "val_years": {"fi": "{years} vuotta", "en": "{years} years"},
    "val_physician_years": {
        "fi": "{person}: kokemus reumatologiasta {given}; R21 edellyttää erikoislääkäriltä "
        "vähintään {years} vuoden kokemusta reumaa sairastavien aikuisten kuntoutuksesta tai "
        "hoidosta viimeisten {window} vuoden ajalta: merkitse experience: "
        "{{rheumatology_years: N}} tai valitse toinen lääkäri",
        "en": "{person}: rheumatology experience {given}; R21 needs a physician with at least "
        "{years} years in the last {window} years: set experience: {{rheumatology_years: N}} "
        "or choose another physician",
    },
    "val_experience_rheumatology_hours": {
        "fi": "R21 edellyttää, että jollakin työryhmän jäsenellä lääkärin lisäksi on vähintään "
        "{need} tuntia reumaa sairastavien aikuisten kuntoutus- tai hoitotyötä viimeisten "
        "{window} vuoden ajalta; työryhmän jäsenillä on {have}; merkitse yhdelle experience: "
        "{{{field}: N}}",
        "en": "R21 needs a team member besides the physician with at least {need} h of "
        "rheumatology work in the last {window} years; the team has {have}: set experience: "
        "{{{field}: N}} for one",
    },
    "val_experience_group_leading_hours": {
        "fi": "R21 edellyttää, että jollakin työryhmän jäsenellä lääkärin lisäksi on vähintään "
        "{need} tuntia kokemusta ryhmien ohjaamisesta viimeisten {window} vuoden ajalta; "
        "työryhmän jäsenillä on {have}; merkitse yhdelle experience: {{{field}: N}}",
        "en": "R21 needs a team member besides the physician with at least {need} h of leading "
        "groups in the last {window} years; the team has {have}: set experience: "
        "{{{field}: N}} for one",
    },
    "val_max_below_minimum": {
        "fi": "{person} saa tehdä kurssilla enintään {most}, mutta R20:n mukaan hänen "
        "osuutensa kurssin toteutuksesta on vähintään {least}; nosta max_minutes",
        "en": "{person} may work at most {most}, but R20 needs at least {least} with "
        "participants from them; raise max_minutes",
    },
    "val_available_below_minimum": {
        "fi": "{person} on kurssin aikana käytettävissä {available}, mutta R20:n mukaan hänen "
        "osuutensa kurssin toteutuksesta on vähintään {least}; laajenna hänen "
        "käytettävissäoloaikaansa",
        "en": "{person} is available {available} during the course, but R20 needs at least "
        "{least} with participants from them; widen their availability",
    },
    "val_not_course_day": {
        "fi": "{what}: {dates} ei ole kurssipäivä (kurssi on {first}–{last}); korjaa "
        "päivämäärä tai aloituspäivä ({where})",
        "en": "{dates} in {what} is not a course day (the course runs {first} to {last}); fix "
        "the date or the first day ({where})",
    },
    "val_not_course_days": {
        "fi": "{what}: {dates} eivät ole kurssipäiviä (kurssi on {first}–{last}); korjaa "
        "päivämäärät tai aloituspäivä ({where})",
        "en": "{dates} in {what} are not course days (the course runs {first} to {last}); fix "
        "the dates or the first day ({where})",
    },
    "val_outside_day": {
        "fi": "{what} {date} klo {window} on kokonaan kurssipäivän {day} ulkopuolella "
        "(course.day_window); korjaa ajat tai pidennä kurssipäivää",
        "en": "{what} {window} on {date} is outside the day window {day} (course.day_window); "
        "fix the times or widen the day window",
    },
    "val_reaches_outside_day": {
        "fi": "{what} {date} klo {window} ulottuu kurssipäivän {day} ulkopuolelle; vain "
        "kurssipäivän sisään jäävä osa otetaan huomioon",
        "en": "{what} {window} on {date} reaches outside the day window {day}; only the part "
        "inside it counts",
    },
    "val_participants": {
        "fi": "kurssilla on {have}; R1:n mukaan kurssille osallistuu {wanted} kuntoutujaa "
        "(tunnukset: {ids}); merkitse participants.count: {wanted} ja luettele vain näiden "
        "kuntoutujien tunnukset",
        "en": "the course has {have}; R1 needs {wanted} (ids: {ids}); set participants.count "
        "to {wanted} and list only those ids",
    },
    "val_all_in_one_half": {
        "fi": "kaikki {count} kuntoutujaa on sijoitettu pienryhmään {half}; R7 jakaa ryhmän "
        "kahtia: siirrä joku pienryhmään {other} tai jätä sijoittamatta",
        "en": "all {count} participants are fixed to small group {half}; R7 splits the group "
        "in two: leave someone to small group {other} or unfixed",
    },
    "val_room_kind_unknown": {
        "fi": "tuntematon tilatyyppi {kind}; {hint}R30:n tilatyypit ovat {kinds}",
        "en": "unknown room kind {kind}; {hint}R30's kinds are {kinds}",
    },
    "val_room_kind_unused": {
        "fi": "tila {room} on tyyppiä {kind}, jota mikään ohjelmakohta ei tarvitse; tilaa ei "
        "käytetä",
        "en": "room {room} is of kind {kind}, which no session asks for; it will not be used",
    },
    "val_rooms_missing": {
        "fi": "tilatyyppiä {kind} pitää R30:n mukaan olla vähintään {count}, kurssilla on "
        "{have}{listed}; lisää tila kohtaan rooms",
        "en": "R30 requires {needed} of the kind {kind}; the course has {have}{listed}. Add one "
        "to rooms",
    },
    "val_theme_unknown": {
        "fi": "tuntematon teema {theme}; {hint}standardin teemat ovat {themes}",
        "en": "unknown theme {theme}; {hint}the standard's themes are {themes}",
    },
    "val_leader_unknown": {
        "fi": "tuntematon ammatti {role} kohdassa {field} ({session}); {hint}käytä standardin tai "
        "henkilöstöluettelon ammattia tai henkilöstöryhmää ({groups})",
        "en": "unknown role {role} in {field} of {session}; {hint}use a role of the standard "
        "or of the staff list, or a staff group ({groups})",
    },
    "val_small_group_rooms": {
        "fi": "{session} on pienryhmätyöskentelyä, jonka puoliskot kokoontuvat samaan aikaan "
        "kumpikin omassa tilassaan; anna sille tilatyypit, esim. rooms: [group]",
        "en": "{session} is small-group work, whose halves meet in rooms of their own at the "
        "same time; give it room kinds, e.g. rooms: [group]",
    },
    "val_individual_offsite": {
        "fi": "{session} on yksilöllinen, mutta sille sopivat vain kurssipaikan ulkopuoliset "
        "tilat ({kinds}); siirtymät suunnitellaan vain ryhmän ohjelmakohdille: lisää sen "
        "tiloihin jokin kurssipaikan oma tilatyyppi",
        "en": "{session} is an individual session that only off-site rooms ({kinds}) can "
        "hold; travel is planned for group sessions only: add an on-site room kind to its "
        "rooms",
    },
    "val_session_day": {
        "fi": "päivä {day} ({session}) ei ole kurssipäivä; kurssipäivät ovat 1–{count} (ja -1 "
        "on viimeinen)",
        "en": "day {day} of {session} is not a course day; course days are 1 to {count} (and "
        "-1 for the last)",
    },
    "val_after_unknown": {
        "fi": "{session} on merkitty pidettäväksi ohjelmakohdan {after} jälkeen, mutta sellaista "
        "ohjelmakohtaa ei ole; {hint}anna ohjelmakohdan tunnus",
        "en": "{session} comes after {after}, which is no session; {hint}give the id of a session",
    },
    "val_session_too_long": {
        "fi": "{session} kestää {length}, kauemmin kuin kurssipäivä {window}; jaa se osiin tai "
        "lyhennä sitä",
        "en": "{session} lasts {length}, longer than the day window {window}; split it or "
        "shorten it",
    },
    "val_count_too_many": {
        "fi": "{count} × {length} ({session}) ei mahdu {days} kurssipäivään, joissa kussakin on "
        "aikaa {day}; vähennä kertoja",
        "en": "{count} × {length} of {session} do not fit in {days} course days of {day}; "
        "lower the count",
    },
    "val_session_rounded": {
        "fi": "{session}: {minutes} min pyöristetään {rounded} minuuttiin (aikataulun tarkkuus "
        "{slot} min)",
        "en": "{session} of {minutes} min is rounded up to {rounded} min (the {slot}-min slot "
        "grid)",
    },
    "val_purpose_unused": {
        "fi": "{session}: tarkoitusta {purpose} ei ole yhdelläkään standardin ohjelmakohdalla "
        "({purposes}); jätä purpose pois",
        "en": "{session} has purpose {purpose}, which none of the standard's sessions has "
        "({purposes}); leave purpose out",
    },
    "val_unlike_kind": {
        "fi": "sen toteutusmuoto on {kind} eikä {standard}",
        "en": "it is of kind {kind}, not {standard}",
    },
    "val_unlike_days": {
        "fi": "se voi olla {days} eikä vain {standard}",
        "en": "it may be {days}, not only {standard}",
    },
    "val_unlike_staff": {
        "fi": "ohjaajia on {staff} eikä {standard}",
        "en": "it has {staff} staff, not {standard}",
    },
    "val_unlike_leaders": {
        "fi": "sitä saa ohjata myös {people}, mutta standardin ohjelmakohtaa ”{standard}” saa "
        "ohjata vain: {leaders}",
        "en": "{people} may lead it, who may not lead '{standard}' (leaders: {leaders})",
    },
    "val_unlike_required": {
        "fi": "siihen ei vaadita ohjaajaksi: {roles} (required_roles)",
        "en": "it does not require {roles} (required_roles)",
    },
    "val_unlike_after": {
        "fi": "sitä ei pidetä ohjelmakohdan {after} jälkeen (after)",
        "en": "it does not come after {after} (after)",
    },
    "val_purpose_unlike": {
        "fi": "{session}: tarkoitus on {purpose}, joten {rule} arvioi sen kuten standardin "
        "ohjelmakohdan ”{standard}”, mutta {unlike}. Järjestä se samoin kuin standardin "
        "ohjelmakohta tai jätä purpose pois",
        "en": "{session} has purpose {purpose}, so {rule} judges it as the standard's session "
        "'{standard}'; but {unlike}. Hold it as that session is held, or leave purpose out",
    },
    "val_leaders": {"fi": "ohjaajat: {leaders}", "en": "leaders: {leaders}"},
    "val_theme_leaders": {
        "fi": "; teema ”{theme}” sallii: {leaders}",
        "en": "; its theme '{theme}' allows {leaders}",
    },
    "val_too_few_leaders": {
        "fi": "{session} tarvitsee {staff}, mutta sitä saa ohjata vain {people} ({rules}); lisää "
        "ohjaajia tai henkilöstöä",
        "en": "{session} needs {staff}, but only {people} may lead it ({rules}); add leaders or "
        "staff",
    },
    "val_no_leaders": {
        "fi": "{session} tarvitsee {staff}, mutta kukaan henkilöstöstä ei saa ohjata sitä "
        "({rules}); lisää ohjaajia tai henkilöstöä",
        "en": "{session} needs {staff}, but no one on the staff may lead it ({rules}); add "
        "leaders or staff",
    },
    "val_required_role": {
        "fi": "{session}: ohjaajien joukossa pitää olla {role}, mutta henkilöstössä ei ole "
        "yhtään sellaista, joka saisi ohjata sitä; lisää sellainen",
        "en": "{session} needs a {role} among its staff, and no {role} on the staff may lead "
        "it; add one",
    },
    "val_no_room_of_kind": {
        "fi": "{session} tarvitsee tilan, jonka tyyppi on {wanted}, mutta kurssilla ei ole "
        "sellaista; {hint}kurssin tilojen tyypit ovat {kinds}: lisää tila tai vaihda tyyppi",
        "en": "{session} needs a room of kind {wanted}, and the course has none; {hint}the "
        "course's rooms are of kinds {kinds}: add a room or change the kind",
    },
    "val_session_room_kind_unknown": {
        "fi": "tuntematon tilatyyppi {kind} ({session}); {hint}kurssin tilojen tyypit ovat {kinds}",
        "en": "unknown room kind {kind} in {session}; {hint}the course's rooms are of kinds "
        "{kinds}",
    },
    "val_room_kind_missing": {
        "fi": "kurssilla ei ole tilaa, jonka tyyppi on {kind}; {session} pidetään tilassa, jonka "
        "tyyppi on {present}",
        "en": "the course has no room of kind {kind}; {session} will use {present}",
    },
    "val_split": {
        "fi": "standardin ohjelmakohdat {standard}, tämän tiedoston {own}",
        "en": "the standard's sessions {standard}, this file's {own}",
    },
    "val_programme_short": {
        "fi": "ryhmämuotoista kuntoutusohjelmaa on yhteensä {total} ({split}); R4 edellyttää "
        "vähintään {need} {count} päivän aikana: lisää ryhmän ohjelmakohtia {add}",
        "en": "the group programme adds up to {total} ({split}); R4 needs at least {need} over "
        "the {count} days: add {add} of group sessions",
    },
    "val_programme_over_days": {
        "fi": "ryhmämuotoista kuntoutusohjelmaa on yhteensä {total} ({split}), enemmän kuin "
        "mahtuu {count} päivään, kun päivässä on ohjelmaa enintään {most} (R4:n päiväraja); "
        "poista {remove} tai nosta course.programme_day.max_minutes",
        "en": "the group programme adds up to {total} ({split}), more than {count} days of at "
        "most {most} (R4's daily bound); remove {remove} or raise "
        "course.programme_day.max_minutes",
    },
    "val_programme_under_days": {
        "fi": "ryhmämuotoista kuntoutusohjelmaa on yhteensä {total} ({split}), vähemmän kuin "
        "{count} päivään tarvitaan, kun päivässä on ohjelmaa vähintään {least} (R4:n "
        "päiväraja); lisää {add} tai laske course.programme_day.min_minutes",
        "en": "the group programme adds up to {total} ({split}), less than {count} days of at "
        "least {least} (R4's daily bound); add {add} or lower course.programme_day.min_minutes",
    },
    "val_small_group_short": {
        "fi": "pienryhmätyöskentelyä on yhteensä {total}; R7 edellyttää vähintään {need} niin, "
        "että ryhmä on jaettu kahtia: lisää ohjelmakohtia, joiden toteutusmuoto on "
        "pienryhmä (small_group)",
        "en": "small-group work adds up to {total}; R7 needs at least {need} with the group "
        "split in two: add sessions of kind small_group",
    },
    "val_staff_hours_short": {
        "fi": "ohjelmakohdista kertyy henkilöstön tunteja kuntoutujien kanssa {total} (kesto × "
        "ohjaajien määrä, yksilölliset tapaamiset mukaan lukien); R26 edellyttää vähintään "
        "{need}: lisää {add}, esim. ohjelmakohtia tai toinen ohjaaja joihinkin niistä",
        "en": "the sessions give {total} of staff time with participants (length × staff, "
        "individual sessions included); R26 needs at least {need}: add {add}, e.g. sessions "
        "or a second staff member in some",
    },
    # -- Messages: course, standard and plan files (io/courses.py, standards.py, plans.py) -
    "course_participants": {
        "fi": "kohtaan 'participants' kirjoitetaan kuntoutujien määrä (esim. 10), luettelo "
        "kuntoutujista tai kentät 'count' ja 'list'{got}",
        "en": "'participants' should be a count (e.g. 10), a list of participants, or a "
        "mapping with 'count' and 'list'{got}",
    },
    "course_participants_field": {
        "fi": "tuntematon kenttä {field} kohdassa participants; kentät ovat count ja list",
        "en": "unknown field {field} under participants; the fields are count and list",
    },
    "course_participants_list": {
        "fi": "kohdan 'participants.list' pitää olla luettelo kuntoutujista",
        "en": "'participants.list' should be a list of entries",
    },
    "course_participants_count": {
        "fi": "kohdan 'participants.count' pitää olla kuntoutujien määrä kokonaislukuna, "
        "enintään {most} (standardin mukaan {standard})",
        "en": "'participants.count' should be a whole number of participants, at most {most} "
        "(the standard has {standard})",
    },
    "course_participant_id": {
        "fi": "jokaisella luetellulla kuntoutujalla pitää olla tunnus ('id'), esim. K03 "
        "(peitetunnus, ei koskaan nimi)",
        "en": "each listed participant needs an 'id' like K03 (a pseudonym, never a name)",
    },
    "course_participant_twice": {
        "fi": "kuntoutujan tunnus {id} esiintyy kahdesti (ensimmäinen: {first}); tunnusten "
        "pitää olla yksilöllisiä",
        "en": "participant id {id} appears twice (first on {first}); ids must be unique",
    },
    "course_not_mapping": {
        "fi": "kurssitiedostossa pitää olla osiot {sections}{got}; aloita kopiosta tiedostosta "
        "data/courses/default.yaml",
        "en": "a course file must be a mapping of sections ({sections}){got}; start from "
        "data/courses/default.yaml",
    },
    "course_section_unknown": {
        "fi": "tuntematon osio {section}; {hint}osiot ovat {sections}",
        "en": "unknown section {section}; {hint}the sections are {sections}",
    },
    "course_section_missing": {
        "fi": "osio 'course' puuttuu; siinä annetaan kurssin nimi (title), standardi "
        "(standard), aloituspäivä (first_day), kurssipäivän alku ja loppu (day_window) "
        "ja lounas (lunch)",
        "en": "the 'course' section is missing; it gives the title, standard, first_day, "
        "day_window and lunch",
    },
    "course_section_not_mapping": {
        "fi": "osiossa 'course' pitää olla kenttiä (avain: arvo -rivejä){got}",
        "en": "the 'course' section should be a mapping of fields{got}",
    },
    "course_standard_missing": {
        "fi": "kohdassa course.standard pitää nimetä standardi, esim. kela-reuma-2017 "
        "(tunnetut: {known})",
        "en": "course.standard must name a standard, e.g. kela-reuma-2017 (known: {known})",
    },
    "standard_unknown": {
        "fi": "standardia {id} ei ole; {hint}tunnetut standardit: {known}",
        "en": "no standard {id}; {hint}known standards: {known}",
    },
    "standard_not_mapping": {
        "fi": "standarditiedostossa pitää olla kenttiä (avain: arvo -rivejä)",
        "en": "a standard file must be a mapping of fields",
    },
    "course_not_list": {
        "fi": "kohdan '{key}' pitää olla luettelo (rivit alkavat '- '){got}",
        "en": "'{key}' should be a list of entries (lines starting with '- '){got}",
    },
    "planfile_entry": {
        "fi": "jokaisella kurssilla pitää olla tunnus ('id') ja tiedosto ('file') tai kurssin "
        "tiedot suoraan ('course')",
        "en": "each course entry needs an 'id' and a 'file' (or 'course')",
    },
    "planfile_entry_field": {
        "fi": "tuntematon kenttä {field}; kurssin kentät ovat id sekä file tai course",
        "en": "unknown field {field}; a course entry has id, and file or course",
    },
    "planfile_entry_id": {
        "fi": "kurssilta puuttuu tunnus ('id'); se nimeää kurssin tulostiedostot",
        "en": "a course entry needs an 'id' (it names the course's outputs)",
    },
    "planfile_entry_plain_id": {
        "fi": "kurssin tunnus nimeää sen tulostiedostot: kirjoita yksi sana, jossa on vain "
        "kirjaimia a–z, numeroita ja merkkejä '_', '-' tai '.' (enintään {most} merkkiä), esim. "
        "reuma-a",
        "en": "a course id names the course's output files: write one plain word of letters "
        "a-z, digits, '_', '-' or '.' (at most {most} characters), e.g. reuma-a",
    },
    "planfile_entry_file_or_course": {
        "fi": "kurssille {key} annetaan yksi näistä: 'file' (kurssitiedosto) tai 'course' "
        "(kurssin tiedot suoraan)",
        "en": "course {key} needs either 'file' (a course file) or 'course' (the course inline)",
    },
    "planfile_file_path": {
        "fi": "kohtaan 'file' kirjoitetaan tiedoston polku",
        "en": "'file' should be a path",
    },
    "planfile_no_course_file": {
        "fi": "kurssitiedostoa {file} ei löydy (etsittiin: {path}); polut ovat suhteessa "
        "suunnitelmatiedoston kansioon",
        "en": "no course file {file} (looked for {path}); paths are relative to the plan file",
    },
    "planfile_slots": {
        "fi": "kurssin {key} aikataulun tarkkuus on {slot} min ja kurssin {first} {first_slot} "
        "min; suunnitelman kursseilla on oltava sama tarkkuus",
        "en": "course {key} has {slot}-min slots and {first} {first_slot}-min ones; the "
        "courses of a plan share one slot size",
    },
    "planfile_staff_roles": {
        "fi": "työntekijän {id} ammatti on kurssilla {key} {role}, mutta kurssilla {first} "
        "{first_role}; sama tunnus tarkoittaa samaa henkilöä kaikilla kursseilla: anna toiselle "
        "henkilölle oma tunnus",
        "en": "staff {id} is a {role} in {key} but a {first_role} in {first}; the same id is "
        "the same person in every course: use another id for another person",
    },
    "planfile_room_kinds": {
        "fi": "tilan {id} tyyppi on kurssilla {key} {kind}, mutta kurssilla {first} {first_kind}; "
        "sama tunnus tarkoittaa samaa tilaa kaikilla kursseilla",
        "en": "room {id} is a {kind} in {key} but a {first_kind} in {first}; the same id is the "
        "same room in every course",
    },
    "planfile_not_mapping": {
        "fi": "suunnitelmatiedostossa pitää olla osiot {sections}",
        "en": "a plan file is a mapping of sections ({sections})",
    },
    "planfile_title": {
        "fi": "osiossa 'plan' annetaan nimi ('title')",
        "en": "'plan' should be a mapping with a 'title'",
    },
    "planfile_courses": {
        "fi": "kohdassa 'courses' luetellaan suunnitelman kurssit, kullekin tunnus ja tiedosto "
        "(tai kurssin tiedot)",
        "en": "'courses' should list the plan's courses, each with an id and a file (or course)",
    },
    "planfile_id_twice": {
        "fi": "kurssin tunnus {key} esiintyy kahdesti (myös: {first}); tunnukset nimeävät "
        "tulostiedostot, joten niiden pitää olla yksilöllisiä",
        "en": "course id {key} appears twice ({first}); ids name the outputs and must be unique",
    },
    "planfile_staff_list": {
        "fi": "kohdassa 'staff' luetellaan henkilöitä, kullakin tunnus ('id')",
        "en": "'staff' should be a list of entries with an 'id'",
    },
    "planfile_staff_unknown": {
        "fi": "työntekijää {id} ei ole millään suunnitelman kurssilla; kohta 'staff' antaa "
        "tietoja henkilöistä, jotka kurssitiedostoissa on lueteltu",
        "en": "no staff {id} in any course of the plan; the plan's staff entries give facts "
        "about people the course files list",
    },
    # -- Messages: a re-plan's changes, as flags and change files (io/changes.py) ----------
    "changes_moment": {
        "fi": "ajankohta kirjoitetaan muodossa 2027-03-10T08:00 (tai pelkkä päivä 2027-03-10)",
        "en": "expected a date-time like 2027-03-10T08:00 (or a date 2027-03-10)",
    },
    "changes_span": {
        "fi": 'kirjoita NIMI[@ALKAEN[/ASTI]], esim. "Laura Nieminen@2027-03-10T08:00"',
        "en": 'expected NAME[@FROM[/TO]], e.g. "Laura Nieminen@2027-03-10T08:00"',
    },
    "changes_end_before_start": {
        "fi": "loppu on ennen alkua",
        "en": "the end is before the start",
    },
    "changes_plain_id": {
        "fi": "tunnus on yksi sana, jossa on vain kirjaimia a–z, numeroita ja merkkejä '_', '-' "
        "tai '.' (enintään {most} merkkiä), esim. pt3",
        "en": "an id is one plain word of letters a-z, digits, '_', '-' or '.' (at most {most} "
        "characters), e.g. pt3",
    },
    "changes_person": {
        "fi": "{name} ({role}, tunnus {id})",
        "en": "{name} ({role}, id {id})",
    },
    "changes_staff_unknown": {
        "fi": "kurssilla ei ole työntekijää {name}; henkilöstö: {staff}",
        "en": "no staff member {name} on this course; the staff: {staff}",
    },
    "changes_staff_ambiguous": {
        "fi": "kurssilla on useampi työntekijä nimeltä {name}; valitse tunnuksella: {staff}",
        "en": "more than one staff member is called {name} on this course; the staff: {staff}",
    },
    "changes_participant_unknown": {
        "fi": "kuntoutujaa {id} ei ole; kuntoutujat: {ids}",
        "en": "no participant {id}; the participants: {ids}",
    },
    "changes_room": {
        "fi": "{name} ({kind}, tunnus {id})",
        "en": "{name} ({kind}, id {id})",
    },
    "changes_room_unknown": {
        "fi": "kurssilla ei ole tilaa {name}; tilat: {rooms}",
        "en": "no room {name} on this course; the rooms: {rooms}",
    },
    "changes_give_name": {
        "fi": "anna henkilön nimi (tai tunnus)",
        "en": "give the person's name (or an id)",
    },
    "changes_give_role": {
        "fi": 'anna myös ammatti, esim. "{name}:physiotherapist"',
        "en": 'give the role too, e.g. "{name}:physiotherapist"',
    },
    "changes_already_on_course": {
        "fi": "{name} on jo kurssilla omalla paikallaan; --replace tuo uuden henkilön sijaiseksi "
        "({old} tilalle). Jos haluat, että muut ohjaavat ne ohjelmakohdat, jotka {old} olisi "
        "ohjannut, käytä valitsinta {flag}",
        "en": "{name} is already on the course with a place of their own; --replace brings in "
        "someone new for {old}. To let the re-plan give {old}'s sessions to the others, say "
        "{flag}",
    },
    "changes_add_staff": {
        "fi": 'kirjoita NIMI:AMMATTI, esim. "Eeva Sijainen:physiotherapist"',
        "en": 'expected NAME:ROLE, e.g. "Eeva Sijainen:physiotherapist"',
    },
    "changes_replace": {
        "fi": 'kirjoita VANHA=UUSI, esim. "Mikko Virtanen"="Eeva Sijainen:physiotherapist" '
        "tai pt1=sub1",
        "en": 'expected OLD=NEW, e.g. pt1="Eeva Sijainen:physiotherapist" or pt1=sub1',
    },
    "changes_file_mapping": {
        "fi": "muutostiedostossa pitää olla kentät 'now' ja 'changes'",
        "en": "a change file is a mapping with 'now' and 'changes'",
    },
    "changes_kind": {
        "fi": "jokaisella muutoksella pitää olla laji 'kind:' ({kinds}); {example}",
        "en": "each change needs a 'kind:' ({kinds}); {example}",
    },
    "changes_kind_write": {
        "fi": "kirjoita '- kind: {kind}' ja sen kentät sen alle",
        "en": "write '- kind: {kind}' and its fields below it",
    },
    "changes_kind_example": {
        "fi": "esim. '- kind: unavailable', jonka alla 'staff: pt1' ja 'start: 2027-03-10T08:00'",
        "en": "e.g. '- kind: unavailable' with 'staff: pt1' and 'start: 2027-03-10T08:00'",
    },
    # -- Messages: timetables read back, JSON and workbook (io/timetables.py, ...) ---------
    "timetable_not_utf8": {
        "fi": "ei ole UTF-8-tekstiä; aikataulu on JSON-tiedosto tai kurssin tekemä työkirja "
        "(.xlsx)",
        "en": "is not UTF-8 text; a timetable is JSON, or the workbook kurssi wrote (.xlsx)",
    },
    "timetable_not_json": {
        "fi": "ei ole kelvollista JSON-muotoa ({detail})",
        "en": "is not valid JSON ({detail})",
    },
    "json_value": {"fi": "tästä puuttuu arvo", "en": "a value is expected here"},
    "json_comma": {"fi": "tästä puuttuu pilkku", "en": "a comma is expected here"},
    "json_colon": {"fi": "tästä puuttuu kaksoispiste", "en": "a colon is expected here"},
    "json_name": {
        "fi": "tähän kuuluu lainausmerkeissä oleva kentän nimi",
        "en": "a field name in double quotes is expected here",
    },
    "json_string": {"fi": "teksti jää sulkematta", "en": "a text is not closed"},
    "json_control": {
        "fi": "tekstissä on ohjausmerkki",
        "en": "a text holds a control character",
    },
    "json_extra": {
        "fi": "tiedostossa on ylimääräistä tekstiä JSON-objektin jälkeen",
        "en": "the file goes on after the JSON object",
    },
    "timetable_broken": {
        "fi": "ei ole aikataulu ({kind}); tarkista tiedoston rakenne",
        "en": "is not a timetable ({kind}); check the file's structure",
    },
    "timetable_not_object": {
        "fi": "aikataulun pitää olla JSON-objekti (course-timetable/1)",
        "en": "a timetable is a JSON object (course-timetable/1)",
    },
    "timetable_id_twice": {
        "fi": "tunnus {id} esiintyy kahdesti (myös kohdassa {first}); tunnusten pitää olla "
        "yksilöllisiä",
        "en": "id {id} appears twice ({first} has it too); ids must be unique",
    },
    "timetable_unlisted_staff": {
        "fi": "ohjelmakohdassa {session} on työntekijä {id}, jota ei ole lueteltu kohdassa "
        "'{section}'; lisää hänet sinne tai korjaa tunnus",
        "en": "session {session} names the staff member {id}, who is not listed under "
        "'{section}'; list them there or correct the id",
    },
    "timetable_unlisted_participant": {
        "fi": "ohjelmakohdassa {session} on kuntoutuja {id}, jota ei ole lueteltu kohdassa "
        "'{section}'; lisää hänet sinne tai korjaa tunnus",
        "en": "session {session} names the participant {id}, who is not listed under "
        "'{section}'; list them there or correct the id",
    },
    "timetable_unlisted_room": {
        "fi": "ohjelmakohdan {session} tila {id} puuttuu kohdasta 'rooms'; lisää se sinne tai "
        "korjaa tunnus",
        "en": "session {session} is in the room {id}, which is not listed under 'rooms'; list "
        "it there or correct the id",
    },
    "timetable_course_place": {
        "fi": "henkilöstö, kuntoutujat, tilat tai ohjelma",
        "en": "staff, participants, rooms or programme",
    },
    "place_sheet": {"fi": "välilehti '{sheet}'", "en": "sheet '{sheet}'"},
    "place_row": {"fi": "välilehti '{sheet}', rivi {row}", "en": "sheet '{sheet}', row {row}"},
    "place_cell": {"fi": "välilehti '{sheet}', solu {cell}", "en": "sheet '{sheet}', cell {cell}"},
    "place_cells": {
        "fi": "välilehti '{sheet}', solut {cells}",
        "en": "sheet '{sheet}', cells {cells}",
    },
    "file_timetable_any": {
        "fi": "aikataulu (.xlsx tai .json)",
        "en": "a timetable (.xlsx or .json)",
    },
    "workbook_unreadable": {
        "fi": "Excel-työkirjaa ei voi lukea ({error}); tallenna se .xlsx-muodossa",
        "en": "is not an Excel workbook that can be read ({error}); save it as .xlsx",
    },
    "workbook_no_timetable": {
        "fi": "ei sisällä aikataulua (siitä puuttuu kurssin piilotettu välilehti); anna "
        "työkirja, jonka kurssi solve, resolve tai export on tehnyt, tai aikataulun JSON-"
        "tiedosto (kurssilomake ratkaistaan komennolla kurssi solve LOMAKE.xlsx)",
        "en": "holds no timetable (it has no hidden sheet of kurssi's); give a workbook that "
        "kurssi solve, resolve or export wrote, or the timetable's JSON file (a course form is "
        "solved with: kurssi solve FORM.xlsx)",
    },
    "workbook_too_large": {
        "fi": "on {size} tavua; aikataulun työkirja on paljon pienempi (enintään {most}): onko "
        "tiedosto oikea?",
        "en": "is {size} bytes; a timetable workbook is far smaller (at most {most}): is it the "
        "right file?",
    },
    "workbook_not_xlsx": {
        "fi": "ei ole Excel-työkirja (.xlsx); anna kurssin tekemä työkirja tai aikataulun JSON-"
        "tiedosto",
        "en": "is not an Excel workbook (.xlsx); give the workbook kurssi wrote, or a "
        "timetable's JSON file",
    },
    "workbook_unpacks": {
        "fi": "purettuna {size} tavua, enemmän kuin yksikään aikataulun työkirja (enintään "
        "{most}); sitä ei lueta",
        "en": "unpacks to {size} bytes, more than any timetable workbook (at most {most}); it "
        "is not read",
    },
    "workbook_damaged": {
        "fi": "työkirjan piilotettu aikataulu on vioittunut; tee työkirja uudelleen aikataulun "
        "JSON-tiedostosta (kurssi export AIKATAULU.json)",
        "en": "the workbook's hidden timetable is damaged; export the workbook again from the "
        "timetable's JSON file (kurssi export TIMETABLE.json)",
    },
    "workbook_no_list": {
        "fi": "ohjelmarivien luettelo (välilehti '{sheet}') puuttuu; kurssi lukee aikataulun "
        "siltä välilehdeltä: palauta se (Ctrl+Z) tai tee työkirja uudelleen aikataulun JSON-"
        "tiedostosta",
        "en": "the session list (sheet '{sheet}') is missing; it is the sheet kurssi reads the "
        "timetable from: restore it (Ctrl+Z) or export the workbook again from the timetable's "
        "JSON file",
    },
    "workbook_list_too_long": {
        "fi": "luettelo jatkuu rivin {row} jälkeen; kurssiviikolla on paljon vähemmän "
        "ohjelmakohtia (poista luettelon alapuolella olevat rivit)",
        "en": "the list goes on past row {row}; a course week has far fewer sessions (delete "
        "the rows below the list)",
    },
    "workbook_headings": {
        "fi": "luettelosta puuttuvat otsikot {lacking}; otsikot ovat {expected} (palauta "
        "otsikkorivi ennalleen)",
        "en": "the list's headings {lacking} are missing; the headings are {expected} (restore "
        "the heading row as it was)",
    },
    "workbook_unknown_id": {
        "fi": "millään ohjelmakohdalla ei ole tunnusta {id}; tunnus yhdistää rivin "
        "ohjelmakohtaansa: jätä se ennalleen tai tyhjäksi, jos lisäät uuden rivin",
        "en": "no session has the id {id}; the id ties a row to its session: leave it as it "
        "was, or empty for a row you add",
    },
    "workbook_copied_row": {
        "fi": "rivi {row} on jo ohjelmakohta {id}; kopioidussa rivissä on alkuperäisen rivin "
        "tunnus: tyhjennä tämä solu, jos rivi on uusi ohjelmakohta",
        "en": "row {row} is already the session {id}; a copied row keeps the id of its "
        "original: empty this cell for a new session",
    },
    "workbook_deleted_row": {
        "fi": "ohjelmakohdan ”{title}” ({date} klo {time}) rivi on poistettu; kurssin ohjelma "
        "tarvitsee sen: palauta rivi (Ctrl+Z) tai lisää se takaisin tunnuksella {id}",
        "en": "the row of '{title}' ({date} {time}) was deleted; the course's programme needs "
        "the session: restore the row (Ctrl+Z), or add it back with {id} as its id",
    },
    "workbook_ends_first": {
        "fi": "ohjelmakohta päättyy ({end}) ennen kuin alkaa ({start}); kirjoita päättymisaika",
        "en": "the session ends ({end}) before it starts ({start}); write the time it ends",
    },
    "workbook_unread_title": {
        "fi": "olemassa olevan ohjelmakohdan nimeä ei lueta luettelosta (se pysyy: {stays}), "
        "sillä se tulee kurssin ohjelmasta; lisää uusi rivi, jos kyseessä on eri ohjelmakohta",
        "en": "the title of an existing session is not read from the list (it stays {stays}): "
        "it comes from the course's programme; add a row for a different session",
    },
    "workbook_unread_kind": {
        "fi": "olemassa olevan ohjelmakohdan muotoa ei lueta luettelosta (se pysyy: {stays}), "
        "sillä se tulee kurssin ohjelmasta; lisää uusi rivi, jos kyseessä on eri ohjelmakohta",
        "en": "the kind of an existing session is not read from the list (it stays {stays}): "
        "it comes from the course's programme; add a row for a different session",
    },
    "workbook_unread_small_group": {
        "fi": "olemassa olevan ohjelmakohdan pienryhmää ei lueta luettelosta (se pysyy: "
        "{stays}), sillä se tulee kurssin ohjelmasta; lisää uusi rivi, jos kyseessä on eri "
        "ohjelmakohta",
        "en": "the small group of an existing session is not read from the list (it stays "
        "{stays}): it comes from the course's programme; add a row for a different session",
    },
    "workbook_kind_missing": {
        "fi": "käsin lisätylle riville tarvitaan muoto; kirjoita jokin näistä: {kinds}",
        "en": "a row added by hand needs its kind; write one of {kinds}",
    },
    "workbook_kind_unknown": {
        "fi": "{value} ei ole ohjelmakohdan muoto; kirjoita jokin näistä: {kinds}",
        "en": "{value} is not a kind of session; write one of {kinds}",
    },
    "workbook_half": {
        "fi": "pienryhmä on A tai B (tai tyhjä)",
        "en": "the small group is A or B (or empty)",
    },
    "workbook_half_missing": {
        "fi": "pienryhmän rivillä pitää olla pienryhmä: kirjoita A tai B",
        "en": "a small-group row needs its half: write A or B",
    },
    "workbook_date_missing": {
        "fi": "päivämäärä puuttuu; kirjoita se muodossa {example}",
        "en": "the date is missing; write it like {example}",
    },
    "workbook_date_time": {
        "fi": "päivämäärässä ei saa olla kellonaikaa",
        "en": "should be a date without a time of day",
    },
    "workbook_not_date": {
        "fi": "{value} ei ole päivämäärä{reason}; kirjoita se muodossa {example}",
        "en": "{value} is not a date{reason}; write it like {example}",
    },
    "workbook_no_such_date": {
        "fi": " (kalenterissa ei ole sellaista päivää)",
        "en": " (the calendar has no such day)",
    },
    "workbook_other_weekday": {
        "fi": " (viikonpäivä ei täsmää: päivä on {date})",
        "en": " (it names another weekday than the date's: {date})",
    },
    "workbook_time_missing": {
        "fi": "kellonaika puuttuu; kirjoita se muodossa 09:30",
        "en": "the time is missing; write it like 09:30",
    },
    "workbook_not_time": {
        "fi": "{value} ei ole kellonaika; kirjoita se muodossa 09:30",
        "en": "{value} is not a time of day; write it like 09:30",
    },
    "workbook_staff_ambiguous": {
        "fi": "nimi {name} sopii usealle työntekijälle ({ids}); kirjoita tarkoittamasi henkilön "
        "tunnus",
        "en": "{name} names several staff members ({ids}); write the id of the one you mean",
    },
    "workbook_staff_unknown": {
        "fi": "työntekijää nimeltä {name} ei ole; henkilöstö: {names}",
        "en": "no staff member is called {name}; the staff members are: {names}",
    },
    "workbook_room_ambiguous": {
        "fi": "nimi {name} sopii usealle tilalle ({ids}); kirjoita tarkoittamasi tilan tunnus",
        "en": "{name} names several rooms ({ids}); write the id of the one you mean",
    },
    "workbook_room_unknown": {
        "fi": "tilaa nimeltä {name} ei ole; tilat: {names}",
        "en": "no room is called {name}; the rooms are: {names}",
    },
    "workbook_participant_missing": {
        "fi": "yksilötapaamiselle tarvitaan kuntoutuja (esim. K01)",
        "en": "an individual meeting needs its participant (e.g. K01)",
    },
    "workbook_yes_no": {
        "fi": "{value}: kirjoita '{yes}' tai '{no}'",
        "en": "{value}: write '{yes}' or '{no}'",
    },
    # -- Messages: the Excel course form (io/excel_form.py) --------------------------------
    "courseform_sheet_missing": {
        "fi": "välilehti '{sheet}' puuttuu; kurssilomakkeen välilehdet ovat {sheets} (aloita "
        "lomakkeesta, jonka kurssi init --excel tekee)",
        "en": "the sheet '{sheet}' is missing; a course form has the sheets {sheets} (start "
        "from one that kurssi init --excel writes)",
    },
    "courseform_unpacks": {
        "fi": "purettuna {mb} Mt, paljon enemmän kuin kurssilomakkeessa koskaan on; tarkista, "
        "että tiedosto on oikea, tai kopioi kurssin tiedot lomakkeeseen, jonka kurssi init "
        "--excel tekee",
        "en": "unpacks to {mb} MB, far more than a course form ever holds; check that it is "
        "the right file, or copy the course into a form that kurssi init --excel writes",
    },
    "courseform_formula_uncomputed": {
        "fi": "solussa on kaava ilman laskettua arvoa (tiedosto on tallennettu ohjelmalla, joka "
        "ei laske kaavoja); kirjoita arvo itse tai avaa tiedosto Excelissä tai LibreOfficessa "
        "ja tallenna se",
        "en": "holds a formula without a computed value (the file was saved by a program that "
        "does not calculate); type the value itself, or open the file in Excel or LibreOffice "
        "and save it",
    },
    "courseform_formula_error": {
        "fi": "solun kaavan tulos on virhe ({error}); kirjoita arvo itse tai korjaa kaava",
        "en": "holds a formula whose result is an error ({error}); type the value itself or "
        "correct the formula",
    },
    "courseform_merged": {
        "fi": "yksi yhdistetty solu kattaa yli {most} lomakkeen solua; pura yhdistäminen ja "
        "täytä solut, jotka sen pitäisi kattaa",
        "en": "one merged cell covers more than {most} cells of the form; unmerge it and fill "
        "in the cells it should cover",
    },
    "courseform_value_without_field": {
        "fi": "arvolla ei ole kentän nimeä; kirjoita kenttä",
        "en": "a value without a field name; write the field",
    },
    "courseform_no_day_columns": {
        "fi": "välilehdellä '{sheet}' ei ole päiväsarakkeita",
        "en": "the sheet '{sheet}' has no day columns",
    },
    "courseform_day_column": {
        "fi": "{column} ei ole kurssipäivä: kurssilla on enintään {most} päivää ({first}–{last}); "
        "poista sarake tai korjaa sen numero",
        "en": "{column} is not a course day: the course has at most {most} days ({first} to "
        "{last}); delete the column or fix its number",
    },
    "courseform_day_columns": {
        "fi": " sekä sarake kullekin kurssipäivälle ('Päivä 1', 'Päivä 2', ...)",
        "en": " and a column per course day ('Päivä 1', 'Päivä 2', ...)",
    },
    "courseform_column_unknown": {
        "fi": "tuntematon sarake {column}; tämän välilehden sarakkeet ovat {columns}{days}",
        "en": "unknown column {column}; the columns here are {columns}{days}",
    },
    "courseform_not_date": {
        "fi": "{value} ei ole kelvollinen päivämäärä; kirjoita päivämäärät muodossa VVVV-KK-PP, "
        "esim. 2027-03-08",
        "en": "{value} is not a valid date; write dates as YYYY-MM-DD, e.g. 2027-03-08",
    },
    "courseform_not_moment": {
        "fi": "ei ole päivämäärä ja kellonaika; kirjoita se muodossa VVVV-KK-PP TT:MM, esim. "
        "2027-03-10 12:00",
        "en": "is not a date and a time; write it as YYYY-MM-DD HH:MM, e.g. 2027-03-10 12:00",
    },
    "courseform_not_day": {
        "fi": "{value} ei ole kurssipäivä; kirjoita kurssipäivien numerot (1 = ensimmäinen, -1 "
        "= viimeinen) tai viikonpäivät (ma, ti, ke, to, pe, la) pilkuin erotettuina",
        "en": "{value} is not a course day; write course-day numbers (1 = the first, -1 = the "
        "last) or weekdays (ma, ti, ke, to, pe, la), separated by commas",
    },
    # -- Messages: the output folder (io/files.py) -----------------------------------------
    "os_no_space": {"fi": "levy on täynnä", "en": "no space left on the disk"},
    "out_is_file": {
        "fi": "on tiedosto eikä kansio; anna valitsimelle --out kansio (se luodaan tarvittaessa)",
        "en": "is a file, not a folder; give --out a folder (it is made if missing)",
    },
    "out_under_file": {
        "fi": "on tiedoston alla eikä kansiossa; anna valitsimelle --out kansion polku",
        "en": "lies under a file, not a folder; give --out a folder path",
    },
    "out_under_the_file": {
        "fi": "on tiedoston {file} alla eikä kansiossa; anna valitsimelle --out kansio",
        "en": "lies under the file {file}, not a folder; give --out a folder",
    },
    "out_no_permission": {
        "fi": "kansiota ei voi luoda, koska käyttöoikeus puuttuu; anna valitsimelle --out kansio, "
        "johon sinulla on kirjoitusoikeus",
        "en": "cannot be made: no permission; give --out a folder you may write in",
    },
    "out_cannot_make": {
        "fi": "kansiota ei voi luoda ({reason}); anna valitsimelle --out toinen kansio",
        "en": "cannot be made ({reason}); give --out another folder",
    },
    "out_not_folder": {
        "fi": "ei ole kansio; anna valitsimelle --out kansio",
        "en": "is not a folder; give --out a folder",
    },
    "out_not_writable": {
        "fi": "kansioon ei voi kirjoittaa: kansiossa {folder} ei ole kirjoitusoikeutta; anna "
        "valitsimelle --out toinen kansio",
        "en": "cannot be written: no permission in {folder}; give another --out",
    },
    "out_outside": {
        "fi": "olisi tuloskansion ulkopuolella; tulostiedoston nimi on pelkkä tiedostonimi",
        "en": "would lie outside the output folder; an output's name is a plain file name",
    },
    "out_numbered": {
        "fi": "kansiossa on jo {name} ja {most} sen numeroitua kopiota; siirrä vanhat tulosteet "
        "muualle tai anna valitsimelle --out toinen kansio",
        "en": "holds {name} and {most} numbered copies of it already; move old outputs away "
        "or give --out another folder",
    },
    # -- Messages: why a course cannot be timetabled, counted before solving ---------------
    "pre_day_words": {
        "fi": "kurssipäivästä {window} ({length}; R3:n mukaan kuntoutuspäivä kestää enintään "
        "{most}) jää {lunch} lounaan (R8) jälkeen {usable} päivässä",
        "en": "the day window {window} ({length}; R3 allows a day of at most {most}) less "
        "{lunch} lunch (R8) leaves {usable} a day",
    },
    "pre_travel": {
        "fi": " ja siirtymiä kurssipaikan ulkopuolisiin tiloihin {travel}",
        "en": " and {travel} of travel to off-site rooms",
    },
    "pre_days_too_short": {
        "fi": "R3, R4: kurssin ryhmämuotoista kuntoutusohjelmaa on {programme} {count} päivän "
        "aikana (R4 edellyttää vähintään {need}){travel}, mutta {days}, yhteensä {total}. "
        "Pidennä kurssipäivää (course.day_window), lyhennä lounasta tai karsi ohjelmaa.",
        "en": "R3, R4: the course's group programme is {programme} over {count} days (R4 needs "
        "at least {need}){travel}, but {days}, {total} in all. Widen course.day_window, "
        "shorten the lunch or the programme.",
    },
    "pre_programme_over_days": {
        "fi": "R4: kurssin ryhmämuotoista kuntoutusohjelmaa on {programme}, mutta {count} "
        "päivään, joissa kussakin on ohjelmaa enintään {most} (R4:n päiväraja), mahtuu {total}. "
        "Poista ryhmän ohjelmakohtia {remove} tai nosta course.programme_day.max_minutes.",
        "en": "R4: the course's group programme is {programme}, but {count} days of at most "
        "{most} of programme (R4's daily bound) hold {total}. Remove {remove} of group "
        "sessions or raise course.programme_day.max_minutes.",
    },
    "pre_programme_under_days": {
        "fi": "R4: jokaisena kurssipäivänä tarvitaan ohjelmaa vähintään {least}, yhteensä "
        "{total}, mutta kurssin ryhmän ohjelmakohtia on yhteensä {programme}. Lisää ryhmän "
        "ohjelmakohtia {add} tai laske course.programme_day.min_minutes.",
        "en": "R4: every course day needs at least {least} of programme, {total} in all, but "
        "the course's group sessions add up to {programme}. Add {add} of group sessions or "
        "lower course.programme_day.min_minutes.",
    },
    "pre_day_minimum": {
        "fi": "R3, R4: jokaisena kurssipäivänä tarvitaan ohjelmaa vähintään {least} (R4), mutta "
        "{days}. Pidennä kurssipäivää (course.day_window) tai laske "
        "course.programme_day.min_minutes.",
        "en": "R3, R4: every course day needs at least {least} of programme (R4), but {days}. "
        "Widen course.day_window or lower course.programme_day.min_minutes.",
    },
    "pre_day_overfull": {
        "fi": "R3, R4: {day} on pidettävä {what}, yhteensä {total}, mutta päivään mahtuu "
        "ohjelmaa enintään {most} ({days}; R4 sallii {daily} päivässä). Salli näiden "
        "ohjelmakohtien olla muinakin päivinä tai pidennä päivää.",
        "en": "R3, R4: {day} must hold {what}: {total}, but a day holds at most {most} of "
        "programme ({days}; R4 allows {daily} a day). Allow these sessions on other days or "
        "widen the day.",
    },
    "pre_and_more": {
        "fi": "{some} ja {more} muuta ohjelmakohtaa",
        "en": "{some} and {more} more sessions",
    },
    "pre_staff_time": {
        "fi": "{rules}: {what}: ohjaajien aikaa tarvitaan {demand} {when} (ohjaajat: {pool}), "
        "mutta käytettävissä on silloin vain {available}{each} (R29: työntekijä ohjaa vain "
        "käytettävissä ollessaan). Lisää ohjaajien käytettävissäoloaikaa {when} tai salli "
        "useamman ohjata näitä ohjelmakohtia.",
        "en": "{rules}: {what}: {demand} of staff time needed {when} (led by {pool}), but they "
        "have only {available} available then{each} (R29: staff work only inside their "
        "availability). Make them available longer {when}, or let more people lead these "
        "sessions.",
    },
    "pre_special_leads_nothing": {
        "fi": "{person} ei saa ohjata yhtään ohjelmakohtaa, jossa kuntoutujat ovat mukana",
        "en": "{person} may lead no session with participants",
    },
    "pre_special_never": {
        "fi": "{person} ei ole käytettävissä yhtenäkään kurssipäivänä",
        "en": "{person} is not available on any course day",
    },
    "pre_special_short": {
        "fi": "{person} ei ole käytettävissä tarpeeksi kauan niinä päivinä, joina hänen "
        "ohjattavissaan olevat ohjelmakohdat voidaan pitää",
        "en": "{person} is not available long enough on the days of the sessions they may lead",
    },
    "pre_special_capped": {
        "fi": "{person} saa tehdä vain {most}",
        "en": "{person} may work only {most}",
    },
    "pre_special_can_one": {
        "fi": "vain yksi ammatti voi: {people}",
        "en": "only 1 profession can: {people}",
    },
    "pre_special_can": {
        "fi": "vain {count} ammattia voi: {people}",
        "en": "only {count} professions can: {people}",
    },
    "pre_special_none_can": {"fi": "yksikään ei voi", "en": "none can"},
    "pre_special": {
        "fi": "R24: kurssin toteutukseen pitää osallistua vähintään {needed} eri ammattia "
        "edustavaa erityistyöntekijää, mutta {can}; {why}. Järjestä heille aikaa tai lisää "
        "erityistyöntekijä jostakin muusta ammatista.",
        "en": "R24: special workers of at least {needed} different professions must work with "
        "the participants, but {can}; {why}. Make them available, or add a special worker of "
        "another profession.",
    },
    "pre_group_team": {"fi": "työryhmän jäsenten", "en": "the team"},
    "pre_group_special": {"fi": "erityistyöntekijöiden", "en": "the special workers"},
    "pre_group_other": {"fi": "muun kuntoutushenkilöstön", "en": "other staff"},
    "pre_share_sessions": {
        "fi": "ohjelmakohdista, joita he saavat ohjata, kertyy heille enintään {most} ({parts})",
        "en": "the sessions they may lead give them at most {most} ({parts})",
    },
    "pre_share_available": {
        "fi": "he ovat käytettävissä vain {most}",
        "en": "they are available only {most}",
    },
    "pre_share_low": {
        "fi": "R27: {group} osuuden henkilöstön tunneista kuntoutujien kanssa ({total}) pitää "
        "olla vähintään {low} ({percent} %), mutta {limit}. Anna heidän ohjata useampia "
        "ohjelmakohtia.",
        "en": "R27: {group} must give at least {low} ({percent} %) of the {total} of staff time "
        "with participants, but {limit}. Let them lead more sessions.",
    },
    "pre_share_high": {
        "fi": "R27: {group} osuus henkilöstön tunneista kuntoutujien kanssa ({total}) saa olla "
        "enintään {high} ({percent} %), mutta vain he saavat ohjata ohjelmakohtia, joista "
        "kertyy {least}. Anna muidenkin ohjata osaa niistä.",
        "en": "R27: {group} may give at most {high} ({percent} %) of the {total} of staff time "
        "with participants, but only they may lead sessions worth {least}. Let others lead "
        "some of them.",
    },
    "pre_team_minimum": {
        "fi": "R20: {person}: osuuden kurssin toteutuksesta pitää olla vähintään {least}, mutta "
        "ohjelmakohdista, joita hän saa ohjata ({listed}), kertyy vain {possible}. Lisää hänet "
        "useamman ohjelmakohdan ohjaajaksi.",
        "en": "R20: {person} must spend at least {least} with the participants, but the "
        "sessions they may lead ({listed}) add up to {possible}. Add them to the leaders of "
        "more sessions.",
    },
    "pre_the_physician": {"fi": "erikoislääkäri", "en": "the physician"},
    "pre_a_role": {"fi": "{role}", "en": "a {role}"},
    "pre_required_role": {
        "fi": "{rule}: {what} ({length}) {when} edellyttää, että paikalla on {named} ({names}) "
        "yhtäjaksoisesti {length}, mutta {away} (R29: työntekijä ohjaa vain käytettävissä "
        "ollessaan). Järjestä hänelle aikaa {when}.",
        "en": "{rule}: {what} ({length}) {when} needs {named} ({names}) for {length} in one "
        "stretch, but {away} (R29: staff work only inside their availability). Make {named} "
        "available {when}.",
    },
    "pre_room_far": {
        "fi": "{room} on {minutes} min{km} päässä, kauempana kuin R30:n {most} min tai "
        "{most_km} km",
        "en": "{room} is {minutes} min{km} away, farther than R30's {most} min or {most_km} km",
    },
    "pre_room_small": {
        "fi": "{room}: paikkoja {capacity}",
        "en": "{room} holds {capacity}",
    },
    "pre_rooms": {
        "fi": "R30: {what} tarvitsee tilan, jonka tyyppi on {kinds}, {people} hengelle, mutta "
        "{why}. Käytä lähempää (tai suurempaa) tilaa tai anna ohjelmakohdalle toinen "
        "tilatyyppi.",
        "en": "R30: {what} needs a room of kind {kinds} for {people} people, but {why}. Use a "
        "room nearer (or bigger), or give the session another room kind.",
    },
    "pre_each": {"fi": "{what} (kukin {length})", "en": "{what} ({length} each)"},
    "pre_individual_also": {
        "fi": " sekä ryhmän ohjelmakohdat {sessions}, joita vain hän saa ohjata",
        "en": ", and the group sessions {sessions} that only they may lead",
    },
    "pre_individual_time": {
        "fi": "R16, R29: vain {person} saa ohjata nämä: {what}{also}; niihin kuluu {needed} "
        "yksi kerrallaan, mutta yksilölliset tapaamiset mahtuvat vain aikaan, jonka ryhmän "
        "ohjelmakohdat, joiden päälle niitä ei voi sijoittaa ({blocked}), ja lounaat "
        "({lunches}) jättävät {count} kurssipäivästä vapaaksi: {free}. Salli useamman ohjata "
        "näitä ohjelmakohtia tai salli kuntoutujan kutsuminen kesken ryhmän ohjelmakohtien "
        "yksilötapaamisiin (interruptible).",
        "en": "R16, R29: only {person} may lead {what}{also}: {needed} one at a time, but "
        "individual sessions fit only where the group sessions they may not overlap "
        "({blocked}) and the lunches ({lunches}) leave the {count} course days free: {free}. "
        "Let more people lead these sessions, or make group sessions interruptible.",
    },
    "pre_counted_programme": {
        "fi": "R4: työryhmän tai erityistyöntekijöiden toteutettavissa olevaa ryhmämuotoista "
        "kuntoutusohjelmaa on {counted}, mutta R4 edellyttää vähintään {need}; ohjelmakohtia "
        "{uncounted} saa ohjata vain muu kuntoutushenkilöstö, joten niitä ei lasketa. Anna "
        "työryhmän jäsenen tai erityistyöntekijän ohjata niitä tai lisää ohjelmaa.",
        "en": "R4: the group programme the team or special workers may carry out adds up to "
        "{counted}, but R4 needs at least {need}; only other staff may lead {uncounted}, "
        "which does not count. Let a team member or special worker lead them, or add "
        "programme.",
    },
    # -- Messages: why a course cannot be timetabled, from the solver (explain/course.py) --
    "core_explaining_failed": {
        "fi": "ratkaisija osoitti, ettei mikään aikataulu täytä standardia, mutta syyn "
        "selvittäminen epäonnistui ({error}); ilmoita tästä ja liitä mukaan kurssitiedosto",
        "en": "the solver proved that no timetable meets the standard, but explaining why "
        "failed ({error}); please report this with the course file",
    },
    "core_exists": {
        "fi": "ratkaisija ei löytänyt aikataulua annetussa ajassa, mutta sellainen on olemassa: "
        "anna pidempi --time-limit",
        "en": "the solver found no timetable in its time, but one exists: try a longer "
        "--time-limit",
    },
    "core_unproven": {
        "fi": "ratkaisija ei pystynyt {seconds} sekunnissa osoittamaan, mitkä säännöt ovat "
        "ristiriidassa; anna pidempi --time-limit",
        "en": "the solver could not prove within {seconds} s which rules clash; try a longer "
        "--time-limit",
    },
    "core_facts_clash": {
        "fi": "kurssin kiinteät tiedot ovat ristiriidassa jo ennen kuin yhtäkään sääntöä "
        "sovelletaan (esim. ohjelmakohta, joka ei mahdu mihinkään päivään); tarkista "
        "kurssipäivän pituus, ohjelmakohtien kestot ja niille sallitut päivät",
        "en": "the course's fixed facts clash before any rule is applied (e.g. a session that "
        "fits no day); check the day window, the sessions' lengths and their allowed days",
    },
    "core_facts_clash_short": {
        "fi": "kurssin kiinteät tiedot ovat ristiriidassa jo ennen kuin yhtäkään sääntöä "
        "sovelletaan",
        "en": "the course's fixed facts clash before any rule is applied",
    },
    "core_clash": {
        "fi": "nämä säännöt ja tiedot eivät voi toteutua yhtä aikaa:",
        "en": "these rules and facts cannot all hold together:",
    },
    "core_clash_needed": {
        "fi": "nämä säännöt ja tiedot eivät voi toteutua yhtä aikaa (jokainen niistä on osa "
        "ristiriitaa):",
        "en": "these rules and facts cannot all hold together (each of them is needed for the "
        "clash):",
    },
    "core_a_rule": {"fi": "standardin sääntö", "en": "a rule of the standard"},
    "core_capped": {
        "fi": "saa tehdä yhteensä enintään {most}",
        "en": "works at most {most} in all",
    },
    "core_as_the_file_says": {
        "fi": "on käytettävissä kurssitiedoston mukaisesti",
        "en": "is available as the course file says",
    },
    "core_room_closed": {
        "fi": "R29: tila {room} ei ole käytettävissä {away}",
        "en": "R29: room {room} cannot be used {away}",
    },
    "core_participant_away": {
        "fi": "R29: kuntoutuja {id} on poissa {away} (yksilölliset tapaamiset eivät osu näille "
        "ajoille)",
        "en": "R29: participant {id} is away {away} (individual sessions avoid these times)",
    },
    "core_times_at": {"fi": "klo {spans} {day}", "en": "{spans} {day}"},
    "core_times_all_day": {"fi": "koko päivän {day}", "en": "all day {day}"},
    "core_at_times": {"fi": "ajoittain", "en": "at times"},
    "core_nobody_on_staff": {"fi": "ei kukaan henkilöstöstä", "en": "nobody on the staff"},
    "core_one_staff": {"fi": "yksi ohjaaja", "en": "one staff member"},
    "core_staff": {"fi": "{count} ohjaajaa", "en": "{count} staff"},
    "core_each": {"fi": "(kukin {length})", "en": "({length} each)"},
    "core_session_facts": {
        "fi": "{what} {length} {when}; ohjaajia {count}, ohjaajiksi käyvät: {who}",
        "en": "{what} {length} {when}, with {staff} from {who}",
    },
    "core_r1": {
        "fi": "kurssilla on {count} kuntoutujaa; standardin mukaan heitä on {needed}",
        "en": "the course has {count} participants; the standard needs {needed}",
    },
    "core_r2": {
        "fi": "{count} peräkkäistä kurssipäivää maanantaista lauantaihin; tämä kurssi on "
        "{first}–{last}",
        "en": "{count} consecutive course days, Monday to Saturday; this course runs {first} "
        "to {last}",
    },
    "core_r3_with_travel": {
        "fi": "{what} ({length} siirtymineen)",
        "en": "{what} ({length} with travel)",
    },
    "core_r3_too_long": {
        "fi": "; päivään liian pitkiä: {sessions}",
        "en": "; too long for the day: {sessions}",
    },
    "core_r3": {
        "fi": "jokainen ohjelmakohta on kurssipäivän {window} sisällä, kuntoutujan päivä kestää "
        "enintään {most}, ja joka päivä on {lunch} lounas klo {lunch_window} (R8){too_long}",
        "en": "every session lies inside the day window {window}, a participant's day lasts at "
        "most {most}, and each day has a lunch of {lunch} within {lunch_window} (R8){too_long}",
    },
    "core_r4": {
        "fi": "ryhmämuotoista kuntoutusohjelmaa vähintään {need} {count} päivän aikana ja "
        "{low}–{high} päivässä; kurssin ryhmän ohjelmakohtia on yhteensä {programme}, ja "
        "jokainen pidetään kokonaan",
        "en": "at least {need} of group programme over {count} days and {low} to {high} each "
        "day; the course's group sessions add up to {programme}, each to be placed in full",
    },
    "core_r7_fixed": {
        "fi": "{ids} pienryhmässä {half}",
        "en": "{ids} fixed to {half}",
    },
    "core_r7": {
        "fi": "pienryhmätyöskentelyä vähintään {need}, ryhmä jaettuna kahtia ({first} ja "
        "{second} kuntoutujaa){fixed}",
        "en": "at least {need} of small-group work, the group split into halves of {first} and "
        "{second}{fixed}",
    },
    "core_only": {"fi": "vain {people}", "en": "only {people}"},
    "core_nobody_may": {"fi": "kukaan ei saa ohjata sitä", "en": "nobody may lead it"},
    "core_r9": {
        "fi": "jokaisessa ohjelmakohdassa on sen ohjaajamäärä, ja kaikki ohjaajat ovat sen oman "
        "ohjaajaluettelon ja teeman sallimia{facts}",
        "en": "each session has its number of staff, all allowed by its own leader list and "
        "its theme{facts}",
    },
    "core_r12": {
        "fi": "päivänä 1 mikään ohjelmakohta ei ole ennen aloituskeskustelua",
        "en": "on day 1 nothing comes before the opening discussion",
    },
    "core_r14": {
        "fi": "jokainen kuntoutuja haastatellaan kurssin alussa",
        "en": "every participant is interviewed early",
    },
    "core_r15": {
        "fi": "kunkin kuntoutujan ensimmäinen GAS-tavoite laaditaan haastattelun jälkeen",
        "en": "each participant's first GAS goal is set after the interview",
    },
    "core_r18": {
        "fi": "kurssi alkaa aloituskeskustelulla",
        "en": "the course opens with a discussion",
    },
    "core_r19_session": {
        "fi": "{what} ({length}) {when}: ohjaajia {staff}, joista yksi on erikoislääkäri "
        "({holders})",
        "en": "{what} ({length}) {when} needs {staff} staff, among them the physician ({holders})",
    },
    "core_r19": {
        "fi": "loppukeskustelu on viimeisenä päivänä, ja erikoislääkäri on mukana",
        "en": "the closing discussion on the last day with the physician",
    },
    "core_r20": {
        "fi": "jokaisen työryhmän jäsenen osuus kurssin toteutuksesta on vähintään: {minimums}",
        "en": "each team member spends at least their minimum with participants: {minimums}",
    },
    "core_r23": {
        "fi": "lääkärin alustuksia ({lectures}) saa pitää: {who}",
        "en": "the physician's lectures, {lectures}, are given by {who}",
    },
    "core_r24": {
        "fi": "kurssin toteutukseen osallistuu vähintään {needed} eri ammattia edustavaa "
        "erityistyöntekijää (kurssilla: {have})",
        "en": "special workers of at least {needed} different professions work with the "
        "participants (the course has {have})",
    },
    "core_r26": {
        "fi": "henkilöstön tunteja kuntoutujien kanssa vähintään {need}; ohjelmakohdista kertyy "
        "{total}",
        "en": "at least {need} of staff time with participants; the sessions give {total}",
    },
    "core_r27": {
        "fi": "henkilöstöryhmien osuudet henkilöstön tunneista ({total}): {bands}",
        "en": "each staff group's share of the {total} of staff time: {bands}",
    },
    "core_r28": {
        "fi": "työryhmä kokoontuu kurssin aikana",
        "en": "the team meets during the course",
    },
    "core_r30_far": {
        "fi": "{room} on {distance} päässä, kauempana kuin R30:n {most} min tai {most_km} km",
        "en": "{room} is {distance} away, beyond R30's {most} min or {most_km} km",
    },
    "core_r30_no_room": {
        "fi": "{what} tarvitsee tilan, jonka tyyppi on {kinds}, {people} hengelle, eikä "
        "sopivaa tilaa ole",
        "en": "{what} needs a room of kind {kinds} for {people} people and has none it may use",
    },
    "core_r30_halves": {
        "fi": "ohjelmakohdan {what} pienryhmät kokoontuvat samaan aikaan ja tarvitsevat kaksi "
        "tilaa, joiden tyyppi on {kinds}; kurssilla on vain {room}",
        "en": "the two halves of {what} meet at the same time and need two rooms of kind "
        "{kinds}; the course has only {room}",
    },
    "core_r30_required": {
        "fi": "standardin mukaan tiloja, joiden tyyppi on {kind}, pitää olla {needed}; kurssilla "
        "niitä on {have}",
        "en": "the standard requires {needed} {kind} room(s), the course has {have}",
    },
    "core_r30_one_at_a_time": {
        "fi": "yhdessä tilassa on vain yksi ohjelmakohta kerrallaan",
        "en": "no room holds two sessions at once",
    },
    "core_r30": {
        "fi": "jokainen ohjelmakohta on sille sopivan tyyppisessä, riittävän lähellä olevassa "
        "ja riittävän suuressa tilassa; {facts}",
        "en": "every session is in a room of a kind it names, near enough and big enough; {facts}",
    },
    # -- Messages: why a plan of courses cannot be timetabled (explain/plan.py) ------------
    "shared_not_at_all": {"fi": "ei lainkaan", "en": "not at all"},
    "shared_at": {"fi": "klo {spans}", "en": "{spans}"},
    "shared_needs": {"fi": "{course} vähintään {minutes}", "en": "{course} at least {minutes}"},
    "shared_needs_on": {
        "fi": "{course} tarvitsee häntä {days}",
        "en": "{course} needs them on {days}",
    },
    "shared_day": {
        "fi": "R29: {who} on yhteinen kursseille {courses}, mutta ei voi olla kaikilla kursseilla {day}: "
        "kurssit tarvitsevat häntä sinä päivänä: {needs} (yhteensä {total}), mutta hän on "
        "silloin käytettävissä vain {available} ({spans})",
        "en": "R29: {who} is shared by {courses} but cannot be in both on {day}: {needs} of "
        "{name} that day ({total} in all), and {name} is available {available} then ({spans})",
    },
    "shared_week": {
        "fi": "R29: {who} on yhteinen kursseille {courses}, mutta ei ehdi kaikille: viikon "
        "aikana kurssit tarvitsevat häntä: {needs} (yhteensä {total}), mutta hän on "
        "käytettävissä vain {available}: {days}",
        "en": "R29: {who} is shared by {courses} but cannot serve all of them: over the week "
        "the courses need {needs} of {name} ({total} in all), and {name} is available "
        "{available}: {days}",
    },
    "shared_capped": {
        "fi": "R29: {who} saa tehdä viikon aikana kuntoutujien kanssa enintään {most}, mutta "
        "kurssit tarvitsevat häntä: {needs} (yhteensä {total})",
        "en": "R29: {who} may work at most {most} with participants over the week, but {needs} "
        "({total} in all)",
    },
    "shared_alone": {"fi": "; erikseen ratkaistuna {said}", "en": "; on its own, {said}"},
    "shared_together": {
        "fi": "R29: {who} on yhteinen kursseille {courses}, eikä aikataulua löydy, kun hän on "
        "mukana kaikilla, vaikka jokaiselle kurssille erikseen löytyy{alone}; hän on "
        "käytettävissä {days}",
        "en": "R29: {who} is shared by {courses}, and with {name} in all of them no timetable "
        "exists, though each course alone has one{alone}; {name} is available {days}",
    },
    "shared_room": {
        "fi": "R30: tila {room} on yhteinen kursseille {courses}, eikä aikataulua löydy, kun se "
        "on käytössä kaikilla (jokaiselle kurssille erikseen löytyy): kurssit tarvitsevat sitä "
        "samoihin aikoihin; anna yhdelle kurssille toinen samantyyppinen tila",
        "en": "R30: room {room} is shared by {courses}, and with it in all of them no timetable "
        "exists (each course alone has one): the courses need it at the same times; give one "
        "course another room of its kind",
    },
    # -- Messages: a re-plan that cannot be made (explain/replan.py, services/replanning) --
    "changes_source": {"fi": "muutokset", "en": "changes"},
    "model_change_staff": {
        "fi": "kurssilla ei ole työntekijää '{id}'",
        "en": "no staff member '{id}' on this course",
    },
    "model_change_room": {
        "fi": "kurssilla ei ole tilaa '{id}'",
        "en": "no room '{id}' on this course",
    },
    "model_change_staff_taken": {
        "fi": "tunnus '{id}' on jo käytössä kurssilla",
        "en": "staff id '{id}' is already on the course",
    },
    "model_change_participant": {
        "fi": "kuntoutujaa '{id}' ei ole",
        "en": "no participant '{id}'",
    },
    "model_change_participant_when": {
        "fi": "kerro, milloin kuntoutuja lähtee (tai anna --now)",
        "en": "say when the participant leaves (or --now)",
    },
    "replan_give_now": {
        "fi": "anna myös --now: valinta koskee ohjelmakohtaa, joka on käynnissä sillä hetkellä",
        "en": "give --now: the session under way at that moment",
    },
    "replan_not_under_way": {
        "fi": "ohjelmakohta {name} ei ole käynnissä hetkellä {now}; tämä valinta koskee "
        "ohjelmakohtaa, jonka ohjaaja lähtee kesken",
        "en": "no session {name} is under way at {now}; this choice is for a session whose "
        "leader leaves while it is under way",
    },
    "replan_offsite": {
        "fi": "{name} pidetään kurssipaikan ulkopuolella, ja ryhmän on vielä palattava; valitse "
        "sijainen (--replace) tai --accept-shortfall",
        "en": "{name} is off-site: the group still travels back; choose a stand-in (--replace) "
        "or --accept-shortfall",
    },
    "replan_no_now": {"fi": "ei --now-arvoa", "en": "no --now"},
    "replan_before_earlier": {
        "fi": "tämä aikataulu on suunniteltu uudelleen hetkellä {earlier}, eikä sitä edeltävää "
        "aikaa voi enää muuttaa; anna --now, joka on sama tai myöhempi",
        "en": "this timetable was re-planned at {earlier}, whose past is fixed; give a --now at "
        "or after it",
    },
    "replan_time_ran_out": {
        "fi": "uutta aikataulua ei löytynyt annetussa ajassa",
        "en": "no new timetable found within the time limit",
    },
    "n_more_staff_one": {"fi": "{count} ohjaaja", "en": "{count} more staff member"},
    "n_more_staff_many": {"fi": "{count} ohjaajaa", "en": "{count} more staff members"},
    "replan_no_leader": {
        "fi": "”{title}” {when} klo {time} on käynnissä klo {at}: {who} lähtee kesken, eikä "
        "kukaan muu, joka saa ohjata sitä, ole vapaana klo {at}–{end}; siitä puuttuisi "
        "{lacks}. Valitse yksi:",
        "en": "{title} on {when} {time} is under way at {at}: {who} leaves it, and nobody else "
        "who may lead it is free from {at} to {end}; it would lack {lacks}. Choose one:",
    },
    "replan_no_leaders": {
        "fi": "”{title}” {when} klo {time} on käynnissä klo {at}: {who} lähtevät kesken, eikä "
        "kukaan muu, joka saa ohjata sitä, ole vapaana klo {at}–{end}; siitä puuttuisi "
        "{lacks}. Valitse yksi:",
        "en": "{title} on {when} {time} is under way at {at}: {who} leave it, and nobody else "
        "who may lead it is free from {at} to {end}; it would lack {lacks}. Choose one:",
    },
    "replan_choice_stand_in": {
        "fi": "  sijainen jatkaa klo {at} alkaen:  {flag}",
        "en": "  a stand-in takes over at {at}:  {flag}",
    },
    "replan_choice_end": {
        "fi": "  ohjelmakohta päättyy klo {at}:  {flag}",
        "en": "  it ends at {at}:  {flag}",
    },
    "replan_choice_shortfall": {
        "fi": "  se jatkuu ilman häntä ({name}), ja vajaus kirjataan:  {flag}",
        "en": "  it goes on without {name}, the shortfall recorded:  {flag}",
    },
    "replan_availability_of": {
        "fi": "käytettävissäoloaika ({name})",
        "en": "the availability of {name}",
    },
    "replan_why_past": {
        "fi": "alkoi ennen muutoshetkeä (--now)",
        "en": "started before --now",
    },
    "replan_why_under_way": {
        "fi": "käynnissä muutoshetkellä (--now)",
        "en": "under way at --now",
    },
    "replan_why_locked": {"fi": "lukittu", "en": "locked"},
    "replan_why_notice": {
        "fi": "alkaa ilmoitusajan sisällä",
        "en": "starts within the notice",
    },
    "replan_course_impossible": {
        "fi": "muutoksen jälkeen kurssi ei enää voi täyttää standardia:",
        "en": "after the change the course can no longer meet the standard:",
    },
    "replan_notice_blocks": {
        "fi": "muutetulle kurssille löytyisi uusi aikataulu, mutta muutoksen siirtämät "
        "ohjelmakohdat eivät mahdu {notice} minuutin ilmoitusajan jälkeen (hetkestä {when}) "
        "jäävään aikaan: anna lyhyempi --notice",
        "en": "the changed course could be timetabled anew, but what the change displaces "
        "cannot move to after the {notice} min notice from {when}: give a shorter --notice",
    },
    "replan_no_time_left": {
        "fi": "muutetulle kurssille löytyisi uusi aikataulu, mutta ei hetken {when} jälkeen "
        "jäljellä olevaan aikaan: muutoksen siirtämille ohjelmakohdille ei löydy paikkaa siitä "
        "eteenpäin (mennyttä aikaa ei voi enää käyttää)",
        "en": "the changed course could be timetabled anew, but not in the time left after "
        "{when}: what the change displaces finds no place from then on (the past cannot take "
        "it any more)",
    },
    "replan_rules_then": {
        "fi": "; säännöt, jotka eivät silloin voi toteutua: {rules}",
        "en": "; the rules that cannot hold then: {rules}",
    },
    "replan_leave_room": {
        "fi": "tee uusi suunnitelma muutoksella, joka jättää tilaa, esim. lyhyempi poissaolo tai "
        "sijainen (--replace VANHA=UUSI)",
        "en": "re-plan with a change that leaves room, e.g. a shorter absence or a stand-in "
        "(--replace OLD=NEW)",
    },
    "replan_kept_past": {
        "fi": "kaikki, mikä alkaa ennen hetkeä {when}",
        "en": "everything that starts before {when}",
    },
    "replan_kept_notice": {
        "fi": "se, mikä alkaa {notice} minuutin ilmoitusajan sisällä",
        "en": "what starts within the {notice} min notice",
    },
    "n_locked_session_one": {"fi": "{count} lukittu ohjelmakohta", "en": "the 1 locked session"},
    "n_locked_session_many": {
        "fi": "{count} lukittua ohjelmakohtaa",
        "en": "the {count} locked sessions",
    },
    "replan_kept_staying": {
        "fi": "ohjelmakohdat, joiden on pysyttävä",
        "en": "the sessions that must stay",
    },
    "replan_not_keeping": {
        "fi": "muutetulle kurssille löytyisi uusi aikataulu, mutta ei, jos paikallaan pidetään "
        "{kept}",
        "en": "the changed course could be timetabled anew, but not while keeping {kept} where "
        "they are",
    },
    "replan_unlock": {
        "fi": "avaa lukituksia (Ohjelmarivit-välilehdellä Lukittu = ei tai JSON-tiedostossa "
        '"locked": false)',
        "en": 'unlock sessions ("locked": false in the timetable JSON)',
    },
    "replan_blocked_by": {
        "fi": "muutetulle kurssille löytyisi uusi aikataulu, mutta ei, jos nämä ohjelmakohdat "
        "pidetään ennallaan:",
        "en": "the changed course could be timetabled anew, but not while keeping these "
        "sessions as they are:",
    },
    "replan_unlock_them": {
        "fi": "avaa lukitut (Ohjelmarivit-välilehdellä Lukittu = ei tai JSON-tiedostossa "
        '"locked": false)',
        "en": 'unlock the locked ones ("locked": false in the timetable JSON)',
    },
    "replan_shorter_notice": {
        "fi": "anna lyhyempi --notice kuin {notice} min",
        "en": "give a shorter --notice than {notice} min",
    },
    "replan_past_fixed": {
        "fi": "mennyttä ei voi muuttaa: tuo poissaolevan tilalle sijainen (--replace VANHA=UUSI)",
        "en": "the past cannot change: bring in a stand-in (--replace OLD=NEW) for whoever is gone",
    },
    # -- Messages: the command line (cli.py, launch.py, services) --------------------------
    "cli_problems": {
        "fi": "tiedoissa on {count} virhettä:",
        "en": "{count} problems in the input:",
    },
    "cli_error": {"fi": "virhe: {problem}", "en": "error: {problem}"},
    "cli_warning": {"fi": "varoitus: {message}", "en": "warning: {message}"},
    "cli_infeasible": {
        "fi": "kurssille ei voi tehdä standardin mukaista aikataulua:",
        "en": "the course cannot be timetabled under the standard:",
    },
    "cli_not_found": {
        "fi": "aikataulua ei löytynyt annetussa ajassa (mahdottomuutta ei ole todistettu):",
        "en": "no timetable found in the time given (not proven impossible):",
    },
    "cli_internal": {"fi": "sisäinen virhe: {error}", "en": "internal error: {error}"},
    "cli_internal_debug": {
        "fi": "sisäinen virhe: {error} (lisätietoja saat valitsimella --debug)",
        "en": "internal error: {error} (run with --debug for details)",
    },
    "interrupted": {
        "fi": "keskeytetty: yhtään tulostetta ei jäänyt puolivalmiiksi (poistumiskoodi 130)",
        "en": "interrupted: no output is left half-written (exit 130)",
    },
    "cli_standard_place": {"fi": "standardi", "en": "standard"},
    "cli_give_standard": {
        "fi": "{message}; tai anna standardi valitsimella --standard",
        "en": "{message}; or give one with --standard",
    },
    "cli_course_data_place": {
        "fi": "henkilöstö, kuntoutujat tai tilat",
        "en": "staff, participants or rooms",
    },
    "cli_fix_course_data": {
        "fi": "{error}; korjaa kurssin tiedot",
        "en": "{error}; fix the course data",
    },
    "cli_say_what_changed": {
        "fi": "kerro, mikä muuttui: --unavailable, --replace, ... tai --changes TIEDOSTO (tai "
        "--repair, jos työkirjaa on muokattu käsin ja standardin pitää taas täyttyä)",
        "en": "say what changed: --unavailable, --replace, ... or --changes FILE (or --repair "
        "to meet the standard again after editing the workbook by hand)",
    },
    "cli_edits_break": {
        "fi": "tiedoston {file} käsin tehdyt muutokset rikkovat standardia:",
        "en": "the hand edits of {file} break the standard:",
    },
    "cli_fix_edits": {
        "fi": "korjaa ne Ohjelmarivit-välilehdellä (kurssi check kertoo rivit) tai aja komento "
        "valitsimella --repair, niin saat lähimmän aikataulun, joka täyttää kaikki säännöt",
        "en": "fix them in the session list (kurssi check tells the rows), or run with --repair "
        "for the nearest timetable that meets every rule",
    },
    "planning_start": {
        "fi": "suunnitellaan {count} kurssia tiedostosta {path} (yhteinen henkilöstö: "
        "{shared}) ...",
        "en": "planning {count} courses of {path} (shared staff: {shared}) ...",
    },
    "planning_impossible": {
        "fi": "suunnitelmalle ei voi tehdä standardin mukaista aikataulua:",
        "en": "the plan cannot be timetabled under the standard:",
    },
    "planning_not_found": {
        "fi": "suunnitelmalle ei löytynyt aikataulua annetussa ajassa (mahdottomuutta ei ole "
        "todistettu):",
        "en": "no plan found in the time given (not proven impossible):",
    },
    "planning_done": {
        "fi": "suunnitelma valmis ({status}): sakko yhteensä {objective}, alaraja {bound}, "
        "{seconds} s",
        "en": "plan found ({status}): total penalty {objective}, bound {bound}, {seconds} s",
    },
    "planning_course": {"fi": "{key}: sakko {penalty}", "en": "{key}: penalty {penalty}"},
    "planning_stage": {
        "fi": "  vaihe {key}: ensimmäinen aikataulu {first} sekunnissa; {more} sekuntia "
        "myöhemmin sakko {penalty}",
        "en": "  stage {key}: first timetable in {first} s, penalty {penalty} after {more} s more",
    },
    "planning_stage_first": {
        "fi": "  vaihe {key}: ensimmäinen aikataulu {first} sekunnissa, sakko {penalty}",
        "en": "  stage {key}: first timetable in {first} s, penalty {penalty}",
    },
    "planning_course_better": {
        "fi": "  {key}: sakko {before} → {after}",
        "en": "  {key}: penalty {before} -> {after}",
    },
    "planning_stage_failed": {
        "fi": "  vaihe {key}: ei aikataulua muiden kurssien rinnalla ({status})",
        "en": "  stage {key}: {status} after the others",
    },
    "planning_course_reason": {"fi": "kurssi {key}: {reason}", "en": "course {key}: {reason}"},
    "planning_joint": {
        "fi": "  kaikki kurssit ratkaistaan yhdessä ilman vaiheittain tehtyä alkuratkaisua",
        "en": "  solving all courses jointly without a staged start",
    },
    "planning_time_ran_out": {
        "fi": "aikaraja {seconds} s ei riittänyt suunnitelmalle; anna pidempi --time-limit",
        "en": "no timetable for the plan found within the time limit ({seconds} s; solver "
        "status {status}); try a longer --time-limit",
    },
    "solve_time_ran_out": {
        "fi": "aikaraja {seconds} s ei riittänyt; anna pidempi --time-limit",
        "en": "no timetable found within the time limit ({seconds} s; solver status {status}); "
        "try a longer --time-limit",
    },
    "bug_checker": {
        "fi": "ratkaisijan aikataulu ei läpäise tarkistusta ({failures}); mitään ei tallennettu",
        "en": "the solver's timetable fails the checker ({failures}); nothing written",
    },
    "repair_added_row": {
        "fi": "uusi suunnitelma sijoittaa kurssin ohjelman, mutta tämä rivi on lisätty käsin: "
        "poista rivi ennen uutta suunnitelmaa (kurssi check lukee sen silti) tai lisää "
        "ohjelmakohta kurssitiedoston ohjelmaan ja ratkaise uudelleen",
        "en": "a re-plan places the course's programme, and this row was added by hand: delete "
        "the row before re-planning (kurssi check still reads it), or add the session to the "
        "course file's programme and solve again",
    },
    "repair_locked_grid": {
        "fi": "lukitun rivin alkamisajan pitää sopia aikataulun tarkkuuteen ({slot} min), mutta "
        "{start} ei sovi: siirrä riviä tai avaa sen lukitus",
        "en": "a locked row starts on the course's {slot}-minute grid; {start} does not: move "
        "it, or unlock the row",
    },
    "repair_locked_length": {
        "fi": "lukittu rivi säilyttää pituutensa ({length} min, kuten sen ohjelmakohdassa); "
        "tämä on {minutes} min: korjaa ajat tai avaa rivin lukitus",
        "en": "a locked row keeps its length ({length} min, as its programme item has it); "
        "this one is {minutes} min: fix the times, or unlock the row",
    },
    "init_first_day": {
        "fi": "{date} ei sovi aloituspäiväksi: {count} päivän kurssi ei silloin mahdu "
        "viikonpäiville, jotka standardi sallii ({allowed}); valitse toinen aloituspäivä",
        "en": "{date} does not start a course of {count} days on the weekdays the standard "
        "allows ({allowed}); pick another first day",
    },
    # -- The command line's help and its usage errors (cli.py) -----------------------------
    "help_usage": {"fi": "Käyttö:", "en": "Usage:"},
    "help_options": {"fi": "Valitsimet", "en": "Options"},
    "help_commands": {"fi": "Komennot", "en": "Commands"},
    "help_default": {"fi": "oletus: {default}", "en": "default: {default}"},
    "help_required": {"fi": "pakollinen", "en": "required"},
    "help_try": {
        "fi": "Ohjeet: {command} {option}",
        "en": "Try '{command} {option}' for help.",
    },
    "help_help": {"fi": "Näytä tämä ohje ja lopeta.", "en": "Show this message and exit."},
    "help_version": {"fi": "Näytä versio ja lopeta.", "en": "Show the version and exit."},
    "help_debug": {
        "fi": "Näytä sisäisten virheiden jäljitys (traceback).",
        "en": "Show tracebacks of internal errors.",
    },
    "help_exit_codes": {
        "fi": "Poistumiskoodit: 0 onnistui, 1 tarkistus ei mennyt läpi, 2 virheellinen syöte, 3 "
        "kurssille ei voi tehdä aikataulua, 4 sisäinen virhe, 130 keskeytetty (Ctrl-C).",
        "en": "Exit codes: 0 ok, 1 check failed, 2 bad input, 3 infeasible course, 4 internal "
        "error, 130 interrupted (Ctrl-C).",
    },
    "metavar_options": {"fi": "[VALITSIMET]", "en": "[OPTIONS]"},
    "metavar_command": {"fi": "KOMENTO [ARGUMENTIT]...", "en": "COMMAND [ARGS]..."},
    "metavar_course": {"fi": "KURSSITIEDOSTO", "en": "COURSE_FILE"},
    "metavar_timetable": {"fi": "AIKATAULU", "en": "TIMETABLE_FILE"},
    "metavar_plan": {"fi": "SUUNNITELMA", "en": "PLAN_FILE"},
    "metavar_folder": {"fi": "KANSIO", "en": "FOLDER"},
    "metavar_file": {"fi": "TIEDOSTO", "en": "FILE"},
    "metavar_number": {"fi": "LUKU", "en": "NUMBER"},
    "metavar_seconds": {"fi": "SEKUNTIA", "en": "SECONDS"},
    "metavar_minutes": {"fi": "MINUUTTIA", "en": "MINUTES"},
    "metavar_moment": {"fi": "AJANKOHTA", "en": "YYYY-MM-DDTHH:MM"},
    "metavar_date": {"fi": "VVVV-KK-PP", "en": "YYYY-MM-DD"},
    "metavar_id": {"fi": "TUNNUS", "en": "ID"},
    "metavar_standard": {"fi": "TUNNUS|TIEDOSTO", "en": "ID|FILE"},
    "metavar_who": {"fi": "KUKA", "en": "WHO"},
    "metavar_who_span": {"fi": "KUKA[@ALKAEN[/ASTI]]", "en": "WHO[@FROM[/TO]]"},
    "metavar_room_span": {"fi": "TILA[@ALKAEN[/ASTI]]", "en": "ROOM[@FROM[/TO]]"},
    "metavar_old_new": {"fi": "VANHA=UUSI", "en": "OLD=NEW"},
    "metavar_name_role": {"fi": "NIMI:AMMATTI", "en": "NAME:ROLE"},
    "metavar_participant_when": {"fi": "TUNNUS[@HETKI]", "en": "ID[@WHEN]"},
    "metavar_session": {"fi": "OHJELMAKOHTA", "en": "SESSION"},
    "help_kurssi": {
        "fi": "Kelan kuntoutuskurssien viikkoaikataulut, jotka todistetusti täyttävät standardin.",
        "en": "Timetables for Kela rehabilitation courses that provably meet the standard.",
    },
    "help_solve": {
        "fi": "Tee kurssitiedostosta viikkoaikataulu (ilman tiedostoa sisäänrakennetusta "
        "esimerkkikurssista).\n\nKirjoittaa tiedostot KANSIO/<kurssi>-<aloituspäivä>.json "
        "ja .xlsx eikä koskaan kirjoita olemassa olevan tiedoston päälle. "
        "Suunnitelmatiedostolle (useita kursseja, joilla on yhteistä henkilöstöä ja tiloja) "
        "tekee saman kuin kurssi plan.\n\nEsimerkki: kurssi solve data/courses/default.yaml "
        "--time-limit 30",
        "en": "Make a week timetable for a course file (the embedded default course if "
        "none).\n\nWrites OUT/<course>-<first day>.json and .xlsx, never over an existing "
        "file. Given a plan file (several courses sharing staff and rooms), does what kurssi "
        "plan does.\n\nExample: kurssi solve data/courses/default.yaml --time-limit 30",
    },
    "help_short_solve": {
        "fi": "Tee kurssille viikkoaikataulu.",
        "en": "Make a week timetable for a course file.",
    },
    "help_export": {
        "fi": "Tee tuloste uudelleen pelkästä aikataulusta (sen JSON-tiedostosta tai "
        "työkirjasta käsin tehtyine Ohjelmarivit-muutoksineen) kirjoittamatta olemassa olevan "
        "tiedoston päälle.\n\nEsimerkki: kurssi export outputs/default-2027-03-08.json "
        "--format ics --out kalenterit",
        "en": "Re-make an output from a timetable alone (its JSON file, or its workbook with "
        "the hand edits of the session list), never over an existing file.\n\nExample: kurssi "
        "export outputs/default-2027-03-08.json --format ics --out calendars",
    },
    "help_short_export": {
        "fi": "Tee työkirja, kalenterit tai JSON aikataulusta uudelleen.",
        "en": "Re-make an output from a timetable alone.",
    },
    "help_check": {
        "fi": "Osoita sääntö säännöltä (R1–R30), että aikataulu täyttää standardinsa, ja näytä "
        "tuntitaulukko.\n\nLukee aikataulun JSON-tiedoston tai työkirjan, myös "
        "Ohjelmarivit-välilehdellä käsin muokattuna. Poistumiskoodi on 1, jos jokin sääntö ei "
        "täyty; jokainen puute nimeää ohjelmakohdat, henkilöt ja ajat (työkirjasta myös "
        "luettelon rivit).\n\nEsimerkki: kurssi check outputs/default-2027-03-08.xlsx",
        "en": "Prove a timetable meets its standard, rule by rule (R1-R30), with the hours "
        "table.\n\nReads the timetable's JSON file or its workbook, edited by hand in the "
        'session list ("Ohjelmarivit"). Exits 1 if any rule fails; each failure names the '
        "sessions, people and times involved (and for a workbook the rows of the list)."
        "\n\nExample: kurssi check outputs/default-2027-03-08.xlsx --lang en",
    },
    "help_short_check": {
        "fi": "Tarkista aikataulu sääntö säännöltä.",
        "en": "Prove a timetable meets its standard, rule by rule.",
    },
    "help_resolve": {
        "fi": "Suunnittele aikataulu uudelleen muutoksen jälkeen niin, että mahdollisimman "
        "vähän muuttuu.\n\nLukee aikataulun JSON-tiedoston tai työkirjan: Ohjelmarivit-"
        "välilehdellä lukitut rivit eivät siirry, ja käsin tehdyt muutokset säilyvät, missä "
        "standardi sallii. Kirjoittaa uuden aikataulun (JSON ja Excel-työkirja, jossa on "
        "Muutokset-välilehti) vanhan viereen koskematta vanhaan ja luettelee, mikä muuttui ja "
        "kenelle siitä tiedotetaan. Henkilöt ja tilat nimellä tai tunnuksella.\n\nEsimerkki: "
        "kurssi resolve outputs/default-2027-03-08.json --now 2027-03-10T08:00 --unavailable "
        '"Laura Nieminen"\n\nEsimerkki: kurssi resolve outputs/default-2027-03-08.xlsx '
        "--repair",
        "en": "Re-plan a timetable after a change, moving as little as possible.\n\nReads the "
        "timetable's JSON file or its workbook: rows locked in the session list never move, "
        "and hand edits are kept where the standard allows. Writes a new timetable (JSON and "
        "Excel with a change sheet) beside the old one, which is never touched, and lists what "
        "changed and whom to tell. People and rooms by name or id.\n\nExample: kurssi resolve "
        'outputs/default-2027-03-08.json --now 2027-03-10T08:00 --unavailable "Laura '
        'Nieminen"\n\nExample: kurssi resolve outputs/default-2027-03-08.xlsx --repair',
    },
    "help_short_resolve": {
        "fi": "Suunnittele aikataulu uudelleen muutoksen jälkeen.",
        "en": "Re-plan a timetable after a change.",
    },
    "help_plan": {
        "fi": "Tee viikkoaikataulut usealle kurssille, joilla on yhteistä henkilöstöä ja tiloja "
        "(suunnitelmatiedosto).\n\nKukaan ei ole eikä mikään tila ole kahdella kurssilla yhtä "
        "aikaa. Kirjoittaa kullekin kurssille tiedostot KANSIO/<kurssin tunnus>-<aloituspäivä>.json "
        "ja .xlsx sekä tiedoston KANSIO/<suunnitelma>-overview.json (kunkin "
        "henkilön ja tilan viikko) kirjoittamatta olemassa olevien tiedostojen päälle."
        "\n\nEsimerkki: kurssi plan data/plans/spring-week.yaml --time-limit 60",
        "en": "Make the week timetables of several courses that share staff and rooms (a plan "
        "file).\n\nNobody and no room is in two courses at once. Writes OUT/<course id>-<first "
        "day>.json and .xlsx per course and OUT/<plan>-overview.json (each person's and "
        "room's week), never over an existing file.\n\nExample: kurssi plan "
        "data/plans/spring-week.yaml --time-limit 60",
    },
    "help_short_plan": {
        "fi": "Tee usean kurssin yhteinen viikkosuunnitelma.",
        "en": "Plan several courses that share staff and rooms.",
    },
    "help_init": {
        "fi": "Aloita uusi kurssi: kurssitiedosto (ja/tai Excel-lomake), johon on valmiiksi "
        "täytetty standardin oletukset ja esimerkkikurssi; muokkaa sitä ja tee sitten aikataulu. "
        "Ei kirjoita minkään tiedoston päälle: varattu nimi saa perään -2, -3, ..."
        "\n\nEsimerkki: kurssi init --out kevat.yaml --excel kevat.xlsx --first-day "
        "2027-03-08",
        "en": "Start a new course: a course file (and/or an Excel form) pre-filled with the "
        "standard's defaults and the example course, to edit and then solve. Never writes "
        "over a file: a taken name gets -2, -3, ...\n\nExample: kurssi init --out spring.yaml "
        "--excel spring.xlsx --first-day 2027-03-08",
    },
    "help_short_init": {
        "fi": "Aloita uusi kurssi (kurssitiedosto tai Excel-lomake).",
        "en": "Start a new course file or Excel form.",
    },
    "help_out": {"fi": "Tulosteiden kansio.", "en": "Folder for the outputs."},
    "help_seed": {"fi": "Haun satunnaissiemen.", "en": "Random seed of the search."},
    "help_workers": {"fi": "Hakusäikeiden määrä.", "en": "Search threads."},
    "help_quiet": {"fi": "Ei edistymisrivejä.", "en": "No progress lines."},
    "help_time_limit": {
        "fi": "Sekunteja kellon mukaan koko ajolle: lataus, mallin rakentaminen ja haku (--deterministic: "
        "ratkaisijan omaa determinististä aikaa).",
        "en": "Seconds on the clock for the whole run: loading, model building and search (with "
        "--deterministic: the solver's deterministic time instead).",
    },
    "help_time_limit_plan": {
        "fi": "Koko suunnitelman sekunnit kellon mukaan (--deterministic: ratkaisijan omaa "
        "determinististä aikaa).",
        "en": "Seconds on the clock for the whole plan (with --deterministic: the solver's "
        "deterministic time instead).",
    },
    "help_deterministic": {
        "fi": "Toistettava ajo: sama syöte, --seed ja --workers antavat saman aikataulun millä "
        "koneella tahansa. --time-limit lasketaan silloin ratkaisijan deterministisenä aikana, "
        "joka kestää joutilaalla 2-ytimisellä koneella suunnilleen yhtä kauan ja kuormitetulla "
        "pidempään.",
        "en": "Reproducible: the same input, --seed and --workers give the same timetable on any "
        "machine. --time-limit then counts the solver's deterministic time, which takes about as "
        "long on an idle 2-core machine and longer on a busy one.",
    },
    "help_good_enough": {
        "fi": "Lopeta heti, kun sakko on enintään SAKKO (esim. 300) tai enintään PROSENTTI "
        "todistetun alarajan yläpuolella (esim. 5%). Parhaaksi todistettu aikataulu lopettaa "
        "haun aina.",
        "en": "Stop as soon as the penalty is at most PENALTY (e.g. 300) or within PERCENT of the "
        "proven bound (e.g. 5%). A timetable proven the best always stops the search.",
    },
    "metavar_good_enough": {"fi": "SAKKO|PROSENTTI", "en": "PENALTY|PERCENT"},
    "console_good_enough_bad": {
        "fi": "{text!r}: anna sakko (esim. 300) tai ero alarajaan (esim. 5%)",
        "en": "{text!r}: give a penalty (e.g. 300) or a gap to the bound (e.g. 5%)",
    },
    "help_lang_group": {
        "fi": "Ohjeiden ja viestien kieli (oletus: suomi).",
        "en": "Language of the help and the messages (default: Finnish).",
    },
    "help_lang_solve": {
        "fi": "Tulosteiden ja viestien kieli (oletus: kurssitiedoston kieli).",
        "en": "Language of the outputs and messages (default: the course file's).",
    },
    "help_lang_export": {
        "fi": "Tulosteen ja viestien kieli (oletus: aikataulun kieli).",
        "en": "Language of the output and messages (default: the timetable's).",
    },
    "help_lang_check": {
        "fi": "Raportin ja viestien kieli (oletus: aikataulun kieli).",
        "en": "Language of the report and messages (default: the timetable's).",
    },
    "help_lang_resolve": {
        "fi": "Muutosluettelon, työkirjan ja viestien kieli (oletus: aikataulun kieli).",
        "en": "Language of the change list, the workbook and messages (default: the timetable's).",
    },
    "help_lang_plan": {
        "fi": "Tulosteiden ja viestien kieli (oletus: ensimmäisen kurssin kieli).",
        "en": "Language of the outputs and messages (default: the first course's).",
    },
    "help_lang_init": {"fi": "Viestien kieli.", "en": "Language of the messages."},
    "help_participant_names": {
        "fi": "Säilytä kuntoutujien nimet tulosteissa (vain jos kurssitiedostossa on nimiä); "
        "oletuksena tulosteissa on vain peitetunnukset.",
        "en": "Keep participants' names in the outputs (only where the course file gives "
        "them); by default outputs carry pseudonymous ids only.",
    },
    "help_participant_names_export": {
        "fi": "Näytä kuntoutujien nimet tunnusten rinnalla (vain jos kurssitiedostossa on nimiä).",
        "en": "Print participants' names beside their ids (only where the course file gives them).",
    },
    "help_format": {
        "fi": "xlsx: työkirja; ics: kalenteri jokaiselle työntekijälle ja kuntoutujalle; json: "
        "itse aikataulu.",
        "en": "xlsx: the workbook; ics: a calendar per staff member and participant; json: the "
        "timetable itself.",
    },
    "help_standard": {
        "fi": "Tarkista tätä standardia vasten (tunnus tai YAML-tiedosto) eikä aikataulun "
        "nimeämää.",
        "en": "Check against this standard (an id or a YAML file), not the one the timetable "
        "names.",
    },
    "help_changes": {
        "fi": "Muutostiedosto (YAML), jossa on useita muutoksia kerralla "
        "(data/changes/example.yaml).",
        "en": "A change file (YAML) with several changes at once (data/changes/example.yaml).",
    },
    "help_now": {
        "fi": "Muutoksen hetki: mikä alkaa ennen sitä, pysyy ennallaan, esim. --now "
        "2027-03-10T12:00. Oletus: nykyhetki.",
        "en": "The moment of the change: what starts before it stays as it was, e.g. --now "
        "2027-03-10T12:00. Default: the current time.",
    },
    "help_notice": {
        "fi": "Mikään ei ala, siirry tai vaihda ohjaajaa MINUUTTIA-ajan kuluessa hetkestä "
        "--now, ellei muutos sitä pakota. Oletus: kurssin replan_notice_minutes (60).",
        "en": "Nothing newly starts, moves or changes staff within MINUTES after --now unless "
        "the change forces it. Default: the course's replan_notice_minutes (60).",
    },
    "help_unavailable": {
        "fi": "Työntekijä (nimi tai tunnus) ei voi tehdä työtä, esim. "
        '"Laura Nieminen@2027-03-10T08:00" (ilman ALKAEN-aikaa koko kurssin ajan, ilman '
        "ASTI-aikaa loppuun asti).",
        "en": 'A staff member (name or id) cannot work, e.g. "Laura '
        'Nieminen@2027-03-10T08:00" (no FROM: the whole course; no TO: to the end).',
    },
    "help_replace": {
        "fi": "UUSI tulee VANHAN tilalle (ja hänen ammattiinsa) hetkestä --now alkaen: "
        '"Mikko Virtanen"="Eeva Sijainen:physiotherapist", pt1=sub1 tai henkilö, jonka '
        "--add-staff tuo.",
        "en": "NEW takes OLD's place (and role) from --now on: pt1=\"Eeva "
        'Sijainen:physiotherapist", pt1=sub1, or someone --add-staff brings in.',
    },
    "help_add_staff": {
        "fi": 'Uusi henkilö tulee kurssille, esim. "Eeva Sijainen:physiotherapist".',
        "en": 'Someone joins the course, e.g. "Eeva Sijainen:physiotherapist".',
    },
    "help_remove_staff": {
        "fi": "Henkilö lähtee kurssilta hetkestä --now alkaen.",
        "en": "Someone leaves from --now on.",
    },
    "help_room_unavailable": {
        "fi": "Tila (nimi tai tunnus) ei ole käytettävissä.",
        "en": "A room (name or id) cannot be used.",
    },
    "help_participant_leaves": {
        "fi": "Kuntoutuja lähtee kurssilta (ilman HETKI-aikaa hetkellä --now).",
        "en": "A participant leaves the course (no WHEN: at --now).",
    },
    "help_end_early": {
        "fi": "Hetkellä --now käynnissä oleva ohjelmakohta päättyy silloin (kun sen ohjaaja "
        "lähtee eikä kukaan jatka).",
        "en": "A session under way at --now ends then (when its leader leaves and nobody "
        "takes over).",
    },
    "help_accept_shortfall": {
        "fi": "Hetkellä --now käynnissä oleva ohjelmakohta jatkuu ilman lähtevää ohjaajaa; "
        "vajaus kirjataan poikkeamaksi standardista.",
        "en": "A session under way at --now goes on without the leader who leaves; the "
        "shortfall is recorded as a departure from the standard.",
    },
    "help_out_resolve": {
        "fi": "Uuden aikataulun kansio (oletus: vanhan vieressä).",
        "en": "Folder for the new timetable (default: beside the old one).",
    },
    "help_calendars": {
        "fi": "Kirjoita myös päivitetyt kalenterit (.ics) jokaiselle työntekijälle ja "
        "kuntoutujalle.",
        "en": "Also write the updated calendars (.ics) of every staff member and participant.",
    },
    "help_repair": {
        "fi": "Aikataulua on muokattu käsin (työkirjan Ohjelmarivit) ja se rikkoo jotakin "
        "sääntöä: etsi lähin aikataulu, joka täyttää kaikki säännöt, ja luettele perutut "
        "muutokset.",
        "en": "The timetable was edited by hand (its workbook's session list) and breaks a "
        "rule: find the nearest timetable that meets every rule and list the edits undone.",
    },
    "help_init_out": {
        "fi": "Kirjoitettava kurssitiedosto (oletus: course.yaml, ellei anneta pelkkää "
        "--excel-valitsinta).",
        "en": "The course file to write (default: course.yaml unless only --excel is given).",
    },
    "help_init_excel": {
        "fi": "Kirjoita myös (tai vain) Excel-lomake, jossa on sama sisältö.",
        "en": "Also (or only) write the Excel input form with the same content.",
    },
    "help_init_standard": {
        "fi": "Standardi, jonka mukaan kurssi tehdään.",
        "en": "The standard the course follows.",
    },
    "help_first_day": {
        "fi": "Kurssin aloituspäivä, VVVV-KK-PP (oletus: ensimmäinen sopiva päivä neljän viikon "
        "päästä).",
        "en": "The course's first day, YYYY-MM-DD (default: the first fitting day 4 weeks ahead).",
    },
    "usage_no_such_option": {
        "fi": "tuntematon valitsin {option}",
        "en": "no such option: {option}",
    },
    "usage_needs_value": {
        "fi": "valitsin {option} tarvitsee arvon",
        "en": "option {option} requires a value",
    },
    "usage_no_value": {
        "fi": "valitsimelle {option} ei anneta arvoa",
        "en": "option {option} does not take a value",
    },
    "usage_missing": {"fi": "{param} puuttuu", "en": "missing {param}"},
    "usage_choice": {
        "fi": "{param}: vaihtoehdot ovat {choices}",
        "en": "invalid value for {param}: the choices are {choices}",
    },
    "usage_range": {
        "fi": "{param}: arvon pitää olla välillä {low}–{high}",
        "en": "invalid value for {param}: it must be {low} to {high}",
    },
    "usage_number": {
        "fi": "{param}: arvon pitää olla luku",
        "en": "invalid value for {param}: it must be a number",
    },
    "usage_date": {
        "fi": "{param}: päivämäärä kirjoitetaan muodossa VVVV-KK-PP",
        "en": "invalid value for {param}: write the date as YYYY-MM-DD",
    },
    "usage_bad_value": {
        "fi": "{param}: arvo ei kelpaa ({detail})",
        "en": "invalid value for {param}: {detail}",
    },
    "usage_extra": {
        "fi": "ylimääräisiä argumentteja: {args}",
        "en": "unexpected extra arguments: {args}",
    },
    "usage_no_such_command": {
        "fi": "tuntematon komento '{name}'",
        "en": "no such command '{name}'",
    },
    # -- Messages: commands and re-plans merged from main (suggest, serve, rooms closing) --
    "replan_room_closes": {
        "fi": "tila suljetaan klo {closes}, mutta ”{title}” on siellä käynnissä klo {end} asti, "
        "ja käynnissä oleva ohjelmakohta pysyy tilassaan: sulje tila vasta ohjelmakohdan "
        "päätyttyä ({close}) tai päätä ohjelmakohta nyt ({stop})",
        "en": "the room closes at {closes}, but '{title}' is under way there until {end}, and a "
        "session under way keeps its room: close the room from its end ({close}), or end the "
        "session now ({stop})",
    },
    "bug_past_changed": {
        "fi": "uusi suunnitelma muuttaa mennyttä ennen hetkeä {now} ({moved}); mitään ei "
        "tallennettu",
        "en": "the re-plan changes the past before {now} ({moved}); nothing written",
    },
    "suggest_none": {
        "fi": "ohjelmakohdalle {session} ei löydy muuta paikkaa, jossa kaikki säännöt täyttyvät",
        "en": "no other place for {session} keeps every rule",
    },
    "suggest_also_moves": {"fi": "; siirtää myös: {sessions}", "en": "; also moves {sessions}"},
    "suggest_place": {
        "fi": "{n}. {when}, {staff}, {room}  sakko {penalty}{moved}",
        "en": "{n}. {when}, {staff}, {room}  penalty {penalty}{moved}",
    },
    "serve_no_folder": {
        "fi": "kansiota ei löydy; anna työtilan kansio",
        "en": "no such folder; give the workspace folder",
    },
    "serve_password_prompt": {"fi": "sivun salasana", "en": "password for the page"},
    "serve_password_needed": {
        "fi": "--host {host} avaa sivun muille koneille: aseta KURSSI_PASSWORD (tai kirjoita "
        "salasana, kun sitä kysytään), jotta sisään pääsevät vain sen tietävät",
        "en": "--host {host} opens the page to other machines: set KURSSI_PASSWORD (or type one "
        "when asked) so that only people who know it get in",
    },
    "serve_started": {
        "fi": "kurssi serve: {folder} osoitteessa {url} (Ctrl+C pysäyttää)",
        "en": "kurssi serve: {folder} at {url} (Ctrl+C stops)",
    },
    "place_session": {"fi": "ohjelmakohta", "en": "session"},
    "place_room": {"fi": "tila", "en": "room"},
    "place_staff": {"fi": "ohjaajat", "en": "staff"},
    "place_start": {"fi": "alkamisaika", "en": "start"},
    "place_lock": {"fi": "lukitus", "en": "lock"},
    "moves_no_session": {
        "fi": "aikataulussa ei ole ohjelmakohtaa, jolla on tämä tunnus",
        "en": "the timetable has no session with this id",
    },
    "moves_no_room": {
        "fi": "kurssilla ei ole tilaa, jolla on tämä tunnus",
        "en": "the course has no room with this id",
    },
    "moves_no_staff": {
        "fi": "kurssilla ei ole työntekijää, jolla on tämä tunnus",
        "en": "the course has no staff member with this id",
    },
    "moves_leaves_day": {
        "fi": "ohjelmakohta menisi vuorokauden yli",
        "en": "the session would leave the day",
    },
    "moves_lock": {
        "fi": 'lukitus on "all" (kaikki) tai "time" (aika)',
        "en": 'a lock is "all" or "time"',
    },
    "suggest_not_placed": {
        "fi": "ratkaisija ei sijoita tätä ohjelmakohtaa; valitse toinen",
        "en": "the solver does not place this session; pick another",
    },
    "suggest_locked": {
        "fi": "ohjelmakohta on lukittu; avaa lukitus ensin",
        "en": "the session is locked; unlock it first",
    },
    "help_suggest": {
        "fi": "Muut paikat yhdelle ohjelmakohdalle niin, että kaikki säännöt täyttyvät: ensin "
        "ne, joissa muita ohjelmakohtia siirtyy vähiten, sitten ne, joissa sakko kasvaa "
        "vähiten.\n\nEsimerkki: kurssi suggest outputs/default-2027-03-08.json gym-1",
        "en": "The best other places for one session that keep every rule: fewest other "
        "sessions moved first, then the smallest rise in penalty.\n\nExample: kurssi suggest "
        "outputs/default-2027-03-08.json gym-1",
    },
    "help_short_suggest": {
        "fi": "Ehdota ohjelmakohdalle muita paikkoja.",
        "en": "Suggest other places for one session.",
    },
    "help_serve": {
        "fi": "Kurssien suunnittelijan työtila selaimessa: kurssit, aikataulujen laatiminen "
        "(edistyminen näkyy), viikkonäkymä, siirrot sääntöjen valvonnassa, ehdotukset, "
        "lukitukset ja uudet suunnitelmat.\n\nEsimerkki: kurssi serve kurssit --open",
        "en": "The course manager's workspace in the browser: courses, solving with progress, "
        "the week grid, moves with the rules watching, suggestions, locks and re-plans."
        "\n\nExample: kurssi serve courses --open",
    },
    "help_short_serve": {
        "fi": "Avaa työtila selaimeen.",
        "en": "The course manager's workspace in the browser.",
    },
    "help_count": {"fi": "Ehdotusten määrä.", "en": "How many places."},
    "help_suggest_time_limit": {
        "fi": "Haun kesto sekunteina kellon mukaan.",
        "en": "Wall-clock seconds.",
    },
    "help_lang_suggest": {
        "fi": "Tulosteen ja viestien kieli (oletus: aikataulun kieli).",
        "en": "Language of the list and messages (default: the timetable's).",
    },
    "help_lang_serve": {"fi": "Viestien kieli.", "en": "Language of the messages."},
    "help_port": {"fi": "Portti.", "en": "The port."},
    "help_host": {
        "fi": "Osoite; muu kuin paikallinen osoite vaatii salasanan (KURSSI_PASSWORD tai "
        "kysytään).",
        "en": "Any address but loopback needs a password (KURSSI_PASSWORD or a prompt).",
    },
    "help_open": {"fi": "Avaa sivu selaimeen.", "en": "Open the page in the browser."},
    "metavar_host": {"fi": "OSOITE", "en": "HOST"},
    # The web workspace's refusals.
    "web_job_done": {"fi": "{status}; sakko {penalty}", "en": "{status}; penalty {penalty}"},
    "web_job_bug": {
        "fi": "ohjelmavirhe: ratkaisijan aikataulu ei läpäise tarkistusta ({error})",
        "en": "internal error: the solver's timetable fails the checker ({error})",
    },
    "web_job_crash": {
        "fi": "ohjelmavirhe; katso palvelimen loki",
        "en": "internal error; see the server's log",
    },
    "web_err_first_day": {
        "fi": "anna päivämäärä muodossa vvvv-kk-pp, esimerkiksi 2027-03-08",
        "en": "a date like 2027-03-08",
    },
    "web_err_name_taken": {
        "fi": "tämän niminen kurssi on jo olemassa; valitse toinen nimi",
        "en": "a course of this name exists; pick another",
    },
    "web_err_choose_file": {"fi": "valitse ladattava tiedosto", "en": "choose a file to upload"},
    "web_err_move": {
        "fi": "anna päivä (esimerkiksi 2027-03-08) ja alkamisaika minuutteina",
        "en": "a day like 2027-03-08 and a start in minutes",
    },
    "web_err_suggestion_gone": {
        "fi": "ehdotus ei ole enää tallessa; pyydä ehdotuksia uudelleen",
        "en": "this suggestion is no longer at hand; ask again",
    },
    "web_err_proposal_gone": {
        "fi": "muutosehdotus ei ole enää tallessa; tee se uudelleen",
        "en": "this proposal is no longer at hand; make it again",
    },
    "web_err_nothing_to_compare": {
        "fi": "kurssilla ei ole vielä aikatauluja vertailtavaksi",
        "en": "no timetables to compare yet",
    },
    "web_err_replan_kind": {
        "fi": "valitse: estynyt, sijainen tai keskeyttää",
        "en": "unavailable, replace or leaves",
    },
    "web_err_name_letters": {
        "fi": "käytä vain kirjaimia, numeroita sekä merkkejä '-', '_' ja '.'",
        "en": "use letters, digits, '-', '_' and '.' only",
    },
    "web_err_no_course": {
        "fi": "työkansiossa ei ole tämän nimistä kurssia",
        "en": "the workspace has no course of this name",
    },
    "web_err_no_course_in_file": {
        "fi": "kurssitiedostossa ei ole kurssia",
        "en": "the course file holds no course",
    },
    "web_err_upload_kind": {
        "fi": "lataa Excel-kurssilomake (.xlsx) tai kurssitiedosto (.yaml)",
        "en": "upload an Excel course form (.xlsx) or a course file",
    },
    "web_err_no_version": {
        "fi": "kurssilla ei ole tämän nimistä aikataulua",
        "en": "the course has no timetable of this name",
    },
    "web_field_first_day": {"fi": "aloituspäivä", "en": "first day"},
    "web_field_name": {"fi": "nimi", "en": "name"},
    "web_field_file": {"fi": "tiedosto", "en": "file"},
    "web_field_move": {"fi": "siirto", "en": "move"},
    "web_field_suggestion": {"fi": "ehdotus", "en": "suggestion"},
    "web_field_replan": {"fi": "muutos suunnitelmaan", "en": "re-plan"},
    "web_field_course": {"fi": "kurssi", "en": "course"},
    "web_field_kind": {"fi": "muutoksen laji", "en": "kind of change"},
    "web_field_version": {"fi": "aikataulu", "en": "timetable"},
    # Calendars.
    "calendar_name": {"fi": "{name}: {course}", "en": "{name}: {course}"},
    "calendar_description": {
        "fi": "{kind} · {participants}",
        "en": "{kind} · {participants}",
    },
    "participants_count": {"fi": "{count} kuntoutujaa", "en": "{count} participants"},
    "no_participants": {"fi": "ei kuntoutujia", "en": "no participants"},
    "with_staff": {"fi": "Mukana: {staff}", "en": "With: {staff}"},
    # ---------------------------------------------------------------------------------------
    # The web workspace (`kurssi serve`, scheduler/web): the page's words.
    # ---------------------------------------------------------------------------------------
    "web_app_name": {"fi": "Kurssin lukujärjestys", "en": "Course timetable"},
    "web_courses": {"fi": "Kurssit", "en": "Courses"},
    "web_course": {"fi": "Kurssi", "en": "Course"},
    "web_file": {"fi": "Tiedosto", "en": "File"},
    "web_timetables": {"fi": "Lukujärjestykset", "en": "Timetables"},
    "web_newest": {"fi": "Uusin", "en": "Newest"},
    "web_no_courses": {
        "fi": "Kansiossa ei ole vielä kursseja. Luo uusi kurssi tai tuo Excel-lomake.",
        "en": "No courses in this folder yet. Create one or upload an Excel form.",
    },
    "web_new_course": {"fi": "Uusi kurssi", "en": "New course"},
    "web_course_name": {"fi": "Kurssin tunnus", "en": "Course name"},
    "web_first_day": {"fi": "Ensimmäinen kurssipäivä", "en": "First course day"},
    "web_new_course_hint": {
        "fi": "Pohjana on standardin mallikurssi; muokkaa henkilöstö, tilat ja ohjelma omiksesi.",
        "en": "Starts from the standard's example course; make the staff, rooms and programme "
        "your own.",
    },
    "web_create": {"fi": "Luo kurssi", "en": "Create course"},
    "web_upload": {"fi": "Tuo Excel-lomake", "en": "Upload an Excel form"},
    "web_upload_hint": {
        "fi": "Kurssilomake (.xlsx) tai kurssitiedosto (.yaml). Virheet näytetään solun tarkkuudella.",
        "en": "A course form (.xlsx) or course file (.yaml). Problems are shown by sheet and cell.",
    },
    "web_upload_button": {"fi": "Tuo", "en": "Upload"},
    "web_solving": {"fi": "ratkaistaan", "en": "solving"},
    "web_course_problems": {
        "fi": "Kurssitiedostossa on korjattavaa",
        "en": "The course file needs fixing",
    },
    "web_no_timetables": {
        "fi": "Ei vielä lukujärjestyksiä: laadi ensimmäinen oikealta.",
        "en": "No timetables yet: make the first one on the right.",
    },
    "web_version": {"fi": "Versio", "en": "Version"},
    "web_written": {"fi": "Tallennettu", "en": "Written"},
    "web_status": {"fi": "Tila", "en": "Status"},
    "web_penalty": {"fi": "Sakko", "en": "Penalty"},
    "web_locks": {"fi": "Lukitut", "en": "Locked"},
    "web_unreadable": {"fi": "ei luettavissa", "en": "unreadable"},
    "web_changed_from": {"fi": "muutos: {previous}", "en": "changed from {previous}"},
    "web_course_changed": {
        "fi": "kurssitiedosto muuttunut sen jälkeen",
        "en": "course file changed since",
    },
    "web_compare": {"fi": "Vertaa versioita", "en": "Compare versions"},
    "web_solve": {"fi": "Laadi lukujärjestys", "en": "Make a timetable"},
    "web_time_limit": {"fi": "Aikaraja (s)", "en": "Time limit (s)"},
    "web_solve_button": {"fi": "Laadi", "en": "Solve"},
    "web_stop": {"fi": "Pysäytä ja pidä paras", "en": "Stop and keep the best"},
    "web_progress": {
        "fi": "{elapsed} / {limit} s · sakko {penalty} · ero parhaaseen mahdolliseen {gap}",
        "en": "{elapsed} / {limit} s · penalty {penalty} · gap to the best possible {gap}",
    },
    "web_progress_none": {
        "fi": "{elapsed} / {limit} s · etsitään ensimmäistä lukujärjestystä …",
        "en": "{elapsed} / {limit} s · looking for a first timetable …",
    },
    "web_done": {
        "fi": "Valmis {elapsed} s:ssa: sakko {penalty}. Lukujärjestys tallennettiin uutena versiona.",
        "en": "Done in {elapsed} s: penalty {penalty}. Saved as a new version.",
    },
    "web_failed": {"fi": "Lukujärjestystä ei saatu:", "en": "No timetable:"},
    "web_already_running": {
        "fi": "Tämän kurssin ratkaisu on jo käynnissä; seurataan sitä.",
        "en": "A solve of this course is already running; following it.",
    },
    "web_open_timetable": {"fi": "Avaa lukujärjestys", "en": "Open the timetable"},
    "web_course_file": {"fi": "Kurssin tiedot", "en": "Course data"},
    "web_edit": {"fi": "Muokkaa perustietoja", "en": "Edit the essentials"},
    "web_download_form": {"fi": "Lataa Excel-lomake", "en": "Download the Excel form"},
    "web_passes": {"fi": "Täyttää standardin", "en": "Meets the standard"},
    "web_fails": {"fi": "Ei täytä standardia", "en": "Does not meet the standard"},
    "web_workbook": {"fi": "Excel-työkirja", "en": "Excel workbook"},
    "web_calendars": {"fi": "Kalenterit (.ics)", "en": "Calendars (.ics)"},
    "web_filter": {"fi": "Näytä", "en": "Show"},
    "web_everyone": {"fi": "kaikki", "en": "everyone"},
    "web_grid_hint": {
        "fi": "Napsauta tapahtumaa siirtääksesi, lukitaksesi tai pyytääksesi ehdotuksia.",
        "en": "Click a session to move it, lock it or ask for suggestions.",
    },
    "web_day": {"fi": "Päivä", "en": "Day"},
    "web_start": {"fi": "Alkaa", "en": "Starts"},
    "web_staff": {"fi": "Henkilöstö", "en": "Staff"},
    "web_room": {"fi": "Tila", "en": "Room"},
    "web_rooms": {"fi": "Tilat", "en": "Rooms"},
    "web_participants": {"fi": "Kuntoutujat", "en": "Participants"},
    "web_move_ok": {
        "fi": "Siirto täyttää kaikki säännöt.",
        "en": "The move keeps every rule.",
    },
    "web_move_same": {
        "fi": "Valitse uusi päivä, aika, henkilö tai tila: säännöt tarkistetaan heti.",
        "en": "Choose another day, time, staff member or room: the rules are checked at once.",
    },
    "web_save_move": {"fi": "Tallenna siirto", "en": "Save the move"},
    "web_suggest": {"fi": "Ehdota paikkoja", "en": "Suggest"},
    "web_suggestions": {"fi": "Ehdotukset", "en": "Suggestions"},
    "web_suggest_wait": {
        "fi": "Haetaan parhaita paikkoja …",
        "en": "Looking for the best places …",
    },
    "web_suggest_none": {
        "fi": "Sääntöjen mukaista muuta paikkaa ei löytynyt.",
        "en": "No other place keeps every rule.",
    },
    "web_accept": {"fi": "Hyväksy", "en": "Accept"},
    "web_penalty_change": {"fi": "sakko {change}", "en": "penalty {change}"},
    "web_moves_others": {
        "fi": "siirtää myös {count}: {sessions}",
        "en": "also moves {count}: {sessions}",
    },
    "web_lock_time": {"fi": "Lukitse aika", "en": "Lock the time"},
    "web_lock_all": {
        "fi": "Lukitse aika, henkilöt ja tila",
        "en": "Lock time, staff and room",
    },
    "web_unlock": {"fi": "Poista lukitus", "en": "Unlock"},
    "web_replan": {"fi": "Muutos suunnitelmaan", "en": "Re-plan"},
    "web_what_happened": {"fi": "Mitä tapahtui", "en": "What happened"},
    "web_kind_unavailable": {"fi": "Työntekijä estynyt", "en": "A staff member is unavailable"},
    "web_kind_replace": {"fi": "Sijainen tulee tilalle", "en": "A stand-in takes over"},
    "web_kind_leaves": {"fi": "Kuntoutuja keskeyttää", "en": "A participant leaves"},
    "web_staff_member": {"fi": "Työntekijä", "en": "Staff member"},
    "web_stand_in": {"fi": "Sijaisen tunnus", "en": "Stand-in's id"},
    "web_participant": {"fi": "Kuntoutuja", "en": "Participant"},
    "web_from": {"fi": "Alkaen", "en": "From"},
    "web_to": {"fi": "Asti (tyhjä: kurssin loppuun)", "en": "Until (empty: to the end)"},
    "web_propose": {"fi": "Näytä muutokset", "en": "Propose"},
    "web_versions": {"fi": "Versiot", "en": "Versions"},
    "web_diff": {"fi": "erot", "en": "diff"},
    "web_changes_here": {
        "fi": "Muutokset edelliseen ({previous})",
        "en": "Changes from {previous}",
    },
    "web_compliance": {"fi": "Standardin täyttyminen", "en": "Compliance"},
    "web_rule": {"fi": "Kohta", "en": "Rule"},
    "web_verdict": {"fi": "Tulos", "en": "Verdict"},
    "web_reasons": {"fi": "Perustelut", "en": "Reasons"},
    "web_hours": {"fi": "Tunnit", "en": "Hours"},
    "web_individual_hours": {"fi": "Yksilötunnit", "en": "Individual hours"},
    "web_total": {"fi": "Yhteensä", "en": "Total"},
    "web_session": {"fi": "Tapahtuma", "en": "Session"},
    "web_change": {"fi": "Muutos", "en": "Change"},
    "web_before": {"fi": "Ennen", "en": "Before"},
    "web_after": {"fi": "Jälkeen", "en": "After"},
    "web_tell": {"fi": "Kenelle kerrotaan", "en": "Tell"},
    "web_proposal": {"fi": "Ehdotettu muutos", "en": "Proposed change"},
    "web_proposal_moves": {
        "fi": "Muuttuvia tapahtumia: {count}. Vanha versio säilyy ennallaan.",
        "en": "Sessions that change: {count}. The old version stays as it is.",
    },
    "web_accept_replan": {"fi": "Hyväksy ja tallenna uusi versio", "en": "Accept and save"},
    "web_cancel": {"fi": "Peruuta", "en": "Cancel"},
    "web_replan_unavailable": {
        "fi": "{who} on estynyt {start} – {end}.",
        "en": "{who} is unavailable from {start} to {end}.",
    },
    "web_replan_unavailable_on": {
        "fi": "{who} on estynyt {start} alkaen.",
        "en": "{who} is unavailable from {start} on.",
    },
    "web_replan_replace": {
        "fi": "{stand_in} tulee henkilön {who} tilalle {start} alkaen.",
        "en": "{stand_in} takes over from {who} from {start} on.",
    },
    "web_replan_leaves": {
        "fi": "Kuntoutuja {participant} keskeyttää {start}.",
        "en": "Participant {participant} leaves at {start}.",
    },
    "web_show": {"fi": "Näytä", "en": "Show"},
    "web_no_differences": {"fi": "Versioissa ei ole eroja.", "en": "The versions do not differ."},
    "web_problem": {"fi": "Korjattavaa", "en": "Something to fix"},
    "web_back": {"fi": "Takaisin", "en": "Back"},
    "web_infeasible": {
        "fi": "Kurssia ei voi aikatauluttaa standardin mukaan:",
        "en": "The course cannot be timetabled under the standard:",
    },
    "web_not_found_in_time": {
        "fi": "Lukujärjestystä ei löytynyt annetussa ajassa (ei todistetusti mahdoton):",
        "en": "No timetable found in the time given (not proven impossible):",
    },
    "web_error_csrf": {
        "fi": "Lomake on vanhentunut tai tuli toiselta sivulta; lataa sivu uudelleen.",
        "en": "The form is out of date or came from another page; reload the page.",
    },
    "web_error_internal": {
        "fi": "Sisäinen virhe; mitään ei tallennettu. Tiedot ovat palvelimen lokissa.",
        "en": "Internal error; nothing was saved. The details are in the server's log.",
    },
    "web_error_401": {"fi": "Kirjaudu ensin sisään.", "en": "Sign in first."},
    "web_error_404": {"fi": "Sivua ei löydy.", "en": "No such page."},
    "web_error_413": {
        "fi": "Tiedosto on liian suuri (enintään 5 Mt).",
        "en": "The file is too large (5 MB at most).",
    },
    "web_sign_in": {"fi": "Kirjaudu", "en": "Sign in"},
    "web_password": {"fi": "Salasana", "en": "Password"},
    "web_wrong_password": {"fi": "Väärä salasana.", "en": "Wrong password."},
    "web_saved": {"fi": "Tallennettu.", "en": "Saved."},
    "web_fix_fields": {
        "fi": "Tietoja ei tallennettu: korjaa merkityt kentät.",
        "en": "Not saved: fix the fields marked.",
    },
    "web_availability_hint": {
        "fi": "Vihreä puolituntinen: työntekijä on käytettävissä. Napsauta vaihtaaksesi.",
        "en": "Green half-hour: the staff member is available. Click to switch.",
    },
    "web_id": {"fi": "Tunnus", "en": "Id"},
    "web_name": {"fi": "Nimi", "en": "Name"},
    "web_role": {"fi": "Ammatti", "en": "Role"},
    "web_remove": {"fi": "poista", "en": "remove"},
    "web_participant_count": {"fi": "Kuntoutujia", "en": "Participants"},
    "web_absence_hint": {
        "fi": "Poissaolot: päivä ja ajat, esim. 2027-03-09 08:00-10:00; pelkkä päivä = koko päivä.",
        "en": "Absences: a day and times, e.g. 2027-03-09 08:00-10:00; a day alone = all day.",
    },
    "web_small_group": {"fi": "Pienryhmä", "en": "Small group"},
    "web_absences": {"fi": "Poissa", "en": "Absent"},
    "web_room_kind": {"fi": "Tilan tyyppi", "en": "Kind"},
    "web_capacity": {"fi": "Paikkoja", "en": "Capacity"},
    "web_offsite": {"fi": "Matka (min)", "en": "Travel (min)"},
    "web_programme": {"fi": "Kurssin oma ohjelma", "en": "The course's programme"},
    "web_title_fi": {"fi": "Nimi suomeksi", "en": "Title (Finnish)"},
    "web_title_en": {"fi": "Nimi englanniksi", "en": "Title (English)"},
    "web_theme": {"fi": "Teema", "en": "Theme"},
    "web_kind": {"fi": "Muoto", "en": "Kind"},
    "web_minutes": {"fi": "Min", "en": "Min"},
    "web_count": {"fi": "Kertaa", "en": "Times"},
    "web_leaders": {"fi": "Ohjaajat", "en": "Leaders"},
    "web_room_kinds": {"fi": "Tilat", "en": "Rooms"},
    "web_save": {"fi": "Tallenna", "en": "Save"},
}


def label(key: str, language: str = "fi", /, **values: object) -> str:
    """A label in a language (Finnish if the language lacks it), with {placeholders} filled."""
    texts = LABELS[key]
    return (texts.get(language) or texts["fi"]).format(**values)


def labels_in_all(key: str, **values: object) -> dict[str, str]:
    return {language: text.format(**values) for language, text in LABELS[key].items()}


def has_label(key: str) -> bool:
    return key in LABELS


# -- the reader's language -----------------------------------------------------------------
# Messages (bad input, an impossible course, the console) are written where they arise, deep in
# io/ and explain/, in the language of whoever reads them: Finnish unless the command was told
# otherwise (--lang, or the language of the course it has read). The CLI sets it per command.

_READER: ContextVar[str] = ContextVar("kurssi_reader_language", default="fi")


def reader() -> str:
    """The language messages are written in now: 'fi' unless set (reading_in, set_reader)."""
    return _READER.get()


@contextmanager
def reading_in(language: str) -> Iterator[None]:
    """Messages in `language` inside the block (and the reader's language as it was after)."""
    token = _READER.set(lang(language))
    try:
        yield
    finally:
        _READER.reset(token)


def set_reader(language: str) -> None:
    """Messages in `language` from now on, up to the end of the enclosing `reading_in` block."""
    _READER.set(lang(language))


def say(key: str, /, **values: object) -> str:
    """A label in the reader's language, with {placeholders} filled."""
    return label(key, reader(), **values)


# -- phrases -------------------------------------------------------------------------------


def problem_words(problem: Problem, language: str, private: bool = False) -> str:
    """A model's own check that failed (models.base.Problem), in words, with the value it
    refused unless that is `private` (a participant's entry is never quoted)."""
    key = f"model_{problem.key}"
    if key not in LABELS:
        return str(problem)
    text = label(key, lang(language), **problem.values)
    if "value" in problem.values and not private:
        text += label("got", lang(language), value=repr(problem.values["value"]))
    return text


def validation_words(item: Any, language: str, private: bool = False) -> str:
    """One of pydantic's errors as a sentence: a model's own check in our words, else
    pydantic's message (English: the value fits none of the usual cases documents.py words)."""
    cause = (item.get("ctx") or {}).get("error")
    if isinstance(cause, Problem):
        return problem_words(cause, language, private)
    return str(item.get("msg", "")).removeprefix("Value error, ")


def coded(prefix: str) -> tuple[str, ...]:
    """The codes the label table names under a prefix: coded('role') -> ('rheumatologist', ...)."""
    start = f"{prefix}_"
    return tuple(key[len(start) :] for key in LABELS if key.startswith(start))


def code_label(prefix: str, code: str, language: str) -> str:
    """A code as a person reads it: code_label('role', 'psychologist', 'fi') -> 'Psykologi'
    (the code itself when the table does not know it)."""
    key = f"{prefix}_{code}"
    return label(key, lang(language)) if key in LABELS else code


def lang(language: str) -> str:
    """The languages the tool writes: Finnish, and English for anything else asked."""
    return "fi" if language == "fi" else "en"


def lower_first(text: str) -> str:
    """'Toimintaterapeutti' -> 'toimintaterapeutti' inside a sentence; 'GAS' stays."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def weekday_short(day: date, language: str) -> str:
    """'ti', 'Tue'."""
    return label(f"weekday_short_{day.weekday()}", lang(language))


def weekday_name(day: date, language: str) -> str:
    """'Tiistai', 'Tuesday'."""
    return label(f"weekday_{day.weekday()}", lang(language))


def long_date(day: date, language: str) -> str:
    """'9.3.2027', '9 March 2027'."""
    month_name = label(f"month_{day.month}", lang(language))
    return label(
        "date", lang(language), day=day.day, month=day.month, year=day.year, month_name=month_name
    )


def short_date(day: date, language: str) -> str:
    """'ti 9.3.', 'Tue 9 March': how a course day is named in a sentence."""
    month_name = label(f"month_{day.month}", lang(language))
    when = label("date_short", lang(language), day=day.day, month=day.month, month_name=month_name)
    return f"{weekday_short(day, language)} {when}"


def full_date(day: date, language: str) -> str:
    """'ti 9.3.2027', 'Tue 9 March 2027': a date that may lie outside the course week."""
    return f"{weekday_short(day, language)} {long_date(day, language)}"


def moment_text(when: datetime, language: str) -> str:
    """'ke 10.3. klo 08:00', 'Wed 10 March 08:00': a moment of the course week."""
    return label(
        "placement", lang(language), day=short_date(when.date(), language), time=f"{when:%H:%M}"
    )


def role_name(role: str, language: str) -> str:
    """A role id as a person reads it inside a sentence: 'fysioterapeutti', 'physiotherapist'
    (the id with spaces for a role the table does not know)."""
    key = f"role_{role}"
    return lower_first(label(key, lang(language))) if key in LABELS else role.replace("_", " ")


def group_name(group: str, language: str) -> str:
    """'työryhmä', 'team' for a staff group id."""
    return lower_first(label(f"group_{group}", lang(language)))


def purpose_name(purpose: Purpose | None, language: str) -> str:
    name = purpose.value if purpose else "other"
    return label(f"purpose_{name}", lang(language))


def room_kind_name(kind: str, language: str) -> str:
    key = f"room_kind_{kind}"
    return label(key, lang(language)) if key in LABELS else kind


def counted(noun: str, count: int, language: str, role: str = "") -> str:
    """A number of something as a sentence says it: '1 kuntoutuja', '10 kuntoutujaa' (Finnish
    takes the partitive after numbers above one), '2 rooms'; with noun 'role', people of a role:
    '2 fysioterapeuttia', '1 physiotherapist'."""
    language = lang(language)
    if noun == "role":
        if count == 1 or not has_label(f"plural_role_{role}"):
            return f"{count} {role_name(role, language)}"
        return f"{count} {label(f'plural_role_{role}', language)}"
    return label(f"n_{noun}_{'one' if count == 1 else 'many'}", language, count=count)


def code_choice(prefix: str, code: str, language: str) -> str:
    """A code a person writes into a course file, as a message offers it: Finnish gives its
    words and the code ('kuntosali (gym)'), English the code ('gym')."""
    key = f"{prefix}_{code}"
    if lang(language) == "en" or not has_label(key):
        return code
    return f"{lower_first(label(key, 'fi'))} ({code})"


def fi_count(count: int, one: str, many: str) -> str:
    """'1 kuntoutuja', '10 kuntoutujaa': Finnish takes the partitive after numbers above one."""
    return f"{count} {one if count == 1 else many}"


def fi_number(number: float) -> str:
    """2.5 -> '2,5': the Finnish decimal comma."""
    return f"{number:g}".replace(".", ",")


def number(value: float, language: str, digits: int | None = None) -> str:
    """'2,5' in Finnish, '2.5' in English; `digits` fixes the decimals ('12,0')."""
    text = f"{value:.{digits}f}" if digits is not None else f"{value:g}"
    return text.replace(".", ",") if lang(language) == "fi" else text


def hours(minutes: float) -> str:
    """'7 h 30 min', '0 h' (a fraction of a minute is rounded up)."""
    whole = math.ceil(minutes)
    return format_duration(whole) if whole else "0 h"


def clock_span(start: int, end: int) -> str:
    return f"{format_clock(start)}–{format_clock(end)}"


def joined(items: Sequence[str], language: str, word: str = "and") -> str:
    """'a, b and c', 'a, b ja c' (the last joined by 'and' or 'or'); 'nobody' for none."""
    items = list(items)
    if not items:
        return label("nobody", lang(language))
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {label(f'word_{word}', lang(language))} {items[-1]}"


def person(member: StaffMember, language: str) -> str:
    """'Mikko Virtanen (fysioterapeutti)': a staff member in a message, by name and role."""
    return staff_label(member, member.id, language)


def staff_label(member: StaffMember | None, staff_id: str, language: str) -> str:
    """'Mikko Virtanen (fysioterapeutti)': a staff member by name and role, as a reader of the
    timetable knows them (their id only when the course file gives no name)."""
    if member is None:
        return staff_id
    return f"{member.label} ({role_name(member.role, language)})"


def staff_name(member: StaffMember | None, staff_id: str) -> str:
    """'Mikko Virtanen': a staff member by name (the id when the file gives no name)."""
    return member.label if member is not None else staff_id


def room_name(room: Room | None, room_id: str) -> str:
    """'Ryhmätila 1': a room by name (the id when the file gives no name)."""
    return (room.name or room.id) if room is not None else room_id


def room_label(room: Room, language: str) -> str:
    """'Allas (allas)', 'Sali 2 (liikuntasali)': a room by name and kind, in a message."""
    return f"{room_name(room, room.id)} ({room_kind_name(room.kind, language)})"


def preference_name(name: str, language: str) -> str:
    """A preference of the course file as a person reads it ('Ei tyhjiä välejä ryhmän päivään')."""
    key = f"preference_{name}"
    return label(key, lang(language)) if key in LABELS else name


def preference_amount(unit: str, amount: float, language: str) -> str:
    """An amount in a preference's unit ('2 h', '1 päivä', '3 kuntoutujaa', '2')."""
    if unit == "minutes":
        return hours(amount)
    count = round(amount)
    if unit in ("days", "participants", "places"):
        key = f"amount_{unit.removesuffix('s')}" if count == 1 else f"amount_{unit}"
        return label(key, lang(language), count=count)
    return str(count)


def preference_cost(name: str, unit: str, amount: float, language: str) -> str:
    """What a preference costs a timetable, in words: 'tyhjää odotusta yhteensä 2 h'."""
    return label(
        f"preference_cost_{name}",
        lang(language),
        amount=preference_amount(unit, amount, language),
    )


def solver_status(status: str, language: str) -> str:
    """CP-SAT's status in words ('FEASIBLE' -> 'Täyttää standardin; parhaaksi ei todistettu')."""
    key = f"solver_{status}"
    return label(key, lang(language)) if has_label(key) else status.lower()


def day_text(course: Course, index: int, language: str) -> str:
    """'päivä 2 (ti 9.3.)', 'day 2 (Tue 9 March)': a course day, named."""
    when = short_date(course.days[index], language)
    return label("day_of_course", lang(language), number=index + 1, date=when)


def days_text(course: Course, indices: Iterable[int], language: str) -> str:
    """When, as a sentence says it: 'päivänä 5 (pe 12.3.)', 'päivinä 1–2', 'päivinä 1, 3 ja
    5', 'koko kurssin ajan'; 'on day 5 (Fri 12 March)', 'on days 1–2', 'during the whole
    course'."""
    language = lang(language)
    days = sorted(set(indices))
    if not days:
        return label("on_no_day", language)
    if len(days) == len(course.days) and len(days) > 1:
        return label("on_whole_course", language)
    if len(days) == 1:
        when = short_date(course.days[days[0]], language)
        return label("on_day", language, number=days[0] + 1, date=when)
    if days == list(range(days[0], days[-1] + 1)):
        return label("on_days", language, days=f"{days[0] + 1}–{days[-1] + 1}")
    return label("on_days", language, days=joined([str(d + 1) for d in days], language))


def spec_title(spec: SessionSpec, language: str) -> str:
    return spec.title.get(lang(language)) or spec.title.get("fi") or spec.id


def spec_words(course: Course, spec: SessionSpec, language: str) -> str:
    """A programme item in a sentence: 'aloituskeskustelu', '10 haastattelua', '2 ×
    "Kuntosaliharjoittelu"'; 'the opening discussion', '10 interviews'."""
    language = lang(language)
    n = occurrences(course, spec)
    if spec.purpose is not None and has_label(f"spec_one_{spec.purpose.value}"):
        key = f"spec_{'one' if n == 1 else 'many'}_{spec.purpose.value}"
        return label(key, language, count=n)
    title = spec_title(spec, language)
    return label("spec_titled" if n == 1 else "spec_titled_many", language, title=title, count=n)


def availability_text(
    course: Course, member: StaffMember, days: Iterable[int], language: str
) -> str:
    """What a person's availability says on some days, after their name: 'ei ole
    käytettävissä päivänä 1 (ma 8.3.); on käytettävissä vain klo 12:00–16:00 päivänä 2 (ti
    9.3.)'; 'is not available on day 1 (Mon 8 March); ...'."""
    language = lang(language)
    parts = []
    for index in sorted(set(days)):
        day = days_text(course, [index], language)
        windows = windows_on(course, member, course.days[index])
        if not windows:
            parts.append(label("availability_none", language, day=day))
        else:
            spans = ", ".join(clock_span(s, e) for s, e in windows)
            parts.append(label("availability_only", language, spans=spans, day=day))
    return "; ".join(parts)


def staff_words(course: Course, ids: frozenset[str], language: str) -> str:
    """A set of staff as a sentence names them: 'työryhmä', 'erityistyöntekijät', 'the team
    and the special workers', or the people by name."""
    language = lang(language)
    team = frozenset(m.id for m in course.staff_in(StaffGroup.TEAM))
    special = frozenset(m.id for m in course.staff_in(StaffGroup.SPECIAL))
    if ids == team:
        return label("pool_team", language)
    if ids == special:
        return label("pool_special", language)
    if ids == team | special:
        return label("pool_team_and_special", language)
    names = [staff_name(m, m.id) for m in course.staff if m.id in ids]
    return joined(names, language)
