"""Course flow (§6 of the standard): R12-R19."""

from __future__ import annotations

from collections import defaultdict

from models.base import (
    Purpose,
    SessionKind,
    StaffGroup,
    format_clock,
    format_duration,
)
from models.timetable import Session
from scheduler.check.context import (
    Context,
    by_part,
    id_list,
)
from scheduler.check.findings import (
    absence_notes,
    coverage_issues,
    minutes_per_participant,
    overlapping_pairs,
    spec_issues,
)
from scheduler.check.report import Reason, RuleResult, judged, not_applicable
from scheduler.domain.hours import unique_staff
from scheduler.words import fi_count


def r12_first_day(ctx: Context) -> RuleResult:
    """R12: day 1 starts with the opening discussion; nothing with participants comes before it."""
    en, fi = ctx.en, ctx.fi
    if not ctx.days:
        return judged("R12", [Reason(en="the course has no days", fi="kurssilla ei ole päiviä")])
    first_day = ctx.days[0]
    openings = [s for s in ctx.with_purpose(Purpose.OPENING) if s.date == first_day]
    if not openings:
        return judged(
            "R12",
            [
                Reason(
                    en=f"no opening discussion on {en.day(first_day)} to start the course",
                    fi=f"kurssi ei ala aloituskeskustelulla: sitä ei ole {fi.on_day(first_day)}",
                )
            ],
        )
    opening = min(openings, key=lambda s: s.start)
    earlier = [
        s
        for s in ctx.sessions
        if s.date == first_day and s.participants and s.start < opening.start
    ]
    fails = [
        Reason(
            en=f"{en.ref(s)} comes before the opening discussion ({format_clock(opening.start)})",
            fi=f"{fi.ref(s)} alkaa ennen aloituskeskustelua (klo {format_clock(opening.start)})",
        )
        for s in earlier
    ]
    return judged(
        "R12",
        fails,
        [
            Reason(
                en=f"the course starts with {en.ref(opening)}",
                fi=f"kurssi alkaa aloituskeskustelulla: {fi.ref(opening)}",
            )
        ],
    )


def r13_goal_work(ctx: Context) -> RuleResult:
    """R13: goal setting is introduced to the group on day 1; GAS goal meetings come later."""
    en, fi = ctx.en, ctx.fi
    fails, passes = [], []
    intros = ctx.with_purpose(Purpose.GOAL_INTRO)
    if ctx.mandatory(Purpose.GOAL_INTRO) is not None or intros:
        on_day_1 = [s for s in intros if ctx.days and s.date == ctx.days[0]]
        if not on_day_1:
            fails.append(
                Reason(
                    en="goal setting is not introduced to the group on day 1 (no "
                    f"“{en.purpose(Purpose.GOAL_INTRO)}”)",
                    fi="tavoitteiden asettamista ei esitellä ryhmälle päivänä 1 (ei ohjelmakohtaa "
                    f"”{fi.purpose(Purpose.GOAL_INTRO)}”)",
                )
            )
        else:
            passes.append(
                Reason(
                    en=f"introduced in {en.ref(on_day_1[0])}",
                    fi=f"tavoitetyöskentely esitellään: {fi.ref(on_day_1[0])}",
                )
            )
    fails.extend(spec_issues(ctx, ctx.for_rule("R13")))
    gas = ctx.with_purpose(Purpose.GAS_GOALS)
    for session in gas:
        if ctx.day_index(session.date) == 0:
            fails.append(
                Reason(
                    en=f"GAS goal meeting {en.ref(session)} is on day 1; it comes later",
                    fi=f"{fi.ref(session)}: GAS-tavoitetapaamisen kuuluu olla vasta päivän 1 "
                    "jälkeen",
                )
            )
    if gas:
        days = [d for d in {ctx.day_index(s.date) for s in gas} if d is not None]
        passes.append(
            Reason(
                en=f"GAS goal meetings on {en.days(days)}",
                fi=f"GAS-tavoitetapaamiset {fi.days(days, either=False)}",
            )
        )
    return judged(
        "R13",
        fails,
        [
            Reason(en="; ".join(p.en for p in passes), fi="; ".join(p.fi for p in passes)),
            *absence_notes(ctx, intros),
        ],
    )


def _interviews_on_allowed_days(ctx: Context) -> tuple[list[Session], tuple[int, ...]]:
    spec = ctx.mandatory(Purpose.INTERVIEW)
    allowed = spec.allowed_days(len(ctx.days)) if spec else tuple(range(len(ctx.days)))
    interviews = [
        s for s in ctx.with_purpose(Purpose.INTERVIEW) if s.kind == SessionKind.INDIVIDUAL
    ]
    return interviews, allowed


def r14_interviews(ctx: Context) -> RuleResult:
    """R14: on day 1 or 2 a team member interviews each participant (60 min each)."""
    en, fi = ctx.en, ctx.fi
    needed = ctx.standard.individual_average_minutes
    interviews, allowed = _interviews_on_allowed_days(ctx)
    fails = []
    for session in interviews:
        if ctx.day_index(session.date) not in allowed:
            fails.append(
                Reason(
                    en=f"interview {en.ref(session)} is not on {en.days(allowed)}",
                    fi=f"{fi.ref(session)}: haastattelun kuuluu olla {fi.days(allowed)}",
                )
            )
        for part in by_part(session):
            if not any(ctx.is_team(s) for s in part.staff):
                fails.append(
                    Reason(
                        en=f"interview {en.ref(part)} has no team member",
                        fi=f"{fi.ref(part)}: haastattelussa ei ole työryhmän jäsentä",
                    )
                )
    in_time = [
        s
        for s in interviews
        if ctx.day_index(s.date) in allowed
        and all(any(ctx.is_team(x) for x in part.staff) for part in by_part(s))
    ]
    per_participant = minutes_per_participant(ctx, in_time)
    deadline = max(allowed, default=0)
    for participant, minutes in sorted(per_participant.items()):
        if minutes < needed and not ctx.left_by_end_of(participant, deadline):
            fails.append(
                Reason(
                    en=f"{participant} has {format_duration(minutes)} of interview by a team "
                    f"member on {en.days(allowed)}; {format_duration(needed)} needed",
                    fi=f"{participant}: työryhmän jäsenen haastattelua {format_duration(minutes)} "
                    f"{fi.days(allowed)}; tarvitaan {format_duration(needed)}",
                )
            )
    fails.extend(spec_issues(ctx, ctx.for_rule("R14"), days=False))
    count = len(per_participant)
    return judged(
        "R14",
        fails,
        [
            Reason(
                en=f"all {count} participants interviewed by a team member on {en.days(allowed)}"
                f", {format_duration(needed)} each",
                fi=f"työryhmän jäsen haastattelee kaikki {count} kuntoutujaa {fi.days(allowed)}, "
                f"kunkin {format_duration(needed)}",
            )
        ],
    )


def r15_first_goal(ctx: Context) -> RuleResult:
    """R15: a team member sets a GAS goal with each participant after the interview, by day 2."""
    en, fi = ctx.en, ctx.fi
    deadline = ctx.standard.gas_goal_deadline_day
    interviews, _ = _interviews_on_allowed_days(ctx)
    gas = [s for s in ctx.with_purpose(Purpose.GAS_GOALS) if s.kind == SessionKind.INDIVIDUAL]
    fails = []
    for participant in sorted(ctx.participants):
        own_gas = sorted(
            (s for s in gas if participant in s.participants), key=lambda s: (s.date, s.start)
        )
        own_interviews = sorted(
            (s for s in interviews if participant in s.participants),
            key=lambda s: (s.date, s.start),
        )
        if not own_gas:
            if not ctx.left_by_end_of(participant, deadline - 1):
                fails.append(
                    Reason(
                        en=f"{participant} has no GAS goal meeting",
                        fi=f"{participant}: ei GAS-tavoitetapaamista",
                    )
                )
            continue
        first = own_gas[0]
        index = ctx.day_index(first.date)
        if index is None or index + 1 > deadline:
            fails.append(
                Reason(
                    en=f"{participant}'s first GAS goal meeting {en.ref(first)} is after day "
                    f"{deadline}",
                    fi=f"{participant}: ensimmäinen GAS-tavoitetapaaminen on vasta päivän "
                    f"{deadline} jälkeen: {fi.ref(first)}",
                )
            )
        if not own_interviews:
            fails.append(
                Reason(
                    en=f"{participant}'s GAS goal meeting ({en.ref(first)}) follows no interview",
                    fi=f"{participant}: ennen GAS-tavoitetapaamista ei ole haastattelua "
                    f"({fi.name(first)})",
                )
            )
        else:
            interview = own_interviews[0]
            if (first.date, first.start) < (interview.date, interview.end):
                fails.append(
                    Reason(
                        en=f"{participant}'s GAS goal meeting {en.ref(first)} comes before the "
                        f"interview {en.ref(interview)} ends",
                        fi=f"{participant}: {fi.ref(first)} alkaa ennen kuin haastattelu "
                        f"({fi.ref(interview)}) päättyy",
                    )
                )
        for part in by_part(first):
            if not any(ctx.is_team(s) for s in part.staff):
                fails.append(
                    Reason(
                        en=f"{participant}'s GAS goal meeting {en.ref(part)} has no team member",
                        fi=f"{participant}: GAS-tavoitetapaamisessa ({fi.ref(part)}) ei ole "
                        "työryhmän jäsentä",
                    )
                )
    fails.extend(spec_issues(ctx, ctx.for_rule("R15"), days=False))
    return judged(
        "R15",
        fails,
        [
            Reason(
                en="every participant sets a GAS goal with a team member after the interview, "
                f"by the end of day {deadline}",
                fi="jokainen kuntoutuja asettaa GAS-tavoitteen työryhmän jäsenen kanssa "
                f"haastattelun jälkeen, viimeistään päivänä {deadline}",
            )
        ],
    )


def r16_interviews_vs_group(ctx: Context) -> RuleResult:
    """R16: an individual session overlaps only interruptible group sessions (never the opening,
    closing, a lecture, small groups, meals or off-site sessions)."""
    en, fi = ctx.en, ctx.fi
    never = set(ctx.standard.never_interrupted)
    individual = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL]
    if not individual:
        return not_applicable(
            "R16", Reason(en="no individual sessions", fi="ei yksilöllisiä tapaamisia")
        )
    bad: dict[tuple[str, str], list[str]] = defaultdict(list)
    allowed: dict[str, Reason] = {}
    refs: dict[str, Session] = {}
    for participant in ctx.participants:
        own = [s for s in ctx.sessions if participant in s.participants]
        for a, b in overlapping_pairs(own):
            if (a.kind == SessionKind.INDIVIDUAL) == (b.kind == SessionKind.INDIVIDUAL):
                continue  # two individual or two group-level sessions: R29's business
            solo, group = (a, b) if a.kind == SessionKind.INDIVIDUAL else (b, a)
            interruptible = (
                group.kind == SessionKind.GROUP
                and group.interruptible
                and group.purpose not in never
                and ctx.offsite_room(group) is None
            )
            refs[solo.id], refs[group.id] = solo, group
            if interruptible:
                allowed.setdefault(
                    f"{solo.id} in {group.id}",
                    Reason(
                        en=f"{en.name(solo)} during {en.name(group)}",
                        fi=f"{fi.name(solo)} samaan aikaan kuin {fi.name(group)}",
                    ),
                )
            else:
                bad[(solo.id, group.id)].append(participant)
    fails = [
        Reason(
            en=f"{id_list(people)}: {en.ref(refs[solo])} overlaps {en.ref(refs[group])}, which may "
            "not be interrupted",
            fi=f"{id_list(people)}: {fi.ref(refs[solo])} on samaan aikaan kuin "
            f"{fi.ref(refs[group])}, jota ei saa keskeyttää",
        )
        for (solo, group), people in sorted(bad.items())
    ]
    pairs = sorted(allowed)
    count = fi_count(len(pairs), "yksilötapaaminen on", "yksilötapaamista on")
    return judged(
        "R16",
        fails,
        [
            Reason(
                en=f"{len(pairs)} individual session(s) overlap interruptible group sessions only"
                + (f": {'; '.join(allowed[p].en for p in pairs)}" if pairs else ""),
                fi=f"{count} päällekkäin vain keskeytettävien ryhmätapaamisten kanssa"
                + (f": {'; '.join(allowed[p].fi for p in pairs)}" if pairs else ""),
            )
        ],
    )


def r17_goal_review(ctx: Context) -> RuleResult:
    """R17: GAS goals are reviewed during the course and at the closing discussion."""
    en, fi = ctx.en, ctx.fi
    reviews = ctx.with_purpose(Purpose.GOAL_REVIEW)
    fails = []
    if not reviews:
        fails.append(
            Reason(
                en="no goal review session during the course",
                fi="kurssin aikana ei ole tavoitteiden välitarkastelua",
            )
        )
    fails.extend(coverage_issues(ctx, reviews, Purpose.GOAL_REVIEW))
    fails.extend(spec_issues(ctx, ctx.for_rule("R17")))
    # A review comes after the goals it reviews are set (§6.2: the goals set in the form are
    # reviewed): each participant's after their first GAS goal meeting.
    gas = ctx.with_purpose(Purpose.GAS_GOALS)
    for review in reviews:
        early = sorted(
            participant
            for participant in review.participants
            if any(
                participant in goal.participants
                and (goal.date, goal.end) > (review.date, review.start)
                for goal in gas
            )
        )
        if early:
            fails.append(
                Reason(
                    en=f"goal review {en.ref(review)} comes before the GAS goals of "
                    f"{id_list(early)} are set",
                    fi=f"{fi.ref(review)}: välitarkastelu on ennen kuin tavoitteet on asetettu "
                    f"({id_list(early)})",
                )
            )
    closings = ctx.with_purpose(Purpose.CLOSING)
    if not closings:
        fails.append(
            Reason(
                en="no closing discussion to review the goals at",
                fi="aikataulussa ei ole loppukeskustelua, jossa tavoitteet arvioidaan",
            )
        )
    return judged(
        "R17",
        fails,
        [
            Reason(
                en=f"goals reviewed in {en.refs(reviews)} and at the closing discussion "
                f"({'; '.join(en.slot(s) for s in closings)})",
                fi=f"tavoitteiden välitarkastelu: {'; '.join(fi.ref(s) for s in reviews)}; "
                f"arviointi loppukeskustelussa {'; '.join(fi.slot(s) for s in closings)}",
            ),
            *absence_notes(ctx, reviews),
        ],
    )


def _discussion_staff(ctx: Context, sessions: list[Session]) -> list[Reason]:
    """R18/R19's finding: each discussion with whom."""
    en, fi = ctx.en, ctx.fi
    return [
        Reason(
            en=f"{en.ref(s)} with {', '.join(en.who(x) for x in unique_staff(s))}",
            fi=f"{fi.ref(s)}; mukana {', '.join(fi.who(x) for x in unique_staff(s))}",
        )
        for s in sessions
    ]


def r18_opening(ctx: Context) -> RuleResult:
    """R18: the opening discussion is on day 1 with two staff who are team or special workers."""
    en, fi = ctx.en, ctx.fi
    openings = ctx.with_purpose(Purpose.OPENING)
    fails = []
    if not openings:
        fails.append(
            Reason(en="no opening discussion", fi="aikataulussa ei ole aloituskeskustelua")
        )
    for session in openings:
        if ctx.day_index(session.date) != 0:
            fails.append(
                Reason(
                    en=f"the opening discussion {en.ref(session)} is not on day 1",
                    fi=f"{fi.ref(session)}: aloituskeskustelun kuuluu olla päivänä 1",
                )
            )
        for part in by_part(session):  # two of them at every moment
            leaders = [
                m
                for m in ctx.members(part)
                if ctx.group_of(m) in (StaffGroup.TEAM, StaffGroup.SPECIAL)
            ]
            if len(leaders) < 2:
                fails.append(
                    Reason(
                        en=f"the opening discussion {en.ref(part)} has {len(leaders)} team "
                        "member(s) or special worker(s); it needs two",
                        fi=f"{fi.ref(part)}: työryhmän jäseniä tai erityistyöntekijöitä on "
                        f"{len(leaders)}; aloituskeskusteluun tarvitaan kaksi",
                    )
                )
    fails.extend(spec_issues(ctx, ctx.for_rule("R18")))
    return judged("R18", fails, [*_discussion_staff(ctx, openings), *absence_notes(ctx, openings)])


def r19_closing(ctx: Context) -> RuleResult:
    """R19: the closing discussion is on the last day with the physician and another team member."""
    en, fi = ctx.en, ctx.fi
    closings = ctx.with_purpose(Purpose.CLOSING)
    fails = []
    if not closings:
        fails.append(Reason(en="no closing discussion", fi="aikataulussa ei ole loppukeskustelua"))
    last = len(ctx.days) - 1
    physician = ctx.standard.team.physician_role
    for session in closings:
        if ctx.day_index(session.date) != last:
            fails.append(
                Reason(
                    en=f"the closing discussion {en.ref(session)} is not on the last day",
                    fi=f"{fi.ref(session)}: loppukeskustelun kuuluu olla viimeisenä päivänä",
                )
            )
        for part in by_part(session):  # the physician and another at every moment
            staff = unique_staff(part)
            if not any(ctx.is_physician(s) for s in staff):
                fails.append(
                    Reason(
                        en=f"the closing discussion {en.ref(part)} has no physician "
                        f"({en.role(physician)}); staff: "
                        f"{', '.join(map(en.who, staff)) or 'none'}",
                        fi=f"{fi.ref(part)}: loppukeskustelussa ei ole lääkäriä "
                        f"({fi.role(physician)}); mukana: "
                        f"{', '.join(map(fi.who, staff)) or 'ei ketään'}",
                    )
                )
            if not any(ctx.is_team(s) and not ctx.is_physician(s) for s in staff):
                fails.append(
                    Reason(
                        en=f"the closing discussion {en.ref(part)} has no team member besides "
                        "the physician",
                        fi=f"{fi.ref(part)}: loppukeskustelussa ei ole lääkärin lisäksi muuta "
                        "työryhmän jäsentä",
                    )
                )
    fails.extend(spec_issues(ctx, ctx.for_rule("R19"), required=False))
    return judged("R19", fails, [*_discussion_staff(ctx, closings), *absence_notes(ctx, closings)])
