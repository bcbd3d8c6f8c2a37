"""Every word the tool writes for people, in Finnish and English: one table of labels, and the
small phrases built from it (dates, weekdays, durations, roles, staff groups, purposes, room
kinds, lists). No other module keeps a table of words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date

from models.base import Purpose, StaffGroup, format_clock, format_duration
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
    "about_seconds": {"fi": "{seconds:.1f} s", "en": "{seconds:.1f} s"},
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


def label(key: str, language: str = "fi", **values: object) -> str:
    """A label in a language (Finnish if the language lacks it), with {placeholders} filled."""
    texts = LABELS[key]
    return (texts.get(language) or texts["fi"]).format(**values)


def labels_in_all(key: str, **values: object) -> dict[str, str]:
    return {language: text.format(**values) for language, text in LABELS[key].items()}


def has_label(key: str) -> bool:
    return key in LABELS


# -- phrases -------------------------------------------------------------------------------


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


def fi_count(count: int, one: str, many: str) -> str:
    """'1 kuntoutuja', '10 kuntoutujaa': Finnish takes the partitive after numbers above one."""
    return f"{count} {one if count == 1 else many}"


def fi_number(number: float) -> str:
    """2.5 -> '2,5': the Finnish decimal comma."""
    return f"{number:g}".replace(".", ",")


def hours(minutes: float) -> str:
    """'7 h 30 min', '0 h' (a fraction of a minute is rounded up)."""
    whole = math.ceil(minutes)
    return format_duration(whole) if whole else "0 h"


def clock_span(start: int, end: int) -> str:
    return f"{format_clock(start)}–{format_clock(end)}"


def joined(items: Sequence[str], word: str = "and") -> str:
    """'a, b and c' (the last joined by `word`); 'nobody' for none."""
    items = list(items)
    if not items:
        return "nobody"
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def person(member: StaffMember) -> str:
    """'pt1 (physiotherapist)': staff named by id and role, as in the course file (messages
    about a course file, whose reader finds the person by the id written there)."""
    return f"{member.id} ({role_name(member.role, 'en')})"


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


def dotted_day(day: date, language: str = "en") -> str:
    """'Tue 9.3.', 'ti 9.3.': a day of the course week, short."""
    return f"{weekday_short(day, language)} {day.day}.{day.month}."


def day_text(course: Course, index: int) -> str:
    """'day 2 (Tue 9.3.)'."""
    return f"day {index + 1} ({dotted_day(course.days[index])})"


def days_text(course: Course, indices: Iterable[int]) -> str:
    """'days 1–2', 'day 5 (Fri 12.3.)', 'days 1, 3 and 5', 'the whole course'."""
    days = sorted(set(indices))
    if not days:
        return "no course day"
    if len(days) == len(course.days):
        return "the whole course"
    if len(days) == 1:
        return day_text(course, days[0])
    if days == list(range(days[0], days[-1] + 1)):
        return f"days {days[0] + 1}–{days[-1] + 1}"
    return "days " + joined([str(d + 1) for d in days])


# How a session is named in a sentence, by purpose (plural for individual ones).
_NOUNS: dict[Purpose, tuple[str, str]] = {
    Purpose.OPENING: ("the opening discussion", "opening discussions"),
    Purpose.CLOSING: ("the closing discussion", "closing discussions"),
    Purpose.INTERVIEW: ("an interview", "interviews"),
    Purpose.GAS_GOALS: ("a GAS goal meeting", "GAS goal meetings"),
    Purpose.GOAL_INTRO: ("the introduction to goal setting", "introductions to goal setting"),
    Purpose.GOAL_REVIEW: ("the goal review", "goal reviews"),
    Purpose.MEASURES_START: ("the start measures", "start measures sessions"),
    Purpose.MEASURES_END: ("the end measures", "end measures sessions"),
    Purpose.LECTURE: ("the physician's lecture", "physician's lectures"),
    Purpose.STAFF_MEETING: ("the team meeting", "team meetings"),
}


def spec_title(spec: SessionSpec, language: str = "en") -> str:
    return spec.title.get(lang(language)) or spec.title.get("fi") or spec.id


def spec_words(course: Course, spec: SessionSpec) -> str:
    """'10 interviews', 'the opening discussion', "2 × 'Living with the illness' (living_with)"."""
    n = occurrences(course, spec)
    if spec.purpose in _NOUNS:
        one, many = _NOUNS[spec.purpose]
        return one if n == 1 else f"{n} {many}"
    name = f"'{spec_title(spec)}' ({spec.id})"
    return name if n == 1 else f"{n} × {name}"


def availability_text(course: Course, member: StaffMember, days: Iterable[int]) -> str:
    """'not available on day 1 (Mon 8.3.); available only 12:00–16:00 on day 2 (Tue 9.3.)'."""
    parts = []
    for index in sorted(set(days)):
        windows = windows_on(course, member, course.days[index])
        if not windows:
            parts.append(f"not available on {day_text(course, index)}")
        else:
            spans = ", ".join(clock_span(s, e) for s, e in windows)
            parts.append(f"available only {spans} on {day_text(course, index)}")
    return "; ".join(parts)


def staff_words(course: Course, ids: frozenset[str]) -> tuple[str, str]:
    """How to speak of a set of staff: ('team', 'the team is') or ("pt1's", 'pt1 is')."""
    team = frozenset(m.id for m in course.staff_in(StaffGroup.TEAM))
    special = frozenset(m.id for m in course.staff_in(StaffGroup.SPECIAL))
    if ids == team:
        return "team", "the team is"
    if ids == special:
        return "special-worker", "the special workers are"
    if ids == team | special:
        return "team and special-worker", "they are"
    if len(ids) == 1:
        (only,) = ids
        return f"{only}'s", f"{only} is"
    return f"staff ({', '.join(sorted(ids))})", "they are"
