"""No double booking and the rooms (R29, §8 of the standard: R30)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from models.base import (
    NON_PROGRAMME_KINDS,
    SessionKind,
    TimeWindow,
    format_duration,
)
from models.course import Room
from models.timetable import Session
from scheduler.check.context import (
    Context,
    id_list,
)
from scheduler.check.findings import (
    overlapping_pairs,
)
from scheduler.check.report import Reason, RuleResult, judged
from scheduler.domain.hours import own_part, unique_staff
from scheduler.words import fi_count, fi_number


def r29_no_double_booking(ctx: Context) -> RuleResult:
    """R29: nobody and no room in two places at once; staff only inside their availability and
    maximum hours; participants' individual sessions outside their absences."""
    en, fi = ctx.en, ctx.fi
    fails = []
    seen: set[str] = set()
    for session in ctx.sessions:
        if session.id in seen:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} appears twice under one id in the timetable file; "
                    "ids must tell sessions apart",
                    fi=f"{fi.ref(session)} esiintyy aikataulutiedostossa kahdesti samalla "
                    "tunnuksella; tunnusten on oltava yksilöllisiä",
                )
            )
        seen.add(session.id)
        for staff_id in unique_staff(session):
            if staff_id not in ctx.staff:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} names staff {staff_id}, who is not on the course",
                        fi=f"{fi.ref(session)}: työntekijä {staff_id} ei kuulu kurssin "
                        "henkilöstöön",
                    )
                )
    for member in ctx.course.staff:
        # Each person's own part of a session split while under way (a re-plan's handover).
        own = [own_part(s, member.id) for s in ctx.sessions if member.id in s.staff]
        for a, b in overlapping_pairs(own):
            fails.append(
                Reason(
                    en=f"{en.who(member.id)} is in both {en.ref(a)} and {en.ref(b)}",
                    fi=f"{fi.who(member.id)}: samaan aikaan {fi.ref(a)} sekä {fi.ref(b)}",
                )
            )
        for session in own:
            windows = ctx.course.available_windows(member, session.date)
            if not any(w.contains(session.start, session.end) for w in windows):
                free_en = f"only {', '.join(map(en.window, windows))}" if windows else "not at all"
                free_fi = (
                    f"on sinä päivänä käytettävissä vain klo {', '.join(map(fi.window, windows))}"
                    if windows
                    else "ei ole sinä päivänä lainkaan käytettävissä"
                )
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} works in {en.ref(session)} but is available "
                        f"{free_en} that day",
                        fi=f"{fi.ref(session)}: mukana on {fi.who(member.id)}, joka {free_fi}",
                    )
                )
        if member.max_minutes is not None:
            minutes = ctx.hours.person(member.id).minutes
            if minutes > member.max_minutes:
                given, most = format_duration(minutes), format_duration(member.max_minutes)
                fails.append(
                    Reason(
                        en=f"{en.who(member.id)} has {given} with participants; at most {most}",
                        fi=f"{fi.who(member.id)}: {given} kuntoutujien kanssa; enintään {most}",
                    )
                )
    clashes: dict[tuple[str, str], list[str]] = defaultdict(list)
    refs: dict[str, Session] = {}
    for participant in ctx.participants:
        own = [s for s in ctx.sessions if participant in s.participants]
        for a, b in overlapping_pairs(own):
            if (a.kind == SessionKind.INDIVIDUAL) != (b.kind == SessionKind.INDIVIDUAL):
                continue  # an individual session beside a group one: R16 judges it
            refs[a.id], refs[b.id] = a, b
            clashes[(a.id, b.id)].append(participant)
        person = ctx.participants[participant]
        for session in own:
            if session.kind != SessionKind.INDIVIDUAL:
                continue
            for window in person.unavailable.get(session.date, ()):
                if session.start < window.end and window.start < session.end:
                    fails.append(
                        Reason(
                            en=f"{participant} is away {en.window(window)} but has "
                            f"{en.ref(session)}",
                            fi=f"{participant} on poissa klo {fi.window(window)}, mutta hänellä "
                            f"on {fi.ref(session)}",
                        )
                    )
    for (one, other), people in sorted(clashes.items()):
        fails.append(
            Reason(
                en=f"{id_list(people)} in both {en.ref(refs[one])} and {en.ref(refs[other])}",
                fi=f"{id_list(people)}: samaan aikaan {fi.ref(refs[one])} sekä {fi.ref(refs[other])}",
            )
        )
    for room_id, room in ctx.rooms.items():
        used = [s for s in ctx.sessions if s.room == room_id]
        for a, b in overlapping_pairs(used):
            fails.append(
                Reason(
                    en=f"{en.room(room_id)} holds both {en.ref(a)} and {en.ref(b)}",
                    fi=f"{fi.room(room_id)}: samaan aikaan {fi.ref(a)} sekä {fi.ref(b)}",
                )
            )
        closed: dict[date, tuple[TimeWindow, ...]] = getattr(room, "unavailable", {}) or {}
        for session in used:
            for window in closed.get(session.date, ()):
                if session.start < window.end and window.start < session.end:
                    fails.append(
                        Reason(
                            en=f"{en.room(room_id)} cannot be used {en.window(window)} but holds "
                            f"{en.ref(session)}",
                            fi=f"{fi.room(room_id)} ei ole käytettävissä klo {fi.window(window)}, "
                            f"mutta siellä on {fi.ref(session)}",
                        )
                    )
    staffed = sum(1 for s in ctx.sessions if s.staff)
    staff, participants, rooms = len(ctx.course.staff), len(ctx.participants), len(ctx.rooms)
    return judged(
        "R29",
        fails,
        [
            Reason(
                en=f"{staff} staff, {participants} participants and {rooms} rooms are never in "
                f"two places at once; {staffed} staffed sessions inside their staff's "
                "availability",
                fi=f"{fi_count(staff, 'työntekijä', 'työntekijää')}, "
                f"{fi_count(participants, 'kuntoutuja', 'kuntoutujaa')} ja "
                f"{fi_count(rooms, 'tila', 'tilaa')}: kukaan eikä mikään ole kahdessa paikassa "
                f"yhtä aikaa; {fi_count(staffed, 'ohjattu ohjelmakohta', 'ohjattua ohjelmakohtaa')}"
                " työntekijöiden käytettävissäoloaikojen sisällä",
            )
        ],
    )


def _elsewhere_offsite(
    ctx: Context, transfer: Session, room: Room, going: bool
) -> tuple[Session, Room] | None:
    """An off-site session in another place than `room` that the transfer's group comes from
    (`going` to `room`) or goes on to (coming back from `room`): the trip runs between two
    off-site places."""
    for other in ctx.sessions:
        elsewhere = ctx.offsite_room(other)
        if (
            elsewhere is not None
            and elsewhere.id != room.id
            and other.date == transfer.date
            and (other.end == transfer.start if going else other.start == transfer.end)
            and other.kind not in NON_PROGRAMME_KINDS
            and set(other.participants) & set(transfer.participants)
        ):
            return other, elsewhere
    return None


def _gone(ctx: Context, staff_id: str, session: Session) -> bool:
    """Whether a staff member is no longer available at a session's start (left the course)."""
    member = ctx.staff.get(staff_id)
    if member is None:
        return False
    windows = ctx.course.available_windows(member, session.date)
    return not any(w.start <= session.start < w.end for w in windows)


def _transfer_issues(ctx: Context, session: Session, room: Room) -> list[Reason]:
    # The travel time itself: the solver rounds it up to its slot grid, but a timetable made or
    # edited by hand that allows the room's real travel time both ways meets R29/R30.
    # §8 asks for transport there and back ("edestakaiset kuljetukset") to every place, and the
    # course knows each place's distance from the unit only: one transfer between two off-site
    # places takes the way back from the one and out to the other.
    en, fi = ctx.en, ctx.fi
    issues = []
    for direction, touches in (
        ("to", lambda t: t.end == session.start),
        ("from", lambda t: t.start == session.end),
    ):
        candidates = [
            t
            for t in ctx.sessions
            if t.kind == SessionKind.TRANSFER
            and t.date == session.date
            and touches(t)
            and set(session.participants) <= set(t.participants)
        ]
        going = direction == "to"
        place = f"{'to' if going else 'back from'} {en.room(room.id)}"
        if not candidates:
            issues.append(
                Reason(
                    en=f"{en.ref(session)} is off-site ({room.offsite_minutes} min away) but has "
                    f"no transfer {place} right {'before' if going else 'after'} it",
                    fi=f"{fi.ref(session)} on muualla ({room.offsite_minutes} min matkan päässä), "
                    + (
                        f"mutta juuri ennen sitä ei ole siirtymistä paikkaan {fi.room(room.id)}"
                        if going
                        else f"mutta heti sen jälkeen ei ole paluuta paikasta {fi.room(room.id)}"
                    ),
                )
            )
            continue
        transfer = max(candidates, key=lambda t: t.minutes)
        # A transfer on to another off-site place is judged whole from there (its "to").
        other = _elsewhere_offsite(ctx, transfer, room, going)
        if other is not None and going:
            before, there = other
            needed = there.offsite_minutes + room.offsite_minutes
            if transfer.minutes < needed:
                issues.append(
                    Reason(
                        en=f"the transfer from {en.room(there.id)} to {en.room(room.id)} "
                        f"({en.slot(transfer)}) between {en.name(before)} and {en.name(session)} "
                        f"takes {format_duration(transfer.minutes)}; the way back from "
                        f"{en.room(there.id)} and out to {en.room(room.id)} takes "
                        f"{format_duration(needed)}",
                        fi=f"{fi.ref(transfer)} paikasta {fi.room(there.id)} paikkaan "
                        f"{fi.room(room.id)} ({fi.name(before)} – {fi.name(session)}) kestää "
                        f"{format_duration(transfer.minutes)}; paluu paikasta {fi.room(there.id)} "
                        f"ja siirtyminen paikkaan {fi.room(room.id)} vievät "
                        f"{format_duration(needed)}",
                    )
                )
        elif other is None and transfer.minutes < room.offsite_minutes:
            needed = room.offsite_minutes
            issues.append(
                Reason(
                    en=f"the transfer {place} ({en.slot(transfer)}) takes "
                    f"{format_duration(transfer.minutes)}; it needs {format_duration(needed)}",
                    fi=f"{fi.ref(transfer)} kestää {format_duration(transfer.minutes)}; "
                    f"siirtymään tarvitaan {format_duration(needed)}",
                )
            )
        # The staff at the session's start travel with the group there; those at its end
        # bring it back (a session split while under way may have changed staff in between).
        at_session = set(session.staff_at(session.start if going else session.end - 1))
        at_transfer = set(transfer.staff_at(transfer.end - 1 if going else transfer.start))
        missing = at_session - at_transfer
        # A re-plan's handover right where the trip meets the session: whoever leaves the
        # course at that moment is gone, and whoever takes over is there from then on, as when
        # it comes mid-trip (the parts of a session split while under way).
        if going and any(_gone(ctx, s, session) for s in at_transfer - at_session):
            missing = set()
        elif not going:
            missing = {s for s in missing if not _gone(ctx, s, transfer)}
        if missing:
            issues.append(
                Reason(
                    en=f"{en.people(missing)} of {en.name(session)} do not travel in the "
                    f"transfer {place} ({en.slot(transfer)})",
                    fi=f"{fi.name(session)}: siirtymästä ({fi.ref(transfer)}) puuttuu "
                    f"{fi.people(missing)}",
                )
            )
    return issues


def r30_rooms(ctx: Context) -> RuleResult:
    """R30: the standard's rooms exist, each session is in a room of a kind it names, off-site
    rooms are near enough and reached by transfers both ways."""
    en, fi = ctx.en, ctx.fi
    rules = ctx.standard.rooms
    fails = []

    def near_enough(room: Room) -> bool:
        # §8: "enintään 20 minuutin tai 20 km:n etäisyydellä": within either limit.
        km_ok = room.offsite_km is not None and room.offsite_km <= rules.offsite_max_km
        return room.offsite_minutes <= rules.offsite_max_minutes or km_ok

    def counts(room: Room) -> bool:
        if room.offsite:
            return room.kind in rules.offsite_kinds and near_enough(room)
        return True

    for kind, needed in rules.required.items():
        have = [r.id for r in ctx.rooms.values() if r.kind == kind and counts(r)]
        if len(have) < needed:
            fails.append(
                Reason(
                    en=f"{len(have)} room(s) of the kind {en.room_kind(kind)} "
                    f"({en.rooms(have) or 'none'}) fit the standard; it requires {needed}",
                    fi=f"standardin mukaisia tiloja (tyyppi: {fi.room_kind(kind)}) on "
                    f"{len(have)} ({fi.rooms(have) or 'ei yhtään'}); standardi edellyttää {needed}",
                )
            )
    for session in ctx.sessions:
        if session.room is not None and session.room not in ctx.rooms:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} is in a room not on the course ({session.room})",
                    fi=f"{fi.ref(session)}: tila ({session.room}) ei kuulu kurssin tiloihin",
                )
            )
            continue
        room = ctx.rooms.get(session.room) if session.room else None
        spec = ctx.spec_of(session)
        if spec is not None and spec.rooms:
            if room is None:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} has no room; it needs {en.room_kinds(spec.rooms)}",
                        fi=f"{fi.ref(session)}: ei tilaa; tarvitaan {fi.room_kinds(spec.rooms)}",
                    )
                )
            elif room.kind not in spec.rooms:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} is in {en.room(room.id)} "
                        f"({en.room_kind(room.kind)}); it needs {en.room_kinds(spec.rooms)}",
                        fi=f"{fi.ref(session)} on tilassa {fi.room(room.id)} "
                        f"({fi.room_kind(room.kind)}); tarvitaan {fi.room_kinds(spec.rooms)}",
                    )
                )
        if room is None:
            continue
        people = len(set(session.participants))
        if people > room.capacity:
            fails.append(
                Reason(
                    en=f"{en.ref(session)} has {people} participants; {en.room(room.id)} holds "
                    f"{room.capacity}",
                    fi=f"{fi.ref(session)}: kuntoutujia {people}; tilaan {fi.room(room.id)} mahtuu "
                    f"{room.capacity}",
                )
            )
        if room.offsite:
            if room.kind not in rules.offsite_kinds:
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} uses {en.room(room.id)} "
                        f"({en.room_kind(room.kind)}) off site; it must be on site",
                        fi=f"{fi.ref(session)}: {fi.room(room.id)} ({fi.room_kind(room.kind)}) on "
                        "muualla; sen on oltava kuntoutuspaikassa",
                    )
                )
            if not near_enough(room):
                km = room.offsite_km
                fails.append(
                    Reason(
                        en=f"{en.ref(session)} uses {en.room(room.id)}, {room.offsite_minutes} min / "
                        f"{km if km is not None else '?'} km away; at most "
                        f"{rules.offsite_max_minutes} min or {rules.offsite_max_km:g} km",
                        fi=f"{fi.ref(session)}: {fi.room(room.id)} on {room.offsite_minutes} min / "
                        f"{fi_number(km) if km is not None else '?'} km päässä; enintään "
                        f"{rules.offsite_max_minutes} min tai {fi_number(rules.offsite_max_km)} "
                        "km",
                    )
                )
            if session.kind not in NON_PROGRAMME_KINDS:
                fails.extend(_transfer_issues(ctx, session, room))
    offsite_ids = {s.room for s in ctx.sessions if s.room and ctx.offsite_room(s)}
    kinds_en = ", ".join(f"{en.room_kind(k)} {n}" for k, n in rules.required.items())
    kinds_fi = ", ".join(f"{fi.room_kind(k)} {n}" for k, n in rules.required.items())
    return judged(
        "R30",
        fails,
        [
            Reason(
                en=f"rooms the standard requires ({kinds_en}) exist; every session in a room of "
                "its kind"
                + (f"; transfers both ways to {en.rooms(offsite_ids)}" if offsite_ids else ""),
                fi=f"standardin edellyttämät tilat ({kinds_fi}) ovat käytettävissä; jokainen "
                "ohjelmakohta on oikeanlaisessa tilassa"
                + (
                    f"; siirtymät molempiin suuntiin: {fi.rooms(offsite_ids)}"
                    if offsite_ids
                    else ""
                ),
            )
        ],
    )
