"""Findings several rules share: a session on a day its item does not allow, staff its item
does not allow, minutes per participant, overlapping sessions, covered clock time."""

from __future__ import annotations

from collections.abc import Iterable

from models.base import Purpose, SessionKind
from models.standard import SessionSpec
from models.timetable import Session
from scheduler.check.context import Context, by_part, id_list
from scheduler.check.report import Reason
from scheduler.domain.hours import unique_staff
from scheduler.domain.people import away_during


def wrong_day(ctx: Context, session: Session, spec: SessionSpec) -> Reason | None:
    """A session on a day its programme item does not allow."""
    index = ctx.day_index(session.date)
    allowed = spec.allowed_days(len(ctx.days))
    if index is None or index in allowed:
        return None
    en, fi = ctx.en, ctx.fi
    return Reason(
        en=f"{en.ref(session)} is on day {index + 1}; “{en.spec(spec)}” belongs on "
        f"{en.days(allowed)}",
        fi=f"{fi.ref(session)}: sen kuuluu olla {fi.days(allowed)}",
    )


def spec_issues(
    ctx: Context, sessions: Iterable[Session], *, days: bool = True, required: bool = True
) -> list[Reason]:
    """How sessions break their programme item: too few staff, staff it does not allow, a
    required role missing, a day it may not be on."""
    en, fi = ctx.en, ctx.fi
    issues = []
    for session in sessions:
        spec = ctx.spec_of(session)
        if spec is None:
            continue
        for part in by_part(session):  # at every moment: each part of a split session
            staff = unique_staff(part)
            if len(staff) < spec.staff:
                issues.append(
                    Reason(
                        en=f"{en.ref(part)} has {len(staff)} staff member(s); it needs "
                        f"{spec.staff}",
                        fi=f"{fi.ref(part)}: työntekijöitä {len(staff)}, vaaditaan {spec.staff}",
                    )
                )
        for member in ctx.members(session):
            if not ctx.course.may_lead(member, spec):
                issues.append(
                    Reason(
                        en=f"{en.who(member.id)} may not lead {en.ref(session)}: it is for "
                        f"{en.leaders(spec.leaders)}",
                        fi=f"{fi.ref(session)}: {fi.who(member.id)} ei kuulu sallittuihin "
                        f"ohjaajiin ({fi.leaders(spec.leaders)})",
                    )
                )
        for part in by_part(session) if required else ():
            for role in spec.required_roles:
                if not any(m.role == role for m in ctx.members(part)):
                    issues.append(
                        Reason(
                            en=f"{en.ref(part)} has no {en.role(role)}; it requires one",
                            fi=f"{fi.ref(part)}: mukana ei ole vaadittua ammattia "
                            f"({fi.role(role)})",
                        )
                    )
        misplaced = wrong_day(ctx, session, spec) if days else None
        if misplaced is not None:
            issues.append(misplaced)
    return issues


def minutes_per_participant(ctx: Context, sessions: Iterable[Session]) -> dict[str, int]:
    """Minutes per participant who stays to the end: the standard's averages are about the
    course's programme, which a participant who left (a re-plan's change) did not finish."""
    minutes = {p.id: 0 for p in ctx.participants.values() if p.leaves is None}
    for session in sessions:
        for participant in set(session.participants):
            if participant in minutes:
                minutes[participant] += session.minutes
    return minutes


def overlapping_pairs(sessions: Iterable[Session]) -> Iterable[tuple[Session, Session]]:
    ordered = sorted(sessions, key=lambda s: (s.date, s.start, s.end, s.id))
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.date != first.date or second.start >= first.end:
                break
            yield first, second


def programme_sessions(ctx: Context) -> list[Session]:
    """R4: staff-led programme: group and small-group sessions with staff and participants."""
    return [
        s
        for s in ctx.sessions
        if s.kind in (SessionKind.GROUP, SessionKind.SMALL_GROUP) and s.staff and s.participants
    ]


def covered_minutes(sessions: Iterable[Session]) -> int:
    """Clock time covered by the sessions (parallel ones count once)."""
    total, cursor = 0, -1
    for session in sorted(sessions, key=lambda s: s.start):
        start = max(session.start, cursor)
        if session.end > start:
            total += session.end - start
            cursor = session.end
    return total


def coverage_issues(ctx: Context, sessions: list[Session], purpose: Purpose) -> list[Reason]:
    covered = {p for s in sessions for p in s.participants}
    expected = frozenset().union(*(ctx.present(s) for s in sessions)) if sessions else ctx.everyone
    missing = expected - covered
    if not (missing and sessions):
        return []
    return [
        Reason(
            en=f"{id_list(missing)} take part in no {ctx.en.purpose(purpose)}",
            fi=f"{ctx.fi.purpose(purpose)}: mukana ei ole {id_list(missing)}",
        )
    ]


def absence_notes(ctx: Context, sessions: Iterable[Session]) -> list[Reason]:
    """Notes, not failures: a participant's known absence (told in the course file) that falls
    on a session every participant takes part in. The timetable avoids it when it can (the
    preference avoid_absences); the note says who misses what, so the staff can catch up."""
    en, fi = ctx.en, ctx.fi
    notes = []
    for session in sorted(sessions, key=lambda s: (s.date, s.start, s.id)):
        for participant in sorted(session.participants):
            for window in away_during(ctx.participants.get(participant), session):
                whole = window.start <= session.start and session.end <= window.end
                notes.append(
                    Reason(
                        en=f"{participant} is known to be away {en.window(window)} and misses "
                        f"{'' if whole else 'part of '}{en.ref(session)}",
                        fi=f"{participant} on ilmoittanut olevansa poissa klo "
                        f"{fi.window(window)}: {fi.ref(session)} jää häneltä "
                        f"{'' if whole else 'osittain '}väliin",
                    )
                )
    return notes
