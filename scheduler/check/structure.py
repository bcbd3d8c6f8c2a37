"""Course structure (§3, §4 of the standard): R1-R8."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import combinations, pairwise

from models.base import (
    Purpose,
    SessionKind,
    StaffGroup,
    format_duration,
)
from models.standard import WEEKDAYS
from models.timetable import Session
from scheduler.check.context import (
    Context,
    id_list,
)
from scheduler.check.findings import (
    covered_minutes,
    minutes_per_participant,
    programme_sessions,
)
from scheduler.check.report import Reason, RuleResult, judged, not_applicable
from scheduler.domain.hours import small_group_units
from scheduler.words import fi_count, label, lower_first


def r1_participants(ctx: Context) -> RuleResult:
    """R1: the standard's number of participants, one group that attends every group session."""
    en, fi = ctx.en, ctx.fi
    wanted = ctx.standard.participants
    count = len(ctx.participants)
    everyone = id_list(ctx.participants)
    fails = []
    if count != wanted:
        fails.append(
            Reason(
                en=f"the course has {count} participants ({everyone}); the standard wants {wanted}",
                fi=f"kurssilla on {fi_count(count, 'kuntoutuja', 'kuntoutujaa')} ({everyone}); "
                f"standardi edellyttää {wanted}",
            )
        )
    for session in ctx.sessions:
        unknown = set(session.participants) - ctx.everyone
        if unknown:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} lists unknown participant(s) {id_list(unknown)}",
                    fi=f"{fi.ref(session)}: tuntematon kuntoutuja {id_list(unknown)}"
                    if len(unknown) == 1
                    else f"{fi.ref(session)}: tuntemattomat kuntoutujat {id_list(unknown)}",
                )
            )
        if session.kind == SessionKind.GROUP:
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(
                    Reason(
                        en=f"group session {en.ref(session)} leaves out {id_list(missing)}",
                        fi=f"{fi.ref(session)}: koko ryhmän tapaamisesta puuttuu {id_list(missing)}",
                    )
                )
    relatives = ctx.standard.relatives
    return judged(
        "R1",
        fails,
        [
            Reason(
                en=f"{count} participants ({everyone}) in one group"
                + ("" if relatives else "; no relatives take part"),
                fi=f"{fi_count(count, 'kuntoutuja', 'kuntoutujaa')} ({everyone}) yhdessä ryhmässä"
                + ("" if relatives else "; omaisia ei osallistu"),
            )
        ],
    )


def r2_days(ctx: Context) -> RuleResult:
    """R2: the standard's number of consecutive course days, all on allowed weekdays."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.days
    days = ctx.days
    fails = []
    if len(days) != rules.count or len(set(days)) != len(days):
        fails.append(
            Reason(
                en=f"the course has {len(days)} days; the standard wants {rules.count}",
                fi=f"kurssilla on {fi_count(len(days), 'päivä', 'päivää')}; standardi "
                f"edellyttää {rules.count}",
            )
        )
    first_day = ctx.timetable.course.first_day
    if days and days[0] != first_day:
        fails.append(
            Reason(
                en=f"the first course day {en.day(days[0])} is not the course's first day "
                f"{en.dated(first_day)}",
                fi=f"ensimmäinen kurssipäivä {fi.day(days[0])} ei ole kurssin alkupäivä "
                f"{fi.dated(first_day)}",
            )
        )
    if rules.consecutive:
        for earlier, later in pairwise(days):
            if (later - earlier).days != 1:
                fails.append(
                    Reason(
                        en=f"{en.day(later)} does not follow {en.day(earlier)}: the days must "
                        "be consecutive, in one period",
                        fi=f"{fi.day(later)} ei seuraa heti päivää {fi.day(earlier)}: "
                        "kurssipäivät ovat peräkkäisiä ja yhtenä jaksona",
                    )
                )
    allowed = ", ".join(label(f"weekday_short_{WEEKDAYS.index(w)}", "en") for w in rules.weekdays)
    allowed_fi = ", ".join(
        label(f"weekday_short_{WEEKDAYS.index(w)}", "fi") for w in rules.weekdays
    )
    for day in days:
        if not rules.allows_weekday(day.weekday()):
            fails.append(
                Reason(
                    en=f"{en.day(day)} is a {label(f'weekday_{day.weekday()}', 'en')}; course days "
                    f"are {allowed}",
                    fi=f"{fi.day(day)} on "
                    f"{lower_first(label(f'weekday_{day.weekday()}', 'fi'))}; kurssipäivät "
                    f"voivat olla {allowed_fi}",
                )
            )
    for session in ctx.sessions:
        if session.date not in days:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is not on a course day",
                    fi=f"{fi.ref(session)} ei ole kurssipäivänä",
                )
            )
    if days:
        passes = Reason(
            en=f"{len(days)} consecutive course days, {en.day(days[0])} to {en.day(days[-1])}",
            fi=fi_count(len(days), "kurssipäivä", "peräkkäistä kurssipäivää")
            + f", {fi.day(days[0])} – {fi.day(days[-1])}",
        )
    else:
        passes = Reason(en="0 consecutive course days, no days", fi="ei kurssipäiviä")
    return judged("R2", fails, [passes])


def r3_day_length(ctx: Context) -> RuleResult:
    """R3: a participant's course day (first item to last, all included) is at most 8 h."""
    en, fi = ctx.en, ctx.fi
    longest_allowed = ctx.standard.day_max_minutes
    most = format_duration(longest_allowed)
    window = ctx.timetable.course.day_window
    fails = []
    spans: dict[tuple[date, int, int, str, str], list[str]] = defaultdict(list)
    named: dict[str, Session] = {}
    for participant in ctx.participants:
        by_day: dict[date, list[Session]] = defaultdict(list)
        for session in ctx.sessions:
            if participant in session.participants:
                by_day[session.date].append(session)
        for day, sessions in by_day.items():
            first = min(sessions, key=lambda s: (s.start, s.id))
            last = max(sessions, key=lambda s: (s.end, s.id))
            named.setdefault(first.id, first)
            named.setdefault(last.id, last)
            spans[(day, first.start, last.end, first.id, last.id)].append(participant)
    longest = max(spans, key=lambda k: k[2] - k[1], default=None)
    for (day, start, end, first_id, last_id), people in sorted(spans.items()):
        if end - start > longest_allowed:
            length = format_duration(end - start)
            fails.append(
                Reason(
                    en=f"{id_list(people)}: {en.day(day)} lasts {en.clock(start, end)} = {length} "
                    f"(from {en.name(named[first_id])} to {en.name(named[last_id])}); at most "
                    f"{most}",
                    fi=f"{id_list(people)}: {fi.day(day)} kestää {fi.clock(start, end)} eli "
                    f"{length} ({fi.name(named[first_id])} – {fi.name(named[last_id])}); "
                    f"enintään {most}",
                )
            )
    for session in ctx.sessions:
        if session.participants and not window.contains(session.start, session.end):
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is outside the course's day window {en.window(window)}",
                    fi=f"{fi.ref(session)} on kurssin päiväajan {fi.window(window)} ulkopuolella",
                )
            )
    passes = []
    if longest is not None:
        day, start, end, first_id, last_id = longest
        length = format_duration(end - start)
        passes.append(
            Reason(
                en=f"the longest participant day is {length} on {en.day(day)} "
                f"({en.clock(start, end)}), at most {most}",
                fi=f"kuntoutujan pisin päivä on {length}: {fi.day(day)} klo "
                f"{fi.clock(start, end)}; enintään {most}",
            )
        )
    return judged("R3", fails, passes)


def r4_programme_hours(ctx: Context) -> RuleResult:
    """R4: staff-led programme of at least 25 h, each day within the course's daily bounds."""
    en, fi = ctx.en, ctx.fi
    day_min, day_max = ctx.course.programme_day_bounds
    minimum = ctx.standard.programme.min_total_minutes
    programme = programme_sessions(ctx)
    # The standard counts the programme "carried out by the team and/or special workers" (§4):
    # what other staff run alone is programme, but not these hours.
    led = [s for s in programme if any(ctx.group_of(m) != StaffGroup.OTHER for m in ctx.members(s))]
    per_day = {day: covered_minutes(s for s in led if s.date == day) for day in ctx.days}
    all_per_day = {day: covered_minutes(s for s in programme if s.date == day) for day in ctx.days}
    total = sum(per_day.values())
    led_fi = "työryhmän tai erityistyöntekijöiden ohjaamaa ohjelmaa"
    fails = []
    for day, minutes in per_day.items():
        if minutes < day_min:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {format_duration(minutes)} of programme led by the "
                    f"team or special workers; each day needs at least {format_duration(day_min)}",
                    fi=f"{fi.day(day)}: {led_fi} {format_duration(minutes)}; vähintään "
                    f"{format_duration(day_min)} päivässä",
                )
            )
        if all_per_day[day] > day_max:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {format_duration(all_per_day[day])} of programme; "
                    f"at most {format_duration(day_max)} a day",
                    fi=f"{fi.day(day)}: ohjelmaa {format_duration(all_per_day[day])}; enintään "
                    f"{format_duration(day_max)} päivässä",
                )
            )
    alone = [s for s in programme if s not in led]
    if total < minimum:
        alone_en = en.names(alone)
        alone_fi = "; ".join(fi.name(s) for s in alone)
        fails.append(
            Reason(
                en=f"the programme led by the team or special workers totals "
                f"{format_duration(total)}; at least {format_duration(minimum)}"
                + (f" (other staff alone run {alone_en}, which do not count)" if alone else ""),
                fi=f"{led_fi} on yhteensä {format_duration(total)}; vähintään "
                f"{format_duration(minimum)}"
                + (
                    f" (muun kuntoutushenkilöstön yksin ohjaamaa ohjelmaa ei lasketa: {alone_fi})"
                    if alone
                    else ""
                ),
            )
        )
    daily = list(per_day.values())
    daily_en = ", ".join(f"day {i + 1}: {format_duration(m)}" for i, m in enumerate(daily))
    daily_fi = ", ".join(f"päivä {i + 1}: {format_duration(m)}" for i, m in enumerate(daily))
    return judged(
        "R4",
        fails,
        [
            Reason(
                en=f"programme led by the team or special workers {format_duration(total)} (at "
                f"least {format_duration(minimum)}): {daily_en}",
                fi=f"{led_fi} {format_duration(total)} (vähintään {format_duration(minimum)}): "
                f"{daily_fi}",
            )
        ],
    )


def r5_individual_durations(ctx: Context) -> RuleResult:
    """R5: individual interviews last 60 min on average per participant (parts may be split).

    GAS goal meetings are judged by R15 (they are part of or right after the interview).
    """
    en, fi = ctx.en, ctx.fi
    average = ctx.standard.individual_average_minutes
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual or not ctx.participants:
        return not_applicable(
            "R5", Reason(en="no individual sessions", fi="ei yksilöllisiä tapaamisia")
        )
    fails = [
        Reason(
            en=f"individual session {en.ref(s)} has {len(set(s.participants))} participants; it "
            "has one",
            fi=f"{fi.ref(s)}: yksilöllisessä tapaamisessa on "
            f"{fi_count(len(set(s.participants)), 'kuntoutuja', 'kuntoutujaa')}; siinä kuuluu "
            "olla yksi",
        )
        for s in individual
        if len(set(s.participants)) != 1
    ]
    interviews = [s for s in individual if s.purpose == Purpose.INTERVIEW]
    per_participant = minutes_per_participant(ctx, interviews)
    if not per_participant:  # everyone left before the end (a re-plan's changes)
        if fails:
            return judged("R5", fails)
        return not_applicable(
            "R5",
            Reason(
                en="no participant stays to the end: no average to judge",
                fi="yksikään kuntoutuja ei ole mukana loppuun asti: keskiarvoa ei voi arvioida",
            ),
        )
    mean = sum(per_participant.values()) / len(per_participant)
    if mean < average:
        short = id_list(f"{p} {m} min" for p, m in per_participant.items() if m < average)
        fails.append(
            Reason(
                en=f"interviews average {mean:.0f} min per participant; at least {average} min "
                f"on average (short: {short})",
                fi=f"haastattelut kestävät keskimäärin {mean:.0f} min kuntoutujaa kohden; "
                f"keskimäärin vähintään {average} min (lyhyemmät: {short})",
            )
        )
    others: dict[Purpose | None, int] = defaultdict(int)
    for session in individual:
        if session.purpose != Purpose.INTERVIEW:
            others[session.purpose] += session.minutes
    ordered = sorted(others.items(), key=lambda item: en.purpose(item[0]))
    extra_en = "".join(f"; {en.purpose(p)} {format_duration(m)} in all" for p, m in ordered)
    extra_fi = "".join(f"; {fi.purpose(p)}: yhteensä {format_duration(m)}" for p, m in ordered)
    return judged(
        "R5",
        fails,
        [
            Reason(
                en=f"interviews average {mean:.0f} min per participant (at least {average} min)"
                f"{extra_en}",
                fi=f"haastattelut kestävät keskimäärin {mean:.0f} min kuntoutujaa kohden "
                f"(vähintään {average} min){extra_fi}",
            )
        ],
    )


def r6_group_discussions(ctx: Context) -> RuleResult:
    """R6: the group opening and closing discussions last 2 h each on average (may be split)."""
    en, fi = ctx.en, ctx.fi
    average = ctx.standard.group_discussion_average_minutes
    fails, passes = [], []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        sessions = [
            s
            for s in ctx.with_purpose(purpose)
            if s.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP)
        ]
        per_participant = minutes_per_participant(ctx, sessions)
        mean_minutes = sum(per_participant.values()) / max(len(per_participant), 1)
        mean = format_duration(round(mean_minutes))
        parts_en = "; ".join(en.slot(s) for s in sessions) or "none"
        parts_fi = "; ".join(fi.slot(s) for s in sessions) or "ei yhtään"
        text = Reason(
            en=f"the {en.purpose(purpose)} averages {mean} per participant: {parts_en}",
            fi=f"{fi.purpose(purpose)} kestää keskimäärin {mean} kuntoutujaa kohden: {parts_fi}",
        )
        if mean_minutes < average:
            fails.append(
                Reason(
                    en=f"{text.en}; at least {format_duration(average)}",
                    fi=f"{text.fi}; vähintään {format_duration(average)}",
                )
            )
        else:
            passes.append(text)
    return judged("R6", fails, passes)


def r7_small_groups(ctx: Context) -> RuleResult:
    """R7: at least 2 h with the group split in two, each half with its own staff and room."""
    en, fi = ctx.en, ctx.fi
    minimum = ctx.standard.small_group_min_minutes
    halves_wanted = ctx.standard.small_group_halves
    fails = []
    split = 0
    good_units: list[Reason] = []
    for unit in small_group_units(ctx.sessions):
        first = unit[0]
        where = Reason(
            en=f"{en.title(first)}, {en.slot(first)}",
            fi=f"{fi.title(first)} {fi.slot(first)}",
        )
        problems = []
        if len(unit) != halves_wanted:
            problems.append(
                Reason(
                    en=f"{where.en} has {len(unit)} half/halves at that time; the group splits "
                    f"into {halves_wanted}",
                    fi=f"{where.fi}: samaan aikaan "
                    f"{fi_count(len(unit), 'pienryhmä', 'pienryhmää')}; ryhmä jaetaan "
                    f"{halves_wanted} pienryhmään",
                )
            )
        labels = [s.small_group for s in unit]
        if len(set(labels)) != len(labels):
            problems.append(
                Reason(
                    en=f"{where.en}: two halves carry the same label "
                    f"({', '.join(str(x) for x in labels)})",
                    fi=f"{where.fi}: kahdella pienryhmällä on sama tunnus "
                    f"({', '.join(str(x) for x in labels)})",
                )
            )
        seen: set[str] = set()
        for session in unit:
            overlap = seen & set(session.participants)
            if overlap:
                problems.append(
                    Reason(
                        en=f"{where.en}: {id_list(overlap)} are in two halves at once",
                        fi=f"{where.fi}: {id_list(overlap)} kahdessa pienryhmässä yhtä aikaa",
                    )
                )
            seen |= set(session.participants)
            if not session.staff:
                problems.append(
                    Reason(
                        en=f"{en.ref(session)} has no staff member of its own",
                        fi=f"{fi.ref(session)}: pienryhmällä ei ole omaa työntekijää",
                    )
                )
            if not session.room:
                problems.append(
                    Reason(
                        en=f"{en.ref(session)} has no room of its own",
                        fi=f"{fi.ref(session)}: pienryhmällä ei ole omaa tilaa",
                    )
                )
        missing = ctx.present(unit[0]) - seen
        if missing:
            problems.append(
                Reason(
                    en=f"{where.en} leaves out {id_list(missing)}",
                    fi=f"{where.fi}: pienryhmistä puuttuu {id_list(missing)}",
                )
            )
        for a, b in combinations(unit, 2):
            shared = set(a.staff) & set(b.staff)
            if shared:
                problems.append(
                    Reason(
                        en=f"{en.name(a)} and {en.name(b)} share staff {en.people(shared)}; each "
                        "half has its own",
                        fi=f"{fi.name(a)} ja {fi.name(b)}: yhteinen työntekijä {fi.people(shared)}; "
                        "kummallakin pienryhmällä on oma",
                    )
                )
            if a.room and a.room == b.room:
                problems.append(
                    Reason(
                        en=f"{en.name(a)} and {en.name(b)} are both in {en.room(a.room)}; each "
                        "half has a room of its own",
                        fi=f"{fi.name(a)} ja {fi.name(b)} ovat molemmat tilassa "
                        f"{fi.room(a.room)}; kummallakin pienryhmällä on oma tila",
                    )
                )
        if problems:
            fails.extend(problems)
        else:
            split += first.minutes
            good_units.append(where)
    units_en = "; ".join(u.en for u in good_units)
    units_fi = "; ".join(u.fi for u in good_units)
    if split < minimum:
        fails.append(
            Reason(
                en=f"the group is split in two for {format_duration(split)} "
                f"({units_en or 'never'}); at least {format_duration(minimum)}",
                fi=f"ryhmä on jaettu kahteen pienryhmään yhteensä {format_duration(split)} "
                f"({units_fi or 'ei kertaakaan'}); vähintään {format_duration(minimum)}",
            )
        )
    return judged(
        "R7",
        fails,
        [
            Reason(
                en=f"the group is split in two for {format_duration(split)}: {units_en}",
                fi=f"ryhmä on jaettu kahteen pienryhmään yhteensä {format_duration(split)}: "
                f"{units_fi}",
            )
        ],
    )


def r8_meals(ctx: Context) -> RuleResult:
    """R8: every course day has a lunch of the course's length inside its lunch window."""
    en, fi = ctx.en, ctx.fi
    if not ctx.standard.lunch_required:
        return not_applicable(
            "R8",
            Reason(
                en="the standard requires no lunch break", fi="standardi ei edellytä lounastaukoa"
            ),
        )
    lunch = ctx.timetable.course.lunch
    lunches = [s for s in ctx.sessions if s.kind == SessionKind.MEAL and s.purpose == Purpose.LUNCH]
    fails, passes = [], []
    for day in ctx.days:
        todays = [s for s in lunches if s.date == day]
        if not todays:
            fails.append(Reason(en=f"{en.day(day)} has no lunch", fi=f"{fi.day(day)}: ei lounasta"))
            continue
        if len(todays) > 1:
            fails.append(
                Reason(
                    en=f"{en.day(day)} has {len(todays)} lunches: "
                    f"{', '.join(en.clock(s.start, s.end) for s in todays)}",
                    fi=f"{fi.day(day)}: {len(todays)} lounasta (klo "
                    f"{', '.join(fi.clock(s.start, s.end) for s in todays)})",
                )
            )
        for session in todays:
            if not lunch.window.contains(session.start, session.end):
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} is outside the lunch window "
                        f"{en.window(lunch.window)}",
                        fi=f"{fi.ref(session)} ei ole lounasajan {fi.window(lunch.window)} sisällä",
                    )
                )
            if session.minutes < lunch.minutes:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} lasts {format_duration(session.minutes)}; lunch "
                        f"is {format_duration(lunch.minutes)}",
                        fi=f"{fi.ref(session)} kestää {format_duration(session.minutes)}; lounas "
                        f"kestää {format_duration(lunch.minutes)}",
                    )
                )
            missing = ctx.present(session) - set(session.participants)
            if missing:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} leaves out {id_list(missing)}",
                        fi=f"{fi.ref(session)}: lounaalta puuttuu {id_list(missing)}",
                    )
                )
        passes.append(
            Reason(
                en=f"{en.day(day)} {', '.join(en.clock(s.start, s.end) for s in todays)}",
                fi=f"{fi.day(day)} {', '.join(fi.clock(s.start, s.end) for s in todays)}",
            )
        )
    return judged(
        "R8",
        fails,
        [
            Reason(
                en=f"lunch within {en.window(lunch.window)} every day: "
                + "; ".join(p.en for p in passes),
                fi=f"lounas joka päivä klo {fi.window(lunch.window)} välillä: "
                + "; ".join(p.fi for p in passes),
            )
        ],
    )
