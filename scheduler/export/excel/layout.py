"""Where each session goes in the week-at-a-glance grid: day, lane and rows. No Excel here.

Each day has two group lanes side by side (small-group halves A and B; whole-group sessions,
lunch and transfers span both) and as many side lanes as it needs so that overlapping
individual sessions and staff meetings each get their own; any session that would collide in
the group lanes (a hand-edited timetable) also moves to a side lane, so every session is
placed exactly once and no two blocks share a cell.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from models.base import SessionKind
from models.timetable import Session, Timetable

GROUP_LANES = 2  # half A, half B
_MAIN_KINDS = frozenset(
    {
        SessionKind.GROUP,
        SessionKind.SMALL_GROUP,
        SessionKind.MEAL,
        SessionKind.BREAK,
        SessionKind.TRANSFER,
    }
)


@dataclass(frozen=True)
class Placement:
    """One session's block: 0-based day, first lane of the day and width, first row and height."""

    session: Session
    day: int
    lane: int
    lanes: int
    row: int
    rows: int


@dataclass(frozen=True)
class WeekLayout:
    days: tuple[date, ...]
    start: int  # clock minutes of the first row
    slot: int  # minutes per row
    rows: int
    lanes: tuple[int, ...]  # lanes per day, group lanes included
    placements: tuple[Placement, ...]

    @property
    def side_lanes(self) -> tuple[int, ...]:
        return tuple(n - GROUP_LANES for n in self.lanes)

    def row_start(self, row: int) -> int:
        """Clock minutes at the top of a row."""
        return self.start + row * self.slot


def _rows(session: Session, start: int, slot: int) -> tuple[int, int]:
    first = (session.start - start) // slot
    last = -(-(session.end - start) // slot)  # ceiling: a block covers every slot it touches
    return first, max(last - first, 1)


def _order(session: Session) -> tuple[int, int, str, str]:
    return (session.start, -session.end, session.small_group or "", session.id)


def week_layout(timetable: Timetable) -> WeekLayout:
    slot = timetable.course.slot_minutes
    window = timetable.course.day_window
    days = tuple(sorted(set(timetable.days) | {s.date for s in timetable.sessions}))
    first = min([window.start, *(s.start for s in timetable.sessions)])
    last = max([window.end, *(s.end for s in timetable.sessions)])
    start = first // slot * slot
    rows = -(-(last - start) // slot)

    placements: list[Placement] = []
    lanes: list[int] = []
    for day_index, day in enumerate(days):
        taken: dict[int, list[tuple[int, int]]] = {}

        def free(lane: int, row: int, height: int, taken: dict = taken) -> bool:
            return all(row + height <= a or b <= row for a, b in taken.get(lane, []))

        def take(lane: int, row: int, height: int, taken: dict = taken) -> None:
            taken.setdefault(lane, []).append((row, row + height))

        side: list[tuple[Session, int, int]] = []
        for session in sorted((s for s in timetable.sessions if s.date == day), key=_order):
            row, height = _rows(session, start, slot)
            if session.kind not in _MAIN_KINDS:
                side.append((session, row, height))
                continue
            choices: Sequence[tuple[int, ...]] = [(0, 1)]
            if session.kind == SessionKind.SMALL_GROUP:
                choices = {"A": [(0,)], "B": [(1,)]}.get(session.small_group or "", [(0,), (1,)])
            for wanted in choices:
                if all(free(lane, row, height) for lane in wanted):
                    for lane in wanted:
                        take(lane, row, height)
                    placements.append(
                        Placement(session, day_index, wanted[0], len(wanted), row, height)
                    )
                    break
            else:
                side.append((session, row, height))
        for session, row, height in sorted(side, key=lambda item: _order(item[0])):
            lane = GROUP_LANES
            while not free(lane, row, height):
                lane += 1
            take(lane, row, height)
            placements.append(Placement(session, day_index, lane, 1, row, height))
        lanes.append(max([GROUP_LANES - 1, *taken]) + 1)
    return WeekLayout(days, start, slot, rows, tuple(lanes), tuple(placements))
