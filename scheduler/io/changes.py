"""Reading a re-plan's changes from command-line flags and from a change file (YAML).

People and rooms are named as the course manager knows them: by name ("Laura Nieminen",
"laura nieminen" or "Laura Niemine" without the accent all match) or by id. An unknown or
ambiguous name lists the course's people (name, role, id) so the right one can be picked.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.base import MAX_ID_LENGTH
from models.changes import (
    CHANGE_KINDS,
    AcceptShortfall,
    AddStaff,
    ChangeSet,
    EndEarly,
    ParticipantLeaves,
    RemoveStaff,
    ReplaceStaff,
    RoomUnavailable,
    StaffUnavailable,
)
from models.course import StaffMember
from models.timetable import Timetable
from scheduler.errors import InputError
from scheduler.io.documents import explain_validation, pydantic_message, read_yaml
from scheduler.io.names import folded, slug
from scheduler.words import reader, role_name, room_kind_name, say


def parse_moment(text: str, where: str) -> datetime:
    """'2027-03-10T08:00', '2027-03-10 08:00' or '2027-03-10' (midnight)."""
    try:
        if len(text) == 10:
            return datetime.combine(date.fromisoformat(text), time())
        return datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:
        raise InputError(where, text, say("changes_moment")) from None


def parse_span(value: str, flag: str) -> tuple[str, datetime | None, datetime | None]:
    """'WHO[@FROM[/TO]]' -> (WHO, FROM, TO)."""
    ident, _, span = value.partition("@")
    ident = ident.strip()
    if not ident:
        raise InputError(flag, value, say("changes_span"))
    start_text, _, end_text = span.partition("/")
    start = parse_moment(start_text.strip(), flag) if start_text.strip() else None
    end = parse_moment(end_text.strip(), flag) if end_text.strip() else None
    if start and end and end <= start:
        raise InputError(flag, value, say("changes_end_before_start"))
    return ident, start, end


def _staff_member(flag: str, value: str, **fields: Any) -> StaffMember:
    """A staff member a flag names; InputError (exit 2) when the id cannot be one."""
    try:
        return StaffMember(**fields)
    except ValidationError as error:
        first = error.errors()[0]
        if first["type"] in ("string_pattern_mismatch", "string_too_long"):
            reason = say("changes_plain_id", most=MAX_ID_LENGTH)
        else:
            reason = pydantic_message(first)
        raise InputError(flag, value, reason) from None


# -- names ----------------------------------------------------------------------------------------


def _matches(text: str, ident: str, name: str | None) -> bool:
    wanted = folded(text)
    return wanted in (folded(ident), folded(name or "")) and bool(wanted)


def _words_of(text: str, name: str | None) -> bool:
    """Whether every word of `text` is a word of the name ('laura' of 'Laura Nieminen')."""
    wanted, words = folded(text).split(), folded(name or "").split()
    return bool(wanted) and all(word in words for word in wanted)


def _people_list(staff: Iterable[StaffMember]) -> str:
    """'Laura Nieminen (fysioterapeutti, tunnus pt2); ...': whom a name may mean."""
    language = reader()
    return "; ".join(
        say("changes_person", name=m.name, role=role_name(m.role, language), id=m.id)
        if m.name
        else f"{m.id} ({role_name(m.role, language)})"
        for m in staff
    )


def find_staff(
    staff: Sequence[StaffMember], text: str, where: str, place: str | None = None
) -> StaffMember:
    """The staff member a name or id means; InputError listing the staff when none or several."""
    found = [m for m in staff if _matches(text, m.id, m.name)]
    if not found:  # a first or last name alone: 'Laura', 'nieminen'
        found = [m for m in staff if _words_of(text, m.name)]
    if len(found) == 1:
        return found[0]
    exact = [m for m in found if m.id == text]
    if len(exact) == 1:
        return exact[0]
    key = "changes_staff_ambiguous" if found else "changes_staff_unknown"
    raise InputError(
        where, place or text, say(key, name=repr(text), staff=_people_list(found or staff))
    )


def find_participant(timetable: Timetable, text: str, where: str, place: str | None = None) -> str:
    """The participant an id (or a name the timetable keeps) means; their ids listed if none."""
    found = [p.id for p in timetable.participants if _matches(text, p.id, p.name)]
    if len(found) == 1:
        return found[0]
    ids = ", ".join(p.id for p in timetable.participants)  # never their names
    raise InputError(
        where, place or text, say("changes_participant_unknown", id=repr(text), ids=ids)
    )


def find_room(timetable: Timetable, text: str, where: str, place: str | None = None) -> str:
    found = [r.id for r in timetable.rooms if _matches(text, r.id, r.name)]
    if len(found) == 1:
        return found[0]
    language = reader()
    rooms = "; ".join(
        say("changes_room", name=r.name or r.id, kind=room_kind_name(r.kind, language), id=r.id)
        for r in timetable.rooms
    )
    raise InputError(
        where, place or text, say("changes_room_unknown", name=repr(text), rooms=rooms)
    )


def _free_id(wanted: str, taken: Iterable[str]) -> str:
    taken = set(taken)
    ident, n = wanted, 2
    while ident in taken:
        ident, n = f"{wanted}-{n}", n + 1
    return ident


def new_person(text: str, role: str | None, taken: Iterable[str], where: str) -> StaffMember:
    """Someone joining: 'sub1' is an id; 'Eeva Sijainen' a name, whose id is made from it."""
    text = text.strip()
    if not text:
        raise InputError(where, text, say("changes_give_name"))
    if not role:
        raise InputError(where, text, say("changes_give_role", name=text))
    if re.fullmatch(r"[A-Za-z0-9_.-]+", text):
        return _staff_member(where, text, id=_free_id(text, taken), role=role)
    ident = _free_id(slug(text)[: MAX_ID_LENGTH - 4] or "staff", taken)
    return _staff_member(where, text, id=ident, name=text, role=role)


def stand_in(
    timetable: Timetable,
    old: StaffMember,
    text: str,
    added: Sequence[StaffMember],
    where: str,
    place: str | None = None,
) -> StaffMember:
    """Who takes `old`'s place: someone added in the same change set (by name or id), or
    someone new ('Eeva Sijainen:physiotherapist', 'sub1'), who takes old's role unless told."""
    name, _, role = text.rpartition(":") if ":" in text else (text, "", "")
    name, role = name.strip(), role.strip()
    joining = [m for m in added if _matches(name, m.id, m.name)]
    if len(joining) == 1:
        return joining[0].model_copy(update={"replaces": old.id})
    already = [m for m in timetable.staff if _matches(name, m.id, m.name)]
    if already:
        member = already[0]
        raise InputError(
            where,
            place or text,
            say(
                "changes_already_on_course",
                name=member.label,
                old=old.label,
                flag=f'--unavailable "{old.label}"',
            ),
        )
    taken = [m.id for m in (*timetable.staff, *added)]
    member = new_person(name, role or old.role, taken, where)
    return member.model_copy(update={"group": old.group if not role else None, "replaces": old.id})


def changes_from_flags(
    timetable: Timetable,
    *,
    now: str | None = None,
    notice: int | None = None,
    unavailable: tuple[str, ...] = (),
    replace: tuple[str, ...] = (),
    add_staff: tuple[str, ...] = (),
    remove_staff: tuple[str, ...] = (),
    room_unavailable: tuple[str, ...] = (),
    participant_leaves: tuple[str, ...] = (),
    end_early: tuple[str, ...] = (),
    accept_shortfall: tuple[str, ...] = (),
    added: Sequence[StaffMember] = (),
) -> ChangeSet:
    """The changes the flags say, people and rooms found by name or id (`added`: people a change
    file brings in, whom --replace may name)."""
    changes: list[Any] = []
    joining = list(added)
    for value in add_staff:
        name, sep, role = value.rpartition(":")
        if not sep or not name.strip() or not role.strip():
            raise InputError("--add-staff", value, say("changes_add_staff"))
        taken = [m.id for m in (*timetable.staff, *joining)]
        member = new_person(name, role.strip(), taken, "--add-staff")
        joining.append(member)
        changes.append(AddStaff(member=member))
    staff = timetable.staff
    for value in unavailable:
        who, start, end = parse_span(value, "--unavailable")
        member = find_staff(staff, who, "--unavailable", value)
        changes.append(StaffUnavailable(staff=member.id, start=start, end=end))
    for value in replace:
        old, sep, new = value.partition("=")
        if not sep or not old.strip() or not new.strip():
            raise InputError(
                "--replace",
                value,
                say("changes_replace"),
            )
        replaced = find_staff(staff, old.strip(), "--replace", value)
        member = stand_in(timetable, replaced, new.strip(), joining, "--replace")
        changes.append(ReplaceStaff(old=replaced.id, new=member))
    for value in remove_staff:
        member = find_staff(staff, value, "--remove-staff")
        changes.append(RemoveStaff(staff=member.id))
    for value in room_unavailable:
        room, start, end = parse_span(value, "--room-unavailable")
        changes.append(
            RoomUnavailable(
                room=find_room(timetable, room, "--room-unavailable", value), start=start, end=end
            )
        )
    for value in participant_leaves:
        who, at, _ = parse_span(value, "--participant-leaves")
        participant = find_participant(timetable, who, "--participant-leaves", value)
        changes.append(ParticipantLeaves(participant=participant, at=at))
    changes += [EndEarly(session=s) for s in end_early]
    changes += [AcceptShortfall(session=s) for s in accept_shortfall]
    return ChangeSet(
        now=parse_moment(now, "--now") if now else None,
        notice_minutes=notice,
        changes=tuple(changes),
    )


# -- change files ---------------------------------------------------------------------------------

# The fields of each kind that name someone or something, and how to find them.
_STAFF_FIELDS = {"unavailable": "staff", "remove_staff": "staff", "replace": "old"}


def _resolve_names(
    data: dict[str, Any], timetable: Timetable, path: Path, place: Any
) -> dict[str, Any]:
    """The change file's entries with names turned into ids (each error at its line)."""
    entries = data.get("changes")
    if not isinstance(entries, list):
        return data
    where = str(path)
    resolved = []
    joining: list[StaffMember] = []
    taken = [m.id for m in timetable.staff]
    for index, entry in enumerate(entries):
        if not isinstance(entry, dict):
            resolved.append(entry)
            continue
        entry = dict(entry)
        kind = entry.get("kind")
        field = _STAFF_FIELDS.get(str(kind))
        if field and isinstance(entry.get(field), str):
            member = find_staff(
                timetable.staff, entry[field], where, place(("changes", index, field))
            )
            entry[field] = member.id
            if kind == "replace":
                new = entry.get("new")
                at = place(("changes", index, "new"))
                if isinstance(new, str):
                    entry["new"] = stand_in(timetable, member, new, joining, where, at).model_dump(
                        exclude_none=True
                    )
                elif isinstance(new, dict) and isinstance(new.get("id"), str):
                    if any(_matches(new["id"], m.id, m.name) for m in timetable.staff):
                        stand_in(timetable, member, new["id"], joining, where, at)
                    entry["new"] = {**new, "replaces": new.get("replaces", member.id)}
        if kind == "add_staff" and isinstance(entry.get("member"), dict):
            member_data = entry["member"]
            if "id" not in member_data and isinstance(member_data.get("name"), str):
                entry["member"] = {
                    **member_data,
                    "id": _free_id(slug(member_data["name"]) or "staff", taken),
                }
            if isinstance(entry["member"].get("id"), str):
                taken.append(entry["member"]["id"])
                joining.append(
                    StaffMember(
                        id=entry["member"]["id"],
                        name=str(entry["member"].get("name") or ""),
                        role=str(entry["member"].get("role") or "other"),
                    )
                )
        if kind == "room_unavailable" and isinstance(entry.get("room"), str):
            entry["room"] = find_room(
                timetable, entry["room"], where, place(("changes", index, "room"))
            )
        if kind == "participant_leaves" and isinstance(entry.get("participant"), str):
            entry["participant"] = find_participant(
                timetable, entry["participant"], where, place(("changes", index, "participant"))
            )
        resolved.append(entry)
    return {**data, "changes": resolved}


def changes_from_file(path: Path, timetable: Timetable | None = None) -> ChangeSet:
    """A change file: `now:`, optionally `notice_minutes:`, and a list `changes:` of entries
    with a `kind` (see models/changes); people and rooms by name or id."""
    doc = read_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError(str(path), say("place_line", line=1), say("changes_file_mapping"))
    entries = doc.data.get("changes")
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        if isinstance(entry, dict) and "kind" not in entry:
            # The shorthand `- remove_staff: liik` is the likeliest slip: say how to write it.
            said = next((key for key in entry if key in CHANGE_KINDS), None)
            example = say("changes_kind_write", kind=said) if said else say("changes_kind_example")
            raise InputError(
                str(path),
                doc.place(("changes", index)),
                say("changes_kind", kinds=", ".join(CHANGE_KINDS), example=example),
            )
    data = doc.data
    if timetable is not None:
        data = _resolve_names(doc.data, timetable, path, doc.place)
    try:
        return ChangeSet.model_validate(data)
    except ValidationError as error:
        raise explain_validation(doc, error) from None


def merge(first: ChangeSet, second: ChangeSet) -> ChangeSet:
    """A change file's changes, then the flags' (whose --now and --notice win)."""
    return ChangeSet(
        now=second.now or first.now,
        notice_minutes=(
            second.notice_minutes if second.notice_minutes is not None else first.notice_minutes
        ),
        changes=first.changes + second.changes,
    )


def added_staff(changes: ChangeSet) -> list[StaffMember]:
    """The people a change set brings in (whom a --replace flag may name)."""
    return [c.member for c in changes.changes if isinstance(c, AddStaff)]
