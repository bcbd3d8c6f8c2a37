"""Staff (§7 of the standard): the team, special workers, other staff and hours, R20-R28."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from models.base import (
    Purpose,
    SessionKind,
    StaffGroup,
    format_duration,
    text_in,
)
from models.course import StaffMember
from models.standard import Standard
from models.timetable import Session
from scheduler.check.context import Context, by_part, id_list
from scheduler.check.findings import (
    absence_notes,
    spec_issues,
    wrong_day,
)
from scheduler.check.report import Reason, RuleResult, judged, not_applicable
from scheduler.domain.hours import GroupHours, judge_shares, unique_staff
from scheduler.domain.people import acting_twice
from scheduler.words import fi_count, fi_number, group_name, label, lower_first


def r20_team(ctx: Context) -> RuleResult:
    """R20: the team is 4 different people in the standard's roles, each with their minimum hours.

    A re-plan's stand-in (`replaces`) holds the place of whom they replace: the place counts
    once and its hours are both people's together.
    """
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.team
    places: dict[str, list[StaffMember]] = defaultdict(list)
    for member in ctx.team():
        places[ctx.course.position_of(member)].append(member)

    def role_of(place: str) -> str:
        holder = ctx.staff.get(place)
        return holder.role if holder is not None else places[place][0].role

    def name(place: str) -> Reason:
        stand_ins = [m.id for m in places[place] if m.id != place]
        role_en, role_fi = en.role(role_of(place)), fi.role(role_of(place))
        return Reason(
            en=f"{en.person(place)} ({role_en})"
            + (f" with stand-in {en.people(stand_ins)}" if stand_ins else ""),
            fi=f"{fi.person(place)} ({role_fi}"
            + (f", sijaisena {fi.people(stand_ins)})" if stand_ins else ")"),
        )

    def minutes(place: str) -> int:
        return sum(ctx.hours.person(m.id).minutes for m in places[place])

    fails = []
    if len(places) != rules.size:
        fails.append(
            Reason(
                en=f"the team has {len(places)} people ({en.people(places)}); the standard "
                f"wants {rules.size}",
                fi=f"työryhmässä on {fi_count(len(places), 'henkilö', 'henkilöä')} "
                f"({fi.people(places)}); standardi edellyttää {rules.size}",
            )
        )
    for role, limit in rules.roles.items():
        holders = [place for place in places if role_of(place) == role]
        if len(holders) != limit.count:
            fails.append(
                Reason(
                    en=f"the team has {len(holders)} {en.role(role)}(s); the standard wants "
                    f"{limit.count}",
                    fi=f"työryhmässä on {fi_count(len(holders), 'henkilö', 'henkilöä')} "
                    f"ammatiltaan {fi.role(role)}; standardi edellyttää {limit.count}",
                )
            )
        for place in holders:
            if minutes(place) < limit.min_minutes:
                given, least = format_duration(minutes(place)), format_duration(limit.min_minutes)
                fails.append(
                    Reason(
                        en=f"{name(place).en} has {given} with participants; at least {least}",
                        fi=f"{name(place).fi}: {given} kuntoutujien kanssa; vähintään {least}",
                    )
                )
    for member in ctx.team():
        if member.role not in rules.roles:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is in the team, but the team's roles are "
                    f"{en.roles(rules.roles)}",
                    fi=f"{fi.who(member.id)} on työryhmässä, mutta työryhmän ammatit ovat "
                    f"{fi.roles(rules.roles)}",
                )
            )
    return judged(
        "R20",
        fails,
        [
            Reason(
                en=", ".join(f"{name(p).en} {format_duration(minutes(p))}" for p in places),
                fi=", ".join(f"{name(p).fi} {format_duration(minutes(p))}" for p in places),
            )
        ],
    )


def r21_experience(ctx: Context) -> RuleResult:
    """R21: the physician's years, another member's rheumatology hours, group-leading hours."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.experience
    team = ctx.team()
    physicians = [m for m in team if m.role == ctx.standard.team.physician_role]
    others = [m for m in team if m.role != ctx.standard.team.physician_role]
    window = Reason(
        en=f"in the last {rules.window_years} years",
        fi=f"viimeisten {rules.window_years} vuoden aikana",
    )

    def years_fi(years: float) -> str:
        return f"{fi_number(years)} {'vuosi' if years == 1 else 'vuotta'}"

    fails, passes = [], []
    if not physicians:
        fails.append(
            Reason(
                en="no physician in the team whose experience could be checked",
                fi="työryhmässä ei ole lääkäriä, jonka kokemuksen voisi tarkistaa",
            )
        )
    for member in physicians:
        years = member.experience.rheumatology_years
        least = rules.physician_min_years
        if years is None or years < least:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)}: rheumatology experience "
                    f"{'not given' if years is None else f'{years:g} years'}; at least "
                    f"{least:g} years {window.en}",
                    fi=f"{fi.who(member.id)}: reumatologista kokemusta "
                    f"{'ei ole ilmoitettu' if years is None else years_fi(years)}; vähintään "
                    f"{years_fi(least)} {window.fi}",
                )
            )
        else:
            passes.append(
                Reason(
                    en=f"{en.who(member.id)} {years:g} years of rheumatology",
                    fi=f"{fi.who(member.id)} {years_fi(years)} reumatologista kokemusta",
                )
            )

    def member_with(
        least: float, hours_of: Callable[[StaffMember], float | None], what: Reason
    ) -> None:
        """The first team member besides the physician with enough hours of something."""
        found = [m for m in others if (hours_of(m) or 0) >= least]
        if not found:
            fails.append(
                Reason(
                    en=f"no team member besides the physician has {least:g} h of {what.en} "
                    f"{window.en}",
                    fi=f"lääkärin lisäksi kenelläkään työryhmän jäsenellä ei ole "
                    f"{fi_number(least)} h {what.fi} {window.fi}",
                )
            )
            return
        hours = hours_of(found[0]) or 0
        passes.append(
            Reason(
                en=f"{en.who(found[0].id)} {hours:g} h of {what.en}",
                fi=f"{fi.who(found[0].id)} {fi_number(hours)} h {what.fi}",
            )
        )

    member_with(
        rules.other_member_min_rheumatology_hours,
        lambda m: m.experience.rheumatology_hours,
        Reason(en="rheumatology work", fi="reumatologista työkokemusta"),
    )
    member_with(
        rules.non_physician_min_group_leading_hours,
        lambda m: m.experience.group_leading_hours,
        Reason(en="leading groups", fi="kokemusta ryhmien ohjaamisesta"),
    )
    return judged(
        "R21",
        fails,
        [
            Reason(
                en="; ".join(p.en for p in passes) + f" ({window.en})",
                fi="; ".join(p.fi for p in passes) + f" ({window.fi})",
            )
        ],
    )


def r22_course_lead(ctx: Context) -> RuleResult:
    """R22: exactly one team member is the course lead."""
    en, fi = ctx.en, ctx.fi
    leads = [m for m in ctx.course.staff if m.course_lead]
    if not ctx.standard.team.course_lead_required and not leads:
        return not_applicable(
            "R22",
            Reason(
                en="the standard names no course lead", fi="standardi ei edellytä kurssivastaavaa"
            ),
        )
    fails = []
    if len(leads) != 1:
        fails.append(
            Reason(
                en=f"{len(leads)} course leads ({en.people(m.id for m in leads) or 'none'}); "
                "exactly one",
                fi=f"kurssivastaavia on {len(leads)} "
                f"({fi.people(m.id for m in leads) or 'ei ketään'}); kuuluu olla täsmälleen yksi",
            )
        )
    for member in leads:
        if ctx.group_of(member) != StaffGroup.TEAM:
            fails.append(
                Reason(
                    en=f"the course lead {en.who(member.id)} is not a team member",
                    fi=f"kurssivastaava {fi.who(member.id)} ei ole työryhmän jäsen",
                )
            )
    found = (
        Reason(
            en=f"the course lead is {en.who(leads[0].id)}",
            fi=f"kurssivastaava on {fi.who(leads[0].id)}",
        )
        if leads
        else Reason(en="", fi="")
    )
    return judged("R22", fails, [found])


def r23_lectures(ctx: Context) -> RuleResult:
    """R23: the physician gives lectures on the disease; another team member may join."""
    en, fi = ctx.en, ctx.fi
    lectures = [s for s in ctx.with_purpose(Purpose.LECTURE) if s.kind == SessionKind.GROUP]
    fails = []
    if not lectures:
        fails.append(
            Reason(
                en="no physician's lecture in the timetable",
                fi="aikataulussa ei ole lääkärin alustusta",
            )
        )
    for session in lectures:
        for part in by_part(session):
            if not any(ctx.is_physician(s) for s in unique_staff(part)):
                fails.append(
                    Reason(
                        en=f"the lecture {en.ref(part)} is not given by the physician",
                        fi=f"{fi.ref(part)}: alustusta ei pidä lääkäri",
                    )
                )
        for staff_id in unique_staff(session):
            if not ctx.is_team(staff_id):
                fails.append(
                    Reason(
                        en=f"{en.who(staff_id)} is in the lecture {en.ref(session)}; only another "
                        "team member may join the physician",
                        fi=f"{fi.ref(session)}: mukana on {fi.who(staff_id)}; lääkärin lisäksi "
                        "mukana voi olla vain toinen työryhmän jäsen",
                    )
                )
    # Staff count and days of the items; who leads is judged above, by the standard's words.
    for session in ctx.for_rule("R23"):
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        for part in by_part(session):
            if len(unique_staff(part)) < spec.staff:
                fails.append(
                    Reason(
                        en=f"{en.ref(part)} has fewer staff than it needs ({spec.staff})",
                        fi=f"{fi.ref(part)}: työntekijöitä on vähemmän kuin vaaditaan "
                        f"({spec.staff})",
                    )
                )
        misplaced = wrong_day(ctx, session, spec)
        if misplaced is not None:
            fails.append(misplaced)
    return judged(
        "R23",
        fails,
        [
            Reason(
                en=f"{en.ref(s)} by {', '.join(en.who(x) for x in unique_staff(s))}",
                fi=f"{fi.ref(s)}; alustajana {', '.join(fi.who(x) for x in unique_staff(s))}",
            )
            for s in lectures
        ]
        + absence_notes(ctx, lectures),
    )


def r24_special_workers(ctx: Context) -> RuleResult:
    """R24: at least 2 special workers of different professions from the standard's list."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.special_workers
    titles = {p.id: lower_first(text_in(p.title, "fi")) for p in rules.professions}
    titles_en = {p.id: lower_first(text_in(p.title, "en")) for p in rules.professions}
    special = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.SPECIAL]
    fails = []
    professions: dict[str, list[str]] = defaultdict(list)
    for member in special:
        profession = rules.profession_of(member.role)
        if profession is None:
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is a special worker, but {en.role(member.role)} is "
                    "not on the standard's exhaustive list",
                    fi=f"{fi.who(member.id)} on erityistyöntekijä, mutta ammatti "
                    f"{fi.role(member.role)} ei ole standardin luettelossa",
                )
            )
            continue
        if ctx.hours.person(member.id).minutes > 0:
            professions[profession].append(member.id)
    taking_part = sorted(professions.items())
    if len(professions) < rules.min_count:
        listed_en = "; ".join(f"{titles_en[p]}: {en.people(ids)}" for p, ids in taking_part)
        listed_fi = "; ".join(f"{titles[p]}: {fi.people(ids)}" for p, ids in taking_part)
        fails.append(
            Reason(
                en=f"special workers of {len(professions)} profession(s) take part "
                f"({listed_en or 'none'}); at least {rules.min_count} different professions",
                fi=f"mukana on erityistyöntekijöitä {len(professions)} ammatista "
                f"({listed_fi or 'ei ketään'}); vähintään {rules.min_count} eri ammatista",
            )
        )

    def minutes(ids: list[str]) -> str:
        return format_duration(sum(ctx.hours.person(i).minutes for i in ids))

    return judged(
        "R24",
        fails,
        [
            Reason(
                en="special workers taking part: "
                + "; ".join(
                    f"{titles_en[p]}: {en.people(ids)} {minutes(ids)}" for p, ids in taking_part
                ),
                fi="mukana olevat erityistyöntekijät: "
                + "; ".join(
                    f"{titles[p]}: {fi.people(ids)} {minutes(ids)}" for p, ids in taking_part
                ),
            )
        ],
    )


def r25_other_staff(ctx: Context) -> RuleResult:
    """R25: nobody who acts as a team member or special worker also acts as other staff.

    §7.3: "Työryhmän jäsenenä tai erityistyöntekijänä toimiva henkilö ei voi toimia muuna
    kuntoutushenkilöstönä" speaks of a person, not a profession: a fifth physiotherapist or a
    second psychologist may work as other staff. A person is one staff entry; the same name
    on an other-staff entry and a team or special-worker entry is the same person twice.
    """
    en, fi = ctx.en, ctx.fi
    other = [m for m in ctx.course.staff if ctx.group_of(m) == StaffGroup.OTHER]
    if not other:
        return not_applicable(
            "R25",
            Reason(
                en="no other staff on the course",
                fi="kurssilla ei ole muuta kuntoutushenkilöstöä",
            ),
        )
    fails = []
    for member, twin in acting_twice(ctx.course):
        fails.append(
            Reason(
                en=f"{member.name} is listed as other staff ({en.role(member.role)}) and in "
                f"the {en.group(ctx.group_of(twin).value)} ({en.role(twin.role)}); a team "
                "member or special worker may not also work as other staff",
                fi=f"{member.name} on merkitty sekä muuksi kuntoutushenkilöstöksi "
                f"({fi.role(member.role)}) että henkilöstöryhmään "
                f"”{fi.group(ctx.group_of(twin).value)}” ({fi.role(twin.role)}); työryhmän "
                "jäsen tai erityistyöntekijä ei voi toimia muuna kuntoutushenkilöstönä",
            )
        )
    hours = {m.id: format_duration(ctx.hours.person(m.id).minutes) for m in other}
    return judged(
        "R25",
        fails,
        [
            Reason(
                en="other staff: " + ", ".join(f"{en.who(m.id)} {hours[m.id]}" for m in other),
                fi="muu kuntoutushenkilöstö: "
                + ", ".join(f"{fi.who(m.id)} {hours[m.id]}" for m in other),
            )
        ],
    )


def r26_total_hours(ctx: Context) -> RuleResult:
    """R26: staff hours with participants are at least 41 h (length x staff per session)."""
    total = format_duration(ctx.hours.total_minutes)
    minimum = format_duration(ctx.standard.staff_hours.min_total_minutes)
    lines = [line for line in ctx.hours.lines if not line.subtotal and line.minutes]
    lines_en = "; ".join(
        f"{lower_first(label(f'hours_line_{line.key}', 'en'))} {format_duration(line.minutes)}"
        for line in lines
    )
    lines_fi = "; ".join(
        f"{lower_first(label(f'hours_line_{line.key}', 'fi'))} {format_duration(line.minutes)}"
        for line in lines
    )
    text = Reason(
        en=f"staff hours with participants {total} ({lines_en})",
        fi=f"henkilöstön tunnit kuntoutujien kanssa {total} ({lines_fi})",
    )
    if ctx.hours.total_minutes < ctx.standard.staff_hours.min_total_minutes:
        return judged(
            "R26",
            [Reason(en=f"{text.en}; at least {minimum}", fi=f"{text.fi}; vähintään {minimum}")],
        )
    return judged(
        "R26",
        [],
        [Reason(en=f"{text.en}, at least {minimum}", fi=f"{text.fi}; vähintään {minimum}")],
    )


def r27_shares(ctx: Context) -> RuleResult:
    """R27: each staff group's share of the hours is within its band (whole hours, half up)."""
    return share_result(ctx.standard, ctx.hours.minutes_by_group)


def _share_words(group: GroupHours) -> Reason:
    """'team 33 h = 70.2 % of 47 h; band 60-70 % = 28 h-33 h'"""
    low, high = (format_duration(m) for m in group.whole_band_minutes)
    first, last = group.band_percent
    hours, total = format_duration(group.minutes), format_duration(group.total_minutes)
    share = f"{group.share_percent:.1f}"
    return Reason(
        en=f"{group_name(group.group.value, 'en')} {hours} = {share} % of {total}; band "
        f"{first}–{last} % = {low} – {high}",
        fi=f"{group_name(group.group.value, 'fi')} {hours} eli {share.replace('.', ',')} % "
        f"kokonaismäärästä {total}; sallittu {first}–{last} % eli {low} – {high}",
    )


def share_result(standard: Standard, minutes_by_group: dict[StaffGroup, int]) -> RuleResult:
    """R27 for given minutes per staff group (a pure function: Appendix 2's splits test it)."""
    groups = judge_shares(standard, minutes_by_group)
    fails = [
        Reason(
            en=f"{_share_words(g).en}: outside the band",
            fi=f"{_share_words(g).fi}: vaihteluvälin ulkopuolella",
        )
        for g in groups
        if not g.within
    ]
    return judged("R27", fails, [_share_words(g) for g in groups])


def r28_staff_meetings(ctx: Context) -> RuleResult:
    """R28: the team members meet during the course (no participants).

    §7.1 says the team members hold staff meetings, not when nor that every one attends: a
    meeting is at least the standard's number of team members (the whole team is a course
    preference). The team is its places: a re-plan's stand-in fills the place of whom they
    replace, so one place counts once.
    """
    en, fi = ctx.en, ctx.fi
    meetings = [s for s in ctx.sessions if s.kind == SessionKind.STAFF_MEETING]
    place_of = {m.id: ctx.course.position_of(m) for m in ctx.team()}
    team = set(place_of.values())
    spec = ctx.mandatory(Purpose.STAFF_MEETING)
    least = spec.staff if spec is not None else 2
    fails = []
    if not meetings:
        fails.append(Reason(en="the team holds no meeting", fi="työryhmällä ei ole kokousta"))
    for session in meetings:
        if session.participants:
            fails.append(
                Reason(
                    en=f"the team meeting {en.ref(session)} lists participants "
                    f"{id_list(session.participants)}",
                    fi=f"{fi.ref(session)}: työryhmän kokoukseen on merkitty kuntoutujia "
                    f"({id_list(session.participants)})",
                )
            )

    def places_in(session: Session) -> set[str]:
        """The team places there all through (a split meeting: those in every part)."""
        parts = [{place_of[x] for x in p.staff if x in place_of} for p in by_part(session)]
        return set.intersection(*parts)

    held = [s for s in meetings if len(places_in(s)) >= least]
    if meetings and not held:
        fails.append(
            Reason(
                en=f"no team meeting has {least} team members: "
                + "; ".join(
                    f"{en.ref(s)} has {en.people(places_in(s)) or 'none'}" for s in meetings
                ),
                fi=f"yhdessäkään työryhmän kokouksessa ei ole {least} työryhmän jäsentä: "
                + "; ".join(
                    f"{fi.ref(s)} – mukana {fi.people(places_in(s)) or 'ei ketään'}"
                    for s in meetings
                ),
            )
        )
    fails.extend(spec_issues(ctx, ctx.for_rule("R28")))
    return judged(
        "R28",
        fails,
        [
            Reason(
                en="the team meets: "
                + "; ".join(
                    f"{en.ref(s)}"
                    + (
                        f" (not there: {en.people(team - places_in(s))})"
                        if team - places_in(s)
                        else ""
                    )
                    for s in held
                ),
                fi="työryhmä kokoontuu: "
                + "; ".join(
                    f"{fi.ref(s)}"
                    + (
                        f" (poissa: {fi.people(team - places_in(s))})"
                        if team - places_in(s)
                        else ""
                    )
                    for s in held
                ),
            )
        ],
    )
