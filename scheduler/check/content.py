"""Content (§5 of the standard): themes, methods, assessment, R9-R11."""

from __future__ import annotations

from models.base import (
    NON_PROGRAMME_KINDS,
    Purpose,
    SessionKind,
)
from scheduler.check.context import Context
from scheduler.check.findings import (
    absence_notes,
    coverage_issues,
    spec_issues,
)
from scheduler.check.report import Reason, RuleResult, judged, not_applicable
from scheduler.domain.hours import small_group_units
from scheduler.words import fi_count


def r9_themes(ctx: Context) -> RuleResult:
    """R9: themed sessions use the standard's themes and are led by people each theme allows;
    the course's own programme items are staffed as the course file says."""
    en, fi = ctx.en, ctx.fi
    themed = [s for s in ctx.sessions if s.theme and s.kind not in NON_PROGRAMME_KINDS]
    programme = ctx.for_rule("R9")
    if not themed and not programme:
        return not_applicable(
            "R9",
            Reason(
                en="no themed sessions or programme items",
                fi="ei teemoihin kuuluvia ohjelmakohtia eikä kurssin omaa ohjelmaa",
            ),
        )
    fails = []
    used: set[str] = set()
    for session in themed:
        theme = ctx.standard.theme(session.theme or "")
        if theme is None:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} names a theme “{session.theme}” the standard does not "
                    "have",
                    fi=f"{fi.ref(session)}: teemaa ”{session.theme}” ei ole standardissa",
                )
            )
            continue
        used.add(theme.id)
        for member in ctx.members(session):
            if member.role not in theme.leaders and ctx.group_of(member).value not in theme.leaders:
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} may not lead {en.ref(session)}: the theme "
                        f"“{en.theme(theme.id)}” is led by {en.leaders(theme.leaders)}",
                        fi=f"{fi.ref(session)}: {fi.who(member.id)} ei kuulu teeman "
                        f"”{fi.theme(theme.id)}” sallittuihin ohjaajiin "
                        f"({fi.leaders(theme.leaders)})",
                    )
                )
    fails.extend(spec_issues(ctx, programme))
    count = len(themed)
    return judged(
        "R9",
        fails,
        [
            Reason(
                en=f"{count} themed sessions, each led by people its theme allows; themes used: "
                + ", ".join(en.theme(t) for t in sorted(used)),
                fi=f"{fi_count(count, 'teemaan kuuluva ohjelmakohta', 'teemoihin kuuluvaa ohjelmakohtaa')}"
                f", kunkin ohjaajina teeman sallimat henkilöt; käytetyt teemat: "
                + ", ".join(fi.theme(t) for t in sorted(used)),
            )
        ],
    )


def r10_methods(ctx: Context) -> RuleResult:
    """R10: guided group discussions and small-group work are both used (network work optional)."""
    en, fi = ctx.en, ctx.fi
    fails = []
    for purpose in (Purpose.OPENING, Purpose.CLOSING):
        if not any(s.kind == SessionKind.GROUP for s in ctx.with_purpose(purpose)):
            fails.append(
                Reason(
                    en=f"no guided group discussion ({en.purpose(purpose)}) in the timetable",
                    fi=f"aikataulussa ei ole ohjattua ryhmäkeskustelua ({fi.purpose(purpose)})",
                )
            )
    complete = [
        u for u in small_group_units(ctx.sessions) if len(u) == ctx.standard.small_group_halves
    ]
    if not complete:
        fails.append(
            Reason(
                en="no small-group work (the group split in two at the same time)",
                fi="aikataulussa ei ole pienryhmätyöskentelyä (ryhmä jaettuna kahtia samaan "
                "aikaan)",
            )
        )
    remote = [s for s in ctx.sessions if s.kind == SessionKind.INDIVIDUAL and not s.room]
    network = Reason(
        en=f"; {len(remote)} individual session(s) without a room (network work)",
        fi=f"; {fi_count(len(remote), 'yksilötapaaminen', 'yksilötapaamista')} ilman tilaa "
        "(verkostotyö)",
    )
    slots = fi_count(len(complete), "pienryhmäkerta", "pienryhmäkertaa")
    return judged(
        "R10",
        fails,
        [
            Reason(
                en=f"group discussions (opening, closing) and {len(complete)} small-group slot(s)"
                + (network.en if remote else ""),
                fi=f"ryhmäkeskustelut (aloitus- ja loppukeskustelu) ja {slots}"
                + (network.fi if remote else ""),
            )
        ],
    )


def r11_assessment(ctx: Context) -> RuleResult:
    """R11: the standard's measures at the start (day 1-2) and at the end (last day)."""
    en, fi = ctx.en, ctx.fi
    fails, passes = [], []
    for purpose in (Purpose.MEASURES_START, Purpose.MEASURES_END):
        sessions = ctx.with_purpose(purpose)
        if not sessions:
            fails.append(
                Reason(
                    en=f"no {en.purpose(purpose)} session",
                    fi=f"aikataulussa ei ole ohjelmakohtaa ”{fi.purpose(purpose)}”",
                )
            )
            continue
        fails.extend(coverage_issues(ctx, sessions, purpose))
        passes.append(
            Reason(
                en=", ".join(en.ref(s) for s in sessions),
                fi="; ".join(fi.ref(s) for s in sessions),
            )
        )
    fails.extend(spec_issues(ctx, ctx.for_rule("R11")))
    measures = ", ".join(ctx.standard.measures)
    return judged(
        "R11",
        fails,
        [
            Reason(
                en=f"measures ({measures}): " + "; ".join(p.en for p in passes),
                fi=f"mittarit ({measures}): " + "; ".join(p.fi for p in passes),
            ),
            *absence_notes(ctx, ctx.with_purpose(Purpose.MEASURES_START, Purpose.MEASURES_END)),
        ],
    )
